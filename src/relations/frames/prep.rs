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
