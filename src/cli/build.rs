//! `actorgraph build`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::pipeline::{self, BuildConfig, BuildOptions, Progress};
use indicatif::{ProgressBar, ProgressStyle};

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files and folders to read: `.txt` articles and `.jsonl` collections.
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// Where to write the standard exports (GraphML, GEXF, Turtle, CSV).
    #[arg(long, default_value = "exports", value_name = "DIR")]
    exports: PathBuf,
    /// Do not write exports.
    #[arg(long)]
    no_exports: bool,
    /// Extraction threads (default: one per core; at most 256).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Documents extracted per parallel batch; memory grows with it.
    #[arg(long, default_value_t = BuildOptions::default().batch_docs, value_name = "N")]
    batch: usize,
    /// Only the documents of shard I of N (I/N, by a hash of the document
    /// id): N builds, on one machine or many, each with its own I, store
    /// the whole corpus between them (see docs/scale.md).
    #[arg(long, value_name = "I/N", value_parser = super::extract::parse_shard)]
    shard: Option<pipeline::Shard>,
    /// The fewest new quads a bulk commit of a fresh store waits for (for
    /// tests that kill builds between commits).
    #[arg(long, hide = true, default_value_t = BuildOptions::default().commit_quads, value_name = "QUADS")]
    commit_every: usize,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let res = global.resources()?;
    let cfg = BuildConfig {
        inputs: args.inputs,
        store: global.store.clone(),
        exports: (!args.no_exports).then_some(args.exports),
    };
    anyhow::ensure!(args.batch > 0, "--batch must be at least 1");
    let opts = BuildOptions {
        batch_docs: args.batch,
        threads: args.jobs.map(usize::from),
        shard: args.shard,
        commit_quads: args.commit_every,
        ..BuildOptions::default()
    };
    let mut bar = Bar::new();
    let s = pipeline::build_with(&cfg, &res, &opts, &mut bar)?;
    let code = super::report(&s.diagnostics);
    println!(
        "documents  {} ({} extracted, {} unchanged, {} unreadable)",
        s.documents,
        s.extracted,
        s.unchanged,
        s.diagnostics.len()
    );
    if s.cut_sentences > 0 {
        println!(
            "sentences  {} ({} cut from runs over {} bytes without a sentence end)",
            s.sentences,
            s.cut_sentences,
            actorgraph::sentences::MAX_SENTENCE_BYTES
        );
    } else {
        println!("sentences  {}", s.sentences);
    }
    println!("mentions   {}", s.mentions);
    // (Counted when the exports are written, beside them: not with
    // --no-exports.)
    if !s.exports.files.is_empty() {
        println!(
            "discovered {} actors (listed in {})",
            s.discovered,
            actorgraph::pipeline::DISCOVERED_FILE
        );
    }
    println!(
        "relations  {} extracted, {} in the store",
        s.relations, s.stored_statements
    );
    println!("triples    {}", s.triples);
    if !s.exports.files.is_empty() {
        println!(
            "graph      {} nodes, {} edges",
            s.exports.nodes, s.exports.edges
        );
        for f in &s.exports.files {
            println!("wrote      {}", f.display());
        }
    }
    println!("elapsed    {:.2} s", s.elapsed.as_secs_f64());
    Ok(code)
}

/// The build's progress as an indicatif bar on stderr, over the bytes of the
/// input files; hidden when stderr is not a terminal (pipes, CI, tests), so
/// that logs hold only the summary.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Bar {
        if !std::io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg:>12} [{wide_bar}] {binary_bytes}/{binary_total_bytes} ({binary_bytes_per_sec}, {eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message("extracting");
        // Saving and exporting a large store take minutes without a batch
        // to report: the spinner shows the build is alive.
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Bar(bar)
    }
}

impl Progress for Bar {
    fn start(&mut self, bytes: u64) {
        self.0.set_length(bytes);
        self.0.reset_elapsed();
    }
    fn advance(&mut self, docs: usize, bytes: u64, done: usize) {
        // Text bytes run a little below file bytes (JSON syntax): never past the end.
        let _ = docs;
        self.0.set_message(format!("{done} docs"));
        let len = self.0.length().unwrap_or(0);
        self.0.set_position((self.0.position() + bytes).min(len));
    }
    fn step(&mut self, name: &str) {
        if let Some(len) = self.0.length() {
            self.0.set_position(len);
        }
        self.0.set_message(name.to_string());
        self.0.tick();
    }
    fn finish(&mut self) {
        self.0.finish_and_clear();
    }
}
