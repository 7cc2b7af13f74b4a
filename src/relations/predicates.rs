//! Verbs around a trigger that change who its arguments are: light verbs
//! carrying a verbal noun, copulas, patient and control verbs, dropped subjects.

use super::*;

/// Light verbs that carry a verbal noun (شنّ هجومًا، فرض حصارًا), as folded stems.
pub(super) const LIGHT_VERBS: &[&str] = &[
    "شن", "نفذ", "فرض", "قام", "قدم", "اجري", "واصل", "وسع", "كثف", "صعد", "شدد", "اعلن", "بدا",
    "خاض", "خوض",
];

/// Copulas (folded) that make a following accusative noun a predicate.
pub(super) const COPULAS: &[&str] = &[
    "يزال",
    "تزال",
    "زال",
    "كان",
    "كانت",
    "ظل",
    "ظلت",
    "بات",
    "باتت",
    "اصبح",
    "اصبحت",
    "يبقي",
    "تبقي",
    "بقي",
    "بقيت",
    "يظل",
    "تظل",
];

/// Verbs that take an event noun as their object in a relative clause after
/// it (الهجوم الذي تبنته الجماعة): the light verbs and claiming verbs.
pub(super) const EVENT_VERBS: &[&str] = &["تبني", "تبن", "تبنا", "نصب"];

/// Verbs whose subject undergoes the event noun they govern with لـ
/// (تعرض الجيش لهجوم، تخضع المدينة لحصار): that subject is the object.
pub(super) const PATIENT_VERBS: &[&str] = &["تعرض", "خضع", "يخضع", "تخضع", "يتعرض", "تتعرض"];

/// Whether a patient verb (تعرضت، خضعت) stands within four words before
/// `pos` in its clause, and the noun at `pos` carries لـ.
pub(super) fn patient_before(ctx: &Ctx<'_>, pos: usize) -> bool {
    let carries_l = strip_conj(&ctx.tokens[pos].key).starts_with('ل');
    let start = ctx.clause_start[ctx.clause[pos]].max(pos.saturating_sub(5));
    carries_l
        && (start..pos).any(|j| {
            let k = strip_conj(&ctx.tokens[j].key);
            PATIENT_VERBS.iter().any(|v| {
                k == *v || k.strip_suffix('ت') == Some(v) || k.strip_suffix("وا") == Some(v)
            })
        })
}

/// A light verb with an object pronoun (ـه، ـها) right after the noun ending
/// at `pos`, optionally after a relative pronoun: its subject is the agent
/// of the event the noun names.
pub(super) fn relative_light_verb(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let mut j = pos;
    if RELATIVES.contains(&ctx.tokens.get(j)?.key.as_str()) {
        j += 1;
    }
    let key = ctx.tokens.get(j)?.key.as_str();
    let is_light = |b: &str| LIGHT_VERBS.contains(&b) || EVENT_VERBS.contains(&b);
    // Perfect (فرضته) or imperfect (تفرضه، يفرضها) of a light verb, with or
    // without و/ف (whose ف may also be the verb's first letter).
    let light = [key, strip_conj(key)].iter().any(|k| {
        ["تها", "ته", "ها", "ه"]
            .iter()
            .filter_map(|s| k.strip_suffix(*s))
            .filter(|b| b.chars().count() >= 2)
            .any(|body| {
                is_light(body)
                    || ['ي', 'ت']
                        .iter()
                        .filter_map(|p| body.strip_prefix(*p))
                        .any(|b| b.chars().count() >= 2 && is_light(b))
            })
    });
    light.then_some(j)
}

/// The gender of a light verb right before `pos` (past «أي»), if there is one.
pub(super) fn light_verb_before(ctx: &Ctx<'_>, pos: usize) -> Option<Gender> {
    let mut j = pos.checked_sub(1)?;
    if matches!(ctx.tokens[j].key.as_str(), "اي" | "ايه") {
        j = j.checked_sub(1)?;
    }
    let k = strip_conj(&ctx.tokens[j].key);
    let k = k
        .strip_prefix('س')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(k);
    for stem in LIGHT_VERBS {
        if k == *stem {
            return Some(Gender::Masc);
        }
        if k.strip_suffix('ت') == Some(stem) || k.strip_prefix('ت') == Some(stem) {
            return Some(Gender::Fem);
        }
        if k.strip_prefix('ي') == Some(stem) {
            return Some(Gender::Masc);
        }
        if k.strip_suffix("وا").or_else(|| k.strip_suffix("ون")) == Some(stem) {
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
    let start = ctx.clause_start[ctx.clause[hit.first]];
    // «هاجموا القافلة وقتلوا …»: a verb joined by و/ف opens a clause of its own.
    let conjoined = hit.prefix.starts_with(['و', 'ف']) && hit.first > start;
    let opens = conjoined
        || hit.first <= start + 1
        || ctx.tokens.get(hit.first - 1).is_some_and(|t| {
            is_comma(&t.key)
                || matches!(
                    strip_conj(&t.key),
                    "قد" | "لقد" | "ثم" | "لم" | "لن" | "لا" | "كما" | "ما" | "حيث" | "ان"
                )
        });
    // Only a verb without a direct object: after استعاد the definite noun
    // (السيطرة) is the object.
    let common_subject = !transitive
        && ctx.tokens.get(hit.end).is_some_and(|t| {
            ctx.arg_at[hit.end].is_none()
                && t.kind == TokKind::Arabic
                && (t.key.starts_with("ال")
                    || matches!(t.key.as_str(), "هذا" | "هذه" | "هؤلاء" | "ذلك" | "تلك"))
        });
    opens && !common_subject
}

/// «كان يعتمد على تجنيد الطوارق»: a verbal noun that completes a verb with a
/// dropped subject (within three words, no actor between) shares that
/// subject. Returns the verb's gender when it has dropped its subject.
pub(super) fn control_verb_before(ctx: &Ctx<'_>, pos: usize) -> Option<Gender> {
    let start = ctx.clause_start[ctx.clause[pos]];
    let from = pos.saturating_sub(3).max(start);
    (from..pos).rev().find_map(|j| {
        if ctx.arg_at[j].is_some() {
            return None;
        }
        let k = strip_conj(&ctx.tokens[j].key);
        let k = k
            .strip_prefix('س')
            .filter(|r| r.chars().count() >= 4)
            .unwrap_or(k);
        let imperfect = k.chars().count() >= 4
            && !k.starts_with("ال")
            && (k.starts_with('ي') || k.starts_with('ت'));
        if !imperfect || ctx.tokens[j].kind != TokKind::Arabic {
            return None;
        }
        let opens = j <= start + 2
            || ctx.tokens[j - 1].key == "كان"
            || ctx.tokens[j - 1].key == "كانت"
            || matches!(strip_conj(&ctx.tokens[j - 1].key), "قد" | "لقد" | "فقد");
        let nothing_between = (j + 1..pos).all(|m| ctx.arg_at[m].is_none());
        (opens && nothing_between).then(|| {
            if k.starts_with('ت') {
                Gender::Fem
            } else {
                Gender::Masc
            }
        })
    })
}
