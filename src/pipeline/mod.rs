//! Runs the stages over a corpus and hands each document's extraction to the
//! store. The library never prints: progress and results go back to the caller.
//!
//! The build streams: documents are read in batches (at most
//! [`BuildOptions::batch_docs`] documents or [`BuildOptions::batch_bytes`]
//! bytes), each batch is extracted in parallel with rayon, and its
//! extractions are handed to the store in document order, so memory is
//! bounded by the batch size rather than the corpus, and the store and the
//! exports do not depend on thread scheduling. Three batches are in flight at
//! most: while the rayon pool extracts batch k, the calling thread stores
//! batch k−1 and reads batch k+1.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::export::{self, ExportSummary};
use crate::ingest;
use crate::model::{Diagnostic, Document, Extraction};
use crate::sentences;
use crate::store::{BulkSession, Store};

pub use crate::rules::Resources;
pub use shard::Shard;

mod shard;

/// The list of discovered actors written next to the exports: what an
/// analyst may promote into `ontology/actors.ttl`.
pub const DISCOVERED_FILE: &str = "discovered.tsv";

/// Writes the store's discovered actors as TSV (IRI, English and Arabic
/// label, class, mentions, documents), most mentioned first, ties by IRI;
/// returns how many.
fn write_discovered(store: &Store, path: &Path) -> Result<usize> {
    let mut actors: Vec<_> = store
        .actors()?
        .into_iter()
        .filter(|a| a.actor.discovered)
        .collect();
    actors.sort_by(|a, b| {
        (std::cmp::Reverse(a.mentions), &a.actor.iri)
            .cmp(&(std::cmp::Reverse(b.mentions), &b.actor.iri))
    });
    let field = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from("iri\tlabel\tlabel_ar\tclass\tmentions\tdocuments\n");
    for a in &actors {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            a.actor.iri,
            field(&a.actor.label),
            field(&a.actor.label_ar),
            a.actor.class,
            a.mentions,
            a.documents
        ));
    }
    export::write_atomic(path, out.as_bytes())?;
    Ok(actors.len())
}

/// Runs every stage up to relation extraction on one document.
pub fn extract_document(document: Document, res: &Resources) -> Extraction {
    extract_document_timed(document, res).0
}

/// Time spent in each extraction stage. In a build these are sums over all
/// documents and threads (CPU time), not wall-clock time.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ExtractTimes {
    /// Sentence splitting.
    pub split: Duration,
    /// Mention recognition (normalization included: the recognizer normalizes).
    pub recognize: Duration,
    /// Relation extraction.
    pub relations: Duration,
}

impl ExtractTimes {
    /// Adds `other` to these times.
    pub fn add(&mut self, other: &ExtractTimes) {
        self.split += other.split;
        self.recognize += other.recognize;
        self.relations += other.relations;
    }
    /// The three stages together.
    pub fn total(&self) -> Duration {
        self.split + self.recognize + self.relations
    }
}

/// [`extract_document`], also returning the time each stage took.
pub fn extract_document_timed(document: Document, res: &Resources) -> (Extraction, ExtractTimes) {
    let t0 = Instant::now();
    let sentences = sentences::split(&document.text);
    let t1 = Instant::now();
    let (mentions, discovered) = res.recognizer.recognize(&document, &sentences);
    let t2 = Instant::now();
    let statements = res
        .extractor
        .extract(&document, &sentences, &mentions, &discovered);
    let t3 = Instant::now();
    let times = ExtractTimes {
        split: t1 - t0,
        recognize: t2 - t1,
        relations: t3 - t2,
    };
    (
        Extraction {
            document,
            sentences,
            mentions,
            discovered,
            statements,
        },
        times,
    )
}

/// Extracts `documents` in parallel on the current rayon pool, keeping their order.
pub fn extract_batch(documents: Vec<Document>, res: &Resources) -> Vec<(Extraction, ExtractTimes)> {
    documents
        .into_par_iter()
        .map(|d| extract_document_timed(d, res))
        .collect()
}

/// Reads `inputs` and extracts every document on the rayon pool (or on
/// `threads` threads), handing `map(extraction)` to `sink` in input order:
/// the output is the same whatever the number of threads. Documents are read
/// and extracted in batches of [`BuildOptions::batch_docs`] documents or
/// [`BuildOptions::batch_bytes`] bytes, so memory is bounded by the batch;
/// while the pool extracts one batch, this thread hands the previous one to
/// `sink` and reads the next. `map` runs on the pool too, so formatting the
/// output is parallel as well. Returns the inputs that could not be read; the
/// first error of `sink` stops the run.
pub fn extract_each<T: Send, E>(
    inputs: &[PathBuf],
    res: &Resources,
    opts: &BuildOptions,
    map: impl Fn(Extraction) -> T + Sync,
    sink: &mut dyn FnMut(T) -> std::result::Result<(), E>,
) -> std::result::Result<Vec<Diagnostic>, E>
where
    E: From<Error>,
{
    let pool = thread_pool(opts.threads)?;
    let mut items = ingest::read_all(inputs);
    let mut diagnostics = Vec::new();
    let mut read = |diagnostics: &mut Vec<Diagnostic>| {
        let mut docs = Vec::new();
        let mut bytes = 0usize;
        while docs.len() < opts.batch_docs.max(1) && bytes < opts.batch_bytes {
            match items.next() {
                Some(Ok(d)) if opts.shard.is_some_and(|s| !s.contains(&d.id)) => {}
                Some(Ok(d)) => {
                    bytes += d.text.len();
                    docs.push(d);
                }
                Some(Err(d)) => diagnostics.push(d),
                None => break,
            }
        }
        docs
    };
    let map = &map;
    let mut batch = read(&mut diagnostics);
    let mut pending: Vec<T> = Vec::new();
    while !batch.is_empty() || !pending.is_empty() {
        let docs = std::mem::take(&mut batch);
        let (done, next, sunk) = std::thread::scope(|s| {
            let worker = (!docs.is_empty()).then(|| {
                s.spawn(|| {
                    on_pool(pool.as_ref(), || {
                        docs.into_par_iter()
                            .map(|d| map(extract_document(d, res)))
                            .collect::<Vec<T>>()
                    })
                })
            });
            let mut sunk = Ok(());
            for t in std::mem::take(&mut pending) {
                sunk = sink(t);
                if sunk.is_err() {
                    break;
                }
            }
            let next = if sunk.is_ok() {
                read(&mut diagnostics)
            } else {
                Vec::new()
            };
            let done = match worker {
                Some(w) => match w.join() {
                    Ok(v) => v,
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                None => Vec::new(),
            };
            (done, next, sunk)
        });
        sunk?;
        pending = done;
        batch = next;
    }
    Ok(diagnostics)
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

/// How to build: batch sizes and threads. The defaults suit any corpus size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    /// Most documents extracted in one parallel batch.
    pub batch_docs: usize,
    /// Most bytes of text in one batch, so that a corpus of very long
    /// documents stays within memory too.
    pub batch_bytes: usize,
    /// Extraction threads; `None` uses rayon's global pool (one per core).
    pub threads: Option<usize>,
    /// Only the documents of this shard (see [`Shard`]); the others are
    /// read (to learn their ids) but neither counted nor extracted.
    pub shard: Option<Shard>,
    /// The fewest new quads a bulk commit waits for (see
    /// `store::BulkSession`); smaller in tests, so that kills land between
    /// commits.
    pub commit_quads: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            batch_docs: 256,
            batch_bytes: 32 << 20,
            threads: None,
            shard: None,
            commit_quads: crate::store::MIN_COMMIT_QUADS,
        }
    }
}

/// Receives a build's progress. The library never prints: the command line
/// turns these calls into a progress bar. Every method is called from the
/// thread that called [`build_with`], and does nothing by default.
pub trait Progress {
    /// Reading begins; the input files hold `bytes` bytes in all.
    fn start(&mut self, _bytes: u64) {}
    /// A batch was read and stored: `docs` documents (extracted or skipped)
    /// whose text is `bytes` bytes long. `done` counts all documents so far.
    fn advance(&mut self, _docs: usize, _bytes: u64, _done: usize) {}
    /// A step after extraction begins: `"save"`, `"count"` or `"exports"`.
    fn step(&mut self, _name: &str) {}
    /// The build is over (also called when it fails).
    fn finish(&mut self) {}
}

/// A [`Progress`] that ignores everything.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// Wall-clock time of each step of a build, except `extract`, which sums the
/// extraction stages over all threads.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BuildTimes {
    /// Opening the store, loading the ontology into it, listing stored documents.
    pub open: Duration,
    /// Reading and hashing the inputs (calling thread).
    pub read: Duration,
    /// Extraction stages, summed over threads (CPU time).
    pub extract: ExtractTimes,
    /// Time the calling thread waited for a parallel batch to finish: when it
    /// is large, extraction is the bottleneck; when small, the store is.
    pub wait: Duration,
    /// `Store::put` of every extracted document (calling thread).
    pub store: Duration,
    /// Making the store durable.
    pub save: Duration,
    /// Counting statements and quads for the summary.
    pub count: Duration,
    /// Writing the exports.
    pub exports: Duration,
}

/// What a build did.
#[derive(Clone, Debug, Default)]
pub struct BuildSummary {
    /// Documents read without error (of the shard, with
    /// [`BuildOptions::shard`]).
    pub documents: usize,
    /// Of those, documents new or changed, extracted and stored.
    pub extracted: usize,
    /// Of those, documents already stored unchanged, skipped.
    pub unchanged: usize,
    /// Sentences of the extracted documents.
    pub sentences: usize,
    /// Of those, pieces cut from runs of text longer than
    /// [`sentences::MAX_SENTENCE_BYTES`] without a sentence end.
    pub cut_sentences: usize,
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
    /// Actors of the store minted by discovery (listed in
    /// [`DISCOVERED_FILE`] next to the exports).
    pub discovered: usize,
    /// Problems with inputs (the build went on without them).
    pub diagnostics: Vec<Diagnostic>,
    /// Wall-clock time.
    pub elapsed: Duration,
    /// Bytes of text of the extracted documents.
    pub bytes: u64,
    /// Where the time went.
    pub times: BuildTimes,
}

/// Reads the inputs, extracts new and changed documents into the store, and
/// refreshes the exports. Bad inputs become diagnostics; only a failure of the
/// store or the exports is an error, and what was stored before stays stored.
pub fn build(cfg: &BuildConfig, res: &Resources) -> Result<BuildSummary> {
    build_with(cfg, res, &BuildOptions::default(), &mut NoProgress)
}

/// [`build`] with explicit options, reporting progress to `progress`.
pub fn build_with(
    cfg: &BuildConfig,
    res: &Resources,
    opts: &BuildOptions,
    progress: &mut dyn Progress,
) -> Result<BuildSummary> {
    // Only extraction runs on the pool: the store stays on this thread.
    let pool = thread_pool(opts.threads)?;
    let result = run_build(cfg, res, opts, pool.as_ref(), progress);
    progress.finish();
    result
}

/// The build proper, on the current rayon pool.
fn run_build(
    cfg: &BuildConfig,
    res: &Resources,
    opts: &BuildOptions,
    pool: Option<&rayon::ThreadPool>,
    progress: &mut dyn Progress,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let mut summary = BuildSummary::default();
    let mut store = Store::open(&cfg.store)?;
    store.sync_ontology(&res.ontology)?;
    // Documents extracted with other rules (an edited pattern or lexicon, a
    // new version) are extracted again: the store is only skipped where its
    // statements are what these rules give.
    let same_rules = store.rules_stamp()?.as_deref() == Some(res.fingerprint.as_str());
    let known = if same_rules {
        store.document_keys()?
    } else {
        BTreeMap::new()
    };
    summary.times.open = started.elapsed();

    let (files, _) = ingest::collect_files(&cfg.inputs);
    progress.start(
        files
            .iter()
            .filter_map(|(_, f)| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum(),
    );
    let mut reader = BatchReader {
        items: Box::new(ingest::read_all(&cfg.inputs)),
        known: &known,
        opts,
        done: 0,
    };

    // A pipeline of three batches: `batch` is being extracted on the rayon
    // pool while this thread stores `pending` and reads the batch after.
    // A batch of only unchanged documents still passes through, so that
    // progress counts it; an empty one means the inputs are exhausted.
    // A fresh store's RDF export is gathered from the quads as they are
    // stored, rather than read back at the end (see `export::RdfKeys`).
    let mut keys = (cfg.exports.is_some() && store.holds_only_put_documents())
        .then(export::RdfKeys::for_standard_exports);
    // New documents of a fresh store go in through one bulk load for the
    // whole build (see `store::BulkSession`).
    store.bulk(opts.commit_quads, |session| {
        let mut batch = reader.next_batch(&mut summary);
        let mut pending: Option<(Vec<(Extraction, ExtractTimes)>, Batch)> = None;
        while batch.count > 0 || pending.is_some() {
            let docs = std::mem::take(&mut batch.docs);
            let mut next = Batch::default();
            let (extracted, stored) = std::thread::scope(|s| {
                let worker = (!docs.is_empty())
                    .then(|| s.spawn(|| on_pool(pool, || extract_batch(docs, res))));
                let stored = match pending.take() {
                    Some((p, meta)) => store_batch(session, p, res, keys.as_mut(), &mut summary)
                        .map(|()| Some(meta)),
                    None => Ok(None),
                };
                if stored.is_ok() {
                    next = reader.next_batch(&mut summary);
                }
                let waited = Instant::now();
                let extracted = match worker {
                    Some(w) => match w.join() {
                        Ok(v) => v,
                        Err(panic) => std::panic::resume_unwind(panic),
                    },
                    None => Vec::new(),
                };
                summary.times.wait += waited.elapsed();
                (extracted, stored)
            });
            if let Some(done) = stored? {
                progress.advance(done.count, done.bytes, done.done);
            }
            pending = (batch.count > 0).then_some((extracted, batch));
            batch = next;
        }
        // What waits is committed here rather than when `bulk` returns, so
        // that it counts as storing.
        let t = Instant::now();
        session.commit()?;
        summary.times.store += t.elapsed();
        Ok(())
    })?;

    progress.step("save");
    let t = Instant::now();
    store.save()?;
    // Only once every document is stored with these rules: a build killed
    // before this line extracts everything again next time.
    store.set_rules_stamp(&res.fingerprint)?;
    summary.times.save = t.elapsed();
    progress.step("count");
    let t = Instant::now();
    summary.stored_statements = store.statement_count()?;
    summary.triples = store.len()?;
    summary.times.count = t.elapsed();
    if let Some(dir) = &cfg.exports {
        progress.step("exports");
        let t = Instant::now();
        // A remote writer holds no copy of the documents: the exports read
        // them back from the server, as `actorgraph export` would.
        let reader = if store.is_remote() {
            Some(Store::open_read_only(&cfg.store)?)
        } else {
            None
        };
        let store = reader.as_ref().unwrap_or(&store);
        let keys = keys.filter(|_| store.holds_only_put_documents());
        summary.exports = export::refresh_exports_with(store, &res.ontology, dir, keys)?;
        summary.discovered = write_discovered(store, &dir.join(DISCOVERED_FILE))?;
        summary.times.exports = t.elapsed();
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A pool of `threads` threads, or none (rayon's global pool, one per core).
fn thread_pool(threads: Option<usize>) -> Result<Option<rayon::ThreadPool>> {
    threads
        .map(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| Error::Usage(format!("cannot start {n} threads: {e}")))
        })
        .transpose()
}

/// Runs `f` on `pool`, or on rayon's global pool when there is none.
fn on_pool<T: Send>(pool: Option<&rayon::ThreadPool>, f: impl FnOnce() -> T + Send) -> T {
    match pool {
        Some(p) => p.install(f),
        None => f(),
    }
}

/// Hands a batch's extractions to the store, in order, and counts them.
fn store_batch(
    session: &mut BulkSession<'_>,
    batch: Vec<(Extraction, ExtractTimes)>,
    res: &Resources,
    keys: Option<&mut export::RdfKeys>,
    summary: &mut BuildSummary,
) -> Result<()> {
    let t = Instant::now();
    // Stored first, counted after: a document the store refused is not
    // reported as extracted and stored.
    let docs = batch.iter().map(|(e, _)| e);
    let docs: Vec<&Extraction> = docs.collect();
    match keys {
        Some(k) => session.put_batch_tapped(&docs, &res.ontology, &mut |q| k.add_document_quads(q)),
        None => session.put_batch_tapped(&docs, &res.ontology, &mut |_| Ok(())),
    }?;
    for (extraction, times) in &batch {
        summary.times.extract.add(times);
        summary.extracted += 1;
        summary.bytes += extraction.document.text.len() as u64;
        summary.sentences += extraction.sentences.len();
        summary.cut_sentences += extraction.sentences.iter().filter(|s| s.cut).count();
        summary.mentions += extraction.mentions.len();
        summary.relations += extraction.statements.len();
    }
    summary.times.store += t.elapsed();
    Ok(())
}

/// Documents read for one batch, and what the batch covered.
#[derive(Default)]
struct Batch {
    /// New or changed documents to extract.
    docs: Vec<Document>,
    /// Documents read, including unchanged ones.
    count: usize,
    /// Bytes of text read.
    bytes: u64,
    /// Documents read since the start, this batch included.
    done: usize,
}

/// Reads the inputs batch by batch, skipping unchanged documents.
struct BatchReader<'a> {
    items: Box<dyn Iterator<Item = ingest::Item> + 'a>,
    known: &'a BTreeMap<String, String>,
    opts: &'a BuildOptions,
    done: usize,
}

impl BatchReader<'_> {
    fn next_batch(&mut self, summary: &mut BuildSummary) -> Batch {
        let t = Instant::now();
        let mut batch = Batch::default();
        let mut text_bytes = 0usize;
        while batch.docs.len() < self.opts.batch_docs.max(1) && text_bytes < self.opts.batch_bytes {
            let Some(item) = self.items.next() else { break };
            let document = match item {
                Ok(d) => d,
                Err(diag) => {
                    summary.diagnostics.push(diag);
                    continue;
                }
            };
            if self.opts.shard.is_some_and(|s| !s.contains(&document.id)) {
                continue;
            }
            summary.documents += 1;
            batch.count += 1;
            batch.bytes += document.text.len() as u64;
            if self.known.get(&document.id) == Some(&document.key()) {
                summary.unchanged += 1;
                continue;
            }
            text_bytes += document.text.len();
            batch.docs.push(document);
        }
        self.done += batch.count;
        batch.done = self.done;
        summary.times.read += t.elapsed();
        batch
    }
}

#[cfg(test)]
mod tests;
