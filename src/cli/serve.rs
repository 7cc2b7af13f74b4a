//! `actorgraph serve`: a read-only SPARQL endpoint over the store, and the
//! explorer page at `/`.

use std::process::ExitCode;
use std::time::Duration;

use actorgraph::ontology::Ontology;
use actorgraph::query::Limits;
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
    /// Requests served at once.
    #[arg(long, default_value_t = 4, value_name = "N")]
    threads: usize,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let store = Store::open_read_only(&global.store)?;
    // The explorer names relations and classes from the ontology, and reads
    // the network now so that the first page load does not wait for it.
    let ontology = Ontology::load(&Ontology::locate(global.ontology.as_deref()))?;
    actorgraph::explorer::use_ontology(ontology);
    actorgraph::explorer::prepare(&store)?;
    let config = Config {
        bind: args.bind,
        limits: Limits {
            timeout: Duration::from_secs_f64(args.timeout),
            ..Limits::default()
        },
        max_request_bytes: args.max_request,
        threads: args.threads,
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
