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

use js_sys::Map;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

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
/// forms (newsletter boxes, comment forms), dialogs, and hidden parts.
const UNLIKELY: &str = "nav,aside,footer,form,dialog,template,[role=navigation],\
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
    if let Some(el) = marked(doc) {
        return Some((el, Why::ItemProp));
    }
    let blocks = ld_blocks(doc);
    let paras = paragraphs(doc, !blocks.is_empty());
    if let Some(el) = json_ld(&blocks, &paras, &body) {
        return Some((el, Why::JsonLd));
    }
    let headed = headed(doc);
    if let Some(el) = scored(&paras, &body, headed.as_ref()) {
        return Some((el, Why::Score));
    }
    // Too little prose to score (a short report): the <article> holding the headline, if it
    // holds a paragraph of prose, is the story; a teaser card has no <h1>.
    headed
        .filter(|a| paras.iter().any(|p| a.contains(Some(&p.el))))
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
        let len = el.text_content().map_or(0, |t| t.trim().chars().count());
        if len >= MIN_MARKED && best.as_ref().is_none_or(|(_, l)| len > *l) {
            best = Some((el, len));
        }
    }
    best.map(|(el, _)| el)
}

/// A prose paragraph of the page, with what the score needs.
struct Para {
    el: Element,
    /// Characters of its trimmed text.
    len: usize,
    commas: usize,
    /// Its text's words, lowercased (only when there is JSON-LD to match).
    words: Option<String>,
}

/// The page's prose paragraphs: `<p>` elements long enough, mostly not links, and outside
/// navigation, asides and forms.
fn paragraphs(doc: &Document, want_words: bool) -> Vec<Para> {
    let all = doc.get_elements_by_tag_name("p");
    let mut out = Vec::with_capacity(all.length() as usize);
    for i in 0..all.length() {
        let Some(el) = all.item(i) else { continue };
        let Some(text) = el.text_content() else {
            continue;
        };
        let text = text.trim();
        let len = text.chars().count();
        if len < MIN_PARAGRAPH {
            continue;
        }
        if el.closest(UNLIKELY).ok().flatten().is_some() {
            continue;
        }
        // A paragraph that is mostly a link is a teaser or a "read more" line.
        if link_chars(&el) * 2 > len {
            continue;
        }
        let commas = text.chars().filter(|&c| c == ',' || c == '，').count();
        let words = want_words.then(|| words(text));
        out.push(Para {
            el,
            len,
            commas,
            words,
        });
    }
    out
}

/// Characters of link text under `el`.
fn link_chars(el: &Element) -> usize {
    let links = el.get_elements_by_tag_name("a");
    (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|a| a.text_content().map_or(0, |t| t.trim().chars().count()))
        .sum()
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
fn json_ld(blocks: &[String], paras: &[Para], body: &Element) -> Option<Element> {
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
        let has = |p: &&Para, probe: &str| p.words.as_deref().is_some_and(|w| w.contains(probe));
        let (Some(first), Some(last)) = (
            paras.iter().find(|p| has(p, &head)),
            paras.iter().rev().find(|p| has(p, &tail)),
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
}

/// Readability's scoring, on one element per container: each paragraph gives 1 + its commas +
/// one per 100 characters (at most 3) to its parent, half to its grandparent and a sixth to its
/// great-grandparent, so the container of the story's paragraphs wins over the page around it.
fn scored(paras: &[Para], body: &Element, headed: Option<&Element>) -> Option<Element> {
    // Element → index in `cands`: a JS Map (elements have no hash on this side).
    let index = Map::new();
    let mut cands: Vec<Candidate> = Vec::new();
    for p in paras {
        let points = 1.0 + p.commas as f64 + (p.len as f64 / 100.0).min(3.0);
        let mut el = p.el.parent_element();
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
                    });
                    cands.len() - 1
                }
            };
            cands[i].score += points / div;
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
    let mut keep: Vec<Candidate> = Vec::with_capacity(TOP + 1);
    for (i, c) in cands.into_iter().enumerate() {
        if i < TOP || Some(i) == inside {
            keep.push(c);
        }
    }
    let mut cands = keep;
    // Link density for the best raw scores only: a list of teasers or a navigation block loses
    // the share of its text that is link text.
    for c in &mut cands {
        c.score *= 1.0 - link_density(&c.el);
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

/// The share of `el`'s text that is link text.
fn link_density(el: &Element) -> f64 {
    let total = el.text_content().map_or(0, |t| t.trim().chars().count());
    if total == 0 {
        return 1.0;
    }
    (link_chars(el) as f64 / total as f64).min(1.0)
}
