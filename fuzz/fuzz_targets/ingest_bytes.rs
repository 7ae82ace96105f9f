//! Fuzz target: any bytes, read as any format, must never panic.
//! Run with `cargo +nightly fuzz run ingest_bytes` from the repository root.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecoder_ingest::{parse_plain, read_bytes, IngestOptions};

/// The first byte picks the file name, so the extension hint is fuzzed too.
const NAMES: &[&str] = &[
    "in.txt", "in.html", "in.jsonl", "in.json", "in.xml", "in.rss", "in.warc", "in.warc.gz", "-",
    "in",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[first as usize % NAMES.len()];
    let opts = IngestOptions {
        max_document_bytes: 1 << 20,
        ..Default::default()
    };
    for doc in read_bytes(name, rest, &opts).into_iter().flatten() {
        assert!(!doc.id.is_empty());
    }
    let _ = parse_plain(&String::from_utf8_lossy(rest), None);
});
