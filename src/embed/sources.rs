//! The publisher's source list: names and aliases → display name, URL and a short description.
//!
//! ```json
//! [{"name": "KNMI", "aliases": ["Koninklijk Nederlands Meteorologisch Instituut"],
//!   "url": "https://www.knmi.nl/", "description": "Het nationale weerinstituut."}]
//! ```
//! (or `{"sources": [...]}`). Every string is publisher text and is only ever shown as text.

use super::config::scheme;
use super::json::Json;
use super::{clip, contains_words, normalize};

/// Entries beyond this are ignored (a warning says so).
pub const MAX_ENTRIES: usize = 5000;

#[derive(Clone, Debug, PartialEq)]
pub struct SourceEntry {
    pub name: String,
    /// Absolute or relative; the page resolves it and keeps it only if it is http(s).
    pub url: Option<String>,
    pub description: Option<String>,
    /// The name and aliases, normalised.
    keys: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceList {
    pub entries: Vec<SourceEntry>,
}

impl SourceList {
    pub fn read(value: &Json) -> (SourceList, Vec<String>) {
        let mut warnings = Vec::new();
        let items = match value {
            Json::Arr(items) => items.as_slice(),
            Json::Obj(_) => match value.get("sources") {
                Some(Json::Arr(items)) => items.as_slice(),
                _ => {
                    warnings.push("the source list must be an array of entries (or {\"sources\": [...]}); ignored".into());
                    &[]
                }
            },
            other => {
                warnings.push(format!(
                    "the source list must be an array, not {}; ignored",
                    other.kind()
                ));
                &[]
            }
        };
        if items.len() > MAX_ENTRIES {
            warnings.push(format!(
                "the source list has {} entries; only the first {MAX_ENTRIES} are used",
                items.len()
            ));
        }
        let mut entries = Vec::new();
        for (i, item) in items.iter().take(MAX_ENTRIES).enumerate() {
            let Some(name) = item
                .get("name")
                .and_then(Json::as_str)
                .filter(|n| !normalize(n).is_empty())
            else {
                warnings.push(format!("source list entry {i} has no \"name\"; skipped"));
                continue;
            };
            let mut keys = vec![normalize(name)];
            match item.get("aliases") {
                None | Some(Json::Null) => {}
                Some(v @ (Json::Arr(_) | Json::Str(_))) => {
                    keys.extend(v.items().iter().filter_map(Json::as_str).map(normalize))
                }
                Some(_) => warnings.push(format!(
                    "source list entry {i}: \"aliases\" must be a list of names; ignored"
                )),
            }
            keys.retain(|k| k.chars().count() >= 2);
            let url = match item.get("url") {
                None | Some(Json::Null) => None,
                Some(Json::Str(u)) if scheme(u).is_none_or(|s| s == "http" || s == "https") => {
                    Some(u.trim().to_owned())
                }
                Some(_) => {
                    warnings.push(format!(
                        "source list entry {i}: \"url\" must be an http(s) URL; ignored"
                    ));
                    None
                }
            };
            let description = item
                .get("description")
                .and_then(Json::as_str)
                .map(|d| clip(d, 300))
                .filter(|d| !d.is_empty());
            entries.push(SourceEntry {
                name: clip(name, 120),
                url,
                description,
                keys,
            });
        }
        (SourceList { entries }, warnings)
    }

    /// The entry naming one of `phrases` (a claim's source phrase, the engine's resolved name):
    /// an exact name or alias first, else the longest name or alias the phrase contains as
    /// whole words (`een woordvoerder van ProRail` → ProRail).
    pub fn find(&self, phrases: &[&str]) -> Option<&SourceEntry> {
        let phrases: Vec<String> = phrases.iter().map(|p| normalize(p)).collect();
        let exact = self
            .entries
            .iter()
            .find(|e| e.keys.iter().any(|k| phrases.contains(k)));
        exact.or_else(|| {
            self.entries
                .iter()
                .filter_map(|e| {
                    let len = e
                        .keys
                        .iter()
                        .filter(|k| phrases.iter().any(|p| contains_words(p, k)))
                        .map(String::len)
                        .max()?;
                    Some((len, e))
                })
                // The longest key wins; on a tie, the first entry.
                .fold(None::<(usize, &SourceEntry)>, |best, (len, e)| match best {
                    Some((b, _)) if b >= len => best,
                    _ => Some((len, e)),
                })
                .map(|(_, e)| e)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(text: &str) -> (SourceList, Vec<String>) {
        SourceList::read(&Json::parse(text).unwrap())
    }

    #[test]
    fn finds_by_name_alias_and_containment() {
        let (l, w) = list(
            r#"{"sources": [
                {"name": "KNMI", "aliases": ["Koninklijk Nederlands Meteorologisch Instituut"], "url": "https://www.knmi.nl/", "description": "Weerinstituut"},
                {"name": "ProRail", "url": "/bronnen/prorail"},
                {"name": "NS", "aliases": "Nederlandse Spoorwegen"},
                {"aliases": ["nameless"]},
                {"name": "Evil", "url": "javascript:alert(1)"}
            ]}"#,
        );
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(l.find(&["het KNMI"]).unwrap().name, "KNMI");
        assert_eq!(
            l.find(&["het koninklijk nederlands meteorologisch instituut"])
                .unwrap()
                .name,
            "KNMI"
        );
        assert_eq!(
            l.find(&["een woordvoerder van ProRail"]).unwrap().name,
            "ProRail"
        );
        assert_eq!(l.find(&["de Nederlandse Spoorwegen"]).unwrap().name, "NS");
        assert!(l.find(&["een woordvoerder"]).is_none());
        assert!(l.find(&["NSA"]).is_none(), "whole words only");
        assert_eq!(
            l.entries.iter().find(|e| e.name == "Evil").unwrap().url,
            None
        );
    }
}
