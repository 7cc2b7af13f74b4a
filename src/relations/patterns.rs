//! Relation patterns: the TOML files under `ontology/lang/ar/patterns/`, checked
//! against the ontology and compiled into a trigger index that tolerates
//! Arabic affixes, so that a pattern lists stems (دعم، شن) and not every
//! inflected form (تدعم، يدعمون، شنّت، بالدعم، دعمها).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::grammar::Grammar;
use crate::ontology::Ontology;
use crate::text::fold;
use crate::text::tokens::Token;

/// How a trigger's arguments are found around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Frame {
    /// A finite verb: subject after it (VSO) or before it (SVO) or dropped;
    /// object after it, direct or behind one of `object-prep`.
    Verb,
    /// A verbal noun: subject as the genitive right after it (دعم روسيا),
    /// a nationality adjective, a possessive suffix, or the clause subject;
    /// object behind one of `object-prep`.
    Noun,
    /// An active participle modifying the noun before it (المتحالفة مع):
    /// subject is that noun, object behind one of `object-prep`.
    ActiveParticiple,
    /// A passive participle modifying the noun before it (المدعوم من):
    /// the noun before is the object, the agent behind `agent-prep` the subject.
    PassiveParticiple,
    /// A prepositional phrase (بالتنسيق مع، بدعم من، بقيادة): the actor after it
    /// and the noun or clause subject before it.
    Prep,
    /// A symmetric noun with بين and a coordinated list (اشتباكات بين أ وب):
    /// one statement per pair of the list.
    Between,
    /// A title (زعيم، قائد، رئيس): the organization as genitive or adjective
    /// after it, then the person it names.
    Title,
}

impl Frame {
    /// Base confidence of a statement the frame finds at the closest distance.
    pub(crate) fn base_confidence(self) -> f64 {
        match self {
            Frame::ActiveParticiple | Frame::PassiveParticiple => 0.9,
            Frame::Title | Frame::Between => 0.85,
            Frame::Prep => 0.8,
            Frame::Verb => 0.8,
            Frame::Noun => 0.75,
        }
    }
}

/// The role of the genitive after a verbal noun.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Genitive {
    /// The genitive is the subject (دعم روسيا للمجلس).
    #[default]
    Subject,
    /// The genitive is the object (حصار باماكو).
    Object,
    /// The genitive is the one given to (تزويد الجيش بطائرات): neither
    /// subject nor object; the pattern's `recipient` reads it.
    Recipient,
}

/// Where the object comes from when the sentence names none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Implicit {
    /// The state the article is about (named most often so far): «انسحاب
    /// القوات الفرنسية» in a report on Mali is a withdrawal from Mali.
    ArticleState,
}

/// What a state found as the object stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObjectAs {
    /// Its government (the lexicon's `ag:Government` whose `ag:country` is
    /// the state): «وزير الخارجية المالي» is a member of Mali's government.
    Government,
    /// The ministry of the portfolio named right after the title, where
    /// the lexicon names it for the state (وزير الدفاع الروسي → Russia's
    /// Ministry of Defence); nothing otherwise.
    Ministry,
}

/// An example sentence of a pattern with what it must and must not yield.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence (one or two sentences for dropped subjects).
    pub text: String,
    /// Triples `[subject, relation, object]` (English labels) it must yield.
    #[serde(default)]
    pub expect: Vec<[String; 3]>,
    /// Triples it must not yield (clause boundaries, wrong direction …).
    #[serde(default)]
    pub absent: Vec<[String; 3]>,
    /// The polarity every expected triple must have (`pos`, `neg`).
    #[serde(default)]
    pub polarity: Option<String>,
    /// The modality every expected triple must have.
    #[serde(default)]
    pub modality: Option<String>,
    /// The date every expected triple must have.
    #[serde(default)]
    pub date: Option<String>,
    /// The publication date to resolve relative dates against.
    #[serde(default)]
    pub published: Option<String>,
}

/// A construction of the language the engine reads (a named heuristic of
/// `src/relations/`: a possessed subject, a passive agent, a result
/// clause …), with examples that show it at work and where it must not
/// apply. `ontology/lang/ar/constructions.toml`; `tests/relations.rs` runs
/// every example through the whole pipeline.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Construction {
    /// Unique name (kebab-case).
    pub id: String,
    /// The Rust function of `src/relations/` that implements it.
    pub heuristic: String,
    /// What it reads, in a sentence.
    pub description: String,
    /// Positive examples (with `expect`) and negative ones (with `absent`).
    #[serde(rename = "example")]
    pub examples: Vec<Example>,
}

/// The file of constructions in a language folder.
pub const CONSTRUCTIONS_FILE: &str = "constructions.toml";

/// Reads the constructions file.
pub fn read_constructions(path: &Path) -> Result<Vec<Construction>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        construction: Vec<Construction>,
    }
    let text = std::fs::read_to_string(path).map_err(|e| Error::Ontology {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let file: File = toml::from_str(&text).map_err(|e| Error::Ontology {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(file.construction)
}

/// One pattern as written in a file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Pattern {
    /// Unique id, recorded on every statement it finds.
    pub id: String,
    /// The relation's gold name.
    pub relation: String,
    /// How the arguments are found.
    pub frame: Frame,
    /// Trigger forms: stems, or several words (بالتنسيق مع).
    pub triggers: Vec<String>,
    /// What introduces the object: `""` (direct), a clitic (ل، ب) or a word (على).
    #[serde(default)]
    pub object_prep: Vec<String>,
    /// What introduces the agent of a passive participle or the subject after a noun (من، ب).
    #[serde(default)]
    pub agent_prep: Vec<String>,
    /// The actor the frame finds first is the object, not the subject.
    #[serde(default)]
    pub swap: bool,
    /// A verbal noun takes its subject only from its own genitive, adjective
    /// or possessive, never from the clause (تدخل فرنسا، not أي تدخل).
    #[serde(default)]
    pub strict_subject: bool,
    /// The object must be named in the clause: a pronoun on the trigger or
    /// its preposition (رئيسا لها) is not read back to the topic.
    #[serde(default)]
    pub named_object: bool,
    /// `prep` frame: the head is the actor right before the trigger, with
    /// no word between, and the trigger bears no affix («كتيبة سرما في
    /// منطقة غورما»: a locative right after a group's name places it;
    /// «وفي غورما» opens a phrase of its own).
    #[serde(default)]
    pub adjacent: bool,
    /// A military relation: not when its clause names a civil field
    /// (تعاون في مجال الصحة والزراعة; grammar class `markers.civil-fields`
    /// after `markers.field-heads`).
    #[serde(default)]
    pub military_only: bool,
    /// What the genitive right after a verbal noun is: its subject (دعم روسيا،
    /// the default) or its object (حصار باماكو، اختطاف الرهائن).
    #[serde(default)]
    pub genitive: Genitive,
    /// Classes allowed as subject, narrower than the relation's domain.
    #[serde(default)]
    pub subject_class: Vec<String>,
    /// Classes allowed as object, narrower than the relation's range.
    #[serde(default)]
    pub object_class: Vec<String>,
    /// A joint undertaking (`between` frame: دوريات مشتركة): every actor
    /// taking part, before the trigger (with a comitative مع) or after it
    /// behind من or مع, is paired with every other.
    #[serde(default)]
    pub joint: bool,
    /// Relations every statement of the pattern also states, where its
    /// actors fit them (هجمات في مالي: attacked and operates-in).
    #[serde(default)]
    pub also: Vec<String>,
    /// The relation a recipient named in the clause has with each object
    /// (باعت تركيا مسيرات لمالي، زودت تركيا النيجر بطائرات: the buyer
    /// acquired them), and the prepositions that may introduce it
    /// (`""`: a direct object that is not the pattern's own object).
    #[serde(default)]
    pub recipient: Option<String>,
    #[serde(default)]
    pub recipient_prep: Vec<String>,
    /// The relation a source named in the clause has with each object
    /// (اشترت النيجر مسيرات من تركيا، تسلم الجيش مدرعات من الإمارات: the
    /// seller sold them), the prepositions that introduce it, and the
    /// classes it may be (a state or a company sells; a seizure «حصلت
    /// الجماعة على أسلحة من الجيش» is no sale).
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub source_prep: Vec<String>,
    #[serde(default)]
    pub source_class: Vec<String>,
    /// The object when the sentence names none (`article-state`).
    #[serde(default)]
    pub implicit_object: Option<Implicit>,
    /// Stems of verbs whose subject is the object when the trigger has none
    /// (founding verbs: «تأسست الجبهة من اندماج حركات …» → merged into it).
    #[serde(default)]
    pub object_from_subject_of: Vec<String>,
    /// Relations whose last event a result clause continues (killed after
    /// «ما أسفر عن مقتل»: the attack's agents, and its armed target when
    /// the victims are counted soldiers).
    #[serde(default)]
    pub result_of: Vec<String>,
    /// What a state found as the object stands for (`government`).
    #[serde(default)]
    pub object_as: Option<ObjectAs>,
    /// Stems of verbs one of which must come before the trigger in its
    /// clause (`إلى جانب` counts as alliance only after a verb of fighting:
    /// «تقاتل الميليشيا إلى جانب الجيش»).
    #[serde(default)]
    pub after_verbs: Vec<String>,
    /// Nouns (folded, with their proclitics and suffixes read off) one of
    /// which must follow a verb trigger in its clause: what is given
    /// («قدمت أبوظبي لنجامينا قرضا»). Without one the verb states nothing.
    #[serde(default)]
    pub with_noun: crate::grammar::Words,
    /// Nouns (folded, with their proclitics and suffixes read off) that
    /// must not govern a noun trigger (within two words before it, past a
    /// quantifier): «مغادرة آخر جنودها القاعدة» is no deployment.
    #[serde(default)]
    pub not_after: crate::grammar::Words,
    /// Relations whose event noun, in an adjunct after the trigger with a
    /// relative light verb naming its agent («قُتل جنود في هجوم شنه
    /// فلان»), gives the trigger its subject when it has none.
    #[serde(default)]
    pub agent_from: Vec<String>,
    /// Under an accusation (اتهمت النيجر بنين بإيواء قواعد فرنسية) the
    /// accused is the relation's object (the host), not its subject as
    /// for «اتهمت مالي الجزائر بدعم …».
    #[serde(default)]
    pub accused_object: bool,
    /// Only as the act a verb of asking asks for, of the asker's own
    /// people (أمرت واشنطن موظفي سفارتها بمغادرة مالي): the asker is the
    /// subject (`grammar.toml` verbs.asking).
    #[serde(default)]
    pub asked: bool,
    /// The place that roads or supply lines named as the object lead to is
    /// the object (قطع الطرق المؤدية إلى سيغو: grammar nouns.routes).
    #[serde(default)]
    pub via_routes: bool,
    /// Examples that the tests run.
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
    /// The file it was read from (set on load).
    #[serde(skip)]
    pub file: PathBuf,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    #[serde(default)]
    pattern: Vec<Pattern>,
}

/// Parses one pattern file's text; `path` names it in errors and on the patterns.
pub fn parse_str(text: &str, path: &Path) -> Result<Vec<Pattern>> {
    let file: PatternFile = toml::from_str(text).map_err(|e| Error::Ontology {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(file
        .pattern
        .into_iter()
        .map(|mut p| {
            p.file = path.to_path_buf();
            p
        })
        .collect())
}

/// Reads every `*.toml` under `dir`, in file-name order.
pub(crate) fn read_dir(dir: &Path) -> Result<Vec<Pattern>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        // The qualifier cue lists live beside the patterns (see cues.rs).
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n != super::cues::QUALIFIERS_FILE)
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        out.extend(parse_str(&text, &path)?);
    }
    Ok(out)
}

/// Checks patterns against the ontology: known relation and classes, unique
/// ids, at least one trigger and one example.
pub(crate) fn validate(patterns: &[Pattern], ontology: &Ontology) -> Result<()> {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    for p in patterns {
        let fail = |message: String| Error::Ontology {
            path: p.file.clone(),
            message: format!("pattern {:?}: {message}", p.id),
        };
        if let Some(first) = seen.insert(&p.id, &p.file) {
            return Err(fail(format!("id already used in {}", first.display())));
        }
        for r in std::iter::once(&p.relation)
            .chain(&p.also)
            .chain(&p.recipient)
            .chain(&p.source)
            .chain(&p.result_of)
            .chain(&p.agent_from)
        {
            if ontology.relation(r).is_none() {
                return Err(fail(format!("relation {r:?} is not in the ontology")));
            }
        }
        for c in p
            .subject_class
            .iter()
            .chain(&p.object_class)
            .chain(&p.source_class)
        {
            if !ontology.classes.contains_key(c) {
                return Err(fail(format!("class {c:?} is not in the ontology")));
            }
        }
        if p.triggers.iter().all(|t| fold(t).trim().is_empty()) {
            return Err(fail("has no trigger".into()));
        }
        if p.examples.is_empty() {
            return Err(fail("has no example".into()));
        }
    }
    Ok(())
}

/// Proclitics a word of each frame family may carry, longest combinations first.
fn prefixes(g: &Grammar, family: Frame) -> &[String] {
    match family {
        Frame::Verb => g.affixes.verb_prefixes.as_slice(),
        _ => g.affixes.noun_prefixes.as_slice(),
    }
}

/// Suffixes a word of each frame family may carry.
fn suffixes(g: &Grammar, family: Frame) -> &[String] {
    match family {
        Frame::Verb => g.affixes.verb_suffixes.as_slice(),
        _ => g.affixes.noun_suffixes.as_slice(),
    }
}

/// A trigger found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The pattern's index.
    pub(crate) pattern: usize,
    /// First token of the trigger.
    pub(crate) first: usize,
    /// One past its last token.
    pub(crate) end: usize,
    /// The prefix stripped from the first word (folded).
    pub(crate) prefix: String,
    /// The suffix stripped from the last word (folded).
    pub(crate) suffix: String,
}

/// One trigger form of one pattern.
#[derive(Clone, Debug)]
struct Form {
    pattern: usize,
    frame: Frame,
    /// The folded words after the first.
    rest: Vec<String>,
}

/// One way to read a surface word as prefix + trigger first word + suffix.
#[derive(Clone, Copy, Debug)]
struct Reading {
    /// The verb family (else the noun family) of affixes.
    verb: bool,
    /// Index in that family's `prefixes`.
    pre: u8,
    /// Index in that family's `suffixes`.
    suf: u8,
    /// Index in `TriggerIndex::forms`.
    first: u32,
}

fn family_of(frame: Frame) -> Frame {
    if frame == Frame::Verb {
        Frame::Verb
    } else {
        Frame::Noun
    }
}

/// Trigger forms by every inflected surface of their folded first word.
#[derive(Clone, Debug, Default)]
pub(crate) struct TriggerIndex {
    /// The forms sharing one first word.
    forms: Vec<Vec<Form>>,
    /// Every surface a trigger's first word can take (each family's prefix +
    /// first word + suffix, and ة written ت before a suffix), mapped to its
    /// range in `readings`: one lookup per token instead of trying each
    /// prefix × suffix pair of both families and hashing each stem. FxHash,
    /// not SipHash: the keys are our own pattern words, there is no
    /// untrusted input to defend against, and it runs for every token.
    surfaces: FxHashMap<Box<str>, (u32, u32)>,
    /// The readings of each surface, in the order the affix search would
    /// find them (family, prefix, suffix): the first reading that yields a
    /// pattern gives its hit's prefix and suffix.
    readings: Vec<Reading>,
}

/// The words of `parts` written together (what `format!` would give,
/// without its formatting machinery: the index writes 228k of them).
fn concat(parts: [&str; 3]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| out.push_str(p));
    out
}

impl TriggerIndex {
    pub(crate) fn new(patterns: &[Pattern], g: &Grammar) -> TriggerIndex {
        let mut by_first: FxHashMap<String, Vec<Form>> = FxHashMap::default();
        for (i, p) in patterns.iter().enumerate() {
            for t in &p.triggers {
                let words: Vec<String> = fold(t).split_whitespace().map(str::to_string).collect();
                let Some((first, rest)) = words.split_first() else {
                    continue;
                };
                by_first.entry(first.clone()).or_default().push(Form {
                    pattern: i,
                    frame: p.frame,
                    rest: rest.to_vec(),
                });
            }
        }
        let (firsts, forms): (Vec<String>, Vec<Vec<Form>>) = by_first.into_iter().unzip();
        // (surface, family, prefix, suffix, first word).
        let mut all: Vec<(String, bool, u8, u8, u32)> = Vec::new();
        for (fi, (first, fs)) in firsts.iter().zip(&forms).enumerate() {
            let fi = fi as u32;
            // The stem as written before a suffix starting with ت (مواجهتها).
            // Where the stem is also a verb trigger (سيطرتها: سيطرة|ها or
            // سيطرت|ها), both readings are kept and the sentence decides
            // (`Extractor::noun_over_verb`).
            let marbuta = g
                .affixes
                .taa_marbuta
                .strip_suffix(first)
                .filter(|m| m.chars().count() >= 2);
            for family in [Frame::Verb, Frame::Noun] {
                if !fs.iter().any(|f| family_of(f.frame) == family) {
                    continue;
                }
                let verb = family == Frame::Verb;
                for (pi, pre) in prefixes(g, family).iter().enumerate() {
                    for (si, suf) in suffixes(g, family).iter().enumerate() {
                        if first.chars().count() >= 2 {
                            all.push((concat([pre, first, suf]), verb, pi as u8, si as u8, fi));
                        }
                        if let Some(m) = marbuta
                            && !verb
                            && g.affixes.feminine_mark.starts(suf)
                        {
                            all.push((concat([pre, m, suf]), verb, pi as u8, si as u8, fi));
                        }
                    }
                }
            }
        }
        // Verb family first, then prefix and suffix order, as the search.
        all.sort_unstable_by(|a, b| (&a.0, !a.1, a.2, a.3, a.4).cmp(&(&b.0, !b.1, b.2, b.3, b.4)));
        all.dedup_by(|a, b| (&a.0, a.1, a.2, a.3) == (&b.0, b.1, b.2, b.3));
        let mut surfaces = FxHashMap::default();
        let mut readings = Vec::with_capacity(all.len());
        let mut start = 0;
        while start < all.len() {
            let key = &all[start].0;
            let end = all[start..]
                .iter()
                .position(|e| e.0 != *key)
                .map_or(all.len(), |n| start + n);
            let from = readings.len() as u32;
            readings.extend(all[start..end].iter().map(|e| Reading {
                verb: e.1,
                pre: e.2,
                suf: e.3,
                first: e.4,
            }));
            surfaces.insert(
                key.clone().into_boxed_str(),
                (from, readings.len() as u32 - from),
            );
            start = end;
        }
        TriggerIndex {
            forms,
            surfaces,
            readings,
        }
    }

    /// Every trigger that starts at token `i`.
    pub(crate) fn hits_at(&self, g: &Grammar, tokens: &[Token], i: usize) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        let Some(&(from, len)) = self.surfaces.get(tokens[i].key.as_str()) else {
            return out;
        };
        let from = from as usize;
        for r in &self.readings[from..from + len as usize] {
            let family = if r.verb { Frame::Verb } else { Frame::Noun };
            let pre = prefixes(g, family)[r.pre as usize].as_str();
            let suf = suffixes(g, family)[r.suf as usize].as_str();
            // A pronoun ـه is never written ة: ضربة is a noun, not a verb
            // with its object, and قتالية an adjective, not قتال + ـيه. (A
            // noun's own ة reads as the bare ـه: مواجهة.)
            let pronoun =
                g.affixes.pronoun_masculine.ends(suf) && (r.verb || suf.chars().count() > 1);
            if pronoun && tokens[i].ta_marbuta {
                continue;
            }
            for f in &self.forms[r.first as usize] {
                if family_of(f.frame) != family {
                    continue;
                }
                // Multi-word forms: middle words match exactly, the last
                // one may carry a noun suffix (أعيد تسميتها).
                let mut end = i + 1;
                let mut ok = true;
                let mut last_suffix = suf;
                for (k, w) in f.rest.iter().enumerate() {
                    let Some(t) = tokens.get(end) else {
                        ok = false;
                        break;
                    };
                    let last = k + 1 == f.rest.len();
                    if t.key == *w {
                        end += 1;
                        continue;
                    }
                    if last
                        && let Some(s) = suffixes(g, Frame::Noun)
                            .iter()
                            .find(|s| !s.is_empty() && t.key.strip_suffix(s.as_str()) == Some(w))
                    {
                        last_suffix = s;
                        end += 1;
                        continue;
                    }
                    ok = false;
                    break;
                }
                if !ok || out.iter().any(|h| h.pattern == f.pattern) {
                    continue;
                }
                out.push(Hit {
                    pattern: f.pattern,
                    first: i,
                    end,
                    prefix: pre.to_string(),
                    suffix: last_suffix.to_string(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;
    use crate::model::Span;

    fn pattern(id: &str, frame: Frame, triggers: &[&str]) -> Pattern {
        Pattern {
            id: id.into(),
            relation: "supports".into(),
            frame,
            triggers: triggers.iter().map(|s| s.to_string()).collect(),
            object_prep: vec![],
            agent_prep: vec![],
            swap: false,
            strict_subject: false,
            named_object: false,
            adjacent: false,
            military_only: false,
            genitive: Genitive::Subject,
            subject_class: vec![],
            object_class: vec![],
            joint: false,
            also: vec![],
            recipient: None,
            recipient_prep: vec![],
            source: None,
            source_prep: vec![],
            source_class: vec![],
            implicit_object: None,
            object_from_subject_of: vec![],
            object_as: None,
            after_verbs: vec![],
            accused_object: false,
            with_noun: Default::default(),
            not_after: Default::default(),
            agent_from: vec![],
            asked: false,
            via_routes: false,
            result_of: vec![],
            examples: vec![],
            file: PathBuf::new(),
        }
    }

    fn hits(index: &TriggerIndex, text: &str) -> Vec<(String, usize)> {
        let toks = tokenize(text, Span::new(0, text.len()));
        (0..toks.len())
            .flat_map(|i| {
                index
                    .hits_at(crate::grammar::repository(), &toks, i)
                    .into_iter()
                    .map(|h| (toks[h.first].span.of(text).to_string(), h.pattern))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn verb_stems_match_inflected_forms() {
        let idx = TriggerIndex::new(
            &[pattern("v", Frame::Verb, &["شن"])],
            crate::grammar::repository(),
        );
        for w in ["شنّت", "تشنّ", "يشنّون", "وشنت", "شنوا", "وستشن"] {
            assert_eq!(hits(&idx, w).len(), 1, "{w}");
        }
        assert!(hits(&idx, "شنطة").is_empty());
    }

    #[test]
    fn noun_stems_match_with_article_clitics_and_suffixes() {
        let idx = TriggerIndex::new(
            &[pattern("n", Frame::Noun, &["دعم", "مواجهة"])],
            crate::grammar::repository(),
        );
        for w in [
            "الدعم",
            "بدعم",
            "دعمها",
            "ودعمه",
            "مواجهة",
            "المواجهة",
            "مواجهتها",
        ] {
            assert_eq!(hits(&idx, w).len(), 1, "{w}");
        }
    }

    #[test]
    fn multi_word_triggers_need_every_word() {
        let idx = TriggerIndex::new(
            &[pattern("p", Frame::Prep, &["بالتنسيق مع"])],
            crate::grammar::repository(),
        );
        assert_eq!(hits(&idx, "نفذت بالتنسيق مع الجيش").len(), 1);
        assert!(hits(&idx, "بالتنسيق الكامل").is_empty());
        let idx = TriggerIndex::new(
            &[pattern("p", Frame::Prep, &["تنسيق مع"])],
            crate::grammar::repository(),
        );
        assert_eq!(hits(&idx, "وبالتنسيق مع").len(), 1);
    }
}
