//! English numbers: words, bounds and the words around them.

use super::{Accumulator, Bound, Tables, WordNumber, concat, is_multiplier, starts_with_any};

const CARDINALS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("nil", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    // Indian English: 1,00,000 and 1,00,00,000.
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// Irregular ordinals; the rest add `th` (`sixth`) or turn `y` into `ieth` (`twentieth`).
const ORDINALS: &[(&str, &str)] = &[
    ("first", "one"),
    ("second", "two"),
    ("third", "three"),
    ("fifth", "five"),
    ("eighth", "eight"),
    ("ninth", "nine"),
    ("twelfth", "twelve"),
];

fn cardinal(word: &str) -> Option<f64> {
    CARDINALS.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

fn ordinal_stem(word: &str) -> Option<f64> {
    if let Some(&(_, c)) = ORDINALS.iter().find(|(o, _)| *o == word) {
        return cardinal(c);
    }
    if let Some(stem) = word.strip_suffix("ieth") {
        return cardinal(concat(&mut [0; 64], stem, "y")?);
    }
    word.strip_suffix("th").and_then(cardinal)
}

/// One word, possibly hyphenated (`twenty-one`, `twenty-first`).
pub fn parse_word(word: &str) -> Option<WordNumber> {
    if word.is_empty() {
        return None;
    }
    let mut acc = Accumulator::default();
    let mut ordinal = false;
    let mut parts = word.split('-').peekable();
    while let Some(part) = parts.next() {
        let (v, ord) = match cardinal(part) {
            Some(v) => (v, false),
            None if parts.peek().is_none() => (ordinal_stem(part)?, true),
            None => return None,
        };
        ordinal = ord;
        let ok = if is_multiplier(v) || v == 1e5 || v == 1e7 {
            acc.multiply(v)
        } else {
            acc.add(v)
        };
        if !ok {
            return None;
        }
    }
    let v = acc.value();
    let multiplier = !word.contains('-') && !ordinal && (is_multiplier(v) || v == 1e5 || v == 1e7);
    Some(WordNumber {
        value: acc.value(),
        ordinal,
        multiplier,
    })
}

pub static TABLES: Tables = Tables {
    decimal_comma: false,
    parse_word,
    articles: &["a", "an"],
    number_joiners: &["and"],
    vague: &[
        ("dozens", 24.0, 99.0),
        ("scores", 40.0, 99.0),
        ("hundreds", 200.0, 999.0),
        ("thousands", 2000.0, 9999.0),
        ("millions", 2e6, 9.99e8),
        ("billions", 2e9, 9.99e11),
    ],
    magnitudes: &[
        ("hundred", 1e2),
        ("dozen", 12.0),
        ("dozens", 12.0),
        ("thousand", 1e3),
        ("thousands", 1e3),
        ("bln", 1e9),
        ("tln", 1e12),
        ("lakh", 1e5),
        ("lakhs", 1e5),
        ("lkh", 1e5),
        ("lkhs", 1e5),
        ("lac", 1e5),
        ("lacs", 1e5),
        ("crore", 1e7),
        ("crores", 1e7),
        ("krore", 1e7),
        ("krores", 1e7),
        ("koti", 1e7),
        ("dz", 12.0),
        ("dzs", 12.0),
        ("doz", 12.0),
        ("dozs", 12.0),
        ("millions", 1e6),
        ("billions", 1e9),
        ("million", 1e6),
        ("mln", 1e6),
        ("mn", 1e6),
        ("billion", 1e9),
        ("bn", 1e9),
        ("trillion", 1e12),
        ("tn", 1e12),
    ],
    glued_magnitudes: &[
        ("k", 1e3),
        ("m", 1e6),
        ("mn", 1e6),
        ("bn", 1e9),
        ("b", 1e9),
        ("tn", 1e12),
    ],
    ordinal_suffixes: &["st", "nd", "rd", "th"],
    percent_words: &[
        "percent",
        "per-cent",
        "pct",
        "percents",
        "percentage",
        "percentage-point",
        "percentage-points",
    ],
    currency_words: &[
        ("euro", "EUR"),
        ("euros", "EUR"),
        ("dollar", "USD"),
        ("dollars", "USD"),
        ("pound", "GBP"),
        ("pounds", "GBP"),
        ("eur", "EUR"),
        ("usd", "USD"),
        ("gbp", "GBP"),
    ],
    approximators: &[
        (&["no", "less", "than"], Bound::AtLeast),
        (&["no", "fewer", "than"], Bound::AtLeast),
        (&["not", "less", "than"], Bound::AtLeast),
        (&["no", "more", "than"], Bound::AtMost),
        (&["not", "more", "than"], Bound::AtMost),
        (&["less", "than", "or", "equal", "to"], Bound::AtMost),
        (&["more", "than", "or", "equal", "to"], Bound::AtLeast),
        (&["greater", "than", "or", "equal", "to"], Bound::AtLeast),
        (&["at", "least", "or", "equal", "to"], Bound::AtLeast),
        (&["higher", "or", "equal", "than"], Bound::AtLeast),
        (&["bigger", "or", "equal", "than"], Bound::AtLeast),
        (&["greater", "or", "equal", "than"], Bound::AtLeast),
        (&["larger", "or", "equal", "than"], Bound::AtLeast),
        (&["less", "or", "equal", "than"], Bound::AtMost),
        (&["smaller", "or", "equal", "than"], Bound::AtMost),
        (&["lower", "or", "equal", "than"], Bound::AtMost),
        (&["more", "than"], Bound::AtLeast),
        (&["greater", "than"], Bound::AtLeast),
        (&["larger", "than"], Bound::AtLeast),
        (&["bigger", "than"], Bound::AtLeast),
        (&["higher", "than"], Bound::AtLeast),
        (&["smaller", "than"], Bound::AtMost),
        (&["lower", "than"], Bound::AtMost),
        (&["in", "excess", "of"], Bound::AtLeast),
        (&["exceeding"], Bound::AtLeast),
        (&["exceed"], Bound::AtLeast),
        (&["exceeds"], Bound::AtLeast),
        (&["surpass"], Bound::AtLeast),
        (&["above"], Bound::AtLeast),
        (&["below"], Bound::AtMost),
        (&["under"], Bound::AtMost),
        (&[">", "="], Bound::AtLeast),
        (&["<", "="], Bound::AtMost),
        (&[">"], Bound::AtLeast),
        (&["<"], Bound::AtMost),
        (&["≥"], Bound::AtLeast),
        (&["≤"], Bound::AtMost),
        (&["at", "least"], Bound::AtLeast),
        (&["fewer", "than"], Bound::AtMost),
        (&["less", "than"], Bound::AtMost),
        (&["up", "to"], Bound::AtMost),
        (&["at", "most"], Bound::AtMost),
        (&["over"], Bound::AtLeast),
        (&["nearly"], Bound::AtMost),
        (&["almost"], Bound::AtMost),
        (&["about"], Bound::About),
        (&["around"], Bound::About),
        (&["approximately"], Bound::About),
        (&["roughly"], Bound::About),
        (&["some"], Bound::About),
        (&["circa"], Bound::About),
        (&["ca"], Bound::About),
    ],
    months: &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ],
    year_words: &[
        "in", "since", "until", "till", "by", "from", "to", "of", "before", "after", "during",
        "year",
    ],
    time_words: &["am", "pm", "h", "hrs", "o'clock", "a.m", "p.m"],
    ordinal_skip: &["first", "second"],
    pronoun_markers: &[
        "no", "any", "every", "some", "each", "which", "this", "that", "the",
    ],
    not_units: &[
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "per",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "they",
        "them",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "no",
        "more",
        "less",
        "than",
        "as",
        "so",
        "but",
        "if",
        "out",
        "over",
        "through",
        "last",
        "next",
        "worth",
        "long",
        "old",
        "high",
        "wide",
        "deep",
        "tall",
        "each",
        "today",
        "since",
        "until",
        "after",
        "before",
        "when",
        "because",
        "other",
        "another",
        "such",
        "own",
        "then",
        "now",
        "only",
        "just",
        "also",
        "again",
        "still",
        "yesterday",
        "tomorrow",
        "while",
        "ago",
        "later",
        "earlier",
        "percent",
        "said",
        "says",
    ],
    of_words: &["of"],
    verb_shape,
    denominator,
    split_ordinal_is_denominator: false,
    unit_and_tens: false,
    negators: &["minus", "negative"],
    range_openers: &[&["between", "the"], &["between"], &["from"]],
    range_and: &[&["and", "the"], &["and"]],
    range_to: &[&["through"], &["to"], &["-"], &["–"], &["~"]],
    bound_joiners: &[&[",", "but"], &["and"], &["but"]],
    ratio_words: &[&["out", "of"], &["in"], &["over"]],
    post_bounds: &[
        (&["or", "more"], Bound::AtLeast),
        (&["or", "greater"], Bound::AtLeast),
        (&["or", "higher"], Bound::AtLeast),
        (&["or", "above"], Bound::AtLeast),
        (&["and", "more"], Bound::AtLeast),
        (&["or", "less"], Bound::AtMost),
        (&["or", "fewer"], Bound::AtMost),
        (&["or", "lower"], Bound::AtMost),
        (&["or", "below"], Bound::AtMost),
    ],
    cent_words: &["cent", "cents"],
    label_words: &[
        "article",
        "art",
        "section",
        "no",
        "nr",
        "page",
        "chapter",
        "paragraph",
        "route",
        "line",
        "platform",
        "exit",
        "room",
        "gate",
    ],
    clock_words: &["at", "around", "until", "from", "since", "by"],
    estimate_suffixes: &[],
    times_suffixes: &[],
    suffix_exceptions: &[],
    lone_numbers: &[],
    idioms: &[
        &["on", "cloud", "nine"],
        &["in", "two", "minds"],
        &["of", "two", "minds"],
        &["two", "and", "two", "together"],
    ],
    collectives: &[],
    collective_markers: &[],
    comparatives: &[
        "higher", "lower", "more", "less", "larger", "bigger", "smaller", "cheaper",
    ],
    or_words: &["or"],
    comma_ranges: false,
    units_before: &[],
    rate_words: &["per"],
    bound_gaps: &[],
    weekdays: &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ],
    may_start,
    change_words: &[
        ("doubled", 2.0),
        ("doubling", 2.0),
        ("tripled", 3.0),
        ("tripling", 3.0),
        ("trebled", 3.0),
        ("quadrupled", 4.0),
        ("quadrupling", 4.0),
        ("halved", 0.5),
        ("halving", 0.5),
    ],
};

/// `third` → 3, `quarters` → 4 (plural), `half` → 2; `first` and `second` never are.
fn denominator(word: &str) -> Option<(f64, bool)> {
    match word {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        "first" | "second" | "firsts" | "seconds" => return None,
        _ => {}
    }
    let (w, plural) = match word.strip_suffix('s') {
        Some(w) => (w, true),
        None => (word, false),
    };
    parse_word(w)
        .filter(|n| n.ordinal && n.value >= 2.0)
        .map(|n| (n.value, plural))
}

/// Past tenses and participles (`marched`, `burning`) follow a count as its verb, not its noun.
/// Nouns of that shape (`wounded`, `building`) are the price of the rule.
fn verb_shape(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing"))
}

/// The first three letters of every word that can start an English quantity: number words
/// and ordinals, fractions, vague plurals, changes, and URLs. Sorted, for a binary search.
pub(super) const STARTS: &[[u8; 3]] = &[
    *b"bil", *b"cro", *b"dou", *b"doz", *b"eig", *b"ele", *b"fif", *b"fiv", *b"fou", *b"hal",
    *b"htt", *b"hun", *b"lak", *b"mil", *b"nau", *b"nil", *b"nin", *b"nou", *b"one", *b"qua",
    *b"sco", *b"sev", *b"six", *b"ten", *b"thi", *b"tho", *b"thr", *b"tre", *b"tri", *b"twe",
    *b"two", *b"www", *b"zer",
];

/// `STARTS` as a table.
const START_SET: super::PrefixSet = super::prefix_set(STARTS);

fn may_start(w: &str) -> bool {
    match w.as_bytes() {
        // The articles `a`, `an`; `forty`, `fortieth`, not `for`, `form`.
        b"a" | b"an" => true,
        [b'f', b'o', b'r', rest @ ..] => rest.first() == Some(&b't'),
        _ => starts_with_any(w, &START_SET),
    }
}
