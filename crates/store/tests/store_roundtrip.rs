//! Store behaviour on synthetic analyses: aggregation, near-duplicates, idempotence, exports.

use std::path::Path;

use wirecoder_core::{
    ActorKind, ActorMention, Analysis, Document, Event, EventActor, Evidence, Place, Plover, Quote,
    QuoteKind, Sentence, Speaker,
};
use wirecoder_store::export::{export, Format, GDELT_EVENT_COLUMNS};
use wirecoder_store::{ingest, EventFilter, IngestConfig, Reader, SkippedInput};

const COUNTRIES: [(&str, &str); 3] = [("Iran", "IRN"), ("Syria", "SYR"), ("Russia", "RUS")];

fn actor(word: &str, start: usize) -> Option<EventActor> {
    let (_, code) = COUNTRIES.iter().find(|(n, _)| *n == word)?;
    Some(EventActor {
        text: word.to_string(),
        code: format!("{code}GOV"),
        country: Some(code.to_string()),
        sectors: vec!["GOV".into()],
        name: None,
        start,
        end: start + word.chars().count(),
    })
}

/// A toy coder: "A met B [in Tehran]." → 040 A→B; "A attacked B." → 190.
fn toy_analyze(doc: &Document) -> Analysis {
    let mut sentences = Vec::new();
    let mut events = Vec::new();
    let mut actors = Vec::new();
    let mut quotes = Vec::new();
    let mut offset = 0usize;
    for (i, raw) in doc.body.split_inclusive(". ").enumerate() {
        let len = raw.chars().count();
        let text = raw.trim_end().to_string();
        sentences.push(Sentence {
            text: text.clone(),
            start: offset,
            end: offset + text.chars().count(),
            ..Default::default()
        });
        let words: Vec<&str> = text.trim_end_matches('.').split(' ').collect();
        for (verb, cameo, root, gold, quad, plover) in [
            ("met", "040", "04", 1.0, 1u8, "CONSULT"),
            ("attacked", "190", "19", -10.0, 4u8, "FIGHT"),
        ] {
            if let Some(vi) = words.iter().position(|w| *w == verb) {
                let pos = |k: usize| {
                    offset
                        + words[..k]
                            .iter()
                            .map(|w| w.chars().count() + 1)
                            .sum::<usize>()
                };
                let (Some(src), Some(tgt)) = (
                    vi.checked_sub(1).and_then(|k| actor(words[k], pos(k))),
                    words.get(vi + 1).and_then(|w| actor(w, pos(vi + 1))),
                ) else {
                    continue;
                };
                let place = words.iter().position(|w| *w == "Tehran").map(|k| Place {
                    text: "Tehran".into(),
                    name: "Tehran".into(),
                    country: "IR".into(),
                    admin1: Some("Tehran".into()),
                    lat: 35.694,
                    lon: 51.422,
                    geonames_id: 112931,
                    feature: "P.PPLC".into(),
                    start: pos(k),
                    end: pos(k) + 6,
                });
                for a in [&src, &tgt] {
                    actors.push(ActorMention {
                        text: a.text.clone(),
                        code: a.code.clone(),
                        country: a.country.clone(),
                        sectors: a.sectors.clone(),
                        name: None,
                        kind: ActorKind::Country,
                        sentence: i,
                        start: a.start,
                        end: a.end,
                        token_start: 0,
                        token_end: 0,
                        country_inferred: false,
                    });
                }
                events.push(Event {
                    doc: doc.id.clone(),
                    sentence: i,
                    date: None,
                    date_text: None,
                    source: src,
                    target: Some(tgt),
                    cameo: cameo.into(),
                    root: root.into(),
                    label: verb.into(),
                    goldstein: gold,
                    quad_class: quad,
                    plover: Some(Plover {
                        event: plover.into(),
                        mode: None,
                        context: vec![],
                    }),
                    place,
                    evidence: Evidence {
                        sentence_text: text.clone(),
                        verb: verb.into(),
                        verb_start: pos(vi),
                        verb_end: pos(vi) + verb.len(),
                        rule: format!("toy:{verb}"),
                    },
                });
            }
        }
        if text.contains("said") {
            quotes.push(Quote {
                speaker: Some(Speaker {
                    text: "the minister".into(),
                    name: Some("Hossein Dehghan".into()),
                    code: Some("IRNGOV".into()),
                    country: Some("IRN".into()),
                }),
                text: text.clone(),
                start: offset,
                end: offset + text.chars().count(),
                kind: QuoteKind::Indirect,
                sentence: i,
            });
        }
        offset += len;
    }
    Analysis {
        doc: doc.id.clone(),
        title: doc.title.clone(),
        url: doc.url.clone(),
        date: doc.published.map(|d| d.to_string()),
        dateline: None,
        sentences,
        actors,
        places: vec![],
        dates: vec![],
        quotes,
        events,
        entities: vec![],
    }
}

const STORY: &str = "Iran met Syria in Tehran on Thursday to discuss military cooperation. \
The two ministers agreed to expand joint training and intelligence sharing, the agency said. \
Russia attacked Syria near the northern border overnight according to local monitors. \
Officials expect further talks later this month as fighting continues around the city.";

fn doc(id: &str, url: &str, title: &str, body: &str) -> Document {
    Document {
        id: id.into(),
        url: Some(url.into()),
        title: Some(title.into()),
        published: chrono::NaiveDate::from_ymd_opt(2016, 6, 9),
        body: body.into(),
        ..Default::default()
    }
}

fn run(db: &Path, docs: Vec<Document>) -> wirecoder_store::IngestSummary {
    let items = docs.into_iter().map(Ok::<_, SkippedInput>);
    ingest(
        db,
        items,
        toy_analyze,
        &IngestConfig {
            batch_size: 2,
            near_dup_threshold: 0.7,
        },
        |_, _| {},
    )
    .expect("ingest")
}

fn counts(db: &Path) -> serde_json::Value {
    Reader::open(db).unwrap().stats().unwrap()
}

#[test]
fn aggregation_near_duplicates_and_idempotence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let other = "Heavy rain flooded the city centre on Monday and closed several schools. \
                 Forecasters warned of more storms moving in from the coast later in the week.";
    let s1 = run(
        &db,
        vec![
            doc("a", "https://www.example.com/a", "Iran hosts Syria", STORY),
            doc("b", "https://news.example.org/b", "Rain", other),
            doc(
                "a-again",
                "https://www.example.com/a",
                "Iran hosts Syria",
                STORY,
            ),
            Document {
                id: "empty".into(),
                ..Default::default()
            },
        ],
    );
    assert_eq!(s1.articles, 2);
    assert_eq!(s1.new_events, 2);
    assert_eq!(s1.skipped.get("repeated in this input"), Some(&1));
    assert_eq!(s1.skipped.get("empty body"), Some(&1));
    let before = counts(&db);
    assert_eq!(before["events"], 2);
    assert_eq!(before["quotes"], 1);

    // the same input again changes nothing
    let s2 = run(
        &db,
        vec![doc(
            "a",
            "https://www.example.com/a",
            "Iran hosts Syria",
            STORY,
        )],
    );
    assert_eq!(s2.articles, 0);
    assert_eq!(s2.skipped.get("already in the database"), Some(&1));
    assert_eq!(counts(&db), before);

    // a republished copy elsewhere, another headline and a trimmed last sentence
    let trimmed = STORY
        .rsplit_once(" Officials")
        .map(|x| x.0)
        .unwrap_or(STORY);
    let s3 = run(
        &db,
        vec![doc(
            "c",
            "https://mirror.example.net/c",
            "Syria in talks with Iran",
            trimmed,
        )],
    );
    assert_eq!(s3.articles, 1);
    assert_eq!(s3.near_duplicates, 1);
    assert_eq!(s3.new_events, 0);
    let after = counts(&db);
    assert_eq!(after["events"], 2, "a republished copy must not add events");
    assert_eq!(after["clusters"], before["clusters"]);
    let reader = Reader::open(&db).unwrap();
    let (events, next) = reader
        .events(&EventFilter {
            limit: Some(10),
            ..Default::default()
        })
        .unwrap();
    assert!(next.is_none());
    let meet = events.iter().find(|e| e.cameo == "040").unwrap();
    assert_eq!(meet.num_articles, 2);
    assert_eq!(meet.num_mentions, 2);
    assert_eq!(meet.num_sources, 2);
    assert!(meet.is_root);
    assert_eq!(meet.date, "2016-06-09");
    assert_eq!(meet.place.as_ref().map(|p| p.geonames_id), Some(112931));
    let article = reader.article(3).unwrap().unwrap();
    assert_eq!(article["cluster_id"], 1);
    assert!(article["spans"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["type"] == "event"));

    // filters and keyset pagination
    let page = |cursor| {
        reader
            .events(&EventFilter {
                limit: Some(1),
                cursor,
                ..Default::default()
            })
            .unwrap()
    };
    let (p1, c1) = page(None);
    let (p2, c2) = page(c1);
    assert_eq!(p1.len(), 1);
    assert_eq!(p2.len(), 1);
    assert!(p2[0].id > p1[0].id);
    assert!(c2.is_none());
    let f = |f: EventFilter| reader.events(&f).unwrap().0.len();
    assert_eq!(
        f(EventFilter {
            actor: Some("RUS".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            dyad: Some(("IRN".into(), "SYR".into())),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            quad: Some(4),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            country: Some("IR".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            bbox: Some([50.0, 30.0, 60.0, 40.0]),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            q: Some("northern \"border".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(EventFilter {
            from: Some("2016-06-10".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        f(EventFilter {
            to: Some("2016-06-09".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        reader
            .quotes(Some("hossein dehghan"), 10, None)
            .unwrap()
            .0
            .len(),
        2
    );
    assert_eq!(reader.network(None, None, 10).unwrap().len(), 2);
    assert_eq!(
        reader.timeline(Some("IRN"), "week").unwrap()[0]["bucket"],
        "2016-06-06"
    );
    assert_eq!(reader.actors(1).unwrap()[0]["code"], "SYRGOV");
}

fn export_string(db: &Path, format: Format, header: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out");
    let reader = Reader::open(db).unwrap();
    let file = std::fs::File::create(&path).unwrap();
    export(
        &reader,
        format,
        &EventFilter::default(),
        header,
        Box::new(file),
    )
    .unwrap();
    std::fs::read_to_string(&path).unwrap_or_default()
}

#[test]
fn every_export_format_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    run(
        &db,
        vec![doc(
            "a",
            "https://www.example.com/a",
            "Iran hosts Syria",
            STORY,
        )],
    );

    let gdelt = export_string(&db, Format::Gdelt, false);
    let lines: Vec<&str> = gdelt.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in &lines {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), 61);
        assert_eq!(cols[1], "20160609");
        assert_eq!(cols[60], "https://www.example.com/a");
    }
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(
        (first[5], first[15], first[26], first[56]),
        ("IRNGOV", "SYRGOV", "040", "35.6940")
    );
    let with_header = export_string(&db, Format::Gdelt, true);
    assert_eq!(
        with_header
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .collect::<Vec<_>>(),
        GDELT_EVENT_COLUMNS
    );

    let mentions = export_string(&db, Format::Mentions, false);
    assert_eq!(mentions.lines().count(), 2);
    assert!(mentions.lines().all(|l| l.split('\t').count() == 16));

    let jsonl = export_string(&db, Format::Jsonl, false);
    let recs: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs[0]["source"]["code"], "IRNGOV");

    let plover = export_string(&db, Format::Plover, false);
    let recs: Vec<serde_json::Value> = plover
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["event"], "CONSULT");
    assert_eq!(recs[0]["recipient_code"], "SYRGOV");
    assert!(recs[0]["event_text"].as_str().unwrap().contains("Tehran"));

    let csv = export_string(&db, Format::Csv, false);
    assert_eq!(csv.lines().count(), 3);
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .starts_with("id,date,source_code"));

    let path = dir.path().join("e.parquet");
    let reader = Reader::open(&db).unwrap();
    let n = export(
        &reader,
        Format::Parquet,
        &EventFilter::default(),
        false,
        Box::new(std::fs::File::create(&path).unwrap()),
    )
    .unwrap();
    assert_eq!(n, 2);
    let file = std::fs::File::open(&path).unwrap();
    let batches: Vec<_> =
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 2);
    let col = batches[0].column_by_name("source_code").unwrap();
    let col = col
        .as_any()
        .downcast_ref::<arrow_array::StringArray>()
        .unwrap();
    assert_eq!(col.value(0), "IRNGOV");
}

/// Places GeoNames does not list (streets located at their town carry GeoNames id 0) keep
/// their own names and points, and an event with no place does not pick one of them up.
#[test]
fn places_without_geonames_id_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let street = |name: &str, lat: f64| Place {
        text: name.into(),
        name: name.into(),
        country: "US".into(),
        admin1: None,
        lat,
        lon: -90.0,
        geonames_id: 0,
        feature: "R.ST".into(),
        start: 0,
        end: name.len(),
    };
    let with_place = |doc: &Document, place: Option<Place>| {
        let mut a = toy_analyze(doc);
        for e in &mut a.events {
            e.place = place.clone();
        }
        a.places = place.into_iter().collect();
        a
    };
    let docs = vec![
        doc(
            "a",
            "https://a.example/1",
            "One",
            "Iran met Syria on Monday.",
        ),
        doc(
            "b",
            "https://b.example/2",
            "Two",
            "Russia attacked Syria on Monday.",
        ),
        doc(
            "c",
            "https://c.example/3",
            "Three",
            "Iran attacked Russia on Monday.",
        ),
    ];
    let items = docs.into_iter().map(Ok::<_, SkippedInput>);
    ingest(
        &db,
        items,
        |d: &Document| match d.id.as_str() {
            "a" => with_place(d, Some(street("Gillis Street", 29.9))),
            "b" => with_place(d, Some(street("Elm Street", 30.5))),
            _ => with_place(d, None),
        },
        &IngestConfig {
            batch_size: 2,
            near_dup_threshold: 0.7,
        },
        |_, _| {},
    )
    .expect("ingest");
    let reader = Reader::open(&db).unwrap();
    let (events, _) = reader.events(&EventFilter::default()).unwrap();
    let mut places: Vec<(String, Option<String>, i64)> = events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                e.place.as_ref().map(|p| p.name.clone()),
                e.place.as_ref().map_or(-1, |p| p.geonames_id),
            )
        })
        .collect();
    places.sort();
    assert_eq!(
        places,
        vec![
            ("040".into(), Some("Gillis Street".into()), 0),
            ("190".into(), None, -1),
            ("190".into(), Some("Elm Street".into()), 0),
        ]
    );
}
