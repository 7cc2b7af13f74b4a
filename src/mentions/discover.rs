//! Actors the lexicon lacks: groups named after a group noun (جماعة، حركة …),
//! persons after a title (العقيد، زعيم …), quoted and composed group names.
//! Acronyms in parentheses and learned aliases are in `aliases.rs`.

use super::aliases::Learned;
use super::context::{next_word, prev_word};
use super::lexicon::Target;
use super::mint::{mint_iri, transliterate};
use super::{Cand, DocState, Found, Recognizer, Who, mention_at};
use crate::model::{Actor, MentionKind};
use crate::text::fold::is_arabic_letter;

pub(super) fn arabic_word(w: &str) -> bool {
    w.chars().all(is_arabic_letter)
}

/// Collapses spaces of a key slice.
pub(super) fn clean(s: &str) -> String {
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
                added.extend(person(rec, st, c, found));
            }
            Target::Agent(a) => {
                if let Some(f) =
                    super::generic::agent(rec, st, c, usize::from(a), found, &mut absorbed)
                {
                    added.push(f);
                }
            }
            Target::PlaceNoun(p) => {
                added.extend(super::generic::place(rec, st, c, usize::from(p), found));
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

/// «اختُطفت السويسرية كلوديا أبت»، «أفرجت عن الأمريكي جيفري وودكي»: a
/// definite nationality adjective used as a noun (no definite noun before
/// it to modify) and an unknown name after it: a person of that nation.
/// The adjective's mention gives way to the person. `found` must be
/// sorted; it stays sorted.
pub(crate) fn nationals(rec: &Recognizer, st: &mut DocState<'_>, found: &mut [Found]) {
    for i in 0..found.len() {
        let f = found[i];
        let Who::Lex(e) = f.who else { continue };
        if f.kind != MentionKind::Adjective || !rec.compiled.entries[e as usize].is_state {
            continue;
        }
        let key = st.key();
        // Definite as written, and its own word (no clitic before it).
        if f.word_start != f.start || !st.definite_word(rec, f.start, f.end) {
            continue;
        }
        // Nothing definite before it for it to modify (الحكومة المالية).
        let modifies = prev_word(key, f.word_start).is_some_and(|(s, e)| {
            key[e..f.word_start].trim().is_empty()
                && (st.definite_word(rec, s, e) || mention_at(found, s).is_some())
        });
        if modifies {
            continue;
        }
        let Some((start, end, _)) = read_name(rec, st, f.end, found, false) else {
            continue;
        };
        if !key[f.end..start].trim().is_empty() {
            continue;
        }
        let who = st.discover_span(start, end, "Person");
        found[i] = Found {
            start,
            end,
            word_start: start,
            who,
            kind: MentionKind::Discovered,
        };
    }
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
    if let Some(f) = quoted_group(rec, st, c, g, found, absorbed) {
        return f;
    }
    if cfg.group_nouns[g].quoted {
        return None;
    }
    let key = st.key();
    let mut pos = c.end;
    let mut end = None;
    let mut words = 0;
    let mut places = Vec::new();
    while words < cfg.group_max_words {
        let Some((ws, we)) = next_word(key, pos) else {
            break;
        };
        // A closing quote ends a name («"جيش أراكان" يهاجم»).
        if words > 0 && key[pos..ws].contains('"') {
            break;
        }
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
                // A group's name and a state's right after it is another
                // group (حركة طالبان باكستان is not the Taliban).
                Who::Lex(_)
                    if words == 0
                        && f.start == ws
                        && f.kind == MentionKind::Name
                        && found.get(fi + 1).is_some_and(|n| {
                            matches!(n.who, Who::Lex(s) if rec.compiled.entries[s as usize].is_state)
                                && n.kind == MentionKind::Name
                                && n.start == n.word_start
                                && key[f.end..n.start].trim().is_empty()
                        }) =>
                {
                    places.push(fi);
                    places.push(fi + 1);
                    end = Some(found[fi + 1].end);
                    words += 2;
                    break;
                }
                _ => break,
            }
        }
        let w = &key[ws..we];
        let bare = rec.strip_article(w);
        // A number closes a name (حركة إم 23).
        if words > 0 && w.bytes().all(|b| b.is_ascii_digit()) {
            end = Some(we);
            words += 1;
            break;
        }
        // An indefinite feminine adjective agreeing with the noun (جماعة
        // مهزومة، كتيبة إضافية) is no name: a first word in ة (U+0629) not
        // followed by a definite word (نصرة الإسلام is an idafa).
        if words == 0 && feminine_adjective(rec, st, key, ws, we) {
            break;
        }
        // After two name words a definite adjective belongs to the name
        // (جبهة تحرير مورو الإسلامية); earlier it describes the group
        // (جماعة لاكوراوا المسلحة).
        let adjective = words >= 2 && rec.is_definite(w);
        if !arabic_word(w)
            || rec.in_set(&cfg.stop_words, w)
            || (cfg.not_names.contains(w) && !adjective)
            || (cfg.not_names.contains(bare) && !adjective)
            || cfg.group_nouns.iter().any(|n| n.key == w)
            || cfg.references.iter().any(|r| r.key == w)
            || (words > 0 && cfg.g.affixes.wa.starts(w))
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
            // an adjective or the rest of the clause. Nisba adjectives that
            // are no actor's (الكردستاني، الدولية، الإسلامية) still belong
            // to the name: حزب العمال الكردستاني، جبهة تحرير مورو الإسلامية.
            end = Some(nisba_adjectives(rec, key, we, found));
            break;
        }
        // A name given earlier in the document ends here (جيش أراكان |
        // مواقع): the same group named again.
        if words > 0 && st.by_iri.contains_key(&mint_iri(&clean(&key[c.start..we]))) {
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
    let name_part_start = next_word(key, c.end).map_or(end, |(s, _)| s);
    let part = clean(&key[name_part_start..end]);
    // A model's name is the words after «طراز» (a quoted name after an
    // equipment noun is the quotes' alone, see `quoted_group`).
    let (start, word_start) = if cfg.group_nouns[g].class == EQUIPMENT {
        (name_part_start, name_part_start)
    } else {
        (c.start, c.word_start)
    };
    let who = st.discover_span(start, end, &cfg.group_nouns[g].class);
    if part.contains(' ') {
        st_learn(st, part, who, end);
    }
    Some(Found {
        start,
        end,
        word_start,
        who,
        kind: MentionKind::Discovered,
    })
}

/// The class of equipment, whose names never hold the noun before them.
const EQUIPMENT: &str = "Equipment";

/// Whether the word `ws..we` ends in ة as written and no definite word
/// follows it without a proclitic (جماعة مهزومة، قاعدة ملاصقة للمطار: an
/// adjective, not a name; نصرة الإسلام is an idafa).
pub(crate) fn feminine_adjective(
    rec: &Recognizer,
    st: &DocState<'_>,
    key: &str,
    ws: usize,
    we: usize,
) -> bool {
    st.original(ws, we)
        .ends_with(crate::text::fold::is_taa_marbuta)
        && !next_word(key, we).is_some_and(|(a, b)| {
            key[we..a].trim().is_empty()
                && rec.cfg.g.definite(&key[a..b])
                && st.definite_word(rec, a, b)
        })
}

/// Where the nisba adjectives after key byte `pos` end: up to two definite
/// words ending in ي، ية، يون، يين (folded: ي، يه، يون، يين) that are no
/// mention, with only spaces before each.
pub(crate) fn nisba_adjectives(rec: &Recognizer, key: &str, pos: usize, found: &[Found]) -> usize {
    let mut end = pos;
    for _ in 0..2 {
        let Some((ws, we)) = next_word(key, end) else {
            break;
        };
        let w = &key[ws..we];
        if !key[end..ws].trim().is_empty()
            || mention_at(found, ws).is_some()
            || !w.starts_with(rec.cfg.article.as_str())
            || w.chars().count() < 5
            || !rec.cfg.g.affixes.nisba_forms.ends(w)
        {
            break;
        }
        end = we;
    }
    end
}

/// A quoted name right after the group noun (كتيبة "ماسينا"، تنظيم "ولاية
/// سيناء"): the quotes say it is a name, so a place inside is the group's
/// name (the lexicon's group of that full name when it has one), and a
/// strict noun needs no second word. `None` when no quote follows;
/// `Some(None)` when the quoted name is a known non-place actor, which keeps
/// its reading (تنظيم "داعش").
fn quoted_group(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    c: &Cand,
    g: usize,
    found: &[Found],
    absorbed: &mut Vec<usize>,
) -> Option<Option<Found>> {
    let key = st.key();
    let rest = key[c.end..].trim_start_matches(' ');
    if !rest.starts_with('"') {
        return None;
    }
    let open = key.len() - rest.len();
    let close = open + 1 + key[open + 1..].find('"')?;
    let inner = key[open + 1..close].trim();
    let n = inner.split(' ').count();
    if inner.is_empty() || n > rec.cfg.acronym_max_words || inner.contains(['.', '،', ',']) {
        return None;
    }
    let inside: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].start > open && found[i].end <= close)
        .collect();
    if inside.iter().any(|&i| match found[i].who {
        Who::Lex(e) => !rec.compiled.entries[e as usize].is_place,
        Who::Disc(_) => true,
    }) {
        return Some(None);
    }
    let noun = &key[c.start..c.end];
    let name = format!("{noun} {inner}");
    // The quoted name is a known group's (تنظيم "ولاية سيناء"), or the noun
    // and the name are (كتيبة "ماسينا"); a place alone is not the group.
    let known = rec
        .exact_entry(inner)
        .filter(|&e| !rec.compiled.entries[e as usize].is_place)
        .or_else(|| rec.exact_entry(&name));
    let who = match known {
        Some(e) => Who::Lex(e),
        None => {
            let actor = Actor {
                iri: mint_iri(inner),
                label: transliterate(inner),
                label_ar: clean(st.original(open + 1, close)),
                class: rec.cfg.group_nouns[g].class.clone(),
                discovered: true,
                lat: None,
                long: None,
            };
            st.discover(actor)
        }
    };
    absorbed.extend(inside);
    Some(Some(Found {
        start: c.start,
        end: close + 1,
        word_start: c.word_start,
        who,
        kind: MentionKind::Discovered,
    }))
}

/// «"الجبهة الوطنية للتحرير"»، «"الحركة الشعبية للإنقاذ"»: a quoted phrase
/// of two to `acronym_max_words` words whose first word is a group noun with
/// the article names a group of that noun's class: the quotes make the
/// common noun a name («الجبهة» alone stays a reference). Places inside
/// belong to the name; any other actor inside (a lexicon group, «"الحركة
/// الوطنية لتحرير أزواد"») keeps its reading, and an adjective right after
/// the noun («"الجماعة المسلحة"») is no name. `found` stays sorted.
pub(crate) fn quoted_definite_groups(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    found: &mut Vec<Found>,
) {
    let cfg = &rec.cfg;
    // (start, end, group noun) of each quoted name, read first: minting
    // needs the state mutably.
    let mut names: Vec<(usize, usize, usize)> = Vec::new();
    let key = st.key();
    let mut from = 0;
    while let Some(o) = key[from..].find('"') {
        let open = from + o + 1;
        let Some(c) = key[open..].find('"') else {
            break;
        };
        let close = open + c;
        from = close + 1;
        let start = open + (key[open..close].len() - key[open..close].trim_start().len());
        let end = start + key[start..close].trim_end().len();
        let words: Vec<&str> = key[start..end].split(' ').collect();
        if words.len() < 2
            || words.len() > cfg.acronym_max_words
            || !words.iter().all(|w| arabic_word(w))
            || !rec.is_definite(words[0])
        {
            continue;
        }
        let Some(g) = cfg
            .group_nouns
            .iter()
            .position(|n| n.key == rec.strip_article(words[0]))
        else {
            continue;
        };
        let second = rec.strip_article(words[1]);
        if cfg.not_names.contains(second) || cfg.not_names.contains(words[1]) {
            continue;
        }
        let other_actor = found.iter().any(|f| {
            f.start < end
                && f.end > start
                && !matches!(f.who, Who::Lex(e) if rec.compiled.entries[e as usize].is_place)
        });
        if !other_actor {
            names.push((start, end, g));
        }
    }
    for (start, end, g) in names {
        found.retain(|f| f.end <= start || f.start >= end);
        let who = st.discover_span(start, end, &cfg.group_nouns[g].class);
        let name = clean(&st.key()[start..end]);
        st_learn(st, name, who, end);
        found.push(Found {
            start,
            end,
            word_start: start,
            who,
            kind: MentionKind::Discovered,
        });
    }
    found.sort_by_key(|f| (f.start, f.end));
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
/// nationality adjective or state and modifiers (الرئيس الروسي السابق); or,
/// when the title has a complement, the name set off by commas after it
/// (وزير الاقتصاد والمالية، ألوسيني سانو،); then the names coordinated with
/// it (عبد الله ديوب وكاراموكو جان ماري تراوري وبكاري ياو سانغاري).
fn person(rec: &Recognizer, st: &mut DocState<'_>, c: &Cand, found: &[Found]) -> Vec<Found> {
    // «وقال محمد المولود رمضان، المتحدث باسم الإطار، …»: the name set off
    // by a comma before the title.
    let before = name_before_title(rec, st, c, found);
    let mut names: Vec<_> = before.into_iter().collect();
    if let Some(n) = name_after_title(rec, st, c, found) {
        names.push(n);
    }
    let cfg = &rec.cfg;
    // Coordinated names: «وكاراموكو جان ماري تراوري».
    while names.len() < 8 {
        let Some(&(_, end, _)) = names.last() else {
            break;
        };
        match read_name(rec, st, end, found, true) {
            Some(n) => names.push(n),
            None => break,
        }
    }
    let mut out = Vec::new();
    for (start, end, last_word) in names {
        let key = st.key();
        // The family name alone names the person later in the article.
        let family = key[last_word.0..last_word.1].to_string();
        // Not a word after a connector or with the article (عبد الرحمن).
        let after_connector = prev_word(key, last_word.0)
            .is_some_and(|(a, b)| a >= start && cfg.connectors.contains(&key[a..b]));
        let who = st.discover_span(start, end, "Person");
        if family.chars().count() >= 3
            && !cfg.stop_words.contains(&family)
            && !after_connector
            && !rec.is_definite(&family)
        {
            st_learn(st, family, who, end);
        }
        out.push(Found {
            start,
            end,
            word_start: start,
            who,
            kind: MentionKind::Discovered,
        });
    }
    out
}

/// The name after the title `c`: past a nationality adjective or state and
/// modifiers, or past the title's complement, or set off by commas after it.
fn name_after_title(
    rec: &Recognizer,
    st: &DocState<'_>,
    c: &Cand,
    found: &[Found],
) -> Option<(usize, usize, (usize, usize))> {
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
    // (Past a rank's grade after the complement: بقيادة الفريق أول فلان.)
    let past_modifiers = |mut p: usize| {
        while let Some((ws, we)) = next_word(key, p) {
            if !cfg.modifiers.contains(&key[ws..we]) {
                break;
            }
            p = we;
        }
        p
    };
    match read_name(rec, st, pos, found, false).or_else(|| {
        read_name(
            rec,
            st,
            past_modifiers(past_complement(rec, key, pos, found)?),
            found,
            false,
        )
    }) {
        Some(n) => Some(n),
        None => {
            // An appositive: the title's complement, a comma, the name and
            // a comma or the end of the sentence.
            let comma = complement_comma(rec, key, pos, found)?;
            let n = read_name(rec, st, comma, found, false)?;
            let after = key[n.1..].trim_start_matches(' ');
            if !(after.is_empty() || after.starts_with(['،', ',', '.', '"', '\n'])) {
                return None;
            }
            Some(n)
        }
    }
}

/// The name of two or three words right before the comma that precedes the
/// title `c` (فلان الفلاني، المتحدث باسم …), opening its clause: only
/// punctuation, a line break or a stop word (وقال، أكد) before it.
fn name_before_title(
    rec: &Recognizer,
    st: &DocState<'_>,
    c: &Cand,
    found: &[Found],
) -> Option<(usize, usize, (usize, usize))> {
    let key = st.key();
    let before = key[..c.word_start].trim_end_matches(' ');
    let comma = before.strip_suffix(['،', ','])?.trim_end_matches(' ').len();
    // Two or three words back from the comma, the earliest start first.
    let mut starts = Vec::new();
    let mut pos = comma;
    for _ in 0..3 {
        let (ws, _) = prev_word(key, pos)?;
        if !key[ws..pos].trim().chars().all(|ch| ch != '،' && ch != ',') {
            break;
        }
        starts.push(ws);
        pos = ws;
    }
    starts.into_iter().rev().find_map(|start| {
        let opens = match prev_word(key, start) {
            None => true,
            Some((a, b)) => {
                !key[b..start].trim().is_empty()
                    || rec
                        .cfg
                        .stop_words
                        .contains(rec.cfg.g.strip_conj(&key[a..b]))
            }
        };
        if !opens {
            return None;
        }
        let n = read_name(rec, st, start, found, false)?;
        let words: Vec<&str> = key[n.0..n.1].split(' ').collect();
        // (No word of it a stop word with its conjunction: «وكان».)
        let common = words.iter().any(|w| {
            let bare = rec.cfg.g.strip_conj(w);
            rec.cfg.stop_words.contains(bare) || rec.cfg.titles.iter().any(|t| t == bare)
        });
        (n.1 == comma && !common && words.len() >= rec.cfg.person_min_words).then_some(n)
    })
}

/// Past a title's definite complement (رئيس إدارتها المحلية | تسفاي
/// بيكيلي; قائد الجيش المالي | …): at most four words, each definite, with
/// a possessive suffix, or a mention of no person; `None` when none.
fn past_complement(rec: &Recognizer, key: &str, pos: usize, found: &[Found]) -> Option<usize> {
    let mut p = pos;
    for _ in 0..4 {
        let Some((ws, we)) = next_word(key, p) else {
            break;
        };
        if !key[p..ws].trim().is_empty() {
            break;
        }
        if let Some(fi) = mention_at(found, ws) {
            match found[fi].who {
                Who::Lex(e) if rec.compiled.entries[e as usize].is_person => return None,
                _ => {
                    p = found[fi].end.max(we);
                    continue;
                }
            }
        }
        let w = &key[ws..we];
        let g = &rec.cfg.g;
        let suffixed = w.chars().count() > 4
            && (g.affixes.pronoun_plural.ends(w)
                || g.affixes.pronoun_feminine.ends(w)
                || g.affixes.pronoun_masculine.ends(w));
        if !(rec.is_definite(w) || suffixed) || rec.cfg.stop_words.contains(w) {
            break;
        }
        p = we;
    }
    (p > pos).then_some(p)
}

/// Where the name after a title's complement starts: past at most six
/// words of the same clause (no full stop, no person) to a comma.
fn complement_comma(rec: &Recognizer, key: &str, pos: usize, found: &[Found]) -> Option<usize> {
    let mut p = pos;
    for _ in 0..7 {
        let rest = &key[p..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        if let Some(ch) = rest[gap..].chars().next()
            && (ch == '،' || ch == ',')
        {
            return Some(p + gap + ch.len_utf8());
        }
        let (ws, we) = next_word(key, p)?;
        if !key[p..ws].trim().is_empty() {
            return None;
        }
        if let Some(fi) = mention_at(found, ws) {
            if let Who::Lex(e) = found[fi].who
                && rec.compiled.entries[e as usize].is_person
            {
                return None;
            }
            p = found[fi].end.max(we);
            continue;
        }
        p = we;
    }
    None
}

/// A name of `person_min_words` to `person_max_words` unknown words at or
/// after `pos` (connectors not counted): its start, end and last word.
/// `coordinated`: the first word must carry a و, left out of the name.
fn read_name(
    rec: &Recognizer,
    st: &DocState<'_>,
    pos: usize,
    found: &[Found],
    coordinated: bool,
) -> Option<(usize, usize, (usize, usize))> {
    let cfg = &rec.cfg;
    let key = st.key();
    let mut pos = pos;
    let mut start = None;
    let mut end = None;
    let mut count = 0;
    let mut after_connector = false;
    let mut last_word = (0, 0);
    // A word no name is made of: a stop word, a title, a group noun or a
    // listed common word.
    let common = |w: &str| {
        cfg.stop_words.contains(w)
            || cfg.titles.iter().any(|t| t == w)
            || cfg.group_nouns.iter().any(|n| n.key == w)
            || cfg.not_names.contains(w)
    };
    while count < cfg.person_max_words {
        let Some((mut ws, we)) = next_word(key, pos) else {
            break;
        };
        if !key[pos..ws].trim().is_empty() && start.is_some() {
            break;
        }
        if mention_at(found, ws).is_some() {
            break;
        }
        if coordinated && start.is_none() {
            if !cfg.g.affixes.wa.starts(&key[ws..we]) || !key[pos..ws].trim().is_empty() {
                return None;
            }
            ws += cfg.g.affixes.wa.first().len();
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
        // «الله» ends a theophoric name (كلام الله، نصر الله).
        if count > 0 && cfg.g.affixes.theophoric.contains(w) {
            end = Some(we);
            last_word = (ws, we);
            count += 1;
            break;
        }
        // A name word may start with و when punctuation follows it
        // (جيلبير ويدراوغو،): a conjunction does not end a clause alone.
        let closing = key[we..]
            .trim_start_matches(' ')
            .starts_with(['،', ',', '.', '؛', ')', '"']);
        // A definite word inside an appositive name (، محمد المولود رمضان،):
        // after its first word, when an indefinite name word follows it.
        let apposed = start.is_some_and(|s| key[..s].trim_end().ends_with(['،', ',']));
        let inner_definite = apposed
            && count > 0
            && count + 1 < cfg.person_max_words
            && !cfg.modifiers.contains(w)
            && next_word(key, we).is_some_and(|(ns, ne)| {
                let n = &key[ns..ne];
                key[we..ns].trim().is_empty()
                    && mention_at(found, ns).is_none()
                    && arabic_word(n)
                    && n.chars().count() >= 3
                    && !st.definite_word(rec, ns, ne)
                    && !common(n)
                    && !cfg.g.affixes.wa.starts(n)
            });
        // «رئيس إدارتها تسفاي بيكيلي»: a possessed noun is the title's
        // complement, not the name.
        let possessed =
            count == 0 && w.chars().count() > 5 && cfg.g.affixes.possessed_feminine.ends(w);
        // «الحسين ولد امدو»: a given name written with the article opens it.
        let given = count == 0 && cfg.definite_given_names.contains(w);
        // «محمد مهدي علي»: a name word spelled apart from the stop word it
        // folds like (علي, not على), after the first name word.
        let written_name = count > 0 && cfg.written_names.iter().any(|n| st.original(ws, we) == n);
        if (common(w) && !written_name)
            || possessed
            || (!after_connector && !inner_definite && !given && st.definite_word(rec, ws, we))
            || (count > 0 && !after_connector && cfg.g.affixes.wa.starts(w) && !closing)
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
    Some((start?, end?, last_word))
}
