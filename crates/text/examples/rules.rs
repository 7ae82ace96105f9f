//! Print what the rule-based language layer makes of a file, or measure its throughput.
//!
//! `cargo run -p wirecoder-text --example rules -- FILE [--tokens]`
//! `cargo run --release -p wirecoder-text --example rules -- FILE --bench`

use std::time::Instant;

use wirecoder_text::{LanguageAnalyzer, RuleAnalyzer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: rules FILE [--tokens|--bench]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    if args.iter().any(|a| a == "--bench") {
        let t0 = Instant::now();
        let (mut sents, mut toks, mut runs) = (0usize, 0usize, 0usize);
        while t0.elapsed().as_secs_f64() < 3.0 {
            let a = RuleAnalyzer.analyze(&text);
            sents += a.sentences.len();
            toks += a.tokens.len();
            runs += 1;
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{runs} runs: {:.0} sentences/s, {:.0} tokens/s (1 thread)",
            sents as f64 / secs,
            toks as f64 / secs
        );
        return;
    }
    let show_tokens = args.iter().any(|a| a == "--tokens");
    let a = RuleAnalyzer.analyze(&text);
    for (i, s) in a.sentences.iter().enumerate() {
        println!("[{i}] {}", s.text.replace('\n', "\\n"));
        if show_tokens {
            for t in &a.tokens[s.token_start..s.token_end] {
                println!("      {:<16} {:<16} {:<5} {}", t.text, t.lemma, t.tag, t.pos);
            }
        }
    }
}
