//! Language knowledge as data, one module per language, named by purpose.

pub mod en;
pub mod nl;

use super::Lang;

/// Guesses the language from counts of frequent function words.
pub fn detect(text: &str) -> Lang {
    let (mut nl, mut en) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        let lower = word.to_lowercase();
        nl += nl::FUNCTION_WORDS.contains(&lower.as_str()) as usize;
        en += en::FUNCTION_WORDS.contains(&lower.as_str()) as usize;
    }
    if nl > en { Lang::Nl } else { Lang::En }
}
