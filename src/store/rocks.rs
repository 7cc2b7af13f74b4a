//! The default backend: Oxigraph's on-disk RocksDB store, indexed, so that
//! opening it reads nothing and queries read only what they need.
//!
//! RocksDB locks its directory against a second writer itself, but opening
//! it read-only while another process writes is undefined behaviour, so
//! actorgraph adds its own lock file (`actorgraph.lock`): a writer holds it
//! exclusively, readers share it, and either side that cannot get it fails
//! with [`Error::StoreLocked`] instead of reading a store in mid-write.

use std::fs::{self, File};
use std::path::Path;

use crate::error::{Error, Result};

/// Our lock file, beside RocksDB's own `LOCK`.
pub const LOCK_FILE: &str = "actorgraph.lock";

/// The held lock; released when the store is dropped.
#[derive(Debug)]
pub(super) struct RocksBackend {
    _lock: File,
    writable: bool,
}

fn store_error(dir: &Path, message: impl std::fmt::Display) -> Error {
    Error::Store {
        path: dir.to_path_buf(),
        message: message.to_string(),
    }
}

pub(super) fn open(dir: &Path, read_only: bool) -> Result<(oxigraph::store::Store, RocksBackend)> {
    if dir.join(super::file::DATA_FILE).is_file() {
        return Err(store_error(
            dir,
            "this folder holds an N-Quads store (graph.nq), not a RocksDB one; open it as the bare folder (the backend is read from the folder)",
        ));
    }
    if read_only && !dir.join("CURRENT").is_file() {
        return Err(store_error(
            dir,
            "not a store: no store here yet (no RocksDB files); run `actorgraph build` first (or pass --store DIR)",
        ));
    }
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let lock_path = dir.join(LOCK_FILE);
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| Error::io(&lock_path, e))?;
    let taken = if read_only {
        lock.try_lock_shared()
    } else {
        lock.try_lock()
    };
    match taken {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            return Err(Error::StoreLocked {
                path: dir.to_path_buf(),
                lock: lock_path,
            });
        }
        Err(fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
    }
    if !read_only {
        remove_stale_bulk_files(dir);
    }
    let opened = if read_only {
        oxigraph::store::Store::open_read_only(dir)
    } else {
        oxigraph::store::Store::open(dir)
    };
    let store = opened.map_err(|e| {
        let message = e.to_string();
        // Another program (the Oxigraph CLI, say) holds RocksDB's own lock:
        // "IO error: While lock file: DIR/LOCK: Resource temporarily unavailable".
        if message.contains("lock file") || message.contains("Resource temporarily unavailable") {
            Error::StoreLocked {
                path: dir.to_path_buf(),
                lock: dir.join("LOCK"),
            }
        } else if read_only
            && (message.contains("only possible on read-write")
                || message.contains("Column family not found"))
        {
            // A build was stopped while RocksDB was creating the store,
            // before Oxigraph wrote its version or all its column families
            // (the quad indexes): nothing is stored yet.
            store_error(
                dir,
                "no store here yet (a build was stopped while creating it); run `actorgraph build` again",
            )
        } else {
            store_error(dir, message)
        }
    })?;
    Ok((
        store,
        RocksBackend {
            _lock: lock,
            writable: !read_only,
        },
    ))
}

/// Removes the sorted files of a bulk load that a killed build left in the
/// store folder (Oxigraph names them `bulk-<random>.sst` and removes them
/// itself after ingesting them, or when a load fails). Only a writer, which
/// holds the lock, calls this: no other load can be running. An ingested
/// file is linked into the store under RocksDB's own name, so removing this
/// name never removes stored data.
fn remove_stale_bulk_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let _ = fs::remove_file(e.path());
        }
    }
}

impl RocksBackend {
    pub(super) fn writable(&self) -> bool {
        self.writable
    }
}
