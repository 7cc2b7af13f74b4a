//! Actors named by what they are rather than by a name the lexicon holds: a
//! state's force (الشرطة الباكستانية، الحرس الرئاسي التشادي), unnamed agents
//! (مسلحون مجهولون، انتحاري) and places introduced by their kind (قرية مافا،
//! مخيم زمزم). The cues are `[generic]` of `recognition.toml`.

use super::context::{next_word, prev_word};
use super::mint::{mint_iri, transliterate, unnamed_iri};
use super::{Cand, DocState, Found, Recognizer, Who, mention_at, overlaps};
use crate::model::{Actor, MentionKind};
use crate::text::fold::is_arabic_letter;

/// Collapses spaces of a key slice.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `w` without a proclitic sequence before its article (والشرطة → الشرطة).
fn strip_clitics<'w>(rec: &Recognizer, w: &'w str) -> &'w str {
    rec.compiled
        .bare_prefixes
        .iter()
        .find_map(|p| {
            w.strip_prefix(p.as_str())
                .filter(|r| r.starts_with(rec.cfg.article.as_str()))
        })
        .unwrap_or(w)
}

/// A nationality adjective of a state right after a force head (الجيش،
/// الشرطة، الدرك، الحرس الرئاسي، قوات الأمن …) names that state's force: the
/// lexicon's force of that state whose names hold the head's noun when there
/// is one, else an actor minted from the phrase (the same phrase gives the
/// same IRI in every document). The mention then covers head and adjective.
pub(crate) fn forces(rec: &Recognizer, st: &mut DocState<'_>, found: &mut Vec<Found>) {
    let cfg = &rec.cfg;
    if cfg.generic_forces.is_empty() || cfg.generic_force_class.is_empty() {
        return;
    }
    let mut drop_prev = Vec::new();
    for i in 0..found.len() {
        let f = found[i];
        let Who::Lex(state) = f.who else { continue };
        if f.kind != MentionKind::Adjective || !rec.compiled.entries[state as usize].is_state {
            continue;
        }
        let key = st.key();
        // «الجيش والروس»: coordinated, not an adjective of the head.
        if rec
            .cfg
            .g
            .affixes
            .conjunctions
            .starts(&key[f.word_start..f.start])
        {
            continue;
        }
        let Some((head, start, word_start)) = head_before(rec, key, f.word_start) else {
            continue;
        };
        // Another mention inside the head (a lexicon name) keeps its
        // reading, unless it is the whole head and another state's force
        // (قوات الدفاع الوطني, Syria's, before الإثيوبية).
        if i > 0 && found[i - 1].end > word_start {
            let prev = found[i - 1];
            let other_force = match prev.who {
                Who::Lex(e) => {
                    let x = &rec.compiled.entries[e as usize];
                    !x.is_state && !x.is_place && x.country.is_some_and(|c| c != state)
                }
                Who::Disc(_) => false,
            };
            if !(other_force && prev.start == start) {
                continue;
            }
            drop_prev.push(i - 1);
        }
        let class = head.class.as_deref().unwrap_or(&cfg.generic_force_class);
        let noun = rec.strip_article(&head.words[0]).to_string();
        let known = rec.compiled.entries.iter().position(|x| {
            x.class == class && x.country == Some(state) && x.name_words.contains(&noun)
        });
        let who = match known {
            Some(e) => Who::Lex(u32::try_from(e).unwrap_or(u32::MAX)),
            None => {
                // After لل the span starts at the lam that stands for the
                // article (للشرطة → لشرطة): the name is the head's, so that
                // it is one actor however it is governed.
                let g = &rec.cfg.g;
                let article = g.affixes.article.first();
                let elided = !g.affixes.article.starts(&key[start..])
                    && head.words[0].starts_with(article)
                    && g.affixes.lam.starts(&key[start..]);
                let with_article = |s: &str| match s.chars().next() {
                    Some(c) if elided => format!("{article}{}", &s[c.len_utf8()..]),
                    _ => s.to_string(),
                };
                let name = clean(&with_article(&key[start..f.end]));
                let actor = Actor {
                    iri: mint_iri(&name),
                    label: format!("{} {}", rec.compiled.entries[state as usize].label, head.en),
                    label_ar: clean(&with_article(st.original(start, f.end))),
                    class: class.to_string(),
                    discovered: true,
                    lat: None,
                    long: None,
                };
                st.discover(actor)
            }
        };
        found[i] = Found {
            start,
            end: f.end,
            word_start,
            who,
            kind: MentionKind::Discovered,
        };
    }
    for i in drop_prev.into_iter().rev() {
        found.remove(i);
    }
}

/// A group named by a group noun and a lexicon group, then a state (حركة
/// طالبان باكستان): another group, the Pakistani Taliban, not the Taliban
/// attacking Pakistan. The group's mention must start with a group noun as
/// written, and the state follow it with a space only, bare.
pub(crate) fn composed_groups(rec: &Recognizer, st: &mut DocState<'_>, found: &mut Vec<Found>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (found[i], found[i + 1]);
        let composed = match (a.who, b.who) {
            (Who::Lex(g), Who::Lex(s)) => {
                let key = st.key();
                let gi = &rec.compiled.entries[g as usize];
                a.kind == MentionKind::Name
                    && b.kind == MentionKind::Name
                    && rec.compiled.entries[s as usize].is_state
                    && gi.class == "ArmedGroup"
                    && b.word_start == b.start
                    && key[a.end..b.start].trim().is_empty()
                    && !key[a.end..b.start].is_empty()
                    && next_word(key, a.start).is_some_and(|(ws, we)| {
                        rec.cfg.group_nouns.iter().any(|n| n.key == key[ws..we])
                    })
                    // A noun and one name word (حركة طالبان): a longer name
                    // followed by a state is a verb's subject and object
                    // (هددت جماعة نصرة الإسلام والمسلمين موريتانيا).
                    && key[a.start..a.end].split(' ').count() == 2
            }
            _ => false,
        };
        if composed {
            let who = st.discover_span(a.start, b.end, "ArmedGroup");
            found[i] = Found {
                end: b.end,
                who,
                kind: MentionKind::Discovered,
                ..a
            };
            found.remove(i + 1);
        }
        i += 1;
    }
}

/// The dateline of a wire (بورتسودان، 4 مايو 2025 (الأناضول) -): one or two
/// unknown words opening a line, then a comma and a number, or an opening
/// parenthesis, or a dash, name a city.
pub(crate) fn datelines(rec: &Recognizer, st: &mut DocState<'_>, found: &mut Vec<Found>) {
    let mut added = Vec::new();
    // Not the headline's opening (تحليل - …، حوار خاص: …).
    let Some(first_break) = st.key().find('\n') else {
        return;
    };
    let mut line = first_break + 1;
    loop {
        let key = st.key();
        let mut pos = line;
        let mut words = Vec::new();
        while words.len() < 2 {
            let Some((ws, we)) = next_word(key, pos) else {
                break;
            };
            if !key[pos..ws].trim().is_empty() || !key[ws..we].chars().all(is_arabic_letter) {
                break;
            }
            words.push((ws, we));
            pos = we;
            let rest = key[we..].trim_start_matches(' ');
            let dated = rest
                .strip_prefix('،')
                .map(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
                .unwrap_or(false);
            if dated || rest.starts_with('(') || rest.starts_with("- ") || rest.starts_with('–') {
                let (s, e) = (words[0].0, we);
                // A capital standing for a body (أديس أبابا for the African
                // Union) is a place in a dateline: not the body.
                found.retain(|f| !(f.kind == MentionKind::Metonym && f.start >= s && f.end <= e));
                let known = overlaps(found, s, e)
                    || words.iter().any(|&(a, b)| {
                        rec.in_set(&rec.cfg.stop_words, &key[a..b]) || rec.is_definite(&key[a..b])
                    });
                if !known {
                    let who = st.discover_span(s, e, "City");
                    added.push(Found {
                        start: s,
                        end: e,
                        word_start: s,
                        who,
                        kind: MentionKind::Discovered,
                    });
                }
                break;
            }
        }
        let key = st.key();
        match key[line..].find('\n') {
            Some(n) => line += n + 1,
            None => break,
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|f| (f.start, f.end));
    }
    // «سكاي نيوز عربية - أبوظبي - 31 يناير 2025»: a capital between dashes
    // before a date is the byline's place, not the state it may stand for.
    let key = st.key();
    found.retain(|f| {
        if f.kind != MentionKind::Metonym {
            return true;
        }
        let before = key[..f.word_start].trim_end_matches(' ');
        let after = key[f.end..].trim_start_matches(' ');
        let dated = after
            .strip_prefix(['-', '–'])
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        !(before.ends_with(['-', '–']) && dated)
    });
}

/// The longest force head whose words end right before key byte `pos`:
/// the head, where its first word starts past its clitics, and where that
/// word starts.
fn head_before<'r>(
    rec: &'r Recognizer,
    key: &str,
    pos: usize,
) -> Option<(&'r super::config::ForceHead, usize, usize)> {
    let mut best: Option<(&super::config::ForceHead, usize, usize)> = None;
    for head in &rec.cfg.generic_forces {
        let mut p = pos;
        let mut ok = true;
        let mut first = (0, 0);
        for (k, hw) in head.words.iter().enumerate().rev() {
            let Some((s, e)) = prev_word(key, p) else {
                ok = false;
                break;
            };
            // Only spaces between the words of a head.
            if !key[e..p].trim().is_empty() {
                ok = false;
                break;
            }
            let w = &key[s..e];
            // The first word may carry proclitics (لقوات الدفاع، والشرطة،
            // and للجيش, whose article lost its alef: ل + الجيش).
            let g = &rec.cfg.g;
            let elided = (k == 0)
                .then(|| {
                    let w = g.strip_conj(w);
                    g.affixes
                        .article_elisions
                        .iter()
                        .find_map(|(from, article)| {
                            let rest = w.strip_prefix(from.as_str())?;
                            // The name starts where the article stood: after
                            // the preposition's lam (للجيش → لجيش, as spans of
                            // لل are).
                            let lam = from.chars().next().map_or(0, char::len_utf8);
                            (format!("{article}{rest}") == *hw).then_some(e - w.len() + lam)
                        })
                })
                .flatten();
            if let Some(name_start) = elided {
                first = (name_start, s);
                p = s;
                continue;
            }
            let w = if k == 0 {
                let bare = strip_clitics(rec, w);
                if bare != hw {
                    rec.compiled
                        .bare_prefixes
                        .iter()
                        .find_map(|p| w.strip_prefix(p.as_str()).filter(|r| r == hw))
                        .unwrap_or(bare)
                } else {
                    bare
                }
            } else {
                w
            };
            if w != hw {
                ok = false;
                break;
            }
            first = (e - w.len(), s);
            p = s;
        }
        if ok && best.is_none_or(|(b, _, _)| b.words.len() < head.words.len()) {
            best = Some((head, first.0, first.1));
        }
    }
    best
}

/// An unnamed agent (مسلحون، متمردون، انتحاري) at the candidate `c`, with
/// the qualifiers after it (مسلحون مجهولون), minted once per document.
/// Not when a named actor follows through من (مسلحون من حركة الشباب: the
/// group is the agent) or right after it (مسلحو الحركة).
pub(crate) fn agent(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    c: &Cand,
    a: usize,
    found: &[Found],
    absorbed: &mut Vec<usize>,
) -> Option<Found> {
    let cfg = &rec.cfg;
    if overlaps(found, c.start, c.end) {
        return None;
    }
    let key = st.key();
    // A qualifier of the agent before it (مسلحون مجهولون) is part of that one;
    // after an event noun it is an adjective (هجوم مسلح).
    if let Some((s, e)) = prev_word(key, c.word_start)
        && key[e..c.word_start].trim().is_empty()
        && (cfg
            .agents
            .iter()
            .any(|a| a.forms.iter().any(|f| f == &key[s..e]))
            || cfg.agent_not_after.contains(cfg.g.strip_conj(&key[s..e])))
    {
        return None;
    }
    let mut end = c.end;
    for _ in 0..2 {
        let Some((ws, we)) = next_word(key, end) else {
            break;
        };
        if !key[end..ws].trim().is_empty() {
            break;
        }
        let w = &key[ws..we];
        if cfg.agent_not_before.contains(w) {
            // «مسلحون من حركة …»: the named actor is the agent, also after a
            // group noun (مسلحون من تنظيم "ولاية الساحل").
            if let Some((s2, e2)) = next_word(key, we) {
                let after_noun = cfg
                    .group_nouns
                    .iter()
                    .any(|g| g.key == key[s2..e2])
                    .then(|| next_word(key, e2))
                    .flatten();
                if mention_at(found, s2).is_some()
                    || after_noun.is_some_and(|(s3, _)| mention_at(found, s3).is_some())
                {
                    return None;
                }
            }
            // «مسلحون من "ولاية موزمبيق"»، «مسلحون من القوات الديمقراطية
            // المتحالفة»: a group the lexicon lacks is the agent.
            if let Some(f) = members_of(rec, st, we, found, absorbed) {
                return Some(f);
            }
            break;
        }
        if !cfg.agent_qualifiers.contains(w) {
            break;
        }
        end = we;
    }
    let agent = &cfg.agents[a];
    let actor = Actor {
        iri: unnamed_iri(st.doc_id, &agent.label_ar),
        label: agent.label.clone(),
        label_ar: agent.label_ar.clone(),
        class: agent.class.clone(),
        discovered: true,
        lat: None,
        long: None,
    };
    let who = st.discover(actor);
    Some(Found {
        start: c.start,
        end,
        word_start: c.word_start,
        who,
        kind: MentionKind::Discovered,
    })
}

/// The group after «من» at key byte `pos` when the lexicon lacks it: a
/// quoted name (من "ولاية موزمبيق"), or definite words (من القوات
/// الديمقراطية المتحالفة), at most four, up to punctuation or a mention.
fn members_of(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    pos: usize,
    found: &[Found],
    absorbed: &mut Vec<usize>,
) -> Option<Found> {
    let key = st.key();
    let rest = key[pos..].trim_start_matches(' ');
    let open = key.len() - rest.len();
    let (start, end, name) = if rest.starts_with('"') {
        let close = open + 1 + key[open + 1..].find('"')?;
        let inner = key[open + 1..close].trim();
        if inner.is_empty() || inner.split(' ').count() > 4 || inner.contains(['.', '،', ',']) {
            return None;
        }
        // Places and states inside the quotes are part of the name (ولاية
        // موزمبيق); another actor keeps its reading.
        let inside: Vec<usize> = (0..found.len())
            .filter(|&i| found[i].start > open && found[i].end <= close)
            .collect();
        if inside.iter().any(|&i| match found[i].who {
            Who::Lex(e) => {
                let x = &rec.compiled.entries[e as usize];
                !(x.is_place || x.is_state)
            }
            Who::Disc(_) => true,
        }) || overlaps(found, open, open + 1)
        {
            return None;
        }
        absorbed.extend(inside);
        (open, close + 1, inner.to_string())
    } else {
        let mut end = None;
        let mut p = pos;
        for _ in 0..4 {
            let Some((ws, we)) = next_word(key, p) else {
                break;
            };
            let w = &key[ws..we];
            if !key[p..ws].trim().is_empty()
                || mention_at(found, ws).is_some()
                || !w.starts_with(rec.cfg.article.as_str())
                || w.chars().count() < 4
                || rec.cfg.references.iter().any(|r| r.key == w)
            {
                break;
            }
            end = Some(we);
            p = we;
        }
        let end = end?;
        let (s, _) = next_word(key, pos)?;
        // Two words at least: «من الجماعة» or «من القرية» alone is no name.
        let name = clean(&key[s..end]);
        if !name.contains(' ') {
            return None;
        }
        (s, end, name)
    };
    let who = match rec.exact_entry(&name) {
        Some(e) => Who::Lex(e),
        None => {
            let label_ar = clean(
                st.original(start, end)
                    .trim_matches(['"', '«', '»', '“', '”']),
            );
            st.discover(Actor {
                iri: mint_iri(&name),
                label: transliterate(&name),
                label_ar,
                class: "ArmedGroup".into(),
                discovered: true,
                lat: None,
                long: None,
            })
        }
    };
    Some(Found {
        start,
        end,
        word_start: start,
        who,
        kind: MentionKind::Discovered,
    })
}

/// A place introduced by its kind: «قرية مافا» (the name after the noun),
/// «مخيم زمزم»، «قاعدة عثمان دقنة الجوية» (the noun is part of the name).
/// Name words are unknown, indefinite Arabic words (a definite adjective of
/// `place_adjectives` may close a facility's name); a known place after the
/// noun keeps its own reading.
pub(crate) fn place(
    rec: &Recognizer,
    st: &mut DocState<'_>,
    c: &Cand,
    p: usize,
    found: &[Found],
) -> Vec<Found> {
    let cfg = &rec.cfg;
    let noun = &cfg.place_nouns[p];
    let key = st.key();
    // Placed: a preposition glued to the noun (بقرية) or just before it.
    let placed = c.word_start < c.start
        || prev_word(key, c.word_start)
            .is_some_and(|(s, e)| cfg.g.clauses.place_preps.contains(&key[s..e]));
    if noun.placed_only && !placed {
        return Vec::new();
    }
    // Names as key ranges; a plural noun (قريتي X وY) takes coordinated ones.
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut pos = c.end;
    // «قرى موريتانية مثل فصالة ومدبوغو»: a plural noun, an adjective at
    // most, and a word that singles out members (مثل، بينها، منها): the
    // list follows that word.
    let mut elaborated = false;
    if noun.plural
        && let Some(after) = elaborated_list(rec, st, key, pos, found)
    {
        pos = after;
        elaborated = true;
    }
    let mut first: Option<usize> = None;
    let mut end = None;
    let mut words = 0;
    // A plural noun's list went past a name already known (بلدتي
    // أندرامبوكان وتيدرمين): the next coordinated word is the next name.
    let mut listed = false;
    // Whether key bytes `ws..we` can be a word of a place's name.
    let name_word = |st: &DocState<'_>, ws: usize, we: usize, words: usize| {
        let key = st.key();
        let w = &key[ws..we];
        !(!w.chars().all(is_arabic_letter)
            || w.chars().count() < 2
            // The article as written (إلياس folds to الياس).
            || st.definite_word(rec, ws, we)
            || (rec.in_set(&cfg.stop_words, w)
                && !(noun.with_noun && cfg.place_nouns.iter().any(|n| n.key == w)))
            || rec.in_set(&cfg.not_names, w)
            || (words > 0 && cfg.g.affixes.wa.starts(w))
            || cfg.group_nouns.iter().any(|n| n.key == w)
            || (!noun.with_noun && cfg.place_nouns.iter().any(|n| n.key == w))
            || cfg.titles.iter().any(|t| t == w)
            // A possessive suffix makes a common noun (قاعدة تجنيدها); ه is
            // not among them, as the match key folds ة to it.
            || cfg
                .g
                .affixes
                .possessives
                .iter()
                .any(|p| w.len() > p.len() + 4 && w.ends_with(p))
            // A present-tense verb right after a bare noun (منطقة تعاني):
            // a name is only taken there after a preposition (في منطقة …).
            || (words == 0 && !placed && cfg.g.affixes.imperfect.starts(w)))
    };
    while words < cfg.place_max_words {
        let Some((ws, we)) = next_word(key, pos) else {
            break;
        };
        if !key[pos..ws].trim().is_empty() {
            break;
        }
        let w = &key[ws..we];
        let coordinated = words > 0 || listed;
        if let Some(i) = mention_at(found, ws) {
            // A known place in a plural noun's list: passed over, the list
            // goes on after it.
            let first_slot = words == 0 && !listed;
            if noun.plural && (first_slot || (coordinated && cfg.g.affixes.wa.starts(w))) {
                if let (Some(f), Some(e)) = (first.take(), end.take()) {
                    names.push((f, e));
                }
                pos = found[i].end;
                words = 0;
                listed = true;
                continue;
            }
            break;
        }
        if noun.with_noun && words > 0 && cfg.place_adjectives.contains(w) {
            end = Some(we);
            break;
        }
        // An adjective agreeing with the noun (قاعدة ملاصقة، مدينة كبيرة).
        if words == 0
            && !listed
            && !elaborated
            && super::discover::feminine_adjective(rec, st, key, ws, we)
        {
            break;
        }
        // «قريتي غيدان بيسا وغيدان رونتووا»: the next name.
        if noun.plural
            && coordinated
            && let Some(rest) = cfg.g.affixes.wa.strip_prefix(w)
            && rest.chars().count() >= 2
            && !cfg.not_names.contains(rest)
            && name_word(st, we - rest.len(), we, 0)
        {
            if let (Some(f), Some(e)) = (first, end) {
                names.push((f, e));
            }
            first = Some(we - rest.len());
            end = Some(we);
            pos = we;
            words = 1;
            listed = false;
            continue;
        }
        if listed || !name_word(st, ws, we, words) {
            break;
        }
        first.get_or_insert(ws);
        end = Some(we);
        pos = we;
        words += 1;
    }
    if let (Some(f), Some(e)) = (first, end) {
        names.push((f, e));
    }
    let mut out = Vec::new();
    for (i, (first, end)) in names.into_iter().enumerate() {
        let start = if noun.with_noun && i == 0 {
            c.start
        } else {
            first
        };
        let who = st.discover_span(start, end, &noun.class);
        out.push(Found {
            start,
            end,
            word_start: if noun.with_noun && i == 0 {
                c.word_start
            } else {
                start
            },
            who,
            kind: MentionKind::Discovered,
        });
    }
    out
}

/// Where the names start after a plural place noun ending at `pos` when an
/// adjective at most and an elaboration word follow it (قرى موريتانية مثل …،
/// بلدات عدة بينها …).
fn elaborated_list(
    rec: &Recognizer,
    st: &DocState<'_>,
    key: &str,
    pos: usize,
    found: &[Found],
) -> Option<usize> {
    let markers = &rec.cfg.g.markers;
    let mut p = pos;
    for step in 0..2 {
        let (ws, we) = next_word(key, p)?;
        if !key[p..ws].trim().is_empty() {
            return None;
        }
        let w = &key[ws..we];
        if markers.elaboration.contains(w) {
            return Some(we);
        }
        // (One adjective: a nationality's or an agreeing one.)
        let adjective = mention_at(found, ws)
            .is_some_and(|i| found[i].kind == MentionKind::Adjective)
            || super::discover::feminine_adjective(rec, st, key, ws, we);
        if step > 0 || !adjective {
            return None;
        }
        p = mention_at(found, ws).map_or(we, |i| found[i].end.max(we));
    }
    None
}

/// «مسيّرات بيرقدار TB2»، «طائرات مي-8»: a kind of equipment right before
/// a named model of equipment classifies the model; the model is what the
/// text names, so the kind's own mention is dropped.
pub(crate) fn equipment_classifiers(rec: &Recognizer, st: &DocState<'_>, found: &mut Vec<Found>) {
    let key = st.key();
    const EQUIPMENT: &str = "Equipment";
    let equipment = |f: &Found| match f.who {
        Who::Lex(e) => rec.compiled.entries[e as usize].class == EQUIPMENT,
        Who::Disc(d) => st.discovered[d as usize].class == EQUIPMENT,
    };
    let mut drop = vec![false; found.len()];
    for i in 0..found.len().saturating_sub(1) {
        let (kind, model) = (&found[i], &found[i + 1]);
        // (Nothing between them, not even a clitic: «مي-24 ومي-35» are two
        // models coordinated, the first no kind of the second.)
        if kind.who != model.who
            && kind.end <= model.word_start
            && model.word_start == model.start
            && key[kind.end..model.word_start].trim().is_empty()
            && equipment(kind)
            && equipment(model)
        {
            drop[i] = true;
        }
    }
    let mut n = 0;
    found.retain(|_| {
        n += 1;
        !drop[n - 1]
    });
}

/// «بعثة "إيوكاب الساحل"»، «"مبادرة أكرا"»: a place the lexicon knows,
/// inside a short quoted name with other words, is a word of that name
/// (a mission's, an initiative's), not the place. Quoted speech is longer
/// than three words or holds punctuation, and keeps its places.
pub(crate) fn places_in_quoted_names(rec: &Recognizer, st: &DocState<'_>, found: &mut Vec<Found>) {
    const MAX_WORDS: usize = 3;
    let key = st.key();
    let bytes = key.as_bytes();
    let quote = b'"';
    found.retain(|f| {
        let Who::Lex(e) = f.who else { return true };
        if !rec.compiled.entries[e as usize].is_place || f.kind != MentionKind::Name {
            return true;
        }
        let line_start = key[..f.word_start].rfind('\n').map_or(0, |i| i + 1);
        let Some(open) = key[line_start..f.word_start]
            .rfind('"')
            .map(|i| line_start + i)
        else {
            return true;
        };
        // An opening quote: an even number of quotes before it on its line.
        if bytes[line_start..open]
            .iter()
            .filter(|&&b| b == quote)
            .count()
            % 2
            == 1
        {
            return true;
        }
        let Some(close) = key[f.end..].find(['"', '\n']).map(|i| f.end + i) else {
            return true;
        };
        if bytes[close] != quote {
            return true;
        }
        let inner = key[open + 1..close].trim();
        let words = inner.split(' ').filter(|w| !w.is_empty()).count();
        let own = key[f.word_start..f.end].trim();
        let punctuated = inner.contains(['.', '،', ',', ':', '!', '?', '؟']);
        !((2..=MAX_WORDS).contains(&words) && inner != own && !punctuated)
    });
}
