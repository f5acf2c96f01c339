//! The `{{variable}}` placeholders of a localized string.
//!
//! Steam fills `{{name}}` with the value of the variable `name` of a
//! `LocalizedText`. A name is ASCII letters, digits and `_`; anything else
//! between `{{` and `}}` (nothing, spaces, braces) is a malformed placeholder
//! that a player would see as it is.

use std::fmt;

/// One piece of a localized string: text shown as it is, or a variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as written.
    Text(&'a str),
    /// `{{name}}`: the variable's name, and the character offset of its `{{`.
    Variable {
        /// The name between the braces.
        name: &'a str,
        /// Offset in characters of the opening `{{` in the string.
        offset: usize,
    },
}

/// A malformed placeholder, with the character offset of its `{{`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceholderError {
    /// Offset in characters of the opening `{{` in the string.
    pub offset: usize,
    /// What is wrong, quoting the placeholder.
    pub message: String,
}

impl fmt::Display for PlaceholderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (character {})", self.message, self.offset + 1)
    }
}

impl std::error::Error for PlaceholderError {}

/// Splits `text` into text and `{{variable}}` pieces; every malformed
/// placeholder is reported, not just the first (it stays in the text).
pub fn parse(text: &str) -> (Vec<Piece<'_>>, Vec<PlaceholderError>) {
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut rest = 0; // byte index of the text not yet consumed
    let mut search = 0; // byte index where the next `{{` is looked for
    while let Some(found) = text[search..].find("{{") {
        let open = search + found;
        let offset = text[..open].chars().count();
        match placeholder_at(&text[open..]) {
            Ok((name, len)) => {
                if open > rest {
                    pieces.push(Piece::Text(&text[rest..open]));
                }
                pieces.push(Piece::Variable { name, offset });
                rest = open + len;
                search = rest;
            }
            Err((message, skip)) => {
                errors.push(PlaceholderError { offset, message });
                search = open + skip;
            }
        }
    }
    if rest < text.len() {
        pieces.push(Piece::Text(&text[rest..]));
    }
    (pieces, errors)
}

/// The variables of `text` in order of first use, without repeats, or the
/// malformed placeholders.
pub fn variables(text: &str) -> Result<Vec<&str>, Vec<PlaceholderError>> {
    let (pieces, errors) = parse(text);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut names: Vec<&str> = Vec::new();
    for piece in pieces {
        if let Piece::Variable { name, .. } = piece
            && !names.contains(&name)
        {
            names.push(name);
        }
    }
    Ok(names)
}

/// Whether `name` may stand between `{{` and `}}`.
pub fn is_variable_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `s` starts with `{{`: the name and the placeholder's length in bytes, or
/// why it is malformed and how many bytes to skip before looking again.
fn placeholder_at(s: &str) -> Result<(&str, usize), (String, usize)> {
    let inner = &s[2..];
    let close = inner.find("}}");
    let nested = inner.find("{{");
    match (close, nested) {
        (Some(close), Some(nested)) if nested < close => {
            // The inner placeholder belongs to the malformed one: skip both.
            let end = inner[nested + 2..]
                .find("}}")
                .map_or(s.len(), |c| 2 + nested + 2 + c + 2);
            let shown = quote(&s[..end]);
            Err((format!("nested braces in placeholder {shown}"), end))
        }
        (Some(close), _) => {
            let name = &inner[..close];
            if is_variable_name(name) {
                return Ok((name, close + 4));
            }
            let shown = quote(&s[..close + 4]);
            let why = if name.trim().is_empty() {
                "has no variable name".to_owned()
            } else if name.contains('}') || name.contains('{') {
                "has a stray brace".to_owned()
            } else if is_variable_name(name.trim()) {
                format!("has spaces around its name (write {{{{{}}}}})", name.trim())
            } else {
                "names a variable with characters other than letters, digits and '_'".to_owned()
            };
            Err((format!("placeholder {shown} {why}"), 2))
        }
        (None, _) => {
            let shown = quote(until_line_end(s));
            Err((format!("placeholder {shown} is not closed with '}}}}'"), 2))
        }
    }
}

/// The start of an unclosed placeholder: up to the first whitespace (a
/// misspelt `{{user}` then shows whole), at most 40 characters.
fn until_line_end(s: &str) -> &str {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    let s = &s[..end];
    match s.char_indices().nth(40) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn quote(s: &str) -> String {
    format!("'{s}'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        variables(text).unwrap()
    }

    fn errors(text: &str) -> Vec<String> {
        parse(text).1.into_iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn splits_text_and_variables() {
        let (pieces, errs) = parse("{{user}} has invited you to play a game of Chess.");
        assert!(errs.is_empty());
        assert_eq!(
            pieces,
            vec![
                Piece::Variable {
                    name: "user",
                    offset: 0
                },
                Piece::Text(" has invited you to play a game of Chess."),
            ]
        );
        assert_eq!(names("{{a}} and {{b}} and {{a}}"), ["a", "b"]);
        assert_eq!(names("no variables, {single} braces"), Vec::<&str>::new());
        assert_eq!(names("é{{Player_1}}"), ["Player_1"]);
    }

    #[test]
    fn reports_malformed_placeholders_with_offsets() {
        assert_eq!(
            errors("hi {{user} there"),
            ["placeholder '{{user}' is not closed with '}}' (character 4)"]
        );
        assert_eq!(
            errors("{{ }} moved"),
            ["placeholder '{{ }}' has no variable name (character 1)"]
        );
        assert_eq!(
            errors("{{}}"),
            ["placeholder '{{}}' has no variable name (character 1)"]
        );
        assert_eq!(
            errors("{{a{{b}}}}"),
            ["nested braces in placeholder '{{a{{b}}' (character 1)"]
        );
        assert_eq!(
            errors("é {{ user }}"),
            ["placeholder '{{ user }}' has spaces around its name (write {{user}}) (character 3)"]
        );
        assert_eq!(
            errors("{{user-name}}"),
            [
                "placeholder '{{user-name}}' names a variable with characters other than letters, digits and '_' (character 1)"
            ]
        );
    }

    #[test]
    fn keeps_going_after_an_error() {
        let (pieces, errs) = parse("{{ }} then {{ok}}");
        assert_eq!(errs.len(), 1);
        assert!(pieces.contains(&Piece::Variable {
            name: "ok",
            offset: 11
        }));
    }
}
