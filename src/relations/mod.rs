//! Extracts typed relations between mentions.

use crate::error::Result;
use crate::model::{Actor, Document, Mention, Sentence, Statement};
use crate::ontology::Ontology;

/// The compiled relation patterns.
#[derive(Debug)]
pub struct Extractor {}

impl Extractor {
    /// Loads the patterns under the ontology folder and checks them against the ontology.
    pub fn load(_ontology: &Ontology) -> Result<Extractor> {
        Ok(Extractor {})
    }

    /// The statements of `doc`, in text order. `discovered` are the actors
    /// minted for this document (the lexicon's are in the ontology).
    pub fn extract(
        &self,
        _doc: &Document,
        _sentences: &[Sentence],
        _mentions: &[Mention],
        _discovered: &[Actor],
    ) -> Vec<Statement> {
        Vec::new()
    }
}
