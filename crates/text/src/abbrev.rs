//! Abbreviation knowledge shared by the sentence splitter and the tokenizer.
//!
//! Word lists are compared ASCII-case-insensitively against the word *without* its final
//! period ("Gen" for "Gen.").

/// Titles and abbreviations that (practically) never end a sentence: "Gen. Smith".
const HARD: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mmes", "dr", "drs", "prof", "gen", "gens", "lt", "col", "maj",
    "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "sen", "sens", "rep", "reps",
    "gov", "govs", "pres", "amb", "rev", "hon", "fr", "mt", "ft", "atty", "supt", "insp", "det",
    "lieut", "comdr", "cmdt", "sec", "vs", "v", "approx", "ca", "cf", "e.g", "i.e", "nos", "vol",
    "vols", "fig", "figs", "pp", "rt", "msgr",
];

/// Abbreviations that may end a sentence ("the U.S. The"): split only before a typical
/// sentence opener, never before a number.
const SOFT: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "st", "jr", "sr", "a.m", "p.m", "u.s", "u.k",
    "u.n", "e.u", "u.s.a", "al", "dept", "univ", "assn", "ave", "blvd", "rd",
];

/// Like [`SOFT`] but only when capitalised ("Jan. 5", "(D-Calif.)", "No. 10"), because the
/// lower-case forms are ordinary words ("he was ill.", "said no.").
const SOFT_CAPITALISED: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Abbreviations kept with their period by the tokenizer but which end sentences freely.
const FREE: &[&str] = &["etc"];

/// How a word followed by a period behaves at a possible sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Never ends a sentence ("Mr.", "Gen.").
    Hard,
    /// Ends a sentence only before a sentence opener ("Inc.", "U.S.", initials).
    Soft,
    /// An abbreviation that behaves like a word at boundaries ("etc.").
    Free,
}

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Letters separated by single periods, each part one or two letters: "U.S", "a.m", "Ph.D".
fn is_dotted_acronym(word: &str) -> bool {
    if !word.contains('.') {
        return false;
    }
    word.split('.')
        .all(|p| !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// Classify `word` (the text before a period, without the period).
pub fn kind(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    if in_list(HARD, word) {
        return Some(AbbrevKind::Hard);
    }
    if in_list(SOFT, word)
        || (word.starts_with(|c: char| c.is_ascii_uppercase()) && in_list(SOFT_CAPITALISED, word))
    {
        return Some(AbbrevKind::Soft);
    }
    if in_list(FREE, word) {
        return Some(AbbrevKind::Free);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // Initials: "J. D. Vance", "George W. Bush".
        if c.is_uppercase() {
            return Some(AbbrevKind::Soft);
        }
        return None;
    }
    if is_dotted_acronym(word) {
        return Some(AbbrevKind::Soft);
    }
    None
}

/// Words that typically open a sentence (compared case-insensitively). Used to decide
/// whether a soft abbreviation or an ellipsis ends the sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "with",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "some",
    "many",
    "most",
    "all",
    "one",
    "officials",
    "meanwhile",
    "however",
    "also",
    "according",
    "earlier",
    "later",
    "last",
    "during",
    "since",
    "although",
    "though",
    "still",
    "both",
    "each",
    "such",
    "what",
    "who",
    "where",
    "why",
    "how",
    "then",
    "now",
    "today",
    "yesterday",
    "here",
    "other",
    "another",
    "several",
    "more",
    "nearly",
    "about",
    "among",
    "under",
    "over",
    "between",
    "despite",
    "because",
    "mr",
    "mrs",
    "ms",
    "dr",
    "no",
    "not",
    "by",
    "from",
    "to",
    "until",
    "instead",
    "thus",
    "therefore",
    "besides",
    "indeed",
    "only",
    "even",
    "police",
    "authorities",
    "us",
    "him",
    "them",
];

/// Whether `word` is a typical sentence opener.
pub fn is_opener(word: &str) -> bool {
    in_list(OPENERS, word)
}

/// Reporting verbs: `"Why now?" Smith asked.` keeps the quote and attribution together.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "asked",
    "asks",
    "ask",
    "told",
    "tells",
    "added",
    "adds",
    "replied",
    "replies",
    "shouted",
    "wrote",
    "writes",
    "stated",
    "states",
    "declared",
    "declares",
    "insisted",
    "insists",
    "warned",
    "warns",
    "explained",
    "explains",
    "continued",
    "noted",
    "notes",
    "argued",
    "argues",
    "tweeted",
    "cried",
    "exclaimed",
    "yelled",
    "screamed",
    "wondered",
    "demanded",
    "demands",
    "quipped",
    "recalled",
    "recalls",
    "chanted",
    "chant",
];

/// Whether `word` is a reporting verb.
pub fn is_speech_verb(word: &str) -> bool {
    in_list(SPEECH_VERBS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind("Mr"), Some(AbbrevKind::Hard));
        assert_eq!(kind("Gen"), Some(AbbrevKind::Hard));
        assert_eq!(kind("U.S"), Some(AbbrevKind::Soft));
        assert_eq!(kind("p.m"), Some(AbbrevKind::Soft));
        assert_eq!(kind("W"), Some(AbbrevKind::Soft));
        assert_eq!(kind("Inc"), Some(AbbrevKind::Soft));
        assert_eq!(kind("etc"), Some(AbbrevKind::Free));
        assert_eq!(kind("Calif"), Some(AbbrevKind::Soft));
        assert_eq!(kind("ill"), None);
        assert_eq!(kind("no"), None);
        assert_eq!(kind("No"), Some(AbbrevKind::Soft));
        assert_eq!(kind("Jr"), Some(AbbrevKind::Soft));
        assert_eq!(kind("Ph.D"), Some(AbbrevKind::Soft));
        assert_eq!(kind("talks"), None);
        assert_eq!(kind("a"), None);
        assert_eq!(kind("2015"), None);
        assert_eq!(kind("www.example"), None);
    }
}
