//! A numeric literal in a spec (a bound, an enum value), kept exact: u64 maxima do not fit f64.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{Error, Visitor};
use serde::{Deserialize, Deserializer};

/// A number from a spec, exact: an integer (up to `i128`) or a finite float.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub enum Num {
    /// An integer literal, kept exact.
    Int(i128),
    /// Any other number (`1.5`, `1.0`); always finite.
    Float(f64),
}

impl Num {
    /// As `f64` (integers beyond 2^53 are rounded).
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
    /// As an integer: an `Int` itself, or a `Float` with no fractional part (below 1e30 in size);
    /// else `None`.
    pub fn as_int(self) -> Option<i128> {
        match self {
            Num::Int(i) => Some(i),
            Num::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Some(f as i128),
            Num::Float(_) => None,
        }
    }
    /// As a JSON number: integers as `u64` or `i64` where they fit, else as `f64`.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            Num::Int(i) => {
                if let Ok(u) = u64::try_from(i) {
                    u.into()
                } else if let Ok(s) = i64::try_from(i) {
                    s.into()
                } else {
                    serde_json::Value::from(i as f64)
                }
            }
            Num::Float(f) => serde_json::Value::from(f),
        }
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct NumVisitor;
        impl Visitor<'_> for NumVisitor {
            type Value = Num;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Num, E> {
                Ok(Num::Int(v.into()))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Num, E> {
                Ok(Num::Int(v.into()))
            }
            fn visit_i128<E: Error>(self, v: i128) -> Result<Num, E> {
                Ok(Num::Int(v))
            }
            fn visit_u128<E: Error>(self, v: u128) -> Result<Num, E> {
                i128::try_from(v)
                    .map(Num::Int)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Num, E> {
                if v.is_finite() {
                    Ok(Num::Float(v))
                } else {
                    Err(E::custom("number must be finite"))
                }
            }
        }
        d.deserialize_any(NumVisitor)
    }
}

impl JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}
