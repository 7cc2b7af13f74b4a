//! Shards of a corpus (`--shard I/N`): a document belongs to shard
//! `h mod N`, where `h` is the first eight bytes of the SHA-256 of its id
//! (big-endian). Stable across runs, machines and versions (not Rust's
//! randomly seeded hasher), independent of file order and of the other
//! documents, so N jobs given the same inputs split them without talking
//! to each other, and a document keeps its shard when the corpus grows.

use crate::error::{Error, Result};

/// One of `count` shards of a corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, from 0.
    pub index: u32,
    /// How many shards.
    pub count: u32,
}

impl Shard {
    /// Reads `I/N` (0 ≤ I < N).
    pub fn parse(text: &str) -> Result<Shard> {
        let bad = || {
            Error::Usage(format!(
                "--shard {text}: expected I/N with 0 <= I < N, for example 0/4"
            ))
        };
        let (i, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let (index, count) = (
            i.trim().parse::<u32>().map_err(|_| bad())?,
            n.trim().parse::<u32>().map_err(|_| bad())?,
        );
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// The shard of the document with this id, among `count`.
    pub fn of(id: &str, count: u32) -> u32 {
        use sha2::{Digest, Sha256};
        let h = Sha256::digest(id.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&h[..8]);
        (u64::from_be_bytes(first) % u64::from(count.max(1))) as u32
    }

    /// Whether the document with this id is in this shard.
    pub fn contains(&self, id: &str) -> bool {
        Shard::of(id, self.count) == self.index
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::Shard;

    #[test]
    fn parses_and_refuses() {
        assert_eq!(Shard::parse("1/4").ok(), Some(Shard { index: 1, count: 4 }));
        for bad in ["4/4", "1/0", "x/2", "1", "-1/2", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_document_is_in_exactly_one_shard_and_the_split_is_stable() {
        let ids: Vec<String> = (0..1000).map(|i| format!("doc-{i}")).collect();
        let mut sizes = [0usize; 4];
        for id in &ids {
            let owners: Vec<u32> = (0..4)
                .filter(|&i| Shard { index: i, count: 4 }.contains(id))
                .collect();
            assert_eq!(owners.len(), 1, "{id}");
            sizes[owners[0] as usize] += 1;
        }
        // Balanced within a few percent on 1000 ids.
        assert!(sizes.iter().all(|&n| (200..300).contains(&n)), "{sizes:?}");
        // Fixed values: the split must never change between versions, or
        // shards built by different versions would overlap.
        let fixed: Vec<u32> = ["a", "b", "c", "d"]
            .iter()
            .map(|s| Shard::of(s, 7))
            .collect();
        assert_eq!(fixed, FIXED.to_vec());
    }

    /// `Shard::of` of "a", "b", "c", "d" among 7, computed independently
    /// (Python: `int.from_bytes(sha256(id).digest()[:8], "big") % 7`).
    const FIXED: [u32; 4] = [4, 0, 3, 0];
}
