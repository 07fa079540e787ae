//! Golden renderings of whole articles the project wrote: every claim the engine finds, one line
//! each, so that any change in behaviour shows up in review as a diff of the `.expected` file.
//! Regenerate with `UPDATE_EXPECT=1 cargo test --test golden`.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::engine::{self, ClaimKind, Span};
use std::fmt::Write;
use std::path::Path;

fn render(text: &str) -> String {
    let analysis = engine::analyze(text, None);
    let mut out = format!("lang: {}\n", analysis.lang.code());
    let quote = |s: Span| format!("{:?}", s.of(text));
    for c in &analysis.claims {
        match &c.kind {
            ClaimKind::Quantity(q) => {
                let _ = write!(
                    out,
                    "quantity {} value={:?} low={:?} high={:?} approx={} unit={:?}{}",
                    quote(c.span),
                    q.value,
                    q.low,
                    q.high,
                    q.approximate,
                    q.unit,
                    if q.ordinal { " ordinal" } else { "" }
                );
            }
            ClaimKind::Statement(s) => {
                let _ = write!(
                    out,
                    "statement {} content={} direct={}",
                    quote(c.span),
                    quote(s.content),
                    s.direct
                );
            }
        }
        match &c.source {
            Some(s) => {
                let _ = write!(out, " source={}", quote(s.span));
                if let Some(r) = &s.resolved {
                    let _ = write!(out, " resolved={r:?}");
                }
                if let Some(v) = s.via {
                    let _ = write!(out, " via={}", quote(v));
                }
            }
            None => out.push_str(" source=none"),
        }
        if let Some(cue) = c.cue {
            let _ = write!(out, " cue={}", quote(cue));
        }
        if c.hedged {
            out.push_str(" hedged");
        }
        let _ = writeln!(
            out,
            " confidence={:.2} reasons={:?}",
            c.confidence, c.reasons
        );
    }
    out
}

#[test]
fn golden_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    check_dir(&root.join("tests/golden"), &root.join("tests/golden"));
}

/// Every dev-set article (tests/devset/*.txt), rendered into tests/golden/devset/.
#[test]
fn golden_devset_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("tests/golden/devset");
    let _ = std::fs::create_dir_all(&out);
    check_dir(&root.join("tests/devset"), &out);
}

fn check_dir(dir: &Path, out: &Path) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut inputs: Vec<_> = std::fs::read_dir(dir)
        .expect("the articles' directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap();
        let got = render(&text);
        let expected_path = out
            .join(input.file_name().unwrap())
            .with_extension("expected");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!(
                "{} differs from {} (UPDATE_EXPECT=1 to accept):\n--- expected\n{expected}\n+++ got\n{got}",
                input.display(),
                expected_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
