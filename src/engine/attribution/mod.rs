//! Attributed statements: who says what, with which cue.
//!
//! Works sentence by sentence (a quote is never split, see `text.rs`). Each sentence is tried
//! against a few shapes, first match wins:
//!
//! 1. tail attribution: `,,…”, aldus X`, `…, meldt X.`, `"…," X said.`, `citeert X Y`;
//! 2. subject + speech verb: `X zegt (dat) …`, `X, de premier, zei: ,,…”`;
//! 3. `volgens X` / `according to X` anywhere in the sentence;
//! 4. a quote standing alone: it continues the speaker of the sentence before.
//!
//! Sources are whole noun phrases; a description (`het ministerie`) or pronoun is resolved to
//! the most recent earlier named mention with the same head noun.

pub mod en;
pub mod nl;

use super::text::{Doc, Sentence, TokKind};
use super::{Lang, Span};

/// What the scanner needs to know about one language; the data lives in `nl.rs` and `en.rs`.
pub struct Tables {
    pub according_to: &'static [&'static [&'static str]],
    /// Speech verbs, as word sequences (`laat weten`).
    pub speech_verbs: &'static [&'static [&'static str]],
    /// Speech verbs whose particle may stand later in the sentence: `laat … weten`.
    pub separable: &'static [(&'static str, &'static str)],
    /// Cues that only follow what is said: `…, aldus X`.
    pub tail_only: &'static [&'static [&'static str]],
    /// `citeert X Y`: X relays what Y said.
    pub quote_verbs: &'static [&'static str],
    pub complementizers: &'static [&'static str],
    pub determiners: &'static [&'static str],
    /// Determiners of a description that may refer back: `het ministerie`, `the minister`.
    pub definite: &'static [&'static str],
    /// Words that continue a noun phrase into its complement: `ministerie van Volksgezondheid`.
    pub np_links: &'static [&'static str],
    /// Lowercase particles inside personal names: `de Vries`, `van der Berg`.
    pub name_particles: &'static [&'static str],
    /// Words that end a noun phrase: finite verbs, prepositions, conjunctions, adverbs.
    pub np_stop: &'static [&'static str],
    pub pronouns: &'static [&'static str],
    /// `een verklaring van het ministerie`: the document speaks for its author.
    pub document_nouns: &'static [&'static str],
    pub hedges: &'static [&'static [&'static str]],
}

pub fn tables(lang: Lang) -> &'static Tables {
    match lang {
        Lang::Nl => &nl::TABLES,
        Lang::En => &en::TABLES,
    }
}

pub fn abbreviations(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Nl => nl::ABBREVIATIONS,
        Lang::En => en::ABBREVIATIONS,
    }
}

/// How the source is named; confidence depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Carries a proper name: `de CSTO`, `Voorzitter Nikol Pasjinjan`.
    Named,
    /// A description with no name that stands on its own: `de politie`, `een woordvoerder`.
    Description,
    /// A description or pronoun resolved to an earlier named mention, `distance` sentences back.
    Resolved { distance: usize },
    /// A pronoun with no earlier mention to resolve it to.
    Pronoun,
}

#[derive(Clone, Debug)]
pub struct FoundSource {
    pub span: Span,
    pub resolved: Option<String>,
    pub via: Option<Span>,
    pub kind: SourceKind,
}

/// A statement found in the text, before confidence is attached.
#[derive(Clone, Debug)]
pub struct Found {
    pub span: Span,
    pub content: Span,
    pub direct: bool,
    pub source: Option<FoundSource>,
    pub cue: Option<Span>,
    pub hedged: bool,
    /// No cue of its own: continues the speaker of the sentence before.
    pub continued: bool,
    sentence: usize,
}

/// A noun phrase: tokens `first..=last`, its head noun token, and whether it names someone.
#[derive(Clone, Copy, Debug)]
struct Np {
    first: usize,
    last: usize,
    head: usize,
    named: bool,
    /// The first link word (`van`), if the phrase has a complement.
    link: Option<usize>,
    definite: bool,
}

/// An earlier noun phrase that names someone, for resolving descriptions.
struct Mention {
    span: Span,
    head: usize,
    sentence: usize,
}

/// How many earlier mentions (or statements, for pronouns) resolution looks back over. An
/// antecedent further back is unlikely to be meant, and the bound keeps long texts linear.
const RESOLUTION_WINDOW: usize = 64;

/// How many tokens after `laat` its particle `weten` may stand.
const SEPARABLE_REACH: usize = 12;

struct Ctx<'d, 't> {
    doc: &'d Doc<'t>,
    t: &'static Tables,
}

fn seq_at(doc: &Doc, i: usize, seq: &[&str]) -> bool {
    seq.iter()
        .enumerate()
        .all(|(k, w)| doc.is_word(i + k) && doc.low(i + k) == *w)
}

impl Ctx<'_, '_> {
    fn is_in(&self, i: usize, words: &[&str]) -> bool {
        self.doc.is_word(i) && words.contains(&self.doc.low(i))
    }

    /// The speech-verb cue starting at `i` within `end`: its span's last token.
    fn cue_at(&self, i: usize, end: usize, tail: bool) -> Option<usize> {
        let tables = if tail {
            [self.t.speech_verbs, self.t.tail_only]
        } else {
            [self.t.speech_verbs, &[]]
        };
        let mut best = None;
        for seq in tables.iter().flat_map(|t| t.iter()) {
            if i + seq.len() <= end && seq_at(self.doc, i, seq) {
                best = best.max(Some(i + seq.len() - 1));
            }
        }
        if best.is_some() {
            return best;
        }
        // `laat … weten`: the particle later in the sentence makes the verb a cue.
        for &(verb, particle) in self.t.separable {
            if self.doc.is_word(i)
                && self.doc.low(i) == verb
                // Bounded: the particle stands within a clause, and the scan must stay linear.
                && (i + 1..end.min(i + 1 + SEPARABLE_REACH)).any(|k| self.doc.is_word(k) && self.doc.low(k) == particle)
            {
                return Some(i);
            }
        }
        None
    }

    fn is_cue_word(&self, i: usize) -> bool {
        self.cue_at(i, i + 3, true).is_some()
            || self.is_in(i, self.t.quote_verbs)
            || self.t.according_to.iter().any(|s| seq_at(self.doc, i, s))
    }

    /// Parses a noun phrase starting at token `i`, ending before `end`.
    fn noun_phrase(&self, i: usize, end: usize) -> Option<Np> {
        let doc = self.doc;
        if i < end && self.is_in(i, self.t.pronouns) {
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
        if self.is_in(j, self.t.determiners) {
            definite = self.is_in(j, self.t.definite);
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
        let mut head_lower: Option<usize> = None;
        let mut after_link = false;
        let limit = end.min(i + 16);
        while j < limit {
            match doc.kind(j) {
                Some(TokKind::Word) => {
                    let w = doc.low(j);
                    if self.t.np_stop.contains(&w) || self.is_cue_word(j) {
                        break;
                    }
                    // `Anna de Vries`, `Van der Berg`: particles between two name words.
                    if self.t.name_particles.contains(&w)
                        && j > i
                        && doc.is_cap(j - 1)
                        && (doc.is_cap(j + 1) || self.is_in(j + 1, self.t.name_particles))
                    {
                        j += 1;
                        continue;
                    }
                    if self.t.determiners.contains(&w) {
                        if !after_link {
                            break; // a new noun phrase starts: `Khabar 24 | een politiewoordvoerder`
                        }
                        j += 1;
                        continue;
                    }
                    if self.t.np_links.contains(&w) {
                        // A link needs a head before it and a word after it.
                        if last_word.is_none()
                            || !(doc.is_word(j + 1))
                            || self.t.np_stop.contains(&doc.low(j + 1))
                        {
                            break;
                        }
                        np.link.get_or_insert(j);
                        after_link = true;
                        j += 1;
                        continue;
                    }
                    let cap = doc.is_cap(j) && !doc.sentence_initial(j);
                    if cap {
                        np.named = true;
                    } else {
                        // Two lowercase nouns in a row end the phrase unless the first is a
                        // pre-noun modifier (Dutch adjectives end in -e: `grote`, `Russische`).
                        if let Some(h) = head_lower
                            && np.link.is_none_or(|l| l < h)
                            && last_word == Some(h)
                            && !self.modifier(h)
                        {
                            break;
                        }
                        if np.link.is_some() && !after_link && head_lower.is_some() {
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
                // Digits belong to a name they follow: `Khabar 24`.
                Some(TokKind::Num)
                    if j > 0 && last_word == Some(j - 1) && doc.is_cap(j - 1) && !doc.glued(j) =>
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

    /// A word that may stand before the head noun (an adjective or a title).
    fn modifier(&self, i: usize) -> bool {
        let w = self.doc.low(i);
        match self.t.np_links.first() {
            Some(&"van") => w.ends_with('e') && w.len() > 3 && !w.ends_with("ie"),
            _ => true,
        }
    }

    /// Extends a noun phrase with an apposition: `Nikol Pasjinjan, de premier van Armenië,`.
    fn with_apposition(&self, np: Np, end: usize) -> Np {
        let doc = self.doc;
        if doc.is_punct(np.last + 1, ',')
            && let Some(app) = self.noun_phrase(np.last + 2, end)
            && doc.is_punct(app.last + 1, ',')
            && self.cue_at(app.last + 2, end, false).is_some()
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

/// Finds every attributed statement in `doc`.
pub fn find(doc: &Doc, lang: Lang) -> Vec<Found> {
    let ctx = Ctx {
        doc,
        t: tables(lang),
    };
    let mut mentions: Vec<Mention> = Vec::new();
    let mut out: Vec<Found> = Vec::new();
    for (s, sent) in doc.sentences.iter().enumerate() {
        // Statements first, so that a source is never resolved to itself.
        let found = tail(&ctx, sent)
            .or_else(|| subject(&ctx, sent))
            .or_else(|| according_to(&ctx, sent))
            .or_else(|| lone_quote(&ctx, sent, s, &out));
        if let Some((mut f, source_np)) = found {
            f.sentence = s;
            f.hedged = hedged(&ctx, sent);
            if let (Some(src), Some(np)) = (f.source.as_mut(), source_np) {
                resolve(&ctx, src, np, &mentions, &out, s);
            }
            out.push(f);
        }
        collect_mentions(&ctx, sent, s, &mut mentions);
    }
    out
}

fn stmt(
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
        sentence: 0,
    };
    (f, source.map(|(np, _)| np))
}

/// The last token of the sentence's text (before its full stop).
fn body_end(doc: &Doc, sent: &Sentence) -> usize {
    let mut e = sent.end;
    while e > sent.first + 1
        && doc.kind(e - 1) == Some(TokKind::Punct)
        && doc.quote_closed_at(e - 1).is_none()
    {
        e -= 1;
    }
    e
}

/// `,,…”, aldus X`, `…, meldt X.`, `"…," X said.`, `,,…”, citeert X Y`.
fn tail(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = body_end(doc, sent);
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
        // `…, citeert X Y`
        if ctx.is_in(i, ctx.t.quote_verbs)
            && let Some(via) = ctx.noun_phrase(i + 1, end)
        {
            let cue = doc.span(i, i);
            let src = match ctx.noun_phrase(via.last + 1, end) {
                Some(speaker) => (speaker, Some(via)),
                None => (via, None),
            };
            return Some(stmt(
                doc,
                sent,
                content,
                quote.is_some(),
                Some(src),
                Some(cue),
            ));
        }
        // `…, aldus X` / `…, zegt X`
        if let Some(cue_last) = ctx.cue_at(i, end, true)
            && let Some(np) = ctx.noun_phrase(cue_last + 1, end)
        {
            return Some(stmt(
                doc,
                sent,
                content,
                quote.is_some(),
                Some((np, None)),
                Some(doc.span(i, cue_last)),
            ));
        }
        // `…, X zegt.` / `"…," the minister said (on Tuesday).`: the cue closes the sentence.
        if let Some(np) = ctx.noun_phrase(i, end)
            && let Some(cue_last) = ctx.cue_at(np.last + 1, end, false)
            && end.saturating_sub(cue_last) <= 4
        {
            return Some(stmt(
                doc,
                sent,
                content,
                quote.is_some(),
                Some((np, None)),
                Some(doc.span(np.last + 1, cue_last)),
            ));
        }
        i += 1;
    }
    None
}

/// `X zegt (dat) …`, `X, de premier, zei: ,,…”`, `Dat meldt het ministerie.`
fn subject(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = body_end(doc, sent);
    let np = ctx.noun_phrase(sent.first, end)?;
    let np = ctx.with_apposition(np, end);
    // After an apposition its closing comma stands before the verb.
    let cue_first = if doc.is_punct(np.last + 1, ',') {
        np.last + 2
    } else {
        np.last + 1
    };
    let cue_last = ctx.cue_at(cue_first, end, false)?;
    let mut c = cue_last + 1;
    // The particle of `laat … weten` stands inside: skip to it when it is next.
    while ctx.is_in(c, &["weten"]) || doc.is_punct(c, ':') || doc.is_punct(c, ',') {
        c += 1;
    }
    // `X said on Tuesday that …`: the clause starts after the complementizer.
    if let Some(k) = (c..end.min(c + 6)).find(|&k| ctx.is_in(k, ctx.t.complementizers)) {
        c = k + 1;
    }
    if c >= end {
        return None;
    }
    let (content, direct) = match doc.quote_opened_at(c) {
        Some(q) => (q.inner, true),
        None => (doc.span(c, end - 1), false),
    };
    Some(stmt(
        doc,
        sent,
        content,
        direct,
        Some((np, None)),
        Some(doc.span(cue_first, cue_last)),
    ))
}

/// `Volgens X zijn …`, `… zijn volgens X …`, `…, according to X.`
fn according_to(ctx: &Ctx, sent: &Sentence) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let end = body_end(doc, sent);
    let mut i = sent.first;
    while i < end {
        if let Some(q) = doc.quote_opened_at(i) {
            i = q.close + 1; // a cue inside a quote is the speaker's, not the reporter's
            continue;
        }
        let Some(seq) = ctx.t.according_to.iter().find(|s| seq_at(doc, i, s)) else {
            i += 1;
            continue;
        };
        let cue = doc.span(i, i + seq.len() - 1);
        let np = ctx.noun_phrase(i + seq.len(), end)?;
        let content = if i == sent.first {
            let mut c = np.last + 1;
            while doc.is_punct(c, ',') {
                c += 1;
            }
            doc.span(c, end - 1)
        } else if doc.is_punct(i - 1, ',') && np.last + 1 >= end {
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

/// A quote that makes up its sentence, with no cue: continues the speaker of the sentence
/// before, if that one had a statement.
fn lone_quote(
    ctx: &Ctx,
    sent: &Sentence,
    s: usize,
    before: &[Found],
) -> Option<(Found, Option<Np>)> {
    let doc = ctx.doc;
    let q = *doc.quote_opened_at(sent.first)?;
    let end = body_end(doc, sent);
    if q.close + 1 < end {
        return None;
    }
    let words = q.inner.of(doc.text).split_whitespace().count();
    let prev = before
        .last()
        .filter(|p| p.sentence + 1 == s && p.source.is_some());
    if prev.is_none() && words < 4 {
        return None;
    }
    let (mut f, _) = stmt(doc, sent, q.inner, true, None, None);
    if let Some(p) = prev {
        f.source = p.source.clone();
        f.continued = true;
    }
    Some((f, None))
}

fn hedged(ctx: &Ctx, sent: &Sentence) -> bool {
    (sent.first..sent.end).any(|i| ctx.t.hedges.iter().any(|h| seq_at(ctx.doc, i, h)))
}

/// Records the named noun phrases of a sentence (`Het ministerie van Buitenlandse Zaken`).
fn collect_mentions(ctx: &Ctx, sent: &Sentence, s: usize, mentions: &mut Vec<Mention>) {
    let doc = ctx.doc;
    let end = sent.end;
    let mut i = sent.first;
    while i < end {
        if (ctx.is_in(i, ctx.t.determiners) || doc.is_cap(i))
            && let Some(np) = ctx.noun_phrase(i, end)
            && np.named
            && doc.is_word(np.head)
            && !doc.is_cap(np.head)
        {
            mentions.push(Mention {
                span: doc.span(np.first, np.last),
                head: np.head,
                sentence: s,
            });
            i = np.last + 1;
            continue;
        }
        i += 1;
    }
}

/// Resolves a description (`het ministerie`), a document of one (`een verklaring van het
/// ministerie`) or a pronoun to the most recent earlier named mention.
fn resolve(
    ctx: &Ctx,
    src: &mut FoundSource,
    np: Np,
    mentions: &[Mention],
    before: &[Found],
    s: usize,
) {
    let doc = ctx.doc;
    if np.named {
        return;
    }
    // A pronoun: the most recent named speaker.
    if np.first == np.last && ctx.is_in(np.first, ctx.t.pronouns) {
        src.kind = SourceKind::Pronoun;
        if let Some(p) = before.iter().rev().take(RESOLUTION_WINDOW).find(|p| {
            p.source
                .as_ref()
                .is_some_and(|x| x.kind == SourceKind::Named)
        }) {
            let name = p.source.as_ref().map(|x| x.span.of(doc.text).to_owned());
            src.resolved = name;
            src.kind = SourceKind::Resolved {
                distance: s - p.sentence,
            };
        }
        return;
    }
    // The description to resolve: the phrase itself, or the author of a document.
    let target = if ctx.is_in(np.head, ctx.t.document_nouns)
        && let Some(link) = np.link
    {
        match ctx.noun_phrase(link + 1, np.last + 1) {
            Some(inner) if !inner.named && inner.definite => inner,
            _ => return,
        }
    } else if np.definite && np.link.is_none() {
        np
    } else {
        return;
    };
    let head = doc.low(target.head);
    let found = mentions.iter().rev().take(RESOLUTION_WINDOW).find(|m| {
        let h = doc.low(m.head);
        h == head || (h.ends_with(head) && head.len() >= 4)
    });
    if let Some(m) = found {
        src.resolved = Some(m.span.of(doc.text).to_owned());
        src.kind = SourceKind::Resolved {
            distance: s - m.sentence,
        };
    }
}

#[cfg(test)]
mod tests;
