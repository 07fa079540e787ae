//! Embedding on publishers' pages, the pure part: configuration, the publisher's source list,
//! schema.org ClaimReview JSON-LD, all read from [`json::Json`] by code that never panics and
//! compiles and tests natively (and is fuzzed: `tests/fuzz_embed.rs`). The DOM side is in
//! `crate::host` and `crate::wasm`.

pub mod claimreview;
pub mod config;
pub mod json;
pub mod sources;
pub mod utf16;

/// Text folded for matching: lower case, letters and digits kept, everything else one space.
/// `,,Dat is “onwaar”!` → `dat is onwaar`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Whether normalised `needle` occurs in normalised `hay` as whole words.
pub fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

/// Cuts `s` to at most `max` characters (publisher strings shown in the popover stay short).
pub fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes() {
        assert_eq!(normalize(",,Dat is “onwaar”!"), "dat is onwaar");
        assert_eq!(normalize("  2,5 miljoen  "), "2 5 miljoen");
        assert!(contains_words("volgens het knmi vandaag", "het knmi"));
        assert!(!contains_words("volgens hetknmi", "knmi"));
        assert_eq!(clip("abcdef", 3), "abc…");
    }
}
