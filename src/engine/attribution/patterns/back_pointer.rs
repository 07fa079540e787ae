//! `Dat meldt X.`: a demonstrative that points back to the sentences before.

use super::super::*;

/// `Dat meldt X.`, `Dit zegt X in een verklaring.`: the sentences before (in the same
/// paragraph, without a cue of their own) are what X claims.
pub(crate) fn back_pointer(
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
