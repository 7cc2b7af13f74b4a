//! Recognizes actor mentions in sentences.

use crate::error::Result;
use crate::model::{Actor, Document, Mention, Sentence};
use crate::ontology::Ontology;

/// The compiled recognizer for one lexicon.
#[derive(Debug)]
pub struct Recognizer {}

impl Recognizer {
    /// Compiles the lexicon of `ontology`.
    pub fn new(_ontology: &Ontology) -> Result<Recognizer> {
        Ok(Recognizer {})
    }

    /// The mentions in `doc`, in text order, and the actors discovered in it.
    pub fn recognize(
        &self,
        _doc: &Document,
        _sentences: &[Sentence],
    ) -> (Vec<Mention>, Vec<Actor>) {
        (Vec::new(), Vec::new())
    }
}
