//! Direct-quote spans from quotation marks in the raw body.
//!
//! Straight (`"`) and curly (`“ ”`) double marks, plus guillemets and low-9 marks. A quote
//! that is still open at the end of a paragraph continues when the next paragraph opens with
//! a quote mark (the newswire convention for multi-paragraph quotes); otherwise it ends with
//! its paragraph. Single quotes are not quote marks here: they are apostrophes far more often.

/// One quoted stretch inside one paragraph, in char offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Offset of the opening mark.
    pub open: usize,
    /// Offset just past the closing mark, or the paragraph end when the quote runs on.
    pub close: usize,
    /// Quoted text, trimmed, without the marks.
    pub start: usize,
    pub end: usize,
}

/// The segments of one quotation (several when it runs over paragraphs).
pub type Chain = Vec<Segment>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark(c: char) -> Option<Mark> {
    match c {
        '\u{201c}' | '\u{201e}' | '\u{00ab}' => Some(Mark::Open),
        '\u{201d}' | '\u{00bb}' => Some(Mark::Close),
        '"' => Some(Mark::Either),
        _ => None,
    }
}

/// Every quotation in `body`, in text order.
pub fn find(body: &str) -> Vec<Chain> {
    let chars: Vec<char> = body.chars().collect();
    let mut chains = Vec::new();
    let mut current: Chain = Vec::new();
    // Offset of the mark that opened the quote now running, if any.
    let mut open: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c == '\n' {
            if let Some(o) = open.take() {
                // Unclosed at paragraph end: keep the segment; continue only if the next
                // paragraph opens with a quote mark.
                push_segment(&chars, o, i, i, &mut current);
                let next = (i..chars.len())
                    .find(|&k| !chars.get(k).is_some_and(|c| c.is_whitespace()))
                    .unwrap_or(chars.len());
                let opens = chars
                    .get(next)
                    .and_then(|&c| mark(c))
                    .is_some_and(|m| m != Mark::Close);
                if opens {
                    open = Some(next);
                    i = next + 1;
                    continue;
                }
                flush(&mut current, &mut chains);
            }
            i += 1;
            continue;
        }
        if let Some(m) = mark(c) {
            let prev = if i == 0 {
                None
            } else {
                chars.get(i - 1).copied()
            };
            let looks_opening = prev.is_none_or(|p| {
                p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':')
            });
            match (open, m) {
                (None, Mark::Open) => open = Some(i),
                (None, Mark::Either) if looks_opening => open = Some(i),
                (None, _) => {}
                // A second opening mark: the first was never closed; restart here.
                (Some(_), Mark::Open) => open = Some(i),
                (Some(o), _) => {
                    push_segment(&chars, o, i + 1, i, &mut current);
                    flush(&mut current, &mut chains);
                    open = None;
                }
            }
        }
        i += 1;
    }
    if let Some(o) = open {
        push_segment(&chars, o, chars.len(), chars.len(), &mut current);
    }
    flush(&mut current, &mut chains);
    chains
}

/// Add the segment opened at `open` whose content ends at `content_end`.
fn push_segment(chars: &[char], open: usize, close: usize, content_end: usize, out: &mut Chain) {
    let mut start = open + 1;
    let mut end = content_end.max(start);
    while start < end && chars.get(start).is_some_and(|c| c.is_whitespace()) {
        start += 1;
    }
    while end > start && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
        end -= 1;
    }
    if end > start {
        out.push(Segment {
            open,
            close,
            start,
            end,
        });
    }
}

fn flush(current: &mut Chain, chains: &mut Vec<Chain>) {
    if !current.is_empty() {
        chains.push(std::mem::take(current));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<Vec<String>> {
        let chars: Vec<char> = body.chars().collect();
        find(body)
            .iter()
            .map(|c| {
                c.iter()
                    .map(|s| chars[s.start..s.end].iter().collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            texts("He said \u{201c}yes\u{201d} and \"no\" today."),
            vec![vec!["yes".to_string()], vec!["no".to_string()]]
        );
    }

    #[test]
    fn multi_paragraph_runs_on() {
        let body = "\u{201c}First part.\n\n\u{201c}Second part,\u{201d} he said.\n\nNo quote.";
        assert_eq!(
            texts(body),
            vec![vec!["First part.".to_string(), "Second part,".to_string()]]
        );
    }

    #[test]
    fn unclosed_ends_with_paragraph() {
        let body = "\u{201c}Never closed\n\nPlain text \"here\".";
        assert_eq!(
            texts(body),
            vec![vec!["Never closed".to_string()], vec!["here".to_string()]]
        );
    }

    proptest::proptest! {
        #[test]
        fn segments_are_ordered_and_in_bounds(s in "[a-z \n\"\u{201c}\u{201d}.,]{0,120}") {
            let n = s.chars().count();
            let mut last_close = 0;
            for chain in find(&s) {
                proptest::prop_assert!(!chain.is_empty());
                for seg in chain {
                    proptest::prop_assert!(seg.open < seg.start);
                    proptest::prop_assert!(seg.start < seg.end && seg.end <= seg.close);
                    proptest::prop_assert!(seg.close <= n);
                    proptest::prop_assert!(seg.open >= last_close);
                    last_close = seg.close;
                }
            }
        }
    }

    #[test]
    fn stray_marks_are_ignored() {
        assert!(texts("a 12\" pipe\u{201d} end").is_empty());
        assert!(texts("").is_empty());
    }
}
