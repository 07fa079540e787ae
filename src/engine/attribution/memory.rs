//! Entity memory: every named phrase and source becomes an entity, so that pronouns,
//! descriptions and short names can be resolved to it later.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Person,
    Org,
    Other,
}

/// Someone the article has mentioned: the span that names it most fully, and where it was
/// last mentioned.
#[derive(Clone, Debug)]
pub(crate) struct Entity {
    /// Tokens of the fullest name, `first..=last`.
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) sentence: usize,
    pub(crate) class: Class,
    pub(crate) named: bool,
    /// It has been the source of a statement.
    pub(crate) spoke: bool,
    /// Known gender: `Some(true)` for a woman, from a title or a pronoun that referred to it.
    pub(crate) female: Option<bool>,
    /// Signatures of its words, so that most entities fail a word test without reading a
    /// word: bit `id % 64` of each word's vocabulary id; one bit per last four bytes of each
    /// word of five bytes or more (only those can end in a noun of four: its last four bytes
    /// are theirs); whether a word is a person's or an organisation's noun.
    pub(crate) word_bits: u64,
    pub(crate) tail_bits: u64,
    pub(crate) person_noun: bool,
    pub(crate) org_noun: bool,
}

impl Ctx<'_, '_> {
    /// What a noun phrase stands for: a person, an organisation, or neither.
    pub(crate) fn class(&self, first: usize, last: usize, named: bool) -> Class {
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

    pub(crate) fn has_apposition(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| self.doc.is_punct(k, ','))
    }

    pub(crate) fn entity(&self, np: &Np, end: usize, sentence: usize) -> Entity {
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
    pub(crate) fn gender(&self, k: usize) -> Option<bool> {
        if self.has(k, FEMALE) {
            Some(true)
        } else if self.has(k, MALE) {
            Some(false)
        } else {
            None
        }
    }

    pub(crate) fn entity_text(&self, e: &Entity) -> String {
        self.doc.span(e.first, e.last).of(self.doc.text).to_owned()
    }

    /// `w` is what a short form of entity `e` would keep: the last name before its complement
    /// (`Graaf` of `minister Anouk de Graaf van VWS`) or an acronym (`VNG`, `GGD`).
    pub(crate) fn entity_key(&self, e: &Entity, w: &str) -> bool {
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
    pub(crate) fn entity_has(&self, e: &Entity, w: &str, id: Option<u32>) -> bool {
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
pub(crate) fn tail_bit(tail: u32) -> u64 {
    1 << (tail.wrapping_mul(0x9E37_79B1) >> 26)
}

/// The state that carries across sentences: entities in order of their latest mention.
pub(crate) struct Memory {
    /// Added only through `Memory::push`. Only `female` is ever changed in place afterwards; the
    /// signatures in `sigs` copy fields that are not.
    pub(crate) entities: Vec<Entity>,
    /// The signatures of the latest `SIG_RING` entities, entity `k`'s at `k % SIG_RING`: a
    /// dense array, so that a description is tested against the whole window without a branch
    /// per entity, and a fixed one (the entities themselves run into the hundreds of thousands
    /// on a long text).
    pub(crate) sigs: [Sig; SIG_RING],
    /// For each sentence, the entity its subject names, if it opens with a name.
    pub(crate) subject: Vec<Option<usize>>,
}

/// How many entity signatures `Memory` keeps: at least the resolution window.
pub(crate) const SIG_RING: usize = 64;
const _: () = assert!(RESOLUTION_WINDOW <= SIG_RING);

/// What a description's lexical test (`describe`) needs of an entity before reading its words.
#[derive(Clone, Copy, Default)]
pub(crate) struct Sig {
    pub(crate) word_bits: u64,
    pub(crate) tail_bits: u64,
    /// `SIG_*` bits.
    pub(crate) flags: u8,
}

pub(crate) const SIG_PERSON: u8 = 1;
/// Named, or more than two tokens long.
pub(crate) const SIG_SUBSTANTIAL: u8 = 1 << 1;
pub(crate) const SIG_PERSON_NOUN: u8 = 1 << 2;
pub(crate) const SIG_ORG_NOUN: u8 = 1 << 3;

impl Memory {
    pub(crate) fn push(&mut self, e: Entity) {
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
    pub(crate) fn recent(&self) -> impl Iterator<Item = (usize, &Entity)> {
        self.entities
            .iter()
            .enumerate()
            .rev()
            .take(RESOLUTION_WINDOW)
    }

    /// Mentions entity `e` again (it speaks), so that it is the most recent.
    pub(crate) fn refresh(&mut self, e: usize, sentence: usize) -> usize {
        let mut x = self.entities[e].clone();
        x.sentence = sentence;
        x.spoke = true;
        self.push(x);
        self.entities.len() - 1
    }
}

/// Records the named noun phrases of a sentence (`Het ministerie van Buitenlandse Zaken`) and
/// the entity its subject names.
pub(crate) fn collect_mentions(
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
pub(crate) fn same_as_earlier(ctx: &Ctx, np: &Np, mem: &Memory) -> Option<usize> {
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
