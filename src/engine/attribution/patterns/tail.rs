//! Tail attribution: `,,…”, aldus X`, `…, meldt X.`, `"…," X said.`, `citeert X Y`, and a
//! tail standing alone after a quote that ended in `?`/`!`.

use super::super::*;

/// `,,…”, aldus X`, `…, meldt X.`, `"…," X said.`, `,,…”, citeert X Y`.
pub(crate) fn tail(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
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

/// `"Fair?" Ormerod replied.`: a quote that ends in `?` or `!` ends its sentence, and the
/// attribution stands alone after it. It claims the quote before (taking it over from a
/// cue-less continuation).
pub(crate) fn dangling_tail(
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
