//! [`TokenSet`]: the English tokens of a game, checked against the
//! `LocalizedText` values of a request before it is sent.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{file, placeholder};
use crate::validate::{ValidationError, ValidationErrors};

/// The localization tokens a game has uploaded, by reference (`#InvitationText`),
/// with the variables of each token's English text (English is the fallback:
/// a token it lacks shows nothing).
///
/// Give one to [`ClientBuilder::tokens`](crate::ClientBuilder::tokens): every
/// `LocalizedText` of an `input_json` request (a `{"token": "#...",
/// "variables": [...]}` object, such as CreateSession's `title` and each
/// user's `title` and `message`) is then checked before sending. An unknown
/// token, a missing, extra or repeated variable is
/// [`Error::Invalid`](crate::Error::Invalid) with the wire path
/// (`users[1].message.token`), and no request is made.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct TokenSet {
    /// Name without `#` -> the English text's variables, in order of use.
    tokens: BTreeMap<String, Vec<String>>,
}

/// Why a token could not be added to a [`TokenSet`], with where when it comes
/// from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenSetError {
    /// 1-based line in the file; 0 when not from a file.
    pub line: u32,
    /// 1-based column in the file; 0 when not from a file.
    pub col: u32,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for TokenSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => f.write_str(&self.message),
            line => write!(f, "{line}:{}: {}", self.col, self.message),
        }
    }
}

impl std::error::Error for TokenSetError {}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.tokens.iter().map(|(k, v)| (format!("#{k}"), v)))
            .finish()
    }
}

impl TokenSet {
    /// An empty set: every token is unknown.
    pub fn new() -> Self {
        TokenSet::default()
    }

    /// Adds a token from its name (`InvitationText` or `#InvitationText`) and
    /// English text; the text's `{{variables}}` are the ones a
    /// `LocalizedText` must give. A malformed placeholder, an invalid name or
    /// a token already in the set is an error.
    pub fn insert(&mut self, name: &str, english: &str) -> Result<(), TokenSetError> {
        let error = |message: String| TokenSetError {
            line: 0,
            col: 0,
            message,
        };
        let bare = reference_name(name).ok_or_else(|| {
            error(format!(
                "token name {name:?} is not a valid reference: write letters, digits and '_' \
                 after an optional '#'"
            ))
        })?;
        let variables = placeholder::variables(english).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            error(format!("token #{bare}: {}", list.join("; ")))
        })?;
        if self.tokens.contains_key(bare) {
            return Err(error(format!("token #{bare} is defined twice")));
        }
        let variables = variables.into_iter().map(str::to_owned).collect();
        self.tokens.insert(bare.to_owned(), variables);
        Ok(())
    }

    /// The English tokens of a token file, in either layout (one language per
    /// file, or all languages in one); the other languages are not needed to
    /// check a request. A file that is not well-formed VDF, not one of the two
    /// layouts, or whose English tokens are malformed is an error with its
    /// line and column. Run `steamspec tokens check` for every check.
    pub fn from_vdf(text: &str) -> Result<Self, TokenSetError> {
        let mut set = TokenSet::new();
        set.extend_from_vdf(text)?;
        Ok(set)
    }

    /// Adds the English tokens of one more file (several files per language
    /// are allowed), as [`Self::from_vdf`] reads them.
    pub fn extend_from_vdf(&mut self, text: &str) -> Result<(), TokenSetError> {
        let at = |pos: crate::vdf::Pos, message: String| TokenSetError {
            line: pos.line,
            col: pos.column,
            message,
        };
        let (file, problems) = file::read(text).map_err(|e| at(e.pos, e.message))?;
        if let Some(p) = problems.into_iter().next() {
            return Err(at(p.pos, p.message));
        }
        let english = file
            .languages
            .iter()
            .filter(|b| b.language.eq_ignore_ascii_case("english"));
        for token in english.flat_map(|b| &b.tokens) {
            self.insert(&token.name, &token.text)
                .map_err(|e| at(token.name_pos, e.message))?;
        }
        Ok(())
    }

    /// Whether the set has the token referenced as `reference` (`#InvitationText`).
    pub fn contains(&self, reference: &str) -> bool {
        self.variables(reference).is_some()
    }

    /// The variables of the token referenced as `reference`, in order of use.
    pub fn variables(&self, reference: &str) -> Option<&[String]> {
        let bare = reference.strip_prefix('#')?;
        self.tokens.get(bare).map(Vec::as_slice)
    }

    /// The references of every token, sorted (`#InvitationText`, ...).
    pub fn references(&self) -> impl Iterator<Item = String> + '_ {
        self.tokens.keys().map(|k| format!("#{k}"))
    }

    /// How many tokens the set holds.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the set holds no token.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Checks every `LocalizedText` of a request as it will be serialized.
    pub(crate) fn check_request<T: Serialize>(&self, request: &T) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        // A request that does not serialize fails later with its own error.
        if let Ok(value) = serde_json::to_value(request) {
            self.check_value(&value, &mut String::new(), &mut errors);
        }
        errors.into_result()
    }

    /// Walks `value` (found at `path`) for `LocalizedText` objects.
    fn check_value(&self, value: &Value, path: &mut String, errors: &mut ValidationErrors) {
        let len = path.len();
        match value {
            Value::Object(map) if is_localized_text(map) => self.check_text(map, path, errors),
            Value::Object(map) => {
                for (key, item) in map {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                    self.check_value(item, path, errors);
                    path.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push_str(&format!("[{i}]"));
                    self.check_value(item, path, errors);
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn check_text(&self, map: &Map<String, Value>, path: &str, errors: &mut ValidationErrors) {
        let at = |rest: &str| join(path, rest);
        let Some(Value::String(token)) = map.get("token") else {
            return;
        };
        let Some(expected) = self.variables(token) else {
            let message = format!("unknown localization token {token:?}");
            errors.push_error(error(at("token"), message, token, None));
            return;
        };
        let given: Vec<Option<&str>> = match map.get("variables") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.get("key").and_then(Value::as_str))
                .collect(),
            _ => Vec::new(),
        };
        for (i, key) in given.iter().enumerate() {
            let Some(key) = key else { continue };
            let where_ = at(&format!("variables[{i}].key"));
            if !expected.iter().any(|e| e == key) {
                let message = format!(
                    "token {token} has no variable {key:?} (its variables: {})",
                    list(expected)
                );
                errors.push_error(error(where_, message, token, Some(key)));
            } else if given[..i].contains(&Some(key)) {
                let message = format!("variable {key:?} of token {token} is given twice");
                errors.push_error(error(where_, message, token, Some(key)));
            }
        }
        for name in expected {
            if !given.contains(&Some(name.as_str())) {
                let message = format!("token {token} needs the variable {name:?}");
                errors.push_error(error(at("variables"), message, token, Some(name)));
            }
        }
    }
}

/// `{"token": "#...", "variables": [...]}`: a string token that references a
/// token, and nothing but its variables beside it.
fn is_localized_text(map: &Map<String, Value>) -> bool {
    let token = matches!(map.get("token"), Some(Value::String(t)) if t.starts_with('#'));
    token && map.keys().all(|k| k == "token" || k == "variables")
}

/// The name a token is referenced by, without its `#`: `#Name` and `Name`
/// both give `Name`; `None` when it could not be referenced.
pub fn reference_name(name: &str) -> Option<&str> {
    let bare = name.strip_prefix('#').unwrap_or(name);
    let mut bytes = bare.bytes();
    let first_ok = bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_');
    (first_ok && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(bare)
}

fn join(path: &str, rest: &str) -> String {
    if path.is_empty() {
        rest.to_owned()
    } else {
        format!("{path}.{rest}")
    }
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    quoted.join(", ")
}

fn error(path: String, message: String, token: &str, variable: Option<&str>) -> ValidationError {
    let mut params = Map::new();
    params.insert("token".to_owned(), token.into());
    if let Some(variable) = variable {
        params.insert("variable".to_owned(), variable.into());
    }
    ValidationError::new(path, "localization_token", message, params)
}
