//! The records of the network view, kept in the view graph beside the
//! documents' own graphs and written in the same transaction as the
//! document they come from:
//!
//! - `<stmt> vw:json "…"`: each statement as the store reads it back
//!   ([`crate::model::Statement`] as JSON);
//! - `<actor> vw:stmt <stmt>`: the statements naming an actor (subject or
//!   object), so that the statements about one actor are an index look-up;
//! - `<actor> vw:in <doc>`: the documents whose statements name an actor,
//!   for its document count;
//! - `<view graph> vw:complete true`: every document of the store has its
//!   records (written with the first document of a new store, or once a
//!   build has stored every document again), so that readers may trust them;
//! - `<actor> vw:actor "…"`: each actor with its mention and document
//!   counts ([`crate::model::ActorStats`] as JSON), and `<view graph>
//!   vw:actors true` when they are current: written by `Store::save` after
//!   any change, removed by the first change of a session. Listing the
//!   actors then reads one literal per actor instead of a quad per actor and
//!   document (9 s for `neighbors` at 10k articles, most of it here).
//!
//! Why: the network that exports and traversal start from aggregates every
//! statement of the store. Rebuilding each statement from its ~20 quads
//! (one index look-up per node) made every `neighbors` or `export` cost as
//! much as reading the whole store; reading one literal per statement is a
//! scan of one predicate, and the statements about one actor are a few
//! look-ups. `build` and `remove` keep the records current with the
//! documents they describe, so they never disagree, and a kill at any
//! moment leaves both or neither.
//!
//! Invariant: a record holds exactly what [`super::Store::statements`] reads
//! from the document's quads: it is made from those quads (not from the
//! extraction), by the same reading code.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::rdf::{self, Props};
use crate::error::{Error, Result};
use crate::model::Statement;

/// The named graph holding the records. It lies in the `graph/` namespace,
/// which the RDF exports leave out with the ontology and lexicon.
pub(crate) const VIEW_GRAPH: &str = "https://w3id.org/actorgraph/graph/view";
const JSON: &str = "https://w3id.org/actorgraph/graph/view#json";
const STMT: &str = "https://w3id.org/actorgraph/graph/view#stmt";
const IN: &str = "https://w3id.org/actorgraph/graph/view#in";
const COMPLETE: &str = "https://w3id.org/actorgraph/graph/view#complete";
const ACTOR: &str = "https://w3id.org/actorgraph/graph/view#actor";
const ACTORS: &str = "https://w3id.org/actorgraph/graph/view#actors";

pub(crate) fn graph() -> NamedNode {
    NamedNode::new_unchecked(VIEW_GRAPH)
}
pub(crate) fn json() -> NamedNode {
    NamedNode::new_unchecked(JSON)
}
pub(crate) fn stmt() -> NamedNode {
    NamedNode::new_unchecked(STMT)
}
pub(crate) fn named_in() -> NamedNode {
    NamedNode::new_unchecked(IN)
}

pub(crate) fn actor() -> NamedNode {
    NamedNode::new_unchecked(ACTOR)
}

/// The quad saying that the actor records are current.
pub(crate) fn actors_current() -> Quad {
    Quad::new(
        graph(),
        NamedNode::new_unchecked(ACTORS),
        Literal::from(true),
        GraphName::NamedNode(graph()),
    )
}

/// The record of one actor's counts.
pub(crate) fn actor_record(stats: &crate::model::ActorStats) -> Result<Quad> {
    let json = serde_json::to_string(stats).map_err(|e| Error::Store {
        path: VIEW_GRAPH.into(),
        message: format!("cannot write the record of {}: {e}", stats.actor.iri),
    })?;
    Ok(quad(
        &NamedNode::new_unchecked(stats.actor.iri.as_str()),
        actor(),
        Literal::from(json),
    ))
}

/// The quad saying that every document has its records.
pub(crate) fn complete() -> Quad {
    Quad::new(
        graph(),
        NamedNode::new_unchecked(COMPLETE),
        Literal::from(true),
        GraphName::NamedNode(graph()),
    )
}

fn quad(s: &NamedNode, p: NamedNode, o: impl Into<Term>) -> Quad {
    Quad::new(s.clone(), p, o.into(), GraphName::NamedNode(graph()))
}

/// The record quads of the document `doc` (id `doc_id`), read from the quads
/// of its graph.
pub(crate) fn records(
    doc: &NamedNode,
    doc_id: &str,
    quads: &[Quad],
    gold: &BTreeMap<String, String>,
) -> Result<Vec<Quad>> {
    let mut nodes: HashMap<&NamedNode, Props> = HashMap::new();
    for q in quads {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            nodes
                .entry(s)
                .or_default()
                .0
                .push((q.predicate.clone(), q.object.clone()));
        }
    }
    let statement = Term::NamedNode(rdf::ag("Statement"));
    let mut out = Vec::new();
    let mut named: BTreeSet<String> = BTreeSet::new();
    for q in quads {
        let (NamedOrBlankNode::NamedNode(node), GraphName::NamedNode(g)) =
            (&q.subject, &q.graph_name)
        else {
            continue;
        };
        if q.predicate != rdfv::TYPE || q.object != statement {
            continue;
        }
        let st = super::read_statement(node, g, doc_id, gold, &mut |n| {
            Ok(nodes.get(n).map(|p| Props(p.0.clone())).unwrap_or_default())
        })?;
        let text = serde_json::to_string(&st).map_err(|e| Error::Store {
            path: "(view)".into(),
            message: format!("cannot write the record of <{}>: {e}", node.as_str()),
        })?;
        out.push(quad(node, json(), Literal::new_simple_literal(text)));
        for a in [&st.subject, &st.object] {
            out.push(quad(&rdf::checked(a)?, stmt(), node.clone()));
        }
        named.insert(st.subject);
        named.insert(st.object);
    }
    for a in &named {
        out.push(quad(&rdf::checked(a)?, named_in(), doc.clone()));
    }
    Ok(out)
}

/// Reads a statement back from its record.
pub(crate) fn parse(node: &str, text: &str) -> Result<Statement> {
    serde_json::from_str(text).map_err(|e| Error::Store {
        path: "(view)".into(),
        message: format!(
            "the record of <{node}> is unreadable ({e}); run `actorgraph build` again"
        ),
    })
}
