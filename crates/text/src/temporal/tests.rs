//! Table tests: (sentence, document date) → expected expression, value and precision.

use chrono::NaiveDate;
use wirecoder_core::DatePrecision;

use super::extract;
use crate::{LanguageAnalyzer, RuleAnalyzer};

/// One row: sentence, document date ("" for none), expected expression text ("" for none),
/// value, precision (d/m/y), flags: `a` approximate, `f` future, `+` other expressions may
/// also be found in the sentence.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    char,
    &'static str,
);

const D: &str = "2016-06-10"; // a Friday

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // Absolute dates.
    ("The ministers met on June 9.", D, "June 9", "2016-06-09", 'd', ""),
    ("They met on June 9, 2016.", D, "June 9, 2016", "2016-06-09", 'd', ""),
    ("They met on June 9 2016 in Tehran.", D, "June 9 2016", "2016-06-09", 'd', ""),
    ("The vote was held on 9 June.", D, "9 June", "2016-06-09", 'd', ""),
    ("The vote was held on 9 June 2016.", D, "9 June 2016", "2016-06-09", 'd', ""),
    ("The vote was held on 9 June, 2016.", D, "9 June, 2016", "2016-06-09", 'd', ""),
    ("The report is dated 2016-06-09.", D, "2016-06-09", "2016-06-09", 'd', ""),
    ("Prices rose in June 2016.", D, "June 2016", "2016-06", 'm', ""),
    ("Prices rose in June of 2015.", D, "June of 2015", "2015-06", 'm', ""),
    ("Talks resumed on Sept. 5.", D, "Sept. 5", "2015-09-05", 'd', ""),
    ("The attack happened on Sept. 5, 2014.", D, "Sept. 5, 2014", "2014-09-05", 'd', ""),
    ("The bill passed on Jan. 14.", D, "Jan. 14", "2016-01-14", 'd', ""),
    ("The deal was signed on 6/9/2016.", D, "6/9/2016", "2016-06-09", 'd', ""),
    ("The deal was signed on 25/12/2015.", D, "25/12/2015", "2015-12-25", 'd', ""),
    ("The meeting on 9th June was cancelled.", D, "9th June", "2016-06-09", 'd', ""),
    ("The meeting on June 9th was cancelled.", D, "June 9th", "2016-06-09", 'd', ""),
    ("The ceasefire of 27 February held.", D, "27 February", "2016-02-27", 'd', ""),
    ("The law of 12 March 2014 applies.", D, "12 March 2014", "2014-03-12", 'd', ""),
    ("The March 2011 uprising was crushed.", D, "March 2011", "2011-03", 'm', ""),
    ("Assad took power in July 2000.", D, "July 2000", "2000-07", 'm', ""),
    ("They met on May 5.", D, "May 5", "2016-05-05", 'd', ""),
    ("The fair ran June 2-5, 2016.", D, "June 2-5, 2016", "2016-06-02", 'd', ""),
    ("The fair ran June 2-5.", D, "June 2-5", "2016-06-02", 'd', ""),
    ("The rally took place on Tuesday, June 7.", D, "Tuesday, June 7", "2016-06-07", 'd', ""),
    ("It happened on June 20 last year.", D, "June 20 last year", "2015-06-20", 'd', ""),
    ("It happened in September last year.", D, "September last year", "2015-09", 'm', ""),
    ("It will happen in March next year.", D, "March next year", "2017-03", 'm', "f"),
    ("He was arrested on Feb. 29.", D, "Feb. 29", "2016-02-29", 'd', ""),
    ("He was arrested on Feb. 29.", "2017-06-10", "Feb. 29", "2016-02-29", 'd', ""),
    ("The attack on December 30 killed 10.", "2016-01-03", "December 30", "2015-12-30", 'd', ""),
    ("Talks will resume on January 5.", "2016-12-28", "January 5", "2017-01-05", 'd', "f"),
    ("The summit on July 4 is in doubt.", D, "July 4", "2016-07-04", 'd', "f"),
    ("The strike on October 3 killed 20.", D, "October 3", "2015-10-03", 'd', ""),
    // Bare months and years.
    ("Russian forces took Palmyra in March.", D, "March", "2016-03", 'm', ""),
    ("They met in May.", D, "May", "2016-05", 'm', ""),
    ("The city was captured in December.", D, "December", "2015-12", 'm', ""),
    ("The city was captured in July.", D, "July", "2016-07", 'm', "f"),
    ("Elections will be held in December.", D, "December", "2016-12", 'm', "f"),
    ("Elections will be held in January.", D, "January", "2017-01", 'm', "f"),
    ("Fighting raged from March to May.", D, "May", "2016-05", 'm', "+"),
    ("The war began in 2011.", D, "2011", "2011", 'y', ""),
    ("Iran has backed Damascus since 2011.", D, "2011", "2011", 'y', ""),
    ("Over 3,000 people died in 2015.", D, "2015", "2015", 'y', ""),
    ("The accord of 1979 still holds.", D, "1979", "1979", 'y', ""),
    ("Fighting raged between 2011 and 2014.", D, "2014", "2014", 'y', "+"),
    ("Fighting raged between 2011 and 2014.", D, "2011", "2011", 'y', "+"),
    ("The group was founded in 1999 and banned in 2003.", D, "2003", "2003", 'y', "+"),
    ("The target is 40 percent by 2020.", D, "2020", "2020", 'y', "f"),
    // Weekdays.
    ("He arrived on Tuesday.", D, "Tuesday", "2016-06-07", 'd', ""),
    ("He arrived on Friday.", D, "Friday", "2016-06-10", 'd', ""),
    ("He arrived on Saturday.", D, "Saturday", "2016-06-04", 'd', ""),
    ("He said on Wednesday that talks failed.", D, "Wednesday", "2016-06-08", 'd', ""),
    ("Iran said Sunday it would respond.", D, "Sunday", "2016-06-05", 'd', ""),
    ("He will arrive on Tuesday.", D, "Tuesday", "2016-06-14", 'd', "f"),
    ("He will meet Putin on Sunday.", D, "Sunday", "2016-06-12", 'd', "f"),
    ("He will travel on Friday.", D, "Friday", "2016-06-10", 'd', ""),
    ("The talks are scheduled for Monday.", D, "Monday", "2016-06-13", 'd', "f"),
    ("He will arrive next Tuesday.", D, "next Tuesday", "2016-06-14", 'd', "f"),
    ("He arrives next Friday.", D, "next Friday", "2016-06-17", 'd', "f"),
    ("He arrived last Tuesday.", D, "last Tuesday", "2016-06-07", 'd', ""),
    ("He arrived last Friday.", D, "last Friday", "2016-06-03", 'd', ""),
    ("Fighting broke out on Monday night.", D, "Monday night", "2016-06-06", 'd', ""),
    ("The bombing occurred on Thursday afternoon.", D, "Thursday afternoon", "2016-06-09", 'd', ""),
    ("Rebels attacked late on Thursday.", D, "late on Thursday", "2016-06-09", 'd', ""),
    ("He spoke on Tuesday.", "2016-03-01", "Tuesday", "2016-03-01", 'd', ""),
    ("He spoke on Sunday.", "2016-03-01", "Sunday", "2016-02-28", 'd', ""),
    ("He spoke on Monday.", "2016-01-03", "Monday", "2015-12-28", 'd', ""),
    ("He spoke this Tuesday.", D, "this Tuesday", "2016-06-07", 'd', ""),
    ("He will speak this Tuesday.", D, "this Tuesday", "2016-06-14", 'd', "f"),
    // Deictic days.
    ("Fighting broke out today.", D, "today", "2016-06-10", 'd', ""),
    ("Fighting broke out yesterday.", D, "yesterday", "2016-06-09", 'd', ""),
    ("Fighting broke out yesterday.", "2016-03-01", "yesterday", "2016-02-29", 'd', ""),
    ("Fighting broke out yesterday.", "2016-01-01", "yesterday", "2015-12-31", 'd', ""),
    ("Talks resume tomorrow.", D, "tomorrow", "2016-06-11", 'd', "f"),
    ("Fighting broke out yesterday morning.", D, "yesterday morning", "2016-06-09", 'd', ""),
    ("Shelling continued overnight.", D, "overnight", "2016-06-10", 'd', "a"),
    ("Fighting erupted last night.", D, "last night", "2016-06-09", 'd', ""),
    ("He spoke tonight.", D, "tonight", "2016-06-10", 'd', ""),
    ("He spoke this morning.", D, "this morning", "2016-06-10", 'd', ""),
    ("Earlier today, rockets hit the city.", D, "Earlier today", "2016-06-10", 'd', ""),
    ("The ruling is expected later today.", D, "later today", "2016-06-10", 'd', "f"),
    // Weeks, months, years relative to the document date.
    ("The clashes began last week.", D, "last week", "2016-06-03", 'd', "a"),
    ("The clashes began this week.", D, "this week", "2016-06-10", 'd', "a"),
    ("Talks will resume next week.", D, "next week", "2016-06-17", 'd', "af"),
    ("The plan was announced earlier this week.", D, "earlier this week", "2016-06-10", 'd', "a"),
    ("The report is due later this week.", D, "later this week", "2016-06-11", 'd', "af"),
    ("The offensive started earlier this month.", D, "earlier this month", "2016-06", 'm', ""),
    ("The offensive started last month.", D, "last month", "2016-05", 'm', ""),
    ("The town fell last month.", "2016-01-15", "last month", "2015-12", 'm', ""),
    ("The talks will continue next month.", D, "next month", "2016-07", 'm', "f"),
    ("Talks will start next month.", "2015-12-31", "next month", "2016-01", 'm', "f"),
    ("The results come later this month.", D, "later this month", "2016-06", 'm', "f"),
    ("The offensive started this year.", D, "this year", "2016", 'y', ""),
    ("The offensive started earlier this year.", D, "earlier this year", "2016", 'y', ""),
    ("The offensive started last year.", D, "last year", "2015", 'y', ""),
    ("Since last year, prices doubled.", D, "last year", "2015", 'y', ""),
    ("Elections will be held next year.", D, "next year", "2017", 'y', "f"),
    ("Russia intervened last September.", D, "last September", "2015-09", 'm', ""),
    ("Russia intervened last September.", "2016-01-15", "last September", "2015-09", 'm', ""),
    ("Russia intervened last September.", "2016-10-01", "last September", "2016-09", 'm', ""),
    ("Russia intervened last September.", "2016-09-20", "last September", "2015-09", 'm', ""),
    ("The vote is due next March.", D, "next March", "2017-03", 'm', "f"),
    ("The vote is due next September.", D, "next September", "2016-09", 'm', "f"),
    ("Fighting eased this past weekend.", D, "this past weekend", "2016-06-04", 'd', "a"),
    ("Fighting eased last weekend.", D, "last weekend", "2016-06-04", 'd', "a"),
    ("Protests are planned for this weekend.", D, "this weekend", "2016-06-11", 'd', "af"),
    // "ago".
    ("Two soldiers died two days ago.", D, "two days ago", "2016-06-08", 'd', ""),
    ("The town fell three weeks ago.", D, "three weeks ago", "2016-05-20", 'd', ""),
    ("The town fell a week ago.", D, "a week ago", "2016-06-03", 'd', ""),
    ("The war began more than five years ago.", D, "more than five years ago", "2011", 'y', "a"),
    ("The town fell six months ago.", D, "six months ago", "2015-12", 'm', ""),
    ("The town fell a month ago.", "2016-03-31", "a month ago", "2016-02", 'm', ""),
    ("The town fell a few days ago.", D, "a few days ago", "2016-06-07", 'd', "a"),
    ("The town fell several weeks ago.", D, "several weeks ago", "2016-05-20", 'd', "a"),
    ("The dam was built a decade ago.", D, "a decade ago", "2006", 'y', "a"),
    ("He was freed 48 hours ago.", D, "48 hours ago", "2016-06-08", 'd', ""),
    ("He left two years ago.", D, "two years ago", "2014", 'y', ""),
    ("The vote was held a year ago.", "2016-02-29", "a year ago", "2015", 'y', ""),
    ("It started about 10 days ago.", D, "about 10 days ago", "2016-05-31", 'd', "a"),
    ("It started a couple of weeks ago.", D, "a couple of weeks ago", "2016-05-27", 'd', "a"),
    // Vague spans.
    ("In the coming days the talks will resume.", D, "In the coming days", "2016-06-11", 'd', "af"),
    ("Results should be seen in the coming weeks.", D, "in the coming weeks", "2016-06-17", 'd', "af"),
    ("Results are due in the coming months.", D, "in the coming months", "2016-07", 'm', "af"),
    ("Talks resume in the coming week.", D, "in the coming week", "2016-06-17", 'd', "af"),
    ("The talks resume in the next two weeks.", D, "in the next two weeks", "2016-06-17", 'd', "af"),
    ("Prices rose in recent weeks.", D, "in recent weeks", "2016-06-03", 'd', "a"),
    ("Attacks rose over the past two years.", D, "over the past two years", "2015", 'y', "a"),
    ("Attacks rose in the past few days.", D, "in the past few days", "2016-06-09", 'd', "a"),
    ("Throughout the past year, prices doubled.", D, "Throughout the past year", "2015", 'y', "a"),
    ("In the last 24 hours, 30 people died.", D, "In the last 24 hours", "2016-06-10", 'd', "a"),
    // Modified months and years.
    ("It happened in early June.", D, "early June", "2016-06", 'm', "a"),
    ("Attacks in late May killed dozens.", D, "late May", "2016-05", 'm', "a"),
    ("It happened in late 2015.", D, "late 2015", "2015", 'y', "a"),
    ("It happened in mid-2015.", D, "mid-2015", "2015", 'y', "a"),
    ("It happened in mid-March.", D, "mid-March", "2016-03", 'm', "a"),
    ("It will end by the end of the year.", D, "the end of the year", "2016", 'y', "a"),
    ("The truce collapsed at the end of March.", D, "the end of March", "2016-03", 'm', "a"),
    ("The city was taken at the beginning of 2016.", D, "the beginning of 2016", "2016", 'y', "a"),
    ("Prices fell late last year.", D, "late last year", "2015", 'y', "a"),
    ("Talks resume early next week.", D, "early next week", "2016-06-17", 'd', "af"),
    // Without a document date only absolute dates resolve.
    ("They met on June 9, 2016.", "", "June 9, 2016", "2016-06-09", 'd', ""),
    ("The war began in 2011.", "", "2011", "2011", 'y', ""),
    ("Filed 2016-06-09.", "", "2016-06-09", "2016-06-09", 'd', ""),
    ("Prices rose in June 2016.", "", "June 2016", "2016-06", 'm', ""),
    ("They met yesterday.", "", "", "", 'd', ""),
    ("They met on June 9.", "", "", "", 'd', ""),
    ("They met last week.", "", "", "", 'd', ""),
    ("They met on Tuesday.", "", "", "", 'd', ""),
    // Not dates.
    ("About 2,000 troops were deployed.", D, "", "", 'd', ""),
    ("Some 1,000 fighters joined.", D, "", "", 'd', ""),
    ("About 2000 troops arrived.", D, "", "", 'd', ""),
    ("Casualties rose in the 1990s.", D, "", "", 'd', ""),
    ("He may visit Moscow.", D, "", "", 'd', ""),
    ("May God protect us.", D, "", "", 'd', ""),
    ("Thousands march in the capital.", D, "", "", 'd', ""),
    ("The report said May was the deadliest month.", D, "", "", 'd', ""),
    ("June Carter visited the troops.", D, "", "", 'd', ""),
    ("Jan Kubis met officials.", D, "", "", 'd', ""),
    ("The strike hit at 2100 GMT.", D, "", "", 'd', ""),
    ("The next day, the army withdrew.", D, "", "", 'd', ""),
    ("He stayed there for the next day.", D, "", "", 'd', ""),
    ("He died in the last week of May.", D, "May", "2016-05", 'm', ""),
    ("The last year of his term was calm.", D, "", "", 'd', ""),
    ("The deal expires on 31 June.", D, "", "", 'd', ""),
    ("They fired 100 rockets.", D, "", "", 'd', ""),
    ("He served 12 years in prison.", D, "", "", 'd', ""),
    ("The strike happened on the 9th.", D, "", "", 'd', ""),
];

fn date(s: &str) -> Option<NaiveDate> {
    if s.is_empty() {
        None
    } else {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }
}

#[test]
fn table_has_enough_rows() {
    assert!(TABLE.len() >= 100, "only {} rows", TABLE.len());
}

#[test]
fn table() {
    let analyzer = RuleAnalyzer;
    let mut failures = Vec::new();
    for &(sentence, doc, text, value, precision, flags) in TABLE {
        let analysis = analyzer.analyze(sentence);
        let found = extract(&analysis, date(doc));
        let described = format!("{found:?}");
        if text.is_empty() {
            if !found.is_empty() {
                failures.push(format!(
                    "{sentence:?} @ {doc}: expected none, got {described}"
                ));
            }
            continue;
        }
        if !flags.contains('+') && found.len() != 1 {
            failures.push(format!(
                "{sentence:?} @ {doc}: expected one, got {described}"
            ));
            continue;
        }
        let Some(e) = found.iter().find(|e| e.text == text) else {
            failures.push(format!("{sentence:?} @ {doc}: no {text:?} in {described}"));
            continue;
        };
        let want_precision = match precision {
            'd' => DatePrecision::Day,
            'm' => DatePrecision::Month,
            _ => DatePrecision::Year,
        };
        let ok = e.value == value
            && e.precision == want_precision
            && e.approximate == flags.contains('a')
            && e.future == flags.contains('f');
        if !ok {
            failures.push(format!(
                "{sentence:?} @ {doc}: want {value} {precision} [{flags}], got {e:?}"
            ));
        }
        // Offsets point at the text.
        let chars: String = sentence
            .chars()
            .skip(e.start)
            .take(e.end - e.start)
            .collect();
        if chars != e.text {
            failures.push(format!(
                "{sentence:?}: offsets {}..{} give {chars:?}",
                e.start, e.end
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn sentence_index_and_offsets_across_sentences() {
    let text = "Nothing here. Rebels attacked on Tuesday. Talks end next week.";
    let analysis = RuleAnalyzer.analyze(text);
    let found = extract(&analysis, date(D));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].sentence, 1);
    assert_eq!(found[0].text, "Tuesday");
    assert_eq!(&text[found[0].start..found[0].end], "Tuesday");
    assert_eq!(found[1].sentence, 2);
    assert_eq!(found[1].text, "next week");
}

#[test]
fn empty_norms_fall_back_to_text() {
    let mut analysis = RuleAnalyzer.analyze("They met on June 9 and on Tuesday.");
    for t in &mut analysis.tokens {
        t.norm.clear();
    }
    let found = extract(&analysis, date(D));
    let values: Vec<&str> = found.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(values, ["2016-06-09", "2016-06-07"]);
}

#[test]
fn seed_article() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/article.txt"
    );
    let Ok(body) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let analysis = RuleAnalyzer.analyze(&body);
    let found = extract(&analysis, date(D));
    let get = |t: &str| found.iter().find(|e| e.text == t);
    let june9 = get("June 9").expect("June 9");
    assert_eq!(
        (june9.value.as_str(), june9.precision),
        ("2016-06-09", DatePrecision::Day)
    );
    let sept = get("last September").expect("last September");
    assert_eq!(
        (sept.value.as_str(), sept.precision),
        ("2015-09", DatePrecision::Month)
    );
    let march = get("March").expect("March");
    assert_eq!(
        (march.value.as_str(), march.precision),
        ("2016-03", DatePrecision::Month)
    );
    let years = get("more than five years ago").expect("more than five years ago");
    assert_eq!(years.value, "2011");
    assert!(years.approximate);
    let coming = get("in the coming days").expect("in the coming days");
    assert!(coming.future && coming.approximate);
    assert_eq!(found.len(), 5, "{found:?}");
}

mod props {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn never_panics_and_offsets_in_bounds(s in "\\PC{0,200}", days in 0i64..40000) {
            let doc = NaiveDate::from_ymd_opt(1900, 1, 1)
                .and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
            let analysis = RuleAnalyzer.analyze(&s);
            let n = s.chars().count();
            for e in extract(&analysis, doc) {
                prop_assert!(e.start <= e.end && e.end <= n);
            }
        }

        #[test]
        fn dates_words_and_numbers(words in proptest::collection::vec(
            prop_oneof![
                Just("on"), Just("in"), Just("last"), Just("next"), Just("June"), Just("9"),
                Just(","), Just("2016"), Just("Tuesday"), Just("ago"), Just("years"),
                Just("the"), Just("coming"), Just("days"), Just("more"), Just("than"),
                Just("mid-"), Just("end"), Just("of"), Just("/"), Just("31"), Just("99"),
                Just("9999"), Just("0000"), Just("Feb"), Just("."), Just("29"),
            ], 0..12)) {
            let s = words.join(" ");
            let analysis = RuleAnalyzer.analyze(&s);
            for doc in [None, NaiveDate::from_ymd_opt(9999, 12, 31), NaiveDate::from_ymd_opt(1, 1, 1)] {
                for e in extract(&analysis, doc) {
                    prop_assert!(!e.value.is_empty());
                }
            }
        }
    }
}
