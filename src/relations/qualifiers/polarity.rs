//! Polarity: whether a negator governs a trigger. A negator counts only when
//! it stands right before the trigger, or before a light verb or the subject
//! that leads to it (لم تشنّ الجماعة هجومًا), or when a negated verb of
//! saying or believing opens the clause that holds it (نفى أن، لا يُعتقد أن).
//! «لا تقتصر … على الصراع» is not a negated conflict: the negator governs
//! تقتصر, which is neither the trigger nor a light verb.

use super::TokenMarks;
use super::cues::{Cues, has};
use crate::grammar::Grammar;
use crate::model::Polarity;
use crate::text::tokens::Token;

// The cue lists (negators, negating verbs, light verbs) are data:
// `ontology/lang/ar/patterns/qualifiers.toml`, read into [`Cues`].

fn light_verb(g: &Grammar, cues: &Cues, key: &str) -> bool {
    let k = g.strip_conj(key);
    let without_fem = g.affixes.feminine_mark.strip_suffix(k);
    has(&cues.negated_light_verbs, k)
        || without_fem.is_some_and(|w| has(&cues.negated_light_verbs, w))
}

fn negating_verb(g: &Grammar, cues: &Cues, key: &str) -> bool {
    has(&cues.negating_verbs, g.strip_conj(key))
}

/// The polarity of a trigger at tokens `first..` of a sentence whose current
/// clause starts at `clause_start`. `is_arg(i)` tells whether token `i`
/// belongs to an actor mention. `marks` keeps what is learnt of each token
/// for the other triggers of the sentence.
pub(crate) fn polarity(
    g: &Grammar,
    cues: &Cues,
    marks: &TokenMarks,
    tokens: &[Token],
    first: usize,
    clause_start: usize,
    is_arg: &dyn Fn(usize) -> bool,
) -> Polarity {
    // Walk back over mentions and light verbs to the nearest other word.
    let mut j = first;
    let mut steps = 0;
    while j > clause_start && steps < 6 {
        j -= 1;
        // A mention of several words counts as one step.
        if !is_arg(j) {
            steps += 1;
        }
        let key = tokens[j].key.as_str();
        if has(&cues.negators, g.strip_conj(key)) || negating_verb(g, cues, key) {
            return Polarity::Neg;
        }
        // عن / في / من after عجز / فشل / امتنع: step over the preposition.
        let prep = g.polarity.governing_preps.contains(key) && steps == 1;
        // «أي هجوم»: a determiner between the negated verb and its noun.
        let determiner = g.polarity.determiners.contains(key);
        // «إنهاء اتفاق التعاون»، «تعليق جزء من تعاونه»: the head of a
        // construct and its partitive من lead to the noun that governs it.
        let head = g.polarity.construct_heads.contains(g.strip_conj(key))
            || (g.clauses.partitive.contains(key)
                && j > 0
                && g.polarity.construct_heads.contains(&tokens[j - 1].key));
        if prep || determiner || head || is_arg(j) || light_verb(g, cues, key) {
            continue;
        }
        break;
    }
    // A negated verb of saying or believing, or a denial, opening an أن
    // clause before the trigger negates everything in it (نفت الحكومة أن …،
    // لا يعتقد أن …، ليس هناك ما يشير إلى أن …). «غير أن» (however) and
    // «لا شك أن» (no doubt that) are not negations.
    for i in 0..first {
        let opens_negation = marks.negation.get(i, || {
            let k = g.strip_conj(&tokens[i].key);
            let next = tokens.get(i + 1).map_or("", |t| t.key.as_str());
            let negator =
                g.polarity.negators.contains(k) && !g.polarity.not_negated_before.contains(next);
            // «لا يستبعد أن …»: a negated denial affirms (hedged, not negated).
            let negated_denial = negator && negating_verb(g, cues, next);
            let denied_denial = negating_verb(g, cues, k)
                && i > 0
                && g.polarity
                    .negators
                    .contains(g.strip_conj(&tokens[i - 1].key));
            !(negated_denial || denied_denial) && (negator || negating_verb(g, cues, k))
        });
        if opens_negation {
            let opens = tokens[i + 1..first]
                .iter()
                .take(5)
                .any(|t| g.polarity.complementizers.contains(&t.key));
            if opens {
                return Polarity::Neg;
            }
        }
    }
    Polarity::Pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokens::tokenize;

    fn pol(text: &str, trigger: &str, args: &[&str]) -> Polarity {
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = toks
            .iter()
            .position(|t| t.span.of(text) == trigger)
            .expect("trigger in text");
        let is_arg = |i: usize| args.contains(&toks[i].span.of(text));
        let cues = crate::relations::cues::Cues::read(std::path::Path::new(
            "ontology/lang/ar/patterns/qualifiers.toml",
        ))
        .expect("cues load");
        polarity(
            crate::grammar::repository(),
            &cues,
            &super::TokenMarks::new(toks.len()),
            &toks,
            at,
            0,
            &is_arg,
        )
    }

    #[test]
    fn ruling_out_negates_and_not_ruling_out_does_not() {
        let text = "يستبعد الباحث أن تسيطر ولاية الساحل على تيلابيري";
        assert_eq!(pol(text, "تسيطر", &["ولاية", "الساحل"]), Polarity::Neg);
        let text = "ولا يستبعد الباحث أن تسيطر ولاية الساحل على تيلابيري";
        assert_eq!(pol(text, "تسيطر", &["ولاية", "الساحل"]), Polarity::Pos);
    }

    #[test]
    fn a_negator_added_to_the_data_negates() {
        let text = "قلما تدعم روسيا المجلس";
        let toks = tokenize(text, Span::new(0, text.len()));
        let mut cues = crate::relations::cues::Cues::read(std::path::Path::new(
            "ontology/lang/ar/patterns/qualifiers.toml",
        ))
        .expect("cues load");
        let run = |cues: &crate::relations::cues::Cues| {
            polarity(
                crate::grammar::repository(),
                cues,
                &super::TokenMarks::new(toks.len()),
                &toks,
                1,
                0,
                &|_| false,
            )
        };
        assert_eq!(run(&cues), Polarity::Pos);
        let mut negators: Vec<String> = cues.negators.iter().map(str::to_string).collect();
        negators.push("قلما".into());
        cues.negators = negators.into();
        assert_eq!(run(&cues), Polarity::Neg);
    }

    #[test]
    fn negator_before_verb_negates() {
        assert_eq!(pol("لم تدعم روسيا المجلس", "تدعم", &[]), Polarity::Neg);
        assert_eq!(pol("تدعم روسيا المجلس", "تدعم", &[]), Polarity::Pos);
    }

    #[test]
    fn negator_before_light_verb_and_subject_negates_the_noun() {
        assert_eq!(
            pol("لم تشن الجماعة هجوما على المدينة", "هجوما", &["الجماعة"]),
            Polarity::Neg
        );
    }

    #[test]
    fn negator_of_another_verb_does_not_reach_the_trigger() {
        assert_eq!(
            pol(
                "لا تقتصر الجماعة على الصراع مع الحكومة",
                "الصراع",
                &["الجماعة"]
            ),
            Polarity::Pos
        );
    }

    #[test]
    fn denial_and_inability_negate() {
        assert_eq!(
            pol(
                "نفت الحكومة أن تكون روسيا قد دعمت الجماعة",
                "دعمت",
                &["روسيا"]
            ),
            Polarity::Neg
        );
        assert_eq!(
            pol("عجز الجيش عن استعادة المدينة", "استعادة", &["الجيش"]),
            Polarity::Neg
        );
        assert_eq!(
            pol("لا يعتقد أن الجماعة تريد حكم البلاد", "حكم", &["الجماعة"]),
            Polarity::Neg
        );
    }
}
