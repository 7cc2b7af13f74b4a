//! The frames: how each kind of trigger (verb, verbal noun, participle,
//! preposition, title) finds its subject and object. One file per family.

mod noun;
mod participle;
mod prep;
mod title;
mod verb;

use super::*;

impl Extractor {
    /// Fills the arguments of one trigger according to its pattern's frame.
    pub(super) fn frame(
        &self,
        p: &Pattern,
        hit: &Hit,
        ctx: &Ctx<'_>,
        topics: &[Topic],
        sentence: usize,
    ) -> Found {
        if !p.after_verbs.is_empty() && !after_verb(p, hit, ctx) {
            return Found::default();
        }
        match p.frame {
            Frame::Verb => self.verb_frame(p, hit, ctx, topics, sentence),
            Frame::Noun | Frame::Between => self.noun_frame(p, hit, ctx, topics, sentence),
            Frame::ActiveParticiple | Frame::PassiveParticiple => {
                self.participle_frame(p, hit, ctx)
            }
            Frame::Prep => self.prep_frame(p, hit, ctx, topics, sentence),
            Frame::Title => self.title_frame(p, hit, ctx, topics, sentence),
        }
    }
}

/// Whether a verb of the pattern's `after-verbs` comes before the trigger in
/// its clause, within eight words.
fn after_verb(p: &Pattern, hit: &Hit, ctx: &Ctx<'_>) -> bool {
    let stems: Vec<String> = p.after_verbs.iter().map(|s| fold(s)).collect();
    (hit.first.saturating_sub(8)..hit.first)
        .rev()
        .take_while(|&j| same_clause(ctx, j, hit.first))
        .any(|j| ctx.arg_at[j].is_none() && is_verb_of(ctx.g, &stems, &ctx.tokens[j].key))
}
