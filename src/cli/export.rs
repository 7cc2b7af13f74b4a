//! `actorgraph export`: writes the store's graph in one format, to a file or
//! to standard output, after the network filters.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use actorgraph::Error;
use actorgraph::export::{self, CsvDialect, Format, Options, Source};
use actorgraph::model::{Modality, ns};
use actorgraph::network::Filter;
use actorgraph::ontology::Ontology;
use actorgraph::store::Store;
use anyhow::Context;

use super::{Global, ModalityArg};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format. `csv` writes two files (nodes and edges); the RDF
    /// formats dump the store and take no filter; `html` writes the explorer
    /// as one self-contained page (data and evidence inlined).
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Output file (default: standard output). For csv: a folder (gets
    /// nodes.csv and edges.csv) or a prefix P (gets P-nodes.csv and P-edges.csv).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only this relation (gold name such as allied-with); repeatable.
    #[arg(long = "relation", value_name = "R")]
    relations: Vec<String>,
    /// Keep only edges supported by at least N statements.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_weight: usize,
    /// Keep statements dated on or after DATE (2025, 2025-07 or 2025-07-14); undated ones go.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Keep statements dated on or before DATE; undated ones go.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Keep only statements of this modality; repeatable.
    #[arg(long = "modality", value_enum, value_name = "M")]
    modalities: Vec<ModalityArg>,
    /// Keep only the neighbourhood of this actor (IRI, actor:Name, or English or Arabic label).
    #[arg(long, value_name = "ACTOR")]
    around: Option<String>,
    /// Steps from --around.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    depth: usize,
    /// Keep denied statements, as edges of their own with polarity neg.
    #[arg(long)]
    include_negated: bool,
    /// GEXF: give edges time spells from their dates, for Gephi's timeline.
    #[arg(long)]
    dynamic: bool,
    /// CSV headers: gephi (spreadsheet import) or neo4j (neo4j-admin import).
    #[arg(long, value_enum, default_value = "gephi")]
    csv_dialect: DialectArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Graphml,
    Gexf,
    Csv,
    Json,
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Jsonld,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum DialectArg {
    Gephi,
    Neo4j,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let ontology = Ontology::load(&Ontology::locate(global.ontology.as_deref()))?;
    let is_rdf = matches!(
        args.format,
        FormatArg::Turtle
            | FormatArg::Trig
            | FormatArg::Ntriples
            | FormatArg::Nquads
            | FormatArg::Jsonld
    );
    // The RDF formats dump every quad; the others read the network view only
    // (which a remote store loads without the documents' sentences).
    let store = if is_rdf {
        Store::open_read_only(&global.store)?
    } else {
        Store::open_for_network(&global.store)?
    };
    let filter = filter(&args, &store, &ontology)?;
    if is_rdf && (!filter.keeps_all_actors() || filter.include_negated) {
        return Err(Error::Usage(
            "the RDF formats export the whole store; filters apply to graphml, gexf, csv and json"
                .into(),
        )
        .into());
    }
    let options = Options {
        filter,
        dynamic: args.dynamic,
        csv_dialect: match args.csv_dialect {
            DialectArg::Gephi => CsvDialect::Gephi,
            DialectArg::Neo4j => CsvDialect::Neo4j,
        },
    };
    if args.format == FormatArg::Html {
        // The page has its own switch for negated statements.
        let page = actorgraph::explorer::static_page(&store, &ontology, &options.filter)?;
        return write_output(args.output.as_deref(), &page);
    }
    let source = Source::Store(&store, &ontology);

    if args.format == FormatArg::Csv {
        let Some(out) = &args.output else {
            return Err(Error::Usage(
                "--format csv writes two files: give -o FOLDER or -o PREFIX".into(),
            )
            .into());
        };
        let (nodes, edges) = csv_paths(out);
        if let Some(dir) = nodes.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        // Build the network once and write both tables from it.
        let net = export::network(&store, &ontology, &options.filter)?;
        for (path, format) in [(&nodes, Format::NodesCsv), (&edges, Format::EdgesCsv)] {
            let mut buf = Vec::new();
            export::write(format, Source::Network(&net), &options, &mut buf)?;
            export::write_atomic(path, &buf)?;
            eprintln!("wrote {}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }

    let format = match args.format {
        FormatArg::Graphml => Format::GraphMl,
        FormatArg::Gexf => Format::Gexf,
        FormatArg::Json => Format::Json,
        FormatArg::Turtle => Format::Turtle,
        FormatArg::Trig => Format::TriG,
        FormatArg::Ntriples => Format::NTriples,
        FormatArg::Nquads => Format::NQuads,
        FormatArg::Jsonld => Format::JsonLd,
        FormatArg::Csv | FormatArg::Html => unreachable!("csv and html are handled above"),
    };
    let mut buf = Vec::new();
    export::write(format, source, &options, &mut buf)?;
    write_output(args.output.as_deref(), &buf)
}

/// Writes `buf` to `path` (atomically) or to standard output.
fn write_output(path: Option<&Path>, buf: &[u8]) -> anyhow::Result<ExitCode> {
    match path {
        Some(path) => {
            export::write_atomic(path, buf)?;
            eprintln!("wrote {}", path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(buf)
                .context("writing to standard output")?;
            stdout.flush().context("writing to standard output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The two CSV files for `-o`: inside it when it is a folder (or ends with
/// a slash), else beside it with `-nodes.csv` and `-edges.csv` suffixes.
fn csv_paths(out: &Path) -> (PathBuf, PathBuf) {
    let s = out.to_string_lossy();
    if out.is_dir() || s.ends_with('/') || s.ends_with(std::path::MAIN_SEPARATOR) {
        (out.join("nodes.csv"), out.join("edges.csv"))
    } else {
        let prefix = s.strip_suffix(".csv").unwrap_or(&s);
        (
            PathBuf::from(format!("{prefix}-nodes.csv")),
            PathBuf::from(format!("{prefix}-edges.csv")),
        )
    }
}

fn filter(args: &Args, store: &Store, ontology: &Ontology) -> anyhow::Result<Filter> {
    let mut relations = Vec::new();
    for r in &args.relations {
        let def = ontology.relation(r).ok_or_else(|| {
            Error::Usage(format!(
                "unknown relation {r:?}; known: {}",
                ontology
                    .relations
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        relations.push(def.name.clone());
    }
    for d in [&args.from, &args.to].into_iter().flatten() {
        if export::day_bounds(d).is_none() {
            return Err(
                Error::Usage(format!("date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD")).into(),
            );
        }
    }
    let around = match &args.around {
        Some(name) => Some((resolve_actor(store, name)?, args.depth)),
        None => None,
    };
    Ok(Filter {
        relations,
        min_weight: args.min_weight,
        from: args.from.clone(),
        to: args.to.clone(),
        modalities: args.modalities.iter().map(|m| Modality::from(*m)).collect(),
        include_negated: args.include_negated,
        around,
    })
}

/// The IRI of the actor `name` names: its IRI, `actor:Local`, its local
/// name, or its English (any case) or Arabic label.
fn resolve_actor(store: &Store, name: &str) -> anyhow::Result<String> {
    let actors = store.actors()?;
    let wanted = name.trim();
    let full = match wanted.strip_prefix("actor:") {
        Some(local) => format!("{}{local}", ns::ACTOR),
        None => wanted.to_string(),
    };
    let local = format!("{}{wanted}", ns::ACTOR);
    let hit = actors.iter().find(|a| {
        let a = &a.actor;
        a.iri == full
            || a.iri == local
            || a.label.eq_ignore_ascii_case(wanted)
            || a.label_ar == wanted
    });
    if let Some(a) = hit {
        return Ok(a.actor.iri.clone());
    }
    let lower = wanted.to_lowercase();
    let suggestions = actors
        .iter()
        .filter(|a| {
            a.actor.label.to_lowercase().contains(&lower) || a.actor.label_ar.contains(wanted)
        })
        .take(5)
        .map(|a| a.actor.label.clone())
        .collect();
    Err(Error::UnknownActor {
        name: name.to_string(),
        suggestions,
    }
    .into())
}
