//! Word lists as per-word bits (one lookup per distinct word of a text), and the parsing
//! context every pattern reads: cue words, auxiliaries, adverbs, nouns that look like verbs.

use super::*;

pub(crate) struct Ctx<'d, 't> {
    pub(crate) doc: &'d Doc<'t>,
    pub(crate) t: &'static Tables,
    /// Per token, the word lists that hold its word (`STOP`, `DET`, …), the noun classes it
    /// heads (`PERSON_NOUN`, …), its gender and whether it is a name (see `word_flags`): every
    /// table test while parsing is one bit test.
    pub(crate) flags: Vec<u32>,
    /// Per distinct word (vocabulary id), the rarer lists (`NOUN_FORM`, `NOT_ADVERB`).
    pub(crate) word_extra: Vec<u16>,
    /// Speech verbs by their first word.
    pub(crate) verbs: &'static Verbs,
    /// The latest noun phrases parsed, by start token modulo `NP_MEMO`.
    pub(crate) np_memo: Vec<Cell<Option<NpParse>>>,
    /// The latest sentence's `body_end`: (its first token, its end, the body's end).
    pub(crate) body_end_memo: Cell<Option<(usize, usize, usize)>>,
}

/// A noun phrase parse: (start token, end bound, the phrase found).
pub(crate) type NpParse = (usize, usize, Option<Np>);

/// How many parsed noun phrases `Ctx::noun_phrase` remembers, by start token modulo this: the
/// tokens of most sentences (a longer one only finds fewer of its phrases remembered).
pub(crate) const NP_MEMO: usize = 64;

pub(crate) const STOP: u32 = 1;
pub(crate) const DET: u32 = 1 << 1;
pub(crate) const PERSON_PRONOUN: u32 = 1 << 2;
pub(crate) const OTHER_PRONOUN: u32 = 1 << 3;
pub(crate) const PARTICLE: u32 = 1 << 4;
pub(crate) const LINK: u32 = 1 << 5;
pub(crate) const CONJ: u32 = 1 << 6;
pub(crate) const HEDGE: u32 = 1 << 7;
pub(crate) const OPENER: u32 = 1 << 8;
pub(crate) const COORD: u32 = 1 << 9;
pub(crate) const ACCORDING: u32 = 1 << 10;
pub(crate) const DEFINITE: u32 = 1 << 11;
pub(crate) const ADVERB: u32 = 1 << 12;
pub(crate) const COMPLEMENTIZER: u32 = 1 << 13;
pub(crate) const LISTENER: u32 = 1 << 14;
pub(crate) const QUOTE_VERB: u32 = 1 << 15;
pub(crate) const RELATIVE: u32 = 1 << 16;
pub(crate) const TAIL_ONLY: u32 = 1 << 17;
pub(crate) const WEAK_VERB: u32 = 1 << 18;
pub(crate) const BACK_POINTER: u32 = 1 << 19;
pub(crate) const DOCUMENT: u32 = 1 << 20;
/// A cue may start at the word (it opens a speech verb, a tail cue, a separable verb, a quote
/// verb or `according to`).
pub(crate) const CUE_START: u32 = 1 << 21;
/// Written with a capital inside a sentence and never in lower case: a name, even where it
/// opens a sentence (`Northlink rejected that figure.`).
pub(crate) const NAME: u32 = 1 << 22;
/// `is_noun` against `person_nouns`, `org_nouns`, `spokes_nouns`, `document_nouns`.
pub(crate) const PERSON_NOUN: u32 = 1 << 23;
pub(crate) const ORG_NOUN: u32 = 1 << 24;
pub(crate) const SPOKES_NOUN: u32 = 1 << 25;
pub(crate) const DOCUMENT_NOUN: u32 = 1 << 26;
/// The gender the word marks (`female` is tested first).
pub(crate) const FEMALE: u32 = 1 << 27;
pub(crate) const MALE: u32 = 1 << 28;
/// An abbreviated title (`Sen.`, `dhr.`).
pub(crate) const TITLE: u32 = 1 << 29;
pub(crate) const AUX: u32 = 1 << 30;
pub(crate) const PARTICIPLE: u32 = 1 << 31;
/// Flags kept apart from the hot lists: a second word of bits per vocabulary id.
pub(crate) const NOUN_FORM: u16 = 1;
pub(crate) const NOT_ADVERB: u16 = 1 << 1;
pub(crate) const COLON_LABEL: u16 = 1 << 2;
pub(crate) const PASSIVE_AUX: u16 = 1 << 3;
pub(crate) const NOUN_MARKER: u16 = 1 << 4;
pub(crate) const AGENT: u16 = 1 << 5;
pub(crate) const ADDRESSEE_VERB: u16 = 1 << 6;
pub(crate) const TAIL_PARTICLE: u16 = 1 << 7;
pub(crate) const IMPERSONAL: u16 = 1 << 8;
pub(crate) const NAMING: u16 = 1 << 9;
/// A verb of `Tables::false_separable` (so that the pairs are read only for those).
pub(crate) const FALSE_SEPARABLE: u16 = 1 << 10;
/// A word with the language's adverb ending that is not one of its `not_adverbs` (set once per
/// distinct word, so that `Ctx::adverb` reads no string).
pub(crate) const ADVERB_FORM: u16 = 1 << 11;
/// The possessive ending as the vocabulary writes it (typographic apostrophes folded).
const POSSESSIVE: &str = "'s";

/// FxHash: the word maps hash every token of the text, and SipHash's resistance is not needed
/// for a map that lives for one call.
#[derive(Default)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// The flags of one distinct word (all but `NAME`).
pub(crate) fn word_info(w: &str, t: &Tables) -> u32 {
    let mut f = 0;
    for (nouns, bit) in [
        (t.person_nouns, PERSON_NOUN),
        (t.org_nouns, ORG_NOUN),
        (t.spokes_nouns, SPOKES_NOUN),
        (t.document_nouns, DOCUMENT_NOUN),
    ] {
        if is_noun(w, nouns) {
            f |= bit;
        }
    }
    if is_or_ends_with(w, t.female) {
        f |= FEMALE;
    } else if is_or_ends_with(w, t.male) {
        f |= MALE;
    }
    f
}

/// Adds the list flags (`STOP`, `DET`, …, `CUE_START`) to `info`, indexed by vocabulary id.
pub(crate) fn mark_lists(doc: &Doc, t: &Tables, info: &mut [u32]) {
    for (list, f) in [
        (t.np_stop, STOP),
        (t.determiners, DET),
        (t.person_pronouns, PERSON_PRONOUN),
        (t.other_pronouns, OTHER_PRONOUN),
        (t.name_particles, PARTICLE),
        (t.np_links, LINK),
        (t.conjunctions, CONJ),
        (t.clause_openers, OPENER),
        (t.coordinators, COORD),
        (t.definite, DEFINITE),
        (t.adverbs, ADVERB),
        (t.complementizers, COMPLEMENTIZER),
        (t.listeners, LISTENER),
        (t.quote_verbs, QUOTE_VERB | CUE_START),
        (t.relatives, RELATIVE),
        (t.tail_only, TAIL_ONLY | CUE_START),
        (t.weak_verbs, WEAK_VERB),
        (t.back_pointers, BACK_POINTER),
        (t.document_nouns, DOCUMENT),
        (t.titles, TITLE),
        (t.auxiliaries, AUX),
        (t.participle_cues, PARTICIPLE | CUE_START),
    ] {
        doc.mark_words(info, list.iter().copied(), f);
    }
    let first = |phrases: &'static [&'static [&'static str]]| {
        phrases.iter().filter_map(|p| p.first().copied())
    };
    doc.mark_words(info, first(t.according_to), ACCORDING | CUE_START);
    doc.mark_words(info, first(t.hedges), HEDGE);
    doc.mark_words(info, first(t.speech_verbs), CUE_START);
    doc.mark_words(info, t.separable.iter().map(|&(v, _)| v), CUE_START);
}

/// For each token, its word's flags: each distinct word of the text is looked up in the
/// tables once, instead of a scan of every list at every test.
pub(crate) fn word_flags(doc: &Doc, t: &Tables) -> Vec<u32> {
    // `seen` says how each distinct word was written (1: with a capital inside a sentence, 2:
    // in lower case).
    let mut info: Vec<u32> = (0..doc.vocab_len() as u32)
        .map(|id| word_info(doc.vocab_word(id), t))
        .collect();
    mark_lists(doc, t, &mut info);
    let mut seen: Vec<u8> = vec![0; info.len()];
    let n = doc.tokens.len();
    for i in 0..n {
        let id = doc.word_id(i);
        let Some(s) = seen.get_mut(id as usize) else {
            continue;
        };
        if !doc.is_cap(i) {
            *s |= 2;
        } else if *s & 1 == 0 && !doc.sentence_initial(i) && !after_stop(doc, i) {
            *s |= 1;
        }
    }
    for (f, &s) in info.iter_mut().zip(&seen) {
        if s == 1 {
            *f |= NAME;
        }
    }
    (0..doc.tokens.len())
        .map(|i| info.get(doc.word_id(i) as usize).copied().unwrap_or(0))
        .collect()
}

/// Token `i` follows a full stop, colon or opening mark inside its sentence (a new sentence
/// inside a quote): its capital says nothing about a name.
pub(crate) fn after_stop(doc: &Doc, i: usize) -> bool {
    i > 0
        && doc.punct_char(i - 1).is_some_and(|c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | '…'
                    | '"'
                    | '“'
                    | '„'
                    | '‘'
                    | '\''
                    | '«'
                    | '»'
                    | '-'
                    | '–'
                    | '—'
            )
        })
}

pub(crate) fn seq_at(doc: &Doc, i: usize, seq: &[&str]) -> bool {
    seq.iter()
        .enumerate()
        .all(|(k, w)| doc.is_word(i + k) && doc.low(i + k) == *w)
}

/// `w` is `noun` or a compound ending in it (`politiewoordvoerder`, `EU-woordvoerder`).
pub(crate) fn is_noun(w: &str, nouns: &[&str]) -> bool {
    let last = w.as_bytes().last();
    nouns.iter().any(|n| {
        // Every test below needs the same last byte: most nouns fail on it, before a string
        // compare (a call of its own in the wasm build, per distinct word and list noun).
        n.as_bytes().last() == last
            && (w == *n
                || (w.len() > n.len() + 1 && n.len() >= 5 && w.ends_with(n))
                // `GGD-arts`: after a hyphen a short noun is still the head.
                || (w.len() > n.len() + 1
                    && w.ends_with(n)
                    && w[..w.len() - n.len()].ends_with('-')))
    })
}

/// `w` is one of `words` or ends with one of at least five bytes (`hoofdcommissaris`).
pub(crate) fn is_or_ends_with(w: &str, words: &[&str]) -> bool {
    let last = w.as_bytes().last();
    words
        .iter()
        .any(|x| x.as_bytes().last() == last && (w == *x || (x.len() >= 5 && w.ends_with(x))))
}

/// `words.contains(&w)`, with the cheap length and first-byte test before each comparison.
pub(crate) fn has_word(words: &[&str], w: &str) -> bool {
    words
        .iter()
        .any(|x| x.len() == w.len() && x.as_bytes().first() == w.as_bytes().first() && *x == w)
}

impl Ctx<'_, '_> {
    pub(crate) fn is_in(&self, i: usize, words: &[&str]) -> bool {
        self.doc.is_word(i) && has_word(words, self.doc.low(i))
    }

    /// The speech-verb cue starting at `i` within `end`: its span's last token.
    pub(crate) fn cue_at(&self, i: usize, end: usize, tail: bool) -> Option<usize> {
        if !self.has(i, CUE_START)
            || self.noun_not_verb(i)
            || (i > 0 && self.has_extra(i - 1, PASSIVE_AUX) && !self.has(i, PARTICIPLE))
            // `first reported by The Post`: a passive with its agent.
            || self.has_extra(i + 1, AGENT)
        {
            return None;
        }
        // `stelde Malen op als buitenspeler`: a particle that makes the verb another verb (a
        // particle is one without an object of its own: `stelde op zijn site` is a place).
        for &(verb, particle) in self.t.false_separable {
            if self.has_extra(i, FALSE_SEPARABLE)
                && self.doc.low(i) == verb
                && (i + 1..end.min(i + 1 + SEPARABLE_REACH)).any(|k| {
                    self.doc.is_word(k)
                        && self.doc.low(k) == particle
                        // Followed by a mark or a function word (`op als buitenspeler`),
                        // not by an object (`op zijn site`, `op verzoek van`).
                        && (!self.doc.is_word(k + 1)
                            || (self.has(k + 1, STOP) && !self.has(k + 1, DET)))
                })
            {
                return None;
            }
        }
        if tail && self.has(i, TAIL_ONLY) && i < end {
            return Some(i);
        }
        let mut best = None;
        for seq in self.verbs.get(self.doc.low(i)).map_or(&[][..], |v| &v[..]) {
            if i + seq.len() <= end && seq_at(self.doc, i, seq) {
                best = best.max(Some(i + seq.len() - 1));
            }
        }
        if best.is_some() {
            return best;
        }
        // `laat … weten`: the particle later in the sentence makes the verb a cue.
        for &(verb, particle) in self.t.separable {
            if self.doc.is_word(i)
                && self.doc.low(i) == verb
                // Bounded: the particle stands within a clause, and the scan must stay linear.
                && (i + 1..end.min(i + 1 + SEPARABLE_REACH)).any(|k| self.doc.is_word(k) && self.doc.low(k) == particle)
            {
                return Some(i);
            }
        }
        None
    }

    pub(crate) fn is_cue_word(&self, i: usize) -> bool {
        if !self.has(i, CUE_START) {
            return false;
        }
        self.cue_at(i, i + 3, true).is_some()
            || self.has(i, QUOTE_VERB)
            || self.t.according_to.iter().any(|s| seq_at(self.doc, i, s))
    }
}

impl Ctx<'_, '_> {
    /// Token `i`'s word is in one of the rarer lists `f` (`NOUN_FORM`, `NOT_ADVERB`).
    pub(crate) fn has_extra(&self, i: usize, f: u16) -> bool {
        self.word_extra
            .get(self.doc.word_id(i) as usize)
            .is_some_and(|&x| x & f != 0)
    }

    /// Token `i`, a cue word, is a noun here: capitalised inside a sentence where verbs are
    /// not (`the United States`), or a form that is also a noun after a determiner, a
    /// number or a capitalised word, or before a verb (`both states`, `A news report said`).
    pub(crate) fn noun_not_verb(&self, i: usize) -> bool {
        let doc = self.doc;
        if self.t.lowercase_verbs
            && doc.is_cap(i)
            && !doc.sentence_initial(i)
            && !after_stop(doc, i)
            && !self.title_case_around(i)
        {
            return true;
        }
        if !self.has_extra(i, NOUN_FORM) {
            return false;
        }
        let before = i.checked_sub(1);
        // After a lowercase word (`swing states`, `Editor's note`) the form is a verb only
        // when a clause or a quote follows (`The report states that …`).
        // `Editor's note`: after a possessive, always a noun.
        if before.is_some_and(|b| doc.is_word(b) && doc.low(b).ends_with(POSSESSIVE)) {
            return true;
        }
        let modified = before.is_some_and(|b| {
            doc.is_word(b)
                && (!doc.is_cap(b) || (doc.sentence_initial(b) && !self.has(b, NAME)))
                && !self.is_pronoun(b)
                && !self.has(b, AUX | OTHER_PRONOUN | RELATIVE)
                && !self.adverb(b)
        });
        let clause_follows = self.has(i + 1, COMPLEMENTIZER | DET | PERSON_PRONOUN | OTHER_PRONOUN)
            || doc.is_punct(i + 1, ':')
            || doc.quote_opened_at(i + 1).is_some()
            || (doc.is_word(i + 1) && doc.is_cap(i + 1));
        before.is_some_and(|b| {
            self.has(b, DET)
                || doc.kind(b) == Some(TokKind::Num)
                || self.has_extra(b, NOUN_FORM | NOUN_MARKER)
        }) || (modified && !clause_follows)
            || self.has(i + 1, AUX)
            || self.has(i + 1, CUE_START)
    }

    /// The words around token `i` are all capitalised: a headline in title case (`Trump Says
    /// He Will Win`), where a capital says nothing about a verb.
    pub(crate) fn title_case_around(&self, i: usize) -> bool {
        let doc = self.doc;
        let mut words = (i.saturating_sub(TITLE_CASE_WINDOW)..i + TITLE_CASE_WINDOW + 1)
            .filter(|&k| doc.is_word(k) && k != i);
        let mut n = 0;
        words.all(|k| {
            n += 1;
            doc.is_cap(k)
        }) && n >= 3
    }

    /// Token `i` is an adverb: in the language's list, or a lowercase word with its adverb
    /// ending (`basically`).
    pub(crate) fn adverb(&self, i: usize) -> bool {
        if self.has(i, ADVERB) {
            return true;
        }
        self.has_extra(i, ADVERB_FORM) && !self.doc.is_cap(i)
    }

    /// Token `i`'s word is in one of the hot lists `f` (see `word_flags`).
    pub(crate) fn has(&self, i: usize, f: u32) -> bool {
        self.flags.get(i).is_some_and(|&x| x & f != 0)
    }

    pub(crate) fn is_pronoun(&self, i: usize) -> bool {
        self.has(i, PERSON_PRONOUN | OTHER_PRONOUN)
    }

    /// `volgens haar`, `according to her`: a possessive form standing alone as an object
    /// pronoun (not `volgens haar woordvoerder`).
    pub(crate) fn object_pronoun(&self, i: usize, end: usize) -> bool {
        let doc = self.doc;
        self.has(i, DET)
            && self.gender(i).is_some()
            && !(i + 1 < end
                && doc.is_word(i + 1)
                && (self.has(i + 1, PERSON_NOUN)
                    || self.has(i + 1, SPOKES_NOUN)
                    || self.has(i + 1, ORG_NOUN)))
    }

    /// `body_end` of `sent`: each statement pattern asks for it, so the latest is remembered.
    pub(crate) fn body_end(&self, sent: &Sentence) -> usize {
        match self.body_end_memo.get() {
            Some((first, end, e)) if first == sent.first && end == sent.end => e,
            _ => {
                let e = body_end(self.doc, sent);
                self.body_end_memo.set(Some((sent.first, sent.end, e)));
                e
            }
        }
    }
}
