//! `steamspec tokens render`: what a player of one language sees for a token
//! and its variables.

use steam_webapi_runtime::tokens::placeholder::{self, Piece};

use super::catalog::Catalog;
use super::languages::{self, ENGLISH};
use crate::diag::did_you_mean;

/// The text a player sees, and what they should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The text with its variables filled.
    pub text: String,
    /// Notes: the English fallback, variables given but not used.
    pub notes: Vec<String>,
}

/// Renders `reference` (`#InvitationText`, or without `#`) for a player of
/// `language`, with `variables` as `(name, value)`. An unknown language or
/// token, or a variable the text needs and was not given, is an error.
pub fn render(
    catalog: &Catalog,
    language: &str,
    reference: &str,
    variables: &[(String, String)],
) -> Result<Preview, String> {
    if !languages::is_known(language) {
        return Err(languages::unknown(language));
    }
    let bare = reference.strip_prefix('#').unwrap_or(reference);
    let mut notes = Vec::new();
    let translated = catalog.tokens_of(language);
    let english = catalog.tokens_of(ENGLISH);
    let def = match translated.get(bare) {
        Some(def) => def,
        None => match english.get(bare) {
            Some(def) => {
                notes.push(format!(
                    "{language} has no #{bare}: the player sees the English text"
                ));
                def
            }
            None => return Err(unknown_token(catalog, bare, language)),
        },
    };
    let (pieces, errors) = placeholder::parse(&def.text);
    for e in errors {
        notes.push(format!("shown as written: {e}"));
    }
    let mut text = String::new();
    let mut missing: Vec<&str> = Vec::new();
    for piece in &pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Variable { name, .. } => match value_of(variables, name) {
                Some(value) => text.push_str(value),
                None => {
                    if !missing.contains(name) {
                        missing.push(name);
                    }
                    text.push_str(&format!("{{{{{name}}}}}"));
                }
            },
        }
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        return Err(format!(
            "#{bare} needs the variable(s) {} (give them as name=value); the text is \"{}\" ({})",
            list.join(", "),
            def.text,
            def.text_pos
        ));
    }
    for (name, _) in variables {
        let used = pieces
            .iter()
            .any(|p| matches!(p, Piece::Variable { name: n, .. } if n == name));
        if !used {
            notes.push(format!(
                "variable '{name}' is not used by the text of #{bare}"
            ));
        }
    }
    Ok(Preview { text, notes })
}

fn value_of<'v>(variables: &'v [(String, String)], name: &str) -> Option<&'v str> {
    variables
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn unknown_token(catalog: &Catalog, bare: &str, language: &str) -> String {
    let english = catalog.tokens_of(ENGLISH);
    let known: Vec<String> = english.keys().map(|k| format!("#{k}")).collect();
    let hint = did_you_mean(&format!("#{bare}"), known.iter().map(String::as_str));
    let place = if language == ENGLISH {
        ENGLISH.to_owned()
    } else {
        format!("{language} or {ENGLISH}")
    };
    format!("no token #{bare} in {place}{hint}")
}
