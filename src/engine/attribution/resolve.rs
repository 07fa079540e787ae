//! Reference resolution: a pronoun, a description (`het ministerie`), a short name or a
//! spokesperson's organisation resolved to the entity it stands for.

use super::*;

/// Resolves a source's noun phrase against the entities before it; returns the entity the
/// source now stands for (mentioned again, as the latest speaker).
pub(crate) fn resolve(
    ctx: &Ctx,
    src: &mut FoundSource,
    np: Np,
    mem: &mut Memory,
    s: usize,
    end: usize,
) -> Option<usize> {
    let doc = ctx.doc;
    let t = ctx.t;
    let set = |src: &mut FoundSource, mem: &mut Memory, k: usize, pronoun: bool, n: usize| {
        let e = &mem.entities[k];
        let distance = s.saturating_sub(e.sentence);
        src.resolved = Some(ctx.entity_text(e));
        src.kind = if pronoun {
            SourceKind::ResolvedPronoun { distance }
        } else {
            SourceKind::Resolved { distance }
        };
        src.competitors = n;
        Some(mem.refresh(k, s))
    };
    // A pronoun: the most recent entity of a fitting kind.
    if np.first == np.last
        && (ctx.is_pronoun(np.first) || ctx.object_pronoun(np.first, np.first + 1))
    {
        src.kind = SourceKind::Pronoun;
        // `ze`/`they` may be a person or a group: a person named in the last two sentences,
        // else the most recent entity of any kind.
        let person = ctx.has(np.first, PERSON_PRONOUN)
            || ctx.object_pronoun(np.first, np.first + 1)
            || mem
                .recent()
                .take_while(|(_, e)| e.sentence + 2 >= s)
                .any(|(_, e)| e.class == Class::Person);
        let gender = ctx.gender(np.first);
        // `it` is never a person.
        let thing = has_word(ctx.t.thing_pronouns, doc.low(np.first));
        let fits = |e: &Entity| {
            (!person || e.class == Class::Person)
                && !(thing && e.class == Class::Person)
                && !(gender.is_some() && e.female.is_some() && gender != e.female)
        };
        // `Bondscoach Frank de Boer maakt zich geen zorgen, zei hij`: a pronoun in a tail
        // whose sentence opens with a named person is that person.
        let sent = &doc.sentences[s];
        if np.first > sent.first + 2
            && let Some(own) = ctx.noun_phrase(sent.first, np.first)
            && own.named
            && own.last + 1 < np.first
            && ctx.class(own.first, own.last, own.named) == Class::Person
        {
            let e = ctx.entity(&own, end, s);
            if fits(&e) {
                mem.push(e);
                let k = mem.entities.len() - 1;
                return set(src, mem, k, true, 0);
            }
        }
        let (mut k, mut first_sentence) = mem
            .recent()
            .find(|(_, e)| fits(e))
            .map(|(k, e)| (k, e.sentence))?;
        // The subject of the sentence before wins over a later mention inside that sentence:
        // `X was mee toen Y … ontbond. "…", bekende hij` is X.
        if first_sentence + 1 >= s
            && let Some(e) = s
                .checked_sub(1)
                .and_then(|p| mem.subject.get(p).copied().flatten())
                .filter(|&e| e != k && fits(&mem.entities[e]))
        {
            k = e;
            first_sentence = mem.entities[e].sentence;
        }
        let n = competitors(ctx, mem, k, first_sentence, fits);
        let r = set(src, mem, k, true, n);
        if let (Some(g), Some(e)) = (gender, r) {
            mem.entities[e].female.get_or_insert(g);
        }
        return r;
    }
    let head = doc.low(np.head);
    // A spokesperson speaks for an organisation: `een woordvoerder van de politie`,
    // `een EU-woordvoerder`, `a spokesman for the authority`, or a bare `een woordvoerder`.
    if doc.is_word(np.head) && ctx.has(np.head, SPOKES_NOUN) {
        let own = ctx.entity(&np, end, s);
        if let Some(link) = np.link {
            let org = ctx.noun_phrase(link + 1, np.last + 1)?;
            let target = describe(ctx, &org, mem);
            let k = match target {
                Some(k) => k,
                None => {
                    mem.push(ctx.entity(&org, end, s));
                    mem.entities.len() - 1
                }
            };
            src.resolved = Some(ctx.entity_text(&mem.entities[k]));
            if target.is_some() {
                src.kind = SourceKind::Resolved {
                    distance: s.saturating_sub(mem.entities[k].sentence),
                };
            }
        } else if let Some(prefix) = compound_prefix(head, t.spokes_nouns, doc.raw(np.head)) {
            // `EU-woordvoerder` → EU; `politiewoordvoerder` → politie (or the fuller name).
            let low = prefix.to_lowercase();
            let id = doc.word_id_of(&low);
            let k = mem
                .recent()
                .find(|(_, e)| e.class != Class::Person && ctx.entity_has(e, &low, id))
                .map(|(k, _)| k);
            src.resolved = Some(match k {
                Some(k) => ctx.entity_text(&mem.entities[k]),
                None => prefix.to_owned(),
            });
        } else if !np.named {
            let fits = |e: &Entity| e.class == Class::Org;
            if let Some((k, e)) = mem.recent().find(|(_, e)| fits(e)) {
                let n = competitors(ctx, mem, k, e.sentence, fits);
                src.resolved = Some(ctx.entity_text(&mem.entities[k]));
                src.kind = SourceKind::Resolved {
                    distance: s.saturating_sub(mem.entities[k].sentence),
                };
                src.competitors = n;
            }
        }
        mem.push(Entity {
            class: Class::Person,
            spoke: true,
            ..own
        });
        return Some(mem.entities.len() - 1);
    }
    // The description to resolve: the phrase itself, or the author of a document.
    let target = if ctx.has(np.head, DOCUMENT)
        && let Some(link) = np.link
    {
        ctx.noun_phrase(link + 1, np.last + 1)
    } else {
        Some(np)
    };
    if let Some(target) = target
        && let Some(k) = describe(ctx, &target, mem)
    {
        let (head, id) = (doc.low(target.head), Some(doc.word_id(target.head)));
        let e_sentence = mem.entities[k].sentence;
        let n = competitors(ctx, mem, k, e_sentence, |e| ctx.entity_has(e, head, id));
        return set(src, mem, k, false, n);
    }
    // `„…”, zegt hij. „…”, zegt de goedlachse boa`: a role description with no earlier
    // mention of its own names the person who just spoke.
    // Only an epithet with a modifier (`de goedlachse boa`, `the 62-year-old`): a bare role
    // (`de rechter`) is as likely someone else.
    let epithet_of = if np.definite
        && !np.named
        && np.head > np.first + 1
        && np.link.is_none()
        && ctx.has(np.head, PERSON_NOUN)
        && !ctx.has(np.head, SPOKES_NOUN)
    {
        mem.recent()
            .take_while(|(_, e)| e.sentence + EPITHET_REACH >= s)
            .find(|(_, e)| e.spoke && e.class == Class::Person && e.named)
            .map(|(k, _)| k)
    } else {
        None
    };
    if let Some(k) = epithet_of {
        return set(src, mem, k, false, 0);
    }
    // Nothing earlier: this source is an entity of its own.
    let class = ctx.class(np.first, np.last, np.named);
    if np.named || class != Class::Other || np.definite {
        let e = ctx.entity(&np, end, s);
        if np.named && e.last > np.last {
            // `het Centraal Bureau | voor de Statistiek (CBS)`: the source is the full name.
            src.span = doc.span(np.first, e.last);
        }
        mem.push(Entity { spoke: true, ..e });
        return Some(mem.entities.len() - 1);
    }
    None
}

/// Other entities, within two sentences of the chosen one, that would also have fitted.
pub(crate) fn competitors(
    ctx: &Ctx,
    mem: &Memory,
    chosen: usize,
    sentence: usize,
    fits: impl Fn(&Entity) -> bool,
) -> usize {
    let name = ctx.entity_text(&mem.entities[chosen]);
    let mut seen: Vec<String> = Vec::new();
    for (k, e) in mem.recent() {
        if k == chosen || e.sentence + 2 < sentence || !fits(e) {
            continue;
        }
        let t = ctx.entity_text(e);
        if t != name && !seen.contains(&t) {
            seen.push(t);
        }
    }
    seen.len()
}

/// The entity a description or a short name stands for: `het ministerie` → the latest entity
/// with `ministerie` in its name; `de vereniging` → `De Vereniging van Nederlandse Gemeenten`;
/// `het bedrijf` → the latest organisation; `de VNG` → `… (VNG)`.
pub(crate) fn describe(ctx: &Ctx, np: &Np, mem: &Memory) -> Option<usize> {
    let doc = ctx.doc;
    if np.named {
        // `De GGD-arts`: a capitalised compound that ends in a role is still a description.
        let role = doc.is_word(np.head)
            && np.head == np.last
            && ctx.has(np.head, PERSON_NOUN)
            && doc.low(np.head).contains('-');
        let short = same_as_earlier(ctx, np, mem);
        if short.is_some() || !role {
            return short;
        }
    }
    if !np.definite || np.link.is_some() || !doc.is_word(np.head) {
        return None;
    }
    let head = doc.low(np.head);
    let head_id = doc.word_id(np.head);
    let own = np.head;
    // A person's title finds a person (`de minister`), anything else finds no person (`de
    // politie` is not `een woordvoerder van de politie`).
    let person = ctx.has(np.head, PERSON_NOUN);
    // `de vakbondsvoorzitter` fits `voorzitter Mirjam Oosterhuis`, `het statistiekbureau` fits
    // `het Centraal Bureau voor de Statistiek`: a compound ending in a role or kind the entity
    // carries.
    let compound_role = |e: &Entity| {
        (if person { e.person_noun } else { e.org_noun })
            && (e.first..=e.last).any(|k| {
                ctx.has(k, if person { PERSON_NOUN } else { ORG_NOUN }) && {
                    let x = doc.low(k);
                    doc.is_word(k) && head != x && is_noun(head, &[x])
                }
            })
    };
    let lexical_fit = |e: &Entity| {
        (e.first > own || e.last < own)
            && (ctx.entity_has(e, head, Some(head_id)) || compound_role(e))
    };
    // The window's candidates, from the signatures alone: the kind must match, and
    // `entity_has` needs a word or tail signature, `compound_role` a role noun. Computed for
    // the whole window without a branch per entity: these outcomes follow no pattern, and
    // mispredicted branches were most of the time of a loop testing them one by one.
    let n = mem.entities.len();
    let lo = n.saturating_sub(RESOLUTION_WINDOW);
    let (id_bit, tail) = (
        1u64 << (head_id % 64),
        text::tail4(head.as_bytes()).map_or(0, tail_bit),
    );
    let kind = SIG_SUBSTANTIAL | if person { SIG_PERSON } else { 0 };
    let role = if person {
        SIG_PERSON_NOUN
    } else {
        SIG_ORG_NOUN
    };
    let mut candidates = 0u64;
    for j in 0..n - lo {
        let g = &mem.sigs[(lo + j) % SIG_RING];
        let words = (g.word_bits & id_bit) | (g.tail_bits & tail) != 0;
        let fits =
            (words | (g.flags & role != 0)) & (g.flags & (SIG_PERSON | SIG_SUBSTANTIAL) == kind);
        candidates |= u64::from(fits) << j;
    }
    // The latest speaker that fits, if it spoke in the last sentence or two, wins over a
    // bystander named since (`De centrale bank` after DNB spoke about the ECB).
    // Newest first, testing each candidate at most once: a speaker in the window returns at
    // once, else the first fit of all. The window is the newest run of entities mentioned
    // within `SPEAKER_REACH` sentences.
    let newest = mem.entities.last().map_or(0, |e| e.sentence);
    let speakers_from = mem
        .recent()
        .take_while(|(_, e)| e.sentence + SPEAKER_REACH >= newest)
        .last()
        .map_or(n, |(k, _)| k);
    let mut first_fit = None;
    while candidates != 0 {
        let j = 63 - candidates.leading_zeros() as usize;
        candidates &= !(1 << j);
        let k = lo + j;
        let Some(e) = mem.entities.get(k) else { break };
        let speaker = k >= speakers_from && e.spoke;
        if (speaker || first_fit.is_none()) && lexical_fit(e) {
            if speaker {
                return Some(k);
            }
            first_fit = first_fit.or(Some(k));
        }
    }
    if first_fit.is_some() {
        return first_fit;
    }
    // `de brancheorganisatie`, `the company`: the latest organisation with a name.
    // Only a bare generic noun: `the port authority` is a new organisation, not the last one.
    if has_word(ctx.t.generic_orgs, head) && np.head == np.first + 1 {
        let strong = |e: &Entity| e.class == Class::Org && e.named && (e.spoke || e.org_noun);
        return mem
            .recent()
            .find(|(_, e)| strong(e))
            .or_else(|| mem.recent().find(|(_, e)| e.class == Class::Org && e.named))
            .map(|(k, _)| k);
    }
    // Any other short description (`het instituut` after `het KNMI`, `the neurologist` after
    // `Dr Naomi Feld`, `de middenvelder`): the latest named speaker of the same kind, in the
    // last few sentences. A description is a way to mention someone salient again.
    // Only a bare noun, or one with an inflected adjective (`de centrale bank`): `the port
    // authority` is a new organisation, not the last one named.
    let bare = np.head == np.first + 1
        || (np.head == np.first + 2
            && ctx.t.adjective_ending.is_some()
            && ctx.modifier(np.first + 1));
    if bare && !has_word(ctx.t.institutions, head) {
        // A role finds a person, an organisation's noun an organisation; a noun in neither
        // list (`the prosecution`) finds nothing.
        // After a link (`een woordvoerder van de spoorbeheerder`) it is an organisation.
        let org = ctx.has(np.head, ORG_NOUN)
            || has_word(ctx.t.generic_orgs, head)
            || (np.first > 0 && ctx.has(np.first - 1, LINK));
        // An entity whose name says what kind of body it is (`Het Verbond van
        // Verzekeraars`) is not re-described as another kind (`de veiligheidsregio`); the
        // lexical search above would have found it under its own kind.
        let fits = |e: &Entity| {
            e.named
                && !(org && e.org_noun)
                && if person {
                    e.class == Class::Person
                } else {
                    org && e.class == Class::Org
                }
        };
        let newest = mem.entities.last().map_or(0, |e| e.sentence);
        let near = || {
            mem.recent()
                .take_while(|(_, e)| e.sentence + DESCRIPTION_REACH >= newest)
        };
        // A speaker is more salient than a bystander.
        // A bystander only where it opened its sentence (`Het KNMI heeft …`) or is called an
        // organisation (`Friesland` after `voor` is neither).
        let prominent = |e: &Entity| {
            doc.sentences
                .get(e.sentence)
                .is_some_and(|x| x.first == e.first)
                || e.org_noun
        };
        return near()
            .find(|(_, e)| fits(e) && (e.spoke || prominent(e)))
            .map(|(k, _)| k);
    }
    None
}

/// The part of a compound before a spokesperson noun: `EU-woordvoerder` → `EU`.
pub(crate) fn compound_prefix<'a>(low: &str, nouns: &[&str], raw: &'a str) -> Option<&'a str> {
    let n = nouns
        .iter()
        .find(|n| low.len() > n.len() && low.ends_with(**n))?;
    let cut = raw.len().checked_sub(n.len())?;
    let prefix = raw.get(..cut)?.trim_end_matches(['-', '‐']);
    (prefix.chars().count() >= 2).then_some(prefix)
}
