//! The frames: how each kind of trigger (verb, verbal noun, participle,
//! preposition, title) finds its subject and object. One file per family.

mod noun;
mod participle;
mod prep;
mod title;
mod verb;

use super::*;

impl Extractor {
    /// Fills the arguments of one trigger according to its pattern's frame.
    pub(super) fn frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        if !p.after_verbs.is_empty() && !after_verb(p, hit, ctx) {
            return Found::default();
        }
        if !with_noun_named(p, hit, ctx) || governed_by_not_after(p, hit, ctx) {
            return Found::default();
        }
        let accused = matches!(p.frame, Frame::Noun | Frame::Between | Frame::Prep)
            .then(|| accused_before(ctx, hit))
            .flatten();
        let mut f = match p.frame {
            Frame::Verb => self.verb_frame(p, hit, ctx, topics, sentence),
            Frame::Noun | Frame::Between => self.noun_frame(p, hit, ctx, topics, sentence),
            Frame::ActiveParticiple | Frame::PassiveParticiple => {
                self.participle_frame(p, hit, ctx)
            }
            Frame::Prep => self.prep_frame(p, hit, ctx, topics, sentence),
            Frame::Title => self.title_frame(p, hit, ctx, topics, sentence),
        };
        // «اتهمت مالي الجزائر بدعم جبهة تحرير أزواد»: the accused is the
        // verbal noun's agent; its genitive, else the object the frame
        // found behind the pattern's preposition (بقتل عشرات المدنيين من
        // الفولاني), is the patient. A swapped phrase (بدعم من) has no
        // such object.
        // (An accused the text does not name, جارتها الشرقية: the phrase is
        // still no «with the support of».)
        // (Nor an accused named by a pronoun, تتهمكم باماكو بالتحالف مع …:
        // the accuser is no agent of the charge.)
        if accused == Some(None) {
            return Found::default();
        }
        if let Some(Some(a)) = accused {
            // (Or the nisba of the noun the pattern needs, as its owner,
            // quoted or not: «بإيواء "قواعد فرنسية"».)
            let genitive = direct_after(ctx, hit.end, 0)
                .or_else(|| {
                    let at = (hit.end..ctx.tokens.len())
                        .find(|&j| !QUOTES.contains(&ctx.tokens[j].key.as_str()))?;
                    (p.with_noun.iter().next().is_some()
                        && ctx.g.noun_of(&p.with_noun, &ctx.tokens[at].key))
                    .then(|| direct_after(ctx, at + 1, 0))
                    .flatten()
                })
                .map(|g| conjuncts_forward(ctx, g).ents(ctx))
                .unwrap_or_default();
            let agent = [a].ents(ctx);
            let patient: Vec<Ent> = if !genitive.is_empty() {
                genitive
            } else if p.swap {
                Vec::new()
            } else {
                std::mem::take(&mut f.objects)
            }
            .into_iter()
            .filter(|o| !agent.iter().any(|x| x.actor == o.actor))
            .collect();
            let (s, o) = if p.swap != p.accused_object {
                (patient, agent)
            } else {
                (agent, patient)
            };
            f = Found {
                subjects: s,
                objects: o,
                distance: f.distance.max(hit.first.saturating_sub(ctx.args[a].end)),
                ..Found::default()
            };
        }
        f
    }
}

/// Whether an accusation verb governs the trigger at `hit` through ب, and
/// its accused: `None` without such a verb; `Some(Some(a))` when an actor
/// without a preposition ends at most three words before the trigger (no
/// comma or other predicate between) and the verb stands within six words
/// before it (اتهمت مالي الجزائر بدعم …، تتهم الرباط الجزائر منذ عقود
/// بدعم …); `Some(None)` when the verb stands within eight words before the
/// trigger but the accused is no actor (تتهم الرباط جارتها الشرقية بدعم …).
fn accused_before(ctx: &Ctx<'_>, hit: &Hit) -> Option<Option<usize>> {
    let g = ctx.g;
    let word = g.strip_conj(&ctx.tokens[hit.first].key);
    if !g.clauses.bi.starts(word) {
        return None;
    }
    let accusing = |v: &str| is_verb_of(g, &g.verbs.accusation, v);
    // Some(true): the verb carries its object, the accused (تتهمكم).
    let accusation = |k: &str| -> Option<bool> {
        if accusing(k) {
            return Some(false);
        }
        if g.affixes
            .verb_object_suffixes
            .iter()
            .any(|p| k.strip_suffix(p).is_some_and(accusing))
        {
            return Some(true);
        }
        g.verbs
            .accusation_nouns
            .iter()
            .any(|n| {
                k.strip_prefix(n)
                    .is_some_and(|rest| rest.is_empty() || g.affixes.possessives.contains(rest))
            })
            .then_some(false)
    };
    let accusation_within = |to: usize, words: usize| {
        (to.saturating_sub(words)..to)
            .rev()
            .take_while(|&j| same_clause(ctx, j, to.min(ctx.tokens.len() - 1)))
            .find_map(|j| {
                ctx.arg_at[j]
                    .is_none()
                    .then(|| accusation(g.strip_conj(&ctx.tokens[j].key)))
                    .flatten()
            })
    };
    let from = hit.first.saturating_sub(4);
    let named = (from..hit.first)
        .rev()
        .find_map(|j| ctx.arg_at[j])
        .filter(|&a| {
            !(ctx.args[a].end..hit.first).any(|j| is_comma(&ctx.tokens[j].key) || ctx.trigger_at[j])
                && prep_of(ctx, a).is_empty()
        })
        .and_then(|a| accusation_within(ctx.args[a].first, 6).map(|pronoun| (a, pronoun)));
    match named {
        // (The verb's own object pronoun is the accused: the actor after
        // it is the accuser, تتهمكم باماكو بالتحالف مع …)
        Some((_, true)) => Some(None),
        Some((a, false)) => Some(Some(a)),
        None => accusation_within(hit.first, 8).map(|_| None),
    }
}

/// «قدمت أبوظبي لنجامينا قرضا»، «إرسال 200 ألف طن من المحروقات إلى مالي»:
/// a trigger of giving or sending states its relation only with what is
/// given (one of the pattern's `with-noun`) named in its clause after it;
/// a pattern without `with-noun` always does.
fn with_noun_named(p: &Pattern, hit: &Hit, ctx: &Ctx<'_>) -> bool {
    p.with_noun.iter().next().is_none()
        || (hit.end..ctx.tokens.len().min(hit.end + 12))
            .take_while(|&j| same_clause(ctx, hit.first, j))
            .any(|j| ctx.arg_at[j].is_none() && ctx.g.noun_of(&p.with_noun, &ctx.tokens[j].key))
}

/// «مغادرة آخر جنودها القاعدة»، «انتهاء الوجود العسكري الفرنسي»: whether a
/// noun of the pattern's `not-after` governs the trigger (within two words
/// before it).
fn governed_by_not_after(p: &Pattern, hit: &Hit, ctx: &Ctx<'_>) -> bool {
    p.not_after.iter().next().is_some()
        && (hit.first.saturating_sub(2)..hit.first)
            .any(|j| ctx.arg_at[j].is_none() && ctx.g.noun_of(&p.not_after, &ctx.tokens[j].key))
}

/// Whether a verb of the pattern's `after-verbs` comes before the trigger in
/// its clause, within eight words.
fn after_verb(p: &Pattern, hit: &Hit, ctx: &Ctx<'_>) -> bool {
    let stems: Vec<String> = p.after_verbs.iter().map(|s| fold(s)).collect();
    (hit.first.saturating_sub(8)..hit.first)
        .rev()
        .take_while(|&j| same_clause(ctx, j, hit.first))
        .any(|j| ctx.arg_at[j].is_none() && is_verb_of(ctx.g, stems.as_slice(), &ctx.tokens[j].key))
}
