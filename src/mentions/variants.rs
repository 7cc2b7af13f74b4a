//! Spelling variants of foreign names (فانغر for فاغنر، تنزواتين for
//! تينزاواتن): a word the lexicon does not hold is read as a lexicon name
//! when their *skeletons* are equal or one edit apart (a letter dropped,
//! added, changed or two letters swapped). The skeleton folds the letters
//! transliterations hesitate between (غ/ج/ق for g, ت/ط, س/ص, د/ض, ز/ذ/ظ),
//! drops the long vowels and hamza seats that transliterations add or leave
//! out (ا و ي ى ء), and collapses doubled letters. The cues are `[variants]`
//! of `recognition.toml`.
//!
//! Guards, so that common words never match: only single-word names of the
//! classes listed, of `min_letters` letters or more, not flagged ambiguous;
//! the text word has as many letters, no article, is no cue word and not in
//! `not_variants`; a skeleton of fewer than `edit_from` letters must match
//! exactly; the first letters must agree; and the reading must be unique.
//! `tests/recognition_sets.rs` runs every stem of the Arabic Hunspell
//! dictionary through the matcher.

use std::collections::HashMap;

use super::config::Config;
use super::{DocState, Found, Recognizer, Who, overlaps};
use crate::model::MentionKind;
use crate::normalize::{is_arabic_letter, key_of};
use crate::ontology::Ontology;

/// Endings of Arabic words (folded: ة is ه) that a name of the lexicon
/// carries only if it ends so itself.
const SUFFIXES: &[&str] = &[
    "يه", "ات", "ون", "ين", "يون", "يين", "ها", "هم", "هن", "كم", "نا",
];

/// Skeletons shorter than this are Arabic roots more than names.
const MIN_SKELETON: usize = 4;

/// The variant index of a lexicon.
#[derive(Debug, Default)]
pub(crate) struct Variants {
    /// Skeleton → (entry, letters) of eligible names.
    exact: HashMap<String, Vec<(u32, String)>>,
    /// Skeleton with one letter deleted → (entry, full skeleton, letters).
    deleted: HashMap<String, Vec<(u32, String, String)>>,
    /// Letter → its class representative.
    fold: HashMap<char, char>,
    drop: Vec<char>,
}

impl Variants {
    /// A folded word with its letter classes folded, vowels kept.
    fn letters(&self, w: &str) -> String {
        w.chars()
            .map(|c| self.fold.get(&c).copied().unwrap_or(c))
            .collect()
    }

    /// The skeleton of a folded word.
    pub(crate) fn skeleton(&self, w: &str) -> String {
        let mut out = String::with_capacity(w.len());
        let mut last = None;
        for c in w.chars() {
            if self.drop.contains(&c) {
                continue;
            }
            let c = self.fold.get(&c).copied().unwrap_or(c);
            if last != Some(c) {
                out.push(c);
            }
            last = Some(c);
        }
        out
    }

    /// Indexes the eligible names of `ontology`'s lexicon.
    pub(crate) fn build(ontology: &Ontology, cfg: &Config) -> Variants {
        let mut v = Variants {
            fold: cfg
                .variant_letters
                .iter()
                .flat_map(|class| {
                    let rep = class.chars().next().unwrap_or(' ');
                    class.chars().map(move |c| (c, rep))
                })
                .collect(),
            drop: cfg.variant_drop.clone(),
            ..Variants::default()
        };
        if cfg.variant_classes.is_empty() {
            return v;
        }
        for (i, e) in ontology.lexicon.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            if e.ambiguous
                || !cfg
                    .variant_classes
                    .iter()
                    .any(|c| ontology.is_a(&e.class, c))
            {
                continue;
            }
            for name in std::iter::once(&e.label_ar).chain(&e.aliases_ar) {
                let key = key_of(name);
                let core = key.strip_prefix(cfg.article.as_str()).unwrap_or(&key);
                if core.contains(' ')
                    || core.chars().count() < cfg.variant_min_letters
                    || !core.chars().all(is_arabic_letter)
                {
                    continue;
                }
                let sk = v.skeleton(core);
                // A short skeleton (كوتيالا → قتل) is a common root.
                if sk.chars().count() < MIN_SKELETON {
                    continue;
                }
                let letters = v.letters(core);
                let list = v.exact.entry(sk.clone()).or_default();
                if !list.iter().any(|(x, l)| *x == i && *l == letters) {
                    list.push((i, letters.clone()));
                }
                for d in deletions(&sk) {
                    let list = v.deleted.entry(d).or_default();
                    if !list
                        .iter()
                        .any(|(x, s, l)| *x == i && *s == sk && *l == letters)
                    {
                        list.push((i, sk.clone(), letters.clone()));
                    }
                }
            }
        }
        v
    }

    /// The one lexicon entry whose name `word` (folded, without clitics)
    /// is a variant of, if any.
    pub(crate) fn entry_of(&self, cfg: &Config, word: &str) -> Option<u32> {
        if word.chars().count() < cfg.variant_min_letters
            || word.starts_with(cfg.article.as_str())
            || cfg.not_variants.contains(word)
        {
            return None;
        }
        let sk = self.skeleton(word);
        let n = sk.chars().count();
        if n < MIN_SKELETON {
            return None;
        }
        let mut hits: Vec<u32> = Vec::new();
        let first = sk.chars().next();
        let last = sk.chars().next_back();
        let letters = self.letters(word);
        let long = letters.chars().count() >= 6;
        // From `edit_from` skeleton letters, one edit; below, only two inner
        // letters swapped (فانغر ~ فاغنر), first and last kept. And the words
        // themselves, vowels included, at most two edits apart (one for
        // short words): مستخدم is not أمستردام, مقارن not ماكرون.
        let edits = n >= cfg.variant_edit_from;
        let mut check = |e: u32, other: &str, name: &str| {
            let skeleton_close = other == sk
                || if edits {
                    other.chars().next() == first && strsim::damerau_levenshtein(&sk, other) <= 1
                } else {
                    inner_swap(&sk, other) && other.chars().next_back() == last
                };
            // A name of a short skeleton (تيسالت) is one edit away at most:
            // تواصلت is not Tessalit.
            let limit = if long && other.chars().count() > MIN_SKELETON {
                2
            } else {
                1
            };
            let word_close = strsim::damerau_levenshtein(&letters, name) <= limit
                // An Arabic ending the name lacks (اتصالات، دوغونية): a
                // plural, a nisba or a pronoun on a common word.
                && !SUFFIXES.iter().any(|x| letters.ends_with(x) && !name.ends_with(x));
            if skeleton_close && word_close && !hits.contains(&e) {
                hits.push(e);
            }
        };
        for (e, name) in self.exact.get(&sk).into_iter().flatten() {
            check(*e, &sk.clone(), name);
        }
        {
            // An extra letter in the word: the name is one of its deletions.
            for d in deletions(&sk) {
                for (e, name) in self.exact.get(&d).into_iter().flatten() {
                    check(*e, &d, name);
                }
                // A changed or swapped letter: both lose one to the same.
                for (e, other, name) in self.deleted.get(&d).into_iter().flatten() {
                    check(*e, other, name);
                }
            }
            // A letter missing in the word.
            for (e, other, name) in self.deleted.get(&sk).into_iter().flatten() {
                check(*e, other, name);
            }
        }
        match hits.as_slice() {
            [e] => Some(*e),
            _ => None,
        }
    }
}

/// Whether `b` is `a` with two adjacent inner letters swapped.
fn inner_swap(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < 4 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && *i > 0 && *j < a.len() - 1
        && a[*i] == b[*j] && a[*j] == b[*i])
}

/// Every string with one char of `s` deleted.
fn deletions(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

/// Finds variants among the words no mention covers; returns their key
/// ranges (for the `variant` source of their mentions).
pub(crate) fn find(
    rec: &Recognizer,
    st: &DocState<'_>,
    found: &mut Vec<Found>,
) -> Vec<(usize, usize)> {
    let cfg = &rec.cfg;
    let v = &rec.variants;
    if v.exact.is_empty() {
        return Vec::new();
    }
    let key = st.key();
    let mut added = Vec::new();
    let mut spans = Vec::new();
    let mut i = 0;
    let bytes = key.len();
    while i < bytes {
        let Some(c) = key[i..].chars().next() else {
            break;
        };
        if !is_arabic_letter(c) {
            i += c.len_utf8();
            continue;
        }
        let ws = i;
        let we = ws
            + key[ws..]
                .chars()
                .take_while(|&c| is_arabic_letter(c))
                .map(char::len_utf8)
                .sum::<usize>();
        i = we;
        let w = &key[ws..we];
        if w.len() < 2 * cfg.variant_min_letters || overlaps(found, ws, we) {
            continue;
        }
        // A definite word (بالمخاطر) is a common noun, not a foreign name.
        if rec.in_set(&cfg.stop_words, w) || rec.in_set(&cfg.not_names, w) || rec.is_definite(w) {
            continue;
        }
        // The word as is, or without proclitics (وفانغر، لفانغر).
        let mut reading = v.entry_of(cfg, w).map(|e| (e, ws));
        if reading.is_none() {
            for p in &rec.compiled.bare_prefixes {
                if let Some(rest) = w.strip_prefix(p.as_str())
                    && let Some(e) = v.entry_of(cfg, rest)
                {
                    reading = Some((e, ws + p.len()));
                    break;
                }
            }
        }
        if let Some((e, start)) = reading {
            added.push(Found {
                start,
                end: we,
                word_start: ws,
                who: Who::Lex(e),
                kind: MentionKind::Name,
            });
            spans.push((start, we));
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.start, f.end));
    }
    spans
}
