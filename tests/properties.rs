#![cfg(not(target_arch = "wasm32"))]
//! Invariants over arbitrary text: no panic, every span on char boundaries inside the text,
//! confidence in [0, 1], bounds around the value.

use claimlens::engine::offsets::Unit;
use claimlens::engine::{ClaimKind, Lang, Span, analyze, wire};
use proptest::prelude::*;

/// Pieces that exercise the scanners: quote marks of every style, separators, number words,
/// cue words, combining marks, emoji.
const PIECES: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    ",",
    ",,",
    "\"",
    "“",
    "”",
    "„",
    "‘",
    "’",
    "'",
    "''",
    "’'",
    "‘’",
    "«",
    "»",
    "1",
    "12",
    "353",
    "1.000",
    "3,5",
    "2022-01",
    "20.30",
    "-",
    "+",
    "%",
    "€",
    "$",
    "£",
    "m",
    "bn",
    "miljoen",
    "ruim",
    "meer dan",
    "zo'n",
    "tientallen",
    "driehonderd",
    "eenentwintig",
    "één",
    "een",
    "derde",
    "about",
    "more than",
    "third",
    "hundred",
    "volgens",
    "aldus",
    "zegt",
    "meldt",
    "citeert",
    "laat weten",
    "said",
    "according to",
    "de",
    "het",
    "van",
    "the",
    "of",
    "Khabar",
    "Radio",
    "De",
    "Het",
    "ministerie",
    "woordvoerder",
    "hij",
    "she",
    "zou",
    "reportedly",
    "e\u{301}",
    "\u{301}",
    "😀",
    "👩‍👩‍👧",
    "ß",
    "İ",
    "ﬁ",
    "\u{a0}",
    "\u{202f}",
    ":",
    "(",
    ")",
    "http://x.nl/1",
    "06-12345678",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(PIECES).prop_map(str::to_owned),
                any::<char>().prop_map(String::from)
            ],
            0..80
        )
        .prop_map(|v| v.concat()),
    ]
}

fn span_ok(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn analysis_keeps_its_invariants(text in text_strategy(), lang in prop_oneof![Just(None), Just(Some(Lang::Nl)), Just(Some(Lang::En))]) {
        let analysis = analyze(&text, lang);
        let mut prev: Option<Span> = None;
        for c in &analysis.claims {
            prop_assert!(span_ok(&text, c.span), "claim span {:?}", c.span);
            prop_assert!(!c.span.is_empty());
            if let Some(cue) = c.cue { prop_assert!(span_ok(&text, cue)); }
            if let Some(s) = &c.source {
                prop_assert!(span_ok(&text, s.span));
                if let Some(v) = s.via { prop_assert!(span_ok(&text, v)); }
            }
            prop_assert!((0.0..=1.0).contains(&c.confidence), "confidence {}", c.confidence);
            match &c.kind {
                ClaimKind::Statement(s) => prop_assert!(span_ok(&text, s.content)),
                ClaimKind::Quantity(q) => {
                    if let (Some(v), Some(lo)) = (q.value, q.low) { prop_assert!(lo <= v, "{:?}", q); }
                    if let (Some(v), Some(hi)) = (q.value, q.high) { prop_assert!(v <= hi, "{:?}", q); }
                    if let (Some(lo), Some(hi)) = (q.low, q.high) { prop_assert!(lo <= hi, "{:?}", q); }
                }
            }
            // Sorted by start, then longest first.
            if let Some(p) = prev {
                prop_assert!(p.start < c.span.start || (p.start == c.span.start && p.end >= c.span.end));
            }
            prev = Some(c.span);
        }
        // The wire conversion never panics either.
        let _ = wire::to_wire(&text, &analysis, Unit::Utf16);
    }
}
