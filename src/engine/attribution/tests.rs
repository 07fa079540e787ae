//! Table-driven attribution tests. Every row is text written for this table.

use crate::engine::{Claim, ClaimKind, Lang, analyze};

/// What one statement should look like.
struct Want {
    /// A phrase that must lie inside the content span.
    content: &'static str,
    /// The source span's text.
    source: &'static str,
    /// A phrase the resolved source must contain (`None`: not resolved).
    resolved: Option<&'static str>,
    cue: Option<&'static str>,
    direct: bool,
}

const fn w(
    content: &'static str,
    source: &'static str,
    cue: Option<&'static str>,
    direct: bool,
) -> Want {
    Want {
        content,
        source,
        resolved: None,
        cue,
        direct,
    }
}

fn statements(text: &str, lang: Lang) -> Vec<Claim> {
    analyze(text, Some(lang))
        .claims
        .into_iter()
        .filter(|c| matches!(c.kind, ClaimKind::Statement(_)))
        .collect()
}

fn check(table: &[(Lang, &str, &[Want])]) {
    for &(lang, text, wants) in table {
        let got = statements(text, lang);
        assert_eq!(got.len(), wants.len(), "{text:?}: {got:#?}");
        for (c, want) in got.iter().zip(wants) {
            let ClaimKind::Statement(s) = &c.kind else {
                unreachable!()
            };
            let content = s.content.of(text);
            assert!(
                content.contains(want.content),
                "{text:?}: content {content:?} lacks {:?}",
                want.content
            );
            let source = c.source.as_ref().expect("a source");
            assert_eq!(source.span.of(text), want.source, "{text:?}");
            match want.resolved {
                Some(r) => assert!(
                    source.resolved.as_deref().is_some_and(|x| x.contains(r)),
                    "{text:?}: {:?}",
                    source.resolved
                ),
                None => assert_eq!(source.resolved, None, "{text:?}"),
            }
            assert_eq!(c.cue.map(|s| s.of(text)), want.cue, "{text:?}");
            assert_eq!(s.direct, want.direct, "{text:?}");
        }
    }
}

const QUOTE_STYLES: &[(Lang, &str, &[Want])] = &[
    (
        Lang::Nl,
        "\"We gaan door met het werk\", zegt de burgemeester.",
        &[w("We gaan door", "de burgemeester", Some("zegt"), true)],
    ),
    (
        Lang::Nl,
        "“De brug is veilig genoeg”, aldus de wethouder.",
        &[w("De brug is veilig", "de wethouder", Some("aldus"), true)],
    ),
    (
        Lang::Nl,
        "„Het water stijgt nog steeds”, meldt de waterschapper.",
        &[w(
            "Het water stijgt",
            "de waterschapper",
            Some("meldt"),
            true,
        )],
    ),
    (
        Lang::Nl,
        "Nieuws. ,,Het dak is eraf geblazen. Niemand raakte gewond”, aldus de brandweer.",
        &[w(
            "Niemand raakte gewond",
            "de brandweer",
            Some("aldus"),
            true,
        )],
    ),
    (
        Lang::Nl,
        "‘De school blijft gewoon open’, zegt de directeur.",
        &[w("De school blijft", "de directeur", Some("zegt"), true)],
    ),
    (
        Lang::Nl,
        "«De trein rijdt weer volgens schema», meldt de vervoerder.",
        &[w("De trein rijdt", "de vervoerder", Some("meldt"), true)],
    ),
    (
        Lang::Nl,
        ",,De markt gaat morgen weer open’', zegt de marktmeester.",
        &[w("De markt gaat", "de marktmeester", Some("zegt"), true)],
    ),
    (
        Lang::Nl,
        ",,Het museum sluit om vijf uur.‘’ aldus de suppoost.",
        &[w("Het museum sluit", "de suppoost", Some("aldus"), true)],
    ),
    (
        Lang::Nl,
        "''De bus is vertraagd door de sneeuw'', meldt de chauffeur.",
        &[w(
            "De bus is vertraagd",
            "de chauffeur",
            Some("meldt"),
            true,
        )],
    ),
    (
        Lang::En,
        "\"We will rebuild the bridge,\" the mayor said.",
        &[w("We will rebuild", "the mayor", Some("said"), true)],
    ),
    (
        Lang::En,
        "“The roads are closed,” said the sheriff.",
        &[w("The roads are closed", "the sheriff", Some("said"), true)],
    ),
];

const CUE_FORMS: &[(Lang, &str, &[Want])] = &[
    (
        Lang::Nl,
        "Volgens de brandweer is het vuur onder controle.",
        &[w(
            "is het vuur onder controle",
            "de brandweer",
            Some("Volgens"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "Het vuur is volgens de brandweer onder controle.",
        &[w("Het vuur is", "de brandweer", Some("volgens"), false)],
    ),
    (
        Lang::Nl,
        "Het vuur is onder controle, volgens de brandweer.",
        &[w(
            "Het vuur is onder controle",
            "de brandweer",
            Some("volgens"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "Het vuur is onder controle, aldus de brandweer.",
        &[w(
            "Het vuur is onder controle",
            "de brandweer",
            Some("aldus"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "De brandweer zegt dat het vuur onder controle is.",
        &[w(
            "het vuur onder controle",
            "De brandweer",
            Some("zegt"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "De gemeente Utrecht laat weten dat de weg dicht blijft.",
        &[w(
            "de weg dicht blijft",
            "De gemeente Utrecht",
            Some("laat weten"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "Het waterschap verklaart dat de dijk sterk is.",
        &[w(
            "de dijk sterk is",
            "Het waterschap",
            Some("verklaart"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "De dijk houdt het, meldt het waterschap.",
        &[w(
            "De dijk houdt het",
            "het waterschap",
            Some("meldt"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "Burgemeester Anna de Vries, de voorzitter van de raad, zei dat de begroting rond is.",
        &[w(
            "de begroting rond is",
            "Burgemeester Anna de Vries, de voorzitter van de raad",
            Some("zei"),
            false,
        )],
    ),
    (
        Lang::Nl,
        "De omroep Radio Noord meldt dat de brug open is.",
        &[w(
            "de brug open is",
            "De omroep Radio Noord",
            Some("meldt"),
            false,
        )],
    ),
    (
        Lang::Nl,
        ",,Dit is pas het begin”, citeert de krant Dagblad Zuid een agent.",
        &[Want {
            content: "Dit is pas het begin",
            source: "een agent",
            resolved: None,
            cue: Some("citeert"),
            direct: true,
        }],
    ),
    (
        Lang::En,
        "According to the police, the fire is out.",
        &[w(
            "the fire is out",
            "the police",
            Some("According to"),
            false,
        )],
    ),
    (
        Lang::En,
        "The fire is out, according to the police.",
        &[w(
            "The fire is out",
            "the police",
            Some("according to"),
            false,
        )],
    ),
    (
        Lang::En,
        "The mayor said that the bridge will reopen.",
        &[w(
            "the bridge will reopen",
            "The mayor",
            Some("said"),
            false,
        )],
    ),
    (
        Lang::En,
        "The bridge will reopen, the mayor said.",
        &[w(
            "The bridge will reopen",
            "the mayor",
            Some("said"),
            false,
        )],
    ),
    (
        Lang::En,
        "The bridge will reopen, said the mayor.",
        &[w(
            "The bridge will reopen",
            "the mayor",
            Some("said"),
            false,
        )],
    ),
];

const RESOLUTION: &[(Lang, &str, &[Want])] = &[
    (
        Lang::Nl,
        "Het ministerie van Landbouw heeft de regels aangepast. Er komt geen verbod, meldt het ministerie.",
        &[Want {
            content: "Er komt geen verbod",
            source: "het ministerie",
            resolved: Some("ministerie van Landbouw"),
            cue: Some("meldt"),
            direct: false,
        }],
    ),
    (
        Lang::Nl,
        "Het ministerie van Landbouw gaf cijfers. ,,We zien een daling”, aldus een verklaring van het ministerie.",
        &[Want {
            content: "We zien een daling",
            source: "een verklaring van het ministerie",
            resolved: Some("ministerie van Landbouw"),
            cue: Some("aldus"),
            direct: true,
        }],
    ),
    (
        Lang::Nl,
        "Het ministerie van Landbouw gaf cijfers. Het ministerie van Financiën zweeg. De daling zet door, meldt het ministerie.",
        &[Want {
            content: "De daling zet door",
            source: "het ministerie",
            resolved: Some("Financiën"),
            cue: Some("meldt"),
            direct: false,
        }],
    ),
    (
        Lang::Nl,
        "De weg blijft dicht, meldt de gemeente Breda. ,,Wacht liever nog een dag met reizen.”",
        &[
            w(
                "De weg blijft dicht",
                "de gemeente Breda",
                Some("meldt"),
                false,
            ),
            Want {
                content: "Wacht liever",
                source: "de gemeente Breda",
                resolved: None,
                cue: None,
                direct: true,
            },
        ],
    ),
    (
        Lang::En,
        "The mayor Jane Doe opened the bridge. The bridge is safe, she said.",
        &[Want {
            content: "The bridge is safe",
            source: "she",
            resolved: Some("Jane Doe"),
            cue: Some("said"),
            direct: false,
        }],
    ),
];

#[test]
fn every_quote_style() {
    check(QUOTE_STYLES);
}

#[test]
fn every_cue_form() {
    check(CUE_FORMS);
}

#[test]
fn descriptions_resolve_to_earlier_mentions() {
    check(RESOLUTION);
}

#[test]
fn via_and_hedging() {
    let text = ",,Dit is pas het begin”, citeert de krant Dagblad Zuid een agent.";
    let got = statements(text, Lang::Nl);
    let via = got[0]
        .source
        .as_ref()
        .and_then(|s| s.via)
        .map(|v| v.of(text));
    assert_eq!(via, Some("de krant Dagblad Zuid"));
    for (lang, text) in [
        (
            Lang::Nl,
            "Drie boten zouden volgens de kustwacht zijn gezonken.",
        ),
        (
            Lang::Nl,
            "Volgens de kustwacht is de boot naar verluidt gezonken.",
        ),
        (
            Lang::En,
            "According to the coast guard, the boat reportedly sank.",
        ),
    ] {
        let got = statements(text, lang);
        assert!(got.len() == 1 && got[0].hedged, "{text:?}: {got:#?}");
    }
}

#[test]
fn quantity_in_statement_takes_its_source() {
    let text = "Volgens de brandweer zijn 12 huizen verwoest. Er staan 40 huizen.";
    let claims = analyze(text, Some(Lang::Nl)).claims;
    let q: Vec<_> = claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Quantity(_)))
        .collect();
    assert_eq!(q.len(), 2);
    assert_eq!(
        q[0].source.as_ref().map(|s| s.span.of(text)),
        Some("de brandweer")
    );
    assert_eq!(q[0].cue.map(|c| c.of(text)), Some("Volgens"));
    assert!(q[1].source.is_none());
}

#[test]
fn scare_quotes_are_not_statements() {
    assert!(
        statements(
            "Het kabinet noemt het een ‘tijdelijke’ maatregel.",
            Lang::Nl
        )
        .is_empty()
    );
    assert!(statements("Een woordvoerder was 'niet beschikbaar'.", Lang::Nl).is_empty());
}
