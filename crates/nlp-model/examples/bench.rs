//! Throughput of the full pipeline on a JSON array of texts (e.g. the shared news corpus
//! extracted by `scripts/spacy-corpus-texts.py`). Compare with `scripts/spacy-bench.py`.
//!
//! Usage: bench TEXTS.json [THREADS]   (THREADS = 1 by default: one document at a time, the
//! NER's tok2vec on a second thread; 0 = strictly one thread; N > 1 = documents spread over
//! N threads, each document single-threaded)

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: bench TEXTS.json [THREADS]")?;
    let requested: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let threads = requested.max(1);
    let texts: Vec<String> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let t0 = Instant::now();
    let model = wirecoder_nlp_model::Model::embedded().map_err(|e| e.to_string())?;
    let load = t0.elapsed();
    let t1 = Instant::now();
    let (tokens, sents, ents) = if threads == 1 {
        count(model, &texts, 0, 1, requested == 1)
    } else {
        let texts = &texts;
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|k| s.spawn(move || count(model, texts, k, threads, false)))
                .collect();
            handles
                .into_iter()
                .filter_map(|h| h.join().ok())
                .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
        })
    };
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "docs {} tokens {tokens} sentences {sents} entities {ents} | load {:.2}s | {secs:.2}s \
         = {:.0} tokens/s, {:.0} sentences/s ({threads} thread(s))",
        texts.len(),
        load.as_secs_f64(),
        tokens as f64 / secs,
        sents as f64 / secs
    );
    Ok(())
}

/// Annotate every `step`-th text starting at `first`; returns (tokens, sentences, entities).
fn count(
    model: &wirecoder_nlp_model::Model,
    texts: &[String],
    first: usize,
    step: usize,
    parallel: bool,
) -> (usize, usize, usize) {
    let mut totals = (0, 0, 0);
    for text in texts.iter().skip(first).step_by(step) {
        let doc = model.annotate_with(text, parallel);
        totals.0 += doc.tokens.len();
        totals.1 += doc.tokens.iter().filter(|t| t.sent_start).count();
        totals.2 += doc.ents.len();
    }
    totals
}
