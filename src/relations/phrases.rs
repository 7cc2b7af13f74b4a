//! Noun phrases around a predicate that name its arguments indirectly:
//! counted lists (ثلاث دول هي …), appositions and nominal predicates (X، وهي
//! حركة …؛ X، التابع … وبديل …), positions and their owners or places
//! (مواقع تابعة لـ…، مواقعنا في …), fronted adjuncts, and objects that
//! repeat their preposition (على مالي … وعلى النيجر).

use super::*;

/// «يضم التحالف ثلاث دول تحكمها مجالس عسكرية هي مالي وبوركينا فاسو
/// والنيجر»، «الدول الثلاث: أ وب»: a counted noun phrase right after `pos`
/// (a number within eight words, and no actor, preposition, other
/// predicate or clause end before the marker) whose members are listed
/// after هي / وهي or a colon. The list, of two actors or more.
pub(super) fn enumerated(ctx: &Ctx<'_>, pos: usize) -> Vec<usize> {
    let g = ctx.g;
    let mut counted = false;
    for j in pos..ctx.tokens.len().min(pos + 9) {
        let t = &ctx.tokens[j];
        let k = t.key.as_str();
        let marker = g.clauses.apposition_pronouns.contains(k) || k == ":";
        if marker && counted {
            let list = arg_after(ctx, j + 1, 0)
                .map(|a| conjuncts_forward(ctx, a))
                .unwrap_or_default();
            return if list.len() > 1 { list } else { Vec::new() };
        }
        // (A comma may set the list off: «ثلاث دول، هي …».)
        let before_marker = ctx
            .tokens
            .get(j + 1)
            .is_some_and(|n| g.clauses.apposition_pronouns.contains(&n.key));
        if ctx.arg_at[j].is_some()
            || (is_comma(k) && !before_marker)
            || CLAUSE_PUNCT.contains(&k)
            || (j > pos && ctx.trigger_at[j])
            || g.clauses.prep_words.contains(g.strip_conj(k))
        {
            return Vec::new();
        }
        let bare = g
            .affixes
            .article
            .iter()
            .find_map(|a| k.strip_prefix(a))
            .unwrap_or(k);
        counted |= t.kind == TokKind::Number || g.quantities.number_words.get(bare).is_some();
    }
    Vec::new()
}

/// «"الجبهة الوطنية للتحرير"، وهي حركة متمردة يقودها فلان»، «والجبهة هي
/// تحالف يقاتل …»: the actor before «وهي / هي» (set off by a comma, or the
/// subject of a nominal sentence) and a common noun (with its adjectives)
/// that open the clause of the predicate at `pos`: the predicate's subject,
/// or what a resumptive pronoun on it refers to.
pub(super) fn apposed_head(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let marker = (pos.saturating_sub(5)..pos)
        .rev()
        .find(|&j| g.clauses.apposition_pronouns.contains(&ctx.tokens[j].key))?;
    let between_ok = marker + 1 < pos
        && (marker + 1..pos).all(|j| {
            let k = ctx.tokens[j].key.as_str();
            // (The noun may itself be a trigger: «هي تحالف يقاتل …».)
            ctx.arg_at[j].is_none()
                && ctx.tokens[j].kind == TokKind::Arabic
                && !g.clauses.prep_words.contains(g.strip_conj(k))
        });
    if !between_ok {
        return None;
    }
    // Set off by a comma («X، وهي حركة …»), or the predicate of a nominal
    // sentence («وجبهة تحرير أزواد هي تحالف يقاتل …»).
    let comma = marker
        .checked_sub(1)
        .filter(|&c| is_comma(&ctx.tokens[c].key))
        .unwrap_or(marker);
    // (Past a closing quote: «"الجبهة …"، وهي».)
    let last = past_quotes_back(ctx, comma.checked_sub(1)?);
    let a = ctx.arg_at[last]?;
    (ctx.args[a].end == last + 1).then_some(a)
}

/// «هاجم الجيش مواقعنا في أنفيس وبير وكيدال»: a direct object that names
/// no actor, a fixed position or settlement (`nouns.positions`: one to three
/// words, the first right after the verb at `pos`), then a place behind a
/// locative preposition: the place, and those coordinated with it, are where
/// the object lies. Nothing else may come between.
pub(super) fn object_noun_place(ctx: &Ctx<'_>, pos: usize) -> Vec<usize> {
    let g = ctx.g;
    let plain = |j: usize| {
        let t = &ctx.tokens[j];
        let k = t.key.as_str();
        t.kind == TokKind::Arabic
            && ctx.arg_at[j].is_none()
            && !ctx.trigger_at[j]
            && !ctx.in_date[j]
            && !g.clauses.prep_words.contains(g.strip_conj(k))
            && !g.clauses.relatives.contains(k)
            && clitic_prep(g, k, 4).is_none()
    };
    // (The object may be quoted: تقصف "معسكرات إرهابية" في باكستان.)
    let quote = |j: usize| QUOTES.contains(&ctx.tokens[j].key.as_str());
    // (Past a time adjunct: قصفت في مارس الماضي سوقا في قرية كوبيل.)
    let pos = past_time_adjunct(ctx, pos);
    let pos = if pos < ctx.tokens.len() && quote(pos) {
        pos + 1
    } else {
        pos
    };
    if pos >= ctx.tokens.len()
        || !plain(pos)
        || !g.noun_of(&g.nouns.positions, &ctx.tokens[pos].key)
    {
        return Vec::new();
    }
    for j in pos + 1..ctx.tokens.len().min(pos + 5) {
        let k = ctx.tokens[j].key.as_str();
        if quote(j) {
            continue;
        }
        if g.clauses.locative.contains(k) {
            // (A place discovered after its kind: في قرية كوبيل.)
            let discovered_after_kind = |a: usize| {
                ctx.args[a].kind == MentionKind::Discovered
                    && ctx.args[a].first == j + 2
                    && plain(j + 1)
            };
            let Some(a) = ctx.arg_at.get(j + 1).copied().flatten().or_else(|| {
                ctx.arg_at
                    .get(j + 2)
                    .copied()
                    .flatten()
                    .filter(|&a| discovered_after_kind(a))
            }) else {
                return Vec::new();
            };
            // (A state too: positions in a country are an attack on it,
            // as attacks in it are, attacked.noun-in.)
            let place = |a: usize| {
                matches!(
                    ctx.args[a].class.as_str(),
                    "City" | "Region" | "Facility" | "State"
                ) && (ctx.args[a].kind == MentionKind::Name
                    || (ctx.args[a].kind == MentionKind::Discovered
                        && ctx.args[a].class != "State"))
            };
            if !(ctx.args[a].first == j + 1 || discovered_after_kind(a)) || !place(a) {
                return Vec::new();
            }
            let list = conjuncts_forward(ctx, a);
            return if list.iter().all(|&x| place(x)) {
                list
            } else {
                Vec::new()
            };
        }
        // (Past an owner no actor names: اقتحموا قاعدة للجيش في بلدة مارتي.)
        let owner = ctx.arg_at[j].is_none()
            && !ctx.trigger_at[j]
            && ctx.tokens[j].kind == TokKind::Arabic
            && clitic_prep(g, k, 3).is_some_and(|p| g.affixes.lam.contains(p));
        if !plain(j) && !owner {
            return Vec::new();
        }
    }
    Vec::new()
}

/// «موقع متقدم للجيش الكاميروني»، «مقر للشرطة»: a fixed position
/// (`nouns.positions`) at `pos` owned through لـ by the actor after it
/// (past at most two plain words): the owner.
pub(super) fn position_owner(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let t = ctx.tokens.get(pos)?;
    if ctx.arg_at[pos].is_some() || !g.noun_of(&g.nouns.positions, &t.key) {
        return None;
    }
    for j in pos + 1..ctx.tokens.len().min(pos + 4) {
        if let Some(a) = ctx.arg_at[j] {
            let lam = g.affixes.lam.contains(prep_of(ctx, a));
            return (lam && ctx.args[a].first == j).then_some(a);
        }
        // (An adjective of place makes ل a neighbour, not an owner: قاعدة
        // ملاصقة لمطار باماكو.)
        let k = ctx.tokens[j].key.as_str();
        if ctx.tokens[j].kind != TokKind::Arabic
            || g.clauses.prep_words.contains(g.strip_conj(k))
            || g.markers.vicinity.contains(k)
        {
            return None;
        }
    }
    None
}

/// «بالتوازي مع فرض حصار على بلدات ليري وبوني، هاجمت الجماعة …»: a
/// verbal noun at `pos` in the adjunct that opens the sentence (a
/// preposition first, no actor before the noun, a comma after it) has the
/// subject of the main clause after that comma, a verb then its subject.
pub(super) fn fronted_subject(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let first = ctx.tokens.iter().position(|t| t.kind == TokKind::Arabic)?;
    let k = g.strip_conj(&ctx.tokens[first].key);
    let opens_with_prep = g.clauses.prep_words.contains(k)
        || g.clauses.event_preps.contains(k)
        || clitic_prep(g, &ctx.tokens[first].key, 4).is_some();
    if !opens_with_prep || (first..pos).any(|j| ctx.arg_at[j].is_some() && !ctx.in_date[j]) {
        return None;
    }
    let comma = (pos..ctx.tokens.len().min(pos + 14)).find(|&j| is_comma(&ctx.tokens[j].key))?;
    if (pos..comma).any(|j| CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str())) {
        return None;
    }
    let verb = ctx.tokens.get(comma + 1)?;
    if verb.kind != TokKind::Arabic || ctx.arg_at[comma + 1].is_some() {
        return None;
    }
    direct_after(ctx, comma + 2, 0)
}

/// The head of the apposition that a trigger at `pos`, joined by و, goes on
/// from: «X، التابع للوزارة وبديل …» — after the last comma of the clause
/// before `pos` a predicate (a trigger, no actor) opens the first
/// apposition, and the actor right before that comma is the head of both.
pub(super) fn coordinated_apposition_head(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let start = ctx.clause_start[ctx.clause[pos]];
    let comma = (start..pos).rev().find(|&j| is_comma(&ctx.tokens[j].key))?;
    let opener = ctx.tokens.get(comma + 1)?;
    // (The first apposition opens with a predicate of its own: التابع،
    // الزعيم؛ not «، حول المعارك مع الجيش وحلفائه».)
    if ctx.arg_at[comma + 1].is_some()
        || opener.kind != TokKind::Arabic
        || ctx.hits[comma + 1].is_empty()
        || ctx.g.affixes.conjunctions.starts(&opener.key)
    {
        return None;
    }
    let before = comma.checked_sub(1)?;
    let a = ctx.arg_at[past_quotes_back(ctx, before)]?;
    Some(a)
}

/// The last token at or before `j` that is not a quotation mark.
fn past_quotes_back(ctx: &Ctx<'_>, j: usize) -> usize {
    let mut j = j;
    while j > 0 && QUOTES.contains(&ctx.tokens[j].key.as_str()) {
        j -= 1;
    }
    j
}

/// «فرضت المنظمة الحصار على مالي مطلع 2022 وعلى النيجر»، «في منطقة ميناكا
/// وفي إقليم تيلابيري»: objects after `list` (actors behind one
/// preposition) that repeat that preposition with و, past only the words of
/// a date; the list extended with them.
pub(super) fn with_repeated_prep(ctx: &Ctx<'_>, list: Vec<usize>) -> Vec<usize> {
    let g = ctx.g;
    let Some(&first) = list.first() else {
        return list;
    };
    let prep = prep_of(ctx, first);
    if prep.is_empty() || !g.clauses.prep_words.contains(prep) {
        return list;
    }
    let mut out = list;
    while let Some(end) = out.iter().map(|&a| ctx.args[a].end).max() {
        let timed = |j: usize| {
            ctx.in_date[j]
                || ctx.dates.iter().any(|d| d.first == j)
                || ctx.tokens[j].key.is_empty()
                || (g.dates.period_parts.contains(&ctx.tokens[j].key)
                    && ctx.dates.iter().any(|d| d.first == j + 1))
        };
        let Some(m) = (end..ctx.tokens.len().min(end + 6)).find(|&j| !timed(j)) else {
            break;
        };
        let k = ctx.tokens[m].key.as_str();
        let repeated = g.affixes.wa.starts(k) && g.strip_conj(k) == prep;
        if !repeated {
            break;
        }
        // (Past a head noun in construct: وفي إقليمي تيلابيري وتاهوا.)
        let Some(a) = (m + 1..ctx.tokens.len().min(m + 3)).find_map(|j| ctx.arg_at[j]) else {
            break;
        };
        if prep_of(ctx, a) != prep || out.contains(&a) {
            break;
        }
        out.extend(conjuncts_forward(ctx, a));
    }
    out
}

/// The longest adjectival aside (in tokens, commas included).
const MAX_ASIDE: usize = 12;

/// Whether the comma at `open` opens an adjectival aside: the next word is
/// definite (a participle or an adjective: المرتبطة، المدعومة), names no
/// actor and is no relative pronoun (a new clause).
fn opens_aside(ctx: &Ctx<'_>, open: usize) -> bool {
    let Some(first) = ctx.tokens.get(open + 1) else {
        return false;
    };
    is_comma(&ctx.tokens[open].key)
        && first.kind == TokKind::Arabic
        && ctx.arg_at[open + 1].is_none()
        && !ctx.in_date[open + 1]
        && !ctx.dates.iter().any(|d| d.first == open + 1)
        && ctx.g.definite(&first.key)
        && !ctx.g.clauses.relatives.contains(first.key.as_str())
}

/// «أعلنت الحركة، المدعومة من رواندا، سيطرتها على …»: the actor before an
/// adjectival aside set off by commas that ends right before `pos`. The
/// aside holds no clause punctuation; a word right after the aside
/// continues the clause of that actor.
pub(super) fn aside_head(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let close = pos
        .checked_sub(1)
        .filter(|&j| is_comma(&ctx.tokens[j].key))?;
    let open = (close.saturating_sub(MAX_ASIDE)..close)
        .rev()
        .find(|&j| {
            is_comma(&ctx.tokens[j].key) || CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str())
        })
        .filter(|&j| j + 1 < close && opens_aside(ctx, j))?;
    head_before(ctx, open)
}

/// «وتنشط الجماعة، المرتبطة بتنظيم القاعدة، في منطقة كايس»: where the
/// clause goes on after an adjectival aside opened by the comma at `pos`
/// (the token after its closing comma); `pos` itself without one.
/// Whether the comma at `open` opens a relative clause (، التي …).
fn opens_relative_aside(ctx: &Ctx<'_>, open: usize) -> bool {
    is_comma(&ctx.tokens[open].key)
        && ctx
            .tokens
            .get(open + 1)
            .is_some_and(|t| ctx.g.clauses.relatives.contains(t.key.as_str()))
}

/// The relative clause set off by commas that holds token `pos` (الكونفدرالية،
/// التي أعلنت في يوليو 2024، …): its opening and closing commas.
pub(super) fn relative_aside_around(ctx: &Ctx<'_>, pos: usize) -> Option<(usize, usize)> {
    let open = (pos.saturating_sub(MAX_ASIDE)..pos)
        .rev()
        .find(|&j| {
            is_comma(&ctx.tokens[j].key) || CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str())
        })
        .filter(|&j| is_comma(&ctx.tokens[j].key))?;
    if !opens_relative_aside(ctx, open) {
        return None;
    }
    let close = (pos..ctx.tokens.len().min(open + MAX_ASIDE))
        .find(|&j| {
            is_comma(&ctx.tokens[j].key) || CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str())
        })
        .filter(|&j| is_comma(&ctx.tokens[j].key))?;
    Some((open, close))
}

/// (Or a relative clause describing it: وتضم الكونفدرالية، التي أعلنت في
/// يوليو 2024، كلا من مالي …)
pub(super) fn past_aside(ctx: &Ctx<'_>, pos: usize) -> usize {
    if pos >= ctx.tokens.len() || !(opens_aside(ctx, pos) || opens_relative_aside(ctx, pos)) {
        return pos;
    }
    (pos + 2..ctx.tokens.len().min(pos + MAX_ASIDE))
        .find(|&j| {
            is_comma(&ctx.tokens[j].key) || CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str())
        })
        .filter(|&j| {
            // (Not a new clause after it: a predicate, or a word with و.)
            is_comma(&ctx.tokens[j].key)
                && ctx
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| !ctx.trigger_at[j + 1] && !ctx.g.affixes.wa.starts(&t.key))
        })
        .map_or(pos, |j| j + 1)
}

/// Whether token `j` names an aircraft: an equipment mention, or a noun of
/// the `aircraft` unit of quantities (مسيّرة، طائرة، مروحية), with or
/// without the article; or an event noun (غارة، هجوم: nouns.events).
/// Returns where the phrase ends.
fn aircraft_at(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    const EQUIPMENT: &str = "Equipment";
    const AIRCRAFT_UNIT: &str = "aircraft";
    if let Some(a) = ctx.arg_at.get(j).copied().flatten() {
        return (ctx.args[a].class == EQUIPMENT && ctx.args[a].first == j).then(|| ctx.args[a].end);
    }
    let g = ctx.g;
    let noun = |k: &str| {
        let k = g.strip_conj(k);
        let k = g.affixes.article.strip_prefix(k).unwrap_or(k);
        g.quantities
            .units
            .get(AIRCRAFT_UNIT)
            .is_some_and(|w| w.contains(k))
    };
    let t = ctx.tokens.get(j)?;
    // (An event the owner carries out acts for it too: استهدفت غارة للجيش
    // المالي مواقع الجماعة.)
    if t.kind == TokKind::Arabic && ctx.arg_at[j].is_none() && g.noun_of(&g.nouns.events, &t.key) {
        return Some(j + 1);
    }
    if t.kind != TokKind::Arabic || !noun(&t.key) {
        return None;
    }
    // «طائرة مسيّرة»: two words of the class are one phrase.
    let mut end = j + 1;
    while ctx
        .tokens
        .get(end)
        .is_some_and(|t| ctx.arg_at[end].is_none() && noun(&t.key))
    {
        end += 1;
    }
    Some(end)
}

/// «مسيّرة تابعة للجيش المالي»، «مسيّرة للجيش البوركيني»: the owner of an
/// aircraft at `j`, the actor behind ل right after it (past one owned-by
/// participle). The owner is the agent of what the aircraft does.
pub(super) fn instrument_owner(ctx: &Ctx<'_>, j: usize) -> Option<usize> {
    let g = ctx.g;
    let mut k = aircraft_at(ctx, j)?;
    if ctx
        .tokens
        .get(k)
        .is_some_and(|t| ctx.arg_at[k].is_none() && g.nouns.owned_by.contains(&t.key))
    {
        k += 1;
    }
    let a = ctx.arg_at.get(k).copied().flatten()?;
    // (Or a nationality adjective right after it: طائرة مسيرة تركية.)
    let adjective = ctx.args[a].kind == MentionKind::Adjective && k == aircraft_at(ctx, j)?;
    (ctx.args[a].first == k && (adjective || g.affixes.lam.contains(prep_of(ctx, a)))).then_some(a)
}

/// «قصفت مسيرة سيارة تقل عناصر من حزب العمال»: the armed actor whose
/// members a vehicle named right after `pos` carries: a noun (at most two
/// words), a carrying verb, members (nouns.partitive-members), then the
/// actor behind من.
pub(super) fn carried_members(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let plain = |j: usize| {
        ctx.tokens.get(j).is_some_and(|t| {
            t.kind == TokKind::Arabic && ctx.arg_at[j].is_none() && !ctx.trigger_at[j]
        })
    };
    let verb =
        (pos + 1..pos + 3).find(|&j| plain(j) && g.nouns.carrying.contains(&ctx.tokens[j].key))?;
    if !(pos..verb).all(plain) {
        return None;
    }
    let members = verb + 1;
    if !plain(members) || !g.nouns.partitive_members.contains(&ctx.tokens[members].key) {
        return None;
    }
    let a = ctx.arg_at.get(members + 1).copied().flatten()?;
    let partitive = ctx.g.clauses.partitive.contains(prep_of(ctx, a));
    (ctx.args[a].first == members + 1 && partitive).then_some(a)
}

/// The aircraft whose owner is `a` (the inverse of [`instrument_owner`]):
/// whether an aircraft phrase ends right before the owner.
pub(super) fn owns_instrument_before(ctx: &Ctx<'_>, a: usize) -> bool {
    let first = ctx.args[a].first;
    (first.saturating_sub(4)..first).any(|j| instrument_owner(ctx, j) == Some(a))
}

/// Whether the clause of `pos` opens with a verb followed by a definite noun
/// that names no actor (نفذت القوة …، أعلنت الحركة …): the clause has its
/// own subject, which recognition did not resolve.
pub(super) fn unnamed_clause_subject(ctx: &Ctx<'_>, pos: usize) -> bool {
    let g = ctx.g;
    let start = ctx.clause_start[ctx.clause[pos]];
    // (Past a particle that opens the clause: وقد، ثم.)
    let first = (start..pos.min(start + 3)).find(|&j| {
        let k = g.strip_conj(&ctx.tokens[j].key);
        ctx.tokens[j].kind == TokKind::Arabic
            && !g.clauses.emphasis.contains(k)
            && !g.clauses.subject_dropping.contains(k)
    });
    let Some(v) = first else { return false };
    let verb = ctx.tokens[v].kind == TokKind::Arabic
        && ctx.arg_at[v].is_none()
        && !g.definite(g.strip_conj(&ctx.tokens[v].key))
        && !g
            .clauses
            .prep_words
            .contains(g.strip_conj(&ctx.tokens[v].key));
    let s = v + 1;
    verb && s < pos
        && ctx.tokens[s].kind == TokKind::Arabic
        && ctx.arg_at[s].is_none()
        && !ctx.trigger_at[s]
        && !ctx.noun_trigger_at[s]
        && g.definite(&ctx.tokens[s].key)
        && !g.clauses.latter.contains(&ctx.tokens[s].key)
}

/// The first token at or after `pos` past a time adjunct: dates, the words
/// that place them (الماضي، المقبل), a time of day before a weekday (فجر
/// الأربعاء), a preposition before a date (في مارس), and the commas of a
/// cleared time aside. Objects after the adjunct are read from there.
pub(super) fn past_time_adjunct(ctx: &Ctx<'_>, pos: usize) -> usize {
    let g = ctx.g;
    let date_at = |j: usize| {
        let k = ctx.tokens[j].key.as_str();
        k.is_empty()
            || ctx.in_date[j]
            || ctx.dates.iter().any(|d| d.first == j)
            || g.dates.past.contains(k)
            || g.dates.coming.contains(k)
            || (g.dates.times_of_day.contains(k) && ctx.dates.iter().any(|d| d.first == j + 1))
    };
    let mut pos = pos;
    while pos < ctx.tokens.len()
        && (date_at(pos)
            || (pos + 1 < ctx.tokens.len()
                && date_at(pos + 1)
                && g.clauses
                    .prep_words
                    .contains(g.strip_conj(&ctx.tokens[pos].key))))
    {
        pos += 1;
    }
    pos
}
