//! Words around a candidate, and the decision on ambiguous names (مالي the
//! state or "financial", النيجر the state or the river, الساحل the Sahel or
//! a coast) from the cues of `recognition.toml`.

use std::collections::HashSet;

use super::config::{Ambiguity, Words};
use super::lexicon::Target;
use super::{Cand, DocState, Found, Recognizer, Who};
use crate::model::MentionKind;

/// Word characters of the match key: letters (Arabic or Latin) and digits.
pub(crate) fn is_word_char(c: char) -> bool {
    crate::text::bytes::is_alphanumeric(c)
}

/// The word that ends right before `pos` (spaces between allowed, nothing
/// else: punctuation cuts the context).
pub(crate) fn prev_word(key: &str, pos: usize) -> Option<(usize, usize)> {
    // Quotes around a name ("القاعدة") do not cut it from its context.
    let head = key[..pos].trim_end_matches([' ', '"', '\'']);
    let end = head.len();
    if !head.chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let len: usize = head
        .chars()
        .rev()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    Some((end - len, end))
}

/// The word that starts at or after `pos`, past spaces only.
pub(crate) fn next_word(key: &str, pos: usize) -> Option<(usize, usize)> {
    let tail = &key[pos..];
    let start = pos + (tail.len() - tail.trim_start_matches([' ', '"', '\'']).len());
    let len: usize = key[start..]
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some((start, start + len))
}

impl Recognizer {
    /// Whether word `w` (or `w` without its proclitics) is in `set`.
    pub(crate) fn in_set(&self, set: &Words, w: &str) -> bool {
        if set.contains(w) {
            return true;
        }
        self.compiled.bare_prefixes.iter().any(|p| {
            w.strip_prefix(p.as_str())
                .is_some_and(|r| r.chars().count() >= 2 && set.contains(r))
        })
    }

    /// `w` without a leading article (ال, or the ل of لل after stripping ل).
    pub(crate) fn strip_article<'w>(&self, w: &'w str) -> &'w str {
        w.strip_prefix(self.cfg.article.as_str())
            .filter(|r| r.chars().count() >= 2)
            .unwrap_or(w)
    }

    /// Whether `w`, its clitics aside, carries the article.
    pub(crate) fn is_definite(&self, w: &str) -> bool {
        if w.starts_with(self.cfg.article.as_str()) {
            return true;
        }
        self.compiled
            .prefixes
            .iter()
            .any(|(p, info)| info.article > 0 && w.len() > p.len() + 2 && w.starts_with(p.as_str()))
    }
}

/// The lexicon mentions among the chosen candidates, with ambiguous ones
/// kept only when their context says they are names.
pub(crate) fn decide(rec: &Recognizer, st: &DocState<'_>, selected: &[Cand]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut seen: HashSet<u32> = HashSet::new();
    for (i, c) in selected.iter().enumerate() {
        let p = rec.pat(c);
        let Target::Entry(e) = p.target else {
            continue;
        };
        if let Some(rule) = p.ambiguity {
            let rule = rec
                .cfg
                .ambiguity
                .get(rule)
                .unwrap_or(&rec.cfg.ambiguity_default);
            if !keep(rec, st, selected, i, e, rule, out.last(), &seen) {
                continue;
            }
        } else {
            seen.insert(e);
        }
        // A name written with tanwin fath (روسيًا, U+064B) is the accusative
        // adjective ("Russian-backed"), which the match key cannot tell apart.
        let kind =
            if p.kind == MentionKind::Name && st.original(c.start, c.end).contains('\u{064B}') {
                MentionKind::Adjective
            } else {
                p.kind
            };
        out.push(Found {
            start: c.start,
            end: c.end,
            word_start: c.word_start,
            who: Who::Lex(e),
            kind,
        });
    }
    out
}

/// Whether the gap `a..b` of the key joins two coordinated names: a comma
/// or a و (glued to the second name when `conj`), with only coordination
/// words between (X، وربما Y).
pub(crate) fn coordinated(rec: &Recognizer, key: &str, a: usize, b: usize, conj: bool) -> bool {
    if a > b {
        return false;
    }
    let gap = &key[a..b];
    let comma = gap.contains(['،', ',']);
    let mut tokens = gap
        .split([' ', '،', ','])
        .filter(|t| !t.is_empty())
        .peekable();
    if tokens.peek().is_none() {
        return conj || comma;
    }
    let mut joined = comma || conj;
    for t in tokens {
        if !rec.in_set(&rec.cfg.coordinators, t) {
            return false;
        }
        joined |= rec.cfg.g.affixes.wa.starts(t) || rec.cfg.g.clauses.coordinators.contains(t);
    }
    joined
}

#[allow(clippy::too_many_arguments)]
fn keep(
    rec: &Recognizer,
    st: &DocState<'_>,
    selected: &[Cand],
    i: usize,
    e: u32,
    rule: &Ambiguity,
    last: Option<&Found>,
    seen: &HashSet<u32>,
) -> bool {
    let key = st.key();
    let c = &selected[i];
    let info = &rec.compiled.entries[e as usize];
    // 1. Coordinated with a name of the same class: مالي وبوركينا فاسو.
    if let Some(prev) = last
        && rec.class_of(st, prev.who) == info.class
        && coordinated(rec, key, prev.end, c.word_start, c.conj)
    {
        return true;
    }
    if let Some(n) = selected.get(i + 1)
        && let Target::Entry(ne) = rec.pat(n).target
        && rec.pat(n).ambiguity.is_none()
        && rec.compiled.entries[ne as usize].class == info.class
        && coordinated(rec, key, c.end, n.word_start, n.conj)
    {
        return true;
    }
    let pw = prev_word(key, c.word_start).map(|(s, e)| &key[s..e]);
    let nw = next_word(key, c.end).map(|(s, e)| &key[s..e]);
    // 2. Cues of the common word.
    if pw.is_some_and(|w| rec.in_set(&rule.common_before, w))
        || nw.is_some_and(|w| rec.in_set(&rule.common_after, w))
    {
        return false;
    }
    // 3. Cues of the name (a person's name after a title too).
    if pw.is_some_and(|w| rec.in_set(&rule.name_before, w))
        || nw.is_some_and(|w| rec.in_set(&rule.name_after, w))
    {
        return true;
    }
    if info.is_person && pw.is_some_and(|w| rec.cfg.titles.iter().any(|t| t == w)) {
        return true;
    }
    // 4. A definite form after an indefinite noun is a noun in an idafa
    //    (وزير المالية "minister of finance"), not an adjective.
    if rule.definite_common
        && c.definite
        && let Some(w) = pw
        && !rec.is_definite(w)
    {
        return false;
    }
    // 5. Forms that are the common word (ماليًا "financially"), and forms
    //    that are when indefinite (قدرة مالية "financial capacity").
    if !c.definite && rule.common_indefinite.contains(&key[c.start..c.end]) {
        return false;
    }
    // 5b. Forms that are the common word (ماليًا "financially").
    let form = if c.definite {
        rec.strip_article(&key[c.start..c.end])
    } else {
        &key[c.start..c.end]
    };
    let g = &rec.cfg.g;
    let form = g
        .affixes
        .lam
        .strip_prefix(form)
        .filter(|_| c.definite && !g.definite(&key[c.start..]))
        .unwrap_or(form);
    if rule.common_forms.contains(form) {
        return false;
    }
    // 6. Named unambiguously earlier in the document.
    if seen.contains(&e) {
        return true;
    }
    rule.default_name
}

/// A city named as the subject of a political verb (أعلنت باماكو، قررت
/// نيامي) stands for its state's government, else for the state; as a place
/// (حصار باماكو، وصل إلى باماكو) it stays the city.
pub(crate) fn capitals(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    if rec.cfg.capital_verbs.is_empty() {
        return;
    }
    let key = st.key();
    // The end of the last city read as its government: a city coordinated
    // with it (حصلت باماكو وواغادوغو على …) acts with it.
    let mut acting_end: Option<usize> = None;
    // The last mention before this one (its word start and end): the
    // subject between a verb and its object (يتهم تياني كوتونو).
    let mut previous: Option<(usize, usize)> = None;
    for f in found.iter_mut() {
        let before = previous.replace((f.word_start, f.end));
        let Who::Lex(e) = f.who else { continue };
        let info = &rec.compiled.entries[e as usize];
        if f.kind != MentionKind::Name || !info.is_place {
            continue;
        }
        let Some(state) = info.country else { continue };
        // (With an object pronoun: نفته باماكو، باماكو تتهمكم.)
        let verb = |w: Option<(usize, usize)>| {
            w.is_some_and(|(s, e)| {
                let word = &key[s..e];
                rec.in_set(&rec.cfg.capital_verbs, word)
                    || rec
                        .cfg
                        .g
                        .affixes
                        .verb_object_suffixes
                        .iter()
                        .filter_map(|p| word.strip_suffix(p))
                        .any(|stem| rec.in_set(&rec.cfg.capital_verbs, stem))
            })
        };
        // (Past a negator after the city: نجامينا لا تنوي.)
        let after = next_word(key, f.end).and_then(|(s, e)| {
            if rec.cfg.g.polarity.negators.contains(&key[s..e]) {
                next_word(key, e)
            } else {
                Some((s, e))
            }
        });
        let pw = prev_word(key, f.word_start);
        let conj = rec
            .cfg
            .g
            .affixes
            .conjunctions
            .starts(&key[f.word_start..f.start]);
        let with_acting = acting_end
            .take()
            .is_some_and(|end| coordinated(rec, key, end, f.word_start, conj));
        // A preposition, glued (بباماكو) or not (في باماكو), makes it a place.
        let glued = key[f.word_start..f.start]
            .chars()
            .any(|c| rec.cfg.prepositions.iter().any(|p| p.starts_with(c)));
        if glued || pw.is_some_and(|(s, e)| rec.in_set(&rec.cfg.capital_not_after, &key[s..e])) {
            continue;
        }
        // The object of a verb of accusing, demanding or calling, right
        // after the verb's subject: a party.
        let object_of = before.is_some_and(|(ws, end)| {
            pw.is_some_and(|(_, e2)| e2 == end)
                && prev_word(key, ws)
                    .is_some_and(|(s, e2)| rec.in_set(&rec.cfg.capital_object_verbs, &key[s..e2]))
        });
        if !with_acting && !verb(pw) && !verb(after) && !object_of {
            continue;
        }
        acting_end = Some(f.end);
        let government = rec
            .compiled
            .by_country
            .get(&(state, rec.cfg.capital_class.clone()))
            .copied()
            .unwrap_or(state);
        f.who = Who::Lex(government);
        f.kind = MentionKind::Metonym;
    }
}

/// A capital between the parties of a relation noun (مفاوضات بين نيامي
/// وطهران، التقارب بين باماكو وموسكو) or its partner after «مع» (التعاون
/// الأمني مع كوتونو) stands for its state's government, else for the
/// state, and so do the capitals coordinated after it. A road
/// between two cities (الطريق بين غاو وكيدال) keeps them places.
pub(crate) fn capitals_between(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    let cfg = &rec.cfg;
    if cfg.capital_between_nouns.is_empty() {
        return;
    }
    let key = st.key();
    let mut previous_end: Option<usize> = None;
    for f in found.iter_mut() {
        let Who::Lex(e) = f.who else {
            previous_end = None;
            continue;
        };
        let info = &rec.compiled.entries[e as usize];
        let capital = f.kind == MentionKind::Name && info.is_capital;
        let Some(state) = info.country.filter(|_| capital) else {
            // A state or a far capital already standing for one continues
            // the list (بين باماكو وموسكو وأنقرة).
            previous_end = previous_end
                .filter(|_| info.is_state || f.kind == MentionKind::Metonym)
                .map(|_| f.end);
            continue;
        };
        let words = |from: usize, to: usize| -> Vec<&str> {
            key[from..to]
                .split([' ', '،', ','])
                .filter(|w| !w.is_empty())
                .collect()
        };
        // Coordinated after a converted party: only و or a comma between.
        let coordinated = previous_end.is_some_and(|end| {
            end <= f.word_start && {
                let gap = words(end, f.word_start);
                gap.is_empty() || gap.iter().all(|w| cfg.g.affixes.wa.contains(w))
            }
        });
        // «بين» right before, and a relation noun (past one adjective)
        // before it.
        let between = prev_word(key, f.word_start).is_some_and(|(s, e2)| {
            cfg.g.clauses.between.contains(&key[s..e2])
                && [
                    prev_word(key, s),
                    prev_word(key, s).and_then(|(s2, _)| prev_word(key, s2)),
                ]
                .into_iter()
                .flatten()
                .any(|(a, b)| rec.in_set(&cfg.capital_between_nouns, &key[a..b]))
        });
        // «مع» right before, and a relation noun (with its suffixes, past
        // up to two adjectives) within three words before it: the partner
        // of a relation (قطعت باماكو علاقاتها مع كييف، اتفاق التعاون الدفاعي
        // مع باريس). A border with a city (الحدود مع الجزائر) is no relation.
        let partner = prev_word(key, f.word_start).is_some_and(|(s, e2)| {
            cfg.g.clauses.comitative.contains(&key[s..e2])
                && std::iter::successors(prev_word(key, s), |&(a, _)| prev_word(key, a))
                    .take(3)
                    .any(|(a, b)| cfg.g.noun_of(&cfg.capital_partner_nouns, &key[a..b]))
        });
        if !(between || coordinated || partner) {
            previous_end = None;
            continue;
        }
        let government = rec
            .compiled
            .by_country
            .get(&(state, cfg.capital_class.clone()))
            .copied()
            .unwrap_or(state);
        f.who = Who::Lex(government);
        f.kind = MentionKind::Metonym;
        previous_end = Some(f.end);
    }
}

/// A generic name of a government (المجلس العسكري "the military council"),
/// which the lexicon files under one junta, names the government of the
/// state it is placed in (المجلس العسكري الحاكم في نيامي), else of the state
/// the article has named most so far (its lede counting double).
pub(crate) fn generic_governments(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    if rec.cfg.generic_governments.is_empty() {
        return;
    }
    let key = st.key();
    let class = rec.cfg.capital_class.clone();
    let state_of = |who: Who| match who {
        Who::Lex(e) => {
            let info = &rec.compiled.entries[e as usize];
            if info.is_state { Some(e) } else { info.country }
        }
        Who::Disc(_) => None,
    };
    let mut counts: std::collections::HashMap<u32, (usize, usize)> = Default::default();
    for i in 0..found.len() {
        let f = found[i];
        // After لل the span starts at the article's lam (للمجلس → لمجلس).
        let raw = &key[f.start..f.end];
        let form = match rec.cfg.g.affixes.lam.strip_prefix(raw) {
            Some(rest) if !raw.starts_with(rec.cfg.article.as_str()) => {
                format!("{}{rest}", rec.cfg.article)
            }
            _ => raw.to_string(),
        };
        let form = form.as_str();
        let generic = matches!(f.who, Who::Lex(e) if rec.compiled.entries[e as usize].class == class)
            && rec.cfg.generic_governments.contains(form);
        if generic {
            // Placed: في + a place or state right after it (past one word
            // such as الحاكم).
            let placed = found.get(i + 1).and_then(|n| {
                let gap = &key[f.end..n.word_start];
                let words: Vec<&str> = gap.split(' ').filter(|w| !w.is_empty()).collect();
                let fi = &rec.cfg.g.clauses.fi;
                let ok = (words.len() == 1 && fi.contains(words[0]))
                    || (words.len() == 2 && fi.contains(words[1]));
                if ok { state_of(n.who) } else { None }
            });
            // Led: «المجلس العسكري بقيادة الجنرال تياني» is Tiani's state's.
            let led = found.get(i + 1).and_then(|n| {
                let gap = &key[f.end..n.word_start];
                let words: Vec<&str> = gap.split(' ').filter(|w| !w.is_empty()).collect();
                let cue = words.len() <= 2
                    && words
                        .first()
                        .is_some_and(|w| rec.cfg.generic_led_by.contains(*w));
                match n.who {
                    Who::Lex(p) if cue => rec.compiled.entries[p as usize].country,
                    _ => None,
                }
            });
            // The last state named before it in its sentence.
            let in_sentence = found[..i]
                .iter()
                .rev()
                .take_while(|p| !st.breaks.between(p.end, f.start))
                .find_map(|p| match p.who {
                    Who::Lex(e) if rec.compiled.entries[e as usize].is_state => Some(e),
                    _ => None,
                });
            // Unplaced, it moves only when the article is clearly about
            // another state than the lexicon's (twice as many mentions).
            let own = state_of(f.who)
                .and_then(|s| counts.get(&s))
                .map_or(0, |c| c.0);
            let state = placed.or(led).or(in_sentence).or_else(|| {
                counts
                    .iter()
                    .max_by_key(|(_, (n, last))| (*n, *last))
                    .filter(|(_, (n, _))| *n > 2 * own)
                    .map(|(s, _)| *s)
            });
            // Only to a government that bears the form's qualifier (عسكري of
            // المجلس العسكري): a junta, not any state's cabinet.
            let qualifiers: Vec<&str> = form
                .split(' ')
                .skip(1)
                .map(|w| rec.strip_article(w))
                .collect();
            if let Some(&g) = state.and_then(|s| rec.compiled.by_country.get(&(s, class.clone())))
                && qualifiers
                    .iter()
                    .any(|q| rec.compiled.entries[g as usize].name_words.contains(*q))
            {
                found[i].who = Who::Lex(g);
            }
        }
        if let Some((s, weight)) = about(rec, st, &f) {
            let c = counts.entry(s).or_insert((0, 0));
            c.0 += weight;
            c.1 = f.start;
        }
    }
}

/// «العاصمة المالية»: a nationality adjective right after the noun for a
/// capital names that state's capital (`ag:capital`), not the state.
pub(crate) fn capitals_by_adjective(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    if rec.cfg.capital_nouns.is_empty() {
        return;
    }
    let key = st.key();
    for f in found.iter_mut() {
        let Who::Lex(e) = f.who else { continue };
        let info = &rec.compiled.entries[e as usize];
        let Some(capital) = info.capital.filter(|_| info.is_state) else {
            continue;
        };
        if f.kind != MentionKind::Adjective {
            continue;
        }
        let after_noun = prev_word(key, f.word_start)
            .is_some_and(|(s, e)| rec.in_set(&rec.cfg.capital_nouns, &key[s..e]));
        if after_noun {
            f.who = Who::Lex(capital);
            f.kind = MentionKind::Name;
        }
    }
}

/// Troops named by a nationality adjective (القوات النيجرية، 47 جنديا ماليا،
/// القوات الخاصة المالية، and the second of القوات السنغالية والمالية) are
/// the army of their state when that state is the one the article is about
/// so far and the lexicon has a national army for it. Foreign troops stay
/// their state: the guidelines read القوات الفرنسية as France. The mention
/// keeps its span and kind; only whom it names changes.
pub(crate) fn forces(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    let cfg = &rec.cfg;
    if cfg.force_nouns.is_empty() || cfg.force_class.is_empty() {
        return;
    }
    let key = st.key();
    let mut counts: std::collections::HashMap<u32, (usize, usize)> = Default::default();
    // Whether the previous mention was a troops adjective, and where it ended.
    let mut last_troops: Option<usize> = None;
    for slot in found.iter_mut() {
        let f = *slot;
        let this = about(rec, st, &f);
        if let Some((s, weight)) = this {
            let c = counts.entry(s).or_insert((0, 0));
            c.0 += weight;
            c.1 = f.start;
        }
        let Who::Lex(e) = f.who else {
            last_troops = None;
            continue;
        };
        if f.kind != MentionKind::Adjective || !rec.compiled.entries[e as usize].is_state {
            last_troops = None;
            continue;
        }
        // Back over modifiers (الخاصة، المسلحة) to a troops noun, or to the
        // adjective before it in a coordination (السنغالية والمالية).
        let mut pos = f.word_start;
        let mut troops = false;
        while let Some((s, e)) = prev_word(key, pos) {
            let w = &key[s..e];
            if rec.in_set(&cfg.force_nouns, w) {
                troops = true;
                break;
            }
            if !rec.in_set(&cfg.force_modifiers, w) {
                break;
            }
            pos = s;
        }
        if !troops
            && let Some(end) = last_troops
            && coordinated(
                rec,
                key,
                end,
                f.word_start,
                rec.cfg.g.affixes.wa.starts(&key[f.word_start..f.start]),
            )
        {
            troops = true;
        }
        last_troops = troops.then_some(f.end);
        if !troops {
            continue;
        }
        // The article's own state: named before this mention, and strictly
        // more than any other («انسحبت القوات الفرنسية من النيجر» alone says
        // nothing of whose article it is).
        let this_weight = this.filter(|(s, _)| *s == e).map_or(0, |(_, w)| w);
        let own = counts.get(&e).map_or(0, |c| c.0) - this_weight;
        if own == 0 || counts.iter().any(|(s, c)| *s != e && c.0 >= own) {
            continue;
        }
        if let Some(a) = national_army(rec, e) {
            slot.who = Who::Lex(a);
        }
    }
}

/// The lexicon's national army of state `e`: an actor of the force class
/// whose ag:country is `e` and whose name holds the force head (جيش).
fn national_army(rec: &Recognizer, e: u32) -> Option<u32> {
    let cfg = &rec.cfg;
    let army = rec.compiled.entries.iter().position(|x| {
        x.class == cfg.force_class && x.country == Some(e) && x.name_words.contains(&cfg.force_head)
    })?;
    u32::try_from(army).ok()
}

/// «جيوش مالي وبوركينا فاسو والنيجر»، «جيشي البلدين»، «الجيشين النيجيري
/// والنيجري»: a state right after an army noun (`army_nouns`), and the
/// states coordinated with it or sharing its span (a reference to several),
/// are each that state's army when the lexicon has one. After the
/// references, which make «البلدين» the two states.
pub(crate) fn armies_of_states(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    let cfg = &rec.cfg;
    if cfg.army_nouns.is_empty() || cfg.force_class.is_empty() {
        return;
    }
    let key = st.key();
    // The span of the last state made an army.
    let mut run: Option<(usize, usize)> = None;
    for slot in found.iter_mut() {
        let f = *slot;
        let Who::Lex(e) = f.who else {
            run = None;
            continue;
        };
        if !rec.compiled.entries[e as usize].is_state {
            run = None;
            continue;
        }
        let twin = run == Some((f.start, f.end));
        let after_noun = f.word_start == f.start
            && prev_word(key, f.word_start).is_some_and(|(s, e)| {
                rec.in_set(&cfg.army_nouns, &key[s..e])
                    && !prev_word(key, s)
                        .is_some_and(|(ps, pe)| rec.in_set(&cfg.army_not_after, &key[ps..pe]))
            });
        let next = run.is_some_and(|(_, end)| {
            coordinated(
                rec,
                key,
                end,
                f.word_start,
                rec.cfg.g.affixes.wa.starts(&key[f.word_start..f.start]),
            )
        });
        if !(twin || after_noun || next) {
            run = None;
            continue;
        }
        if let Some(a) = national_army(rec, e) {
            slot.who = Who::Lex(a);
        }
        run = Some((f.start, f.end));
    }
}

/// What a mention says about which state an article is about, and how
/// much: a state's name or nationality adjective, or a city of that state
/// (نيامي → Niger), counting double in the first sentence (title and lede).
/// A capital standing for its state (موسكو) says nothing: titles like «من
/// باريس وواشنطن إلى موسكو» name the places a story moves between.
pub(crate) fn about(rec: &Recognizer, st: &DocState<'_>, f: &Found) -> Option<(u32, usize)> {
    let Who::Lex(e) = f.who else { return None };
    let info = &rec.compiled.entries[e as usize];
    let state = match f.kind {
        // (A capital acting as its government, أنهت نجامينا …, is about
        // its state; one standing for the state itself says nothing.)
        MentionKind::Metonym if !info.is_state => info.country?,
        MentionKind::Metonym | MentionKind::Reference => return None,
        _ if info.is_state => e,
        _ if info.is_place => info.country?,
        _ => return None,
    };
    let weight = if st.breaks.before(f.start) { 1 } else { 2 };
    Some((state, weight))
}

/// A nationality adjective written for two states (النيجيري: Nigeria, and
/// Niger in much of the press) is decided by the article: when it names
/// the other state (or its cities) by name and never the lexicon's state,
/// the adjective, and a force named with it (الجيش النيجيري), are the other
/// state's. «الجنرال النيجيري» in an article about Niamey is Nigerien.
pub(crate) fn shared_nisba(rec: &Recognizer, st: &DocState<'_>, found: &mut [Found]) {
    let key = st.key();
    for rule in &rec.cfg.shared_nisba {
        let by_label = |l: &str| {
            rec.compiled
                .entries
                .iter()
                .position(|e| e.is_state && e.label == l)
                .and_then(|i| u32::try_from(i).ok())
        };
        let (Some(own), Some(other)) = (by_label(&rule.lexicon_state), by_label(&rule.also)) else {
            continue;
        };
        // Names of each state: the state itself or a place of it, by name.
        let named = |state: u32| {
            found
                .iter()
                .filter(|f| f.kind == MentionKind::Name)
                .filter(|f| match f.who {
                    Who::Lex(e) => {
                        e == state || rec.compiled.entries[e as usize].country == Some(state)
                    }
                    Who::Disc(_) => false,
                })
                .count()
        };
        if named(own) > 0 || named(other) == 0 {
            continue;
        }
        for f in found.iter_mut() {
            let Who::Lex(e) = f.who else { continue };
            if !key[f.start..f.end].contains(rule.form.as_str()) {
                continue;
            }
            if e == own {
                f.who = Who::Lex(other);
            } else if rec.compiled.entries[e as usize].country == Some(own) {
                let class = rec.compiled.entries[e as usize].class.clone();
                if let Some(&x) = rec.compiled.by_country.get(&(other, class)) {
                    f.who = Who::Lex(x);
                }
            }
        }
    }
}
