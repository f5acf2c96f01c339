//! Reading enum values for the generated enums: the wire value is handed over without an
//! allocation when the input allows, and integer enums accept numeric strings too (Steam's
//! VDF-converted and docs examples quote numbers).

use std::borrow::Cow;
use std::fmt;

use serde::Deserializer;
use serde::de::{Error, Visitor};

/// A string enum's wire value; borrowed when the deserializer can lend it.
pub fn deserialize_enum_str<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }
        fn visit_string<E: Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }
    d.deserialize_str(V)
}

/// An integer enum's wire value, read as the lenient integers are (`wire::as_string`): a JSON
/// integer, digits with an optional `-`, or a whole float while it is exact.
pub fn deserialize_enum_int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    <i64 as crate::wire::Lenient>::read(d)
}
