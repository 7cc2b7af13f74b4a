//! Verbs around a trigger that change who its arguments are: light verbs
//! carrying a verbal noun, copulas, patient and control verbs, dropped subjects.

use super::*;

/// Whether a patient verb (تعرضت، خضعت) stands within four words before
/// `pos` in its clause, and the noun at `pos` carries لـ.
pub(super) fn patient_before(ctx: &Ctx<'_>, pos: usize) -> bool {
    let g = ctx.g;
    let carries_l = g.affixes.lam.starts(g.strip_conj(&ctx.tokens[pos].key));
    // Five words back, an aside of time not counted (تعرض موقع للجيش، ليل
    // السبت، لهجوم).
    let clause_start = ctx.clause_start[ctx.clause[pos]];
    let mut start = pos;
    let mut words = 0;
    while start > clause_start && words < 5 {
        start -= 1;
        let t = &ctx.tokens[start];
        let timed = ctx.in_date[start]
            || ctx.g.dates.times_of_day.contains(&t.key)
            || ctx.dates.iter().any(|d| d.first == start);
        if !t.key.is_empty() && !timed && t.kind != TokKind::Punct {
            words += 1;
        }
    }
    carries_l
        && (start..pos).any(|j| {
            let k = g.strip_conj(&ctx.tokens[j].key);
            g.verbs.patient.iter().any(|v| {
                k == v
                    || g.affixes.feminine_mark.strip_suffix(k) == Some(v)
                    || k.strip_suffix(g.affixes.verb_plural.first()) == Some(v)
            })
        })
}

/// A light verb with an object pronoun (ـه، ـها) right after the noun ending
/// at `pos`, optionally after a relative pronoun: its subject is the agent
/// of the event the noun names.
pub(super) fn relative_light_verb(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let relative = |j: usize| {
        ctx.tokens
            .get(j)
            .is_some_and(|t| g.clauses.relatives.contains(t.key.as_str()))
    };
    // (Past the noun's definite adjectives before a relative pronoun:
    // العمليات العسكرية التي ينفذها الجيش.)
    let mut adjectives = pos;
    while adjectives < pos + 2
        && !relative(adjectives)
        && ctx.tokens.get(adjectives).is_some_and(|t| {
            t.kind == TokKind::Arabic && ctx.arg_at[adjectives].is_none() && g.definite(&t.key)
        })
    {
        adjectives += 1;
    }
    let mut j = if adjectives > pos && relative(adjectives) {
        adjectives
    } else {
        pos
    };
    if relative(j) {
        j += 1;
    }
    let key = ctx.tokens.get(j)?.key.as_str();
    let is_light = |b: &str| g.verbs.light.contains(b) || g.verbs.event.contains(b);
    // Perfect (فرضته) or imperfect (تفرضه، يفرضها) of a light verb, with or
    // without و/ف (whose ف may also be the verb's first letter).
    let light = [key, g.strip_conj(key)].iter().any(|k| {
        g.affixes
            .light_verb_objects
            .iter()
            .filter_map(|s| k.strip_suffix(s))
            .filter(|b| b.chars().count() >= 2)
            .any(|body| {
                is_light(body)
                    || g.affixes
                        .imperfect
                        .iter()
                        .filter_map(|p| body.strip_prefix(p))
                        .any(|b| b.chars().count() >= 2 && is_light(b))
            })
    });
    light.then_some(j)
}

/// The author a relative attribution verb after the event noun ending at
/// `pos` names (في هجوم نسبته السلطات إلى الجماعة، في عملية نسبتها
/// نواكشوط حينها إلى الجيش): the actor behind an attribution preposition
/// (إلى، لـ) within six words of the verb, past its own subject, in its
/// clause. The verb carries the pronoun of the event (نسبته، نسبتها).
pub(super) fn relative_attributed_agent(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let mut v = pos;
    if ctx
        .tokens
        .get(v)
        .is_some_and(|t| g.clauses.relatives.contains(t.key.as_str()))
    {
        v += 1;
    }
    let key = ctx.tokens.get(v)?.key.as_str();
    if ctx.arg_at[v].is_some() {
        return None;
    }
    attribution_with_pronoun(g, key)?;
    let end = ctx.tokens.len().min(v + 7);
    let mut j = v + 1;
    while j < end && same_clause(ctx, v, j) {
        if let Some(a) = ctx.arg_at[j] {
            if g.clauses.attribution_preps.contains(prep_of(ctx, a)) {
                return Some(a);
            }
            j = ctx.args[a].end;
            continue;
        }
        j += 1;
    }
    None
}

/// The stem of an attribution verb (`verbs.attribution`) carrying the
/// object pronoun of the event it attributes (نسبته، نسبتها → نسبت).
pub(super) fn attribution_with_pronoun<'k>(g: &Grammar, key: &'k str) -> Option<&'k str> {
    g.affixes
        .object_pronouns
        .iter()
        .find_map(|p| key.strip_suffix(p).filter(|r| r.chars().count() >= 3))
        .filter(|r| is_verb_of(g, &g.verbs.attribution, r))
}

/// A verb key without the future سـ, when what is left has `min` letters.
fn without_future<'k>(g: &Grammar, k: &'k str, min: usize) -> &'k str {
    g.affixes
        .future
        .strip_prefix(k)
        .filter(|r| r.chars().count() >= min)
        .unwrap_or(k)
}

/// The token of the light verb right before the noun at `pos` (past أي or a
/// noun of number: سلسلة، موجة), see [`light_verb_before`].
pub(super) fn light_verb_at(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    light_verb_before(ctx, pos)?;
    let j = pos.checked_sub(1)?;
    Some(if between_light_verb_and_noun(ctx.g, &ctx.tokens[j].key) {
        j.checked_sub(1)?
    } else {
        j
    })
}

/// «أي» (شنت أي هجوم) or a noun of number (شنت سلسلة غارات، موجة هجمات).
fn between_light_verb_and_noun(g: &Grammar, key: &str) -> bool {
    g.clauses.any.contains(key) || g.clauses.series.contains(key)
}

/// The gender of a light verb right before `pos` (past «أي» or a noun of
/// number), if there is one.
pub(super) fn light_verb_before(ctx: &Ctx<'_>, pos: usize) -> Option<Gender> {
    let g = ctx.g;
    let mut j = pos.checked_sub(1)?;
    if between_light_verb_and_noun(g, &ctx.tokens[j].key) {
        j = j.checked_sub(1)?;
    }
    let k = without_future(g, g.strip_conj(&ctx.tokens[j].key), 3);
    let fem = &g.affixes.feminine_mark;
    for stem in g.verbs.light.iter() {
        if k == stem {
            return Some(Gender::Masc);
        }
        if fem.strip_suffix(k) == Some(stem) || fem.strip_prefix(k) == Some(stem) {
            return Some(Gender::Fem);
        }
        if g.affixes.masculine_prefix.strip_prefix(k) == Some(stem) {
            return Some(Gender::Masc);
        }
        if g.affixes
            .verb_plural
            .iter()
            .take(2)
            .find_map(|s| k.strip_suffix(s))
            == Some(stem)
        {
            return Some(Gender::Plural);
        }
    }
    None
}

/// Whether a verb without a subject in its clause has dropped it (and so
/// takes the topic): it opens its clause, or follows a comma or a particle,
/// and, for a verb without a direct object, no common noun stands right
/// after it as its subject (يمتد الصراع).
pub(super) fn subject_dropped(ctx: &Ctx<'_>, hit: &Hit, transitive: bool) -> bool {
    let g = ctx.g;
    let start = ctx.clause_start[ctx.clause[hit.first]];
    // «هاجموا القافلة وقتلوا …»: a verb joined by و/ف opens a clause of its own.
    let conjoined = g.affixes.conjunctions.starts(&hit.prefix) && hit.first > start;
    let opens = conjoined
        || hit.first <= start + 1
        || ctx.tokens.get(hit.first - 1).is_some_and(|t| {
            is_comma(&t.key) || g.clauses.subject_dropping.contains(g.strip_conj(&t.key))
        });
    // Only a verb without a direct object: after استعاد the definite noun
    // (السيطرة) is the object.
    let common_subject = !transitive
        && ctx.tokens.get(hit.end).is_some_and(|t| {
            ctx.arg_at[hit.end].is_none()
                && t.kind == TokKind::Arabic
                && (g.definite(&t.key) || g.clauses.demonstratives.contains(&t.key))
        });
    opens && !common_subject
}

/// «سبق للجيش المالي أن قصف البلدة»: the actor behind لـ right after a verb
/// of `lam_experiencer`, itself right before the plain أن that opens the
/// verb at `pos`, is that verb's subject.
pub(super) fn lam_experiencer(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let an = pos.checked_sub(1)?;
    if !g.clauses.an.contains(&ctx.tokens[an].key) {
        return None;
    }
    let a = ctx.arg_at[an.checked_sub(1)?]?;
    if ctx.args[a].end != an || !g.affixes.lam.contains(prep_of(ctx, a)) {
        return None;
    }
    let v = ctx.args[a].first.checked_sub(1)?;
    let k = g.strip_conj(&ctx.tokens[v].key);
    // (أن opens a clause of its own: the three are adjacent instead.)
    g.verbs.lam_experiencer.contains(k).then_some(a)
}

/// «كان يعتمد على تجنيد الطوارق»: a verbal noun that completes a verb with a
/// dropped subject (within three words, no actor between) shares that
/// subject. Returns the verb's gender when it has dropped its subject.
pub(super) fn control_verb_before(ctx: &Ctx<'_>, pos: usize) -> Option<Gender> {
    let g = ctx.g;
    let start = ctx.clause_start[ctx.clause[pos]];
    let from = pos.saturating_sub(3).max(start);
    (from..pos).rev().find_map(|j| {
        if ctx.arg_at[j].is_some() {
            return None;
        }
        let k = without_future(g, g.strip_conj(&ctx.tokens[j].key), 4);
        let imperfect = k.chars().count() >= 4 && !g.definite(k) && g.affixes.imperfect.starts(k);
        if !imperfect || ctx.tokens[j].kind != TokKind::Arabic {
            return None;
        }
        let opens = j <= start + 2
            || g.clauses.kana.contains(&ctx.tokens[j - 1].key)
            || g.clauses
                .emphasis
                .contains(g.strip_conj(&ctx.tokens[j - 1].key));
        let nothing_between = (j + 1..pos).all(|m| ctx.arg_at[m].is_none());
        (opens && nothing_between).then(|| {
            if g.affixes.feminine_mark.starts(k) {
                Gender::Fem
            } else {
                Gender::Masc
            }
        })
    })
}

/// A verbal noun at `hit` that completes a verb of asking (أمرت واشنطن
/// موظفي سفارتها بمغادرة مالي، دعت باماكو القوات الروسية إلى مغادرة
/// البلاد): the asker, the party asked when an actor is named as such, and
/// whether the party is the asker's own people (a noun between them with a
/// possessive pronoun: رعاياها، موظفي سفارتيهما).
pub(super) struct Asked {
    /// The verb of asking.
    pub(super) verb: usize,
    pub(super) asker: Vec<usize>,
    pub(super) party: Option<usize>,
    pub(super) own_people: bool,
}

/// How far back from the verbal noun the verb of asking may stand.
const ASKED_REACH: usize = 14;

pub(super) fn asked_complement(ctx: &Ctx<'_>, hit: &Hit) -> Option<Asked> {
    let g = ctx.g;
    // The preposition: glued (بمغادرة، لمغادرة) or before it (إلى، على).
    let glued = g.verbs.request_preps.contains(g.strip_conj(&hit.prefix));
    let before = if glued {
        hit.first
    } else {
        let p = hit.first.checked_sub(1)?;
        if !hit.prefix.is_empty()
            || !g
                .verbs
                .request_preps
                .contains(g.strip_conj(&ctx.tokens[p].key))
        {
            return None;
        }
        p
    };
    let start = ctx.clause_start[ctx.clause[hit.first]];
    let verb = (start.max(before.saturating_sub(ASKED_REACH))..before)
        .rev()
        .find(|&j| ctx.arg_at[j].is_none() && is_verb_of(g, &g.verbs.asking, &ctx.tokens[j].key))?;
    // The asker: right after the verb (أمرت واشنطن …), else before it.
    // (Or the members singled out of a common noun there: دعت دول غربية،
    // بما فيها فرنسا وألمانيا، رعاياها إلى …)
    let after = direct_after(ctx, verb + 1, 1)
        .or_else(|| elaborated(ctx, verb + 1, 3))
        .filter(|&a| ctx.args[a].end <= before);
    let (asker, from) = match after {
        Some(a) => {
            let list = conjuncts_forward(ctx, a);
            let end = list
                .iter()
                .map(|&x| ctx.args[x].end)
                .max()
                .unwrap_or(verb + 1);
            (list, end)
        }
        None => (
            subject_before(ctx, verb, 3)
                .map(|b| conjuncts_backward(ctx, b))
                .unwrap_or_default(),
            verb + 1,
        ),
    };
    let party = (from..before).find_map(|j| ctx.arg_at[j]);
    let own_people = party.is_none() && (from..before).any(|j| own_people_at(ctx, j));
    Some(Asked {
        verb,
        asker,
        party,
        own_people,
    })
}

/// Whether token `j` names someone's own people: a noun (no actor) with a
/// possessive pronoun of `affixes.own-people` (رعاياها، موظفيهما).
pub(super) fn own_people_at(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.tokens.get(j).is_some_and(|t| {
        ctx.arg_at[j].is_none()
            && t.kind == TokKind::Arabic
            && t.key.chars().count() >= 5
            && ctx.g.affixes.own_people.ends(&t.key)
    })
}
