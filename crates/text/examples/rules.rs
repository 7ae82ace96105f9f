//! Print what the rule-based language layer makes of a file, or measure its throughput.
//!
//! `cargo run -p wirecoder-text --example rules -- FILE [--tokens]`
//! `cargo run --release -p wirecoder-text --example rules -- FILE --bench`
//! `perf stat target/release/examples/rules FILE --runs 2000` (CPU time on a busy machine)

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
    if let Some(n) = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok())
    {
        // Fixed amount of work, for CPU-time measurement (`perf stat`) on a busy machine.
        let mut sents = 0;
        for _ in 0..n {
            sents += RuleAnalyzer.analyze(&text).sentences.len();
        }
        println!("{sents} sentences analysed");
        return;
    }
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
        stage("segment", &text, |t| {
            wirecoder_text::segment::split_sentences(t).len()
        });
        stage("segment+tokenize", &text, |t| {
            wirecoder_text::segment::split_sentences(t)
                .into_iter()
                .map(|(s, e)| wirecoder_text::tokenize::tokenize(&t[s..e]).len())
                .sum()
        });
        stage("segment+tokenize+normalize+lemma", &text, |t| {
            let mut n = 0;
            for (s, e) in wirecoder_text::segment::split_sentences(t) {
                for (a, b) in wirecoder_text::tokenize::tokenize(&t[s..e]) {
                    let norm = wirecoder_text::normalize::normalize(&t[s + a..s + b]);
                    n += wirecoder_text::lemma::lemmatize(&norm).len();
                }
            }
            n
        });
        let tokenized: Vec<Vec<&str>> = wirecoder_text::segment::split_sentences(&text)
            .into_iter()
            .map(|(s, e)| {
                wirecoder_text::tokenize::tokenize(&text[s..e])
                    .into_iter()
                    .map(|(a, b)| &text[s + a..s + b])
                    .collect()
            })
            .collect();
        if let Some(tagger) = wirecoder_text::tagger::PosTagger::get() {
            stage("tag only", &text, |_| {
                tokenized.iter().map(|toks| tagger.tag(toks).len()).sum()
            });
        }
        println!(
            "{runs} runs: {:.0} sentences/s, {:.0} tokens/s (1 thread)",
            sents as f64 / secs,
            toks as f64 / secs
        );
        return;
    }
    if args.iter().any(|a| a == "--lemmas") {
        // One "word TAG" per line in FILE → "word TAG lemma".
        for line in text.lines() {
            let mut it = line.split_whitespace();
            if let Some(w) = it.next() {
                let tag = it.next().unwrap_or("");
                let norm = wirecoder_text::normalize::normalize(w);
                println!(
                    "{w} {tag} {}",
                    wirecoder_text::lemma::lemmatize_tagged(&norm, tag)
                );
            }
        }
        return;
    }
    let show_tokens = args.iter().any(|a| a == "--tokens");
    let a = RuleAnalyzer.analyze(&text);
    for (i, s) in a.sentences.iter().enumerate() {
        println!("[{i}] {}", s.text.replace('\n', "\\n"));
        if show_tokens {
            for t in &a.tokens[s.token_start..s.token_end] {
                println!(
                    "      {:<16} {:<16} {:<5} {}",
                    t.text, t.lemma, t.tag, t.pos
                );
            }
        }
    }
}

/// Time one stage of the pipeline for about a second; prints runs of the whole text per second.
fn stage(name: &str, text: &str, f: impl Fn(&str) -> usize) {
    let t0 = Instant::now();
    let (mut runs, mut sink) = (0usize, 0usize);
    while t0.elapsed().as_secs_f64() < 1.0 {
        sink = sink.wrapping_add(f(text));
        runs += 1;
    }
    let per_run = t0.elapsed().as_secs_f64() / runs as f64;
    let sents = wirecoder_text::segment::split_sentences(text).len() as f64;
    println!(
        "{name}: {:.0} sentences/s ({sink} checksum)",
        sents / per_run
    );
}
