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
            .and_then(parse_number)
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

/// `text` read as a number exactly as `str::parse::<f64>` reads it: the same grammar (an
/// optional sign, then `inf`, `infinity` or `nan` in any case, or digits with an optional point
/// and an optional exponent) and the same value. `str::parse::<f64>` itself is not used: in the
/// widget its code and tables (powers of five) were 16 KB of the wasm's 156 KB brotli.
///
/// A number of at most 19 significant digits that fit 53 bits, with a decimal exponent within
/// ±22 (every number publishers' data and options hold in practice), is one exact integer
/// multiplied or divided by one exact power of ten: a single rounding, so the nearest `f64`, as
/// `str::parse` gives. Other numbers are read by [`slow`].
pub fn parse_number(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let word = |w: &str| body.eq_ignore_ascii_case(w);
    let x = if word("inf") || word("infinity") {
        f64::INFINITY
    } else if word("nan") {
        f64::NAN
    } else {
        match decimal_parts(body.as_bytes())? {
            (0, _, _) => 0.0,
            (w, exp, true) if w <= 1 << 53 && exp.unsigned_abs() <= 22 => {
                const POW10: [f64; 23] = [
                    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                    1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
                ];
                let p = POW10[exp.unsigned_abs() as usize];
                if exp < 0 { w as f64 / p } else { w as f64 * p }
            }
            _ => return Some(slow(text)),
        }
    };
    Some(if negative { -x } else { x })
}

/// The digits of a decimal number (no sign) as `(w, exp, exact)`: the value is `w × 10^exp`,
/// `exact` unless nonzero digits beyond the 19th were dropped. `None` if `s` is not a number.
fn decimal_parts(s: &[u8]) -> Option<(u64, i64, bool)> {
    let mut w = 0u64;
    let mut taken = 0;
    let mut exp = 0i64;
    let mut exact = true;
    let mut any = false;
    let mut i = 0;
    let mut fraction = false;
    loop {
        match s.get(i) {
            Some(&b @ b'0'..=b'9') => {
                any = true;
                let d = u64::from(b - b'0');
                if taken < 19 && (w > 0 || d > 0) {
                    w = w * 10 + d;
                    taken += 1;
                    exp -= i64::from(fraction);
                } else if w == 0 {
                    // A leading zero.
                    exp -= i64::from(fraction);
                } else {
                    exact &= d == 0;
                    exp += i64::from(!fraction);
                }
            }
            Some(b'.') if !fraction => fraction = true,
            _ => break,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let negative = s.get(i) == Some(&b'-');
        if matches!(s.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let mut e = 0i64;
        let from = i;
        while let Some(&b @ b'0'..=b'9') = s.get(i) {
            // Far beyond any f64's range, short of overflowing.
            e = (e * 10 + i64::from(b - b'0')).min(1 << 32);
            i += 1;
        }
        if i == from {
            return None;
        }
        exp += if negative { -e } else { e };
    }
    (i == s.len()).then_some((w, exp, exact))
}

/// A number with more digits or a larger exponent than [`parse_number`] reads exactly. In the
/// widget, JS's `parseFloat` (also the nearest `f64`; `text` is already known to be a number);
/// natively, `str::parse`.
#[cfg(target_arch = "wasm32")]
fn slow(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn slow(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

/// Appends `s` as a JSON string literal: quotes, backslashes and control characters escaped,
/// and every non-ASCII char as `\uXXXX` (two for one beyond the BMP). The boundary's JSON is then
/// ASCII: JS decodes it on its ASCII fast path into a one-byte string, which `JSON.parse` reads
/// faster too (one Dutch text of 1 MB has about 6 MB of claims JSON; as UTF-8 with its „”ë
/// the decoding alone took 14 ms, as ASCII 1 ms).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0x20..0x80).contains(&b) && b != b'"' && b != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(s.get(from..i).unwrap_or_default());
        let mut len = 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0..0x80 => write_unit(out, u16::from(b)),
            _ => {
                let c = s.get(i..).and_then(|rest| rest.chars().next());
                let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                len = c.len_utf8();
                let mut units = [0u16; 2];
                for &u in c.encode_utf16(&mut units).iter() {
                    write_unit(out, u);
                }
            }
        }
        i += len;
        from = i;
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

/// Appends `\uXXXX`.
fn write_unit(out: &mut String, u: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let hex = |k: u16| HEX[usize::from(u >> k & 15)];
    let esc = [b'\\', b'u', hex(12), hex(8), hex(4), hex(0)];
    out.push_str(std::str::from_utf8(&esc).unwrap_or_default());
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
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
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
// calls into JS (`Reflect.set` from wasm took about 250 ns a property; `JSON.parse` makes the
// same objects several times faster). Integers are written here; other numbers by the caller's
// `float`.

use crate::embed::utf16::Utf16;
use crate::engine::{Claim, ClaimKind, Reasons, Span};

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

/// `claims` of `text` as a JSON array in the wire shape (`engine::wire`, which the CLI prints
/// through serde; a test checks both agree), offsets in UTF-16 units through `utf16`, whose
/// stretch must hold every span of `claims`. Written straight from the engine's claims: no wire
/// copy of their texts first. `float` writes a number that is not an integer (the widget lets
/// JS format it, so it carries no float-formatting code).
pub fn write_claims(
    out: &mut String,
    text: &str,
    claims: &[Claim],
    utf16: &Utf16,
    float: &mut dyn FnMut(&mut String, f64),
) {
    // The keys and punctuation between the values, in the wire's order.
    let span = |out: &mut String, s: Span| {
        write_str(out, s.of(text));
        out.push_str(",\"start\":");
        write_uint(out, utf16.at(s.start) as u64);
        out.push_str(",\"end\":");
        write_uint(out, utf16.at(s.end) as u64);
    };
    out.push('[');
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"kind\":");
        write_str(out, c.kind.code());
        out.push_str(",\"text\":");
        span(out, c.span);
        match &c.kind {
            ClaimKind::Quantity(q) => {
                out.push_str(",\"value\":");
                number(out, q.value, float);
                out.push_str(",\"low\":");
                number(out, q.low, float);
                out.push_str(",\"high\":");
                number(out, q.high, float);
                out.push_str(",\"approximate\":");
                boolean(out, q.approximate);
                out.push_str(",\"unit\":");
                match &q.unit {
                    Some(u) => write_str(out, u),
                    None => out.push_str("null"),
                }
                out.push_str(",\"ordinal\":");
                boolean(out, q.ordinal);
            }
            ClaimKind::Statement(st) => {
                out.push_str(",\"content\":{\"start\":");
                write_uint(out, utf16.at(st.content.start) as u64);
                out.push_str(",\"end\":");
                write_uint(out, utf16.at(st.content.end) as u64);
                out.push_str("},\"direct\":");
                boolean(out, st.direct);
            }
        }
        out.push_str(",\"source\":");
        match &c.source {
            Some(s) => {
                out.push_str("{\"text\":");
                span(out, s.span);
                out.push_str(",\"resolved\":");
                match &s.resolved {
                    Some(r) => write_str(out, r),
                    None => out.push_str("null"),
                }
                out.push_str(",\"via\":");
                match s.via {
                    Some(v) => {
                        out.push_str("{\"text\":");
                        span(out, v);
                        out.push('}');
                    }
                    None => out.push_str("null"),
                }
                out.push('}');
            }
            None => out.push_str("null"),
        }
        out.push_str(",\"cue\":");
        match c.cue {
            Some(cue) => {
                out.push_str("{\"text\":");
                span(out, cue);
                out.push('}');
            }
            None => out.push_str("null"),
        }
        out.push_str(",\"hedged\":");
        boolean(out, c.hedged);
        out.push_str(",\"confidence\":");
        number(out, Some(f64::from(c.confidence)), float);
        out.push_str(",\"reasons\":[");
        write_reasons(out, c.reasons);
        out.push_str("]}");
    }
    out.push(']');
}

/// The stretch of text `claims` lie in: from the first byte of any of their spans (their own,
/// the cue, the source and its `via`, a statement's content) to the last.
pub fn stretch(claims: &[Claim]) -> (usize, usize) {
    let mut lo = usize::MAX;
    let mut hi = 0;
    for c in claims {
        let content = match &c.kind {
            ClaimKind::Statement(st) => Some(st.content),
            ClaimKind::Quantity(_) => None,
        };
        let source = c.source.as_ref();
        let spans = [
            Some(c.span),
            c.cue,
            source.map(|s| s.span),
            source.and_then(|s| s.via),
            content,
        ];
        for s in spans.into_iter().flatten() {
            lo = lo.min(s.start);
            hi = hi.max(s.end);
        }
    }
    (lo.min(hi), hi)
}

fn boolean(out: &mut String, b: bool) {
    out.push_str(if b { "true" } else { "false" });
}

/// A number as `serde_json` writes the wire's `f64`s: `null` when absent or not finite, an
/// integer in digits, anything else through `float`.
fn number(out: &mut String, x: Option<f64>, float: &mut dyn FnMut(&mut String, f64)) {
    match x {
        Some(x) if x.is_finite() => {
            if x.fract() == 0.0 && x.abs() < 1e15 {
                if x < 0.0 {
                    out.push('-');
                }
                write_uint(out, x.abs() as u64);
            } else {
                float(out, x);
            }
        }
        _ => out.push_str("null"),
    }
}

/// The reasons' codes ([`crate::engine::Reason::code`]), the wire's words for them.
fn write_reasons(out: &mut String, reasons: Reasons) {
    for (k, r) in reasons.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        write_str(out, r.code());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The widget's claim writer and the CLI's serde output are the same JSON (floats within
    /// f32 rounding: confidence is an f32), on whole articles the project wrote and on text with
    /// chars of every UTF-8 length, whole and in stretches as the widget writes them.
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
        let wide = "Volgens het KNMI 😀 bereikten de windstoten „132 kilometer per uur”. \
            ,,We hebben 200 monteurs — geëlimineerd — op pad gestuurd”, aldus een woordvoerder \
            van ProRail 🚆. The minister said that 3.5 million people were affected.\n\n"
            .repeat(3);
        for text in [
            include_str!("../../tests/golden/nl-storm.txt"),
            include_str!("../../tests/golden/en-harbour.txt"),
            &wide,
        ] {
            let analysis = analyze(text, None);
            let wire = to_wire(text, &analysis, Unit::Utf16);
            assert!(!wire.claims.is_empty());
            let cli = serde_json::to_value(&wire.claims).unwrap();
            for batch in [analysis.claims.len(), 2] {
                let mut utf16 = Utf16::new(text);
                let mut parts = Vec::new();
                for claims in analysis.claims.chunks(batch) {
                    let (lo, hi) = stretch(claims);
                    utf16.stretch(lo, hi);
                    let mut out = String::new();
                    write_claims(&mut out, text, claims, &utf16, &mut |out, x| {
                        out.push_str(&x.to_string())
                    });
                    assert!(out.is_ascii(), "{out}");
                    let part: Vec<serde_json::Value> = serde_json::from_str(&out).expect(&out);
                    parts.extend(part);
                }
                let ours = serde_json::Value::Array(parts);
                assert!(
                    same(&ours, &cli),
                    "widget JSON {ours}\n differs from CLI JSON {cli}"
                );
            }
        }
    }

    /// `parse_number` reads what `str::parse::<f64>` reads, as it does (natively its slow path
    /// is `str::parse`; `tests/web.rs` checks the widget's).
    #[test]
    fn numbers_read_as_str_parse_reads_them() {
        let mut texts: Vec<String> = [
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "--1",
            "+-1",
            "1.2.3",
            " 1",
            "1 ",
            "0x10",
            "1_0",
            "infinit",
            "nan1",
            "inf",
            "-Infinity",
            "+NaN",
            "INF",
            "1.e5",
            ".5",
            "5.",
            "-.5e-3",
            "0",
            "-0",
            "00012",
            "0.000",
            "1e400",
            "-1e-400",
            "4.9e-324",
            "1.7976931348623157e308",
            "0.30000000000000004",
            "9007199254740993",
            "9007199254740992",
            "123456789012345678901",
            "0.1234567890123456789012",
            "1234567890123456789e-30",
            "1e22",
            "1e23",
            "3.14159",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for mantissa in [
            "0",
            "1",
            "7",
            "25",
            "4.5",
            "0.001",
            "99999999",
            "12345678901234567890",
        ] {
            for exp in [
                "", "e0", "e-1", "E+3", "e21", "e-22", "e-23", "e300", "e-300",
            ] {
                for sign in ["", "-", "+"] {
                    texts.push(format!("{sign}{mantissa}{exp}"));
                }
            }
        }
        for t in &texts {
            let ours = parse_number(t);
            let theirs = t.parse::<f64>().ok();
            let same = match (ours, theirs) {
                (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                (a, b) => a.is_none() && b.is_none(),
            };
            assert!(same, "{t:?}: {ours:?} vs {theirs:?}");
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
        write_str(&mut out, "a\"b\\c\nd\u{1}é😀");
        assert_eq!(out, r#""a\"b\\c\nd\u0001\u00e9\ud83d\ude00""#);
        assert_eq!(
            Json::parse(&out),
            Ok(Json::Str("a\"b\\c\nd\u{1}é😀".into()))
        );
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
