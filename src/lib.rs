//! claimlens: finds the claims in a news article (quantities and attributed statements),
//! links each to its source with a confidence, and — in the browser — highlights them.
//!
//! * [`engine`] is pure: text in, claims out. It never fails and never touches the outside world.
//! * `host` (wasm only) reads the publisher's article and wraps claims in highlight elements.
//! * `ui` (wasm only) is the Yew popover, rendered in a shadow root.
//! * [`embed`] reads publisher data (configuration, source list, ClaimReview JSON-LD); pure.
//! * [`export`] gives claims as W3C Web Annotations.
//! * `wasm` (wasm only) is the whole JavaScript boundary: every `#[wasm_bindgen]` item lives there.

pub mod embed;
pub mod engine;
pub mod export;

#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
