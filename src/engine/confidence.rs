//! Confidence: one small pure function per claim kind, from named features.
//!
//! Each function is a lookup fitted on the development set (tests/devset, 24 articles when
//! fitted): `cargo run --release --example calibrate` labels every predicted claim right or
//! wrong with the scorer's criteria and prints the accuracy per feature bucket; each constant
//! below is that bucket's Laplace-smoothed accuracy, (right + 1) / (count + 2), with the counts
//! in its comment. Features with too few examples to fit on their own (direct quote, hedging,
//! competing candidates, distance) are reported in `reasons` and lower the score by a small
//! documented amount. Refit when the dev set or the engine changes; docs/calibration.md holds the
//! reliability table.

use super::attribution::SourceKind;
use super::quantity::Form;
use super::{Reason, Reasons};

/// The features of a statement that its confidence is computed from.
#[derive(Clone, Copy, Debug)]
pub struct StatementFeatures {
    pub explicit_cue: bool,
    pub source: Option<SourceKind>,
    pub direct: bool,
    pub hedged: bool,
    /// No cue of its own: continues the speaker of the sentence before.
    pub continued: bool,
    /// Other entities that fitted the resolution nearly as well.
    pub competitors: usize,
}

/// Explicit cue, named source: 108 right of 110.
const CUE_NAMED: f32 = 0.973;
/// Explicit cue, a description resolved to a name: 74 of 84.
const CUE_RESOLVED: f32 = 0.872;
/// Explicit cue, a pronoun resolved to a name: 44 of 52.
const CUE_PRONOUN: f32 = 0.833;
/// Explicit cue, a description with nothing to resolve it to (`de politie`): 28 of 32.
const CUE_DESCRIBED: f32 = 0.853;
/// No cue, continuing a named speaker (or an interviewee answering): 31 of 32.
const CONTINUED_NAMED: f32 = 0.941;
/// No cue, continuing a resolved or described speaker: 14 of 17.
const CONTINUED_RESOLVED: f32 = 0.789;
/// A pronoun with nothing to resolve it to: 0 of 2.
const PRONOUN: f32 = 0.25;
/// No source at all: 0 of 8.
const NO_SOURCE: f32 = 0.1;
/// Each competing antecedent within two sentences (not fitted: a prior, capped below).
const COMPETITOR: f32 = 0.03;
/// A resolution more than three sentences back (not fitted: a prior).
const FAR_BACK: f32 = 0.05;

pub fn statement(f: StatementFeatures) -> (f32, Reasons) {
    let mut reasons = Reasons::default();
    reasons.insert(if f.explicit_cue {
        Reason::ExplicitCue
    } else if f.continued {
        Reason::ContinuesSpeaker
    } else {
        Reason::NoCue
    });
    let cue = f.explicit_cue;
    let (mut c, kind) = match f.source {
        Some(SourceKind::Named) => (
            if cue { CUE_NAMED } else { CONTINUED_NAMED },
            Reason::NamedSource,
        ),
        Some(SourceKind::Description) => (
            if cue {
                CUE_DESCRIBED
            } else {
                CONTINUED_RESOLVED
            },
            Reason::DescribedSource,
        ),
        Some(SourceKind::Resolved { .. }) => (
            if cue {
                CUE_RESOLVED
            } else {
                CONTINUED_RESOLVED
            },
            Reason::ResolvedDescription,
        ),
        Some(SourceKind::ResolvedPronoun { .. }) => (
            if cue { CUE_PRONOUN } else { CONTINUED_RESOLVED },
            Reason::ResolvedPronoun,
        ),
        Some(SourceKind::Pronoun) => (PRONOUN, Reason::UnresolvedPronoun),
        None => (NO_SOURCE, Reason::NoSource),
    };
    reasons.insert(kind);
    if let Some(SourceKind::Resolved { distance } | SourceKind::ResolvedPronoun { distance }) =
        f.source
        && distance > 3
    {
        c -= FAR_BACK;
        reasons.insert(Reason::AntecedentFarBack);
    }
    if f.competitors > 0 {
        c -= COMPETITOR * f.competitors.min(3) as f32;
        reasons.insert(Reason::CompetingCandidates);
    }
    if f.direct {
        reasons.insert(Reason::DirectQuote);
    }
    if f.hedged {
        reasons.insert(Reason::Hedged);
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

/// Digits, no statement around them (value right and source null): 28 of 37.
const DIGITS_ALONE: f32 = 0.744;
/// Number words, no statement around them: 26 of 35.
const WORDS_ALONE: f32 = 0.730;
/// A vague plural (`tientallen`), no statement around it: 5 of 5.
const VAGUE_ALONE: f32 = 0.857;
/// Inside a statement the value must be right and the statement's source too: the value's
/// own accuracy times the statement's confidence. Each factor is the bucket's accuracy divided
/// by the mean confidence of the statements around it (digits 79 of 91, words 51 of 73, vague
/// 5 of 5, smoothed): number words are more often misread or half-annotated than digits.
const DIGITS_VALUE: f32 = 0.97;
const WORDS_VALUE: f32 = 0.78;
const VAGUE_VALUE: f32 = 0.95;
/// An ordinal (`derde`) is seldom an annotated count.
const ORDINAL: f32 = 0.55;

pub fn quantity(f: QuantityFeatures) -> (f32, Reasons) {
    let mut reasons = Reasons::default();
    let (alone, value) = match f.form {
        Form::Digits => {
            reasons.insert(Reason::Digits);
            (DIGITS_ALONE, DIGITS_VALUE)
        }
        Form::Words => {
            reasons.insert(Reason::NumberWords);
            (WORDS_ALONE, WORDS_VALUE)
        }
        Form::Vague => {
            reasons.insert(Reason::VagueQuantity);
            (VAGUE_ALONE, VAGUE_VALUE)
        }
    };
    let mut c = match f.statement {
        Some(s) => {
            reasons.insert(Reason::SourceFromStatement);
            value * s
        }
        None => {
            reasons.insert(Reason::NoSource);
            alone
        }
    };
    if f.approximate && f.form != Form::Vague {
        reasons.insert(Reason::Approximate);
    }
    if f.ordinal {
        c = c.min(ORDINAL);
        reasons.insert(Reason::Ordinal);
    }
    (c.clamp(0.0, 1.0), reasons)
}

#[cfg(test)]
mod tests {
    use crate::engine::{Reason, Reasons};

    #[test]
    fn reasons_keep_their_reading_order() {
        let r: Reasons = [
            Reason::Hedged,
            Reason::NoSource,
            Reason::Digits,
            Reason::Approximate,
        ]
        .into_iter()
        .collect();
        assert_eq!(
            r.iter().collect::<Vec<_>>(),
            [
                Reason::Digits,
                Reason::NoSource,
                Reason::Hedged,
                Reason::Approximate
            ]
        );
        assert_eq!(r.len(), 4);
        assert!(r.contains(Reason::Digits) && !r.contains(Reason::Ordinal));
        assert_eq!(
            format!("{r:?}"),
            r#"["digits", "no source", "hedged", "approximate"]"#
        );
    }

    /// The codes are the wire format: one per reason, none the same.
    #[test]
    fn reason_codes_are_distinct() {
        let codes: std::collections::HashSet<_> = Reason::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), Reason::ALL.len());
        assert!(!codes.contains(""));
    }

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
                competitors: 0,
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
        assert!(named >= hedged && continued > pronoun);
        let (_, reasons) = statement(StatementFeatures {
            explicit_cue: true,
            source: Some(SourceKind::Named),
            direct: true,
            hedged: true,
            continued: false,
            competitors: 2,
        });
        assert!(reasons.contains(Reason::Hedged) && reasons.contains(Reason::CompetingCandidates));
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
        assert!(f(Form::Digits, Some(0.9)) > f(Form::Words, Some(0.9)));
        // Fitted: number words inside statements are misread more often than vague plurals.
        assert!(f(Form::Vague, Some(0.9)) > f(Form::Words, Some(0.9)));
        assert!(f(Form::Digits, Some(0.5)) < f(Form::Digits, None));
    }
}
