//! Grammatical agreement: the gender and number of actors and verbs, and
//! the pronouns (object, possessive, resumptive) that refer back to them.

use super::*;

/// Grammatical gender and number, as far as agreement needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Masc,
    Fem,
    Plural,
    Unknown,
}

pub(super) fn agrees(verb: Gender, actor: Gender) -> bool {
    match (verb, actor) {
        (Gender::Unknown, _) | (_, Gender::Unknown) | (Gender::Plural, _) => true,
        // Non-human plurals take feminine singular agreement (القوات شنّت).
        (Gender::Fem, Gender::Plural) => true,
        (v, a) => v == a,
    }
}

/// Gender of an actor from the first word of its mention and its class.
pub(super) fn actor_gender(g: &Grammar, key: &str, class: &str, kind: MentionKind) -> Gender {
    if class == "State" {
        return Gender::Fem;
    }
    if class == "Person" {
        return Gender::Masc;
    }
    let first = key.split_whitespace().next().unwrap_or("");
    if first.is_ascii() {
        return Gender::Unknown;
    }
    if g.affixes.feminine_noun.ends(first) {
        Gender::Fem
    } else if kind == MentionKind::Discovered
        && !g.definite(first)
        && g.affixes
            .plural_cases
            .iter()
            .any(|(case, _)| first.ends_with(case.as_str()))
    {
        // An unnamed agent in the sound masculine plural (مسلحون،
        // متمردين) is people: a masculine verb or هم, never ها.
        Gender::Masc
    } else if kind == MentionKind::Adjective && !g.affixes.nisba.ends(first) {
        Gender::Plural
    } else if g.definite(first) {
        // A definite common noun (الجيش، التنظيم، الفيلق) is masculine; a
        // proper name (أنصار الدين) says nothing about agreement.
        Gender::Masc
    } else {
        Gender::Unknown
    }
}

/// Gender and number of a verb from its person prefix and suffix.
pub(super) fn verb_gender(g: &Grammar, prefix: &str, suffix: &str) -> Gender {
    let p = g.affixes.verb_proclitics.trim_start(prefix);
    if g.affixes.verb_plural.starts(suffix) || g.affixes.verb_plural_bare.contains(suffix) {
        return Gender::Plural;
    }
    if g.affixes.feminine_mark.contains(p) {
        Gender::Fem
    } else if g.affixes.masculine_prefix.contains(p) {
        Gender::Masc
    } else if p.is_empty() && g.affixes.feminine_mark.starts(suffix) {
        Gender::Fem
    } else if p.is_empty() && suffix.is_empty() {
        Gender::Masc
    } else {
        Gender::Unknown
    }
}

/// The gender of a verb trigger's hit: Unknown when its ت prefix may be
/// the first letter of another trigger stem of the same pattern (ترأس،
/// تزعم، تولى: «بولا تينوبو ترأس المجموعة» is no feminine رأس).
pub(super) fn hit_gender(g: &Grammar, p: &Pattern, hit: &Hit, key: &str) -> Gender {
    let gender = verb_gender(g, &hit.prefix, &hit.suffix);
    if gender != Gender::Fem {
        return gender;
    }
    let bare = g.affixes.verb_proclitics.trim_start(&hit.prefix);
    if !g.affixes.feminine_mark.contains(bare) {
        return gender;
    }
    let Some(stem) = key
        .strip_prefix(hit.prefix.as_str())
        .and_then(|k| k.strip_suffix(hit.suffix.as_str()))
    else {
        return gender;
    };
    // (Rare: a feminine verb hit; the triggers are folded as they are compared.)
    if p.triggers
        .iter()
        .any(|t| fold(t).strip_prefix(bare) == Some(stem))
    {
        Gender::Unknown
    } else {
        gender
    }
}

/// Whether a verb suffix is an object pronoun (يسيطرون عليها، هاجمها).
pub(super) fn object_pronoun(g: &Grammar, suffix: &str) -> bool {
    // (ت then a pronoun: the feminine verb with its object, استعادتها.)
    g.affixes.object_pronouns.ends(suffix)
        && g.affixes
            .feminine_mark
            .strip_prefix(suffix)
            .is_none_or(|rest| g.affixes.object_pronouns.ends(rest))
}

/// A preposition with a pronoun suffix (عليها، فيه، منها).
pub(super) fn resumptive(g: &Grammar, key: &str) -> bool {
    resumptive_of(g, key, g.clauses.resumptive_preps.as_slice()).is_some()
}

/// The gender of the pronoun suffixes, most specific first.
fn pronoun_genders(g: &Grammar) -> [(&Words, Gender); 3] {
    [
        (&g.affixes.pronoun_plural, Gender::Plural),
        (&g.affixes.pronoun_feminine, Gender::Fem),
        (&g.affixes.pronoun_masculine, Gender::Masc),
    ]
}

/// The gender of the possessive pronoun on a member noun (مقاتليها،
/// عناصره، قواتهم), if the word is one.
pub(super) fn member_pronoun(g: &Grammar, key: &str) -> Option<Gender> {
    let k = g.strip_conj(key);
    pronoun_genders(g)
        .into_iter()
        .find_map(|(suffixes, gender)| {
            suffixes.iter().find_map(|suffix| {
                let stem = k.strip_suffix(suffix)?;
                // The nominative plural (مقاتلوها → مقاتلي) and a feminine noun
                // before a pronoun (بعثتها → بعثه) as the head nouns spell them.
                let respelled = g.affixes.member_stem.iter().filter_map(|(end, citation)| {
                    stem.strip_suffix(end.as_str())
                        .map(|s| format!("{s}{citation}"))
                });
                std::iter::once(stem.to_string())
                    .chain(respelled)
                    .any(|f| g.nouns.heads.contains(&f))
                    .then_some(gender)
            })
        })
}

/// The gender of the pronoun on a preposition the pattern wants for its
/// object (عليها، لها، معه), if the word is one.
pub(super) fn resumptive_of<P: AsRef<str>>(g: &Grammar, key: &str, preps: &[P]) -> Option<Gender> {
    // «فيها» is no ف plus «يها»: try the word as it is first.
    preps
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| !p.is_empty())
        .find_map(|p| {
            let rest = key
                .strip_prefix(p)
                .or_else(|| g.strip_conj(key).strip_prefix(p))?;
            if g.affixes.resumptive_feminine.contains(rest) {
                Some(Gender::Fem)
            } else if g.affixes.resumptive_masculine.contains(rest) {
                Some(Gender::Masc)
            } else if g.affixes.resumptive_plural.contains(rest) {
                Some(Gender::Plural)
            } else {
                None
            }
        })
}

/// The gender a possessive suffix refers to (دعمها → feminine), if the noun has one.
pub(super) fn possessive_gender(g: &Grammar, suffix: &str) -> Option<Gender> {
    if g.affixes.pronoun_plural.ends(suffix) {
        Some(Gender::Plural)
    } else if g.affixes.pronoun_feminine.ends(suffix) {
        Some(Gender::Fem)
    } else if g.affixes.possessive_masculine.contains(suffix) {
        Some(Gender::Masc)
    } else {
        None
    }
}

/// Whether a word of the relative clause from `from` to the clause's end
/// carries a pronoun agreeing with the antecedent's `gender` (مالي التي
/// تحاصر الجماعة عاصمتها): the antecedent is then not the relative's
/// subject. Read on the words as written: a taa marbuta (منطقة) is no ه.
pub(super) fn resumptive_in_clause(ctx: &Ctx<'_>, from: usize, gender: Gender) -> bool {
    const REACH: usize = 8;
    let g = ctx.g;
    let suffixes = match gender {
        Gender::Fem => &g.affixes.resumptive_feminine,
        Gender::Masc => &g.affixes.resumptive_masculine,
        Gender::Plural => &g.affixes.resumptive_plural,
        _ => return false,
    };
    let Some(clause) = ctx.clause.get(from) else {
        return false;
    };
    (from..ctx.tokens.len().min(from + REACH))
        .take_while(|&j| ctx.clause[j] == *clause && !is_comma(&ctx.tokens[j].key))
        .any(|j| {
            let t = &ctx.tokens[j];
            let written = t.span.of(ctx.text);
            ctx.arg_at[j].is_none()
                && t.kind == TokKind::Arabic
                && t.key.chars().count() >= 4
                && suffixes.iter().any(|s| written.ends_with(s))
        })
}
