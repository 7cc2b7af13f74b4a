//! `actorgraph query`: runs one SPARQL query against the store.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use actorgraph::query::{self, Format, Limits};
use actorgraph::store::Store;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The query text (SELECT, ASK, CONSTRUCT or DESCRIBE); read from --file or standard input when absent.
    #[arg(value_name = "QUERY", conflicts_with = "file")]
    query: Option<String>,
    /// Read the query from this file (for example ontology/queries/allies.rq).
    #[arg(long, short, value_name = "FILE")]
    file: Option<PathBuf>,
    /// Result format: table, json, csv, tsv or xml for SELECT and ASK; turtle or ntriples for CONSTRUCT and DESCRIBE.
    #[arg(long, value_name = "FORMAT", value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    format: Option<String>,
    /// Stop the query after this many seconds.
    #[arg(long, default_value_t = 30.0, value_name = "SECS")]
    timeout: f64,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let text = match (&args.query, &args.file) {
        (Some(q), _) => q.clone(),
        (None, Some(f)) => {
            std::fs::read_to_string(f).map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?
        }
        (None, None) => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    if !(args.timeout.is_finite() && args.timeout > 0.0 && args.timeout < 1e6) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let limits = Limits {
        timeout: Duration::from_secs_f64(args.timeout),
        ..Limits::default()
    };
    let format = args.format.as_deref().and_then(Format::from_name);
    let store = Store::open_for_queries(&global.store)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    query::run(&store, &text, format, &limits, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
