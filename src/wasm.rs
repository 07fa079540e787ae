//! The whole JavaScript boundary: every `#[wasm_bindgen]` item of the crate is here. Options come
//! in as JS objects (read by `embed::config`), claims go out in the wire shape with UTF-16 offsets
//! (what the DOM counts), or as W3C Web Annotations.

use crate::embed::claimreview::{self, Candidate, ClaimReview};
use crate::embed::config::{Config, Sources};
use crate::embed::json::{self, Json};
use crate::embed::sources::SourceList;
use crate::embed::utf16::Utf16;
use crate::engine::{self, Analysis, ClaimKind, DisplayKind, Lang};
use crate::host::article;
use crate::host::highlight::{Highlights, Job, Target};
use crate::host::observe::Watcher;
use crate::host::textmap::{Reader, TextMap};
use crate::ui::{Ui, i18n, model::ClaimView, model::Review};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

// The exported items' comments are plain comments and their attributes say `skip_jsdoc`:
// wasm-bindgen copies doc comments (and writes `@param`/`@returns` tags) into the JS glue that
// every reader downloads (2.4 KB raw, 0.7 KB brotli). docs/embedding.md documents the API.

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("claimlens: {message}").into());
}

/// Set by the panic hook, or by the loader through `stop` once a call trapped. After a panic the
/// module's state cannot be trusted: every entry point (exports, observer and timer callbacks)
/// returns at once, and the loader restores the page.
static POISONED: AtomicBool = AtomicBool::new(false);

pub(crate) fn poisoned() -> bool {
    POISONED.load(Ordering::Relaxed)
}

// The loader calls this after a call into the module trapped (a panic). The shipped build aborts
// at once on a panic (`-Cpanic=immediate-abort`, scripts/web-env.sh): no panic hook runs, so
// this is what stops the module. Returns true if no panic hook had (then the loader logs the
// one console error).
#[wasm_bindgen(skip_jsdoc)]
pub fn stop() -> bool {
    !POISONED.swap(true, Ordering::Relaxed)
}

thread_local! {
    /// Roots annotated now: annotating one twice is a no-op.
    static ACTIVE: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// The root `findRoot` found last: annotated, it is found again the same way if an app
    /// replaces it (a configured root is found again by its selector).
    static FOUND: RefCell<Option<Element>> = const { RefCell::new(None) };
}

// Finds the article on a page whose tag names no root (`host::article`): its root element, or
// null when nothing on the page is convincingly an article (the loader then warns once, naming
// `data-root`).
#[wasm_bindgen(skip_jsdoc, js_name = findRoot)]
pub fn find_root() -> Option<Element> {
    if poisoned() {
        return None;
    }
    let doc = web_sys::window()?.document()?;
    let found = article::find(&doc).map(|(el, _)| el);
    FOUND.set(found.clone());
    found
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

// An annotated article. `destroy()` removes every highlight and the UI and restores the article.
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
    /// An annotation being made in slices (`annotate_sliced` + `Handle.step`).
    pending: Option<Pending>,
    /// Watch the article once the annotation is complete (`observe`).
    observe: bool,
    /// JSON-LD blocks already warned about (by index), so a refresh does not warn again.
    warned_ld: Vec<usize>,
    /// The root came from `findRoot`: found again that way once an app has replaced it.
    found: bool,
}

/// An annotation under way: the article's text is analysed a few steps at a time, then
/// highlighted a few text nodes at a time, each slice a short task, so that a long article never
/// blocks the page for long; then the popover's data is made and the UI mounted. What is on the
/// page so far is in `highlights`, so teardown is exact at any time.
struct Pending {
    /// The article's text being read, a number of nodes per check (then `map` holds it).
    reading: Option<Reader>,
    map: TextMap,
    lang: Lang,
    /// The page's or the options' language, if either says (the UI's strings follow it).
    stated: Option<Lang>,
    /// The analysis of the whole text (a copy of `map.text`), [`STEP_TOKENS`] at a time: the
    /// same analysis as `engine::analyze` of the text, claim for claim, on one path with the
    /// CLI's. `None` until the text is read, and again once it is done.
    analysis: Option<engine::Stepper>,
    marking: Option<Marking>,
}

/// The highlighting stage of a [`Pending`] annotation, and what follows it.
struct Marking {
    analysis: Analysis,
    targets: Vec<Target>,
    strings: &'static i18n::Strings,
    /// `job.finished`: every highlight is on the page.
    job: Job,
    highlights: Highlights,
    /// The popover's data for each claim, made once the highlights are on the page (only the UI
    /// needs it), [`VIEWS_PER_CHECK`] claims at a time, each linked to its source.
    views: Vec<ClaimView>,
    /// The page's ClaimReviews have been matched to the claims (the last step before the UI).
    reviewed: bool,
}

/// Tokens of attribution or of the quantity scan done by one step of the engine's analysis,
/// between two checks of the slice's time budget (natively 0.1-0.4 ms a step on the 1 MB bench
/// texts; the stepper's other steps are each one pass over the whole text: tokenizing, 6 ms
/// natively on 1 MB, 1 ms on a 20,000-word article).
const STEP_TOKENS: usize = 2000;
/// Text nodes highlighted between two checks of the slice's time budget.
const NODES_PER_CHECK: usize = 8;
/// Claims whose popover data is made (and linked to their sources: a link in the article, the
/// source list) between two checks of the slice's time budget; all of a 20,000-word article's
/// at once took 20-60 ms.
const VIEWS_PER_CHECK: usize = 128;
/// DOM nodes read between two checks of the slice's time budget (reading the text of a
/// 20,000-word article in one go took 23-69 ms).
const READ_PER_CHECK: usize = 64;

/// One pass: the text read, what the engine found in it, and what is on the page for it.
struct Annotation {
    text: String,
    analysis: Analysis,
    highlights: Highlights,
    ui: Ui,
}

#[wasm_bindgen]
impl Handle {
    // Removes every highlight and the UI, stops watching the page, and restores the article's
    // DOM. Safe to call twice.
    #[wasm_bindgen(skip_jsdoc)]
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

    // Re-reads the article now and annotates it afresh (what a settled change triggers).
    #[wasm_bindgen(skip_jsdoc)]
    pub fn refresh(&mut self) -> Result<(), JsError> {
        if poisoned() {
            return Err(JsError::new("claimlens stopped after an internal error"));
        }
        match &self.shared {
            Some(shared) => Shared::refresh(shared),
            None => Ok(()),
        }
    }

    // The claims found, in the wire shape (offsets in UTF-16 units of the article's text).
    #[wasm_bindgen(skip_jsdoc, getter)]
    pub fn claims(&self) -> Result<JsValue, JsError> {
        // Made when asked (rarely), not kept for the page's lifetime.
        match self.current(|a| claims_js(&a.text, &a.analysis.claims)) {
            Some(v) => v.map(JsValue::from),
            None => Ok(js_sys::Array::new().into()),
        }
    }

    // The claims as W3C Web Annotations (JSON-LD), targeting the page's URL; positions are
    // Unicode code points of the article's text as the widget reads it.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn annotations(&self) -> Result<JsValue, JsError> {
        let page = self
            .shared
            .as_ref()
            .and_then(|s| s.borrow().doc.url().ok())
            .unwrap_or_default();
        match self.current(|a| {
            parse(&annotations_json(&crate::export::annotations(
                &a.text,
                &a.analysis,
                &page,
            )))
        }) {
            Some(v) => v,
            None => Ok(js_sys::Array::new().into()),
        }
    }

    // Continues an annotation started by `annotateSliced` for about `budget_ms` milliseconds:
    // reads the article, runs the next steps of its analysis, highlights the next text nodes, then
    // makes the popover data and mounts the UI (`Shared::step`). `true` once the annotation is
    // complete (highlights and UI on the page), and from then on.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn step(&mut self, budget_ms: f64) -> Result<bool, JsError> {
        if poisoned() {
            return Err(JsError::new("claimlens stopped after an internal error"));
        }
        match &self.shared {
            Some(shared) => Shared::step(shared, budget_ms),
            None => Ok(true),
        }
    }

    // Whether a sliced annotation is adding highlights to the page and has more to add. The
    // loader then lets a frame render before the next `step`, so that each frame styles and
    // lays out only the marks of one slice (all of them in one frame is a long task on a long
    // article); while the text is analysed nothing changes on the page, and a task is enough.
    #[wasm_bindgen(skip_jsdoc, getter)]
    pub fn highlighting(&self) -> bool {
        !poisoned()
            && self.shared.as_ref().is_some_and(|s| {
                s.borrow()
                    .pending
                    .as_ref()
                    .and_then(|p| p.marking.as_ref())
                    .is_some_and(|m| !m.job.finished)
            })
    }

    // Whether every highlight of the annotation is on the page (of a sliced one: from the step
    // that added the last ones; the UI comes in later steps). The loader then waits for the frame
    // that paints them (`claimlens:painted`) before the next step.
    #[wasm_bindgen(skip_jsdoc, getter)]
    pub fn highlighted(&self) -> bool {
        !poisoned()
            && self.shared.as_ref().is_some_and(|s| {
                let s = s.borrow();
                s.current.is_some()
                    || s.pending
                        .as_ref()
                        .and_then(|p| p.marking.as_ref())
                        .is_some_and(|m| m.job.finished)
            })
    }

    // How many highlight elements are on the page.
    #[wasm_bindgen(skip_jsdoc, getter)]
    pub fn marks(&self) -> usize {
        self.current(|a| a.highlights.len()).unwrap_or(0)
    }

    // The article element annotated now (a single-page app may have replaced the first one).
    #[wasm_bindgen(skip_jsdoc, getter)]
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

// Finds the claims in `root`'s text, highlights them and mounts the UI; then watches the
// article for changes unless `observe: false`.
#[wasm_bindgen(skip_jsdoc)]
pub fn annotate(root: Element, options: JsValue) -> Result<Handle, JsError> {
    start(root, options, false)
}

// Like `annotate`, but does only the first slice of the work: call `step(ms)` on the handle
// until it returns `true`, yielding to the browser in between (the loader does).
#[wasm_bindgen(skip_jsdoc, js_name = annotateSliced)]
pub fn annotate_sliced(root: Element, options: JsValue) -> Result<Handle, JsError> {
    start(root, options, true)
}

fn start(root: Element, options: JsValue, sliced: bool) -> Result<Handle, JsError> {
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
    let shared = Rc::new(RefCell::new(Shared {
        config,
        doc,
        root: root.clone(),
        sources,
        on_change,
        watcher: None,
        current: None,
        pending: None,
        observe,
        warned_ld: Vec::new(),
        found: FOUND.with_borrow(|f| f.as_ref() == Some(&root)),
    }));
    if sliced {
        let pending = shared.borrow_mut().begin(false);
        shared.borrow_mut().pending = Some(pending);
    } else {
        shared.borrow_mut().apply()?;
    }
    ACTIVE.with_borrow_mut(|roots| roots.push(root.clone()));
    if !sliced {
        Shared::watch(&shared);
    }
    Ok(Handle {
        shared: Some(shared),
    })
}

/// The article changed and has settled: re-annotate, through the loader's guarded function if
/// there is one.
fn settled(weak: &Weak<RefCell<Shared>>) {
    let Some(shared) = weak.upgrade() else { return };
    // The test hook for a panic in a callback the browser calls (a timer's), not the loader.
    if shared.borrow().config.debug_panic.as_deref() == Some("settled") {
        panic!("debugPanic: settled");
    }
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
    /// Starts watching the article for changes (unless `observe: false`).
    fn watch(this: &Rc<RefCell<Shared>>) {
        let (observe, debounce, root) = {
            let s = this.borrow();
            (s.observe, s.config.debounce_ms, s.root.clone())
        };
        if !observe || this.borrow().watcher.is_some() {
            return;
        }
        let weak = Rc::downgrade(this);
        match Watcher::new(&root, debounce, Box::new(move || settled(&weak))) {
            Ok(w) => this.borrow_mut().watcher = Some(w),
            Err(e) => warn(&format!(
                "cannot watch the article for changes ({})",
                dom_error(e).message_text()
            )),
        }
    }

    /// One slice of a sliced annotation (see [`Handle::step`]): reading the article's text,
    /// analysing it a few engine steps at a time (`engine::Stepper`), highlighting (the step
    /// that adds the last highlights ends there, so that the frame after it paints them),
    /// making the popover data, and mounting the UI in a step of its own.
    fn step(this: &Rc<RefCell<Shared>>, budget_ms: f64) -> Result<bool, JsError> {
        let deadline = js_sys::Date::now() + budget_ms;
        let done = {
            let mut s = this.borrow_mut();
            let Some(mut p) = s.pending.take() else {
                // Complete: also when a `refresh()` between two slices finished the annotation
                // in one go, which leaves the change watcher to this call.
                drop(s);
                Shared::watch(this);
                return Ok(true);
            };
            let mut worked = false;
            loop {
                if let Some(reader) = p.reading.as_mut() {
                    if reader.read(READ_PER_CHECK) {
                        let map = p.reading.take().map(Reader::finish).unwrap_or_default();
                        s.read(&mut p, map);
                    }
                } else if p.marking.is_none() {
                    match p.analysis.as_mut() {
                        // Each stage of the engine compiles its code on its first step (V8
                        // compiles a wasm function on its first call), so that cost, too, lands
                        // in a step of little work.
                        Some(a) if !a.is_done() => {
                            a.step(STEP_TOKENS);
                        }
                        _ => {
                            let mut analysis = match p.analysis.take() {
                                Some(a) => a.finish().0,
                                None => Analysis {
                                    lang: p.lang,
                                    claims: Vec::new(),
                                },
                            };
                            p.map.drop_straddling(&mut analysis.claims);
                            p.marking = Some(s.prepare(p.stated, analysis));
                        }
                    }
                } else if let Some(m) = p.marking.as_mut() {
                    if !m.job.finished {
                        match m.job.step(
                            &mut m.highlights,
                            &s.doc,
                            &p.map,
                            &m.targets,
                            NODES_PER_CHECK,
                        ) {
                            Ok(false) => {}
                            // Every highlight is on the page: the frame after this step paints
                            // them, with nothing else of ours before it.
                            Ok(true) => {
                                m.job.finished = true;
                                s.pending = Some(p);
                                break false;
                            }
                            Err(e) => {
                                m.highlights.remove();
                                return Err(dom_error(e));
                            }
                        }
                    } else if m.views.len() < m.analysis.claims.len() {
                        // The text nodes may be split by now; a source's link is still found
                        // from the node that starts each piece of text (its ancestors are the
                        // same, with a highlight between).
                        let from = m.views.len();
                        let to = (from + VIEWS_PER_CHECK).min(m.analysis.claims.len());
                        let new = m.analysis.claims.get(from..to).unwrap_or_default();
                        let text = p.map.text.as_str();
                        m.views
                            .extend(new.iter().map(|c| ClaimView::new(text, c, m.strings)));
                        if let Some(views) = m.views.get_mut(from..) {
                            s.link_sources(&p.map, new, views);
                        }
                    } else if !m.reviewed {
                        m.reviewed = true;
                        s.match_reviews(&p.map, &m.analysis, &mut m.views);
                    } else if worked {
                        // The UI is mounted in a slice of its own.
                        s.pending = Some(p);
                        break false;
                    } else {
                        s.finish(p)?;
                        break true;
                    }
                }
                worked = true;
                if js_sys::Date::now() >= deadline {
                    s.pending = Some(p);
                    break false;
                }
            }
        };
        if done {
            Shared::watch(this);
        }
        Ok(done)
    }

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
                .or_else(|| {
                    s.found
                        .then(|| article::find(&s.doc).map(|(el, _)| el))
                        .flatten()
                })
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
        if let Some(mut m) = self.pending.take().and_then(|p| p.marking) {
            m.highlights.remove();
        }
    }

    /// Reads the article, finds its claims, highlights them and mounts the UI.
    fn apply(&mut self) -> Result<(), JsError> {
        let mut p = self.begin(true);
        let text = p.map.text.as_str();
        let mut analysis = engine::analyze(text, p.stated);
        p.map.drop_straddling(&mut analysis.claims);
        let mut m = self.prepare(p.stated, analysis);
        m.views = m
            .analysis
            .claims
            .iter()
            .map(|c| ClaimView::new(text, c, m.strings))
            .collect();
        self.enrich(&p.map, &m.analysis, &mut m.views);
        let doc = self.doc.clone();
        if let Err(e) = m
            .job
            .step(&mut m.highlights, &doc, &p.map, &m.targets, usize::MAX)
        {
            m.highlights.remove();
            return Err(dom_error(e));
        }
        p.marking = Some(m);
        self.finish(p)
    }

    /// Starts a pass over the article; `whole`: its text is read now and analysed in one piece
    /// (`engine::analyze`), else it is read and analysed in slices by [`Shared::step`] (the same
    /// analysis, stepped: `engine::Stepper`).
    fn begin(&mut self, whole: bool) -> Pending {
        if self.config.debug_panic.as_deref() == Some("annotate") {
            panic!("debugPanic: annotate");
        }
        let root = self.root.clone();
        let page_lang = root
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code));
        let stated = self
            .config
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .or(page_lang);
        let mut p = Pending {
            reading: None,
            map: TextMap::default(),
            // Unused until the text is read (`read`); `apply` analyses the whole text itself.
            lang: stated.unwrap_or(Lang::Nl),
            stated,
            analysis: None,
            marking: None,
        };
        if whole {
            p.map = TextMap::read_limited(&root, self.config.max_text);
            self.warn_truncated(&p.map);
        } else {
            p.reading = Some(Reader::new(&root, self.config.max_text));
        }
        p
    }

    /// The article's text has been read (in slices): its language, and its analysis is next.
    fn read(&self, p: &mut Pending, map: TextMap) {
        self.warn_truncated(&map);
        p.lang = p.stated.unwrap_or_else(|| Lang::detect(&map.text));
        p.analysis = Some(engine::Stepper::new(map.text.clone(), Some(p.lang)));
        p.map = map;
    }

    fn warn_truncated(&self, map: &TextMap) {
        if map.truncated {
            warn(&format!(
                "the article's text is longer than {} bytes (option \"maxText\"); the rest is not annotated",
                self.config.max_text
            ));
        }
    }

    /// What to highlight for the claims found (the popover's data comes after the highlights).
    fn prepare(&self, stated: Option<Lang>, analysis: Analysis) -> Marking {
        let strings = i18n::strings(stated.unwrap_or(analysis.lang));
        let kinds = self.config.kinds;
        let min = self.config.min_confidence;
        let targets: Vec<Target> = analysis
            .claims
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                // Ordinals (`de derde dag`) are recognised but are not counts to check.
                let kind = DisplayKind::of(c)?;
                let wanted = match &c.kind {
                    ClaimKind::Quantity(_) => kinds.quantity,
                    ClaimKind::Statement(_) => kinds.statement,
                };
                if !wanted || c.confidence < min {
                    return None;
                }
                Some(Target {
                    claim: i,
                    start: c.span.start,
                    end: c.span.end,
                    kind: kind.code(),
                    label: strings.kind(kind).1,
                })
            })
            .collect();
        let job = Job::new(&targets);
        Marking {
            analysis,
            targets,
            strings,
            job,
            highlights: Highlights::default(),
            views: Vec::new(),
            reviewed: false,
        }
    }

    /// Mounts the UI for a highlighted article and makes it the current annotation.
    fn finish(&mut self, p: Pending) -> Result<(), JsError> {
        let Some(Marking {
            analysis,
            views,
            strings,
            mut highlights,
            ..
        }) = p.marking
        else {
            return Ok(());
        };
        let map = p.map;
        let views: Rc<[ClaimView]> = views.into();
        let ui = match Ui::mount(
            &self.doc,
            &self.root,
            views,
            strings,
            self.config.ui_css.as_deref(),
        ) {
            Ok(ui) => ui,
            Err(e) => {
                highlights.remove();
                return Err(dom_error(e));
            }
        };
        if let Some(theme) = self.config.theme.name() {
            ui.set_theme(theme);
        }
        self.current = Some(Annotation {
            text: map.text,
            analysis,
            highlights,
            ui,
        });
        Ok(())
    }

    /// Fills in what the page and the publisher know about each claim: a link in the article on
    /// or next to its source, the publisher's source-list entry (see [`Shared::link_sources`]),
    /// a ClaimReview of it.
    fn enrich(&mut self, map: &TextMap, analysis: &Analysis, views: &mut [ClaimView]) {
        self.link_sources(map, &analysis.claims, views);
        self.match_reviews(map, analysis, views);
    }

    /// A link in the article on or next to each claim's source, and the publisher's source-list
    /// entry for it. Claim by claim, so a sliced annotation does it [`VIEWS_PER_CHECK`] claims at
    /// a time, after the highlights (on a long article, all at once took 20-60 ms).
    fn link_sources(&self, map: &TextMap, claims: &[engine::Claim], views: &mut [ClaimView]) {
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        for (claim, view) in claims.iter().zip(views.iter_mut()) {
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
    }

    /// The page's ClaimReviews, each matched to the claim it reviews (among all of them).
    fn match_reviews(&mut self, map: &TextMap, analysis: &Analysis, views: &mut [ClaimView]) {
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
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

/// The DOM reads `host::article` makes for every paragraph of a page, bound directly: the
/// generic ways (`Reflect.get`, `Function.call`, web-sys methods that take a `&str`) go through
/// the glue's error wrapper or decode a string on every call, which made up most of the search's
/// time on a 20,000-word page.
pub(crate) mod dom {
    use js_sys::JsString;
    use wasm_bindgen::prelude::*;
    use web_sys::{Element, HtmlCollection};

    #[wasm_bindgen]
    extern "C" {
        /// A DOM node or element (or a JS string, for `indexOf`), seen through these reads (`JsCast::unchecked_ref`).
        pub type Dom;
        /// `node.textContent` as a JS string (never copied into wasm).
        #[wasm_bindgen(method, getter, js_name = textContent)]
        pub fn text_content(this: &Dom) -> JsString;
        /// `el.closest(selectors)`, the selector list made once (it must be valid).
        #[wasm_bindgen(method)]
        pub fn closest(this: &Dom, selectors: &JsString) -> Option<Element>;
        /// `el.getElementsByTagName(name)`, the name made once.
        #[wasm_bindgen(method, js_name = getElementsByTagName)]
        pub fn get_elements_by_tag_name(this: &Dom, name: &JsString) -> HtmlCollection;
        /// `string.indexOf(search, from)` of a JS string, the search made once.
        #[wasm_bindgen(method, js_name = indexOf)]
        pub fn index_of(this: &Dom, search: &JsString, from: u32) -> i32;
    }
}

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder` (browsers, Node).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, input: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// A JS string as UTF-8 in a buffer of exactly its size. (A `&str` parameter is copied in by
/// wasm-bindgen's glue into a buffer of 3 bytes per UTF-16 unit once the text holds one non-ASCII
/// character, shrunk afterwards: on a long text the linear memory has grown to 4× the text
/// before the analysis starts, and it never shrinks.)
fn utf8(text: &js_sys::JsString) -> String {
    let bytes = TextEncoder::new().encode(text).to_vec();
    // TextEncoder always writes UTF-8 (a lone surrogate becomes U+FFFD, as with `&str`).
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

// The claims in `text` without touching any page: `{lang, claims}` with UTF-16 offsets.
#[wasm_bindgen(skip_jsdoc)]
pub fn extract(text: js_sys::JsString, lang: Option<String>) -> Result<JsValue, JsError> {
    let text = utf8(&text);
    let analysis = engine::analyze(&text, lang.as_deref().and_then(Lang::from_code));
    let claims = claims_js(&text, &analysis.claims)?;
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"lang".into(), &analysis.lang.code().into())
        .and_then(|_| js_sys::Reflect::set(&out, &"claims".into(), &claims))
        .map_err(|e| JsError::new(&dom_error_text(e)))?;
    Ok(out.into())
}

// The analysis alone, for bench/engine-node.mjs: built only with the `bench-exports` feature
// (scripts/bench.sh builds that variant apart; the shipped widget never has these exports).
// `benchLoad` copies a text in once; `benchAnalyze` then analyses it and returns how many
// claims it found, so that the time measured is the engine's own, as natively.
#[cfg(feature = "bench-exports")]
thread_local! {
    static BENCH_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

#[cfg(feature = "bench-exports")]
#[wasm_bindgen(js_name = benchLoad, skip_jsdoc)]
pub fn bench_load(text: js_sys::JsString) {
    let text = utf8(&text);
    BENCH_TEXT.with(|t| *t.borrow_mut() = text);
}

#[cfg(feature = "bench-exports")]
#[wasm_bindgen(js_name = benchAnalyze, skip_jsdoc)]
pub fn bench_analyze(lang: Option<String>) -> usize {
    BENCH_TEXT.with(|t| {
        engine::analyze(&t.borrow(), lang.as_deref().and_then(Lang::from_code))
            .claims
            .len()
    })
}

/// Claims written as JSON and handed to `JSON.parse` this many at a time.
const BATCH: usize = 256;

/// `claims` (of `text`, in the engine's order) as a JS array in the wire shape, offsets in UTF-16
/// units of `text`. A batch at a time, each against the stretch of text its spans lie in: the
/// boundary holds one batch's JSON text and UTF-16 index at a time (the whole JSON text of a long
/// article is about 6× the text).
fn claims_js(text: &str, claims: &[engine::Claim]) -> Result<js_sys::Array, JsError> {
    let batches = js_sys::Array::new();
    let mut utf16 = Utf16::new(text);
    let mut json = String::new();
    for batch in claims.chunks(BATCH) {
        let (lo, hi) = json::stretch(batch);
        utf16.stretch(lo, hi);
        json.clear();
        FLOATS.with_borrow_mut(|floats| {
            json::write_claims(&mut json, text, batch, &utf16, &mut |out, x| {
                floats.write(out, x)
            })
        });
        batches.push(&parse(&json)?);
    }
    Ok(batches.flat(1))
}

thread_local! {
    static FLOATS: RefCell<Floats> = RefCell::default();
}

/// Non-integer numbers written by JS's own `Number.prototype.toString`, as `JSON.stringify`
/// would: no float-formatting code in the wasm. The texts of the last few distinct numbers are
/// kept, from one call to the next: a claim's confidence is one of a few dozen values, and a
/// call into JS per claim for it took 3 % of `extract` (kept per call, a 10 KB text still made
/// about 30 calls).
#[derive(Default)]
struct Floats {
    known: Vec<(u64, String)>,
}

impl Floats {
    const KEEP: usize = 64;

    fn write(&mut self, out: &mut String, x: f64) {
        let bits = x.to_bits();
        if let Some((_, s)) = self.known.iter().find(|(b, _)| *b == bits) {
            out.push_str(s);
            return;
        }
        let s = js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map_or_else(|_| "null".to_owned(), String::from);
        out.push_str(&s);
        if self.known.len() == Self::KEEP {
            self.known.remove(0);
        }
        self.known.push((bits, s));
    }
}

fn parse(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|e| JsError::new(&dom_error_text(e)))
}

/// W3C Web Annotations (`crate::export`) as a JSON array.
fn annotations_json(list: &[crate::export::Annotation]) -> String {
    use crate::export::Selector;
    let mut out = String::with_capacity(list.len() * 512 + 2);
    out.push('[');
    for (i, a) in list.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        json::key(&mut out, true, "@context");
        json::write_str(&mut out, a.context);
        json::string(&mut out, "id", &a.id);
        json::string(&mut out, "type", a.kind);
        json::string(&mut out, "motivation", a.motivation);
        json::key(&mut out, false, "creator");
        out.push('{');
        json::key(&mut out, true, "type");
        json::write_str(&mut out, a.creator.kind);
        json::string(&mut out, "name", a.creator.name);
        out.push('}');
        json::key(&mut out, false, "body");
        out.push('[');
        for (k, b) in a.body.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('{');
            json::key(&mut out, true, "type");
            json::write_str(&mut out, b.kind);
            json::string(&mut out, "purpose", b.purpose);
            json::string(&mut out, "value", &b.value);
            out.push('}');
        }
        out.push(']');
        json::key(&mut out, false, "target");
        out.push('{');
        json::key(&mut out, true, "source");
        json::write_str(&mut out, &a.target.source);
        json::key(&mut out, false, "selector");
        out.push('[');
        for (k, sel) in a.target.selector.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push('{');
            match sel {
                Selector::TextQuoteSelector {
                    exact,
                    prefix,
                    suffix,
                } => {
                    json::key(&mut out, true, "type");
                    json::write_str(&mut out, "TextQuoteSelector");
                    json::string(&mut out, "exact", exact);
                    json::string(&mut out, "prefix", prefix);
                    json::string(&mut out, "suffix", suffix);
                }
                Selector::TextPositionSelector { start, end } => {
                    json::key(&mut out, true, "type");
                    json::write_str(&mut out, "TextPositionSelector");
                    json::uint(&mut out, "start", *start);
                    json::uint(&mut out, "end", *end);
                }
            }
            out.push('}');
        }
        out.push_str("]}}");
    }
    out.push(']');
    out
}

fn dom_error(e: JsValue) -> JsError {
    JsError::new(&format!("DOM error: {}", dom_error_text(e)))
}

/// A thrown JS value as text: a string, an error's message, or what JS makes of it (no Rust
/// `Debug` formatting in the widget).
fn dom_error_text(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .or_else(|| js_sys::JSON::stringify(&e).ok().and_then(|s| s.as_string()))
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// A panic becomes one console error naming the widget, not a bare `unreachable` trap; it also
/// stops every later call into the module (see [`POISONED`]). Not in the shipped build, where a
/// panic traps at once and never reaches a hook (the loader then calls [`stop`] and logs); left
/// out, the hook's message formatting is left out of the wasm too.
#[cfg(not(panic = "immediate-abort"))]
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

#[cfg(panic = "immediate-abort")]
fn install_panic_hook() {}
