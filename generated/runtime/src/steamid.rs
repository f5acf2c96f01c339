//! [`SteamId`]: a SteamID64.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::endpoint::QueryValue;
use crate::validate::{FieldPath, Validate, ValidationErrors};

/// A 64-bit Steam ID (`76561197960287930`).
///
/// Written as a JSON string of digits (JSON readers that use doubles lose
/// precision above 2^53); read from a string of digits or a JSON number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SteamId(pub u64);

impl SteamId {
    /// The raw 64-bit value.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl From<u64> for SteamId {
    fn from(id: u64) -> Self {
        SteamId(id)
    }
}

impl From<SteamId> for u64 {
    fn from(id: SteamId) -> Self {
        id.0
    }
}

/// How much of a rejected input its error keeps, in characters.
const MAX_SHOWN: usize = 40;

/// Why a string is not a SteamID64.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseSteamIdError {
    input: String,
    /// `input` is only the start of a longer text.
    cut: bool,
}

impl fmt::Display for ParseSteamIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = if self.cut { "…" } else { "" };
        write!(
            f,
            "{:?}{cut} is not a SteamID64 (1 to 20 digits)",
            self.input
        )
    }
}

impl std::error::Error for ParseSteamIdError {}

impl FromStr for SteamId {
    type Err = ParseSteamIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // u64::from_str accepts a leading '+' and any number of leading zeros; a SteamID is 1
        // to 20 digits, as its schema says.
        let fail = || ParseSteamIdError {
            // The start of a long input is enough to recognise it.
            input: s.chars().take(MAX_SHOWN).collect(),
            cut: s.chars().nth(MAX_SHOWN).is_some(),
        };
        if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(fail());
        }
        s.parse().map(SteamId).map_err(|_| fail())
    }
}

impl fmt::Display for SteamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl Serialize for SteamId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SteamId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SteamIdVisitor;

        impl Visitor<'_> for SteamIdVisitor {
            type Value = SteamId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a SteamID64 as a string of digits or a number")
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<SteamId, E> {
                Ok(SteamId(v))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<SteamId, E> {
                u64::try_from(v)
                    .map(SteamId)
                    .map_err(|_| E::custom(format_args!("{v} is not a SteamID64")))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<SteamId, E> {
                v.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(SteamIdVisitor)
    }
}

impl Validate for SteamId {
    fn validate_at(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
}

impl QueryValue for SteamId {
    fn write_query_value(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "{}", self.0);
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for SteamId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SteamId".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "steam_webapi::SteamId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{1,20}$",
        })
    }

    fn inline_schema() -> bool {
        true
    }
}
