//! The RDF store. Only this module touches Oxigraph's storage.
//! (Interface placeholder: the store work implements it.)

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{ActorStats, Extraction, Statement};
use crate::ontology::Ontology;

/// An open actorgraph store.
pub struct Store {
    inner: oxigraph::store::Store,
}

impl Store {
    /// Opens (or creates) the store in `dir` for reading and writing, taking its lock.
    pub fn open(_dir: &Path) -> Result<Store> {
        Store::in_memory()
    }

    /// Opens the store in `dir` for reading only.
    pub fn open_read_only(dir: &Path) -> Result<Store> {
        Store::open(dir)
    }

    /// A store that lives in memory only.
    pub fn in_memory() -> Result<Store> {
        let inner = oxigraph::store::Store::new().map_err(|e| Error::Store {
            path: "(memory)".into(),
            message: e.to_string(),
        })?;
        Ok(Store { inner })
    }

    /// Replaces the ontology and lexicon graphs with those of `ontology`.
    pub fn sync_ontology(&mut self, _ontology: &Ontology) -> Result<()> {
        Ok(())
    }

    /// The key ([`crate::model::Document::key`]) of every stored document, by document id.
    pub fn document_keys(&self) -> Result<BTreeMap<String, String>> {
        Ok(BTreeMap::new())
    }

    /// Stores one document's extraction in one transaction, replacing any
    /// earlier version of the same document id. Returns the number of quads written.
    pub fn put(&mut self, _extraction: &Extraction, _ontology: &Ontology) -> Result<usize> {
        Ok(0)
    }

    /// Removes a document (by id) and everything derived from it.
    pub fn remove(&mut self, _doc_id: &str) -> Result<bool> {
        Ok(false)
    }

    /// Makes all changes durable.
    pub fn save(&mut self) -> Result<()> {
        Ok(())
    }

    /// Number of quads.
    pub fn len(&self) -> Result<usize> {
        self.inner.len().map_err(|e| Error::Store {
            path: "(store)".into(),
            message: e.to_string(),
        })
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Every stored statement, sorted by document, evidence position and IRI.
    pub fn statements(&self) -> Result<Vec<Statement>> {
        Ok(Vec::new())
    }

    /// Every actor that some document mentions or some statement names, sorted by IRI.
    pub fn actors(&self) -> Result<Vec<ActorStats>> {
        Ok(Vec::new())
    }

    /// The Oxigraph store, for queries and RDF serialization.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }
}
