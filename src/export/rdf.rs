//! The RDF formats, written by Oxigraph's serializers from the store's quads.
//!
//! What is exported: every quad of the document graphs (any graph outside
//! the `graph/` namespace, which holds the ontology and the lexicon), plus
//! the lexicon's triples about the actors those documents name, so that each
//! actor in the file has its labels and class. The ontology itself is left
//! out (it is `ontology/actorgraph.ttl`). Turtle and N-Triples hold the union
//! of these graphs; TriG, N-Quads and JSON-LD keep each in its named graph.
//!
//! Oxigraph iterates quads in its own index order, which is not a promise;
//! quads are sorted here (by graph, subject, predicate, object, each in its
//! N-Triples form) so that the same store always gives the same bytes.

use std::collections::BTreeSet;
use std::io::Write;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};

use super::Format;
use crate::error::{Error, Result};
use crate::model::ns;
use crate::store::Store;

/// Prefixes for Turtle and TriG, in the order they are declared.
const PREFIXES: &[(&str, &str)] = &[
    ("ag", ns::AG),
    ("actor", ns::ACTOR),
    ("doc", ns::DOC),
    ("stmt", ns::STMT),
    ("graph", ns::GRAPH),
    ("rdf", ns::RDF),
    ("rdfs", ns::RDFS),
    ("owl", ns::OWL),
    ("xsd", ns::XSD),
    ("skos", ns::SKOS),
    ("prov", ns::PROV),
    ("dcterms", ns::DCTERMS),
    ("geo", ns::GEO),
];

pub(super) fn write(store: &Store, format: Format, out: &mut dyn Write) -> Result<()> {
    let err = |message: String| Error::Export {
        format: format.name().into(),
        message,
    };
    let (rdf_format, union) = match format {
        Format::Turtle => (RdfFormat::Turtle, true),
        Format::NTriples => (RdfFormat::NTriples, true),
        Format::TriG => (RdfFormat::TriG, false),
        Format::NQuads => (RdfFormat::NQuads, false),
        Format::JsonLd => (
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
            false,
        ),
        other => return Err(err(format!("{} is not an RDF format", other.name()))),
    };
    let quads = selected_quads(store, union)?;

    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(rdf_format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (prefix, iri) in PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *iri)
                .map_err(|e| err(e.to_string()))?;
        }
    }
    let mut writer = serializer.for_writer(&mut *out);
    for q in &quads {
        writer.serialize_quad(q).map_err(|e| err(e.to_string()))?;
    }
    writer.finish().map_err(|e| err(e.to_string()))?;
    Ok(())
}

/// The exported quads, sorted; with `union`, moved to the default graph and
/// deduplicated.
fn selected_quads(store: &Store, union: bool) -> Result<Vec<Quad>> {
    let store_err = |e: oxigraph::store::StorageError| Error::Store {
        path: "(store)".into(),
        message: e.to_string(),
    };
    let mut documents = Vec::new();
    let mut other = Vec::new();
    for q in store.oxigraph().iter() {
        let q = q.map_err(store_err)?;
        let in_doc_graph = match &q.graph_name {
            GraphName::NamedNode(g) => !g.as_str().starts_with(ns::GRAPH),
            GraphName::BlankNode(_) => true,
            GraphName::DefaultGraph => true,
        };
        if in_doc_graph {
            documents.push(q);
        } else {
            other.push(q);
        }
    }
    let mut actors: BTreeSet<String> = BTreeSet::new();
    for q in &documents {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject
            && s.as_str().starts_with(ns::ACTOR)
        {
            actors.insert(s.as_str().to_string());
        }
        if let Term::NamedNode(o) = &q.object
            && o.as_str().starts_with(ns::ACTOR)
        {
            actors.insert(o.as_str().to_string());
        }
    }
    let about_actor = |q: &Quad| match &q.subject {
        NamedOrBlankNode::NamedNode(s) => actors.contains(s.as_str()),
        _ => false,
    };
    let mut quads: Vec<Quad> = documents;
    quads.extend(other.into_iter().filter(|q| about_actor(q)));
    if union {
        for q in &mut quads {
            q.graph_name = GraphName::DefaultGraph;
        }
    }
    // One sort key per quad, `graph NUL subject NUL predicate NUL object`
    // in N-Triples form, all in one buffer. NUL sorts below every other byte
    // and never occurs in a term's N-Triples form (controls are escaped), so
    // comparing keys as bytes orders quads exactly as comparing the four
    // strings in turn, without four `String`s per quad.
    let mut buf: Vec<u8> = Vec::new();
    let mut keys: Vec<(usize, usize, usize)> = Vec::with_capacity(quads.len());
    for (i, q) in quads.iter().enumerate() {
        use std::io::Write as _;
        let start = buf.len();
        // Writing to a Vec cannot fail; the default graph's key is empty.
        let _ = match &q.graph_name {
            GraphName::DefaultGraph => {
                write!(buf, "\0{}\0{}\0{}", q.subject, q.predicate, q.object)
            }
            g => write!(buf, "{g}\0{}\0{}\0{}", q.subject, q.predicate, q.object),
        };
        keys.push((start, buf.len(), i));
    }
    let key = |k: &(usize, usize, usize)| &buf[k.0..k.1];
    keys.sort_unstable_by(|a, b| key(a).cmp(key(b)));
    keys.dedup_by(|a, b| key(a) == key(b));
    let order: Vec<usize> = keys.iter().map(|k| k.2).collect();
    drop(keys);
    drop(buf);
    let mut slots: Vec<Option<Quad>> = quads.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, Literal, NamedNode};

    /// The order the exports had when each quad carried four `String` keys:
    /// the compact byte keys must give exactly this order, so that exports
    /// keep their bytes.
    fn four_string_order(quads: Vec<Quad>) -> Vec<Quad> {
        let mut keyed: Vec<(String, String, String, String, Quad)> = quads
            .into_iter()
            .map(|q| {
                let graph = match &q.graph_name {
                    GraphName::DefaultGraph => String::new(),
                    g => g.to_string(),
                };
                let (s, p, o) = (
                    q.subject.to_string(),
                    q.predicate.to_string(),
                    q.object.to_string(),
                );
                (graph, s, p, o, q)
            })
            .collect();
        keyed.sort_by(|a, b| (&a.0, &a.1, &a.2, &a.3).cmp(&(&b.0, &b.1, &b.2, &b.3)));
        keyed.dedup_by(|a, b| (&a.0, &a.1, &a.2, &a.3) == (&b.0, &b.1, &b.2, &b.3));
        keyed.into_iter().map(|k| k.4).collect()
    }

    #[test]
    fn compact_keys_order_quads_as_their_four_strings() {
        let store = Store::in_memory().expect("store");
        let n = |s: &str| NamedNode::new(s).expect("IRI");
        let a = n(&format!("{}A", ns::ACTOR));
        let ab = n(&format!("{}AB", ns::ACTOR));
        let p = n(&format!("{}p", ns::AG));
        let pq = n(&format!("{}pq", ns::AG));
        let objects: Vec<Term> = vec![
            Literal::new_simple_literal("x").into(),
            Literal::new_simple_literal("x y").into(),
            Literal::new_language_tagged_literal("x", "ar")
                .expect("tag")
                .into(),
            Literal::new_typed_literal("x", n(&format!("{}date", ns::XSD))).into(),
            Literal::new_simple_literal("x\u{1}\"\\").into(),
            Literal::new_simple_literal("مالي").into(),
            a.clone().into(),
            ab.clone().into(),
            BlankNode::new("b1").expect("blank").into(),
        ];
        let graphs = [
            GraphName::NamedNode(n(&format!("{}d1", ns::DOC))),
            GraphName::NamedNode(n(&format!("{}d1/x", ns::DOC))),
            GraphName::NamedNode(n(&format!("{}lexicon", ns::GRAPH))),
        ];
        let mut all = Vec::new();
        for g in &graphs {
            for s in [&a, &ab] {
                for pr in [&p, &pq] {
                    for o in &objects {
                        all.push(Quad::new(s.clone(), pr.clone(), o.clone(), g.clone()));
                    }
                }
            }
        }
        store.oxigraph().extend(all.clone()).expect("insert");
        for union in [false, true] {
            let got = selected_quads(&store, union).expect("quads");
            let mut expected: Vec<Quad> = all.clone();
            if union {
                for q in &mut expected {
                    q.graph_name = GraphName::DefaultGraph;
                }
            }
            let expected = four_string_order(expected);
            assert_eq!(got, expected, "union {union}");
        }
    }
}
