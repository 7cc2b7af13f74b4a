//! The RDF model of the store: one named graph per document holding the
//! document node, the sentences that carry statements, the reified statement
//! nodes, per-actor mention counts and the descriptions of discovered actors;
//! and the way back from those quads to [`Statement`]s and [`Actor`]s.
//!
//! Invariants: no blank node is ever written here (quantities are IRI nodes
//! `<statement>/q<n>`), so that the same extraction always gives the same
//! quads; the plain triple `<subject> <relation> <object>` is written only for
//! positive statements, so that a naive query never reads a denial as a fact.

use std::collections::{BTreeMap, HashSet};

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{
    GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term, TermRef,
};

use crate::error::{Error, Result};
use crate::model::{
    Actor, Evidence, Extraction, Modality, Polarity, Quantity, Span, Statement, ns,
};
use crate::ontology::Ontology;

/// The named graph holding the ontology.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/actorgraph/graph/ontology";
/// The named graph holding the actor lexicon.
pub const LEXICON_GRAPH: &str = "https://w3id.org/actorgraph/graph/lexicon";

const DCTERMS_IDENTIFIER: &str = "http://purl.org/dc/terms/identifier";
const DCTERMS_TITLE: &str = "http://purl.org/dc/terms/title";
const DCTERMS_SOURCE: &str = "http://purl.org/dc/terms/source";
const DCTERMS_ISSUED: &str = "http://purl.org/dc/terms/issued";
const DCTERMS_DATE: &str = "http://purl.org/dc/terms/date";
const DCTERMS_IS_PART_OF: &str = "http://purl.org/dc/terms/isPartOf";
const PROV_WAS_DERIVED_FROM: &str = "http://www.w3.org/ns/prov#wasDerivedFrom";
const GEO_LAT: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#lat";
const GEO_LONG: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#long";

/// `ag:<local>` as a named node.
pub(crate) fn ag(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", ns::AG))
}

fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// Checks an IRI that comes from outside the store (lexicon, recognizer).
pub(crate) fn checked(iri: &str) -> Result<NamedNode> {
    NamedNode::new(iri).map_err(|e| Error::Store {
        path: "(rdf)".into(),
        message: format!("invalid IRI <{iri}>: {e}"),
    })
}

fn integer(n: usize) -> Literal {
    // xsd:integer rather than xsd:nonNegativeInteger: the same value space,
    // and every SPARQL engine compares it numerically (shapes.ttl accepts it).
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

fn decimal(x: f64) -> Literal {
    // Rust prints the shortest decimal that reads back as the same f64 and
    // never uses an exponent, which is exactly xsd:decimal's lexical form.
    let x = if x.is_finite() { x } else { 0.0 };
    let mut s = format!("{x}");
    if s == "-0" {
        s = "0".into();
    }
    Literal::new_typed_literal(s, xsd::DECIMAL)
}

fn arabic(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "ar")
}

/// The datatype of an event date by its shape: `YYYY-MM-DD`, `YYYY-MM` or
/// `YYYY`; anything else stays a plain string so that nothing is lost.
fn event_date(s: &str) -> Literal {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    let ok = parts.iter().all(|p| digits(p))
        && parts.first().is_some_and(|y| y.len() == 4)
        && parts.iter().skip(1).all(|p| p.len() == 2);
    let datatype = match parts.len() {
        1 if ok => xsd::G_YEAR,
        2 if ok => xsd::G_YEAR_MONTH,
        3 if ok => xsd::DATE,
        _ => xsd::STRING,
    };
    Literal::new_typed_literal(s, datatype)
}

/// A publication date: xsd:date or xsd:dateTime when it has that shape.
fn issued(s: &str) -> Option<Literal> {
    let b = s.as_bytes();
    let date_like = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !date_like {
        return None;
    }
    if b.len() == 10 {
        Some(Literal::new_typed_literal(s, xsd::DATE))
    } else if b[10] == b'T' && b.len() >= 19 {
        Some(Literal::new_typed_literal(s, xsd::DATE_TIME))
    } else {
        None
    }
}

/// The IRI of sentence `index` of the document with IRI `doc`.
pub fn sentence_iri(doc: &str, index: usize) -> String {
    format!("{doc}/s{index}")
}

/// Quads of one named graph, deduplicated in insertion order.
struct GraphWriter {
    name: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn add(&mut self, s: &NamedNode, p: impl Into<NamedNode>, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), p.into(), o.into(), self.name.clone()));
    }

    /// The quads, each once, in the order first added. Duplicates are
    /// dropped here, by reference, rather than by keeping a cloned copy of
    /// every quad in a set while adding.
    fn finish(mut self) -> Vec<Quad> {
        let keep: Vec<bool> = {
            let mut seen: HashSet<&Quad> = HashSet::with_capacity(self.quads.len());
            self.quads.iter().map(|q| seen.insert(q)).collect()
        };
        let mut i = 0;
        self.quads.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        self.quads
    }
}

/// Every quad of one document's graph (graph name = the document IRI).
pub(crate) fn document_quads(x: &Extraction, ontology: &Ontology) -> Result<Vec<Quad>> {
    let doc = &x.document;
    let d = checked(&doc.iri())?;
    let mut g = GraphWriter {
        name: GraphName::NamedNode(d.clone()),
        quads: Vec::new(),
    };

    g.add(&d, rdf::TYPE, ag("Document"));
    g.add(
        &d,
        node(DCTERMS_IDENTIFIER),
        Literal::new_simple_literal(&doc.id),
    );
    g.add(&d, ag("sha256"), Literal::new_simple_literal(&doc.sha256));
    if let Some(t) = &doc.title {
        g.add(&d, node(DCTERMS_TITLE), Literal::new_simple_literal(t));
    }
    if let Some(u) = &doc.url {
        g.add(
            &d,
            node(DCTERMS_SOURCE),
            Literal::new_typed_literal(u, xsd::ANY_URI),
        );
    }
    if let Some(p) = &doc.published {
        match issued(p) {
            Some(lit) => g.add(&d, node(DCTERMS_ISSUED), lit),
            // Kept, but under dcterms:date, as dcterms:issued promises a date.
            None => g.add(&d, node(DCTERMS_DATE), Literal::new_simple_literal(p)),
        }
    }

    // Sentences that carry statements, in index order.
    let mut sentences: BTreeMap<usize, &Evidence> = BTreeMap::new();
    for st in &x.statements {
        sentences.entry(st.evidence.index).or_insert(&st.evidence);
    }
    for (index, ev) in &sentences {
        let s = checked(&sentence_iri(d.as_str(), *index))?;
        g.add(&s, rdf::TYPE, ag("Sentence"));
        g.add(&s, ag("text"), arabic(&ev.sentence));
        g.add(&s, ag("start"), integer(ev.span.start));
        g.add(&s, ag("end"), integer(ev.span.end));
        g.add(&s, ag("index"), integer(*index));
        g.add(&s, node(DCTERMS_IS_PART_OF), d.clone());
    }

    for st in &x.statements {
        let relation = ontology
            .relation(&st.relation)
            .ok_or_else(|| Error::Store {
                path: "(rdf)".into(),
                message: format!(
                    "document {}: statement uses relation {:?}, which the ontology does not define",
                    doc.id, st.relation
                ),
            })?;
        let p = checked(&relation.iri)?;
        let subject = checked(&st.subject)?;
        let object = checked(&st.object)?;
        let n = checked(&st.iri())?;
        g.add(&n, rdf::TYPE, ag("Statement"));
        g.add(&n, rdf::SUBJECT, subject.clone());
        g.add(&n, rdf::PREDICATE, p.clone());
        g.add(&n, rdf::OBJECT, object.clone());
        let polarity = match st.polarity {
            Polarity::Pos => "Positive",
            Polarity::Neg => "Negative",
        };
        g.add(&n, ag("polarity"), ag(polarity));
        let modality = match st.modality {
            Modality::Asserted => "Asserted",
            Modality::Reported => "Reported",
            Modality::Hedged => "Hedged",
        };
        g.add(&n, ag("modality"), ag(modality));
        if let Some(date) = &st.date {
            match date.split_once('/') {
                Some((a, b)) => {
                    if !a.is_empty() {
                        g.add(&n, ag("startDate"), event_date(a));
                    }
                    if !b.is_empty() {
                        g.add(&n, ag("endDate"), event_date(b));
                    }
                }
                None => g.add(&n, ag("date"), event_date(date)),
            }
        }
        g.add(&n, ag("confidence"), decimal(st.confidence));
        g.add(&n, ag("pattern"), Literal::new_simple_literal(&st.pattern));
        if let Some(a) = &st.attributed_to {
            g.add(&n, ag("attributedTo"), arabic(a));
        }
        for (i, q) in st.quantities.iter().enumerate() {
            let qn = checked(&format!("{}/q{i}", n.as_str()))?;
            g.add(&n, ag("quantity"), qn.clone());
            g.add(&qn, rdf::TYPE, ag("Quantity"));
            g.add(&qn, ag("amount"), decimal(q.amount));
            g.add(&qn, ag("unit"), Literal::new_simple_literal(&q.unit));
            g.add(&qn, rdfs::LABEL, arabic(&q.text));
        }
        let ev = &st.evidence;
        let focus = focus_text(ev);
        g.add(&n, ag("evidenceText"), arabic(focus));
        g.add(&n, ag("evidenceStart"), integer(ev.focus.start));
        g.add(&n, ag("evidenceEnd"), integer(ev.focus.end));
        let s = checked(&sentence_iri(d.as_str(), ev.index))?;
        g.add(&n, node(PROV_WAS_DERIVED_FROM), s);
        if st.polarity == Polarity::Pos {
            g.add(&subject, p, object);
        }
    }

    // Mention counts, per actor, in IRI order.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &x.mentions {
        *counts.entry(m.actor.as_str()).or_default() += 1;
    }
    for (actor, count) in counts {
        g.add(&checked(actor)?, ag("mentionCount"), integer(count));
    }

    for a in &x.discovered {
        let n = checked(&a.iri)?;
        let class = if a.class.is_empty() {
            "Actor"
        } else {
            &a.class
        };
        g.add(&n, rdf::TYPE, ag(class));
        if !a.label.is_empty() {
            g.add(
                &n,
                rdfs::LABEL,
                Literal::new_language_tagged_literal_unchecked(&a.label, "en"),
            );
        }
        if !a.label_ar.is_empty() {
            g.add(&n, rdfs::LABEL, arabic(&a.label_ar));
        }
        g.add(&n, ag("discovered"), Literal::from(true));
        if let Some(lat) = a.lat {
            g.add(&n, node(GEO_LAT), decimal(lat));
        }
        if let Some(long) = a.long {
            g.add(&n, node(GEO_LONG), decimal(long));
        }
    }
    Ok(g.finish())
}

/// The words of the sentence that state the relation, cut from the sentence
/// text (the focus span is inside the sentence span, in document offsets).
fn focus_text(ev: &Evidence) -> &str {
    let from = ev.focus.start.saturating_sub(ev.span.start);
    let to = ev.focus.end.saturating_sub(ev.span.start);
    ev.sentence.get(from..to).unwrap_or("")
}

/// Quads of the ontology (or lexicon) file moved into `graph`. Blank nodes
/// (OWL class expressions such as `owl:unionOf` lists) get labels numbered in
/// file order, so that two loads of the same file give the same quads.
pub(crate) fn graph_quads(quads: &[Quad], graph: &str, prefix: &str) -> Vec<Quad> {
    use oxigraph::model::{BlankNode, NamedOrBlankNode};
    let mut labels: BTreeMap<String, BlankNode> = BTreeMap::new();
    let mut relabel = |b: &BlankNode| {
        let next = labels.len();
        labels
            .entry(b.as_str().to_string())
            .or_insert_with(|| BlankNode::new_unchecked(format!("{prefix}{next}")))
            .clone()
    };
    let g = GraphName::NamedNode(node(graph));
    quads
        .iter()
        .map(|q| {
            let subject = match &q.subject {
                NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(relabel(b)),
                s => s.clone(),
            };
            let object = match &q.object {
                Term::BlankNode(b) => Term::BlankNode(relabel(b)),
                o => o.clone(),
            };
            Quad::new(subject, q.predicate.clone(), object, g.clone())
        })
        .collect()
}

/// The properties of one node in one graph, as read back from the store.
#[derive(Default)]
pub(crate) struct Props(pub(crate) Vec<(NamedNode, Term)>);

impl Props {
    fn term(&self, p: NamedNodeRef<'_>) -> Option<&Term> {
        self.0.iter().find(|(k, _)| k.as_ref() == p).map(|(_, v)| v)
    }
    fn literal(&self, p: NamedNodeRef<'_>) -> Option<&Literal> {
        self.0.iter().find_map(|(k, v)| match v {
            Term::Literal(l) if k.as_ref() == p => Some(l),
            _ => None,
        })
    }
    fn lang(&self, p: NamedNodeRef<'_>, lang: &str) -> Option<&str> {
        self.0.iter().find_map(|(k, v)| match v {
            Term::Literal(l) if k.as_ref() == p && l.language() == Some(lang) => Some(l.value()),
            _ => None,
        })
    }
    fn iri(&self, p: NamedNodeRef<'_>) -> Option<&str> {
        match self.term(p)? {
            Term::NamedNode(n) => Some(n.as_str()),
            _ => None,
        }
    }
    fn value(&self, p: NamedNodeRef<'_>) -> Option<&str> {
        self.literal(p).map(|l| l.value())
    }
    fn number<T: std::str::FromStr>(&self, p: NamedNodeRef<'_>) -> Option<T> {
        self.value(p)?.parse().ok()
    }
    fn iris(&self, p: NamedNodeRef<'_>) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k.as_ref() == p)
            .filter_map(|(_, v)| match v {
                Term::NamedNode(n) => Some(n.as_str()),
                _ => None,
            })
            .collect()
    }
    /// The first `ag:` class among the node's types, in IRI order.
    fn class(&self) -> Option<String> {
        let mut types: Vec<&str> = self
            .iris(rdf::TYPE)
            .into_iter()
            .filter_map(|t| t.strip_prefix(ns::AG))
            .collect();
        types.sort_unstable();
        types.first().map(|t| t.to_string())
    }
}

/// Reads the properties of `subject` in `graph`.
pub(crate) fn props(
    store: &oxigraph::store::Store,
    subject: NamedNodeRef<'_>,
    graph: NamedNodeRef<'_>,
) -> Result<Props> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(Some(subject.into()), None, None, Some(graph.into())) {
        let q = q.map_err(super::storage_error)?;
        out.push((q.predicate, q.object));
    }
    Ok(Props(out))
}

/// The gold name of a relation property: from the ontology graph's
/// `ag:goldName`, else its local name in kebab case (`alliedWith` →
/// `allied-with`), which is how the ontology names them.
pub(crate) fn gold_names(store: &oxigraph::store::Store) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let gold = ag("goldName");
    for q in store.quads_for_pattern(
        None,
        Some(gold.as_ref()),
        None,
        Some(node(ONTOLOGY_GRAPH).as_ref().into()),
    ) {
        let q = q.map_err(super::storage_error)?;
        if let (NamedOrBlankNodeRef::NamedNode(p), TermRef::Literal(l)) =
            (q.subject.as_ref(), q.object.as_ref())
        {
            out.insert(p.as_str().to_string(), l.value().to_string());
        }
    }
    Ok(out)
}

fn kebab(local: &str) -> String {
    let mut s = String::with_capacity(local.len() + 4);
    for c in local.chars() {
        if c.is_ascii_uppercase() {
            s.push('-');
            s.push(c.to_ascii_lowercase());
        } else {
            s.push(c);
        }
    }
    s
}

/// Rebuilds a statement from its node's properties, its sentence's
/// properties and its document id.
pub(crate) fn statement(
    props: &Props,
    sentence: &Props,
    doc: &str,
    gold: &BTreeMap<String, String>,
    quantities: Vec<Quantity>,
) -> Option<Statement> {
    let predicate = props.iri(rdf::PREDICATE)?;
    let relation = gold
        .get(predicate)
        .cloned()
        .unwrap_or_else(|| kebab(predicate.rsplit(['#', '/']).next().unwrap_or(predicate)));
    let polarity = match props.iri(ag("polarity").as_ref())?.strip_prefix(ns::AG)? {
        "Negative" => Polarity::Neg,
        _ => Polarity::Pos,
    };
    let modality = match props.iri(ag("modality").as_ref())?.strip_prefix(ns::AG)? {
        "Reported" => Modality::Reported,
        "Hedged" => Modality::Hedged,
        _ => Modality::Asserted,
    };
    let date = match (
        props.value(ag("date").as_ref()),
        props.value(ag("startDate").as_ref()),
        props.value(ag("endDate").as_ref()),
    ) {
        (Some(d), _, _) => Some(d.to_string()),
        (None, None, None) => None,
        (None, a, b) => Some(format!("{}/{}", a.unwrap_or(""), b.unwrap_or(""))),
    };
    let span = Span::new(
        sentence.number(ag("start").as_ref())?,
        sentence.number(ag("end").as_ref())?,
    );
    let focus = Span::new(
        props.number(ag("evidenceStart").as_ref())?,
        props.number(ag("evidenceEnd").as_ref())?,
    );
    Some(Statement {
        doc: doc.to_string(),
        subject: props.iri(rdf::SUBJECT)?.to_string(),
        relation,
        object: props.iri(rdf::OBJECT)?.to_string(),
        polarity,
        modality,
        date,
        quantities,
        attributed_to: props.value(ag("attributedTo").as_ref()).map(str::to_string),
        evidence: Evidence {
            index: sentence.number(ag("index").as_ref())?,
            sentence: sentence.value(ag("text").as_ref())?.to_string(),
            span,
            focus,
        },
        pattern: props.value(ag("pattern").as_ref())?.to_string(),
        confidence: props.number(ag("confidence").as_ref())?,
    })
}

/// A quantity node's amount, unit and text.
pub(crate) fn quantity(props: &Props) -> Option<Quantity> {
    Some(Quantity {
        amount: props.number(ag("amount").as_ref())?,
        unit: props.value(ag("unit").as_ref())?.to_string(),
        text: props.lang(rdfs::LABEL, "ar").unwrap_or("").to_string(),
    })
}

/// The quantity index `n` of an IRI `<statement>/q<n>`, for ordering.
pub(crate) fn quantity_index(iri: &str) -> usize {
    iri.rsplit_once("/q")
        .and_then(|(_, n)| n.parse().ok())
        .unwrap_or(usize::MAX)
}

/// An actor described by `props` (lexicon entry or discovered actor).
pub(crate) fn actor(iri: &str, props: &Props) -> Option<Actor> {
    let class = props.class()?;
    Some(Actor {
        iri: iri.to_string(),
        label: props.lang(rdfs::LABEL, "en").unwrap_or("").to_string(),
        label_ar: props.lang(rdfs::LABEL, "ar").unwrap_or("").to_string(),
        class,
        discovered: matches!(props.value(ag("discovered").as_ref()), Some("true" | "1")),
        lat: props.number(node(GEO_LAT).as_ref()),
        long: props.number(node(GEO_LONG).as_ref()),
    })
}

/// An actor the store knows only by IRI: its label is the IRI's last segment.
pub(crate) fn bare_actor(iri: &str) -> Actor {
    let local = iri.rsplit(['/', '#']).next().unwrap_or(iri);
    Actor {
        iri: iri.to_string(),
        label: local.replace('_', " "),
        label_ar: String::new(),
        class: "Actor".into(),
        discovered: !iri.starts_with(ns::ACTOR),
        lat: None,
        long: None,
    }
}

/// IRIs used when reading the store back.
pub(crate) mod terms {
    use super::*;
    pub(crate) fn identifier() -> NamedNode {
        node(DCTERMS_IDENTIFIER)
    }
    pub(crate) fn derived_from() -> NamedNode {
        node(PROV_WAS_DERIVED_FROM)
    }
    pub(crate) fn graph(iri: &str) -> NamedNode {
        node(iri)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_typed_by_precision() {
        assert_eq!(event_date("2025-09-03").datatype(), xsd::DATE);
        assert_eq!(event_date("2025-07").datatype(), xsd::G_YEAR_MONTH);
        assert_eq!(event_date("2022").datatype(), xsd::G_YEAR);
        assert_eq!(event_date("early 2022").datatype(), xsd::STRING);
        assert_eq!(event_date("2025-7").datatype(), xsd::STRING);
    }

    #[test]
    fn decimals_read_back_as_the_same_float() {
        for x in [0.0, 0.85, 1.0, 2000.0, 0.1 + 0.2, 123456.789] {
            let lit = decimal(x);
            assert!(!lit.value().contains('e'), "{}", lit.value());
            assert_eq!(lit.value().parse::<f64>().expect("a number"), x);
        }
    }

    #[test]
    fn local_names_become_gold_names() {
        assert_eq!(kebab("alliedWith"), "allied-with");
        assert_eq!(kebab("paidRansomTo"), "paid-ransom-to");
        assert_eq!(kebab("supports"), "supports");
    }

    #[test]
    fn publication_dates() {
        assert_eq!(
            issued("2025-09-03").map(|l| l.datatype().into_owned()),
            Some(xsd::DATE.into_owned())
        );
        assert_eq!(
            issued("2025-09-03T10:00:00Z").map(|l| l.datatype().into_owned()),
            Some(xsd::DATE_TIME.into_owned())
        );
        assert!(issued("September 2025").is_none());
    }
}
