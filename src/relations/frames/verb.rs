//! Verbs: «هاجم الجيش الجماعة», «تنشط في المنطقة جماعات»; dropped,
//! pronoun and possessed subjects, relative clauses, passive agents.

use super::super::*;

/// Classes of actors that have fighters, soldiers or members under arms
/// (the antecedent of «مقاتليها»، «عناصره»، «جنودها»).
/// (The armed classes of `assemble::ARMED_CLASSES` and these.)
const FIGHTER_OWNERS: &[&str] = &["State", "Government", "Alliance"];

impl Extractor {
    /// Fills the arguments of a verb trigger.
    pub(in crate::relations) fn verb_frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        let mut f = Found::default();
        // «ضرب التنظيم حصارا على …»: a verb trigger that is also a light verb
        // carries the verbal noun in the accusative after it; the noun states
        // the relation, the verb none.
        if carries_a_verbal_noun(ctx, hit) {
            return f;
        }
        let fit_object = |a: &Arg| self.slot_fits(p, &a.class, false);
        let fit_subject = |a: &Arg| self.slot_fits(p, &a.class, true);
        let object_preps: Vec<String> = p.object_prep.iter().map(|s| fold(s)).collect();
        let before = subject_before(ctx, hit.first, 3);
        // An actor right after the verb that cannot be its subject
        // (a place after هاجم) is its object, with a dropped subject.
        // (A nationality adjective before a person names that person: «التقى
        // الرئيس الموريتاني محمد ولد الغزواني …».)
        let after = direct_after(ctx, hit.end, 2)
            .map(|a| {
                named_after_adjective(ctx, a)
                    .filter(|&n| self.slot_fits(p, &ctx.args[n].class, true))
                    .unwrap_or(a)
            })
            .filter(|&a| self.slot_fits(p, &ctx.args[a].class, true))
            // «قصفت مسيّرة تابعة للجيش المالي سوقا»: the aircraft's owner.
            .or_else(|| {
                instrument_owner(ctx, hit.end)
                    .filter(|&a| self.slot_fits(p, &ctx.args[a].class, true))
            });
        // «قُتل 54 جنديا بنينيا»: a counted noun right after the verb with a
        // nationality adjective is the patient of an unmarked passive: the
        // adjective names the victims, never the subject.
        // (Or a state's name right after the number: «قُتل 30 موريتانيا»
        // counts Mauritanians, the accusative nisba written as the name.)
        let passive = counted_at(ctx, hit.end)
            && after.is_some_and(|a| {
                ctx.args[a].kind == MentionKind::Adjective
                    || (ctx.args[a].class == "State"
                        && ctx.args[a].first > hit.end
                        && number_at(ctx, ctx.args[a].first - 1))
            });
        let after = after.filter(|_| !passive);
        let gender = hit_gender(ctx.g, p, hit, &ctx.tokens[hit.first].key);
        // In a relative clause with its own subject after the verb
        // (مالي التي تحاصر الجماعة عاصمتها) the antecedent is not the subject.
        let relative = hit.first > 0
            && ctx
                .g
                .clauses
                .relatives
                .contains(ctx.tokens[hit.first - 1].key.as_str());
        // (Members named through من right after it are its object: روسيا
        // التي نشرت عناصر من الفيلق في مالي.)
        // Only with a pronoun that takes the antecedent's place (on the
        // verb: التي تحاصرها الجماعة; or later: التي تحاصر الجماعة
        // عاصمتها): without one the antecedent is the relative's subject
        // and the actor after the verb its object (الجبهة، التي تقاتل
        // الجيش المالي).
        let own_subject_after = |a: usize| {
            !ctx.args[a].partitive
                && (object_pronoun(ctx.g, &hit.suffix)
                    || before.is_none_or(|b| {
                        resumptive_in_clause(ctx, ctx.args[a].end, ctx.args[b].gender)
                    }))
        };
        let before = before.filter(|_| !(relative && after.is_some_and(own_subject_after)));
        // «وكلاهما يستضيف …»: «both» takes the last two actors of the
        // most recent coordinated subject.
        if before.is_none()
            && hit.first > 0
            && ctx
                .g
                .clauses
                .both
                .contains(ctx.g.strip_conj(&ctx.tokens[hit.first - 1].key))
            && let Some(both) = find_topic(topics, sentence, |t| t.ents.len() > 1)
        {
            f.subjects = both[both.len() - 2..].to_vec();
            f.carried = true;
            if let Some(o) = object_after(ctx, hit.end, &object_preps, 6, &fit_object) {
                f.objects = conjuncts_forward(ctx, o).ents(ctx);
            }
            return f;
        }
        let (subject_list, object_from) = match (before, after) {
            // (The owner of an aircraft subject agrees through the aircraft:
            // «مسيّرة للجيش قصفت».)
            (Some(b), _)
                if agrees(gender, ctx.args[b].gender) || owns_instrument_before(ctx, b) =>
            {
                (conjuncts_backward(ctx, b), hit.end)
            }
            // A verb before its subject is singular (هاجم المسلحون): a verb
            // with a plural suffix (هاجموا الجيش) has its subject before it
            // or dropped, and the actor after it is its object.
            // (Nor a person after a feminine verb: «وخطفت رئيس البلدية فلان»
            // has its subject before it, the man after it is the object.)
            (_, Some(a))
                if gender != Gender::Plural
                    // (Past tense only: an imperfect ت may be a stem's, ترأس.)
                    && !(ctx.g.affixes.feminine_mark.starts(&hit.suffix)
                        && gender == Gender::Fem
                        && ctx.args[a].class == "Person") =>
            {
                let list = conjuncts_forward(ctx, a);
                let from = list
                    .iter()
                    .map(|&x| ctx.args[x].end)
                    .max()
                    .unwrap_or(hit.end);
                (list, from)
            }
            _ => (Vec::new(), hit.end),
        };
        f.subjects = subject_list.ents(ctx);
        // (Past an adjectival aside after the subject: وتنشط الجماعة،
        // المرتبطة بالقاعدة، في منطقة كايس.)
        let object_from = if subject_list.is_empty() {
            object_from
        } else {
            past_aside(ctx, object_from)
        };
        // «هاجم مسلحون يُعتقد أنهم من التنظيم مواقع الجيش»: the object comes
        // after the group an unnamed subject is said to belong to.
        let object_from = match subject_list.last() {
            Some(&a) if ctx.args[a].first >= hit.end => super::super::claims::belongs_to(ctx, a)
                .map_or(object_from, |(b, _)| ctx.args[b].end),
            _ => object_from,
        };
        // «المنطقة التي يسيطر عليها حفتر»: after a relative pronoun, a
        // resumptive pronoun makes the antecedent the object.
        let antecedent = (hit.first > 0
            && ctx
                .g
                .clauses
                .relatives
                .contains(ctx.tokens[hit.first - 1].key.as_str())
            && after.is_some()
            && (object_pronoun(ctx.g, &hit.suffix)
                || ctx
                    .tokens
                    .get(hit.end)
                    .is_some_and(|t| resumptive(ctx.g, &t.key))))
        .then(|| head_before(ctx, hit.first - 1))
        .flatten()
        // (Not a nationality adjective: «قاعدة … القريبة من الحدود
        // التشادية، التي يسيطر عليها الجيش» is about the base.)
        .filter(|&h| ctx.args[h].kind != MentionKind::Adjective);
        if let (Some(h), Some(a)) = (antecedent, after) {
            f.objects = [h].ents(ctx);
            f.subjects = conjuncts_forward(ctx, a).ents(ctx);
            return f;
        }
        if let Some(o) = object_after(ctx, object_from, &object_preps, 6, &fit_object) {
            f.distance = ctx.args[o].first.saturating_sub(hit.end);
            let list = with_repeated_prep(ctx, conjuncts_forward(ctx, o));
            let end = list
                .iter()
                .map(|&x| ctx.args[x].end)
                .max()
                .unwrap_or(hit.end);
            f.objects = list.ents(ctx);
            // Verb, prepositional object, then subject (تنشط في المنطقة جماعات).
            if f.subjects.is_empty()
                && let Some(s) = direct_after(ctx, end, 2)
                && agrees(gender, ctx.args[s].gender)
            {
                f.subjects = conjuncts_forward(ctx, s).ents(ctx);
            }
        }
        // «يقطعون الطرق المؤدية إلى سيغو»: the place the roads lead to.
        if f.objects.is_empty()
            && p.via_routes
            && let Some(o) = routed_place(ctx, object_from).filter(|&o| fit_object(&ctx.args[o]))
        {
            f.objects = conjuncts_forward(ctx, o).ents(ctx);
        }
        // «هاجم الجيش مواقعنا في أنفيس وكيدال»: a direct object naming no
        // actor, then the places where it lies.
        if f.objects.is_empty() && object_preps.iter().any(String::is_empty) {
            // (Not the subject's own country: «هاجم الجيش المالي مواقع في
            // مالي» attacks no state.)
            let own = |a: usize| {
                f.subjects.iter().any(|s| {
                    s.actor == ctx.args[a].actor
                        || self.country.get(&s.actor) == Some(&ctx.args[a].actor)
                })
            };
            let places = object_noun_place(ctx, object_from);
            if !places.is_empty() && places.iter().all(|&a| fit_object(&ctx.args[a]) && !own(a)) {
                f.objects = places.ents(ctx);
            }
        }
        // «يضم التحالف ثلاث دول هي أ وب وج»: the members listed after a
        // counted noun are the objects, when every one of them fits.
        if f.objects.is_empty() {
            let list = enumerated(ctx, object_from);
            if !list.is_empty() && list.iter().all(|&a| fit_object(&ctx.args[a])) {
                f.objects = list.ents(ctx);
            }
        }
        // «قصفت مسيرة تركية سيارة تقل عناصر من حزب العمال»: the actor whose
        // members the vehicle object carries (past a cleared time aside).
        if f.objects.is_empty() && object_preps.iter().any(String::is_empty) {
            let from = past_time_adjunct(ctx, object_from);
            if let Some(o) = carried_members(ctx, from).filter(|&o| fit_object(&ctx.args[o])) {
                f.objects = conjuncts_forward(ctx, o).ents(ctx);
            }
        }
        // «أسقط الجيش الجزائري مسيّرة تابعة للجيش المالي»: the owner of an
        // aircraft object (behind ل, past تابعة, or its nisba) is the object
        // when the aircraft itself does not fit.
        if f.objects.is_empty() && object_preps.iter().any(String::is_empty) {
            let from = past_time_adjunct(ctx, object_from);
            if let Some(o) = instrument_owner(ctx, from).filter(|&o| fit_object(&ctx.args[o])) {
                f.objects = conjuncts_forward(ctx, o).ents(ctx);
            }
        }
        // «خطفوا نحو عشرين سائقا، بينهم سنغاليون وإيفواريون»: the members
        // singled out of a direct object that names no actor.
        if f.objects.is_empty()
            && object_preps.iter().any(String::is_empty)
            && let Some(o) = elaborated(ctx, object_from, 4).filter(|&o| fit_object(&ctx.args[o]))
        {
            f.objects = conjuncts_forward(ctx, o).ents(ctx);
        }
        // «والجبهة هي تحالف يقاتل ضد الجيش»، «X، وهي حركة تنشط في …»: the
        // actor the predicate noun describes (the verb agrees with the
        // noun, not with it).
        if f.subjects.is_empty()
            && !object_pronoun(ctx.g, &hit.suffix)
            && let Some(h) = apposed_head(ctx, hit.first)
            && fit_subject(&ctx.args[h])
            && !f.objects.iter().any(|o| o.actor == ctx.args[h].actor)
        {
            f.subjects = [h].ents(ctx);
        }
        // «أربع جماعات تنشط في مالي، وهي أنصار الدين، والمرابطون …»:
        // the list after وهي names the unnamed subject.
        if f.subjects.is_empty() {
            f.subjects = apposed_list(ctx, hit.end);
        }
        // «إن مقاتليها هاجموا …»، «هاجم عناصرها …»: a member noun
        // with a possessive pronoun names the pronoun's antecedent.
        let possessed = [hit.first.checked_sub(1), Some(hit.end)]
            .into_iter()
            .flatten()
            .filter(|&j| {
                ctx.arg_at.get(j).is_some_and(Option::is_none) && same_clause(ctx, j, hit.first)
            })
            .find_map(|j| member_pronoun(ctx.g, &ctx.tokens[j].key));
        // (Only an actor that has fighters owns them: not the outlet that
        // published the claim, «بيان نشرته مؤسسة الزلاقة، وزعمت أن مقاتليها».)
        let owns_fighters = |t: &Topic| {
            t.ents.iter().all(|e| {
                self.ancestors.get(&e.class).is_some_and(|up| {
                    up.iter().any(|c| {
                        super::super::assemble::ARMED_CLASSES.contains(&c.as_str())
                            || FIGHTER_OWNERS.contains(&c.as_str())
                    })
                })
            })
        };
        if f.subjects.is_empty()
            && let Some(g) = possessed
            && let Some(t) = find_topic(topics, sentence, |t| {
                !t.apposed
                    && (agrees(g, t.gender) || (g == Gender::Fem && t.ents.len() > 1))
                    && owns_fighters(t)
            })
        {
            f.subjects = t;
            f.carried = true;
            f.possessed = true;
        }
        // «يعمل المجلس … مستندا إلى الدعم»: a participle of state
        // (مستندا، معتمدا) describes the clause's subject.
        if f.subjects.is_empty()
            && ctx
                .g
                .affixes
                .participle
                .starts(ctx.g.strip_conj(&ctx.tokens[hit.first].key))
            && ctx.g.affixes.accusative.ends(&hit.suffix)
            && let Some(c) = segment_subject(ctx, hit.first)
        {
            f.subjects = conjuncts_forward(ctx, c).ents(ctx);
        }
        // «قُتل 34 جنديا … في هجوم شنه مسلحون من التنظيم»: the agent of an
        // event in an adjunct after the verb is the verb's (before a topic
        // is taken for a dropped subject).
        if f.subjects.is_empty()
            && !f.objects.is_empty()
            && !p.agent_from.is_empty()
            && let Some(a) = self.event_agent_after(p, hit, ctx)
        {
            f.subjects = conjuncts_forward(ctx, a).ents(ctx);
        }
        // «سبق للجيش المالي أن قصف …»: the experiencer of سبق.
        if f.subjects.is_empty()
            && let Some(a) = lam_experiencer(ctx, hit.first)
            && fit_subject(&ctx.args[a])
        {
            f.subjects = conjuncts_forward(ctx, a).ents(ctx);
        }
        // (A passive has no dropped subject: only its agent names one.)
        if f.subjects.is_empty()
            && !passive
            && subject_dropped(ctx, hit, object_preps.iter().any(String::is_empty))
            && let Some(t) = topic(topics, gender, sentence)
        {
            f.subjects = t;
            f.carried = true;
        }
        // «ويقودها فلان»، «يسيطر عليها الجيش»: an object pronoun on the
        // verb, or on the preposition the pattern wants, refers back
        // to the topic when the subject is named in the clause.
        let pronoun =
            if object_pronoun(ctx.g, &hit.suffix) && object_preps.iter().any(String::is_empty) {
                possessive_gender(ctx.g, &hit.suffix)
            } else {
                ctx.tokens
                    .get(hit.end)
                    .and_then(|t| resumptive_of(ctx.g, &t.key, &object_preps))
            };
        let relative = hit.first > 0
            && ctx
                .g
                .clauses
                .relatives
                .contains(ctx.tokens[hit.first - 1].key.as_str());
        // «"الجبهة …"، وهي حركة متمردة يقودها فلان»: the pronoun is the
        // actor the clause is in apposition to.
        if f.objects.is_empty()
            && !f.subjects.is_empty()
            && !f.carried
            && !relative
            && !p.named_object
            && pronoun.is_some()
            && let Some(h) = apposed_head(ctx, hit.first)
            && fit_object(&ctx.args[h])
        {
            f.objects = [h].ents(ctx);
        }
        if f.objects.is_empty()
            && !f.subjects.is_empty()
            && !f.carried
            && !relative
            && !p.named_object
            && let Some(g) = pronoun
            && let Some(t) = clause_topic(topics, g, sentence)
        {
            let named: Vec<&str> = f.subjects.iter().map(|e| e.actor.as_str()).collect();
            f.objects = t
                .into_iter()
                .filter(|e| !named.contains(&e.actor.as_str()))
                .collect();
        }
        // «أعلنت الجماعة مسؤوليتها عن الهجمات التي استهدفت …»: a
        // relative clause on an event has the claimant as agent.
        if f.subjects.is_empty()
            && relative
            && let Some(c) = claimant(ctx, hit.first, topics, sentence, &fit_subject)
        {
            f.subjects = c;
        }
        // «منطقة ليبتاكو-غورما، حيث تنشط الجماعة»: after the adverb of
        // place, the place before it is where the verb happens.
        if f.objects.is_empty()
            && !f.subjects.is_empty()
            && object_preps.iter().any(|p| ctx.g.clauses.fi.contains(p))
            && let Some(places) = place_before_where(ctx, hit.first)
            && places.iter().all(|&a| fit_object(&ctx.args[a]))
        {
            f.objects = places.ents(ctx);
        }
        passive_agent(ctx, hit.end, &mut f);
        f
    }
}

impl Extractor {
    /// The agent named by a relative light verb after an event noun of one
    /// of `p.agent_from`'s relations in an adjunct later in the trigger's
    /// sentence (في هجوم شنه فلان), within 24 tokens.
    fn event_agent_after(&self, p: &Pattern, hit: &Hit, ctx: &Ctx<'_>) -> Option<usize> {
        let end = ctx.tokens.len().min(hit.end + 24);
        for j in hit.end..end {
            if CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str()) {
                return None;
            }
            // The event noun: a trigger of one of the relations, or a noun
            // of an event (في عملية نسبتها نواكشوط إلى الجيش).
            let noun_end = ctx.hits[j]
                .iter()
                .find(|h| {
                    let q = &self.patterns[h.pattern];
                    matches!(q.frame, Frame::Noun) && p.agent_from.contains(&q.relation)
                })
                .map(|h| h.end)
                .or_else(|| {
                    (ctx.arg_at[j].is_none()
                        && ctx.g.noun_of(&ctx.g.nouns.events, &ctx.tokens[j].key))
                    .then_some(j + 1)
                });
            let Some(noun_end) = noun_end else {
                continue;
            };
            let adjunct = j.checked_sub(1).is_some_and(|b| {
                ctx.arg_at[b].is_none()
                    && ctx
                        .g
                        .clauses
                        .event_preps
                        .contains(ctx.g.strip_conj(&ctx.tokens[b].key))
            });
            if !adjunct {
                return None;
            }
            if let Some(a) = relative_attributed_agent(ctx, noun_end) {
                return Some(a);
            }
            let v = relative_light_verb(ctx, noun_end)?;
            return direct_after(ctx, v + 1, 1);
        }
        None
    }
}

/// The places a verb at `pos` right after «حيث» (past one particle: حيث
/// كانت تنشط) happens in: the place named right before the adverb (past a
/// comma), with the places coordinated with it.
fn place_before_where(ctx: &Ctx<'_>, pos: usize) -> Option<Vec<usize>> {
    let g = ctx.g;
    let at = (pos.saturating_sub(2)..pos).rev().find(|&j| {
        g.clauses
            .where_adverbs
            .contains(g.strip_conj(&ctx.tokens[j].key))
    })?;
    if (at + 1..pos).any(|j| ctx.arg_at[j].is_some()) {
        return None;
    }
    let mut j = at.checked_sub(1)?;
    if is_comma(&ctx.tokens[j].key) {
        j = j.checked_sub(1)?;
    }
    let a = ctx.arg_at[j]?;
    let list = conjuncts_backward(ctx, a);
    list.iter()
        .all(|&x| {
            matches!(
                ctx.args[x].class.as_str(),
                "City" | "Region" | "State" | "Facility" | "Place"
            )
        })
        .then_some(list)
}

/// Whether the verb at `hit` is a light verb whose accusative verbal noun
/// (a noun trigger ending in ـا) follows within four words of its clause.
fn carries_a_verbal_noun(ctx: &Ctx<'_>, hit: &Hit) -> bool {
    let g = ctx.g;
    let key = ctx.tokens[hit.first].key.as_str();
    // The word is prefix + stem + suffix (one-word verb triggers).
    let stem = key
        .strip_prefix(hit.prefix.as_str())
        .and_then(|k| k.strip_suffix(hit.suffix.as_str()));
    stem.is_some_and(|s| g.verbs.light.contains(s))
        && (hit.end..ctx.tokens.len().min(hit.end + 5)).any(|j| {
            same_clause(ctx, hit.first, j)
                && ctx.noun_trigger_at[j]
                && g.affixes.accusative.ends(&ctx.tokens[j].key)
        })
}

/// Whether a counted noun phrase opens at `pos`: a number, or a number word,
/// maybe after an approximator (نحو 40، أكثر من مئة).
fn counted_at(ctx: &Ctx<'_>, pos: usize) -> bool {
    number_at(ctx, pos) || approximator_at(ctx, pos)
}
