//! Resolves actors across documents: discovered actors get IRIs minted from
//! their normalized name, so the same name in two articles is one actor.
//!
//! The IRI is `…/actor/d/<name>` where `<name>` is the match key of the name
//! (see [`crate::text::fold::key_of`]) with spaces as `_` and every byte
//! outside ASCII letters, digits, `-`, `.` percent-encoded: safe in any IRI
//! or URI context, injective, and equal for two spellings that differ only
//! in what the match key folds (hamza seats, diacritics, ة/ه).

use crate::model::{Iri, ns};
use crate::text::fold::key_of;

/// The IRI of a discovered actor named `normalized_name` (normalized again
/// here, so any spelling of the name gives the same IRI).
pub fn mint_iri(normalized_name: &str) -> Iri {
    let key = key_of(normalized_name);
    let mut out = String::with_capacity(ns::ACTOR.len() + 2 + key.len() * 3);
    out.push_str(ns::ACTOR);
    out.push_str("d/");
    for b in key.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' => out.push(b as char),
            b' ' => out.push('_'),
            _ => {
                out.push('%');
                out.push(hex_digit(b >> 4));
                out.push(hex_digit(b & 0xf));
            }
        }
    }
    out
}

/// The IRI of an unnamed agent (مسلحون، انتحاري) of one document: the
/// gunmen of two dispatches are not one actor, so the document's id takes
/// part: `…/actor/d/anon/<12 hex digits of SHA-256(doc id)>/<name>`.
/// Stable across builds, and the same in every mention of the document.
pub fn unnamed_iri(doc_id: &str, name: &str) -> Iri {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(doc_id.as_bytes());
    let tag: String = digest
        .iter()
        .take(6)
        .flat_map(|b| [hex_digit(b >> 4), hex_digit(b & 0xf)])
        .collect();
    let named = mint_iri(name);
    let local = named.trim_start_matches(ns::ACTOR).trim_start_matches("d/");
    format!("{}d/anon/{}/{local}", ns::ACTOR, tag.to_ascii_lowercase())
}

/// What the IRI of an unnamed agent holds (and no other IRI does).
pub const UNNAMED: &str = "/d/anon/";

fn hex_digit(n: u8) -> char {
    char::from_digit(u32::from(n), 16)
        .map(|c| c.to_ascii_uppercase())
        .unwrap_or('0')
}

pub use crate::text::translit::transliterate;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_name_any_spelling_same_iri() {
        assert_eq!(mint_iri("كتيبة أنصار"), mint_iri("كتيبة  انصار"));
        assert_eq!(mint_iri("كتيبةُ أنصار"), mint_iri("كتيبه انصار"));
        assert_ne!(mint_iri("كتيبة أنصار"), mint_iri("كتيبة الأنصار"));
    }

    #[test]
    fn iri_is_ascii_and_safe() {
        let iri = mint_iri("جبهة <x> \"y\" {z} 100% FLA");
        assert!(iri.starts_with("https://w3id.org/actorgraph/actor/d/"));
        let local = iri.trim_start_matches("https://w3id.org/actorgraph/actor/d/");
        assert!(
            local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._%".contains(&b)),
            "{local}"
        );
        assert!(local.ends_with("_fla"));
    }

    #[test]
    fn unnamed_agents_are_per_document() {
        let a = unnamed_iri("w01.txt", "مسلحون");
        assert_eq!(a, unnamed_iri("w01.txt", "مسلحون"));
        assert_ne!(a, unnamed_iri("w02.txt", "مسلحون"));
        assert_ne!(a, unnamed_iri("w01.txt", "انتحاري"));
        assert!(
            a.starts_with("https://w3id.org/actorgraph/actor/d/anon/"),
            "{a}"
        );
    }

    #[test]
    fn transliteration_is_readable() {
        assert_eq!(transliterate("كتيبة الأنصار"), "Ktiba al-Ansar");
        assert_eq!(transliterate("حمدان موسى"), "Hmdan Musi");
    }
}
