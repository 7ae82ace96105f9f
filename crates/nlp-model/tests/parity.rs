//! Parity with spaCy 3.8.18 + en_core_web_sm 3.8.0: every token, tag, POS, morph, lemma,
//! head, dependency label, sentence start and entity of the fixture documents must be
//! identical. The reference was produced by `scripts/spacy-reference.py` from
//! `fixtures/parity-texts.json` (sentences written for this test) and is committed, so this
//! test needs no Python.

use serde_json::Value;
use wirecoder_nlp_model::Model;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn fixture_documents_match_spacy() {
    let texts = fixture("parity-texts.json");
    let reference = fixture("parity-spacy.json");
    let texts = texts.as_array().expect("texts array");
    let docs = reference["docs"].as_array().expect("docs array");
    assert_eq!(texts.len(), docs.len());
    assert!(texts.len() >= 200);
    let model = Model::embedded().expect("embedded model loads");
    let mut failures = Vec::new();
    let mut n_tokens = 0;
    let mut n_ents = 0;
    for (i, (text, want)) in texts.iter().zip(docs).enumerate() {
        let text = text.as_str().expect("text");
        assert_eq!(want["text"].as_str(), Some(text), "fixture {i} text");
        let doc = model.annotate(text);
        let got_tokens: Vec<Value> = doc
            .tokens
            .iter()
            .map(|t| {
                serde_json::json!([
                    &text[t.start..t.end],
                    t.space_after,
                    t.tag,
                    t.pos,
                    t.morph,
                    t.lemma,
                    t.head,
                    t.dep,
                    t.sent_start
                ])
            })
            .collect();
        let got_ents: Vec<Value> = doc
            .ents
            .iter()
            .map(|e| serde_json::json!([e.start, e.end, e.label]))
            .collect();
        let want_tokens = want["tokens"].as_array().expect("tokens");
        let want_ents = want["ents"].as_array().expect("ents");
        n_tokens += want_tokens.len();
        n_ents += want_ents.len();
        if &got_tokens != want_tokens {
            let first = got_tokens
                .iter()
                .zip(want_tokens)
                .find(|(g, w)| g != w)
                .map(|(g, w)| format!("got {g}, spaCy {w}"))
                .unwrap_or_else(|| format!("{} vs {} tokens", got_tokens.len(), want_tokens.len()));
            failures.push(format!("doc {i} {text:?}: {first}"));
        }
        if &got_ents != want_ents {
            failures.push(format!(
                "doc {i} {text:?}: entities {got_ents:?} vs spaCy {want_ents:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        n_tokens > 3000 && n_ents > 300,
        "{n_tokens} tokens, {n_ents} entities"
    );
}
