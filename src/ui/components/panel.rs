//! The sources panel: every source in the article with its claims, grouped by the resolved
//! source, the number of quantities without a source, and the legend of the highlight kinds.
//! A disclosure (WAI-ARIA APG): the toggle button says whether it is expanded and the panel
//! follows it in the tab order.

use crate::engine::DisplayKind;
use crate::ui::i18n::Strings;
use crate::ui::model::ClaimView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub claims: Rc<[ClaimView]>,
    pub strings: &'static Strings,
    /// Scrolls to and focuses the claim with this index.
    pub on_go: Callback<usize>,
}

/// Longest claim text an entry shows; the rest is an ellipsis.
const ENTRY_CHARS: usize = 90;

#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let s = props.strings;
    // Groups in order of first appearance; a claim without a source goes to the last group.
    let mut groups: Vec<(String, String, Vec<usize>)> = Vec::new();
    let mut unsourced = Vec::new();
    for (i, c) in props.claims.iter().enumerate() {
        if c.kind.is_none() {
            continue;
        }
        let Some(source) = &c.source else {
            unsourced.push(i);
            continue;
        };
        let name = c.resolved.as_ref().unwrap_or(source);
        let key = name.trim().to_lowercase();
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, members)) => members.push(i),
            None => groups.push((key, name.clone(), vec![i])),
        }
    }
    let unsourced_numbers = unsourced
        .iter()
        .filter(|&&i| props.claims[i].kind == Some(DisplayKind::UnsourcedQuantity))
        .count();

    let entry = |i: usize| {
        let c = &props.claims[i];
        let kind = c.kind.unwrap_or(DisplayKind::Statement);
        let on_go = props.on_go.reform(move |_: MouseEvent| i);
        let mut text: String = c.text.chars().take(ENTRY_CHARS).collect();
        if c.text.chars().count() > ENTRY_CHARS {
            text.push('…');
        }
        html! {
            <li>
                <button type="button" class={classes!("claimlens-entry", format!("is-{}", kind.code()))}
                        data-claim={i.to_string()} onclick={on_go}>
                    <span class="claimlens-tag">{ s.kind(kind).0 }</span>
                    <span class="claimlens-entry-text">{ text }</span>
                    <span class="claimlens-confidence">{ format!("{}%", c.percent) }</span>
                </button>
            </li>
        }
    };

    let legend = DisplayKind::ALL.map(|k| {
        html! {
            <li><span class={classes!("claimlens-sample", format!("is-{}", k.code()))} aria-hidden="true">{ "123" }</span>{ s.kind(k).0 }</li>
        }
    });

    html! {
        <section id="claimlens-panel" class="claimlens-panel" aria-labelledby="claimlens-panel-title">
            <h2 id="claimlens-panel-title">{ s.panel_title }</h2>
            <p class="claimlens-count">
                { format!("{}: ", s.unsourced_count) }<strong class="claimlens-unsourced-count">{ unsourced_numbers }</strong>
            </p>
            if groups.is_empty() && unsourced.is_empty() {
                <p>{ s.no_claims }</p>
            }
            <ul class="claimlens-groups">
                { for groups.iter().map(|(_, name, members)| html! {
                    <li class="claimlens-group">
                        <h3 class="claimlens-group-name">{ name }</h3>
                        <ul>{ for members.iter().map(|&i| entry(i)) }</ul>
                    </li>
                }) }
                if !unsourced.is_empty() {
                    <li class="claimlens-group claimlens-group-none">
                        <h3 class="claimlens-group-name">{ s.unsourced }</h3>
                        <ul>{ for unsourced.iter().map(|&i| entry(i)) }</ul>
                    </li>
                }
            </ul>
            <h3 class="claimlens-legend-title">{ s.legend }</h3>
            <ul class="claimlens-legend">{ for legend }</ul>
            <p class="claimlens-keys">{ s.keys_help }</p>
        </section>
    }
}
