//! The words the spec uses for decisions that reach the model unchanged: how an operation is
//! called, whether it needs the credential, how numbers and arrays are written. The model owns
//! them; the spec format (`crate::syntax::format`) reads them as written in YAML, so their
//! serde names are the spec's spelling and their docs are `spec.schema.json`'s descriptions.

use schemars::JsonSchema;
use serde::Deserialize;

/// Whether an operation exists on the live API.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Served by the live API.
    Live,
    /// Documented but never shipped (ISteamHub): not expected in any listing.
    Proposed,
}

/// Which credential an operation needs.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// An ordinary key (or none).
    Public,
    /// A Steamworks publisher key; such calls go to the publisher host and must only be made
    /// from a secure server.
    Publisher,
}

/// Whether an operation sends the provider's credential (`key` for Steam).
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Auth {
    /// The call fails without it (the default).
    Required,
    /// Sent when the client has one: it changes the answer (GetSupportedAPIList lists what the
    /// key can call), but the call works without.
    Optional,
    /// Never sent: the method takes no credential, so the secret does not travel.
    None,
}

/// HTTP method.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
pub enum HttpMethod {
    /// `GET`: parameters in the query string.
    #[serde(rename = "GET")]
    Get,
    /// `POST`: parameters in a form body.
    #[serde(rename = "POST")]
    Post,
    /// `PUT`: parameters in a form body.
    #[serde(rename = "PUT")]
    Put,
    /// `PATCH`: parameters in a form body.
    #[serde(rename = "PATCH")]
    Patch,
    /// `DELETE`: parameters in a form body.
    #[serde(rename = "DELETE")]
    Delete,
}

/// How an operation's parameters travel.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum InputEncoding {
    /// Each parameter is its own query parameter (GET) or form field (other methods).
    Query,
    /// All parameters are one JSON object in the `input_json` parameter (query for GET, form
    /// body otherwise); `key` and `format` stay outside it.
    InputJson,
}

/// How an array parameter is written when it is not inside `input_json`.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ArrayEncoding {
    /// `steamids=1,2,3`.
    Comma,
    /// `publishedfileids[0]=1&publishedfileids[1]=2`.
    Indexed,
    /// Only accepted inside `input_json` (e.g. GetOwnedGames' `appids_filter`).
    Json,
}

/// How a number is written in JSON.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Wire {
    /// A JSON number.
    Number,
    /// A JSON string of digits (Steam's way with 64-bit values).
    String,
    /// Either: seen both ways (e.g. `percent`, a number until about 2020, a string since).
    Either,
}

/// Wire representation of an enum.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EnumRepr {
    /// Values are JSON strings.
    String,
    /// Values are JSON integers that fit in i64.
    Integer,
}
