use super::*;
use crate::form::decode;

#[test]
fn negotiation_follows_q_values() {
    let n = |form, accept| negotiate(form, None, accept).map_err(|f| f.kind);
    assert_eq!(n(Form::Solutions, ""), Ok(Format::Json));
    assert_eq!(n(Form::Solutions, "text/csv"), Ok(Format::Csv));
    assert_eq!(
        n(
            Form::Solutions,
            "application/sparql-results+xml;q=0.9, text/tab-separated-values"
        ),
        Ok(Format::Tsv)
    );
    assert_eq!(n(Form::Solutions, "*/*"), Ok(Format::Json));
    assert_eq!(
        n(Form::Graph, "application/n-triples, */*;q=0.1"),
        Ok(Format::NTriples)
    );
    assert_eq!(n(Form::Solutions, "image/png"), Err(FailureKind::Format));
    assert_eq!(
        negotiate(Form::Graph, Some(Format::Json), "text/turtle").ok(),
        Some(Format::Turtle)
    );
}

#[test]
fn forms_decode() {
    assert_eq!(
        parse_form("query=SELECT+%3Fs+%7B%7D&x").expect("decodes"),
        vec![
            ("query".into(), "SELECT ?s {}".into()),
            ("x".into(), String::new())
        ]
    );
    assert!(parse_form("query=%ZZ").is_err());
    assert_eq!(decode("%D9%85%D8%A7%D9%84%D9%8A").expect("UTF-8"), "مالي");
}

#[test]
fn only_loopback_hosts_pass() {
    for ok in [
        "localhost",
        "localhost:7878",
        "127.0.0.1:80",
        "[::1]:7878",
        "LOCALHOST.",
    ] {
        assert!(host_is_loopback(ok), "{ok}");
    }
    for bad in [
        "evil.example",
        "evil.example:7878",
        "127.0.0.1.evil.example",
        "",
        "[::2]",
    ] {
        assert!(!host_is_loopback(bad), "{bad}");
    }
}

#[test]
fn quoted_paths_lose_their_control_characters() {
    assert_eq!(escape_for_text("/a\u{1b}[31m"), "/a\\u{1b}[31m");
}
