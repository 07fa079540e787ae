//! Claims as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): one
//! `Annotation` per claim, whose target is the article with a `TextQuoteSelector` (exact text, with
//! prefix and suffix) and a `TextPositionSelector`. Positions count Unicode code points, as the
//! model specifies, in the analysed text (for a page: the article's text as the widget reads it).

use crate::engine::Analysis;
use crate::engine::offsets::{OffsetIndex, Unit};
use serde::Serialize;

/// Code points of context kept on each side of the quote.
pub const CONTEXT: usize = 32;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotation {
    #[serde(rename = "@context")]
    pub context: &'static str,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub motivation: &'static str,
    pub creator: Software,
    pub body: Vec<Body>,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Software {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Body {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub purpose: &'static str,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    pub source: String,
    pub selector: Vec<Selector>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum Selector {
    TextQuoteSelector {
        exact: String,
        prefix: String,
        suffix: String,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// The claims of `analysis` (of `text`) as Web Annotations on `source` (the page's or file's IRI).
pub fn annotations(text: &str, analysis: &Analysis, source: &str) -> Vec<Annotation> {
    let index = OffsetIndex::new(text, Unit::CodePoint);
    let doc = fnv(text);
    analysis
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (start, end) = (c.span.start, c.span.end);
            let prefix: String = {
                let head = &text[..start];
                let skip = head.chars().count().saturating_sub(CONTEXT);
                head.chars().skip(skip).collect()
            };
            let suffix: String = text[end..].chars().take(CONTEXT).collect();
            let kind = c.kind.code();
            let mut body = vec![Body {
                kind: "TextualBody",
                purpose: "tagging",
                value: kind.to_owned(),
            }];
            if let Some(src) = &c.source {
                let named = src
                    .resolved
                    .clone()
                    .unwrap_or_else(|| src.span.of(text).to_owned());
                body.push(Body {
                    kind: "TextualBody",
                    purpose: "describing",
                    value: format!("source: {named}"),
                });
            }
            body.push(Body {
                kind: "TextualBody",
                purpose: "describing",
                value: format!("confidence: {}", two_places(c.confidence.clamp(0.0, 1.0))),
            });
            Annotation {
                context: "http://www.w3.org/ns/anno.jsonld",
                id: format!("urn:claimlens:{doc:016x}:{i}"),
                kind: "Annotation",
                motivation: "classifying",
                creator: Software {
                    kind: "Software",
                    name: "claimlens",
                },
                body,
                target: Target {
                    source: source.to_owned(),
                    selector: vec![
                        Selector::TextQuoteSelector {
                            exact: c.span.of(text).to_owned(),
                            prefix,
                            suffix,
                        },
                        Selector::TextPositionSelector {
                            start: index.convert(start),
                            end: index.convert(end),
                        },
                    ],
                },
            }
        })
        .collect()
}

/// `{:.2}` natively; in the widget integer arithmetic instead (no float-formatting code in the
/// wasm), which can differ only at an exact tie in the third decimal.
#[cfg(not(target_arch = "wasm32"))]
fn two_places(x: f32) -> String {
    format!("{x:.2}")
}

#[cfg(target_arch = "wasm32")]
fn two_places(x: f32) -> String {
    crate::embed::json::decimal(f64::from(x), 2, false)
}

/// FNV-1a: a stable, dependency-free fingerprint of the text for the annotations' ids.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{self, Lang};

    #[test]
    fn selectors_point_at_the_claims() {
        let text = "Één zin vooraf. Volgens het KNMI vielen 38 bomen om.";
        let analysis = engine::analyze(text, Some(Lang::Nl));
        let out = annotations(text, &analysis, "urn:test");
        assert!(!out.is_empty());
        let chars: Vec<char> = text.chars().collect();
        for a in &out {
            let [
                Selector::TextQuoteSelector {
                    exact,
                    prefix,
                    suffix,
                },
                Selector::TextPositionSelector { start, end },
            ] = a.target.selector.as_slice()
            else {
                panic!("two selectors");
            };
            let at: String = chars[*start..*end].iter().collect();
            assert_eq!(&at, exact);
            let before: String = chars[start.saturating_sub(CONTEXT)..*start]
                .iter()
                .collect();
            assert_eq!(&before, prefix);
            let after: String = chars[*end..(*end + CONTEXT).min(chars.len())]
                .iter()
                .collect();
            assert_eq!(&after, suffix);
        }
    }
}
