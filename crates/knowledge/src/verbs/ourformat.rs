//! Parser for wirecoder's own verb-dictionary format (see `data/verbs/FORMAT.md`).
//!
//! ```text
//! &NAME = words | words | &OTHER          synonym set
//! @NAME = frame ; frame                   frame macro
//! IRR lemma past[/past2] participle[/pp2] irregular verb
//! V lemma, lemma | CODE | frame ; frame   verbs (first word inflected)
//! N lemma, lemma | CODE | frame ; frame   event nouns
//! M lemma, lemma | CODE MODALITY | frames modal verbs/nouns (intent threat refuse appeal demand)
//! ```
//! CODE is `190`, `042:043` (paired) or `040~` (reciprocal). Frame tokens: `+` target,
//! `$` source, `*` trigger position, `_` no target, `&SYN`, `a/b` alternatives,
//! `=CODE` override at the end, `@MACRO` as a whole frame. Each lemma × frame is one
//! pattern, id `V.lemma.frame`.

use std::path::Path;

use super::{norm_word, Elem, Modality, TriggerKind, VerbDictionary, VerbPattern};
use crate::KnowledgeError;

struct Code {
    code: String,
    paired: Option<String>,
    symmetric: bool,
}

fn parse_code(s: &str) -> Option<Code> {
    let s = s.trim();
    let (s, symmetric) = match s.strip_suffix('~') {
        Some(r) => (r, true),
        None => (s, false),
    };
    let (a, b) = match s.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let ok = |c: &str| !c.is_empty() && c.len() <= 4 && c.bytes().all(|b| b.is_ascii_digit());
    if !ok(a) || b.is_some_and(|b| !ok(b)) {
        return None;
    }
    Some(Code {
        code: a.to_string(),
        paired: b.map(str::to_string),
        symmetric,
    })
}

fn parse_modality(s: &str) -> Option<Modality> {
    Some(match s {
        "intent" => Modality::Intent,
        "threat" => Modality::Threat,
        "refuse" => Modality::Refuse,
        "appeal" => Modality::Appeal,
        "demand" => Modality::Demand,
        _ => return None,
    })
}

fn malformed(path: &Path, line: usize, reason: impl Into<String>) -> KnowledgeError {
    KnowledgeError::Malformed {
        path: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

/// Expand a synset alternative list (`a b | &X | c`) into word sequences.
fn expand_alts(dict: &VerbDictionary, text: &str, sep: char) -> Result<Vec<Vec<String>>, String> {
    let mut out = Vec::new();
    for alt in text.split(sep) {
        let alt = alt.trim();
        if alt.is_empty() {
            continue;
        }
        if let Some(name) = alt.strip_prefix('&') {
            match dict.synsets.get(&norm_word(name)) {
                Some(seqs) => out.extend(seqs.iter().cloned()),
                None => return Err(format!("unknown synset &{name}")),
            }
        } else {
            out.push(alt.split_whitespace().map(norm_word).collect());
        }
    }
    if out.is_empty() {
        return Err("empty alternative list".into());
    }
    Ok(out)
}

/// Parse `text` into `dict`; returns malformed lines.
pub(super) fn parse(dict: &mut VerbDictionary, text: &str, path: &Path) -> Vec<KnowledgeError> {
    let mut warnings = Vec::new();
    let mut macros: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('&') {
            let Some((name, alts)) = rest.split_once('=') else {
                warnings.push(malformed(path, line_no, "synset needs `&NAME = a | b`"));
                continue;
            };
            match expand_alts(dict, alts, '|') {
                Ok(seqs) => {
                    dict.synsets.insert(norm_word(name.trim()), seqs);
                }
                Err(e) => warnings.push(malformed(path, line_no, e)),
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix('@') {
            let Some((name, frames)) = rest.split_once('=') else {
                warnings.push(malformed(
                    path,
                    line_no,
                    "macro needs `@NAME = frame ; frame`",
                ));
                continue;
            };
            let mut list = Vec::new();
            for f in frames.split(';') {
                let f = f.trim();
                if let Some(m) = f.strip_prefix('@') {
                    list.extend(macros.get(m).cloned().unwrap_or_default());
                } else if !f.is_empty() {
                    list.push(f.to_string());
                }
            }
            macros.insert(name.trim().to_string(), list);
            continue;
        }
        if let Some(rest) = line.strip_prefix("IRR ") {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            if parts.len() != 3 {
                warnings.push(malformed(
                    path,
                    line_no,
                    "IRR needs `lemma past participle`",
                ));
                continue;
            }
            let split = |s: &str| s.split('/').map(norm_word).collect::<Vec<_>>();
            dict.irregular
                .insert(norm_word(parts[0]), (split(parts[1]), split(parts[2])));
            continue;
        }
        let (kind, rest) = match line.split_once(' ') {
            Some(("V", r)) => (TriggerKind::Verb, r),
            Some(("N", r)) => (TriggerKind::Noun, r),
            Some(("M", r)) => (TriggerKind::Verb, r),
            Some(("MN", r)) => (TriggerKind::Noun, r),
            _ => {
                warnings.push(malformed(path, line_no, "unknown line type"));
                continue;
            }
        };
        let is_modal = line.starts_with('M');
        let fields: Vec<&str> = rest.split('|').map(str::trim).collect();
        if fields.len() != 3 {
            warnings.push(malformed(
                path,
                line_no,
                "entry needs `lemmas | CODE | frames`",
            ));
            continue;
        }
        let mut code_parts = fields[1].split_whitespace().peekable();
        let Some(mut code) = code_parts.next().and_then(parse_code) else {
            warnings.push(malformed(
                path,
                line_no,
                format!("bad code {:?}", fields[1]),
            ));
            continue;
        };
        // `021 =0211`: the line's frames take the more specific code.
        if let Some(ov) = code_parts.peek().and_then(|p| p.strip_prefix('=')) {
            match parse_code(ov) {
                Some(c) => code = c,
                None => {
                    warnings.push(malformed(
                        path,
                        line_no,
                        format!("bad code {:?}", fields[1]),
                    ));
                    continue;
                }
            }
            code_parts.next();
        }
        let modality = if is_modal {
            match code_parts.next().and_then(parse_modality) {
                Some(m) => Some(m),
                None => {
                    warnings.push(malformed(path, line_no, "M entry needs a modality"));
                    continue;
                }
            }
        } else {
            None
        };
        let mut frames: Vec<String> = Vec::new();
        for f in fields[2].split(';') {
            let f = f.trim();
            if let Some(m) = f.strip_prefix('@') {
                match macros.get(m) {
                    Some(list) => frames.extend(list.iter().cloned()),
                    None => warnings.push(malformed(path, line_no, format!("unknown macro @{m}"))),
                }
            } else if !f.is_empty() {
                frames.push(f.to_string());
            }
        }
        let kind_letter = match (kind, is_modal) {
            (TriggerKind::Verb, false) => "V",
            (TriggerKind::Noun, false) => "N",
            (TriggerKind::Verb, true) => "M",
            (TriggerKind::Noun, true) => "MN",
        };
        for lemma in fields[0].split(',') {
            let lemma = lemma
                .split_whitespace()
                .map(norm_word)
                .collect::<Vec<_>>()
                .join(" ");
            if lemma.is_empty() {
                continue;
            }
            let t = dict.trigger(kind, &lemma);
            for frame in &frames {
                match build_pattern(dict, kind_letter, &lemma, frame, &code, modality) {
                    Ok(p) => {
                        dict.add_pattern(t, p);
                    }
                    Err(e) => warnings.push(malformed(path, line_no, e)),
                }
            }
        }
    }
    warnings
}

fn build_pattern(
    dict: &mut VerbDictionary,
    kind_letter: &str,
    lemma: &str,
    frame: &str,
    code: &Code,
    modality: Option<Modality>,
) -> Result<VerbPattern, String> {
    let mut pre = Vec::new();
    let mut post = Vec::new();
    let mut seen_star = false;
    let mut no_target = false;
    let mut compound = false;
    let mut this_code = Code {
        code: code.code.clone(),
        paired: code.paired.clone(),
        symmetric: code.symmetric,
    };
    let mut id_parts = Vec::new();
    let tokens: Vec<&str> = frame.split_whitespace().collect();
    let has_star = tokens.contains(&"*");
    for tok in &tokens {
        if let Some(c) = tok.strip_prefix('=') {
            this_code = parse_code(c).ok_or_else(|| format!("bad code override {tok}"))?;
            continue;
        }
        id_parts.push(tok.to_string());
        let target = if has_star && !seen_star {
            &mut pre
        } else {
            &mut post
        };
        match *tok {
            "*" => seen_star = true,
            "+" => target.push(Elem::Target),
            "_" => no_target = true,
            "%" => {
                compound = true;
                no_target = true;
            }
            "$" => target.push(Elem::Source),
            "$'s" => {
                target.push(Elem::Source);
                let a = dict.add_alts(vec![vec!["'s".to_string()]]);
                target.push(Elem::Words(a));
            }
            t if t.starts_with('&') || t.contains('/') => {
                let alts = expand_alts(dict, t, '/')?;
                let a = dict.add_alts(alts);
                target.push(Elem::Words(a));
            }
            t => {
                let a = dict.add_alts(vec![vec![norm_word(t)]]);
                target.push(Elem::Words(a));
            }
        }
    }
    let id = format!(
        "{kind_letter}.{}.{}",
        lemma.replace(' ', "_"),
        if id_parts.is_empty() {
            "default".to_string()
        } else {
            id_parts.join("_")
        }
    );
    Ok(VerbPattern {
        id,
        code: this_code.code,
        paired: this_code.paired,
        symmetric: this_code.symmetric,
        pre,
        post,
        no_target,
        compound,
        modality,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_frames_and_synsets() {
        let mut d = VerbDictionary::default();
        let text = "\
&AID = aid | assistance
@OBJ = + ; + with &AID =070
IRR hold held held
V attack, assault | 190 | @OBJ ; on +
N visit | 042:043 | $'s * ; * by $ to +
M pledge | 030 intent | to
V hold talks | 040~ | with + ; _
V clash | 190 | with + ; %
bogus line
V x | 9a9 | +
";
        let w = parse(&mut d, text, Path::new("t.txt"));
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].to_string().starts_with("t.txt:9:"));
        // attack, assault × 3 frames, visit × 2, pledge × 1, hold talks × 2, clash × 2
        assert_eq!(d.patterns.len(), 6 + 2 + 1 + 2 + 2);
        let c = d.patterns.iter().find(|p| p.id == "V.clash.%").unwrap();
        assert!(c.compound && c.no_target && !c.symmetric);
        let p = d
            .patterns
            .iter()
            .find(|p| p.id == "V.attack.+_with_&AID")
            .unwrap();
        assert_eq!(p.code, "070");
        let v = d.patterns.iter().find(|p| p.id == "N.visit.$'s_*").unwrap();
        assert_eq!(v.paired.as_deref(), Some("043"));
        assert_eq!(v.pre.len(), 2);
        let t = d
            .patterns
            .iter()
            .find(|p| p.id == "V.hold_talks._")
            .unwrap();
        assert!(t.symmetric && t.no_target);
        assert_eq!(d.irregular.get("hold").unwrap().0, vec!["held"]);
        let m = d.patterns.iter().find(|p| p.id == "M.pledge.to").unwrap();
        assert_eq!(m.modality, Some(Modality::Intent));
    }
}
