//! The corpus generator (`actorgraph-corpus`): deterministic for a seed, and
//! its articles look like the news it stands in for (length, actors from the
//! lexicon, varied sentences), and are read by `ingest` without a problem.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use actorgraph::ontology::Ontology;

/// A snapshot of the ontology folder, so that the lexicon cannot change
/// between two runs that are compared.
fn ontology_snapshot(dir: &Path) -> std::path::PathBuf {
    let src = common::repo().join("ontology");
    let dst = dir.join("ontology");
    std::fs::create_dir_all(&dst).expect("create ontology copy");
    for f in ["actorgraph.ttl", "actors.ttl"] {
        std::fs::copy(src.join(f), dst.join(f)).expect("copy ontology file");
    }
    dst
}

fn generate(ontology: &Path, seed: u64, docs: usize, out: &Path, format: &str) {
    let mut cmd = assert_cmd::Command::cargo_bin("actorgraph-corpus").expect("binary is built");
    cmd.arg("--docs")
        .arg(docs.to_string())
        .arg("--seed")
        .arg(seed.to_string())
        .arg("--ontology")
        .arg(ontology)
        .arg("--format")
        .arg(format)
        .arg("--out")
        .arg(out)
        .assert()
        .success();
}

#[test]
fn same_seed_gives_identical_bytes_and_other_seeds_differ() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let onto = ontology_snapshot(tmp.path());
    let (a, b, c) = (
        tmp.path().join("a.jsonl"),
        tmp.path().join("b.jsonl"),
        tmp.path().join("c.jsonl"),
    );
    generate(&onto, 42, 30, &a, "jsonl");
    generate(&onto, 42, 30, &b, "jsonl");
    generate(&onto, 43, 30, &c, "jsonl");
    let (a, b, c) = (
        std::fs::read(&a).expect("read a"),
        std::fs::read(&b).expect("read b"),
        std::fs::read(&c).expect("read c"),
    );
    assert!(!a.is_empty());
    assert_eq!(a, b, "same seed and N must give byte-identical corpora");
    assert_ne!(a, c, "different seeds must give different corpora");
    // A longer corpus with the same seed starts with the shorter one: each
    // article depends only on what came before it.
    let d = tmp.path().join("d.jsonl");
    generate(&onto, 42, 31, &d, "jsonl");
    let d = std::fs::read(&d).expect("read d");
    assert!(d.len() > a.len() && d.starts_with(&a));
}

#[test]
fn articles_are_realistic_and_read_by_ingest() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let onto = ontology_snapshot(tmp.path());
    let out = tmp.path().join("corpus.jsonl");
    generate(&onto, 7, 40, &out, "jsonl");
    let lexicon = Ontology::load(&onto).expect("ontology loads").lexicon;
    let names: Vec<&str> = lexicon
        .iter()
        .map(|e| e.label_ar.as_str())
        .filter(|n| n.chars().count() >= 4)
        .collect();

    let docs: Vec<_> = actorgraph::ingest::read_all(&[out])
        .map(|item| item.expect("every generated line is a valid document"))
        .collect();
    assert_eq!(docs.len(), 40);
    let ids: BTreeSet<_> = docs.iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids.len(), 40, "ids are unique");
    let mut sentences = BTreeSet::new();
    let mut total_sentences = 0;
    for d in &docs {
        let len = d.text.len();
        assert!((6000..=17000).contains(&len), "{}: {len} bytes", d.id);
        assert!(d.title.is_some() && d.url.is_some() && d.published.is_some());
        // Mention density close to the seeds' (one lexicon name per ~50–150
        // bytes): count only full labels, which undercounts.
        let hits: usize = names.iter().map(|n| d.text.matches(n).count()).sum();
        assert!(
            hits * 400 >= len,
            "{}: only {hits} lexicon labels in {len} bytes",
            d.id
        );
        for s in d
            .text
            .split(['.', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            total_sentences += 1;
            sentences.insert(s.to_string());
        }
    }
    // Slots filled with different actors and qualifiers: most sentences are
    // unique, not copies.
    assert!(
        sentences.len() * 10 >= total_sentences * 7,
        "{} distinct sentences of {total_sentences}",
        sentences.len()
    );
    // Negation, reported speech and filler without actors all occur.
    let all: String = docs.iter().map(|d| d.text.as_str()).collect();
    for cue in ["لم ", "نفت", "أعلنت", "يخشى", "وتعاني المنطقة"] {
        assert!(all.contains(cue), "no sentence with {cue:?}");
    }
}

#[test]
fn text_folders_hold_the_same_articles() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let onto = ontology_snapshot(tmp.path());
    let jsonl = tmp.path().join("c.jsonl");
    let folder = tmp.path().join("txt");
    generate(&onto, 5, 6, &jsonl, "jsonl");
    generate(&onto, 5, 6, &folder, "txt");
    let from_jsonl: Vec<String> = actorgraph::ingest::read_all(&[jsonl])
        .map(|d| d.expect("valid").text)
        .collect();
    let from_txt: Vec<String> = actorgraph::ingest::read_all(&[folder])
        .map(|d| d.expect("valid").text)
        .collect();
    assert_eq!(from_txt.len(), 6);
    assert_eq!(from_jsonl, from_txt);
}

/// `--actors N` adds local groups and commanders that the lexicon does not
/// know: the default corpus is unchanged, the same seed gives the same
/// bytes, and a build discovers them as actors of the network.
#[test]
fn local_actors_are_discovered_by_a_build() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let onto = ontology_snapshot(tmp.path());
    let plain = tmp.path().join("plain.jsonl");
    let zero = tmp.path().join("zero.jsonl");
    generate(&onto, 11, 12, &plain, "jsonl");
    let with = |n: usize, out: &Path| {
        assert_cmd::Command::cargo_bin("actorgraph-corpus")
            .expect("binary is built")
            .args(["--docs", "12", "--seed", "11", "--actors"])
            .arg(n.to_string())
            .arg("--ontology")
            .arg(&onto)
            .arg("--out")
            .arg(out)
            .assert()
            .success();
    };
    with(0, &zero);
    assert_eq!(
        std::fs::read(&plain).expect("plain"),
        std::fs::read(&zero).expect("zero"),
        "--actors 0 is the default corpus"
    );
    let (a, b) = (tmp.path().join("a.jsonl"), tmp.path().join("b.jsonl"));
    with(300, &a);
    with(300, &b);
    let text = std::fs::read_to_string(&a).expect("a");
    assert_eq!(
        text,
        std::fs::read_to_string(&b).expect("b"),
        "deterministic"
    );
    // Quoted group names after a group noun: كتيبة «فرسان تاكوما».
    let quoted: BTreeSet<&str> = text
        .split('«')
        .skip(1)
        .filter_map(|s| s.split_once('»').map(|(n, _)| n))
        .collect();
    assert!(quoted.len() >= 10, "{} local groups named", quoted.len());

    let store = tmp.path().join("store");
    common::actorgraph()
        .args(["build", "--no-exports", "--store"])
        .arg(&store)
        .arg(&a)
        .assert()
        .success();
    common::actorgraph()
        .arg("--store")
        .arg(&store)
        .args(["export", "--format", "csv", "-o"])
        .arg(tmp.path().join("net"))
        .assert()
        .success();
    let csv = std::fs::read_to_string(tmp.path().join("net-nodes.csv")).expect("nodes.csv");
    let found = quoted
        .iter()
        .filter(|n| {
            csv.lines()
                .any(|l| l.contains(&format!(",{n},")) && l.contains(",true,"))
        })
        .count();
    assert!(
        found * 2 >= quoted.len(),
        "{found} of {} local groups are discovered actors of the network",
        quoted.len()
    );
}
