//! Node and edge tables as CSV (RFC 4180), in one of two header dialects:
//! Gephi's spreadsheet import (`Id`, `Label`; `Source`, `Target`, `Type`,
//! `Id`, `Label`, `Weight`) or `neo4j-admin database import` (`id:ID`,
//! `:LABEL`; `:START_ID`, `:END_ID`, `:TYPE`, typed columns such as
//! `weight:int`). Neo4j's `LOAD CSV` reads either.
//!
//! Fields holding a comma, a quote, a line break or edge spaces are quoted,
//! quotes doubled; a text that a spreadsheet would take for a formula gets
//! a leading `'` (numbers, negative ones included, are left alone); Arabic text and marks are written as they are (UTF-8,
//! no byte-order mark, `\n` line ends).

use std::io::{Result, Write};

use super::{View, display_label, edge_id};

/// Column headers for one consumer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Gephi's spreadsheet import (also fine for spreadsheets and `LOAD CSV`).
    #[default]
    Gephi,
    /// `neo4j-admin database import` headers, with types and `;`-separated arrays.
    Neo4j,
}

/// Writes the header row of `columns` in `dialect`, with `neo4j_only`
/// after them in the Neo4j dialect.
fn header(
    out: &mut dyn Write,
    columns: &[(&str, &str)],
    dialect: Dialect,
    neo4j_only: &[&str],
) -> Result<()> {
    let names = columns.iter().map(|&(gephi, neo4j)| match dialect {
        Dialect::Gephi => gephi,
        Dialect::Neo4j => neo4j,
    });
    match dialect {
        Dialect::Gephi => row(out, names),
        Dialect::Neo4j => row(out, names.chain(neo4j_only.iter().copied())),
    }
}

/// The columns of the node table: (Gephi header, Neo4j header).
const NODE_COLUMNS: &[(&str, &str)] = &[
    ("Id", "id:ID"),
    ("Label", "label"),
    ("label_ar", "label_ar"),
    ("type", "type"),
    ("mentions", "mentions:int"),
    ("documents", "documents:int"),
    ("discovered", "discovered:boolean"),
    ("latitude", "latitude:double"),
    ("longitude", "longitude:double"),
];

pub(super) fn write_nodes(view: &View, dialect: Dialect, out: &mut dyn Write) -> Result<()> {
    header(out, NODE_COLUMNS, dialect, &[":LABEL"])?;
    for n in &view.net.nodes {
        let a = &n.actor;
        let mentions = n.mentions.to_string();
        let documents = n.documents.to_string();
        let lat = a.lat.map(|v| v.to_string()).unwrap_or_default();
        let long = a.long.map(|v| v.to_string()).unwrap_or_default();
        let labels = format!("Actor;{}", a.class);
        let mut fields: Vec<&str> = vec![
            a.iri.as_str(),
            display_label(n),
            &a.label_ar,
            &a.class,
            &mentions,
            &documents,
            if a.discovered { "true" } else { "false" },
            &lat,
            &long,
        ];
        if dialect == Dialect::Neo4j {
            fields.push(&labels);
        }
        row(out, fields)?;
    }
    Ok(())
}

/// The columns of the edge table: (Gephi header, Neo4j header).
const EDGE_COLUMNS: &[(&str, &str)] = &[
    ("Source", ":START_ID"),
    ("Target", ":END_ID"),
    ("Type", ":TYPE"),
    ("Id", "id"),
    ("Label", "label"),
    ("Weight", "weight:int"),
    ("Kind", "kind"),
    ("relation", "relation"),
    ("polarity", "polarity"),
    ("modality", "modality"),
    ("asserted", "asserted:int"),
    ("reported", "reported:int"),
    ("hedged", "hedged:int"),
    ("symmetric", "symmetric:boolean"),
    ("first_date", "first_date"),
    ("last_date", "last_date"),
    ("documents", "documents:string[]"),
    ("evidence", "evidence"),
    ("evidence_doc", "evidence_doc"),
];

pub(super) fn write_edges(view: &View, dialect: Dialect, out: &mut dyn Write) -> Result<()> {
    header(out, EDGE_COLUMNS, dialect, &[])?;
    for e in &view.net.edges {
        let id = edge_id(e);
        // Neo4j relationship types are conventionally UPPER_SNAKE_CASE.
        let ty = match dialect {
            Dialect::Gephi => "Directed".to_string(),
            Dialect::Neo4j => e.relation.to_ascii_uppercase().replace('-', "_"),
        };
        let weight = e.weight.to_string();
        let asserted = e.modalities.asserted.to_string();
        let reported = e.modalities.reported.to_string();
        let hedged = e.modalities.hedged.to_string();
        let docs = e.documents.join(";");
        let fields: [&str; 19] = [
            e.subject.as_str(),
            &e.object,
            &ty,
            &id,
            &e.relation,
            &weight,
            &e.relation,
            &e.relation,
            e.polarity.as_str(),
            e.modality.as_str(),
            &asserted,
            &reported,
            &hedged,
            if e.symmetric { "true" } else { "false" },
            e.first_date.as_deref().unwrap_or(""),
            e.last_date.as_deref().unwrap_or(""),
            &docs,
            &e.evidence,
            &e.evidence_doc,
        ];
        row(out, fields)?;
    }
    Ok(())
}

fn row<'a>(out: &mut dyn Write, fields: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut line = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&quote(f));
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// A CSV field, quoted when it must be. A text that a spreadsheet would
/// read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return, and not a number) gets a leading `'`, as OWASP advises against
/// CSV injection: an id `=HYPERLINK(…)` stays text.
fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    let field: std::borrow::Cow<'_, str> =
        if field.starts_with(['=', '+', '-', '@', '\t', '\r']) && field.parse::<f64>().is_err() {
            format!("'{field}").into()
        } else {
            field.into()
        };
    let needs = field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn formulas_stay_text_and_numbers_stay_numbers() {
        assert_eq!(
            quote("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(quote("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(quote("+33"), "+33");
        assert_eq!(quote("-4.25"), "-4.25");
        assert_eq!(quote("-x"), "'-x");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(quote("JNIM"), "JNIM");
        assert_eq!(quote("جماعة نصرة الإسلام"), "جماعة نصرة الإسلام");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(quote(" pad"), "\" pad\"");
    }
}
