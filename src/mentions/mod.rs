//! Recognizes actor mentions: lexicon names with their proclitics and
//! adjective forms, ambiguity decided by context, discovery of unknown groups
//! and persons, acronyms learned from the text, and references.
//!
//! One pass of an Aho-Corasick automaton over the document's match key finds
//! every lexicon core and every cue word; the rest works on that candidate
//! list and on the words around it. The stages, in order:
//! 1. candidates: automaton matches whose word prefix is a valid proclitic
//!    sequence and whose word ends with them (see `lexicon.rs`);
//! 2. leftmost-longest choice among them, so multi-word aliases win
//!    (الجيش المالي over المالي);
//! 3. ambiguous names kept or dropped by their context (`context.rs`);
//! 4. discovery after group nouns and titles, and from parenthesized
//!    acronyms (`discover.rs`);
//! 5. aliases learned in the document found again after they were introduced;
//! 6. references resolved to the last compatible actor.

mod aliases;
mod config;
mod context;
mod discover;
mod generic;
mod lexicon;
pub mod mint;
mod references;
mod variants;

use std::collections::HashMap;

use crate::error::Result;
use crate::model::{Actor, Document, Mention, MentionKind, Sentence, Span};
use crate::ontology::Ontology;
use crate::text::fold::{Normalized, is_arabic_letter, match_key};

use config::Config;
pub use config::RECOGNITION_FILE;
use lexicon::{Art, Compiled, Pat};

/// The compiled recognizer for one lexicon and cue file.
#[derive(Debug)]
pub struct Recognizer {
    cfg: Config,
    compiled: Compiled,
    variants: variants::Variants,
    /// IRIs of lexicon entries, by entry index.
    iris: Vec<String>,
}

/// Where a mention's reading comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// A lexicon name, alias, adjective or metonym as listed (or a
    /// reference to a lexicon actor).
    Lexicon,
    /// A spelling variant of a lexicon name (فانغر for فاغنر).
    Variant,
    /// An actor discovered in the text.
    Discovered,
}

/// A candidate: a core found by the automaton, with the word it sits in.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    /// Key byte where the mention starts (the article included, clitics not).
    pub(crate) start: usize,
    /// Key byte where it ends.
    pub(crate) end: usize,
    /// Key byte where its word starts (clitics included).
    pub(crate) word_start: usize,
    /// Index of its reading in `Compiled::pats`.
    pub(crate) pat: u32,
    /// Its word starts with a conjunction (و، ف).
    pub(crate) conj: bool,
    /// It carries the article.
    pub(crate) definite: bool,
}

/// Whom a found mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    /// A lexicon entry.
    Lex(u32),
    /// An actor discovered in this document (index into its list).
    Disc(u32),
}

/// A mention found so far, in key offsets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) word_start: usize,
    pub(crate) who: Who,
    pub(crate) kind: MentionKind,
}

/// The per-document state shared by the stages.
pub(crate) struct DocState<'a> {
    /// The document's id (unnamed agents are minted per document).
    pub(crate) doc_id: &'a str,
    pub(crate) text: &'a str,
    pub(crate) nk: Normalized,
    /// Where the key's sentences end.
    pub(crate) breaks: Breaks,
    pub(crate) discovered: Vec<Actor>,
    pub(crate) by_iri: HashMap<String, u32>,
    /// Aliases introduced in the text (acronyms, discovered names).
    pub(crate) learned: Vec<aliases::Learned>,
}

/// Where the sentences of a match key end: at `.`, `!`, `?`, `؟` and line
/// breaks, and, in a run of more than [`crate::sentences::MAX_SENTENCE_BYTES`]
/// without one, at a space past each such stretch (where the splitter cuts
/// too). The scans back to the start of a sentence (references, the state
/// in context) ask it in logarithmic time, so a text without punctuation
/// costs what a punctuated one does.
#[derive(Debug, Default)]
pub(crate) struct Breaks(Vec<usize>);

impl Breaks {
    pub(crate) fn new(key: &str) -> Breaks {
        let mut at = Vec::new();
        let mut last = 0;
        for (i, c) in key.char_indices() {
            if SENTENCE_ENDS.contains(&c)
                || (c == ' ' && i - last >= crate::sentences::MAX_SENTENCE_BYTES)
            {
                at.push(i);
                last = i;
            }
        }
        Breaks(at)
    }

    /// Whether a sentence ends within key bytes `a..b`.
    pub(crate) fn between(&self, a: usize, b: usize) -> bool {
        let i = self.0.partition_point(|&e| e < a);
        self.0.get(i).is_some_and(|&e| e < b)
    }

    /// Whether a sentence ends before key byte `x`: `x` is past the lede.
    pub(crate) fn before(&self, x: usize) -> bool {
        self.between(0, x)
    }

    /// The last sentence end before key byte `end`.
    pub(crate) fn last_before(&self, end: usize) -> Option<usize> {
        let i = self.0.partition_point(|&e| e < end);
        i.checked_sub(1).map(|i| self.0[i])
    }
}

/// The characters that end a sentence for the scans of [`Breaks`].
const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', '؟', '\n'];

impl DocState<'_> {
    pub(crate) fn key(&self) -> &str {
        &self.nk.key
    }

    /// The original text of the key range.
    pub(crate) fn original(&self, start: usize, end: usize) -> &str {
        let (s, e) = self.nk.original(start, end);
        self.text.get(s..e).unwrap_or("")
    }

    /// Whether the key word `ws..we` carries the article as written: the
    /// match key folds أ and إ to ا, so ألوسيني and إلياس look definite.
    pub(crate) fn definite_word(&self, rec: &Recognizer, ws: usize, we: usize) -> bool {
        let w = &self.key()[ws..we];
        if !rec.is_definite(w) {
            return false;
        }
        // ل + ال is written لل: no alef to check.
        let g = &rec.cfg.g;
        let bare = g.affixes.conjunctions.trim_start(w);
        if g.affixes
            .article_elisions
            .iter()
            .any(|(e, _)| bare.starts_with(e.as_str()))
        {
            return true;
        }
        let clitics = w
            .find(rec.cfg.article.as_str())
            .map_or(0, |i| w[..i].chars().count());
        self.original(ws, we)
            .chars()
            .filter(|&c| !crate::text::fold::is_mark(c))
            .nth(clitics)
            == rec.cfg.article.chars().next()
    }

    /// Adds (or finds) a discovered actor.
    /// Mints the actor named by key bytes `start..end` (its IRI and Latin
    /// label from the match key, its Arabic label as written) and discovers
    /// it.
    pub(crate) fn discover_span(&mut self, start: usize, end: usize, class: &str) -> Who {
        let name = discover::clean(&self.key()[start..end]);
        let actor = Actor {
            iri: mint::mint_iri(&name),
            label: mint::transliterate(&name),
            label_ar: discover::clean(self.original(start, end)),
            class: class.to_string(),
            discovered: true,
            lat: None,
            long: None,
        };
        self.discover(actor)
    }

    pub(crate) fn discover(&mut self, actor: Actor) -> Who {
        if let Some(&i) = self.by_iri.get(&actor.iri) {
            return Who::Disc(i);
        }
        let i = u32::try_from(self.discovered.len()).unwrap_or(u32::MAX);
        self.by_iri.insert(actor.iri.clone(), i);
        self.discovered.push(actor);
        Who::Disc(i)
    }
}

impl Recognizer {
    /// Compiles the lexicon of `ontology` and the cues of its
    /// `recognition.toml`.
    pub fn new(ontology: &Ontology) -> Result<Recognizer> {
        let cfg = Config::load(ontology)?;
        let compiled = lexicon::compile(ontology, &cfg)?;
        let variants = variants::Variants::build(ontology, &cfg);
        Ok(Recognizer {
            cfg,
            compiled,
            variants,
            iris: ontology.lexicon.iter().map(|e| e.iri.clone()).collect(),
        })
    }

    /// The mentions in `doc`, in text order, and the actors discovered in it.
    pub fn recognize(&self, doc: &Document, sentences: &[Sentence]) -> (Vec<Mention>, Vec<Actor>) {
        let (mentions, actors, _) = self.recognize_with_sources(doc, sentences);
        (mentions, actors)
    }

    /// Whether a folded word is read as a spelling variant of a lexicon
    /// name, and of which (its IRI): for checking the variant guards
    /// against word lists.
    pub fn variant_of(&self, word: &str) -> Option<&str> {
        let e = self.variants.entry_of(&self.cfg, &match_key(word).key)?;
        self.iris.get(e as usize).map(String::as_str)
    }

    /// Like [`Recognizer::recognize`], with where each mention's reading
    /// comes from (parallel to the mentions).
    pub fn recognize_with_sources(
        &self,
        doc: &Document,
        sentences: &[Sentence],
    ) -> (Vec<Mention>, Vec<Actor>, Vec<Source>) {
        let mut st = DocState {
            doc_id: &doc.id,
            text: &doc.text,
            nk: match_key(&doc.text),
            breaks: Breaks::default(),
            discovered: Vec::new(),
            by_iri: HashMap::new(),
            learned: Vec::new(),
        };
        st.breaks = Breaks::new(st.key());
        let cands = self.candidates(&st.nk, &doc.text);
        let selected = choose(&cands, &self.compiled.pats);
        // Lexicon names, with ambiguity decided.
        let mut found = context::decide(self, &st, &selected);
        // النيجيري in an article about Niger is Nigerien.
        context::shared_nisba(self, &st, &mut found);
        // Capitals acting politically are their governments.
        context::capitals(self, &st, &mut found);
        // Generic junta names are the junta of the state in context.
        context::capitals_between(self, &st, &mut found);
        context::generic_governments(self, &st, &mut found);
        // A force head and a nationality adjective: that state's force.
        generic::forces(self, &mut st, &mut found);
        // حركة طالبان باكستان: another group than the Taliban.
        generic::composed_groups(self, &mut st, &mut found);
        // Troops of the article's own state are its army.
        context::forces(self, &st, &mut found);
        context::capitals_by_adjective(self, &st, &mut found);
        // Discovery after group nouns and titles, then acronyms.
        discover::triggers(self, &mut st, &selected, &mut found);
        found.sort_by_key(|f| (f.start, f.end));
        discover::quoted_definite_groups(self, &mut st, &mut found);
        generic::datelines(self, &mut st, &mut found);
        aliases::acronyms(self, &mut st, &mut found);
        aliases::family_names(self, &mut st, &found);
        aliases::learned(self, &st, &mut found);
        found.sort_by_key(|f| (f.start, f.end));
        let variant_spans = variants::find(self, &st, &mut found);
        // (After the spelling variants: «نظيره الروسي أندريه بيلاوسوف» is
        // the lexicon's Belousov, not a new person.)
        discover::nationals(self, &mut st, &mut found);
        generic::equipment_classifiers(self, &st, &mut found);
        generic::places_in_quoted_names(self, &st, &mut found);
        references::references(self, &st, &selected, &mut found);
        references::regions(self, &st, &mut found);
        context::armies_of_states(self, &st, &mut found);

        let mut mentions = Vec::with_capacity(found.len());
        let mut sources = Vec::with_capacity(found.len());
        for f in &found {
            let (s, e) = st.nk.original(f.start, f.end);
            let Some(sentence) = sentence_of(sentences, s, e) else {
                continue;
            };
            let actor = match f.who {
                Who::Lex(i) => self.iris[i as usize].clone(),
                Who::Disc(i) => st.discovered[i as usize].iri.clone(),
            };
            sources.push(match f.who {
                Who::Disc(_) => Source::Discovered,
                Who::Lex(_) if variant_spans.contains(&(f.start, f.end)) => Source::Variant,
                Who::Lex(_) => Source::Lexicon,
            });
            mentions.push(Mention {
                actor,
                span: Span::new(s, e),
                sentence,
                kind: f.kind,
            });
        }
        // Only the discovered actors that kept a mention.
        let used: std::collections::BTreeSet<&str> =
            mentions.iter().map(|m| m.actor.as_str()).collect();
        let actors = st
            .discovered
            .iter()
            .filter(|a| used.contains(a.iri.as_str()))
            .cloned()
            .collect();
        (mentions, actors, sources)
    }

    /// Every automaton match whose word context is valid for its reading.
    fn candidates(&self, nk: &Normalized, text: &str) -> Vec<Cand> {
        let key = nk.key.as_str();
        let c = &self.compiled;
        let mut out = Vec::new();
        for m in c.ac.find_overlapping_iter(key) {
            let (cs, ce) = (m.start(), m.end());
            let (a, b) = c.slots[m.pattern().as_usize()];
            for pi in a..b {
                let p = &c.pats[pi as usize];
                if let Some(cand) = self.check(nk, text, cs, ce, p, pi) {
                    out.push(cand);
                }
            }
        }
        out
    }

    /// Checks the word around the core `cs..ce` for reading `p`.
    fn check(
        &self,
        nk: &Normalized,
        text: &str,
        cs: usize,
        ce: usize,
        p: &Pat,
        pi: u32,
    ) -> Option<Cand> {
        let key = nk.key.as_str();
        let before = key[..cs].chars().next_back();
        let after = key[ce..].chars().next();
        if p.latin {
            let latin = |c: char| c.is_alphanumeric() && !is_arabic_letter(c);
            if before.is_some_and(latin) || after.is_some_and(latin) {
                return None;
            }
            if p.upper {
                let (s, e) = nk.original(cs, ce);
                if text[s..e].bytes().any(|b| b.is_ascii_lowercase()) {
                    return None;
                }
            }
            return Some(Cand {
                start: cs,
                end: ce,
                word_start: cs,
                pat: pi,
                conj: false,
                definite: false,
            });
        }
        if after.is_some_and(is_arabic_letter) {
            return None;
        }
        let ws = cs
            - key[..cs]
                .chars()
                .rev()
                .take_while(|&c| is_arabic_letter(c))
                .map(char::len_utf8)
                .sum::<usize>();
        let prefix = if ws == cs {
            lexicon::Prefix::default()
        } else {
            *self.compiled.prefixes.get(&key[ws..cs])?
        };
        match (p.art, prefix.article) {
            (Art::Required, 0) => return None,
            (Art::Forbidden, n) if n > 0 => return None,
            _ => {}
        }
        Some(Cand {
            start: cs - prefix.article,
            end: ce,
            word_start: ws,
            pat: pi,
            conj: prefix.conj,
            definite: prefix.article > 0,
        })
    }

    /// The lexicon entry one of whose names is exactly the key `name`.
    pub(crate) fn exact_entry(&self, name: &str) -> Option<u32> {
        self.compiled
            .ac
            .find_overlapping_iter(name)
            .filter(|m| m.start() == 0 && m.end() == name.len())
            .find_map(|m| {
                let (a, b) = self.compiled.slots[m.pattern().as_usize()];
                (a..b).find_map(|pi| match self.compiled.pats[pi as usize].target {
                    lexicon::Target::Entry(e)
                        if self.compiled.pats[pi as usize].kind == MentionKind::Name =>
                    {
                        Some(e)
                    }
                    _ => None,
                })
            })
    }

    pub(crate) fn pat(&self, c: &Cand) -> &Pat {
        &self.compiled.pats[c.pat as usize]
    }

    /// The class of whom a mention names.
    pub(crate) fn class_of<'a>(&'a self, st: &'a DocState<'_>, who: Who) -> &'a str {
        match who {
            Who::Lex(i) => &self.compiled.entries[i as usize].class,
            Who::Disc(i) => &st.discovered[i as usize].class,
        }
    }
}

/// Leftmost-longest choice: candidates sorted by start, longer first, then
/// by reading priority; each kept unless it overlaps one kept before.
fn choose(cands: &[Cand], pats: &[Pat]) -> Vec<Cand> {
    let mut sorted: Vec<Cand> = cands.to_vec();
    sorted.sort_by_key(|c| {
        (
            c.start,
            std::cmp::Reverse(c.end),
            pats[c.pat as usize].priority(),
            c.pat,
        )
    });
    let mut out: Vec<Cand> = Vec::with_capacity(sorted.len());
    let mut last_end = 0;
    for c in sorted {
        if c.start >= last_end {
            last_end = c.end;
            out.push(c);
        }
    }
    out
}

/// The found mention that starts in the word at `ws`, if any.
pub(crate) fn mention_at(found: &[Found], ws: usize) -> Option<usize> {
    let i = found.partition_point(|f| f.start < ws);
    // A mention whose clitics start the word (وروسيا) starts after `ws`,
    // so the first mention at or after `ws` is the one to look at.
    found.get(i).filter(|f| f.word_start == ws).map(|_| i)
}

/// Whether a found mention overlaps `s..e` (`found` sorted, disjoint).
pub(crate) fn overlaps(found: &[Found], s: usize, e: usize) -> bool {
    let i = found.partition_point(|f| f.end <= s);
    found.get(i).is_some_and(|f| f.start < e)
}

/// The sentence holding the original range `s..e` entirely.
fn sentence_of(sentences: &[Sentence], s: usize, e: usize) -> Option<usize> {
    let i = sentences.partition_point(|x| x.span.end <= s);
    let sent = sentences.get(i)?;
    (sent.span.start <= s && e <= sent.span.end).then_some(sent.index)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_discovery;
#[cfg(test)]
mod tests_generic;
