//! The SQLite writer: one connection, one transaction per batch, GDELT-style aggregation.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use wirecoder_core::{ActorKind, Analysis, Document, Event, QuoteKind};

use crate::hash;
use crate::schema;
use crate::{EventStore, Result, StoreError};

/// One coded article ready to be written.
#[derive(Debug, Clone)]
pub struct ArticleInput {
    pub doc: Document,
    pub analysis: Analysis,
    /// [`hash::content_hash`] of the document.
    pub hash: String,
    /// MinHash signature of the body, when it has words.
    pub minhash: Option<Vec<u32>>,
}

impl ArticleInput {
    /// Hash and sign a document with its analysis.
    pub fn new(doc: Document, analysis: Analysis) -> Self {
        let hash = hash::content_hash(doc.url.as_deref(), doc.title.as_deref(), &doc.body);
        let minhash = hash::minhash(&hash::shingles(&doc.body));
        ArticleInput {
            doc,
            analysis,
            hash,
            minhash,
        }
    }
}

/// What one batch changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BatchOutcome {
    pub articles: usize,
    /// Already stored (same content hash): nothing written.
    pub duplicates: usize,
    /// New articles linked to an existing cluster.
    pub near_duplicates: usize,
    /// New aggregated event records.
    pub new_events: usize,
    pub mentions: usize,
}

impl BatchOutcome {
    pub fn add(&mut self, o: &BatchOutcome) {
        self.articles += o.articles;
        self.duplicates += o.duplicates;
        self.near_duplicates += o.near_duplicates;
        self.new_events += o.new_events;
        self.mentions += o.mentions;
    }
}

/// The writing side of the SQLite store.
pub struct SqliteStore {
    conn: Connection,
    /// Estimated Jaccard similarity at or above which an article joins a cluster.
    pub near_dup_threshold: f64,
}

/// Open a connection with the settings both readers and the writer need.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -32000)?;
    Ok(())
}

impl SqliteStore {
    /// Open (creating if needed) the database at `path` in WAL mode.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        configure(&conn)?;
        conn.execute_batch(schema::SCHEMA)?;
        let version: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key='schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match version {
            None => {
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES('schema_version', ?1)",
                    [schema::VERSION.to_string()],
                )?;
            }
            Some(v) if v != schema::VERSION.to_string() => {
                return Err(StoreError::Invalid(format!(
                    "database schema version {v}, this wirecoder expects {}",
                    schema::VERSION
                )))
            }
            Some(_) => {}
        }
        Ok(SqliteStore {
            conn,
            near_dup_threshold: 0.7,
        })
    }

    /// The underlying connection (for tests and maintenance).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Record the start of an ingest run; returns its id.
    pub fn begin_run(&self) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO ingest_runs(started) VALUES(?1)",
            [chrono::Utc::now().to_rfc3339()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn finish_run(&self, run: i64, documents: usize, new_articles: usize) -> Result<()> {
        self.conn.execute(
            "UPDATE ingest_runs SET finished=?1, documents=?2, new_articles=?3 WHERE id=?4",
            params![
                chrono::Utc::now().to_rfc3339(),
                documents as i64,
                new_articles as i64,
                run
            ],
        )?;
        Ok(())
    }
}

impl EventStore for SqliteStore {
    fn contains(&self, content_hash: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE hash=?1")?
            .exists([content_hash])?)
    }

    fn write_batch(&mut self, batch: &[ArticleInput]) -> Result<BatchOutcome> {
        let threshold = self.near_dup_threshold;
        let tx = self.conn.transaction()?;
        let mut out = BatchOutcome::default();
        for item in batch {
            write_article(&tx, item, threshold, &mut out)?;
        }
        tx.commit()?;
        Ok(out)
    }
}

/// Where an article comes from, for NumSources: the URL's host, else the dateline source.
pub fn source_name(doc: &Document) -> String {
    if let Some(url) = &doc.url {
        let rest = url.split_once("://").map(|x| x.1).unwrap_or(url);
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once('@').map(|x| x.1).unwrap_or(host);
        let host = host.split(':').next().unwrap_or("");
        let host = host.trim_start_matches("www.").to_lowercase();
        if !host.is_empty() {
            return host;
        }
    }
    match &doc.dateline_source {
        Some(s) if !s.trim().is_empty() => s.trim().to_string(),
        _ => "unknown".to_string(),
    }
}

fn kind_name(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Country => "country",
        ActorKind::Metonym => "metonym",
        ActorKind::Person => "person",
        ActorKind::Igo => "igo",
        ActorKind::Ngo => "ngo",
        ActorKind::Group => "group",
        ActorKind::Agent => "agent",
        ActorKind::Reference => "reference",
    }
}

/// Find the cluster of the most similar stored article at or above `threshold`.
fn find_cluster(tx: &Transaction, sig: &[u32], threshold: f64) -> Result<Option<(i64, f64)>> {
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut stmt =
            tx.prepare_cached("SELECT article_id FROM article_bands WHERE band=?1 AND hash=?2")?;
        for (band, h) in hash::band_hashes(sig).into_iter().enumerate() {
            let ids = stmt.query_map(params![band as i64, h], |r| r.get::<_, i64>(0))?;
            for id in ids {
                candidates.push(id?);
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let mut best: Option<(i64, f64, i64)> = None;
    let mut stmt = tx.prepare_cached("SELECT minhash, cluster_id FROM articles WHERE id=?1")?;
    for id in candidates {
        let row: Option<(Option<Vec<u8>>, i64)> = stmt
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((Some(blob), cluster)) = row else {
            continue;
        };
        let sim = hash::similarity(sig, &hash::from_blob(&blob));
        // Highest similarity wins; ties go to the oldest article, for determinism.
        let better = match best {
            Some((_, s, _)) => sim > s,
            None => true,
        };
        if sim >= threshold && better {
            best = Some((cluster, sim, id));
        }
    }
    Ok(best.map(|(c, s, _)| (c, s)))
}

fn write_article(
    tx: &Transaction,
    item: &ArticleInput,
    threshold: f64,
    out: &mut BatchOutcome,
) -> Result<()> {
    let exists = tx
        .prepare_cached("SELECT 1 FROM articles WHERE hash=?1")?
        .exists([&item.hash])?;
    if exists {
        out.duplicates += 1;
        return Ok(());
    }
    let doc = &item.doc;
    let a = &item.analysis;
    let cluster = match &item.minhash {
        Some(sig) => find_cluster(tx, sig, threshold)?,
        None => None,
    };
    let source = source_name(doc);
    let published = a
        .date
        .clone()
        .or_else(|| doc.published.map(|d| d.format("%Y-%m-%d").to_string()));
    tx.prepare_cached(
        "INSERT INTO articles(hash, doc, url, title, published, source, dateline, body, chars,
                              cluster_id, similarity, minhash)
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        item.hash,
        doc.id,
        doc.url,
        doc.title,
        published,
        source,
        doc.dateline_place,
        doc.body,
        doc.body.chars().count() as i64,
        cluster.map(|c| c.0).unwrap_or(0),
        cluster.map(|c| c.1),
        item.minhash.as_deref().map(hash::to_blob),
    ])?;
    let article_id = tx.last_insert_rowid();
    if cluster.is_some() {
        out.near_duplicates += 1;
    } else {
        tx.execute(
            "UPDATE articles SET cluster_id=id WHERE id=?1",
            [article_id],
        )?;
    }
    if let Some(sig) = &item.minhash {
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO article_bands(band, hash, article_id) VALUES(?1, ?2, ?3)",
        )?;
        for (band, h) in hash::band_hashes(sig).into_iter().enumerate() {
            stmt.execute(params![band as i64, h, article_id])?;
        }
    }
    out.articles += 1;

    {
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO sentences(article_id, idx, start, end) VALUES(?1, ?2, ?3, ?4)",
        )?;
        for (i, s) in a.sentences.iter().enumerate() {
            stmt.execute(params![article_id, i as i64, s.start as i64, s.end as i64])?;
        }
    }

    for m in &a.actors {
        let actor_id = upsert_actor(
            tx,
            &m.code,
            m.name.as_deref(),
            m.country.as_deref(),
            Some(kind_name(m.kind)),
        )?;
        let n = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO actor_mentions(article_id, start, end, actor_id, sentence, text, kind)
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                article_id,
                m.start as i64,
                m.end as i64,
                actor_id,
                m.sentence as i64,
                m.text,
                kind_name(m.kind)
            ])?;
        if n > 0 {
            tx.prepare_cached("UPDATE actors SET num_mentions=num_mentions+1 WHERE id=?1")?
                .execute([actor_id])?;
        }
    }

    for p in &a.places {
        upsert_place(tx, p)?;
        let n = tx
            .prepare_cached(
                "INSERT OR IGNORE INTO place_mentions(article_id, start, end, place_id, text)
                 VALUES(?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                article_id,
                p.start as i64,
                p.end as i64,
                place_key(p),
                p.text
            ])?;
        if n > 0 {
            tx.prepare_cached("UPDATE places SET num_mentions=num_mentions+1 WHERE id=?1")?
                .execute([place_key(p)])?;
        }
    }

    for q in &a.quotes {
        let sp = q.speaker.as_ref();
        tx.prepare_cached(
            "INSERT INTO quotes(article_id, sentence, start, end, kind, text, speaker_text,
                                speaker_name, speaker_code, speaker_country)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            article_id,
            q.sentence as i64,
            q.start as i64,
            q.end as i64,
            match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
            },
            q.text,
            sp.map(|s| s.text.as_str()),
            sp.and_then(|s| s.name.as_deref()),
            sp.and_then(|s| s.code.as_deref()),
            sp.and_then(|s| s.country.as_deref()),
        ])?;
    }

    for e in &a.events {
        write_event(tx, e, article_id, published.as_deref(), &source, out)?;
    }
    Ok(())
}

fn upsert_actor(
    tx: &Transaction,
    code: &str,
    name: Option<&str>,
    country: Option<&str>,
    kind: Option<&str>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO actors(code, name, country, kind) VALUES(?1, ?2, ?3, ?4)
         ON CONFLICT(code) DO UPDATE SET name=COALESCE(actors.name, excluded.name)",
    )?
    .execute(params![code, name, country, kind])?;
    Ok(tx
        .prepare_cached("SELECT id FROM actors WHERE code=?1")?
        .query_row([code], |r| r.get(0))?)
}

/// The places-table key: the GeoNames id, or, for a place GeoNames does not list (a street
/// located at its town has id 0), a negative id hashed from its name and point, so that such
/// places neither merge with one another nor read as "no place" (0).
fn place_key(p: &wirecoder_core::Place) -> i64 {
    if p.geonames_id > 0 {
        return i64::try_from(p.geonames_id).unwrap_or(i64::MAX);
    }
    let h = crate::hash::fields_hash(&[
        &p.name,
        &p.country,
        &format!("{:.4}", p.lat),
        &format!("{:.4}", p.lon),
    ]);
    -i64::try_from(h >> 2).unwrap_or(i64::MAX) - 1
}

fn upsert_place(tx: &Transaction, p: &wirecoder_core::Place) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO places(id, name, country, admin1, lat, lon, feature)
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        place_key(p),
        p.name,
        p.country,
        p.admin1,
        p.lat,
        p.lon,
        p.feature
    ])?;
    Ok(())
}

/// The date an event is filed under: its own date, else the article's.
fn event_date(e: &Event, published: Option<&str>) -> String {
    e.date
        .clone()
        .filter(|d| !d.is_empty())
        .or_else(|| published.map(str::to_string))
        .unwrap_or_default()
}

fn write_event(
    tx: &Transaction,
    e: &Event,
    article_id: i64,
    published: Option<&str>,
    source: &str,
    out: &mut BatchOutcome,
) -> Result<()> {
    let date = event_date(e, published);
    let target_code = e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("");
    let place_id = e.place.as_ref().map(place_key).unwrap_or(0);
    if let Some(p) = &e.place {
        upsert_place(tx, p)?;
    }
    let name_of = |a: &wirecoder_core::EventActor| a.name.clone().unwrap_or_else(|| a.text.clone());
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO events(source_code, source_name, source_country, source_sectors,
                target_code, target_name, target_country, target_sectors, cameo, root, label, quad,
                goldstein, plover_event, plover_mode, plover_context, date, place_id, lat, lon,
                place_country, first_article, first_date)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                    ?18, ?19, ?20, ?21, ?22, ?23)",
        )?
        .execute(params![
            e.source.code,
            name_of(&e.source),
            e.source.country,
            e.source.sectors.join(";"),
            target_code,
            e.target.as_ref().map(name_of),
            e.target.as_ref().and_then(|t| t.country.clone()),
            e.target.as_ref().map(|t| t.sectors.join(";")),
            e.cameo,
            e.root,
            e.label,
            i64::from(e.quad_class),
            e.goldstein,
            e.plover.as_ref().map(|p| p.event.clone()),
            e.plover.as_ref().and_then(|p| p.mode.clone()),
            e.plover
                .as_ref()
                .map(|p| serde_json::to_string(&p.context).unwrap_or_default()),
            date,
            place_id,
            e.place.as_ref().map(|p| p.lat),
            e.place.as_ref().map(|p| p.lon),
            e.place.as_ref().map(|p| p.country.clone()),
            article_id,
            published,
        ])?;
    let event_id: i64 = tx
        .prepare_cached(
            "SELECT id FROM events WHERE source_code=?1 AND target_code=?2 AND cameo=?3
             AND date=?4 AND place_id=?5",
        )?
        .query_row(
            params![e.source.code, target_code, e.cameo, date, place_id],
            |r| r.get(0),
        )?;
    if inserted > 0 {
        out.new_events += 1;
        upsert_actor(
            tx,
            &e.source.code,
            e.source.name.as_deref(),
            e.source.country.as_deref(),
            None,
        )?;
        tx.prepare_cached("UPDATE actors SET num_events=num_events+1 WHERE code=?1")?
            .execute([&e.source.code])?;
        if let Some(t) = &e.target {
            upsert_actor(tx, &t.code, t.name.as_deref(), t.country.as_deref(), None)?;
            tx.prepare_cached("UPDATE actors SET num_events=num_events+1 WHERE code=?1")?
                .execute([&t.code])?;
        }
    }
    let new_article = !tx
        .prepare_cached("SELECT 1 FROM mentions WHERE event_id=?1 AND article_id=?2")?
        .exists(params![event_id, article_id])?;
    let new_source = tx
        .prepare_cached("INSERT OR IGNORE INTO event_sources(event_id, source) VALUES(?1, ?2)")?
        .execute(params![event_id, source])?
        > 0;
    tx.prepare_cached(
        "INSERT INTO mentions(event_id, article_id, sentence, date_text, source_text, source_start,
            source_end, target_text, target_start, target_end, verb, verb_start, verb_end, rule,
            sentence_text, place_text, place_start, place_end)
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        event_id,
        article_id,
        e.sentence as i64,
        e.date_text,
        e.source.text,
        e.source.start as i64,
        e.source.end as i64,
        e.target.as_ref().map(|t| t.text.clone()),
        e.target.as_ref().map(|t| t.start as i64),
        e.target.as_ref().map(|t| t.end as i64),
        e.evidence.verb,
        e.evidence.verb_start as i64,
        e.evidence.verb_end as i64,
        e.evidence.rule,
        e.evidence.sentence_text,
        e.place.as_ref().map(|p| p.text.clone()),
        e.place.as_ref().map(|p| p.start as i64),
        e.place.as_ref().map(|p| p.end as i64),
    ])?;
    let mention_id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO mention_fts(rowid, sentence_text) VALUES(?1, ?2)")?
        .execute(params![mention_id, e.evidence.sentence_text])?;
    tx.prepare_cached(
        "UPDATE events SET num_mentions=num_mentions+1, num_articles=num_articles+?2,
            num_sources=num_sources+?3, is_root=MAX(is_root, ?4) WHERE id=?1",
    )?
    .execute(params![
        event_id,
        i64::from(new_article),
        i64::from(new_source),
        i64::from(e.sentence == 0)
    ])?;
    out.mentions += 1;
    Ok(())
}
