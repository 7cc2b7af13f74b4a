//! A fuzz target over the SPARQL entry (issue 19), run by `cargo test` in CI:
//! token soups, long chains of every nesting construct and arbitrary text go
//! through [`query::run`] against a small store. None may panic or abort the
//! process (a stack overflow would), and each must come back within its
//! timeout plus a margin. The number of cases is proptest's
//! (`PROPTEST_CASES`, 64 here by default), so the run is bounded; raise it
//! for a longer session: `PROPTEST_CASES=5000 cargo test --test fuzz_sparql`.

mod common;
mod storefix;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actorgraph::query::{self, Format, Limits};
use actorgraph::store::Store;
use proptest::prelude::*;

fn store() -> &'static Store {
    static STORE: OnceLock<(tempfile::TempDir, Store)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let tmp = tempfile::tempdir().expect("tempdir");
            let dir = tmp.path().join("store");
            storefix::fixture_store(&dir);
            let store = Store::open_read_only(&dir).expect("store");
            (tmp, store)
        })
        .1
}

const TOKENS: &[&str] = &[
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "WHERE",
    "*",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "?s",
    "?p",
    "?o",
    "?x",
    "a",
    "ag:supports",
    "actor:Mali",
    "<http://x/a>",
    "\"lit\"",
    "'x'@ar",
    "\"1\"^^xsd:integer",
    "1",
    "-2.5e3",
    ".",
    ";",
    ",",
    "/",
    "|",
    "^",
    "!",
    "+",
    "-",
    "*",
    "?",
    "&&",
    "||",
    "=",
    "!=",
    "<",
    ">=",
    "UNION",
    "OPTIONAL",
    "MINUS",
    "FILTER",
    "BIND",
    "AS",
    "VALUES",
    "UNDEF",
    "GRAPH",
    "SERVICE",
    "COUNT",
    "DISTINCT",
    "GROUP BY",
    "ORDER BY",
    "LIMIT",
    "OFFSET",
    "HAVING",
    "EXISTS",
    "NOT",
    "IN",
    "STR",
    "CONCAT",
    "REGEX",
    "IF",
    "COALESCE",
    "PREFIX",
    "BASE",
    "#",
    "\n",
    "FROM",
    "NAMED",
    "INSERT",
    "DATA",
    "DELETE",
];

/// A construct repeated many times: the shapes that nest or multiply.
fn chain() -> impl Strategy<Value = String> {
    let unit = prop::sample::select(vec![
        "a/",
        "ag:supports/",
        "ag:supports|",
        "^",
        "!",
        "- ",
        "+",
        "!(",
        "(",
        "{",
        "{ } ",
        "{ ?s ?p ?o } UNION ",
        "OPTIONAL { ?s ?p ?o } ",
        "?s ?p ?o . ",
        "true || ",
        "1 + ",
        "STR(",
        "[ a ",
        "?s ?p ?o ; ?p ?o , ",
    ]);
    (
        unit,
        prop_oneof![1usize..140, 1usize..20_000],
        prop::sample::select(vec![
            "ASK { FILTER(",
            "ASK { <http://none/x> (",
            "SELECT * WHERE { ",
            "SELECT (COUNT(*) AS ?n) { ?s (",
        ]),
    )
        .prop_map(|(unit, n, head)| format!("{head}{}true) ?o }}", unit.repeat(n)))
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS.to_vec()), 0..200).prop_map(|t| t.join(" "))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let limits = Limits {
        timeout: Duration::from_secs(2),
        max_rows: Some(10_000),
        ..Limits::default()
    };
    let started = Instant::now();
    let mut out = Vec::new();
    // Errors are fine; a panic fails the case, an abort the whole run.
    let _ = query::run(store(), text, Some(Format::Tsv), &limits, &mut out);
    let took = started.elapsed();
    prop_assert!(
        took < Duration::from_secs(15),
        "took {took:?} for a query of {} bytes",
        text.len()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn token_soups_never_crash(q in soup()) {
        check(&q)?;
    }

    #[test]
    fn long_chains_never_crash(q in chain()) {
        check(&q)?;
    }

    #[test]
    fn arbitrary_text_never_crashes(q in "\\PC{0,400}") {
        check(&q)?;
    }

    #[test]
    fn valid_prefixes_with_noise_never_crash(tail in soup(), head in prop::sample::select(vec![
        "SELECT * WHERE { ", "ASK { ", "CONSTRUCT WHERE { ", "SELECT (COUNT(*) AS ?n) WHERE { ",
    ])) {
        check(&format!("{head}{tail} }}"))?;
    }
}
