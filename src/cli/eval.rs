//! `actorgraph eval`: extracts the inputs (no store) and compares the
//! relations with a gold TSV.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::eval::{self, Report, Row};
use actorgraph::pipeline;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The gold TSV (doc, subject, relation, object, polarity, modality, date, evidence).
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    /// Files and folders to extract and compare.
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
    /// Print only the scores (per relation, overall, qualifiers, by
    /// confidence): no sentence, no miss, no false positive. For blind
    /// sets, which nobody may read.
    #[arg(long)]
    summary: bool,
    /// Score only the statements of at least this confidence (0 to 1).
    #[arg(long, value_name = "C", default_value_t = 0.0)]
    min_confidence: f64,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let res = global.resources()?;
    let mut gold = eval::read_gold(&args.gold)?;
    // Extracted on every core, in input order (the same as one thread).
    let mut extractions = Vec::new();
    let diagnostics = pipeline::extract_each(
        &args.inputs,
        &res,
        &pipeline::BuildOptions::default(),
        |x| x,
        &mut |x| {
            extractions.push(x);
            Ok::<(), actorgraph::Error>(())
        },
    )?;
    let documents: BTreeSet<String> = extractions
        .iter()
        .map(|e| {
            std::path::Path::new(&e.document.id)
                .file_name()
                .map_or_else(
                    || e.document.id.clone(),
                    |f| f.to_string_lossy().into_owned(),
                )
        })
        .collect();
    let symmetric: BTreeSet<String> = res
        .ontology
        .relations
        .iter()
        .filter(|r| r.symmetric)
        .map(|r| r.name.clone())
        .collect();
    eval::name_gold_actors(&mut gold, &extractions, &res.ontology);
    let system: Vec<Row> = eval::system_rows(&extractions, &res.ontology)
        .into_iter()
        .filter(|r| r.confidence.is_none_or(|c| c >= args.min_confidence))
        .collect();
    let mut report = eval::compare(&gold, &system, &documents, &symmetric);
    if args.summary {
        report.disagreements.clear();
        report.misses.clear();
        report.false_positives.clear();
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_report(&mut out, &report, args.summary)?;
    }
    out.flush()?;
    Ok(super::report(&diagnostics))
}

fn print_report(out: &mut impl Write, r: &Report, summary: bool) -> std::io::Result<()> {
    writeln!(out, "documents compared: {}", r.documents.len())?;
    if !r.unseen_documents.is_empty() {
        writeln!(
            out,
            "gold documents not among the inputs (ignored): {}",
            r.unseen_documents.join(", ")
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<18} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
        "relation", "gold", "extr", "ok", "P", "R", "F1"
    )?;
    let line = |out: &mut dyn Write, name: &str, s: &eval::Score| {
        writeln!(
            out,
            "{:<18} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
            name, s.gold, s.extracted, s.correct, s.precision, s.recall, s.f1
        )
    };
    for (rel, s) in &r.relations {
        line(out, rel, s)?;
    }
    writeln!(out, "{}", "-".repeat(58))?;
    line(out, "overall strict", &r.strict)?;
    line(out, "overall lenient", &r.lenient)?;
    writeln!(out)?;
    writeln!(
        out,
        "on {} matched rows: polarity {:.3}, modality {:.3}, date {:.3}",
        r.polarity.total, r.polarity.accuracy, r.modality.accuracy, r.date.accuracy
    )?;
    writeln!(
        out,
        "by confidence: >= {:.1}: {} extracted, P {:.3}; < {:.1}: {} extracted, P {:.3}",
        eval::CONFIDENT,
        r.confident.extracted,
        r.confident.precision,
        eval::CONFIDENT,
        r.unsure.extracted,
        r.unsure.precision
    )?;
    if summary {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "qualifier disagreements ({}), gold then extracted:",
        r.disagreements.len()
    )?;
    for (g, e) in &r.disagreements {
        writeln!(
            out,
            "  {}  {} {} {}: ({}, {}, {}) vs ({}, {}, {})",
            g.doc,
            g.subject,
            g.relation,
            g.object,
            g.polarity,
            g.modality,
            g.date.as_deref().unwrap_or("-"),
            e.polarity,
            e.modality,
            e.date.as_deref().unwrap_or("-")
        )?;
    }
    writeln!(out)?;
    writeln!(out, "misses ({}):", r.misses.len())?;
    for m in &r.misses {
        write_row(out, m)?;
    }
    writeln!(out)?;
    writeln!(out, "false positives ({}):", r.false_positives.len())?;
    for f in &r.false_positives {
        write_row(out, f)?;
    }
    Ok(())
}

fn write_row(out: &mut impl Write, r: &Row) -> std::io::Result<()> {
    let extra = match (&r.pattern, r.confidence) {
        (Some(p), Some(c)) => format!(" [{p} {c:.2}]"),
        _ => String::new(),
    };
    writeln!(
        out,
        "  {}  {} {} {} ({}, {}, {}){extra}\n      {}",
        r.doc,
        r.subject,
        r.relation,
        r.object,
        r.polarity,
        r.modality,
        r.date.as_deref().unwrap_or("-"),
        r.evidence
    )
}
