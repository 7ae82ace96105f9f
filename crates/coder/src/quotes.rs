//! Direct and indirect quotes with their speakers.
//!
//! Direct quotes come from quotation marks in the body ([`marks`]); each quoted stretch is
//! returned on its own, so a sentence with two partial quotes gives two quotes, each with the
//! speaker (a multi-paragraph quote gives one quote per paragraph, all with the same speaker).
//! Indirect quotes are the reported clause of a speech verb ("X said (that) ...", "..., X
//! said", "according to X, ..."); they may contain partial direct quotes, which are then
//! returned both ways.
//!
//! Speakers come from the speech verbs of the sentences a quote spans (never from inside a
//! quote), nearest verb first: the subject before the verb ("X said", "X told reporters",
//! "X was quoted as saying"), else the one after it ("said X"); "quoted X as saying" and
//! "according to X" name X. Among the actor mentions of a subject, a person wins ("Iranian
//! Defense Minister General Hossein Dehghan"), else the first ("A Russian Defense Ministry
//! statement before the meeting"). "he"/"she" resolve to the last named person (an actor
//! mention of kind person, or a name already given as speaker), "it"/"they" to the last
//! non-person actor. A capitalised name with no actor mention is kept as the speaker's text
//! and matched by surname against earlier people ("Dehghan" → "Hossein Dehghan"). A quote
//! with no speech verb in its sentences takes the speaker of the previous attribution when
//! that was at most two sentences earlier (a quote paragraph following "X said:").

mod marks;

use std::borrow::Cow;
use std::collections::BTreeMap;

use wirecoder_core::{ActorKind, ActorMention, Quote, QuoteKind, Speaker, Token};

use crate::DocContext;

/// Every quote in the document with its speaker, ordered by position.
pub fn extract(ctx: &DocContext) -> Vec<Quote> {
    let doc = Doc::new(ctx);
    let attrs = doc.attributions();
    let mut out = doc.direct(&attrs);
    out.extend(doc.indirect(&attrs));
    out.sort_by_key(|a| (a.start, a.end, a.kind as u8));
    out
}

/// How a speech word introduces its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// "said", "says", "added": indirect speech may follow without "that".
    Say,
    /// "told": an object (the hearer) follows.
    Tell,
    /// "stressed", "warned", ...: indirect speech only with "that".
    Other,
    /// "adding", "saying": the speaker is the clause's subject.
    Participle,
    /// "quoted X as saying" / "X was quoted as saying".
    Quoted,
    /// "according to X".
    According,
}

fn verb(norm: &str) -> Option<Verb> {
    Some(match norm {
        "said" | "says" | "say" | "added" | "adds" => Verb::Say,
        "told" | "tells" => Verb::Tell,
        "stressed" | "stresses" | "noted" | "notes" | "warned" | "warns" | "insisted"
        | "insists" | "declared" | "declares" | "announced" | "announces" | "explained"
        | "explains" | "argued" | "argues" | "claimed" | "claims" | "asserted" | "asserts"
        | "stated" | "states" | "wrote" | "writes" | "reiterated" | "emphasized" | "emphasised"
        | "emphasizes" | "emphasises" | "acknowledged" | "admitted" | "confirmed" | "cautioned"
        | "complained" | "maintained" | "predicted" | "replied" | "responded" | "tweeted"
        | "conceded" | "observed" | "remarked" | "vowed" | "pledged" | "promised"
        | "threatened" | "continued" | "revealed" | "reveals" | "recalled" | "recalls"
        | "disclosed" | "suggested" | "recounted" | "joked" | "boasted" => Verb::Other,
        "saying" | "adding" | "noting" | "stressing" | "warning" | "insisting" | "arguing"
        | "claiming" | "explaining" | "declaring" | "telling" | "asserting" | "emphasizing"
        | "emphasising" | "stating" | "urging" | "vowing" => Verb::Participle,
        "quoted" => Verb::Quoted,
        "according" => Verb::According,
        _ => return None,
    })
}

/// Words allowed between a subject and its verb ("he also said", "X has said").
fn between_subject_and_verb(norm: &str) -> bool {
    matches!(
        norm,
        "also"
            | "later"
            | "again"
            | "then"
            | "further"
            | "previously"
            | "earlier"
            | "recently"
            | "repeatedly"
            | "once"
            | "reportedly"
            | "only"
            | "even"
            | "just"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "been"
            | "would"
            | "will"
            | "did"
            | "does"
            | "separately"
            | "publicly"
            | "told"
    )
}

/// Capitalised words that open sentences without being names.
fn function_word(norm: &str) -> bool {
    matches!(
        norm,
        "the"
            | "a"
            | "an"
            | "but"
            | "and"
            | "or"
            | "when"
            | "while"
            | "if"
            | "as"
            | "after"
            | "before"
            | "however"
            | "in"
            | "on"
            | "at"
            | "for"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "then"
            | "so"
            | "although"
            | "though"
            | "because"
            | "since"
            | "once"
            | "meanwhile"
            | "also"
            | "asked"
            | "speaking"
            | "separately"
            | "later"
            | "earlier"
            | "now"
            | "yet"
            | "still"
            | "instead"
            | "both"
            | "some"
            | "many"
            | "most"
            | "other"
            | "others"
            | "several"
            | "all"
    )
}

fn is_punct(norm: &str) -> bool {
    norm.chars().all(|c| !c.is_alphanumeric())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pronoun {
    Person,
    Thing,
}

fn pronoun(norm: &str) -> Option<Pronoun> {
    match norm {
        "he" | "she" => Some(Pronoun::Person),
        "it" | "they" => Some(Pronoun::Thing),
        _ => None,
    }
}

/// Who said it, and where the attribution sits in the tokens.
#[derive(Debug, Clone)]
struct Attribution {
    speaker: Option<Speaker>,
    verb: usize,
    kind: Verb,
    /// Token range of the speaker phrase (empty when inherited).
    speaker_tokens: (usize, usize),
    /// The speaker follows the verb ("said Dehghan").
    inverted: bool,
    /// The speaker is a person (for "he"/"she" later on).
    person: bool,
    sentence: usize,
}

/// A speaker found in the text: who, where, and whether a person.
#[derive(Debug, Clone)]
struct Found {
    speaker: Speaker,
    span: (usize, usize),
    person: bool,
}

/// The last speaker named explicitly (not by pronoun), for pronoun resolution.
#[derive(Debug, Clone)]
struct Named {
    at: usize,
    speaker: Speaker,
    person: bool,
    /// The last person named before this speaker, when this one is not a person: "he" after
    /// an organisation's statement still finds the earlier person.
    earlier_person: Option<Box<Named>>,
}

struct Doc<'a> {
    ctx: &'a DocContext<'a>,
    tokens: &'a [Token],
    norms: Vec<Cow<'a, str>>,
    chars: Vec<char>,
    chains: Vec<marks::Chain>,
    /// Whether each token lies inside quotation marks (marks included).
    in_quote: Vec<bool>,
    /// Actor mentions sorted by token start.
    mentions: Vec<&'a ActorMention>,
    /// Whether the language layer ran the statistical model (a parse and named entities):
    /// then an entity label decides whether a capitalised run names a person.
    parsed: bool,
}

impl<'a> Doc<'a> {
    fn new(ctx: &'a DocContext<'a>) -> Self {
        let tokens = ctx.text.tokens.as_slice();
        let norms = tokens
            .iter()
            .map(|t| {
                if t.norm.is_empty() {
                    Cow::Owned(t.text.to_lowercase())
                } else {
                    Cow::Borrowed(t.norm.as_str())
                }
            })
            .collect();
        let chains = marks::find(&ctx.doc.body);
        let mut in_quote = vec![false; tokens.len()];
        for seg in chains.iter().flatten() {
            let first = tokens.partition_point(|t| t.start < seg.open);
            for (k, t) in tokens.iter().enumerate().skip(first) {
                if t.start >= seg.close {
                    break;
                }
                if let Some(f) = in_quote.get_mut(k) {
                    *f = true;
                }
            }
        }
        let mut mentions: Vec<&ActorMention> = ctx.actors.iter().collect();
        mentions.sort_by_key(|m| (m.token_start, std::cmp::Reverse(m.token_end)));
        Doc {
            ctx,
            tokens,
            norms,
            chars: ctx.doc.body.chars().collect(),
            chains,
            in_quote,
            mentions,
            parsed: tokens.iter().any(|t| !t.dep.is_empty()),
        }
    }

    fn n(&self, i: usize) -> &str {
        self.norms.get(i).map_or("", |c| c.as_ref())
    }

    fn quoted(&self, i: usize) -> bool {
        self.in_quote.get(i).copied().unwrap_or(false)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .and_then(|t| t.text.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn slice(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end.min(self.chars.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// Body text of tokens `[a, b)`.
    fn token_text(&self, a: usize, b: usize) -> String {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(s), Some(e)) if b > a => self.slice(s.start, e.end),
            _ => String::new(),
        }
    }

    fn sentence_of_char(&self, pos: usize) -> usize {
        let s = &self.ctx.text.sentences;
        s.partition_point(|x| x.start <= pos).saturating_sub(1)
    }

    fn sentence_bounds(&self, si: usize) -> (usize, usize) {
        self.ctx.text.sentences.get(si).map_or((0, 0), |s| {
            (s.token_start, s.token_end.min(self.tokens.len()))
        })
    }

    /// Attributions of every speech word outside quotes, by verb token, in text order (so
    /// pronouns see the speakers named before them).
    fn attributions(&self) -> BTreeMap<usize, Attribution> {
        let mut out = BTreeMap::new();
        let mut last_named: Option<Named> = None;
        for si in 0..self.ctx.text.sentences.len() {
            let (ss, se) = self.sentence_bounds(si);
            let verbs: Vec<(usize, Verb)> = (ss..se)
                .filter(|&k| !self.quoted(k))
                .filter_map(|k| verb(self.n(k)).map(|v| (k, v)))
                // "quoted X as saying": "saying" belongs to "quoted".
                .filter(|&(k, v)| !(v == Verb::Participle && k > 0 && self.n(k - 1) == "as"))
                .collect();
            let mut found: Vec<Attribution> = Vec::new();
            for &(v, kind) in &verbs {
                if kind == Verb::Participle {
                    continue;
                }
                if let Some(a) = self.attribute(v, kind, ss, se, si, &last_named) {
                    if let (Some(sp), (a0, a1)) = (&a.speaker, a.speaker_tokens) {
                        if a1 > a0 && pronoun(self.n(a0)).is_none() {
                            let earlier_person = if a.person {
                                None
                            } else {
                                last_named.take().and_then(|n| {
                                    if n.person {
                                        Some(Box::new(n))
                                    } else {
                                        n.earlier_person
                                    }
                                })
                            };
                            last_named = Some(Named {
                                at: a0,
                                speaker: sp.clone(),
                                person: a.person,
                                earlier_person,
                            });
                        }
                    }
                    found.push(a);
                }
            }
            for &(v, kind) in &verbs {
                if kind != Verb::Participle {
                    continue;
                }
                // The subject of "..., adding that" is the main clause's speaker.
                let inherited = found
                    .iter()
                    .filter(|a| a.verb < v)
                    .max_by_key(|a| a.verb)
                    .or_else(|| found.first())
                    .map(|a| (a.speaker.clone(), a.person));
                let (speaker, person) = match inherited {
                    Some(s) => s,
                    None => self
                        .sentence_subject(ss, v, &last_named)
                        .map_or((None, false), |f| (Some(f.speaker), f.person)),
                };
                found.push(Attribution {
                    speaker,
                    verb: v,
                    kind,
                    speaker_tokens: (v, v),
                    inverted: false,
                    person,
                    sentence: si,
                });
            }
            for a in found {
                out.insert(a.verb, a);
            }
        }
        out
    }

    fn attribute(
        &self,
        v: usize,
        kind: Verb,
        ss: usize,
        se: usize,
        si: usize,
        last: &Option<Named>,
    ) -> Option<Attribution> {
        let mk = |f: Found, inverted: bool| Attribution {
            speaker: Some(f.speaker),
            verb: v,
            kind,
            speaker_tokens: f.span,
            inverted,
            person: f.person,
            sentence: si,
        };
        match kind {
            Verb::According => {
                if self.n(v + 1) != "to" {
                    return None;
                }
                Some(mk(self.phrase_after(v + 2, se, last)?, true))
            }
            Verb::Quoted => {
                if self.n(v + 1) == "as" {
                    return Some(mk(self.subject_before(v, ss, last)?, false));
                }
                let as_at = (v + 1..se.min(v + 12)).find(|&k| self.n(k) == "as")?;
                Some(mk(self.phrase_after(v + 1, as_at, last)?, true))
            }
            _ => {
                if let Some(f) = self.subject_before(v, ss, last) {
                    return Some(mk(f, false));
                }
                // "said X" only right after the report: "“...,” said X", "..., said X".
                let after_report = v > ss && (self.quoted(v - 1) || self.n(v - 1) == ",");
                if !after_report {
                    return None;
                }
                Some(mk(self.phrase_after(v + 1, se, last)?, true))
            }
        }
    }

    /// The subject ending just before verb `v` (adverbs and auxiliaries skipped).
    fn subject_before(&self, v: usize, ss: usize, last: &Option<Named>) -> Option<Found> {
        let mut k = v;
        while k > ss && !self.quoted(k - 1) && between_subject_and_verb(self.n(k - 1)) {
            k -= 1;
        }
        if k <= ss {
            return None;
        }
        let mut end = k;
        // "X, who arrived on Monday, said" / "X, 92, said": skip back over the aside.
        if self.n(end - 1) == "," && !self.quoted(end - 1) {
            let open = (ss.max(end.saturating_sub(16))..end - 1)
                .rev()
                .take_while(|&c| !self.quoted(c))
                .find(|&c| self.n(c) == ",")?;
            end = open;
        }
        if end <= ss {
            return None;
        }
        let lastw = end - 1;
        if self.quoted(lastw) || is_punct(self.n(lastw)) {
            return None;
        }
        if let Some(p) = pronoun(self.n(lastw)) {
            let (speaker, person) = self.resolve_pronoun(lastw, p, last)?;
            return Some(Found {
                speaker,
                span: (lastw, end),
                person,
            });
        }
        // The clause before the verb: back to a quote, a semicolon or the sentence start.
        let mut b = lastw;
        while b > ss && !self.quoted(b - 1) && !matches!(self.n(b - 1), ";" | ":") {
            b -= 1;
        }
        let inside: Vec<&ActorMention> = self
            .mentions
            .iter()
            .copied()
            .filter(|m| m.token_start >= b && m.token_end <= end && m.token_end > m.token_start)
            .collect();
        let chosen = inside
            .iter()
            .filter(|m| m.kind == ActorKind::Person)
            .max_by_key(|m| m.token_end)
            .or_else(|| inside.iter().find(|m| m.token_end == end))
            .or_else(|| inside.first());
        if let Some(m) = chosen {
            return Some(self.found_mention(m));
        }
        // A capitalised name run ending at the verb ("Centers for Disease Control").
        if self.capitalized(lastw) {
            let mut a = lastw;
            while a > b
                && !is_punct(self.n(a - 1))
                && (self.capitalized(a - 1)
                    || (a >= b + 2
                        && matches!(self.n(a - 1), "of" | "for" | "and")
                        && self.capitalized(a - 2)))
            {
                a -= 1;
            }
            while a < lastw && function_word(self.n(a)) {
                a += 1;
            }
            if !function_word(self.n(a)) {
                return Some(self.found_name(a, end, ss));
            }
        }
        // A description ("a spokesman said"): the noun phrase from its determiner.
        let a = (b..=lastw)
            .rev()
            .take(5)
            .find(|&t| matches!(self.n(t), "a" | "an" | "the"))?;
        Some(Found {
            speaker: self.plain(a, end),
            span: (a, end),
            person: false,
        })
    }

    /// The speaker phrase starting at `from` ("said Dehghan", "according to X", "quoted X
    /// as saying"), up to `limit`.
    fn phrase_after(&self, from: usize, limit: usize, last: &Option<Named>) -> Option<Found> {
        if from >= limit || self.quoted(from) {
            return None;
        }
        if let Some(p) = pronoun(self.n(from)) {
            let (speaker, person) = self.resolve_pronoun(from, p, last)?;
            return Some(Found {
                speaker,
                span: (from, from + 1),
                person,
            });
        }
        // The phrase: capitalised words, mentions and determiners/adjectives, up to 12 tokens.
        let mut end = from;
        while end < limit && end < from + 12 && !self.quoted(end) && !is_punct(self.n(end)) {
            let in_mention = self
                .mentions
                .iter()
                .any(|m| m.token_start <= end && end < m.token_end);
            let ok = in_mention
                || self.capitalized(end)
                || matches!(self.n(end), "the" | "a" | "an" | "'s")
                || (end > from
                    && matches!(self.n(end), "of" | "for" | "and")
                    && self.capitalized(end + 1));
            if !ok {
                break;
            }
            end += 1;
        }
        let inside: Vec<&ActorMention> = self
            .mentions
            .iter()
            .copied()
            .filter(|m| m.token_start >= from && m.token_end <= end.max(from + 1))
            .collect();
        let chosen = inside
            .iter()
            .find(|m| m.kind == ActorKind::Person)
            .or_else(|| inside.first());
        if let Some(m) = chosen {
            return Some(self.found_mention(m));
        }
        let mut a = from;
        while a < end && function_word(self.n(a)) {
            a += 1;
        }
        if a < end && self.capitalized(a) {
            return Some(self.found_name(a, end, usize::MAX));
        }
        if end > from && matches!(self.n(from), "the" | "a" | "an") {
            // "said a spokesman": determiner plus up to three words.
            let stop = (from + 1..limit.min(from + 4))
                .find(|&k| self.quoted(k) || is_punct(self.n(k)))
                .unwrap_or(limit.min(from + 4));
            return Some(Found {
                speaker: self.plain(from, stop),
                span: (from, stop),
                person: false,
            });
        }
        None
    }

    /// Subject of a sentence whose only speech word is a participle ("X criticised Y,
    /// saying ..."): its first person, else first actor, else a leading pronoun.
    fn sentence_subject(&self, ss: usize, v: usize, last: &Option<Named>) -> Option<Found> {
        let inside: Vec<&ActorMention> = self
            .mentions
            .iter()
            .copied()
            .filter(|m| m.token_start >= ss && m.token_end <= v && !self.quoted(m.token_start))
            .collect();
        if let Some(m) = inside
            .iter()
            .find(|m| m.kind == ActorKind::Person)
            .or_else(|| inside.first())
        {
            return Some(self.found_mention(m));
        }
        let p = pronoun(self.n(ss))?;
        let (speaker, person) = self.resolve_pronoun(ss, p, last)?;
        Some(Found {
            speaker,
            span: (ss, ss + 1),
            person,
        })
    }

    fn resolve_pronoun(
        &self,
        at: usize,
        p: Pronoun,
        last: &Option<Named>,
    ) -> Option<(Speaker, bool)> {
        // The actor layer may already have resolved the pronoun.
        if let Some(m) = self
            .mentions
            .iter()
            .find(|m| m.token_start == at && m.token_end == at + 1 && !m.code.is_empty())
        {
            return Some((self.speaker_of_mention(m), p == Pronoun::Person));
        }
        let before = self
            .mentions
            .iter()
            .copied()
            .filter(|m| m.token_end <= at && m.kind != ActorKind::Reference)
            .filter(|m| (m.kind == ActorKind::Person) == (p == Pronoun::Person))
            .max_by_key(|m| m.token_start);
        let named = last.as_ref().and_then(|n| {
            if n.person == (p == Pronoun::Person) {
                Some(n)
            } else if p == Pronoun::Person {
                n.earlier_person.as_deref()
            } else {
                None
            }
        });
        let named = named.filter(|n| n.at < at);
        let person = p == Pronoun::Person;
        match (before, named) {
            (Some(m), Some(n)) if n.at > m.token_start => Some((n.speaker.clone(), person)),
            (Some(m), _) => Some((self.speaker_of_mention(m), person)),
            (None, Some(n)) => Some((n.speaker.clone(), person)),
            // Nobody to point to: any earlier speaker, else the pronoun itself.
            (None, None) => Some(match last.as_ref().filter(|n| n.at < at) {
                Some(n) => (n.speaker.clone(), person),
                None => (self.plain(at, at + 1), person),
            }),
        }
    }

    fn found_mention(&self, m: &ActorMention) -> Found {
        Found {
            speaker: self.speaker_of_mention(m),
            span: (m.token_start, m.token_end),
            person: m.kind == ActorKind::Person,
        }
    }

    fn speaker_of_mention(&self, m: &ActorMention) -> Speaker {
        let name = m
            .name
            .clone()
            .or_else(|| (m.kind == ActorKind::Person).then(|| m.text.clone()));
        Speaker {
            text: m.text.clone(),
            name,
            code: (!m.code.is_empty()).then(|| m.code.clone()),
            country: m.country.clone(),
        }
    }

    /// A name with no actor mention; matched by surname against earlier people.
    fn speaker_of_name(&self, a: usize, b: usize) -> Speaker {
        let text = self.token_text(a, b);
        let surname = b.checked_sub(1).map(|l| self.n(l)).unwrap_or("");
        let person = self
            .mentions
            .iter()
            .filter(|m| m.kind == ActorKind::Person && m.token_end <= a)
            .filter(|m| {
                m.token_end
                    .checked_sub(1)
                    .is_some_and(|l| self.n(l) == surname)
            })
            .max_by_key(|m| m.token_start);
        match person {
            Some(m) => Speaker {
                text,
                ..self.speaker_of_mention(m)
            },
            None => Speaker {
                name: Some(text.clone()),
                text,
                code: None,
                country: None,
            },
        }
    }

    /// A capitalised run as speaker. One capitalised word opening its sentence
    /// (`sentence_start == a`) may be a common noun ("Officials said"): it is a name only
    /// when it repeats an earlier person's surname.
    fn found_name(&self, a: usize, b: usize, sentence_start: usize) -> Found {
        let speaker = self.speaker_of_name(a, b);
        if self.parsed && speaker.code.is_none() {
            // The model's entities tell people ("John Harrowgate") from organisations
            // ("Acme Widgets Corporation": a name, but not a "he") and from capitalised
            // common nouns ("Officials": no name at all).
            let label = self.entity_label(a, b);
            return Found {
                speaker: Speaker {
                    name: label.and(speaker.name.clone()),
                    ..speaker
                },
                span: (a, b),
                person: label == Some("PERSON"),
            };
        }
        let lone_opener = b == a + 1 && a == sentence_start;
        if lone_opener && speaker.code.is_none() {
            return Found {
                speaker: Speaker {
                    name: None,
                    ..speaker
                },
                span: (a, b),
                person: false,
            };
        }
        Found {
            speaker,
            span: (a, b),
            person: true,
        }
    }

    /// Label of the named entity overlapping tokens `[a, b)`, if any.
    fn entity_label(&self, a: usize, b: usize) -> Option<&str> {
        self.ctx
            .text
            .entities
            .iter()
            .find(|e| e.token_start < b && a < e.token_end)
            .map(|e| e.label.as_str())
    }

    /// A description with no name ("a spokesman").
    fn plain(&self, a: usize, b: usize) -> Speaker {
        Speaker {
            text: self.token_text(a, b),
            name: None,
            code: None,
            country: None,
        }
    }

    /// Token range `[first, last]` of a chain's marks.
    fn chain_tokens(&self, chain: &marks::Chain) -> Option<(usize, usize)> {
        let open = chain.first()?.open;
        let close = chain.last()?.close;
        let a = self.tokens.partition_point(|t| t.start < open);
        let b = self.tokens.partition_point(|t| t.start < close);
        Some((a, b.saturating_sub(1).max(a)))
    }

    fn direct(&self, attrs: &BTreeMap<usize, Attribution>) -> Vec<Quote> {
        let mut out = Vec::new();
        for chain in &self.chains {
            let (Some(first), Some(lastseg)) = (chain.first(), chain.last()) else {
                continue;
            };
            let s0 = self.sentence_of_char(first.start);
            let s1 = self.sentence_of_char(lastseg.end.saturating_sub(1));
            let (tstart, tend) = self.chain_tokens(chain).unwrap_or((0, 0));
            let (lo, _) = self.sentence_bounds(s0);
            let (_, hi) = self.sentence_bounds(s1);
            let nearest = attrs.range(lo..hi.max(lo)).map(|(_, a)| a).min_by_key(|a| {
                if a.verb < tstart {
                    tstart - a.verb
                } else {
                    a.verb.saturating_sub(tend)
                }
            });
            let speaker = match nearest {
                Some(a) => a.speaker.clone(),
                None => attrs
                    .range(..lo)
                    .next_back()
                    .map(|(_, a)| a)
                    .filter(|a| a.sentence + 2 >= s0)
                    .and_then(|a| a.speaker.clone()),
            };
            for seg in chain {
                out.push(Quote {
                    speaker: speaker.clone(),
                    text: self.slice(seg.start, seg.end),
                    start: seg.start,
                    end: seg.end,
                    kind: QuoteKind::Direct,
                    sentence: self.sentence_of_char(seg.start),
                });
            }
        }
        out
    }

    fn indirect(&self, attrs: &BTreeMap<usize, Attribution>) -> Vec<Quote> {
        let mut out = Vec::new();
        for a in attrs.values() {
            let (ss, se) = self.sentence_bounds(a.sentence);
            let Some((c0, c1)) = self.reported_clause(a, ss, se, attrs) else {
                continue;
            };
            // A clause that is all direct quote is already returned as one.
            let own_words = (c0..c1)
                .filter(|&k| !self.quoted(k) && !is_punct(self.n(k)))
                .count();
            if own_words < 3 {
                continue;
            }
            let (Some(t0), Some(t1)) = (self.tokens.get(c0), self.tokens.get(c1 - 1)) else {
                continue;
            };
            out.push(Quote {
                speaker: a.speaker.clone(),
                text: self.slice(t0.start, t1.end),
                start: t0.start,
                end: t1.end,
                kind: QuoteKind::Indirect,
                sentence: a.sentence,
            });
        }
        out
    }

    /// The opening-mark token of a quote that runs into sentence start `ss` from an earlier
    /// sentence, else `ss`.
    fn quote_open_before(&self, ss: usize) -> usize {
        let Some(t) = self.tokens.get(ss) else {
            return ss;
        };
        if !self.quoted(ss) {
            return ss;
        }
        self.chains
            .iter()
            .filter_map(|c| Some((c.first()?.open, c.last()?.close)))
            .find(|&(open, close)| open <= t.start && t.start < close)
            .map_or(ss, |(open, _)| {
                self.tokens.partition_point(|x| x.start < open)
            })
    }

    /// Token range of the speech reported by attribution `a`, if it is indirect.
    fn reported_clause(
        &self,
        a: &Attribution,
        ss: usize,
        se: usize,
        attrs: &BTreeMap<usize, Attribution>,
    ) -> Option<(usize, usize)> {
        let (sp0, sp1) = a.speaker_tokens;
        let v = a.verb;
        let (c0, c1) = match a.kind {
            Verb::According => {
                let before = v.saturating_sub(ss);
                if before <= 1 {
                    let mut c = sp1;
                    while c < se && is_punct(self.n(c)) {
                        c += 1;
                    }
                    (c, se)
                } else {
                    (ss, v)
                }
            }
            Verb::Quoted => return None,
            _ if a.inverted => (self.quote_open_before(ss), v),
            _ if sp1 > sp0
                && sp0 > ss + 1
                && sp1 <= v
                && (self.quoted(sp0 - 1) || self.n(sp0 - 1) == ",")
                && ((ss..sp0).any(|k| self.quoted(k))
                    || matches!(self.n(v + 1), "." | "," | ";" | "")) =>
            {
                // "..., he said": the report precedes the speaker.
                (self.quote_open_before(ss), sp0)
            }
            _ => {
                let mut c = v + 1;
                if a.kind == Verb::Tell {
                    // Skip the hearer: "told reporters", "told the BBC".
                    while c < se && matches!(self.n(c), "the" | "a" | "an") {
                        c += 1;
                    }
                    c += 1;
                    while c < se && self.capitalized(c) && !self.quoted(c) {
                        c += 1;
                    }
                }
                if self.n(c) == "," {
                    return None;
                }
                let that = (c..se.min(c + 6))
                    .take_while(|&k| !self.quoted(k) && !matches!(self.n(k), "." | ";"))
                    .find(|&k| self.n(k) == "that");
                match that {
                    Some(t) => c = t + 1,
                    None if !matches!(a.kind, Verb::Say | Verb::Tell) => return None,
                    None => {}
                }
                if self.n(c) == "," || self.n(c) == ":" {
                    return None;
                }
                // Up to the next speech word of the sentence.
                let stop = attrs
                    .range(c.min(se)..se)
                    .map(|(&k, _)| k)
                    .next()
                    .map_or(se, |k| {
                        let mut s = k;
                        while s > c && (is_punct(self.n(s - 1)) || self.n(s - 1) == "and") {
                            s -= 1;
                        }
                        s
                    });
                (c, stop)
            }
        };
        // Trim punctuation at both ends (closing quote marks stay: they belong to the text).
        let mut c0 = c0;
        let mut c1 = c1.min(se);
        while c0 < c1 && is_punct(self.n(c0)) && !self.quoted(c0) {
            c0 += 1;
        }
        while c1 > c0 && is_punct(self.n(c1 - 1)) && !self.quoted(c1 - 1) {
            c1 -= 1;
        }
        (c1 > c0).then_some((c0, c1))
    }
}

#[cfg(test)]
mod tests;
