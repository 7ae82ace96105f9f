//! The `LanguageAnalyzer` view of the model: offsets, sentences, heads and entities, and
//! robustness on arbitrary input.

use proptest::prelude::*;
use wirecoder_nlp_model::ModelAnalyzer;
use wirecoder_text::LanguageAnalyzer;

#[test]
fn worked_example_from_the_guide() {
    let a = ModelAnalyzer::new().expect("model");
    let text = "Apple isn't looking at buying U.K. startup for $1 billion.";
    let ta = a.analyze(text);
    let words: Vec<&str> = ta.tokens.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        words,
        [
            "Apple", "is", "n't", "looking", "at", "buying", "U.K.", "startup", "for", "$", "1",
            "billion", "."
        ]
    );
    let heads: Vec<usize> = ta
        .tokens
        .iter()
        .map(|t| t.head.unwrap_or(usize::MAX))
        .collect();
    assert_eq!(heads, [3, 3, 3, 3, 3, 4, 7, 3, 7, 11, 11, 8, 3]);
    let lemmas: Vec<&str> = ta.tokens.iter().map(|t| t.lemma.as_str()).collect();
    assert_eq!(lemmas[1], "be");
    assert_eq!(lemmas[2], "not");
    assert_eq!(ta.tokens[3].dep, "ROOT");
    assert_eq!(ta.tokens[9].pos, "SYM");
    assert_eq!(ta.sentences.len(), 1);
    let ents: Vec<(&str, &str)> = ta
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.label.as_str()))
        .collect();
    assert_eq!(
        ents,
        [("Apple", "ORG"), ("U.K.", "GPE"), ("$1 billion", "MONEY")]
    );
}

#[test]
fn char_and_byte_offsets_and_sentences() {
    let a = ModelAnalyzer::new().expect("model");
    let text =
        "Médecins Sans Frontières said 12 people died in Damascus. The strike hit a hospital.";
    let ta = a.analyze(text);
    for t in &ta.tokens {
        assert_eq!(&text[t.byte_start..t.byte_end], t.text);
        let chars: String = text.chars().skip(t.start).take(t.end - t.start).collect();
        assert_eq!(chars, t.text);
    }
    assert_eq!(ta.sentences.len(), 2);
    assert_eq!(ta.sentences[1].text, "The strike hit a hospital.");
    assert_eq!(ta.sentences[0].token_end, ta.sentences[1].token_start);
    for e in &ta.entities {
        let chars: String = text.chars().skip(e.start).take(e.end - e.start).collect();
        assert_eq!(chars, e.text);
    }
    assert!(ta
        .entities
        .iter()
        .any(|e| e.text == "Damascus" && e.label == "GPE"));
}

#[test]
fn empty_and_whitespace_input() {
    let a = ModelAnalyzer::new().expect("model");
    assert!(a.analyze("").tokens.is_empty());
    let ta = a.analyze("  \n\t ");
    assert!(ta.entities.is_empty());
    assert!(ta.tokens.iter().all(|t| t.pos == "SPACE"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_and_heads_stay_in_range(text in "\\PC{0,60}|[a-zA-Z0-9 .,'\"\\-:/@$%()\n]{0,80}") {
        let a = ModelAnalyzer::new().expect("model");
        let ta = a.analyze(&text);
        let n = ta.tokens.len();
        for t in &ta.tokens {
            prop_assert!(t.head.is_some_and(|h| h < n));
            prop_assert_eq!(&text[t.byte_start..t.byte_end], t.text.as_str());
        }
        let covered: usize = ta.sentences.iter().map(|s| s.token_end - s.token_start).sum();
        prop_assert_eq!(covered, n);
        for e in &ta.entities {
            prop_assert!(e.token_start < e.token_end && e.token_end <= n);
        }
    }
}
