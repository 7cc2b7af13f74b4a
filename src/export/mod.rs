//! Writes the graph for other tools: GraphML and GEXF for Gephi and graph
//! libraries, CSV for spreadsheets and Neo4j, node-link JSON for networkx and
//! d3, and the RDF formats through Oxigraph's serializers.
//!
//! Invariants: the graph formats are all written from one
//! [`crate::network::Network`], so their node and edge counts agree
//! with each other and with the store; output never depends on hash order
//! (nodes and edges come sorted from the network, RDF quads are sorted here),
//! so the same store always gives byte-identical files.

mod csv;
mod gexf;
mod graphml;
mod json;
mod rdf;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::model::{Iri, ns};
use crate::network::{Edge, Filter, Network, Node, split_interval};
use crate::ontology::Ontology;
use crate::store::Store;

pub use self::csv::Dialect as CsvDialect;
pub use self::rdf::RdfKeys;

/// An output format. CSV is two tables, each its own format here; the
/// command line writes both for `--format csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// GraphML with typed keys (Gephi, networkx, graphology, yEd).
    GraphMl,
    /// GEXF 1.3 with attributes, colours and optional spells (Gephi, Gephi Lite).
    Gexf,
    /// The node table as CSV.
    NodesCsv,
    /// The edge table as CSV.
    EdgesCsv,
    /// Node-link JSON (networkx `node_link_graph`, d3).
    Json,
    /// Turtle: the union of the document graphs and the lexicon actors they name.
    Turtle,
    /// TriG: the same triples in their named graphs.
    TriG,
    /// N-Triples: the triples of [`Format::Turtle`], one per line.
    NTriples,
    /// N-Quads: the quads of [`Format::TriG`], one per line.
    NQuads,
    /// JSON-LD: the quads of [`Format::TriG`].
    JsonLd,
}

impl Format {
    /// Every format, in the order of the command line's help.
    pub const ALL: [Format; 10] = [
        Format::GraphMl,
        Format::Gexf,
        Format::NodesCsv,
        Format::EdgesCsv,
        Format::Json,
        Format::Turtle,
        Format::TriG,
        Format::NTriples,
        Format::NQuads,
        Format::JsonLd,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::NodesCsv => "nodes-csv",
            Format::EdgesCsv => "edges-csv",
            Format::Json => "json",
            Format::Turtle => "turtle",
            Format::TriG => "trig",
            Format::NTriples => "ntriples",
            Format::NQuads => "nquads",
            Format::JsonLd => "jsonld",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::NodesCsv | Format::EdgesCsv => "csv",
            Format::Json => "json",
            Format::Turtle => "ttl",
            Format::TriG => "trig",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::JsonLd => "jsonld",
        }
    }

    /// Whether the format is RDF, written from the store's quads rather than
    /// from the network (so the network's filters do not apply).
    pub fn is_rdf(self) -> bool {
        matches!(
            self,
            Format::Turtle | Format::TriG | Format::NTriples | Format::NQuads | Format::JsonLd
        )
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        let lower = s.to_ascii_lowercase();
        let alias = match lower.as_str() {
            "ttl" => "turtle",
            "nt" | "n-triples" => "ntriples",
            "nq" | "n-quads" => "nquads",
            "json-ld" => "jsonld",
            "node-link" => "json",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|f| f.name() == alias)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "unknown export format {s:?}; expected one of {}",
                    Format::ALL.map(Format::name).join(", ")
                ))
            })
    }
}

/// How to write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Which statements make the network (graph formats only).
    pub filter: Filter,
    /// GEXF: give edges spells from their statements' dates, so that Gephi's
    /// timeline plays the graph over time.
    pub dynamic: bool,
    /// CSV: column headers for Gephi's spreadsheet import or for Neo4j.
    pub csv_dialect: CsvDialect,
}

/// What to export: a network built beforehand, or the store itself.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// A network (graph formats only; RDF needs the store).
    Network(&'a Network),
    /// The store and the ontology that names its relations.
    Store(&'a Store, &'a Ontology),
}

/// The network of `store` under `filter`: the single source of every graph export.
pub fn network(store: &Store, ontology: &Ontology, filter: &Filter) -> Result<Network> {
    let (actors, statements) = store.actors_and_statements()?;
    Ok(Network::build(
        actors,
        &statements,
        &ontology.relations,
        filter,
    ))
}

/// Writes `source` in `format` to `out`.
pub fn write(
    format: Format,
    source: Source<'_>,
    options: &Options,
    out: &mut dyn Write,
) -> Result<()> {
    if format.is_rdf() {
        let Source::Store(store, _) = source else {
            return Err(Error::Export {
                format: format.name().into(),
                message: "RDF formats are written from the store, not from a network".into(),
            });
        };
        return rdf::write(store, format, out);
    }
    let view = match source {
        Source::Network(net) => View::from_network(net.clone()),
        Source::Store(store, ontology) => View::from_store(store, ontology, &options.filter)?,
    };
    write_view(format, &view, options, out)
}

fn write_view(format: Format, view: &View, options: &Options, out: &mut dyn Write) -> Result<()> {
    let res = match format {
        Format::GraphMl => graphml::write(view, out),
        Format::Gexf => gexf::write(view, options.dynamic, out),
        Format::NodesCsv => csv::write_nodes(view, options.csv_dialect, out),
        Format::EdgesCsv => csv::write_edges(view, options.csv_dialect, out),
        Format::Json => json::write(view, out),
        _ => unreachable_rdf(format),
    };
    res.map_err(|e| Error::Export {
        format: format.name().into(),
        message: e.to_string(),
    })
}

fn unreachable_rdf(format: Format) -> std::io::Result<()> {
    Err(std::io::Error::other(format!(
        "{} is an RDF format, written from the store",
        format.name()
    )))
}

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

/// The standard exports that `build` keeps in `exports/`, in the order written.
pub const STANDARD_FILES: [(&str, Format); 5] = [
    ("graph.graphml", Format::GraphMl),
    ("graph.gexf", Format::Gexf),
    ("graph.ttl", Format::Turtle),
    ("nodes.csv", Format::NodesCsv),
    ("edges.csv", Format::EdgesCsv),
];

/// Rewrites the standard exports of the store into `dir` (GraphML, dynamic
/// GEXF, Turtle, Gephi CSV), each written atomically: a reader never sees a
/// half-written file, and a failed export leaves the previous one in place.
pub fn refresh_exports(store: &Store, ontology: &Ontology, dir: &Path) -> Result<ExportSummary> {
    refresh_exports_with(store, ontology, dir, None)
}

/// [`refresh_exports`], writing the RDF file from `keys` (gathered while the
/// documents were stored, see [`RdfKeys`]) instead of reading the store's
/// document graphs back. The caller vouches that they hold exactly those
/// graphs ([`Store::holds_only_put_documents`]).
pub fn refresh_exports_with(
    store: &Store,
    ontology: &Ontology,
    dir: &Path,
    mut keys: Option<RdfKeys>,
) -> Result<ExportSummary> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let view = View::from_store(store, ontology, &Filter::default())?;
    let options = Options {
        dynamic: true,
        ..Options::default()
    };
    let mut files = Vec::new();
    for (name, format) in STANDARD_FILES {
        let path = dir.join(name);
        write_atomic_with(&path, |out| {
            if format.is_rdf() {
                rdf::write_with(store, format, keys.take(), out)
            } else {
                write_view(format, &view, &options, out)
            }
        })?;
        files.push(path);
    }
    Ok(ExportSummary {
        files,
        nodes: view.net.nodes.len(),
        edges: view.net.edges.len(),
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so that the file is replaced whole or not at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, |out| {
        out.write_all(bytes).map_err(|e| Error::io(path, e))
    })
}

/// Like [`write_atomic`], with the content streamed by `write` through a
/// buffer into the temporary file, so that no export is held whole in memory.
///
/// A link is written through: its target is replaced, never the link. A
/// path that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is
/// written into directly, never replaced. Temporary files left by a killed
/// run (`.NAME.PID.tmp` whose process is gone) are removed first.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?
        }
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(Error::io(
                path,
                std::io::Error::new(std::io::ErrorKind::IsADirectory, "is a folder"),
            ));
        }
        Ok(m) if !m.is_file() => {
            // A device or a pipe: written into, as a shell's `>` would.
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| Error::io(path, e))?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut out)?;
            return out.flush().map_err(|e| Error::io(path, e));
        }
        _ => {}
    }
    let path = target.as_path();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    remove_stale_temporaries(path, &name);
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let res = (|| -> Result<()> {
        let file = std::fs::File::create(&tmp).map_err(|e| Error::io(path, e))?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        let file = out
            .into_inner()
            .map_err(|e| Error::io(path, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(path, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

/// Removes `.NAME.PID.tmp` files next to `path` whose process is gone (a
/// killed export). Where `/proc` cannot tell, they are kept.
fn remove_stale_temporaries(path: &Path, name: &str) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !Path::new("/proc/self").exists() {
        return;
    }
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A network prepared for writing: per edge, its id and its time spells.
pub(crate) struct View {
    net: Network,
    /// For each edge (same index), the days it is dated to, as merged
    /// `(start, end)` intervals of `YYYY-MM-DD`.
    spells: Vec<Vec<(String, String)>>,
}

impl View {
    /// From a network alone: an edge's one spell runs from its first to its last date.
    fn from_network(net: Network) -> View {
        let spells = net
            .edges
            .iter()
            .map(|e| {
                let first = e
                    .first_date
                    .as_deref()
                    .and_then(|d| day_bounds(d).map(|b| b.0));
                let last = e
                    .last_date
                    .as_deref()
                    .and_then(|d| day_bounds(d).map(|b| b.1));
                match (first, last) {
                    (Some(a), Some(b)) if a <= b => vec![(a, b)],
                    _ => Vec::new(),
                }
            })
            .collect();
        View { net, spells }
    }

    /// From the store: one spell per dated statement of the edge, overlapping
    /// spells merged, so that the timeline shows when each relation was reported
    /// rather than one span from the first to the last report.
    fn from_store(store: &Store, ontology: &Ontology, filter: &Filter) -> Result<View> {
        let (actors, statements) = store.actors_and_statements()?;
        let net = Network::build(actors, &statements, &ontology.relations, filter);
        let dates: BTreeMap<Iri, &str> = statements
            .iter()
            .filter_map(|s| s.date.as_deref().map(|d| (s.iri(), d)))
            .collect();
        let spells = net
            .edges
            .iter()
            .map(|e| {
                let mut days: Vec<(String, String)> = e
                    .statements
                    .iter()
                    .filter_map(|iri| dates.get(iri).and_then(|d| day_bounds(d)))
                    .collect();
                days.sort();
                merge_spells(days)
            })
            .collect();
        Ok(View { net, spells })
    }
}

/// Merges sorted intervals that overlap.
fn merge_spells(sorted: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (a, b) in sorted {
        match out.last_mut() {
            Some(last) if a <= last.1 => {
                if b > last.1 {
                    last.1 = b;
                }
            }
            _ => out.push((a, b)),
        }
    }
    out
}

/// The first and last day (`YYYY-MM-DD`) of a date or interval as the
/// statements write them (`2025`, `2025-07`, `2025-09-03`, `2025-10/2025-11`),
/// or `None` when it is not one of these shapes. GEXF's `timeformat="date"`
/// takes only whole `xsd:date`s, so years and months are widened to days.
pub fn day_bounds(date: &str) -> Option<(String, String)> {
    let (a, b) = split_interval(date);
    let start = day(a, false)?;
    let end = day(b, true)?;
    (start <= end).then_some((start, end))
}

fn day(d: &str, end: bool) -> Option<String> {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = num(parts.first()?, 4)?;
    let month = match parts.get(1) {
        Some(m) => Some(num(m, 2).filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let last_day = |m: u32| match m {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let (month, dd) = match (month, parts.get(2), parts.len()) {
        (None, _, 1) => (if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        (Some(m), None, 2) => (m, if end { last_day(m) } else { 1 }),
        (Some(m), Some(x), 3) => (m, num(x, 2).filter(|x| (1..=last_day(m)).contains(x))?),
        _ => return None,
    };
    Some(format!("{year:04}-{month:02}-{dd:02}"))
}

/// The stable id of an edge: subject, relation, object and, for denied
/// relations, the polarity, joined by `|` (a character IRIs cannot hold, so
/// two edges never share an id).
pub(crate) fn edge_id(e: &Edge) -> String {
    let neg = match e.polarity {
        crate::model::Polarity::Pos => "",
        crate::model::Polarity::Neg => "|neg",
    };
    format!(
        "{}|{}|{}{neg}",
        short_iri(&e.subject),
        e.relation,
        short_iri(&e.object)
    )
}

/// `actor:Local` for actors, the full IRI otherwise.
fn short_iri(iri: &str) -> String {
    match iri.strip_prefix(ns::ACTOR) {
        Some(local) => format!("actor:{local}"),
        None => iri.to_string(),
    }
}

/// The label a graph tool shows: the English label, else the Arabic one,
/// else the IRI's last segment.
pub(crate) fn display_label(n: &Node) -> &str {
    let a = &n.actor;
    if !a.label.trim().is_empty() {
        &a.label
    } else if !a.label_ar.trim().is_empty() {
        &a.label_ar
    } else {
        a.iri.rsplit(['/', '#']).next().unwrap_or(&a.iri)
    }
}

/// Removes the characters XML 1.0 forbids (C0 controls other than tab, line
/// feed and carriage return; U+FFFE and U+FFFF), which no escape can carry.
/// Everything else, including U+200F RIGHT-TO-LEFT MARK, is kept and left to
/// the XML writer to escape.
pub(crate) fn xml_clean(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    };
    if s.chars().any(bad) {
        s.chars().filter(|c| !bad(*c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// A small XML writer over quick-xml: every attribute value and text goes
/// through [`xml_clean`] and then quick-xml's escaping (`&`, `<`, `>`, quotes,
/// and tab, line feed and carriage return in attributes, which XML would
/// otherwise normalize to spaces).
pub(crate) struct Xml<'w> {
    w: quick_xml::Writer<&'w mut dyn Write>,
}

impl<'w> Xml<'w> {
    /// Starts a UTF-8 document.
    pub(crate) fn new(out: &'w mut dyn Write) -> std::io::Result<Xml<'w>> {
        use quick_xml::events::{BytesDecl, Event};
        let mut w = quick_xml::Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(Xml { w })
    }

    fn start<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> quick_xml::events::BytesStart<'a> {
        let mut el = quick_xml::events::BytesStart::new(name);
        for (k, v) in attrs {
            el.push_attribute((*k, xml_clean(v)));
        }
        el
    }

    /// `<name attrs…>`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.w
            .write_event(quick_xml::events::Event::Start(Self::start(name, attrs)))
    }

    /// `<name attrs…/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> std::io::Result<()> {
        self.w
            .write_event(quick_xml::events::Event::Empty(Self::start(name, attrs)))
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> std::io::Result<()> {
        self.w.write_event(quick_xml::events::Event::End(
            quick_xml::events::BytesEnd::new(name),
        ))
    }

    /// `<name attrs…>text</name>` on one line.
    pub(crate) fn text(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> std::io::Result<()> {
        use quick_xml::events::{BytesEnd, BytesText, Event};
        self.w.write_event(Event::Start(Self::start(name, attrs)))?;
        self.w
            .write_event(Event::Text(BytesText::new(&xml_clean(text))))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))
    }

    /// Ends the document with a newline.
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        self.w.get_mut().write_all(b"\n")
    }
}

/// A colour for each actor class, so that Gephi shows kinds of actors apart
/// without a partition step. Classes not listed are grey.
pub(crate) fn class_color(class: &str) -> (u8, u8, u8) {
    match class {
        "State" => (31, 119, 180),
        "Government" => (23, 190, 207),
        "ArmedForces" => (44, 160, 44),
        "ArmedGroup" => (214, 39, 40),
        "PrivateMilitaryCompany" => (148, 103, 189),
        "Alliance" => (255, 127, 14),
        "IntergovernmentalOrganization" => (188, 189, 34),
        "Company" => (140, 86, 75),
        "MediaOutlet" => (227, 119, 194),
        "Person" => (255, 187, 120),
        "EthnicGroup" => (152, 223, 138),
        "SocialGroup" => (197, 176, 213),
        "City" | "Region" | "Place" | "Facility" => (158, 218, 229),
        "Equipment" => (99, 99, 99),
        _ => (127, 127, 127),
    }
}

#[cfg(test)]
mod tests;
