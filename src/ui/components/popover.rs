//! The popover: a non-modal dialog next to the highlight, saying who says the claim, how the
//! source was resolved, the cue, and how sure we are.

use crate::engine::DisplayKind;
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
    let (kind_name, _) = s.kind(c.kind.unwrap_or(DisplayKind::Statement));
    let source = match (&c.source, c.is_quantity) {
        (Some(source), _) => html! { <dd class="claimlens-source">{ source }</dd> },
        (None, true) => html! { <dd class="claimlens-source claimlens-none">{ s.no_source }</dd> },
        (None, false) => html! { <dd class="claimlens-source claimlens-none">{ "—" }</dd> },
    };
    // The attribution as the article words it, hedging said plainly after it.
    let attribution = c.source.as_ref().map(|source| match &c.cue {
        Some(cue) if is_preposition(cue) => format!("{} {source}", cue.to_lowercase()),
        _ => source.clone(),
    });
    let link = c.link.as_deref().filter(|l| is_web_link(l));
    let level = s.level(c.percent);
    html! {
        <div ref={node} class={classes!("claimlens-popover", c.kind.map(|k| format!("is-{}", k.code())))}
             role="dialog" aria-modal="false" aria-labelledby="claimlens-title" aria-describedby="claimlens-claim" tabindex="-1">
            <div class="claimlens-head">
                <h2 id="claimlens-title" class="claimlens-kind">
                    <span class="claimlens-swatch" aria-hidden="true"></span>{ kind_name }
                </h2>
                <button type="button" class="claimlens-close" aria-label={s.close} onclick={on_close}>{ "×" }</button>
            </div>
            <blockquote id="claimlens-claim" class="claimlens-claim">{ &c.text }</blockquote>
            if let Some(meaning) = &c.meaning {
                <p class="claimlens-meaning">{ meaning }</p>
            }
            if c.hedged {
                <p class="claimlens-hedge">{ format!("{} — {}", attribution.as_deref().unwrap_or(""), s.hedged).trim_start_matches(" — ").to_owned() }</p>
            }
            <dl>
                <dt>{ s.source }</dt>
                { source }
                if let Some(resolved) = &c.resolved {
                    <dt>{ s.resolved }</dt><dd class="claimlens-resolved">{ resolved }</dd>
                }
                if let Some(name) = &c.source_name {
                    <dt>{ s.resolved }</dt>
                    <dd class="claimlens-source-name">
                        { name }
                        if let Some(note) = &c.source_note { <span class="claimlens-note">{ format!(" — {note}") }</span> }
                    </dd>
                }
                if let Some(via) = &c.via {
                    <dt>{ s.via }</dt><dd class="claimlens-via">{ via }</dd>
                }
                if let Some(cue) = &c.cue {
                    <dt>{ s.cue }</dt>
                    <dd class="claimlens-cue">
                        { cue }
                        if c.direct { <span class="claimlens-note">{ format!(" · {}", s.direct) }</span> }
                    </dd>
                }
                if let Some(href) = link {
                    <dt>{ s.link }</dt>
                    <dd><a class="claimlens-link" href={href.to_owned()} rel="noopener noreferrer" target="_blank">{ host_of(href) }</a></dd>
                }
                <dt>{ s.confidence }</dt>
                <dd>
                    <span class="claimlens-confidence">{ format!("{}%", c.percent) }</span>
                    <span class={classes!("claimlens-level", format!("is-{level}"))}>{ format!(" · {level}") }</span>
                </dd>
            </dl>
            if !c.reasons.is_empty() {
                <div class="claimlens-reasons">
                    <span>{ format!("{}:", s.why) }</span>
                    <ul>{ for c.reasons.iter().map(|r| html! { <li>{ s.reason(r) }</li> }) }</ul>
                </div>
            }
            if let Some(review) = &c.review {
                <section class="claimlens-review" aria-labelledby="claimlens-review-title">
                    <h3 id="claimlens-review-title">{ s.review }</h3>
                    <p>
                        if let Some(verdict) = &review.verdict { <strong class="claimlens-verdict">{ verdict }</strong> }
                        if let Some(rating) = &review.rating { { format!(" ({rating})") } }
                        if let Some(author) = &review.author { { format!(" {} {author}", s.review_by) } }
                    </p>
                    if let Some(url) = review.url.as_deref().filter(|u| is_web_link(u)) {
                        <a class="claimlens-review-link" href={url.to_owned()} rel="noopener noreferrer" target="_blank">{ s.review_read }</a>
                    }
                </section>
            }
        </div>
    }
}

/// Only http(s) links are shown: a `javascript:` or `data:` URL from a page or a source list
/// must never become clickable in our UI.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().get(..8).unwrap_or("").to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `www.knmi.nl` for `https://www.knmi.nl/nieuws`: where the link goes, as its text.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

/// A cue that reads before its source (`volgens de politie`, `according to police`); other cues
/// are verbs (`aldus`, `zegt`) and read badly in front of the source, so the source stands alone.
fn is_preposition(cue: &str) -> bool {
    let cue = cue.to_lowercase();
    cue.starts_with("volgens") || cue.starts_with("according")
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
    // Whole pixels by integer formatting (no float-formatting code in the widget).
    let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    let _ = style.set_property("top", &format!("{}px", top.round() as i64));
}
