#![cfg(not(target_arch = "wasm32"))]
//! The analysis in slices (`engine::Stepper`, the widget's path) equals the whole-text analysis
//! (`engine::analyze`, the CLI's, the scorer's and every quality figure's), claim for claim and
//! byte for byte, whatever the steps' budgets: on the seed article and the real Dutch news
//! (read from ../shared when present), every dev-set and golden article, and long texts (the
//! dev set run together, and generated reports with interviews, quotes and pronouns).

use claimlens::engine::{Analysis, Lang, Stepper, analyze};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// Budgets of a step (tokens), each run applied in turn, cycling: a fixed one, or mixed.
const BUDGETS: &[&[usize]] = &[
    &[1],
    &[7],
    &[64],
    &[1000],
    &[usize::MAX],
    &[1, 1000, 7, 3, 250],
];

fn stepped(text: &str, lang: Option<Lang>, budgets: &[usize]) -> (Analysis, usize) {
    let mut s = Stepper::new(text.to_string(), lang);
    let mut steps = 0;
    while !s.step(budgets[steps % budgets.len()]) {
        steps += 1;
    }
    let (analysis, back) = s.finish();
    assert_eq!(back, text, "the stepper gives its text back unchanged");
    (analysis, steps + 1)
}

/// Asserts the stepped analyses of `text` equal its whole-text analysis, for every budget.
fn check(name: &str, text: &str, lang: Option<Lang>) {
    let whole = analyze(text, lang);
    let want = format!("{whole:?}");
    for budgets in BUDGETS {
        let (got, steps) = stepped(text, lang, budgets);
        assert_eq!(got, whole, "{name}: budgets {budgets:?}");
        assert_eq!(
            format!("{got:?}"),
            want,
            "{name}: budgets {budgets:?} (byte for byte)"
        );
        if budgets == &[1] && text.len() > 8 * 1024 {
            assert!(
                steps > 100,
                "{name}: {steps} steps of budget 1 is no slicing"
            );
        }
    }
}

fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .map(|p| {
                    let text = std::fs::read_to_string(&p).expect("readable text");
                    (p.display().to_string(), text)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn devset() -> Vec<(String, String)> {
    let texts = texts_in(&root().join("tests/devset"));
    assert!(texts.len() >= 20, "the dev set is there");
    texts
}

#[test]
fn devset_and_golden_articles() {
    let golden = texts_in(&root().join("tests/golden"));
    assert!(!golden.is_empty(), "the golden texts are there");
    for (name, text) in devset().iter().chain(&golden) {
        check(name, text, None);
    }
}

#[test]
fn seed_and_real_news() {
    let shared = root().join("../shared/corpus");
    let mut texts = texts_in(&shared);
    texts.extend(texts_in(&shared.join("real-nl")));
    if texts.is_empty() {
        println!("note: ../shared/corpus not found; seed and real-news texts skipped");
    }
    for (name, text) in &texts {
        check(name, text, None);
    }
}

#[test]
fn long_texts_run_together() {
    let dev = devset();
    for prefix in ["nl-", "en-"] {
        let text = dev
            .iter()
            .filter(|(n, _)| {
                Path::new(n)
                    .file_name()
                    .is_some_and(|f| f.to_string_lossy().starts_with(prefix))
            })
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        assert!(text.len() > 16 * 1024, "{prefix}: {} bytes", text.len());
        check(&format!("dev set {prefix}* run together"), &text, None);
    }
    // Both languages in one text, analysed in each.
    let all = dev
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    check("the whole dev set, as Dutch", &all, Some(Lang::Nl));
    check("the whole dev set, as English", &all, Some(Lang::En));
}

/// A tiny deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const NL: &[&str] = &[
    "Minister Karin de Vries van Financiën zegt dat de kosten met 12 procent stijgen.",
    "Zij verwacht dat 3,5 miljoen huishoudens volgend jaar minder betalen.",
    ",,Dit is een historische stap”, zei ze dinsdag tegen verslaggevers.",
    ",,We hebben er jaren op gewacht.”",
    "Het ministerie meldt dat ruim 40.000 aanvragen zijn ingediend.",
    "Volgens de politie raakten zeker 14 mensen gewond.",
    "Dat meldt de NOS.",
    "Hij noemt het plan ‘onzin’.",
    "De woordvoerder van de gemeente Utrecht laat weten dat er 250 woningen bij komen.",
    "Het weer was die dag somber en de straten waren leeg.",
    "V: Hoeveel kost het plan?",
    "A: Ongeveer 2 miljard euro per jaar. Dat is veel geld.",
    "Burgemeester Jansen reageert fel.",
    "De vereniging wijst erop dat de helft van de leden stopt.",
    "In 2023 daalde het aantal bezoekers tot 1,2 miljoen, aldus het CBS.",
];

const EN: &[&str] = &[
    "Finance Minister Karen Davis said costs would rise by 12 percent.",
    "She expects 3.5 million households to pay less next year.",
    "\"This is a historic step,\" she told reporters on Tuesday.",
    "\"We have waited years for it.\"",
    "The ministry said more than 40,000 applications had been filed.",
    "According to police, at least 14 people were injured.",
    "He called the plan \"nonsense\".",
    "A spokesman for the city council said 250 homes would be added.",
    "The weather that day was grim and the streets were empty.",
    "Q: How much does the plan cost?",
    "A: About $2 billion a year. That is a lot of money.",
    "Mayor Johnson reacted sharply.",
    "The association pointed out that half of its members would quit.",
    "In 2023 the number of visitors fell to 1.2 million, the agency reported.",
];

fn generated(rng: &mut Rng, words: &[&str], bytes: usize) -> String {
    let mut out = String::new();
    while out.len() < bytes {
        for _ in 0..(1 + rng.next() % 5) {
            out.push_str(rng.pick(words));
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

#[test]
fn long_generated_texts() {
    let mut rng = Rng(0x5EED_CAFE);
    for (lang, words) in [(Lang::Nl, NL), (Lang::En, EN)] {
        for bytes in [9 * 1024, 40 * 1024] {
            let text = generated(&mut rng, words, bytes);
            check(&format!("{lang:?} generated, {bytes} bytes"), &text, None);
            check(
                &format!("{lang:?} generated, {bytes} bytes, stated"),
                &text,
                Some(lang),
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any text of the generator's sentences, any budgets.
    #[test]
    fn any_budgets(
        picks in prop::collection::vec((0usize..NL.len(), any::<bool>()), 0..120),
        en in any::<bool>(),
        budgets in prop::collection::vec(1usize..300, 1..6),
    ) {
        let words = if en { EN } else { NL };
        let mut text = String::new();
        for (k, para) in picks {
            text.push_str(words[k % words.len()]);
            text.push_str(if para { "\n\n" } else { " " });
        }
        let (got, _) = stepped(&text, None, &budgets);
        prop_assert_eq!(format!("{got:?}"), format!("{:?}", analyze(&text, None)));
    }
}
