//! Text bound for a terminal, with control characters escaped: a document
//! id or a literal holding `ESC [ 2 J` must not clear the user's screen or
//! forge output (issue 19).

use std::borrow::Cow;

/// `s` with every control character (C0, DEL, C1) written as a Rust escape
/// (`\u{1b}`, `\n`); other text, Arabic marks and bidi controls included,
/// as it is.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape_controls`], but keeps line breaks and tabs: for messages
/// of several lines (a syntax error with its caret line).
pub fn escape_controls_keep_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_arabic_kept() {
        assert_eq!(escape_controls("مالي\u{200f}"), "مالي\u{200f}");
        assert_eq!(escape_controls("a\u{1b}[2Jb\u{9b}"), "a\\u{1b}[2Jb\\u{9b}");
        assert_eq!(escape_controls("x\ny"), "x\\ny");
        assert_eq!(escape_controls_keep_lines("x\ny\u{1b}"), "x\ny\\u{1b}");
    }
}
