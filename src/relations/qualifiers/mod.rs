//! Qualifiers of a statement: polarity, modality (with the reported source),
//! dates and quantities, and the cue lists they read.

pub(super) mod cues;
pub(super) mod dates;
pub(super) mod modality;
pub(super) mod polarity;
pub(super) mod quantities;
