//! Resolves actors across documents: discovered actors get IRIs minted from
//! their normalized name, so the same name in two articles is one actor.
//!
//! The IRI is `…/actor/d/<name>` where `<name>` is the match key of the name
//! (see [`crate::normalize::key_of`]) with spaces as `_` and every byte
//! outside ASCII letters, digits, `-`, `.` percent-encoded: safe in any IRI
//! or URI context, injective, and equal for two spellings that differ only
//! in what the match key folds (hamza seats, diacritics, ة/ه).

use crate::model::{Iri, ns};
use crate::normalize::key_of;

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

/// A readable Latin transliteration of an Arabic name (for labels, not for
/// identity): one Latin letter or digraph per Arabic letter, the article
/// written `al-`, each word capitalized. Latin text passes through.
pub fn transliterate(name: &str) -> String {
    let key = key_of(name);
    let mut words = Vec::new();
    for w in key.split(' ') {
        let mut out = String::new();
        let body = if let Some(rest) = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
            out.push_str("al-");
            rest
        } else {
            w
        };
        let chars: Vec<char> = body.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let last = i + 1 == chars.len();
            let t = match c {
                'ا' | 'آ' | 'أ' => "a",
                'إ' => "i",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' => "s",
                'ش' => "sh",
                'ص' => "s",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' => "'",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                // Final heh is almost always a folded taa marbuta (U+0629).
                'ه' if last => "a",
                'ه' => "h",
                'و' if i == 0 => "w",
                'و' => "u",
                'ي' if i == 0 => "y",
                'ي' => "i",
                'ء' | 'ؤ' | 'ئ' => "'",
                'ى' => "a",
                'ة' => "a",
                'پ' => "p",
                'چ' => "ch",
                'ڤ' => "v",
                'گ' => "g",
                _ if c.is_ascii() => {
                    out.push(c);
                    continue;
                }
                _ => continue,
            };
            out.push_str(t);
        }
        let mut cs = out.chars();
        let cap = match cs.next() {
            Some('a') if out.starts_with("al-") => {
                let rest = &out[3..];
                let mut r = rest.chars();
                match r.next() {
                    Some(f) => format!("al-{}{}", f.to_uppercase(), r.as_str()),
                    None => out.clone(),
                }
            }
            Some(f) => format!("{}{}", f.to_uppercase(), cs.as_str()),
            None => continue,
        };
        words.push(cap);
    }
    words.join(" ")
}

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
