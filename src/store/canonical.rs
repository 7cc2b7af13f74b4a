//! The form in which Oxigraph gives a term back once stored.
//!
//! Oxigraph keeps the literals of the XSD datatypes it knows (numbers,
//! booleans, dates and times, durations) as values, not as text: stored
//! `"5.3600"^^xsd:decimal` reads back as `"5.36"`, `"1"^^xsd:boolean` as
//! `"true"`, `"7"^^xsd:byte` as `"7"^^xsd:integer`. A lexical form that does
//! not parse stays as written. [`canonical_term`] gives that read-back form
//! without a store, so that what was written can stand for what the store
//! holds (the RDF exports of a fresh build are made from the quads as they
//! are stored, not read back: see `export::rdf`). The mapping mirrors
//! `oxigraph::storage::numeric_encoder` (`From<LiteralRef> for EncodedTerm`
//! and `Decoder::decode_term`); a test compares it with a real store for
//! every datatype, so that an Oxigraph upgrade that changes it is caught.

use std::borrow::Cow;
use std::str::FromStr;

use oxigraph::model::{Literal, Term};
use oxsdatatypes::{
    Boolean, Date, DateTime, DayTimeDuration, Decimal, Double, Duration, Float, GDay, GMonth,
    GMonthDay, GYear, GYearMonth, Integer, Time, YearMonthDuration,
};

const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// `term` as the store gives it back (borrowed when that is `term` itself).
pub(crate) fn canonical_term(term: &Term) -> Cow<'_, Term> {
    match term {
        Term::Literal(l) => match canonical_literal(l) {
            Some(c) if &c != l => Cow::Owned(Term::Literal(c)),
            _ => Cow::Borrowed(term),
        },
        _ => Cow::Borrowed(term),
    }
}

/// The stored form of a literal of a datatype Oxigraph keeps as a value;
/// `None` when it keeps the literal as written (strings, language-tagged
/// strings, other datatypes, lexical forms that do not parse).
fn canonical_literal(l: &Literal) -> Option<Literal> {
    fn via<T: FromStr + Into<Literal>>(v: &str) -> Option<Literal> {
        v.parse::<T>().ok().map(Into::into)
    }
    let local = l.datatype().as_str().strip_prefix(XSD)?;
    let v = l.value();
    match local {
        "boolean" => via::<Boolean>(v),
        "float" => via::<Float>(v),
        "double" => via::<Double>(v),
        "integer" | "byte" | "short" | "int" | "long" | "unsignedByte" | "unsignedShort"
        | "unsignedInt" | "unsignedLong" | "positiveInteger" | "negativeInteger"
        | "nonPositiveInteger" | "nonNegativeInteger" => via::<Integer>(v),
        "decimal" => via::<Decimal>(v),
        "dateTime" | "dateTimeStamp" => via::<DateTime>(v),
        "time" => via::<Time>(v),
        "date" => via::<Date>(v),
        "gYearMonth" => via::<GYearMonth>(v),
        "gYear" => via::<GYear>(v),
        "gMonthDay" => via::<GMonthDay>(v),
        "gDay" => via::<GDay>(v),
        "gMonth" => via::<GMonth>(v),
        "duration" => via::<Duration>(v),
        "yearMonthDuration" => via::<YearMonthDuration>(v),
        "dayTimeDuration" => via::<DayTimeDuration>(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, NamedNode, Quad};

    /// Every datatype Oxigraph keeps as a value, in canonical and
    /// non-canonical forms and forms that do not parse, plus kinds it keeps
    /// as written: each must read back from a real store exactly as
    /// [`canonical_term`] says.
    #[test]
    fn canonical_terms_are_what_a_store_gives_back() {
        let forms: &[(&str, &[&str])] = &[
            ("boolean", &["true", "1", "0", "false", "yes", " true"]),
            ("float", &["1", "1.50", "1e3", "NaN", "-0", "INF", "x"]),
            ("double", &["1", "1.50", "1e3", "NaN", "-0", "-INF", "0.1"]),
            (
                "integer",
                &["0", "007", "+5", "-0", "1.0", "12345678901234567890"],
            ),
            ("byte", &["7", "300"]),
            ("nonNegativeInteger", &["3", "-3"]),
            ("unsignedLong", &["18"]),
            (
                "decimal",
                &["0.85", "5.3600", "1", "1.0", "-0", "+.5", "1e2", "0"],
            ),
            (
                "dateTime",
                &[
                    "2025-10-01T12:00:00Z",
                    "2025-10-01T12:00:00+00:00",
                    "2025-10-01T12:00:00.000",
                    "2025-02-30T00:00:00",
                ],
            ),
            ("dateTimeStamp", &["2025-10-01T12:00:00Z"]),
            ("time", &["12:00:00", "24:00:00", "12:00:00.50+01:00"]),
            (
                "date",
                &[
                    "2025-10-01",
                    "2025-02-29",
                    "2024-02-29",
                    "2025-10-01Z",
                    "0999-01-01",
                ],
            ),
            ("gYearMonth", &["2025-07", "2025-13", "0000-01"]),
            ("gYear", &["2023", "0999", "-0044", "0000", "20230", "23"]),
            ("gMonthDay", &["--02-29", "--13-01"]),
            ("gDay", &["---05"]),
            ("gMonth", &["--05"]),
            ("duration", &["P1Y2M", "PT36H", "P0D", "PT0.50S"]),
            ("yearMonthDuration", &["P14M", "P1D"]),
            ("dayTimeDuration", &["PT36H", "P1Y"]),
            ("string", &["x", "1"]),
            ("anyURI", &["https://example.org/a b"]),
        ];
        let mut terms: Vec<Term> = Vec::new();
        for (local, values) in forms {
            let dt = NamedNode::new(format!("{XSD}{local}")).expect("IRI");
            for v in *values {
                terms.push(Literal::new_typed_literal(*v, dt.clone()).into());
            }
        }
        terms.push(Literal::new_simple_literal("a fairly long literal value").into());
        terms.push(
            Literal::new_language_tagged_literal("نص عربي طويل نسبيا", "ar")
                .expect("tag")
                .into(),
        );
        terms.push(
            Literal::new_typed_literal("5", NamedNode::new("https://example.org/dt").expect("IRI"))
                .into(),
        );
        terms.push(NamedNode::new("https://example.org/n").expect("IRI").into());
        let store = oxigraph::store::Store::new().expect("store");
        let s = NamedNode::new("https://example.org/s").expect("IRI");
        for (i, t) in terms.iter().enumerate() {
            let p = NamedNode::new(format!("https://example.org/p{i}")).expect("IRI");
            store
                .insert(&Quad::new(
                    s.clone(),
                    p.clone(),
                    t.clone(),
                    GraphName::DefaultGraph,
                ))
                .expect("insert");
            let back: Vec<Term> = store
                .quads_for_pattern(None, Some(p.as_ref()), None, None)
                .map(|q| q.expect("read").object)
                .collect();
            assert_eq!(back, vec![canonical_term(t).into_owned()], "{t}");
        }
    }
}
