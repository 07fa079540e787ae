//! Confidence: one small pure function per claim kind, from named features.
//!
//! The weights are hand-set priors, not fitted: their order follows how reliable each signal is
//! in the attribution literature's source–cue–content model (an explicit cue and a named source
//! are the strongest evidence, a bare pronoun or a missing cue the weakest) and was checked
//! against the seed article's annotation. Refit them once more annotated articles exist; keep
//! every result in [0, 1].

use super::attribution::SourceKind;
use super::quantity::Form;

/// The features of a statement that its confidence is computed from.
#[derive(Clone, Copy, Debug)]
pub struct StatementFeatures {
    pub explicit_cue: bool,
    pub source: Option<SourceKind>,
    pub direct: bool,
    pub hedged: bool,
    /// No cue of its own: continues the speaker of the sentence before.
    pub continued: bool,
}

/// Where every statement starts: an even chance before any evidence.
const STATEMENT_BASE: f32 = 0.5;
/// A speech verb or `volgens` ties the source to the content directly.
const EXPLICIT_CUE: f32 = 0.25;
/// Carried over from the sentence before: right most of the time, but nothing in the sentence
/// itself says so.
const CONTINUED: f32 = -0.05;
const NAMED_SOURCE: f32 = 0.15;
const DESCRIBED_SOURCE: f32 = 0.05;
/// A resolved description is as good as a named source only when the antecedent is close.
const RESOLVED_SOURCE: f32 = 0.12;
const RESOLUTION_DECAY_PER_SENTENCE: f32 = 0.02;
const RESOLUTION_DECAY_MAX: f32 = 0.1;
const UNRESOLVED_PRONOUN: f32 = -0.15;
const NO_SOURCE: f32 = -0.3;
/// Quote marks fix the words; the boundaries of indirect speech are a guess.
const DIRECT_QUOTE: f32 = 0.05;
/// The reporter does not vouch for it.
const HEDGED: f32 = -0.1;

pub fn statement(f: StatementFeatures) -> (f32, Vec<&'static str>) {
    let mut c = STATEMENT_BASE;
    let mut reasons = Vec::with_capacity(4);
    if f.explicit_cue {
        c += EXPLICIT_CUE;
        reasons.push("explicit cue");
    } else if f.continued {
        c += CONTINUED;
        reasons.push("no cue: continues previous speaker");
    } else {
        reasons.push("no cue");
    }
    match f.source {
        Some(SourceKind::Named) => {
            c += NAMED_SOURCE;
            reasons.push("named source");
        }
        Some(SourceKind::Description) => {
            c += DESCRIBED_SOURCE;
            reasons.push("described source");
        }
        Some(SourceKind::Resolved { distance } | SourceKind::ResolvedPronoun { distance }) => {
            c += RESOLVED_SOURCE
                - (distance as f32 * RESOLUTION_DECAY_PER_SENTENCE).min(RESOLUTION_DECAY_MAX);
            reasons.push("resolved description");
            if distance > 2 {
                reasons.push("antecedent far back");
            }
        }
        Some(SourceKind::Pronoun) => {
            c += UNRESOLVED_PRONOUN;
            reasons.push("unresolved pronoun");
        }
        None => {
            c += NO_SOURCE;
            reasons.push("no source");
        }
    }
    if f.direct {
        c += DIRECT_QUOTE;
        reasons.push("direct quote");
    }
    if f.hedged {
        c += HEDGED;
        reasons.push("hedged");
    }
    (c.clamp(0.0, 1.0), reasons)
}

/// The features of a quantity that its confidence is computed from.
#[derive(Clone, Copy, Debug)]
pub struct QuantityFeatures {
    pub form: Form,
    pub approximate: bool,
    pub ordinal: bool,
    /// The confidence of the statement the quantity lies in, if any.
    pub statement: Option<f32>,
}

/// Digits leave little doubt about the value; number words a little more (compounds, `een`);
/// vague plurals only give a range.
const DIGITS: f32 = 0.95;
const WORDS: f32 = 0.9;
const VAGUE: f32 = 0.7;
/// Bound words are read right, but the bound kind (`ruim` vs `zo'n`) is easy to get wrong.
const APPROXIMATE: f32 = -0.05;
/// An ordinal names a position, not a count: often not a checkable number at all.
const ORDINAL: f32 = -0.3;

pub fn quantity(f: QuantityFeatures) -> (f32, Vec<&'static str>) {
    let mut reasons = Vec::with_capacity(4);
    let mut c = match f.form {
        Form::Digits => {
            reasons.push("digits");
            DIGITS
        }
        Form::Words => {
            reasons.push("number words");
            WORDS
        }
        Form::Vague => {
            reasons.push("vague quantity");
            VAGUE
        }
    };
    if f.approximate && f.form != Form::Vague {
        c += APPROXIMATE;
        reasons.push("approximate");
    }
    if f.ordinal {
        c += ORDINAL;
        reasons.push("ordinal");
    }
    // Value and source must both be right: the source comes from the statement around it.
    match f.statement {
        Some(s) => {
            c *= s;
            reasons.push("source from statement");
        }
        None => reasons.push("no source"),
    }
    (c.clamp(0.0, 1.0), reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_confidence_orders_evidence() {
        let f = |cue, source, direct, hedged, continued| {
            statement(StatementFeatures {
                explicit_cue: cue,
                source,
                direct,
                hedged,
                continued,
            })
            .0
        };
        let named = f(true, Some(SourceKind::Named), true, false, false);
        let resolved = f(
            true,
            Some(SourceKind::Resolved { distance: 1 }),
            true,
            false,
            false,
        );
        let far = f(
            true,
            Some(SourceKind::Resolved { distance: 9 }),
            true,
            false,
            false,
        );
        let continued = f(
            false,
            Some(SourceKind::Resolved { distance: 1 }),
            true,
            false,
            false,
        );
        let hedged = f(true, Some(SourceKind::Named), true, true, false);
        let pronoun = f(true, Some(SourceKind::Pronoun), false, false, false);
        assert!(
            named > resolved && resolved > far && far > continued,
            "{named} {resolved} {far} {continued}"
        );
        assert!(named > hedged && continued > pronoun);
        for v in [
            named,
            resolved,
            far,
            continued,
            hedged,
            pronoun,
            f(false, None, false, true, false),
        ] {
            assert!((0.0..=1.0).contains(&v));
        }
    }

    #[test]
    fn quantity_confidence_orders_forms() {
        let f = |form, statement| {
            quantity(QuantityFeatures {
                form,
                approximate: false,
                ordinal: false,
                statement,
            })
            .0
        };
        assert!(f(Form::Digits, None) > f(Form::Words, None));
        assert!(f(Form::Words, None) > f(Form::Vague, None));
        assert!(f(Form::Digits, Some(0.5)) < f(Form::Digits, None));
    }
}
