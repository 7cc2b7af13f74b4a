//! Extracts typed relations between mentions, with their qualifiers.
//!
//! The patterns are data (`ontology/lang/ar/patterns/*.toml`, see [`patterns`]); this
//! module is the engine that applies them. For each sentence it tokenizes the
//! original text, places the mentions on the tokens, cuts the sentence into
//! clauses, finds triggers with affix tolerance, and fills each trigger's
//! arguments according to its frame (verb, verbal noun, participles,
//! prepositional phrase, بين-list, title). Arguments are checked against the
//! relation's domain and range in the ontology; coordinated arguments give one
//! statement each; a dropped subject takes the last agreeing subject of the
//! same or the previous sentence. Polarity, modality, dates and quantities
//! come from their own submodules.

//! The engine is split by role:
//! - `context`: a sentence prepared for the frames (tokens, arguments, clauses);
//! - `agreement`: gender and number, pronouns;
//! - `topics`: what later clauses refer back to;
//! - `args`, `coordination`, `predicates`: argument finders;
//! - `frames`: one file per frame family (verb, noun, participle, prep, title);
//! - `assemble`: statements with qualifiers and provenance;
//! - `qualifiers`: polarity, modality, dates, quantities and their cues.

mod agreement;
mod args;
mod assemble;
mod claims;
mod context;
mod coordination;
mod frames;
pub mod patterns;
mod phrases;
mod predicates;
mod qualifiers;
mod signature;
mod topics;

use std::collections::{BTreeMap, HashMap};

use oxigraph::model::{NamedOrBlankNode, Quad, Term};

use crate::error::{Error, Result};
use crate::grammar::{Grammar, Words};
use crate::model::{
    Actor, Document, Evidence, Iri, Mention, MentionKind, Modality, Polarity, Sentence, Span,
    Statement, ns,
};
use crate::ontology::Ontology;
use crate::text::fold;
use crate::text::tokens::{self as text, CLAUSE_PUNCT, DASHES, QUOTES, TokKind, Token, is_comma};
use agreement::*;
use args::*;
use context::*;
use coordination::*;
use patterns::{Frame, Genitive, Hit, Implicit, ObjectAs, Pattern, TriggerIndex};
use phrases::*;
use predicates::*;
use qualifiers::{cues, dates, modality, polarity, quantities};
use signature::*;
use topics::*;

/// How many sentences back a dropped subject may find its antecedent: news
/// paragraphs keep their topic across a sentence or two.
pub(super) const TOPIC_REACH: usize = 2;

/// The folder under the ontology folder that holds the patterns.
pub const PATTERNS_DIR: &str = "lang/ar/patterns";

/// The ontology's class of places (cities, regions, facilities and states).
const PLACE_CLASS: &str = "Place";

/// The compiled relation patterns.
#[derive(Debug)]
pub struct Extractor {
    patterns: Vec<Pattern>,
    index: TriggerIndex,
    /// Relation gold name → (domain classes, range classes).
    signatures: HashMap<String, (Vec<String>, Vec<String>)>,
    /// Class local name → itself and its ancestors.
    ancestors: HashMap<String, Vec<String>>,
    /// Lexicon IRI → class local name.
    lexicon: HashMap<Iri, String>,
    /// Relations whose statements are remembered as events for result
    /// clauses (every pattern's `result-of`).
    event_relations: Vec<String>,
    /// State IRI → its government, where the lexicon names actors of class
    /// `Government` for the state: `None` when it names several.
    governments: HashMap<Iri, Option<Ent>>,
    /// State IRI → its ministries in the lexicon, each with the word of
    /// its portfolio as a title names it (وزارة الدفاع الروسية → الدفاع,
    /// folded): «وزير الدفاع الروسي» belongs to that ministry.
    ministries: HashMap<Iri, Vec<(String, Ent)>>,
    /// The state of every lexicon actor that has one (ag:country): an army
    /// attacking positions in its own country attacks no state.
    country: HashMap<Iri, Iri>,
    /// Negators, reporting words and hedges (`lang/ar/patterns/qualifiers.toml`).
    cues: cues::Cues,
    /// The language's word classes and affixes (`lang/ar/grammar.toml`).
    grammar: Grammar,
    /// The phrases introducing a name (`so-called`), split once.
    so_called: Vec<SoCalled>,
}

impl Extractor {
    /// Loads the patterns under the ontology folder and checks them against the ontology.
    pub fn load(ontology: &Ontology) -> Result<Extractor> {
        let dir = ontology.dir.join(PATTERNS_DIR);
        let patterns = patterns::read_dir(&dir)?;
        Extractor::from_patterns(patterns, ontology)
    }

    /// Compiles already read patterns (the tests use it for one-pattern engines).
    pub fn from_patterns(patterns: Vec<Pattern>, ontology: &Ontology) -> Result<Extractor> {
        patterns::validate(&patterns, ontology)?;
        if patterns.is_empty() {
            return Err(Error::Ontology {
                path: ontology.dir.join(PATTERNS_DIR),
                message: "no relation pattern found (*.toml)".into(),
            });
        }
        let mut signatures = HashMap::new();
        for r in &ontology.relations {
            let domain = classes_of_property(&ontology.ontology_quads, &r.iri, "domain");
            let range = classes_of_property(&ontology.ontology_quads, &r.iri, "range");
            signatures.insert(r.name.clone(), (domain, range));
        }
        let mut ancestors = HashMap::new();
        for c in ontology.classes.keys() {
            let up: Vec<String> = ontology
                .classes
                .keys()
                .filter(|a| ontology.is_a(c, a))
                .cloned()
                .collect();
            ancestors.insert(c.clone(), up);
        }
        let lexicon = ontology
            .lexicon
            .iter()
            .map(|e| (e.iri.clone(), e.class.clone()))
            .collect();
        let grammar = Grammar::load(&ontology.dir)?;
        let mut event_relations: Vec<String> =
            patterns.iter().flat_map(|p| p.result_of.clone()).collect();
        event_relations.sort();
        event_relations.dedup();
        let mut by_state: BTreeMap<&str, Vec<&crate::ontology::LexEntry>> = BTreeMap::new();
        for e in ontology.lexicon.iter().filter(|e| e.class == "Government") {
            if let Some(c) = &e.country {
                by_state.entry(c.as_str()).or_default().push(e);
            }
        }
        let governments = by_state
            .into_iter()
            .map(|(state, govs)| {
                let one = match govs.as_slice() {
                    [g] => Some(Ent {
                        actor: g.iri.clone(),
                        class: g.class.clone(),
                        span: None,
                        gender: Gender::Fem,
                    }),
                    _ => None,
                };
                (state.to_string(), one)
            })
            .collect();
        let mut ministries: HashMap<Iri, Vec<(String, Ent)>> = HashMap::new();
        for e in ontology.lexicon.iter().filter(|e| e.class == "Ministry") {
            let (Some(c), Some(word)) = (&e.country, e.label_ar.split_whitespace().nth(1)) else {
                continue;
            };
            ministries.entry(c.clone()).or_default().push((
                fold(word),
                Ent {
                    actor: e.iri.clone(),
                    class: e.class.clone(),
                    span: None,
                    gender: Gender::Fem,
                },
            ));
        }
        let country = ontology
            .lexicon
            .iter()
            .filter_map(|e| Some((e.iri.clone(), e.country.clone()?)))
            .collect();
        let index = TriggerIndex::new(&patterns, &grammar);
        let so_called = SoCalled::of(&grammar);
        let cues = cues::Cues::read(&ontology.dir.join(PATTERNS_DIR).join(cues::QUALIFIERS_FILE))?;
        Ok(Extractor {
            patterns,
            index,
            signatures,
            ancestors,
            lexicon,
            event_relations,
            governments,
            ministries,
            country,
            cues,
            grammar,
            so_called,
        })
    }

    /// The loaded patterns, in file and declaration order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    fn is_a(&self, class: &str, allowed: &[String]) -> bool {
        allowed.is_empty()
            || self
                .ancestors
                .get(class)
                .is_some_and(|up| allowed.iter().any(|a| up.contains(a)))
    }

    /// The domain and range classes of a relation (empty: unconstrained),
    /// borrowed: the frames ask for every candidate pair.
    fn signature(&self, relation: &str) -> (&[String], &[String]) {
        self.signatures
            .get(relation)
            .map_or((&[][..], &[][..]), |(d, r)| (d.as_slice(), r.as_slice()))
    }

    /// Whether an actor of `class` can fill the frame's first (subject) or
    /// second (object) slot of `p`, before `swap` is applied.
    fn slot_fits(&self, p: &Pattern, class: &str, first_slot: bool) -> bool {
        let (domain, range) = self.signature(&p.relation);
        let subject_role = first_slot != p.swap;
        if subject_role {
            self.is_a(class, domain) && self.is_a(class, &p.subject_class)
        } else {
            self.is_a(class, range) && self.is_a(class, &p.object_class)
        }
    }

    fn fits(&self, p: &Pattern, subject: &Ent, object: &Ent) -> bool {
        self.fits_relation(&p.relation, subject, object)
            && self.is_a(&subject.class, &p.subject_class)
            && self.is_a(&object.class, &p.object_class)
    }

    /// Whether one of two actors is the other's own state (مالي and its
    /// army, its junta: «التعاون المالي مع باماكو» is financial
    /// cooperation, not Mali allied with its own government).
    fn own_body(&self, a: &Ent, b: &Ent) -> bool {
        self.country.get(&a.actor) == Some(&b.actor) || self.country.get(&b.actor) == Some(&a.actor)
    }

    /// Whether `subject relation object` fits the relation's signature.
    fn fits_relation(&self, relation: &str, subject: &Ent, object: &Ent) -> bool {
        let (domain, range) = self.signature(relation);
        subject.actor != object.actor
            && !(PARTIES_APART.contains(&relation) && self.own_body(subject, object))
            && self.is_a(&subject.class, domain)
            && self.is_a(&object.class, range)
    }

    /// The statements of `doc`, in text order. `discovered` are the actors
    /// minted for this document (the lexicon's are in the ontology).
    pub fn extract(
        &self,
        doc: &Document,
        sentences: &[Sentence],
        mentions: &[Mention],
        discovered: &[Actor],
    ) -> Vec<Statement> {
        let dateline = dates::dateline(&self.grammar, &doc.text);
        let published = doc
            .published
            .as_deref()
            .and_then(dates::Ymd::parse)
            .or(dateline.map(|(day, _)| day));
        let classes: HashMap<&str, &str> = discovered
            .iter()
            .map(|a| (a.iri.as_str(), a.class.as_str()))
            .collect();
        let class_of = |iri: &str| -> String {
            self.lexicon
                .get(iri)
                .map(String::as_str)
                .or_else(|| classes.get(iri).copied())
                .unwrap_or("Actor")
                .to_string()
        };
        let mut out: Vec<Statement> = Vec::new();
        let mut topics: Vec<Topic> = Vec::new();
        let mut events: Vec<Event> = Vec::new();
        let mut states = StateCount::default();
        // «باماكو - 29 ديسمبر 2025 (وكالات) -»: a dispatch filed from a
        // city of a state is about that state as much as a naming of it.
        if let Some(state) =
            dateline.and_then(|(_, end)| self.dateline_state(&doc.text, mentions, end))
        {
            states.count(state);
        }
        for sentence in sentences {
            let ctx = self.prepare(&doc.text, sentence, mentions, published, &class_of);
            states.add(&ctx);
            // The dispatch's lead: the sentence right after its dateline.
            let lead = dateline
                .filter(|&(_, end)| sentence.span.start <= end && end <= sentence.span.end)
                .map(|(day, _)| day);
            let doc_ctx = DocCtx {
                doc,
                article_state: states.top(),
                lead_date: lead,
            };
            self.sentence(&doc_ctx, sentence, &ctx, &mut topics, &mut events, &mut out);
        }
        out
    }
}
impl Extractor {
    /// The state of the place a dateline opens with: the first mention of
    /// the text, before the dateline's date and first on its line, when it
    /// is a place of the lexicon with a state (ag:country).
    fn dateline_state(&self, text: &str, mentions: &[Mention], date_end: usize) -> Option<Ent> {
        let first = mentions
            .iter()
            .filter(|m| m.span.end <= date_end && m.kind == MentionKind::Name)
            .min_by_key(|m| m.span.start)?;
        let line_start = text[..first.span.start].rfind('\n').map_or(0, |i| i + 1);
        if !text[line_start..first.span.start].trim().is_empty() {
            return None;
        }
        let class = self.lexicon.get(&first.actor)?;
        let state = self.country.get(&first.actor)?;
        (class != "State" && self.lexicon.get(state).map(String::as_str) == Some("State")).then(
            || Ent {
                actor: state.clone(),
                class: "State".into(),
                span: None,
                gender: Gender::Fem,
            },
        )
    }
}

#[cfg(test)]
mod tests;

/// Relations between parties that stand apart: a state is never allied
/// with, nor negotiates with, its own army or government.
const PARTIES_APART: &[&str] = &["allied-with", "negotiated-with"];
