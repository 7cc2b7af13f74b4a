//! Splits a document into sentences: byte spans of the original text.

use crate::model::{Sentence, Span};

/// The sentences of `text`, in order.
pub fn split(text: &str) -> Vec<Sentence> {
    // Placeholder: one sentence per line.
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            out.push(Sentence {
                index: out.len(),
                span: Span::new(start, start + trimmed.len()),
            });
        }
        start += line.len();
    }
    out
}
