//! Routes and handlers.

use std::sync::{Arc, Mutex};

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use wirecoder_core::Document;
use wirecoder_store::{EventFilter, Reader};

use crate::params::{bbox, check_code, ApiError, Params};
use crate::{AppState, Pool, ServerConfig};

const DASHBOARD: &str = include_str!("../assets/index.html");
/// Country outlines for the dashboard map (built by `scripts/build-basemap`).
const WORLD: &str = include_str!("../assets/world.json");

type Shared = State<Arc<AppState>>;
type RawQuery = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The application: API routes, OpenAPI description and dashboard.
pub fn router(config: ServerConfig) -> Router {
    let state = Arc::new(AppState {
        pool: Pool {
            db: config.db.clone(),
            idle: Mutex::new(Vec::new()),
            permits: tokio::sync::Semaphore::new(crate::READERS),
        },
        config,
        ingest_lock: tokio::sync::Mutex::new(()),
    });
    Router::new()
        .route("/", get(dashboard))
        .route("/assets/world.json", get(world))
        .route("/api/openapi.json", get(openapi))
        .route("/api/stats", get(stats))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/articles/{id}", get(article))
        .route("/api/actors", get(actors))
        .route("/api/network", get(network))
        .route("/api/timeline", get(timeline))
        .route("/api/quotes", get(quotes))
        .route("/api/ingest", post(ingest))
        .fallback(not_found)
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::status(
        StatusCode::NOT_FOUND,
        "no such endpoint; see /api/openapi.json",
    )
}

async fn dashboard() -> Html<&'static str> {
    Html(DASHBOARD)
}

async fn world() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        WORLD,
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::document().to_string(),
    )
        .into_response()
}

fn params(q: RawQuery, allowed: &[&str]) -> Result<Params, ApiError> {
    let Query(raw) =
        q.map_err(|e| ApiError::bad("query", format!("malformed query string: {e}")))?;
    Params::new(raw, allowed)
}

/// Run `f` on a pooled read connection in a blocking task.
async fn with_reader<T: Send + 'static>(
    st: &Arc<AppState>,
    f: impl FnOnce(&Reader) -> wirecoder_store::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let st = st.clone();
    let _permit = st
        .pool
        .permits
        .acquire()
        .await
        .map_err(|e| ApiError::status(StatusCode::SERVICE_UNAVAILABLE, e.to_string()))?;
    let st2 = st.clone();
    tokio::task::spawn_blocking(move || {
        let st = st2;
        let r = st.pool.get()?;
        let out = f(&r);
        st.pool.put(r);
        out
    })
    .await
    .map_err(|e| ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
    .map_err(ApiError::from)
}

fn parse_id(s: &str) -> Result<i64, ApiError> {
    s.parse::<i64>()
        .ok()
        .filter(|v| *v > 0)
        .ok_or_else(|| ApiError::bad("id", "expected a positive integer id"))
}

async fn stats(State(st): Shared) -> Result<Json<Value>, ApiError> {
    Ok(Json(with_reader(&st, |r| r.stats()).await?))
}

async fn events(State(st): Shared, q: RawQuery) -> Result<Json<Value>, ApiError> {
    let p = params(
        q,
        &[
            "actor", "dyad", "cameo", "root", "quad", "from", "to", "country", "bbox", "q",
            "limit", "cursor",
        ],
    )?;
    let dyad = match p.str("dyad") {
        Some(s) => {
            let (a, b) = s
                .split_once(',')
                .ok_or_else(|| ApiError::bad("dyad", "expected SOURCE,TARGET actor codes"))?;
            Some((check_code("dyad", a.trim())?, check_code("dyad", b.trim())?))
        }
        None => None,
    };
    let country = match p.str("country") {
        Some(c) if (c.len() == 2 || c.len() == 3) && c.chars().all(|x| x.is_ascii_alphabetic()) => {
            Some(c.to_ascii_uppercase())
        }
        Some(_) => {
            return Err(ApiError::bad(
                "country",
                "expected ISO 3166-1 alpha-3 (actor country) or alpha-2 (event place country)",
            ))
        }
        None => None,
    };
    let from = p.date("from")?;
    let to = p.date("to")?;
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(ApiError::bad("to", "earlier than from"));
        }
    }
    let root = match p.cameo("root", 2)? {
        Some(r) if r.len() == 2 && ("01".."21").contains(&r.as_str()) => Some(r),
        Some(_) => return Err(ApiError::bad("root", "expected a CAMEO root code 01 to 20")),
        None => None,
    };
    let filter = EventFilter {
        actor: p.code("actor")?,
        dyad,
        cameo: p.cameo("cameo", 4)?,
        root,
        quad: p.int("quad", 1, 4)?.map(|v| v as u8),
        from,
        to,
        country,
        bbox: p.str("bbox").map(|s| bbox("bbox", s)).transpose()?,
        q: p.text("q", 200)?,
        limit: Some(p.limit("limit", 100)?),
        cursor: p.int("cursor", 0, i64::MAX)?,
    };
    let (events, next) = with_reader(&st, move |r| r.events(&filter)).await?;
    Ok(Json(json!({
        "count": events.len(),
        "events": events,
        "next_cursor": next.map(|c| c.to_string()),
    })))
}

async fn event(State(st): Shared, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id)?;
    match with_reader(&st, move |r| r.event(id)).await? {
        Some(v) => Ok(Json(v)),
        None => Err(ApiError::status(
            StatusCode::NOT_FOUND,
            format!("no event {id}"),
        )),
    }
}

async fn article(State(st): Shared, Path(id): Path<String>) -> Result<Json<Value>, ApiError> {
    let id = parse_id(&id)?;
    match with_reader(&st, move |r| r.article(id)).await? {
        Some(v) => Ok(Json(v)),
        None => Err(ApiError::status(
            StatusCode::NOT_FOUND,
            format!("no article {id}"),
        )),
    }
}

async fn actors(State(st): Shared, q: RawQuery) -> Result<Json<Value>, ApiError> {
    let p = params(q, &["top"])?;
    let top = p.limit("top", 20)?;
    let actors = with_reader(&st, move |r| r.actors(top)).await?;
    Ok(Json(json!({"actors": actors})))
}

async fn network(State(st): Shared, q: RawQuery) -> Result<Json<Value>, ApiError> {
    let p = params(q, &["from", "to", "limit"])?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    let limit = p.limit("limit", 200)?;
    let dyads = with_reader(&st, move |r| {
        r.network(from.as_deref(), to.as_deref(), limit)
    })
    .await?;
    Ok(Json(json!({"dyads": dyads})))
}

async fn timeline(State(st): Shared, q: RawQuery) -> Result<Json<Value>, ApiError> {
    let p = params(q, &["actor", "bucket"])?;
    let actor = p.code("actor")?;
    let bucket = p.one_of("bucket", &["day", "week", "month"], "day")?;
    let b = bucket.clone();
    let series = with_reader(&st, move |r| r.timeline(actor.as_deref(), &b)).await?;
    Ok(Json(json!({"bucket": bucket, "series": series})))
}

async fn quotes(State(st): Shared, q: RawQuery) -> Result<Json<Value>, ApiError> {
    let p = params(q, &["speaker", "limit", "cursor"])?;
    let speaker = p.text("speaker", 200)?;
    let limit = p.limit("limit", 100)?;
    let cursor = p.int("cursor", 0, i64::MAX)?;
    let (quotes, next) =
        with_reader(&st, move |r| r.quotes(speaker.as_deref(), limit, cursor)).await?;
    Ok(Json(
        json!({"quotes": quotes, "next_cursor": next.map(|c| c.to_string())}),
    ))
}

/// A document posted to `/api/ingest`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostedDoc {
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    date: Option<String>,
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PostedBatch {
    documents: Vec<PostedDoc>,
}

const MAX_POSTED: usize = 1000;

fn authorized(headers: &HeaderMap, token: &str) -> bool {
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    else {
        return false;
    };
    // compare without an early exit
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

async fn ingest(
    State(st): Shared,
    headers: HeaderMap,
    body: Result<Json<PostedBatch>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let (Some(token), Some(run)) = (&st.config.write_token, &st.config.ingest) else {
        return Err(ApiError::status(
            StatusCode::FORBIDDEN,
            "this server is read-only (start it with --write-token to accept ingests)",
        ));
    };
    if !authorized(&headers, token) {
        return Err(ApiError::status(
            StatusCode::UNAUTHORIZED,
            "missing or wrong bearer token",
        ));
    }
    let Json(batch) = body.map_err(|e| ApiError::bad("body", e.body_text()))?;
    if batch.documents.len() > MAX_POSTED {
        return Err(ApiError::bad(
            "documents",
            format!("at most {MAX_POSTED} documents per request"),
        ));
    }
    let mut docs = Vec::with_capacity(batch.documents.len());
    for (i, d) in batch.documents.into_iter().enumerate() {
        let published =
            match d.date.as_deref().filter(|s| !s.is_empty()) {
                Some(s) => Some(chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(
                    |_| ApiError::bad(&format!("documents[{i}].date"), "expected YYYY-MM-DD"),
                )?),
                None => None,
            };
        docs.push(Document {
            id: d.id.unwrap_or_else(|| format!("post#{i}")),
            url: d.url,
            title: d.title,
            published,
            body: d.text,
            ..Default::default()
        });
    }
    let _guard = st.ingest_lock.lock().await;
    let run = run.clone();
    let summary = tokio::task::spawn_blocking(move || run(docs))
        .await
        .map_err(|e| ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
        .map_err(|e| ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    Ok(Json(serde_json::to_value(summary).unwrap_or_default()))
}
