//! Source positions, and `Sp<T>`: a value deserialized together with where it stood in a spec file.

use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

/// A place in a spec file: `spec/steam/ISteamHub.yaml:42:7`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The file as displayed, e.g. `spec/steam/ISteamHub.yaml` (or `<builtin providers.yaml>`).
    pub file: Arc<str>,
    /// 1-based; 0 when unknown.
    pub line: u32,
    /// 1-based, in characters; 0 when unknown.
    pub col: u32,
}

impl Pos {
    /// The place at `line` and `col` (both 1-based, 0 when unknown) of `file`.
    pub fn new(file: &Arc<str>, line: u32, col: u32) -> Self {
        Pos {
            file: file.clone(),
            line,
            col,
        }
    }

    /// A position for a whole file, when nothing more precise is known.
    pub fn file(file: &Arc<str>) -> Self {
        Pos::new(file, 0, 0)
    }

    /// `file:line` as used in drift findings and annotations.
    pub fn file_line(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.col) {
            (0, _) => write!(f, "{}", self.file),
            (l, 0) => write!(f, "{}:{l}", self.file),
            (l, c) => write!(f, "{}:{l}:{c}", self.file),
        }
    }
}

/// Line and column of a YAML node, before the file name is attached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    /// 1-based line; 0 when unknown.
    pub line: u32,
    /// 1-based column, in characters; 0 when unknown.
    pub col: u32,
    /// Length in characters of the node's text, quotes included (0 when unknown).
    pub len: u32,
}

impl LineCol {
    /// This place in `file`.
    pub fn at(self, file: &Arc<str>) -> Pos {
        Pos::new(file, self.line, self.col)
    }
}

/// A value with the line and column of the YAML node it came from.
///
/// Deserializes through `serde_saphyr::Spanned`, and describes itself to schemars as plain `T`
/// so that `spec.schema.json` shows the format, not the wrapper.
#[derive(Clone, Debug, PartialEq)]
pub struct Sp<T> {
    /// The deserialized value.
    pub value: T,
    /// Where its YAML node stands.
    pub at: LineCol,
}

impl<T> Sp<T> {
    /// A value with the place it is attributed to (e.g. a generated name placed at the node it
    /// comes from).
    pub fn new(value: T, at: LineCol) -> Self {
        Sp { value, at }
    }

    /// The value's place in `file`.
    pub fn pos(&self, file: &Arc<str>) -> Pos {
        self.at.at(file)
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        let loc = s.referenced;
        Ok(Sp {
            value: s.value,
            at: LineCol {
                line: u32::try_from(loc.line()).unwrap_or(u32::MAX),
                col: u32::try_from(loc.column()).unwrap_or(u32::MAX),
                len: u32::try_from(loc.span().len()).unwrap_or(0),
            },
        })
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}
