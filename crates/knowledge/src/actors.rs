//! Actor dictionaries and the matcher that finds actor mentions in tokens.
//!
//! Phrases (countries, capitals used as metonyms, sector agents, people, IGOs, NGOs, armed
//! groups, and places used only to locate agents) live in one word trie
//! ([`matcher::Trie`]). [`ActorDictionary::find_mentions`] runs in three steps:
//! 1. leftmost-longest phrase matching over each sentence's keys;
//! 2. resolution of each hit: people get the code of their tenure on the document date,
//!    surnames are resolved against people already named in the document;
//! 3. composition: "<country> <agents> [<person>]", "<country>'s <agent>",
//!    "<agent> of <country>", "<agent> in <place>" become one mention whose code is the
//!    country followed by the agents' sectors in CAMEO order ("RUSGOVMIL").
//!
//! Agents that no country reaches ("government troops", "rebels") get the document's
//! *focus country*: the country most often named in the document before the mention (ties:
//! the most recently named), or, when none has been named yet, the most named in the whole
//! document; when no actor names a country, the country of the places named ("police in
//! Chicago"). We chose this over CAMEO's "---" placeholder because wire stories about one
//! conflict use bare agents for that conflict's state; "---" remains the code when the
//! document names no country at all.

pub(crate) mod data;
pub(crate) mod matcher;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use wirecoder_core::{ActorKind, ActorMention, TextAnalysis, Token};

use crate::petrarch::{self, DatedCode, Phrase};
use crate::KnowledgeError;
use matcher::{keys_of, phrase_keys, Key, Trie};

/// CAMEO order of sector codes inside a combined code (GOV before MIL, ...).
const SECTOR_ORDER: &[&str] = &[
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "UAF", "IGO", "NGO", "ELI",
    "BUS", "MED", "EDU", "HLH", "REL", "LAB", "AGR", "ENV", "HRI", "DEV", "CRM", "REF", "CVL",
];

/// Words after which a capital names a place, not a government ("talks in Tehran").
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "outside", "around", "inside", "across", "into", "toward", "towards",
];

/// Words that link an agent to the place where it acts ("rebels in Aleppo").
const AGENT_PLACE_LINK: &[&str] = &["in", "around", "near", "inside", "across", "from"];

/// Last words of agent phrases that name one person, so a following capitalised name
/// belongs to the mention ("Defense Minister General Hossein Dehghan").
const TITLE_WORDS: &[&str] = &[
    "minister",
    "president",
    "general",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "commander",
    "leader",
    "king",
    "queen",
    "emir",
    "prince",
    "governor",
    "mayor",
    "colonel",
    "admiral",
    "judge",
    "prosecutor",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "official",
    "diplomat",
    "chief",
    "marshal",
    "sultan",
    "cleric",
    "ayatollah",
    "imam",
    "activist",
    "journalist",
    "negotiator",
    "lieutenant",
    "major",
    "captain",
    "sheikh",
    "mp",
];

/// Articles that prefix Arabic surnames: "al-Assad" is also called "Assad".
const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "ul"];

/// Surnames that are also everyday capitalised words (months, sentence-initial nouns) or
/// common first names ("Fernando Alonso" is not Tyronne Fernando): never automatic aliases,
/// the full name is needed ("Theresa May", not "May").
const COMMON_WORD_SURNAMES: &[&str] = &[
    "may", "march", "april", "june", "august", "long", "young", "white", "black", "green",
    "little", "rice", "hope", "will", "mark", "rose", "price", "page", "king", "lord", "love",
    "power", "grant", "rule", "law", "chance", "case", "hunt", "fox", "hall", "wood", "stone",
    "street", "field", "banks", "cook", "walker", "baker", "hill", "ward", "khan", "singh", "wang",
    "li", "zhang", "liu", "chen", "kim", "lee", "park", "ali", "hassan", "hussein", "mohammed",
    "ahmed", "said", "salam", "abbas", "martin", "jung", "sharif", "zia", "cohen", "katz",
    "johnson", "smith", "jones", "brown", "wallace", "reid", "howard", "paul", "joseph",
    "fernando", "pedro", "ramon", "alexis", "hamid", "ahmad", "amadou", "malik", "nouri", "rahman",
    "yousef", "youssef", "martinez", "perez", "murphy", "duncan", "torres", "rivera", "cruz",
    "gonzales", "filip", "lina", "siam", "ming", "win", "moro", "levi", "slim", "ghosn", "jean",
    "voltaire", "brega", "ling", "sheikh",
    // A Peruvian city, a word of Chinese and Korean names, an English noun, Ukraine's
    // parliament and a footballer: Ronaldo Puno, Hla Min, Natie Plea, Alfredo Rada and
    // Ibrahim Dahirou Dembele need their full names.
    "puno", "min", "plea", "rada", "dembele",
    // Demonym, first name and place-name parts ("the Arab League", "San Salvador") and
    // a film character: Hussein Arab, Alpha Barry, Maria Paula Romo, Maria Isabel
    // Salvador and Alain Yoda need their full names.
    "arab", "barry", "romo", "salvador", "yoda",
    // A common Chinese and Korean family name, a demonym ("Catalan independence"), first
    // names, a city, a brand and common Hispanic surnames: Alfredo Lim, Lisandro Catalan,
    // Alrich Nicolas, Carlos Saavedra Bruno, Freddy Padilla de Leon, Laurent Esso, Javier
    // Murillo de la Rocha and Mariano Gonzalez need their full names.
    "lim", "catalan", "nicolas", "bruno", "leon", "esso", "rocha", "gonzalez",
];

/// Nouns after which a capital names its city ("Paris attacks", "London mayor").
const PLACE_HEADS: &[&str] = &[
    "attack",
    "attacks",
    "attacker",
    "attackers",
    "bombing",
    "bombings",
    "mayor",
    "city",
    "area",
    "region",
    "airport",
    "residents",
    "resident",
    "metro",
    "subway",
    "marathon",
    "zoo",
    "hotel",
    "hotels",
    "university",
    "bureau",
    "streets",
    "street",
    "suburb",
    "suburbs",
    "neighbourhood",
    "neighborhood",
    "council",
    "correspondent",
    "stock",
    "exchange",
    "markets",
    "office",
    "offices",
    "station",
    "stations",
    "hospital",
    "hospitals",
    "port",
    "shooting",
    "shootings",
    "massacre",
    "riots",
    "underground",
    "landmark",
    "skyline",
    "agreement",
    "accord",
    "accords",
    "climate",
    "summit",
    "conference",
    "talks",
    "process",
    "format",
    "protocol",
    "declaration",
    "communique",
    "embassy",
    "consulate",
];

/// Nouns after which an agent word is a modifier, not an actor ("military campaign").
const NON_ACTOR_HEADS: &[&str] = &[
    "campaign",
    "campaigns",
    "support",
    "operation",
    "operations",
    "action",
    "actions",
    "aid",
    "base",
    "bases",
    "intervention",
    "exercise",
    "exercises",
    "cooperation",
    "spending",
    "budget",
    "equipment",
    "hardware",
    "assistance",
    "pressure",
    "presence",
    "buildup",
    "drills",
    "plan",
    "plans",
    "strategy",
    "efforts",
    "victory",
    "gains",
    "solution",
    "option",
    "ties",
    "relations",
    "policy",
    "policies",
    "capabilities",
    "activity",
    "activities",
    // Installations, vehicles and posts ("a police checkpoint", "army positions") are not
    // here: what is attacked there is the force that holds them.
    "control",
    "rule",
    "website",
    "sources",
    "source",
    "service",
    "services",
    "programme",
    "program",
    "role",
    "involvement",
    // "a new military offensive", "military might": the force's act or capacity, not it.
    "offensive",
    "offensives",
    "might",
    "escalation",
    "invasion",
    // "official contact", "official talks", "government meetings": attributive uses (a
    // "Defense Ministry statement" keeps its author).
    "contact",
    "contacts",
    "talks",
    "visit",
    "visits",
    "trip",
    "meeting",
    "meetings",
    "channel",
    "channels",
    "communication",
    "communications",
    "toll",
    "tally",
    "residence",
    "duties",
    "capacity",
    "status",
    "recognition",
    "ceremony",
    "language",
    "stance",
    // "firms receiving government bailouts", "government buses arrived": the state's
    // money and vehicles, not the state acting.
    "bailout",
    "bailouts",
    "funding",
    "money",
    "salary",
    "salaries",
    "subsidy",
    "subsidies",
    "grant",
    "grants",
    "contract",
    "contracts",
    "jobs",
    "bus",
    "buses",
    "trucks",
    "cars",
];

/// Words before "party" that make it a party in law or society.
const NON_POLITICAL_PARTY_WORDS: &[&str] = &[
    "third",
    "birthday",
    "dinner",
    "house",
    "tea",
    "garden",
    "search",
    "rescue",
    "working",
    "guilty",
    "injured",
    "aggrieved",
    "interested",
    "losing",
    "prevailing",
    "contracting",
];

const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    "the",
    "a",
    "an",
    "on",
    "in",
    "said",
    "says",
    "told",
    "and",
];

/// What a dictionary phrase stands for.
#[derive(Debug, Clone)]
enum Role {
    /// A country name or adjective; `Entry::code` is the alpha-3 code.
    Country,
    /// A place that only locates agents ("Aleppo"); never a mention itself.
    Place,
    /// A capital or seat of power ("Tehran" → IRNGOV).
    Metonym,
    /// A sector agent; `prefix` agents put their code before the country (TABARI `CODE~`).
    Agent { prefix: bool },
    /// An organisation or group with a fixed code.
    Fixed,
    /// People (or TABARI actors with dated codes) this phrase names; several when an alias
    /// is shared.
    People(Vec<u32>),
    /// An automatic surname alias: only resolved to a person already named in full in
    /// the document (or the only one of them in office on the document date).
    Surname(Vec<u32>),
}

#[derive(Debug, Clone)]
struct Entry {
    role: Role,
    code: String,
    country: Option<String>,
    sectors: Vec<String>,
    name: Option<String>,
    kind: ActorKind,
    /// Needs at least one capitalised token ("Chad", not "chad").
    proper: bool,
    /// A one-word all-capitals phrase ("UN", "US"): the text must be in capitals.
    caps_only: bool,
    /// Words (bit i = key i) of a multi-word name that the text must capitalise, as the
    /// dictionary does: "Russia Today" the channel, not "Russia today".
    caps_mask: u32,
}

#[derive(Debug, Clone)]
struct Person {
    name: String,
    kind: ActorKind,
    tenures: Vec<DatedCode>,
    /// Code outside every tenure.
    otherwise: Option<String>,
}

/// Whether a discard phrase drops its sentence or the whole story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardScope {
    Sentence,
    Story,
}

/// Sizes of the loaded actor dictionaries, for `wirecoder dict stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorStats {
    pub countries: usize,
    pub country_phrases: usize,
    pub metonyms: usize,
    pub agents: usize,
    pub people: usize,
    pub organizations: usize,
    pub places: usize,
    pub discards: usize,
    pub phrases: usize,
}

/// Every actor the coder can recognise.
#[derive(Debug)]
pub struct ActorDictionary {
    trie: Trie,
    entries: Vec<Entry>,
    people: Vec<Person>,
    /// alpha-3 → canonical country name.
    countries: BTreeMap<String, String>,
    discards: Trie,
    discard_scopes: Vec<DiscardScope>,
}

impl Default for ActorDictionary {
    fn default() -> Self {
        ActorDictionary {
            trie: Trie::new(),
            entries: Vec::new(),
            people: Vec::new(),
            countries: BTreeMap::new(),
            discards: Trie::new(),
            discard_scopes: Vec::new(),
        }
    }
}

/// A resolved dictionary hit inside one sentence.
#[derive(Debug, Clone)]
struct Atom {
    /// Key range `[ks, ke)` in the sentence's keys.
    ks: usize,
    ke: usize,
    role: AtomRole,
    code: String,
    country: Option<String>,
    sectors: Vec<String>,
    name: Option<String>,
    kind: ActorKind,
    /// Last word of an agent phrase is a personal title.
    title: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtomRole {
    Country,
    Place,
    Metonym,
    Agent { prefix: bool },
    Actor,
}

/// A mention before the focus country is filled in.
struct Pending {
    mention: ActorMention,
    /// Sectors waiting for a country (agents nothing else located).
    needs_focus: Option<(Vec<String>, bool)>,
    /// A place: counts towards the focus country but is not an actor mention.
    hidden: bool,
}

fn is_caps_word(p: &str) -> bool {
    !p.contains(char::is_whitespace)
        && p.chars().any(|c| c.is_alphabetic())
        && !p.chars().any(|c| c.is_lowercase())
        && p.chars().filter(|c| c.is_alphabetic()).count() <= 5
}

fn has_upper(p: &str) -> bool {
    p.chars().any(char::is_uppercase)
}

/// Sectors deduplicated and in CAMEO order (unknown ones last, in their given order).
fn order_sectors(sectors: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in sectors {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    // "paramilitary fighters", "militia fighters": armed men of an unaligned force are
    // that force, not rebels as well.
    if out.iter().any(|s| s == "UAF") {
        out.retain(|s| s != "REB");
    }
    out.sort_by_key(|s| {
        SECTOR_ORDER
            .iter()
            .position(|o| o == s)
            .unwrap_or(SECTOR_ORDER.len())
    });
    out
}

fn chunks3(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    chars.chunks(3).map(|c| c.iter().collect()).collect()
}

impl ActorDictionary {
    /// The built-in dictionaries.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        let mut d = ActorDictionary::default();
        // Later additions override earlier ones for the same phrase: places < capitals <
        // countries < agents < organisations < people.
        for (code, names) in data::cities()? {
            for n in names {
                d.add(&n, false, d.place_entry(&code), true);
            }
        }
        let countries = data::countries()?;
        for row in &countries {
            if let Some(n) = row.names.first() {
                d.countries.insert(row.code.clone(), n.clone());
            }
        }
        let (discards, bad) =
            petrarch::parse_discards(data::DISCARDS, Path::new("data/actors/discards.txt"));
        if let Some(e) = bad.into_iter().next() {
            return Err(e);
        }
        d.add_discards(discards);
        for row in data::orgs("metonyms.txt", data::METONYMS)? {
            d.add_org(row);
        }
        for row in countries {
            let entry = Entry {
                role: Role::Country,
                code: row.code.clone(),
                country: Some(row.code.clone()),
                sectors: Vec::new(),
                name: row.names.first().cloned(),
                kind: ActorKind::Country,
                proper: true,
                caps_only: false,
                caps_mask: 0,
            };
            for n in &row.names {
                d.add(n, false, entry.clone(), true);
            }
            for a in &row.adjectives {
                d.add(a, false, entry.clone(), true);
                let plural = match a.rsplit_once(' ') {
                    Some((head, last)) => format!("{head} {}", petrarch::plural(last)),
                    None => petrarch::plural(a),
                };
                // "Iranians", not "Chineses": only for people-nouns ending like them.
                if a.ends_with('n') || a.ends_with('i') || a.ends_with('k') || a.ends_with('b') {
                    d.add(&plural, false, entry.clone(), false);
                }
            }
        }
        for (sectors, phrases) in data::agents()? {
            for p in phrases {
                let entry = Entry {
                    role: Role::Agent { prefix: false },
                    code: sectors.concat(),
                    country: None,
                    sectors: sectors.clone(),
                    name: None,
                    kind: ActorKind::Agent,
                    proper: false,
                    caps_only: false,
                    caps_mask: 0,
                };
                d.add(&p, false, entry.clone(), true);
                let plural = match p.rsplit_once(' ') {
                    Some((head, last)) => format!("{head} {}", petrarch::plural(last)),
                    None => petrarch::plural(&p),
                };
                d.add(&plural, false, entry, false);
            }
        }
        for row in data::orgs("organizations.txt", data::ORGANIZATIONS)? {
            d.add_org(row);
        }
        for (name, text) in data::PEOPLE {
            for row in data::people(name, text)? {
                d.add_person(row);
            }
        }
        Ok(d)
    }

    fn place_entry(&self, code: &str) -> Entry {
        Entry {
            role: Role::Place,
            code: code.to_string(),
            country: Some(code.to_string()),
            sectors: Vec::new(),
            name: None,
            kind: ActorKind::Country,
            proper: true,
            caps_only: false,
            caps_mask: 0,
        }
    }

    /// Add a phrase written in our data files.
    fn add(&mut self, phrase: &str, stem: bool, mut entry: Entry, overwrite: bool) {
        let words = phrase_keys(phrase);
        if words.is_empty() {
            return;
        }
        if entry.proper {
            entry.proper = has_upper(phrase);
            entry.caps_only = is_caps_word(phrase);
            if matches!(entry.role, Role::Fixed) {
                entry.caps_mask = capitalised_words(phrase, words.len());
            }
        }
        self.add_words(&words, stem, entry, overwrite);
        // "People's Republic of China", "Kurdistan Workers' Party": a possessive written
        // inside the name does not end it.
        if !phrase.contains(['\'', '\u{2019}']) {
            return;
        }
        let mut k = 0;
        let raw: Vec<&str> = phrase.split_whitespace().collect();
        for (i, w) in raw.iter().enumerate() {
            k += phrase_keys(w).len();
            let norm = matcher::normalize(w);
            if i + 1 < raw.len() && (norm.ends_with("'s") || norm.ends_with("s'")) {
                if let Some(prefix) = words.get(..k) {
                    self.trie.allow_possessive_after(prefix);
                }
            }
        }
    }

    fn add_words(&mut self, words: &[String], stem: bool, entry: Entry, overwrite: bool) {
        if let Some(old) = self.trie.get(words) {
            // "Hamas; HAMAS": two spellings of one actor's name relax the case rules of the
            // entry instead of replacing it (the all-capitals spelling would otherwise make
            // "Hamas" unmatchable).
            if let Some(e) = self.entries.get_mut(old as usize) {
                if e.code == entry.code
                    && e.name == entry.name
                    && std::mem::discriminant(&e.role) == std::mem::discriminant(&entry.role)
                {
                    e.caps_only &= entry.caps_only;
                    e.proper &= entry.proper;
                    return;
                }
            }
            if !overwrite && !stem {
                return;
            }
        }
        let id = self.entries.len() as u32;
        self.entries.push(entry);
        self.trie.insert(words, stem, id);
    }

    fn add_org(&mut self, row: data::OrgRow) {
        let (role, kind) = match row.kind.as_str() {
            "metonym" => (Role::Metonym, ActorKind::Metonym),
            "igo" => (Role::Fixed, ActorKind::Igo),
            "ngo" => (Role::Fixed, ActorKind::Ngo),
            "country" => (Role::Fixed, ActorKind::Country),
            "person" => (Role::Fixed, ActorKind::Person),
            _ => (Role::Fixed, ActorKind::Group),
        };
        let (country, sectors) = self.split_code(&row.code);
        let entry = Entry {
            role,
            code: row.code.clone(),
            country: row.country.clone().or(country),
            sectors,
            name: Some(row.name.clone()),
            kind,
            proper: true,
            caps_only: false,
            caps_mask: 0,
        };
        for p in &row.phrases {
            self.add(p, false, entry.clone(), true);
        }
    }

    fn add_person(&mut self, row: data::PersonRow) {
        let idx = self.people.len() as u32;
        let otherwise = row.otherwise.clone().or_else(|| {
            // Former officials are elites of their country (CAMEO codes ex-leaders ELI).
            let first = row.tenures.first()?;
            let (country, _) = self.split_code(&first.code);
            country.map(|c| format!("{c}ELI"))
        });
        self.people.push(Person {
            name: row.name.clone(),
            kind: ActorKind::Person,
            tenures: row.tenures,
            otherwise,
        });
        let mut phrases = vec![row.name.clone()];
        phrases.extend(row.aliases.iter().cloned());
        for (n, p) in phrases.iter().enumerate() {
            let words = phrase_keys(p);
            // An alias never hides a country, agent or organisation ("Turk"); a full
            // name does.
            if n > 0
                && self.trie.get(&words).is_some_and(|e| {
                    self.entries
                        .get(e as usize)
                        .is_some_and(|e| !matches!(e.role, Role::People(_) | Role::Surname(_)))
                })
            {
                continue;
            }
            self.add_person_phrase(&words, idx, has_upper(p), is_caps_word(p), false);
        }
        // Automatic surname alias ("Hossein Dehghan" → "Dehghan", "Bashar al-Assad" →
        // "al-Assad" and "Assad"), resolved only against the document (see Role::Surname).
        let full = phrase_keys(&row.name);
        if full.len() >= 2 {
            let last_word = row.name.split_whitespace().last().unwrap_or_default();
            let last_keys = phrase_keys(last_word);
            let mut aliases = vec![last_keys.clone()];
            // "al-Assad" → "Assad"; but not "Moon Jae-in" → "in" or "Kim Dae-jung" → "jung".
            if let [article, rest] = &last_keys[..] {
                if ARABIC_ARTICLES.contains(&article.as_str()) {
                    aliases.push(vec![rest.clone()]);
                }
            }
            for a in aliases {
                let common = matches!(&a[..], [w] if COMMON_WORD_SURNAMES.contains(&w.as_str()));
                if a.len() < full.len() && !common && a.iter().all(|w| w.len() >= 3 || a.len() > 1)
                {
                    self.add_person_phrase(&a, idx, true, false, true);
                }
            }
        }
    }

    fn add_person_phrase(
        &mut self,
        words: &[String],
        idx: u32,
        proper: bool,
        caps: bool,
        surname: bool,
    ) {
        if words.is_empty() {
            return;
        }
        if let Some(old) = self.trie.get(words) {
            let Some(e) = self.entries.get_mut(old as usize) else {
                return;
            };
            match &mut e.role {
                Role::People(v) if !surname => {
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                    return;
                }
                Role::Surname(v) if surname => {
                    if !v.contains(&idx) {
                        v.push(idx);
                    }
                    return;
                }
                Role::Surname(_) => {} // an explicit alias replaces an automatic one
                Role::People(_) => return,
                _ if surname => return, // never shadow a country, group or agent
                _ => {}
            }
        }
        let role = if surname {
            Role::Surname(vec![idx])
        } else {
            Role::People(vec![idx])
        };
        let entry = Entry {
            role,
            code: String::new(),
            country: None,
            sectors: Vec::new(),
            name: None,
            kind: ActorKind::Person,
            proper,
            caps_only: caps,
            caps_mask: 0,
        };
        let id = self.entries.len() as u32;
        self.entries.push(entry);
        self.trie.insert(words, false, id);
    }

    /// Split a CAMEO code into its country (when it starts with a known one) and sectors.
    fn split_code(&self, code: &str) -> (Option<String>, Vec<String>) {
        let head = code.get(..3).unwrap_or("");
        if self.countries.contains_key(head) {
            (Some(head.to_string()), chunks3(code.get(3..).unwrap_or("")))
        } else if head == "---" {
            (None, chunks3(code.get(3..).unwrap_or("")))
        } else {
            (None, Vec::new())
        }
    }

    /// Canonical name of an alpha-3 country code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries.get(code).map(String::as_str)
    }

    /// Sizes of the loaded dictionaries.
    pub fn stats(&self) -> ActorStats {
        let mut s = ActorStats {
            countries: self.countries.len(),
            people: self.people.len(),
            discards: self.discards.len(),
            phrases: self.trie.len(),
            ..Default::default()
        };
        let mut orgs = HashSet::new();
        for e in &self.entries {
            match e.role {
                Role::Country => s.country_phrases += 1,
                Role::Place => s.places += 1,
                Role::Metonym => s.metonyms += 1,
                Role::Agent { .. } => s.agents += 1,
                Role::Fixed => {
                    orgs.insert((e.code.clone(), e.name.clone()));
                }
                Role::People(_) | Role::Surname(_) => {}
            }
        }
        s.organizations = orgs.len();
        s
    }

    /// The code of person `p` on `date`: the tenure that contains it (the latest-starting
    /// if several), else the code outside tenures; with no date, the latest tenure.
    fn person_code(&self, p: &Person, date: Option<NaiveDate>) -> Option<String> {
        let in_force = |t: &&DatedCode, d: NaiveDate| {
            t.from.is_none_or(|f| f <= d) && t.to.is_none_or(|e| d <= e)
        };
        match date {
            Some(d) => p
                .tenures
                .iter()
                .filter(|t| in_force(t, d))
                .max_by_key(|t| t.from)
                .map(|t| t.code.clone())
                .or_else(|| p.otherwise.clone())
                .or_else(|| {
                    p.tenures
                        .iter()
                        .max_by_key(|t| t.from)
                        .map(|t| t.code.clone())
                }),
            None => p
                .tenures
                .iter()
                .max_by_key(|t| (t.to.is_none(), t.from))
                .map(|t| t.code.clone())
                .or_else(|| p.otherwise.clone()),
        }
    }

    fn in_office(&self, p: &Person, date: Option<NaiveDate>) -> bool {
        let Some(d) = date else { return false };
        p.tenures.iter().any(|t| {
            t.from.is_none_or(|f| f <= d) && t.to.is_none_or(|e| d <= e) && !t.code.ends_with("ELI")
        })
    }

    /// Every actor mention in the text, longest match first, people resolved by tenure on
    /// `date` (the document date).
    pub fn find_mentions(&self, text: &TextAnalysis, date: Option<NaiveDate>) -> Vec<ActorMention> {
        let mut seen_people: HashSet<u32> = HashSet::new();
        let mut pending: Vec<Pending> = Vec::new();
        let whole;
        let sentences: &[wirecoder_core::Sentence] =
            if text.sentences.is_empty() && !text.tokens.is_empty() {
                whole = [wirecoder_core::Sentence {
                    token_start: 0,
                    token_end: text.tokens.len(),
                    ..Default::default()
                }];
                &whole
            } else {
                &text.sentences
            };
        let mut scratch = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            let Some(toks) = text.tokens.get(s.token_start..s.token_end) else {
                continue;
            };
            let keys = keys_of(toks, s.token_start);
            let ids = self.trie.ids(&keys, &text.tokens);
            let atoms = self.atoms(
                &keys,
                &ids,
                &text.tokens,
                date,
                &mut seen_people,
                &mut scratch,
            );
            self.compose(si, &keys, &atoms, &text.tokens, &mut pending);
        }
        self.fill_focus(pending)
    }

    /// Leftmost-longest hits, resolved.
    fn atoms(
        &self,
        keys: &[Key],
        ids: &[u32],
        tokens: &[Token],
        date: Option<NaiveDate>,
        seen: &mut HashSet<u32>,
        scratch: &mut Vec<(usize, u32)>,
    ) -> Vec<Atom> {
        let mut out: Vec<Atom> = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            // "Middlesex-London", "anti-government": a phrase does not start inside a
            // hyphenated word, unless the word is a compound of names ("Russia-Ukraine").
            let inside = i > 0 && keys.get(i - 1).map(|k| k.tok) == keys.get(i).map(|k| k.tok);
            if inside && out.last().is_none_or(|a| a.ke != i) {
                i += 1;
                continue;
            }
            self.trie.matches_at(keys, ids, tokens, i, scratch);
            let mut taken = None;
            for &(end, v) in scratch.iter().rev() {
                let Some(e) = self.entries.get(v as usize) else {
                    continue;
                };
                if !self.case_ok(e, keys, tokens, i, end) {
                    continue;
                }
                // "pro-Russia rebels", "anti-American protesters": the country is what the
                // group stands for or against, not its nationality.
                if matches!(e.role, Role::Country | Role::Metonym | Role::People(_))
                    && stance_prefixed(keys, tokens, i)
                {
                    continue;
                }
                // "Iran-backed rebels", "government-held areas", "military-ruled Myanmar":
                // the first part of such a compound modifier describes who backs, holds or
                // rules; it is no actor of the sentence and no nationality of the head.
                if compound_modifier(keys, tokens, end) {
                    continue;
                }
                let prev_atom_ends_here = out.last().is_some_and(|a| a.ke == i);
                if matches!(e.role, Role::People(_) | Role::Surname(_))
                    && self.part_of_other_name(keys, ids, tokens, i, end, prev_atom_ends_here)
                {
                    continue;
                }
                if let Some(a) = self.resolve(e, i, end, keys, tokens, date, seen) {
                    taken = Some((end, a));
                    break;
                }
            }
            match taken {
                Some((end, a)) => {
                    out.push(a);
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// A one-word name glued to other capitalised words belongs to someone else: "Laura
    /// Bush", "Sharon Stone" (unless those words are themselves dictionary phrases, as in
    /// "President Bush" or "Obama Administration").
    fn part_of_other_name(
        &self,
        keys: &[Key],
        ids: &[u32],
        tokens: &[Token],
        s: usize,
        end: usize,
        prev_atom_ends_here: bool,
    ) -> bool {
        if end != s + 1 {
            return false;
        }
        let capital = |k: usize| {
            keys.get(k)
                .and_then(|key| tokens.get(key.tok))
                .and_then(|t| t.text.chars().next())
                .is_some_and(char::is_uppercase)
        };
        let mut scratch = Vec::new();
        let next_is_name = capital(end)
            && !NOT_NAMES.contains(&keys.get(end).map_or("", |k| k.text(tokens)))
            && keys.get(end - 1).is_some_and(|k| !k.poss)
            && {
                self.trie.matches_at(keys, ids, tokens, end, &mut scratch);
                scratch.is_empty()
            };
        let first_tok = keys.first().map(|k| k.tok);
        let prev_is_name = s > 0
            && !prev_atom_ends_here
            && capital(s - 1)
            && keys.get(s - 1).map(|k| Some(k.tok)) != Some(first_tok)
            && keys.get(s - 1).is_some_and(|k| !k.poss);
        next_is_name || prev_is_name
    }

    fn case_ok(&self, e: &Entry, keys: &[Key], tokens: &[Token], s: usize, end: usize) -> bool {
        let span = || {
            let a = keys.get(s).map_or(0, |k| k.tok);
            let b = keys.get(end.saturating_sub(1)).map_or(0, |k| k.tok);
            tokens.get(a..=b).unwrap_or(&[])
        };
        if e.caps_only
            && span()
                .iter()
                .any(|t| t.text.chars().any(char::is_lowercase))
        {
            return false;
        }
        if e.proper && !span().iter().any(|t| has_upper(&t.text)) {
            return false;
        }
        if e.caps_mask != 0 {
            for j in s..end {
                if e.caps_mask & (1 << ((j - s) & 31)) == 0 {
                    continue;
                }
                let Some(k) = keys.get(j) else {
                    continue;
                };
                let Some(t) = tokens.get(k.tok) else {
                    continue;
                };
                // The key's own characters; a token whose normal form changed length (curly
                // apostrophes) cannot be aligned and is not checked.
                if t.text.len() != t.norm.len() {
                    continue;
                }
                let part = t.text.get(k.s..k.e).unwrap_or(&t.text);
                if part.chars().next().is_some_and(char::is_lowercase) {
                    return false;
                }
            }
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        e: &Entry,
        ks: usize,
        ke: usize,
        keys: &[Key],
        tokens: &[Token],
        date: Option<NaiveDate>,
        seen: &mut HashSet<u32>,
    ) -> Option<Atom> {
        let mut atom = Atom {
            ks,
            ke,
            role: AtomRole::Actor,
            code: e.code.clone(),
            country: e.country.clone(),
            sectors: e.sectors.clone(),
            name: e.name.clone(),
            kind: e.kind,
            title: false,
        };
        match &e.role {
            // "ethnic Albanians in Serbia", "ethnic Russians": an ethnicity, not the
            // nationality; they are civilians of the country they live in (the focus or
            // the "in <place>" that follows).
            Role::Country
                if ks > 0
                    && keys.get(ks - 1).is_some_and(|k| k.text(tokens) == "ethnic")
                    && keys
                        .get(ke.saturating_sub(1))
                        .is_some_and(|k| k.text(tokens).ends_with('s')) =>
            {
                atom.role = AtomRole::Agent { prefix: false };
                atom.code = "CVL".to_string();
                atom.country = None;
                atom.sectors = vec!["CVL".to_string()];
                atom.kind = ActorKind::Agent;
                atom.name = None;
            }
            Role::Country => atom.role = AtomRole::Country,
            Role::Place => atom.role = AtomRole::Place,
            Role::Metonym => atom.role = AtomRole::Metonym,
            Role::Agent { prefix } => {
                atom.role = AtomRole::Agent { prefix: *prefix };
                let last = keys
                    .get(ke.saturating_sub(1))
                    .map(|k| k.text(tokens))
                    .unwrap_or("");
                let last = last
                    .strip_suffix('s')
                    .filter(|_| last != "mps")
                    .unwrap_or(last);
                atom.title = TITLE_WORDS.contains(&last);
            }
            Role::Fixed => {}
            Role::People(cands) => {
                let pick = cands
                    .iter()
                    .copied()
                    .find(|c| seen.contains(c))
                    .or_else(|| {
                        cands.iter().copied().find(|&c| {
                            self.people
                                .get(c as usize)
                                .is_some_and(|p| self.in_office(p, date))
                        })
                    })
                    .or_else(|| cands.first().copied())?;
                self.fill_person(&mut atom, pick, date)?;
                seen.insert(pick);
            }
            Role::Surname(cands) => {
                let known: Vec<u32> = cands.iter().copied().filter(|c| seen.contains(c)).collect();
                let pick = match known[..] {
                    [one] => one,
                    [] => {
                        let office: Vec<u32> = cands
                            .iter()
                            .copied()
                            .filter(|&c| {
                                self.people
                                    .get(c as usize)
                                    .is_some_and(|p| self.in_office(p, date))
                            })
                            .collect();
                        match office[..] {
                            [one] => one,
                            _ => return None,
                        }
                    }
                    _ => return None,
                };
                self.fill_person(&mut atom, pick, date)?;
            }
        }
        Some(atom)
    }

    fn fill_person(&self, atom: &mut Atom, idx: u32, date: Option<NaiveDate>) -> Option<()> {
        let p = self.people.get(idx as usize)?;
        let code = self.person_code(p, date)?;
        let (country, sectors) = self.split_code(&code);
        atom.code = code;
        atom.country = country;
        atom.sectors = sectors;
        atom.name = Some(p.name.clone());
        atom.kind = p.kind;
        Some(())
    }

    /// A finished mention standing for atom `a` over tokens `start_tok..=end_tok`.
    fn atom_pending(
        &self,
        si: usize,
        tokens: &[Token],
        start_tok: usize,
        end_tok: usize,
        a: &Atom,
        hidden: bool,
    ) -> Pending {
        Pending {
            mention: self.mention(
                si,
                tokens,
                start_tok,
                end_tok,
                a.code.clone(),
                a.country.clone(),
                a.sectors.clone(),
                a.name.clone(),
                a.kind,
            ),
            needs_focus: None,
            hidden,
        }
    }

    /// Combine atoms into mentions (see the module docs).
    fn compose(
        &self,
        si: usize,
        keys: &[Key],
        atoms: &[Atom],
        tokens: &[Token],
        out: &mut Vec<Pending>,
    ) {
        let key_text = |k: usize| keys.get(k).map(|k| k.text(tokens)).unwrap_or("");
        let atom_at = |k: usize| atoms.iter().position(|a| a.ks == k);
        let mut consumed = vec![false; atoms.len()];
        let mut i = 0;
        while i < atoms.len() {
            if consumed.get(i).copied().unwrap_or(true) {
                i += 1;
                continue;
            }
            let Some(a) = atoms.get(i) else { break };
            // Head: a country-like atom that may qualify following agents or a person.
            let head_ok = matches!(a.role, AtomRole::Country | AtomRole::Metonym)
                || (a.role == AtomRole::Actor
                    && (a.country.is_some()
                        || matches!(a.kind, ActorKind::Group | ActorKind::Igo | ActorKind::Ngo)));
            let mut j = i;
            let mut head = None;
            if head_ok {
                if let Some(n) = atoms.get(i + 1) {
                    let qualifies = match n.role {
                        AtomRole::Agent { .. } => true,
                        AtomRole::Actor => a.role == AtomRole::Country,
                        _ => false,
                    };
                    if n.ks == a.ke && qualifies {
                        head = Some(a);
                        j = i + 1;
                    }
                }
            }
            // Agent chain.
            let mut chain: Vec<&Atom> = Vec::new();
            let mut end_key = head.map_or(a.ks, |h| h.ke);
            while let Some(n) = atoms.get(j) {
                if n.ks == end_key && matches!(n.role, AtomRole::Agent { .. }) {
                    chain.push(n);
                    end_key = n.ke;
                    j += 1;
                } else {
                    break;
                }
            }
            // A person or group right after the head/chain.
            let mut actor: Option<&Atom> = None;
            if head.is_some() || !chain.is_empty() {
                if let Some(n) = atoms.get(j) {
                    if n.ks == end_key
                        && n.role == AtomRole::Actor
                        && head.is_none_or(|h| h.role != AtomRole::Actor)
                    {
                        actor = Some(n);
                        end_key = n.ke;
                        j += 1;
                    }
                }
            }
            // "Bree Prime Minister Romendacil": a name after a title, coded in a PETRARCH
            // actors file with a bare country code, is that country's office holder (the
            // title gives the sectors), not a second actor.
            let mut titled_name: Option<&Atom> = None;
            if actor.is_none() && chain.last().is_some_and(|c| c.title) {
                if let Some(n) = atoms.get(j) {
                    if n.ks == end_key
                        && n.role == AtomRole::Country
                        && n.country.is_some()
                        && head.is_none_or(|h| h.country == n.country)
                    {
                        titled_name = Some(n);
                        end_key = n.ke;
                        j += 1;
                    }
                }
            }
            let start_tok = keys.get(a.ks).map_or(0, |k| k.tok);
            // "Jaime King", "Martin Luther King": a capitalised title right after another
            // capitalised word (not the sentence's first) is part of a name.
            if head.is_none() && actor.is_none() && chain.first().is_some_and(|c| c.title) {
                let capital = |t: Option<&Token>| {
                    t.and_then(|t| t.text.chars().next())
                        .is_some_and(char::is_uppercase)
                };
                let first_tok = keys.first().map_or(0, |k| k.tok);
                let prev_tok = a.ks.checked_sub(1).and_then(|p| keys.get(p)).map(|k| k.tok);
                if capital(tokens.get(start_tok))
                    && prev_tok.is_some_and(|p| p > first_tok && capital(tokens.get(p)))
                {
                    for c in consumed.iter_mut().take(j).skip(i) {
                        *c = true;
                    }
                    i = j;
                    continue;
                }
            }
            if head.is_none() && chain.is_empty() {
                // A lone atom.
                consumed[i] = true;
                i += 1;
                let place = match a.role {
                    AtomRole::Place => true,
                    AtomRole::Metonym => {
                        (a.ks > 0 && LOCATIVE.contains(&key_text(a.ks - 1)))
                            // "Paris attacks", "London mayor": the city, not the government.
                            || PLACE_HEADS.contains(&key_text(a.ke))
                    }
                    _ => false,
                };
                {
                    let end_tok = keys
                        .get(a.ke.saturating_sub(1))
                        .map_or(start_tok, |k| k.tok);
                    out.push(self.atom_pending(si, tokens, start_tok, end_tok, a, place));
                }
                continue;
            }
            // "military campaign", "government forces' offensive": an agent word used as a
            // modifier of a non-actor noun is no actor; the head country still is.
            // "military and financial support": the same through a coordination.
            let coordinated = matches!(key_text(end_key), "and" | "or")
                && atom_at(end_key + 1).is_none()
                && NON_ACTOR_HEADS.contains(&key_text(end_key + 2));
            if actor.is_none()
                && !chain.is_empty()
                && (NON_ACTOR_HEADS.contains(&key_text(end_key)) || coordinated)
            {
                for c in consumed.iter_mut().take(j).skip(i) {
                    *c = true;
                }
                i = j;
                if let Some(h) = head {
                    let h_end = keys
                        .get(h.ke.saturating_sub(1))
                        .map_or(start_tok, |k| k.tok);
                    out.push(self.atom_pending(si, tokens, start_tok, h_end, h, false));
                }
                continue;
            }
            // "the party who brings the lawsuit", "a third party", "a dinner party": a party
            // in law or society, not in politics.
            if head.is_none()
                && actor.is_none()
                && chain.len() == 1
                && matches!(key_text(a.ks), "party" | "parties")
                && a.ke == a.ks + 1
                && (matches!(key_text(a.ke), "who" | "whom" | "to")
                    || a.ks
                        .checked_sub(1)
                        .is_some_and(|p| NON_POLITICAL_PARTY_WORDS.contains(&key_text(p))))
            {
                consumed[i] = true;
                i += 1;
                continue;
            }
            // Unknown personal name after a title ("Defense Minister Ali Shamkhani").
            let mut name_words: Vec<String> = Vec::new();
            if actor.is_none() && chain.last().is_some_and(|c| c.title) {
                let mut k = end_key;
                let last_tok = keys.get(end_key.saturating_sub(1)).map(|k| k.tok);
                while keys.get(k).is_some_and(|key| Some(key.tok) == last_tok) {
                    k += 1;
                }
                while name_words.len() < 4 {
                    let Some(key) = keys.get(k) else { break };
                    let Some(t) = tokens.get(key.tok) else { break };
                    let starts_upper = t.text.chars().next().is_some_and(char::is_uppercase);
                    if !starts_upper
                        || atom_at(k).is_some()
                        || NOT_NAMES.contains(&key.text(tokens))
                    {
                        break;
                    }
                    name_words.push(t.text.clone());
                    let poss = key.poss;
                    k += 1;
                    // Skip the other keys of a hyphenated token.
                    while keys.get(k).is_some_and(|n| n.tok == key.tok) {
                        k += 1;
                    }
                    if poss {
                        break;
                    }
                }
                if !name_words.is_empty() {
                    end_key = k;
                }
            }
            // Country from the right: "<agent> of [the] <country>", "<agent> in <place>".
            let mut country = head
                .and_then(|h| h.country.clone())
                .or_else(|| titled_name.and_then(|n| n.country.clone()));
            if let Some(n) = titled_name {
                name_words.extend(
                    (n.ks..n.ke)
                        .filter_map(|k| keys.get(k).and_then(|key| tokens.get(key.tok)))
                        .map(|t| t.text.clone()),
                );
            }
            let mut from_group: Option<&Atom> = None;
            // The country came from a place after the agent ("lawmakers in Arnor").
            let mut placed = false;
            if country.is_none() && actor.is_none() && !chain.is_empty() {
                if key_text(end_key) == "of" {
                    let mut k = end_key + 1;
                    if key_text(k) == "the" {
                        k += 1;
                    }
                    // One or two lower-case words may sit between ("of allies Iran").
                    for _ in 0..2 {
                        let lower = atom_at(k).is_none()
                            && keys
                                .get(k)
                                .and_then(|key| tokens.get(key.tok))
                                .is_some_and(|t| t.text.chars().all(char::is_lowercase));
                        if lower {
                            k += 1;
                        }
                    }
                    if let Some(ci) = atom_at(k) {
                        if let Some(c) = atoms.get(ci) {
                            if matches!(
                                c.role,
                                AtomRole::Country | AtomRole::Metonym | AtomRole::Place
                            ) {
                                country = c.country.clone();
                                end_key = c.ke;
                                consumed[ci] = true;
                                j = j.max(ci + 1);
                            }
                        }
                    }
                } else if AGENT_PLACE_LINK.contains(&key_text(end_key)) {
                    let from = key_text(end_key) == "from";
                    // Up to three lower-case words may sit between ("in second city Aleppo").
                    for k in end_key + 1..end_key + 6 {
                        // "dissidents from military-ruled Myanmar": an agent word inside a
                        // lower-case hyphenated modifier is part of the modifier.
                        let hyphenated_lower = keys
                            .get(k)
                            .and_then(|key| tokens.get(key.tok))
                            .is_some_and(|t| {
                                t.text.contains('-') && !t.text.chars().any(char::is_uppercase)
                            });
                        if let Some(ci) = atom_at(k).filter(|_| !hyphenated_lower) {
                            if let Some(c) = atoms.get(ci) {
                                if matches!(
                                    c.role,
                                    AtomRole::Country | AtomRole::Metonym | AtomRole::Place
                                ) {
                                    country = c.country.clone();
                                    consumed[ci] = true;
                                    placed = true;
                                } else if from
                                    && c.role == AtomRole::Actor
                                    && c.kind != ActorKind::Person
                                {
                                    // "a delegation from Hamas", "observers from the
                                    // OSCE": envoys of the organisation act for it.
                                    from_group = Some(c);
                                }
                            }
                            break;
                        }
                        let lower =
                            keys.get(k)
                                .and_then(|key| tokens.get(key.tok))
                                .is_some_and(|t| {
                                    !t.text.chars().any(char::is_uppercase)
                                        && t.text.chars().any(char::is_alphanumeric)
                                });
                        if !lower {
                            break;
                        }
                    }
                }
            }
            let end_tok = keys
                .get(end_key.saturating_sub(1))
                .map_or(start_tok, |k| k.tok);
            for c in consumed.iter_mut().take(j).skip(i) {
                *c = true;
            }
            i = j;
            if let Some(h) =
                head.filter(|h| h.role == AtomRole::Actor && h.kind != ActorKind::Person)
            {
                // "Houthi fighters", "Hamas gunmen": the group keeps its own code.
                out.push(self.atom_pending(si, tokens, start_tok, end_tok, h, false));
                continue;
            }
            if let Some(p) = actor {
                // A known person or group: its own code wins over the titles, except that a
                // title the text gives ("Defence Minister Florence Parly") says the person
                // held office when the story was told, whatever the tenure list says for
                // the document's date.
                let titled = order_sectors(
                    &chain
                        .iter()
                        .flat_map(|c| c.sectors.clone())
                        .collect::<Vec<_>>(),
                );
                let (code, country, sectors) = match p.country.as_ref() {
                    Some(c)
                        if p.kind == ActorKind::Person
                            && p.sectors.iter().any(|s| s == "ELI")
                            && !titled.is_empty()
                            && !titled.iter().any(|s| s == "ELI")
                            && !former_before(tokens, start_tok)
                            && !tokens.get(start_tok..end_tok).is_some_and(|ts| {
                                // "President-elect", "Prime Minister-designate": not yet.
                                ts.iter().any(|t| {
                                    t.text.to_lowercase().split('-').any(|w| {
                                        matches!(w, "elect" | "designate" | "nominee" | "candidate")
                                    })
                                })
                            }) =>
                    {
                        (combine_code(c, &titled, false), Some(c.clone()), titled)
                    }
                    _ => (p.code.clone(), p.country.clone(), p.sectors.clone()),
                };
                out.push(Pending {
                    mention: self.mention(
                        si,
                        tokens,
                        start_tok,
                        end_tok,
                        code,
                        country,
                        sectors,
                        p.name.clone(),
                        p.kind,
                    ),
                    needs_focus: None,
                    hidden: false,
                });
                continue;
            }
            let prefix = chain
                .iter()
                .any(|c| matches!(c.role, AtomRole::Agent { prefix: true }));
            // "Rebel spokesman", "police officials", "opposition leader": a generic role
            // word speaks for the agent it qualifies; it is GOV only on its own.
            let qualified = chain.iter().any(|c| c.sectors.iter().any(|s| s != "GOV"));
            let sectors = order_sectors(
                &chain
                    .iter()
                    .filter(|c| !(qualified && is_generic_role(c, keys, tokens)))
                    .flat_map(|c| c.sectors.clone())
                    .collect::<Vec<_>>(),
            );
            if sectors.is_empty() {
                // A head followed by a group or person it does not qualify: emit the head.
                if let Some(h) = head {
                    let h_end = keys
                        .get(h.ke.saturating_sub(1))
                        .map_or(start_tok, |k| k.tok);
                    out.push(self.atom_pending(si, tokens, start_tok, h_end, h, false));
                }
                continue;
            }
            let name = (!name_words.is_empty()).then(|| name_words.join(" "));
            let kind = if name.is_some() {
                ActorKind::Person
            } else {
                ActorKind::Agent
            };
            match country {
                Some(c) => {
                    let code = combine_code(&c, &sectors, prefix);
                    let mut mention = self.mention(
                        si,
                        tokens,
                        start_tok,
                        end_tok,
                        code,
                        Some(c),
                        sectors,
                        name,
                        kind,
                    );
                    mention.country_inferred = placed;
                    out.push(Pending {
                        mention,
                        needs_focus: None,
                        hidden: false,
                    });
                }
                None if from_group.is_some() => {
                    if let Some(g) = from_group {
                        out.push(self.atom_pending(si, tokens, start_tok, end_tok, g, false));
                    }
                }
                None if kind == ActorKind::Agent && supranational_before(tokens, start_tok) => {
                    // "world leaders", "foreign governments": many states, no one country.
                }
                None => {
                    let code = combine_code("---", &sectors, prefix);
                    out.push(Pending {
                        mention: self.mention(
                            si,
                            tokens,
                            start_tok,
                            end_tok,
                            code,
                            None,
                            sectors.clone(),
                            name,
                            kind,
                        ),
                        needs_focus: Some((sectors, prefix)),
                        hidden: false,
                    });
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn mention(
        &self,
        si: usize,
        tokens: &[Token],
        start_tok: usize,
        end_tok: usize,
        code: String,
        country: Option<String>,
        sectors: Vec<String>,
        name: Option<String>,
        kind: ActorKind,
    ) -> ActorMention {
        let span = tokens.get(start_tok..=end_tok).unwrap_or(&[]);
        let mut text = String::new();
        for (n, t) in span.iter().enumerate() {
            text.push_str(&t.text);
            if t.space_after && n + 1 < span.len() {
                text.push(' ');
            }
        }
        // A possessive glued to the last token is not part of the name ("Syria's").
        let mut end = span.last().map_or(0, |t| t.end);
        if let Some(last) = span.last() {
            let n = last.norm.chars().count();
            if n > 2 && last.norm.ends_with("'s") && text.chars().count() > 2 {
                end = end.saturating_sub(2);
                let keep = text.chars().count() - 2;
                text = text.chars().take(keep).collect();
            }
        }
        ActorMention {
            text,
            code,
            country,
            sectors,
            name,
            kind,
            sentence: si,
            start: span.first().map_or(0, |t| t.start),
            end,
            token_start: start_tok,
            token_end: end_tok + 1,
            country_inferred: false,
        }
    }

    /// Give country-less agents the focus country (see the module docs).
    fn fill_focus(&self, pending: Vec<Pending>) -> Vec<ActorMention> {
        // Counts (mentions, last position) per country: of actors, and of places. Places
        // only decide when no actor names a country (local news: "police in Chicago"),
        // so that where a meeting was held does not outweigh whose war it is about.
        let mut actors: HashMap<String, (usize, usize)> = HashMap::new();
        let mut places: HashMap<String, (usize, usize)> = HashMap::new();
        for (n, p) in pending.iter().enumerate() {
            if let Some(c) = &p.mention.country {
                let map = if p.hidden { &mut places } else { &mut actors };
                // (mentions, first position, as a negative rank so that max prefers it).
                let e = map.entry(c.clone()).or_insert((0, usize::MAX - n));
                e.0 += 1;
            }
        }
        let best = |m: &HashMap<String, (usize, usize)>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                .map(|(c, _)| c.clone())
        };
        // A tie over the whole document goes to the country named first (the lead's).
        let doc_focus = best(&actors).or_else(|| best(&places));
        let mut so_far: HashMap<String, (usize, usize)> = HashMap::new();
        let mut out = Vec::with_capacity(pending.len());
        for (n, p) in pending.into_iter().enumerate() {
            let mut m = p.mention;
            if let Some((sectors, prefix)) = p.needs_focus {
                if let Some(c) = best(&so_far).or_else(|| doc_focus.clone()) {
                    m.code = combine_code(&c, &sectors, prefix);
                    m.country = Some(c);
                    m.country_inferred = true;
                }
            } else if p.hidden {
                continue;
            } else if let Some(c) = &m.country {
                let e = so_far.entry(c.clone()).or_insert((0, 0));
                e.0 += 1;
                e.1 = n;
            }
            out.push(m);
        }
        out
    }

    /// Whether any loaded discard drops a whole story.
    pub fn has_story_discards(&self) -> bool {
        self.discard_scopes
            .iter()
            .any(|s| matches!(s, DiscardScope::Story))
    }

    /// Whether a discard phrase occurs in `tokens`, and its scope (story or sentence).
    pub fn discard(&self, tokens: &[Token]) -> Option<DiscardScope> {
        if self.discards.len() == 0 {
            return None;
        }
        let keys = keys_of(tokens, 0);
        let ids = self.discards.ids(&keys, tokens);
        let mut scratch = Vec::new();
        let mut found = None;
        for i in 0..keys.len() {
            self.discards
                .matches_at(&keys, &ids, tokens, i, &mut scratch);
            for &(_, v) in &scratch {
                match self.discard_scopes.get(v as usize) {
                    Some(DiscardScope::Story) => return Some(DiscardScope::Story),
                    Some(DiscardScope::Sentence) => found = Some(DiscardScope::Sentence),
                    None => {}
                }
            }
        }
        found
    }

    /// True when the sentence contains a discard phrase: the coder codes no event from it.
    pub fn is_discarded(&self, tokens: &[Token]) -> bool {
        self.discard(tokens).is_some()
    }

    /// Add a people file in our own format (`data/actors/people/*.txt`: "Name | aliases |
    /// CODE FROM..TO; ... [| CODE otherwise]"). Its names replace built-in phrases.
    pub fn load_people(&mut self, path: &Path) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let text = petrarch::read(path)?;
        let (rows, warnings) = data::people_lenient(path, &text);
        for row in rows {
            self.add_person(row);
        }
        Ok(warnings)
    }

    /// Add a TABARI/PETRARCH `.actors` file. Returns the malformed lines as warnings.
    /// Its phrases replace built-in ones.
    pub fn load_petrarch_actors(
        &mut self,
        path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let text = petrarch::read(path)?;
        let (records, warnings) = petrarch::parse_actors(&text, path);
        for r in records {
            let (dated, undated): (Vec<DatedCode>, Vec<DatedCode>) = r
                .codes
                .into_iter()
                .partition(|c| c.from.is_some() || c.to.is_some());
            let otherwise = undated.first().map(|c| c.code.clone());
            let first_code = otherwise
                .clone()
                .or_else(|| dated.first().map(|c| c.code.clone()))
                .unwrap_or_default();
            let name = r.phrases.first().map(|p| title_case(&p.words.join(" ")));
            // A bare three-letter code is a country (or a fictional one in test suites):
            // agents attach to it like to a built-in country.
            let is_country_code = first_code.len() == 3
                && first_code.bytes().all(|b| b.is_ascii_uppercase())
                && !matches!(first_code.as_str(), "IGO" | "NGO" | "IMG" | "ELI" | "MNC");
            if is_country_code && dated.is_empty() && !self.countries.contains_key(&first_code) {
                self.countries
                    .insert(first_code.clone(), name.clone().unwrap_or_default());
            }
            let (country, sectors) = self.split_code(&first_code);
            if dated.is_empty() {
                let kind = if first_code.starts_with("IGO") {
                    ActorKind::Igo
                } else if first_code.starts_with("NGO") {
                    ActorKind::Ngo
                } else if first_code.len() == 3 && country.is_some() {
                    ActorKind::Country
                } else {
                    ActorKind::Group
                };
                let role = if kind == ActorKind::Country {
                    Role::Country
                } else {
                    Role::Fixed
                };
                let entry = Entry {
                    role,
                    code: first_code.clone(),
                    country,
                    sectors,
                    name: if kind == ActorKind::Country {
                        self.country_name(&first_code).map(str::to_string).or(name)
                    } else {
                        name
                    },
                    kind,
                    proper: true,
                    caps_only: false,
                    caps_mask: 0,
                };
                for p in &r.phrases {
                    self.add_words(&p.words, p.stem, entry.clone(), true);
                }
            } else {
                let idx = self.people.len() as u32;
                self.people.push(Person {
                    name: name.unwrap_or_default(),
                    kind: ActorKind::Person,
                    tenures: dated,
                    otherwise,
                });
                for p in &r.phrases {
                    self.add_user_person_phrase(p, idx);
                }
            }
        }
        Ok(warnings)
    }

    fn add_user_person_phrase(&mut self, p: &Phrase, idx: u32) {
        let entry = Entry {
            role: Role::People(vec![idx]),
            code: String::new(),
            country: None,
            sectors: Vec::new(),
            name: None,
            kind: ActorKind::Person,
            proper: true,
            caps_only: false,
            caps_mask: 0,
        };
        self.add_words(&p.words, p.stem, entry, true);
    }

    /// Add a TABARI/PETRARCH `.agents` file. Its phrases replace built-in ones.
    pub fn load_petrarch_agents(
        &mut self,
        path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let text = petrarch::read(path)?;
        let (records, warnings) = petrarch::parse_agents(&text, path);
        for r in records {
            let entry = Entry {
                role: Role::Agent { prefix: r.prefix },
                code: r.sectors.concat(),
                country: None,
                sectors: r.sectors.clone(),
                name: None,
                kind: ActorKind::Agent,
                proper: false,
                caps_only: false,
                caps_mask: 0,
            };
            for p in &r.phrases {
                self.add_words(&p.words, p.stem, entry.clone(), true);
            }
        }
        Ok(warnings)
    }

    /// Add a TABARI/PETRARCH `.discards` file.
    pub fn load_petrarch_discards(
        &mut self,
        path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let text = petrarch::read(path)?;
        let (records, warnings) = petrarch::parse_discards(&text, path);
        self.add_discards(records);
        Ok(warnings)
    }

    fn add_discards(&mut self, records: Vec<petrarch::DiscardRecord>) {
        for r in records {
            let id = self.discard_scopes.len() as u32;
            self.discard_scopes.push(if r.story {
                DiscardScope::Story
            } else {
                DiscardScope::Sentence
            });
            self.discards.insert(&r.phrase.words, r.phrase.stem, id);
        }
    }
}

/// Role words that are GOV only when nothing says whose role it is.
const GENERIC_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "official",
    "officials",
    "senior official",
    "senior officials",
    "top official",
    "top officials",
    "leader",
    "leaders",
    "leadership",
    "delegation",
    "delegations",
    "negotiator",
    "negotiators",
    "envoy",
    "envoys",
];

/// Whether an agent atom is one of the [`GENERIC_ROLES`].
fn is_generic_role(atom: &Atom, keys: &[Key], tokens: &[Token]) -> bool {
    if atom.sectors.iter().any(|s| s != "GOV") {
        return false;
    }
    let mut words = String::new();
    for k in keys.get(atom.ks..atom.ke).unwrap_or(&[]) {
        let Some(w) = tokens.get(k.tok).and_then(|t| t.norm.get(k.s..k.e)) else {
            return false;
        };
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(w);
    }
    GENERIC_ROLES.contains(&words.as_str())
}

/// "RUS" + [GOV, MIL] → "RUSGOVMIL"; prefix agents go first ("NGO" + "FRA").
fn combine_code(country: &str, sectors: &[String], prefix: bool) -> String {
    if prefix {
        format!("{}{country}", sectors.concat())
    } else {
        format!("{country}{}", sectors.concat())
    }
}

/// Whether a word that spans many states ("world", "foreign", "Western") stands right
/// before token `start`.
fn supranational_before(tokens: &[Token], start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|q| tokens.get(q))
        .is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "world" | "international" | "global" | "foreign" | "western"
            )
        })
}

/// Whether "former", "ex-", "late" or "retired" stands right before token `start`.
fn former_before(tokens: &[Token], start: usize) -> bool {
    let word = |q: usize| tokens.get(q).map(|t| t.text.to_lowercase());
    let mut q = start;
    if q > 0 && word(q - 1).as_deref() == Some("-") {
        q -= 1;
    }
    q > 0
        && matches!(
            word(q - 1).as_deref(),
            Some("former" | "ex" | "ex-" | "late" | "retired")
        )
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Bit mask of the keys of `phrase` (as `phrase_keys` splits it into `n` keys) whose word
/// part starts with a capital; 0 for one-word phrases or when the split does not line up.
fn capitalised_words(phrase: &str, n: usize) -> u32 {
    if !(2..=32).contains(&n) {
        return 0;
    }
    let mut mask = 0u32;
    let mut k = 0usize;
    for word in phrase.split_whitespace() {
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix('\''))
            .unwrap_or(word);
        for part in word
            .split('-')
            .filter(|p| p.chars().any(char::is_alphanumeric))
        {
            if part.chars().next().is_some_and(char::is_uppercase) {
                mask |= 1 << (k & 31);
            }
            k += 1;
        }
    }
    if k == n {
        mask
    } else {
        0
    }
}

/// Whether key `i` follows "pro-" or "anti-" in the same hyphenated word, whether the
/// tokenizer kept the word whole ("pro-Iranian") or split it ("pro", "-", "Russia").
/// Whether the phrase ending before key `end` is glued by a hyphen to a participle that
/// makes it a modifier ("Iran-backed", "rebel-held", "military-ruled").
fn compound_modifier(keys: &[Key], tokens: &[Token], end: usize) -> bool {
    let (Some(last), Some(next)) = (end.checked_sub(1).and_then(|k| keys.get(k)), keys.get(end))
    else {
        return false;
    };
    let same_token = last.tok == next.tok;
    // The tokenizer may split "rebel - held" into three glued tokens.
    let glued_dash = next.tok == last.tok + 2
        && tokens.get(last.tok + 1).is_some_and(|d| d.norm == "-")
        && tokens.get(last.tok).is_some_and(|t| !t.space_after)
        && tokens.get(last.tok + 1).is_some_and(|d| !d.space_after);
    if !(same_token || glued_dash) {
        return false;
    }
    matches!(
        next.text(tokens),
        "backed"
            | "supported"
            | "sponsored"
            | "funded"
            | "financed"
            | "armed"
            | "trained"
            | "allied"
            | "aligned"
            | "friendly"
            | "inspired"
            | "held"
            | "ruled"
            | "controlled"
            | "dominated"
            | "occupied"
            | "owned"
    )
}

fn stance_prefixed(keys: &[Key], tokens: &[Token], i: usize) -> bool {
    let Some(k) = keys.get(i) else {
        return false;
    };
    let is_stance = |w: &str| matches!(w, "pro" | "anti");
    if k.s > 0 {
        let Some(t) = tokens.get(k.tok) else {
            return false;
        };
        let head = t.norm.get(..k.s).unwrap_or("");
        return head.strip_suffix('-').is_some_and(is_stance);
    }
    let glued = |a: &Token| !a.space_after;
    match (
        k.tok.checked_sub(2).and_then(|j| tokens.get(j)),
        k.tok.checked_sub(1).and_then(|j| tokens.get(j)),
    ) {
        (Some(w), Some(dash)) => {
            dash.norm == "-" && glued(dash) && glued(w) && is_stance(w.norm.as_str())
        }
        (None, Some(w)) => w.norm.strip_suffix('-').is_some_and(is_stance) && glued(w),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
