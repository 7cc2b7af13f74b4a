use super::*;
use oxigraph::model::Term;

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let q = format!(
        "SELECT * WHERE {}{}",
        "{".repeat(10_000),
        "}".repeat(10_000)
    );
    let e = check(&q, &Limits::default()).expect_err("too deep");
    assert_eq!(e.kind, FailureKind::Refused);
    assert!(e.message.contains("nests deeper"), "{}", e.message);
}

#[test]
fn service_is_found_outside_strings_and_iris_only() {
    let l = Limits::default();
    assert!(check("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", &l).is_err());
    assert!(check("SELECT * { service silent <http://x/> { ?s ?p ?o } }", &l).is_err());
    assert!(
        check(
            "SELECT * { ?s ?p \"SERVICE\" . ?s <http://x/SERVICE> ?service }",
            &l
        )
        .is_ok()
    );
    assert!(check("SELECT * { ?s ex:SERVICE ?o } # SERVICE in a comment", &l).is_ok());
    assert!(check("SELECT * { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }", &l).is_ok());
}

#[test]
fn syntax_errors_name_line_and_column() {
    let q = "SELECT ?s\nWHERE { ?s ?p }";
    let e = SparqlEvaluator::new()
        .parse_query(q)
        .err()
        .expect("a syntax error");
    let m = syntax_message(q, &e.to_string());
    assert!(m.starts_with("syntax error at line 2, column "), "{m}");
    assert!(m.contains("WHERE { ?s ?p }\n"), "{m}");
}

#[test]
fn cells_use_prefixes() {
    let t = Term::NamedNode(oxigraph::model::NamedNode::new_unchecked(format!(
        "{}Mali",
        crate::model::ns::ACTOR
    )));
    assert_eq!(cell(&t), "actor:Mali");
}

/// The deepest accepted query parses and runs even on a test thread's
/// small (2 MiB) stack.
fn ask_table(store: &Store, q: &str) -> Vec<u8> {
    let mut out = Vec::new();
    run(store, q, Some(Format::Table), &Limits::default(), &mut out).expect("runs");
    out
}

#[test]
fn the_deepest_accepted_query_runs() {
    let store = Store::in_memory().expect("store");
    let n = MAX_DEPTH - 1;
    let q = format!("ASK {}{}", "{".repeat(n), "}".repeat(n));
    assert_eq!(ask_table(&store, &q), b"true\n");
    let q = format!(
        "ASK {{ FILTER({}1{}) }}",
        "(".repeat(n - 1),
        ")".repeat(n - 1)
    );
    assert_eq!(ask_table(&store, &q), b"true\n");
}
