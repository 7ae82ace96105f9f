use std::sync::OnceLock;

use wirecoder_core::{Document, Place, TextAnalysis};
use wirecoder_knowledge::gazetteer::Gazetteer;
use wirecoder_knowledge::KnowledgeBase;
use wirecoder_text::{LanguageAnalyzer, RuleAnalyzer};

use super::*;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase {
        gazetteer: Gazetteer::builtin().unwrap_or_default(),
        ..Default::default()
    })
}

fn run(body: &str, dateline: Option<&str>) -> (Vec<Place>, Option<Place>) {
    let doc = Document {
        id: "t".into(),
        body: body.into(),
        dateline_place: dateline.map(str::to_string),
        ..Default::default()
    };
    places_and_dateline(&doc, &RuleAnalyzer.analyze(body))
}

/// Places and dateline place of an analysed document with no actors or dates.
fn places_and_dateline(doc: &Document, text: &TextAnalysis) -> (Vec<Place>, Option<Place>) {
    let ctx = DocContext {
        doc,
        text,
        kb: kb(),
        doc_date: None,
        actors: &[],
        dates: &[],
        places: &[],
        quotes: &[],
    };
    (extract(&ctx), resolve_dateline(&ctx))
}

/// Places of `body` given the actor layer's mentions, built from the analysed tokens.
fn places_with_actors(
    body: &str,
    actors: impl FnOnce(&TextAnalysis) -> Vec<wirecoder_core::ActorMention>,
) -> Vec<Place> {
    let doc = Document {
        id: "t".into(),
        body: body.into(),
        ..Default::default()
    };
    let text = RuleAnalyzer.analyze(body);
    let actors = actors(&text);
    let ctx = DocContext {
        doc: &doc,
        text: &text,
        kb: kb(),
        doc_date: None,
        actors: &actors,
        dates: &[],
        places: &[],
        quotes: &[],
    };
    extract(&ctx)
}

/// An actor mention over tokens `a..b` of `text`, its code a country plus one sector.
fn actor_over(
    text: &TextAnalysis,
    (a, b): (usize, usize),
    code: &str,
    kind: ActorKind,
) -> wirecoder_core::ActorMention {
    let (start, end) = (text.tokens[a].start, text.tokens[b - 1].end);
    wirecoder_core::ActorMention {
        text: text.tokens[a..b]
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        code: code.into(),
        country: Some(code[..3].into()),
        sectors: vec![code[3..].into()],
        name: None,
        kind,
        sentence: 0,
        start,
        end,
        token_start: a,
        token_end: b,
        country_inferred: false,
    }
}

fn texts(places: &[Place]) -> Vec<&str> {
    places.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn seed_article_places() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/article.txt"
    );
    let Ok(body) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} not found");
        return;
    };
    let (places, dateline) = run(&body, Some("TEHRAN"));
    let find = |name: &str| places.iter().find(|p| p.text == name);
    let tehran = find("Tehran").map(|p| (p.geonames_id, p.country.as_str()));
    assert_eq!(tehran, Some((112_931, "IR")), "{:?}", texts(&places));
    let palmyra = find("Palmyra").map(|p| (p.geonames_id, p.country.as_str()));
    assert_eq!(palmyra, Some((163_808, "SY")));
    let aleppo = find("Aleppo").map(|p| p.country.as_str());
    assert_eq!(aleppo, Some("SY"));
    let tabqa = find("Tabqa").map(|p| p.country.as_str());
    assert_eq!(tabqa, Some("SY"));
    assert!(find("Euphrates Valley").is_some(), "{:?}", texts(&places));
    assert!(places
        .iter()
        .any(|p| p.text == "Syria" && p.country == "SY"));
    for bad in ["General", "President", "March", "Defense", "Moscow"] {
        assert!(find(bad).is_none(), "{bad} in {:?}", texts(&places));
    }
    assert_eq!(dateline.map(|d| d.geonames_id), Some(112_931));
    for p in &places {
        let span: String = body.chars().skip(p.start).take(p.end - p.start).collect();
        assert_eq!(span, p.text);
    }
}

#[test]
fn metonyms_are_actors_places_are_places() {
    let (p, _) = run(
        "Talks with Russia went on. Moscow has sent warplanes. Moscow's pledge was clear.",
        None,
    );
    assert_eq!(texts(&p), vec!["Russia"]);
    // Without Russia in view, "Dublin's" in local news is the town.
    let (p, _) = run("Dublin's council met on Monday in Dublin, Ohio.", None);
    assert_eq!(p.len(), 3, "{:?}", texts(&p));
    let (p, _) = run("Talks were held in Moscow on Friday.", None);
    assert_eq!(p.first().map(|p| p.country.as_str()), Some("RU"));
}

#[test]
fn months_and_titles_are_not_places() {
    let (p, _) = run(
        "In March, General Smith met President Jones in May. Defense officials agreed.",
        None,
    );
    assert!(p.is_empty(), "{:?}", texts(&p));
}

#[test]
fn qualifier_picks_the_division() {
    let (p, _) = run(
        "The fire broke out in Alexandria, Virginia, on Monday.",
        None,
    );
    let alex = p.iter().find(|p| p.text == "Alexandria");
    assert_eq!(
        alex.map(|p| (p.country.as_str(), p.admin1.as_deref())),
        Some(("US", Some("Virginia")))
    );
    let (p, _) = run("He lives in Alexandria, Va., with his family.", None);
    let va = p.iter().find(|p| p.text == "Alexandria");
    assert_eq!(va.and_then(|p| p.admin1.as_deref()), Some("Virginia"));
    let (p, _) = run("Protesters gathered in Alexandria and Cairo.", None);
    assert_eq!(p.first().map(|p| p.country.as_str()), Some("EG"));
}

#[test]
fn common_words_need_context() {
    let (p, _) = run("Mobile phones were seized. Reading is fun.", None);
    assert!(p.is_empty(), "{:?}", texts(&p));
    let (p, _) = run("A storm hit Mobile, Alabama, overnight.", None);
    assert_eq!(p.first().map(|p| p.country.as_str()), Some("US"));
}

/// An ordinary word heading an "X of Y" name is that name's, even after "along the".
#[test]
fn common_word_heading_a_name_is_no_place() {
    let (p, _) = run("Troops exchanged fire along the Line of Control.", None);
    assert!(!texts(&p).contains(&"Line"), "{:?}", texts(&p));
}

#[test]
fn demonyms_are_not_places() {
    let (p, _) = run("Syrian and Iranian officials met Russians.", None);
    assert!(p.is_empty(), "{:?}", texts(&p));
}

#[test]
fn unknown_names_do_not_empty_the_rest() {
    let (p, _) = run("Fighting near Xqzzyville and in Homs continued.", None);
    assert_eq!(texts(&p), vec!["Homs"]);
}

#[test]
fn garbage_input_never_panics() {
    for s in [
        "",
        "   ",
        "’s ’s",
        "- - -",
        "A",
        "\u{0301}Á-",
        "in , ,",
        "X, , Y",
    ] {
        let _ = run(s, Some(""));
    }
}

#[test]
fn bare_famous_name_is_the_prominent_place() {
    // `wirecoder resolve "Palmyra"`: the whole text is the name.
    for text in ["Palmyra", "Palmyra.", "the ancient city of Palmyra"] {
        let (p, _) = run(text, None);
        let got: Vec<(u64, &str)> = p
            .iter()
            .map(|p| (p.geonames_id, p.country.as_str()))
            .collect();
        assert_eq!(got, vec![(163_808, "SY")], "{text}");
    }
    // Context still wins over prominence.
    let (p, _) = run("A barn burned in Palmyra, Pennsylvania, on Monday.", None);
    assert_eq!(p.first().map(|p| p.country.as_str()), Some("US"));
}

#[test]
fn qualifier_and_place_are_read_together() {
    let (p, _) = run("The plant is in Athens, Georgia, near the river.", None);
    let got: Vec<(&str, &str)> = p
        .iter()
        .map(|p| (p.text.as_str(), p.country.as_str()))
        .collect();
    assert_eq!(got, vec![("Athens", "US"), ("Georgia", "US")]);
    // A list is not a qualifier: Washington stays the capital.
    let (p, _) = run(
        "After stops in Washington, New York and Boston, he flew home.",
        None,
    );
    let dc = p.iter().find(|p| p.text == "Washington");
    assert_eq!(dc.map(|p| p.geonames_id), Some(4_140_963));
}

#[test]
fn a_name_is_not_evidence_for_itself() {
    // Georgia the country in a text about Georgia's counties would only be there because
    // "Georgia" names a country; the counties say it is the state.
    let (p, _) = run(
        "Schools in Clarke County and Oconee County cut staff. Most Northeast Georgia \
         systems are reviewing policies, and Barrow County followed.",
        None,
    );
    let ga = p.iter().find(|p| p.text == "Georgia");
    assert_eq!(
        ga.map(|p| p.country.as_str()),
        Some("US"),
        "{:?}",
        texts(&p)
    );
    let (p, _) = run("Talks in Tbilisi: Georgia and Russia met.", None);
    let ge = p.iter().find(|p| p.text == "Georgia");
    assert_eq!(ge.map(|p| p.country.as_str()), Some("GE"));
}

#[test]
fn countries_as_subjects_are_places_capitals_are_actors() {
    let (p, _) = run(
        "Canada announced new rules. California has confirmed ten cases. Moscow has sent jets.",
        None,
    );
    assert_eq!(texts(&p), vec!["Canada", "California"]);
}

/// The rule analysis of `body` with entities added as a statistical model would
/// (label, first token, end token).
fn run_with_entities(body: &str, ents: &[(&str, usize, usize)]) -> Vec<Place> {
    let doc = Document {
        id: "t".into(),
        body: body.into(),
        ..Default::default()
    };
    let mut text = RuleAnalyzer.analyze(body);
    for &(label, a, b) in ents {
        let (Some(first), Some(last)) = (text.tokens.get(a), text.tokens.get(b - 1)) else {
            panic!("bad entity span {a}..{b}");
        };
        text.entities.push(wirecoder_core::Entity {
            text: body[first.byte_start..last.byte_end].to_string(),
            label: label.to_string(),
            start: first.start,
            end: last.end,
            token_start: a,
            token_end: b,
        });
    }
    places_and_dateline(&doc, &text).0
}

#[test]
fn model_entities_steer_recognition() {
    // Token indices: Boulder(0) City(1) Manager(2) Vicki(3) Mayes(4) spoke(5) .(6)
    let body = "Boulder City Manager Vicki Mayes spoke.";
    // Glued to "Manager", the rules read a longer name; a GPE entity says it is a place.
    assert!(run_with_entities(body, &[]).is_empty());
    let p = run_with_entities(body, &[("GPE", 0, 2), ("PERSON", 3, 5)]);
    assert_eq!(texts(&p), vec!["Boulder City"]);
    // A PERSON entity needs more than a weak cue: "to Jackson" is a person here.
    let body = "The award went to Jackson yesterday.";
    assert_eq!(texts(&run_with_entities(body, &[])), vec!["Jackson"]);
    assert!(run_with_entities(body, &[("PERSON", 4, 5)]).is_empty());
    // ... but "in Jackson" is a place whatever the entity says.
    let body = "The fire was in Jackson yesterday.";
    assert_eq!(
        texts(&run_with_entities(body, &[("PERSON", 4, 5)])),
        vec!["Jackson"]
    );
}

#[test]
fn model_place_spans_and_non_places() {
    // Token indices: Mining(0) goes(1) on(2) in(3) South(4) Venezuela(5) .(6)
    let body = "Mining goes on in South Venezuela.";
    assert_eq!(texts(&run_with_entities(body, &[])), vec!["Venezuela"]);
    let p = run_with_entities(body, &[("GPE", 4, 6)]);
    assert_eq!(texts(&p), vec!["South Venezuela"]);
    assert_eq!(p.first().map(|p| p.country.as_str()), Some("VE"));
    // An organisation matching only an alternate name of a minor place ("Hamas" is listed
    // for Hamm, Germany) is not a toponym. Talks(0) with(1) Hamas(2) stalled(3) .(4)
    let body = "Talks with Hamas stalled.";
    assert!(run_with_entities(body, &[("ORG", 2, 3)]).is_empty());
    // Nor is a name inside an amount.
    let body = "Talks with Hamas stalled.";
    assert!(run_with_entities(body, &[("MONEY", 2, 4)]).is_empty());
}

#[test]
fn one_sense_per_discourse() {
    // Read as a place once ("in Torrington"), the name is the place also inside a longer
    // capitalised name; a street named after it is the street (located at the town).
    let body = "The fair was in Torrington on Monday. Later the Torrington Rotary Club \
                members came from Torrington Road.";
    assert_eq!(
        texts(&run(body, None).0),
        vec!["Torrington", "Torrington", "Torrington Road"],
        "the town twice, then the street"
    );
    assert!(texts(&run("Later the Torrington Rotary Club came.", None).0).is_empty());
    // A person entity of the model over a name the text uses as a place elsewhere.
    // Storms(0) hit(1) in(2) Gainesville(3) .(4) Rain(5) then(6) soaked(7) Gainesville(8)
    // again(9) .(10)
    let body = "Storms hit in Gainesville. Rain then soaked Gainesville again.";
    let p = run_with_entities(body, &[("GPE", 3, 4), ("PERSON", 8, 9)]);
    assert_eq!(texts(&p), vec!["Gainesville", "Gainesville"]);
    // ... unless the text also names a person with it.
    // Storms(0) hit(1) in(2) Gainesville(3) .(4) Ann(5) Gainesville(6) spoke(7) .(8)
    // Gainesville(9) thanked(10) them(11) .(12)
    let body = "Storms hit in Gainesville. Ann Gainesville spoke. Gainesville thanked them.";
    let p = run_with_entities(body, &[("GPE", 3, 4), ("PERSON", 5, 7), ("PERSON", 9, 10)]);
    assert_eq!(texts(&p), vec!["Gainesville"]);
}

#[test]
fn type_word_before_an_institution_belongs_to_it() {
    let (p, _) = run("Later the Dublin City Council met.", None);
    assert_eq!(texts(&p), vec!["Dublin"]);
    let (p, _) = run("A ruling by the U.S. District Court came.", None);
    assert_eq!(texts(&p), vec!["U.S."]);
    // A primary name keeps its type word; a type word without an institution stays.
    let (p, _) = run("Later the Kansas City Council met in Dublin City.", None);
    assert_eq!(texts(&p), vec!["Kansas City", "Dublin City"]);
}

#[test]
fn generic_agents_are_not_country_evidence() {
    // Teachers(0) in(1) Georgia(2) and(3) Clarke(4) County(5) met(6) .(7) The(8)
    // teachers(9) spoke(10) .(11)
    let body = "Teachers in Georgia and Clarke County met. The teachers spoke.";
    // The actor layer codes the teachers with the country of the text's "Georgia".
    let p = places_with_actors(body, |text| {
        let agent = |a: usize| actor_over(text, (a, a + 1), "GEOEDU", ActorKind::Agent);
        vec![agent(0), agent(9), agent(9), agent(9)]
    });
    let georgia = p.iter().find(|p| p.text == "Georgia");
    assert_eq!(georgia.map(|p| p.country.as_str()), Some("US"), "{p:?}");
}

#[test]
fn local_authorities_name_their_place() {
    // A small town before a civic word is the authority's jurisdiction.
    let (p, _) = run("He appeared in the Bantam Superior Court on Monday.", None);
    assert_eq!(texts(&p), vec!["Bantam"]);
    let (p, _) = run("Officers of the Grovetown Police questioned her.", None);
    assert_eq!(texts(&p), vec!["Grovetown"]);
}

#[test]
fn lists_and_place_nouns_outweigh_a_person_entity() {
    // Cases(0) were(1) found(2) in(3) Mozambique(4) and(5) Botswana(6) .(7)
    let body = "Cases were found in Mozambique and Botswana.";
    let p = run_with_entities(body, &[("GPE", 4, 5), ("PERSON", 6, 7)]);
    assert_eq!(texts(&p), vec!["Mozambique", "Botswana"]);
    // Later(0) 55(1) Gainesville(2) residents(3) marched(4) .(5)
    let body = "Later 55 Gainesville residents marched.";
    let p = run_with_entities(body, &[("PERSON", 2, 3)]);
    assert_eq!(texts(&p), vec!["Gainesville"]);
}

#[test]
fn notable_features_overshadow_small_namesakes() {
    let (p, _) = run(
        "Officials in Baltimore, Maryland said troops in the Middle East were safe.",
        None,
    );
    let me = p.iter().find(|p| p.text == "Middle East");
    assert_eq!(me.map(|p| p.feature.as_str()), Some("L.RGN"), "{p:?}");
}

#[test]
fn bare_words_of_a_person_name_are_the_person() {
    // The(0) skater(1) Georgia(2) Stevens(3) won(4) .(5) Georgia(6) began(7) skating(8)
    // at(9) four(10) .(11)
    let body = "The skater Georgia Stevens won. Georgia began skating at four.";
    assert!(run_with_entities(body, &[("PERSON", 2, 4), ("GPE", 6, 7)]).is_empty());
    // A locative cue elsewhere in the text keeps the place.
    // Officials(0) in(1) Georgia(2) agreed(3) .(4) The(5) skater(6) Georgia(7) Stevens(8)
    // won(9) .(10) Georgia(11) began(12) skating(13) .(14)
    let body =
        "Officials in Georgia agreed. The skater Georgia Stevens won. Georgia began skating.";
    let p = run_with_entities(body, &[("GPE", 2, 3), ("PERSON", 7, 9), ("GPE", 11, 12)]);
    let last = body.rfind("Georgia").map(|b| body[..b].chars().count());
    assert!(p.iter().any(|p| Some(p.start) == last), "{:?}", texts(&p));
}

#[test]
fn villages_named_like_territories_need_a_qualifier() {
    let body = "Snow fell in Calgary, Alberta and Edmonton, Alberta. Floods hit Queensland.";
    let (p, _) = run(body, None);
    let q = p.iter().find(|p| p.text == "Queensland");
    assert_eq!(q.map(|p| p.feature.as_str()), Some("A.ADM1"), "{p:?}");
    // With a qualifier the village is meant.
    let (p, _) = run("The fair was in Queensland, Alberta.", None);
    let q = p.iter().find(|p| p.text == "Queensland");
    assert_eq!(q.map(|p| p.country.as_str()), Some("CA"), "{p:?}");
}

#[test]
fn headline_words_and_firm_names_are_not_places() {
    // "Man" is an alternate name of Manitoba and a city in Côte d'Ivoire.
    assert!(run("Man booked for teen assault.", None).0.is_empty());
    // A firm named "X & Y" is not the town X, but two places joined by "&" are places.
    assert!(run(
        "The city paid the firm Stevens & Wilkinson last year.",
        None
    )
    .0
    .is_empty());
    let (p, _) = run("Officials met in Tijuana & San Diego.", None);
    assert_eq!(texts(&p), vec!["Tijuana", "San Diego"]);
}

#[test]
fn a_country_does_not_qualify_a_country() {
    let (p, _) = run(
        "He reported on entanglements in Russia, U.S. officials said on Wednesday.",
        None,
    );
    let russia = p.iter().find(|p| p.text == "Russia");
    assert_eq!(russia.map(|p| p.country.as_str()), Some("RU"), "{p:?}");
}

#[test]
fn a_capital_acting_is_a_place_when_the_text_means_a_namesake_town() {
    // Athens, Greece acting for its government is an actor ...
    let (p, _) = run("Athens has sent a frigate, officials in Greece said.", None);
    assert!(!texts(&p).contains(&"Athens"), "{:?}", texts(&p));
    // ... but in a text about Athens, Georgia the same words name the town.
    let body = "Voters in Athens, Georgia, backed the plan. Athens has had few contested \
                races, unlike towns in Greece.";
    let (p, _) = run(body, None);
    let athens: Vec<&str> = p
        .iter()
        .filter(|p| p.text == "Athens")
        .map(|p| p.country.as_str())
        .collect();
    assert_eq!(athens, vec!["US", "US"], "{:?}", texts(&p));
}

#[test]
fn diseases_named_after_places_are_not_places() {
    let (p, _) = run(
        "Birds tested positive for West Nile virus in Ohio, and doctors compared it \
         with the Marburg virus and Lassa fever.",
        None,
    );
    assert_eq!(texts(&p), vec!["Ohio"]);
}

#[test]
fn a_town_name_after_the_article_is_a_brand_or_building() {
    let (p, _) = run(
        "Police said the Honda failed to yield. Services were at the Cathedral in Decatur.",
        None,
    );
    assert_eq!(texts(&p), vec!["Decatur"]);
    // Before a noun it modifies, the name still is the town.
    let (p, _) = run("Rain fell as the Woodstock mayor spoke.", None);
    assert_eq!(texts(&p), vec!["Woodstock"]);
    // A name written with its article is a place.
    let (p, _) = run("Talks moved to the Hague today.", None);
    assert_eq!(texts(&p), vec!["Hague"]);
}

#[test]
fn an_actor_read_from_a_name_is_no_evidence_for_that_name() {
    // The actor layer reads "Dublin said" as the Irish government, which is no place
    // mention; the name's reading must not lean on it ("in Dublin" is the Ohio town).
    let body = "Dublin said it would pay. Artists in Dublin and Ohio applied.";
    let p = places_with_actors(body, |text| {
        vec![actor_over(text, (0, 1), "IRLGOV", ActorKind::Metonym)]
    });
    let dublin = p.iter().find(|p| p.text == "Dublin");
    assert_eq!(dublin.map(|p| p.country.as_str()), Some("US"), "{p:?}");
}

#[test]
fn a_state_names_its_agencies() {
    let (p, _) = run(
        "Troopers of the Florida Highway Patrol and staff of the Ohio Department of Health \
         met the Kansas Association of Counties; traffic on Jackson Highway stopped.",
        None,
    );
    assert_eq!(texts(&p), vec!["Florida", "Ohio", "Kansas"]);
}

#[test]
fn an_acronym_swallowed_by_a_person_entity_is_no_surname() {
    // By(0) Henry(1) Lazenby(2) US(3) firms(4) paid(5) more(6) .(7) China(8) filed(9)
    // a(10) dispute(11) over(12) US(13) tariffs(14) .(15)
    let body = "By Henry Lazenby US firms paid more. China filed a dispute over US tariffs.";
    let p = run_with_entities(body, &[("PERSON", 1, 4), ("GPE", 8, 9), ("GPE", 13, 14)]);
    assert_eq!(texts(&p), vec!["China", "US"]);
}

#[test]
fn broad_regions_are_places() {
    let (p, _) = run(
        "Mines across the Midwest closed, while growers in Latin America and the Caribbean \
         gained.",
        None,
    );
    assert_eq!(texts(&p), vec!["Midwest", "Latin America", "Caribbean"]);
}

#[test]
fn streets_are_toponyms_located_at_their_town() {
    let (p, _) = run(
        "Police said the house in the 2400 block of Gillis Street in Alton, Illinois, was \
         searched. A second car was found on Main St. and another on Jay Lane.",
        None,
    );
    let alton = p.iter().find(|p| p.text == "Alton").map(|p| (p.lat, p.lon));
    assert!(alton.is_some(), "{:?}", texts(&p));
    for street in ["Gillis Street", "Main St.", "Jay Lane"] {
        let s = p.iter().find(|p| p.text == street);
        assert_eq!(
            s.map(|s| (s.lat, s.lon)),
            alton,
            "{street}: {:?}",
            texts(&p)
        );
        assert_eq!(s.map(|s| s.feature.as_str()), Some("R.ST"));
    }
    // A town's name inside a street's is the street ("Washington Drive").
    let (p, _) = run(
        "Drilling sites on Washington Drive worry residents of Arlington, Texas.",
        None,
    );
    assert_eq!(texts(&p), vec!["Washington Drive", "Arlington", "Texas"]);
    let (p, _) = run(
        "The road between King Edward Street and Queen Street in Paris, Ontario, closed.",
        None,
    );
    assert_eq!(
        texts(&p),
        vec!["King Edward Street", "Queen Street", "Paris", "Ontario"]
    );
}

#[test]
fn not_every_street_word_makes_a_street() {
    // Metonyms, longer names, saints and people.
    for text in [
        "Wall Street rallied after the report from Chicago.",
        "The Wall Street Journal reported from Chicago.",
        "A concert at Madison Square Garden in New York sold out.",
        "Mount St. Helens is in Washington.",
        "Nathan Lane starred in a play in Chicago.",
        "The United Way of Chicago raised funds.",
    ] {
        let (p, _) = run(text, None);
        assert!(
            p.iter().all(|p| p.feature != "R.ST"),
            "{text}: {:?}",
            texts(&p)
        );
    }
    // No town in the text: no coordinates, so no place.
    let (p, _) = run("The car was found on Elm Street.", None);
    assert!(p.is_empty(), "{:?}", texts(&p));
}

#[test]
fn a_town_after_a_street_address_is_a_place() {
    // The model may read the bare town as a person; the address says otherwise.
    let body = "Sheila Williams, 41, of 420 Augusta St., Alexandria, Louisiana, was charged.";
    let text = RuleAnalyzer.analyze(body);
    let k = text
        .tokens
        .iter()
        .position(|t| t.text == "Alexandria")
        .unwrap_or(0);
    let p = run_with_entities(body, &[("PERSON", k, k + 1)]);
    assert!(
        texts(&p).contains(&"Alexandria") && texts(&p).contains(&"Augusta St."),
        "{:?}",
        texts(&p)
    );
    // A list of streets is no address.
    let body = "Closed: Acadia Drive, Martin Court and Willow Run in Athens, Georgia.";
    let text = RuleAnalyzer.analyze(body);
    let k = text
        .tokens
        .iter()
        .position(|t| t.text == "Martin")
        .unwrap_or(0);
    let p = run_with_entities(body, &[("PERSON", k, k + 2)]);
    assert!(!texts(&p).contains(&"Martin"), "{:?}", texts(&p));
}

#[test]
fn a_town_read_as_a_person_after_a_motion_word_is_a_place() {
    // Token indices: They(0) drove(1) to(2) Lanexa(3) ...
    let body = "They drove to Gainesville on Friday.";
    let p = run_with_entities(body, &[("PERSON", 3, 4)]);
    assert_eq!(texts(&p), vec!["Gainesville"]);
    // A person addressed or quoted stays a person.
    let body = "He talked to Gainesville on Friday.";
    assert!(run_with_entities(body, &[("PERSON", 3, 4)]).is_empty());
    let body = "Officer Jack Gainesville said so. They drove to Gainesville.";
    let p = run_with_entities(body, &[("PERSON", 1, 3), ("PERSON", 9, 10)]);
    assert!(p.is_empty(), "{:?}", texts(&p));
}

#[test]
fn a_county_before_its_agency_is_the_county() {
    let body = "Tips go to Henderson County Crimestoppers, officials in Athens, Texas, said.";
    let (p, _) = run(body, None);
    assert!(texts(&p).contains(&"Henderson County"), "{:?}", texts(&p));
}

#[test]
fn lakes_rivers_and_parks_missing_from_the_gazetteer_are_located_at_their_town() {
    let (p, _) = run(
        "Sewage spilled into Flat Creek near Gainesville, Georgia, and reached Lake \
         Lanier. Volunteers met at Shawnee Park.",
        None,
    );
    let town = p
        .iter()
        .find(|p| p.text == "Gainesville")
        .map(|p| (p.lat, p.lon));
    assert!(town.is_some(), "{:?}", texts(&p));
    for feature in ["Flat Creek", "Lake Lanier", "Shawnee Park"] {
        let f = p.iter().find(|p| p.text == feature);
        assert_eq!(
            f.map(|f| (f.lat, f.lon)),
            town,
            "{feature}: {:?}",
            texts(&p)
        );
    }
    // A person's name ending in a feature word needs a locative cue.
    for text in [
        "Lauryn Hill sang in Chicago.",
        "The songs of Lauryn Hill were played in Chicago.",
    ] {
        let (p, _) = run(text, None);
        assert_eq!(texts(&p), vec!["Chicago"], "{text}");
    }
    // With only a state in view, a street is located at the state.
    let (p, _) = run("In Ohio, a crash closed traffic in Pingle Drive.", None);
    assert_eq!(texts(&p), vec!["Ohio", "Pingle Drive"]);
}

#[test]
fn lake_and_mount_names_stop_at_the_name() {
    for text in [
        "The annual Laurel Lake Cleanup is held near Gainesville, Georgia.",
        "The Mount Vernon Chamber met in Gainesville, Georgia.",
    ] {
        let (p, _) = run(text, None);
        assert!(
            p.iter().all(|p| p.feature != "L.AREA"),
            "{text}: {:?}",
            texts(&p)
        );
    }
}

#[test]
fn a_bare_state_name_is_not_its_namesake_county() {
    let (p, _) = run(
        "The firm, a Delaware limited liability company, bought land in Muncie, Indiana.",
        None,
    );
    let de = p.iter().find(|p| p.text == "Delaware");
    assert_eq!(
        de.map(|p| (p.feature.as_str(), p.admin1.as_deref())),
        Some(("A.ADM1", Some("Delaware"))),
        "{:?}",
        texts(&p)
    );
}

#[test]
fn a_state_suffix_outside_the_us_is_part_of_the_name() {
    let (p, _) = run(
        "Gunmen attacked villages in Benue state and in Borno State, Nigeria.",
        None,
    );
    let got: Vec<(&str, &str)> = p
        .iter()
        .map(|p| (p.text.as_str(), p.feature.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Benue state", "A.ADM1"),
            ("Borno State", "A.ADM1"),
            ("Nigeria", "A.PCLI")
        ]
    );
    // "Ohio State" is a university.
    let (p, _) = run("Ohio State beat Michigan in Columbus, Ohio.", None);
    assert!(!texts(&p).contains(&"Ohio State"), "{:?}", texts(&p));
}

#[test]
fn a_country_inside_a_person_entity_is_still_the_country() {
    // Sri(0) Lanka(1) 's(2) former(3) president(4) Chandrika(5) Kumaratunga(6) spoke(7) .(8)
    let body = "Sri Lanka's former president Chandrika Kumaratunga spoke.";
    let p = run_with_entities(body, &[("PERSON", 0, 7)]);
    assert_eq!(texts(&p), vec!["Sri Lanka"]);
    // ... but not when the text uses it as a name. Chad(0) Smith(1) scored(2) .(3) Chad(4)
    let body = "Chad Smith scored. Chad celebrated.";
    let p = run_with_entities(body, &[("PERSON", 0, 2), ("PERSON", 4, 5)]);
    assert!(p.is_empty(), "{:?}", texts(&p));
}

#[test]
fn names_with_elided_articles_and_french_connectors() {
    for (text, name, cc) in [
        (
            "Cases rose in Côte d'Ivoire on Monday.",
            "Côte d'Ivoire",
            "CI",
        ),
        (
            "Cases rose in Cote d'Ivoire on Monday.",
            "Cote d'Ivoire",
            "CI",
        ),
        (
            "Cholera spread to the city of Port-au-Prince on Monday.",
            "Port-au-Prince",
            "HT",
        ),
    ] {
        let (p, _) = run(text, None);
        let got: Vec<(&str, &str)> = p
            .iter()
            .map(|p| (p.text.as_str(), p.country.as_str()))
            .collect();
        assert_eq!(got, vec![(name, cc)], "{text}");
    }
}

#[test]
fn a_country_possessive_inside_a_person_actor_is_the_country() {
    // Sri(0) Lanka(1) 's(2) former(3) president(4) Chandrika(5) Kumaratunga(6) spoke(7)
    let body = "Sri Lanka's former president Chandrika Kumaratunga spoke.";
    let p = places_with_actors(body, |text| {
        vec![actor_over(text, (0, 7), "LKAGOV", ActorKind::Person)]
    });
    assert_eq!(texts(&p), vec!["Sri Lanka"]);
}

#[test]
fn a_possessive_inside_a_name_and_the_owner_of_a_name() {
    // The possessive is part of these names.
    let p = run(
        "Wild ducks were sampled in Queen Anne's County, Maryland.",
        None,
    )
    .0;
    assert!(
        texts(&p).contains(&"Queen Anne's County"),
        "{:?}",
        texts(&p)
    );
    let p = run("The forum met in Dar es Salaam on Monday.", None).0;
    assert_eq!(texts(&p), vec!["Dar es Salaam"]);
    // A saint's or a minor place's name owning another name is a building or a firm.
    let p = run(
        "The pope spoke to crowds in St. Peter's Square on Sunday.",
        None,
    )
    .0;
    assert!(texts(&p).is_empty(), "{:?}", texts(&p));
    let p = run(
        "She studied law at St. John's University in New York.",
        None,
    )
    .0;
    assert_eq!(texts(&p), vec!["New York"]);
    // A well-known place owns its landmarks.
    let p = run(
        "Flights were cancelled at Toronto's Pearson International Airport.",
        None,
    )
    .0;
    assert_eq!(texts(&p), vec!["Toronto"]);
}

#[test]
fn a_town_named_as_a_place_elsewhere_owns_its_landmarks() {
    let body = "Police closed a road in Rock Hill on Friday. Rock Hill's Main Street reopened.";
    let p = run(body, None).0;
    assert_eq!(texts(&p), vec!["Rock Hill", "Rock Hill", "Main Street"]);
    let p = run("Officials at St. Petersburg's Pulkovo Airport spoke.", None).0;
    assert_eq!(texts(&p), vec!["St. Petersburg"]);
}

#[test]
fn settlements_the_gazetteer_lacks_are_located_where_the_text_puts_them() {
    // Farmers(0) in(1) Nagrig(2) ,(3) Egypt(4) ,(5) grow(6) cotton(7) .(8)
    let body = "Farmers in Nagrig, Egypt, grow cotton.";
    let p = run_with_entities(body, &[("GPE", 2, 3), ("GPE", 4, 5)]);
    let nagrig = p.iter().find(|p| p.text == "Nagrig");
    assert_eq!(
        nagrig.map(|p| (p.country.as_str(), p.geonames_id)),
        Some(("EG", 0))
    );
    // Without the model's entity, or without a cue of the text, no unknown name is a place.
    assert_eq!(texts(&run_with_entities(body, &[])), vec!["Egypt"]);
    // The(0) village(1) of(2) Kfraya(3) lies(4) in(5) Idlib(6) .(7)
    let body = "The village of Kfraya lies in Idlib.";
    let p = run_with_entities(body, &[("GPE", 3, 4), ("GPE", 6, 7)]);
    let kfraya = p
        .iter()
        .find(|p| p.text == "Kfraya")
        .map(|p| p.country.as_str());
    assert_eq!(kfraya, Some("SY"), "{:?}", texts(&p));
    let body = "Nagrig grows cotton near Cairo.";
    assert_eq!(
        texts(&run_with_entities(body, &[("GPE", 0, 1)])),
        vec!["Cairo"]
    );
    // An owner is no settlement: Farmers(0) voted(1) in(2) Modi(3) 's(4) name(5) in(6) Delhi(7)
    let body = "Farmers voted in Modi's name in Delhi.";
    let p = run_with_entities(body, &[("GPE", 3, 4), ("GPE", 7, 8)]);
    assert_eq!(texts(&p), vec!["Delhi"]);
}

#[test]
fn a_name_listed_with_divisions_is_a_division() {
    let body = "Cases were confirmed in Michigan, Oregon, New York and Wyoming.";
    let p = run(body, None).0;
    let features: Vec<&str> = p.iter().map(|p| p.feature.as_str()).collect();
    assert_eq!(texts(&p), vec!["Michigan", "Oregon", "New York", "Wyoming"]);
    assert!(features.iter().all(|f| *f == "A.ADM1"), "{features:?}");
    // Without the list, the bare name is the city.
    let p = run("He flew to New York on Monday.", None).0;
    assert_eq!(p.first().map(|p| p.feature.as_str()), Some("P.PPL"));
}

#[test]
fn a_state_word_after_the_name_says_the_division() {
    for body in [
        "Officials said New York state has confirmed the outbreak.",
        "The former New York Gov. Mario Cuomo spoke on Monday.",
        "The New York legislature passed the bill.",
    ] {
        let p = run(body, None).0;
        let ny = p
            .iter()
            .find(|p| p.text == "New York")
            .map(|p| p.feature.as_str());
        assert_eq!(ny, Some("A.ADM1"), "{body}");
    }
}

#[test]
fn a_town_before_a_word_for_its_people_is_a_place_under_a_person_entity() {
    // Hamilton(0) women(1) died(2) hours(3) apart(4) .(5)
    let body = "Hamilton women died hours apart.";
    let p = run_with_entities(body, &[("PERSON", 0, 1)]);
    assert_eq!(texts(&p), vec!["Hamilton"]);
    // A(0) Lancaster(1) man(2) won(3) the(4) award(5) .(6)
    let body = "A Lancaster man won the award.";
    let p = run_with_entities(body, &[("PERSON", 1, 2)]);
    assert_eq!(texts(&p), vec!["Lancaster"]);
    // Without such a word the person entity stands.
    let body = "Hamilton died hours later.";
    assert!(run_with_entities(body, &[("PERSON", 0, 1)]).is_empty());
}

#[test]
fn a_town_name_after_a_name_head_is_part_of_the_name() {
    for body in [
        "They hiked in the Monongahela National Forest.",
        "Fans of Club America came to the game.",
        "The fire was in the 900 block of 14th Avenue Northeast.",
    ] {
        let p = run(body, None).0;
        assert!(
            !texts(&p)
                .iter()
                .any(|t| matches!(*t, "Forest" | "America" | "Northeast")),
            "{body}: {:?}",
            texts(&p)
        );
    }
}

#[test]
fn two_names_with_neighbouring_readings_mean_them() {
    // Edmonton, Alberta is far better known; with Enfield beside it the text is in north
    // London, where both have a reading a few kilometres apart.
    let body = "Pupils from a school in Edmonton won the prize. Enfield Council praised them.";
    let p = run(body, None).0;
    let edmonton = p
        .iter()
        .find(|p| p.text == "Edmonton")
        .map(|p| p.country.as_str());
    assert_eq!(edmonton, Some("GB"), "{p:?}");
    // Alone, the famous reading stands.
    let p = run("Pupils from a school in Edmonton won the prize.", None).0;
    let edmonton = p
        .iter()
        .find(|p| p.text == "Edmonton")
        .map(|p| p.country.as_str());
    assert_eq!(edmonton, Some("CA"), "{p:?}");
}

#[test]
fn a_town_and_a_county_around_it_are_read_together() {
    let body =
        "All residents of Paris and Henry County will receive a letter from the rescue squad.";
    let p = run(body, None).0;
    let paris = p
        .iter()
        .find(|p| p.text == "Paris")
        .and_then(|p| p.admin1.as_deref());
    assert_eq!(paris, Some("Tennessee"), "{p:?}");
}

#[test]
fn a_model_place_used_as_a_last_name_is_the_person() {
    // Yevgenia(0) Petrova(1) is(2) a(3) curator(4) .(5) Petrova(6) said(7) more(8) .(9)
    let body = "Yevgenia Petrova is a curator. Petrova said more.";
    let p = run_with_entities(body, &[("GPE", 6, 7)]);
    assert!(!texts(&p).contains(&"Petrova"), "{:?}", texts(&p));
    // A strong cue keeps the place.
    let body = "Yevgenia Petrova is a curator. She lives in Petrova now.";
    let p = run_with_entities(body, &[("GPE", 9, 10)]);
    assert!(texts(&p).contains(&"Petrova"), "{:?}", texts(&p));
}

#[test]
fn a_capital_after_a_preposition_or_owning_a_name_is_a_place() {
    for (body, name) in [
        (
            "Russia waits. Officials said talk of sanctions against Moscow was groundless.",
            "Moscow",
        ),
        (
            "Israel waits. Events this year commemorate Jerusalem as the capital of culture.",
            "Jerusalem",
        ),
        (
            "Russia waits. Flights land at Moscow's Domodedovo Airport every day.",
            "Moscow",
        ),
    ] {
        let p = run(body, None).0;
        assert!(texts(&p).contains(&name), "{body}: {:?}", texts(&p));
    }
}

#[test]
fn a_capital_acting_read_in_context_as_a_town_is_that_town() {
    // Officials(0) in(1) Columbus(2) ,(3) Ohio(4) met(5) on(6) Monday(7) .(8) Dublin(9)
    // has(10) sent(11) a(12) letter(13) .(14)
    let body = "Officials in Columbus, Ohio met on Monday. Dublin has sent a letter.";
    let p = places_with_actors(body, |t| {
        vec![actor_over(t, (9, 10), "IRLGOV", ActorKind::Metonym)]
    });
    let dublin = p
        .iter()
        .find(|p| p.text == "Dublin")
        .map(|p| p.country.as_str());
    assert_eq!(dublin, Some("US"), "{p:?}");
}

#[test]
fn a_demonym_before_a_noun_is_no_place_even_after_a_locative() {
    for body in [
        "He spoke of Jerusalem's role in Arab culture.",
        "Cyprus has been close to the Arab world.",
    ] {
        let p = run(body, None).0;
        assert!(!texts(&p).contains(&"Arab"), "{body}: {:?}", texts(&p));
    }
}

#[test]
fn names_listed_before_counties_are_places_under_a_person_entity() {
    // Reports(0) mention(1) the(2) Harper(3) and(4) Kingman(5) counties(6) .(7)
    let body = "Reports mention the Harper and Kingman counties.";
    let p = run_with_entities(body, &[("PERSON", 3, 4)]);
    assert!(texts(&p).contains(&"Harper"), "{:?}", texts(&p));
    // Not without the plural division noun.
    let body = "Reports mention the Harper and Kingman staff.";
    let p = run_with_entities(body, &[("PERSON", 3, 4)]);
    assert!(!texts(&p).contains(&"Harper"), "{:?}", texts(&p));
}

#[test]
fn a_disease_named_after_a_place_is_no_place_elsewhere_in_the_text() {
    let body = "Officials said Marburg haemorrhagic fever is spreading in Angola. Doctors \
                fear that imported Marburg kills slowly.";
    let p = run(body, None).0;
    assert!(!texts(&p).contains(&"Marburg"), "{:?}", texts(&p));
    assert!(texts(&p).contains(&"Angola"), "{:?}", texts(&p));
    // A cue still names the place ("monkeys shipped to Reston, Virginia").
    let body = "The Reston virus was found in monkeys shipped to Reston, Virginia.";
    let p = run(body, None).0;
    assert!(texts(&p).contains(&"Reston"), "{:?}", texts(&p));
}

#[test]
fn a_postal_code_after_an_article_is_no_state() {
    let p = run("The PA was worried about the release of prisoners.", None).0;
    assert!(!texts(&p).contains(&"PA"), "{:?}", texts(&p));
    // The dotted abbreviation of a name still is one.
    let p = run("Troopers of the S.C. Highway Patrol came.", None).0;
    assert!(texts(&p).contains(&"S.C."), "{:?}", texts(&p));
}

#[test]
fn an_ordinary_word_after_of_inside_a_name_is_no_place() {
    for body in [
        "She studied at the College of Law in York.",
        "Figures came from the state Department of Labor on Thursday.",
    ] {
        let p = run(body, None).0;
        assert!(
            !texts(&p).iter().any(|t| matches!(*t, "Law" | "Labor")),
            "{body}: {:?}",
            texts(&p)
        );
    }
    // After a place noun the name is the place's.
    let p = run("Residents of the City of Canton heard the plan.", None).0;
    assert!(texts(&p).contains(&"Canton"), "{:?}", texts(&p));
}

fn model() -> &'static wirecoder_nlp_model::ModelAnalyzer {
    static MODEL: OnceLock<wirecoder_nlp_model::ModelAnalyzer> = OnceLock::new();
    MODEL.get_or_init(|| match wirecoder_nlp_model::ModelAnalyzer::new() {
        Ok(m) => m,
        Err(e) => panic!("embedded model: {e}"),
    })
}

#[test]
fn a_name_fused_by_hyphens_to_no_place_is_no_place() {
    for (body, bad) in [
        ("When Trump spent a Mar-a-Lago weekend, aides left.", "Lago"),
        (
            "Benches stand along the Bouman-Stickney trail loop.",
            "Stickney",
        ),
        ("A spokeswoman for Dyfed-Powys Police said.", "Powys"),
    ] {
        // The model's tokens split hyphenated words (the rule tokenizer keeps them whole).
        let doc = Document {
            id: "t".into(),
            body: body.into(),
            ..Default::default()
        };
        let p = places_and_dateline(&doc, &model().analyze(body)).0;
        assert!(!texts(&p).contains(&bad), "{body}: {:?}", texts(&p));
    }
    // The partner word and whether a further hyphen chains it.
    let body = "Mar-a-Lago and Canada-U.S. and London-based";
    assert_eq!(hyphen_partner(body, 6, 10, true), Some(("a", true)));
    assert_eq!(hyphen_partner(body, 15, 21, false), Some(("U.S.", false)));
    assert_eq!(hyphen_partner(body, 31, 37, false), Some(("based", false)));
    assert_eq!(hyphen_partner(body, 0, 3, true), None);
}

#[test]
fn el_nino_is_no_town() {
    let p = run(
        "A strong El Niño or La Niña has an impact on storms near Miami.",
        None,
    )
    .0;
    assert!(!texts(&p).contains(&"El Niño"), "{:?}", texts(&p));
    assert!(texts(&p).contains(&"Miami"), "{:?}", texts(&p));
}

#[test]
fn a_small_town_between_the_and_an_institution_word_is_the_institution() {
    let p = run(
        "He takes a bus to the Webb Center on Evergreen Street in Columbus.",
        None,
    )
    .0;
    assert!(!texts(&p).contains(&"Webb"), "{:?}", texts(&p));
    // Named as a place elsewhere, the town is meant.
    let body = "He lives in Torrington. The Torrington Club met on Monday.";
    let p = run(body, None).0;
    assert_eq!(
        texts(&p).iter().filter(|t| **t == "Torrington").count(),
        2,
        "{:?}",
        texts(&p)
    );
}

#[test]
fn a_name_before_a_civic_word_is_the_place_even_after_said_or_in_a_person() {
    for (body, town) in [
        (
            "The bill passed, said Avondale Mayor Ed Rieker.",
            "Avondale",
        ),
        (
            "Yesterday Roselle police ticketed hundreds of motorists.",
            "Roselle",
        ),
        (
            "A fight broke out. Chiefland Police Chief Robert Douglas said his officers came.",
            "Chiefland",
        ),
    ] {
        let doc = Document {
            id: "t".into(),
            body: body.into(),
            ..Default::default()
        };
        let p = places_and_dateline(&doc, &model().analyze(body)).0;
        assert!(texts(&p).contains(&town), "{body}: {:?}", texts(&p));
    }
    // Not a sentence's first function word ("But police have not disclosed").
    let p = run("But police have not disclosed the cause.", None).0;
    assert!(texts(&p).is_empty(), "{:?}", texts(&p));
}

#[test]
fn a_town_opening_a_sentence_before_a_word_for_its_people_is_the_town() {
    let p = run("Williston man, 87, killed in traffic accident.", None).0;
    assert!(texts(&p).contains(&"Williston"), "{:?}", texts(&p));
}
