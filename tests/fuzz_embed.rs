#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the readers of untrusted input: the engine (article text), the JSON reader, the
//! configuration, the source list and the ClaimReview JSON-LD reader and matcher. None may panic.
//!
//! The default `cargo test` runs a quick pass (a few hundred cases per target). The full run —
//! at least 1,000,000 inputs in all — is ignored by default:
//!
//! ```sh
//! FUZZ_CASES=250000 cargo test --release --test fuzz_embed -- --ignored --test-threads 2
//! ```
//! (four targets × FUZZ_CASES inputs; `--release` because it is CPU-bound.)

use claimlens::embed::claimreview::{self, Candidate};
use claimlens::embed::config::Config;
use claimlens::embed::json::Json;
use claimlens::embed::sources::SourceList;
use claimlens::engine::{self, Lang};
use proptest::prelude::*;
use proptest::test_runner::{Config as RunConfig, TestRunner};

fn cases(full: bool) -> u32 {
    if full {
        std::env::var("FUZZ_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(250_000)
    } else {
        300
    }
}

/// JSON-ish text: real JSON built from the keys the readers look for, then mutated (cut, bytes
/// replaced), so that both valid and nearly-valid documents are tried.
fn jsonish() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "@type",
        "@graph",
        "claimReviewed",
        "reviewRating",
        "alternateName",
        "ratingValue",
        "bestRating",
        "author",
        "url",
        "name",
        "aliases",
        "description",
        "sources",
        "enabled",
        "root",
        "lang",
        "kinds",
        "minConfidence",
        "theme",
        "observe",
        "debounce",
        "maxText",
        "ClaimReview",
        "itemReviewed",
        "x",
    ]);
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("\"false\"".to_owned()),
        any::<f64>().prop_map(|f| if f.is_finite() {
            format!("{f}")
        } else {
            "1e999".into()
        }),
        "[a-zA-Z0-9 .,:/<>\"'\\\\é😀\\u{0}-\\u{1f}]{0,24}".prop_map(|s| format!("{s:?}")),
        Just("\"ClaimReview\"".to_owned()),
        Just("\"javascript:alert(1)\"".to_owned()),
        Just("\"\\ud800\\udc00\\ud800\"".to_owned()),
    ];
    let value = leaf.prop_recursive(6, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| {
                let fields: Vec<String> = kv.iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    });
    (value, any::<u16>(), any::<u8>(), any::<bool>()).prop_map(|(mut s, at, byte, mutate)| {
        if mutate && !s.is_empty() {
            let i = usize::from(at) % s.len();
            let mut bytes = s.into_bytes();
            bytes[i] = byte;
            bytes.truncate(bytes.len() - (usize::from(at) % 3).min(bytes.len()));
            s = String::from_utf8_lossy(&bytes).into_owned();
        }
        s
    })
}

fn run<S: Strategy>(full: bool, strategy: S, test: impl Fn(S::Value)) -> u32
where
    S::Value: std::fmt::Debug,
{
    let n = cases(full);
    let mut runner = TestRunner::new(RunConfig {
        cases: n,
        failure_persistence: None,
        ..RunConfig::default()
    });
    runner
        .run(&strategy, |v| {
            test(v);
            Ok(())
        })
        .unwrap();
    n
}

fn json_readers(text: String) {
    let Ok(doc) = Json::parse(&text) else { return };
    let _ = Config::read(&doc);
    let (list, _) = SourceList::read(&doc);
    let _ = list.find(&["het KNMI", "een woordvoerder van ProRail"]);
    let mut reviews = Vec::new();
    claimreview::read(&doc, &mut reviews);
    let article = "Volgens het KNMI vielen 38 bomen om. ,,Het is erg”, zegt de burgemeester.";
    let candidates = [
        Candidate {
            text: "38 bomen",
            sentence: "Volgens het KNMI vielen 38 bomen om.",
        },
        Candidate {
            text: "Het is erg",
            sentence: article,
        },
    ];
    let matched = claimreview::match_reviews(&reviews, &candidates);
    assert_eq!(matched.len(), reviews.len());
}

fn engine_text(text: String) {
    for lang in [None, Some(Lang::Nl), Some(Lang::En)] {
        let analysis = engine::analyze(&text, lang);
        let _ = claimlens::export::annotations(&text, &analysis, "urn:fuzz");
        for c in &analysis.claims {
            let s = claimreview::sentence_around(&text, c.span.start, c.span.end);
            assert!(s.len() <= text.len());
        }
    }
}

fn article_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Volgens",
        "het",
        "KNMI",
        "zegt",
        "aldus",
        "according",
        "to",
        "said",
        "38",
        "2,5",
        "miljoen",
        "euro",
        "procent",
        "%",
        ",,",
        "”",
        "“",
        "\"",
        "'",
        ".",
        "\n\n",
        "meer dan",
        "ongeveer",
        "12.500",
        "1,000",
        "km/u",
        "€",
        "$",
        "½",
        "één",
        "zij",
        "hij",
        ":",
        "-",
    ]);
    prop_oneof![
        prop::collection::vec(word, 0..60).prop_map(|w| w.join(" ")),
        any::<String>(),
    ]
}

fn all(full: bool) -> u32 {
    run(full, jsonish(), json_readers)
        + run(full, any::<String>(), json_readers)
        + run(full, prop::collection::vec(any::<u8>(), 0..200), |b| {
            json_readers(String::from_utf8_lossy(&b).into_owned())
        })
        + run(full, article_text(), engine_text)
}

#[test]
fn readers_never_panic_quick() {
    all(false);
}

#[test]
#[ignore = "the long fuzz run: FUZZ_CASES=250000 cargo test --release --test fuzz_embed -- --ignored"]
fn readers_never_panic_full() {
    let n = all(true);
    println!("fuzzed {n} inputs without a panic");
}
