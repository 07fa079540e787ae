//! A subject and its speech verb: at the sentence's start (`X zegt dat …`), after an
//! adverbial, inverted (`Daarom vindt ze …`), coordinated (`… but said …`), embedded (`toen X
//! zei …`), inside the sentence (`Later, Trump said …`) and as a participle (`…, saying …`).

use super::super::*;

/// `X zegt (dat) …`, `X, de premier, zei: ,,…”`.
pub(crate) fn subject(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
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

pub(crate) fn subject_at(ctx: &Ctx, sent: &Sentence, first: usize) -> Option<(Found, Option<Np>)> {
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
    // A weak verb (`noemt`) attributes only what it frames in quote marks.
    if weak && !ctx.frames_quote(cue_first, cue_last + 1, end) {
        return None;
    }
    // `called the plan “a gamble” but said …`: the speech verb after it is the statement.
    if weak
        && (cue_last + 1..end).any(|k| ctx.has(k, COORD) && ctx.cue_at(k + 1, end, false).is_some())
    {
        return None;
    }
    let (content, direct) = clause_after(ctx, cue_last, end)?;
    Some(stmt(
        doc,
        sent,
        content,
        direct,
        Some((np, None)),
        Some(doc.span(cue_first, cue_last)),
    ))
}

/// `X called the closure “a real loss” but said (that) …`, `X zet bussen in, maar
/// waarschuwt dat …`: a second verb joined to the sentence's subject.
pub(crate) fn coordinated(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
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
        // `Carson took the stage and called the system "rotten to the core."`
        let naming = ctx.has_extra(k + 1, NAMING) && ctx.frames_quote(k + 1, k + 2, end);
        if ctx.has(k, COORD)
            && let Some(cue_last) = ctx.cue_at(k + 1, end, false).or(naming.then_some(k + 1))
        {
            let (content, direct) = clause_after(ctx, cue_last, end)?;
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
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
pub(crate) fn inverted(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
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

/// `… after the competition watchdog said the deal could …`, `when a councillor told me
/// "…"`: a subject and its speech verb inside a sentence, after a clause opener or a comma.
pub(crate) fn embedded(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    // From the first token, so that a quote opening the sentence is skipped whole.
    for i in outside_quotes(doc, sent.first, end) {
        let opener = i > sent.first && ctx.has(i - 1, OPENER);
        if opener
            && !ctx.is_pronoun(i)
            && let Some(np) = ctx.noun_phrase(i, end)
            && let Some(cue_last) = ctx.cue_at(np.last + 1, end, false)
        {
            let (content, direct) = clause_after(ctx, cue_last, end)?;
            return Some(stmt(
                doc,
                sent,
                content,
                direct,
                Some((np, None)),
                Some(doc.span(np.last + 1, cue_last)),
            ));
        }
    }
    None
}

/// `Later, in front of the club, Trump said Bush is …`, `…, and he has said that …`: a subject
/// and its speech verb inside the sentence, after an adverbial or another clause. Runs after
/// every pattern with a fixed position, so it only takes what they left.
pub(crate) fn subject_inside(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    let mut k = sent.first;
    while k < end {
        if let Some(q) = doc.quote_opened_at(k) {
            k = q.close + 1;
            continue;
        }
        if k == sent.first
            || !ctx.has(k, CUE_START | WEAK_VERB)
            || ctx.has(k, PARTICIPLE)
            || ctx.has(k, TAIL_ONLY)
        {
            k += 1;
            continue;
        }
        // `…, Clinton called half of his supporters “deplorables.”`: a verb of naming and its
        // quote.
        let naming = ctx.has_extra(k, NAMING) && ctx.frames_quote(k, k + 1, end);
        let Some(cue_last) = ctx.cue_at(k, end, false).or(naming.then_some(k)) else {
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
pub(crate) fn participle(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    for k in outside_quotes(doc, sent.first, end) {
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
    }
    None
}

/// After a statement that ends before its sentence does, a second statement of the same
/// source: a participle after a comma (`"…," he said, adding that …`) or a second speech verb
/// of the same subject (`X announced A and said B`; a refusal, `but would not say`, is none).
pub(crate) fn second_statement(ctx: &Ctx, sent: &Sentence, f: &Found) -> Option<Found> {
    let doc = ctx.doc;
    f.source.as_ref()?;
    let end = ctx.body_end(sent);
    let after = f.content.end.max(f.cue.map_or(0, |c| c.end));
    for k in outside_quotes(doc, sent.first, end) {
        if doc.tokens[k].start() < after {
            continue;
        }
        let cue = if ctx.has(k, PARTICIPLE) && doc.is_punct(k - 1, ',') {
            Some((k, k))
        } else {
            ctx.joined_verb(k, end)
                .filter(|&(v, _)| !(k + 1..v).any(|x| has_word(ctx.t.negations, doc.low(x))))
        };
        if let Some((v, cue_last)) = cue
            && let Some((content, direct)) = clause_after(ctx, cue_last, end)
        {
            return Some(Found {
                span: Span::new(doc.tokens[k].start(), doc.sentence_span(sent).end),
                content,
                direct,
                cue: Some(doc.span(v, cue_last)),
                continued: false,
                ..f.clone()
            });
        }
    }
    None
}
