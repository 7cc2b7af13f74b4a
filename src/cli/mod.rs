//! Command-line definitions: clap lives here and in the files beside it, one
//! per command; each maps its flags to one library call.

mod build;
mod eval;
mod export;
mod extract;
mod graph;
mod query;
mod remove;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns Arabic news articles into a knowledge graph of actors and relations.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, about, long_about = None)]
pub(crate) struct Cli {
    /// The store: a folder (`rocksdb:DIR`, `nquads:DIR` for a new one of that kind), or a SPARQL server's query URL (http://host:8890/sparql; see docs/scale.md).
    #[arg(long, global = true, default_value = "store", value_name = "DIR|URL")]
    pub(crate) store: PathBuf,
    /// The ontology folder (ontology, lexicon, patterns); default $ACTORGRAPH_ONTOLOGY, else ./ontology.
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) ontology: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Extract the inputs into the store and refresh the exports.
    Build(build::Args),
    /// Print the extracted relations (or mentions) without touching the store.
    Extract(extract::Args),
    /// Run a SPARQL query against the store.
    Query(query::Args),
    /// Serve the store as a read-only SPARQL endpoint.
    Serve(serve::Args),
    /// Remove a document and everything derived from it.
    Remove(remove::Args),
    /// Write the graph in a format for other tools.
    Export(export::Args),
    /// Compare extracted relations with a gold TSV.
    Eval(eval::Args),
    /// Actors within some steps of an actor.
    Neighbors(graph::NeighborsArgs),
    /// Shortest paths between two actors, with evidence for each hop.
    Path(graph::PathArgs),
    /// Every statement between two actors, with qualifiers and evidence.
    Explain(graph::ExplainArgs),
    /// Rank actors by centrality.
    Rank(graph::RankArgs),
    /// Find communities of actors.
    Communities(graph::CommunitiesArgs),
}

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = Global {
        store: cli.store,
        ontology: cli.ontology,
    };
    match cli.command {
        Command::Build(a) => build::run(&global, a),
        Command::Extract(a) => extract::run(&global, a),
        Command::Query(a) => query::run(&global, a),
        Command::Serve(a) => serve::run(&global, a),
        Command::Remove(a) => remove::run(&global, a),
        Command::Export(a) => export::run(&global, a),
        Command::Eval(a) => eval::run(&global, a),
        Command::Neighbors(a) => graph::neighbors(&global, a),
        Command::Path(a) => graph::path(&global, a),
        Command::Explain(a) => graph::explain(&global, a),
        Command::Rank(a) => graph::rank(&global, a),
        Command::Communities(a) => graph::communities(&global, a),
    }
}

/// A modality on the command line (`--modality`), shared by the commands
/// that filter the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ModalityArg {
    Asserted,
    Reported,
    Hedged,
}

impl From<ModalityArg> for actorgraph::model::Modality {
    fn from(m: ModalityArg) -> Self {
        match m {
            ModalityArg::Asserted => Self::Asserted,
            ModalityArg::Reported => Self::Reported,
            ModalityArg::Hedged => Self::Hedged,
        }
    }
}

/// Options every command shares.
#[derive(Debug)]
pub(crate) struct Global {
    pub(crate) store: PathBuf,
    pub(crate) ontology: Option<PathBuf>,
}

impl Global {
    /// Loads and compiles the ontology folder.
    pub(crate) fn resources(&self) -> anyhow::Result<actorgraph::pipeline::Resources> {
        Ok(actorgraph::pipeline::Resources::load(
            self.ontology.as_deref(),
        )?)
    }
}

/// Prints diagnostics to stderr; the exit code is non-zero when there were any.
pub(crate) fn report(diagnostics: &[actorgraph::model::Diagnostic]) -> ExitCode {
    for d in diagnostics {
        eprintln!(
            "actorgraph: {}",
            actorgraph::terminal::escape_controls_keep_lines(&d.to_string())
        );
    }
    if diagnostics.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "actorgraph: {} input(s) could not be read; the others were processed",
            diagnostics.len()
        );
        ExitCode::from(1)
    }
}
