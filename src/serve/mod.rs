//! A read-only SPARQL 1.1 Protocol endpoint over the store (hyper), and the
//! explorer page of [`crate::explorer`] at `/`.
//!
//! `GET /sparql?query=…`, `POST` with `application/sparql-query` or
//! `application/x-www-form-urlencoded`; results negotiated from `Accept` (or a
//! `format`/`output` parameter): JSON, XML, CSV, TSV for SELECT and ASK,
//! Turtle or N-Triples for CONSTRUCT and DESCRIBE. Updates get 403, requests
//! over the size limit 413, queries past their timeout 503; every query goes
//! through the checks of [`crate::query`] (depth, SERVICE, size). Loopback
//! only unless told otherwise. With the default (file) backend, a build that
//! saves the store is picked up by the next request.
//!
//! Built for hostile clients (issue 19): hyper reads request heads with a
//! timeout and limits on header count and size (431); bodies are read with
//! a timeout (408) and a size limit (413); connections are bounded (past the
//! bound a client gets 503 at once) and live at most
//! [`Config::max_connection_time`]; queries run on a bounded pool (a request
//! that cannot get a slot within the query timeout gets 503); results are
//! streamed, never held whole in memory; when bound to loopback the `Host`
//! header must name loopback (DNS rebinding). The HTTP layer is async, the
//! queries are not: each runs on a blocking thread of its own.
//!
//! Routing happens in one place, the private function `route`: a new page or API is one more
//! arm there.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::header::{CONTENT_LENGTH, HOST, HeaderValue};
use tokio::sync::{Semaphore, mpsc, oneshot};

use crate::error::{Error, Result};
use crate::form::parse_form;
use crate::query::{self, Dataset, FailureKind, Form, Format, Limits};
use crate::store::Store;

mod reply;
use reply::{Body, Reply, Sink, Start, finish_head, response, text};

/// The default address: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";
/// The largest request (URL or body) accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 256 * 1024;
/// The most connections held open at once; past it a client gets 503.
pub const MAX_CONNECTIONS: usize = 256;
/// The most header lines in a request (431 past it).
pub const MAX_HEADERS: usize = 64;
/// The largest request head (request line and headers), in bytes (431 past it).
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address and port to listen on (port 0: any free port).
    pub bind: String,
    /// Per-query limits (timeout, size, depth).
    pub limits: Limits,
    /// Requests (URL or body) larger than this get 413.
    pub max_request_bytes: usize,
    /// Queries evaluated at once; more wait for a slot up to the query timeout.
    pub threads: usize,
    /// Connections held open at once; past it a client gets 503 and is closed.
    pub max_connections: usize,
    /// A client must send a whole request head within this time.
    pub header_timeout: Duration,
    /// A client must send a whole request body within this time (408).
    pub body_timeout: Duration,
    /// A connection is closed (after its current request) when it has been
    /// open this long, and cut off a little later if it still is.
    pub max_connection_time: Duration,
    /// Header lines allowed in a request.
    pub max_headers: usize,
    /// Bytes allowed in a request head.
    pub max_head_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: DEFAULT_BIND.into(),
            limits: Limits::default(),
            max_request_bytes: MAX_REQUEST_BYTES,
            threads: 4,
            max_connections: MAX_CONNECTIONS,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(10),
            max_connection_time: Duration::from_secs(300),
            max_headers: MAX_HEADERS,
            max_head_bytes: MAX_HEAD_BYTES,
        }
    }
}

/// A bound endpoint, ready to [`Endpoint::run`].
pub struct Endpoint {
    listener: std::net::TcpListener,
    addr: SocketAddr,
    store: Arc<Current>,
    config: Config,
}

/// The store being served. A read-only file store is a snapshot of
/// `graph.nq`: when a build saves a new one, the next request reopens it.
struct Current(std::sync::RwLock<Arc<Store>>);

impl Current {
    /// The current store; an error when it changed on disk and can no longer
    /// be read (a damaged file is reported, not papered over with the old
    /// snapshot).
    fn get(&self) -> std::result::Result<Arc<Store>, String> {
        let store = match self.0.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        };
        if !store.is_stale() {
            return Ok(store);
        }
        let mut slot = match self.0.write() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        if slot.is_stale() {
            match Store::open_read_only(slot.path()) {
                Ok(fresh) => *slot = Arc::new(fresh),
                Err(e) => {
                    return Err(format!(
                        "the store changed on disk and cannot be read any more: {e}"
                    ));
                }
            }
        }
        Ok(Arc::clone(&slot))
    }
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Endpoint {
    /// Binds the address; fails with a clear message when it is taken.
    pub fn bind(store: Store, config: Config) -> Result<Endpoint> {
        let listener = std::net::TcpListener::bind(config.bind.as_str())
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", config.bind)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", config.bind)))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", config.bind)))?;
        Ok(Endpoint {
            listener,
            addr,
            store: Arc::new(Current(std::sync::RwLock::new(Arc::new(store)))),
            config,
        })
    }

    /// The address it listens on (with the actual port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub fn run(self) -> Result<()> {
        let threads = self.config.threads.max(1);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("serve")
            // Each query has a waiting thread here (its evaluation runs on a
            // thread of its own, see `query::execute`); a few more for routes.
            .max_blocking_threads(threads + 8)
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| Error::Usage(format!("cannot start the server: {e}")))?;
        let state = Arc::new(State {
            store: self.store,
            loopback: self.addr.ip().is_loopback(),
            slots: Semaphore::new(threads),
            config: self.config,
        });
        runtime.block_on(accept_loop(self.listener, state))
    }
}

struct State {
    store: Arc<Current>,
    config: Config,
    loopback: bool,
    /// Query slots: at most `threads` queries evaluate at once.
    slots: Semaphore,
}

async fn accept_loop(listener: std::net::TcpListener, state: Arc<State>) -> Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)
        .map_err(|e| Error::Usage(format!("cannot listen: {e}")))?;
    let connections = Arc::new(Semaphore::new(state.config.max_connections.max(1)));
    loop {
        let (stream, _peer) = match listener.accept().await {
            Ok(c) => c,
            // Out of file descriptors and the like: wait a little, go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Ok(permit) = Arc::clone(&connections).try_acquire_owned() else {
            tokio::spawn(refuse_busy(stream));
            continue;
        };
        let state = Arc::clone(&state);
        tokio::spawn(async move {
            let _permit = permit;
            serve_connection(stream, state).await;
        });
    }
}

/// The answer to a connection past the bound: 503, then close.
async fn refuse_busy(mut stream: tokio::net::TcpStream) {
    use tokio::io::AsyncWriteExt;
    let body = "busy: too many open connections; retry later\n";
    let reply = format!(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(2), stream.write_all(reply.as_bytes())).await;
}

async fn serve_connection(stream: tokio::net::TcpStream, state: Arc<State>) {
    let io = hyper_util::rt::TokioIo::new(stream);
    let config = &state.config;
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(config.header_timeout)
        .max_headers(config.max_headers)
        .max_buf_size(config.max_head_bytes.max(8192))
        .max_header_size(config.max_head_bytes);
    let service_state = Arc::clone(&state);
    let service = hyper::service::service_fn(move |request| {
        let state = Arc::clone(&service_state);
        async move { Ok::<_, Infallible>(handle(state, request).await) }
    });
    let connection = builder.serve_connection(io, service);
    let mut connection = std::pin::pin!(connection);
    if tokio::time::timeout(config.max_connection_time, connection.as_mut())
        .await
        .is_err()
    {
        // Old enough: finish the request in flight, then close; a client that
        // does not read its answer is cut off after one more query timeout.
        connection.as_mut().graceful_shutdown();
        let grace = config.limits.timeout + config.body_timeout;
        let _ = tokio::time::timeout(grace, connection).await;
    }
}

/// A request as the routes see it: head and body read whole, within the
/// limits, independent of the HTTP library.
struct Request {
    method: hyper::Method,
    path: String,
    query_string: String,
    headers: hyper::HeaderMap,
    body: Bytes,
}

impl Request {
    fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }
}

/// Reads the request within its limits, then routes it on a blocking thread.
async fn handle(state: Arc<State>, request: hyper::Request<Incoming>) -> hyper::Response<Body> {
    let config = &state.config;
    if state.loopback {
        match request.headers().get(HOST).map(|h| h.to_str()) {
            Some(Ok(host)) if host_is_loopback(host) => {}
            None if request.version() < hyper::Version::HTTP_11 => {}
            Some(_) => {
                return response(text(
                    403,
                    "the Host header does not name this loopback endpoint (localhost, 127.0.0.1 or [::1]); refused against DNS rebinding",
                ));
            }
            None => return response(text(400, "an HTTP/1.1 request needs a Host header")),
        }
    }
    let uri = request.uri();
    let url_len = uri.path_and_query().map_or(0, |p| p.as_str().len());
    if url_len > config.max_request_bytes {
        return response(text(
            413,
            format!("request URL longer than {} bytes", config.max_request_bytes),
        ));
    }
    let path = uri.path().to_string();
    let query_string = uri.query().unwrap_or("").to_string();
    let (parts, body) = request.into_parts();
    let body = if parts.method == hyper::Method::POST {
        let too_large = || {
            response(text(
                413,
                format!(
                    "request body larger than {} bytes",
                    config.max_request_bytes
                ),
            ))
        };
        let declared = parts
            .headers
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > config.max_request_bytes as u64) {
            return too_large();
        }
        let limited = http_body_util::Limited::new(body, config.max_request_bytes);
        match tokio::time::timeout(config.body_timeout, limited.collect()).await {
            Ok(Ok(collected)) => collected.to_bytes(),
            Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => return too_large(),
            Ok(Err(e)) => {
                return response(text(400, format!("cannot read the request body: {e}")));
            }
            Err(_) => {
                let mut r = response(text(
                    408,
                    format!(
                        "the request body did not arrive within {} s",
                        config.body_timeout.as_secs_f64()
                    ),
                ));
                r.headers_mut()
                    .insert(hyper::header::CONNECTION, HeaderValue::from_static("close"));
                return r;
            }
        }
    } else {
        Bytes::new()
    };
    let request = Request {
        method: parts.method,
        path,
        query_string,
        headers: parts.headers,
        body,
    };
    let (start_tx, start_rx) = oneshot::channel();
    let (tx, rx) = mpsc::channel(4);
    let complete = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let worker_complete = Arc::clone(&complete);
    let runtime = tokio::runtime::Handle::current();
    let worker_state = Arc::clone(&state);
    let spawned = tokio::task::spawn_blocking(move || {
        let deadline =
            Instant::now() + worker_state.config.limits.timeout + worker_state.config.body_timeout;
        let mut sink = Sink {
            start: Some(start_tx),
            content_type: "application/octet-stream",
            tx,
            complete: worker_complete,
            runtime,
            deadline,
        };
        route(&worker_state, &request, &mut sink);
    });
    match start_rx.await {
        Ok(Start::Whole(reply)) => response(reply),
        Ok(Start::Stream(content_type)) => finish_head(
            hyper::Response::new(Body::Stream(rx, complete)),
            content_type,
            false,
        ),
        Err(_) => {
            let why = match spawned.await {
                Err(e) if e.is_panic() => {
                    "the request failed unexpectedly (a bug: please report it)"
                }
                _ => "the request stopped unexpectedly",
            };
            response(text(500, why))
        }
    }
}

/// Whether a `Host` header names loopback (any port).
fn host_is_loopback(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        match host.rsplit_once(':') {
            Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
            _ => host,
        }
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

const HELP: &str = "actorgraph SPARQL endpoint (read-only).
Query with GET /sparql?query=… or POST /sparql (application/sparql-query, or a form with query=…).
Results: JSON, XML, CSV or TSV for SELECT and ASK; Turtle or N-Triples for CONSTRUCT and DESCRIBE (Accept header).
The default graph is the union of all graphs; prefixes ag:, actor:, rdf:, rdfs:, prov:, dcterms: … are predeclared.";

/// Every path the endpoint answers. New pages and APIs are one more arm
/// here, answering through `out` (whole with [`Sink::reply`], or streamed).
fn route(state: &State, request: &Request, out: &mut Sink) {
    // The explorer (its page at / and its JSON API) answers first; SPARQL
    // gets the rest, `/` included for a query string or a POST.
    let explorer_page = request.path != "/" || request.query_string.is_empty();
    if explorer_page {
        let store = match state.store.get() {
            Ok(s) => s,
            Err(e) => return out.reply(text(503, e)),
        };
        if let Some(r) = crate::explorer::route(
            request.method.as_str(),
            &request.path,
            &request.query_string,
            &store,
        ) {
            return out.reply(Reply {
                status: r.status,
                content_type: r.content_type,
                body: r.body,
                allow: false,
            });
        }
    }
    match request.path.as_str() {
        "/" | "/sparql" | "/query" => sparql(state, request, out),
        path => out.reply(text(
            404,
            format!(
                "no such resource {}; the endpoint is /sparql, the explorer /",
                escape_for_text(path)
            ),
        )),
    }
}

/// A path or value quoted back to a client, with control characters escaped.
fn escape_for_text(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// The SPARQL 1.1 Protocol.
fn sparql(state: &State, request: &Request, out: &mut Sink) {
    let config = &state.config;
    let path = request.path.as_str();
    let mut params = match parse_form(&request.query_string) {
        Ok(p) => p,
        Err(e) => return out.reply(text(400, e)),
    };
    let method = &request.method;
    let query_text = if *method == hyper::Method::GET {
        None
    } else if *method == hyper::Method::POST {
        let content_type = request
            .header("content-type")
            .map(|c| {
                c.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        if content_type == "application/sparql-update" {
            return out.reply(read_only());
        }
        let body = request.body.to_vec();
        match content_type.as_str() {
            "application/sparql-query" => match String::from_utf8(body) {
                Ok(q) => Some(q),
                Err(_) => return out.reply(text(400, "the query is not UTF-8")),
            },
            "application/x-www-form-urlencoded" => {
                let body = match String::from_utf8(body) {
                    Ok(b) => b,
                    Err(_) => return out.reply(text(400, "the form is not UTF-8")),
                };
                match parse_form(&body) {
                    Ok(p) => params.extend(p),
                    Err(e) => return out.reply(text(400, e)),
                }
                None
            }
            other => {
                return out.reply(text(
                    415,
                    format!(
                        "unsupported Content-Type {:?}: send application/sparql-query or application/x-www-form-urlencoded",
                        escape_for_text(other)
                    ),
                ));
            }
        }
    } else {
        return out.reply(text(405, "only GET and POST are allowed"));
    };
    if params
        .iter()
        .any(|(k, _)| k == "update" || k == "using-graph-uri")
    {
        return out.reply(read_only());
    }
    let query_text = match query_text.or_else(|| {
        params
            .iter()
            .find(|(k, _)| k == "query")
            .map(|(_, v)| v.clone())
    }) {
        Some(q) => q,
        None if path == "/" || *method == hyper::Method::GET => return out.reply(text(200, HELP)),
        None => {
            return out.reply(text(
                400,
                "missing query: send query=… or an application/sparql-query body",
            ));
        }
    };
    // Queries past their deadline whose evaluation has not yet reached a
    // cancellation point still hold a core: refuse new work while too many do.
    let busy = query::stopping();
    if busy >= 2 * config.threads.max(1) {
        return out.reply(text(
            503,
            format!("busy: {busy} queries are still being stopped; retry later"),
        ));
    }
    // A slot for the query, waited for at most one query timeout.
    let slot = out.runtime.block_on(tokio::time::timeout(
        config.limits.timeout,
        state.slots.acquire(),
    ));
    let _slot = match slot {
        Ok(Ok(permit)) => permit,
        _ => {
            return out.reply(text(
                503,
                format!(
                    "busy: {} queries are running and no slot freed within {} s; retry later",
                    config.threads.max(1),
                    config.limits.timeout.as_secs_f64()
                ),
            ));
        }
    };
    let store = match state.store.get() {
        Ok(s) => s,
        Err(e) => return out.reply(text(503, e)),
    };
    let dataset = Dataset {
        default_graphs: values(&params, "default-graph-uri"),
        named_graphs: values(&params, "named-graph-uri"),
    };
    let asked = params
        .iter()
        .find(|(k, _)| k == "format" || k == "output")
        .and_then(|(_, v)| Format::from_name(v).or_else(|| from_media_type(v)));
    let accept = request.header("accept").unwrap_or_default();
    let chosen = std::cell::Cell::new(Format::Json);
    let mut choose = |form: Form| -> std::result::Result<Format, query::Failure> {
        let format = negotiate(form, asked, &accept)?;
        chosen.set(format);
        Ok(format)
    };
    let result = {
        // The content type is known once the form is: the first bytes come
        // after `choose`.
        struct Typed<'a> {
            sink: &'a mut Sink,
            chosen: &'a std::cell::Cell<Format>,
        }
        impl std::io::Write for Typed<'_> {
            fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
                self.sink.content_type = self.chosen.get().media_type();
                self.sink.write(data)
            }
            fn flush(&mut self) -> std::io::Result<()> {
                self.sink.flush()
            }
        }
        let mut typed = Typed {
            sink: out,
            chosen: &chosen,
        };
        query::execute(
            &store,
            &query_text,
            &dataset,
            &config.limits,
            &mut choose,
            &mut typed,
        )
    };
    match result {
        Ok(_) => out.finish(chosen.get().media_type()),
        Err(f) => {
            let status = match f.kind {
                FailureKind::Syntax => 400,
                FailureKind::Refused if f.message.contains("read-only") => 403,
                FailureKind::Refused => 400,
                FailureKind::Timeout => 503,
                FailureKind::Format => 406,
                FailureKind::Failed => 500,
                FailureKind::Budget => 503,
            };
            out.reply(text(status, f.message));
        }
    }
}

fn read_only() -> Reply {
    text(
        403,
        "this endpoint is read-only: SPARQL updates are refused (the store changes only through `actorgraph build` and `actorgraph remove`)",
    )
}

fn values(params: &[(String, String)], key: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

/// Parses `a=b&c=d` with `+` and `%XX` decoding.
fn from_media_type(m: &str) -> Option<Format> {
    let m = m
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Some(match m.as_str() {
        "application/sparql-results+json" | "application/json" => Format::Json,
        "application/sparql-results+xml" | "application/xml" | "text/xml" => Format::Xml,
        "text/csv" => Format::Csv,
        "text/tab-separated-values" => Format::Tsv,
        "text/turtle" | "application/x-turtle" => Format::Turtle,
        "application/n-triples" | "text/plain" => Format::NTriples,
        _ => return None,
    })
}

/// Picks the format for a query form: the `format` parameter when it fits,
/// else the best `Accept` match (by q, then in the order listed here), else
/// JSON or Turtle when the client accepts anything.
fn negotiate(form: Form, asked: Option<Format>, accept: &str) -> Result<Format, query::Failure> {
    let candidates: &[(&str, Format)] = match form {
        Form::Graph => &[
            ("text/turtle", Format::Turtle),
            ("application/x-turtle", Format::Turtle),
            ("application/n-triples", Format::NTriples),
            ("text/plain", Format::NTriples),
        ],
        _ => &[
            ("application/sparql-results+json", Format::Json),
            ("application/json", Format::Json),
            ("application/sparql-results+xml", Format::Xml),
            ("application/xml", Format::Xml),
            ("text/xml", Format::Xml),
            ("text/csv", Format::Csv),
            ("text/tab-separated-values", Format::Tsv),
        ],
    };
    if let Some(f) = asked
        && candidates.iter().any(|(_, c)| *c == f)
    {
        return Ok(f);
    }
    if accept.trim().is_empty() {
        return Ok(candidates[0].1);
    }
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|r| {
            let mut parts = r.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((media, q))
        })
        .collect();
    let mut best: Option<(f32, Format)> = None;
    for (media, format) in candidates {
        let (ty, _) = media.split_once('/').unwrap_or((media, ""));
        let q = ranges
            .iter()
            .filter(|(r, _)| r == media || r == "*/*" || *r == format!("{ty}/*"))
            .map(|(_, q)| *q)
            .fold(None, |acc: Option<f32>, q| {
                Some(acc.map_or(q, |a| a.max(q)))
            });
        if let Some(q) = q
            && q > 0.0
            && best.is_none_or(|(b, _)| q > b)
        {
            best = Some((q, *format));
        }
    }
    best.map(|(_, f)| f).ok_or_else(|| query::Failure {
        kind: FailureKind::Format,
        message: format!(
            "cannot answer in any type of Accept: {accept}; {} results come as {}",
            match form {
                Form::Graph => "CONSTRUCT and DESCRIBE",
                _ => "SELECT and ASK",
            },
            candidates
                .iter()
                .map(|(m, _)| *m)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

#[cfg(test)]
mod tests;
