//! Titles: «زعيم الجماعة فلان», «الرئيس المالي فلان».

use super::super::*;

impl Extractor {
    /// Fills the arguments of a title trigger.
    pub(in crate::relations) fn title_frame(
        &self,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        let mut f = Found::default();
        // زعيم الجماعة فلان / زعيمها فلان / الرئيس المالي فلان.
        // With a possessive suffix the name right after is the person.
        let org = direct_after(ctx, hit.end, 1)
            .filter(|_| possessive_gender(ctx.g, &hit.suffix).is_none());
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
                None => possessive_gender(ctx.g, &hit.suffix)
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
        f
    }
}
