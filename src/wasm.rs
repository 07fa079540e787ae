//! The whole JavaScript boundary: every `#[wasm_bindgen]` item of the crate is here. Options come
//! in as JS objects (read by `embed::config`), claims go out in the wire shape with UTF-16 offsets
//! (what the DOM counts), or as W3C Web Annotations.

use crate::embed::claimreview::{self, Candidate, ClaimReview};
use crate::embed::config::{Config, Sources};
use crate::embed::json::Json;
use crate::embed::sources::SourceList;
use crate::engine::{self, Analysis, ClaimKind, Lang, offsets::Unit, wire};
use crate::host::highlight::{Highlights, Target};
use crate::host::observe::Watcher;
use crate::host::textmap::TextMap;
use crate::ui::{Ui, i18n, model::ClaimView, model::Review};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("claimlens: {message}").into());
}

/// Set by the panic hook. After a panic the module's state cannot be trusted: every entry point
/// (exports, observer and timer callbacks) returns at once, and the loader restores the page.
static POISONED: AtomicBool = AtomicBool::new(false);

pub(crate) fn poisoned() -> bool {
    POISONED.load(Ordering::Relaxed)
}

thread_local! {
    /// Roots annotated now: annotating one twice is a no-op.
    static ACTIVE: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Makes sure the library is linked into the widget's binary.
pub fn link() {}

/// Reads an options object through `JSON.stringify` and the crate's own JSON reader, so the
/// browser and the native tests (and the fuzzer) read configuration with the same code.
fn read_config(value: &JsValue) -> Config {
    let json = if value.is_undefined() || value.is_null() {
        Json::Null
    } else {
        match js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .map(|s| Json::parse(&s))
        {
            Some(Ok(json)) => json,
            _ => {
                warn("options could not be read; using the defaults");
                Json::Null
            }
        }
    };
    let (config, warnings) = Config::read(&json);
    for w in warnings {
        warn(&w);
    }
    config
}

/// An annotated article. `destroy()` removes every highlight and the UI and restores the article.
#[wasm_bindgen]
pub struct Handle {
    shared: Option<Rc<RefCell<Shared>>>,
}

/// Everything about one annotated article that outlives a single pass over it.
struct Shared {
    config: Config,
    doc: Document,
    root: Element,
    sources: Option<SourceList>,
    /// Called (instead of re-annotating here) when the article changed: the loader's function,
    /// which calls `refresh()` inside a try/catch so that nothing is ever thrown at the page.
    on_change: Option<js_sys::Function>,
    watcher: Option<Watcher>,
    current: Option<Annotation>,
    /// JSON-LD blocks already warned about (by index), so a refresh does not warn again.
    warned_ld: Vec<usize>,
}

/// One pass: the text read, what the engine found in it, and what is on the page for it.
struct Annotation {
    text: String,
    analysis: Analysis,
    highlights: Highlights,
    ui: Ui,
    wire: wire::WireAnalysis,
}

#[wasm_bindgen]
impl Handle {
    /// Removes every highlight and the UI, stops watching the page, and restores the article's
    /// DOM. Safe to call twice.
    pub fn destroy(&mut self) {
        if poisoned() {
            return;
        }
        if let Some(shared) = self.shared.take() {
            let mut s = shared.borrow_mut();
            s.watcher.take();
            s.teardown();
            let root = s.root.clone();
            ACTIVE.with_borrow_mut(|roots| roots.retain(|r| *r != root));
        }
    }

    /// Re-reads the article now and annotates it afresh (what a settled change triggers).
    pub fn refresh(&mut self) -> Result<(), JsError> {
        if poisoned() {
            return Err(JsError::new("claimlens stopped after an internal error"));
        }
        match &self.shared {
            Some(shared) => Shared::refresh(shared),
            None => Ok(()),
        }
    }

    /// The claims found, in the wire shape (offsets in UTF-16 units of the article's text).
    #[wasm_bindgen(getter)]
    pub fn claims(&self) -> Result<JsValue, JsError> {
        match self.current(|a| to_js(&a.wire.claims)) {
            Some(v) => v,
            None => Ok(js_sys::Array::new().into()),
        }
    }

    /// The claims as W3C Web Annotations (JSON-LD), targeting the page's URL; positions are
    /// Unicode code points of the article's text as the widget reads it.
    pub fn annotations(&self) -> Result<JsValue, JsError> {
        let page = self
            .shared
            .as_ref()
            .and_then(|s| s.borrow().doc.url().ok())
            .unwrap_or_default();
        match self.current(|a| to_js(&crate::export::annotations(&a.text, &a.analysis, &page))) {
            Some(v) => v,
            None => Ok(js_sys::Array::new().into()),
        }
    }

    /// How many highlight elements are on the page.
    #[wasm_bindgen(getter)]
    pub fn marks(&self) -> usize {
        self.current(|a| a.highlights.len()).unwrap_or(0)
    }

    /// The article element annotated now (a single-page app may have replaced the first one).
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Option<Element> {
        self.shared.as_ref().map(|s| s.borrow().root.clone())
    }
}

impl Handle {
    fn current<T>(&self, f: impl FnOnce(&Annotation) -> T) -> Option<T> {
        if poisoned() {
            return None;
        }
        let shared = self.shared.as_ref()?.borrow();
        shared.current.as_ref().map(f)
    }
}

/// Finds the claims in `root`'s text, highlights them and mounts the UI; then watches the
/// article for changes unless `observe: false`.
#[wasm_bindgen]
pub fn annotate(root: Element, options: JsValue) -> Result<Handle, JsError> {
    if poisoned() {
        return Err(JsError::new("claimlens stopped after an internal error"));
    }
    install_panic_hook();
    let config = read_config(&options);
    let none = Handle { shared: None };
    if !config.enabled || ACTIVE.with_borrow(|roots| roots.contains(&root)) {
        return Ok(none);
    }
    if root
        .closest("[contenteditable]:not([contenteditable=\"false\"])")
        .ok()
        .flatten()
        .is_some()
    {
        warn("the article is editable (contenteditable); it is left as it is");
        return Ok(none);
    }
    let doc = root
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    let on_change = js_sys::Reflect::get(&options, &"onChange".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let sources = match &config.sources {
        Sources::Data(json) => {
            let (list, warnings) = SourceList::read(json);
            for w in warnings {
                warn(&w);
            }
            Some(list)
        }
        // Fetching is the loader's job (the only request the widget makes, and only then).
        Sources::Url(_) | Sources::None => None,
    };
    let observe = config.observe;
    let debounce = config.debounce_ms;
    let shared = Rc::new(RefCell::new(Shared {
        config,
        doc,
        root: root.clone(),
        sources,
        on_change,
        watcher: None,
        current: None,
        warned_ld: Vec::new(),
    }));
    shared.borrow_mut().apply()?;
    ACTIVE.with_borrow_mut(|roots| roots.push(root.clone()));
    if observe {
        let weak = Rc::downgrade(&shared);
        match Watcher::new(&root, debounce, Box::new(move || settled(&weak))) {
            Ok(w) => shared.borrow_mut().watcher = Some(w),
            Err(e) => warn(&format!(
                "cannot watch the article for changes ({})",
                dom_error(e).message_text()
            )),
        }
    }
    Ok(Handle {
        shared: Some(shared),
    })
}

/// The article changed and has settled: re-annotate, through the loader's guarded function if
/// there is one.
fn settled(weak: &Weak<RefCell<Shared>>) {
    let Some(shared) = weak.upgrade() else { return };
    let on_change = shared.borrow().on_change.clone();
    match on_change {
        Some(f) => {
            let _ = f.call0(&JsValue::NULL);
        }
        None => {
            if let Err(e) = Shared::refresh(&shared) {
                web_sys::console::error_1(&JsValue::from(e));
            }
        }
    }
}

trait MessageText {
    fn message_text(&self) -> String;
}

impl MessageText for JsError {
    fn message_text(&self) -> String {
        let v: JsValue = self.clone().into();
        js_sys::Reflect::get(&v, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default()
    }
}

impl Shared {
    fn refresh(this: &Rc<RefCell<Shared>>) -> Result<(), JsError> {
        let mut s = this.borrow_mut();
        if s.config.debug_panic.as_deref() == Some("refresh") {
            panic!("debugPanic: refresh");
        }
        if let Some(w) = &s.watcher {
            w.pause();
        }
        s.teardown();
        // A single-page app may have replaced the article: find it again by its selector.
        if !s.root.is_connected() {
            let found = s
                .config
                .root
                .as_deref()
                .and_then(|sel| s.doc.query_selector(sel).ok().flatten())
                .filter(|el| !ACTIVE.with_borrow(|roots| roots.contains(el)));
            if let Some(new_root) = found {
                let old = std::mem::replace(&mut s.root, new_root.clone());
                ACTIVE.with_borrow_mut(|roots| {
                    roots.retain(|r| *r != old);
                    roots.push(new_root);
                });
            }
        }
        let result = if s.root.is_connected() {
            s.apply()
        } else {
            Ok(())
        };
        let root = s.root.clone();
        if let Some(w) = &s.watcher {
            let _ = w.resume(&root);
        }
        result
    }

    /// Removes this pass's highlights and UI, restoring the article.
    fn teardown(&mut self) {
        if let Some(mut a) = self.current.take() {
            a.ui.destroy();
            a.highlights.remove();
        }
    }

    /// Reads the article, finds its claims, highlights them and mounts the UI.
    fn apply(&mut self) -> Result<(), JsError> {
        if self.config.debug_panic.as_deref() == Some("annotate") {
            panic!("debugPanic: annotate");
        }
        let root = self.root.clone();
        let doc = self.doc.clone();
        let page_lang = root
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code));
        let lang = self
            .config
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .or(page_lang);

        let map = TextMap::read_limited(&root, self.config.max_text);
        if map.truncated {
            warn(&format!(
                "the article's text is longer than {} bytes (option \"maxText\"); the rest is not annotated",
                self.config.max_text
            ));
        }
        let analysis = engine::analyze(&map.text, lang);
        let strings = i18n::strings(lang.unwrap_or(analysis.lang));
        let kinds = self.config.kinds;
        let min = self.config.min_confidence;
        let targets: Vec<Target> = analysis
            .claims
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let kind = match &c.kind {
                    // Ordinals (`de derde dag`) are recognised but are not counts to check.
                    ClaimKind::Quantity(q) if q.ordinal => return None,
                    ClaimKind::Quantity(_) if !kinds.quantity => return None,
                    ClaimKind::Statement(_) if !kinds.statement => return None,
                    _ if c.confidence < min => return None,
                    ClaimKind::Quantity(_) if c.source.is_none() => "unsourced",
                    ClaimKind::Quantity(_) => "quantity",
                    ClaimKind::Statement(_) => "statement",
                };
                Some(Target {
                    claim: i,
                    start: c.span.start,
                    end: c.span.end,
                    kind,
                    label: strings.kind(kind).1,
                })
            })
            .collect();

        let mut views: Vec<ClaimView> = analysis
            .claims
            .iter()
            .map(|c| ClaimView::new(&map.text, c, strings))
            .collect();
        // Before highlighting: the map's text nodes are still whole.
        self.enrich(&map, &analysis, &mut views);

        let mut highlights = Highlights::apply(&doc, &map, &targets).map_err(dom_error)?;
        let views: Rc<[ClaimView]> = views.into();
        let ui = match Ui::mount(&doc, &root, views, strings, self.config.ui_css.as_deref()) {
            Ok(ui) => ui,
            Err(e) => {
                highlights.remove();
                return Err(dom_error(e));
            }
        };
        if let Some(theme) = self.config.theme.name() {
            ui.set_theme(theme);
        }
        let wire = wire::to_wire(&map.text, &analysis, Unit::Utf16);
        self.current = Some(Annotation {
            text: map.text,
            analysis,
            highlights,
            ui,
            wire,
        });
        Ok(())
    }

    /// Fills in what the page and the publisher know about each claim: a link in the article on
    /// or next to its source, the publisher's source-list entry, a ClaimReview of it.
    fn enrich(&mut self, map: &TextMap, analysis: &Analysis, views: &mut [ClaimView]) {
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        for (claim, view) in analysis.claims.iter().zip(views.iter_mut()) {
            let Some(src) = &claim.source else { continue };
            view.link = link_near(map, &self.root, src.span.start, src.span.end, &base);
            if let Some(entry) = self.sources.as_ref().and_then(|l| {
                let phrase = src.span.of(&map.text);
                match &src.resolved {
                    Some(r) => l.find(&[phrase, r]),
                    None => l.find(&[phrase]),
                }
            }) {
                view.source_name = Some(entry.name.clone());
                view.source_note = entry.description.clone();
                if view.link.is_none() {
                    view.link = entry.url.as_deref().and_then(|u| safe_url(u, &base));
                }
            }
        }

        let reviews = self.reviews();
        if reviews.is_empty() {
            return;
        }
        let sentences: Vec<&str> = analysis
            .claims
            .iter()
            .map(|c| claimreview::sentence_around(&map.text, c.span.start, c.span.end))
            .collect();
        let candidates: Vec<Candidate> = analysis
            .claims
            .iter()
            .zip(&sentences)
            .map(|(c, sentence)| Candidate {
                text: c.span.of(&map.text),
                sentence,
            })
            .collect();
        for (review, found) in reviews
            .iter()
            .zip(claimreview::match_reviews(&reviews, &candidates))
        {
            if let Some(view) = found.and_then(|i| views.get_mut(i)) {
                view.review = Some(Review {
                    verdict: review.verdict.clone(),
                    rating: review.rating.clone(),
                    author: review.author.clone(),
                    url: review.url.as_deref().and_then(|u| safe_url(u, &base)),
                });
            }
        }
    }

    /// The ClaimReviews in the page's JSON-LD blocks; a malformed block is skipped with a warning.
    fn reviews(&mut self) -> Vec<ClaimReview> {
        let mut out = Vec::new();
        let Ok(blocks) = self
            .doc
            .query_selector_all("script[type=\"application/ld+json\"]")
        else {
            return out;
        };
        for i in 0..blocks.length() {
            let text = blocks
                .item(i)
                .and_then(|n| n.text_content())
                .unwrap_or_default();
            match Json::parse(&text) {
                Ok(doc) => claimreview::read(&doc, &mut out),
                Err(e) if !self.warned_ld.contains(&(i as usize)) => {
                    self.warned_ld.push(i as usize);
                    warn(&format!(
                        "JSON-LD block {} (<script type=\"application/ld+json\">) is not valid JSON ({e}); skipped",
                        i + 1
                    ));
                }
                Err(_) => {}
            }
        }
        out
    }
}

/// An `http(s)` URL for `href` resolved against the page, or `None` (`javascript:`, `data:`, …).
fn safe_url(href: &str, base: &str) -> Option<String> {
    let url = web_sys::Url::new_with_base(href.trim(), base).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// A hyperlink of the article on the source phrase (`bytes start..end` of the map's text), or on
/// the words right after it (`het <a>KNMI</a>`).
fn link_near(
    map: &TextMap,
    root: &Element,
    start: usize,
    end: usize,
    base: &str,
) -> Option<String> {
    let first = map.segments.partition_point(|s| s.end <= start);
    map.segments[first..]
        .iter()
        // Overlapping the phrase, or starting within a space or two after it.
        .take_while(|s| s.start < end + 3)
        .find_map(|seg| {
            let anchor = seg.node.parent_element()?.closest("a[href]").ok()??;
            if !root.contains(Some(anchor.as_ref())) {
                return None;
            }
            safe_url(&anchor.get_attribute("href")?, base)
        })
}

/// The claims in `text` without touching any page: `{lang, claims}` with UTF-16 offsets.
#[wasm_bindgen]
pub fn extract(text: &str, lang: Option<String>) -> Result<JsValue, JsError> {
    let analysis = engine::analyze(text, lang.as_deref().and_then(Lang::from_code));
    to_js(&wire::to_wire(text, &analysis, Unit::Utf16))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn dom_error(e: JsValue) -> JsError {
    let text = e
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"));
    JsError::new(&format!("DOM error: {text}"))
}

/// A panic becomes one console error naming the widget, not a bare `unreachable` trap; it also
/// stops every later call into the module (see [`POISONED`]).
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            POISONED.store(true, Ordering::Relaxed);
            web_sys::console::error_1(
                &format!("claimlens: internal error, the widget stopped and the article is restored: {info}").into(),
            );
        }));
    });
}
