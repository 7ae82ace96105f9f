//! Toponym recognition and resolution to GeoNames entries.
//!
//! Recognition matches the gazetteer over capitalised token spans and keeps a match only
//! when its context says it names a place: ordinary words that are also place names
//! ("Mobile", "Reading") need a locative cue ("in", "near", "city of", a ", State"
//! qualifier); months and titles never count; a name glued to other capitalised words is
//! part of a person or organisation name; demonyms are not places; a capital acting as a
//! grammatical subject ("Moscow has sent", "Moscow's pledge") is an actor. When the language
//! layer has named entities (`--nlp model`), GPE/LOC/FAC spans override these heuristics and
//! PERSON/ORG spans count against a match.
//! Resolution scores each mention's candidates by population, prominence, feature type, the
//! document's focus countries and first-level divisions (never counting a name as evidence
//! for itself), explicit qualifiers ("Alexandria, Virginia", read as a pair) and the
//! dateline, in passes so confident mentions inform ambiguous ones.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use wirecoder_core::{ActorKind, Entity, Place, Token};
use wirecoder_knowledge::gazetteer::{distance_km, normalize, GazEntry, Gazetteer};

use crate::wordset::WordSet;
use crate::DocContext;

/// Longest toponym, in tokens.
const MAX_SPAN: usize = 7;

/// Prepositions and phrases after which a capitalised name is read as a place.
static LOCATIVE: WordSet = WordSet::new(&[
    "in",
    "near",
    "at",
    "from",
    "to",
    "outside",
    "inside",
    "into",
    "across",
    "toward",
    "towards",
    "around",
    "throughout",
    "via",
    "between",
    "through",
    "within",
    "beyond",
    "along",
    "over",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "of",
    "visit",
    "visited",
    "visiting",
    "entered",
    "reached",
    "left",
    "fled",
    "bombed",
    "shelled",
    "captured",
    "recaptured",
    "retook",
    "seized",
    "besieged",
    "toured",
    "downtown",
    "suburban",
    "rural",
    "based",
]);

/// Words that never start or form a toponym on their own (months, days, titles and
/// other capitalised words that GeoNames also lists as places).
static NEVER: WordSet = WordSet::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "president",
    "general",
    "defense",
    "defence",
    "minister",
    "ministry",
    "prime",
    "king",
    "queen",
    "prince",
    "princess",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "saint",
    "st",
    "god",
    "allah",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "islam",
    "christian",
    "muslim",
    "jewish",
    "catholic",
    "god",
    "senator",
    "governor",
    "mayor",
    "secretary",
    "chief",
    "captain",
    "colonel",
    "major",
    "sergeant",
    "lieutenant",
    "admiral",
    "commander",
    "officer",
    "police",
    "army",
    "navy",
    "state",
    "republic",
    "kingdom",
    "union",
    "federation",
    "government",
    "council",
    "congress",
    "parliament",
    "senate",
    "assembly",
    "court",
    "university",
    "college",
    "school",
    "hospital",
    "church",
    "mosque",
    "street",
    "road",
    "avenue",
    "center",
    "centre",
    "city",
    "county",
    "province",
    "district",
    "region",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "old",
    "great",
    "little",
    "upper",
    "lower",
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "if",
    "as",
    "at",
    "by",
    "for",
    "in",
    "on",
    "to",
    "of",
    "is",
    "it",
    "he",
    "she",
    "we",
    "they",
    "you",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "all",
    "some",
    "many",
    "most",
    "no",
    "not",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "last",
    "next",
    "after",
    "before",
    "during",
    "while",
    "when",
    "where",
    "what",
    "who",
    "how",
    "why",
    "also",
    "just",
    "even",
    "still",
    "then",
    "today",
    "tomorrow",
    "yesterday",
    "now",
    "said",
    "says",
    "says",
    "news",
    "times",
    "post",
    "press",
    "media",
    "international",
    "national",
    "global",
    "world",
    "earth",
    "internet",
    "web",
    "online",
    "facebook",
    "twitter",
    "google",
    "apple",
    "amazon",
    "microsoft",
    "reuters",
    "associated",
    "agence",
    "afp",
    "ap",
    "bbc",
    "cnn",
    "al",
    "el",
    "la",
    "le",
    "de",
    "da",
    "du",
    "van",
    "von",
    "bin",
    "ibn",
    "abu",
    "umm",
    "mount",
    "lake",
    "river",
    "sea",
    "ocean",
    "gulf",
    "bay",
    "island",
    "islands",
    "valley",
    "desert",
    "mountains",
    "hills",
    "park",
    "square",
    "airport",
    "port",
    "station",
    "bridge",
    "dam",
    "base",
    "camp",
    "war",
    "peace",
    "victory",
    "liberty",
    "freedom",
    "independence",
    "unity",
    "hope",
    "faith",
    "justice",
    "truth",
    "love",
    "life",
    "health",
    "education",
    "energy",
    "oil",
    "gas",
    "water",
    "power",
    "security",
    "defense",
    "trade",
    "commerce",
    "industry",
    "business",
    "market",
    "bank",
    "fund",
    "council",
    "committee",
    "office",
    "department",
    "agency",
    "bureau",
    "authority",
    "service",
    "services",
    "forces",
    "force",
    "guard",
    "guards",
    "people",
    "party",
    "front",
    "movement",
    "brigade",
    "brigades",
    "battalion",
    "division",
    "regiment",
    "corps",
    "group",
    "groups",
    "team",
    "club",
    "league",
    "cup",
    "games",
    "olympic",
    "olympics",
    "championship",
    "series",
    "conference",
    "summit",
    "forum",
    "festival",
    "day",
    "week",
    "month",
    "year",
]);

/// Words of [`NEVER`] that end or sit inside a longer name: a town's name right after
/// one is still part of that name ("Monongahela National Forest", "Club America",
/// "14th Avenue Northeast", "Brick Street Bar"), not a place on its own. Not "bank":
/// banks are named after their country ("HSBC Bank Malta").
const NAME_HEADS: &[&str] = &[
    "national",
    "international",
    "global",
    "world",
    "club",
    "park",
    "college",
    "university",
    "school",
    "hospital",
    "church",
    "center",
    "centre",
    "street",
    "road",
    "avenue",
    "square",
    "airport",
    "station",
    "bridge",
    "committee",
    "office",
    "department",
    "agency",
    "bureau",
    "authority",
    "service",
    "league",
    "festival",
    "conference",
    "forum",
];

/// Seats of power that stand for governments: actors, never places.
const NEVER_PHRASES: &[&str] = &[
    "white house",
    "kremlin",
    "pentagon",
    "downing street",
    "elysee",
    "elysee palace",
    "foggy bottom",
    "capitol hill",
    "quai d orsay",
    "zhongnanhai",
    "blue house",
];

/// Head words of institutions and buildings named after a person or a firm.
const ORG_HEADS: &[&str] = &[
    "center",
    "centre",
    "foundation",
    "institute",
    "corporation",
    "company",
    "group",
    "club",
    "building",
    "hall",
    "theatre",
    "theater",
    "hotel",
    "inn",
    "museum",
    "library",
    "church",
    "chapel",
    "trust",
    "fund",
    "society",
    "association",
    "academy",
    "school",
    "hospital",
    "clinic",
    "stadium",
    "arena",
    "pavilion",
    "gallery",
];

/// Arabic articles written before a name with a hyphen ("al-Tanf", "Al-Raqqa").
const ARTICLE_PREFIXES: &[&str] = &[
    "al", "Al", "el", "El", "ad", "ash", "as", "an", "ar", "at", "az", "ul",
];

/// Climate patterns named in Spanish ("El Niño", "La Niña"): never the towns so named.
const PHENOMENA: &[&str] = &["el nino", "la nina"];

/// The word glued by a hyphen to the text at `a..b` on one side (`before`: "Day" in
/// "Day-Garrett", "a" in "Mar-a-Lago"; else "Mart" in "Wal-Mart"), with whether that word
/// is itself glued by a further hyphen on its far side ("-a-").
fn hyphen_partner(body: &str, a: usize, b: usize, before: bool) -> Option<(&str, bool)> {
    let word = |c: char| c.is_alphanumeric() || c == '.' || c == '\'' || c == '’';
    if before {
        let head = body.get(..a)?.strip_suffix('-')?;
        let w0 = head.trim_end_matches(word);
        let w = head.get(w0.len()..)?;
        (!w.is_empty()).then_some((w, w0.ends_with('-')))
    } else {
        let tail = body.get(b..)?.strip_prefix('-')?;
        let rest = tail.trim_start_matches(word);
        let w = tail.get(..tail.len() - rest.len())?;
        (!w.is_empty()).then_some((w, rest.starts_with('-')))
    }
}

/// Adjectives of peoples, languages and faiths that the demonym table lacks.
static ADJECTIVES: WordSet = WordSet::new(&[
    "arab",
    "arabs",
    "arabic",
    "english",
    "kurd",
    "kurds",
    "kurdish",
    "sunni",
    "shia",
    "shiite",
    "alawite",
    "druze",
    "yazidi",
    "christian",
    "christians",
    "muslim",
    "muslims",
    "jew",
    "jews",
    "jewish",
    "nazi",
    "nazis",
    "igbo",
    "hausa",
    "yoruba",
    "fulani",
    "pashtun",
    "tamil",
    "sikh",
    "hindu",
    "buddhist",
    "persian",
    "latino",
    "hispanic",
    "european",
    "europeans",
    "african",
    "africans",
    "asian",
    "asians",
    "american",
    "americans",
    "western",
    "soviet",
    "ottoman",
    "roman",
    "scottish",
    "welsh",
    "irish",
    "british",
    "dutch",
    "french",
    "german",
    "spanish",
    "swiss",
    "chinese",
    "japanese",
    "canadian",
    "mexican",
    "indian",
    "russian",
    "turkish",
    "israeli",
    "palestinian",
    "palestinians",
    "iranian",
    "iraqi",
    "syrian",
    "egyptian",
    "saudi",
    "emirati",
    "yemeni",
    "libyan",
    "sudanese",
    "somali",
    "ethiopian",
    "kenyan",
    "nigerian",
    "ghanaian",
    "ukrainian",
    "polish",
    "greek",
    "italian",
    "portuguese",
    "brazilian",
    "argentine",
    "colombian",
    "venezuelan",
    "cuban",
    "korean",
    "vietnamese",
    "thai",
    "filipino",
    "indonesian",
    "malaysian",
    "pakistani",
    "afghan",
    "bangladeshi",
    "nepali",
    "tibetan",
    "uighur",
    "uyghur",
    "chechen",
    "georgian",
    "armenian",
    "azeri",
    "kazakh",
    "uzbek",
    "tajik",
    "mongolian",
    "australian",
    "aussie",
    "kiwi",
    "maori",
    "aboriginal",
    "cherokee",
    "navajo",
    "sioux",
    "apache",
    "ismaili",
    "catholic",
    "protestant",
    "orthodox",
    "coptic",
    "maronite",
    "baptist",
    "methodist",
    "anglican",
    "lutheran",
    "mormon",
    "passover",
    "jesus",
    "christ",
]);

/// Words after a place name that make it the modifier of an institution
/// ("Laurel County Sheriff", "Gainesville Police").
static INSTITUTION: WordSet = WordSet::new(&[
    "sheriff",
    "sheriff's",
    "commissioner",
    "commissioners",
    "board",
    "commission",
    "fire",
    "public",
    "schools",
    "high",
    "middle",
    "elementary",
    "library",
    "transit",
    "courthouse",
    "jail",
    "detention",
    "fair",
    "chamber",
    "daily",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "observer",
    "globe",
    "star",
    "chronicle",
    "telegraph",
    "register",
    "examiner",
    "sun",
    "record",
    "county",
    "metro",
    "regional",
    "area",
    "community",
    "memorial",
    "medical",
    "health",
    "emergency",
    "rescue",
    "ems",
    "utilities",
    "housing",
    "zoning",
    "planning",
    "economic",
    "development",
    "historical",
    "museum",
    "zoo",
    "symphony",
    "airport",
    "harbor",
    "port",
    "city",
    "town",
    "village",
    "borough",
    "township",
    "department",
    "association",
]);

/// Titles before a name: what follows is a person.
static TITLES: WordSet = WordSet::new(&[
    "president",
    "general",
    "gen",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "secretary",
    "chief",
    "captain",
    "capt",
    "colonel",
    "col",
    "major",
    "maj",
    "sergeant",
    "sgt",
    "lieutenant",
    "lt",
    "admiral",
    "adm",
    "commander",
    "judge",
    "justice",
    "rep",
    "representative",
    "pope",
    "father",
    "sister",
    "brother",
    "rev",
    "reverend",
    "sheikh",
    "imam",
    "rabbi",
    "ayatollah",
    "emir",
    "sultan",
    "chancellor",
    "premier",
    "ambassador",
    "coach",
    "officer",
    "detective",
    "deputy",
    "trooper",
    "professor",
    "prof",
]);

/// Speech verbs after which a bare capitalised name is a person.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "noted",
    "asked",
    "asks",
    "replied",
    "recalled",
    "stated",
    "testified",
    "argued",
];

/// Words that, right after a name, make it a larger place name or an administrative unit.
const PLACE_SUFFIX: &[&str] = &[
    "county",
    "parish",
    "province",
    "governorate",
    "district",
    "region",
    "township",
    "borough",
    "prefecture",
    "oblast",
    "municipality",
    "valley",
    "river",
    "mountains",
    "mountain",
    "desert",
    "island",
    "islands",
    "peninsula",
    "strait",
    "sea",
    "lake",
    "bay",
    "gulf",
    "dam",
    "heights",
    "plain",
    "basin",
    "delta",
    "coast",
    "canal",
    "pass",
    "gorge",
];

/// Words after a name inside a longer place entity of the model ("Oaxaca State",
/// "Nenagh Municipal District"), besides [`PLACE_SUFFIX`].
const PLACE_TYPE_WORDS: &[&str] = &["state", "municipal", "metropolitan"];

/// Words before a name that still allow it to be a place ("North Carolina" is matched
/// whole; these cover "Greater London", "Downtown Beirut", "Eastern Ghouta" misses).
const PLACE_PREFIX: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "downtown",
    "upper",
    "lower",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "rural",
    "metropolitan",
    "metro",
    "suburban",
];

/// Words allowed inside a multi-token toponym ("Dar es Salaam", and a possessive inside a
/// name: "Queen Anne's County", "People's Republic of China", "Martha's Vineyard").
const CONNECTOR: &[&str] = &[
    "of", "de", "del", "della", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "los",
    "las", "al", "el", "es", "ad", "ar", "as", "an", "at", "az", "ash", "ath", "ul", "bin", "ibn",
    "upon", "on", "am", "im", "sur", "y", "and", "the", "au", "aux", "en", "di", "-", "'", "’",
    "'s", "’s", ".", "&",
];

/// Verbs (and auxiliaries) after which a preceding country or capital is an actor.
const ACTOR_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "is",
    "was",
    "are",
    "were",
    "wants",
    "wanted",
    "warned",
    "warns",
    "accused",
    "accuses",
    "sent",
    "sends",
    "announced",
    "announces",
    "agreed",
    "agrees",
    "denied",
    "denies",
    "called",
    "calls",
    "urged",
    "urges",
    "claimed",
    "claims",
    "launched",
    "launches",
    "rejected",
    "rejects",
    "condemned",
    "condemns",
    "insisted",
    "insists",
    "plans",
    "planned",
    "hopes",
    "hoped",
    "threatened",
    "threatens",
    "supports",
    "supported",
    "backed",
    "backs",
    "blamed",
    "blames",
    "signed",
    "signs",
    "deployed",
    "deploys",
    "provided",
    "provides",
    "intervened",
    "intervenes",
    "demanded",
    "demands",
    "refused",
    "refuses",
    "responded",
    "responds",
    "decided",
    "decides",
    "imposed",
    "imposes",
    "expelled",
    "expels",
    "recalled",
    "recalls",
    "summoned",
    "summons",
    "offered",
    "offers",
    "promised",
    "promises",
    "pledged",
    "pledges",
    "vowed",
    "vows",
    "stated",
    "states",
    "told",
    "tells",
    "believes",
    "believed",
    "considers",
    "considered",
    "did",
    "does",
    "do",
    "cannot",
    "can",
    "shall",
    "also",
    "reportedly",
    "officially",
];

/// A recognised toponym, before resolution.
#[derive(Debug, Clone)]
struct Mention {
    /// Start of the token range in the document.
    tok_start: usize,
    /// End of the token range in the document.
    tok_end: usize,
    start: usize,
    end: usize,
    text: String,
    /// The name looked up (the mention without a place-type suffix).
    key: String,
    /// A type suffix followed the name ("Rapides Parish"): prefer divisions.
    admin_suffix: bool,
    /// A state's word follows the name ("New York state", "New York Gov."): prefer a
    /// first-level division.
    division_word: bool,
    /// Index of a following ", Qualifier" mention.
    qualifier: Option<usize>,
    /// A capital's name acting as a subject or possessor ("Athens has had", "Dublin's
    /// boards"): its government, unless the text resolves the name to another town.
    metonym: bool,
}

/// What the statistical language layer's named entities say about a token span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NerSays {
    /// No entity information (the rule layer has no NER).
    Unknown,
    /// The model found no entity here.
    Nothing,
    /// A GPE, LOC or FAC entity with exactly this span (a leading "the" aside).
    Place,
    /// A GPE, LOC or FAC entity that is longer than the span ("South Venezuela").
    InPlace,
    /// Inside (or equal to) a PERSON entity.
    Person,
    /// Inside (or equal to) an ORG entity.
    Org,
    /// Inside a number, amount, date or time ("US$ 5 million").
    Numeric,
    /// Any other entity (NORP, PRODUCT, EVENT, ...).
    Other,
}

/// The named entities of the statistical language layer, by token.
struct Ner<'a> {
    entities: &'a [Entity],
    tokens: &'a [Token],
    /// Entity index of every token; empty when there are no entities.
    at: Vec<u32>,
}

impl<'a> Ner<'a> {
    fn new(ctx: &DocContext<'a>) -> Self {
        let (entities, tokens) = (&ctx.text.entities[..], &ctx.text.tokens[..]);
        let mut at = Vec::new();
        if !entities.is_empty() {
            at = vec![u32::MAX; tokens.len()];
            for (k, e) in entities.iter().enumerate() {
                let k = u32::try_from(k).unwrap_or(u32::MAX);
                for slot in at.iter_mut().take(e.token_end).skip(e.token_start) {
                    *slot = k;
                }
            }
        }
        Ner {
            entities,
            tokens,
            at,
        }
    }

    fn active(&self) -> bool {
        !self.at.is_empty()
    }

    fn entity(&self, tok: usize) -> Option<&'a Entity> {
        self.at
            .get(tok)
            .and_then(|&k| self.entities.get(k as usize))
    }

    /// First token of the entity without a leading article ("the United States").
    fn core_start(&self, e: &Entity) -> usize {
        let the = self
            .tokens
            .get(e.token_start)
            .is_some_and(|t| t.text.eq_ignore_ascii_case("the"));
        if the && e.token_end > e.token_start + 1 {
            e.token_start + 1
        } else {
            e.token_start
        }
    }

    fn is_place(e: &Entity) -> bool {
        matches!(e.label.as_str(), "GPE" | "LOC" | "FAC")
    }

    /// Whether a place entity starts (after any article) at token `tok`.
    fn place_starts_at(&self, tok: usize) -> bool {
        self.entity(tok)
            .is_some_and(|e| Self::is_place(e) && self.core_start(e) == tok)
    }

    /// What the entities say about tokens `[a, b)`.
    fn says(&self, a: usize, b: usize) -> NerSays {
        if !self.active() {
            return NerSays::Unknown;
        }
        let Some(e) = self.entity(a).filter(|e| b <= e.token_end) else {
            return NerSays::Nothing;
        };
        if Self::is_place(e) {
            if self.core_start(e) == a && e.token_end == b {
                NerSays::Place
            } else {
                NerSays::InPlace
            }
        } else {
            match e.label.as_str() {
                "PERSON" => NerSays::Person,
                "ORG" => NerSays::Org,
                "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" | "ORDINAL" | "DATE" | "TIME" => {
                    NerSays::Numeric
                }
                _ => NerSays::Other,
            }
        }
    }
}

/// Words after a place's name that make it a disease's ("West Nile virus", "Lassa fever").
fn is_disease_word(w: &str) -> bool {
    matches!(
        w,
        "virus" | "viruses" | "ebolavirus" | "fever" | "disease" | "encephalitis"
    ) || HEMORRHAGIC.contains(&w)
}

/// "Marburg haemorrhagic fever": the adjective comes between the name and "fever".
const HEMORRHAGIC: &[&str] = &["hemorrhagic", "haemorrhagic"];

fn is_capitalised(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

fn is_all_caps(t: &Token) -> bool {
    t.text.chars().any(char::is_alphabetic)
        && t.text
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The token's text in lower case, borrowed when it is already (most words are).
fn lower(t: &Token) -> Cow<'_, str> {
    let text = t.text.as_str();
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// A name after an elided French or Italian article, "d'Ivoire", "l'Aquila": a capitalised
/// word inside a toponym ("Côte d'Ivoire").
fn is_elided_name(t: &Token) -> bool {
    ["d'", "d’", "l'", "l’"].iter().any(|p| {
        t.text
            .strip_prefix(p)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

fn is_connector(t: &Token) -> bool {
    let l = lower(t);
    CONNECTOR.contains(&&*l)
}

/// Whether `t` is a place-type word that starts an institution's name with `next`
/// ("City" before "Council"), see [`INSTITUTION_TYPE_WORDS`].
fn institution_type_word(t: &Token, next: Option<&Token>) -> bool {
    INSTITUTION_TYPE_WORDS.contains(&&*lower(t))
        && next.is_some_and(|n| is_capitalised(n) && !is_connector(n))
}

fn is_possessive(t: &Token) -> bool {
    matches!(t.text.as_str(), "'s" | "’s" | "'" | "’")
}

/// Local authorities, courts and services named after their jurisdiction: a name before
/// one of these words is that place, however small ("Torrington Fire Department",
/// "Bantam Superior Court", "Grovetown Mayor Dennis Trudeau").
const CIVIC: &[&str] = &[
    "police",
    "fire",
    "sheriff",
    "sheriff's",
    "superior",
    "circuit",
    "coroner",
    "coroner's",
    "municipal",
    "volunteer",
    "mayor",
    "selectman",
    "selectmen",
    "aldermen",
    "councilman",
    "councilwoman",
];

/// Place-type words that, before a further capitalised word, belong to an institution's
/// name rather than to the place's: "Dublin City Council", "U.S. District Court",
/// "Woodstock District Chamber of Commerce", "West Virginia State Police" name Dublin, the
/// U.S., Woodstock and West Virginia. (Not "county": "Laurel County" is the name itself.)
const INSTITUTION_TYPE_WORDS: &[&str] = &["city", "district", "borough", "state"];

/// Words after a place name that make it part of a street, road or school name ("Wichita
/// Drive", "Harvard University"): that longer name is not the place, whatever the rest
/// of the text says about the bare name.
const NOT_THE_PLACE: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "drive",
    "dr",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "terrace",
    "circle",
    "trail",
    "pike",
    "parkway",
    "university",
    "college",
];

/// Keys accepted on firm evidence (a place entity of the model, a locative cue, a
/// qualifier), each with whether a cue of the text itself said so (not only the model).
type Firm = HashMap<String, bool>;

/// Every toponym mention of the document, in text order, and its [`Firm`] keys.
///
/// One sense per discourse: a key in `confirmed` (the firm keys of a first pass over the
/// same text) is a place also where only weaker rules object to it: inside a longer
/// capitalised name ("Torrington Fire Department" once "in Torrington" was read) or
/// inside a person entity of the model, unless the text also uses it as a surname.
fn recognise(ctx: &DocContext, gaz: &Gazetteer, confirmed: &Firm) -> (Vec<Mention>, Firm) {
    let mut firm = Firm::new();
    // Last words of the model's multi-word person names ("Christopher Steele"): a bare
    // "Steele" elsewhere in the text is that person, not the town.
    let surnames: HashSet<String> = ctx
        .text
        .entities
        .iter()
        .filter(|e| e.label == "PERSON" && e.token_end >= e.token_start + 2)
        .filter_map(|e| ctx.text.tokens.get(e.token_end - 1))
        // An acronym swallowed by the entity ("By Henry Lazenby US-based ...") is no name.
        .filter(|t| !is_all_caps(t))
        .map(|t| normalize(&t.text))
        .collect();
    // First words of the same ("Georgia Stevens"): a bare "Georgia" without a locative cue
    // is that person ("Georgia began skating at four").
    let forenames: HashSet<String> = ctx
        .text
        .entities
        .iter()
        .filter(|e| e.label == "PERSON" && e.token_end >= e.token_start + 2)
        .filter_map(|e| ctx.text.tokens.get(e.token_start))
        .filter(|t| {
            is_capitalised(t) && !is_all_caps(t) && !TITLES.contains(lower(t).trim_end_matches('.'))
        })
        .map(|t| normalize(&t.text))
        .collect();
    let body = ctx.doc.body.as_str();
    let tokens = &ctx.text.tokens;
    // Names of diseases: the capitalised words before a disease word ("Marburg virus",
    // "Marburg haemorrhagic fever", "West Nile virus").
    let mut diseases: HashSet<String> = HashSet::new();
    for (k, t) in tokens.iter().enumerate() {
        if !is_disease_word(&lower(t)) {
            continue;
        }
        let mut a = k;
        if a > 0
            && tokens
                .get(a - 1)
                .is_some_and(|p| HEMORRHAGIC.contains(&&*lower(p)))
        {
            a -= 1;
        }
        let mut b = a;
        while b > 0 && a - b < 3 && tokens.get(b - 1).is_some_and(is_capitalised) {
            b -= 1;
        }
        if let (true, Some(first), Some(last)) = (b < a, tokens.get(b), tokens.get(a - 1)) {
            if let Some(name) = body.get(first.byte_start..last.byte_end) {
                diseases.insert(normalize(name));
            }
        }
    }
    // Words seen as the last part of unmatched multi-word capitalised names (people and
    // organisations: "Chiquita Raquel Henry"): bare later uses are names, not places.
    let mut name_parts: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Mention> = Vec::new();
    let mut blocked: Vec<bool> = vec![false; tokens.len()];
    for a in ctx.actors {
        if matches!(
            a.kind,
            ActorKind::Person | ActorKind::Igo | ActorKind::Ngo | ActorKind::Group
        ) {
            for b in blocked
                .iter_mut()
                .take(a.token_end.min(tokens.len()))
                .skip(a.token_start)
            {
                *b = true;
            }
        }
    }
    // A town's name inside a street's ("Washington Drive") is not the town; a name right
    // after a street and a comma is the street's town ("420 Augusta St., Alexandria").
    let street_spans = streets(ctx);
    let mut street_end: HashSet<usize> = HashSet::new();
    let mut in_street: Vec<bool> = vec![false; tokens.len()];
    for st in street_spans.iter().filter(|s| !s.natural) {
        street_end.insert(st.tok_end);
        for b in in_street
            .iter_mut()
            .take(st.tok_end.min(tokens.len()))
            .skip(st.tok_start)
        {
            *b = true;
        }
    }
    let ner = Ner::new(ctx);
    for sentence in &ctx.text.sentences {
        let (s0, s1) = (
            sentence.token_start.min(tokens.len()),
            sentence.token_end.min(tokens.len()),
        );
        let sent = tokens.get(s0..s1).unwrap_or(&[]);
        // Headlines and all-caps lines: adjacency says nothing about names there.
        let caps_words = sent.iter().filter(|t| is_capitalised(t)).count();
        let words = sent
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphabetic))
            .count();
        let title_case = words >= 4 && caps_words * 100 >= words * 85;
        let mut i = 0;
        while i < sent.len() {
            let t = &sent[i];
            // The model separates a place from the name it modifies ("U.S. President
            // Donald Trump"), which the actor layer reads as one person.
            // So does a country's possessive ("Sri Lanka's former president Chandrika
            // Kumaratunga"): the country is named, the person acts.
            let country_possessive = || {
                (1..=3).any(|len| {
                    let (Some(last), Some(after)) = (sent.get(i + len - 1), sent.get(i + len))
                    else {
                        return false;
                    };
                    is_possessive(after)
                        && sent[i..i + len].iter().all(is_capitalised)
                        && body.get(t.byte_start..last.byte_end).is_some_and(|x| {
                            gaz.lookup(&normalize(x)).iter().any(|e| e.is_country())
                        })
                })
            };
            // "Chiefland Police Chief Robert Douglas": a person's title may open with the
            // town its office serves.
            let civic_next = sent.get(i + 1).is_some_and(|n| CIVIC.contains(&&*lower(n)));
            if !is_capitalised(t)
                || in_street[s0 + i]
                || (blocked[s0 + i]
                    && !ner.place_starts_at(s0 + i)
                    && !country_possessive()
                    && !civic_next)
            {
                i += 1;
                continue;
            }
            let mut matched = None;
            for len in (1..=MAX_SPAN.min(sent.len() - i)).rev() {
                let last = &sent[i + len - 1];
                if !is_capitalised(last) && !is_elided_name(last) {
                    continue;
                }
                if sent[i + 1..i + len]
                    .iter()
                    .any(|t| !is_capitalised(t) && !is_connector(t) && !is_elided_name(t))
                {
                    continue;
                }
                let Some(text) = body.get(t.byte_start..last.byte_end) else {
                    continue;
                };
                if len > 1 && institution_type_word(last, sent.get(i + len)) {
                    // "Dublin City Council": only a primary name keeps the type word
                    // ("Kansas City Council" is the council of Kansas City).
                    let key = normalize(text);
                    if !gaz.lookup(&key).iter().any(|e| normalize(e.name) == key) {
                        continue;
                    }
                }
                if gaz.contains(text) {
                    matched = Some((len, text.len()));
                    break;
                }
            }
            // "U.S.-led", "Iranian-backed": a name glued to a lower-case modifier.
            if matched.is_none() {
                if let Some(dash) = t.text.rfind('-') {
                    let tail = &t.text[dash + 1..];
                    if tail.chars().next().is_some_and(char::is_lowercase)
                        && gaz.contains(&t.text[..dash])
                    {
                        matched = Some((1, dash));
                    }
                }
            }
            let Some((len, byte_len)) = matched else {
                // Remember capitalised runs that are not places (likely names).
                let mut j = i;
                while j < sent.len() && is_capitalised(&sent[j]) {
                    j += 1;
                }
                // Only runs shaped like "Firstname Lastname" (2-3 words, no function or
                // title word first) teach us a name.
                let first_l = lower(t);
                let name_like = (2..=3).contains(&(j - i))
                    && !NEVER.contains(&first_l)
                    && !LOCATIVE.contains(&first_l)
                    && !TITLES.contains(first_l.trim_end_matches('.'));
                if name_like && !title_case {
                    if let Some(last) = sent.get(j - 1) {
                        *name_parts.entry(normalize(&last.text)).or_default() += 1;
                    }
                }
                i += 1;
                continue;
            };
            let first = t;
            let last = &sent[i + len - 1];
            let key_text = body
                .get(first.byte_start..first.byte_start + byte_len)
                .unwrap_or_default()
                .to_string();
            let key = normalize(&key_text);
            let prev = i.checked_sub(1).and_then(|p| sent.get(p));
            let prev2 = i.checked_sub(2).and_then(|p| sent.get(p));
            let next = sent.get(i + len);
            let prev_l = prev.map(lower).unwrap_or_default();
            let next_l = next.map(lower).unwrap_or_default();
            let sentence_initial = i == 0
                || prev.is_some_and(|p| matches!(p.text.as_str(), "\"" | "“" | "(" | "'" | "‘"));
            let prev2_l = prev2.map(lower).unwrap_or_default();
            let locative = LOCATIVE.contains(&prev_l)
                || (prev_l == "the" && LOCATIVE.contains(&prev2_l))
                || (prev_l == "of"
                    && prev2.is_some_and(|p| {
                        matches!(
                            &*lower(p),
                            "city"
                                | "town"
                                | "village"
                                | "province"
                                | "state"
                                | "region"
                                | "capital"
                                | "outskirts"
                                | "suburbs"
                                | "port"
                                | "area"
                                | "district"
                                | "governorate"
                                | "county"
                                | "republic"
                        )
                    }));
            let qualified_after = next_l == ","
                && sent.get(i + len + 1).is_some_and(|q| {
                    is_capitalised(q)
                        && gaz
                            .lookup(&q.text)
                            .iter()
                            .any(|e| e.feature_code == "ADM1" || e.is_country())
                });
            let qualifies_prev =
                prev_l == "," && out.last().is_some_and(|m| m.tok_end + 1 == s0 + i);
            // (Not in a list of streets: "Acadia Drive, Martin Court".)
            let after_street = prev_l == ","
                && i >= 1
                && street_end.contains(&(s0 + i - 1))
                && !next.is_some_and(is_capitalised);
            let mut keep = true;
            let entries = gaz.lookup(&key);
            let single = len == 1 && byte_len == first.text.len();
            let top_pop = entries.iter().map(|e| e.population).max().unwrap_or(0);
            let admin = entries
                .iter()
                .any(|e| e.is_country() || e.feature_code == "ADM1");
            let strong = admin
                || entries
                    .iter()
                    .any(|e| e.feature_class != "P" && e.feature_class != "A")
                || top_pop >= 100_000;
            // Glued to a lower-case modifier ("London-based"): a name on its own.
            let glued = len == 1 && byte_len < first.text.len();
            let listed_after_place =
                prev_l == "," && prev2.is_some_and(|p| is_capitalised(p) && !is_all_caps(p));
            let before_institution = next.is_some_and(is_capitalised)
                && (INSTITUTION.contains(&next_l)
                    || matches!(&*next_l, "police" | "council" | "university" | "county"));
            // What the model's entities say: a place entity with exactly this span is
            // a toponym whatever the capitalisation rules below think; a person is not,
            // short of a strong locative cue ("in Jackson", "Jackson, Miss.").
            let whole_tokens = byte_len == last.byte_end - first.byte_start;
            let says = if whole_tokens {
                ner.says(s0 + i, s0 + i + len)
            } else {
                NerSays::Unknown
            };
            let model_place = says == NerSays::Place;
            let cue_word = if prev_l == "the" { &prev2_l } else { &prev_l };
            let weak_cue = matches!(
                &**cue_word,
                "of" | "to"
                    | "at"
                    | "from"
                    | "between"
                    | "over"
                    | "via"
                    | "through"
                    | "visit"
                    | "visited"
                    | "visiting"
                    | "left"
                    | "reached"
                    | "entered"
                    | "toured"
            ) && !(prev_l == "of" && locative);
            // Listed right after a place ("Mozambique and Botswana", "Barrow and Jackson
            // counties") or followed by a word for the people or land of a place ("a Lancaster
            // man", "Gainesville residents", "the Alexandria area").
            let listed_with_place = matches!(&*prev_l, "and" | "or" | ",")
                && out.last().is_some_and(|m| m.tok_end + 1 == s0 + i)
                && !matches!(&*next_l, "streets" | "roads" | "avenues");
            let place_noun_after = matches!(
                &*next_l,
                "area"
                    | "man"
                    | "woman"
                    | "men"
                    | "women"
                    | "teen"
                    | "teenager"
                    | "couple"
                    | "firefighters"
                    | "residents"
                    | "resident"
                    | "natives"
                    | "native"
                    | "counties"
                    | "suburbs"
                    | "outskirts"
            );
            // Listed before a plural division noun ("Harvey, Harper and Kingman counties",
            // "Barrow and Jackson counties"): every name of the list is one.
            let listed_before_divisions = {
                let mut k = i + len;
                let mut items = 0;
                loop {
                    let sep = sent.get(k).map(lower).unwrap_or_default();
                    let sep_len = match (&*sep, sent.get(k + 1).map(lower).as_deref()) {
                        (",", Some("and" | "or")) => 2,
                        ("," | "and" | "or", _) => 1,
                        _ => 0,
                    };
                    if sep_len == 0 || !sent.get(k + sep_len).is_some_and(is_capitalised) {
                        break;
                    }
                    k += sep_len + 1;
                    items += 1;
                }
                items > 0
                    && sent
                        .get(k)
                        .is_some_and(|t| matches!(&*lower(t), "counties" | "parishes"))
            };
            let strong_cue = listed_before_divisions
                || (locative && !weak_cue)
                || after_street
                || qualified_after
                || qualifies_prev
                || listed_with_place
                || place_noun_after;
            // The whole text is the name ("Palmyra", "Palmyra."): a query or a label,
            // named on purpose.
            let standalone = i == 0
                && ctx.text.sentences.len() == 1
                && sent[len..]
                    .iter()
                    .all(|t| !t.text.chars().any(char::is_alphanumeric));
            let cued = locative
                || after_street
                || standalone
                || qualified_after
                || qualifies_prev
                || glued
                || listed_after_place
                || before_institution;
            if NEVER.contains(key.as_str())
                || NEVER_PHRASES.contains(&key.as_str())
                || PHENOMENA.contains(&key.as_str())
            {
                keep = false;
            }
            // A small place's name fused by hyphens to a word that is no place belongs to a
            // longer name: "Mar-a-Lago", "the Bouman-Stickney trail", "Dyfed-Powys Police",
            // "Wal-Mart" (not "Paris-Henry County", "Nelson-Creston", "Egyptian-US",
            // "DFL-Cook", "al-Tanf", nor a prefix or suffix: "pre-Columbia", "Columbia-based").
            let (span_a, span_b) = (first.byte_start, first.byte_start + byte_len);
            let fused = !strong
                && [true, false].into_iter().any(|before| {
                    let Some((w, chained)) = hyphen_partner(body, span_a, span_b, before) else {
                        return false;
                    };
                    let lower_word = w.chars().next().is_some_and(char::is_lowercase);
                    if (lower_word && !(chained && w.len() <= 3))
                        || w.chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase)
                        || (before && ARTICLE_PREFIXES.contains(&w))
                        || gaz.demonym_country(w).is_some()
                    {
                        return false;
                    }
                    let wk = normalize(w);
                    !gaz.lookup(&wk).iter().any(|e| {
                        e.is_country()
                            || matches!(e.feature_code, "ADM1" | "ADM2")
                            || (e.feature_class != "P" && e.feature_class != "A")
                            || (normalize(e.name) == wk && e.population >= 1_000)
                    })
                });
            if fused && !locative {
                keep = false;
            }
            // A pathogen or disease named after the place it was found ("West Nile virus",
            // "the Reston ebolavirus", "Lassa fever") names the disease, not the place.
            // So is the same name elsewhere in the text ("Because Marburg kills more slowly",
            // "West Nile cases"), unless the text names the place as a place somewhere.
            if is_disease_word(&next_l)
                || (diseases.contains(&key) && !strong_cue && confirmed.get(&key) != Some(&true))
            {
                keep = false;
            }
            // Demonyms and adjectives are not places ("Spanish", "Canadian" are also towns),
            // even after a locative word when they modify a noun ("in Arab culture", "of
            // the Arab-Israeli conflict"); a country's short name still names it ("Saudi").
            let modifies = next.is_some_and(|n| {
                n.text.chars().next().is_some_and(char::is_lowercase) || n.text == "-"
            }) && !entries.iter().any(|e| e.is_country());
            if (gaz.demonym_country(&key_text).is_some() || ADJECTIVES.contains(key.as_str()))
                && (!locative || modifies)
            {
                keep = false;
            }
            // Ordinary words need a cue; all-caps and dotted forms ("US", "U.S.") are names.
            let title_form =
                first.text.chars().skip(1).all(|c| !c.is_uppercase()) && !first.text.contains('.');
            if single && title_form && !admin && gaz.is_common_word(&key) && !cued && !model_place {
                keep = false;
            }
            // Even for a division or a city, when the word opens a sentence or matches only
            // an alternate name ("Man booked for assault" is neither Manitoba nor Man,
            // Côte d'Ivoire).
            if single
                && title_form
                && gaz.is_common_word(&key)
                && !cued
                && !model_place
                && !entries.iter().any(|e| e.is_country())
                && (sentence_initial || !entries.iter().any(|e| normalize(e.name) == key))
            {
                keep = false;
            }
            // "Stevens & Wilkinson", "Marks & Spencer": a firm's name (not "Tijuana & San
            // Diego", two places: the second a well-known one).
            let place_after_amp = (1..=3).any(|n| {
                let (Some(a), Some(b)) = (sent.get(i + len + 1), sent.get(i + len + n)) else {
                    return false;
                };
                (i + len + 1..=i + len + n).all(|k| sent.get(k).is_some_and(is_capitalised))
                    && body.get(a.byte_start..b.byte_end).is_some_and(|t| {
                        let k = normalize(t);
                        gaz.lookup(&k).iter().any(|e| {
                            normalize(e.name) == k
                                && (e.is_country()
                                    || e.feature_code == "ADM1"
                                    || e.population >= 100_000)
                        })
                    })
            });
            let firm_before = next_l == "&"
                && sent.get(i + len + 1).is_some_and(is_capitalised)
                && !place_after_amp;
            let firm_after = prev_l == "&" && prev2.is_some_and(is_capitalised) && !strong;
            if (firm_before || firm_after) && !strong_cue && !model_place {
                keep = false;
            }
            // "Man" is not "Man." (Manitoba): dotted abbreviations need their period.
            let dotted_surface = key_text.contains('.')
                || (!last.space_after && next.is_some_and(|n| n.text == "."));
            if key.len() <= 5
                && !dotted_surface
                && !model_place
                && !entries.iter().any(|e| {
                    normalize(e.name) == key
                        || e.alt_names()
                            .any(|a| !a.ends_with('.') && normalize(a) == key)
                })
            {
                keep = false;
            }
            // Short all-caps words are acronyms unless they name a country or state.
            if single
                && is_all_caps(first)
                && first.text.chars().filter(|c| c.is_alphabetic()).count() <= 4
                && !admin
                && !model_place
            {
                keep = false;
            }
            // "the Department of Labor", "the College of Law", "Points of Light": an ordinary
            // word after "of" inside a capitalised name is that name's, not a place (not
            // after a place noun, "City of Canton", nor a well-known place's name).
            if single
                && title_form
                && prev_l == "of"
                && prev2.is_some_and(|p| is_capitalised(p) && !is_all_caps(p))
                && gaz.is_common_word(&key)
                // (A hill or stream of that name is no reason: "the Line of Control".)
                && !(admin || top_pop >= 100_000)
                && !matches!(
                    &*prev2_l,
                    "city"
                        | "town"
                        | "village"
                        | "county"
                        | "state"
                        | "province"
                        | "district"
                        | "borough"
                        | "township"
                        | "republic"
                        | "kingdom"
                        | "commonwealth"
                )
                && !model_place
            {
                keep = false;
            }
            // "along the Line of Control": an ordinary word before "of" and a capitalised
            // word heads a longer name, whatever cue precedes it.
            if single
                && title_form
                && next_l == "of"
                && sent.get(i + len + 1).is_some_and(is_capitalised)
                && gaz.is_common_word(&key)
                && !(admin || top_pop >= 100_000)
                && !model_place
            {
                keep = false;
            }
            // "The PA was worried": a state's postal code never takes an article; after one
            // the letters are an organisation's (the Palestinian Authority). Dotted forms
            // are abbreviations of the name ("the S.C. Highway Patrol").
            if single
                && is_all_caps(first)
                && first.text.len() == 2
                && first.text.chars().all(|c| c.is_ascii_uppercase())
                && matches!(&*prev_l, "the" | "a" | "an")
                && entries.iter().any(|e| e.feature_code == "ADM1")
                && !entries.iter().any(|e| e.is_country())
            {
                keep = false;
            }
            // "Johnson said": a bare name before a speech verb is a person.
            if single
                && !admin
                && (SPEECH_VERBS.contains(&&*next_l) || SPEECH_VERBS.contains(&&*prev_l))
                && !locative
                && !model_place
                // "said Avondale Mayor Ed Rieker": the speaker's office is the town's.
                && !CIVIC.contains(&&*next_l)
            {
                keep = false;
            }
            if single
                && !strong
                && sentence_initial
                && !qualified_after
                && is_capitalised(first)
                && !is_all_caps(first)
            {
                // Capitalised by position only: keep only well-known or cued names
                // ("Grovetown police then questioned her", "Williston man, 87, killed").
                keep = locative
                    || model_place
                    || standalone
                    || ((CIVIC.contains(&&*next_l) || place_noun_after)
                        && !gaz.is_common_word(&key));
            }
            // The owner in a longer name ("St. Peter's Basilica", "St. John's University",
            // "Eva's Village", "Moody's Analytics"): a saint's name, or a minor place's, before
            // a possessive and another capitalised word names a building or a firm. A
            // well-known place owns its landmarks ("Toronto's Pearson International
            // Airport", "St. Petersburg's Pulkovo Airport"), and so does a town the text
            // names as a place elsewhere ("in Rock Hill" ... "Rock Hill's Main Street");
            // names with the possessive inside are matched whole above ("Queen Anne's
            // County").
            let owner_of_name = next.is_some_and(is_possessive)
                && sent
                    .get(i + len + 1)
                    .is_some_and(|n| is_capitalised(n) && !is_connector(n));
            let saint = matches!(
                first.text.trim_end_matches('.').to_lowercase().as_str(),
                "st" | "saint" | "ste" | "sainte"
            );
            let owner_place = if saint {
                entries.iter().any(|e| e.is_country()) || top_pop >= 1_000_000
            } else {
                strong || confirmed.contains_key(&key)
            };
            if owner_of_name && !owner_place && !model_place {
                keep = false;
            }
            // Part of a longer capitalised name (person, organisation).
            // Lower-case titles too ("coach Ripley", "spokesman Smith"), but not the ones
            // that are also adjectives ("a major London hospital").
            let prev_title = prev_l.trim_end_matches('.');
            if prev.is_some_and(|p| is_capitalised(p) && TITLES.contains(prev_title))
                || (TITLES.contains(prev_title)
                    && !matches!(
                        prev_title,
                        "general" | "major" | "chief" | "justice" | "father" | "sister" | "brother"
                    ))
                || matches!(&*prev_l, "spokesman" | "spokeswoman" | "spokesperson")
            {
                keep = false;
            }
            if keep && !title_case && !glued && !model_place {
                if let Some(p) = prev {
                    let pl = &*prev_l;
                    if is_capitalised(p)
                        && !PLACE_PREFIX.contains(&pl)
                        && (!NEVER.contains(pl) || NAME_HEADS.contains(&pl))
                        && !LOCATIVE.contains(pl)
                        && !is_connector(p)
                        // A sentence's first word is capitalised anyway, unless the
                        // tagger calls it a proper noun ("Stephon Clark, 22, ...").
                        && (i != 1 || p.tag == "NNP")
                    {
                        keep = false;
                    }
                }
                if let Some(n) = next {
                    // Well-known names still count as modifiers ("U.S. President").
                    let division = key
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| PLACE_SUFFIX.contains(&w) && len > 1);
                    // "Laurel County Sheriff", "Manitoba Premier Brian Pallister".
                    let institution = NEVER.contains(&next_l)
                        || INSTITUTION.contains(&next_l)
                        // "the Florida Highway Patrol" (not "Jackson Highway", a road).
                        || (next_l == "highway"
                            && sent.get(i + len + 1).is_some_and(|t| lower(t) == "patrol"))
                        || TITLES.contains(next_l.trim_end_matches('.'));
                    let country = entries.iter().any(|e| e.is_country());
                    let civic = CIVIC.contains(&&*next_l);
                    // A county's name before any other name is its agency or landmark
                    // ("Henderson County Crimestoppers", "Guernsey County Common Pleas
                    // Court"): still the county.
                    let county = division
                        && key.rsplit(' ').next().is_some_and(|w| {
                            matches!(w, "county" | "parish" | "township" | "borough")
                        });
                    let modifier = country
                        || civic
                        || county
                        || ((admin || strong || division) && institution);
                    let known_place = confirmed.contains_key(&key)
                        && !surnames.contains(&key)
                        && !NOT_THE_PLACE.contains(&next_l.trim_end_matches('.'));
                    if is_capitalised(n)
                        && !modifier
                        && !known_place
                        && !is_connector(n)
                        && !PLACE_SUFFIX.contains(&&*next_l)
                    {
                        keep = false;
                    }
                }
            }
            // The model reads many a surname as a place ("Yevgenia Petrova" ... "Petrova
            // said"): a minor place's name the text also uses as a person's last name is
            // that person, unless a strong cue names the place somewhere.
            if keep
                && single
                && !locative
                && !admin
                && (!model_place || (!strong && confirmed.get(&key) != Some(&true)))
                && name_parts.contains_key(&key)
            {
                keep = false;
            }
            let known_place = confirmed.contains_key(&key)
                && !surnames.contains(&key)
                && !name_parts.contains_key(&key)
                && entries.iter().any(|e| normalize(e.name) == key);
            // The small model reads many a lone town as a person; after a preposition of
            // movement ("drove to Lanexa", "flew over Gainesville") the town wins, unless
            // the text uses the word in a person's name or a person is addressed ("said
            // to Jackson", "according to Jackson").
            let motion_cue = match &**cue_word {
                "over" | "through" | "via" | "toward" | "towards" | "visit" | "visited"
                | "visiting" | "reached" | "entered" | "toured" => true,
                // "to" and "from" also take people ("the award went to Jackson", "a letter
                // from Jackson"): only after a word of travel or origin.
                "to" | "from" => MOTION_WORDS.contains(&&*prev2_l),
                _ => false,
            };
            let town_read_as_person = single
                && motion_cue
                && prev_l != "the"
                && !surnames.contains(&key)
                && !forenames.contains(&key)
                && !name_parts.contains_key(&key)
                && !next.is_some_and(is_capitalised)
                && entries.iter().any(|e| normalize(e.name) == key);
            // A country's name is no person's ("Sri Lanka's former president Chandrika
            // Kumaratunga" read as one person), unless the text makes it one ("Chad Smith").
            let country_in_person = entries.iter().any(|e| e.is_country())
                && !surnames.contains(&key)
                && !forenames.contains(&key)
                && !name_parts.contains_key(&key);
            // No person's name takes "police" or "Mayor" after it ("Roselle police").
            if says == NerSays::Person
                && !strong_cue
                && !known_place
                && !town_read_as_person
                && !country_in_person
                && !CIVIC.contains(&&*next_l)
            {
                keep = false;
            }
            // ... unless the text names the place with a cue elsewhere ("in Egypt" beside a
            // headline read as the person "Rethinking Egypt").
            if single
                && !strong_cue
                && confirmed.get(&key) != Some(&true)
                && (forenames.contains(&key) || surnames.contains(&key))
                && !CIVIC.contains(&&*next_l)
            {
                keep = false;
            }
            if says == NerSays::Numeric {
                keep = false;
            }
            // "the Webb Center", "The Belk Foundation": a small town's name between the
            // article and an institution's head word names the institution (local news
            // annotates the town there only when the text names it as a place elsewhere).
            if prev_l == "the"
                && single
                && title_form
                && !admin
                && !entries
                    .iter()
                    .any(|e| e.feature_class == "P" && e.population >= 100_000)
                && !model_place
                && !strong_cue
                && confirmed.get(&key) != Some(&true)
                && next.is_some_and(|n| is_capitalised(n) && ORG_HEADS.contains(&&*next_l))
            {
                keep = false;
            }
            // "the Honda's driver", "the Cathedral in Decatur": a town's name does not take
            // the article, a brand's or building's does. Not before a noun it modifies
            // ("the Woodstock mayor", "the Pirbright laboratory") or a name the text uses
            // as a place elsewhere.
            if prev_l == "the"
                && single
                && title_form
                && !admin
                && !entries.is_empty()
                && entries.iter().all(|e| matches!(e.feature_class, "P" | "A"))
                && !entries.iter().any(|e| {
                    std::iter::once(e.name)
                        .chain(e.alt_names())
                        .any(|a| normalize(a) == format!("the {key}"))
                })
                && !model_place
                && !strong_cue
                && !confirmed.contains_key(&key)
                && !next.is_some_and(|n| {
                    is_capitalised(n)
                        || n.tag.starts_with("NN")
                        || n.tag.starts_with("JJ")
                        || matches!(n.text.as_str(), "-" | "–" | "/" | "and" | "or" | "&")
                })
            {
                keep = false;
            }
            // An organisation or other non-place entity that matches only an alternate
            // name of a minor place ("Hamas", a variant of Hamm) is not a toponym.
            if keep
                && matches!(says, NerSays::Org | NerSays::Other)
                && single
                && !admin
                && !strong_cue
                && !entries.iter().any(|e| normalize(e.name) == key)
            {
                keep = false;
            }
            // A capital acting as the subject of a verb stands for its government: an actor
            // ("Moscow has sent", "Damascus steps up"). A country or state in that position
            // ("Canada announced", "California has confirmed") still names the territory:
            // geoparsing gold counts it, and excluding it cost far more recall than
            // precision.
            let territory = entries.iter().any(|e| e.is_country())
                || (entries.iter().any(|e| e.feature_code == "ADM1")
                    && !entries.iter().any(|e| e.feature_code == "PPLC"));
            let mut metonym = false;
            if keep && !locative && !territory {
                // A capital stands for its government only when the text is about that
                // country (or the actor layer says so): "Dublin's boards" in Ohio news is
                // a place.
                let metonym_actor = ctx.actors.iter().any(|a| {
                    matches!(a.kind, ActorKind::Metonym | ActorKind::Country)
                        && a.token_start <= s0 + i
                        && s0 + i < a.token_end
                });
                let national = metonym_actor
                    || entries.iter().take(3).any(|e| {
                        e.is_country()
                            || (e.feature_code == "PPLC"
                                && gaz
                                    .country(e.country)
                                    .is_some_and(|c| body.contains(c.name)))
                    });
                let actorish = national || entries.iter().take(3).any(|e| e.feature_code == "ADM1");
                let next_is_verb = ACTOR_VERBS.contains(&&*next_l);
                let possessive = next.is_some_and(is_possessive);
                // The actor layer decided this seat of power acts ("Damascus steps up").
                // Only in subject position: "Damascus steps up", not "left for Washington".
                let verb_like = next.is_some_and(|n| {
                    n.text.chars().all(|c| c.is_lowercase())
                        && (next_is_verb || n.text.ends_with('s') || n.text.ends_with("ed"))
                        // Function words that only look like verbs ("Jerusalem as the
                        // capital").
                        && !matches!(
                            n.text.as_str(),
                            "as" | "its" | "his" | "this" | "thus" | "plus" | "across" | "unless"
                                | "whereas" | "towards" | "besides" | "less" | "us"
                        )
                });
                let after_preposition = matches!(
                    &*prev_l,
                    "for" | "with" | "on" | "by" | "against" | "and" | "or" | "than" | "like"
                );
                let acting_metonym = verb_like
                    && !after_preposition
                    && ctx.actors.iter().any(|a| {
                        a.kind == ActorKind::Metonym
                            && a.token_start <= s0 + i
                            && s0 + i < a.token_end
                    });
                // Not after a preposition: "sanctions against Moscow was groundless" has
                // its verb's subject earlier; not the owner of a named thing ("Moscow's
                // Domodedovo Airport").
                let owns_name = possessive
                    && sent
                        .get(i + len + 1)
                        .is_some_and(|n| is_capitalised(n) && !is_all_caps(n));
                if (actorish && next_is_verb && !after_preposition)
                    || (national && ((possessive && !owns_name) || acting_metonym))
                {
                    metonym = true;
                }
            }
            if !keep {
                i += len;
                continue;
            }
            if (model_place || strong_cue || standalone) && !metonym {
                *firm.entry(key.clone()).or_default() |= strong_cue || standalone;
            }
            // The model's longer place name around the match ("South Venezuela", "Nenagh
            // Municipal District") is the mention when the extra words are directions
            // before it or place-type words after it.
            let mut lead = first;
            let mut extended: Option<(usize, &Token)> = None;
            if says == NerSays::InPlace {
                if let Some(e) = ner.entity(s0 + i) {
                    let (a, b) = (s0 + i, s0 + i + len);
                    let (ea, eb) = (ner.core_start(e).max(s0), e.token_end.min(s1));
                    let word_in = |k: usize, list: &[&str]| {
                        tokens
                            .get(k)
                            .is_some_and(|t| is_capitalised(t) && list.contains(&&*lower(t)))
                    };
                    let before = (ea..a).all(|k| word_in(k, PLACE_PREFIX));
                    let after =
                        (b..eb).all(|k| word_in(k, PLACE_SUFFIX) || word_in(k, PLACE_TYPE_WORDS));
                    let institution = eb > b
                        && tokens
                            .get(eb - 1)
                            .is_some_and(|t| institution_type_word(t, tokens.get(eb)));
                    if before && after && !institution && (ea < a || eb > b) {
                        if let Some(t) = tokens.get(ea) {
                            lead = t;
                        }
                        if eb > b {
                            extended = tokens.get(eb - 1).map(|t| (eb, t));
                        }
                    }
                }
            }
            // "Borno State", "Benue state": outside the US, where "Ohio State" is a
            // university, a first-level division's name takes "state" as its own.
            let state_suffix = next_l == "state"
                && byte_len == last.byte_end - first.byte_start
                && entries
                    .iter()
                    .any(|e| e.feature_code == "ADM1" && e.country != "US")
                && !entries.iter().any(|e| e.country == "US")
                && !sent.get(i + len + 1).is_some_and(is_capitalised);
            // "Rapides Parish": the suffix belongs to the toponym.
            let (tok_end, end_tok) = match (extended, next) {
                (Some(x), _) => x,
                (None, Some(n)) if state_suffix => (s0 + i + len + 1, n),
                (None, Some(n))
                    if byte_len == last.byte_end - first.byte_start
                        && is_capitalised(n)
                        && PLACE_SUFFIX.contains(&&*next_l)
                        && !institution_type_word(n, sent.get(i + len + 1)) =>
                {
                    (s0 + i + len + 1, n)
                }
                _ => (s0 + i + len, last),
            };
            let with_suffix = tok_end > s0 + i + len;
            // "New York state", "New York Gov. Andrew Cuomo", "the Washington legislature":
            // a state's own words after the name say the division, though not part of it.
            let division_word = !with_suffix
                && next.is_some_and(|n| {
                    let l = lower(n);
                    (l == "state" && n.text == "state")
                        || matches!(
                            l.trim_end_matches('.'),
                            "statewide" | "governor" | "gov" | "legislature" | "lawmakers"
                        )
                });
            // Only administrative words say "the division, not the town".
            let admin_suffix = with_suffix
                && (s0 + i + len..tok_end).any(|k| {
                    tokens.get(k).is_some_and(|t| {
                        matches!(
                            &*lower(t),
                            "county"
                                | "parish"
                                | "province"
                                | "state"
                                | "governorate"
                                | "district"
                                | "region"
                                | "township"
                                | "borough"
                                | "prefecture"
                                | "oblast"
                                | "municipality"
                        )
                    })
                });
            let mut byte_end = if with_suffix {
                end_tok.byte_end
            } else {
                first.byte_start + byte_len
            };
            // "Ky." split from its period at a sentence end: the period is part of the name.
            if !with_suffix
                && byte_end == last.byte_end
                && !last.space_after
                && next.is_some_and(|n| n.text == ".")
            {
                let dotted = format!(
                    "{}.",
                    body.get(first.byte_start..byte_end).unwrap_or_default()
                );
                if entries.iter().any(|e| e.alt_names().any(|a| a == dotted)) {
                    byte_end += 1;
                }
            }
            let text = body
                .get(lead.byte_start..byte_end)
                .unwrap_or_default()
                .to_string();
            let start = lead.start;
            let end = start + text.chars().count();
            // "Washington, New York and Boston" is a list, not "Washington in New York".
            let in_list = matches!(&*next_l, "and" | "or" | "&");
            // "in Russia, U.S. officials said": a country does not qualify a country's name.
            let country_after_country = entries.iter().any(|e| e.is_country())
                && out
                    .last()
                    .is_some_and(|m| gaz.lookup(&m.key).iter().any(|e| e.is_country()));
            if qualifies_prev && !in_list && !country_after_country {
                let idx = out.len();
                if let Some(m) = out.last_mut() {
                    m.qualifier = Some(idx);
                }
            }
            out.push(Mention {
                tok_start: s0 + i,
                tok_end,
                start,
                end,
                text,
                key,
                admin_suffix,
                division_word,
                qualifier: None,
                metonym,
            });
            i = tok_end - s0;
        }
    }
    (out, firm)
}

/// What the document is about, geographically. Every piece of evidence remembers the
/// mention name it came from, so a name is never evidence for its own reading ("Paris"
/// read as the French government by the actor layer says nothing about which Paris).
#[derive(Debug, Default, Clone)]
struct Focus<'a> {
    countries: BTreeMap<&'a str, f64>,
    total: f64,
    /// Per mention name: its share of `countries` and of `total`.
    own_countries: BTreeMap<&'a str, (BTreeMap<&'a str, f64>, f64)>,
    admin1: BTreeMap<(&'a str, &'a str), f64>,
    own_admin1: BTreeMap<&'a str, BTreeMap<(&'a str, &'a str), f64>>,
    /// Points of confidently resolved places, with the name they came from.
    anchors: Vec<(f64, f64, Option<&'a str>)>,
}

impl<'a> Focus<'a> {
    fn add_country(&mut self, cc: &'a str, w: f64, from: Option<&'a str>) {
        if cc.is_empty() {
            return;
        }
        *self.countries.entry(cc).or_default() += w;
        self.total += w;
        if let Some(k) = from {
            let own = self.own_countries.entry(k).or_default();
            *own.0.entry(cc).or_default() += w;
            own.1 += w;
        }
    }

    fn add_admin1(&mut self, cc: &'a str, admin1: &'a str, w: f64, from: Option<&'a str>) {
        if admin1.is_empty() {
            return;
        }
        *self.admin1.entry((cc, admin1)).or_default() += w;
        if let Some(k) = from {
            *self
                .own_admin1
                .entry(k)
                .or_default()
                .entry((cc, admin1))
                .or_default() += w;
        }
    }

    /// Share of the country evidence for `cc`, leaving out what name `key` brought.
    fn country_weight(&self, cc: &str, key: &str) -> f64 {
        let (mut c, mut t) = (self.countries.get(cc).copied().unwrap_or(0.0), self.total);
        if let Some((own, own_total)) = self.own_countries.get(key) {
            c -= own.get(cc).copied().unwrap_or(0.0);
            t -= own_total;
        }
        if t <= 1e-9 || c <= 1e-9 {
            0.0
        } else {
            c / t
        }
    }

    fn admin1_weight(&self, cc: &'a str, admin1: &'a str, key: &str) -> f64 {
        let a = self.admin1.get(&(cc, admin1)).copied().unwrap_or(0.0);
        let own = self
            .own_admin1
            .get(key)
            .and_then(|m| m.get(&(cc, admin1)))
            .copied()
            .unwrap_or(0.0);
        a - own
    }

    /// Distance to the nearest anchor not brought by name `key`.
    fn nearest_anchor(&self, lat: f64, lon: f64, key: &str) -> Option<f64> {
        self.anchors
            .iter()
            .filter(|(_, _, k)| *k != Some(key))
            .map(|&(alat, alon, _)| distance_km(alat, alon, lat, lon))
            .reduce(f64::min)
    }

    /// Record a confident reading of name `key` as context for the other names.
    fn add_reading(&mut self, e: &'a GazEntry, key: &'a str, country_w: f64, admin1_w: f64) {
        if country_w > 0.0 {
            self.add_country(e.country, country_w, Some(key));
        }
        self.add_admin1(e.country, e.admin1, admin1_w, Some(key));
        if e.feature_class == "P" || e.feature_code == "ADM2" {
            self.anchors.push((e.lat, e.lon, Some(key)));
        }
    }
}

fn feature_prior(e: &GazEntry, m: &Mention) -> f64 {
    match (e.feature_class, e.feature_code) {
        // Division populations are sums of their towns, so they need no extra prior.
        // A country is the usual reading of its name ("Mexico", not Mexico City).
        ("A", c) if c.starts_with("PCL") => 8.0,
        ("A", "ADM1") if m.admin_suffix || m.division_word => 6.0,
        ("A", "ADM1") => 0.5,
        ("A", "ADM2") if m.admin_suffix => 7.0,
        ("A", _) => -1.5,
        ("P", "PPLC") => 2.5,
        ("P", _) if m.admin_suffix || m.division_word => -1.0,
        ("P", _) => 0.0,
        ("L", "CONT") => 6.0,
        // Curated rivers, seas, regions: named on purpose, and without population.
        _ => 6.0,
    }
}

/// How widely known a place is beyond its population: GeoNames lists many alternate names
/// (translations, historical names) for famous places ("Palmyra" for Tadmur) and few for
/// small towns that happen to share the name.
fn prominence(e: &GazEntry) -> f64 {
    let n = e.alt_names().count();
    PROMINENCE * (1.0 + n as f64).ln()
}

/// Weight of [`prominence`] (per natural-log unit of alternate names).
const PROMINENCE: f64 = 0.3;

fn score(e: &GazEntry, m: &Mention, focus: &Focus, qualifier: Option<&GazEntry>) -> f64 {
    let mut s = ((e.population as f64) + 1.0).log10() + feature_prior(e, m) + prominence(e);
    if normalize(e.name) == m.key {
        s += 1.0;
    }
    let w = focus.country_weight(e.country, &m.key);
    if w > 0.0 {
        s += 2.0 + 4.0 * w;
    }
    if !e.is_country() {
        let a = focus.admin1_weight(e.country, e.admin1, &m.key);
        if a > 1e-9 {
            s += 1.0 + a.min(3.0);
        }
        if let Some(near) = focus.nearest_anchor(e.lat, e.lon, &m.key) {
            if near < 50.0 {
                s += 3.0;
            } else if near < 250.0 {
                s += 1.5;
            }
        }
    }
    if let Some(q) = qualifier {
        s += if contains(q, e) { 12.0 } else { -6.0 };
    }
    s
}

/// Whether division or country `q` contains place `e`.
fn contains(q: &GazEntry, e: &GazEntry) -> bool {
    q.country == e.country && (q.is_country() || q.admin1 == e.admin1)
}

fn best<'g>(
    cands: &[&'g GazEntry],
    m: &Mention,
    focus: &Focus,
    qualifier: Option<&GazEntry>,
) -> Option<(&'g GazEntry, f64)> {
    let mut best: Option<(&GazEntry, f64)> = None;
    // A division named like a town inside it ("Aleppo", "Tehran") means the town unless
    // the text says "province"/"county".
    let shadowed = |e: &GazEntry| {
        let division_said = m.admin_suffix || (m.division_word && e.feature_code == "ADM1");
        !division_said
            && e.feature_class == "A"
            && !e.is_country()
            && cands.iter().any(|p| {
                p.feature_class == "P"
                    && p.country == e.country
                    && p.admin1 == e.admin1
                    && (normalize(p.name) == m.key || p.population >= 100_000)
            })
    };
    // A small town named like a notable feature, region or continent ("Middle East",
    // Maryland; "Sahara") is not what an unqualified mention means, whatever the text's
    // country: the town would pull its same-state namesakes along ("Manchester", Maryland).
    let notable = cands
        .iter()
        .any(|p| p.feature_class != "A" && p.feature_class != "P");
    // So is a village named like a country or first-level division ("Russia", Ohio;
    // "Queensland", Alberta; "Florida", New York).
    let territory = cands
        .iter()
        .any(|p| (p.is_country() || p.feature_code == "ADM1") && !shadowed(p));
    // And a county that only goes by the name with its suffix ("Delaware County"): a bare
    // "Delaware" is the state, whatever the text's other places pull towards.
    let overshadowed = |e: &GazEntry| {
        qualifier.is_none()
            && ((e.feature_class == "P"
                && ((notable && e.population < 100_000) || (territory && e.population < 10_000)))
                || (territory
                    && !m.admin_suffix
                    && e.feature_code == "ADM2"
                    && normalize(e.name) != m.key))
    };
    for &e in cands {
        if shadowed(e) || overshadowed(e) {
            continue;
        }
        let s = score(e, m, focus, qualifier);
        if best.is_none_or(|(b, bs)| s > bs || (s == bs && e.geonames_id < b.geonames_id)) {
            best = Some((e, s));
        }
    }
    best
}

/// "Athens, Georgia": the place and its qualifier are read together, as the pair in which
/// the qualifier (a country or first-level division) contains the place. Returns both
/// readings, or None when no reading of the qualifier contains any reading of the place.
fn best_pair<'g>(
    cands: &[&'g GazEntry],
    m: &Mention,
    q_cands: &[&'g GazEntry],
    q_mention: &Mention,
    focus: &Focus,
) -> Option<(&'g GazEntry, &'g GazEntry)> {
    let mut out: Option<(&GazEntry, &GazEntry, f64)> = None;
    for &q in q_cands
        .iter()
        .filter(|q| q.is_country() || q.feature_code == "ADM1")
    {
        if !cands
            .iter()
            .any(|e| contains(q, e) && e.geonames_id != q.geonames_id)
        {
            continue;
        }
        let Some((e, s)) = best(cands, m, focus, Some(q)) else {
            continue;
        };
        if !contains(q, e) {
            continue;
        }
        // The qualifier's own plausibility breaks ties between containing readings.
        let s = s + 0.25 * score(q, q_mention, focus, None);
        if out.is_none_or(|(_, _, bs)| s > bs) {
            out = Some((e, q, s));
        }
    }
    out.map(|(e, q, _)| (e, q))
}

fn to_place(text: &str, e: &GazEntry, start: usize, end: usize) -> Place {
    Place {
        text: text.to_string(),
        name: e.name.to_string(),
        country: e.country.to_string(),
        admin1: e.admin1_name.map(str::to_string),
        lat: e.lat,
        lon: e.lon,
        geonames_id: e.geonames_id,
        feature: e.feature(),
        start,
        end,
    }
}

/// Every place mentioned in the document, geocoded. `ctx.places` is empty when called.
pub fn extract(ctx: &DocContext) -> Vec<Place> {
    let gaz = &ctx.kb.gazetteer;
    let (_, firm) = recognise(ctx, gaz, &Firm::new());
    let (mentions, _) = recognise(ctx, gaz, &firm);
    let cands: Vec<Vec<&GazEntry>> = mentions.iter().map(|m| gaz.lookup(&m.key)).collect();

    // Focus from explicit country names, demonyms, actors and the dateline.
    let mut focus = Focus::default();
    for (m, c) in mentions.iter().zip(&cands) {
        if let Some(e) = c.iter().find(|e| e.is_country()) {
            focus.add_country(e.country, 1.0, Some(&m.key));
        }
    }
    for t in &ctx.text.tokens {
        if is_capitalised(t) {
            if let Some(cc) = gaz.demonym_country(&t.text) {
                focus.add_country(cc, 0.5, None);
            }
        }
    }
    // Generic agents ("teachers", "Russian forces") and references get their country from
    // a demonym already counted above or from the text's own places: not new evidence
    // (29 "teachers" coded GEO must not make "Georgia" the country in a Georgia, US text).
    for a in ctx
        .actors
        .iter()
        .filter(|a| !matches!(a.kind, ActorKind::Agent | ActorKind::Reference))
    {
        if let Some(cc) = a.country.as_deref().and_then(|c| gaz.alpha2_of(c)) {
            // An actor read from a place name ("Paris" as the French government) is that
            // name's evidence, not independent context.
            // So is one read from the same name where it is no mention of its own ("Dublin
            // Arts Council" beside "in Dublin").
            let own_key = normalize(&a.text);
            let from = mentions
                .iter()
                .find(|m| m.start < a.end && a.start < m.end)
                .or_else(|| mentions.iter().find(|m| m.key == own_key))
                .map(|m| m.key.as_str());
            focus.add_country(cc, 0.5, from);
        }
    }
    let dateline = resolve_dateline(ctx);
    if let Some(d) = &dateline {
        if let Some(cc) = gaz.country(&d.country).map(|c| c.country) {
            focus.add_country(cc, 2.0, None);
        }
        focus.anchors.push((d.lat, d.lon, None));
    }

    // Pass 1: resolve, and let confident non-country resolutions add to the focus.
    let mut first: Vec<Option<&GazEntry>> = Vec::with_capacity(mentions.len());
    for (m, c) in mentions.iter().zip(&cands) {
        first.push(best(c, m, &focus, None).map(|(e, _)| e));
    }
    // "Athens, Georgia": qualified pairs are read together, and are confident.
    let mut pairs: Vec<Option<&GazEntry>> = vec![None; mentions.len()];
    let mut forced: Vec<Option<&GazEntry>> = vec![None; mentions.len()];
    for (idx, (m, c)) in mentions.iter().zip(&cands).enumerate() {
        let Some(qi) = m.qualifier else { continue };
        let (Some(qm), Some(qc)) = (mentions.get(qi), cands.get(qi)) else {
            continue;
        };
        if let Some((e, q)) = best_pair(c, m, qc, qm, &focus) {
            pairs[idx] = Some(q);
            forced[idx] = Some(e);
            if let Some(slot) = forced.get_mut(qi) {
                slot.get_or_insert(q);
            }
        }
    }
    // "Michigan, Oregon, New York and Ohio": a name listed with a first-level division
    // is its country's division of that name, not a town (New York City); only under
    // the division's own name (not "Jerusalem" for the West Bank).
    let tokens = &ctx.text.tokens;
    let list_gap = |a: &Mention, b: &Mention| {
        let gap = tokens.get(a.tok_end..b.tok_start).unwrap_or(&[]);
        !gap.is_empty()
            && gap.len() <= 2
            && gap
                .iter()
                .all(|t| matches!(t.text.as_str(), "," | "and" | "or"))
    };
    for idx in 0..mentions.len() {
        if forced[idx].is_some() {
            continue;
        }
        let m = &mentions[idx];
        let neighbours = [idx.checked_sub(1), Some(idx + 1)];
        let division_country = neighbours.iter().flatten().find_map(|&o| {
            let om = mentions.get(o)?;
            let listed = if o < idx {
                list_gap(om, m)
            } else {
                list_gap(m, om)
            };
            let pick = forced[o].or(first[o])?;
            (listed && pick.feature_code == "ADM1" && !om.metonym).then_some(pick.country)
        });
        if let Some(cc) = division_country {
            forced[idx] = cands[idx]
                .iter()
                .find(|e| e.feature_code == "ADM1" && e.country == cc && normalize(e.name) == m.key)
                .copied();
        }
    }
    let mut focus2 = focus.clone();
    for (idx, ((m, e), c)) in mentions.iter().zip(&first).zip(&cands).enumerate() {
        let Some(e) = forced[idx].or(*e) else {
            continue;
        };
        if e.is_country() || m.metonym {
            continue;
        }
        let unambiguous = c.len() == 1
            || e.feature_code == "ADM1"
            || e.feature_code == "ADM2"
            || e.population >= 500_000
            || forced[idx].is_some();
        if unambiguous {
            focus2.add_reading(e, &m.key, 0.5, 1.0);
        }
    }

    // Two names with readings a few kilometres apart ("Edmonton" and "Enfield", both in
    // north London) most likely mean those readings, whatever the fame of their namesakes
    // (Edmonton, Alberta): each reading becomes context for the other. Only when that
    // pair is the one close pair of the two names, so that two common names ("Franklin",
    // "Springfield") do not meet by chance.
    let mut seen_keys: HashSet<&str> = HashSet::new();
    let open: Vec<usize> = (0..mentions.len())
        .filter(|&i| {
            forced[i].is_none()
                && !mentions[i].metonym
                && seen_keys.insert(mentions[i].key.as_str())
        })
        .collect();
    // Not the villages and counties named after a country, state or region ("Russia",
    // Ohio; "Ohio County"; "Atlantic"), which [`best`] does not pick unqualified either.
    let towns = |i: usize| {
        let key = mentions[i].key.as_str();
        let territory = cands[i]
            .iter()
            .any(|e| e.is_country() || e.feature_code == "ADM1");
        let notable = cands[i]
            .iter()
            .any(|e| !matches!(e.feature_class, "A" | "P"));
        cands[i]
            .iter()
            .copied()
            .filter(|e| e.feature_class == "P" || e.feature_code == "ADM2")
            .filter(move |e| {
                let small = |n: u64| e.feature_class == "P" && e.population < n;
                !((territory
                    && (small(10_000) || (e.feature_code == "ADM2" && normalize(e.name) != key)))
                    || (notable && small(100_000)))
            })
            .take(NEIGHBOUR_CANDIDATES)
    };
    for (n, &a) in open.iter().enumerate() {
        for &b in &open[n + 1..] {
            if cands[a].len() < 2 && cands[b].len() < 2 {
                continue;
            }
            let mut close = towns(a).flat_map(|ea| {
                towns(b).filter_map(move |eb| {
                    (ea.geonames_id != eb.geonames_id
                        && distance_km(ea.lat, ea.lon, eb.lat, eb.lon) < NEIGHBOUR_KM)
                        .then_some((ea, eb))
                })
            });
            let (Some((ea, eb)), None) = (close.next(), close.next()) else {
                continue;
            };
            // One of them at least under its own name, not only an alternate one.
            let own_name = |e: &GazEntry, i: usize| normalize(e.name) == mentions[i].key;
            if !own_name(ea, a) && !own_name(eb, b) {
                continue;
            }
            focus2
                .anchors
                .push((ea.lat, ea.lon, Some(mentions[a].key.as_str())));
            focus2
                .anchors
                .push((eb.lat, eb.lon, Some(mentions[b].key.as_str())));
        }
    }

    // Pass 2 with qualifiers and the wider focus.
    let qualifiers: Vec<Option<&GazEntry>> = mentions
        .iter()
        .enumerate()
        .map(|(idx, m)| {
            pairs[idx].or_else(|| {
                m.qualifier
                    .and_then(|q| forced.get(q).copied().flatten().or(first[q]))
                    .filter(|q| q.is_country() || q.feature_code == "ADM1")
            })
        })
        .collect();
    let second: Vec<Option<&GazEntry>> = mentions
        .iter()
        .zip(&cands)
        .enumerate()
        .map(|(idx, (m, c))| {
            forced[idx].or_else(|| best(c, m, &focus2, qualifiers[idx]).map(|(e, _)| e))
        })
        .collect();

    // Pass 3: every name's pass-2 reading is context for the others (same-state towns and
    // counties pull each other together); a name's own readings are left out.
    let mut focus3 = focus2.clone();
    for (m, e) in mentions.iter().zip(&second) {
        let Some(e) = e else { continue };
        if e.is_country() || m.metonym {
            continue;
        }
        focus3.add_reading(e, &m.key, 0.0, 0.5);
    }
    // A name qualified once ("Paris, Texas") keeps that reading everywhere in the text.
    let mut chosen: HashMap<&str, &GazEntry> = HashMap::new();
    for (idx, m) in mentions.iter().enumerate() {
        if let (Some(e), Some(_)) = (forced[idx], qualifiers[idx]) {
            chosen.entry(m.key.as_str()).or_insert(e);
        }
    }
    let mut picks: Vec<Option<&GazEntry>> = Vec::with_capacity(mentions.len());
    for (idx, (m, c)) in mentions.iter().zip(&cands).enumerate() {
        let qualifier = qualifiers[idx];
        let pick = match (forced[idx], qualifier, chosen.get(m.key.as_str())) {
            (Some(e), _, _) => Some(e),
            (None, None, Some(&e)) => Some(e),
            _ if c.len() <= 1 => c.first().copied(),
            _ => best(c, m, &focus3, qualifier).map(|(e, _)| e),
        };
        if let Some(e) = pick.filter(|_| !m.metonym) {
            chosen.entry(m.key.as_str()).or_insert(e);
        }
        picks.push(pick);
    }
    // A capital acting for its government stays an actor, unless the text names a town
    // of that name elsewhere as a place and this reading is that town ("Athens has had
    // few contested races" in a story about Athens, Georgia).
    let same_town_elsewhere = |key: &str, e: &GazEntry| {
        !(e.is_country() || matches!(e.feature_code, "PPLC" | "ADM1"))
            && mentions
                .iter()
                .zip(&picks)
                .any(|(o, p)| !o.metonym && o.key == key && p.is_some_and(|p| std::ptr::eq(p, e)))
    };
    let mut places = Vec::with_capacity(mentions.len());
    for (m, pick) in mentions.iter().zip(&picks) {
        let Some(e) = *pick else { continue };
        // Only a seat of power acts: read in context as a town that is no capital
        // ("Dublin's boards" in a story about Dublin, Ohio), the name is that town.
        let seat = e.is_country() || matches!(e.feature_code, "PPLC" | "ADM1");
        if m.metonym && seat && !same_town_elsewhere(&m.key, e) {
            continue;
        }
        places.push(to_place(&m.text, e, m.start, m.end));
    }
    let places = add_streets(ctx, places, dateline.as_ref());
    add_unlisted_settlements(ctx, places, dateline.as_ref())
}

/// Neighbouring readings ([`extract`]): how close, and how many readings of each name
/// are compared.
const NEIGHBOUR_KM: f64 = 30.0;
const NEIGHBOUR_CANDIDATES: usize = 40;

/// Nouns for a settlement or a district before "of" ("the village of Nagrig").
const SETTLEMENT_NOUNS: &[&str] = &[
    "village",
    "villages",
    "town",
    "towns",
    "township",
    "city",
    "suburb",
    "suburbs",
    "hamlet",
    "settlement",
    "neighbourhood",
    "neighborhood",
    "district",
    "districts",
    "municipality",
    "commune",
    "parish",
];

/// `places` with the settlements the gazetteer lacks: a GPE entity of the language model
/// that the text itself also puts on the map, after a locative preposition ("in
/// Khayelitsha"), a settlement noun ("the village of Nagrig"), in a list with such a name
/// ("the villages of Foua and Kfraya"), or before a ", Place" qualifier ("Greenlane,
/// Auckland"). Each is located at its qualifier, else at the town, dateline or state the
/// text places it in, as streets are ([`street_town`]); GeoNames id 0, feature `P.PPL`.
fn add_unlisted_settlements(
    ctx: &DocContext,
    places: Vec<Place>,
    dateline: Option<&Place>,
) -> Vec<Place> {
    let tokens = &ctx.text.tokens;
    let body = ctx.doc.body.as_str();
    let gaz = &ctx.kb.gazetteer;
    let mut out = places.clone();
    // End token of the last unlisted settlement accepted, for lists.
    let mut last_end: Option<usize> = None;
    for e in ctx.text.entities.iter().filter(|e| e.label == "GPE") {
        let (a, b) = (e.token_start, e.token_end);
        if b <= a || b - a > 3 || b > tokens.len() || a == 0 {
            continue;
        }
        let span = &tokens[a..b];
        let name_word = |t: &Token| {
            is_capitalised(t)
                && !is_all_caps(t)
                && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        if !name_word(&span[0]) || !name_word(&span[b - a - 1]) {
            continue;
        }
        if span.iter().any(|t| !name_word(t) && !is_connector(t)) {
            continue;
        }
        let (first, last) = (&span[0], &span[b - a - 1]);
        let Some(text) = body.get(first.byte_start..last.byte_end) else {
            continue;
        };
        let key = normalize(text);
        if key.len() < 3
            || gaz.contains(text)
            || gaz.demonym_country(text).is_some()
            || NEVER.contains(key.as_str())
            || ADJECTIVES.contains(key.as_str())
            || gaz.is_common_word(&key)
        {
            continue;
        }
        let (start, end) = (first.start, last.end);
        if places.iter().any(|p| p.start < end && start < p.end) {
            continue;
        }
        // An owner ("in Modi's name", "outside Chaudhry's home") or a word of a person's
        // name in the text ("in Oleksiak" beside "Penny Oleksiak") is no settlement.
        let person = |t: &Token| {
            ctx.text.entities.iter().any(|p| {
                p.label == "PERSON"
                    && p.token_end >= p.token_start + 2
                    && tokens
                        .get(p.token_start..p.token_end.min(tokens.len()))
                        .is_some_and(|w| w.iter().any(|w| w.text == t.text))
            })
        };
        let actor = ctx.actors.iter().any(|m| {
            matches!(
                m.kind,
                ActorKind::Person | ActorKind::Igo | ActorKind::Ngo | ActorKind::Group
            ) && m.token_start < b
                && a < m.token_end
        });
        if tokens.get(b).is_some_and(is_possessive) || actor || span.iter().any(person) {
            continue;
        }
        let prev = lower(&tokens[a - 1]);
        let prev2 = a
            .checked_sub(2)
            .and_then(|k| tokens.get(k))
            .map(lower)
            .unwrap_or_default();
        let qualifier = tokens
            .get(b)
            .filter(|t| t.text == ",")
            .and_then(|_| tokens.get(b + 1))
            .and_then(|q| {
                places
                    .iter()
                    .find(|p| p.start == q.start && p.geonames_id != 0)
            });
        let cued = matches!(&*prev, "in" | "near" | "outside")
            || (prev == "of" && SETTLEMENT_NOUNS.contains(&&*prev2))
            || (matches!(&*prev, "and" | ",") && last_end == Some(a - 1));
        // (Not "according to Bruschke, China is ...": a qualifier needs no person's cue.)
        let addressed = matches!(&*prev, "to" | "by" | "said" | "says" | "told" | "\"" | "“");
        if !cued && (qualifier.is_none() || addressed) {
            continue;
        }
        let sentence = sentence_span(ctx, a).unwrap_or((start, end));
        let Some(at) = qualifier
            .cloned()
            .or_else(|| street_town(&places, dateline, sentence, start))
        else {
            continue;
        };
        last_end = Some(b);
        out.push(Place {
            name: text.to_string(),
            text: text.to_string(),
            geonames_id: 0,
            feature: "P.PPL".to_string(),
            start,
            end,
            ..at
        });
    }
    out.sort_by_key(|p| (p.start, p.end));
    out
}

/// Character span of the sentence holding token `a`.
fn sentence_span(ctx: &DocContext, a: usize) -> Option<(usize, usize)> {
    ctx.text
        .sentences
        .iter()
        .find(|s| s.token_start <= a && a < s.token_end)
        .map(|s| (s.start, s.end))
}

/// `places` with the text's streets added, located at their towns ([`streets`]); a town
/// name inside a street's name ("Washington Drive") is that street, not the town.
fn add_streets(ctx: &DocContext, places: Vec<Place>, dateline: Option<&Place>) -> Vec<Place> {
    let found = streets(ctx);
    if found.is_empty() {
        return places;
    }
    // A natural feature the gazetteer already knows, whole or as a longer name, is its.
    let known =
        |s: &Street| s.natural && places.iter().any(|p| p.start <= s.start && s.end <= p.end);
    let found: Vec<Street> = found.into_iter().filter(|s| !known(s)).collect();
    let inside = |p: &Place| found.iter().any(|s| p.start < s.end && s.start < p.end);
    let towns: Vec<Place> = places.iter().filter(|p| !inside(p)).cloned().collect();
    let mut out = towns.clone();
    for Street {
        tok_start: a,
        start,
        end,
        text,
        natural,
        ..
    } in found
    {
        let sentence = sentence_span(ctx, a).unwrap_or((start, end));
        let Some(town) = street_town(&towns, dateline, sentence, start) else {
            continue;
        };
        out.push(Place {
            name: text.clone(),
            text,
            geonames_id: 0,
            // GeoNames codes: a street, or a spot feature of unknown kind.
            feature: if natural { "L.AREA" } else { "R.ST" }.to_string(),
            start,
            end,
            ..town
        });
    }
    out.sort_by_key(|p| (p.start, p.end));
    out
}

/// A street named in the text ([`streets`]).
#[derive(Debug, Clone)]
struct Street {
    tok_start: usize,
    tok_end: usize,
    start: usize,
    end: usize,
    text: String,
    /// A lake, river, park or mountain rather than a street: the gazetteer may know it.
    natural: bool,
}

/// Words after a name that make it a natural feature or park the gazetteer may lack
/// ("Flat Creek", "Neches River", "Shawnee Park", "Zion National Park").
const FEATURE_TYPES: &[&str] = &[
    "river",
    "creek",
    "lake",
    "lakes",
    "island",
    "mountains",
    "falls",
    "canyon",
    "bay",
];

/// Feature words that also end people's and firms' names ("Lauryn Hill", "Jurassic Park"):
/// a feature only after a locative cue.
const WEAK_FEATURE_TYPES: &[&str] = &[
    "park", "hill", "hills", "beach", "forest", "mountain", "springs", "pond",
];

/// Words of travel or origin before "to" or "from" that make the next name a place even
/// when the language model reads a person ("drove to Lanexa", "a woman from Lancaster").
const MOTION_WORDS: &[&str] = &[
    "drove",
    "drive",
    "driving",
    "driven",
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "travel",
    "moved",
    "move",
    "moving",
    "flew",
    "fly",
    "flying",
    "flown",
    "headed",
    "heading",
    "head",
    "returned",
    "return",
    "returning",
    "trip",
    "trips",
    "journey",
    "relocated",
    "came",
    "come",
    "comes",
    "coming",
    "walked",
    "sailed",
    "commute",
    "commuted",
    "miles",
    "kilometers",
    "kilometres",
    "km",
    "woman",
    "man",
    "family",
    "resident",
    "residents",
    "native",
    "evacuated",
    "fled",
    "arrived",
    "bound",
    "road",
    "route",
];

/// Words before a name that make it a natural feature ("Lake Lanier", "Mount Hood").
const FEATURE_PREFIXES: &[&str] = &["lake", "mount", "mt"];

/// Lower-case-able words inside a park's or forest's name ("Zion National Park").
const FEATURE_NAME_WORDS: &[&str] = &["national", "state", "memorial", "historic"];

/// Street-type words that make the capitalised words before them a street's name anywhere
/// ("Darby Street", "Green Oaks Boulevard", "Main St."), with their abbreviations.
const STREET_TYPES: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "drive",
    "parkway",
    "pkwy",
    "pike",
    "square",
];

/// Street-type words that are also common in other names ("Nathan Lane", "Milky Way",
/// "Downing Place"): a street only after an address cue ("on", "block of", a house number)
/// (the model's entities are no help: it calls "the United Way" a place).
const WEAK_STREET_TYPES: &[&str] = &["lane", "ln", "way", "place", "circle", "terrace", "trail"];

/// Streets that stand for an industry or a government, not a location.
const METONYM_STREETS: &[&str] = &["wall street", "downing street", "fleet street"];

/// Compass words that may follow a street's type ("Eglinton Avenue West").
const STREET_DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "ne", "nw", "se", "sw", "n", "s", "e", "w",
];

/// Whether token `t` is one word of a street's name: capitalised (not a title or a
/// word that never names a place) or an ordinal ("22nd", "Third").
fn street_name_word(t: &Token) -> bool {
    let l = lower(t);
    let bare = l.trim_end_matches('.');
    if t.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return ["st", "nd", "rd", "th"].iter().any(|s| {
            l.strip_suffix(s)
                .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
        });
    }
    // Streets are named after monarchs and saints ("King Edward Street", "Queen Street").
    let royal = matches!(
        bare,
        "king" | "queen" | "prince" | "princess" | "saint" | "st" | "duke"
    );
    is_capitalised(t)
        && t.text.chars().any(char::is_alphabetic)
        && (royal || !TITLES.contains(bare))
        && !matches!(
            bare,
            "the" | "a" | "an" | "on" | "at" | "in" | "of" | "and" | "or"
        )
        && (royal || !NEVER.contains(bare) || PLACE_PREFIX.contains(&bare))
}

/// Streets named in the text ("2400 block of Gillis Street", "on Main St."): the gazetteer
/// has no streets, but they are toponyms, and local news places its events on them. Each is located at the town it lies in, read from the
/// text: the nearest town named after it in the same sentence ("Atlantic Avenue in Garden
/// City"), else the nearest town or county before it, else the first town of the text,
/// else the dateline, else the nearest state or province before it. A street with none of
/// these is left out (it has no coordinates).
/// Returns the streets in text order.
fn streets(ctx: &DocContext) -> Vec<Street> {
    let tokens = &ctx.text.tokens;
    let sentence_starts: HashSet<usize> =
        ctx.text.sentences.iter().map(|s| s.token_start).collect();
    let ner = Ner::new(ctx);
    let mut out: Vec<Street> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        let l = lower(t);
        let bare = l.trim_end_matches('.');
        let feature_strong = FEATURE_TYPES.contains(&bare);
        let feature_weak = WEAK_FEATURE_TYPES.contains(&bare);
        let natural = feature_strong || feature_weak;
        let kind_strong = STREET_TYPES.contains(&bare) || feature_strong;
        let kind_weak = WEAK_STREET_TYPES.contains(&bare) || feature_weak;
        // "Lake Lanier", "Mount Hood": one name after the word ("Mount St. Helens": two),
        // then no more ("Mount Vernon Chamber" is a firm); not after a name ("Laurel Lake
        // Cleanup").
        let after_name = k
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| is_capitalised(p) && !sentence_starts.contains(&k));
        if is_capitalised(t) && FEATURE_PREFIXES.contains(&bare) && !after_name {
            let mut b = k + 1;
            if bare == "mt"
                && !t.text.ends_with('.')
                && tokens.get(b).is_some_and(|d| d.text == ".")
            {
                b += 1;
            }
            let first = b;
            let saint = tokens
                .get(b)
                .is_some_and(|d| matches!(d.text.as_str(), "St." | "St"));
            let words = if saint { 2 } else { 1 };
            while b < tokens.len()
                && b - first < words
                && street_name_word(&tokens[b])
                && is_capitalised(&tokens[b])
            {
                b += 1;
            }
            let next_cap = tokens
                .get(b)
                .is_some_and(|n| is_capitalised(n) && !sentence_starts.contains(&b));
            if b > first && !next_cap {
                if let (Some(last), Some(text)) = (
                    tokens.get(b - 1),
                    tokens
                        .get(b - 1)
                        .and_then(|l| ctx.doc.body.get(t.byte_start..l.byte_end)),
                ) {
                    out.push(Street {
                        tok_start: k,
                        tok_end: b,
                        start: t.start,
                        end: last.end,
                        text: text.to_string(),
                        natural: true,
                    });
                    k = b;
                    continue;
                }
            }
        }
        if !is_capitalised(t) || !(kind_strong || kind_weak) {
            k += 1;
            continue;
        }
        let (mut a, mut b) = (k, k + 1);
        // "St" split from its period: the period belongs to the abbreviation.
        let abbreviated = matches!(bare, "st" | "ave" | "rd" | "blvd" | "ln" | "pkwy");
        while a > 0 && k - a < 4 {
            let w = &tokens[a - 1];
            let inner =
                natural && a < k && is_capitalised(w) && FEATURE_NAME_WORDS.contains(&&*lower(w));
            if !street_name_word(w) && !inner {
                break;
            }
            a -= 1;
        }
        if a == k {
            k += 1;
            continue;
        }
        let end_tok = &tokens[b - 1];
        let mut byte_end = end_tok.byte_end;
        let mut end = end_tok.end;
        if abbreviated && !end_tok.text.ends_with('.') {
            if let Some(dot) = tokens.get(b).filter(|d| d.text == "." && d.start == end) {
                byte_end = dot.byte_end;
                end = dot.end;
                b += 1;
            }
        }
        // "Eglinton Avenue West", "22nd St. North".
        if let Some(d) = tokens.get(b) {
            if is_capitalised(d)
                && STREET_DIRECTIONS.contains(&lower(d).trim_end_matches('.'))
                && !tokens.get(b + 1).is_some_and(is_capitalised)
            {
                byte_end = d.byte_end;
                end = d.end;
                b += 1;
            }
        }
        let Some(text) = ctx.doc.body.get(tokens[a].byte_start..byte_end) else {
            k += 1;
            continue;
        };
        // A longer name goes on ("Madison Square Garden", "Wall Street Journal", "Mount
        // St. Helens"), unless a new sentence starts ("... Main St. Lanier said").
        let longer = tokens
            .get(b)
            .is_some_and(|n| is_capitalised(n) && !sentence_starts.contains(&b));
        if longer {
            k += 1;
            continue;
        }
        let key = normalize(text);
        let prev_l = a
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .map(lower)
            .unwrap_or_default();
        // A street's cue is an address ("on", "block of", a house number); a feature's, a
        // locative word other than "of" ("the songs of Lauryn Hill").
        let address_cue = if natural {
            LOCATIVE.contains(&prev_l) && prev_l != "of"
        } else {
            matches!(&*prev_l, "on" | "of" | "off" | "onto" | "at" | "in")
                || a.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|p| p.text.chars().all(|c| c.is_ascii_digit() || c == '-'))
        };
        // "Lauryn Hill", "of Juantissa Hill": a person's name, whatever the cue.
        let person = ner.says(a, b) == NerSays::Person;
        let ok = !METONYM_STREETS.contains(&key.as_str())
            && !NEVER_PHRASES.contains(&key.as_str())
            && (kind_strong || address_cue)
            && !(natural && person);
        if ok {
            out.push(Street {
                tok_start: a,
                tok_end: b,
                start: tokens[a].start,
                end,
                text: text.to_string(),
                natural,
            });
            k = b;
        } else {
            k += 1;
        }
    }
    out
}

/// The place a street lies in (see [`streets`]): a town or county of `places`.
fn street_town(
    places: &[Place],
    dateline: Option<&Place>,
    sentence: (usize, usize),
    start: usize,
) -> Option<Place> {
    let local =
        |p: &&Place| p.feature.starts_with("P.") || p.feature == "A.ADM2" || p.feature == "A.ADM3";
    places
        .iter()
        .filter(local)
        .filter(|p| p.start > start && p.end <= sentence.1)
        .min_by_key(|p| p.start)
        .or_else(|| {
            places
                .iter()
                .filter(local)
                .filter(|p| p.end <= start)
                .max_by_key(|p| p.start)
        })
        .or_else(|| places.iter().find(local))
        .or(dateline)
        // Only a state or province in view ("Pingle Drive" in an Oxfordshire story that
        // names no town the gazetteer has): its division is the best the text says.
        .or_else(|| {
            places
                .iter()
                .filter(|p| p.feature == "A.ADM1")
                .filter(|p| p.end <= start)
                .max_by_key(|p| p.start)
        })
        .cloned()
}

/// The place named in the dateline ("TEHRAN"), resolved without text context: the most
/// prominent entry of that name. Its offsets are 0..0 (the dateline is not in the body).
pub fn resolve_dateline(ctx: &DocContext) -> Option<Place> {
    let raw = ctx.doc.dateline_place.as_deref()?.trim();
    // "BEIRUT, Lebanon" / "Alexandria, Va.": the first part is the place.
    let (name, qual) = match raw.split_once(',') {
        Some((n, q)) => (n.trim(), Some(q.trim())),
        None => (raw, None),
    };
    let gaz = &ctx.kb.gazetteer;
    let cands = gaz.lookup(name);
    let qual_entry = qual.and_then(|q| {
        gaz.lookup(q)
            .into_iter()
            .find(|e| e.is_country() || e.feature_code == "ADM1")
    });
    let m = Mention {
        tok_start: 0,
        tok_end: 0,
        start: 0,
        end: 0,
        text: raw.to_string(),
        key: normalize(name),
        admin_suffix: false,
        division_word: false,
        qualifier: None,
        metonym: false,
    };
    // Datelines name cities: favour populated places over same-named divisions.
    let cities: Vec<&GazEntry> = cands
        .iter()
        .copied()
        .filter(|e| e.feature_class == "P")
        .collect();
    let pool = if cities.is_empty() { &cands } else { &cities };
    let (e, _) = best(pool, &m, &Focus::default(), qual_entry)?;
    Some(to_place(raw, e, 0, 0))
}

/// The place of sentence `sentence`: the first non-country place in it, else its first
/// country, else None. Callers fall back to [`resolve_dateline`].
pub fn place_for_sentence<'a>(ctx: &'a DocContext, sentence: usize) -> Option<&'a Place> {
    let s = ctx.text.sentences.get(sentence)?;
    let inside: Vec<&Place> = ctx
        .places
        .iter()
        .filter(|p| p.start >= s.start && p.end <= s.end)
        .collect();
    inside
        .iter()
        .find(|p| !p.feature.starts_with("A.PCL"))
        .or_else(|| inside.first())
        .copied()
}

/// The place in sentence `sentence` nearest to char offset `pos` (e.g. the event verb),
/// preferring places after a locative cue by taking the closest one; countries count only
/// when nothing finer is in the sentence.
pub fn place_near<'a>(
    ctx: &'a DocContext,
    sentence: usize,
    pos: usize,
    actors: &[(usize, usize)],
) -> Option<&'a Place> {
    let s = ctx.text.sentences.get(sentence)?;
    // A country or city that is the event's own source or target ("air strikes by Russia
    // on ...") is not where the event happened.
    let inside: Vec<&Place> = ctx
        .places
        .iter()
        .filter(|p| p.start >= s.start && p.end <= s.end)
        .filter(|p| !actors.iter().any(|&(a, b)| p.start < b && a < p.end))
        .collect();
    let dist = |p: &Place| p.start.abs_diff(pos).min(p.end.abs_diff(pos));
    inside
        .iter()
        .filter(|p| !p.feature.starts_with("A.PCL"))
        .min_by_key(|p| dist(p))
        .or_else(|| inside.iter().min_by_key(|p| dist(p)))
        .copied()
}

#[cfg(test)]
mod tests;
