//! schema.org ClaimReview JSON-LD that publishers already put on their pages
//! (`<script type="application/ld+json">`), read into verdicts and matched to the claims found in
//! the article text.
//!
//! A document may hold one review, an array of them, an `@graph`, or reviews nested in other
//! objects; every object whose `@type` is (or lists) `ClaimReview` counts.

use super::config::scheme;
use super::json::Json;
use super::{clip, contains_words, normalize};

/// One review as published. Every string is publisher text, clipped, and only ever shown as text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClaimReview {
    pub claim_reviewed: String,
    /// `reviewRating.alternateName`.
    pub verdict: Option<String>,
    /// `ratingValue/bestRating`, or `ratingValue`.
    pub rating: Option<String>,
    pub author: Option<String>,
    /// Absolute or relative; the page resolves it and keeps it only if it is http(s).
    pub url: Option<String>,
}

/// Reviews beyond this in one page are ignored.
pub const MAX_REVIEWS: usize = 500;

/// Collects the ClaimReviews in one JSON-LD document.
pub fn read(doc: &Json, out: &mut Vec<ClaimReview>) {
    // Iterative walk: the parser bounds depth, but keep this one flat anyway.
    let mut stack = vec![doc];
    while let Some(v) = stack.pop() {
        if out.len() >= MAX_REVIEWS {
            return;
        }
        match v {
            Json::Arr(items) => stack.extend(items.iter().rev()),
            Json::Obj(fields) => {
                if is_claim_review(v) {
                    if let Some(r) = review(v) {
                        out.push(r);
                    }
                }
                stack.extend(fields.iter().rev().map(|(_, v)| v));
            }
            _ => {}
        }
    }
}

fn is_claim_review(v: &Json) -> bool {
    v.get("@type").is_some_and(|t| {
        t.items().iter().filter_map(Json::as_str).any(|t| {
            let t = t.trim();
            t == "ClaimReview" || t.ends_with("schema.org/ClaimReview") || t == "schema:ClaimReview"
        })
    })
}

/// A string property, or the `name` of an object (or of the first of a list).
fn text_of(v: Option<&Json>) -> Option<String> {
    let v = v?.items().first()?;
    let s = match v {
        Json::Str(s) => s.as_str(),
        Json::Num(_) => return number(v),
        Json::Obj(_) => v
            .get("name")
            .or_else(|| v.get("text"))
            .and_then(Json::as_str)?,
        _ => return None,
    };
    let s = clip(s, 300);
    (!s.is_empty()).then_some(s)
}

fn number(v: &Json) -> Option<String> {
    match v {
        Json::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        // Integer arithmetic, not `{n}`: the widget carries no float-formatting code.
        Json::Num(n) => Some(super::json::decimal(*n, 6, true)),
        Json::Str(s) => Some(clip(s, 20)).filter(|s| !s.is_empty()),
        _ => None,
    }
}

fn review(v: &Json) -> Option<ClaimReview> {
    // `claimReviewed` is the usual field; some publishers name the claim in `itemReviewed`.
    let claim_reviewed = text_of(v.get("claimReviewed"))
        .or_else(|| text_of(v.get("itemReviewed")))
        .filter(|c| normalize(c).split(' ').count() >= 2)?;
    let rating = v.get("reviewRating");
    let verdict = text_of(rating.and_then(|r| r.get("alternateName")));
    let value = rating.and_then(|r| r.get("ratingValue")).and_then(number);
    let best = rating.and_then(|r| r.get("bestRating")).and_then(number);
    let rating = match (value, best) {
        (Some(v), Some(b)) => Some(format!("{v}/{b}")),
        (v, _) => v,
    };
    let url = v
        .get("url")
        .and_then(Json::as_str)
        .map(str::trim)
        .filter(|u| !u.is_empty() && scheme(u).is_none_or(|s| s == "http" || s == "https"))
        .map(str::to_owned);
    Some(ClaimReview {
        claim_reviewed,
        verdict,
        rating,
        author: text_of(v.get("author")),
        url,
    })
}

/// A claim as the matcher sees it: its own text and the sentence around it.
pub struct Candidate<'a> {
    pub text: &'a str,
    pub sentence: &'a str,
}

/// The sentence of `text` around the byte range `start..end`: from after the previous `. `, `! `,
/// `? ` or line break to the next one.
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let (Some(head), Some(tail)) = (text.get(..start), text.get(end..)) else {
        return "";
    };
    let is_stop = |b: &[u8], i: usize| {
        b[i] == b'\n'
            || (matches!(b[i], b'.' | b'!' | b'?')
                && b.get(i + 1).is_none_or(|c| *c == b' ' || *c == b'\n'))
    };
    let hb = head.as_bytes();
    let from = (0..hb.len())
        .rev()
        .find(|&i| is_stop(hb, i))
        .map_or(0, |i| i + 1);
    let tb = tail.as_bytes();
    let to = (0..tb.len())
        .find(|&i| is_stop(tb, i))
        .map_or(text.len(), |i| end + i + 1);
    text.get(from..to).unwrap_or("").trim()
}

/// For each review, the index of the claim it reviews, if any: the claim whose text contains the
/// reviewed claim or is contained in it (as whole words, after [`normalize`]); else the claim
/// whose sentence contains it, or shares at least 80 % of its words while the claim's numbers
/// and at least half of its words occur in it. Best score wins; a claim takes at most one review (the first).
pub fn match_reviews(reviews: &[ClaimReview], claims: &[Candidate]) -> Vec<Option<usize>> {
    let norm: Vec<(String, String)> = claims
        .iter()
        .map(|c| (normalize(c.text), normalize(c.sentence)))
        .collect();
    let mut taken = vec![false; claims.len()];
    reviews
        .iter()
        .map(|r| {
            let cr = normalize(&r.claim_reviewed);
            let cr_words: Vec<&str> = cr.split(' ').collect();
            let mut best: Option<(f32, usize)> = None;
            for (i, (text, sentence)) in norm.iter().enumerate() {
                if taken[i] || text.is_empty() {
                    continue;
                }
                let score = if text.len() >= 8
                    && (contains_words(&cr, text) || contains_words(text, &cr))
                {
                    // Longer shared text is the closer match.
                    2.0 + (text.len().min(cr.len()) as f32 / 10_000.0)
                } else if contains_words(sentence, &cr) {
                    1.5
                } else {
                    let words: Vec<&str> = sentence.split(' ').collect();
                    let shared = cr_words.iter().filter(|w| words.contains(w)).count() as f32
                        / cr_words.len() as f32;
                    // The claim's numbers must all be in the review, and most of its words.
                    let own: Vec<&str> = text.split(' ').collect();
                    let numbers_in = own
                        .iter()
                        .filter(|w| w.chars().any(|c| c.is_numeric()))
                        .all(|w| cr_words.contains(w));
                    let own_in =
                        own.iter().filter(|w| cr_words.contains(w)).count() * 2 >= own.len();
                    if shared >= 0.8 && numbers_in && own_in {
                        shared
                    } else {
                        0.0
                    }
                };
                if score > 0.0 && best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, i));
                }
            }
            let found = best.map(|(_, i)| i);
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "x"},
        {"@type": ["ClaimReview"], "claimReviewed": "De windstoten bereikten 132 kilometer per uur",
         "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "alternateName": "Grotendeels waar"},
         "author": {"@type": "Organization", "name": "Factcheck Kustblad"}, "url": "https://example.org/fc/1"},
        [{"@type": "ClaimReview", "claimReviewed": "x"}],
        {"@type": "ClaimReview", "claimReviewed": "Er zaten 12.500 reizigers vast in de treinen", "url": "javascript:alert(1)",
         "reviewRating": {"alternateName": "Onwaar", "ratingValue": "1"}, "author": ["Anna", "Bert"]}
    ]}"#;

    #[test]
    fn reads_graphs_and_arrays() {
        let mut out = Vec::new();
        read(&Json::parse(DOC).unwrap(), &mut out);
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].verdict.as_deref(), Some("Grotendeels waar"));
        assert_eq!(out[0].rating.as_deref(), Some("4/5"));
        assert_eq!(out[0].author.as_deref(), Some("Factcheck Kustblad"));
        assert_eq!(out[1].url, None, "javascript: URLs are dropped");
        assert_eq!(out[1].author.as_deref(), Some("Anna"));
        assert_eq!(out[1].rating.as_deref(), Some("1"));
    }

    #[test]
    fn matches_claims() {
        let mut reviews = Vec::new();
        read(&Json::parse(DOC).unwrap(), &mut reviews);
        let text = "Volgens het KNMI bereikten de windstoten een snelheid van 132 kilometer per uur. Volgens de NS zaten ongeveer 12.500 reizigers vast in treinen.";
        let span = |needle: &str| {
            let s = text.find(needle).unwrap();
            (s, s + needle.len())
        };
        let spans = [
            span("132 kilometer per uur"),
            span("ongeveer 12.500 reizigers"),
        ];
        let sentences: Vec<&str> = spans
            .iter()
            .map(|&(s, e)| sentence_around(text, s, e))
            .collect();
        assert!(
            sentences[1].starts_with("Volgens de NS"),
            "{:?}",
            sentences[1]
        );
        let cands: Vec<Candidate> = spans
            .iter()
            .zip(&sentences)
            .map(|(&(s, e), sentence)| Candidate {
                text: &text[s..e],
                sentence,
            })
            .collect();
        assert_eq!(match_reviews(&reviews, &cands), vec![Some(0), Some(1)]);
        let unrelated = ClaimReview {
            claim_reviewed: "De maan is van kaas gemaakt".into(),
            ..Default::default()
        };
        assert_eq!(match_reviews(&[unrelated], &cands), vec![None]);
    }
}
