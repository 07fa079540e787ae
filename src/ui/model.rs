//! What the popover shows for one claim, computed once from the engine's claim and the text.

use super::i18n::Strings;
use crate::engine::{Claim, ClaimKind, Quantity};

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimView {
    pub is_quantity: bool,
    pub text: String,
    /// A quantity's meaning in words (`minstens 400`); `None` for statements.
    pub meaning: Option<String>,
    pub source: Option<String>,
    pub resolved: Option<String>,
    pub via: Option<String>,
    pub cue: Option<String>,
    pub hedged: bool,
    pub direct: bool,
    /// 0–100.
    pub percent: u8,
    pub reasons: Vec<&'static str>,
    /// An http(s) link for the source: a hyperlink in the article on or next to the source
    /// phrase, or the publisher's source list. Set by the embedding code, never by the engine.
    pub link: Option<String>,
    /// The source's display name and short description from the publisher's source list.
    pub source_name: Option<String>,
    pub source_note: Option<String>,
    /// A fact-check of this claim published on the page (schema.org ClaimReview).
    pub review: Option<Review>,
}

/// A publisher's verdict on a claim, from ClaimReview JSON-LD on the page. Every field is
/// publisher text: rendered as text only.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// `reviewRating.alternateName`, e.g. "Onwaar".
    pub verdict: Option<String>,
    /// `reviewRating.ratingValue` of `bestRating`, as written, e.g. "1/5".
    pub rating: Option<String>,
    pub author: Option<String>,
    /// http(s) only.
    pub url: Option<String>,
}

impl ClaimView {
    pub fn new(text: &str, claim: &Claim, s: &Strings) -> ClaimView {
        let (is_quantity, meaning, direct) = match &claim.kind {
            ClaimKind::Quantity(q) => (true, Some(meaning(q, s)), false),
            ClaimKind::Statement(st) => (false, None, st.direct),
        };
        let source = claim.source.as_ref();
        ClaimView {
            is_quantity,
            text: claim.span.of(text).to_owned(),
            meaning,
            source: source.map(|src| src.span.of(text).to_owned()),
            resolved: source.and_then(|src| src.resolved.clone()),
            via: source
                .and_then(|src| src.via)
                .map(|v| v.of(text).to_owned()),
            cue: claim.cue.map(|c| c.of(text).to_owned()),
            hedged: claim.hedged,
            direct,
            percent: (claim.confidence.clamp(0.0, 1.0) * 100.0).round() as u8,
            reasons: claim.reasons.clone(),
            link: None,
            source_name: None,
            source_note: None,
            review: None,
        }
    }
}

/// `400`, `minstens 1000 (ongeveer)`, `tussen 500 en 700 EUR`.
fn meaning(q: &Quantity, s: &Strings) -> String {
    let n = |x: f64| {
        if x.fract() == 0.0 && x.abs() < 1e15 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    };
    let mut out = match (q.low, q.high, q.value) {
        (Some(lo), Some(hi), _) if lo != hi => {
            format!("{} {} {} {}", s.between, n(lo), s.and, n(hi))
        }
        (Some(lo), None, _) => format!("{} {}", s.more_than, n(lo)),
        (None, Some(hi), _) => format!("{} {}", s.at_most, n(hi)),
        (_, _, Some(v)) => n(v),
        (Some(lo), _, None) => n(lo),
        (None, None, None) => String::new(),
    };
    if let Some(unit) = &q.unit {
        out.push(' ');
        out.push_str(unit);
    }
    if q.approximate {
        out = format!("{out} ({})", s.approximate);
    }
    out
}
