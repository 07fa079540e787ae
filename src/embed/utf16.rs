//! UTF-16 offsets (what the DOM and JS strings count) of byte offsets, for the JS boundary's many
//! lookups. The numbers are those of `engine::offsets` with `Unit::Utf16` (a test checks); the
//! way is cheaper as wasm: bytes are counted, not decoded as chars. In the widget (opt-level
//! "z", where `Chars::next` is a call per char) the engine's `OffsetIndex`, which decodes up to
//! 256 bytes per lookup, took 40 % of `extract` on long texts.

/// UTF-16 units in `bytes` (UTF-8): one per byte that starts a char, plus one more per 4-byte
/// char (its lead byte is 0xF0 or above).
pub fn units(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0))
        .sum()
}

/// Converts byte offsets of a text to UTF-16 offsets, a stretch at a time: [`Utf16::stretch`]
/// reads the stretch once, then each lookup in it is a binary search over the stretch's
/// non-ASCII chars (none at all in ASCII text). The memory is the current stretch's only.
pub struct Utf16<'t> {
    text: &'t str,
    /// The stretch's first byte and its UTF-16 offset.
    from: usize,
    from_units: usize,
    to: usize,
    /// Each non-ASCII char of the stretch: the byte just after it, and how many more bytes than
    /// UTF-16 units the stretch holds from `from` up to there.
    wide: Vec<(usize, usize)>,
}

impl<'t> Utf16<'t> {
    pub fn new(text: &'t str) -> Self {
        Utf16 {
            text,
            from: 0,
            from_units: 0,
            to: 0,
            wide: Vec::new(),
        }
    }

    /// Prepares lookups of the byte offsets in `from..=to`. Moving from one stretch to the next
    /// counts the bytes between them, so stretches in text order read the text about once.
    pub fn stretch(&mut self, from: usize, to: usize) {
        let from = floor(self.text, from);
        let to = floor(self.text, to).max(from);
        let bytes = self.text.as_bytes();
        self.from_units = if from >= self.from {
            self.from_units + units(&bytes[self.from..from])
        } else {
            self.from_units - units(&bytes[from..self.from])
        };
        self.from = from;
        self.to = to;
        self.wide.clear();
        let mut extra = 0;
        for (i, &b) in bytes[from..to].iter().enumerate() {
            // A lead byte: 2-byte chars are 1 unit (1 byte more), 3-byte ones 1 unit and 4-byte
            // ones 2 units (2 bytes more).
            if b >= 0xC0 {
                let len = if b < 0xE0 {
                    2
                } else if b < 0xF0 {
                    3
                } else {
                    4
                };
                extra += if b < 0xE0 { 1 } else { 2 };
                self.wide.push((from + i + len, extra));
            }
        }
    }

    /// The UTF-16 offset of byte `byte`. A byte inside a char counts as the start of that char;
    /// past the end counts as the end (as `engine::offsets`). Outside the stretch it is counted
    /// from the stretch's start.
    pub fn at(&self, byte: usize) -> usize {
        let byte = floor(self.text, byte);
        let bytes = self.text.as_bytes();
        if byte < self.from {
            return self.from_units - units(&bytes[byte..self.from]);
        }
        if byte > self.to {
            return self.from_units + units(&bytes[self.from..byte]);
        }
        let k = self.wide.partition_point(|&(after, _)| after <= byte);
        let extra = k.checked_sub(1).map_or(0, |k| self.wide[k].1);
        self.from_units + (byte - self.from) - extra
    }
}

fn floor(text: &str, byte: usize) -> usize {
    crate::engine::offsets::floor_char_boundary(text, byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::offsets::{Unit, convert};

    #[test]
    fn agrees_with_the_engine_everywhere() {
        let texts = [
            String::new(),
            "abc".to_owned(),
            "a😀bë,,c” €3m".to_owned(),
            "Zo'n 353 politiemedewerkers — ,,geëlimineerd” 😀 ".repeat(20),
            include_str!("../../tests/golden/nl-storm.txt").to_owned(),
        ];
        for text in &texts {
            let n = text.len();
            // Stretches forward, backward, overlapping, empty, and past the end.
            let cuts = [0, n / 3, n / 2, n / 5, n, n + 4, 1, n.saturating_sub(1)];
            let mut index = Utf16::new(text);
            for pair in cuts.windows(2) {
                let (from, to) = (pair[0].min(pair[1]), pair[0].max(pair[1]));
                index.stretch(from, to);
                for byte in 0..=n + 2 {
                    assert_eq!(
                        index.at(byte),
                        convert(text, byte, Unit::Utf16),
                        "{from}..{to} @ {byte} of {text:?}"
                    );
                }
            }
            assert_eq!(units(text.as_bytes()), text.encode_utf16().count());
        }
    }
}
