//! The default backend: Oxigraph's in-memory store, persisted in the store
//! directory as one sorted N-Quads file (`graph.nq`) and guarded by a lock
//! file (`LOCK`).
//!
//! Why it is safe to kill: the file is only ever replaced whole (written to a
//! temporary file in the same directory, fsynced, then renamed over the old
//! one), and it is written between two [`super::Store::put`]s, so it always
//! holds whole documents. Readers take no lock: a rename never shows them a
//! half-written file, and they keep reading the version they opened.

// With the `rocksdb` feature only `DATA_FILE` and `sorted_lines` are used
// (to refuse a file store's folder and to dump N-Quads); the rest is the
// default backend.
#![cfg_attr(feature = "rocksdb", allow(dead_code))]

use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfParser};

use crate::error::{Error, Result};

/// The data file, relative to the store directory.
pub const DATA_FILE: &str = "graph.nq";
/// The lock file, relative to the store directory.
pub const LOCK_FILE: &str = "LOCK";
const TEMP_PREFIX: &str = "graph.nq.tmp-";

/// Saves during a build no sooner than this after the last save.
const MIN_SAVE_INTERVAL: Duration = Duration::from_secs(2);
/// Nor before this many documents changed.
const SAVE_EVERY: usize = 64;
/// Nor before this many times as long as the last save took: a save writes
/// the whole store, so its cost grows with the store, and this bounds the
/// share of a build spent saving to about one part in `SAVE_COST_FACTOR + 1`
/// whatever the store's size, instead of a cost growing with its square.
const SAVE_COST_FACTOR: u32 = 10;

/// The directory, its lock and when it was last saved.
#[derive(Debug)]
pub(super) struct FileBackend {
    dir: PathBuf,
    /// Held (locked) while the store is open for writing; `None` when read-only.
    lock: Option<File>,
    dirty: bool,
    /// Changes committed since the last save.
    pending: usize,
    last_save: Instant,
    last_cost: Duration,
    /// Modification time and length of `graph.nq` when it was loaded.
    stamp: Option<(std::time::SystemTime, u64)>,
}

fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let m = fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

fn store_error(dir: &Path, message: impl std::fmt::Display) -> Error {
    Error::Store {
        path: dir.to_path_buf(),
        message: message.to_string(),
    }
}

/// Opens the store in `dir`: for writing it creates the directory, takes the
/// lock (or fails with [`Error::StoreLocked`]) and removes temporary files left
/// by a killed run; then it loads `graph.nq` when there is one.
pub(super) fn open(dir: &Path, read_only: bool) -> Result<(oxigraph::store::Store, FileBackend)> {
    if dir.join("CURRENT").is_file() && !dir.join(DATA_FILE).is_file() {
        return Err(store_error(
            dir,
            "this is a RocksDB store; open it with a build made with `--features rocksdb`",
        ));
    }
    let lock = if read_only {
        if !dir.is_dir() {
            return Err(store_error(
                dir,
                "no store here; run `actorgraph build` first (or pass --store DIR)",
            ));
        }
        None
    } else {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(Error::StoreLocked {
                    path: dir.to_path_buf(),
                    lock: path,
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        remove_temporaries(dir)?;
        Some(file)
    };
    let store = oxigraph::store::Store::new().map_err(|e| store_error(dir, e))?;
    let data = dir.join(DATA_FILE);
    if read_only {
        // A folder without a store must not pass for an empty store (issue
        // 19). A build killed before its first save leaves only the lock
        // file: that folder is an empty store.
        match std::fs::metadata(&data) {
            Ok(m) if m.is_file() && m.len() > 0 => {}
            Err(_) if dir.join(LOCK_FILE).is_file() => {}
            Ok(m) if m.is_file() => {
                return Err(store_error(
                    dir,
                    format!(
                        "{DATA_FILE} is empty: not a store written by `actorgraph build` (a build always writes the ontology into it)"
                    ),
                ));
            }
            _ => {
                return Err(store_error(
                    dir,
                    format!(
                        "not a store: there is no {DATA_FILE} here; run `actorgraph build` first (or pass --store DIR)"
                    ),
                ));
            }
        }
    }
    let loaded = stamp(&data);
    if data.is_file() {
        load(&store, &data)?;
    }
    Ok((
        store,
        FileBackend {
            dir: dir.to_path_buf(),
            lock,
            dirty: false,
            pending: 0,
            last_save: Instant::now(),
            last_cost: Duration::ZERO,
            stamp: loaded,
        },
    ))
}

fn remove_temporaries(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let p = entry.path();
            fs::remove_file(&p).map_err(|e| Error::io(&p, e))?;
        }
    }
    Ok(())
}

/// Loads an N-Quads file, keeping blank node labels as written (the bulk
/// loader's own parser would rename them, and exports must not change).
fn load(store: &oxigraph::store::Store, path: &Path) -> Result<()> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut first_error = None;
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_reader(BufReader::new(file))
        .map_while(|r| match r {
            Ok(q) => Some(q),
            Err(e) => {
                first_error = Some(e);
                None
            }
        });
    let mut loader = store.bulk_loader();
    loader.load_quads(quads).map_err(|e| store_error(path, e))?;
    if let Some(e) = first_error {
        return Err(store_error(path, format!("unreadable N-Quads: {e}")));
    }
    loader.commit().map_err(|e| store_error(path, e))
}

impl FileBackend {
    /// Whether the store was opened for writing.
    pub(super) fn writable(&self) -> bool {
        self.lock.is_some()
    }

    /// Records `changes` committed changes, and saves when at least
    /// [`SAVE_EVERY`] changes are pending and the last save is older than
    /// both [`MIN_SAVE_INTERVAL`] and [`SAVE_COST_FACTOR`] times its own
    /// duration. Any save is atomic, so a kill keeps a whole-document store
    /// whenever it lands; saving rarely only means that a killed build loses
    /// (and the next build redoes) the documents since the last save.
    pub(super) fn after_writes(
        &mut self,
        store: &oxigraph::store::Store,
        changes: usize,
    ) -> Result<()> {
        self.dirty = true;
        self.pending += changes;
        let elapsed = self.last_save.elapsed();
        if self.pending >= SAVE_EVERY
            && elapsed >= MIN_SAVE_INTERVAL
            && elapsed >= self.last_cost * SAVE_COST_FACTOR
        {
            self.save(store)?;
        }
        Ok(())
    }

    /// Whether another process has saved `graph.nq` since it was loaded.
    pub(super) fn is_stale(&self) -> bool {
        !self.writable() && stamp(&self.dir.join(DATA_FILE)) != self.stamp
    }

    /// Marks the store changed without saving yet.
    pub(super) fn touch(&mut self) {
        self.dirty = true;
    }

    /// Writes `graph.nq` atomically when something changed.
    pub(super) fn save(&mut self, store: &oxigraph::store::Store) -> Result<()> {
        if !self.dirty {
            return Ok(());
        }
        let started = Instant::now();
        write_sorted(store, &self.dir)?;
        self.dirty = false;
        self.pending = 0;
        self.last_save = Instant::now();
        self.last_cost = started.elapsed();
        Ok(())
    }
}

/// Every quad of the store as an N-Quads line, formatted once into one
/// buffer, with the lines' byte ranges sorted: the same graph always gives
/// the same bytes, so the file diffs like the graph. One buffer and one pair
/// of offsets per quad, instead of a `String` per quad, keep a save's copy of
/// the store about as small as the file it writes.
pub(super) struct SortedLines {
    buf: Vec<u8>,
    spans: Vec<(usize, usize)>,
}

impl SortedLines {
    pub(super) fn of(store: &oxigraph::store::Store) -> Result<SortedLines> {
        use std::io::Write as _;
        let mut buf = Vec::new();
        let mut spans = Vec::new();
        for q in store.iter() {
            let q = q.map_err(super::storage_error)?;
            let start = buf.len();
            // Writing to a Vec cannot fail.
            let _ = writeln!(buf, "{q} .");
            spans.push((start, buf.len()));
        }
        // Byte order is `str` order, so this is the order sorting the lines
        // as Strings gave.
        spans.sort_unstable_by(|a, b| buf[a.0..a.1].cmp(&buf[b.0..b.1]));
        Ok(SortedLines { buf, spans })
    }

    /// The lines in order, each with its newline.
    pub(super) fn lines(&self) -> impl Iterator<Item = &[u8]> {
        self.spans.iter().map(|&(a, b)| &self.buf[a..b])
    }
}

/// Every quad as a sorted N-Quads line, each ending with a newline.
pub(super) fn sorted_lines(store: &oxigraph::store::Store) -> Result<Vec<String>> {
    Ok(SortedLines::of(store)?
        .lines()
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect())
}

fn write_sorted(store: &oxigraph::store::Store, dir: &Path) -> Result<()> {
    let lines = SortedLines::of(store)?;
    let tmp = dir.join(format!("{TEMP_PREFIX}{}", std::process::id()));
    let target = dir.join(DATA_FILE);
    let write = || -> std::io::Result<()> {
        let mut w = BufWriter::new(File::create(&tmp)?);
        for l in lines.lines() {
            w.write_all(l)?;
        }
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)?;
        // The rename itself is durable only once the directory is synced.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io(&target, e)
    })
}
