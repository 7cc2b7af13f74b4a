//! `actorgraph extract`: relations or mentions as JSON Lines, no store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::model::{Actor, Extraction};
use actorgraph::pipeline::{self, Resources};
use serde_json::json;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files and folders to read.
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// Print one JSON object per line (the stable format; see README).
    #[arg(long)]
    json: bool,
    /// Print actor mentions instead of relations.
    #[arg(long)]
    mentions: bool,
    /// Print each document's graph as N-Quads (what a build stores), for a
    /// store's own bulk loader; without --shard, or with shard 0, the
    /// ontology and lexicon graphs come first.
    #[arg(long, conflicts_with_all = ["json", "mentions"])]
    nquads: bool,
    /// Only the documents of shard I of N (I/N, by a hash of the document id).
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<pipeline::Shard>,
}

/// Parses `--shard I/N`.
pub(crate) fn parse_shard(text: &str) -> Result<pipeline::Shard, String> {
    pipeline::Shard::parse(text).map_err(|e| e.to_string())
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let res = global.resources()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // Each document is extracted and formatted on every core; the lines are
    // written in input order, so the output is the same as on one thread.
    let format = |ex: Extraction| -> anyhow::Result<Vec<u8>> {
        let mut lines = Vec::new();
        // Stderr only: a note per file whose text had runs cut into sentences.
        let cut = ex.sentences.iter().filter(|s| s.cut).count();
        if cut > 0 {
            eprintln!(
                "note: {}: {cut} sentences cut from runs over {} bytes without a sentence end",
                actorgraph::terminal::escape_controls(&ex.document.origin),
                actorgraph::sentences::MAX_SENTENCE_BYTES
            );
        }
        if args.nquads {
            lines.extend(actorgraph::store::document_nquads(&ex, &res.ontology)?.into_bytes());
        } else if args.mentions {
            write_mentions(&mut lines, &ex, &res, args.json)?;
        } else {
            write_relations(&mut lines, &ex, &res, args.json)?;
        }
        Ok(lines)
    };
    if args.nquads && args.shard.is_none_or(|s| s.index == 0) {
        out.write_all(actorgraph::store::ontology_nquads(&res.ontology)?.as_bytes())?;
    }
    let opts = pipeline::BuildOptions {
        shard: args.shard,
        ..pipeline::BuildOptions::default()
    };
    let diagnostics = pipeline::extract_each(
        &args.inputs,
        &res,
        &opts,
        format,
        &mut |lines: anyhow::Result<Vec<u8>>| out.write_all(&lines?).map_err(anyhow::Error::from),
    )?;
    out.flush()?;
    Ok(super::report(&diagnostics))
}

/// The actor behind an IRI: the lexicon's, or one discovered in this document.
fn actor(iri: &str, ex: &Extraction, res: &Resources) -> Actor {
    if let Some(e) = res.ontology.entry(iri) {
        return e.to_actor();
    }
    ex.discovered
        .iter()
        .find(|a| a.iri == iri)
        .cloned()
        .unwrap_or_else(|| Actor {
            iri: iri.to_string(),
            label: iri.rsplit('/').next().unwrap_or(iri).to_string(),
            label_ar: String::new(),
            class: "Actor".into(),
            discovered: true,
            lat: None,
            long: None,
        })
}

fn actor_json(a: &Actor) -> serde_json::Value {
    json!({"id": a.iri, "label": a.label, "label_ar": a.label_ar})
}

fn write_relations(
    out: &mut impl Write,
    ex: &Extraction,
    res: &Resources,
    as_json: bool,
) -> anyhow::Result<()> {
    for st in &ex.statements {
        let s = actor(&st.subject, ex, res);
        let o = actor(&st.object, ex, res);
        if as_json {
            let v = json!({
                "doc": st.doc,
                "subject": actor_json(&s),
                "relation": st.relation,
                "object": actor_json(&o),
                "polarity": st.polarity,
                "modality": st.modality,
                "date": st.date,
                "quantities": st.quantities,
                "attributed_to": st.attributed_to,
                "evidence": {
                    "sentence": st.evidence.sentence,
                    "start": st.evidence.span.start,
                    "end": st.evidence.span.end,
                    "focus": {"start": st.evidence.focus.start, "end": st.evidence.focus.end},
                },
                "pattern": st.pattern,
                "confidence": st.confidence,
            });
            writeln!(out, "{v}")?;
        } else {
            let mut quals = vec![st.modality.as_str().to_string()];
            if st.polarity == actorgraph::model::Polarity::Neg {
                quals.insert(0, "NOT".into());
            }
            if let Some(d) = &st.date {
                quals.push(d.clone());
            }
            writeln!(
                out,
                "{}\t{} --{}--> {}\t[{}]\t{}",
                st.doc,
                s.label,
                st.relation,
                o.label,
                quals.join(", "),
                st.evidence.sentence.replace('\n', " ")
            )?;
        }
    }
    Ok(())
}

fn write_mentions(
    out: &mut impl Write,
    ex: &Extraction,
    res: &Resources,
    as_json: bool,
) -> anyhow::Result<()> {
    // Where each reading comes from (lexicon, variant, discovered): the
    // recognizer run again with its sources, the same mentions in order.
    let sentences = actorgraph::sentences::split(&ex.document.text);
    let (again, _, sources) = res
        .recognizer
        .recognize_with_sources(&ex.document, &sentences);
    for m in &ex.mentions {
        let a = actor(&m.actor, ex, res);
        let source = again
            .iter()
            .position(|x| x.span == m.span && x.actor == m.actor)
            .and_then(|i| sources.get(i))
            .copied()
            .unwrap_or(if a.discovered {
                actorgraph::mentions::Source::Discovered
            } else {
                actorgraph::mentions::Source::Lexicon
            });
        let text = m.span.of(&ex.document.text);
        if as_json {
            let v = json!({
                "doc": ex.document.id,
                "id": a.iri,
                "label": a.label,
                "label_ar": a.label_ar,
                "text": text,
                "start": m.span.start,
                "end": m.span.end,
                "sentence": m.sentence,
                "kind": m.kind,
                "discovered": a.discovered,
                "source": source,
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{}\t{}..{}\t{}\t{}",
                ex.document.id, m.span.start, m.span.end, text, a.label
            )?;
        }
    }
    Ok(())
}
