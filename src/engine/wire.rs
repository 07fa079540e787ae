//! The JSON shape of claims that the CLI prints and the JavaScript API returns
//! (the contract in shared/corpus/README.md). Offsets are converted here, once.

use super::offsets::{OffsetIndex, Unit};
use super::{Analysis, Claim, ClaimKind, Reason, Span};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WireAnalysis {
    pub lang: &'static str,
    pub claims: Vec<WireClaim>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WireClaim {
    pub kind: &'static str,
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(flatten)]
    pub detail: WireDetail,
    pub source: Option<WireSource>,
    pub cue: Option<WireSpan>,
    pub hedged: bool,
    pub confidence: f32,
    /// [`Reason::code`]s, in reading order.
    pub reasons: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum WireDetail {
    Quantity {
        value: Option<f64>,
        low: Option<f64>,
        high: Option<f64>,
        approximate: bool,
        unit: Option<String>,
        ordinal: bool,
    },
    Statement {
        content: WireRange,
        direct: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct WireRange {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WireSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WireSource {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub resolved: Option<String>,
    pub via: Option<WireSpan>,
}

/// Converts an analysis of `text` to its wire shape, with offsets counted in `unit`.
pub fn to_wire(text: &str, analysis: &Analysis, unit: Unit) -> WireAnalysis {
    let index = OffsetIndex::new(text, unit);
    let range = |s: Span| WireRange {
        start: index.convert(s.start),
        end: index.convert(s.end),
    };
    let span = |s: Span| {
        let r = range(s);
        WireSpan {
            text: s.of(text).to_owned(),
            start: r.start,
            end: r.end,
        }
    };
    let claim = |c: &Claim| {
        let r = range(c.span);
        let detail = match &c.kind {
            ClaimKind::Quantity(q) => WireDetail::Quantity {
                value: q.value,
                low: q.low,
                high: q.high,
                approximate: q.approximate,
                unit: q.unit.clone(),
                ordinal: q.ordinal,
            },
            ClaimKind::Statement(s) => WireDetail::Statement {
                content: range(s.content),
                direct: s.direct,
            },
        };
        WireClaim {
            kind: c.kind.code(),
            text: c.span.of(text).to_owned(),
            start: r.start,
            end: r.end,
            detail,
            source: c.source.as_ref().map(|s| {
                let w = span(s.span);
                WireSource {
                    text: w.text,
                    start: w.start,
                    end: w.end,
                    resolved: s.resolved.clone(),
                    via: s.via.map(span),
                }
            }),
            cue: c.cue.map(span),
            hedged: c.hedged,
            confidence: c.confidence,
            reasons: c.reasons.iter().map(Reason::code).collect(),
        }
    };
    WireAnalysis {
        lang: analysis.lang.code(),
        claims: analysis.claims.iter().map(claim).collect(),
    }
}
