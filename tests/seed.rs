#![cfg(not(target_arch = "wasm32"))]
//! The sample article against its hand annotation (read from ../shared at test time; never
//! copied into this tree). Asserts everything the engine achieves today, so that any regression
//! fails here.

use claimlens::engine::{Claim, ClaimKind, Lang, Span, analyze};
use serde_json::Value;
use std::path::PathBuf;

fn load() -> Option<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let text = std::fs::read_to_string(dir.join("nl-kazachstan-seed.txt")).ok();
    let gold = std::fs::read_to_string(dir.join("nl-kazachstan-seed.gold.json")).ok();
    match (text, gold) {
        (Some(t), Some(g)) => Some((t, serde_json::from_str(&g).expect("gold is JSON"))),
        _ => {
            println!("note: ../shared/corpus/nl-kazachstan-seed.* not found; seed test skipped");
            None
        }
    }
}

/// The byte span of `anchor` inside the unique `context`.
fn anchor_span(text: &str, context: &str, anchor: &str) -> Span {
    let c = text
        .find(context)
        .unwrap_or_else(|| panic!("context {context:?} in text"));
    let a = context.find(anchor).expect("anchor in context");
    Span::new(c + a, c + a + anchor.len())
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

fn source_text(text: &str, c: &Claim) -> String {
    c.source.as_ref().map_or(String::new(), |s| {
        format!(
            "{} {}",
            s.resolved.as_deref().unwrap_or(""),
            s.span.of(text)
        )
    })
}

fn words(v: &Value) -> Vec<String> {
    v.as_array().map_or(vec![], |a| {
        a.iter()
            .filter_map(|w| w.as_str().map(str::to_lowercase))
            .collect()
    })
}

fn in_range(x: Option<f64>, range: &Value) -> bool {
    let lo = range[0].as_f64().unwrap();
    match (x, range[1].as_f64()) {
        (None, hi) => hi.is_none(),
        (Some(x), hi) => x >= lo - 1e-9 && hi.is_none_or(|h| x <= h + 1e-9),
    }
}

#[test]
fn sample_article_quantities() {
    let Some((text, gold)) = load() else { return };
    let analysis = analyze(&text, None);
    assert_eq!(analysis.lang, Lang::Nl);
    let quantities: Vec<&Claim> = analysis
        .claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Quantity(_)))
        .collect();
    let mut expected = 0;
    for g in gold["quantities"].as_array().unwrap() {
        let span = anchor_span(
            &text,
            g["context"].as_str().unwrap(),
            g["anchor"].as_str().unwrap(),
        );
        let hit = quantities.iter().find(|c| overlaps(c.span, span));
        if g["optional"].as_bool() == Some(true) {
            if let Some(c) = hit {
                expected += 1;
                let _ = c;
            }
            continue;
        }
        expected += 1;
        let c = hit.unwrap_or_else(|| panic!("quantity {:?} not found", g["context"]));
        let ClaimKind::Quantity(q) = &c.kind else {
            unreachable!()
        };
        let (lo, hi) = (q.low.or(q.value), q.high.or(q.value));
        assert!(
            in_range(lo, &g["low"]) && in_range(hi, &g["high"]),
            "{:?}: {q:?}",
            g["context"]
        );
        assert_eq!(
            q.approximate,
            g["approximate"].as_bool().unwrap(),
            "{:?}",
            g["context"]
        );
        let got = source_text(&text, c).to_lowercase();
        match g["source"].as_array() {
            None => assert!(
                c.source.is_none(),
                "{:?} should have no source, got {got:?}",
                g["context"]
            ),
            Some(_) => assert!(
                words(&g["source"]).iter().all(|w| got.contains(w)),
                "{:?}: source {got:?}",
                g["context"]
            ),
        }
        if g["hedged"].as_bool() == Some(true) {
            assert!(c.hedged, "{:?} hedged", g["context"]);
        }
    }
    for g in gold["not_quantities"].as_array().unwrap() {
        let span = anchor_span(
            &text,
            g["context"].as_str().unwrap(),
            g["anchor"].as_str().unwrap(),
        );
        assert!(
            !quantities.iter().any(|c| overlaps(c.span, span)),
            "{:?} is not a quantity",
            g["context"]
        );
    }
    // No spurious quantities: every one found is annotated (required or optional).
    assert_eq!(
        quantities.len(),
        expected,
        "{:#?}",
        quantities
            .iter()
            .map(|c| c.span.of(&text))
            .collect::<Vec<_>>()
    );
}

#[test]
fn sample_article_statements() {
    let Some((text, gold)) = load() else { return };
    let analysis = analyze(&text, Some(Lang::Nl));
    let statements: Vec<&Claim> = analysis
        .claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Statement(_)))
        .collect();
    let mut used = vec![false; statements.len()];
    for g in gold["statements"].as_array().unwrap() {
        let keys: Vec<Span> = g["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| anchor_span(&text, k.as_str().unwrap(), k.as_str().unwrap()))
            .collect();
        let cover = |c: &Claim| {
            let ClaimKind::Statement(s) = &c.kind else {
                return 0;
            };
            keys.iter().filter(|k| s.content.contains(**k)).count()
        };
        let best = (0..statements.len())
            .filter(|&i| cover(statements[i]) > 0)
            .max_by_key(|&i| (cover(statements[i]), usize::MAX - i));
        let id = g["id"].as_str().unwrap();
        if g["optional"].as_bool() == Some(true) {
            if let Some(i) = best {
                used[i] = true;
            }
            continue;
        }
        let i = best.unwrap_or_else(|| panic!("statement {id} not found"));
        used[i] = true;
        let c = statements[i];
        assert_eq!(cover(c), keys.len(), "{id}: content covers every key");
        let got = source_text(&text, c).to_lowercase();
        assert!(
            words(&g["source"]).iter().all(|w| got.contains(w)),
            "{id}: source {got:?}"
        );
        assert!(
            !words(&g["not_source"]).iter().any(|w| got.contains(w)),
            "{id}: source {got:?}"
        );
        let cue = c.cue.map(|s| s.of(&text).to_lowercase());
        match g["cue"].as_str() {
            Some(want) => assert!(
                cue.as_deref()
                    .is_some_and(|got| got.contains(want) || want.contains(got)),
                "{id}: cue {cue:?}"
            ),
            None => assert_eq!(cue, None, "{id}"),
        }
        let ClaimKind::Statement(s) = &c.kind else {
            unreachable!()
        };
        assert_eq!(s.direct, g["direct"].as_bool().unwrap(), "{id}: direct");
        if g["hedged"].as_bool() == Some(true) {
            assert!(c.hedged, "{id}: hedged");
        }
        for via in words(&g["via"]) {
            let got = c
                .source
                .as_ref()
                .and_then(|s| s.via)
                .map(|v| v.of(&text).to_lowercase());
            assert!(got.is_some_and(|g| g.contains(&via)), "{id}: via");
        }
    }
    let spurious: Vec<&str> = statements
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(c, _)| c.span.of(&text))
        .collect();
    assert!(spurious.is_empty(), "spurious statements: {spurious:#?}");
}
