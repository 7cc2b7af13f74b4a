//! Arabic grammar is data: no Arabic word, affix or word list is spelled in
//! the library's Rust code outside its tests. Word classes live in
//! `ontology/lang/ar/grammar.toml`, cues and patterns beside it, the
//! lexicon in `ontology/actors.ttl`.
//!
//! Two files are exempt, for a reason each:
//! - `src/text/fold.rs` is the fold itself: a table of Unicode characters
//!   (hamza seats, alef forms, marks), the script's alphabet rather than a
//!   word class of the language;
//! - `src/text/translit.rs` is the Latin transliteration of the same letters
//!   (labels of discovered actors);
//! - `src/bin/actorgraph-corpus.rs` generates synthetic benchmark articles:
//!   its sentence templates are test fixtures, not rules.

use std::path::{Path, PathBuf};

const EXEMPT: &[&str] = &[
    "src/text/fold.rs",
    "src/text/translit.rs",
    "src/bin/actorgraph-corpus.rs",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ reads") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `c` is an Arabic letter (U+0621–U+064A, U+0671–U+06D3).
fn arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// The code of a file without its comments and without the test modules
/// that close it (`#[cfg(test)] mod tests;` or an inline one).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") { "" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// String and char literals of `code` that hold an Arabic letter, written
/// as itself or as a `\u{…}` escape.
fn arabic_literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let quote = chars[i];
        // A comment runs to the end of its line.
        if quote == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        // A char literal is one char or one escape between single quotes; a
        // lifetime ('a) has no closing quote right after.
        let is_char = quote == '\''
            && (chars.get(i + 2) == Some(&'\'')
                || (chars.get(i + 1) == Some(&'\\')
                    && chars[i + 1..].iter().take(12).any(|&c| c == '\'')));
        if quote == '"' || is_char {
            let mut j = i + 1;
            let mut lit = String::new();
            while j < chars.len() && chars[j] != quote {
                if chars[j] == '\\' && j + 1 < chars.len() {
                    lit.push(chars[j]);
                    j += 1;
                }
                lit.push(chars[j]);
                j += 1;
            }
            let escaped = lit.split("\\u{").skip(1).any(|rest| {
                rest.split('}')
                    .next()
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .is_some_and(arabic_letter)
            });
            if lit.chars().any(arabic_letter) || escaped {
                out.push(lit);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn no_arabic_word_list_in_library_code() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        let test_module = f
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("tests"));
        if EXEMPT.contains(&rel.as_str()) || test_module {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("source reads");
        for lit in arabic_literals(&code_of(&text)) {
            found.push(format!("{rel}: {lit:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "Arabic words in Rust code (move them to ontology/lang/ar/):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_sees_literals_escapes_and_skips_comments_and_tests() {
    let code = code_of(
        "let a = \"قوات\"; // \"تعليق\"\nlet b = '\\u{0648}'; let c = 'x'; fn f<'a>(x: &'a str) {}\n#[cfg(test)]\nmod t { const X: &str = \"اختبار\"; }",
    );
    let lits = arabic_literals(&code);
    assert_eq!(lits, vec!["قوات".to_string(), "\\u{0648}".to_string()]);
}
