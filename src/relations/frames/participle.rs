//! Participles: «الجماعة المتحالفة مع …», «الجيش المدعوم من روسيا».

use super::super::*;

impl Extractor {
    /// Fills the arguments of a participle trigger.
    pub(in crate::relations) fn participle_frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
    ) -> Found {
        let mut f = Found::default();
        // The participle's complement: the object of an active participle,
        // the agent (subject) of a passive one.
        let fit_other = |a: &Arg| self.slot_fits(p, &a.class, p.frame == Frame::PassiveParticiple);
        let object_preps: Vec<String> = p.object_prep.iter().map(|s| fold(s)).collect();
        let agent_preps: Vec<String> = p.agent_prep.iter().map(|s| fold(s)).collect();
        // «افتتحت تركيا فرعا لشركة»: an accusative noun right after
        // an actor is that clause's object, not its apposition —
        // unless a copula makes it the predicate (لا يزال بازوم محتجزا).
        if ctx.g.affixes.accusative.contains(&hit.suffix)
            && let Some(h) = hit.first.checked_sub(1).and_then(|j| ctx.arg_at[j])
            && !(ctx.args[h].first.saturating_sub(3)..ctx.args[h].first).any(|j| {
                ctx.g
                    .clauses
                    .copulas
                    .contains(ctx.g.strip_conj(&ctx.tokens[j].key))
            })
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
                        ctx.tokens.get(j + 1).is_some_and(|t| {
                            ctx.g
                                .markers
                                .by_hand
                                .pair(ctx.g.strip_conj(&ctx.tokens[j].key), &t.key)
                        })
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
                .and_then(|t| resumptive_of(ctx.g, &t.key, preps))
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
        // «الفيلق، التابع للوزارة وبديل فاغنر»: a second apposition joined
        // by و describes the first one's head, not its complement.
        let head = if ctx.g.affixes.wa.starts(&hit.prefix) {
            coordinated_apposition_head(ctx, hit.first)
        } else {
            None
        };
        let Some(head) = head.or_else(|| head_before(ctx, hit.first)).or(glossed) else {
            return f;
        };
        f.distance = ctx.args[other].first.saturating_sub(hit.end);
        // «مالي والنيجر، شريكتي بوركينا فاسو»: a dual or plural
        // apposition after a comma describes the whole coordination.
        let apposed = hit.first > 0 && is_comma(&ctx.tokens[hit.first - 1].key);
        let key = ctx.tokens[hit.first].key.as_str();
        let plural = ctx.g.affixes.noun_plural.ends(key);
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
        f
    }
}
