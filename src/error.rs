//! The library's error type: every variant names the file, line or request
//! it is about, so that the user can find the problem.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in actorgraph.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// An input is not valid for the reason given (bad UTF-8, malformed JSON line, …).
    #[error("{path}: {message}")]
    Input {
        /// The file, with `:LINE` when a line is at fault.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A data file under `ontology/` (ontology, lexicon, patterns) is invalid.
    #[error("ontology {path}: {message}")]
    Ontology {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The store could not be opened, read or written.
    #[error("store {path}: {message}")]
    Store {
        /// The store directory.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The store is held by another process.
    #[error(
        "store {path} is in use by another actorgraph process (lock {lock}); wait for it to finish"
    )]
    StoreLocked {
        /// The store directory.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
    /// A remote store (a SPARQL server) refused a request or could not be reached.
    #[error("remote store {url}: {message}")]
    Remote {
        /// The URL the request went to.
        url: String,
        /// What happened (method, graph, status, the server's words).
        message: String,
    },
    /// A SPARQL query was rejected or failed.
    #[error("query: {0}")]
    Query(String),
    /// An actor name matched nothing.
    #[error("unknown actor {name:?}{}", suggest(.suggestions))]
    UnknownActor {
        /// The name given.
        name: String,
        /// The closest known names.
        suggestions: Vec<String>,
    },
    /// A command-line value is invalid.
    #[error("{0}")]
    Usage(String),
    /// Writing an export failed.
    #[error("export {format}: {message}")]
    Export {
        /// The format.
        format: String,
        /// What is wrong.
        message: String,
    },
}

fn suggest(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", names.join(", "))
    }
}

impl Error {
    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
