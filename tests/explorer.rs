//! The explorer page, driven in Debian's headless Chromium by
//! `tests/explorer/explorer.test.cjs` (puppeteer-core; `tests/run.sh`
//! installs Chromium and the npm driver): the seed graph renders, search by
//! an Arabic alias, an edge's Arabic evidence, the modality filter, and the
//! static `graph.html` from `file://` with the network blocked. Also the
//! explorer's HTTP API, answered by `actorgraph serve`, the static page's
//! determinism, and a generated graph of over a thousand actors.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// The seeds and one article stating Turkey → Bayraktar TB2 with a title and
/// a URL (the seeds name the drones but state no sale).
const FIXTURE: &str = "tests/data/explorer/turkey-drones.jsonl";

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn build(dir: &Path) {
    let out = common::actorgraph()
        .args(["build", "seeds", FIXTURE, "--no-exports", "--store"])
        .arg(dir.join("store"))
        .output()
        .expect("actorgraph runs");
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn export_html(dir: &Path, out: &Path) {
    let res = common::actorgraph()
        .arg("--store")
        .arg(dir.join("store"))
        .args(["export", "--format", "html", "-o"])
        .arg(out)
        .output()
        .expect("actorgraph runs");
    assert!(
        res.status.success(),
        "export failed:\n{}",
        String::from_utf8_lossy(&res.stderr)
    );
}

fn serve(store: &Path) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("actorgraph"))
        .current_dir(common::repo())
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(store)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("a first line");
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .and_then(|u| u.strip_suffix("/sparql"))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    Server { child, addr }
}

/// A plain HTTP/1.0 GET: (status, content type, body).
fn get(addr: &str, target: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connects");
    write!(s, "GET {target} HTTP/1.0\r\nHost: {addr}\r\n\r\n").expect("sends");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("reads");
    let text = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("headers end");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status");
    let ctype = head
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_default();
    (status, ctype, body.to_string())
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn served_api_answers_the_page_the_network_and_one_edge() {
    let tmp = tempfile::tempdir().expect("tempdir");
    build(tmp.path());
    let server = serve(&tmp.path().join("store"));
    let addr = server.addr.as_str();

    let (code, ctype, body) = get(addr, "/");
    assert_eq!(code, 200);
    assert!(ctype.starts_with("text/html"), "{ctype}");
    assert!(
        body.contains("<div id=\"graph\">"),
        "{}",
        &body[..body.len().min(300)]
    );
    assert!(
        !body.contains("<script id=\"ag-data\""),
        "the served page fetches its data"
    );
    assert!(
        !body.contains("<script src"),
        "the page loads no script from elsewhere"
    );

    // SPARQL still answers at / when asked a query.
    let (code, ctype, body) = get(addr, &format!("/?query={}", enc("ASK { ?s ?p ?o }")));
    assert_eq!(code, 200, "{body}");
    assert!(ctype.contains("sparql-results+json"), "{ctype}");

    let (code, ctype, body) = get(addr, "/api/graph");
    assert_eq!(code, 200, "{body}");
    assert!(ctype.starts_with("application/json"));
    let data: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(data["evidence_mode"], "api");
    assert!(data.get("evidence").is_none(), "no evidence in the network");
    let nodes = data["nodes"].as_array().expect("nodes");
    let edges = data["edges"].as_array().expect("edges");
    let label = |i: &serde_json::Value| nodes[i.as_u64().expect("index") as usize]["label"].clone();
    let sold = edges
        .iter()
        .find(|e| label(&e["s"]) == "Turkey" && label(&e["o"]) == "Bayraktar TB2")
        .expect("Turkey → Bayraktar TB2 in /api/graph");
    let rel = &data["relations"][sold["r"].as_u64().expect("r") as usize]["name"];
    let iri = |i: &serde_json::Value| {
        nodes[i.as_u64().expect("index") as usize]["id"]
            .as_str()
            .expect("id")
            .to_string()
    };
    let q = format!(
        "/api/edge?s={}&r={}&o={}",
        enc(&iri(&sold["s"])),
        enc(rel.as_str().expect("name")),
        enc(&iri(&sold["o"]))
    );
    let (code, _, body) = get(addr, &q);
    assert_eq!(code, 200, "{body}");
    let ev: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let sts = ev["statements"].as_array().expect("statements");
    assert_eq!(sts.len() as u64, sold["n"].as_u64().expect("n"));
    let first = &sts[0];
    let sentence = first["sentence"].as_str().expect("sentence");
    assert!(sentence.contains("بيرقدار"), "{sentence}");
    let focus: Vec<usize> = serde_json::from_value(first["focus"].clone()).expect("focus");
    let utf16: Vec<u16> = sentence.encode_utf16().collect();
    let marked = String::from_utf16(&utf16[focus[0]..focus[1]]).expect("focus on a char boundary");
    assert!(marked.contains("تركيا"), "focus {marked:?}");

    // Bad requests say what is wrong.
    let (code, _, body) = get(addr, "/api/edge?s=x");
    assert_eq!(code, 400);
    assert!(body.contains("needs s"), "{body}");
    let (code, _, body) = get(addr, "/api/edge?s=a&r=b&o=c");
    assert_eq!(code, 404);
    assert!(body.contains("no pos edge a b c"), "{body}");
    let (code, _, _) = get(addr, "/api/edge?s=%ZZ");
    assert_eq!(code, 400);
    let (code, _, body) = get(addr, "/api/edge?s=a&r=b&o=c&p=maybe");
    assert_eq!(code, 400, "{body}");
}

#[test]
fn static_page_is_self_contained_and_deterministic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    build(tmp.path());
    let (a, b) = (tmp.path().join("a.html"), tmp.path().join("b.html"));
    export_html(tmp.path(), &a);
    export_html(tmp.path(), &b);
    let page = std::fs::read_to_string(&a).expect("page");
    assert_eq!(
        page,
        std::fs::read_to_string(&b).expect("page"),
        "same store, same page"
    );
    assert!(page.contains("id=\"ag-data\"") && page.contains("\"evidence_mode\":\"inline\""));
    assert!(page.contains("بيرقدار"), "the evidence is inlined");
    for lib in ["graphology", "sigma", "forceatlas2", "explorer"] {
        assert!(
            page.contains(&format!("data-lib=\"{lib}\"")),
            "{lib} inlined"
        );
    }
    assert!(!page.contains("<script src") && !page.contains("<link rel=\"stylesheet\""));
}

/// The page in headless Chromium, served and from `file://`.
#[test]
fn chromium_drives_the_explorer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    build(tmp.path());
    let html = tmp.path().join("graph.html");
    export_html(tmp.path(), &html);
    let server = serve(&tmp.path().join("store"));
    let script = common::repo().join("tests/explorer/explorer.test.cjs");
    assert!(
        common::repo()
            .join("tests/explorer/node_modules/puppeteer-core")
            .is_dir(),
        "puppeteer-core is not installed: run tests/run.sh (or npm ci --prefix tests/explorer)"
    );
    let mut cmd = Command::new("node");
    cmd.current_dir(common::repo())
        .arg(&script)
        .arg("--served")
        .arg(format!("http://{}/", server.addr))
        .arg("--static")
        .arg(&html);
    if let Some(dir) = std::env::var_os("ACTORGRAPH_SCREENSHOTS") {
        cmd.arg("--screenshots").arg(dir);
    }
    let out = common::run_ok(&mut cmd);
    assert!(out.contains("served explorer: ok"), "{out}");
    assert!(
        out.contains("static explorer (file://, offline): ok"),
        "{out}"
    );
}

/// A graph of over a thousand actors: a generated corpus whose local
/// militias and commanders (`actorgraph-corpus --actors`) recognition
/// discovers, short articles so that the debug build stays quick. The page
/// draws it in the big graph's way, and a click on an actor opens its panel.
#[test]
fn chromium_draws_a_graph_of_thousands_of_actors() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus.jsonl");
    let mut corpus_cmd = Command::new(assert_cmd::cargo::cargo_bin("actorgraph-corpus"));
    corpus_cmd
        .current_dir(common::repo())
        .args(["--docs", "800", "--seed", "5", "--actors", "3000"])
        .args(["--min-bytes", "1200", "--max-bytes", "2000", "-o"])
        .arg(&corpus);
    common::run_ok(&mut corpus_cmd);
    let res = common::actorgraph()
        .args(["build", "--no-exports", "--store"])
        .arg(tmp.path().join("store"))
        .arg(&corpus)
        .output()
        .expect("actorgraph runs");
    assert!(
        res.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let server = serve(&tmp.path().join("store"));
    let mut cmd = Command::new("node");
    cmd.current_dir(common::repo())
        .arg(common::repo().join("tests/explorer/explorer.test.cjs"))
        .arg("--big")
        .arg(format!("http://{}/", server.addr));
    let out = common::run_ok(&mut cmd);
    assert!(out.contains("big explorer: ok"), "{out}");
}
