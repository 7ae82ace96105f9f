//! Language layer: splits a body into sentences and tokens (with byte and char offsets),
//! normalises, POS-tags (Penn + universal) and lemmatises tokens, and recognises temporal
//! expressions.
//!
//! Everything downstream reads a [`TextAnalysis`]; how it was made is hidden behind the
//! [`LanguageAnalyzer`] trait so the rule-based layer here and the statistical model of
//! `wirecoder-nlp-model` are interchangeable. This crate does no I/O and knows no actors.

pub mod abbrev;
pub mod lemma;
pub mod normalize;
pub mod segment;
pub mod tagger;
pub mod temporal;
pub mod tokenize;

use wirecoder_core::TextAnalysis;

/// Turns a body text into sentences, tokens and (optionally) entities.
pub trait LanguageAnalyzer: Send + Sync {
    /// Short name shown in benchmarks and `--nlp` ("rules", "model").
    fn name(&self) -> &'static str;
    /// Analyse one document body. Must never panic on any input.
    fn analyze(&self, text: &str) -> TextAnalysis;
}

/// The rule-based language layer: sentence splitter, tokenizer, averaged-perceptron POS
/// tagger (Penn tags + universal POS) and tag-aware lemmatiser. No parse, no entities.
#[derive(Debug, Default, Clone)]
pub struct RuleAnalyzer;

impl LanguageAnalyzer for RuleAnalyzer {
    fn name(&self) -> &'static str {
        "rules"
    }

    fn analyze(&self, text: &str) -> TextAnalysis {
        let offsets = wirecoder_core::CharOffsets::new(text);
        let tagger = tagger::PosTagger::get();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for (bs, be) in segment::split_sentences(text) {
            let token_start = tokens.len();
            spans.clear();
            spans.extend(
                tokenize::tokenize(&text[bs..be])
                    .into_iter()
                    .map(|(ts, te)| (bs + ts, bs + te)),
            );
            words.clear();
            words.extend(spans.iter().map(|&(ts, te)| &text[ts..te]));
            let tags = tagger.map(|t| t.tag(&words)).unwrap_or_default();
            for (k, &(ts, te)) in spans.iter().enumerate() {
                let word = &text[ts..te];
                let norm = normalize::normalize(word);
                let tag = tags.get(k).copied().unwrap_or("");
                let lemma = lemma::lemmatize_tagged(&norm, tag);
                let pos = if is_auxiliary(&lemma, k, &tags) {
                    "AUX"
                } else {
                    tagger::universal_pos(tag)
                };
                tokens.push(wirecoder_core::Token {
                    text: word.to_string(),
                    norm,
                    lemma,
                    tag: tag.to_string(),
                    pos: pos.to_string(),
                    start: offsets.char_of(ts),
                    end: offsets.char_of(te),
                    byte_start: ts,
                    byte_end: te,
                    space_after: text[te..].starts_with(char::is_whitespace),
                    ..Default::default()
                });
            }
            sentences.push(wirecoder_core::Sentence {
                text: text[bs..be].to_string(),
                start: offsets.char_of(bs),
                end: offsets.char_of(be),
                byte_start: bs,
                byte_end: be,
                token_start,
                token_end: tokens.len(),
            });
        }
        TextAnalysis {
            sentences,
            tokens,
            entities: Vec::new(),
        }
    }
}

/// Whether the verb at `k` with `lemma` is an auxiliary: every form of "be", and "have"/"do"
/// when a participle/base verb follows (adverbs, "n't" and a subject pronoun may intervene:
/// "has not yet sent", "did he go").
fn is_auxiliary(lemma: &str, k: usize, tags: &[&str]) -> bool {
    let Some(tag) = tags.get(k) else {
        return false;
    };
    if !tag.starts_with("VB") {
        return false;
    }
    let wanted: &[&str] = match lemma {
        "be" => return true,
        "have" => &["VBN", "VBD"],
        "do" => &["VB", "VBP"],
        _ => return false,
    };
    for t in tags.iter().skip(k + 1).take(4) {
        if wanted.contains(t) {
            return true;
        }
        if !matches!(*t, "RB" | "RBR" | "RBS" | "PRP" | "DT" | "NNP") {
            return false;
        }
    }
    false
}
