//! CAMEO event ontology with Goldstein scores, quad classes and PLOVER mapping.
//!
//! The table (`data/cameo/cameo.tsv`) lists every CAMEO 1.1b3 code: the 20 roots and all
//! their 3- and 4-digit children. Quad classes follow the GDELT convention and are derived
//! from the root, so the table cannot contradict itself.

use std::collections::BTreeMap;

use wirecoder_core::Plover;

use crate::KnowledgeError;

const CAMEO_TSV: &str = include_str!("../../../data/cameo/cameo.tsv");

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// "19", "190", "1831", ...
    pub code: String,
    pub label: String,
    /// Goldstein conflict-cooperation score in [-10, 10].
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event, mode and context. `plover.event` is empty for the few public-statement
    /// codes (010, 014, 017) that PLOVER does not code; use [`CameoCode::plover_opt`].
    pub plover: Plover,
}

impl CameoCode {
    /// The PLOVER coding, or None when the code has no PLOVER counterpart.
    pub fn plover_opt(&self) -> Option<&Plover> {
        if self.plover.event.is_empty() {
            None
        } else {
            Some(&self.plover)
        }
    }

    /// The two-digit root of this code ("1831" → "18").
    pub fn root_code(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }
}

/// Quad class of a root code ("01".."20"), GDELT convention.
pub fn quad_class_of_root(root: &str) -> Option<u8> {
    let n: u8 = root.parse().ok()?;
    match n {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// The CAMEO event codes, ordered by code.
#[derive(Debug, Default)]
pub struct Ontology {
    codes: BTreeMap<String, CameoCode>,
}

impl Ontology {
    /// The built-in CAMEO/PLOVER tables.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Self::parse(CAMEO_TSV, "data/cameo/cameo.tsv")
    }

    /// Parse the tab-separated table: code, goldstein, plover event, mode, context (`;`-list),
    /// label. `#` lines are comments.
    pub fn parse(text: &str, name: &str) -> Result<Self, KnowledgeError> {
        let bad = |reason: String| KnowledgeError::Asset {
            name: name.to_string(),
            reason,
        };
        let mut codes = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [code, gold, event, mode, context, label] = cols[..] else {
                return Err(bad(format!("line {}: expected 6 columns", i + 1)));
            };
            let code = code.trim();
            if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad(format!("line {}: bad code {code:?}", i + 1)));
            }
            let goldstein: f64 = gold
                .trim()
                .parse()
                .map_err(|_| bad(format!("line {}: bad Goldstein {gold:?}", i + 1)))?;
            let root = code.get(..2).unwrap_or(code);
            let quad_class = quad_class_of_root(root)
                .ok_or_else(|| bad(format!("line {}: bad root {root:?}", i + 1)))?;
            let mode = mode.trim();
            let plover = Plover {
                event: event.trim().to_string(),
                mode: (!mode.is_empty()).then(|| mode.to_string()),
                context: context
                    .split(';')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect(),
            };
            codes.insert(
                code.to_string(),
                CameoCode {
                    code: code.to_string(),
                    label: label.trim().to_string(),
                    goldstein,
                    quad_class,
                    plover,
                },
            );
        }
        Ok(Ontology { codes })
    }

    /// The entry for `code` ("190", "0874"). Unknown codes give None.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code.trim())
    }

    /// The root entry of `code` ("1831" → code "18").
    pub fn root(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code.trim().get(..2)?)
    }

    /// The parent of `code`: a 4-digit code's 3-digit code, a 3-digit code's root.
    pub fn parent(&self, code: &str) -> Option<&CameoCode> {
        let code = code.trim();
        let len = code.len();
        if len <= 2 {
            return None;
        }
        self.codes.get(code.get(..len - 1)?)
    }

    /// Every code in code order.
    pub fn iter(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.values()
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn onto() -> Ontology {
        match Ontology::builtin() {
            Ok(o) => o,
            Err(e) => panic!("builtin ontology: {e}"),
        }
    }

    #[test]
    fn every_root_present() {
        let o = onto();
        for r in 1..=20 {
            let code = format!("{r:02}");
            assert!(o.get(&code).is_some(), "missing root {code}");
            assert!(o.get(&format!("{code}0")).is_some(), "missing {code}0");
        }
        assert!(o.len() > 290, "only {} codes", o.len());
    }

    #[test]
    fn parents_exist() {
        let o = onto();
        for c in o.iter() {
            if c.code.len() > 2 {
                assert!(o.parent(&c.code).is_some(), "no parent for {}", c.code);
            }
        }
    }

    #[test]
    fn goldstein_in_range_and_labels_present() {
        for c in onto().iter() {
            assert!((-10.0..=10.0).contains(&c.goldstein), "{}", c.code);
            assert!(!c.label.is_empty(), "{}", c.code);
        }
    }

    #[test]
    fn quad_classes_by_root() {
        let o = onto();
        for c in o.iter() {
            let r: u8 = c.code[..2].parse().unwrap_or(0);
            let want = match r {
                1..=5 => 1,
                6..=8 => 2,
                9..=13 => 3,
                _ => 4,
            };
            assert_eq!(c.quad_class, want, "{}", c.code);
        }
    }

    #[test]
    fn known_values() {
        let o = onto();
        let c = o.get("190").map(|c| (c.goldstein, c.plover.event.as_str()));
        assert_eq!(c, Some((-10.0, "ASSAULT")));
        let c = o.get("0874").map(|c| c.goldstein);
        assert_eq!(c, Some(10.0));
        let c = o.get("042").map(|c| (c.goldstein, c.plover.mode.clone()));
        assert_eq!(c, Some((1.9, Some("visit".to_string()))));
        assert_eq!(o.root("1831").map(|c| c.code.as_str()), Some("18"));
        assert!(o.get("999").is_none());
        assert!(o.get("").is_none());
        assert!(o.get("010").and_then(|c| c.plover_opt()).is_none());
        assert!(o.get("0314").and_then(|c| c.plover_opt()).is_some());
        // Only statement codes lack a PLOVER event.
        for c in o.iter() {
            if c.plover.event.is_empty() {
                assert!(c.code.starts_with("01"), "{}", c.code);
            }
        }
    }

    #[test]
    fn malformed_table_is_an_error() {
        assert!(Ontology::parse("01\tx\t\t\t\tlabel\n", "t").is_err());
        assert!(Ontology::parse("01\t0.0\n", "t").is_err());
        assert!(Ontology::parse("99\t0.0\t\t\t\tx\n", "t").is_err());
    }
}
