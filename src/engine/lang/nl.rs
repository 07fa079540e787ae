//! Dutch.

/// Frequent words that are Dutch and not English, for language detection.
pub const FUNCTION_WORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "is", "dat", "niet", "zijn", "op", "met", "voor", "er", "ook",
    "maar", "om", "wordt", "bij", "naar", "heeft", "volgens", "aldus", "zegt", "werd", "nog",
];
