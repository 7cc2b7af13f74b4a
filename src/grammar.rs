//! The closed word classes and affix tables of a language, as data:
//! `ontology/lang/<lang>/grammar.toml`. The engine names a class
//! (`g.clauses.relatives`) and never spells its members, so that a linguist
//! can extend a class, and a second language is a sibling folder.
//!
//! Every word is folded with the one text model ([`crate::text::fold()`]) when
//! the file is read, so the file may spell words as they are written
//! (إلى، مسؤولية) and the engine compares them with token keys. Unknown
//! keys are refused, and so is a missing one: a typo never silently empties
//! a class.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::{bytes, fold};

/// The folder of a language's data under the ontology folder.
pub const LANG_DIR: &str = "lang/ar";
/// The grammar file in a language folder.
pub const GRAMMAR_FILE: &str = "grammar.toml";

/// A closed word class (or affix table), folded, in file order: where order
/// matters (affixes tried longest first) the file gives it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct Words {
    list: Vec<String>,
    set: FxHashSet<String>,
    /// Bit `n` is set when a member is `n` bytes long (bit 63: 63 bytes or
    /// more): most words looked up have a length no member has, and are
    /// rejected without hashing them.
    lengths: u64,
}

/// `parts` written together (what `format!` gives, without its machinery:
/// the look-ups of joined words run for many tokens).
fn joined(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| out.push_str(p));
    out
}

/// The bit of [`Words::lengths`] for a word of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl From<Vec<String>> for Words {
    fn from(words: Vec<String>) -> Words {
        let list: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let set = list.iter().cloned().collect();
        let lengths = list.iter().fold(0, |m, w| m | length_bit(w.len()));
        Words { list, set, lengths }
    }
}

impl Words {
    /// Whether `key` (a folded word) is in the class.
    pub fn contains(&self, key: &str) -> bool {
        self.lengths & length_bit(key.len()) != 0 && self.set.contains(key)
    }

    /// Whether `head` followed by `tail` is in the class, without building
    /// the word unless a member has its length.
    pub fn contains_joined(&self, head: &str, tail: &str) -> bool {
        self.lengths & length_bit(head.len() + tail.len()) != 0
            && self.set.contains(&joined(&[head, tail]))
    }

    /// The members, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(String::as_str)
    }

    /// The members as a slice, in file order.
    pub fn as_slice(&self) -> &[String] {
        &self.list
    }

    /// Whether a member of two words is `first second`.
    pub fn pair(&self, first: &str, second: &str) -> bool {
        // (A member splits at its first space: into `first` and `second`
        // only when `first` has none.)
        self.lengths & length_bit(first.len() + 1 + second.len()) != 0
            && !first.contains(' ')
            && self.set.contains(&joined(&[first, " ", second]))
    }

    /// Whether a member of two words is `first` and a word `second` starts with.
    pub fn pair_head(&self, first: &str, second: &str) -> bool {
        self.list.iter().any(|m| {
            m.split_once(' ')
                .is_some_and(|(a, b)| a == first && second.starts_with(b))
        })
    }

    /// The first member (for a class of one affix).
    pub fn first(&self) -> &str {
        self.list.first().map_or("", String::as_str)
    }

    /// Whether `key` starts with a member.
    pub fn starts(&self, key: &str) -> bool {
        self.list.iter().any(|a| bytes::starts_with(key, a))
    }

    /// Whether `key` ends with a member.
    pub fn ends(&self, key: &str) -> bool {
        self.list.iter().any(|a| bytes::ends_with(key, a))
    }

    /// `key` without the first member it starts with.
    pub fn strip_prefix<'k>(&self, key: &'k str) -> Option<&'k str> {
        self.list.iter().find_map(|a| bytes::strip_prefix(key, a))
    }

    /// `key` without the first member it ends with.
    pub fn strip_suffix<'k>(&self, key: &'k str) -> Option<&'k str> {
        self.list.iter().find_map(|a| bytes::strip_suffix(key, a))
    }

    /// `key` without every leading member, repeatedly (و، ف، س before a verb).
    pub fn trim_start<'k>(&self, key: &'k str) -> &'k str {
        let mut k = key;
        while let Some(rest) = self.strip_prefix(k) {
            if rest.len() == k.len() {
                break;
            }
            k = rest;
        }
        k
    }
}

/// A word class whose members carry a value (a month's number, a unit's
/// name), keys folded.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(from = "BTreeMap<String, V>")]
pub struct WordMap<V> {
    map: rustc_hash::FxHashMap<String, V>,
    /// The byte lengths of the keys, as [`Words::lengths`].
    lengths: u64,
}

impl<V> From<BTreeMap<String, V>> for WordMap<V> {
    fn from(m: BTreeMap<String, V>) -> WordMap<V> {
        let map: rustc_hash::FxHashMap<String, V> =
            m.into_iter().map(|(k, v)| (fold(&k), v)).collect();
        let lengths = map.keys().fold(0, |m, k| m | length_bit(k.len()));
        WordMap { map, lengths }
    }
}

impl<V> WordMap<V> {
    /// The value of `key` (a folded word).
    pub fn get(&self, key: &str) -> Option<&V> {
        if self.lengths & length_bit(key.len()) == 0 {
            return None;
        }
        self.map.get(key)
    }

    /// The value of the two words `first second`, without building the
    /// key unless one has its length.
    pub fn get_pair(&self, first: &str, second: &str) -> Option<&V> {
        if self.lengths & length_bit(first.len() + 1 + second.len()) == 0 {
            return None;
        }
        self.map.get(&joined(&[first, " ", second]))
    }

    /// The members and their values, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.map.iter()
    }
}

/// Affixes: clitics, person prefixes, pronoun and plural suffixes.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Affixes {
    /// Conjunctions written as proclitics (و، ف).
    pub conjunctions: Words,
    /// The conjunction و (and), as a proclitic or a word.
    pub wa: Words,
    /// The future proclitic (سـ).
    pub future: Words,
    /// Proclitics before a verb's person prefix (و، ف، س).
    pub verb_proclitics: Words,
    /// The definite article (ال).
    pub article: Words,
    /// Prepositions written as proclitics, longest first (بال، لل، ب، ل …).
    pub prep_clitics: Words,
    /// The preposition each article-bearing clitic stands for (بال → ب).
    pub prep_clitic_bases: WordMap<String>,
    /// A preposition before the article whose alef is then not written, and
    /// the article it stands for (لل → ال).
    pub article_elisions: WordMap<String>,
    /// The proclitic كـ (as, like): never a governing preposition of an actor.
    pub comparative: Words,
    /// The proclitic لـ that marks what a patient verb undergoes (تعرض لهجوم).
    pub lam: Words,
    /// Imperfect prefixes of the third person (يـ، تـ).
    pub imperfect: Words,
    /// Imperfect prefixes of any person (يـ، تـ، نـ).
    pub imperfect_any: Words,
    /// The masculine imperfect prefix (يـ).
    pub masculine_prefix: Words,
    /// The feminine imperfect prefix, and the perfect's feminine ending (ـت).
    pub feminine_mark: Words,
    /// Verb endings of the plural or dual (ـوا، ـون، ـان), read at the start
    /// of a verb's suffix.
    pub verb_plural: Words,
    /// The bare plural ending ـو of a verb's suffix.
    pub verb_plural_bare: Words,
    /// Endings of a plural or dual noun or participle (ـين، ـون، ـان …).
    pub noun_plural: Words,
    /// The taa marbuta (ة, folded ه), written ت before a suffix (مواجهتها).
    pub taa_marbuta: Words,
    /// Endings of a feminine noun, folded (ـه for ة, ـات).
    pub feminine_noun: Words,
    /// The ending of a nisba adjective (ـي).
    pub nisba: Words,
    /// Object pronouns on a verb (ـه، ـها، ـهم، ـهما).
    pub object_pronouns: Words,
    /// Object pronouns of any person on a verb (تتهمكم، نفته), longest
    /// first: a verb of a closed class is recognized with them.
    pub verb_object_suffixes: Words,
    /// Pronoun suffixes referring to a plural or dual, longest first.
    pub pronoun_plural: Words,
    /// Pronoun suffixes referring to a feminine singular.
    pub pronoun_feminine: Words,
    /// Pronoun suffixes referring to a masculine singular.
    pub pronoun_masculine: Words,
    /// What is left of a preposition with a feminine pronoun (ها، يها).
    pub resumptive_feminine: Words,
    /// What is left of a preposition with a masculine pronoun (ه، يه).
    pub resumptive_masculine: Words,
    /// What is left of a preposition with a plural pronoun (هم، يهم …).
    pub resumptive_plural: Words,
    /// Whole suffixes of a noun that are a masculine possessive (ـته، ـاته).
    pub possessive_masculine: Words,
    /// A feminine noun's ت with a pronoun (إدارتها، قيادتهم): a common
    /// noun, never a name's first word.
    pub possessed_feminine: Words,
    /// A member noun's stem before a pronoun, respelled as its citation form
    /// (مقاتلو|ها → مقاتلي، بعثت|ها → بعثه).
    pub member_stem: WordMap<String>,
    /// Object pronouns on a relative light verb (فرضته، تبنتها), longest first.
    pub light_verb_objects: Words,
    /// Possessive pronouns that make a genitive the subject's own people (رعاياها).
    pub own_people: Words,
    /// The prefix of a participle (مـ).
    pub participle: Words,
    /// Possessive suffixes that make the word after a place noun common, not
    /// a name (قاعدة تجنيدها).
    pub possessives: Words,
    /// Endings of a nisba adjective, folded (ـي، ـية، ـيون، ـيين).
    pub nisba_forms: Words,
    /// The divine name that ends a theophoric name (عبد الله، نصر الله).
    pub theophoric: Words,
    /// The cases of a sound masculine plural (ـون nominative ↔ ـين oblique).
    pub plural_cases: WordMap<String>,
    /// The nominative ending of a sound masculine plural (ون).
    pub nominative_plural: Words,
    /// Endings a word has that a lexicon name only has if it ends so itself
    /// (variant matching).
    pub name_endings: Words,
    /// The accusative ending (ـا): an adverbial participle or predicate.
    pub accusative: Words,
    /// Endings that take no accusative alif (ا ى ة ي و).
    pub vowel_endings: Words,
    /// Proclitics a verb trigger may carry, longest combinations first.
    pub verb_prefixes: Words,
    /// Suffixes a verb trigger may carry.
    pub verb_suffixes: Words,
    /// Proclitics a noun or particle trigger may carry.
    pub noun_prefixes: Words,
    /// Suffixes a noun or particle trigger may carry (no bare ـي: a nisba
    /// adjective is not its noun).
    pub noun_suffixes: Words,
    /// Suffixes of a reporting or hedging verb cue (قالت، أعلنوا، نفاه).
    pub cue_suffixes: Words,
}

/// Words that structure clauses.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Clauses {
    /// Prepositions written as separate words.
    pub prep_words: Words,
    /// Relative pronouns: a clause they open takes its subject from the noun before.
    pub relatives: Words,
    /// Prepositions whose pronoun suffix refers back (عليها، فيه، منها).
    pub resumptive_preps: Words,
    /// Words that open a new clause: arguments are not taken across them.
    pub connectives: Words,
    /// Complementizers opening a reported clause (أن، إن، بأن، أنه …).
    pub complementizers: Words,
    /// Connectives that explain the clause before in its voice (إذ): a
    /// reported claim's scope goes on past them.
    pub explaining: Words,
    /// The plain أن before a verb (سبق للجيش أن قصف).
    pub an: Words,
    /// Words that open a sentence with its topic actor, set off by a comma
    /// (في حالة مالي، …; بالنسبة لمالي، …; أما مالي ف…).
    pub topicalizers: Words,
    /// Particles after which a verb may open its clause with a dropped subject.
    pub subject_dropping: Words,
    /// Demonstratives (هذا، هذه …): a noun phrase that is a subject.
    pub demonstratives: Words,
    /// «The latter» (الأخيرة): a reference to the last actor named.
    pub latter: Words,
    /// Copulas that make a following accusative noun a predicate.
    pub copulas: Words,
    /// Copulas that may stand between a noun and its participle predicate.
    pub copulas_between: Words,
    /// Particles before a control verb (قد، لقد، فقد).
    pub emphasis: Words,
    /// Forms of كان before a control verb.
    pub kana: Words,
    /// «Both» (كلاهما): the last two actors of a coordinated subject.
    pub both: Words,
    /// Pronouns that open an apposition listing the members (وهي، وهم).
    pub apposition_pronouns: Words,
    /// «Any» (أي، أية) between a light verb and its noun.
    pub any: Words,
    /// Coordinating conjunctions written as words (و، أو).
    pub coordinators: Words,
    /// The comitative preposition (مع).
    pub comitative: Words,
    /// The partitive preposition (من).
    pub partitive: Words,
    /// Nouns of a model (طراز، نوع): the model named after them, behind
    /// an optional partitive من, is the phrase's object.
    pub model_classifiers: Words,
    /// The preposition بين of a list of parties.
    pub between: Words,
    /// What introduces the author in an attribution (إلى، لـ).
    pub attribution_preps: Words,
    /// Prepositions before a place's name (في، إلى، قرب، حول …).
    pub place_preps: Words,
    /// The preposition في (in).
    pub fi: Words,
    /// Nouns of number between a light verb and its noun (شنت سلسلة غارات).
    pub series: Words,
    /// Adverbs of place opening a clause about the place before them (حيث).
    pub where_adverbs: Words,
    /// Prepositions of circumstance before an event noun (في هجوم، إثر
    /// هجوم): the noun is an adjunct, its possessive ل names its agent.
    pub event_preps: Words,
    /// Words of time before an event noun (بعد انقلاب، قبل الهجوم، منذ
    /// سقوط): a place behind في after them locates the event, not the act
    /// of the clause (تتوسع بعد انقلاب 2023 في نيامي).
    pub time_of_event: Words,
    /// The preposition ب.
    pub bi: Words,
    /// Prepositions of an event's target (على، ضد): a place behind في after
    /// such a target locates it.
    pub target_preps: Words,
    /// Prepositions of place that follow an unnamed target (في، قرب).
    pub locative: Words,
    /// Prepositions that may govern a located target (في، قرب، من).
    pub located: Words,
    /// Compass words used bare as prepositions of place (غربي الكاميرون):
    /// they govern as في does.
    pub directions: Words,
}

/// Multi-word markers, each as its first and second word.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Markers {
    /// Single words that single out members of the phrase before (خاصة، مثل).
    pub elaboration: Words,
    /// Two-word markers of the same (لا سيما، بما فيها), as "first second".
    pub elaboration_pairs: Words,
    /// Two-word markers whose second word may carry a pronoun (في مقدمتها،
    /// على رأسها), as "first second-stem".
    pub elaboration_heads: Words,
    /// Passive agent markers (على يد، من قبل، من طرف), as "first second".
    pub passive_agent: Words,
    /// Phrases that introduce a name (ما يعرف ب، المعروفة ب), as words
    /// separated by spaces: the name stands where the phrase stands.
    pub so_called: Words,
    /// The passive agent marker of a participle (على يد), as "first second".
    pub by_hand: Words,
    /// Markers adding actors alongside the subject (إلى جانب، بالإضافة إلى).
    pub alongside: Words,
    /// Verbs that open a result clause (أسفر عن، أودى بحياة، خلّف).
    pub result: Words,
    /// Words that bound a counted number before it (ما يصل إلى، أكثر من، نحو).
    pub counting: Words,
    /// The stem of «responsibility» with a pronoun (مسؤوليتها) and its whole forms.
    pub responsibility_stem: Words,
    /// Whole words «responsibility» (مسؤولية، المسؤولية).
    pub responsibility: Words,
    /// «Of them» after a counted number in a result clause (مقتل سبعة منهم):
    /// the victims belong to the event's object.
    pub of_them: Words,
    /// Words linking an unnamed agent to the group named after it.
    pub belonging: Words,
    /// Verbs of saying that, with their speaker, may open an unnamed
    /// agent's link to its group (مسلحين قالت السلطات إنهم …).
    pub belonging_said: Words,
    /// Words that make that link only suspected (يشتبه، يعتقد).
    pub suspicion: Words,
    /// Adjectives of nearness (ملاصقة، مجاورة): ل after them is no owner.
    pub vicinity: Words,
    /// Nouns that name a field of cooperation (مجال، قطاع).
    pub field_heads: Words,
    /// Civil fields (الصحة، الزراعة): cooperation in them is no alliance.
    pub civil_fields: Words,
}

/// Verbs the frames treat apart.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Verbs {
    /// Light verbs that carry a verbal noun (شنّ هجومًا، فرض حصارًا), stems.
    pub light: Words,
    /// Verbs that take an event noun in a relative clause (تبنى، نصب).
    pub event: Words,
    /// Verbs of threatening (هدد، توعد), stems: the act they announce with
    /// ب is not done.
    pub threat: Words,
    /// Words of repelling an attack (صد، أحبط، تصدى), as written: the
    /// repeller is the attack's target.
    pub repel: Words,
    /// Verbs of claiming an event (تبنى), stems.
    pub claim: Words,
    /// Verbs of attributing an event to an author (نسب، حمّل), stems.
    pub attribution: Words,
    /// Verbs whose subject undergoes the event noun they govern with لـ.
    pub patient: Words,
    /// Verbs of reaction (condemning, welcoming, commenting): their subject
    /// is not the agent of the event noun they govern. Stems.
    pub reaction: Words,
    /// Reaction verbs that react only to a noun behind a preposition
    /// (علّق على): bare, they govern the noun as its agent (علّق التعاون).
    pub reaction_with_prep: Words,
    /// Verbs whose experiencer behind لـ is the subject of the verb after
    /// أن (سبق للجيش أن قصف: the army had bombed). Stems.
    pub lam_experiencer: Words,
    /// Verbs of accusing: the accused, then ب and a verbal noun whose agent
    /// the accused is (اتهمت مالي الجزائر بدعم …). Stems.
    pub accusation: Words,
    /// Nouns of accusing (اتهام، اتهامها): as the verbs, the ب after them
    /// introduces the charge.
    pub accusation_nouns: Words,
    /// Verbs of asking someone to do something (دعا، أمر، حث), stems: the
    /// verbal noun behind one of `request_preps` is the asked party's act.
    pub asking: Words,
    /// What introduces the act asked for (ب، ل، إلى، على).
    pub request_preps: Words,
}

/// Nouns the frames treat apart.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Nouns {
    /// Nouns that head a phrase naming an actor (قوات، عناصر).
    pub heads: Words,
    /// Members or units of an armed actor named through a partitive من
    /// (مسلحون من الجماعة): they act as that actor.
    pub partitive_members: Words,
    /// Roads and supply lines (طرق، محاور، إمدادات): their blockade toward a
    /// place is that place's (patterns with `via-routes`).
    pub routes: Words,
    /// Words between a route noun and the place it leads to (المؤدية، إلى،
    /// نحو).
    pub toward: Words,
    /// Envoys of any actor (وفد، ممثلي، مبعوث), through من or as its
    /// genitive: they act as that actor.
    pub envoys: Words,
    /// Ranks and members in an armed actor through في (قيادي في الجماعة).
    pub members_in: Words,
    /// Participles between an aircraft and its owner behind ل (مسيّرة
    /// تابعة للجيش): the owner acts through the aircraft.
    pub owned_by: Words,
    /// Verbs of a vehicle carrying people (سيارة تقل عناصر من …).
    pub carrying: Words,
    /// Nouns whose first ب or ل is a root letter (بلدات، لجنة).
    pub root_b_l: Words,
    /// Border nouns (الحدود، الشريط الحدودي): a state behind مع after one
    /// is where (قرب الحدود مع النيجر), never a party to the act.
    pub borders: Words,
    /// Quantifiers in construct before an actor (آخر الجنود الفرنسيين،
    /// معظم الفصائل): a verbal noun's genitive is the actor after them.
    pub quantifiers: Words,
    /// Branches of an actor (فرع، ذراع): a place after the actor in their
    /// genitive belongs to the branch.
    pub branches: Words,
    /// Nouns naming a group before its name (تنظيم "ولاية الساحل").
    pub group_heads: Words,
    /// Fixed positions and settlements (موقع، قاعدة، قرية …): an object of
    /// this kind lies in the place named after it.
    pub positions: Words,
    /// Event nouns a claim refers back to (هجوم، عملية، تفجير).
    pub events: Words,
    /// Undertakings that make their partners allies when joint (قوة،
    /// دوريات، عمليات مشتركة), unlike a joint bank or statement.
    pub joint_heads: Words,
}

/// Words of polarity (the negators themselves are cues, see `qualifiers.toml`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Polarity {
    /// Negation particles before a verb or noun.
    pub negators: Words,
    /// Words after a negator that make it no negation (لا شك، لا سيما).
    pub not_negated_before: Words,
    /// Prepositions a negated verb may govern its noun through.
    pub governing_preps: Words,
    /// Determiners between a negator and its noun (أي، أية).
    pub determiners: Words,
    /// Heads of a construct the relation noun is the genitive of (إنهاء
    /// اتفاق التعاون، تعليق جزء من تعاونه): a negator reaches over them.
    pub construct_heads: Words,
    /// Complementizers after a negated verb of saying that negate their clause.
    pub complementizers: Words,
}

/// Words of modality.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Modality {
    /// The particle قد (with an imperfect: may).
    pub qad: Words,
    /// What may follow a reporting cue before its clause (أن، عن، إلى …).
    pub report_openers: Words,
    /// The particle ما after a cue (ما زال …).
    pub ma: Words,
}

/// Words of dates.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Dates {
    /// Month names of every series (Gregorian, Maghreb, Levantine), by number.
    pub months: WordMap<u32>,
    /// The Levantine months of two words (كانون الثاني), as "first second" by number.
    pub two_word_months: WordMap<u32>,
    /// Weekdays, by number from Sunday = 0.
    pub weekdays: WordMap<i64>,
    /// Words for «year» after a number or a month (عام، سنة).
    pub year_words: Words,
    /// «The first» (الأول) in «الأول من» (the first of).
    pub first_of: Words,
    /// Words after a period that make it past (الماضي، المنصرم).
    pub past: Words,
    /// Words after `periods` that make them the last one (الشهر الماضي).
    pub past_period: Words,
    /// Words after a period that make it coming (المقبل، القادم).
    pub coming: Words,
    /// Words after a number that make it no year (دولار، مليون، شخص, %).
    pub not_year: Words,
    /// Yesterday (أمس، البارحة).
    pub yesterday: Words,
    /// Today (اليوم), unless followed by `same-day`.
    pub today: Words,
    /// «The same» after اليوم (اليوم ذاته): no relative date.
    pub same_day: Words,
    /// Periods that take past/coming (الشهر، العام، السنة).
    pub periods: Words,
    /// The month among `periods`.
    pub month_period: Words,
    /// «Ago» (قبل).
    pub ago: Words,
    /// The day word in «يوم الأحد».
    pub day: Words,
    /// Units of a duration (سنوات، أشهر، أيام …).
    pub duration_units: Words,
    /// Number words up to ten, and unit words that count themselves (عامين = 2).
    pub number_words: WordMap<i64>,
    /// Stems of a year unit (سن، عام، أعوام).
    pub year_units: Words,
    /// Stems of a month unit (شه، أشهر).
    pub month_units: Words,
    /// Stems of a week unit (أسب، أسابيع).
    pub week_units: Words,
    /// The preposition بـ before a month or year (بيناير).
    pub bi: Words,
    /// The conjunction و between two dates.
    pub and: Words,
    /// The preposition من in «الأول من».
    pub of: Words,
    /// Words of the time of day that stand with a date in an aside (ليل
    /// الثلاثاء، فجر الأحد).
    pub times_of_day: Words,
    /// Parts of a period before a date (مطلع، أواخر).
    pub period_parts: Words,
}

/// Words of quantities.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Quantities {
    /// Counted nouns by unit (fighters, casualties, vehicles, aircraft,
    /// hostages, money).
    pub units: BTreeMap<String, Words>,
    /// Approximators before a number (نحو، حوالي، أكثر).
    pub approximators: Words,
    /// Words that join an approximator to its number (إلى، من).
    pub approximator_links: Words,
    /// Phrases bounding a number (ما لا يقل عن، أكثر من), folded.
    pub bounds: Words,
    /// Multipliers after a number (ألف، مليون، مليار), by power of ten.
    pub multipliers: WordMap<i32>,
    /// Cardinal numbers written as words (ثلاثة جنود، عشرين مقاتلا), by value.
    pub number_words: WordMap<i64>,
}

/// A language's grammar: the word classes and affixes the engine reads.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Grammar {
    /// Affixes.
    pub affixes: Affixes,
    /// Clause structure.
    pub clauses: Clauses,
    /// Multi-word markers.
    pub markers: Markers,
    /// Verbs.
    pub verbs: Verbs,
    /// Nouns.
    pub nouns: Nouns,
    /// Polarity.
    pub polarity: Polarity,
    /// Modality.
    pub modality: Modality,
    /// Dates.
    pub dates: Dates,
    /// Quantities.
    pub quantities: Quantities,
}

impl Grammar {
    /// Reads `grammar.toml` of the language folder under `ontology_dir`.
    pub fn load(ontology_dir: &Path) -> Result<Grammar> {
        Grammar::read(&Grammar::path(ontology_dir))
    }

    /// The grammar file under an ontology folder.
    pub fn path(ontology_dir: &Path) -> PathBuf {
        ontology_dir.join(LANG_DIR).join(GRAMMAR_FILE)
    }

    /// Reads a grammar file.
    pub fn read(path: &Path) -> Result<Grammar> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::Ontology {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        toml::from_str(&text).map_err(|e| Error::Ontology {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
    }

    /// A folded word without the conjunction و or ف, when what is left is
    /// still a word of two letters or more.
    pub fn strip_conj<'k>(&self, key: &'k str) -> &'k str {
        for p in self.affixes.conjunctions.iter() {
            if let Some(rest) = bytes::strip_prefix(key, p)
                && rest.chars().nth(1).is_some()
            {
                return rest;
            }
        }
        key
    }

    /// Whether the folded word `key` is a member of `class` with noun
    /// proclitics (و، ب، ال …) and suffixes (ـها، ـات …) taken off:
    /// «دورياتها» is a form of «دورية» or «دوريات».
    pub fn noun_of(&self, class: &Words, key: &str) -> bool {
        self.noun_prefix(class, key).is_some()
    }

    /// The proclitics on `key` when it is a member of `class` with noun
    /// proclitics and suffixes taken off (ولمسلحين → و ل); a base may also
    /// be a member without its ة (دوريات → دورية).
    pub fn noun_prefix<'k>(&self, class: &Words, key: &'k str) -> Option<&'k str> {
        let suffixes = self.affixes.noun_suffixes.as_slice();
        // Which suffixes `key` ends with, tested once for every prefix
        // (bit i: suffix i; the table has fewer than 64 entries, and any
        // beyond are tested as they come).
        let ends = suffixes
            .iter()
            .take(64)
            .enumerate()
            .filter(|(_, s)| bytes::ends_with(key, s))
            .fold(0u64, |m, (i, _)| m | 1 << i);
        self.affixes.noun_prefixes.iter().find_map(|p| {
            let rest = bytes::strip_prefix(key, p)?;
            let ok = suffixes.iter().enumerate().any(|(i, s)| {
                let ends_with = if i < 64 {
                    ends & (1 << i) != 0 && rest.len() >= s.len()
                } else {
                    bytes::ends_with(rest, s)
                };
                ends_with && {
                    let base = &rest[..rest.len() - s.len()];
                    class.contains(base)
                        || self
                            .affixes
                            .taa_marbuta
                            .iter()
                            .any(|t| class.contains_joined(base, t))
                }
            });
            ok.then(|| &key[..p.len()])
        })
    }

    /// Whether a folded word starts with the article (ال).
    pub fn definite(&self, key: &str) -> bool {
        self.affixes.article.starts(key)
    }

    /// The preposition a proclitic stands for (بال → ب), or the clitic itself.
    pub fn prep_base<'a>(&'a self, clitic: &'a str) -> &'a str {
        self.affixes
            .prep_clitic_bases
            .get(clitic)
            .map_or(clitic, String::as_str)
    }
}

/// The repository's grammar, for unit tests.
#[cfg(test)]
pub(crate) fn repository() -> &'static Grammar {
    static G: std::sync::OnceLock<Grammar> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        Grammar::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology"))
            .expect("the repository's grammar loads")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grammar() -> &'static Grammar {
        repository()
    }

    #[test]
    fn words_are_folded_when_read() {
        let g = grammar();
        // Written إلى and على in the file, compared as token keys.
        assert!(g.clauses.prep_words.contains("الي"));
        assert!(g.clauses.prep_words.contains("علي"));
        assert!(!g.clauses.prep_words.contains("إلى"));
        assert_eq!(g.dates.months.get("ايار"), Some(&5));
    }

    #[test]
    fn conjunctions_are_stripped_only_from_long_words() {
        let g = grammar();
        assert_eq!(g.strip_conj("وتركيا"), "تركيا");
        assert_eq!(g.strip_conj("فان"), "ان");
        assert_eq!(g.strip_conj("ول"), "ول");
    }

    #[test]
    fn unknown_and_missing_keys_are_refused_with_the_file_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("grammar.toml");
        let good = std::fs::read_to_string(Grammar::path(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology"),
        ))
        .expect("grammar reads");
        std::fs::write(&path, good.replace("[clauses]", "[clauses]\nrelativs = []")).expect("w");
        let e = Grammar::read(&path).expect_err("unknown key").to_string();
        assert!(e.contains("relativs") && e.contains("grammar.toml"), "{e}");
        std::fs::write(&path, good.replace("relatives =", "# relatives =")).expect("w");
        let e = Grammar::read(&path).expect_err("missing key").to_string();
        assert!(e.contains("relatives"), "{e}");
    }
}
