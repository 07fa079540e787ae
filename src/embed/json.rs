//! A small JSON reader for publisher data (configuration, source lists, JSON-LD). Hand-written so
//! that the widget does not carry serde_json into wasm; it never panics, limits nesting depth and
//! input size, and reads numbers as `f64`.

/// A JSON value. Objects keep their keys in document order; a repeated key keeps every copy and
/// [`Json::get`] returns the first.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Deeper nesting than this is an error, so hostile input cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;
/// Larger inputs are refused (4 MiB): publisher data is small; a huge block is a mistake or an attack.
pub const MAX_LEN: usize = 4 << 20;

/// Why a text is not JSON, with the byte offset where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub at: usize,
    pub what: &'static str,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

impl Json {
    /// Parses one JSON document (surrounding whitespace allowed).
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        if text.len() > MAX_LEN {
            return Err(JsonError {
                at: 0,
                what: "input too large",
            });
        }
        let mut p = Parser {
            s: text.as_bytes(),
            i: 0,
        };
        // A byte-order mark is not JSON, but files saved by editors carry one.
        if text.starts_with('\u{feff}') {
            p.i = 3;
        }
        let v = p.value(0)?;
        p.ws();
        if p.i != p.s.len() {
            return Err(p.err("trailing characters"));
        }
        Ok(v)
    }

    /// The first value under `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of an array, or the value itself as a one-item list (JSON-LD allows either).
    pub fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            other => std::slice::from_ref(other),
        }
    }

    /// A short name of the value's type, for warnings.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, what: &'static str) -> JsonError {
        JsonError { at: self.i, what }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8]) -> bool {
        if self.s[self.i..].starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        self.ws();
        match self.s.get(self.i) {
            None => Err(self.err("unexpected end")),
            Some(b'n') if self.eat(b"null") => Ok(Json::Null),
            Some(b't') if self.eat(b"true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat(b"false") => Ok(Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b"]") {
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    if self.eat(b"]") {
                        return Ok(Json::Arr(items));
                    }
                    return Err(self.err("expected , or ]"));
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.eat(b"}") {
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(self.err("expected a key"));
                    }
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(b":") {
                        return Err(self.err("expected :"));
                    }
                    let v = self.value(depth + 1)?;
                    fields.push((key, v));
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    if self.eat(b"}") {
                        return Ok(Json::Obj(fields));
                    }
                    return Err(self.err("expected , or }"));
                }
            }
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.s.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i > from
        };
        self.eat(b"-");
        if !digits(self) {
            return Err(self.err("expected a digit"));
        }
        if self.eat(b".") && !digits(self) {
            return Err(self.err("expected a digit"));
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !digits(self) {
                return Err(self.err("expected a digit"));
            }
        }
        // The slice is ASCII digits, signs, '.' and 'e': always valid UTF-8 and a valid float.
        std::str::from_utf8(&self.s[start..self.i])
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .map(Json::Num)
            .ok_or_else(|| self.err("bad number"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.s.get(self.i) {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.err("bad \\u escape")),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain bytes at once; the input is a &str, so runs that end at an ASCII
            // quote or backslash are whole UTF-8 sequences.
            let from = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[from..self.i]).unwrap_or_default());
            match self.s.get(self.i) {
                None => return Err(self.err("unterminated string")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) && self.eat(b"\\u") {
                                let lo = self.hex4()?;
                                if (0xdc00..0xe000).contains(&lo) {
                                    0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                                } else {
                                    out.push('\u{fffd}');
                                    lo
                                }
                            } else {
                                hi
                            };
                            // A lone surrogate becomes U+FFFD, as browsers' JSON.parse + TextEncoder do.
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(self.err("bad escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.err("control character in string")),
            }
        }
    }
}

/// Appends `s` as a JSON string literal (quotes, backslashes and control characters escaped).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or_default());
        from = i + 1;
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(esc);
        }
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

/// Appends `n` in decimal digits (integer arithmetic only).
pub fn write_uint(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[at..] {
        out.push(char::from(d));
    }
}

/// `x` with `places` decimals (at most 9), rounded, by integer arithmetic: the widget carries no
/// float-formatting code (`core::fmt::float`). `trim` drops trailing zeros (and a bare point).
/// Magnitudes of 1e15 and more, and non-finite values, are written as whole numbers (or `0`).
/// A value within float error of a tie (`0.845`) may round up where `{:.2}` rounds down.
pub fn decimal(x: f64, places: u32, trim: bool) -> String {
    let mut out = String::new();
    if !x.is_finite() {
        out.push('0');
        return out;
    }
    let places = places.min(9);
    let scale = 10u64.pow(places);
    let a = x.abs();
    let (whole, mut frac) = if a < 1e15 {
        let v = (a * scale as f64).round() as u64;
        (v / scale, v % scale)
    } else {
        (a as u64, 0)
    };
    if x < 0.0 && (whole > 0 || frac > 0) {
        out.push('-');
    }
    write_uint(&mut out, whole);
    let mut width = places;
    if trim {
        while width > 0 && frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
    }
    if width > 0 {
        out.push('.');
        let digits = out.len();
        write_uint(&mut out, frac);
        let written = (out.len() - digits) as u32;
        for _ in written..width {
            out.insert(digits, '0');
        }
    }
    out
}

// Writing the boundary's JSON: one text that JS reads with `JSON.parse`, instead of per-field
// calls into JS. Integers are written here; other numbers by the caller's `float`.

use crate::engine::wire::{WireClaim, WireDetail, WireSpan};

pub fn key(out: &mut String, first: bool, name: &str) {
    if !first {
        out.push(',');
    }
    out.push('"');
    out.push_str(name);
    out.push_str("\":");
}

pub fn uint(out: &mut String, name: &str, n: usize) {
    key(out, false, name);
    write_uint(out, n as u64);
}

pub fn string(out: &mut String, name: &str, s: &str) {
    key(out, false, name);
    write_str(out, s);
}

pub fn boolean(out: &mut String, name: &str, b: bool) {
    key(out, false, name);
    out.push_str(if b { "true" } else { "false" });
}

pub fn opt_number(out: &mut String, name: &str, x: Option<f64>, float: fn(&mut String, f64)) {
    key(out, false, name);
    match x {
        Some(x) => float(out, x),
        None => out.push_str("null"),
    }
}

pub fn opt_string(out: &mut String, name: &str, s: Option<&str>) {
    key(out, false, name);
    match s {
        Some(s) => write_str(out, s),
        None => out.push_str("null"),
    }
}

pub fn span(out: &mut String, name: &str, s: Option<&WireSpan>) {
    key(out, false, name);
    match s {
        Some(s) => {
            out.push_str("{\"text\":");
            write_str(out, &s.text);
            uint(out, "start", s.start);
            uint(out, "end", s.end);
            out.push('}');
        }
        None => out.push_str("null"),
    }
}

/// The claims in the wire shape (`engine::wire`), as a JSON array. The CLI prints the same shape
/// through serde; this writer serves the widget, which carries no serde. `float` writes a
/// non-integer number (the widget lets JS format it). A test checks both agree.
pub fn write_claims(out: &mut String, claims: &[WireClaim], float: fn(&mut String, f64)) {
    out.push('[');
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        key(out, true, "kind");
        write_str(out, c.kind);
        string(out, "text", &c.text);
        uint(out, "start", c.start);
        uint(out, "end", c.end);
        match &c.detail {
            WireDetail::Quantity {
                value,
                low,
                high,
                approximate,
                unit,
                ordinal,
            } => {
                opt_number(out, "value", *value, float);
                opt_number(out, "low", *low, float);
                opt_number(out, "high", *high, float);
                boolean(out, "approximate", *approximate);
                opt_string(out, "unit", unit.as_deref());
                boolean(out, "ordinal", *ordinal);
            }
            WireDetail::Statement { content, direct } => {
                key(out, false, "content");
                out.push_str("{\"start\":");
                write_uint(out, content.start as u64);
                uint(out, "end", content.end);
                out.push('}');
                boolean(out, "direct", *direct);
            }
        }
        key(out, false, "source");
        match &c.source {
            Some(s) => {
                out.push_str("{\"text\":");
                write_str(out, &s.text);
                uint(out, "start", s.start);
                uint(out, "end", s.end);
                opt_string(out, "resolved", s.resolved.as_deref());
                span(out, "via", s.via.as_ref());
                out.push('}');
            }
            None => out.push_str("null"),
        }
        span(out, "cue", c.cue.as_ref());
        boolean(out, "hedged", c.hedged);
        key(out, false, "confidence");
        float(out, f64::from(c.confidence));
        key(out, false, "reasons");
        out.push('[');
        for (k, r) in c.reasons.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            write_str(out, r);
        }
        out.push_str("]}");
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widget's claim writer and the CLI's serde output are the same JSON (floats within
    /// f32 rounding: confidence is an f32), on whole articles the project wrote.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn claim_writer_agrees_with_the_cli_shape() {
        use crate::engine::{analyze, offsets::Unit, wire::to_wire};
        fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
            use serde_json::Value::*;
            match (a, b) {
                (Number(x), Number(y)) => {
                    let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
                    (x - y).abs() <= 1e-6 * x.abs().max(1.0)
                }
                (Array(x), Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
                }
                (Object(x), Object(y)) => {
                    x.len() == y.len()
                        && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
                }
                _ => a == b,
            }
        }
        for text in [
            include_str!("../../tests/golden/nl-storm.txt"),
            include_str!("../../tests/golden/en-harbour.txt"),
        ] {
            let wire = to_wire(text, &analyze(text, None), Unit::CodePoint);
            assert!(!wire.claims.is_empty());
            let mut out = String::new();
            write_claims(&mut out, &wire.claims, |out, x| {
                out.push_str(&x.to_string())
            });
            let ours: serde_json::Value = serde_json::from_str(&out).expect(&out);
            let cli = serde_json::to_value(&wire.claims).unwrap();
            assert!(
                same(&ours, &cli),
                "widget JSON {ours}\n differs from CLI JSON {cli}"
            );
        }
    }

    #[test]
    fn reads_documents() {
        let v = Json::parse(
            r#" {"a": [1, -2.5e3, true, null], "b": "x\"\u00e9\ud83d\ude00", "a": 0} "#,
        )
        .unwrap();
        assert_eq!(
            v.get("a"),
            Some(&Json::Arr(vec![
                Json::Num(1.0),
                Json::Num(-2500.0),
                Json::Bool(true),
                Json::Null
            ]))
        );
        assert_eq!(v.get("b").and_then(Json::as_str), Some("x\"é😀"));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "", "{", "[1,]", "{\"a\"}", "01x", "\"\\x\"", "nul", "[1] 2", "{'a': 1}", "-", "1.",
            "\"a\nb\"",
        ] {
            assert!(Json::parse(bad).is_err(), "{bad:?} parsed");
        }
        let deep = "[".repeat(MAX_DEPTH + 5) + &"]".repeat(MAX_DEPTH + 5);
        assert!(Json::parse(&deep).is_err());
        let ok = "[".repeat(10) + &"]".repeat(10);
        assert!(Json::parse(&ok).is_ok());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            Json::parse(r#""\ud800x\udc00""#).unwrap(),
            Json::Str("\u{fffd}x\u{fffd}".into())
        );
    }

    #[test]
    fn writes_strings_and_numbers() {
        let mut out = String::new();
        write_str(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(out, r#""a\"b\\c\nd\u0001é""#);
        assert_eq!(Json::parse(&out), Ok(Json::Str("a\"b\\c\nd\u{1}é".into())));
        let mut n = String::new();
        write_uint(&mut n, 0);
        n.push(' ');
        write_uint(&mut n, u64::MAX);
        assert_eq!(n, "0 18446744073709551615");
        assert_eq!(decimal(0.8, 2, false), "0.80");
        assert_eq!(decimal(0.8449, 2, false), "0.84");
        assert_eq!(decimal(0.8451, 2, false), "0.85");
        assert_eq!(decimal(1.0, 2, false), "1.00");
        assert_eq!(decimal(2.5, 6, true), "2.5");
        assert_eq!(decimal(-0.05, 6, true), "-0.05");
        assert_eq!(decimal(3.0, 6, true), "3");
        assert_eq!(decimal(0.001_2, 2, true), "0");
        assert_eq!(decimal(f64::NAN, 2, true), "0");
    }
}
