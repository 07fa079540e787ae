//! A Rust port of the matching logic of `../shared/tools/score.py articles`, shared by
//! `tests/devset.rs` and `examples/calibrate.rs`. Byte offsets throughout (the gold anchors
//! are found by `str::find`, so the units agree). Besides the scorer's counts it labels every
//! predicted claim right or wrong by the same criteria, for calibration.

use claimlens::engine::{Analysis, Claim, ClaimKind, Span, analyze};
use serde_json::Value;
use std::path::{Path, PathBuf};

#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub q_gold: usize,
    pub q_found: usize,
    pub q_source_ok: usize,
    pub s_gold: usize,
    pub s_found: usize,
    pub s_source_ok: usize,
    pub s_pred: usize,
    pub s_pred_ok: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.q_gold += o.q_gold;
        self.q_found += o.q_found;
        self.q_source_ok += o.q_source_ok;
        self.s_gold += o.s_gold;
        self.s_found += o.s_found;
        self.s_source_ok += o.s_source_ok;
        self.s_pred += o.s_pred;
        self.s_pred_ok += o.s_pred_ok;
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }
    /// The scorer's `attribution_f1`: precision = matched predictions / predictions, recall =
    /// right sources / required gold statements.
    pub fn attribution_f1(&self) -> f64 {
        let p = Self::ratio(self.s_pred_ok, self.s_pred);
        let r = Self::ratio(self.s_source_ok, self.s_gold);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn quantity_source_accuracy(&self) -> f64 {
        Self::ratio(self.q_source_ok, self.q_gold)
    }
}

/// One article scored: counts, misses in words, and each predicted claim with its label.
pub struct Scored {
    pub counts: Counts,
    pub misses: Vec<String>,
    pub labels: Vec<(Claim, bool)>,
}

/// Every `*.gold.json` in `tests/devset`, sorted.
pub fn devset_golds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn span_of(text: &str, context: &str, anchor: &str) -> Option<Span> {
    let c = text.find(context)?;
    let a = context.find(anchor)?;
    Some(Span::new(c + a, c + a + anchor.len()))
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
        .to_lowercase()
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
    let lo = range[0].as_f64().unwrap_or(f64::NAN);
    match (x, range[1].as_f64()) {
        (None, hi) => hi.is_none(),
        (Some(x), hi) => x >= lo - 1e-9 && hi.is_none_or(|h| x <= h + 1e-9),
    }
}

/// Scores the engine on one gold file.
pub fn score_file(gold_path: &Path) -> Scored {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let doc = gold_path.with_file_name(gold["doc"].as_str().unwrap());
    let text = std::fs::read_to_string(&doc).unwrap();
    let lang = gold["lang"]
        .as_str()
        .and_then(claimlens::engine::Lang::from_code);
    let analysis = analyze(&text, lang);
    score(gold_path, &gold, &text, &analysis)
}

pub fn score(name: &Path, gold: &Value, text: &str, analysis: &Analysis) -> Scored {
    let name = name.file_name().unwrap().to_string_lossy().into_owned();
    let mut n = Counts::default();
    let mut misses = Vec::new();
    let qs: Vec<&Claim> = analysis
        .claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Quantity(_)))
        .collect();
    let sts: Vec<&Claim> = analysis
        .claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Statement(_)))
        .collect();
    let mut q_ok = vec![false; qs.len()];
    let empty = vec![];
    for g in gold["quantities"].as_array().unwrap_or(&empty) {
        let Some(span) = span_of(
            text,
            g["context"].as_str().unwrap_or(""),
            g["anchor"].as_str().unwrap_or(""),
        ) else {
            continue;
        };
        let hits: Vec<usize> = (0..qs.len())
            .filter(|&i| overlaps(qs[i].span, span))
            .collect();
        let got = hits
            .first()
            .map(|&i| source_text(text, qs[i]))
            .unwrap_or_default();
        let want = words(&g["source"]);
        let source_ok = if g["source"].is_null() {
            got.is_empty()
        } else {
            want.iter().all(|w| got.contains(w))
        };
        let value_ok = hits.first().is_some_and(|&i| {
            let ClaimKind::Quantity(q) = &qs[i].kind else {
                return false;
            };
            let (lo, hi) = (q.low.or(q.value), q.high.or(q.value));
            let lo = if q.low.is_none() && q.high.is_some() && q.value.is_none() {
                None
            } else {
                lo
            };
            let approx = g
                .get("approximate")
                .and_then(Value::as_bool)
                .is_none_or(|a| a == q.approximate);
            in_range(lo, &g["low"]) && in_range(hi, &g["high"]) && approx
        });
        for &i in &hits {
            // A quantity is right when its value and its source are (the confidence's claim).
            q_ok[i] = value_ok && source_ok;
        }
        if g["optional"].as_bool() == Some(true) {
            continue;
        }
        n.q_gold += 1;
        if hits.is_empty() {
            misses.push(format!("{name}: quantity not found: {:?}", g["context"]));
            continue;
        }
        n.q_found += 1;
        if source_ok {
            n.q_source_ok += 1;
        } else {
            misses.push(format!(
                "{name}: quantity source wrong: {:?} want {want:?} got {got:?}",
                g["context"]
            ));
        }
    }
    let mut used = vec![false; sts.len()];
    let mut s_ok = vec![false; sts.len()];
    for g in gold["statements"].as_array().unwrap_or(&empty) {
        let keys: Vec<Span> = g["keys"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .filter_map(|k| k.as_str().and_then(|k| span_of(text, k, k)))
            .collect();
        let cover = |c: &Claim| {
            let content = match &c.kind {
                ClaimKind::Statement(s) => s.content,
                _ => c.span,
            };
            keys.iter().filter(|k| content.contains(**k)).count()
        };
        // The scorer keeps the first statement with the highest cover.
        let mut best: Option<(usize, usize)> = None;
        for (i, s) in sts.iter().enumerate() {
            let c = cover(s);
            if c > best.map_or(0, |b| b.1) {
                best = Some((i, c));
            }
        }
        let got = best
            .map(|(i, _)| source_text(text, sts[i]))
            .unwrap_or_default();
        let source_ok = words(&g["source"]).iter().all(|w| got.contains(w))
            && !words(&g["not_source"]).iter().any(|w| got.contains(w));
        if let Some((i, _)) = best {
            used[i] = true;
            s_ok[i] |= source_ok;
        }
        if g["optional"].as_bool() == Some(true) {
            continue;
        }
        n.s_gold += 1;
        let id = g["id"].as_str().unwrap_or("?");
        if best.is_none() {
            misses.push(format!("{name}: statement not found: {id}"));
            continue;
        }
        n.s_found += 1;
        if source_ok {
            n.s_source_ok += 1;
        } else {
            misses.push(format!(
                "{name}: statement source wrong: {id} want {:?} got {got:?}",
                words(&g["source"])
            ));
        }
    }
    for (i, s) in sts.iter().enumerate() {
        n.s_pred += 1;
        if used[i] {
            n.s_pred_ok += 1;
        } else {
            misses.push(format!("{name}: spurious statement: {:?}", s.span.of(text)));
        }
    }
    let mut labels = Vec::new();
    for (i, c) in sts.iter().enumerate() {
        labels.push(((*c).clone(), used[i] && s_ok[i]));
    }
    for (i, c) in qs.iter().enumerate() {
        labels.push(((*c).clone(), q_ok[i]));
    }
    Scored {
        counts: n,
        misses,
        labels,
    }
}
