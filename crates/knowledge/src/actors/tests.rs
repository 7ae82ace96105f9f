//! Tests of the actor matcher on hand-made token streams (the rule tokenizer's shapes).

use super::*;

/// Whitespace/punctuation tokenizer for tests: splits "Syria’s" into "Syria" + "’s" when
/// `split_poss`, keeps hyphenated words together, splits off , . ( ) and quotes.
fn analyse(text: &str, split_poss: bool) -> TextAnalysis {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < chars.len() {
                let (_, c) = chars[i];
                let next = chars.get(i + 1).map(|x| x.1);
                let inner = matches!(c, '-' | '.' | '\'' | '\u{2019}')
                    && next.is_some_and(char::is_alphanumeric);
                if c.is_alphanumeric() || inner {
                    if split_poss
                        && matches!(c, '\'' | '\u{2019}')
                        && next == Some('s')
                        && chars.get(i + 2).is_none_or(|x| !x.1.is_alphanumeric())
                    {
                        break;
                    }
                    i += 1;
                } else {
                    break;
                }
            }
        } else if matches!(c, '\'' | '\u{2019}') && chars.get(i + 1).map(|x| x.1) == Some('s') {
            i += 2;
        } else {
            i += 1;
        }
        let bs = b;
        let be = chars.get(i).map_or(text.len(), |x| x.0);
        let word = &text[bs..be];
        tokens.push(Token {
            text: word.to_string(),
            norm: matcher::normalize(word),
            start,
            end: i,
            byte_start: bs,
            byte_end: be,
            space_after: text[be..].starts_with(char::is_whitespace),
            ..Default::default()
        });
    }
    let n = tokens.len();
    TextAnalysis {
        sentences: vec![wirecoder_core::Sentence {
            text: text.to_string(),
            start: 0,
            end: text.chars().count(),
            token_start: 0,
            token_end: n,
            ..Default::default()
        }],
        tokens,
        entities: Vec::new(),
    }
}

fn dict() -> ActorDictionary {
    match ActorDictionary::builtin() {
        Ok(d) => d,
        Err(e) => panic!("builtin: {e}"),
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn codes(d: &ActorDictionary, text: &str, on: Option<NaiveDate>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for split in [false, true] {
        let got: Vec<(String, String)> = d
            .find_mentions(&analyse(text, split), on)
            .into_iter()
            .map(|m| (m.text, m.code))
            .collect();
        if split {
            assert_eq!(out, got, "tokenisations disagree on {text:?}");
        } else {
            out = got;
        }
    }
    out
}

fn has(d: &ActorDictionary, text: &str, on: Option<NaiveDate>, code: &str) -> bool {
    codes(d, text, on).iter().any(|(_, c)| c == code)
}

#[test]
fn issue_examples() {
    let d = dict();
    let on = date("2016-06-10");
    assert_eq!(
        codes(
            &d,
            "Iranian Defense Minister General Hossein Dehghan said",
            on
        ),
        vec![(
            "Iranian Defense Minister General Hossein Dehghan".to_string(),
            "IRNGOVMIL".to_string()
        )]
    );
    assert_eq!(
        codes(&d, "the Kremlin said", on),
        vec![("Kremlin".to_string(), "RUSGOV".to_string())]
    );
    let c = codes(&d, "rebels in second city Aleppo", on);
    assert_eq!(c, vec![("rebels".to_string(), "SYRREB".to_string())]);
    let c = codes(&d, "al-Qaeda’s Syria affiliate, the al-Nusra Front.", on);
    assert!(
        c.contains(&("al-Nusra Front".to_string(), "IMGNUS".to_string())),
        "{c:?}"
    );
    assert!(c.iter().any(|(_, code)| code == "IMGAQ"), "{c:?}");
    assert!(has(
        &d,
        "ISIL and the al-Nusra terrorist groups",
        on,
        "IMGNUS"
    ));
}

#[test]
fn unknown_name_gets_role_and_nationality() {
    let d = dict();
    let c = codes(
        &d,
        "Iranian Defense Minister General Ali Farzadi said",
        date("2016-06-10"),
    );
    assert_eq!(
        c,
        vec![(
            "Iranian Defense Minister General Ali Farzadi".to_string(),
            "IRNGOVMIL".to_string()
        )]
    );
}

/// The everyday English names news uses, including those that ISO 3166 has since renamed
/// ("Turkey" is "Türkiye" in iso-codes, "Swaziland" is "Eswatini").
#[test]
fn everyday_country_names() {
    let d = dict();
    for (text, code) in [
        ("Turkey", "TUR"),
        ("Turkish", "TUR"),
        ("Brunei", "BRN"),
        ("Czech Republic", "CZE"),
        ("Swaziland", "SWZ"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("East Timor", "TLS"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Vietnam", "VNM"),
        ("Russia", "RUS"),
        ("Syria", "SYR"),
        ("Bolivia", "BOL"),
        ("Venezuela", "VEN"),
        ("Tanzania", "TZA"),
        ("Laos", "LAO"),
        ("Moldova", "MDA"),
        ("Vatican", "VAT"),
        ("Taiwan", "TWN"),
        ("DR Congo", "COD"),
        ("Britain", "GBR"),
        ("Holland", "NLD"),
        ("Dominican", "DOM"),
        ("Cape Verde", "CPV"),
        ("North Macedonia", "MKD"),
        ("Kosovo", "KSV"),
    ] {
        let sentence = format!("They met {text} on Monday.");
        assert!(
            has(&d, &sentence, date("2020-01-01"), code),
            "{text} → {code}: {:?}",
            codes(&d, &sentence, date("2020-01-01"))
        );
    }
}

#[test]
fn country_agent_patterns() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(has(
        &d,
        "A Russian Defense Ministry statement",
        on,
        "RUSGOVMIL"
    ));
    assert!(has(&d, "supporting the Syrian army forces", on, "SYRMIL"));
    assert!(has(&d, "the army of Syria attacked", on, "SYRMIL"));
    assert!(has(&d, "Syria’s army attacked", on, "SYRMIL"));
    assert!(has(&d, "the defence ministry of Russia", on, "RUSGOVMIL"));
    assert!(has(&d, "Turkish police arrested", on, "TURCOP"));
    assert!(has(
        &d,
        "Russian forces helped government troops",
        on,
        "RUSMIL"
    ));
}

#[test]
fn focus_country_for_bare_agents() {
    let d = dict();
    let on = date("2016-06-10");
    let c = codes(&d, "Syria and its allies. Russian forces helped government troops recapture Palmyra from Syria.", on);
    // Syria and Russia are tied before "government troops"; the more recent, Russia, wins.
    assert!(
        c.contains(&("government troops".to_string(), "RUSMIL".to_string())),
        "{c:?}"
    );
    let c = codes(
        &d,
        "Rebels attacked. Damascus said Syria would respond.",
        on,
    );
    assert_eq!(c.first().map(|x| x.1.as_str()), Some("SYRREB"), "{c:?}");
    let c = codes(&d, "rebels attacked", on);
    assert_eq!(c, vec![("rebels".to_string(), "---REB".to_string())]);
}

#[test]
fn tenures() {
    let d = dict();
    assert!(has(&d, "Putin said", date("2016-01-01"), "RUSGOV"));
    assert!(has(&d, "Obama said", date("2016-01-01"), "USAGOV"));
    assert!(has(&d, "Obama said", date("2019-01-01"), "USAELI"));
    assert!(has(
        &d,
        "Sergei Shoigu said",
        date("2016-01-01"),
        "RUSGOVMIL"
    ));
    assert!(has(&d, "Sergei Shoigu said", date("2025-01-01"), "RUSGOV"));
    assert!(has(
        &d,
        "President Bashar al-Assad",
        date("2016-01-01"),
        "SYRGOV"
    ));
    assert!(has(
        &d,
        "Bashar al-Assad fled",
        date("2025-01-01"),
        "SYRELI"
    ));
    assert!(has(&d, "Al-Assad’s position", date("2016-01-01"), "SYRGOV"));
    // A title in the text says the person held office when the story was told.
    assert!(has(
        &d,
        "President Barack Obama said",
        date("2019-01-01"),
        "USAGOV"
    ));
    for former in [
        "former President Barack Obama said",
        "ex-President Barack Obama said",
    ] {
        assert!(has(&d, former, date("2019-01-01"), "USAELI"), "{former}");
    }
}

/// "world leaders", "foreign troops": many states, not the country in focus.
#[test]
fn supranational_agents_take_no_focus_country() {
    let d = dict();
    let on = date("2022-02-24");
    let c = codes(&d, "Putin met Macron. He urged world leaders to act.", on);
    assert!(!c.iter().any(|(t, _)| t == "leaders"), "{c:?}");
    let c = codes(&d, "Putin met Macron. Foreign troops left.", on);
    assert!(!c.iter().any(|(t, _)| t == "troops"), "{c:?}");
    let c = codes(&d, "Putin met Macron. Regional officials said.", on);
    assert!(c.iter().any(|(t, _)| t == "officials"), "{c:?}");
}

#[test]
fn surname_needs_context() {
    let d = dict();
    // Out of office, "Dehghan" alone is known only once the full name was seen...
    let later = date("2020-06-10");
    assert!(codes(&d, "Dehghan said", later).is_empty());
    let c = codes(&d, "Hossein Dehghan arrived. Dehghan said", later);
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c.iter().all(|(_, code)| code == "IRNELI"), "{c:?}");
    // ...while in office, the only minister of that name is meant.
    let c = codes(&d, "Dehghan said", date("2016-06-10"));
    assert_eq!(c, vec![("Dehghan".to_string(), "IRNGOVMIL".to_string())]);
}

#[test]
fn metonyms_and_places() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(has(&d, "Tehran has deployed advisers", on, "IRNGOV"));
    assert!(!has(&d, "talks in Tehran", on, "IRNGOV"));
    assert!(has(&d, "the White House said", on, "USAGOV"));
    assert!(has(&d, "Downing Street said", on, "GBRGOV"));
    assert!(has(&d, "Foggy Bottom said", on, "USAGOV"));
    assert!(has(&d, "the Pentagon said", on, "USAGOVMIL"));
    assert!(codes(&d, "Aleppo is big", on).is_empty());
}

#[test]
fn case_rules() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(has(&d, "the UN said", on, "IGOUNO"));
    assert!(!has(&d, "he told us", on, "USA"));
    assert!(has(&d, "the US said", on, "USA"));
    assert!(has(&d, "the U.S.-led coalition", on, "USAMIL"));
    assert!(!has(&d, "a chad of paper", on, "TCD"));
}

#[test]
fn groups() {
    let d = dict();
    let on = date("2016-06-10");
    for (t, c) in [
        ("Islamic State of Iraq and the Levant (ISIL)", "IMGISI"),
        ("Daesh fighters", "IMGISI"),
        ("the Taliban", "IMGTAL"),
        ("Hezbollah", "IMGHEZ"),
        ("Houthi rebels", "YEMREB"),
        ("Boko Haram", "NGAREB"),
        ("al-Shabaab", "SOMREB"),
        ("pro-Russian separatists", "UKRREB"),
        ("the Saudi-led coalition", "SAUMIL"),
        ("Palestinians", "PSE"),
        ("NATO", "IGONAT"),
        ("the European Union", "IGOEU"),
        ("Amnesty International", "NGOAMN"),
    ] {
        assert!(has(&d, t, on, c), "{t} → {:?}", codes(&d, t, on));
    }
}

#[test]
fn builtin_counts() {
    let s = dict().stats();
    assert!(s.countries >= 249, "{s:?}");
    assert!(s.metonyms > 100 && s.agents > 300, "{s:?}");
}

/// The PETRARCH benchmark dictionaries, read in place from ../shared when present.
fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/benchmarks/petrarch2")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} not found", p.display());
        None
    }
}

fn load(d: &mut ActorDictionary, rel: &str) -> Option<Vec<KnowledgeError>> {
    let p = shared(rel)?;
    let r = if rel.contains("actors") {
        d.load_petrarch_actors(&p)
    } else if rel.contains("agents") {
        d.load_petrarch_agents(&p)
    } else {
        d.load_petrarch_discards(&p)
    };
    match r {
        Ok(w) => Some(w),
        Err(e) => panic!("{rel}: {e}"),
    }
}

#[test]
fn petrarch_validation_dictionaries() {
    for dir in [
        "petrarch2_unittest/PETR.Validate",
        "ud_validate_2_02/PETR_Validate",
    ] {
        let mut d = dict();
        let sep = if dir.contains("ud_") { "_" } else { "." };
        let suffix = if dir.contains("ud_") {
            "_2_02.txt"
        } else {
            ".txt"
        };
        let mut warnings = Vec::new();
        for kind in ["actors", "agents", "discards"] {
            match load(&mut d, &format!("{dir}{sep}{kind}{suffix}")) {
                Some(w) => warnings.extend(w),
                None => return,
            }
        }
        for w in &warnings {
            eprintln!("{w}");
        }
        assert!(warnings.len() < 10, "{} warnings", warnings.len());
        let on = date("2014-01-01");
        // User entries override built-ins: the validation suite codes Egypt as UAR.
        assert!(
            has(&d, "Egypt said", on, "UAR"),
            "{:?}",
            codes(&d, "Egypt said", on)
        );
        assert!(has(&d, "Arnor said", on, "ARN"));
        // Stems: "ARGENTIN" matches "Argentine".
        assert!(has(&d, "the Argentine envoy", on, "ARGGOV"));
        // A loaded agent combines with a loaded actor.
        assert!(
            has(&d, "the Arnor foreign minister", on, "ARNGOVFRM"),
            "{:?}",
            codes(&d, "the Arnor foreign minister", on)
        );
        let sent = analyse("He left two months later.", false);
        assert_eq!(d.discard(&sent.tokens), Some(DiscardScope::Sentence));
        let story = analyse("The World Golf Championships began.", false);
        assert_eq!(d.discard(&story.tokens), Some(DiscardScope::Story));
        assert!(!d.is_discarded(&analyse("Arnor attacked Gondor.", false).tokens));
    }
}

#[test]
fn phoenix_dictionaries() {
    let mut d = dict();
    let mut warnings = Vec::new();
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
        "Phoenix.discards.txt",
    ] {
        match load(&mut d, &format!("phoenix_dictionaries/{f}")) {
            Some(w) => warnings.extend(w),
            None => return,
        }
    }
    for w in warnings.iter().take(30) {
        eprintln!("{w}");
    }
    assert!(warnings.len() < 200, "{} warnings", warnings.len());
    let s = d.stats();
    assert!(s.people > 5000 && s.discards > 300, "{s:?}");
    assert!(has(&d, "Barack Obama said", date("2012-01-01"), "USAGOV"));
    // Between his UN offices Annan is an elite (Phoenix: bare ELI; ours: GHAELI).
    assert!(codes(&d, "Kofi Annan said", date("2012-01-01"))
        .iter()
        .any(|(_, c)| c.ends_with("ELI")));
    assert!(has(&d, "Kofi Annan said", date("2002-01-01"), "IGOUNO"));
    assert!(has(
        &d,
        "Afghan National Army soldiers",
        date("2012-01-01"),
        "AFGMIL"
    ));
}

#[test]
fn modifiers_and_of_phrases() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(codes(&d, "its military campaign", on).is_empty());
    assert!(codes(&d, "firms receiving government bailouts", on)
        .iter()
        .all(|(_, c)| !c.contains("GOV")));
    assert!(codes(&d, "government buses arrived at dawn", on).is_empty());
    assert_eq!(
        codes(&d, "a Russian military campaign", on),
        vec![("Russian".to_string(), "RUS".to_string())]
    );
    assert!(has(
        &d,
        "the defense ministers of allies Iran",
        on,
        "IRNGOVMIL"
    ));
    assert!(has(
        &d,
        "A Russian Defense Ministry statement",
        on,
        "RUSGOVMIL"
    ));
}

#[test]
fn more_tenures_and_people() {
    let d = dict();
    assert!(has(&d, "Medvedev said", date("2010-01-01"), "RUSGOV"));
    assert!(has(&d, "George W. Bush said", date("2012-01-01"), "USAELI"));
    assert!(has(
        &d,
        "UN Secretary-General Ban Ki-moon said",
        date("2012-01-01"),
        "IGOUNO"
    ));
    assert!(has(&d, "Ban Ki-moon said", date("2005-01-01"), "KORGOV"));
    assert!(has(
        &d,
        "Abu Bakr al-Baghdadi",
        date("2015-01-01"),
        "IMGISI"
    ));
    assert!(has(&d, "the Pope", date("2015-01-01"), "VATGOV"));
    // A surname that is also a country adjective stays the country.
    assert!(has(&d, "a Turk", date("2023-01-01"), "TUR"));
    // Accents do not matter.
    assert!(has(
        &d,
        "Recep Tayyip Erdoğan",
        date("2016-01-01"),
        "TURGOV"
    ));
    assert!(has(
        &d,
        "Recep Tayyip Erdogan",
        date("2016-01-01"),
        "TURGOV"
    ));
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    static DICT: std::sync::OnceLock<ActorDictionary> = std::sync::OnceLock::new();

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any text: matching never panics and spans stay inside the text.
        #[test]
        fn find_mentions_never_panics(text in "[A-Za-z’'\\-., ()]{0,80}") {
            let d = DICT.get_or_init(dict);
            for split in [false, true] {
                let a = analyse(&text, split);
                for m in d.find_mentions(&a, None) {
                    prop_assert!(m.start <= m.end && m.token_end <= a.tokens.len());
                    prop_assert!(!m.code.is_empty());
                }
            }
        }
    }
}

#[test]
fn common_news_phrasings() {
    let d = dict();
    let on = date("2016-06-10");
    for (t, c) in [
        ("U.S. President Barack Obama said", "USAGOV"),
        ("Secretary of State John Kerry said", "USAGOV"),
        ("the Syrian government said", "SYRGOV"),
        ("Iraqi Prime Minister Haider al-Abadi said", "IRQGOV"),
        ("Israeli troops fired", "ISRMIL"),
        ("Saudi Arabia’s foreign minister said", "SAUGOV"),
        ("the Obama administration said", "USAGOV"),
        ("Turkish President Recep Tayyip Erdogan", "TURGOV"),
        ("the U.N. Security Council", "IGOUNO"),
        (
            "Chinese Foreign Ministry spokeswoman Hua Chunying",
            "CHNGOV",
        ),
        ("German Chancellor Angela Merkel", "DEUGOV"),
        ("Afghan police", "AFGCOP"),
        ("Egyptian protesters", "EGYOPP"),
        ("Iranian lawmakers", "IRNLEG"),
        ("Syrian refugees", "SYRREF"),
    ] {
        assert!(has(&d, t, on, c), "{t} → {:?}", codes(&d, t, on));
    }
}

#[test]
fn no_surname_aliases_from_common_words() {
    let d = dict();
    let on = date("2017-05-10");
    assert!(codes(&d, "In May the talks resumed.", on).is_empty());
    assert!(codes(&d, "In the morning, Jung left.", on).is_empty());
    assert!(has(&d, "Theresa May said", on, "GBRGOV"));
}

/// Surnames that are everyday words or parts of place names need the full name, even while
/// their holder is the only one in office.
#[test]
fn common_word_surnames_need_the_full_name() {
    let d = dict();
    for (text, on, code, coded) in [
        ("Minister Alpha Barry said", "2017-05-01", "BFAGOV", true),
        ("Barry said", "2017-05-01", "BFAGOV", false),
        ("the Salvador port", "2017-05-01", "ECUGOV", false),
        ("María Isabel Salvador said", "2008-06-01", "ECUGOV", true),
        ("Salvador said", "2008-06-01", "ECUGOV", false),
        ("Maria Paula Romo said", "2019-10-01", "ECUGOV", true),
        ("Romo said", "2019-10-01", "ECUGOV", false),
        ("Alain Yoda said", "2010-01-01", "BFAGOV", true),
        ("Yoda said", "2010-01-01", "BFAGOV", false),
        ("Hussein Arab said", "2012-01-01", "SOMGOVMIL", true),
        ("Arab ministers said", "2012-01-01", "SOMGOVMIL", false),
        // Yemen's interior minister of the same name is meant while he is in office.
        ("Hussein Arab said", "2016-06-01", "YEMGOV", true),
    ] {
        assert_eq!(
            has(&d, text, date(on), code),
            coded,
            "{text} {on} → {:?}",
            codes(&d, text, date(on))
        );
    }
}

#[test]
fn names_that_look_like_titles_or_countries() {
    let d = dict();
    let on = date("2018-06-01");
    assert!(codes(&d, "Actress Jaime King left.", on).is_empty());
    assert!(has(&d, "The King said", on, "---GOV"));
    assert!(codes(&d, "He moved to New Jersey.", on).is_empty());
    assert!(!has(&d, "He moved to New Mexico.", on, "MEX"));
}

#[test]
fn capitals_as_places_and_hyphenated_words() {
    let d = dict();
    let on = date("2016-12-01");
    assert!(codes(&d, "after the Paris attacks", on).is_empty());
    assert!(codes(&d, "the Middlesex-London health unit", on).is_empty());
    assert!(has(&d, "the Russia-Ukraine war", on, "UKR"));
    assert!(has(&d, "Paris said it would respond", on, "FRAGOV"));
    assert!(has(&d, "London police arrested", on, "GBRCOP"));
    let c = codes(&d, "President-elect Donald Trump said", on);
    assert_eq!(
        c,
        vec![(
            "President-elect Donald Trump".to_string(),
            "USAELI".to_string()
        )]
    );
    assert!(!has(&d, "anti-government protesters", on, "---GOVOPP"));
}

/// Golden test: every mention in the seed article (examples/seed.txt), one per line as
/// `text<TAB>code<TAB>kind`. `UPDATE_GOLDEN=1 cargo test -p wirecoder-knowledge` rewrites
/// the expectation; review the diff in the commit.
#[test]
fn golden_seed_article() {
    let text = include_str!("../../../../examples/seed.txt");
    let d = dict();
    let got: String = d
        .find_mentions(&analyse(text, true), date("2016-06-10"))
        .iter()
        .map(|m| format!("{}\t{}\t{:?}\n", m.text, m.code, m.kind))
        .collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/actors/golden/seed.mentions.tsv");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Err(e) = std::fs::write(&path, &got) {
            panic!("{}: {e}", path.display());
        }
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        got,
        want,
        "golden {} differs (UPDATE_GOLDEN=1 to rewrite)",
        path.display()
    );
}

#[test]
fn coordinated_modifiers() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(codes(&d, "with military and financial support", on).is_empty());
    assert!(has(&d, "military and police forces", on, "---MIL"));
}

#[test]
fn user_people_file() {
    let dir = std::env::temp_dir().join(format!("wirecoder-people-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("mine.people.txt");
    let text = "# test\nJane Q. Example | Example | ATLGOV 2020-01-01..2022-12-31\nBroken line\nBad Date | | ATLGOV 2020-13-01..\n";
    if let Err(e) = std::fs::write(&path, text) {
        panic!("{e}");
    }
    let mut d = dict();
    let warnings = match d.load_people(&path) {
        Ok(w) => w,
        Err(e) => panic!("{e}"),
    };
    let lines: Vec<usize> = warnings
        .iter()
        .filter_map(|w| match w {
            KnowledgeError::Malformed { line, .. } => Some(*line),
            _ => None,
        })
        .collect();
    assert_eq!(lines, vec![3, 4]);
    assert!(has(&d, "Example said", date("2021-06-01"), "ATLGOV"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn places_set_the_focus_country() {
    let d = dict();
    let on = date("2018-06-01");
    let c = codes(&d, "Police arrested a man in Chicago.", on);
    assert_eq!(c, vec![("Police".to_string(), "USACOP".to_string())]);
    let c = codes(&d, "Talks were held in Tehran. Officials said", on);
    assert_eq!(c, vec![("Officials".to_string(), "IRNGOV".to_string())]);
}

#[test]
fn one_word_names_of_other_people() {
    let d = dict();
    let on = date("2004-06-01");
    assert!(codes(&d, "He met Laura Bush.", on).is_empty());
    assert!(codes(&d, "Sharon Stone visited", on).is_empty());
    assert!(has(&d, "President Bush said", on, "USAGOV"));
    assert!(has(&d, "Bush said", on, "USAGOV"));
    assert!(has(&d, "Bush Administration officials said", on, "USAGOV"));
    assert!(has(&d, "Sharon met Abbas.", on, "ISRGOV"));
}

#[test]
fn people_role_tags() {
    let ok = "A Person | | USAGOV 2001-01-20..2009-01-20 HOS+HOG; USAGOVMIL 2010..2011 DM; USAGOV 2012.. FM\n";
    let rows = match data::people("t", ok) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let plain = match data::people(
        "t",
        "A Person | | USAGOV 2001-01-20..2009-01-20; USAGOVMIL 2010..2011; USAGOV 2012..\n",
    ) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    // The tag changes nothing the coder sees.
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].tenures, plain[0].tenures);
    for bad in [
        "A | | USAGOV 2001..2002 XX",
        "A | | USAGOV 2001..2002 FM FM",
        "A | | USAGOV 2001..2002 HOS+HOS",
        "A | | USAGOV 2001..2002 DM",
        "A | | USAGOVMIL 2001..2002 FM",
        "A | | USAMIL 2001..2002 HOS",
        "A | | USAGOV FM",
    ] {
        assert!(data::people("t", bad).is_err(), "{bad}");
    }
}

/// The built-in people files: each person once, tenures that parse, start before they
/// end, fall in 1940..=2026 and, for the same code, do not overlap (a shared handover
/// day is fine).
#[test]
fn people_files_are_consistent() {
    let mut names: HashMap<String, String> = HashMap::new();
    let lo = NaiveDate::from_ymd_opt(1940, 1, 1);
    let hi = NaiveDate::from_ymd_opt(2026, 12, 31);
    let mut problems = Vec::new();
    for (file, text) in data::PEOPLE {
        let rows = match data::people(file, text) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        for r in rows {
            // A code outside every tenure names whose elite or official the person is: a
            // bare sector ("ELI") would code no country.
            if let Some(o) = &r.otherwise {
                let head = o.get(..3).unwrap_or("");
                let sector_only =
                    ["ELI", "GOV", "MIL", "OPP", "REB", "PTY", "LEG", "JUD"].contains(&head);
                if sector_only {
                    problems.push(format!("{}: outside code {o} has no country", r.name));
                }
            }
            let key = phrase_keys(&r.name).join(" ");
            if let Some(other) = names.insert(key, file.to_string()) {
                problems.push(format!("{} twice ({other}, {file})", r.name));
            }
            for (i, a) in r.tenures.iter().enumerate() {
                for d in [a.from, a.to].into_iter().flatten() {
                    if Some(d) < lo || Some(d) > hi {
                        problems.push(format!("{}: date {d} out of range", r.name));
                    }
                }
                for b in &r.tenures[i + 1..] {
                    let a_before_b = a.to.is_some_and(|t| b.from.is_some_and(|f| t <= f));
                    let b_before_a = b.to.is_some_and(|t| a.from.is_some_and(|f| t <= f));
                    if a.code == b.code && !a_before_b && !b_before_a {
                        problems.push(format!("{}: {} tenures overlap", r.name, a.code));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Tenures of the people files pick the office held on the document date, and surnames
/// shared by two people go to the one in office.
#[test]
fn office_holders_by_date() {
    let d = dict();
    for (text, on, code) in [
        ("Putin said", "2016-06-10", "RUSGOV"),
        ("Putin said", "1998-10-01", "RUSGOVSPY"),
        ("Lavrov said", "2001-01-01", "RUSGOV"),
        ("Gerasimov said", "2016-06-10", "RUSMIL"),
        ("Koizumi said", "2003-05-01", "JPNGOV"),
        ("Koizumi said", "2025-11-01", "JPNGOVMIL"),
        ("Rudd said", "2017-05-01", "GBRGOV"),
        ("Rudd said", "2009-05-01", "AUSGOV"),
        ("Napolitano said", "2007-05-01", "ITAGOV"),
        ("Hariri said", "2002-05-01", "LBNGOV"),
        ("Shmyhal said", "2025-09-01", "UKRGOVMIL"),
        ("Sebastien Lecornu said", "2024-01-01", "FRAGOVMIL"),
        ("Sebastien Lecornu said", "2025-11-01", "FRAGOV"),
        ("Ehud Barak said", "2010-01-01", "ISRGOVMIL"),
        ("Abdel Fattah el-Sisi said", "2013-01-01", "EGYGOVMIL"),
        ("Jean Ping said", "2010-01-01", "IGOAU"),
        ("Nasser al-Wuhayshi said", "2012-01-01", "IMGAQ"),
    ] {
        assert!(
            has(&d, text, date(on), code),
            "{text} {on} → {:?}",
            codes(&d, text, date(on))
        );
    }
    // Two Napolitanos in office at once: the surname alone is not enough.
    assert!(codes(&d, "Napolitano said", date("2011-01-01")).is_empty());
}

#[test]
fn titled_name_coded_with_a_bare_country() {
    // PETRARCH actors files code many office holders with their country only.
    let dir = std::env::temp_dir().join(format!("wirecoder-titled-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("test.actors.txt");
    if let Err(e) = std::fs::write(&path, "ATLANTIS  [ATL]\nZOLTARIO  [ATL]\n") {
        panic!("{e}");
    }
    let mut d = dict();
    if let Err(e) = d.load_petrarch_actors(&path) {
        panic!("{e}");
    }
    let c = codes(&d, "Atlantis Prime Minister Zoltario will meet", None);
    assert_eq!(
        c,
        vec![(
            "Atlantis Prime Minister Zoltario".to_string(),
            "ATLGOV".to_string()
        )]
    );
    let c = codes(&d, "Prime Minister Zoltario will meet", None);
    assert_eq!(
        c,
        vec![("Prime Minister Zoltario".to_string(), "ATLGOV".to_string())]
    );
    // Without a title the name keeps its own code.
    assert!(has(&d, "Zoltario will meet", None, "ATL"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_name_in_two_spellings_keeps_the_lenient_case_rule() {
    // organizations.txt lists "Hamas; HAMAS": the all-capitals alias must not make the
    // ordinary spelling unmatchable.
    let d = dict();
    assert!(has(&d, "Hamas threatened Israel.", None, "IMGHAM"));
    assert!(has(&d, "HAMAS threatened Israel.", None, "IMGHAM"));
}

#[test]
fn stance_prefix_is_not_nationality() {
    let d = dict();
    let c = codes(&d, "The pro-Russia rebels shelled the town.", None);
    assert!(c.iter().all(|(_, c)| !c.starts_with("RUS")), "{c:?}");
    let c = codes(&d, "Anti-American protesters marched in Lahore.", None);
    assert!(c.iter().all(|(_, c)| !c.starts_with("USA")), "{c:?}");
    let c = codes(&d, "pro-Iranian militias attacked the base.", None);
    assert!(c.iter().all(|(_, c)| !c.starts_with("IRN")), "{c:?}");
    // A plain demonym still gives the nationality.
    assert!(has(&d, "Russian rebels shelled the town.", None, "RUSREB"));
}

#[test]
fn parties_in_law_and_society_are_not_political() {
    let d = dict();
    for text in [
        "It is rare for a plaintiff, the party who brings the lawsuit.",
        "The data was sold to a third party.",
        "Police broke up a birthday party in the town.",
        "A search party found the missing hikers.",
    ] {
        let c = codes(&d, text, None);
        assert!(c.iter().all(|(_, c)| !c.contains("PTY")), "{text}: {c:?}");
    }
    for text in [
        "The party said it would boycott the vote.",
        "The ruling party won the election.",
    ] {
        let c = codes(&d, text, None);
        assert!(c.iter().any(|(_, c)| c.ends_with("PTY")), "{text}: {c:?}");
    }
}

#[test]
fn multiword_names_keep_their_capitals() {
    let d = dict();
    // "Russia Today" is a channel; "Russia today" is the country and a date word.
    let c = codes(&d, "The minister visited Russia today.", None);
    assert!(c.iter().any(|(_, c)| c == "RUS"), "{c:?}");
    assert!(c.iter().all(|(_, c)| !c.contains("MED")), "{c:?}");
    assert!(codes(&d, "He told Russia Today.", None)
        .iter()
        .any(|(_, c)| c.contains("MED")));
    // Lowercase words of the dictionary's own spelling stay free: "Islamic State group".
    assert!(has(&d, "the Islamic State group said", None, "IMGISI"));
}

#[test]
fn document_focus_tie_goes_to_the_first_country() {
    // "Congress" has no country of its own: Obama's, named first, not Iran's.
    let d = dict();
    let c = codes(
        &d,
        "Congress is asking Obama to help Iran.",
        date("2015-01-01"),
    );
    assert!(
        c.iter().any(|(t, c)| t == "Congress" && c == "USALEG"),
        "{c:?}"
    );
}

#[test]
fn attributive_agent_words_are_not_actors() {
    let d = dict();
    for text in [
        "They would boycott all official contact with the United States.",
        "They held official talks.",
        "Government meetings resumed.",
    ] {
        let c = codes(&d, text, None);
        assert!(c.iter().all(|(_, c)| !c.ends_with("GOV")), "{text}: {c:?}");
    }
    assert!(has(&d, "A government official said.", None, "---GOV"));
}

/// Names written with a possessive are one name; an agent word inside a lower-case
/// hyphenated modifier does not stop "<agent> from <country>".
#[test]
fn possessives_in_names_and_hyphenated_modifiers() {
    let d = dict();
    let on = date("2016-06-10");
    assert_eq!(
        codes(&d, "The People's Republic of China said", on),
        vec![("People's Republic of China".to_string(), "CHN".to_string())]
    );
    assert!(has(
        &d,
        "the Democratic People's Republic of Korea said",
        on,
        "PRK"
    ));
    assert!(!has(
        &d,
        "the Democratic People's Republic of Korea said",
        on,
        "KOR"
    ));
    // Other possessives still end a name and compose as before.
    assert!(has(&d, "Syria's army said", on, "SYRMIL"));
    assert!(has(
        &d,
        "exiled dissidents from military-ruled Myanmar",
        on,
        "MMROPP"
    ));
}

/// The first part of "Iran-backed", "rebel-held", "military-ruled" is no actor and gives
/// the head no nationality; "U.S.-led" still does (the leader's coalition).
#[test]
fn compound_modifiers_are_not_actors() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(!has(&d, "Iran-backed rebels attacked", on, "IRN"));
    assert!(!has(&d, "Iran-backed rebels attacked", on, "IRNREB"));
    assert!(!has(&d, "a government-held part of the city", on, "SYRGOV"));
    assert!(codes(&d, "the rebel-held town", on).is_empty());
    assert!(has(&d, "the U.S.-led coalition", on, "USAMIL"));
    assert!(has(&d, "state-run media said", on, "---GOVMED"));
}

/// "ethnic Albanians" is an ethnicity: civilians of the country they live in.
#[test]
fn ethnic_demonyms_are_residents() {
    let d = dict();
    let on = date("2016-06-10");
    assert!(has(
        &d,
        "Ethnic Albanians in south Serbia protested.",
        on,
        "SRBCVL"
    ));
    assert!(!has(
        &d,
        "Ethnic Albanians in south Serbia protested.",
        on,
        "ALB"
    ));
    assert!(has(&d, "Albanians protested.", on, "ALB"));
}

/// A party named for its country is the party, not the country ("United Russia"); a bare
/// "Labour" (Labour Day, a Labour Ministry anywhere) is no British party. Unidentified
/// gunmen are UAF, as the Phoenix agents code them.
#[test]
fn political_parties_and_gunmen() {
    let d = dict();
    let on = date("2016-06-10");
    assert_eq!(
        codes(&d, "United Russia won the election.", on),
        vec![("United Russia".to_string(), "RUSPTY".to_string())]
    );
    assert_eq!(
        codes(&d, "The Liberal Democratic Party of Japan won.", on),
        vec![(
            "Liberal Democratic Party of Japan".to_string(),
            "JPNPTY".to_string()
        )]
    );
    assert!(!has(
        &d,
        "Workers marched on Labour Day in Nairobi.",
        on,
        "GBRPTY"
    ));
    assert!(has(
        &d,
        "Gunmen killed three police officers in Baghdad.",
        on,
        "IRQUAF"
    ));
}

#[test]
fn development_banks_and_regional_bodies_are_igos() {
    let d = dict();
    let on = date("2016-06-10");
    let one = |text: &str| codes(&d, text, on);
    // Was "Bank" as a business.
    assert_eq!(
        one("The European Investment Bank signed the loan."),
        vec![("European Investment Bank".to_string(), "IGOEU".to_string())]
    );
    assert_eq!(
        one("The Asian Development Bank cut its forecast."),
        vec![(
            "Asian Development Bank".to_string(),
            "IGOASADEVADB".to_string()
        )]
    );
    assert_eq!(
        one("Mercosur suspended Venezuela."),
        vec![
            ("Mercosur".to_string(), "IGOSAMMRC".to_string()),
            ("Venezuela".to_string(), "VEN".to_string())
        ]
    );
    assert_eq!(
        one("The IOM said 300 drowned."),
        vec![("IOM".to_string(), "IGOUNOIOM".to_string())]
    );
    // A short name in capitals only matches capitals.
    assert!(!has(&d, "They had no idea how to eac.", on, "IGOEAFEAC"));
}

/// The codes of the mentions in `text`, without their texts.
fn codes_only(d: &ActorDictionary, text: &str, on: Option<NaiveDate>) -> Vec<String> {
    codes(d, text, on).into_iter().map(|(_, c)| c).collect()
}

#[test]
fn generic_roles_speak_for_the_agent_they_qualify() {
    let d = dict();
    let on = date("2016-06-10");
    let code_of = |text: &str| codes_only(&d, text, on);
    // Was ---GOVREB, ---GOVCOP, ---GOVLAB.
    assert_eq!(code_of("A rebel spokesman said."), vec!["---REB"]);
    assert_eq!(code_of("Police officials said."), vec!["---COP"]);
    assert_eq!(code_of("The union leader said."), vec!["---LAB"]);
    // On their own, or with a ministry, they are the government's.
    assert_eq!(code_of("Russian officials said."), vec!["RUSGOV"]);
    assert_eq!(
        code_of("A Defence Ministry spokesman said."),
        vec!["---GOVMIL"]
    );
}

#[test]
fn national_agencies_and_legislatures_carry_their_country() {
    let d = dict();
    let on = date("2016-06-10");
    let code_of = |text: &str| codes_only(&d, text, on);
    assert_eq!(code_of("The FBI arrested him."), vec!["USACOP"]);
    assert_eq!(code_of("Mossad denied it."), vec!["ISRSPY"]);
    assert_eq!(code_of("Scotland Yard said."), vec!["GBRCOP"]);
    // A legislature, not the government.
    assert_eq!(code_of("The Knesset voted."), vec!["ISRLEG"]);
    assert_eq!(code_of("The CDC warned."), vec!["USAHLH"]);
}
