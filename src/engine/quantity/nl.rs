//! Dutch numbers: words, compounds, bounds and the words around them.

use super::{Bound, Tables, WordNumber, concat, is_multiplier, parse_compound, starts_with_any};

/// Number morphemes; compounds are written as one word (`driehonderddrieënvijftig`).
/// `een` is here for compounds (`eenentwintig`, `honderdeen`); alone it is the article.
const MORPHEMES: &[(&str, f64)] = &[
    ("nul", 0.0),
    ("een", 1.0),
    ("één", 1.0),
    // `Eén` at the start of a sentence lowercases to `eén`.
    ("eén", 1.0),
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
    if let Some(v) = fraction_word(word) {
        return Some(WordNumber {
            value: v,
            ordinal: false,
            multiplier: false,
        });
    }
    if let Some(v) = cardinal(word) {
        return Some(WordNumber {
            value: v,
            ordinal: false,
            multiplier: is_multiplier(v) && MORPHEMES.iter().any(|(m, _)| *m == word),
        });
    }
    for (ending, stem) in ORDINAL_STEMS {
        if let Some(prefix) = word.strip_suffix(ending) {
            let mut buf = [0; 64];
            if let Some(v) = concat(&mut buf, prefix, stem).and_then(cardinal) {
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
        ("miljarden", 2e9, 9.99e11),
    ],
    magnitudes: &[
        ("honderd", 1e2),
        ("dozijn", 12.0),
        ("dozijnen", 12.0),
        ("gros", 144.0),
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
    percent_words: &[
        "procent",
        "percent",
        "pct",
        "procentpunt",
        "procentpunten",
        "percentage",
        "percentagepunt",
        "percentagepunten",
    ],
    currency_words: &[
        ("euro", "EUR"),
        ("dollar", "USD"),
        ("dollars", "USD"),
        ("pond", "GBP"),
        ("eur", "EUR"),
        ("usd", "USD"),
    ],
    approximators: &[
        (&["niet", "minder", "dan"], Bound::AtLeast),
        (&["niet", "meer", "dan"], Bound::AtMost),
        (&["niet", "meer", "als"], Bound::AtMost),
        (&["niet", "kleiner", "als"], Bound::AtLeast),
        (&["niet", "kleiner", "dan"], Bound::AtLeast),
        (&["minder", "dan", "of", "gelijk", "aan"], Bound::AtMost),
        (&["meer", "dan", "of", "gelijk", "aan"], Bound::AtLeast),
        (&["minstens", "of", "gelijk", "aan"], Bound::AtLeast),
        (&["hoger", "of", "gelijk", "aan"], Bound::AtLeast),
        (&["groter", "of", "gelijk", "aan"], Bound::AtLeast),
        (&["lager", "of", "gelijk", "aan"], Bound::AtMost),
        (&["kleiner", "of", "gelijk", "aan"], Bound::AtMost),
        (&["kleiner", "of", "gelijk", "dan"], Bound::AtMost),
        (&["groter", "of", "gelijk", "dan"], Bound::AtLeast),
        (&["op", "zijn", "minst"], Bound::AtLeast),
        (&["op", "z'n", "minst"], Bound::AtLeast),
        (&["fors", "meer", "dan"], Bound::AtLeast),
        (&["ten", "minste"], Bound::AtLeast),
        (&["hoger", "dan"], Bound::AtLeast),
        (&["groter", "dan"], Bound::AtLeast),
        (&["hoger", "als"], Bound::AtLeast),
        (&["groter", "als"], Bound::AtLeast),
        (&["groter", "is", "dan"], Bound::AtLeast),
        (&["meer", "als"], Bound::AtLeast),
        (&["kleiner", "dan"], Bound::AtMost),
        (&["lager", "dan"], Bound::AtMost),
        (&["kleiner", "als"], Bound::AtMost),
        (&["lager", "als"], Bound::AtMost),
        (&["minder", "als"], Bound::AtMost),
        (&["boven"], Bound::AtLeast),
        (&["onder", "de"], Bound::AtMost),
        (&["maximum"], Bound::AtMost),
        (&["minimum"], Bound::AtLeast),
        (&[">", "="], Bound::AtLeast),
        (&["<", "="], Bound::AtMost),
        (&[">"], Bound::AtLeast),
        (&["<"], Bound::AtMost),
        (&["≥"], Bound::AtLeast),
        (&["≤"], Bound::AtMost),
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
        (&["grofweg"], Bound::About),
        (&["ruwweg"], Bound::About),
        (&["grosso", "modo"], Bound::About),
        (&["een", "kleine"], Bound::AtMost),
        (&["een", "krappe"], Bound::AtMost),
        (&["krap"], Bound::AtMost),
        (&["een", "goede"], Bound::AtLeast),
        (&["een", "dikke"], Bound::AtLeast),
        (&["zeker"], Bound::AtLeast),
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
        "hij", "ik", "jij", "u", "waard", "lang", "oud", "hoog", "breed", "diep", "zwaar", "groot",
        "klein", "extra", "vandaag", "gisteren", "morgen", "terwijl",
    ],
    of_words: &[],
    verb_shape,
    denominator,
    split_ordinal_is_denominator: true,
    unit_and_tens: true,
    negators: &["min", "minus"],
    range_openers: &[&["tussen", "de"], &["tussen"], &["van"]],
    range_and: &[&["en", "de"], &["en"]],
    range_to: &[
        &["tot", "en", "met"],
        &["t", "/", "m"],
        &["tot"],
        &["-"],
        &["–"],
        &["~"],
    ],
    bound_joiners: &[&[",", "maar"], &["en"], &["maar"]],
    ratio_words: &[&["op", "de"], &["op"], &["uit", "de"], &["uit"]],
    post_bounds: &[
        (&["of", "meer"], Bound::AtLeast),
        (&["of", "hoger"], Bound::AtLeast),
        (&["of", "groter"], Bound::AtLeast),
        (&["en", "meer"], Bound::AtLeast),
        (&["of", "minder"], Bound::AtMost),
        (&["of", "lager"], Bound::AtMost),
        (&["of", "kleiner"], Bound::AtMost),
    ],
    cent_words: &["cent", "eurocent"],
    label_words: &[
        "artikel",
        "art",
        "nummer",
        "nr",
        "lid",
        "pagina",
        "blz",
        "hoofdstuk",
        "paragraaf",
        "lijn",
        "huisnummer",
        "kamer",
        "perron",
        "spoor",
        "afrit",
    ],
    clock_words: &["om", "rond", "omstreeks", "tegen", "vanaf", "tot", "sinds"],
    estimate_suffixes: &["tal"],
    times_suffixes: &["maal"],
    suffix_exceptions: &["elftal", "eenmaal"],
    lone_numbers: &[("eentje", 1.0)],
    idioms: &[
        &["met", "één", "mond"],
        &["met", "eén", "mond"],
        &["op", "één", "lijn"],
        &["in", "één", "adem"],
        &["uit", "één", "stuk"],
        &["onder", "vier", "ogen"],
        &["met", "twee", "maten"],
        &["op", "twee", "gedachten"],
        &["van", "twee", "walletjes"],
        &["vijf", "voor", "twaalf"],
        &["in", "m'n", "eentje"],
        &["in", "mijn", "eentje"],
        &["in", "z'n", "eentje"],
        &["in", "zijn", "eentje"],
        &["in", "haar", "eentje"],
        &["in", "je", "eentje"],
    ],
    collectives: &[
        ("tweeën", 2.0),
        ("drieën", 3.0),
        ("vieren", 4.0),
        ("vijven", 5.0),
        ("zessen", 6.0),
        ("zevenen", 7.0),
        ("achten", 8.0),
        ("negenen", 9.0),
        ("tienen", 10.0),
        ("elven", 11.0),
        ("twaalven", 12.0),
    ],
    collective_markers: &[
        "z'n", "z’n", "zijn", "m'n", "m’n", "mijn", "ons", "hun", "jullie",
    ],
    comparatives: &[
        "hoger",
        "lager",
        "meer",
        "minder",
        "groter",
        "kleiner",
        "duurder",
        "goedkoper",
        "sneller",
        "trager",
    ],
    or_words: &["of"],
    comma_ranges: true,
    units_before: &["windkracht"],
    rate_words: &["per"],
    bound_gaps: &["uit", "op"],
    weekdays: &[
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "ma",
        "di",
        "wo",
        "do",
        "vr",
        "za",
        "zo",
    ],
    may_start,
    change_words: &[
        ("verdubbeling", 2.0),
        ("verdubbeld", 2.0),
        ("verdubbelde", 2.0),
        ("verdubbelden", 2.0),
        ("verdubbelen", 2.0),
        ("verdubbelt", 2.0),
        ("verdrievoudiging", 3.0),
        ("verdrievoudigd", 3.0),
        ("verdrievoudigde", 3.0),
        ("verviervoudigd", 4.0),
        ("verviervoudiging", 4.0),
        ("verdriedubbeld", 3.0),
        ("halvering", 0.5),
        ("gehalveerd", 0.5),
        ("halveerde", 0.5),
        ("halveerden", 0.5),
        ("halveren", 0.5),
        ("halveert", 0.5),
    ],
};

/// `derde` → 3, `kwart` → 4, `achtsten` → 8 (plural); `eerste` is never a denominator.
fn denominator(word: &str) -> Option<(f64, bool)> {
    match word {
        "half" | "halve" => return Some((2.0, false)),
        "kwart" => return Some((4.0, false)),
        "kwarten" => return Some((4.0, true)),
        "eerste" | "eersten" => return None,
        _ => {}
    }
    let (w, plural) = match word.strip_suffix('n') {
        Some(w) if w.ends_with("ste") || w.ends_with("de") => (w, true),
        _ => (word, false),
    };
    parse_word(w)
        .filter(|n| n.ordinal && n.value >= 2.0)
        .map(|n| (n.value, plural))
}

/// `anderhalf`, `tweeënhalf`, `driekwart`: one word that is a number with a fraction.
fn fraction_word(word: &str) -> Option<f64> {
    if word == "anderhalf" || word == "anderhalve" {
        return Some(1.5);
    }
    for half in ["ënhalf", "enhalf", "ënhalve", "enhalve"] {
        if let Some(p) = word.strip_suffix(half) {
            return parse_compound(p, MORPHEMES, UNIT_TENS_JOINERS).map(|v| v + 0.5);
        }
    }
    let p = word.strip_suffix("kwart").filter(|p| !p.is_empty())?;
    parse_compound(p, MORPHEMES, UNIT_TENS_JOINERS)
        .filter(|v| *v < 4.0)
        .map(|v| v * 0.25)
}

/// Separable particles before `ge` in a participle: `uitgegeven`, `aangekomen`.
const PARTICLES: &[&str] = &[
    "", "uit", "op", "aan", "af", "in", "om", "door", "mee", "terug", "toe", "weg", "binnen",
    "dood",
];

/// Past participles in -d/-t (`gewond`, `geraakt`, `uitgebreid`). Participles in -en are left
/// alone: `gewonden`, `gevangenen` are nouns of the same shape.
fn verb_shape(word: &str) -> bool {
    // `lichtgewond`, `zwaargewond`: adverb + participle; `ernstig`, `afhankelijk`,
    // `mogelijke`: adjectives, which never name what is counted.
    if word.ends_with("gewond")
        || [
            "ig", "ige", "lijk", "lijke", "isch", "ische", "baar", "bare",
        ]
        .iter()
        .any(|s| word.ends_with(s))
    {
        return true;
    }
    (word.ends_with('d') || word.ends_with('t'))
        && PARTICLES.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|r| r.starts_with("ge") && r.len() > 4)
        })
}

/// The first three letters of every word that can start a Dutch quantity: number words and
/// ordinals, fractions, vague plurals, changes, the article `een`, and URLs (`http`, `www`).
/// Sorted, for a binary search.
pub(super) const STARTS: &[[u8; 3]] = &[
    *b"ach", *b"and", *b"bil", *b"der", *b"doz", *b"dri", *b"dui", *b"een", *b"elf", *b"elv",
    *b"geh", *b"gro", *b"hal", *b"hel", *b"hon", *b"htt", *b"kwa", *b"mil", *b"neg", *b"nul",
    *b"tac", *b"tie", *b"twa", *b"twe", *b"twi", *b"vee", *b"ver", *b"vie", *b"vij", *b"www",
    *b"zes", *b"zev",
];

/// `STARTS` as a table.
const START_SET: super::PrefixSet = super::prefix_set(STARTS);

fn may_start(w: &str) -> bool {
    starts_with_any(w, &START_SET)
}
