//! Throughput of `engine::analyze` on generated Dutch and English article text.
//!
//! Run with `cargo run --release --example bench_engine`. The text is generated
//! deterministically (a fixed-seed xorshift), with the density of numbers, quotes and
//! attribution cues of a news report (about five quantities per KB, as in the project's
//! dev-set articles), so runs compare like with like.

use claimlens::engine::{Lang, analyze};
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The CLI's allocator (mimalloc, see Cargo.toml), counting live and peak heap bytes: the
/// engine's working set on each text, as a multiple of the text's size (the widget's budget is
/// 10× in wasm memory).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `MiMalloc` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { MiMalloc.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { MiMalloc.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // The old and the new block are both live while the contents move.
        let live = LIVE.fetch_add(new, Relaxed) + new;
        PEAK.fetch_max(live, Relaxed);
        let q = unsafe { MiMalloc.realloc(p, l, new) };
        LIVE.fetch_sub(l.size(), Relaxed);
        q
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

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
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const NL_SUBJECTS: &[&str] = &[
    "De minister",
    "Een woordvoerder van de politie",
    "De burgemeester",
    "Het ministerie",
    "De vakbond",
    "Een onderzoeker van de universiteit",
    "De gemeente",
    "Zij",
];
const NL_CUES: &[&str] = &["zegt", "meldt", "laat weten", "verklaarde", "schrijft"];
const NL_NOUNS: &[&str] = &[
    "agenten",
    "woningen",
    "inwoners",
    "demonstranten",
    "euro",
    "procent",
    "kilometer",
    "gewonden",
    "jaar",
    "bussen",
];
const NL_BOUNDS: &[&str] = &[
    "ruim", "bijna", "zo'n", "meer dan", "ongeveer", "minstens", "",
];
const NL_WORDS: &[&str] = &[
    "tientallen",
    "honderden",
    "drieënveertig",
    "twee",
    "anderhalf miljoen",
    "een derde van de",
];
const NL_FILLER: &[&str] = &[
    "Dat bleek dinsdag uit cijfers die het kabinet naar de Tweede Kamer stuurde.",
    "De situatie in het centrum van de stad was volgens omwonenden onrustig.",
    "Op 12 januari 2022 om 20.30 uur begon de vergadering in het gemeentehuis.",
    "Het rapport verscheen eerder deze week op de website van de organisatie.",
];

const EN_SUBJECTS: &[&str] = &[
    "The minister",
    "A police spokesperson",
    "The mayor",
    "The ministry",
    "The union",
    "A researcher at the university",
    "The council",
    "She",
];
const EN_CUES: &[&str] = &["said", "told reporters", "wrote", "announced", "says"];
const EN_NOUNS: &[&str] = &[
    "officers",
    "homes",
    "residents",
    "protesters",
    "dollars",
    "percent",
    "miles",
    "injured",
    "years",
    "buses",
];
const EN_BOUNDS: &[&str] = &[
    "more than",
    "nearly",
    "about",
    "at least",
    "up to",
    "some",
    "",
];
const EN_WORDS: &[&str] = &[
    "dozens of",
    "hundreds of",
    "forty-three",
    "two",
    "1.5 million",
    "a third of the",
];
const EN_FILLER: &[&str] = &[
    "The figures were published on Tuesday in a report sent to parliament.",
    "Residents described the situation in the city centre as tense.",
    "The meeting began on January 12, 2022 at 8.30 pm in the town hall.",
    "The report appeared earlier this week on the organisation's website.",
];

struct Lexicon {
    subjects: &'static [&'static str],
    cues: &'static [&'static str],
    nouns: &'static [&'static str],
    bounds: &'static [&'static str],
    words: &'static [&'static str],
    filler: &'static [&'static str],
    decimal: char,
    and: &'static str,
    /// Sentence frames: quote with cue after, indirect speech, quote then cue.
    quote: (&'static str, &'static str),
    that: &'static str,
    we_saw: &'static str,
}

const NL: Lexicon = Lexicon {
    subjects: NL_SUBJECTS,
    cues: NL_CUES,
    nouns: NL_NOUNS,
    bounds: NL_BOUNDS,
    words: NL_WORDS,
    filler: NL_FILLER,
    decimal: ',',
    and: "en",
    quote: (",,Er waren", "bij betrokken”,"),
    that: "dat",
    we_saw: "We zagen",
};

const EN: Lexicon = Lexicon {
    subjects: EN_SUBJECTS,
    cues: EN_CUES,
    nouns: EN_NOUNS,
    bounds: EN_BOUNDS,
    words: EN_WORDS,
    filler: EN_FILLER,
    decimal: '.',
    and: "and",
    quote: ("“There were", "involved,”"),
    that: "that",
    we_saw: "We saw",
};

fn number(rng: &mut Rng, lx: &Lexicon) -> String {
    match rng.below(5) {
        0 => format!("{}", rng.below(1000)),
        1 => format!("{}{}{}", rng.below(100), lx.decimal, rng.below(10)),
        2 => lx.words[rng.below(lx.words.len() as u64) as usize].to_owned(),
        3 => format!("{} {} {}", rng.below(50), lx.and, 50 + rng.below(50)),
        _ => format!("{}", 1000 + rng.below(90_000)),
    }
}

/// About `size` bytes of article text in paragraphs of three to six sentences.
fn article(size: usize, lx: &Lexicon, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(size + 256);
    while out.len() < size {
        for _ in 0..3 + rng.below(4) {
            let bound = rng.pick(lx.bounds);
            let n = number(&mut rng, lx);
            let noun = rng.pick(lx.nouns);
            let subject = rng.pick(lx.subjects);
            let cue = rng.pick(lx.cues);
            let (open, close) = lx.quote;
            let (that, we_saw) = (lx.that, lx.we_saw);
            // Three sentences in eight carry a number, a quote or a cue; the dev-set articles
            // (tests/devset) hold about five quantities per KB, and so does this text.
            match rng.below(8) {
                0 => out.push_str(&format!(
                    "{open} {bound} {n} {noun} {close} {cue} {}. ",
                    subject.to_lowercase()
                )),
                1 => out.push_str(&format!("{subject} {cue} {that} {bound} {n} {noun}. ")),
                2 => out.push_str(&format!(
                    "\"{we_saw} {bound} {n} {noun},\" {subject} {cue}. "
                )),
                _ => {
                    out.push_str(rng.pick(lx.filler));
                    out.push(' ');
                }
            }
        }
        out.push_str("\n\n");
    }
    out
}

fn main() {
    let sizes = [10_000usize, 100_000, 1_000_000, 10_000_000];
    // `--dump DIR` writes the generated articles for profiling and stops.
    let args: Vec<String> = std::env::args().collect();
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|k| args.get(k + 1))
    {
        for (name, lx) in [("nl", &NL), ("en", &EN)] {
            for &size in &sizes {
                let path = format!("{dir}/{name}-{size}.txt");
                let text = article(size, lx, 0x9E37_79B9_7F4A_7C15 ^ size as u64);
                std::fs::write(&path, text).expect("write the generated article");
            }
        }
        return;
    }
    // `--only SIZE` times one size and `--reps N` fixes the repetitions (for profiling, e.g.
    // under `valgrind --tool=callgrind`); the linearity line needs all four sizes.
    let reps_arg: Option<usize> = args
        .iter()
        .position(|a| a == "--reps")
        .and_then(|k| args.get(k + 1))
        .and_then(|s| s.parse().ok());
    let only: Option<usize> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|k| args.get(k + 1))
        .and_then(|s| s.parse().ok());
    for (name, lang, lx) in [("nl", Lang::Nl, &NL), ("en", Lang::En, &EN)] {
        let mut per_byte = Vec::new();
        for &size in sizes.iter().filter(|&&s| only.is_none_or(|o| o == s)) {
            let text = article(size, lx, 0x9E37_79B9_7F4A_7C15 ^ size as u64);
            // Enough repetitions for about 20 MB of work per size, at least seven.
            let reps = reps_arg.unwrap_or((20_000_000 / text.len()).clamp(7, 2000));
            // One untimed run, which also measures the peak heap of one analysis.
            let before = LIVE.load(Relaxed);
            PEAK.store(before, Relaxed);
            let _ = black_box(analyze(black_box(&text), Some(lang)));
            let peak = PEAK.load(Relaxed) - before;
            // Each run is timed on its own and the median reported: the machine is shared, and
            // a mean would carry whatever else ran during one of the few 10 MB runs.
            let mut claims = 0;
            let mut times = Vec::with_capacity(reps);
            for _ in 0..reps {
                let start = Instant::now();
                claims = black_box(analyze(black_box(&text), Some(lang)))
                    .claims
                    .len();
                times.push(start.elapsed().as_secs_f64());
            }
            times.sort_by(f64::total_cmp);
            let secs = times[times.len() / 2];
            per_byte.push(secs / text.len() as f64);
            println!(
                "{name} {:>9} bytes  {:>8.1} MB/s  {:>7} claims ({:.1}/KB)  peak heap {:>5.1}× text  ({} runs)",
                text.len(),
                text.len() as f64 / secs / 1e6,
                claims,
                claims as f64 * 1000.0 / text.len() as f64,
                peak as f64 / text.len() as f64,
                reps
            );
        }
        if let [_, p100k, _, p10m] = per_byte[..] {
            println!("{name} time per byte, 10 MB / 100 KB: {:.2}", p10m / p100k);
        }
    }
}
