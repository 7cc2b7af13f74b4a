//! Sorting more lines than memory should hold: lines are gathered in one
//! buffer up to a budget, each full buffer is sorted and written to a
//! temporary file (a run), and the runs are merged at the end. Exports and
//! the N-Quads dump sort every quad of the store this way, so their memory is
//! the budget, not the store.
//!
//! Lines are compared as bytes and must not contain `\n` (N-Triples terms
//! escape it); equal lines come out once.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The default budget of lines held in memory at once.
pub const DEFAULT_BUDGET: usize = 64 << 20;

/// Lines to sort, spilled to sorted runs on disk beyond the budget.
#[derive(Debug)]
pub struct ExternalSort {
    buf: Vec<u8>,
    spans: Vec<(usize, usize)>,
    budget: usize,
    runs: Vec<Run>,
}

/// A temporary file holding one sorted run, removed when dropped.
#[derive(Debug)]
struct Run {
    path: PathBuf,
}

impl Drop for Run {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

impl ExternalSort {
    /// A sorter holding at most about `budget` bytes of lines in memory.
    pub fn new(budget: usize) -> ExternalSort {
        ExternalSort {
            buf: Vec::new(),
            spans: Vec::new(),
            budget: budget.max(1),
            runs: Vec::new(),
        }
    }

    /// Adds one line (without its newline).
    pub fn push(&mut self, line: &[u8]) -> std::io::Result<()> {
        let start = self.buf.len();
        self.buf.extend_from_slice(line);
        self.spans.push((start, self.buf.len()));
        if self.buf.len() + self.spans.len() * 16 >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    /// Adds one line written by `f` into the buffer.
    pub fn push_with(&mut self, f: impl FnOnce(&mut Vec<u8>)) -> std::io::Result<()> {
        let start = self.buf.len();
        f(&mut self.buf);
        self.spans.push((start, self.buf.len()));
        if self.buf.len() + self.spans.len() * 16 >= self.budget {
            self.spill()?;
        }
        Ok(())
    }

    fn sort_spans(&mut self) {
        let buf = &self.buf;
        let key = |k: &(usize, usize)| &buf[k.0..k.1];
        self.spans.sort_unstable_by(|a, b| key(a).cmp(key(b)));
        self.spans.dedup_by(|a, b| key(a) == key(b));
    }

    /// Sorts the buffer into a new run on disk and empties it.
    fn spill(&mut self) -> std::io::Result<()> {
        self.sort_spans();
        let n = RUNS.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("actorgraph-sort-{}-{n}.run", std::process::id()));
        let run = Run { path };
        let mut w = BufWriter::new(File::create(&run.path)?);
        for &(a, b) in &self.spans {
            w.write_all(&self.buf[a..b])?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        self.runs.push(run);
        self.buf.clear();
        self.spans.clear();
        Ok(())
    }

    /// Hands every distinct line to `f` in byte order; `io` turns a failure
    /// to read or write the runs into the caller's error.
    pub fn for_each<E>(
        mut self,
        io: impl Fn(std::io::Error) -> E,
        mut f: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        if self.runs.is_empty() {
            self.sort_spans();
            for &(a, b) in &self.spans {
                f(&self.buf[a..b])?;
            }
            return Ok(());
        }
        if !self.spans.is_empty() {
            self.spill().map_err(&io)?;
        }
        self.buf = Vec::new();
        self.spans = Vec::new();
        let mut readers = Vec::with_capacity(self.runs.len());
        let mut heap = BinaryHeap::new();
        for (i, run) in self.runs.iter().enumerate() {
            let mut r = BufReader::new(File::open(&run.path).map_err(&io)?);
            let mut line = Vec::new();
            if read_line(&mut r, &mut line).map_err(&io)? {
                heap.push(Reverse((line, i)));
            }
            readers.push(r);
        }
        let mut last: Option<Vec<u8>> = None;
        while let Some(Reverse((line, i))) = heap.pop() {
            if last.as_deref() != Some(line.as_slice()) {
                f(&line)?;
            }
            let mut next = last.take().unwrap_or_default();
            if read_line(&mut readers[i], &mut next).map_err(&io)? {
                heap.push(Reverse((next, i)));
            }
            last = Some(line);
        }
        Ok(())
    }
}

/// Reads one line without its newline into `line`; false at the end.
fn read_line(r: &mut impl BufRead, line: &mut Vec<u8>) -> std::io::Result<bool> {
    line.clear();
    if r.read_until(b'\n', line)? == 0 {
        return Ok(false);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lines: &[&str], budget: usize) -> (Vec<String>, usize) {
        let mut s = ExternalSort::new(budget);
        for l in lines {
            s.push(l.as_bytes()).expect("push");
        }
        let runs = s.runs.len();
        let mut out = Vec::new();
        s.for_each(
            |e| e,
            |l| {
                out.push(String::from_utf8_lossy(l).into_owned());
                Ok(())
            },
        )
        .expect("merge");
        (out, runs)
    }

    #[test]
    fn spilled_runs_merge_into_the_same_order_as_in_memory() {
        let mut lines: Vec<String> = (0..500)
            .map(|i| format!("<q{}>\0ب{}", (i * 7919) % 131, i % 17))
            .collect();
        // Some lines twice, far apart, so that they land in different runs.
        lines.extend(lines[..50].to_vec());
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let (in_memory, none) = sorted(&refs, usize::MAX);
        assert_eq!(none, 0);
        let (spilled, runs) = sorted(&refs, 200);
        assert!(runs > 5, "only {runs} runs");
        assert_eq!(spilled, in_memory);
        let mut expected = lines.clone();
        expected.sort();
        expected.dedup();
        assert_eq!(in_memory, expected);
        assert!(in_memory.len() < lines.len(), "duplicates were dropped");
    }
}
