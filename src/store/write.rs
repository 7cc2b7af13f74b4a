//! Writing documents: one transaction or one bulk load per batch, with the
//! records of the network view, and removal of a document with all that was
//! derived from it.

use std::collections::HashSet;

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{GraphNameRef, NamedNode, Quad};

use super::{BULK_MEMORY_MB, Backend, Store, rdf, view};
use crate::error::Result;
use crate::model::Extraction;
use crate::ontology::Ontology;

/// A batch of documents ready to write (see [`Store::prepare`]).
pub(super) struct Prepared {
    /// Graphs of earlier versions, to drop.
    pub(super) old: Vec<NamedNode>,
    /// The documents' graphs.
    pub(super) quads: Vec<Quad>,
    /// Their records in the view graph.
    pub(super) records: Vec<Quad>,
    /// The view records of the graphs dropped.
    pub(super) old_records: Vec<Quad>,
    /// `records` holds the mark that every document has its records.
    pub(super) mark: bool,
}

impl Prepared {
    /// Nothing to drop: only new documents, which a bulk load can add.
    pub(super) fn is_new(&self) -> bool {
        self.old.is_empty() && self.old_records.is_empty()
    }
}

impl Store {
    /// Stores one document's extraction in one transaction, replacing any
    /// earlier version of the same document id. Returns the number of quads written.
    pub fn put(&mut self, extraction: &Extraction, ontology: &Ontology) -> Result<usize> {
        self.put_batch([extraction], ontology)
    }

    /// Stores several documents' extractions in one transaction (each
    /// replacing any earlier version of its id), with their records of the
    /// network view, then lets the file backend decide once whether to save.
    /// All or none of the batch is committed, so every saved state still
    /// holds whole documents only. Returns the number of quads written
    /// (records of the view not counted).
    pub fn put_batch<'a>(
        &mut self,
        extractions: impl IntoIterator<Item = &'a Extraction>,
        ontology: &Ontology,
    ) -> Result<usize> {
        self.put_batch_tapped(extractions, ontology, &mut |_| Ok(()))
    }

    /// [`Store::put_batch`], handing the quads of the documents' graphs
    /// (not the view records) to `tap` once they are committed, as written:
    /// `canonical_term` (in the store module) gives the form the store reads them back
    /// in. A build uses it to write the RDF export of a fresh store without
    /// reading every quad back (see [`Store::holds_only_put_documents`]).
    /// A remote store does not call `tap`.
    pub fn put_batch_tapped<'a>(
        &mut self,
        extractions: impl IntoIterator<Item = &'a Extraction>,
        ontology: &Ontology,
        tap: &mut dyn FnMut(&[Quad]) -> Result<()>,
    ) -> Result<usize> {
        self.check_writable()?;
        let extractions: Vec<&Extraction> = extractions.into_iter().collect();
        if extractions.is_empty() {
            return Ok(0);
        }
        if self.is_remote() {
            return self.put_batch_remote(&extractions, ontology);
        }
        let mut ids = HashSet::new();
        if !extractions.iter().all(|e| ids.insert(&e.document.id)) {
            // A later version of an id in the same batch must replace the
            // earlier one, which the look-up below only sees once committed.
            let mut n = 0;
            for e in extractions {
                n += self.put_batch_tapped([e], ontology, tap)?;
            }
            return Ok(n);
        }
        let b = self.prepare(&extractions, ontology)?;
        if b.is_new() && matches!(self.backend, Backend::Rocks(_)) {
            // New documents only: RocksDB's bulk loader writes sorted files
            // and ingests them in one atomic step at commit (a kill before
            // it leaves none of the batch), several times faster than a
            // transaction, which indexes quad by quad through the log.
            let mut loader = self
                .inner
                .bulk_loader()
                .with_max_memory_size_in_megabytes(BULK_MEMORY_MB);
            loader
                .load_quads(b.quads.iter().chain(&b.records).cloned())
                .map_err(|e| self.err(e))?;
            loader.commit().map_err(|e| self.err(e))?;
            self.bulk_loaded = true;
        } else {
            let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
            for g in &b.old {
                tx.remove_named_graph(g).map_err(|e| self.err(e))?;
            }
            for r in &b.old_records {
                tx.remove(r);
            }
            tx.extend(&b.quads);
            tx.extend(&b.records);
            tx.commit().map_err(|e| self.err(e))?;
        }
        self.stored(&extractions, &b, tap)
    }

    /// The quads and view records of a batch of documents with distinct
    /// ids, and what they replace; marks the actor records stale.
    pub(super) fn prepare(
        &mut self,
        extractions: &[&Extraction],
        ontology: &Ontology,
    ) -> Result<Prepared> {
        if self.gold.is_none() {
            self.gold = Some(rdf::gold_names(&self.inner)?);
        }
        let gold = self
            .gold
            .as_ref()
            .ok_or_else(|| self.err("no gold names"))?;
        let mut old = Vec::new();
        let mut quads: Vec<Quad> = Vec::new();
        let mut records = Vec::new();
        for e in extractions {
            let id = &e.document.id;
            let seen = self.fresh.as_ref().map(|f| f.contains(id));
            if seen != Some(false) {
                old.extend(self.graphs_of(id)?);
            }
            let from = quads.len();
            quads.extend(rdf::document_quads(e, ontology)?);
            let doc = rdf::checked(&e.document.iri())?;
            records.extend(view::records(&doc, id, &quads[from..], gold)?);
        }
        // A store that held no document when opened has records for all.
        let mark = !self.marked && self.fresh.is_some();
        if mark {
            records.push(view::complete());
        }
        let old_records = self.records_of(&old)?;
        self.mark_changed()?;
        self.rewritten |= !old.is_empty() || !old_records.is_empty();
        Ok(Prepared {
            old,
            quads,
            records,
            old_records,
            mark,
        })
    }

    /// Notes a prepared batch as written (committed, or pending in a
    /// [`super::BulkSession`]) and hands its quads to `tap`.
    pub(super) fn stored(
        &mut self,
        extractions: &[&Extraction],
        b: &Prepared,
        tap: &mut dyn FnMut(&[Quad]) -> Result<()>,
    ) -> Result<usize> {
        self.marked |= b.mark;
        tap(&b.quads)?;
        if let Some(f) = &mut self.fresh {
            f.extend(extractions.iter().map(|e| e.document.id.clone()));
        }
        self.after_writes(extractions.len())?;
        Ok(b.quads.len())
    }

    /// The view-graph records of the statements of these document graphs.
    pub(super) fn records_of(&self, graphs: &[NamedNode]) -> Result<Vec<Quad>> {
        let (vg, json, stmt, named_in) =
            (view::graph(), view::json(), view::stmt(), view::named_in());
        let vg = GraphNameRef::NamedNode(vg.as_ref());
        let ty = rdf::ag("Statement");
        let mut out = Vec::new();
        for g in graphs {
            let statements = self.inner.quads_for_pattern(
                None,
                Some(rdfv::TYPE),
                Some(ty.as_ref().into()),
                Some(g.as_ref().into()),
            );
            for q in statements {
                let node = q.map_err(|e| self.err(e))?.subject;
                let patterns = [
                    self.inner.quads_for_pattern(
                        Some(node.as_ref()),
                        Some(json.as_ref()),
                        None,
                        Some(vg),
                    ),
                    self.inner.quads_for_pattern(
                        None,
                        Some(stmt.as_ref()),
                        Some(node.as_ref().into()),
                        Some(vg),
                    ),
                ];
                for q in patterns.into_iter().flatten() {
                    out.push(q.map_err(|e| self.err(e))?);
                }
            }
            for q in self.inner.quads_for_pattern(
                None,
                Some(named_in.as_ref()),
                Some(g.as_ref().into()),
                Some(vg),
            ) {
                out.push(q.map_err(|e| self.err(e))?);
            }
        }
        Ok(out)
    }

    /// Removes a document (by id) and everything derived from it. Returns
    /// whether there was such a document.
    pub fn remove(&mut self, doc_id: &str) -> Result<bool> {
        self.check_writable()?;
        if self.is_remote() {
            return self.remove_remote(doc_id);
        }
        let old = self.graphs_of(doc_id)?;
        if old.is_empty() {
            return Ok(false);
        }
        let old_records = self.records_of(&old)?;
        self.mark_changed()?;
        self.rewritten = true;
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        for g in &old {
            tx.remove_named_graph(g).map_err(|e| self.err(e))?;
        }
        for r in &old_records {
            tx.remove(r);
        }
        tx.commit().map_err(|e| self.err(e))?;
        self.after_write()?;
        Ok(true)
    }
}
