//! Tokenisation with byte offsets.

/// Byte spans of the tokens of `text`: words (with inner hyphens, apostrophes and periods
/// of abbreviations), numbers, and single punctuation marks.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let wordy = c.is_alphanumeric()
            || (start.is_some()
                && matches!(c, '-' | '\'' | '\u{2019}' | '.' | ',')
                && next.is_some_and(|n| n.is_alphanumeric()));
        if wordy {
            start.get_or_insert(b);
        } else {
            if let Some(s) = start.take() {
                out.push((s, b));
            }
            if !c.is_whitespace() {
                out.push((b, b + c.len_utf8()));
            }
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}
