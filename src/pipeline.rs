//! Runs the stages over a corpus and hands each document's extraction to the
//! store. The library never prints: progress and results go back to the caller.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::export::{self, ExportSummary};
use crate::ingest;
use crate::mentions::Recognizer;
use crate::model::{Diagnostic, Document, Extraction};
use crate::ontology::Ontology;
use crate::relations::Extractor;
use crate::sentences;
use crate::store::Store;

/// Everything loaded from `ontology/` and compiled once per run.
#[derive(Debug)]
pub struct Resources {
    /// The ontology and lexicon.
    pub ontology: Ontology,
    /// The compiled actor recognizer.
    pub recognizer: Recognizer,
    /// The compiled relation patterns.
    pub extractor: Extractor,
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
        Ok(Resources {
            ontology,
            recognizer,
            extractor,
        })
    }
}

/// Runs every stage up to relation extraction on one document.
pub fn extract_document(document: Document, res: &Resources) -> Extraction {
    let sentences = sentences::split(&document.text);
    let (mentions, discovered) = res.recognizer.recognize(&document, &sentences);
    let statements = res
        .extractor
        .extract(&document, &sentences, &mentions, &discovered);
    Extraction {
        document,
        sentences,
        mentions,
        discovered,
        statements,
    }
}

/// What to build.
#[derive(Clone, Debug)]
pub struct BuildConfig {
    /// Files and folders to read.
    pub inputs: Vec<PathBuf>,
    /// The store directory.
    pub store: PathBuf,
    /// Where to write the standard exports; `None` writes none.
    pub exports: Option<PathBuf>,
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildSummary {
    /// Documents read without error.
    pub documents: usize,
    /// Of those, documents new or changed, extracted and stored.
    pub extracted: usize,
    /// Of those, documents already stored unchanged, skipped.
    pub unchanged: usize,
    /// Sentences of the extracted documents.
    pub sentences: usize,
    /// Mentions of the extracted documents.
    pub mentions: usize,
    /// Statements of the extracted documents.
    pub relations: usize,
    /// Statements in the whole store.
    pub stored_statements: usize,
    /// Quads in the whole store.
    pub triples: usize,
    /// What the exports wrote.
    pub exports: ExportSummary,
    /// Problems with inputs (the build went on without them).
    pub diagnostics: Vec<Diagnostic>,
    /// Wall-clock time.
    pub elapsed: Duration,
}

/// Reads the inputs, extracts new and changed documents into the store, and
/// refreshes the exports. Bad inputs become diagnostics; only a failure of the
/// store or the exports is an error, and what was stored before stays stored.
pub fn build(cfg: &BuildConfig, res: &Resources) -> Result<BuildSummary> {
    let started = Instant::now();
    let mut store = Store::open(&cfg.store)?;
    store.sync_ontology(&res.ontology)?;
    let known = store.document_keys()?;
    let mut summary = BuildSummary::default();
    for item in ingest::read_all(&cfg.inputs) {
        let document = match item {
            Ok(d) => d,
            Err(diag) => {
                summary.diagnostics.push(diag);
                continue;
            }
        };
        summary.documents += 1;
        if known.get(&document.id) == Some(&document.key()) {
            summary.unchanged += 1;
            continue;
        }
        let extraction = extract_document(document, res);
        summary.extracted += 1;
        summary.sentences += extraction.sentences.len();
        summary.mentions += extraction.mentions.len();
        summary.relations += extraction.statements.len();
        store.put(&extraction, &res.ontology)?;
    }
    store.save()?;
    summary.stored_statements = store.statements()?.len();
    summary.triples = store.len()?;
    if let Some(dir) = &cfg.exports {
        summary.exports = export::refresh_exports(&store, &res.ontology, dir)?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}
