//! CAMEO/PLOVER event coding from sentences and actor mentions: TABARI-style sparse parsing
//! over tokens. For each verb phrase or event noun found in the verb dictionary, the clause
//! analysis ([`clause`]) finds the source (subject, nearest actor to the left, through
//! coordination, appositions, relative pronouns and references) and the target (object or
//! object of the pattern's preposition), handles passive voice, negation and modality
//! ([`modality`]), and emits one event per source–target pair with its evidence.

mod clause;
pub mod modality;

use std::collections::HashSet;

use wirecoder_core::{ActorKind, ActorMention, Event, EventActor, Evidence, Place};

use crate::DocContext;

pub use clause::RawEvent;

/// Code every event in the document.
pub fn code(ctx: &DocContext) -> Vec<Event> {
    let Some(first_sentence) = ctx.text.sentences.first() else {
        return Vec::new();
    };
    let _ = first_sentence;
    if ctx.kb.verbs.patterns.is_empty() {
        return Vec::new();
    }
    // A story-level discard (sports results and the like) codes nothing.
    if let Some(wirecoder_knowledge::actors::DiscardScope::Story) =
        ctx.kb.actors.discard(&ctx.text.tokens)
    {
        return Vec::new();
    }
    let host = dateline_host(ctx);
    let dateline_place = crate::places::resolve_dateline(ctx);
    let mut coder = clause::Coder::new(ctx);
    let mut events = Vec::new();
    let mut seen: HashSet<(String, String, String, Option<String>)> = HashSet::new();
    for si in 0..ctx.text.sentences.len() {
        let toks = ctx.text.sentence_tokens(si);
        if toks.is_empty() || ctx.kb.actors.is_discarded(toks) {
            coder.skip_sentence(si);
            continue;
        }
        for raw in coder.sentence(si, host.as_ref()) {
            let ev = finish(ctx, si, raw, dateline_place.as_ref());
            let key = (
                ev.source.code.clone(),
                ev.target.as_ref().map(|t| t.code.clone()).unwrap_or_default(),
                ev.cameo.clone(),
                ev.date.clone(),
            );
            if seen.insert(key) {
                events.push(ev);
            }
        }
    }
    events
}

/// The actor standing for the dateline place ("TEHRAN" → IRN government), used as the host
/// of visits whose host the sentence does not name.
fn dateline_host(ctx: &DocContext) -> Option<ActorMention> {
    let name = ctx.doc.dateline_place.as_deref()?;
    let name = name.split(',').next()?.trim();
    if name.is_empty() {
        return None;
    }
    // Title-case so the actor matcher treats it as a name, not a shouted word.
    let mut title = String::new();
    for (i, w) in name.split_whitespace().enumerate() {
        if i > 0 {
            title.push(' ');
        }
        let mut cs = w.chars();
        if let Some(c) = cs.next() {
            title.extend(c.to_uppercase());
            title.push_str(&cs.as_str().to_lowercase());
        }
    }
    let analyzer = wirecoder_text::RuleAnalyzer;
    let text = wirecoder_text::LanguageAnalyzer::analyze(&analyzer, &title);
    let mentions = ctx.kb.actors.find_mentions(&text, ctx.doc_date);
    let m = mentions
        .into_iter()
        .find(|m| matches!(m.kind, ActorKind::Metonym | ActorKind::Country))?;
    Some(ActorMention {
        start: 0,
        end: 0,
        token_start: 0,
        token_end: 0,
        sentence: usize::MAX,
        ..m
    })
}

fn to_actor(m: &ActorMention) -> EventActor {
    EventActor::from(m)
}

/// Fill date, place, ontology and evidence of a raw event.
fn finish(ctx: &DocContext, si: usize, raw: RawEvent, dateline: Option<&Place>) -> Event {
    let sentence = &ctx.text.sentences[si.min(ctx.text.sentences.len().saturating_sub(1))];
    // Date: the temporal expression of the clause (same sentence, nearest to the verb) that
    // does not point into the future; else the document date.
    let doc_date = ctx.doc_date.map(|d| d.format("%Y-%m-%d").to_string());
    let mut date = doc_date.clone();
    let mut date_text = None;
    if let Some(t) = ctx
        .dates
        .iter()
        // Approximate spans ("more than five years ago") do not date an event precisely.
        .filter(|t| t.sentence == si && !t.future && !t.approximate)
        .filter(|t| match &doc_date {
            Some(d) => t.value.as_str() <= d.as_str(),
            None => true,
        })
        .min_by_key(|t| t.start.abs_diff(raw.verb_start).min(t.end.abs_diff(raw.verb_start)))
    {
        date = Some(t.value.clone());
        date_text = Some(t.text.clone());
    }
    // A visit whose host came from the dateline happened at the dateline place.
    let dateline_host = raw.source.sentence == usize::MAX
        || raw.target.as_ref().is_some_and(|t| t.sentence == usize::MAX);
    let place = if dateline_host {
        dateline.cloned()
    } else {
        crate::places::place_near(ctx, si, raw.verb_start)
            .cloned()
            .or_else(|| dateline.cloned())
    };
    let (label, goldstein, quad_class, plover) = match ctx.kb.ontology.get(&raw.code) {
        Some(c) => (
            c.label.clone(),
            c.goldstein,
            c.quad_class,
            c.plover_opt().cloned(),
        ),
        None => match ctx.kb.ontology.parent(&raw.code) {
            Some(c) => (
                c.label.clone(),
                c.goldstein,
                c.quad_class,
                c.plover_opt().cloned(),
            ),
            None => (String::new(), 0.0, 0, None),
        },
    };
    let verb = char_slice(&sentence.text, raw.verb_start.saturating_sub(sentence.start), raw.verb_end.saturating_sub(sentence.start));
    Event {
        doc: ctx.doc.id.clone(),
        sentence: si,
        date,
        date_text,
        source: to_actor(&raw.source),
        target: raw.target.as_ref().map(to_actor),
        root: raw.code.get(..2).unwrap_or(&raw.code).to_string(),
        cameo: raw.code,
        label,
        goldstein,
        quad_class,
        plover,
        place,
        evidence: Evidence {
            sentence_text: sentence.text.clone(),
            verb,
            verb_start: raw.verb_start,
            verb_end: raw.verb_end,
            rule: raw.rule,
        },
    }
}

/// Characters `[a, b)` of `s`.
fn char_slice(s: &str, a: usize, b: usize) -> String {
    s.chars().skip(a).take(b.saturating_sub(a)).collect()
}
