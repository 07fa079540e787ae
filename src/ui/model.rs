//! What the popover shows for one claim, computed once from the engine's claim and the text.

use super::i18n::Strings;
use crate::engine::{Claim, ClaimKind, DisplayKind, Quantity, Reasons};

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimView {
    pub is_quantity: bool,
    /// How the claim is shown ([`DisplayKind::of`]); `None` for what is recognised but not
    /// highlighted (ordinals).
    pub kind: Option<DisplayKind>,
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
    pub reasons: Reasons,
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
            kind: DisplayKind::of(claim),
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
            reasons: claim.reasons,
            link: None,
            source_name: None,
            source_note: None,
            review: None,
        }
    }
}

/// A number as a reader says it: `12.500`, `2,5` (Dutch) or `12,500`, `2.5` (English).
fn number(x: f64, s: &Strings) -> String {
    let negative = x < 0.0;
    let rounded = (x.abs() * 100.0).round() / 100.0;
    let whole = rounded.trunc() as u64;
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(s.thousands_sep);
        }
        out.push(d);
    }
    if cents > 0 {
        out.push(s.decimal_sep);
        let frac = format!("{cents:02}");
        out.push_str(frac.trim_end_matches('0'));
    }
    out
}

/// The scale word (`miljoen`) that makes every given number short, if one does.
fn scale(xs: &[f64], s: &Strings) -> (f64, Option<&'static str>) {
    let small = |x: f64, by: f64| x.abs() >= by && ((x / by) * 100.0).fract().abs() < 1e-6;
    for (by, word) in [(1e9, s.billion), (1e6, s.million)] {
        if xs.iter().all(|&x| small(x, by)) {
            return (by, Some(word));
        }
    }
    (1.0, None)
}

/// A quantity's meaning in words: `meer dan 400`, `tussen 500 en 700 miljoen euro`,
/// `ongeveer 12.500 reizigers`.
fn meaning(q: &Quantity, s: &Strings) -> String {
    let bounds: Vec<f64> = match (q.low, q.high, q.value) {
        (Some(lo), Some(hi), _) if lo != hi => vec![lo, hi],
        (Some(lo), None, _) => vec![lo],
        (None, Some(hi), _) => vec![hi],
        (_, _, Some(v)) => vec![v],
        (Some(lo), _, None) => vec![lo],
        (None, None, None) => vec![],
    };
    let (by, word) = scale(&bounds, s);
    let n = |x: f64| number(x / by, s);
    let mut out = match (q.low, q.high, q.value) {
        (Some(lo), Some(hi), _) if lo != hi => {
            format!("{} {} {} {}", s.between, n(lo), s.and, n(hi))
        }
        (Some(lo), None, _) => format!("{} {}", s.more_than, n(lo)),
        (None, Some(hi), _) => format!("{} {}", s.at_most, n(hi)),
        (_, _, Some(v)) if q.approximate => format!("{} {}", s.approximate, n(v)),
        (_, _, Some(v)) => n(v),
        (Some(lo), _, None) => n(lo),
        (None, None, None) => String::new(),
    };
    if let Some(word) = word {
        out.push(' ');
        out.push_str(word);
    }
    if let Some(unit) = &q.unit {
        out.push(' ');
        out.push_str(s.unit(unit));
    }
    out
}
