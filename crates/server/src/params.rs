//! Query-parameter validation: every bad value becomes a 400 naming the parameter.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// An API error with its status and, for bad input, the parameter at fault.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub parameter: Option<String>,
    pub message: String,
}

impl ApiError {
    pub fn bad(param: &str, message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            parameter: Some(param.to_string()),
            message: message.into(),
        }
    }

    pub fn status(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            parameter: None,
            message: message.into(),
        }
    }
}

impl From<wirecoder_store::StoreError> for ApiError {
    fn from(e: wirecoder_store::StoreError) -> Self {
        match e {
            wirecoder_store::StoreError::TooBroad => {
                ApiError::status(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
            }
            other => ApiError::status(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = match &self.parameter {
            Some(p) => json!({"error": self.message, "parameter": p}),
            None => json!({"error": self.message}),
        };
        (self.status, Json(body)).into_response()
    }
}

pub const MAX_LIMIT: usize = 1000;

/// The query string of one request, checked against the parameters the endpoint knows.
pub struct Params(BTreeMap<String, String>);

impl Params {
    pub fn new(raw: Vec<(String, String)>, allowed: &[&str]) -> Result<Self, ApiError> {
        let mut map = BTreeMap::new();
        for (k, v) in raw {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(
                    &k,
                    format!(
                        "unknown parameter; this endpoint takes {}",
                        allowed.join(", ")
                    ),
                ));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad(&k, "given more than once"));
            }
        }
        Ok(Params(map))
    }

    /// The value, or None when absent or empty.
    pub fn str(&self, k: &str) -> Option<&str> {
        self.0.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// Free text, at most `max` characters.
    pub fn text(&self, k: &str, max: usize) -> Result<Option<String>, ApiError> {
        match self.str(k) {
            Some(s) if s.chars().count() > max => {
                Err(ApiError::bad(k, format!("longer than {max} characters")))
            }
            other => Ok(other.map(str::to_string)),
        }
    }

    /// A CAMEO actor code (prefix): letters and digits, upper-cased.
    pub fn code(&self, k: &str) -> Result<Option<String>, ApiError> {
        self.str(k).map(|s| check_code(k, s)).transpose()
    }

    pub fn cameo(&self, k: &str, max_len: usize) -> Result<Option<String>, ApiError> {
        match self.str(k) {
            Some(s) if s.len() <= max_len && s.chars().all(|c| c.is_ascii_digit()) => {
                Ok(Some(s.to_string()))
            }
            Some(_) => Err(ApiError::bad(k, format!("expected 1 to {max_len} digits"))),
            None => Ok(None),
        }
    }

    pub fn date(&self, k: &str) -> Result<Option<String>, ApiError> {
        match self.str(k) {
            Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| Some(d.format("%Y-%m-%d").to_string()))
                .map_err(|_| ApiError::bad(k, "expected a date YYYY-MM-DD")),
            None => Ok(None),
        }
    }

    pub fn int(&self, k: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        match self.str(k) {
            Some(s) => match s.parse::<i64>() {
                Ok(v) if (min..=max).contains(&v) => Ok(Some(v)),
                _ => Err(ApiError::bad(
                    k,
                    format!("expected an integer from {min} to {max}"),
                )),
            },
            None => Ok(None),
        }
    }

    /// Page size: default `default`, capped at [`MAX_LIMIT`].
    pub fn limit(&self, k: &str, default: usize) -> Result<usize, ApiError> {
        match self.str(k) {
            Some(s) => match s.parse::<u64>() {
                Ok(0) | Err(_) => Err(ApiError::bad(k, "expected a positive integer")),
                Ok(v) => Ok((v.min(MAX_LIMIT as u64)) as usize),
            },
            None => Ok(default),
        }
    }

    pub fn one_of(&self, k: &str, options: &[&str], default: &str) -> Result<String, ApiError> {
        match self.str(k) {
            Some(s) if options.contains(&s) => Ok(s.to_string()),
            Some(_) => Err(ApiError::bad(
                k,
                format!("expected one of {}", options.join(", ")),
            )),
            None => Ok(default.to_string()),
        }
    }
}

pub fn check_code(k: &str, s: &str) -> Result<String, ApiError> {
    if !s.is_empty() && s.len() <= 32 && s.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(ApiError::bad(
            k,
            "expected a CAMEO actor code such as IRN or IRNGOVMIL",
        ))
    }
}

/// `min_lon,min_lat,max_lon,max_lat`.
pub fn bbox(k: &str, s: &str) -> Result<[f64; 4], ApiError> {
    let err = || ApiError::bad(k, "expected min_lon,min_lat,max_lon,max_lat in degrees");
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>().map_err(|_| err()))
        .collect::<Result<_, _>>()?;
    let [x0, y0, x1, y1] = <[f64; 4]>::try_from(v).map_err(|_| err())?;
    let ok = [x0, x1].iter().all(|x| (-180.0..=180.0).contains(x))
        && [y0, y1].iter().all(|y| (-90.0..=90.0).contains(y))
        && x0 <= x1
        && y0 <= y1;
    if ok {
        Ok([x0, y0, x1, y1])
    } else {
        Err(err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)], allowed: &[&str]) -> Result<Params, ApiError> {
        Params::new(
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            allowed,
        )
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let e = p(&[("nope", "1")], &["limit"]).err().unwrap();
        assert_eq!(e.parameter.as_deref(), Some("nope"));
        let ps = p(
            &[("limit", "x"), ("from", "2016-13-01"), ("top", "5000")],
            &["limit", "from", "top"],
        )
        .unwrap();
        assert_eq!(
            ps.limit("limit", 10).err().unwrap().parameter.as_deref(),
            Some("limit")
        );
        assert_eq!(
            ps.date("from").err().unwrap().parameter.as_deref(),
            Some("from")
        );
        assert_eq!(ps.limit("top", 10).unwrap(), MAX_LIMIT);
        assert!(bbox("bbox", "1,2,3").is_err());
        assert!(bbox("bbox", "10,10,0,0").is_err());
        assert!(bbox("bbox", "0,0,200,10").is_err());
        assert_eq!(
            bbox("bbox", "-10,-5,10,5").unwrap(),
            [-10.0, -5.0, 10.0, 5.0]
        );
        assert!(check_code("actor", "IRN GOV").is_err());
        assert_eq!(check_code("actor", "irngov").unwrap(), "IRNGOV");
    }
}
