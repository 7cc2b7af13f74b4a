//! `actorgraph-bench`: times each pipeline stage, parallel extraction and
//! whole builds on a corpus (see `actorgraph-corpus`), against a floor
//! measured in the same run on the same corpus: one Aho-Corasick scan for
//! every Arabic and Latin form in the lexicon, which is the least work any
//! lexicon-based recognizer has to do. Prints Markdown tables for
//! BENCHMARKS.md. Run it in release mode (`cargo build --release`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use actorgraph::model::Document;
use actorgraph::pipeline::{self, BuildConfig, BuildOptions, ExtractTimes, Progress, Resources};
use actorgraph::store::Store;
use actorgraph::text::fold;
use actorgraph::{export, ingest};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use anyhow::Context;
use clap::{Parser, Subcommand};
use rayon::prelude::*;

/// Benchmarks of actorgraph's stages and builds.
#[derive(Debug, Parser)]
#[command(name = "actorgraph-bench", version, about)]
struct Cli {
    /// The ontology folder (default: as `actorgraph` finds it).
    #[arg(long, global = true, value_name = "DIR")]
    ontology: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Each stage on one thread, document by document: read, normalize,
    /// split, recognize, relations, store put, exports; and the floor.
    Stages {
        /// The corpus (`.jsonl` or folder).
        corpus: PathBuf,
        /// Use only the first N documents.
        #[arg(long)]
        limit: Option<usize>,
        /// Skip the store and export stages (for corpora whose store does not fit in memory).
        #[arg(long)]
        no_store: bool,
    },
    /// Extraction alone (split, recognize, relations), in parallel batches as
    /// the build runs it, and the floor on the same threads: MB/s and ratio.
    Extract {
        /// The corpus (`.jsonl` or folder).
        corpus: PathBuf,
        /// Threads (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
        /// Documents per batch.
        #[arg(long, default_value_t = 256)]
        batch: usize,
    },
    /// Storing alone: `Store::put` per document into an in-memory store (no
    /// file saves), then the same quads loaded into a fresh Oxigraph store
    /// with one transaction per document and with Oxigraph's bulk loader:
    /// what a bulk path for fresh stores would gain.
    Store {
        /// The corpus (`.jsonl` or folder).
        corpus: PathBuf,
        /// Use only the first N documents.
        #[arg(long)]
        limit: Option<usize>,
    },
    /// A whole build (`pipeline::build_with`) into a fresh store, with its
    /// step times, the time per article along the corpus, and peak memory.
    Build {
        /// The corpus (`.jsonl` or folder).
        corpus: PathBuf,
        /// The store directory (must not exist yet: the build is measured fresh).
        #[arg(long)]
        store: PathBuf,
        /// Where to write the exports; none when absent.
        #[arg(long)]
        exports: Option<PathBuf>,
        /// Threads (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
        /// Documents per batch.
        #[arg(long, default_value_t = 256)]
        batch: usize,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("actorgraph-bench: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let t = Instant::now();
    let res = Resources::load(cli.ontology.as_deref()).context("loading the ontology")?;
    let load = t.elapsed();
    let floor = Floor::new(&res);
    println!(
        "ontology: {} lexicon entries, {} floor patterns, loaded and compiled in {}",
        res.ontology.lexicon.len(),
        floor.patterns,
        ms(load)
    );
    match cli.command {
        Command::Stages {
            corpus,
            limit,
            no_store,
        } => stages(&corpus, limit, no_store, &res, &floor),
        Command::Extract {
            corpus,
            threads,
            batch,
        } => extract(&corpus, threads, batch, &res, &floor),
        Command::Store { corpus, limit } => store_only(&corpus, limit, &res),
        Command::Build {
            corpus,
            store,
            exports,
            threads,
            batch,
        } => build(&corpus, &store, exports, threads, batch, &res),
    }
}

/// The floor: every lexicon form in one leftmost-longest Aho-Corasick automaton.
struct Floor {
    ac: AhoCorasick,
    patterns: usize,
}

impl Floor {
    fn new(res: &Resources) -> Floor {
        let mut forms: Vec<&str> = Vec::new();
        for e in &res.ontology.lexicon {
            forms.push(&e.label_ar);
            for list in [
                &e.aliases_ar,
                &e.aliases_latin,
                &e.acronyms,
                &e.adjectives,
                &e.demonym_plurals,
                &e.metonyms,
            ] {
                forms.extend(list.iter().map(String::as_str));
            }
        }
        forms.retain(|f| !f.trim().is_empty());
        forms.sort_unstable();
        forms.dedup();
        // A DFA: the fastest automaton aho-corasick builds, as a floor should be.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&forms)
            .expect("lexicon forms make a valid automaton");
        Floor {
            ac,
            patterns: forms.len(),
        }
    }
    fn scan(&self, text: &str) -> usize {
        self.ac.find_iter(text).count()
    }
}

/// Reads a corpus, at most `limit` documents, failing on the first bad one.
fn documents(
    corpus: &Path,
    limit: Option<usize>,
) -> impl Iterator<Item = anyhow::Result<Document>> {
    let (files, problems) = ingest::collect_files(&[corpus.to_path_buf()]);
    problems
        .into_iter()
        .map(Err)
        .chain(
            files
                .into_iter()
                .flat_map(|(root, file)| ingest::read_file(&root, &file)),
        )
        .take(limit.unwrap_or(usize::MAX))
        .map(|item| item.map_err(|d| anyhow::anyhow!("{d}")))
}

/// Per-stage totals on one thread.
#[derive(Default)]
struct StageTotals {
    docs: usize,
    bytes: usize,
    read: Duration,
    floor: Duration,
    normalize: Duration,
    extract: ExtractTimes,
    store: Duration,
    floor_hits: usize,
    sentences: usize,
    mentions: usize,
    statements: usize,
}

fn stages(
    corpus: &Path,
    limit: Option<usize>,
    no_store: bool,
    res: &Resources,
    floor: &Floor,
) -> anyhow::Result<()> {
    let mut store = if no_store {
        None
    } else {
        Some(Store::in_memory()?)
    };
    if let Some(s) = store.as_mut() {
        s.sync_ontology(&res.ontology)?;
    }
    let mut t = StageTotals::default();
    // Stage by stage over batches of 256 articles, as the build runs them,
    // so that each stage (the floor included) runs with its own tables warm
    // in the cache rather than evicted by the stage before it.
    let mut docs = documents(corpus, limit);
    loop {
        let t0 = Instant::now();
        let chunk: Vec<Document> = docs.by_ref().take(256).collect::<anyhow::Result<_>>()?;
        t.read += t0.elapsed();
        if chunk.is_empty() {
            break;
        }
        t.docs += chunk.len();
        t.bytes += chunk.iter().map(|d| d.text.len()).sum::<usize>();

        let t0 = Instant::now();
        t.floor_hits += chunk.iter().map(|d| floor.scan(&d.text)).sum::<usize>();
        t.floor += t0.elapsed();

        let t0 = Instant::now();
        for d in &chunk {
            drop(fold::match_key(&d.text));
        }
        t.normalize += t0.elapsed();

        let mut extractions = Vec::with_capacity(chunk.len());
        for doc in chunk {
            let (extraction, times) = pipeline::extract_document_timed(doc, res);
            t.extract.add(&times);
            t.sentences += extraction.sentences.len();
            t.mentions += extraction.mentions.len();
            t.statements += extraction.statements.len();
            extractions.push(extraction);
        }

        if let Some(s) = store.as_mut() {
            let t0 = Instant::now();
            for extraction in &extractions {
                s.put(extraction, &res.ontology)?;
            }
            t.store += t0.elapsed();
        }
    }
    anyhow::ensure!(t.docs > 0, "{}: no document", corpus.display());

    let mut exports = Duration::ZERO;
    let mut quads = 0;
    if let Some(s) = store.as_mut() {
        let t0 = Instant::now();
        s.save()?;
        t.store += t0.elapsed();
        quads = s.len()?;
        let dir = std::env::temp_dir().join(format!("actorgraph-bench-{}", std::process::id()));
        let t0 = Instant::now();
        export::refresh_exports(s, &res.ontology, &dir)?;
        exports = t0.elapsed();
        let _ = std::fs::remove_dir_all(&dir);
    }

    let mb = t.bytes as f64 / 1e6;
    println!(
        "\ncorpus: {} documents, {:.1} MB of text, {} sentences, {} mentions ({} floor matches), {} statements, {} quads",
        t.docs, mb, t.sentences, t.mentions, t.floor_hits, t.statements, quads
    );
    println!("\n| stage (1 thread) | total | per article | MB/s | × floor |");
    println!("|---|---:|---:|---:|---:|");
    let row = |name: &str, d: Duration| {
        let s = d.as_secs_f64();
        println!(
            "| {name} | {} | {:.3} ms | {} | {:.1} |",
            ms(d),
            s * 1e3 / t.docs as f64,
            if s > 0.0 {
                format!("{:.1}", mb / s)
            } else {
                "–".into()
            },
            s / t.floor.as_secs_f64().max(1e-9)
        );
    };
    row("floor: Aho-Corasick, all lexicon forms", t.floor);
    row("read (JSON Lines, SHA-256)", t.read);
    row("normalize (whole text)", t.normalize);
    row("split", t.extract.split);
    row("recognize (normalizes itself)", t.extract.recognize);
    row("relations", t.extract.relations);
    row(
        "extraction = split + recognize + relations",
        t.extract.total(),
    );
    if !no_store {
        row("store put (+ save)", t.store);
        row("exports (all formats)", exports);
    }
    print_memory();
    Ok(())
}

fn extract(
    corpus: &Path,
    threads: Option<usize>,
    batch: usize,
    res: &Resources,
    floor: &Floor,
) -> anyhow::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()?;
    let n = pool.current_num_threads();
    let mut docs = documents(corpus, None);
    let (mut bytes, mut count) = (0usize, 0usize);
    let (mut floor_t, mut extract_t, mut read_t) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut hits, mut statements) = (0usize, 0usize);
    loop {
        let t0 = Instant::now();
        let chunk: Vec<Document> = docs
            .by_ref()
            .take(batch.max(1))
            .collect::<anyhow::Result<_>>()?;
        read_t += t0.elapsed();
        if chunk.is_empty() {
            break;
        }
        count += chunk.len();
        bytes += chunk.iter().map(|d| d.text.len()).sum::<usize>();
        let t0 = Instant::now();
        hits += pool.install(|| chunk.par_iter().map(|d| floor.scan(&d.text)).sum::<usize>());
        floor_t += t0.elapsed();
        let t0 = Instant::now();
        let out = pool.install(|| pipeline::extract_batch(chunk, res));
        extract_t += t0.elapsed();
        statements += out.iter().map(|(e, _)| e.statements.len()).sum::<usize>();
    }
    anyhow::ensure!(count > 0, "{}: no document", corpus.display());
    let mb = bytes as f64 / 1e6;
    println!(
        "\ncorpus: {count} documents, {mb:.1} MB of text; {n} threads, batches of {batch}; {hits} floor matches, {statements} statements"
    );
    println!("\n| {n} threads | wall | MB/s | per article | × floor |");
    println!("|---|---:|---:|---:|---:|");
    for (name, d) in [
        ("floor: Aho-Corasick scan", floor_t),
        ("extraction (split, recognize, relations)", extract_t),
        ("reading the corpus (1 thread, not overlapped here)", read_t),
    ] {
        let s = d.as_secs_f64();
        println!(
            "| {name} | {} | {:.1} | {:.3} ms | {:.1} |",
            ms(d),
            mb / s.max(1e-9),
            s * 1e3 / count as f64,
            s / floor_t.as_secs_f64().max(1e-9)
        );
    }
    print_memory();
    Ok(())
}

fn store_only(corpus: &Path, limit: Option<usize>, res: &Resources) -> anyhow::Result<()> {
    use actorgraph::store::LoaderTimes;
    use oxigraph::model::{GraphName, Quad};
    let mut store = Store::in_memory()?;
    store.sync_ontology(&res.ontology)?;
    let base = store.len()?;
    let mut docs = documents(corpus, limit);
    let (mut count, mut put) = (0usize, Duration::ZERO);
    loop {
        let chunk: Vec<Document> = docs.by_ref().take(256).collect::<anyhow::Result<_>>()?;
        if chunk.is_empty() {
            break;
        }
        count += chunk.len();
        for (e, _) in pipeline::extract_batch(chunk, res) {
            let t0 = Instant::now();
            store.put(&e, &res.ontology)?;
            put += t0.elapsed();
        }
    }
    anyhow::ensure!(count > 0, "{}: no document", corpus.display());
    // The stored document graphs, grouped by graph as `put` wrote them.
    let mut by_graph: std::collections::BTreeMap<String, Vec<Quad>> = Default::default();
    for q in store.quads() {
        let q = q?;
        if let GraphName::NamedNode(g) = &q.graph_name
            && !g.as_str().starts_with(actorgraph::model::ns::GRAPH)
        {
            by_graph.entry(g.as_str().to_string()).or_default().push(q);
        }
    }
    let quads: usize = by_graph.values().map(Vec::len).sum();
    drop(store);
    let graphs: Vec<Vec<Quad>> = by_graph.into_values().collect();
    let LoaderTimes { transactions, bulk } = actorgraph::store::time_loaders(&graphs)?;

    println!(
        "\n{count} documents, {quads} quads in document graphs ({:.0} per document; {base} ontology and lexicon quads)",
        quads as f64 / count as f64
    );
    println!(
        "\n| storing {count} documents | time | per article | quads/s |\n|---|---:|---:|---:|"
    );
    for (name, d) in [
        ("Store::put (in memory, no file saves)", put),
        ("Oxigraph: one transaction per document", transactions),
        ("Oxigraph: bulk loader, fresh store", bulk),
    ] {
        println!(
            "| {name} | {} | {:.3} ms | {:.0} |",
            ms(d),
            d.as_secs_f64() * 1e3 / count as f64,
            quads as f64 / d.as_secs_f64().max(1e-9)
        );
    }
    print_memory();
    Ok(())
}

/// Records when each batch ends, for the time-per-article curve.
#[derive(Default)]
struct Curve {
    start: Option<Instant>,
    points: Vec<(usize, Duration)>,
}

impl Progress for Curve {
    fn start(&mut self, _bytes: u64) {
        self.start = Some(Instant::now());
    }
    fn advance(&mut self, _docs: usize, _bytes: u64, done: usize) {
        if let Some(s) = self.start {
            self.points.push((done, s.elapsed()));
        }
    }
}

fn build(
    corpus: &Path,
    store: &Path,
    exports: Option<PathBuf>,
    threads: Option<usize>,
    batch: usize,
    res: &Resources,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        !store.exists(),
        "{} exists: the benchmark measures a build into a fresh store",
        store.display()
    );
    let cfg = BuildConfig {
        inputs: vec![corpus.to_path_buf()],
        store: store.to_path_buf(),
        exports,
    };
    let opts = BuildOptions {
        batch_docs: batch,
        threads,
        ..BuildOptions::default()
    };
    let mut curve = Curve::default();
    let cpu0 = cpu_seconds();
    let s = pipeline::build_with(&cfg, res, &opts, &mut curve)?;
    let cpu = cpu_seconds() - cpu0;
    let mb = s.bytes as f64 / 1e6;
    let wall = s.elapsed.as_secs_f64();
    println!(
        "\nbuild: {} documents ({} extracted), {mb:.1} MB of text, {} statements, {} quads; {} nodes, {} edges exported",
        s.documents, s.extracted, s.relations, s.triples, s.exports.nodes, s.exports.edges
    );
    println!(
        "wall {wall:.2} s, CPU {cpu:.2} s ({:.0}% of one core), {:.3} ms per article, {:.1} MB/s end to end",
        100.0 * cpu / wall.max(1e-9),
        wall * 1e3 / s.documents.max(1) as f64,
        mb / wall.max(1e-9)
    );
    let t = &s.times;
    println!("\n| build step | time |\n|---|---:|");
    for (name, d) in [
        ("open store, load ontology", t.open),
        ("read + hash inputs (main thread)", t.read),
        ("split (CPU, all threads)", t.extract.split),
        ("recognize (CPU, all threads)", t.extract.recognize),
        ("relations (CPU, all threads)", t.extract.relations),
        ("waiting for extraction (main thread)", t.wait),
        ("store put (main thread)", t.store),
        ("save", t.save),
        ("count statements and quads", t.count),
        ("exports", t.exports),
        ("total (wall)", s.elapsed),
    ] {
        println!("| {name} | {} |", ms(d));
    }
    // Time per article along the corpus, in tenths: flat when the cost of an
    // article does not grow with what is already stored.
    if let Some(&(total, _)) = curve.points.last() {
        println!("\n| documents | ms per article in this tenth |\n|---|---:|");
        let mut last = (0usize, Duration::ZERO);
        for tenth in 1..=10 {
            let goal = total * tenth / 10;
            if let Some(&p) = curve.points.iter().find(|(d, _)| *d >= goal)
                && p.0 > last.0
            {
                println!(
                    "| {}–{} | {:.3} |",
                    last.0 + 1,
                    p.0,
                    (p.1 - last.1).as_secs_f64() * 1e3 / (p.0 - last.0) as f64
                );
                last = p;
            }
        }
    }
    print_memory();
    Ok(())
}

fn ms(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 10.0 {
        format!("{s:.1} s")
    } else {
        format!("{:.0} ms", s * 1e3)
    }
}

/// User + system CPU seconds of this process (Linux `/proc/self/stat`; the
/// kernel's clock tick is 100 Hz on every mainstream configuration).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after ')'.
    (tick(11) + tick(12)) / 100.0
}

/// Peak resident memory (`VmHWM`), the figure /usr/bin/time reports as max RSS.
fn print_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status.lines() {
        if line.starts_with("VmHWM") {
            let kb: f64 = line
                .split_whitespace()
                .nth(1)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
            println!("\npeak memory (VmHWM): {:.0} MiB", kb / 1024.0);
        }
    }
}
