//! `actorgraph serve`: a read-only SPARQL endpoint over the store, and the
//! explorer page at `/`.

use std::process::ExitCode;
use std::time::Duration;

use actorgraph::ontology::Ontology;
use actorgraph::query::{self, Limits};
use actorgraph::serve::{self, Config, Endpoint};
use actorgraph::store::Store;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Address and port to listen on; loopback by default (port 0 picks a free port).
    #[arg(long, default_value = serve::DEFAULT_BIND, value_name = "ADDR:PORT")]
    bind: String,
    /// Stop each query after this many seconds (503).
    #[arg(long, default_value_t = 30.0, value_name = "SECS")]
    timeout: f64,
    /// Refuse requests (URL or body) larger than this many bytes (413).
    #[arg(long, default_value_t = serve::MAX_REQUEST_BYTES, value_name = "BYTES")]
    max_request: usize,
    /// Queries evaluated at once; more wait for a slot (up to the timeout, then 503).
    #[arg(long, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: u16,
    /// Connections held open at once; past it a client gets 503 at once.
    #[arg(long, default_value_t = serve::MAX_CONNECTIONS as u32, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=65536))]
    max_connections: u32,
    /// Stop a query after it has written this many solutions or triples (the response is cut off).
    #[arg(long, value_name = "N")]
    max_rows: Option<usize>,
    /// Close a connection that has not sent a whole request head within this many seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    header_timeout: f64,
    /// Answer 408 to a request whose body has not arrived within this many seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECS")]
    body_timeout: f64,
    /// Stop a query when the server's resident memory grows by more than this many MiB while it runs.
    #[arg(long, default_value_t = query::DEFAULT_MAX_MEMORY >> 20, value_name = "MIB")]
    max_memory: u64,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    for (name, secs) in [
        ("--timeout", args.timeout),
        ("--header-timeout", args.header_timeout),
        ("--body-timeout", args.body_timeout),
    ] {
        if !(secs.is_finite() && secs > 0.0 && secs < 1e6) {
            anyhow::bail!("{name} must be a positive number of seconds");
        }
    }
    let store = Store::open_for_network(&global.store)?;
    // The explorer names relations and classes from the ontology, and reads
    // the network now so that the first page load does not wait for it.
    let ontology = Ontology::load(&Ontology::locate(global.ontology.as_deref()))?;
    actorgraph::explorer::use_ontology(ontology);
    actorgraph::explorer::prepare(&store)?;
    let config = Config {
        bind: args.bind,
        limits: Limits {
            timeout: Duration::from_secs_f64(args.timeout),
            max_rows: args.max_rows,
            max_memory: Some(args.max_memory << 20),
            ..Limits::default()
        },
        max_request_bytes: args.max_request,
        threads: usize::from(args.threads),
        max_connections: args.max_connections as usize,
        header_timeout: Duration::from_secs_f64(args.header_timeout),
        body_timeout: Duration::from_secs_f64(args.body_timeout),
        ..Config::default()
    };
    let endpoint = Endpoint::bind(store, config)?;
    let addr = endpoint.addr();
    if !addr.ip().is_loopback() {
        eprintln!(
            "actorgraph: warning: listening on {} — reachable from other machines",
            addr.ip()
        );
    }
    // Tests and scripts read this line to learn the port.
    println!("listening on http://{addr}/sparql");
    eprintln!("explorer on http://{addr}/");
    use std::io::Write;
    std::io::stdout().flush()?;
    endpoint.run()?;
    Ok(ExitCode::SUCCESS)
}
