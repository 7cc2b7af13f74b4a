//! Argument finders: the subject before a trigger, the object after it, the
//! head a participle follows, and the members singled out of a phrase.

use super::*;

/// The nearest argument before `pos` in the same clause with no preposition,
/// at most `max_gap` words away, not across a comma. A relative pronoun on the
/// way leads to the noun it follows (الجماعة، التي أعلنت …).
pub(super) fn subject_before(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    let mut j = pos;
    let mut gap = 0;
    while j > 0 {
        j -= 1;
        if let Some(a) = ctx.arg_at[j] {
            // «انسحاب القوات الفرنسية»: the genitive of another trigger
            // noun belongs to that noun; not when that noun heads the
            // actor's phrase (القوات الفرنسية غادرت النيجر), unless the
            // phrase is itself a genitive (منذ انسحاب القوات الفرنسية).
            let first = ctx.args[a].first;
            // («قتل مسلحون …»: a nominative plural is no genitive; the word
            // before it is the verb, not its verbal noun.)
            let nominative = ctx.tokens[first].kind == TokKind::Arabic
                && ctx.tokens[first].key.chars().count() >= 5
                && ctx.g.affixes.nominative_plural.ends(&ctx.tokens[first].key);
            if first > 0 && ctx.noun_trigger_at[first - 1] && !nominative {
                let t = first - 1;
                if !head_noun_at(ctx, t) || (t > 0 && ctx.noun_trigger_at[t - 1]) {
                    return None;
                }
                // (Behind a preposition the phrase is no subject: طلبت
                // باماكو من القوات الروسية مغادرة البلاد.)
                if t > 0
                    && ctx
                        .g
                        .clauses
                        .prep_words
                        .contains(ctx.g.strip_conj(&ctx.tokens[t - 1].key))
                {
                    j = t;
                    continue;
                }
            }
            // (Or the owner of an aircraft: «مسيّرة للجيش البوركيني قصفت».)
            if prep_of(ctx, a).is_empty() || owns_instrument_before(ctx, a) {
                return Some(a);
            }
            j = ctx.args[a].first;
            continue;
        }
        let k = ctx.tokens[j].key.as_str();
        if ctx.g.clauses.relatives.contains(k) {
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
                    !ctx.g
                        .clauses
                        .prep_words
                        .contains(ctx.g.strip_conj(&ctx.tokens[x].key))
                        && !ctx.noun_trigger_at[x]
                        && ctx.arg_at[x].is_none()
                })
        {
            return Some(a);
        }
        if !same_clause(ctx, j, pos.min(ctx.tokens.len() - 1)) || is_comma(k) || ctx.trigger_at[j] {
            return None;
        }
        // «ما لا يقل عن 37 شخصا»: a bounded count is one word.
        if let Some(start) = bounded_count_start(ctx, j) {
            j = start;
            gap += 1;
            continue;
        }
        if ctx.tokens[j].kind != TokKind::Punct && !ctx.in_date[j] {
            gap += 1;
        }
        if gap > max_gap {
            return None;
        }
    }
    None
}

/// Where a bounded count that ends at token `j` starts: a phrase of
/// `quantities.bounds`, a number, and at most its counted noun (ما لا يقل
/// عن 37 شخصا).
fn bounded_count_start(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let number = |i: usize| ctx.tokens.get(i).is_some_and(|t| t.kind == TokKind::Number);
    let n = if number(j) {
        j
    } else {
        j.checked_sub(1).filter(|&i| number(i))?
    };
    let bounds = &ctx.g.quantities.bounds;
    (1..=4).find_map(|len| {
        let start = n.checked_sub(len)?;
        let phrase: Vec<&str> = ctx.tokens[start..n]
            .iter()
            .map(|t| t.key.as_str())
            .collect();
        bounds.contains(&phrase.join(" ")).then_some(start)
    })
}

/// Whether token `j` is a head noun of actors (القوات، عناصر، جنود), with or
/// without the article: it and the actor after it are one phrase.
pub(super) fn head_noun_at(ctx: &Ctx<'_>, j: usize) -> bool {
    let g = ctx.g;
    let k = g.strip_conj(&ctx.tokens[j].key);
    let k = g.affixes.article.strip_prefix(k).unwrap_or(k);
    g.nouns.heads.contains(k)
}

/// The actor that opens the clause of `pos` (within its first three words,
/// without a preposition): the subject of a verb-first or nominal clause.
pub(super) fn clause_subject(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let start = ctx.clause_start[ctx.clause[pos]];
    (start..pos.min(start + 4)).find_map(|j| {
        ctx.arg_at[j].filter(|&a| ctx.args[a].first == j && prep_of(ctx, a).is_empty())
    })
}

/// The actor that opens the clause of `pos` or the stretch after its last
/// comma (…، فالمجلس العسكري يعمل … مستندا): within three words, without a
/// preposition.
pub(super) fn segment_subject(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
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
pub(super) fn head_before(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
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
            || ctx.g.clauses.relatives.contains(k)
            // «جندي فرنسي كانوا منتشرين»: a copula between the noun and
            // its participle predicate.
            || ctx.g.clauses.copulas_between.contains(ctx.g.strip_conj(k));
        if !filler {
            // One adjective between the noun and the participle (الجماعة المسلحة المتحالفة).
            skipped += 1;
            if skipped > 1 || t.kind != TokKind::Arabic || !ctx.g.definite(&t.key) {
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
pub(super) fn qualified_head(ctx: &Ctx<'_>, a: usize) -> usize {
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
pub(super) fn direct_after(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
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
        // (An approximator before a number is no preposition: «قُتل نحو 30
        // موريتانيا».)
        if is_comma(k)
            || CLAUSE_PUNCT.contains(&k)
            || (ctx.g.clauses.prep_words.contains(k) && !approximator_at(ctx, j))
            // A three-letter noun with ب/ل (بدفع) already ends a direct
            // subject's reach; a root ب (بلاد) only stops the search early.
            || clitic_prep(ctx.g, k, 3).is_some()
        {
            return None;
        }
    }
    None
}

/// The first argument within `max_gap` words after a trigger that ends with
/// its own preposition (بالتنسيق مع، بين): no other preposition may intervene.
pub(super) fn arg_after(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    for j in pos..ctx.tokens.len().min(pos + max_gap + 1) {
        if let Some(a) = ctx.arg_at[j] {
            let own = prep_of(ctx, a);
            let ok = (own.is_empty() || j == pos)
                && ctx.args[a].first >= pos
                && same_clause(ctx, pos.saturating_sub(1), j);
            return ok.then_some(a);
        }
        let k = ctx.tokens[j].key.as_str();
        if is_comma(k)
            || CLAUSE_PUNCT.contains(&k)
            || ctx.g.clauses.prep_words.contains(ctx.g.strip_conj(k))
        {
            return None;
        }
    }
    None
}

/// The first argument after `pos` in the clause, within `max_gap` words,
/// governed by one of `preps` (`""` = no preposition). A preposition may
/// govern a noun phrase whose head is not an actor (على مواقع الجماعة، مع دول
/// مثل روسيا). Stops at the first argument with another preposition.
pub(super) fn object_after(
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
    // An actor behind a preposition of target (على، ضد) was read past.
    let mut past_target = false;
    // A word of time and its event noun were read past (بعد انقلاب 2023).
    let mut timed_event = false;
    let mut gap = 0;
    let mut j = pos;
    while j < ctx.tokens.len() {
        if let Some(a) = ctx.arg_at[j] {
            let own = prep_of(ctx, a);
            let after_partitive = partitive_at.is_some_and(|p| p + 1 == ctx.args[a].first);
            // The members singled out (وفي مقدمته روسيا) keep the phrase's
            // preposition, whatever the marker's own words say.
            let own = if members_at == Some(ctx.args[a].first) {
                ""
            } else {
                own
            };
            let governing = if !own.is_empty()
                && (!after_partitive || !ctx.g.clauses.partitive.contains(own))
            {
                own.to_string()
            } else {
                seen_prep.clone().unwrap_or_default()
            };
            // «حصار على القرى في منطقة كايس»، «استهدفت تجمعا في بلدة
            // تينزاواتن»: the place where the unnamed target lies.
            if locative
                && ctx.g.clauses.located.contains(&governing)
                && matches!(ctx.args[a].class.as_str(), "City" | "Region" | "Facility")
                && ctx.args[a].kind != MentionKind::Reference
                && fit(&ctx.args[a])
            {
                return Some(a);
            }
            // «قرب الحدود مع النيجر»: a state behind مع after a border
            // noun says where; read past it.
            if border_partner(ctx, a) {
                j = ctx.args[a].end;
                continue;
            }
            // «هجوم على بلدة برسالوغو في شمال البلاد»: after a named target,
            // a place behind في locates the target; it is no object.
            if (past_target || timed_event) && ctx.g.clauses.fi.contains(&governing) {
                return None;
            }
            // (Nor does a preposition before a word of time and its event
            // govern a bare name after them: «مع أبوجا بعد انقلاب 2023
            // وتهديد إيكواس».)
            if timed_event && prep_of(ctx, a).is_empty() && members_at != Some(ctx.args[a].first) {
                return None;
            }
            if preps.contains(&governing) && !parenthesized(ctx, a) {
                if let Some(p) = named_after_adjective(ctx, a).filter(|&p| fit(&ctx.args[p])) {
                    return Some(p);
                }
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
            if governing.is_empty() && !parenthesized(ctx, a) && !ctx.args[a].partitive {
                return None;
            }
            // (So is a place behind a من the phrase does not want: «نقل
            // معدات من قاعدتي حميميم وطرطوس في سوريا إلى ليبيا».)
            past_target |= ctx.g.clauses.target_preps.contains(&governing)
                || (ctx.g.clauses.partitive.contains(&governing)
                    && matches!(ctx.args[a].class.as_str(), "City" | "Region" | "Facility"));
            j = ctx.args[a].end;
            continue;
        }
        let t = &ctx.tokens[j];
        let k = t.key.as_str();
        // (The words of a date after its first count as one: «ضربة نفذتها
        // مسيّرة للجيش في 25 أغسطس 2024 على صيدلية».)
        if ctx.in_date[j] {
            j += 1;
            continue;
        }
        // «فتح مسلحون النار، بعد ظهر الثلاثاء، على …»: a time aside whose
        // commas were cleared is read past as a whole, no word of the phrase.
        if k.is_empty()
            && let Some(close) =
                (j + 1..ctx.tokens.len().min(j + 12)).find(|&m| ctx.tokens[m].key.is_empty())
        {
            j = close + 1;
            continue;
        }
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
        // «غارة لمسيّرة تابعة للجيش»: the word of ownership between a noun
        // and its owner is no predicate of its own.
        let owned_by = j > pos
            && ctx.g.nouns.owned_by.contains(k)
            && ctx.arg_at[j - 1].is_none()
            && ctx.tokens[j - 1].kind == TokKind::Arabic
            && ctx.arg_at.get(j + 1).copied().flatten().is_some();
        // (Nor does a noun joined to the noun a preposition governs: «من
        // المحروقات والمنتجات الزراعية إلى مالي».)
        let joined_to_governed = j > pos
            && ctx.arg_at[j - 1].is_none()
            && !ctx.trigger_at[j - 1]
            && ctx.tokens[j - 1].kind == TokKind::Arabic
            && ctx.g.definite(&ctx.tokens[j - 1].key)
            && (j - 1 == pos
                || ctx
                    .g
                    .clauses
                    .prep_words
                    .contains(ctx.g.strip_conj(&ctx.tokens[j - 2].key)));
        if (ctx.trigger_at[j] && !owned_by)
            || (j > pos
                && !target
                && !joined_to_governed
                && ctx
                    .g
                    .affixes
                    .wa
                    .strip_prefix(k)
                    .is_some_and(|r| ctx.g.definite(r))
                && k.chars().count() > 4)
        {
            return None;
        }
        // «في هجوم نسبته نواكشوط إلى الجيش»: an attribution verb carrying
        // the pronoun of the noun before it opens a clause of its own (its
        // speaker, its author); the preposition governs nothing after it.
        // (A light verb does not: «هجمات شنتها على سبع مدن» goes on.)
        if j > pos && attribution_with_pronoun(ctx.g, k).is_some() {
            return None;
        }
        let sk = ctx.g.strip_conj(k);
        // (Not a span of time: «تحتجز منذ أسابيع 23 سائقا».)
        timed_event |= ctx.g.clauses.time_of_event.contains(sk)
            && ctx.tokens.get(j + 1).is_some_and(|n| {
                n.kind == TokKind::Arabic
                    && !ctx.in_date[j + 1]
                    && !ctx
                        .g
                        .dates
                        .duration_units
                        .contains(ctx.g.strip_conj(&n.key))
            })
            && !number_at(ctx, j + 1)
            && ctx.arg_at.get(j + 1).copied().flatten().is_none();
        // «مروحيات من طراز مي-35»: the classifier and its من govern
        // nothing; the model after them is the phrase's own noun.
        let classifier = |i: usize| {
            ctx.tokens
                .get(i)
                .is_some_and(|t| ctx.g.clauses.model_classifiers.contains(t.key.as_str()))
        };
        if ctx.g.clauses.model_classifiers.contains(k) {
            j += 1;
            continue;
        }
        if ctx.g.clauses.partitive.contains(k) && classifier(j + 1) {
            j += 2;
            continue;
        }
        if target && (ctx.g.clauses.locative.contains(sk) || ctx.g.clauses.directions.contains(sk))
        {
            locative = true;
        }
        // «على دورية من الجيش»، «لرتل من الجيش وفاغنر»: a partitive من after
        // a noun the wanted preposition governs keeps that preposition.
        let partitive = ctx.g.clauses.partitive.contains(sk)
            && j > pos
            && seen_prep
                .as_ref()
                .is_some_and(|p| !p.is_empty() && preps.contains(p))
            && ctx.tokens[j - 1].kind == TokKind::Arabic
            && !ctx
                .g
                .clauses
                .prep_words
                .contains(ctx.g.strip_conj(&ctx.tokens[j - 1].key));
        // «لأكثر من 30 دولة»: the من (or إلى) of a bound on a number is no
        // preposition of its own; the phrase keeps the one before. Nor is
        // the من of a span of time (بعد أشهر من الخسائر).
        let after_duration = ctx.g.clauses.partitive.contains(sk)
            && j > pos
            && ctx
                .g
                .dates
                .duration_units
                .contains(ctx.g.strip_conj(&ctx.tokens[j - 1].key));
        let bound = after_duration
            || ctx.g.quantities.approximator_links.contains(sk)
                && j > pos
                && {
                    let g = ctx.g;
                    let prev = g.strip_conj(&ctx.tokens[j - 1].key);
                    g.quantities.approximators.contains(prev)
                        || g.affixes.prep_clitics.iter().any(|c| {
                            prev.strip_prefix(c)
                                .is_some_and(|r| g.quantities.approximators.contains(r))
                        })
                }
                && number_at(ctx, j + 1);
        // «قُتل نحو 30 موريتانيا»: an approximator before a number is no
        // preposition.
        if bound || approximator_at(ctx, j) {
            // (read past)
        } else if partitive && prep_word {
            partitive_at = Some(j);
        } else if ctx.g.clauses.prep_words.contains(sk) {
            // «هجوم على قاعدة للجيش في بورنو»: a target the phrase does
            // not want, even unnamed, is what a place behind في locates.
            past_target |=
                ctx.g.clauses.target_preps.contains(sk) && !preps.iter().any(|p| p == sk);
            seen_prep = Some(sk.to_string());
            prep_word = true;
        } else if let Some(p) = clitic_prep(ctx.g, k, 4) {
            // A clitic ل or ب may be a root letter (لوجستيا): it does not
            // reach across a partitive من. A ل on a noun right after
            // another noun is that noun's possessive (سوقا أسبوعية لسكان
            // قرية كوبيل), no complement of the trigger.
            let possessive = ctx.g.affixes.lam.contains(p)
                && j > pos
                && ctx.arg_at[j - 1].is_none()
                && ctx.tokens[j - 1].kind == TokKind::Arabic
                && !ctx.trigger_at[j - 1]
                && !ctx
                    .g
                    .clauses
                    .prep_words
                    .contains(ctx.g.strip_conj(&ctx.tokens[j - 1].key));
            if !possessive {
                seen_prep = Some(p.to_string());
            }
            prep_word = false;
        } else if t.kind == TokKind::Arabic
            && seen_prep
                .as_ref()
                .is_some_and(|p| !p.is_empty() && preps.contains(p))
        {
            // «غارات على مواقع تابعة لجماعة الحوثي»: the owner of the
            // position the preposition governs is the target.
            if !target && let Some(a) = position_owner(ctx, j).filter(|&a| fit(&ctx.args[a])) {
                return Some(a);
            }
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

/// Whether token `j` is an approximator right before a number (نحو 30،
/// قرابة عشرين): a bound on the count, never a preposition (نحو is also
/// «toward»).
pub(super) fn approximator_at(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.tokens.get(j).is_some_and(|t| {
        ctx.g
            .quantities
            .approximators
            .contains(ctx.g.strip_conj(&t.key))
    }) && number_at(ctx, j + 1)
}

/// Whether token `j` is a number, in digits or in words (30، ثلاثين).
pub(super) fn number_at(ctx: &Ctx<'_>, j: usize) -> bool {
    ctx.tokens.get(j).is_some_and(|t| {
        t.kind == TokKind::Number || ctx.g.quantities.number_words.get(&t.key).is_some()
    })
}

/// Whether argument `a` stands behind «مع» right after a border noun (قرب
/// الحدود مع النيجر، على الحدود المشتركة مع مالي).
pub(super) fn border_partner(ctx: &Ctx<'_>, a: usize) -> bool {
    let g = ctx.g;
    let first = ctx.args[a].first;
    let word = |j: usize| g.strip_conj(&ctx.tokens[j].key);
    first >= 2
        && g.clauses.comitative.contains(word(first - 1))
        && g.noun_of(&g.nouns.borders, &ctx.tokens[first - 2].key)
}

/// The length of a word group at `at` that singles out members of the noun
/// phrase before it (خاصة، خصوصا، لا سيما، بما فيها، مثل، منها), if any.
pub(super) fn elaboration(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    let key = |j: usize| ctx.tokens.get(j).map_or("", |t| t.key.as_str());
    let m = &ctx.g.markers;
    let first = ctx.g.strip_conj(key(at));
    // «وفي مقدمتها روسيا»، «وعلى رأسها فاغنر»: foremost among them.
    if m.elaboration_pairs.pair(first, key(at + 1))
        || m.elaboration_heads.pair_head(first, key(at + 1))
    {
        Some(2)
    } else if m.elaboration.contains(first) {
        Some(1)
    } else {
        None
    }
}

/// The first of the actors that single out members of a common noun right
/// after `pos` (جماعات “جهادية”، بما فيها أ; عدة حركات، أبرزها أ): the noun
/// phrase is at most `max_gap` words without an actor or a preposition.
pub(super) fn elaborated(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
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
        // (A word that bounds a number is no preposition: نحو عشرين سائقا.)
        if ctx.arg_at[j].is_some()
            || is_comma(k)
            || CLAUSE_PUNCT.contains(&k)
            || (!approximator_at(ctx, j) && ctx.g.clauses.prep_words.contains(ctx.g.strip_conj(k)))
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
pub(super) fn counted(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let mut j = pos;
    while j < ctx.tokens.len().min(pos + 4)
        && ctx
            .g
            .markers
            .counting
            .contains(ctx.g.strip_conj(&ctx.tokens[j].key))
    {
        j += 1;
    }
    // (A number in digits or in words: خطف ثلاثة عمال هنود.)
    if !number_at(ctx, j) {
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
pub(super) fn glossed(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
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

/// A passive agent (على يد، من قبل، من طرف) after `pos` in the clause makes
/// its actor the subject, and what was found as subject the object.
pub(super) fn passive_agent(ctx: &Ctx<'_>, pos: usize, f: &mut Found) {
    // Within eight words (punctuation and the words of a date not counted).
    let mut words = 0;
    for j in pos..ctx.tokens.len() {
        if ctx.tokens[j].kind != TokKind::Punct && !ctx.in_date[j] {
            words += 1;
        }
        if words > 8 {
            return;
        }
        if !same_clause(ctx, pos.min(ctx.tokens.len().saturating_sub(1)), j) {
            return;
        }
        let k = ctx.g.strip_conj(&ctx.tokens[j].key);
        let next = ctx.tokens.get(j + 1).map_or("", |t| t.key.as_str());
        let marker = ctx.g.markers.passive_agent.pair(k, next);
        if marker {
            // «على يد مسلحين من جماعة …»: a head noun of actors and the
            // partitive من before the named agent.
            let members = ctx.tokens.len() > j + 4
                && ctx.arg_at[j + 2].is_none()
                && head_noun_at(ctx, j + 2)
                && ctx.g.clauses.partitive.contains(&ctx.tokens[j + 3].key);
            let agent = if members {
                // (Past a group noun: من تنظيم "ولاية الساحل".)
                let g = ctx.g;
                let at = if ctx.arg_at[j + 4].is_none()
                    && g.nouns.group_heads.contains(&ctx.tokens[j + 4].key)
                {
                    Some(past_quotes(ctx, j + 5)).filter(|&m| m < ctx.tokens.len().min(j + 7))
                } else {
                    Some(j + 4)
                };
                at.and_then(|m| ctx.arg_at[m].filter(|&a| ctx.args[a].first == m))
            } else {
                arg_after(ctx, j + 2, 1)
            };
            if let Some(a) = agent {
                let agent = conjuncts_forward(ctx, a).ents(ctx);
                // (The agents are never their own victims: a subject found
                // among them was the agent list read as the subject.)
                if f.objects.is_empty() {
                    f.objects = std::mem::take(&mut f.subjects)
                        .into_iter()
                        .filter(|s| !agent.iter().any(|a| a.actor == s.actor))
                        .collect();
                }
                f.subjects = agent;
                f.carried = false;
            }
            return;
        }
    }
}

/// A list of two actors or more after «، وهي» (وهم، هي، هم) within eight
/// words after `pos`: the apposition that names a plural noun before.
pub(super) fn apposed_list(ctx: &Ctx<'_>, pos: usize) -> Vec<Ent> {
    let end = ctx.tokens.len().min(pos + 8);
    for j in pos..end {
        let is_marker = ctx
            .g
            .clauses
            .apposition_pronouns
            .contains(&ctx.tokens[j].key);
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
pub(super) fn alongside(ctx: &Ctx<'_>, pos: usize) -> Vec<Ent> {
    let clause = ctx.clause.get(pos).copied();
    let end = ctx.tokens.len().min(pos + 16);
    for j in pos..end {
        if Some(ctx.clause[j]) != clause {
            break;
        }
        let k = ctx.g.strip_conj(&ctx.tokens[j].key);
        let next = ctx.tokens.get(j + 1).map_or("", |t| t.key.as_str());
        let marker = ctx.g.markers.alongside.pair(k, next);
        if marker && j > 0 && is_comma(&ctx.tokens[j - 1].key) {
            return arg_after(ctx, j + 2, 0)
                .map(|a| conjuncts_forward(ctx, a).ents(ctx))
                .unwrap_or_default();
        }
    }
    Vec::new()
}

/// «مع نظيره الروسي أندريه بيلوسوف»، «الرئيس الإيراني فلان»: a person
/// named right after a nationality adjective is the head of the phrase,
/// the adjective only qualifies it.
pub(super) fn named_after_adjective(ctx: &Ctx<'_>, a: usize) -> Option<usize> {
    let next = a + 1;
    // (A first name the lexicon's entry lacks may come between: «نظيره
    // الروسي أندريه بيلاوسوف» where only the surname is the mention.)
    let between_ok = |n: usize| {
        let (from, to) = (ctx.args[a].end, ctx.args[n].first);
        to >= from
            && to - from <= 2
            && (from..to).all(|j| {
                let k = ctx.tokens[j].key.as_str();
                ctx.tokens[j].kind == TokKind::Arabic
                    && !ctx.trigger_at[j]
                    && !ctx.g.definite(k)
                    && !ctx.g.clauses.prep_words.contains(ctx.g.strip_conj(k))
            })
    };
    (ctx.args[a].kind == MentionKind::Adjective
        && next < ctx.args.len()
        && between_ok(next)
        && ctx.args[next].class == "Person")
        .then_some(next)
}

/// «الطرق المؤدية إلى سيغو وبوغوني»، «طرق الإمداد نحو باماكو»: the place
/// that the route noun right at `pos` (past a preposition) leads to,
/// through the words of `nouns.toward` only.
pub(super) fn routed_place(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let route = if ctx
        .tokens
        .get(pos)
        .is_some_and(|t| g.clauses.prep_words.contains(g.strip_conj(&t.key)))
    {
        pos + 1
    } else {
        pos
    };
    let t = ctx.tokens.get(route)?;
    if ctx.arg_at[route].is_some()
        || !same_clause(ctx, pos, route)
        || !g.noun_of(&g.nouns.routes, &t.key)
    {
        return None;
    }
    let mut j = route + 1;
    while j < ctx.tokens.len() && j <= route + 3 {
        if let Some(a) = ctx.arg_at[j] {
            let place = matches!(
                ctx.args[a].class.as_str(),
                "City" | "Region" | "State" | "Facility"
            );
            return (place && j > route + 1).then_some(a);
        }
        if !g.nouns.toward.contains(g.strip_conj(&ctx.tokens[j].key)) {
            return None;
        }
        j += 1;
    }
    None
}
