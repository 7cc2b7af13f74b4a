//! Modality: whether the sentence states a relation as fact, reports it from
//! a source (أعلنت، زعم، أفادت، وفق، حسب، نقلت، ترددت أنباء) or hedges it
//! (قد + imperfect، ربما، يحتمل، من المرجح، يخشى، تكهنات). Hedging wins over
//! reporting: «أفادت تقارير بأن الجماعة قد تحاول» is still only possible.

use super::TokenMarks;
use super::cues::{Cues, has};
use crate::grammar::Grammar;
use crate::model::{Modality, Span};
use crate::text::tokens::{CLAUSE_PUNCT, Token, is_comma};

/// `k` without the first suffix of `cue-suffixes` that leaves three letters.
fn without_cue_suffix<'k>(g: &Grammar, k: &'k str) -> Option<&'k str> {
    g.affixes
        .cue_suffixes
        .iter()
        .find_map(|s| k.strip_suffix(s).filter(|r| r.chars().count() >= 3))
}

fn stem_of<'k>(g: &Grammar, key: &'k str) -> &'k str {
    let k = g.strip_conj(key);
    // Person prefixes and the feminine ت of perfect verbs.
    let k = g
        .affixes
        .imperfect_any
        .iter()
        .find_map(|p| k.strip_prefix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(k);
    without_cue_suffix(g, k).unwrap_or(k)
}

// The cue lists (reporting words, attributions, hedges) are data:
// `ontology/lang/ar/patterns/qualifiers.toml`, read into [`Cues`].

fn is_report(g: &Grammar, cues: &Cues, key: &str) -> bool {
    let k = g.strip_conj(key);
    // A suffix alone first (نقلت → نقل: its ن is a root letter), then the
    // person prefix as well (تعلن → علن is not a cue, أعلنت → اعلن is).
    let suffixless = without_cue_suffix(g, k);
    let list = &cues.report_before;
    has(list, k) || suffixless.is_some_and(|r| has(list, r)) || has(list, stem_of(g, key))
}

/// The modality of a trigger at `first..end` and the byte span of the named
/// source of a report, when there is one. `marks` keeps what is learnt of
/// each token for the other triggers of the sentence.
#[allow(clippy::too_many_arguments)]
pub(crate) fn modality(
    g: &Grammar,
    cues: &Cues,
    marks: &TokenMarks,
    tokens: &[Token],
    first: usize,
    end: usize,
    clause_start: usize,
    scope_start: usize,
    arg_of: &dyn Fn(usize) -> Option<usize>,
) -> (Modality, Option<Span>) {
    // قد + imperfect before the trigger in its clause (قد تحاول الجماعة الاستيلاء).
    let hedged_qad = (clause_start..first).any(|i| {
        g.modality.qad.contains(&tokens[i].key)
            && tokens.get(i + 1).is_some_and(|t| {
                let k = t.key.as_str();
                // Not ا: «قد أعلنت» is a perfect with its hamza. Nor a
                // verb with the perfect's feminine ت at its end, whose first
                // letter merely looks like a prefix (قد نشرت، قد تمكنت).
                k.chars().count() >= 3
                    && g.affixes.imperfect_any.starts(k)
                    && !g.affixes.feminine_mark.ends(k)
            })
    });
    // Cues before the trigger count in its clause and in the clauses that
    // introduce it through أن/إن (أفادت تقارير بأن …، يخشى أن …).
    let hedged_word = (scope_start..first).any(|i| {
        marks.hedge.get(i, || {
            let t = &tokens[i];
            let k = g.strip_conj(&t.key);
            has(&cues.hedges, k) || has(&cues.hedges, &t.key)
        })
    });
    if hedged_qad || hedged_word {
        return (Modality::Hedged, None);
    }
    for (i, t) in tokens.iter().enumerate() {
        let before =
            i >= scope_start && i < first && marks.report.get(i, || is_report(g, cues, &t.key));
        // Matched whole: فحسب («only») is not حسب.
        let anywhere = has(&cues.report_anywhere, &t.key);
        let after = i >= end && i <= end + 1 && has(&cues.report_after, g.strip_conj(&t.key));
        if before || anywhere || after {
            return (
                Modality::Reported,
                source_after(g, tokens, i, first, arg_of),
            );
        }
    }
    (Modality::Asserted, None)
}

/// The source named right after a reporting word: an actor mention within
/// two words, else up to three words up to punctuation or أن.
fn source_after(
    g: &Grammar,
    tokens: &[Token],
    cue: usize,
    trigger: usize,
    arg_of: &dyn Fn(usize) -> Option<usize>,
) -> Option<Span> {
    let mut span: Option<Span> = None;
    // «وفق ما نقلته وكالة رويترز»: step over ما and its verb.
    let from = if tokens
        .get(cue + 1)
        .is_some_and(|t| g.modality.ma.contains(&t.key))
    {
        cue + 3
    } else {
        cue + 1
    };
    for (n, t) in tokens.iter().enumerate().skip(from).take(4) {
        let k = t.key.as_str();
        if n == trigger
            || is_comma(k)
            || CLAUSE_PUNCT.contains(&k)
            || g.modality.report_openers.contains(k)
        {
            break;
        }
        if let Some(a) = arg_of(n) {
            let s = span.map_or(t.span, |s| s.cover(t.span));
            // Take the whole mention and those coordinated with it (دول
            // مالي وبوركينا فاسو والنيجر), not the next one (اتهمت مالي
            // الجزائر …: the source is Mali), and stop there.
            let mut s = s;
            let mut m = n + 1;
            let mut a = a;
            while m < tokens.len()
                && m < trigger
                && arg_of(m).is_some_and(|b| {
                    let joined = b == a || g.affixes.conjunctions.starts(&tokens[m].key);
                    a = b;
                    joined
                })
            {
                s = s.cover(tokens[m].span);
                m += 1;
            }
            return Some(s);
        }
        span = Some(span.map_or(t.span, |s| s.cover(t.span)));
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn run(text: &str, trigger: &str) -> (Modality, Option<String>) {
        run_with(text, trigger, &[])
    }

    /// `args`: the mentions as (first, last) token indices.
    fn run_with(text: &str, trigger: &str, args: &[(usize, usize)]) -> (Modality, Option<String>) {
        let toks = tokenize(text, Span::new(0, text.len()));
        let at = toks
            .iter()
            .position(|t| t.span.of(text) == trigger)
            .expect("trigger in text");
        let cues = crate::relations::cues::Cues::read(std::path::Path::new(
            "ontology/lang/ar/patterns/qualifiers.toml",
        ))
        .expect("cues load");
        let (m, s) = modality(
            crate::grammar::repository(),
            &cues,
            &super::TokenMarks::new(toks.len()),
            &toks,
            at,
            at + 1,
            0,
            0,
            &|i| args.iter().position(|&(a, b)| a <= i && i <= b),
        );
        (m, s.map(|s| s.of(text).to_string()))
    }

    #[test]
    fn the_source_is_one_mention_or_a_coordination_not_the_next_mention() {
        // اتهمت مالي الجزائر بدعم …: the accused is no source.
        let text = "اتهمت مالي الجزائر بدعم المتمردين";
        assert_eq!(
            run_with(text, "بدعم", &[(1, 1), (2, 2)]).1.as_deref(),
            Some("مالي")
        );
        // Coordinated sources stay together.
        let text = "أعلنت مالي والنيجر دعم الاتفاق";
        assert_eq!(
            run_with(text, "دعم", &[(1, 1), (2, 2)]).1.as_deref(),
            Some("مالي والنيجر")
        );
    }

    #[test]
    fn plain_statement_is_asserted() {
        assert_eq!(
            run("دعمت روسيا المجلس العسكري", "دعمت").0,
            Modality::Asserted
        );
    }

    #[test]
    fn reporting_verb_before_gives_reported_with_source() {
        let (m, s) = run("أفادت وكالة رويترز أن روسيا دعمت المجلس", "دعمت");
        assert_eq!(m, Modality::Reported);
        assert_eq!(s.as_deref(), Some("وكالة رويترز"));
    }

    #[test]
    fn attribution_anywhere_gives_reported() {
        let (m, s) = run("دعمت روسيا المجلس، حسب مصادر محلية", "دعمت");
        assert_eq!(m, Modality::Reported);
        assert_eq!(s.as_deref(), Some("مصادر محلية"));
    }

    #[test]
    fn qad_with_imperfect_hedges_but_not_with_perfect() {
        for (sentence, trigger, want) in [
            (
                "الجماعة قد تحاول السيطرة على المدينة",
                "السيطرة",
                Modality::Hedged,
            ),
            ("وقد سيطرت الجماعة على المدينة", "سيطرت", Modality::Asserted),
            // A perfect whose first letter is that of an imperfect prefix.
            (
                "وكانت رواندا قد نشرت قوات في موزمبيق",
                "نشرت",
                Modality::Asserted,
            ),
            (
                "وكانت الحكومة قد تمكنت من السيطرة على المدينة",
                "السيطرة",
                Modality::Asserted,
            ),
        ] {
            assert_eq!(run(sentence, trigger).0, want, "{sentence}");
        }
    }

    #[test]
    fn hedge_wins_over_report() {
        assert_eq!(
            run("أفادت تقارير بأن الجماعة ربما تهاجم المدينة", "تهاجم").0,
            Modality::Hedged
        );
    }
}
