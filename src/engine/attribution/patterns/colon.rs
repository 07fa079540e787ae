//! A speaker before a colon or a quote: transcripts, interviews, headlines.

use super::super::*;

/// `Oliveira: ,,De cijfers …”`: a speaker's name, a colon and a quote (a debate written as
/// a transcript).
pub(crate) fn colon_speaker(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
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

/// `Said Ellis: "I don't get the sense …"`, `Said Dorothy Poynter, who grew up with him, "…"`:
/// a cue opening the sentence, its speaker, then a quote to the sentence's end (English; in a
/// verb-second language a verb first asks a question).
pub(crate) fn leading_cue(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    if ctx.t.verb_second {
        return None;
    }
    let end = ctx.body_end(sent);
    let cue_last = ctx.cue_at(sent.first, end, false)?;
    let np = ctx.noun_phrase(cue_last + 1, end)?;
    // The quote that ends the sentence, after a comma or colon within reach.
    let open = (np.last + 1..end.min(np.last + 2 + APPOSITION_REACH)).find(|&k| {
        (doc.is_punct(k, ',') || doc.is_punct(k, ':'))
            && doc
                .quote_opened_at(k + 1)
                .is_some_and(|q| q.close + 1 >= end)
    })?;
    let q = *doc.quote_opened_at(open + 1)?;
    let np = Np {
        last: open - 1,
        ..np
    };
    Some(stmt(
        doc,
        sent,
        q.inner,
        true,
        Some((np, None)),
        Some(doc.span(sent.first, cue_last)),
    ))
}
