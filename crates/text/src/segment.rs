//! Sentence segmentation.

/// Byte spans of the sentences of `text`, trimmed of surrounding whitespace.
/// Baseline: split at `.`, `!`, `?` (plus closing quotes) followed by whitespace and an
/// upper-case letter or opening quote, and at blank lines.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let mut cut = None;
        if c == '\n' && chars.get(i + 1).is_some_and(|&(_, n)| n == '\n') {
            cut = Some(b);
        } else if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '\u{201d}' | '\'' | '\u{2019}' | ')')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            if j < chars.len() && chars[j].1.is_whitespace() {
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                if k >= chars.len()
                    || chars[k].1.is_uppercase()
                    || matches!(chars[k].1, '"' | '\u{201c}')
                {
                    cut = Some(end);
                }
            }
        }
        if let Some(e) = cut {
            push_trimmed(text, start, e, &mut out);
            start = e;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}
