//! The spec format: what a YAML file under `spec/` may say, exactly as written.
//!
//! These types are the format's definition. `spec/README.md` explains them with examples, and
//! `spec/spec.schema.json` is produced from them with schemars. Nothing here is resolved or
//! checked beyond its YAML shape; `crate::load` turns them into the `crate::model`.

use schemars::JsonSchema;
use serde::Deserialize;

use super::ordered_map::OrderedMap;
use crate::model::{
    ArrayEncoding, Auth, EnumRepr, HttpMethod, InputEncoding, Num, Status, Visibility, Wire,
};
use crate::syntax::pos::Sp;

/// `spec/providers.yaml`: the conventions of each API provider.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProvidersFile {
    /// Providers by id (`steam`, `backpacktf`); interface files name one.
    pub providers: OrderedMap<ProviderDef>,
}

/// One API provider and its conventions.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProviderDef {
    /// Human name, e.g. "Steam Web API".
    pub title: String,
    /// Free text about the provider.
    #[serde(default)]
    pub description: Option<String>,
    /// Host of public operations, e.g. `api.steampowered.com`.
    pub host: Sp<String>,
    /// Host of publisher-key operations, e.g. `partner.steam-api.com`.
    #[serde(default)]
    pub publisher_host: Option<Sp<String>>,
    /// How the credential is sent.
    pub auth: AuthDef,
    /// The `format` parameter Steam expects on every call, if any.
    #[serde(default)]
    pub format_param: Option<FormatParamDef>,
    /// URL path template for operations that do not give `path`.
    /// Placeholders: `{interface}`, `{method}`, `{version}`.
    #[serde(default)]
    pub path: Option<Sp<String>>,
    /// Interfaces whose name ends with this suffix take their parameters as one `input_json`
    /// value by default (Steam's "Service" interfaces).
    #[serde(default)]
    pub service_suffix: Option<String>,
    /// The error model of operations that do not give one.
    pub errors: ErrorModelDef,
}

/// How the API key or token travels.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthDef {
    /// Query parameter name: `key` for Steam, `token` for backpack.tf.
    pub param: Sp<String>,
    /// What the credential is called in documentation and errors ("API key", "access token").
    pub name: String,
    /// Environment variable a CLI reads it from.
    #[serde(default)]
    pub env: Option<String>,
}

/// A fixed parameter sent with every call, e.g. `format=json`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormatParamDef {
    /// Parameter name, e.g. `format`.
    pub name: String,
    /// Its value, e.g. `json`.
    pub value: String,
}

/// One interface file: `spec/<provider>/<Interface>.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterfaceFile {
    /// Interface name as it appears in URLs and listings, e.g. `ISteamUser`.
    pub interface: Sp<String>,
    /// Provider id from `spec/providers.yaml`.
    pub provider: Sp<String>,
    /// What the interface is for (becomes the module's rustdoc).
    #[serde(default)]
    pub description: Option<String>,
    /// The documents under `shared/docs` this file was transcribed from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Remarks for the client's users (the module's rustdoc): how the API behaves where the docs
    /// are silent or wrong.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Notes for the spec's maintainers: where a fact comes from (a listing, a recording, a
    /// fixture, a third-party issue) and what was decided on the way. Kept in the spec, out of
    /// the generated docs (`notes` are for the client's users).
    #[serde(default)]
    pub maintainer_notes: Vec<String>,
    /// Default `status` of the operations.
    #[serde(default)]
    pub status: Option<Sp<Status>>,
    /// Default `visibility` of the operations.
    #[serde(default)]
    pub visibility: Option<Sp<Visibility>>,
    /// Default error model of the operations (else the provider's).
    #[serde(default)]
    pub errors: Option<ErrorModelDef>,
    /// Parameters every operation of this interface takes (ISteamHub's common inputs).
    #[serde(default)]
    pub common_parameters: Vec<ParamDef>,
    /// Written by `steamspec import` from a listing: responses are untyped and need a person.
    #[serde(default)]
    pub imported: Option<ImportedDef>,
    /// Named types, by name (PascalCase). Names are unique across all spec files.
    #[serde(default)]
    pub types: OrderedMap<TypeDef>,
    /// The operations, one entry per (method, version).
    #[serde(default)]
    pub operations: Vec<OperationDef>,
}

/// Where an imported file came from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportedDef {
    /// The listing file it was imported from.
    pub listing: String,
    /// What remains for a person to do.
    #[serde(default)]
    pub todo: Vec<String>,
}

/// One operation: (interface, method, version).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationDef {
    /// Method name as in the URL, e.g. `GetPlayerSummaries`.
    pub method: Sp<String>,
    /// Version number (`v2` in the URL is `version: 2`).
    pub version: Sp<u32>,
    /// HTTP method.
    pub http: Sp<HttpMethod>,
    /// Host override (else chosen from the provider by visibility).
    #[serde(default)]
    pub host: Option<Sp<String>>,
    /// Path override, e.g. `/api/notifications/search/v1` (else the provider's template).
    #[serde(default)]
    pub path: Option<Sp<String>>,
    /// Which credential the operation needs (default: the interface's, else `public`).
    #[serde(default)]
    pub visibility: Option<Sp<Visibility>>,
    /// Whether the live API serves it (default: the interface's, else `live`).
    #[serde(default)]
    pub status: Option<Sp<Status>>,
    /// The provider's credential: `required` (default), `optional` or `none`. The public
    /// GetSupportedAPIList shows which methods work without a key.
    #[serde(default)]
    pub auth: Option<Sp<Auth>>,
    /// Set on an operation written from a listing (`steamspec import`) into a file of typed
    /// operations: the listing it came from (`public 2026-07-09`). Its response is untyped
    /// JSON until a person types it. (Every operation of a file with an `imported` block is
    /// imported already.)
    #[serde(default)]
    pub imported: Option<Sp<String>>,
    /// What the operation does, in the docs' words.
    pub description: Sp<String>,
    /// The listing's description, verbatim, where `description` rewrote it for the docs: the
    /// drift check compares this (else `description`) with GetSupportedAPIList's.
    #[serde(default)]
    pub listing_description: Option<String>,
    /// Further remarks for the client's users (become rustdoc paragraphs).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Notes for the spec's maintainers: where a fact comes from (a listing, a recording, a
    /// fixture, a third-party issue) and what was decided on the way. Kept in the spec, out of
    /// the generated docs (`notes` are for the client's users).
    #[serde(default)]
    pub maintainer_notes: Vec<String>,
    /// Parameter encoding (default: `input_json` for the provider's service interfaces,
    /// else `query`).
    #[serde(default)]
    pub input: Option<Sp<InputEncoding>>,
    /// Parameters, without the credential and `format`.
    #[serde(default)]
    pub parameters: Vec<ParamDef>,
    /// Struct-level rules on the parameters.
    #[serde(default)]
    pub rules: Vec<RuleDef>,
    /// The response body.
    pub response: ResponseDef,
    /// Error model override.
    #[serde(default)]
    pub errors: Option<ErrorModelDef>,
    /// Request and response examples; each is checked against the types.
    #[serde(default)]
    pub examples: Vec<ExampleDef>,
    /// The operation takes a list with a most number of items: the client gets a `..._all`
    /// method that takes any number, cut into calls within the limit, and merges the answers.
    #[serde(default)]
    pub batch: Option<BatchDef>,
    /// The answer comes a page at a time: the client gets a `..._paged` method that reads the
    /// items of every page lazily (a `Stream`, or an `Iterator` on the blocking client).
    #[serde(default)]
    pub pages: Option<PagesDef>,
}

/// How an operation's answer is read page after page: `items`, and either `offset` (count and
/// offset paging, with an optional `limit`) or `cursor` and `next` (cursor paging, with an
/// optional `more`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PagesDef {
    /// The response's array field holding one page's items.
    pub items: Sp<String>,
    /// Count/offset paging: the integer parameter set to the number of items read so far.
    #[serde(default)]
    pub offset: Option<Sp<String>>,
    /// Count/offset paging: the integer parameter holding the page size, if the operation has
    /// one: a page with fewer items (or none) is the last.
    #[serde(default)]
    pub limit: Option<Sp<String>>,
    /// Cursor paging: the parameter the next page's cursor goes in.
    #[serde(default)]
    pub cursor: Option<Sp<String>>,
    /// Cursor paging: the response field holding the next page's cursor, of the cursor
    /// parameter's type; an answer without it is the last page.
    #[serde(default)]
    pub next: Option<Sp<String>>,
    /// Cursor paging: the `bool` response field saying more pages follow; an answer where it is
    /// absent or false is the last page (Steam drops it on the last page).
    #[serde(default)]
    pub more: Option<Sp<String>>,
}

/// How a batch operation is cut into calls and its answers merged: `parameter` and exactly
/// one of `concat` or `sum`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchDef {
    /// The array parameter cut into calls; its `max_items` is the most items one call takes.
    pub parameter: Sp<String>,
    /// The response's array field whose items are concatenated, in the order of the calls.
    #[serde(default)]
    pub concat: Option<Sp<String>>,
    /// The response's integer field whose values are added (backpack.tf's `modified`).
    #[serde(default)]
    pub sum: Option<Sp<String>>,
}

/// A rule over several parameters.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// At least one of these parameters must be given (ISteamHub: guid or appid).
    #[serde(default)]
    pub at_least_one_of: Option<Sp<Vec<String>>>,
    /// `required_if: [a, b]`: `a` is required when `b` is given.
    #[serde(default)]
    pub required_if: Option<Sp<Vec<String>>>,
    /// Why the rule exists.
    #[serde(default)]
    pub description: Option<String>,
}

/// One request parameter.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParamDef {
    /// Wire name, e.g. `steamids`, `include_appinfo`, `l`.
    pub name: Sp<String>,
    /// Type expression: a builtin (`uint32`, `steamid`, ...), a type name, `array<T>` or
    /// `map<K, V>`.
    #[serde(rename = "type")]
    pub ty: Sp<String>,
    /// May be left out (default: required).
    #[serde(default)]
    pub optional: Option<Sp<bool>>,
    /// The value the API assumes when the parameter is left out (documentation only).
    #[serde(default)]
    pub default: Option<Sp<serde_json::Value>>,
    /// The docs' words.
    #[serde(default)]
    pub description: Option<String>,
    /// The listing's description, verbatim, where `description` rewrote it for the docs: the
    /// drift check compares this (else `description`) with GetSupportedAPIList's.
    #[serde(default)]
    pub listing_description: Option<String>,
    /// Constraints on the value.
    #[serde(default)]
    pub constraints: Option<ConstraintsDef>,
    /// Array encoding outside input_json (default: `comma`); inside input_json arrays are
    /// always JSON arrays (`json`, the default there).
    #[serde(default)]
    pub encoding: Option<Sp<ArrayEncoding>>,
    /// Rust field name override.
    #[serde(default)]
    pub rust_name: Option<Sp<String>>,
    /// What GetSupportedAPIList says where it differs from the docs, and which source decided.
    #[serde(default)]
    pub listing: Option<ListingNoteDef>,
    /// Remarks for the client's users (become rustdoc paragraphs).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Notes for the spec's maintainers: where a fact comes from (a listing, a recording, a
    /// fixture, a third-party issue) and what was decided on the way. Kept in the spec, out of
    /// the generated docs (`notes` are for the client's users).
    #[serde(default)]
    pub maintainer_notes: Vec<String>,
}

/// The listing's view of a parameter, recorded where it disagrees with the docs.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListingNoteDef {
    /// The listing's type string (`uint32`, `{message}`, ...).
    #[serde(default, rename = "type")]
    pub ty: Option<String>,
    /// The listing's `optional` flag.
    #[serde(default)]
    pub optional: Option<bool>,
    /// Which listing: `public 2026-07-09`, `partner`.
    #[serde(default)]
    pub source: Option<String>,
    /// The disagreement and the decision.
    pub note: String,
}

/// Constraints on a value. Bounds are inclusive.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConstraintsDef {
    /// Smallest allowed number.
    #[serde(default)]
    pub min: Option<Sp<Num>>,
    /// Largest allowed number.
    #[serde(default)]
    pub max: Option<Sp<Num>>,
    /// Fewest characters (Unicode scalar values, as JSON Schema counts).
    #[serde(default)]
    pub min_length: Option<Sp<u64>>,
    /// Most characters.
    #[serde(default)]
    pub max_length: Option<Sp<u64>>,
    /// Fewest items of an array or map.
    #[serde(default)]
    pub min_items: Option<Sp<u64>>,
    /// Most items of an array or map ("up to 100 Steam IDs").
    #[serde(default)]
    pub max_items: Option<Sp<u64>>,
    /// Regular expression a string must match (ECMA-262 and Rust `regex` compatible subset;
    /// anchor it with `^...$` to match the whole value).
    #[serde(default)]
    pub pattern: Option<Sp<String>>,
    /// Constraints on each item of an array, or each value of a map.
    #[serde(default)]
    pub items: Option<Sp<Box<ConstraintsDef>>>,
}

/// A named type: exactly one of `fields` (a struct) or `enum`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TypeDef {
    /// What the type is.
    #[serde(default)]
    pub description: Option<String>,
    /// Remarks for the client's users (become rustdoc paragraphs).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Notes for the spec's maintainers: where a fact comes from (a listing, a recording, a
    /// fixture, a third-party issue) and what was decided on the way. Kept in the spec, out of
    /// the generated docs (`notes` are for the client's users).
    #[serde(default)]
    pub maintainer_notes: Vec<String>,
    /// Struct fields by wire name, in the order to emit them.
    #[serde(default)]
    pub fields: Option<OrderedMap<FieldDef>>,
    /// An enumeration.
    #[serde(default, rename = "enum")]
    pub enumeration: Option<EnumDef>,
}

/// An enumeration of strings or integers.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnumDef {
    /// How values are written on the wire.
    pub repr: Sp<EnumRepr>,
    /// Unknown values are kept (as `Unknown(..)`) instead of failing (default: true). Set it to
    /// false only for enums that are sent, never received.
    #[serde(default)]
    pub open: Option<Sp<bool>>,
    /// The values.
    pub values: Vec<EnumValueDef>,
}

/// One enum value.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnumValueDef {
    /// The wire value: a string or an integer, matching `repr`.
    pub value: Sp<serde_json::Value>,
    /// Rust variant name (default: the string value in PascalCase; required for integers).
    #[serde(default)]
    pub name: Option<Sp<String>>,
    /// Meaning of the value.
    #[serde(default)]
    pub description: Option<String>,
}

/// A struct field.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// Type expression.
    #[serde(rename = "type")]
    pub ty: Sp<String>,
    /// The docs' words.
    #[serde(default)]
    pub description: Option<String>,
    /// May be absent (Steam omits rather than sending null).
    #[serde(default)]
    pub optional: Option<Sp<bool>>,
    /// May be `null`; with `optional`, absent and null stay distinct.
    #[serde(default)]
    pub nullable: Option<Sp<bool>>,
    /// How numbers are written (default: string for 64-bit types, number otherwise).
    #[serde(default)]
    pub wire: Option<Sp<Wire>>,
    /// Constraints on the value.
    #[serde(default)]
    pub constraints: Option<ConstraintsDef>,
    /// Rust field name override.
    #[serde(default)]
    pub rust_name: Option<Sp<String>>,
    /// Remarks for the client's users (become rustdoc paragraphs).
    #[serde(default)]
    pub notes: Vec<String>,
    /// Notes for the spec's maintainers: where a fact comes from (a listing, a recording, a
    /// fixture, a third-party issue) and what was decided on the way. Kept in the spec, out of
    /// the generated docs (`notes` are for the client's users).
    #[serde(default)]
    pub maintainer_notes: Vec<String>,
}

/// The response body.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseDef {
    /// The key that wraps the result (`response`, `appnews`, `friendslist`, ...); absent when
    /// the body is the result itself (backpack.tf).
    #[serde(default)]
    pub envelope: Option<Sp<String>>,
    /// The result's type expression; or give `fields` to define it here.
    #[serde(default, rename = "type")]
    pub ty: Option<Sp<String>>,
    /// Inline struct fields of the result.
    #[serde(default)]
    pub fields: Option<OrderedMap<FieldDef>>,
    /// Name of the inline type (default: `<Method>Response`, or `<Method>V<n>Response` when
    /// several versions are specified).
    #[serde(default)]
    pub name: Option<Sp<String>>,
    /// Text for the result (for inline `fields`, default: `The result of <Method>.`).
    #[serde(default)]
    pub description: Option<String>,
}

/// How an operation reports failure.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorModelDef {
    /// How failure shows: `http_status`, `success_code` or `message`.
    pub kind: Sp<ErrorKind>,
    /// `success_code`: the field holding the code; `message`: the field holding the reason.
    #[serde(default)]
    pub field: Option<Sp<String>>,
    /// `success_code`: the value that means success.
    #[serde(default)]
    pub success: Option<Sp<i64>>,
    /// `success_code`: the field with the human-readable message.
    #[serde(default)]
    pub message_field: Option<Sp<String>>,
    /// `success_code`: known failure codes.
    #[serde(default)]
    pub codes: Vec<ErrorCodeDef>,
    /// Free text about how failure shows.
    #[serde(default)]
    pub description: Option<String>,
}

/// Error model kinds.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Non-2xx status is the error; the body (often HTML) is only an excerpt.
    HttpStatus,
    /// A 2xx body carries a code field (ISteamHub `success`: 1 = success, 42 = no match).
    SuccessCode,
    /// Non-2xx status with a JSON body whose `field` says why (backpack.tf `message`).
    Message,
}

/// A known failure code.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorCodeDef {
    /// The code; unique, and not the `success` value.
    pub value: Sp<i64>,
    /// snake_case name; `no_match` maps to the client's typed "no match" error.
    pub name: Sp<String>,
    /// What the code means.
    #[serde(default)]
    pub description: Option<String>,
}

/// An example exchange, checked against the operation's types.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleDef {
    /// Short unique name within the operation.
    pub name: Sp<String>,
    /// The document it comes from.
    #[serde(default)]
    pub source: Option<String>,
    /// Free text, e.g. the docs' URL.
    #[serde(default)]
    pub description: Option<String>,
    /// The parameters as a JSON object (what goes into input_json, or the query parameters).
    #[serde(default)]
    pub request: Option<Sp<serde_json::Value>>,
    /// The whole response body, envelope included.
    #[serde(default)]
    pub response: Option<Sp<serde_json::Value>>,
    /// HTTP status of the response (default 200).
    #[serde(default)]
    pub status: Option<u16>,
    /// Every change made to the docs' text to get valid JSON (missing commas, comments, ...).
    #[serde(default)]
    pub corrections: Vec<String>,
}
