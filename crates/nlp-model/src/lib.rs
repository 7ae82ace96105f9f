//! Pure-Rust inference of spaCy's `en_core_web_sm` 3.8 pipeline: tokenizer, tok2vec, tagger,
//! attribute ruler, lemmatizer, dependency parser and NER, with output identical to spaCy.
//!
//! The weights are converted by `scripts/build-model` into `model/en_core_web_sm.wcm` and
//! embedded in the binary. [`ModelAnalyzer`] plugs the pipeline into the language layer.

mod format;
pub mod hash;
mod lemmatizer;
mod ner;
mod nn;
mod parser;
mod ruler;
mod strings;
mod tokenizer;

use std::collections::HashMap;
use std::sync::OnceLock;

use wirecoder_core::{CharOffsets, Entity, Sentence, TextAnalysis, Token};
use wirecoder_text::LanguageAnalyzer;

use format::ModelFile;
use lemmatizer::Lemmatizer;
use ner::Biluo;
use nn::{Linear, Tok2Vec, WIDTH};
use parser::{Move, TransitionNet};
use ruler::{AttributeRuler, TokenView};
use strings::{CharClass, PyChars, StringIds};
use tokenizer::Tokenizer;

/// The converted model, embedded at build time.
static MODEL_BYTES: &[u8] = include_bytes!("../model/en_core_web_sm.wcm");

/// Errors while loading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file format: {0}")]
    Format(String),
    #[error("tokenizer regex: {0}")]
    Regex(String),
}

/// One analysed token, with spaCy's attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelToken {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// A single space follows (spaCy's `whitespace_`).
    pub space_after: bool,
    pub tag: String,
    pub pos: String,
    /// UD features as set by the attribute ruler ("" when none).
    pub morph: String,
    pub lemma: String,
    /// Document-level index of the head (itself for a root).
    pub head: usize,
    pub dep: String,
    pub sent_start: bool,
    pub is_space: bool,
}

/// One entity: token range `[start, end)` and OntoNotes label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelEntity {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The analysed document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModelDoc {
    pub tokens: Vec<ModelToken>,
    pub ents: Vec<ModelEntity>,
}

/// The loaded pipeline. Read-only after loading; share it between threads.
pub struct Model {
    ids: StringIds,
    chars: PyChars,
    tokenizer: Tokenizer,
    lexeme_norm: HashMap<u64, String>,
    base_norms: HashMap<String, String>,
    tok2vec: Tok2Vec,
    tagger: Linear,
    tag_labels: Vec<String>,
    parser: TransitionNet,
    parser_actions: Vec<(Move, u16)>,
    dep_labels: Vec<String>,
    ruler: AttributeRuler,
    lemmatizer: Lemmatizer,
    ner_tok2vec: Tok2Vec,
    ner: TransitionNet,
    ner_actions: Vec<(Biluo, Option<u16>)>,
    ent_labels: Vec<String>,
}

/// Tags, heads, dependency labels and sentence starts of one document.
type TagParse = (Vec<String>, Vec<usize>, Vec<String>, Vec<bool>);

/// Documents shorter than this run single-threaded.
const PARALLEL_MIN_TOKENS: usize = 48;

fn label_index(labels: &mut Vec<String>, l: &str) -> u16 {
    match labels.iter().position(|x| x == l) {
        Some(i) => i as u16,
        None => {
            labels.push(l.to_string());
            (labels.len() - 1) as u16
        }
    }
}

impl Model {
    /// The embedded model, loaded once per process.
    pub fn embedded() -> Result<&'static Model, &'static ModelError> {
        static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
        MODEL
            .get_or_init(|| Model::from_bytes(MODEL_BYTES))
            .as_ref()
    }

    /// Load a model from the bytes of a converted model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let f = ModelFile::parse(bytes)?;
        let h = &f.header;
        let chars = PyChars {
            alpha: CharClass::new(h.unicode.isalpha.clone()),
            digit: CharClass::new(h.unicode.isdigit.clone()),
            space: CharClass::new(h.unicode.isspace.clone()),
        };
        let tokenizer = Tokenizer::new(&h.tokenizer, &chars)?;
        let expect_cols = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"];
        if h.tok2vec.columns != expect_cols || h.ner_tok2vec.columns != expect_cols[..4] {
            return Err(ModelError::Format(
                "unexpected tok2vec feature columns".into(),
            ));
        }
        let tok2vec = Tok2Vec::load(&f, "tok2vec", &h.tok2vec.seeds)?;
        let ner_tok2vec = Tok2Vec::load(&f, "ner.tok2vec", &h.ner_tok2vec.seeds)?;
        let tag_labels = h.tagger_labels.clone();
        let tagger = Linear::load(&f, "tagger", tag_labels.len(), WIDTH)?;
        let mut dep_labels = Vec::new();
        let mut parser_actions = Vec::new();
        for (m, l) in &h.parser_actions {
            let mv =
                Move::from_id(*m).ok_or_else(|| ModelError::Format(format!("parser move {m}")))?;
            parser_actions.push((mv, label_index(&mut dep_labels, l)));
        }
        let mut ent_labels = Vec::new();
        let mut ner_actions = Vec::new();
        for (m, l) in &h.ner_actions {
            let mv =
                Biluo::from_id(*m).ok_or_else(|| ModelError::Format(format!("ner move {m}")))?;
            let label = (!l.is_empty()).then(|| label_index(&mut ent_labels, l));
            ner_actions.push((mv, label));
        }
        let parser = TransitionNet::load(&f, "parser", 8, parser_actions.len())?;
        let ner = TransitionNet::load(&f, "ner", 3, ner_actions.len())?;
        Ok(Self {
            ids: StringIds::new(&h.symbols),
            tokenizer,
            lexeme_norm: h.lexeme_norm.iter().cloned().collect(),
            base_norms: h.base_norms.clone().into_iter().collect(),
            tok2vec,
            tagger,
            tag_labels,
            parser,
            parser_actions,
            dep_labels,
            ruler: AttributeRuler::new(&h.attribute_ruler)?,
            lemmatizer: Lemmatizer::new(&h.lemmatizer),
            ner_tok2vec,
            ner,
            ner_actions,
            ent_labels,
            chars,
        })
    }

    /// spaCy's lexeme NORM of `w`.
    fn lex_norm(&self, w: &str) -> String {
        if let Some(n) = self.lexeme_norm.get(&self.ids.id(w)) {
            return n.clone();
        }
        if let Some(n) = self.base_norms.get(w) {
            return n.clone();
        }
        w.to_lowercase()
    }

    /// Tokens as spaCy's `nlp.make_doc`: (byte start, byte end, whitespace follows, NORM).
    pub fn tokenize(&self, text: &str) -> Vec<(usize, usize, bool, String)> {
        self.tokenizer
            .tokenize(text, &self.chars)
            .into_iter()
            .map(|t| {
                let norm = match t.norm {
                    Some(i) => self
                        .tokenizer
                        .norms
                        .get(i as usize)
                        .cloned()
                        .unwrap_or_default(),
                    None => self.lex_norm(&text[t.start..t.end]),
                };
                (t.start, t.end, t.spacy, norm)
            })
            .collect()
    }

    /// Shared tok2vec → tagger → parser (with deprojectivisation and sentence starts).
    fn tag_and_parse(&self, feats: &[u64], n: usize, is_space: &[bool]) -> TagParse {
        let t2v = self.tok2vec.forward(feats, n);
        // Tagger: argmax of the logits (first maximum).
        let logits = self.tagger.forward(&t2v, n);
        let tags: Vec<String> = logits
            .chunks_exact(self.tag_labels.len())
            .map(|row| {
                let mut best = 0;
                for (i, &v) in row.iter().enumerate() {
                    if v > row[best] {
                        best = i;
                    }
                }
                self.tag_labels[best].clone()
            })
            .collect();
        nn::give_buf(logits);
        let yf = self.parser.precompute(&t2v, n);
        nn::give_buf(t2v);
        let parse = parser::parse(&self.parser, &yf, n, &self.parser_actions);
        nn::give_buf(yf);
        let mut heads = parse.heads;
        let mut deps: Vec<String> = parse
            .deps
            .iter()
            .map(|d| match d {
                Some(l) => self.dep_labels[*l as usize].clone(),
                None => "ROOT".to_string(),
            })
            .collect();
        let sent_start = parser::deprojectivize(&mut heads, &mut deps, is_space);
        (tags, heads, deps, sent_start)
    }

    /// Run the whole pipeline on one text; long documents use a second thread for the
    /// NER's tok2vec.
    pub fn annotate(&self, text: &str) -> ModelDoc {
        self.annotate_with(text, true)
    }

    /// Run the whole pipeline on one text, on the calling thread only when `parallel` is
    /// false (use that when the caller already spreads documents over threads).
    pub fn annotate_with(&self, text: &str, parallel: bool) -> ModelDoc {
        let toks = self.tokenize(text);
        let n = toks.len();
        if n == 0 {
            return ModelDoc::default();
        }
        // Lexical features: NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE.
        let mut feats = Vec::with_capacity(n * 6);
        let mut ner_feats = Vec::with_capacity(n * 4);
        let mut is_space = Vec::with_capacity(n);
        for (s, e, spacy, norm) in &toks {
            let w = &text[*s..*e];
            let first = w.chars().next().map_or(0, |c| {
                let mut b = [0u8; 4];
                self.ids.id(c.encode_utf8(&mut b))
            });
            let nchars = w.chars().count();
            let suffix_start = w
                .char_indices()
                .nth(nchars.saturating_sub(3))
                .map_or(0, |(i, _)| i);
            let sp = self.chars.str_is_space(w);
            let f4 = [
                self.ids.id(norm),
                first,
                self.ids.id(&w[suffix_start..]),
                self.ids.id(&self.chars.shape(w)),
            ];
            feats.extend_from_slice(&f4);
            feats.push(u64::from(*spacy));
            feats.push(u64::from(sp));
            ner_feats.extend_from_slice(&f4);
            is_space.push(sp);
        }
        // The NER's own tok2vec is independent of everything before the NER decoding:
        // run it on a second thread for documents large enough to pay for the spawn.
        let ner_pre = || {
            let ner_t2v = self.ner_tok2vec.forward(&ner_feats, n);
            let yf = self.ner.precompute(&ner_t2v, n);
            nn::give_buf(ner_t2v);
            yf
        };
        let main = || self.tag_and_parse(&feats, n, &is_space);
        let ((tags, heads, deps, sent_start), ner_yf) = if parallel && n >= PARALLEL_MIN_TOKENS {
            std::thread::scope(|scope| {
                let handle = scope.spawn(ner_pre);
                let main_out = main();
                let ner_out = handle.join().unwrap_or_else(|_| ner_pre());
                (main_out, ner_out)
            })
        } else {
            (main(), ner_pre())
        };

        // Attribute ruler: match on the model's values, then apply in rule order.
        let lowers: Vec<String> = toks
            .iter()
            .map(|(s, e, _, _)| text[*s..*e].to_lowercase())
            .collect();
        let mut tags_out = tags.clone();
        let mut deps_out = deps.clone();
        let mut pos = vec![String::new(); n];
        let mut morph = vec![String::new(); n];
        let mut lemma: Vec<Option<String>> = vec![None; n];
        {
            let views: Vec<TokenView<'_>> = (0..n)
                .map(|i| TokenView {
                    tag: &tags[i],
                    lower: &lowers[i],
                    dep: &deps[i],
                    is_space: is_space[i],
                })
                .collect();
            for (i, a) in self.ruler.matches(&views) {
                if let Some(v) = &a.pos {
                    pos[i] = v.clone();
                }
                if let Some(v) = &a.morph {
                    morph[i] = if v == "_" { String::new() } else { v.clone() };
                }
                if let Some(v) = &a.lemma {
                    lemma[i] = Some(v.clone());
                }
                if let Some(v) = &a.tag {
                    tags_out[i] = v.clone();
                }
                if let Some(v) = &a.dep {
                    deps_out[i] = v.clone();
                }
            }
        }

        // NER decoding reads the parser's sentence starts.
        let spans = ner::recognize(
            &self.ner,
            &ner_yf,
            n,
            &self.ner_actions,
            &sent_start,
            &is_space,
        );
        nn::give_buf(ner_yf);

        let tokens = toks
            .iter()
            .enumerate()
            .map(|(i, (s, e, spacy, _))| {
                let w = &text[*s..*e];
                let lem = match lemma[i].take() {
                    Some(l) => l,
                    None => self
                        .lemmatizer
                        .lemmatize(w, &pos[i], &morph[i], &self.chars),
                };
                ModelToken {
                    start: *s,
                    end: *e,
                    space_after: *spacy,
                    tag: std::mem::take(&mut tags_out[i]),
                    pos: std::mem::take(&mut pos[i]),
                    morph: std::mem::take(&mut morph[i]),
                    lemma: lem,
                    head: heads[i],
                    dep: std::mem::take(&mut deps_out[i]),
                    sent_start: sent_start[i],
                    is_space: is_space[i],
                }
            })
            .collect();
        let ents = spans
            .into_iter()
            .map(|sp| ModelEntity {
                start: sp.start,
                end: sp.end,
                label: self
                    .ent_labels
                    .get(sp.label as usize)
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        ModelDoc { tokens, ents }
    }
}

/// [`LanguageAnalyzer`] backed by the embedded spaCy model.
pub struct ModelAnalyzer {
    model: &'static Model,
    doc_threads: bool,
}

impl ModelAnalyzer {
    /// Load the embedded model (once per process). Each document runs on the calling thread:
    /// callers spread documents over cores.
    pub fn new() -> Result<Self, &'static ModelError> {
        Ok(Self {
            model: Model::embedded()?,
            doc_threads: false,
        })
    }

    /// Let each long document use a second thread (for callers that analyse one document
    /// at a time).
    pub fn with_doc_threads(mut self, yes: bool) -> Self {
        self.doc_threads = yes;
        self
    }

    pub fn model(&self) -> &'static Model {
        self.model
    }
}

impl LanguageAnalyzer for ModelAnalyzer {
    fn name(&self) -> &'static str {
        "model"
    }

    fn analyze(&self, text: &str) -> TextAnalysis {
        let doc = self.model.annotate_with(text, self.doc_threads);
        let offsets = CharOffsets::new(text);
        let tokens: Vec<Token> = doc
            .tokens
            .iter()
            .map(|t| {
                let word = &text[t.start..t.end];
                Token {
                    text: word.to_string(),
                    norm: wirecoder_text::normalize::normalize(word),
                    lemma: t.lemma.clone(),
                    tag: t.tag.clone(),
                    pos: t.pos.clone(),
                    head: Some(t.head),
                    dep: t.dep.clone(),
                    start: offsets.char_of(t.start),
                    end: offsets.char_of(t.end),
                    byte_start: t.start,
                    byte_end: t.end,
                    space_after: t.space_after,
                }
            })
            .collect();
        let mut sentences = Vec::new();
        let n = doc.tokens.len();
        let mut s = 0;
        while s < n {
            let mut e = s + 1;
            while e < n && !doc.tokens[e].sent_start {
                e += 1;
            }
            let (bs, be) = (doc.tokens[s].start, doc.tokens[e - 1].end);
            sentences.push(Sentence {
                text: text[bs..be].to_string(),
                start: offsets.char_of(bs),
                end: offsets.char_of(be),
                byte_start: bs,
                byte_end: be,
                token_start: s,
                token_end: e,
            });
            s = e;
        }
        let entities = doc
            .ents
            .iter()
            .map(|en| {
                let (bs, be) = (doc.tokens[en.start].start, doc.tokens[en.end - 1].end);
                Entity {
                    text: text[bs..be].to_string(),
                    label: en.label.clone(),
                    start: offsets.char_of(bs),
                    end: offsets.char_of(be),
                    token_start: en.start,
                    token_end: en.end,
                }
            })
            .collect();
        TextAnalysis {
            sentences,
            tokens,
            entities,
        }
    }
}
