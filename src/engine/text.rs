//! Tokens, quotes and sentences: the shared view of a text that the quantity and attribution
//! scanners read. One linear pass each; no allocation per token beyond the token vectors and
//! the vocabulary of distinct lowercased words.

use super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with internal apostrophes (`zo'n`, `auto’s`) and hyphens (`EU-woordvoerder`).
    Word,
    /// A run of ASCII digits; separators are separate punctuation tokens.
    Num,
    /// Any other non-space char, one token each.
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// Byte offsets as `u32`, which keeps a token at 16 bytes: on a 10 MB text the token
    /// vector is the largest structure, and every scanner walks it. Texts past 4 GB are not
    /// analysed (the CLI and the widget never come near; wasm32 cannot hold one).
    start: u32,
    end: u32,
    /// A word's index in the document's vocabulary of distinct lowercased words (`NO_WORD`
    /// for numbers and marks): scanners compare and look up words by this id.
    word: u32,
    pub kind: TokKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A blank line (two or more line breaks) precedes this token: a new paragraph.
    pub para_before: bool,
    /// `CAP`, `SENTENCE_FIRST`, `OPENS_QUOTE`, `CLOSES_QUOTE` (they fit in the token's padding).
    bits: u8,
}

/// A word whose first letter is upper case.
const CAP: u8 = 1;
/// The first token of a sentence.
const SENTENCE_FIRST: u8 = 2;
/// The token opens a quote / ends a quote's closing mark: nearly every token does neither, so
/// a lookup costs a bit test, and only a quote's own tokens search the (sorted) quotes.
const OPENS_QUOTE: u8 = 4;
const CLOSES_QUOTE: u8 = 8;

impl Token {
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// The id of a token that is not a word.
pub const NO_WORD: u32 = u32::MAX;

/// The distinct lowercased words of a text, each stored once: a token carries its word's id,
/// so a scanner that looks a word up in its tables does so once per distinct word, not once
/// per token, and the lowercased text takes the vocabulary's size, not the text's.
#[derive(Default)]
struct Vocab {
    /// The words, end to end; word `k` is `text[spans[k].0..spans[k].1]`.
    text: String,
    spans: Vec<(u32, u32)>,
    /// Open addressing on `hash(word)`: (the hash's high half, `id + 1`), or id 0 for an empty
    /// slot; at most half full. The stored half rejects most other words without a compare.
    slots: Vec<(u32, u32)>,
}

/// A word's hash, read a few bytes at a time (the short-key scheme of wyhash: two overlapping
/// loads cover a word of 4 to 16 bytes, and most words are that long): a byte-by-byte hash
/// was one dependent multiply per byte, and a tenth of the tokenizer's time.
fn word_hash(w: &[u8]) -> u64 {
    const K: [u64; 3] = [
        0x9E37_79B9_7F4A_7C15,
        0xD6E8_FEB8_6659_FD93,
        0xA076_1D64_78BD_642F,
    ];
    let len = w.len();
    let read8 = |i: usize| {
        w.get(i..i + 8)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let read4 = |i: usize| {
        w.get(i..i + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    let mut seed = K[0] ^ len as u64;
    let (a, b) = match len {
        0 => (0, 0),
        1..=3 => {
            let at = |i: usize| u64::from(w.get(i).copied().unwrap_or(0));
            ((at(0) << 16) | (at(len / 2) << 8) | at(len - 1), 0)
        }
        4..=8 => (read4(0), read4(len - 4)),
        _ => {
            let mut i = 0;
            while len - i > 16 {
                seed = fold(read8(i) ^ K[1], read8(i + 8) ^ seed);
                i += 16;
            }
            (read8(len.max(16) - 16), read8(len - 8))
        }
    };
    fold(a ^ K[1], b ^ seed ^ K[2])
}

/// Mixes two words into one: every input bit reaches the high half through the multiplies, and
/// the high half is folded into the low one, so both the slot (low bits) and the tag (high
/// bits) are well spread. (A 64 × 64 → 128-bit multiply would be a library call in wasm.)
#[inline]
fn fold(x: u64, y: u64) -> u64 {
    let h = (x.wrapping_mul(0x9FB2_1C65_1E98_DF25) ^ y)
        .rotate_left(31)
        .wrapping_mul(0xD1B5_4A32_D192_ED03);
    h ^ (h >> 32)
}

impl Vocab {
    #[inline]
    fn word(&self, id: u32) -> &str {
        match self.spans.get(id as usize) {
            Some(&(a, b)) => self.text.get(a as usize..b as usize).unwrap_or(""),
            None => "",
        }
    }

    /// The word's bytes (no char-boundary test: the spans are whole words).
    #[inline]
    fn bytes(&self, id: u32) -> &[u8] {
        match self.spans.get(id as usize) {
            Some(&(a, b)) => self
                .text
                .as_bytes()
                .get(a as usize..b as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    /// The slot that holds `w` (hash `h`), or the empty slot where it would go.
    #[inline]
    fn probe(&self, w: &[u8], h: u64) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        let tag = (h >> 32) as u32;
        let mut slot = h as usize & mask;
        loop {
            match self.slots.get(slot) {
                Some(&(t, k)) if k != 0 && !(t == tag && self.bytes(k - 1) == w) => {
                    slot = (slot + 1) & mask;
                }
                _ => return slot,
            }
        }
    }

    /// The id of `w`, if the text holds it.
    fn find(&self, w: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.probe(w.as_bytes(), word_hash(w.as_bytes()));
        match self.slots.get(slot) {
            Some(&(_, k)) if k != 0 => Some(k - 1),
            _ => None,
        }
    }

    /// The id of `w`, added if new.
    fn intern(&mut self, w: &str) -> u32 {
        if self.slots.len() < 2 * (self.spans.len() + 1) {
            self.grow();
        }
        let h = word_hash(w.as_bytes());
        let slot = self.probe(w.as_bytes(), h);
        if let Some(&(_, k)) = self.slots.get(slot)
            && k != 0
        {
            return k - 1;
        }
        let id = self.spans.len() as u32;
        // (A vocabulary past 4 GB cannot occur: the text is at most 4 GB.)
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(w);
        let end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.spans.push((start, end));
        if let Some(x) = self.slots.get_mut(slot) {
            *x = ((h >> 32) as u32, id + 1);
        }
        id
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![(0, 0); size];
        let mask = size - 1;
        for id in 0..self.spans.len() as u32 {
            let h = word_hash(self.bytes(id));
            let mut slot = h as usize & mask;
            while self.slots.get(slot).is_some_and(|&(_, k)| k != 0) {
                slot = (slot + 1) & mask;
            }
            if let Some(x) = self.slots.get_mut(slot) {
                *x = ((h >> 32) as u32, id + 1);
            }
        }
    }
}

/// A quotation: the opening mark(s) at token `open`, the closing mark(s) ending at token
/// `close` (inclusive).
#[derive(Clone, Copy, Debug)]
pub struct Quote {
    pub open: usize,
    pub close: usize,
    /// The quoted text, between the marks.
    pub inner: Span,
}

/// A sentence as a half-open token range; a quote never straddles two sentences.
#[derive(Clone, Copy, Debug)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
}

pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// The words' lowercased forms, with typographic apostrophes folded to `'`, so that tables
    /// compare plain `&str`s.
    vocab: Vocab,
    pub quotes: Vec<Quote>,
    pub sentences: Vec<Sentence>,
}

/// Quote marks; which may open, which may close, and whether they are double (primary) marks.
const DOUBLE_OPENERS: &[char] = &['"', '“', '„', '«', '»'];
const DOUBLE_CLOSERS: &[char] = &['"', '”', '“', '»', '«'];
const SINGLE_OPENERS: &[char] = &['‘', '\'', '‹', '‚'];
/// `‘` closes too: scraped Dutch text writes `‘de situatie ter plaatse‘`.
const SINGLE_CLOSERS: &[char] = &['’', '\'', '‘', '›'];
/// Apostrophes that may sit inside a word (`zo'n`, `auto’s`, `don't`).
const APOSTROPHES: &[char] = &['\'', '’', '‘'];

/// A quote longer than this is taken to be a stray mark and dropped: it bounds the work per
/// opening mark and stops one unmatched mark from swallowing a paragraph.
const MAX_QUOTE_BYTES: usize = 4000;

/// How many paragraph breaks one quote may run on over (each reopening with its mark).
const MAX_QUOTE_PARAGRAPHS: usize = 4;

/// Classes of ASCII bytes for the tokenizer's fast path.
const OTHER: u8 = 0;
const SPACE: u8 = 1;
const NEWLINE: u8 = 2;
const DIGIT: u8 = 3;
const LETTER: u8 = 4;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'\n' => NEWLINE,
            b'\t' | b'\r' | 0x0b | 0x0c | b' ' => SPACE,
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// How many of the eight bytes of `chunk` from its start are ASCII letters, and whether one of
/// those is a capital (SWAR: per byte, the high bit of a sum marks a byte in range).
#[inline]
fn ascii_letters(chunk: &[u8]) -> (usize, bool) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let Ok(b) = <[u8; 8]>::try_from(chunk) else {
        return (0, false);
    };
    let x = u64::from_le_bytes(b);
    // Lower case folded in; each byte stays below 0x80 (a byte at or above it is no letter, and
    // is masked out below), so no sum carries into the next byte.
    let y = (x | 0x2020_2020_2020_2020) & !HIGH;
    let at_least_a = y + 0x1F1F_1F1F_1F1F_1F1F; // high bit: y >= 0x61 ('a')
    let past_z = y + 0x0505_0505_0505_0505; // high bit: y >= 0x7B (past 'z')
    let letter = at_least_a & !past_z & !x & HIGH;
    let not_letter = !letter & HIGH;
    let n = (not_letter.trailing_zeros() / 8) as usize;
    // A capital is a letter without bit 5 (0x20), which `<< 2` moves to the high bit.
    let prefix = if n == 8 {
        u64::MAX
    } else {
        (1u64 << (n * 8)) - 1
    };
    let capitals = letter & !(x << 2) & HIGH & prefix;
    (n, capitals != 0)
}

/// A mark that can end a sentence.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Chars that join a word although they are not alphabetic: combining marks (a decomposed `é`).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_ascii_digit()) || is_combining(c)
}

/// The last four bytes of `w` as one number, if it has four: two words of which one ends in the
/// other (of four bytes or more) share it.
#[inline]
pub fn tail4(b: &[u8]) -> Option<u32> {
    let t: [u8; 4] = b.get(b.len().checked_sub(4)?..)?.try_into().ok()?;
    Some(u32::from_le_bytes(t))
}

impl<'t> Doc<'t> {
    pub fn new(text: &'t str, terminal_abbrevs: &[&str]) -> Doc<'t> {
        let mut doc = Doc {
            text,
            tokens: Vec::with_capacity(text.len() / 4 + 16),
            vocab: Vocab::default(),
            quotes: Vec::new(),
            sentences: Vec::new(),
        };
        doc.tokenize();
        // The estimate of the token count above is generous: give the rest back.
        doc.tokens.shrink_to_fit();
        doc.find_quotes();
        doc.index_quotes();
        doc.split_sentences(terminal_abbrevs);
        for s in &doc.sentences {
            if let Some(t) = doc.tokens.get_mut(s.first) {
                t.bits |= SENTENCE_FIRST;
            }
        }
        doc
    }

    /// One pass over the text. ASCII takes a byte fast path through a class table (most news
    /// text is mostly ASCII); other chars are decoded one at a time.
    fn tokenize(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        // The char at byte `i` and its length; `None` at the end.
        let char_at = |i: usize| -> Option<(char, usize)> {
            match bytes.get(i) {
                None => None,
                Some(&b) if b < 0x80 => Some((b as char, 1)),
                Some(_) => text.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
            }
        };
        let joins_next = |i: usize| char_at(i).is_some_and(|(e, _)| is_word_char(e));
        let mut pos = 0;
        let mut newlines = 0usize;
        let mut space = true;
        // The word being lowercased (reused).
        let mut lowered = String::new();
        while let Some((c, len)) = char_at(pos) {
            let start = pos;
            pos += len;
            let class = match c {
                '\n' => NEWLINE,
                _ if c.is_ascii() => ASCII_CLASS[c as usize],
                _ if c.is_whitespace() => SPACE,
                _ if is_word_char(c) => LETTER,
                _ => OTHER,
            };
            if class == SPACE || class == NEWLINE {
                space = true;
                newlines += (class == NEWLINE) as usize;
                continue;
            }
            let kind;
            let mut ascii = c.is_ascii();
            // An ASCII capital in the word, noted as it is scanned (no second pass, whose exit
            // at a word's end mispredicts).
            let mut upper = c.is_ascii_uppercase();
            if class == DIGIT {
                kind = TokKind::Num;
                while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                    pos += 1;
                }
            } else if class == LETTER {
                kind = TokKind::Word;
                loop {
                    // Eight bytes at a time while they are ASCII letters: the one branch per
                    // byte mispredicted at every word's end.
                    if let Some(chunk) = bytes.get(pos..pos + 8) {
                        let (letters, capitals) = ascii_letters(chunk);
                        upper |= capitals;
                        pos += letters;
                        if letters == 8 {
                            continue;
                        }
                    }
                    let Some(&d) = bytes.get(pos) else { break };
                    if d < 0x80 {
                        if ASCII_CLASS[d as usize] == LETTER {
                            upper |= d.is_ascii_uppercase();
                            pos += 1;
                            continue;
                        }
                        // An apostrophe or hyphen joins the word only between two letters.
                        if (d == b'\'' || d == b'-') && joins_next(pos + 1) {
                            pos += 1;
                            continue;
                        }
                        break;
                    }
                    let Some((d, dlen)) = char_at(pos) else { break };
                    let joins = (APOSTROPHES.contains(&d) || d == '‐') && joins_next(pos + dlen);
                    if !is_word_char(d) && !joins {
                        break;
                    }
                    ascii = false;
                    pos += dlen;
                }
            } else {
                kind = TokKind::Punct;
            }
            let end = pos;
            let raw = text.get(start..end).unwrap_or("");
            let word = if kind != TokKind::Word {
                NO_WORD
            } else if ascii && !upper {
                // Most words are already lower case: no copy.
                self.vocab.intern(raw)
            } else if ascii {
                lowered.clear();
                lowered.push_str(raw);
                lowered.make_ascii_lowercase();
                self.vocab.intern(&lowered)
            } else {
                lowered.clear();
                for ch in raw.chars() {
                    if APOSTROPHES.contains(&ch) {
                        lowered.push('\'');
                    } else {
                        lowered.extend(ch.to_lowercase());
                    }
                }
                self.vocab.intern(&lowered)
            };
            // Offsets are `u32`: a text past 4 GB is analysed up to there.
            let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) else {
                break;
            };
            self.tokens.push(Token {
                start,
                end,
                word,
                kind,
                space_before: space,
                para_before: newlines >= 2,
                bits: if kind == TokKind::Word && c.is_uppercase() {
                    CAP
                } else {
                    0
                },
            });
            space = false;
            newlines = 0;
        }
    }

    /// The token's lowercased text (a word's apostrophes folded to `'`; numbers and marks
    /// have no case).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        match self.tokens.get(i) {
            Some(t) if t.word != NO_WORD => self.vocab.word(t.word),
            Some(t) => self.text.get(t.start()..t.end()).unwrap_or(""),
            None => "",
        }
    }

    /// The vocabulary id of word token `i` (`NO_WORD` for anything else).
    #[inline]
    pub fn word_id(&self, i: usize) -> u32 {
        self.tokens.get(i).map_or(NO_WORD, |t| t.word)
    }

    /// How many distinct words the text holds (ids are `0..vocab_len()`).
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// The lowercased word with this id.
    pub fn vocab_word(&self, id: u32) -> &str {
        self.vocab.word(id)
    }

    /// The byte length and last four bytes of the lowercased word with this id (a cheap first
    /// test before comparing words); `None` for a word shorter than four bytes.
    #[inline]
    pub fn vocab_len_tail(&self, id: u32) -> (usize, Option<u32>) {
        match self.vocab.spans.get(id as usize) {
            Some(&(a, b)) if b > a => ((b - a) as usize, tail4(self.vocab.bytes(id))),
            _ => (0, None),
        }
    }

    /// The id of lowercased word `w`, if the text holds it.
    pub fn word_id_of(&self, w: &str) -> Option<u32> {
        self.vocab.find(w)
    }

    /// Sets `bit` in `per_word` (indexed by vocabulary id) for each of `words` the text holds:
    /// a word list becomes a bit test per word with one lookup per list word, however long the
    /// text.
    pub fn mark_words<'w, T: Copy + std::ops::BitOrAssign>(
        &self,
        per_word: &mut [T],
        words: impl IntoIterator<Item = &'w str>,
        bit: T,
    ) {
        for id in words.into_iter().filter_map(|w| self.word_id_of(w)) {
            if let Some(x) = per_word.get_mut(id as usize) {
                *x |= bit;
            }
        }
    }

    /// The token's text as written.
    #[inline]
    pub fn raw(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start()..t.end()))
            .unwrap_or("")
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.tokens.get(i), Some(t) if t.kind == TokKind::Word)
    }

    /// A word whose first letter is upper case.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        // This accessor runs for nearly every token of every scanner: the tokenizer decided.
        self.tokens.get(i).is_some_and(|t| t.bits & CAP != 0)
    }

    /// Token `i` is the single char `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        let Some(t) = self.tokens.get(i).filter(|t| t.kind == TokKind::Punct) else {
            return false;
        };
        if c.is_ascii() {
            self.text.as_bytes().get(t.start()) == Some(&(c as u8))
        } else {
            self.raw(i).starts_with(c)
        }
    }

    #[inline]
    pub fn punct_char(&self, i: usize) -> Option<char> {
        let t = self.tokens.get(i).filter(|t| t.kind == TokKind::Punct)?;
        match self.text.as_bytes().get(t.start()) {
            Some(&b) if b.is_ascii() => Some(b as char),
            _ => self.raw(i).chars().next(),
        }
    }

    /// Token `i` directly touches the previous token (no space between).
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// The token is the first of its sentence, or follows an opening quote mark that is.
    pub fn sentence_initial(&self, i: usize) -> bool {
        // Walk back over opening marks to the sentence's first token.
        let mut k = i;
        while !self.sentence_first(k) {
            if k == 0 || !self.is_opening_mark(k - 1) {
                return false;
            }
            k -= 1;
        }
        true
    }

    /// Token `i` opens a sentence (past the end: true, as for an empty sentence).
    fn sentence_first(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_none_or(|t| t.bits & SENTENCE_FIRST != 0)
    }

    /// Tokens `a <= b` are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        (a + 1..=b).all(|k| {
            self.tokens
                .get(k)
                .is_none_or(|t| t.bits & SENTENCE_FIRST == 0)
        })
    }

    fn is_opening_mark(&self, i: usize) -> bool {
        self.punct_char(i).is_some_and(|c| {
            DOUBLE_OPENERS.contains(&c)
                || SINGLE_OPENERS.contains(&c)
                || c == ','
                || c == '('
                || c == '['
        })
    }

    /// Span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) if x.start <= y.end => Span::new(x.start(), y.end()),
            _ => Span::new(0, 0),
        }
    }

    /// The quote that token `i` opens, if any.
    pub fn quote_opened_at(&self, i: usize) -> Option<&Quote> {
        if self.tokens.get(i)?.bits & OPENS_QUOTE == 0 {
            return None;
        }
        let k = self.quotes.binary_search_by_key(&i, |q| q.open).ok()?;
        self.quotes.get(k)
    }

    /// The quote whose closing mark ends at token `i`, if any.
    pub fn quote_closed_at(&self, i: usize) -> Option<&Quote> {
        if self.tokens.get(i)?.bits & CLOSES_QUOTE == 0 {
            return None;
        }
        // Quotes never overlap: sorted by opening, they are sorted by closing too.
        let k = self.quotes.binary_search_by_key(&i, |q| q.close).ok()?;
        self.quotes.get(k)
    }

    /// Marks the tokens that open and close quotes.
    fn index_quotes(&mut self) {
        for q in &self.quotes {
            if let Some(t) = self.tokens.get_mut(q.open) {
                t.bits |= OPENS_QUOTE;
            }
            if let Some(t) = self.tokens.get_mut(q.close) {
                t.bits |= CLOSES_QUOTE;
            }
        }
    }

    /// What kind of opening mark starts at token `i`, and how many tokens it takes.
    fn opener_at(&self, i: usize) -> Option<(bool, usize)> {
        let c = self.punct_char(i)?;
        // An opening mark stands after a space (or at the start, or after a bracket) and is
        // followed directly by the quoted text.
        let before_ok = !self.glued(i)
            || self
                .punct_char(i.wrapping_sub(1))
                .is_some_and(|p| matches!(p, '(' | '[' | '—' | '–' | '-' | ':'))
            // Scraped text glues one quote to the next: `…aangereden.""Vindt u …`.
            || self.quotes.last().is_some_and(|q| q.close + 1 == i);
        let (double, width) = if c == ',' && self.is_punct(i + 1, ',') && self.glued(i + 1) {
            (true, 2) // Dutch low-high `,,…”`
        } else if DOUBLE_OPENERS.contains(&c) {
            (true, 1)
        } else if SINGLE_OPENERS.contains(&c) {
            // `'s avonds`, `'t`, `'n`: an elided article, not a quote mark.
            let elided = matches!(self.raw(i + 1), "s" | "t" | "n")
                && self.tokens.get(i + 2).is_none_or(|t| t.space_before);
            if elided {
                return None;
            }
            if (c == '\'' || c == '‘') && self.is_punct(i + 1, c) && self.glued(i + 1) {
                (true, 2) // `''…''` typed as two single marks
            } else {
                (false, 1)
            }
        } else {
            return None;
        };
        let next = i + width;
        let after_ok = self
            .tokens
            .get(next)
            .is_some_and(|t| !t.space_before && t.kind != TokKind::Punct)
            || (self.glued(next)
                && self
                    .punct_char(next)
                    .is_some_and(|p| matches!(p, '(' | '.' | '…' | '[')));
        (before_ok && after_ok).then_some((double, width))
    }

    /// Whether a closing mark for a `double` quote ends at token `i` (returns its last token).
    fn closer_at(&self, i: usize, double: bool) -> Option<usize> {
        let c = self.punct_char(i)?;
        // A closing mark follows the quoted text directly.
        if !self.glued(i) {
            return None;
        }
        let pair = self
            .punct_char(i + 1)
            .filter(|d| SINGLE_CLOSERS.contains(d) && self.glued(i + 1));
        if double {
            if DOUBLE_CLOSERS.contains(&c) {
                return Some(i);
            }
            // Odd closers in scraped text: `’'`, `‘’`, `''`, `’’`.
            if SINGLE_CLOSERS.contains(&c) && pair.is_some() {
                return Some(i + 1);
            }
            None
        } else {
            let after = self.tokens.get(i + 1);
            let ends = after.is_none_or(|t| t.space_before || t.kind == TokKind::Punct);
            (SINGLE_CLOSERS.contains(&c) && ends).then_some(i)
        }
    }

    fn find_quotes(&mut self) {
        let n = self.tokens.len();
        // For each mark kind (single, double): tokens before this index hold no closer. A
        // later opener of the same kind resumes the search there, which keeps the scan linear
        // when a text is full of unmatched marks.
        let mut no_closer_before = [0usize; 2];
        let mut i = 0;
        while i < n {
            // Only a mark opens a quote (the common case, a word, costs no call).
            if self.tokens[i].kind != TokKind::Punct {
                i += 1;
                continue;
            }
            let Some((double, width)) = self.opener_at(i) else {
                i += 1;
                continue;
            };
            let start = self.tokens[i].start();
            let mut j = (i + width).max(no_closer_before[double as usize]);
            let mut found = None;
            // Paragraphs this quote has run on into (`„…` ¶ `„…` ¶ `„…”, aldus X`).
            let mut crossed = 0;
            while j < n {
                let t = &self.tokens[j];
                if t.start() - start > MAX_QUOTE_BYTES {
                    break;
                }
                if t.para_before {
                    // A paragraph that opens a quote without closing it continues in the next
                    // one, when that one opens again with the same kind of mark.
                    match self.opener_at(j) {
                        Some((d, w)) if d == double && crossed < MAX_QUOTE_PARAGRAPHS => {
                            crossed += 1;
                            j += w;
                            continue;
                        }
                        _ => break,
                    }
                }
                if let Some(last) = self.closer_at(j, double) {
                    found = Some((j, last));
                    break;
                }
                // Mismatched marks in scraped text: `“…’` closed by a single mark at the very
                // end of its paragraph.
                let para_end = self.tokens.get(j + 1).is_none_or(|t| t.para_before);
                if double && para_end && self.closer_at(j, false).is_some() {
                    found = Some((j, j));
                    break;
                }
                j += 1;
            }
            match found {
                Some((close_first, close_last)) if close_first > i + width => {
                    let inner = Span::new(
                        self.tokens[i + width].start(),
                        self.tokens[close_first - 1].end(),
                    );
                    self.quotes.push(Quote {
                        open: i,
                        close: close_last,
                        inner,
                    });
                    i = close_last + 1;
                }
                // No closer: the mark was an apostrophe, an inch sign or a stray; move on.
                _ => {
                    if found.is_none() && crossed == 0 {
                        no_closer_before[double as usize] = j;
                    }
                    i += 1;
                }
            }
        }
    }

    fn split_sentences(&mut self, abbrevs: &[&str]) {
        // Which of the text's words are abbreviations: one lookup per abbreviation, not a
        // scan of the list at every full stop.
        let mut abbrev = vec![false; self.vocab.len()];
        for a in abbrevs {
            if let Some(x) = self
                .vocab
                .find(a)
                .and_then(|id| abbrev.get_mut(id as usize))
            {
                *x = true;
            }
        }
        let n = self.tokens.len();
        let mut first = 0;
        let mut q = 0; // next quote that may start at or after i
        let mut i = 0;
        while i < n {
            if i > first && self.tokens[i].para_before {
                self.sentences.push(Sentence { first, end: i });
                first = i;
            }
            // A quote is atomic: it may hold several sentences of its own.
            let mut last = i;
            while q < self.quotes.len() && self.quotes[q].open < i {
                q += 1;
            }
            if let Some(quote) = self.quotes.get(q).filter(|qu| qu.open == i) {
                last = quote.close;
                q += 1;
            }
            let ends = if last != i {
                // A quote ends the sentence when its text ends in a full stop and a new sentence
                // starts after it.
                let inner_last = self.quotes[q - 1].inner;
                let end_char = self
                    .text
                    .get(..inner_last.end)
                    .and_then(|s| s.chars().next_back());
                end_char.is_some_and(is_terminal) && self.starts_sentence(last + 1)
            } else {
                self.ends_sentence(i, &abbrev)
            };
            i = last + 1;
            if ends || i >= n {
                self.sentences.push(Sentence {
                    first,
                    end: i.min(n),
                });
                first = i;
            }
        }
    }

    /// Token `i` is a full stop (or ! ? …) that ends a sentence.
    fn ends_sentence(&self, i: usize, abbrev: &[bool]) -> bool {
        let Some(c) = self.punct_char(i) else {
            return false;
        };
        if !is_terminal(c) {
            return false;
        }
        if c == '.' && self.glued(i) && i > 0 {
            let prev = self.low(i - 1);
            // `dr.`, `o.a.`, `J.`: abbreviations and initials do not end sentences.
            let is_abbrev = abbrev
                .get(self.word_id(i - 1) as usize)
                .copied()
                .unwrap_or(false);
            // Unless a quote opens after it: `…”, antwoordde V. “Ik heb …`.
            if self.is_word(i - 1)
                && (is_abbrev || prev.chars().count() == 1)
                && !(self.opener_at(i + 1).is_some()
                    && self.tokens.get(i + 1).is_some_and(|t| t.space_before))
            {
                return false;
            }
        }
        // Runs of marks (`?!`, `...`) end at their last mark.
        if self.punct_char(i + 1).is_some_and(is_terminal) && self.glued(i + 1) {
            return false;
        }
        self.starts_sentence(i + 1)
    }

    /// Token `i` can begin a sentence after a full stop.
    fn starts_sentence(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return true;
        };
        if !t.space_before {
            // Scraped text glues a sentence to the quote before it: `…schuldgevoel."De
            // officier …`, `…gekrabd.""Vindt u …`.
            let after_quote = i > 0 && self.tokens[i - 1].bits & CLOSES_QUOTE != 0;
            return after_quote
                && match t.kind {
                    TokKind::Word => self.is_cap(i),
                    TokKind::Punct => self.opener_at(i).is_some(),
                    TokKind::Num => false,
                };
        }
        match t.kind {
            TokKind::Word => self.is_cap(i),
            TokKind::Num => true,
            TokKind::Punct => {
                self.opener_at(i).is_some()
                    || self
                        .punct_char(i)
                        .is_some_and(|c| matches!(c, '(' | '-' | '–' | '—' | '•'))
            }
        }
    }

    /// The sentence's span, without its final full stop.
    pub fn sentence_span(&self, s: &Sentence) -> Span {
        if s.end <= s.first {
            return Span::new(0, 0);
        }
        let last = s.end - 1;
        let stop = last > s.first && self.punct_char(last).is_some_and(is_terminal);
        self.span(s.first, if stop { last - 1 } else { last })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let doc = Doc::new(text, &[]);
        (0..doc.tokens.len()).map(|i| doc.raw(i)).collect()
    }

    #[test]
    fn tokens_stay_small() {
        // Two million tokens for 10 MB of text: every byte of a token counts.
        assert!(std::mem::size_of::<Token>() <= 16);
    }

    #[test]
    fn words_share_one_vocabulary_entry() {
        let doc = Doc::new("De Minister zei: de minister. Zo’n zo'n 12 x.", &[]);
        let ids: Vec<u32> = (0..doc.tokens.len()).map(|i| doc.word_id(i)).collect();
        assert_eq!(ids[0], ids[4]); // De, de
        assert_eq!(ids[1], ids[5]); // Minister, minister
        assert_eq!(ids[7], ids[8]); // Zo’n, zo'n
        assert_eq!(ids[9], NO_WORD); // 12
        assert_eq!(ids[3], NO_WORD); // :
        assert_eq!(doc.vocab_len(), 5); // de minister zei zo'n x
        assert_eq!(doc.low(7), "zo'n");
        assert_eq!(doc.low(9), "12");
        assert_eq!(doc.word_id_of("minister"), Some(ids[1]));
        assert_eq!(doc.vocab_word(ids[1]), "minister");
        assert_eq!(doc.word_id_of("politie"), None);
    }

    #[test]
    fn vocabulary_grows_past_its_first_table() {
        let text: String = (0..5000)
            .map(|k| format!("w{} ", char::from_u32(0x4e00 + k).unwrap()))
            .collect();
        let doc = Doc::new(&text, &[]);
        assert_eq!(doc.vocab_len(), 5000);
        for i in (0..doc.tokens.len()).step_by(97) {
            assert_eq!(doc.word_id_of(doc.low(i)), Some(doc.word_id(i)));
        }
    }

    #[test]
    fn eight_byte_letter_scan() {
        // (chunk, letters from its start, a capital among them), against the per-byte rule.
        let cases: &[(&[u8; 8], usize, bool)] = &[
            (b"abcdefgh", 8, false),
            (b"abcDefgh", 8, true),
            (b"ZZZZZZZZ", 8, true),
            (b"abc defg", 3, false),
            (b"ab-cdefg", 2, false),
            (b"abcde'gh", 5, false),
            (b"Ab1cdefg", 2, true),
            (b"abcdefg\xc3", 7, false),
            (b"abcd@[`{", 4, false),
            (b"@[`{/:AZ", 0, false),
            (b"a\x00bcdefg", 1, false),
            (b"abc\x7fXYZa", 3, false),
            (b"abcXYZ\xffa", 6, true),
        ];
        for &(chunk, letters, capital) in cases {
            assert_eq!(ascii_letters(chunk), (letters, capital), "{chunk:?}");
        }
        // Every single byte value, in every position, agrees with the class table.
        for b in 0..=255u8 {
            let letter = b < 0x80 && ASCII_CLASS[b as usize] == LETTER;
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = b;
                let want = if letter { 8 } else { at };
                let capital = letter && b.is_ascii_uppercase();
                assert_eq!(ascii_letters(&chunk), (want, capital), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn apostrophes_and_hyphens_inside_words() {
        assert_eq!(
            words("zo'n regio's auto’s don't"),
            ["zo'n", "regio's", "auto’s", "don't"]
        );
        assert_eq!(
            words("EU-woordvoerder F-16"),
            ["EU-woordvoerder", "F", "-", "16"]
        );
        assert_eq!(words("‘oranje’."), ["‘", "oranje", "’", "."]);
    }

    /// (text, quoted texts)
    const QUOTES: &[(&str, &[&str])] = &[
        ("Hij zei: \"We gaan door.\" Klaar.", &["We gaan door."]),
        ("Ze riep “Kom hier” en liep weg.", &["Kom hier"]),
        ("Hij sprak „Morgen beter” tegen ons.", &["Morgen beter"]),
        (
            "Toen: ,,Dit is een test.” aldus Piet.",
            &["Dit is een test."],
        ),
        ("Zij zei ‘ja hoor’ tegen hem.", &["ja hoor"]),
        ("Le chef: «On verra» dit-il.", &["On verra"]),
        ("Zo: ,,Het is klaar’', zegt Jan.", &["Het is klaar"]),
        ("Zo: ,,Wacht hier.‘’ Daarna.", &["Wacht hier."]),
        ("A ''double single'' mark.", &["double single"]),
        ("Zo'n auto’s in regio's, don't.", &[]),
        ("Stray \" mark\n\nand more", &[]),
    ];

    #[test]
    fn quote_styles() {
        for &(text, want) in QUOTES {
            let doc = Doc::new(text, &[]);
            let got: Vec<&str> = doc.quotes.iter().map(|q| q.inner.of(text)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn sentences_keep_quotes_whole() {
        let text = "Eerst dit. ,,Een. Twee.” aldus hij. Dr. Jansen komt. Klaar";
        let doc = Doc::new(text, &["dr"]);
        let got: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| doc.sentence_span(s).of(text))
            .collect();
        assert_eq!(
            got,
            [
                "Eerst dit",
                ",,Een. Twee.” aldus hij",
                "Dr. Jansen komt",
                "Klaar"
            ]
        );
    }
}
