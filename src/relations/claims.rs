//! Claims and attributions of an event told before: «وتبنى تنظيم "ولاية
//! سيناء" الهجوم»، «ونسبت السلطات الهجوم إلى جماعة …»، «وحمّلت السلطات
//! المسؤولية لـ"جيش تحرير أورومو"». The attack, killing or kidnapping was
//! stated earlier (often by unnamed gunmen); the claim names its author.
//! Each statement of that event is stated again with the claimant as its
//! subject, reported (a claim is someone's word), with the claim's sentence
//! as evidence.

use super::*;

/// The relations a claim of responsibility takes over from the event it
/// names: the attack and what it did.
const CLAIMED: &[&str] = &["attacked", "killed", "kidnapped"];

/// How many sentences back the claimed event may be.
const CLAIM_REACH: usize = 3;

/// A claim found in a sentence: who claims (or is named as the author) and
/// the words that say it.
pub(super) struct Claim {
    claimants: Vec<Ent>,
    /// Token range of the claim, from its verb to its claimant.
    first: usize,
    end: usize,
}

/// The claims of a sentence.
pub(super) fn claims(ctx: &Ctx<'_>, fits: &dyn Fn(&Arg) -> bool) -> Vec<Claim> {
    let g = ctx.g;
    let mut out = Vec::new();
    for v in 0..ctx.tokens.len() {
        if ctx.arg_at[v].is_some() || ctx.tokens[v].kind != TokKind::Arabic {
            continue;
        }
        let key = ctx.tokens[v].key.as_str();
        // The verb with an object pronoun (نسبته، نسبتها: the event named
        // before it).
        let (verb, pronoun) = match attribution_with_pronoun(g, key) {
            Some(rest) => (rest, true),
            None => (key, false),
        };
        if is_verb_of(g, &g.verbs.claim, verb) {
            // «وتبنى التنظيم الهجوم» (the claimant after the verb) or
            // «التنظيم تبنى الهجوم»; the claimed event right after.
            let (claimant, from) = match direct_after(ctx, v + 1, 1) {
                Some(a) => (Some(a), ctx.args[a].end),
                None => (subject_before(ctx, v, 2), v + 1),
            };
            let Some(a) = claimant.filter(|&a| fits(&ctx.args[a])) else {
                continue;
            };
            // (Past the claimant's apposition: «وتبنى تنظيم "ولاية خراسان"،
            // فرع تنظيم الدولة في أفغانستان، الهجوم».)
            let from = past_apposition(ctx, from);
            if event_noun_after(ctx, from, 2).is_some() {
                out.push(Claim {
                    claimants: conjuncts_forward(ctx, a).ents(ctx),
                    first: v,
                    end: ctx.args[a].end.max(v + 1),
                });
            }
        } else if is_verb_of(g, &g.verbs.attribution, verb) {
            // «ونسبت السلطات الهجوم إلى …»، «في هجوم نسبته الحكومة إلى …»،
            // «وحمّلت السلطات المسؤولية لـ…»: the event (or the
            // responsibility) is the object; the author stands behind إلى
            // or لـ after it.
            let from = if pronoun {
                Some(v + 1)
            } else {
                // Past the verb's own subject (السلطات، الرئيس فلان).
                let start = direct_after(ctx, v + 1, 2).map_or(v + 1, |a| ctx.args[a].end);
                event_noun_after(ctx, start, 3)
                    .or_else(|| responsibility_after(ctx, start, 3))
                    .map(|n| n + 1)
            };
            let Some(from) = from else {
                continue;
            };
            if let Some(a) =
                object_after(ctx, from, g.clauses.attribution_preps.as_slice(), 3, fits)
            {
                out.push(Claim {
                    claimants: [a].ents(ctx),
                    first: v,
                    end: ctx.args[a].end,
                });
            }
        }
    }
    out
}

/// The definite event noun (الهجوم، الهجمات، العملية …: grammar class
/// `nouns.events`) within `max_gap` plain words after `pos`, if any.
fn event_noun_after(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    word_after(ctx, pos, max_gap, |k| {
        ctx.g.definite(ctx.g.strip_conj(k)) && ctx.g.noun_of(&ctx.g.nouns.events, k)
    })
}

/// «المسؤولية» within `max_gap` plain words after `pos`.
fn responsibility_after(ctx: &Ctx<'_>, pos: usize, max_gap: usize) -> Option<usize> {
    word_after(ctx, pos, max_gap, |k| {
        ctx.g.markers.responsibility.contains(ctx.g.strip_conj(k))
    })
}

fn word_after(
    ctx: &Ctx<'_>,
    pos: usize,
    max_gap: usize,
    is: impl Fn(&str) -> bool,
) -> Option<usize> {
    let mut gap = 0;
    for j in pos..ctx.tokens.len() {
        let t = &ctx.tokens[j];
        if t.kind == TokKind::Punct && QUOTES.contains(&t.key.as_str()) {
            continue;
        }
        if ctx.arg_at[j].is_some() || t.kind == TokKind::Punct {
            return None;
        }
        if is(&t.key) {
            return Some(j);
        }
        gap += 1;
        if gap > max_gap {
            return None;
        }
    }
    None
}

impl Extractor {
    /// States again, with each claimant as subject, the statements of the
    /// latest event (attack, killing, kidnapping) told in the sentences
    /// before the claim (at most [`CLAIM_REACH`] back) or earlier in its own
    /// sentence. A negated claim (لم تتبن أي جهة الهجوم) states nothing.
    pub(super) fn claimed(&self, ctx: &Ctx<'_>, sentence: &Sentence, out: &mut Vec<Statement>) {
        // A claimant may author one of the claimed events.
        let fits = |a: &Arg| {
            CLAIMED.iter().any(|r| {
                let (domain, _) = self.signature(r);
                !domain.is_empty() && self.is_a(&a.class, domain)
            })
        };
        // Nothing to claim without an event told within reach (most
        // sentences): the claims are not even looked for.
        let told = out
            .iter()
            .rev()
            .take_while(|s| s.evidence.index + CLAIM_REACH >= sentence.index)
            .any(|s| CLAIMED.contains(&s.relation.as_str()));
        if !told {
            return;
        }
        for claim in claims(ctx, &fits) {
            if self.polarity_at(ctx, claim.first) == Polarity::Neg {
                continue;
            }
            let (modality, source) = self.modality_at(ctx, claim.first, claim.end);
            let modality = match modality {
                Modality::Hedged => Modality::Hedged,
                _ => Modality::Reported,
            };
            let start = ctx.tokens[claim.first].span.start;
            let told_before = |s: &Statement| {
                CLAIMED.contains(&s.relation.as_str())
                    && s.evidence.index + CLAIM_REACH >= sentence.index
                    && (s.evidence.index < sentence.index
                        || (s.evidence.index == sentence.index && s.evidence.focus.end <= start))
            };
            let Some(latest) = out
                .iter()
                .rev()
                .find(|s| told_before(s))
                .map(|s| s.evidence.index)
            else {
                continue;
            };
            let focus = ctx.tokens[claim.first]
                .span
                .cover(ctx.tokens[claim.end - 1].span);
            let mut added = Vec::new();
            for s in out
                .iter()
                .filter(|s| told_before(s) && s.evidence.index == latest)
            {
                for c in &claim.claimants {
                    let (domain, _) = self.signature(&s.relation);
                    if c.actor == s.subject || c.actor == s.object || !self.is_a(&c.class, domain) {
                        continue;
                    }
                    added.push(Statement {
                        subject: c.actor.clone(),
                        polarity: s.polarity,
                        modality,
                        quantities: Vec::new(),
                        attributed_to: source.map(|sp| sp.of(ctx.text).to_string()),
                        evidence: Evidence {
                            index: sentence.index,
                            sentence: sentence.span.of(ctx.text).to_string(),
                            span: sentence.span,
                            focus,
                        },
                        pattern: CLAIM_PATTERN.to_string(),
                        confidence: ((s.confidence * 0.85).clamp(0.2, 0.99) * 100.0).round()
                            / 100.0,
                        ..s.clone()
                    });
                }
            }
            out.extend(added);
        }
    }
}

/// The pattern name recorded on claimed statements.
pub(super) const CLAIM_PATTERN: &str = "claimed-event";

/// The pattern name recorded on statements of a suspected affiliation.
pub(super) const SUSPECTED_PATTERN: &str = "suspected-agent";

/// The group an unnamed agent at `a` (مسلحون، انتحاري) is said to belong
/// to right after it: «مسلحين يشتبه في انتمائهم إلى حركة الشباب»،
/// «مسلحون يُعتقد أنهم من "ولاية الساحل"»، «مسلحون ينتمون إلى …». Only
/// the words of `markers.belonging` and `markers.suspicion` may come
/// between; the second tells whether the link is only suspected. A verb of
/// saying (`markers.belonging-said`) and its speaker may open the link
/// («مسلحين قالت السلطات إنهم ينتمون إلى التنظيم»): the speaker is no
/// armed group, and the link must follow.
pub(super) fn belongs_to(ctx: &Ctx<'_>, a: usize) -> Option<(usize, bool)> {
    let g = ctx.g;
    let mut suspected = false;
    let mut linked = false;
    let mut said = false;
    let end = ctx.tokens.len().min(ctx.args[a].end + 8);
    let mut j = ctx.args[a].end;
    while j < end {
        if let Some(b) = ctx.arg_at[j] {
            if said && !linked && ctx.args[b].class != "ArmedGroup" {
                // The speaker of the verb of saying.
                said = false;
                j = ctx.args[b].end;
                continue;
            }
            return (linked && ctx.args[b].first == j && ctx.args[b].class == "ArmedGroup")
                .then_some((b, suspected));
        }
        let k = ctx.tokens[j].key.as_str();
        if QUOTES.contains(&k) {
            j += 1;
            continue;
        }
        if g.markers.suspicion.contains(k) {
            suspected = true;
        } else if g.markers.belonging.contains(g.strip_conj(k)) {
            linked = true;
        } else if linked && g.nouns.group_heads.contains(k) {
            // The group noun before a name that leaves it out (تنظيم ولاية الساحل).
        } else if !linked && j == ctx.args[a].end && g.markers.belonging_said.contains(k) {
            said = true;
        } else if said && !linked && g.definite(k) {
            // A speaker the recognizer does not name (قالت السلطات).
            said = false;
        } else {
            return None;
        }
        j += 1;
    }
    None
}

impl Extractor {
    /// States again, with the group it is said to belong to as subject, the
    /// statements of this sentence (from `from` in `out`) whose subject is
    /// an unnamed agent followed by its affiliation (مسلحين يشتبه في
    /// انتمائهم إلى حركة الشباب): hedged when only suspected.
    pub(super) fn suspected(&self, ctx: &Ctx<'_>, out: &mut Vec<Statement>, from: usize) {
        let mut added = Vec::new();
        for (a, arg) in ctx.args.iter().enumerate() {
            if !arg.actor.contains(crate::mentions::mint::UNNAMED) {
                continue;
            }
            let Some((b, suspected)) = belongs_to(ctx, a) else {
                continue;
            };
            let group = &ctx.args[b];
            for s in out[from..].iter().filter(|s| s.subject == arg.actor) {
                let (domain, _) = self.signature(&s.relation);
                if s.object == group.actor || !self.is_a(&group.class, domain) {
                    continue;
                }
                added.push(Statement {
                    subject: group.actor.clone(),
                    modality: if suspected {
                        Modality::Hedged
                    } else {
                        s.modality
                    },
                    pattern: SUSPECTED_PATTERN.to_string(),
                    confidence: ((s.confidence * 0.85).clamp(0.2, 0.99) * 100.0).round() / 100.0,
                    evidence: Evidence {
                        focus: s.evidence.focus.cover(group.span),
                        ..s.evidence.clone()
                    },
                    ..s.clone()
                });
            }
        }
        out.extend(added);
    }
}

/// Past an apposition set off by commas that opens at `pos` (at most
/// [`APPOSITION_MAX`] tokens, no clause punctuation inside): the token after
/// its closing comma; `pos` itself when none opens there.
fn past_apposition(ctx: &Ctx<'_>, pos: usize) -> usize {
    if !ctx.tokens.get(pos).is_some_and(|t| is_comma(&t.key)) {
        return pos;
    }
    (pos + 2..ctx.tokens.len().min(pos + APPOSITION_MAX))
        .take_while(|&j| !CLAUSE_PUNCT.contains(&ctx.tokens[j].key.as_str()))
        .find(|&j| is_comma(&ctx.tokens[j].key))
        .map_or(pos, |j| j + 1)
}

/// The longest apposition a claim reads past.
const APPOSITION_MAX: usize = 12;
