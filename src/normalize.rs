//! Arabic normalization for matching. The display text is never changed; the
//! lossy *match key* folds what Arabic spelling varies on, and keeps a map
//! from each key byte back to the original byte offset.

/// A match key for a text, with the way back to the original bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The folded text.
    pub key: String,
    /// `map[i]` is the original byte offset of key byte `i`; `map[key.len()]`
    /// is the original end. Always `key.len() + 1` long.
    pub map: Vec<usize>,
}

/// Folds `text` into its match key.
pub fn match_key(text: &str) -> Normalized {
    // Placeholder: identity. The recognition work replaces it.
    let mut map: Vec<usize> = (0..text.len()).collect();
    map.push(text.len());
    Normalized {
        key: text.to_string(),
        map,
    }
}
