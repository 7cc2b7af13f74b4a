//! Hot primitives of the text model, made cheap for what news text holds:
//! character classes answered from a table for ASCII and the Arabic block
//! (the standard library binary-searches its Unicode tables for every
//! non-ASCII character), and comparisons of the short words and affixes of
//! the word lists done inline (a call to `memcmp` for two or four bytes
//! costs more than the comparison). Each gives what its standard
//! counterpart gives, for every input.

use std::sync::LazyLock;

/// The first character of the Arabic block, U+0600.
const ARABIC_BLOCK: u32 = 0x0600;

/// `char::is_alphanumeric` and `char::is_alphabetic` of each character of
/// the Arabic block (U+0600–U+06FF), bit `c - 0x600` of a 256-bit set.
struct BlockTable {
    alphanumeric: [u64; 4],
    alphabetic: [u64; 4],
}

static ARABIC: LazyLock<BlockTable> = LazyLock::new(|| {
    let mut t = BlockTable {
        alphanumeric: [0; 4],
        alphabetic: [0; 4],
    };
    for n in 0..256u32 {
        let Some(c) = char::from_u32(ARABIC_BLOCK + n) else {
            continue;
        };
        let (word, bit) = ((n / 64) as usize, 1u64 << (n % 64));
        if c.is_alphanumeric() {
            t.alphanumeric[word] |= bit;
        }
        if c.is_alphabetic() {
            t.alphabetic[word] |= bit;
        }
    }
    t
});

/// Whether `n` (an offset into the Arabic block) is set in `set`.
fn in_block(set: &[u64; 4], n: u32) -> bool {
    set[(n / 64) as usize] & (1 << (n % 64)) != 0
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match (c as u32).wrapping_sub(ARABIC_BLOCK) {
        n @ 0..256 => in_block(&ARABIC.alphanumeric, n),
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match (c as u32).wrapping_sub(ARABIC_BLOCK) {
        n @ 0..256 => in_block(&ARABIC.alphabetic, n),
        _ => c.is_alphabetic(),
    }
}

/// `a == b`, byte by byte without a call: for words and affixes.
#[inline]
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// `key.starts_with(prefix)`.
#[inline]
pub fn starts_with(key: &str, prefix: &str) -> bool {
    key.len() >= prefix.len() && same(&key.as_bytes()[..prefix.len()], prefix.as_bytes())
}

/// `key.ends_with(suffix)`.
#[inline]
pub fn ends_with(key: &str, suffix: &str) -> bool {
    key.len() >= suffix.len()
        && same(
            &key.as_bytes()[key.len() - suffix.len()..],
            suffix.as_bytes(),
        )
}

/// `key.strip_prefix(prefix)`.
#[inline]
pub fn strip_prefix<'k>(key: &'k str, prefix: &str) -> Option<&'k str> {
    // (A match on whole UTF-8 characters ends on a character boundary.)
    starts_with(key, prefix).then(|| &key[prefix.len()..])
}

/// `key.strip_suffix(suffix)`.
#[inline]
pub fn strip_suffix<'k>(key: &'k str, suffix: &str) -> Option<&'k str> {
    ends_with(key, suffix).then(|| &key[..key.len() - suffix.len()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn classes_are_the_standard_ones() {
        for n in 0..0x3000u32 {
            if let Some(c) = char::from_u32(n) {
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{n:#x}");
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{n:#x}");
            }
        }
    }

    proptest! {
        #[test]
        fn comparisons_are_the_standard_ones(
            k in "[\u{0627}-\u{062A}a-b]{0,5}",
            a in "[\u{0627}-\u{062A}a-b]{0,3}",
        ) {
            prop_assert_eq!(same(k.as_bytes(), a.as_bytes()), k == a);
            prop_assert_eq!(starts_with(&k, &a), k.starts_with(a.as_str()));
            prop_assert_eq!(ends_with(&k, &a), k.ends_with(a.as_str()));
            prop_assert_eq!(strip_prefix(&k, &a), k.strip_prefix(a.as_str()));
            prop_assert_eq!(strip_suffix(&k, &a), k.strip_suffix(a.as_str()));
        }
    }
}
