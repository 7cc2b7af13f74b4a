//! A build's bulk load: the new documents of a whole build go through one
//! RocksDB bulk loader, committed a few times, instead of one bulk load per
//! batch of 256 documents.
//!
//! Why: each commit ingests its sorted files into RocksDB's level 0, and
//! because quad keys are hashes every file overlaps every other, so RocksDB
//! merges level 0 into the levels below again and again while the build
//! runs: with a commit per batch that rewrote the store about once per
//! commit, a cost that grows with the square of the store (figures in
//! BENCHMARKS.md). Here a commit happens once the quads waiting reach the
//! quads committed so far (and at least [`MIN_COMMIT_QUADS`]), so commits
//! are a handful even at 100,000 articles and the store is merged a few
//! times in all. Files are handed to the loader in full chunks, so that
//! each is as large as its memory budget allows.
//!
//! A kill loses what is not committed (at most about half of what the build
//! stored), never part of a document: each commit ingests whole batches in
//! one atomic step. The sorted files of a killed load stay in the store
//! folder (`bulk-*.sst`) until the next writer opens it and removes them. Batches that replace stored documents, or a store that
//! is not a fresh RocksDB store, go through [`Store::put_batch_tapped`]
//! after what waits is committed.

use std::collections::HashSet;

use oxigraph::model::Quad;

use super::{BULK_MEMORY_MB, Backend, Store};
use crate::error::Result;
use crate::model::Extraction;
use crate::ontology::Ontology;

/// The fewest quads a commit waits for (about 1,500 generated articles).
pub const MIN_COMMIT_QUADS: usize = 2_000_000;

/// An open bulk load over a store (see [`Store::bulk`]).
pub struct BulkSession<'s> {
    store: &'s mut Store,
    db: &'s oxigraph::store::Store,
    loader: Option<oxigraph::store::BulkLoader<'s>>,
    /// Quads waiting to be handed to the loader as one full chunk.
    queued: Vec<Quad>,
    /// Quads handed to the loader or queued since the last commit.
    pending: usize,
    /// Quads committed in this session.
    committed: usize,
    /// The fewest quads a commit waits for.
    min_commit: usize,
}

/// Quads per chunk of the loader: what its memory budget gives each thread.
fn chunk_quads() -> usize {
    BULK_MEMORY_MB * 1000 / bulk_threads()
}

fn bulk_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

impl Store {
    /// Runs `f` with a [`BulkSession`] over this store, then commits what
    /// waits. A commit waits for at least `min_commit` quads
    /// ([`MIN_COMMIT_QUADS`] in a build). If `f` fails, what was not
    /// committed is dropped.
    pub fn bulk<T>(
        &mut self,
        min_commit: usize,
        f: impl FnOnce(&mut BulkSession<'_>) -> Result<T>,
    ) -> Result<T> {
        let db = self.inner.clone();
        let mut session = BulkSession {
            store: self,
            db: &db,
            loader: None,
            queued: Vec::new(),
            pending: 0,
            committed: 0,
            min_commit,
        };
        let out = f(&mut session)?;
        session.commit()?;
        Ok(out)
    }
}

impl BulkSession<'_> {
    /// The store (what is not committed is not in it yet).
    pub fn store(&self) -> &Store {
        self.store
    }

    /// [`Store::put_batch_tapped`], new documents of a fresh RocksDB store
    /// going into the session's bulk load.
    pub fn put_batch_tapped(
        &mut self,
        extractions: &[&Extraction],
        ontology: &Ontology,
        tap: &mut dyn FnMut(&[Quad]) -> Result<()>,
    ) -> Result<usize> {
        let mut ids = HashSet::new();
        let new = matches!(self.store.backend, Backend::Rocks(_))
            && self.store.check_writable().is_ok()
            && self.store.fresh.as_ref().is_some_and(|f| {
                extractions
                    .iter()
                    .all(|e| !f.contains(&e.document.id) && ids.insert(&e.document.id))
            });
        if !new {
            // An earlier version may wait here: the store must see it.
            self.commit()?;
            return self
                .store
                .put_batch_tapped(extractions.iter().copied(), ontology, tap);
        }
        if extractions.is_empty() {
            return Ok(0);
        }
        let b = self.store.prepare(extractions, ontology)?;
        let n = self.store.stored(extractions, &b, tap)?;
        self.pending += b.quads.len() + b.records.len();
        self.queued.extend(b.quads);
        self.queued.extend(b.records);
        self.load_full_chunks()?;
        if self.pending >= self.committed.max(self.min_commit) {
            self.commit()?;
        }
        Ok(n)
    }

    /// Hands the queued quads to the loader in full chunks.
    fn load_full_chunks(&mut self) -> Result<()> {
        let chunk = chunk_quads();
        while self.queued.len() >= chunk {
            let rest = self.queued.split_off(chunk);
            let full = std::mem::replace(&mut self.queued, rest);
            self.load(full)?;
        }
        Ok(())
    }

    fn load(&mut self, quads: Vec<Quad>) -> Result<()> {
        let db = self.db;
        let loader = self.loader.get_or_insert_with(|| {
            db.bulk_loader()
                .with_num_threads(bulk_threads())
                .with_max_memory_size_in_megabytes(BULK_MEMORY_MB)
        });
        loader.load_quads(quads).map_err(|e| self.store.err(e))
    }

    /// Ingests everything loaded so far in one atomic step.
    pub fn commit(&mut self) -> Result<()> {
        let rest = std::mem::take(&mut self.queued);
        if !rest.is_empty() {
            self.load(rest)?;
        }
        if let Some(loader) = self.loader.take() {
            loader.commit().map_err(|e| self.store.err(e))?;
            self.store.bulk_loaded = true;
        }
        self.committed += std::mem::take(&mut self.pending);
        Ok(())
    }
}
