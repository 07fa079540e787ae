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

/// Attribution pieces: cues, pronouns, descriptions, prompts and transcript colons, so that
/// the resolution and interview paths run on odd input too.
const ATTRIBUTION_PIECES: &[&str] = &[
    " ",
    "\n",
    "\n\n",
    ". ",
    ", ",
    "? ",
    ": ",
    "\"",
    "„",
    "”",
    ",,",
    "‘",
    "’",
    "'",
    "(",
    ")",
    "zegt",
    "zei",
    "aldus",
    "volgens",
    "laat",
    "weten",
    "gaf",
    "toe",
    "reageerde",
    "noemt",
    "citeert",
    "dat",
    "hij",
    "zij",
    "ze",
    "haar",
    "het",
    "de",
    "een",
    "van",
    "ministerie",
    "instituut",
    "woordvoerder",
    "woordvoerster",
    "voorzitter",
    "Wel",
    "erkent",
    "zou",
    "naar verluidt",
    "said",
    "says",
    "told",
    "me",
    "quoted",
    "as",
    "saying",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "her",
    "the",
    "a",
    "of",
    "company",
    "spokeswoman",
    "for",
    "Mr",
    "Ms",
    "In",
    "a court heard",
    "that",
    "allegedly",
    "Anna",
    "Kok",
    "KNMI",
    "OM",
    "V.",
    "Ltd's",
    "drivers'",
    "Q",
    "A",
    "Why",
    "12",
    "3,5",
    "procent",
    "per cent",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// A statement's content and cue lie inside its span; a resolved name is never empty.
    #[test]
    fn statements_hold_their_parts(
        pieces in prop::collection::vec(prop::sample::select(ATTRIBUTION_PIECES), 0..120),
        lang in prop_oneof![Just(Lang::Nl), Just(Lang::En)],
    ) {
        let text = pieces.join(" ");
        for c in &analyze(&text, Some(lang)).claims {
            if let ClaimKind::Statement(s) = &c.kind {
                prop_assert!(c.span.start <= s.content.start && s.content.end <= c.span.end,
                    "content {:?} outside span {:?} in {text:?}", s.content, c.span);
                if let Some(cue) = c.cue {
                    prop_assert!(c.span.start <= cue.start && cue.end <= c.span.end,
                        "cue {cue:?} outside span {:?} in {text:?}", c.span);
                }
            }
            if let Some(r) = c.source.as_ref().and_then(|s| s.resolved.as_deref()) {
                prop_assert!(!r.trim().is_empty());
            }
        }
    }
}

/// Adversarial long inputs (one endless sentence of cues and pronouns, thousands of prompt
/// lines, unclosed quotes) finish and keep spans valid: every backward search is bounded.
#[test]
fn long_adversarial_attribution_input_is_bounded() {
    let inputs = [
        "hij zegt dat zij zegt dat het ministerie meldt dat ".repeat(4000),
        "Waarom?\nOmdat hij het zegt.\n\n".repeat(4000),
        ",,Nog een zin zonder einde, zegt ze, ".repeat(4000),
        "the company said the firm said it said, according to her, ".repeat(4000),
    ];
    for text in &inputs {
        for lang in [Lang::Nl, Lang::En] {
            let a = analyze(text, Some(lang));
            for c in &a.claims {
                assert!(span_ok(text, c.span));
            }
        }
    }
}

/// Inputs that once panicked (debug-build overflow at the very first token), kept as a table.
#[test]
fn former_panics() {
    use claimlens::engine::{Lang, analyze};
    for (text, lang) in [
        ("en", Some(Lang::Nl)),
        ("and", Some(Lang::En)),
        ("en Jan", None),
        ("'", None),
    ] {
        let _ = analyze(text, lang);
    }
}
