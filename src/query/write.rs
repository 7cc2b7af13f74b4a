//! Writing a query's results (local or forwarded to a remote store) in
//! the format chosen once the query form is known.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{QueryEvaluationError, QueryResults};

use super::table::write_table;
use super::{Failure, FailureKind, Form, Format, Outcome, PREFIXES, fail};

/// Writes `results` in the format `choose` picks for their form, stopping
/// with [`FailureKind::Budget`] after `max_rows` solutions or triples.
pub(super) fn write_results(
    results: QueryResults<'_>,
    max_rows: Option<usize>,
    choose: &mut dyn FnMut(Form) -> Result<Format, Failure>,
    out: &mut dyn Write,
    eval_err: impl Fn(QueryEvaluationError) -> Failure + Copy,
) -> Result<Outcome, Failure> {
    let over_budget = |n: usize| {
        if max_rows.is_some_and(|m| n >= m) {
            Err(fail(
                FailureKind::Budget,
                format!(
                    "the query was stopped after {n} results, its row budget; add a LIMIT or narrow the query"
                ),
            ))
        } else {
            Ok(())
        }
    };
    let io_err =
        |e: std::io::Error| fail(FailureKind::Failed, format!("cannot write results: {e}"));
    match results {
        QueryResults::Solutions(solutions) => {
            let format = choose(Form::Solutions)?;
            let variables = solutions.variables().to_vec();
            let count = match format.results() {
                Some(rf) => {
                    let mut w = QueryResultsSerializer::from_format(rf)
                        .serialize_solutions_to_writer(&mut *out, variables)
                        .map_err(io_err)?;
                    let mut n = 0;
                    for s in solutions {
                        over_budget(n)?;
                        let s = s.map_err(eval_err)?;
                        w.serialize(s.iter()).map_err(io_err)?;
                        n += 1;
                    }
                    w.finish().map_err(io_err)?;
                    n
                }
                None if format == Format::Table => {
                    let names: Vec<String> =
                        variables.iter().map(|v| v.as_str().to_string()).collect();
                    let mut n = 0;
                    let rows = solutions.map(|s| {
                        over_budget(n)?;
                        n += 1;
                        s.map_err(eval_err)
                    });
                    write_table(out, &names, rows)?
                }
                None => {
                    return Err(fail(
                        FailureKind::Format,
                        "SELECT results come as table, json, csv, tsv or xml",
                    ));
                }
            };
            Ok(Outcome {
                form: Form::Solutions,
                format,
                count,
            })
        }
        QueryResults::Boolean(b) => {
            let format = choose(Form::Boolean)?;
            match format.results() {
                Some(rf) => {
                    QueryResultsSerializer::from_format(rf)
                        .serialize_boolean_to_writer(&mut *out, b)
                        .map_err(io_err)?;
                }
                None if format == Format::Table => writeln!(out, "{b}").map_err(io_err)?,
                None => {
                    return Err(fail(
                        FailureKind::Format,
                        "ASK results come as table, json, csv, tsv or xml",
                    ));
                }
            }
            Ok(Outcome {
                form: Form::Boolean,
                format,
                count: 1,
            })
        }
        QueryResults::Graph(triples) => {
            let format = choose(Form::Graph)?;
            if !format.is_graph() {
                return Err(fail(
                    FailureKind::Format,
                    "CONSTRUCT and DESCRIBE results come as turtle or ntriples",
                ));
            }
            let rdf_format = if format == Format::Turtle {
                RdfFormat::Turtle
            } else {
                RdfFormat::NTriples
            };
            let mut serializer = RdfSerializer::from_format(rdf_format);
            if format == Format::Turtle {
                for (prefix, iri) in PREFIXES {
                    serializer = serializer
                        .with_prefix(*prefix, *iri)
                        .map_err(|e| fail(FailureKind::Failed, e.to_string()))?;
                }
            }
            let mut w = serializer.for_writer(&mut *out);
            let mut n = 0;
            for t in triples {
                over_budget(n)?;
                let t = t.map_err(eval_err)?;
                w.serialize_triple(&t).map_err(io_err)?;
                n += 1;
            }
            w.finish().map_err(io_err)?;
            Ok(Outcome {
                form: Form::Graph,
                format,
                count: n,
            })
        }
    }
}
