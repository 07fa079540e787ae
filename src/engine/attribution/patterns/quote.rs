//! A quote standing alone, with no cue of its own: whose it is.

use super::super::*;

/// A quote that makes up its sentence, with no cue: continues the speaker of the sentence
/// before, if that one had a statement, or else that sentence's named subject.
pub(crate) fn lone_quote(
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
    // The speaker, in order of evidence: the statement just before; the person who is the
    // subject of the sentence before (`De Graaf reageert fel. “…”`); after a question, the
    // interview's first person; the last speaker a few sentences back; the person last named
    // (`Minister Demir (43) is er klaar mee. … “…”`).
    let of_entity = |e: usize| (Some(source_of_entity(doc, &mem.entities[e])), Some(e));
    let speaker = prev
        .map(|p| (p.source.clone(), p.entity))
        .or_else(|| {
            s.checked_sub(1)
                .and_then(|p| mem.subject.get(p).copied().flatten())
                .filter(|&e| mem.entities[e].class == Class::Person)
                .map(of_entity)
        })
        .or_else(|| {
            s.checked_sub(1)
                .filter(|&p| question(doc, &doc.sentences[p]))
                .and_then(|_| mem.entities.iter().position(|e| e.class == Class::Person))
                .map(of_entity)
        })
        .or_else(|| earlier.map(|p| (p.source.clone(), p.entity)))
        .or_else(|| {
            mem.recent()
                .find(|(_, e)| {
                    e.class == Class::Person && e.named && e.sentence + CONTINUE_REACH >= s
                })
                .map(|(e, _)| of_entity(e))
        });
    match speaker {
        Some((source, entity)) => {
            f.source = source;
            f.entity = entity;
            f.continued = true;
        }
        // A short quote with no one to give it to is no claim (`“Nee.”`).
        None if words < 4 => return None,
        None => {}
    }
    Some((f, None))
}

/// A source that names an earlier entity as it was written.
fn source_of_entity(doc: &Doc, ent: &Entity) -> FoundSource {
    FoundSource {
        span: doc.span(ent.first, ent.last),
        resolved: None,
        via: None,
        kind: if ent.named {
            SourceKind::Named
        } else {
            SourceKind::Description
        },
        competitors: 0,
    }
}
