//! Extracts typed relations between mentions, with their qualifiers.
//!
//! The patterns are data (`ontology/patterns/*.toml`, see [`patterns`]); this
//! module is the engine that applies them. For each sentence it tokenizes the
//! original text, places the mentions on the tokens, cuts the sentence into
//! clauses, finds triggers with affix tolerance, and fills each trigger's
//! arguments according to its frame (verb, verbal noun, participles,
//! prepositional phrase, بين-list, title). Arguments are checked against the
//! relation's domain and range in the ontology; coordinated arguments give one
//! statement each; a dropped subject takes the last agreeing subject of the
//! same or the previous sentence. Polarity, modality, dates and quantities
//! come from their own submodules.

mod cues;
mod dates;
mod modality;
pub mod patterns;
mod polarity;
mod quantities;
mod text;

use std::collections::{BTreeMap, HashMap};

use oxigraph::model::{NamedOrBlankNode, Quad, Term};

use crate::error::{Error, Result};
use crate::model::{
    Actor, Document, Evidence, Iri, Mention, MentionKind, Modality, Polarity, Sentence, Span,
    Statement, ns,
};
use crate::ontology::Ontology;
use patterns::{Frame, Genitive, Hit, Implicit, Pattern, TriggerIndex};
use text::{
    CLAUSE_PUNCT, CONNECTIVES, PREP_CLITICS, PREP_WORDS, RELATIVES, TokKind, Token, fold, is_comma,
    strip_conj,
};

/// Nouns that head a phrase naming an actor (قوات الأمم المتحدة، عناصر فاغنر);
/// after و they coordinate the phrase with the one before.
const HEAD_NOUNS: &[&str] = &[
    "قوات",
    "عناصر",
    "مقاتلي",
    "وحدات",
    "جيش",
    "حكومه",
    "حكومات",
    "دول",
    "بعثه",
    "ميليشيات",
    "مسلحي",
    "جنود",
    "سلطات",
    "قيادات",
    "مرتزقه",
    "عاملين",
    "مدربين",
    "مستشارين",
    "عسكريين",
    "ضباط",
    "مسلحين",
];

/// How many sentences back a dropped subject may find its antecedent: news
/// paragraphs keep their topic across a sentence or two.
const TOPIC_REACH: usize = 2;

/// The folder under the ontology folder that holds the patterns.
pub const PATTERNS_DIR: &str = "patterns";

/// The compiled relation patterns.
#[derive(Debug)]
pub struct Extractor {
    patterns: Vec<Pattern>,
    index: TriggerIndex,
    /// Relation gold name → (domain classes, range classes).
    signatures: HashMap<String, (Vec<String>, Vec<String>)>,
    /// Class local name → itself and its ancestors.
    ancestors: HashMap<String, Vec<String>>,
    /// Lexicon IRI → class local name.
    lexicon: HashMap<Iri, String>,
    /// Negators, reporting words and hedges (`patterns/qualifiers.toml`).
    cues: cues::Cues,
}

/// Grammatical gender and number, as far as agreement needs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Masc,
    Fem,
    Plural,
    Unknown,
}

fn agrees(verb: Gender, actor: Gender) -> bool {
    match (verb, actor) {
        (Gender::Unknown, _) | (_, Gender::Unknown) | (Gender::Plural, _) => true,
        // Non-human plurals take feminine singular agreement (القوات شنّت).
        (Gender::Fem, Gender::Plural) => true,
        (v, a) => v == a,
    }
}

/// A mention placed on the tokens of its sentence.
#[derive(Clone, Debug)]
struct Arg {
    actor: Iri,
    class: String,
    first: usize,
    end: usize,
    span: Span,
    /// Folded proclitics on the first token before the mention (و، ب، لل …).
    clitic: String,
    gender: Gender,
    /// How the mention names the actor: a nationality adjective right after
    /// another mention (شركة بايكار التركية) qualifies it, it is not a head.
    kind: MentionKind,
    /// Other actors named by the same words: «الطرفان» refers to two.
    twins: Vec<Ent>,
}

/// One sentence prepared for the frames.
struct Ctx<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    args: Vec<Arg>,
    arg_at: Vec<Option<usize>>,
    clause: Vec<usize>,
    clause_start: Vec<usize>,
    /// Whether a verb or participle trigger starts at each token: arguments
    /// are not looked for beyond another predicate.
    trigger_at: Vec<bool>,
    /// Whether a verbal-noun trigger starts at each token.
    noun_trigger_at: Vec<bool>,
    /// Whether a verb trigger with the future prefix سـ starts at each token.
    future_at: Vec<bool>,
    /// The triggers starting at each token.
    hits: Vec<Vec<Hit>>,
}

/// An argument as a frame found it: a mention of this sentence or a topic
/// carried over from an earlier clause or sentence.
#[derive(Clone, Debug)]
struct Ent {
    actor: Iri,
    class: String,
    span: Option<Span>,
    gender: Gender,
}

/// An actor available as the subject of a later clause without one.
#[derive(Clone, Debug)]
struct Topic {
    /// The actor, or a coordinated list of actors (مالي وبوركینا فاسو).
    ents: Vec<Ent>,
    gender: Gender,
    sentence: usize,
    /// The clause of that sentence it is the subject of.
    clause: usize,
    /// It is the subject of an extracted statement, not only a clause opener.
    stated: bool,
    /// It opens an apposition or list item after a comma, not a clause: a
    /// pronoun prefers the subject of a clause.
    apposed: bool,
}

/// What the sentences of a document share.
struct DocCtx<'a> {
    doc: &'a Document,
    published: Option<dates::Ymd>,
    /// The state the article is about so far (see [`StateCount`]).
    article_state: Option<Ent>,
}

/// Mentions of each state so far in a document: the one named most often
/// (the first named on a tie) is the state the article is about.
#[derive(Default)]
struct StateCount {
    /// (actor, class, count, first position).
    seen: Vec<(Iri, String, usize, usize)>,
}

impl StateCount {
    fn add(&mut self, ctx: &Ctx<'_>) {
        let order = self.seen.len();
        // Names only: «القوات الأمريكية» in a report on Niger does not make
        // it a report on the United States.
        for a in ctx.args.iter().filter(|a| a.kind != MentionKind::Adjective) {
            for e in std::iter::once(ent(a)).chain(a.twins.iter().cloned()) {
                if e.class != "State" {
                    continue;
                }
                match self.seen.iter_mut().find(|s| s.0 == e.actor) {
                    Some(s) => s.2 += 1,
                    None => self.seen.push((e.actor, e.class, 1, order)),
                }
            }
        }
    }

    fn top(&self) -> Option<Ent> {
        self.seen
            .iter()
            .filter(|s| s.2 >= 2)
            .max_by_key(|s| (s.2, std::cmp::Reverse(s.3)))
            .map(|s| Ent {
                actor: s.0.clone(),
                class: s.1.clone(),
                span: None,
                gender: Gender::Fem,
            })
    }
}

/// What a frame found for one trigger.
#[derive(Debug, Default)]
struct Found {
    subjects: Vec<Ent>,
    objects: Vec<Ent>,
    /// Pairs within one list (the بين frame), all symmetric.
    pairs: Vec<(Ent, Ent)>,
    /// Largest token distance from trigger to an argument.
    distance: usize,
    /// The subject came from an earlier clause (dropped or pronoun).
    carried: bool,
    /// The subject is a member noun of the clause with a possessive pronoun
    /// (مقاتلوها): carried, yet the clause's own subject.
    possessed: bool,
    /// The subject is the genitive of the verbal noun (انسحاب فرنسا).
    genitive: bool,
}

impl Extractor {
    /// Loads the patterns under the ontology folder and checks them against the ontology.
    pub fn load(ontology: &Ontology) -> Result<Extractor> {
        let dir = ontology.dir.join(PATTERNS_DIR);
        let patterns = patterns::read_dir(&dir)?;
        Extractor::from_patterns(patterns, ontology)
    }

    /// Compiles already read patterns (the tests use it for one-pattern engines).
    pub fn from_patterns(patterns: Vec<Pattern>, ontology: &Ontology) -> Result<Extractor> {
        patterns::validate(&patterns, ontology)?;
        if patterns.is_empty() {
            return Err(Error::Ontology {
                path: ontology.dir.join(PATTERNS_DIR),
                message: "no relation pattern found (*.toml)".into(),
            });
        }
        let mut signatures = HashMap::new();
        for r in &ontology.relations {
            let domain = classes_of_property(&ontology.ontology_quads, &r.iri, "domain");
            let range = classes_of_property(&ontology.ontology_quads, &r.iri, "range");
            signatures.insert(r.name.clone(), (domain, range));
        }
        let mut ancestors = HashMap::new();
        for c in ontology.classes.keys() {
            let up: Vec<String> = ontology
                .classes
                .keys()
                .filter(|a| ontology.is_a(c, a))
                .cloned()
                .collect();
            ancestors.insert(c.clone(), up);
        }
        let lexicon = ontology
            .lexicon
            .iter()
            .map(|e| (e.iri.clone(), e.class.clone()))
            .collect();
        let index = TriggerIndex::new(&patterns);
        let cues = cues::Cues::read(&ontology.dir.join(PATTERNS_DIR).join(cues::QUALIFIERS_FILE))?;
        Ok(Extractor {
            patterns,
            index,
            signatures,
            ancestors,
            lexicon,
            cues,
        })
    }

    /// The loaded patterns, in file and declaration order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    fn is_a(&self, class: &str, allowed: &[String]) -> bool {
        allowed.is_empty()
            || self
                .ancestors
                .get(class)
                .is_some_and(|up| allowed.iter().any(|a| up.contains(a)))
    }

    /// The domain and range classes of a relation (empty: unconstrained),
    /// borrowed: the frames ask for every candidate pair.
    fn signature(&self, relation: &str) -> (&[String], &[String]) {
        self.signatures
            .get(relation)
            .map_or((&[][..], &[][..]), |(d, r)| (d.as_slice(), r.as_slice()))
    }

    /// Whether an actor of `class` can fill the frame's first (subject) or
    /// second (object) slot of `p`, before `swap` is applied.
    fn slot_fits(&self, p: &Pattern, class: &str, first_slot: bool) -> bool {
        let (domain, range) = self.signature(&p.relation);
        let subject_role = first_slot != p.swap;
        if subject_role {
            self.is_a(class, domain) && self.is_a(class, &p.subject_class)
        } else {
            self.is_a(class, range) && self.is_a(class, &p.object_class)
        }
    }

    fn fits(&self, p: &Pattern, subject: &Ent, object: &Ent) -> bool {
        let (domain, range) = self.signature(&p.relation);
        subject.actor != object.actor
            && self.is_a(&subject.class, domain)
            && self.is_a(&subject.class, &p.subject_class)
            && self.is_a(&object.class, range)
            && self.is_a(&object.class, &p.object_class)
    }

    /// The statements of `doc`, in text order. `discovered` are the actors
    /// minted for this document (the lexicon's are in the ontology).
    pub fn extract(
        &self,
        doc: &Document,
        sentences: &[Sentence],
        mentions: &[Mention],
        discovered: &[Actor],
    ) -> Vec<Statement> {
        let published = doc.published.as_deref().and_then(dates::Ymd::parse);
        let classes: HashMap<&str, &str> = discovered
            .iter()
            .map(|a| (a.iri.as_str(), a.class.as_str()))
            .collect();
        let class_of = |iri: &str| -> String {
            self.lexicon
                .get(iri)
                .map(String::as_str)
                .or_else(|| classes.get(iri).copied())
                .unwrap_or("Actor")
                .to_string()
        };
        let mut out: Vec<Statement> = Vec::new();
        let mut topics: Vec<Topic> = Vec::new();
        let mut states = StateCount::default();
        for sentence in sentences {
            let ctx = self.prepare(&doc.text, sentence, mentions, &class_of);
            states.add(&ctx);
            let doc_ctx = DocCtx {
                doc,
                published,
                article_state: states.top(),
            };
            self.sentence(&doc_ctx, sentence, &ctx, &mut topics, &mut out);
        }
        out
    }

    /// Tokenizes a sentence, places its mentions and cuts it into clauses.
    fn prepare<'a>(
        &self,
        text: &'a str,
        sentence: &Sentence,
        mentions: &[Mention],
        class_of: &dyn Fn(&str) -> String,
    ) -> Ctx<'a> {
        let tokens = text::tokenize(text, sentence.span);
        let mut args: Vec<Arg> = Vec::new();
        let mut arg_at = vec![None; tokens.len()];
        let mut ms: Vec<&Mention> = mentions
            .iter()
            .filter(|m| sentence.span.contains(m.span) && m.span.start < m.span.end)
            .collect();
        ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        for m in ms {
            let Some(first) = tokens
                .iter()
                .position(|t| t.span.start <= m.span.start && m.span.start < t.span.end)
            else {
                continue;
            };
            let end = tokens
                .iter()
                .rposition(|t| t.span.start < m.span.end)
                .map_or(first + 1, |e| e + 1)
                .max(first + 1);
            if arg_at[first..end].iter().any(Option::is_some) {
                // A reference to several actors (الطرفان، الدول الثلاث) gives
                // one mention per actor on the same words.
                if let Some(last) = args.last_mut()
                    && last.span == m.span
                    && last.actor != m.actor
                    && !last.twins.iter().any(|t| t.actor == m.actor)
                {
                    last.twins.push(Ent {
                        actor: m.actor.clone(),
                        class: class_of(&m.actor),
                        span: Some(m.span),
                        gender: Gender::Plural,
                    });
                    last.gender = Gender::Plural;
                }
                continue;
            }
            let clitic = fold(&text[tokens[first].span.start..m.span.start]);
            let class = class_of(&m.actor);
            let gender = actor_gender(&fold(m.span.of(text)), &class, m.kind);
            for slot in &mut arg_at[first..end] {
                *slot = Some(args.len());
            }
            args.push(Arg {
                actor: m.actor.clone(),
                class,
                first,
                end,
                span: m.span,
                clitic,
                gender,
                kind: m.kind,
                twins: Vec::new(),
            });
        }
        let mut clause = Vec::with_capacity(tokens.len());
        let mut clause_start = vec![0];
        for (i, t) in tokens.iter().enumerate() {
            let k = t.key.as_str();
            let boundary = i > 0
                && arg_at[i].is_none()
                && (CLAUSE_PUNCT.contains(&k)
                    || CONNECTIVES.contains(&k)
                    || CONNECTIVES.contains(&strip_conj(k)));
            if boundary {
                clause_start.push(i);
            }
            clause.push(clause_start.len() - 1);
        }
        // Triggers are looked up once per token; the frames read them often.
        let hits: Vec<Vec<Hit>> = (0..tokens.len())
            .map(|i| self.index.hits_at(&tokens, i))
            .collect();
        let trigger_at = (0..tokens.len())
            .map(|i| {
                arg_at[i].is_none()
                    && !PREP_WORDS.contains(&tokens[i].key.as_str())
                    && hits[i].iter().any(|h| {
                        matches!(
                            self.patterns[h.pattern].frame,
                            Frame::Verb | Frame::ActiveParticiple | Frame::PassiveParticiple
                        )
                    })
            })
            .collect();
        let noun_trigger_at = (0..tokens.len())
            .map(|i| {
                arg_at[i].is_none()
                    && !PREP_WORDS.contains(&tokens[i].key.as_str())
                    && hits[i].iter().any(|h| {
                        matches!(self.patterns[h.pattern].frame, Frame::Noun | Frame::Between)
                    })
            })
            .collect();
        let future_at = (0..tokens.len())
            .map(|i| {
                arg_at[i].is_none()
                    && hits[i].iter().any(|h| {
                        self.patterns[h.pattern].frame == Frame::Verb
                            && h.prefix.trim_start_matches(['و', 'ف']).starts_with('س')
                    })
            })
            .collect();
        Ctx {
            text,
            tokens,
            args,
            arg_at,
            clause,
            clause_start,
            trigger_at,
            noun_trigger_at,
            future_at,
            hits,
        }
    }

    fn sentence(
        &self,
        dc: &DocCtx<'_>,
        sentence: &Sentence,
        ctx: &Ctx<'_>,
        topics: &mut Vec<Topic>,
        out: &mut Vec<Statement>,
    ) {
        let (doc, published) = (dc.doc, dc.published);
        let quantities = quantities::find(ctx.text, &ctx.tokens);
        // A number that counts something is not a year (نحو 2000 عنصر).
        let dates: Vec<dates::DateExpr> = dates::find(&ctx.tokens, published)
            .into_iter()
            .filter(|d| {
                !quantities
                    .iter()
                    .any(|q| q.first < d.end && d.first < q.end)
            })
            .collect();
        let is_arg = |i: usize| ctx.arg_at.get(i).is_some_and(Option::is_some);
        let first_out = out.len();
        let mut next_topic_arg = 0;
        for i in 0..ctx.tokens.len() {
            // Clause-initial actors without a preposition become topics as the
            // reading reaches them, so that a later dropped subject finds them.
            while next_topic_arg < ctx.args.len() && ctx.args[next_topic_arg].first <= i {
                let a = &ctx.args[next_topic_arg];
                let cs = ctx.clause_start[ctx.clause[a.first]];
                let comma = (cs..a.first)
                    .rev()
                    .find(|&j| is_comma(&ctx.tokens[j].key))
                    .map_or(cs, |j| j + 1);
                if a.first - comma <= 2 && prep_of(ctx, next_topic_arg).is_empty() {
                    let group = conjuncts_forward(ctx, next_topic_arg);
                    let last = group.iter().copied().max().unwrap_or(next_topic_arg);
                    topics.push(Topic {
                        gender: if group.len() > 1 {
                            Gender::Plural
                        } else {
                            a.gender
                        },
                        ents: group.ents(ctx),
                        sentence: sentence.index,
                        clause: ctx.clause[a.first],
                        stated: false,
                        // After a comma: an apposition or list item (X، Y؛
                        // …، أبرزها Y), unless a word other than a marker
                        // opens the stretch (رغم …، يظل JNIM خصما).
                        apposed: comma != cs
                            && (a.first == comma || elaboration(ctx, comma).is_some()),
                    });
                    next_topic_arg = last;
                }
                next_topic_arg += 1;
            }
            // A trigger inside an actor's name (جبهة تحرير أزواد) states nothing.
            if is_arg(i) {
                continue;
            }
            for hit in ctx.hits[i].clone() {
                // A trigger inside a longer one of another pattern (مغادرة in
                // رعاياها على مغادرة) gives way to it.
                if shadowed(ctx, &hit) {
                    continue;
                }
                let p = &self.patterns[hit.pattern];
                let mut found = self.frame(p, &hit, ctx, topics, sentence.index);
                let mut implicit = false;
                if found.objects.is_empty() && found.pairs.is_empty() && !found.subjects.is_empty()
                {
                    if !p.object_from_subject_of.is_empty() {
                        let fit = |c: &str| self.slot_fits(p, c, false);
                        found.objects = founded(
                            ctx,
                            &p.object_from_subject_of,
                            hit.first,
                            topics,
                            sentence.index,
                            &fit,
                        );
                    }
                    // Only for a subject the trigger's own phrase names
                    // (انسحاب القوات الفرنسية), not one borrowed from the clause
                    // (طالبت السلطات برحيل …).
                    // Nor when the phrase names a place the engine does not
                    // know (انسحاب البعثة من قاعدتها): the source is stated.
                    let stated_source = (hit.end..ctx.tokens.len().min(hit.end + 8))
                        .take_while(|&j| same_clause(ctx, hit.first, j))
                        .any(|j| {
                            let k = strip_conj(&ctx.tokens[j].key);
                            p.object_prep.iter().any(|op| fold(op) == k)
                        });
                    // «إجلاء رعاياها»: a genitive with a possessive pronoun
                    // is the subject's own people.
                    let own_people = ctx.tokens.get(hit.end).is_some_and(|t| {
                        ctx.arg_at[hit.end].is_none()
                            && t.kind == TokKind::Arabic
                            && t.key.chars().count() >= 5
                            && ["ها", "هم", "يه"].iter().any(|x| t.key.ends_with(x))
                    });
                    if found.objects.is_empty()
                        && (found.genitive || (own_people && !found.carried))
                        && !stated_source
                        && p.implicit_object == Some(Implicit::ArticleState)
                        && let Some(state) = state_before(ctx, hit.first, &found.subjects)
                            .or_else(|| dc.article_state.clone())
                        && !found.subjects.iter().any(|s| s.actor == state.actor)
                    {
                        found.objects = vec![state];
                        implicit = true;
                    }
                }
                // «تعد مالي عضوًا في التحالف، إلى جانب بوركينا فاسو والنيجر»:
                // actors added after the complement share the subject's role.
                let alongside = if p.swap || found.subjects.is_empty() || found.carried {
                    Vec::new()
                } else {
                    alongside(ctx, hit.end)
                };
                found.subjects.extend(alongside.iter().cloned());
                let pol = polarity::polarity(
                    &self.cues,
                    &ctx.tokens,
                    hit.first,
                    ctx.clause_start[ctx.clause[hit.first]],
                    &is_arg,
                );
                // سـ on a verb of the clause: a future event is only expected
                // (ستنشر روسيا قوات …), for the verb and the nouns it governs.
                let clause_of_hit = ctx.clause[hit.first];
                let future =
                    (ctx.clause_start[clause_of_hit]..=hit.first).any(|j| ctx.future_at[j]);
                let (modality, source) = modality::modality(
                    &self.cues,
                    &ctx.tokens,
                    hit.first,
                    hit.end,
                    ctx.clause_start[ctx.clause[hit.first]],
                    cue_scope(ctx, hit.first),
                    &is_arg,
                );
                let modality = if future { Modality::Hedged } else { modality };
                let date = nearest_date(ctx, &dates, &hit);
                let clause = ctx.clause[hit.first];
                let qs: Vec<_> = quantities
                    .iter()
                    .filter(|q| ctx.clause[q.first] == clause)
                    .map(|q| q.quantity.clone())
                    .collect();
                let trigger = ctx.tokens[hit.first]
                    .span
                    .cover(ctx.tokens[hit.end - 1].span);
                let mut pairs: Vec<(Ent, Ent, bool)> = found
                    .pairs
                    .iter()
                    .map(|(a, b)| (a.clone(), b.clone(), true))
                    .collect();
                for s in &found.subjects {
                    for o in &found.objects {
                        let (s, o) = if p.swap { (o, s) } else { (s, o) };
                        pairs.push((s.clone(), o.clone(), false));
                    }
                }
                let mut subject_used = false;
                for (n, (s, o, _)) in pairs.iter().enumerate() {
                    if !self.fits(p, s, o) {
                        continue;
                    }
                    subject_used = true;
                    let mut focus = trigger;
                    for e in [s, o] {
                        if let Some(sp) = e.span {
                            focus = focus.cover(sp);
                        }
                    }
                    let mut confidence =
                        p.frame.base_confidence() - 0.03 * found.distance.saturating_sub(1) as f64;
                    if found.carried {
                        confidence *= 0.8;
                    }
                    // An object the sentence leaves unstated is a reading.
                    if implicit {
                        confidence *= 0.7;
                    }
                    if n > 0 {
                        confidence *= 0.95;
                    }
                    // What the pattern also states (attacks in a country are
                    // operations there), where the actors fit that relation.
                    let also = p.also.iter().filter(|r| {
                        let (domain, range) = self.signature(r);
                        self.is_a(&s.class, domain) && self.is_a(&o.class, range)
                    });
                    for relation in std::iter::once(&p.relation).chain(also) {
                        out.push(Statement {
                            doc: doc.id.clone(),
                            subject: s.actor.clone(),
                            relation: relation.clone(),
                            object: o.actor.clone(),
                            polarity: pol,
                            modality,
                            date: date.clone(),
                            quantities: qs.clone(),
                            attributed_to: source.map(|sp| sp.of(ctx.text).to_string()),
                            evidence: Evidence {
                                index: sentence.index,
                                sentence: sentence.span.of(ctx.text).to_string(),
                                span: sentence.span,
                                focus,
                            },
                            pattern: p.id.clone(),
                            confidence: (confidence.clamp(0.2, 0.99) * 100.0).round() / 100.0,
                        });
                    }
                }
                // A verb's subject is the topic of what follows even when the
                // verb states no relation (مقاتلوها هاجموا القافلة وقتلوا …).
                let verb_subject = p.frame == Frame::Verb && (!found.carried || found.possessed);
                if (subject_used || verb_subject)
                    && !p.swap
                    && let Some(s) = found.subjects.first()
                {
                    topics.push(Topic {
                        gender: if found.subjects.len() > 1 {
                            Gender::Plural
                        } else {
                            s.gender
                        },
                        ents: found.subjects.clone(),
                        sentence: sentence.index,
                        clause: ctx.clause[hit.first],
                        stated: subject_used,
                        // A participle's head is described, not the subject
                        // of a clause (مؤسسة الزلاقة، الذراع الإعلامية للجماعة).
                        // Nor is a verbal noun's genitive (اندماج حركات، أبرزها …).
                        apposed: matches!(
                            p.frame,
                            Frame::ActiveParticiple | Frame::PassiveParticiple
                        ) || found.genitive,
                    });
                    if alongside.len() > 1 {
                        topics.push(Topic {
                            gender: Gender::Plural,
                            ents: alongside,
                            sentence: sentence.index,
                            clause: ctx.clause[hit.first],
                            stated: true,
                            apposed: false,
                        });
                    }
                }
            }
        }
        dedupe(out, first_out);
    }

    /// Fills the arguments of one trigger according to its pattern's frame.
    fn frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        let mut f = Found::default();
        let fit_object = |a: &Arg| self.slot_fits(p, &a.class, false);
        let fit_subject = |a: &Arg| self.slot_fits(p, &a.class, true);
        // The participle's complement: the object of an active participle,
        // the agent (subject) of a passive one.
        let fit_other = |a: &Arg| self.slot_fits(p, &a.class, p.frame == Frame::PassiveParticiple);
        let object_preps: Vec<String> = p.object_prep.iter().map(|s| fold(s)).collect();
        let agent_preps: Vec<String> = p.agent_prep.iter().map(|s| fold(s)).collect();
        match p.frame {
            Frame::Verb => {
                let before = subject_before(ctx, hit.first, 3);
                // An actor right after the verb that cannot be its subject
                // (a place after هاجم) is its object, with a dropped subject.
                let after = direct_after(ctx, hit.end, 2)
                    .filter(|&a| self.slot_fits(p, &ctx.args[a].class, true));
                let gender = verb_gender(&hit.prefix, &hit.suffix);
                // In a relative clause with its own subject after the verb
                // (مالي التي تحاصر الجماعة عاصمتها) the antecedent is not the subject.
                let relative =
                    hit.first > 0 && RELATIVES.contains(&ctx.tokens[hit.first - 1].key.as_str());
                let before = before.filter(|_| !(relative && after.is_some()));
                // «وكلاهما يستضيف …»: «both» takes the last two actors of the
                // most recent coordinated subject.
                if before.is_none()
                    && hit.first > 0
                    && matches!(
                        strip_conj(&ctx.tokens[hit.first - 1].key),
                        "كلاهما" | "كلتاهما" | "كلاهم"
                    )
                    && let Some(both) = find_topic(topics, sentence, |t| t.ents.len() > 1)
                {
                    f.subjects = both[both.len() - 2..].to_vec();
                    f.carried = true;
                    if let Some(o) = object_after(ctx, hit.end, &object_preps, 6, &fit_object) {
                        f.objects = conjuncts_forward(ctx, o).ents(ctx);
                    }
                    return f;
                }
                let (subject_list, object_from) = match (before, after) {
                    (Some(b), _) if agrees(gender, ctx.args[b].gender) => {
                        (conjuncts_backward(ctx, b), hit.end)
                    }
                    (_, Some(a)) => {
                        let list = conjuncts_forward(ctx, a);
                        let from = list
                            .iter()
                            .map(|&x| ctx.args[x].end)
                            .max()
                            .unwrap_or(hit.end);
                        (list, from)
                    }
                    _ => (Vec::new(), hit.end),
                };
                f.subjects = subject_list.ents(ctx);
                // «المنطقة التي يسيطر عليها حفتر»: after a relative pronoun, a
                // resumptive pronoun makes the antecedent the object.
                let antecedent = (hit.first > 0
                    && RELATIVES.contains(&ctx.tokens[hit.first - 1].key.as_str())
                    && after.is_some()
                    && (object_pronoun(&hit.suffix)
                        || ctx.tokens.get(hit.end).is_some_and(|t| resumptive(&t.key))))
                .then(|| head_before(ctx, hit.first - 1))
                .flatten();
                if let (Some(h), Some(a)) = (antecedent, after) {
                    f.objects = [h].ents(ctx);
                    f.subjects = conjuncts_forward(ctx, a).ents(ctx);
                    return f;
                }
                if let Some(o) = object_after(ctx, object_from, &object_preps, 6, &fit_object) {
                    f.distance = ctx.args[o].first.saturating_sub(hit.end);
                    let list = conjuncts_forward(ctx, o);
                    let end = list
                        .iter()
                        .map(|&x| ctx.args[x].end)
                        .max()
                        .unwrap_or(hit.end);
                    f.objects = list.ents(ctx);
                    // Verb, prepositional object, then subject (تنشط في المنطقة جماعات).
                    if f.subjects.is_empty()
                        && let Some(s) = direct_after(ctx, end, 2)
                        && agrees(gender, ctx.args[s].gender)
                    {
                        f.subjects = conjuncts_forward(ctx, s).ents(ctx);
                    }
                }
                // «أربع جماعات تنشط في مالي، وهي أنصار الدين، والمرابطون …»:
                // the list after وهي names the unnamed subject.
                if f.subjects.is_empty() {
                    f.subjects = apposed_list(ctx, hit.end);
                }
                // «إن مقاتليها هاجموا …»، «هاجم عناصرها …»: a member noun
                // with a possessive pronoun names the pronoun's antecedent.
                let possessed = [hit.first.checked_sub(1), Some(hit.end)]
                    .into_iter()
                    .flatten()
                    .filter(|&j| {
                        ctx.arg_at.get(j).is_some_and(Option::is_none)
                            && same_clause(ctx, j, hit.first)
                    })
                    .find_map(|j| member_pronoun(&ctx.tokens[j].key));
                if f.subjects.is_empty()
                    && let Some(g) = possessed
                    && let Some(t) = clause_topic(topics, g, sentence)
                {
                    f.subjects = t;
                    f.carried = true;
                    f.possessed = true;
                }
                // «يعمل المجلس … مستندا إلى الدعم»: a participle of state
                // (مستندا، معتمدا) describes the clause's subject.
                if f.subjects.is_empty()
                    && strip_conj(&ctx.tokens[hit.first].key).starts_with('م')
                    && hit.suffix.ends_with('ا')
                    && let Some(c) = segment_subject(ctx, hit.first)
                {
                    f.subjects = conjuncts_forward(ctx, c).ents(ctx);
                }
                if f.subjects.is_empty()
                    && subject_dropped(ctx, hit, object_preps.iter().any(String::is_empty))
                    && let Some(t) = topic(topics, gender, sentence)
                {
                    f.subjects = t;
                    f.carried = true;
                }
                // «ويقودها فلان»، «يسيطر عليها الجيش»: an object pronoun on the
                // verb, or on the preposition the pattern wants, refers back
                // to the topic when the subject is named in the clause.
                let pronoun =
                    if object_pronoun(&hit.suffix) && object_preps.iter().any(String::is_empty) {
                        possessive_gender(&hit.suffix)
                    } else {
                        ctx.tokens
                            .get(hit.end)
                            .and_then(|t| resumptive_of(&t.key, &object_preps))
                    };
                let relative =
                    hit.first > 0 && RELATIVES.contains(&ctx.tokens[hit.first - 1].key.as_str());
                if f.objects.is_empty()
                    && !f.subjects.is_empty()
                    && !f.carried
                    && !relative
                    && let Some(g) = pronoun
                    && let Some(t) = clause_topic(topics, g, sentence)
                {
                    let named: Vec<&str> = f.subjects.iter().map(|e| e.actor.as_str()).collect();
                    f.objects = t
                        .into_iter()
                        .filter(|e| !named.contains(&e.actor.as_str()))
                        .collect();
                }
                // «أعلنت الجماعة مسؤوليتها عن الهجمات التي استهدفت …»: a
                // relative clause on an event has the claimant as agent.
                if f.subjects.is_empty()
                    && relative
                    && let Some(c) = claimant(ctx, hit.first, topics, sentence, &fit_subject)
                {
                    f.subjects = c;
                }
                passive_agent(ctx, hit.end, &mut f);
            }
            Frame::Noun | Frame::Between => {
                if p.joint {
                    // With partners named (… عمليات مشتركة مع الجيش) the
                    // undertaking is between the two sides; otherwise between
                    // the coordinated actors (القوات السنغالية والمالية).
                    let (before, after) = joint_parties(ctx, hit, &fit_object);
                    if after.is_empty() {
                        for (n, a) in before.iter().enumerate() {
                            for b in &before[n + 1..] {
                                f.pairs.push((a.clone(), b.clone()));
                            }
                        }
                    } else {
                        for a in &before {
                            for b in after.iter().filter(|b| b.actor != a.actor) {
                                f.pairs.push((a.clone(), b.clone()));
                            }
                        }
                    }
                    return f;
                }
                if p.frame == Frame::Between
                    && let Some(list) = between_list(ctx, hit.end)
                {
                    let list = list.ents(ctx);
                    for (n, a) in list.iter().enumerate() {
                        for b in &list[n + 1..] {
                            f.pairs.push((a.clone(), b.clone()));
                        }
                    }
                    return f;
                }
                // The genitive right after the noun, or a nationality
                // adjective, or the members named of a common noun
                // (اندماج جماعات، بما فيها أ وب).
                let genitive = direct_after(ctx, hit.end, 1)
                    .or_else(|| elaborated(ctx, hit.end, 4))
                    .or_else(|| counted(ctx, hit.end))
                    .or_else(|| glossed(ctx, hit.end));
                let mut object_from = hit.end;
                let mut genitive_ents = Vec::new();
                if let Some(g) = genitive {
                    let list = conjuncts_forward(ctx, g);
                    object_from = list
                        .iter()
                        .map(|&x| ctx.args[x].end)
                        .max()
                        .unwrap_or(hit.end);
                    genitive_ents = list.ents(ctx);
                }
                if let Some(o) = object_after(ctx, object_from, &object_preps, 6, &fit_object) {
                    f.distance = ctx.args[o].first.saturating_sub(hit.end);
                    f.objects = conjuncts_forward(ctx, o).ents(ctx);
                }
                // With an object behind its preposition the genitive can only be
                // the subject (حصار الجماعة لباماكو); alone it takes the
                // pattern's role (حصار باماكو).
                if !genitive_ents.is_empty() {
                    if p.genitive == Genitive::Object && f.objects.is_empty() {
                        f.objects = genitive_ents;
                    } else {
                        f.subjects = genitive_ents;
                        f.genitive = true;
                    }
                }
                // «الحصار الذي فرضته المنظمة على مالي»، «لحصار تفرضه الجماعة»،
                // «هجوم تبنته الجماعة»: a relative light verb whose object
                // pronoun is the noun names the agent; the object follows it.
                // The relative may also follow the object (هجوم على مواقع
                // الجيش تبنته الجماعة).
                let object_end = f
                    .objects
                    .last()
                    .and_then(|o| o.span)
                    .and_then(|s| ctx.args.iter().find(|a| a.span == s))
                    .map(|a| a.end);
                let relative = if genitive.is_some() {
                    None
                } else {
                    relative_light_verb(ctx, hit.end)
                        .or_else(|| object_end.and_then(|e| relative_light_verb(ctx, e)))
                };
                if let Some(v) = relative {
                    // The agent named after the verb, or none: the clause
                    // subject is then not the agent.
                    let agent = direct_after(ctx, v + 1, 1).filter(|&a| fit_subject(&ctx.args[a]));
                    match agent {
                        Some(a) => {
                            f.subjects = conjuncts_forward(ctx, a).ents(ctx);
                            let after = ctx.args[a].end;
                            if f.objects.is_empty()
                                && let Some(o) =
                                    object_after(ctx, after, &object_preps, 4, &fit_object)
                            {
                                f.objects = conjuncts_forward(ctx, o).ents(ctx);
                            }
                            // «تخضع جيبو لحصار تفرضه الجماعة»: an event whose
                            // genitive is its object befalls the clause subject.
                            if f.objects.is_empty()
                                && p.genitive == Genitive::Object
                                && let Some(b) = subject_before(ctx, hit.first, 4)
                                && fit_object(&ctx.args[b])
                            {
                                f.objects = [b].ents(ctx);
                            }
                            f.distance = ctx.args[a].first.saturating_sub(hit.end);
                        }
                        // A dropped subject (الحصار الذي فرضته على مالي) is
                        // left to the ordinary search below.
                        // A definite noun that names no actor (الذي فرضته
                        // الجماعة, unresolved) is the agent: not the clause
                        // subject.
                        None => {
                            let named = ctx.tokens.get(v + 1).is_some_and(|t| {
                                t.kind == TokKind::Arabic && t.key.starts_with("ال")
                            });
                            if named {
                                return f;
                            }
                        }
                    }
                }
                if f.subjects.is_empty()
                    && !agent_preps.is_empty()
                    && let Some(a) = object_after(ctx, object_from, &agent_preps, 3, &fit_subject)
                {
                    f.subjects = conjuncts_forward(ctx, a).ents(ctx);
                }
                // «تعرض الجيش لهجوم»: the clause subject undergoes the event; the
                // agent can only come from the phrase (لكمين نصبته الجماعة).
                if patient_before(ctx, hit.first) {
                    if f.objects.is_empty()
                        && let Some(b) = subject_before(ctx, hit.first, 4)
                        && fit_object(&ctx.args[b])
                    {
                        f.objects = [b].ents(ctx);
                    }
                    if f.subjects.is_empty() {
                        return f;
                    }
                }
                if f.subjects.is_empty() && !p.strict_subject {
                    let possessive = possessive_gender(&hit.suffix);
                    // «شنت الجماعة هجماتها»: with a possessive suffix the actor
                    // just before must agree with it.
                    let max_gap = if possessive.is_some() { 3 } else { 6 };
                    if let Some(b) = subject_before(ctx, hit.first, max_gap)
                        && possessive.is_none_or(|g| agrees(g, ctx.args[b].gender))
                        && fit_subject(&ctx.args[b])
                    {
                        f.subjects = conjuncts_backward(ctx, b).ents(ctx);
                        f.distance = f.distance.max(hit.first.saturating_sub(ctx.args[b].end));
                    }
                    // A possessive suffix (هجماتها) or a light verb with a
                    // dropped subject (ثم شنّت هجمات) refers back; a bare noun
                    // without a subject in its clause states no relation.
                    let carrier = possessive
                        .or_else(|| light_verb_before(ctx, hit.first))
                        .or_else(|| control_verb_before(ctx, hit.first));
                    if f.subjects.is_empty()
                        && let Some(g) = carrier
                        && let Some(t) = topic(topics, g, sentence)
                    {
                        f.subjects = t;
                        f.carried = true;
                    }
                    // «استعاد الجيش بوريم بعد معارك مع الجبهة»: a noun in an
                    // adjunct of a clause shares that clause's subject.
                    let clause = ctx.clause[hit.first];
                    if f.subjects.is_empty()
                        && let Some(t) = find_topic(topics, sentence, |t| {
                            t.stated && t.sentence == sentence && t.clause == clause
                        })
                    {
                        f.subjects = t;
                        f.carried = true;
                    }
                    // «أعلنت الجماعة مسؤوليتها عن الهجوم على …»
                    if f.subjects.is_empty()
                        && let Some(c) = claimant(ctx, hit.first, topics, sentence, &fit_subject)
                    {
                        f.subjects = c;
                    }
                }
                passive_agent(ctx, object_from, &mut f);
                // «أعلنت مالي وبوركينا فاسو والنيجر تأسيس تحالف»: a symmetric
                // noun with a coordinated subject and no object pairs the list.
                if p.frame == Frame::Between
                    && f.objects.is_empty()
                    && f.subjects.len() >= 2
                    && !f.carried
                    && f.distance <= 2
                {
                    let list = std::mem::take(&mut f.subjects);
                    for (n, a) in list.iter().enumerate() {
                        for b in &list[n + 1..] {
                            f.pairs.push((a.clone(), b.clone()));
                        }
                    }
                }
            }
            Frame::ActiveParticiple | Frame::PassiveParticiple => {
                // «افتتحت تركيا فرعا لشركة»: an accusative noun right after
                // an actor is that clause's object, not its apposition —
                // unless a copula makes it the predicate (لا يزال بازوم محتجزا).
                if hit.suffix == "ا"
                    && let Some(h) = hit.first.checked_sub(1).and_then(|j| ctx.arg_at[j])
                    && !(ctx.args[h].first.saturating_sub(3)..ctx.args[h].first)
                        .any(|j| COPULAS.contains(&strip_conj(&ctx.tokens[j].key)))
                {
                    return f;
                }
                let preps = if p.frame == Frame::ActiveParticiple {
                    &object_preps
                } else {
                    &agent_preps
                };
                // «المختطفين على يد الجماعة»: the passive agent marker names
                // the agent of a passive participle too.
                let by_hand = || {
                    (p.frame == Frame::PassiveParticiple)
                        .then(|| {
                            (hit.end..ctx.tokens.len().min(hit.end + 3)).find(|&j| {
                                strip_conj(&ctx.tokens[j].key) == "علي"
                                    && ctx.tokens.get(j + 1).is_some_and(|t| t.key == "يد")
                            })
                        })
                        .flatten()
                        .and_then(|j| arg_after(ctx, j + 2, 1))
                        .filter(|&a| fit_other(&ctx.args[a]))
                };
                // «القوات الحكومية المرابطة فيها»: a pronoun on the wanted
                // preposition is the place named last before the head.
                let resumed = || {
                    (p.frame == Frame::ActiveParticiple)
                        .then(|| ctx.tokens.get(hit.end))
                        .flatten()
                        .and_then(|t| resumptive_of(&t.key, preps))
                        .and_then(|_| {
                            let head = head_before(ctx, hit.first)?;
                            (0..head).rev().find(|&a| {
                                matches!(
                                    ctx.args[a].class.as_str(),
                                    "City" | "Region" | "Facility" | "State"
                                ) && ctx.args[a].kind != MentionKind::Adjective
                                    && fit_other(&ctx.args[a])
                            })
                        })
                };
                let Some(other) = object_after(ctx, hit.end, preps, 3, &fit_other)
                    .or_else(by_hand)
                    .or_else(resumed)
                else {
                    return f;
                };
                let other_list = conjuncts(ctx, other, false);
                // «بعثة حفظ السلام التابعة للأمم المتحدة (مينوسما)»: a head that
                // is no actor is named by the acronym in parentheses after
                // the complement.
                let after_list = other_list
                    .iter()
                    .map(|&x| ctx.args[x].end)
                    .max()
                    .unwrap_or(hit.end);
                let glossed = (ctx.tokens.get(after_list).is_some_and(|t| t.key == "("))
                    .then(|| ctx.arg_at.get(after_list + 1).copied().flatten())
                    .flatten()
                    .filter(|&a| parenthesized(ctx, a));
                let Some(head) = head_before(ctx, hit.first).or(glossed) else {
                    return f;
                };
                f.distance = ctx.args[other].first.saturating_sub(hit.end);
                // «مالي والنيجر، شريكتي بوركينا فاسو»: a dual or plural
                // apposition after a comma describes the whole coordination.
                let apposed = hit.first > 0 && is_comma(&ctx.tokens[hit.first - 1].key);
                let key = ctx.tokens[hit.first].key.as_str();
                let plural = ["ين", "ان", "ون", "تي", "تا", "اء"]
                    .iter()
                    .any(|s| key.ends_with(s));
                let head: Vec<Ent> = if apposed && plural {
                    conjuncts_backward(ctx, head).ents(ctx)
                } else {
                    [head].ents(ctx)
                };
                let others: Vec<Ent> = other_list.ents(ctx);
                if p.frame == Frame::ActiveParticiple {
                    f.subjects = head;
                    f.objects = others;
                } else {
                    f.subjects = others;
                    f.objects = head;
                }
            }
            Frame::Prep => {
                let Some(x) = arg_after(ctx, hit.end, 2) else {
                    return f;
                };
                f.objects = conjuncts_forward(ctx, x).ents(ctx);
                let fits_head = |a: &usize| self.slot_fits(p, &ctx.args[*a].class, true);
                let head = head_before(ctx, hit.first)
                    .filter(fits_head)
                    .or_else(|| subject_before(ctx, hit.first, 8).filter(fits_head))
                    .or_else(|| {
                        clause_subject(ctx, hit.first)
                            .filter(fits_head)
                            .filter(|&a| hit.first - ctx.args[a].end <= 8)
                    });
                // «مشيرة إلى تنفيذها بالتنسيق مع»: a noun with a possessive
                // suffix right before the phrase refers back to the topic.
                let possessor = hit.first.checked_sub(1).and_then(|j| {
                    let t = &ctx.tokens[j];
                    if ctx.arg_at[j].is_some()
                        || t.kind != TokKind::Arabic
                        || t.key.chars().count() < 5
                    {
                        None
                    } else if t.key.ends_with("ها") {
                        Some(Gender::Fem)
                    } else if t.key.ends_with("هم") {
                        Some(Gender::Plural)
                    } else {
                        None
                    }
                });
                if head.is_none()
                    && let Some(g) = possessor
                    && let Some(t) = topic(topics, g, sentence)
                {
                    f.subjects = t;
                    f.carried = true;
                } else if let Some(h) = head {
                    f.distance = hit.first.saturating_sub(ctx.args[h].end);
                    f.subjects = conjuncts_backward(ctx, h).ents(ctx);
                }
            }
            Frame::Title => {
                // زعيم الجماعة فلان / زعيمها فلان / الرئيس المالي فلان.
                // With a possessive suffix the name right after is the person.
                let org = direct_after(ctx, hit.end, 1)
                    .filter(|_| possessive_gender(&hit.suffix).is_none());
                let person_from = org.map_or(hit.end, |o| ctx.args[o].end);
                // An adjective (الرئيس النيجري المنتخب فلان) or, after the
                // organization, an apposition set off by a comma with a rank
                // (رئيس المجلس العسكري، النقيب فلان، …) may come between.
                let person = direct_after(ctx, person_from, 2).or_else(|| {
                    let comma = ctx
                        .tokens
                        .get(person_from)
                        .is_some_and(|t| is_comma(&t.key));
                    let p = org
                        .filter(|_| comma)
                        .and_then(|_| direct_after(ctx, person_from + 1, 2))?;
                    let closed = ctx
                        .tokens
                        .get(ctx.args[p].end)
                        .is_none_or(|t| is_comma(&t.key) || CLAUSE_PUNCT.contains(&t.key.as_str()));
                    closed.then_some(p)
                });
                let (Some(person), org_ent) = (
                    person,
                    match org {
                        Some(o) => Some(ent(&ctx.args[o])),
                        None => possessive_gender(&hit.suffix)
                            .and_then(|g| topic(topics, g, sentence))
                            .and_then(|t| t.into_iter().next()),
                    },
                ) else {
                    return f;
                };
                if let Some(o) = org_ent
                    && Some(person) != org
                {
                    f.subjects = [person].ents(ctx);
                    f.objects = vec![o];
                    f.carried = org.is_none();
                }
            }
        }
        f
    }
}

/// The domain or range classes of a property: a class or an `owl:unionOf` list.
fn classes_of_property(quads: &[Quad], property: &str, which: &str) -> Vec<String> {
    let pred = format!("{}{which}", ns::RDFS);
    let subject_is = |q: &Quad, t: &Term| match (&q.subject, t) {
        (NamedOrBlankNode::NamedNode(a), Term::NamedNode(b)) => a == b,
        (NamedOrBlankNode::BlankNode(a), Term::BlankNode(b)) => a == b,
        _ => false,
    };
    let obj = |s: &Term, p: &str| -> Option<Term> {
        quads
            .iter()
            .find(|q| subject_is(q, s) && q.predicate.as_str() == p)
            .map(|q| q.object.clone())
    };
    let Some(node) = quads
        .iter()
        .find(|q| {
            matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == property)
                && q.predicate.as_str() == pred
        })
        .map(|q| q.object.clone())
    else {
        return Vec::new();
    };
    let local = |t: &Term| match t {
        Term::NamedNode(n) => n.as_str().strip_prefix(ns::AG).map(str::to_string),
        _ => None,
    };
    if let Some(c) = local(&node) {
        return vec![c];
    }
    let mut out = Vec::new();
    let mut cell = obj(&node, &format!("{}unionOf", ns::OWL));
    let first = format!("{}first", ns::RDF);
    let rest = format!("{}rest", ns::RDF);
    let mut guard = 0;
    while let Some(c) = cell {
        guard += 1;
        if guard > 64 || !matches!(c, Term::BlankNode(_)) {
            break;
        }
        if let Some(v) = obj(&c, &first).as_ref().and_then(local) {
            out.push(v);
        }
        cell = obj(&c, &rest);
    }
    out
}

fn ent(a: &Arg) -> Ent {
    Ent {
        actor: a.actor.clone(),
        class: a.class.clone(),
        span: Some(a.span),
        gender: a.gender,
    }
}

/// Arguments (indices into `Ctx::args`) as the actors they name, the twins
/// of a reference to several actors included.
trait ArgList {
    fn ents(&self, ctx: &Ctx<'_>) -> Vec<Ent>;
}

impl ArgList for [usize] {
    fn ents(&self, ctx: &Ctx<'_>) -> Vec<Ent> {
        let mut out = Vec::with_capacity(self.len());
        for &a in self {
            let arg = &ctx.args[a];
            out.push(ent(arg));
            out.extend(arg.twins.iter().cloned());
        }
        out
    }
}

/// Gender of an actor from the first word of its mention and its class.
fn actor_gender(key: &str, class: &str, kind: MentionKind) -> Gender {
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
fn verb_gender(prefix: &str, suffix: &str) -> Gender {
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

/// Light verbs that carry a verbal noun (شنّ هجومًا، فرض حصارًا), as folded stems.
const LIGHT_VERBS: &[&str] = &[
    "شن", "نفذ", "فرض", "قام", "قدم", "اجري", "واصل", "وسع", "كثف", "صعد", "شدد", "اعلن", "بدا",
    "خاض", "خوض",
];

/// Copulas (folded) that make a following accusative noun a predicate.
const COPULAS: &[&str] = &[
    "يزال",
    "تزال",
    "زال",
    "كان",
    "كانت",
    "ظل",
    "ظلت",
    "بات",
    "باتت",
    "اصبح",
    "اصبحت",
    "يبقي",
    "تبقي",
    "بقي",
    "بقيت",
    "يظل",
    "تظل",
];

/// Verbs that take an event noun as their object in a relative clause after
/// it (الهجوم الذي تبنته الجماعة): the light verbs and claiming verbs.
const EVENT_VERBS: &[&str] = &["تبني", "تبن", "تبنا", "نصب"];

/// Verbs whose subject undergoes the event noun they govern with لـ
/// (تعرض الجيش لهجوم، تخضع المدينة لحصار): that subject is the object.
const PATIENT_VERBS: &[&str] = &["تعرض", "خضع", "يخضع", "تخضع", "يتعرض", "تتعرض"];

/// Whether a patient verb (تعرضت، خضعت) stands within four words before
/// `pos` in its clause, and the noun at `pos` carries لـ.
fn patient_before(ctx: &Ctx<'_>, pos: usize) -> bool {
    let carries_l = strip_conj(&ctx.tokens[pos].key).starts_with('ل');
    let start = ctx.clause_start[ctx.clause[pos]].max(pos.saturating_sub(5));
    carries_l
        && (start..pos).any(|j| {
            let k = strip_conj(&ctx.tokens[j].key);
            PATIENT_VERBS.iter().any(|v| {
                k == *v || k.strip_suffix('ت') == Some(v) || k.strip_suffix("وا") == Some(v)
            })
        })
}

/// A light verb with an object pronoun (ـه، ـها) right after the noun ending
/// at `pos`, optionally after a relative pronoun: its subject is the agent
/// of the event the noun names.
fn relative_light_verb(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let mut j = pos;
    if RELATIVES.contains(&ctx.tokens.get(j)?.key.as_str()) {
        j += 1;
    }
    let key = ctx.tokens.get(j)?.key.as_str();
    let is_light = |b: &str| LIGHT_VERBS.contains(&b) || EVENT_VERBS.contains(&b);
    // Perfect (فرضته) or imperfect (تفرضه، يفرضها) of a light verb, with or
    // without و/ف (whose ف may also be the verb's first letter).
    let light = [key, strip_conj(key)].iter().any(|k| {
        ["تها", "ته", "ها", "ه"]
            .iter()
            .filter_map(|s| k.strip_suffix(*s))
            .filter(|b| b.chars().count() >= 2)
            .any(|body| {
                is_light(body)
                    || ['ي', 'ت']
                        .iter()
                        .filter_map(|p| body.strip_prefix(*p))
                        .any(|b| b.chars().count() >= 2 && is_light(b))
            })
    });
    light.then_some(j)
}

/// The gender of a light verb right before `pos` (past «أي»), if there is one.
fn light_verb_before(ctx: &Ctx<'_>, pos: usize) -> Option<Gender> {
    let mut j = pos.checked_sub(1)?;
    if matches!(ctx.tokens[j].key.as_str(), "اي" | "ايه") {
        j = j.checked_sub(1)?;
    }
    let k = strip_conj(&ctx.tokens[j].key);
    let k = k
        .strip_prefix('س')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(k);
    for stem in LIGHT_VERBS {
        if k == *stem {
            return Some(Gender::Masc);
        }
        if k.strip_suffix('ت') == Some(stem) || k.strip_prefix('ت') == Some(stem) {
            return Some(Gender::Fem);
        }
        if k.strip_prefix('ي') == Some(stem) {
            return Some(Gender::Masc);
        }
        if k.strip_suffix("وا").or_else(|| k.strip_suffix("ون")) == Some(stem) {
            return Some(Gender::Plural);
        }
    }
    None
}

/// Whether a verb without a subject in its clause has dropped it (and so
/// takes the topic): it opens its clause, or follows a comma or a particle,
/// and, for a verb without a direct object, no common noun stands right
/// after it as its subject (يمتد الصراع).
fn subject_dropped(ctx: &Ctx<'_>, hit: &Hit, transitive: bool) -> bool {
    let start = ctx.clause_start[ctx.clause[hit.first]];
    // «هاجموا القافلة وقتلوا …»: a verb joined by و/ف opens a clause of its own.
    let conjoined = hit.prefix.starts_with(['و', 'ف']) && hit.first > start;
    let opens = conjoined
        || hit.first <= start + 1
        || ctx.tokens.get(hit.first - 1).is_some_and(|t| {
            is_comma(&t.key)
                || matches!(
                    strip_conj(&t.key),
                    "قد" | "لقد" | "ثم" | "لم" | "لن" | "لا" | "كما" | "ما" | "حيث" | "ان"
                )
        });
    // Only a verb without a direct object: after استعاد the definite noun
    // (السيطرة) is the object.
    let common_subject = !transitive
        && ctx.tokens.get(hit.end).is_some_and(|t| {
            ctx.arg_at[hit.end].is_none()
                && t.kind == TokKind::Arabic
                && (t.key.starts_with("ال")
                    || matches!(t.key.as_str(), "هذا" | "هذه" | "هؤلاء" | "ذلك" | "تلك"))
        });
    opens && !common_subject
}

/// «كان يعتمد على تجنيد الطوارق»: a verbal noun that completes a verb with a
/// dropped subject (within three words, no actor between) shares that
/// subject. Returns the verb's gender when it has dropped its subject.
fn control_verb_before(ctx: &Ctx<'_>, pos: usize) -> Option<Gender> {
    let start = ctx.clause_start[ctx.clause[pos]];
    let from = pos.saturating_sub(3).max(start);
    (from..pos).rev().find_map(|j| {
        if ctx.arg_at[j].is_some() {
            return None;
        }
        let k = strip_conj(&ctx.tokens[j].key);
        let k = k
            .strip_prefix('س')
            .filter(|r| r.chars().count() >= 4)
            .unwrap_or(k);
        let imperfect = k.chars().count() >= 4
            && !k.starts_with("ال")
            && (k.starts_with('ي') || k.starts_with('ت'));
        if !imperfect || ctx.tokens[j].kind != TokKind::Arabic {
            return None;
        }
        let opens = j <= start + 2
            || ctx.tokens[j - 1].key == "كان"
            || ctx.tokens[j - 1].key == "كانت"
            || matches!(strip_conj(&ctx.tokens[j - 1].key), "قد" | "لقد" | "فقد");
        let nothing_between = (j + 1..pos).all(|m| ctx.arg_at[m].is_none());
        (opens && nothing_between).then(|| {
            if k.starts_with('ت') {
                Gender::Fem
            } else {
                Gender::Masc
            }
        })
    })
}

/// Whether a verb suffix is an object pronoun (يسيطرون عليها، هاجمها).
fn object_pronoun(suffix: &str) -> bool {
    ["ه", "ها", "هم", "هما"].iter().any(|p| suffix.ends_with(p)) && !suffix.starts_with('ت')
}

/// A preposition with a pronoun suffix (عليها، فيه، منها).
fn resumptive(key: &str) -> bool {
    const PREPS: &[&str] = &["علي", "في", "من", "ل", "الي", "ب", "عن", "مع"];
    resumptive_of(key, PREPS).is_some()
}

/// The gender of the possessive pronoun on a member noun (مقاتليها،
/// عناصره، قواتهم), if the word is one.
fn member_pronoun(key: &str) -> Option<Gender> {
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
fn resumptive_of<P: AsRef<str>>(key: &str, preps: &[P]) -> Option<Gender> {
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
fn possessive_gender(suffix: &str) -> Option<Gender> {
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

/// The most recent topic within [`TOPIC_REACH`] sentences that agrees.
fn topic(topics: &[Topic], gender: Gender, sentence: usize) -> Option<Vec<Ent>> {
    // A feminine singular verb or pronoun also refers to a list of states
    // or groups (أعلنت مالي وبوركينا فاسو … انسحابها).
    find_topic(topics, sentence, |t| {
        agrees(gender, t.gender) || (gender == Gender::Fem && t.ents.len() > 1)
    })
}

/// Like [`topic`], skipping actors that only open an apposition or a list
/// item: what a pronoun refers back to is the subject of a clause.
fn clause_topic(topics: &[Topic], gender: Gender, sentence: usize) -> Option<Vec<Ent>> {
    find_topic(topics, sentence, |t| {
        !t.apposed && (agrees(gender, t.gender) || (gender == Gender::Fem && t.ents.len() > 1))
    })
}

/// The most recent topic within [`TOPIC_REACH`] sentences that `wanted`
/// accepts, as arguments of `sentence`: an earlier sentence's evidence is
/// not this one's focus, so its spans are dropped.
fn find_topic(
    topics: &[Topic],
    sentence: usize,
    wanted: impl Fn(&Topic) -> bool,
) -> Option<Vec<Ent>> {
    topics
        .iter()
        .rev()
        .take_while(|t| t.sentence + TOPIC_REACH >= sentence)
        .find(|t| wanted(t))
        .map(|t| {
            t.ents
                .iter()
                .map(|e| Ent {
                    span: if t.sentence == sentence { e.span } else { None },
                    ..e.clone()
                })
                .collect()
        })
}

/// The preposition governing argument `a` through a clitic or the word before it.
fn prep_of(ctx: &Ctx<'_>, a: usize) -> String {
    let arg = &ctx.args[a];
    let c = strip_conj(&arg.clitic);
    let c = if c == arg.clitic && (c == "و" || c == "ف") {
        ""
    } else {
        c
    };
    if let Some(p) = PREP_CLITICS.iter().find(|p| c == **p) {
        return match *p {
            "بال" => "ب",
            "لل" => "ل",
            "كال" => "ك",
            other => other,
        }
        .to_string();
    }
    if !c.is_empty() && c != "ال" {
        return c.to_string();
    }
    if arg.first > 0 {
        let k = ctx.tokens[arg.first - 1].key.as_str();
        if PREP_WORDS.contains(&strip_conj(k)) {
            return strip_conj(k).to_string();
        }
        // «على مدينة بوريم»: an indefinite head noun in construct with the
        // name passes on the preposition before it.
        let head = &ctx.tokens[arg.first - 1];
        if head.kind == TokKind::Arabic
            && ctx.arg_at[arg.first - 1].is_none()
            && k.chars().count() >= 3
            && !CONNECTIVES.contains(&strip_conj(k))
            && !k.starts_with("ال")
            && !ctx.trigger_at[arg.first - 1]
            && !ctx.noun_trigger_at[arg.first - 1]
        {
            // Only ب and ل, on a noun of four letters or more: كانت is a verb.
            if let Some(p) = clitic_prep(k, 4).filter(|p| *p != "ك") {
                return p.to_string();
            }
            if arg.first > 1 {
                let k2 = strip_conj(&ctx.tokens[arg.first - 2].key);
                if PREP_WORDS.contains(&k2) {
                    return k2.to_string();
                }
            }
        }
    }
    String::new()
}

fn same_clause(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    ctx.clause.get(a) == ctx.clause.get(b)
}

/// The nearest argument before `pos` in the same clause with no preposition,
/// at most `max_gap` words away, not across a comma. A relative pronoun on the
/// way leads to the noun it follows (الجماعة، التي أعلنت …).
fn subject_before(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    let mut j = pos;
    let mut gap = 0;
    while j > 0 {
        j -= 1;
        if let Some(a) = ctx.arg_at[j] {
            // «انسحاب القوات الفرنسية»: the genitive of another trigger
            // noun belongs to that noun.
            let first = ctx.args[a].first;
            if first > 0 && ctx.noun_trigger_at[first - 1] {
                return None;
            }
            if prep_of(ctx, a).is_empty() {
                return Some(a);
            }
            j = ctx.args[a].first;
            continue;
        }
        let k = ctx.tokens[j].key.as_str();
        if RELATIVES.contains(&k) {
            return head_before(ctx, j + 1);
        }
        // «تحث دول غربية، بما فيها أ وب، مواطنيها …»: the members singled
        // out between commas stand for the subject noun before them.
        if is_comma(k)
            && same_clause(ctx, j, pos.min(ctx.tokens.len() - 1))
            && let Some(a) = j.checked_sub(1).and_then(|x| ctx.arg_at[x])
            && let Some(&first) = conjuncts_backward(ctx, a).first()
            && let Some(c) = ctx.args[first].first.checked_sub(1)
            && let Some(m) = (c.saturating_sub(3)..c)
                .find(|&m| is_comma(&ctx.tokens[m].key) && elaboration(ctx, m + 1) == Some(c - m))
            && ((0..m)
                .rev()
                .take_while(|&x| {
                    x >= ctx.clause_start[ctx.clause[m]] && !is_comma(&ctx.tokens[x].key)
                })
                .last()
                .unwrap_or(m)..m)
                .all(|x| {
                    !PREP_WORDS.contains(&strip_conj(&ctx.tokens[x].key))
                        && !ctx.noun_trigger_at[x]
                        && ctx.arg_at[x].is_none()
                })
        {
            return Some(a);
        }
        if !same_clause(ctx, j, pos.min(ctx.tokens.len() - 1)) || is_comma(k) || ctx.trigger_at[j] {
            return None;
        }
        if ctx.tokens[j].kind != TokKind::Punct {
            gap += 1;
        }
        if gap > max_gap {
            return None;
        }
    }
    None
}

/// The actor that opens the clause of `pos` (within its first three words,
/// without a preposition): the subject of a verb-first or nominal clause.
fn clause_subject(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let start = ctx.clause_start[ctx.clause[pos]];
    (start..pos.min(start + 4)).find_map(|j| {
        ctx.arg_at[j].filter(|&a| ctx.args[a].first == j && prep_of(ctx, a).is_empty())
    })
}

/// The actor that opens the clause of `pos` or the stretch after its last
/// comma (…، فالمجلس العسكري يعمل … مستندا): within three words, without a
/// preposition.
fn segment_subject(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let start = ctx.clause_start[ctx.clause[pos]];
    let from = (start..pos)
        .rev()
        .find(|&j| is_comma(&ctx.tokens[j].key))
        .map_or(start, |j| j + 1);
    (from..pos.min(from + 4)).find_map(|j| {
        ctx.arg_at[j].filter(|&a| ctx.args[a].first == j && prep_of(ctx, a).is_empty())
    })
}

/// The noun a participle or a relative pronoun at `pos` follows: the argument
/// right before it, across a comma, a dash or an acronym in parentheses.
fn head_before(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let mut j = pos;
    let mut skipped = 0;
    while j > 0 {
        j -= 1;
        if let Some(a) = ctx.arg_at[j] {
            return Some(qualified_head(ctx, a));
        }
        let t = &ctx.tokens[j];
        let k = t.key.as_str();
        let filler = is_comma(k)
            || matches!(
                k,
                "(" | ")" | "-" | "—" | "–" | "\"" | "”" | "“" | "»" | "«"
            )
            || RELATIVES.contains(&k)
            // «جندي فرنسي كانوا منتشرين»: a copula between the noun and
            // its participle predicate.
            || matches!(
                strip_conj(k),
                "كان" | "كانت" | "كانوا" | "كانا" | "كانتا" | "ظل" | "ظلت" | "ظلوا" | "بات" | "باتت"
            );
        if !filler {
            // One adjective between the noun and the participle (الجماعة المسلحة المتحالفة).
            skipped += 1;
            if skipped > 1 || t.kind != TokKind::Arabic || !t.key.starts_with("ال") {
                return None;
            }
        }
        if pos - j > 4 {
            return None;
        }
    }
    None
}

/// The noun an argument qualifies when it is a nationality adjective right
/// after another argument (شركة بايكار التركية → بايكار), else the argument.
fn qualified_head(ctx: &Ctx<'_>, a: usize) -> usize {
    let arg = &ctx.args[a];
    if arg.kind != MentionKind::Adjective || arg.first == 0 {
        return a;
    }
    match ctx.arg_at[arg.first - 1] {
        Some(b) if b != a && ctx.args[b].kind != MentionKind::Adjective => b,
        _ => a,
    }
}

/// The first argument starting within `max_gap` words after `pos`, with no
/// preposition, in the same clause.
fn direct_after(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    for j in pos..ctx.tokens.len().min(pos + max_gap + 1) {
        if let Some(a) = ctx.arg_at[j] {
            let ok = prep_of(ctx, a).is_empty()
                && ctx.args[a].first >= pos
                && same_clause(ctx, pos.saturating_sub(1), j);
            return ok.then_some(a);
        }
        let k = ctx.tokens[j].key.as_str();
        // Another predicate (وحلفاؤه الروس) takes the actor after it.
        if j > pos && ctx.trigger_at[j] {
            return None;
        }
        if is_comma(k)
            || CLAUSE_PUNCT.contains(&k)
            || PREP_WORDS.contains(&k)
            // A three-letter noun with ب/ل (بدفع) already ends a direct
            // subject's reach; a root ب (بلاد) only stops the search early.
            || clitic_prep(k, 3).is_some()
        {
            return None;
        }
    }
    None
}

/// The preposition a non-actor word carries as a proclitic (بدفع، للدولة),
/// when the word is long enough for that to be a clitic and not a root letter.
fn clitic_prep(key: &str, min_rest: usize) -> Option<&'static str> {
    let k = strip_conj(key);
    PREP_CLITICS
        .iter()
        .find(|p| k.starts_with(**p) && k.chars().count() >= p.chars().count() + min_rest)
        .map(|p| match *p {
            "بال" => "ب",
            "لل" => "ل",
            "كال" => "ك",
            other => other,
        })
}

/// The first argument within `max_gap` words after a trigger that ends with
/// its own preposition (بالتنسيق مع، بين): no other preposition may intervene.
fn arg_after(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    for j in pos..ctx.tokens.len().min(pos + max_gap + 1) {
        if let Some(a) = ctx.arg_at[j] {
            let own = prep_of(ctx, a);
            let ok = (own.is_empty() || j == pos)
                && ctx.args[a].first >= pos
                && same_clause(ctx, pos.saturating_sub(1), j);
            return ok.then_some(a);
        }
        let k = ctx.tokens[j].key.as_str();
        if is_comma(k) || CLAUSE_PUNCT.contains(&k) || PREP_WORDS.contains(&strip_conj(k)) {
            return None;
        }
    }
    None
}

/// The first argument after `pos` in the clause, within `max_gap` words,
/// governed by one of `preps` (`""` = no preposition). A preposition may
/// govern a noun phrase whose head is not an actor (على مواقع الجماعة، مع دول
/// مثل روسيا). Stops at the first argument with another preposition.
fn object_after(
    ctx: &Ctx<'_>,
    pos: usize,
    preps: &[String],
    max_gap: usize,
    fit: &dyn Fn(&Arg) -> bool,
) -> Option<usize> {
    let mut seen_prep: Option<String> = None;
    let mut partitive_at: Option<usize> = None;
    let mut prep_word = false;
    // A wanted preposition governs a noun that names no actor (على القرى)…
    let mut target = false;
    // … and a locative phrase follows it (في منطقة كايس، قرب غاو).
    let mut locative = false;
    // Where the members singled out by an elaboration start.
    let mut members_at: Option<usize> = None;
    let mut gap = 0;
    let mut j = pos;
    while j < ctx.tokens.len() {
        if let Some(a) = ctx.arg_at[j] {
            let own = prep_of(ctx, a);
            let after_partitive = partitive_at.is_some_and(|p| p + 1 == ctx.args[a].first);
            // The members singled out (وفي مقدمته روسيا) keep the phrase's
            // preposition, whatever the marker's own words say.
            let own = if members_at == Some(ctx.args[a].first) {
                String::new()
            } else {
                own
            };
            let governing = if !own.is_empty() && (!after_partitive || own != "من") {
                own
            } else {
                seen_prep.clone().unwrap_or_default()
            };
            // «حصار على القرى في منطقة كايس»، «استهدفت تجمعا في بلدة
            // تينزاواتن»: the place where the unnamed target lies.
            if locative
                && matches!(governing.as_str(), "في" | "قرب" | "بالقرب" | "من")
                && matches!(ctx.args[a].class.as_str(), "City" | "Region" | "Facility")
                && ctx.args[a].kind != MentionKind::Reference
                && fit(&ctx.args[a])
            {
                return Some(a);
            }
            if preps.contains(&governing) && !parenthesized(ctx, a) {
                if fit(&ctx.args[a]) {
                    return Some(a);
                }
                // The wrong kind of actor (the recipient before بطائرات in
                // زودت تركيا النيجر بطائرات): read on for the right one.
                j = ctx.args[a].end;
                continue;
            }
            // An actor behind another preposition (نحو 2000 عنصر من فيلق
            // أفريقيا في مالي) or in parentheses is an adjunct or an
            // apposition: read on. A direct actor that is not wanted is the
            // real complement: stop.
            if governing.is_empty() && !parenthesized(ctx, a) {
                return None;
            }
            j = ctx.args[a].end;
            continue;
        }
        let t = &ctx.tokens[j];
        let k = t.key.as_str();
        // «إلى دول الجوار، خاصة النيجر»: a comma and a word that singles out
        // members of the phrase before let the preposition reach them.
        if is_comma(k)
            && seen_prep.is_some()
            && let Some(skip) = elaboration(ctx, j + 1)
        {
            j += 1 + skip;
            members_at = Some(j);
            continue;
        }
        // The same without a comma: «في المناطق الشمالية مثل كيدال».
        if j > pos
            && seen_prep.is_some()
            && let Some(skip) = elaboration(ctx, j)
        {
            j += skip;
            members_at = Some(j);
            continue;
        }
        if j > pos && !same_clause(ctx, pos, j) || is_comma(k) || CLAUSE_PUNCT.contains(&k) {
            return None;
        }
        // Another predicate, or a conjoined definite noun (والعاملين), ends
        // the phrase the preposition governs.
        // (At `pos` itself too: a trigger right after the subject, as in
        // «قاتل الجيش وحلفاؤه الروس الجبهة», governs what follows it.)
        // (Unless the noun the preposition governs goes on: القرى والبلدات.)
        if ctx.trigger_at[j]
            || (j > pos && !target && k.starts_with("وال") && k.chars().count() > 4)
        {
            return None;
        }
        let sk = strip_conj(k);
        if target && matches!(sk, "في" | "قرب" | "بالقرب") {
            locative = true;
        }
        // «على دورية من الجيش»، «لرتل من الجيش وفاغنر»: a partitive من after
        // a noun the wanted preposition governs keeps that preposition.
        let partitive = sk == "من"
            && j > pos
            && seen_prep
                .as_ref()
                .is_some_and(|p| !p.is_empty() && preps.contains(p))
            && ctx.tokens[j - 1].kind == TokKind::Arabic
            && !PREP_WORDS.contains(&strip_conj(&ctx.tokens[j - 1].key));
        if partitive && prep_word {
            partitive_at = Some(j);
        } else if PREP_WORDS.contains(&sk) {
            seen_prep = Some(sk.to_string());
            prep_word = true;
        } else if let Some(p) = clitic_prep(k, 4) {
            // A clitic ل or ب may be a root letter (لوجستيا): it does not
            // reach across a partitive من.
            seen_prep = Some(p.to_string());
            prep_word = false;
        } else if t.kind == TokKind::Arabic
            && seen_prep
                .as_ref()
                .is_some_and(|p| !p.is_empty() && preps.contains(p))
        {
            target = true;
        }
        gap += 1;
        if gap > max_gap + if locative { 3 } else { 0 } {
            return None;
        }
        j += 1;
    }
    None
}

/// The length of a word group at `at` that singles out members of the noun
/// phrase before it (خاصة، خصوصا، لا سيما، بما فيها، مثل، منها), if any.
fn elaboration(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    let key = |j: usize| ctx.tokens.get(j).map_or("", |t| t.key.as_str());
    match strip_conj(key(at)) {
        "خاصه" | "خصوصا" | "تحديدا" | "مثل" | "منها" | "ابرزها" | "اهمها" => {
            Some(1)
        }
        "لا" if key(at + 1) == "سيما" => Some(2),
        // «وفي مقدمتها روسيا»، «وعلى رأسها فاغنر»: foremost among them.
        "في" if key(at + 1).starts_with("مقدمت") => Some(2),
        "علي" if key(at + 1).starts_with("راس") => Some(2),
        "بما" if matches!(key(at + 1), "فيها" | "فيهم" | "فيه") => Some(2),
        "سيما" => Some(1),
        _ => None,
    }
}

/// The first of the actors that single out members of a common noun right
/// after `pos` (جماعات “جهادية”، بما فيها أ; عدة حركات، أبرزها أ): the noun
/// phrase is at most `max_gap` words without an actor or a preposition.
fn elaborated(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    let mut words = 0;
    let mut j = pos;
    while j < ctx.tokens.len() && words <= max_gap {
        let t = &ctx.tokens[j];
        let k = t.key.as_str();
        let marker = if is_comma(k) {
            elaboration(ctx, j + 1).map(|n| n + 1)
        } else {
            elaboration(ctx, j)
        };
        // The common noun may be the trigger itself (مؤسسات إعلامية مثل …).
        if let Some(n) = marker {
            return arg_after(ctx, j + n, 2);
        }
        if ctx.arg_at[j].is_some()
            || is_comma(k)
            || CLAUSE_PUNCT.contains(&k)
            || PREP_WORDS.contains(&strip_conj(k))
            || ctx.trigger_at[j]
        {
            return None;
        }
        if t.kind != TokKind::Punct {
            words += 1;
        }
        j += 1;
    }
    None
}

/// The actor counted right after `pos` (قتل ما يصل إلى 50 روسيا، مقتل نحو
/// 20 جنديا ماليا): a number, with the words that bound it before it, then
/// the actor, with no preposition.
fn counted(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let mut j = pos;
    while j < ctx.tokens.len().min(pos + 4)
        && matches!(
            strip_conj(&ctx.tokens[j].key),
            "ما" | "يصل"
                | "الي"
                | "اكثر"
                | "من"
                | "نحو"
                | "حوالي"
                | "قرابه"
                | "زهاء"
                | "اقل"
        )
    {
        j += 1;
    }
    if ctx.tokens.get(j)?.kind != TokKind::Number {
        return None;
    }
    // The actor itself (50 روسيا) or its adjective after the counted noun
    // (30 جنديا نيجريا).
    let direct = ctx.arg_at.get(j + 1).copied().flatten();
    let qualified = ctx
        .arg_at
        .get(j + 2)
        .copied()
        .flatten()
        .filter(|&a| ctx.args[a].kind == MentionKind::Adjective && ctx.arg_at[j + 1].is_none());
    let a = direct.or(qualified)?;
    prep_of(ctx, a).is_empty().then_some(a)
}

/// The acronym in parentheses that closes a noun phrase right after `pos`
/// and names it (انسحاب بعثة حفظ السلام التابعة للأمم المتحدة (مينوسما)):
/// no other actor is direct in between.
fn glossed(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let mut passed: Vec<&str> = Vec::new();
    for j in pos..ctx.tokens.len().min(pos + 8) {
        let k = ctx.tokens[j].key.as_str();
        // An acronym of an actor already named glosses that actor (في تحالف
        // دول الساحل (AES)), not the head noun.
        if k == "(" {
            return ctx
                .arg_at
                .get(j + 1)
                .copied()
                .flatten()
                .filter(|&a| parenthesized(ctx, a))
                .filter(|&a| !passed.contains(&ctx.args[a].actor.as_str()));
        }
        if let Some(a) = ctx.arg_at[j] {
            passed.push(ctx.args[a].actor.as_str());
        }
        if let Some(a) = ctx.arg_at[j]
            && prep_of(ctx, a).is_empty()
        {
            return None;
        }
        if is_comma(k) || CLAUSE_PUNCT.contains(&k) || (j > pos && ctx.noun_trigger_at[j]) {
            return None;
        }
    }
    None
}

/// Whether argument `a` stands alone in parentheses (an acronym or gloss).
fn parenthesized(ctx: &Ctx<'_>, a: usize) -> bool {
    let arg = &ctx.args[a];
    arg.first > 0
        && ctx.tokens[arg.first - 1].key == "("
        && ctx.tokens.get(arg.end).is_some_and(|t| t.key == ")")
}

/// The argument and its conjuncts after it (أ وب وج، أ، ب و ج).
fn conjuncts_forward(ctx: &Ctx<'_>, a: usize) -> Vec<usize> {
    conjuncts(ctx, a, true)
}

/// Conjuncts after `a`; without `commas`, only those joined by و alone: after
/// an apposition set off by commas (X، التابعة لـ A، وB), a comma and و close
/// the apposition rather than extend its object.
fn conjuncts(ctx: &Ctx<'_>, a: usize, commas: bool) -> Vec<usize> {
    let mut out = vec![a];
    let mut cur = a;
    while cur + 1 < ctx.args.len() {
        let next = cur + 1;
        let gap = &ctx.tokens[ctx.args[cur].end..ctx.args[next].first];
        let separators = gap.iter().all(|t| {
            is_comma(&t.key)
                || matches!(
                    t.key.as_str(),
                    "و" | "او" | "(" | ")" | "/" | "-" | "\"" | "“" | "”" | "«" | "»"
                )
        });
        // «القوات الفرنسية وقوات الأمم المتحدة»: a conjoined head noun right
        // before the next actor still coordinates it.
        // (Also after a comma: «ضد القوات الحكومية، والوحدات الروسية».)
        let head_gap = match gap {
            [h] => Some(h),
            [c, h] if is_comma(&c.key) => Some(h),
            _ => None,
        };
        let head_noun = head_gap.is_some_and(|h| {
            h.key.strip_prefix('و').is_some_and(|h| {
                let h = h.strip_prefix("ال").unwrap_or(h);
                HEAD_NOUNS.contains(&h)
            })
        }) && prep_of(ctx, next).is_empty();
        // «…، ومنافسيه من داعش»، «والعاملين الروس من فيلق أفريقيا»: a
        // conjoined noun (and an adjective) whose members come from the
        // next actor.
        let partitive_member = match gap {
            [.., n, m] | [.., n, _, m] if m.key == "من" => {
                n.key.starts_with('و') && n.kind == TokKind::Arabic && n.key.chars().count() > 3
            }
            // «والعاملين الروس من فيلق أفريقيا»: after the adjective.
            [m] if m.key == "من" => ctx.args[cur].kind == MentionKind::Adjective && cur > a,
            _ => false,
        } && gap.len() <= 4
            && gap.iter().all(|t| t.kind != TokKind::Number)
            && prep_of(ctx, next) == "من";
        let head_noun = head_noun || partitive_member;
        let joined = head_noun
            || ctx.args[next].clitic.starts_with('و')
            || gap
                .iter()
                .any(|t| is_comma(&t.key) || t.key == "و" || t.key == "او" || t.key == "/");
        let alias = ctx.args[next].actor == ctx.args[cur].actor || gap.iter().any(|t| t.key == "(");
        if !(separators || head_noun)
            || gap.len() > 3
            || (!commas && gap.iter().any(|t| is_comma(&t.key)))
        {
            break;
        }
        if alias && !joined {
            cur = next;
            continue;
        }
        if !joined {
            break;
        }
        if !out
            .iter()
            .any(|&o| ctx.args[o].actor == ctx.args[next].actor)
        {
            out.push(next);
        }
        cur = next;
    }
    out
}

/// The argument and its conjuncts before it, for a subject before its verb.
fn conjuncts_backward(ctx: &Ctx<'_>, a: usize) -> Vec<usize> {
    let mut out = vec![a];
    let mut cur = a;
    while cur > 0 {
        let prev = cur - 1;
        let gap = &ctx.tokens[ctx.args[prev].end..ctx.args[cur].first];
        let separators = gap
            .iter()
            .all(|t| is_comma(&t.key) || matches!(t.key.as_str(), "و" | "(" | ")"));
        let joined = ctx.args[cur].clitic.starts_with('و')
            || gap.iter().any(|t| is_comma(&t.key) || t.key == "و");
        if !separators || gap.len() > 2 || !prep_of(ctx, prev).is_empty() {
            break;
        }
        if ctx.args[prev].actor == ctx.args[cur].actor || !joined {
            if ctx.args[prev].actor == ctx.args[cur].actor {
                cur = prev;
                continue;
            }
            break;
        }
        out.push(prev);
        cur = prev;
    }
    out.reverse();
    out
}

/// بين أ وب (وج): the coordinated list after بين within two words of `pos`.
fn between_list(ctx: &Ctx<'_>, pos: usize) -> Option<Vec<usize>> {
    let at = (pos..ctx.tokens.len().min(pos + 3)).find(|&j| ctx.tokens[j].key == "بين")?;
    let first = arg_after(ctx, at + 1, 1)?;
    let list = conjuncts_forward(ctx, first);
    let named = list.len() + list.iter().map(|&a| ctx.args[a].twins.len()).sum::<usize>();
    (named >= 2).then_some(list)
}

/// A passive agent (على يد، من قبل، من طرف) after `pos` in the clause makes
/// its actor the subject, and what was found as subject the object.
fn passive_agent(ctx: &Ctx<'_>, pos: usize, f: &mut Found) {
    let end = ctx.tokens.len().min(pos + 6);
    for j in pos..end {
        if !same_clause(ctx, pos.min(ctx.tokens.len().saturating_sub(1)), j) {
            return;
        }
        let k = strip_conj(&ctx.tokens[j].key);
        let next = ctx.tokens.get(j + 1).map_or("", |t| t.key.as_str());
        let marker = (k == "علي" && next == "يد") || (k == "من" && matches!(next, "قبل" | "طرف"));
        if marker {
            if let Some(a) = arg_after(ctx, j + 2, 1) {
                let agent = conjuncts_forward(ctx, a).ents(ctx);
                if f.objects.is_empty() {
                    f.objects = std::mem::take(&mut f.subjects);
                }
                f.subjects = agent;
                f.carried = false;
            }
            return;
        }
    }
}

/// Who takes part in a joint undertaking (قوة مشتركة، رتل مشترك): the
/// subject before the trigger with its conjuncts and a comitative list after
/// it («أعلنت النيجر، مع مالي وبوركينا فاسو، تفعيل قوة مشتركة»), and the
/// actors after the trigger behind من or مع (رتل مشترك من الجيش وفاغنر).
fn joint_parties(ctx: &Ctx<'_>, hit: &Hit, fit: &dyn Fn(&Arg) -> bool) -> (Vec<Ent>, Vec<Ent>) {
    let mut before: Vec<Ent> = Vec::new();
    let mut after: Vec<Ent> = Vec::new();
    if let Some(b) = subject_before(ctx, hit.first, 6).or_else(|| clause_subject(ctx, hit.first)) {
        before.extend(conjuncts_backward(ctx, b).ents(ctx));
        let mut j = ctx.args[b].end;
        if ctx.tokens.get(j).is_some_and(|t| is_comma(&t.key)) {
            j += 1;
        }
        // A comitative list right after the subject joins its side.
        if ctx
            .tokens
            .get(j)
            .is_some_and(|t| strip_conj(&t.key) == "مع")
            && let Some(c) = arg_after(ctx, j + 1, 0)
        {
            before.extend(conjuncts_forward(ctx, c).ents(ctx));
        }
    }
    let preps = ["من".to_string(), "مع".to_string()];
    if let Some(o) = object_after(ctx, hit.end, &preps, 2, fit) {
        let partners = conjuncts_forward(ctx, o).ents(ctx);
        // «رتل مشترك من الجيش وفاغنر»: behind من, the parts themselves.
        if prep_of(ctx, o) == "من" || ctx.tokens.get(hit.end).is_some_and(|t| t.key == "من") {
            before.extend(partners);
        } else {
            after.extend(partners);
        }
    }
    let unique = |list: Vec<Ent>| {
        let mut seen: Vec<Ent> = Vec::new();
        for e in list {
            if fit_any(&e) && !seen.iter().any(|s| s.actor == e.actor) {
                seen.push(e);
            }
        }
        seen
    };
    (unique(before), unique(after))
}

/// Actors that can undertake something jointly: not places.
fn fit_any(e: &Ent) -> bool {
    !matches!(
        e.class.as_str(),
        "City" | "Region" | "Place" | "Site" | "Equipment"
    )
}

/// Who claims the event at `pos`: «مسؤولية» (with its pronoun) before it in
/// the sentence, claimed by the subject of its clause, else by the
/// antecedent of its pronoun.
fn claimant(
    ctx: &Ctx<'_>,
    pos: usize,
    topics: &[Topic],
    sentence: usize,
    fit: &dyn Fn(&Arg) -> bool,
) -> Option<Vec<Ent>> {
    let j = (0..pos).rev().find(|&j| {
        let k = strip_conj(&ctx.tokens[j].key);
        k.starts_with("مسووليت") || k == "مسووليه" || k == "المسووليه"
    })?;
    // Nothing but the claimed event between (عن الهجمات التي استهدفت).
    if (j + 1..pos)
        .any(|m| ctx.arg_at[m].is_some() || CLAUSE_PUNCT.contains(&ctx.tokens[m].key.as_str()))
    {
        return None;
    }
    if let Some(a) = subject_before(ctx, j, 3)
        .or_else(|| clause_subject(ctx, j))
        .filter(|&a| fit(&ctx.args[a]))
    {
        return Some(conjuncts_backward(ctx, a).ents(ctx));
    }
    // The pronoun on مسؤوليتها، مسؤوليته، مسؤوليتهم.
    let suffix = strip_conj(&ctx.tokens[j].key).strip_prefix("مسوولي")?;
    clause_topic(topics, possessive_gender(suffix)?, sentence)
}

/// Whether a trigger of another pattern covers `hit` and more words.
fn shadowed(ctx: &Ctx<'_>, hit: &Hit) -> bool {
    (hit.first.saturating_sub(4)..=hit.first).any(|j| {
        ctx.hits[j].iter().any(|h| {
            h.pattern != hit.pattern
                && h.first <= hit.first
                && h.end >= hit.end
                && h.end - h.first > hit.end - hit.first
        })
    })
}

/// The state named last before `pos` in the sentence by its name (not a
/// nationality adjective), other than the subjects: «أما شمال مالي، فقد شهد
/// تصعيدا بعد انسحاب قوات الأمم المتحدة» is a withdrawal from Mali.
fn state_before(ctx: &Ctx<'_>, pos: usize, subjects: &[Ent]) -> Option<Ent> {
    ctx.args
        .iter()
        .rev()
        .filter(|a| a.end <= pos && a.class == "State" && a.kind != MentionKind::Adjective)
        .find(|a| !subjects.iter().any(|s| s.actor == a.actor))
        .map(|a| Ent {
            span: None,
            ..ent(a)
        })
}

/// The subject of a verb of `stems` before `pos` in the sentence (تأسست
/// الجبهة، ظهرت جماعة …): the actor within two words after it, else the
/// actor just before it, else, when the verb opens its clause, the topic.
fn founded(
    ctx: &Ctx<'_>,
    stems: &[String],
    pos: usize,
    topics: &[Topic],
    sentence: usize,
    fit: &dyn Fn(&str) -> bool,
) -> Vec<Ent> {
    let stems: Vec<String> = stems.iter().map(|s| fold(s)).collect();
    // Perfect (تأسست) or imperfect (يتشكل) with or without the feminine ت.
    let is_stem = |k: &str| {
        let k = strip_conj(k);
        [k, k.strip_suffix('ت').unwrap_or(k)].iter().any(|k| {
            let bare = k
                .strip_prefix(['ي', 'ت'])
                .filter(|r| r.chars().count() >= 3);
            stems.iter().any(|s| s == k || bare == Some(s.as_str()))
        })
    };
    let Some(v) = (0..pos)
        .rev()
        .find(|&j| ctx.arg_at[j].is_none() && is_stem(&ctx.tokens[j].key))
    else {
        return Vec::new();
    };
    if let Some(a) = direct_after(ctx, v + 1, 2).filter(|&a| fit(&ctx.args[a].class)) {
        return [a].ents(ctx);
    }
    if let Some(b) = subject_before(ctx, v, 3).filter(|&b| fit(&ctx.args[b].class)) {
        return [b].ents(ctx);
    }
    let opens = v <= ctx.clause_start[ctx.clause[v]] + 1;
    let gender = if ctx.tokens[v].key.ends_with('ت') {
        Gender::Fem
    } else {
        Gender::Masc
    };
    if !opens {
        return Vec::new();
    }
    find_topic(topics, sentence, |t| {
        !t.apposed && agrees(gender, t.gender) && t.ents.iter().all(|e| fit(&e.class))
    })
    .unwrap_or_default()
}

/// A list of two actors or more after «، وهي» (وهم، هي، هم) within eight
/// words after `pos`: the apposition that names a plural noun before.
fn apposed_list(ctx: &Ctx<'_>, pos: usize) -> Vec<Ent> {
    let end = ctx.tokens.len().min(pos + 8);
    for j in pos..end {
        let is_marker = matches!(ctx.tokens[j].key.as_str(), "وهي" | "وهم" | "هي" | "هم");
        if is_marker && j > 0 && is_comma(&ctx.tokens[j - 1].key) {
            let list = arg_after(ctx, j + 1, 0)
                .map(|a| conjuncts_forward(ctx, a))
                .unwrap_or_default();
            if list.len() > 1 {
                return list.ents(ctx);
            }
            return Vec::new();
        }
        if CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str()) {
            break;
        }
    }
    Vec::new()
}

/// The actors listed after «، إلى جانب» (or «بالإضافة إلى») later in the
/// clause of a trigger ending at `pos`.
fn alongside(ctx: &Ctx<'_>, pos: usize) -> Vec<Ent> {
    let clause = ctx.clause.get(pos).copied();
    let end = ctx.tokens.len().min(pos + 16);
    for j in pos..end {
        if Some(ctx.clause[j]) != clause {
            break;
        }
        let k = strip_conj(&ctx.tokens[j].key);
        let next = ctx.tokens.get(j + 1).map_or("", |t| t.key.as_str());
        let marker = (k == "الي" && next == "جانب") || (k == "بالاضافه" && next == "الي");
        if marker && j > 0 && is_comma(&ctx.tokens[j - 1].key) {
            return arg_after(ctx, j + 2, 0)
                .map(|a| conjuncts_forward(ctx, a).ents(ctx))
                .unwrap_or_default();
        }
    }
    Vec::new()
}

/// Where cues of modality before `pos` may stand: its clause, and the
/// clauses before it that introduce it through a complementizer (أن، إن).
fn cue_scope(ctx: &Ctx<'_>, pos: usize) -> usize {
    let mut c = ctx.clause[pos];
    loop {
        let start = ctx.clause_start[c];
        let opens_complement = matches!(
            strip_conj(&ctx.tokens[start].key),
            "ان" | "بان" | "انه" | "انها" | "بانه" | "بانها" | "انهم" | "بانهم"
        );
        if c == 0 || !opens_complement {
            return start;
        }
        c -= 1;
    }
}

/// The value of the date expression nearest to the trigger in its clause or
/// in a clause that introduces it (قدرت الاستخبارات في يوليو 2025 أن روسيا نشرت).
fn nearest_date(ctx: &Ctx<'_>, dates: &[dates::DateExpr], hit: &Hit) -> Option<String> {
    let clause = ctx.clause[hit.first];
    let scope = cue_scope(ctx, hit.first);
    dates
        .iter()
        .filter(|d| ctx.clause[d.first] == clause || (d.first >= scope && d.first < hit.first))
        .min_by_key(|d| {
            if d.end <= hit.first {
                hit.first - d.end
            } else {
                d.first.saturating_sub(hit.end)
            }
        })
        .and_then(|d| d.value.clone())
}

/// Drops repeated statements of one sentence (same triple and polarity),
/// keeping the most confident, in text order.
fn dedupe(out: &mut Vec<Statement>, from: usize) {
    let mut best: BTreeMap<(String, String, String, Polarity), usize> = BTreeMap::new();
    for (i, s) in out.iter().enumerate().skip(from) {
        let key = (
            s.subject.clone(),
            s.relation.clone(),
            s.object.clone(),
            s.polarity,
        );
        match best.get(&key) {
            Some(&j) if out[j].confidence >= s.confidence => {}
            _ => {
                best.insert(key, i);
            }
        }
    }
    let keep: std::collections::BTreeSet<usize> = best.into_values().collect();
    let mut i = 0;
    out.retain(|_| {
        let k = i < from || keep.contains(&i);
        i += 1;
        k
    });
}

#[cfg(test)]
mod tests;
