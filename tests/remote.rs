//! The remote store against a real server: Virtuoso Open Source from Debian
//! (`virtuoso-opensource`, which tests/run.sh installs), one private
//! instance per test on free ports of 127.0.0.1 in a temporary folder,
//! killed at the end.
//!
//! Without `virtuoso-t` these tests fail; set ACTORGRAPH_NO_VIRTUOSO=1 to
//! skip them (loudly) on a machine that cannot have it.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{actorgraph, repo};
use oxigraph::io::{RdfFormat, RdfParser};

/// A private Virtuoso instance.
struct Virtuoso {
    dir: tempfile::TempDir,
    http: u16,
    sql: u16,
    pid: Option<u32>,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Virtuoso {
    /// Starts an instance, or `None` when ACTORGRAPH_NO_VIRTUOSO=1 asks to
    /// skip; without `virtuoso-t` the test fails.
    fn start() -> Option<Virtuoso> {
        if std::env::var("ACTORGRAPH_NO_VIRTUOSO").as_deref() == Ok("1") {
            eprintln!(
                "\n!!! SKIPPED: ACTORGRAPH_NO_VIRTUOSO=1: the remote store is NOT tested against Virtuoso !!!\n"
            );
            return None;
        }
        let found = Command::new("virtuoso-t")
            .arg("-?")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok();
        assert!(
            found,
            "virtuoso-t is not installed: run tests/run.sh (it installs virtuoso-opensource), \
             or set ACTORGRAPH_NO_VIRTUOSO=1 to skip these tests"
        );
        let dir = tempfile::Builder::new()
            .prefix("remote-virtuoso-")
            .tempdir()
            .expect("temp dir");
        let (http, sql) = (free_port(), free_port());
        let ini = std::fs::read_to_string("/etc/virtuoso-opensource-7/virtuoso.ini")
            .expect("Debian's virtuoso.ini");
        let d = dir.path().display().to_string();
        let ini: String = ini
            .lines()
            .map(|l| {
                let key = l.split('=').next().unwrap_or("").trim();
                if key == "ServerPort" && l.contains("1111") {
                    format!("ServerPort = 127.0.0.1:{sql}")
                } else if key == "ServerPort" && l.contains("8890") {
                    format!("ServerPort = 127.0.0.1:{http}")
                } else if key == "DirsAllowed" {
                    format!("DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {d}")
                } else {
                    l.replace("/var/lib/virtuoso-opensource-7/db/", &format!("{d}/"))
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(dir.path().join("virtuoso.ini"), ini).expect("ini written");
        let mut v = Virtuoso {
            dir,
            http,
            sql,
            pid: None,
        };
        v.run();
        v.isql(r#"GRANT SPARQL_UPDATE TO "SPARQL";"#);
        Some(v)
    }

    /// Starts the server on this instance's folder and waits for its
    /// SPARQL endpoint.
    fn run(&mut self) {
        let status = Command::new("virtuoso-t")
            .arg("+configfile")
            .arg(self.dir.path().join("virtuoso.ini"))
            .arg("+wait")
            .current_dir(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("virtuoso-t runs");
        assert!(status.success(), "virtuoso-t failed: {status}");
        let lock = std::fs::read_to_string(self.dir.path().join("virtuoso.lck")).expect("lock");
        self.pid = lock
            .trim()
            .strip_prefix("VIRT_PID=")
            .and_then(|p| p.parse().ok());
        assert!(self.pid.is_some(), "no pid in virtuoso.lck: {lock}");
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(60) {
            if ureq::get(format!("{}?query=ASK%7B%7D", self.url()))
                .call()
                .is_ok_and(|r| r.status() == 200)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("Virtuoso did not answer at {} within 60 s", self.url());
    }

    /// Kills the server (as a crash would) and waits until it is gone.
    fn kill(&mut self) {
        if let Some(pid) = self.pid.take() {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            let t = Instant::now();
            while Path::new(&format!("/proc/{pid}")).exists()
                && t.elapsed() < Duration::from_secs(20)
            {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = std::fs::remove_file(self.dir.path().join("virtuoso.lck"));
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/sparql", self.http)
    }

    fn isql(&self, sql: &str) -> String {
        let out = Command::new("isql-vt")
            .arg(self.sql.to_string())
            .arg("dba")
            .arg("dba")
            .arg(format!("exec={sql}"))
            .output()
            .expect("isql-vt runs");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success() && !text.contains("*** Error"),
            "{sql}: {text}"
        );
        text
    }

    /// Every actorgraph graph on the server (documents, ontology, lexicon;
    /// not the rules stamp) as sorted N-Quads lines, read by Graph Store
    /// `GET` and written by Oxigraph, so that lexical forms compare.
    fn dump(&self) -> Vec<String> {
        let graphs = self.graphs();
        let mut lines = Vec::new();
        for g in graphs {
            let body = ureq::get(format!(
                "http://127.0.0.1:{}/sparql-graph-crud?graph={}",
                self.http,
                encode(&g)
            ))
            .header("Accept", "application/n-triples")
            .call()
            .expect("GET graph")
            .body_mut()
            .read_to_string()
            .expect("body");
            for t in RdfParser::from_format(RdfFormat::NTriples).for_slice(body.as_bytes()) {
                let t = t.expect("N-Triples from Virtuoso");
                lines.push(unlabel(&format!(
                    "{} {} {} <{g}> .\n",
                    t.subject, t.predicate, t.object
                )));
            }
        }
        lines.sort();
        lines
    }

    /// The actorgraph graphs on the server, but the rules stamp's.
    fn graphs(&self) -> BTreeSet<String> {
        let q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } \
                 FILTER (STRSTARTS(STR(?g), \"https://w3id.org/actorgraph/\")) }";
        let body = ureq::post(self.url())
            .header("Accept", "text/csv")
            .send_form([("query", q)])
            .expect("SELECT graphs")
            .body_mut()
            .read_to_string()
            .expect("body");
        body.lines()
            .skip(1)
            .map(|l| l.trim_matches('"').to_string())
            .filter(|g| !g.is_empty() && !g.ends_with("/graph/rules"))
            .collect()
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        self.kill();
    }
}

/// An N-Quads line with its blank node labels erased: the ontology graph's
/// OWL lists are blank nodes, which a server names as it likes.
fn unlabel(line: &str) -> String {
    // The server holds them as IRIs (see `skolemize` in the remote store).
    let genid = "<https://w3id.org/actorgraph/.well-known/genid/";
    let mut line = line.to_string();
    while let Some(i) = line.find(genid) {
        let Some(end) = line[i..].find('>') else {
            break;
        };
        let label = line[i + genid.len()..i + end].to_string();
        line.replace_range(i..i + end + 1, &format!("_:{label}"));
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(i) = rest.find("_:") {
        let (head, tail) = rest.split_at(i);
        // Only a term position: after a space or at the start, never inside a literal's text.
        let at_term = head.is_empty() || head.ends_with(' ');
        out.push_str(head);
        out.push_str("_:");
        let tail = &tail[2..];
        if at_term {
            let end = tail
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '-')
                .unwrap_or(tail.len());
            rest = &tail[end..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Runs actorgraph and returns (success, stdout, stderr).
fn run(args: &[&str]) -> (bool, String, String) {
    let out = actorgraph().args(args).output().expect("actorgraph runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Starts actorgraph with its output piped.
fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("actorgraph"))
        .args(args)
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("actorgraph starts")
}

fn run_ok(args: &[&str]) -> String {
    let (ok, out, err) = run(args);
    assert!(ok, "actorgraph {args:?} failed:\n{out}\n{err}");
    out
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// The rows of every shipped query on a store, sorted (TSV keeps the
/// datatype of every literal, so a normalized value would show).
fn answers(store: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let dir = repo().join("ontology/queries");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("queries")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    for f in files {
        let text = run_ok(&[
            "--store",
            store,
            "query",
            "--file",
            &s(&f),
            "--format",
            "tsv",
        ]);
        let mut rows: Vec<String> = text.lines().map(str::to_string).collect();
        rows.sort();
        out.insert(
            f.file_name().expect("name").to_string_lossy().into_owned(),
            rows,
        );
    }
    out
}

/// The stored document graphs' contents expected for `inputs`: what
/// `extract --nquads` prints (the ontology and lexicon graphs included).
fn expected(inputs: &[&str]) -> Vec<String> {
    let mut args = vec!["extract", "--nquads"];
    args.extend_from_slice(inputs);
    let mut lines: Vec<String> = run_ok(&args)
        .lines()
        .map(|l| unlabel(&format!("{l}\n")))
        .collect();
    lines.sort();
    lines
}

/// Two sorted lists of lines are equal; on failure, shows only the lines
/// that differ.
#[track_caller]
fn assert_same_lines(left: &[String], right: &[String], what: &str) {
    if left == right {
        return;
    }
    let (l, r): (BTreeSet<&String>, BTreeSet<&String>) =
        (left.iter().collect(), right.iter().collect());
    let only_l: Vec<_> = l.difference(&r).take(8).collect();
    let only_r: Vec<_> = r.difference(&l).take(8).collect();
    panic!(
        "{what}: {} lines against {}\nonly left: {only_l:#?}\nonly right: {only_r:#?}",
        left.len(),
        right.len()
    );
}

fn assert_same_answers(a: &BTreeMap<String, Vec<String>>, b: &BTreeMap<String, Vec<String>>) {
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (q, rows) in a {
        assert_eq!(
            rows, &b[q],
            "query {q}: the embedded store and Virtuoso differ"
        );
    }
}

#[test]
fn seeds_in_virtuoso_answer_like_the_embedded_store_through_rebuild_and_remove() {
    let Some(v) = Virtuoso::start() else { return };
    let tmp = tempfile::Builder::new()
        .prefix("remote-")
        .tempdir()
        .expect("tmp");
    let seeds = tmp.path().join("seeds");
    std::fs::create_dir(&seeds).expect("mkdir");
    for e in std::fs::read_dir(repo().join("seeds")).expect("seeds") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, seeds.join(p.file_name().expect("name"))).expect("copy");
    }
    let (url, emb) = (v.url(), s(&tmp.path().join("embedded")));
    let (ex_r, ex_e) = (tmp.path().join("ex-remote"), tmp.path().join("ex-embedded"));
    let out = run_ok(&["--store", &url, "build", &s(&seeds), "--exports", &s(&ex_r)]);
    assert!(out.contains("(5 extracted, 0 unchanged"), "{out}");
    run_ok(&["--store", &emb, "build", &s(&seeds), "--exports", &s(&ex_e)]);

    // The server holds exactly the graphs a build stores.
    assert_same_lines(
        &v.dump(),
        &expected(&[&s(&seeds)]),
        "v.dump() vs expected(&[&s(&seeds)])",
    );

    // Every shipped query: the same rows.
    let (remote, embedded) = (answers(&url), answers(&emb));
    let rows: usize = remote.values().map(|r| r.len() - 1).sum();
    assert!(
        rows > 50,
        "the queries should find rows in the seeds: {remote:?}"
    );
    assert_same_answers(&embedded, &remote);

    // The same exports, byte for byte, from the build and from `export`.
    for f in [
        "graph.graphml",
        "graph.gexf",
        "graph.ttl",
        "nodes.csv",
        "edges.csv",
        "discovered.tsv",
    ] {
        let (a, b) = (std::fs::read(ex_e.join(f)), std::fs::read(ex_r.join(f)));
        assert!(a.as_ref().is_ok_and(|a| a.len() > 100), "{f}");
        assert!(
            a.ok() == b.ok(),
            "{f} differs between the embedded store and Virtuoso"
        );
    }
    for format in ["graphml", "gexf", "json", "html"] {
        let a = run_ok(&["--store", &emb, "export", "--format", format]);
        let b = run_ok(&["--store", &url, "export", "--format", format]);
        assert!(a.len() > 1000 && a == b, "export --format {format} differs");
    }
    let n = run_ok(&["--store", &url, "neighbors", "Mali"]);
    assert_eq!(n, run_ok(&["--store", &emb, "neighbors", "Mali"]));

    // A second build skips every document: the fingerprints come from the server.
    let out = run_ok(&["--store", &url, "build", &s(&seeds), "--no-exports"]);
    assert!(out.contains("(0 extracted, 5 unchanged"), "{out}");

    // One document changed: only its graph changes on the server.
    let before: BTreeSet<String> = v.graphs();
    let changed = seeds.join("001_c453b7121c1ffcb8.txt");
    let mut text = std::fs::read_to_string(&changed).expect("seed");
    text.push_str("\nوأعلنت روسيا دعمها للمجلس العسكري في مالي.\n");
    std::fs::write(&changed, text).expect("edit");
    let out = run_ok(&["--store", &url, "build", &s(&seeds), "--no-exports"]);
    assert!(out.contains("(1 extracted, 4 unchanged"), "{out}");
    run_ok(&["--store", &emb, "build", &s(&seeds), "--no-exports"]);
    let after: BTreeSet<String> = v.graphs();
    assert_eq!(before.difference(&after).count(), 1, "{before:?} {after:?}");
    assert_eq!(after.difference(&before).count(), 1, "{before:?} {after:?}");
    assert_same_lines(
        &v.dump(),
        &expected(&[&s(&seeds)]),
        "v.dump() vs expected(&[&s(&seeds)])",
    );
    assert_same_answers(&answers(&emb), &answers(&url));

    // One document removed: its graph goes, the answers follow.
    let (rx_r, rx_e) = (
        s(&tmp.path().join("rm-remote")),
        s(&tmp.path().join("rm-emb")),
    );
    let out = run_ok(&[
        "--store",
        &url,
        "remove",
        "002_b1c2d3c272d6da4c.txt",
        "--exports",
        &rx_r,
    ]);
    assert!(out.contains("removed"), "{out}");
    run_ok(&[
        "--store",
        &emb,
        "remove",
        "002_b1c2d3c272d6da4c.txt",
        "--exports",
        &rx_e,
    ]);
    for f in ["graph.graphml", "graph.gexf", "graph.ttl"] {
        let a = std::fs::read(Path::new(&rx_e).join(f)).expect("embedded export");
        let b = std::fs::read(Path::new(&rx_r).join(f)).expect("remote export");
        assert!(a.len() > 100 && a == b, "{f} after remove differs");
    }
    assert_eq!(v.graphs().len(), after.len() - 1);
    std::fs::remove_file(seeds.join("002_b1c2d3c272d6da4c.txt")).expect("rm");
    assert_same_lines(
        &v.dump(),
        &expected(&[&s(&seeds)]),
        "v.dump() vs expected(&[&s(&seeds)])",
    );
    assert_same_answers(&answers(&emb), &answers(&url));
    let (ok, _, err) = run(&["--store", &url, "remove", "002_b1c2d3c272d6da4c.txt"]);
    assert!(!ok && err.contains("no document"), "{err}");
}

#[test]
fn two_concurrent_shard_builds_store_what_one_build_stores() {
    let Some(one) = Virtuoso::start() else { return };
    let Some(two) = Virtuoso::start() else { return };
    let seeds = s(&repo().join("seeds"));
    run_ok(&["--store", &one.url(), "build", &seeds, "--no-exports"]);
    let shards: Vec<_> = ["0/2", "1/2"]
        .iter()
        .map(|shard| {
            spawn(&[
                "--store",
                &two.url(),
                "build",
                &seeds,
                "--no-exports",
                "--shard",
                shard,
            ])
        })
        .collect();
    let mut extracted = 0;
    for child in shards {
        let out = child.wait_with_output().expect("shard build ends");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{text}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let n: usize = text
            .split("documents  ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("a documents line");
        assert!(n >= 1, "each shard of the seeds holds documents: {text}");
        extracted += n;
    }
    assert_eq!(extracted, 5, "the shards split the five seeds");
    let dump = one.dump();
    assert!(dump.len() > 1000);
    assert_same_lines(&two.dump(), &dump, "two.dump() vs dump");
    assert_same_lines(&dump, &expected(&[&seeds]), "dump vs expected(&[&seeds])");
    // The sharded store is complete: a full build skips everything.
    let out = run_ok(&["--store", &two.url(), "build", &seeds, "--no-exports"]);
    assert!(out.contains("(0 extracted, 5 unchanged"), "{out}");
}

#[test]
fn shard_nquads_load_with_virtuosos_bulk_loader_into_the_same_graphs() {
    let Some(v) = Virtuoso::start() else { return };
    let seeds = s(&repo().join("seeds"));
    let out_dir = v.dir.path().join("load");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let mut lines = 0;
    for i in 0..3 {
        let text = run_ok(&["extract", &seeds, "--nquads", "--shard", &format!("{i}/3")]);
        lines += text.lines().count();
        std::fs::write(out_dir.join(format!("shard-{i}.nq")), text).expect("write");
    }
    let all = expected(&[&seeds]);
    assert_eq!(lines, all.len(), "the shards hold every quad once");
    v.isql(&format!(
        "ld_dir('{}', '*.nq', 'https://w3id.org/actorgraph/graph/unused');",
        out_dir.display()
    ));
    v.isql("rdf_loader_run();");
    v.isql("checkpoint;");
    assert_same_lines(&v.dump(), &all, "v.dump() vs all");
    // A build over the loaded store has no rules stamp: it extracts again
    // and stores the same graphs.
    let out = run_ok(&["--store", &v.url(), "build", &seeds, "--no-exports"]);
    assert!(out.contains("(5 extracted"), "{out}");
    assert_same_lines(&v.dump(), &all, "v.dump() vs all");
}

#[test]
fn a_killed_build_leaves_whole_graphs_and_a_stopped_server_is_a_clear_error() {
    let Some(mut v) = Virtuoso::start() else {
        return;
    };
    let tmp = tempfile::Builder::new()
        .prefix("remote-")
        .tempdir()
        .expect("tmp");
    let corpus = tmp.path().join("corpus.jsonl");
    let made = Command::new(assert_cmd::cargo::cargo_bin("actorgraph-corpus"))
        .args([
            "--docs",
            "400",
            "--seed",
            "5",
            "--min-bytes",
            "1500",
            "--max-bytes",
            "3000",
        ])
        .arg("--out")
        .arg(&corpus)
        .current_dir(repo())
        .status()
        .expect("corpus generator runs");
    assert!(made.success());
    let corpus = s(&corpus);
    let all = expected(&[&corpus]);
    let mut by_graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in &all {
        let g = l
            .rsplit_once(" <")
            .map(|(_, g)| g.trim_end_matches(" .\n").trim_end_matches('>'));
        by_graph
            .entry(g.unwrap_or("").to_string())
            .or_default()
            .push(l.clone());
    }
    let url = v.url();

    // Killed while it writes: every graph on the server is whole.
    let mut child = spawn(&[
        "--store",
        &url,
        "build",
        &corpus,
        "--no-exports",
        "--batch",
        "16",
        "-j",
        "1",
    ]);
    let t = Instant::now();
    while v.graphs().len() < 12 && t.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(100));
    }
    child.kill().expect("kill");
    let _ = child.wait();
    let dump = v.dump();
    let mut on_server: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for l in &dump {
        let g = l
            .rsplit_once(" <")
            .map(|(_, g)| g.trim_end_matches(" .\n").trim_end_matches('>'));
        on_server
            .entry(g.unwrap_or("").to_string())
            .or_default()
            .push(l.clone());
    }
    let docs = on_server.keys().filter(|g| g.contains("/doc/")).count();
    assert!(
        (10..400).contains(&docs),
        "killed mid-build: {docs} documents stored"
    );
    for (g, lines) in &on_server {
        assert_same_lines(lines, by_graph.get(g).map_or(&[][..], |v| v), g);
    }

    // The server stops mid-build: a clear error naming the URL, a non-zero exit.
    let child = spawn(&[
        "--store",
        &url,
        "build",
        &corpus,
        "--no-exports",
        "--batch",
        "16",
        "-j",
        "1",
    ]);
    let start = v.graphs().len();
    let t = Instant::now();
    while v.graphs().len() < start + 5 && t.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(100));
    }
    v.kill();
    let out = child.wait_with_output().expect("build ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the build must fail when the server is gone"
    );
    assert!(err.contains(&format!("remote store {url}")), "{err}");
    assert!(err.contains("attempts"), "{err}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("documents  "),
        "no summary"
    );

    // After a restart the same command completes the store (with four
    // concurrent writers, which must store the same graphs).
    v.run();
    let out = actorgraph()
        .env("ACTORGRAPH_STORE_WRITERS", "4")
        .args(["--store", &url, "build", &corpus, "--no-exports"])
        .output()
        .expect("build runs");
    let out =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.contains("documents  400"), "{out}");
    assert_same_lines(&v.dump(), &all, "v.dump() vs all");
}

/// Needs no server: the N-Quads of `extract --nquads` (all shards together)
/// are the quads a build stores in a folder, less the view graph.
#[test]
fn extract_nquads_shards_hold_what_a_build_stores() {
    let tmp = tempfile::Builder::new()
        .prefix("remote-")
        .tempdir()
        .expect("tmp");
    let seeds = s(&repo().join("seeds"));
    let store = format!("nquads:{}", tmp.path().join("store").display());
    run_ok(&["--store", &store, "build", &seeds, "--no-exports"]);
    let stored = std::fs::read_to_string(tmp.path().join("store/graph.nq")).expect("graph.nq");
    let mut stored: Vec<String> = stored
        .lines()
        .filter(|l| !l.ends_with("<https://w3id.org/actorgraph/graph/view> ."))
        .map(|l| format!("{l}\n"))
        .collect();
    stored.sort();
    let mut shards: Vec<String> = Vec::new();
    for i in 0..3 {
        let text = run_ok(&["extract", &seeds, "--nquads", "--shard", &format!("{i}/3")]);
        let ontology = text.contains("<https://w3id.org/actorgraph/graph/ontology> .");
        assert_eq!(ontology, i == 0, "only shard 0 carries the ontology");
        shards.extend(text.lines().map(|l| format!("{l}\n")));
    }
    shards.sort();
    assert!(stored.len() > 5000, "{}", stored.len());
    assert_same_lines(&shards, &stored, "extract --nquads vs graph.nq");
    let (ok, _, err) = run(&["extract", &seeds, "--nquads", "--shard", "3/3"]);
    assert!(!ok && err.contains("--shard 3/3"), "{err}");
}
