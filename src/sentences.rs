//! Splits a document into sentences: byte spans of the original text.
//!
//! A sentence ends at `.` `!` `?` `؟` (U+061F) or a line break. A full stop
//! does not end a sentence inside a number (2.5), a URL or domain (glued to
//! the next letter), after a one-letter abbreviation or initial (د. أ. J.),
//! or in an ellipsis (… or ...). The Arabic semicolon ؛ (U+061B) does not end
//! one either: it joins clauses that often share their subject, and relation
//! extraction needs them together.

use crate::model::{Sentence, Span};
use crate::text::bytes::{is_alphabetic, is_alphanumeric};

/// The longest sentence kept whole, in bytes (about 400 Arabic words; the
/// longest sentences of the press are a third of that). A longer run of
/// text without a sentence end is cut at the last space before the limit,
/// each piece marked `cut`, so that no input makes extraction quadratic.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// The sentences of `text`, in order, trimmed, never empty.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        let ends = match c {
            '\n' | '\r' | '\u{2029}' | '\u{2028}' => Some(off),
            '!' | '?' | '\u{061F}' => {
                // Keep runs of terminators and closing quotes with the sentence.
                let j = absorb_closers(&chars, i + 1);
                i = j - 1;
                Some(chars.get(j).map_or(text.len(), |&(o, _)| o))
            }
            '.' if ends_sentence(&chars, i) => {
                let j = absorb_closers(&chars, i + 1);
                i = j - 1;
                Some(chars.get(j).map_or(text.len(), |&(o, _)| o))
            }
            _ => None,
        };
        if let Some(end) = ends {
            push(text, start, end, &mut out);
            start = chars.get(i + 1).map_or(text.len(), |&(o, _)| o);
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Index after any further terminators and closing quotes or brackets.
fn absorb_closers(chars: &[(usize, char)], mut j: usize) -> usize {
    while let Some(&(_, c)) = chars.get(j) {
        if matches!(
            c,
            '.' | '!' | '?' | '\u{061F}' | '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '\u{FD3F}'
        ) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// Whether the full stop at `i` ends a sentence.
fn ends_sentence(chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| chars[p].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    // Ellipsis written as dots: neither dot ends the sentence.
    if prev == Some('.') || next == Some('.') {
        return false;
    }
    // Glued to what follows (2.5, example.com, a.b): not an end.
    if next.is_some_and(is_alphanumeric) {
        return false;
    }
    // A one-letter word before the dot: an abbreviation (د. for doctor,
    // أ. for professor) or an initial (J.).
    let mut k = i;
    let mut letters = 0;
    while k > 0 && is_alphabetic(chars[k - 1].1) {
        k -= 1;
        letters += 1;
    }
    let word_start = k == 0 || !is_alphanumeric(chars[k - 1].1);
    if letters == 1 && word_start {
        return false;
    }
    // Inside a URL: the word before contains "://" or starts with "www".
    let mut k = i;
    while k > 0 && !chars[k - 1].1.is_whitespace() {
        k -= 1;
    }
    let word: String = chars[k..i].iter().map(|&(_, c)| c).collect();
    if word.contains("://") || word.starts_with("www") {
        return next.is_none_or(char::is_whitespace);
    }
    true
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let trimmed_start = s.len() - s.trim_start().len();
    let t = s.trim();
    if t.is_empty() {
        return;
    }
    let a = start + trimmed_start;
    if t.len() <= MAX_SENTENCE_BYTES {
        out.push(Sentence {
            index: out.len(),
            span: Span::new(a, a + t.len()),
            cut: false,
        });
        return;
    }
    // Cut at the last space before the limit (a char boundary), else at the
    // last char boundary.
    let mut from = a;
    let end = a + t.len();
    while from < end {
        let mut to = (from + MAX_SENTENCE_BYTES).min(end);
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        if to < end
            && let Some(sp) = text[from..to].rfind(char::is_whitespace)
            && sp > 0
        {
            to = from + sp;
        }
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let p = piece.trim();
        if !p.is_empty() {
            out.push(Sentence {
                index: out.len(),
                span: Span::new(from + lead, from + lead + p.len()),
                cut: true,
            });
        }
        from = to.max(from + 1);
        while from < end && !text.is_char_boundary(from) {
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_sentence_end_is_cut_at_spaces_and_marked() {
        let word = "كلمة ";
        let text = word.repeat(3 * MAX_SENTENCE_BYTES / word.len());
        let s = split(&text);
        assert!(s.len() >= 3, "{} pieces", s.len());
        for x in &s {
            assert!(x.cut);
            assert!(x.span.end - x.span.start <= MAX_SENTENCE_BYTES);
            let piece = x.span.of(&text);
            assert!(
                piece.starts_with("كلمة") && piece.ends_with("كلمة"),
                "cut inside a word"
            );
        }
        // Whole sentences are not marked.
        assert!(split("جملة قصيرة.").iter().all(|x| !x.cut));
        // No space at all: cut on char boundaries, nothing lost.
        let solid = "ب".repeat(MAX_SENTENCE_BYTES);
        let s = split(&solid);
        assert_eq!(
            s.iter().map(|x| x.span.end - x.span.start).sum::<usize>(),
            solid.len()
        );
    }

    fn texts(t: &str) -> Vec<&str> {
        split(t).iter().map(|s| s.span.of(t)).collect()
    }

    #[test]
    fn splits_on_terminators_and_lines() {
        let t = "هاجمت الجماعة القرية. هل انسحب الجيش؟ نعم!\nسطر جديد";
        assert_eq!(
            texts(t),
            vec![
                "هاجمت الجماعة القرية.",
                "هل انسحب الجيش؟",
                "نعم!",
                "سطر جديد"
            ]
        );
    }

    #[test]
    fn keeps_decimals_abbreviations_urls_and_ellipses() {
        let t = "بلغ النمو 2.5 بالمئة. قال د. أحمد إن الوضع صعب. راجع https://example.com/a.html للمزيد. وبعد… استمر القتال... ثم توقف.";
        assert_eq!(
            texts(t),
            vec![
                "بلغ النمو 2.5 بالمئة.",
                "قال د. أحمد إن الوضع صعب.",
                "راجع https://example.com/a.html للمزيد.",
                "وبعد… استمر القتال... ثم توقف.",
            ]
        );
    }

    #[test]
    fn arabic_semicolon_does_not_split_and_quotes_stay() {
        let t = "قال المتحدث: \"انسحبنا.\" وأضاف أن القوات تقدمت؛ ثم تراجعت.";
        assert_eq!(
            texts(t),
            vec![
                "قال المتحدث: \"انسحبنا.\"",
                "وأضاف أن القوات تقدمت؛ ثم تراجعت."
            ]
        );
    }

    #[test]
    fn no_empty_sentences_and_trimmed_spans() {
        let t = "  \n\n.  أولا.  \n ثانيا  ";
        let s = split(t);
        assert_eq!(texts(t), vec![".", "أولا.", "ثانيا"]);
        for (i, x) in s.iter().enumerate() {
            assert_eq!(x.index, i);
            assert!(!x.span.of(t).is_empty());
        }
        assert!(split("").is_empty());
        assert!(split(" \n \t").is_empty());
    }
}
