//! Qualifiers of a statement: polarity, modality (with the reported source),
//! dates and quantities, and the cue lists they read.

pub(super) mod cues;
pub(super) mod dates;
pub(super) mod modality;
pub(super) mod polarity;
pub(super) mod quantities;

use std::cell::Cell;

/// Answers about each token of a sentence that the qualifiers of every
/// trigger in it ask again (is it a reporting word, a hedge, a negator
/// opening a clause), each computed when first asked.
pub(crate) struct TokenMarks {
    pub(crate) report: Lazy,
    pub(crate) hedge: Lazy,
    pub(crate) negation: Lazy,
}

impl TokenMarks {
    /// Nothing known yet about `n` tokens.
    pub(crate) fn new(n: usize) -> TokenMarks {
        TokenMarks {
            report: Lazy::new(n),
            hedge: Lazy::new(n),
            negation: Lazy::new(n),
        }
    }
}

/// One yes-or-no answer per token, computed when first asked (0: not yet,
/// 1: no, 2: yes).
pub(crate) struct Lazy(Vec<Cell<u8>>);

impl Lazy {
    fn new(n: usize) -> Lazy {
        Lazy(vec![Cell::new(0); n])
    }

    /// The answer for token `i`, from `f` the first time.
    pub(crate) fn get(&self, i: usize, f: impl FnOnce() -> bool) -> bool {
        match self.0[i].get() {
            0 => {
                let yes = f();
                self.0[i].set(1 + u8::from(yes));
                yes
            }
            known => known == 2,
        }
    }
}
