//! Reader for the converted model file written by `scripts/build-model.py`:
//! magic, JSON header, float32 tensors.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::ModelError;

const MAGIC: &[u8; 8] = b"WCNLPM01";

#[derive(Debug, Deserialize)]
pub(crate) struct TensorInfo {
    pub offset: usize,
    pub shape: Vec<usize>,
}

/// One special case: the chunk and its (ORTH, NORM) pieces.
pub(crate) type SpecialCase = (String, Vec<(String, Option<String>)>);

#[derive(Debug, Deserialize)]
pub(crate) struct TokenizerRules {
    pub prefix: String,
    pub suffix: String,
    pub infix: String,
    pub url: String,
    /// (chunk, [(ORTH, NORM)])
    pub exceptions: Vec<SpecialCase>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Tok2VecInfo {
    pub columns: Vec<String>,
    pub seeds: Vec<u32>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct RulerRule {
    pub patterns: Vec<Vec<BTreeMap<String, serde_json::Value>>>,
    pub attrs: BTreeMap<String, String>,
    pub index: i64,
}

#[derive(Debug, Deserialize)]
pub(crate) struct LemmaTables {
    pub rules: BTreeMap<String, Vec<(String, String)>>,
    pub exc: BTreeMap<String, Vec<(String, Vec<String>)>>,
    pub index: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UnicodeTables {
    pub isalpha: Vec<(u32, u32)>,
    pub isdigit: Vec<(u32, u32)>,
    pub isspace: Vec<(u32, u32)>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Header {
    pub symbols: Vec<String>,
    pub base_norms: BTreeMap<String, String>,
    pub unicode: UnicodeTables,
    pub tokenizer: TokenizerRules,
    pub lexeme_norm: Vec<(u64, String)>,
    pub tok2vec: Tok2VecInfo,
    pub ner_tok2vec: Tok2VecInfo,
    pub tagger_labels: Vec<String>,
    pub parser_actions: Vec<(u8, String)>,
    pub ner_actions: Vec<(u8, String)>,
    pub attribute_ruler: Vec<RulerRule>,
    pub lemmatizer: LemmaTables,
    pub tensors: BTreeMap<String, TensorInfo>,
}

/// The decoded file: header plus all float data.
pub(crate) struct ModelFile {
    pub header: Header,
    pub data: Vec<f32>,
}

impl ModelFile {
    pub fn parse(bytes: &[u8]) -> Result<Self, ModelError> {
        let bad = |m: &str| ModelError::Format(m.to_string());
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(bad("bad magic"));
        }
        let mut len = [0u8; 8];
        len.copy_from_slice(&bytes[8..16]);
        let hlen = usize::try_from(u64::from_le_bytes(len)).map_err(|_| bad("header length"))?;
        let hend = 16usize
            .checked_add(hlen)
            .ok_or_else(|| bad("header length"))?;
        let hbytes = bytes.get(16..hend).ok_or_else(|| bad("truncated header"))?;
        let header: Header =
            serde_json::from_slice(hbytes).map_err(|e| ModelError::Format(e.to_string()))?;
        let dstart = hend.div_ceil(4) * 4;
        let raw = bytes.get(dstart..).ok_or_else(|| bad("truncated data"))?;
        let data = raw
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Self { header, data })
    }

    /// Tensor `name`, checked against the expected shape.
    pub fn tensor(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, ModelError> {
        let info = self
            .header
            .tensors
            .get(name)
            .ok_or_else(|| ModelError::Format(format!("missing tensor {name}")))?;
        if info.shape != shape {
            return Err(ModelError::Format(format!(
                "tensor {name}: shape {:?}, expected {shape:?}",
                info.shape
            )));
        }
        let size: usize = shape.iter().product();
        self.data
            .get(info.offset..info.offset + size)
            .map(<[f32]>::to_vec)
            .ok_or_else(|| ModelError::Format(format!("tensor {name} out of range")))
    }

    /// Tensor `name` with whatever shape it has.
    pub fn tensor_any(&self, name: &str) -> Result<(Vec<f32>, Vec<usize>), ModelError> {
        let shape = self
            .header
            .tensors
            .get(name)
            .map(|t| t.shape.clone())
            .ok_or_else(|| ModelError::Format(format!("missing tensor {name}")))?;
        Ok((self.tensor(name, &shape)?, shape))
    }
}
