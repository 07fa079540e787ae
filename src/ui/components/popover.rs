//! The popover: a non-modal dialog next to the highlight, saying who says the claim, how the
//! source was resolved, the cue, and how sure we are.

use crate::ui::i18n::Strings;
use crate::ui::model::ClaimView;
use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PopoverProps {
    pub claim: ClaimView,
    pub anchor: Element,
    pub strings: &'static Strings,
    pub on_close: Callback<()>,
}

/// Space kept between the popover and the highlight or the viewport's edge, in CSS pixels.
const GAP: f64 = 8.0;

#[component]
pub fn Popover(props: &PopoverProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.anchor.clone(), move |anchor| {
            place(&node, anchor);
            if let Some(el) = node.cast::<HtmlElement>() {
                let _ = el.focus();
            }
            // Follow the highlight when the page scrolls (in any scroller) or resizes.
            let window = gloo::utils::window();
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let (n, a) = (node.clone(), anchor.clone());
            let scroll =
                EventListener::new_with_options(&window, "scroll", options, move |_| place(&n, &a));
            let (n, a) = (node, anchor.clone());
            let resize = EventListener::new(&window, "resize", move |_| place(&n, &a));
            move || drop((scroll, resize))
        });
    }

    let s = props.strings;
    let c = &props.claim;
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let kind = if c.is_quantity {
        s.quantity
    } else {
        s.statement
    };
    let source = match (&c.source, c.is_quantity) {
        (Some(source), _) => html! { <dd class="claimlens-source">{ source }</dd> },
        (None, true) => html! { <dd class="claimlens-source claimlens-none">{ s.no_source }</dd> },
        (None, false) => html! { <dd class="claimlens-source claimlens-none">{ "—" }</dd> },
    };
    html! {
        <div ref={node} class={classes!("claimlens-popover", c.is_quantity.then_some("is-quantity"))}
             role="dialog" aria-modal="false" aria-labelledby="claimlens-title" tabindex="-1">
            <div class="claimlens-head">
                <h2 id="claimlens-title" class="claimlens-kind">{ kind }</h2>
                <button type="button" class="claimlens-close" aria-label={s.close} onclick={on_close}>{ "×" }</button>
            </div>
            <blockquote class="claimlens-claim">{ &c.text }</blockquote>
            if let Some(meaning) = &c.meaning {
                <p class="claimlens-meaning">{ meaning }</p>
            }
            <dl>
                <dt>{ s.source }</dt>
                { source }
                if let Some(resolved) = &c.resolved {
                    <dt>{ s.resolved }</dt><dd class="claimlens-resolved">{ resolved }</dd>
                }
                if let Some(via) = &c.via {
                    <dt>{ s.via }</dt><dd class="claimlens-via">{ via }</dd>
                }
                if let Some(cue) = &c.cue {
                    <dt>{ s.cue }</dt>
                    <dd class="claimlens-cue">
                        { cue }
                        if c.direct { <span class="claimlens-note">{ format!(" · {}", s.direct) }</span> }
                        if c.hedged { <span class="claimlens-note">{ format!(" · {}", s.hedged) }</span> }
                    </dd>
                }
                <dt>{ s.confidence }</dt>
                <dd><span class="claimlens-confidence">{ format!("{}%", c.percent) }</span></dd>
            </dl>
            if !c.reasons.is_empty() {
                <p class="claimlens-reasons">{ format!("{}: {}", s.why, c.reasons.join(", ")) }</p>
            }
        </div>
    }
}

/// Puts the popover below the highlight (above it when there is no room below), inside the
/// viewport. Positions go through the CSSOM, which a strict style-src CSP allows.
fn place(node: &NodeRef, anchor: &Element) {
    let Some(el) = node.cast::<HtmlElement>() else {
        return;
    };
    let window = gloo::utils::window();
    let width = window
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let height = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let rect = anchor.get_bounding_client_rect();
    let (w, h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
    let left = rect.left().min(width - w - GAP).max(GAP);
    let below = rect.bottom() + GAP;
    let top = if below + h > height - GAP && rect.top() - h - GAP >= GAP {
        rect.top() - h - GAP
    } else {
        below
    };
    let style = el.style();
    let _ = style.set_property("left", &format!("{left:.0}px"));
    let _ = style.set_property("top", &format!("{top:.0}px"));
}
