//! The recognition cues of `ontology/lang/ar/recognition.toml`, read and folded to
//! match keys once, so that lookups during recognition are plain set probes.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::ontology::Ontology;
use crate::text::fold::key_of;

/// The cue file, relative to the ontology folder: in the language folder,
/// beside the grammar and the patterns.
pub const RECOGNITION_FILE: &str = "lang/ar/recognition.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    adjectives: RawAdjectives,
    groups: RawGroups,
    persons: RawPersons,
    acronyms: RawAcronyms,
    #[serde(default)]
    references: Vec<RawReference>,
    #[serde(default)]
    antecedents: RawAntecedents,
    #[serde(default)]
    capitals: RawCapitals,
    #[serde(default)]
    regions: RawRegions,
    #[serde(default)]
    forces: RawForces,
    coordination: RawCoordination,
    #[serde(default)]
    generic: RawGeneric,
    #[serde(default)]
    shared_nisba: Vec<RawSharedNisba>,
    #[serde(default)]
    variants: RawVariants,
    ambiguity_default: RawAmbiguity,
    #[serde(default)]
    ambiguity: Vec<RawAmbiguity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdjectives {
    endings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroups {
    max_words: usize,
    nouns: Vec<RawGroupNoun>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    pronoun_suffixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroupNoun {
    word: String,
    class: String,
    #[serde(default)]
    strict: bool,
    #[serde(default)]
    quoted: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGeneric {
    #[serde(default)]
    force_class: String,
    #[serde(default)]
    forces: Vec<RawForceHead>,
    #[serde(default)]
    agents: Vec<RawAgent>,
    #[serde(default)]
    agent_qualifiers: Vec<String>,
    #[serde(default)]
    agent_not_before: Vec<String>,
    #[serde(default)]
    agent_not_after: Vec<String>,
    #[serde(default)]
    places: Vec<RawPlaceNoun>,
    #[serde(default)]
    place_max_words: usize,
    #[serde(default)]
    place_adjectives: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariants {
    #[serde(default)]
    classes: Vec<String>,
    #[serde(default)]
    letters: Vec<String>,
    #[serde(default)]
    drop: String,
    #[serde(default)]
    min_letters: usize,
    #[serde(default)]
    edit_from: usize,
    #[serde(default)]
    not_variants: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSharedNisba {
    form: String,
    lexicon_state: String,
    also: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForceHead {
    head: String,
    en: String,
    #[serde(default)]
    class: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgent {
    forms: Vec<String>,
    label: String,
    label_ar: String,
    class: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaceNoun {
    noun: String,
    class: String,
    #[serde(default)]
    with_noun: bool,
    #[serde(default)]
    plural: bool,
    #[serde(default)]
    placed_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCoordination {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPersons {
    min_words: usize,
    max_words: usize,
    titles: Vec<String>,
    #[serde(default)]
    title_suffixes: Vec<String>,
    #[serde(default)]
    modifiers: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    definite_given_names: Vec<String>,
    #[serde(default)]
    written_names: Vec<String>,
    #[serde(default)]
    stop_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAcronyms {
    default_class: String,
    max_name_words: usize,
    #[serde(default)]
    heads: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAntecedents {
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    through: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegions {
    #[serde(default)]
    class: String,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    directions: Vec<String>,
    #[serde(default)]
    placers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForces {
    #[serde(default)]
    class: String,
    #[serde(default)]
    head: String,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    modifiers: Vec<String>,
    #[serde(default)]
    army_nouns: Vec<String>,
    #[serde(default)]
    army_not_after: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCapitals {
    #[serde(default)]
    verbs: Vec<String>,
    /// A file of generated forms (`forms = [...]`, scripts/gen_verb_forms.py)
    /// beside this one, added to `verbs`.
    #[serde(default)]
    verb_forms: Option<String>,
    #[serde(default)]
    government: String,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    generic: Vec<String>,
    #[serde(default)]
    led_by: Vec<String>,
    #[serde(default)]
    capital_nouns: Vec<String>,
    #[serde(default)]
    between_nouns: Vec<String>,
    #[serde(default)]
    object_verbs: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReference {
    word: String,
    classes: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    topic: bool,
    #[serde(default)]
    capital: bool,
    #[serde(default)]
    not_distinctive: bool,
    #[serde(default)]
    of_state: bool,
    #[serde(default)]
    same_head: bool,
    #[serde(default)]
    pair: bool,
    #[serde(default)]
    count: Option<usize>,
    #[serde(default)]
    state_only: bool,
    #[serde(default)]
    sentence_state: bool,
    #[serde(default)]
    bare: bool,
    #[serde(default)]
    pair_cues: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAmbiguity {
    #[serde(default)]
    form: String,
    #[serde(default)]
    common_before: Vec<String>,
    #[serde(default)]
    common_after: Vec<String>,
    #[serde(default)]
    name_before: Vec<String>,
    #[serde(default)]
    name_after: Vec<String>,
    #[serde(default)]
    definite_after_noun: Option<String>,
    #[serde(default)]
    common_forms: Vec<String>,
    #[serde(default)]
    common_indefinite: Vec<String>,
    default: String,
}

/// A set of words as match keys.
pub(crate) type Words = HashSet<String>;

fn words(list: &[String]) -> Words {
    list.iter()
        .map(|w| key_of(w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A group noun that introduces a discovered group.
#[derive(Debug, Clone)]
pub(crate) struct GroupNoun {
    pub(crate) key: String,
    pub(crate) class: String,
    /// Introduces names of two words or more only.
    pub(crate) strict: bool,
    /// Introduces a quoted name only (مسيرات "أقنجي"): the noun alone is a
    /// common noun (طائرات حربية).
    pub(crate) quoted: bool,
}

/// A reference noun and the classes of actors it may point back to.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    pub(crate) key: String,
    /// Every ontology class compatible with the listed ones (subclasses included).
    pub(crate) classes: BTreeSet<String>,
    pub(crate) not_after: Words,
    /// The classes as listed (for `of_state`).
    pub(crate) listed: Vec<String>,
    /// Resolve to the most named actor only.
    pub(crate) topic: bool,
    /// Resolve to the capital (ag:capital) of the state the article is
    /// about (العاصمة).
    pub(crate) capital: bool,
    /// Its noun does not set a group apart from the other references'
    /// (ولاية الساحل is also «الجماعة»; جبهة تحرير أزواد is not).
    pub(crate) not_distinctive: bool,
    /// Fall back to the actor of that class belonging to the topic state.
    pub(crate) of_state: bool,
    /// The antecedent must have a name holding the noun (الجيش → a name with
    /// جيش), so that an auxiliary militia filed as armed forces is not "the
    /// army".
    pub(crate) same_head: bool,
    /// Only alone: a definite word after it makes another noun phrase
    /// (المنطقة الشرقية is a place of its own, not «the region»).
    pub(crate) bare: bool,
    /// Names two actors (الطرفان): the last two set against each other.
    pub(crate) pair: bool,
    /// How many actors a plural reference names (2 for a pair; الدول الثلاث 3).
    pub(crate) count: usize,
    /// A group named by its size (الدول الثلاث): a coordinated list of that
    /// many comes first, then the group the same reference named last.
    pub(crate) group: bool,
    /// Resolve only to the actor of that class belonging to the article's
    /// state (القوات الحكومية: the army of the country the article is about),
    /// never to an antecedent.
    pub(crate) state_only: bool,
    /// A state named before it in its sentence decides: that state's actor
    /// of the class, or none at all (السلطات after «في نيجيريا» is
    /// Nigeria's, never the most named government of the article).
    pub(crate) sentence_state: bool,
    /// Words of a sentence that sets two actors against each other.
    pub(crate) pair_cues: Words,
}

/// Context cues that decide an ambiguous name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ambiguity {
    pub(crate) form: String,
    pub(crate) common_before: Words,
    pub(crate) common_after: Words,
    pub(crate) name_before: Words,
    pub(crate) name_after: Words,
    pub(crate) definite_common: bool,
    pub(crate) common_forms: Words,
    /// Forms that are the common word when indefinite only (مالية
    /// "financial"; المالية after a definite noun is Malian).
    pub(crate) common_indefinite: Words,
    pub(crate) default_name: bool,
}

/// A force head (الشرطة) that a nationality adjective makes a state's force.
#[derive(Debug, Clone)]
pub(crate) struct ForceHead {
    /// Its words as match keys, the article included.
    pub(crate) words: Vec<String>,
    /// English name of the force, after the state's label (`police`).
    pub(crate) en: String,
    /// Its class when not the forces' (وزارة الدفاع is a Government body).
    pub(crate) class: Option<String>,
}

/// An unnamed agent (مسلحون، انتحاري): its forms and the actor it mints.
#[derive(Debug, Clone)]
pub(crate) struct Agent {
    pub(crate) forms: Vec<String>,
    pub(crate) label: String,
    pub(crate) label_ar: String,
    pub(crate) class: String,
}

/// A noun that introduces a place's name (قرية مافا، مخيم زمزم).
#[derive(Debug, Clone)]
pub(crate) struct PlaceNoun {
    pub(crate) key: String,
    pub(crate) class: String,
    /// The noun belongs to the name (مخيم زمزم) rather than introducing
    /// it (قرية مافا → مافا).
    pub(crate) with_noun: bool,
    /// A dual or plural (قريتي، قرى): coordinated names follow (قريتي X وY).
    pub(crate) plural: bool,
    /// Only behind a preposition (في إقليمي X وY): elsewhere the word is
    /// an adjective (نزاع إقليمي ممتد).
    pub(crate) placed_only: bool,
}

/// A nationality adjective written for two states (النيجيري for Nigeria
/// and, in usage, Niger): the state of the lexicon, and the other one
/// (English labels).
#[derive(Debug, Clone)]
pub(crate) struct SharedNisba {
    pub(crate) form: String,
    pub(crate) lexicon_state: String,
    pub(crate) also: String,
}

/// The whole cue file, folded.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// The language's word classes and affixes (`lang/ar/grammar.toml`).
    pub(crate) g: crate::grammar::Grammar,
    pub(crate) conjunctions: Vec<String>,
    pub(crate) prepositions: Vec<String>,
    pub(crate) article: String,
    pub(crate) endings: Vec<String>,
    pub(crate) group_max_words: usize,
    pub(crate) group_nouns: Vec<GroupNoun>,
    pub(crate) not_names: Words,
    pub(crate) pronoun_suffixes: Vec<String>,
    pub(crate) coordinators: Words,
    pub(crate) person_min_words: usize,
    pub(crate) person_max_words: usize,
    pub(crate) titles: Vec<String>,
    pub(crate) title_suffixes: Vec<String>,
    pub(crate) modifiers: Words,
    pub(crate) connectors: Words,
    pub(crate) definite_given_names: Words,
    /// Name words that fold like a stop word, told apart by their spelling
    /// as written (علي, not the preposition على): compared unfolded.
    pub(crate) written_names: Vec<String>,
    pub(crate) stop_words: Words,
    pub(crate) acronym_class: String,
    pub(crate) acronym_max_words: usize,
    pub(crate) acronym_heads: Words,
    pub(crate) references: Vec<Reference>,
    /// Words after which a name is a descriptor (المرتبطة بتنظيم القاعدة،
    /// فرع القاعدة, بدعم من روسيا), never an antecedent of a reference.
    pub(crate) not_antecedent_after: Words,
    /// Words looked through to find that cue (بدعم من روسيا).
    pub(crate) antecedent_through: Words,
    /// Political verbs that make a capital next to them its government.
    pub(crate) capital_verbs: Words,
    /// The class a capital acting politically stands for.
    pub(crate) capital_class: String,
    /// Words that make a capital a place whatever verb follows (في باماكو).
    pub(crate) capital_not_after: Words,
    /// Generic names of a government (المجلس العسكري), resolved by context.
    pub(crate) generic_governments: Words,
    /// Words after a generic government that introduce its leader (بقيادة):
    /// the leader's state places it.
    pub(crate) generic_led_by: Words,
    /// «العاصمة» before a nationality adjective: that state's capital
    /// (العاصمة المالية → Bamako).
    pub(crate) capital_nouns: Words,
    /// Relation nouns before «بين» whose capitals are their governments
    /// (مفاوضات بين نيامي وطهران).
    pub(crate) capital_between_nouns: Words,
    /// The same nouns as a grammar class, to read their suffixes off
    /// (علاقاتها، تعاونه) before «مع» and a capital.
    pub(crate) capital_partner_nouns: crate::grammar::Words,
    /// Verbs whose object after their subject is a party (اتهم، طالب، دعا):
    /// a capital there is its government.
    pub(crate) capital_object_verbs: Words,
    /// Generic region nouns (المنطقة), resolved only when placed.
    pub(crate) region_nouns: Vec<String>,
    pub(crate) region_directions: Words,
    /// Phrases that place a region (التي يسيطر عليها، من), longest wins.
    pub(crate) region_placers: Vec<String>,
    pub(crate) region_class: String,
    /// Nouns of troops (القوات، جنود، جنديا): a nationality adjective after
    /// them names the state's army when the state is the article's own.
    pub(crate) force_nouns: Words,
    /// Words between such a noun and the adjective (القوات الخاصة المالية).
    pub(crate) force_modifiers: Words,
    /// Nouns of armies (جيوش، جيشي، الجيشين) before states: each state
    /// named after one, or coordinated with it, is that state's army.
    pub(crate) army_nouns: Words,
    /// Words after which an army noun names an office (وزير الجيوش).
    pub(crate) army_not_after: Words,
    /// The class of a state's army, and the word its name must hold (جيش):
    /// a national army, not an operation or a command filed under the state.
    pub(crate) force_class: String,
    pub(crate) force_head: String,
    pub(crate) ambiguity_default: Ambiguity,
    pub(crate) ambiguity: Vec<Ambiguity>,
    /// The class of a state's force named by a head and an adjective.
    pub(crate) generic_force_class: String,
    pub(crate) generic_forces: Vec<ForceHead>,
    pub(crate) agents: Vec<Agent>,
    /// Adjectives that extend an unnamed agent (مسلحون مجهولون).
    pub(crate) agent_qualifiers: Words,
    /// Words after an unnamed agent that make it part of a named actor
    /// (مسلحون من حركة …): no actor of its own.
    pub(crate) agent_not_before: Words,
    /// Nouns after which an agent form is an adjective (هجوم مسلح).
    pub(crate) agent_not_after: Words,
    pub(crate) place_nouns: Vec<PlaceNoun>,
    pub(crate) place_max_words: usize,
    /// Definite adjectives that end a facility's name (قاعدة … الجوية).
    pub(crate) place_adjectives: Words,
    pub(crate) shared_nisba: Vec<SharedNisba>,
    /// Classes whose single-word names may be matched by a variant.
    pub(crate) variant_classes: Vec<String>,
    /// Letter classes folded to one letter in a skeleton (غجق).
    pub(crate) variant_letters: Vec<String>,
    /// Letters dropped from a skeleton (ا و ي ى ء).
    pub(crate) variant_drop: Vec<char>,
    pub(crate) variant_min_letters: usize,
    /// Skeletons of this many letters or more may differ by one edit.
    pub(crate) variant_edit_from: usize,
    /// Words that are never variants (common words near a name).
    pub(crate) not_variants: Words,
}

impl Config {
    /// Reads `recognition.toml` from the ontology folder, like every other
    /// rule file (never compiled in), and checks its classes against the
    /// ontology. A folder without it is an error naming the file.
    pub(crate) fn load(ontology: &Ontology) -> Result<Config> {
        let path = ontology.dir.join(RECOGNITION_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        Config::parse(&text, &path, ontology)
    }

    /// Parses cue text; `path` names it in errors.
    pub(crate) fn parse(text: &str, path: &Path, ontology: &Ontology) -> Result<Config> {
        let err = |message: String| Error::Ontology {
            path: PathBuf::from(path),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| err(e.to_string()))?;
        let check_class = |c: &str| -> Result<()> {
            if ontology.classes.contains_key(c) {
                Ok(())
            } else {
                Err(err(format!("class {c:?} is not defined in the ontology")))
            }
        };
        let mut capital_verbs = raw.capitals.verbs.clone();
        if let Some(file) = &raw.capitals.verb_forms {
            let forms_path = path.parent().unwrap_or(Path::new(".")).join(file);
            capital_verbs.extend(read_forms(&forms_path)?);
        }
        let mut group_nouns = Vec::new();
        for g in &raw.groups.nouns {
            check_class(&g.class)?;
            group_nouns.push(GroupNoun {
                key: key_of(&g.word),
                class: g.class.clone(),
                strict: g.strict,
                quoted: g.quoted,
            });
        }
        check_class(&raw.acronyms.default_class)?;
        if !raw.regions.class.is_empty() {
            check_class(&raw.regions.class)?;
        }
        if !raw.forces.class.is_empty() {
            check_class(&raw.forces.class)?;
        }
        if !raw.capitals.government.is_empty() {
            check_class(&raw.capitals.government)?;
        }
        for c in raw
            .generic
            .agents
            .iter()
            .map(|a| &a.class)
            .chain(raw.generic.places.iter().map(|p| &p.class))
        {
            check_class(c)?;
        }
        if !raw.generic.force_class.is_empty() {
            check_class(&raw.generic.force_class)?;
        }
        for c in raw.generic.forces.iter().filter_map(|f| f.class.as_ref()) {
            check_class(c)?;
        }
        for c in &raw.variants.classes {
            check_class(c)?;
        }
        // Titles introduce persons.
        check_class("Person")?;
        let mut references = Vec::new();
        for r in &raw.references {
            let mut classes = BTreeSet::new();
            for c in &r.classes {
                check_class(c)?;
                for known in ontology.classes.keys() {
                    if ontology.is_a(known, c) {
                        classes.insert(known.clone());
                    }
                }
            }
            references.push(Reference {
                key: key_of(&r.word),
                classes,
                not_after: words(&r.not_after),
                listed: r.classes.clone(),
                topic: r.topic,
                capital: r.capital,
                not_distinctive: r.not_distinctive,
                of_state: r.of_state,
                same_head: r.same_head,
                bare: r.bare,
                pair: r.pair || r.count.is_some_and(|n| n > 1),
                count: r.count.unwrap_or(if r.pair { 2 } else { 1 }),
                state_only: r.state_only,
                sentence_state: r.sentence_state,
                group: r.count.is_some(),
                pair_cues: words(&r.pair_cues),
            });
        }
        let ambiguity = |a: &RawAmbiguity| -> Result<Ambiguity> {
            let default_name = match a.default.as_str() {
                "name" => true,
                "common" => false,
                other => {
                    return Err(err(format!(
                        "ambiguity default must be \"name\" or \"common\", not {other:?}"
                    )));
                }
            };
            Ok(Ambiguity {
                form: key_of(&a.form),
                common_before: words(&a.common_before),
                common_after: words(&a.common_after),
                name_before: words(&a.name_before),
                name_after: words(&a.name_after),
                definite_common: a.definite_after_noun.as_deref() == Some("common"),
                common_forms: words(&a.common_forms),
                common_indefinite: words(&a.common_indefinite),
                default_name,
            })
        };
        let keys = |v: &[String]| v.iter().map(|w| key_of(w)).collect::<Vec<_>>();
        // The proclitics are the language's (grammar.toml), shared with the
        // relation engine and graph lookup.
        let g = crate::grammar::Grammar::load(&ontology.dir)?;
        if g.affixes.article.first().is_empty() {
            return Err(err("grammar.toml: affixes.article is empty".into()));
        }
        Ok(Config {
            conjunctions: g.affixes.conjunctions.iter().map(str::to_string).collect(),
            prepositions: g
                .affixes
                .prep_clitics
                .iter()
                .filter(|p| p.chars().count() == 1)
                .map(str::to_string)
                .collect(),
            article: g.affixes.article.first().to_string(),
            endings: keys(&raw.adjectives.endings),
            group_max_words: raw.groups.max_words.max(1),
            group_nouns,
            not_names: words(&raw.groups.not_names),
            pronoun_suffixes: keys(&raw.groups.pronoun_suffixes),
            coordinators: words(&raw.coordination.words),
            person_min_words: raw.persons.min_words.max(1),
            person_max_words: raw.persons.max_words.max(raw.persons.min_words),
            titles: keys(&raw.persons.titles),
            title_suffixes: keys(&raw.persons.title_suffixes),
            modifiers: words(&raw.persons.modifiers),
            connectors: words(&raw.persons.connectors),
            definite_given_names: words(&raw.persons.definite_given_names),
            written_names: raw.persons.written_names.clone(),
            stop_words: words(&raw.persons.stop_words),
            acronym_class: raw.acronyms.default_class.clone(),
            acronym_max_words: raw.acronyms.max_name_words.max(1),
            acronym_heads: words(&raw.acronyms.heads),
            references,
            not_antecedent_after: words(&raw.antecedents.not_after),
            antecedent_through: words(&raw.antecedents.through),
            capital_verbs: words(&capital_verbs),
            capital_class: raw.capitals.government.clone(),
            capital_not_after: words(&raw.capitals.not_after),
            generic_governments: words(&raw.capitals.generic),
            generic_led_by: words(&raw.capitals.led_by),
            capital_nouns: words(&raw.capitals.capital_nouns),
            capital_between_nouns: words(&raw.capitals.between_nouns),
            capital_partner_nouns: raw.capitals.between_nouns.clone().into(),
            capital_object_verbs: words(&raw.capitals.object_verbs),
            region_nouns: keys(&raw.regions.nouns),
            region_directions: words(&raw.regions.directions),
            region_placers: keys(&raw.regions.placers),
            region_class: raw.regions.class.clone(),
            force_nouns: words(&raw.forces.nouns),
            force_modifiers: words(&raw.forces.modifiers),
            army_nouns: words(&raw.forces.army_nouns),
            army_not_after: words(&raw.forces.army_not_after),
            force_class: raw.forces.class.clone(),
            force_head: key_of(&raw.forces.head),
            ambiguity_default: ambiguity(&raw.ambiguity_default)?,
            ambiguity: raw
                .ambiguity
                .iter()
                .map(ambiguity)
                .collect::<Result<Vec<_>>>()?,
            generic_force_class: raw.generic.force_class.clone(),
            generic_forces: raw
                .generic
                .forces
                .iter()
                .map(|f| ForceHead {
                    words: key_of(&f.head).split(' ').map(str::to_string).collect(),
                    en: f.en.clone(),
                    class: f.class.clone(),
                })
                .collect(),
            agents: raw
                .generic
                .agents
                .iter()
                .map(|a| Agent {
                    forms: keys(&a.forms),
                    label: a.label.clone(),
                    label_ar: a.label_ar.clone(),
                    class: a.class.clone(),
                })
                .collect(),
            agent_qualifiers: words(&raw.generic.agent_qualifiers),
            agent_not_before: words(&raw.generic.agent_not_before),
            agent_not_after: words(&raw.generic.agent_not_after),
            place_nouns: raw
                .generic
                .places
                .iter()
                .map(|p| PlaceNoun {
                    key: key_of(&p.noun),
                    class: p.class.clone(),
                    with_noun: p.with_noun,
                    plural: p.plural,
                    placed_only: p.placed_only,
                })
                .collect(),
            place_max_words: raw.generic.place_max_words.max(1),
            place_adjectives: words(&raw.generic.place_adjectives),
            variant_classes: raw.variants.classes.clone(),
            variant_letters: keys(&raw.variants.letters),
            variant_drop: key_of(&raw.variants.drop)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
            variant_min_letters: raw.variants.min_letters.max(4),
            variant_edit_from: raw.variants.edit_from.max(4),
            not_variants: words(&raw.variants.not_variants),
            shared_nisba: raw
                .shared_nisba
                .iter()
                .map(|n| SharedNisba {
                    form: key_of(&n.form),
                    lexicon_state: n.lexicon_state.clone(),
                    also: n.also.clone(),
                })
                .collect(),
            g,
        })
    }
}

/// The `forms` list of a generated forms file (scripts/gen_verb_forms.py).
fn read_forms(path: &Path) -> Result<Vec<String>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Forms {
        forms: Vec<String>,
    }
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let forms: Forms = toml::from_str(&text).map_err(|e| Error::Ontology {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(forms.forms)
}
