//! Reads a JSON array of texts on stdin, writes one JSON document per line with the same
//! fields as `scripts/spacy-reference.py` (used by `scripts/spacy-agreement.py`).

use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    let texts: Vec<String> = serde_json::from_str(&input)?;
    let model = wirecoder_nlp_model::Model::embedded().map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for text in &texts {
        let doc = model.annotate(text);
        let tokens: Vec<serde_json::Value> = doc
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
        let ents: Vec<serde_json::Value> = doc
            .ents
            .iter()
            .map(|e| serde_json::json!([e.start, e.end, e.label]))
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"tokens": tokens, "ents": ents}),
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
