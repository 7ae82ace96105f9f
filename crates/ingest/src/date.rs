//! Publication dates from metadata strings: ISO dates and timestamps, RFC 3339, RFC 2822
//! (RSS), and a few written forms ("June 9, 2016").

use chrono::{DateTime, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;

/// Parse a metadata date. Timestamps keep the calendar date as written in their own
/// offset, because that is the date the publisher meant.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // YYYY-MM-DD, optionally followed by a time ("2016-06-10T08:00:00+04:30",
    // "2009-03-20 12:24:52.002364-05").
    if let Some(head) = s.get(..10) {
        let rest = &s[10..];
        if (rest.is_empty() || rest.starts_with(['T', 't', ' ']))
            && head.as_bytes().get(4) == Some(&b'-')
        {
            if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
                return Some(d);
            }
        }
        if head.as_bytes().get(4) == Some(&b'/') && rest.is_empty() {
            if let Ok(d) = NaiveDate::parse_from_str(head, "%Y/%m/%d") {
                return Some(d);
            }
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(d) = NaiveDate::parse_from_str(s, "%Y%m%d") {
            return Some(d);
        }
    }
    for fmt in [
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%b. %d, %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    // A written date inside a longer stamp: "7:58 AM ET, Sat January 3, 2015".
    if s.len() <= 80 {
        if let Some(m) = WRITTEN_DATE.find(s) {
            let found = m
                .as_str()
                .replace(['.', ','], "")
                .replace("Sept ", "Sep ")
                .replace("SEPT ", "SEP ")
                .replace("sept ", "sep ");
            for fmt in ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"] {
                if let Ok(d) = NaiveDate::parse_from_str(&found, fmt) {
                    return Some(d);
                }
            }
        }
    }
    None
}

static WRITTEN_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_date("2016-06-10"), d(2016, 6, 10));
        assert_eq!(parse_date("2016-06-10T23:30:00-05:00"), d(2016, 6, 10));
        assert_eq!(parse_date("2016-06-10T01:00:00Z"), d(2016, 6, 10));
        assert_eq!(parse_date("2009-03-20 12:24:52.002364-05"), d(2009, 3, 20));
        assert_eq!(
            parse_date("Fri, 10 Jun 2016 08:00:00 +0000"),
            d(2016, 6, 10)
        );
        assert_eq!(parse_date("June 9, 2016"), d(2016, 6, 9));
        assert_eq!(parse_date("20160610"), d(2016, 6, 10));
        assert_eq!(parse_date(" 2016/06/10 "), d(2016, 6, 10));
        assert_eq!(parse_date("7:58 AM ET, Sat January 3, 2015"), d(2015, 1, 3));
        assert_eq!(parse_date("Updated 4 Sept. 2019 10:00"), d(2019, 9, 4));
        assert_eq!(parse_date("2016-13-40"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("é2016-06-10"), None);
    }
}
