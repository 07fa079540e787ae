//! The analysis in bounded slices: one path for every reader.
//!
//! [`Stepper`] runs the engine's stages — tokenizing, the per-text tables, attribution sentence
//! by sentence, the quantity scan token by token, building the claims — a bounded amount of
//! work per [`Stepper::step`], keeping what carries across (the entity memory, the interview's
//! state, the statements and quantities so far) in between. Each stage's state is the very
//! state its one-go loop keeps, and [`crate::engine::analyze`] is this stepper run with no
//! bound: however a text is split into steps, its claims are byte for byte those of the whole
//! text (`tests/stepper.rs` checks many budgets on long texts). The widget analyses long
//! articles this way so that no task blocks the page for long.

use super::text::{Detached, Doc};
use super::{Analysis, Lang, attribution, build, quantity};

/// Where a [`Run`] stands.
enum Phase {
    /// Nothing done yet.
    Start,
    /// The text is tokenized.
    Tokenized(Detached),
    /// Attribution is under way.
    /// (The finder and the scanner are boxed: the phase moves on every step.)
    Attribution(Detached, Box<attribution::Finder>),
    /// Statements found; the quantity scan's tables are next.
    Attributed(Detached, Vec<attribution::Found>),
    /// The quantity scan is under way.
    Quantities(Detached, Vec<attribution::Found>, Box<quantity::Scanner>),
    /// Statements and quantities found (the token tables are gone): the claims are next.
    Found(Vec<attribution::Found>, Vec<quantity::Found>),
    Done(Analysis),
    /// Only between the two halves of a step.
    Taken,
}

/// The state of one analysis, without its text: each call is given the text it was made for.
pub(crate) struct Run {
    lang: Lang,
    phase: Phase,
}

impl Run {
    pub(crate) fn new(text: &str, lang: Option<Lang>) -> Run {
        Run {
            lang: lang.unwrap_or_else(|| Lang::detect(text)),
            phase: Phase::Start,
        }
    }

    /// One stage's bounded work (see [`Stepper::step`]); `text` is the text of [`Run::new`].
    /// Returns whether the analysis is complete.
    pub(crate) fn step(&mut self, text: &str, budget: usize) -> bool {
        let lang = self.lang;
        let attach = |d: Detached| d.attach(text);
        self.phase = match std::mem::replace(&mut self.phase, Phase::Taken) {
            Phase::Start => {
                Phase::Tokenized(Doc::new(text, attribution::abbreviations(lang)).detach())
            }
            Phase::Tokenized(d) => {
                let doc = attach(d);
                let f = Box::new(attribution::Finder::new(&doc, lang));
                Phase::Attribution(doc.detach(), f)
            }
            Phase::Attribution(d, mut f) => {
                let doc = attach(d);
                if f.step(&doc, budget) {
                    Phase::Attributed(doc.detach(), (*f).finish())
                } else {
                    Phase::Attribution(doc.detach(), f)
                }
            }
            Phase::Attributed(d, statements) => {
                let doc = attach(d);
                let q = Box::new(quantity::Scanner::new(&doc, lang));
                Phase::Quantities(doc.detach(), statements, q)
            }
            Phase::Quantities(d, statements, mut q) => {
                let doc = attach(d);
                if q.step(&doc, budget) {
                    // The token tables are the largest structure: they are gone before the
                    // claims are built, so the two never add up in the peak working set.
                    drop(doc);
                    Phase::Found(statements, (*q).finish())
                } else {
                    Phase::Quantities(doc.detach(), statements, q)
                }
            }
            Phase::Found(statements, quantities) => {
                Phase::Done(build(lang, statements, quantities))
            }
            done @ (Phase::Done(_) | Phase::Taken) => done,
        };
        matches!(self.phase, Phase::Done(_) | Phase::Taken)
    }

    /// The analysis, completing what is left of it.
    pub(crate) fn finish(mut self, text: &str) -> Analysis {
        while !self.step(text, usize::MAX) {}
        match self.phase {
            Phase::Done(a) => a,
            _ => Analysis {
                lang: self.lang,
                claims: Vec::new(),
            },
        }
    }
}

/// An analysis of one text in bounded steps, equal to [`crate::engine::analyze`] of the whole
/// text whatever the steps' budgets (see the module's documentation).
///
/// ```
/// use claimlens::engine::{Stepper, analyze};
/// let text = "De minister zegt dat 40 procent van de scholen sluit.";
/// let mut s = Stepper::new(text.to_string(), None);
/// while !s.step(100) {}
/// assert_eq!(s.finish().0, analyze(text, None));
/// ```
pub struct Stepper {
    text: String,
    run: Run,
}

impl Stepper {
    /// A stepper over `text` (kept until [`Stepper::finish`] gives it back); `lang` of `None`
    /// means: detect the language (which reads at most the text's first 2,000 words).
    pub fn new(text: String, lang: Option<Lang>) -> Stepper {
        let run = Run::new(&text, lang);
        Stepper { text, run }
    }

    /// The language analysed in.
    pub fn lang(&self) -> Lang {
        self.run.lang
    }

    /// Whether the analysis is complete ([`Stepper::finish`] then does no work).
    pub fn is_done(&self) -> bool {
        matches!(self.run.phase, Phase::Done(_) | Phase::Taken)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Does a bounded amount of work and returns whether the analysis is complete. A step does
    /// one of: tokenizing the text; the per-text word tables; the next sentences of attribution
    /// until `budget` tokens have been read (at least one sentence); the quantity scan's next
    /// `budget` tokens (at least one); building the claims. The first two and the last are one
    /// pass over the text or the claims whatever the budget.
    pub fn step(&mut self, budget: usize) -> bool {
        self.run.step(&self.text, budget)
    }

    /// The analysis (completing what the steps left) and the text.
    pub fn finish(self) -> (Analysis, String) {
        let analysis = self.run.finish(&self.text);
        (analysis, self.text)
    }
}
