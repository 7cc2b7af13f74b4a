//! The built graph satisfies the SHACL shapes (`ontology/shapes.ttl`),
//! checked by a real validator (pySHACL through `tests/shacl/validate.py`),
//! and the validator itself tells good data from bad.

mod common;

use common::{actorgraph, build_seeds, python, run_ok};

#[test]
fn seed_graph_conforms_to_the_shapes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    build_seeds(tmp.path());
    let nq = tmp.path().join("graph.nq");
    actorgraph()
        .args(["export", "--format", "nquads", "--store"])
        .arg(tmp.path().join("store"))
        .arg("-o")
        .arg(&nq)
        .assert()
        .success();
    // The export already holds the lexicon graph: do not merge the file again.
    let report = run_ok(
        python()
            .args(["tests/shacl/validate.py", "--no-lexicon"])
            .arg(&nq),
    );
    assert!(report.trim_end().ends_with("CONFORMS"), "{report}");
    // The export is not trivially conforming: it holds statements.
    let text = std::fs::read_to_string(&nq).expect("read export");
    let statements = text
        .lines()
        .filter(|l| l.contains("<https://w3id.org/actorgraph/ontology#Statement>"))
        .count();
    assert!(
        statements >= 20,
        "only {statements} statements in the seed graph"
    );
}

#[test]
fn validator_rejects_each_planted_defect() {
    let out = python()
        .arg("tests/shacl/validate.py")
        .arg("tests/shacl/invalid.ttl")
        .output()
        .expect("python runs (tests/run.sh installs pySHACL)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("DOES NOT CONFORM"), "{stdout}");
    let ok = run_ok(
        python()
            .arg("tests/shacl/validate.py")
            .arg("tests/shacl/valid.ttl"),
    );
    assert!(ok.trim_end().ends_with("CONFORMS"), "{ok}");
}
