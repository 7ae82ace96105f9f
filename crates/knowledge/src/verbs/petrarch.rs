//! Loader for TABARI/PETRARCH verb dictionaries: the CAMEO.2.0 file of PETRARCH-2, the
//! UniversalPetrarch validation verbs and the TABARI-style PETRARCH-1 validation verbs.
//!
//! ```text
//! &SYNSET            synonym set; members `+WORD`, `+TWO_WORDS`, `+&OTHER`, `+(A PHRASE)`
//! --- NAME [code] --- block; the code applies when no pattern of the block matches
//! WORD {FORMS}       verbs of the block (`+MULTI_WORD {+FORMS_WORD}` for phrasal verbs)
//! - $ words * words + [code]   pattern: `*` verb, `+` target, `$` source, `%` compound
//! ```
//! `{}` and `()` only group words (noun and prepositional phrases); `_` joins words;
//! `[---]` matches without coding. Pattern ids are `file:line`.

use std::path::Path;

use super::{inflect, norm_word, Elem, TriggerKind, VerbDictionary, VerbPattern};
use crate::KnowledgeError;

/// Words of a synset member or pattern token with grouping characters removed.
fn clean_words(s: &str) -> Vec<String> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .map(|w| w.trim_matches(|c| matches!(c, '{' | '}' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .map(norm_word)
        .collect()
}

/// A member without a trailing `_` also matches its plural.
fn with_plural(words: Vec<String>, exact: bool) -> Vec<Vec<String>> {
    if exact || words.is_empty() {
        return vec![words];
    }
    let last = words.last().cloned().unwrap_or_default();
    if last.len() < 3 || !last.bytes().all(|b| b.is_ascii_alphabetic()) {
        return vec![words];
    }
    let mut out = vec![words.clone()];
    for f in inflect::noun_forms(&last) {
        if f != last {
            let mut w = words.clone();
            if let Some(l) = w.last_mut() {
                *l = f;
            }
            out.push(w);
        }
    }
    out
}

fn parse_code(s: &str) -> Option<(String, Option<String>)> {
    let s = s.trim();
    if s.starts_with("---") {
        return Some((String::new(), None));
    }
    let ok =
        |c: &str| !c.is_empty() && c.len() <= 5 && c.bytes().all(|b| b.is_ascii_alphanumeric());
    match s.split_once(':') {
        Some((a, b)) if (a.trim().is_empty() || ok(a.trim())) && ok(b.trim()) => {
            Some((a.trim().to_string(), Some(b.trim().to_string())))
        }
        None if ok(s) => Some((s.to_string(), None)),
        _ => None,
    }
}

/// Parse `text` into `dict`; returns malformed lines.
pub(super) fn parse(dict: &mut VerbDictionary, text: &str, path: &Path) -> Vec<KnowledgeError> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let warn = |line: usize, reason: &str| KnowledgeError::Malformed {
        path: path.to_path_buf(),
        line,
        reason: reason.to_string(),
    };
    let mut synset: Option<String> = None;
    // Current block: its default code and verb triggers.
    let mut block_triggers: Vec<u32> = Vec::new();
    let mut block_code: Option<(String, Option<String>)> = None;
    let mut block_name = String::new();
    let mut in_comment = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let mut line = raw.trim();
        if in_comment {
            if line.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if line.starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        if let Some(i) = line.find('#') {
            line = line[..i].trim();
        }
        if line.is_empty() {
            synset = None;
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let name = norm_word(name.split_whitespace().next().unwrap_or(""));
            dict.synsets.entry(name.clone()).or_default();
            synset = Some(name);
            continue;
        }
        if line.starts_with("---") {
            synset = None;
            let inner = line.trim_matches('-').trim();
            let (name, code) = match (inner.find('['), inner.find(']')) {
                (Some(a), Some(b)) if a < b => (inner[..a].trim(), parse_code(&inner[a + 1..b])),
                _ => (inner, None),
            };
            block_name = clean_words(name).join("_");
            block_code = code.filter(|(c, _)| !c.is_empty());
            block_triggers.clear();
            continue;
        }
        if let Some(member) = line.strip_prefix('+').filter(|_| synset.is_some()) {
            let Some(name) = synset.clone() else { continue };
            let member = member.trim();
            let members: Vec<Vec<String>> = if let Some(other) = member.strip_prefix('&') {
                dict.synsets
                    .get(&norm_word(other.trim()))
                    .cloned()
                    .unwrap_or_default()
            } else {
                let exact = member.ends_with('_');
                with_plural(clean_words(member), exact)
            };
            dict.synsets.entry(name).or_default().extend(members);
            continue;
        }
        if let Some(pat) = line.strip_prefix('-') {
            synset = None;
            if block_triggers.is_empty() {
                warnings.push(warn(line_no, "pattern outside a verb block"));
                continue;
            }
            let (body, code) = match (pat.rfind('['), pat.rfind(']')) {
                (Some(a), Some(b)) if a < b => (&pat[..a], parse_code(&pat[a + 1..b])),
                _ => (pat, None),
            };
            let Some((code, paired)) = code else {
                warnings.push(warn(line_no, "pattern without a valid [code]"));
                continue;
            };
            match build(dict, body, &file, line_no, code, paired) {
                Ok(p) => {
                    for &t in &block_triggers.clone() {
                        let mut p = p.clone();
                        if block_triggers.len() > 1 {
                            p.id = format!("{}#{}", p.id, t);
                        }
                        dict.add_pattern(t, p);
                    }
                }
                Err(e) => warnings.push(warn(line_no, &e)),
            }
            continue;
        }
        // A verb line of the current block.
        synset = None;
        if line.starts_with('~') {
            // PETRARCH-2 transformation rules ("~ a (a b ATTACK) SAY = a b 015"): the coder
            // applies its own reported-speech conventions instead.
            continue;
        }
        // A verb may carry its own default code: `ASK [020]`.
        let mut verb_code = None;
        if let (Some(a), Some(b)) = (line.find('['), line.rfind(']')) {
            if a < b {
                verb_code = parse_code(&line[a + 1..b]).filter(|(c, _)| !c.is_empty());
                line = line[..a].trim();
            }
        }
        let (head, forms) = match (line.find('{'), line.find('}')) {
            (Some(a), Some(b)) if a < b => (line[..a].trim(), Some(&line[a + 1..b])),
            _ => (line, None),
        };
        let head = head.trim_start_matches('+');
        let words = clean_words(head);
        if words.is_empty() || !words.iter().all(|w| w.chars().any(char::is_alphabetic)) {
            warnings.push(warn(line_no, "unreadable verb line"));
            continue;
        }
        let lemma = words.join(" ");
        let t = dict.trigger(TriggerKind::Verb, &lemma);
        if let Some(forms) = forms {
            for f in forms.split_whitespace() {
                let fw = clean_words(f.trim_start_matches('+'));
                if let Some(first) = fw.first() {
                    let irr = dict.irregular.entry(words[0].clone()).or_default();
                    if first.ends_with("ing") || first.ends_with('s') && !first.ends_with("ss") {
                        continue;
                    }
                    if !irr.0.contains(first) {
                        irr.0.push(first.clone());
                        irr.1.push(first.clone());
                    }
                }
            }
            // Keep regular forms too: PETRARCH lists only the irregular ones.
            if let Some(irr) = dict.irregular.get_mut(&words[0]) {
                let reg = inflect::verb_forms(&words[0], None);
                for r in reg.past {
                    if !irr.0.contains(&r) && !forms.to_lowercase().contains(&r) {
                        // Regular forms are only added when the file listed none of them.
                        if irr.0.is_empty() {
                            irr.0.push(r.clone());
                            irr.1.push(r);
                        }
                    }
                }
            }
        }
        if let Some((code, paired)) = verb_code.as_ref().or(block_code.as_ref()) {
            if dict
                .triggers
                .get(t as usize)
                .is_some_and(|tr| tr.default.is_none())
            {
                let p = VerbPattern {
                    id: format!("{file}:{block_name}"),
                    code: code.clone(),
                    paired: paired.clone(),
                    symmetric: false,
                    pre: Vec::new(),
                    post: Vec::new(),
                    no_target: false,
                    compound: false,
                    modality: None,
                };
                dict.patterns.push(p);
                let idx = (dict.patterns.len() - 1) as u32;
                if let Some(tr) = dict.triggers.get_mut(t as usize) {
                    tr.default = Some(idx);
                }
            }
        }
        block_triggers.push(t);
    }
    warnings
}

fn build(
    dict: &mut VerbDictionary,
    body: &str,
    file: &str,
    line_no: usize,
    code: String,
    paired: Option<String>,
) -> Result<VerbPattern, String> {
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let mut seen_star = false;
    let mut compound = false;
    // `PLANES_*` glues a word to the verb: split on `_` but keep `*` as its own token.
    let spaced = body.replace('*', " * ").replace('_', " ");
    for tok in spaced.split_whitespace() {
        let side = if seen_star { &mut post } else { &mut pre };
        let tok = tok.trim_matches(|c| matches!(c, '{' | '}' | '(' | ')'));
        if tok.is_empty() {
            continue;
        }
        match tok {
            "*" => seen_star = true,
            "+" => side.push(Elem::Target),
            "$" => side.push(Elem::Source),
            "%" => compound = true,
            "^" | "=" | "|" => {}
            t if t.starts_with('&') => {
                let name = norm_word(t.trim_start_matches('&'));
                let alts = dict
                    .synsets
                    .get(&name)
                    .cloned()
                    .filter(|a| !a.is_empty())
                    .ok_or_else(|| format!("unknown synset {t}"))?;
                let a = dict.add_alts(alts);
                side.push(Elem::Words(a));
            }
            t => {
                let w = norm_word(t);
                let alts = with_plural(vec![w], false);
                let a = dict.add_alts(alts);
                side.push(Elem::Words(a));
            }
        }
    }
    if !seen_star {
        // TABARI patterns without `*` list the words after the verb.
        post = std::mem::take(&mut pre);
    }
    Ok(VerbPattern {
        id: format!("{file}:{line_no}"),
        code,
        paired,
        symmetric: false,
        pre,
        post,
        no_target: false,
        compound,
        modality: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# comment
&TIETYPES
+MILITARY
+ECONOMIC

&ACCORDSYN
+&TIETYPES
+CLOSER

--- AGREE [050] ---
AGREE
CONCUR
- % *  [050]
- * (TO {PEACE PLAN}) [037]
- * ON &TIETYPES TIES [0311:0312]
- $ * + [bad
--- MEET [031:031] ---
MEET {MET MEETS MEETING}
- * + [---]
";

    #[test]
    fn loads_blocks_synsets_and_patterns() {
        let mut d = VerbDictionary::default();
        let w = parse(&mut d, SAMPLE, Path::new("x.verbs.txt"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].to_string().contains("x.verbs.txt:16"));
        assert_eq!(d.synsets["accordsyn"].len(), 2 * 2 + 2);
        d.build_forms();
        let agree = &d.triggers[d.lookup("agreed")[0].trigger as usize];
        assert_eq!(agree.lemma, "agree");
        assert_eq!(agree.patterns.len(), 3);
        let p = &d.patterns[agree.patterns[2] as usize];
        assert_eq!(p.code, "0311");
        assert_eq!(p.paired.as_deref(), Some("0312"));
        assert_eq!(p.post.len(), 3);
        assert!(d.patterns[agree.patterns[0] as usize].compound);
        assert!(!d.lookup("met").is_empty());
        let meet = &d.triggers[d.lookup("met")[0].trigger as usize];
        assert_eq!(d.patterns[meet.default.unwrap() as usize].code, "031");
        assert_eq!(d.patterns[meet.patterns[0] as usize].code, "");
    }

    #[test]
    fn loads_the_validation_dictionaries_when_present() {
        let base =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/benchmarks/petrarch2");
        let files = [
            "petrarch2_unittest/PETR.Validate.verbs.txt",
            "ud_validate_2_02/PETR_Validate_verbs_2_02.txt",
            "phoenix_dictionaries/CAMEO.2.0.txt",
        ];
        for f in files {
            let p = base.join(f);
            if !p.exists() {
                eprintln!("skipping: {} missing", p.display());
                continue;
            }
            let mut d = VerbDictionary::default();
            let w = d.load_petrarch_verbs(&p).unwrap();
            assert!(
                d.pattern_count() > 300,
                "{f}: {} patterns",
                d.pattern_count()
            );
            assert!(
                w.len() < 40,
                "{f}: {} warnings, first {:?}",
                w.len(),
                w.first().map(|e| e.to_string())
            );
        }
    }
}
