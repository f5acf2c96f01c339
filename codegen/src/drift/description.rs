//! `description-changed`: the listing's text for an operation or parameter against the text the
//! spec records for it (`listing_description`, else `description`). Valve announces deprecations
//! in these texts ("Obsolete, partners should use ISteamUser.CheckAppOwnership"), so a new text
//! that speaks of deprecation or removal is a warning; any other rewording is info.

use std::sync::LazyLock;

use regex::Regex;

use super::finding::Severity;

/// Words that announce a deprecation or a removal, matched case-insensitively on word bounds.
static DEPRECATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(deprecated|deprecating|obsolete|no longer|will be removed|to be removed|removed in|retired|(should|please) use|use\b.{1,80}\binstead)\b",
    )
    .expect("the deprecation pattern is valid")
});

/// Longest text quoted in a message, in characters; longer ones end with `…`.
const QUOTE_CHARS: usize = 160;

/// Whether a description announces a deprecation or a removal.
pub fn speaks_of_deprecation(text: &str) -> bool {
    DEPRECATION.is_match(text)
}

/// The text with runs of whitespace folded to one space, the ends trimmed and a final period
/// dropped: YAML folding, the listing's double spaces and the period the spec adds are no
/// changes.
pub fn normalize(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.strip_suffix('.') {
        Some(s) if !s.ends_with('.') => s.to_string(),
        _ => folded,
    }
}

/// What a spec element records about the listing's text.
pub struct Recorded<'a> {
    /// `listing_description`: the listing's text where the spec rewrote it.
    pub explicit: Option<&'a str>,
    /// `description`: the spec's own text, taken to be the listing's when nothing is recorded.
    pub description: Option<&'a str>,
}

/// The severity and message of a `description-changed` finding about `what`, or `None` when the
/// texts agree. A listing without a text is compared only when the spec recorded one
/// explicitly: the docs' words for a method Steam never described are no drift.
pub fn compare(what: &str, recorded: Recorded, listed: Option<&str>) -> Option<(Severity, String)> {
    let listed = listed.map(normalize).filter(|t| !t.is_empty());
    let (was, source) = match (recorded.explicit, recorded.description) {
        (Some(e), _) => (normalize(e), "listing_description"),
        (None, Some(d)) if listed.is_some() => (normalize(d), "description"),
        _ => return None,
    };
    let Some(now) = listed else {
        return Some((
            Severity::Info,
            format!(
                "the listing no longer describes {what}; the spec's {source} has \"{}\"",
                quote(&was)
            ),
        ));
    };
    if was == now {
        return None;
    }
    let deprecation = speaks_of_deprecation(&now);
    let (severity, tone) = if deprecation {
        (Severity::Warning, " and speaks of deprecation or removal")
    } else {
        (Severity::Info, "")
    };
    Some((
        severity,
        format!(
            "the listing's description of {what} changed{tone}: now \"{}\", the spec's {source} has \"{}\"",
            quote(&now),
            quote(&was)
        ),
    ))
}

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_string();
    }
    let mut s: String = text.chars().take(QUOTE_CHARS).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deprecation_words() {
        for t in [
            "Obsolete, partners should use ISteamUser.CheckAppOwnership",
            "DEPRECATED: see GetOwnedGames",
            "This method is no longer supported",
            "Will be removed in March",
            "Use IPlayerService/GetOwnedGames instead.",
        ] {
            assert!(speaks_of_deprecation(t), "{t}");
        }
        for t in [
            "Returns the Steam Level of a user",
            "When active_only is set, offers updated since this time will also be returned",
            "The user to use",
            "longer lists are paged",
        ] {
            assert!(!speaks_of_deprecation(t), "{t}");
        }
    }

    #[test]
    fn whitespace_is_no_change() {
        assert_eq!(normalize("  a \n b\t\tc "), "a b c");
        assert_eq!(normalize("Returns a list."), "Returns a list");
        assert_eq!(normalize("And so on..."), "And so on...");
    }

    #[test]
    fn long_texts_are_cut() {
        let long = "x".repeat(500);
        assert_eq!(quote(&long).chars().count(), QUOTE_CHARS + 1);
        assert_eq!(quote("short"), "short");
    }
}
