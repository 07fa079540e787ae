//! `Volgens X …`, `…, according to X.`

use super::super::*;

/// `Volgens X zijn …`, `… zijn volgens X …`, `…, according to X.`
pub(crate) fn according_to(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = ctx.body_end(sent);
    for i in outside_quotes(doc, sent.first, end) {
        let Some(seq) = ctx
            .has(i, ACCORDING)
            .then(|| ctx.t.according_to.iter().find(|s| seq_at(doc, i, s)))
            .flatten()
        else {
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
        // The source runs up to the next comma (`According to a 2013 study by economists X
        // and Y, …`, `…, according to three people briefed on the talks.`).
        let comma = (np.last + 1..end.min(k + ACCORDING_REACH)).find(|&c| doc.is_punct(c, ','));
        let np = match comma {
            // Not where the verb follows the source directly (`Volgens de krant zou de club …`,
            // verb-second order).
            Some(c)
                if i == sent.first
                    && !ctx.t.verb_second
                    && !(np.last + 1..c).any(|x| ctx.has(x, AUX) || ctx.is_cue_word(x)) =>
            {
                Np { last: c - 1, ..np }
            }
            None if i > sent.first && doc.is_punct(i - 1, ',') => Np {
                last: end - 1,
                ..np
            },
            _ => np,
        };
        let content = if i == sent.first {
            let mut c = np.last + 1;
            while doc.is_punct(c, ',') {
                c += 1;
            }
            doc.span(c, end - 1)
        } else if doc.is_punct(i - 1, ',') && np.last + 1 >= end {
            // `, volgens X` right after the sentence's first token: nothing before the comma.
            if i < sent.first + 2 {
                return None;
            }
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
