//! Hostile and careless input (issue 19): every row of the table
//! that is not the relation engine's, reproduced against the real binary.
//! No case may crash (exit 134), hang (each is bounded by [`within`] or a
//! subprocess deadline) or lose input silently.

mod common;
mod storefix;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `f` on a thread and fails the test when it has not finished within
/// `secs` seconds: a hang is a failure, not a stuck CI job.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("did not finish within {secs} s: a hang")
        }
        Err(_) => panic!("the case panicked (see above)"),
    }
}

/// Runs the binary with `args`, killing it after `secs` seconds (a hang
/// fails the test), and returns its output and peak memory (KiB, from
/// /proc while it ran).
fn run_bounded(args: &[&str], stdin: Option<&[u8]>, secs: u64) -> (Output, u64) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("actorgraph"))
        .current_dir(common::repo())
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("actorgraph starts");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    // Drain the pipes on threads so that a large output cannot block the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut peak = 0;
    let status = loop {
        peak = peak.max(peak_rss(child.id()));
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("actorgraph {args:?} did not finish within {secs} s: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = Output {
        status,
        stdout: out_t.join().expect("stdout"),
        stderr: err_t.join().expect("stderr"),
    };
    (output, peak)
}

/// The peak resident memory of a process in KiB (0 once it is gone).
fn peak_rss(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Fails unless the command exited with an error status (1: some inputs
/// failed, 2: the command failed; not 101, a panic, nor a signal such as
/// 134, an abort) and said `needle`.
fn refused(o: &Output, needle: &str) {
    assert!(
        matches!(o.status.code(), Some(1 | 2)),
        "{:?}: {}",
        o.status,
        stderr(o)
    );
    assert!(stderr(o).contains(needle), "{}", stderr(o));
}

/// A running `actorgraph serve`, stopped when dropped.
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

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Server {
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
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|l| l.strip_suffix("/sparql"))
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Server { child, addr }
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().expect("wait").is_none()
    }

    fn peak_rss(&self) -> u64 {
        peak_rss(self.child.id())
    }

    /// A handle to talk to it from another thread.
    fn client(&self) -> Client {
        Client {
            addr: self.addr.clone(),
        }
    }
}

/// Talks HTTP to a server by hand, so that it can misbehave.
#[derive(Clone)]
struct Client {
    addr: String,
}

impl Client {
    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(&self.addr).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        s
    }

    /// Sends raw bytes and reads the whole answer (the server closes).
    fn raw(&self, request: &[u8]) -> String {
        let mut s = self.connect();
        // A server that refuses early may close before the whole request is sent.
        let _ = s.write_all(request);
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// GET /sparql?query=… with `Connection: close`; (status, body).
    fn get(&self, query: &str) -> (u16, String) {
        let request = format!(
            "GET /sparql?query={} HTTP/1.1\r\nHost: localhost\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n\r\n",
            encode(query)
        );
        status_and_body(&self.raw(request.as_bytes()))
    }

    /// POST /sparql with an application/sparql-query body; (status, body).
    fn post(&self, query: &str) -> (u16, String) {
        let request = format!(
            "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{query}",
            query.len()
        );
        status_and_body(&self.raw(request.as_bytes()))
    }
}

fn status_and_body(answer: &str) -> (u16, String) {
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP status in {:?}", &answer[..answer.len().min(200)]));
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    (status, body)
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    storefix::fixture_store(&store);
    (tmp, store)
}

// Row 1: deep property paths and long `!` chains overflowed the stack.
#[test]
fn deep_paths_and_long_negations_are_refused_not_crashes() {
    let (tmp, store) = fixture();
    let path = format!(
        "ASK {{ <http://none/x> ({}) ?o }}",
        vec!["a"; 40_000].join("/")
    );
    let nots = format!("ASK {{ FILTER({}true) }}", "!".repeat(20_000));
    let q = tmp.path().join("nots.rq");
    std::fs::write(&q, &nots).expect("write");
    let s = store.to_str().expect("UTF-8");
    let (o, _) = run_bounded(
        &["query", "--store", s, "--file", q.to_str().expect("UTF-8")],
        None,
        60,
    );
    refused(&o, "unary operators in a row");
    let (o, _) = run_bounded(&["query", "--store", s], Some(path.as_bytes()), 60);
    refused(&o, "more than");
    // Short of the limits, a long path still runs (and is cancelled at its deadline).
    let ok = format!(
        "ASK {{ <http://none/x> ({}) ?o }}",
        vec!["<http://none/a>"; 60].join("/")
    );
    let (o, _) = run_bounded(&["query", "--store", s, &ok], None, 60);
    assert!(o.status.success(), "{}", stderr(&o));

    let mut server = Server::start(&store, &[]);
    let client = server.client();
    let ((status, body), (after, _)) = within(60, move || {
        // Over GET the URL passes the head limit (431); as a body it reaches the checks.
        let (s, b) = client.get(&path);
        assert!(matches!(s, 400 | 413 | 431), "{s} {b}");
        let r = client.post(&path);
        let long = format!("ASK {{ FILTER({}true) }}", "!".repeat(20_000));
        let (s, b) = client.get(&long);
        assert_eq!(s, 400, "{b}");
        (r, client.get("ASK { ?s ?p ?o }"))
    });
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("more than"), "{body}");
    assert_eq!(after, 200);
    assert!(server.alive(), "the server died");
}

// Row 2: clients that declare a body and never send it held every worker.
#[test]
fn slow_clients_do_not_block_others() {
    let (_tmp, store) = fixture();
    let mut server = Server::start(
        &store,
        &[
            "--threads",
            "2",
            "--body-timeout",
            "3",
            "--header-timeout",
            "3",
        ],
    );
    let client = server.client();
    within(60, move || {
        let mut slow = Vec::new();
        for _ in 0..4 {
            let mut s = client.connect();
            s.write_all(
                b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\n\r\nASK {",
            )
            .expect("write");
            slow.push(s);
        }
        // A client that never finishes its head.
        let mut head = client.connect();
        head.write_all(b"GET /sparql HTTP/1.1\r\nHost: local")
            .expect("write");
        // Others are answered at once.
        for _ in 0..8 {
            let t = Instant::now();
            let (status, body) = client.get("ASK { ?s ?p ?o }");
            assert_eq!(status, 200, "{body}");
            assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
        }
        // The slow ones get 408 at their body timeout, the half head is closed.
        for mut s in slow {
            let mut answer = Vec::new();
            let _ = s.read_to_end(&mut answer);
            let answer = String::from_utf8_lossy(&answer);
            assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
        }
        let mut rest = Vec::new();
        let _ = head.read_to_end(&mut rest);
    });
    assert!(server.alive());
}

// Row 3: a sequence path of 8,000 steps took > 3 GB and kept a core after
// its 503; one just under the limit is answered within its timeout.
#[test]
fn long_sequence_paths_are_bounded() {
    let (_tmp, store) = fixture();
    let mut server = Server::start(&store, &["--timeout", "3"]);
    let client = server.client();
    within(60, move || {
        let huge = format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ ?s ({}) ?o }}",
            vec!["<http://p>"; 8000].join("/")
        );
        let t = Instant::now();
        let (status, body) = client.post(&huge);
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("triple patterns"), "{body}");
        assert!(t.elapsed() < Duration::from_secs(2));
        let near = format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ ?s ({}) ?o }}",
            vec!["ag:supports"; 120].join("/")
        );
        let t = Instant::now();
        let (status, body) = client.post(&near);
        assert!(matches!(status, 200 | 503), "{status} {body}");
        assert!(t.elapsed() < Duration::from_secs(6), "{:?}", t.elapsed());
    });
    assert!(server.alive());
    let peak = server.peak_rss();
    assert!(peak < 500 * 1024, "peak {peak} KiB");
}

const CARTESIAN: &str = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

// Row 4: a cartesian product grew to 2.3 GB in the CLI table and 1.7 GB per
// request in `serve` before its timeout.
#[test]
fn large_results_stream_within_memory() {
    let (_tmp, store) = fixture();
    let s = store.to_str().expect("UTF-8");
    for format in ["table", "csv"] {
        let (o, peak) = run_bounded(
            &[
                "query",
                "--store",
                s,
                "--timeout",
                "3",
                "--format",
                format,
                CARTESIAN,
            ],
            None,
            60,
        );
        refused(&o, "timeout");
        assert!(
            o.stdout.len() > 100_000,
            "{format}: results stream before the end"
        );
        assert!(peak < 500 * 1024, "{format}: peak {peak} KiB");
    }
    let mut server = Server::start(&store, &["--timeout", "3", "--max-rows", "5000"]);
    let client = server.client();
    within(60, move || {
        // Cut off by the row budget: the chunked body has no end marker.
        let request = format!(
            "GET /sparql?query={} HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\nConnection: close\r\n\r\n",
            encode(CARTESIAN)
        );
        let answer = client.raw(request.as_bytes());
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "{}",
            &answer[..200.min(answer.len())]
        );
        assert!(
            !answer.ends_with("0\r\n\r\n"),
            "a cut result must not look whole"
        );
        assert!(answer.lines().count() > 4000);
    });
    assert!(server.alive());
    let mut server = Server::start(&store, &["--timeout", "3"]);
    let client = server.client();
    within(60, move || {
        // A client that reads slowly: the server keeps only a few chunks.
        let request = format!(
            "GET /sparql?query={} HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\nConnection: close\r\n\r\n",
            encode(CARTESIAN)
        );
        let mut s = client.connect();
        s.write_all(request.as_bytes()).expect("write");
        let mut buf = [0u8; 4096];
        let mut read = 0;
        let start = Instant::now();
        while let Ok(n) = s.read(&mut buf) {
            if n == 0 {
                break;
            }
            read += n;
            if start.elapsed() < Duration::from_secs(2) {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        assert!(read > 10_000);
        // Answered or cut at the timeout, not later.
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    });
    assert!(server.alive());
    let peak = server.peak_rss();
    assert!(peak < 500 * 1024, "peak {peak} KiB");
}

// Row 5: a 64 MB header or a million headers got 200 and left RSS high.
#[test]
fn huge_and_numerous_headers_are_refused() {
    let (_tmp, store) = fixture();
    let mut server = Server::start(&store, &[]);
    let client = server.client();
    within(60, move || {
        let mut big = b"GET /sparql HTTP/1.1\r\nHost: localhost\r\nX-Big: ".to_vec();
        big.extend(std::iter::repeat_n(b'a', 64 << 20));
        big.extend(b"\r\n\r\n");
        let answer = client.raw(&big);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
            "{answer}"
        );
        let mut many = b"GET /sparql HTTP/1.1\r\nHost: localhost\r\n".to_vec();
        for i in 0..1_000_000 {
            many.extend(format!("X-{i}: v\r\n").bytes());
        }
        many.extend(b"\r\n");
        let answer = client.raw(&many);
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 431"),
            "{answer}"
        );
        // 65 short headers: past the count, with a clear status.
        let mut some = b"GET /sparql HTTP/1.1\r\nHost: localhost\r\n".to_vec();
        for i in 0..65 {
            some.extend(format!("X-{i}: v\r\n").bytes());
        }
        some.extend(b"Connection: close\r\n\r\n");
        let answer = client.raw(&some);
        assert!(answer.starts_with("HTTP/1.1 431"), "{answer}");
        let (status, _) = client.get("ASK {}");
        assert_eq!(status, 200);
    });
    assert!(server.alive());
    let peak = server.peak_rss();
    assert!(peak < 200 * 1024, "peak {peak} KiB");
}

// DNS rebinding: a page on another name must not reach a loopback endpoint.
#[test]
fn foreign_host_names_are_refused_on_loopback() {
    let (_tmp, store) = fixture();
    let server = Server::start(&store, &[]);
    let client = server.client();
    within(30, move || {
        let answer = client.raw(
            b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: evil.example:7878\r\nConnection: close\r\n\r\n",
        );
        assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
        assert!(answer.contains("DNS rebinding"), "{answer}");
        let answer = client.raw(
            format!(
                "GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                client.addr
            )
            .as_bytes(),
        );
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    });
}

// A bounded connection queue: past it, 503 at once rather than a wait.
#[test]
fn connections_past_the_bound_get_503() {
    let (_tmp, store) = fixture();
    let server = Server::start(
        &store,
        &["--max-connections", "4", "--header-timeout", "20"],
    );
    let client = server.client();
    within(30, move || {
        let held: Vec<TcpStream> = (0..4).map(|_| client.connect()).collect();
        std::thread::sleep(Duration::from_millis(300));
        let t = Instant::now();
        let (status, body) = client.get("ASK {}");
        assert_eq!(status, 503, "{body}");
        assert!(body.contains("too many open connections"));
        assert!(t.elapsed() < Duration::from_secs(2));
        drop(held);
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(client.get("ASK {}").0, 200);
    });
}

// Row 13: empty and comment-only queries were called updates.
#[test]
fn empty_queries_say_so() {
    let (_tmp, store) = fixture();
    let s = store.to_str().expect("UTF-8");
    for q in ["", "   \n", "# only a comment\n# and another"] {
        let (o, _) = run_bounded(&["query", "--store", s, q], None, 60);
        refused(&o, "the query is empty");
        assert!(!stderr(&o).contains("update"), "{}", stderr(&o));
    }
}

/// A seed article's text: it yields relations.
fn seed_text() -> String {
    let dir = common::repo().join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    std::fs::read_to_string(&files[0]).expect("a seed")
}

// Row 10: one megabyte without punctuation took 137 s and 2.2 GB, as the
// scans of recognition back to a sentence's start ran to the start of the
// document. Now it is cut into sentences of at most MAX_SENTENCE_BYTES, said
// on stderr, and bounded by this test's timeout (the speed is measured in
// BENCHMARKS.md, not here).
#[test]
fn a_megabyte_without_punctuation_is_cut_and_said() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let flat: String = seed_text()
        .chars()
        .map(|c| {
            if c.is_ascii_punctuation() || "،؛؟«»\n".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let text = flat.repeat(1_000_000 / flat.len() + 1);
    let path = tmp.path().join("flat.txt");
    std::fs::write(&path, &text).expect("write");
    let (o, peak) = run_bounded(&["extract", path.to_str().expect("UTF-8")], None, 120);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("flat.txt") && err.contains("sentences cut from runs over 4096 bytes"),
        "{err}"
    );
    // The relations of the article are still read in its cut sentences.
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().count() > 100, "{out}");
    assert!(peak < 500 * 1024, "peak {peak} KiB");
}

// Rows 7 and 8: links into ancestors looped (a self-link stored one file 41
// times); a FIFO named *.txt hung the build.
#[cfg(unix)]
#[test]
fn links_to_ancestors_and_fifos_are_skipped_and_said() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("sub")).expect("mkdir");
    std::fs::write(input.join("a.txt"), seed_text()).expect("write");
    std::os::unix::fs::symlink(".", input.join("self")).expect("link");
    std::os::unix::fs::symlink("..", input.join("sub/up")).expect("link");
    std::os::unix::fs::symlink("a.txt", input.join("alias.txt")).expect("link");
    let fifo = input.join("b.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let store = tmp.path().join("store");
    let (o, peak) = run_bounded(
        &[
            "build",
            input.to_str().expect("UTF-8"),
            "--store",
            store.to_str().expect("UTF-8"),
            "--no-exports",
        ],
        None,
        120,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("b.txt: a FIFO (named pipe), not a regular file: skipped"),
        "{err}"
    );
    assert!(
        err.contains("self: a link to a folder already read"),
        "{err}"
    );
    assert!(err.contains("up: a link to a folder already read"), "{err}");
    assert!(
        err.contains("alias.txt: the same file as one already read"),
        "{err}"
    );
    assert!(peak < 500 * 1024, "peak {peak} KiB");
    // The one real document is stored once.
    let s = store.to_str().expect("UTF-8");
    let (o, _) = run_bounded(
        &[
            "query",
            "--store",
            s,
            "--format",
            "tsv",
            "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d dcterms:identifier ?id }",
        ],
        None,
        60,
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().nth(1), Some("1"), "{out}");
}

// Row 9: two inputs with one id kept the last one silently.
#[test]
fn duplicate_ids_are_reported() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = seed_text();
    for d in ["dirA", "dirB"] {
        std::fs::create_dir_all(tmp.path().join(d)).expect("mkdir");
        std::fs::write(tmp.path().join(d).join("x.txt"), &text).expect("write");
    }
    let line = |id: &str| serde_json::json!({ "id": id, "text": text }).to_string();
    std::fs::write(
        tmp.path().join("c.jsonl"),
        format!("{}\n{}\n{}\n", line("j1"), line("j2"), line("j1")),
    )
    .expect("write");
    let p = |n: &str| tmp.path().join(n).to_str().expect("UTF-8").to_string();
    let store = p("store");
    let (o, _) = run_bounded(
        &[
            "build",
            &p("dirA"),
            &p("dirB"),
            &p("c.jsonl"),
            "--store",
            &store,
            "--no-exports",
        ],
        None,
        120,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("duplicate document id \"x.txt\": already read from") && err.contains("dirA"),
        "{err}"
    );
    assert!(err.contains("duplicate document id \"j1\""), "{err}");
    let (o, _) = run_bounded(&["extract", &p("dirA"), &p("dirB"), "--json"], None, 120);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("duplicate document id"));
}

// Row 6: `export -o` replaced special files and links (temp file + rename).
#[cfg(unix)]
#[test]
fn exports_write_through_links_and_special_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    common::build_seeds(tmp.path());
    let store = tmp.path().join("store");
    let s = store.to_str().expect("UTF-8");
    let real = tmp.path().join("real.ttl");
    std::fs::write(&real, "old").expect("write");
    let link = tmp.path().join("link.ttl");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let (o, _) = run_bounded(
        &[
            "export",
            "--store",
            s,
            "--format",
            "turtle",
            "-o",
            link.to_str().expect("UTF-8"),
        ],
        None,
        60,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link was replaced"
    );
    let written = std::fs::read_to_string(&real).expect("target");
    assert!(written.contains("@prefix"), "the target was not written");
    // A FIFO is written into, not replaced (a reader drains it).
    let fifo = tmp.path().join("pipe.ttl");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read(&reader_path).expect("read fifo"));
    let (o, _) = run_bounded(
        &[
            "export",
            "--store",
            s,
            "--format",
            "ntriples",
            "-o",
            fifo.to_str().expect("UTF-8"),
        ],
        None,
        60,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let got = within(30, move || reader.join().expect("reader"));
    assert!(got.len() > 1000);
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo()
    );
    // /dev/null stays a device (as root, a rename would have replaced it).
    let (o, _) = run_bounded(
        &[
            "export",
            "--store",
            s,
            "--format",
            "turtle",
            "-o",
            "/dev/null",
        ],
        None,
        60,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::metadata("/dev/null")
            .expect("null")
            .file_type()
            .is_char_device()
    );
}

// Row 13: temp files of a killed export stayed forever.
#[test]
fn temporary_files_of_killed_exports_are_cleaned() {
    let tmp = tempfile::tempdir().expect("tempdir");
    common::build_seeds(tmp.path());
    let s = tmp.path().join("store");
    let out = tmp.path().join("g.ttl");
    // A pid that cannot be running (above the kernel's pid_max limit).
    let stale = tmp.path().join(".g.ttl.4294967.tmp");
    std::fs::write(&stale, "half an export").expect("write");
    let other = tmp.path().join(".other.ttl.4294967.tmp");
    std::fs::write(&other, "not ours").expect("write");
    let (o, _) = run_bounded(
        &[
            "export",
            "--store",
            s.to_str().expect("UTF-8"),
            "--format",
            "turtle",
            "-o",
            out.to_str().expect("UTF-8"),
        ],
        None,
        60,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert!(other.exists(), "another export's file was removed");
}

// Row 12: a folder without a store was queried as an empty store; `serve`
// kept serving a stale copy of a store damaged on disk.
#[test]
fn folders_without_a_store_and_damaged_stores_are_named() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (o, _) = run_bounded(
        &[
            "query",
            "--store",
            tmp.path().to_str().expect("UTF-8"),
            "ASK {}",
        ],
        None,
        60,
    );
    refused(&o, "not a store");
    std::fs::write(tmp.path().join("graph.nq"), "").expect("write");
    let (o, _) = run_bounded(
        &[
            "query",
            "--store",
            tmp.path().to_str().expect("UTF-8"),
            "ASK {}",
        ],
        None,
        60,
    );
    // A graph.nq makes the folder a file-backend store: the empty file is
    // named.
    refused(&o, "graph.nq is empty");

    // A damaged store file under a running server: the file backend's
    // graph.nq (RocksDB keeps its own files and checksums).
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = tmp.path().join("store");
    storefix::fixture_store(std::path::Path::new(&format!(
        "nquads:{}",
        store.to_str().expect("UTF-8")
    )));
    let mut server = Server::start(&store, &[]);
    let client = server.client();
    assert_eq!(client.get("ASK { ?s ?p ?o }").0, 200);
    std::fs::write(store.join("graph.nq"), "this is not N-Quads\n").expect("damage");
    let (status, body) = within(30, move || client.get("ASK { ?s ?p ?o }"));
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("cannot be read"), "{body}");
    assert!(server.alive());
}

// Row 13: ids starting with `=` became spreadsheet formulas; ESC sequences
// in ids reached the terminal; `--jobs 100000` was accepted.
#[test]
fn hostile_ids_are_inert_in_csv_and_terminals() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = seed_text();
    let input = tmp.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!(
            "{}\n",
            serde_json::json!({ "id": "=HYPERLINK(\"http://evil\")\u{1b}[2J", "text": text })
        ),
    )
    .expect("write");
    let p = |n: &str| tmp.path().join(n).to_str().expect("UTF-8").to_string();
    let (o, _) = run_bounded(
        &[
            "build",
            &p("in.jsonl"),
            "--store",
            &p("store"),
            "--exports",
            &p("exports"),
        ],
        None,
        120,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let edges = std::fs::read_to_string(tmp.path().join("exports/edges.csv")).expect("edges");
    assert!(edges.lines().count() > 1, "the seed gives relations");
    for line in edges.lines() {
        for field in line.split(',') {
            assert!(!field.trim_start_matches('"').starts_with('='), "{line}");
        }
    }
    assert!(edges.contains("'=HYPERLINK"), "{edges}");
    let (o, _) = run_bounded(
        &[
            "query",
            "--store",
            &p("store"),
            "SELECT ?id { ?d dcterms:identifier ?id }",
        ],
        None,
        60,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains('\u{1b}'), "{out}");
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    let (o, _) = run_bounded(
        &[
            "build",
            &p("in.jsonl"),
            "--store",
            &p("store2"),
            "--jobs",
            "100000",
        ],
        None,
        60,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--jobs"), "{}", stderr(&o));
}

// Rows 3 and 4: a query whose evaluation holds its solutions (ORDER BY over
// a cross product) is stopped by the memory budget well before its timeout.
#[test]
fn the_memory_budget_stops_a_growing_query() {
    let (_tmp, store) = fixture();
    let mut server = Server::start(&store, &["--timeout", "60", "--max-memory", "64"]);
    let client = server.client();
    let (status, body) = within(60, move || {
        let t = Instant::now();
        let r = client.get(&format!("{CARTESIAN} ORDER BY ?a ?e ?i"));
        assert!(t.elapsed() < Duration::from_secs(50), "{:?}", t.elapsed());
        r
    });
    assert_eq!(status, 503, "{body}");
    assert!(
        body.contains("memory grew past its budget of 64 MiB"),
        "{body}"
    );
    assert!(server.alive());
    let peak = server.peak_rss();
    assert!(peak < 500 * 1024, "peak {peak} KiB");
}
