//! A 50 MB JSONL file (generated in a temp dir, never committed) streams line by line:
//! every record comes out and peak memory stays far below the file size. A 50 MB plain-text
//! file is refused as one document instead of being loaded whole.

use std::fs;
use std::io::{BufWriter, Write};

use wirecoder_ingest::{documents, list_sources, IngestOptions};

const TARGET_BYTES: u64 = 50 * 1024 * 1024;

/// Peak resident set size in KB (Linux only).
fn peak_rss_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn fifty_megabytes_stream() {
    let tmp = tempfile::tempdir().unwrap();
    let jsonl = tmp.path().join("big.jsonl");
    let mut w = BufWriter::new(fs::File::create(&jsonl).unwrap());
    let paragraph = "Officials in the capital said the talks would continue next week. ".repeat(12);
    let mut written = 0u64;
    let mut lines = 0u64;
    while written < TARGET_BYTES {
        let line = format!(
            "{{\"id\":\"doc-{lines}\",\"date\":\"2020-01-02\",\"text\":\"{paragraph}\\n\\nSecond paragraph {lines}.\"}}\n"
        );
        w.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
        lines += 1;
    }
    w.flush().unwrap();
    drop(w);

    let name = jsonl.to_string_lossy().into_owned();
    let sources = list_sources(std::slice::from_ref(&name)).unwrap();
    assert_eq!(sources[0].size, Some(written));

    let before = peak_rss_kb();
    let mut count = 0u64;
    let mut body_bytes = 0usize;
    for d in documents(std::slice::from_ref(&name), &IngestOptions::default()) {
        let d = d.unwrap();
        body_bytes += d.body.len();
        count += 1;
    }
    assert_eq!(count, lines);
    assert!(body_bytes as u64 > TARGET_BYTES / 2);
    if let (Some(b), Some(a)) = (before, peak_rss_kb()) {
        // Reading the file whole would add at least 50 MB; streaming adds a few buffers.
        assert!(
            a.saturating_sub(b) < 40 * 1024,
            "peak RSS grew by {} KB",
            a - b
        );
    }

    // The same size as one plain-text document is refused, not loaded.
    let txt = tmp.path().join("big.txt");
    let mut w = BufWriter::new(fs::File::create(&txt).unwrap());
    let mut n = 0u64;
    while n < TARGET_BYTES {
        w.write_all(paragraph.as_bytes()).unwrap();
        w.write_all(b"\n\n").unwrap();
        n += paragraph.len() as u64 + 2;
    }
    w.flush().unwrap();
    drop(w);
    let out: Vec<_> = documents(
        &[txt.to_string_lossy().into_owned()],
        &IngestOptions::default(),
    )
    .collect();
    assert_eq!(out.len(), 1);
    let e = out[0].as_ref().unwrap_err();
    assert!(e.reason.contains("too big for one document"), "{e}");
}
