//! The RDF store: maps each document's extraction to its own named graph in
//! Oxigraph and reads statements and actors back. This module is the only
//! door to Oxigraph's storage: callers get quads, counts, the rules stamp and
//! SPARQL evaluation from [`Store`], never the Oxigraph store itself.
//!
//! Two backends, one API, chosen at run time from the store location (see
//! [`Location`]): Oxigraph's on-disk RocksDB store (`store::rocks`, the
//! default for a new store) and Oxigraph's in-memory store persisted as one
//! sorted N-Quads file ([`crate::store::file`]). The RDF model is in
//! [`crate::store::rdf`], the per-document records of the network view in
//! `store::view`, and both are described in docs/store.md.

mod bulk;
mod canonical;
pub mod file;
pub mod rdf;
pub mod remote;
pub mod rocks;
pub mod sort;
mod read;
mod remote_store;
mod session;
mod view;
mod write;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{BoundPreparedSparqlQuery, PreparedSparqlQuery};

use crate::error::{Error, Result};
use crate::model::Document;
use crate::ontology::Ontology;

pub use bulk::{document_nquads, ontology_nquads};
pub(crate) use canonical::canonical_term;
pub use rdf::{LEXICON_GRAPH, ONTOLOGY_GRAPH, sentence_iri};
pub(crate) use read::read_statement;
pub use session::{BulkSession, MIN_COMMIT_QUADS};

/// A storage error without a better place to point at.
pub(crate) fn storage_error(e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: "(store)".into(),
        message: e.to_string(),
    }
}

/// The on-disk formats a store folder can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Oxigraph's RocksDB store: indexed on disk, opened without loading.
    RocksDb,
    /// Oxigraph's in-memory store, saved as one sorted N-Quads file
    /// (`graph.nq`) and loaded whole at each open.
    NQuads,
}

impl Kind {
    /// The name used in store locations (`rocksdb:DIR`, `nquads:DIR`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::RocksDb => "rocksdb",
            Kind::NQuads => "nquads",
        }
    }

    /// The kind of the store already in `dir`, if any: `graph.nq` makes an
    /// N-Quads store, RocksDB's `CURRENT` file (or our lock beside it) a
    /// RocksDB store, and the file backend's lock alone an N-Quads store
    /// whose first build was stopped before it saved.
    pub fn detect(dir: &Path) -> Option<Kind> {
        if dir.join(file::DATA_FILE).is_file() {
            Some(Kind::NQuads)
        } else if dir.join("CURRENT").is_file() || dir.join(rocks::LOCK_FILE).is_file() {
            Some(Kind::RocksDb)
        } else if dir.join(file::LOCK_FILE).is_file() {
            // The file backend's lock alone: a build killed before its first
            // save (RocksDB's own LOCK comes with actorgraph.lock).
            Some(Kind::NQuads)
        } else {
            None
        }
    }
}

/// Where a store lives: a folder, optionally prefixed by the backend wanted
/// for a new store (`nquads:DIR`, `rocksdb:DIR`). A bare folder opens
/// whatever store it holds, and a new store there is a RocksDB store.
/// What RocksDB's bulk loader may hold in memory while it sorts a batch.
const BULK_MEMORY_MB: usize = 256;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The store folder.
    pub dir: PathBuf,
    /// The backend asked for, if the location names one.
    pub kind: Option<Kind>,
}

impl Location {
    /// Reads a location as given on the command line (`--store`).
    pub fn parse(location: &Path) -> Location {
        let text = location.to_string_lossy();
        for kind in [Kind::RocksDb, Kind::NQuads] {
            if let Some(rest) = text
                .strip_prefix(kind.name())
                .and_then(|r| r.strip_prefix(':'))
                && !rest.is_empty()
            {
                return Location {
                    dir: PathBuf::from(rest),
                    kind: Some(kind),
                };
            }
        }
        Location {
            dir: location.to_path_buf(),
            kind: None,
        }
    }
}

#[derive(Debug)]
enum Backend {
    /// Nothing on disk (tests, `extract`).
    Memory,
    /// In memory, saved to `graph.nq`.
    File(file::FileBackend),
    /// RocksDB.
    Rocks(rocks::RocksBackend),
    /// A SPARQL server (see [`remote`]); `inner` is an in-memory copy: the
    /// ontology only for a writer, every graph for a reader.
    Remote(remote_store::RemoteBackend),
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
    /// Relation IRI to gold name, read from the ontology graph (cached for
    /// the view records written by [`Store::put_batch`]).
    gold: Option<BTreeMap<String, String>>,
    /// The rules stamp of an in-memory store (a folder keeps it in [`RULES_FILE`]).
    memory_rules: Option<String>,
    /// Whether every document has its records in the view graph (see
    /// `store::view`), so that readers may use them.
    marked: bool,
    /// Documents went in through the bulk loader since the store was opened:
    /// its files are many small sorted runs until compacted (see [`Store::save`]).
    bulk_loaded: bool,
    /// Something was written since the store was opened: the actor records
    /// are stale until [`Store::save`] writes them again.
    changed: bool,
    /// Something stored was dropped or replaced, or quads were inserted
    /// outside a document, since the store was opened (see
    /// [`Store::holds_only_put_documents`]).
    rewritten: bool,
}

/// The file in a store folder that records the rules stamp (see
/// [`Store::rules_stamp`]).
pub const RULES_FILE: &str = "RULES";

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

/// A handle on the store for SPARQL evaluation, which may move to another
/// thread (the query worker) and outlive the borrow of the [`Store`].
#[derive(Clone)]
pub struct Sparql {
    inner: oxigraph::store::Store,
}

impl std::fmt::Debug for Sparql {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sparql").finish_non_exhaustive()
    }
}

impl Sparql {
    /// Binds a parsed query to a snapshot of the store. A query that names
    /// no dataset of its own (no FROM, no protocol dataset) gets the union of
    /// all graphs as its default graph, so that `?s ag:supports ?o` sees
    /// every document.
    pub fn bind(&self, mut query: PreparedSparqlQuery) -> BoundPreparedSparqlQuery<'static> {
        if query.dataset().is_default_dataset() {
            query.dataset_mut().set_default_graph_as_union();
        }
        query.on_store(&self.inner)
    }
}

impl Store {
    /// Opens (or creates) the store at `location` (see [`Location`]) for
    /// reading and writing, taking its lock: a second writer gets
    /// [`Error::StoreLocked`].
    pub fn open(location: &Path) -> Result<Store> {
        Store::open_with(location, false)
    }

    /// Opens the store at `location` for reading only (queries, exports,
    /// the endpoint). It must exist.
    pub fn open_read_only(location: &Path) -> Result<Store> {
        Store::open_with(location, true)
    }

    /// Opens the store at `location` for SPARQL queries only: as
    /// [`Store::open_read_only`], except that a remote store loads no copy
    /// of its graphs (its queries go to the server), so that `query` costs
    /// what the server's answer costs.
    pub fn open_for_queries(location: &Path) -> Result<Store> {
        let text = location.to_string_lossy();
        if remote::is_remote(&text) {
            return Store::open_remote_for_queries(&text);
        }
        Store::open_with(location, true)
    }

    /// Opens the store at `location` for reading its network view only
    /// (traversal, rank, communities, the explorer, the graph exports): as
    /// [`Store::open_read_only`], except that a remote store loads only what
    /// the network view reads, not every quad (so `quads`, `nquads` and the
    /// RDF exports see part of the store).
    pub fn open_for_network(location: &Path) -> Result<Store> {
        let text = location.to_string_lossy();
        if remote::is_remote(&text) {
            return Store::open_remote(&text, true, false);
        }
        Store::open_with(location, true)
    }

    fn open_with(location: &Path, read_only: bool) -> Result<Store> {
        let text = location.to_string_lossy();
        if remote::is_remote(&text) {
            return Store::open_remote(&text, read_only, true);
        }
        let Location { dir, kind: asked } = Location::parse(location);
        let found = Kind::detect(&dir);
        if let (Some(asked), Some(found)) = (asked, found)
            && asked != found
        {
            return Err(Error::Store {
                path: dir.clone(),
                message: format!(
                    "this folder holds a {} store, not a {} one; open it as {} (the backend is read from the folder)",
                    found.name(),
                    asked.name(),
                    dir.display()
                ),
            });
        }
        let (inner, backend) = match asked.or(found).unwrap_or(Kind::RocksDb) {
            Kind::NQuads => {
                let (inner, b) = file::open(&dir, read_only)?;
                (inner, Backend::File(b))
            }
            Kind::RocksDb => {
                let (inner, b) = rocks::open(&dir, read_only)?;
                (inner, Backend::Rocks(b))
            }
        };
        Store::with_backend(inner, backend, dir).with_freshness()
    }

    /// A store over `inner` and `backend`, nothing written or cached yet.
    fn with_backend(inner: oxigraph::store::Store, backend: Backend, path: PathBuf) -> Store {
        Store {
            inner,
            backend,
            path,
            fresh: None,
            gold: None,
            memory_rules: None,
            marked: false,
            bulk_loaded: false,
            changed: false,
            rewritten: false,
        }
    }

    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Store> {
        let inner = oxigraph::store::Store::new().map_err(storage_error)?;
        Ok(Store {
            fresh: Some(HashSet::new()),
            ..Store::with_backend(inner, Backend::Memory, "(memory)".into())
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
        self.marked = self
            .inner
            .contains(&view::complete())
            .map_err(|e| self.err(e))?;
        Ok(self)
    }

    /// Whether the document graphs hold exactly the documents given to
    /// [`Store::put_batch_tapped`] since the store was opened: it held no
    /// document then, and nothing was removed, replaced or inserted beside
    /// them since. Then what the taps saw is what the store holds.
    pub fn holds_only_put_documents(&self) -> bool {
        self.fresh.is_some() && !self.rewritten && !self.is_remote()
    }

    /// The store directory (`(memory)` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The backend of this store, or `None` for an in-memory store.
    pub fn kind(&self) -> Option<Kind> {
        match self.backend {
            Backend::Memory => None,
            Backend::File(_) => Some(Kind::NQuads),
            Backend::Rocks(_) => Some(Kind::RocksDb),
            Backend::Remote(_) => None,
        }
    }

    /// The backend's name: `rocksdb`, `nquads`, `remote` or `memory`.
    pub fn backend_name(&self) -> &'static str {
        if self.is_remote() {
            return "remote";
        }
        self.kind().map_or("memory", Kind::name)
    }

    /// Whether the store is on a SPARQL server.
    pub fn is_remote(&self) -> bool {
        matches!(self.backend, Backend::Remote(_))
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
            Backend::File(f) => f.writable(),
            Backend::Rocks(r) => r.writable(),
            Backend::Remote(r) => r.writable,
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
    fn after_writes(&mut self, changes: usize) -> Result<()> {
        match &mut self.backend {
            Backend::Memory | Backend::Rocks(_) | Backend::Remote(_) => Ok(()),
            Backend::File(f) => f.after_writes(&self.inner, changes),
        }
    }

    /// Whether a read-only store is older than what is on disk (a build has
    /// saved since it was opened): reopen it to see the change. Always false
    /// for RocksDB, which no build can change while a reader holds it.
    pub fn is_stale(&self) -> bool {
        match &self.backend {
            Backend::File(f) => f.is_stale(),
            _ => false,
        }
    }

    /// Replaces the ontology and lexicon graphs with those of `ontology`,
    /// when they differ (so that an unchanged store is not rewritten).
    pub fn sync_ontology(&mut self, ontology: &Ontology) -> Result<()> {
        self.check_writable()?;
        if self.is_remote() {
            return self.sync_ontology_remote(ontology);
        }
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
            // Labels of actors live in the lexicon graph.
            self.mark_changed()?;
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            tx.clear_graph(name).map_err(|e| self.err(e))?;
            tx.extend(&wanted);
            tx.commit().map_err(|e| self.err(e))?;
            changed = true;
        }
        if changed && let Backend::File(f) = &mut self.backend {
            f.touch();
        }
        self.gold = None;
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
        if let Backend::Remote(r) = &self.backend {
            return Ok(r.document_keys());
        }
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

    /// The ids of the stored documents, sorted.
    pub fn document_ids(&self) -> Result<Vec<String>> {
        if let Backend::Remote(r) = &self.backend {
            return Ok(r.docs.keys().cloned().collect());
        }
        let mut ids: Vec<String> = self.documents()?.into_iter().map(|(_, id)| id).collect();
        ids.sort();
        ids.dedup();
        Ok(ids)
    }

    /// Makes all changes durable.
    pub fn save(&mut self) -> Result<()> {
        match &mut self.backend {
            Backend::Memory | Backend::Remote(_) => Ok(()),
            Backend::File(f) => {
                if f.writable() {
                    self.write_actor_records()?;
                    let Backend::File(f) = &mut self.backend else {
                        return Ok(());
                    };
                    f.save(&self.inner)
                } else {
                    Ok(())
                }
            }
            Backend::Rocks(r) => {
                if !r.writable() {
                    return Ok(());
                }
                self.write_actor_records()?;
                let err = |e: oxigraph::store::StorageError| Error::Store {
                    path: self.path.clone(),
                    message: e.to_string(),
                };
                self.inner.flush().map_err(err)?;
                // Each bulk-loaded batch is its own run of sorted files; a
                // read looks a term up in every run until they are merged.
                // One compaction after the build makes every later query,
                // traversal and export read one sorted run per level.
                if std::mem::take(&mut self.bulk_loaded) {
                    self.inner.optimize().map_err(err)?;
                }
                Ok(())
            }
        }
    }

    /// Number of quads.
    ///
    /// On a remote store: the quads of the document, ontology and lexicon
    /// graphs on the server (the view records exist only in a reader's copy).
    pub fn len(&self) -> Result<usize> {
        if let Backend::Remote(r) = &self.backend {
            return r.quad_count();
        }
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

    /// Every quad, in the store's own order (which is not a promise: sort
    /// what must be deterministic).
    pub fn quads(&self) -> impl Iterator<Item = Result<Quad>> + 'static {
        let path = self.path.clone();
        self.inner.iter().map(move |q| {
            q.map_err(|e| Error::Store {
                path: path.clone(),
                message: e.to_string(),
            })
        })
    }

    /// The quads of the graph named `graph` (a document IRI, or one of
    /// [`ONTOLOGY_GRAPH`] and [`LEXICON_GRAPH`]), in the store's order.
    pub fn graph_quads(&self, graph: &str) -> Result<Vec<Quad>> {
        let g = rdf::checked(graph)?;
        self.inner
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .map(|q| q.map_err(|e| self.err(e)))
            .collect()
    }

    /// The quads with this predicate, in every graph, read from the
    /// predicate index (not a scan of the store).
    pub fn quads_with_predicate(&self, predicate: &str) -> Result<Vec<Quad>> {
        let p = rdf::checked(predicate)?;
        self.inner
            .quads_for_pattern(None, Some(p.as_ref()), None, None)
            .map(|q| q.map_err(|e| self.err(e)))
            .collect()
    }

    /// The quads of the stored document with this id (every version's
    /// graph; empty when there is none).
    pub fn document_quads(&self, doc_id: &str) -> Result<Vec<Quad>> {
        let mut out = Vec::new();
        for g in self.graphs_of(doc_id)? {
            out.extend(self.graph_quads(g.as_str())?);
        }
        Ok(out)
    }

    /// Adds quads as they are, outside any document (for tests and tools
    /// that need a store of hand-made quads).
    pub fn insert_quads(&mut self, quads: impl IntoIterator<Item = Quad>) -> Result<()> {
        self.check_writable()?;
        let quads: Vec<Quad> = quads.into_iter().collect();
        self.mark_changed()?;
        self.rewritten = true;
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        tx.extend(&quads);
        tx.commit().map_err(|e| self.err(e))?;
        self.after_write()
    }

    /// The number of statements (`ag:Statement` nodes) in the store,
    /// counted on the type index without reading them.
    pub fn statement_count(&self) -> Result<usize> {
        if let Backend::Remote(r) = &self.backend {
            return r.statement_count();
        }
        let ty = rdf::ag("Statement");
        let mut n = 0;
        for q in
            self.inner
                .quads_for_pattern(None, Some(rdfv::TYPE), Some(ty.as_ref().into()), None)
        {
            q.map_err(|e| self.err(e))?;
            n += 1;
        }
        Ok(n)
    }

    /// A handle for SPARQL evaluation (see [`Sparql::bind`]).
    pub fn sparql(&self) -> Sparql {
        Sparql {
            inner: self.inner.clone(),
        }
    }

    /// The stamp of the rules (program version and ontology folder) that
    /// extracted the stored documents, as last set by
    /// [`Store::set_rules_stamp`]; `None` when never set.
    /// A store without complete view records (written by an older
    /// version) has no stamp, so that a build extracts every document again
    /// and writes them.
    pub fn rules_stamp(&self) -> Result<Option<String>> {
        if let Backend::Remote(r) = &self.backend {
            return r.client.rules_stamp();
        }
        if !self.marked && self.fresh.is_none() {
            return Ok(None);
        }
        if let Backend::Memory = self.backend {
            return Ok(self.memory_rules.clone());
        }
        let path = self.path.join(RULES_FILE);
        match std::fs::read_to_string(&path) {
            Ok(s) => Ok(Some(s.trim().to_string())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    /// Records the rules stamp. Call it only once every document is stored
    /// and saved with these rules: a build killed before it extracts
    /// everything again next time.
    pub fn set_rules_stamp(&mut self, stamp: &str) -> Result<()> {
        self.check_writable()?;
        if let Backend::Remote(r) = &self.backend {
            return r.client.set_rules_stamp(stamp);
        }
        if !self.marked {
            // Every document stored again with its records (an older store
            // rebuilt): readers may now use the records.
            let (vg, json) = (view::graph(), view::json());
            let records = self
                .inner
                .quads_for_pattern(
                    None,
                    Some(json.as_ref()),
                    None,
                    Some(GraphNameRef::NamedNode(vg.as_ref())),
                )
                .count();
            if records == self.statement_count()? {
                self.inner
                    .insert(&view::complete())
                    .map_err(|e| self.err(e))?;
                self.marked = true;
                self.after_write()?;
            }
        }
        if let Backend::Memory = self.backend {
            self.memory_rules = Some(stamp.to_string());
            return Ok(());
        }
        let path = self.path.join(RULES_FILE);
        std::fs::write(&path, format!("{stamp}\n")).map_err(|e| Error::io(&path, e))
    }
}

/// Times of the ways Oxigraph can load the same document graphs into a
/// fresh in-memory store, for the benchmark (`actorgraph-bench store`).
#[derive(Clone, Copy, Debug, Default)]
pub struct LoaderTimes {
    /// One transaction per graph.
    pub transactions: std::time::Duration,
    /// Oxigraph's bulk loader.
    pub bulk: std::time::Duration,
}

/// Loads `graphs` into fresh in-memory Oxigraph stores, once with one
/// transaction per graph and once with the bulk loader, and times both.
pub fn time_loaders(graphs: &[Vec<Quad>]) -> Result<LoaderTimes> {
    use std::time::Instant;
    let fresh = oxigraph::store::Store::new().map_err(storage_error)?;
    let t0 = Instant::now();
    for graph in graphs {
        let mut tx = fresh.start_transaction().map_err(storage_error)?;
        tx.extend(graph);
        tx.commit().map_err(storage_error)?;
    }
    let transactions = t0.elapsed();
    drop(fresh);
    let fresh = oxigraph::store::Store::new().map_err(storage_error)?;
    let t0 = Instant::now();
    let mut loader = fresh.bulk_loader();
    loader
        .load_quads(graphs.iter().flatten().cloned())
        .map_err(storage_error)?;
    loader.commit().map_err(storage_error)?;
    Ok(LoaderTimes {
        transactions,
        bulk: t0.elapsed(),
    })
}

#[cfg(test)]
mod tests;
