//! Actors the lexicon lacks: groups named after a group noun (جماعة، حركة …),
//! persons after a title (العقيد، زعيم …), and names followed by a Latin
//! acronym in parentheses; aliases learned in a document; and references
//! (الجماعة، التنظيم …) resolved to the last compatible actor.

use std::collections::HashMap;

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::context::{next_word, prev_word};
use super::lexicon::Target;
use super::{Cand, DocState, Found, Recognizer, Who};
use crate::model::{Actor, MentionKind};
use crate::normalize::{is_arabic_letter, key_of};
use crate::resolve::{mint_iri, transliterate};

/// An alias introduced in the text, valid from key byte `from` on.
#[derive(Clone, Debug)]
pub(crate) struct Learned {
    key: String,
    who: Who,
    from: usize,
    latin: bool,
}

/// The found mention that starts in the word at `ws`, if any.
fn mention_at(found: &[Found], ws: usize) -> Option<usize> {
    let i = found.partition_point(|f| f.start < ws);
    // A mention whose clitics start the word (وروسيا) starts after `ws`,
    // so the first mention at or after `ws` is the one to look at.
    found.get(i).filter(|f| f.word_start == ws).map(|_| i)
}

/// Whether a found mention overlaps `s..e` (`found` sorted, disjoint).
fn overlaps(found: &[Found], s: usize, e: usize) -> bool {
    let i = found.partition_point(|f| f.end <= s);
    found.get(i).is_some_and(|f| f.start < e)
}

fn arabic_word(w: &str) -> bool {
    w.chars().all(is_arabic_letter)
}

/// Collapses spaces of a key slice.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Discovery after the group nouns and titles among the chosen candidates.
pub(crate) fn triggers(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    selected: &[Cand],
    found: &mut Vec<Found>,
) {
    let mut added = Vec::new();
    let mut absorbed = Vec::new();
    for c in selected {
        match rec.pat(c).target {
            Target::Group(g) => {
                if let Some(f) = group(rec, st, c, usize::from(g), found, &mut absorbed) {
                    added.push(f);
                }
            }
            Target::Title(_) => {
                if let Some(f) = person(rec, st, c, found) {
                    added.push(f);
                }
            }
            _ => {}
        }
    }
    if !absorbed.is_empty() {
        absorbed.sort_unstable();
        absorbed.dedup();
        for i in absorbed.into_iter().rev() {
            found.remove(i);
        }
    }
    found.extend(added);
}

/// A group name after the group noun `c`: words up to a clause boundary, a
/// stop word, a non-place actor or the word limit; places inside the name
/// (جبهة تحرير ماسينا) become part of it.
fn group(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    c: &Cand,
    g: usize,
    found: &[Found],
    absorbed: &mut Vec<usize>,
) -> Option<Found> {
    let cfg = &rec.cfg;
    let key = st.key();
    let mut pos = c.end;
    let mut end = None;
    let mut words = 0;
    let mut places = Vec::new();
    while words < cfg.group_max_words {
        let Some((ws, we)) = next_word(key, pos) else {
            break;
        };
        if let Some(fi) = mention_at(found, ws) {
            let f = found[fi];
            match f.who {
                Who::Lex(e) if rec.compiled.entries[e as usize].is_place && f.start == ws => {
                    places.push(fi);
                    end = Some(f.end);
                    words += 1;
                    // A place is a proper name: the idafa ends with it.
                    break;
                }
                _ => break,
            }
        }
        let w = &key[ws..we];
        let bare = rec.strip_article(w);
        if !arabic_word(w)
            || rec.in_set(&cfg.stop_words, w)
            || cfg.not_names.contains(w)
            || cfg.not_names.contains(bare)
            || cfg.group_nouns.iter().any(|n| n.key == w)
            || cfg.references.iter().any(|r| r.key == w)
            || (words > 0 && w.starts_with('و'))
            || cfg
                .pronoun_suffixes
                .iter()
                .any(|p| w.len() > p.len() + 2 && w.ends_with(p.as_str()))
        {
            break;
        }
        end = Some(we);
        pos = we;
        words += 1;
        if rec.is_definite(w) {
            // The idafa ends with its first definite noun; what follows is
            // an adjective or the rest of the clause.
            break;
        }
    }
    let end = end?;
    // A name made only of one place is a place's group ("جماعة تمبكتو"):
    // too vague to mint.
    if words == places.len() && words == 1 {
        return None;
    }
    if cfg.group_nouns[g].strict && words < 2 {
        return None;
    }
    absorbed.extend(places);
    let name = clean(&key[c.start..end]);
    let name_part_start = next_word(key, c.end).map_or(end, |(s, _)| s);
    let part = clean(&key[name_part_start..end]);
    let actor = Actor {
        iri: mint_iri(&name),
        label: transliterate(&name),
        label_ar: clean(st.original(c.start, end)),
        class: cfg.group_nouns[g].class.clone(),
        discovered: true,
        lat: None,
        long: None,
    };
    let who = st.discover(actor);
    if part.contains(' ') {
        st_learn(st, part, who, end);
    }
    Some(Found {
        start: c.start,
        end,
        word_start: c.word_start,
        who,
        kind: MentionKind::Discovered,
    })
}

/// Remembers an Arabic alias in the document state.
fn st_learn(st: &mut DocState<'_>, key: String, who: Who, from: usize) {
    st.learned.push(Learned {
        key,
        who,
        from,
        latin: false,
    });
}

/// A person's name after the title `c`: two to four name words, past a
/// nationality adjective or state and modifiers (الرئيس الروسي السابق).
fn person(rec: &Recognizer, st: &mut DocState<'_>, c: &Cand, found: &[Found]) -> Option<Found> {
    let cfg = &rec.cfg;
    let key = st.key();
    let mut pos = c.end;
    for _ in 0..3 {
        let Some((ws, we)) = next_word(key, pos) else {
            break;
        };
        if let Some(fi) = mention_at(found, ws) {
            let f = found[fi];
            if let Who::Lex(e) = f.who {
                let info = &rec.compiled.entries[e as usize];
                if info.is_person {
                    return None;
                }
                if info.is_state || info.class == "Government" {
                    pos = f.end;
                    continue;
                }
            }
            return None;
        }
        if cfg.modifiers.contains(&key[ws..we]) {
            pos = we;
            continue;
        }
        break;
    }
    let mut start = None;
    let mut end = None;
    let mut count = 0;
    let mut after_connector = false;
    let mut last_word = (0, 0);
    while count < cfg.person_max_words {
        let Some((ws, we)) = next_word(key, pos) else {
            break;
        };
        if mention_at(found, ws).is_some() {
            break;
        }
        let w = &key[ws..we];
        if !arabic_word(w) || w.chars().count() < 2 {
            break;
        }
        if cfg.connectors.contains(w) {
            start.get_or_insert(ws);
            pos = we;
            after_connector = true;
            continue;
        }
        if cfg.stop_words.contains(w)
            || (!after_connector && rec.is_definite(w))
            || (count > 0 && !after_connector && w.starts_with('و'))
            || cfg.titles.iter().any(|t| t == w)
            || cfg.group_nouns.iter().any(|n| n.key == w)
        {
            break;
        }
        start.get_or_insert(ws);
        end = Some(we);
        last_word = (ws, we);
        count += 1;
        pos = we;
        after_connector = false;
    }
    if count < cfg.person_min_words {
        return None;
    }
    let (start, end) = (start?, end?);
    let name = clean(&key[start..end]);
    let actor = Actor {
        iri: mint_iri(&name),
        label: transliterate(&name),
        label_ar: clean(st.original(start, end)),
        class: "Person".into(),
        discovered: true,
        lat: None,
        long: None,
    };
    // The family name alone names the person later in the article.
    let family = key[last_word.0..last_word.1].to_string();
    let who = st.discover(actor);
    if family.chars().count() >= 3 && !cfg.stop_words.contains(&family) {
        st_learn(st, family, who, end);
    }
    Some(Found {
        start,
        end,
        word_start: start,
        who,
        kind: MentionKind::Discovered,
    })
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

/// Reference nouns resolved to an earlier actor of a compatible class: the
/// last one named in the same sentence, else the one named most often so far
/// (the topic of the article), ties going to the latest. Nationality
/// adjectives are not antecedents (القوات الفرنسية … من البلاد is about the
/// country of the article), and a reference noun followed by one (الجيش
/// الفرنسي) is a description, not a reference.
/// What a mention says about which state an article is about, and how
/// much: a state's name or nationality adjective, or a city of that state
/// (نيامي → Niger), counting double in the first sentence (title and lede).
/// A capital standing for its state (موسكو) says nothing: titles like «من
/// باريس وواشنطن إلى موسكو» name the places a story moves between.
pub(crate) fn about(rec: &Recognizer, key: &str, f: &Found) -> Option<(u32, usize)> {
    let Who::Lex(e) = f.who else { return None };
    let info = &rec.compiled.entries[e as usize];
    let state = match f.kind {
        MentionKind::Metonym | MentionKind::Reference => return None,
        _ if info.is_state => e,
        _ if info.is_place => info.country?,
        _ => return None,
    };
    let weight = if key[..f.start].contains(['.', '!', '?', '؟', '\n']) {
        1
    } else {
        2
    };
    Some((state, weight))
}

/// The last list of exactly `n` distinct coordinated mentions accepted by
/// `ok` (X وY وZ، X، Y وZ) inside the key range `start..end`, in text order.
fn coordinated_run(
    rec: &Recognizer,
    key: &str,
    found: &[Found],
    start: usize,
    end: usize,
    n: usize,
    ok: impl Fn(&Found) -> bool,
) -> Option<Vec<Who>> {
    let mut best = None;
    let mut run: Vec<&Found> = Vec::new();
    let mut close = |run: &mut Vec<&Found>| {
        if run.len() == n {
            best = Some(run.iter().map(|f| f.who).collect::<Vec<_>>());
        }
        run.clear();
    };
    for f in found.iter().filter(|f| f.start >= start && f.end <= end) {
        if !ok(f) {
            close(&mut run);
            continue;
        }
        let joined = run.last().is_some_and(|p| {
            p.who != f.who
                && super::context::coordinated(
                    rec,
                    key,
                    p.end,
                    f.word_start,
                    key[f.word_start..f.start].starts_with(['و', 'ف']),
                )
        });
        if !joined {
            close(&mut run);
        }
        run.push(f);
    }
    close(&mut run);
    best
}

/// How many sentences back «الطرفان» looks for the two parties.
const PAIR_REACH: usize = 2;

pub(crate) fn references(
    rec: &Recognizer,
    st: &DocState<'_>,
    selected: &[Cand],
    found: &mut Vec<Found>,
) {
    let key = st.key();
    let mut added: Vec<Found> = Vec::new();
    // Mentions per actor so far, and where each was last named.
    let mut counts: HashMap<Who, (usize, usize)> = HashMap::new();
    // The states the article is about so far (see `about`).
    let mut topic: HashMap<u32, (usize, usize)> = HashMap::new();
    // The actors each plural reference named last, by size and classes.
    let mut groups: HashMap<(usize, Vec<String>), Vec<Who>> = HashMap::new();
    let mut j = 0;
    // Adjectives and names inside a descriptor (المرتبطة بتنظيم القاعدة) or
    // after a supporter's cue (بدعم من روسيا) are not what a reference means.
    let antecedent = |f: &Found| {
        if f.kind == MentionKind::Adjective {
            return false;
        }
        let mut pw = prev_word(key, f.word_start);
        if let Some((s, e)) = pw
            && rec.cfg.antecedent_through.contains(&key[s..e])
        {
            pw = prev_word(key, s);
        }
        !pw.is_some_and(|(s, e)| rec.in_set(&rec.cfg.not_antecedent_after, &key[s..e]))
    };
    for c in selected {
        let Target::Reference(r) = rec.pat(c).target else {
            continue;
        };
        let r = &rec.cfg.references[usize::from(r)];
        while j < found.len() && found[j].end <= c.start {
            let f = &found[j];
            if antecedent(f)
                && let Some((state, w)) = about(rec, key, f)
            {
                let e = topic.entry(state).or_insert((0, 0));
                e.0 += w;
                e.1 = f.start;
            }
            if antecedent(f) {
                // The title and lede say what the article is about: a name
                // in the first sentence weighs as two.
                let weight = if key[..f.start].contains(['.', '!', '?', '؟', '\n']) {
                    1
                } else {
                    2
                };
                let e = counts.entry(f.who).or_insert((0, 0));
                e.0 += weight;
                e.1 = f.start;
            }
            j += 1;
        }
        if overlaps(found, c.start, c.end) {
            continue;
        }
        if prev_word(key, c.word_start).is_some_and(|(s, e)| rec.in_set(&r.not_after, &key[s..e])) {
            continue;
        }
        if let Some((ws, _)) = next_word(key, c.end)
            && let Some(fi) = mention_at(found, ws)
            && found[fi].kind == MentionKind::Adjective
        {
            continue;
        }
        if r.bare
            && next_word(key, c.end).is_some_and(|(s, e)| {
                key[s..e].starts_with("ال") && key[c.end..s].trim().is_empty()
            })
        {
            continue;
        }
        let head = rec.strip_article(&r.key);
        let compatible = |who: Who| {
            !r.state_only
                && r.classes.contains(rec.class_of(st, who))
                && (!r.same_head
                    || match who {
                        Who::Lex(e) => rec.compiled.entries[e as usize].name_words.contains(head),
                        Who::Disc(d) => key_of(&st.discovered[d as usize].label_ar)
                            .split(' ')
                            .any(|w| rec.strip_article(w) == head),
                    })
        };
        // «الطرفان» (the two parties): the last two compatible actors of the
        // latest sentence, at most `PAIR_REACH` back, that names two, as two
        // mentions on the same span.
        if r.pair {
            // The state an actor speaks for: two of one side (Mali and its
            // army, Togo and its president) are not two parties.
            let side = |who: Who| match who {
                Who::Lex(e) => {
                    let info = &rec.compiled.entries[e as usize];
                    if info.is_state { Some(e) } else { info.country }
                }
                Who::Disc(_) => None,
            };
            let opposed = |a: Who, b: Who| a != b && (side(a).is_none() || side(a) != side(b));
            // Only a sentence that sets them against each other (بين،
            // ضد، اشتباكات …) names the two parties.
            let cued = |s: usize, e: usize| {
                r.pair_cues.is_empty()
                    || key[s..e]
                        .split(|ch: char| !super::context::is_word_char(ch))
                        .any(|w| !w.is_empty() && rec.in_set(&r.pair_cues, w))
            };
            let mut pair: Vec<Who> = Vec::new();
            // «بين الطرفين» names the pair; it does not set earlier actors
            // against each other (الوساطة بين الطرفين after the mediators).
            let mut end = prev_word(key, c.word_start).map_or(c.word_start, |(s, _)| s);
            let reach_end = end;
            let mut reach_start = end;
            for _ in 0..=PAIR_REACH {
                let (start, prev_end) = match key[..end].rfind(['.', '!', '?', '؟', '\n']) {
                    Some(i) => (
                        i + key[i..].chars().next().map_or(1, char::len_utf8),
                        Some(i),
                    ),
                    None => (0, None),
                };
                pair.clear();
                reach_start = start;
                if cued(start, end) {
                    for f in found[..j].iter().rev() {
                        if f.end > end || f.start < start {
                            continue;
                        }
                        if antecedent(f)
                            && compatible(f.who)
                            && pair.iter().all(|&o| opposed(o, f.who))
                        {
                            pair.push(f.who);
                            if pair.len() == r.count {
                                break;
                            }
                        }
                    }
                }
                if pair.len() == r.count {
                    break;
                }
                match prev_end {
                    Some(i) => end = i,
                    None => break,
                }
            }
            // A group named by its size (الدول الثلاث) is first a list of
            // that many (مالي وبوركينا فاسو والنيجر) in those sentences, then
            // the group the same reference named last (منحت الدول الثلاث …
            // ثم قادة الدول الثلاث), and only then the last ones named.
            let group_key = (r.count, r.listed.clone());
            if r.group {
                let eligible = |f: &Found| antecedent(f) && compatible(f.who);
                let window = &found[..j];
                if let Some(list) =
                    coordinated_run(rec, key, window, reach_start, reach_end, r.count, eligible)
                {
                    pair = list.into_iter().rev().collect();
                } else if let Some(g) = groups.get(&group_key) {
                    pair.clone_from(g);
                }
            } else if pair.len() != r.count
                && let Some(g) = groups.get(&group_key)
            {
                pair.clone_from(g);
            }
            if pair.len() == r.count {
                groups.insert(group_key, pair.clone());
                for who in pair.into_iter().rev() {
                    added.push(Found {
                        start: c.start,
                        end: c.end,
                        word_start: c.word_start,
                        who,
                        kind: MentionKind::Reference,
                    });
                }
            }
            continue;
        }
        // Recency yields to a group named by another head noun: «جبهة تحرير
        // أزواد نفت أي تنسيق مع الجماعة» is not the front itself. (Only for
        // the same-sentence rule; the topic may go by any name.)
        let other_head = |who: Who| {
            let Who::Lex(e) = who else { return false };
            let words = &rec.compiled.entries[e as usize].name_words;
            !words.contains(head)
                && rec.cfg.references.iter().any(|o| {
                    let h = rec.strip_article(&o.key);
                    h != head && !h.contains(' ') && words.contains(h)
                })
        };
        // The last compatible actor of the same sentence.
        let mut ante = None;
        for f in found[..j].iter().rev().filter(|_| !r.topic) {
            if key[f.end..c.start].contains(['.', '!', '?', '؟', '\n']) {
                break;
            }
            if antecedent(f) && compatible(f.who) && !other_head(f.who) {
                ante = Some(f.who);
                break;
            }
        }
        // A topic reference to a state (البلاد) is the state the article is
        // about.
        let ante = ante.or_else(|| {
            if !r.topic {
                return None;
            }
            topic
                .iter()
                .filter(|(e, _)| compatible(Who::Lex(**e)))
                .max_by_key(|(_, (n, last))| (*n, *last))
                .map(|(e, _)| Who::Lex(*e))
        });
        // Else the most named one so far.
        let ante = ante.or_else(|| {
            counts
                .iter()
                .filter(|(who, _)| compatible(**who))
                .max_by_key(|(_, (n, last))| (*n, *last))
                .map(|(who, _)| *who)
        });
        let ante = ante.or_else(|| {
            if !r.of_state {
                return None;
            }
            let (state, _) = counts
                .iter()
                .filter_map(|(who, n)| match who {
                    Who::Lex(e) if rec.compiled.entries[*e as usize].is_state => Some((*e, *n)),
                    _ => None,
                })
                .max_by_key(|(_, (n, last))| (*n, *last))?;
            r.listed.iter().find_map(|class| {
                rec.compiled
                    .by_country
                    .get(&(state, class.clone()))
                    .map(|&e| Who::Lex(e))
            })
        });
        if let Some(who) = ante {
            let e = counts.entry(who).or_insert((0, 0));
            e.0 += 1;
            e.1 = c.start;
            added.push(Found {
                start: c.start,
                end: c.end,
                word_start: c.word_start,
                who,
                kind: MentionKind::Reference,
            });
        }
    }
    found.extend(added);
    found.sort_by_key(|f| (f.start, f.end));
}

/// A generic region noun with a direction (المنطقة الشرقية) names a region
/// only when a restrictive clause or a preposition places it: «التي يسيطر
/// عليها حفتر», «من ليبيا». The place's state (a state, or the `ag:country`
/// of a person or force) and the direction word pick the lexicon region of
/// that state whose names hold the direction (Eastern Libya: المنطقة
/// الشرقية الليبية). Anything else stays unresolved: a wrong region is worse
/// than none.
pub(crate) fn regions(rec: &Recognizer, st: &DocState<'_>, found: &mut Vec<Found>) {
    let cfg = &rec.cfg;
    if cfg.region_nouns.is_empty() {
        return;
    }
    let key = st.key();
    let mut added = Vec::new();
    for noun in &cfg.region_nouns {
        for (at, _) in key.match_indices(noun.as_str()) {
            // Whole word, or after proclitics (في المنطقة، بالمنطقة).
            let ws = prev_word(key, at + noun.len()).map_or(at, |(s, _)| s);
            if !(ws == at || rec.compiled.prefixes.contains_key(&key[ws..at])) {
                continue;
            }
            let start = at;
            let Some((ds, de)) = next_word(key, at + noun.len()) else {
                continue;
            };
            if !cfg.region_directions.contains(&key[ds..de]) || overlaps(found, start, de) {
                continue;
            }
            // The placing phrase, then a mention right after it.
            let rest = key[de..].trim_start();
            let Some(phrase) = cfg
                .region_placers
                .iter()
                .filter(|p| rest.starts_with(p.as_str()))
                .max_by_key(|p| p.len())
            else {
                continue;
            };
            let after = de + (key[de..].len() - rest.len()) + phrase.len();
            let Some((ws2, _)) = next_word(key, after) else {
                continue;
            };
            let Some(fi) = mention_at(found, ws2) else {
                continue;
            };
            let Who::Lex(e) = found[fi].who else { continue };
            let info = &rec.compiled.entries[e as usize];
            let Some(state) = (if info.is_state { Some(e) } else { info.country }) else {
                continue;
            };
            let direction = rec.strip_article(&key[ds..de]);
            let region = rec.compiled.entries.iter().enumerate().find(|(_, r)| {
                r.country == Some(state)
                    && r.class == cfg.region_class
                    && r.name_words.contains(direction)
            });
            if let Some((r, _)) = region {
                added.push(Found {
                    start,
                    end: de,
                    word_start: ws,
                    who: Who::Lex(u32::try_from(r).unwrap_or(u32::MAX)),
                    kind: MentionKind::Reference,
                });
            }
        }
    }
    found.extend(added);
    found.sort_by_key(|f| (f.start, f.end));
}
