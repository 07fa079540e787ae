//! What every sentence pattern shares: building a statement, the clause after a cue and where
//! it ends, whether a cue closes its sentence, hedging.

use super::super::*;

impl Ctx<'_, '_> {
    /// In a verb-second language, `np` before a verb inside the sentence is its subject: it
    /// opens a clause (after a mark or `en`, `maar`, `omdat`), or it is a name or has a
    /// determiner and its clause does not open with a preposition or adverb (then the verb
    /// came second and the subject is after it: `In november kondigde X aan`).
    pub(crate) fn v2_subject(&self, np: &Np) -> bool {
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
    pub(crate) fn adverbial_opener(&self, np: &Np) -> bool {
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
    pub(crate) fn content_end(&self, c: usize, end: usize) -> usize {
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
            // `… and said B`, `…, but added B`: a second verb of the same subject is a
            // statement of its own (`second_statement`).
            if let Some(s) = self.second_verb_at(k, end) {
                return s;
            }
            k += 1;
        }
        end
    }

    /// `k` is a conjunction before a second speech verb of the subject (`and said`, `but has
    /// added`, `en zei`): the verb's first and last tokens.
    pub(crate) fn joined_verb(&self, k: usize, end: usize) -> Option<(usize, usize)> {
        if !self.has(k, COORD) {
            return None;
        }
        let mut v = k + 1;
        while self.adverb(v) || self.has(v, AUX) {
            v += 1;
        }
        Some((v, self.cue_at(v, end, false)?))
    }

    /// `k` starts a second speech verb joined to the subject: where the clause before it ends
    /// (the comma's token, if any).
    pub(crate) fn second_verb_at(&self, k: usize, end: usize) -> Option<usize> {
        self.joined_verb(k, end)?;
        Some(if k > 0 && self.doc.is_punct(k - 1, ',') {
            k - 1
        } else {
            k
        })
    }

    /// Content that starts at `c` right after its complementizer starts at the complementizer:
    /// `zei dat …`, `said that …` (PolNeAR's contents and the real-nl keys both include it;
    /// where it is left out of a key the content still covers it).
    pub(crate) fn with_complementizer(&self, c: usize) -> usize {
        if c > 0 && self.has(c - 1, COMPLEMENTIZER) {
            c - 1
        } else {
            c
        }
    }
}

pub(crate) fn stmt(
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
pub(crate) fn body_end(doc: &Doc, sent: &Sentence) -> usize {
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
pub(crate) fn trailing_mark(c: char) -> bool {
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
impl Ctx<'_, '_> {
    /// The weak verb at `verb` frames a quote in `from..end`: a real quote (three words or
    /// more), or any quote after a verb of naming (`called him a "pathological liar"`).
    pub(crate) fn frames_quote(&self, verb: usize, from: usize, end: usize) -> bool {
        let doc = self.doc;
        let naming = self.has_extra(verb, NAMING);
        (from..end).any(|k| {
            doc.quote_opened_at(k).is_some_and(|q| {
                real_quote(doc, q.inner)
                    // A name in quotes ends its phrase; `een ‘tijdelijke’ maatregel` is a
                    // scare quote inside one.
                    || (naming
                        && (!doc.is_word(q.close + 1)
                            || self.has(q.close + 1, STOP | COORD | OPENER)))
            })
        })
    }
}

/// The tokens of `from..end` outside quotes, in order: a cue inside a quote is the speaker's,
/// not the reporter's, so every pattern that scans a sentence skips quotes whole.
pub(crate) fn outside_quotes<'a>(
    doc: &'a Doc,
    from: usize,
    end: usize,
) -> impl Iterator<Item = usize> + 'a {
    let mut k = from;
    std::iter::from_fn(move || {
        while k < end {
            if let Some(q) = doc.quote_opened_at(k) {
                k = q.close + 1;
                continue;
            }
            k += 1;
            return Some(k - 1);
        }
        None
    })
}

pub(crate) fn real_quote(doc: &Doc, inner: Span) -> bool {
    inner.of(doc.text).split_whitespace().nth(2).is_some()
}

/// `…, "B."` at token `k`: the second piece of an interrupted quote, running to the end of the
/// sentence.
pub(crate) fn second_piece(ctx: &Ctx, k: usize, end: usize) -> Option<text::Quote> {
    let doc = ctx.doc;
    if !(doc.is_punct(k, ',') || doc.is_punct(k, ':')) {
        return None;
    }
    doc.quote_opened_at(k + 1)
        .copied()
        .filter(|q| q.close + 1 >= end && real_quote(doc, q.inner))
}
/// Tokens `first..comma` are one noun phrase with an apposition (`Pennine Rail's managing
/// director, Lucy Barnes`): a subject, not content that a tail cue could claim.
pub(crate) fn subject_only(ctx: &Ctx, first: usize, comma: usize, end: usize) -> bool {
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
pub(crate) fn closes(ctx: &Ctx, c: usize, end: usize) -> bool {
    closes_within(ctx, c, end, TAIL_REACH)
}

/// `closes`, with the adjunct after the cue allowed up to `reach` tokens: after a real quote
/// (`"…," he said in Las Vegas at a forum hosted by …`) what follows the cue is rarely content.
pub(crate) fn closes_within(ctx: &Ctx, c: usize, end: usize, reach: usize) -> bool {
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

/// The one reading of the clause after a cue, used by every subject pattern (`subject_at`,
/// `coordinated`, `embedded`, `subject_inside`, `participle`). What differed between their
/// former copies was not intended: `embedded` took a quote that did not end the sentence as
/// the whole content, `coordinated` looked four tokens for `that` instead of six and skipped no
/// listener. `inverted` keeps its own rule on purpose: after an inverted subject the clause
/// must open with `dat`/`:` (or, verb-second, after an adverbial opener), see there.
/// What a speech verb ending at `cue_last` says: the clause after it, past a listener, a colon
/// or comma and a complementizer (`told reporters on Tuesday that …`); a quote standing there
/// alone is direct speech. `None` when fewer than two tokens follow.
pub(crate) fn clause_after(ctx: &Ctx, cue_last: usize, end: usize) -> Option<(Span, bool)> {
    let doc = ctx.doc;
    let mut c = cue_last + 1;
    if ctx.has_extra(cue_last, ADDRESSEE_VERB)
        && !ctx.has(c, COMPLEMENTIZER)
        && doc.quote_opened_at(c).is_none()
        && let Some(np) = ctx.noun_phrase(c, end)
    {
        c = np.last + 1;
        // `told jurors the trial …`: a clause right after the addressee; `told The Post on
        // Thursday (that …)`: an adjunct first, and without `that` no clause at all.
        if ctx.has(c, STOP) || doc.kind(c) == Some(TokKind::Punct) {
            let k = (c..end.min(c + 6)).find(|&k| {
                ctx.has(k, COMPLEMENTIZER)
                    || doc.is_punct(k, ':')
                    || doc.quote_opened_at(k).is_some()
            })?;
            c = k;
        }
    }
    // `laat weten dat …`: the particle of a separable verb right after it.
    let verb = doc.low(cue_last);
    while ctx.has(c, LISTENER)
        || doc.is_punct(c, ':')
        || doc.is_punct(c, ',')
        || (doc.is_word(c)
            && ctx
                .t
                .separable
                .iter()
                .any(|&(v, p)| v == verb && p == doc.low(c)))
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
    Some(match doc.quote_opened_at(c) {
        Some(q) if q.close + 1 >= end => (q.inner, true),
        _ => (
            doc.span(ctx.with_complementizer(c), ctx.content_end(c, end) - 1),
            false,
        ),
    })
}

/// The sentence says its claim is unconfirmed, in the reporter's words (a `zou` inside a
/// quote is the speaker's).
pub(crate) fn hedged(ctx: &Ctx, sent: &Sentence) -> bool {
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
