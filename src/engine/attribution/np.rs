//! Noun phrases: a source's whole phrase (`de woordvoerder van het ministerie`, `Texas Sen.
//! Ted Cruz (R)`), its appositions and brackets, and the subject that ends before a verb.

use super::*;

/// A noun phrase: tokens `first..=last`, its head noun token, and whether it names someone.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Np {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) head: usize,
    pub(crate) named: bool,
    /// The first link word (`van`), if the phrase has a complement.
    pub(crate) link: Option<usize>,
    pub(crate) definite: bool,
}

impl Ctx<'_, '_> {
    /// Parses a noun phrase starting at token `i`, ending before `end`. The mention pass and
    /// the statement patterns parse the same phrases of a sentence several times: the latest
    /// parses are remembered, by position.
    pub(crate) fn noun_phrase(&self, i: usize, end: usize) -> Option<Np> {
        let slot = self.np_memo.get(i % NP_MEMO);
        if let Some(m) = slot
            && let Some((at, until, np)) = m.get()
            && at == i
            && until == end
        {
            return np;
        }
        let np = self.parse_noun_phrase(i, end);
        if let Some(m) = slot {
            m.set(Some((i, end, np)));
        }
        np
    }

    pub(crate) fn parse_noun_phrase(&self, i: usize, end: usize) -> Option<Np> {
        let doc = self.doc;
        if i < end && self.is_pronoun(i) {
            return Some(Np {
                first: i,
                last: i,
                head: i,
                named: false,
                link: None,
                definite: false,
            });
        }
        let mut j = i;
        let mut definite = false;
        if self.has(j, DET) {
            definite = self.has(j, DEFINITE);
            j += 1;
        }
        let mut np = Np {
            first: i,
            last: i,
            head: usize::MAX,
            named: false,
            link: None,
            definite,
        };
        let mut last_word: Option<usize> = None;
        // The last word counted as a name (a capital that is not just the sentence's first).
        let mut last_name: Option<usize> = None;
        let mut head_lower: Option<usize> = None;
        let mut after_link = false;
        let limit = end.min(i + NP_REACH);
        while j < limit {
            match doc.kind(j) {
                Some(TokKind::Word) => {
                    // `Competition and Markets Authority`, `Infrastructuur en Waterstaat`.
                    if self.has(j, CONJ)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.is_cap(j - 1)
                        && doc.is_cap(j + 1)
                        && (!doc.sentence_initial(j - 1) || self.has(j - 1, NAME))
                    {
                        j += 1;
                        continue;
                    }
                    // `zegt Van Rijn`, `De Vries`: a capitalised particle opens a surname.
                    if self.has(j, PARTICLE)
                        && doc.is_cap(j)
                        && (doc.is_cap(j + 1) || (self.has(j + 1, PARTICLE) && doc.is_cap(j + 2)))
                        && doc.is_word(j + 1)
                        && last_word.is_none()
                    {
                        j += 1;
                        continue;
                    }
                    // `het OM`: an acronym is a name even where its letters spell a stop word.
                    let acronym =
                        || doc.raw(j).len() >= 2 && doc.raw(j).chars().all(|c| c.is_uppercase());
                    if (self.has(j, STOP) && !acronym())
                        || self.is_cue_word(j)
                        || (j > i && self.has(j, WEAK_VERB))
                    {
                        break;
                    }
                    // `Anna de Vries`, `Van der Berg`: particles between two name words.
                    if self.has(j, PARTICLE)
                        && j > i
                        && doc.is_cap(j - 1)
                        && (doc.is_cap(j + 1)
                            || (self.has(j + 1, PARTICLE)
                                && doc.is_cap(j + 2)
                                // `van de GGD`: an acronym after the article is an
                                // organisation, not the rest of a surname.
                                && !doc.raw(j + 2).chars().all(|c| c.is_uppercase())))
                    {
                        j += 1;
                        continue;
                    }
                    // `dagblad De Maasbode`: a capitalised article inside a sentence opens a name.
                    let in_name = doc.is_cap(j)
                        && j > i
                        && !doc.sentence_initial(j)
                        && !after_stop(doc, j)
                        && doc.is_cap(j + 1);
                    if self.has(j, DET) && !in_name {
                        if !after_link {
                            break; // a new noun phrase starts: `Khabar 24 | een politiewoordvoerder`
                        }
                        j += 1;
                        continue;
                    }
                    if self.has(j, LINK) {
                        // A link needs a head before it and a word after it, not a pronoun
                        // (`De Wever | van haar de nieuwe minister wilde maken`).
                        if last_word.is_none()
                            || !(doc.is_word(j + 1))
                            || self.has(j + 1, STOP)
                            || self.is_pronoun(j + 1)
                            || (self.has(j + 1, DET) && self.has(j + 2, DET))
                        {
                            break;
                        }
                        np.link.get_or_insert(j);
                        after_link = true;
                        j += 1;
                        continue;
                    }
                    let after_title =
                        j > 0 && doc.is_punct(j - 1, '.') && self.has(j.wrapping_sub(2), TITLE);
                    let cap = doc.is_cap(j)
                        && ((!doc.sentence_initial(j) && !after_stop(doc, j))
                            || self.has(j, NAME)
                            || (after_title && j > i));
                    if !doc.is_cap(j)
                        && let Some(p) = last_name.filter(|&p| p + 1 == j)
                        && self.ends_name(p, j)
                    {
                        break; // `het KNMI | bereikten`, `de NS | zaten`
                    }
                    if cap {
                        np.named = true;
                        last_name = Some(j);
                    } else {
                        // Two lowercase nouns in a row end the phrase unless the first is a
                        // pre-noun modifier (Dutch adjectives end in -e: `grote`, `Russische`).
                        if let Some(h) = head_lower
                            && np.link.is_none_or(|l| l < h)
                            && last_word == Some(h)
                            && !self.modifier(h)
                            && !self.title_before_name(j)
                        {
                            break;
                        }
                        if np.link.is_some() && !after_link {
                            break;
                        }
                        head_lower = Some(j);
                    }
                    if np.link.is_none() {
                        np.head = j;
                    }
                    after_link = false;
                    last_word = Some(j);
                    np.last = j;
                }
                // A plural possessive: `The drivers' union`.
                Some(TokKind::Punct)
                    if matches!(doc.punct_char(j), Some('\'' | '’'))
                        && doc.glued(j)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.low(j - 1).ends_with('s')
                        && doc.quote_closed_at(j).is_none()
                        && doc.is_word(j + 1) =>
                {
                    np.last = j;
                }
                // A title's full stop belongs to the name after it: `Sen. Ted Cruz`.
                Some(TokKind::Punct)
                    if doc.is_punct(j, '.')
                        && doc.glued(j)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && self.has(j - 1, TITLE)
                        && doc.is_cap(j + 1)
                        && doc.same_sentence(i, j + 1) =>
                {
                    np.last = j;
                }
                // An initial's full stop belongs to the name: `Ronald V.`, `V. zelf`.
                Some(TokKind::Punct)
                    if doc.is_punct(j, '.')
                        && doc.glued(j)
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.is_cap(j - 1)
                        && doc.raw(j - 1).chars().count() == 1
                        && doc.same_sentence(i, j) =>
                {
                    np.named = true;
                    np.last = j;
                }
                // A year or count after the determiner modifies the noun: `the 2009 paper`,
                // `a 2013 study`.
                Some(TokKind::Num)
                    if last_word.is_none()
                        && j > i
                        && self.has(j - 1, DET)
                        && doc.is_word(j + 1)
                        && !self.has(j + 1, STOP) =>
                {
                    np.last = j;
                }
                // Digits belong to a name they follow: `Khabar 24`.
                Some(TokKind::Num)
                    if j > 0
                        && last_word.is_some_and(|w| w + 1 == j)
                        && doc.is_cap(j - 1)
                        && !doc.glued(j) =>
                {
                    np.last = j;
                }
                _ => break,
            }
            j += 1;
        }
        last_word?;
        if np.head == usize::MAX {
            np.head = np.last;
        }
        // The head is the last lowercase noun before the link, if any (`staatszender Khabar 24`).
        if let Some(h) = head_lower.filter(|&h| np.link.is_none_or(|l| h < l)) {
            np.head = h;
        }
        Some(np)
    }

    /// A lowercase word `j` right after the capitalised word `p` is not part of its name: in
    /// Dutch unless `p` is an inflected adjective (`Russische ministerie`); in English when `j`
    /// looks like a past tense (`Nordline diverted`).
    pub(crate) fn ends_name(&self, p: usize, j: usize) -> bool {
        match self.t.adjective_ending {
            Some(e) => !self.doc.low(p).ends_with(e),
            None => self.t.past_tense_suffix.is_some_and(|sfx| {
                let w = self.doc.low(j);
                w.ends_with(sfx) && w.len() > sfx.len() + 2
            }),
        }
    }

    /// Lowercase words at `j` that run into a name within a few words: a title
    /// (`algemeen directeur Ruud Klaassen`, `arts infectieziektebestrijding Jeroen Wolters`).
    pub(crate) fn title_before_name(&self, j: usize) -> bool {
        let doc = self.doc;
        for k in j..j + 3 {
            if doc.is_cap(k) {
                return !doc.sentence_initial(k);
            }
            if !doc.is_word(k) || self.has(k, STOP) || self.is_cue_word(k) {
                return false;
            }
        }
        false
    }

    /// A word that may stand before the head noun (an adjective or a title).
    pub(crate) fn modifier(&self, i: usize) -> bool {
        let w = self.doc.low(i);
        match self.t.adjective_ending {
            Some(e) => {
                w.ends_with(e)
                    && w.len() > 3
                    && !self.t.not_adjective_endings.iter().any(|x| w.ends_with(x))
            }
            None => true,
        }
    }

    /// Extends a noun phrase with an apposition: `Nikol Pasjinjan, de premier van Armenië,`.
    pub(crate) fn with_apposition(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && let Some(comma) = self.apposition_end(app.last + 1, end)
            && self.cue_at(comma + 1, end, false).is_some()
        {
            return Np {
                last: app.last,
                named: np.named || app.named,
                ..np
            };
        }
        np
    }

    /// The comma that closes an apposition at `k`, or after a short relative clause there
    /// (`the charity that runs the gallery,`).
    pub(crate) fn apposition_end(&self, k: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.is_punct(k, ',') {
            return Some(k);
        }
        if self.has(k, RELATIVE) || self.has(k, COMPLEMENTIZER) {
            return (k + 1..end.min(k + 1 + RELATIVE_REACH))
                .take_while(|&x| doc.quote_opened_at(x).is_none())
                .find(|&x| doc.is_punct(x, ','));
        }
        None
    }

    /// The last token of an entity's fullest name: a noun phrase extended over a list of
    /// names after its link (`van Onderwijs, Cultuur en Wetenschap`) and an acronym in
    /// brackets (`(VNG)`).
    pub(crate) fn name_end(&self, np: &Np, end: usize) -> usize {
        let doc = self.doc;
        let mut last = np.last;
        if np.link.is_some() && np.named {
            // Bounded by NP_REACH: a list of a few names.
            let mut k = last + 1;
            while k + 1 < end.min(np.last + NP_REACH) {
                let joins = doc.is_punct(k, ',') || self.has(k, CONJ);
                if joins && doc.is_cap(k + 1) {
                    last = k + 1;
                    k += 2;
                } else {
                    break;
                }
            }
        }
        // `het Centraal Bureau voor de Statistiek (CBS)`: a short tail of links, determiners
        // and names before an acronym in brackets belongs to the name.
        if np.named {
            let mut k = last + 1;
            while k < end.min(last + 5)
                && (doc.is_cap(k) || self.has(k, DET) || (doc.is_word(k) && doc.low(k).len() <= 4))
            {
                k += 1;
            }
            if k > last + 1
                && doc.is_punct(k, '(')
                && doc.is_cap(k - 1)
                && doc.is_cap(k + 1)
                && doc.is_punct(k + 2, ')')
            {
                last = k - 1;
            }
        }
        if doc.is_punct(last + 1, '(')
            && doc.is_cap(last + 2)
            && doc.is_punct(last + 3, ')')
            && last + 3 < end
        {
            last += 3;
        }
        last
    }
}

impl Ctx<'_, '_> {
    /// `Rep. Earl Blumenauer (D-Ore.)`: a short bracket after a name belongs to it.
    pub(crate) fn with_bracket(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, '(')
            && let Some(close) =
                (np.last + 2..end.min(np.last + 10)).find(|&k| doc.is_punct(k, ')'))
        {
            return Np { last: close, ..np };
        }
        np
    }

    /// `a neighbour, Dev Sharma, as saying`: an apposition closed by a comma.
    pub(crate) fn with_apposition_as(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && doc.is_punct(app.last + 1, ',')
        {
            return Np {
                last: app.last,
                named: np.named || app.named,
                ..np
            };
        }
        np
    }

    /// `…, zegt Henk Bakker, die …` / `…, aldus X, de directeur van Y.`: an apposition after a
    /// tail source belongs to it when the sentence ends there.
    pub(crate) fn with_apposition_tail(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && (self.has(np.last + 2, DET) || doc.is_cap(np.last + 2))
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && (app.last + 1 >= end
                || (doc.is_punct(app.last + 1, ',') && self.has(app.last + 2, RELATIVE)))
        {
            return Np {
                last: app.last,
                named: np.named || app.named,
                ..np
            };
        }
        np
    }
}

/// The noun phrase that ends at token `last`, as long as the tokens before allow, within
/// `from..`: the subject of a verb in the middle of a sentence (`Later, Trump said …`,
/// `…, and he says …`).
pub(crate) fn np_ending_at(ctx: &Ctx, from: usize, last: usize) -> Option<Np> {
    (from.max(last.saturating_sub(NP_REACH))..=last)
        .filter_map(|st| ctx.noun_phrase(st, last + 1))
        .find(|np| np.last == last)
}

/// `Wetenschappers die werken voor de VN concludeerden`, `Republicans who back the bill said`:
/// the sentence opens with a noun phrase and a relative clause without commas, which runs up
/// to the verb (`last` is its last token); the subject is all of it.
pub(crate) fn subject_with_relative(ctx: &Ctx, first: usize, last: usize) -> Option<Np> {
    let doc = ctx.doc;
    let head = ctx.noun_phrase(first, last + 1)?;
    if !ctx.has(head.last + 1, RELATIVE)
        || last <= head.last + 2
        || last > head.last + 1 + RELATIVE_REACH
        || (head.last + 2..=last).any(|k| {
            doc.kind(k) == Some(TokKind::Punct)
                || ctx.is_cue_word(k)
                || ctx.has(k, COMPLEMENTIZER | RELATIVE)
        })
    {
        return None;
    }
    Some(Np { last, ..head })
}

/// The subject whose last token is `last`, with what may stand between it and its verb: a
/// bracket (`Sen. Elizabeth Warren (D-MA)`) or an apposition between commas (`Christopher
/// Harvey, a delegate from Houston, Texas,`: the name must open the sentence or a clause).
pub(crate) fn subject_before(ctx: &Ctx, first: usize, last: usize) -> Option<Np> {
    let doc = ctx.doc;
    if doc.is_punct(last, ')') {
        let open = (last.saturating_sub(NP_REACH).max(first)..last)
            .rev()
            .find(|&k| doc.is_punct(k, '('))?;
        let np = np_ending_at(ctx, first, open.checked_sub(1)?)?;
        return Some(Np { last, ..np });
    }
    if doc.is_punct(last, ',') {
        let from = last.saturating_sub(APPOSITION_REACH).max(first + 1);
        for c in (from..last).filter(|&k| doc.is_punct(k, ',')) {
            if let Some(np) = np_ending_at(ctx, first, c - 1)
                && np.named
                // `But Megan Hester, senior associate at …, said`: a conjunction may open.
                && (np.first == first
                    || doc.kind(np.first - 1) == Some(TokKind::Punct)
                    || (np.first == first + 1 && ctx.has(first, OPENER | COORD)))
                && !(c + 1..last).any(|k| ctx.is_cue_word(k) || doc.quote_opened_at(k).is_some())
                // `Graham Loxley, 52, denies 14 counts`: an age alone is no apposition of a
                // speaker's role; court reports use it before verbs with objects.
                && (c + 1..last).any(|k| doc.is_word(k))
            {
                return Some(Np {
                    last: last - 1,
                    ..np
                });
            }
        }
        // `Milo Oehler (60) projectmanager van de gemeente Amsterdam, zegt`: a name that opens
        // the sentence and all that follows it up to the comma.
        return ctx
            .noun_phrase(first, last)
            .filter(|np| {
                np.named
                    && last <= first + APPOSITION_REACH
                    && (np.last + 1..last).any(|k| doc.is_word(k))
                    && !(np.last + 1..last).any(|k| {
                        ctx.is_cue_word(k)
                            || doc.quote_opened_at(k).is_some()
                            || ctx.has(k, AUX | COMPLEMENTIZER | RELATIVE)
                    })
            })
            .map(|np| Np {
                last: last - 1,
                ..np
            });
    }
    np_ending_at(ctx, first, last)
}
