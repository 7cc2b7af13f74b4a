//! Actors named by what they are rather than by a name the lexicon holds: a
//! state's force (الشرطة الباكستانية، الحرس الرئاسي التشادي), unnamed agents
//! (مسلحون مجهولون، انتحاري) and places introduced by their kind (قرية مافا،
//! مخيم زمزم). The cues are `[generic]` of `recognition.toml`.

use super::context::{next_word, prev_word};
use super::mint::{mint_iri, transliterate, unnamed_iri};
use super::{Cand, DocState, Found, Recognizer, Who, mention_at, overlaps};
use crate::model::{Actor, MentionKind};
use crate::normalize::is_arabic_letter;

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
pub(crate) fn forces(rec: &Recognizer, st: &mut DocState<'_>, found: &mut [Found]) {
    let cfg = &rec.cfg;
    if cfg.generic_forces.is_empty() || cfg.generic_force_class.is_empty() {
        return;
    }
    for i in 0..found.len() {
        let f = found[i];
        let Who::Lex(state) = f.who else { continue };
        if f.kind != MentionKind::Adjective || !rec.compiled.entries[state as usize].is_state {
            continue;
        }
        let key = st.key();
        let Some((head, start, word_start)) = head_before(rec, key, f.word_start) else {
            continue;
        };
        // Another mention inside the head (a lexicon name) keeps its reading.
        if i > 0 && found[i - 1].end > word_start {
            continue;
        }
        let noun = rec.strip_article(&head.words[0]).to_string();
        let known = rec.compiled.entries.iter().position(|x| {
            x.class == cfg.generic_force_class
                && x.country == Some(state)
                && x.name_words.contains(&noun)
        });
        let who = match known {
            Some(e) => Who::Lex(u32::try_from(e).unwrap_or(u32::MAX)),
            None => {
                let name = clean(&key[start..f.end]);
                let actor = Actor {
                    iri: mint_iri(&name),
                    label: format!("{} {}", rec.compiled.entries[state as usize].label, head.en),
                    label_ar: clean(st.original(start, f.end)),
                    class: cfg.generic_force_class.clone(),
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
            let w = if k == 0 { strip_clitics(rec, w) } else { w };
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
) -> Option<Found> {
    let cfg = &rec.cfg;
    if overlaps(found, c.start, c.end) {
        return None;
    }
    let key = st.key();
    // A qualifier of the agent before it (مسلحون مجهولون) is part of that one.
    if let Some((s, e)) = prev_word(key, c.word_start)
        && key[e..c.word_start].trim().is_empty()
        && cfg
            .agents
            .iter()
            .any(|a| a.forms.iter().any(|f| f == &key[s..e]))
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
            // «مسلحون من حركة …»: the named actor is the agent.
            if let Some((s2, _)) = next_word(key, we)
                && mention_at(found, s2).is_some()
            {
                return None;
            }
            break;
        }
        if !cfg.agent_qualifiers.contains(w) {
            break;
        }
        end = we;
    }
    if next_word(key, end).is_some_and(|(s, _)| {
        key[end..s].trim().is_empty()
            && mention_at(found, s).is_some_and(|i| found[i].kind != MentionKind::Adjective)
    }) {
        return None;
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
) -> Option<Found> {
    let cfg = &rec.cfg;
    let noun = &cfg.place_nouns[p];
    let key = st.key();
    // Placed: a preposition glued to the noun (بقرية) or just before it.
    let placed = c.word_start < c.start
        || prev_word(key, c.word_start).is_some_and(|(s, e)| {
            ["في", "الى", "على", "من", "قرب", "داخل", "حول", "نحو"].contains(&&key[s..e])
        });
    let mut pos = c.end;
    let mut first = None;
    let mut end = None;
    let mut words = 0;
    while words < cfg.place_max_words {
        let Some((ws, we)) = next_word(key, pos) else {
            break;
        };
        if !key[pos..ws].trim().is_empty() || mention_at(found, ws).is_some() {
            break;
        }
        let w = &key[ws..we];
        if noun.with_noun && words > 0 && cfg.place_adjectives.contains(w) {
            end = Some(we);
            break;
        }
        if !w.chars().all(is_arabic_letter)
            || w.chars().count() < 2
            || rec.is_definite(w)
            || rec.in_set(&cfg.stop_words, w)
            || cfg.not_names.contains(w)
            || (words > 0 && w.starts_with('و'))
            || cfg.group_nouns.iter().any(|n| n.key == w)
            || cfg.place_nouns.iter().any(|n| n.key == w)
            || cfg.titles.iter().any(|t| t == w)
            // A possessive suffix makes a common noun (قاعدة تجنيدها); ه is
            // not among them, as the match key folds ة to it.
            || ["ها", "هم", "هما", "كم", "نا"]
                .iter()
                .any(|p| w.len() > p.len() + 4 && w.ends_with(p))
            // A present-tense verb right after a bare noun (منطقة تعاني):
            // a name is only taken there after a preposition (في منطقة …).
            || (words == 0 && !placed && (w.starts_with('ت') || w.starts_with('ي')))
        {
            break;
        }
        first.get_or_insert(ws);
        end = Some(we);
        pos = we;
        words += 1;
    }
    let (first, end) = (first?, end?);
    let start = if noun.with_noun { c.start } else { first };
    let name = clean(&key[start..end]);
    let actor = Actor {
        iri: mint_iri(&name),
        label: transliterate(&name),
        label_ar: clean(st.original(start, end)),
        class: noun.class.clone(),
        discovered: true,
        lat: None,
        long: None,
    };
    let who = st.discover(actor);
    Some(Found {
        start,
        end,
        word_start: if noun.with_noun { c.word_start } else { start },
        who,
        kind: MentionKind::Discovered,
    })
}
