//! Titles: «زعيم الجماعة فلان», «الرئيس المالي فلان».

use super::super::*;

impl Extractor {
    /// Fills the arguments of a title trigger.
    pub(in crate::relations) fn title_frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        let mut f = Found::default();
        // زعيم الجماعة فلان / زعيمها فلان / الرئيس المالي فلان.
        // With a possessive suffix the name right after is the person.
        // A person is never the body of a title: in «وزير الدفاع ساديو
        // كامارا» the name is the holder.
        let org = direct_after(ctx, hit.end, 1)
            .filter(|_| possessive_gender(ctx.g, &hit.suffix).is_none())
            .filter(|&o| ctx.args[o].class != "Person")
            .filter(|&o| self.slot_fits(p, &ctx.args[o].class, false))
            .or_else(|| {
                state_in(ctx, hit.end).filter(|&o| self.slot_fits(p, &ctx.args[o].class, false))
            });
        let person_from = org.map_or(hit.end, |o| ctx.args[o].end);
        // (Past the organization's acronym in parentheses: «قائد القيادة
        // الأمريكية في أفريقيا (أفريكوم) الجنرال فلان».)
        let person_from = match (org, ctx.arg_at.get(person_from + 1).copied().flatten()) {
            (Some(o), Some(g))
                if ctx.args[g].actor == ctx.args[o].actor
                    && parenthesized(ctx, g)
                    && ctx.args[g].first == person_from + 1 =>
            {
                ctx.args[g].end + 1
            }
            _ => person_from,
        };
        // An adjective (الرئيس النيجري المنتخب فلان) or, after the
        // organization, an apposition set off by a comma with a rank
        // (رئيس المجلس العسكري، النقيب فلان، …) may come between.
        let is_person = |a: &usize| self.slot_fits(p, &ctx.args[*a].class, true);
        let person = direct_after(ctx, person_from, 2)
            .filter(is_person)
            .or_else(|| {
                let comma = ctx
                    .tokens
                    .get(person_from)
                    .is_some_and(|t| is_comma(&t.key));
                let named = org
                    .filter(|_| comma)
                    .and_then(|_| direct_after(ctx, person_from + 1, 2))?;
                // Only a rank may come between (النقيب، الجنرال): a word
                // with a conjunction opens another clause («، ويعاونه فلان»).
                let joined = (person_from + 1..ctx.args[named].first).any(|j| {
                    let k = ctx.tokens[j].key.as_str();
                    ctx.g.strip_conj(k) != k
                });
                if joined {
                    return None;
                }
                let closed = ctx
                    .tokens
                    .get(ctx.args[named].end)
                    .is_none_or(|t| is_comma(&t.key) || CLAUSE_PUNCT.contains(&t.key.as_str()));
                closed.then_some(named)
            });
        // «أمادو كوفا، زعيم جبهة تحرير ماسينا»: a title set off by a comma
        // right after a name is that name's apposition. Not after و (a
        // second person: «…، وزعيم الجبهة»).
        // (Or a second title joined by و: «إياد أغ غالي، الزعيم الطارقي
        // ومؤسس حركة أنصار الدين».)
        let person = person.or_else(|| {
            apposed_before(ctx, hit)
                .or_else(|| {
                    ctx.g
                        .affixes
                        .wa
                        .starts(&hit.prefix)
                        .then(|| coordinated_apposition_head(ctx, hit.first))
                        .flatten()
                })
                .filter(is_person)
                .filter(|_| org.is_some())
        });
        // «وزير الدفاع، الجنرال فلان»، «بحضور وزير الدفاع فلان»: a title
        // without its body names its holder; the pattern may supply the
        // body (the article's state).
        if org.is_none()
            && p.implicit_object.is_some()
            && possessive_gender(ctx.g, &hit.suffix).is_none()
            && let Some(holder) = person.or_else(|| untitled_holder(ctx, hit.end).filter(is_person))
        {
            f.subjects = [holder].ents(ctx);
            f.titled = true;
            return f;
        }
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

/// «رئيس المرحلة الانتقالية في مالي»: a state right after the title behind
/// في is the body the title belongs to.
fn state_in(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let a = ctx.arg_at.get(pos + 1).copied().flatten()?;
    let fi = ctx.tokens.get(pos)?;
    (ctx.g.clauses.fi.contains(&fi.key)
        && ctx.args[a].first == pos + 1
        && ctx.args[a].class == "State"
        && ctx.args[a].kind != MentionKind::Reference)
        .then_some(a)
}

/// The argument a title at `hit` stands in apposition to: the one that
/// ends right before the comma before the title, when the title carries no
/// conjunction.
fn apposed_before(ctx: &Ctx<'_>, hit: &Hit) -> Option<usize> {
    let comma = hit.first.checked_sub(1)?;
    // Only the article may precede the title: «، بالرئيس فلان» is governed
    // by a preposition, «، وزعيم …» is a second person.
    let bare = hit.prefix.is_empty() || ctx.g.affixes.article.contains(&hit.prefix);
    if !is_comma(&ctx.tokens[comma].key) || !bare {
        return None;
    }
    let a = ctx.arg_at[comma.checked_sub(1)?]?;
    (ctx.args[a].end == comma).then_some(a)
}

/// The name a title without its body introduces: right after the title's
/// words (at most two), or after a comma that closes them, itself closed by
/// a comma or the end of the clause. No other actor may come between.
fn untitled_holder(ctx: &Ctx<'_>, from: usize) -> Option<usize> {
    if let Some(a) = direct_after(ctx, from, 2) {
        return Some(a);
    }
    let comma = (from..ctx.tokens.len().min(from + 4)).find(|&j| is_comma(&ctx.tokens[j].key))?;
    if (from..comma).any(|j| ctx.arg_at[j].is_some() || ctx.trigger_at[j]) {
        return None;
    }
    let named = direct_after(ctx, comma + 1, 2)?;
    let closed = ctx
        .tokens
        .get(ctx.args[named].end)
        .is_none_or(|t| is_comma(&t.key) || CLAUSE_PUNCT.contains(&t.key.as_str()));
    closed.then_some(named)
}
