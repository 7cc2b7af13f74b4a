//! The command line as a user meets it: bad inputs get clear messages and a
//! non-zero exit while the good documents are still processed; `extract`
//! prints the documented JSON; builds are repeatable.

mod common;

use std::path::Path;

use common::{actorgraph, build_seeds, repo};

/// A short article written for these tests (not from the seeds).
const ARTICLE: &str = "أعلنت روسيا دعمها للمجلس العسكري في مالي.\n\
وقالت مصادر إن جماعة نصرة الإسلام والمسلمين هاجمت مدينة غاو.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write test input");
}

#[test]
fn bad_inputs_are_named_and_the_good_ones_still_stored() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir(&input).expect("mkdir");
    write(&input, "a-good.txt", ARTICLE.as_bytes());
    write(&input, "b-empty.txt", b"");
    write(&input, "c-binary.txt", b"\x7fELF\x02\x01\x00\x00binary");
    let mut latin1 = "مالي ".as_bytes().to_vec();
    latin1.extend_from_slice(b"caf\xe9");
    write(&input, "d-latin1.txt", &latin1);
    #[cfg(unix)]
    std::os::unix::fs::symlink(tmp.path().join("nowhere"), input.join("e-dangling.txt"))
        .expect("symlink");
    let jsonl = format!(
        "{}\n{{\"id\": \"j2\", \"text\": \"broken\n{}\n",
        serde_json::json!({"id": "j1", "text": ARTICLE, "published": "2025-11-02"}),
        serde_json::json!({"id": "j3", "text": ARTICLE, "title": "عنوان"}),
    );
    write(&input, "f-docs.jsonl", jsonl.as_bytes());
    let missing = tmp.path().join("missing-folder");

    let out = actorgraph()
        .arg("build")
        .arg(&input)
        .arg(&missing)
        .arg("--store")
        .arg(tmp.path().join("store"))
        .arg("--exports")
        .arg(tmp.path().join("exports"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "bad inputs give exit 1\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let expect = [
        ("missing-folder", "no such file"),
        ("b-empty.txt", "empty document"),
        ("c-binary.txt", "binary file"),
        ("d-latin1.txt", "invalid byte at offset 12"),
        ("e-dangling.txt", "no such file"),
        ("f-docs.jsonl:2", "malformed JSON"),
    ];
    for (file, msg) in expect {
        assert!(
            stderr.lines().any(|l| l.contains(file) && l.contains(msg)),
            "no line naming {file} with {msg:?} in:\n{stderr}"
        );
    }
    // a-good.txt, j1 and j3 were stored.
    assert!(stdout.contains("documents  3 (3 extracted"), "{stdout}");
    let q = actorgraph()
        .args(["query", "--format", "tsv", "--store"])
        .arg(tmp.path().join("store"))
        .arg("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/actorgraph/ontology#Document> }")
        .output()
        .expect("runs");
    assert!(q.status.success(), "{}", String::from_utf8_lossy(&q.stderr));
    assert!(
        String::from_utf8_lossy(&q.stdout).contains('3'),
        "three documents stored"
    );
}

#[test]
fn a_huge_single_line_is_processed_without_panic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let line = ARTICLE.replace('\n', " ").repeat(10_000); // ~1.5 MB, no newline
    write(tmp.path(), "huge.txt", line.as_bytes());
    let out = actorgraph()
        .arg("extract")
        .arg("--json")
        .arg(tmp.path().join("huge.txt"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn extract_json_quotes_evidence_from_the_original_bytes() {
    let out = actorgraph()
        .args(["extract", "--json", "seeds"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let mut n = 0;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        let doc = v["doc"].as_str().expect("doc");
        let text = std::fs::read_to_string(repo().join("seeds").join(doc)).expect("seed file");
        for side in ["subject", "object"] {
            assert!(
                v[side]["id"].as_str().expect("id").starts_with("https://"),
                "{line}"
            );
            assert!(
                v[side]["label"].is_string() && v[side]["label_ar"].is_string(),
                "{line}"
            );
        }
        assert!(["pos", "neg"].contains(&v["polarity"].as_str().expect("polarity")));
        assert!(
            ["asserted", "reported", "hedged"].contains(&v["modality"].as_str().expect("modality"))
        );
        assert!(v["date"].is_null() || v["date"].is_string());
        let ev = &v["evidence"];
        let (start, end) = (
            ev["start"].as_u64().expect("start") as usize,
            ev["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            &text[start..end],
            ev["sentence"].as_str().expect("sentence"),
            "{line}"
        );
        n += 1;
    }
    assert!(n >= 20, "the seeds give at least 20 relations, got {n}");
}

#[test]
fn extract_mentions_json_spans_index_the_file() {
    let out = actorgraph()
        .args([
            "extract",
            "--mentions",
            "--json",
            "seeds/002_b1c2d3c272d6da4c.txt",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text =
        std::fs::read_to_string(repo().join("seeds/002_b1c2d3c272d6da4c.txt")).expect("seed");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let mut labels = std::collections::BTreeSet::new();
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let (start, end) = (
            v["start"].as_u64().expect("start") as usize,
            v["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&text[start..end], v["text"].as_str().expect("text"));
        labels.insert(v["label"].as_str().expect("label").to_string());
    }
    for expected in ["Bamako", "JNIM", "Mali", "Malian Armed Forces", "al-Qaeda"] {
        assert!(
            labels.contains(expected),
            "{expected} not recognized; got {labels:?}"
        );
    }
}

#[test]
fn building_twice_leaves_the_same_store_and_identical_exports() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let first = build_seeds(tmp.path());
    let snapshot = read_dir_bytes(&tmp.path().join("exports"));
    assert!(!snapshot.is_empty(), "build wrote exports");
    let second = build_seeds(tmp.path());
    assert!(
        second.contains("documents  5 (0 extracted, 5 unchanged"),
        "{second}"
    );
    let triples = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("triples"))
            .map(str::to_string)
    };
    assert_eq!(triples(&first), triples(&second), "no duplicated triples");
    // Rebuilding from scratch gives byte-identical exports.
    std::fs::remove_dir_all(tmp.path().join("store")).expect("rm store");
    build_seeds(tmp.path());
    assert_eq!(snapshot, read_dir_bytes(&tmp.path().join("exports")));
}

#[test]
fn committed_exports_are_the_graph_of_the_seeds() {
    let tmp = tempfile::tempdir().expect("tempdir");
    build_seeds(tmp.path());
    let fresh = read_dir_bytes(&tmp.path().join("exports"));
    let committed = read_dir_bytes(&repo().join("exports"));
    let names =
        |m: &std::collections::BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&fresh),
        "exports/ lists other files than build writes"
    );
    for (name, bytes) in &fresh {
        assert!(
            committed.get(name) == Some(bytes),
            "exports/{name} is stale: run `cargo run --release -- build` and commit exports/"
        );
    }
}

fn read_dir_bytes(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .map(|e| {
                    let bytes = std::fs::read(e.path()).expect("read export");
                    (e.file_name().to_string_lossy().into_owned(), bytes)
                })
                .collect()
        })
        .unwrap_or_default()
}
