//! Qualifier cues as data: the negators, reporting words and hedges that
//! polarity and modality look for, read from `ontology/lang/ar/patterns/qualifiers.toml`
//! so that a cue is added without touching the engine.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::grammar::Words;

/// The file name of the cue lists inside the patterns folder.
pub(crate) const QUALIFIERS_FILE: &str = "qualifiers.toml";

/// Cue lists, every entry folded as the tokens' match keys are (by
/// [`Words`] as they are read).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct Cues {
    /// Particles and words that negate the word after them (لم، لن، غير).
    pub(crate) negators: Words,
    /// Verbs that negate the clause or verbal noun they introduce (نفى، عجز).
    pub(crate) negating_verbs: Words,
    /// Light verbs through which a negator reaches a verbal noun (شن، فرض).
    pub(crate) negated_light_verbs: Words,
    /// Reporting words that count before the trigger (أعلن، زعم، مصادر).
    pub(crate) report_before: Words,
    /// Attribution words that count anywhere in the sentence (حسب، وفق).
    pub(crate) report_anywhere: Words,
    /// Claiming words right after the trigger (المعلنة، المزعومة).
    pub(crate) report_after: Words,
    /// Hedging words (ربما، يحتمل، يخشى، هدد).
    pub(crate) hedges: Words,
}

impl Cues {
    /// Reads and folds the cue lists of `path`.
    pub(crate) fn read(path: &Path) -> Result<Cues> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Cues::parse(&text, path)
    }

    /// Parses cue lists; `path` names them in errors.
    pub(crate) fn parse(text: &str, path: &Path) -> Result<Cues> {
        let c: Cues = toml::from_str(text).map_err(|e| Error::Ontology {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        for list in [
            &c.negators,
            &c.negating_verbs,
            &c.negated_light_verbs,
            &c.report_before,
            &c.report_anywhere,
            &c.report_after,
            &c.hedges,
        ] {
            if list.iter().next().is_none() {
                return Err(Error::Ontology {
                    path: path.to_path_buf(),
                    message: "every cue list needs at least one entry".into(),
                });
            }
        }
        Ok(c)
    }
}

/// Whether `key` is one of `list` (a hash look-up: the trigger's qualifiers
/// ask for every word of its sentence).
pub(crate) fn has(list: &Words, key: &str) -> bool {
    list.contains(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_cues_load_folded() {
        let c =
            Cues::read(Path::new("ontology/lang/ar/patterns/qualifiers.toml")).expect("cues load");
        assert!(has(&c.negators, "لم"));
        // أعلن is stored folded (hamza on alif removed).
        assert!(has(&c.report_before, "اعلن"));
        assert!(!has(&c.hedges, "لم"));
    }

    #[test]
    fn unknown_lists_and_empty_lists_are_errors() {
        let p = Path::new("q.toml");
        assert!(Cues::parse("negatorz = [\"لم\"]", p).is_err());
        let empty = "negators = []\nnegating-verbs = [\"a\"]\nnegated-light-verbs = [\"a\"]\n\
                     report-before = [\"a\"]\nreport-anywhere = [\"a\"]\nreport-after = [\"a\"]\n\
                     hedges = [\"a\"]\n";
        assert!(Cues::parse(empty, p).is_err());
    }
}
