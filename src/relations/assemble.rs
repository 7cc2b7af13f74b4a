//! Statement assembly: for each trigger of a sentence, the frame's arguments
//! become statements with polarity, modality, date, quantities, confidence
//! and the evidence span; topics are updated as the reading goes.

use super::*;

/// A third actor a pattern names besides subject and object: the
/// recipient of what is sold, or the seller of what is bought.
struct Third<'p> {
    relation: &'p String,
    preps: &'p [String],
    classes: &'p [String],
    past_objects: bool,
}

impl Extractor {
    /// The state of a titled person whose title names no body (الرئيس
    /// فلان، وزير الخارجية فلان): his own, when the lexicon gives one.
    fn own_state(&self, subjects: &[Ent]) -> Option<Ent> {
        match subjects {
            // The state of a person the lexicon gives one (ag:country): the
            // body of a title that names none (الرئيس فلان) is his own state.
            [one] if one.class == "Person" => {
                let state = self.country.get(&one.actor)?;
                (self.lexicon.get(state).map(String::as_str) == Some("State")).then(|| Ent {
                    actor: state.clone(),
                    class: "State".into(),
                    span: None,
                    gender: Gender::Fem,
                })
            }
            _ => None,
        }
    }

    /// The state a person speaks for: the body of a title he holds in the
    /// sentence so far (a member-of.title statement), as the state (a
    /// government stands for its ag:country).
    fn office_state(&self, sentence_out: &[Statement], person: &Ent) -> Option<Ent> {
        if person.class != "Person" {
            return None;
        }
        let body = sentence_out.iter().find(|s| {
            s.subject == person.actor
                && s.relation == "member-of"
                && s.pattern.ends_with(TITLE_SUFFIX)
        })?;
        let state = if self.lexicon.get(&body.object).map(String::as_str) == Some("State") {
            body.object.clone()
        } else {
            self.country.get(&body.object)?.clone()
        };
        (self.lexicon.get(&state).map(String::as_str) == Some("State")).then(|| Ent {
            actor: state,
            class: "State".into(),
            span: None,
            gender: Gender::Fem,
        })
    }

    /// The recipients of what a pattern with a `recipient` relation moves
    /// (باعت تركيا مسيرات لمالي والنيجر، زودت تركيا النيجر بطائرات): the
    /// first actor of the clause after the trigger behind one of the
    /// pattern's `recipient-prep` that fits the recipient relation and is
    /// neither a subject nor an object, with the actors coordinated with it.
    /// A `source` (اشترت النيجر مسيرات من تركيا) is found the same way
    /// behind `source-prep`, of one of `source-class`, past the objects.
    fn third_parties(
        &self,
        third: &Third<'_>,
        hit: &Hit,
        ctx: &Ctx<'_>,
        found: &Found,
    ) -> Vec<Ent> {
        let preps: Vec<String> = third.preps.iter().map(|s| fold(s)).collect();
        let (domain, _) = self.signature(third.relation);
        let named = |a: &Arg| {
            found
                .subjects
                .iter()
                .chain(&found.objects)
                .any(|e| e.actor == a.actor)
        };
        let fit = |a: &Arg| {
            self.is_a(&a.class, domain) && self.is_a(&a.class, third.classes) && !named(a)
        };
        // A source stands past the objects (تسلم الجيش مدرعات من الإمارات),
        // which would otherwise end the search as the verb's complement.
        let from = if !third.past_objects {
            hit.end
        } else {
            ctx.args
                .iter()
                .filter(|a| a.first >= hit.end)
                .filter(|a| found.objects.iter().any(|o| o.span == Some(a.span)))
                .map(|a| a.end)
                .max()
                .unwrap_or(hit.end)
        };
        object_after(ctx, from, &preps, 8, &fit)
            .map(|a| conjuncts_forward(ctx, a).ents(ctx))
            .unwrap_or_default()
    }

    /// The polarity of the predicate at `first` (cues in its clause).
    pub(super) fn polarity_at(&self, ctx: &Ctx<'_>, first: usize) -> Polarity {
        // A date between the cue and the trigger, with its preposition, is
        // stepped over as a mention is (أنهت نجامينا في 28 نوفمبر 2024
        // اتفاقية التعاون).
        let dated = |i: usize| {
            ctx.dates.iter().any(|d| {
                (d.first <= i && i < d.end)
                    || (i + 1 == d.first
                        && ctx
                            .g
                            .clauses
                            .prep_words
                            .contains(ctx.g.strip_conj(&ctx.tokens[i].key)))
            })
        };
        let is_arg = |i: usize| ctx.arg_at.get(i).is_some_and(Option::is_some) || dated(i);
        let clause_start = ctx.clause_start[ctx.clause[first]];
        polarity::polarity(
            ctx.g,
            &self.cues,
            &ctx.marks,
            &ctx.tokens,
            first,
            clause_start,
            &is_arg,
        )
    }

    /// The modality of the predicate at `first..end` and the source it is
    /// attributed to (cues in its clause and the clauses that introduce it).
    pub(super) fn modality_at(
        &self,
        ctx: &Ctx<'_>,
        first: usize,
        end: usize,
    ) -> (Modality, Option<Span>) {
        let arg_of = |i: usize| ctx.arg_at.get(i).copied().flatten();
        modality::modality(
            ctx.g,
            &self.cues,
            &ctx.marks,
            &ctx.tokens,
            first,
            end,
            ctx.clause_start[ctx.clause[first]],
            cue_scope(ctx, first),
            &arg_of,
        )
    }

    /// Runs the frames of every trigger of a sentence and assembles their
    /// statements with qualifiers, confidence and provenance.
    pub(super) fn sentence(
        &self,
        dc: &DocCtx<'_>,
        sentence: &Sentence,
        ctx: &Ctx<'_>,
        topics: &mut Vec<Topic>,
        events: &mut Vec<Event>,
        out: &mut Vec<Statement>,
    ) {
        let doc = dc.doc;
        let answer = interview_answer(ctx.text, sentence.span.start);
        let quantities = quantities::find(ctx.g, ctx.text, &ctx.tokens);
        // A number that counts something is not a year (نحو 2000 عنصر).
        let dates: Vec<&dates::DateExpr> = ctx
            .dates
            .iter()
            .filter(|d| {
                !quantities
                    .iter()
                    .any(|q| q.first < d.end && d.first < q.end)
            })
            .collect();
        let is_arg = |i: usize| ctx.arg_at.get(i).is_some_and(Option::is_some);
        let first_out = out.len();
        let mut next_topic_arg = 0;
        for i in 0..ctx.tokens.len() {
            // Clause-initial actors without a preposition become topics as the
            // reading reaches them, so that a later dropped subject finds them.
            while next_topic_arg < ctx.args.len() && ctx.args[next_topic_arg].first <= i {
                let a = &ctx.args[next_topic_arg];
                let cs = ctx.clause_start[ctx.clause[a.first]];
                let comma = (cs..a.first)
                    .rev()
                    .find(|&j| is_comma(&ctx.tokens[j].key))
                    .map_or(cs, |j| j + 1);
                if a.first - comma <= 2 && prep_of(ctx, next_topic_arg).is_empty() {
                    let group = conjuncts_forward(ctx, next_topic_arg);
                    let last = group.iter().copied().max().unwrap_or(next_topic_arg);
                    topics.push(Topic {
                        gender: if group.len() > 1 {
                            Gender::Plural
                        } else {
                            a.gender
                        },
                        ents: group.ents(ctx),
                        sentence: sentence.index,
                        clause: ctx.clause[a.first],
                        stated: false,
                        // After a comma: an apposition or list item (X، Y؛
                        // …، أبرزها Y), unless a word other than a marker
                        // opens the stretch (رغم …، يظل JNIM خصما).
                        apposed: comma != cs
                            && (a.first == comma || elaboration(ctx, comma).is_some()),
                    });
                    next_topic_arg = last;
                }
                next_topic_arg += 1;
            }
            // A trigger inside an actor's name (جبهة تحرير أزواد) states nothing.
            if is_arg(i) {
                continue;
            }
            for hit in &ctx.hits[i] {
                // A trigger inside a longer one of another pattern (مغادرة in
                // رعاياها على مغادرة) gives way to it.
                if shadowed(ctx, hit, &self.patterns) {
                    continue;
                }
                let p = &self.patterns[hit.pattern];
                // «توعدت الجماعة بشن هجمات على …»: a threatened act is not
                // done (the threat is threatens.verb's).
                if matches!(p.frame, Frame::Noun | Frame::Between) && threatened(ctx, hit.first) {
                    continue;
                }
                // «تعاون في مجال الصحة والزراعة»: no military alliance.
                if p.military_only && civil_field(ctx, hit.first) {
                    continue;
                }
                let mut found = self.frame(p, hit, ctx, topics, sentence.index);
                // «يصد الجيش هجوما للجماعة»: the repeller is the target.
                if matches!(p.frame, Frame::Noun | Frame::Between)
                    && let Some(r) = repeller(ctx, hit.first)
                {
                    let repeller = ctx.args[r].actor.clone();
                    if let Some(i) = found.subjects.iter().position(|s| s.actor == repeller) {
                        let e = found.subjects.remove(i);
                        found.objects.retain(|o| o.actor != repeller);
                        found.objects.insert(0, e);
                    } else if found.objects.iter().all(|o| o.actor != repeller)
                        && self.slot_fits(p, &ctx.args[r].class, false)
                    {
                        found.objects.insert(0, [r].ents(ctx).remove(0));
                    }
                }
                // «ففي حالة مالي، تم شراء طائرتين من طراز بيرقدار TB2»: a
                // predicate without a subject after a topicalized actor
                // takes it.
                if found.subjects.is_empty()
                    && !found.objects.is_empty()
                    && let Some(a) = topicalized(ctx, hit.first)
                    && self.slot_fits(p, &ctx.args[a].class, true)
                    && !found.objects.iter().any(|o| o.actor == ctx.args[a].actor)
                {
                    found.subjects = [a].ents(ctx);
                }
                let mut implicit = false;
                // «…، ما أسفر عن مقتل 20 جنديا»: a result clause continues the
                // event before it: its agents, and the armed actor it befell
                // when the victims are counted soldiers.
                // (Or a verb joined by و to the event's verb in the same
                // sentence: «هاجموا عناصر الجيش وقتلوا 21 جنديا».)
                let joined_verb = p.frame == Frame::Verb
                    && ctx.g.affixes.wa.starts(&hit.prefix)
                    && found.objects.is_empty();
                if !p.result_of.is_empty()
                    && (result_marker_before(ctx, hit.first) || joined_verb)
                    && let Some(e) = last_event(events, &p.result_of, sentence.index)
                        .filter(|e| !joined_verb || e.sentence == sentence.index)
                {
                    let clause = ctx.clause[hit.first];
                    // (Or «مقتل سبعة منهم»: counted, of the event's object.)
                    let soldiers = quantities
                        .iter()
                        .any(|q| ctx.clause[q.first] == clause && q.quantity.unit == FIGHTERS_UNIT)
                        || victims_of_them(ctx, hit.end);
                    // (The event's object right before a joined verb is not
                    // its subject: «هاجموا الجيش المالي وقتلوا …».)
                    let object_as_subject = joined_verb
                        && found
                            .subjects
                            .iter()
                            .all(|s| e.objects.iter().any(|o| o.actor == s.actor));
                    if found.subjects.is_empty() || object_as_subject {
                        found.subjects = e.subjects.clone();
                        found.carried = true;
                    }
                    if found.objects.is_empty() && soldiers {
                        found.objects = e
                            .objects
                            .iter()
                            .filter(|o| ARMED_CLASSES.contains(&o.class.as_str()))
                            .cloned()
                            .collect();
                        implicit = !found.objects.is_empty();
                    }
                }
                if found.objects.is_empty() && found.pairs.is_empty() && !found.subjects.is_empty()
                {
                    if !p.object_from_subject_of.is_empty() {
                        let fit = |c: &str| self.slot_fits(p, c, false);
                        found.objects = founded(
                            ctx,
                            &p.object_from_subject_of,
                            hit.first,
                            topics,
                            sentence.index,
                            &fit,
                        );
                    }
                    // Only for a subject the trigger's own phrase names
                    // (انسحاب القوات الفرنسية), not one borrowed from the clause
                    // (طالبت السلطات برحيل …).
                    // Nor when the phrase names a place the engine does not
                    // know (انسحاب البعثة من قاعدتها): the source is stated.
                    let stated_source = (hit.end..ctx.tokens.len().min(hit.end + 8))
                        .take_while(|&j| same_clause(ctx, hit.first, j))
                        .any(|j| {
                            let k = ctx.g.strip_conj(&ctx.tokens[j].key);
                            p.object_prep.iter().any(|op| fold(op) == k)
                        });
                    // «إجلاء رعاياها»: a genitive with a possessive pronoun
                    // is the subject's own people.
                    let own_people = own_people_at(ctx, hit.end);
                    if found.objects.is_empty()
                        && (found.genitive || found.titled || (own_people && !found.carried))
                        && !stated_source
                        && p.implicit_object == Some(Implicit::ArticleState)
                        && let Some(state) = self
                            .own_state(&found.subjects)
                            .or_else(|| state_before(ctx, hit.first, &found.subjects))
                            .or_else(|| dc.article_state.clone())
                        && !found.subjects.iter().any(|s| s.actor == state.actor)
                    {
                        found.objects = vec![state];
                        implicit = true;
                    }
                }
                // «وزير الخارجية المالي»: a state stands for its government,
                // or for the ministry of the title's portfolio where the
                // lexicon names it (وزير الدفاع الروسي); a state named in the
                // title that the lexicon gives no government (وزير الخارجية
                // التوغولي) for itself; one with several, for none; a state
                // only guessed from the article, for none without one.
                if let Some(object_as) = p.object_as {
                    let portfolio = ctx.tokens.get(hit.end).map(|t| t.key.as_str());
                    // A one-word title (وزير) heads its ministry: leads, not
                    // member-of (نائب وزير الدفاع is a member).
                    let head = hit.end == hit.first + 1;
                    found.objects = std::mem::take(&mut found.objects)
                        .into_iter()
                        .filter_map(|o| {
                            if o.class != "State" {
                                return Some(o);
                            }
                            let ministry = self.ministries.get(&o.actor).and_then(|ms| {
                                ms.iter().find(|(w, _)| Some(w.as_str()) == portfolio)
                            });
                            match (object_as, ministry) {
                                (ObjectAs::Ministry, Some((_, m))) if head => {
                                    return Some(Ent {
                                        span: o.span,
                                        ..m.clone()
                                    });
                                }
                                (ObjectAs::Ministry, _) => return None,
                                (ObjectAs::Government, Some(_)) if head => return None,
                                (ObjectAs::Government, Some((_, m))) => {
                                    return Some(Ent {
                                        span: o.span,
                                        ..m.clone()
                                    });
                                }
                                (ObjectAs::Government, None) => {}
                            }
                            match self.governments.get(&o.actor) {
                                Some(Some(g)) => Some(Ent {
                                    span: o.span,
                                    ..g.clone()
                                }),
                                Some(None) => None,
                                None => (!implicit).then_some(o),
                            }
                        })
                        .collect();
                }
                // «تعد مالي عضوًا في التحالف، إلى جانب بوركينا فاسو والنيجر»:
                // actors added after the complement share the subject's role.
                let alongside = if p.swap || found.subjects.is_empty() || found.carried {
                    Vec::new()
                } else {
                    alongside(ctx, hit.end)
                };
                found.subjects.extend(alongside.iter().cloned());
                // «أعلن وزير الخارجية التشادي فلان إنهاء اتفاق التعاون مع
                // فرنسا»: an official titled in this sentence acts for his
                // state in the relations of states.
                if STATE_ACTS.contains(&p.relation.as_str()) {
                    for subject in &mut found.subjects {
                        if let Some(state) = self.office_state(&out[first_out..], subject) {
                            *subject = Ent {
                                span: subject.span,
                                ..state
                            };
                        }
                    }
                }
                let act = found.act_at.unwrap_or(hit.first);
                let pol = self.polarity_at(ctx, act);
                // سـ on a verb of the clause: a future event is only expected
                // (ستنشر روسيا قوات …), for the verb and the nouns it governs.
                let clause_of_hit = ctx.clause[hit.first];
                let future =
                    (ctx.clause_start[clause_of_hit]..=hit.first).any(|j| ctx.future_at[j]);
                let (modality, source) = match found.act_at {
                    Some(v) => self.modality_at(ctx, v, v + 1),
                    None => self.modality_at(ctx, hit.first, hit.end),
                };
                let modality = if future { Modality::Hedged } else { modality };
                // A title (وزير الدفاع فلان) is how the writer names a person,
                // not what a source reports: «قال وزير الدفاع فلان …».
                // (So is a participle describing an actor, «الجماعة، المرتبطة
                // بالقاعدة»: the writer's own description inside a report.)
                // And a relative clause describing an actor (القوة، التي تضم
                // تشاد ونيجيريا): not under the hedge or report of its host.
                // (An actor's: «الهجمات التي استهدفت …» is the claimed event.)
                let relative_clause = hit.first > 0
                    && ctx
                        .g
                        .clauses
                        .relatives
                        .contains(ctx.tokens[hit.first - 1].key.as_str())
                    && head_before(ctx, hit.first - 1).is_some();
                // (And «بقيادة فلان»: a role named by a preposition.)
                let role_phrase =
                    p.frame == Frame::Prep && ROLE_RELATIONS.contains(&p.relation.as_str());
                let describing = relative_clause
                    || role_phrase
                    || matches!(
                        p.frame,
                        Frame::Title | Frame::ActiveParticiple | Frame::PassiveParticiple
                    );
                let undescribed =
                    modality == Modality::Reported || (modality == Modality::Hedged && !future);
                let (modality, source) = if describing && undescribed {
                    (Modality::Asserted, None)
                } else if answer && p.frame != Frame::Title && modality == Modality::Asserted {
                    // An interviewee's answer is what a source says.
                    (Modality::Reported, None)
                } else {
                    (modality, source)
                };
                // A title names a standing role: the sentence's date is its
                // event's (استقبل الرئيس فلان أمس), not the title's.
                let date = if p.frame == Frame::Title || role_phrase {
                    None
                } else {
                    // (An event of a wire's lead with no date of its own
                    // happened on the dateline's day.)
                    nearest_date(ctx, &dates, hit).or_else(|| {
                        dc.lead_date
                            .filter(|_| DATED_EVENTS.contains(&p.relation.as_str()))
                            .map(|d| d.iso())
                    })
                };
                let clause = ctx.clause[hit.first];
                let qs: Vec<_> = quantities
                    .iter()
                    .filter(|q| ctx.clause[q.first] == clause)
                    .map(|q| q.quantity.clone())
                    .collect();
                let trigger = ctx.tokens[hit.first]
                    .span
                    .cover(ctx.tokens[hit.end - 1].span);
                // Each pair with the relation it states: the pattern's, or
                // the recipient's (the buyer acquired what was sold).
                let mut pairs: Vec<(Ent, Ent, &String)> = found
                    .pairs
                    .iter()
                    .map(|(a, b)| (a.clone(), b.clone(), &p.relation))
                    .collect();
                for s in &found.subjects {
                    for o in &found.objects {
                        let (s, o) = if p.swap { (o, s) } else { (s, o) };
                        pairs.push((s.clone(), o.clone(), &p.relation));
                    }
                }
                let thirds = [
                    p.recipient.as_ref().map(|relation| Third {
                        relation,
                        preps: &p.recipient_prep,
                        classes: &[],
                        past_objects: false,
                    }),
                    p.source.as_ref().map(|relation| Third {
                        relation,
                        preps: &p.source_prep,
                        classes: &p.source_class,
                        past_objects: true,
                    }),
                ];
                for third in thirds.iter().flatten() {
                    if !pairs.iter().any(|(s, o, _)| self.fits(p, s, o)) {
                        continue;
                    }
                    for who in self.third_parties(third, hit, ctx, &found) {
                        for o in &found.objects {
                            pairs.push((who.clone(), o.clone(), third.relation));
                        }
                    }
                }
                let mut subject_used = false;
                for (n, (s, o, relation)) in pairs.iter().enumerate() {
                    let own = *relation == &p.relation;
                    if !(if own {
                        self.fits(p, s, o)
                    } else {
                        self.fits_relation(relation, s, o)
                    }) {
                        continue;
                    }
                    subject_used = true;
                    let mut focus = trigger;
                    for e in [s, o] {
                        if let Some(sp) = e.span {
                            focus = focus.cover(sp);
                        }
                    }
                    let mut confidence =
                        p.frame.base_confidence() - 0.03 * found.distance.saturating_sub(1) as f64;
                    if found.carried {
                        confidence *= 0.8;
                    }
                    // An object the sentence leaves unstated is a reading.
                    if implicit {
                        confidence *= 0.7;
                    }
                    if n > 0 {
                        confidence *= 0.95;
                    }
                    // What the pattern also states (attacks in a country are
                    // operations there), where the actors fit that relation.
                    let also = p.also.iter().filter(|_| own).filter(|r| {
                        let (domain, range) = self.signature(r);
                        self.is_a(&s.class, domain) && self.is_a(&o.class, range)
                    });
                    if own && self.event_relations.contains(&p.relation) {
                        match events.last_mut() {
                            Some(e)
                                if e.sentence == sentence.index
                                    && e.relation == p.relation
                                    && e.subjects.iter().any(|x| x.actor == s.actor) =>
                            {
                                if !e.objects.iter().any(|x| x.actor == o.actor) {
                                    e.objects.push(o.clone());
                                }
                            }
                            _ => events.push(Event {
                                relation: p.relation.clone(),
                                subjects: vec![Ent {
                                    span: None,
                                    ..s.clone()
                                }],
                                objects: vec![Ent {
                                    span: None,
                                    ..o.clone()
                                }],
                                sentence: sentence.index,
                            }),
                        }
                    }
                    for relation in std::iter::once(*relation).chain(also) {
                        out.push(Statement {
                            doc: doc.id.clone(),
                            subject: s.actor.clone(),
                            relation: relation.clone(),
                            object: o.actor.clone(),
                            polarity: pol,
                            modality,
                            date: date.clone(),
                            quantities: qs.clone(),
                            attributed_to: source.map(|sp| sp.of(ctx.text).to_string()),
                            evidence: Evidence {
                                index: sentence.index,
                                sentence: sentence.span.of(ctx.text).to_string(),
                                span: sentence.span,
                                focus,
                            },
                            pattern: p.id.clone(),
                            confidence: (confidence.clamp(0.2, 0.99) * 100.0).round() / 100.0,
                        });
                    }
                }
                // «شن الجيش غارات على مواقع الجماعة، مما أسفر عن مقتل …»: an
                // event whose target is unnamed still has agents a result
                // clause continues.
                if !subject_used
                    && pairs.is_empty()
                    && self.event_relations.contains(&p.relation)
                    && !p.swap
                    && pol == Polarity::Pos
                {
                    let agents: Vec<Ent> = found
                        .subjects
                        .iter()
                        .filter(|s| {
                            let (domain, _) = self.signature(&p.relation);
                            self.is_a(&s.class, domain)
                        })
                        .map(|s| Ent {
                            span: None,
                            ..s.clone()
                        })
                        .collect();
                    // (Not again for an event of this sentence another
                    // trigger stated with its target: «هجوما» is read by two
                    // patterns.)
                    let told = events
                        .iter()
                        .rev()
                        .take_while(|e| e.sentence == sentence.index)
                        .any(|e| {
                            e.relation == p.relation
                                && e.subjects
                                    .iter()
                                    .any(|x| agents.iter().any(|a| a.actor == x.actor))
                        });
                    if !agents.is_empty() && !told {
                        events.push(Event {
                            relation: p.relation.clone(),
                            subjects: agents,
                            objects: Vec::new(),
                            sentence: sentence.index,
                        });
                    }
                }
                // A verb's subject is the topic of what follows even when the
                // verb states no relation (مقاتلوها هاجموا القافلة وقتلوا …).
                let verb_subject = p.frame == Frame::Verb && (!found.carried || found.possessed);
                if (subject_used || verb_subject)
                    && !p.swap
                    && let Some(s) = found.subjects.first()
                {
                    topics.push(Topic {
                        gender: if found.subjects.len() > 1 {
                            Gender::Plural
                        } else {
                            s.gender
                        },
                        ents: found.subjects.clone(),
                        sentence: sentence.index,
                        clause: ctx.clause[hit.first],
                        stated: subject_used,
                        // A participle's head is described, not the subject
                        // of a clause (مؤسسة الزلاقة، الذراع الإعلامية للجماعة).
                        // Nor is a verbal noun's genitive (اندماج حركات، أبرزها …).
                        apposed: matches!(
                            p.frame,
                            Frame::ActiveParticiple | Frame::PassiveParticiple
                        ) || found.genitive,
                    });
                    if alongside.len() > 1 {
                        topics.push(Topic {
                            gender: Gender::Plural,
                            ents: alongside,
                            sentence: sentence.index,
                            clause: ctx.clause[hit.first],
                            stated: true,
                            apposed: false,
                        });
                    }
                }
            }
        }
        // «وتبنى التنظيم الهجوم»: a claim names the author of an event told
        // before.
        self.claimed(ctx, sentence, out);
        // «مسلحين يشتبه في انتمائهم إلى حركة الشباب»: the group behind
        // unnamed agents.
        self.suspected(ctx, out, first_out);
        dedupe(out, first_out);
    }
}

/// Whether the noun at `pos` (or the light-verb noun before it: بشن هجمات)
/// is the act a verb of threatening announces with ب, within four words.
fn threatened(ctx: &Ctx<'_>, pos: usize) -> bool {
    let g = ctx.g;
    let clause_start = ctx.clause_start[ctx.clause[pos]];
    // The ب-noun: the noun itself or up to four words before it, no actor
    // between (بشن مزيد من الهجمات).
    let Some(b) = (pos.saturating_sub(4).max(clause_start)..=pos).find(|&j| {
        ctx.arg_at[j].is_none()
            && clitic_prep(g, &ctx.tokens[j].key, 2).is_some_and(|p| g.clauses.bi.contains(p))
            && (j..pos).all(|m| ctx.arg_at[m].is_none())
    }) else {
        return false;
    };
    (clause_start..b).any(|v| is_verb_of(g, &g.verbs.threat, &ctx.tokens[v].key))
}

/// The actor that repels the attack noun at `pos` (a word of `verbs.repel`
/// right before it, or with ل: تصدى لهجوم): the repel verb's subject, before
/// it or right after it, or its clause's.
fn repeller(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let v = (pos.saturating_sub(3)..pos).rev().find(|&j| {
        ctx.arg_at[j].is_none() && g.verbs.repel.contains(g.strip_conj(&ctx.tokens[j].key))
    })?;
    // Only the attack's own words may come between (يصد الجيش هجوما).
    subject_before(ctx, v, 3)
        .or_else(|| direct_after(ctx, v + 1, 0).filter(|&a| ctx.args[a].end <= pos))
        .or_else(|| clause_subject(ctx, v))
}

/// Whether the clause of `pos` names a civil field of cooperation (في مجال
/// الصحة، في مجالات الزراعة والتعليم): a field noun followed by a civil
/// field, or by a word joined to one.
fn civil_field(ctx: &Ctx<'_>, pos: usize) -> bool {
    let g = ctx.g;
    let clause = ctx.clause[pos];
    (ctx.clause_start[clause]..ctx.tokens.len())
        .take_while(|&j| ctx.clause[j] == clause)
        .any(|j| {
            g.markers
                .field_heads
                .contains(g.strip_conj(&ctx.tokens[j].key))
                && ctx
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| g.markers.civil_fields.contains(g.strip_conj(&t.key)))
        })
}

/// Whether a trigger of another pattern covers `hit` and more words, or
/// more of its word: «تسلمت» is تسلّم (received) with ت, not سلّم
/// (delivered) behind a prefix ت. (Verbs only: a noun or preposition
/// trigger may share its word with another pattern's on purpose.)
pub(super) fn shadowed(ctx: &Ctx<'_>, hit: &Hit, patterns: &[Pattern]) -> bool {
    let verb = |h: &Hit| patterns[h.pattern].frame == Frame::Verb;
    (hit.first.saturating_sub(4)..=hit.first).any(|j| {
        ctx.hits[j].iter().any(|h| {
            h.pattern != hit.pattern
                && h.first <= hit.first
                && h.end >= hit.end
                && (h.end - h.first > hit.end - hit.first
                    || (h.first == hit.first
                        && h.end == hit.end
                        && verb(h)
                        && verb(hit)
                        && h.suffix == hit.suffix
                        && h.prefix.len() < hit.prefix.len()
                        && hit.prefix.starts_with(h.prefix.as_str())))
        })
    })
}

/// Where cues of modality before `pos` may stand: its clause, and the
/// clauses before it that introduce it through a complementizer (أن، إن).
pub(super) fn cue_scope(ctx: &Ctx<'_>, pos: usize) -> usize {
    let mut c = ctx.clause[pos];
    loop {
        let start = ctx.clause_start[c];
        let opener = ctx.g.strip_conj(&ctx.tokens[start].key);
        let opens_complement = ctx.g.clauses.complementizers.contains(opener)
            || ctx.g.clauses.explaining.contains(opener);
        if c == 0 || !opens_complement {
            return start;
        }
        c -= 1;
    }
}

/// The value of the date expression nearest to the trigger in its clause or
/// in a clause that introduces it (قدرت الاستخبارات في يوليو 2025 أن روسيا نشرت).
pub(super) fn nearest_date(ctx: &Ctx<'_>, dates: &[&dates::DateExpr], hit: &Hit) -> Option<String> {
    let clause = ctx.clause[hit.first];
    let scope = cue_scope(ctx, hit.first);
    // (Not the date of a relative clause set off around another word:
    // «وتضم الكونفدرالية، التي أعلنت في يوليو 2024، مالي …».)
    let elsewhere = |d: &dates::DateExpr| {
        relative_aside_around(ctx, d.first)
            .is_some_and(|(open, close)| hit.first < open || hit.first > close)
    };
    dates
        .iter()
        .filter(|d| ctx.clause[d.first] == clause || (d.first >= scope && d.first < hit.first))
        .filter(|d| !elsewhere(d))
        .min_by_key(|d| {
            if d.end <= hit.first {
                hit.first - d.end
            } else {
                d.first.saturating_sub(hit.end)
            }
        })
        .and_then(|d| d.value.clone())
}

/// Drops repeated statements of one sentence (same triple and polarity),
/// keeping the most confident, in text order.
pub(super) fn dedupe(out: &mut Vec<Statement>, from: usize) {
    let mut best: BTreeMap<(String, String, String, Polarity), usize> = BTreeMap::new();
    for (i, s) in out.iter().enumerate().skip(from) {
        let key = (
            s.subject.clone(),
            s.relation.clone(),
            s.object.clone(),
            s.polarity,
        );
        match best.get(&key) {
            Some(&j) if out[j].confidence >= s.confidence => {}
            _ => {
                best.insert(key, i);
            }
        }
    }
    let keep: std::collections::BTreeSet<usize> = best.into_values().collect();
    let mut i = 0;
    out.retain(|_| {
        let k = i < from || keep.contains(&i);
        i += 1;
        k
    });
}

/// The unit quantities give counted soldiers and fighters.
const FIGHTERS_UNIT: &str = "fighters";

/// Relations that are events of a day (not standing relations): in a wire's
/// lead without a date of their own they happened on the dateline's day.
const DATED_EVENTS: &[&str] = &[
    "attacked",
    "killed",
    "kidnapped",
    "captured",
    "blockaded",
    "withdrew-from",
    "expelled",
    "evacuated-from",
    "paid-ransom-to",
];

/// Relations between states and their bodies that a titled official
/// states for his state (ending an alliance, recalling envoys, expelling).
const STATE_ACTS: &[&str] = &["allied-with", "withdrew-from", "expelled"];

/// The id suffix of the patterns that read titles (member-of.title).
const TITLE_SUFFIX: &str = ".title";

/// Relations of a standing role: named by a preposition (بقيادة فلان) they
/// describe an actor in the writer's voice, with no date of their own.
const ROLE_RELATIONS: &[&str] = &["leads", "member-of", "affiliated-with"];

/// The longest name before the colon of an answer (الحسيني: …), in bytes.
const SPEAKER_MAX: usize = 60;

/// Whether the paragraph holding byte `at` answers a question in an
/// interview: the paragraph before it ends with a question mark, and this
/// one opens with a dash (- نحن …) or a short speaker's name and a colon
/// (الحسيني: …). Its relations are the interviewee's words, reported.
fn interview_answer(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 {
        return false;
    }
    let previous = text[..line_start - 1].trim_end();
    let previous = previous.rsplit('\n').next().unwrap_or(previous);
    if !previous.trim_end().ends_with(['؟', '?']) {
        return false;
    }
    let line = text[line_start..].trim_start();
    let dashed = line.starts_with(['-', '–', '—']);
    let speaker = line
        .char_indices()
        .take_while(|&(i, _)| i <= SPEAKER_MAX)
        .find(|&(_, c)| c == ':' || c == '.' || c == '،')
        .is_some_and(|(_, c)| c == ':');
    dashed || speaker
}

/// Classes of actors whose counted soldiers are theirs.
pub(super) const ARMED_CLASSES: &[&str] = &["ArmedForces", "ArmedGroup", "PrivateMilitaryCompany"];

/// Whether a result verb (أسفر عن، أودى بحياة، خلّف) stands before `pos` in
/// its clause, within three words.
fn result_marker_before(ctx: &Ctx<'_>, pos: usize) -> bool {
    let start = ctx.clause_start[ctx.clause[pos]].max(pos.saturating_sub(4));
    (start..pos).any(|j| {
        ctx.g
            .markers
            .result
            .contains(ctx.g.strip_conj(&ctx.tokens[j].key))
    })
}

/// «مقتل سبعة منهم»: a number right after the result noun at `pos`, then
/// «of them»: the counted victims are of the event's object.
fn victims_of_them(ctx: &Ctx<'_>, pos: usize) -> bool {
    let g = ctx.g;
    let counted = |j: usize| {
        ctx.tokens
            .get(j)
            .is_some_and(|t| super::qualifiers::quantities::number(g, t).is_some())
    };
    counted(pos)
        && ctx
            .tokens
            .get(pos + 1)
            .is_some_and(|t| g.markers.of_them.contains(&t.key))
}

/// The actor a sentence opens with as its topic, when the predicate at
/// `pos` comes after it and its comma: «في حالة X،», «بالنسبة لـX،»,
/// «أما X ف…» (grammar class `clauses.topicalizers`, read as the words
/// right before the actor). Nothing else but punctuation and conjunctions
/// may stand before the topicalizer.
fn topicalized(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let g = ctx.g;
    let a = (0..pos.min(8)).find_map(|j| ctx.arg_at[j])?;
    let first = ctx.args[a].first;
    let end = ctx.args[a].end;
    if end >= pos {
        return None;
    }
    // The words before the actor, without conjunctions: a topicalizer.
    let before: Vec<&str> = ctx.tokens[..first]
        .iter()
        .filter(|t| t.kind == TokKind::Arabic)
        .map(|t| g.strip_conj(&t.key))
        .collect();
    if before.is_empty() || !g.clauses.topicalizers.contains(&before.join(" ")) {
        return None;
    }
    // Set off by a comma (or ف after أما), with no other actor before the
    // predicate.
    let set_off = ctx.tokens.get(end).is_some_and(|t| is_comma(&t.key))
        || ctx
            .tokens
            .get(end)
            .is_some_and(|t| g.affixes.conjunctions.starts(&t.key));
    let alone = (end..pos).all(|j| ctx.arg_at[j].is_none());
    (set_off && alone).then_some(a)
}
