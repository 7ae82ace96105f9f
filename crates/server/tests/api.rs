//! Starts the real server on a loopback port and calls it over HTTP/1.1 (raw TcpStream).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::Arc;

use serde_json::Value;
use wirecoder_core::{
    Analysis, Document, Event, EventActor, Evidence, Place, Quote, QuoteKind, Sentence, Speaker,
};
use wirecoder_server::{spawn, IngestFn, ServerConfig};
use wirecoder_store::{ingest, IngestConfig, SkippedInput};

fn actor(code: &str, text: &str, start: usize) -> EventActor {
    EventActor {
        text: text.into(),
        code: code.into(),
        country: Some(code[..3].to_string()),
        sectors: vec![code[3..].to_string()],
        name: None,
        start,
        end: start + text.len(),
    }
}

/// Every document codes "<SRC> <cameo> <TGT>" from its first line: e.g. "IRNGOV 043 SYRGOV".
fn analyze(doc: &Document) -> Analysis {
    let first = doc.body.lines().next().unwrap_or("");
    let parts: Vec<&str> = first.split_whitespace().collect();
    let mut events = Vec::new();
    if let [src, cameo, tgt, ..] = parts[..] {
        events.push(Event {
            doc: doc.id.clone(),
            sentence: 0,
            date: None,
            date_text: None,
            source: actor(src, src, 0),
            target: Some(actor(tgt, tgt, src.len() + cameo.len() + 2)),
            cameo: cameo.into(),
            root: cameo[..2].into(),
            label: "test".into(),
            goldstein: if cameo.starts_with('1') { -5.0 } else { 3.0 },
            quad_class: if cameo.starts_with('1') { 4 } else { 1 },
            plover: None,
            place: Some(Place {
                text: "Tehran".into(),
                name: "Tehran".into(),
                country: "IR".into(),
                admin1: None,
                lat: 35.69,
                lon: 51.42,
                geonames_id: 112931,
                feature: "P.PPLC".into(),
                start: 0,
                end: 0,
            }),
            evidence: Evidence {
                sentence_text: doc.body.clone(),
                verb: cameo.into(),
                verb_start: src.len() + 1,
                verb_end: src.len() + 1 + cameo.len(),
                rule: "test".into(),
            },
        });
    }
    Analysis {
        doc: doc.id.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        date: doc.published.map(|d| d.to_string()),
        dateline: None,
        sentences: vec![Sentence {
            text: doc.body.clone(),
            start: 0,
            end: doc.body.chars().count(),
            ..Default::default()
        }],
        actors: vec![],
        places: vec![],
        dates: vec![],
        quotes: vec![Quote {
            speaker: Some(Speaker {
                text: "Zarif".into(),
                name: Some("Mohammad Javad Zarif".into()),
                code: Some("IRNGOV".into()),
                country: Some("IRN".into()),
            }),
            text: doc.body.clone(),
            start: 0,
            end: doc.body.chars().count(),
            kind: QuoteKind::Direct,
            sentence: 0,
        }],
        events,
        entities: vec![],
    }
}

fn docs() -> Vec<Document> {
    let lines = [
        "IRNGOV 043 SYRGOV and other words about a visit",
        "RUSMIL 190 SYRREB with words about fighting in the north",
        "IRNGOV 043 SYRGOV with another article about the same visit",
        "USAGOV 036 IRNGOV about an offer to meet next week",
    ];
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| Document {
            id: format!("d{i}"),
            url: Some(format!("https://site{i}.example/a")),
            title: Some(format!("Story {i}")),
            published: chrono::NaiveDate::from_ymd_opt(2016, 6, 9 + (i % 2) as u32),
            body: l.to_string(),
            ..Default::default()
        })
        .collect()
}

fn build_db(path: &Path) {
    ingest(
        path,
        docs().into_iter().map(Ok::<_, SkippedInput>),
        analyze,
        &IngestConfig::default(),
        |_, _| {},
    )
    .unwrap();
}

fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap();
    let status: u16 = head.split(' ').nth(1).unwrap().parse().unwrap();
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        let mut out = String::new();
        let mut rest = rest;
        while let Some((size, after)) = rest.split_once("\r\n") {
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            out.push_str(&after[..n]);
            rest = &after[n + 2..];
        }
        out
    } else {
        rest.to_string()
    };
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, Value) {
    let (s, b) = request(addr, "GET", path, &[], "");
    (s, serde_json::from_str(&b).unwrap_or(Value::String(b)))
}

fn start(db: &Path, token: Option<&str>) -> SocketAddr {
    let ingest_fn: IngestFn = Arc::new({
        let db = db.to_path_buf();
        move |docs: Vec<Document>| {
            ingest(
                &db,
                docs.into_iter().map(Ok),
                analyze,
                &IngestConfig::default(),
                |_, _| {},
            )
            .map_err(|e| e.to_string())
        }
    });
    spawn(
        "127.0.0.1:0".parse().unwrap(),
        ServerConfig {
            db: db.to_path_buf(),
            write_token: token.map(str::to_string),
            ingest: Some(ingest_fn),
        },
    )
    .unwrap()
}

#[test]
fn read_endpoints() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("api.db");
    build_db(&db);
    let addr = start(&db, None);

    let (s, v) = get(addr, "/api/events");
    assert_eq!(s, 200);
    assert_eq!(
        v["count"], 3,
        "the two IRNGOV 043 SYRGOV articles of one day are one event"
    );
    let (_, v) = get(addr, "/api/events?actor=irn&limit=1");
    assert_eq!(v["count"], 1);
    let next = v["next_cursor"].as_str().unwrap().to_string();
    let (_, v2) = get(
        addr,
        &format!("/api/events?actor=IRN&limit=1&cursor={next}"),
    );
    assert!(v2["events"][0]["id"].as_i64() > v["events"][0]["id"].as_i64());
    assert_eq!(get(addr, "/api/events?dyad=IRNGOV,SYRGOV").1["count"], 1);
    assert_eq!(get(addr, "/api/events?root=19").1["count"], 1);
    assert_eq!(get(addr, "/api/events?quad=4&country=RUS").1["count"], 1);
    assert_eq!(
        get(addr, "/api/events?from=2016-06-10&to=2016-06-11").1["count"],
        2
    );
    assert_eq!(get(addr, "/api/events?bbox=50,30,60,40").1["count"], 3);
    assert_eq!(get(addr, "/api/events?bbox=-10,-10,10,10").1["count"], 0);
    assert_eq!(get(addr, "/api/events?q=fighting%20north").1["count"], 1);
    assert_eq!(get(addr, "/api/events?cameo=04").1["count"], 1);

    for (path, param) in [
        ("/api/events?limit=abc", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?from=2016-02-30", "from"),
        ("/api/events?from=2016-06-12&to=2016-06-01", "to"),
        ("/api/events?bbox=1,2,3", "bbox"),
        ("/api/events?quad=9", "quad"),
        ("/api/events?root=33", "root"),
        ("/api/events?dyad=IRN", "dyad"),
        ("/api/events?actor=I%20R", "actor"),
        ("/api/events?country=Iran", "country"),
        ("/api/events?colour=red", "colour"),
        ("/api/events?cursor=-1", "cursor"),
        ("/api/timeline?bucket=year", "bucket"),
        ("/api/actors?top=x", "top"),
        ("/api/events/abc", "id"),
    ] {
        let (s, v) = get(addr, path);
        assert_eq!(s, 400, "{path}: {v}");
        assert_eq!(v["parameter"], param, "{path}: {v}");
        assert!(v["error"].is_string());
    }
    // limits are capped, not refused
    assert_eq!(get(addr, "/api/events?limit=100000").0, 200);

    let (s, ev) = get(addr, "/api/events/1");
    assert_eq!(s, 200);
    assert_eq!(ev["num_articles"], 2);
    assert_eq!(ev["mentions"].as_array().unwrap().len(), 2);
    assert_eq!(ev["mentions"][0]["verb"], "043");
    assert_eq!(get(addr, "/api/events/999").0, 404);

    let (s, a) = get(addr, "/api/articles/2");
    assert_eq!(s, 200);
    assert!(a["text"].as_str().unwrap().contains("fighting"));
    assert!(a["spans"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["type"] == "event" && s["text"] == "190"));
    assert_eq!(get(addr, "/api/articles/77").0, 404);

    let (_, actors) = get(addr, "/api/actors?top=1");
    assert_eq!(actors["actors"][0]["code"], "IRNGOV");
    let (_, net) = get(addr, "/api/network?from=2016-06-01&to=2016-06-30");
    assert_eq!(net["dyads"].as_array().unwrap().len(), 3);
    let (_, tl) = get(addr, "/api/timeline?actor=IRNGOV&bucket=month");
    assert_eq!(tl["series"][0]["bucket"], "2016-06");
    assert_eq!(tl["series"][0]["events"], 2);
    let (_, q) = get(addr, "/api/quotes?speaker=mohammad%20javad%20zarif");
    assert_eq!(q["quotes"].as_array().unwrap().len(), 4);
    let (s, spec) = get(addr, "/api/openapi.json");
    assert_eq!(s, 200);
    assert!(
        spec["paths"]["/api/events"]["get"]["parameters"]
            .as_array()
            .unwrap()
            .len()
            >= 12
    );
    let (s, html) = request(addr, "GET", "/", &[], "");
    assert_eq!(s, 200);
    assert!(html.contains("<svg id=\"map\""));
    // the map's country outlines: SVG paths for at least every large country
    let (s, world) = get(addr, "/assets/world.json");
    assert_eq!(s, 200);
    let countries = world["countries"].as_array().unwrap();
    assert!(countries.len() > 150);
    assert!(countries
        .iter()
        .any(|c| c["name"] == "Syria" && c["d"].as_str().unwrap().starts_with('M')));
    assert_eq!(get(addr, "/nope").0, 404);

    // read-only server refuses ingests
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/ingest",
            &[("Content-Type", "application/json")],
            "{\"documents\":[]}"
        )
        .0,
        403
    );

    // readers are served while a writer holds the write lock
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE events SET goldstein = goldstein WHERE id = 1;")
        .unwrap();
    assert_eq!(get(addr, "/api/events?limit=5").0, 200);
    writer.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn ingest_needs_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    build_db(&db);
    let addr = start(&db, Some("s3cret"));
    let body = r#"{"documents":[{"id":"new","url":"https://x.example/1","title":"t","date":"2016-07-01","text":"CHNGOV 057 RUSGOV signed a deal"}]}"#;
    let json = ("Content-Type", "application/json");
    assert_eq!(request(addr, "POST", "/api/ingest", &[json], body).0, 401);
    assert_eq!(
        request(
            addr,
            "POST",
            "/api/ingest",
            &[json, ("Authorization", "Bearer wrong!")],
            body
        )
        .0,
        401
    );
    let (s, b) = request(
        addr,
        "POST",
        "/api/ingest",
        &[json, ("Authorization", "Bearer s3cret")],
        "{\"documents\": 3}",
    );
    assert_eq!(s, 400, "{b}");
    let (s, b) = request(
        addr,
        "POST",
        "/api/ingest",
        &[json, ("Authorization", "Bearer s3cret")],
        body,
    );
    assert_eq!(s, 200, "{b}");
    let summary: Value = serde_json::from_str(&b).unwrap();
    assert_eq!(summary["articles"], 1);
    assert_eq!(summary["new_events"], 1);
    assert_eq!(get(addr, "/api/events?actor=CHN").1["count"], 1);
    // posting it again changes nothing
    let (_, b) = request(
        addr,
        "POST",
        "/api/ingest",
        &[json, ("Authorization", "Bearer s3cret")],
        body,
    );
    let summary: Value = serde_json::from_str(&b).unwrap();
    assert_eq!(summary["articles"], 0);
    assert_eq!(get(addr, "/api/stats").1["events"], 4);
}
