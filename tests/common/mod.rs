//! Helpers shared by the integration tests: the built binary, the repository,
//! and the real outside readers (Python, Node) that check our outputs.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `actorgraph` binary, run from the repository root.
pub fn actorgraph() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("actorgraph").expect("binary is built");
    cmd.current_dir(repo());
    cmd
}

/// The Python that has the test readers (rdflib, networkx, pySHACL,
/// SPARQLWrapper): `$ACTORGRAPH_PYTHON`, else `.venv/bin/python` that
/// `tests/run.sh` makes, else `python3`.
pub fn python() -> Command {
    let exe = std::env::var_os("ACTORGRAPH_PYTHON")
        .map(PathBuf::from)
        .or_else(|| {
            let venv = repo().join(".venv/bin/python");
            venv.is_file().then_some(venv)
        })
        .unwrap_or_else(|| PathBuf::from("python3"));
    let mut cmd = Command::new(exe);
    cmd.current_dir(repo());
    cmd
}

/// Runs a command and returns its stdout, failing the test with its stderr
/// (and a hint to run `tests/run.sh`, which installs the readers) otherwise.
pub fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("cannot run {cmd:?}: {e}; run tests/run.sh to install the test readers")
    });
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}\n(tests/run.sh installs the readers the tests use)",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Builds the seeds into a fresh store and export folder under `dir`, and
/// returns the build's standard output (its summary).
pub fn build_seeds(dir: &Path) -> String {
    let out = actorgraph()
        .arg("build")
        .arg("seeds")
        .arg("--store")
        .arg(dir.join("store"))
        .arg("--exports")
        .arg(dir.join("exports"))
        .output()
        .expect("actorgraph runs");
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}
