//! Finds the article on a page that did not say where it is (the bare tag, no `data-root`): the
//! one element holding the story's paragraphs and as little else as possible.
//!
//! Publishers' own markup first, where it is there and plausible, then a score in the manner of
//! Readability (Mozilla's reader view): every prose paragraph gives points to its parent and,
//! less, to its grandparent and great-grandparent; a container's score is cut by the share of its
//! text that is link text, and raised or lowered by class and id words. When nothing is
//! convincing, there is no root: the caller warns once, naming `data-root`.
//!
//! Tuned on the 181 saved pages of scrapinghub/article-extraction-benchmark (`bench/pages.mjs`);
//! the reason for each rule is beside it. It runs once, before the first paint, so it touches
//! each paragraph a few times and no more (measured on a 20,000-word page by the same bench).

use crate::wasm::dom::Dom;
use js_sys::{JsString, Map};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

/// `node.textContent`, trimmed, as a JS string: its length and commas are read in place. Copying
/// every paragraph's text into wasm (UTF-16 to UTF-8) was most of the search's time (traced:
/// 25 of 40 ms on the 20,000-word page, the glue's string copy loop still cold).
pub(crate) fn text(node: &Node) -> JsString {
    raw(node).trim()
}

/// `node.textContent` untrimmed: what the search reads per paragraph and per link, where a few
/// characters of markup whitespace do not matter and a trimmed copy of each would be garbage
/// (traced: 8 of 20 ms in the garbage collector, with `split` for the commas).
fn raw(node: &Node) -> JsString {
    node.unchecked_ref::<Dom>().text_content()
}

/// The DOM calls made per paragraph, with their arguments made once (see `wasm::dom`).
struct Calls {
    unlikely: JsString,
    a: JsString,
    comma: JsString,
}

impl Calls {
    fn new() -> Calls {
        Calls {
            unlikely: JsString::from(UNLIKELY),
            a: JsString::from("a"),
            comma: JsString::from(","),
        }
    }

    /// Commas in `text` (counting stops at 8: more says nothing more).
    fn commas(&self, text: &JsString) -> usize {
        let text = text.unchecked_ref::<Dom>();
        let mut n = 0;
        let mut from = 0;
        while n < 8 {
            let at = text.index_of(&self.comma, from);
            if at < 0 {
                break;
            }
            n += 1;
            from = at as u32 + 1;
        }
        n
    }

    /// `el.closest(UNLIKELY) !== null`.
    fn unlikely(&self, el: &Element) -> bool {
        el.unchecked_ref::<Dom>().closest(&self.unlikely).is_some()
    }

    /// Characters of link text under `el`.
    fn link_chars(&self, el: &Element) -> usize {
        let links = el.unchecked_ref::<Dom>().get_elements_by_tag_name(&self.a);
        (0..links.length())
            .filter_map(|i| links.item(i))
            .map(|a| raw(&a).length() as usize)
            .sum()
    }
}

/// How the root was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// `itemprop="articleBody"` (schema.org microdata): the publisher says so.
    ItemProp,
    /// The paragraphs that open and close the JSON-LD `articleBody` text, and what holds both.
    JsonLd,
    /// The best-scoring container.
    Score,
    /// The `<article>` holding the page's `<h1>`, on a page with too little prose to score.
    Headed,
}

/// A paragraph shorter than this (characters, trimmed) is a label, a caption or a teaser line, not
/// prose (Readability's 25).
const MIN_PARAGRAPH: usize = 25;
/// Less text than this under a publisher-marked body (itemprop) is a stub or a teaser: score the
/// page instead.
const MIN_MARKED: usize = 400;
/// A winner scoring below this is no article (about three ordinary paragraphs): an index page,
/// a gallery, a video page. Then nothing is annotated.
const MIN_SCORE: f64 = 20.0;
/// Link density is computed (it reads the candidate's whole text) only for this many of the best
/// raw scores; the rest cannot overtake them by losing links.
const TOP: usize = 8;
/// Paragraphs inside these are not the story's, whatever their length: navigation, asides,
/// dialogs, and hidden parts. Not `form`: ASP.NET pages wrap the whole page in one (their
/// newsletter and comment forms score low anyway: short paragraphs, −3 for the element).
const UNLIKELY: &str = "nav,aside,footer,dialog,template,[role=navigation],\
[role=complementary],[role=contentinfo],[role=dialog],[hidden],[aria-hidden=true]";

/// Class and id words of containers that hold the story (+25, as Readability).
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
    "artikel", "bericht",
];
/// Class and id words of containers that do not (−25): comment threads, related and promoted
/// stories, share bars, sidebars, footers.
const NEGATIVE: &[&str] = &[
    "comment",
    "reacti",
    "related",
    "gerelateerd",
    "promo",
    "share",
    "social",
    "sidebar",
    "footer",
    "masthead",
    "banner",
    "sponsor",
    "outbrain",
    "taboola",
    "widget",
    "teaser",
    "newsletter",
    "recommend",
    "popular",
    "most-read",
    "mostread",
    "trending",
    "-ad-",
    "advert",
    "shopping",
    "gdpr",
    "cookie",
    "tags",
    "byline",
];

/// Finds the article's root, or `None` when nothing is convincing.
pub fn find(doc: &Document) -> Option<(Element, Why)> {
    let body = doc.body()?;
    let calls = Calls::new();
    if let Some(el) = marked(doc) {
        return Some((el, Why::ItemProp));
    }
    let blocks = ld_blocks(doc);
    let paras = paragraphs(doc, &calls);
    if let Some(el) = json_ld(&blocks, &paras, &body) {
        return Some((el, Why::JsonLd));
    }
    let headed = headed(doc);
    if let Some(el) = scored(&paras, &body, headed.as_ref(), &calls) {
        return Some((el, Why::Score));
    }
    // No <p> prose (older templates and some Asian and Latin American sites write the story as
    // text and <br> in one <div>): each element holding <br>-separated text counts as the
    // paragraphs it holds (Readability turns such divs into paragraphs).
    if let Some(el) = scored(&broken(doc, &calls), &body, headed.as_ref(), &calls) {
        return Some((el, Why::Score));
    }
    // Too little prose to score (a short report): the <article> holding the headline, if it
    // holds a paragraph of prose, is the story; a teaser card has no <h1>.
    headed
        .filter(|a| paras.paras.iter().any(|p| a.contains(Some(&p.el))))
        .map(|a| (a, Why::Headed))
}

/// The `<article>` holding the page's first `<h1>`: a story page's headline is its one `h1`,
/// inside the story's element when the page has one; teaser cards and lists of articles use
/// lower headings. `None` when the first `h1` is in no `<article>`.
fn headed(doc: &Document) -> Option<Element> {
    doc.query_selector("h1")
        .ok()
        .flatten()?
        .closest("article")
        .ok()
        .flatten()
}

/// `itemprop="articleBody"`: schema.org microdata, which publishers add for search engines and
/// which then marks exactly the story's body. The largest one, if it holds enough text (some
/// pages mark a one-paragraph summary too).
fn marked(doc: &Document) -> Option<Element> {
    let list = doc
        .query_selector_all("[itemprop~=articleBody],[itemprop~=articlebody]")
        .ok()?;
    let mut best: Option<(Element, usize)> = None;
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let len = text(&el).length() as usize;
        if len >= MIN_MARKED && best.as_ref().is_none_or(|(_, l)| len > *l) {
            best = Some((el, len));
        }
    }
    best.map(|(el, _)| el)
}

/// A prose paragraph of the page, with what the score needs.
struct Para {
    el: Element,
    /// UTF-16 units of its trimmed text.
    len: usize,
    commas: usize,
    /// How many paragraphs it stands for (1 for a `<p>`; for text broken by `<br>`, one per
    /// line break).
    lines: usize,
    /// Its parent, as an index in [`Paragraphs::parents`].
    parent: usize,
}

/// The page's prose paragraphs, in document order, and their parents (one entry per run of
/// paragraphs under the same parent).
struct Paragraphs {
    paras: Vec<Para>,
    parents: Vec<Element>,
}

/// The page's prose paragraphs: `<p>` elements long enough, mostly not links, and outside
/// navigation, asides and forms.
fn paragraphs(doc: &Document, calls: &Calls) -> Paragraphs {
    let all = doc.get_elements_by_tag_name("p");
    let mut out = Paragraphs {
        paras: Vec::with_capacity(all.length() as usize),
        parents: Vec::new(),
    };
    // Consecutive paragraphs mostly share their parent: it is looked at (and its ancestors
    // checked) once per run, not once per paragraph; every DOM call costs here.
    let mut last: Option<(Element, bool)> = None;
    for i in 0..all.length() {
        let Some(el) = all.item(i) else { continue };
        let text = raw(&el);
        let len = text.length() as usize;
        if len < MIN_PARAGRAPH {
            continue;
        }
        let Some(parent) = el.parent_element() else {
            continue;
        };
        let unlikely = match &last {
            Some((p, unlikely)) if *p == parent => *unlikely,
            _ => {
                let unlikely = calls.unlikely(&parent);
                if !unlikely {
                    out.parents.push(parent.clone());
                }
                last = Some((parent, unlikely));
                unlikely
            }
        };
        // A paragraph that is mostly a link is a teaser or a "read more" line.
        if unlikely || calls.link_chars(&el) * 2 > len {
            continue;
        }
        let commas = calls.commas(&text);
        out.paras.push(Para {
            el,
            len,
            commas,
            lines: 1,
            parent: out.parents.len() - 1,
        });
    }
    out
}

/// The elements holding `<br>`-separated text of some length, as paragraphs.
fn broken(doc: &Document, calls: &Calls) -> Paragraphs {
    let all = doc.get_elements_by_tag_name("br");
    let mut out = Paragraphs {
        paras: Vec::new(),
        parents: Vec::new(),
    };
    let mut last: Option<Element> = None;
    let mut lines = 0;
    let flush = |el: Option<Element>, lines: usize, out: &mut Paragraphs| {
        let Some(el) = el else { return };
        let text = text(&el);
        let len = text.length() as usize;
        if len < MIN_PARAGRAPH * lines.max(4)
            || calls.unlikely(&el)
            || calls.link_chars(&el) * 2 > len
        {
            return;
        }
        let Some(parent) = el.parent_element() else {
            return;
        };
        out.parents.push(parent);
        out.paras.push(Para {
            el,
            len,
            commas: calls.commas(&text),
            lines,
            parent: out.parents.len() - 1,
        });
    };
    for i in 0..all.length() {
        let Some(parent) = all.item(i).and_then(|br| br.parent_element()) else {
            continue;
        };
        if last.as_ref() == Some(&parent) {
            lines += 1;
        } else {
            flush(last.replace(parent), lines, &mut out);
            lines = 1;
        }
    }
    flush(last, lines, &mut out);
    out
}

/// `text`'s words, lowercased, one space between them (so that a JSON-LD text and the page's
/// markup, with their different quotes, entities and line breaks, compare equal).
fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The page's JSON-LD blocks that have an `articleBody`.
fn ld_blocks(doc: &Document) -> Vec<String> {
    let Ok(list) = doc.query_selector_all("script[type=\"application/ld+json\"]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
        .filter(|t| t.contains("\"articleBody\""))
        .collect()
}

/// The JSON-LD `articleBody` text (schema.org NewsArticle, which most news sites publish for
/// search engines): the paragraph holding its first words, the one holding its last words, and
/// the smallest element holding both. Read without a full JSON parse: many sites' blocks are not
/// quite valid JSON, and only this one string matters.
fn json_ld(blocks: &[String], paras: &Paragraphs, body: &Element) -> Option<Element> {
    const PROBE: usize = 8;
    for block in blocks {
        let Some(text) = ld_string(block, "\"articleBody\"") else {
            continue;
        };
        let all = words(&text);
        let list: Vec<&str> = all.split(' ').collect();
        if list.len() < 2 * PROBE {
            continue;
        }
        let head = list[..PROBE].join(" ");
        let tail = list[list.len() - PROBE..].join(" ");
        // Each paragraph's words are made only as far as the search goes (from the start for
        // the head, from the end for the tail).
        let has = |p: &&Para, probe: &str| {
            words(&p.el.text_content().unwrap_or_default()).contains(probe)
        };
        let (Some(first), Some(last)) = (
            paras.paras.iter().find(|p| has(p, &head)),
            paras.paras.iter().rev().find(|p| has(p, &tail)),
        ) else {
            continue;
        };
        let mut root = first.el.parent_element()?;
        while !root.contains(Some(&last.el)) {
            root = root.parent_element()?;
        }
        // Everything under <body> is no answer: score instead.
        if root == *body || root.local_name() == "html" {
            return None;
        }
        return Some(root);
    }
    None
}

/// The string value after `key` in a JSON text, unescaped; `None` if it is not a string.
fn ld_string(json: &str, key: &str) -> Option<String> {
    let at = json.find(key)? + key.len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    let mut chars = rest.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' | 'r' | 't' | 'f' | 'b' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(
                        u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or(' '),
                    );
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// A container that received points from paragraphs.
struct Candidate {
    el: Element,
    score: f64,
    /// Characters of the scored paragraphs under it (within the three levels that score it).
    prose: f64,
}

/// Readability's scoring, on one element per container: each paragraph gives 1 + its commas +
/// one per 100 characters (at most 3) to its parent, half to its grandparent and a sixth to its
/// great-grandparent, so the container of the story's paragraphs wins over the page around it.
fn scored(
    paras: &Paragraphs,
    body: &Element,
    headed: Option<&Element>,
    calls: &Calls,
) -> Option<Element> {
    // Each run's points, then given to its parent, grandparent and great-grandparent.
    let mut points = vec![(0.0, 0.0); paras.parents.len()];
    for p in &paras.paras {
        let lines = p.lines as f64;
        let run = &mut points[p.parent];
        run.0 += lines + p.commas as f64 + (p.len as f64 / 100.0).min(3.0 * lines);
        run.1 += p.len as f64;
    }
    // Element → index in `cands`: a JS Map (elements have no hash on this side).
    let index = Map::new();
    let mut cands: Vec<Candidate> = Vec::new();
    for (parent, &(points, prose)) in paras.parents.iter().zip(&points) {
        let mut el = Some(parent.clone());
        for div in [1.0, 2.0, 6.0] {
            let Some(node) = el else { break };
            if node == *body {
                break;
            }
            let key: &JsValue = node.as_ref();
            let i = match index.get(key).as_f64() {
                Some(i) => i as usize,
                None => {
                    index.set(key, &JsValue::from(cands.len() as f64));
                    cands.push(Candidate {
                        score: initial(&node),
                        el: node.clone(),
                        prose: 0.0,
                    });
                    cands.len() - 1
                }
            };
            cands[i].score += points / div;
            cands[i].prose += prose;
            el = node.parent_element();
        }
    }
    if cands.is_empty() {
        return None;
    }
    cands.sort_by(|a, b| b.score.total_cmp(&a.score));
    // Teaser-first pages: the best candidate inside the <article> holding the headline is kept
    // in the running even when teasers or comments outside it scored more before links count.
    let inside = headed.and_then(|h| cands.iter().position(|c| h.contains(Some(&c.el))));
    // Link density reads every link's text under a candidate: only for the few that can still
    // win, those within half of the best raw score.
    let best = cands[0].score;
    let mut keep: Vec<Candidate> = Vec::with_capacity(TOP + 1);
    for (i, c) in cands.into_iter().enumerate() {
        if (i < TOP && c.score >= best / 2.0) || Some(i) == inside {
            keep.push(c);
        }
    }
    let mut cands = keep;
    // Link density for the best raw scores only: a list of teasers or a navigation block loses
    // the share of its text that is link text.
    for c in &mut cands {
        c.score *= 1.0 - link_density(c, calls);
    }
    cands.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut top = cands[0].el.clone();
    let mut top_score = cands[0].score;
    // The headline's article wins over a better score outside it (a comment thread, a list of
    // teasers) if it holds a fair share of prose: on a story page the story is where its h1 is.
    if let Some(h) = headed {
        if !h.contains(Some(&top)) && !top.contains(Some(h)) {
            if let Some(c) = cands.iter().find(|c| h.contains(Some(&c.el))) {
                if c.score >= top_score / 3.0 {
                    top = c.el.clone();
                    top_score = c.score;
                }
            }
        }
    }
    if top_score < MIN_SCORE {
        return None;
    }
    // A story split into several blocks (one per few paragraphs, between ads) scores in each
    // block: when three of the close runners-up share an ancestor with the winner, that ancestor
    // holds the story (Readability's rule).
    let close: Vec<&Element> = cands
        .iter()
        .filter(|c| c.el != top && c.score >= 0.75 * top_score)
        .map(|c| &c.el)
        .collect();
    if close.len() >= 3 {
        let mut up = top.parent_element();
        while let Some(a) = up {
            if a == *body {
                break;
            }
            if close.iter().filter(|c| a.contains(Some(c))).count() >= 3 {
                top = a;
                break;
            }
            up = a.parent_element();
        }
    }
    // A story cut into sibling blocks (a block per few paragraphs, between ads or pull quotes)
    // where fewer than three score close to the winner: a sibling block scoring at least a third
    // as much means their parent holds the story.
    if let Some(parent) = top.parent_element() {
        if parent != *body
            && cands.iter().any(|c| {
                c.el != top
                    && c.score >= top_score / 3.0
                    && c.el.parent_element().as_ref() == Some(&parent)
            })
        {
            top = parent;
        }
    }
    // An element that is its parent's only child says nothing its parent does not.
    while let Some(parent) = top.parent_element() {
        if parent == *body || parent.child_element_count() != 1 {
            break;
        }
        top = parent;
    }
    Some(top)
}

/// A container's starting score: its kind of element (divs and sections hold stories; lists,
/// headings and table headers do not) and its class and id words.
fn initial(el: &Element) -> f64 {
    let tag = match el.local_name().as_str() {
        "div" | "section" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(el)
}

/// +25 for a class or id that names the story, −25 for one that names something else.
fn class_weight(el: &Element) -> f64 {
    let mut names = el.get_attribute("class").unwrap_or_default();
    if let Some(id) = el.get_attribute("id") {
        names.push(' ');
        names.push_str(&id);
    }
    if names.is_empty() {
        return 0.0;
    }
    let names = names.to_ascii_lowercase();
    let mut w = 0.0;
    if NEGATIVE.iter().any(|n| names.contains(n)) {
        w -= 25.0;
    }
    if POSITIVE.iter().any(|n| names.contains(n)) {
        w += 25.0;
    }
    w
}

/// The share of link text in a candidate's text, its text taken as its links and its scored
/// prose: reading the candidate's whole text instead would cost as much as the article is long
/// (the loader never reads a long article whole before the wasm's size guard).
fn link_density(c: &Candidate, calls: &Calls) -> f64 {
    let links = calls.link_chars(&c.el) as f64;
    if links + c.prose == 0.0 {
        return 1.0;
    }
    links / (links + c.prose)
}
