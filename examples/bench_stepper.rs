//! How long each step of `engine::Stepper` takes on a text: with no bound, one step per stage
//! (tokenizing, the word tables, attribution, the quantity tables, quantities, building the
//! claims); then the longest step at a few budgets. The widget runs the stepper a few steps
//! per short task (`src/wasm.rs`), so its longest task is about the longest of these (times the
//! wasm/native factor of docs/performance.md).
//!
//! `cargo run --release --example bench_engine -- --dump DIR` writes the 1 MB bench texts;
//! then `cargo run --release --example bench_stepper -- DIR/nl-1000000.txt …`.

use claimlens::engine::Stepper;
use std::time::Instant;

const STAGES: [&str; 6] = [
    "tokenize (Doc::new)",
    "word tables",
    "attribution",
    "quantity tables",
    "quantities",
    "build claims",
];

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("a readable text file");
        println!("{path}: {} bytes", text.len());
        for _ in 0..2 {
            // Twice: the first run warms caches and the allocator.
            let t = Instant::now();
            let mut s = Stepper::new(text.clone(), None);
            let created = t.elapsed();
            let mut times = Vec::new();
            loop {
                let t = Instant::now();
                let done = s.step(usize::MAX);
                times.push(t.elapsed());
                if done {
                    break;
                }
            }
            print!("  new {:.2} ms;", created.as_secs_f64() * 1e3);
            for (k, d) in times.iter().enumerate() {
                let name = STAGES.get(k).unwrap_or(&"?");
                print!(" {name} {:.2} ms;", d.as_secs_f64() * 1e3);
            }
            println!();
        }
        for budget in [500, 2000, 8000] {
            let mut s = Stepper::new(text.clone(), None);
            let (mut steps, mut longest, mut sliced) = (0, 0.0f64, 0.0f64);
            loop {
                let t = Instant::now();
                let done = s.step(budget);
                let ms = t.elapsed().as_secs_f64() * 1e3;
                steps += 1;
                longest = longest.max(ms);
                // Steps 1, 2 and 4 and the last are whole-text passes whatever the budget.
                if steps != 1 && steps != 2 && !done {
                    sliced = sliced.max(ms);
                }
                if done {
                    break;
                }
            }
            println!(
                "  budget {budget} tokens: {steps} steps, longest {longest:.2} ms, longest budgeted step {sliced:.2} ms"
            );
        }
    }
}
