//! The widget's configuration, read leniently: every bad or unknown key is a warning that names
//! it, and that key keeps its default; a publisher's typo must never take the widget down.
//!
//! The same keys come from three places, merged by the loader (later wins): the
//! `<script type="application/json" id="claimlens-config">` block, the script tag's `data-*`
//! attributes (as `dataset` names them: `data-min-confidence` → `minConfidence`), and the
//! options object of `annotate(element, options)`. Attribute values are strings, so numbers and
//! booleans are also read from strings.

use super::json::Json;

/// Which claim kinds are highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds {
    pub quantity: bool,
    pub statement: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme` (the UI's CSS decides).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// Where the publisher's source list comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Sources {
    #[default]
    None,
    /// A URL the loader fetches (the only network request the widget ever makes on its own).
    Url(String),
    /// The list itself (given inline, or fetched by the loader).
    Data(Json),
}

/// Text longer than this (bytes of the analysed article text) is cut: the rest of the page is left
/// as it is. About 300 000 words, far beyond any article; it bounds time and memory on enormous pages.
pub const DEFAULT_MAX_TEXT: usize = 2 << 20;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// `false` switches the widget off: nothing is read, highlighted or fetched.
    pub enabled: bool,
    /// CSS selector of the article's container (the loader's default: `article`, then `main`).
    /// With it the widget finds the article again when a single-page app replaces it.
    pub root: Option<String>,
    /// `nl`, `en`; `None` = the page's `lang`, else detected.
    pub lang: Option<String>,
    pub kinds: Kinds,
    /// Claims below this confidence (0–1) are not highlighted.
    pub min_confidence: f32,
    pub theme: Theme,
    pub sources: Sources,
    /// Watch the article for changes (lazy paragraphs, "read more", SPA navigation).
    pub observe: bool,
    /// Debounce of the change watcher, in milliseconds.
    pub debounce_ms: u32,
    /// Size guard: bytes of article text analysed at most.
    pub max_text: usize,
    /// URL of claimlens-ui.css (set by the loader).
    pub ui_css: Option<String>,
    /// Test hook: `"annotate"` or `"refresh"` makes the widget panic there, to prove that a panic
    /// leaves the page intact. Never set by publishers.
    pub debug_panic: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            enabled: true,
            root: None,
            lang: None,
            kinds: Kinds {
                quantity: true,
                statement: true,
            },
            min_confidence: 0.0,
            theme: Theme::Auto,
            sources: Sources::None,
            observe: true,
            debounce_ms: 250,
            max_text: DEFAULT_MAX_TEXT,
            ui_css: None,
            debug_panic: None,
        }
    }
}

impl Config {
    /// Reads a configuration object. Returns the configuration and the warnings, one per bad key.
    pub fn read(value: &Json) -> (Config, Vec<String>) {
        let mut c = Config::default();
        let mut warnings = Vec::new();
        let fields = match value {
            Json::Null => return (c, warnings),
            Json::Obj(fields) => fields,
            other => {
                warnings.push(format!(
                    "the configuration must be an object, not {}; using the defaults",
                    other.kind()
                ));
                return (c, warnings);
            }
        };
        for (key, v) in fields {
            if matches!(v, Json::Null) {
                continue;
            }
            let mut bad = |expected: &str| {
                warnings.push(format!(
                    "option \"{}\" must be {expected}; using the default",
                    printable(key)
                ));
            };
            match key.as_str() {
                "enabled" => match boolean(v) {
                    Some(b) => c.enabled = b,
                    None => bad("true or false"),
                },
                "observe" => match boolean(v) {
                    Some(b) => c.observe = b,
                    None => bad("true or false"),
                },
                "root" => match v.as_str().map(str::trim).filter(|s| !s.is_empty()) {
                    Some(s) if s.len() <= 500 => c.root = Some(s.to_owned()),
                    _ => bad("a CSS selector"),
                },
                "lang" => match v.as_str().map(|s| s.trim().to_ascii_lowercase()) {
                    Some(s) if s == "auto" || s.is_empty() => c.lang = None,
                    Some(s) if s == "nl" || s == "en" => c.lang = Some(s),
                    _ => bad("\"nl\", \"en\" or \"auto\""),
                },
                "kinds" => match kinds(v) {
                    Some(k) => c.kinds = k,
                    None => bad("a list of \"quantity\" and \"statement\""),
                },
                "minConfidence" => match number(v).filter(|n| (0.0..=1.0).contains(n)) {
                    Some(n) => c.min_confidence = n as f32,
                    None => bad("a number from 0 to 1"),
                },
                "theme" => match v.as_str().map(|s| s.trim().to_ascii_lowercase()).as_deref() {
                    Some("auto") => c.theme = Theme::Auto,
                    Some("light") => c.theme = Theme::Light,
                    Some("dark") => c.theme = Theme::Dark,
                    _ => bad("\"light\", \"dark\" or \"auto\""),
                },
                "sources" => match v {
                    Json::Str(url) if is_fetchable(url) => c.sources = Sources::Url(url.clone()),
                    Json::Str(_) => bad("an http(s) URL"),
                    Json::Arr(_) | Json::Obj(_) => c.sources = Sources::Data(v.clone()),
                    _ => bad("a URL or a list"),
                },
                // The fetched source list, handed over by the loader.
                "sourceList" => c.sources = Sources::Data(v.clone()),
                "debounce" => match number(v).filter(|n| (0.0..=10_000.0).contains(n)) {
                    Some(n) => c.debounce_ms = n as u32,
                    None => bad("a number of milliseconds up to 10000"),
                },
                "maxText" => match number(v).filter(|n| *n >= 1.0) {
                    Some(n) => c.max_text = n.min(64.0 * 1024.0 * 1024.0) as usize,
                    None => bad("a positive number of bytes"),
                },
                "uiCss" => match v.as_str() {
                    Some(s) => c.ui_css = Some(s.to_owned()),
                    None => bad("a string"),
                },
                "debugPanic" => c.debug_panic = v.as_str().map(str::to_owned),
                // The loader's own switch for the automatic run; not ours.
                "auto" => {}
                _ => warnings.push(format!("unknown option \"{}\" is ignored", printable(key))),
            }
        }
        (c, warnings)
    }
}

/// A key as it may appear in a console message: short, one line.
fn printable(key: &str) -> String {
    let mut s: String = key.chars().filter(|c| !c.is_control()).take(40).collect();
    if key.chars().count() > 40 {
        s.push('…');
    }
    s
}

fn boolean(v: &Json) -> Option<bool> {
    match v {
        Json::Bool(b) => Some(*b),
        Json::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" | "" => Some(true),
            "false" | "0" | "no" | "off" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

fn number(v: &Json) -> Option<f64> {
    match v {
        Json::Num(n) => Some(*n),
        Json::Str(s) => super::json::parse_number(s.trim()),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

fn kinds(v: &Json) -> Option<Kinds> {
    let mut k = Kinds {
        quantity: false,
        statement: false,
    };
    let mut one = |name: &str| match name.trim().to_ascii_lowercase().as_str() {
        "quantity" | "quantities" => {
            k.quantity = true;
            true
        }
        "statement" | "statements" => {
            k.statement = true;
            true
        }
        "" => true,
        _ => false,
    };
    let ok = match v {
        Json::Str(s) => s.split([',', ' ']).all(&mut one),
        Json::Arr(items) => items.iter().all(|i| i.as_str().is_some_and(&mut one)),
        _ => false,
    };
    ok.then_some(k)
}

/// A source-list URL the loader may fetch: http(s), or relative to the page (no other schemes).
pub fn is_fetchable(url: &str) -> bool {
    let u = url.trim();
    if u.is_empty() || u.len() > 2000 {
        return false;
    }
    match scheme(u) {
        Some(s) => s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"),
        None => true,
    }
}

/// The scheme of an absolute URL (`javascript` in `javascript:…`), as the URL standard finds it
/// after stripping leading control characters and spaces and removing tabs and newlines.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| candidate.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Config, Vec<String>) {
        Config::read(&Json::parse(text).unwrap())
    }

    #[test]
    fn good_options() {
        let (c, w) = read(
            r##"{"root": "#story", "lang": "EN", "kinds": "quantity", "minConfidence": "0.5",
                "theme": "dark", "sources": "/sources.json", "enabled": "true", "observe": false}"##,
        );
        assert_eq!(w, Vec::<String>::new());
        assert_eq!(c.root.as_deref(), Some("#story"));
        assert_eq!(c.lang.as_deref(), Some("en"));
        assert!(c.kinds.quantity && !c.kinds.statement);
        assert_eq!(c.min_confidence, 0.5);
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.sources, Sources::Url("/sources.json".into()));
        assert!(c.enabled && !c.observe);
    }

    #[test]
    fn each_bad_key_is_named_and_keeps_its_default() {
        let (c, w) = read(
            r#"{"colour": "red", "lang": 5, "minConfidence": 2, "kinds": ["quantity", "gossip"],
                "theme": "neon", "sources": "javascript:alert(1)", "enabled": "maybe"}"#,
        );
        for key in [
            "colour",
            "lang",
            "minConfidence",
            "kinds",
            "theme",
            "sources",
            "enabled",
        ] {
            assert!(
                w.iter().any(|m| m.contains(&format!("\"{key}\""))),
                "no warning names {key}: {w:?}"
            );
        }
        assert_eq!(c, Config::default());
    }

    #[test]
    fn off_switch() {
        assert!(!read(r#"{"enabled": false}"#).0.enabled);
        assert!(!read(r#"{"enabled": "false"}"#).0.enabled);
    }

    #[test]
    fn schemes() {
        assert_eq!(
            scheme(" \tJava\nScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("/a:b"), None);
        assert_eq!(scheme("https://x"), Some("https".into()));
        assert!(!is_fetchable("data:application/json,[]"));
        assert!(is_fetchable("sources.json"));
    }
}
