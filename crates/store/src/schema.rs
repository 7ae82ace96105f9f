//! The SQLite schema. Every table the API filters on has an index for that filter.

pub const VERSION: i64 = 1;

pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    source TEXT NOT NULL,
    dateline TEXT,
    body TEXT NOT NULL,
    chars INTEGER NOT NULL,
    cluster_id INTEGER NOT NULL,
    similarity REAL,
    minhash BLOB
);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster_id, id);

CREATE TABLE IF NOT EXISTS article_bands(
    band INTEGER NOT NULL, hash INTEGER NOT NULL, article_id INTEGER NOT NULL,
    PRIMARY KEY(band, hash, article_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS sentences(
    article_id INTEGER NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    PRIMARY KEY(article_id, idx)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS actors(
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT,
    country TEXT,
    kind TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_events INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS actors_events ON actors(num_events DESC, code);

CREATE TABLE IF NOT EXISTS actor_mentions(
    article_id INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    actor_id INTEGER NOT NULL, sentence INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT,
    PRIMARY KEY(article_id, start, end, actor_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS places(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    feature TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS place_mentions(
    article_id INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    place_id INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY(article_id, start, end, place_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS quotes(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    speaker_text TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    speaker_country TEXT
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker_name ON quotes(speaker_name COLLATE NOCASE, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_code ON quotes(speaker_code, id);
CREATE INDEX IF NOT EXISTS quotes_speaker_text ON quotes(speaker_text COLLATE NOCASE, id);

CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY,
    source_code TEXT NOT NULL,
    source_name TEXT,
    source_country TEXT,
    source_sectors TEXT,
    target_code TEXT NOT NULL,
    target_name TEXT,
    target_country TEXT,
    target_sectors TEXT,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    label TEXT,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover_event TEXT,
    plover_mode TEXT,
    plover_context TEXT,
    date TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    lat REAL,
    lon REAL,
    place_country TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    is_root INTEGER NOT NULL DEFAULT 0,
    first_article INTEGER NOT NULL,
    first_date TEXT,
    UNIQUE(source_code, target_code, cameo, date, place_id)
);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code, id);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, id);
CREATE INDEX IF NOT EXISTS events_date ON events(date, id);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo, id);
CREATE INDEX IF NOT EXISTS events_root ON events(root, id);
CREATE INDEX IF NOT EXISTS events_quad ON events(quad, id);
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country, id);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country, id);
CREATE INDEX IF NOT EXISTS events_place_country ON events(place_country, id);
CREATE INDEX IF NOT EXISTS events_lat ON events(lat, lon);

CREATE TABLE IF NOT EXISTS event_sources(
    event_id INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY(event_id, source)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mentions(
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    date_text TEXT,
    source_text TEXT NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    target_text TEXT,
    target_start INTEGER,
    target_end INTEGER,
    verb TEXT NOT NULL,
    verb_start INTEGER NOT NULL,
    verb_end INTEGER NOT NULL,
    rule TEXT NOT NULL,
    sentence_text TEXT NOT NULL,
    place_text TEXT,
    place_start INTEGER,
    place_end INTEGER
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id, article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);

CREATE VIRTUAL TABLE IF NOT EXISTS mention_fts USING fts5(
    sentence_text, content='mentions', content_rowid='id'
);

CREATE TABLE IF NOT EXISTS ingest_runs(
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    documents INTEGER,
    new_articles INTEGER
);
"#;
