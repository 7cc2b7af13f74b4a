//! Relation signatures: domain and range classes read from the OWL ontology.

use super::*;

/// The domain or range classes of a property: a class or an `owl:unionOf` list.
pub(super) fn classes_of_property(quads: &[Quad], property: &str, which: &str) -> Vec<String> {
    let pred = format!("{}{which}", ns::RDFS);
    let subject_is = |q: &Quad, t: &Term| match (&q.subject, t) {
        (NamedOrBlankNode::NamedNode(a), Term::NamedNode(b)) => a == b,
        (NamedOrBlankNode::BlankNode(a), Term::BlankNode(b)) => a == b,
        _ => false,
    };
    let obj = |s: &Term, p: &str| -> Option<Term> {
        quads
            .iter()
            .find(|q| subject_is(q, s) && q.predicate.as_str() == p)
            .map(|q| q.object.clone())
    };
    let Some(node) = quads
        .iter()
        .find(|q| {
            matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == property)
                && q.predicate.as_str() == pred
        })
        .map(|q| q.object.clone())
    else {
        return Vec::new();
    };
    let local = |t: &Term| match t {
        Term::NamedNode(n) => n.as_str().strip_prefix(ns::AG).map(str::to_string),
        _ => None,
    };
    if let Some(c) = local(&node) {
        return vec![c];
    }
    let mut out = Vec::new();
    let mut cell = obj(&node, &format!("{}unionOf", ns::OWL));
    let first = format!("{}first", ns::RDF);
    let rest = format!("{}rest", ns::RDF);
    let mut guard = 0;
    while let Some(c) = cell {
        guard += 1;
        if guard > 64 || !matches!(c, Term::BlankNode(_)) {
            break;
        }
        if let Some(v) = obj(&c, &first).as_ref().and_then(local) {
            out.push(v);
        }
        cell = obj(&c, &rest);
    }
    out
}
