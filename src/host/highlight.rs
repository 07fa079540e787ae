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

/// A piece of a text node after splitting: it lies wholly inside or wholly outside every target.
struct Fragment {
    node: Text,
    start: usize,
    end: usize,
}

impl Highlights {
    /// Highlights `targets` (sorted by start, longest first, so that outer marks are made before
    /// the marks nested in them). On a DOM error, undoes what it did and returns the error.
    pub fn apply(doc: &Document, map: &TextMap, targets: &[Target]) -> Result<Highlights, JsValue> {
        let mut done = Highlights::default();
        match done.apply_inner(doc, map, targets) {
            Ok(()) => Ok(done),
            Err(e) => {
                done.remove();
                Err(e)
            }
        }
    }

    fn apply_inner(
        &mut self,
        doc: &Document,
        map: &TextMap,
        targets: &[Target],
    ) -> Result<(), JsValue> {
        // Every claim boundary becomes a text-node boundary first; then each claim wraps whole
        // fragments. Splitting before wrapping keeps every offset valid while the DOM changes.
        let mut cuts: Vec<usize> = targets.iter().flat_map(|t| [t.start, t.end]).collect();
        cuts.sort_unstable();
        cuts.dedup();
        let mut fragments = Vec::with_capacity(map.segments.len() + cuts.len());
        for seg in &map.segments {
            let inside = &cuts
                [cuts.partition_point(|&c| c <= seg.start)..cuts.partition_point(|&c| c < seg.end)];
            let seg_text = &map.text[seg.start..seg.end];
            let mut node = seg.node.clone();
            let mut tails = Vec::new();
            let mut at = seg.start;
            for &cut in inside {
                let local = convert(seg_text, at - seg.start, Unit::Utf16);
                let offset = convert(seg_text, cut - seg.start, Unit::Utf16) - local;
                let tail = node.split_text(offset as u32)?;
                tails.push(tail.clone());
                fragments.push(Fragment {
                    node,
                    start: at,
                    end: cut,
                });
                node = tail;
                at = cut;
            }
            fragments.push(Fragment {
                node,
                start: at,
                end: seg.end,
            });
            if !tails.is_empty() {
                self.splits.push((seg.node.clone(), tails));
            }
        }

        for target in targets {
            let first = fragments.partition_point(|f| f.end <= target.start);
            let mut head = true;
            for frag in fragments[first..]
                .iter()
                .take_while(|f| f.start < target.end)
            {
                if frag.start < target.start || frag.end > target.end {
                    continue;
                }
                let mark = wrap(doc, &frag.node, target, head)?;
                head = false;
                self.marks.push(mark);
            }
        }
        Ok(())
    }

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
