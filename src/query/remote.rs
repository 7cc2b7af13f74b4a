//! Queries on a remote store: checked and parsed here (the same refusals
//! and syntax messages as on an embedded store), sent to the server by the
//! SPARQL 1.1 Protocol, and its answer written by the same code as local
//! results (table, JSON, CSV, TSV, XML, Turtle, N-Triples).
//!
//! The server decides the default graph of a query without FROM: Virtuoso
//! takes the union of all its graphs (what the embedded store does); an
//! Oxigraph server needs `--union-default-graph`, Fuseki `unionDefaultGraph`.

use std::io::{Cursor, Write};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QueryTripleIter};
use spargebra::Query;

use super::{
    Dataset, Failure, FailureKind, Form, Format, Limits, Outcome, PREFIXES, fail, parse_failure,
    write_results,
};
use crate::store::remote::Client;

/// Runs `query` on the server of `client` (see [`super::execute`]).
pub(super) fn execute(
    client: &Client,
    query: &str,
    dataset: &Dataset,
    limits: &Limits,
    choose: &mut dyn FnMut(Form) -> Result<Format, Failure>,
    out: &mut dyn Write,
) -> Result<Outcome, Failure> {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, iri) in PREFIXES {
        parser = parser
            .with_prefix(*prefix, *iri)
            .map_err(|e| fail(FailureKind::Failed, e.to_string()))?;
    }
    let form = match parser
        .parse_query(query)
        .map_err(|e| parse_failure(query, &e.to_string()))?
    {
        Query::Select { .. } => Form::Solutions,
        Query::Ask { .. } => Form::Boolean,
        Query::Construct { .. } | Query::Describe { .. } => Form::Graph,
    };
    let text = with_prefixes(query);
    let mut params: Vec<(&str, &str)> = Vec::new();
    for g in &dataset.default_graphs {
        params.push(("default-graph-uri", g));
    }
    for g in &dataset.named_graphs {
        params.push(("named-graph-uri", g));
    }
    let accept = match form {
        Form::Graph => "application/n-triples",
        _ => "application/sparql-results+json",
    };
    let body = client
        .query_raw(&text, &params, accept, Some(limits.timeout))
        .map_err(|e| fail(FailureKind::Failed, e.to_string()))?;
    let url = client.url().to_string();
    let results = match form {
        Form::Graph => {
            let triples = RdfParser::from_format(RdfFormat::NTriples)
                .for_reader(Cursor::new(body))
                .map(move |t| {
                    t.map(Triple::from)
                        .map_err(|e| QueryEvaluationError::Unexpected(Box::new(e)))
                });
            QueryResults::Graph(QueryTripleIter::new(triples))
        }
        _ => QueryResults::from(
            QueryResultsParser::from_format(QueryResultsFormat::Json)
                .for_reader(Cursor::new(body))
                .map_err(|e| {
                    fail(
                        FailureKind::Failed,
                        format!("remote store {url}: unreadable query results: {e}"),
                    )
                })?,
        ),
    };
    let eval_err = |e: QueryEvaluationError| {
        fail(
            FailureKind::Failed,
            format!("unreadable answer of the remote store: {e}"),
        )
    };
    write_results(results, limits.max_rows, choose, out, eval_err)
}

/// The query with the predeclared prefixes declared before it (a query's
/// own declaration of a prefix comes later and wins).
fn with_prefixes(query: &str) -> String {
    let mut text = String::new();
    for (prefix, iri) in PREFIXES {
        text.push_str(&format!("PREFIX {prefix}: <{iri}>\n"));
    }
    text.push_str(query);
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn predeclared_prefixes_come_first() {
        let t = super::with_prefixes("PREFIX ag: <x:> ASK {}");
        assert!(t.starts_with("PREFIX "), "{t}");
        assert!(
            t.contains("PREFIX ag: <https://w3id.org/actorgraph/ontology#>\n"),
            "{t}"
        );
        assert!(t.ends_with("PREFIX ag: <x:> ASK {}"), "{t}");
    }
}
