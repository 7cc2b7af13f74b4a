//! References: definite nouns (الجماعة، التنظيم، الجيش، البلاد، الطرفان …)
//! resolved to an earlier actor of a compatible class, and generic region
//! nouns placed by their clause (المنطقة الشرقية التي يسيطر عليها حفتر).

use std::collections::HashMap;

use super::context::{about, coordinated, is_word_char, next_word, prev_word};
use super::lexicon::Target;
use super::{Cand, DocState, Found, Recognizer, Who, mention_at, overlaps};
use crate::model::MentionKind;
use crate::text::fold::key_of;
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
                && coordinated(
                    rec,
                    key,
                    p.end,
                    f.word_start,
                    rec.cfg
                        .g
                        .affixes
                        .conjunctions
                        .starts(&key[f.word_start..f.start]),
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

/// Reference nouns resolved to an earlier actor of a compatible class: the
/// last one named in the same sentence, else the one named most often so far
/// (the topic of the article), ties going to the latest. Nationality
/// adjectives are not antecedents (القوات الفرنسية … من البلاد is about the
/// country of the article), and a reference noun followed by one (الجيش
/// الفرنسي) is a description, not a reference.
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
        // Unnamed agents (مسلحون) are no antecedent of a named kind of
        // actor: «تبناه التنظيم» is the group, not the gunmen.
        if let Who::Disc(d) = f.who
            && st.discovered[d as usize].iri.contains(super::mint::UNNAMED)
        {
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
                && let Some((state, w)) = about(rec, st, f)
            {
                let e = topic.entry(state).or_insert((0, 0));
                e.0 += w;
                e.1 = f.start;
            }
            if antecedent(f) {
                // The title and lede say what the article is about: a name
                // in the first sentence weighs as two.
                let weight = if st.breaks.before(f.start) { 1 } else { 2 };
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
                rec.cfg.g.definite(&key[s..e]) && key[c.end..s].trim().is_empty()
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
                        .split(|ch: char| !is_word_char(ch))
                        .any(|w| !w.is_empty() && rec.in_set(&r.pair_cues, w))
            };
            let mut pair: Vec<Who> = Vec::new();
            // «بين الطرفين» names the pair; it does not set earlier actors
            // against each other (الوساطة بين الطرفين after the mediators).
            let mut end = prev_word(key, c.word_start).map_or(c.word_start, |(s, _)| s);
            let reach_end = end;
            let mut reach_start = end;
            for _ in 0..=PAIR_REACH {
                let (start, prev_end) = match st.breaks.last_before(end) {
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
            // ثم قادة الدول الثلاث), then the last such list earlier in the
            // article, and only then the last ones named.
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
                } else if let Some(list) =
                    coordinated_run(rec, key, window, 0, reach_end, r.count, eligible)
                {
                    // The article's list of that many, further back: the
                    // heading «لماذا انسحبت الدول الثلاث» three sentences
                    // after «ويضم ثلاث دول هي مالي وبوركينا فاسو والنيجر».
                    pair = list.into_iter().rev().collect();
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
                    !o.not_distinctive && h != head && !h.contains(' ') && words.contains(h)
                })
        };
        // The last compatible actor of the same sentence.
        let mut ante = None;
        for f in found[..j].iter().rev().filter(|_| !r.topic) {
            if st.breaks.between(f.end, c.start) {
                break;
            }
            if antecedent(f) && compatible(f.who) && !other_head(f.who) {
                ante = Some(f.who);
                break;
            }
        }
        // «ففي نيجيريا المجاورة، اقتحم مسلحون تسميهم السلطات …»: a state
        // named before it in its sentence decides, when the reference asks
        // (sentence_state): that state's actor of the class, or no mention.
        let sentence_state = (ante.is_none() && r.sentence_state)
            .then(|| {
                found[..j]
                    .iter()
                    .rev()
                    .take_while(|f| !st.breaks.between(f.end, c.start))
                    .find_map(|f| match f.who {
                        Who::Lex(e) if rec.compiled.entries[e as usize].is_state => Some(e),
                        _ => None,
                    })
            })
            .flatten();
        if let Some(state) = sentence_state {
            let own = r.listed.iter().find_map(|class| {
                rec.compiled
                    .by_country
                    .get(&(state, class.clone()))
                    .map(|&e| Who::Lex(e))
            });
            let Some(who) = own else { continue };
            ante = Some(who);
        }
        // «العاصمة» alone is the capital of the state the article is about;
        // before a name (العاصمة نيامي) it is that name's title.
        if r.capital {
            if next_word(key, c.end).is_some_and(|(s, _)| mention_at(found, s).is_some()) {
                continue;
            }
            let capital = topic
                .iter()
                .max_by_key(|(_, (n, last))| (*n, *last))
                .and_then(|(e, _)| rec.compiled.entries[*e as usize].capital);
            if let Some(cap) = capital {
                added.push(Found {
                    start: c.start,
                    end: c.end,
                    word_start: c.word_start,
                    who: Who::Lex(cap),
                    kind: MentionKind::Reference,
                });
            }
            continue;
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
        // Else the most named one so far, first among those whose name
        // holds the reference's noun (الجبهة → جبهة تحرير ماسينا, though
        // the article names JNIM more).
        let holds_head = |who: Who| match who {
            Who::Lex(e) => rec.compiled.entries[e as usize].name_words.contains(head),
            Who::Disc(d) => key_of(&st.discovered[d as usize].label_ar)
                .split(' ')
                .any(|w| rec.strip_article(w) == head),
        };
        let ante = ante.or_else(|| {
            counts
                .iter()
                .filter(|(who, _)| compatible(**who))
                .max_by_key(|(who, (n, last))| (holds_head(**who), *n, *last))
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
