//! The one place where byte offsets become code points (CLI, W3C text positions) or UTF-16
//! units (the DOM). Everything inside the engine speaks bytes.

/// The unit an offset is counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Byte,
    /// Unicode scalar values, as Python string indices and W3C Web Annotation positions count.
    CodePoint,
    /// UTF-16 code units, as the DOM (`Text.splitText`, `Range`) counts.
    Utf16,
}

/// How many bytes each checkpoint of [`OffsetIndex`] covers. Small enough that a lookup scans
/// little, large enough that the index stays a fraction of the text's size.
const BLOCK: usize = 256;

/// Converts byte offsets of one text to another unit in O(BLOCK) per lookup, whatever order the
/// lookups come in.
#[derive(Clone, Debug)]
pub struct OffsetIndex<'t> {
    text: &'t str,
    unit: Unit,
    /// `checkpoints[i]` = the converted offset of the first char boundary at or after `i * BLOCK`.
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetIndex<'t> {
    pub fn new(text: &'t str, unit: Unit) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut converted = 0;
        let mut next = 0;
        for (byte, ch) in text.char_indices() {
            while byte >= next {
                checkpoints.push((byte, converted));
                next += BLOCK;
            }
            converted += width(ch, unit);
        }
        OffsetIndex {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset of `byte` in this index's unit. A byte offset inside a char counts as the
    /// start of that char; one past the end counts as the end.
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == Unit::Byte {
            return floor_char_boundary(self.text, byte);
        }
        let byte = floor_char_boundary(self.text, byte);
        let Some(&(mut at, mut converted)) = self
            .checkpoints
            .get(byte / BLOCK)
            .filter(|(b, _)| *b <= byte)
            .or_else(|| self.checkpoints.get((byte / BLOCK).saturating_sub(1)))
        else {
            return 0;
        };
        for ch in self.text[at..byte].chars() {
            converted += width(ch, self.unit);
            at += ch.len_utf8();
        }
        debug_assert_eq!(at, byte);
        converted
    }
}

/// Converts one byte offset of `text`; use [`OffsetIndex`] for many.
pub fn convert(text: &str, byte: usize, unit: Unit) -> usize {
    let byte = floor_char_boundary(text, byte);
    text[..byte].chars().map(|c| width(c, unit)).sum()
}

/// The byte offset in `text` of an offset counted in `unit`; clamps to the text's end.
pub fn to_byte(text: &str, offset: usize, unit: Unit) -> usize {
    let mut converted = 0;
    for (byte, ch) in text.char_indices() {
        if converted >= offset {
            return byte;
        }
        converted += width(ch, unit);
    }
    text.len()
}

/// The largest char boundary of `text` at or below `byte`, clamped to the text's length.
pub fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

fn width(ch: char, unit: Unit) -> usize {
    match unit {
        Unit::Byte => ch.len_utf8(),
        Unit::CodePoint => 1,
        Unit::Utf16 => ch.len_utf16(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, byte offset, code points, UTF-16 units)
    const CASES: &[(&str, usize, usize, usize)] = &[
        ("", 0, 0, 0),
        ("abc", 2, 2, 2),
        ("geëlimineerd", 3, 2, 2),
        ("geëlimineerd", 4, 3, 3),
        ("a😀b", 5, 2, 3),
        ("a😀b", 6, 3, 4),
        ("a😀b", 3, 1, 1), // inside the emoji: counts as its start
        ("€3m", 3, 1, 1),
        ("abc", 99, 3, 3), // past the end: clamps
    ];

    #[test]
    fn single_conversions() {
        for &(text, byte, cp, u16) in CASES {
            assert_eq!(
                convert(text, byte, Unit::CodePoint),
                cp,
                "{text:?} @ {byte}"
            );
            assert_eq!(convert(text, byte, Unit::Utf16), u16, "{text:?} @ {byte}");
        }
    }

    #[test]
    fn index_agrees_with_single_conversion_on_long_text() {
        let text = "Zo'n 353 politiemedewerkers — ,,geëlimineerd” 😀 ".repeat(40);
        for unit in [Unit::Byte, Unit::CodePoint, Unit::Utf16] {
            let index = OffsetIndex::new(&text, unit);
            for byte in (0..=text.len() + 3).rev() {
                assert_eq!(
                    index.convert(byte),
                    convert(&text, byte, unit),
                    "{unit:?} @ {byte}"
                );
            }
        }
    }

    #[test]
    fn to_byte_inverts_convert_on_boundaries() {
        let text = "a😀bë,,c”";
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for unit in [Unit::CodePoint, Unit::Utf16] {
                assert_eq!(to_byte(text, convert(text, byte, unit), unit), byte);
            }
        }
    }
}
