//! The terminal table of a query's solutions: terms as short cells, column
//! widths fixed from the first rows, later rows streamed.

use std::io::Write;

use oxigraph::model::Term;
use oxigraph::sparql::QuerySolution;

use super::{Failure, FailureKind, PREFIXES, fail};

/// A term as a table cell: IRIs shortened with [`PREFIXES`], literals as
/// their value on one line.
pub fn cell(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            for (prefix, ns) in PREFIXES {
                if let Some(local) = iri.strip_prefix(ns)
                    && !local.is_empty()
                    && !local.contains(['/', '#'])
                {
                    return format!("{prefix}:{local}");
                }
            }
            format!("<{}>", crate::terminal::escape_controls(iri))
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        // Line breaks and tabs become spaces; other control characters are
        // escaped, so that a literal cannot drive the terminal.
        Term::Literal(l) => {
            crate::terminal::escape_controls(&l.value().replace(['\n', '\r', '\t'], " "))
                .into_owned()
        }
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// Cells longer than this are cut, with `…`: use `--format json` for whole values.
const MAX_CELL: usize = 80;

/// Rows read before the column widths are fixed; later rows stream with
/// those widths (longer cells cut with `…`), so a large result never sits
/// whole in memory.
const TABLE_SAMPLE: usize = 1000;

pub(super) fn write_table(
    out: &mut dyn Write,
    names: &[String],
    rows: impl Iterator<Item = Result<QuerySolution, Failure>>,
) -> Result<usize, Failure> {
    use unicode_width::UnicodeWidthStr;
    let io_err =
        |e: std::io::Error| fail(FailureKind::Failed, format!("cannot write results: {e}"));
    let fit = |s: String, max: usize| -> String {
        if s.width() > max {
            let mut t = String::new();
            for c in s.chars() {
                if t.width() >= max.saturating_sub(1) {
                    break;
                }
                t.push(c);
            }
            t.push('…');
            t
        } else {
            s
        }
    };
    let cells_of = |r: &QuerySolution| -> Vec<String> {
        names
            .iter()
            .map(|n| fit(r.get(n.as_str()).map(cell).unwrap_or_default(), MAX_CELL))
            .collect()
    };
    let mut rows = rows.peekable();
    let mut sample: Vec<Vec<String>> = Vec::new();
    while sample.len() < TABLE_SAMPLE {
        match rows.next() {
            Some(r) => sample.push(cells_of(&r?)),
            None => break,
        }
    }
    let mut widths: Vec<usize> = names.iter().map(|n| n.width() + 1).collect();
    for row in &sample {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" │ ");
            }
            s.push_str(c);
            if i + 1 < row.len() {
                s.push_str(&" ".repeat(w.saturating_sub(c.width())));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    let header: Vec<String> = names.iter().map(|n| format!("?{n}")).collect();
    line(out, &header).map_err(io_err)?;
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("─┼─")).map_err(io_err)?;
    let mut count = sample.len();
    for row in &sample {
        line(out, row).map_err(io_err)?;
    }
    drop(sample);
    for r in rows {
        let row: Vec<String> = cells_of(&r?)
            .into_iter()
            .zip(&widths)
            .map(|(c, w)| fit(c, *w))
            .collect();
        line(out, &row).map_err(io_err)?;
        count += 1;
    }
    writeln!(
        out,
        "({} {})",
        count,
        if count == 1 { "row" } else { "rows" }
    )
    .map_err(io_err)?;
    Ok(count)
}
