//! Quantities: numbers in digits or words, with their bounds, unit and counted noun.
//!
//! One left-to-right pass over the tokens. At each number the scanner first asks whether the
//! digits belong to something that is not a count (a name such as `Khabar 24`, a date, a time, a
//! phone number, a URL), then reads separators, magnitude words, percent and currency marks and
//! the counted noun, and finally looks back for an approximator (`ruim`, `more than`).

pub mod en;
pub mod nl;

use super::text::{Doc, NO_WORD, TokKind};
use super::{Lang, Quantity, Span};
use std::cell::Cell;

/// How a bound word changes the reading of the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `ruim`, `meer dan`, `at least`: the number is a lower bound.
    AtLeast,
    /// `bijna`, `minder dan`, `nearly`: the number is an upper bound.
    AtMost,
    /// `zo'n`, `ongeveer`, `about`: the number is a rounded guess.
    About,
}

/// How the number was written; the confidence of its value depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Digits,
    Words,
    /// `tientallen`, `hundreds`: only a range is implied.
    Vague,
}

/// A quantity found in the text, before a source is attached.
#[derive(Clone, Debug)]
pub struct Found {
    pub span: Span,
    pub quantity: Quantity,
    pub form: Form,
    /// First and last token (inclusive), for joining ranges and ratios.
    first: usize,
    last: usize,
    /// The magnitude word applied (`miljoen` → 1e6), so that `500 en 700 miljoen` scales both.
    scale: f64,
}

/// What the scanner needs to know about one language; the data lives in `nl.rs` and `en.rs`.
pub struct Tables {
    /// `3,5` is three and a half (Dutch) rather than three thousand five hundred.
    pub decimal_comma: bool,
    /// Parses one word (`driehonderddrieënvijftig`, `twenty-one`, `derde`) as a number.
    pub parse_word: fn(&str) -> Option<WordNumber>,
    /// Words that are numbers only before a multiplier: `een honderd`, `a thousand`.
    pub articles: &'static [&'static str],
    /// Words that may join two number words: `one hundred and five`.
    pub number_joiners: &'static [&'static str],
    /// Words that mark a count the sentence only guesses at, with their implied range.
    pub vague: &'static [(&'static str, f64, f64)],
    /// Magnitude words written after digits: `2,5 miljoen`.
    pub magnitudes: &'static [(&'static str, f64)],
    /// Magnitude suffixes glued to digits: `1.2bn`; `m` only after a currency mark.
    pub glued_magnitudes: &'static [(&'static str, f64)],
    /// Suffixes that make digits an ordinal: `1e`, `3rd`.
    pub ordinal_suffixes: &'static [&'static str],
    pub percent_words: &'static [&'static str],
    /// Currency words after the number and their ISO code.
    pub currency_words: &'static [(&'static str, &'static str)],
    /// Bound words before a number, longest phrases first.
    pub approximators: &'static [(&'static [&'static str], Bound)],
    pub months: &'static [&'static str],
    /// Words before a year: `in 2007`, `sinds 1990`.
    pub year_words: &'static [&'static str],
    /// Words after digits that make them a clock time: `20.30 uur`.
    pub time_words: &'static [&'static str],
    /// Words before an ordinal-looking word that make it a count rather than an ordinal, or
    /// words whose ordinal reading is too ambiguous to report (`eerste`, `second`).
    pub ordinal_skip: &'static [&'static str],
    /// Words before a number word that make it a pronoun: `no one`, `someone`.
    pub pronoun_markers: &'static [&'static str],
    /// Words that never name what is counted: function words and frequent verbs.
    pub not_units: &'static [&'static str],
    /// Words between a vague count and its noun: `dozens of people`.
    pub of_words: &'static [&'static str],
    /// Words shaped like verb forms (`gewond`, `marched`), which never name what is counted.
    pub verb_shape: fn(&str) -> bool,
    /// A fraction's denominator word (`derde`, `kwart`, `fifths`): (denominator, plural).
    pub denominator: fn(&str) -> Option<(f64, bool)>,
    /// A separate ordinal word after a cardinal is a denominator (`drie vijfde` = 3/5); in
    /// English only a plural one is (`three fifths`; `twenty fifth` is the 25th).
    pub split_ordinal_is_denominator: bool,
    /// `drie en dertig`: a unit, `en` and a tens word written apart are one number.
    pub unit_and_tens: bool,
    /// Words before a number that negate it: `min`, `minus`.
    pub negators: &'static [&'static str],
    /// Before the first number of a range: `tussen (de)`, `between`.
    pub range_openers: &'static [&'static [&'static str]],
    /// Between the numbers of a `tussen`/`between` range: `en`, `and`.
    pub range_and: &'static [&'static [&'static str]],
    /// Between the numbers of a range with or without an opener: `tot (en met)`, `to`, `-`.
    pub range_to: &'static [&'static [&'static str]],
    /// Joins a lower and an upper bound into one range: `meer dan 10 en minder dan 20`.
    pub bound_joiners: &'static [&'static [&'static str]],
    /// Between the parts of a ratio: `één op de zeven`, `1 in 5`.
    pub ratio_words: &'static [&'static [&'static str]],
    /// Bound phrases after a number: `200 of meer`, `500 or less`.
    pub post_bounds: &'static [(&'static [&'static str], Bound)],
    /// The hundredth part of a currency: `cent`.
    pub cent_words: &'static [&'static str],
    /// Words before digits that make them a label: `artikel 13`, `page 4`, `lijn 5`.
    pub label_words: &'static [&'static str],
    /// Words before `6 uur` that make it a clock time: `om`, `rond`.
    pub clock_words: &'static [&'static str],
    /// Words that state a change by a factor: `verdubbeling` (2), `halved` (0.5).
    pub change_words: &'static [(&'static str, f64)],
    /// Suffixes that make a number word an estimate after an article: Flemish `een vijftigtal`,
    /// `een 15-tal` (about fifty, about fifteen).
    pub estimate_suffixes: &'static [&'static str],
    /// Suffixes that make a number word a count of times: `tweemaal` (twice).
    pub times_suffixes: &'static [&'static str],
    /// Words with one of those suffixes that count nothing: `elftal` (a team), `eenmaal` (`nu
    /// eenmaal`: simply).
    pub suffix_exceptions: &'static [&'static str],
    /// Colloquial number words outside the number grammar: `eentje` (one).
    pub lone_numbers: &'static [(&'static str, f64)],
    /// Set phrases whose number words count nothing: `met één mond` (unanimously).
    pub idioms: &'static [&'static [&'static str]],
    /// Collective number forms, a count only after a possessive: `met z'n drieën`.
    pub collectives: &'static [(&'static str, f64)],
    /// The possessives before a collective form: `z'n`, `ons`.
    pub collective_markers: &'static [&'static str],
    /// Comparatives after `een vijfde` that make it a share (`een vijfde hoger`), not an ordinal.
    pub comparatives: &'static [&'static str],
    /// `twee, drie man`: two number words with only a comma between them are a range.
    pub comma_ranges: bool,
    /// Words that offer another number as an alternative: `twee, drie of vier`.
    pub or_words: &'static [&'static str],
    /// Units written before the number: `windkracht 6`.
    pub units_before: &'static [&'static str],
    /// Words that make a unit a rate with the noun after them: `kilometer per uur`.
    pub rate_words: &'static [&'static str],
    /// Prepositions that may stand between a one-word bound and its number: `grofweg uit 5000`.
    pub bound_gaps: &'static [&'static str],
    /// Weekday names and abbreviations, before a day/month date: `zo 21/2`, `Sat. 4/5`.
    pub weekdays: &'static [&'static str],
    /// A cheap first test on a lowercase ASCII word: can a quantity start here? `false` must
    /// mean "certainly not"; most words of a text fail it, which keeps the scan fast.
    pub may_start: fn(&str) -> bool,
}

/// A language's tables, with what has been read from the document's words so far: each
/// distinct word is parsed as a number, and tested as a counted noun, once however often it
/// occurs (per vocabulary id).
pub struct Scan {
    tables: &'static Tables,
    parsed: Vec<Cell<Option<Option<WordNumber>>>>,
    /// 0: not yet tested, 1: may be a counted noun, 2: may not.
    noun: Vec<Cell<u8>>,
    /// The vocabulary id of each approximator's last word (`NO_WORD`: not in the text, or not a
    /// word), in the order of `approximators`; a 256-bit filter of those ids, and one of the
    /// first bytes of all last words (for a token that is no word: `>`, `≤`). The token before
    /// most numbers ends no approximator, and is rejected without a string comparison.
    approx_last: Vec<u32>,
    approx_filter: [u64; 4],
    approx_first_bytes: [u64; 4],
    /// Per vocabulary id: a quantity may start at this word (`Tables::may_start`, tested once
    /// per distinct word rather than at every token).
    may_start: Vec<bool>,
    /// Per vocabulary id, the `LIST_*` word lists that hold the word: set from the lists' own
    /// words (each looked up once), so that `Scan::is` is one bit test.
    lists: Vec<u16>,
}

/// The word lists `Scan::is` answers for, each with its bit.
fn position_lists(t: &Tables) -> [(&'static [&'static str], u16); 10] {
    [
        (t.months, LIST_MONTH),
        (t.percent_words, LIST_PERCENT),
        (t.of_words, LIST_OF),
        (t.clock_words, LIST_CLOCK),
        (t.time_words, LIST_TIME),
        (t.label_words, LIST_LABEL),
        (t.number_joiners, LIST_JOINER),
        (t.year_words, LIST_YEAR),
        (t.negators, LIST_NEGATOR),
        (t.pronoun_markers, LIST_PRONOUN_MARKER),
    ]
}

const LIST_MONTH: u16 = 1;
const LIST_PERCENT: u16 = 1 << 1;
const LIST_OF: u16 = 1 << 2;
const LIST_CLOCK: u16 = 1 << 3;
const LIST_TIME: u16 = 1 << 4;
const LIST_LABEL: u16 = 1 << 5;
const LIST_JOINER: u16 = 1 << 6;
const LIST_YEAR: u16 = 1 << 7;
const LIST_NEGATOR: u16 = 1 << 8;
const LIST_PRONOUN_MARKER: u16 = 1 << 9;
/// A word of `magnitudes`: `magnitude_at` is asked at nearly every number's next token, and
/// most are no magnitude.
const LIST_MAGNITUDE: u16 = 1 << 10;

impl std::ops::Deref for Scan {
    type Target = Tables;
    fn deref(&self) -> &Tables {
        self.tables
    }
}

impl Scan {
    fn new(tables: &'static Tables, doc: &Doc) -> Scan {
        let approx_last: Vec<u32> = tables
            .approximators
            .iter()
            .map(|(p, _)| p.last().and_then(|w| doc.word_id_of(w)).unwrap_or(NO_WORD))
            .collect();
        let mut approx_filter = [0u64; 4];
        for &id in approx_last.iter().filter(|&&id| id != NO_WORD) {
            approx_filter[(id as usize >> 6) & 3] |= 1 << (id % 64);
        }
        let mut approx_first_bytes = [0u64; 4];
        for b in tables
            .approximators
            .iter()
            .filter_map(|(p, _)| p.last()?.bytes().next())
        {
            approx_first_bytes[usize::from(b >> 6)] |= 1 << (b % 64);
        }
        Scan {
            tables,
            parsed: vec![Cell::new(None); doc.vocab_len()],
            noun: vec![Cell::new(0); doc.vocab_len()],
            approx_last,
            approx_filter,
            approx_first_bytes,
            lists: {
                let mut lists = vec![0u16; doc.vocab_len()];
                for (words, bit) in position_lists(tables) {
                    doc.mark_words(&mut lists, words.iter().copied(), bit);
                }
                let magnitudes = tables.magnitudes.iter().map(|&(w, _)| w);
                doc.mark_words(&mut lists, magnitudes, LIST_MAGNITUDE);
                lists
            },
            may_start: (0..doc.vocab_len() as u32)
                .map(|id| {
                    let w = doc.vocab_word(id);
                    !w.is_ascii() || (tables.may_start)(w)
                })
                .collect(),
        }
    }

    /// The approximators whose last word is token `k`'s.
    fn approximators_ending_at<'s>(
        &'s self,
        doc: &'s Doc,
        k: usize,
    ) -> impl Iterator<Item = &'s (&'static [&'static str], Bound)> + 's {
        let id = doc.word_id(k);
        // A word is compared by id; anything else (`>`, `≤`) as text.
        let word = id != NO_WORD;
        let prev = if word { "" } else { doc.low(k) };
        let possible = if word {
            self.approx_filter[(id as usize >> 6) & 3] & (1 << (id % 64)) != 0
        } else {
            prev.bytes().next().is_some_and(|b| {
                self.approx_first_bytes[usize::from(b >> 6)] & (1 << (b % 64)) != 0
            })
        };
        self.approximators
            .iter()
            .zip(&self.approx_last)
            .take(if possible { usize::MAX } else { 0 })
            .filter(move |((p, _), last)| {
                if word {
                    **last == id
                } else {
                    p.last().is_some_and(|l| eq(l, prev))
                }
            })
            .map(|(a, _)| a)
    }

    /// Token `k` is a word in the `LIST_*` list(s) `list`.
    #[inline]
    fn is(&self, doc: &Doc, k: usize, list: u16) -> bool {
        self.lists
            .get(doc.word_id(k) as usize)
            .is_some_and(|&x| x & list != 0)
    }

    /// Token `k` read as a number word (`parse_word`), remembered per distinct word.
    fn number_at(&self, doc: &Doc, k: usize) -> Option<WordNumber> {
        match self.parsed.get(doc.word_id(k) as usize) {
            Some(memo) => memo.get().unwrap_or_else(|| {
                let n = (self.parse_word)(doc.low(k));
                memo.set(Some(n));
                n
            }),
            None => (self.parse_word)(doc.low(k)),
        }
    }

    /// The word of token `k` may be what a number counts (the tests on the word alone).
    fn noun_word(&self, doc: &Doc, k: usize) -> bool {
        let test = || {
            let w = doc.low(k);
            !has_word(self.not_units, w)
                // `2021 ruim 3 miljoen`: a bound word starts the next number.
                && !self.approximators.iter().any(|(p, _)| p.first().is_some_and(|f| eq(f, w)))
                && self.number_at(doc, k).is_none()
                && !self.vague.iter().any(|(v, _, _)| eq(v, w))
                && !has_word(self.months, w)
                && !(self.verb_shape)(w)
        };
        match self.noun.get(doc.word_id(k) as usize) {
            Some(memo) => match memo.get() {
                1 => true,
                2 => false,
                _ => {
                    let ok = test();
                    memo.set(if ok { 1 } else { 2 });
                    ok
                }
            },
            None => test(),
        }
    }
}

/// One number word's reading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordNumber {
    pub value: f64,
    pub ordinal: bool,
    /// The word is itself a multiplier (`honderd`, `thousand`) that scales what comes before.
    pub multiplier: bool,
}

pub fn tables(lang: Lang) -> &'static Tables {
    match lang {
        Lang::Nl => &nl::TABLES,
        Lang::En => &en::TABLES,
    }
}

/// Currency symbols written before or after a number.
const CURRENCY_SYMBOLS: &[(char, &str)] = &[('€', "EUR"), ('$', "USD"), ('£', "GBP"), ('¥', "JPY")];
/// Currency codes written as words before a number.
const CURRENCY_CODES: &[(&str, &str)] = &[("eur", "EUR"), ("usd", "USD"), ("gbp", "GBP")];
/// Currency codes for millions, as financial reports write them after a number: `30 MUSD`.
const MILLION_CODES: &[(&str, &str)] = &[("musd", "USD"), ("meur", "EUR"), ("mgbp", "GBP")];
/// Unit abbreviations glued to digits (`100km`) that keep the digits a quantity.
const GLUED_UNITS: &[&str] = &[
    "km", "kg", "cm", "mm", "m2", "ml", "mg", "g", "l", "kw", "mw", "gw", "kwh", "ha",
];

/// Accumulates number words the usual way: a running `current` below the next multiplier, and a
/// `total` of finished thousands groups. It refuses words that cannot continue the number
/// (`vijf zes`, `duizend tweeduizend`), so that two numbers in a row stay two.
#[derive(Clone, Copy, Debug)]
pub struct Accumulator {
    total: f64,
    current: f64,
    /// A value added to `current` must be below this (`twintig` leaves the units free: 10).
    room: f64,
    /// The last large multiplier applied; later ones must be smaller.
    big: f64,
    pub parts: usize,
}

impl Default for Accumulator {
    fn default() -> Self {
        Accumulator {
            total: 0.0,
            current: 0.0,
            room: f64::INFINITY,
            big: f64::INFINITY,
            parts: 0,
        }
    }
}

impl Accumulator {
    pub fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Adds a plain value; `false` when it cannot continue this number.
    pub fn add(&mut self, v: f64) -> bool {
        if v >= self.room {
            return false;
        }
        self.current += v;
        self.room = lowest_place(v);
        self.parts += 1;
        true
    }

    /// Applies a multiplier word; `false` when it cannot continue this number.
    pub fn multiply(&mut self, m: f64) -> bool {
        if m < 1000.0 {
            if self.current >= m {
                return false;
            }
            self.current = self.current.max(1.0) * m;
            self.room = m;
        } else {
            if m >= self.big || (self.current == 0.0 && self.parts > 0) {
                return false;
            }
            self.total += self.current.max(1.0) * m;
            self.current = 0.0;
            self.big = m;
            self.room = m;
        }
        self.parts += 1;
        true
    }
}

/// The lowest non-zero place value of `v`: 20 → 10, 53 → 1, 300 → 100; 0 for fractions, so that
/// nothing can be added after them.
fn lowest_place(v: f64) -> f64 {
    if v.fract() != 0.0 || v <= 0.0 {
        return if v == 0.0 { 1.0 } else { 0.0 };
    }
    let mut place = 1.0;
    while (v / (place * 10.0)).fract() == 0.0 && place < 1e15 {
        place *= 10.0;
    }
    place
}

/// Runs `parse` over a compound number word made of `morphemes` (longest match first), joined by
/// `joiners` between a unit and a tens word (`drieënvijftig`).
pub fn parse_compound(word: &str, morphemes: &[(&str, f64)], joiners: &[&str]) -> Option<f64> {
    let mut acc = Accumulator::default();
    let mut rest = word;
    while let Some(&b0) = rest.as_bytes().first() {
        // Comparing the first byte first keeps most words from a `memcmp` per morpheme.
        let (m, v) = morphemes
            .iter()
            .filter(|(m, _)| m.as_bytes().first() == Some(&b0) && rest.starts_with(m))
            .max_by_key(|(m, _)| m.len())
            .copied()?;
        rest = &rest[m.len()..];
        // `drie` + `ën` + `vijftig`: the unit comes before the tens word it adds to.
        if v < 10.0
            && let Some(j) = joiners.iter().find(|j| rest.starts_with(**j))
        {
            let after = &rest[j.len()..];
            if let Some((t, tv)) = morphemes
                .iter()
                .filter(|(t, tv)| after.starts_with(t) && (20.0..100.0).contains(tv))
                .max_by_key(|(t, _)| t.len())
            {
                rest = &after[t.len()..];
                if !acc.add(tv + v) {
                    return None;
                }
                continue;
            }
        }
        let ok = if is_multiplier(v) {
            acc.multiply(v)
        } else {
            acc.add(v)
        };
        if !ok {
            return None;
        }
        // `honderdenzes`, `duizendentwee`: a joiner may follow a multiplier.
        if is_multiplier(v)
            && let Some(j) = joiners
                .iter()
                .find(|j| rest.len() > j.len() && rest.starts_with(**j))
        {
            rest = &rest[j.len()..];
        }
    }
    (acc.parts > 0).then(|| acc.value())
}

/// Whether the first three bytes of `w` are one of `starts` (sorted): a table and a binary
/// search are smaller in the wasm than a chain of comparisons.
pub fn starts_with_any(w: &str, set: &PrefixSet) -> bool {
    match w.as_bytes() {
        [a, b, c, ..]
            if a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase() =>
        {
            let row = usize::from(a - b'a') * 26 + usize::from(b - b'a');
            set.get(row).is_some_and(|bits| bits >> (c - b'a') & 1 != 0)
        }
        _ => false,
    }
}

/// Three-letter prefixes as a table: for each first two letters, a bit per third letter.
pub type PrefixSet = [u32; 26 * 26];

/// Builds a [`PrefixSet`] at compile time (the prefixes are lowercase ASCII letters; anything
/// else fails the build).
pub const fn prefix_set(starts: &[[u8; 3]]) -> PrefixSet {
    let mut t = [0u32; 26 * 26];
    let mut k = 0;
    while k < starts.len() {
        let [a, b, c] = starts[k];
        assert!(a.is_ascii_lowercase() && b.is_ascii_lowercase() && c.is_ascii_lowercase());
        t[(a - b'a') as usize * 26 + (b - b'a') as usize] |= 1 << (c - b'a');
        k += 1;
    }
    t
}

/// `a` followed by `b` in `buf`, without allocating; `None` if it does not fit.
pub fn concat<'b>(buf: &'b mut [u8; 64], a: &str, b: &str) -> Option<&'b str> {
    let n = a.len() + b.len();
    let out = buf.get_mut(..n)?;
    out[..a.len()].copy_from_slice(a.as_bytes());
    out[a.len()..].copy_from_slice(b.as_bytes());
    std::str::from_utf8(out).ok()
}

pub fn is_multiplier(v: f64) -> bool {
    v == 100.0 || v == 1000.0 || v == 1e6 || v == 1e9 || v == 1e12
}

/// String equality that rejects on length and first byte before comparing the rest: the
/// scanners compare each word with many short table entries, and most differ at once.
#[inline]
fn eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// `words.contains(&w)`, with the cheap length and first-byte test before each comparison.
fn has_word(words: &[&str], w: &str) -> bool {
    words.iter().any(|x| eq(x, w))
}

/// The magnitude word (`miljoen`, `billion`) at token `k`, if that token is one.
fn magnitude_at(doc: &Doc, t: &Scan, k: usize) -> Option<f64> {
    if t.is(doc, k, LIST_MAGNITUDE) {
        lookup(t.magnitudes, doc.low(k))
    } else {
        None
    }
}

fn lookup<'a, T: Copy>(table: &'a [(&'a str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| eq(w, word)).map(|&(_, v)| v)
}

/// Finds every quantity in `doc`.
pub fn find(doc: &Doc, lang: Lang) -> Vec<Found> {
    let t = &Scan::new(tables(lang), doc);
    let mut found = Vec::new();
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let next = match doc.tokens[i].kind {
            TokKind::Num => scan_digits(doc, t, i, &mut found),
            TokKind::Word => scan_words(doc, t, i, &mut found),
            TokKind::Punct => None,
        };
        i = next.unwrap_or(i + 1).max(i + 1);
        // Composed as the scan goes, while the tokens around the numbers are still in cache
        // (on a long text a pass at the end would read them from memory again).
        if found.len() >= COMPOSE_BATCH {
            compose(doc, t, &mut found, &mut out, false);
        }
    }
    compose(doc, t, &mut found, &mut out, true);
    out
}

/// How many quantities are found before they are composed.
const COMPOSE_BATCH: usize = 32;

/// The phrase from `phrases` that covers exactly tokens `a..b` (half-open).
fn phrase_between(doc: &Doc, phrases: &[&[&str]], a: usize, b: usize) -> bool {
    b > a
        && phrases
            .iter()
            .any(|p| p.len() == b - a && matches_at(doc, p, a))
}

/// Whether `phrase` matches the tokens starting at `a`.
fn matches_at(doc: &Doc, phrase: &[&str], a: usize) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(m, w)| a + m < doc.tokens.len() && eq(doc.low(a + m), w))
}

/// The longest phrase from `phrases` ending right before token `i`: its first token.
fn phrase_before(doc: &Doc, phrases: &[&[&str]], i: usize) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| p.len() <= i && matches_at(doc, p, i - p.len()))
        .map(|p| i - p.len())
        .min()
}

/// Joins neighbouring quantities that the text makes one: ranges (`tussen de 500 en 700
/// miljoen`, `15 tot 20 euro`, `meer dan 10 en minder dan 20`), ratios (`één op de zeven`) and
/// amounts with cents (`5 euro 50`). Reads each quantity once: linear. Moves what it composed
/// from `found` to `out`; unless `all`, the last one found stays in `found`, since it may join
/// the next one the scan finds.
fn compose(doc: &Doc, t: &Scan, found: &mut Vec<Found>, out: &mut Vec<Found>, all: bool) {
    let batch = std::mem::replace(found, Vec::with_capacity(COMPOSE_BATCH + 1));
    let mut it = batch.into_iter().peekable();
    while let Some(mut a) = it.next() {
        if !all && it.peek().is_none() {
            found.push(a);
            break;
        }
        post_bound(doc, t, &mut a);
        if let Some(b) = it.peek()
            && let Some(joined) = join(doc, t, &a, b)
        {
            it.next();
            a = joined;
            post_bound(doc, t, &mut a);
        }
        // Huge exponents or digit runs can overflow: such a number is no claim.
        let q = &a.quantity;
        if [q.value, q.low, q.high]
            .into_iter()
            .flatten()
            .any(|x| !x.is_finite())
        {
            continue;
        }
        // A mark read before this number may already belong to the previous one (`½€0`): the
        // spans never overlap.
        if let Some(prev) = out.last()
            && a.first <= prev.last
        {
            a.first = prev.last + 1;
            if a.first > a.last {
                continue;
            }
            a.span = doc.span(a.first, a.last);
        }
        out.push(a);
    }
}

/// `200 of meer`, `500 or less`: a bound written after the number.
fn post_bound(doc: &Doc, t: &Scan, a: &mut Found) {
    if a.quantity.ordinal || a.quantity.value.is_none() {
        return;
    }
    let next = doc.low(a.last + 1);
    if !t.post_bounds.iter().any(|(p, _)| eq(p[0], next)) {
        return;
    }
    for &(phrase, bound) in t.post_bounds {
        // `12 and more than 194` starts a new comparison.
        let k = a.last + 1 + phrase.len();
        let number_after =
            doc.kind(k + 1) == Some(TokKind::Num) || t.number_at(doc, k + 1).is_some();
        let new_comparison = matches!(doc.low(k), "than" | "dan" | "als") && number_after;
        if matches_at(doc, phrase, a.last + 1) && !new_comparison {
            let v = a.quantity.value;
            a.quantity.approximate = true;
            match bound {
                Bound::AtLeast => (a.quantity.low, a.quantity.high) = (v, None),
                _ => (a.quantity.low, a.quantity.high) = (None, v),
            }
            a.last += phrase.len();
            a.span = doc.span(a.first, a.last);
            return;
        }
    }
}

fn join(doc: &Doc, t: &Scan, a: &Found, b: &Found) -> Option<Found> {
    let (qa, qb) = (&a.quantity, &b.quantity);
    let gap = (a.last + 1, b.first);
    if gap.1 < gap.0 || gap.1 - gap.0 > 5 {
        return None;
    }
    let unit = match (&qa.unit, &qb.unit) {
        (None, u) | (u, None) => u.clone(),
        (Some(x), Some(y)) if x == y => Some(x.clone()),
        (Some(x), Some(y)) if has_word(t.cent_words, y) => Some(x.clone()),
        _ => None,
    };
    let mut q = Quantity {
        value: None,
        low: None,
        high: None,
        approximate: qa.approximate || qb.approximate,
        unit,
        ordinal: qa.ordinal && qb.ordinal,
    };
    let mut first = a.first;
    let bounded = |x: &Quantity| x.low.is_none() || x.high.is_none();
    let (va, vb) = (qa.value?, qb.value?);
    // `5 euro 50`, `3 dollars and 50 cents`.
    let is_money = qa
        .unit
        .as_deref()
        .is_some_and(|u| u.len() == 3 && u.bytes().all(|c| c.is_ascii_uppercase()));
    let cents = qb
        .unit
        .as_deref()
        .is_some_and(|u| t.cent_words.iter().any(|c| c.eq_ignore_ascii_case(u)));
    if is_money
        && !bounded(qb)
        && vb.fract() == 0.0
        && (1.0..100.0).contains(&vb)
        && ((qb.unit.is_none() && doc.kind(b.last + 1) != Some(TokKind::Word)) || cents)
        && (gap.0 == gap.1 || phrase_between(doc, t.range_and, gap.0, gap.1))
    {
        let v = va + vb / 100.0;
        q.value = Some(v);
        q.low = qa.low.map(|_| v);
        q.high = qa.high.map(|_| v);
        q.unit = qa.unit.clone();
        return Some(joined(doc, a, b, first, q));
    }
    // `meer dan 10 en minder dan 20`, `at most 100 and at least 20`.
    let comma = gap.1 == gap.0 + 1 && doc.is_punct(gap.0, ',');
    if comma || phrase_between(doc, t.bound_joiners, gap.0, gap.1) {
        let lower = |x: &Quantity| x.approximate && x.low.is_some() && x.high.is_none();
        let upper = |x: &Quantity| x.approximate && x.low.is_none() && x.high.is_some();
        // After a bare comma only `more than 100, less than 300` reads as one range.
        let (lo, hi) = if comma && !(lower(qa) && upper(qb)) {
            (None, None)
        } else if lower(qa) && upper(qb) {
            (qa.low, qb.high)
        } else if upper(qa) && lower(qb) {
            (qb.low, qa.high)
        } else {
            (None, None)
        };
        if let (Some(lo), Some(hi)) = (lo, hi)
            && lo <= hi
        {
            (q.low, q.high) = (Some(lo), Some(hi));
            return Some(joined(doc, a, b, first, q));
        }
    }
    // `twee, drie man`: two number words and a comma, the second a little larger, at the end of
    // no longer list (`twee, drie en vier`).
    let list_goes_on = |k: usize| {
        (doc.is_punct(k, ',') || low_is(doc, k, t.number_joiners) || low_is(doc, k, t.or_words))
            && (doc.kind(k + 1) == Some(TokKind::Num) || t.number_at(doc, k + 1).is_some())
    };
    if t.comma_ranges
        && comma
        && a.form == Form::Words
        && b.form == Form::Words
        && qa.unit.is_none()
        && !bounded(qa)
        && !bounded(qb)
        && !qa.ordinal
        && !qb.ordinal
        && va.fract() == 0.0
        && vb.fract() == 0.0
        && va >= 1.0
        && va < vb
        && vb <= 2.0 * va
        && !list_goes_on(b.last + 1)
        && !(a.first >= 2 && doc.is_punct(a.first - 1, ',') && {
            let p = a.first - 2;
            doc.kind(p) == Some(TokKind::Num) || t.number_at(doc, p).is_some()
        })
    {
        (q.low, q.high) = (Some(va), Some(vb));
        return Some(joined(doc, a, b, first, q));
    }
    // `one over three`, `2000 over 3`: `over` was read as the second number's bound.
    if gap.0 == gap.1
        && doc.low(b.first) == "over"
        && t.ratio_words.contains(&["over"].as_slice())
        && !bounded(qa)
        && qa.unit.is_none()
        && vb != 0.0
    {
        let v = va / vb;
        (q.value, q.low, q.high) = (Some(v), Some(v), Some(v));
        q.approximate = false;
        return Some(joined(doc, a, b, first, q));
    }
    if bounded(qb) || (bounded(qa) && qa.low.is_some()) || qa.ordinal != qb.ordinal {
        return None;
    }
    // Ranges: `tussen de 500 en 700 miljoen euro`, `15 tot 20 euro`, `10-20`.
    let opener = phrase_before(doc, t.range_openers, a.first);
    let is_range = (opener.is_some() && phrase_between(doc, t.range_and, gap.0, gap.1))
        || phrase_between(doc, t.range_to, gap.0, gap.1);
    if is_range {
        let lo = if a.scale == 1.0 && b.scale > 1.0 && va * b.scale < vb {
            va * b.scale
        } else {
            va
        };
        if lo < vb && (qa.unit.is_none() || qa.unit == qb.unit) {
            if let Some(o) = opener {
                first = first.min(o);
            }
            (q.low, q.high) = (Some(lo), Some(vb));
            q.unit = qb.unit.clone().or(q.unit);
            return Some(joined(doc, a, b, first, q));
        }
    }
    // Ratios: `één op de zeven`, `1 in 5`.
    if phrase_between(doc, t.ratio_words, gap.0, gap.1)
        && qa.unit.is_none()
        && !qa.ordinal
        && !qb.ordinal
        && va > 0.0
        && va < vb
        && b.scale == 1.0
    {
        let v = va / vb;
        (q.value, q.low, q.high) = (Some(v), Some(v), Some(v));
        q.unit = qb.unit.clone();
        return Some(joined(doc, a, b, first, q));
    }
    None
}

fn joined(doc: &Doc, a: &Found, b: &Found, first: usize, quantity: Quantity) -> Found {
    Found {
        span: doc.span(first, b.last),
        quantity,
        form: if a.form == Form::Digits {
            b.form
        } else {
            a.form
        },
        first,
        last: b.last,
        scale: b.scale,
    }
}

/// `(first, last)` token range of what was read, so the caller skips it.
fn low_is(doc: &Doc, i: usize, words: &[&str]) -> bool {
    doc.is_word(i) && {
        let w = doc.low(i);
        words.iter().any(|x| eq(x, w))
    }
}

/// Skips URLs and e-mail addresses: returns the index after the whitespace-delimited chunk.
fn skip_chunk(doc: &Doc, i: usize) -> usize {
    let mut j = i + 1;
    while j < doc.tokens.len() && !doc.tokens[j].space_before {
        j += 1;
    }
    j
}

fn starts_url(doc: &Doc, i: usize) -> bool {
    let w = doc.low(i);
    (w == "http" || w == "https") && doc.is_punct(i + 1, ':')
        || (w == "www" && doc.is_punct(i + 1, '.'))
}

/// The digits at `i` look like part of a name: glued to letters (`G20`, `F-16`, `Covid-19`) or
/// after a capitalised word that does not start the sentence (`Khabar 24`, `Radio 1`).
fn in_name(doc: &Doc, t: &Scan, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = i - 1;
    if doc.glued(i) {
        if doc.is_word(prev) {
            return !(doc.raw(prev).bytes().all(|c| c.is_ascii_uppercase())
                && lookup(CURRENCY_CODES, doc.low(prev)).is_some());
        }
        if (doc.is_punct(prev, '-') || doc.is_punct(prev, '/'))
            && doc.glued(prev)
            && prev > 0
            && doc.is_word(prev - 1)
        {
            // `5k-20k` is a range, `F-16` a name.
            let magnitude_suffix = prev > 1
                && doc.kind(prev - 2) == Some(TokKind::Num)
                && doc.glued(prev - 1)
                && lookup(t.glued_magnitudes, doc.low(prev - 1)).is_some();
            return !magnitude_suffix;
        }
        return false;
    }
    doc.is_cap(prev)
        && !doc.sentence_initial(prev)
        && !t.is(doc, prev, LIST_MONTH)
        && lookup(CURRENCY_CODES, doc.low(prev)).is_none()
        && t.approximators_ending_at(doc, prev).next().is_none()
}

/// Digits after a capitalised word (`in_name`) are a measure after all when they carry a decimal
/// comma (a version number never does) or a magnitude, percent or currency word follows:
/// `Menzis 131,20`, `Oekraïne 3,5 miljard euro`.
fn measure_after_name(doc: &Doc, t: &Scan, i: usize) -> bool {
    if doc.glued(i) {
        return false;
    }
    let Some((_, last, _)) = read_digits(doc, t, i) else {
        return false;
    };
    let decimal_comma = t.decimal_comma && last > i && doc.is_punct(last - 1, ',');
    let k = last + 1;
    decimal_comma
        || magnitude_at(doc, t, k).is_some()
        || t.is(doc, k, LIST_PERCENT)
        || doc.is_punct(k, '%')
        || (doc.is_word(k) && lookup(t.currency_words, doc.low(k)).is_some())
}

/// Reads a digit number starting at token `i`: groups separated by `.`/`,` (glued) or by single
/// spaces before groups of three. Returns (value, last token, used separators, is plain integer).
fn read_digits(doc: &Doc, t: &Scan, i: usize) -> Option<(f64, usize, bool)> {
    // Fast path, most numbers: a plain run of digits with no group after it.
    if doc.kind(i + 1) != Some(TokKind::Num) && doc.kind(i + 2) != Some(TokKind::Num) {
        return Some((digits_value(doc.raw(i)), i, true));
    }
    let mut groups: Vec<(char, &str)> = Vec::with_capacity(4); // (separator before, digits)
    groups.push((' ', doc.raw(i)));
    let mut j = i;
    loop {
        let sep = j + 1;
        let num = j + 2;
        if doc.kind(num) != Some(TokKind::Num) {
            break;
        }
        let glued = doc.glued(sep) && doc.glued(num);
        if glued && (doc.is_punct(sep, '.') || doc.is_punct(sep, ',')) {
            let c = if doc.is_punct(sep, '.') { '.' } else { ',' };
            groups.push((c, doc.raw(num)));
            j = num;
            continue;
        }
        break;
    }
    // Space-grouped thousands: `1 234 567`, only when every later group has three digits.
    if groups.len() == 1 && doc.raw(i).len() <= 3 {
        let mut k = i;
        while doc.kind(k + 1) == Some(TokKind::Num)
            && doc.raw(k + 1).len() == 3
            && doc.tokens.get(k + 1).is_some_and(|tk| {
                doc.text
                    .get(doc.tokens[k].end()..tk.start())
                    .is_some_and(is_single_space)
            })
        {
            groups.push(('_', doc.raw(k + 1)));
            k += 1;
        }
        if k > i {
            // A decimal part may follow the last group: `1 234 567,89`.
            j = k;
            if let Some(c) = [',', '.'].into_iter().find(|&c| doc.is_punct(k + 1, c))
                && doc.glued(k + 1)
                && doc.kind(k + 2) == Some(TokKind::Num)
                && doc.glued(k + 2)
            {
                groups.push((c, doc.raw(k + 2)));
                j = k + 2;
            }
        }
    }
    let seps = || groups.iter().skip(1).map(|g| g.0);
    let last_sep = seps().next_back();
    let first_thousands_ok = groups[0].1.len() <= 3;
    // Decide which mark is the decimal one.
    let decimal = match last_sep {
        None => None,
        Some(last) => {
            let kinds_mixed = seps().any(|c| c != last && c != '_');
            let count_last = seps().filter(|&c| c == last).count();
            let tail_len = groups.last().map_or(0, |g| g.1.len());
            if last == '_' {
                None
            } else if kinds_mixed {
                Some(last)
            } else if count_last > 1 {
                None
            } else if tail_len != 3 || !first_thousands_ok {
                Some(last)
            } else {
                // One separator before three digits: the language decides.
                let lang_decimal = if t.decimal_comma { ',' } else { '.' };
                (last == lang_decimal).then_some(last)
            }
        }
    };
    // Digits are summed directly (no string building, no float parser: this also keeps the
    // float-parsing code out of the wasm).
    let mut value = 0.0;
    for (k, (sep, digits)) in groups.iter().enumerate() {
        if k > 0 && Some(*sep) == decimal && k == groups.len() - 1 {
            let places = digits.len().min(300) as i32;
            value += digits_value(digits) / 10f64.powi(places);
        } else {
            // A thousands group must have three digits; otherwise this is a version number, an IP
            // address or a list, not one number.
            if k > 0 && (digits.len() != 3 || (k == 1 && !first_thousands_ok)) {
                return None;
            }
            value = value * 10f64.powi(digits.len().min(300) as i32) + digits_value(digits);
        }
    }
    Some((value, j, groups.len() == 1))
}

fn is_single_space(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'), None)
    )
}

/// The longest approximator ending right before token `i`, or before an article there
/// (`rond de 500`, `meer dan de helft`): (first token, bound).
fn approximator_before(doc: &Doc, t: &Scan, i: usize) -> Option<(usize, Bound)> {
    let at = |end: usize| {
        t.approximators_ending_at(doc, end.checked_sub(1)?)
            .filter(|(p, _)| p.len() <= end && matches_at(doc, p, end - p.len()))
            .max_by_key(|(p, _)| p.len())
            .map(|&(p, b)| (end - p.len(), b))
    };
    at(i)
        .or_else(|| {
            let art = i.checked_sub(1)?;
            matches!(doc.low(art), "de" | "the")
                .then(|| at(art))
                .flatten()
        })
        .or_else(|| {
            // `bestaat grofweg uit 5000`: a one-word bound before a preposition.
            let gap = i.checked_sub(1)?;
            low_is(doc, gap, t.bound_gaps)
                .then(|| at(gap))
                .flatten()
                .filter(|&(a, _)| a + 1 == gap)
        })
}

/// Reads what follows a number (from token `j`): percent and currency marks, and the counted
/// noun. Returns (unit, last token used).
fn read_unit(doc: &Doc, t: &Scan, j: usize, ordinal: bool) -> (Option<String>, Option<usize>) {
    if doc.is_punct(j, '%') {
        return (Some("%".into()), Some(j));
    }
    if t.is(doc, j, LIST_PERCENT) {
        return (Some("%".into()), Some(j));
    }
    if doc.is_word(j)
        && let Some(code) = lookup(t.currency_words, doc.low(j))
    {
        return (Some(code.into()), Some(j));
    }
    if let Some(&(_, code)) = CURRENCY_SYMBOLS.iter().find(|(c, _)| doc.is_punct(j, *c)) {
        return (Some(code.into()), Some(j));
    }
    if doc.is_word(j)
        && doc.raw(j).starts_with('M')
        && let Some(code) = lookup(MILLION_CODES, doc.low(j))
    {
        return (Some(code.into()), Some(j));
    }
    if ordinal {
        return (None, None);
    }
    let mut k = j;
    if t.is(doc, k, LIST_OF) {
        k += 1;
    }
    if counted_noun(doc, t, k) {
        // `kilometer per uur`: a rate.
        if low_is(doc, k + 1, t.rate_words) && counted_noun(doc, t, k + 2) {
            let rate = format!("{} {} {}", doc.raw(k), doc.raw(k + 1), doc.raw(k + 2));
            return (Some(rate), Some(k + 2));
        }
        (Some(doc.raw(k).to_owned()), Some(k))
    } else {
        (None, None)
    }
}

/// A plain lowercase noun right after a number: what is counted.
fn counted_noun(doc: &Doc, t: &Scan, k: usize) -> bool {
    let Some(tok) = doc.tokens.get(k) else {
        return false;
    };
    let raw = doc.raw(k);
    tok.kind == TokKind::Word
        && tok.space_before
        && raw.chars().next().is_some_and(char::is_lowercase)
        && raw.chars().count() >= 2
        && t.noun_word(doc, k)
}

/// A currency mark right before token `i` (`€3`, `$ 5`, `EUR 5`): (first token, code).
fn currency_before(doc: &Doc, i: usize) -> Option<(usize, &'static str)> {
    let p = i.checked_sub(1)?;
    if let Some(&(_, code)) = CURRENCY_SYMBOLS.iter().find(|(c, _)| doc.is_punct(p, *c)) {
        return Some((p, code));
    }
    if doc.is_word(p) && doc.raw(p).chars().all(|c| c.is_ascii_uppercase()) {
        return lookup(CURRENCY_CODES, doc.low(p)).map(|code| (p, code));
    }
    None
}

fn scan_digits(doc: &Doc, t: &Scan, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    if in_name(doc, t, i) && !measure_after_name(doc, t, i) {
        return Some(skip_chunk(doc, i).min(i + 1).max(i + 1));
    }
    // Phone numbers: `+31 20 123 4567`, `06-12345678`, `(020) 555-1234`.
    if let Some(end) = phone_number(doc, i) {
        return Some(end);
    }
    // Clock times `20:30`, `20.30 uur`.
    if doc.is_punct(i + 1, ':')
        && doc.glued(i + 1)
        && doc.kind(i + 2) == Some(TokKind::Num)
        && doc.glued(i + 2)
    {
        return Some(i + 3);
    }
    // Dates: `2022-01`, `5-1-2022`, `17/5/2018`.
    if let Some(end) = date_numeric(doc, i) {
        return Some(end);
    }
    // `zo 1/3`, `Sat 4-5`: a day and month after a weekday.
    if weekday_date(doc, t, i) {
        return Some(i + 3);
    }
    // Fractions: `3/4`, `-4/5`; a proper fraction only, so `24/7` stays out.
    if doc.is_punct(i + 1, '/')
        && doc.glued(i + 1)
        && doc.kind(i + 2) == Some(TokKind::Num)
        && doc.glued(i + 2)
        && !doc.is_punct(i + 3, '/')
    {
        let (n, d) = (digits_value(doc.raw(i)), digits_value(doc.raw(i + 2)));
        if n < d && !(i > 0 && doc.glued(i) && doc.kind(i - 1) == Some(TokKind::Num)) {
            let mut first = i;
            let mut v = n / d;
            if i > 0 && doc.is_punct(i - 1, '-') && doc.glued(i) && !doc.glued(i - 1) {
                v = -v;
                first = i - 1;
            }
            push_plain(doc, t, first, i + 2, v, Form::Digits, out);
            return Some(i + 3);
        }
        return Some(i + 3);
    }
    let (mut value, mut last, plain) = match read_digits(doc, t, i) {
        Some(r) => r,
        None => {
            // Not one number (version, IP): skip the whole run.
            let mut j = i;
            while doc.kind(j + 2) == Some(TokKind::Num) && doc.glued(j + 1) && doc.glued(j + 2) {
                j += 2;
            }
            return Some(j + 1);
        }
    };
    // `20.30 uur`, `om 6 uur`, `rond 6 uur`: clock times; `6 uur lang` stays a span.
    let clock = plain
        && value <= 24.0
        && i > 0
        && (t.is(doc, i - 1, LIST_CLOCK)
            || (low_is(doc, i - 1, &["de"]) && i > 1 && t.is(doc, i - 2, LIST_CLOCK)));
    if t.is(doc, last + 1, LIST_TIME) && (!plain || clock) {
        return Some(last + 2);
    }
    // `8.00`, `20.30` in Dutch, whose decimal mark is the comma: a clock time.
    if t.decimal_comma
        && !plain
        && last == i + 2
        && doc.is_punct(i + 1, '.')
        && doc.raw(i + 2).len() == 2
        && value < 24.0
        && digits_value(doc.raw(i + 2)) < 60.0
    {
        return Some(last + 1);
    }
    // `artikel 13`, `page 4`: a label, not a count.
    let label_at = |k: usize| t.is(doc, k, LIST_LABEL);
    if (i > 0 && label_at(i - 1)) || (i > 1 && doc.is_punct(i - 1, '.') && label_at(i - 2)) {
        return Some(last + 1);
    }
    // Dutch postal codes: `1012 AB`.
    if plain
        && doc.raw(i).len() == 4
        && doc.is_word(last + 1)
        && doc.tokens.get(last + 1).is_some_and(|t| t.space_before)
        && doc.raw(last + 1).len() == 2
        && doc.raw(last + 1).bytes().all(|c| c.is_ascii_uppercase())
        && !doc.glued(last + 2)
        && lookup(CURRENCY_CODES, doc.low(last + 1)).is_none()
    {
        return Some(last + 2);
    }
    // `1 januari`, `januari 2022`, `January 5`.
    let day = plain && (1.0..=31.0).contains(&value);
    if (day && t.is(doc, last + 1, LIST_MONTH)) || (i > 0 && t.is(doc, i - 1, LIST_MONTH)) {
        return Some(last + 1);
    }
    // `Feb. 21, 2019`: an abbreviated month with its period; a sentence that ends in a month
    // and starts with a count (`… in mei. 21 mensen …`) keeps its count.
    if day
        && i > 1
        && doc.is_punct(i - 1, '.')
        && doc.glued(i - 1)
        && t.is(doc, i - 2, LIST_MONTH)
        && !counted_noun(doc, t, last + 1)
    {
        return Some(last + 1);
    }
    let mut first = i;
    let mut unit: Option<String> = None;
    let mut ordinal = false;
    // A decimal part written without its zero: `.77`, `,08`.
    let mark = if t.decimal_comma { ',' } else { '.' };
    if plain && i > 0 && doc.is_punct(i - 1, mark) && doc.glued(i) && (i == 1 || !doc.glued(i - 1))
    {
        value /= 10f64.powi(doc.raw(i).len().min(300) as i32);
        first = i - 1;
    }
    // `2 1/4`: a whole number and a proper fraction.
    if plain
        && doc.kind(last + 1) == Some(TokKind::Num)
        && doc.is_punct(last + 2, '/')
        && doc.glued(last + 2)
        && doc.kind(last + 3) == Some(TokKind::Num)
        && doc.glued(last + 3)
    {
        let (n, d) = (
            digits_value(doc.raw(last + 1)),
            digits_value(doc.raw(last + 3)),
        );
        if n < d {
            value += n / d;
            last += 3;
        }
    }
    // `1 point 1`, `3 komma 5`.
    if plain && let Some((f, l)) = decimal_words(doc, t, last) {
        value += f;
        last = l;
    }
    // A sign glued before the digits and standing free itself.
    if i > 0
        && (doc.is_punct(i - 1, '-') || doc.is_punct(i - 1, '−') || doc.is_punct(i - 1, '+'))
        && doc.glued(i)
        && !doc.glued(i - 1)
    {
        if !doc.is_punct(i - 1, '+') {
            value = 0.0 - value; // `-0` is 0
        }
        first = i - 1;
    }
    let currency = currency_before(doc, first);
    if let Some((c, code)) = currency {
        first = c;
        unit = Some(code.to_owned());
    }
    // `een 15-tal`, `een 15tal`: an estimate (Flemish).
    let mut estimate = false;
    if plain && currency.is_none() {
        let dash = doc.is_punct(last + 1, '-') && doc.glued(last + 1);
        let s = last + 1 + usize::from(dash);
        if doc.is_word(s) && doc.glued(s) && has_word(t.estimate_suffixes, doc.low(s)) {
            estimate = true;
            last = s;
            if first > 0 && low_is(doc, first - 1, t.articles) {
                first -= 1;
            }
        }
    }
    // Glued suffix: `1e`, `3rd`, `1.2bn`, `€3m`, `100km`, `1.3e6`.
    if !estimate && doc.is_word(last + 1) && doc.glued(last + 1) {
        let suffix = doc.low(last + 1);
        if let Some((exp, end)) = exponent(doc, last + 1) {
            value *= 10f64.powi(exp);
            // `last += 1` below steps onto the exponent's digits.
            last = end - 2;
        } else if has_word(t.ordinal_suffixes, suffix) && plain {
            ordinal = true;
        } else if doc.raw(last + 1).bytes().all(|c| c.is_ascii_uppercase())
            && let Some(code) = lookup(CURRENCY_CODES, suffix)
        {
            unit = Some(code.to_owned());
        } else if let Some(m) = lookup(t.glued_magnitudes, suffix)
            // A lower-case `m` is metres unless money comes first; `3M`, `1.2M` are millions.
            .filter(|_| suffix != "m" || currency.is_some() || doc.raw(last + 1) == "M")
        {
            value *= m;
        } else if has_word(GLUED_UNITS, suffix) {
            unit = Some(suffix.to_owned());
        } else {
            // `24h`, `4G`, `3D`: a code, not a count.
            return Some(last + 2);
        }
        last += 1;
    }
    let mut magnitude = false;
    let mut scale = 1.0;
    if !ordinal && let Some(m) = magnitude_at(doc, t, last + 1) {
        value *= m;
        scale = m;
        last += 1;
        magnitude = true;
    }
    // `4 thousand 3 hundred and 21`, `6 crore and two hundred`: lower places after a magnitude.
    if magnitude && scale >= 100.0 {
        let mut room = scale;
        while room > 1.0 {
            let k = last + 1 + usize::from(t.is(doc, last + 1, LIST_JOINER));
            let (v, end, next_room) = if doc.kind(k) == Some(TokKind::Num)
                && !(doc.glued(k + 1) && doc.kind(k + 1) == Some(TokKind::Punct))
            {
                let v = digits_value(doc.raw(k));
                match lookup(t.magnitudes, doc.low(k + 1)).filter(|m| *m >= 100.0 && *m < room) {
                    Some(m) if doc.is_word(k + 1) => (v * m, k + 1, m),
                    _ => (v, k, 0.0),
                }
            } else if let Some((v, l, false, _)) = doc
                .is_word(k)
                .then(|| read_number_words(doc, t, k))
                .flatten()
            {
                (v, l, 0.0)
            } else {
                break;
            };
            if v <= 0.0 || v >= room {
                break;
            }
            value += v;
            last = end;
            room = next_room;
        }
    }
    // `3 miljoen en een half`.
    if magnitude && let Some((f, l, m)) = fraction_tail(doc, t, last) {
        value += f * m.unwrap_or(scale);
        last = l;
    }
    let (u, used) = read_unit(doc, t, last + 1, ordinal);
    if let (Some(u), Some(used)) = (u, used) {
        // After a currency mark or a glued unit, only a repeated currency word joins (`€5 euro`);
        // a second symbol starts the next amount (`$ 20 $ 30`).
        let symbol = doc.kind(used) == Some(TokKind::Punct) && u != "%";
        if unit.is_none() || (unit.as_deref() == Some(u.as_str()) && !symbol) {
            unit = Some(u);
            last = used;
            if lookup(MILLION_CODES, doc.low(used)).is_some() {
                value *= 1e6;
                scale = 1e6;
                magnitude = true;
            }
            // `75 USD million`.
            if !magnitude && let Some(m) = magnitude_at(doc, t, last + 1) {
                value *= m;
                scale = m;
                last += 1;
            }
        }
    }
    // Years: 1900–2099 with no unit of measure are dates, not counts.
    let is_year_shape = plain && doc.raw(i).len() == 4 && (1900.0..2100.0).contains(&value);
    if is_year_shape && !ordinal && !magnitude && currency.is_none() {
        let measured = unit.as_deref().is_some_and(|u| u == "%");
        let counted = unit.is_some() && !(i > 0 && t.is(doc, i - 1, LIST_YEAR));
        if !measured && !counted {
            return Some(last + 1);
        }
    }
    let mut q = Quantity {
        value: Some(value),
        low: Some(value),
        high: Some(value),
        approximate: false,
        unit,
        ordinal,
    };
    if estimate {
        apply_bound(&mut q, Bound::About);
    }
    // `windkracht 6`: the unit written before the number.
    if q.unit.is_none() && first > 0 && low_is(doc, first - 1, t.units_before) {
        first -= 1;
        q.unit = Some(doc.raw(first).to_owned());
    }
    first = negate_before(doc, t, first, &mut q);
    if let Some((a, bound)) = approximator_before(doc, t, first) {
        // `<>30`, `=>30`: not a comparison the text states.
        if a > 0
            && doc.glued(a)
            && doc
                .punct_char(a - 1)
                .is_some_and(|c| matches!(c, '<' | '>' | '='))
        {
            return Some(last + 1);
        }
        apply_bound(&mut q, bound);
        first = a;
    }
    let span = doc.span(first, last);
    out.push(Found {
        span,
        quantity: q,
        form: Form::Digits,
        first,
        last,
        scale,
    });
    Some(last + 1)
}

/// `e10`, `e+14`, `e-1` glued after digits (token `e` at `k`): (exponent, token after it).
fn exponent(doc: &Doc, k: usize) -> Option<(i32, usize)> {
    if doc.low(k) != "e" {
        return None;
    }
    let (sign, num) = if (doc.is_punct(k + 1, '+') || doc.is_punct(k + 1, '-')) && doc.glued(k + 1)
    {
        (if doc.is_punct(k + 1, '-') { -1 } else { 1 }, k + 2)
    } else {
        (1, k + 1)
    };
    let digits = doc.raw(num);
    if doc.kind(num) != Some(TokKind::Num) || !doc.glued(num) || digits.len() > 2 {
        return None;
    }
    Some((sign * digits_value(digits) as i32, num + 1))
}

/// `min 5`, `minus one`: negates the quantity and returns its new first token.
fn negate_before(doc: &Doc, t: &Scan, first: usize, q: &mut Quantity) -> usize {
    if first > 0 && t.is(doc, first - 1, LIST_NEGATOR) {
        // `0.0 - v`, not `-v`: `min 0 graden` is 0, not -0.
        q.value = q.value.map(|v| 0.0 - v);
        q.low = q.low.map(|v| 0.0 - v);
        q.high = q.high.map(|v| 0.0 - v);
        return first - 1;
    }
    first
}

/// A run of ASCII digits as a number (never fails: too long runs become large).
fn digits_value(d: &str) -> f64 {
    d.bytes().fold(0.0, |acc, c| {
        acc * 10.0 + f64::from(c.wrapping_sub(b'0').min(9))
    })
}

/// Pushes an exact quantity over tokens `first..=last` with the usual bounds and unit.
fn push_plain(
    doc: &Doc,
    t: &Scan,
    mut first: usize,
    last: usize,
    value: f64,
    form: Form,
    out: &mut Vec<Found>,
) {
    let mut q = Quantity {
        value: Some(value),
        low: Some(value),
        high: Some(value),
        approximate: false,
        unit: None,
        ordinal: false,
    };
    if let Some((a, bound)) = approximator_before(doc, t, first) {
        apply_bound(&mut q, bound);
        first = a;
    }
    out.push(Found {
        span: doc.span(first, last),
        quantity: q,
        form,
        first,
        last,
        scale: 1.0,
    });
}

fn apply_bound(q: &mut Quantity, bound: Bound) {
    q.approximate = true;
    match bound {
        Bound::AtLeast => q.high = None,
        Bound::AtMost => q.low = None,
        Bound::About => {
            q.low = None;
            q.high = None;
        }
    }
}

/// A run that looks like a phone number: starts with `+` or `0`, at least nine digits in
/// groups joined by spaces, hyphens or brackets. Returns the token after it.
fn phone_number(doc: &Doc, i: usize) -> Option<usize> {
    let plus = i > 0 && doc.is_punct(i - 1, '+') && doc.glued(i);
    let paren = i > 0 && doc.is_punct(i - 1, '(') && doc.glued(i);
    if !(plus || paren || doc.raw(i).starts_with('0')) {
        return None;
    }
    let mut digits = doc.raw(i).len();
    let mut j = i;
    let mut groups = 1;
    loop {
        let mut k = j + 1;
        while (doc.is_punct(k, '-') || doc.is_punct(k, ')') || doc.is_punct(k, '/')) && k < j + 3 {
            k += 1;
        }
        if doc.kind(k) != Some(TokKind::Num) {
            break;
        }
        let gap_ok = doc.tokens.get(k).is_some_and(|tk| {
            doc.text
                .get(doc.tokens[j].end()..tk.start())
                .is_some_and(|g| {
                    g.chars()
                        .all(|c| c == ' ' || c == '-' || c == ')' || c == '/')
                })
        });
        if !gap_ok {
            break;
        }
        digits += doc.raw(k).len();
        groups += 1;
        j = k;
    }
    let long_run = groups == 1 && digits >= 10 && (plus || doc.raw(i).starts_with('0'));
    ((digits >= 9 && groups >= 2) || long_run).then_some(j + 1)
}

/// A weekday (`zo`, `zo.`, `Sat`) before `d/m` or `d-m` with a possible day and month.
fn weekday_date(doc: &Doc, t: &Scan, i: usize) -> bool {
    let sep = (doc.is_punct(i + 1, '/') || doc.is_punct(i + 1, '-')) && doc.glued(i + 1);
    if !sep || doc.kind(i + 2) != Some(TokKind::Num) || !doc.glued(i + 2) || i == 0 {
        return false;
    }
    let day = i64::from(doc.raw(i).len() <= 2) * digits_value(doc.raw(i)) as i64;
    let month = i64::from(doc.raw(i + 2).len() <= 2) * digits_value(doc.raw(i + 2)) as i64;
    let w = if doc.is_punct(i - 1, '.') && i > 1 {
        i - 2
    } else {
        i - 1
    };
    (1..=31).contains(&day)
        && (1..=12).contains(&month)
        && doc.is_word(w)
        && has_word(t.weekdays, doc.low(w))
}

/// `2022-01`, `2022-01-05`, `5-1-2022`, `17/5/2018`: returns the token after the date.
fn date_numeric(doc: &Doc, i: usize) -> Option<usize> {
    let sep = |k: usize| (doc.is_punct(k, '-') || doc.is_punct(k, '/')) && doc.glued(k);
    let num = |k: usize| doc.kind(k) == Some(TokKind::Num) && doc.glued(k);
    if !(sep(i + 1) && num(i + 2)) {
        return None;
    }
    let year = |k: usize| {
        doc.raw(k).len() == 4
            && doc
                .raw(k)
                .parse::<u32>()
                .is_ok_and(|y| (1900..2100).contains(&y))
    };
    let small = |k: usize| doc.raw(k).len() <= 2;
    if sep(i + 3) && num(i + 4) && doc.raw(i + 1) == doc.raw(i + 3) {
        return Some(i + 5);
    }
    if (year(i) && small(i + 2)) || (small(i) && year(i + 2) && doc.is_punct(i + 1, '/')) {
        return Some(i + 3);
    }
    None
}

fn scan_words(doc: &Doc, t: &Scan, i: usize, out: &mut Vec<Found>) -> Option<usize> {
    if !t
        .may_start
        .get(doc.word_id(i) as usize)
        .copied()
        .unwrap_or(true)
    {
        return None;
    }
    let w = doc.low(i);
    if starts_url(doc, i) {
        return Some(skip_chunk(doc, i));
    }
    // `met één mond`: a set phrase counts nothing.
    if let Some(end) = idiom_at(doc, t, i) {
        return Some(end);
    }
    // `met z'n drieën`: a collective form after a possessive.
    if let Some(v) = lookup(t.collectives, w) {
        if i > 0 && low_is(doc, i - 1, t.collective_markers) {
            push_plain(doc, t, i - 1, i, v, Form::Words, out);
        }
        return Some(i + 1);
    }
    // `eentje`, `tweemaal`: a colloquial one, a count of times.
    if let Some(v) = lookup(t.lone_numbers, w).or_else(|| suffixed_number(t, w, t.times_suffixes)) {
        push_plain(doc, t, i, i, v, Form::Words, out);
        return Some(i + 1);
    }
    // `een tweehonderdtal`: an estimate (Flemish).
    if i > 0
        && low_is(doc, i - 1, t.articles)
        && let Some(v) = suffixed_number(t, w, t.estimate_suffixes)
    {
        let (unit, used) = read_unit(doc, t, i + 1, false);
        let last = used.unwrap_or(i);
        let mut q = Quantity {
            value: Some(v),
            low: Some(v),
            high: Some(v),
            approximate: false,
            unit,
            ordinal: false,
        };
        apply_bound(&mut q, Bound::About);
        out.push(Found {
            span: doc.span(i - 1, last),
            quantity: q,
            form: Form::Words,
            first: i - 1,
            last,
            scale: 1.0,
        });
        return Some(last + 1);
    }
    // Vague plurals: `tientallen`, `hundreds`.
    if let Some(&(_, mut lo, mut hi)) = t.vague.iter().find(|(v, _, _)| eq(v, w)) {
        let mut last = i;
        // `tientallen miljoenen`, `hundreds of thousands`: the second plural scales the first.
        let k = i + 1 + usize::from(t.is(doc, i + 1, LIST_OF));
        if let Some(&(_, lo2, _)) = t.vague.iter().find(|(v, _, _)| eq(v, doc.low(k))) {
            let mut scale = 1.0;
            while scale * 10.0 <= lo2 {
                scale *= 10.0;
            }
            (lo, hi, last) = (lo * scale, hi * scale, k);
        }
        let (unit, used) = read_unit(doc, t, last + 1, false);
        if let Some(u) = used {
            last = u;
        }
        let q = Quantity {
            value: None,
            low: Some(lo),
            high: Some(hi),
            approximate: true,
            unit,
            ordinal: false,
        };
        out.push(Found {
            span: doc.span(i, last),
            quantity: q,
            form: Form::Vague,
            first: i,
            last,
            scale: 1.0,
        });
        return Some(last + 1);
    }
    // Changes by a factor: `verdubbeling`, `tripled`. The unit `×` marks a factor.
    if let Some(f) = lookup(t.change_words, w) {
        let mut q = Quantity {
            value: Some(f),
            low: Some(f),
            high: Some(f),
            approximate: false,
            unit: Some("×".to_owned()),
            ordinal: false,
        };
        let mut first = i;
        if let Some((a, bound)) = approximator_before(doc, t, i) {
            apply_bound(&mut q, bound);
            first = a;
        }
        out.push(Found {
            span: doc.span(first, i),
            quantity: q,
            form: Form::Words,
            first,
            last: i,
            scale: 1.0,
        });
        return Some(i + 1);
    }
    let (mut value, mut last, ordinal, mut mult) =
        match lone_fraction(doc, t, i).or_else(|| article_fraction(doc, t, i)) {
            Some(r) => (r.0, r.1, false, 1.0),
            None => {
                let (v, l, ord, mult) = read_number_words(doc, t, i)?;
                match (!ord).then(|| denominator_after(doc, t, l, v)).flatten() {
                    Some((d, l2)) => (v / d, l2, false, 1.0),
                    None => (v, l, ord, mult),
                }
            }
        };
    let words_end = last;
    // `drie komma vijf`, `two hundred point zero three`.
    if !ordinal && let Some((f, l)) = decimal_words(doc, t, last) {
        value += f;
        last = l;
        mult = 1.0;
    }
    // `vijf en een half`, `twenty and three fifths`, `drie miljoen en een half`.
    let tail = |last: usize| (!ordinal).then(|| fraction_tail(doc, t, last)).flatten();
    if let Some((f, l, m)) = tail(last) {
        value = match m {
            // `five and a half million`: the magnitude scales the whole number.
            Some(m) if mult == 1.0 => (value + f) * m,
            Some(m) => value + f * m,
            None => value + f * mult,
        };
        last = l;
    }
    // `no one`, `someone`: a pronoun, not a count.
    if value == 1.0 && last == i && i > 0 && t.is(doc, i - 1, LIST_PRONOUN_MARKER) {
        return Some(last + 1);
    }
    // Names: `Radio Twee`; `de Tweede Kamer`, `the Second World War`.
    if i > 0 && doc.is_cap(i - 1) && !doc.glued(i) && !doc.sentence_initial(i - 1) && doc.is_cap(i)
    {
        return Some(words_end + 1);
    }
    if ordinal && doc.is_cap(i) && !doc.sentence_initial(i) {
        return Some(words_end + 1);
    }
    // `om half vier`, `kwart over drie`: clock times.
    let time_before = i >= 2
        && ((low_is(doc, i - 1, &["half"]) && t.is(doc, i - 2, LIST_CLOCK))
            || (low_is(doc, i - 1, &["over", "voor", "past", "to"])
                && low_is(doc, i - 2, &["kwart", "quarter", "half"])));
    if time_before {
        return Some(words_end + 1);
    }
    let mut end = last;
    let mut scale = 1.0;
    if !ordinal && let Some(m) = magnitude_at(doc, t, end + 1) {
        value *= m;
        scale = m;
        end += 1;
        if let Some((f, l, m2)) = tail(end) {
            value += f * m2.unwrap_or(m);
            end = l;
        }
    }
    let (unit, used) = read_unit(doc, t, end + 1, ordinal);
    if let Some(u) = used {
        end = u;
        if lookup(MILLION_CODES, doc.low(u)).is_some() {
            value *= 1e6;
        }
    }
    let mut q = Quantity {
        value: Some(value),
        low: Some(value),
        high: Some(value),
        approximate: false,
        unit,
        ordinal,
    };
    let mut first = negate_before(doc, t, i, &mut q);
    if let Some((a, bound)) = approximator_before(doc, t, first) {
        apply_bound(&mut q, bound);
        first = a;
    }
    out.push(Found {
        span: doc.span(first, end),
        quantity: q,
        form: Form::Words,
        first,
        last: end,
        scale,
    });
    Some(end + 1)
}

/// The set phrase of `idioms` that holds token `i` (a number word): the token after it.
fn idiom_at(doc: &Doc, t: &Scan, i: usize) -> Option<usize> {
    let w = doc.low(i);
    t.idioms.iter().find_map(|p| {
        p.iter()
            .enumerate()
            .filter(|&(k, x)| k <= i && eq(x, w))
            .find(|&(k, _)| matches_at(doc, p, i - k))
            .map(|(k, _)| i - k + p.len())
    })
}

/// `tweehonderdtal` → 200, `driemaal` → 3: a cardinal word with one of `suffixes`
/// (`suffix_exceptions` aside).
fn suffixed_number(t: &Scan, w: &str, suffixes: &[&str]) -> Option<f64> {
    if has_word(t.suffix_exceptions, w) {
        return None;
    }
    let stem = suffixes.iter().find_map(|s| w.strip_suffix(s))?;
    (t.parse_word)(stem)
        .filter(|n| !n.ordinal && n.value >= 2.0 && n.value.fract() == 0.0)
        .map(|n| n.value)
}

/// Number words in a row from `i`: `drie miljoen`, `one hundred and five`, `drie en dertig`.
/// Returns (value, last token, ordinal).
fn read_number_words(doc: &Doc, t: &Scan, i: usize) -> Option<(f64, usize, bool, f64)> {
    let mut acc = Accumulator::default();
    // The multiplier the number ends with (`drie miljoen` → 1e6), which scales a fraction
    // after it (`drie miljoen en een half`).
    let mut mult = 1.0;
    let mut last = None;
    let mut ordinal = false;
    let mut j = i;
    while j < doc.tokens.len() && doc.is_word(j) {
        let word = doc.low(j);
        let parsed = t.number_at(doc, j).or_else(|| {
            // An article counts as one only before a multiplier: `een miljoen`, `a dozen`.
            let next = doc.low(j + 1);
            (acc.parts == 0
                && has_word(t.articles, word)
                && doc.is_word(j + 1)
                && (t.number_at(doc, j + 1).is_some_and(|n| n.multiplier)
                    || lookup(t.magnitudes, next).is_some()))
            .then_some(WordNumber {
                value: 1.0,
                ordinal: false,
                multiplier: false,
            })
        });
        let Some(mut num) = parsed else {
            // `one hundred and five`: a joiner continues only into another number word.
            if last.is_some()
                && has_word(t.number_joiners, word)
                && t.number_at(doc, j + 1).is_some_and(|n| {
                    !n.ordinal
                        && n.value >= 1.0
                        && denominator_after(doc, t, j + 1, n.value).is_none()
                })
            {
                j += 1;
                continue;
            }
            break;
        };
        if num.ordinal && acc.parts == 0 && has_word(t.ordinal_skip, word) {
            break;
        }
        // `drie en dertig`: a unit, `en`, a tens word.
        let mut skip = 0;
        if t.unit_and_tens
            && !num.ordinal
            && num.value.fract() == 0.0
            && (1.0..10.0).contains(&num.value)
            && doc.low(j + 1) == "en"
            && phrase_before(doc, t.range_openers, i).is_none()
            && let Some(tens) = t.number_at(doc, j + 2)
            && !tens.ordinal
            && (20.0..100.0).contains(&tens.value)
            && (tens.value / 10.0).fract() == 0.0
        {
            num.value += tens.value;
            skip = 2;
        }
        if num.ordinal && acc.parts > 0 {
            // `drie biljoenste`, `two hundredth`: an ordinal multiplier scales the number.
            if is_multiplier(num.value) && acc.multiply(num.value) {
                return Some((acc.value(), j, true, 1.0));
            }
            // `tweeduizend zestiende`: an ordinal after a round thousands group continues it.
            if lowest_place(acc.value()) >= 1000.0 && acc.add(num.value) {
                return Some((acc.value(), j, true, 1.0));
            }
            // `drie vijfde`: a denominator, read by the caller.
            if t.split_ordinal_is_denominator {
                break;
            }
        }
        let ok = if num.multiplier {
            acc.multiply(num.value)
        } else if acc.parts == 0 {
            acc.add(num.value)
        } else {
            // A compound word (`driehonderd`) after another number continues it only as a
            // lower place.
            let mut probe = acc;
            if probe.add(num.value) {
                acc = probe;
                true
            } else {
                false
            }
        };
        if !ok {
            break;
        }
        // Only a million or more scales a trailing fraction: `one hundred and a half` is 100.5.
        mult = if num.multiplier && num.value >= 1e6 {
            num.value
        } else {
            1.0
        };
        last = Some(j + skip);
        if num.ordinal {
            ordinal = true;
            break;
        }
        j += 1 + skip;
    }
    last.map(|l| (acc.value(), l, ordinal, mult))
}

/// `½`, `¾`; `half million`, `quarter million`; `de helft`; `more than half`: a fraction
/// without a number word before it. Returns (value, last token).
fn lone_fraction(doc: &Doc, t: &Scan, i: usize) -> Option<(f64, usize)> {
    let w = doc.low(i);
    let vulgar = match w {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅙" => 1.0 / 6.0,
        "⅛" => 0.125,
        _ => 0.0,
    };
    if vulgar > 0.0 {
        return Some((vulgar, i));
    }
    if w == "helft" && i > 0 && doc.low(i - 1) == "de" {
        return Some((0.5, i));
    }
    // `dozijn`, `gros` on their own are counts; `dozen` needs its article (`a dozen`).
    if matches!(w, "dozijn" | "gros") && !doc.is_word(i + 1) {
        return Some((if w == "gros" { 144.0 } else { 12.0 }, i));
    }
    // `een-achtste`, `one-eighth`.
    if let Some((a, b)) = w.split_once('-')
        && let Some(n) = (t.parse_word)(a)
            .or_else(|| {
                has_word(t.articles, a).then_some(WordNumber {
                    value: 1.0,
                    ordinal: false,
                    multiplier: false,
                })
            })
            .filter(|n| !n.ordinal && n.value >= 1.0)
        && let Some((d, plural)) = (t.denominator)(b)
        && (t.split_ordinal_is_denominator || plural || n.value == 1.0)
    {
        return Some((n.value / d, i));
    }
    // `een op de vijf`: the article is the one of a ratio.
    if has_word(t.articles, w)
        && let Some(p) = t.ratio_words.iter().find(|p| matches_at(doc, p, i + 1))
        && p[0] != "over"
    {
        let k = i + 1 + p.len();
        if doc.kind(k) == Some(TokKind::Num) || t.number_at(doc, k).is_some() {
            return Some((1.0, i));
        }
    }
    if !matches!(w, "half" | "quarter") {
        return None;
    }
    let f = if w == "half" { 0.5 } else { 0.25 };
    // `half a dozen`, `half million`.
    let k = if has_word(t.articles, doc.low(i + 1)) {
        i + 2
    } else {
        i + 1
    };
    if magnitude_at(doc, t, k).is_some() {
        return Some((f, k - 1));
    }
    // `more than half`, `nearly half of`: a share.
    let share = approximator_before(doc, t, i).is_some() || has_word(t.of_words, doc.low(i + 1));
    (w == "half" && share).then_some((f, i))
}

/// `komma vijf`, `point zero three` after the number words ending at `last`: (fraction, last).
fn decimal_words(doc: &Doc, t: &Scan, last: usize) -> Option<(f64, usize)> {
    let j = last + 1;
    if !matches!(doc.low(j), "komma" | "point") {
        return None;
    }
    if doc.kind(j + 1) == Some(TokKind::Num) && doc.raw(j + 1).len() < 16 {
        let d = doc.raw(j + 1);
        return Some((digits_value(d) / 10f64.powi(d.len() as i32), j + 1));
    }
    let mut frac = 0.0;
    let mut scale = 1.0;
    let mut k = j + 1;
    while doc.is_word(k) {
        let Some(n) = t
            .number_at(doc, k)
            .filter(|n| !n.ordinal && n.value.fract() == 0.0)
        else {
            break;
        };
        // `point seventy-one` reads as .71, `point zero three` as .03.
        let places = if n.value >= 10.0 { 2 } else { 1 };
        if n.value >= 100.0 {
            break;
        }
        scale /= 10f64.powi(places);
        frac += n.value * scale;
        k += 1;
    }
    (k > j + 1).then_some((frac, k - 1))
}

/// A denominator word right after the number words ending at `last`: `drie vijfde`,
/// `three fifths`, `one quarter`. Returns (denominator, its token).
fn denominator_after(doc: &Doc, t: &Scan, last: usize, value: f64) -> Option<(f64, usize)> {
    let j = last + 1;
    if !doc.is_word(j) || value <= 0.0 {
        return None;
    }
    let (d, plural) = (t.denominator)(doc.low(j))?;
    let ok = (t.split_ordinal_is_denominator || plural || value == 1.0)
        && (plural || quarter_is_share(doc, j));
    ok.then_some((d, j))
}

/// A singular `quarter`/`kwart` at token `j` (after `one`, `a`, `een`) is a share unless it
/// tells the time (`a quarter past six`, `kwart over drie`) or names a period (`in one quarter`,
/// `het eerste kwart`).
fn quarter_is_share(doc: &Doc, j: usize) -> bool {
    if !matches!(doc.low(j), "quarter" | "kwart") {
        return true;
    }
    let time = matches!(doc.low(j + 1), "past" | "to" | "over" | "voor");
    let period = j >= 2
        && matches!(
            doc.low(j - 2),
            "in" | "this" | "last" | "next" | "per" | "dit" | "vorig" | "volgend" | "elk"
        );
    !time && !period
}

/// `een kwart`, `a half`, `een vijfde van`: an article and a denominator.
fn article_fraction(doc: &Doc, t: &Scan, i: usize) -> Option<(f64, usize)> {
    if !has_word(t.articles, doc.low(i)) || !doc.is_word(i + 1) {
        return None;
    }
    let w = doc.low(i + 1);
    let (d, _) = (t.denominator)(w)?;
    let next_word = doc.is_word(i + 2).then(|| doc.low(i + 2));
    let ok = match w {
        "half" => true,
        "kwart" | "quarter" => quarter_is_share(doc, i + 1),
        _ => next_word.is_none_or(|n| {
            has_word(t.of_words, n)
                || n == "van"
                || lookup(t.magnitudes, n).is_some()
                // `een vijfde hoger`; `een tweede hoger beroep` is an ordinal.
                || (d >= 3.0 && has_word(t.comparatives, n))
        }),
    };
    ok.then_some((1.0 / d, i + 1))
}

/// `en een half`, `and three fifths`, `en driekwart` after the number ending at `last`; with
/// the magnitude written after the fraction, if any (`and a half million`).
fn fraction_tail(doc: &Doc, t: &Scan, last: usize) -> Option<(f64, usize, Option<f64>)> {
    let (f, l) = fraction_tail_plain(doc, t, last)?;
    match magnitude_at(doc, t, l + 1) {
        Some(m) => Some((f, l + 1, Some(m))),
        None => Some((f, l, None)),
    }
}

fn fraction_tail_plain(doc: &Doc, t: &Scan, last: usize) -> Option<(f64, usize)> {
    let j = last + 1;
    if !has_word(t.number_joiners, doc.low(j)) || !doc.is_word(j + 1) {
        return None;
    }
    if let Some((f, l)) = article_fraction(doc, t, j + 1) {
        return Some((f, l));
    }
    let n = t.number_at(doc, j + 1)?;
    if n.ordinal || n.multiplier {
        return None;
    }
    if n.value < 1.0 {
        return Some((n.value, j + 1));
    }
    let (d, plural) = (t.denominator)(doc.low(j + 2)).filter(|_| doc.is_word(j + 2))?;
    (t.split_ordinal_is_denominator || plural || n.value == 1.0).then_some((n.value / d, j + 2))
}

#[cfg(test)]
mod tests;
