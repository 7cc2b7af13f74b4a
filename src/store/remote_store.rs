//! The [`Store`] side of a remote store (see [`super::remote`]): opening,
//! writing documents by Graph Store Protocol and loading a reader's copy.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use oxigraph::model::{GraphNameRef, NamedNode, Quad, Triple};

use super::remote::{Client, Endpoint};
use super::{Backend, LEXICON_GRAPH, ONTOLOGY_GRAPH, Store, rdf, view};
use crate::error::{Error, Result};
use crate::model::{Document, Extraction};
use crate::ontology::Ontology;

/// Graphs fetched at once when a reader loads its copy.
const FETCH_THREADS: usize = 4;

/// A store on a SPARQL server.
#[derive(Debug)]
pub(crate) struct RemoteBackend {
    pub(crate) client: Client,
    pub(crate) writable: bool,
    /// The stored documents, read from the server when opened and kept
    /// current by this session's writes: document id to its graphs
    /// (graph IRI, document key). More than one graph for an id is a build
    /// stopped between the `PUT` of a new version and the `DELETE` of the
    /// old one: both are whole; the next build replaces them.
    pub(crate) docs: BTreeMap<String, Vec<(String, String)>>,
}

impl RemoteBackend {
    /// The key of every document held in exactly one graph.
    pub(crate) fn document_keys(&self) -> BTreeMap<String, String> {
        self.docs
            .iter()
            .filter_map(|(id, graphs)| match graphs.as_slice() {
                [(_, key)] => Some((id.clone(), key.clone())),
                _ => None,
            })
            .collect()
    }

    /// Quads of the actorgraph graphs on the server (documents, ontology,
    /// lexicon; not the rules stamp).
    pub(crate) fn quad_count(&self) -> Result<usize> {
        self.client.count(&format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} \
             FILTER (STRSTARTS(STR(?g), \"https://w3id.org/actorgraph/\") && ?g != <{}>) }}",
            super::remote::RULES_GRAPH
        ))
    }

    /// Statements in the document graphs on the server.
    pub(crate) fn statement_count(&self) -> Result<usize> {
        self.client.count(&format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{}Statement> }} }}",
            crate::model::ns::AG
        ))
    }
}

impl Store {
    /// Opens the store on the server whose SPARQL query URL is `url`: a
    /// writer lists the stored documents (one paged `SELECT`); a reader also
    /// loads every graph into an in-memory copy, with the records of the
    /// network view made from them as a build would have written them, so
    /// that exports, traversal and the explorer read what an embedded store
    /// of the same documents holds.
    pub(super) fn open_remote(url: &str, read_only: bool, full: bool) -> Result<Store> {
        let mut store = Store::remote_handle(url, read_only, true)?;
        if read_only {
            store.load_copy(full)?;
        }
        Ok(store)
    }

    /// A reader of a remote store that loads no copy (see
    /// [`Store::open_for_queries`]).
    pub(super) fn open_remote_for_queries(url: &str) -> Result<Store> {
        Store::remote_handle(url, true, false)
    }

    /// A handle on the server; `list` reads the stored documents' list
    /// (which writers, `remove` and readers need, and queries do not).
    fn remote_handle(url: &str, read_only: bool, list: bool) -> Result<Store> {
        let client = Client::new(Endpoint::from_env(url)?)?;
        let mut docs: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        let listed = if list {
            client.documents()?
        } else {
            Vec::new()
        };
        for (graph, id, sha256) in listed {
            let key = Document {
                id: id.clone(),
                sha256,
                ..Document::default()
            }
            .key();
            docs.entry(id).or_default().push((graph, key));
        }
        let inner = oxigraph::store::Store::new().map_err(super::storage_error)?;
        let backend = Backend::Remote(RemoteBackend {
            client,
            writable: !read_only,
            docs,
        });
        Ok(Store::with_backend(inner, backend, PathBuf::from(url)))
    }

    fn remote(&self) -> Result<&RemoteBackend> {
        match &self.backend {
            Backend::Remote(r) => Ok(r),
            _ => Err(self.err("not a remote store")),
        }
    }

    /// The client of a remote store (for queries forwarded to the server).
    pub(crate) fn remote_client(&self) -> Option<&Client> {
        match &self.backend {
            Backend::Remote(r) => Some(&r.client),
            _ => None,
        }
    }

    /// Loads the server's graphs into `inner` (see [`Store::open_remote`]):
    /// with `full`, every quad; without, only what the network view reads
    /// (the view records, each document's own description, mention counts
    /// and discovered actors, the ontology and the lexicon), several times
    /// less memory than the documents' sentences and statements.
    fn load_copy(&mut self, full: bool) -> Result<()> {
        let r = self.remote()?;
        let client = &r.client;
        // The ontology and lexicon first: the records need the relations' names.
        let mut loader = self.inner.bulk_loader();
        for g in [ONTOLOGY_GRAPH, LEXICON_GRAPH] {
            let quads = client.get_graph(&NamedNode::new_unchecked(g))?;
            loader
                .load_quads(quads.into_iter().map(unskolemize))
                .map_err(|e| self.err(e))?;
        }
        loader.commit().map_err(|e| self.err(e))?;
        let gold = rdf::gold_names(&self.inner)?;
        let mut graphs: Vec<(NamedNode, String)> = Vec::new();
        for (id, versions) in &r.docs {
            for (g, _) in versions {
                graphs.push((rdf::checked(g)?, id.clone()));
            }
        }
        let chunk = graphs.len().div_ceil(FETCH_THREADS).max(1);
        let gold = &gold;
        let fetched: Vec<Result<Vec<Quad>>> = std::thread::scope(|s| {
            let workers: Vec<_> = graphs
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        let mut kept = Vec::new();
                        for (g, id) in part {
                            let quads = client.get_graph(g)?;
                            // The view records, made from the document's quads
                            // by the code that a build uses (see `store::view`).
                            kept.extend(view::records(g, id, &quads, gold)?);
                            if full {
                                kept.extend(quads);
                            } else {
                                kept.extend(network_quads(g, quads));
                            }
                        }
                        Ok(kept)
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join().unwrap_or_else(|_| {
                        Err(Error::Remote {
                            url: client.url().to_string(),
                            message: "a download thread failed".into(),
                        })
                    })
                })
                .collect()
        });
        let mut loader = self.inner.bulk_loader();
        for part in fetched {
            loader.load_quads(part?).map_err(|e| self.err(e))?;
        }
        loader
            .load_quads([view::complete()])
            .map_err(|e| self.err(e))?;
        loader.commit().map_err(|e| self.err(e))?;
        self.marked = true;
        Ok(())
    }

    /// [`Store::sync_ontology`] on a server: the ontology and lexicon graphs
    /// are `PUT` whole (each one request), and kept in `inner` for the
    /// relation names that the view records use.
    pub(super) fn sync_ontology_remote(&mut self, ontology: &Ontology) -> Result<()> {
        for (graph, quads, prefix) in [
            (ONTOLOGY_GRAPH, &ontology.ontology_quads, "o"),
            (LEXICON_GRAPH, &ontology.lexicon_quads, "l"),
        ] {
            let mut wanted = rdf::graph_quads(quads, graph, prefix);
            let mut seen = HashSet::new();
            wanted.retain(|q| seen.insert(q.clone()));
            let triples: Vec<Triple> = wanted.iter().map(|q| skolemize(q.clone())).collect();
            self.remote()?
                .client
                .put_graph(graph, &super::remote::ntriples(&triples)?)?;
            let g = rdf::terms::graph(graph);
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            tx.clear_graph(GraphNameRef::NamedNode(g.as_ref()))
                .map_err(|e| self.err(e))?;
            tx.extend(&wanted);
            tx.commit().map_err(|e| self.err(e))?;
        }
        self.gold = None;
        Ok(())
    }

    /// [`Store::put_batch`] on a server: each document is one `PUT` of its
    /// graph (several at once, see [`writers`]), then, in batch order, a
    /// `DELETE` of the graphs of its earlier versions. A failure stops the
    /// batch with an error naming the first document not stored: every
    /// document on the server is whole, none is counted unless stored.
    pub(super) fn put_batch_remote(
        &mut self,
        extractions: &[&Extraction],
        ontology: &Ontology,
    ) -> Result<usize> {
        use std::sync::Mutex;
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let client = &self.remote()?.client;
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let slots: Mutex<Vec<Option<Result<usize>>>> =
            Mutex::new((0..extractions.len()).map(|_| None).collect());
        let put = |e: &Extraction| -> Result<usize> {
            let quads = rdf::document_quads(e, ontology)?;
            let triples: Vec<Triple> = quads.iter().map(|q| q.clone().into()).collect();
            client.put_graph(&e.document.iri(), &super::remote::ntriples(&triples)?)?;
            Ok(quads.len())
        };
        std::thread::scope(|s| {
            for _ in 0..writers().min(extractions.len()) {
                s.spawn(|| {
                    // Documents are taken in batch order, so those never
                    // tried all come after every one tried.
                    while !failed.load(Ordering::SeqCst) {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(e) = extractions.get(i) else { break };
                        let result = put(e);
                        if result.is_err() {
                            failed.store(true, Ordering::SeqCst);
                        }
                        if let Ok(mut slots) = slots.lock() {
                            slots[i] = Some(result);
                        }
                    }
                });
            }
        });
        let slots = slots
            .into_inner()
            .map_err(|_| self.err("a writer thread failed"))?;
        let Backend::Remote(r) = &mut self.backend else {
            return Err(self.err("not a remote store"));
        };
        let mut n = 0;
        for (e, slot) in extractions.iter().zip(slots) {
            let id = &e.document.id;
            let stored = match slot {
                Some(Ok(quads)) => quads,
                Some(Err(Error::Remote { url, message })) => {
                    return Err(Error::Remote {
                        url,
                        message: format!(
                            "document {id:?} was not stored ({message}); every document on the server is whole, run the build again to store the rest"
                        ),
                    });
                }
                Some(Err(other)) => return Err(other),
                None => {
                    return Err(Error::Remote {
                        url: r.client.url().to_string(),
                        message: format!("document {id:?} was not stored: the batch stopped"),
                    });
                }
            };
            let (graph, key) = (e.document.iri(), e.document.key());
            let old = r.docs.remove(id).unwrap_or_default();
            // Recorded before the deletes: if one fails, the next build still
            // sees both versions and replaces them.
            let mut versions: Vec<(String, String)> = old.clone();
            versions.retain(|(g, _)| *g != graph);
            versions.push((graph.clone(), key.clone()));
            r.docs.insert(id.clone(), versions);
            for (g, _) in old.iter().filter(|(g, _)| *g != graph) {
                r.client.delete_graph(g)?;
            }
            r.docs.insert(id.clone(), vec![(graph, key)]);
            n += stored;
        }
        Ok(n)
    }

    /// [`Store::remove`] on a server: one `DELETE` per graph of the document.
    pub(super) fn remove_remote(&mut self, doc_id: &str) -> Result<bool> {
        let Backend::Remote(r) = &mut self.backend else {
            return Err(self.err("not a remote store"));
        };
        let Some(graphs) = r.docs.get(doc_id).cloned() else {
            return Ok(false);
        };
        for (g, _) in &graphs {
            r.client.delete_graph(g)?;
        }
        r.docs.remove(doc_id);
        Ok(true)
    }
}

/// Of a document graph's quads, those the network view reads besides the
/// view records: the document's own description (id, title, source: the
/// explorer's document list), mention counts, and the description of the
/// actors discovered in it (`Store::actors`).
fn network_quads(graph: &NamedNode, quads: Vec<Quad>) -> Vec<Quad> {
    use oxigraph::model::NamedOrBlankNode;
    let (count, discovered) = (rdf::ag("mentionCount"), rdf::ag("discovered"));
    let found: HashSet<NamedOrBlankNode> = quads
        .iter()
        .filter(|q| q.predicate == discovered)
        .map(|q| q.subject.clone())
        .collect();
    quads
        .into_iter()
        .filter(|q| {
            matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n == graph)
                || q.predicate == count
                || found.contains(&q.subject)
        })
        .collect()
}

/// Where the blank nodes of the ontology graph (its OWL lists, labelled
/// `_:o0`, `_:o1` … in file order) get IRIs on a server: two builds that
/// `PUT` the ontology at the same moment then write the same triples.
/// (Measured on Virtuoso 7.2: two concurrent `PUT`s of one graph are not
/// serialized, and with blank nodes the graph ended with both copies.)
const GENID: &str = "https://w3id.org/actorgraph/.well-known/genid/";

/// A quad as a triple for the server, its blank nodes named under [`GENID`].
fn skolemize(q: Quad) -> Triple {
    use oxigraph::model::{NamedOrBlankNode, Term};
    let name =
        |b: &oxigraph::model::BlankNode| NamedNode::new_unchecked(format!("{GENID}{}", b.as_str()));
    let subject = match q.subject {
        NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::NamedNode(name(&b)),
        s => s,
    };
    let object = match q.object {
        Term::BlankNode(b) => Term::NamedNode(name(&b)),
        o => o,
    };
    Triple::new(subject, q.predicate, object)
}

/// The inverse of [`skolemize`], for the copy a reader loads.
fn unskolemize(q: Quad) -> Quad {
    use oxigraph::model::{BlankNode, NamedOrBlankNode, Term};
    let blank = |n: &NamedNode| {
        n.as_str()
            .strip_prefix(GENID)
            .and_then(|label| BlankNode::new(label).ok())
    };
    let subject = match q.subject {
        NamedOrBlankNode::NamedNode(n) => match blank(&n) {
            Some(b) => NamedOrBlankNode::BlankNode(b),
            None => NamedOrBlankNode::NamedNode(n),
        },
        s => s,
    };
    let object = match q.object {
        Term::NamedNode(n) => match blank(&n) {
            Some(b) => Term::BlankNode(b),
            None => Term::NamedNode(n),
        },
        o => o,
    };
    Quad::new(subject, q.predicate, object, q.graph_name)
}

/// Documents `PUT` at once by a build (`ACTORGRAPH_STORE_WRITERS`, 1 to
/// 64, default 1), for a server with cores to spare. On this project's
/// 2-core machine, shared, 4 writers were slower than one (1k articles into
/// Virtuoso: 39 s against 32 s), hence the default.
fn writers() -> usize {
    std::env::var("ACTORGRAPH_STORE_WRITERS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| (1..=64).contains(n))
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{BlankNode, GraphName, Literal};

    #[test]
    fn blank_nodes_travel_as_iris_and_come_back() {
        let g = GraphName::NamedNode(NamedNode::new_unchecked(ONTOLOGY_GRAPH));
        let q = Quad::new(
            BlankNode::new_unchecked("o3"),
            NamedNode::new_unchecked("http://x/p"),
            BlankNode::new_unchecked("o4"),
            g.clone(),
        );
        let t = skolemize(q.clone());
        assert_eq!(t.subject.to_string(), format!("<{GENID}o3>"));
        assert_eq!(t.object.to_string(), format!("<{GENID}o4>"));
        let back = unskolemize(Quad::new(t.subject, t.predicate, t.object, g.clone()));
        assert_eq!(back, q);
        let plain = Quad::new(
            NamedNode::new_unchecked("http://x/s"),
            NamedNode::new_unchecked("http://x/p"),
            Literal::new_simple_literal("v"),
            g,
        );
        assert_eq!(unskolemize(plain.clone()), plain);
    }
}
