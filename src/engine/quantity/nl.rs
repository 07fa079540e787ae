//! Dutch numbers: words, compounds, bounds and the words around them.

use super::{Bound, Tables, WordNumber, is_multiplier, parse_compound};

/// Number morphemes; compounds are written as one word (`driehonderddrieënvijftig`).
/// `een` is here for compounds (`eenentwintig`, `honderdeen`); alone it is the article.
const MORPHEMES: &[(&str, f64)] = &[
    ("nul", 0.0),
    ("een", 1.0),
    ("één", 1.0),
    ("twee", 2.0),
    ("drie", 3.0),
    ("vier", 4.0),
    ("vijf", 5.0),
    ("zes", 6.0),
    ("zeven", 7.0),
    ("acht", 8.0),
    ("negen", 9.0),
    ("tien", 10.0),
    ("elf", 11.0),
    ("twaalf", 12.0),
    ("dertien", 13.0),
    ("veertien", 14.0),
    ("vijftien", 15.0),
    ("zestien", 16.0),
    ("zeventien", 17.0),
    ("achttien", 18.0),
    ("negentien", 19.0),
    ("twintig", 20.0),
    ("dertig", 30.0),
    ("veertig", 40.0),
    ("vijftig", 50.0),
    ("zestig", 60.0),
    ("zeventig", 70.0),
    ("tachtig", 80.0),
    ("negentig", 90.0),
    ("honderd", 100.0),
    ("duizend", 1000.0),
    ("miljoen", 1e6),
    ("miljard", 1e9),
    ("biljoen", 1e12),
];

/// Joins a unit to the tens word after it: `eenentwintig`, `tweeëntwintig` (also unaccented).
const UNIT_TENS_JOINERS: &[&str] = &["ën", "en"];

/// Irregular ordinals, and the cardinal their stem stands for.
const ORDINAL_STEMS: &[(&str, &str)] = &[("eerste", "een"), ("derde", "drie")];
/// Regular ordinal endings: `achtste`, `twintigste`, `vierde`, `tiende`.
const ORDINAL_ENDINGS: &[&str] = &["ste", "de"];

pub fn parse_word(word: &str) -> Option<WordNumber> {
    if word.is_empty() || word == "een" || word == "en" {
        return None;
    }
    let cardinal = |w: &str| parse_compound(w, MORPHEMES, UNIT_TENS_JOINERS);
    if let Some(v) = cardinal(word) {
        return Some(WordNumber {
            value: v,
            ordinal: false,
            multiplier: is_multiplier(v) && MORPHEMES.iter().any(|(m, _)| *m == word),
        });
    }
    for (ending, stem) in ORDINAL_STEMS {
        if let Some(prefix) = word.strip_suffix(ending) {
            let whole = format!("{prefix}{stem}");
            if let Some(v) = cardinal(&whole) {
                return Some(WordNumber {
                    value: v,
                    ordinal: true,
                    multiplier: false,
                });
            }
        }
    }
    for ending in ORDINAL_ENDINGS {
        if let Some(prefix) = word
            .strip_suffix(ending)
            .filter(|p| !p.is_empty() && *p != "een")
            && let Some(v) = cardinal(prefix)
        {
            return Some(WordNumber {
                value: v,
                ordinal: true,
                multiplier: false,
            });
        }
    }
    None
}

pub static TABLES: Tables = Tables {
    decimal_comma: true,
    parse_word,
    articles: &["een"],
    number_joiners: &["en"],
    vague: &[
        ("tientallen", 20.0, 99.0),
        ("honderden", 200.0, 999.0),
        ("duizenden", 2000.0, 9999.0),
        ("tienduizenden", 20_000.0, 99_999.0),
        ("honderdduizenden", 200_000.0, 999_999.0),
        ("miljoenen", 2e6, 9.99e8),
    ],
    magnitudes: &[
        ("duizend", 1e3),
        ("miljoen", 1e6),
        ("mln", 1e6),
        ("miljard", 1e9),
        ("mld", 1e9),
        ("mrd", 1e9),
        ("biljoen", 1e12),
    ],
    glued_magnitudes: &[
        ("k", 1e3),
        ("m", 1e6),
        ("mln", 1e6),
        ("mld", 1e9),
        ("mrd", 1e9),
        ("bn", 1e9),
    ],
    ordinal_suffixes: &["e", "ste", "de"],
    percent_words: &["procent", "percent", "pct", "procentpunt", "procentpunten"],
    currency_words: &[
        ("euro", "EUR"),
        ("dollar", "USD"),
        ("dollars", "USD"),
        ("pond", "GBP"),
        ("eur", "EUR"),
        ("usd", "USD"),
    ],
    approximators: &[
        (&["ten", "minste"], Bound::AtLeast),
        (&["meer", "dan"], Bound::AtLeast),
        (&["minder", "dan"], Bound::AtMost),
        (&["ten", "hoogste"], Bound::AtMost),
        (&["ruim"], Bound::AtLeast),
        (&["minstens"], Bound::AtLeast),
        (&["minimaal"], Bound::AtLeast),
        (&["tenminste"], Bound::AtLeast),
        (&["bijna"], Bound::AtMost),
        (&["nagenoeg"], Bound::AtMost),
        (&["maximaal"], Bound::AtMost),
        (&["hooguit"], Bound::AtMost),
        (&["zo'n"], Bound::About),
        (&["ongeveer"], Bound::About),
        (&["circa"], Bound::About),
        (&["ca"], Bound::About),
        (&["rond"], Bound::About),
        (&["omstreeks"], Bound::About),
        (&["pakweg"], Bound::About),
        (&["zowat"], Bound::About),
    ],
    months: &[
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
        "jan",
        "feb",
        "mrt",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dec",
    ],
    year_words: &[
        "in", "sinds", "sedert", "tot", "vanaf", "na", "voor", "rond", "eind", "begin", "medio",
        "jaar", "uit", "van",
    ],
    time_words: &["uur", "u"],
    ordinal_skip: &["eerste"],
    pronoun_markers: &[],
    not_units: &[
        "van", "de", "het", "een", "en", "of", "in", "op", "aan", "bij", "met", "voor", "naar",
        "uit", "tot", "om", "over", "door", "per", "tegen", "na", "is", "zijn", "was", "waren",
        "wordt", "worden", "werd", "werden", "heeft", "hebben", "had", "hadden", "zou", "zouden",
        "kan", "kunnen", "moet", "moeten", "zal", "zullen", "die", "dat", "dit", "deze", "er",
        "ook", "nog", "al", "niet", "geen", "wel", "maar", "dan", "als", "te", "zo", "meer",
        "minder", "later", "eerder", "geleden", "daarvan", "hen", "hun", "ze", "zij", "we", "wij",
        "hij", "ik", "jij", "u", "uur",
    ],
    of_words: &[],
    verb_shape,
};

/// Separable particles before `ge` in a participle: `uitgegeven`, `aangekomen`.
const PARTICLES: &[&str] = &[
    "", "uit", "op", "aan", "af", "in", "om", "door", "mee", "terug", "toe", "weg", "binnen",
    "dood",
];

/// Past participles in -d/-t (`gewond`, `geraakt`, `uitgebreid`). Participles in -en are left
/// alone: `gewonden`, `gevangenen` are nouns of the same shape.
fn verb_shape(word: &str) -> bool {
    (word.ends_with('d') || word.ends_with('t'))
        && PARTICLES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|r| r.starts_with("ge") && r.len() > 4)
        })
}
