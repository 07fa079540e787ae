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
mod interview;
mod lexicon;
mod memory;
pub mod nl;
mod np;
mod patterns;
mod resolve;

use interview::*;
use lexicon::*;
use memory::*;
use np::*;
use patterns::*;
use resolve::*;

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
    /// Weak verbs of naming: a quote of any length after them is what is said (`called him a
    /// "liar"`, `noemt het "onzin"`).
    pub naming_verbs: &'static [&'static str],
    /// A speech verb with one of these particles later in its clause is another verb:
    /// `stelde … op` (lined up), `zegt … op` (cancels).
    pub false_separable: &'static [(&'static str, &'static str)],
    /// The ending of a past tense that ends a name before it (`Nordline diverted`), where
    /// `adjective_ending` does not decide.
    pub past_tense_suffix: Option<&'static str>,
    /// Endings that look like the adjective ending but make nouns (`-ie`: `politie`).
    pub not_adjective_endings: &'static [&'static str],
    /// Pronouns that never stand for a person (`it`).
    pub thing_pronouns: &'static [&'static str],
    /// Negations: `would not say how much` is a refusal, not a statement.
    pub negations: &'static [&'static str],
}

pub fn tables(lang: Lang) -> &'static Tables {
    match lang {
        Lang::Nl => &nl::TABLES,
        Lang::En => &en::TABLES,
    }
}

/// Speech verbs by their first word.
pub(crate) type Verbs =
    std::collections::HashMap<&'static str, Vec<&'static [&'static str]>, FxBuild>;

/// A language's speech verbs by their first word, built once per process rather than on every
/// analysis (on a 10 KB article building the tables' lookups was a tenth of the work).
pub(crate) fn verbs(lang: Lang) -> &'static Verbs {
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
    pub(crate) via_tokens: Option<(usize, usize)>,
    pub(crate) sentence: usize,
    /// The entity the source stands for, if any (for continuation).
    pub(crate) entity: Option<usize>,
}

/// How many earlier entities resolution looks back over. An antecedent further back is
/// unlikely to be meant, and the bound keeps long texts linear.
pub(crate) const RESOLUTION_WINDOW: usize = 48;
/// How many sentences back a quote with no cue of its own looks for its speaker.
pub(crate) const CONTINUE_REACH: usize = 6;
/// How many sentences back a role description (`de goedlachse boa`) looks for the speaker it
/// renames.
pub(crate) const EPITHET_REACH: usize = 2;
// `describe` keeps the window's candidates in one `u64`.
const _: () = assert!(RESOLUTION_WINDOW <= 64);

/// How many tokens after `laat` its particle `weten` may stand.
pub(crate) const SEPARABLE_REACH: usize = 12;

/// How many sentences `Dat zegt X` may point back over.
pub(crate) const BACK_REACH: usize = 3;

/// How many words may follow a closing `X said` (`told Radio Meridian on Tuesday evening`).
pub(crate) const TAIL_REACH: usize = 8;
/// How far the source after `according to` / `volgens` may run before its comma, in tokens.
const ACCORDING_REACH: usize = 24;
/// After a real quote a tail cue may be followed by a longer adjunct (where, when, to whom).
pub(crate) const QUOTE_TAIL_REACH: usize = 24;
/// A quote of up to this many tokens after a tail cue is a title, not content.
pub(crate) const TITLE_QUOTE: usize = 8;
/// Tokens on each side of a word that tell a headline in title case.
pub(crate) const TITLE_CASE_WINDOW: usize = 3;
/// How far back an apposition between a subject and its verb may reach:
/// `Christopher Harvey, a delegate from Houston, Texas, said`.
pub(crate) const APPOSITION_REACH: usize = 20;

/// How many sentences one interview answer may run over.
pub(crate) const ANSWER_REACH: usize = 12;

/// Longest relative clause skipped between a subject and its verb, in tokens.
pub(crate) const RELATIVE_REACH: usize = 14;

/// How many sentences back a description with no word in common with its antecedent may
/// reach (`meldt het instituut` two sentences after `Het KNMI`): further back, a reader would
/// need the name again.
pub(crate) const DESCRIPTION_REACH: usize = 4;

/// How many sentences back a speaker stays the most salient reading of a description that
/// fits it, over entities merely named since.
pub(crate) const SPEAKER_REACH: usize = 1;

/// Longest adverbial before a subject (`In a note to clients,`), in tokens.
pub(crate) const ADVERBIAL_REACH: usize = 8;

/// Longest noun phrase, in tokens.
pub(crate) const NP_REACH: usize = 16;

/// Finds every attributed statement of a text (`Finder::new`, then `step` until done, then
/// `finish`), resumable sentence by sentence. It holds what carries from one sentence to the
/// next (the entity memory, the statements so far, the interview's answer state) and the
/// per-text word tables. It owns no borrow of the text: each [`Finder::step`] is given the
/// same `Doc` it was made from, so that an analysis in slices (`engine::Stepper`) can keep it
/// between slices. However the sentences are split into steps, the statements found are the
/// same: every sentence is read by the one body, [`Finder::sentence`], in order.
pub struct Finder {
    t: &'static Tables,
    verbs: &'static Verbs,
    // `Ctx`'s own tables and memos, lent to a `Ctx` for the length of a step.
    flags: Vec<u32>,
    word_extra: Vec<u16>,
    np_memo: Vec<Cell<Option<NpParse>>>,
    body_end_memo: Option<(usize, usize, usize)>,
    mem: Memory,
    out: Vec<Found>,
    /// The next sentence to read.
    next: usize,
    /// In an interview, the sentences up to here are the interviewee's answer.
    answer_until: usize,
    /// Per sentence: the last sentence of the answer to the prompt line that ends before it.
    answers: Vec<Option<usize>>,
    /// The answer to a prompt line being read: its last sentence, and the statement that holds
    /// the interviewee's words so far (sentences with an attribution of their own break it).
    prompted: Option<usize>,
    answer_stmt: Option<usize>,
}

impl Finder {
    /// The per-text tables of `doc` (one pass over its tokens and words); no sentence is read.
    pub fn new(doc: &Doc, lang: Lang) -> Finder {
        let t = tables(lang);
        let mut f = Finder {
            t,
            verbs: verbs(lang),
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
                doc.mark_words(&mut x, t.naming_verbs.iter().copied(), NAMING);
                doc.mark_words(
                    &mut x,
                    t.false_separable.iter().map(|&(v, _)| v),
                    FALSE_SEPARABLE,
                );
                if let Some(sfx) = t.adverb_suffix {
                    for (id, bits) in x.iter_mut().enumerate() {
                        let w = doc.vocab_word(id as u32);
                        if w.len() > sfx.len() + 3 && w.ends_with(sfx) && *bits & NOT_ADVERB == 0 {
                            *bits |= ADVERB_FORM;
                        }
                    }
                }
                x
            },
            np_memo: vec![Cell::new(None); NP_MEMO],
            body_end_memo: None,
            mem: Memory {
                entities: Vec::new(),
                sigs: [Sig::default(); SIG_RING],
                subject: Vec::with_capacity(doc.sentences.len()),
            },
            out: Vec::new(),
            next: 0,
            answer_until: 0,
            answers: Vec::new(),
            prompted: None,
            answer_stmt: None,
        };
        let ctx = f.lend(doc);
        f.answers = prompted_answers(&ctx);
        f.take_back(ctx);
        f
    }

    /// A `Ctx` over `doc` holding this finder's tables and memos (given back by
    /// [`Finder::take_back`]).
    fn lend<'d, 't>(&mut self, doc: &'d Doc<'t>) -> Ctx<'d, 't> {
        Ctx {
            doc,
            t: self.t,
            flags: std::mem::take(&mut self.flags),
            word_extra: std::mem::take(&mut self.word_extra),
            verbs: self.verbs,
            np_memo: std::mem::take(&mut self.np_memo),
            body_end_memo: Cell::new(self.body_end_memo),
        }
    }

    fn take_back(&mut self, ctx: Ctx) {
        self.flags = ctx.flags;
        self.word_extra = ctx.word_extra;
        self.np_memo = ctx.np_memo;
        self.body_end_memo = ctx.body_end_memo.get();
    }

    /// Whether every sentence has been read.
    pub fn done(&self, doc: &Doc) -> bool {
        self.next >= doc.sentences.len()
    }

    /// Reads the next sentences of `doc` (the `Doc` this finder was made from), at least one
    /// and then more while fewer than `tokens` tokens have been read in this step. Returns
    /// whether every sentence has been read.
    pub fn step(&mut self, doc: &Doc, tokens: usize) -> bool {
        let ctx = self.lend(doc);
        let mut read = 0;
        while let Some(whole) = doc.sentences.get(self.next) {
            if read >= tokens.max(1) {
                break;
            }
            let s = self.next;
            self.sentence(&ctx, whole, s);
            self.next += 1;
            read += whole.end.saturating_sub(whole.first).max(1);
        }
        self.take_back(ctx);
        self.done(doc)
    }

    /// The statements found, in the order found.
    pub fn finish(self) -> Vec<Found> {
        self.out
    }

    /// Reads sentence `s`, `whole`: one turn of the sentence loop (each pattern tried in order).
    fn sentence(&mut self, ctx: &Ctx, whole: &Sentence, s: usize) {
        let doc = ctx.doc;
        let mem = &mut self.mem;
        let out = &mut self.out;
        if let Some(last) = self.answers.get(s).copied().flatten() {
            self.prompted = Some(last);
            self.answer_stmt = None;
        }
        let prompted = self.prompted;
        let answer_until = &mut self.answer_until;
        // `Q: The council says …`: the marker is not part of the sentence.
        let marker = interview_marker(ctx, whole);
        let sent = &match marker {
            Some(_) => Sentence {
                first: whole.first + 2,
                end: whole.end,
            },
            None => *whole,
        };
        // Statements first, so that a source is never resolved to itself.
        let found = answer(ctx, whole, s, marker, mem, answer_until)
            .or_else(|| back_pointer(ctx, sent, s, out))
            .or_else(|| tail(ctx, sent))
            .or_else(|| dangling_tail(ctx, sent, s, out))
            .or_else(|| colon_speaker(ctx, sent))
            .or_else(|| leading_cue(ctx, sent))
            .or_else(|| subject(ctx, sent))
            .or_else(|| inverted(ctx, sent))
            .or_else(|| coordinated(ctx, sent))
            .or_else(|| according_to(ctx, sent))
            .or_else(|| embedded(ctx, sent))
            .or_else(|| subject_inside(ctx, sent))
            .or_else(|| participle(ctx, sent))
            .or_else(|| {
                if s < *answer_until || prompted.is_some_and(|l| s <= l) {
                    None
                } else {
                    lone_quote(ctx, sent, s, out, mem)
                }
            });
        let answer_until = *answer_until;
        // A sentence of an answer with no attribution of its own: the interviewee's words.
        if found.is_none()
            && prompted.is_some_and(|l| s <= l)
            && marker.is_none()
            && s >= answer_until
        {
            match self
                .answer_stmt
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
                    if let Some(f) = interviewee_answer(ctx, s, mem) {
                        self.answer_stmt = Some(out.len());
                        out.push(f);
                    }
                }
            }
            collect_mentions(ctx, sent, s, mem, None, None);
            return;
        }
        let mut speaker = None;
        // The source phrase just resolved (its first token): not mentioned a second time.
        let mut source_first = None;
        if let Some((mut f, source_np)) = found {
            source_first = source_np.map(|np| np.first);
            f.sentence = s;
            f.hedged = hedged(ctx, sent);
            if let (Some(src), Some(np)) = (f.source.as_mut(), source_np) {
                speaker = resolve(ctx, src, np, mem, s, ctx.body_end(sent));
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
            let more = second_statement(ctx, sent, &f);
            out.push(f);
            if let Some(g) = more {
                out.push(g);
            }
        }
        collect_mentions(ctx, sent, s, mem, speaker, source_first);
    }
}
#[cfg(test)]
mod tests;
