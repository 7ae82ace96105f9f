//! Byte → char offset conversion for one text.

/// Maps byte offsets of one string to char (code-point) offsets and back in O(log n).
/// ASCII-only texts keep no table, so the map is free for them.
#[derive(Debug, Clone, Default)]
pub struct CharOffsets {
    /// (byte offset, char offset, byte width) of every multi-byte char.
    multibyte: Vec<(usize, usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut len_chars = 0;
        for (ci, (bi, ch)) in text.char_indices().enumerate() {
            if ch.len_utf8() > 1 {
                multibyte.push((bi, ci, ch.len_utf8()));
            }
            len_chars = ci + 1;
        }
        CharOffsets {
            multibyte,
            len_bytes: text.len(),
            len_chars,
        }
    }

    /// Char offset of byte offset `b`; a byte inside a char maps to that char, a byte past
    /// the end to the text's char length.
    pub fn char_of(&self, b: usize) -> usize {
        if b >= self.len_bytes {
            return self.len_chars;
        }
        let idx = self.multibyte.partition_point(|&(bi, _, _)| bi <= b);
        if idx == 0 {
            return b;
        }
        let (bi, ci, w) = self.multibyte[idx - 1];
        if b < bi + w {
            ci
        } else {
            ci + 1 + (b - bi - w)
        }
    }

    /// Byte offset of char offset `c` (past the end → the text's byte length).
    pub fn byte_of_char(&self, c: usize) -> usize {
        if c >= self.len_chars {
            return self.len_bytes;
        }
        let idx = self.multibyte.partition_point(|&(_, ci, _)| ci <= c);
        if idx == 0 {
            return c;
        }
        let (bi, ci, w) = self.multibyte[idx - 1];
        if c == ci {
            bi
        } else {
            bi + w + (c - ci - 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_identity() {
        let m = CharOffsets::new("hello world");
        assert_eq!(m.char_of(5), 5);
        assert_eq!(m.byte_of_char(5), 5);
        assert_eq!(m.char_of(99), 11);
    }

    #[test]
    fn multibyte_roundtrip() {
        let s = "a–b “c” é日本x";
        let m = CharOffsets::new(s);
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(m.char_of(bi), ci, "byte {bi}");
            assert_eq!(m.byte_of_char(ci), bi, "char {ci}");
        }
        assert_eq!(m.char_of(s.len()), s.chars().count());
        assert_eq!(m.char_of(2), 1, "inside the en dash");
    }
}
