//! Every UI string, one table per language. The page's language picks the table.

use crate::engine::Lang;

#[derive(Debug, PartialEq)]
pub struct Strings {
    pub dialog_label: &'static str,
    pub statement: &'static str,
    pub quantity: &'static str,
    pub source: &'static str,
    pub resolved: &'static str,
    pub via: &'static str,
    pub cue: &'static str,
    pub confidence: &'static str,
    pub why: &'static str,
    pub no_source: &'static str,
    pub hedged: &'static str,
    pub close: &'static str,
    pub direct: &'static str,
    pub approximate: &'static str,
    pub more_than: &'static str,
    pub at_most: &'static str,
    pub between: &'static str,
    pub and: &'static str,
}

pub const NL: Strings = Strings {
    dialog_label: "Claim",
    statement: "Bewering",
    quantity: "Getal",
    source: "Bron",
    resolved: "Bedoeld wordt",
    via: "Via",
    cue: "Signaalwoord",
    confidence: "Zekerheid",
    why: "Waarom",
    no_source: "Het artikel noemt geen bron voor dit getal.",
    hedged: "onbevestigd",
    close: "Sluiten",
    direct: "letterlijk citaat",
    approximate: "ongeveer",
    more_than: "minstens",
    at_most: "hooguit",
    between: "tussen",
    and: "en",
};

pub const EN: Strings = Strings {
    dialog_label: "Claim",
    statement: "Statement",
    quantity: "Number",
    source: "Source",
    resolved: "Meaning",
    via: "Via",
    cue: "Cue",
    confidence: "Confidence",
    why: "Why",
    no_source: "The article names no source for this number.",
    hedged: "unconfirmed",
    close: "Close",
    direct: "direct quote",
    approximate: "about",
    more_than: "at least",
    at_most: "at most",
    between: "between",
    and: "and",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
