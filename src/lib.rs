//! claimlens: finds the claims in a news article (quantities and attributed statements),
//! links each to its source with a confidence, and — in the browser — highlights them.
//!
//! * [`engine`] is pure: text in, claims out. It never fails and never touches the outside world.
//! * `host` (wasm only) reads the publisher's article and wraps claims in highlight elements.
//! * `ui` is the Yew popover, rendered in a shadow root (wasm only; its string tables and display
//!   model are pure and tested natively).
//! * [`embed`] reads publisher data (configuration, source list, ClaimReview JSON-LD); pure.
//! * [`export`] gives claims as W3C Web Annotations.
//! * `wasm` (wasm only) is the whole JavaScript boundary: every `#[wasm_bindgen]` item lives there.

pub mod embed;
pub mod engine;
pub mod export;

#[cfg(target_arch = "wasm32")]
mod host;
// Natively only the UI's pure tables and display model compile (for `cargo test`); nothing
// native uses them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod ui;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
