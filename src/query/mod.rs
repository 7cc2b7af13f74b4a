//! SPARQL queries over the store, with result serialization.
//!
//! Every query runs with the default graph as the union of all graphs (unless
//! it names its own with FROM), so `SELECT ?s ?o { ?s ag:supports ?o }` sees
//! every document. Queries are checked before they run: size, nesting depth
//! (the parser recurses, and a stack overflow would abort the process rather
//! than fail), no SERVICE (no network), no update; and they are cancelled at
//! their deadline. Results are written to a `&mut dyn Write`: only the CLI and
//! the endpoint decide where they go. The prefixes of [`PREFIXES`] (`ag:`,
//! `actor:`, `rdf:`, `prov:`, `dcterms:` …) are predeclared.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use oxigraph::model::{GraphName, NamedOrBlankNode};
use oxigraph::sparql::results::QueryResultsFormat;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, SparqlEvaluator};

use crate::error::Error;
use crate::store::Store;

mod remote;
mod table;
mod write;
pub use table::cell;
use write::write_results;

/// How results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An aligned text table (solutions) or `true`/`false` (ASK).
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
    /// Turtle (CONSTRUCT and DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT and DESCRIBE).
    NTriples,
}

impl Format {
    /// Every format name the command line accepts.
    pub const NAMES: &[&str] = &["table", "json", "csv", "tsv", "xml", "turtle", "ntriples"];

    /// The format with this name (`table`, `json`, `csv`, `tsv`, `xml`, `turtle`, `ntriples`).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "table" | "text" => Format::Table,
            "json" | "srj" => Format::Json,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "xml" | "srx" => Format::Xml,
            "turtle" | "ttl" => Format::Turtle,
            "ntriples" | "nt" | "n-triples" => Format::NTriples,
            _ => return None,
        })
    }

    /// The media type of results in this format.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Table => "text/plain; charset=utf-8",
            Format::Json => "application/sparql-results+json",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Tsv => "text/tab-separated-values; charset=utf-8",
            Format::Xml => "application/sparql-results+xml",
            Format::Turtle => "text/turtle",
            Format::NTriples => "application/n-triples",
        }
    }

    fn results(self) -> Option<QueryResultsFormat> {
        match self {
            Format::Json => Some(QueryResultsFormat::Json),
            Format::Csv => Some(QueryResultsFormat::Csv),
            Format::Tsv => Some(QueryResultsFormat::Tsv),
            Format::Xml => Some(QueryResultsFormat::Xml),
            _ => None,
        }
    }

    fn is_graph(self) -> bool {
        matches!(self, Format::Turtle | Format::NTriples)
    }
}

/// The default per-query timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest query text accepted.
pub const MAX_QUERY_BYTES: usize = 1 << 20;
/// The deepest nesting of `{`, `(` and `[` accepted (and the longest run of
/// unary operators; see [`crate::sparql_guard`]).
pub const MAX_DEPTH: usize = 64;
/// The default memory budget of a query: the process's resident memory may
/// not grow by more than this while it runs.
pub const DEFAULT_MAX_MEMORY: u64 = 2 << 30;

/// What a query may use.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Cancel the query after this long.
    pub timeout: Duration,
    /// Refuse query texts longer than this (bytes).
    pub max_bytes: usize,
    /// Refuse queries nested deeper than this.
    pub max_depth: usize,
    /// Stop with [`FailureKind::Budget`] after writing this many solutions
    /// or triples (`None`: no limit).
    pub max_rows: Option<usize>,
    /// Cancel the query with [`FailureKind::Budget`] when the process's
    /// resident memory grows by more than this many bytes while it runs
    /// (`None`: no limit; read from `/proc`, so Linux only). Growth, not the
    /// total: a large store already takes gigabytes before any query.
    pub max_memory: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: DEFAULT_TIMEOUT,
            max_bytes: MAX_QUERY_BYTES,
            max_depth: MAX_DEPTH,
            max_rows: None,
            max_memory: Some(DEFAULT_MAX_MEMORY),
        }
    }
}

/// The dataset a query runs on, as the SPARQL protocol lets a client choose.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Graphs whose union is the default graph (`default-graph-uri`); empty: all graphs.
    pub default_graphs: Vec<String>,
    /// Graphs `GRAPH ?g` may see (`named-graph-uri`); empty: all.
    pub named_graphs: Vec<String>,
}

/// Why a query failed, so that the endpoint can pick a status code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// The text is not SPARQL (with the position in the message).
    Syntax,
    /// The query is refused: an update, SERVICE, too large or too deep.
    Refused,
    /// The query ran past its deadline.
    Timeout,
    /// The format does not fit the query form (JSON for a CONSTRUCT …).
    Format,
    /// Evaluation or writing failed.
    Failed,
    /// The query passed its row or memory budget and was stopped.
    Budget,
}

/// A failed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What kind of failure.
    pub kind: FailureKind,
    /// What to tell the user.
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

impl From<Failure> for Error {
    fn from(f: Failure) -> Self {
        Error::Query(f.message)
    }
}

fn fail(kind: FailureKind, message: impl Into<String>) -> Failure {
    Failure {
        kind,
        message: message.into(),
    }
}

/// The query forms, as far as choosing a format goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// SELECT.
    Solutions,
    /// ASK.
    Boolean,
    /// CONSTRUCT or DESCRIBE.
    Graph,
}

/// What a finished query wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The query form.
    pub form: Form,
    /// The format written.
    pub format: Format,
    /// Solutions or triples written (1 for ASK).
    pub count: usize,
}

/// The format a query form gets when none is asked for.
pub fn default_format(form: Form) -> Format {
    match form {
        Form::Graph => Format::Turtle,
        _ => Format::Table,
    }
}

/// Runs `query` on `store`, writing results in `format` (or the form's
/// default) to `out`, within `limits`.
pub fn run(
    store: &Store,
    query: &str,
    format: Option<Format>,
    limits: &Limits,
    out: &mut dyn Write,
) -> crate::Result<Outcome> {
    Ok(execute(
        store,
        query,
        &Dataset::default(),
        limits,
        &mut |form| Ok(format.unwrap_or_else(|| default_format(form))),
        out,
    )?)
}

/// Runs `query` on `store` over `dataset`; `choose` picks the format once the
/// query form is known (content negotiation needs that). Nothing is written
/// before the query has parsed and passed its checks.
///
/// The query is evaluated on a worker thread (with a large stack, as
/// evaluation recurses over the algebra) that streams results back. At the
/// deadline the query is cancelled and this function returns a timeout at
/// once, even when the evaluation is inside a long in-memory step that does
/// not look at the cancellation token: such a worker runs on until that step
/// ends, counted by [`running`], and its output is dropped.
pub fn execute(
    store: &Store,
    query: &str,
    dataset: &Dataset,
    limits: &Limits,
    choose: &mut dyn FnMut(Form) -> Result<Format, Failure>,
    out: &mut dyn Write,
) -> Result<Outcome, Failure> {
    check(query, limits)?;
    if let Some(client) = store.remote_client() {
        return remote::execute(client, query, dataset, limits, choose, out);
    }
    // Parsing happens on the worker too: the parser recurses, and only the
    // worker has a stack sized for the deepest query `check` lets through.

    let (tx, rx) = mpsc::sync_channel::<Msg>(16);
    let (format_tx, format_rx) = mpsc::channel::<Result<Format, Failure>>();
    let token = CancellationToken::new();
    let worker_token = token.clone();
    let sparql = store.sparql();
    let text = query.to_string();
    let ds = dataset.clone();
    let timeout = limits.timeout;
    let worker_limits = limits.clone();
    RUNNING.fetch_add(1, Ordering::SeqCst);
    let state = Arc::new(AtomicU8::new(WORKING));
    let worker_state = Arc::clone(&state);
    let spawned = std::thread::Builder::new()
        .name("sparql-query".into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let _running = Running(worker_state);
            let mut writer = ChannelWriter {
                buf: Vec::new(),
                tx: tx.clone(),
            };
            let mut choose = |form: Form| {
                tx.send(Msg::Form(form)).map_err(|_| gone())?;
                format_rx.recv().map_err(|_| gone())?
            };
            let result = evaluate(
                &sparql,
                &text,
                &ds,
                worker_token,
                &worker_limits,
                &mut choose,
                &mut writer,
            )
            .and_then(|o| {
                writer
                    .flush()
                    .map(|()| o)
                    .map_err(|e| fail(FailureKind::Failed, format!("cannot write results: {e}")))
            });
            let _ = tx.send(Msg::Done(result));
        });
    let worker = match spawned {
        Ok(handle) => handle,
        Err(e) => {
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            return Err(fail(
                FailureKind::Failed,
                format!("cannot start the query: {e}"),
            ));
        }
    };
    // Returning before the worker's answer leaves it stopping on its own.
    let mut waiter = Waiter {
        state,
        answered: false,
    };
    // Once the worker has answered, it is joined before returning: it holds
    // a handle on the store, and a process exiting while another thread
    // still closes a RocksDB handle aborts in RocksDB's static destructors
    // ("pthread lock: Invalid argument").
    let mut worker = Some(worker);
    let mut join = || {
        if let Some(w) = worker.take() {
            let _ = w.join();
        }
    };
    let deadline = std::time::Instant::now() + timeout;
    let memory_at_start = crate::sparql_guard::memory_in_use().unwrap_or(0);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if let Some(max) = limits.max_memory
            && crate::sparql_guard::memory_in_use()
                .is_some_and(|m| m.saturating_sub(memory_at_start) > max)
        {
            token.cancel();
            return Err(fail(
                FailureKind::Budget,
                format!(
                    "the query was stopped: memory grew past its budget of {} MiB",
                    max >> 20
                ),
            ));
        }
        // Wake up at least every 100 ms to look at the memory in use.
        match rx.recv_timeout(left.min(Duration::from_millis(100))) {
            Ok(Msg::Form(form)) => {
                let _ = format_tx.send(choose(form));
            }
            Ok(Msg::Chunk(bytes)) => out
                .write_all(&bytes)
                .map_err(|e| fail(FailureKind::Failed, format!("cannot write results: {e}")))?,
            Ok(Msg::Done(result)) => {
                waiter.answered = true;
                join();
                return result;
            }
            Err(mpsc::RecvTimeoutError::Timeout) if left > Duration::from_millis(100) => {}
            Err(mpsc::RecvTimeoutError::Timeout) => {
                token.cancel();
                return Err(timeout_failure(timeout));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                join();
                return Err(fail(FailureKind::Failed, "the query stopped unexpectedly"));
            }
        }
    }
}

/// Queries still being evaluated, including those past their deadline
/// whose evaluation has not reached a cancellation point yet.
pub fn running() -> usize {
    RUNNING.load(Ordering::SeqCst)
}

/// Queries whose caller has given up on them (timeout, budget, a client
/// gone) but whose evaluation has not reached a cancellation point yet:
/// work the endpoint did not plan for.
pub fn stopping() -> usize {
    STOPPING.load(Ordering::SeqCst)
}

static RUNNING: AtomicUsize = AtomicUsize::new(0);
static STOPPING: AtomicUsize = AtomicUsize::new(0);
const WORKING: u8 = 0;
const ABANDONED: u8 = 1;
const FINISHED: u8 = 2;

/// The caller's side: when it returns without the worker's answer, the
/// worker counts as stopping until it ends.
struct Waiter {
    state: Arc<AtomicU8>,
    answered: bool,
}

impl Drop for Waiter {
    fn drop(&mut self) {
        if self.answered {
            return;
        }
        STOPPING.fetch_add(1, Ordering::SeqCst);
        if self
            .state
            .compare_exchange(WORKING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            // The worker ended meanwhile.
            STOPPING.fetch_sub(1, Ordering::SeqCst);
        }
    }
}
const WORKER_STACK: usize = 64 << 20;

struct Running(Arc<AtomicU8>);

impl Drop for Running {
    fn drop(&mut self) {
        if self.0.swap(FINISHED, Ordering::SeqCst) == ABANDONED {
            STOPPING.fetch_sub(1, Ordering::SeqCst);
        }
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

enum Msg {
    Form(Form),
    Chunk(Vec<u8>),
    Done(Result<Outcome, Failure>),
}

fn gone() -> Failure {
    fail(FailureKind::Failed, "the query was abandoned")
}

/// Sends what the worker writes to the waiting thread, 64 KiB at a time;
/// fails once nobody waits any more, which stops the worker.
struct ChannelWriter {
    buf: Vec<u8>,
    tx: mpsc::SyncSender<Msg>,
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= 64 * 1024 {
            self.flush()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            let chunk = std::mem::take(&mut self.buf);
            self.tx
                .send(Msg::Chunk(chunk))
                .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "abandoned"))?;
        }
        Ok(())
    }
}

fn timeout_failure(timeout: Duration) -> Failure {
    fail(
        FailureKind::Timeout,
        format!(
            "the query ran longer than its timeout of {} s and was stopped",
            timeout.as_secs_f64()
        ),
    )
}

fn evaluator(token: CancellationToken) -> Result<SparqlEvaluator, Failure> {
    let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token);
    // The usual prefixes are predeclared; a query's own PREFIX wins.
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *iri)
            .map_err(|e| fail(FailureKind::Failed, e.to_string()))?;
    }
    Ok(evaluator)
}

fn parse_failure(query: &str, raw: &str) -> Failure {
    let is_update = evaluator(CancellationToken::new())
        .map(|e| e.parse_update(query).is_ok())
        .unwrap_or(false);
    if is_update {
        return fail(
            FailureKind::Refused,
            "SPARQL updates are refused: the store is read-only here (it changes only through `actorgraph build` and `actorgraph remove`)",
        );
    }
    fail(FailureKind::Syntax, syntax_message(query, raw))
}

fn evaluate(
    store: &crate::store::Sparql,
    query: &str,
    dataset: &Dataset,
    token: CancellationToken,
    limits: &Limits,
    choose: &mut dyn FnMut(Form) -> Result<Format, Failure>,
    out: &mut dyn Write,
) -> Result<Outcome, Failure> {
    let (timeout, max_rows) = (limits.timeout, limits.max_rows);
    let mut prepared = evaluator(token)?
        .parse_query(query)
        .map_err(|e| parse_failure(query, &e.to_string()))?;
    let ds = prepared.dataset_mut();
    if !dataset.default_graphs.is_empty() {
        let graphs = dataset
            .default_graphs
            .iter()
            .map(|g| named(g).map(GraphName::NamedNode))
            .collect::<Result<Vec<_>, _>>()?;
        ds.set_default_graph(graphs);
    }
    // A query without a dataset of its own gets the union default graph
    // from `Sparql::bind`.
    if !dataset.named_graphs.is_empty() {
        let graphs = dataset
            .named_graphs
            .iter()
            .map(|g| named(g).map(NamedOrBlankNode::NamedNode))
            .collect::<Result<Vec<_>, _>>()?;
        ds.set_available_named_graphs(graphs);
    }
    let eval_err = move |e: QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => timeout_failure(timeout),
        QueryEvaluationError::UnsupportedService(s) => fail(
            FailureKind::Refused,
            format!("SERVICE {s} refused: queries run on the local store only, without network"),
        ),
        e => fail(FailureKind::Failed, format!("evaluation failed: {e}")),
    };
    let results = store.bind(prepared).execute().map_err(eval_err)?;
    write_results(results, max_rows, choose, out, eval_err)
}

fn named(iri: &str) -> Result<oxigraph::model::NamedNode, Failure> {
    oxigraph::model::NamedNode::new(iri).map_err(|e| {
        fail(
            FailureKind::Syntax,
            format!("invalid graph IRI <{iri}>: {e}"),
        )
    })
}

/// Prefixes used to shorten IRIs in tables and Turtle.
pub use crate::model::ns::PREFIXES;

/// Checks a query text before parsing: size, nesting depth and SERVICE.
/// Scans outside strings, IRIs and comments.
pub fn check(query: &str, limits: &Limits) -> Result<(), Failure> {
    if query.len() > limits.max_bytes {
        return Err(fail(
            FailureKind::Refused,
            format!(
                "the query is {} bytes long; the limit is {} bytes",
                query.len(),
                limits.max_bytes
            ),
        ));
    }
    use crate::sparql_guard::{Excess, MAX_OPERATORS, MAX_PATTERNS, scan};
    if query.trim().is_empty() || only_comments(query) {
        return Err(fail(
            FailureKind::Syntax,
            "the query is empty: write a SELECT, ASK, CONSTRUCT or DESCRIBE query",
        ));
    }
    let refused = |at: usize, what: String| {
        let (line, col) = position(query, at);
        Err(fail(
            FailureKind::Refused,
            format!("{what} (line {line}, column {col})"),
        ))
    };
    match scan(query, limits.max_depth) {
        Ok(()) => Ok(()),
        Err(Excess::Depth(at)) => refused(
            at,
            format!("the query nests deeper than {} levels", limits.max_depth),
        ),
        Err(Excess::UnaryRun(at)) => refused(
            at,
            format!(
                "the query nests deeper than {} levels: more unary operators in a row than that",
                limits.max_depth
            ),
        ),
        Err(Excess::Operators(at)) => refused(
            at,
            format!(
                "the query has more than {MAX_OPERATORS} operators (path steps, unary and binary operators, UNION, OPTIONAL, MINUS); each one nests, and so many cannot be evaluated safely"
            ),
        ),
        Err(Excess::Patterns(at)) => refused(
            at,
            format!(
                "the query has more than {MAX_PATTERNS} triple patterns, path steps and groups; ordering so many joins cannot be bounded in time"
            ),
        ),
        Err(Excess::Service(at)) => {
            let (line, col) = position(query, at);
            Err(fail(
                FailureKind::Refused,
                format!(
                    "SERVICE refused (line {line}, column {col}): queries run on the local store only, without network"
                ),
            ))
        }
    }
}

/// Whether every line is blank or a comment (a `#` inside an IRI or string
/// on a line with other text makes that line count as text: the parser
/// then decides).
fn only_comments(query: &str) -> bool {
    query
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
}

/// Line and column (from 1, in characters) of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Turns the parser's "error at L:C: expected …" into a message naming the
/// line and column and showing the line with a caret under the column.
fn syntax_message(query: &str, raw: &str) -> String {
    let parsed = raw.strip_prefix("error at ").and_then(|rest| {
        let (pos, what) = rest.split_once(": ")?;
        let (l, c) = pos.split_once(':')?;
        Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?, what))
    });
    match parsed {
        Some((line, col, what)) => {
            let text = query.lines().nth(line.saturating_sub(1)).unwrap_or("");
            // peg counts the column in characters from 1.
            let caret = " ".repeat(col.saturating_sub(1).min(text.chars().count()));
            format!("syntax error at line {line}, column {col}: {what}\n  {text}\n  {caret}^")
        }
        None => format!("syntax error: {raw}"),
    }
}

#[cfg(test)]
mod tests;
