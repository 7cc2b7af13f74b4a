//! The RDF store: maps each document's extraction to its own named graph in
//! Oxigraph and reads statements and actors back. Only this module touches
//! Oxigraph's storage.
//!
//! Two backends, one API: by default Oxigraph's in-memory store persisted as
//! one sorted N-Quads file ([`crate::store::file`]); with the `rocksdb`
//! feature Oxigraph's RocksDB store (`store::rocks`). The RDF model is in
//! [`crate::store::rdf`] and docs/store.md.

pub mod file;
pub mod rdf;
#[cfg(feature = "rocksdb")]
pub mod rocks;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::error::{Error, Result};
use crate::model::{ActorStats, Document, Extraction, Statement};
use crate::ontology::Ontology;

pub use rdf::{LEXICON_GRAPH, ONTOLOGY_GRAPH, sentence_iri};

/// A storage error without a better place to point at.
pub(crate) fn storage_error(e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: "(store)".into(),
        message: e.to_string(),
    }
}

#[derive(Debug)]
enum Backend {
    /// Nothing on disk (tests, `extract`).
    Memory,
    /// In memory, saved to `graph.nq`.
    #[cfg(not(feature = "rocksdb"))]
    File(file::FileBackend),
    /// RocksDB.
    #[cfg(feature = "rocksdb")]
    Rocks(rocks::RocksBackend),
}

/// An open actorgraph store.
pub struct Store {
    inner: oxigraph::store::Store,
    backend: Backend,
    path: PathBuf,
    /// When the store held no document when opened: the ids stored since.
    /// A document whose id is not here has no earlier version to drop, so
    /// a fresh build skips that look-up.
    fresh: Option<HashSet<String>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the store in `dir` for reading and writing, taking
    /// its lock: a second writer gets [`Error::StoreLocked`].
    pub fn open(dir: &Path) -> Result<Store> {
        Store::open_with(dir, false)
    }

    /// Opens the store in `dir` for reading only (queries, exports, the
    /// endpoint). It must exist.
    pub fn open_read_only(dir: &Path) -> Result<Store> {
        Store::open_with(dir, true)
    }

    #[cfg(not(feature = "rocksdb"))]
    fn open_with(dir: &Path, read_only: bool) -> Result<Store> {
        let (inner, backend) = file::open(dir, read_only)?;
        Store {
            inner,
            backend: Backend::File(backend),
            path: dir.to_path_buf(),
            fresh: None,
        }
        .with_freshness()
    }

    #[cfg(feature = "rocksdb")]
    fn open_with(dir: &Path, read_only: bool) -> Result<Store> {
        let (inner, backend) = rocks::open(dir, read_only)?;
        Store {
            inner,
            backend: Backend::Rocks(backend),
            path: dir.to_path_buf(),
            fresh: None,
        }
        .with_freshness()
    }

    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Store> {
        let inner = oxigraph::store::Store::new().map_err(storage_error)?;
        Ok(Store {
            inner,
            backend: Backend::Memory,
            path: "(memory)".into(),
            fresh: Some(HashSet::new()),
        })
    }

    /// Notes whether the store holds no document yet (no
    /// `dcterms:identifier` in any graph).
    fn with_freshness(mut self) -> Result<Store> {
        let ident = rdf::terms::identifier();
        let empty = self
            .inner
            .quads_for_pattern(None, Some(ident.as_ref()), None, None)
            .next()
            .transpose()
            .map_err(|e| self.err(e))?
            .is_none();
        self.fresh = empty.then(HashSet::new);
        Ok(self)
    }

    /// The store directory (`(memory)` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Which backend this build uses: `file` or `rocksdb`.
    pub fn backend_name() -> &'static str {
        if cfg!(feature = "rocksdb") {
            "rocksdb"
        } else {
            "file"
        }
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        Error::Store {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    fn check_writable(&self) -> Result<()> {
        let writable = match &self.backend {
            Backend::Memory => true,
            #[cfg(not(feature = "rocksdb"))]
            Backend::File(f) => f.writable(),
            #[cfg(feature = "rocksdb")]
            Backend::Rocks(r) => r.writable(),
        };
        if writable {
            Ok(())
        } else {
            Err(self.err("opened read-only; cannot change it"))
        }
    }

    /// Called after each committed change: the file backend may save.
    fn after_write(&mut self) -> Result<()> {
        self.after_writes(1)
    }

    /// Called after a commit that changed `changes` documents.
    #[cfg_attr(feature = "rocksdb", allow(unused_variables))]
    fn after_writes(&mut self, changes: usize) -> Result<()> {
        match &mut self.backend {
            Backend::Memory => Ok(()),
            #[cfg(not(feature = "rocksdb"))]
            Backend::File(f) => f.after_writes(&self.inner, changes),
            #[cfg(feature = "rocksdb")]
            Backend::Rocks(_) => Ok(()),
        }
    }

    /// Whether a read-only store is older than what is on disk (a build has
    /// saved since it was opened): reopen it to see the change. Always false
    /// for RocksDB, which no build can change while a reader holds it.
    pub fn is_stale(&self) -> bool {
        match &self.backend {
            #[cfg(not(feature = "rocksdb"))]
            Backend::File(f) => f.is_stale(),
            _ => false,
        }
    }

    /// Replaces the ontology and lexicon graphs with those of `ontology`,
    /// when they differ (so that an unchanged store is not rewritten).
    pub fn sync_ontology(&mut self, ontology: &Ontology) -> Result<()> {
        self.check_writable()?;
        let mut changed = false;
        for (graph, quads, prefix) in [
            (ONTOLOGY_GRAPH, &ontology.ontology_quads, "o"),
            (LEXICON_GRAPH, &ontology.lexicon_quads, "l"),
        ] {
            let mut wanted = rdf::graph_quads(quads, graph, prefix);
            let mut seen = std::collections::HashSet::new();
            wanted.retain(|q| seen.insert(q.clone()));
            let g = rdf::terms::graph(graph);
            let name = GraphNameRef::NamedNode(g.as_ref());
            let mut current = 0usize;
            for q in self.inner.quads_for_pattern(None, None, None, Some(name)) {
                q.map_err(|e| self.err(e))?;
                current += 1;
            }
            let mut same = current == wanted.len();
            if same {
                for q in &wanted {
                    if !self.inner.contains(q).map_err(|e| self.err(e))? {
                        same = false;
                        break;
                    }
                }
            }
            if same {
                continue;
            }
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            tx.clear_graph(name).map_err(|e| self.err(e))?;
            tx.extend(&wanted);
            tx.commit().map_err(|e| self.err(e))?;
            changed = true;
        }
        if changed {
            match &mut self.backend {
                #[cfg(not(feature = "rocksdb"))]
                Backend::File(f) => f.touch(),
                _ => {}
            }
        }
        Ok(())
    }

    /// The graphs (document IRIs) that hold the document with this id.
    fn graphs_of(&self, doc_id: &str) -> Result<Vec<NamedNode>> {
        let id = Literal::new_simple_literal(doc_id);
        let ident = rdf::terms::identifier();
        let mut out = Vec::new();
        for q in
            self.inner
                .quads_for_pattern(None, Some(ident.as_ref()), Some(id.as_ref().into()), None)
        {
            let q = q.map_err(|e| self.err(e))?;
            if let (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) =
                (&q.subject, &q.graph_name)
                && s == g
            {
                out.push(g.clone());
            }
        }
        Ok(out)
    }

    /// The key ([`crate::model::Document::key`]) of every stored document, by document id.
    pub fn document_keys(&self) -> Result<BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        for (graph, id) in self.documents()? {
            let props = rdf::props(&self.inner, graph.as_ref(), graph.as_ref())?;
            let sha256 = props
                .0
                .iter()
                .find(|(p, _)| p.as_str() == format!("{}sha256", crate::model::ns::AG))
                .and_then(|(_, o)| match o {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                })
                .unwrap_or_default();
            // The key is a hash of id and content hash, both stored, so it
            // is recomputed rather than stored a second time.
            let doc = Document {
                id: id.clone(),
                sha256,
                ..Document::default()
            };
            out.insert(id, doc.key());
        }
        Ok(out)
    }

    /// Every document graph with its document id, in graph IRI order.
    fn documents(&self) -> Result<Vec<(NamedNode, String)>> {
        let ty = rdf::ag("Document");
        let ident = rdf::terms::identifier();
        let mut out = Vec::new();
        for q in
            self.inner
                .quads_for_pattern(None, Some(rdfv::TYPE), Some(ty.as_ref().into()), None)
        {
            let q = q.map_err(|e| self.err(e))?;
            let (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) =
                (&q.subject, &q.graph_name)
            else {
                continue;
            };
            if s != g {
                continue;
            }
            let id = self
                .inner
                .quads_for_pattern(
                    Some(s.as_ref().into()),
                    Some(ident.as_ref()),
                    None,
                    Some(g.as_ref().into()),
                )
                .next()
                .transpose()
                .map_err(|e| self.err(e))?
                .and_then(|q| match q.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                });
            if let Some(id) = id {
                out.push((g.clone(), id));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Stores one document's extraction in one transaction, replacing any
    /// earlier version of the same document id. Returns the number of quads written.
    pub fn put(&mut self, extraction: &Extraction, ontology: &Ontology) -> Result<usize> {
        self.put_batch([extraction], ontology)
    }

    /// Stores several documents' extractions in one transaction (each
    /// replacing any earlier version of its id), then lets the file backend
    /// decide once whether to save. All or none of the batch is committed,
    /// so every saved state still holds whole documents only. Returns the
    /// number of quads written.
    pub fn put_batch<'a>(
        &mut self,
        extractions: impl IntoIterator<Item = &'a Extraction>,
        ontology: &Ontology,
    ) -> Result<usize> {
        self.check_writable()?;
        let extractions: Vec<&Extraction> = extractions.into_iter().collect();
        if extractions.is_empty() {
            return Ok(0);
        }
        let mut ids = HashSet::new();
        if !extractions.iter().all(|e| ids.insert(&e.document.id)) {
            // A later version of an id in the same batch must replace the
            // earlier one, which the look-up below only sees once committed.
            let mut n = 0;
            for e in extractions {
                n += self.put_batch([e], ontology)?;
            }
            return Ok(n);
        }
        let mut old = Vec::new();
        let mut quads: Vec<Quad> = Vec::new();
        for e in &extractions {
            let id = &e.document.id;
            let seen = self.fresh.as_ref().map(|f| f.contains(id));
            if seen != Some(false) {
                old.extend(self.graphs_of(id)?);
            }
            quads.extend(rdf::document_quads(e, ontology)?);
        }
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        for g in &old {
            tx.remove_named_graph(g).map_err(|e| self.err(e))?;
        }
        tx.extend(&quads);
        tx.commit().map_err(|e| self.err(e))?;
        if let Some(f) = &mut self.fresh {
            f.extend(extractions.iter().map(|e| e.document.id.clone()));
        }
        self.after_writes(extractions.len())?;
        Ok(quads.len())
    }

    /// Removes a document (by id) and everything derived from it. Returns
    /// whether there was such a document.
    pub fn remove(&mut self, doc_id: &str) -> Result<bool> {
        self.check_writable()?;
        let old = self.graphs_of(doc_id)?;
        if old.is_empty() {
            return Ok(false);
        }
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        for g in &old {
            tx.remove_named_graph(g).map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))?;
        self.after_write()?;
        Ok(true)
    }

    /// The ids of the stored documents, sorted.
    pub fn document_ids(&self) -> Result<Vec<String>> {
        let mut ids: Vec<String> = self.documents()?.into_iter().map(|(_, id)| id).collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// Makes all changes durable.
    pub fn save(&mut self) -> Result<()> {
        match &mut self.backend {
            Backend::Memory => Ok(()),
            #[cfg(not(feature = "rocksdb"))]
            Backend::File(f) => {
                if f.writable() {
                    f.save(&self.inner)
                } else {
                    Ok(())
                }
            }
            #[cfg(feature = "rocksdb")]
            Backend::Rocks(r) => {
                if r.writable() {
                    self.inner.flush().map_err(|e| Error::Store {
                        path: self.path.clone(),
                        message: e.to_string(),
                    })
                } else {
                    Ok(())
                }
            }
        }
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize> {
        self.inner.len().map_err(|e| self.err(e))
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Every quad as a sorted N-Quads line (what the file backend writes).
    pub fn nquads(&self) -> Result<Vec<String>> {
        file::sorted_lines(&self.inner)
    }

    /// Every stored statement, sorted by document, evidence position and IRI.
    pub fn statements(&self) -> Result<Vec<Statement>> {
        let gold = rdf::gold_names(&self.inner)?;
        let ty = rdf::ag("Statement");
        let quantity = rdf::ag("quantity");
        let derived = rdf::terms::derived_from();
        let mut doc_ids: HashMap<NamedNode, Option<String>> = HashMap::new();
        let mut sentences: HashMap<(NamedNode, String), rdf::Props> = HashMap::new();
        let mut out = Vec::new();
        for q in
            self.inner
                .quads_for_pattern(None, Some(rdfv::TYPE), Some(ty.as_ref().into()), None)
        {
            let q = q.map_err(|e| self.err(e))?;
            let (NamedOrBlankNode::NamedNode(node), GraphName::NamedNode(graph)) =
                (q.subject, q.graph_name)
            else {
                continue;
            };
            let props = rdf::props(&self.inner, node.as_ref(), graph.as_ref())?;
            let doc = match doc_ids.get(&graph) {
                Some(d) => d.clone(),
                None => {
                    let p = rdf::props(&self.inner, graph.as_ref(), graph.as_ref())?;
                    let d = p.0.iter().find_map(|(k, v)| match v {
                        Term::Literal(l) if *k == rdf::terms::identifier() => {
                            Some(l.value().to_string())
                        }
                        _ => None,
                    });
                    doc_ids.insert(graph.clone(), d.clone());
                    d
                }
            };
            let malformed = |what: &str| {
                self.err(format!(
                    "statement <{}> in graph <{}> {what}",
                    node.as_str(),
                    graph.as_str()
                ))
            };
            let doc = doc.ok_or_else(|| malformed("is in a graph without a document"))?;
            let sentence_iri = props
                .0
                .iter()
                .find_map(|(k, v)| match v {
                    Term::NamedNode(n) if *k == derived => Some(n.as_str().to_string()),
                    _ => None,
                })
                .ok_or_else(|| malformed("has no prov:wasDerivedFrom"))?;
            let key = (graph.clone(), sentence_iri);
            if !sentences.contains_key(&key) {
                let s = NamedNode::new_unchecked(key.1.clone());
                let p = rdf::props(&self.inner, s.as_ref(), graph.as_ref())?;
                sentences.insert(key.clone(), p);
            }
            let sentence = &sentences[&key];
            let mut qnodes: Vec<&str> = props
                .0
                .iter()
                .filter(|(k, _)| *k == quantity)
                .filter_map(|(_, v)| match v {
                    Term::NamedNode(n) => Some(n.as_str()),
                    _ => None,
                })
                .collect();
            qnodes.sort_by_key(|iri| rdf::quantity_index(iri));
            let mut quantities = Vec::new();
            for qn in qnodes {
                let qp = rdf::props(
                    &self.inner,
                    NamedNode::new_unchecked(qn).as_ref(),
                    graph.as_ref(),
                )?;
                quantities.push(
                    rdf::quantity(&qp).ok_or_else(|| malformed("has an incomplete quantity"))?,
                );
            }
            let st = rdf::statement(&props, sentence, &doc, &gold, quantities)
                .ok_or_else(|| malformed("lacks a required property or its sentence"))?;
            out.push((st, node.into_string()));
        }
        out.sort_by(|(a, ai), (b, bi)| {
            (&a.doc, a.evidence.span.start, a.evidence.focus.start, ai).cmp(&(
                &b.doc,
                b.evidence.span.start,
                b.evidence.focus.start,
                bi,
            ))
        });
        Ok(out.into_iter().map(|(s, _)| s).collect())
    }

    /// Every actor that some document mentions or some statement names,
    /// sorted by IRI, with its mention and document counts. Lexicon actors
    /// are described by the lexicon graph, discovered ones by the first
    /// document graph (in IRI order) that describes them.
    pub fn actors(&self) -> Result<Vec<ActorStats>> {
        let mut seen: BTreeMap<String, (usize, BTreeSet<NamedNode>)> = BTreeMap::new();
        let count = rdf::ag("mentionCount");
        for q in self
            .inner
            .quads_for_pattern(None, Some(count.as_ref()), None, None)
        {
            let q = q.map_err(|e| self.err(e))?;
            let (NamedOrBlankNode::NamedNode(a), GraphName::NamedNode(g), Term::Literal(n)) =
                (q.subject, q.graph_name, q.object)
            else {
                continue;
            };
            let entry = seen.entry(a.into_string()).or_default();
            entry.0 += n.value().parse::<usize>().unwrap_or(0);
            entry.1.insert(g);
        }
        let onto = rdf::terms::graph(ONTOLOGY_GRAPH);
        let lex = rdf::terms::graph(LEXICON_GRAPH);
        for p in [rdfv::SUBJECT, rdfv::OBJECT] {
            for q in self.inner.quads_for_pattern(None, Some(p), None, None) {
                let q = q.map_err(|e| self.err(e))?;
                let (Term::NamedNode(a), GraphName::NamedNode(g)) = (q.object, q.graph_name) else {
                    continue;
                };
                if g == onto || g == lex {
                    continue;
                }
                seen.entry(a.into_string()).or_default().1.insert(g);
            }
        }
        let discovered = rdf::ag("discovered");
        let mut out = Vec::with_capacity(seen.len());
        for (iri, (mentions, docs)) in seen {
            let n = NamedNode::new_unchecked(iri.as_str());
            let lexicon = rdf::props(&self.inner, n.as_ref(), lex.as_ref())?;
            let mut actor = rdf::actor(&iri, &lexicon).map(|mut a| {
                a.discovered = false;
                a
            });
            if actor.is_none() {
                let mut graphs: Vec<NamedNode> = Vec::new();
                for q in self.inner.quads_for_pattern(
                    Some(n.as_ref().into()),
                    Some(discovered.as_ref()),
                    None,
                    None,
                ) {
                    if let GraphName::NamedNode(g) = q.map_err(|e| self.err(e))?.graph_name {
                        graphs.push(g);
                    }
                }
                graphs.sort();
                if let Some(g) = graphs.first() {
                    let props = rdf::props(&self.inner, n.as_ref(), g.as_ref())?;
                    actor = rdf::actor(&iri, &props);
                }
            }
            out.push(ActorStats {
                actor: actor.unwrap_or_else(|| rdf::bare_actor(&iri)),
                mentions,
                documents: docs.len(),
            });
        }
        Ok(out)
    }

    /// The Oxigraph store, for queries and RDF serialization.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }
}
