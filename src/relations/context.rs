//! One sentence prepared for the frames: its tokens, the mentions placed on
//! them as arguments, its clauses and the triggers at each token.

use super::*;
use crate::text::bytes::{self, same};

/// A mention placed on the tokens of its sentence.
#[derive(Clone, Debug)]
pub(super) struct Arg {
    pub(super) actor: Iri,
    pub(super) class: String,
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) span: Span,
    /// Folded proclitics on the first token before the mention (و، ب، لل …).
    pub(super) clitic: String,
    pub(super) gender: Gender,
    /// How the mention names the actor: a nationality adjective right after
    /// another mention (شركة بايكار التركية) qualifies it, it is not a head.
    pub(super) kind: MentionKind,
    /// Other actors named by the same words: «الطرفان» refers to two.
    pub(super) twins: Vec<Ent>,
    /// Named through members (عناصر من الفيلق): a complement that does not
    /// close the search for another one after it.
    pub(super) partitive: bool,
}

/// One sentence prepared for the frames.
pub(super) struct Ctx<'a> {
    /// The language's word classes.
    pub(super) g: &'a Grammar,
    pub(super) text: &'a str,
    pub(super) tokens: Vec<Token>,
    pub(super) args: Vec<Arg>,
    pub(super) arg_at: Vec<Option<usize>>,
    pub(super) clause: Vec<usize>,
    pub(super) clause_start: Vec<usize>,
    /// Whether a verb or participle trigger starts at each token: arguments
    /// are not looked for beyond another predicate.
    pub(super) trigger_at: Vec<bool>,
    /// Whether a verbal-noun trigger starts at each token.
    pub(super) noun_trigger_at: Vec<bool>,
    /// Whether a title trigger (رئيس، وزير) starts at each token.
    pub(super) title_at: Vec<bool>,
    /// Whether a verb trigger with the future prefix سـ starts at each token.
    pub(super) future_at: Vec<bool>,
    /// Tokens inside a date expression after its first: a date counts as
    /// one word in the gaps frames allow.
    pub(super) in_date: Vec<bool>,
    /// The date expressions of the sentence, left to right.
    pub(super) dates: Vec<super::qualifiers::dates::DateExpr>,
    /// The triggers starting at each token.
    pub(super) hits: Vec<Vec<Hit>>,
    /// The preposition governing each argument ([`prep_of`]), read when
    /// first asked: the frames ask for it again and again.
    pub(super) preps: Vec<std::cell::OnceCell<String>>,
    /// What the qualifiers learn of each token, for the next trigger.
    pub(super) marks: super::qualifiers::TokenMarks,
}

/// An argument as a frame found it: a mention of this sentence or a topic
/// carried over from an earlier clause or sentence.
#[derive(Clone, Debug)]
pub(super) struct Ent {
    pub(super) actor: Iri,
    pub(super) class: String,
    pub(super) span: Option<Span>,
    pub(super) gender: Gender,
}

/// What a frame found for one trigger.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) subjects: Vec<Ent>,
    pub(super) objects: Vec<Ent>,
    /// Pairs within one list (the بين frame), all symmetric.
    pub(super) pairs: Vec<(Ent, Ent)>,
    /// Largest token distance from trigger to an argument.
    pub(super) distance: usize,
    /// The subject came from an earlier clause (dropped or pronoun).
    pub(super) carried: bool,
    /// The subject is a member noun of the clause with a possessive pronoun
    /// (مقاتلوها): carried, yet the clause's own subject.
    pub(super) possessed: bool,
    /// The subject is the genitive of the verbal noun (انسحاب فرنسا).
    pub(super) genitive: bool,
    /// A title names its holder but not the body it belongs to (وزير
    /// الدفاع، فلان): the pattern's implicit object may supply it.
    pub(super) titled: bool,
    /// The token where the act stated is done when it is not the trigger's
    /// (the verb of asking of an `asked` pattern): qualifiers are read there.
    pub(super) act_at: Option<usize>,
}

pub(super) fn ent(a: &Arg) -> Ent {
    Ent {
        actor: a.actor.clone(),
        class: a.class.clone(),
        span: Some(a.span),
        gender: a.gender,
    }
}

/// Arguments (indices into `Ctx::args`) as the actors they name, the twins
/// of a reference to several actors included.
pub(super) trait ArgList {
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

/// Whether a mention's proclitics leave it bare (none, or only the article):
/// a noun before it may stand for it.
fn bare_clitic(g: &Grammar, clitic: &str) -> bool {
    clitic.is_empty() || g.affixes.article.contains(clitic)
}

/// Members or a unit of an actor named through the partitive من right
/// before a mention at `first` without proclitics of its own (مسلحون من
/// الجماعة، وحدة من الجيش): the member noun's token and its proclitics,
/// which the actor then stands for.
fn partitive_members_before(
    g: &Grammar,
    tokens: &[Token],
    arg_at: &[Option<usize>],
    first: usize,
    clitic: &str,
) -> Option<(usize, String)> {
    let bare = bare_clitic(g, clitic);
    // Past an opening quote and a group noun: «مسلحون من تنظيم "ولاية
    // الساحل"».
    let mut first = first;
    if first > 0
        && tokens[first - 1].kind == TokKind::Punct
        && QUOTES.contains(&tokens[first - 1].key.as_str())
    {
        first -= 1;
    }
    let before = first.checked_sub(1)?;
    if g.nouns.group_heads.contains(&tokens[before].key) && arg_at[before].is_none() {
        first = before;
    }
    let of = first.checked_sub(1)?;
    let noun = first.checked_sub(2)?;
    // «قيادي في الجماعة»: a rank in the group, through في.
    let in_rank =
        g.clauses.fi.contains(&tokens[of].key) && g.noun_of(&g.nouns.members_in, &tokens[noun].key);
    if !bare
        || !(g.clauses.partitive.contains(&tokens[of].key) || in_rank)
        || arg_at[noun].is_some()
        || arg_at[of].is_some()
    {
        return None;
    }
    // Counted members (عشرين جنديا من الجيش) are victims or a strength,
    // read by the quantities: not the actor's stand-in.
    if noun > 0 && tokens[noun - 1].kind == TokKind::Number {
        return None;
    }
    let class = if in_rank {
        &g.nouns.members_in
    } else {
        &g.nouns.partitive_members
    };
    let prefix = g.noun_prefix(class, &tokens[noun].key)?;
    // The article is the noun's own (المسلحون من …): not a clitic to pass on.
    let prefix = g
        .affixes
        .article
        .iter()
        .find_map(|a| prefix.strip_suffix(a))
        .unwrap_or(prefix);
    Some((noun, prefix.to_string()))
}

/// «وفد من مفوضية إيكواس»، «ممثلي الكونفدرالية»: envoys of an actor (any
/// class) right before its mention, through من or as the noun it is the
/// genitive of: where the envoys' noun starts and its proclitics.
fn envoys_before(
    g: &Grammar,
    tokens: &[Token],
    arg_at: &[Option<usize>],
    first: usize,
    clitic: &str,
) -> Option<(usize, String)> {
    if !bare_clitic(g, clitic) {
        return None;
    }
    let before = first.checked_sub(1)?;
    let noun = if g.clauses.partitive.contains(&tokens[before].key) {
        before.checked_sub(1)?
    } else {
        before
    };
    if arg_at[noun].is_some() || arg_at[before].is_some() {
        return None;
    }
    let prefix = g.noun_prefix(&g.nouns.envoys, &tokens[noun].key)?;
    Some((noun, prefix.to_string()))
}

/// A phrase introducing a name (ما يعرف ب، المعروفة ب، ما يسمى) right
/// before a mention starting at token `first` with proclitics `clitic`: the
/// phrase's first token and the proclitics on it (بما يعرف → ب), which the
/// name then stands for. A phrase closing with «ب» needs the name to carry
/// it; the others need a bare name.
fn so_called_before(
    g: &Grammar,
    phrases: &[SoCalled],
    tokens: &[Token],
    arg_at: &[Option<usize>],
    first: usize,
    clitic: &str,
) -> Option<(usize, String)> {
    let own = g.strip_conj(clitic);
    let own = if own == clitic && g.affixes.conjunctions.contains(own) {
        ""
    } else {
        own
    };
    let with_b = g.affixes.prep_clitics.contains(own) && g.clauses.bi.contains(g.prep_base(own));
    let bare = own.is_empty() || g.affixes.article.contains(own);
    for phrase in phrases {
        if (phrase.needs_b && !with_b) || (!phrase.needs_b && !bare) {
            continue;
        }
        let start = first.checked_sub(phrase.words.len())?;
        if (start..first).any(|j| arg_at[j].is_some()) {
            continue;
        }
        let tail_matches = phrase.words[1..]
            .iter()
            .zip(&tokens[start + 1..first])
            .all(|(w, t)| same(t.key.as_bytes(), w.as_bytes()));
        let head = tokens[start].key.as_str();
        let Some(prefix) = bytes::strip_suffix(head, &phrase.words[0]) else {
            continue;
        };
        let prefix_ok = prefix.is_empty()
            || g.affixes.conjunctions.contains(prefix)
            || g.affixes.prep_clitics.contains(g.strip_conj(prefix))
            || g.affixes.prep_clitics.contains(prefix);
        if tail_matches && prefix_ok {
            return Some((start, prefix.to_string()));
        }
    }
    None
}

/// A phrase introducing a name (`so-called` of the grammar), read once: its
/// words without a closing «ب», and whether it has one.
#[derive(Debug)]
pub(super) struct SoCalled {
    words: Vec<String>,
    needs_b: bool,
}

impl SoCalled {
    /// The grammar's phrases, in file order.
    pub(super) fn of(g: &Grammar) -> Vec<SoCalled> {
        g.markers
            .so_called
            .iter()
            .map(|phrase| {
                let (words, needs_b) = match phrase.rsplit_once(' ') {
                    Some((words, last)) if g.clauses.bi.contains(last) => (words, true),
                    _ => (phrase, false),
                };
                SoCalled {
                    words: words.split(' ').map(str::to_string).collect(),
                    needs_b,
                }
            })
            .collect()
    }
}

/// The preposition governing argument `a` through a clitic or the word before it.
pub(super) fn prep_of<'c>(ctx: &'c Ctx<'_>, a: usize) -> &'c str {
    ctx.preps[a].get_or_init(|| governing_prep(ctx, a))
}

/// [`prep_of`], read from the sentence.
fn governing_prep(ctx: &Ctx<'_>, a: usize) -> String {
    let g = ctx.g;
    let arg = &ctx.args[a];
    let c = g.strip_conj(&arg.clitic);
    let c = if c == arg.clitic && g.affixes.conjunctions.contains(c) {
        ""
    } else {
        c
    };
    if g.affixes.prep_clitics.contains(c) {
        return g.prep_base(c).to_string();
    }
    if !c.is_empty() && !g.affixes.article.contains(c) {
        return c.to_string();
    }
    if arg.first > 0 {
        let k = ctx.tokens[arg.first - 1].key.as_str();
        if g.clauses.prep_words.contains(g.strip_conj(k)) {
            return g.strip_conj(k).to_string();
        }
        // «غربي الكاميرون»: a bare compass word governs as في.
        if let Some(fi) = g.clauses.fi.iter().next()
            && ctx.arg_at[arg.first - 1].is_none()
            && direction_before(ctx, arg.first)
        {
            return fi.to_string();
        }
        // «هجوم لـ"ولاية الساحل"»، «لـ ولاية الساحل»: a proclitic written
        // apart, before the name or its opening quote.
        let apart = |j: usize| {
            let k = g.strip_conj(&ctx.tokens[j].key);
            (ctx.tokens[j].kind == TokKind::Arabic && g.affixes.prep_clitics.contains(k))
                .then(|| g.prep_base(k).to_string())
        };
        if let Some(p) = apart(arg.first - 1) {
            return p;
        }
        if arg.first > 1
            && QUOTES.contains(&k)
            && let Some(p) = apart(arg.first - 2).or_else(|| {
                let k2 = g.strip_conj(&ctx.tokens[arg.first - 2].key);
                g.clauses.prep_words.contains(k2).then(|| k2.to_string())
            })
        {
            return p;
        }
        // «على مدينة بوريم»: an indefinite head noun in construct with the
        // name passes on the preposition before it. (Not a classifier's من:
        // «مروحيات من طراز مي-35» names the model.)
        let head = &ctx.tokens[arg.first - 1];
        if head.kind == TokKind::Arabic
            && ctx.arg_at[arg.first - 1].is_none()
            && !g.clauses.model_classifiers.contains(k)
            && k.chars().count() >= 3
            && !g.clauses.connectives.contains(g.strip_conj(k))
            && !g.definite(k)
            && !ctx.trigger_at[arg.first - 1]
            && !ctx.noun_trigger_at[arg.first - 1]
            // (A title's preposition is the title's: «بالرئيس محمد بازوم»
            // names the president after it.)
            && !ctx.title_at[arg.first - 1]
        {
            // Only ب and ل, on a noun of four letters or more: كانت is a verb.
            if let Some(p) = clitic_prep(g, k, 4).filter(|p| !g.affixes.comparative.contains(p)) {
                return p.to_string();
            }
            if arg.first > 1 {
                let k2 = g.strip_conj(&ctx.tokens[arg.first - 2].key);
                if g.clauses.prep_words.contains(k2) {
                    return k2.to_string();
                }
            }
        }
    }
    String::new()
}

/// Whether a compass word used as a preposition (شمال، جنوب شرقي) stands
/// right before `pos`.
pub(super) fn direction_before(ctx: &Ctx<'_>, pos: usize) -> bool {
    pos >= 1
        && ctx
            .g
            .clauses
            .directions
            .contains(ctx.g.strip_conj(&ctx.tokens[pos - 1].key))
}

/// The first token at or after `j` that is no quotation mark (past the
/// quotes around a name: لـ"ولاية الساحل" على …).
pub(super) fn past_quotes(ctx: &Ctx<'_>, j: usize) -> usize {
    (j..ctx.tokens.len())
        .find(|&m| !QUOTES.contains(&ctx.tokens[m].key.as_str()))
        .unwrap_or(ctx.tokens.len())
}

pub(super) fn same_clause(ctx: &Ctx<'_>, a: usize, b: usize) -> bool {
    ctx.clause.get(a) == ctx.clause.get(b)
}

/// The preposition a non-actor word carries as a proclitic (بدفع، للدولة),
/// when the word is long enough for that to be a clitic and not a root letter.
pub(super) fn clitic_prep<'g>(g: &'g Grammar, key: &str, min_rest: usize) -> Option<&'g str> {
    let k = g.strip_conj(key);
    let clitic = g
        .affixes
        .prep_clitics
        .iter()
        .find(|p| k.starts_with(p) && k.chars().count() >= p.chars().count() + min_rest)?;
    // A root letter, not a clitic (بلد، لقاء): looked up only for the few
    // words that start like a clitic, since the look-up tries every noun
    // prefix and suffix. (The whole key only when a conjunction came off:
    // else it is `k`.)
    if g.noun_of(&g.nouns.root_b_l, k)
        || (k.len() != key.len() && g.noun_of(&g.nouns.root_b_l, key))
    {
        return None;
    }
    Some(g.prep_base(clitic))
}

/// Whether argument `a` stands alone in parentheses (an acronym or gloss).
pub(super) fn parenthesized(ctx: &Ctx<'_>, a: usize) -> bool {
    let arg = &ctx.args[a];
    arg.first > 0
        && ctx.tokens[arg.first - 1].key == "("
        && ctx.tokens.get(arg.end).is_some_and(|t| t.key == ")")
}

/// «هاجم مسلحون، ليل الثلاثاء، دورية للجيش»، «أعلنت تشاد، في نوفمبر 2024،
/// إنهاء …»: commas around a time adverbial (a date, with words of the time
/// of day, after a preposition of time) set off an aside, not
/// a clause: their keys are emptied, so that the frames read the sentence
/// as if they were absent. The tokens keep their spans.
fn unmark_time_asides(
    g: &Grammar,
    tokens: &mut [Token],
    dates: &[super::qualifiers::dates::DateExpr],
) {
    let mut dated = vec![false; tokens.len()];
    for d in dates {
        for slot in &mut dated[d.first..d.end.min(tokens.len())] {
            *slot = true;
        }
    }
    let mut i = 0;
    while i < tokens.len() {
        if !is_comma(&tokens[i].key) {
            i += 1;
            continue;
        }
        let close = (i + 2..tokens.len().min(i + 12)).find(|&j| is_comma(&tokens[j].key));
        let aside = close.is_some_and(|j| {
            let timed = |m: usize| {
                let k = tokens[m].key.as_str();
                // (A preposition may open it: «، في نوفمبر 2024،».)
                (m == i + 1 && g.clauses.event_preps.contains(k))
                    || dated[m]
                    || g.dates.times_of_day.contains(k)
                    || g.dates.today.contains(k)
                    || g.dates.yesterday.contains(k)
            };
            // (Not before a conjunction: «، اليوم، والجيش …» goes on with
            // another clause or list item.)
            let joined = tokens
                .get(j + 1)
                .is_some_and(|t| g.affixes.conjunctions.starts(&t.key));
            !joined
                && (i + 1..j).any(|m| dated[m] || g.dates.yesterday.contains(&tokens[m].key))
                && (i + 1..j).all(timed)
        });
        match close {
            Some(j) if aside => {
                tokens[i].key.clear();
                tokens[j].key.clear();
                i = j + 1;
            }
            _ => i += 1,
        }
    }
}

impl Extractor {
    /// «أعلنت الحركة سيطرتها على المدينة»: a word read both as a verb with
    /// a feminine ت and an object pronoun (سيطرت|ها) and as the verbal noun
    /// of the same relation with a possessive (سيطرة|ها) is the noun: the
    /// verb reading needs a fronted object, which only a relative clause
    /// gives (البلدة التي استعادتها القوات).
    fn noun_over_verb(&self, g: &Grammar, tokens: &[Token], i: usize, hits: &mut Vec<Hit>) {
        let relation_of = |h: &Hit| self.patterns[h.pattern].relation.as_str();
        let nouns: Vec<&str> = hits
            .iter()
            .filter(|h| matches!(self.patterns[h.pattern].frame, Frame::Noun | Frame::Between))
            .map(relation_of)
            .collect();
        if nouns.is_empty()
            || (i > 0
                && g.clauses
                    .relatives
                    .contains(g.strip_conj(&tokens[i - 1].key)))
        {
            return;
        }
        hits.retain(|h| {
            let with_object = self.patterns[h.pattern].frame == Frame::Verb
                && g.affixes.feminine_mark.iter().any(|t| {
                    h.suffix.strip_prefix(t).is_some_and(|rest| {
                        !rest.is_empty() && g.affixes.object_pronouns.ends(rest)
                    })
                });
            !(with_object && nouns.contains(&relation_of(h)))
        });
    }

    /// Tokenizes a sentence, places its mentions and cuts it into clauses.
    pub(super) fn prepare<'a>(
        &'a self,
        text: &'a str,
        sentence: &Sentence,
        mentions: &[Mention],
        published: Option<super::qualifiers::dates::Ymd>,
        class_of: &dyn Fn(&str) -> String,
    ) -> Ctx<'a> {
        let g = &self.grammar;
        let mut tokens = text::tokenize(text, sentence.span);
        // The dates, read once: the qualifiers take their values, and a
        // date counts as one word in the distances between a predicate and
        // its arguments (شنت الجماعة في 24 أغسطس/آب 2024 هجوما).
        let dates = super::qualifiers::dates::find(g, &tokens, published);
        unmark_time_asides(g, &mut tokens, &dates);
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
            // «ما يعرف بالجيش الوطني»: the name takes the phrase's place.
            let (first, clitic) =
                match so_called_before(g, &self.so_called, &tokens, &arg_at, first, &clitic) {
                    Some(found) => found,
                    None => (first, clitic),
                };
            let class = class_of(&m.actor);
            // «مسلحون من الجماعة»: the members stand for the actor.
            let members = partitive_members_before(g, &tokens, &arg_at, first, &clitic)
                .filter(|_| super::assemble::ARMED_CLASSES.contains(&class.as_str()))
                .or_else(|| envoys_before(g, &tokens, &arg_at, first, &clitic));
            let partitive = members.is_some();
            let (first, clitic) = members.unwrap_or((first, clitic));
            // (The members' noun agrees with the verb: مجموعة من العناصر
            // التكفيرية هاجمت.)
            let gender = if partitive {
                actor_gender(g, &tokens[first].key, &class, MentionKind::Discovered)
            } else {
                actor_gender(g, &fold(m.span.of(text)), &class, m.kind)
            };
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
                partitive,
            });
        }
        let mut clause = Vec::with_capacity(tokens.len());
        let mut clause_start = vec![0];
        for (i, t) in tokens.iter().enumerate() {
            let k = t.key.as_str();
            // A dash set off by spaces: a dateline (نيامي (رويترز) - …) or
            // an aside.
            let spaced_dash = DASHES.contains(&k)
                && i > 0
                && tokens[i - 1].span.end < t.span.start
                && tokens.get(i + 1).is_some_and(|n| t.span.end < n.span.start);
            let boundary = i > 0
                && arg_at[i].is_none()
                && (CLAUSE_PUNCT.contains(&k)
                    || spaced_dash
                    || g.clauses.connectives.contains(k)
                    || g.clauses.connectives.contains(g.strip_conj(k)));
            if boundary {
                clause_start.push(i);
            }
            clause.push(clause_start.len() - 1);
        }
        // Triggers are looked up once per token; the frames read them often.
        let hits: Vec<Vec<Hit>> = (0..tokens.len())
            .map(|i| {
                let mut h = self.index.hits_at(g, &tokens, i);
                self.noun_over_verb(g, &tokens, i, &mut h);
                h
            })
            .collect();
        let trigger_at = (0..tokens.len())
            .map(|i| {
                arg_at[i].is_none()
                    && !g.clauses.prep_words.contains(&tokens[i].key)
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
                    && !g.clauses.prep_words.contains(&tokens[i].key)
                    && hits[i].iter().any(|h| {
                        matches!(self.patterns[h.pattern].frame, Frame::Noun | Frame::Between)
                    })
            })
            .collect();
        let title_at = (0..tokens.len())
            .map(|i| {
                hits[i]
                    .iter()
                    .any(|h| self.patterns[h.pattern].frame == Frame::Title)
            })
            .collect();
        let future_at = (0..tokens.len())
            .map(|i| {
                arg_at[i].is_none()
                    && hits[i].iter().any(|h| {
                        self.patterns[h.pattern].frame == Frame::Verb
                            && g.affixes
                                .future
                                .starts(g.affixes.conjunctions.trim_start(&h.prefix))
                    })
            })
            .collect();
        let mut in_date = vec![false; tokens.len()];
        for d in &dates {
            for slot in &mut in_date[(d.first + 1).min(d.end)..d.end] {
                *slot = true;
            }
        }
        let preps = (0..args.len())
            .map(|_| std::cell::OnceCell::new())
            .collect();
        Ctx {
            g,
            text,
            args,
            arg_at,
            clause,
            clause_start,
            trigger_at,
            noun_trigger_at,
            title_at,
            future_at,
            in_date,
            dates,
            marks: super::qualifiers::TokenMarks::new(tokens.len()),
            hits,
            preps,
            tokens,
        }
    }
}
