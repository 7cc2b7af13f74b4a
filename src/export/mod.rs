//! Writes the graph for other tools. (Interface placeholder: the export work implements it.)

use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::ontology::Ontology;
use crate::store::Store;

/// What [`refresh_exports`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Files written, in order.
    pub files: Vec<PathBuf>,
    /// Nodes in the graph exports.
    pub nodes: usize,
    /// Edges in the graph exports.
    pub edges: usize,
}

/// Rewrites the standard exports of the store into `dir` (GraphML, GEXF,
/// Turtle, CSV), each written atomically.
pub fn refresh_exports(_store: &Store, _ontology: &Ontology, _dir: &Path) -> Result<ExportSummary> {
    Ok(ExportSummary::default())
}
