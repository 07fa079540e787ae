//! The root component: owns the listeners on the highlights and on the document, and shows the
//! popover for the open claim.

use super::popover::Popover;
use crate::host::{MARK_TAG, UI_TAG};
use crate::ui::i18n::Strings;
use crate::ui::model::ClaimView;
use crate::ui::state::{Action, UiState};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, FocusOptions, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The article root whose highlights this app serves.
    pub root: Element,
    /// Indexed by the marks' `data-claim`.
    pub claims: Rc<[ClaimView]>,
    pub strings: &'static Strings,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(UiState::default);

    // Highlights: one delegated listener per event type on the article root, dropped with the app.
    {
        let dispatcher = state.dispatcher();
        let count = props.claims.len();
        use_effect_with(props.root.clone(), move |root| {
            let on_click = dispatcher.clone();
            let root_el = root.clone();
            let click = EventListener::new(root, "click", move |event| {
                // A link inside (or around) a highlight keeps working as a link.
                if target_element(event)
                    .and_then(|t| t.closest("a[href]").ok().flatten())
                    .is_some()
                {
                    return;
                }
                if let Some((claim, mark)) = claim_at(event, &root_el, count) {
                    on_click.dispatch(Action::Open(claim, mark));
                }
            });
            let on_key = dispatcher;
            let root_el = root.clone();
            let keydown = EventListener::new(root, "keydown", move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
                    return;
                };
                let on_mark = target_element(event).is_some_and(|t| t.local_name() == MARK_TAG);
                if on_mark && (key == "Enter" || key == " ") {
                    if let Some((claim, mark)) = claim_at(event, &root_el, count) {
                        // Space would scroll the page; Enter could submit a surrounding form.
                        event.prevent_default();
                        on_key.dispatch(Action::Open(claim, mark));
                    }
                }
            });
            move || drop((click, keydown))
        });
    }

    let close = {
        let dispatcher = state.dispatcher();
        let open = state.open.clone();
        Callback::from(move |()| {
            if let Some((_, mark)) = &open {
                focus(mark);
            }
            dispatcher.dispatch(Action::Close);
        })
    };

    // While a popover is open: Escape, or a click anywhere but a highlight or the UI, closes it.
    {
        let close = close.clone();
        use_effect_with(state.open.clone(), move |open| {
            let listeners = open.as_ref().map(|_| {
                let doc = gloo::utils::document();
                let on_escape = close.clone();
                let escape = EventListener::new(&doc, "keydown", move |event| {
                    if event
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape")
                    {
                        on_escape.emit(());
                    }
                });
                let outside = EventListener::new(&doc, "click", move |event| {
                    // Events from inside the shadow root arrive retargeted to its host element.
                    let inside = target_element(event)
                        .and_then(|t| t.closest(&format!("{MARK_TAG}, {UI_TAG}")).ok().flatten())
                        .is_some();
                    if !inside {
                        close.emit(());
                    }
                });
                (escape, outside)
            });
            move || drop(listeners)
        });
    }

    let popover = state.open.as_ref().and_then(|(claim, mark)| {
        let view = props.claims.get(*claim)?.clone();
        Some(html! {
            <Popover key={*claim} claim={view} anchor={mark.clone()} strings={props.strings} on_close={close} />
        })
    });
    html! { <>{ for popover }</> }
}

fn target_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// The innermost highlight under the event's target, and its claim's index.
fn claim_at(event: &Event, root: &Element, count: usize) -> Option<(usize, Element)> {
    let mark = target_element(event)?.closest(MARK_TAG).ok()??;
    let claim: usize = mark.get_attribute("data-claim")?.parse().ok()?;
    // The mark a reader can focus is the claim's first one.
    let head = if mark.has_attribute("tabindex") {
        mark
    } else {
        root.query_selector(&format!("{MARK_TAG}[data-claim=\"{claim}\"][tabindex]"))
            .ok()??
    };
    (claim < count).then_some((claim, head))
}

pub fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}
