//! Aliases a document teaches: a Latin acronym in parentheses after a named
//! actor (or after an unknown name, which it mints), and every learned alias
//! found again after the place it was introduced.

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::context::{next_word, prev_word};
use super::discover::{arabic_word, clean};
use super::mint::mint_iri;
use super::{DocState, Found, Recognizer, Who, overlaps};
use crate::model::{Actor, MentionKind};
use crate::text::fold::is_arabic_letter;

/// An alias introduced in the text, valid from key byte `from` on.
#[derive(Clone, Debug)]
pub(crate) struct Learned {
    pub(super) key: String,
    pub(super) who: Who,
    pub(super) from: usize,
    pub(super) latin: bool,
}

/// Latin acronyms in parentheses: "(JNIM)" after a named actor becomes its
/// alias for the rest of the document; after an unknown name it mints one.
/// `found` must be sorted; it stays sorted.
pub(crate) fn acronyms(rec: &Recognizer, st: &mut DocState<'_>, found: &mut Vec<Found>) {
    let cfg = &rec.cfg;
    let mut added: Vec<Found> = Vec::new();
    let key_len = st.key().len();
    let mut from = 0;
    while let Some(rel) = st.key()[from..].find('(') {
        let open = from + rel;
        from = open + 1;
        let key = st.key();
        let inner = &key[open + 1..];
        let lead = inner.len() - inner.trim_start_matches(' ').len();
        let s = open + 1 + lead;
        let len = key[s..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        let e = s + len;
        let rest = key[e..].trim_start_matches(' ');
        if len < 2 || !rest.starts_with(')') || !key[s..e].bytes().any(|b| b.is_ascii_alphabetic())
        {
            continue;
        }
        let close = key_len - rest.len() + 1;
        let original = st.original(s, e).to_string();
        let upper = original.bytes().filter(u8::is_ascii_uppercase).count();
        if upper < 2 || !original.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        if overlaps(found, s, e) {
            continue;
        }
        let acronym = key[s..e].to_string();
        // The antecedent: a mention ending right before the parenthesis.
        let before = key[..open].trim_end_matches(' ').len();
        let i = found.partition_point(|f| f.start < before);
        let ante = i
            .checked_sub(1)
            .map(|j| found[j])
            .filter(|f| f.end == before);
        let who = match ante {
            // A discovered name with its acronym: the acronym names it across
            // documents («منظمة الرصد (HRN)» and «هيئة رصد النزاعات (HRN)»
            // are one actor), as after an unknown name.
            Some(f) if matches!(f.who, Who::Disc(_)) => {
                let Who::Disc(i) = f.who else { continue };
                let iri = mint_iri(&acronym);
                if !st.by_iri.contains_key(&iri)
                    && let Some(a) = st.discovered.get_mut(i as usize)
                {
                    st.by_iri.remove(&a.iri);
                    a.iri.clone_from(&iri);
                    a.label.clone_from(&original);
                    st.by_iri.insert(iri, i);
                }
                f.who
            }
            Some(f) => f.who,
            None => {
                let (ps, pe) = phrase_before(rec, st, found, before);
                let first = next_word(key, ps)
                    .map(|(a, b)| key[a..b].to_string())
                    .unwrap_or_default();
                let class = cfg
                    .group_nouns
                    .iter()
                    .find(|n| n.key == first)
                    .map_or_else(|| cfg.acronym_class.clone(), |n| n.class.clone());
                let label_ar = if ps < pe {
                    clean(st.original(ps, pe))
                } else {
                    original.clone()
                };
                let who = st.discover(Actor {
                    iri: mint_iri(&acronym),
                    label: original.clone(),
                    label_ar,
                    class,
                    discovered: true,
                    lat: None,
                    long: None,
                });
                if ps < pe {
                    added.push(Found {
                        start: ps,
                        end: pe,
                        word_start: ps,
                        who,
                        kind: MentionKind::Discovered,
                    });
                }
                who
            }
        };
        added.push(Found {
            start: s,
            end: e,
            word_start: s,
            who,
            kind: MentionKind::Acronym,
        });
        st.learned.push(Learned {
            key: acronym,
            who,
            from: close,
            latin: true,
        });
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.start, f.end));
    }
}

/// The unknown name before key byte `end`: back to the nearest head noun
/// (منظمة، مشروع …, or a group noun), at most `max_name_words` words, never
/// past punctuation, a stop word or another actor; empty without a head.
/// Proclitics of the head's word are left out (لمنظمة → منظمة).
fn phrase_before(
    rec: &Recognizer,
    st: &DocState<'_>,
    found: &[Found],
    end: usize,
) -> (usize, usize) {
    let cfg = &rec.cfg;
    let key = st.key();
    let mut pos = end;
    for _ in 0..cfg.acronym_max_words {
        let Some((ws, we)) = prev_word(key, pos) else {
            break;
        };
        if overlaps(found, ws, we) {
            break;
        }
        let w = &key[ws..we];
        if !arabic_word(w) {
            break;
        }
        let is_head =
            |x: &str| cfg.acronym_heads.contains(x) || cfg.group_nouns.iter().any(|n| n.key == x);
        if is_head(w) {
            return (ws, end);
        }
        for p in &rec.compiled.bare_prefixes {
            if let Some(rest) = w.strip_prefix(p.as_str())
                && is_head(rest)
            {
                return (ws + p.len(), end);
            }
        }
        if rec.in_set(&cfg.stop_words, w) {
            break;
        }
        pos = ws;
    }
    (end, end)
}

/// «قال محمد إدريس ديبي … وأضاف ديبي»: a lexicon person named in full
/// (two words or more, as a name) is named by the last word of that
/// mention for the rest of the article, as a discovered person is by his
/// family name. Not a word that is a stop word or a title, nor one of
/// fewer than three letters.
pub(crate) fn family_names(rec: &Recognizer, st: &mut DocState<'_>, found: &[Found]) {
    let cfg = &rec.cfg;
    for f in found {
        let Who::Lex(e) = f.who else { continue };
        if f.kind != MentionKind::Name || rec.compiled.entries[e as usize].class != PERSON {
            continue;
        }
        let key = st.key();
        let name = &key[f.start..f.end];
        let Some((_, last)) = name.rsplit_once(' ') else {
            continue;
        };
        if last.chars().count() < 3
            || !last.chars().all(is_arabic_letter)
            || rec.in_set(&cfg.stop_words, last)
            || cfg.titles.iter().any(|t| t == last)
            || st.learned.iter().any(|l| l.key == last)
        {
            continue;
        }
        st.learned.push(Learned {
            key: last.to_string(),
            who: f.who,
            from: f.end,
            latin: false,
        });
    }
}

/// The class of persons, whose family names are learned.
const PERSON: &str = "Person";

/// Finds the learned aliases again after the place they were introduced.
pub(crate) fn learned(rec: &Recognizer, st: &DocState<'_>, found: &mut Vec<Found>) {
    if st.learned.is_empty() {
        return;
    }
    let keys: Vec<&str> = st.learned.iter().map(|l| l.key.as_str()).collect();
    // A handful of aliases searched once: a noncontiguous NFA builds in
    // microseconds, where the default (a DFA for so few patterns) cost ~5 %
    // of extraction to build for every document (BENCHMARKS.md).
    let Ok(ac) = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&keys)
    else {
        return;
    };
    let key = st.key();
    let mut added = Vec::new();
    for m in ac.find_iter(key) {
        let l = &st.learned[m.pattern().as_usize()];
        let (s, e) = (m.start(), m.end());
        if s < l.from || overlaps(found, s, e) {
            continue;
        }
        let before = key[..s].chars().next_back();
        let after = key[e..].chars().next();
        let mut word_start = s;
        if l.latin {
            let latin = |c: char| c.is_alphanumeric() && !is_arabic_letter(c);
            if before.is_some_and(latin) || after.is_some_and(latin) {
                continue;
            }
        } else {
            if after.is_some_and(is_arabic_letter) {
                continue;
            }
            let lead: usize = key[..s]
                .chars()
                .rev()
                .take_while(|&c| is_arabic_letter(c))
                .map(char::len_utf8)
                .sum();
            word_start = s - lead;
            if lead > 0
                && rec
                    .compiled
                    .prefixes
                    .get(&key[word_start..s])
                    .is_none_or(|p| p.article > 0)
            {
                continue;
            }
        }
        let kind = if l.latin {
            MentionKind::Acronym
        } else {
            MentionKind::Discovered
        };
        added.push(Found {
            start: s,
            end: e,
            word_start,
            who: l.who,
            kind,
        });
    }
    found.extend(added);
    found.sort_by_key(|f| (f.start, f.end));
}
