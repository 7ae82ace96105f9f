//! Token normalisation for dictionary lookups: lower case, straight quotes and apostrophes,
//! ASCII hyphen for every dash. Diacritics are kept ("zürich" stays "zürich").

/// Lower-case `word`, map curly quotes/apostrophes to straight ones, dashes and the minus
/// sign to '-', and the ellipsis character to "...".
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{02bc}' | '\u{2032}'
            | '\u{00b4}' | '\u{0060}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
            | '\u{00bb}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => {
                out.push('-')
            }
            '\u{2026}' => out.push_str("..."),
            '\u{00a0}' | '\u{202f}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalises() {
        assert_eq!(normalize("Syria"), "syria");
        assert_eq!(normalize("\u{2019}S"), "'s");
        assert_eq!(normalize("N\u{2019}T"), "n't");
        assert_eq!(normalize("\u{201c}"), "\"");
        assert_eq!(normalize("\u{201d}"), "\"");
        assert_eq!(normalize("\u{2014}"), "-");
        assert_eq!(normalize("al\u{2010}Assad"), "al-assad");
        assert_eq!(normalize("Z\u{fc}rich"), "z\u{fc}rich");
        assert_eq!(normalize("\u{c9}COLE"), "\u{e9}cole");
        assert_eq!(normalize("\u{2026}"), "...");
        assert_eq!(normalize(""), "");
    }
}
