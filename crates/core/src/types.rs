//! The data model. Field names are the JSON schema: other tools depend on them, so fields
//! may be added but never renamed or removed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One article as ingest produced it: metadata plus the body text to analyse.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the JSONL `id` when given, else the path as given on the command line
    /// (with `#N` for the N-th record of a multi-record file).
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date from metadata, else the `--doc-date` the user gave.
    pub published: Option<NaiveDate>,
    /// Place named in a dateline ("TEHRAN – Agence France-Presse" → "TEHRAN").
    pub dateline_place: Option<String>,
    /// Source named in a dateline ("Agence France-Presse").
    pub dateline_source: Option<String>,
    /// Body text to analyse: title, dateline and photo credits removed.
    pub body: String,
}

/// A sentence of the body. `start`/`end` are char offsets, `byte_*` byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
    /// Index range of this sentence's tokens in [`TextAnalysis::tokens`].
    #[serde(skip)]
    pub token_start: usize,
    #[serde(skip)]
    pub token_end: usize,
}

/// A token with its normal form and, when the language layer provides them, tag and parse.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Token {
    pub text: String,
    /// Lower-cased, quote- and dash-normalised form used for dictionary lookups.
    #[serde(skip)]
    pub norm: String,
    pub lemma: String,
    /// Fine-grained Penn Treebank tag ("VBD"), empty when no tagger ran.
    pub tag: String,
    /// Universal POS ("VERB"), empty when no tagger ran.
    pub pos: String,
    /// Index of the head token within the document (itself for a root), when parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<usize>,
    /// Dependency label, empty when not parsed.
    pub dep: String,
    pub start: usize,
    pub end: usize,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
    /// Whether whitespace follows this token in the text.
    #[serde(skip)]
    pub space_after: bool,
}

/// A named-entity span from a statistical model (OntoNotes labels: PERSON, ORG, GPE, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub text: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// Token index range `[token_start, token_end)`.
    #[serde(skip)]
    pub token_start: usize,
    #[serde(skip)]
    pub token_end: usize,
}

/// What the language layer produced for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextAnalysis {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub entities: Vec<Entity>,
}

impl TextAnalysis {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        match self.sentences.get(i) {
            Some(s) => &self.tokens[s.token_start..s.token_end],
            None => &[],
        }
    }
}

/// What kind of thing an actor mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A country by name, adjective or demonym ("Iran", "Iranian").
    Country,
    /// A capital or seat of power standing for a government ("Tehran", "the Kremlin").
    Metonym,
    /// A named person ("Hossein Dehghan").
    Person,
    /// An inter-governmental organisation ("NATO").
    Igo,
    /// A non-governmental organisation ("Amnesty International").
    Ngo,
    /// An armed or political group ("the al-Nusra Front").
    Group,
    /// A generic agent with or without a country ("rebels", "Russian forces").
    Agent,
    /// A pronoun or definite description resolved to an earlier actor.
    Reference,
}

/// An actor recognised in the text: span, code and what the code is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    pub text: String,
    /// CAMEO actor code: country + sectors ("IRNGOVMIL"), "IGOUNO", "IMGISI", ...
    pub code: String,
    /// ISO 3166-1 alpha-3 home country, or None for IGOs and transnational groups.
    pub country: Option<String>,
    pub sectors: Vec<String>,
    /// Canonical name of a person or organisation when known.
    pub name: Option<String>,
    pub kind: ActorKind,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Token index range `[token_start, token_end)` in the document's tokens.
    #[serde(skip)]
    pub token_start: usize,
    #[serde(skip)]
    pub token_end: usize,
    /// The country is not written in the mention: it was guessed from the document's focus
    /// ("police" in a story about Pakistan) or taken from a place after it ("lawmakers in
    /// Arnor"), so other places named with the agent may add to or override it.
    #[serde(skip)]
    pub country_inferred: bool,
}

impl ActorMention {
    /// Replace the mention's country, in `country` and inside `code` (where it is the
    /// leading or, for prefixed codes such as "IGOFRA", the trailing part).
    pub fn set_country(&mut self, alpha3: &str) {
        if let Some(old) = self.country.replace(alpha3.to_string()) {
            if let Some(rest) = self.code.strip_prefix(old.as_str()) {
                self.code = format!("{alpha3}{rest}");
            } else if let Some(rest) = self.code.strip_suffix(old.as_str()) {
                self.code = format!("{rest}{alpha3}");
            }
        }
        self.country_inferred = false;
    }
}

/// An actor as it appears in an event: source or target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub sectors: Vec<String>,
    pub name: Option<String>,
    pub start: usize,
    pub end: usize,
}

impl From<&ActorMention> for EventActor {
    fn from(m: &ActorMention) -> Self {
        EventActor {
            text: m.text.clone(),
            code: m.code.clone(),
            country: m.country.clone(),
            sectors: m.sectors.clone(),
            name: m.name.clone(),
            start: m.start,
            end: m.end,
        }
    }
}

/// PLOVER coding of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

/// Why an event was coded: the sentence, the verb phrase and the pattern that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence_text: String,
    pub verb: String,
    pub verb_start: usize,
    pub verb_end: usize,
    /// Pattern id (or text) that produced the event.
    pub rule: String,
}

/// A geocoded place, as GeoNames knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Text as written.
    pub text: String,
    /// GeoNames name.
    pub name: String,
    /// ISO 3166-1 alpha-2, as GeoNames.
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: u64,
    /// GeoNames feature class and code, e.g. "P.PPLC".
    pub feature: String,
    pub start: usize,
    pub end: usize,
}

/// Precision of a normalised date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// A temporal expression normalised against the document date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, matching `precision`.
    pub value: String,
    pub precision: DatePrecision,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// True when the expression points after the document date ("in the coming days").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub future: bool,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// A coded event, in the stable event JSON schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc: String,
    pub sentence: usize,
    /// `YYYY-MM-DD` (or coarser) date of the event.
    pub date: Option<String>,
    /// The temporal expression the date came from; None when it is the document date.
    pub date_text: Option<String>,
    pub source: EventActor,
    pub target: Option<EventActor>,
    pub cameo: String,
    pub root: String,
    pub label: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Option<Plover>,
    pub place: Option<Place>,
    pub evidence: Evidence,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub text: String,
    pub name: Option<String>,
    pub code: Option<String>,
    pub country: Option<String>,
}

/// Direct or indirect speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<Speaker>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub sentence: usize,
}

/// Everything wirecoder found in one document: the `analyze` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub doc: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Document date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub dateline: Option<String>,
    pub sentences: Vec<Sentence>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<Place>,
    pub dates: Vec<TimeExpression>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// Statistical entities (only with the model language layer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
}
