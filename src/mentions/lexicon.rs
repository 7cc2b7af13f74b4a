//! Compiles the lexicon and the cue words into one Aho-Corasick automaton
//! over match keys. Each automaton pattern is a *core*: the name without
//! proclitics and without its article; what may stand before the core inside
//! its word (و، بال، لل …) is checked afterwards against a small table.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::config::Config;
use crate::error::{Error, Result};
use crate::model::MentionKind;
use crate::ontology::Ontology;
use crate::text::fold::key_of;

/// Whether the article may, must or must not stand before a core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Art {
    /// Names written without it (روسيا، موسكو).
    Forbidden,
    /// Adjectives and plurals (روسية، الروسية).
    Optional,
    /// Names written with it (النيجر، القاعدة): the core is نيجر، قاعده.
    Required,
}

/// What a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// A lexicon entry (index into [`Compiled::entries`]).
    Entry(u32),
    /// A group noun that introduces a discovered group.
    Group(u16),
    /// A title that introduces a person.
    Title(u16),
    /// A reference noun.
    Reference(u16),
    /// A form of an unnamed agent (مسلحون، انتحاري).
    Agent(u16),
    /// A noun that introduces a place's name (قرية، مخيم).
    PlaceNoun(u16),
}

/// One reading of an automaton pattern.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pat {
    pub(crate) target: Target,
    pub(crate) kind: MentionKind,
    pub(crate) art: Art,
    /// Latin script: Latin word boundaries, no clitics.
    pub(crate) latin: bool,
    /// An all-capitals acronym: the text must not be in lower case.
    pub(crate) upper: bool,
    /// Needs context to be kept: index of its ambiguity rule, or
    /// `usize::MAX` for the default rule.
    pub(crate) ambiguity: Option<usize>,
}

impl Pat {
    /// Rank among readings of overlapping candidates of equal span.
    pub(crate) fn priority(&self) -> u8 {
        match (self.target, self.kind) {
            (Target::Entry(_), MentionKind::Name | MentionKind::Acronym) => 0,
            (Target::Entry(_), MentionKind::Metonym) => 1,
            (Target::Entry(_), _) => 2,
            (Target::Group(_), _) => 3,
            (Target::Title(_), _) => 4,
            (Target::Reference(_), _) => 5,
            (Target::Agent(_), _) => 6,
            (Target::PlaceNoun(_), _) => 7,
        }
    }
}

/// A lexicon entry as the recognizer needs it.
#[derive(Clone, Debug)]
pub(crate) struct EntryInfo {
    pub(crate) class: String,
    /// English label (names a state's force: `Pakistan police`).
    pub(crate) label: String,
    pub(crate) is_place: bool,
    pub(crate) is_person: bool,
    /// A state, or what speaks for one (الرئيس المالي): skipped between a
    /// title and a person's name.
    pub(crate) is_state: bool,
    /// Words of its Arabic names, without the article (جيش of الجيش المالي),
    /// for references that must share their head noun with the antecedent.
    pub(crate) name_words: std::collections::HashSet<String>,
    /// The entry of its `ag:country` (a capital's state).
    pub(crate) country: Option<u32>,
    /// For a state, the entry of its capital (`ag:capital`).
    pub(crate) capital: Option<u32>,
    /// Some state's capital or seat of government (`ag:seat`).
    pub(crate) is_capital: bool,
}

/// What a proclitic prefix holds.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Prefix {
    /// Bytes of the article at its end (0, or 2 for ال, or 1 for the ل of لل).
    pub(crate) article: usize,
    /// Starts with a conjunction (و، ف).
    pub(crate) conj: bool,
}

/// The automaton and the readings of its patterns.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub(crate) ac: AhoCorasick,
    /// For automaton pattern `i`, its readings are `pats[slots[i].0..slots[i].1]`.
    pub(crate) slots: Vec<(u32, u32)>,
    pub(crate) pats: Vec<Pat>,
    pub(crate) entries: Vec<EntryInfo>,
    pub(crate) prefixes: HashMap<String, Prefix>,
    /// Prefixes without article, longest first, for stripping cue words.
    pub(crate) bare_prefixes: Vec<String>,
    /// (state entry, class) → the entry of that class whose `ag:country` is
    /// that state (the first by IRI).
    pub(crate) by_country: HashMap<(u32, String), u32>,
}

/// Splits a folded name into (core, article rule): a leading article is
/// stripped and made required.
fn core_of(key: &str, article: &str, otherwise: Art) -> (String, Art) {
    match key.strip_prefix(article) {
        Some(rest) if rest.chars().count() >= 2 => (rest.to_string(), Art::Required),
        _ => (key.to_string(), otherwise),
    }
}

/// The other case of a multi-word name whose head is a sound masculine
/// plural: المتطوعون للدفاع ↔ المتطوعين للدفاع (nominative ون, genitive and
/// accusative ين), as an article quotes a name in whatever case its
/// sentence needs. Short heads (دون، بين) are not plurals.
fn plural_case_variant(g: &crate::grammar::Grammar, core: &str) -> Option<String> {
    let (head, rest) = core.split_once(' ')?;
    if head.chars().count() < 5 {
        return None;
    }
    let other = g.affixes.plural_cases.iter().find_map(|(case, other)| {
        head.strip_suffix(case.as_str())
            .map(|stem| format!("{stem}{other}"))
    })?;
    Some(format!("{other} {rest}"))
}

fn has_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphanumeric())
}

pub(crate) fn compile(ontology: &Ontology, cfg: &Config) -> Result<Compiled> {
    // Core key → readings, in a BTreeMap so the automaton is built the same
    // way every run.
    let mut table: BTreeMap<String, Vec<Pat>> = BTreeMap::new();
    let mut add = |core: String, pat: Pat| {
        if core.is_empty() {
            return;
        }
        let v = table.entry(core).or_default();
        let dup = v.iter().any(|p| {
            p.target == pat.target && p.kind == pat.kind && p.art == pat.art && p.latin == pat.latin
        });
        if !dup {
            v.push(pat);
        }
    };
    let rule_for = |form: &str| cfg.ambiguity.iter().position(|r| r.form == form);
    let mut entries = Vec::with_capacity(ontology.lexicon.len());
    for (i, e) in ontology.lexicon.iter().enumerate() {
        let idx = u32::try_from(i).map_err(|_| Error::Ontology {
            path: ontology.dir.clone(),
            message: "lexicon too large".into(),
        })?;
        let target = Target::Entry(idx);
        entries.push(EntryInfo {
            class: e.class.clone(),
            label: e.label.clone(),
            is_place: ontology.is_a(&e.class, "Place") && !ontology.is_a(&e.class, "State"),
            is_person: ontology.is_a(&e.class, "Person"),
            is_state: ontology.is_a(&e.class, "State"),
            name_words: std::iter::once(&e.label_ar)
                .chain(&e.aliases_ar)
                .flat_map(|n| {
                    key_of(n)
                        .split(' ')
                        .map(|w| core_of(w, &cfg.article, Art::Forbidden).0)
                        .collect::<Vec<_>>()
                })
                .collect(),
            country: None,
            capital: None,
            is_capital: false,
        });
        // Which rule decides a single-word form of this entry.
        let ambiguity = |full: &str, stem: &str| -> Option<usize> {
            if full.contains(' ') {
                return None;
            }
            rule_for(full)
                .or_else(|| rule_for(stem))
                .or(e.ambiguous.then_some(usize::MAX))
        };
        let arabic_names = std::iter::once(&e.label_ar).chain(&e.aliases_ar);
        for (names, kind) in [
            (arabic_names.collect::<Vec<_>>(), MentionKind::Name),
            (e.metonyms.iter().collect(), MentionKind::Metonym),
        ] {
            for name in names {
                let key = key_of(name);
                if key.is_empty() {
                    continue;
                }
                if has_latin(&key) && !key.chars().any(crate::text::fold::is_arabic_letter) {
                    add(key, latin_pat(target, kind, name));
                    continue;
                }
                let (core, art) = core_of(&key, &cfg.article, Art::Forbidden);
                let amb = ambiguity(&key, &key);
                let pat = Pat {
                    target,
                    kind,
                    art,
                    latin: false,
                    upper: false,
                    ambiguity: amb,
                };
                if let Some(other) = plural_case_variant(&cfg.g, &core) {
                    add(other, pat);
                }
                add(core, pat);
            }
        }
        for (names, kind) in [
            (&e.aliases_latin, MentionKind::Name),
            (&e.acronyms, MentionKind::Acronym),
        ] {
            for name in names {
                let key = key_of(name);
                if key.is_empty() {
                    continue;
                }
                if key.chars().any(crate::text::fold::is_arabic_letter) {
                    // An Arabic string filed as Latin: treat it as a name.
                    let (core, art) = core_of(&key, &cfg.article, Art::Forbidden);
                    let amb = ambiguity(&key, &key);
                    add(
                        core,
                        Pat {
                            target,
                            kind: MentionKind::Name,
                            art,
                            latin: false,
                            upper: false,
                            ambiguity: amb,
                        },
                    );
                } else {
                    add(key, latin_pat(target, kind, name));
                }
            }
        }
        // The entry's ambiguity flag is about its names (النيجر the river,
        // بنين "sons"), not its nisba: النيجري، البنينية name the state. Only
        // a stem that is itself a word (مالي "financial") has a rule.
        let adjective_rule = |form: &str, stem: &str| rule_for(form).or_else(|| rule_for(stem));
        let adjective = |ambiguity| Pat {
            target,
            kind: MentionKind::Adjective,
            art: Art::Optional,
            latin: false,
            upper: false,
            ambiguity,
        };
        for stem in &e.adjectives {
            let stem_key = key_without_article(stem, &cfg.article);
            for ending in &cfg.endings {
                let form = format!("{stem_key}{ending}");
                let amb = adjective_rule(&form, &stem_key);
                add(form, adjective(amb));
            }
        }
        for plural in &e.demonym_plurals {
            let key = key_without_article(plural, &cfg.article);
            // The accusative of a broken plural (مدربين روسا، أتراكا) when it
            // ends in a consonant.
            let accusative: Vec<String> = if cfg.g.affixes.vowel_endings.ends(&key) {
                Vec::new()
            } else {
                cfg.g
                    .affixes
                    .accusative
                    .iter()
                    .map(|a| format!("{key}{a}"))
                    .collect()
            };
            for key in std::iter::once(key).chain(accusative) {
                let amb = adjective_rule(&key, &key);
                add(key, adjective(amb));
            }
        }
    }
    let trigger = |target: Target| Pat {
        target,
        kind: MentionKind::Discovered,
        art: Art::Forbidden,
        latin: false,
        upper: false,
        ambiguity: None,
    };
    for (i, g) in cfg.group_nouns.iter().enumerate() {
        let t = Target::Group(u16::try_from(i).unwrap_or(u16::MAX));
        let (core, art) = core_of(&g.key, &cfg.article, Art::Forbidden);
        add(core, Pat { art, ..trigger(t) });
    }
    for (i, title) in cfg.titles.iter().enumerate() {
        let t = Target::Title(u16::try_from(i).unwrap_or(u16::MAX));
        let (core, art) = core_of(title, &cfg.article, Art::Forbidden);
        if art == Art::Forbidden {
            for suffix in &cfg.title_suffixes {
                add(format!("{core}{suffix}"), trigger(t));
            }
        } else if core.contains(' ')
            && !core
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.starts_with(cfg.article.as_str()))
        {
            // «المتحدث باسمها»: the last word of a title with the article
            // takes the pronoun of its complement.
            for suffix in &cfg.title_suffixes {
                add(format!("{core}{suffix}"), Pat { art, ..trigger(t) });
            }
        }
        add(core, Pat { art, ..trigger(t) });
    }
    for (i, r) in cfg.references.iter().enumerate() {
        let t = Target::Reference(u16::try_from(i).unwrap_or(u16::MAX));
        let (core, art) = core_of(&r.key, &cfg.article, Art::Forbidden);
        add(
            core,
            Pat {
                art,
                kind: MentionKind::Reference,
                ..trigger(t)
            },
        );
    }

    // Unnamed agents and place nouns: indefinite only (المسلحون refers back
    // to an actor named before; في المدينة is no name).
    for (i, a) in cfg.agents.iter().enumerate() {
        let t = Target::Agent(u16::try_from(i).unwrap_or(u16::MAX));
        for form in &a.forms {
            add(form.clone(), trigger(t));
        }
    }
    for (i, p) in cfg.place_nouns.iter().enumerate() {
        let t = Target::PlaceNoun(u16::try_from(i).unwrap_or(u16::MAX));
        add(p.key.clone(), trigger(t));
    }

    let mut by_country = HashMap::new();
    for (i, e) in ontology.lexicon.iter().enumerate() {
        let Some(country) = &e.country else { continue };
        let Ok(state) = ontology
            .lexicon
            .binary_search_by(|x| x.iri.as_str().cmp(country))
        else {
            continue;
        };
        let (Ok(state), Ok(i)) = (u32::try_from(state), u32::try_from(i)) else {
            continue;
        };
        by_country.entry((state, e.class.clone())).or_insert(i);
        if let Some(info) = entries.get_mut(i as usize) {
            info.country = Some(state);
        }
    }
    for (i, e) in ontology.lexicon.iter().enumerate() {
        let Some(capital) = &e.capital else { continue };
        let Ok(city) = ontology
            .lexicon
            .binary_search_by(|x| x.iri.as_str().cmp(capital))
        else {
            continue;
        };
        if let (Ok(c), Some(info)) = (u32::try_from(city), entries.get_mut(i)) {
            info.capital = Some(c);
        }
        if let Some(info) = entries.get_mut(city) {
            info.is_capital = true;
        }
    }
    // A seat of government stands for its state as a capital does (it is
    // not «العاصمة», which stays the capital).
    for seat in ontology.lexicon.iter().filter_map(|e| e.seat.as_ref()) {
        if let Ok(city) = ontology
            .lexicon
            .binary_search_by(|x| x.iri.as_str().cmp(seat))
            && let Some(info) = entries.get_mut(city)
        {
            info.is_capital = true;
        }
    }

    let mut slots = Vec::with_capacity(table.len());
    let mut pats = Vec::new();
    let mut keys = Vec::with_capacity(table.len());
    for (core, mut readings) in table {
        readings.sort_by_key(Pat::priority);
        let a = u32::try_from(pats.len()).unwrap_or(u32::MAX);
        pats.extend(readings);
        let b = u32::try_from(pats.len()).unwrap_or(u32::MAX);
        slots.push((a, b));
        keys.push(core);
    }
    // Standard semantics with overlapping search: every core found, so that a
    // long name rejected by its context does not hide a shorter one; the
    // leftmost-longest choice is made afterwards among the valid candidates.
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build(&keys)
        .map_err(|e| Error::Ontology {
            path: ontology.dir.clone(),
            message: format!("cannot compile the lexicon matcher: {e}"),
        })?;

    let mut prefixes = HashMap::new();
    let none = String::new();
    let art_tail: String = cfg.article.chars().skip(1).collect();
    for conj in std::iter::once(&none).chain(&cfg.conjunctions) {
        for prep in std::iter::once(&none).chain(&cfg.prepositions) {
            let base = format!("{conj}{prep}");
            if !base.is_empty() {
                prefixes.insert(
                    base.clone(),
                    Prefix {
                        article: 0,
                        conj: !conj.is_empty(),
                    },
                );
            }
            // ل + ال is written لل: the article keeps only its lam.
            let (with_art, art_len) = if cfg.g.affixes.lam.contains(prep) {
                (format!("{base}{art_tail}"), art_tail.len())
            } else {
                (format!("{base}{}", cfg.article), cfg.article.len())
            };
            prefixes.insert(
                with_art,
                Prefix {
                    article: art_len,
                    conj: !conj.is_empty(),
                },
            );
        }
    }
    let mut bare_prefixes: Vec<String> = prefixes
        .iter()
        .filter(|(_, p)| p.article == 0)
        .map(|(k, _)| k.clone())
        .collect();
    bare_prefixes.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    Ok(Compiled {
        ac,
        slots,
        pats,
        entries,
        prefixes,
        bare_prefixes,
        by_country,
    })
}

fn latin_pat(target: Target, kind: MentionKind, original: &str) -> Pat {
    let letters: Vec<char> = original.chars().filter(char::is_ascii_alphabetic).collect();
    Pat {
        target,
        kind,
        art: Art::Forbidden,
        latin: true,
        upper: kind == MentionKind::Acronym && letters.iter().all(char::is_ascii_uppercase),
        ambiguity: None,
    }
}

/// The match key of an adjective stem or demonym written with the article
/// (الروسي), without it: the recognizer adds the article and clitics itself.
/// A word that is only the article plus one letter keeps it.
fn key_without_article(word: &str, article: &str) -> String {
    let key = key_of(word);
    key.strip_prefix(article)
        .filter(|r| r.chars().count() >= 2)
        .map(str::to_string)
        .unwrap_or(key)
}
