//! Every UI string, one table per language. The page's language picks the table; the highlights'
//! accessible kind names come from here too, so a screen reader hears the page's language.

use crate::engine::{DisplayKind, Lang, Reason};

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
    /// The engine's reasons in this language: an exhaustive `match` per language
    /// ([`reason_nl`], [`reason_en`]), so a new [`Reason`] without its words does not build.
    pub reasons: fn(Reason) -> &'static str,
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
    reasons: reason_nl,
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
    reasons: reason_en,
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
    /// A reason in this language.
    pub fn reason(&self, reason: Reason) -> &'static str {
        (self.reasons)(reason)
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
    pub fn kind(&self, kind: DisplayKind) -> (&'static str, &'static str) {
        match kind {
            DisplayKind::Statement => (self.statement, self.mark_statement),
            DisplayKind::SourcedQuantity => (self.quantity, self.mark_quantity),
            DisplayKind::UnsourcedQuantity => (self.unsourced, self.mark_unsourced),
        }
    }
}

fn reason_nl(reason: Reason) -> &'static str {
    match reason {
        Reason::ExplicitCue => "duidelijk signaalwoord",
        Reason::ContinuesSpeaker => "geen signaalwoord: zelfde spreker als ervoor",
        Reason::NoCue => "geen signaalwoord",
        Reason::Digits => "in cijfers",
        Reason::NumberWords => "in woorden",
        Reason::VagueQuantity => "vage hoeveelheid",
        Reason::NamedSource => "bron bij naam genoemd",
        Reason::DescribedSource => "omschreven bron",
        Reason::ResolvedDescription => "omschrijving herleid",
        Reason::ResolvedPronoun => "voornaamwoord herleid",
        Reason::UnresolvedPronoun => "onduidelijk voornaamwoord",
        Reason::SourceFromStatement => "bron uit de bewering",
        Reason::NoSource => "geen bron",
        Reason::AntecedentFarBack => "verwijzing ver terug",
        Reason::CompetingCandidates => "meer bronnen mogelijk",
        Reason::DirectQuote => "letterlijk citaat",
        Reason::Hedged => "onder voorbehoud",
        Reason::Approximate => "benadering",
        Reason::Ordinal => "rangtelwoord",
    }
}

/// The English words are the wire's codes, which were written to be read.
fn reason_en(reason: Reason) -> &'static str {
    match reason {
        Reason::ExplicitCue => "explicit cue",
        Reason::ContinuesSpeaker => "no cue: continues previous speaker",
        Reason::NoCue => "no cue",
        Reason::Digits => "digits",
        Reason::NumberWords => "number words",
        Reason::VagueQuantity => "vague quantity",
        Reason::NamedSource => "named source",
        Reason::DescribedSource => "described source",
        Reason::ResolvedDescription => "resolved description",
        Reason::ResolvedPronoun => "resolved pronoun",
        Reason::UnresolvedPronoun => "unresolved pronoun",
        Reason::SourceFromStatement => "source from statement",
        Reason::NoSource => "no source",
        Reason::AntecedentFarBack => "antecedent far back",
        Reason::CompetingCandidates => "competing candidates",
        Reason::DirectQuote => "direct quote",
        Reason::Hedged => "hedged",
        Reason::Approximate => "approximate",
        Reason::Ordinal => "ordinal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every UI language: the tables a new language must fill.
    const LANGS: [Lang; 2] = [Lang::Nl, Lang::En];

    /// Every reason has words of its own in every UI language.
    #[test]
    fn every_reason_has_distinct_words_in_every_language() {
        for lang in LANGS {
            let s = strings(lang);
            let words: HashSet<&str> = Reason::ALL.iter().map(|&r| s.reason(r)).collect();
            assert_eq!(
                words.len(),
                Reason::ALL.len(),
                "{lang:?}: two reasons read alike"
            );
            assert!(
                words.iter().all(|w| !w.trim().is_empty()),
                "{lang:?}: a reason without words"
            );
        }
    }

    /// The Dutch reasons are Dutch: none is left as the wire's English code.
    #[test]
    fn dutch_reasons_are_not_the_english_codes() {
        for &r in Reason::ALL {
            assert_ne!(NL.reason(r), r.code(), "{r:?}");
            assert_ne!(NL.reason(r), EN.reason(r), "{r:?}");
        }
    }

    /// Every display kind has its own heading and screen-reader name in every UI language.
    #[test]
    fn every_kind_has_distinct_names_in_every_language() {
        for lang in LANGS {
            let s = strings(lang);
            let names = DisplayKind::ALL.map(|k| s.kind(k));
            for pick in [names.map(|n| n.0), names.map(|n| n.1)] {
                let distinct: HashSet<&str> = pick.into_iter().collect();
                assert_eq!(distinct.len(), DisplayKind::ALL.len(), "{lang:?}");
                assert!(pick.iter().all(|n| !n.trim().is_empty()), "{lang:?}");
            }
        }
    }
}
