//! A request the fake received, read back by the spec's rules.

use serde_json::Value;

/// One request the fake received for a spec'd operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    /// The request type of its operation, e.g. `GetPlayerSummariesRequest`.
    pub request_type: &'static str,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, e.g. `/ISteamUser/GetPlayerSummaries/v2/`.
    pub path: String,
    /// The query and form pairs as sent (the credential's value replaced by `<redacted>`).
    pub pairs: Vec<(String, String)>,
    /// The request as one JSON object by wire name, decoded by the spec's rules: the
    /// `input_json` object, comma lists and indexed arrays as arrays, `1`/`0` as booleans,
    /// integers as numbers, enum values as sent. `Null` when the request did not match the spec.
    pub json: Value,
    /// Where it was served (for [`FakeSteam::received`](super::FakeSteam::received)).
    pub(crate) route: super::state::Route,
}

impl Received {
    /// The first value of the pair `name`, as sent.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The decoded parameter `name` (see [`Received::json`]).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.json.get(name)
    }

    /// The request decoded into `T`, any type that reads the request's JSON object (for
    /// example a `serde_json::Value` or a struct of your own).
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(&self.json)
    }
}

/// A request the spec would not produce: answered 400 (404 at an unknown path).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path as received.
    pub path: String,
    /// Every reason, e.g. ``unknown parameter `foo` ``.
    pub problems: Vec<String>,
}
