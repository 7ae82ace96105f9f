//! A sentence's dependency parse in sentence-local indices, when the language layer gives
//! one (`--nlp model`): heads, labels and children, with the few tree walks the clause
//! analysis needs. With the rule layer there is no parse and every query answers "unknown",
//! so callers fall back to the token-window heuristics.

use wirecoder_core::Token;

/// The dependency labels the coder distinguishes (spaCy's ClearNLP-style scheme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dep {
    Root,
    Nsubj,
    NsubjPass,
    Csubj,
    Dobj,
    Dative,
    Pobj,
    Prep,
    Pcomp,
    Agent,
    Conj,
    Cc,
    Appos,
    Relcl,
    Acl,
    Ccomp,
    Xcomp,
    Advcl,
    Parataxis,
    Neg,
    Aux,
    AuxPass,
    Mark,
    Poss,
    Compound,
    Attr,
    Oprd,
    Other,
}

impl Dep {
    fn from_label(s: &str) -> Dep {
        match s {
            "ROOT" => Dep::Root,
            "nsubj" | "expl" => Dep::Nsubj,
            "nsubjpass" => Dep::NsubjPass,
            "csubj" | "csubjpass" => Dep::Csubj,
            "dobj" => Dep::Dobj,
            "dative" => Dep::Dative,
            "pobj" => Dep::Pobj,
            "prep" => Dep::Prep,
            "pcomp" => Dep::Pcomp,
            "agent" => Dep::Agent,
            "conj" => Dep::Conj,
            "cc" | "preconj" => Dep::Cc,
            "appos" => Dep::Appos,
            "relcl" => Dep::Relcl,
            "acl" => Dep::Acl,
            "ccomp" => Dep::Ccomp,
            "xcomp" => Dep::Xcomp,
            "advcl" => Dep::Advcl,
            "parataxis" => Dep::Parataxis,
            "neg" => Dep::Neg,
            "aux" => Dep::Aux,
            "auxpass" => Dep::AuxPass,
            "mark" => Dep::Mark,
            "poss" => Dep::Poss,
            "compound" => Dep::Compound,
            "attr" => Dep::Attr,
            "oprd" => Dep::Oprd,
            _ => Dep::Other,
        }
    }

    /// An edge that opens a clause with its own arguments: an actor below it is not an
    /// argument of the verb above. (Relative and participial clauses modifying a noun are
    /// left out: the token searches already stop at relative pronouns, and the small
    /// model attaches them unreliably.)
    pub fn is_clausal(self) -> bool {
        matches!(self, Dep::Ccomp | Dep::Advcl | Dep::Csubj | Dep::Parataxis)
    }
}

/// Heads, labels and children of one sentence (local indices).
#[derive(Debug, Default)]
pub struct Parse {
    head: Vec<Option<usize>>,
    dep: Vec<Dep>,
    /// Children of token `i`: `kids[kid_start[i]..kid_start[i + 1]]`, in sentence order.
    kid_start: Vec<usize>,
    kids: Vec<usize>,
}

impl Parse {
    /// The parse of `toks` (a sentence starting at document token `base`); None when the
    /// language layer did not parse.
    pub fn new(toks: &[Token], base: usize) -> Option<Parse> {
        let n = toks.len();
        if n == 0 || toks.iter().all(|t| t.head.is_none() || t.dep.is_empty()) {
            return None;
        }
        let mut head = Vec::with_capacity(n);
        let mut dep = Vec::with_capacity(n);
        for (i, t) in toks.iter().enumerate() {
            let h = t
                .head
                .and_then(|h| h.checked_sub(base))
                .filter(|&h| h < n && h != i);
            head.push(h);
            dep.push(Dep::from_label(&t.dep));
        }
        let mut count = vec![0usize; n + 1];
        for h in head.iter().flatten() {
            count[*h + 1] += 1;
        }
        for i in 0..n {
            count[i + 1] += count[i];
        }
        let kid_start = count.clone();
        let mut fill = count;
        let mut kids = vec![0usize; kid_start[n]];
        for (i, h) in head.iter().enumerate() {
            if let Some(h) = *h {
                kids[fill[h]] = i;
                fill[h] += 1;
            }
        }
        Some(Parse {
            head,
            dep,
            kid_start,
            kids,
        })
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.head.get(i).copied().flatten()
    }

    pub fn dep(&self, i: usize) -> Dep {
        self.dep.get(i).copied().unwrap_or(Dep::Other)
    }

    pub fn children(&self, i: usize) -> &[usize] {
        match (self.kid_start.get(i), self.kid_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.kids[a..b],
            _ => &[],
        }
    }

    /// The first child of `i` with label `d`.
    pub fn child(&self, i: usize, d: Dep) -> Option<usize> {
        self.children(i).iter().copied().find(|&c| self.dep(c) == d)
    }

    /// `i` and the tokens coordinated with it (`conj` edges, transitively), in order.
    pub fn conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 12 {
            let t = out[k];
            for &c in self.children(t) {
                if self.dep(c) == Dep::Conj && !out.contains(&c) {
                    out.push(c);
                }
            }
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// Whether verb `i` (bare, no auxiliary) is really a reduced relative that the parser
    /// took for the main verb: it has a coordinated verb with its own auxiliary and no
    /// coordinating word between them ("The civilians imprisoned for X were released":
    /// parsed `imprisoned` ROOT, `released` conj; a real coordination says "and").
    pub fn reduced_relative(&self, i: usize) -> bool {
        self.children(i).iter().any(|&c| {
            c > i
                && self.dep(c) == Dep::Conj
                && self
                    .children(c)
                    .iter()
                    .any(|&a| a < c && matches!(self.dep(a), Dep::Aux | Dep::AuxPass))
                && !self
                    .children(i)
                    .iter()
                    .chain(self.children(c))
                    .any(|&k| self.dep(k) == Dep::Cc && k > i && k < c)
        })
    }

    /// The labels on the path from `i` up to `anc` (exclusive of `anc`'s own label), or
    /// None when `anc` does not dominate `i`.
    pub fn path_up(&self, mut i: usize, anc: usize) -> Option<Vec<Dep>> {
        let mut deps = Vec::new();
        for _ in 0..self.head.len() + 1 {
            if i == anc {
                return Some(deps);
            }
            deps.push(self.dep(i));
            i = self.head(i)?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, head: usize, dep: &str) -> Token {
        Token {
            text: text.into(),
            head: Some(head),
            dep: dep.into(),
            ..Default::default()
        }
    }

    #[test]
    fn children_conjuncts_and_paths() {
        // "Iran and Russia met Syria ." at document offset 10.
        let toks = [
            tok("Iran", 13, "nsubj"),
            tok("and", 10, "cc"),
            tok("Russia", 10, "conj"),
            tok("met", 13, "ROOT"),
            tok("Syria", 13, "dobj"),
            tok(".", 13, "punct"),
        ];
        let p = Parse::new(&toks, 10).expect("parsed");
        assert_eq!(p.head(3), None);
        assert_eq!(p.children(3), &[0, 4, 5]);
        assert_eq!(p.child(3, Dep::Dobj), Some(4));
        assert_eq!(p.conjuncts(0), vec![0, 2]);
        assert_eq!(p.path_up(2, 3), Some(vec![Dep::Conj, Dep::Nsubj]));
        assert_eq!(p.path_up(3, 2), None);
    }

    #[test]
    fn reduced_relative_mistaken_for_main_verb() {
        // "Rebels(0) captured(1) in(2) Aleppo(3) have(4) been(5) executed(6) .(7)", parsed
        // as the small model does: captured ROOT, executed conj.
        let toks = [
            tok("Rebels", 1, "nsubj"),
            tok("captured", 1, "ROOT"),
            tok("in", 1, "prep"),
            tok("Aleppo", 2, "pobj"),
            tok("have", 6, "aux"),
            tok("been", 6, "auxpass"),
            tok("executed", 1, "conj"),
            tok(".", 1, "punct"),
        ];
        let p = Parse::new(&toks, 0).expect("parsed");
        assert!(p.reduced_relative(1));
        // "Rebels captured Aleppo and have executed ...": a real coordination.
        let toks = [
            tok("Rebels", 1, "nsubj"),
            tok("captured", 1, "ROOT"),
            tok("Aleppo", 1, "dobj"),
            tok("and", 1, "cc"),
            tok("have", 5, "aux"),
            tok("executed", 1, "conj"),
        ];
        let p = Parse::new(&toks, 0).expect("parsed");
        assert!(!p.reduced_relative(1));
    }

    #[test]
    fn unparsed_and_out_of_range_heads() {
        let toks = [Token {
            text: "x".into(),
            ..Default::default()
        }];
        assert!(Parse::new(&toks, 0).is_none());
        assert!(Parse::new(&[], 0).is_none());
        let toks = [tok("a", 99, "nsubj"), tok("b", 1, "ROOT")];
        let p = Parse::new(&toks, 0).expect("parsed");
        assert_eq!(p.head(0), None);
        assert_eq!(p.children(0), &[] as &[usize]);
    }
}
