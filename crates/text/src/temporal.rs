//! Temporal expressions: recognition and normalisation against the document date.
//!
//! Works over tokens only (text and normalised form, never POS tags), one sentence at a
//! time, left to right; the longest pattern starting at a token wins. Every token is first
//! checked against the word tables in [`lexicon`] (a `match`, no allocation); only digits and
//! trigger words reach the pattern code.
//!
//! Resolution rules (the reference date is the document date; expressions that need it are
//! skipped when there is none):
//! - A month and day without a year ("June 9") take the document's year, unless the date would
//!   then lie more than 60 days after the document date in a sentence without a future cue
//!   ("will", "scheduled", ...): then the previous year. With a future cue, a date more than a
//!   week before the document date moves to the next year.
//! - A month without a year ("in March") is the most recent such month up to one month after
//!   the document's month; later months belong to the previous year. With a future cue, a
//!   month before the document's month is next year's. "last September" is the most recent
//!   September strictly before the document's month; "next March" the first one after.
//! - A bare weekday ("on Tuesday") is the most recent such day on or before the document date
//!   (the same day when the document was published on a Tuesday: wire copy is filed the day
//!   of the event); with a future cue it is the first such day on or after the document
//!   date. "last Tuesday" is strictly before, "next Tuesday" strictly after.
//! - "today", "tonight", "this morning", "overnight" → the document date ("overnight" is
//!   approximate); "yesterday", "last night" → the day before.
//! - Weeks have no precision of their own: "last week" is the document date minus 7 days,
//!   approximate; "this week" the document date, approximate; "next week" plus 7, future.
//! - "N units ago" subtracts N units at the unit's precision (days and weeks → day, months →
//!   month, years and decades → year); vague amounts ("a few", "more than") are approximate.
//! - Spans ("in the coming days", "in recent weeks", "over the past two years") are the unit
//!   next to the document date on their side of it, approximate; forward spans are future.
//! - "early/mid/late X", "the end/beginning of X" take X's value, approximate unless X is a
//!   day.
//! - Numeric dates: ISO `2016-06-09`; slashed `a/b/yyyy` is read month/day (US wire
//!   convention) unless the first number exceeds 12, then day/month. A bare four-digit year
//!   counts only after a date preposition ("in 2014", "since 2011") or as the second year of
//!   a range ("between 2011 and 2014"); "2,000 troops" and decades ("1990s") are not dates.

mod lexicon;

use std::borrow::Cow;

use chrono::{Datelike, Days, Months, NaiveDate};
use wirecoder_core::{DatePrecision, TextAnalysis, TimeExpression, Token};

use lexicon::Unit;

/// Every temporal expression in the analysed text, normalised against `doc_date`
/// (expressions that need a reference date are skipped when it is None).
pub fn extract(text: &TextAnalysis, doc_date: Option<NaiveDate>) -> Vec<TimeExpression> {
    let mut out = Vec::new();
    let mut norms: Vec<Cow<'_, str>> = Vec::new();
    for (si, sentence) in text.sentences.iter().enumerate() {
        let toks = text
            .tokens
            .get(sentence.token_start..sentence.token_end)
            .unwrap_or(&[]);
        norms.clear();
        norms.extend(toks.iter().map(|t| {
            if t.norm.is_empty() {
                Cow::Owned(t.text.to_lowercase())
            } else {
                Cow::Borrowed(t.norm.as_str())
            }
        }));
        let views: Vec<&str> = norms.iter().map(|c| c.as_ref()).collect();
        let scan = Scan {
            toks,
            norms: &views,
            doc: doc_date,
        };
        let mut i = 0;
        let mut last_end = usize::MAX;
        while i < toks.len() {
            // A connector right after a date lets a bare year or month follow it.
            let chained = last_end != usize::MAX && i == last_end + 1;
            match scan.match_at(i, chained) {
                Some(hit) if hit.end > i => {
                    out.push(scan.expression(&hit, si, sentence));
                    last_end = hit.end;
                    i = hit.end;
                }
                _ => i += 1,
            }
        }
    }
    out
}

/// A normalised value at its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
}

impl Val {
    fn precision(self) -> DatePrecision {
        match self {
            Val::Day(_) => DatePrecision::Day,
            Val::Month(..) => DatePrecision::Month,
            Val::Year(_) => DatePrecision::Year,
        }
    }

    fn render(self) -> String {
        match self {
            Val::Day(d) => d.format("%Y-%m-%d").to_string(),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
        }
    }

    /// Whether the value lies after `doc` at its own precision.
    fn after(self, doc: NaiveDate) -> bool {
        match self {
            Val::Day(d) => d > doc,
            Val::Month(y, m) => (y, m) > (doc.year(), doc.month()),
            Val::Year(y) => y > doc.year(),
        }
    }

    fn valid(self) -> bool {
        let y = match self {
            Val::Day(d) => d.year(),
            Val::Month(y, _) | Val::Year(y) => y,
        };
        (1..=9999).contains(&y)
    }
}

/// A match: token range `[start, end)` in the sentence and its value.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    val: Val,
    approximate: bool,
    /// Points forward by its wording ("next week", "later this month").
    future: bool,
}

impl Hit {
    fn new(start: usize, end: usize, val: Val) -> Self {
        Hit {
            start,
            end,
            val,
            approximate: false,
            future: false,
        }
    }
    fn approx(mut self, a: bool) -> Self {
        self.approximate |= a;
        self
    }
    fn fut(mut self, f: bool) -> Self {
        self.future |= f;
        self
    }
}

/// Which side of the document date a relative word points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Last,
    This,
    Next,
}

struct Scan<'a> {
    toks: &'a [Token],
    norms: &'a [&'a str],
    doc: Option<NaiveDate>,
}

impl Scan<'_> {
    fn n(&self, i: usize) -> &str {
        self.norms.get(i).copied().unwrap_or("")
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| t.text.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// A future cue among the few tokens before `i` ("will meet on Tuesday").
    fn future_context(&self, i: usize) -> bool {
        let from = i.saturating_sub(8);
        (from..i).any(|k| {
            let w = self.n(k);
            lexicon::future_cue(w) && (w != "set" || self.n(k + 1) == "to")
        })
    }

    fn expression(
        &self,
        hit: &Hit,
        sentence_index: usize,
        sentence: &wirecoder_core::Sentence,
    ) -> TimeExpression {
        let start = self.toks.get(hit.start).map_or(0, |t| t.start);
        let end = self
            .toks
            .get(hit.end.saturating_sub(1))
            .map_or(start, |t| t.end);
        let rel_start = start.saturating_sub(sentence.start);
        let text: String = sentence
            .text
            .chars()
            .skip(rel_start)
            .take(end.saturating_sub(start))
            .collect();
        let future = hit.future || self.doc.is_some_and(|d| hit.val.after(d));
        TimeExpression {
            text,
            value: hit.val.render(),
            precision: hit.val.precision(),
            approximate: hit.approximate,
            future,
            sentence: sentence_index,
            start,
            end,
        }
    }

    /// The longest expression starting at token `i`, if any.
    fn match_at(&self, i: usize, chained: bool) -> Option<Hit> {
        let w = self.n(i);
        let digit = w.bytes().next().is_some_and(|b| b.is_ascii_digit());
        if !digit && !lexicon::is_trigger(w) {
            return None;
        }
        let hit = self
            .modified(i)
            .or_else(|| self.ago(i))
            .or_else(|| self.span(i))
            .or_else(|| self.core(i, chained))?;
        hit.val.valid().then_some(hit)
    }

    /// Expressions a modifier ("early", "the end of") may wrap.
    fn core(&self, i: usize, chained: bool) -> Option<Hit> {
        self.relative(i)
            .or_else(|| self.day_word(i))
            .or_else(|| self.weekday_expr(i))
            .or_else(|| self.absolute(i, chained))
    }

    /// "early June", "late last year", "mid-2015", "the end of March", "late on Tuesday".
    fn modified(&self, i: usize) -> Option<Hit> {
        let w = self.n(i);
        if let Some(rest) = w.strip_prefix("mid-") {
            return self.mid_token(i, rest);
        }
        let (mut j, needs_of) = match w {
            "the" if matches!(self.n(i + 1), "end" | "beginning" | "start" | "middle") => {
                (i + 2, true)
            }
            "end" | "beginning" | "start" | "middle" => (i + 1, true),
            "early" | "late" | "mid" => (i + 1, false),
            _ => return None,
        };
        if needs_of {
            if self.n(j) != "of" {
                return None;
            }
            j += 1;
        } else if self.n(j) == "on" || (self.n(j) == "-" && w == "mid") {
            j += 1;
        }
        let inner = self.current_unit(j).or_else(|| self.core(j, false))?;
        let day = matches!(inner.val, Val::Day(_));
        Some(Hit { start: i, ..inner }.approx(!day))
    }

    /// "the year", "the month", "the week" inside "the end of the year": the current one.
    fn current_unit(&self, j: usize) -> Option<Hit> {
        if self.n(j) != "the" {
            return None;
        }
        let doc = self.doc?;
        let val = match lexicon::unit(self.n(j + 1))? {
            Unit::Week => Val::Day(doc),
            Unit::Month => Val::Month(doc.year(), doc.month()),
            Unit::Year => Val::Year(doc.year()),
            _ => return None,
        };
        Some(Hit::new(j, j + 2, val).approx(true))
    }

    /// One token "mid-2015" / "mid-June".
    fn mid_token(&self, i: usize, rest: &str) -> Option<Hit> {
        if let Some(y) = year_num(rest, 1000, 2999) {
            return Some(Hit::new(i, i + 1, Val::Year(y)).approx(true));
        }
        let m = lexicon::month(rest).filter(|_| lexicon::is_full_month(rest))?;
        let val = self.month_only(i, m)?;
        Some(Hit::new(i, i + 1, val).approx(true))
    }

    /// "[more than] five years ago", "a few days ago", "two weeks ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let k = lexicon::approximator(self.norms.get(j..).unwrap_or(&[]));
        let mut approx = k > 0;
        j += k;
        let (q, vague) = self.quantity(&mut j)?;
        approx |= vague;
        let unit = lexicon::unit(self.n(j))?;
        if self.n(j + 1) != "ago" {
            return None;
        }
        let doc = self.doc?;
        let val = match unit {
            Unit::Hour => Val::Day(doc.checked_sub_days(Days::new((q / 24).into()))?),
            Unit::Day => Val::Day(doc.checked_sub_days(Days::new(q.into()))?),
            Unit::Week => Val::Day(doc.checked_sub_days(Days::new(u64::from(q) * 7))?),
            Unit::Month => {
                let d = doc.checked_sub_months(Months::new(q))?;
                Val::Month(d.year(), d.month())
            }
            Unit::Year => Val::Year(doc.year() - i32::try_from(q).ok()?),
            Unit::Decade => {
                approx = true;
                Val::Year(doc.year() - 10 * i32::try_from(q).ok()?)
            }
        };
        Some(Hit::new(i, j + 2, val).approx(approx))
    }

    /// A quantity at `*j` ("five", "a few", "a couple of", "several"); advances `*j`.
    fn quantity(&self, j: &mut usize) -> Option<(u32, bool)> {
        let w = self.n(*j);
        if matches!(w, "a" | "an") && matches!(self.n(*j + 1), "few" | "couple") {
            let q = lexicon::quantity(self.n(*j + 1))?;
            *j += 2;
            if self.n(*j) == "of" {
                *j += 1;
            }
            return Some(q);
        }
        let q = lexicon::quantity(w)?;
        *j += 1;
        if w == "couple" && self.n(*j) == "of" {
            *j += 1;
        }
        Some(q)
    }

    /// "in the coming days", "over the past two years", "in recent weeks".
    fn span(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let has_prep = matches!(
            self.n(j),
            "in" | "over" | "during" | "within" | "throughout" | "for"
        );
        if has_prep {
            j += 1;
        }
        let mut said_next = false;
        let dir = if self.n(j) == "recent" {
            j += 1;
            Dir::Last
        } else {
            if self.n(j) != "the" {
                return None;
            }
            j += 1;
            let d = match self.n(j) {
                "past" | "last" => Dir::Last,
                "coming" | "next" => Dir::Next,
                _ => return None,
            };
            said_next = self.n(j) == "next";
            j += 1;
            d
        };
        let mut counted = false;
        let mut vague = false;
        let mut k = j;
        if let Some((_, v)) = self.quantity(&mut k) {
            if lexicon::unit(self.n(k)).is_some() {
                counted = true;
                vague = v;
                j = k;
            }
        }
        let unit_word = self.n(j);
        let unit = lexicon::unit(unit_word)?;
        let plural = unit_word.ends_with('s');
        // "the next day", "the last year of his term" point from another event, not from
        // the document date: a singular unit needs the preposition ("in the past week").
        // "for the next day" too: only "coming" makes a singular forward span.
        if !plural && !counted && (!has_prep || said_next) {
            return None;
        }
        // "in the last week of May" counts back from May, not from the document date.
        if self.n(j + 1) == "of" {
            return None;
        }
        let doc = self.doc?;
        let val = step(doc, unit, dir)?;
        Some(
            Hit::new(i, j + 1, val)
                .approx(true)
                .fut(dir == Dir::Next)
                .approx(vague),
        )
    }

    /// "last week", "next month", "this year", "earlier this month", "last September",
    /// "next Tuesday", "last night", "this morning", "this past weekend".
    fn relative(&self, i: usize) -> Option<Hit> {
        let w = self.n(i);
        let mut j = i + 1;
        let mut later = false;
        let dir = match w {
            "earlier" | "later" => {
                later = w == "later";
                match self.n(j) {
                    "today" | "tonight" => {
                        let doc = self.doc?;
                        return Some(Hit::new(i, j + 1, Val::Day(doc)).fut(later));
                    }
                    "this" => {}
                    _ => return None,
                }
                j += 1;
                if !matches!(self.n(j), "week" | "month" | "year") {
                    return None;
                }
                Dir::This
            }
            "last" | "next" => {
                // "the last week of May" counts from something else.
                if i > 0 && self.n(i - 1) == "the" {
                    return None;
                }
                if w == "last" {
                    Dir::Last
                } else {
                    Dir::Next
                }
            }
            "this" => match self.n(j) {
                "past" => {
                    j += 1;
                    Dir::Last
                }
                "coming" => {
                    j += 1;
                    Dir::Next
                }
                _ => Dir::This,
            },
            _ => return None,
        };
        let doc = self.doc?;
        let word = self.n(j);
        if let Some(unit) = lexicon::unit(word) {
            if matches!(unit, Unit::Week | Unit::Month | Unit::Year) && !word.ends_with('s') {
                let val = match dir {
                    Dir::This if later && unit == Unit::Week => {
                        Val::Day(doc.checked_add_days(Days::new(1))?)
                    }
                    Dir::This => step(doc, unit, Dir::This)?,
                    d => step(doc, unit, d)?,
                };
                let approx = unit == Unit::Week;
                return Some(
                    Hit::new(i, j + 1, val)
                        .approx(approx)
                        .fut(later || dir == Dir::Next),
                );
            }
            return None;
        }
        if word == "weekend" {
            let sat = match dir {
                Dir::Last => weekday_before(doc, 5, true)?,
                Dir::Next => weekday_after(doc, 5, true)?,
                Dir::This => {
                    if doc.weekday().num_days_from_monday() >= 5 || !self.future_context(i) {
                        weekday_before(doc, 5, false)?
                    } else {
                        weekday_after(doc, 5, false)?
                    }
                }
            };
            return Some(
                Hit::new(i, j + 1, Val::Day(sat))
                    .approx(true)
                    .fut(dir == Dir::Next),
            );
        }
        if let Some(m) = lexicon::month(word) {
            if !lexicon::is_full_month(word) || !self.capitalized(j) {
                return None;
            }
            let (y, dm) = (doc.year(), doc.month());
            let year = match dir {
                Dir::Last if m < dm => y,
                Dir::Last => y - 1,
                Dir::Next if m > dm => y,
                Dir::Next => y + 1,
                Dir::This => y,
            };
            return Some(Hit::new(i, j + 1, Val::Month(year, m)).fut(dir == Dir::Next));
        }
        if let Some(wd) = lexicon::weekday(word) {
            let day = match dir {
                Dir::Last => weekday_before(doc, wd, true)?,
                Dir::Next => weekday_after(doc, wd, true)?,
                Dir::This if self.future_context(i) => weekday_after(doc, wd, false)?,
                Dir::This => weekday_before(doc, wd, false)?,
            };
            let end = if lexicon::day_part(self.n(j + 1)) {
                j + 2
            } else {
                j + 1
            };
            return Some(Hit::new(i, end, Val::Day(day)).fut(dir == Dir::Next));
        }
        match (dir, word) {
            (Dir::Last, "night") => Some(Hit::new(
                i,
                j + 1,
                Val::Day(doc.checked_sub_days(Days::new(1))?),
            )),
            (Dir::This, "morning" | "afternoon" | "evening") => {
                Some(Hit::new(i, j + 1, Val::Day(doc)))
            }
            _ => None,
        }
    }

    /// "today", "yesterday morning", "tomorrow", "tonight", "overnight".
    fn day_word(&self, i: usize) -> Option<Hit> {
        let w = self.n(i);
        let (offset, approx): (i64, bool) = match w {
            "today" | "tonight" => (0, false),
            "yesterday" => (-1, false),
            "tomorrow" => (1, false),
            "overnight" => (0, true),
            _ => return None,
        };
        let doc = self.doc?;
        let day = if offset < 0 {
            doc.checked_sub_days(Days::new(offset.unsigned_abs()))?
        } else {
            doc.checked_add_days(Days::new(offset.unsigned_abs()))?
        };
        let end = if matches!(w, "today" | "yesterday" | "tomorrow")
            && lexicon::day_part(self.n(i + 1))
            && self.n(i + 1) != "overnight"
        {
            i + 2
        } else {
            i + 1
        };
        Some(Hit::new(i, end, Val::Day(day)).approx(approx))
    }

    /// "Tuesday", "Monday night", "Tuesday, June 7".
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let wd = lexicon::weekday(self.n(i))?;
        let after = if self.n(i + 1) == "," { i + 2 } else { i + 1 };
        if let Some(abs) = self.absolute(after, false) {
            if matches!(abs.val, Val::Day(_)) {
                return Some(Hit { start: i, ..abs });
            }
        }
        let doc = self.doc?;
        let day = if self.future_context(i) {
            weekday_after(doc, wd, false)?
        } else {
            weekday_before(doc, wd, false)?
        };
        let end = if lexicon::day_part(self.n(i + 1)) {
            i + 2
        } else {
            i + 1
        };
        Some(Hit::new(i, end, Val::Day(day)))
    }

    /// Calendar dates written out: "June 9, 2016", "9 June", "Sept. 5", "June 2016",
    /// "in March", "in 2014", "2016-06-09", "6/9/2016", "June 9 last year".
    fn absolute(&self, i: usize, chained: bool) -> Option<Hit> {
        let w = self.n(i);
        let first = w.bytes().next()?;
        if first.is_ascii_digit() {
            return self.numeric(i, chained);
        }
        let m = lexicon::month(w)?;
        if !self.capitalized(i) {
            return None;
        }
        let full = lexicon::is_full_month(w);
        let mut j = i + 1;
        if !full && self.n(j) == "." {
            j += 1;
        }
        if let Some(d) = day_num(self.n(j)).or_else(|| day_range_start(self.n(j))) {
            // "June 9, 2016" / "June 9 2016" / "June 9" / "June 9-11" (its first day)
            let mut end = j + 1;
            let mut year = None;
            if self.n(end) == "," {
                if let Some(y) = year_num(self.n(end + 1), 1000, 2999) {
                    year = Some(y);
                    end += 2;
                }
            } else if let Some(y) = year_num(self.n(end), 1000, 2999) {
                year = Some(y);
                end += 1;
            }
            return self.finish_month(i, end, m, Some(d), year);
        }
        let year_at = if matches!(self.n(j), "," | "of") {
            j + 1
        } else {
            j
        };
        if let Some(y) = year_num(self.n(year_at), 1000, 2999) {
            return Some(Hit::new(i, year_at + 1, Val::Month(y, m)));
        }
        // A bare month needs a full name and a date word before it ("in March"), which
        // keeps "may" the verb and "March" the noun out.
        if !full {
            return None;
        }
        let prev_ok = i > 0 && (lexicon::date_preposition(self.n(i - 1)) || chained);
        if !prev_ok {
            return None;
        }
        self.finish_month(i, i + 1, m, None, None)
    }

    /// Resolve a month (and day) whose year may be missing; a following "last year" /
    /// "this year" / "next year" supplies it.
    fn finish_month(
        &self,
        start: usize,
        end: usize,
        m: u32,
        d: Option<u32>,
        year: Option<i32>,
    ) -> Option<Hit> {
        if let Some(y) = year {
            let val = match d {
                Some(d) => Val::Day(NaiveDate::from_ymd_opt(y, m, d)?),
                None => Val::Month(y, m),
            };
            return Some(Hit::new(start, end, val));
        }
        let doc = self.doc?;
        let shift = match (self.n(end), self.n(end + 1)) {
            ("last", "year") => Some(-1),
            ("this", "year") => Some(0),
            ("next", "year") => Some(1),
            _ => None,
        };
        if let Some(s) = shift {
            let y = doc.year() + s;
            let val = match d {
                Some(d) => Val::Day(NaiveDate::from_ymd_opt(y, m, d)?),
                None => Val::Month(y, m),
            };
            return Some(Hit::new(start, end + 2, val).fut(s > 0));
        }
        let val = match d {
            Some(d) => Val::Day(self.month_day(start, m, d)?),
            None => self.month_only(start, m)?,
        };
        Some(Hit::new(start, end, val))
    }

    /// Year for a month and day given without one (see the module rules).
    fn month_day(&self, at: usize, m: u32, d: u32) -> Option<NaiveDate> {
        let doc = self.doc?;
        let y = doc.year();
        let same = NaiveDate::from_ymd_opt(y, m, d);
        let future = self.future_context(at);
        match same {
            Some(c) if future && (doc - c).num_days() > 7 => NaiveDate::from_ymd_opt(y + 1, m, d),
            Some(c) if !future && (c - doc).num_days() > 60 => NaiveDate::from_ymd_opt(y - 1, m, d),
            Some(c) => Some(c),
            // February 29 outside a leap year: the nearest earlier leap year.
            None => (1..=4).find_map(|k| NaiveDate::from_ymd_opt(y - k, m, d)),
        }
    }

    /// Year for a month given without one (see the module rules).
    fn month_only(&self, at: usize, m: u32) -> Option<Val> {
        let doc = self.doc?;
        let (y, dm) = (doc.year(), doc.month());
        let year = if self.future_context(at) {
            if m < dm {
                y + 1
            } else {
                y
            }
        } else if m <= dm + 1 {
            y
        } else {
            y - 1
        };
        Some(Val::Month(year, m))
    }

    /// Dates starting with a number: ISO, slashed, "9 June [2016]", bare years.
    fn numeric(&self, i: usize, chained: bool) -> Option<Hit> {
        let w = self.n(i);
        if let Some(d) = iso_date(w) {
            return Some(Hit::new(i, i + 1, Val::Day(d)));
        }
        if let Some(date) = slashed_date(w) {
            return Some(Hit::new(i, i + 1, Val::Day(date)));
        }
        if self.n(i + 1) == "/" && self.n(i + 3) == "/" {
            let date = month_day_year(w, self.n(i + 2), self.n(i + 4))?;
            return Some(Hit::new(i, i + 5, Val::Day(date)));
        }
        if let Some(d) = day_num(w) {
            let j = if self.n(i + 1) == "of" { i + 2 } else { i + 1 };
            let mw = self.n(j);
            if let Some(m) = lexicon::month(mw) {
                if self.capitalized(j) && (lexicon::is_full_month(mw) || self.n(j + 1) == ".") {
                    let mut end = if lexicon::is_full_month(mw) {
                        j + 1
                    } else {
                        j + 2
                    };
                    let mut year = None;
                    let at = if self.n(end) == "," { end + 1 } else { end };
                    if let Some(y) = year_num(self.n(at), 1000, 2999) {
                        year = Some(y);
                        end = at + 1;
                    }
                    return self.finish_month(i, end, m, Some(d), year);
                }
            }
        }
        let y = year_num(w, 1800, 2100)?;
        let prev = if i > 0 { self.n(i - 1) } else { "" };
        let cue = lexicon::date_preposition(prev)
            || (chained && matches!(prev, "and" | "to" | "-" | "through" | "or" | "until"));
        if !cue {
            return None;
        }
        Some(Hit::new(i, i + 1, Val::Year(y)))
    }
}

/// The unit-sized step from `doc` in `dir`: last/this/next week (day, ±7), month, year.
fn step(doc: NaiveDate, unit: Unit, dir: Dir) -> Option<Val> {
    let sign: i32 = match dir {
        Dir::Last => -1,
        Dir::This => 0,
        Dir::Next => 1,
    };
    let shift_days = |n: u64| -> Option<NaiveDate> {
        match sign {
            -1 => doc.checked_sub_days(Days::new(n)),
            1 => doc.checked_add_days(Days::new(n)),
            _ => Some(doc),
        }
    };
    Some(match unit {
        Unit::Hour => Val::Day(doc),
        Unit::Day => Val::Day(shift_days(1)?),
        Unit::Week => Val::Day(shift_days(7)?),
        Unit::Month => {
            let d = match sign {
                -1 => doc.checked_sub_months(Months::new(1))?,
                1 => doc.checked_add_months(Months::new(1))?,
                _ => doc,
            };
            Val::Month(d.year(), d.month())
        }
        Unit::Year => Val::Year(doc.year() + sign),
        Unit::Decade => Val::Year(doc.year() + 10 * sign),
    })
}

/// The most recent `wd` (days from Monday) before `doc`; on `doc` itself unless `strict`.
fn weekday_before(doc: NaiveDate, wd: u32, strict: bool) -> Option<NaiveDate> {
    let cur = doc.weekday().num_days_from_monday();
    let mut back = (cur + 7 - wd) % 7;
    if back == 0 && strict {
        back = 7;
    }
    doc.checked_sub_days(Days::new(back.into()))
}

/// The first `wd` after `doc`; `doc` itself unless `strict`.
fn weekday_after(doc: NaiveDate, wd: u32, strict: bool) -> Option<NaiveDate> {
    let cur = doc.weekday().num_days_from_monday();
    let mut fwd = (wd + 7 - cur) % 7;
    if fwd == 0 && strict {
        fwd = 7;
    }
    doc.checked_add_days(Days::new(fwd.into()))
}

/// Day of month: "9", "09", "9th", "1st", "22nd", "3rd".
fn day_num(w: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    let d = small_num(digits)?;
    (1..=31).contains(&d).then_some(d)
}

/// First day of a range written as one token: "9-11" → 9.
fn day_range_start(w: &str) -> Option<u32> {
    let (a, b) = w.split_once('-')?;
    let (a, b) = (day_num(a)?, day_num(b)?);
    (a < b).then_some(a)
}

/// One or two digits.
fn small_num(w: &str) -> Option<u32> {
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// Exactly four digits within `[lo, hi]`.
fn year_num(w: &str, lo: i32, hi: i32) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (lo..=hi).contains(&y).then_some(y)
}

/// "6/9/2016" as one token.
fn slashed_date(w: &str) -> Option<NaiveDate> {
    let mut parts = w.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    month_day_year(a, b, y)
}

/// `a/b/yyyy`: month/day (US wire convention) unless `a` cannot be a month.
fn month_day_year(a: &str, b: &str, y: &str) -> Option<NaiveDate> {
    let (a, b) = (small_num(a)?, small_num(b)?);
    let y = year_num(y, 1000, 2999)?;
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `YYYY-MM-DD`.
fn iso_date(w: &str) -> Option<NaiveDate> {
    let b = w.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let y = year_num(w.get(0..4)?, 1000, 2999)?;
    let m = small_num(w.get(5..7)?)?;
    let d = small_num(w.get(8..10)?)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

#[cfg(test)]
mod tests;
