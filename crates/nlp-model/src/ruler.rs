//! Attribute ruler (`spacy/pipeline/attributeruler.py`): token patterns on TAG, LOWER, DEP
//! and IS_SPACE that set POS, MORPH, LEMMA, TAG and DEP. All matches are collected first,
//! then applied in rule order.

use fancy_regex::Regex;
use serde_json::Value;

use crate::format::RulerRule;
use crate::ModelError;

enum Field {
    Tag,
    Lower,
    Dep,
    IsSpace,
}

enum Cond {
    Eq(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    Regex(Regex),
    Bool(bool),
}

struct Spec(Vec<(Field, Cond)>);

/// Attributes a rule sets.
#[derive(Default, Clone)]
pub(crate) struct SetAttrs {
    pub pos: Option<String>,
    pub morph: Option<String>,
    pub lemma: Option<String>,
    pub tag: Option<String>,
    pub dep: Option<String>,
}

struct Rule {
    patterns: Vec<Vec<Spec>>,
    attrs: SetAttrs,
    index: i64,
}

/// What the ruler reads from a token.
pub(crate) struct TokenView<'a> {
    pub tag: &'a str,
    pub lower: &'a str,
    pub dep: &'a str,
    pub is_space: bool,
}

pub(crate) struct AttributeRuler {
    rules: Vec<Rule>,
}

fn strings(v: &Value) -> Result<Vec<String>, ModelError> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .ok_or_else(|| ModelError::Format("ruler: expected list".into()))
}

fn cond(v: &Value) -> Result<Cond, ModelError> {
    Ok(match v {
        Value::String(s) => Cond::Eq(s.clone()),
        Value::Bool(b) => Cond::Bool(*b),
        Value::Object(m) => {
            if let Some(x) = m.get("IN") {
                Cond::In(strings(x)?)
            } else if let Some(x) = m.get("NOT_IN") {
                Cond::NotIn(strings(x)?)
            } else if let Some(Value::String(re)) = m.get("REGEX") {
                Cond::Regex(Regex::new(re).map_err(|e| ModelError::Regex(e.to_string()))?)
            } else {
                return Err(ModelError::Format(format!("ruler: unsupported spec {v}")));
            }
        }
        _ => return Err(ModelError::Format(format!("ruler: unsupported spec {v}"))),
    })
}

impl AttributeRuler {
    pub fn new(rules: &[RulerRule]) -> Result<Self, ModelError> {
        let mut out = Vec::new();
        for r in rules {
            let mut patterns = Vec::new();
            for pat in &r.patterns {
                let mut specs = Vec::new();
                for tok in pat {
                    let mut conds = Vec::new();
                    for (k, v) in tok {
                        let field = match k.as_str() {
                            "TAG" => Field::Tag,
                            "LOWER" => Field::Lower,
                            "DEP" => Field::Dep,
                            "IS_SPACE" => Field::IsSpace,
                            _ => return Err(ModelError::Format(format!("ruler: field {k}"))),
                        };
                        conds.push((field, cond(v)?));
                    }
                    specs.push(Spec(conds));
                }
                patterns.push(specs);
            }
            let mut attrs = SetAttrs::default();
            for (k, v) in &r.attrs {
                let slot = match k.as_str() {
                    "POS" => &mut attrs.pos,
                    "MORPH" => &mut attrs.morph,
                    "LEMMA" => &mut attrs.lemma,
                    "TAG" => &mut attrs.tag,
                    "DEP" => &mut attrs.dep,
                    _ => return Err(ModelError::Format(format!("ruler: attr {k}"))),
                };
                *slot = Some(v.clone());
            }
            out.push(Rule {
                patterns,
                attrs,
                index: r.index,
            });
        }
        Ok(Self { rules: out })
    }

    /// (token index, attrs) in application order.
    pub fn matches(&self, toks: &[TokenView<'_>]) -> Vec<(usize, &SetAttrs)> {
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (ri, rule) in self.rules.iter().enumerate() {
            for pat in &rule.patterns {
                if pat.is_empty() || pat.len() > toks.len() {
                    continue;
                }
                for start in 0..=toks.len() - pat.len() {
                    if pat
                        .iter()
                        .zip(&toks[start..])
                        .all(|(spec, t)| spec_matches(spec, t))
                    {
                        found.push((ri, start, start + pat.len()));
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .filter_map(|(ri, s, e)| {
                let rule = &self.rules[ri];
                let i = if rule.index >= 0 {
                    s as i64 + rule.index
                } else {
                    e as i64 + rule.index
                };
                (i >= s as i64 && i < e as i64).then_some((i as usize, &rule.attrs))
            })
            .collect()
    }
}

fn spec_matches(spec: &Spec, t: &TokenView<'_>) -> bool {
    spec.0.iter().all(|(field, c)| {
        if let Field::IsSpace = field {
            return match c {
                Cond::Bool(b) => *b == t.is_space,
                _ => false,
            };
        }
        let v = match field {
            Field::Tag => t.tag,
            Field::Lower => t.lower,
            Field::Dep => t.dep,
            Field::IsSpace => "",
        };
        match c {
            Cond::Eq(s) => v == s,
            Cond::In(list) => list.iter().any(|s| s == v),
            Cond::NotIn(list) => !list.iter().any(|s| s == v),
            Cond::Regex(re) => matches!(re.find(v), Ok(Some(_))),
            Cond::Bool(_) => false,
        }
    })
}
