//! The OpenAPI 3 description served at `/api/openapi.json`.

use serde_json::{json, Value};

fn param(name: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": desc, "schema": schema})
}

fn string(desc: &str, name: &str) -> Value {
    param(name, desc, json!({"type": "string"}))
}

fn ok(desc: &str) -> Value {
    json!({
        "200": {"description": desc, "content": {"application/json": {}}},
        "400": {"description": "bad parameter: {\"error\": ..., \"parameter\": ...}"},
        "422": {"description": "query too broad for its time budget"}
    })
}

pub fn document() -> Value {
    let limit = param(
        "limit",
        "page size (default 100, capped at 1000)",
        json!({"type": "integer", "minimum": 1}),
    );
    let cursor = param(
        "cursor",
        "next_cursor of the previous page",
        json!({"type": "string"}),
    );
    let from = param(
        "from",
        "first date, inclusive",
        json!({"type": "string", "format": "date"}),
    );
    let to = param(
        "to",
        "last date, inclusive",
        json!({"type": "string", "format": "date"}),
    );
    let id = json!({"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}});
    json!({
        "openapi": "3.0.3",
        "info": {"title": "wirecoder event API", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Aggregated CAMEO/PLOVER events (one record per source, target, code, date and place), their mentions, articles, actors and quotes."},
        "paths": {
            "/api/events": {"get": {"summary": "Events, filtered, keyset-paginated by id", "parameters": [
                string("CAMEO actor code prefix, as source or target (IRN, IRNGOV)", "actor"),
                string("SOURCE,TARGET actor code prefixes", "dyad"),
                string("CAMEO event code prefix (04, 043)", "cameo"),
                string("CAMEO root code 01-20", "root"),
                param("quad", "quad class 1-4", json!({"type": "integer", "minimum": 1, "maximum": 4})),
                from.clone(), to.clone(),
                string("ISO alpha-3 actor country or alpha-2 event place country", "country"),
                string("min_lon,min_lat,max_lon,max_lat of the event place", "bbox"),
                string("words that must occur in the coded sentence", "q"),
                limit.clone(), cursor.clone()], "responses": ok("{count, events, next_cursor}")}},
            "/api/events/{id}": {"get": {"summary": "One event with its mentions and evidence", "parameters": [id.clone()], "responses": ok("event")}},
            "/api/articles/{id}": {"get": {"summary": "One article with text, sentences, near-duplicate cluster and annotated spans", "parameters": [id], "responses": ok("article")}},
            "/api/actors": {"get": {"summary": "Most active actors", "parameters": [param("top", "how many (default 20, capped at 1000)", json!({"type": "integer"}))], "responses": ok("{actors}")}},
            "/api/network": {"get": {"summary": "Dyads with event counts and mean Goldstein score", "parameters": [from, to, limit.clone()], "responses": ok("{dyads}")}},
            "/api/timeline": {"get": {"summary": "Events per day, week or month", "parameters": [string("actor code prefix", "actor"), param("bucket", "day|week|month", json!({"type": "string", "enum": ["day", "week", "month"]}))], "responses": ok("{bucket, series}")}},
            "/api/quotes": {"get": {"summary": "Quotes, optionally of one speaker (name, code or text; case-insensitive)", "parameters": [string("speaker", "speaker"), limit, cursor], "responses": ok("{quotes, next_cursor}")}},
            "/api/stats": {"get": {"summary": "Row counts", "responses": ok("counts")}},
            "/api/ingest": {"post": {"summary": "Code and store documents (only with --write-token; Authorization: Bearer TOKEN)",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"documents": {"type": "array", "maxItems": 1000, "items": {"type": "object", "required": ["text"], "properties": {"id": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"}, "date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}}}}}},
                "responses": {"200": {"description": "ingest summary"}, "401": {"description": "missing or wrong token"}, "403": {"description": "read-only server"}}}}
        }
    })
}
