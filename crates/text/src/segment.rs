//! Sentence segmentation tuned for news text.
//!
//! Hard breaks first: a blank line always ends a sentence, and a single line without final
//! punctuation (headline, dateline, photo credit) is its own sentence. Inside a block a
//! sentence ends at `.`, `!`, `?` or an ellipsis (plus closing quotes/brackets) followed by
//! whitespace and a non-lower-case character, unless the period belongs to an abbreviation
//! ("Gen.", "U.S. officials", "J. D. Vance") or a quoted `?`/`!` is followed by its
//! attribution (`"Why now?" Smith asked.`). Works on bytes; no regex, no allocation per char.

use crate::abbrev::{self, AbbrevKind};

/// Byte spans of the sentences of `text`, in order, non-overlapping, trimmed of surrounding
/// whitespace, never empty.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0;
    loop {
        let nl = text[line_start..].find('\n').map(|i| line_start + i);
        let line_end = nl.unwrap_or(text.len());
        if is_blank(&text[line_start..line_end]) {
            split_paragraph(text, &lines, &mut out);
            lines.clear();
        } else {
            lines.push((line_start, line_end));
        }
        match nl {
            Some(nl) => line_start = nl + 1,
            None => break,
        }
    }
    split_paragraph(text, &lines, &mut out);
    out
}

/// Split one paragraph (its non-blank lines, consecutive) at heading lines, then each block
/// at sentence ends.
fn split_paragraph(text: &str, lines: &[(usize, usize)], out: &mut Vec<(usize, usize)>) {
    let (Some(&(first, _)), Some(&(_, last_end))) = (lines.first(), lines.last()) else {
        return;
    };
    let width = |&(s, e): &(usize, usize)| text[s..e].trim().chars().count();
    let max_width = lines.iter().map(width).max().unwrap_or(0);
    let mut block_start = first;
    for pair in lines.windows(2) {
        let (s, e) = pair[0];
        let (ns, ne) = pair[1];
        // Hard-wrapped prose: several lines of bounded width, this one about as wide as the
        // widest. (One-paragraph-per-line text has much longer lines.)
        let w = width(&pair[0]);
        let wrapped =
            lines.len() >= 3 && (50..=150).contains(&max_width) && w * 10 >= max_width * 6;
        if !wrapped && is_line_break_sentence(&text[s..e], &text[ns..ne]) {
            split_block(text, block_start, e, out);
            block_start = e;
        }
    }
    split_block(text, block_start, last_end, out);
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Words after which a line is surely continued on the next one.
const CONTINUING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "or", "for", "with", "on", "at", "by", "from",
    "that", "as", "his", "her", "its", "their", "is", "are", "was", "were", "but", "said",
];

/// Whether a non-blank `line` followed by a non-blank `next` line ends a sentence on its own
/// (a headline or dateline) rather than being wrapped prose.
fn is_line_break_sentence(line: &str, next: &str) -> bool {
    let t = line.trim_end();
    let core = t.trim_end_matches(is_closer);
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    if matches!(last, '.' | '!' | '?' | '\u{2026}') {
        // Ordinary boundary rules decide (they see the newline as whitespace).
        return false;
    }
    if matches!(
        last,
        ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(' | '/' | '&' | '\u{201c}'
    ) {
        return false;
    }
    if next
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c == '(')
    {
        return false;
    }
    let last_word = core
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !CONTINUING.iter().any(|w| w.eq_ignore_ascii_case(last_word))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Period,
    Ellipsis,
    Strong,
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '\u{00bb}' | '\u{203a}'
    )
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{00bb}' | '\u{203a}'
    )
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '\u{201c}' | '\u{2018}' | '\u{00ab}' | '\u{2039}'
    )
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The alphabetic word starting at `k` (possibly empty).
fn word_at(text: &str, k: usize, e: usize) -> &str {
    let s = text.get(k..e).unwrap_or("");
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The whitespace-delimited word ending at `i` (exclusive), without leading openers.
fn word_before(text: &str, from: usize, i: usize) -> &str {
    let s = text.get(from..i).unwrap_or("");
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(j, c)| j + c.len_utf8());
    s[start..].trim_start_matches(is_opening)
}

/// Whether the (up to four) words from `k` contain a reporting verb before any punctuation
/// other than a period: `"Why now?" Gen. Smith asked.`
fn attribution_follows(text: &str, k: usize, e: usize) -> bool {
    let s = text.get(k..e).unwrap_or("");
    let mut words = 0;
    for raw in s.split_whitespace() {
        let w = raw.trim_end_matches(['.', ',', ':', ';']);
        if abbrev::is_speech_verb(w) {
            return true;
        }
        words += 1;
        if words >= 4 || w.len() != raw.len() && !raw.ends_with('.') {
            return false;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        {
            return false;
        }
    }
    false
}

/// Split one block (no hard breaks inside) into sentences.
fn split_block(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut sent_start = s;
    let mut i = s;
    while i < e {
        let term_start = i;
        let (term_end, kind) = match bytes[i] {
            b'.' => {
                let mut j = i + 1;
                while j < e && bytes[j] == b'.' {
                    j += 1;
                }
                (
                    j,
                    if j - i >= 2 {
                        Term::Ellipsis
                    } else {
                        Term::Period
                    },
                )
            }
            b'!' | b'?' => {
                let mut j = i + 1;
                while j < e && matches!(bytes[j], b'!' | b'?') {
                    j += 1;
                }
                (j, Term::Strong)
            }
            0xE2 if bytes[i..e].starts_with("\u{2026}".as_bytes()) => (i + 3, Term::Ellipsis),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = term_end;
        let mut quoted = false;
        while let Some(c) = char_at(text, j).filter(|_| j < e) {
            if !is_closer(c) {
                break;
            }
            quoted |= is_quote(c);
            j += c.len_utf8();
        }
        let close_end = j;
        i = close_end;
        if !char_at(text, close_end)
            .filter(|_| close_end < e)
            .is_some_and(char::is_whitespace)
        {
            continue;
        }
        let mut k = close_end;
        while let Some(c) = char_at(text, k).filter(|_| k < e) {
            if !c.is_whitespace() {
                break;
            }
            k += c.len_utf8();
        }
        let Some(next) = char_at(text, k).filter(|_| k < e) else {
            continue;
        };
        let candidate = Candidate {
            sent_start,
            term_start,
            kind,
            quoted,
            next,
            next_at: k,
            block_end: e,
        };
        if candidate.ends_sentence(text) {
            push_trimmed(text, sent_start, close_end, out);
            sent_start = k;
        }
    }
    push_trimmed(text, sent_start, e, out);
}

/// A possible sentence end: a terminator (plus closers) followed by whitespace and `next`.
struct Candidate {
    sent_start: usize,
    /// Byte offset of the terminator's first character.
    term_start: usize,
    kind: Term,
    /// Whether a closing quote follows the terminator.
    quoted: bool,
    next: char,
    next_at: usize,
    block_end: usize,
}

impl Candidate {
    fn ends_sentence(&self, text: &str) -> bool {
        let (next, k, e) = (self.next, self.next_at, self.block_end);
        if next.is_lowercase() {
            return false;
        }
        if self.quoted && attribution_follows(text, k, e) {
            return false;
        }
        // A following quote or bracket opens a sentence only if what it encloses starts with an
        // upper-case letter or digit: `in the U.S. "sporadically."` continues.
        let opens = || {
            if is_opening(next) {
                let inner = text
                    .get(k..e)
                    .unwrap_or("")
                    .chars()
                    .find(|&c| !is_opening(c));
                return inner.is_some_and(|c| c.is_uppercase() || c.is_numeric());
            }
            abbrev::is_opener(word_at(text, k, e))
        };
        match self.kind {
            Term::Strong => true,
            Term::Ellipsis => opens(),
            Term::Period => match abbrev::kind(word_before(text, self.sent_start, self.term_start))
            {
                Some(AbbrevKind::Hard) => false,
                Some(AbbrevKind::Soft) => !next.is_ascii_digit() && opens(),
                Some(AbbrevKind::Free) | None => true,
            },
        }
    }
}

fn push_trimmed(text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    let Some(piece) = text.get(s..e) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push((s + lead, e - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_and_titles() {
        assert_eq!(
            sents("Gen. Lt. Col. John Smith met Mr. Jones. Sen. Brown and Gov. Lee left."),
            vec![
                "Gen. Lt. Col. John Smith met Mr. Jones.",
                "Sen. Brown and Gov. Lee left."
            ]
        );
        assert_eq!(
            sents("U.S. officials met U.N. envoys in the U.K. on Friday. They left."),
            vec![
                "U.S. officials met U.N. envoys in the U.K. on Friday.",
                "They left."
            ]
        );
        assert_eq!(
            sents("He lives in the U.S. The war goes on."),
            vec!["He lives in the U.S.", "The war goes on."]
        );
        assert_eq!(
            sents("Apple Inc. Chief Tim Cook spoke. Acme Corp. The end."),
            vec!["Apple Inc. Chief Tim Cook spoke.", "Acme Corp.", "The end."]
        );
        assert_eq!(
            sents("On Jan. 5 and Sept. 11 at 10 a.m. Tuesday troops moved. No. 10 said no."),
            vec![
                "On Jan. 5 and Sept. 11 at 10 a.m. Tuesday troops moved.",
                "No. 10 said no."
            ]
        );
        assert_eq!(
            sents("It met at 5 p.m. The talks ended."),
            vec!["It met at 5 p.m.", "The talks ended."]
        );
        assert_eq!(
            sents("Rep. Ann Lee (D-Calif.) and St. Petersburg officials vs. E.U. ones spoke."),
            vec!["Rep. Ann Lee (D-Calif.) and St. Petersburg officials vs. E.U. ones spoke."]
        );
        assert_eq!(
            sents("He was ill. Russia said no. Sen. Ann Lee (D-Calif.) left. Martin Luther King Jr. The end."),
            vec!["He was ill.", "Russia said no.", "Sen. Ann Lee (D-Calif.) left.", "Martin Luther King Jr.", "The end."]
        );
        assert_eq!(
            sents("Tanks, jets, etc. Officials said so."),
            vec!["Tanks, jets, etc.", "Officials said so."]
        );
    }

    #[test]
    fn initials_and_numbers() {
        assert_eq!(
            sents("J. D. Vance met George W. Bush. Growth was 3.5 percent of 1,000 units."),
            vec![
                "J. D. Vance met George W. Bush.",
                "Growth was 3.5 percent of 1,000 units."
            ]
        );
        assert_eq!(
            sents("It ended in 2015. 2016 was worse."),
            vec!["It ended in 2015.", "2016 was worse."]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            sents("\u{201c}Why now?\u{201d} he asked. \u{201c}We won.\u{201d} Then they left."),
            vec![
                "\u{201c}Why now?\u{201d} he asked.",
                "\u{201c}We won.\u{201d}",
                "Then they left."
            ]
        );
        assert_eq!(
            sents("\"Why now?\" Gen. Smith asked. He said \"no.\" The talks ended."),
            vec![
                "\"Why now?\" Gen. Smith asked.",
                "He said \"no.\"",
                "The talks ended."
            ]
        );
        assert_eq!(
            sents("He left. \"We will fight,\" he said. (It rained.) Then?"),
            vec![
                "He left.",
                "\"We will fight,\" he said.",
                "(It rained.)",
                "Then?"
            ]
        );
        assert_eq!(
            sents("Is it over?! Yes! It is."),
            vec!["Is it over?!", "Yes!", "It is."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents(
                "We waited... The convoy came. It stopped\u{2026} and left... Russian jets flew."
            ),
            vec![
                "We waited...",
                "The convoy came.",
                "It stopped\u{2026} and left... Russian jets flew."
            ]
        );
    }

    #[test]
    fn paragraphs_and_headings() {
        let text = "Russia, Iran coordinate with Syria\n\nTEHRAN \u{2013} Agence France-Presse\nRussia, Iran talk\n\nAFP photo\n\nThe ministers met on June 9.\nThey talked\nabout the war. It was\nlong";
        assert_eq!(
            sents(text),
            vec![
                "Russia, Iran coordinate with Syria",
                "TEHRAN \u{2013} Agence France-Presse",
                "Russia, Iran talk",
                "AFP photo",
                "The ministers met on June 9.",
                "They talked\nabout the war.",
                "It was\nlong"
            ]
        );
        assert_eq!(sents("One\r\n\r\nTwo"), vec!["One", "Two"]);
        // Hard-wrapped prose keeps its sentences across line ends.
        let wrapped = "An auto trade group earlier this month urged the president to set up an\n  advisory committee to coordinate regulators. The Alliance of Automobile\n  Manufacturers also called on Trump to conduct a review of all rules and\n  actions since Sept. 1.";
        assert_eq!(sents(wrapped).len(), 2, "{:?}", sents(wrapped));
        let per_line = format!(
            "{} in Hawaii\nU.N. chief Ban also condemned it.\nRelations were strained.",
            "The White House condemned the killing, saying it was unacceptable; ".repeat(3)
        );
        assert_eq!(sents(&per_line).len(), 3, "{:?}", sents(&per_line));
        assert_eq!(
            sents("Cases appear in the U.S. \"sporadically.\" \"It is early,\" he said."),
            vec![
                "Cases appear in the U.S. \"sporadically.\"",
                "\"It is early,\" he said."
            ]
        );
        assert_eq!(
            sents("She was found some 140 miles\n(225km) from home."),
            vec!["She was found some 140 miles\n(225km) from home."]
        );
        assert_eq!(
            sents("A sentence with no end"),
            vec!["A sentence with no end"]
        );
        assert!(sents("   \n\n  ").is_empty());
    }

    #[test]
    fn no_split_without_space() {
        assert_eq!(
            sents("See example.com.It is U.S.-led. Done."),
            vec!["See example.com.It is U.S.-led.", "Done."]
        );
    }
}
