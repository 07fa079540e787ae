//! Attributed statements: who says what, with which cue.
//!
//! Works sentence by sentence (a quote is never split, see `text.rs`). Each sentence is tried
//! against a few shapes, first match wins:
//!
//! 1. pointing back: `Dat meldt X.` claims the sentences before it;
//! 2. tail attribution: `,,…”, aldus X`, `…, meldt X.`, `"…," X said.`, `citeert X Y`;
//! 3. subject + speech verb: `X zegt (dat) …`, `X, de premier, zei: ,,…”`;
//! 4. `volgens X` / `according to X` anywhere in the sentence;
//! 5. a quote standing alone: it continues the speaker of the sentence before (or the subject
//!    of that sentence: `De minister reageert fel. ,,…”`).
//!
//! Sources are whole noun phrases. Every named noun phrase and every source becomes an
//! [`Entity`]; a pronoun, a description (`het ministerie`, `de vereniging`), a short name
//! (`De Graaf`) or the organisation behind a spokesperson resolves to the most recent entity
//! that fits. Entities that speak are mentioned again, so the most recent speaker wins over an
//! older bystander (`de minister` after two ministers: the one just quoted).

pub mod en;
pub mod nl;

use super::text::{self, Doc, NO_WORD, Sentence, TokKind};
use super::{Lang, Span};
use std::cell::Cell;

/// What the scanner needs to know about one language; the data lives in `nl.rs` and `en.rs`.
pub struct Tables {
    pub according_to: &'static [&'static [&'static str]],
    /// Speech verbs, as word sequences (`laat weten`).
    pub speech_verbs: &'static [&'static [&'static str]],
    /// Speech verbs whose particle may stand later in the sentence: `laat … weten`.
    pub separable: &'static [(&'static str, &'static str)],
    /// Cues that only follow what is said: `…, aldus X`.
    pub tail_only: &'static [&'static str],
    /// Verbs that attribute only when they frame a real quote: `noemt het ‘…’`.
    pub weak_verbs: &'static [&'static str],
    /// `citeert X Y`: X relays what Y said.
    pub quote_verbs: &'static [&'static str],
    pub complementizers: &'static [&'static str],
    /// Relative pronouns that open a clause inside a subject: `, which …,`.
    pub relatives: &'static [&'static str],
    /// Adverbs that may stand between a subject and its speech verb.
    pub adverbs: &'static [&'static str],
    /// Words that open a clause inside a sentence: `after X said …`, `toen X zei …`.
    pub clause_openers: &'static [&'static str],
    /// Who a speech verb may address before its content: `told me`, `zei tegen ons`.
    pub listeners: &'static [&'static str],
    /// `Q:`/`A:` markers of an interview, question first.
    pub interview: [&'static [&'static str]; 2],
    /// `Dat meldt X`: a demonstrative that points back to the sentences before.
    pub back_pointers: &'static [&'static str],
    pub determiners: &'static [&'static str],
    /// Determiners of a description that may refer back: `het ministerie`, `the minister`.
    pub definite: &'static [&'static str],
    /// Words that continue a noun phrase into its complement: `ministerie van Volksgezondheid`.
    pub np_links: &'static [&'static str],
    /// Words that join names in a list: `Onderwijs, Cultuur en Wetenschap`.
    pub conjunctions: &'static [&'static str],
    /// Lowercase particles inside personal names: `de Vries`, `van der Berg`.
    pub name_particles: &'static [&'static str],
    /// Words that end a noun phrase: finite verbs, prepositions, conjunctions, adverbs.
    pub np_stop: &'static [&'static str],
    /// Pronouns for a person (`hij`, `she`).
    pub person_pronouns: &'static [&'static str],
    /// Pronouns for anyone, a group or an organisation (`ze`, `they`).
    pub other_pronouns: &'static [&'static str],
    /// `een verklaring van het ministerie`: the document speaks for its author.
    pub document_nouns: &'static [&'static str],
    /// Nouns (or compound endings) that speak for an organisation: `woordvoerder`, `spokesman`.
    pub spokes_nouns: &'static [&'static str],
    /// Nouns (or compound endings) that make a noun phrase a person: titles and roles.
    pub person_nouns: &'static [&'static str],
    /// Nouns that refer back to whichever organisation was last named: `het bedrijf`.
    pub generic_orgs: &'static [&'static str],
    /// Nouns (or compound endings) that describe an organisation: `bedrijf`, `the company`.
    pub org_nouns: &'static [&'static str],
    /// Bodies that a bare noun names on its own (`de politie`, `the government`): never a
    /// description of whichever organisation was named last.
    pub institutions: &'static [&'static str],
    pub hedges: &'static [&'static [&'static str]],
    /// Words that join a second verb to the subject: `X called it … but said that …`.
    pub coordinators: &'static [&'static str],
    /// Words that mark a person as a woman or as a man: pronouns (`zij`, `he`), titles (`Ms`)
    /// and role nouns (`woordvoerster`, `spokesman`). A pronoun does not resolve to someone
    /// known to be of the other gender.
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    /// Dutch-style noun phrases: a capitalised name followed by a lowercase word ends the
    /// phrase unless the name is an inflected adjective (`de Russische regering`).
    pub adjective_ending: Option<char>,
    /// Abbreviated titles whose full stop belongs to the name after them: `Sen. Ted Cruz`,
    /// `dhr. Jansen` (each also an abbreviation that does not end a sentence).
    pub titles: &'static [&'static str],
    /// Auxiliaries, negations and modals that may stand between a subject and its speech verb
    /// (`has said`, `did not say`, `heeft gezegd`); after a tail cue they show that a clause of
    /// its own follows (`…, Trump said Bush is …`), not the end of the sentence.
    pub auxiliaries: &'static [&'static str],
    /// Participles that attach a statement to the subject of the clause before them:
    /// `X endorsed Cruz, saying …`.
    pub participle_cues: &'static [&'static str],
    /// Verb-second word order (Dutch): an adverbial may open a main clause, the finite verb
    /// comes second and the subject after it (`Daarom vindt ze …`, `In november kondigde X
    /// aan …`). A single unknown capitalised word before a speech verb is then no subject,
    /// and a noun phrase before a verb inside a sentence is one only at a clause's start.
    pub verb_second: bool,
    /// A lowercase word with this ending is an adverb (`basically said`, `recently praised`),
    /// unless it is one of `not_adverbs` (`family`, `supply`).
    pub adverb_suffix: Option<&'static str>,
    pub not_adverbs: &'static [&'static str],
    /// Speech verb forms that are as often nouns (`states`, `report`, `remarks`): a cue only
    /// when no determiner or number stands before and no verb follows (`the United States`,
    /// `A news report said`).
    pub noun_forms: &'static [&'static str],
    /// Quantifiers and demonstratives after which such a form is a noun (`both states`).
    pub noun_markers: &'static [&'static str],
    /// Verbs are written in lower case inside a sentence: a capitalised cue word there is a
    /// name (`the United States`, `Says Who`).
    pub lowercase_verbs: bool,
    /// Words that open a line with a colon and name no speaker: `Update:`, `Video:`.
    pub colon_labels: &'static [&'static str],
    /// Auxiliaries of the passive: `was told`, `werd gevraagd` (the subject is spoken to or
    /// of, not the speaker).
    pub passive_auxiliaries: &'static [&'static str],
    /// Headlines name their speaker before a colon without quote marks (`Graham: Trump's
    /// rhetoric …`, English); where they do not (Dutch quotes the words: `X: 'Het is tijd'`),
    /// `Dijkversterking Hoorn: jaren vertraging` is a topic, not a speaker.
    pub colon_headlines: bool,
    /// The word that introduces a passive's agent (`reported by`, `gemeld door`).
    pub agent_markers: &'static [&'static str],
    /// Speech verbs whose object is the one spoken to, not what is said (`told The Post on
    /// Thursday that …`): the object is skipped, and without a clause after it there is no
    /// statement.
    pub addressee_verbs: &'static [&'static str],
    /// A word that may stand between the content and a tail cue: `…, zo meldt de NOS`.
    pub tail_particles: &'static [&'static str],
    /// The impersonal pronoun of `„…”, klinkt het`: a subject that names no speaker.
    pub impersonal_pronouns: &'static [&'static str],
}

pub fn tables(lang: Lang) -> &'static Tables {
    match lang {
        Lang::Nl => &nl::TABLES,
        Lang::En => &en::TABLES,
    }
}

/// Speech verbs by their first word.
type Verbs = std::collections::HashMap<&'static str, Vec<&'static [&'static str]>, FxBuild>;

/// A language's speech verbs by their first word, built once per process rather than on every
/// analysis (on a 10 KB article building the tables' lookups was a tenth of the work).
fn verbs(lang: Lang) -> &'static Verbs {
    static NL: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<Verbs> = std::sync::OnceLock::new();
    let (cell, t) = match lang {
        Lang::Nl => (&NL, &nl::TABLES),
        Lang::En => (&EN, &en::TABLES),
    };
    cell.get_or_init(|| {
        let mut m = Verbs::default();
        for seq in t.speech_verbs {
            if let Some(w) = seq.first() {
                m.entry(*w).or_default().push(*seq);
            }
        }
        m
    })
}

pub fn abbreviations(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nl => nl::ABBREVIATIONS,
        Lang::En => en::ABBREVIATIONS,
    }
}

/// How the source is named; confidence depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Carries a proper name: `de CSTO`, `Voorzitter Nikol Pasjinjan`.
    Named,
    /// A description with no name that stands on its own: `de politie`, `een woordvoerder`.
    Description,
    /// A pronoun resolved to an earlier entity, `distance` sentences back.
    ResolvedPronoun { distance: usize },
    /// A description (or a spokesperson's organisation, or a short name) resolved to an
    /// earlier entity, `distance` sentences back.
    Resolved { distance: usize },
    /// A pronoun with no earlier entity to resolve it to.
    Pronoun,
}

#[derive(Clone, Debug)]
pub struct FoundSource {
    pub span: Span,
    pub resolved: Option<String>,
    pub via: Option<Span>,
    pub kind: SourceKind,
    /// Other entities that fitted the resolution nearly as well (0 when nothing was resolved).
    pub competitors: usize,
}

/// A statement found in the text, before confidence is attached.
#[derive(Clone, Debug)]
pub struct Found {
    pub span: Span,
    pub content: Span,
    pub direct: bool,
    pub source: Option<FoundSource>,
    pub cue: Option<Span>,
    pub hedged: bool,
    /// No cue of its own: continues the speaker of the sentence before.
    pub continued: bool,
    /// Tokens of the channel's noun phrase (`via`), remembered as an entity.
    via_tokens: Option<(usize, usize)>,
    sentence: usize,
    /// The entity the source stands for, if any (for continuation).
    entity: Option<usize>,
}

/// A noun phrase: tokens `first..=last`, its head noun token, and whether it names someone.
#[derive(Clone, Copy, Debug)]
struct Np {
    first: usize,
    last: usize,
    head: usize,
    named: bool,
    /// The first link word (`van`), if the phrase has a complement.
    link: Option<usize>,
    definite: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Person,
    Org,
    Other,
}

/// Someone the article has mentioned: the span that names it most fully, and where it was
/// last mentioned.
#[derive(Clone, Debug)]
struct Entity {
    /// Tokens of the fullest name, `first..=last`.
    first: usize,
    last: usize,
    sentence: usize,
    class: Class,
    named: bool,
    /// It has been the source of a statement.
    spoke: bool,
    /// Known gender: `Some(true)` for a woman, from a title or a pronoun that referred to it.
    female: Option<bool>,
    /// Signatures of its words, so that most entities fail a word test without reading a
    /// word: bit `id % 64` of each word's vocabulary id; one bit per last four bytes of each
    /// word of five bytes or more (only those can end in a noun of four: its last four bytes
    /// are theirs); whether a word is a person's or an organisation's noun.
    word_bits: u64,
    tail_bits: u64,
    person_noun: bool,
    org_noun: bool,
}

/// How many earlier entities resolution looks back over. An antecedent further back is
/// unlikely to be meant, and the bound keeps long texts linear.
const RESOLUTION_WINDOW: usize = 48;
/// How many sentences back a quote with no cue of its own looks for its speaker.
const CONTINUE_REACH: usize = 6;
/// How many sentences back a role description (`de goedlachse boa`) looks for the speaker it
/// renames.
const EPITHET_REACH: usize = 2;
// `describe` keeps the window's candidates in one `u64`.
const _: () = assert!(RESOLUTION_WINDOW <= 64);

/// How many tokens after `laat` its particle `weten` may stand.
const SEPARABLE_REACH: usize = 12;

/// How many sentences `Dat zegt X` may point back over.
const BACK_REACH: usize = 3;

/// How many words may follow a closing `X said` (`told Radio Meridian on Tuesday evening`).
const TAIL_REACH: usize = 8;
/// After a real quote a tail cue may be followed by a longer adjunct (where, when, to whom).
const QUOTE_TAIL_REACH: usize = 24;
/// A quote of up to this many tokens after a tail cue is a title, not content.
const TITLE_QUOTE: usize = 8;
/// Tokens on each side of a word that tell a headline in title case.
const TITLE_CASE_WINDOW: usize = 3;
/// How far back an apposition between a subject and its verb may reach:
/// `Christopher Harvey, a delegate from Houston, Texas, said`.
const APPOSITION_REACH: usize = 20;

/// How many sentences one interview answer may run over.
const ANSWER_REACH: usize = 12;

/// Longest relative clause skipped between a subject and its verb, in tokens.
const RELATIVE_REACH: usize = 14;

/// How many sentences back a description with no word in common with its antecedent may
/// reach (`meldt het instituut` two sentences after `Het KNMI`): further back, a reader would
/// need the name again.
const DESCRIPTION_REACH: usize = 4;

/// How many sentences back a speaker stays the most salient reading of a description that
/// fits it, over entities merely named since.
const SPEAKER_REACH: usize = 1;

/// Longest adverbial before a subject (`In a note to clients,`), in tokens.
const ADVERBIAL_REACH: usize = 8;

/// Longest noun phrase, in tokens.
const NP_REACH: usize = 16;

struct Ctx<'d, 't> {
    doc: &'d Doc<'t>,
    t: &'static Tables,
    /// Per token, the word lists that hold its word (`STOP`, `DET`, …), the noun classes it
    /// heads (`PERSON_NOUN`, …), its gender and whether it is a name (see `word_flags`): every
    /// table test while parsing is one bit test.
    flags: Vec<u32>,
    /// Per distinct word (vocabulary id), the rarer lists (`NOUN_FORM`, `NOT_ADVERB`).
    word_extra: Vec<u16>,
    /// Speech verbs by their first word.
    verbs: &'static Verbs,
    /// The latest noun phrases parsed, by start token modulo `NP_MEMO`.
    np_memo: Vec<Cell<Option<NpParse>>>,
    /// The latest sentence's `body_end`: (its first token, its end, the body's end).
    body_end_memo: Cell<Option<(usize, usize, usize)>>,
}

/// A noun phrase parse: (start token, end bound, the phrase found).
type NpParse = (usize, usize, Option<Np>);

/// How many parsed noun phrases `Ctx::noun_phrase` remembers, by start token modulo this: the
/// tokens of most sentences (a longer one only finds fewer of its phrases remembered).
const NP_MEMO: usize = 64;

const STOP: u32 = 1;
const DET: u32 = 1 << 1;
const PERSON_PRONOUN: u32 = 1 << 2;
const OTHER_PRONOUN: u32 = 1 << 3;
const PARTICLE: u32 = 1 << 4;
const LINK: u32 = 1 << 5;
const CONJ: u32 = 1 << 6;
const HEDGE: u32 = 1 << 7;
const OPENER: u32 = 1 << 8;
const COORD: u32 = 1 << 9;
const ACCORDING: u32 = 1 << 10;
const DEFINITE: u32 = 1 << 11;
const ADVERB: u32 = 1 << 12;
const COMPLEMENTIZER: u32 = 1 << 13;
const LISTENER: u32 = 1 << 14;
const QUOTE_VERB: u32 = 1 << 15;
const RELATIVE: u32 = 1 << 16;
const TAIL_ONLY: u32 = 1 << 17;
const WEAK_VERB: u32 = 1 << 18;
const BACK_POINTER: u32 = 1 << 19;
const DOCUMENT: u32 = 1 << 20;
/// A cue may start at the word (it opens a speech verb, a tail cue, a separable verb, a quote
/// verb or `according to`).
const CUE_START: u32 = 1 << 21;
/// Written with a capital inside a sentence and never in lower case: a name, even where it
/// opens a sentence (`Northlink rejected that figure.`).
const NAME: u32 = 1 << 22;
/// `is_noun` against `person_nouns`, `org_nouns`, `spokes_nouns`, `document_nouns`.
const PERSON_NOUN: u32 = 1 << 23;
const ORG_NOUN: u32 = 1 << 24;
const SPOKES_NOUN: u32 = 1 << 25;
const DOCUMENT_NOUN: u32 = 1 << 26;
/// The gender the word marks (`female` is tested first).
const FEMALE: u32 = 1 << 27;
const MALE: u32 = 1 << 28;
/// An abbreviated title (`Sen.`, `dhr.`).
const TITLE: u32 = 1 << 29;
const AUX: u32 = 1 << 30;
const PARTICIPLE: u32 = 1 << 31;
/// Flags kept apart from the hot lists: a second word of bits per vocabulary id.
const NOUN_FORM: u16 = 1;
const NOT_ADVERB: u16 = 1 << 1;
const COLON_LABEL: u16 = 1 << 2;
const PASSIVE_AUX: u16 = 1 << 3;
const NOUN_MARKER: u16 = 1 << 4;
const AGENT: u16 = 1 << 5;
const ADDRESSEE_VERB: u16 = 1 << 6;
const TAIL_PARTICLE: u16 = 1 << 7;
const IMPERSONAL: u16 = 1 << 8;

/// FxHash: the word maps hash every token of the text, and SipHash's resistance is not needed
/// for a map that lives for one call.
#[derive(Default)]
struct Fx(u64);

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

type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// The flags of one distinct word (all but `NAME`).
fn word_info(w: &str, t: &Tables) -> u32 {
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
fn mark_lists(doc: &Doc, t: &Tables, info: &mut [u32]) {
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
fn word_flags(doc: &Doc, t: &Tables) -> Vec<u32> {
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
fn after_stop(doc: &Doc, i: usize) -> bool {
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

fn seq_at(doc: &Doc, i: usize, seq: &[&str]) -> bool {
    seq.iter()
        .enumerate()
        .all(|(k, w)| doc.is_word(i + k) && doc.low(i + k) == *w)
}

/// `w` is `noun` or a compound ending in it (`politiewoordvoerder`, `EU-woordvoerder`).
fn is_noun(w: &str, nouns: &[&str]) -> bool {
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
fn is_or_ends_with(w: &str, words: &[&str]) -> bool {
    let last = w.as_bytes().last();
    words
        .iter()
        .any(|x| x.as_bytes().last() == last && (w == *x || (x.len() >= 5 && w.ends_with(x))))
}

/// `words.contains(&w)`, with the cheap length and first-byte test before each comparison.
fn has_word(words: &[&str], w: &str) -> bool {
    words
        .iter()
        .any(|x| x.len() == w.len() && x.as_bytes().first() == w.as_bytes().first() && *x == w)
}

impl Ctx<'_, '_> {
    fn is_in(&self, i: usize, words: &[&str]) -> bool {
        self.doc.is_word(i) && has_word(words, self.doc.low(i))
    }

    /// The speech-verb cue starting at `i` within `end`: its span's last token.
    fn cue_at(&self, i: usize, end: usize, tail: bool) -> Option<usize> {
        if !self.has(i, CUE_START)
            || self.noun_not_verb(i)
            || (i > 0 && self.has_extra(i - 1, PASSIVE_AUX) && !self.has(i, PARTICIPLE))
            // `first reported by The Post`: a passive with its agent.
            || self.has_extra(i + 1, AGENT)
        {
            return None;
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

    fn is_cue_word(&self, i: usize) -> bool {
        if !self.has(i, CUE_START) {
            return false;
        }
        self.cue_at(i, i + 3, true).is_some()
            || self.has(i, QUOTE_VERB)
            || self.t.according_to.iter().any(|s| seq_at(self.doc, i, s))
    }

    /// In a verb-second language, `np` before a verb inside the sentence is its subject: it
    /// opens a clause (after a mark or `en`, `maar`, `omdat`), or it is a name or has a
    /// determiner and its clause does not open with a preposition or adverb (then the verb
    /// came second and the subject is after it: `In november kondigde X aan`).
    fn v2_subject(&self, np: &Np) -> bool {
        let doc = self.doc;
        let i = np.first;
        if doc.sentence_initial(i)
            || (i > 0
                && (doc.kind(i - 1) == Some(TokKind::Punct) || self.has(i - 1, OPENER | COORD)))
        {
            return true;
        }
        let mut start = i;
        while start > 0 && doc.is_word(start - 1) && !doc.sentence_initial(start) {
            start -= 1;
        }
        (np.named || self.has(i, DET)) && !self.has(start, STOP)
    }

    /// In a verb-second language, `np` is one capitalised word that opens the sentence and
    /// is known as nothing else (no name seen inside a sentence, no determiner, pronoun or
    /// role): an adverb in first place (`Afgemeten zegt ze`, `Verder zei de minister`).
    fn adverbial_opener(&self, np: &Np) -> bool {
        self.t.verb_second
            && np.first == np.last
            && self.doc.sentence_initial(np.first)
            && !self.has(np.first, NAME | DET | PERSON_NOUN | ORG_NOUN | SPOKES_NOUN)
            && !self.is_pronoun(np.first)
            && !self
                .doc
                .raw(np.first)
                .chars()
                .skip(1)
                .any(char::is_uppercase)
    }

    /// Where the clause that starts at `c` ends (exclusive), within `..end`: before a `;` and
    /// before `, but` (not `, but added`); quotes are read whole. A second speech verb joined to
    /// the subject (`said A and said B`) stays inside: a sentence gives one statement, which
    /// must hold B too.
    fn content_end(&self, c: usize, end: usize) -> usize {
        let doc = self.doc;
        let mut k = c + 1;
        while k < end {
            if let Some(q) = doc.quote_opened_at(k) {
                k = q.close + 1;
                continue;
            }
            if doc.is_punct(k, ';')
                || (doc.is_punct(k, ',')
                    && self.has(k + 1, COORD)
                    && !self.has(k + 1, CONJ)
                    && !(k + 2..end.min(k + 5)).any(|x| self.cue_at(x, end, false).is_some()))
            {
                return k;
            }
            k += 1;
        }
        end
    }

    /// Content that starts at `c` right after its complementizer starts at the complementizer:
    /// `zei dat …`, `said that …` (PolNeAR's contents and the real-nl keys both include it;
    /// where it is left out of a key the content still covers it).
    fn with_complementizer(&self, c: usize) -> usize {
        if c > 0 && self.has(c - 1, COMPLEMENTIZER) {
            c - 1
        } else {
            c
        }
    }

    /// Token `i`'s word is in one of the rarer lists `f` (`NOUN_FORM`, `NOT_ADVERB`).
    fn has_extra(&self, i: usize, f: u16) -> bool {
        self.word_extra
            .get(self.doc.word_id(i) as usize)
            .is_some_and(|&x| x & f != 0)
    }

    /// Token `i`, a cue word, is a noun here: capitalised inside a sentence where verbs are
    /// not (`the United States`), or a form that is also a noun after a determiner, a
    /// number or a capitalised word, or before a verb (`both states`, `A news report said`).
    fn noun_not_verb(&self, i: usize) -> bool {
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
        let modified = before.is_some_and(|b| {
            doc.is_word(b)
                && (!doc.is_cap(b) || doc.low(b).ends_with("'s"))
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
    fn title_case_around(&self, i: usize) -> bool {
        let doc = self.doc;
        let words: Vec<usize> = (i.saturating_sub(TITLE_CASE_WINDOW)..i + TITLE_CASE_WINDOW + 1)
            .filter(|&k| doc.is_word(k) && k != i)
            .collect();
        words.len() >= 3 && words.iter().all(|&k| doc.is_cap(k))
    }

    /// Token `i` is an adverb: in the language's list, or a lowercase word with its adverb
    /// ending (`basically`).
    fn adverb(&self, i: usize) -> bool {
        if self.has(i, ADVERB) {
            return true;
        }
        let doc = self.doc;
        self.t.adverb_suffix.is_some_and(|sfx| {
            doc.is_word(i)
                && !doc.is_cap(i)
                && doc.low(i).len() > sfx.len() + 3
                && doc.low(i).ends_with(sfx)
                && !self.has_extra(i, NOT_ADVERB)
        })
    }

    /// Token `i`'s word is in one of the hot lists `f` (see `word_flags`).
    fn has(&self, i: usize, f: u32) -> bool {
        self.flags.get(i).is_some_and(|&x| x & f != 0)
    }

    fn is_pronoun(&self, i: usize) -> bool {
        self.has(i, PERSON_PRONOUN | OTHER_PRONOUN)
    }

    /// `volgens haar`, `according to her`: a possessive form standing alone as an object
    /// pronoun (not `volgens haar woordvoerder`).
    fn object_pronoun(&self, i: usize, end: usize) -> bool {
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
    fn body_end(&self, sent: &Sentence) -> usize {
        match self.body_end_memo.get() {
            Some((first, end, e)) if first == sent.first && end == sent.end => e,
            _ => {
                let e = body_end(self.doc, sent);
                self.body_end_memo.set(Some((sent.first, sent.end, e)));
                e
            }
        }
    }

    /// Parses a noun phrase starting at token `i`, ending before `end`. The mention pass and
    /// the statement patterns parse the same phrases of a sentence several times: the latest
    /// parses are remembered, by position.
    fn noun_phrase(&self, i: usize, end: usize) -> Option<Np> {
        let slot = self.np_memo.get(i % NP_MEMO);
        if let Some(m) = slot
            && let Some((at, until, np)) = m.get()
            && at == i
            && until == end
        {
            return np;
        }
        let np = self.parse_noun_phrase(i, end);
        if let Some(m) = slot {
            m.set(Some((i, end, np)));
        }
        np
    }

    fn parse_noun_phrase(&self, i: usize, end: usize) -> Option<Np> {
        let doc = self.doc;
        if i < end && self.is_pronoun(i) {
            return Some(Np {
                first: i,
                last: i,
                head: i,
                named: false,
                link: None,
                definite: false,
            });
        }
        let mut j = i;
        let mut definite = false;
        if self.has(j, DET) {
            definite = self.has(j, DEFINITE);
            j += 1;
        }
        let mut np = Np {
            first: i,
            last: i,
            head: usize::MAX,
            named: false,
            link: None,
            definite,
        };
        let mut last_word: Option<usize> = None;
        // The last word counted as a name (a capital that is not just the sentence's first).
        let mut last_name: Option<usize> = None;
        let mut head_lower: Option<usize> = None;
        let mut after_link = false;
        let limit = end.min(i + NP_REACH);
        while j < limit {
            match doc.kind(j) {
                Some(TokKind::Word) => {
                    // `Competition and Markets Authority`, `Infrastructuur en Waterstaat`.
                    if self.has(j, CONJ)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.is_cap(j - 1)
                        && doc.is_cap(j + 1)
                        && (!doc.sentence_initial(j - 1) || self.has(j - 1, NAME))
                    {
                        j += 1;
                        continue;
                    }
                    // `zegt Van Rijn`, `De Vries`: a capitalised particle opens a surname.
                    if self.has(j, PARTICLE)
                        && doc.is_cap(j)
                        && (doc.is_cap(j + 1) || (self.has(j + 1, PARTICLE) && doc.is_cap(j + 2)))
                        && doc.is_word(j + 1)
                        && last_word.is_none()
                    {
                        j += 1;
                        continue;
                    }
                    // `het OM`: an acronym is a name even where its letters spell a stop word.
                    let acronym =
                        || doc.raw(j).len() >= 2 && doc.raw(j).chars().all(|c| c.is_uppercase());
                    if (self.has(j, STOP) && !acronym())
                        || self.is_cue_word(j)
                        || (j > i && self.has(j, WEAK_VERB))
                    {
                        break;
                    }
                    // `Anna de Vries`, `Van der Berg`: particles between two name words.
                    if self.has(j, PARTICLE)
                        && j > i
                        && doc.is_cap(j - 1)
                        && (doc.is_cap(j + 1)
                            || (self.has(j + 1, PARTICLE)
                                && doc.is_cap(j + 2)
                                // `van de GGD`: an acronym after the article is an
                                // organisation, not the rest of a surname.
                                && !doc.raw(j + 2).chars().all(|c| c.is_uppercase())))
                    {
                        j += 1;
                        continue;
                    }
                    // `dagblad De Maasbode`: a capitalised article inside a sentence opens a name.
                    let in_name = doc.is_cap(j)
                        && j > i
                        && !doc.sentence_initial(j)
                        && !after_stop(doc, j)
                        && doc.is_cap(j + 1);
                    if self.has(j, DET) && !in_name {
                        if !after_link {
                            break; // a new noun phrase starts: `Khabar 24 | een politiewoordvoerder`
                        }
                        j += 1;
                        continue;
                    }
                    if self.has(j, LINK) {
                        // A link needs a head before it and a word after it, not a pronoun
                        // (`De Wever | van haar de nieuwe minister wilde maken`).
                        if last_word.is_none()
                            || !(doc.is_word(j + 1))
                            || self.has(j + 1, STOP)
                            || self.is_pronoun(j + 1)
                            || (self.has(j + 1, DET) && self.has(j + 2, DET))
                        {
                            break;
                        }
                        np.link.get_or_insert(j);
                        after_link = true;
                        j += 1;
                        continue;
                    }
                    let after_title =
                        j > 0 && doc.is_punct(j - 1, '.') && self.has(j.wrapping_sub(2), TITLE);
                    let cap = doc.is_cap(j)
                        && ((!doc.sentence_initial(j) && !after_stop(doc, j))
                            || self.has(j, NAME)
                            || (after_title && j > i));
                    if !doc.is_cap(j)
                        && let Some(p) = last_name.filter(|&p| p + 1 == j)
                        && self.ends_name(p, j)
                    {
                        break; // `het KNMI | bereikten`, `de NS | zaten`
                    }
                    if cap {
                        np.named = true;
                        last_name = Some(j);
                    } else {
                        // Two lowercase nouns in a row end the phrase unless the first is a
                        // pre-noun modifier (Dutch adjectives end in -e: `grote`, `Russische`).
                        if let Some(h) = head_lower
                            && np.link.is_none_or(|l| l < h)
                            && last_word == Some(h)
                            && !self.modifier(h)
                            && !self.title_before_name(j)
                        {
                            break;
                        }
                        if np.link.is_some() && !after_link {
                            break;
                        }
                        head_lower = Some(j);
                    }
                    if np.link.is_none() {
                        np.head = j;
                    }
                    after_link = false;
                    last_word = Some(j);
                    np.last = j;
                }
                // A plural possessive: `The drivers' union`.
                Some(TokKind::Punct)
                    if matches!(doc.punct_char(j), Some('\'' | '’'))
                        && doc.glued(j)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.low(j - 1).ends_with('s')
                        && doc.quote_closed_at(j).is_none()
                        && doc.is_word(j + 1) =>
                {
                    np.last = j;
                }
                // A title's full stop belongs to the name after it: `Sen. Ted Cruz`.
                Some(TokKind::Punct)
                    if doc.is_punct(j, '.')
                        && doc.glued(j)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && self.has(j - 1, TITLE)
                        && doc.is_cap(j + 1)
                        && doc.same_sentence(i, j + 1) =>
                {
                    np.last = j;
                }
                // An initial's full stop belongs to the name: `Ronald V.`, `V. zelf`.
                Some(TokKind::Punct)
                    if doc.is_punct(j, '.')
                        && doc.glued(j)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.is_cap(j - 1)
                        && doc.raw(j - 1).chars().count() == 1
                        && doc.same_sentence(i, j) =>
                {
                    np.named = true;
                    np.last = j;
                }
                // Digits belong to a name they follow: `Khabar 24`.
                Some(TokKind::Num)
                    if j > 0
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.is_cap(j - 1)
                        && !doc.glued(j) =>
                {
                    np.last = j;
                }
                _ => break,
            }
            j += 1;
        }
        last_word?;
        if np.head == usize::MAX {
            np.head = np.last;
        }
        // The head is the last lowercase noun before the link, if any (`staatszender Khabar 24`).
        if let Some(h) = head_lower.filter(|&h| np.link.is_none_or(|l| h < l)) {
            np.head = h;
        }
        Some(np)
    }

    /// A lowercase word `j` right after the capitalised word `p` is not part of its name: in
    /// Dutch unless `p` is an inflected adjective (`Russische ministerie`); in English when `j`
    /// looks like a past tense (`Nordline diverted`).
    fn ends_name(&self, p: usize, j: usize) -> bool {
        match self.t.adjective_ending {
            Some(e) => !self.doc.low(p).ends_with(e),
            None => {
                let w = self.doc.low(j);
                w.ends_with("ed") && w.len() > 4
            }
        }
    }

    /// Lowercase words at `j` that run into a name within a few words: a title
    /// (`algemeen directeur Ruud Klaassen`, `arts infectieziektebestrijding Jeroen Wolters`).
    fn title_before_name(&self, j: usize) -> bool {
        let doc = self.doc;
        for k in j..j + 3 {
            if doc.is_cap(k) {
                return !doc.sentence_initial(k);
            }
            if !doc.is_word(k) || self.has(k, STOP) || self.is_cue_word(k) {
                return false;
            }
        }
        false
    }

    /// A word that may stand before the head noun (an adjective or a title).
    fn modifier(&self, i: usize) -> bool {
        let w = self.doc.low(i);
        match self.t.adjective_ending {
            Some(e) => w.ends_with(e) && w.len() > 3 && !w.ends_with("ie"),
            None => true,
        }
    }

    /// Extends a noun phrase with an apposition: `Nikol Pasjinjan, de premier van Armenië,`.
    fn with_apposition(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && let Some(comma) = self.apposition_end(app.last + 1, end)
            && self.cue_at(comma + 1, end, false).is_some()
        {
            return Np {
                last: app.last,
                named: np.named || app.named,
                ..np
            };
        }
        np
    }

    /// The comma that closes an apposition at `k`, or after a short relative clause there
    /// (`the charity that runs the gallery,`).
    fn apposition_end(&self, k: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.is_punct(k, ',') {
            return Some(k);
        }
        if self.has(k, RELATIVE) || self.has(k, COMPLEMENTIZER) {
            return (k + 1..end.min(k + 1 + RELATIVE_REACH))
                .take_while(|&x| doc.quote_opened_at(x).is_none())
                .find(|&x| doc.is_punct(x, ','));
        }
        None
    }

    /// The last token of an entity's fullest name: a noun phrase extended over a list of
    /// names after its link (`van Onderwijs, Cultuur en Wetenschap`) and an acronym in
    /// brackets (`(VNG)`).
    fn name_end(&self, np: &Np, end: usize) -> usize {
        let doc = self.doc;
        let mut last = np.last;
        if np.link.is_some() && np.named {
            // Bounded by NP_REACH: a list of a few names.
            let mut k = last + 1;
            while k + 1 < end.min(np.last + NP_REACH) {
                let joins = doc.is_punct(k, ',') || self.has(k, CONJ);
                if joins && doc.is_cap(k + 1) {
                    last = k + 1;
                    k += 2;
                } else {
                    break;
                }
            }
        }
        // `het Centraal Bureau voor de Statistiek (CBS)`: a short tail of links, determiners
        // and names before an acronym in brackets belongs to the name.
        if np.named {
            let mut k = last + 1;
            while k < end.min(last + 5)
                && (doc.is_cap(k) || self.has(k, DET) || (doc.is_word(k) && doc.low(k).len() <= 4))
            {
                k += 1;
            }
            if k > last + 1
                && doc.is_punct(k, '(')
                && doc.is_cap(k - 1)
                && doc.is_cap(k + 1)
                && doc.is_punct(k + 2, ')')
            {
                last = k - 1;
            }
        }
        if doc.is_punct(last + 1, '(')
            && doc.is_cap(last + 2)
            && doc.is_punct(last + 3, ')')
            && last + 3 < end
        {
            last += 3;
        }
        last
    }

    /// What a noun phrase stands for: a person, an organisation, or neither.
    fn class(&self, first: usize, last: usize, named: bool) -> Class {
        let doc = self.doc;
        let mut caps_run = 0;
        let mut best_run = 0;
        // `at Harcourt Securities`, `van SV IJsselboys`: a name after a preposition is a place
        // or an organisation.
        let determined = self.has(first, DET)
            || (first > 0
                && doc.same_sentence(first - 1, first)
                && self.has(first - 1, STOP)
                && !self.is_pronoun(first - 1));
        // A role makes a person (`union leader Maria Okafor`, `een woordvoerder van de
        // politie`) even beside an organisation's noun.
        if (first..=last).any(|k| doc.is_word(k) && self.has(k, PERSON_NOUN)) {
            return Class::Person;
        }
        for k in first..=last {
            if doc.is_word(k) && self.has(k, ORG_NOUN) {
                return Class::Org;
            }
            let acronym = doc.raw(k).chars().all(|c| c.is_uppercase());
            if doc.is_cap(k) && !acronym && !self.has(k, DET) {
                // A run of names counts only where it starts the phrase or its apposition.
                // `sluit Gerda Mulder`: one lowercase word before the names (a verb the phrase
                // swallowed, or a title) does not stop the run.
                let after_one = k > first
                    && !determined
                    && (first..k).all(|x| doc.is_word(x) && !doc.is_cap(x));
                if caps_run > 0 || k == first || after_one || doc.is_punct(k.wrapping_sub(1), ',') {
                    caps_run += 1;
                }
                best_run = best_run.max(caps_run);
            } else if !self.has(k, PARTICLE) || caps_run == 0 {
                caps_run = 0;
            }
        }
        if best_run >= 2 && (!determined || self.has_apposition(first, last)) {
            Class::Person
        } else if named {
            Class::Org
        } else {
            Class::Other
        }
    }

    fn has_apposition(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| self.doc.is_punct(k, ','))
    }

    fn entity(&self, np: &Np, end: usize, sentence: usize) -> Entity {
        let last = self.name_end(np, end);
        // `jaar sluit Gerda Mulder`: words before a name that are neither a determiner nor a
        // title are not part of it.
        let mut first = np.first;
        while first < np.last
            && self.doc.is_word(first)
            && !self.doc.is_cap(first)
            && !self.has(first, DET)
            && !self.has(first, PERSON_NOUN)
            && !self.has(first, SPOKES_NOUN)
            && !self.has(first, ORG_NOUN)
            && (first + 1..=np.last).any(|k| self.doc.is_cap(k))
        {
            first += 1;
        }
        let np = &Np { first, ..*np };
        let (mut word_bits, mut tail_bits) = (0u64, 0u64);
        for k in first..last.saturating_add(1) {
            let id = self.doc.word_id(k);
            if id != NO_WORD {
                word_bits |= 1 << (id % 64);
                if let (5.., Some(t)) = self.doc.vocab_len_tail(id) {
                    tail_bits |= tail_bit(t);
                }
            }
        }
        Entity {
            first: np.first,
            last,
            sentence,
            class: self.class(np.first, last, np.named),
            named: np.named,
            spoke: false,
            female: (first..=last).find_map(|k| self.gender(k)),
            word_bits,
            tail_bits,
            person_noun: (first..=last).any(|k| self.has(k, PERSON_NOUN)),
            org_noun: (first..=last).any(|k| self.has(k, ORG_NOUN)),
        }
    }

    /// The gender word `k` marks, if any.
    fn gender(&self, k: usize) -> Option<bool> {
        if self.has(k, FEMALE) {
            Some(true)
        } else if self.has(k, MALE) {
            Some(false)
        } else {
            None
        }
    }

    fn entity_text(&self, e: &Entity) -> String {
        self.doc.span(e.first, e.last).of(self.doc.text).to_owned()
    }

    /// `w` is what a short form of entity `e` would keep: the last name before its complement
    /// (`Graaf` of `minister Anouk de Graaf van VWS`) or an acronym (`VNG`, `GGD`).
    fn entity_key(&self, e: &Entity, w: &str) -> bool {
        let doc = self.doc;
        let mut key = None;
        let mut head_done = false;
        for k in e.first..=e.last {
            // An acronym names the entity where it heads it or stands in brackets (`(VNG)`);
            // `arts … van de GGD` is a person, not the GGD.
            if doc.is_cap(k)
                && doc.raw(k).chars().all(|c| c.is_uppercase())
                && doc.low(k) == w
                && (!head_done || doc.is_punct(k.wrapping_sub(1), '('))
            {
                return true;
            }
            if self.has(k, LINK) || doc.kind(k) == Some(TokKind::Punct) {
                head_done = true;
            }
            if !head_done && doc.is_cap(k) {
                key = Some(k);
            }
        }
        key.is_some_and(|k| doc.low(k) == w)
    }

    /// Entity `e` contains the word `w` (or a compound ending in it); `id` is `w`'s vocabulary
    /// id (`None`: not in the text), found once by the caller, not once per entity.
    fn entity_has(&self, e: &Entity, w: &str, id: Option<u32>) -> bool {
        // The same word has the same vocabulary id; only a longer word can end in `w`, and it
        // ends in `w`'s last four bytes.
        let doc = self.doc;
        let tail = text::tail4(w.as_bytes());
        let maybe_same = id.is_some_and(|id| e.word_bits & (1 << (id % 64)) != 0);
        let maybe_suffix = tail.is_some_and(|t| e.tail_bits & tail_bit(t) != 0);
        if !maybe_same && !maybe_suffix {
            return false;
        }
        for k in e.first..e.last.saturating_add(1) {
            let wid = doc.word_id(k);
            if wid == NO_WORD {
                continue;
            }
            if Some(wid) == id {
                return true;
            }
            if maybe_suffix {
                let (len, x_tail) = doc.vocab_len_tail(wid);
                if len > w.len() && x_tail == tail && doc.vocab_word(wid).ends_with(w) {
                    return true;
                }
            }
        }
        false
    }
}

/// The bit of an entity's `tail_bits` for a word's last four bytes (a multiplicative hash: the
/// bytes' top six bits of the product pick one of 64).
#[inline]
fn tail_bit(tail: u32) -> u64 {
    1 << (tail.wrapping_mul(0x9E37_79B1) >> 26)
}

/// The state that carries across sentences: entities in order of their latest mention.
struct Memory {
    /// Added only through `Memory::push`. Only `female` is ever changed in place afterwards; the
    /// signatures in `sigs` copy fields that are not.
    entities: Vec<Entity>,
    /// The signatures of the latest `SIG_RING` entities, entity `k`'s at `k % SIG_RING`: a
    /// dense array, so that a description is tested against the whole window without a branch
    /// per entity, and a fixed one (the entities themselves run into the hundreds of thousands
    /// on a long text).
    sigs: [Sig; SIG_RING],
    /// For each sentence, the entity its subject names, if it opens with a name.
    subject: Vec<Option<usize>>,
}

/// How many entity signatures `Memory` keeps: at least the resolution window.
const SIG_RING: usize = 64;
const _: () = assert!(RESOLUTION_WINDOW <= SIG_RING);

/// What a description's lexical test (`describe`) needs of an entity before reading its words.
#[derive(Clone, Copy, Default)]
struct Sig {
    word_bits: u64,
    tail_bits: u64,
    /// `SIG_*` bits.
    flags: u8,
}

const SIG_PERSON: u8 = 1;
/// Named, or more than two tokens long.
const SIG_SUBSTANTIAL: u8 = 1 << 1;
const SIG_PERSON_NOUN: u8 = 1 << 2;
const SIG_ORG_NOUN: u8 = 1 << 3;

impl Memory {
    fn push(&mut self, e: Entity) {
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        self.sigs[self.entities.len() % SIG_RING] = Sig {
            word_bits: e.word_bits,
            tail_bits: e.tail_bits,
            flags: flag(e.class == Class::Person, SIG_PERSON)
                | flag(e.named || e.last > e.first + 1, SIG_SUBSTANTIAL)
                | flag(e.person_noun, SIG_PERSON_NOUN)
                | flag(e.org_noun, SIG_ORG_NOUN),
        };
        self.entities.push(e);
    }

    /// The most recent entities, newest first, within the window.
    fn recent(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .rev()
            .take(RESOLUTION_WINDOW)
    }

    /// Mentions entity `e` again (it speaks), so that it is the most recent.
    fn refresh(&mut self, e: usize, sentence: usize) -> usize {
        let mut x = self.entities[e].clone();
        x.sentence = sentence;
        x.spoke = true;
        self.push(x);
        self.entities.len() - 1
    }
}

/// Finds every attributed statement in `doc`.
pub fn find(doc: &Doc, lang: Lang) -> Vec<Found> {
    let t = tables(lang);
    let ctx = Ctx {
        doc,
        t,
        flags: word_flags(doc, t),
        word_extra: {
            let mut x = vec![0u16; doc.vocab_len()];
            doc.mark_words(&mut x, t.noun_forms.iter().copied(), NOUN_FORM);
            doc.mark_words(&mut x, t.not_adverbs.iter().copied(), NOT_ADVERB);
            doc.mark_words(&mut x, t.colon_labels.iter().copied(), COLON_LABEL);
            doc.mark_words(&mut x, t.passive_auxiliaries.iter().copied(), PASSIVE_AUX);
            doc.mark_words(&mut x, t.noun_markers.iter().copied(), NOUN_MARKER);
            doc.mark_words(&mut x, t.agent_markers.iter().copied(), AGENT);
            doc.mark_words(&mut x, t.addressee_verbs.iter().copied(), ADDRESSEE_VERB);
            doc.mark_words(&mut x, t.tail_particles.iter().copied(), TAIL_PARTICLE);
            doc.mark_words(&mut x, t.impersonal_pronouns.iter().copied(), IMPERSONAL);
            x
        },
        verbs: verbs(lang),
        np_memo: vec![Cell::new(None); NP_MEMO],
        body_end_memo: Cell::new(None),
    };
    let mut mem = Memory {
        entities: Vec::new(),
        sigs: [Sig::default(); SIG_RING],
        subject: Vec::with_capacity(doc.sentences.len()),
    };
    let mut out: Vec<Found> = Vec::new();
    // In an interview, the sentences up to here are the interviewee's answer.
    let mut answer_until = 0;
    let answers = prompted_answers(&ctx);
    // The answer to a prompt line being read: its last sentence, and the statement that holds
    // the interviewee's words so far (sentences with an attribution of their own break it).
    let mut prompted: Option<usize> = None;
    let mut answer_stmt: Option<usize> = None;
    for (s, whole) in doc.sentences.iter().enumerate() {
        if let Some(last) = answers[s] {
            prompted = Some(last);
            answer_stmt = None;
        }
        // `Q: The council says …`: the marker is not part of the sentence.
        let marker = interview_marker(&ctx, whole);
        let sent = &match marker {
            Some(_) => Sentence {
                first: whole.first + 2,
                end: whole.end,
            },
            None => *whole,
        };
        // Statements first, so that a source is never resolved to itself.
        let found = answer(&ctx, whole, s, marker, &mem, &mut answer_until)
            .or_else(|| back_pointer(&ctx, sent, s, &mut out))
            .or_else(|| tail(&ctx, sent))
            .or_else(|| dangling_tail(&ctx, sent, s, &mut out))
            .or_else(|| colon_speaker(&ctx, sent))
            .or_else(|| subject(&ctx, sent))
            .or_else(|| inverted(&ctx, sent))
            .or_else(|| coordinated(&ctx, sent))
            .or_else(|| according_to(&ctx, sent))
            .or_else(|| embedded(&ctx, sent))
            .or_else(|| subject_inside(&ctx, sent))
            .or_else(|| participle(&ctx, sent))
            .or_else(|| {
                if s < answer_until || prompted.is_some_and(|l| s <= l) {
                    None
                } else {
                    lone_quote(&ctx, sent, s, &out, &mem)
                }
            });
        // A sentence of an answer with no attribution of its own: the interviewee's words.
        if found.is_none()
            && prompted.is_some_and(|l| s <= l)
            && marker.is_none()
            && s >= answer_until
        {
            match answer_stmt
                .and_then(|k| out.get_mut(k))
                .filter(|f| f.sentence + 1 == s)
            {
                Some(f) => {
                    let end = doc.sentence_span(sent).end;
                    f.span.end = end;
                    f.content.end = end;
                    f.sentence = s;
                }
                None => {
                    if let Some(f) = interviewee_answer(&ctx, s, &mem) {
                        answer_stmt = Some(out.len());
                        out.push(f);
                    }
                }
            }
            collect_mentions(&ctx, sent, s, &mut mem, None, None);
            continue;
        }
        let mut speaker = None;
        // The source phrase just resolved (its first token): not mentioned a second time.
        let mut source_first = None;
        if let Some((mut f, source_np)) = found {
            source_first = source_np.map(|np| np.first);
            f.sentence = s;
            f.hedged = hedged(&ctx, sent);
            if let (Some(src), Some(np)) = (f.source.as_mut(), source_np) {
                speaker = resolve(&ctx, src, np, &mut mem, s, ctx.body_end(sent));
            } else if let Some(e) = f.entity {
                speaker = Some(mem.refresh(e, s));
            }
            f.entity = speaker;
            // The channel spoke too: `de krant` later may mean it.
            if let Some((a, b)) = f.via_tokens
                && let Some(np) = ctx.noun_phrase(a, b + 1)
            {
                let e = ctx.entity(&np, b + 1, s);
                mem.push(Entity { spoke: true, ..e });
            }
            let more = participle_after(&ctx, sent, &f);
            out.push(f);
            if let Some(g) = more {
                out.push(g);
            }
        }
        collect_mentions(&ctx, sent, s, &mut mem, speaker, source_first);
    }
    out
}

fn stmt(
    doc: &Doc,
    sent: &Sentence,
    content: Span,
    direct: bool,
    source: Option<(Np, Option<Np>)>,
    cue: Option<Span>,
) -> (Found, Option<Np>) {
    let src = source.map(|(np, via)| FoundSource {
        span: doc.span(np.first, np.last),
        resolved: None,
        via: via.map(|v| doc.span(v.first, v.last)),
        kind: if np.named {
            SourceKind::Named
        } else {
            SourceKind::Description
        },
        competitors: 0,
    });
    let span = doc.sentence_span(sent);
    let f = Found {
        span,
        content,
        direct,
        source: src,
        cue,
        hedged: false,
        continued: false,
        via_tokens: source.and_then(|(_, via)| via.map(|v| (v.first, v.last))),
        sentence: 0,
        entity: None,
    };
    (f, source.map(|(np, _)| np))
}

/// The end (exclusive) of the sentence's text: before its final full stop, comma or stray
/// mark, but keeping a closing quote mark, `%` and brackets.
fn body_end(doc: &Doc, sent: &Sentence) -> usize {
    let mut e = sent.end;
    while e > sent.first + 1
        && doc.punct_char(e - 1).is_some_and(trailing_mark)
        && doc.quote_closed_at(e - 1).is_none()
    {
        e -= 1;
    }
    e
}

/// Marks that end a sentence's text without being part of it: stops, commas, stray quote marks.
fn trailing_mark(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | ','
            | ';'
            | ':'
            | '"'
            | '\''
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '«'
            | '»'
    )
}

/// A quote's content is direct speech worth a statement: more than a scare-quoted word.
fn real_quote(doc: &Doc, inner: Span) -> bool {
    inner.of(doc.text).split_whitespace().nth(2).is_some()
}

/// `Dat meldt X.`, `Dit zegt X in een verklaring.`: the sentences before (in the same
/// paragraph, without a cue of their own) are what X claims.
fn back_pointer(
    ctx: &Ctx,
    sent: &Sentence,
    s: usize,
    out: &mut Vec<Found>,
) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    if s == 0 || !ctx.has(sent.first, BACK_POINTER) || !doc.is_cap(sent.first) {
        return None;
    }
    let end = ctx.body_end(sent);
    let cue_last = ctx.cue_at(sent.first + 1, end, false)?;
    let np = ctx.noun_phrase(cue_last + 1, end)?;
    // At a paragraph's start it points back only to a quote standing alone as the paragraph
    // before (a headline: `‘Dagelijks sterven 100 soorten uit’` ¶ `Dat schreef Vice.`).
    let para_start = doc.tokens.get(sent.first).is_some_and(|t| t.para_before);
    if para_start {
        let prev = &doc.sentences[s - 1];
        let alone = doc.tokens.get(prev.first).is_some_and(|t| t.para_before) || s == 1;
        let quote_only = doc
            .quote_opened_at(prev.first)
            .is_some_and(|q| q.close + 2 >= prev.end);
        if !(alone && quote_only) {
            return None;
        }
    }
    // Walk back over the paragraph's sentences; a statement with a cue stops the walk, one
    // without (a lone quote given to the previous speaker) is taken over.
    let mut first = s;
    for k in (s.saturating_sub(BACK_REACH)..s).rev() {
        let prev = &doc.sentences[k];
        if let Some(last) = out.last()
            && last.sentence == k
        {
            if last.cue.is_some() {
                break;
            }
            out.pop();
        }
        first = k;
        if doc.tokens.get(prev.first).is_some_and(|t| t.para_before) {
            break;
        }
    }
    if first == s {
        return None;
    }
    let from = doc.sentences[first];
    let to = doc.sentences[s - 1];
    let content = Span::new(doc.sentence_span(&from).start, doc.sentence_span(&to).end);
    let (mut f, np) = stmt(
        doc,
        sent,
        content,
        false,
        Some((np, None)),
        Some(doc.span(sent.first + 1, cue_last)),
    );
    f.span = Span::new(content.start, doc.sentence_span(sent).end);
    f.direct = doc
        .quote_opened_at(from.first)
        .is_some_and(|q| q.close + 2 >= to.end);
    Some((f, np))
}

/// `,,…”, aldus X`, `…, meldt X.`, `"…," X said.`, `,,…”, citeert X Y`.
fn tail(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let mut i = sent.first;
    while i < end {
        // A comma inside a quote belongs to the speaker: jump over quotes.
        if let Some(q) = doc.quote_opened_at(i) {
            i = q.close + 1;
            continue;
        }
        if i == sent.first {
            i += 1;
            continue;
        }
        // The cue follows a comma or the closing mark of a quote.
        let after_comma = doc.is_punct(i - 1, ',');
        let closer = if after_comma {
            i.checked_sub(2)
        } else {
            Some(i - 1)
        };
        let quote = closer.and_then(|c| doc.quote_closed_at(c)).copied();
        if !(after_comma || quote.is_some()) {
            i += 1;
            continue;
        }
        let content = match quote {
            Some(q) => q.inner,
            None if i >= sent.first + 3 => doc.span(sent.first, i - 2),
            None => Span::new(0, 0),
        };
        if content.is_empty() {
            i += 1;
            continue;
        }
        let direct = quote.is_some_and(|q| content == q.inner);
        // `…, citeert X Y`
        if ctx.has(i, QUOTE_VERB)
            && let Some(via) = ctx.noun_phrase(i + 1, end)
        {
            let cue = doc.span(i, i);
            let src = match ctx.noun_phrase(via.last + 1, end) {
                Some(speaker) => (speaker, Some(via)),
                None => (via, None),
            };
            return Some(stmt(doc, sent, content, direct, Some(src), Some(cue)));
        }
        // `…, aldus X` / `…, zegt X`: the source closes the sentence (`…, said the firm had
        // offered …` is a subject with its apposition, then a verb with its own clause).
        // A weak verb is a cue only after a real quote: `„…”, reageerde Smeets`.
        // `…, zo noemt X het`, `…, zo luidt de verklaring`: a particle before the tail cue,
        // which makes even a weak verb a cue.
        let particle = ctx.has_extra(i, TAIL_PARTICLE) && !doc.is_punct(i + 1, ',');
        let ci = i + particle as usize;
        let weak =
            (particle || quote.is_some_and(|q| real_quote(doc, q.inner))) && ctx.has(ci, WEAK_VERB);
        if let Some(cue_last) = ctx.cue_at(ci, end, true).or(weak.then_some(ci))
            && !(quote.is_none() && subject_only(ctx, sent.first, i - 1, end))
            && let Some(np) = ctx.noun_phrase(cue_last + 1, end)
            && let np = ctx.with_apposition_tail(np, end)
            // After `zo` the order is fixed: what follows the source is its object.
            && (particle
                || closes_within(
                    ctx,
                    np.last + 1,
                    end,
                    if quote.is_some() {
                        QUOTE_TAIL_REACH
                    } else {
                        TAIL_REACH
                    },
                ))
        {
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((np, None)),
                Some(doc.span(ci, cue_last)),
            ));
        }
        // `"…," the Courier quoted a firefighter as saying.`
        if let Some(via) = ctx.noun_phrase(i, end)
            && ctx.has(via.last + 1, QUOTE_VERB)
            && let Some(speaker) = ctx.noun_phrase(via.last + 2, end)
        {
            let cue = doc.span(via.last + 1, via.last + 1);
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((speaker, Some(via))),
                Some(cue),
            ));
        }
        // `…, X zegt.` / `"…," the minister said (on Tuesday).`: the cue closes the sentence;
        // `The minister, he said, should …`: a parenthetical cue, the sentence around it is
        // the content.
        if let Some(np) = ctx.noun_phrase(i, end)
            // `Jo Kerr, the union leader, said …`: a subject and its apposition, not content
            // and a tail.
            && !(quote.is_none()
                && doc.is_punct(np.last + 1, ',')
                && ctx
                    .noun_phrase(sent.first, end)
                    .is_some_and(|s| s.last + 2 == i))
            && !(quote.is_none() && subject_only(ctx, sent.first, i - 1, end))
            && let np = ctx.with_bracket(ctx.with_apposition(np, end), end)
            && let cue_first = np.last + 1 + doc.is_punct(np.last + 1, ',') as usize
            && let Some(cue_last) = ctx.cue_at(cue_first, end, true)
        {
            // `"Usually," she said, "the board decides …"`: one statement over both pieces.
            if quote.is_some()
                && let Some(q2) = second_piece(ctx, cue_last + 1, end)
            {
                return Some(stmt(
                    doc,
                    sent,
                    Span::new(content.start, q2.inner.end),
                    true,
                    Some((np, None)),
                    Some(doc.span(cue_first, cue_last)),
                ));
            }
            if !closes_within(
                ctx,
                cue_last + 1,
                end,
                if quote.is_some() {
                    QUOTE_TAIL_REACH
                } else {
                    TAIL_REACH
                },
            ) {
                i += 1;
                continue;
            }
            // `The museum, Mr. Bush said, celebrated …`: a cue between commas inside the
            // sentence it attributes.
            let parenthetical = quote.is_none()
                && doc.is_punct(cue_last + 1, ',')
                && cue_last + 3 < end
                && (ctx.is_pronoun(np.first) || np.named);
            let content = if parenthetical {
                doc.span(sent.first, end - 1)
            } else {
                content
            };
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((np, None)),
                Some(doc.span(cue_first, cue_last)),
            ));
        }
        i += 1;
    }
    None
}

/// `…, "B."` at token `k`: the second piece of an interrupted quote, running to the end of the
/// sentence.
fn second_piece(ctx: &Ctx, k: usize, end: usize) -> Option<text::Quote> {
    let doc = ctx.doc;
    if !(doc.is_punct(k, ',') || doc.is_punct(k, ':')) {
        return None;
    }
    doc.quote_opened_at(k + 1)
        .copied()
        .filter(|q| q.close + 1 >= end && real_quote(doc, q.inner))
}

impl Ctx<'_, '_> {
    /// `Rep. Earl Blumenauer (D-Ore.)`: a short bracket after a name belongs to it.
    fn with_bracket(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, '(')
            && let Some(close) =
                (np.last + 2..end.min(np.last + 10)).find(|&k| doc.is_punct(k, ')'))
        {
            return Np { last: close, ..np };
        }
        np
    }

    /// `a neighbour, Dev Sharma, as saying`: an apposition closed by a comma.
    fn with_apposition_as(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && doc.is_punct(app.last + 1, ',')
        {
            return Np {
                last: app.last,
                named: np.named || app.named,
                ..np
            };
        }
        np
    }

    /// `…, zegt Henk Bakker, die …` / `…, aldus X, de directeur van Y.`: an apposition after a
    /// tail source belongs to it when the sentence ends there.
    fn with_apposition_tail(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && (self.has(np.last + 2, DET) || doc.is_cap(np.last + 2))
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && (app.last + 1 >= end
                || (doc.is_punct(app.last + 1, ',') && self.has(app.last + 2, RELATIVE)))
        {
            return Np {
                last: app.last,
                named: np.named || app.named,
                ..np
            };
        }
        np
    }
}

/// Tokens `first..comma` are one noun phrase with an apposition (`Pennine Rail's managing
/// director, Lucy Barnes`): a subject, not content that a tail cue could claim.
fn subject_only(ctx: &Ctx, first: usize, comma: usize, end: usize) -> bool {
    // Only the apposition form: a lone noun phrase before a comma may be a whole clause that
    // the phrase parser read too far into (`De kade verzakt, meldt …`).
    ctx.noun_phrase(first, end).is_some_and(|np| {
        ctx.doc.is_punct(np.last + 1, ',')
            && np.last + 1 < comma
            && ctx
                .noun_phrase(np.last + 2, end)
                .is_some_and(|app| app.last + 1 == comma)
    })
}

/// The words from `c` close a tail attribution (`… said on Monday.`, `… said on Monday, with
/// …`): few, with no clause or quote of their own.
fn closes(ctx: &Ctx, c: usize, end: usize) -> bool {
    closes_within(ctx, c, end, TAIL_REACH)
}

/// `closes`, with the adjunct after the cue allowed up to `reach` tokens: after a real quote
/// (`"…," he said in Las Vegas at a forum hosted by …`) what follows the cue is rarely content.
fn closes_within(ctx: &Ctx, c: usize, end: usize, reach: usize) -> bool {
    let doc = ctx.doc;
    for k in c..end.min(c + reach + 1) {
        if doc.is_punct(k, ',') {
            // `Beck said, "…"`: the quote after the cue is what is said.
            return doc.quote_opened_at(k + 1).is_none();
        }
        if ctx.has(k, COMPLEMENTIZER) || ctx.has(k, AUX) {
            return false;
        }
        // A short quote after the cue names a show or a paper (`told ABC's "This Week"`).
        if let Some(q) = doc.quote_opened_at(k)
            && (reach == TAIL_REACH || q.close - q.open > TITLE_QUOTE)
        {
            return false;
        }
    }
    end <= c + reach
}

/// `X zegt (dat) …`, `X, de premier, zei: ,,…”`.
fn subject(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    subject_at(ctx, sent, sent.first).or_else(|| {
        // `In a statement, the company said …`, `Outside court he told …`: a short adverbial
        // before the subject, closed by a comma or followed by a pronoun.
        let end = ctx.body_end(sent);
        let k = (sent.first + 1..end.min(sent.first + ADVERBIAL_REACH)).find(|&k| {
            (doc.is_punct(k - 1, ',') && doc.quote_opened_at(sent.first).is_none())
                || (ctx.has(k, PERSON_PRONOUN) || ctx.has(k, OTHER_PRONOUN))
        })?;
        if (sent.first..k).any(|x| doc.quote_opened_at(x).is_some() || ctx.is_cue_word(x)) {
            return None;
        }
        subject_at(ctx, sent, k)
    })
}

fn subject_at(ctx: &Ctx, sent: &Sentence, first: usize) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let np = ctx.noun_phrase(first, end)?;
    if ctx.adverbial_opener(&np) {
        return None;
    }
    let np = ctx.with_apposition(np, end);
    // `De Nederlandsche Bank (DNB) verwacht`: the acronym in brackets is part of the name.
    let np = if doc.is_punct(np.last + 1, '(') && np.named {
        Np {
            last: ctx.name_end(&np, end),
            ..np
        }
    } else {
        np
    };
    // After an apposition its closing comma stands before the verb.
    // `The Merrow Arts Trust, the charity that runs the gallery, said`: after a relative
    // clause inside the apposition.
    let mut cue_first =
        if doc.is_punct(np.last + 1, ',') && (np.first..np.last).any(|k| doc.is_punct(k, ',')) {
            np.last + 2
        } else if np.last > first
            && doc.is_punct(np.first.max(first) + 1, ',')
                | (np.first..np.last).any(|k| doc.is_punct(k, ','))
            && let Some(c) = ctx.apposition_end(np.last + 1, end)
        {
            c + 1
        } else {
            np.last + 1
        };
    // `The county council, which proposed the merger, said`: skip a short relative clause.
    if doc.is_punct(np.last + 1, ',')
        && ctx.has(np.last + 2, RELATIVE)
        && let Some(k) =
            (np.last + 3..end.min(np.last + 3 + RELATIVE_REACH)).find(|&k| doc.is_punct(k, ','))
    {
        cue_first = k + 1;
    }
    // `The company still expects`, `De bond zegt ook`: an adverb before the verb.
    while (ctx.adverb(cue_first) || ctx.has(cue_first, AUX)) && cue_first < np.last + 5 {
        cue_first += 1;
    }
    // `The Courier quoted a neighbour, Dev Sharma, as saying (that) …`: the speaker is the
    // object, the subject the channel.
    if ctx.has(cue_first, QUOTE_VERB)
        && let Some(speaker) = ctx.noun_phrase(cue_first + 1, end)
        && let speaker = ctx.with_apposition_as(speaker, end)
        && let Some(c) = (speaker.last + 1..end.min(speaker.last + 5))
            .find(|&k| ctx.cue_at(k, end, false).is_some())
    {
        let mut c = ctx.cue_at(c, end, false).unwrap_or(c) + 1;
        if ctx.has(c, COMPLEMENTIZER) {
            c += 1;
        }
        if c < end {
            return Some(stmt(
                doc,
                sent,
                doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
                false,
                Some((speaker, Some(np))),
                Some(doc.span(cue_first, cue_first)),
            ));
        }
    }
    let weak = ctx.has(cue_first, WEAK_VERB);
    let cue_last = if weak {
        cue_first
    } else {
        ctx.cue_at(cue_first, end, false)?
    };
    let mut c = cue_last + 1;
    // The particle of `laat … weten` stands inside: skip to it when it is next.
    while ctx.is_in(c, &["weten"])
        || ctx.has(c, LISTENER)
        || doc.is_punct(c, ':')
        || doc.is_punct(c, ',')
    {
        c += 1;
    }
    // `X said on Tuesday that …`: the clause starts after the complementizer.
    if let Some(k) = (c..end.min(c + 6)).find(|&k| ctx.has(k, COMPLEMENTIZER)) {
        c = k + 1;
    }
    // A clause has more than one word (`rejected that figure` is no statement).
    if c + 1 >= end {
        return None;
    }
    // A weak verb (`noemt`) attributes only what it frames in quote marks.
    if weak
        && !(c..end).any(|k| {
            doc.quote_opened_at(k)
                .is_some_and(|q| real_quote(doc, q.inner))
        })
    {
        return None;
    }
    let (content, direct) = match doc.quote_opened_at(c) {
        Some(q) if q.close + 1 >= end => (q.inner, true),
        _ => (
            doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
            false,
        ),
    };
    Some(stmt(
        doc,
        sent,
        content,
        direct,
        Some((np, None)),
        Some(doc.span(cue_first, cue_last)),
    ))
}

/// `"Fair?" Ormerod replied.`: a quote that ends in `?` or `!` ends its sentence, and the
/// attribution stands alone after it. It claims the quote before (taking it over from a
/// cue-less continuation).
fn dangling_tail(
    ctx: &Ctx,
    sent: &Sentence,
    s: usize,
    out: &mut Vec<Found>,
) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let prev = doc.sentences.get(s.checked_sub(1)?)?;
    let q = *doc.quote_opened_at(prev.first)?;
    if q.close + 2 < prev.end || doc.tokens.get(sent.first).is_some_and(|t| t.para_before) {
        return None;
    }
    let end = ctx.body_end(sent);
    // `Ormerod replied.` or `replied Ormerod.`
    let (np, cue) = if let Some(np) = ctx.noun_phrase(sent.first, end)
        && let Some(cue_last) = ctx
            .cue_at(np.last + 1, end, false)
            .or(ctx.has(np.last + 1, WEAK_VERB).then_some(np.last + 1))
        && closes(ctx, cue_last + 1, end)
    {
        (np, doc.span(np.last + 1, cue_last))
    } else {
        let cue_last = ctx.cue_at(sent.first, end, true)?;
        let np = ctx.noun_phrase(cue_last + 1, end)?;
        if !closes(ctx, np.last + 1, end) {
            return None;
        }
        (np, doc.span(sent.first, cue_last))
    };
    if let Some(last) = out.last()
        && last.sentence + 1 == s
    {
        if last.cue.is_some() {
            return None;
        }
        out.pop();
    }
    let (mut f, np) = stmt(doc, sent, q.inner, true, Some((np, None)), Some(cue));
    f.span = Span::new(doc.sentence_span(prev).start, doc.sentence_span(sent).end);
    Some((f, np))
}

/// `Oliveira: ,,De cijfers …”`: a speaker's name, a colon and a quote (a debate written as
/// a transcript).
fn colon_speaker(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let np = ctx.noun_phrase(sent.first, end)?;
    if np.last > sent.first + 4 {
        return None;
    }
    // `Zuhal DEMIR «Helemaal niet. …»`: an interview's speaker label in capitals opens the line,
    // the answer follows in quote marks.
    if line_start(doc, sent.first)
        && np.named
        && np.last <= sent.first + 3
        && doc
            .raw(np.last)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count()
            >= 2
        && doc.raw(np.last).chars().all(|c| !c.is_lowercase())
        && let Some(q) = doc.quote_opened_at(np.last + 1)
        && q.close + 1 >= end
    {
        return Some(stmt(doc, sent, q.inner, true, Some((np, None)), None));
    }
    if !doc.is_punct(np.last + 1, ':') {
        return None;
    }
    let colon = doc.span(np.last + 1, np.last + 1);
    match doc.quote_opened_at(np.last + 2) {
        Some(q) if np.named && q.close + 1 >= end => {
            Some(stmt(doc, sent, q.inner, true, Some((np, None)), None))
        }
        // `Graham: Trump's rhetoric destroys the party's chances`, `PENCE: We will …`: a
        // headline or a transcript line that opens with its speaker. Labels (`Update:`,
        // `Video:`) are no speakers.
        _ if ctx.t.colon_headlines
            && line_start(doc, sent.first)
            && (np.named
                || ctx.has(
                    np.head,
                    PERSON_NOUN | ORG_NOUN | SPOKES_NOUN | DOCUMENT_NOUN,
                )
                // A headline's speaker is capitalised but may be named nowhere else yet.
                || (np.last <= np.first + 2 && (np.first..=np.last).all(|k| doc.is_cap(k))))
            && !ctx.has_extra(sent.first, COLON_LABEL)
            && np.last + 4 < end =>
        {
            Some(stmt(
                doc,
                sent,
                doc.span(np.last + 2, end - 1),
                false,
                Some((np, None)),
                Some(colon),
            ))
        }
        _ => None,
    }
}

/// `X called the closure “a real loss” but said (that) …`, `X zet bussen in, maar
/// waarschuwt dat …`: a second verb joined to the sentence's subject.
fn coordinated(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let np = ctx.noun_phrase(sent.first, end)?;
    let np = ctx.with_apposition_as(np, end);
    let mut k = np.last + 1;
    while k + 1 < end {
        if let Some(q) = doc.quote_opened_at(k) {
            k = q.close + 1;
            continue;
        }
        if ctx.has(k, COORD)
            && let Some(cue_last) = ctx.cue_at(k + 1, end, false)
        {
            let mut c = cue_last + 1;
            if let Some(x) = (c..end.min(c + 4)).find(|&x| ctx.has(x, COMPLEMENTIZER)) {
                c = x + 1;
            }
            if c >= end {
                return None;
            }
            return Some(stmt(
                doc,
                sent,
                doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
                false,
                Some((np, None)),
                Some(doc.span(k + 1, cue_last)),
            ));
        }
        // Another finite clause with its own subject would need its own parse: stop at a
        // clause opener.
        if ctx.has(k, OPENER) && !ctx.has(k, COORD) {
            return None;
        }
        k += 1;
    }
    None
}

/// `Wel erkent hij dat …`, `Ook zegt de bond dat …`: in a Dutch main clause an adverb may
/// come first, then the verb, then the subject, then the clause.
fn inverted(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    // The verb stands second: after one adverb (or a short adverbial of up to three words).
    for v in sent.first + 1..end.min(sent.first + 4) {
        if doc.kind(v) != Some(TokKind::Word) {
            return None;
        }
        let Some(cue_last) = ctx.cue_at(v, end, false) else {
            continue;
        };
        let np = ctx.noun_phrase(cue_last + 1, end)?;
        let mut c = np.last + 1;
        while ctx.has(c, ADVERB) || doc.is_punct(c, ',') {
            c += 1;
        }
        if ctx.has(c, COMPLEMENTIZER) || doc.is_punct(c, ':') {
            c += 1;
        } else if !(ctx.t.verb_second
            && c + 3 <= end
            // `Dat zei hij`, `Die stelde …`: a demonstrative in first place is the subject or
            // points back, not an adverbial.
            && ((ctx.has(sent.first, STOP)
                && !ctx.has(sent.first, RELATIVE | BACK_POINTER | COMPLEMENTIZER))
                || ctx
                    .noun_phrase(sent.first, v)
                    .is_some_and(|np| np.last + 1 == v && ctx.adverbial_opener(&np))))
        {
            // `Daarom vindt ze het lastig dat …`: in a verb-second language the rest of the
            // clause after the subject is what is said; elsewhere only a clause after `that`.
            return None;
        }
        if c >= end {
            return None;
        }
        let (content, direct) = match doc.quote_opened_at(c) {
            Some(q) if q.close + 1 >= end => (q.inner, true),
            _ => (
                doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
                false,
            ),
        };
        return Some(stmt(
            doc,
            sent,
            content,
            direct,
            Some((np, None)),
            Some(doc.span(v, cue_last)),
        ));
    }
    None
}

/// `Volgens X zijn …`, `… zijn volgens X …`, `…, according to X.`
fn according_to(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let mut i = sent.first;
    while i < end {
        if let Some(q) = doc.quote_opened_at(i) {
            i = q.close + 1; // a cue inside a quote is the speaker's, not the reporter's
            continue;
        }
        let Some(seq) = ctx
            .has(i, ACCORDING)
            .then(|| ctx.t.according_to.iter().find(|s| seq_at(doc, i, s)))
            .flatten()
        else {
            i += 1;
            continue;
        };
        let cue = doc.span(i, i + seq.len() - 1);
        let k = i + seq.len();
        let np = if ctx.object_pronoun(k, end) {
            Np {
                first: k,
                last: k,
                head: k,
                named: false,
                link: None,
                definite: false,
            }
        } else {
            ctx.noun_phrase(k, end)?
        };
        let content = if i == sent.first {
            let mut c = np.last + 1;
            while doc.is_punct(c, ',') {
                c += 1;
            }
            doc.span(c, end - 1)
        } else if doc.is_punct(i - 1, ',') && np.last + 1 >= end {
            doc.span(sent.first, i - 2)
        } else {
            doc.span(sent.first, end - 1)
        };
        if content.is_empty() {
            return None;
        }
        return Some(stmt(doc, sent, content, false, Some((np, None)), Some(cue)));
    }
    None
}

/// The sentence is a question of the reporter's: it ends in `?` outside any quote.
fn question(doc: &Doc, sent: &Sentence) -> bool {
    sent.end > sent.first
        && doc.is_punct(sent.end - 1, '?')
        && doc.quote_opened_at(sent.first).is_none()
}

/// Which interview marker opens the sentence: 0 for a question (`Q:`), 1 for an answer.
fn interview_marker(ctx: &Ctx, sent: &Sentence) -> Option<usize> {
    if !ctx.doc.is_punct(sent.first + 1, ':') || sent.end <= sent.first + 2 {
        return None;
    }
    (0..2).find(|&k| ctx.is_in(sent.first, ctx.t.interview[k]) && ctx.doc.is_cap(sent.first))
}

/// `A: …` in an interview: the answer, up to the next marker or paragraph, is the
/// interviewee's (the first person the article names) direct speech.
fn answer(
    ctx: &Ctx,
    sent: &Sentence,
    s: usize,
    marker: Option<usize>,
    mem: &Memory,
    answer_until: &mut usize,
) -> Option<(Found, Option<Np>)> {
    if marker != Some(1) {
        return None;
    }
    let doc = ctx.doc;
    let mut last = s;
    for k in s + 1..doc.sentences.len().min(s + 1 + ANSWER_REACH) {
        let next = &doc.sentences[k];
        if doc.tokens.get(next.first).is_some_and(|t| t.para_before)
            || interview_marker(ctx, next).is_some()
        {
            break;
        }
        last = k;
    }
    *answer_until = last + 1;
    let content = Span::new(
        doc.span(sent.first + 2, sent.first + 2).start,
        doc.sentence_span(&doc.sentences[last]).end,
    );
    let (k, who) = mem
        .entities
        .iter()
        .enumerate()
        .find(|(_, e)| e.class == Class::Person)?;
    let (mut f, _) = stmt(doc, sent, content, true, None, None);
    f.span = Span::new(doc.span(sent.first, sent.first).start, content.end);
    f.source = Some(FoundSource {
        span: doc.span(who.first, who.last),
        resolved: None,
        via: None,
        kind: SourceKind::Named,
        competitors: 0,
    });
    f.entity = Some(k);
    f.continued = true;
    Some((f, None))
}

/// Token `i` starts a line.
fn line_start(doc: &Doc, i: usize) -> bool {
    i == 0
        || doc.tokens.get(i).is_some_and(|t| {
            doc.text
                .get(doc.tokens[i - 1].end()..t.start())
                .is_some_and(|gap| gap.contains('\n'))
        })
}

/// For each sentence that answers an interviewer's prompt, the last sentence of the answer.
/// A prompt is a line of its own at the start of a paragraph (`Why not postpone the race?`,
/// `Waarom stopt u nu?`), followed on the next line by the answer, which runs to the end of the
/// paragraph. A line counts as a prompt once the article has asked a question that way, so
/// `Critics say you are …` between answers is one too. One pass, with bounded look-ahead.
fn prompted_answers(ctx: &Ctx) -> Vec<Option<usize>> {
    let doc = ctx.doc;
    let n = doc.sentences.len();
    let mut out = vec![None; n];
    let mut interview = false;
    let mut s = 0;
    while s < n {
        let first = doc.sentences[s].first;
        let para = s == 0 || doc.tokens.get(first).is_some_and(|t| t.para_before);
        if !para {
            s += 1;
            continue;
        }
        // The prompt: up to three sentences ending at a line break inside the paragraph.
        let mut prompt_end = None;
        for k in s..n.min(s + 3) {
            let next = doc.sentences.get(k + 1);
            if next.is_none_or(|x| doc.tokens.get(x.first).is_some_and(|t| t.para_before)) {
                break;
            }
            if next.is_some_and(|x| line_start(doc, x.first)) {
                prompt_end = Some(k);
                break;
            }
        }
        let Some(p) = prompt_end else {
            s += 1;
            continue;
        };
        let asks = (s..=p).any(|k| question_mark(doc, &doc.sentences[k]));
        if !(asks || interview) {
            s = p + 1;
            continue;
        }
        interview = true;
        let mut last = p + 1;
        for k in p + 2..n.min(p + 1 + ANSWER_REACH) {
            let x = &doc.sentences[k];
            if doc.tokens.get(x.first).is_some_and(|t| t.para_before) || line_start(doc, x.first) {
                break;
            }
            last = k;
        }
        out[p + 1] = Some(last);
        s = last + 1;
    }
    out
}

/// The sentence ends in `?` (outside a quote or not).
fn question_mark(doc: &Doc, sent: &Sentence) -> bool {
    sent.end > sent.first
        && (sent.first..sent.end)
            .rev()
            .take(3)
            .any(|k| doc.is_punct(k, '?'))
}

/// The answer in sentences `s..=last`, given to the interviewee: the first person the article
/// names (the interview's subject is introduced before the questions start).
fn interviewee_answer(ctx: &Ctx, s: usize, mem: &Memory) -> Option<Found> {
    let doc = ctx.doc;
    // Not the headline's (`Marathon chief on the heat`): the person the text introduces.
    let person = |e: &&Entity| e.class == Class::Person && e.named;
    let (k, who) = mem
        .entities
        .iter()
        .enumerate()
        .take(RESOLUTION_WINDOW)
        .find(|(_, e)| person(e) && e.sentence > 0)
        .or_else(|| {
            mem.entities
                .iter()
                .enumerate()
                .take(RESOLUTION_WINDOW)
                .find(|(_, e)| person(e))
        })?;
    let sent = &doc.sentences[s];
    let span = doc.sentence_span(sent);
    // A quoted answer: the content is inside the marks.
    let content = match doc.quote_opened_at(sent.first) {
        Some(q) if q.close + 2 >= sent.end => Span::new(q.inner.start, span.end),
        _ => span,
    };
    Some(Found {
        span,
        content,
        direct: true,
        source: Some(FoundSource {
            span: doc.span(who.first, who.last),
            resolved: None,
            via: None,
            kind: SourceKind::Named,
            competitors: 0,
        }),
        cue: None,
        hedged: false,
        continued: true,
        via_tokens: None,
        sentence: s,
        entity: Some(k),
    })
}

/// `… after the competition watchdog said the deal could …`, `when a councillor told me
/// "…"`: a subject and its speech verb inside a sentence, after a clause opener or a comma.
fn embedded(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    // From the first token, so that a quote opening the sentence is skipped whole.
    let mut i = sent.first;
    while i < end {
        if let Some(q) = doc.quote_opened_at(i) {
            i = q.close + 1;
            continue;
        }
        let opener = i > sent.first && ctx.has(i - 1, OPENER);
        if opener
            && !ctx.is_pronoun(i)
            && let Some(np) = ctx.noun_phrase(i, end)
            && let Some(cue_last) = ctx.cue_at(np.last + 1, end, false)
        {
            let mut c = cue_last + 1;
            while ctx.has(c, LISTENER) || doc.is_punct(c, ':') || doc.is_punct(c, ',') {
                c += 1;
            }
            if ctx.has(c, COMPLEMENTIZER) {
                c += 1;
            }
            if c + 1 >= end {
                return None;
            }
            let (content, direct) = match doc.quote_opened_at(c) {
                Some(q) => (q.inner, true),
                None => (
                    doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
                    false,
                ),
            };
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((np, None)),
                Some(doc.span(np.last + 1, cue_last)),
            ));
        }
        i += 1;
    }
    None
}

/// What a speech verb ending at `cue_last` says: the clause after it, past a listener, a colon
/// or comma and a complementizer (`told reporters on Tuesday that …`); a quote standing there
/// alone is direct speech. `None` when fewer than two tokens follow.
fn clause_after(ctx: &Ctx, cue_last: usize, end: usize) -> Option<(Span, bool)> {
    let doc = ctx.doc;
    let mut c = cue_last + 1;
    if ctx.has_extra(cue_last, ADDRESSEE_VERB)
        && !ctx.has(c, COMPLEMENTIZER)
        && doc.quote_opened_at(c).is_none()
        && let Some(np) = ctx.noun_phrase(c, end)
    {
        c = np.last + 1;
        // `told reporters on Thursday`: what follows must hold a clause of its own.
        let k = (c..end.min(c + 6)).find(|&k| {
            ctx.has(k, COMPLEMENTIZER) || doc.is_punct(k, ':') || doc.quote_opened_at(k).is_some()
        })?;
        c = k;
    }
    while ctx.has(c, LISTENER) || doc.is_punct(c, ':') || doc.is_punct(c, ',') {
        c += 1;
    }
    if let Some(k) = (c..end.min(c + 6)).find(|&k| ctx.has(k, COMPLEMENTIZER)) {
        c = k + 1;
    }
    if c + 1 >= end {
        return None;
    }
    Some(match doc.quote_opened_at(c) {
        Some(q) if q.close + 1 >= end => (q.inner, true),
        _ => (
            doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
            false,
        ),
    })
}

/// The noun phrase that ends at token `last`, as long as the tokens before allow, within
/// `from..`: the subject of a verb in the middle of a sentence (`Later, Trump said …`,
/// `…, and he says …`).
fn np_ending_at(ctx: &Ctx, from: usize, last: usize) -> Option<Np> {
    (from.max(last.saturating_sub(NP_REACH))..=last)
        .filter_map(|st| ctx.noun_phrase(st, last + 1))
        .find(|np| np.last == last)
}

/// `Wetenschappers die werken voor de VN concludeerden`, `Republicans who back the bill said`:
/// the sentence opens with a noun phrase and a relative clause without commas, which runs up
/// to the verb (`last` is its last token); the subject is all of it.
fn subject_with_relative(ctx: &Ctx, first: usize, last: usize) -> Option<Np> {
    let doc = ctx.doc;
    let head = ctx.noun_phrase(first, last + 1)?;
    if !ctx.has(head.last + 1, RELATIVE)
        || last <= head.last + 2
        || last > head.last + 1 + RELATIVE_REACH
        || (head.last + 2..=last).any(|k| {
            doc.kind(k) == Some(TokKind::Punct)
                || ctx.is_cue_word(k)
                || ctx.has(k, COMPLEMENTIZER | RELATIVE)
        })
    {
        return None;
    }
    Some(Np { last, ..head })
}

/// The subject whose last token is `last`, with what may stand between it and its verb: a
/// bracket (`Sen. Elizabeth Warren (D-MA)`) or an apposition between commas (`Christopher
/// Harvey, a delegate from Houston, Texas,`: the name must open the sentence or a clause).
fn subject_before(ctx: &Ctx, first: usize, last: usize) -> Option<Np> {
    let doc = ctx.doc;
    if doc.is_punct(last, ')') {
        let open = (last.saturating_sub(NP_REACH).max(first)..last)
            .rev()
            .find(|&k| doc.is_punct(k, '('))?;
        let np = np_ending_at(ctx, first, open.checked_sub(1)?)?;
        return Some(Np { last, ..np });
    }
    if doc.is_punct(last, ',') {
        let from = last.saturating_sub(APPOSITION_REACH).max(first + 1);
        for c in (from..last).filter(|&k| doc.is_punct(k, ',')) {
            if let Some(np) = np_ending_at(ctx, first, c - 1)
                && np.named
                && (np.first == first || doc.kind(np.first - 1) == Some(TokKind::Punct))
                && !(c + 1..last).any(|k| ctx.is_cue_word(k) || doc.quote_opened_at(k).is_some())
                // `Graham Loxley, 52, denies 14 counts`: an age alone is no apposition of a
                // speaker's role; court reports use it before verbs with objects.
                && (c + 1..last).any(|k| doc.is_word(k))
            {
                return Some(Np {
                    last: last - 1,
                    ..np
                });
            }
        }
        // `Milo Oehler (60) projectmanager van de gemeente Amsterdam, zegt`: a name that opens
        // the sentence and all that follows it up to the comma.
        return ctx
            .noun_phrase(first, last)
            .filter(|np| {
                np.named
                    && last <= first + APPOSITION_REACH
                    && (np.last + 1..last).any(|k| doc.is_word(k))
                    && !(np.last + 1..last).any(|k| {
                        ctx.is_cue_word(k)
                            || doc.quote_opened_at(k).is_some()
                            || ctx.has(k, AUX | COMPLEMENTIZER | RELATIVE)
                    })
            })
            .map(|np| Np {
                last: last - 1,
                ..np
            });
    }
    np_ending_at(ctx, first, last)
}

/// `Later, in front of the club, Trump said Bush is …`, `…, and he has said that …`: a subject
/// and its speech verb inside the sentence, after an adverbial or another clause. Runs after
/// every pattern with a fixed position, so it only takes what they left.
fn subject_inside(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let mut k = sent.first;
    while k < end {
        if let Some(q) = doc.quote_opened_at(k) {
            k = q.close + 1;
            continue;
        }
        if k == sent.first
            || !ctx.has(k, CUE_START)
            || ctx.has(k, PARTICIPLE)
            || ctx.has(k, TAIL_ONLY)
        {
            k += 1;
            continue;
        }
        let Some(cue_last) = ctx.cue_at(k, end, false) else {
            k += 1;
            continue;
        };
        // Back over `has not`, `would also` to the subject's last word.
        let mut last = k - 1;
        while last > sent.first && (ctx.has(last, AUX) || ctx.adverb(last)) {
            last -= 1;
        }
        if let Some(np) = subject_with_relative(ctx, sent.first, last)
            .or_else(|| subject_before(ctx, sent.first, last))
            .filter(|np| !ctx.has(np.first, RELATIVE) && !ctx.has(np.first, COMPLEMENTIZER))
            .filter(|np| !ctx.t.verb_second || ctx.v2_subject(np))
            && let Some((content, direct)) = clause_after(ctx, cue_last, end)
        {
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((np, None)),
                Some(doc.span(k, cue_last)),
            ));
        }
        k = cue_last + 1;
    }
    None
}

/// `Albright urged women to vote for Clinton, saying: "…"`: a participle after a comma says
/// what the subject that opens the sentence said.
fn participle(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let mut k = sent.first;
    while k < end {
        if let Some(q) = doc.quote_opened_at(k) {
            k = q.close + 1;
            continue;
        }
        if k > sent.first + 1
            && ctx.has(k, PARTICIPLE)
            && (doc.is_punct(k - 1, ',') || doc.is_punct(k - 1, '—'))
        {
            let np = ctx.noun_phrase(sent.first, k)?;
            let np = ctx.with_apposition(np, k);
            let (content, direct) = clause_after(ctx, k, end)?;
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((np, None)),
                Some(doc.span(k, k)),
            ));
        }
        k += 1;
    }
    None
}

/// `"…," he said, adding that …`: after a statement that ends before its sentence does, a
/// participle after a comma is a second statement of the same source.
fn participle_after(ctx: &Ctx, sent: &Sentence, f: &Found) -> Option<Found> {
    let doc = ctx.doc;
    f.source.as_ref()?;
    let end = ctx.body_end(sent);
    let after = f.content.end.max(f.cue.map_or(0, |c| c.end));
    let mut k = sent.first;
    while k < end {
        if let Some(q) = doc.quote_opened_at(k) {
            k = q.close + 1;
            continue;
        }
        if doc.tokens[k].start() >= after
            && ctx.has(k, PARTICIPLE)
            && doc.is_punct(k - 1, ',')
            && let Some((content, direct)) = clause_after(ctx, k, end)
        {
            return Some(Found {
                span: Span::new(doc.tokens[k].start(), doc.sentence_span(sent).end),
                content,
                direct,
                cue: Some(doc.span(k, k)),
                continued: false,
                ..f.clone()
            });
        }
        k += 1;
    }
    None
}

/// A quote that makes up its sentence, with no cue: continues the speaker of the sentence
/// before, if that one had a statement, or else that sentence's named subject.
fn lone_quote(
    ctx: &Ctx,
    sent: &Sentence,
    s: usize,
    before: &[Found],
    mem: &Memory,
) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let q = *doc.quote_opened_at(sent.first)?;
    let end = ctx.body_end(sent);
    // `„…”, klinkt het.`: a cue with an impersonal subject names no one; the quote is still
    // the speaker's before.
    let impersonal_cue = (doc.is_punct(q.close + 1, ','))
        .then(|| ctx.cue_at(q.close + 2, end, false))
        .flatten()
        .filter(|&c| ctx.has_extra(c + 1, IMPERSONAL) && c + 2 >= end);
    if q.close + 1 < end && impersonal_cue.is_none() {
        return None;
    }
    let words = q.inner.of(doc.text).split_whitespace().count();
    // News quotes a speaker in runs: a quote with no cue of its own is the last speaker's, a
    // few sentences on too (a bridging sentence of the reporter's may stand between).
    let last = before.last().filter(|p| p.source.is_some());
    let prev = last.filter(|p| p.sentence + 1 == s);
    let earlier = last.filter(|p| p.sentence + CONTINUE_REACH >= s);
    let cue = impersonal_cue.map(|c| doc.span(q.close + 2, c));
    let (mut f, _) = stmt(doc, sent, q.inner, true, None, cue);
    if let Some(p) = prev {
        f.source = p.source.clone();
        f.entity = p.entity;
        f.continued = true;
    } else if let Some(e) = s
        .checked_sub(1)
        .and_then(|p| mem.subject.get(p).copied().flatten())
        .filter(|&e| mem.entities[e].class == Class::Person)
    {
        // `De Graaf reageert fel. “…”`: the subject of the sentence before speaks.
        let ent = &mem.entities[e];
        f.source = Some(FoundSource {
            span: doc.span(ent.first, ent.last),
            resolved: None,
            via: None,
            kind: if ent.named {
                SourceKind::Named
            } else {
                SourceKind::Description
            },
            competitors: 0,
        });
        f.entity = Some(e);
        f.continued = true;
    } else if let Some((e, ent)) = s
        .checked_sub(1)
        .filter(|&p| question(doc, &doc.sentences[p]))
        .and_then(|_| {
            mem.entities
                .iter()
                .enumerate()
                .find(|(_, e)| e.class == Class::Person)
        })
    {
        // An interview written as questions and quoted answers: the interviewee answers.
        f.source = Some(FoundSource {
            span: doc.span(ent.first, ent.last),
            resolved: None,
            via: None,
            kind: SourceKind::Named,
            competitors: 0,
        });
        f.entity = Some(e);
        f.continued = true;
    } else if let Some(p) = earlier {
        f.source = p.source.clone();
        f.entity = p.entity;
        f.continued = true;
    } else if let Some((e, ent)) = mem
        .recent()
        .find(|(_, e)| e.class == Class::Person && e.named && e.sentence + CONTINUE_REACH >= s)
    {
        // `Minister Demir (43) is er klaar mee. … “…”`: the person last named speaks.
        f.source = Some(FoundSource {
            span: doc.span(ent.first, ent.last),
            resolved: None,
            via: None,
            kind: SourceKind::Named,
            competitors: 0,
        });
        f.entity = Some(e);
        f.continued = true;
    } else if words < 4 {
        return None;
    }
    Some((f, None))
}

/// The sentence says its claim is unconfirmed, in the reporter's words (a `zou` inside a
/// quote is the speaker's).
fn hedged(ctx: &Ctx, sent: &Sentence) -> bool {
    let doc = ctx.doc;
    let mut i = sent.first;
    while i < sent.end {
        if let Some(q) = doc.quote_opened_at(i) {
            i = q.close + 1;
            continue;
        }
        if ctx.has(i, HEDGE) && ctx.t.hedges.iter().any(|h| seq_at(doc, i, h)) {
            return true;
        }
        i += 1;
    }
    false
}

/// Records the named noun phrases of a sentence (`Het ministerie van Buitenlandse Zaken`) and
/// the entity its subject names.
fn collect_mentions(
    ctx: &Ctx,
    sent: &Sentence,
    s: usize,
    mem: &mut Memory,
    speaker: Option<usize>,
    source_first: Option<usize>,
) {
    let doc = ctx.doc;
    let end = sent.end;
    let mut i = sent.first;
    let mut subject = None;
    // Past the sentence's first token only a name is recorded, and a phrase is a name only
    // through a capitalised word in it: after the last one, nothing is left to find.
    let last_cap = (sent.first..end).rev().find(|&k| doc.is_cap(k));
    while i < end {
        if i > sent.first && last_cap.is_none_or(|c| i > c) {
            break;
        }
        if (ctx.has(i, DET) || doc.is_cap(i) || doc.is_word(i))
            && !ctx.is_pronoun(i)
            && let Some(np) = ctx.noun_phrase(i, end)
        {
            // `de toekomst van trainer Erik Janssens`: a plain noun before the link is not who
            // is named; the complement is.
            if let Some(link) = np.link
                && !(np.first..link).any(|k| doc.is_cap(k) && !doc.sentence_initial(k))
                && !(np.first..link)
                    .any(|k| ctx.has(k, PERSON_NOUN | ORG_NOUN | SPOKES_NOUN | DOCUMENT_NOUN))
            {
                i = link + 1;
                continue;
            }
            // `Martin Okafor, head of Northgate Academy,` / `A third operator, Skyline
            // Broadband,`: one entity.
            let np = match (
                doc.is_punct(np.last + 1, ','),
                ctx.noun_phrase(np.last + 2, end),
            ) {
                (true, Some(app)) if doc.is_punct(app.last + 1, ',') || app.last + 2 >= end => Np {
                    last: app.last,
                    named: np.named || app.named,
                    ..np
                },
                _ => np,
            };
            if !np.named
                && np.first == sent.first
                && np.definite
                && speaker.is_none()
                && let Some(k) = describe(ctx, &np, mem)
            {
                // `De vakbondsvoorzitter dreigt …`: the subject mentions someone again, who is
                // then what a pronoun in the next sentence most likely means.
                let mut e = mem.entities[k].clone();
                e.sentence = s;
                mem.push(e);
                subject = Some(mem.entities.len() - 1);
            } else if speaker.is_some() && source_first == Some(np.first) {
                if np.first == sent.first {
                    subject = speaker;
                }
            } else if np.named {
                // (A source resolved to an earlier entity is that entity, mentioned again by
                // `resolve`; `De GGD-arts` is not someone new.)
                let mut e = ctx.entity(&np, end, s);
                // A short name for someone named fully before (`De Graaf`) keeps the full name.
                if let Some(k) = same_as_earlier(ctx, &np, mem) {
                    e = mem.entities[k].clone();
                    e.sentence = s;
                }
                mem.push(e);
                if np.first == sent.first {
                    subject = Some(mem.entities.len() - 1);
                }
            }
            i = ctx.name_end(&np, end) + 1;
            continue;
        }
        if ctx.is_pronoun(i) && i == sent.first {
            // `Zij roept ouders op …`: with no statement, the pronoun still names the subject,
            // the latest person (for a person pronoun) the article mentioned.
            subject = speaker.or_else(|| {
                let person = ctx.has(i, PERSON_PRONOUN);
                mem.recent()
                    .find(|(_, e)| e.named && (!person || e.class == Class::Person))
                    .map(|(k, _)| k)
            });
        }
        i += 1;
    }
    mem.subject.push(subject);
}

/// An earlier entity, more fully named, that contains every capitalised word of `np`
/// (`De Graaf` → `minister Anouk de Graaf van VWS`).
fn same_as_earlier(ctx: &Ctx, np: &Np, mem: &Memory) -> Option<usize> {
    let doc = ctx.doc;
    // Only a short form (`De Graaf`, `de VNG`): `het ministerie van Buitenlandse Zaken` is not
    // a short form of `het Russische ministerie van Buitenlandse Zaken`.
    if !np.named || np.link.is_some() {
        return None;
    }
    // The capitalised words of the phrase, found anew for each entity (no allocation: a
    // phrase has a few words).
    let is_name = |k: &usize| doc.is_cap(*k) && !ctx.has(*k, DET);
    let last_name = (np.first..=np.last).rev().find(is_name)?;
    let len = np.last - np.first;
    mem.recent()
        .find(|(_, e)| {
            e.last - e.first > len
                && (np.first..=np.last)
                    .filter(is_name)
                    .all(|k| ctx.entity_has(e, doc.low(k), Some(doc.word_id(k))))
                && ctx.entity_key(e, doc.low(last_name))
        })
        .map(|(k, _)| k)
}

/// Resolves a source's noun phrase against the entities before it; returns the entity the
/// source now stands for (mentioned again, as the latest speaker).
fn resolve(
    ctx: &Ctx,
    src: &mut FoundSource,
    np: Np,
    mem: &mut Memory,
    s: usize,
    end: usize,
) -> Option<usize> {
    let doc = ctx.doc;
    let t = ctx.t;
    let set = |src: &mut FoundSource, mem: &mut Memory, k: usize, pronoun: bool, n: usize| {
        let e = &mem.entities[k];
        let distance = s.saturating_sub(e.sentence);
        src.resolved = Some(ctx.entity_text(e));
        src.kind = if pronoun {
            SourceKind::ResolvedPronoun { distance }
        } else {
            SourceKind::Resolved { distance }
        };
        src.competitors = n;
        Some(mem.refresh(k, s))
    };
    // A pronoun: the most recent entity of a fitting kind.
    if np.first == np.last
        && (ctx.is_pronoun(np.first) || ctx.object_pronoun(np.first, np.first + 1))
    {
        src.kind = SourceKind::Pronoun;
        // `ze`/`they` may be a person or a group: a person named in the last two sentences,
        // else the most recent entity of any kind.
        let person = ctx.has(np.first, PERSON_PRONOUN)
            || ctx.object_pronoun(np.first, np.first + 1)
            || mem
                .recent()
                .take_while(|(_, e)| e.sentence + 2 >= s)
                .any(|(_, e)| e.class == Class::Person);
        let gender = ctx.gender(np.first);
        // `it` is never a person.
        let thing = doc.low(np.first) == "it";
        let fits = |e: &Entity| {
            (!person || e.class == Class::Person)
                && !(thing && e.class == Class::Person)
                && !(gender.is_some() && e.female.is_some() && gender != e.female)
        };
        let (mut k, mut first_sentence) = mem
            .recent()
            .find(|(_, e)| fits(e))
            .map(|(k, e)| (k, e.sentence))?;
        // The subject of the sentence before wins over a later mention inside that sentence:
        // `X was mee toen Y … ontbond. "…", bekende hij` is X.
        if first_sentence + 1 >= s
            && let Some(e) = s
                .checked_sub(1)
                .and_then(|p| mem.subject.get(p).copied().flatten())
                .filter(|&e| e != k && fits(&mem.entities[e]))
        {
            k = e;
            first_sentence = mem.entities[e].sentence;
        }
        let n = competitors(ctx, mem, k, first_sentence, fits);
        let r = set(src, mem, k, true, n);
        if let (Some(g), Some(e)) = (gender, r) {
            mem.entities[e].female.get_or_insert(g);
        }
        return r;
    }
    let head = doc.low(np.head);
    // A spokesperson speaks for an organisation: `een woordvoerder van de politie`,
    // `een EU-woordvoerder`, `a spokesman for the authority`, or a bare `een woordvoerder`.
    if doc.is_word(np.head) && ctx.has(np.head, SPOKES_NOUN) {
        let own = ctx.entity(&np, end, s);
        if let Some(link) = np.link {
            let org = ctx.noun_phrase(link + 1, np.last + 1)?;
            let target = describe(ctx, &org, mem);
            let k = match target {
                Some(k) => k,
                None => {
                    mem.push(ctx.entity(&org, end, s));
                    mem.entities.len() - 1
                }
            };
            src.resolved = Some(ctx.entity_text(&mem.entities[k]));
            if target.is_some() {
                src.kind = SourceKind::Resolved {
                    distance: s.saturating_sub(mem.entities[k].sentence),
                };
            }
        } else if let Some(prefix) = compound_prefix(head, t.spokes_nouns, doc.raw(np.head)) {
            // `EU-woordvoerder` → EU; `politiewoordvoerder` → politie (or the fuller name).
            let low = prefix.to_lowercase();
            let id = doc.word_id_of(&low);
            let k = mem
                .recent()
                .find(|(_, e)| e.class != Class::Person && ctx.entity_has(e, &low, id))
                .map(|(k, _)| k);
            src.resolved = Some(match k {
                Some(k) => ctx.entity_text(&mem.entities[k]),
                None => prefix.to_owned(),
            });
        } else if !np.named {
            let fits = |e: &Entity| e.class == Class::Org;
            if let Some((k, e)) = mem.recent().find(|(_, e)| fits(e)) {
                let n = competitors(ctx, mem, k, e.sentence, fits);
                src.resolved = Some(ctx.entity_text(&mem.entities[k]));
                src.kind = SourceKind::Resolved {
                    distance: s.saturating_sub(mem.entities[k].sentence),
                };
                src.competitors = n;
            }
        }
        mem.push(Entity {
            class: Class::Person,
            spoke: true,
            ..own
        });
        return Some(mem.entities.len() - 1);
    }
    // The description to resolve: the phrase itself, or the author of a document.
    let target = if ctx.has(np.head, DOCUMENT)
        && let Some(link) = np.link
    {
        ctx.noun_phrase(link + 1, np.last + 1)
    } else {
        Some(np)
    };
    if let Some(target) = target
        && let Some(k) = describe(ctx, &target, mem)
    {
        let (head, id) = (doc.low(target.head), Some(doc.word_id(target.head)));
        let e_sentence = mem.entities[k].sentence;
        let n = competitors(ctx, mem, k, e_sentence, |e| ctx.entity_has(e, head, id));
        return set(src, mem, k, false, n);
    }
    // `„…”, zegt hij. „…”, zegt de goedlachse boa`: a role description with no earlier
    // mention of its own names the person who just spoke.
    let epithet_of = if np.definite
        && !np.named
        && ctx.has(np.head, PERSON_NOUN)
        && !ctx.has(np.head, SPOKES_NOUN)
    {
        mem.recent()
            .take_while(|(_, e)| e.sentence + EPITHET_REACH >= s)
            .find(|(_, e)| e.spoke && e.class == Class::Person && e.named)
            .map(|(k, _)| k)
    } else {
        None
    };
    if let Some(k) = epithet_of {
        return set(src, mem, k, false, 0);
    }
    // Nothing earlier: this source is an entity of its own.
    let class = ctx.class(np.first, np.last, np.named);
    if np.named || class != Class::Other || np.definite {
        let e = ctx.entity(&np, end, s);
        if np.named && e.last > np.last {
            // `het Centraal Bureau | voor de Statistiek (CBS)`: the source is the full name.
            src.span = doc.span(np.first, e.last);
        }
        mem.push(Entity { spoke: true, ..e });
        return Some(mem.entities.len() - 1);
    }
    None
}

/// Other entities, within two sentences of the chosen one, that would also have fitted.
fn competitors(
    ctx: &Ctx,
    mem: &Memory,
    chosen: usize,
    sentence: usize,
    fits: impl Fn(&Entity) -> bool,
) -> usize {
    let name = ctx.entity_text(&mem.entities[chosen]);
    let mut seen: Vec<String> = Vec::new();
    for (k, e) in mem.recent() {
        if k == chosen || e.sentence + 2 < sentence || !fits(e) {
            continue;
        }
        let t = ctx.entity_text(e);
        if t != name && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.len()
}

/// The entity a description or a short name stands for: `het ministerie` → the latest entity
/// with `ministerie` in its name; `de vereniging` → `De Vereniging van Nederlandse Gemeenten`;
/// `het bedrijf` → the latest organisation; `de VNG` → `… (VNG)`.
fn describe(ctx: &Ctx, np: &Np, mem: &Memory) -> Option<usize> {
    let doc = ctx.doc;
    if np.named {
        // `De GGD-arts`: a capitalised compound that ends in a role is still a description.
        let role = doc.is_word(np.head)
            && np.head == np.last
            && ctx.has(np.head, PERSON_NOUN)
            && doc.low(np.head).contains('-');
        let short = same_as_earlier(ctx, np, mem);
        if short.is_some() || !role {
            return short;
        }
    }
    if !np.definite || np.link.is_some() || !doc.is_word(np.head) {
        return None;
    }
    let head = doc.low(np.head);
    let head_id = doc.word_id(np.head);
    let own = np.head;
    // A person's title finds a person (`de minister`), anything else finds no person (`de
    // politie` is not `een woordvoerder van de politie`).
    let person = ctx.has(np.head, PERSON_NOUN);
    // `de vakbondsvoorzitter` fits `voorzitter Mirjam Oosterhuis`, `het statistiekbureau` fits
    // `het Centraal Bureau voor de Statistiek`: a compound ending in a role or kind the entity
    // carries.
    let compound_role = |e: &Entity| {
        (if person { e.person_noun } else { e.org_noun })
            && (e.first..=e.last).any(|k| {
                ctx.has(k, if person { PERSON_NOUN } else { ORG_NOUN }) && {
                    let x = doc.low(k);
                    doc.is_word(k) && head != x && is_noun(head, &[x])
                }
            })
    };
    let lexical_fit = |e: &Entity| {
        (e.first > own || e.last < own)
            && (ctx.entity_has(e, head, Some(head_id)) || compound_role(e))
    };
    // The window's candidates, from the signatures alone: the kind must match, and
    // `entity_has` needs a word or tail signature, `compound_role` a role noun. Computed for
    // the whole window without a branch per entity: these outcomes follow no pattern, and
    // mispredicted branches were most of the time of a loop testing them one by one.
    let n = mem.entities.len();
    let lo = n.saturating_sub(RESOLUTION_WINDOW);
    let (id_bit, tail) = (
        1u64 << (head_id % 64),
        text::tail4(head.as_bytes()).map_or(0, tail_bit),
    );
    let kind = SIG_SUBSTANTIAL | if person { SIG_PERSON } else { 0 };
    let role = if person {
        SIG_PERSON_NOUN
    } else {
        SIG_ORG_NOUN
    };
    let mut candidates = 0u64;
    for j in 0..n - lo {
        let g = &mem.sigs[(lo + j) % SIG_RING];
        let words = (g.word_bits & id_bit) | (g.tail_bits & tail) != 0;
        let fits =
            (words | (g.flags & role != 0)) & (g.flags & (SIG_PERSON | SIG_SUBSTANTIAL) == kind);
        candidates |= u64::from(fits) << j;
    }
    // The latest speaker that fits, if it spoke in the last sentence or two, wins over a
    // bystander named since (`De centrale bank` after DNB spoke about the ECB).
    // Newest first, testing each candidate at most once: a speaker in the window returns at
    // once, else the first fit of all. The window is the newest run of entities mentioned
    // within `SPEAKER_REACH` sentences.
    let newest = mem.entities.last().map_or(0, |e| e.sentence);
    let speakers_from = mem
        .recent()
        .take_while(|(_, e)| e.sentence + SPEAKER_REACH >= newest)
        .last()
        .map_or(n, |(k, _)| k);
    let mut first_fit = None;
    while candidates != 0 {
        let j = 63 - candidates.leading_zeros() as usize;
        candidates &= !(1 << j);
        let k = lo + j;
        let Some(e) = mem.entities.get(k) else { break };
        let speaker = k >= speakers_from && e.spoke;
        if (speaker || first_fit.is_none()) && lexical_fit(e) {
            if speaker {
                return Some(k);
            }
            first_fit = first_fit.or(Some(k));
        }
    }
    if first_fit.is_some() {
        return first_fit;
    }
    // `de brancheorganisatie`, `the company`: the latest organisation with a name.
    // Only a bare generic noun: `the port authority` is a new organisation, not the last one.
    if has_word(ctx.t.generic_orgs, head) && np.head == np.first + 1 {
        let strong = |e: &Entity| e.class == Class::Org && e.named && (e.spoke || e.org_noun);
        return mem
            .recent()
            .find(|(_, e)| strong(e))
            .or_else(|| mem.recent().find(|(_, e)| e.class == Class::Org && e.named))
            .map(|(k, _)| k);
    }
    // Any other short description (`het instituut` after `het KNMI`, `the neurologist` after
    // `Dr Naomi Feld`, `de middenvelder`): the latest named speaker of the same kind, in the
    // last few sentences. A description is a way to mention someone salient again.
    // Only a bare noun, or one with an inflected adjective (`de centrale bank`): `the port
    // authority` is a new organisation, not the last one named.
    let bare = np.head == np.first + 1
        || (np.head == np.first + 2
            && ctx.t.adjective_ending.is_some()
            && ctx.modifier(np.first + 1));
    if bare && !has_word(ctx.t.institutions, head) {
        // A role finds a person, an organisation's noun an organisation; a noun in neither
        // list (`the prosecution`) finds nothing.
        // After a link (`een woordvoerder van de spoorbeheerder`) it is an organisation.
        let org = ctx.has(np.head, ORG_NOUN)
            || has_word(ctx.t.generic_orgs, head)
            || (np.first > 0 && ctx.has(np.first - 1, LINK));
        // An entity whose name says what kind of body it is (`Het Verbond van
        // Verzekeraars`) is not re-described as another kind (`de veiligheidsregio`); the
        // lexical search above would have found it under its own kind.
        let fits = |e: &Entity| {
            e.named
                && !(org && e.org_noun)
                && if person {
                    e.class == Class::Person
                } else {
                    org && e.class == Class::Org
                }
        };
        let newest = mem.entities.last().map_or(0, |e| e.sentence);
        let near = || {
            mem.recent()
                .take_while(|(_, e)| e.sentence + DESCRIPTION_REACH >= newest)
        };
        // A speaker is more salient than a bystander.
        // A bystander only where it opened its sentence (`Het KNMI heeft …`) or is called an
        // organisation (`Friesland` after `voor` is neither).
        let prominent = |e: &Entity| {
            doc.sentences
                .get(e.sentence)
                .is_some_and(|x| x.first == e.first)
                || e.org_noun
        };
        return near()
            .find(|(_, e)| fits(e) && (e.spoke || prominent(e)))
            .map(|(k, _)| k);
    }
    None
}

/// The part of a compound before a spokesperson noun: `EU-woordvoerder` → `EU`.
fn compound_prefix<'a>(low: &str, nouns: &[&str], raw: &'a str) -> Option<&'a str> {
    let n = nouns
        .iter()
        .find(|n| low.len() > n.len() && low.ends_with(**n))?;
    let cut = raw.len().checked_sub(n.len())?;
    let prefix = raw.get(..cut)?.trim_end_matches(['-', '‐']);
    (prefix.chars().count() >= 2).then_some(prefix)
}

#[cfg(test)]
mod tests;
