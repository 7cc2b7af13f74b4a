//! Verbal nouns: «حصار الجماعة لباماكو», «هجوم تبنته الجماعة», joint
//! undertakings and the بين list.

use super::super::*;

impl Extractor {
    /// Fills the arguments of a noun trigger.
    pub(in crate::relations) fn noun_frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        let mut f = Found::default();
        let fit_object = |a: &Arg| self.slot_fits(p, &a.class, false);
        let fit_subject = |a: &Arg| self.slot_fits(p, &a.class, true);
        let object_preps: Vec<String> = p.object_prep.iter().map(|s| fold(s)).collect();
        let agent_preps: Vec<String> = p.agent_prep.iter().map(|s| fold(s)).collect();
        if p.joint {
            // Only a security undertaking (قوة، دوريات، عمليات عسكرية
            // مشتركة) makes allies; a joint bank or statement does not.
            let head = hit
                .first
                .checked_sub(1)
                .map(|j| ctx.tokens[j].key.as_str())
                .is_some_and(|k| ctx.g.noun_of(&ctx.g.nouns.joint_heads, k));
            if !head {
                return f;
            }
            // With partners named (… عمليات مشتركة مع الجيش) the
            // undertaking is between the two sides; otherwise between
            // the coordinated actors (القوات السنغالية والمالية).
            let (before, after) = joint_parties(ctx, hit, &fit_object);
            if after.is_empty() {
                for (n, a) in before.iter().enumerate() {
                    for b in &before[n + 1..] {
                        f.pairs.push((a.clone(), b.clone()));
                    }
                }
            } else {
                for a in &before {
                    for b in after.iter().filter(|b| b.actor != a.actor) {
                        f.pairs.push((a.clone(), b.clone()));
                    }
                }
            }
            return f;
        }
        if p.frame == Frame::Between
            && let Some(list) = between_list(ctx, hit.end)
        {
            let list = list.ents(ctx);
            for (n, a) in list.iter().enumerate() {
                for b in &list[n + 1..] {
                    f.pairs.push((a.clone(), b.clone()));
                }
            }
            return f;
        }
        // The genitive right after the noun, or a nationality
        // adjective, or the members named of a common noun
        // (اندماج جماعات، بما فيها أ وب).
        let (genitive_from, gap) = genitive_start(ctx, hit.end);
        let genitive = direct_after(ctx, genitive_from, gap)
            .or_else(|| elaborated(ctx, hit.end, 4))
            .or_else(|| counted(ctx, hit.end))
            .or_else(|| glossed(ctx, hit.end));
        let mut object_from = hit.end;
        let mut genitive_ents = Vec::new();
        if let Some(g) = genitive {
            let list = conjuncts_forward(ctx, g);
            object_from = list
                .iter()
                .map(|&x| ctx.args[x].end)
                .max()
                .unwrap_or(hit.end);
            genitive_ents = list.ents(ctx);
        }
        if let Some(o) = object_after(ctx, object_from, &object_preps, 6, &fit_object) {
            f.distance = ctx.args[o].first.saturating_sub(hit.end);
            // «في هجوم لتنظيم الدولة على …»: an event noun in an adjunct
            // takes its agent through the possessive ل; its target, if
            // any, stands behind another preposition.
            let lam = ctx.g.affixes.lam.contains(prep_of(ctx, o));
            // (Or with a target after it and no light verb before the noun
            // to bring its own subject: «صد هجوم لحركة الشباب على قاعدة»,
            // not «نصبت الجماعة كمينا للجيش على طريق غاو».)
            let targeted = || {
                // (A light or event verb anywhere before it in its clause:
                // «نصبت الجماعة كمينا للجيش على الطريق».)
                let start = ctx.clause_start[ctx.clause[hit.first]];
                let verb_before = (start..hit.first).any(|j| {
                    let k = &ctx.tokens[j].key;
                    ctx.arg_at[j].is_none()
                        && (is_verb_of(ctx.g, &ctx.g.verbs.light, k)
                            || is_verb_of(ctx.g, &ctx.g.verbs.event, k))
                });
                if verb_before || light_verb_before(ctx, hit.first).is_some() {
                    return false;
                }
                // (Past the name's closing quote.)
                let end = past_quotes(ctx, ctx.args[o].end);
                ctx.tokens.get(end).is_some_and(|t| {
                    ctx.g
                        .clauses
                        .target_preps
                        .contains(ctx.g.strip_conj(&t.key))
                })
            };
            if lam
                && genitive.is_none()
                && (in_adjunct(ctx, hit) || targeted())
                && fit_subject(&ctx.args[o])
            {
                f.subjects = conjuncts_forward(ctx, o).ents(ctx);
                // (A ل after the target is its own possessive: على قاعدة
                // للجيش.)
                let after = ctx.args[o].end;
                if let Some(t) = object_after(ctx, after, &object_preps, 4, &fit_object) {
                    f.objects = conjuncts_forward(ctx, t).ents(ctx);
                }
                passive_agent(ctx, object_from, &mut f);
                return f;
            }
            f.objects = with_repeated_prep(ctx, conjuncts_forward(ctx, o)).ents(ctx);
        }
        // «حصار على الطرق المؤدية إلى باماكو»: the place the roads lead to.
        if f.objects.is_empty()
            && p.via_routes
            && let Some(o) = routed_place(ctx, hit.end).filter(|&o| fit_object(&ctx.args[o]))
        {
            f.objects = conjuncts_forward(ctx, o).ents(ctx);
        }
        // «إسقاط طائرة مسيّرة تابعة للجيش المالي»: an aircraft genitive that
        // is the pattern's object stands for its owner.
        // (An aircraft, not an event whose owner carries it out: «مقتله
        // بغارة فرنسية» names the killer, not the killed.)
        let event_after = ctx
            .tokens
            .get(hit.end)
            .is_some_and(|t| ctx.g.noun_of(&ctx.g.nouns.events, ctx.g.strip_conj(&t.key)));
        if f.objects.is_empty()
            && p.genitive == Genitive::Object
            && !event_after
            && let Some(o) = instrument_owner(ctx, hit.end).filter(|&o| fit_object(&ctx.args[o]))
        {
            f.objects = conjuncts_forward(ctx, o).ents(ctx);
            genitive_ents.clear();
        }
        // With an object behind its preposition the genitive can only be
        // the subject (حصار الجماعة لباماكو); alone it takes the
        // pattern's role (حصار باماكو).
        // «أرسلت روسيا مدربين لمساندة الجيش»: a verbal noun of purpose (ل
        // on an indefinite noun) governs its genitive as a verb its
        // object; its subject is the clause's.
        // (Not the ل of a patient verb: «تعرض الجيش لهجوم شنته …»; and a
        // genitive right after the noun.)
        let place = [PLACE_CLASS.to_string()];
        let purpose = ctx.g.affixes.lam.contains(ctx.g.strip_conj(&hit.prefix))
            && genitive.is_some_and(|g| ctx.args[g].first == hit.end)
            && !patient_before(ctx, hit.first)
            && p.genitive == Genitive::Subject
            && f.objects.is_empty()
            && !genitive_ents.is_empty()
            // (Not a place, states included: «لعمليات في …» and the like
            // are where, not whom.)
            && genitive_ents
                .iter()
                .all(|e| self.slot_fits(p, &e.class, false) && !self.is_a(&e.class, &place));
        if purpose {
            // (Only the clause's own subject: «تأسست الميليشيا بقانون أقره
            // البرلمان في عهد الرئيس فلان، لمساندة الجيش» is not the
            // president's support.)
            if let Some(c) = clause_subject(ctx, hit.first).filter(|&c| fit_subject(&ctx.args[c])) {
                f.subjects = conjuncts_forward(ctx, c).ents(ctx);
            }
            f.objects = std::mem::take(&mut genitive_ents);
            if f.subjects.is_empty() {
                return f;
            }
        }
        if !genitive_ents.is_empty() && p.genitive != Genitive::Recipient {
            if p.genitive == Genitive::Object && f.objects.is_empty() {
                f.objects = genitive_ents;
            } else {
                f.subjects = genitive_ents;
                f.genitive = true;
            }
        }
        // «دعت باماكو القوات الروسية إلى مغادرة البلاد»: the act asked for
        // is the asked party's, never the asker's. Asking one's own people
        // (أمرت واشنطن موظفي سفارتها بمغادرة مالي) is what a pattern with
        // `asked` states of the asker.
        let asked = asked_complement(ctx, hit);
        if p.asked {
            let Some(a) = asked.filter(|a| a.own_people) else {
                return Found::default();
            };
            let askers: Vec<usize> = a
                .asker
                .into_iter()
                .filter(|&x| fit_subject(&ctx.args[x]))
                .collect();
            f.subjects = askers.ents(ctx);
            // (The asking is the act: «دعت» is no hedge of it.)
            f.act_at = Some(a.verb);
            return f;
        }
        if let Some(a) = asked
            && !f.genitive
        {
            f.subjects = a
                .party
                .filter(|&x| fit_subject(&ctx.args[x]))
                .map(|x| conjuncts_forward(ctx, x).ents(ctx))
                .unwrap_or_default();
            return f;
        }
        // «الحصار الذي فرضته المنظمة على مالي»، «لحصار تفرضه الجماعة»،
        // «هجوم تبنته الجماعة»: a relative light verb whose object
        // pronoun is the noun names the agent; the object follows it.
        // The relative may also follow the object (هجوم على مواقع
        // الجيش تبنته الجماعة).
        let object_end = f
            .objects
            .last()
            .and_then(|o| o.span)
            .and_then(|s| ctx.args.iter().find(|a| a.span == s))
            .map(|a| a.end);
        let relative = if genitive.is_some() {
            None
        } else {
            relative_light_verb(ctx, hit.end)
                .or_else(|| object_end.and_then(|e| relative_light_verb(ctx, e)))
        };
        // «هجوم على بلدة ديورا نسبته السلطات إلى الجماعة»: the author an
        // attribution names is the agent.
        let attributed = if genitive.is_some() || !f.subjects.is_empty() {
            None
        } else {
            relative_attributed_agent(ctx, hit.end)
                .or_else(|| object_end.and_then(|e| relative_attributed_agent(ctx, e)))
                .filter(|&a| fit_subject(&ctx.args[a]))
        };
        if let Some(a) = attributed {
            f.subjects = conjuncts_forward(ctx, a).ents(ctx);
            f.distance = ctx.args[a].first.saturating_sub(hit.end);
            return f;
        }
        if let Some(v) = relative {
            // The agent named after the verb, or none: the clause
            // subject is then not the agent.
            let agent = direct_after(ctx, v + 1, 1)
                .filter(|&a| fit_subject(&ctx.args[a]))
                .or_else(|| instrument_owner(ctx, v + 1).filter(|&a| fit_subject(&ctx.args[a])));
            match agent {
                Some(a) => {
                    f.subjects = conjuncts_forward(ctx, a).ents(ctx);
                    let after = ctx.args[a].end;
                    if f.objects.is_empty()
                        && let Some(o) = object_after(ctx, after, &object_preps, 4, &fit_object)
                    {
                        f.objects = with_repeated_prep(ctx, conjuncts_forward(ctx, o)).ents(ctx);
                    }
                    if f.objects.is_empty()
                        && p.via_routes
                        && let Some(o) =
                            routed_place(ctx, after).filter(|&o| fit_object(&ctx.args[o]))
                    {
                        f.objects = conjuncts_forward(ctx, o).ents(ctx);
                    }
                    // «تخضع جيبو لحصار تفرضه الجماعة»: an event whose
                    // genitive is its object befalls the clause subject.
                    if f.objects.is_empty()
                        && p.genitive == Genitive::Object
                        && let Some(b) = subject_before(ctx, hit.first, 4)
                        && fit_object(&ctx.args[b])
                    {
                        f.objects = [b].ents(ctx);
                    }
                    f.distance = ctx.args[a].first.saturating_sub(hit.end);
                }
                // A dropped subject (الحصار الذي فرضته على مالي) is
                // left to the ordinary search below.
                // A definite noun that names no actor (الذي فرضته
                // الجماعة, unresolved) is the agent: not the clause
                // subject.
                None => {
                    let named = ctx
                        .tokens
                        .get(v + 1)
                        .is_some_and(|t| t.kind == TokKind::Arabic && ctx.g.definite(&t.key));
                    if named {
                        return f;
                    }
                }
            }
        }
        if f.subjects.is_empty()
            && !agent_preps.is_empty()
            && let Some(a) = object_after(ctx, object_from, &agent_preps, 3, &fit_subject)
        {
            f.subjects = conjuncts_forward(ctx, a).ents(ctx);
        }
        // «تعرض الجيش لهجوم»: the clause subject undergoes the event; the
        // agent can only come from the phrase (لكمين نصبته الجماعة).
        if patient_before(ctx, hit.first) {
            // (The owner of a position that undergoes it: «تعرض موقع متقدم
            // للجيش الكاميروني لهجوم».)
            let start = ctx.clause_start[ctx.clause[hit.first]];
            if f.objects.is_empty()
                && let Some(b) = subject_before(ctx, hit.first, 4)
                    .or_else(|| (start..hit.first).find_map(|j| position_owner(ctx, j)))
                && fit_object(&ctx.args[b])
            {
                f.objects = [b].ents(ctx);
            }
            // (Or a passive agent: «تعرض الجيش لهجوم من قبل الجماعة».)
            if f.subjects.is_empty() && !f.objects.is_empty() {
                passive_agent(ctx, object_from, &mut f);
            }
            if f.subjects.is_empty() {
                return f;
            }
        }
        if f.subjects.is_empty() && !p.strict_subject {
            let possessive = possessive_gender(ctx.g, &hit.suffix);
            // «شنت الجماعة هجماتها»: with a possessive suffix the actor
            // just before must agree with it.
            let max_gap = if possessive.is_some() { 3 } else { 6 };
            // «زار فلان موسكو وأجرى محادثات …»: an actor before a light
            // verb joined by و belongs to the clause before; the verb's
            // subject is dropped (the topic, below).
            let joined_light = light_verb_at(ctx, hit.first)
                .filter(|&v| ctx.g.affixes.conjunctions.starts(&ctx.tokens[v].key));
            // «تستدعي السفير المالي بعد مقتل رعاة»: a noun behind an event
            // preposition (بعد، إثر، عقب) is an adjunct; a nationality
            // adjective of the clause before names no agent of it.
            let adjunct = hit.first > 0
                && ctx
                    .g
                    .clauses
                    .event_preps
                    .contains(ctx.g.strip_conj(&ctx.tokens[hit.first - 1].key));
            if let Some(b) = subject_before(ctx, hit.first, max_gap)
                .filter(|&b| joined_light.is_none_or(|v| ctx.args[b].first > v))
                .filter(|&b| !(adjunct && ctx.args[b].kind == MentionKind::Adjective))
                && possessive.is_none_or(|g| agrees(g, ctx.args[b].gender))
                && fit_subject(&ctx.args[b])
                && !reacts_to(ctx, b, hit.first)
            {
                f.subjects = conjuncts_backward(ctx, b).ents(ctx);
                f.distance = f.distance.max(hit.first.saturating_sub(ctx.args[b].end));
            }
            // A possessive suffix (هجماتها) or a light verb with a
            // dropped subject (ثم شنّت هجمات) refers back; a bare noun
            // without a subject in its clause states no relation.
            if f.subjects.is_empty()
                && let Some(g) = possessive
                && let Some(h) = aside_head(ctx, hit.first)
                && agrees(g, ctx.args[h].gender)
                && fit_subject(&ctx.args[h])
            {
                f.subjects = conjuncts_backward(ctx, h).ents(ctx);
            }
            // «نفذت القوة … أولى عملياتها»: when the clause names its own
            // subject with a noun no actor was read in, the possessive is
            // that noun's: no earlier topic.
            let possessive = possessive.filter(|_| !unnamed_clause_subject(ctx, hit.first));
            let carrier = possessive
                .or_else(|| light_verb_before(ctx, hit.first))
                .or_else(|| control_verb_before(ctx, hit.first));
            if f.subjects.is_empty()
                && let Some(g) = carrier
                && let Some(t) = topic(topics, g, sentence)
            {
                f.subjects = t;
                f.carried = true;
            }
            // «استعاد الجيش بوريم بعد معارك مع الجبهة»: a noun in an
            // adjunct of a clause shares that clause's subject.
            // (Behind an event preposition the clause's subject need state
            // nothing itself: «قتل مسلحون من بوكو حرام 37 شخصا في هجوم على
            // قرية مافا».)
            let clause = ctx.clause[hit.first];
            // (Not the accuser of the clause: اتهم الجيش وحدات … بالمشاركة
            // في هجوم على مواقعه.)
            // Only when the clause's verb is itself an event (قتلت …):
            // «أعلنت الجماعة أسفها لسقوط مدنيين في الهجوم» names no attacker.
            let accusing_clause = (ctx.clause_start[clause]..hit.first).any(|j| {
                ctx.arg_at[j].is_none()
                    && is_verb_of(ctx.g, &ctx.g.verbs.accusation, &ctx.tokens[j].key)
            }) || !(ctx.clause_start[clause]..hit.first).any(|j| {
                ctx.hits[j].iter().any(|h| {
                    let q = &self.patterns[h.pattern];
                    q.frame == Frame::Verb && self.event_relations.contains(&q.relation)
                })
            });
            if f.subjects.is_empty()
                && let Some(t) = find_topic(topics, sentence, |t| {
                    (t.stated || (adjunct && !t.apposed && !accusing_clause))
                        && t.sentence == sentence
                        && t.clause == clause
                })
            {
                f.subjects = t;
                f.carried = true;
            }
            // «بالتوازي مع فرض حصار على …، هاجمت الجماعة …»
            if f.subjects.is_empty()
                && let Some(s) =
                    fronted_subject(ctx, hit.first).filter(|&s| fit_subject(&ctx.args[s]))
            {
                f.subjects = conjuncts_forward(ctx, s).ents(ctx);
            }
            // «أعلنت الجماعة مسؤوليتها عن الهجوم على …»
            if f.subjects.is_empty()
                && let Some(c) = claimant(ctx, hit.first, topics, sentence, &fit_subject)
            {
                f.subjects = c;
            }
        }
        passive_agent(ctx, object_from, &mut f);
        // «أعلنت مالي وبوركينا فاسو والنيجر تأسيس تحالف»: a symmetric
        // noun with a coordinated subject and no object pairs the list.
        if p.frame == Frame::Between
            && f.objects.is_empty()
            && f.subjects.len() >= 2
            && !f.carried
            && f.distance <= 2
        {
            let list = std::mem::take(&mut f.subjects);
            for (n, a) in list.iter().enumerate() {
                for b in &list[n + 1..] {
                    f.pairs.push((a.clone(), b.clone()));
                }
            }
        }
        f
    }
}

/// Where a verbal noun's genitive is looked for, and how many words may
/// stand before it: within a word after the noun at `pos`; after a
/// quantifier in construct, right after it or past a head noun of actors
/// (مغادرة آخر الجنود الفرنسيين، انسحاب معظم القوات الروسية), never past
/// another noun (انسحاب معظم سكان مالي: not Mali).
fn genitive_start(ctx: &Ctx<'_>, pos: usize) -> (usize, usize) {
    let g = ctx.g;
    match ctx.tokens.get(pos) {
        Some(t) if g.nouns.quantifiers.contains(&t.key) => {
            let head = ctx.tokens.get(pos + 1).is_some_and(|h| {
                let k = g.affixes.article.strip_prefix(&h.key).unwrap_or(&h.key);
                g.nouns.heads.contains(k)
            });
            (pos + 1, usize::from(head))
        }
        _ => (pos, 1),
    }
}

/// Whether the noun at `hit` heads an adjunct: governed by a preposition of
/// circumstance (في، خلال، إثر، عقب …) or a ب glued to it (بهجوم).
fn in_adjunct(ctx: &Ctx<'_>, hit: &Hit) -> bool {
    let g = ctx.g;
    let glued =
        g.affixes.prep_clitics.iter().any(|c| {
            g.clauses.bi.contains(g.prep_base(c)) && g.strip_conj(&hit.prefix).starts_with(c)
        });
    glued
        || hit.first.checked_sub(1).is_some_and(|j| {
            ctx.arg_at[j].is_none()
                && g.clauses
                    .event_preps
                    .contains(g.strip_conj(&ctx.tokens[j].key))
        })
}

/// «أدانت الجزائر الهجوم على …»، «الاتحاد الأفريقي ندد بالحصار»: the actor
/// at `a` is the subject of a verb of reaction (condemning, welcoming,
/// commenting) that governs the noun at `pos`, not the noun's agent.
fn reacts_to(ctx: &Ctx<'_>, a: usize, pos: usize) -> bool {
    let g = ctx.g;
    let is_reaction = |j: usize| {
        let k = g.strip_conj(&ctx.tokens[j].key);
        let k = g.affixes.feminine_mark.strip_suffix(k).unwrap_or(k);
        let k = g
            .affixes
            .imperfect_any
            .strip_prefix(k)
            .filter(|r| r.chars().count() >= 3)
            .unwrap_or(k);
        // (علّق reacts only to a noun behind a preposition: علّق على.)
        let governed = pos > 0
            && g.clauses
                .prep_words
                .contains(g.strip_conj(&ctx.tokens[pos - 1].key));
        g.verbs.reaction.contains(k) && (governed || !g.verbs.reaction_with_prep.contains(k))
    };
    let arg = &ctx.args[a];
    // VSO: the verb right before the subject; SVO: between the subject and the noun.
    arg.first
        .checked_sub(1)
        .is_some_and(|j| ctx.arg_at[j].is_none() && is_reaction(j))
        || (arg.end..pos).any(|j| ctx.arg_at[j].is_none() && is_reaction(j))
}
