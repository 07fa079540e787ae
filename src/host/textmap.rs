//! Reads the text under an article's root into one string, with a map from byte ranges of that
//! string back to the DOM text nodes they came from.

use super::UI_TAG;
use wasm_bindgen::{JsCast, JsValue};
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

/// Page furniture inside an article, by element: dates and times (`<time>`: a dateline's `13`,
/// `1:39` is no claim), and the article's own header and footer (byline, share bar, tags,
/// reading time, "more on this story"). The headline is kept: an `h1` outside them.
const FURNITURE: &[&str] = &["time", "header", "footer", "dialog", "menu"];

/// ARIA roles of furniture: landmarks and widgets that are not the story's prose.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "toolbar",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "status",
    "timer",
    "marquee",
];

/// Words in a class, id or `data-component`/`data-module`/`data-testid` value that name
/// furniture, matched at the start of a word of that value (words are split at `-`, `_`, `:`,
/// spaces and lower-to-upper case changes, so `c-share-bar`, `ShareTools` and `article__share`
/// all hold `share`): share and comment counters, bylines and author boxes, related and
/// most-read lists, newsletter and subscription boxes, ads, galleries' counters, reading times.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "reacties",
    "byline",
    "author",
    "auteur",
    "related",
    "gerelateerd",
    "recommend",
    "readmore",
    "newsletter",
    "nieuwsbrief",
    "subscribe",
    "signup",
    "promo",
    "advert",
    "advertisement",
    "sponsor",
    "outbrain",
    "taboola",
    "mostread",
    "popular",
    "trending",
    "breadcrumb",
    "tags",
    "toolbar",
    "counter",
    "count",
    "readtime",
    "readingtime",
    "timestamp",
    "dateline",
    "caption",
    "credit",
    "paywall",
    "disclaimer",
    "sidebar",
    "teaser",
    "gallery",
    "slideshow",
    "carousel",
    "pagination",
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
    /// Byte offsets in `text` where skipped page furniture with text of its own stood (a
    /// dateline, a share counter, hidden text): a claim whose text spans one of them would join
    /// words the page shows apart, so it is not highlighted ([`TextMap::straddles`]).
    pub gaps: Vec<usize>,
}

impl TextMap {
    /// Reads every visible prose text node under `root`, up to `max` bytes of text (the size guard for enormous
    /// pages): the text node that would cross the limit and everything after it are left out.
    pub fn read_limited(root: &Element, max: usize) -> TextMap {
        let mut reader = Reader::new(root, max);
        while !reader.read(usize::MAX) {}
        reader.finish()
    }

    /// Whether `start..end` spans skipped furniture (a gap strictly inside it).
    pub fn straddles(&self, start: usize, end: usize) -> bool {
        let i = self.gaps.partition_point(|&g| g <= start);
        self.gaps.get(i).is_some_and(|&g| g < end)
    }

    /// Drops the claims that span skipped furniture (see [`TextMap::gaps`]).
    pub fn drop_straddling(&self, claims: &mut Vec<crate::engine::Claim>) {
        if !self.gaps.is_empty() {
            claims.retain(|c| !self.straddles(c.span.start, c.span.end));
        }
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

    /// A furniture element `el` was skipped here: a gap if it had text of its own.
    fn gap(&mut self, el: &Element) {
        let texty = super::article::text(el).length() > 0;
        if texty && self.gaps.last() != Some(&self.text.len()) {
            self.gaps.push(self.text.len());
        }
    }
}

/// Tells page furniture from the story's prose (see [`FURNITURE`], [`FURNITURE_ROLES`],
/// [`FURNITURE_WORDS`]), and hidden elements through the browser's own `checkVisibility`
/// (computed `display: none`, `visibility: hidden`, `content-visibility: hidden`).
#[derive(Debug)]
struct Furniture {
    /// `Element.prototype.checkVisibility` and its options, where the browser has it and the
    /// article is in the document (an element outside it is never "visible").
    visible: Option<(js_sys::Function, JsValue)>,
}

impl Furniture {
    fn new(root: &Element) -> Furniture {
        let visible = root
            .is_connected()
            .then(|| js_sys::Reflect::get(root, &"checkVisibility".into()).ok())
            .flatten()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .map(|f| {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"visibilityProperty".into(), &true.into());
                (f, options.into())
            });
        Furniture { visible }
    }

    /// Whether `el` (not the root) is furniture or hidden.
    fn is(&self, el: &Element) -> bool {
        let name = el.local_name();
        if FURNITURE.contains(&name.as_str()) {
            return true;
        }
        if el.has_attributes() {
            if el
                .get_attribute("role")
                .is_some_and(|r| FURNITURE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
            {
                return true;
            }
            for attr in [
                "class",
                "id",
                "data-component",
                "data-module",
                "data-testid",
            ] {
                if el.get_attribute(attr).is_some_and(|v| furniture_words(&v)) {
                    return true;
                }
            }
        }
        if let Some((check, options)) = &self.visible {
            // Inline formatting inside prose is only hidden through its block; asking about each
            // <a>, <em> or <strong> too would double the calls for nothing.
            if !matches!(
                name.as_str(),
                "a" | "em" | "strong" | "b" | "i" | "u" | "sub" | "sup"
            ) && check.call1(el, options).ok().and_then(|v| v.as_bool()) == Some(false)
            {
                return true;
            }
        }
        if matches!(name.as_str(), "ul" | "ol") && mostly_links(el) {
            return true;
        }
        counter(el)
    }
}

/// Whether a class (or id, or data-*) value has a word that starts with a furniture word.
fn furniture_words(value: &str) -> bool {
    let mut word = String::new();
    let mut prev_lower = false;
    let check = |word: &mut String| {
        let hit = !word.is_empty()
            && FURNITURE_WORDS.iter().any(|f| {
                word.starts_with(f)
                    // `count` and `tags` only as whole words: `counterpart`, `country`, `tagsearch`.
                    && (word.len() == f.len() || !matches!(*f, "count" | "tags" | "author" | "credit"))
            });
        word.clear();
        hit
    };
    for c in value.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower && check(&mut word) {
                return true;
            }
            prev_lower = c.is_ascii_lowercase();
            word.push(c.to_ascii_lowercase());
        } else {
            prev_lower = false;
            if check(&mut word) {
                return true;
            }
        }
    }
    check(&mut word)
}

/// A list that is mostly links (related stories, "read more", tags): more than half its text.
fn mostly_links(el: &Element) -> bool {
    let total = super::article::text(el).length();
    let links = el.get_elements_by_tag_name("a");
    let linked: u32 = (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|a| super::article::text(&a).length())
        .sum();
    total > 0 && linked * 2 > total
}

/// An element whose whole text is one short run of digits and signs (`+10`, `87`, `1/12`,
/// `1:39`, `3 / 12`): a counter, a gallery's position, a duration, a date's day. Prose puts its
/// numbers in sentences.
fn counter(el: &Element) -> bool {
    // Only the elements counters are made of, and only holding one text node.
    if !matches!(
        el.local_name().as_str(),
        "span" | "div" | "small" | "b" | "strong" | "em" | "i" | "a" | "sup" | "label"
    ) {
        return false;
    }
    let Some(child) = el.first_child() else {
        return false;
    };
    if child.next_sibling().is_some() || child.node_type() != Node::TEXT_NODE {
        return false;
    }
    let text = child.text_content().unwrap_or_default();
    let text = text.trim();
    !text.is_empty()
        && text.len() <= 8
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '+' | '/' | ':' | '.' | ',' | ' ' | '-' | '#' | '%')
        })
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
    furniture: Furniture,
}

impl Reader {
    pub fn new(root: &Element, max: usize) -> Reader {
        Reader {
            root: root.clone(),
            max,
            map: TextMap::default(),
            next: root.first_child(),
            depth: 0,
            furniture: Furniture::new(root),
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
                if is_skipped(el) {
                    if hidden(el) {
                        map.gap(el);
                    }
                } else if self.furniture.is(el) {
                    map.gap(el);
                } else {
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
        || hidden(el)
}

/// Hidden by the page's markup: `hidden`, or hidden from assistive technology (`aria-hidden`),
/// which sites use for duplicates and decorations.
fn hidden(el: &Element) -> bool {
    el.has_attribute("hidden") || el.get_attribute("aria-hidden").as_deref() == Some("true")
}
