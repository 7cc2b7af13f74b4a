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
use std::str::FromStr;

use oxigraph::model::{BlankNode, GraphName, NamedNode, NamedOrBlankNode, Quad, Term};

use super::Format;
use crate::error::{Error, Result};
use crate::model::ns;
use crate::store::sort::{DEFAULT_BUDGET, ExternalSort};
use crate::store::{LEXICON_GRAPH, Store, canonical_term};

/// Prefixes for Turtle and TriG.
use crate::model::ns::PREFIXES;

/// The RDF serialization of `format` and whether it holds the union of the
/// graphs (Turtle, N-Triples) rather than each in its named graph.
fn rdf_format(format: Format) -> Result<(RdfFormat, bool)> {
    Ok(match format {
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
        other => {
            return Err(export_error(
                format,
                format!("{} is not an RDF format", other.name()),
            ));
        }
    })
}

fn export_error(format: Format, message: String) -> Error {
    Error::Export {
        format: format.name().into(),
        message,
    }
}

/// Writes the store in `format`, reading every quad of its document graphs.
pub(super) fn write(store: &Store, format: Format, out: &mut dyn Write) -> Result<()> {
    write_with(store, format, None, out)
}

/// Writes the store in `format` from `keys` when they hold its document
/// graphs in the form `format` needs (see [`RdfKeys`]), else as [`write`].
pub(super) fn write_with(
    store: &Store,
    format: Format,
    keys: Option<RdfKeys>,
    out: &mut dyn Write,
) -> Result<()> {
    let err = |message: String| export_error(format, message);
    let (rdf_format, union) = rdf_format(format)?;
    let keys = match keys {
        Some(k) if k.union == union => k,
        _ => RdfKeys::from_store(store, union)?,
    };
    let quads = keys.finish(store)?;

    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(rdf_format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (prefix, iri) in PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *iri)
                .map_err(|e| err(e.to_string()))?;
        }
    }
    let mut writer = serializer.for_writer(&mut *out);
    quads.for_each(
        |e| err(format!("cannot sort the quads on disk: {e}")),
        |key| {
            let q = parse_key(key).map_err(err)?;
            writer.serialize_quad(&q).map_err(|e| err(e.to_string()))
        },
    )?;
    writer.finish().map_err(|e| err(e.to_string()))?;
    Ok(())
}

/// Writes the sort key of a quad: `graph NUL subject NUL predicate NUL
/// object` (terms in N-Triples form; the default graph's is empty). NUL
/// sorts below every other byte and never occurs in a term's N-Triples form
/// (controls are escaped), and neither does a newline, so comparing keys as
/// bytes orders quads exactly as comparing the four strings in turn, and the
/// keys can be sorted on disk as lines ([`ExternalSort`]): memory holds the
/// sort's budget, not a key per quad.
/// The object is written in the form the store gives back
/// ([`canonical_term`]), so that a key made from a quad as written equals
/// the key of the same quad read from the store.
fn write_key(buf: &mut Vec<u8>, q: &Quad, union: bool) {
    use std::io::Write as _;
    let object = canonical_term(&q.object);
    // Writing to a Vec cannot fail.
    let _ = match &q.graph_name {
        GraphName::NamedNode(_) | GraphName::BlankNode(_) if !union => write!(
            buf,
            "{}\0{}\0{}\0{}",
            q.graph_name, q.subject, q.predicate, object
        ),
        _ => write!(buf, "\0{}\0{}\0{}", q.subject, q.predicate, object),
    };
}

/// A quad parsed back from its key.
fn parse_key(key: &[u8]) -> std::result::Result<Quad, String> {
    let key = std::str::from_utf8(key).map_err(|e| e.to_string())?;
    let mut parts = key.splitn(4, '\0');
    let mut next = || parts.next().unwrap_or_default();
    let (g, s, p, o) = (next(), next(), next(), next());
    let bad = |e: &dyn std::fmt::Display| format!("unreadable term in {key:?}: {e}");
    let graph = match g {
        "" => GraphName::DefaultGraph,
        g if g.starts_with("_:") => {
            GraphName::BlankNode(BlankNode::from_str(g).map_err(|e| bad(&e))?)
        }
        g => GraphName::NamedNode(NamedNode::from_str(g).map_err(|e| bad(&e))?),
    };
    let subject = match s {
        s if s.starts_with("_:") => {
            NamedOrBlankNode::BlankNode(BlankNode::from_str(s).map_err(|e| bad(&e))?)
        }
        s => NamedOrBlankNode::NamedNode(NamedNode::from_str(s).map_err(|e| bad(&e))?),
    };
    let predicate = NamedNode::from_str(p).map_err(|e| bad(&e))?;
    let object = Term::from_str(o).map_err(|e| bad(&e))?;
    Ok(Quad::new(subject, predicate, object, graph))
}

/// The quads of an RDF export as sort keys (see `write_key`), gathered
/// on disk beyond the sort's budget: those of the document graphs (any
/// graph outside the `graph/` namespace), with `union` moved to the default
/// graph, and the actors they name, whose lexicon triples
/// `RdfKeys::finish` adds.
///
/// A build of a fresh store gathers them from the quads it stores
/// ([`crate::store::Store::put_batch_tapped`]), which is what the store
/// holds when [`crate::store::Store::holds_only_put_documents`]: reading
/// them back costs a look-up per term (about 80 s of a 240 s build at
/// 10,000 articles).
pub struct RdfKeys {
    sorted: ExternalSort,
    actors: BTreeSet<String>,
    union: bool,
}

impl RdfKeys {
    /// Keys for the standard exports' RDF file (Turtle: the union graph).
    pub fn for_standard_exports() -> RdfKeys {
        RdfKeys::new(true)
    }

    fn new(union: bool) -> RdfKeys {
        RdfKeys {
            sorted: ExternalSort::new(DEFAULT_BUDGET),
            actors: BTreeSet::new(),
            union,
        }
    }

    /// Every document-graph quad of the store.
    fn from_store(store: &Store, union: bool) -> Result<RdfKeys> {
        let mut keys = RdfKeys::new(union);
        for q in store.quads() {
            let q = q?;
            let in_doc_graph = match &q.graph_name {
                GraphName::NamedNode(g) => !g.as_str().starts_with(ns::GRAPH),
                GraphName::BlankNode(_) | GraphName::DefaultGraph => true,
            };
            // The ontology, the lexicon (added by `finish`) and the view
            // graph, whose records are large and never exported, are left out.
            if in_doc_graph {
                keys.add(&q)?;
            }
        }
        Ok(keys)
    }

    /// Adds quads of document graphs.
    pub fn add_document_quads(&mut self, quads: &[Quad]) -> Result<()> {
        quads.iter().try_for_each(|q| self.add(q))
    }

    fn add(&mut self, q: &Quad) -> Result<()> {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject
            && s.as_str().starts_with(ns::ACTOR)
            && !self.actors.contains(s.as_str())
        {
            self.actors.insert(s.as_str().to_string());
        }
        if let Term::NamedNode(o) = &q.object
            && o.as_str().starts_with(ns::ACTOR)
            && !self.actors.contains(o.as_str())
        {
            self.actors.insert(o.as_str().to_string());
        }
        let union = self.union;
        self.sorted
            .push_with(|buf| write_key(buf, q, union))
            .map_err(sort_error)
    }

    /// Adds the lexicon's triples about the actors named, so that each actor
    /// in the file has its labels and class; the keys, ready to merge.
    fn finish(mut self, store: &Store) -> Result<ExternalSort> {
        let union = self.union;
        for q in store.graph_quads(LEXICON_GRAPH)? {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject
                && self.actors.contains(s.as_str())
            {
                self.sorted
                    .push_with(|buf| write_key(buf, &q, union))
                    .map_err(sort_error)?;
            }
        }
        Ok(self.sorted)
    }
}

fn sort_error(e: std::io::Error) -> Error {
    Error::Store {
        path: std::env::temp_dir(),
        message: format!("cannot sort the quads on disk: {e}"),
    }
}

/// The exported quads as sort keys (see [`RdfKeys`]).
#[cfg(test)]
fn selected_quads(store: &Store, union: bool) -> Result<ExternalSort> {
    RdfKeys::from_store(store, union)?.finish(store)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

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
        let mut store = Store::in_memory().expect("store");
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
        store.insert_quads(all.clone()).expect("insert");
        for union in [false, true] {
            let mut got: Vec<Quad> = Vec::new();
            selected_quads(&store, union)
                .expect("quads")
                .for_each(
                    |e| e.to_string(),
                    |key| {
                        got.push(parse_key(key)?);
                        Ok(())
                    },
                )
                .expect("keys parse back");
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
