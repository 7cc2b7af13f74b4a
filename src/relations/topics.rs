//! Topics: actors a later clause or sentence refers back to (dropped
//! subjects, pronouns, claimants), and the state an article is about.

use super::*;
use crate::text::bytes::same;

/// An actor available as the subject of a later clause without one.
#[derive(Clone, Debug)]
pub(super) struct Topic {
    /// The actor, or a coordinated list of actors (مالي وبوركینا فاسو).
    pub(super) ents: Vec<Ent>,
    pub(super) gender: Gender,
    pub(super) sentence: usize,
    /// The clause of that sentence it is the subject of.
    pub(super) clause: usize,
    /// It is the subject of an extracted statement, not only a clause opener.
    pub(super) stated: bool,
    /// It opens an apposition or list item after a comma, not a clause: a
    /// pronoun prefers the subject of a clause.
    pub(super) apposed: bool,
}

/// An event stated earlier in the document (a statement of a relation
/// that patterns name in `result-of`): its agents and what it befell.
#[derive(Clone, Debug)]
pub(super) struct Event {
    pub(super) relation: String,
    pub(super) subjects: Vec<Ent>,
    pub(super) objects: Vec<Ent>,
    pub(super) sentence: usize,
}

/// The most recent event of one of `relations` within [`TOPIC_REACH`]
/// sentences before or in `sentence`.
pub(super) fn last_event<'e>(
    events: &'e [Event],
    relations: &[String],
    sentence: usize,
) -> Option<&'e Event> {
    events
        .iter()
        .rev()
        .take_while(|e| e.sentence + TOPIC_REACH >= sentence)
        .find(|e| relations.contains(&e.relation))
}

/// What the sentences of a document share.
pub(super) struct DocCtx<'a> {
    pub(super) doc: &'a Document,
    /// The state the article is about so far (see [`StateCount`]).
    pub(super) article_state: Option<Ent>,
    /// In a wire's lead (the sentence holding its dateline), the dateline's
    /// day: the day of the events the lead reports without a date.
    pub(super) lead_date: Option<dates::Ymd>,
}

/// Mentions of each state so far in a document: the one named most often
/// (the first named on a tie) is the state the article is about.
#[derive(Default)]
pub(super) struct StateCount {
    /// (actor, class, count, first position).
    pub(super) seen: Vec<(Iri, String, usize, usize)>,
}

impl StateCount {
    pub(super) fn add(&mut self, ctx: &Ctx<'_>) {
        let order = self.seen.len();
        // Names only: «القوات الأمريكية» in a report on Niger does not make
        // it a report on the United States.
        // Nor a group named by its size (الدول الثلاث): it names several
        // states at once, none of them the topic.
        let group = |a: &&Arg| a.kind == MentionKind::Reference && !a.twins.is_empty();
        for a in ctx
            .args
            .iter()
            .filter(|a| a.kind != MentionKind::Adjective && !group(a))
        {
            for e in std::iter::once(ent(a)).chain(a.twins.iter().cloned()) {
                if e.class == "State" {
                    self.bump(e, order);
                }
            }
        }
    }

    /// One more naming of `state` (a dateline's city).
    pub(super) fn count(&mut self, state: Ent) {
        self.bump(state, self.seen.len());
    }

    fn bump(&mut self, e: Ent, order: usize) {
        match self.seen.iter_mut().find(|s| s.0 == e.actor) {
            Some(s) => s.2 += 1,
            None => self.seen.push((e.actor, e.class, 1, order)),
        }
    }

    pub(super) fn top(&self) -> Option<Ent> {
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

/// The most recent topic within [`TOPIC_REACH`] sentences that agrees.
pub(super) fn topic(topics: &[Topic], gender: Gender, sentence: usize) -> Option<Vec<Ent>> {
    // A feminine singular verb or pronoun also refers to a list of states
    // or groups (أعلنت مالي وبوركينا فاسو … انسحابها).
    find_topic(topics, sentence, |t| {
        agrees(gender, t.gender) || (gender == Gender::Fem && t.ents.len() > 1)
    })
}

/// Like [`topic`], skipping actors that only open an apposition or a list
/// item: what a pronoun refers back to is the subject of a clause.
pub(super) fn clause_topic(topics: &[Topic], gender: Gender, sentence: usize) -> Option<Vec<Ent>> {
    find_topic(topics, sentence, |t| {
        !t.apposed && (agrees(gender, t.gender) || (gender == Gender::Fem && t.ents.len() > 1))
    })
}

/// The most recent topic within [`TOPIC_REACH`] sentences that `wanted`
/// accepts, as arguments of `sentence`: an earlier sentence's evidence is
/// not this one's focus, so its spans are dropped.
pub(super) fn find_topic(
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

/// The subject of a verb of `stems` before `pos` in the sentence (تأسست
/// الجبهة، ظهرت جماعة …): the actor within two words after it, else the
/// actor just before it, else, when the verb opens its clause, the topic.
/// Whether the folded word `key` is a verb of one of the folded `stems`:
/// perfect (تأسست) or imperfect (يتشكل، تقاتل), with or without the
/// feminine ت and a conjunction.
pub(super) fn is_verb_of<S: Stems + ?Sized>(g: &Grammar, stems: &S, key: &str) -> bool {
    // (With and without و/ف, whose ف may be the verb's first letter: فتح.)
    let stripped = g.strip_conj(key);
    [key, stripped]
        .into_iter()
        .flat_map(|k| [k, g.affixes.feminine_mark.strip_suffix(k).unwrap_or(k)])
        .any(|k| {
            let bare = g
                .affixes
                .imperfect
                .strip_prefix(k)
                .filter(|r| r.chars().count() >= 3);
            stems.has(k) || bare.is_some_and(|b| stems.has(b))
        })
}

/// A list of folded verb stems: a word class of the grammar (looked up by
/// hash) or the stems a pattern names.
pub(super) trait Stems {
    /// Whether `word` is one of the stems.
    fn has(&self, word: &str) -> bool;
}

impl Stems for [String] {
    fn has(&self, word: &str) -> bool {
        self.iter().any(|s| same(s.as_bytes(), word.as_bytes()))
    }
}

impl Stems for Words {
    fn has(&self, word: &str) -> bool {
        self.contains(word)
    }
}

pub(super) fn founded(
    ctx: &Ctx<'_>,
    stems: &[String],
    pos: usize,
    topics: &[Topic],
    sentence: usize,
    fit: &dyn Fn(&str) -> bool,
) -> Vec<Ent> {
    let stems: Vec<String> = stems.iter().map(|s| fold(s)).collect();
    let Some(v) = (0..pos).rev().find(|&j| {
        ctx.arg_at[j].is_none() && is_verb_of(ctx.g, stems.as_slice(), &ctx.tokens[j].key)
    }) else {
        return Vec::new();
    };
    if let Some(a) = direct_after(ctx, v + 1, 2).filter(|&a| fit(&ctx.args[a].class)) {
        return [a].ents(ctx);
    }
    if let Some(b) = subject_before(ctx, v, 3).filter(|&b| fit(&ctx.args[b].class)) {
        return [b].ents(ctx);
    }
    let opens = v <= ctx.clause_start[ctx.clause[v]] + 1;
    let gender = if ctx.g.affixes.feminine_mark.ends(&ctx.tokens[v].key) {
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

/// Who claims the event at `pos`: «مسؤولية» (with its pronoun) before it in
/// the sentence, claimed by the subject of its clause, else by the
/// antecedent of its pronoun.
pub(super) fn claimant(
    ctx: &Ctx<'_>,
    pos: usize,
    topics: &[Topic],
    sentence: usize,
    fit: &dyn Fn(&Arg) -> bool,
) -> Option<Vec<Ent>> {
    let j = (0..pos).rev().find(|&j| {
        let g = ctx.g;
        let k = g.strip_conj(&ctx.tokens[j].key);
        g.markers
            .responsibility_stem
            .strip_prefix(k)
            .is_some_and(|r| g.affixes.feminine_mark.starts(r))
            || g.markers.responsibility.contains(k)
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
    let suffix = ctx
        .g
        .markers
        .responsibility_stem
        .strip_prefix(ctx.g.strip_conj(&ctx.tokens[j].key))?;
    clause_topic(topics, possessive_gender(ctx.g, suffix)?, sentence)
}

/// The state named last before `pos` in the sentence by its name (not a
/// nationality adjective), other than the subjects: «أما شمال مالي، فقد شهد
/// تصعيدا بعد انسحاب قوات الأمم المتحدة» is a withdrawal from Mali.
pub(super) fn state_before(ctx: &Ctx<'_>, pos: usize, subjects: &[Ent]) -> Option<Ent> {
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
