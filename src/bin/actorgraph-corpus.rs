//! `actorgraph-corpus`: writes a synthetic corpus of Arabic news articles
//! about the Sahel war, for benchmarks and scale tests.
//!
//! The articles are built from varied sentence templates (verbal and nominal
//! sentences, participles, verbal nouns, negation, reported speech, hedges,
//! dates, coordination, reference words, and filler sentences that name no
//! actor) whose slots are filled at run time with actors from the lexicon
//! (`ontology/actors.ttl`), so the corpus follows the lexicon as it grows and
//! is never a copy of the seed articles.
//!
//! Output is deterministic: the same seed, document count and lexicon give
//! byte-identical output. All randomness comes from one SplitMix64 generator
//! seeded with `--seed`; pools are built from the lexicon in its sorted (IRI)
//! order and no hash map is ever iterated.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use actorgraph::ontology::{LexEntry, Ontology};
use anyhow::Context;
use clap::Parser;

/// Writes N synthetic Arabic articles (JSON Lines or a folder of `.txt`).
#[derive(Debug, Parser)]
#[command(name = "actorgraph-corpus", version, about)]
struct Args {
    /// Number of articles.
    #[arg(long, short = 'n', default_value_t = 1000)]
    docs: usize,
    /// Seed of the generator: the same seed gives the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output: a `.jsonl` file, or a folder with `--format txt`; `-` is standard output.
    #[arg(long, short = 'o', default_value = "-")]
    out: PathBuf,
    /// `jsonl` (one `{"id","title","url","published","text"}` object per line) or `txt`.
    #[arg(long, default_value = "jsonl")]
    format: Format,
    /// The ontology folder whose `actors.ttl` supplies the actors.
    #[arg(long, value_name = "DIR")]
    ontology: Option<PathBuf>,
    /// Shortest article, in bytes of UTF-8 text.
    #[arg(long, default_value_t = 6000)]
    min_bytes: usize,
    /// Longest article, in bytes of UTF-8 text (an article stops at the first
    /// sentence that reaches its drawn length, so it may pass this a little).
    #[arg(long, default_value_t = 16000)]
    max_bytes: usize,
    /// Local actors that the lexicon does not know, added to the lexicon's:
    /// village militias and self-defence groups named in quotes after a group
    /// noun (كتيبة «فرسان تاكوما») and their commanders after a title
    /// (العقيد أمادو ديالو), which recognition discovers. Each article
    /// follows a few of them from one neighbourhood of the list, so they form
    /// local clusters. For graphs with thousands of actors; 0 (the default)
    /// gives the same corpus as without the option.
    #[arg(long, default_value_t = 0, value_name = "N")]
    actors: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Txt,
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("actorgraph-corpus: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.min_bytes > 0 && args.min_bytes <= args.max_bytes,
        "--min-bytes must be positive and at most --max-bytes"
    );
    let dir = Ontology::locate(args.ontology.as_deref());
    let ontology = Ontology::load(&dir).with_context(|| format!("loading {}", dir.display()))?;
    let mut cast = Cast::new(&ontology.lexicon);
    cast.add_locals(args.actors);
    anyhow::ensure!(
        !cast.any.is_empty(),
        "{}: the lexicon has no actor with an Arabic name",
        dir.display()
    );
    let mut generator = Generator {
        rng: SplitMix64::new(args.seed),
        cast: &cast,
        seed: args.seed,
        min_bytes: args.min_bytes,
        max_bytes: args.max_bytes,
    };
    match args.format {
        Format::Jsonl => {
            let sink: Box<dyn Write> = if args.out == Path::new("-") {
                Box::new(std::io::stdout().lock())
            } else {
                Box::new(
                    std::fs::File::create(&args.out)
                        .with_context(|| format!("creating {}", args.out.display()))?,
                )
            };
            let mut w = std::io::BufWriter::with_capacity(1 << 20, sink);
            for i in 0..args.docs {
                let a = generator.article(i);
                serde_json::to_writer(
                    &mut w,
                    &serde_json::json!({
                        "id": a.id,
                        "title": a.title,
                        "url": a.url,
                        "published": a.published,
                        "text": a.text,
                    }),
                )?;
                w.write_all(b"\n")?;
            }
            w.flush()
                .with_context(|| format!("writing {}", args.out.display()))?;
        }
        Format::Txt => {
            anyhow::ensure!(
                args.out != Path::new("-"),
                "--format txt needs --out FOLDER"
            );
            std::fs::create_dir_all(&args.out)
                .with_context(|| format!("creating {}", args.out.display()))?;
            for i in 0..args.docs {
                let a = generator.article(i);
                let path = args.out.join(format!("{i:07}.txt"));
                std::fs::write(&path, a.text.as_bytes())
                    .with_context(|| format!("writing {}", path.display()))?;
            }
        }
    }
    Ok(())
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and the same on every
/// platform, unlike a library generator whose algorithm may change.
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`), by multiply-shift, no modulo bias worth noting.
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `p` percent.
    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// An index skewed towards the front (the smaller of two draws), so that
    /// some actors are mentioned far more often than others, as in the news.
    fn skewed(&mut self, n: usize) -> usize {
        self.below(n).min(self.below(n))
    }
}

/// One lexicon entry as the generator names it.
struct Player {
    /// Arabic names: the label first, then the aliases.
    names: Vec<String>,
    /// Latin acronyms (JNIM), written inside Arabic text as the press does.
    acronyms: Vec<String>,
    /// Definite feminine nisba adjectives (الروسية), for "القوات الروسية".
    adjectives: Vec<String>,
    /// Broken plurals (روس).
    plurals: Vec<String>,
}

/// The lexicon split into the roles that template slots ask for.
struct Cast {
    players: Vec<Player>,
    groups: Vec<usize>,
    forces: Vec<usize>,
    states: Vec<usize>,
    governments: Vec<usize>,
    alliances: Vec<usize>,
    persons: Vec<usize>,
    places: Vec<usize>,
    equipment: Vec<usize>,
    peoples: Vec<usize>,
    media: Vec<usize>,
    /// States with a nationality adjective.
    adjectival: Vec<usize>,
    /// States with a broken plural.
    plural: Vec<usize>,
    /// Every actor that can act (all but places, equipment and media).
    any: Vec<usize>,
    /// Local groups and persons of `--actors`, in their generated order
    /// (neighbours in the list share a region).
    local_groups: Vec<usize>,
    local_persons: Vec<usize>,
}

impl Cast {
    fn new(lexicon: &[LexEntry]) -> Cast {
        let mut c = Cast {
            players: Vec::new(),
            groups: Vec::new(),
            forces: Vec::new(),
            states: Vec::new(),
            governments: Vec::new(),
            alliances: Vec::new(),
            persons: Vec::new(),
            places: Vec::new(),
            equipment: Vec::new(),
            peoples: Vec::new(),
            media: Vec::new(),
            adjectival: Vec::new(),
            plural: Vec::new(),
            any: Vec::new(),
            local_groups: Vec::new(),
            local_persons: Vec::new(),
        };
        for e in lexicon {
            let mut names: Vec<String> = Vec::new();
            for n in std::iter::once(&e.label_ar).chain(&e.aliases_ar) {
                let n = n.trim();
                if !n.is_empty() && !names.iter().any(|m| m == n) {
                    names.push(n.to_string());
                }
            }
            if names.is_empty() {
                continue;
            }
            let i = c.players.len();
            c.players.push(Player {
                names,
                acronyms: e.acronyms.clone(),
                adjectives: e
                    .adjectives
                    .iter()
                    .filter(|a| !a.is_empty())
                    .map(|a| feminine_definite(a))
                    .collect(),
                plurals: e.demonym_plurals.clone(),
            });
            let role = match e.class.as_str() {
                "ArmedGroup" => &mut c.groups,
                "ArmedForces" | "PrivateMilitaryCompany" => &mut c.forces,
                "State" => &mut c.states,
                "Government" => &mut c.governments,
                "Alliance" | "IntergovernmentalOrganization" => &mut c.alliances,
                "Person" => &mut c.persons,
                "City" | "Region" | "Facility" | "Place" => &mut c.places,
                "Equipment" => &mut c.equipment,
                "EthnicGroup" | "SocialGroup" => &mut c.peoples,
                "MediaOutlet" => &mut c.media,
                _ => &mut c.any,
            };
            role.push(i);
            if !matches!(
                e.class.as_str(),
                "City" | "Region" | "Facility" | "Place" | "Equipment" | "MediaOutlet"
            ) && !c.any.contains(&i)
            {
                c.any.push(i);
            }
            if e.class == "State" {
                if !c.players[i].adjectives.is_empty() {
                    c.adjectival.push(i);
                }
                if !c.players[i].plurals.is_empty() {
                    c.plural.push(i);
                }
            }
        }
        c
    }

    /// Adds `n` local actors (`--actors`): two groups for one person. Names
    /// are built from the index (mixed radix over word lists, stepped by a
    /// number prime to their count so neighbours differ in every word), so
    /// they are distinct, deterministic and need no draw from the generator;
    /// a made-up word that is a word of a lexicon name is skipped.
    fn add_locals(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        let mut known: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        for p in &self.players {
            for name in &p.names {
                known.extend(name.split_whitespace());
            }
        }
        let words: Vec<String> = PLACE_START
            .iter()
            .flat_map(|a| PLACE_MID.iter().map(move |b| (a, b)))
            .flat_map(|(a, b)| PLACE_END.iter().map(move |c| format!("{a}{b}{c}")))
            .filter(|w| !known.contains(w.as_str()))
            .collect();
        let (mut groups, mut persons) = (Vec::new(), Vec::new());
        for k in 0..n {
            if k % 3 == 2 {
                let [t, f, w] = spread(
                    persons.len(),
                    [TITLES_LOCAL.len(), FIRST_NAMES.len(), words.len()],
                );
                persons.push(format!(
                    "{} {} {}",
                    TITLES_LOCAL[t], FIRST_NAMES[f], words[w]
                ));
            } else {
                let [g, h, w] = spread(
                    groups.len(),
                    [GROUP_NOUNS.len(), GROUP_HEADS.len(), words.len()],
                );
                groups.push(format!(
                    "{} «{} {}»",
                    GROUP_NOUNS[g], GROUP_HEADS[h], words[w]
                ));
            }
        }
        for (names, pool) in [(groups, 0), (persons, 1)] {
            for name in names {
                let i = self.players.len();
                self.players.push(Player {
                    names: vec![name],
                    acronyms: Vec::new(),
                    adjectives: Vec::new(),
                    plurals: Vec::new(),
                });
                if pool == 0 {
                    self.local_groups.push(i);
                } else {
                    self.local_persons.push(i);
                }
            }
        }
    }

    /// The pool a slot draws from; an empty role falls back to `any`.
    fn pool(&self, slot: Slot) -> &[usize] {
        let p = match slot {
            Slot::Group => &self.groups,
            Slot::Force => &self.forces,
            Slot::State => &self.states,
            Slot::Gov => &self.governments,
            Slot::Alliance => &self.alliances,
            Slot::Person => &self.persons,
            Slot::Place => &self.places,
            Slot::Equipment => &self.equipment,
            Slot::People => &self.peoples,
            Slot::Adjective => &self.adjectival,
            Slot::Plural => &self.plural,
            Slot::Any => &self.any,
        };
        if p.is_empty() { &self.any } else { p }
    }
}

/// `روسي` → `الروسية` (U+0627 U+0644 article + stem + U+0629 teh marbuta):
/// the form that follows a feminine plural noun like القوات.
fn feminine_definite(adjective: &str) -> String {
    let stem = adjective.trim();
    let stem = stem.strip_prefix("ال").unwrap_or(stem);
    format!("ال{stem}ة")
}

/// What kind of actor a template slot wants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Group,
    Force,
    State,
    Gov,
    Alliance,
    Person,
    Place,
    Equipment,
    People,
    /// A state's nationality adjective (القوات {ADJ}).
    Adjective,
    /// A state's broken plural (مرتزقة {PL}).
    Plural,
    Any,
}

impl Slot {
    fn parse(name: &str) -> Option<Slot> {
        Some(match name {
            "G" => Slot::Group,
            "F" => Slot::Force,
            "S" => Slot::State,
            "GOV" => Slot::Gov,
            "AL" => Slot::Alliance,
            "P" => Slot::Person,
            "L" => Slot::Place,
            "E" => Slot::Equipment,
            "H" => Slot::People,
            "ADJ" => Slot::Adjective,
            "PL" => Slot::Plural,
            "A" => Slot::Any,
            _ => return None,
        })
    }
}

/// Nouns that introduce a local group's quoted name.
const GROUP_NOUNS: &[&str] = &["كتيبة", "ميليشيا", "جماعة", "حركة", "جبهة"];
/// First word of a local group's name; the second is a made-up place.
const GROUP_HEADS: &[&str] = &[
    "فرسان",
    "أسود",
    "حماة",
    "صقور",
    "أبناء",
    "رجال",
    "درع",
    "نسور",
    "ذئاب",
    "سيوف",
    "حراس",
    "شباب",
];
/// Titles of local commanders (all titles of the person cues).
const TITLES_LOCAL: &[&str] = &["القائد", "العقيد", "الشيخ", "الزعيم", "النقيب"];
/// Given names common in the Sahel.
const FIRST_NAMES: &[&str] = &[
    "أمادو",
    "موسى",
    "إبراهيم",
    "عمر",
    "حمادو",
    "سيدو",
    "بكاري",
    "عثمان",
    "يوسف",
    "إسماعيل",
    "آدم",
    "هارونا",
    "بوبكر",
    "ساليف",
    "سليمان",
    "داودا",
    "مامادو",
    "عيسى",
    "حسن",
    "إدريس",
];
/// Syllables of made-up village names (تاكوما، سيدورين …).
const PLACE_START: &[&str] = &[
    "تا", "كو", "سي", "دو", "غا", "بو", "نيا", "فو", "ديا", "كا", "سو", "تين", "وا", "زا", "ما",
    "با",
];
const PLACE_MID: &[&str] = &[
    "را", "لا", "غو", "ني", "كا", "مي", "دي", "زو", "تي", "ري", "سا", "بو",
];
const PLACE_END: &[&str] = &["", "ن", "ري", "كو", "غا"];

/// Sentences that name actors. Slots: {G} armed group, {F} armed forces or
/// military company, {S} state, {GOV} government, {AL} alliance or
/// organization, {P} person, {L} place, {E} equipment, {H} ethnic or social
/// group, {ADJ} nationality adjective, {PL} broken plural, {A} any actor;
/// a digit tells two actors of one kind apart ({G} and {G2}). Non-actor
/// slots: {D} a dated phrase, {M} a month and year, {Y} a year, {N} a number,
/// {SRC} a reporting source.
const ACTOR_SENTENCES: &[&str] = &[
    // Attacks and fighting: verbal sentences, passives, verbal nouns.
    "شنت {G} هجومًا واسعًا على مواقع {F} في {L} {D}، ما أسفر عن مقتل {N} جنديًا على الأقل.",
    "هاجم مسلحون من {G} قافلة عسكرية تابعة لـ{F} قرب {L}.",
    "اندلعت اشتباكات عنيفة بين {G} و{F} في محيط {L} استمرت عدة ساعات.",
    "استهدفت طائرات مسيّرة تابعة لـ{F} مواقع {G} شمال {L}.",
    "تخوض {F} معارك ضارية ضد {G} منذ {M}.",
    "وأسفرت المواجهات بين {G} و{G2} عن سقوط عشرات القتلى من الطرفين.",
    "قُتل {N} من عناصر {F} في كمين نصبته {G} على الطريق بين {L} و{L2}.",
    "وفي {D}، تعرضت {L} لهجوم بالأسلحة الثقيلة نفذته {G}.",
    "وشكّل الهجوم على {L} أعنف ضربة تتلقاها {F} منذ {Y}.",
    "وتبادلت {F} و{G} إطلاق النار لساعات قرب الحدود مع {S}.",
    "ضربت {F} معاقل {G} في {L} بالمدفعية الثقيلة والطائرات المسيّرة.",
    // Alliances and support: participles, coordination.
    "تتحالف {G} مع {G2} في عمليات مشتركة ضد {F}.",
    "أعلنت {G} و{G2} تشكيل تحالف جديد لمواجهة {F} و{F2}.",
    "تلقت {F} دعمًا عسكريًا كبيرًا من {S} خلال العام الماضي.",
    "{F} المدعومة من {S} تواصل عملياتها في {L}.",
    "وتقدم {S} دعمًا ماليًا ولوجستيًا لـ{GOV} منذ عام {Y}.",
    "بالتنسيق مع {F}، نفذت {F2} عملية عسكرية واسعة في منطقة {L}.",
    "وتعد {S} الحليف الأبرز لـ{GOV} في منطقة الساحل.",
    "ويساند مقاتلون من {H} {G} في معاركها ضد {F}.",
    // Deployment, withdrawal, expulsion.
    "نشرت {S} نحو {N} جندي في {L} لدعم {F}.",
    "انسحبت {F} من {L} بعد أسابيع من القتال مع {G}.",
    "وجاء انسحاب {F} من {L} في أعقاب قرار {GOV} إنهاء التعاون العسكري مع {S}.",
    "يتمركز عناصر {F} في قاعدة قرب {L} منذ {D}.",
    "طردت {GOV} سفير {S} وأمهلته {N} ساعة لمغادرة البلاد.",
    "وأكملت {F} رحيلها عن {L} {D} بعد وجود استمر سنوات.",
    "تستضيف {L} وحدات من {F} منذ توقيع الاتفاق الأمني مع {S}.",
    // Control, sieges.
    "فرضت {G} حصارًا خانقًا على {L} من خلال استهداف قوافل الوقود والإمداد.",
    "سيطرت {G} على {L} بعد انسحاب {F} منها.",
    "استعادت {F} السيطرة على {L} إثر معارك مع {G} دامت أيامًا.",
    "ولا تزال {L} تحت حصار {G} منذ {M}.",
    "وأدى سقوط {L} في قبضة {G} إلى موجة نزوح واسعة نحو {L2}.",
    // Kidnapping, ransom, killing.
    "اختطفت {G} {N} من العمال الأجانب في {L}.",
    "دفعت {S} فدية قدرها {N} مليون دولار إلى {G} للإفراج عن رهائن.",
    "اغتال مسلحون يُعتقد أنهم من {G} زعيمًا قبليًا في {L}.",
    "أعلنت {F} مقتل {P} في غارة جوية قرب {L} {D}.",
    "واحتجزت {G} رهائن من {S} لأكثر من عام قبل إطلاق سراحهم.",
    // Negotiation.
    "أجرت {GOV} محادثات سرية مع {G} بوساطة {S}.",
    "رفضت {G} أي مفاوضات مع {GOV} قبل انسحاب القوات الأجنبية.",
    "وتتفاوض {S} و{S2} منذ أشهر على اتفاق لتقاسم المعلومات الاستخباراتية.",
    // Equipment.
    "تسلمت {F} شحنة جديدة من {E} من {S}.",
    "باعت {S} {E} إلى {GOV} في صفقة بلغت قيمتها {N} مليون دولار.",
    "حصلت {F} على {E} ضمن اتفاق دفاعي وقعته مع {S} {D}.",
    "واشترت {GOV} {N} طائرة من طراز {E} لتعزيز قدراتها الجوية.",
    // Training.
    "درّب مستشارون من {F} وحدات من {F2} على مكافحة الإرهاب.",
    "تشرف {S} على تدريب {F} في معسكرات قرب {L}.",
    // Membership, affiliation, succession.
    "تعد {G} فرعًا تابعًا لـ{G2} في منطقة الساحل.",
    "تنشط {G} الموالية لـ{G2} في المناطق الحدودية بين {S} و{S2}.",
    "انضمت {S} إلى {AL} إلى جانب {S2} و{S3}.",
    "أعلنت {S} انسحابها من {AL} في {D}.",
    "اندمجت {G} و{G2} في تنظيم واحد عام {Y}.",
    "حلّت {F} بديلًا لـ{F2} بعد إعادة هيكلة الوجود العسكري لـ{S} في المنطقة.",
    "وتضم {AL} كلًا من {S} و{S2} و{S3}.",
    // Leadership.
    "يقود {P} {G} منذ عام {Y}، بحسب مصادر أمنية.",
    "قال {P}، زعيم {G}، إن الجماعة ستواصل القتال حتى خروج القوات الأجنبية.",
    "عيّنت {GOV} {P} قائدًا جديدًا لـ{F}.",
    "والتقى {P} بنظيره {P2} في {L} لبحث التعاون الأمني.",
    // Operations, threats, recruitment, evacuation.
    "تنشط {G} في {L} و{L2} وتمتد عملياتها إلى {S}.",
    "تهدد {G} بشن هجمات جديدة على {L}.",
    "يشكل تمدد {G} تهديدًا مباشرًا لأمن {S}.",
    "تجند {G} مقاتلين من {H} في المناطق الريفية.",
    "أجلت {S} رعاياها من {L} بسبب تدهور الوضع الأمني.",
    // Reported speech.
    "أعلنت {SRC} أن {G} شنت هجومًا على {L} {D}.",
    "وأفادت تقارير محلية بأن {F} قتلت مدنيين في {L}.",
    "وحسب {SRC}، فإن {S} تدرس إرسال قوات إضافية إلى {L}.",
    "زعمت {G} في بيان أنها أسقطت طائرة تابعة لـ{F}.",
    "قال {P} لـ{SRC} إن {GOV} فقدت السيطرة على معظم {L}.",
    "ترددت أنباء عن وصول عناصر من {F} إلى {L}.",
    "واعترفت {GOV} بسقوط قتلى في صفوف {F} خلال معارك {L}.",
    // Negation.
    "لم تتمكن {F} من استعادة السيطرة على {L} رغم الدعم الذي تتلقاه من {S}.",
    "نفت {GOV} أي تفاوض مع {G}.",
    "لا تملك {F} ما يكفي من الطائرات لتأمين {L}.",
    "ليس لدى {S} أي قوات في {L}، بحسب بيان رسمي.",
    "لن تنسحب {F} من {L} قبل نهاية العام، وفق {P}.",
    "عجزت {F} عن وقف تقدم {G} نحو {L}.",
    "ولم تشارك {S} في العمليات ضد {G} خلال {M}.",
    // Hedges.
    "قد تضطر {S} إلى التحول من الحل العسكري إلى الدبلوماسي في {S2}.",
    "يخشى محللون أن تسيطر {G} على {L} خلال الأشهر المقبلة.",
    "من المرجح أن تزيد {S} دعمها لـ{F} بعد سقوط {L}.",
    "ربما تسعى {G} إلى التفاوض مع {GOV} عبر وسطاء من {S}.",
    "ويحتمل أن تنقل {S} جزءًا من قواتها من {L} إلى {L2}.",
    // Nationality adjectives and plurals.
    "وقالت مصادر إن القوات {ADJ} انتشرت في {L} {D}.",
    "وصل مرتزقة {PL} إلى {L} لدعم {F}.",
    "وتتهم {GOV} المخابرات {ADJ} بدعم {G}.",
    "وتراجع النفوذ الفرنسي في المنطقة لصالح الشراكة مع القيادة {ADJ}.",
    // Verbal nouns and nominal sentences.
    "ويأتي تصاعد هجمات {G} في ظل تراجع الدعم الدولي لـ{GOV}.",
    "وأثار اغتيال {P} موجة من الغضب في {L}.",
    "{G} جماعة مسلحة تنشط في {L} منذ سنوات.",
    "و{L} مدينة استراتيجية على طريق الإمداد بين {S} و{S2}.",
    "أدانت {S} و{S2} و{AL} الهجوم الذي استهدف {L}.",
    "وتتواصل المعارك بين {A} و{A2} في ريف {L}.",
];

/// A follow-up that refers back to the group just named (reference words).
const REFERENCE_SENTENCES: &[&str] = &[
    "وقالت الجماعة في بيان نشرته على منصاتها إنها ستواصل عملياتها.",
    "وتبنى التنظيم الهجوم في وقت لاحق عبر وكالته الدعائية.",
    "وأكدت الحركة أنها لن تتراجع عن مطالبها.",
    "ولم تعلق الجماعة على هذه الاتهامات.",
];

/// Sentences that name no actor: the press fills articles with context.
const FILLER_SENTENCES: &[&str] = &[
    "وتعاني المنطقة من أزمة إنسانية حادة بسبب الجفاف وارتفاع أسعار الغذاء.",
    "ويعيش ملايين السكان في ظروف صعبة وسط انعدام الأمن وتراجع الخدمات الأساسية.",
    "ويرى مراقبون أن الحل العسكري وحده لن ينهي الأزمة.",
    "وتشير التقديرات إلى نزوح أكثر من {N} شخص خلال الأشهر الأخيرة.",
    "وأغلقت المدارس والأسواق أبوابها في عدة مناطق بعد تصاعد أعمال العنف.",
    "ولم يصدر أي تعليق رسمي حتى الآن.",
    "وتبقى الطرق الرئيسية مغلقة أمام حركة النقل التجاري.",
    "ويؤكد خبراء أن الأزمة الاقتصادية تغذي التطرف في صفوف الشباب.",
    "وتتواصل المخاوف من اتساع رقعة الصراع إلى الدول المجاورة.",
    "وفي ظل هذه التطورات، تبدو آفاق التسوية السياسية بعيدة.",
    "وارتفعت أسعار الوقود في الأسواق المحلية إلى مستويات غير مسبوقة.",
    "وتواجه المنظمات الإنسانية صعوبات كبيرة في الوصول إلى المحتاجين.",
    "كما تراجعت حركة التجارة عبر الحدود بشكل ملحوظ.",
    "ويقول السكان إنهم يعيشون في خوف دائم من الهجمات الليلية.",
    "وتعتمد آلاف الأسر على المساعدات الغذائية منذ {M}.",
    "ويحذر خبراء من أن استمرار الوضع الراهن قد يقود إلى انهيار اقتصادي شامل.",
];

/// Headlines.
const TITLES: &[&str] = &[
    "{G} تسيطر على {L}",
    "{S} تنشر قوات في {L}",
    "اشتباكات بين {G} و{F} في {L}",
    "{GOV} تنفي التفاوض مع {G}",
    "حصار {L}: {G} تخنق طرق الإمداد",
    "انسحاب {F} من {L}",
    "ماذا تعني صفقة {E} بين {S} و{GOV}؟",
    "مقتل {N} جنديًا في هجوم على {L}",
];

/// Reporting sources that are not in the lexicon.
const SOURCES: &[&str] = &[
    "وكالة الأنباء الرسمية",
    "مصادر أمنية",
    "مصادر محلية",
    "وسائل إعلام محلية",
    "منظمة هيومن رايتس ووتش",
    "وكالة رويترز",
    "صحيفة لوموند",
];

const MONTHS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const WEEKDAYS: &[&str] = &[
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

/// One generated article.
struct Article {
    id: String,
    title: String,
    url: String,
    published: String,
    text: String,
}

struct Generator<'a> {
    rng: SplitMix64,
    cast: &'a Cast,
    seed: u64,
    min_bytes: usize,
    max_bytes: usize,
}

/// Actors chosen for one sentence, by slot name, so that a name repeated in
/// a template is the same actor and two names are two actors.
type Chosen = Vec<(String, usize)>;

impl Generator<'_> {
    fn article(&mut self, i: usize) -> Article {
        // Each article has its own cast: a few actors per role that most of
        // its sentences draw on, as a real article follows one story.
        let focus = self.focus();
        let year = self.rng.range(2019, 2026);
        let month = self.rng.range(1, 12);
        let day = self.rng.range(1, 28);
        let target = self.rng.range(self.min_bytes, self.max_bytes);
        let headline = *self.rng.pick(TITLES);
        let title = self.fill(headline, &focus, &mut Vec::new());
        let mut text = String::with_capacity(target + 512);
        let mut paragraph = 0usize;
        let mut last_named_group = false;
        while text.len() < target {
            if paragraph > 0 {
                text.push('\n');
            }
            paragraph += 1;
            let sentences = self.rng.range(3, 7);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                let roll = self.rng.below(100);
                let sentence = if roll < 8 && last_named_group {
                    last_named_group = false;
                    self.rng.pick(REFERENCE_SENTENCES).to_string()
                } else if roll < 28 {
                    last_named_group = false;
                    let filler = *self.rng.pick(FILLER_SENTENCES);
                    self.fill(filler, &focus, &mut Vec::new())
                } else {
                    let template = *self.rng.pick(ACTOR_SENTENCES);
                    last_named_group = template.contains("{G}");
                    self.fill(template, &focus, &mut Vec::new())
                };
                text.push_str(&sentence);
                if text.len() >= target {
                    break;
                }
            }
        }
        text.push('\n');
        Article {
            id: format!("gen-{}-{i:07}", self.seed),
            title,
            url: format!("https://news.example.org/sahel/{}/{i}", self.seed),
            published: format!("{year:04}-{month:02}-{day:02}"),
            text,
        }
    }

    /// Up to four actors per role for one article.
    fn focus(&mut self) -> Vec<(Slot, Vec<usize>)> {
        let slots = [
            Slot::Group,
            Slot::Force,
            Slot::State,
            Slot::Gov,
            Slot::Alliance,
            Slot::Person,
            Slot::Place,
            Slot::Equipment,
            Slot::People,
            Slot::Adjective,
            Slot::Plural,
            Slot::Any,
        ];
        slots
            .iter()
            .map(|&slot| {
                let pool = self.cast.pool(slot);
                let k = self.rng.range(2, 4).min(pool.len());
                let mut chosen: Vec<usize> = Vec::with_capacity(k);
                for _ in 0..k * 3 {
                    if chosen.len() == k {
                        break;
                    }
                    let p = pool[self.rng.skewed(pool.len())];
                    if !chosen.contains(&p) {
                        chosen.push(p);
                    }
                }
                self.add_local(slot, &mut chosen);
                (slot, chosen)
            })
            .collect()
    }

    /// With `--actors`, one or two local groups (or one local person) join
    /// the article's focus, from one neighbourhood of the local list: the
    /// article's region.
    fn add_local(&mut self, slot: Slot, chosen: &mut Vec<usize>) {
        let cast = self.cast;
        let locals = match slot {
            Slot::Group => &cast.local_groups,
            Slot::Person => &cast.local_persons,
            _ => return,
        };
        // No draw at all without locals: the default corpus stays as it was.
        if locals.is_empty() {
            return;
        }
        let k = if slot == Slot::Group {
            self.rng.range(1, 2)
        } else {
            1
        };
        let region = self.rng.below(locals.len());
        for _ in 0..k {
            let p = locals[(region + self.rng.below(12)) % locals.len()];
            if !chosen.contains(&p) {
                chosen.insert(0, p);
            }
        }
    }

    /// Fills the slots of `template`.
    fn fill(
        &mut self,
        template: &str,
        focus: &[(Slot, Vec<usize>)],
        chosen: &mut Chosen,
    ) -> String {
        let mut out = String::with_capacity(template.len() * 2);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let name = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let kind = name.trim_end_matches(|c: char| c.is_ascii_digit());
            match kind {
                "D" => out.push_str(&self.date_phrase()),
                "M" => {
                    let m = self.rng.pick(MONTHS);
                    let y = self.rng.range(2019, 2025);
                    let y = self.number(y);
                    out.push_str(&format!("{m} {y}"));
                }
                "Y" => {
                    let y = self.rng.range(2012, 2025);
                    out.push_str(&self.number(y));
                }
                "N" => {
                    let n = match self.rng.below(3) {
                        0 => self.rng.range(2, 30),
                        1 => self.rng.range(30, 500),
                        _ => self.rng.range(500, 20000),
                    };
                    out.push_str(&self.number(n));
                }
                "SRC" => {
                    if self.rng.percent(30) && !self.cast.media.is_empty() {
                        let p = *self.rng.pick(&self.cast.media);
                        out.push_str(&self.name(p, Slot::Any));
                    } else {
                        let source: &&str = self.rng.pick(SOURCES);
                        out.push_str(source);
                    }
                }
                _ => match Slot::parse(kind) {
                    Some(slot) => {
                        let p = self.actor(name, slot, focus, chosen);
                        out.push_str(&self.name(p, slot));
                    }
                    None => out.push_str(name),
                },
            }
        }
        out.push_str(rest);
        out
    }

    /// The actor for slot `name`: the same as before in this sentence, else
    /// a new one, from the article's focus most of the time.
    fn actor(
        &mut self,
        name: &str,
        slot: Slot,
        focus: &[(Slot, Vec<usize>)],
        chosen: &mut Chosen,
    ) -> usize {
        if let Some((_, p)) = chosen.iter().find(|(n, _)| n == name) {
            return *p;
        }
        let pool = self.cast.pool(slot);
        let local = focus
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, v)| v.as_slice())
            .unwrap_or(&[]);
        let mut p = pool[0];
        for _ in 0..8 {
            p = if !local.is_empty() && self.rng.percent(75) {
                *self.rng.pick(local)
            } else {
                pool[self.rng.skewed(pool.len())]
            };
            if !chosen.iter().any(|(_, q)| *q == p) {
                break;
            }
        }
        chosen.push((name.to_string(), p));
        p
    }

    /// How the text names actor `p` in a slot of kind `slot`.
    fn name(&mut self, p: usize, slot: Slot) -> String {
        let player = &self.cast.players[p];
        match slot {
            Slot::Adjective if !player.adjectives.is_empty() => {
                return self.rng.pick(&player.adjectives).clone();
            }
            Slot::Plural if !player.plurals.is_empty() => {
                return self.rng.pick(&player.plurals).clone();
            }
            _ => {}
        }
        if !player.acronyms.is_empty() && self.rng.percent(15) {
            return self.rng.pick(&player.acronyms).clone();
        }
        // The label most of the time, an alias otherwise.
        if player.names.len() > 1 && self.rng.percent(35) {
            return player.names[1 + self.rng.below(player.names.len() - 1)].clone();
        }
        player.names[0].clone()
    }

    fn date_phrase(&mut self) -> String {
        let month = self.rng.pick(MONTHS);
        let year = self.rng.range(2019, 2025);
        let day = self.rng.range(1, 28);
        match self.rng.below(7) {
            0 => format!("في {} {month} {}", self.number(day), self.number(year)),
            1 => format!("يوم {}", self.rng.pick(WEEKDAYS)),
            2 => format!("خلال {month} {}", self.number(year)),
            3 => format!("في {month} الماضي"),
            4 => format!("منذ عام {}", self.number(year)),
            5 => format!("أواخر {month} {}", self.number(year)),
            _ => format!(
                "يوم {} {} {month}",
                self.rng.pick(WEEKDAYS),
                self.number(day)
            ),
        }
    }

    /// A number in ASCII digits, or one time in ten in Arabic-Indic digits
    /// (U+0660..U+0669), which Arabic sites also use.
    fn number(&mut self, n: usize) -> String {
        let ascii = n.to_string();
        if self.rng.percent(10) {
            ascii
                .chars()
                .map(|c| char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c))
                .collect()
        } else {
            ascii
        }
    }
}

/// The `j`-th name's choice in each of three lists of the given sizes:
/// `j` spread over all combinations by a prime stride, read in mixed radix
/// (the first list's index varies fastest).
fn spread(j: usize, sizes: [usize; 3]) -> [usize; 3] {
    let x = (j * 7919) % sizes.iter().product::<usize>();
    [
        x % sizes[0],
        (x / sizes[0]) % sizes[1],
        x / (sizes[0] * sizes[1]),
    ]
}
