//! Read inputs and print counts, bytes and time: `cargo run -p wirecoder-ingest --release
//! --example ingest_stats -- <files or dirs>`.

use std::time::Instant;

use wirecoder_ingest::{list_sources, read_source, IngestOptions};

fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let sources = match list_sources(&inputs) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let opts = IngestOptions::default();
    let start = Instant::now();
    let (mut docs, mut errors, mut body_bytes) = (0usize, 0usize, 0usize);
    let file_bytes: u64 = sources.iter().filter_map(|s| s.size).sum();
    for s in &sources {
        for r in read_source(s, &opts) {
            match r {
                Ok(d) => {
                    docs += 1;
                    body_bytes += d.body.len();
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("error: {e}");
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} sources, {file_bytes} bytes in, {docs} documents ({body_bytes} body bytes), {errors} errors, {secs:.2}s ({:.1} MB/s)",
        sources.len(),
        file_bytes as f64 / 1e6 / secs.max(1e-9)
    );
}
