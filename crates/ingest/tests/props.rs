//! Property tests: arbitrary input never panics, and what comes out keeps its invariants.

use proptest::prelude::*;
use wirecoder_ingest::{decode_text, parse_date, parse_plain, read_bytes, sniff, IngestOptions};

/// Text made of the pieces the parsers look for, so cases reach the interesting branches.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("TEHRAN – Agence France-Presse".to_string()),
        Just("WASHINGTON (Reuters) - ".to_string()),
        Just("AFP photo".to_string()),
        Just("(AFP Photo/X)".to_string()),
        Just("Photo: Reuters".to_string()),
        Just("By Jane Doe".to_string()),
        Just("June 9, 2016".to_string()),
        Just("A headline here".to_string()),
        Just("A sentence.".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        "[A-Za-z .,–—()'\"-]{0,20}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn sniff_and_decode_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), name in "[a-z]{0,4}(\\.(txt|html|jsonl|xml|rss|warc|gz))?") {
        let _ = sniff(&name, &bytes);
        if let Ok((text, _)) = decode_text(&bytes) {
            prop_assert!(text.len() + 8 >= bytes.len() / 2);
        }
    }

    #[test]
    fn plain_text_invariants(text in newsy_text()) {
        let p = parse_plain(&text, None);
        prop_assert!(!p.body.contains("\n\n\n"));
        prop_assert_eq!(p.body.trim(), p.body.as_str());
        prop_assert!(!p.body.contains('\r'));
        if let Some(t) = &p.title {
            prop_assert!(!t.is_empty());
            prop_assert!(!p.body.is_empty(), "a title is only split off when a body remains");
        }
        // Deterministic.
        prop_assert_eq!(parse_plain(&text, None), p);
    }

    #[test]
    fn plain_text_nonempty_keeps_a_body(text in "[a-z]{3,10} [a-z]{3,10}( [a-z]{1,10}){0,4}") {
        // Any single line of words is body, never swallowed as a title.
        let p = parse_plain(&text, None);
        prop_assert!(!p.body.is_empty());
    }

    #[test]
    fn dates_never_panic(s in any::<String>()) {
        let _ = parse_date(&s);
    }

    #[test]
    fn jsonl_lines_never_panic(lines in prop::collection::vec(prop_oneof![
        any::<String>(),
        "\\{\"(id|text|html|date|title|url)\": ?(\"[^\"\\\\]{0,20}\"|[0-9]{1,3}|null|\\[\\])\\}",
        Just("{\"text\":\"ok.\",\"date\":\"2020-02-30\"}".to_string()),
    ], 0..8)) {
        let input = lines.join("\n");
        let docs = read_bytes("p.jsonl", input.as_bytes(), &IngestOptions::default());
        for d in docs {
            match d {
                Ok(doc) => prop_assert!(!doc.body.is_empty()),
                Err(e) => prop_assert!(e.location.starts_with("p.jsonl")),
            }
        }
    }

    #[test]
    fn any_bytes_in_any_format_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..1024),
        prefix in prop_oneof![
            Just(&b""[..]),
            Just(&b"WARC/1.0\r\nContent-Length: 5\r\nWARC-Type: response\r\n\r\n"[..]),
            Just(&b"<?xml version=\"1.0\"?><articles><article><text>"[..]),
            Just(&b"<rss><channel><item><title>"[..]),
            Just(&b"<html><body><p>"[..]),
            Just(&b"{\"text\":\""[..]),
        ],
        name in "x\\.(txt|html|jsonl|json|xml|rss|warc)",
    ) {
        let mut input = prefix.to_vec();
        input.extend_from_slice(&bytes);
        for d in read_bytes(&name, &input, &IngestOptions::default()).into_iter().flatten() {
            prop_assert!(d.id.starts_with(name.as_str()));
        }
    }
}

/// The fixtures, read once: mutating real files reaches deeper parser states than noise.
fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ingest");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn mutated_fixtures_never_panic(
        pick in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let files = fixture_files();
        let (name, bytes) = &files[pick.index(files.len())];
        let mut data = bytes.clone();
        for (at, byte, op) in edits {
            if data.is_empty() {
                data.push(byte);
                continue;
            }
            let i = at.index(data.len());
            match op {
                0 => data[i] = byte,
                1 => data.insert(i, byte),
                2 => { data.remove(i); }
                _ => data.insert(i, b'\n'),
            }
        }
        if cut.index(4) == 0 && !data.is_empty() {
            let len = cut.index(data.len());
            data.truncate(len);
        }
        for r in read_bytes(name, &data, &IngestOptions::default()) {
            match r {
                Ok(d) => prop_assert!(!d.id.is_empty() && !d.body.trim().is_empty()),
                Err(e) => prop_assert!(e.location.starts_with(name.as_str())),
            }
        }
    }
}
