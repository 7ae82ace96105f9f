//! `wirecoder ingest` end to end: idempotent re-runs, resume after `kill -9`, exports.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_wirecoder");

const COUNTRIES: [&str; 8] = [
    "Iran", "Syria", "Russia", "Turkey", "Israel", "Egypt", "France", "China",
];
const CITIES: [&str; 5] = ["Tehran", "Damascus", "Moscow", "Ankara", "Cairo"];
const TEMPLATES: [&str; 6] = [
    "{A} officials met {B} counterparts in {C} on Monday to discuss security cooperation.",
    "{A} forces attacked {B} positions near the border, local monitors said.",
    "The foreign minister of {A} criticized {B} for its role in the conflict.",
    "{A} agreed to provide economic aid to {B}, state media reported.",
    "{A} accused {B} of violating the ceasefire around {C}.",
    "Talks between {A} and {B} are expected to resume in {C} next week.",
];

/// A deterministic corpus of `n` JSONL articles.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let mut seed = 42u64;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % m
    };
    let mut out = String::new();
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..12 {
            let t = TEMPLATES[next(TEMPLATES.len())];
            let a = COUNTRIES[next(COUNTRIES.len())];
            let b = COUNTRIES[next(COUNTRIES.len())];
            let c = CITIES[next(CITIES.len())];
            text.push_str(&t.replace("{A}", a).replace("{B}", b).replace("{C}", c));
            text.push(' ');
        }
        let line = serde_json::json!({
            "id": format!("doc{i}"), "url": format!("https://news{}.example/{i}", i % 7),
            "title": format!("Story {i}"), "date": format!("2016-06-{:02}", 1 + i % 28), "text": text.trim_end(),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

fn ingest(db: &Path, input: &Path, extra: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--json",
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// Every table except the run log, row by row, in key order.
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables = [
        ("articles", "id"),
        ("article_bands", "band, hash, article_id"),
        ("sentences", "article_id, idx"),
        ("actors", "id"),
        ("actor_mentions", "article_id, start, end, actor_id"),
        ("places", "id"),
        ("place_mentions", "article_id, start, end, place_id"),
        ("quotes", "id"),
        ("events", "id"),
        ("event_sources", "event_id, source"),
        ("mentions", "id"),
    ];
    let mut out = Vec::new();
    for (t, order) in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {t} ORDER BY {order}"))
            .unwrap();
        let cols = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(r) = rows.next().unwrap() {
            let vals: Vec<String> = (0..cols)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            out.push(format!("{t}: {}", vals.join("|")));
        }
    }
    out
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn reingest_changes_nothing_and_kill_9_resumes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 400);

    // uninterrupted reference run
    let clean = dir.path().join("clean.db");
    let out = ingest(&clean, &input, &["--batch-size", "8"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["articles"], 400);
    let reference = dump(&clean);
    assert!(count(&clean, "articles") == 400);

    // the same input again: nothing changes
    let out = ingest(&clean, &input, &["--batch-size", "8"]);
    assert!(out.status.success());
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(again["articles"], 0);
    assert_eq!(again["skipped"]["already in the database"], 400);
    assert_eq!(dump(&clean), reference);

    // kill -9 in the middle, then run again
    let killed = dir.path().join("killed.db");
    let mut child = Command::new(BIN)
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            killed.to_str().unwrap(),
            "--batch-size",
            "8",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut interrupted = false;
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        let n = if killed.exists() {
            count(&killed, "articles")
        } else {
            0
        };
        if n > 0 {
            child.kill().unwrap(); // SIGKILL on Unix
            let _ = child.wait();
            interrupted = n < 400;
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "ingest made no progress"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // 400 documents in batches of 8: the first commit comes long before the last.
    assert!(
        interrupted,
        "the ingest finished before it could be killed; resume not exercised"
    );
    let out = ingest(&killed, &input, &["--batch-size", "8"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        dump(&killed),
        reference,
        "a killed and resumed ingest must equal a clean one"
    );
}

#[test]
fn exports_from_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 30);
    let db = dir.path().join("e.db");
    assert!(ingest(&db, &input, &[]).status.success());
    for (format, check) in [("gdelt", 61usize), ("mentions", 16)] {
        let out = Command::new(BIN)
            .args(["export", "--db", db.to_str().unwrap(), "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for line in text.lines() {
            assert_eq!(line.split('\t').count(), check, "{format}: {line}");
        }
    }
    let pq = dir.path().join("e.parquet");
    let out = Command::new(BIN)
        .args([
            "export",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "parquet",
            "--out",
            pq.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(&std::fs::read(&pq).unwrap()[..4], b"PAR1");
    let out = Command::new(BIN)
        .args([
            "export",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "parquet",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success(), "parquet to stdout must be refused");
    let out = Command::new(BIN)
        .args([
            "export",
            "--db",
            dir.path().join("missing.db").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// The geoparsing news corpus (read from ../shared, never copied): ingest twice, no duplicates.
#[test]
fn geoparsing_corpus_twice_without_duplication() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/benchmarks/geoparsing/TR-News.xml");
    if !shared.exists() {
        eprintln!("skipping: {} not found", shared.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("geo.db");
    let first = ingest(&db, &shared, &["--doc-date", "2017-01-01"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = dump(&db);
    let articles = count(&db, "articles");
    assert!(articles > 100, "{articles}");
    let second = ingest(&db, &shared, &["--doc-date", "2017-01-01"]);
    assert!(second.status.success());
    assert_eq!(dump(&db), before);
}

/// A reader that goes away (`wirecoder export ... | head -c 10`) ends the export quietly and
/// successfully, as other command-line tools do.
#[test]
fn closed_output_pipe_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 40);
    let db = dir.path().join("pipe.db");
    assert!(ingest(&db, &input, &["--nlp", "rules"]).status.success());
    let mut child = Command::new(BIN)
        .args(["export", "--db", db.to_str().unwrap(), "--format", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the next write fails with a broken pipe.
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
