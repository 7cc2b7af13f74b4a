//! `actorgraph-load`: a load test of `actorgraph serve` on loopback (issue
//! 19). N requests at C concurrent keep-alive clients, while S slow clients
//! hold connections open the whole time (half trickle a request head one
//! byte at a time, half declare a body they never finish), reconnecting
//! whenever the server drops them. Prints latency percentiles and errors as
//! Markdown for BENCHMARKS.md. Loopback only: it refuses any other address.
//! See `benches/load.sh`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use clap::Parser;

/// Load test of a running `actorgraph serve` (loopback only).
#[derive(Debug, Parser)]
#[command(name = "actorgraph-load", version, about)]
struct Cli {
    /// The endpoint's address (a loopback address and port).
    #[arg(long, default_value = "127.0.0.1:7878")]
    addr: SocketAddr,
    /// Requests to send in all.
    #[arg(long, default_value_t = 10_000)]
    requests: usize,
    /// Concurrent clients (each on one keep-alive connection).
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Slow clients holding connections open meanwhile.
    #[arg(long, default_value_t = 8)]
    slow: usize,
    /// Give up on one request after this many seconds (counted as an error).
    #[arg(long, default_value_t = 60)]
    request_timeout: u64,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("actorgraph-load: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    anyhow::ensure!(
        cli.addr.ip().is_loopback(),
        "{} is not a loopback address: this load test runs on this machine only",
        cli.addr
    );
    anyhow::ensure!(cli.concurrency > 0, "--concurrency must be at least 1");
    let timeout = Duration::from_secs(cli.request_timeout);
    // Subjects to ask about, from the store itself.
    let mut probe = Conn::new(cli.addr, timeout);
    let (status, body) = probe
        .get(
            "SELECT DISTINCT ?s WHERE { ?s ag:supports ?o } LIMIT 64",
            "text/csv",
        )
        .map_err(|e| anyhow::anyhow!("cannot reach {}: {e}", cli.addr))?;
    anyhow::ensure!(status == 200, "the probe query got {status}: {body}");
    let subjects: Vec<String> = body
        .lines()
        .skip(1)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    anyhow::ensure!(
        !subjects.is_empty(),
        "the store has no ag:supports statement"
    );
    let queries: Arc<Vec<String>> = Arc::new(
        subjects
            .iter()
            .flat_map(|s| {
                [
                    format!("SELECT ?o WHERE {{ <{s}> ag:supports ?o }} LIMIT 20"),
                    format!("ASK {{ <{s}> ?p ?o }}"),
                    format!("SELECT ?p ?o WHERE {{ <{s}> ?p ?o }} LIMIT 50"),
                ]
            })
            .collect(),
    );

    let done = Arc::new(AtomicBool::new(false));
    let slow_held = Arc::new(AtomicUsize::new(0));
    let slow_dropped = Arc::new(AtomicUsize::new(0));
    let slow: Vec<_> = (0..cli.slow)
        .map(|i| {
            let (done, held, dropped) = (
                Arc::clone(&done),
                Arc::clone(&slow_held),
                Arc::clone(&slow_dropped),
            );
            let addr = cli.addr;
            std::thread::spawn(move || slow_client(addr, i % 2 == 0, &done, &held, &dropped))
        })
        .collect();
    // Let the slow clients take their connections first.
    std::thread::sleep(Duration::from_millis(500));

    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..cli.concurrency)
        .map(|_| {
            let (next, queries) = (Arc::clone(&next), Arc::clone(&queries));
            let (addr, total) = (cli.addr, cli.requests);
            std::thread::spawn(move || {
                let mut conn = Conn::new(addr, timeout);
                let mut latencies = Vec::new();
                let mut errors: Vec<String> = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= total {
                        break;
                    }
                    let q = &queries[i % queries.len()];
                    let t = Instant::now();
                    match conn.get(q, "application/sparql-results+json") {
                        Ok((200, _)) => latencies.push(t.elapsed()),
                        Ok((status, body)) => {
                            errors.push(format!("{status} {}", body.lines().next().unwrap_or("")));
                        }
                        Err(e) => {
                            errors.push(format!("I/O: {e}"));
                            conn = Conn::new(addr, timeout);
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = Vec::new();
    for w in workers {
        let (l, e) = w
            .join()
            .map_err(|_| anyhow::anyhow!("a client thread panicked"))?;
        latencies.extend(l);
        errors.extend(e);
    }
    let wall = started.elapsed();
    let held_at_end = slow_held.load(Ordering::SeqCst);
    done.store(true, Ordering::SeqCst);
    for s in slow {
        let _ = s.join();
    }
    latencies.sort();
    let pct = |p: f64| -> String {
        if latencies.is_empty() {
            return "–".into();
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        format!("{:.1} ms", latencies[i].as_secs_f64() * 1000.0)
    };
    println!(
        "| requests | concurrent | slow clients | wall | req/s | p50 | p90 | p99 | max | errors |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {} | {} | {} | {:.1} s | {:.0} | {} | {} | {} | {} | {} |",
        cli.requests,
        cli.concurrency,
        cli.slow,
        wall.as_secs_f64(),
        latencies.len() as f64 / wall.as_secs_f64(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
        errors.len()
    );
    println!(
        "\nslow clients: {held_at_end} of {} holding a connection at the end; the server dropped them {} times (header or body timeout)",
        cli.slow,
        slow_dropped.load(Ordering::SeqCst)
    );
    let mut kinds: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for e in &errors {
        *kinds.entry(e.as_str()).or_default() += 1;
    }
    for (k, n) in kinds {
        println!("error ×{n}: {k}");
    }
    Ok(())
}

/// Holds a connection open: trickles a request head one byte every 500 ms,
/// or declares a 100,000-byte body and trickles that; reconnects when
/// dropped, until `done`.
fn slow_client(
    addr: SocketAddr,
    head: bool,
    done: &AtomicBool,
    held: &AtomicUsize,
    dropped: &AtomicUsize,
) {
    while !done.load(Ordering::SeqCst) {
        let Ok(mut s) = TcpStream::connect(addr) else {
            std::thread::sleep(Duration::from_millis(200));
            continue;
        };
        held.fetch_add(1, Ordering::SeqCst);
        let (prefix, drip): (&[u8], u8) = if head {
            (b"GET /sparql?query=ASK", b'x')
        } else {
            (
                b"POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nContent-Length: 100000\r\n\r\nASK",
                b' ',
            )
        };
        let mut ok = s.write_all(prefix).is_ok();
        while ok && !done.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(500));
            ok = s.write_all(&[drip]).is_ok();
        }
        held.fetch_sub(1, Ordering::SeqCst);
        if !ok {
            dropped.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// One keep-alive HTTP/1.1 connection, reopened when the server closes it.
struct Conn {
    addr: SocketAddr,
    timeout: Duration,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn new(addr: SocketAddr, timeout: Duration) -> Conn {
        Conn {
            addr,
            timeout,
            stream: None,
        }
    }

    fn get(&mut self, query: &str, accept: &str) -> std::io::Result<(u16, String)> {
        let request = format!(
            "GET /sparql?query={} HTTP/1.1\r\nHost: localhost\r\nAccept: {accept}\r\n\r\n",
            encode(query)
        );
        if self.stream.is_none() {
            let s = TcpStream::connect(self.addr)?;
            s.set_read_timeout(Some(self.timeout))?;
            s.set_nodelay(true)?;
            self.stream = Some(BufReader::new(s));
        }
        let result = self.exchange(request.as_bytes());
        if result.as_ref().map_or(true, |(_, _, close)| *close) {
            self.stream = None;
        }
        result.map(|(status, body, _)| (status, body))
    }

    fn exchange(&mut self, request: &[u8]) -> std::io::Result<(u16, String, bool)> {
        let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
        let r = self.stream.as_mut().ok_or_else(|| bad("no connection"))?;
        r.get_mut().write_all(request)?;
        let mut line = String::new();
        r.read_line(&mut line)?;
        let status: u16 = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no status line (connection closed?)"))?;
        let mut length = None;
        let mut chunked = false;
        let mut close = false;
        loop {
            line.clear();
            r.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (k, v) = l.split_once(':').unwrap_or((l, ""));
            let (k, v) = (k.to_ascii_lowercase(), v.trim().to_ascii_lowercase());
            match k.as_str() {
                "content-length" => length = v.parse::<usize>().ok(),
                "transfer-encoding" => chunked = v.contains("chunked"),
                "connection" => close = v == "close",
                _ => {}
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                r.read_line(&mut line)?;
                let n = usize::from_str_radix(line.trim(), 16).map_err(|_| bad("bad chunk"))?;
                let mut chunk = vec![0; n + 2];
                r.read_exact(&mut chunk)?;
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..n]);
            }
        } else if let Some(n) = length {
            body.resize(n, 0);
            r.read_exact(&mut body)?;
        } else {
            r.read_to_end(&mut body)?;
            close = true;
        }
        Ok((status, String::from_utf8_lossy(&body).into_owned(), close))
    }
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
