//! The engine's plain data: public fields, byte spans, no behaviour beyond small helpers.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the analysed text, always on char boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers; empty if the span does not fit `text` (never panics).
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The languages the engine knows. Dutch is first-class, English second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// Parses an ISO 639-1 code or a BCP 47 tag such as `nl-BE`; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Guesses the language from function-word counts; English when there is no evidence,
    /// Dutch when Dutch function words win.
    pub fn detect(text: &str) -> Lang {
        crate::engine::lang::detect(text)
    }
}

/// The result of analysing one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    pub lang: Lang,
    /// Sorted by `span.start`, then longest first.
    pub claims: Vec<Claim>,
}

/// One checkable claim: a quantity or an attributed statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// The claim's surface text in the article.
    pub span: Span,
    /// Who says it; `None` when the article names no source.
    pub source: Option<Source>,
    /// The attribution cue (`volgens`, `aldus`, `zegt`, `said`, …).
    pub cue: Option<Span>,
    /// The claim is reported as unconfirmed (`zou`, `naar verluidt`, `reportedly`).
    pub hedged: bool,
    /// Probability in [0, 1] that the claim's source (for quantities: value and source) is right.
    pub confidence: f32,
    /// The features behind `confidence`, in plain words.
    pub reasons: Reasons,
}

/// Defines [`Reason`] with its variants in reading order and each one's code, the English phrase
/// the wire and the CLI print; [`Reason::ALL`] and [`Reason::code`] come from the same list, so
/// neither can miss a variant.
macro_rules! reasons {
    ($($(#[$doc:meta])* $name:ident => $code:literal,)*) => {
        /// One feature behind a confidence. The variants are in the order in which a reader
        /// should see them: how the claim is cued or written, its source, then adjustments.
        /// What a reader sees is the UI's translation (`ui::i18n`, an exhaustive `match` per
        /// language); [`Reason::code`] is the wire's and the CLI's word for it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Reason {
            $($(#[$doc])* $name,)*
        }

        impl Reason {
            /// Every reason, in reading order (the order of the variants).
            pub const ALL: &'static [Reason] = &[$(Reason::$name,)*];

            /// The reason's code on the wire (CLI JSON, the widget's claims): an English phrase.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Reason::$name => $code,)*
                }
            }
        }
    };
}

reasons! {
    ExplicitCue => "explicit cue",
    /// No cue of its own: the speaker of the sentence before.
    ContinuesSpeaker => "no cue: continues previous speaker",
    NoCue => "no cue",
    Digits => "digits",
    NumberWords => "number words",
    VagueQuantity => "vague quantity",
    NamedSource => "named source",
    DescribedSource => "described source",
    ResolvedDescription => "resolved description",
    ResolvedPronoun => "resolved pronoun",
    UnresolvedPronoun => "unresolved pronoun",
    /// A quantity takes the source of the statement it lies in.
    SourceFromStatement => "source from statement",
    NoSource => "no source",
    AntecedentFarBack => "antecedent far back",
    CompetingCandidates => "competing candidates",
    DirectQuote => "direct quote",
    Hedged => "hedged",
    Approximate => "approximate",
    Ordinal => "ordinal",
}

// A reason's bit in `Reasons` is its variant's index, and `ALL` lists the variants in order.
const _: () = {
    assert!(Reason::ALL.len() <= 32);
    let mut k = 0;
    while k < Reason::ALL.len() {
        assert!(Reason::ALL[k] as usize == k);
        k += 1;
    }
};

/// The features behind a confidence: a set of [`Reason`]s, one bit each (no allocation per
/// claim), iterated in reading order ([`Reason::ALL`]).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Reasons(u32);

impl Reasons {
    /// The set of the one reason `reason`.
    pub const fn of(reason: Reason) -> Reasons {
        Reasons(1 << reason as u32)
    }

    #[inline]
    pub fn insert(&mut self, reason: Reason) {
        self.0 |= Reasons::of(reason).0;
    }

    /// The reasons in the set, in reading order.
    pub fn iter(&self) -> impl Iterator<Item = Reason> + '_ {
        Reason::ALL.iter().copied().filter(|&r| self.contains(r))
    }

    pub fn contains(&self, reason: Reason) -> bool {
        self.0 & Reasons::of(reason).0 != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }
}

impl FromIterator<Reason> for Reasons {
    fn from_iter<I: IntoIterator<Item = Reason>>(reasons: I) -> Reasons {
        let mut set = Reasons::default();
        for r in reasons {
            set.insert(r);
        }
        set
    }
}

/// Printed as the list of codes.
impl std::fmt::Debug for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.iter().map(Reason::code))
            .finish()
    }
}

/// Serialised as the list of codes.
impl Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Reason::code))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ClaimKind {
    Quantity(Quantity),
    Statement(Statement),
}

impl ClaimKind {
    /// The kind's code in the wire shape and in Web Annotations: `quantity` or `statement`.
    pub const fn code(&self) -> &'static str {
        match self {
            ClaimKind::Quantity(_) => "quantity",
            ClaimKind::Statement(_) => "statement",
        }
    }
}

/// How a claim is shown to a reader: the highlight's `data-kind` and `is-…` classes, the
/// popover's heading, the sources panel's tags and legend. Derived in one place,
/// [`DisplayKind::of`]; the UI names each kind in the page's language (`ui::i18n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DisplayKind {
    Statement,
    /// A quantity the article gives a source for.
    SourcedQuantity,
    /// A quantity without a source.
    UnsourcedQuantity,
}

impl DisplayKind {
    /// Every kind, in the legend's order.
    pub const ALL: [DisplayKind; 3] = [
        DisplayKind::Statement,
        DisplayKind::SourcedQuantity,
        DisplayKind::UnsourcedQuantity,
    ];

    /// How `claim` is shown; `None` for what is recognised but not shown: ordinals (`de derde
    /// dag`) are not counts to check.
    pub fn of(claim: &Claim) -> Option<DisplayKind> {
        match &claim.kind {
            ClaimKind::Quantity(q) if q.ordinal => None,
            ClaimKind::Quantity(_) if claim.source.is_none() => {
                Some(DisplayKind::UnsourcedQuantity)
            }
            ClaimKind::Quantity(_) => Some(DisplayKind::SourcedQuantity),
            ClaimKind::Statement(_) => Some(DisplayKind::Statement),
        }
    }

    /// The kind's code on the page: the highlight's `data-kind` and the UI's `is-{code}` class
    /// (`www/claimlens.css`, `www/claimlens-ui.css` style by it).
    pub const fn code(self) -> &'static str {
        match self {
            DisplayKind::Statement => "statement",
            DisplayKind::SourcedQuantity => "quantity",
            DisplayKind::UnsourcedQuantity => "unsourced",
        }
    }
}

/// What a quantity means. `low`/`high` of `None` are unbounded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub approximate: bool,
    /// What is counted or measured (`politiemedewerkers`, `%`, `EUR`).
    pub unit: Option<String>,
    /// `derde`, `1e`, `third`: recognised, but not a count to check.
    pub ordinal: bool,
}

/// An attributed statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    /// What is claimed or quoted.
    pub content: Span,
    /// A direct quote rather than indirect speech.
    pub direct: bool,
}

/// The source of a claim as written, and as resolved when the text names it only by a
/// pronoun or a description (`het ministerie`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub span: Span,
    /// The fully named source; `None` when `span` already names it.
    pub resolved: Option<String>,
    /// Reported through someone else (`citeert Khabar 24 een politiewoordvoerder`).
    pub via: Option<Span>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The display kind of every kind of claim, and the codes the page's CSS styles by.
    #[test]
    fn display_kind_of_claims() {
        let quantity = |ordinal| {
            ClaimKind::Quantity(Quantity {
                value: Some(3.0),
                low: None,
                high: None,
                approximate: false,
                unit: None,
                ordinal,
            })
        };
        let statement = ClaimKind::Statement(Statement {
            content: Span::new(0, 1),
            direct: false,
        });
        let source = Source {
            span: Span::new(0, 1),
            resolved: None,
            via: None,
        };
        let claim = |kind, source| Claim {
            kind,
            span: Span::new(0, 1),
            source,
            cue: None,
            hedged: false,
            confidence: 0.5,
            reasons: Reasons::default(),
        };
        let of = |kind, source| DisplayKind::of(&claim(kind, source));
        assert_eq!(of(statement.clone(), None), Some(DisplayKind::Statement));
        assert_eq!(
            of(statement, Some(source.clone())),
            Some(DisplayKind::Statement)
        );
        assert_eq!(
            of(quantity(false), Some(source.clone())),
            Some(DisplayKind::SourcedQuantity)
        );
        assert_eq!(
            of(quantity(false), None),
            Some(DisplayKind::UnsourcedQuantity)
        );
        assert_eq!(of(quantity(true), Some(source)), None);
        assert_eq!(
            DisplayKind::ALL.map(DisplayKind::code),
            ["statement", "quantity", "unsourced"]
        );
    }
}
