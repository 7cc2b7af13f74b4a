//! The data that flows between pipeline stages, in pipeline order.
//!
//! Invariant: every [`Span`] is a byte range into the *original* text of its
//! [`Document`] (never into a normalized copy), on `char` boundaries, so that
//! evidence is always quoted from the source.

use serde::{Deserialize, Serialize};

/// IRI namespaces of the graph.
pub mod ns {
    /// The ontology (classes and properties).
    pub const AG: &str = "https://w3id.org/actorgraph/ontology#";
    /// Actors, places and equipment (lexicon and discovered).
    pub const ACTOR: &str = "https://w3id.org/actorgraph/actor/";
    /// Documents (by content hash) and their sentences.
    pub const DOC: &str = "https://w3id.org/actorgraph/doc/";
    /// Statement nodes.
    pub const STMT: &str = "https://w3id.org/actorgraph/statement/";
    /// Named graphs that are not documents (lexicon, ontology).
    pub const GRAPH: &str = "https://w3id.org/actorgraph/graph/";
    /// RDF.
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /// RDF Schema.
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    /// OWL.
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
    /// XML Schema datatypes.
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
    /// SKOS.
    pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    /// PROV-O.
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    /// Dublin Core terms.
    pub const DCTERMS: &str = "http://purl.org/dc/terms/";
    /// WGS84 positions.
    pub const GEO: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#";

    /// The prefixes that shorten IRIs in Turtle, TriG, query results and
    /// tables, in the order they are declared.
    pub const PREFIXES: &[(&str, &str)] = &[
        ("ag", AG),
        ("actor", ACTOR),
        ("doc", DOC),
        ("stmt", STMT),
        ("graph", GRAPH),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("owl", OWL),
        ("xsd", XSD),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("geo", GEO),
    ];
}

/// An IRI as a string.
pub type Iri = String;

/// A byte range `start..end` in the original text of a document.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text this span covers in `text`, or "" when out of range.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// One input article, as read by `ingest`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name relative to the input root (for `.txt`) or the JSON Lines `id`.
    pub id: String,
    /// Where it was read from, for messages (`path` or `path:LINE`).
    pub origin: String,
    /// Title, when the input gives one.
    pub title: Option<String>,
    /// Source URL, when the input gives one.
    pub url: Option<String>,
    /// Publication date (ISO 8601), when the input gives one.
    pub published: Option<String>,
    /// The original text, unchanged.
    pub text: String,
    /// SHA-256 of `text`, lowercase hex.
    pub sha256: String,
}

impl Document {
    /// The document's IRI, from its content hash and id, so that the same
    /// file always gets the same IRI and two ids never share one.
    pub fn iri(&self) -> Iri {
        format!("{}{}", ns::DOC, &self.key()[..16])
    }
    /// A hash of id and content: documents are replaced when it changes.
    pub fn key(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(self.id.as_bytes());
        h.update([0u8]);
        h.update(self.sha256.as_bytes());
        hex(&h.finalize())
    }
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A sentence: its position in the document and its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in the document, from 0.
    pub index: usize,
    /// Byte span in the original text.
    pub span: Span,
    /// Cut from a longer run of text without punctuation (longer than
    /// [`crate::sentences::MAX_SENTENCE_BYTES`]): extraction stays linear,
    /// and the cut is reported.
    #[serde(default)]
    pub cut: bool,
}

/// How a mention names its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionKind {
    /// A name or alias from the lexicon.
    Name,
    /// A Latin acronym (JNIM, FLA).
    Acronym,
    /// A nationality adjective or demonym (الروسية، الروس).
    Adjective,
    /// A capital standing for its state (موسكو).
    Metonym,
    /// A name found by discovery (after جماعة، حركة، a title …), not in the lexicon.
    Discovered,
    /// A reference to an earlier named actor (الجماعة، التنظيم).
    Reference,
}

/// A recognized actor in a sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The actor's IRI (lexicon or minted for a discovered actor).
    pub actor: Iri,
    /// Byte span of the mention in the original text, clitics excluded.
    pub span: Span,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// How it names the actor.
    pub kind: MentionKind,
}

/// An actor, place or piece of equipment as the graph knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Its IRI.
    pub iri: Iri,
    /// English label (the one graph tools show).
    pub label: String,
    /// Arabic label.
    pub label_ar: String,
    /// Local name of its class in the ontology (`ArmedGroup`, `City` …).
    pub class: String,
    /// Minted by discovery rather than taken from the lexicon.
    pub discovered: bool,
    /// WGS84 latitude, for places.
    pub lat: Option<f64>,
    /// WGS84 longitude, for places.
    pub long: Option<f64>,
}

/// Whether a statement affirms or denies its relation.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Affirmed.
    #[default]
    Pos,
    /// Denied (لم، لا، ليس، نفى …).
    Neg,
}

/// How the text commits to a statement.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact by the article.
    #[default]
    Asserted,
    /// Attributed to a source (أعلنت، أفادت، حسب …).
    Reported,
    /// Possible, expected or feared (قد، ربما، يحتمل …).
    Hedged,
}

impl Polarity {
    /// `pos` or `neg`.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Pos => "pos",
            Polarity::Neg => "neg",
        }
    }
}

impl Modality {
    /// `asserted`, `reported` or `hedged`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Hedged => "hedged",
        }
    }
}

/// A number the sentence attaches to a statement (fighters, casualties, money …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The value.
    pub amount: f64,
    /// What is counted: `fighters`, `casualties`, `vehicles`, `USD` …
    pub unit: String,
    /// The text it was read from.
    pub text: String,
}

/// The evidence of a statement: its sentence, quoted from the original text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Index of the sentence in its document.
    pub index: usize,
    /// The sentence text, exactly `document.text[span.start..span.end]`.
    pub sentence: String,
    /// Byte span of the sentence in the original file.
    pub span: Span,
    /// Byte span of the words that state the relation (inside `span`).
    pub focus: Span,
}

/// One extracted relation between two actors, with its qualifiers and provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The document id (see [`Document::id`]).
    pub doc: String,
    /// Subject actor IRI.
    pub subject: Iri,
    /// The relation's gold name (`allied-with`, `supports` …).
    pub relation: String,
    /// Object actor IRI.
    pub object: Iri,
    /// Affirmed or denied.
    pub polarity: Polarity,
    /// Asserted, reported or hedged.
    pub modality: Modality,
    /// When it happened: ISO 8601 (`2025-09-03`, `2025-07`, `2022`) or an interval `A/B`.
    pub date: Option<String>,
    /// Numbers attached to it.
    pub quantities: Vec<Quantity>,
    /// The named source of a reported claim, as written.
    pub attributed_to: Option<String>,
    /// Where it is stated.
    pub evidence: Evidence,
    /// The id of the pattern that found it.
    pub pattern: String,
    /// Confidence in `0.0..=1.0`.
    pub confidence: f64,
}

impl Statement {
    /// A stable IRI for this statement: a hash of its document, relation,
    /// arguments and evidence span, so rebuilding gives the same IRI.
    pub fn iri(&self) -> Iri {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [&self.doc, &self.subject, &self.relation, &self.object] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        h.update(self.evidence.focus.start.to_le_bytes());
        h.update(self.evidence.focus.end.to_le_bytes());
        h.update([self.polarity as u8]);
        format!("{}{}", ns::STMT, &hex(&h.finalize())[..20])
    }
}

/// A problem with one input that did not stop the others.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file, with `:LINE` where a line is at fault.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    /// The document.
    pub document: Document,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Recognized actor mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Actors minted by discovery in this document.
    pub discovered: Vec<Actor>,
    /// Extracted statements, in text order.
    pub statements: Vec<Statement>,
}

/// An actor with how often the corpus mentions it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorStats {
    /// The actor.
    pub actor: Actor,
    /// Number of mentions over all documents.
    pub mentions: usize,
    /// Number of documents that mention it.
    pub documents: usize,
}
