//! The pure engine: text in, claims out.
//!
//! Nothing here touches web-sys, yew, wasm-bindgen, gloo, a clock or I/O, and nothing here
//! fails: odd input yields fewer claims, never an error or a panic. Spans are byte offsets into
//! the analysed text; [`offsets`] converts them once, for the CLI (code points) and the DOM
//! (UTF-16 units), and [`wire`] gives the JSON shape both speak.
//!
//! Pipeline: [`text`] tokenizes and finds quotes and sentences; [`attribution`] finds who says
//! what; [`quantity`] finds numbers; a quantity inside a statement's content takes that
//! statement's source; [`confidence`] scores each claim.

mod attribution;
mod confidence;
mod lang;
pub mod offsets;
mod quantity;
mod text;
pub mod wire;

mod types;
pub use types::*;

use confidence::{QuantityFeatures, StatementFeatures};

/// How many statements back a quantity's enclosing statement is looked for (nesting depth in
/// an interview answer is small).
const NESTING_REACH: usize = 4;

/// Analyses `text` and returns every claim found in it, sorted by start offset, then longest
/// first.
///
/// `lang` of `None` means: detect the language.
pub fn analyze(text: &str, lang: Option<Lang>) -> Analysis {
    let lang = lang.unwrap_or_else(|| Lang::detect(text));
    let (statements, quantities) = {
        // The token tables are the largest structure: they are gone before the claims are
        // built, so the two never add up in the peak working set.
        let doc = text::Doc::new(text, attribution::abbreviations(lang));
        (attribution::find(&doc, lang), quantity::find(&doc, lang))
    };
    // Scored first: a quantity inside a statement takes the statement's confidence.
    let scored: Vec<(f32, Reasons)> = statements
        .iter()
        .map(|s| {
            confidence::statement(StatementFeatures {
                explicit_cue: s.cue.is_some(),
                source: s.source.as_ref().map(|x| x.kind),
                direct: s.direct,
                hedged: s.hedged,
                continued: s.continued,
                competitors: s.source.as_ref().map_or(0, |x| x.competitors),
                lang,
            })
        })
        .collect();
    // Claims are built once, straight into their final order (by start, then longest first,
    // then statements before quantities and each in found order: a stable sort's order), so
    // no claim is moved after it is made.
    let n = statements.len();
    let mut order: Vec<(usize, std::cmp::Reverse<usize>, usize)> = statements
        .iter()
        .map(|s| s.span)
        .chain(quantities.iter().map(|q| q.span))
        .enumerate()
        .map(|(k, span)| (span.start, std::cmp::Reverse(span.end), k))
        .collect();
    if !order.is_sorted() {
        order.sort_unstable();
    }
    let mut quantities: Vec<Option<quantity::Found>> = quantities.into_iter().map(Some).collect();
    let mut claims = Vec::with_capacity(order.len());
    for &(_, _, k) in &order {
        if let Some(s) = statements.get(k) {
            let (confidence, reasons) = scored.get(k).copied().unwrap_or_default();
            claims.push(Claim {
                kind: ClaimKind::Statement(Statement {
                    content: s.content,
                    direct: s.direct,
                }),
                span: s.span,
                source: s.source.as_ref().map(to_source),
                cue: s.cue,
                hedged: s.hedged,
                confidence,
                reasons,
            });
            continue;
        }
        let Some(q) = quantities.get_mut(k - n).and_then(Option::take) else {
            continue;
        };
        // Statements come sentence by sentence, so their contents are sorted by start; they
        // overlap only where a statement nests in an interview answer. The innermost one that
        // holds a quantity is found by binary search and a short, bounded look-back.
        let j = statements.partition_point(|s| s.content.start <= q.span.start);
        // Failing that, the statement whose sentence holds it after its cue: `…, the ministry
        // said on Monday, with some holding less than 15 per cent` is still the ministry's
        // report (a figure before the cue is the reporter's framing).
        let outer = (j.saturating_sub(NESTING_REACH)..j)
            .rev()
            .find(|&j| statements[j].content.contains(q.span))
            .or_else(|| {
                let j = statements.partition_point(|s| s.span.start <= q.span.start);
                (j.saturating_sub(NESTING_REACH)..j).rev().find(|&j| {
                    let s = &statements[j];
                    s.span.contains(q.span)
                        && s.cue.is_some_and(|c| c.end <= q.span.start)
                        && s.content.end <= q.span.start
                })
            });
        let (confidence, reasons) = confidence::quantity(QuantityFeatures {
            form: q.form,
            approximate: q.quantity.approximate,
            ordinal: q.quantity.ordinal,
            statement: outer.and_then(|j| scored.get(j)).map(|x| x.0),
        });
        let s = outer.map(|j| &statements[j]);
        claims.push(Claim {
            kind: ClaimKind::Quantity(q.quantity),
            span: q.span,
            source: s.and_then(|s| s.source.as_ref()).map(to_source),
            cue: s.and_then(|s| s.cue),
            hedged: s.is_some_and(|s| s.hedged),
            confidence,
            reasons,
        });
    }
    Analysis { lang, claims }
}

fn to_source(s: &attribution::FoundSource) -> Source {
    Source {
        span: s.span,
        resolved: s.resolved.clone(),
        via: s.via,
    }
}
