//! A store on a SPARQL server (Virtuoso, Oxigraph server, Fuseki, GraphDB …):
//! `--store http://host:port/sparql`.
//!
//! Writes use the SPARQL 1.1 Graph Store HTTP Protocol: each document is one
//! named graph, written by one `PUT` of its quads (so a document is whole on
//! the server or absent, whatever happens to the build) and removed by one
//! `DELETE`; the ontology and lexicon graphs likewise; the rules stamp lives
//! in a graph of its own ([`RULES_GRAPH`]). Reads send SPARQL 1.1 Query to the
//! query URL: the stored documents' fingerprints (one paged `SELECT`), counts,
//! and the queries of `actorgraph query`; everything that reads the network
//! view loads the graphs into an in-memory Oxigraph store by `GET` (see
//! [`super::Store::open_read_only`]).
//!
//! Requests are retried with exponential backoff on 5xx answers, refused
//! connections and timeouts ([`ATTEMPTS`] attempts), then fail with an error
//! naming the URL and the status.
//!
//! Configuration, all from the environment (credentials never on the
//! command line):
//! - `ACTORGRAPH_GRAPH_STORE_URL`: the Graph Store Protocol URL; by default
//!   the query URL with `/sparql` replaced by `/sparql-graph-crud`
//!   (Virtuoso) or `/query` by `/store` (Oxigraph server);
//! - `ACTORGRAPH_STORE_USER`, `ACTORGRAPH_STORE_PASSWORD`: HTTP Basic
//!   credentials sent with every request;
//! - `ACTORGRAPH_STORE_TIMEOUT`: seconds one request may take (default 300).

use std::io::Read;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad, Term, Triple};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};

use crate::error::{Error, Result};

/// The graph holding the rules stamp of a remote store.
pub const RULES_GRAPH: &str = "https://w3id.org/actorgraph/graph/rules";
const RULES_STAMP: &str = "https://w3id.org/actorgraph/graph/rules#stamp";

/// Attempts of one request before its error is reported.
pub const ATTEMPTS: u32 = 5;
/// The wait before the first retry; it doubles at each retry.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// Rows asked for per page of a listing (below every server's row cap
/// we know of: Virtuoso's default `ResultSetMaxRows` is 10000).
const PAGE: usize = 1000;
/// Graphs read back with at least this many triples are counted too, in
/// case the server cut the answer (see [`Client::get_graph`]).
const CHECK_GRAPHS_FROM: usize = 1000;

/// Whether a `--store` value names a server rather than a folder.
pub fn is_remote(location: &str) -> bool {
    location.starts_with("http://") || location.starts_with("https://")
}

/// The URLs of a remote store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    /// SPARQL 1.1 Query (the `--store` URL).
    pub query: String,
    /// SPARQL 1.1 Graph Store HTTP Protocol.
    pub graph_store: String,
}

impl Endpoint {
    /// The endpoint of a `--store` URL, with the graph store URL from
    /// `graph_store` (the value of `ACTORGRAPH_GRAPH_STORE_URL`) or guessed
    /// from the query URL.
    pub fn new(query: &str, graph_store: Option<&str>) -> Result<Endpoint> {
        let usage = |m: String| Error::Usage(format!("--store {query}: {m}"));
        if query.starts_with("https://") {
            return Err(usage(
                "https is not supported by this build; reach the server over http:// (a tunnel or the team's network)".into(),
            ));
        }
        if !query.starts_with("http://") || query.len() <= "http://".len() {
            return Err(usage("not an http:// URL".into()));
        }
        let graph_store = match graph_store.filter(|g| !g.is_empty()) {
            Some(g) if g.starts_with("http://") => g.to_string(),
            Some(g) => {
                return Err(usage(format!(
                    "ACTORGRAPH_GRAPH_STORE_URL={g} is not an http:// URL"
                )));
            }
            None => {
                let base = query.split(['?', '#']).next().unwrap_or(query);
                if let Some(root) = base.strip_suffix("/sparql") {
                    format!("{root}/sparql-graph-crud")
                } else if let Some(root) = base.strip_suffix("/query") {
                    format!("{root}/store")
                } else {
                    return Err(usage(
                        "cannot guess the Graph Store Protocol URL from this query URL; set ACTORGRAPH_GRAPH_STORE_URL".into(),
                    ));
                }
            }
        };
        Ok(Endpoint {
            query: query.to_string(),
            graph_store,
        })
    }

    /// [`Endpoint::new`] with the graph store URL from the environment.
    pub fn from_env(query: &str) -> Result<Endpoint> {
        let gs = std::env::var("ACTORGRAPH_GRAPH_STORE_URL").ok();
        Endpoint::new(query, gs.as_deref())
    }
}

/// A blocking client of one remote store.
pub(crate) struct Client {
    endpoint: Endpoint,
    agent: ureq::Agent,
    auth: Option<String>,
    timeout: Duration,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

/// What a request sends.
enum Send<'a> {
    Nothing,
    Body(&'a [u8], &'static str),
    Form(&'a [(&'a str, &'a str)]),
}

/// A failed attempt: retry it or not.
enum Attempt {
    Retry(String),
    Fail(String),
}

impl Client {
    pub(crate) fn new(endpoint: Endpoint) -> Result<Client> {
        let timeout = match std::env::var("ACTORGRAPH_STORE_TIMEOUT") {
            Ok(s) => match s.trim().parse::<f64>() {
                Ok(t) if t.is_finite() && t > 0.0 && t < 1e6 => Duration::from_secs_f64(t),
                _ => {
                    return Err(Error::Usage(format!(
                        "ACTORGRAPH_STORE_TIMEOUT={s} is not a positive number of seconds"
                    )));
                }
            },
            Err(_) => Duration::from_secs(300),
        };
        let credentials = std::env::var("ACTORGRAPH_STORE_USER").ok().map(|u| {
            let p = std::env::var("ACTORGRAPH_STORE_PASSWORD").unwrap_or_default();
            (u, p)
        });
        Ok(Client::with(endpoint, credentials, timeout))
    }

    /// A client with these credentials (user, password) and request timeout.
    fn with(
        endpoint: Endpoint,
        credentials: Option<(String, String)>,
        timeout: Duration,
    ) -> Client {
        let auth =
            credentials.map(|(u, p)| format!("Basic {}", base64(format!("{u}:{p}").as_bytes())));
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .into();
        Client {
            endpoint,
            agent,
            auth,
            timeout,
        }
    }

    /// The query URL (what `--store` said).
    pub(crate) fn url(&self) -> &str {
        &self.endpoint.query
    }

    fn error(&self, url: &str, message: String) -> Error {
        Error::Remote {
            url: url.to_string(),
            message,
        }
    }

    /// Sends one request, retrying on 5xx, connection errors and
    /// timeouts. Returns the status and body of any answer below 500.
    fn request(
        &self,
        method: &str,
        url: &str,
        params: &[(&str, &str)],
        accept: &str,
        send: Send<'_>,
        timeout: Option<Duration>,
    ) -> Result<(u16, Vec<u8>)> {
        let what = match params.iter().find(|(k, _)| *k == "graph") {
            Some((_, g)) => format!("{method} graph <{g}>"),
            None => method.to_string(),
        };
        let mut wait = FIRST_BACKOFF;
        let mut attempt = 1;
        loop {
            match self.attempt(method, url, params, accept, &send, timeout) {
                Ok(answer) => return Ok(answer),
                Err(Attempt::Fail(m)) => return Err(self.error(url, format!("{what}: {m}"))),
                Err(Attempt::Retry(m)) if attempt >= ATTEMPTS => {
                    return Err(self.error(
                        url,
                        format!("{what}: {m} (gave up after {ATTEMPTS} attempts)"),
                    ));
                }
                Err(Attempt::Retry(_)) => {
                    std::thread::sleep(wait);
                    wait *= 2;
                    attempt += 1;
                }
            }
        }
    }

    fn attempt(
        &self,
        method: &str,
        url: &str,
        params: &[(&str, &str)],
        accept: &str,
        send: &Send<'_>,
        timeout: Option<Duration>,
    ) -> std::result::Result<(u16, Vec<u8>), Attempt> {
        let bad = |e: ureq::http::Error| Attempt::Fail(e.to_string());
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("Accept", accept);
        if let Some(a) = &self.auth {
            builder = builder.header("Authorization", a);
        }
        let uri = {
            let mut u = url.to_string();
            for (i, (k, v)) in params.iter().enumerate() {
                u.push(if i == 0 && !url.contains('?') {
                    '?'
                } else {
                    '&'
                });
                u.push_str(&encode(k));
                u.push('=');
                u.push_str(&encode(v));
            }
            u
        };
        builder = builder.uri(uri);
        let body: Vec<u8> = match send {
            Send::Nothing => Vec::new(),
            Send::Body(b, ty) => {
                builder = builder.header("Content-Type", *ty);
                b.to_vec()
            }
            Send::Form(fields) => {
                builder = builder.header("Content-Type", "application/x-www-form-urlencoded");
                fields
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                    .collect::<Vec<_>>()
                    .join("&")
                    .into_bytes()
            }
        };
        let request = builder.body(body).map_err(bad)?;
        let mut request = self.agent.configure_request(request);
        if let Some(t) = timeout {
            request = request.timeout_global(Some(t.min(self.timeout)));
        }
        let answer = self.agent.run(request.build());
        match answer {
            Ok(mut resp) => {
                let status = resp.status().as_u16();
                let mut body = Vec::new();
                resp.body_mut()
                    .as_reader()
                    .read_to_end(&mut body)
                    .map_err(|e| Attempt::Retry(format!("reading the answer: {e}")))?;
                if status >= 500 {
                    Err(Attempt::Retry(format!("HTTP {status}: {}", snippet(&body))))
                } else {
                    Ok((status, body))
                }
            }
            Err(
                e @ (ureq::Error::Timeout(_)
                | ureq::Error::Io(_)
                | ureq::Error::ConnectionFailed
                | ureq::Error::Protocol(_)),
            ) => Err(Attempt::Retry(e.to_string())),
            Err(e) => Err(Attempt::Fail(e.to_string())),
        }
    }

    /// Replaces the graph `graph` with `triples` (one request: the server
    /// holds the old graph or the new one, never a mix).
    pub(crate) fn put_graph(&self, graph: &str, triples: &[u8]) -> Result<()> {
        let url = &self.endpoint.graph_store;
        let (status, body) = self.request(
            "PUT",
            url,
            &[("graph", graph)],
            "*/*",
            Send::Body(triples, "application/n-triples"),
            None,
        )?;
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(self.error(
                url,
                format!("PUT graph <{graph}>: HTTP {status}: {}", snippet(&body)),
            ))
        }
    }

    /// Deletes the graph `graph`; whether it existed.
    pub(crate) fn delete_graph(&self, graph: &str) -> Result<bool> {
        let url = &self.endpoint.graph_store;
        let (status, body) = self.request(
            "DELETE",
            url,
            &[("graph", graph)],
            "*/*",
            Send::Nothing,
            None,
        )?;
        match status {
            200..=299 => Ok(true),
            404 => Ok(false),
            _ => Err(self.error(
                url,
                format!("DELETE graph <{graph}>: HTTP {status}: {}", snippet(&body)),
            )),
        }
    }

    /// The triples of the graph `graph`, as quads in that graph (empty when
    /// the server has no such graph).
    pub(crate) fn get_graph(&self, graph: &NamedNode) -> Result<Vec<Quad>> {
        let url = &self.endpoint.graph_store;
        let (status, body) = self.request(
            "GET",
            url,
            &[("graph", graph.as_str())],
            "application/n-triples",
            Send::Nothing,
            None,
        )?;
        match status {
            200..=299 => {}
            404 => return Ok(Vec::new()),
            _ => {
                return Err(self.error(
                    url,
                    format!(
                        "GET graph <{}>: HTTP {status}: {}",
                        graph.as_str(),
                        snippet(&body)
                    ),
                ));
            }
        }
        let g = GraphName::NamedNode(graph.clone());
        let quads = RdfParser::from_format(RdfFormat::NTriples)
            .for_slice(&body)
            .map(|q| {
                q.map(|q| Quad::new(q.subject, q.predicate, q.object, g.clone()))
                    .map_err(|e| {
                        self.error(
                            url,
                            format!("GET graph <{}>: unreadable N-Triples: {e}", graph.as_str()),
                        )
                    })
            })
            .collect::<Result<Vec<Quad>>>()?;
        // Virtuoso cuts a GET at its `ResultSetMaxRows` (10000 by default)
        // without a word: a large graph is counted, and a short one refused.
        if quads.len() >= CHECK_GRAPHS_FROM {
            let n = self.count(&format!(
                "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
                graph.as_str()
            ))?;
            if n != quads.len() {
                return Err(self.error(
                    url,
                    format!(
                        "GET graph <{}> gave {} of its {n} triples: the server cut its answer; raise its row limit (Virtuoso: ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)",
                        graph.as_str(),
                        quads.len()
                    ),
                ));
            }
        }
        Ok(quads)
    }

    /// Sends a query (SPARQL 1.1 Protocol, POST form) and returns the raw
    /// answer in the `accept` format.
    pub(crate) fn query_raw(
        &self,
        query: &str,
        params: &[(&str, &str)],
        accept: &str,
        timeout: Option<Duration>,
    ) -> Result<Vec<u8>> {
        let url = &self.endpoint.query;
        let mut fields = vec![("query", query)];
        fields.extend_from_slice(params);
        let (status, body) =
            self.request("POST", url, &[], accept, Send::Form(&fields), timeout)?;
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(self.error(url, format!("query: HTTP {status}: {}", snippet(&body))))
        }
    }

    /// The rows of a SELECT query, with the values of `vars` in each.
    pub(crate) fn select(&self, query: &str, vars: &[&str]) -> Result<Vec<Vec<Option<Term>>>> {
        let body = self.query_raw(query, &[], "application/sparql-results+json", None)?;
        let url = &self.endpoint.query;
        let bad = |e: String| self.error(url, format!("unreadable query results: {e}"));
        let parsed = QueryResultsParser::from_format(QueryResultsFormat::Json)
            .for_reader(body.as_slice())
            .map_err(|e| bad(e.to_string()))?;
        let ReaderQueryResultsParserOutput::Solutions(solutions) = parsed else {
            return Err(bad("a boolean where solutions were expected".into()));
        };
        let mut out = Vec::new();
        for s in solutions {
            let s = s.map_err(|e| bad(e.to_string()))?;
            out.push(vars.iter().map(|v| s.get(*v).cloned()).collect());
        }
        Ok(out)
    }

    /// One number from a `SELECT (COUNT(…) AS ?n)` query.
    pub(crate) fn count(&self, query: &str) -> Result<usize> {
        let rows = self.select(query, &["n"])?;
        match rows.first().and_then(|r| r.first()).cloned().flatten() {
            Some(Term::Literal(l)) => l.value().parse().map_err(|_| {
                self.error(&self.endpoint.query, format!("not a count: {}", l.value()))
            }),
            _ => Ok(0),
        }
    }

    /// Every stored document: (graph IRI, document id, content hash), in
    /// graph order, read page by page (key-set paging on the graph IRI, so
    /// that a server's row cap never truncates the list silently).
    pub(crate) fn documents(&self) -> Result<Vec<(String, String, String)>> {
        let mut out: Vec<(String, String, String)> = Vec::new();
        loop {
            let after = out.last().map(|(g, _, _)| g.clone()).unwrap_or_default();
            let query = format!(
                "PREFIX ag: <{ag}>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n\
                 SELECT ?g ?id ?sha WHERE {{ GRAPH ?g {{ ?g a ag:Document ; dcterms:identifier ?id ; ag:sha256 ?sha }} \
                 FILTER (STR(?g) > \"{after}\") }} ORDER BY STR(?g) LIMIT {PAGE}",
                ag = crate::model::ns::AG,
                after = escape_literal(&after),
            );
            let rows = self.select(&query, &["g", "id", "sha"])?;
            if rows.is_empty() {
                break;
            }
            let before = out.len();
            for row in rows {
                if let [
                    Some(Term::NamedNode(g)),
                    Some(Term::Literal(id)),
                    Some(Term::Literal(sha)),
                ] = row.as_slice()
                {
                    out.push((g.as_str().into(), id.value().into(), sha.value().into()));
                }
            }
            if out.len() == before || out.last().map(|(g, _, _)| g.as_str()) <= Some(after.as_str())
            {
                // No progress: the server ignored the filter; stop rather than loop.
                break;
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The rules stamp stored in [`RULES_GRAPH`], if any.
    pub(crate) fn rules_stamp(&self) -> Result<Option<String>> {
        let g = NamedNode::new_unchecked(RULES_GRAPH);
        Ok(self
            .get_graph(&g)?
            .into_iter()
            .find_map(|q| match q.object {
                Term::Literal(l) if q.predicate.as_str() == RULES_STAMP => {
                    Some(l.value().to_string())
                }
                _ => None,
            }))
    }

    /// Stores the rules stamp in [`RULES_GRAPH`].
    pub(crate) fn set_rules_stamp(&self, stamp: &str) -> Result<()> {
        let t = Triple::new(
            NamedNode::new_unchecked(RULES_GRAPH),
            NamedNode::new_unchecked(RULES_STAMP),
            oxigraph::model::Literal::new_simple_literal(stamp),
        );
        self.put_graph(RULES_GRAPH, &ntriples([&t])?)
    }
}

/// Triples as an N-Triples document.
pub(crate) fn ntriples<'a>(triples: impl IntoIterator<Item = &'a Triple>) -> Result<Vec<u8>> {
    let err = |e: std::io::Error| Error::Store {
        path: "(remote)".into(),
        message: format!("cannot serialize N-Triples: {e}"),
    };
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for t in triples {
        w.serialize_triple(t).map_err(err)?;
    }
    w.finish().map_err(err)
}

/// The first few hundred characters of an answer, on one line.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut s: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.len() > 300 {
        let mut end = 300;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    crate::terminal::escape_controls(&s).into_owned()
}

/// A string inside a SPARQL string literal.
fn escape_literal(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Percent-encoding of a URL query component.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Standard base64 (for the Basic credentials).
fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_store_url_is_guessed_or_taken_from_the_environment() {
        let v = Endpoint::new("http://h:8890/sparql", None).expect("virtuoso");
        assert_eq!(v.graph_store, "http://h:8890/sparql-graph-crud");
        let o = Endpoint::new("http://h:7878/query", None).expect("oxigraph");
        assert_eq!(o.graph_store, "http://h:7878/store");
        let f = Endpoint::new("http://h/ds/sparql", Some("http://h/ds/data")).expect("fuseki");
        assert_eq!(f.graph_store, "http://h/ds/data");
        let e = Endpoint::new("http://h/ds/q", None).expect_err("no guess");
        assert!(e.to_string().contains("ACTORGRAPH_GRAPH_STORE_URL"), "{e}");
        let e = Endpoint::new("https://h/sparql", None).expect_err("no tls");
        assert!(e.to_string().contains("https"), "{e}");
        assert!(is_remote("http://x/sparql") && !is_remote("store") && !is_remote("nquads:s"));
    }

    #[test]
    fn encodings() {
        assert_eq!(base64(b"dba:dba"), "ZGJhOmRiYQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(encode("http://a/b?c=d e"), "http%3A%2F%2Fa%2Fb%3Fc%3Dd%20e");
        assert_eq!(escape_literal("a\"b\\"), "a\\\"b\\\\");
        assert_eq!(snippet(b"a\n\n b"), "a b");
    }

    /// A server on a free loopback port that answers each request (one per
    /// connection) with the next status of `statuses`, and hands back the
    /// requests it read.
    fn scripted(statuses: &[u16]) -> (String, std::thread::JoinHandle<Vec<String>>) {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}/sparql", listener.local_addr().expect("addr"));
        let statuses = statuses.to_vec();
        let server = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for status in statuses {
                let (stream, _) = listener.accept().expect("accept");
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut head = String::new();
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    reader.read_line(&mut line).expect("read");
                    if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                    head.push_str(&line);
                    if line == "\r\n" || line.is_empty() {
                        break;
                    }
                }
                let mut body = vec![0u8; length];
                std::io::Read::read_exact(&mut reader, &mut body).expect("body");
                seen.push(format!("{head}{}", String::from_utf8_lossy(&body)));
                let mut stream = stream;
                write!(
                    stream,
                    "HTTP/1.1 {status} X\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy"
                )
                .expect("answer");
            }
            seen
        });
        (url, server)
    }

    #[test]
    fn writes_retry_on_5xx_and_send_the_credentials() {
        let (url, server) = scripted(&[503, 500, 201]);
        let endpoint = Endpoint::new(&url, None).expect("endpoint");
        let client = Client::with(
            endpoint,
            Some(("ag".into(), "s3cret".into())),
            Duration::from_secs(10),
        );
        client
            .put_graph(
                "https://w3id.org/actorgraph/doc/x",
                b"<a:s> <a:p> <a:o> .\n",
            )
            .expect("stored on the third attempt");
        let seen = server.join().expect("server");
        assert_eq!(seen.len(), 3);
        for request in &seen {
            assert!(
                request.starts_with(
                    "PUT /sparql-graph-crud?graph=https%3A%2F%2Fw3id.org%2Factorgraph%2Fdoc%2Fx HTTP/1.1"
                ),
                "{request}"
            );
            // base64("ag:s3cret")
            assert!(request.contains("YWc6czNjcmV0"), "{request}");
            assert!(
                request
                    .to_ascii_lowercase()
                    .contains("content-type: application/n-triples")
            );
            assert!(request.ends_with("<a:s> <a:p> <a:o> .\n"), "{request}");
        }
    }

    #[test]
    fn a_4xx_is_not_retried_and_names_url_status_and_graph() {
        let (url, server) = scripted(&[401]);
        let client = Client::with(
            Endpoint::new(&url, None).expect("endpoint"),
            Some(("ag".into(), "s3cret".into())),
            Duration::from_secs(10),
        );
        let e = client
            .delete_graph("https://w3id.org/actorgraph/doc/y")
            .expect_err("401");
        assert_eq!(server.join().expect("server").len(), 1);
        let text = e.to_string();
        assert!(text.contains("/sparql-graph-crud"), "{text}");
        assert!(
            text.contains("HTTP 401") && text.contains("doc/y"),
            "{text}"
        );
        assert!(
            !text.contains("s3cret") && !text.contains("YWc6czNjcmV0"),
            "{text}"
        );
    }

    #[test]
    fn a_server_that_is_not_there_is_an_error_naming_the_url() {
        // A port nobody listens on: connection refused, retried, then reported.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let url = format!("http://127.0.0.1:{port}/sparql");
        let client = Client::new(Endpoint::new(&url, None).expect("endpoint")).expect("client");
        let t = std::time::Instant::now();
        let e = client
            .put_graph("https://w3id.org/actorgraph/doc/x", b"")
            .expect_err("refused");
        let text = e.to_string();
        assert!(
            text.contains(&format!("127.0.0.1:{port}/sparql-graph-crud")),
            "{text}"
        );
        assert!(
            text.contains("PUT graph <https://w3id.org/actorgraph/doc/x>"),
            "{text}"
        );
        assert!(text.contains("attempts"), "{text}");
        // Backoff: 0.25 + 0.5 + 1 + 2 s between the five attempts.
        assert!(
            t.elapsed() >= Duration::from_millis(3500),
            "{:?}",
            t.elapsed()
        );
    }
}
