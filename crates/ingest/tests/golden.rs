//! Golden tests: each fixture in tests/fixtures/ingest is read and its documents/errors are
//! compared with tests/fixtures/ingest/expected/<file>.json.
//! `UPDATE_GOLDEN=1 cargo test -p wirecoder-ingest` rewrites the expectations.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{json, Value};
use wirecoder_ingest::{documents, list_sources, read_reader, IngestOptions};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ingest")
}

fn opts() -> IngestOptions {
    IngestOptions {
        doc_date: NaiveDate::from_ymd_opt(2024, 1, 1),
        ..Default::default()
    }
}

fn render(
    results: impl Iterator<Item = Result<wirecoder_core::Document, wirecoder_ingest::IngestError>>,
) -> Value {
    Value::Array(
        results
            .map(|r| match r {
                Ok(d) => serde_json::to_value(d).unwrap(),
                Err(e) => json!({ "error": e.to_string() }),
            })
            .collect(),
    )
}

fn check_golden(file: &str) {
    let path = fixtures().join(file);
    let reader = fs::File::open(&path).unwrap();
    let got = render(read_reader(file, Box::new(reader), &opts()));
    let got = serde_json::to_string_pretty(&got).unwrap() + "\n";
    let expected_path = fixtures().join("expected").join(format!("{file}.json"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
        fs::write(&expected_path, &got).unwrap();
        return;
    }
    let want = fs::read_to_string(&expected_path).unwrap_or_else(|_| {
        panic!(
            "missing {}: run with UPDATE_GOLDEN=1",
            expected_path.display()
        )
    });
    assert_eq!(
        got, want,
        "golden mismatch for {file} (UPDATE_GOLDEN=1 to accept)"
    );
}

macro_rules! golden {
    ($($test:ident => $file:expr),* $(,)?) => {
        $(#[test] fn $test() { check_golden($file); })*
    };
}

golden! {
    golden_article_txt => "article.txt",
    golden_inline_dateline_txt => "inline_dateline.txt",
    golden_latin1_txt => "latin1.txt",
    golden_empty_txt => "empty.txt",
    golden_blank_txt => "blank.txt",
    golden_binary_bin => "binary.bin",
    golden_article_html => "article.html",
    golden_timed_htm => "timed.htm",
    golden_articles_jsonl => "articles.jsonl",
    golden_broken_jsonl => "broken.jsonl",
    golden_feed_rss => "feed.rss",
    golden_feed_atom => "feed.atom",
    golden_pages_warc => "pages.warc",
    golden_corpus_xml => "corpus.xml",
    golden_array_json => "array.json",
}

/// Key facts spelled out, so a wrong golden file cannot hide them.
#[test]
fn seed_structure_is_understood() {
    let docs: Vec<_> = read_reader(
        "article.txt",
        Box::new(fs::File::open(fixtures().join("article.txt")).unwrap()),
        &opts(),
    )
    .collect();
    let d = docs[0].as_ref().unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("Ministers agree on new border crossings in Geneva talks")
    );
    assert_eq!(d.dateline_place.as_deref(), Some("GENEVA"));
    assert_eq!(d.dateline_source.as_deref(), Some("Agence France-Presse"));
    assert!(d.body.starts_with("The foreign ministers of Armenia"));
    assert!(!d.body.contains("AFP"), "photo credits are not body");
    assert!(!d.body.contains("Ministers agree"), "titles are not body");
    assert_eq!(d.body.matches("\n\n").count(), 3, "four paragraphs");
    assert_eq!(d.published, NaiveDate::from_ymd_opt(2024, 1, 1));
}

#[test]
fn broken_jsonl_reports_line_and_continues() {
    let docs: Vec<_> = read_reader(
        "broken.jsonl",
        Box::new(fs::File::open(fixtures().join("broken.jsonl")).unwrap()),
        &opts(),
    )
    .collect();
    let summary: Vec<String> = docs
        .iter()
        .map(|r| match r {
            Ok(d) => d.id.clone(),
            Err(e) => e.location.clone(),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "ok-1",
            "broken.jsonl:2",
            "ok-3",
            "broken.jsonl:4",
            "broken.jsonl:5",
            "ok-6"
        ]
    );
}

#[test]
fn real_seed_if_present() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/article.txt");
    if !seed.exists() {
        eprintln!("skipping: {} not found", seed.display());
        return;
    }
    let d = documents(&[seed.to_string_lossy().into_owned()], &opts())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        d.title.as_deref(),
        Some("Russia, Iran coordinate with Syria in Tehran talks")
    );
    assert_eq!(d.dateline_place.as_deref(), Some("TEHRAN"));
    assert_eq!(d.dateline_source.as_deref(), Some("Agence France-Presse"));
    assert!(
        d.body.starts_with("The defense ministers of allies Iran"),
        "{}",
        &d.body[..80]
    );
    assert!(!d.body.contains("AFP photo"));
}

#[test]
fn geoparsing_corpora_if_present() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/benchmarks/geoparsing");
    if !dir.exists() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    for (file, n) in [
        ("GWN.xml", 200),
        ("lgl.xml", 588),
        ("TR-News.xml", 118),
        ("GeoVirus.xml", 229),
    ] {
        let path = dir.join(file).to_string_lossy().into_owned();
        let docs: Vec<_> = documents(std::slice::from_ref(&path), &opts()).collect();
        let first_err = docs.iter().find_map(|d| d.as_ref().err());
        assert_eq!(docs.len(), n, "{file}: {first_err:?}");
        for (i, d) in docs.iter().enumerate() {
            let d = d.as_ref().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(d.id, format!("{path}#{}", i + 1));
        }
    }
    // LGL gold offsets are char offsets into the verbatim <text>.
    let lgl = dir.join("lgl.xml").to_string_lossy().into_owned();
    let first = documents(&[lgl], &opts()).next().unwrap().unwrap();
    let chars: Vec<char> = first.body.chars().collect();
    assert_eq!(chars[0..10].iter().collect::<String>(), "Alexandria");
    assert_eq!(chars[109..119].iter().collect::<String>(), "Alexandria");
    assert_eq!(first.published, NaiveDate::from_ymd_opt(2009, 3, 20));
}

#[test]
fn directories_are_walked_sorted_skipping_hidden() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir_all(root.join("b/inner")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join("b/inner/z.txt"), "Deep file body.").unwrap();
    fs::write(root.join("b/a.txt"), "B a body.").unwrap();
    fs::write(root.join("a.txt"), "Top body.").unwrap();
    fs::write(root.join(".hidden.txt"), "Hidden.").unwrap();
    fs::write(root.join(".git/config.txt"), "Hidden too.").unwrap();
    fs::write(
        root.join("c.jsonl"),
        "{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n",
    )
    .unwrap();
    let input = root.to_string_lossy().into_owned();
    let ids: Vec<String> = documents(std::slice::from_ref(&input), &opts())
        .map(|r| r.unwrap().id)
        .collect();
    let rel: Vec<&str> = ids.iter().map(|id| &id[input.len()..]).collect();
    assert_eq!(
        rel,
        [
            "/a.txt",
            "/b/a.txt",
            "/b/inner/z.txt",
            "/c.jsonl#1",
            "/c.jsonl#2"
        ]
    );

    let sources = list_sources(&[input.clone(), "-".to_string()]).unwrap();
    assert_eq!(sources.len(), 5);
    assert_eq!(sources[0].size, Some(9));
    assert_eq!(sources[4].name, "-");
    assert_eq!(sources[4].path, None);
}

#[test]
fn missing_input_is_an_error_and_the_rest_is_read() {
    let good = fixtures()
        .join("inline_dateline.txt")
        .to_string_lossy()
        .into_owned();
    let results: Vec<_> = documents(&["/no/such/file.txt".to_string(), good], &opts()).collect();
    assert_eq!(results.len(), 2);
    assert!(results[0]
        .as_ref()
        .unwrap_err()
        .location
        .contains("/no/such/file.txt"));
    assert!(results[1].is_ok());
    assert!(list_sources(&["/no/such/file.txt".to_string()]).is_err());
}

#[test]
fn gzipped_warc_reads_like_plain_warc() {
    let raw = fs::read(fixtures().join("pages.warc")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let gz_path = tmp.path().join("pages.warc.gz");
    let mut enc = flate2::write::GzEncoder::new(
        fs::File::create(&gz_path).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(&raw).unwrap();
    enc.finish().unwrap();
    let gz_name = gz_path.to_string_lossy().into_owned();
    let plain: Vec<_> = read_reader("pages.warc", Box::new(std::io::Cursor::new(raw)), &opts())
        .map(|r| r.unwrap())
        .collect();
    let zipped: Vec<_> = documents(std::slice::from_ref(&gz_name), &opts())
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(plain.len(), zipped.len());
    for (p, z) in plain.iter().zip(&zipped) {
        assert_eq!(p.body, z.body);
        assert_eq!(z.id, format!("{gz_name}{}", &p.id["pages.warc".len()..]));
    }
}

#[test]
fn oversize_single_document_is_refused() {
    let small = IngestOptions {
        max_document_bytes: 20,
        ..Default::default()
    };
    let r: Vec<_> = read_reader(
        "x.txt",
        Box::new(std::io::Cursor::new(b"A body that is too long.".to_vec())),
        &small,
    )
    .collect();
    assert!(r[0]
        .as_ref()
        .unwrap_err()
        .reason
        .contains("larger than 20 bytes"));
    let r: Vec<_> = read_reader(
        "x.jsonl",
        Box::new(std::io::Cursor::new(
            b"{\"text\":\"far too long a line\"}\n{\"text\":\"ok\"}\n".to_vec(),
        )),
        &small,
    )
    .collect();
    assert_eq!(r[0].as_ref().unwrap_err().location, "x.jsonl:1");
    assert_eq!(r[1].as_ref().unwrap().body, "ok");
}

#[test]
fn stdin_names_are_dash() {
    let one: Vec<_> = read_reader(
        "-",
        Box::new(std::io::Cursor::new(
            b"Headline here\n\nBody text.".to_vec(),
        )),
        &opts(),
    )
    .collect();
    assert_eq!(one[0].as_ref().unwrap().id, "-");
    let many: Vec<_> = read_reader(
        "-",
        Box::new(std::io::Cursor::new(
            b"{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n".to_vec(),
        )),
        &opts(),
    )
    .map(|r| r.unwrap().id)
    .collect();
    assert_eq!(many, ["-#1", "-#2"]);
}
