//! The explorer: the actor network on a web page (sigma.js and graphology,
//! vendored under `assets/vendor/`), every edge opening the Arabic
//! sentences that state it.
//!
//! Two ways to get it, one page: `actorgraph serve` answers [`route`] at `/`
//! (the page), `/api/graph` (the network) and `/api/edge` (one edge's
//! evidence, asked for on demand); `actorgraph export --format html` writes
//! [`static_page`], the same page with the network and every edge's
//! evidence inlined, which opens from disk with no server and no network.
//! Both read the network of [`crate::network`], as the other exports do.
//!
//! [`route`] knows no HTTP library: it maps a method, path and query string
//! to a [`Response`], so that the server around it may change freely.

pub mod data;
pub mod page;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use crate::error::{Error, Result};
use crate::model::Polarity;
use crate::network::Filter;
use crate::ontology::Ontology;
use crate::store::Store;

pub use data::{Model, PageData};

/// An answer to a request, whatever server sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    fn ok(content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status: 200,
            content_type,
            body,
        }
    }
    fn text(status: u16, message: impl Into<String>) -> Response {
        let mut body = message.into().into_bytes();
        body.push(b'\n');
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body,
        }
    }
}

const JSON: &str = "application/json; charset=utf-8";
const HTML: &str = "text/html; charset=utf-8";

/// The explorer's answer to a request, or `None` when the request is not
/// the explorer's (SPARQL, other methods): the caller handles it then.
///
/// - `GET /` (without a `query` parameter, which is SPARQL's), `/explorer`:
///   the page;
/// - `GET /api/graph`: the network, as [`PageData`] JSON;
/// - `GET /api/edge?s=IRI&r=RELATION&o=IRI[&p=neg]`: the statements behind
///   one edge, with their sentences.
///
/// The network is read from the store once and kept until the store
/// changes on disk.
pub fn route(method: &str, path: &str, query: &str, store: &Store) -> Option<Response> {
    if !matches!(method, "GET" | "HEAD") {
        return None;
    }
    let params = crate::form::parse_form(query);
    match path {
        "/" | "/explorer" | "/explorer/" => {
            let sparql = params
                .as_ref()
                .is_ok_and(|p| p.iter().any(|(k, _)| k == "query" || k == "update"));
            if sparql {
                return None;
            }
            Some(Response::ok(HTML, page::served_page().into_bytes()))
        }
        "/api/graph" => Some(match served(store) {
            Ok(m) => Response::ok(JSON, m.graph_json.clone()),
            Err(e) => Response::text(500, format!("/api/graph: {e}")),
        }),
        "/api/edge" => Some(match params {
            Ok(p) => edge(store, &p),
            Err(e) => Response::text(400, format!("/api/edge: {e}")),
        }),
        _ => None,
    }
}

fn edge(store: &Store, params: &[(String, String)]) -> Response {
    let get = |k: &str| {
        params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    let (Some(s), Some(r), Some(o)) = (get("s"), get("r"), get("o")) else {
        return Response::text(
            400,
            "/api/edge needs s (subject IRI), r (relation) and o (object IRI); p=neg for a denied edge",
        );
    };
    let polarity = match get("p").unwrap_or("pos") {
        "pos" => Polarity::Pos,
        "neg" => Polarity::Neg,
        other => {
            return Response::text(
                400,
                format!("/api/edge: p must be pos or neg, not {other:?}"),
            );
        }
    };
    let m = match served(store) {
        Ok(m) => m,
        Err(e) => return Response::text(500, format!("/api/edge: {e}")),
    };
    let m = &m.model;
    let key = (s.to_string(), r.to_string(), o.to_string(), polarity);
    let Some(&i) = m.index.get(&key) else {
        return Response::text(
            404,
            format!(
                "/api/edge: no {} edge {s} {r} {o} in the store",
                polarity.as_str()
            ),
        );
    };
    let body = serde_json::json!({
        "edge": i,
        "statements": m.evidence[i],
    });
    Response::ok(JSON, body.to_string().into_bytes())
}

/// The ontology the served explorer names relations and classes with.
static ONTOLOGY: OnceLock<Arc<Ontology>> = OnceLock::new();

/// Sets the ontology the served explorer uses (`actorgraph serve` passes
/// the one given by `--ontology`); without it the explorer loads the
/// default folder ([`Ontology::locate`]) on its first request.
pub fn use_ontology(ontology: Ontology) {
    let _ = ONTOLOGY.set(Arc::new(ontology));
}

fn ontology() -> Result<Arc<Ontology>> {
    if let Some(o) = ONTOLOGY.get() {
        return Ok(Arc::clone(o));
    }
    let loaded = Arc::new(Ontology::load(&Ontology::locate(None))?);
    Ok(Arc::clone(ONTOLOGY.get_or_init(|| loaded)))
}

/// Which store a cached model was read from: its folder and the time its
/// file was last saved (a build that saves changes it).
type Key = (PathBuf, Option<SystemTime>);

/// What the server keeps: the model and its network as JSON, serialized once.
struct Served {
    model: Model,
    graph_json: Vec<u8>,
}

static CACHE: Mutex<Option<(Key, Arc<Served>)>> = Mutex::new(None);

fn key(store: &Store) -> Key {
    let path = store.path().to_path_buf();
    let saved = std::fs::metadata(path.join("graph.nq"))
        .and_then(|m| m.modified())
        .ok();
    (path, saved)
}

/// The model of `store`, read once and kept while the store is unchanged.
/// Requests that arrive while it is being read wait for it.
fn served(store: &Store) -> Result<Arc<Served>> {
    let k = key(store);
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((cached, m)) = cache.as_ref()
        && *cached == k
    {
        return Ok(Arc::clone(m));
    }
    let model = Model::build(store, &*ontology()?, &Filter::default())?;
    let graph_json = serde_json::to_vec(&model.data).map_err(|e| Error::Store {
        path: store.path().to_path_buf(),
        message: format!("cannot serialize the explorer's network: {e}"),
    })?;
    let m = Arc::new(Served { model, graph_json });
    *cache = Some((k, Arc::clone(&m)));
    Ok(m)
}

/// Reads the served explorer's network now, so that the first page load
/// does not wait for it (the server calls this before it listens).
pub fn prepare(store: &Store) -> Result<()> {
    served(store).map(|_| ())
}

/// The self-contained page of `store`'s network under `filter`: data,
/// evidence, scripts and styles inlined.
pub fn static_page(store: &Store, ontology: &Ontology, filter: &Filter) -> Result<Vec<u8>> {
    let model = Model::build(store, ontology, filter)?;
    let data = model.with_inline_evidence();
    let json = serde_json::to_string(&data).map_err(|e| Error::Export {
        format: "html".into(),
        message: e.to_string(),
    })?;
    Ok(page::static_page(&json).into_bytes())
}
