//! [`Maybe`]: a field that is both optional and nullable.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{FieldPath, Validate, ValidationErrors};

/// A value that can be absent, `null`, or present.
///
/// `Option<T>` cannot tell a missing key from `"key": null`; some Steam
/// responses (and requests) mean different things by the two. Use with
/// `#[serde(default, skip_serializing_if = "::steam_webapi::Maybe::is_absent")]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Maybe<T> {
    /// The key is not there.
    #[default]
    Absent,
    /// The key is there with `null`.
    Null,
    /// The key is there with a value.
    Value(T),
}

impl<T> Maybe<T> {
    /// Whether the key was left out.
    pub const fn is_absent(&self) -> bool {
        matches!(self, Maybe::Absent)
    }

    /// Whether the key is there with `null`.
    pub const fn is_null(&self) -> bool {
        matches!(self, Maybe::Null)
    }

    /// Whether the key is there with a value.
    pub const fn is_value(&self) -> bool {
        matches!(self, Maybe::Value(_))
    }

    /// A `Maybe` of a reference to the value.
    pub const fn as_ref(&self) -> Maybe<&T> {
        match self {
            Maybe::Absent => Maybe::Absent,
            Maybe::Null => Maybe::Null,
            Maybe::Value(v) => Maybe::Value(v),
        }
    }

    /// The value, if there is one (absent and null both give `None`).
    pub fn value(self) -> Option<T> {
        match self {
            Maybe::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Applies `f` to the value, if there is one; absent and null stay as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Maybe<U> {
        match self {
            Maybe::Absent => Maybe::Absent,
            Maybe::Null => Maybe::Null,
            Maybe::Value(v) => Maybe::Value(f(v)),
        }
    }
}

impl<T> From<Option<T>> for Maybe<T> {
    /// `None` is `Null`: an explicit "no value".
    fn from(v: Option<T>) -> Self {
        match v {
            Some(v) => Maybe::Value(v),
            None => Maybe::Null,
        }
    }
}

impl<T: Serialize> Serialize for Maybe<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Absent is normally skipped by `skip_serializing_if`; if not,
            // null is the closest a serializer can get.
            Maybe::Absent | Maybe::Null => serializer.serialize_none(),
            Maybe::Value(v) => serializer.serialize_some(v),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Only called when the key is there; a missing key is `#[serde(default)]`.
        // The marker tells the XML and VDF reader that null is `None` here.
        let seed = std::marker::PhantomData::<Option<T>>;
        Ok(
            crate::markup::de::marked(deserializer, crate::markup::de::NULLABLE_FIELD, seed)?
                .into(),
        )
    }
}

impl<T: Validate> Validate for Maybe<T> {
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        if let Maybe::Value(v) = self {
            v.validate_at(path, errors);
        }
    }
}

#[cfg(feature = "schemars")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Maybe<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Option<T>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <Option<T>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<T>>::json_schema(generator)
    }

    fn inline_schema() -> bool {
        <Option<T>>::inline_schema()
    }

    fn _schemars_private_non_optional_json_schema(
        generator: &mut schemars::SchemaGenerator,
    ) -> schemars::Schema {
        <Option<T>>::_schemars_private_non_optional_json_schema(generator)
    }

    fn _schemars_private_is_option() -> bool {
        true
    }
}
