//! spaCy's rule tokenizer: whitespace split, prefix/suffix/infix regexes, special cases and
//! the special-case matcher pass (`spacy/tokenizer.pyx`).

use std::collections::HashMap;

use fancy_regex::Regex;

use crate::format::TokenizerRules;
use crate::strings::PyChars;
use crate::ModelError;

/// One token: a byte range of the text, the special-case NORM if any, and whether a single
/// space follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    pub start: usize,
    pub end: usize,
    pub norm: Option<u32>,
    pub spacy: bool,
}

/// A piece of a special case: ORTH length in bytes and NORM index.
#[derive(Debug, Clone)]
struct Piece {
    len: usize,
    norm: Option<u32>,
}

/// Token pieces of one chunk relative to the chunk start. No per-chunk cache: the regex
/// pre-filters make it unnecessary, and a long-lived cache fragmented the heap (RSS).
type ChunkTokens = Vec<(usize, usize, Option<u32>)>;

pub(crate) struct Tokenizer {
    prefix: Pattern,
    suffix: Pattern,
    infix: Pattern,
    url: Pattern,
    specials: HashMap<String, Vec<Piece>>,
    /// Interned special-case NORM strings.
    pub norms: Vec<String>,
    /// Special-case matcher patterns keyed by their first ORTH.
    patterns: HashMap<String, Vec<Vec<String>>>,
}

/// A tokenizer pattern: the exact (look-around) regex plus a fast necessary condition.
struct Pattern {
    exact: Regex,
    /// The same pattern with every look-around deleted: it matches wherever the exact
    /// pattern matches (look-arounds only restrict), so "no filter match" proves "no match".
    filter: Option<regex::Regex>,
}

impl Pattern {
    fn new(p: &str) -> Result<Self, ModelError> {
        let exact = Regex::new(p).map_err(|e| ModelError::Regex(e.to_string()))?;
        let filter = regex::Regex::new(&strip_lookaround(p)).ok();
        Ok(Self { exact, filter })
    }

    fn may_match(&self, s: &str) -> bool {
        self.filter.as_ref().is_none_or(|f| f.is_match(s))
    }

    fn find(&self, s: &str) -> Option<(usize, usize)> {
        if !self.may_match(s) {
            return None;
        }
        match self.exact.find(s) {
            Ok(Some(m)) => Some((m.start(), m.end())),
            _ => None,
        }
    }

    fn find_iter(&self, s: &str) -> Vec<(usize, usize)> {
        if !self.may_match(s) {
            return Vec::new();
        }
        self.exact
            .find_iter(s)
            .filter_map(Result::ok)
            .map(|m| (m.start(), m.end()))
            .collect()
    }
}

/// Delete `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)` groups and make character classes literal
/// for the `regex` crate (Python treats `[`, `&&`, `~~`, `--` in a class literally).
/// Returns a pattern matching a superset of the original's matches.
fn strip_lookaround(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len());
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            out.push(c);
            if let Some(&n) = chars.get(i + 1) {
                out.push(n);
            }
            i += 2;
            continue;
        }
        if in_class {
            match c {
                ']' => {
                    in_class = false;
                    out.push(c);
                }
                '[' | '&' | '~' | '-' if chars.get(i + 1) == Some(&c) || c == '[' => {
                    out.push('\\');
                    out.push(c);
                }
                _ => out.push(c),
            }
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
            out.push(c);
            // A leading `]` (or `^]`) is a literal in both dialects; copy it verbatim.
            if chars.get(i + 1) == Some(&'^') {
                out.push('^');
                i += 1;
            }
            if chars.get(i + 1) == Some(&']') {
                out.push_str("\\]");
                i += 1;
            }
            i += 1;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        if rest.starts_with("(?=")
            || rest.starts_with("(?!")
            || rest.starts_with("(?<=")
            || rest.starts_with("(?<!")
        {
            // Skip to the matching close paren.
            let mut depth = 0;
            let mut cls = false;
            while i < chars.len() {
                let d = chars[i];
                if d == '\\' {
                    i += 2;
                    continue;
                }
                if cls {
                    if d == ']' {
                        cls = false;
                    }
                } else if d == '[' {
                    cls = true;
                    if chars.get(i + 1) == Some(&'^') {
                        i += 1;
                    }
                    if chars.get(i + 1) == Some(&']') {
                        i += 1;
                    }
                } else if d == '(' {
                    depth += 1;
                } else if d == ')' {
                    depth -= 1;
                    if depth == 0 {
                        i += 1;
                        break;
                    }
                }
                i += 1;
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

impl Tokenizer {
    pub fn new(rules: &TokenizerRules, chars: &PyChars) -> Result<Self, ModelError> {
        let mut norms = Vec::new();
        let mut norm_ids: HashMap<String, u32> = HashMap::new();
        let mut specials = HashMap::new();
        for (key, pieces) in &rules.exceptions {
            let ps = pieces
                .iter()
                .map(|(orth, norm)| Piece {
                    len: orth.len(),
                    norm: norm.as_ref().map(|n| {
                        *norm_ids.entry(n.clone()).or_insert_with(|| {
                            norms.push(n.clone());
                            (norms.len() - 1) as u32
                        })
                    }),
                })
                .collect::<Vec<_>>();
            if ps.iter().map(|p| p.len).sum::<usize>() != key.len() {
                return Err(ModelError::Format(format!("special case {key:?} pieces")));
            }
            specials.insert(key.clone(), ps);
        }
        let mut tok = Self {
            prefix: Pattern::new(&rules.prefix)?,
            suffix: Pattern::new(&rules.suffix)?,
            infix: Pattern::new(&rules.infix)?,
            url: Pattern::new(&format!("^(?:{})", rules.url))?,
            specials,
            norms,
            patterns: HashMap::new(),
        };
        // faster_heuristics: only special cases the affix rules could split take part.
        let mut patterns: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for (key, _) in &rules.exceptions {
            let interesting = tok.prefix_len(key) > 0
                || tok.suffix_len(key) > 0
                || !tok.infixes(key).is_empty()
                || key.contains(' ');
            if !interesting {
                continue;
            }
            let toks = tok.tokenize_inner(key, chars, false);
            let orths: Vec<String> = toks
                .iter()
                .map(|t| key[t.start..t.end].to_string())
                .collect();
            if let Some(first) = orths.first() {
                patterns.entry(first.clone()).or_default().push(orths);
            }
        }
        tok.patterns = patterns;
        Ok(tok)
    }

    fn prefix_len(&self, s: &str) -> usize {
        self.prefix.find(s).map_or(0, |(a, b)| b - a)
    }

    fn suffix_len(&self, s: &str) -> usize {
        self.suffix.find(s).map_or(0, |(a, b)| b - a)
    }

    fn infixes(&self, s: &str) -> Vec<(usize, usize)> {
        self.infix.find_iter(s)
    }

    fn url_match(&self, s: &str) -> bool {
        self.url.find(s).is_some()
    }

    /// Which patterns got a fast pre-filter (prefix, suffix, infix, url).
    #[cfg(test)]
    fn filters(&self) -> [bool; 4] {
        [&self.prefix, &self.suffix, &self.infix, &self.url].map(|p| p.filter.is_some())
    }

    /// Tokenize `text` exactly like `nlp.make_doc`.
    pub fn tokenize(&self, text: &str, chars: &PyChars) -> Vec<RawToken> {
        let mut toks = self.tokenize_inner(text, chars, true);
        self.apply_special_cases(text, &mut toks);
        toks
    }

    fn tokenize_inner(&self, text: &str, chars: &PyChars, specials: bool) -> Vec<RawToken> {
        let mut toks = Vec::new();
        let mut in_ws = text.chars().next().is_some_and(|c| chars.is_space(c));
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if chars.is_space(c) != in_ws {
                if start < i {
                    self.chunk(text, start, i, specials, &mut toks);
                }
                if c == ' ' {
                    if let Some(last) = toks.last_mut() {
                        last.spacy = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.chunk(text, start, text.len(), specials, &mut toks);
        }
        toks
    }

    fn chunk(&self, text: &str, start: usize, end: usize, specials: bool, out: &mut Vec<RawToken>) {
        let s = &text[start..end];
        let mut pieces = Vec::new();
        self.chunk_pieces(s, specials, &mut pieces);
        out.extend(pieces.iter().map(|&(a, b, norm)| RawToken {
            start: start + a,
            end: start + b,
            norm,
            spacy: false,
        }));
    }

    fn push_special(&self, key: &str, offset: usize, out: &mut ChunkTokens) -> bool {
        match self.specials.get(key) {
            Some(pieces) => {
                let mut pos = offset;
                for p in pieces {
                    out.push((pos, pos + p.len, p.norm));
                    pos += p.len;
                }
                true
            }
            None => false,
        }
    }

    /// Pieces of one chunk `s` as byte ranges relative to `s`.
    fn chunk_pieces(&self, s: &str, specials: bool, out: &mut ChunkTokens) {
        if specials && self.push_special(s, 0, out) {
            return;
        }
        // _split_affixes: work on the window s[lo..hi].
        let (mut lo, mut hi) = (0usize, s.len());
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last = usize::MAX;
        while lo < hi && hi - lo != last {
            let cur = &s[lo..hi];
            if specials && self.specials.contains_key(cur) {
                break;
            }
            last = hi - lo;
            let pre = self.prefix_len(cur);
            if pre > 0 {
                let minus_pre = &cur[pre..];
                if !minus_pre.is_empty() && specials && self.specials.contains_key(minus_pre) {
                    prefixes.push((lo, lo + pre));
                    lo += pre;
                    break;
                }
            }
            let suf = self.suffix_len(&cur[pre..]);
            if suf > 0 {
                let minus_suf = &cur[..cur.len() - suf];
                if !minus_suf.is_empty() && specials && self.specials.contains_key(minus_suf) {
                    suffixes.push((hi - suf, hi));
                    hi -= suf;
                    break;
                }
            }
            if pre > 0 && suf > 0 && pre + suf <= cur.len() {
                prefixes.push((lo, lo + pre));
                suffixes.push((hi - suf, hi));
                lo += pre;
                hi -= suf;
            } else if pre > 0 {
                prefixes.push((lo, lo + pre));
                lo += pre;
            } else if suf > 0 {
                suffixes.push((hi - suf, hi));
                hi -= suf;
            }
        }
        // _attach_tokens
        out.extend(prefixes.iter().map(|&(a, b)| (a, b, None)));
        if lo < hi {
            let rest = &s[lo..hi];
            let hit = specials && self.push_special(rest, lo, out);
            if !hit {
                if self.url_match(rest) {
                    out.push((lo, hi, None));
                } else {
                    let matches = self.infixes(rest);
                    if matches.is_empty() {
                        out.push((lo, hi, None));
                    } else {
                        let mut start = 0;
                        for (ms, me) in matches {
                            if ms == 0 {
                                continue;
                            }
                            if ms != start {
                                out.push((lo + start, lo + ms, None));
                            }
                            if ms != me {
                                out.push((lo + ms, lo + me, None));
                            }
                            start = me;
                        }
                        if start < rest.len() {
                            out.push((lo + start, hi, None));
                        }
                    }
                }
            }
        }
        out.extend(suffixes.iter().rev().map(|&(a, b)| (a, b, None)));
    }

    /// The special-case matcher pass (`_apply_special_cases`).
    fn apply_special_cases(&self, text: &str, toks: &mut Vec<RawToken>) {
        if self.patterns.is_empty() || toks.is_empty() {
            return;
        }
        let orth = |t: &RawToken| &text[t.start..t.end];
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for i in 0..toks.len() {
            let Some(cands) = self.patterns.get(orth(&toks[i])) else {
                continue;
            };
            for pat in cands {
                let end = i + pat.len();
                if end <= toks.len() && pat.iter().zip(&toks[i..end]).all(|(p, t)| p == orth(t)) {
                    spans.push((i, end));
                }
            }
        }
        if spans.is_empty() {
            return;
        }
        // Longest first, then leftmost; keep a span iff its first and last token are unseen.
        spans.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        spans.dedup();
        let mut seen = vec![false; toks.len()];
        let mut kept = Vec::new();
        for &(s, e) in &spans {
            if !seen[s] && !seen[e - 1] {
                kept.push((s, e));
            }
            for flag in &mut seen[s..e] {
                *flag = true;
            }
        }
        kept.sort_unstable();
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        for (s, e) in kept {
            out.extend_from_slice(&toks[i..s]);
            i = s;
            let (a, b) = (toks[s].start, toks[e - 1].end);
            let mut pieces = Vec::new();
            if self.push_special(&text[a..b], a, &mut pieces) {
                let last_spacy = toks[e - 1].spacy;
                let n = pieces.len();
                out.extend(
                    pieces
                        .into_iter()
                        .enumerate()
                        .map(|(k, (x, y, norm))| RawToken {
                            start: x,
                            end: y,
                            norm,
                            spacy: k + 1 == n && last_spacy,
                        }),
                );
                i = e;
            }
        }
        out.extend_from_slice(&toks[i..]);
        *toks = out;
    }
}

#[cfg(test)]
mod tests {
    use super::strip_lookaround;

    #[test]
    fn lookarounds_are_removed_and_classes_made_literal() {
        assert_eq!(strip_lookaround(r"(?<=[0-9])km$|^\+(?![0-9])"), r"km$|^\+");
        assert_eq!(strip_lookaround(r"[a[&&]x(?=[)(])"), r"[a\[\&&]x");
    }

    #[test]
    fn all_model_patterns_get_a_filter() {
        let m = crate::Model::embedded().expect("model");
        assert_eq!(m.tokenizer.filters(), [true; 4]);
    }
}
