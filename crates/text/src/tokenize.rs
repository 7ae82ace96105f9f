//! Penn-Treebank-like tokenisation with byte offsets.
//!
//! Words keep inner hyphens, apostrophes, periods and digit commas ("al-Nusra", "U.S.-led",
//! "O'Neill", "1,000", "3.5"); abbreviations keep their final period ("Gen.", "U.S.");
//! clitics are split off ("Syria" + "’s", "does" + "n’t"); punctuation, quotes and currency
//! symbols are single tokens ("..." and "--" stay whole); URLs are one token.

use crate::abbrev;

/// Byte spans of the tokens of `text`, in order.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    for chunk in text.split(|c: char| c.is_whitespace()) {
        let start = pos;
        pos += chunk.len();
        // Skip the separator (one whitespace char) that `split` consumed.
        if let Some(c) = text.get(pos..).and_then(|s| s.chars().next()) {
            pos += c.len_utf8();
        }
        if !chunk.is_empty() {
            tokenize_chunk(text, start, start + chunk.len(), &mut out);
        }
    }
    out
}

/// Letters, digits and combining marks (so diacritics stay inside words).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32,
            0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
            | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903
            | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0981..=0x0983
            | 0x09BC..=0x09CD | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D
            | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Tokenise one whitespace-free chunk `text[s..e]`.
fn tokenize_chunk(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let chunk = &text[s..e];
    if let Some((us, ue)) = url_span(chunk) {
        scan(text, s, s + us, out);
        out.push((s + us, s + ue));
        scan(text, s + ue, e, out);
    } else {
        scan(text, s, e, out);
    }
}

/// Span of a URL inside a chunk: leading openers and trailing punctuation are excluded.
fn url_span(chunk: &str) -> Option<(usize, usize)> {
    let body = chunk.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower_prefix = |p: &str| {
        body.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if !(lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www.")) {
        return None;
    }
    let us = chunk.len() - body.len();
    let balanced = body.contains('(');
    let trimmed = body.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '\u{201d}' | '\u{2019}' | ']' | '>'
        ) || (c == ')' && !balanced)
    });
    Some((us, us + trimmed.len()))
}

/// Scan `text[s..e]` (no whitespace) into words and punctuation.
fn scan(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let seg = &text[s..e];
    let mut chars = seg.char_indices().peekable();
    let mut word_start: Option<usize> = None;
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let in_word = word_start.is_some();
        let keep = if is_word_char(c) {
            true
        } else if in_word && prev.is_some_and(|p| is_word_char(p) || (p == '.' && c == '-')) {
            let next2 = seg.get(i + c.len_utf8()..).and_then(|r| r.chars().nth(1));
            joins(c, prev, next, next2)
        } else {
            false
        };
        if keep {
            word_start.get_or_insert(i);
            prev = Some(c);
            continue;
        }
        if let Some(ws) = word_start.take() {
            let we = i;
            let mut end = we;
            // Abbreviation period: "Gen." "U.S." (an initial at the very end stays split).
            if c == '.' && next != Some('.') && takes_period(&seg[ws..we], s + i + 1 == text.len())
            {
                end = i + 1;
            }
            push_word(s + ws, s + end, text, out);
            if end > we {
                prev = Some(c);
                continue;
            }
        }
        // Punctuation run: "...", "--", "…" grouped; everything else single.
        let mut pe = i + c.len_utf8();
        // Possessive after an abbreviation: "U.S.'s".
        if is_apostrophe(c)
            && prev == Some('.')
            && next.is_some_and(|n| n.eq_ignore_ascii_case(&'s'))
            && !seg
                .get(pe..)
                .and_then(|r| r.chars().nth(1))
                .is_some_and(is_word_char)
        {
            chars.next();
            pe += 1;
        } else if matches!(c, '.' | '-') {
            while let Some(&(j, n)) = chars.peek() {
                if n != c {
                    break;
                }
                pe = j + n.len_utf8();
                chars.next();
            }
        }
        out.push((s + i, s + pe));
        prev = Some(c);
    }
    if let Some(ws) = word_start {
        push_word(s + ws, e, text, out);
    }
}

/// Whether joiner `c` between word characters stays inside the word.
fn joins(c: char, prev: Option<char>, next: Option<char>, next2: Option<char>) -> bool {
    let next_word = next.is_some_and(is_word_char);
    let digits =
        prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    match c {
        '-' | '&' | '_' | '@' | '/' | '\u{00b7}' => next_word,
        '.' => next_word || (next == Some('-') && next2.is_some_and(is_word_char)),
        ',' | ':' => digits,
        c if is_apostrophe(c) => next_word,
        _ => false,
    }
}

/// Whether a word directly followed by '.' keeps the period.
/// An initial at the very end of the text ("Plan B.") gives its period back; "no" never
/// takes one (it cannot tell "No. 5" from "said no." without the next chunk).
fn takes_period(word: &str, at_end: bool) -> bool {
    abbrev::kind(word).is_some()
        && !(at_end && word.chars().count() == 1)
        && !word.eq_ignore_ascii_case("no")
}

/// Push a word, splitting off a final clitic ("’s", "n’t", "'re", "'ll", "'ve", "'d", "'m").
fn push_word(ws: usize, we: usize, text: &str, out: &mut Vec<(usize, usize)>) {
    let w = &text[ws..we];
    if let Some(cl) = clitic_len(w) {
        out.push((ws, we - cl));
        out.push((we - cl, we));
    } else {
        out.push((ws, we));
    }
}

/// Byte length of a trailing clitic of `w`, if the remaining stem is non-empty.
fn clitic_len(w: &str) -> Option<usize> {
    let mut rev = w.char_indices().rev();
    let (_, last) = rev.next()?;
    let (pi, p) = rev.next()?;
    // "'s" "'m" "'d"
    if is_apostrophe(p) && matches!(last.to_ascii_lowercase(), 's' | 'm' | 'd') && pi > 0 {
        return Some(w.len() - pi);
    }
    let (ai, a) = rev.next()?;
    let l2 = (p.to_ascii_lowercase(), last.to_ascii_lowercase());
    // "'re" "'ve" "'ll"
    if is_apostrophe(a) && matches!(l2, ('r', 'e') | ('v', 'e') | ('l', 'l')) && ai > 0 {
        return Some(w.len() - ai);
    }
    // "n't"
    if is_apostrophe(p) && last.eq_ignore_ascii_case(&'t') && a.eq_ignore_ascii_case(&'n') && ai > 0
    {
        return Some(w.len() - ai);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn clitics_and_possessives() {
        assert_eq!(
            toks("Syria\u{2019}s war"),
            vec!["Syria", "\u{2019}s", "war"]
        );
        assert_eq!(
            toks("It doesn\u{2019}t, can't, won't; we're, I'll, they've, he'd, I'm"),
            vec![
                "It",
                "does",
                "n\u{2019}t",
                ",",
                "ca",
                "n't",
                ",",
                "wo",
                "n't",
                ";",
                "we",
                "'re",
                ",",
                "I",
                "'ll",
                ",",
                "they",
                "'ve",
                ",",
                "he",
                "'d",
                ",",
                "I",
                "'m"
            ]
        );
        assert_eq!(
            toks("O'Neill's rebels' guns"),
            vec!["O'Neill", "'s", "rebels", "'", "guns"]
        );
        assert_eq!(toks("DOESN'T"), vec!["DOES", "N'T"]);
        assert_eq!(
            toks("the U.S.\u{2019}s role"),
            vec!["the", "U.S.", "\u{2019}s", "role"]
        );
        assert_eq!(toks("end.'say"), vec!["end", ".", "'", "say"]);
    }

    #[test]
    fn hyphens_and_abbreviations() {
        assert_eq!(
            toks("al-Nusra, a cease-fire by pro-government U.S.-led forces."),
            vec![
                "al-Nusra",
                ",",
                "a",
                "cease-fire",
                "by",
                "pro-government",
                "U.S.-led",
                "forces",
                "."
            ]
        );
        assert_eq!(
            toks("Gen. Smith met Mr. Jones in the U.S."),
            vec!["Gen.", "Smith", "met", "Mr.", "Jones", "in", "the", "U.S."]
        );
        assert_eq!(
            toks("George W. Bush at 5 p.m. vs. Plan B."),
            vec!["George", "W.", "Bush", "at", "5", "p.m.", "vs.", "Plan", "B", "."]
        );
        assert_eq!(toks("He said no."), vec!["He", "said", "no", "."]);
        assert_eq!(toks("No. 10"), vec!["No", ".", "10"]);
    }

    #[test]
    fn numbers_currency_punctuation() {
        assert_eq!(
            toks("$1,000.50 or 3.5% (about \u{20ac}20) -- wait... \u{201c}yes\u{201d}\u{2014}no!?"),
            vec![
                "$", "1,000.50", "or", "3.5", "%", "(", "about", "\u{20ac}", "20", ")", "--",
                "wait", "...", "\u{201c}", "yes", "\u{201d}", "\u{2014}", "no", "!", "?"
            ]
        );
        assert_eq!(
            toks("10:30, 1990s and 2015/16"),
            vec!["10:30", ",", "1990s", "and", "2015/16"]
        );
        assert_eq!(toks("a,b"), vec!["a", ",", "b"]);
    }

    #[test]
    fn urls_emails_unicode() {
        assert_eq!(
            toks("See (https://example.com/a?b=1), mail john.doe@example.org."),
            vec![
                "See",
                "(",
                "https://example.com/a?b=1",
                ")",
                ",",
                "mail",
                "john.doe@example.org",
                "."
            ]
        );
        assert_eq!(toks("www.afp.com."), vec!["www.afp.com", "."]);
        assert_eq!(toks("Zürich café naïve"), vec!["Zürich", "café", "naïve"]);
        assert_eq!(toks("'90s"), vec!["'", "90s"]);
        assert_eq!(toks(""), Vec::<&str>::new());
        assert_eq!(toks("-"), vec!["-"]);
    }
}
