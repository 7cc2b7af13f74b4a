//! `actorgraph serve`: the SPARQL 1.1 Protocol driven by curl and by
//! SPARQLWrapper, content negotiation, refusals (updates, SERVICE, size,
//! time), and that the server survives all of them.

mod common;
mod storefix;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `actorgraph serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the endpoint on a free loopback port (`--bind 127.0.0.1:0`) and
/// reads the URL it prints.
fn serve(store: &Path, extra: &[&str]) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("actorgraph"))
        .current_dir(common::repo())
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(store)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("a first line");
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    Server { child, url }
}

/// Runs curl with `args`, returning (status, body).
fn curl(args: &[&str]) -> (u16, String) {
    let out = Command::new("curl")
        .args(["-s", "--max-time", "30", "-o", "-", "-w", "\n%{http_code}"])
        .args(args)
        .output()
        .expect("curl runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').expect("a status line");
    (
        code.trim().parse().expect("an HTTP status"),
        body.to_string(),
    )
}

const SELECT: &str = "SELECT DISTINCT ?s ?o WHERE { ?s ag:supports ?o }";

#[test]
fn curl_gets_answers_in_each_format() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    storefix::fixture_store(&store);
    let server = serve(&store, &[]);
    let url = server.url.as_str();

    // GET, JSON by default.
    let (code, body) = curl(&["-G", url, "--data-urlencode", &format!("query={SELECT}")]);
    assert_eq!(code, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("JSON results");
    let rows = v["results"]["bindings"].as_array().expect("bindings");
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0]["s"]["value"],
        "https://w3id.org/actorgraph/actor/Russia"
    );

    // POST application/sparql-query, XML by Accept.
    let (code, body) = curl(&[
        url,
        "-H",
        "Content-Type: application/sparql-query",
        "-H",
        "Accept: application/sparql-results+xml",
        "--data-binary",
        SELECT,
    ]);
    assert_eq!(code, 200, "{body}");
    assert_eq!(body.matches("<result>").count(), 1, "{body}");

    // POST a form, CSV and TSV by Accept (q values).
    let (code, body) = curl(&[
        url,
        "-H",
        "Accept: text/csv;q=0.5, text/tab-separated-values",
        "--data-urlencode",
        &format!("query={SELECT}"),
    ]);
    assert_eq!(code, 200, "{body}");
    assert!(body.starts_with("?s\t?o\n"), "{body}");
    let (code, body) = curl(&[
        "-G",
        url,
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT ?text WHERE { ?s ag:text ?text FILTER(CONTAINS(?text, \"روسيا\")) }",
    ]);
    assert_eq!(code, 200, "{body}");
    assert!(
        body.starts_with("text\r\n") && body.contains("روسيا تدعم مالي"),
        "{body}"
    );

    // ASK and CONSTRUCT.
    let (code, body) = curl(&[
        "-G",
        url,
        "--data-urlencode",
        "query=ASK { actor:France ag:alliedWith actor:Mali }",
    ]);
    assert_eq!(
        (code, body.contains("\"boolean\":false")),
        (200, true),
        "{body}"
    );
    let (code, body) = curl(&[
        "-G",
        url,
        "-H",
        "Accept: application/n-triples",
        "--data-urlencode",
        "query=CONSTRUCT { ?s ag:alliedWith ?o } WHERE { ?s ag:alliedWith ?o }",
    ]);
    assert_eq!(code, 200, "{body}");
    assert_eq!(body.lines().count(), 2, "{body}");
    assert!(body.lines().all(|l| l.ends_with(" .")), "{body}");
    let (code, body) = curl(&[
        "-G",
        url,
        "-H",
        "Accept: text/turtle",
        "--data-urlencode",
        "query=DESCRIBE actor:Russia",
    ]);
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("@prefix"), "{body}");

    // default-graph-uri narrows the default graph to one document.
    let doc_c = storefix::document("doc-c", storefix::DOC_C_TEXT).iri();
    let (code, body) = curl(&[
        "-G",
        url,
        "-H",
        "Accept: text/csv",
        "--data-urlencode",
        "query=SELECT (COUNT(*) AS ?n) { ?s a ag:Statement }",
        "--data-urlencode",
        &format!("default-graph-uri={doc_c}"),
    ]);
    assert_eq!((code, body.as_str()), (200, "n\r\n2\r\n"));
}

#[test]
fn curl_gets_clear_refusals_and_the_server_survives() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    storefix::fixture_store(&store);
    let server = serve(&store, &["--timeout", "1", "--max-request", "4096"]);
    let url = server.url.as_str();

    let cases: Vec<(Vec<String>, u16, &str)> = vec![
        // Updates, three ways.
        (
            vec![
                url.into(),
                "-H".into(),
                "Content-Type: application/sparql-update".into(),
                "--data-binary".into(),
                "INSERT DATA { actor:A ag:supports actor:B }".into(),
            ],
            403,
            "read-only",
        ),
        (
            vec![
                url.into(),
                "--data-urlencode".into(),
                "update=DELETE WHERE { ?s ?p ?o }".into(),
            ],
            403,
            "read-only",
        ),
        (
            vec![
                url.into(),
                "--data-urlencode".into(),
                "query=DELETE WHERE { ?s ?p ?o }".into(),
            ],
            403,
            "read-only",
        ),
        // A syntax error names its position.
        (
            vec![
                "-G".into(),
                url.into(),
                "--data-urlencode".into(),
                "query=SELECT ?s\nWHERE { ?s ?p }".into(),
            ],
            400,
            "line 2, column",
        ),
        // No network.
        (
            vec![
                "-G".into(),
                url.into(),
                "--data-urlencode".into(),
                "query=SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }".into(),
            ],
            400,
            "SERVICE",
        ),
        // Too deep.
        (
            vec![
                "-G".into(),
                url.into(),
                "--data-urlencode".into(),
                format!("query=SELECT * {}{}", "{".repeat(500), "}".repeat(500)),
            ],
            400,
            "nests deeper",
        ),
        // Too large.
        (
            vec![
                url.into(),
                "-H".into(),
                "Content-Type: application/sparql-query".into(),
                "--data-binary".into(),
                format!("SELECT * {{ ?s ?p ?o }} #{}", "x".repeat(10_000)),
            ],
            413,
            "larger than 4096",
        ),
        // Too long.
        (
            vec![
                "-G".into(),
                url.into(),
                "--data-urlencode".into(),
                "query=SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
                    .into(),
            ],
            503,
            "timeout",
        ),
        // Wrong method, type, format.
        (
            vec!["-X".into(), "PUT".into(), url.into()],
            405,
            "GET and POST",
        ),
        (
            vec![
                url.into(),
                "-H".into(),
                "Content-Type: text/plain".into(),
                "--data-binary".into(),
                "ASK {}".into(),
            ],
            415,
            "Content-Type",
        ),
        (
            vec![
                "-G".into(),
                url.into(),
                "-H".into(),
                "Accept: image/png".into(),
                "--data-urlencode".into(),
                "query=ASK {}".into(),
            ],
            406,
            "Accept",
        ),
        (
            vec![
                "-G".into(),
                url.into(),
                "-H".into(),
                "Accept: application/sparql-results+json".into(),
                "--data-urlencode".into(),
                "query=CONSTRUCT WHERE { ?s ?p ?o }".into(),
            ],
            406,
            "turtle",
        ),
    ];
    for (args, status, needle) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, body) = curl(&args);
        assert_eq!(code, *status, "{args:?} → {body}");
        assert!(body.contains(needle), "{args:?} → {body}");
    }
    // Still serving, and nothing was written.
    let (code, body) = curl(&[
        "-G",
        url,
        "--data-urlencode",
        "query=ASK { actor:A ag:supports actor:B }",
    ]);
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("\"boolean\":false"), "{body}");
}

#[test]
fn sparqlwrapper_gets_answers() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    storefix::fixture_store(&store);
    let server = serve(&store, &[]);
    let out = common::run_ok(
        common::python()
            .arg("tests/clients/sparqlwrapper_client.py")
            .arg(&server.url),
    );
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("the client prints JSON");
    let rows = v["select_json"].as_array().expect("rows");
    assert_eq!(rows.len(), 2, "{v}");
    assert!(
        rows.iter()
            .all(|r| r["s"] == "https://w3id.org/actorgraph/actor/Russia")
    );
    assert!(rows.iter().any(|r| {
        r["text"]
            .as_str()
            .is_some_and(|t| t.contains("روسيا تدعم مالي"))
    }));
    assert_eq!(v["select_text_lang"], "ar");
    assert_eq!(
        v["select_xml_results"], 2,
        "one per document graph holding the triple"
    );
    assert_eq!(
        v["select_csv"]
            .as_str()
            .map(|s| s.lines().collect::<Vec<_>>()),
        Some(vec!["o", "https://w3id.org/actorgraph/actor/Russia"])
    );
    assert_eq!(v["ask_true"], true);
    assert_eq!(v["ask_negated"], false);
    assert_eq!(
        v["construct_triples"],
        serde_json::json!([[
            "https://w3id.org/actorgraph/actor/Russia",
            "https://w3id.org/actorgraph/ontology#supports",
            "https://w3id.org/actorgraph/actor/Mali"
        ]])
    );
    let update = v["update"].as_str().expect("a string");
    assert!(
        update.starts_with("refused") && update.contains("403"),
        "{update}"
    );
}

#[test]
fn the_endpoint_sees_a_new_build() {
    // An N-Quads store: a RocksDB reader holds its store, so that no build
    // can run meanwhile (`a_build_waits_for_a_rocksdb_endpoint`).
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = std::path::PathBuf::from(format!("nquads:{}", tmp.path().join("store").display()));
    storefix::fixture_store(&store);
    let server = serve(&store, &[]);
    let count = || {
        let (code, body) = curl(&[
            "-G",
            &server.url,
            "-H",
            "Accept: text/csv",
            "--data-urlencode",
            "query=SELECT (COUNT(*) AS ?n) { ?d a ag:Document }",
        ]);
        assert_eq!(code, 200, "{body}");
        body
    };
    assert_eq!(count(), "n\r\n3\r\n");
    {
        let onto = storefix::ontology();
        let mut s = actorgraph::store::Store::open(&store).expect("a writer may open it");
        s.put(
            &storefix::small("doc-d", "قالت مصادر إن روسيا تدعم مالي."),
            &onto,
        )
        .expect("put");
        s.save().expect("save");
    }
    assert_eq!(count(), "n\r\n4\r\n");
}

#[test]
fn a_build_waits_for_a_rocksdb_endpoint() {
    // RocksDB must not be written while another process reads it: the
    // endpoint shares the store's lock, and a writer is told to wait.
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    storefix::fixture_store(&store);
    let _server = serve(&store, &[]);
    let out = common::actorgraph()
        .args(["remove", "doc-b", "--store"])
        .arg(&store)
        .output()
        .expect("remove runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("in use by another actorgraph process"),
        "{err}"
    );
}
