//! Host-page work: reading the publisher's article into one text with a map back to the DOM,
//! wrapping claims in highlight elements, and watching the article for changes. No UI here: the
//! popover lives in `crate::ui`.

pub mod article;
pub mod highlight;
pub mod observe;
pub mod textmap;

/// The custom element that wraps highlighted text. An unknown element is `display: inline`
/// and unstyled, so wrapping text in it never changes layout; a custom name keeps page CSS
/// aimed at `span` or `mark` from hiding it (the Hypothesis client does the same).
pub const MARK_TAG: &str = "claimlens-mark";

/// The element that hosts the UI's shadow root.
pub const UI_TAG: &str = "claimlens-ui";
