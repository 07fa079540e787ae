//! Interviews: prompts and answers, `Q:`/`A:` markers, the interviewee as the speaker of the
//! answers.

use super::*;

/// The sentence is a question of the reporter's: it ends in `?` outside any quote.
pub(crate) fn question(doc: &Doc, sent: &Sentence) -> bool {
    sent.end > sent.first
        && doc.is_punct(sent.end - 1, '?')
        && doc.quote_opened_at(sent.first).is_none()
}

/// Which interview marker opens the sentence: 0 for a question (`Q:`), 1 for an answer.
pub(crate) fn interview_marker(ctx: &Ctx, sent: &Sentence) -> Option<usize> {
    if !ctx.doc.is_punct(sent.first + 1, ':') || sent.end <= sent.first + 2 {
        return None;
    }
    (0..2).find(|&k| ctx.is_in(sent.first, ctx.t.interview[k]) && ctx.doc.is_cap(sent.first))
}

/// `A: …` in an interview: the answer, up to the next marker or paragraph, is the
/// interviewee's (the first person the article names) direct speech.
pub(crate) fn answer(
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
pub(crate) fn line_start(doc: &Doc, i: usize) -> bool {
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
pub(crate) fn prompted_answers(ctx: &Ctx) -> Vec<Option<usize>> {
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
pub(crate) fn question_mark(doc: &Doc, sent: &Sentence) -> bool {
    sent.end > sent.first
        && (sent.first..sent.end)
            .rev()
            .take(3)
            .any(|k| doc.is_punct(k, '?'))
}

/// The answer in sentences `s..=last`, given to the interviewee: the first person the article
/// names (the interview's subject is introduced before the questions start).
pub(crate) fn interviewee_answer(ctx: &Ctx, s: usize, mem: &Memory) -> Option<Found> {
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
