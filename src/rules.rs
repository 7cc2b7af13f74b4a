//! The rules: everything in `ontology/` (the ontology and lexicon, the
//! recognition cues, the grammar of `lang/ar/`, the relation patterns and
//! constructions) loaded and compiled once per run, and the fingerprint that
//! says which rules extracted a store's documents.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::mentions::Recognizer;
use crate::ontology::Ontology;
use crate::relations::Extractor;

/// Everything loaded from `ontology/` and compiled once per run.
#[derive(Debug)]
pub struct Resources {
    /// The ontology and lexicon.
    pub ontology: Ontology,
    /// The compiled actor recognizer.
    pub recognizer: Recognizer,
    /// The compiled relation patterns.
    pub extractor: Extractor,
    /// A hash of this program's version and every file of the ontology
    /// folder: the rules that extracted a store's documents. When it
    /// changes, a build extracts every document again.
    pub fingerprint: String,
}

impl Resources {
    /// Loads the ontology folder (see [`Ontology::locate`]) and compiles it.
    pub fn load(dir: Option<&Path>) -> Result<Resources> {
        let ontology = Ontology::load(&Ontology::locate(dir))?;
        Resources::compile(ontology)
    }

    /// Compiles an already loaded ontology.
    pub fn compile(ontology: Ontology) -> Result<Resources> {
        let recognizer = Recognizer::new(&ontology)?;
        let extractor = Extractor::load(&ontology)?;
        let fingerprint = fingerprint(&ontology.dir)?;
        Ok(Resources {
            ontology,
            recognizer,
            extractor,
            fingerprint,
        })
    }
}

/// SHA-256 of the crate version and of every file under `dir` (relative
/// path and content, in path order).
fn fingerprint(dir: &Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(dir, e))?.path();
            if path.is_dir() {
                walk(&path, out)?;
            } else {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    files.sort();
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    for f in &files {
        let rel = f.strip_prefix(dir).unwrap_or(f);
        h.update(rel.to_string_lossy().as_bytes());
        h.update([0u8]);
        h.update(std::fs::read(f).map_err(|e| Error::io(f, e))?);
        h.update([0u8]);
    }
    Ok(crate::model::hex(&h.finalize()))
}
