//! Every UI string, one table per language. The page's language picks the table; the highlights'
//! accessible kind names come from here too, so a screen reader hears the page's language.

use crate::engine::Lang;

#[derive(Debug)]
pub struct Strings {
    /// Names of the highlight kinds: the popover's heading and the legend.
    pub statement: &'static str,
    pub quantity: &'static str,
    pub unsourced: &'static str,
    /// What a screen reader says a highlight is (`aria-roledescription`): a claim, and its kind.
    pub mark_statement: &'static str,
    pub mark_quantity: &'static str,
    pub mark_unsourced: &'static str,
    pub source: &'static str,
    pub resolved: &'static str,
    pub via: &'static str,
    pub cue: &'static str,
    pub link: &'static str,
    pub confidence: &'static str,
    pub why: &'static str,
    pub no_source: &'static str,
    /// Follows the attribution: `volgens de autoriteiten — onbevestigd`.
    pub hedged: &'static str,
    pub close: &'static str,
    pub direct: &'static str,
    pub high: &'static str,
    pub medium: &'static str,
    pub low: &'static str,
    pub review: &'static str,
    pub review_by: &'static str,
    pub review_read: &'static str,
    // Quantities in words.
    pub approximate: &'static str,
    pub more_than: &'static str,
    pub at_most: &'static str,
    pub between: &'static str,
    pub and: &'static str,
    pub million: &'static str,
    pub billion: &'static str,
    pub decimal_sep: char,
    pub thousands_sep: char,
    /// Currency and unit codes the engine uses, as a reader says them.
    pub units: &'static [(&'static str, &'static str)],
    // The sources panel.
    pub panel_toggle: &'static str,
    pub panel_title: &'static str,
    pub legend: &'static str,
    pub unsourced_count: &'static str,
    pub no_claims: &'static str,
    /// How to move between claims with the keyboard.
    pub keys_help: &'static str,
    /// The engine's reasons (English, as the CLI prints them) in this language.
    pub reasons: &'static [(&'static str, &'static str)],
}

pub static NL: Strings = Strings {
    statement: "Bewering",
    quantity: "Getal met bron",
    unsourced: "Getal zonder bron",
    mark_statement: "claim: bewering",
    mark_quantity: "claim: getal",
    mark_unsourced: "claim: getal zonder bron",
    source: "Bron",
    resolved: "Bedoeld wordt",
    via: "Via",
    cue: "Signaalwoord",
    link: "Bekijk de bron",
    confidence: "Zekerheid",
    why: "Waarom",
    no_source: "Het artikel noemt geen bron voor dit getal.",
    hedged: "onbevestigd",
    close: "Sluiten",
    direct: "letterlijk citaat",
    high: "hoog",
    medium: "middel",
    low: "laag",
    review: "Factcheck",
    review_by: "door",
    review_read: "Lees de factcheck",
    approximate: "ongeveer",
    more_than: "meer dan",
    at_most: "hooguit",
    between: "tussen",
    and: "en",
    million: "miljoen",
    billion: "miljard",
    decimal_sep: ',',
    thousands_sep: '.',
    units: &[
        ("EUR", "euro"),
        ("USD", "dollar"),
        ("GBP", "pond"),
        ("%", "procent"),
    ],
    panel_toggle: "Bronnen",
    panel_title: "Bronnen in dit artikel",
    legend: "Legenda",
    unsourced_count: "Getallen zonder bron",
    no_claims: "Geen claims gevonden.",
    keys_help: "Alt+Shift+↓ / ↑: volgende / vorige claim. Enter opent, Escape sluit.",
    reasons: &[
        ("antecedent far back", "verwijzing ver terug"),
        ("approximate", "benadering"),
        ("described source", "omschreven bron"),
        ("digits", "in cijfers"),
        ("direct quote", "letterlijk citaat"),
        ("explicit cue", "duidelijk signaalwoord"),
        ("hedged", "onder voorbehoud"),
        ("named source", "bron bij naam genoemd"),
        ("no cue", "geen signaalwoord"),
        (
            "no cue: continues previous speaker",
            "geen signaalwoord: zelfde spreker als ervoor",
        ),
        ("no source", "geen bron"),
        ("number words", "in woorden"),
        ("ordinal", "rangtelwoord"),
        ("resolved description", "omschrijving herleid"),
        ("source from statement", "bron uit de bewering"),
        ("unresolved pronoun", "onduidelijk voornaamwoord"),
        ("vague quantity", "vage hoeveelheid"),
    ],
};

pub static EN: Strings = Strings {
    statement: "Statement",
    quantity: "Number with source",
    unsourced: "Number without source",
    mark_statement: "claim: statement",
    mark_quantity: "claim: number",
    mark_unsourced: "claim: number without source",
    source: "Source",
    resolved: "Meaning",
    via: "Via",
    cue: "Cue",
    link: "Go to the source",
    confidence: "Confidence",
    why: "Why",
    no_source: "The article names no source for this number.",
    hedged: "unconfirmed",
    close: "Close",
    direct: "direct quote",
    high: "high",
    medium: "medium",
    low: "low",
    review: "Fact check",
    review_by: "by",
    review_read: "Read the fact check",
    approximate: "about",
    more_than: "more than",
    at_most: "at most",
    between: "between",
    and: "and",
    million: "million",
    billion: "billion",
    decimal_sep: '.',
    thousands_sep: ',',
    units: &[
        ("EUR", "euros"),
        ("USD", "dollars"),
        ("GBP", "pounds"),
        ("%", "per cent"),
    ],
    panel_toggle: "Sources",
    panel_title: "Sources in this article",
    legend: "Legend",
    unsourced_count: "Numbers without a source",
    no_claims: "No claims found.",
    keys_help: "Alt+Shift+↓ / ↑: next / previous claim. Enter opens, Escape closes.",
    reasons: &[],
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The tables are the two statics above, so the same table is the same address. Yew compares
/// the components' props (which hold a table) on every render: a derived comparison of every
/// string was 1.4 KB of wasm.
impl PartialEq for Strings {
    fn eq(&self, other: &Strings) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Strings {
    /// A reason in this language; the engine's own words when the table has none.
    pub fn reason(&self, reason: &'static str) -> &'static str {
        self.reasons
            .iter()
            .find(|(en, _)| *en == reason)
            .map_or(reason, |(_, said)| said)
    }

    /// A unit as a reader says it (`EUR` → `euro`); other units as the article wrote them.
    pub fn unit<'u>(&self, unit: &'u str) -> &'u str {
        self.units
            .iter()
            .find(|(code, _)| *code == unit)
            .map_or(unit, |(_, said)| said)
    }

    /// `hoog`, `middel`, `laag` for a confidence in percent.
    pub fn level(&self, percent: u8) -> &'static str {
        match percent {
            80.. => self.high,
            55..80 => self.medium,
            _ => self.low,
        }
    }

    /// The kind names of a highlight: heading/legend text and screen-reader role description.
    pub fn kind(&self, kind: &str) -> (&'static str, &'static str) {
        match kind {
            "quantity" => (self.quantity, self.mark_quantity),
            "unsourced" => (self.unsourced, self.mark_unsourced),
            _ => (self.statement, self.mark_statement),
        }
    }
}
