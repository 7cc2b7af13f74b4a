//! Coordination: the actors joined to an argument (أ وب وج), the بين list,
//! and the parties of a joint undertaking.

use super::*;

/// The argument and its conjuncts after it (أ وب وج، أ، ب و ج).
pub(super) fn conjuncts_forward(ctx: &Ctx<'_>, a: usize) -> Vec<usize> {
    conjuncts(ctx, a, true)
}

/// Conjuncts after `a`; without `commas`, only those joined by و alone: after
/// an apposition set off by commas (X، التابعة لـ A، وB), a comma and و close
/// the apposition rather than extend its object.
pub(super) fn conjuncts(ctx: &Ctx<'_>, a: usize, commas: bool) -> Vec<usize> {
    let g = ctx.g;
    let mut out = vec![a];
    let mut cur = a;
    while cur + 1 < ctx.args.len() {
        let next = cur + 1;
        let gap = &ctx.tokens[ctx.args[cur].end..ctx.args[next].first];
        let separators = gap.iter().all(|t| {
            is_comma(&t.key)
                || g.clauses.coordinators.contains(&t.key)
                || matches!(
                    t.key.as_str(),
                    "(" | ")" | "/" | "-" | "\"" | "“" | "”" | "«" | "»"
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
            g.affixes.wa.strip_prefix(&h.key).is_some_and(|h| {
                let h = g.affixes.article.strip_prefix(h).unwrap_or(h);
                // (Or a group noun: «جماعة نصرة الإسلام وتنظيم ولاية الساحل».)
                g.nouns.heads.contains(h) || g.nouns.group_heads.contains(h)
            })
        }) && prep_of(ctx, next).is_empty();
        // «…، ومنافسيه من داعش»، «والعاملين الروس من فيلق أفريقيا»: a
        // conjoined noun (and an adjective) whose members come from the
        // next actor.
        let partitive_member = match gap {
            [.., n, m] | [.., n, _, m] if g.clauses.partitive.contains(&m.key) => {
                g.affixes.wa.starts(&n.key)
                    && n.kind == TokKind::Arabic
                    && n.key.chars().count() > 3
            }
            // «والعاملين الروس من فيلق أفريقيا»: after the adjective.
            [m] if g.clauses.partitive.contains(&m.key) => {
                ctx.args[cur].kind == MentionKind::Adjective && cur > a
            }
            _ => false,
        } && gap.len() <= 4
            && gap.iter().all(|t| t.kind != TokKind::Number)
            && g.clauses.partitive.contains(prep_of(ctx, next));
        let head_noun = head_noun || partitive_member;
        let joined = head_noun
            || g.affixes.wa.starts(&ctx.args[next].clitic)
            || gap.iter().any(|t| {
                is_comma(&t.key) || g.clauses.coordinators.contains(&t.key) || t.key == "/"
            });
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
pub(super) fn conjuncts_backward(ctx: &Ctx<'_>, a: usize) -> Vec<usize> {
    let mut out = vec![a];
    let mut cur = a;
    while cur > 0 {
        let prev = cur - 1;
        let gap = &ctx.tokens[ctx.args[prev].end..ctx.args[cur].first];
        let wa = &ctx.g.affixes.wa;
        let separators = gap.iter().all(|t| {
            is_comma(&t.key) || wa.contains(&t.key) || matches!(t.key.as_str(), "(" | ")")
        });
        let joined = wa.starts(&ctx.args[cur].clitic)
            || gap.iter().any(|t| is_comma(&t.key) || wa.contains(&t.key));
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
pub(super) fn between_list(ctx: &Ctx<'_>, pos: usize) -> Option<Vec<usize>> {
    let at = (pos..ctx.tokens.len().min(pos + 3))
        .find(|&j| ctx.g.clauses.between.contains(&ctx.tokens[j].key))?;
    let first = arg_after(ctx, at + 1, 1)?;
    let list = conjuncts_forward(ctx, first);
    let named = list.len() + list.iter().map(|&a| ctx.args[a].twins.len()).sum::<usize>();
    (named >= 2).then_some(list)
}

/// Who takes part in a joint undertaking (قوة مشتركة، رتل مشترك): the
/// subject before the trigger with its conjuncts and a comitative list after
/// it («أعلنت النيجر، مع مالي وبوركينا فاسو، تفعيل قوة مشتركة»), and the
/// actors after the trigger behind من or مع (رتل مشترك من الجيش وفاغنر).
pub(super) fn joint_parties(
    ctx: &Ctx<'_>,
    hit: &Hit,
    fit: &dyn Fn(&Arg) -> bool,
) -> (Vec<Ent>, Vec<Ent>) {
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
            .is_some_and(|t| ctx.g.clauses.comitative.contains(ctx.g.strip_conj(&t.key)))
            && let Some(c) = arg_after(ctx, j + 1, 0)
        {
            before.extend(conjuncts_forward(ctx, c).ents(ctx));
        }
    }
    let preps: Vec<String> = ctx
        .g
        .clauses
        .partitive
        .iter()
        .chain(ctx.g.clauses.comitative.iter())
        .map(str::to_string)
        .collect();
    if let Some(o) = object_after(ctx, hit.end, &preps, 2, fit) {
        let partners = conjuncts_forward(ctx, o).ents(ctx);
        // «رتل مشترك من الجيش وفاغنر»: behind من, the parts themselves.
        let partitive = &ctx.g.clauses.partitive;
        if partitive.contains(prep_of(ctx, o))
            || ctx
                .tokens
                .get(hit.end)
                .is_some_and(|t| partitive.contains(&t.key))
        {
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
pub(super) fn fit_any(e: &Ent) -> bool {
    !matches!(
        e.class.as_str(),
        "City" | "Region" | "Place" | "Site" | "Equipment"
    )
}
