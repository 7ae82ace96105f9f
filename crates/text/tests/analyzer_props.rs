//! Property and golden tests of the rule-based language layer as a whole.

use proptest::prelude::*;
use wirecoder_text::{LanguageAnalyzer, RuleAnalyzer};

fn check_invariants(text: &str) {
    let a = RuleAnalyzer.analyze(text);
    let mut last_end = 0;
    let mut last_tok = 0;
    for s in &a.sentences {
        assert!(
            s.byte_start >= last_end,
            "sentences overlap or out of order"
        );
        assert!(s.byte_start < s.byte_end, "empty sentence");
        assert_eq!(&text[s.byte_start..s.byte_end], s.text);
        assert_eq!(text[..s.byte_start].chars().count(), s.start);
        assert_eq!(text[..s.byte_end].chars().count(), s.end);
        assert_eq!(s.token_start, last_tok, "token ranges not contiguous");
        assert!(s.token_start <= s.token_end && s.token_end <= a.tokens.len());
        for t in &a.tokens[s.token_start..s.token_end] {
            assert!(t.byte_start >= s.byte_start && t.byte_end <= s.byte_end);
            assert!(t.byte_start < t.byte_end, "empty token");
            assert_eq!(&text[t.byte_start..t.byte_end], t.text);
            assert_eq!(text[..t.byte_start].chars().count(), t.start);
            assert_eq!(text[..t.byte_end].chars().count(), t.end);
            assert!(
                !t.text.chars().any(char::is_whitespace),
                "whitespace in {:?}",
                t.text
            );
        }
        last_end = s.byte_end;
        last_tok = s.token_end;
    }
    assert_eq!(last_tok, a.tokens.len());
    // Every non-whitespace character belongs to some token.
    let covered: usize = a.tokens.iter().map(|t| t.text.len()).sum();
    let non_ws: usize = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered, non_ws, "tokens do not cover the text");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_never_breaks_invariants(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn news_like_text_never_breaks_invariants(
        text in r#"([A-Z][a-z]{0,8}|[a-z]{1,8}|U\.S\.|Mr\.|[0-9]{1,4}([.,][0-9]{1,3})?|[.?!,;:'"()\-]|\u{201c}|\u{201d}|\u{2019}s|n\u{2019}t|\u{2026}|\u{2014}|é|日本| |  |\n|\n\n){0,60}"#
    ) {
        check_invariants(&text);
    }
}

#[test]
fn seed_like_paragraph() {
    let text = "TEHRAN \u{2013} Agence France-Presse\nRussia, Iran coordinate with Syria in Tehran talks\n\nThe defense ministers of allies Iran, Russia and Syria on June 9 held talks in Tehran on pressing the fight against opponents of President Bashar al-Assad in Syria\u{2019}s continuing civil war.\n\n\u{201c}We agree to a guaranteed cease-fire that doesn\u{2019}t lead to the strengthening of terrorists in this country,\u{201d} he said. Moscow has sent warplanes.";
    check_invariants(text);
    let a = RuleAnalyzer.analyze(text);
    let sents: Vec<&str> = a.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(sents.len(), 5, "{sents:#?}");
    assert_eq!(sents[0], "TEHRAN \u{2013} Agence France-Presse");
    assert!(sents[3].ends_with("he said."));
    let tok = |w: &str| {
        a.tokens
            .iter()
            .find(|t| t.text == w)
            .unwrap_or_else(|| panic!("no token {w}"))
    };
    assert_eq!(tok("held").lemma, "hold");
    assert_eq!(tok("held").tag, "VBD");
    assert_eq!(tok("held").pos, "VERB");
    assert_eq!(tok("talks").lemma, "talk");
    assert_eq!(tok("ministers").lemma, "minister");
    assert_eq!(tok("n\u{2019}t").lemma, "not");
    assert_eq!(tok("n\u{2019}t").norm, "n't");
    assert_eq!(tok("\u{2019}s").tag, "POS");
    assert_eq!(tok("sent").lemma, "send");
    assert_eq!(tok("has").pos, "AUX");
    assert_eq!(tok("does").pos, "AUX");
    assert_eq!(tok("cease-fire").text, "cease-fire");
    assert_eq!(tok("al-Assad").norm, "al-assad");
}
