//! `actorgraph query`: forms, formats, errors with positions, refusals, the
//! timeout; and the shelf of example queries (ontology/queries/*.rq) on a
//! store built from the seeds.

mod common;
mod storefix;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use actorgraph::model::{Modality, Polarity};
use actorgraph::query::{self, Format, Limits};
use actorgraph::store::Store;

fn query(store: &Path, args: &[&str]) -> std::process::Output {
    common::actorgraph()
        .arg("query")
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("actorgraph runs")
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "query failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn failed(out: &std::process::Output) -> String {
    assert!(!out.status.success(), "the query should fail");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    storefix::fixture_store(&dir);
    (tmp, dir)
}

const SUPPORTS: &str = "SELECT DISTINCT ?s ?o ?t WHERE { ?s ag:supports ?o . ?st rdf:subject ?s ; rdf:predicate ag:supports ; prov:wasDerivedFrom/ag:text ?t } ORDER BY ?t";

#[test]
fn select_in_every_format() {
    let (_tmp, store) = fixture();
    // The table: aligned columns (by display width), Arabic included.
    let table = ok(&query(&store, &[SUPPORTS]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("?s"), "{table}");
    assert!(
        table.contains("actor:Russia") && table.contains("روسيا تدعم مالي"),
        "{table}"
    );
    assert_eq!(lines.last(), Some(&"(2 rows)"));
    let col = |l: &str| {
        use unicode_width::UnicodeWidthStr;
        l.split('│').map(|c| c.width()).collect::<Vec<_>>()
    };
    assert_eq!(col(lines[2])[..2], col(lines[0])[..2], "{table}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(&query(&store, &["--format", "json", SUPPORTS]))).expect("JSON");
    let rows = json["results"]["bindings"].as_array().expect("bindings");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0]["s"]["value"],
        "https://w3id.org/actorgraph/actor/Russia"
    );
    assert_eq!(rows[0]["t"]["xml:lang"], "ar");

    let csv = ok(&query(&store, &["--format", "csv", SUPPORTS]));
    assert!(csv.starts_with("s,o,t\r\n"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
    let tsv = ok(&query(&store, &["--format", "tsv", SUPPORTS]));
    assert!(tsv.starts_with("?s\t?o\t?t\n"), "{tsv}");
    let xml = ok(&query(&store, &["--format", "xml", SUPPORTS]));
    assert!(
        xml.contains("<sparql") && xml.matches("<result>").count() == 2,
        "{xml}"
    );
}

#[test]
fn ask_construct_describe_stdin_and_file() {
    let (tmp, store) = fixture();
    assert_eq!(
        ok(&query(
            &store,
            &["ASK { actor:Russia ag:supports actor:Mali }"]
        )),
        "true\n"
    );
    // The denied alliance is no fact.
    assert_eq!(
        ok(&query(
            &store,
            &["ASK { actor:France ag:alliedWith actor:Mali }"]
        )),
        "false\n"
    );
    let json = ok(&query(
        &store,
        &["--format", "json", "ASK { ?s ag:alliedWith ?o }"],
    ));
    assert!(json.contains("\"boolean\":true"), "{json}");

    let ttl = ok(&query(
        &store,
        &["CONSTRUCT { ?s ag:supports ?o } WHERE { ?s ag:supports ?o }"],
    ));
    let triples: Vec<_> = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .collect::<Result<_, _>>()
        .expect("valid Turtle");
    assert_eq!(triples.len(), 1, "{ttl}");
    let nt = ok(&query(
        &store,
        &["--format", "ntriples", "DESCRIBE actor:Russia"],
    ));
    assert!(
        nt.lines()
            .all(|l| l.starts_with("<https://w3id.org/actorgraph/actor/Russia> ")),
        "{nt}"
    );
    // JSON is for solutions, not graphs: a clear error.
    let err = failed(&query(
        &store,
        &["--format", "json", "DESCRIBE actor:Russia"],
    ));
    assert!(err.contains("turtle or ntriples"), "{err}");

    let file = tmp.path().join("q.rq");
    std::fs::write(&file, "SELECT (COUNT(*) AS ?n) { ?s a ag:Statement }").expect("write");
    let out = ok(&query(
        &store,
        &["--format", "csv", "--file", file.to_str().expect("utf-8")],
    ));
    assert_eq!(out, "n\r\n6\r\n");
    let out = common::actorgraph()
        .args(["query", "--format", "tsv", "--store"])
        .arg(&store)
        .write_stdin("SELECT (COUNT(*) AS ?n) { ?s ag:polarity ag:Negative }")
        .output()
        .expect("runs");
    assert_eq!(ok(&out), "?n\n1\n");
}

#[test]
fn errors_are_clear_and_never_panic() {
    let (_tmp, store) = fixture();
    let err = failed(&query(&store, &["SELECT ?s\nWHERE { ?s ?p }"]));
    assert!(err.contains("line 2, column"), "{err}");
    let err = failed(&query(
        &store,
        &["INSERT DATA { actor:A ag:supports actor:B }"],
    ));
    assert!(err.contains("read-only"), "{err}");
    let err = failed(&query(&store, &["DELETE WHERE { ?s ?p ?o }"]));
    assert!(err.contains("read-only"), "{err}");
    let err = failed(&query(
        &store,
        &["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"],
    ));
    assert!(err.contains("SERVICE"), "{err}");
    let deep = format!(
        "SELECT * WHERE {}?s ?p ?o{}",
        "{".repeat(50_000),
        "}".repeat(50_000)
    );
    let err = failed(&query(&store, &[&deep]));
    assert!(err.contains("nests deeper"), "{err}");
    let deep = format!(
        "SELECT * WHERE {{ FILTER({}1{}) }}",
        "(".repeat(5_000),
        ")".repeat(5_000)
    );
    assert!(failed(&query(&store, &[&deep])).contains("nests deeper"));
    let huge = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(2 << 20));
    let file = _tmp.path().join("huge.rq");
    std::fs::write(&file, huge).expect("write");
    let err = failed(&query(&store, &["--file", file.to_str().expect("utf-8")]));
    assert!(err.contains("limit"), "{err}");
    let err = failed(&query(&_tmp.path().join("missing"), &["ASK {}"]));
    assert!(err.contains("actorgraph build"), "{err}");
}

#[test]
fn a_long_query_is_stopped_at_its_timeout() {
    let (_tmp, store) = fixture();
    let err = failed(&query(
        &store,
        &[
            "--timeout",
            "0.5",
            "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        ],
    ));
    assert!(err.contains("timeout"), "{err}");
}

#[test]
fn the_library_writes_to_any_writer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    storefix::fixture_store(&dir);
    let store = Store::open_read_only(&dir).expect("open");
    let mut buf = Vec::new();
    let outcome = query::run(
        &store,
        "SELECT ?o { actor:Mali ag:alliedWith ?o }",
        Some(Format::Csv),
        &Limits::default(),
        &mut buf,
    )
    .expect("runs");
    assert_eq!(outcome.count, 1);
    assert_eq!(
        String::from_utf8(buf).expect("utf-8"),
        "o\r\nhttps://w3id.org/actorgraph/actor/Russia\r\n"
    );
}

/// Runs a shelf query through the library, as JSON rows of strings.
fn shelf(store: &Store, text: &str) -> Vec<BTreeMap<String, String>> {
    let mut buf = Vec::new();
    query::run(
        store,
        text,
        Some(Format::Json),
        &Limits::default(),
        &mut buf,
    )
    .unwrap_or_else(|e| panic!("{e}\n{text}"));
    let v: serde_json::Value = serde_json::from_slice(&buf).expect("JSON");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|row| {
            row.as_object()
                .expect("object")
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].as_str().unwrap_or("").to_string()))
                .collect()
        })
        .collect()
}

fn read_shelf(name: &str) -> String {
    let text = std::fs::read_to_string(common::repo().join("ontology/queries").join(name))
        .expect("shelf query");
    assert!(
        text.starts_with("# "),
        "{name} starts with a comment saying what it answers"
    );
    text
}

/// Checks every shelf query against `store`, whose statements are known.
fn check_shelf(store: &Store) {
    let statements = store.statements().expect("statements");
    let ag = "https://w3id.org/actorgraph/ontology#";
    let names: BTreeSet<String> = std::fs::read_dir(common::repo().join("ontology/queries"))
        .expect("queries")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rq"))
        .collect();
    for n in [
        "allies.rq",
        "supports.rq",
        "between.rq",
        "negated.rq",
        "hedged.rq",
        "timeline.rq",
        "degree.rq",
    ] {
        assert!(names.contains(n), "missing ontology/queries/{n}");
    }
    for n in &names {
        shelf(store, &read_shelf(n));
    }

    // Allies: of an actor that has a positive alliance.
    let alliance = statements
        .iter()
        .find(|s| s.relation == "allied-with" && s.polarity == Polarity::Pos)
        .expect("the store holds a positive alliance");
    let text = read_shelf("allies.rq").replace(
        "VALUES ?actor { actor:Mali }",
        &format!("VALUES ?actor {{ <{}> }}", alliance.subject),
    );
    let rows = shelf(store, &text);
    let allies: BTreeSet<&str> = rows.iter().map(|r| r["ally"].as_str()).collect();
    assert!(allies.contains(alliance.object.as_str()), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.get("label").is_some_and(|l| !l.is_empty())),
        "{rows:?}"
    );

    // Who supports whom: exactly the positive supports pairs.
    let rows = shelf(store, &read_shelf("supports.rq"));
    let got: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r["supporter"].clone(), r["supported"].clone()))
        .collect();
    let want: BTreeSet<(String, String)> = statements
        .iter()
        .filter(|s| s.relation == "supports" && s.polarity == Polarity::Pos)
        .map(|s| (s.subject.clone(), s.object.clone()))
        .collect();
    assert_eq!(got, want);

    // Between two actors: every statement of a pair, with Arabic evidence and source.
    let st = &statements[0];
    let text = read_shelf("between.rq").replace(
        "(actor:Mali actor:Russia)",
        &format!("(<{}> <{}>)", st.object, st.subject),
    );
    let rows = shelf(store, &text);
    let want = statements
        .iter()
        .filter(|s| {
            (s.subject == st.subject && s.object == st.object)
                || (s.subject == st.object && s.object == st.subject)
        })
        .count();
    assert_eq!(rows.len(), want, "{rows:?}");
    for r in &rows {
        assert!(r["sentence"].contains(&r["evidence"]), "{r:?}");
        assert!(
            r["evidence"]
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{r:?}"
        );
        assert!(!r["doc"].is_empty());
    }

    // Negated and hedged: only those, and all of them.
    let rows = shelf(store, &read_shelf("negated.rq"));
    assert!(rows.iter().all(|r| r["polarity"] == "Negative"), "{rows:?}");
    assert_eq!(
        rows.len(),
        statements
            .iter()
            .filter(|s| s.polarity == Polarity::Neg)
            .count()
    );
    let rows = shelf(store, &read_shelf("hedged.rq"));
    assert!(rows.iter().all(|r| r["modality"] == "Hedged"), "{rows:?}");
    assert_eq!(
        rows.len(),
        statements
            .iter()
            .filter(|s| s.modality == Modality::Hedged)
            .count()
    );

    // Timeline: of a relation with dated statements, in date order.
    let dated = statements
        .iter()
        .find(|s| s.date.is_some())
        .expect("a dated statement");
    let local = store_relation_iri(&dated.relation);
    let text = read_shelf("timeline.rq").replace(
        "VALUES ?relation { ag:attacked }",
        &format!("VALUES ?relation {{ <{ag}{local}> }}"),
    );
    let rows = shelf(store, &text);
    let want = statements
        .iter()
        .filter(|s| s.relation == dated.relation && s.date.is_some())
        .count();
    assert_eq!(rows.len(), want);
    let whens: Vec<&str> = rows.iter().map(|r| r["when"].as_str()).collect();
    let mut sorted = whens.clone();
    sorted.sort_unstable();
    assert_eq!(whens, sorted);

    // Degree: the neighbours of each actor over positive statements.
    let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in statements.iter().filter(|s| s.polarity == Polarity::Pos) {
        neighbours.entry(&s.subject).or_default().insert(&s.object);
        neighbours.entry(&s.object).or_default().insert(&s.subject);
    }
    let rows = shelf(store, &read_shelf("degree.rq"));
    assert_eq!(rows.len(), neighbours.len());
    for r in &rows {
        assert_eq!(
            r["degree"].parse::<usize>().expect("a count"),
            neighbours[r["actor"].as_str()].len(),
            "{r:?}"
        );
    }
    let degrees: Vec<usize> = rows
        .iter()
        .map(|r| r["degree"].parse().expect("n"))
        .collect();
    assert!(degrees.windows(2).all(|w| w[0] >= w[1]), "{degrees:?}");
}

/// `allied-with` → `alliedWith`, the ontology's local names.
fn store_relation_iri(gold: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in gold.chars() {
        if c == '-' {
            up = true;
        } else if up {
            out.push(c.to_ascii_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_shelf_answers_on_the_fixture_store() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("store");
    storefix::fixture_store(&dir);
    check_shelf(&Store::open_read_only(&dir).expect("open"));
}

#[test]
fn the_shelf_answers_on_the_seeds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    common::build_seeds(tmp.path());
    let store = Store::open_read_only(&tmp.path().join("store")).expect("open");
    check_shelf(&store);
}
