//! Exports read back by real readers: networkx (GraphML, GEXF, node-link
//! JSON), graphology-graphml and graphology-gexf (what Gephi Lite uses),
//! jing against the GEXF 1.3 RELAX NG grammar, Python's csv module, and
//! rdflib for every RDF format. Counts are compared with the network built
//! from the store, labels with the lexicon they come from.
//!
//! A missing reader fails the test with a hint to run `tests/run.sh`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use actorgraph::export::{self, CsvDialect, Format, Options, Source};
use actorgraph::model::{
    Actor, Document, Evidence, Extraction, Mention, MentionKind, Modality, Polarity, Sentence,
    Span, Statement, ns,
};
use actorgraph::network::{Filter, Network};
use actorgraph::ontology::{LexEntry, Ontology};
use actorgraph::store::Store;
use serde_json::Value;

use common::{actorgraph, build_seeds, python, repo, run_ok};

/// A discovered actor whose labels carry every character XML and CSV must
/// escape, and a U+200F RIGHT-TO-LEFT MARK that must survive as it is.
const TRICKY_LABEL: &str = "Katiba \"Sons\" & <Macina>, 2nd";
const TRICKY_LABEL_AR: &str = "كتيبة \u{200F}«أبناء» & <ماسينا>";

/// The fixture: two documents over lexicon actors and one discovered actor.
struct Fixture {
    ontology: Ontology,
    store: Store,
    group: LexEntry,
    state: LexEntry,
    city: LexEntry,
    tricky: Actor,
    /// An evidence sentence with a comma, quotes and a line break.
    evidence: String,
}

fn lexicon_entry(ontology: &Ontology, class: &str, need_coords: bool) -> LexEntry {
    ontology
        .lexicon
        .iter()
        .find(|e| e.class == class && !e.label_ar.is_empty() && (!need_coords || e.lat.is_some()))
        .unwrap_or_else(|| panic!("the lexicon has a {class} with an Arabic label"))
        .clone()
}

fn statement(
    doc: &str,
    (s, relation, o): (&str, &str, &str),
    polarity: Polarity,
    modality: Modality,
    date: Option<&str>,
    sentence: (usize, &str, usize),
) -> Statement {
    let (index, text, start) = sentence;
    let span = Span::new(start, start + text.len());
    Statement {
        doc: doc.into(),
        subject: s.into(),
        relation: relation.into(),
        object: o.into(),
        polarity,
        modality,
        date: date.map(str::to_string),
        quantities: vec![],
        attributed_to: None,
        evidence: Evidence {
            index,
            sentence: text.into(),
            span,
            focus: span,
        },
        pattern: "test".into(),
        confidence: 0.9,
    }
}

fn document(id: &str, text: &str) -> Document {
    use sha2::{Digest, Sha256};
    Document {
        id: id.into(),
        origin: id.into(),
        title: None,
        url: None,
        published: None,
        text: text.into(),
        sha256: actorgraph::model::hex(&Sha256::digest(text.as_bytes())),
    }
}

fn mentions(iris: &[&str], sentence: usize) -> Vec<Mention> {
    iris.iter()
        .enumerate()
        .map(|(i, iri)| Mention {
            actor: iri.to_string(),
            span: Span::new(i, i + 1),
            sentence,
            kind: MentionKind::Name,
        })
        .collect()
}

/// Fills `store` with the fixture's two documents.
fn fixture_in(mut store: Store) -> Fixture {
    let ontology =
        Ontology::load(&repo().join("ontology")).expect("the repository's ontology loads");
    store.sync_ontology(&ontology).expect("ontology stored");
    let group = lexicon_entry(&ontology, "ArmedGroup", false);
    let state = lexicon_entry(&ontology, "State", false);
    let city = lexicon_entry(&ontology, "City", true);
    let tricky = Actor {
        iri: format!("{}test-katiba-sons", ns::ACTOR),
        label: TRICKY_LABEL.into(),
        label_ar: TRICKY_LABEL_AR.into(),
        class: "ArmedGroup".into(),
        discovered: true,
        lat: None,
        long: None,
    };

    let s1 = "هاجمت الجماعة، \"بقوة\"\nالجيش في المدينة.";
    let s2 = "وتحالفت الكتيبة مع الدولة.";
    let text1 = format!("{s1} {s2}");
    let (g, st, c, t) = (&group.iri, &state.iri, &city.iri, &tricky.iri);
    let doc1 = "doc-1.txt";
    let x1 = Extraction {
        document: document(doc1, &text1),
        sentences: vec![
            Sentence {
                cut: false,
                index: 0,
                span: Span::new(0, s1.len()),
            },
            Sentence {
                cut: false,
                index: 1,
                span: Span::new(s1.len() + 1, text1.len()),
            },
        ],
        mentions: [mentions(&[g, st, c], 0), mentions(&[t, st], 1)].concat(),
        discovered: vec![tricky.clone()],
        statements: vec![
            statement(
                doc1,
                (g, "fights", st),
                Polarity::Pos,
                Modality::Asserted,
                Some("2025-07"),
                (0, s1, 0),
            ),
            statement(
                doc1,
                (g, "attacked", st),
                Polarity::Pos,
                Modality::Reported,
                Some("2025-09-03"),
                (0, s1, 0),
            ),
            statement(
                doc1,
                (g, "fights", st),
                Polarity::Neg,
                Modality::Asserted,
                None,
                (0, s1, 0),
            ),
            statement(
                doc1,
                (st, "allied-with", t),
                Polarity::Pos,
                Modality::Asserted,
                None,
                (1, s2, s1.len() + 1),
            ),
        ],
    };
    let s3 = "قد تقاتل الجماعة الجيش.";
    let doc2 = "doc-2.txt";
    let x2 = Extraction {
        document: document(doc2, s3),
        sentences: vec![Sentence {
            cut: false,
            index: 0,
            span: Span::new(0, s3.len()),
        }],
        mentions: mentions(&[g, st], 0),
        discovered: vec![],
        statements: vec![statement(
            doc2,
            (g, "fights", st),
            Polarity::Pos,
            Modality::Hedged,
            Some("2024-01"),
            (0, s3, 0),
        )],
    };
    store.put(&x1, &ontology).expect("document 1 stored");
    store.put(&x2, &ontology).expect("document 2 stored");
    store.save().expect("store saved");
    Fixture {
        ontology,
        store,
        group,
        state,
        city,
        tricky,
        evidence: s1.into(),
    }
}

fn fixture() -> Fixture {
    fixture_in(Store::in_memory().expect("in-memory store"))
}

fn export_to(
    dir: &Path,
    name: &str,
    format: Format,
    source: Source<'_>,
    options: &Options,
) -> PathBuf {
    let path = dir.join(name);
    let mut buf = Vec::new();
    export::write(format, source, options, &mut buf)
        .unwrap_or_else(|e| panic!("{} export: {e}", format.name()));
    std::fs::write(&path, buf).expect("write export");
    path
}

fn read_with_networkx(format: &str, files: &[&Path]) -> Value {
    let mut cmd = python();
    cmd.arg(repo().join("tests/readers/read_graph.py"))
        .arg(format)
        .args(files);
    serde_json::from_str(&run_ok(&mut cmd)).expect("reader prints JSON")
}

fn read_with_graphology(format: &str, file: &Path) -> Value {
    let mut cmd = Command::new("node");
    cmd.arg(repo().join("tests/readers/read_graph.cjs"))
        .arg(format)
        .arg(file);
    serde_json::from_str(&run_ok(&mut cmd)).expect("reader prints JSON")
}

fn read_rdf(format: &str, file: &Path) -> Value {
    let mut cmd = python();
    cmd.arg(repo().join("tests/readers/read_rdf.py"))
        .arg(format)
        .arg(file);
    serde_json::from_str(&run_ok(&mut cmd)).expect("reader prints JSON")
}

fn jing(file: &Path) {
    let schema = repo().join("tests/data/schemas/gexf-1.3/gexf.rng");
    run_ok(Command::new("jing").arg(schema).arg(file));
}

/// (source, target, relation, polarity) of every edge the network holds.
fn network_edges(net: &Network) -> BTreeSet<(String, String, String, String)> {
    net.edges
        .iter()
        .map(|e| {
            (
                e.subject.clone(),
                e.object.clone(),
                e.relation.clone(),
                e.polarity.as_str().to_string(),
            )
        })
        .collect()
}

/// The same from a reader's output; `polarity` defaults to pos where a
/// reader cannot tell.
fn read_edges(v: &Value) -> BTreeSet<(String, String, String, String)> {
    v["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            (
                e["source"].as_str().expect("source").to_string(),
                e["target"].as_str().expect("target").to_string(),
                e["relation"]
                    .as_str()
                    .expect("relation attribute")
                    .to_string(),
                e["polarity"].as_str().unwrap_or("pos").to_string(),
            )
        })
        .collect()
}

/// Node count, edge count, edge identities and labels agree with `net`.
fn check_graph(reader: &str, v: &Value, net: &Network, fx: &Fixture) {
    let nodes = v["nodes"].as_object().expect("nodes");
    let edges = v["edges"].as_array().expect("edges");
    assert_eq!(nodes.len(), net.nodes.len(), "{reader}: node count");
    assert_eq!(edges.len(), net.edges.len(), "{reader}: edge count");
    let ids: BTreeSet<&str> = edges
        .iter()
        .map(|e| e["id"].as_str().expect("edge id"))
        .collect();
    assert_eq!(ids.len(), edges.len(), "{reader}: edge ids are unique");
    assert_eq!(read_edges(v), network_edges(net), "{reader}: edges");

    let group = &nodes[&fx.group.iri];
    assert_eq!(
        group["label"],
        fx.group.label.as_str(),
        "{reader}: English label"
    );
    assert_eq!(
        group["label_ar"],
        fx.group.label_ar.as_str(),
        "{reader}: Arabic label"
    );
    let tricky = &nodes[&fx.tricky.iri];
    assert_eq!(tricky["label"], TRICKY_LABEL, "{reader}: escaped label");
    assert_eq!(
        tricky["label_ar"], TRICKY_LABEL_AR,
        "{reader}: RLM survives"
    );
    let city = &nodes[&fx.city.iri];
    let lat = city["latitude"]
        .as_f64()
        .or_else(|| city["latitude"].as_str().and_then(|s| s.parse().ok()));
    assert_eq!(lat, fx.city.lat, "{reader}: latitude");

    let fights = edges
        .iter()
        .find(|e| e["relation"] == "fights" && e["polarity"] != "neg")
        .expect("the fights edge");
    let weight = fights["weight"]
        .as_f64()
        .or_else(|| fights["weight"].as_str().and_then(|s| s.parse().ok()));
    assert_eq!(weight, Some(2.0), "{reader}: weight counts statements");
    assert_eq!(
        fights["evidence"],
        fx.evidence.as_str(),
        "{reader}: evidence with quotes and a line break"
    );
}

#[test]
fn graph_formats_read_back_with_the_store_counts() {
    let fx = fixture();
    let net = export::network(&fx.store, &fx.ontology, &Filter::default()).expect("network");
    assert_eq!(net.nodes.len(), 4, "the fixture's four actors");
    assert_eq!(
        net.edges.len(),
        3,
        "fights, attacked, allied-with; the denial left out"
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let src = Source::Store(&fx.store, &fx.ontology);
    let opts = Options::default();

    let graphml = export_to(tmp.path(), "g.graphml", Format::GraphMl, src, &opts);
    check_graph(
        "networkx graphml",
        &read_with_networkx("graphml", &[&graphml]),
        &net,
        &fx,
    );
    check_graph(
        "graphology graphml",
        &read_with_graphology("graphml", &graphml),
        &net,
        &fx,
    );

    let gexf = export_to(tmp.path(), "g.gexf", Format::Gexf, src, &opts);
    jing(&gexf);
    check_graph(
        "networkx gexf",
        &read_with_networkx("gexf", &[&gexf]),
        &net,
        &fx,
    );
    check_graph(
        "graphology gexf",
        &read_with_graphology("gexf", &gexf),
        &net,
        &fx,
    );

    let json = export_to(tmp.path(), "g.json", Format::Json, src, &opts);
    check_graph(
        "networkx node-link",
        &read_with_networkx("json", &[&json]),
        &net,
        &fx,
    );

    for dialect in [CsvDialect::Gephi, CsvDialect::Neo4j] {
        let opts = Options {
            csv_dialect: dialect,
            ..Options::default()
        };
        let nodes = export_to(tmp.path(), "n.csv", Format::NodesCsv, src, &opts);
        let edges = export_to(tmp.path(), "e.csv", Format::EdgesCsv, src, &opts);
        let v = read_with_networkx("csv", &[&nodes, &edges]);
        let v = serde_json::json!({
            "nodes": v["nodes"].as_object().expect("nodes").iter().map(|(k, n)| {
                let label = n.get("Label").or_else(|| n.get("label")).cloned();
                (k.clone(), serde_json::json!({"label": label, "label_ar": n["label_ar"], "latitude": n.get("latitude").or_else(|| n.get("latitude:double")).cloned()}))
            }).collect::<serde_json::Map<_, _>>(),
            "edges": v["edges"].as_array().expect("edges").iter().map(|e| {
                let mut e = e.clone();
                e["weight"] = e.get("Weight").or_else(|| e.get("weight:int")).cloned().expect("weight column");
                e
            }).collect::<Vec<_>>(),
        });
        check_graph(&format!("csv {dialect:?}"), &v, &net, &fx);
    }
}

#[test]
fn negated_edges_are_kept_apart_when_asked_for() {
    let fx = fixture();
    let filter = Filter {
        include_negated: true,
        ..Filter::default()
    };
    let net = export::network(&fx.store, &fx.ontology, &filter).expect("network");
    assert_eq!(net.edges.len(), 4);
    let tmp = tempfile::tempdir().expect("tempdir");
    let opts = Options {
        filter,
        ..Options::default()
    };
    let src = Source::Store(&fx.store, &fx.ontology);
    // The same (subject, relation, object) twice, told apart by polarity:
    // both readers must keep both edges (graphology merges equal ids).
    let gexf = export_to(tmp.path(), "neg.gexf", Format::Gexf, src, &opts);
    check_graph(
        "graphology gexf, negated",
        &read_with_graphology("gexf", &gexf),
        &net,
        &fx,
    );
    let graphml = export_to(tmp.path(), "neg.graphml", Format::GraphMl, src, &opts);
    check_graph(
        "networkx graphml, negated",
        &read_with_networkx("graphml", &[&graphml]),
        &net,
        &fx,
    );
}

#[test]
fn dynamic_gexf_gives_edges_spells_from_their_dates() {
    let fx = fixture();
    let tmp = tempfile::tempdir().expect("tempdir");
    let opts = Options {
        dynamic: true,
        ..Options::default()
    };
    let gexf = export_to(
        tmp.path(),
        "dyn.gexf",
        Format::Gexf,
        Source::Store(&fx.store, &fx.ontology),
        &opts,
    );
    jing(&gexf);
    let v = read_with_networkx("gexf", &[&gexf]);
    let spells = |relation: &str| -> Value {
        v["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .find(|e| e["relation"] == relation)
            .map(|e| e.get("spells").cloned().unwrap_or(Value::Null))
            .expect("edge present")
    };
    // Two statements a year and a half apart: two spells, not one span.
    assert_eq!(
        spells("fights"),
        serde_json::json!([["2024-01-01", "2024-01-31"], ["2025-07-01", "2025-07-31"]])
    );
    assert_eq!(
        spells("attacked"),
        serde_json::json!([["2025-09-03", "2025-09-03"]])
    );
    assert_eq!(
        spells("allied-with"),
        Value::Null,
        "undated edges have no spell"
    );
    let graphology = read_with_graphology("gexf", &gexf);
    assert_eq!(graphology["edges"].as_array().expect("edges").len(), 3);
}

#[test]
fn xml_drops_forbidden_control_characters_and_keeps_the_rest() {
    let fx = fixture();
    let mut net = export::network(&fx.store, &fx.ontology, &Filter::default()).expect("network");
    let node = net
        .nodes
        .iter_mut()
        .find(|n| n.actor.iri == fx.tricky.iri)
        .expect("tricky node");
    node.actor.label = format!("{TRICKY_LABEL}\u{1}\u{8}");
    let tmp = tempfile::tempdir().expect("tempdir");
    for (name, format, reader) in [
        ("c.graphml", Format::GraphMl, "graphml"),
        ("c.gexf", Format::Gexf, "gexf"),
    ] {
        let file = export_to(
            tmp.path(),
            name,
            format,
            Source::Network(&net),
            &Options::default(),
        );
        let v = read_with_networkx(reader, &[&file]);
        assert_eq!(
            v["nodes"][&fx.tricky.iri]["label"], TRICKY_LABEL,
            "{reader}"
        );
    }
}

#[test]
fn rdf_formats_parse_and_hold_the_documents_and_their_actors() {
    let fx = fixture();
    let tmp = tempfile::tempdir().expect("tempdir");
    let src = Source::Store(&fx.store, &fx.ontology);

    // What the exports should hold, counted on the store: every quad of the
    // two document graphs, and the lexicon's quads about the three lexicon
    // actors they name (the discovered one is described in its document).
    let mut doc_quads = 0;
    let mut graphs = BTreeSet::new();
    let mut triples = BTreeSet::new();
    for q in fx.store.quads() {
        let q = q.expect("quad");
        let g = q.graph_name.to_string();
        let lexicon_about_fixture = g.contains("/graph/lexicon")
            && [&fx.group.iri, &fx.state.iri, &fx.city.iri]
                .iter()
                .any(|iri| q.subject.to_string() == format!("<{iri}>"));
        if g.contains("/graph/") && !lexicon_about_fixture {
            continue;
        }
        doc_quads += 1;
        graphs.insert(g);
        triples.insert((
            q.subject.to_string(),
            q.predicate.to_string(),
            q.object.to_string(),
        ));
    }
    assert_eq!(graphs.len(), 3, "two documents and the lexicon");

    for (format, reader, union) in [
        (Format::Turtle, "turtle", true),
        (Format::NTriples, "nt", true),
        (Format::TriG, "trig", false),
        (Format::NQuads, "nquads", false),
        (Format::JsonLd, "json-ld", false),
    ] {
        let file = export_to(
            tmp.path(),
            &format!("g.{}", format.extension()),
            format,
            src,
            &Options::default(),
        );
        let v = read_rdf(reader, &file);
        assert_eq!(v["triples"], triples.len(), "{reader}: distinct triples");
        if !union {
            assert_eq!(v["quads"], doc_quads, "{reader}: quads");
            assert_eq!(v["graphs"], graphs.len(), "{reader}: named graphs kept");
        }
        let labels: Vec<&str> = v["labels"]
            .as_array()
            .expect("labels")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for want in [
            fx.group.label_ar.as_str(),
            fx.group.label.as_str(),
            TRICKY_LABEL,
            TRICKY_LABEL_AR,
        ] {
            assert!(
                labels.contains(&want),
                "{reader}: label {want:?} in {labels:?}"
            );
        }
    }
    let err = export::write(
        Format::Turtle,
        Source::Network(&Network::default()),
        &Options::default(),
        &mut Vec::new(),
    );
    assert!(err.is_err(), "RDF needs the store");
}

#[test]
fn export_command_applies_filters_and_writes_csv_pairs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store_dir = tmp.path().join("store");
    let fx = fixture_in(Store::open(&store_dir).expect("store opens"));
    drop(fx.store);
    let run = |args: &[&str]| -> String {
        let out = actorgraph()
            .arg("--store")
            .arg(&store_dir)
            .arg("export")
            .args(args)
            .output()
            .expect("actorgraph runs");
        assert!(
            out.status.success(),
            "export {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };
    let edges_of = |json: &str| -> usize {
        let v: Value = serde_json::from_str(json).expect("node-link JSON");
        v["edges"].as_array().expect("edges").len()
    };
    assert_eq!(edges_of(&run(&["--format", "json"])), 3);
    assert_eq!(
        edges_of(&run(&["--format", "json", "--relation", "fights"])),
        1
    );
    assert_eq!(
        edges_of(&run(&["--format", "json", "--include-negated"])),
        4
    );
    assert_eq!(
        edges_of(&run(&["--format", "json", "--min-weight", "2"])),
        1
    );
    assert_eq!(
        edges_of(&run(&["--format", "json", "--from", "2025-08"])),
        1,
        "only the attack is dated after"
    );
    assert_eq!(
        edges_of(&run(&["--format", "json", "--modality", "hedged"])),
        1
    );
    let around = run(&[
        "--format",
        "json",
        "--around",
        &fx.tricky.label_ar,
        "--depth",
        "1",
    ]);
    assert_eq!(edges_of(&around), 1, "the katiba's one relation");

    let graphml = tmp.path().join("out.graphml");
    run(&[
        "--format",
        "graphml",
        "-o",
        graphml.to_str().expect("UTF-8 path"),
    ]);
    let v = read_with_networkx("graphml", &[&graphml]);
    assert_eq!(v["edges"].as_array().expect("edges").len(), 3);

    let prefix = tmp.path().join("seeds");
    run(&[
        "--format",
        "csv",
        "--csv-dialect",
        "neo4j",
        "-o",
        prefix.to_str().expect("UTF-8 path"),
    ]);
    let nodes = std::fs::read_to_string(tmp.path().join("seeds-nodes.csv")).expect("nodes file");
    assert!(nodes.starts_with("id:ID,"), "neo4j header: {nodes}");
    assert!(tmp.path().join("seeds-edges.csv").is_file());
    let folder = format!("{}/", tmp.path().join("csv-out").display());
    run(&["--format", "csv", "-o", &folder]);
    let v = read_with_networkx(
        "csv",
        &[
            &tmp.path().join("csv-out/nodes.csv"),
            &tmp.path().join("csv-out/edges.csv"),
        ],
    );
    assert_eq!(
        v["edges"].as_array().expect("edges").len(),
        3,
        "Gephi CSV into a new folder"
    );

    let ttl = run(&["--format", "turtle"]);
    assert!(ttl.contains("@prefix ag:"), "Turtle with prefixes");
    let bad = actorgraph()
        .arg("--store")
        .arg(&store_dir)
        .args(["export", "--format", "turtle", "--relation", "fights"])
        .output()
        .expect("actorgraph runs");
    assert!(!bad.status.success(), "RDF formats refuse filters");
}

/// Every standard export file, by name.
fn export_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    export::STANDARD_FILES
        .iter()
        .map(|(name, _)| {
            let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name.to_string(), bytes)
        })
        .collect()
}

/// The `graph N nodes, M edges` line of the build summary.
fn reported_counts(summary: &str) -> (usize, usize) {
    let line = summary
        .lines()
        .find(|l| l.starts_with("graph "))
        .unwrap_or_else(|| panic!("no graph line in:\n{summary}"));
    let nums: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|t| t.parse().ok())
        .collect();
    (nums[0], nums[1])
}

#[test]
fn seed_exports_match_the_build_summary_the_store_and_the_repository() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    let summary = build_seeds(a.path());
    let first = export_files(&a.path().join("exports"));
    // Again over the same store (documents unchanged) and into a fresh one.
    let again = build_seeds(a.path());
    assert_eq!(reported_counts(&again), reported_counts(&summary));
    assert_eq!(
        first,
        export_files(&a.path().join("exports")),
        "rebuild, same bytes"
    );
    build_seeds(b.path());
    assert_eq!(
        first,
        export_files(&b.path().join("exports")),
        "fresh build, same bytes"
    );

    let (nodes, edges) = reported_counts(&summary);
    let graphml = a.path().join("exports/graph.graphml");
    let v = read_with_networkx("graphml", &[&graphml]);
    assert_eq!(v["nodes"].as_object().expect("nodes").len(), nodes);
    assert_eq!(
        v["edges"].as_array().expect("edges").len(),
        edges,
        "GraphML edges = build's count"
    );

    let store = Store::open_read_only(&a.path().join("store")).expect("store opens");
    let ontology = Ontology::load(&repo().join("ontology")).expect("ontology");
    let net = export::network(&store, &ontology, &Filter::default()).expect("network");
    assert_eq!(
        (net.nodes.len(), net.edges.len()),
        (nodes, edges),
        "counts = the store's"
    );
    let gexf = a.path().join("exports/graph.gexf");
    jing(&gexf);
    let g = read_with_graphology("gexf", &gexf);
    assert_eq!(g["edges"].as_array().expect("edges").len(), edges);
    let ttl = read_rdf("turtle", &a.path().join("exports/graph.ttl"));
    assert!(ttl["triples"].as_u64().expect("count") > 0);

    // That exports/ in git is current is checked in tests/cli.rs.
}
