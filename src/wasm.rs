//! The whole JavaScript boundary: every `#[wasm_bindgen]` item of the crate is here. Options come
//! in as JS objects, claims go out in the wire shape with UTF-16 offsets (what the DOM counts).

use crate::engine::{self, ClaimKind, Lang, offsets::Unit, wire};
use crate::host::highlight::{Highlights, Target};
use crate::host::textmap::TextMap;
use crate::ui::{Ui, i18n, model::ClaimView};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Options of `annotate(element, options)`.
#[derive(Debug, Default)]
struct Options {
    /// `nl` or `en`; otherwise the page's `lang`, otherwise detected from the text.
    lang: Option<String>,
    /// URL of claimlens-ui.css, linked inside the UI's shadow root. The loader sets it.
    ui_css: Option<String>,
}

impl Options {
    /// Reads what it can: a bad or unknown key is a console warning naming it, and the
    /// default for that key; a publisher's typo must not take the widget down.
    fn read(value: &JsValue) -> Options {
        let mut options = Options::default();
        if value.is_undefined() || value.is_null() {
            return options;
        }
        if !value.is_object() {
            warn("options must be an object; using the defaults");
            return options;
        }
        for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
            .iter()
            .filter_map(|k| k.as_string())
        {
            let field =
                js_sys::Reflect::get(value, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
            let slot = match key.as_str() {
                "lang" => &mut options.lang,
                "uiCss" => &mut options.ui_css,
                _ => {
                    warn(&format!("unknown option \"{key}\" is ignored"));
                    continue;
                }
            };
            match field.as_string() {
                Some(text) => *slot = Some(text),
                None if field.is_undefined() || field.is_null() => {}
                None => warn(&format!(
                    "option \"{key}\" must be a string; using the default"
                )),
            }
        }
        if let Some(code) = options
            .lang
            .as_deref()
            .filter(|c| Lang::from_code(c).is_none())
        {
            warn(&format!(
                "option \"lang\" must be \"nl\" or \"en\", not \"{code}\"; using the page's language"
            ));
        }
        options
    }
}

fn warn(message: &str) {
    web_sys::console::warn_1(&format!("claimlens: {message}").into());
}

thread_local! {
    /// Roots annotated now: annotating one twice is a no-op.
    static ACTIVE: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Makes sure the library is linked into the widget's binary.
pub fn link() {}

/// An annotated article. `destroy()` removes every highlight and the UI and restores the article.
#[wasm_bindgen]
pub struct Handle {
    annotation: Option<Annotation>,
}

struct Annotation {
    root: Element,
    highlights: Highlights,
    ui: Ui,
    wire: wire::WireAnalysis,
}

#[wasm_bindgen]
impl Handle {
    /// Removes every highlight and the UI, restoring the article's DOM. Safe to call twice.
    pub fn destroy(&mut self) {
        if let Some(mut a) = self.annotation.take() {
            a.ui.destroy();
            a.highlights.remove();
            ACTIVE.with_borrow_mut(|roots| roots.retain(|r| *r != a.root));
        }
    }

    /// The claims found, in the wire shape (offsets in UTF-16 units of the article's text).
    #[wasm_bindgen(getter)]
    pub fn claims(&self) -> Result<JsValue, JsError> {
        match &self.annotation {
            Some(a) => to_js(&a.wire.claims),
            None => Ok(js_sys::Array::new().into()),
        }
    }

    /// How many highlight elements are on the page.
    #[wasm_bindgen(getter)]
    pub fn marks(&self) -> usize {
        self.annotation.as_ref().map_or(0, |a| a.highlights.len())
    }
}

/// Finds the claims in `root`'s text, highlights them and mounts the UI.
#[wasm_bindgen]
pub fn annotate(root: Element, options: JsValue) -> Result<Handle, JsError> {
    install_panic_hook();
    let options = Options::read(&options);
    if ACTIVE.with_borrow(|roots| roots.contains(&root)) {
        return Ok(Handle { annotation: None });
    }
    let doc = root
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    let page_lang = root
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code));
    let lang = options
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .or(page_lang);

    let map = TextMap::read(&root);
    let analysis = engine::analyze(&map.text, lang);
    let strings = i18n::strings(lang.unwrap_or(analysis.lang));
    let targets: Vec<Target> = analysis
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let kind = match &c.kind {
                // Ordinals (`de derde dag`) are recognised but are not counts to check.
                ClaimKind::Quantity(q) if q.ordinal => return None,
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
    let mut highlights = Highlights::apply(&doc, &map, &targets).map_err(dom_error)?;

    let views: Rc<[ClaimView]> = analysis
        .claims
        .iter()
        .map(|c| ClaimView::new(&map.text, c, strings))
        .collect();
    let ui = match Ui::mount(&doc, &root, views, strings, options.ui_css.as_deref()) {
        Ok(ui) => ui,
        Err(e) => {
            highlights.remove();
            return Err(dom_error(e));
        }
    };
    let wire = wire::to_wire(&map.text, &analysis, Unit::Utf16);
    ACTIVE.with_borrow_mut(|roots| roots.push(root.clone()));
    Ok(Handle {
        annotation: Some(Annotation {
            root,
            highlights,
            ui,
            wire,
        }),
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
    JsError::new(&format!(
        "DOM error: {}",
        e.as_string().unwrap_or_else(|| format!("{e:?}"))
    ))
}

/// A panic becomes one console error naming the widget, not a bare `unreachable` trap.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("claimlens: internal error: {info}").into());
        }));
    });
}
