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

/// An integer enum's wire value, from a JSON integer or a string of digits.
pub fn deserialize_enum_int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an integer")
        }
        fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v)
                .map_err(|_| E::custom(format!("{v} is out of range for an enum value")))
        }
        // As the lenient integers read them (`wire::as_string`): digits with an optional
        // `-`, no spaces or `+`; a whole float while it is exact.
        fn visit_str<E: Error>(self, v: &str) -> Result<i64, E> {
            let digits = v.strip_prefix('-').unwrap_or(v);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(E::custom(format!("expected an integer, found {v:?}")));
            }
            v.parse()
                .map_err(|_| E::custom(format!("{v} is out of range for an enum value")))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<i64, E> {
            const EXACT: f64 = (1u64 << 53) as f64;
            if v.fract() == 0.0 && v.abs() <= EXACT {
                Ok(v as i64)
            } else {
                Err(E::custom(format!("expected an integer, found {v}")))
            }
        }
    }
    d.deserialize_any(V)
}
