//! Prepositional frames: «بالتنسيق مع الجيش», «إلى جانب القوات».

use super::super::*;

impl Extractor {
    /// Fills the arguments of a prep trigger.
    pub(in crate::relations) fn prep_frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        let mut f = Found::default();
        let fits_head = |a: &usize| self.slot_fits(p, &ctx.args[*a].class, true);
        if p.adjacent {
            return adjacent_locative(ctx, hit, &fits_head, &|a: &usize| {
                self.slot_fits(p, &ctx.args[*a].class, false)
            });
        }
        // «وحل محلها الفيلق الأفريقي»: a pronoun on the trigger is what the
        // preposition governs (the topic it refers back to); the actor right
        // after is then the clause's subject, behind its verb.
        if let Some(g) = possessive_gender(ctx.g, &hit.suffix) {
            let Some(t) = clause_topic(topics, g, sentence) else {
                return f;
            };
            f.objects = t;
            f.carried = true;
            if let Some(s) = arg_after(ctx, hit.end, 2).filter(fits_head) {
                f.subjects = conjuncts_forward(ctx, s).ents(ctx);
            }
            return f;
        }
        let Some(x) = arg_after(ctx, hit.end, 2) else {
            return f;
        };
        f.objects = conjuncts_forward(ctx, x).ents(ctx);
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
            if ctx.arg_at[j].is_some() || t.kind != TokKind::Arabic || t.key.chars().count() < 5 {
                None
            } else if ctx.g.affixes.pronoun_feminine.ends(&t.key) {
                Some(Gender::Fem)
            } else if ctx.g.affixes.pronoun_plural.ends(&t.key) {
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
        f
    }
}

/// «كتيبة سرما في منطقة غورما»، «قوات الدعم السريع في دارفور»: a bare
/// preposition right after an actor's name, and a named actor at most two
/// words after it (past a region noun: في منطقتي تمبكتو وسيغو). Nothing
/// when the preposition bears a clitic (وفي، ففي open a phrase of their
/// own) or a word stands between the name and it.
fn adjacent_locative(
    ctx: &Ctx<'_>,
    hit: &Hit,
    fits_head: &dyn Fn(&usize) -> bool,
    fits_object: &dyn Fn(&usize) -> bool,
) -> Found {
    let mut f = Found::default();
    if !hit.prefix.is_empty() || !hit.suffix.is_empty() {
        return f;
    }
    let Some(h) = hit
        .first
        .checked_sub(1)
        .and_then(|j| ctx.arg_at[j])
        .filter(|&a| ctx.args[a].end == hit.first)
        .filter(fits_head)
    else {
        return f;
    };
    // Not a reference (المنطقة) for the place, nor an unnamed agent
    // (انتحاري في كابول) for the group; nor a parent after a branch noun
    // (فرع تنظيم القاعدة في الساحل: the branch is there).
    let Some(x) = arg_after(ctx, hit.end, 2)
        .filter(fits_object)
        .filter(|&a| ctx.args[a].kind != MentionKind::Reference)
    else {
        return f;
    };
    let unnamed = ctx.args[h]
        .actor
        .as_str()
        .contains(crate::mentions::mint::UNNAMED);
    let branch = (ctx.args[h].first.saturating_sub(2)..ctx.args[h].first)
        .any(|j| ctx.g.noun_of(&ctx.g.nouns.branches, &ctx.tokens[j].key));
    if unnamed || branch {
        return f;
    }
    f.subjects = conjuncts_backward(ctx, h).ents(ctx);
    f.objects = conjuncts_forward(ctx, x).ents(ctx);
    f
}
