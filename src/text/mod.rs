//! The one text model: a fold for matching ([`fold()`]) and tokens with byte
//! spans into the original text (`tokens`). Recognition, relations and
//! graph lookup all match on this fold, so a cue, an alias and a trigger
//! written in any spelling meet in the same key.

pub mod bytes;
pub mod fold;
pub(crate) mod tokens;
pub mod translit;

pub use fold::{Normalized, fold, is_arabic_letter, key_of, match_key};
