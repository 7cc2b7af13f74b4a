//! Limits on what one SPARQL query may cost, checked on its text before the
//! parser sees it and while it runs (issue 19).
//!
//! Oxigraph's parser, optimizer and evaluator recurse over the query's
//! algebra, and a stack overflow aborts the whole process (exit 134) instead
//! of failing one query. Nesting is not only brackets: a sequence path
//! `a/a/…/a`, a chain of `!` or of `||` each build a tree as deep as the
//! chain is long, and a long sequence path becomes as many joined triple
//! patterns, which the optimizer orders in far more than linear time and
//! memory. So besides the bracket depth, [`scan`] counts every operator that
//! nests (path `/ | ^`, unary `! + -`, binary operators, `UNION`, `OPTIONAL`,
//! `MINUS`) and refuses a query with more than [`MAX_OPERATORS`] of them,
//! and any run of unary operators longer than the depth limit. Realistic
//! queries use a few dozen.
//!
//! While a query runs, [`memory_in_use`] lets the waiting thread cancel it
//! when the process grows past its memory budget.

/// The most nesting operators (path steps, unary and binary operators,
/// `UNION`, `OPTIONAL`, `MINUS`) in one query.
pub const MAX_OPERATORS: usize = 512;

/// The most triple patterns and groups in one query: every step of a
/// sequence path, every `.`, `;` and `,` between patterns, every `{`.
/// Oxigraph orders the joins of a group before evaluating it, in a step that
/// cannot be cancelled and costs about the cube of the number of patterns
/// (measured on a debug build: 128 patterns 1.5 s, 256 11.5 s, 500 past
/// 20 s; an 8,000-step path past 3 GB).
pub const MAX_PATTERNS: usize = 128;

/// What [`scan`] found wrong with a query text, with the byte offset where
/// the limit was passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Excess {
    /// Brackets nested deeper than the depth limit.
    Depth(usize),
    /// More nesting operators than [`MAX_OPERATORS`].
    Operators(usize),
    /// More triple patterns and groups than [`MAX_PATTERNS`].
    Patterns(usize),
    /// A run of unary operators (`!!!…`) longer than the depth limit.
    UnaryRun(usize),
    /// The SERVICE keyword (no network).
    Service(usize),
}

/// Scans a query text outside strings, IRIs and comments for constructs
/// that would make parsing or evaluation recurse too deep or explode.
pub fn scan(query: &str, max_depth: usize) -> Result<(), Excess> {
    let b = query.as_bytes();
    let mut i = 0;
    let mut depth = 0usize;
    let mut parens = 0usize;
    let mut operators = 0usize;
    let mut patterns = 0usize;
    // Unary operators in a row (whitespace between them does not break a run).
    let mut unary_run = 0usize;
    // Whether the previous token ends an operand (then `-` / `+` is binary).
    let mut after_operand = false;
    let count = |at: usize, operators: &mut usize| {
        *operators += 1;
        if *operators > MAX_OPERATORS {
            Err(Excess::Operators(at))
        } else {
            Ok(())
        }
    };
    let mut pattern = |at: usize| {
        patterns += 1;
        if patterns > MAX_PATTERNS {
            Err(Excess::Patterns(at))
        } else {
            Ok(())
        }
    };
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut unary = false;
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            q @ (b'"' | b'\'') => {
                let long = b[i..].starts_with(&[q, q, q]);
                i += if long { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if long {
                        if b[i..].starts_with(&[q, q, q]) {
                            i += 2;
                            break;
                        }
                    } else if b[i] == q || b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
                after_operand = true;
            }
            b'<' => {
                // An IRI runs to `>` without spaces or delimiters; otherwise
                // `<` (or `<=`) is an operator.
                let rest = &b[i + 1..];
                if let Some(end) = rest.iter().position(|c| {
                    matches!(
                        c,
                        b'>' | b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\'
                    ) || c.is_ascii_whitespace()
                }) && rest[end] == b'>'
                {
                    i += end + 1;
                    after_operand = true;
                } else {
                    count(i, &mut operators)?;
                    after_operand = false;
                }
            }
            b'(' | b'{' | b'[' => {
                if c == b'{' {
                    pattern(i)?;
                }
                if c == b'(' {
                    parens += 1;
                }
                depth += 1;
                if depth > max_depth {
                    return Err(Excess::Depth(i));
                }
                after_operand = false;
            }
            b')' | b'}' | b']' => {
                if c == b')' {
                    parens = parens.saturating_sub(1);
                }
                depth = depth.saturating_sub(1);
                after_operand = true;
            }
            b'!' | b'^' => {
                count(i, &mut operators)?;
                // `!=` is binary; `^^` (a datatype) is not an operator at all.
                if c == b'^' && b.get(i + 1) == Some(&b'^') {
                    operators -= 1;
                    i += 1;
                } else if !(c == b'!' && b.get(i + 1) == Some(&b'=')) {
                    unary = true;
                }
                after_operand = false;
            }
            b'+' | b'-' => {
                count(i, &mut operators)?;
                unary = !after_operand;
                after_operand = false;
            }
            b'/' | b'|' | b'&' | b'*' | b'=' | b'>' => {
                // `||` and `&&` are one operator; a lone `*` after SELECT is
                // not one but counting it costs nothing.
                if matches!(c, b'|' | b'&') && b.get(i + 1) == Some(&c) {
                    i += 1;
                }
                count(i, &mut operators)?;
                if c == b'/' {
                    pattern(i)?;
                }
                after_operand = false;
            }
            // Pattern separators; commas inside brackets are argument lists.
            b'.' | b';' => {
                pattern(i)?;
                after_operand = false;
            }
            b',' => {
                if parens == 0 {
                    pattern(i)?;
                }
                after_operand = false;
            }
            c if c.is_ascii_alphanumeric() || c == b'?' || c == b'$' || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric()
                        || matches!(b[i], b'_' | b':' | b'-' | b'?' | b'$' | b'.' | b'%')
                        || b[i] >= 0x80)
                {
                    i += 1;
                }
                // A word never ends with `.`: that is the triple separator.
                while i > start + 1 && b[i - 1] == b'.' {
                    i -= 1;
                }
                let word = &query[start..i];
                if word.eq_ignore_ascii_case("SERVICE") {
                    return Err(Excess::Service(start));
                }
                if ["UNION", "OPTIONAL", "MINUS"]
                    .iter()
                    .any(|k| word.eq_ignore_ascii_case(k))
                {
                    count(start, &mut operators)?;
                    after_operand = false;
                } else {
                    after_operand = true;
                }
                unary_run = 0;
                continue;
            }
            _ => after_operand = false,
        }
        if unary {
            unary_run += 1;
            if unary_run > max_depth {
                return Err(Excess::UnaryRun(i));
            }
        } else {
            unary_run = 0;
        }
        i += 1;
    }
    Ok(())
}

/// The resident memory of this process in bytes, where the system tells it
/// (Linux); `None` elsewhere.
pub fn memory_in_use() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let resident: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(resident * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_queries_pass() {
        for q in [
            "SELECT ?s ?o WHERE { ?s ag:supports ?o } ORDER BY ?s LIMIT 10",
            "SELECT * { ?s ?p \"a/b/c!!!!!!!!\" . ?s <http://x/a/b> ?o FILTER(?o != 3 && ?o > -1) }",
            "SELECT (COUNT(*) AS ?n) { ?a ag:supports/ag:opposes ?b OPTIONAL { ?b rdfs:label ?l } }",
            "ASK { ?s ?p 1.5e-3 . ?s ?p \"x\"^^xsd:string }",
            "SELECT * { ?s ex:a-b ?o } # !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        ] {
            assert_eq!(scan(q, 64), Ok(()), "{q}");
        }
    }

    #[test]
    fn every_nesting_construct_counts() {
        let path = format!(
            "ASK {{ <http://none/x> ({}) ?o }}",
            vec!["ag:a"; 600].join("/")
        );
        assert!(matches!(scan(&path, 64), Err(Excess::Patterns(_))));
        let alt = format!("ASK {{ ?s {} ?o }}", vec!["ag:a"; 600].join("|"));
        assert!(matches!(scan(&alt, 64), Err(Excess::Operators(_))));
        let nots = format!("ASK {{ FILTER({}true) }}", "!".repeat(100));
        assert!(matches!(scan(&nots, 64), Err(Excess::UnaryRun(_))));
        let spaced = format!("ASK {{ FILTER({}1) }}", "- ".repeat(100));
        assert!(matches!(scan(&spaced, 64), Err(Excess::UnaryRun(_))));
        let ors = format!("ASK {{ FILTER({}) }}", vec!["true"; 600].join(" || "));
        assert!(matches!(scan(&ors, 64), Err(Excess::Operators(_))));
        let unions = format!(
            "SELECT * {{ {} }}",
            vec!["{ ?s ?p ?o }"; 600].join(" UNION ")
        );
        assert!(matches!(scan(&unions, 64), Err(Excess::Patterns(_))));
        let bgp: Vec<String> = (0..200)
            .map(|i| format!("?s{i} ag:a ?s{}", i + 1))
            .collect();
        let bgp = format!("ASK {{ {} }}", bgp.join(" . "));
        assert!(matches!(scan(&bgp, 64), Err(Excess::Patterns(_))));
        let groups = format!("ASK {{ {} }}", "{ ?s ?p ?o } ".repeat(200));
        assert!(matches!(scan(&groups, 64), Err(Excess::Patterns(_))));
        let list: Vec<String> = (0..500).map(|i| i.to_string()).collect();
        let list = format!("ASK {{ ?s ?p ?o FILTER(?o IN ({})) }}", list.join(", "));
        assert_eq!(scan(&list, 64), Ok(()));
        let deep = format!("ASK {}{}", "{".repeat(65), "}".repeat(65));
        assert!(matches!(scan(&deep, 64), Err(Excess::Depth(_))));
    }

    #[test]
    fn service_is_found_outside_strings_and_iris_only() {
        assert!(matches!(
            scan("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", 64),
            Err(Excess::Service(11))
        ));
        assert_eq!(
            scan(
                "SELECT * { ?s ?p \"SERVICE\" . ?s <http://x/SERVICE> ?service }",
                64
            ),
            Ok(())
        );
        assert_eq!(scan("SELECT * { ?s ex:SERVICE ?o } # SERVICE", 64), Ok(()));
    }
}
