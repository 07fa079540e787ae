//! Wraps claim spans in `<claimlens-mark>` elements, and unwraps them so that the article is
//! exactly as before: same text nodes (split ones are joined back), same markup.

use super::MARK_TAG;
use super::textmap::TextMap;
use crate::engine::offsets::{Unit, convert};
use wasm_bindgen::JsValue;
use web_sys::{Document, Element, Text};

/// One span to highlight.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// Index of the claim in the analysis; written to `data-claim`.
    pub claim: usize,
    /// Byte range in the text map's text.
    pub start: usize,
    pub end: usize,
    /// `data-kind` of the marks: `statement`, `quantity` or `unsourced`.
    pub kind: &'static str,
    /// What a screen reader says the highlight is, in the page's language (`claim: getal`):
    /// its `aria-roledescription`.
    pub label: &'static str,
}

/// The marks made on a page, and how to take them away again.
#[derive(Debug, Default)]
pub struct Highlights {
    /// Every mark, in the order made (outer claims before the claims nested in them).
    marks: Vec<Element>,
    /// Each text node that was split, with the nodes split off it, in order.
    splits: Vec<(Text, Vec<Text>)>,
}

/// Highlighting in slices, segment by segment in document order, so that a long article can be
/// highlighted between frames: each [`Job::step`] does a bounded amount of DOM work and
/// everything made so far is already recorded in the [`Highlights`], so `remove()` is exact at
/// any point.
#[derive(Debug, Default)]
pub struct Job {
    /// Every claim boundary (sorted, unique): each becomes a text-node boundary.
    cuts: Vec<usize>,
    /// The next segment of the map to do.
    seg: usize,
    /// The next target not yet opened (targets are sorted by start).
    next: usize,
    /// Targets opened and not yet passed, in target order (outer before nested).
    open: Vec<usize>,
    /// Whether a target's first mark (its tab stop) has been made.
    headed: Vec<bool>,
    /// Set by the caller once it has seen `step` return `true` (what is left is its own work).
    pub finished: bool,
}

impl Job {
    pub fn new(targets: &[Target]) -> Job {
        let mut cuts: Vec<usize> = targets.iter().flat_map(|t| [t.start, t.end]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        Job {
            cuts,
            headed: vec![false; targets.len()],
            ..Job::default()
        }
    }

    /// Does up to `segments` more text nodes of `map` into `into`; `Ok(true)` once every one is
    /// done. On a DOM error the caller removes `into` (what was made so far).
    pub fn step(
        &mut self,
        into: &mut Highlights,
        doc: &Document,
        map: &TextMap,
        targets: &[Target],
        segments: usize,
    ) -> Result<bool, JsValue> {
        let mut budget = segments;
        while let Some(seg) = map.segments.get(self.seg) {
            if budget == 0 {
                return Ok(false);
            }
            budget -= 1;
            self.seg += 1;
            // Every claim boundary inside the segment becomes a text-node boundary; then each
            // piece is wrapped by the targets that hold it whole (outer first).
            let lo = self.cuts.partition_point(|&c| c <= seg.start);
            let hi = self.cuts.partition_point(|&c| c < seg.end);
            let seg_text = map.text.get(seg.start..seg.end).unwrap_or_default();
            let mut node = seg.node.clone();
            let mut at = seg.start;
            let mut record: Option<usize> = None;
            for k in lo..hi {
                let Some(&cut) = self.cuts.get(k) else { break };
                let local = convert(seg_text, at - seg.start, Unit::Utf16);
                let offset = convert(seg_text, cut - seg.start, Unit::Utf16) - local;
                let tail = node.split_text(offset as u32)?;
                // Recorded at once, so that an error later still joins it back.
                let r = *record.get_or_insert_with(|| {
                    into.splits.push((seg.node.clone(), Vec::new()));
                    into.splits.len() - 1
                });
                if let Some((_, tails)) = into.splits.get_mut(r) {
                    tails.push(tail.clone());
                }
                self.wrap_piece(into, doc, &node, at, cut, targets)?;
                node = tail;
                at = cut;
            }
            self.wrap_piece(into, doc, &node, at, seg.end, targets)?;
        }
        Ok(true)
    }

    fn wrap_piece(
        &mut self,
        into: &mut Highlights,
        doc: &Document,
        piece: &Text,
        start: usize,
        end: usize,
        targets: &[Target],
    ) -> Result<(), JsValue> {
        while targets.get(self.next).is_some_and(|t| t.start <= start) {
            self.open.push(self.next);
            self.next += 1;
        }
        self.open
            .retain(|&i| targets.get(i).is_some_and(|t| t.end > start));
        for &i in &self.open {
            let Some(target) = targets.get(i) else {
                continue;
            };
            if target.start <= start && end <= target.end {
                let head = !self.headed.get(i).copied().unwrap_or(true);
                if let Some(h) = self.headed.get_mut(i) {
                    *h = true;
                }
                into.marks.push(wrap(doc, piece, target, head)?);
            }
        }
        Ok(())
    }
}

impl Highlights {
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Unwraps every mark and joins split text nodes back, restoring the article's DOM.
    pub fn remove(&mut self) {
        // Inner marks first, so each mark's children move into what was its parent.
        for mark in self.marks.drain(..).rev() {
            if let Some(parent) = mark.parent_node() {
                while let Some(child) = mark.first_child() {
                    // A failure here means the page moved the node away; leave it where it is.
                    let _ = parent.insert_before(&child, Some(&mark));
                }
                let _ = parent.remove_child(&mark);
            }
        }
        for (original, tails) in self.splits.drain(..) {
            for tail in tails {
                // Join only a piece still right after the original: if the page removed it or
                // put something between (it changed the article meanwhile), joining would move
                // or revive text, so the piece stays where the page left it.
                if tail.previous_sibling().as_ref() == Some(original.as_ref()) {
                    let _ = original.append_data(&tail.data());
                    tail.remove();
                }
            }
        }
    }
}

/// Wraps one text node in a mark. Only the first mark of a claim is a tab stop, so a claim that
/// crosses a link or emphasis is still one stop for keyboard users.
///
/// The tab stop is `role="link"`, not `button`: a statement's mark holds the marks of its
/// quantities and often a real `<a>`, and a button's children are presentational (nested
/// controls would vanish for screen readers). `aria-roledescription` says it is a claim and of
/// which kind; its name stays the claimed text itself.
fn wrap(doc: &Document, node: &Text, target: &Target, head: bool) -> Result<Element, JsValue> {
    let mark = doc.create_element(MARK_TAG)?;
    mark.set_attribute("data-claim", &target.claim.to_string())?;
    mark.set_attribute("data-kind", target.kind)?;
    if head {
        mark.set_attribute("tabindex", "0")?;
        mark.set_attribute("role", "link")?;
        mark.set_attribute("aria-roledescription", target.label)?;
        mark.set_attribute("aria-haspopup", "dialog")?;
    }
    let parent = node
        .parent_node()
        .ok_or_else(|| JsValue::from_str("text node has no parent"))?;
    parent.insert_before(&mark, Some(node))?;
    mark.append_child(node)?;
    Ok(mark)
}
