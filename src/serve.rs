//! A read-only SPARQL 1.1 Protocol endpoint over the store (tiny_http), and
//! the explorer page of [`crate::explorer`] at `/`.
//!
//! `GET /sparql?query=…`, `POST` with `application/sparql-query` or
//! `application/x-www-form-urlencoded`; results negotiated from `Accept` (or a
//! `format`/`output` parameter): JSON, XML, CSV, TSV for SELECT and ASK,
//! Turtle or N-Triples for CONSTRUCT and DESCRIBE. Updates get 403, requests
//! over the size limit 413, queries past their timeout 503; every query goes
//! through the checks of [`crate::query`] (depth, SERVICE, size). Loopback
//! only unless told otherwise. With the default (file) backend, a build that
//! saves the store is picked up by the next request.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::query::{self, Dataset, FailureKind, Form, Format, Limits};
use crate::store::Store;

/// The default address: loopback only.
pub const DEFAULT_BIND: &str = "127.0.0.1:7878";
/// The largest request (URL or body) accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 256 * 1024;

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address and port to listen on (port 0: any free port).
    pub bind: String,
    /// Per-query limits (timeout, size, depth).
    pub limits: Limits,
    /// Requests (URL or body) larger than this get 413.
    pub max_request_bytes: usize,
    /// Requests handled at once.
    pub threads: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: DEFAULT_BIND.into(),
            limits: Limits::default(),
            max_request_bytes: MAX_REQUEST_BYTES,
            threads: 4,
        }
    }
}

/// A bound endpoint, ready to [`Endpoint::run`].
pub struct Endpoint {
    server: Arc<tiny_http::Server>,
    addr: SocketAddr,
    store: Arc<Current>,
    config: Config,
}

/// The store being served. A read-only file store is a snapshot of
/// `graph.nq`: when a build saves a new one, the next request reopens it.
struct Current(std::sync::RwLock<Arc<Store>>);

impl Current {
    fn get(&self) -> Arc<Store> {
        let store = match self.0.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        };
        if !store.is_stale() {
            return store;
        }
        let Ok(mut slot) = self.0.write() else {
            return store;
        };
        if slot.is_stale() {
            // A failed reopen (a damaged file) keeps serving the old snapshot.
            if let Ok(fresh) = Store::open_read_only(slot.path()) {
                *slot = Arc::new(fresh);
            }
        }
        Arc::clone(&slot)
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
        let server = tiny_http::Server::http(config.bind.as_str())
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", config.bind)))?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| Error::Usage(format!("{} is not an IP address", config.bind)))?;
        Ok(Endpoint {
            server: Arc::new(server),
            addr,
            store: Arc::new(Current(std::sync::RwLock::new(Arc::new(store)))),
            config,
        })
    }

    /// The address it listens on (with the actual port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends. Each worker has a large stack: query
    /// evaluation recurses over the query's algebra.
    pub fn run(self) -> Result<()> {
        let mut workers = Vec::new();
        for i in 0..self.config.threads.max(1) {
            let server = Arc::clone(&self.server);
            let store = Arc::clone(&self.store);
            let config = self.config.clone();
            let worker = std::thread::Builder::new()
                .name(format!("sparql-{i}"))
                .stack_size(16 << 20)
                .spawn(move || {
                    while let Ok(request) = server.recv() {
                        let reply = handle(&store.get(), &config, request);
                        // A client that went away is not our error.
                        let _ = reply;
                    }
                })
                .map_err(|e| Error::Usage(format!("cannot start a worker thread: {e}")))?;
            workers.push(worker);
        }
        for w in workers {
            let _ = w.join();
        }
        Ok(())
    }
}

/// A response body with its status and content type.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    allow: bool,
}

fn text(status: u16, message: impl Into<String>) -> Reply {
    let mut body = message.into().into_bytes();
    body.push(b'\n');
    Reply {
        status,
        content_type: "text/plain; charset=utf-8",
        body,
        allow: status == 405,
    }
}

const HELP: &str = "actorgraph SPARQL endpoint (read-only).
Query with GET /sparql?query=… or POST /sparql (application/sparql-query, or a form with query=…).
Results: JSON, XML, CSV or TSV for SELECT and ASK; Turtle or N-Triples for CONSTRUCT and DESCRIBE (Accept header).
The default graph is the union of all graphs; prefixes ag:, actor:, rdf:, rdfs:, prov:, dcterms: … are predeclared.";

fn handle(store: &Store, config: &Config, mut request: tiny_http::Request) -> std::io::Result<()> {
    let reply = respond(store, config, &mut request);
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).ok();
    if let Some(h) = header("Content-Type", reply.content_type) {
        response.add_header(h);
    }
    if let Some(h) = header("Vary", "Accept") {
        response.add_header(h);
    }
    if reply.allow
        && let Some(h) = header("Allow", "GET, POST")
    {
        response.add_header(h);
    }
    request.respond(response)
}

fn respond(store: &Store, config: &Config, request: &mut tiny_http::Request) -> Reply {
    let url = request.url().to_string();
    if url.len() > config.max_request_bytes {
        return text(
            413,
            format!("request URL longer than {} bytes", config.max_request_bytes),
        );
    }
    let (path, query_string) = url.split_once('?').unwrap_or((url.as_str(), ""));
    // The explorer (page and its JSON API) answers first; SPARQL gets the rest.
    if let Some(r) = crate::explorer::route(request.method().as_str(), path, query_string, store) {
        return Reply {
            status: r.status,
            content_type: r.content_type,
            body: r.body,
            allow: false,
        };
    }
    if !matches!(path, "/" | "/sparql" | "/query") {
        return text(
            404,
            format!("no such resource {path}; the endpoint is /sparql, the explorer /"),
        );
    }
    let mut params = match parse_form(query_string) {
        Ok(p) => p,
        Err(e) => return text(400, e),
    };
    let method = request.method().clone();
    let query_text = match method {
        tiny_http::Method::Get => None,
        tiny_http::Method::Post => {
            let content_type = header(request, "Content-Type")
                .map(|c| {
                    c.split(';')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_ascii_lowercase()
                })
                .unwrap_or_default();
            if content_type == "application/sparql-update" {
                return read_only();
            }
            let body = match read_body(request, config.max_request_bytes) {
                Ok(b) => b,
                Err(reply) => return reply,
            };
            match content_type.as_str() {
                "application/sparql-query" => match String::from_utf8(body) {
                    Ok(q) => Some(q),
                    Err(_) => return text(400, "the query is not UTF-8"),
                },
                "application/x-www-form-urlencoded" => {
                    let body = match String::from_utf8(body) {
                        Ok(b) => b,
                        Err(_) => return text(400, "the form is not UTF-8"),
                    };
                    match parse_form(&body) {
                        Ok(p) => params.extend(p),
                        Err(e) => return text(400, e),
                    }
                    None
                }
                other => {
                    return text(
                        415,
                        format!(
                            "unsupported Content-Type {other:?}: send application/sparql-query or application/x-www-form-urlencoded"
                        ),
                    );
                }
            }
        }
        _ => return text(405, "only GET and POST are allowed"),
    };
    if params
        .iter()
        .any(|(k, _)| k == "update" || k == "using-graph-uri")
    {
        return read_only();
    }
    let query_text = match query_text.or_else(|| {
        params
            .iter()
            .find(|(k, _)| k == "query")
            .map(|(_, v)| v.clone())
    }) {
        Some(q) => q,
        None if path == "/" || method == tiny_http::Method::Get => return text(200, HELP),
        None => {
            return text(
                400,
                "missing query: send query=… or an application/sparql-query body",
            );
        }
    };
    // Queries past their deadline whose evaluation has not yet reached a
    // cancellation point still hold a core: refuse new work while too many do.
    let busy = query::running();
    if busy >= 2 * config.threads.max(1) {
        return text(
            503,
            format!("busy: {busy} queries are still being stopped; retry later"),
        );
    }
    let dataset = Dataset {
        default_graphs: values(&params, "default-graph-uri"),
        named_graphs: values(&params, "named-graph-uri"),
    };
    let asked = params
        .iter()
        .find(|(k, _)| k == "format" || k == "output")
        .and_then(|(_, v)| Format::from_name(v).or_else(|| from_media_type(v)));
    let accept = header(request, "Accept").unwrap_or_default();
    let mut chosen = Format::Json;
    let mut choose = |form: Form| -> Result<Format, query::Failure> {
        let format = negotiate(form, asked, &accept)?;
        chosen = format;
        Ok(format)
    };
    let mut body = Vec::new();
    match query::execute(
        store,
        &query_text,
        &dataset,
        &config.limits,
        &mut choose,
        &mut body,
    ) {
        Ok(_) => Reply {
            status: 200,
            content_type: chosen.media_type(),
            body,
            allow: false,
        },
        Err(f) => {
            let status = match f.kind {
                FailureKind::Syntax => 400,
                FailureKind::Refused if f.message.contains("read-only") => 403,
                FailureKind::Refused => 400,
                FailureKind::Timeout => 503,
                FailureKind::Format => 406,
                FailureKind::Failed => 500,
            };
            text(status, f.message)
        }
    }
}

fn read_only() -> Reply {
    text(
        403,
        "this endpoint is read-only: SPARQL updates are refused (the store changes only through `actorgraph build` and `actorgraph remove`)",
    )
}

fn header(request: &tiny_http::Request, name: &str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_string())
}

fn read_body(request: &mut tiny_http::Request, max: usize) -> Result<Vec<u8>, Reply> {
    let too_large = || text(413, format!("request body larger than {max} bytes"));
    if request.body_length().is_some_and(|n| n > max) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    request
        .as_reader()
        .take(max as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| text(400, format!("cannot read the request body: {e}")))?;
    if body.len() > max {
        return Err(too_large());
    }
    Ok(body)
}

fn values(params: &[(String, String)], key: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

/// Parses `a=b&c=d` with `+` and `%XX` decoding.
fn parse_form(s: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        out.push((decode(k)?, decode(v)?));
    }
    Ok(out)
}

fn decode(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("bad percent-encoding at byte {i} of a parameter"))?;
                out.push(hex);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "a parameter is not UTF-8".to_string())
}

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
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_q_values() {
        let n = |form, accept| negotiate(form, None, accept).map_err(|f| f.kind);
        assert_eq!(n(Form::Solutions, ""), Ok(Format::Json));
        assert_eq!(n(Form::Solutions, "text/csv"), Ok(Format::Csv));
        assert_eq!(
            n(
                Form::Solutions,
                "application/sparql-results+xml;q=0.9, text/tab-separated-values"
            ),
            Ok(Format::Tsv)
        );
        assert_eq!(n(Form::Solutions, "*/*"), Ok(Format::Json));
        assert_eq!(
            n(Form::Graph, "application/n-triples, */*;q=0.1"),
            Ok(Format::NTriples)
        );
        assert_eq!(n(Form::Solutions, "image/png"), Err(FailureKind::Format));
        assert_eq!(
            negotiate(Form::Graph, Some(Format::Json), "text/turtle").ok(),
            Some(Format::Turtle)
        );
    }

    #[test]
    fn forms_decode() {
        assert_eq!(
            parse_form("query=SELECT+%3Fs+%7B%7D&x").expect("decodes"),
            vec![
                ("query".into(), "SELECT ?s {}".into()),
                ("x".into(), String::new())
            ]
        );
        assert!(parse_form("query=%ZZ").is_err());
        assert_eq!(decode("%D9%85%D8%A7%D9%84%D9%8A").expect("UTF-8"), "مالي");
    }
}
