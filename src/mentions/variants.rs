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

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use super::config::Config;
use super::{DocState, Found, Recognizer, Who, overlaps};
use crate::model::MentionKind;
use crate::ontology::Ontology;
use crate::text::fold::{is_arabic_letter, key_of};

/// Skeletons shorter than this are Arabic roots more than names.
const MIN_SKELETON: usize = 4;

/// Longest skeleton looked at (a word is no name past it).
const MAX_SKELETON: usize = 24;

/// An eligible lexicon name.
#[derive(Debug)]
struct Name {
    entry: u32,
    skeleton: Vec<char>,
    /// The name with its letter classes folded, vowels kept.
    letters: Vec<char>,
    /// Its folded form, for its endings.
    key: String,
}

/// The variant index of a lexicon: names by the hash of their skeleton,
/// and by the hash of their skeleton less one letter (a deletion
/// neighbourhood, so that a word one edit away is found with a few hash
/// probes and no allocation).
#[derive(Debug, Default)]
pub(crate) struct Variants {
    names: Vec<Name>,
    exact: FxHashMap<u64, Vec<u32>>,
    deleted: FxHashMap<u64, Vec<u32>>,
    /// Letter → its class representative, for U+0620..U+0660.
    fold: Vec<Option<char>>,
    drop: Vec<char>,
}

/// The hash of `chars` with the char at `skip` left out (`usize::MAX`: none).
fn hash_without(chars: &[char], skip: usize) -> u64 {
    let mut h = FxHasher::default();
    for (i, c) in chars.iter().enumerate() {
        if i != skip {
            c.hash(&mut h);
        }
    }
    h.finish()
}

/// Optimal string alignment distance (adjacent swaps count one), on short
/// char slices, without allocation past a small row buffer.
fn osa(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 2 {
        return 3;
    }
    // Three rows of at most MAX_SKELETON * 2 + 1 cells.
    let mut rows = [[0usize; 2 * MAX_SKELETON + 1]; 3];
    if m > 2 * MAX_SKELETON {
        return 3;
    }
    for (j, cell) in rows[1].iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
        }
    }
    rows[n % 3][m]
}

impl Variants {
    fn fold_char(&self, c: char) -> char {
        let i = (c as usize).wrapping_sub(0x0620);
        self.fold.get(i).copied().flatten().unwrap_or(c)
    }

    /// The skeleton of a folded word, into `out`. A letter written twice
    /// is kept once; two letters of one class are both kept (كوغلويوغو:
    /// ك and غ fold alike but are two sounds).
    fn skeleton_into(&self, w: &str, out: &mut Vec<char>) {
        out.clear();
        let mut last: Option<char> = None;
        for c in w.chars() {
            if self.drop.contains(&c) {
                continue;
            }
            if last != Some(c) {
                out.push(self.fold_char(c));
            }
            last = Some(c);
        }
    }

    /// Indexes the eligible names of `ontology`'s lexicon.
    pub(crate) fn build(ontology: &Ontology, cfg: &Config) -> Variants {
        let mut fold = vec![None; 0x40];
        for class in &cfg.variant_letters {
            let Some(rep) = class.chars().next() else {
                continue;
            };
            for c in class.chars() {
                if let Some(slot) = fold.get_mut((c as usize).wrapping_sub(0x0620)) {
                    *slot = Some(rep);
                }
            }
        }
        let mut v = Variants {
            fold,
            drop: cfg.variant_drop.clone(),
            ..Variants::default()
        };
        if cfg.variant_classes.is_empty() {
            return v;
        }
        let mut sk = Vec::new();
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
                v.skeleton_into(core, &mut sk);
                // A short skeleton (كوتيالا → قتل) is a common root.
                if sk.len() < MIN_SKELETON || sk.len() > MAX_SKELETON {
                    continue;
                }
                let letters: Vec<char> = core.chars().map(|c| v.fold_char(c)).collect();
                if v.names.iter().any(|n| n.entry == i && n.letters == letters) {
                    continue;
                }
                let idx = u32::try_from(v.names.len()).unwrap_or(u32::MAX);
                v.exact
                    .entry(hash_without(&sk, usize::MAX))
                    .or_default()
                    .push(idx);
                for d in 0..sk.len() {
                    v.deleted.entry(hash_without(&sk, d)).or_default().push(idx);
                }
                v.names.push(Name {
                    entry: i,
                    skeleton: sk.clone(),
                    letters,
                    key: core.to_string(),
                });
            }
        }
        v
    }

    /// The one lexicon entry whose name `word` (folded, without clitics)
    /// is a variant of, if any.
    pub(crate) fn entry_of(&self, cfg: &Config, word: &str) -> Option<u32> {
        if self.names.is_empty()
            || word.chars().count() < cfg.variant_min_letters
            || word.starts_with(cfg.article.as_str())
            || cfg.not_variants.contains(word)
        {
            return None;
        }
        let mut sk = Vec::with_capacity(16);
        self.skeleton_into(word, &mut sk);
        let n = sk.len();
        if !(MIN_SKELETON..=MAX_SKELETON).contains(&n) {
            return None;
        }
        // Candidates: the same skeleton; from `edit_from` letters, one edit
        // (deletion neighbourhoods); below, two inner letters swapped.
        let edits = n >= cfg.variant_edit_from;
        let mut cands: Vec<u32> = Vec::new();
        let mut add = |list: Option<&Vec<u32>>| {
            for &x in list.into_iter().flatten() {
                if !cands.contains(&x) {
                    cands.push(x);
                }
            }
        };
        add(self.exact.get(&hash_without(&sk, usize::MAX)));
        if edits {
            add(self.deleted.get(&hash_without(&sk, usize::MAX)));
            for d in 0..n {
                let h = hash_without(&sk, d);
                add(self.exact.get(&h));
                add(self.deleted.get(&h));
            }
        } else {
            for i in 1..n.saturating_sub(2) {
                sk.swap(i, i + 1);
                add(self.exact.get(&hash_without(&sk, usize::MAX)));
                sk.swap(i, i + 1);
            }
        }
        if cands.is_empty() {
            return None;
        }
        let letters: Vec<char> = word.chars().map(|c| self.fold_char(c)).collect();
        let mut hits: Vec<u32> = Vec::new();
        for &c in &cands {
            let name = &self.names[c as usize];
            let skeleton_close = name.skeleton == sk
                || if edits {
                    name.skeleton.first() == sk.first() && osa(&sk, &name.skeleton) <= 1
                } else {
                    inner_swap(&sk, &name.skeleton)
                };
            // The words themselves, vowels included, one edit apart (two for
            // long names): مستخدم is not أمستردام, مقارن not ماكرون; and no
            // Arabic ending the name lacks (اتصالات، دوغونية).
            let limit = if letters.len() >= 6 && name.skeleton.len() > MIN_SKELETON {
                2
            } else {
                1
            };
            let close = skeleton_close
                && osa(&letters, &name.letters) <= limit
                && !cfg
                    .g
                    .affixes
                    .name_endings
                    .iter()
                    .any(|x| word.ends_with(x) && !name.key.ends_with(x));
            if close && !hits.contains(&name.entry) {
                hits.push(name.entry);
            }
        }
        match hits.as_slice() {
            [e] => Some(*e),
            _ => None,
        }
    }
}

/// Whether `b` is `a` with two adjacent inner letters swapped.
fn inner_swap(a: &[char], b: &[char]) -> bool {
    if a.len() != b.len() || a.len() < 4 {
        return false;
    }
    let mut diff = (0..a.len()).filter(|&i| a[i] != b[i]);
    match (diff.next(), diff.next(), diff.next()) {
        (Some(i), Some(j), None) => {
            j == i + 1 && i > 0 && j < a.len() - 1 && a[i] == b[j] && a[j] == b[i]
        }
        _ => false,
    }
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
        // The word as is, or without proclitics (وفانغر، لفانغر). The hash
        // probes come first: most words have no candidate at all.
        let mut reading = v.entry_of(cfg, w).map(|e| (e, ws));
        if reading.is_none()
            && cfg
                .conjunctions
                .iter()
                .chain(&cfg.prepositions)
                .any(|p| w.starts_with(p.as_str()))
        {
            for p in &rec.compiled.bare_prefixes {
                if let Some(rest) = w.strip_prefix(p.as_str())
                    && let Some(e) = v.entry_of(cfg, rest)
                {
                    reading = Some((e, ws + p.len()));
                    break;
                }
            }
        }
        // A definite word (بالمخاطر) is a common noun, not a foreign name;
        // and no cue word is a name.
        if reading.is_some()
            && (rec.is_definite(w)
                || rec.in_set(&cfg.stop_words, w)
                || rec.in_set(&cfg.not_names, w))
        {
            continue;
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
