//! The reader's UI: a Yew app in a shadow root, so host-page CSS cannot reach it and its CSS
//! cannot reach the page. It listens for clicks and keys on the highlights that `crate::host`
//! made, and shows the popover.
//!
//! `i18n` (the strings) and `model` (what a claim shows) are pure and compile natively too, so
//! that `cargo test` checks them; the rest is wasm only.

#[cfg(target_arch = "wasm32")]
mod components;
pub mod i18n;
pub mod model;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
use {
    super::host::UI_TAG,
    components::app::{App, AppProps},
    std::rc::Rc,
    wasm_bindgen::JsValue,
    web_sys::{Document, Element, ShadowRootInit, ShadowRootMode},
    yew::AppHandle,
};

/// The mounted UI: its host element in the page and the Yew app inside it.
#[cfg(target_arch = "wasm32")]
pub struct Ui {
    host: Element,
    app: Option<AppHandle<App>>,
}

#[cfg(target_arch = "wasm32")]
impl Ui {
    /// Mounts the UI for the claims highlighted under `root`. `css_href` is the UI stylesheet,
    /// linked inside the shadow root (a file, not inline CSS, so a strict CSP holds).
    pub fn mount(
        doc: &Document,
        root: &Element,
        claims: Rc<[model::ClaimView]>,
        strings: &'static i18n::Strings,
        css_href: Option<&str>,
    ) -> Result<Ui, JsValue> {
        let host = doc.create_element(UI_TAG)?;
        // Open, like the Hypothesis client's: tests and assistive tools can see in; styles still
        // cannot cross the boundary.
        let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
        if let Some(href) = css_href {
            let link = doc.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", href)?;
            shadow.append_child(&link)?;
        }
        let mount = doc.create_element("div")?;
        mount.set_attribute("class", "claimlens-root")?;
        shadow.append_child(&mount)?;
        doc.body()
            .ok_or_else(|| JsValue::from_str("the page has no <body>"))?
            .append_child(&host)?;
        let props = AppProps {
            root: root.clone(),
            claims,
            strings,
        };
        let app = yew::Renderer::<App>::with_root_and_props(mount, props).render();
        Ok(Ui {
            host,
            app: Some(app),
        })
    }

    /// `data-theme="light|dark"` on the host element (set by the embedding code from the
    /// publisher's `theme` option; the UI's CSS styles it).
    pub fn set_theme(&self, theme: &str) {
        let _ = self.host.set_attribute("data-theme", theme);
    }

    /// Removes the UI and every listener it holds.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.host.remove();
    }
}
