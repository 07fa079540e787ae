//! Watches the article for changes the page makes after we annotated it — lazy-loaded
//! paragraphs, "read more", an editor re-rendering, a single-page app swapping the article — and
//! reports them once they settle (debounced), so that the caller can re-annotate from a fresh
//! text map.
//!
//! Our own DOM work must not look like a change: the caller calls [`Watcher::pause`] before it
//! touches the page (which disconnects and drops pending records) and [`Watcher::resume`] after.

use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

pub struct Watcher {
    observer: MutationObserver,
    inner: Rc<Inner>,
    // Owned so that the callback lives exactly as long as the observer (dropped together).
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

struct Inner {
    root: RefCell<Element>,
    debounce_ms: u32,
    timer: RefCell<Option<Timeout>>,
    on_settled: Box<dyn Fn()>,
}

impl Watcher {
    /// Starts watching `root` (its text and children, at any depth) and the document's body (for
    /// a page that replaces the root itself). `on_settled` runs when no change has come for
    /// `debounce_ms`.
    pub fn new(
        root: &Element,
        debounce_ms: u32,
        on_settled: Box<dyn Fn()>,
    ) -> Result<Watcher, wasm_bindgen::JsValue> {
        let inner = Rc::new(Inner {
            root: RefCell::new(root.clone()),
            debounce_ms,
            timer: RefCell::new(None),
            on_settled,
        });
        let weak = Rc::downgrade(&inner);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
            if crate::wasm::poisoned() {
                return;
            }
            if let Some(inner) = weak.upgrade() {
                if records.iter().any(|r| inner.concerns(r.unchecked_ref())) {
                    Inner::schedule(&inner);
                }
            }
        });
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        let watcher = Watcher {
            observer,
            inner,
            _callback: callback,
        };
        watcher.resume(root)?;
        Ok(watcher)
    }

    /// Stops observing and forgets the changes not yet delivered (they are ours).
    pub fn pause(&self) {
        let _ = self.observer.take_records();
        self.observer.disconnect();
    }

    /// Observes `root` (which may be a new element after a single-page-app navigation) again.
    pub fn resume(&self, root: &Element) -> Result<(), wasm_bindgen::JsValue> {
        *self.inner.root.borrow_mut() = root.clone();
        let article = MutationObserverInit::new();
        article.set_child_list(true);
        article.set_subtree(true);
        article.set_character_data(true);
        // "Read more" often just unhides text the map skipped. Only these attributes: the ones we
        // set on our marks must not look like changes.
        article.set_attributes(true);
        article.set_attribute_filter(&js_sys::Array::of3(
            &"hidden".into(),
            &"aria-hidden".into(),
            &"open".into(),
        ));
        self.observer.observe_with_options(root, &article)?;
        if let Some(body) = root.owner_document().and_then(|d| d.body()) {
            // A body root is already watched with everything.
            if AsRef::<Element>::as_ref(&body) != root {
                let page = MutationObserverInit::new();
                page.set_child_list(true);
                page.set_subtree(true);
                self.observer.observe_with_options(&body, &page)?;
            }
        }
        Ok(())
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.pause();
        self.inner.timer.borrow_mut().take();
    }
}

impl Inner {
    /// A change under the article, or any change while the article is gone from the page.
    fn concerns(&self, record: &MutationRecord) -> bool {
        let root = self.root.borrow();
        if !root.is_connected() {
            return true;
        }
        record.target().is_some_and(|t: Node| {
            // Typing in an editable region is left alone, like the region itself.
            let editing = t
                .dyn_ref::<Element>()
                .cloned()
                .or_else(|| t.parent_element())
                .and_then(|el| {
                    el.closest("[contenteditable]:not([contenteditable=\"false\"])")
                        .ok()
                        .flatten()
                })
                .is_some();
            root.contains(Some(&t)) && !editing
        })
    }

    fn schedule(this: &Rc<Inner>) {
        let weak = Rc::downgrade(this);
        let timeout = Timeout::new(this.debounce_ms, move || {
            if crate::wasm::poisoned() {
                return;
            }
            if let Some(inner) = weak.upgrade() {
                // Dropping the running timeout is safe (wasm-bindgen defers freeing a closure
                // that is executing), and must happen before the report, which may pause us.
                let done = inner.timer.borrow_mut().take();
                (inner.on_settled)();
                drop(done);
            }
        });
        // Replacing the pending timeout cancels it: only the last change in a burst reports.
        *this.timer.borrow_mut() = Some(timeout);
    }
}
