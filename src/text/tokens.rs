//! Tokens: words, numbers and punctuation of a span of the original text,
//! each with its byte span and its match key (the one fold,
//! [`super::fold::fold`]). Invisible marks and harakat belong to the word
//! they stand in or after: they never make a token of their own.

use super::fold::{fold, is_arabic_letter, is_control, is_mark, is_taa_marbuta};
use crate::model::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of Arabic letters (with their marks).
    Arabic,
    /// A run of Latin letters and digits (JNIM, TB2, Su-24 pieces).
    Latin,
    /// Digits, with `,` or `.` between digits (1,000 and 2.5).
    Number,
    /// Any other single non-space character.
    Punct,
}

/// A token of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte span in the original document text.
    pub(crate) span: Span,
    /// The match key (see [`super::fold::fold`]).
    pub(crate) key: String,
    /// What it is made of.
    pub(crate) kind: TokKind,
    /// It ends with U+0629 ة, which the key folds to ه: a noun ending
    /// (ضربة "a strike"), never the pronoun of a verb (ضربه "hit him").
    pub(crate) ta_marbuta: bool,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

fn class_of(c: char) -> Option<TokKind> {
    if is_digit(c) {
        Some(TokKind::Number)
    } else if is_arabic_letter(c) || is_mark(c) {
        Some(TokKind::Arabic)
    } else if super::bytes::is_alphanumeric(c) {
        Some(TokKind::Latin)
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokKind::Punct)
    }
}

/// The tokens of `text[span]`, with spans into `text`.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let sub = span.of(text);
    let mut out: Vec<Token> = Vec::new();
    let mut chars = sub.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_control(c) {
            continue;
        }
        let Some(kind) = class_of(c) else { continue };
        let mut end = i + c.len_utf8();
        if kind != TokKind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                // An invisible control inside a word (ما\u{200F}لي) is read
                // past; after the word it is no part of its span.
                if is_control(d) {
                    chars.next();
                    continue;
                }
                let same = class_of(d) == Some(kind)
                    || (kind == TokKind::Latin && d.is_ascii_digit())
                    || (kind == TokKind::Number
                        && matches!(d, ',' | '.')
                        && sub[j + d.len_utf8()..].chars().next().is_some_and(is_digit));
                if !same {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            span: Span::new(span.start + i, span.start + end),
            key: fold(&sub[i..end]),
            kind,
            ta_marbuta: sub[i..end]
                .trim_end_matches(is_mark)
                .ends_with(is_taa_marbuta),
        });
    }
    out
}

/// Punctuation that ends a clause. The Arabic comma U+060C is not here: it
/// also separates list items and appositions, and the frames treat it apart.
pub(crate) const CLAUSE_PUNCT: &[&str] = &[".", "؛", ";", ":", "!", "?", "؟", "…"];

/// Quotation marks, straight and typographic.
pub(crate) const QUOTES: &[&str] = &["\"", "”", "“", "»", "«"];

/// Dashes: set off by spaces (القاهرة (رويترز) - هاجم …) they end a clause;
/// inside a word (ليبتاكو-غورما) they join it.
pub(crate) const DASHES: &[&str] = &["-", "–", "—"];

/// The Arabic comma U+060C and the Latin comma.
pub(crate) fn is_comma(key: &str) -> bool {
    key == "\u{060C}" || key == ","
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_controls_make_no_token_and_split_no_word() {
        let text = "ما\u{200F}لي \u{200F}و\u{200C}باماكو\u{200F}";
        let toks = tokenize(text, Span::new(0, text.len()));
        let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, vec!["مالي", "وباماكو"]);
        // The span of a word ends at its last letter, not at a mark after it.
        assert!(toks[1].span.of(text).ends_with("باماكو"));
    }

    #[test]
    fn fold_removes_marks_and_unifies_letters() {
        assert_eq!(fold("شنّت"), "شنت");
        assert_eq!(fold("أعلنت"), "اعلنت");
        assert_eq!(fold("الجماعة"), "الجماعه");
        assert_eq!(fold("إلى"), "الي");
        assert_eq!(fold("٢٠٢٥"), "2025");
        assert_eq!(fold("JNIM"), "jnim");
    }

    #[test]
    fn tokens_keep_original_spans() {
        let text = "فرضتJNIM حصارًا، على باماكو (1,000 شاحنة).";
        let toks = tokenize(text, Span::new(0, text.len()));
        let shown: Vec<&str> = toks.iter().map(|t| t.span.of(text)).collect();
        assert_eq!(
            shown,
            vec![
                "فرضت",
                "JNIM",
                "حصارًا",
                "،",
                "على",
                "باماكو",
                "(",
                "1,000",
                "شاحنة",
                ")",
                "."
            ]
        );
        assert_eq!(toks[2].key, "حصارا");
        assert_eq!(toks[7].kind, TokKind::Number);
    }
}
