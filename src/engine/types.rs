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

/// The features behind a confidence: a set of fixed phrases, one bit each (no allocation per
/// claim). They are listed in the order of [`Reasons::ALL`], which is the order in which a
/// reader should see them: how the claim is cued or written, its source, then adjustments.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Reasons(u32);

impl Reasons {
    pub const ALL: [&'static str; 19] = [
        "explicit cue",
        "no cue: continues previous speaker",
        "no cue",
        "digits",
        "number words",
        "vague quantity",
        "named source",
        "described source",
        "resolved description",
        "resolved pronoun",
        "unresolved pronoun",
        "source from statement",
        "no source",
        "antecedent far back",
        "competing candidates",
        "direct quote",
        "hedged",
        "approximate",
        "ordinal",
    ];

    /// The set of the one phrase `reason`, for a `const` block: a phrase not in [`Reasons::ALL`]
    /// is then a build error. (Comparing the strings at run time, per claim, was a measurable
    /// share of the wasm build's time.)
    pub const fn of(reason: &str) -> Reasons {
        let mut k = 0;
        while k < Self::ALL.len() {
            if same(Self::ALL[k].as_bytes(), reason.as_bytes()) {
                return Reasons(1 << k);
            }
            k += 1;
        }
        panic!("not one of Reasons::ALL");
    }

    /// Adds every phrase of `other`.
    #[inline]
    pub fn insert(&mut self, other: Reasons) {
        self.0 |= other.0;
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        Self::ALL
            .iter()
            .enumerate()
            .filter(|(k, _)| self.0 & (1 << k) != 0)
            .map(|(_, r)| *r)
    }

    pub fn contains(&self, reason: &str) -> bool {
        self.iter().any(|r| r == reason)
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }
}

/// `a == b`, usable in a `const fn`.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Printed as the list of phrases.
impl std::fmt::Debug for Reasons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Serialised as the list of phrases.
impl Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ClaimKind {
    Quantity(Quantity),
    Statement(Statement),
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
