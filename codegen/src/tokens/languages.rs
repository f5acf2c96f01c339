//! The language names Steam's localization accepts (the "API language code"
//! column of Steamworks' supported-languages table).

use crate::diag::did_you_mean;

/// Every API language name, in Steamworks' order.
pub const STEAM_LANGUAGES: &[&str] = &[
    "arabic",
    "bulgarian",
    "schinese",
    "tchinese",
    "czech",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hungarian",
    "indonesian",
    "italian",
    "japanese",
    "koreana",
    "norwegian",
    "polish",
    "portuguese",
    "brazilian",
    "romanian",
    "russian",
    "spanish",
    "latam",
    "swedish",
    "thai",
    "turkish",
    "ukrainian",
    "vietnamese",
];

/// The fallback language: what a player sees when their language lacks a token.
pub const ENGLISH: &str = "english";

/// Names people write for a language that Steam spells otherwise (web codes,
/// English names).
const ALIASES: &[(&str, &str)] = &[
    ("chinese", "schinese"),
    ("simplifiedchinese", "schinese"),
    ("traditionalchinese", "tchinese"),
    ("zh", "schinese"),
    ("zh-cn", "schinese"),
    ("zh-tw", "tchinese"),
    ("korean", "koreana"),
    ("ko", "koreana"),
    ("pt-br", "brazilian"),
    ("portuguese-brazil", "brazilian"),
    ("es-419", "latam"),
    ("en", "english"),
    ("de", "german"),
    ("fr", "french"),
    ("es", "spanish"),
    ("ja", "japanese"),
    ("ru", "russian"),
    ("pl", "polish"),
    ("pt", "portuguese"),
    ("it", "italian"),
];

/// Whether Steam knows `name` (exactly as written: Steam's names are lowercase).
pub fn is_known(name: &str) -> bool {
    STEAM_LANGUAGES.contains(&name)
}

/// The message for a language Steam does not know, with a did-you-mean.
pub fn unknown(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let squashed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let hint = if is_known(&lower) {
        format!(" (did you mean '{lower}'? Steam's names are lowercase)")
    } else if let Some((_, to)) = ALIASES.iter().find(|(from, _)| *from == squashed) {
        format!(" (did you mean '{to}'?)")
    } else {
        did_you_mean(&lower, STEAM_LANGUAGES.iter().copied())
    };
    format!("unknown language '{name}': Steam does not know it{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_steams_spelling() {
        assert!(unknown("chinese").ends_with("(did you mean 'schinese'?)"));
        assert!(unknown("korean").ends_with("(did you mean 'koreana'?)"));
        assert!(unknown("spansih").ends_with("(did you mean 'spanish'?)"));
        assert!(
            unknown("English").contains("(did you mean 'english'? Steam's names are lowercase)")
        );
        assert!(unknown("klingon").ends_with("Steam does not know it"));
        assert!(is_known("latam") && !is_known("English"));
    }
}
