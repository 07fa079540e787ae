//! Calibration of the engine's confidence on our own development set (a check, not the fit:
//! the lookup is fitted on real news by scripts/calibrate.py, see docs/calibration.md).
//!
//! `cargo run --release --example calibrate` runs the engine over tests/devset/*.gold.json,
//! labels every predicted claim right or wrong with the scorer's criteria (a statement: matched
//! to a gold statement and its source right; a quantity: matched, value and source right), and
//! prints the reliability table (10 equal-width bins: count, mean confidence, accuracy), the
//! expected calibration error, and the accuracy per feature bucket.

// Shared with tests/devset.rs, which uses the counts this example does not.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/score.rs"]
#[allow(dead_code)]
mod score;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::collections::BTreeMap;
    let mut labels = Vec::new();
    for g in score::devset_golds() {
        labels.extend(score::score_file(&g).labels);
    }
    if labels.is_empty() {
        println!("no dev-set articles found");
        return;
    }
    const BINS: usize = 10;
    let mut bins = [(0usize, 0f64, 0usize); BINS];
    for (c, ok) in &labels {
        let b = ((c.confidence * BINS as f32) as usize).min(BINS - 1);
        bins[b].0 += 1;
        bins[b].1 += c.confidence as f64;
        bins[b].2 += *ok as usize;
    }
    let n = labels.len() as f64;
    let mut ece = 0.0;
    println!("| bin | count | mean confidence | accuracy |");
    println!("| --- | ---: | ---: | ---: |");
    for (b, &(count, sum, right)) in bins.iter().enumerate() {
        if count == 0 {
            continue;
        }
        let conf = sum / count as f64;
        let acc = right as f64 / count as f64;
        ece += count as f64 / n * (conf - acc).abs();
        println!(
            "| {:.1}–{:.1} | {count} | {conf:.3} | {acc:.3} |",
            b as f64 / BINS as f64,
            (b + 1) as f64 / BINS as f64
        );
    }
    println!(
        "\nclaims: {} expected calibration error: {ece:.4}",
        labels.len()
    );
    // Accuracy per feature bucket (the reasons' first entries).
    let mut buckets: BTreeMap<String, (usize, usize, f64)> = BTreeMap::new();
    for (c, ok) in &labels {
        let kind = c.kind.code();
        let key = format!(
            "{kind}: {}",
            c.reasons
                .iter()
                .take(2)
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let e = buckets.entry(key).or_default();
        e.0 += 1;
        e.1 += *ok as usize;
        e.2 += c.confidence as f64;
    }
    // `smoothed` is (right + 1) / (count + 2); `mean confidence` is what the engine gives the
    // bucket now (a quantity's is a product).
    println!("\n| features | count | right | accuracy | smoothed | mean confidence |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (k, (count, right, sum)) in buckets {
        println!(
            "| {k} | {count} | {right} | {:.3} | {:.3} | {:.3} |",
            right as f64 / count as f64,
            (right + 1) as f64 / (count + 2) as f64,
            sum / count as f64
        );
    }
}
