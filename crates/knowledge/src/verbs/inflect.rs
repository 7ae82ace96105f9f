//! English inflection generation for dictionary lemmas: regular rules plus the irregular
//! table of `data/verbs/irregular.txt`.

/// The forms of one verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForms {
    pub base: String,
    pub third: String,
    pub past: Vec<String>,
    pub participle: Vec<String>,
    pub gerund: String,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Verbs of more than one syllable whose final consonant doubles (stress on the last
/// syllable): "commit" → "committed". One-syllable CVC verbs double by rule.
const DOUBLING: &[&str] = &[
    "commit", "admit", "submit", "permit", "omit", "transmit", "emit", "acquit", "equip",
    "control", "patrol", "compel", "expel", "repel", "propel", "dispel", "rebel", "refer",
    "confer", "prefer", "defer", "deter", "infer", "occur", "recur", "regret", "abet", "embed",
    "outstrip", "kidnap", "worship", "handicap", "format", "upset", "reset", "allot", "forbid",
    "befit", "extol", "instil", "enrol", "annul", "excel", "label",
];

fn syllable_groups(w: &[u8]) -> usize {
    let mut groups = 0;
    let mut prev = false;
    for &c in w {
        let v = is_vowel(c) || c == b'y';
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    groups
}

/// Whether the final consonant doubles before -ed/-ing.
fn doubles(w: &str) -> bool {
    if DOUBLING.contains(&w) {
        return true;
    }
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 {
        return false;
    }
    let (c1, v, c2) = (b[n - 3], b[n - 2], b[n - 1]);
    !is_vowel(c1)
        && is_vowel(v)
        && !is_vowel(c2)
        && !matches!(c2, b'w' | b'x' | b'y')
        && syllable_groups(b) == 1
        && (c1 != b'q' || v != b'u')
}

/// Generate the forms of `lemma`; `irregular` gives (past, participle) when listed.
pub fn verb_forms(lemma: &str, irregular: Option<&(Vec<String>, Vec<String>)>) -> VerbForms {
    let w = lemma;
    let b = w.as_bytes();
    let last = b.last().copied().unwrap_or(b'a');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'a' };
    let third = if w.ends_with("ss")
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with('o') && !w.ends_with("oo")
    {
        format!("{w}es")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &w[..w.len() - 1])
    } else if w == "be" {
        "is".to_string()
    } else if w == "have" {
        "has".to_string()
    } else {
        format!("{w}s")
    };
    let ed = if last == b'e' {
        format!("{w}d")
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ied", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ed", last as char)
    } else if last == b'c' && w.len() > 3 {
        format!("{w}ked")
    } else {
        format!("{w}ed")
    };
    let gerund = if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if last == b'e' && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") {
        format!("{}ing", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ing", last as char)
    } else if last == b'c' && w.len() > 3 {
        format!("{w}king")
    } else {
        format!("{w}ing")
    };
    let (past, participle) = match irregular {
        Some((p, pp)) => (p.clone(), pp.clone()),
        None => (vec![ed.clone()], vec![ed]),
    };
    VerbForms {
        base: w.to_string(),
        third,
        past,
        participle,
        gerund,
    }
}

/// Singular and plural of an event noun's last word ("strike" → "strike", "strikes").
pub fn noun_forms(lemma: &str) -> Vec<String> {
    let w = lemma;
    let b = w.as_bytes();
    let last = b.last().copied().unwrap_or(b'a');
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'a' };
    let plural = if w.ends_with('s')
        || w.ends_with("sh")
        || w.ends_with("ch")
        || w.ends_with('x')
        || w.ends_with('z')
    {
        if w.ends_with("ss") || !w.ends_with('s') {
            format!("{w}es")
        } else {
            // "talks", "hostilities": already plural.
            w.to_string()
        }
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    };
    if plural == w {
        vec![w.to_string()]
    } else {
        vec![w.to_string(), plural]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(w: &str) -> VerbForms {
        verb_forms(w, None)
    }

    #[test]
    fn regular_forms() {
        assert_eq!(f("attack").past, vec!["attacked"]);
        assert_eq!(f("attack").gerund, "attacking");
        assert_eq!(f("accuse").past, vec!["accused"]);
        assert_eq!(f("accuse").gerund, "accusing");
        assert_eq!(f("stop").past, vec!["stopped"]);
        assert_eq!(f("step").gerund, "stepping");
        assert_eq!(f("commit").past, vec!["committed"]);
        assert_eq!(f("visit").past, vec!["visited"]);
        assert_eq!(f("deny").third, "denies");
        assert_eq!(f("deny").past, vec!["denied"]);
        assert_eq!(f("pledge").third, "pledges");
        assert_eq!(f("push").third, "pushes");
        assert_eq!(f("agree").gerund, "agreeing");
        assert_eq!(f("die").gerund, "dying");
        assert_eq!(f("panic").past, vec!["panicked"]);
        assert_eq!(f("obey").past, vec!["obeyed"]);
        assert_eq!(f("fix").past, vec!["fixed"]);
        assert_eq!(f("rain").past, vec!["rained"]);
    }

    #[test]
    fn irregular_forms_are_used() {
        let irr = (vec!["held".to_string()], vec!["held".to_string()]);
        let v = verb_forms("hold", Some(&irr));
        assert_eq!(v.past, vec!["held"]);
        assert_eq!(v.third, "holds");
    }

    #[test]
    fn nouns() {
        assert_eq!(noun_forms("strike"), vec!["strike", "strikes"]);
        assert_eq!(noun_forms("talks"), vec!["talks"]);
        assert_eq!(noun_forms("embassy"), vec!["embassy", "embassies"]);
        assert_eq!(noun_forms("crisis"), vec!["crisis"]);
        assert_eq!(noun_forms("address"), vec!["address", "addresses"]);
    }
}
