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
pub(super) fn actor_gender(key: &str, class: &str, kind: MentionKind) -> Gender {
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
    if first.ends_with('ه') || first.ends_with("ات") {
        Gender::Fem
    } else if kind == MentionKind::Adjective && !first.ends_with('ي') {
        Gender::Plural
    } else if first.starts_with("ال") {
        // A definite common noun (الجيش، التنظيم، الفيلق) is masculine; a
        // proper name (أنصار الدين) says nothing about agreement.
        Gender::Masc
    } else {
        Gender::Unknown
    }
}

/// Gender and number of a verb from its person prefix and suffix.
pub(super) fn verb_gender(prefix: &str, suffix: &str) -> Gender {
    let p = prefix.trim_start_matches(['و', 'ف', 'س']);
    if suffix.starts_with("وا")
        || suffix.starts_with("ون")
        || suffix == "و"
        || suffix.starts_with("ان")
    {
        return Gender::Plural;
    }
    match p {
        "ت" => Gender::Fem,
        "ي" => Gender::Masc,
        "" if suffix.starts_with('ت') => Gender::Fem,
        "" if suffix.is_empty() => Gender::Masc,
        _ => Gender::Unknown,
    }
}

/// Whether a verb suffix is an object pronoun (يسيطرون عليها، هاجمها).
pub(super) fn object_pronoun(suffix: &str) -> bool {
    ["ه", "ها", "هم", "هما"].iter().any(|p| suffix.ends_with(p)) && !suffix.starts_with('ت')
}

/// A preposition with a pronoun suffix (عليها، فيه، منها).
pub(super) fn resumptive(key: &str) -> bool {
    pub(super) const PREPS: &[&str] = &["علي", "في", "من", "ل", "الي", "ب", "عن", "مع"];
    resumptive_of(key, PREPS).is_some()
}

/// The gender of the possessive pronoun on a member noun (مقاتليها،
/// عناصره، قواتهم), if the word is one.
pub(super) fn member_pronoun(key: &str) -> Option<Gender> {
    let k = strip_conj(key);
    let suffixes = [
        ("هما", Gender::Plural),
        ("هم", Gender::Plural),
        ("ها", Gender::Fem),
        ("ه", Gender::Masc),
    ];
    suffixes.into_iter().find_map(|(suffix, gender)| {
        let stem = k.strip_suffix(suffix)?;
        // The nominative plural (مقاتلوها → مقاتلي) and a feminine noun
        // before a pronoun (بعثتها → بعثه) as HEAD_NOUNS spells them.
        let forms = [
            Some(stem.to_string()),
            stem.strip_suffix('و').map(|s| format!("{s}ي")),
            stem.strip_suffix('ت').map(|s| format!("{s}ه")),
        ];
        forms
            .into_iter()
            .flatten()
            .any(|f| HEAD_NOUNS.contains(&f.as_str()))
            .then_some(gender)
    })
}

/// The gender of the pronoun on a preposition the pattern wants for its
/// object (عليها، لها، معه), if the word is one.
pub(super) fn resumptive_of<P: AsRef<str>>(key: &str, preps: &[P]) -> Option<Gender> {
    // «فيها» is no ف plus «يها»: try the word as it is first.
    preps
        .iter()
        .map(AsRef::as_ref)
        .filter(|p| !p.is_empty())
        .find_map(|p| {
            let rest = key
                .strip_prefix(p)
                .or_else(|| strip_conj(key).strip_prefix(p))?;
            match rest {
                "ها" | "يها" => Some(Gender::Fem),
                "ه" | "يه" => Some(Gender::Masc),
                "هم" | "يهم" | "هما" | "يهما" => Some(Gender::Plural),
                _ => None,
            }
        })
}

/// The gender a possessive suffix refers to (دعمها → feminine), if the noun has one.
pub(super) fn possessive_gender(suffix: &str) -> Option<Gender> {
    if suffix.ends_with("هم") || suffix.ends_with("هما") {
        Some(Gender::Plural)
    } else if suffix.ends_with("ها") {
        Some(Gender::Fem)
    } else if suffix == "ته" || suffix == "اته" {
        Some(Gender::Masc)
    } else {
        None
    }
}
