//! A reader for Valve's text KeyValues format (VDF): the format of Steam Web
//! API responses asked for with `format=vdf`, and of game-notification
//! localization files.
//!
//! [`parse`] keeps everything a checker needs to point at a place: every key
//! and value with its line and column, the order of the file, and every
//! duplicate key (Valve's own files have them; which one "wins" is the
//! caller's decision, not the reader's).
//!
//! Why not the `keyvalues-parser` crate: its objects are a
//! `BTreeMap<key, Vec<value>>`, which sorts keys (the file's order is lost,
//! and with it the order of a response's array items and which duplicate came
//! first), it records no positions, and its pest grammar recurses once per
//! nesting level, so a deeply nested body overflows the stack instead of
//! being an error. The format is small enough that a tokenizer of our own,
//! iterative and fuzzed, is the safer piece of code.
//!
//! ```
//! use steam_webapi_runtime::vdf;
//!
//! let doc = vdf::parse("\"response\"\n{\n\t\"servertime\"\t\"1463143609\"\n}").unwrap();
//! let response = doc.get("response").unwrap().as_object().unwrap();
//! let time = response.get("servertime").unwrap().as_text().unwrap();
//! assert_eq!(time.text, "1463143609");
//! assert_eq!(time.pos.to_string(), "3:15");
//! ```

mod parse;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;

pub use parse::{MAX_DEPTH, parse, parse_bytes};
pub(crate) use parse::{count_lines, utf8};

/// A place in the text: line and column, both from 1; the column counts
/// characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The line, from 1.
    pub line: u32,
    /// The column in characters, from 1.
    pub column: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A key with its value, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair<'a> {
    /// The key, escapes resolved, without its quotes.
    pub key: Cow<'a, str>,
    /// Where the key starts (its opening quote when quoted).
    pub key_pos: Pos,
    /// The value: a string or an object.
    pub value: Value<'a>,
    /// A platform condition after the value (`[$WIN32]`), without brackets.
    pub condition: Option<Cow<'a, str>>,
}

/// A value: text or a nested object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// A string (quoted or not).
    Text(Text<'a>),
    /// `{ ... }`.
    Object(Object<'a>),
}

/// A string value and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a> {
    /// The text, escapes resolved, without its quotes.
    pub text: Cow<'a, str>,
    /// Where the value starts (its opening quote when quoted).
    pub pos: Pos,
}

/// An object: its pairs in the file's order, duplicates kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object<'a> {
    /// The pairs, in order.
    pub pairs: Vec<Pair<'a>>,
    /// Where the object starts: its `{` (1:1 for a whole document).
    pub pos: Pos,
}

impl<'a> Value<'a> {
    /// Where the value starts.
    pub fn pos(&self) -> Pos {
        match self {
            Value::Text(t) => t.pos,
            Value::Object(o) => o.pos,
        }
    }

    /// The text, when the value is one.
    pub fn as_text(&self) -> Option<&Text<'a>> {
        match self {
            Value::Text(t) => Some(t),
            Value::Object(_) => None,
        }
    }

    /// The object, when the value is one.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Value::Object(o) => Some(o),
            Value::Text(_) => None,
        }
    }
}

impl<'a> Object<'a> {
    /// The value of the first pair with exactly this key.
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.pairs.iter().find(|p| p.key == key).map(|p| &p.value)
    }

    /// Every pair with exactly this key, in order.
    pub fn get_all<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s Pair<'a>> + 's {
        self.pairs.iter().filter(move |p| p.key == key)
    }

    /// The pairs, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Pair<'a>> {
        self.pairs.iter()
    }
}

/// Why a text is not well-formed VDF, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where the problem is.
    pub pos: Pos,
    /// What is wrong, on one line.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.message)
    }
}

impl std::error::Error for ParseError {}
