//! `actorgraph build`.

use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::pipeline::{self, BuildConfig};

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
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let res = global.resources()?;
    let cfg = BuildConfig {
        inputs: args.inputs,
        store: global.store.clone(),
        exports: (!args.no_exports).then_some(args.exports),
    };
    let s = pipeline::build(&cfg, &res)?;
    let code = super::report(&s.diagnostics);
    println!(
        "documents  {} ({} extracted, {} unchanged, {} unreadable)",
        s.documents,
        s.extracted,
        s.unchanged,
        s.diagnostics.len()
    );
    println!("sentences  {}", s.sentences);
    println!("mentions   {}", s.mentions);
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
