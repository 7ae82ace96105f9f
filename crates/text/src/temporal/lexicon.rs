//! Word tables for temporal expressions: month and weekday names, number words, units and
//! the cue words that open or modify an expression. Plain `match` on the normalised token,
//! so a lookup costs a few comparisons and no allocation.

/// Month number (1–12) of a month name or abbreviation, lower-cased ("sept" → 9).
/// Abbreviations are returned too; callers decide how much context they need.
pub fn month(norm: &str) -> Option<u32> {
    // Tokenisers may keep an abbreviation's period ("sept.").
    let norm = norm.strip_suffix('.').unwrap_or(norm);
    Some(match norm {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Whether a month token is a full name (not an abbreviation). "May" is both.
pub fn is_full_month(norm: &str) -> bool {
    matches!(
        norm,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Weekday as days from Monday (0–6).
pub fn weekday(norm: &str) -> Option<u32> {
    Some(match norm {
        "monday" => 0,
        "tuesday" => 1,
        "wednesday" => 2,
        "thursday" => 3,
        "friday" => 4,
        "saturday" => 5,
        "sunday" => 6,
        _ => return None,
    })
}

/// A part of the day that may follow a day reference ("Monday night", "yesterday morning").
pub fn day_part(norm: &str) -> bool {
    matches!(
        norm,
        "morning" | "afternoon" | "evening" | "night" | "overnight"
    )
}

/// Calendar unit of a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// Unit word, singular or plural.
pub fn unit(norm: &str) -> Option<Unit> {
    Some(match norm {
        "hour" | "hours" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        _ => return None,
    })
}

/// A quantity word: (value, vague). Digits up to 3 places, number words, "a"/"an", and
/// vague amounts ("few", "several") that make the result approximate.
pub fn quantity(norm: &str) -> Option<(u32, bool)> {
    if !norm.is_empty() && norm.len() <= 3 && norm.bytes().all(|b| b.is_ascii_digit()) {
        return norm.parse().ok().map(|n| (n, false));
    }
    Some(match norm {
        "a" | "an" | "one" => (1, false),
        "two" => (2, false),
        "three" => (3, false),
        "four" => (4, false),
        "five" => (5, false),
        "six" => (6, false),
        "seven" => (7, false),
        "eight" => (8, false),
        "nine" => (9, false),
        "ten" => (10, false),
        "eleven" => (11, false),
        "twelve" => (12, false),
        "thirteen" => (13, false),
        "fourteen" => (14, false),
        "fifteen" => (15, false),
        "sixteen" => (16, false),
        "seventeen" => (17, false),
        "eighteen" => (18, false),
        "nineteen" => (19, false),
        "twenty" => (20, false),
        "thirty" => (30, false),
        "forty" => (40, false),
        "fifty" => (50, false),
        "sixty" => (60, false),
        "seventy" => (70, false),
        "eighty" => (80, false),
        "ninety" => (90, false),
        "hundred" => (100, false),
        "few" => (3, true),
        "several" => (3, true),
        "couple" => (2, true),
        "many" => (5, true),
        _ => return None,
    })
}

/// Words that make a following quantity approximate ("more than five years ago").
/// Returns how many tokens the approximator spans when it starts at `norms[0]`.
pub fn approximator(norms: &[&str]) -> usize {
    let first = norms.first().copied().unwrap_or("");
    let second = norms.get(1).copied().unwrap_or("");
    match (first, second) {
        ("more" | "less" | "fewer", "than") => 2,
        ("at", "least" | "most") => 2,
        ("just" | "only", "over" | "under" | "after" | "before") => 2,
        ("up", "to") => 2,
        (
            "over" | "about" | "around" | "nearly" | "almost" | "roughly" | "approximately"
            | "some" | "barely" | "under",
            _,
        ) => 1,
        _ => 0,
    }
}

/// Words shortly before an expression that put it in the future ("will meet on Tuesday").
pub fn future_cue(norm: &str) -> bool {
    matches!(
        norm,
        "will"
            | "shall"
            | "won't"
            | "scheduled"
            | "due"
            | "expected"
            | "plans"
            | "planned"
            | "planning"
            | "upcoming"
            | "forthcoming"
            | "postponed"
            | "set"
            | "wo"
    ) || norm.ends_with("'ll")
}

/// Words that may introduce a bare month or year ("in March", "since 2011").
pub fn date_preposition(norm: &str) -> bool {
    matches!(
        norm,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "during"
            | "from"
            | "to"
            | "through"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "between"
            | "throughout"
            | "around"
            | "for"
            | "on"
            | "last"
            | "next"
            | "this"
            | "that"
            | "as"
    )
}

/// Every normalised word that can start or anchor a temporal expression. Used as the cheap
/// first check: a token that is neither this nor a number is skipped at once.
pub fn is_trigger(norm: &str) -> bool {
    month(norm).is_some()
        || weekday(norm).is_some()
        || matches!(
            norm,
            "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "overnight"
                | "last"
                | "next"
                | "this"
                | "earlier"
                | "later"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "in"
                | "over"
                | "during"
                | "within"
                | "throughout"
                | "for"
                | "the"
                | "more"
                | "less"
                | "fewer"
                | "at"
                | "just"
                | "only"
                | "up"
                | "about"
                | "around"
                | "nearly"
                | "almost"
                | "roughly"
                | "approximately"
                | "some"
                | "barely"
                | "under"
                | "a"
                | "an"
                | "few"
                | "several"
                | "couple"
                | "many"
                | "past"
                | "coming"
                | "recent"
        )
        || norm.starts_with("mid-")
        || quantity(norm).is_some()
}
