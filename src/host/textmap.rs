//! Reads the text under an article's root into one string, with a map from byte ranges of that
//! string back to the DOM text nodes they came from.

use super::UI_TAG;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

/// Subtrees whose text is not article prose: code, navigation, captions, controls, embeds.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "code",
    "pre",
    "kbd",
    "samp",
    "nav",
    "aside",
    "figcaption",
    "input",
    "textarea",
    "select",
    "option",
    "button",
    "iframe",
    "object",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    UI_TAG,
];

/// Elements that end a paragraph: their text is kept apart from their neighbours' so that the
/// engine never reads a sentence across two blocks.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "figure",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
    "legend",
];

/// What goes between two blocks: a blank line, which the engine reads as a paragraph break.
const BLOCK_BREAK: &str = "\n\n";

/// One text node and the byte range its text occupies in [`TextMap::text`].
#[derive(Clone, Debug)]
pub struct Segment {
    pub node: Text,
    pub start: usize,
    pub end: usize,
}

/// The article's text and where each piece of it lives in the DOM.
#[derive(Clone, Debug, Default)]
pub struct TextMap {
    pub text: String,
    /// In document order, non-overlapping, ascending.
    pub segments: Vec<Segment>,
    /// The size guard stopped the reading: text after `text` was left out.
    pub truncated: bool,
}

impl TextMap {
    /// Reads every visible prose text node under `root`, up to `max` bytes of text (the size guard for enormous
    /// pages): the text node that would cross the limit and everything after it are left out.
    pub fn read_limited(root: &Element, max: usize) -> TextMap {
        let mut reader = Reader::new(root, max);
        while !reader.read(usize::MAX) {}
        reader.finish()
    }

    fn push_text(&mut self, node: &Text) {
        let data = node.data();
        if data.is_empty() {
            return;
        }
        let start = self.text.len();
        // Source-code line breaks and tabs inside a text node are spaces to a reader. Each is one
        // byte and one UTF-16 unit either way, so offsets stay exact.
        self.text.extend(data.chars().map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\x0c') {
                ' '
            } else {
                c
            }
        }));
        self.segments.push(Segment {
            node: node.clone(),
            start,
            end: self.text.len(),
        });
    }

    fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(BLOCK_BREAK) {
            self.text.push_str(BLOCK_BREAK);
        }
    }

    /// Called as the walk leaves `node` for good.
    fn leave(&mut self, node: &Node) {
        if let Some(el) = node.dyn_ref::<Element>() {
            if el.local_name() == "br" {
                self.text.push('\n');
            } else if is_block(el) && !is_skipped(el) {
                self.push_break();
            }
        }
    }
}

/// Reads a [`TextMap`] a number of DOM nodes at a time, so that a long article's text can be read
/// in slices (each a short task) instead of in one walk over every node.
#[derive(Debug)]
pub struct Reader {
    root: Element,
    max: usize,
    map: TextMap,
    /// The next node to visit; `None` once the walk is over.
    next: Option<Node>,
    /// How deep `next` is below `root` (0: a child of the root).
    depth: usize,
}

impl Reader {
    pub fn new(root: &Element, max: usize) -> Reader {
        Reader {
            root: root.clone(),
            max,
            map: TextMap::default(),
            next: root.first_child(),
            depth: 0,
        }
    }

    /// Visits up to `nodes` more nodes (depth-first, without recursion, so that a deeply nested
    /// page cannot exhaust the stack); `true` once the whole article has been read.
    pub fn read(&mut self, nodes: usize) -> bool {
        let map = &mut self.map;
        let mut budget = nodes;
        while let Some(node) = self.next.take() {
            if budget == 0 {
                self.next = Some(node);
                return false;
            }
            budget -= 1;
            let mut descend = false;
            if let Some(text) = node.dyn_ref::<Text>() {
                if map.text.len().saturating_add(text.length() as usize * 3) > self.max
                    && map.text.len() + text.data().len() > self.max
                {
                    map.truncated = true;
                    return true;
                }
                map.push_text(text);
            } else if let Some(el) = node.dyn_ref::<Element>() {
                if !is_skipped(el) {
                    if is_block(el) {
                        map.push_break();
                    }
                    descend = true;
                }
            }
            self.next = if descend && node.has_child_nodes() {
                self.depth += 1;
                node.first_child()
            } else {
                map.leave(&node);
                next_after(&node, &self.root, &mut self.depth, map)
            };
        }
        true
    }

    /// The text read so far (all of it once [`Reader::read`] returned `true`).
    pub fn finish(self) -> TextMap {
        self.map
    }
}

/// The next node in document order after `node`'s subtree, closing the elements left on the way.
fn next_after(node: &Node, root: &Element, depth: &mut usize, map: &mut TextMap) -> Option<Node> {
    let mut current = node.clone();
    loop {
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        if *depth == 0 {
            return None;
        }
        let parent = current.parent_node()?;
        if parent == **root {
            return None;
        }
        *depth -= 1;
        map.leave(&parent);
        current = parent;
    }
}

fn is_block(el: &Element) -> bool {
    BLOCKS.contains(&el.local_name().as_str())
}

fn is_skipped(el: &Element) -> bool {
    let name = el.local_name();
    if SKIPPED.contains(&name.as_str()) {
        return true;
    }
    // Text a reader edits is not ours to wrap; hidden text is not read.
    el.get_attribute("contenteditable")
        .is_some_and(|v| !v.eq_ignore_ascii_case("false"))
        || el.has_attribute("hidden")
        || el.get_attribute("aria-hidden").as_deref() == Some("true")
}
