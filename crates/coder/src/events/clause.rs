//! Clause analysis: triggers, subjects, objects, voice, negation, modality, references.
//!
//! Sparse parsing in the TABARI tradition: no tree, only the token sequence, the actor
//! mentions and (when the language layer provides them) POS tags. Every search is bounded
//! (a few tokens) and stops at clause boundaries, so a sentence costs O(tokens × patterns of
//! its triggers).

use wirecoder_core::{ActorKind, ActorMention, QuoteKind};
use wirecoder_knowledge::verbs::{
    Elem, FormRef, Modality, TriggerKind, VerbDictionary, VerbPattern,
};

use super::modality;
use super::parse::{Dep, Parse};
use crate::wordset::WordSet;
use crate::DocContext;

/// An event before dates, places and the ontology are attached.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub source: ActorMention,
    pub target: Option<ActorMention>,
    pub code: String,
    pub rule: String,
    /// Char offsets of the trigger in the document body.
    pub verb_start: usize,
    pub verb_end: usize,
}

/// Words whose "that" complement is demanded, not asserted (the subjunctive "demanded
/// that Israel ease"); "insist" is left out: "insisted that it had not attacked" asserts.
const DEMAND_WORDS: &[&str] = &[
    "demand",
    "demands",
    "demanded",
    "demanding",
    "ordered",
    "orders",
    "order",
    "ordering",
    "required",
    "requires",
    "requiring",
    "stipulated",
    "stipulates",
];
/// Words whose "that" complement is requested ("urged that", "proposed that").
const APPEAL_WORDS: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "urging",
    "request",
    "requests",
    "requested",
    "requesting",
    "proposed",
    "proposes",
    "proposing",
    "recommended",
    "recommends",
    "recommending",
    "asked",
    "asks",
    "asking",
    "appealed",
    "appeals",
];

fn modality_name(m: Modality) -> &'static str {
    match m {
        Modality::Intent => "intent",
        Modality::Threat => "threat",
        Modality::Refuse => "refuse",
        Modality::Appeal => "appeal",
        Modality::Demand => "demand",
    }
}

/// Nouns for what an actor proposes, asks or says, whose author is the target of a verb
/// acting on them ("rejected the offer from X").
const COMM_NOUNS: &[&str] = &[
    "offer",
    "offers",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "call",
    "calls",
    "appeal",
    "appeals",
    "demand",
    "demands",
    "request",
    "requests",
    "invitation",
    "invitations",
    "initiative",
    "initiatives",
    "ultimatum",
    "statement",
    "statements",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "charges",
    "criticism",
    "warning",
    "warnings",
    "decision",
    "proposition",
    "bid",
    "overture",
    "overtures",
    "remarks",
    "comments",
    "policy",
    "conditions",
];

/// Verbs that report casualties of an attack named elsewhere in the clause.
const VICTIM_VERBS: &[&str] = &[
    "killed", "wounded", "injured", "hurt", "maimed", "died", "dead",
];

/// Weapons that make a blast an attack ("bomb blast", "minefield explosion").
const WEAPON_WORDS: &[&str] = &[
    "bomb",
    "car",
    "suicide",
    "mine",
    "landmine",
    "minefield",
    "grenade",
    "rocket",
    "mortar",
    "shell",
    "ied",
    "explosives",
    "roadside",
    "booby-trap",
    "booby",
];

/// Words that end a clause for the searches to the right of a trigger.
static STOP_R: WordSet = WordSet::new(&[
    ";",
    ":",
    "said",
    "says",
    "say",
    "told",
    "while",
    "whereas",
    "although",
    "though",
    "because",
    "but",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "after",
    "before",
    "since",
    "if",
    "unless",
    "until",
    "where",
    "\"",
    "according",
    "as",
    "amid",
    "despite",
]);
/// Words that end the search for a subject to the left of a trigger.
const STOP_L: &[&str] = &[
    ";", ":", "that", "because", "although", "though", "whereas", "if", "unless", "when", "while",
    "as", "after", "before", "since", "until", "so", "\"", "but", "said", "says", "told",
];
/// Auxiliaries, modals and adverbs that may stand between a subject and its verb.
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "having",
    "is",
    "are",
    "am",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "to",
    "also",
    "now",
    "then",
    "already",
    "reportedly",
    "allegedly",
    "still",
    "just",
    "again",
    "repeatedly",
    "further",
    "not",
    "n't",
    "never",
    "recently",
    "later",
    "finally",
    "subsequently",
    "jointly",
    "immediately",
    "yesterday",
    "today",
    "got",
    "get",
    "gets",
    "apparently",
    "openly",
    "publicly",
    "formally",
    "officially",
    "swiftly",
    "quickly",
    "strongly",
    "sharply",
    "once",
    "first",
    "last",
    "ever",
    "even",
    "both",
    "either",
    "all",
    "each",
    "themselves",
    "itself",
    "himself",
    "herself",
    "'s",
    "'re",
    "'ve",
    "'d",
    "'ll",
];
const BE: &[&str] = &[
    "is", "are", "am", "was", "were", "be", "been", "being", "got", "get", "gets", "'s", "'re",
];
const NEG: &[&str] = &["not", "n't", "never", "no"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
    "those", "any", "no", "every", "each", "such", "another",
];
/// Prepositions after which a gerund is not an asserted act ("accused of colluding",
/// "prevented from receiving", "in reinforcing").
const GERUND_PREP: &[&str] = &[
    "of", "for", "from", "with", "against", "about", "without", "by", "in", "toward", "towards",
    "on", "at", "to", "into", "over",
];
/// Prepositions a direct-object search does not cross.
const PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "during",
    "outside",
    "inside",
    "around",
    "across",
    "throughout",
    "from",
    "to",
    "toward",
    "towards",
    "for",
    "with",
    "against",
    "on",
    "by",
    "into",
    "over",
    "under",
    "between",
    "among",
    "after",
    "before",
    "since",
    "until",
    "about",
    "through",
    "along",
    "amid",
    "within",
    "beyond",
    "behind",
    "via",
];
/// Prepositions that put a mention inside a prepositional phrase (not a subject).
const PP_SKIP: &[&str] = &[
    "in",
    "from",
    "at",
    "near",
    "against",
    "with",
    "to",
    "for",
    "on",
    "by",
    "into",
    "over",
    "under",
    "between",
    "among",
    "toward",
    "towards",
    "inside",
    "outside",
    "around",
    "across",
    "through",
    "during",
    "including",
    "like",
];

fn is(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// A coordinated group of actor mentions and its local token span.
#[derive(Debug, Clone)]
struct Group {
    actors: Vec<ActorMention>,
    start: usize,
    end: usize,
}

/// A trigger occurrence.
#[derive(Debug, Clone)]
struct Inst {
    trigger: u32,
    kind: TriggerKind,
    head: usize,
    /// One past the last trigger word.
    end: usize,
    /// First token of the auxiliary chain before the head.
    aux_start: usize,
    passive: bool,
    negated: bool,
    /// Position of the infinitive marker "to" in the auxiliary chain.
    to_pos: Option<usize>,
    finite: bool,
    gerund: bool,
    /// "will", "would", "shall": an announced, not yet performed act.
    future: bool,
    /// "must", "should": an obligation someone states.
    obligation: bool,
    /// An object inside a multi-word trigger ("accused X of corruption").
    inner: Option<Group>,
}

impl Inst {
    /// A finite active verb at `head` whose auxiliaries start at `aux_start`, for asking
    /// who the subject of a word that is not a trigger is.
    fn bare_verb(head: usize, aux_start: usize) -> Inst {
        Inst {
            trigger: 0,
            kind: TriggerKind::Verb,
            head,
            end: head + 1,
            aux_start,
            passive: false,
            negated: false,
            to_pos: None,
            finite: true,
            gerund: false,
            future: false,
            obligation: false,
            inner: None,
        }
    }
}

/// A trigger matched at `head` before the choice among overlapping ones.
struct Candidate {
    head: usize,
    /// Tokens of the trigger after its head.
    positions: Vec<usize>,
    form: FormRef,
    inner: Option<Group>,
    /// Dictionary words matched: a hyphenated word split in three tokens counts once.
    words: usize,
}

/// An argument as the parse sees it.
enum Arg {
    Actor(Group),
    /// The parse names the argument and it is no actor ("the talks", "Syria's allies").
    NonActor,
    /// No parse, or the parse gives no argument: use the heuristics.
    Unknown,
}

/// A pattern that matched an occurrence.
#[derive(Debug, Clone)]
struct PMatch {
    pattern: u32,
    spec: usize,
    source: Option<Group>,
    target: Option<Group>,
    /// Position of a final "to" (modal governing an infinitive).
    to_pos: Option<usize>,
    /// One past the last token the match used.
    end: usize,
}

/// A modal waiting for the infinitive it governs.
#[derive(Debug, Clone)]
struct PendingModal {
    to_pos: usize,
    modality: Modality,
    code: String,
    sources: Vec<ActorMention>,
    target: Option<Group>,
    rule: String,
    span: (usize, usize),
    used: bool,
    /// "did not agree to", "no plans to": the act it governs is not announced.
    negated: bool,
}

/// The tokens, words and mentions of one sentence.
struct Sent {
    words: Vec<String>,
    tags: Vec<String>,
    poss: Vec<bool>,
    /// Char offsets of each token.
    offs: Vec<(usize, usize)>,
    mentions: Vec<(ActorMention, usize, usize)>,
    start_at: Vec<Option<usize>>,
    end_at: Vec<Option<usize>>,
    /// The mention covering each token.
    mention_of: Vec<Option<usize>>,
    /// The dependency parse, when the language layer gives one.
    parse: Option<Parse>,
    /// Tokens that head a trigger occurrence.
    trigger_at: Vec<bool>,
}

/// Document-level coder state: what came before (for references).
pub struct Coder<'a> {
    ctx: &'a DocContext<'a>,
    dict: &'a VerbDictionary,
    history: Vec<ActorMention>,
    last_subject: Option<ActorMention>,
    /// Author of the last violent event coded in earlier sentences, for "condemned the
    /// attack".
    last_violence: Option<ActorMention>,
    /// `WIRECODER_DEBUG` set: print triggers and subjects on stderr.
    debug: bool,
}

impl<'a> Coder<'a> {
    pub fn new(ctx: &'a DocContext<'a>) -> Self {
        Coder {
            ctx,
            dict: &ctx.kb.verbs,
            history: Vec::new(),
            last_subject: None,
            last_violence: None,

            debug: std::env::var_os("WIRECODER_DEBUG").is_some(),
        }
    }

    /// Record a skipped sentence's mentions as context.
    pub fn skip_sentence(&mut self, si: usize) {
        for m in self.ctx.actors.iter().filter(|m| m.sentence == si) {
            self.history.push(m.clone());
        }
    }

    fn build(&self, si: usize) -> Sent {
        let ctx = self.ctx;
        let s = &ctx.text.sentences[si];
        let toks = ctx.text.sentence_tokens(si);
        let n = toks.len();
        let mut words = Vec::with_capacity(n);
        let mut poss = vec![false; n];
        for (i, t) in toks.iter().enumerate() {
            let mut w = if t.norm.is_empty() {
                t.text.to_lowercase()
            } else {
                t.norm.clone()
            };
            if w.contains(['\u{2019}', '\u{2018}']) {
                w = w.replace(['\u{2019}', '\u{2018}'], "'");
            }
            if w == "'s" || w == "'" {
                if i > 0 {
                    poss[i - 1] = true;
                }
                w = "'s".to_string();
            } else if w.len() > 2 && w.ends_with("'s") {
                w.truncate(w.len() - 2);
                poss[i] = true;
            } else if w.len() > 2 && w.ends_with("s'") {
                w.truncate(w.len() - 1);
                poss[i] = true;
            }
            if w == "\u{201c}" || w == "\u{201d}" {
                w = "\"".to_string();
            }
            words.push(w);
        }
        let tags = toks.iter().map(|t| t.tag.clone()).collect();
        let offs = toks.iter().map(|t| (t.start, t.end)).collect();
        let base = s.token_start;
        let mut ms: Vec<(ActorMention, usize, usize)> = ctx
            .actors
            .iter()
            .filter(|m| {
                m.token_start >= base && m.token_end <= base + n && m.token_end > m.token_start
            })
            .map(|m| (m.clone(), m.token_start - base, m.token_end - base))
            .collect();
        ms.sort_by_key(|(_, a, b)| (*a, std::cmp::Reverse(*b)));
        let mut mentions: Vec<(ActorMention, usize, usize)> = Vec::new();
        for m in ms {
            if mentions.last().is_some_and(|(_, _, e)| m.1 < *e) {
                continue;
            }
            mentions.push(m);
        }
        let mut start_at = vec![None; n];
        let mut end_at = vec![None; n];
        let mut mention_of = vec![None; n];
        for (i, (_, a, b)) in mentions.iter().enumerate() {
            start_at[*a] = Some(i);
            end_at[*b - 1] = Some(i);
            for m in &mut mention_of[*a..*b] {
                *m = Some(i);
            }
        }
        Sent {
            words,
            tags,
            poss,
            offs,
            mentions,
            start_at,
            end_at,
            mention_of,
            parse: Parse::new(toks, base),
            trigger_at: vec![false; n],
        }
    }

    /// Code one sentence.
    pub fn sentence(&mut self, si: usize, host: Option<&ActorMention>) -> Vec<RawEvent> {
        let mut sent = self.build(si);
        self.possessed_agents(&mut sent);
        let insts = self.find_triggers(&sent);
        for i in &insts {
            sent.trigger_at[i.head] = true;
        }
        if self.debug {
            eprintln!(
                "words {:?}",
                sent.words.iter().zip(&sent.tags).collect::<Vec<_>>()
            );
            for i in &insts {
                eprintln!(
                    "inst {:?} {} {:?}",
                    sent.words[i.head], self.dict.triggers[i.trigger as usize].lemma, i
                );
            }
        }
        let mut out = Vec::new();
        let mut modals: Vec<PendingModal> = Vec::new();
        // Subjects of finite verbs so far, for coordinated verb phrases.
        let mut last_finite_subject: Option<Group> = None;
        let mut coded_ends: Vec<(usize, usize)> = Vec::new();
        for inst in &insts {
            let builtin = !self.dict.replaced_builtin;
            // "will not accept", "would not meet": an announced refusal (CAMEO 12x).
            let refusal = inst.negated && inst.future && inst.kind == TriggerKind::Verb;
            // "did not attack": no event, unless a pattern spells out the negation
            // (PETRARCH "- &NEGATVAUXVRB * [050]"); a negated modal governs nothing.
            let negation_pattern = inst.negated && !refusal;
            let governing = inst
                .to_pos
                .and_then(|t| modals.iter().position(|m| m.to_pos == t && !m.used));
            // "Iran and Iraq agreed to meet": an intent shared by a coordinated subject
            // is reciprocal among it, unlike an appeal or a threat.
            let intent_governed = governing.is_some_and(|g| modals[g].modality == Modality::Intent);
            if let Some(m) = governing.map(|g| &mut modals[g]).filter(|m| m.negated) {
                m.used = true;
                continue;
            }
            if governing.is_none()
                && inst.kind == TriggerKind::Verb
                && inst
                    .to_pos
                    .is_some_and(|t| self.modal_noun_ends_at(&insts, t))
            {
                // "denied plans to attack", "rejected calls to withdraw": the act a modal
                // noun names without its own actor is not one done.
                continue;
            }
            let subj = if inst.kind == TriggerKind::Verb {
                if let Some(g) = governing {
                    let m = &modals[g];
                    let actors = match m.modality {
                        Modality::Appeal | Modality::Demand => m
                            .target
                            .as_ref()
                            .map(|t| t.actors.clone())
                            .unwrap_or_else(|| m.sources.clone()),
                        _ => m.sources.clone(),
                    };
                    Some(Group {
                        actors,
                        start: 0,
                        end: 0,
                    })
                } else {
                    match self.parse_subject(&sent, inst.head, 0) {
                        Arg::Actor(g) => Some(self.with_list_before(&sent, inst, g)),
                        Arg::NonActor => None,
                        Arg::Unknown if self.coordinated_vp(&sent, inst) => {
                            last_finite_subject.clone()
                        }
                        Arg::Unknown => self.subject(&sent, inst),
                    }
                }
            } else {
                None
            };
            if inst.kind == TriggerKind::Verb && inst.finite && governing.is_none() {
                if let Some(s) = &subj {
                    last_finite_subject = Some(s.clone());
                    if let Some(a) = s.actors.first() {
                        self.last_subject = Some(a.clone());
                    }
                }
            }
            if self.debug {
                eprintln!(
                    "subj {:?}",
                    subj.as_ref().map(|g| g
                        .actors
                        .iter()
                        .map(|a| a.code.clone())
                        .collect::<Vec<_>>())
                );
            }
            // "five years after crowds trashed its embassy": a background event, not news.
            if let Some(g) = subj.as_ref().filter(|g| g.end > 0) {
                if background_clause(&sent, g.start) || alleged_clause(&sent, g.start) {
                    continue;
                }
            }
            let rel = if inst.kind == TriggerKind::Verb {
                self.relative_antecedent(&sent, subj.as_ref())
            } else {
                None
            };
            // "demanded that Israel ease restrictions": the act is demanded, not done.
            let that_demand = if inst.kind == TriggerKind::Verb && governing.is_none() {
                subj.as_ref()
                    .and_then(|g| self.demand_before_that(&sent, g))
            } else {
                None
            };
            // "urged X to respond", "intervened to help": the infinitive complement of a
            // coded verb is part of that event, not another one.
            if governing.is_none() {
                if let Some(t) = inst.to_pos {
                    if enabled_only(&sent, t) {
                        continue;
                    }
                    if coded_ends
                        .iter()
                        .any(|&(h, e)| (e <= t && t <= e + 1) || (h < t && inst.head < e))
                    {
                        continue;
                    }
                }
            }
            let mut matches = self.best_patterns(&sent, inst, subj.as_ref(), rel.as_ref());
            if negation_pattern {
                // A negated modal stays, so that the act it governs is known as not done.
                matches.retain(|m| {
                    let p = &self.dict.patterns[m.pattern as usize];
                    (p.modality.is_some() && m.to_pos.is_some())
                        || p.pre.iter().any(|e| matches!(e, Elem::Words(_)))
                });
            }
            if self.debug {
                for m in &matches {
                    eprintln!(
                        "  match {} gov={governing:?}",
                        self.dict.patterns[m.pattern as usize].id
                    );
                }
            }
            if matches.is_empty() {
                continue;
            }
            let events_before = out.len();
            let match_end = matches.iter().map(|m| m.end).max().unwrap_or(inst.end);
            let span = (
                sent.offs[inst.head].0,
                sent.offs[inst.end.saturating_sub(1).max(inst.head)].1,
            );
            for pm in matches {
                let Some(p) = self.dict.patterns.get(pm.pattern as usize) else {
                    continue;
                };
                let (mut sources, mut targets) = if inst.passive {
                    // "X was attacked by Y": Y → X.
                    (
                        pm.source
                            .as_ref()
                            .map(|g| g.actors.clone())
                            .unwrap_or_default(),
                        subj.as_ref().map(|g| g.actors.clone()).unwrap_or_default(),
                    )
                } else {
                    (
                        pm.source
                            .as_ref()
                            .or(subj.as_ref())
                            .map(|g| g.actors.clone())
                            .unwrap_or_default(),
                        pm.target
                            .as_ref()
                            .map(|g| g.actors.clone())
                            .unwrap_or_default(),
                    )
                };
                if p.pre.contains(&Elem::Target) {
                    // PETRARCH "- + * BY $": the subject is the target.
                    targets = subj.as_ref().map(|g| g.actors.clone()).unwrap_or_default();
                    if let Some(s) = &pm.source {
                        sources = s.actors.clone();
                    }
                }
                if sources.is_empty() {
                    continue;
                }
                if p.modality == Some(Modality::Intent)
                    && pm.to_pos.is_none()
                    && opinion_that(&sent, inst.end)
                {
                    continue;
                }
                if let (Some(m), Some(t)) = (p.modality, pm.to_pos) {
                    modals.push(PendingModal {
                        to_pos: t,
                        modality: m,
                        code: p.code.clone(),
                        sources: sources.clone(),
                        target: pm.target.clone(),
                        rule: p.id.clone(),
                        span,
                        used: false,
                        negated: inst.negated,
                    });
                    continue;
                }
                if refusal || (inst.obligation && builtin && governing.is_none()) {
                    let (modality, speaker) = if refusal {
                        (Modality::Refuse, None)
                    } else {
                        (Modality::Demand, self.speaker_before(&sent, subj.as_ref()))
                    };
                    let Some(c) = modality::apply(modality, &p.code) else {
                        continue;
                    };
                    let rule = format!(
                        "{}+{}",
                        if refusal { "refusal" } else { "obligation" },
                        p.id
                    );
                    let (srcs, tgts): (Vec<ActorMention>, Vec<ActorMention>) =
                        match (refusal, speaker) {
                            (true, _) => (sources.clone(), targets.clone()),
                            // "X said Y must ...": X demands of Y.
                            (false, Some(sp)) => (sp.actors, sources.clone()),
                            (false, None) => continue,
                        };
                    self.emit_simple(&mut out, &srcs, &tgts, &c, refusal, &rule, span);
                    continue;
                }
                if let Some((demander, modality)) = &that_demand {
                    // Without a known demander the act is still only demanded: no event.
                    let Some(demander) = demander else {
                        continue;
                    };
                    let Some(c) = modality::apply(*modality, &p.code) else {
                        continue;
                    };
                    let rule = format!("that_{}+{}", modality_name(*modality), p.id);
                    let tgts = subj.as_ref().map(|g| g.actors.clone()).unwrap_or_default();
                    self.emit_simple(&mut out, &demander.actors, &tgts, &c, false, &rule, span);
                    continue;
                }
                let (code, paired, mut rule) = match governing {
                    Some(g) => {
                        let m = &mut modals[g];
                        // A combination that is no event ("wants Putin to attack": no
                        // appeal code for force) leaves the modal to code itself.
                        let Some(c) = modality::apply(m.modality, &p.code) else {
                            continue;
                        };
                        m.used = true;
                        if matches!(m.modality, Modality::Appeal | Modality::Demand) {
                            // The appeal is addressed to the modal's target.
                            sources = m.sources.clone();
                            targets = m
                                .target
                                .as_ref()
                                .map(|t| t.actors.clone())
                                .unwrap_or_default();
                        }
                        (c, None, format!("{}+{}", m.rule, p.id))
                    }
                    None if inst.future && !self.dict.replaced_builtin && p.modality.is_none() => {
                        // CAMEO codes an announced future act as intent (03x) or, for force,
                        // a threat (13x). PETRARCH dictionaries carry their own conventions.
                        let root = p.code.get(..2).unwrap_or("");
                        match root {
                            "04" | "05" | "06" | "07" | "08" | "09" | "14" | "15" | "16" | "17"
                            | "18" | "19" | "20" => {
                                match modality::apply(Modality::Intent, &p.code) {
                                    Some(c) => (c, None, format!("future+{}", p.id)),
                                    None => continue,
                                }
                            }
                            _ => (p.code.clone(), p.paired.clone(), p.id.clone()),
                        }
                    }
                    None => (p.code.clone(), p.paired.clone(), p.id.clone()),
                };
                if code.is_empty() && paired.is_none() {
                    continue;
                }
                // Reported violence: "X claimed it attacked Z" is a claim of responsibility
                // (015) besides the act; "X claimed Y attacked Z" is an accusation (112) of an
                // act the text does not assert; "X said Y attacked Z" codes the act only.
                let violent = matches!(code.get(..2), Some("18" | "19" | "20"));
                if violent && governing.is_none() {
                    if let Some((speaker, word)) = self.reporter_before(&sent, subj.as_ref()) {
                        let same = speaker
                            .actors
                            .iter()
                            .any(|a| sources.iter().any(|s| s.code == a.code));
                        let claim = matches!(word.as_str(), "claimed" | "claims" | "claim");
                        let (c, tg) = if same {
                            ("015", targets.clone())
                        } else if claim {
                            ("112", sources.clone())
                        } else {
                            ("", Vec::new())
                        };
                        if !c.is_empty() {
                            let rule = format!("reported+{}", p.id);
                            self.emit_simple(&mut out, &speaker.actors, &tg, c, true, &rule, span);
                            if !same || inst.future {
                                // Alleged or announced, not asserted as done.
                                continue;
                            }
                        }
                    }
                }
                if violent && !inst.passive && !self.dict.replaced_builtin {
                    // "struck military infrastructure belonging to Hezbollah": what was hit
                    // is the owner's.
                    if let Some(owner) = pm
                        .target
                        .as_ref()
                        .and_then(|g| self.owner_after(&sent, g.end))
                    {
                        targets = owner.actors;
                    }
                    // "Israeli jets struck military infrastructure": forces only guessed to
                    // be the attacker's own country's are not its target.
                    // "A Russian missile strike on Odesa killed eight people": victims only
                    // guessed to be the attacker's own people are those of the one foreign
                    // country the sentence's places lie in.
                    if let Some(land) = self.foreign_land_of_sentence(&sent, &sources) {
                        for t in targets.iter_mut().filter(|t| {
                            t.kind == ActorKind::Agent
                                && t.country_inferred
                                && sectors_all_in(t, &["CVL"])
                                && sources
                                    .iter()
                                    .any(|s| !s.country_inferred && s.country == t.country)
                        }) {
                            t.set_country(&land);
                        }
                    }
                    // "Iran-backed militias attacked U.S. bases in Iraq": armed men only
                    // guessed to be their target's countrymen are of the one other land the
                    // sentence's places lie in.
                    if let Some(land) = self.foreign_land_of_sentence(&sent, &targets) {
                        for s in sources.iter_mut().filter(|s| {
                            s.kind == ActorKind::Agent
                                && s.country_inferred
                                && sectors_all_in(s, &["REB", "UAF"])
                                && targets
                                    .iter()
                                    .any(|t| !t.country_inferred && t.country == s.country)
                        }) {
                            s.set_country(&land);
                        }
                    }
                    targets.retain(|t| {
                        !(t.kind == ActorKind::Agent
                            && t.country_inferred
                            && sectors_all_in(t, &["MIL", "GOV", "COP"])
                            && sources
                                .iter()
                                .any(|s| !s.country_inferred && s.country == t.country))
                    });
                }
                let location = if code.starts_with("04") {
                    self.location_after(&sent, inst.end)
                } else {
                    None
                };
                // "offered its troops to Lebanon", "ready to contribute troops": one's own
                // forces are what is given or promised, not the recipient.
                if matches!(code.get(..2), Some("03" | "06" | "07")) {
                    targets.retain(|t| {
                        !(t.kind == ActorKind::Agent
                            && !t.sectors.is_empty()
                            && t.sectors.iter().all(|s| s == "MIL")
                            && sources
                                .iter()
                                .any(|s| s.country.is_some() && s.country == t.country))
                    });
                }
                // "rejected a fresh offer from Afghanistan", "welcomed Bush's statement": the
                // author of the proposal or statement acted upon is the target.
                if targets.is_empty() && inst.kind == TriggerKind::Verb && !inst.passive {
                    // "rejected Ukraine's peace plan": the owner may sit inside a trigger
                    // of several words.
                    let inside = (inst.end > inst.head + 1)
                        .then(|| self.proposal_owner(&sent, inst.head + 1))
                        .flatten();
                    if let Some(g) = self.proposal_owner(&sent, inst.end).or(inside) {
                        targets = g
                            .actors
                            .into_iter()
                            .filter(|t| !sources.iter().any(|s| s.code == t.code))
                            .collect();
                    }
                }
                // "arrived in Amman": the visited place's country hosts a visit that names
                // no host actor.
                let place_host = if targets.is_empty() && code == "042" && host.is_none() {
                    self.visited_country(&sent, inst.end)
                } else {
                    None
                };
                if violent && !self.dict.replaced_builtin {
                    // "shelled Damascus": a capital attacked is the place, its country, not
                    // the government the metonym names elsewhere ("Damascus said").
                    // Institutions named by their seat ("the Iranian parliament") stay
                    // themselves.
                    for t in targets.iter_mut().filter(|t| {
                        t.kind == ActorKind::Metonym && t.sectors.iter().all(|s| s == "GOV")
                    }) {
                        if let Some(c) = t.country.clone() {
                            t.code = c;
                            t.sectors.clear();
                            t.kind = ActorKind::Country;
                        }
                    }
                }
                // "India and Pakistan exchanged fire along the border": an act among the
                // subjects is aimed at none of the places named.
                if targets.is_empty()
                    && violent
                    && !p.compound
                    && !inst.passive
                    && !self.dict.replaced_builtin
                    && inst.kind == TriggerKind::Verb
                {
                    // A state's own forces retaking a town of theirs ("government troops
                    // recapture Palmyra") do not attack their country; rebels shelling
                    // their capital do.
                    if let Some(c) = self
                        .attacked_country(&sent, match_end.max(inst.end))
                        .filter(|c| {
                            !sources.iter().any(|s| {
                                s.country == c.country
                                    && (matches!(s.kind, ActorKind::Country | ActorKind::Metonym)
                                        || s.sectors.iter().any(|x| {
                                            matches!(x.as_str(), "GOV" | "MIL" | "COP" | "SPY")
                                        }))
                            })
                        })
                    {
                        targets.push(c);
                        rule.push_str("+place");
                    }
                }
                if targets.is_empty()
                    && violent
                    && !p.compound
                    && !inst.passive
                    && !self.dict.replaced_builtin
                {
                    // "launched a military operation in eastern Ukraine": force a foreign
                    // actor uses inside a country is used against that country. Fighting
                    // "in" a country is only where it happens ("jihadists fighting in Iraq"),
                    // and an intervention may be on the government's side.
                    let fighting = self
                        .dict
                        .triggers
                        .get(inst.trigger as usize)
                        .is_some_and(|t| {
                            [
                                "fight", "battle", "clash", "combat", "engage", "serve", "interven",
                            ]
                            .iter()
                            .any(|f| t.lemma.starts_with(f))
                        });
                    if let Some(c) = (!fighting)
                        .then(|| self.country_entered(&sent, match_end.max(inst.end)))
                        .flatten()
                        .filter(|c| {
                            sources.iter().all(|s| {
                                s.code.starts_with("IMG")
                                    || (s.country.is_some() && s.country != c.country)
                            })
                        })
                    {
                        targets.push(c);
                        rule.push_str("+place");
                    }
                }
                if targets.is_empty()
                    && (p.id.starts_with("V.withdraw") || self.has_from_frame(inst))
                    && !self.dict.replaced_builtin
                {
                    // "withdraw its troops from neighboring Lebanon", "recalled its
                    // ambassador from Britain": the country left, named as a place.
                    let from = (inst.end.saturating_sub(1)..(inst.end + 4).min(sent.words.len()))
                        .find(|&q| sent.words[q] == "from");
                    if let Some(q) = from {
                        let mut at = q + 1;
                        while at < sent.words.len()
                            && at < q + 3
                            && (sent.words[at] == "the"
                                || sent.tags[at].starts_with("JJ")
                                || sent.tags[at] == "VBG")
                        {
                            at += 1;
                        }
                        if let Some(c) = self.place_country_at(&sent, at).filter(|c| {
                            c.start == sent.offs[at].0
                                && !sources.iter().any(|s| s.country == c.country)
                                && self.ctx.places.iter().any(|pl| {
                                    pl.start == c.start && pl.feature.starts_with("A.PCL")
                                })
                        }) {
                            targets.push(c);
                            rule.push_str("+place");
                        }
                    }
                }
                if targets.is_empty()
                    && (code.starts_with("172") || code.starts_with("081"))
                    && !self.dict.replaced_builtin
                {
                    // "lifted the state of emergency in West Darfur", "imposed a curfew in
                    // Abidjan": restrictions weigh on the place's people, its country.
                    // (Not a source's own code: "Egypt banned rallies in Cairo" stays Egypt's.)
                    if let Some(c) = self
                        .restricted_country(&sent, match_end.max(inst.end))
                        .filter(|c| !sources.iter().any(|s| s.code == c.code))
                    {
                        targets.push(c);
                        rule.push_str("+place");
                    }
                }
                // "'We urge close monitoring,' the ministry said": what a quoted "we" does to
                // no one is mostly talk; only a specific act ("we agree to a cease-fire")
                // stands without a target.
                let quoted_we = sources.iter().all(|s| {
                    s.kind == ActorKind::Reference
                        && matches!(s.text.to_lowercase().as_str(), "we" | "i")
                });
                let specific = self
                    .dict
                    .triggers
                    .get(inst.trigger as usize)
                    .is_some_and(|t| !t.rest.is_empty());
                if quoted_we && targets.is_empty() && !specific {
                    continue;
                }
                emit(
                    &mut out,
                    &Emit {
                        sources: &sources,
                        targets: &targets,
                        code: &code,
                        paired: paired.as_deref(),
                        // "Iran asked Iraq to hold talks": the appeal (or intent, threat) is
                        // one side's, even when the act asked for is reciprocal.
                        // "Israel will negotiate with Hamas": an announced act is one
                        // side's intent.
                        symmetric: (governing.is_none()
                            && (targets.is_empty() || !rule.starts_with("future+"))
                            && (p.symmetric || p.compound))
                            || (targets.is_empty()
                                && ((intent_governed && (p.symmetric || p.compound))
                                    || among_subjects(p, subj.as_ref())
                                    || (inst.kind == TriggerKind::Noun && sources.len() >= 2))),
                        no_target: p.no_target || inst.passive,
                        rule: &rule,
                        span,
                        location: location.as_deref(),
                        host: host.or(place_host.as_ref()),
                        gaz: &self.ctx.kb.gazetteer,
                    },
                );
            }
            if inst.kind == TriggerKind::Noun {
                // "will provide food aid to North Korea": a noun inside the phrase of a
                // coded verb is that verb's event told again.
                if let Some(&(h, _)) = coded_ends
                    .iter()
                    .find(|&&(h, e)| h < inst.head && inst.head < e)
                {
                    fold_told_again(&mut out, events_before, sent.offs[h].0);
                }
            }
            if out.len() > events_before {
                coded_ends.push((inst.head, match_end));
            }
        }
        // "X said Y must ...": a demand by X of Y even when the demanded act is not in the
        // dictionary ("China must drop barriers").
        if !self.dict.replaced_builtin && !out.iter().any(|e| e.rule.starts_with("obligation")) {
            for q in 1..sent.words.len() {
                if sent.words[q] != "must" {
                    continue;
                }
                let Some(mi) = sent.end_at[q - 1] else {
                    continue;
                };
                let g = self.group_left(&sent, mi);
                let Some((speaker, _)) = self.reporter_before(&sent, Some(&g)) else {
                    continue;
                };
                let span = sent.offs[q];
                self.emit_simple(
                    &mut out,
                    &speaker.actors,
                    &g.actors,
                    "100",
                    false,
                    "obligation+must",
                    span,
                );
            }
        }
        // Modals that governed nothing code themselves when they have a target
        // ("Iran threatened Israel" → 130); a bare intention is not an event.
        for m in modals.iter().filter(|m| !m.used && !m.negated) {
            // "000": a weak intention ("plans to", "hopes to") is no event by itself.
            if m.code.is_empty() || m.code == "000" {
                continue;
            }
            // "pushed her to the ground": pushing is an appeal only toward an act.
            if m.rule.starts_with("M.push") && sent.tags.get(m.to_pos + 1).is_none_or(|t| t != "VB")
            {
                continue;
            }
            // "vowed to strengthen North Korea's arsenal": a possessor after an unknown act
            // is no one the intention is directed at.
            let possessor = m.target.as_ref().is_some_and(|g| {
                sent.poss[g.end - 1] || sent.words.get(g.end).is_some_and(|w| w == "'s")
            });
            let targets: &[ActorMention] = match &m.target {
                Some(g) if !possessor => &g.actors,
                _ => &[],
            };
            let targetless_ok = matches!(m.modality, Modality::Intent | Modality::Threat);
            if targets.is_empty() && !targetless_ok {
                continue;
            }
            emit(
                &mut out,
                &Emit {
                    sources: &m.sources,
                    targets,
                    code: &m.code,
                    paired: None,
                    symmetric: false,
                    no_target: targetless_ok,
                    rule: &m.rule,
                    span: m.span,
                    location: None,
                    host: None,
                    gaz: &self.ctx.kb.gazetteer,
                },
            );
        }
        // "demanded that X do Y" coded as a demand of X: the demand verb's own targetless
        // code says less about the same act.
        let demanded: Vec<(String, Option<String>)> = out
            .iter()
            .filter(|e| e.rule.starts_with("that_"))
            .map(|e| {
                (
                    e.source.code.clone(),
                    e.target.as_ref().map(|t| t.code.clone()),
                )
            })
            .collect();
        if !demanded.is_empty() {
            out.retain(|e| {
                !(e.rule.starts_with("M.")
                    && demanded.iter().any(|(s, t)| {
                        *s == e.source.code
                            && (e.target.is_none()
                                || e.target.as_ref().map(|x| &x.code) == t.as_ref())
                    }))
            });
        }
        self.conditional_targets(&sent, &mut out);
        self.claimed_acts(&sent, &insts, &mut out);
        self.victims_of_attacks(&sent, &insts, &mut out);
        // One trigger, one pair: a code refined by another pattern ("aid" 033 and "money"
        // 0331 for the same provision) keeps the more specific one.
        let refined: Vec<bool> = out
            .iter()
            .map(|e| {
                out.iter().any(|o| {
                    o.verb_start == e.verb_start
                        && o.source.code == e.source.code
                        && o.target.as_ref().map(|t| &t.code) == e.target.as_ref().map(|t| &t.code)
                        && o.code.len() > e.code.len()
                        && o.code.starts_with(&e.code)
                })
            })
            .collect();
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !refined[k - 1]
        });
        if !self.dict.replaced_builtin {
            out.retain(|e| !everyday_sense(e));
            for e in out.iter_mut().filter(|e| verbal_clash(e)) {
                e.code = "110".into();
            }
        }
        // Context for the next sentences.
        for (m, _, _) in &sent.mentions {
            self.history.push(m.clone());
        }
        if let Some(e) = out
            .iter()
            .rev()
            .find(|e| matches!(e.code.get(..2), Some("18" | "19" | "20")))
        {
            self.last_violence = Some(e.source.clone());
        }
        if let Some(e) = out.first() {
            self.last_subject = Some(e.source.clone());
        } else if let Some(s) = last_finite_subject.and_then(|g| g.actors.into_iter().next()) {
            self.last_subject = Some(s);
        }
        out
    }

    /// A threat is aimed at whoever must act to avert it: "threatened to launch an offensive
    /// unless Baghdad accepted its conditions" → against Iraq; "if the United States goes
    /// ahead" → against the United States. Only for threats that found no target.
    fn conditional_targets(&self, sent: &Sent, out: &mut Vec<RawEvent>) {
        let n = sent.words.len();
        let mut added = Vec::new();
        for e in out.iter_mut() {
            if e.target.is_some() || !e.code.starts_with("13") {
                continue;
            }
            let Some(after) = (0..n).find(|&q| sent.offs[q].0 >= e.verb_end) else {
                continue;
            };
            let Some(cond) = (after..n)
                .take_while(|&q| !matches!(sent.words[q].as_str(), ";" | "."))
                .find(|&q| matches!(sent.words[q].as_str(), "if" | "unless"))
            else {
                continue;
            };
            // The condition's subject opens its clause: "unless [the] Baghdad ...".
            let mut q = cond + 1;
            while q < n
                && sent.start_at[q].is_none()
                && is(&["the", "its", "their"], &sent.words[q])
            {
                q += 1;
            }
            let Some(g) = (q < n).then(|| self.group_right(sent, q)).flatten() else {
                continue;
            };
            let mut targets = g.actors.into_iter().filter(|a| a.code != e.source.code);
            let Some(first) = targets.next() else {
                continue;
            };
            for t in targets {
                let mut copy = e.clone();
                copy.target = Some(t);
                copy.rule.push_str("+if");
                added.push(copy);
            }
            e.target = Some(first);
            e.rule.push_str("+if");
        }
        out.extend(added);
    }

    /// A claim of responsibility asserts the claimed act too (CAMEO codes both): "the
    /// Taliban claimed responsibility for the bombing (on X)" gives 015 and the bombing's
    /// 18x/19x/20x code with the claimant as source.
    fn claimed_acts(&self, sent: &Sent, insts: &[Inst], out: &mut Vec<RawEvent>) {
        if self.dict.replaced_builtin {
            // A PETRARCH verb file codes only what its patterns say.
            return;
        }
        let n = sent.words.len();
        let mut extra = Vec::new();
        for e in out.iter().filter(|e| e.code == "015") {
            let Some(k) = (0..n).find(|&k| sent.offs[k].1 == e.verb_end) else {
                continue;
            };
            let Some(q) = (k + 1..n.min(k + 4)).find(|&q| sent.words[q] == "for") else {
                continue;
            };
            let Some(act) = insts.iter().find(|i| {
                i.kind == TriggerKind::Noun && i.head > q && i.head <= q + 4 && i.end <= n
            }) else {
                continue;
            };
            let Some(code) = self
                .dict
                .triggers
                .get(act.trigger as usize)
                .and_then(|t| t.patterns.first())
                .and_then(|&pi| self.dict.patterns.get(pi as usize))
                .map(|p| p.code.clone())
                .filter(|c| matches!(c.get(..2), Some("18" | "19" | "20")))
            else {
                continue;
            };
            // Its target: "on/against X" right after the noun.
            let target = (act.end..n.min(act.end + 3))
                .find(|&w| matches!(sent.words[w].as_str(), "on" | "against"))
                .and_then(|w| self.find_group(sent, w + 1, true))
                .and_then(|g| g.actors.into_iter().next());
            let (verb_start, verb_end) = (sent.offs[act.head].0, sent.offs[act.end - 1].1);
            extra.push(RawEvent {
                source: e.source.clone(),
                target,
                code,
                rule: format!("claimed:{}", e.rule),
                verb_start,
                verb_end,
            });
        }
        out.extend(extra);
    }

    /// "Four children were killed in Israeli tank shelling", "Israeli shelling near Gaza
    /// killed four children", "a car bomb exploded in Beirut, killing a journalist": an
    /// attack noun whose victims are the subject of a passive "killed/wounded in", the object
    /// of an active "killed/wounded", or follow "killing". Its attacker is named by a
    /// modifier or "by X"; a bombing, shooting or kidnapping whose perpetrator is not named
    /// is coded, as the CAMEO manual does, with the unidentified armed forces (UAF) of the
    /// country where it happened.
    fn victims_of_attacks(&self, sent: &Sent, insts: &[Inst], out: &mut Vec<RawEvent>) {
        if self.dict.replaced_builtin {
            return;
        }
        let n = sent.words.len();
        let mut extra = Vec::new();
        for act in insts
            .iter()
            .filter(|i| i.kind == TriggerKind::Noun && i.end <= n)
        {
            let (verb_start, verb_end) = (sent.offs[act.head].0, sent.offs[act.end - 1].1);
            if out.iter().any(|e| e.verb_start == verb_start) {
                continue;
            }
            let Some((code, lemma)) = self
                .dict
                .triggers
                .get(act.trigger as usize)
                .and_then(|t| {
                    let p = t
                        .patterns
                        .first()
                        .and_then(|&pi| self.dict.patterns.get(pi as usize))?;
                    Some((p.code.clone(), t.lemma.clone()))
                })
                .filter(|(c, _)| matches!(c.get(..2), Some("18" | "19" | "20")))
            else {
                continue;
            };
            // Left of the noun: its modifiers, one of them the attacker ("Israeli tank").
            let mut attacker: Option<Group> = None;
            let mut q = act.head;
            let mut lead = None;
            while q > 0 && act.head - q < 6 {
                q -= 1;
                let w = sent.words[q].as_str();
                if let Some(mi) = sent.end_at[q] {
                    if attacker.is_some() || sent.poss[q] {
                        break;
                    }
                    let g = self.group_left(sent, mi);
                    q = g.start;
                    attacker = Some(g);
                    continue;
                }
                let tag = sent.tags[q].as_str();
                if is(DETERMINERS, w) || tag.starts_with("JJ") || tag.starts_with("NN") {
                    continue;
                }
                lead = Some(q);
                break;
            }
            let lead_word = lead.map(|l| sent.words[l].as_str());
            let attacker = attacker.or_else(|| {
                (sent.words.get(act.end).map(String::as_str) == Some("by"))
                    .then(|| self.find_group(sent, act.end + 1, false))
                    .flatten()
            });
            let victims = if matches!(lead_word, Some("in" | "during")) {
                // "... were killed (on Friday) in ...": the passive victim verb before it.
                let l = lead.unwrap_or(0);
                let v = (l.saturating_sub(4)..l)
                    .rev()
                    .find(|&v| is(VICTIM_VERBS, &sent.words[v]));
                let Some(v) = v else {
                    continue;
                };
                let mut a = v;
                while a > 0 && is_aux_or_adverb(&sent.words[a - 1]) && v - a < 4 {
                    a -= 1;
                }
                if a == v && sent.words[v] != "died" && sent.words[v] != "dead" {
                    // "killed in" with no auxiliary is active ("Israel killed ten in a raid").
                    continue;
                }
                let mut pseudo = Inst::bare_verb(v, a);
                pseudo.passive = true;
                self.subject(sent, &pseudo)
            } else if let Some(v) = lead
                .is_none_or(|l| {
                    attacker
                        .as_ref()
                        .map_or(is(&[",", "when", "as", "after"], &sent.words[l]), |g| {
                            l + 1 == g.start.min(act.head)
                        })
                })
                .then(|| verb_after_subject(sent, act.end))
                .flatten()
                .filter(|&v| !out.iter().any(|e| e.verb_start == sent.offs[v].0))
            {
                let w = sent.words[v].as_str();
                if is(VICTIM_VERBS, w) && w != "died" && w != "dead" {
                    // "Israeli shelling (near Gaza) killed four children".
                    self.find_group(sent, v + 1, true)
                } else if detonation_at(sent, v) {
                    // "A car bomb exploded in Beirut, killing a journalist".
                    (v + 1..n)
                        .take_while(|&k| !STOP_R.contains(&sent.words[k]))
                        .find(|&k| is(&["killing", "wounding", "injuring"], &sent.words[k]))
                        .and_then(|k| self.find_group(sent, k + 1, true))
                } else {
                    continue;
                }
            } else {
                continue;
            };
            let attacker = match attacker {
                Some(g) => g,
                None if code.starts_with("18") => {
                    match self.unidentified_attacker(sent, act, victims.as_ref()) {
                        Some(g) => g,
                        None => continue,
                    }
                }
                None => continue,
            };
            let targets: Vec<Option<ActorMention>> = match victims {
                Some(g) => g.actors.into_iter().map(Some).collect(),
                None => vec![None],
            };
            for src in &attacker.actors {
                for tgt in &targets {
                    if tgt.as_ref().is_some_and(|t| t.code == src.code) {
                        continue;
                    }
                    extra.push(RawEvent {
                        source: src.clone(),
                        target: tgt.clone(),
                        code: code.clone(),
                        rule: format!("victims:N.{}", lemma.replace(' ', "_")),
                        verb_start,
                        verb_end,
                    });
                }
            }
        }
        out.extend(extra);
    }

    /// The unidentified armed forces (`<country>UAF`) behind an attack no one is named for:
    /// of the country of the first place the sentence names, else of the victims' country.
    fn unidentified_attacker(
        &self,
        sent: &Sent,
        act: &Inst,
        victims: Option<&Group>,
    ) -> Option<Group> {
        // A bare blast or explosion may be an accident ("died in a blast at a chemical
        // plant"): it is an attack only when a modifier names the weapon.
        if matches!(sent.words.get(act.end - 1)?.as_str(), "blast" | "explosion")
            && !(act.head.saturating_sub(3)..act.end - 1).any(|q| is(WEAPON_WORDS, &sent.words[q]))
        {
            return None;
        }
        let (from, to) = (sent.offs.first()?.0, sent.offs.last()?.1);
        let at = sent.offs.get(act.head)?.0;
        let gaz = &self.ctx.kb.gazetteer;
        let in_sentence = || {
            self.ctx
                .places
                .iter()
                .filter(move |p| p.start >= from && p.end <= to)
        };
        // Where it happened comes after the noun ("a bombing in Baghdad"); a place before
        // it may only qualify a victim ("an anti-Syria journalist", "a tourist from
        // Canada"), so the victims' country comes first then.
        let country = in_sentence()
            .filter(|p| p.start > at)
            .find_map(|p| gaz.alpha3_of(&p.country))
            .map(str::to_string)
            .or_else(|| {
                victims
                    .and_then(|g| g.actors.first())
                    .and_then(|a| a.country.clone())
                    .filter(|c| c != "---")
            })
            .or_else(|| {
                in_sentence()
                    .find_map(|p| gaz.alpha3_of(&p.country))
                    .map(str::to_string)
            })?;
        let text = sent.words.get(act.head..act.end)?.join(" ");
        Some(Group {
            actors: vec![ActorMention {
                text,
                code: format!("{country}UAF"),
                country: Some(country),
                sectors: vec!["UAF".to_string()],
                name: None,
                kind: ActorKind::Agent,
                sentence: sent.mentions.first().map_or(0, |m| m.0.sentence),
                start: sent.offs.get(act.head)?.0,
                end: sent.offs.get(act.end - 1)?.1,
                token_start: 0,
                token_end: 0,
                country_inferred: false,
            }],
            start: act.head,
            end: act.end,
        })
    }

    /// Every trigger occurrence, longest first, without overlaps, in sentence order.
    fn find_triggers(&self, sent: &Sent) -> Vec<Inst> {
        let n = sent.words.len();
        let mut cands: Vec<Candidate> = Vec::new();
        // Candidates for `form`, a dictionary spelling of tokens `k..=last`.
        let mut add = |form: &str, k: usize, last: usize| {
            for fr in self.dict.lookup(form) {
                let Some(t) = self.dict.triggers.get(fr.trigger as usize) else {
                    continue;
                };
                if let Some((rest, inner)) = self.match_rest(sent, last, t.kind, &t.rest) {
                    let mut positions: Vec<usize> = (k + 1..=last).collect();
                    positions.extend(rest);
                    cands.push(Candidate {
                        head: k,
                        positions,
                        form: *fr,
                        inner,
                        words: t.rest.len() + 1,
                    });
                }
            }
        };
        for k in 0..n {
            let w = &sent.words[k];
            if w.is_empty() || !w.as_bytes()[0].is_ascii_alphabetic() {
                continue;
            }
            // "test - fired": the tail of a split hyphenated word is no word of its own,
            // except after "re", which repeats the act ("re - examine" is an examination).
            if k >= 2 && sent.words[k - 2] != "re" && hyphen_joined(sent, k - 2).is_some() {
                continue;
            }
            add(w, k, k);
            // "re-opened": the dictionary writes "reopen", or has only "open".
            if let Some(r) = w.strip_prefix("re-") {
                add(&format!("re{r}"), k, k);
                add(r, k, k);
            }
            // "test - fired", "sit - in": a hyphenated word the statistical tokenizer split.
            if let Some(joined) = hyphen_joined(sent, k) {
                add(&joined, k, k + 2);
                if w == "re" {
                    add(&format!("re{}", sent.words[k + 2]), k, k + 2);
                }
            }
        }
        // Longest trigger first; of two as long, the tighter one ("offered its troops to
        // Lebanon to help": "offer troops", not "offer ... help").
        cands.sort_by(|a, b| {
            b.words
                .cmp(&a.words)
                .then(a.head.cmp(&b.head))
                .then(a.positions.last().cmp(&b.positions.last()))
        });
        let mut used = vec![false; n];
        let mut insts = Vec::new();
        for Candidate {
            head,
            positions,
            form: fr,
            inner,
            ..
        } in cands
        {
            if used[head] || positions.iter().any(|&p| used[p]) {
                continue;
            }
            let Some(t) = self.dict.triggers.get(fr.trigger as usize) else {
                continue;
            };
            let end = positions.last().map_or(head + 1, |&p| p + 1);
            let Some(inst) = self.qualify(sent, head, end, t.kind, fr, inner) else {
                continue;
            };
            used[head] = true;
            for &p in &positions {
                used[p] = true;
            }
            let mut inst = inst;
            inst.trigger = fr.trigger;
            insts.push(inst);
        }
        insts.sort_by_key(|i| i.head);
        // "should never have been arrested or prosecuted", "will not meet or talk": a verb
        // joined to the one before by "or"/"and" shares its auxiliaries and negation.
        for k in 1..insts.len() {
            let (done, rest) = insts.split_at_mut(k);
            let cur = &mut rest[0];
            if cur.kind != TriggerKind::Verb || cur.aux_start != cur.head || cur.head < 2 {
                continue;
            }
            if !matches!(sent.words[cur.head - 1].as_str(), "or" | "and" | "nor") {
                continue;
            }
            if let Some(prev) = done
                .iter()
                .rev()
                .find(|p| p.kind == TriggerKind::Verb && p.end + 1 == cur.head)
            {
                cur.negated |= prev.negated;
                cur.future |= prev.future;
                cur.passive |= prev.passive && sent.tags[cur.head] == "VBN";
            }
        }
        insts
    }

    /// Match the words after a trigger's first word; returns their positions.
    fn match_rest(
        &self,
        sent: &Sent,
        k: usize,
        kind: TriggerKind,
        rest: &[Vec<String>],
    ) -> Option<(Vec<usize>, Option<Group>)> {
        let n = sent.words.len();
        let mut pos = k + 1;
        let mut positions = Vec::new();
        let mut inner = None;
        let is_hit = |alts: &[String], w: &str| {
            alts.iter().any(|a| {
                a == w
                    || w.strip_suffix('s') == Some(a.as_str())
                    || w.strip_suffix("es") == Some(a.as_str())
            })
        };
        for alts in rest {
            let gap = if kind == TriggerKind::Noun { 1 } else { 4 };
            // ("fired four shells at", "imposed sanctions on" take an object between.)
            let particle = alts.iter().all(|a| a == "in");
            let mut q = pos;
            let mut limit = pos + gap;
            let mut found = None;
            while q < n && q < limit {
                let w = &sent.words[q];
                if is_hit(alts, w) {
                    found = Some(q);
                    break;
                }
                if hyphen_joined(sent, q).is_some_and(|j| is_hit(alts, &j)) {
                    // "held live - fire drills" as the statistical tokenizer splits it.
                    positions.extend([q, q + 1]);
                    found = Some(q + 2);
                    break;
                }
                if kind == TriggerKind::Verb && inner.is_none() {
                    if let Some(_mi) = sent.start_at[q] {
                        // "is Syria's ally against": a possessive modifies a noun, it is
                        // no object inside the trigger. A group holding the trigger's own
                        // word ("offered its troops") is no inner object either, unless
                        // that word is a foreign envoy ("expelled the Spanish ambassador").
                        let envoy_at = |g: &Group| {
                            (g.start..g.end)
                                .find(|&k| is_hit(alts, &sent.words[k]))
                                .filter(|&k| {
                                    is(ENVOYS, &sent.words[k])
                                        && !is(POSSESSIVE_PRONOUNS, &sent.words[q])
                                })
                        };
                        if let Some(g) = self.group_right(sent, q).filter(|g| {
                            let holds = sent.words[q..g.end].iter().any(|w| is_hit(alts, w));
                            // "withdraw its troops from Lebanon": the actor's own force is
                            // what it moves, not whom the act is directed at.
                            let own = q > 0 && is(POSSESSIVE_PRONOUNS, &sent.words[q - 1]);
                            // ("is Syria's ally against": a copula characterises.)
                            let possessive = sent.poss[g.end - 1]
                                || sent.words.get(g.end).is_some_and(|w| w == "'s");
                            let characterised = possessive && is(BE, &sent.words[k]);
                            let own_word = holds && envoy_at(g).is_none();
                            !(own || characterised || own_word)
                        }) {
                            // "demanded the prime minister's resignation", "rejected
                            // Ukraine's peace plan": the possessor of the trigger's noun is
                            // whom the act is aimed at.
                            let apostrophe = sent.words.get(g.end).is_some_and(|w| w == "'s");
                            if sent.poss[g.end - 1] || apostrophe {
                                q = g.end + usize::from(apostrophe);
                                limit = q + gap;
                                inner = Some(g);
                                continue;
                            }
                            if let Some(k) = envoy_at(&g) {
                                inner = Some(g);
                                found = Some(k);
                                break;
                            }
                            // "offered Lebanon help": the rest follows the inner object
                            // as closely as it would follow the verb.
                            q = g.end;
                            limit = g.end + gap;
                            inner = Some(g);
                            continue;
                        }
                    }
                }
                // "gave $200 million in aid" is no "give in": the particle "in" does not
                // reach past a common noun or a quantity outside an actor.
                if particle
                    && ((sent.tags[q].starts_with("NN") && !sent.tags[q].starts_with("NNP"))
                        || matches!(sent.tags[q].as_str(), "CD" | "$"))
                    && sent.mention_of[q].is_none()
                {
                    break;
                }
                if STOP_R.contains(w) || w == "," || w == "." {
                    break;
                }
                // "press into an enclave for the fourth day" is no "press for": the words of
                // a verb phrase do not reach past a preposition of their own.
                if kind == TriggerKind::Verb
                    && sent.tags[q] == "IN"
                    && !matches!(
                        w.as_str(),
                        "of" | "up" | "out" | "off" | "down" | "back" | "over"
                    )
                {
                    break;
                }
                if w == "-" {
                    // A hyphenated modifier is one word ("staged a 24-hour hunger strike").
                    limit += 2;
                }
                q += 1;
            }
            let q = found?;
            positions.push(q);
            pos = q + 1;
        }
        Some((positions, inner))
    }

    /// "Her government", "its army": an agent whose country was only guessed belongs to the
    /// country of whom the possessive pronoun refers to.
    fn possessed_agents(&self, sent: &mut Sent) {
        for i in 0..sent.mentions.len() {
            let (m, a, _) = &sent.mentions[i];
            if m.kind != ActorKind::Agent || !m.country_inferred || *a == 0 {
                continue;
            }
            let subject_form = match sent.words[a - 1].as_str() {
                "his" => "he",
                "her" => "she",
                "its" => "it",
                "their" => "they",
                _ => continue,
            };
            let Some(owner) = self.resolve_pronoun(sent, subject_form, a - 1) else {
                continue;
            };
            let Some(country) = owner.country.filter(|c| Some(c) != m.country.as_ref()) else {
                continue;
            };
            let code = format!("{country}{}", m.sectors.concat());
            let m = &mut sent.mentions[i].0;
            m.code = code;
            m.country = Some(country);
        }
    }

    /// Whether a modal noun ("plans", "calls", "threat") ends just before token `t`.
    fn modal_noun_ends_at(&self, insts: &[Inst], t: usize) -> bool {
        insts.iter().any(|i| {
            i.kind == TriggerKind::Noun
                && i.end == t
                && self
                    .dict
                    .triggers
                    .get(i.trigger as usize)
                    .is_some_and(|tr| {
                        tr.patterns.iter().any(|&pi| {
                            self.dict
                                .patterns
                                .get(pi as usize)
                                .is_some_and(|p| p.modality.is_some())
                        })
                    })
        })
    }

    /// Decide whether a candidate is used as its kind here, and read its auxiliaries.
    fn qualify(
        &self,
        sent: &Sent,
        head: usize,
        end: usize,
        kind: TriggerKind,
        fr: FormRef,
        inner: Option<Group>,
    ) -> Option<Inst> {
        // A split hyphenated verb is inflected on its last part ("test - fired").
        let tag_at = if end >= head + 3 && hyphen_joined(sent, head).is_some() {
            head + 2
        } else {
            head
        };
        let tag = sent.tags[tag_at].as_str();
        let prev = if head > 0 {
            sent.words[head - 1].as_str()
        } else {
            ""
        };
        let prev_is_det =
            is(DETERMINERS, prev) || (head > 0 && sent.poss[head - 1]) || prev == "'s";
        let mut inst = Inst {
            kind,
            end,
            inner,
            ..Inst::bare_verb(head, head)
        };
        match kind {
            TriggerKind::Noun => {
                if tag.starts_with("VB") && !prev_is_det {
                    // "Israeli tank shelling": an -ing word after a modifier and before no
                    // object is the noun, whatever the tagger says.
                    let prev_tag = if head > 0 {
                        sent.tags[head - 1].as_str()
                    } else {
                        ""
                    };
                    let next = sent.words.get(end).map(String::as_str).unwrap_or("");
                    let nominal = tag == "VBG"
                        && (prev_tag.starts_with("JJ") || prev_tag.starts_with("NN"))
                        && !is(DETERMINERS, next)
                        && sent.start_at.get(end).is_none_or(|m| m.is_none());
                    if !nominal {
                        return None;
                    }
                }
                // "no immediate plans to", "no attack": a noun phrase opened by "no".
                let mut b = head;
                while b > 0 && head - b < 3 && {
                    let t = sent.tags[b - 1].as_str();
                    t.starts_with("JJ") && t != "JJR" || t.starts_with("NN") || t == "VBN"
                } {
                    b -= 1;
                }
                if b > 0 && sent.words[b - 1] == "no" {
                    inst.negated = true;
                }
                Some(inst)
            }
            TriggerKind::Verb => {
                // "banned all rallies": a word tagged as a noun after a determiner is one.
                // So is one tagged as a noun after an adjective: "accustomed to deadly
                // attacks" is no attack.
                let after_adjective = head > 0 && sent.tags[head - 1].starts_with("JJ");
                if tag.starts_with("NN")
                    && (is(DETERMINERS, prev)
                        || is(&["all", "some", "many", "several"], prev)
                        || after_adjective)
                {
                    return None;
                }
                // "Moscow's pledge": a possessive makes it a noun.
                if head > 0
                    && (sent.tags[head - 1] == "POS"
                        || sent.poss[head - 1]
                        || (prev == "'s" && head >= 2 && sent.end_at[head - 2].is_some()))
                {
                    return None;
                }
                // Auxiliary chain.
                let mut a = head;
                let mut be = false;
                let mut has_aux = false;
                // "is (not) going to negotiate": "going to" tells the future, like "will".
                let going_to = |a: usize| sent.words[a - 1] == "going" && sent.words[a] == "to";
                while a > 0 && (is_aux_or_adverb(&sent.words[a - 1]) || going_to(a)) && head - a < 6
                {
                    let w = sent.words[a - 1].as_str();
                    if going_to(a) {
                        inst.future = true;
                        has_aux = true;
                        if inst.to_pos == Some(a) {
                            inst.to_pos = None;
                        }
                        a -= 1;
                        continue;
                    }
                    if is(BE, w) {
                        be = true;
                    }
                    if is(NEG, w) {
                        inst.negated = true;
                    }
                    if matches!(w, "will" | "would" | "shall" | "'ll" | "wo") {
                        inst.future = true;
                    }
                    if matches!(w, "must" | "should") {
                        inst.obligation = true;
                    }
                    if w == "to" {
                        if inst.to_pos.is_none() {
                            inst.to_pos = Some(a - 1);
                        }
                    } else if is(AUX, w)
                        && !matches!(w, "also" | "now" | "then" | "already" | "still" | "just")
                    {
                        has_aux = true;
                    }
                    a -= 1;
                }
                // "no longer", "did not".
                if a > 0 && is(NEG, &sent.words[a - 1]) {
                    inst.negated = true;
                }
                inst.aux_start = a;
                // "its fisheries dispute with": a bare base form closing a possessed noun
                // phrase is a noun the tagger took for a verb ("that its army attack" and
                // "made their forces retreat" keep the verb; news rarely tells of "its
                // fighters attack" in the present).
                if matches!(tag, "VB" | "VBP") && !has_aux && inst.to_pos.is_none() && a == head {
                    let mut b = head;
                    while b > 0 && head - b < 3 && {
                        let t = sent.tags[b - 1].as_str();
                        (t.starts_with("NN") && t != "NNP") || t.starts_with("JJ")
                    } {
                        b -= 1;
                    }
                    let before = if b >= 2 {
                        sent.words[b - 2].as_str()
                    } else {
                        ""
                    };
                    if b < head
                        && b > 0
                        && sent.tags[b - 1] == "PRP$"
                        && !is(
                            &["that", "let", "make", "made", "makes", "help", "helped"],
                            before,
                        )
                    {
                        return None;
                    }
                }
                let tagged = !tag.is_empty();
                if tagged && !tag.starts_with("VB") && !has_aux && inst.to_pos.is_none() {
                    // Tagger says noun/adjective ("the attack", "a planned visit").
                    if !(tag.starts_with("NN") && !prev_is_det && fr.participle && be) {
                        return None;
                    }
                }
                if !tagged && prev_is_det && inst.to_pos.is_none() && !has_aux {
                    return None;
                }
                let participle = if tagged { tag == "VBN" } else { fr.participle };
                let gerund = if tagged { tag == "VBG" } else { fr.gerund };
                let past = if tagged {
                    tag == "VBD"
                } else {
                    !fr.base && !fr.gerund
                };
                inst.gerund = gerund && !fr.base;
                let by_follows =
                    (end..(end + 3).min(sent.words.len())).any(|q| sent.words[q] == "by");
                if participle && be {
                    inst.passive = true;
                } else if participle && !has_aux && inst.to_pos.is_none() && !past {
                    // Bare participle: a reduced passive relative ("rebels backed by Iran")
                    // or an adjective ("an agreed plan").
                    if by_follows && head > 0 && (sent.end_at[head - 1].is_some() || prev == ",") {
                        inst.passive = true;
                    } else if matches!(prev, "and" | "or") {
                        // "has deployed advisers and trained militias": shares the auxiliary.
                        has_aux = true;
                    } else if !(fr.past
                        && head > 0
                        && sent.end_at[head - 1].is_some()
                        && !by_follows
                        && !finite_verb_in_clause(sent, head))
                    {
                        return None;
                    } else if is(VICTIM_VERBS, &sent.words[head]) && !object_follows(sent, end) {
                        // "three soldiers killed while showering": with nothing killed
                        // after it, the participle tells what happened to the actor.
                        return None;
                    }
                    // Else "Russian warplanes bombed Aleppo": a past form right after its
                    // actor, with no other finite verb in the clause, is the past tense the
                    // tagger read as a participle.
                } else if participle && !has_aux && inst.to_pos.is_none() && past && !tagged {
                    // Untagged "-ed": past tense unless a reduced passive with "by".
                    if by_follows && head > 0 && sent.end_at[head - 1].is_some() {
                        inst.passive = true;
                    }
                }
                // "The civilians imprisoned for X were released": a reduced relative the
                // parser took for the main verb; its noun is the patient.
                if (participle || past)
                    && !has_aux
                    && inst.to_pos.is_none()
                    && sent
                        .parse
                        .as_ref()
                        .is_some_and(|p| p.reduced_relative(head))
                {
                    if by_follows {
                        inst.passive = true;
                    } else {
                        return None;
                    }
                }
                if inst.gerund && !has_aux && inst.to_pos.is_none() {
                    // "accused of colluding", "denied attacking": not asserted acts.
                    if is(GERUND_PREP, prev) || prev.starts_with("den") {
                        return None;
                    }
                    // A participial relative needs its actor right before it.
                    let mi = sent.end_at.get(head.wrapping_sub(1)).copied().flatten()?;
                    // "Iran and Russia are Syria's allies against the groups fighting
                    // Assad": a participle describing an actor in a copular clause
                    // characterises it; it reports no event.
                    if copular_before(sent, sent.mentions[mi].1) {
                        return None;
                    }
                }
                inst.finite = inst.to_pos.is_none()
                    && (has_aux
                        || past
                        || (!inst.gerund && !participle && head > 0 && {
                            let p = head - 1;
                            sent.end_at[p].is_some() || is(PRONOUNS, &sent.words[p])
                        }));
                Some(inst)
            }
        }
    }

    /// The subject of verb `v` as the parse gives it: its `nsubj`/`nsubjpass`, else the
    /// subject it shares (a coordinated verb, a participle clause, an infinitive's
    /// controller, the noun a relative clause modifies). `Unknown` without a parse.
    fn parse_subject(&self, sent: &Sent, v: usize, depth: usize) -> Arg {
        let Some(p) = sent.parse.as_ref() else {
            return Arg::Unknown;
        };
        if depth > 4 {
            return Arg::Unknown;
        }
        let mut subject = None;
        // "Lions, tigers, and Gondor welcomed": the model may give several subjects.
        for &s in p.children(v) {
            if !matches!(p.dep(s), Dep::Nsubj | Dep::NsubjPass) {
                continue;
            }
            let a = if p.dep(v) == Dep::Relcl && is(RELATIVE, &sent.words[s]) {
                // "Gondor, which attacked ...": the relative pronoun stands for the noun.
                match p.head(v) {
                    Some(h) => self.arg_at(sent, h),
                    None => Arg::Unknown,
                }
            } else {
                self.arg_at(sent, s)
            };
            match a {
                Arg::Actor(_) => return a,
                _ => subject = Some(a),
            }
        }
        if let Some(a) = subject {
            return a;
        }
        let Some(h) = p.head(v) else {
            return Arg::Unknown;
        };
        let verb = |i: usize| sent.tags[i].starts_with("VB") || sent.tags[i] == "MD";
        match p.dep(v) {
            Dep::Conj if verb(h) => self.parse_subject(sent, h, depth + 1),
            Dep::Xcomp => {
                // "urged Iran to ...": the object controls the infinitive; "pledged to ...":
                // the subject does, and so it does after an object that is only met
                // ("summoned the ambassador to protest").
                if let Some(o) = p
                    .child(h, Dep::Dobj)
                    .filter(|_| !purpose_only(&sent.words[h]))
                {
                    if let a @ Arg::Actor(_) = self.arg_at(sent, o) {
                        return a;
                    }
                }
                self.parse_subject(sent, h, depth + 1)
            }
            // "rebels whom it accuses" has its own subject (above); "rebels backed by Iran",
            // "groups fighting Assad": the noun modified.
            Dep::Relcl | Dep::Acl => self.arg_at(sent, h),
            // "..., killing eight people": the participle shares the main clause's subject;
            // so does a purpose infinitive ("summoned the envoy to protest").
            Dep::Advcl
                if verb(h)
                    && (sent.tags[v] == "VBG"
                        || (v > 0
                            && sent.words[v - 1] == "to"
                            && purpose_only(&sent.words[h]))) =>
            {
                self.parse_subject(sent, h, depth + 1)
            }
            // "after leaving Eriador": the subject of the verb the preposition modifies.
            Dep::Pcomp => match p.head(h) {
                Some(g) if verb(g) && p.dep(h) == Dep::Prep => {
                    self.parse_subject(sent, g, depth + 1)
                }
                _ => Arg::Unknown,
            },
            _ => Arg::Unknown,
        }
    }

    /// The parse subject `g` joined with the coordinated list that ends right before the
    /// verb, when the two overlap: the small model often misparses lists with modifiers
    /// ("Arnor and the evil awful Gondor welcomed").
    fn with_list_before(&self, sent: &Sent, inst: &Inst, mut g: Group) -> Group {
        let Some(mi) = inst.aux_start.checked_sub(1).and_then(|q| sent.end_at[q]) else {
            return g;
        };
        let l = self.group_left(sent, mi);
        if l.actors.len() < 2 || l.start > g.start || l.end <= g.start {
            return g;
        }
        for m in l.actors {
            if !g.actors.iter().any(|x| x.token_start == m.token_start) {
                g.actors.push(m);
            }
        }
        g.actors.sort_by_key(|m| m.token_start);
        dedupe_codes(&mut g.actors);
        g.start = g.start.min(l.start);
        g.end = g.end.max(l.end);
        g
    }

    /// The actor a noun phrase headed by token `t` names, through the parse.
    fn arg_at(&self, sent: &Sent, t: usize) -> Arg {
        let Some(p) = sent.parse.as_ref() else {
            return Arg::Unknown;
        };
        let w = sent.words[t].as_str();
        if let Some(w) =
            pronoun_subject_form(w).or_else(|| group_anaphor(sent, t).then_some("group"))
        {
            return match self.resolve_pronoun(sent, w, t) {
                Some(m) => Arg::Actor(Group {
                    actors: vec![m],
                    start: t,
                    end: t + 1,
                }),
                None => Arg::NonActor,
            };
        }
        if let Some(mi) = sent.mention_of[t] {
            let mut g = self.parse_group(sent, t, mi);
            // "the U.N. war crimes court": an agent noun whose compound modifier, a few
            // words before it, names whose agent it is.
            let (m, a, _) = &sent.mentions[mi];
            if m.kind == ActorKind::Agent && g.actors.len() == 1 && !m.sectors.is_empty() {
                let owner = p
                    .children(t)
                    .iter()
                    .filter(|&&c| c < *a && p.dep(c) == Dep::Compound)
                    .find_map(|&c| sent.mention_of[c]);
                if let Some(oi) = owner {
                    let (o, oa, _) = &sent.mentions[oi];
                    let base = match o.kind {
                        ActorKind::Igo | ActorKind::Group | ActorKind::Ngo => Some(o.code.clone()),
                        ActorKind::Country | ActorKind::Metonym => o.country.clone(),
                        _ => None,
                    };
                    if let Some(base) = base {
                        g.actors[0] = ActorMention {
                            code: format!("{}{}", base, m.sectors.join("")),
                            country: o.country.clone(),
                            text: format!("{} {}", o.text, m.text),
                            start: o.start,
                            token_start: o.token_start,
                            ..m.clone()
                        };
                        g.start = g.start.min(*oa);
                    }
                }
            }
            return Arg::Actor(g);
        }
        for &c in p.children(t) {
            match p.dep(c) {
                // "Israeli army bulldozers", "US Predator attacks": an actor modifying the
                // head noun.
                Dep::Compound | Dep::Other if c < t => {
                    let inner = p
                        .children(c)
                        .iter()
                        .copied()
                        .filter(|&k| k < c && p.dep(k) == Dep::Compound);
                    for k in std::iter::once(c).chain(inner) {
                        if let Some(mi) = sent.mention_of[k] {
                            if !sent.poss[k] {
                                return Arg::Actor(self.parse_group(sent, k, mi));
                            }
                        }
                    }
                }
                // "Hamas, the group ...": an apposition names it.
                Dep::Appos => {
                    if let Some(mi) = sent.mention_of[c] {
                        return Arg::Actor(self.parse_group(sent, c, mi));
                    }
                }
                // "thousands of Iraqi Kurds", "a group of deputies": the members.
                // "Lions, tigers, and Gondor": an actor among coordinated nouns.
                Dep::Conj => {
                    if let Some(mi) = p.conjuncts(c).iter().find_map(|&k| sent.mention_of[k]) {
                        let (_, a, _) = &sent.mentions[mi];
                        return Arg::Actor(self.parse_group(sent, *a, mi));
                    }
                }
                Dep::Prep if sent.words[c] == "of" && is(QUANTITY, w) => {
                    if let Some(o) = p.child(c, Dep::Pobj) {
                        if let Some(mi) = sent.mention_of[o] {
                            return Arg::Actor(self.parse_group(sent, o, mi));
                        }
                        return self.arg_at(sent, o);
                    }
                }
                _ => {}
            }
        }
        Arg::NonActor
    }

    /// The group of mention `mi` (at token `t`) with the mentions coordinated with it in the
    /// parse ("Iran, Russia and Syria"), and an agent located by "in"/"from" composed with
    /// the places ("lawmakers in Arnor and Gondor").
    fn parse_group(&self, sent: &Sent, t: usize, mi: usize) -> Group {
        let (m, a, b) = &sent.mentions[mi];
        let (mut start, mut end) = (*a, *b);
        let mut actors = vec![m.clone()];
        let Some(p) = sent.parse.as_ref() else {
            return Group { actors, start, end };
        };
        let mut heads: Vec<usize> = (*a..*b).collect();
        if !heads.contains(&t) {
            heads.push(t);
        }
        let mut seen = vec![mi];
        let mut k = 0;
        while k < heads.len() && heads.len() < 24 {
            let h = heads[k];
            k += 1;
            // "US and British activists": the first conjunct heads the coordination.
            let up = (p.dep(h) == Dep::Conj).then(|| p.head(h)).flatten();
            for c in p.conjuncts(h).into_iter().chain(up) {
                let Some(ci) = sent.mention_of[c] else {
                    continue;
                };
                if seen.contains(&ci) {
                    continue;
                }
                seen.push(ci);
                let (cm, ca, cb) = &sent.mentions[ci];
                // "the European Union (EU)": a parenthetical alias, not a second actor.
                if *ca >= 2 && sent.words[ca - 1] == "(" && sent.end_at[ca - 2].is_some() {
                    heads.push(c);
                    continue;
                }
                actors.push(cm.clone());
                start = start.min(*ca);
                end = end.max(*cb);
                heads.push(c);
            }
        }
        // Lists the small model parses as appositions ("Mordor, the Shire, Arnor and Bree").
        if let Some(g) = self.group_right(sent, *a) {
            for m in g.actors {
                if !actors.iter().any(|x| x.token_start == m.token_start) {
                    actors.push(m);
                }
            }
            end = end.max(g.end);
        }
        actors.sort_by_key(|m| m.token_start);
        // "US and British activists": a country coordinated as a modifier of an agent's
        // noun is that country's agent.
        if let Some(agent) = actors
            .iter()
            .find(|m| m.kind == ActorKind::Agent && !m.sectors.is_empty())
            .cloned()
        {
            let (ag_a, ag_b) = (agent.token_start, agent.token_end);
            for m in actors.iter_mut() {
                if m.kind != ActorKind::Country || !m.sectors.is_empty() {
                    continue;
                }
                let Some(ci) = sent
                    .mentions
                    .iter()
                    .position(|x| x.0.token_start == m.token_start)
                else {
                    continue;
                };
                let (_, ca, cb) = &sent.mentions[ci];
                let Some(ch) = (*ca..*cb).find(|&q| p.head(q).is_none_or(|h| h < *ca || h >= *cb))
                else {
                    continue;
                };
                let modifies = p.head(ch).is_some_and(|h| {
                    let h_doc = m.token_start + h - ca;
                    h_doc >= ag_a && h_doc < ag_b
                }) && matches!(p.dep(ch), Dep::Compound | Dep::Other);
                if modifies {
                    if let Some(c) = m.country.clone() {
                        m.code = format!("{}{}", c, agent.sectors.join(""));
                        m.sectors = agent.sectors.clone();
                    }
                }
            }
        }
        // "Lawmakers (and officials) in Arnor and Gondor": agents of the places named.
        if actors.iter().all(|m| m.kind == ActorKind::Agent) {
            let last = heads
                .iter()
                .copied()
                .filter(|&h| h >= *a)
                .max()
                .unwrap_or(t);
            let anchor = sent.mention_of[last].map_or(last, |ci| sent.mentions[ci].2 - 1);
            let prep = (anchor + 1 < sent.words.len())
                .then_some(anchor + 1)
                .filter(|&q| matches!(sent.words[q].as_str(), "in" | "from"));
            if let Some(places) = prep.and_then(|q| self.find_group(sent, q + 1, true)) {
                if places
                    .actors
                    .iter()
                    .all(|m| matches!(m.kind, ActorKind::Country | ActorKind::Metonym))
                {
                    // The actor matcher may have already given an agent the first place
                    // ("lawmakers in Arnor" as ARNLEG): keep it, add the others.
                    let mut composed = actors.clone();
                    // "Israeli troops in Gaza" stay Israeli only.
                    for ag in actors
                        .iter()
                        .filter(|ag| !has_own_country(ag, &places.actors))
                    {
                        for pl in &places.actors {
                            let country = country_of(pl);
                            let code = format!("{}{}", country, ag.sectors.join(""));
                            composed.push(ActorMention {
                                text: format!("{} in {}", ag.text, pl.text),
                                code,
                                country: Some(country),
                                sectors: ag.sectors.clone(),
                                name: None,
                                kind: ActorKind::Agent,
                                end: pl.end,
                                token_end: pl.token_end,
                                ..ag.clone()
                            });
                        }
                    }
                    actors = composed;
                    end = end.max(places.end);
                }
            }
        }
        distribute_sectors(&mut actors);
        dedupe_codes(&mut actors);
        Group { actors, start, end }
    }

    /// Whether the parse lets group `g` be an object of the trigger: not the subject of
    /// another clause ("said 54 civilians were killed") nor inside a clause of its own
    /// below the trigger, except the subject of a bare infinitive ("helped government
    /// troops recapture"). True without a parse.
    fn governed(&self, sent: &Sent, inst: &Inst, g: &Group) -> bool {
        let Some(p) = sent.parse.as_ref() else {
            return true;
        };
        if inst.kind != TriggerKind::Verb {
            return true;
        }
        let Some(mi) = sent.mention_of.get(g.start).copied().flatten() else {
            return true;
        };
        let (_, a, b) = &sent.mentions[mi];
        let Some(k) = (*a..*b).find(|&k| p.head(k).is_none_or(|h| h < *a || h >= *b)) else {
            return true;
        };
        let Some(path) = p.path_up(k, inst.head) else {
            return !matches!(p.dep(k), Dep::Nsubj | Dep::NsubjPass);
        };
        let reporting = is(REPORTING, &sent.words[inst.head]);
        // Token whose label is path[i].
        let mut at = k;
        let mut skip = false;
        for (i, d) in path.iter().enumerate() {
            let tok = at;
            at = p.head(at).unwrap_or(at);
            if std::mem::take(&mut skip) {
                continue;
            }
            // "signed an accord to supply Gondor": a purpose infinitive carries the
            // trigger's object.
            let purpose = *d == Dep::Advcl
                && p.children(tok)
                    .iter()
                    .any(|&c| p.dep(c) == Dep::Aux && sent.words[c] == "to");
            if purpose {
                continue;
            }
            if matches!(d, Dep::Nsubj | Dep::NsubjPass | Dep::Csubj) || d.is_clausal() {
                // The subject of the trigger's own complement clause ("helped government
                // troops recapture", "believes Dagolath can cope"): the comment is about
                // it, unless the trigger only reports or the complement is an event of its
                // own, coded with that subject as its source.
                // "believes X can cope" (the verb's complement), "expressed hopes that X
                // could be drawn in" (the complement of its object noun).
                let rest = &path[i + 1..];
                let complement_subject = matches!(d, Dep::Nsubj | Dep::NsubjPass)
                    && (rest == [Dep::Ccomp] || matches!(rest, [Dep::Ccomp | Dep::Acl, Dep::Dobj]))
                    && path[..i]
                        .iter()
                        .all(|d| matches!(d, Dep::Conj | Dep::Compound | Dep::Appos));
                let verb = p.head(tok);
                // An active complement with a trigger is coded with X as its source.
                let own_event = *d == Dep::Nsubj && verb.is_some_and(|v| sent.trigger_at[v]);
                let ecm = complement_subject
                    && rest == [Dep::Ccomp]
                    && verb
                        .is_some_and(|v| sent.tags[v] == "VB" && p.child(v, Dep::Mark).is_none());
                let about = complement_subject && !reporting && !own_event;
                if !ecm && !about {
                    return false;
                }
                // The complement clause's own edge is accepted with its subject.
                skip = complement_subject;
            }
        }
        true
    }

    /// A verb phrase coordinated with an earlier one ("... and are now backing").
    fn coordinated_vp(&self, sent: &Sent, inst: &Inst) -> bool {
        if inst.to_pos.is_some() && inst.aux_start == inst.to_pos.unwrap_or(0) {
            // "to" directly: an infinitive, not a coordination.
        }
        let a = inst.aux_start;
        a > 0 && matches!(sent.words[a - 1].as_str(), "and" | "or" | "but")
    }

    /// An event with no pairing, location or host.
    #[allow(clippy::too_many_arguments)]
    fn emit_simple(
        &self,
        out: &mut Vec<RawEvent>,
        sources: &[ActorMention],
        targets: &[ActorMention],
        code: &str,
        no_target: bool,
        rule: &str,
        span: (usize, usize),
    ) {
        emit(
            out,
            &Emit {
                sources,
                targets,
                code,
                paired: None,
                symmetric: false,
                no_target,
                rule,
                span,
                location: None,
                host: None,
                gaz: &self.ctx.kb.gazetteer,
            },
        );
    }

    /// When the clause whose subject is `subj` is the "that" complement of a demand or an
    /// appeal ("demanded that", "its demand today that", "urged that"), the actor who
    /// demands and the modality. The complement's verb is then not an asserted act.
    fn demand_before_that(&self, sent: &Sent, subj: &Group) -> Option<(Option<Group>, Modality)> {
        if subj.end == 0 {
            return None;
        }
        let mut that = subj.start.checked_sub(1)?;
        while that > 0 && sent.words[that] != "that" && is(DETERMINERS, &sent.words[that]) {
            that -= 1;
        }
        if sent.words.get(that).map(String::as_str) != Some("that") {
            return None;
        }
        // The demand word, allowing a date or adverb before "that".
        let mut d = that.checked_sub(1)?;
        for _ in 0..2 {
            let w = sent.words[d].as_str();
            if DEMAND_WORDS.contains(&w) || APPEAL_WORDS.contains(&w) || d == 0 {
                break;
            }
            if !is_aux_or_adverb(w)
                && !matches!(
                    w,
                    "on" | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            {
                return None;
            }
            d -= 1;
        }
        let w = sent.words[d].as_str();
        let modality = if DEMAND_WORDS.contains(&w) {
            Modality::Demand
        } else if APPEAL_WORDS.contains(&w) {
            Modality::Appeal
        } else {
            return None;
        };
        // The demander: the subject of the clause the demand word belongs to. With a parse,
        // climb from the demand word to the first verb that has one; else the nearest actor
        // to the left (a possessive "its demand" resolves as a pronoun).
        if let Some(p) = sent.parse.as_ref() {
            let mut v = d;
            for _ in 0..4 {
                if sent.tags[v].starts_with("VB") {
                    if let Arg::Actor(g) = self.parse_subject(sent, v, 0) {
                        return Some((Some(g), modality));
                    }
                }
                match p.head(v) {
                    Some(h) if h != v => v = h,
                    _ => break,
                }
            }
        }
        Some((self.subject(sent, &Inst::bare_verb(d, d)), modality))
    }

    /// The subject of a verb: nearest actor group to the left within the clause.
    fn subject(&self, sent: &Sent, inst: &Inst) -> Option<Group> {
        let mut k = inst.aux_start as isize - 1;
        let limit = inst.aux_start.saturating_sub(30) as isize;
        while k >= limit && k >= 0 {
            let ku = k as usize;
            let w = sent.words[ku].as_str();
            if w == ")" {
                let mut j = ku;
                while j > 0 && sent.words[j] != "(" && ku - j < 15 {
                    j -= 1;
                }
                k = j as isize - 1;
                continue;
            }
            if let Some(mi) = sent.end_at[ku] {
                let (_, ms, _) = &sent.mentions[mi];
                if sent.poss[ku] || sent.words[ku] == "'s" {
                    // "Syria's allies ...": the head noun is not an actor.
                    return None;
                }
                let g = self.group_left(sent, mi);
                // Inside a prepositional phrase: keep looking left.
                let before = g.start.checked_sub(1).map(|p| sent.words[p].as_str());
                if let Some(b) = before {
                    if matches!(b, "in" | "from") && g.start >= 2 {
                        // "Lawmakers in Arnor and Gondor": an agent located in countries.
                        if let Some(hm) = sent.end_at[g.start - 2] {
                            let agent = &sent.mentions[hm].0;
                            if agent.kind == ActorKind::Agent {
                                // "Israeli troops in Gaza" stay Israeli: only an agent with
                                // no country of its own takes the place's.
                                if has_own_country(agent, &g.actors) {
                                    return Some(self.group_left(sent, hm));
                                }
                                return self.compose_of(sent, g.start - 1, g);
                            }
                        }
                    }
                    if is(PP_SKIP, b) {
                        k = g.start as isize - 2;
                        continue;
                    }
                    if b == "of" || (g.start >= 2 && sent.words[g.start - 2] == "of") {
                        let of_pos = if b == "of" { g.start - 1 } else { g.start - 2 };
                        return self.compose_of(sent, of_pos, g);
                    }
                }
                let _ = ms;
                // "Turkey summoned the Dutch ambassador to protest": the object of a
                // purpose-only verb is not the infinitive's subject; that verb's is.
                if inst.to_pos.is_some() && inst.aux_start == g.end {
                    let mut b = g.start;
                    while b > 0 && is(DETERMINERS, &sent.words[b - 1]) {
                        b -= 1;
                    }
                    if b > 0
                        && purpose_only(&sent.words[b - 1])
                        && sent.tags[b - 1].starts_with("VB")
                    {
                        return self.subject(sent, &Inst::bare_verb(b - 1, b - 1));
                    }
                }
                return Some(g);
            }
            // "tried to force him to resign": the object right before the infinitive is
            // its subject.
            let object_subject = pronoun_subject_form(w)
                .filter(|_| inst.to_pos.is_some() && ku + 1 == inst.aux_start);
            if let Some(p) = object_subject
                .or_else(|| is(PRONOUNS, w).then_some(w))
                .or_else(|| group_anaphor(sent, ku).then_some("group"))
            {
                return self.resolve_pronoun(sent, p, ku).map(|m| Group {
                    actors: vec![m],
                    start: ku,
                    end: ku + 1,
                });
            }
            if is(STOP_L, w) {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// "the defence ministers of Iran, Russia and Syria": the agent before "of" takes the
    /// countries after it; another actor before "of" is the head; a plain noun is not.
    fn compose_of(&self, sent: &Sent, of_pos: usize, g: Group) -> Option<Group> {
        let head = of_pos.checked_sub(1)?;
        if is(QUANTITY, &sent.words[head]) {
            // "thousands of Iraqi Kurds", "a group of deputies": the group itself.
            return Some(g);
        }
        let mi = sent.end_at[head]?;
        let (agent, a_start, _) = &sent.mentions[mi];
        if agent.kind == ActorKind::Agent && g.actors.iter().all(|m| m.country.is_some()) {
            let actors = g
                .actors
                .iter()
                .map(|m| {
                    let country = m.country.clone().unwrap_or_else(|| m.code.clone());
                    let mut sectors = m.sectors.clone();
                    for s in &agent.sectors {
                        if !sectors.contains(s) {
                            sectors.push(s.clone());
                        }
                    }
                    let code = format!("{}{}", country, agent.sectors.join(""));
                    ActorMention {
                        text: format!("{} of {}", agent.text, m.text),
                        code,
                        country: Some(country),
                        sectors,
                        name: None,
                        kind: ActorKind::Agent,
                        sentence: m.sentence,
                        start: agent.start,
                        end: m.end,
                        token_start: agent.token_start,
                        token_end: m.token_end,
                        country_inferred: false,
                    }
                })
                .collect();
            return Some(Group {
                actors,
                start: *a_start,
                end: g.end,
            });
        }
        Some(self.group_left(sent, mi))
    }

    /// "X said (that) Y must ...": the actor X who reports, left of Y.
    fn speaker_before(&self, sent: &Sent, subj: Option<&Group>) -> Option<Group> {
        self.reporter_before(sent, subj).map(|(g, _)| g)
    }

    /// The reporting clause before a subject: its speaker and reporting word.
    fn reporter_before(&self, sent: &Sent, subj: Option<&Group>) -> Option<(Group, String)> {
        let s = subj?;
        if s.end == 0 {
            return None;
        }
        let mut r = s.start;
        if r > 0 && sent.words[r - 1] == "that" {
            r -= 1;
        }
        // Allow a short time phrase: "declared Tuesday that".
        let lo = r.saturating_sub(3);
        let rep = (lo..r).rev().find(|&q| is(REPORTING, &sent.words[q]))?;
        let lo = rep.saturating_sub(10);
        let mi = (lo..rep).rev().find_map(|q| sent.end_at[q])?;
        Some((self.group_left(sent, mi), sent.words[rep].clone()))
    }

    /// For "rebels whom it accuses": the antecedent of a relative pronoun before the subject.
    fn relative_antecedent(&self, sent: &Sent, subj: Option<&Group>) -> Option<Group> {
        let s = subj?;
        if s.start < 2 || s.end == 0 {
            return None;
        }
        let w = sent.words[s.start - 1].as_str();
        if !matches!(w, "whom" | "which" | "that") {
            return None;
        }
        // The nearest actor before the pronoun, across a short prepositional phrase
        // ("rebels in second city Aleppo whom ...").
        let lo = s.start.saturating_sub(8);
        let mi = (lo..s.start - 1)
            .rev()
            .take_while(|&q| !is(STOP_L, &sent.words[q]) && sent.words[q] != ",")
            .find_map(|q| sent.end_at[q])?;
        let (m, a, b) = &sent.mentions[mi];
        Some(Group {
            actors: vec![m.clone()],
            start: *a,
            end: *b,
        })
    }

    /// Resolve a pronoun to the last compatible actor.
    fn resolve_pronoun(&self, sent: &Sent, w: &str, pos: usize) -> Option<ActorMention> {
        if matches!(w, "we" | "i") {
            // "'We will respond,' the minister said": the speaker's side.
            let (start, end) = sent.offs[pos];
            return self.quote_speaker_at(start).map(|m| ActorMention {
                text: sent.words[pos].clone(),
                kind: ActorKind::Reference,
                start,
                end,
                ..m
            });
        }
        let before: Vec<&ActorMention> = self
            .history
            .iter()
            .chain(
                sent.mentions
                    .iter()
                    .filter(|(_, _, e)| *e <= pos)
                    .map(|(m, _, _)| m),
            )
            .collect();
        // "Palestinian leaders said they would ...": the pronoun is the speaker.
        let mut r = pos;
        if r > 0 && sent.words[r - 1] == "that" {
            r -= 1;
        }
        if r > 0 && is(REPORTING, &sent.words[r - 1]) {
            let lo = r.saturating_sub(7);
            if let Some(mi) = (lo..r - 1).rev().find_map(|q| sent.end_at[q]) {
                let g = self.group_left(sent, mi);
                if let Some(m) = g.actors.first() {
                    let (start, end) = sent.offs[pos];
                    return Some(ActorMention {
                        text: sent.words[pos].clone(),
                        kind: ActorKind::Reference,
                        start,
                        end,
                        ..m.clone()
                    });
                }
            }
        }
        let person = |m: &ActorMention| m.kind == ActorKind::Person;
        let plural = |m: &ActorMention| {
            matches!(m.kind, ActorKind::Agent | ActorKind::Group) && m.text.ends_with('s')
        };
        let found = match w {
            "he" | "she" => before.iter().rev().find(|m| person(m)).copied(),
            "it" => {
                if let Some(s) = self
                    .last_subject
                    .as_ref()
                    .filter(|m| !person(m) && !plural(m))
                {
                    Some(s)
                } else {
                    before
                        .iter()
                        .rev()
                        .find(|m| !person(m) && !plural(m))
                        .copied()
                }
            }
            "they" => before.iter().rev().find(|m| plural(m)).copied(),
            // "the group", "the militant group": the last armed group or NGO named.
            "group" => before
                .iter()
                .rev()
                .find(|m| {
                    matches!(m.kind, ActorKind::Group | ActorKind::Ngo)
                        && !m
                            .sectors
                            .iter()
                            .any(|s| matches!(s.as_str(), "MED" | "GOV" | "BUS"))
                })
                .copied(),
            _ => None,
        }?;
        let (start, end) = sent.offs[pos];
        Some(ActorMention {
            text: sent.words[pos].clone(),
            kind: ActorKind::Reference,
            start,
            end,
            ..found.clone()
        })
    }

    /// The actor who speaks the direct quote that holds char `at`.
    fn quote_speaker_at(&self, at: usize) -> Option<ActorMention> {
        let quote = self.ctx.quotes.iter().find(|q| {
            q.kind == QuoteKind::Direct && q.start <= at && at < q.end && q.speaker.is_some()
        })?;
        let speaker = quote.speaker.as_ref()?;
        let code = speaker.code.as_deref()?;
        // Only a state's, a force's or an organisation's "we" acts for it; a jockey's or a
        // shopkeeper's "I" does not.
        // A demonym speaker ("added the Emirati") is a person, not the state: a country
        // speaks for itself only by its name, which the places engine also resolves.
        let official = |m: &ActorMention| {
            let named_country = m.kind == ActorKind::Country
                && m.sectors.is_empty()
                && self.ctx.places.iter().any(|p| p.start == m.start);
            named_country
                || matches!(
                    m.kind,
                    ActorKind::Metonym | ActorKind::Group | ActorKind::Igo
                )
                || sectors_any_in(m, &["GOV", "MIL", "REB", "COP", "IGO", "LEG", "SPY"])
        };
        let same_code = |m: &&ActorMention| m.code == code && official(m);
        self.ctx
            .actors
            .iter()
            .filter(same_code)
            .find(|m| m.text == speaker.text)
            .or_else(|| self.ctx.actors.iter().find(same_code))
            .cloned()
    }

    /// The mention group ending with mention `mi`, extended left over "and" / ",".
    fn group_left(&self, sent: &Sent, mi: usize) -> Group {
        let (m, mut start, end) = sent.mentions[mi].clone();
        let mut actors = vec![m];
        let mut coordinated = false;
        loop {
            // Modifiers before the mention ("and the evil awful Gondor").
            let mut s0 = start;
            while s0 > 0 && start - s0 < 3 && is_modifier(sent, s0 - 1) {
                s0 -= 1;
            }
            if s0 < 2 {
                break;
            }
            let c = sent.words[s0 - 1].as_str();
            if !matches!(c, "and" | "or" | ",") {
                break;
            }
            let start_before = start;
            start = s0;
            let mut q = start - 1;
            if c != "," && q > 0 && sent.words[q - 1] == "," {
                q -= 1;
            }
            let Some(prev) = q.checked_sub(1).and_then(|p| sent.end_at[p]) else {
                start = start_before;
                break;
            };
            if sent.poss[q - 1] {
                start = start_before;
                break;
            }
            if c != "," {
                coordinated = true;
            }
            let (pm, ps, _) = sent.mentions[prev].clone();
            if c == "," && !coordinated {
                // "X, Y attacked": an apposition; keep the nearer mention.
                start = start_before;
                break;
            }
            if c == "," && in_introductory_phrase(sent, ps) {
                // "After the visit to the UAE, the Kazakh and UAE governments signed": the
                // mention before the comma closes an introductory phrase, it heads no list.
                start = start_before;
                break;
            }
            actors.insert(0, pm);
            start = ps;
        }
        distribute_sectors(&mut actors);
        dedupe_codes(&mut actors);
        Group { actors, start, end }
    }

    /// The mention group starting with the mention at token `q`, extended right over
    /// "and" / "," / parenthetical aliases.
    fn group_right(&self, sent: &Sent, q: usize) -> Option<Group> {
        let mi = sent.start_at[q]?;
        let (m, start, mut end) = sent.mentions[mi].clone();
        let mut actors = vec![m];
        let n = sent.words.len();
        let mut pending_commas: Vec<ActorMention> = Vec::new();
        loop {
            // Parenthetical alias "(ISIL)".
            if end < n && sent.words[end] == "(" {
                let mut j = end + 1;
                while j < n && sent.words[j] != ")" && j - end < 8 {
                    j += 1;
                }
                if j < n && sent.words[j] == ")" {
                    end = j + 1;
                    continue;
                }
            }
            if end + 1 >= n {
                break;
            }
            let c = sent.words[end].as_str();
            if !matches!(c, "and" | "or" | ",") {
                break;
            }
            let mut r = end + 1;
            if c == "," && r < n && matches!(sent.words[r].as_str(), "and" | "or") {
                r += 1;
            }
            while r < n
                && sent.start_at[r].is_none()
                && matches!(
                    sent.words[r].as_str(),
                    "the" | "both" | "also" | "its" | "their"
                )
            {
                r += 1;
            }
            let Some(next) = sent.start_at.get(r).copied().flatten() else {
                break;
            };
            let (nm, _, ne) = sent.mentions[next].clone();
            let bare_comma = c == "," && !matches!(sent.words[end + 1].as_str(), "and" | "or");
            if bare_comma
                && object_position(sent, start)
                && sent
                    .tags
                    .get(ne)
                    .is_some_and(|t| matches!(t.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
            {
                // "expelled 60 diplomats, Ukraine has expelled 13": a new clause, no list.
                break;
            }
            if bare_comma {
                pending_commas.push(nm);
            } else {
                actors.append(&mut pending_commas);
                actors.push(nm);
            }
            end = ne;
        }
        if !pending_commas.is_empty() && actors.len() == 1 {
            // "X, the Y": an apposition naming the same actor; prefer a named one.
            if let Some(last) = pending_commas.pop() {
                if matches!(actors[0].kind, ActorKind::Agent | ActorKind::Reference)
                    || sent.poss[start..end].iter().any(|p| *p)
                {
                    actors[0] = last;
                }
            }
        } else {
            actors.append(&mut pending_commas);
        }
        dedupe_codes(&mut actors);
        Some(Group { actors, start, end })
    }

    /// The author of the proposal, request or statement that is the object of a verb:
    /// "rejected [a fresh offer] from Afghanistan", "[Bush's] latest statement", "calls by
    /// Kofi Annan".
    fn proposal_owner(&self, sent: &Sent, from: usize) -> Option<Group> {
        let n = sent.words.len();
        let mut owner: Option<Group> = None;
        let mut q = from;
        while q < n && q < from + 6 {
            let w = sent.words[q].as_str();
            if let Some(mi) = sent.start_at[q] {
                let g = self.group_right_at(sent, mi);
                let e = g.end;
                if e > q && (sent.poss[e - 1] || sent.words.get(e).is_some_and(|x| x == "'s")) {
                    q = if sent.words.get(e).is_some_and(|x| x == "'s") {
                        e + 1
                    } else {
                        e
                    };
                    owner = Some(g);
                    continue;
                }
                return None;
            }
            if is(COMM_NOUNS, w) {
                if owner.is_some() {
                    return owner;
                }
                // "peace plan", "aid request": the head may be the next word.
                let mut r = q + 1;
                if sent.words.get(r).is_some_and(|x| is(COMM_NOUNS, x)) {
                    r += 1;
                }
                if sent
                    .words
                    .get(r)
                    .is_some_and(|x| matches!(x.as_str(), "from" | "by" | "of"))
                {
                    return self.find_group(sent, r + 1, false);
                }
                return None;
            }
            let tag = sent.tags[q].as_str();
            if !(is(DETERMINERS, w)
                || tag.starts_with("JJ")
                || tag.starts_with("NN")
                || tag == "CD")
                || STOP_R.contains(w)
            {
                return None;
            }
            q += 1;
        }
        None
    }

    /// The coordinated group starting at mention `mi`.
    fn group_right_at(&self, sent: &Sent, mi: usize) -> Group {
        let (m, start, end) = sent.mentions[mi].clone();
        Group {
            actors: vec![m],
            start,
            end,
        }
    }

    /// The country of the place a visit goes to ("arrived in Amman", "flew to Cairo"), as
    /// a country actor spanning the place name.
    fn visited_country(&self, sent: &Sent, from: usize) -> Option<ActorMention> {
        let n = sent.words.len();
        // The trigger may end with its preposition ("arrive in").
        let q = (from.saturating_sub(1)..n.min(from + 3))
            .find(|&q| matches!(sent.words[q].as_str(), "in" | "to"))?;
        self.place_country_at(sent, q + 1)
    }

    /// The country of a place attacked: "shelled the regional capital Juba", "fired at
    /// targets in Jericho", "air strikes on Raqqa" are attacks on the place's country
    /// (CAMEO codes the target country when no actor is named).
    fn attacked_country(&self, sent: &Sent, from: usize) -> Option<ActorMention> {
        let n = sent.words.len();
        // "fought in Aleppo": where the act happened, not what it was aimed at.
        if sent.words.get(from).is_some_and(|w| {
            is(
                &[
                    "in",
                    "inside",
                    "near",
                    "around",
                    "across",
                    "outside",
                    "throughout",
                    "from",
                ],
                w,
            )
        }) {
            return None;
        }
        let mut q = from;
        while q < n && q < from + 7 {
            // A capital is a place when it is shelled ("shelled Juba"), not its government.
            if let Some(m) = self.place_country_at(sent, q) {
                return Some(m);
            }
            let w = sent.words[q].as_str();
            // "fired at targets in Jericho" aims at the place; "attacked a convoy in
            // Aleppo" aims at the convoy.
            if is(&["in", "near", "around", "outside", "inside"], w)
                && !(q > 0
                    && is(
                        &[
                            "targets",
                            "positions",
                            "areas",
                            "parts",
                            "districts",
                            "neighbourhoods",
                            "neighborhoods",
                            "villages",
                            "towns",
                            "sites",
                            "bases",
                            "part",
                            "area",
                            // Installations belong to the land they stand in ("struck an
                            // oil depot in Belgorod"), unlike a convoy or a crowd.
                            "depot",
                            "depots",
                            "refinery",
                            "refineries",
                            "infrastructure",
                            "facility",
                            "facilities",
                            "plant",
                            "plants",
                            "airfield",
                            "airport",
                            "port",
                            "bridge",
                            "pipeline",
                            "terminal",
                            "warehouse",
                            "factory",
                            "arsenal",
                            "substation",
                        ],
                        &sent.words[q - 1],
                    ))
            {
                return None;
            }
            // "in the Russian city of Belgorod", "in Russia's Krasnodar region": the
            // country names the place's land.
            if let Some(mi) = sent.mention_of[q] {
                let m = &sent.mentions[mi].0;
                let land = m.kind == ActorKind::Country
                    && m.sectors.is_empty()
                    && q > from
                    && matches!(sent.words[q - 1].as_str(), "the" | "in")
                    && (sent.poss[q] || sent.words.get(q + 1).is_some_and(|x| is(PLACE_NOUNS, x)));
                return land.then(|| m.clone());
            }
            if matches!(
                w,
                "," | ";"
                    | "."
                    | "and"
                    | "as"
                    | "after"
                    | "while"
                    | "when"
                    | "said"
                    | "says"
                    | "killing"
                    | "leaving"
            ) {
                return None;
            }
            q += 1;
        }
        None
    }

    /// The country of the place a restriction applies in: "in/across/throughout <place>"
    /// within the clause after `from`.
    fn restricted_country(&self, sent: &Sent, from: usize) -> Option<ActorMention> {
        let n = sent.words.len();
        let q = (from..n.min(from + 6))
            .take_while(|&q| !STOP_R.contains(&sent.words[q]) && sent.words[q] != ",")
            .find(|&q| is(&["in", "across", "throughout"], &sent.words[q]))?;
        let mut at = q + 1;
        if sent.words.get(at).is_some_and(|w| w == "the") {
            at += 1;
            // "in the town of Kisumu".
            if sent.words.get(at + 1).is_some_and(|w| w == "of")
                && sent.words.get(at).is_some_and(|w| {
                    is(
                        &["town", "city", "village", "province", "region", "district"],
                        w,
                    )
                })
            {
                at += 2;
            }
        }
        self.place_country_at(sent, at)
    }

    /// The country of the gazetteer place starting at token `q`, as a country actor.
    /// A whole country named as where an act happens: "in (eastern) Ukraine", "inside Syria".
    fn country_entered(&self, sent: &Sent, from: usize) -> Option<ActorMention> {
        let n = sent.words.len();
        if !sent
            .words
            .get(from)
            .is_some_and(|w| is(&["in", "inside", "into", "across", "throughout"], w))
        {
            return None;
        }
        let mut q = from + 1;
        while q < n && q < from + 4 && (sent.words[q] == "the" || is(COMPASS_WORDS, &sent.words[q]))
        {
            q += 1;
        }
        let c = self.place_country_at(sent, q)?;
        self.ctx
            .places
            .iter()
            .any(|pl| pl.start == c.start && pl.feature.starts_with("A.PCL"))
            .then_some(c)
    }

    /// The one country, other than the sources', that the sentence's places lie in.
    fn foreign_land_of_sentence(&self, sent: &Sent, sources: &[ActorMention]) -> Option<String> {
        let (a, b) = (sent.offs.first()?.0, sent.offs.last()?.1);
        let gaz = &self.ctx.kb.gazetteer;
        let mut land: Option<&str> = None;
        for p in self
            .ctx
            .places
            .iter()
            .filter(|p| p.start >= a && p.end <= b)
        {
            let c = gaz.alpha3_of(&p.country)?;
            if sources.iter().any(|s| s.country.as_deref() == Some(c)) {
                continue;
            }
            if land.is_some_and(|l| l != c) {
                return None;
            }
            land = Some(c);
        }
        land.map(str::to_string)
    }

    /// The owner named right after a thing hit: "belonging to Hezbollah", "used by the
    /// rebels".
    fn owner_after(&self, sent: &Sent, end: usize) -> Option<Group> {
        let w = |k: usize| sent.words.get(k).map_or("", String::as_str);
        // "military infrastructure belonging to": the agent may only modify the thing.
        let mut end = end;
        while end < sent.words.len()
            && sent.tags[end].starts_with("NN")
            && !sent.tags[end].starts_with("NNP")
            && sent.mention_of[end].is_none()
        {
            end += 1;
        }
        let linked = matches!(
            (w(end), w(end + 1)),
            ("belonging" | "belonged", "to")
                | (
                    "used" | "operated" | "controlled" | "held" | "run" | "owned",
                    "by"
                )
        );
        if !linked {
            return None;
        }
        self.find_group(sent, end + 2, false)
            .filter(|g| g.start <= end + 3)
    }

    /// Whether one of the trigger's frames is "from +" (whom the act leaves or takes from).
    fn has_from_frame(&self, inst: &Inst) -> bool {
        let Some(t) = self.dict.triggers.get(inst.trigger as usize) else {
            return false;
        };
        t.patterns.iter().any(|&pi| {
            self.dict.patterns.get(pi as usize).is_some_and(|p| {
                matches!(p.post.as_slice(), [Elem::Words(a), Elem::Target]
                if self.dict.alts.get(*a as usize).is_some_and(|alts| {
                    alts.iter().any(|alt| alt.len() == 1 && alt[0] == "from")
                }))
            })
        })
    }

    fn place_country_at(&self, sent: &Sent, q: usize) -> Option<ActorMention> {
        let at = sent.offs.get(q)?.0;
        let place = self.ctx.places.iter().find(|p| p.start == at)?;
        let gaz = &self.ctx.kb.gazetteer;
        let code = gaz.alpha3_of(&place.country)?.to_string();
        Some(ActorMention {
            text: place.text.clone(),
            name: self.ctx.kb.actors.country_name(&code).map(str::to_string),
            country: Some(code.clone()),
            code,
            sectors: Vec::new(),
            kind: ActorKind::Country,
            sentence: sent.mentions.first().map_or(0, |m| m.0.sentence),
            start: place.start,
            end: place.end,
            token_start: 0,
            token_end: 0,
            country_inferred: false,
        })
    }

    fn location_after(&self, sent: &Sent, from: usize) -> Option<String> {
        let n = sent.words.len();
        let gaz = &self.ctx.kb.gazetteer;
        let mut q = from;
        while q < n && q < from + 8 {
            let w = sent.words[q].as_str();
            if STOP_R.contains(w) {
                return None;
            }
            if (w == "in" || w == "at") && q + 1 < n {
                let r = q + 1;
                if let Some(mi) = sent.start_at[r] {
                    let (m, _, _) = &sent.mentions[mi];
                    if matches!(m.kind, ActorKind::Metonym | ActorKind::Country) {
                        return gaz.alpha2_of(&country_of(m)).map(str::to_string);
                    }
                    return None;
                }
                let at = sent.offs[r].0;
                return self
                    .ctx
                    .places
                    .iter()
                    .find(|p| p.start == at)
                    .map(|p| p.country.clone());
            }
            q += 1;
        }
        None
    }

    /// Evaluate the trigger's patterns; return the best (several when equally specific
    /// patterns with different codes match different words).
    fn best_patterns(
        &self,
        sent: &Sent,
        inst: &Inst,
        subj: Option<&Group>,
        rel: Option<&Group>,
    ) -> Vec<PMatch> {
        let Some(t) = self.dict.triggers.get(inst.trigger as usize) else {
            return Vec::new();
        };
        let mut found: Vec<PMatch> = Vec::new();
        for &pi in &t.patterns {
            let Some(p) = self.dict.patterns.get(pi as usize) else {
                continue;
            };
            if let Some(m) = self.eval(sent, inst, pi, p, subj, rel) {
                found.push(m);
            }
        }
        if found.is_empty() {
            if let Some(d) = t.default {
                if let Some(p) = self.dict.patterns.get(d as usize) {
                    if let Some(m) = self.eval(sent, inst, d, p, subj, rel) {
                        found.push(m);
                    }
                }
            }
        }
        let Some(best) = found.iter().map(|m| (m.spec, m.target.is_some())).max() else {
            return Vec::new();
        };
        let mut out: Vec<PMatch> = Vec::new();
        for m in found {
            if (m.spec, m.target.is_some()) != best {
                continue;
            }
            let code = &self.dict.patterns[m.pattern as usize].code;
            if out.is_empty()
                || (best.0 >= 2
                    && m.target.is_some()
                    && !out
                        .iter()
                        .any(|o| &self.dict.patterns[o.pattern as usize].code == code))
            {
                out.push(m);
            }
        }
        out
    }

    fn eval(
        &self,
        sent: &Sent,
        inst: &Inst,
        pi: u32,
        p: &VerbPattern,
        subj: Option<&Group>,
        rel: Option<&Group>,
    ) -> Option<PMatch> {
        let n = sent.words.len();
        if inst.kind == TriggerKind::Noun
            && inst.head > 0
            && sent.words[inst.head - 1] == "in"
            && self.of_source(p)
        {
            // "attacked a police station in support of Islamic State": whom an act is in
            // support (protest, honour) of is who it is for, not who acts.
            return None;
        }
        let mut spec = 0;
        let mut source = None;
        let mut target = None;
        // Before the trigger, right to left.
        let mut pos = if inst.kind == TriggerKind::Noun {
            inst.head
        } else {
            inst.aux_start
        };
        let mut need_poss = false;
        for e in p.pre.iter().rev() {
            match e {
                Elem::Words(a) => {
                    let alts = self.dict.alts.get(*a as usize)?;
                    if alts.len() == 1 && alts[0].len() == 1 && alts[0][0] == "'s" {
                        need_poss = true;
                        continue;
                    }
                    let mut found = None;
                    let lo = pos.saturating_sub(4);
                    let mut q = pos;
                    while q > lo {
                        q -= 1;
                        if let Some(len) = alts.iter().find_map(|alt| ends_at(&sent.words, q, alt))
                        {
                            found = Some(q + 1 - len);
                            break;
                        }
                        if is(STOP_L, &sent.words[q]) {
                            break;
                        }
                    }
                    pos = found?;
                    spec += 1;
                }
                Elem::Source => {
                    let mut lo = pos.saturating_sub(3);
                    let mut q = pos;
                    let mut got = None;
                    while q > lo {
                        q -= 1;
                        // "announced a $2 billion aid package": an amount does not count
                        // toward the distance to the source.
                        if matches!(sent.tags[q].as_str(), "CD" | "$")
                            || is(&["million", "billion", "new"], &sent.words[q])
                        {
                            lo = lo.saturating_sub(1);
                        }
                        if let Some(mi) = sent.end_at[q] {
                            if (sent.poss[q] || sent.words[q] == "'s") == need_poss {
                                got = Some(self.group_left(sent, mi));
                            }
                            break;
                        }
                        let w = sent.words[q].as_str();
                        // "Slovenia endorsed the invasion": the actor holds a view of the
                        // act, it is not its author (unlike "made a visit", "gave support").
                        let stance = matches!(sent.tags[q].as_str(), "VBD" | "VBZ" | "VBP" | "VB")
                            && STANCE_VERB_STEMS.iter().any(|s| w.starts_with(s));
                        if is(STOP_L, w) || is(PREPS, w) || w == "," || w == "of" || stance {
                            break;
                        }
                    }
                    let g = got?;
                    pos = g.start;
                    source = Some(g);
                    need_poss = false;
                }
                Elem::Target => {
                    subj?;
                }
            }
        }
        // After the trigger.
        let mut pos = inst.end;
        // A frame that spells out words after the trigger ("allowed that +") says where its
        // target is; the parse only vets bare objects.
        let explicit = p.post.iter().any(|e| matches!(e, Elem::Words(_)));
        let mut to_pos = None;
        let mut first = true;
        let mut has_target_elem = false;
        // "condemned the coup in Myanmar", "praised the agreement with the UAE": a comment
        // on a deed is a comment on whoever the deed's phrase names.
        let comment = inst.kind == TriggerKind::Verb
            && !inst.passive
            && p.modality.is_none()
            && !self.dict.replaced_builtin
            && ["111", "051", "013", "012"]
                .iter()
                .any(|c| p.code.starts_with(c))
            && (p.no_target || p.post == [Elem::Target]);
        for (ei, e) in p.post.iter().enumerate() {
            match e {
                Elem::Words(a) => {
                    let alts = self.dict.alts.get(*a as usize)?;
                    let mut found = None;
                    // A modal's "to" follows it directly ("pledged to", "refused to").
                    // The first word after a verb sits close to it; later ones may follow
                    // an object.
                    let close = p.modality.is_some()
                        || (first && inst.kind == TriggerKind::Verb && !self.dict.replaced_builtin);
                    let mut gap = if close { 3 } else { 6 };
                    // "provide $100 million in humanitarian aid": an amount of the thing
                    // given stands before it.
                    // (Unless the frame's word is in the amount: "70 million dollars of".)
                    let skip = if first && p.modality.is_none() && !self.dict.replaced_builtin {
                        quantity_prefix_len(sent, pos)
                    } else {
                        0
                    };
                    let in_amount = (pos..pos + skip).any(|k| {
                        alts.iter()
                            .any(|alt| starts_at(&sent.words, k, alt).is_some())
                    });
                    let base = if in_amount { pos } else { pos + skip };
                    let mut q = base;
                    while q < n && q < base + gap {
                        if close
                            && p.modality.is_none()
                            && gap == 3
                            && q == base + 2
                            && (base..=q).all(|k| np_word(sent, k))
                        {
                            // "captured the city of Mekelle from": a bare noun phrase object
                            // without an actor stands between the verb and its word.
                            gap = 7;
                        }
                        if p.modality.is_some()
                            && (sent.start_at[q].is_some() || is(DETERMINERS, &sent.words[q]))
                        {
                            // "rejected a U.S. request to": the "to" is not the modal's; nor
                            // in "wants Putin to", whose frame is "+ to".
                            break;
                        }
                        if let Some(len) =
                            alts.iter().find_map(|alt| starts_at(&sent.words, q, alt))
                        {
                            // "shelling in the east of Gaza": an "of" after another noun
                            // belongs to that noun, not to the trigger.
                            let owned_of = sent.words[q] == "of"
                                && q > pos
                                && inst.kind == TriggerKind::Noun
                                && !self.dict.replaced_builtin
                                && sent.tags[q - 1].starts_with("NN")
                                && sent.end_at[q - 1].is_none();
                            if !owned_of {
                                found = Some((q, len));
                                break;
                            }
                        }
                        if STOP_R.contains(&sent.words[q]) {
                            break;
                        }
                        q += 1;
                    }
                    if found.is_none() && first && p.modality.is_none() {
                        found = self.object_word(sent, inst, pos, alts);
                    }
                    let (q, len) = found?;
                    let infinitive = len == 1
                        && sent.words[q] == "to"
                        && sent.tags.get(q + 1).is_some_and(|t| t == "VB");
                    if infinitive
                        && p.modality.is_none()
                        && p.post.get(ei + 1) == Some(&Elem::Target)
                    {
                        // "support enabled troops to attack the rebels": an infinitive's
                        // "to" introduces an act, not the one the trigger is directed to.
                        return None;
                    }
                    to_pos = (len == 1 && sent.words[q] == "to").then_some(q);
                    pos = q + len;
                    spec += 1;
                }
                Elem::Target | Elem::Source => {
                    let is_target = *e == Elem::Target;
                    if is_target {
                        has_target_elem = true;
                    }
                    to_pos = None;
                    if is_target && inst.passive && first {
                        // The direct object of a passive verb is its subject.
                        first = false;
                        continue;
                    }
                    let g = if is_target && first && inst.inner.is_some() {
                        inst.inner.clone()
                    } else {
                        self.find_group(sent, pos, is_target && first)
                            .filter(|g| !is_target || explicit || self.governed(sent, inst, g))
                            // "meets with pupils to talk about their Rwanda website": the
                            // object of a frame's word ends where another verb begins.
                            .filter(|g| !(explicit && verb_between(sent, pos, g.start)))
                            .or_else(|| {
                                if is_target && first {
                                    rel.cloned()
                                } else {
                                    None
                                }
                            })
                            .or_else(|| {
                                comment.then(|| self.comment_target(sent, p, pos)).flatten()
                            })
                    };
                    let g = g?;
                    if g.end > pos {
                        pos = g.end;
                    }
                    if is_target {
                        target = Some(g);
                    } else {
                        source = Some(g);
                    }
                }
            }
            first = false;
        }
        if inst.passive {
            // The agent: the parse's "by" phrase, else "by" + actor after the verb.
            if let Some(p) = sent.parse.as_ref() {
                let agent = p
                    .child(inst.head, Dep::Agent)
                    .and_then(|a| p.child(a, Dep::Pobj));
                if let Some(Arg::Actor(g)) = agent.map(|o| self.arg_at(sent, o)) {
                    source = Some(g);
                }
            }
            let mut q = if source.is_some() { n } else { inst.end };
            while q < n && q < inst.end + 8 {
                if sent.words[q] == "by" {
                    source = self.find_group(sent, q + 1, false);
                    break;
                }
                if STOP_R.contains(&sent.words[q]) {
                    break;
                }
                q += 1;
            }
            source.as_ref()?;
        }
        if target.is_none() && !has_target_elem && !inst.passive && p.modality.is_none() {
            // An actor inside a multi-word trigger is its object even for a frame that needs
            // none ("urged Iraq to release", "provided Damascus with support").
            target = inst.inner.clone();
        }
        // "urged world leaders to impose sanctions on Moscow": whom an appeal addresses
        // stands before its "to", not in the coded act after it.
        let appeal_act_follows = matches!(p.modality, Some(Modality::Appeal | Modality::Demand))
            && to_pos.is_some_and(|t| sent.trigger_at.get(t + 1) == Some(&true));
        if target.is_none()
            && !has_target_elem
            && !p.no_target
            && !p.post.contains(&Elem::Source)
            && !inst.passive
            && !appeal_act_follows
        {
            // TABARI default: the first actor after the verb.
            target = self
                .find_group(sent, pos.max(inst.end), false)
                .filter(|g| self.governed(sent, inst, g));
        }
        if target.is_none() && comment && p.no_target {
            target = self.comment_target(sent, p, inst.end);
        }
        if inst.kind == TriggerKind::Noun && source.is_none() {
            return None;
        }
        if p.compound
            && (subj.is_none_or(|g| g.actors.len() < 2)
                || sent.words[inst.head.min(n)..(inst.end + 2).min(n)]
                    .iter()
                    .any(|w| w.starts_with("unilateral")))
        {
            // "Israel and Hamas declared unilateral cease-fires": each its own.
            return None;
        }
        if !p.no_target
            && !p.compound
            && target.is_none()
            && p.modality.is_none()
            && !inst.passive
            && !p.pre.contains(&Elem::Target)
        {
            // Dyadic patterns code only with a target; a visit noun may still code, its
            // host inferred from the place; "X, Y and Z met": a meeting among the subjects.
            // "talks between Iran and Saudi Arabia": the meeting noun's own source is the
            // coordinated participants.
            // Likewise any reciprocal noun ("clashes between Iran and Iraq", "a ceasefire
            // between Israel and Hamas").
            let among_own = inst.kind == TriggerKind::Noun
                && (among_subjects(p, source.as_ref())
                    || (p.symmetric
                        && p.paired.is_none()
                        && p.modality.is_none()
                        && source.as_ref().is_some_and(|g| g.actors.len() >= 2)));
            if (inst.kind == TriggerKind::Verb || p.paired.is_none())
                && !among_subjects(p, subj)
                && !among_own
            {
                return None;
            }
        }
        let end = pos
            .max(inst.end)
            .max(target.as_ref().map_or(0, |g| g.end))
            .max(source.as_ref().map_or(0, |g| g.end));
        Some(PMatch {
            pattern: pi,
            spec,
            source,
            target,
            to_pos,
            end,
        })
    }

    /// A frame word farther than the token window but inside the trigger's object phrase
    /// by the parse ("provide nearly 25,000 tons of emergency food aid", "handed over 700
    /// kg of medicine"): its path up to the trigger is nominal (objects, "of" phrases,
    /// modifiers, coordination).
    fn object_word(
        &self,
        sent: &Sent,
        inst: &Inst,
        pos: usize,
        alts: &[Vec<String>],
    ) -> Option<(usize, usize)> {
        let p = sent.parse.as_ref()?;
        if inst.kind != TriggerKind::Verb {
            return None;
        }
        let n = sent.words.len();
        for q in pos..n.min(pos + 12) {
            if STOP_R.contains(&sent.words[q]) {
                return None;
            }
            let Some(len) = alts.iter().find_map(|alt| starts_at(&sent.words, q, alt)) else {
                continue;
            };
            let Some(path) = p.path_up(q, inst.head) else {
                continue;
            };
            let mut tok = q;
            let nominal = path.iter().all(|d| {
                let ok = match d {
                    Dep::Dobj | Dep::Dative | Dep::Pobj | Dep::Compound | Dep::Conj => true,
                    Dep::Appos | Dep::Other => true,
                    Dep::Prep => sent.words[tok] == "of",
                    _ => false,
                };
                tok = p.head(tok).unwrap_or(tok);
                ok
            });
            if nominal && path.contains(&Dep::Dobj) {
                return Some((q, len));
            }
        }
        None
    }

    /// The actor group starting within a few tokens of `pos`, inside the clause.
    /// Whether a pattern names its source after "of" ("support of $ to +").
    fn of_source(&self, p: &VerbPattern) -> bool {
        p.post.windows(2).any(|w| match w {
            [Elem::Words(a), Elem::Source] => self
                .dict
                .alts
                .get(*a as usize)
                .is_some_and(|alts| alts.iter().all(|alt| alt.len() == 1 && alt[0] == "of")),
            _ => false,
        })
    }

    /// Whom a comment (criticism, praise) on the object phrase at `from` is about: the actor
    /// the phrase names, else, for criticism of "the attack", the attack's author.
    fn comment_target(&self, sent: &Sent, p: &VerbPattern, from: usize) -> Option<Group> {
        self.object_phrase_actor(sent, from).or_else(|| {
            p.code
                .starts_with("111")
                .then(|| self.violence_anaphor(sent, from))
                .flatten()
        })
    }

    /// The actor named by a prepositional phrase inside the object noun phrase starting at
    /// `from`: its author ("the attack by Israel"), partner ("the deal with Iran"), owner
    /// ("the policies of Iran", not a deed's victim: "the killing of protesters") or
    /// country ("the coup in Myanmar", not a city read as its government).
    fn object_phrase_actor(&self, sent: &Sent, from: usize) -> Option<Group> {
        let n = sent.words.len();
        let mut q = from;
        while q < n && q < from + 7 {
            if sent.start_at[q].is_some() {
                return None;
            }
            let w = sent.words[q].as_str();
            let t = sent.tags[q].as_str();
            if q > from && matches!(w, "by" | "with" | "of" | "in") {
                if w == "of" && sent.trigger_at[q - 1] {
                    return None;
                }
                let at = if sent.words.get(q + 1).is_some_and(|d| is(DETERMINERS, d)) {
                    q + 2
                } else {
                    q + 1
                };
                sent.start_at.get(at).copied().flatten()?;
                let g = self.group_right(sent, at)?;
                let fits = w != "in"
                    || g.actors
                        .iter()
                        .all(|m| m.sectors.is_empty() && m.code.len() == 3);
                return fits.then_some(g);
            }
            let in_phrase = matches!(t, "DT" | "PRP$" | "CD" | "VBN" | "HYPH")
                || (t.starts_with("JJ") || t.starts_with("NN"))
                || w == "-";
            if !in_phrase {
                return None;
            }
            q += 1;
        }
        None
    }

    /// "condemned the attack": a definite violent deed with no actor of its own is the one
    /// told before, by its author.
    fn violence_anaphor(&self, sent: &Sent, from: usize) -> Option<Group> {
        const DEEDS: &[&str] = &[
            "attack",
            "attacks",
            "bombing",
            "bombings",
            "killing",
            "killings",
            "assault",
            "shelling",
            "strike",
            "strikes",
            "massacre",
            "raid",
            "ambush",
            "violence",
            "blast",
            "explosion",
            "abduction",
            "kidnapping",
        ];
        let author = self.last_violence.as_ref()?;
        let det = sent.words.get(from)?;
        if !matches!(det.as_str(), "the" | "this" | "that" | "these" | "those") {
            return None;
        }
        let mut q = from + 1;
        while q < sent.words.len() && q < from + 4 {
            let w = sent.words[q].as_str();
            if is(DEEDS, w) {
                // The deed's own phrase names no one ("the attack by the rebels" does).
                let next = sent.words.get(q + 1).map(String::as_str);
                if matches!(next, Some("by" | "on" | "against" | "in" | "of"))
                    && sent.start_at.get(q + 2).is_some_and(|m| m.is_some())
                {
                    return None;
                }
                let (start, end) = sent.offs[q];
                return Some(Group {
                    actors: vec![ActorMention {
                        text: sent.words[q].clone(),
                        kind: ActorKind::Reference,
                        start,
                        end,
                        ..author.clone()
                    }],
                    start: q,
                    end: q + 1,
                });
            }
            if sent.mention_of[q].is_some() || !sent.tags[q].starts_with("JJ") {
                return None;
            }
            q += 1;
        }
        None
    }

    fn find_group(&self, sent: &Sent, pos: usize, direct: bool) -> Option<Group> {
        let n = sent.words.len();
        let max = if direct { 4 } else { 8 };
        let mut q = pos;
        while q < n && q < pos + max {
            if sent.start_at[q].is_some() {
                return self.group_right(sent, q);
            }
            if direct && q == pos && matches!(sent.words[q].as_str(), "him" | "her" | "them") {
                // "forced him to resign": an object pronoun names the last fitting actor.
                let w = pronoun_subject_form(&sent.words[q])?;
                return self.resolve_pronoun(sent, w, q).map(|m| Group {
                    actors: vec![m],
                    start: q,
                    end: q + 1,
                });
            }
            let w = sent.words[q].as_str();
            if STOP_R.contains(w) || w == "." || w == "," && direct {
                return None;
            }
            if w == "," && reporting_clause_after(sent, q + 1) {
                // "to the Sahel, Defence Minister Florence Parly said": the speaker.
                return None;
            }
            if direct && w != "of" && is(PREPS, w) && !quantifier_at(sent, q) {
                return None;
            }
            if direct && w == "of" && q > pos && sent.trigger_at[q - 1] {
                // "condemned the killing of protesters": a deed's "of" names its victim.
                return None;
            }
            q += 1;
        }
        None
    }
}

/// The finite verb of the clause whose subject ends before `from`, past adjuncts
/// ("A roadside bombing near the town of Samarra on Sunday killed"): the first verb within
/// ten tokens, or None at a clause boundary.
fn verb_after_subject(sent: &Sent, from: usize) -> Option<usize> {
    let n = sent.words.len();
    (from..n.min(from + 10))
        .take_while(|&q| {
            !STOP_R.contains(&sent.words[q]) && !matches!(sent.words[q].as_str(), "," | ".")
        })
        .find(|&q| {
            let tag = sent.tags[q].as_str();
            matches!(tag, "VBD" | "VBZ" | "VBP" | "MD") || (tag == "VBN" && q == from)
        })
        .map(|q| {
            // "has killed": the participle after the auxiliary.
            (q + 1..n.min(q + 3))
                .find(|&v| sent.tags[v] == "VBN" && is(VICTIM_VERBS, &sent.words[v]))
                .unwrap_or(q)
        })
}

/// A bomb going off: "exploded", "went off", "detonated", "ripped/tore through".
fn detonation_at(sent: &Sent, v: usize) -> bool {
    let next = sent.words.get(v + 1).map(String::as_str);
    match sent.words[v].as_str() {
        "exploded" | "explodes" | "detonated" | "blew" => true,
        "went" | "goes" => next == Some("off"),
        "ripped" | "tore" | "rips" | "tears" => next == Some("through"),
        _ => false,
    }
}

/// Whether the preposition at `q` only qualifies a number ("over 150 prisoners", "up to
/// 4,000 troops", "more than 20 people", "at least 30"): the object still follows.
fn quantifier_at(sent: &Sent, q: usize) -> bool {
    let w = |i: usize| sent.words.get(i).map(String::as_str).unwrap_or("");
    let cd = |i: usize| sent.tags.get(i).is_some_and(|t| t == "CD");
    match w(q) {
        "over" | "about" | "around" | "under" | "nearly" | "almost" | "approximately" => cd(q + 1),
        "up" => w(q + 1) == "to" && cd(q + 2),
        "to" => w(q.wrapping_sub(1)) == "up" && cd(q + 1),
        "than" => matches!(w(q.wrapping_sub(1)), "more" | "fewer" | "less") && cd(q + 1),
        "at" => matches!(w(q + 1), "least" | "most") && cd(q + 2),
        _ => false,
    }
}

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// A personal pronoun in either case as the subject form [`PRONOUNS`] resolves ("him" → "he").
fn pronoun_subject_form(w: &str) -> Option<&str> {
    match w {
        "him" => Some("he"),
        "her" => Some("she"),
        "them" => Some("they"),
        _ => PRONOUNS.iter().find(|p| **p == w).copied(),
    }
}
/// "the group", "the militant group", "the movement": a definite noun that refers back to
/// a named group.
fn group_anaphor(sent: &Sent, q: usize) -> bool {
    if sent.mention_of[q].is_some()
        || !matches!(
            sent.words[q].as_str(),
            "group" | "movement" | "organisation" | "organization"
        )
    {
        return false;
    }
    let mut b = q;
    while b > 0 && q - b < 2 && sent.tags[b - 1].starts_with("JJ") {
        b -= 1;
    }
    b > 0 && sent.words[b - 1] == "the" && sent.words.get(q + 1).is_none_or(|w| w != "of")
}

/// Relative pronouns that stand for the noun a relative clause modifies.
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];
/// Nouns of quantity or membership whose "of" phrase names the actor itself.
const QUANTITY: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "tens",
    "millions",
    "scores",
    "group",
    "groups",
    "members",
    "member",
    "some",
    "many",
    "most",
    "all",
    "number",
    "team",
    "delegation",
    "contingent",
    "batch",
    "unit",
    "units",
    "several",
    "few",
    "both",
    "each",
    "one",
    "two",
    "three",
    "crowds",
    "crowd",
    "band",
    "bands",
    "patch",
    "deployment",
    "convoy",
    "column",
    "wave",
    "squad",
    "detachment",
    "handful",
    "dozen",
];
/// Verbs that report speech: a pronoun right after one refers to its speaker.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "declared",
    "declares",
    "stated",
    "told",
    "added",
    "insisted",
    "stressed",
    "warned",
    "reiterated",
    "confirmed",
    "claimed",
    "claims",
    "concluded",
    "argued",
    "noted",
    "explained",
    "indicated",
    "acknowledged",
];

/// Length of `alt` if it ends at `q` in `words`.
fn ends_at(words: &[String], q: usize, alt: &[String]) -> Option<usize> {
    if alt.is_empty() {
        return None;
    }
    // A hyphenated word may span three tokens ("cease - fire"), so try each start.
    let widest = alt.len() + 2 * alt.iter().filter(|a| a.contains('-')).count();
    (q.saturating_sub(widest - 1)..=q)
        .find_map(|s| starts_at(words, s, alt).filter(|&len| s + len == q + 1))
}

/// Number of tokens `alt` covers if it starts at `q` in `words`. A hyphenated word matches
/// one token ("cease-fire") or, as the statistical tokenizer splits it, three ("cease", "-",
/// "fire").
fn starts_at(words: &[String], q: usize, alt: &[String]) -> Option<usize> {
    if alt.is_empty() {
        return None;
    }
    let mut k = q;
    for a in alt {
        if words.get(k) == Some(a) {
            k += 1;
        } else {
            k += hyphen_split_len(words, k, a)?;
        }
    }
    Some(k - q)
}

/// The word "a-b" when tokens `q..q+3` are "a", "-", "b" written without spaces.
fn hyphen_joined(sent: &Sent, q: usize) -> Option<String> {
    let (a, h, b) = (
        sent.words.get(q)?,
        sent.words.get(q + 1)?,
        sent.words.get(q + 2)?,
    );
    let contiguous =
        sent.offs[q].1 == sent.offs[q + 1].0 && sent.offs[q + 1].1 == sent.offs[q + 2].0;
    (h == "-" && contiguous && !a.is_empty() && !b.is_empty()).then(|| format!("{a}-{b}"))
}

/// 3 if `word` ("cease-fire") stands at `q` split at its hyphen ("cease", "-", "fire").
fn hyphen_split_len(words: &[String], q: usize, word: &str) -> Option<usize> {
    let (a, b) = word.split_once('-')?;
    (words.get(q).map(String::as_str) == Some(a)
        && words.get(q + 1).map(String::as_str) == Some("-")
        && words.get(q + 2).map(String::as_str) == Some(b))
    .then_some(3)
}

/// Sectors of actors that do not use force themselves.
/// Whether an actor cannot make a diplomatic visit: people of a country ("Venezuelans"),
/// private or civilian agents, police, criminals, and crowds ("protesters").
/// Sectors whose members act outside politics when they investigate or consider things.
const NON_POLITICAL_SECTORS: &[&str] = &[
    "AGR", "BUS", "CVL", "EDU", "ENV", "HLH", "LAB", "MED", "REF", "REL",
];

/// Sectors of actors who fight: armies, police, rebels, militias, insurgents.
const ARMED_SECTORS: &[&str] = &["MIL", "REB", "UAF", "COP", "SPY", "INS", "IMG", "SEP"];

/// "weapons that could enable them to conduct operations", "allowed the army to enter":
/// an act made possible, not one done. True when the verb governing the infinitive marker
/// at `to` (past its object) is one of enabling.
fn enabled_only(sent: &Sent, to: usize) -> bool {
    const STEMS: &[&str] = &["enabl", "allow", "permit", "empower", "let"];
    let mut q = to;
    while q > 0 && to - q < 6 {
        q -= 1;
        let w = sent.words[q].as_str();
        if sent.tags[q].starts_with("VB") {
            return STEMS.iter().any(|s| w.starts_with(s)) && !w.starts_with("lett");
        }
        if matches!(w, "," | ";" | ":" | "and" | "or" | "but") {
            return false;
        }
    }
    false
}

/// Verbs whose object does not do what a following infinitive says: "summoned the
/// ambassador to protest", "met Lavrov to discuss" (unlike "urged Iran to", "sent troops to
/// fight", "invited X to attend").
fn purpose_only(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "summon", "meet", "met", "visit", "phon", "telephon", "contact", "host", "receiv",
        "conven", "join",
    ];
    STEMS.iter().any(|s| w.starts_with(s))
}

/// Whether the clause around `head` (between commas, semicolons or the sentence's ends)
/// has a finite verb other than `head`.
fn finite_verb_in_clause(sent: &Sent, head: usize) -> bool {
    let bound = |w: &str| matches!(w, "," | ";" | "." | ":");
    let start = (0..head)
        .rev()
        .find(|&q| bound(&sent.words[q]))
        .map_or(0, |q| q + 1);
    let end = (head + 1..sent.words.len())
        .find(|&q| bound(&sent.words[q]))
        .unwrap_or(sent.words.len());
    (start..end).any(|q| q != head && matches!(sent.tags[q].as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
}

/// Whether every sector of `a` is in `list` (false for an actor with none).
fn sectors_all_in(a: &ActorMention, list: &[&str]) -> bool {
    !a.sectors.is_empty() && a.sectors.iter().all(|s| list.contains(&s.as_str()))
}

/// Whether some sector of `a` is in `list`.
fn sectors_any_in(a: &ActorMention, list: &[&str]) -> bool {
    a.sectors.iter().any(|s| list.contains(&s.as_str()))
}

/// "Kelly has clashed with Kushner": officials and politicians clash in words. Force (190)
/// needs an armed side, or a state or group acting as a whole.
fn verbal_clash(e: &RawEvent) -> bool {
    let unarmed = |a: &ActorMention| {
        !a.sectors.is_empty() && !sectors_any_in(a, ARMED_SECTORS)
            || (a.kind == ActorKind::Person && !sectors_any_in(a, ARMED_SECTORS))
    };
    e.code == "190"
        && e.rule.starts_with("V.clash.")
        && unarmed(&e.source)
        && e.target.as_ref().is_none_or(unarmed)
}

/// A pattern that fired in an everyday, non-political sense (built-in dictionaries only;
/// PETRARCH dictionaries carry their own conventions).
fn everyday_sense(e: &RawEvent) -> bool {
    let src = &e.source;
    let targetless = e.target.is_none();
    // Force with no target by a purely civilian actor is a figure of speech ("a student
    // battles cancer", "companies fight for market share").
    let civilian_force = targetless
        && matches!(e.code.get(..2), Some("18" | "19" | "20"))
        && sectors_all_in(src, CIVILIAN_SECTORS);
    // "China fights pollution", "the immune system fights it": fighting with no target is
    // combat only for armed actors.
    let figurative_fight = targetless
        && (e.rule.starts_with("V.fight.") || e.rule.starts_with("V.battle."))
        && !sectors_any_in(src, ARMED_SECTORS)
        && src.kind != ActorKind::Group;
    // "Workers struck on Monday", "the crisis hit hard": striking no one is force only for
    // forces, states and armed groups.
    // A strike at no actor is one only where it hit a place ("struck targets in Syria"),
    // not a car in the street.
    let targetless_strike = e.rule.contains("V.strike._") || e.rule.contains("V.hit._");
    let figurative_strike = targetless_strike
        && (!e.rule.ends_with("+place")
            || (!sectors_any_in(src, ARMED_SECTORS)
                && !matches!(
                    src.kind,
                    ActorKind::Group | ActorKind::Country | ActorKind::Metonym
                )));
    // "The government was launching an anti-cholera campaign": a campaign or operation
    // against no one, by officials rather than forces, is no combat.
    let civil_campaign = targetless
        && e.code == "190"
        && (e.rule.contains("_campaign") || e.rule.contains("_operation"))
        && !sectors_any_in(src, ARMED_SECTORS)
        && !matches!(
            src.kind,
            ActorKind::Group | ActorKind::Country | ActorKind::Metonym
        );
    // "The WHO raised its pandemic alert": force posture (15x) needs a force.
    // "Outputs recognized by funding programs": recognition (054) is of someone.
    let empty_recognition = e.code == "054" && targetless;
    let civilian_posture = e.code.starts_with("15")
        && (sectors_all_in(src, CIVILIAN_SECTORS)
            || HEALTH_AND_AID_IGOS.iter().any(|c| src.code.starts_with(c)));
    // "Police and officials intervened" to free a reporter: an intervention is military
    // force only when soldiers, fighters or a state intervene.
    let unarmed_intervention = e.rule.starts_with("V.intervene.")
        && matches!(e.code.get(..2), Some("18" | "19" | "20"))
        && !sectors_any_in(src, &["MIL", "REB", "UAF", "INS", "IMG", "SEP"])
        && !matches!(
            src.kind,
            ActorKind::Group | ActorKind::Country | ActorKind::Metonym
        )
        // NATO or the African Union intervene with forces; the UN's organs without.
        && (src.kind != ActorKind::Igo || (src.code.starts_with("IGOUNO") && src.code != "IGOUNOPKO"));
    // Doctors or police "investigating" an outbreak or a death, teachers "considering" a
    // career, with no one acted upon.
    let non_political = sectors_all_in(src, NON_POLITICAL_SECTORS);
    let routine = targetless
        && (e.code.starts_with("09") || e.code == "014")
        && (non_political || sectors_all_in(src, &["COP"]));
    // People "protecting themselves": protection (074) is an armed actor's. (A demand or
    // appeal for protection asks the target to protect.)
    let protect = e.rule.contains("V.protect.")
        && !e.code.starts_with("02")
        && !e.code.starts_with("10")
        && !sectors_any_in(src, ARMED_SECTORS)
        && !matches!(src.kind, ActorKind::Igo | ActorKind::Group);
    // "defending its rights": 052 defends someone.
    let defend = e.rule.contains("V.defend.") && targetless;
    // "farmers wanted their children to move away": a wish among private people. (Clerics'
    // appeals are often political: "clerics urged the minister".)
    let private_wish = e.code.starts_with("02")
        && non_political
        && !sectors_any_in(src, &["REL"])
        && e.target
            .as_ref()
            .is_none_or(|t| sectors_all_in(t, NON_POLITICAL_SECTORS));
    // "Russia's mission to the United Nations" is a standing office, no visit.
    let standing_mission = e.rule.starts_with("N.mission.")
        && (e.target.as_ref().is_some_and(|t| t.kind == ActorKind::Igo)
            || (e.code == "043" && src.kind == ActorKind::Igo));
    // "the embassy demonstrated its support": only the governed demonstrate in protest
    // ("Iraqis demonstrated" are people; "Iraq demonstrated" is the state).
    let shown_not_protested = e.rule.starts_with("V.demonstrate.")
        && ((src.kind == ActorKind::Country && names_the_state(src))
            || matches!(src.kind, ActorKind::Igo | ActorKind::Metonym)
            || sectors_any_in(src, &["GOV", "MIL", "COP", "JUD", "BUS"]));
    // A visit is a political actor's: migrants, passengers, tourists, police on a call or
    // marching protesters "arriving in" a place make no CAMEO visit.
    let visitor = match e.code.as_str() {
        "042" => Some(src),
        "043" => e.target.as_ref(),
        _ => None,
    };
    let no_visit = visitor.is_some_and(not_a_visitor);
    civilian_force
        || figurative_strike
        || empty_recognition
        || civilian_posture
        || unarmed_intervention
        || figurative_fight
        || civil_campaign
        || routine
        || protect
        || defend
        || private_wish
        || standing_mission
        || shown_not_protested
        || no_visit
}

/// A country mention written as the country's name or abbreviation ("Iraq", "U.S."), not
/// as a demonym ("Iraqi Kurds", "Iranians").
fn names_the_state(a: &ActorMention) -> bool {
    let text = a.text.to_lowercase();
    a.name.as_deref().is_some_and(|n| n.to_lowercase() == text)
        || !a.text.chars().any(char::is_lowercase)
}

fn not_a_visitor(a: &ActorMention) -> bool {
    const NON_VISITING: &[&str] = &[
        "AGR", "BUS", "CVL", "EDU", "ENV", "HLH", "LAB", "MED", "REF", "REL", "COP", "CRM",
    ];
    let text = a.text.to_lowercase();
    let plural = text.ends_with('s');
    match a.kind {
        // "Venezuelans": plural, and not the country's own name ("the Philippines").
        ActorKind::Country => {
            plural
                && match a.name.as_deref() {
                    Some(n) => !n.to_lowercase().contains(&text),
                    None => text.ends_with("ans") || text.ends_with("is"),
                }
        }
        ActorKind::Agent => {
            !a.sectors.is_empty()
                && a.sectors
                    .iter()
                    // Troops, rebels or warships "arriving in" a place are deployed or
                    // advancing, not visiting; a (singular) military delegation visits.
                    .all(|s| {
                        NON_VISITING.contains(&s.as_str())
                            || (matches!(s.as_str(), "OPP" | "MIL" | "REB" | "UAF") && plural)
                    })
        }
        _ => false,
    }
}

/// IGOs of health, food, children, refugees and development: no force of their own.
const HEALTH_AND_AID_IGOS: &[&str] = &[
    "IGOUNOHLH",
    "IGOUNOWFP",
    "IGOUNOKID",
    "IGOUNOREF",
    "IGOUNODEV",
    "IGOUNOFAO",
    "IGOUNOIOM",
];

const CIVILIAN_SECTORS: &[&str] = &[
    "AGR", "BUS", "CVL", "EDU", "ELI", "ENV", "HLH", "JUD", "LAB", "LEG", "MED", "NGO", "REF",
    "REL",
];

/// "denies US claims that Russia hacked emails", "reports Iran had fired": a clause that
/// a claim, allegation or rumour introduces is what someone alleges, not what the text
/// asserts. The accusation is coded from its own verb ("accused Russia of hacking").
fn alleged_clause(sent: &Sent, start: usize) -> bool {
    const ALLEGED: &[&str] = &[
        "claim",
        "claims",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "speculation",
        "suspicion",
        "suspicions",
        "suggestion",
        "suggestions",
        "reports",
        "assertion",
        "assertions",
    ];
    let Some(mut c) = start.checked_sub(1) else {
        return false;
    };
    if sent.words[c] == "that" {
        let Some(b) = c.checked_sub(1) else {
            return false;
        };
        c = b;
        // "accusations by Israel that", "claims from Kiev that": the author stands between.
        if let Some(mi) = sent.end_at[c] {
            let ms = sent.mentions[mi].1;
            if ms >= 2 && matches!(sent.words[ms - 1].as_str(), "by" | "from") {
                c = ms - 2;
            }
        }
    }
    if !is(ALLEGED, &sent.words[c]) {
        return false;
    }
    // A noun, not "Ukraine claims Russia shelled" (reported speech, which is coded): a
    // determiner or a verb comes before it or before its owner ("denies US claims"). The
    // rule tagger cannot tell the two, so the tag is not asked.
    let noun_before = |q: usize| {
        let t = sent.tags[q].as_str();
        t == "DT" || t == "PRP$" || t == "POS" || t.starts_with("VB") || t == "IN"
    };
    c.checked_sub(1).is_some_and(|p| {
        noun_before(p)
            || sent.end_at[p].is_some_and(|mi| {
                let ms = sent.mentions[mi].1;
                ms.checked_sub(1).is_some_and(noun_before)
            })
    })
}

/// Whether the words from `from` to the next comma or stop are "SPEAKER said".
fn reporting_clause_after(sent: &Sent, from: usize) -> bool {
    for q in from..sent.words.len().min(from + 10) {
        let w = sent.words[q].as_str();
        if is(REPORTING, w) || matches!(w, "told" | "added") {
            return q > from;
        }
        if matches!(w, "," | "." | ";" | ":") || sent.tags[q].starts_with("VB") {
            return false;
        }
    }
    false
}

/// Whether token `k` may stand inside a noun phrase that names no actor ("the city of").
/// Length of an amount written before what it measures: "$100 million in", "2,000 tons
/// of", "50 million euros worth of"; 0 when none starts at `k`.
fn quantity_prefix_len(sent: &Sent, k: usize) -> usize {
    let n = sent.words.len();
    let mut q = k;
    let mut number = false;
    while q < n && q < k + 6 {
        let w = sent.words[q].as_str();
        if sent.tags[q] == "CD" {
            number = true;
        } else if !(sent.tags[q] == "$"
            || is(
                &[
                    "million", "billion", "thousand", "tons", "tonnes", "dollars", "euros",
                    "pounds", "yuan", "yen", "worth", "us", "usd",
                ],
                w,
            ))
        {
            break;
        }
        q += 1;
    }
    if number && q < n && matches!(sent.words[q].as_str(), "in" | "of") {
        q + 1 - k
    } else {
        0
    }
}

fn np_word(sent: &Sent, k: usize) -> bool {
    let t = sent.tags[k].as_str();
    sent.mention_of[k].is_none()
        && !sent.trigger_at[k]
        && (matches!(t, "DT" | "CD" | "PRP$")
            || t.starts_with("JJ")
            || t.starts_with("NN")
            || sent.words[k] == "of")
}

/// Drops the events from `new_from` on that repeat, between the same actors, an event of
/// the verb whose trigger starts at char `verb_start`; a generic verb code takes the
/// noun's more specific one ("gave air support to" 072).
fn fold_told_again(out: &mut Vec<RawEvent>, new_from: usize, verb_start: usize) {
    let pair = |e: &RawEvent| {
        (
            e.source.code.clone(),
            e.target.as_ref().map(|t| t.code.clone()),
        )
    };
    let mut k = new_from;
    while k < out.len() {
        let (before, after) = out.split_at_mut(k);
        let noun = &after[0];
        let mut told = false;
        for e in before[..new_from]
            .iter_mut()
            .filter(|e| e.verb_start == verb_start && pair(e) == pair(noun))
        {
            told = true;
            if e.code.len() == 3 && e.code.ends_with('0') && noun.code.get(..2) == e.code.get(..2) {
                e.code = noun.code.clone();
                e.rule = format!("{}+{}", e.rule, noun.rule);
            }
        }
        if told {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Possessive pronouns that make a noun phrase the possessor's own ("its troops").
const POSSESSIVE_PRONOUNS: &[&str] = &["its", "their", "his", "her", "our"];

/// Words for a state's envoys, whose nationality names the state they represent.
/// Words for a part of a country ("in eastern Ukraine").
const COMPASS_WORDS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "east",
    "west",
    "north",
    "south",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "far",
    "neighbouring",
    "neighboring",
];

/// Kinds of place a country word can introduce ("the Russian city of Belgorod").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "region",
    "province",
    "district",
    "port",
    "oblast",
    "state",
    "capital",
    "border",
    "county",
    "governorate",
    "enclave",
];

const ENVOYS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "diplomat",
    "diplomats",
    "charge",
    "consul",
];

/// Whether a clause starting at `start` is a dated background clause ("almost five years
/// after ...", "decades before ...").
fn background_clause(sent: &Sent, start: usize) -> bool {
    let Some(c) = start.checked_sub(1) else {
        return false;
    };
    if !matches!(sent.words[c].as_str(), "after" | "before" | "since") {
        return false;
    }
    (c.saturating_sub(2)..c).any(|q| {
        matches!(
            sent.words[q].as_str(),
            "years" | "months" | "decades" | "weeks" | "year" | "decade" | "month" | "centuries"
        )
    })
}

/// A consultation (CAMEO 04x, not a visit) with a coordinated subject and no target is
/// reciprocal among the subjects ("The US, Russia and Switzerland met"), whatever the
/// dictionary's frame says.
fn among_subjects(p: &VerbPattern, subj: Option<&Group>) -> bool {
    p.code.starts_with("04")
        && p.paired.is_none()
        && p.modality.is_none()
        && subj.is_some_and(|g| g.actors.len() >= 2)
}

/// Whether the nearest verb before token `a` in its clause is a form of "be" used as the
/// main verb ("are Syria's main allies against ...").
fn copular_before(sent: &Sent, a: usize) -> bool {
    let lo = a.saturating_sub(12);
    for q in (lo..a).rev() {
        let w = sent.words[q].as_str();
        if is(STOP_L, w) || w == "," {
            return false;
        }
        let verb = sent.tags[q].starts_with("VB") || sent.tags[q] == "MD";
        if verb || (is(BE, w) && w != "'s") {
            return matches!(w, "is" | "are" | "was" | "were" | "'re")
                && !sent.tags.get(q + 1).is_some_and(|t| t.starts_with("VB"));
        }
    }
    false
}

/// Auxiliaries and adverbs between a subject and its verb ("has once again outright
/// rejected").
fn is_aux_or_adverb(w: &str) -> bool {
    is(AUX, w)
        || (w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "rally" | "ally"))
        || matches!(
            w,
            "again" | "outright" | "soon" | "long" | "too" | "thus" | "meanwhile"
        )
}

/// Whether a noun phrase or an actor starts at token `q` (a verb's object).
fn object_follows(sent: &Sent, q: usize) -> bool {
    let Some(tag) = sent.tags.get(q) else {
        return false;
    };
    sent.start_at[q].is_some()
        || matches!(
            tag.as_str(),
            "DT" | "CD" | "PRP" | "PRP$" | "JJ" | "NN" | "NNS" | "NNP"
        )
}

/// Whether the phrase starting at token `start` follows a verb, past its modifiers and
/// numbers ("expelled 60 diplomats").
fn object_position(sent: &Sent, start: usize) -> bool {
    let mut b = start;
    while b > 0 && (is_modifier(sent, b - 1) || sent.tags[b - 1] == "CD") {
        b -= 1;
    }
    b > 0 && sent.tags[b - 1].starts_with("VB")
}

/// Whether an infinitive or a finite verb stands in `from..to`, unless the phrase shares
/// its object with the next ("ties with and opened an embassy in Tehran").
fn verb_between(sent: &Sent, from: usize, to: usize) -> bool {
    if sent
        .words
        .get(from)
        .is_some_and(|w| w == "and" || w == "or")
    {
        return false;
    }
    (from..to).any(|q| {
        let infinitive =
            sent.words[q] == "to" && sent.tags.get(q + 1).is_some_and(|t| t == "VB") && q > from;
        infinitive || matches!(sent.tags[q].as_str(), "VBD" | "VBZ" | "VBP" | "MD")
    })
}

/// Verbs of stance towards an act named by their object ("endorsed the invasion").
const STANCE_VERB_STEMS: &[&str] = &[
    "endors",
    "support",
    "backed",
    "backs",
    "condemn",
    "denounc",
    "criticis",
    "criticiz",
    "oppos",
    "welcom",
    "prais",
    "reject",
    "protest",
    "deplor",
    "applaud",
    "hail",
    "approv",
    "justif",
    "defend",
    "blam",
    "fear",
    "recall",
    "rememb",
    "mourn",
    "commemorat",
    "investigat",
    "discuss",
    "debat",
    "question",
    "ignor",
    "deni",
    "deny",
    "accept",
];

/// Whether the mention starting at token `ps` is the object of a preposition in a phrase
/// that opens the sentence without a finite verb ("Following the visit to the UAE, ...").
fn in_introductory_phrase(sent: &Sent, ps: usize) -> bool {
    let mut q = ps;
    while q > 0 && is_modifier(sent, q - 1) {
        q -= 1;
    }
    let opener = sent.tags.first().map(String::as_str);
    q > 0
        && matches!(sent.tags[q - 1].as_str(), "IN" | "TO")
        && matches!(opener, Some("IN" | "VBG" | "RB"))
        && !sent.tags[..q]
            .iter()
            .any(|t| matches!(t.as_str(), "VBD" | "VBZ" | "VBP" | "MD"))
}

/// A determiner or adjective that may stand between a coordinator and a mention.
fn is_modifier(sent: &Sent, q: usize) -> bool {
    let w = sent.words[q].as_str();
    if is(DETERMINERS, w) {
        return true;
    }
    let tag = sent.tags[q].as_str();
    if !tag.is_empty() {
        return matches!(tag, "JJ" | "JJR" | "JJS" | "DT" | "RB" | "VBN");
    }
    false
}

/// "the defence ministers of Iran, Russia and Syria", matched as one agent mention for the
/// first country followed by bare countries: the agent's sectors apply to every country.
/// "the Kazakhstan and UAE governments": bare countries before a plural agent share its
/// sectors.
fn distribute_sectors(actors: &mut [ActorMention]) {
    if let Some((last, rest)) = actors.split_last_mut() {
        let plural_head = last
            .text
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
        if plural_head && !last.sectors.is_empty() && last.country.is_some() {
            for m in rest.iter_mut() {
                if m.kind == ActorKind::Country && m.sectors.is_empty() {
                    if let Some(c) = m.country.clone() {
                        m.code = format!("{}{}", c, last.sectors.join(""));
                        m.sectors = last.sectors.clone();
                    }
                }
            }
        }
    }
    let Some((first, rest)) = actors.split_first_mut() else {
        return;
    };
    if first.sectors.is_empty() || !first.text.contains(" of ") || first.country.is_none() {
        return;
    }
    for m in rest {
        if m.kind == ActorKind::Country && m.sectors.is_empty() {
            if let Some(c) = m.country.clone() {
                m.code = format!("{}{}", c, first.sectors.join(""));
                m.sectors = first.sectors.clone();
            }
        }
    }
}

fn dedupe_codes(actors: &mut Vec<ActorMention>) {
    let mut seen = std::collections::HashSet::new();
    actors.retain(|m| seen.insert(m.code.clone()));
}

struct Emit<'e> {
    sources: &'e [ActorMention],
    targets: &'e [ActorMention],
    code: &'e str,
    paired: Option<&'e str>,
    symmetric: bool,
    no_target: bool,
    rule: &'e str,
    span: (usize, usize),
    /// Country (alpha-2) of an explicit meeting place ("in Tehran").
    location: Option<&'e str>,
    gaz: &'e wirecoder_knowledge::gazetteer::Gazetteer,
    /// Dateline place, host of visits whose host is not named.
    host: Option<&'e ActorMention>,
}

fn country_of(m: &ActorMention) -> String {
    m.country.clone().unwrap_or_else(|| m.code.clone())
}

/// Police and courts act at home: the people they arrest, try or disperse belong to the
/// police's country when nothing but the story's focus gave them one ("Hartford police
/// arrested 13 protesters" in a story about Pakistan; the CAMEO manual codes such events
/// as domestic, ECU police → ECU protesters).
fn policed_at_home(source: &ActorMention, target: &ActorMention) -> bool {
    target.country_inferred
        && !source.country_inferred
        && source.country.is_some()
        && source.sectors.iter().any(|s| s == "COP" || s == "JUD")
}

/// "They agreed that regulation should support ...", "promised that it was safe": a
/// pledge word followed by "that" states an opinion or an assurance, which is no intent to
/// act unless the clause says what the speaker will do ("agreed that they would meet").
fn opinion_that(sent: &Sent, after: usize) -> bool {
    if sent.words.get(after).map(String::as_str) != Some("that") {
        return false;
    }
    let rest = sent.words.iter().skip(after + 1).take(14);
    !rest
        .take_while(|w| !STOP_R.contains(w))
        .any(|w| matches!(w.as_str(), "will" | "would" | "shall" | "'ll"))
}

/// Whether an agent named with places ("troops in Gaza") has a country of its own that is
/// none of theirs: "Israeli troops" rather than "lawmakers in Arnor" or a focus guess.
fn has_own_country(agent: &ActorMention, places: &[ActorMention]) -> bool {
    agent.country.as_ref().is_some_and(|c| {
        !agent.country_inferred
            && places
                .iter()
                .all(|p| p.country.as_ref() != Some(c) && &p.code != c)
    })
}

/// Emit one event per source–target pair, applying the coding conventions.
fn emit(out: &mut Vec<RawEvent>, e: &Emit) {
    let mut push = |s: &ActorMention, t: Option<&ActorMention>, code: &str, rule: &str| {
        if code.is_empty() {
            return;
        }
        let at_home;
        let t = match t {
            Some(t) if policed_at_home(s, t) => {
                at_home = s.country.as_deref().map(|c| {
                    let mut local = t.clone();
                    local.set_country(c);
                    local
                });
                at_home.as_ref().or(Some(t))
            }
            other => other,
        };
        if let Some(t) = t {
            if t.code == s.code {
                return;
            }
        }
        out.push(RawEvent {
            source: s.clone(),
            target: t.cloned(),
            code: code.to_string(),
            rule: rule.to_string(),
            verb_start: e.span.0,
            verb_end: e.span.1,
        });
    };
    // Participants of a reciprocal event: sources and targets together.
    let mut parts: Vec<&ActorMention> = e.sources.iter().chain(e.targets.iter()).collect();
    parts.dedup_by(|a, b| a.code == b.code);
    let consult = e.code.starts_with("04") && e.symmetric;
    if consult && parts.len() >= 2 {
        if let Some(loc) = e.location {
            // A meeting in one participant's country: the others visit (042), that
            // participant hosts (043), the visitors meet each other at a third place (044).
            let in_host = |m: &ActorMention| e.gaz.alpha2_of(&country_of(m)) == Some(loc);
            if parts.iter().any(|p| in_host(p)) {
                for a in &parts {
                    for b in &parts {
                        if a.code == b.code {
                            continue;
                        }
                        let (ah, bh) = (in_host(a), in_host(b));
                        let code = match (ah, bh) {
                            (true, false) => "043",
                            (false, true) => "042",
                            (false, false) => "044",
                            (true, true) => e.code,
                        };
                        push(a, Some(b), code, e.rule);
                    }
                }
                return;
            }
        }
    }
    if e.targets.is_empty() {
        if e.symmetric && e.sources.len() >= 2 {
            for a in e.sources {
                for b in e.sources {
                    push(a, Some(b), e.code, e.rule);
                }
            }
            return;
        }
        if let (Some(_), Some(host)) = (e.paired, e.host) {
            // A visit without a named host: the place visited hosts it.
            for s in e.sources {
                if country_of(s) != country_of(host) {
                    push(s, Some(host), e.code, e.rule);
                    if let Some(pc) = e.paired {
                        push(host, Some(s), pc, e.rule);
                    }
                }
            }
            return;
        }
        // A reciprocal act needs two parties: "people talk about", "he met top aides" with
        // no second actor is no event.
        if (e.no_target && !e.symmetric) || e.paired.is_some() {
            for s in e.sources {
                push(s, None, e.code, e.rule);
            }
        }
        return;
    }
    for s in e.sources {
        for t in e.targets {
            push(s, Some(t), e.code, e.rule);
            if let Some(pc) = e.paired {
                push(t, Some(s), pc, e.rule);
            } else if e.symmetric {
                push(t, Some(s), e.code, e.rule);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn frame_words_match_split_hyphens() {
        let alt = words("a cease-fire");
        assert_eq!(
            starts_at(&words("agreed to a cease-fire ."), 2, &alt),
            Some(2)
        );
        assert_eq!(
            starts_at(&words("agreed to a cease - fire ."), 2, &alt),
            Some(4)
        );
        assert_eq!(starts_at(&words("agreed to a cease fire ."), 2, &alt), None);
        assert_eq!(ends_at(&words("a cease - fire between"), 3, &alt), Some(4));
        assert_eq!(ends_at(&words("a cease-fire between"), 1, &alt), Some(2));
        assert_eq!(ends_at(&words("the fire between"), 1, &alt), None);
    }
}
