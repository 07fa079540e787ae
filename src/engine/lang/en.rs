//! English.

/// Frequent words that are English and not Dutch, for language detection.
pub const FUNCTION_WORDS: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "that",
    "it",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "said",
    "has",
    "have",
    "are",
    "were",
    "from",
    "according",
    "this",
    "which",
    "but",
    "not",
];
