//! The per-document pipeline: language layer → actors → dates → places → events → quotes.

use std::sync::Arc;

use chrono::NaiveDate;
use wirecoder_core::{
    ActorKind, ActorMention, Analysis, Document, Place, Quote, TextAnalysis, TimeExpression,
};
use wirecoder_knowledge::gazetteer::normalize;
use wirecoder_knowledge::KnowledgeBase;
use wirecoder_text::LanguageAnalyzer;

/// What every engine may read about the document being coded.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub text: &'a TextAnalysis,
    pub kb: &'a KnowledgeBase,
    /// Document date: publication date, else `--doc-date`.
    pub doc_date: Option<NaiveDate>,
    pub actors: &'a [ActorMention],
    pub dates: &'a [TimeExpression],
    pub places: &'a [Place],
    /// Quotes with their speakers ("we" in a direct quote is its speaker's side).
    pub quotes: &'a [Quote],
}

/// A configured pipeline; cheap to share across threads.
pub struct Pipeline {
    pub analyzer: Arc<dyn LanguageAnalyzer>,
    pub kb: Arc<KnowledgeBase>,
}

impl Pipeline {
    pub fn new(analyzer: Arc<dyn LanguageAnalyzer>, kb: Arc<KnowledgeBase>) -> Self {
        Pipeline { analyzer, kb }
    }

    /// Analyse one document. Never panics on any input text.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let text = self.analyzer.analyze(&doc.body);
        let doc_date = doc.published;
        let kb = &*self.kb;
        let mut actors = kb.actors.find_mentions(&text, doc_date);
        let dates = wirecoder_text::temporal::extract(&text, doc_date);
        // Places are resolved with the actors as the matcher found them (metonyms are no
        // places); agents are then located by those places before events are coded. Two
        // contexts, because the first borrows the actors that `locate_agents` changes.
        let places = crate::places::extract(&DocContext {
            doc,
            text: &text,
            kb,
            doc_date,
            actors: &actors,
            dates: &dates,
            places: &[],
            quotes: &[],
        });
        recountry_state_names(&mut actors, &places, kb);
        locate_agents(&mut actors, &places, &text, kb);
        enlist_fighters(&mut actors, &text);
        // Quotes first: the coder reads a quoted "we" as its speaker's side.
        let before_quotes = DocContext {
            doc,
            text: &text,
            kb,
            doc_date,
            actors: &actors,
            dates: &dates,
            places: &places,
            quotes: &[],
        };
        let quotes = crate::quotes::extract(&before_quotes);
        let ctx = DocContext {
            quotes: &quotes,
            ..before_quotes
        };
        let events = crate::events::code(&ctx);
        Analysis {
            doc: doc.id.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            date: doc_date.map(|d| d.format("%Y-%m-%d").to_string()),
            dateline: doc.dateline_place.clone(),
            sentences: text.sentences,
            entities: text.entities,
            actors,
            places,
            dates,
            quotes,
            events,
        }
    }
}

/// Gives actors named by a country word that the places engine resolved, in this document,
/// to a division of another country ("Georgia Governor Nathan Deal" next to Atlanta), or
/// that is part of a longer place name ("Mbanza Congo"), that place's country. Agents whose
/// country was only a focus guess from those names follow, unless the country is also named
/// for itself elsewhere in the document.
fn recountry_state_names(actors: &mut [ActorMention], places: &[Place], kb: &KnowledgeBase) {
    let gaz = &kb.gazetteer;
    let mut moved: Vec<(String, String)> = Vec::new();
    for m in actors.iter_mut().filter(|m| !m.country_inferred) {
        let Some(old) = m.country.clone() else {
            continue;
        };
        let names_old = |name: &str| {
            gaz.lookup(&normalize(name))
                .iter()
                .any(|e| e.is_country() && gaz.alpha3_of(e.country) == Some(old.as_str()))
        };
        // The name itself resolved as the division, or a town of the document lies in a
        // division of that name ("Atlanta police ... Georgia Governor").
        let division = places.iter().find(|p| {
            if gaz.alpha3_of(&p.country).is_none_or(|c| c == old) {
                return false;
            }
            let inside = p.start >= m.start
                && p.end <= m.end
                && p.feature.starts_with("A.ADM")
                && names_old(&p.text);
            // "visited Mbanza Congo in northern Angola": the country's name is part of a
            // longer place name.
            let within_name = p.start <= m.start
                && p.end >= m.end
                && p.end - p.start > m.end - m.start
                && m.kind == ActorKind::Country;
            inside
                || within_name
                || p.admin1
                    .as_deref()
                    .is_some_and(|a| m.text.split(' ').next() == Some(a) && names_old(a))
        });
        let Some(new) = division.and_then(|p| gaz.alpha3_of(&p.country)) else {
            continue;
        };
        m.set_country(new);
        moved.push((old, new.to_string()));
    }
    for (old, new) in moved {
        let still_named = actors
            .iter()
            .any(|m| !m.country_inferred && m.country.as_deref() == Some(old.as_str()));
        if still_named {
            continue;
        }
        for m in actors
            .iter_mut()
            .filter(|m| m.country_inferred && m.country.as_deref() == Some(old.as_str()))
        {
            m.set_country(&new);
            // Still a guess, now the right one.
            m.country_inferred = true;
        }
    }
}

/// Gives fighters tied to a named group by allegiance that group's code: "militants loyal
/// to the Islamic State", "fighters affiliated with al-Qaeda", "the gunmen, who belong to
/// al-Shabaab". Without it they take the country in focus as its rebels.
fn enlist_fighters(actors: &mut [ActorMention], text: &TextAnalysis) {
    let tokens = &text.tokens;
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    let groups: Vec<ActorMention> = actors
        .iter()
        .filter(|m| m.kind == ActorKind::Group)
        .cloned()
        .collect();
    for m in actors.iter_mut().filter(|m| {
        m.kind == ActorKind::Agent
            && !m.sectors.is_empty()
            && m.sectors
                .iter()
                .all(|s| matches!(s.as_str(), "REB" | "UAF"))
    }) {
        let mut at = m.token_end;
        if norm(at) == "," && norm(at + 1) == "who" {
            at += 2;
            if matches!(norm(at), "belong" | "belongs" | "belonged") && norm(at + 1) == "to" {
                at += 2;
            } else if matches!(norm(at), "are" | "were") && norm(at + 1) == "members" {
                at += if norm(at + 2) == "of" { 3 } else { 2 };
            } else {
                continue;
            }
        } else if matches!(
            (norm(at), norm(at + 1)),
            ("loyal" | "linked" | "allied", "to")
                | ("affiliated" | "allied" | "aligned" | "associated", "with")
                | ("belonging", "to")
        ) {
            at += 2;
        } else {
            continue;
        }
        if norm(at) == "the" {
            at += 1;
        }
        if let Some(g) = groups.iter().find(|g| g.token_start == at) {
            m.code = g.code.clone();
            m.country = g.country.clone();
            m.sectors = g.sectors.clone();
            m.country_inferred = false;
        }
    }
}

/// Words that tie an agent to the place it belongs to ("police in Hartford").
const AGENT_OF_PLACE: &[&str] = &["in", "of", "from"];

/// What an agent holds or occupies, said between it and its place ("rebel positions in").
const AGENT_HOLDINGS: &[&str] = &[
    "positions",
    "position",
    "strongholds",
    "stronghold",
    "bases",
    "base",
    "camps",
    "camp",
    "hideouts",
    "hideout",
    "targets",
    "outposts",
    "outpost",
    "checkpoints",
    "checkpoint",
    "facilities",
    "infrastructure",
    "headquarters",
    "compound",
    "compounds",
    "posts",
    "territory",
    "areas",
    "enclave",
    "pockets",
];

/// Gives agents whose country was only guessed from the document's focus the country of a
/// place named with them: "Hartford police", "the B.C. government", "police in Hartford".
/// The actor matcher runs before places are resolved, so this is the first point where the
/// gazetteer can say which country a local agent belongs to; a place written next to the
/// agent is far better evidence than the country the story mostly talks about.
fn locate_agents(
    actors: &mut [ActorMention],
    places: &[Place],
    text: &TextAnalysis,
    kb: &KnowledgeBase,
) {
    let tokens = &text.tokens;
    let place_ending = |end: usize| places.iter().find(|p| p.end == end);
    let place_starting = |start: usize| places.iter().find(|p| p.start == start);
    for m in actors
        .iter_mut()
        .filter(|m| m.country_inferred && m.kind == ActorKind::Agent)
    {
        // "evacuated its citizens from Ukraine": a possessive pronoun says whose they are
        // (the coder resolves it); the place is where they were.
        let owned = m
            .token_start
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .is_some_and(|t| matches!(t.norm.as_str(), "its" | "their" | "his" | "her" | "our"));
        if owned {
            continue;
        }
        let before = m.token_start.checked_sub(1).and_then(|i| {
            // "Hartford's police": skip the possessive.
            let i = match tokens.get(i) {
                Some(t) if t.norm == "'s" || t.norm == "'" => i.checked_sub(1)?,
                _ => i,
            };
            let place = place_ending(tokens.get(i)?.end)?;
            // "an anti-Syria journalist", "pro-Russia rebels": a stance, not a home.
            let first = (0..=i).rev().find(|&k| tokens[k].start <= place.start)?;
            let glued_hyphen = first
                .checked_sub(1)
                .and_then(|k| tokens.get(k))
                .is_some_and(|t| t.norm == "-" || t.norm.ends_with('-'));
            (tokens[first].start == place.start && !glued_hyphen).then_some(place)
        });
        let after = || {
            // "rebel positions in Idlib": the agent's holdings stand between it and the place.
            let mut at = m.token_end;
            while tokens
                .get(at)
                .is_some_and(|t| AGENT_HOLDINGS.contains(&t.norm.as_str()))
                && at < m.token_end + 2
            {
                at += 1;
            }
            let link = tokens.get(at)?;
            if !AGENT_OF_PLACE.contains(&link.norm.as_str()) {
                return None;
            }
            place_starting(tokens.get(at + 1)?.start)
        };
        let Some(place) = before.or_else(after) else {
            continue;
        };
        let Some(code) = kb.gazetteer.alpha3_of(&place.country) else {
            continue;
        };
        m.set_country(code);
    }
}
