//! The root component: owns the listeners on the highlights and on the document, and shows the
//! popover for the open claim.

use super::panel::Panel;
use super::popover::Popover;
use crate::host::{MARK_TAG, UI_TAG};
use crate::ui::i18n::Strings;
use crate::ui::model::ClaimView;
use crate::ui::state::{Action, UiState};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, FocusOptions, HtmlElement, KeyboardEvent, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};
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
            let keydown = EventListener::new_with_options(
                root,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
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
                },
            );
            move || drop((click, keydown))
        });
    }

    let toggle_ref = use_node_ref();

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

    // Alt+Shift+ArrowDown / ArrowUp: the next / previous claim, from anywhere on the page. Two
    // modifiers, so it never takes a key a screen reader's browse mode uses.
    {
        let dispatcher = state.dispatcher();
        let open = state.open.clone();
        let count = props.claims.len();
        use_effect_with((props.root.clone(), open), move |(root, open)| {
            let root = root.clone();
            let open = open.clone();
            let doc = gloo::utils::document();
            // Not passive: it calls prevent_default (gloo's listeners are passive by default).
            let keys = EventListener::new_with_options(
                &doc,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(k) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    let step: i32 = match k.key().as_str() {
                        "ArrowDown" if k.alt_key() && k.shift_key() => 1,
                        "ArrowUp" if k.alt_key() && k.shift_key() => -1,
                        _ => return,
                    };
                    let Some((claim, mark)) = step_claim(&root, open.as_ref().map(|o| &o.1), step)
                    else {
                        return;
                    };
                    event.prevent_default();
                    reveal(&mark);
                    if open.is_some() && claim < count {
                        dispatcher.dispatch(Action::Open(claim, mark));
                    }
                },
            );
            move || drop(keys)
        });
    }

    // While a popover or the panel is open: Escape, or a click anywhere but a highlight or the
    // UI, closes it. Escape returns focus to what opened it.
    {
        let close = close.clone();
        let dispatcher = state.dispatcher();
        let toggle = toggle_ref.clone();
        let active = (state.open.is_some(), state.panel);
        use_effect_with(active, move |&(open, panel)| {
            let listeners = (open || panel).then(|| {
                let doc = gloo::utils::document();
                let (on_escape, d) = (close.clone(), dispatcher.clone());
                let escape = EventListener::new(&doc, "keydown", move |event| {
                    if event
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape")
                    {
                        if open {
                            on_escape.emit(());
                        } else {
                            if let Some(t) = toggle.cast::<Element>() {
                                focus(&t);
                            }
                            d.dispatch(Action::ClosePanel);
                        }
                    }
                });
                let outside = EventListener::new(&doc, "click", move |event| {
                    // Events from inside the shadow root arrive retargeted to its host element.
                    let inside = target_element(event)
                        .and_then(|t| t.closest(&format!("{MARK_TAG}, {UI_TAG}")).ok().flatten())
                        .is_some();
                    if !inside {
                        if open {
                            close.emit(());
                        } else {
                            dispatcher.dispatch(Action::ClosePanel);
                        }
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

    let on_toggle = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::TogglePanel))
    };
    let on_go = {
        let dispatcher = state.dispatcher();
        let root = props.root.clone();
        Callback::from(move |claim: usize| {
            dispatcher.dispatch(Action::ClosePanel);
            if let Some(mark) = head_mark(&root, claim) {
                reveal(&mark);
            }
        })
    };
    let s = props.strings;
    let shown = props.claims.iter().filter(|c| c.kind.is_some()).count();
    html! {
        <aside class="claimlens-ui" aria-label="claimlens">
            // `hidden` until claimlens-ui.css applies (its `display: flex` overrides the
            // attribute): the sheet loads after mounting, and an unstyled button would sit in
            // the page's flow for a moment and then jump away (a layout shift).
            <button ref={toggle_ref} type="button" class="claimlens-toggle" hidden=true
                    aria-expanded={if state.panel { "true" } else { "false" }}
                    aria-controls="claimlens-panel" onclick={on_toggle}>
                <span class="claimlens-toggle-mark" aria-hidden="true"></span>
                { format!("{} ({shown})", s.panel_toggle) }
            </button>
            if state.panel {
                <Panel claims={props.claims.clone()} strings={s} on_go={on_go} />
            }
            { for popover }
        </aside>
    }
}

/// The first mark of claim `claim`: the one a reader can focus.
fn head_mark(root: &Element, claim: usize) -> Option<Element> {
    root.query_selector(&format!("{MARK_TAG}[data-claim=\"{claim}\"][tabindex]"))
        .ok()?
}

/// The claim `step` places after (or before) the focused highlight, or the open one's; the
/// first (or last) claim when no highlight has focus.
fn step_claim(root: &Element, open: Option<&Element>, step: i32) -> Option<(usize, Element)> {
    let list = root
        .query_selector_all(&format!("{MARK_TAG}[tabindex]"))
        .ok()?;
    let marks: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let active = gloo::utils::document().active_element();
    let current = active
        .as_ref()
        .and_then(|a| marks.iter().position(|m| m == a))
        .or_else(|| open.and_then(|o| marks.iter().position(|m| m == o)));
    let next = match (current, step > 0) {
        (Some(i), true) => (i + 1 < marks.len()).then_some(i + 1)?,
        (Some(i), false) => i.checked_sub(1)?,
        (None, true) => 0,
        (None, false) => marks.len().checked_sub(1)?,
    };
    let mark = marks.get(next)?.clone();
    let claim = mark.get_attribute("data-claim")?.parse().ok()?;
    Some((claim, mark))
}

/// Scrolls a highlight to the middle of the viewport and focuses it.
fn reveal(mark: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
    focus(mark);
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
