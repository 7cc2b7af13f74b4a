//! The store: RDF model, full-fidelity round trip of statements, replacing
//! and removing documents, persistence, locking, and a build killed at
//! random moments. The tests of a store on disk run on both backends: a
//! bare folder (RocksDB, the default) and `nquads:DIR` (one N-Quads file).

mod common;
mod storefix;

use storefix::{ACTOR, DISCOVERED, document, ontology, rich, small};

use std::collections::BTreeMap;
use std::path::Path;

use actorgraph::Error;
use actorgraph::model::Statement;
use actorgraph::store::{Kind, Location, Store};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

/// One store location per backend under `dir`: a bare folder (a new store
/// there is RocksDB) and `nquads:` one.
fn locations(dir: &Path, name: &str) -> [std::path::PathBuf; 2] {
    [
        dir.join(format!("{name}-rocksdb")),
        format!("nquads:{}", dir.join(format!("{name}-nquads")).display()).into(),
    ]
}

fn sorted(mut v: Vec<Statement>) -> Vec<Statement> {
    v.sort_by_key(|s| s.iri());
    v
}

fn ask(store: &Store, query: &str) -> bool {
    let q = SparqlEvaluator::new()
        .parse_query(query)
        .expect("the test query parses");
    match store.sparql().bind(q).execute().expect("the query runs") {
        QueryResults::Boolean(b) => b,
        _ => panic!("not an ASK query"),
    }
}

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX actor: <https://w3id.org/actorgraph/actor/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
";

#[test]
fn statements_round_trip_with_every_field() {
    let onto = ontology();
    let mut store = Store::in_memory().expect("a memory store");
    store.sync_ontology(&onto).expect("sync");
    let x = rich("doc-a");
    let written = store.put(&x, &onto).expect("put");
    assert!(written > 40, "only {written} quads written");
    let back = store.statements().expect("statements");
    assert_eq!(sorted(back.clone()), sorted(x.statements.clone()));
    // Sorted by evidence position.
    let starts: Vec<usize> = back.iter().map(|s| s.evidence.focus.start).collect();
    let mut expected = starts.clone();
    expected.sort_unstable();
    assert_eq!(starts, expected);
}

#[test]
fn only_positive_statements_assert_their_triple() {
    let onto = ontology();
    let mut store = Store::in_memory().expect("a memory store");
    store.sync_ontology(&onto).expect("sync");
    store.put(&rich("doc-a"), &onto).expect("put");
    // The union default graph makes a naive query work.
    assert!(ask(
        &store,
        &format!("{PREFIXES} ASK {{ actor:Russia ag:supports actor:Mali }}")
    ));
    // The denied alliance is stored as a statement, never as a fact.
    assert!(!ask(
        &store,
        &format!("{PREFIXES} ASK {{ actor:France ag:alliedWith actor:Mali }}")
    ));
    assert!(ask(
        &store,
        &format!(
            "{PREFIXES} ASK {{ ?s rdf:subject actor:France ; rdf:predicate ag:alliedWith ;
               rdf:object actor:Mali ; ag:polarity ag:Negative }}"
        )
    ));
    // The modality of a plain triple is reachable from it, and the evidence
    // leads to the sentence and the document with its source.
    assert!(ask(
        &store,
        &format!(
            "{PREFIXES} ASK {{ actor:Russia ag:supports actor:Mali .
               ?s rdf:subject actor:Russia ; rdf:predicate ag:supports ; rdf:object actor:Mali ;
                  ag:modality ag:Reported ; prov:wasDerivedFrom ?sent .
               ?sent ag:text ?t ; dcterms:isPartOf ?d .
               ?d dcterms:source ?url ; dcterms:title ?title ; ag:sha256 ?h
               FILTER(LANG(?t) = \"ar\" && CONTAINS(?t, \"روسيا\")) }}"
        )
    ));
    // No blank node in any document graph (exports must not change).
    for line in store.nquads().expect("dump") {
        if line.contains("/doc/") {
            assert!(!line.contains(" _:"), "blank node in {line}");
        }
    }
}

#[test]
fn a_changed_document_replaces_the_old_one_and_remove_drops_it() {
    let onto = ontology();
    let mut store = Store::in_memory().expect("a memory store");
    store.sync_ontology(&onto).expect("sync");
    let base = store.len().expect("len");
    store.put(&rich("doc-a"), &onto).expect("put a");
    store
        .put(&small("doc-b", "قالت مصادر إن روسيا تدعم مالي."), &onto)
        .expect("put b");
    let v2 = small("doc-a", "أكدت التقارير أن روسيا تدعم مالي بقوة.");
    store.put(&v2, &onto).expect("put a v2");
    let keys = store.document_keys().expect("keys");
    assert_eq!(keys.len(), 2);
    assert_eq!(keys["doc-a"], v2.document.key());
    let by_doc = |store: &Store| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for s in store.statements().expect("statements") {
            *m.entry(s.doc).or_default() += 1;
        }
        m
    };
    assert_eq!(
        by_doc(&store),
        BTreeMap::from([("doc-a".into(), 1), ("doc-b".into(), 1)])
    );
    let a_statements: Vec<Statement> = store
        .statements()
        .expect("statements")
        .into_iter()
        .filter(|s| s.doc == "doc-a")
        .collect();
    assert_eq!(a_statements, v2.statements);

    assert!(store.remove("doc-a").expect("remove"));
    assert!(!store.remove("doc-a").expect("remove again"));
    assert!(!store.remove("no-such-doc").expect("remove unknown"));
    assert_eq!(by_doc(&store), BTreeMap::from([("doc-b".into(), 1)]));
    assert!(store.remove("doc-b").expect("remove b"));
    // The ontology, and the mark that the view records are complete.
    assert_eq!(
        store.len().expect("len"),
        base + 1,
        "removing every document leaves the ontology only"
    );
    assert_eq!(
        store
            .graph_quads("https://w3id.org/actorgraph/graph/view")
            .expect("view graph")
            .len(),
        1
    );
    assert!(store.statements().expect("statements").is_empty());
}

#[test]
fn actors_have_counts_and_labels_from_lexicon_or_document() {
    let onto = ontology();
    let mut store = Store::in_memory().expect("a memory store");
    store.sync_ontology(&onto).expect("sync");
    store.put(&rich("doc-a"), &onto).expect("put");
    let mut other = rich("doc-b");
    other.document = document("doc-b", "نص آخر مختلف.");
    store.put(&other, &onto).expect("put");
    let actors = store.actors().expect("actors");
    let get = |iri: &str| {
        actors
            .iter()
            .find(|a| a.actor.iri == iri)
            .unwrap_or_else(|| panic!("{iri} is listed"))
    };
    let mali = get(&format!("{ACTOR}Mali"));
    assert_eq!((mali.mentions, mali.documents), (4, 2));
    assert_eq!(mali.actor.label, "Mali");
    assert_eq!(
        mali.actor.label_ar,
        onto.entry(&format!("{ACTOR}Mali")).expect("Mali").label_ar
    );
    assert_eq!(mali.actor.class, "State");
    assert!(!mali.actor.discovered);
    let d = get(DISCOVERED);
    assert!(d.actor.discovered);
    assert_eq!(d.actor.label_ar, "كتيبة الفرقان");
    assert_eq!(d.actor.class, "ArmedGroup");
    assert_eq!((d.mentions, d.documents), (2, 2));
    let iris: Vec<&str> = actors.iter().map(|a| a.actor.iri.as_str()).collect();
    let mut sorted_iris = iris.clone();
    sorted_iris.sort_unstable();
    assert_eq!(iris, sorted_iris);
    assert_eq!(iris.len(), 5);
}

// The actor records written at save are what a scan of every document
// gives, and a change makes readers scan again until the next save.
#[test]
fn saved_actor_records_list_what_the_documents_say() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let onto = ontology();
    for location in locations(tmp.path(), "actors") {
        let mut store = Store::open(&location).expect("open");
        store.sync_ontology(&onto).expect("sync");
        store.put(&rich("doc-a"), &onto).expect("put");
        let mut other = rich("doc-b");
        other.document = document("doc-b", "نص آخر مختلف.");
        store.put(&other, &onto).expect("put");
        let scanned = store.actors().expect("actors (scan)");
        store.save().expect("save");
        drop(store);
        let reader = Store::open_read_only(&location).expect("reopen");
        assert!(
            ask(
                &reader,
                "ASK { GRAPH ?g { ?a <https://w3id.org/actorgraph/graph/view#actor> ?j } }"
            ),
            "{location:?}: no actor record was written"
        );
        assert_eq!(
            reader.actors().expect("actors (records)"),
            scanned,
            "{location:?}"
        );
        drop(reader);
        // Removing a document changes the counts at once, saved or not.
        let mut store = Store::open(&location).expect("open");
        assert!(store.remove("doc-b").expect("remove"));
        let after = store.actors().expect("actors after remove");
        let mali = after
            .iter()
            .find(|a| a.actor.iri == format!("{ACTOR}Mali"))
            .expect("Mali");
        assert_eq!(mali.documents, 1, "{location:?}");
        store.save().expect("save");
        drop(store);
        let reader = Store::open_read_only(&location).expect("reopen");
        assert_eq!(
            reader.actors().expect("actors (records)"),
            after,
            "{location:?}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_quads() {
    let dump = || {
        let onto = ontology();
        let mut store = Store::in_memory().expect("a memory store");
        store.sync_ontology(&onto).expect("sync");
        store.put(&rich("doc-a"), &onto).expect("put");
        store.sync_ontology(&onto).expect("sync again is a no-op");
        store.nquads().expect("dump")
    };
    let a = dump();
    assert_eq!(a, dump());
    let mut s = a.clone();
    s.sort();
    assert_eq!(a, s);
}

#[test]
fn the_store_persists_and_reopens_read_only() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (location, kind) in locations(tmp.path(), "store")
        .into_iter()
        .zip([Kind::RocksDb, Kind::NQuads])
    {
        persists_and_reopens_read_only(&location, kind);
    }
}

fn persists_and_reopens_read_only(location: &Path, kind: Kind) {
    let onto = ontology();
    let before = {
        let mut store = Store::open(location).expect("open");
        assert_eq!(store.kind(), Some(kind));
        store.sync_ontology(&onto).expect("sync");
        store.put(&rich("doc-a"), &onto).expect("put");
        store
            .put(&small("doc-b", "قالت مصادر إن روسيا تدعم مالي."), &onto)
            .expect("put");
        store.save().expect("save");
        (
            store.nquads().expect("dump"),
            store.statements().expect("statements"),
        )
    };
    // Reopened by its bare folder: the backend is read from the folder.
    let dir = Location::parse(location).dir;
    let store = Store::open_read_only(&dir).expect("reopen");
    assert_eq!(store.kind(), Some(kind));
    assert_eq!(store.nquads().expect("dump"), before.0);
    assert_eq!(store.statements().expect("statements"), before.1);
    assert_eq!(store.document_ids().expect("ids"), ["doc-a", "doc-b"]);
    let mut ro = store;
    assert!(
        ro.put(&small("doc-c", "روسيا تدعم مالي."), &onto).is_err(),
        "read-only refuses writes"
    );
    drop(ro);
    if kind == Kind::NQuads {
        // The file is the sorted dump, byte for byte.
        let file = std::fs::read_to_string(dir.join("graph.nq")).expect("graph.nq");
        assert_eq!(file, before.0.concat());
    }
    // Asking for the other backend is refused, naming what the folder holds.
    let other = match kind {
        Kind::RocksDb => "nquads",
        Kind::NQuads => "rocksdb",
    };
    let err = Store::open_read_only(Path::new(&format!("{other}:{}", dir.display())))
        .expect_err("the other backend is refused");
    assert!(
        err.to_string()
            .contains(&format!("holds a {} store", kind.name())),
        "{err}"
    );
}

#[test]
fn opening_a_missing_store_read_only_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let err = Store::open_read_only(&tmp.path().join("nothing")).expect_err("no store");
    assert!(err.to_string().contains("actorgraph build"), "{err}");
}

#[test]
fn a_second_writer_gets_a_clear_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for location in locations(tmp.path(), "store") {
        second_writer(&location);
    }
}

fn second_writer(location: &Path) {
    let dir = location;
    let onto = ontology();
    let mut first = Store::open(dir).expect("open");
    first.sync_ontology(&onto).expect("sync");
    first
        .put(&small("doc-b", "قالت مصادر إن روسيا تدعم مالي."), &onto)
        .expect("put");
    first.save().expect("save");
    match Store::open(dir) {
        Err(Error::StoreLocked { path, .. }) => assert_eq!(path, Location::parse(dir).dir),
        other => panic!("expected StoreLocked, got {other:?}"),
    }
    // Another process: `actorgraph remove` fails cleanly, naming the lock.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("actorgraph"))
        .args(["remove", "doc-b", "--store"])
        .arg(dir)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("in use by another actorgraph process"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    drop(first);
    // Once the first is closed, the lock is free again.
    let mut again = Store::open(dir).expect("reopen after close");
    assert!(again.remove("doc-b").expect("remove"));
}

/// A corpus of `n` small JSON Lines documents made of seed sentences, so
/// that the recognizer and the extractor have something to find.
fn corpus(dir: &Path, n: usize) -> std::path::PathBuf {
    let mut sentences = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(common::repo().join("seeds"))
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("seed");
        for s in text.split_inclusive(['.', '\n']) {
            let s = s.trim();
            if s.chars().count() > 30 {
                sentences.push(s.to_string());
            }
        }
    }
    assert!(sentences.len() > 20, "seeds give sentences");
    let path = dir.join("corpus.jsonl");
    let mut out = String::new();
    for i in 0..n {
        let text: Vec<&str> = (0..3)
            .map(|k| sentences[(i * 7 + k * 13) % sentences.len()].as_str())
            .collect();
        let line = serde_json::json!({
            "id": format!("doc-{i:04}"),
            "text": format!("{} [{i}]", text.join(" ")),
            "title": format!("وثيقة {i}"),
            "url": format!("https://example.org/{i}"),
            "published": "2025-10-01",
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(&path, out).expect("write corpus");
    path
}

#[test]
fn killing_build_leaves_whole_documents() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for kind in [Kind::RocksDb, Kind::NQuads] {
        let dir = tmp.path().join(kind.name());
        std::fs::create_dir(&dir).expect("mkdir");
        killed_builds(&dir, kind);
    }
}

/// Kills builds into `kind` stores under `tmp` at several moments.
fn killed_builds(tmp: &Path, kind: Kind) {
    let at =
        |dir: &Path| -> std::path::PathBuf { format!("{}:{}", kind.name(), dir.display()).into() };
    let input = corpus(tmp, 300);
    let bin = assert_cmd::cargo::cargo_bin("actorgraph");
    // What extraction gives for each document, without a store.
    let out = std::process::Command::new(&bin)
        .current_dir(common::repo())
        .args(["extract", "--json"])
        .arg(&input)
        .output()
        .expect("extract runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        *expected
            .entry(v["doc"].as_str().expect("doc").to_string())
            .or_default() += 1;
    }

    let build = |dir: &Path| {
        std::process::Command::new(&bin)
            .current_dir(common::repo())
            .arg("build")
            .arg(&input)
            .arg("--store")
            .arg(at(dir))
            .arg("--no-exports")
            // Small batches and bulk commits, so that storing interleaves
            // with extraction and kills land between stored documents.
            .args(["--batch", "16", "--commit-every", "2000"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("build starts")
    };
    // How long a whole build takes here, so that kills land inside one.
    let started = std::time::Instant::now();
    let status = build(&tmp.join("full")).wait().expect("build ends");
    assert!(status.success());
    let whole = started.elapsed();
    let mut partial_rounds = 0;
    let mut dir = tmp.join("store-0");
    for (round, percent) in [5u32, 15, 30, 45, 60, 75, 90].into_iter().enumerate() {
        dir = tmp.join(format!("store-{round}"));
        let mut child = build(&dir);
        std::thread::sleep(whole * percent / 100);
        let _ = child.kill();
        child.wait().expect("build ends");
        let store = match Store::open_read_only(&dir) {
            Ok(s) => s,
            // Killed before the folder, or RocksDB's first files, existed:
            // nothing was stored, and the next build starts afresh.
            Err(e) if !dir.exists() || e.to_string().contains("no store here") => {
                eprintln!("round {round}: killed before the store existed ({e})");
                continue;
            }
            Err(e) => panic!("round {round}: the {kind:?} store does not open after a kill: {e}"),
        };
        let ids = store.document_ids().expect("ids");
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        for s in store.statements().expect("statements") {
            *got.entry(s.doc).or_default() += 1;
        }
        for id in &ids {
            assert_eq!(
                got.get(id).copied().unwrap_or(0),
                expected.get(id).copied().unwrap_or(0),
                "round {round}: document {id} is not whole in the {kind:?} store"
            );
        }
        if !ids.is_empty() && ids.len() < 300 {
            partial_rounds += 1;
        }
        eprintln!(
            "round {round} (killed at {percent}% of {whole:?}): {} documents stored",
            ids.len()
        );
    }
    // A build run to the end over the killed store completes it.
    let status = std::process::Command::new(&bin)
        .current_dir(common::repo())
        .arg("build")
        .arg(&input)
        .arg("--store")
        .arg(at(&dir))
        .arg("--no-exports")
        .stdout(std::process::Stdio::null())
        .status()
        .expect("build runs");
    assert!(status.success());
    let store = Store::open_read_only(&dir).expect("opens");
    assert_eq!(store.kind(), Some(kind));
    assert_eq!(store.document_ids().expect("ids").len(), 300);
    // The sorted files of killed bulk loads are gone.
    let left: Vec<String> = std::fs::read_dir(&dir)
        .expect("store folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bulk-"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    let total: usize = expected.values().sum();
    assert_eq!(store.statements().expect("statements").len(), total);
    eprintln!("{kind:?}: {partial_rounds} kills landed mid-build; {total} statements in all");
}

#[test]
fn building_twice_leaves_the_same_store() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for kind in [Kind::RocksDb, Kind::NQuads] {
        let dir = tmp.path().join(kind.name());
        std::fs::create_dir(&dir).expect("mkdir");
        builds_twice(&dir, kind);
    }
}

fn builds_twice(tmp: &Path, kind: Kind) {
    let at =
        |dir: &Path| -> std::path::PathBuf { format!("{}:{}", kind.name(), dir.display()).into() };
    let build = |store: &Path| {
        let out = common::actorgraph()
            .arg("build")
            .arg("seeds")
            .arg("--store")
            .arg(at(store))
            .arg("--no-exports")
            .output()
            .expect("build runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dump = |store: &Path| {
        Store::open_read_only(store)
            .expect("opens")
            .nquads()
            .expect("dump")
    };
    let a = tmp.join("a");
    build(&a);
    let first = dump(&a);
    let summary = build(&a);
    assert!(summary.contains("5 unchanged"), "{summary}");
    assert_eq!(dump(&a), first, "a second build changes nothing");
    // Another store built from the same input holds the same quads.
    let b = tmp.join("b");
    build(&b);
    assert_eq!(dump(&b), first);
    if kind == Kind::NQuads {
        assert_eq!(
            std::fs::read(a.join("graph.nq")).expect("a"),
            std::fs::read(b.join("graph.nq")).expect("b")
        );
    }
}

#[test]
fn a_damaged_or_misplaced_store_gives_a_clear_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // A file where the store folder should be.
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, "x").expect("write");
    let err = Store::open(&file).expect_err("a file is no store");
    assert!(err.to_string().contains("not-a-folder"), "{err}");
    {
        // A damaged data file names itself and the position.
        let dir = tmp.path().join("store");
        std::fs::create_dir(&dir).expect("mkdir");
        std::fs::write(
            dir.join("graph.nq"),
            "<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n<http://a/s> <http://a/p> \"unterminated .\n",
        )
        .expect("write");
        let err = Store::open_read_only(&dir).expect_err("damaged");
        let msg = err.to_string();
        assert!(msg.contains("graph.nq") && msg.contains("line 2"), "{msg}");
        let out = common::actorgraph()
            .args(["query", "ASK {}", "--store"])
            .arg(&dir)
            .output()
            .expect("runs");
        assert!(!out.status.success());
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}
