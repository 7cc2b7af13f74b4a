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
