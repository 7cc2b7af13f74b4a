//! Reads the inputs: `.txt` files, folders of them (recursively, in sorted
//! order) and JSON Lines files (`.jsonl`, one
//! `{"id","text","title","url","published"}` object per line).
//!
//! Reading never stops at a bad input: each problem becomes a [`Diagnostic`]
//! naming the file (and line, or byte offset), and the other documents are
//! still read. Documents are yielded one at a time so that a corpus never has
//! to fit in memory.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Diagnostic, Document, hex};

/// Lines longer than this in a JSON Lines file are rejected (64 MiB).
pub const MAX_LINE: usize = 64 << 20;
/// Text files larger than this are rejected (256 MiB).
pub const MAX_FILE: u64 = 256 << 20;

/// One item read from the inputs: a document or a problem.
pub type Item = std::result::Result<Document, Diagnostic>;

/// The input files below `paths`, in the order they are read: each argument in
/// turn, folders walked recursively in sorted order, keeping `.txt` and
/// `.jsonl` files. A missing path is a diagnostic.
///
/// Links are followed, but never into a folder already walked (a link to
/// `.` or to an ancestor would loop) nor to a file already listed: each is
/// a diagnostic naming the link. Inside folders, an input that is not a
/// regular file (a FIFO, a socket, a device named `*.txt`) is skipped with
/// a diagnostic: reading it could block forever or never end. A path given
/// by name is read as given, unless it is a device.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<(PathBuf, PathBuf)>, Vec<Diagnostic>) {
    let mut walker = Walker::default();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => {
                if walker.first_visit(root) {
                    walker.walk(root, root);
                }
            }
            Ok(m) if is_device(&m) => walker.problems.push(Diagnostic {
                origin: root.display().to_string(),
                message: "a device, not a file: skipped".to_string(),
            }),
            Ok(_) => {
                if walker.first_visit(root) {
                    walker.files.push((
                        root.parent().map(Path::to_path_buf).unwrap_or_default(),
                        root.clone(),
                    ));
                } else {
                    walker.problems.push(Diagnostic {
                        origin: root.display().to_string(),
                        message: "named twice (or already inside a folder named before): read once"
                            .to_string(),
                    });
                }
            }
            Err(e) => walker.problems.push(Diagnostic {
                origin: root.display().to_string(),
                message: describe_io(&e),
            }),
        }
    }
    (walker.files, walker.problems)
}

#[cfg(unix)]
fn is_device(m: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_block_device() || m.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_device(_: &std::fs::Metadata) -> bool {
    false
}

/// What kind of non-regular file this is, for a message.
fn kind_of(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if is_device(m) {
            return "a device";
        }
    }
    let _ = m;
    "not a regular file"
}

#[derive(Default)]
struct Walker {
    files: Vec<(PathBuf, PathBuf)>,
    problems: Vec<Diagnostic>,
    /// Canonical paths of the folders walked and files listed.
    visited: std::collections::HashSet<PathBuf>,
}

impl Walker {
    /// Records a folder or file by its canonical path; false when it was seen.
    fn first_visit(&mut self, p: &Path) -> bool {
        match std::fs::canonicalize(p) {
            Ok(c) => self.visited.insert(c),
            Err(_) => true,
        }
    }

    fn walk(&mut self, root: &Path, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.problems.push(Diagnostic {
                    origin: dir.display().to_string(),
                    message: describe_io(&e),
                });
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
            let input = matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "jsonl")
            );
            let meta = match std::fs::metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    if input || is_link {
                        self.problems.push(Diagnostic {
                            origin: p.display().to_string(),
                            message: if is_link {
                                format!("a link that leads nowhere: {}", describe_io(&e))
                            } else {
                                describe_io(&e)
                            },
                        });
                    }
                    continue;
                }
            };
            if meta.is_dir() {
                if self.first_visit(&p) {
                    self.walk(root, &p);
                } else {
                    self.problems.push(Diagnostic {
                        origin: p.display().to_string(),
                        message:
                            "a link to a folder already read (itself or one above it): not followed"
                                .to_string(),
                    });
                }
            } else if !input {
                continue;
            } else if !meta.is_file() {
                self.problems.push(Diagnostic {
                    origin: p.display().to_string(),
                    message: format!("{}, not a regular file: skipped", kind_of(&meta)),
                });
            } else if self.first_visit(&p) {
                self.files.push((root.to_path_buf(), p));
            } else {
                self.problems.push(Diagnostic {
                    origin: p.display().to_string(),
                    message: "the same file as one already read (through a link): read once"
                        .to_string(),
                });
            }
        }
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_string(),
        _ => e.to_string(),
    }
}

/// Reads every document below `paths`, in order. See [`collect_files`].
///
/// Two documents with the same id (`x.txt` in two folders given side by
/// side, or a JSON Lines id repeated) would silently replace each other in
/// the store: the first is kept and every later one is a diagnostic naming
/// both origins.
pub fn read_all(paths: &[PathBuf]) -> impl Iterator<Item = Item> {
    let (files, problems) = collect_files(paths);
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    problems.into_iter().map(Err).chain(
        files
            .into_iter()
            .flat_map(|(root, file)| read_file(&root, &file))
            .map(move |item| {
                let doc = item?;
                match seen.get(&doc.id) {
                    Some(first) => Err(Diagnostic {
                        message: format!(
                            "duplicate document id {:?}: already read from {first}; this one is skipped (give it another id, or build the folders separately)",
                            doc.id
                        ),
                        origin: doc.origin,
                    }),
                    None => {
                        seen.insert(doc.id.clone(), doc.origin.clone());
                        Ok(doc)
                    }
                }
            }),
    )
}

/// Reads one file: a `.jsonl` file gives one item per non-blank line; any
/// other file is one plain-text document whose id is its path relative to `root`.
pub fn read_file(root: &Path, file: &Path) -> Box<dyn Iterator<Item = Item>> {
    let origin = file.display().to_string();
    let meta = match std::fs::metadata(file) {
        Ok(m) => m,
        Err(e) => {
            return one(Err(Diagnostic {
                origin,
                message: describe_io(&e),
            }));
        }
    };
    if file.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        return match std::fs::File::open(file) {
            Ok(f) => Box::new(JsonLines::new(origin, std::io::BufReader::new(f))),
            Err(e) => one(Err(Diagnostic {
                origin,
                message: describe_io(&e),
            })),
        };
    }
    if meta.len() > MAX_FILE {
        return one(Err(Diagnostic {
            origin,
            message: format!(
                "file is {} bytes, more than the {MAX_FILE} accepted",
                meta.len()
            ),
        }));
    }
    // Read at most one byte past the limit: a file that grows (or a named
    // pipe) cannot make this read without end.
    let read = std::fs::File::open(file).and_then(|f| {
        use std::io::Read;
        let mut bytes = Vec::new();
        f.take(MAX_FILE + 1).read_to_end(&mut bytes).map(|_| bytes)
    });
    let bytes = match read {
        Ok(b) if b.len() as u64 > MAX_FILE => {
            return one(Err(Diagnostic {
                origin,
                message: format!("file is more than the {MAX_FILE} bytes accepted"),
            }));
        }
        Ok(b) => b,
        Err(e) => {
            return one(Err(Diagnostic {
                origin,
                message: describe_io(&e),
            }));
        }
    };
    let id = file
        .strip_prefix(root)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/");
    one(text_document(id, origin, bytes, None, None, None))
}

fn one(item: Item) -> Box<dyn Iterator<Item = Item>> {
    Box::new(std::iter::once(item))
}

/// Checks and wraps the bytes of one document.
pub fn text_document(
    id: String,
    origin: String,
    bytes: Vec<u8>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
) -> Item {
    if bytes.contains(&0) {
        let at = bytes.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(Diagnostic {
            origin,
            message: format!("binary file (NUL byte at offset {at}), not text"),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return Err(Diagnostic {
                origin,
                message: format!(
                    "not valid UTF-8: invalid byte at offset {}",
                    e.utf8_error().valid_up_to()
                ),
            });
        }
    };
    // A byte-order mark is kept: spans index the file's bytes as they are,
    // and normalization treats U+FEFF as an invisible mark.
    if text.trim().is_empty() {
        return Err(Diagnostic {
            origin,
            message: "empty document: no text".to_string(),
        });
    }
    let sha256 = {
        use sha2::{Digest, Sha256};
        hex(&Sha256::digest(text.as_bytes()))
    };
    Ok(Document {
        id,
        origin,
        title,
        url,
        published,
        text,
        sha256,
    })
}

/// One line of a JSON Lines input.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: String,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    lang: Option<String>,
}

/// Streams the documents of a JSON Lines file, one per line.
struct JsonLines<R> {
    origin: String,
    reader: R,
    line: usize,
    buf: Vec<u8>,
}

impl<R: std::io::BufRead> JsonLines<R> {
    fn new(origin: String, reader: R) -> Self {
        JsonLines {
            origin,
            reader,
            line: 0,
            buf: Vec::new(),
        }
    }

    /// Reads one line into `buf`, at most [`MAX_LINE`] bytes; returns false at
    /// the end, and skips the rest of an overlong line.
    fn next_line(&mut self) -> std::io::Result<Option<bool>> {
        self.buf.clear();
        let mut too_long = false;
        loop {
            let chunk = self.reader.fill_buf()?;
            if chunk.is_empty() {
                return Ok(if self.buf.is_empty() && !too_long {
                    None
                } else {
                    Some(too_long)
                });
            }
            let (take, done) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if self.buf.len() + take > MAX_LINE {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.reader.consume(take);
            if done {
                return Ok(Some(too_long));
            }
        }
    }
}

impl<R: std::io::BufRead> Iterator for JsonLines<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            self.line += 1;
            let origin = format!("{}:{}", self.origin, self.line);
            let too_long = match self.next_line() {
                Ok(None) => return None,
                Ok(Some(t)) => t,
                Err(e) => {
                    // An I/O error mid-file ends this file.
                    self.buf.clear();
                    let _ = std::io::Read::read_to_end(&mut self.reader, &mut Vec::new());
                    return Some(Err(Diagnostic {
                        origin,
                        message: describe_io(&e),
                    }));
                }
            };
            if too_long {
                return Some(Err(Diagnostic {
                    origin,
                    message: format!("line longer than {MAX_LINE} bytes, skipped"),
                }));
            }
            let line = std::mem::take(&mut self.buf);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed: JsonDoc = match std::str::from_utf8(&line) {
                Err(e) => {
                    return Some(Err(Diagnostic {
                        origin,
                        message: format!(
                            "not valid UTF-8: invalid byte at offset {} of the line",
                            e.valid_up_to()
                        ),
                    }));
                }
                Ok(s) => match serde_json::from_str(s) {
                    Ok(d) => d,
                    Err(e) => {
                        return Some(Err(Diagnostic {
                            origin,
                            message: format!("malformed JSON line: {e}"),
                        }));
                    }
                },
            };
            let id = match parsed.id {
                Some(serde_json::Value::String(s)) if !s.is_empty() => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                None | Some(_) => {
                    return Some(Err(Diagnostic {
                        origin,
                        message: "JSON line has no \"id\" (a non-empty string or number)"
                            .to_string(),
                    }));
                }
            };
            let published = match parsed.published.map(|p| p.trim().to_string()) {
                Some(p) if p.is_empty() => None,
                Some(p) if !looks_like_iso_date(&p) => {
                    return Some(Err(Diagnostic {
                        origin,
                        message: format!(
                            "\"published\" is {p:?}, not an ISO 8601 date (YYYY-MM-DD)"
                        ),
                    }));
                }
                p => p,
            };
            return Some(text_document(
                id,
                origin,
                parsed.text.into_bytes(),
                parsed.title.filter(|t| !t.trim().is_empty()),
                parsed.url.filter(|u| !u.trim().is_empty()),
                published,
            ));
        }
    }
}

/// `YYYY-MM-DD`, optionally followed by a time (`T…`).
fn looks_like_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || b[10] == b'T' || b[10] == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(s: &str) -> Vec<Item> {
        JsonLines::new(
            "t.jsonl".into(),
            std::io::Cursor::new(s.as_bytes().to_vec()),
        )
        .collect()
    }

    #[test]
    fn json_lines_name_the_bad_line_and_keep_the_others() {
        let items = jsonl(
            "{\"id\":\"a\",\"text\":\"نص\",\"published\":\"2025-10-01\"}\n\n{not json}\n{\"id\":7,\"text\":\"آخر\"}\n",
        );
        assert_eq!(items.len(), 3);
        let a = items[0].as_ref().expect("first line is valid");
        assert_eq!(
            (a.id.as_str(), a.published.as_deref()),
            ("a", Some("2025-10-01"))
        );
        let bad = items[1].as_ref().expect_err("third line is malformed");
        assert_eq!(bad.origin, "t.jsonl:3");
        assert!(bad.message.contains("malformed JSON"), "{}", bad.message);
        assert_eq!(items[2].as_ref().map(|d| d.id.as_str()), Ok("7"));
    }

    #[test]
    fn json_lines_reject_missing_id_and_bad_dates() {
        let items =
            jsonl("{\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"x\",\"published\":\"last week\"}\n");
        assert!(
            items[0]
                .as_ref()
                .expect_err("no id")
                .message
                .contains("\"id\"")
        );
        assert!(
            items[1]
                .as_ref()
                .expect_err("bad date")
                .message
                .contains("ISO 8601")
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let mut bytes = "مالي".as_bytes().to_vec();
        bytes.push(0xff);
        let err = text_document("x".into(), "x.txt".into(), bytes, None, None, None)
            .expect_err("invalid");
        assert_eq!(err.message, "not valid UTF-8: invalid byte at offset 8");
    }

    #[test]
    fn empty_and_binary_files_are_diagnosed() {
        let e = text_document("x".into(), "x".into(), b" \n\t".to_vec(), None, None, None);
        assert!(e.expect_err("empty").message.contains("empty"));
        let b = text_document("x".into(), "x".into(), b"ab\0cd".to_vec(), None, None, None);
        assert!(b.expect_err("binary").message.contains("offset 2"));
    }

    #[test]
    fn byte_order_mark_is_kept_so_offsets_index_the_file() {
        let d = text_document(
            "x".into(),
            "x".into(),
            "\u{feff}نص".as_bytes().to_vec(),
            None,
            None,
            None,
        )
        .expect("valid");
        assert_eq!(d.text, "\u{feff}نص");
        assert_eq!(d.sha256.len(), 64);
    }
}
