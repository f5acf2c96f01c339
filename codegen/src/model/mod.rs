//! The resolved model: every name converted, every type reference resolved, everything sorted.
//!
//! This is what the consumers read (the Rust emitter, the schema emitter, the drift checker);
//! none of them sees YAML. Sorted maps make every consumer's output deterministic.

use std::collections::BTreeMap;

pub use crate::syntax::pos::Pos;
pub use num::Num;
pub use types::{
    Constraints, EnumLit, EnumType, EnumValue, Field, MapKey, NamedType, Presence, Scalar,
    TypeKind, TypeRef,
};
pub use vocab::{
    ArrayEncoding, Auth, EnumRepr, HttpMethod, InputEncoding, Status, Visibility, Wire,
};

mod num;
mod types;
pub mod value_check;
mod vocab;

/// Everything under `spec/`.
#[derive(Clone, Debug)]
pub struct Model {
    /// Providers by id (`steam`, `backpacktf`).
    pub providers: BTreeMap<String, Provider>,
    /// By interface name.
    pub interfaces: BTreeMap<String, Interface>,
    /// Every named type, by name (names are unique across the spec).
    pub types: BTreeMap<String, NamedType>,
    /// The spec files read, relative paths as displayed, sorted.
    pub files: Vec<String>,
}

impl Model {
    /// Every operation: by interface name, then by (method, version).
    pub fn operations(&self) -> impl Iterator<Item = &Operation> {
        self.interfaces.values().flat_map(|i| i.operations.iter())
    }

    /// The named type called `name`, if there is one.
    pub fn type_named(&self, name: &str) -> Option<&NamedType> {
        self.types.get(name)
    }

    /// Named types of one interface, in name order.
    pub fn types_of<'a>(&'a self, interface: &'a str) -> impl Iterator<Item = &'a NamedType> {
        self.types
            .values()
            .filter(move |t| t.interface == interface)
    }
}

/// An API provider's conventions.
#[derive(Clone, Debug)]
pub struct Provider {
    /// Provider id, e.g. `steam`.
    pub id: String,
    /// Human name, e.g. "Steam Web API".
    pub title: String,
    /// Free text about the provider.
    pub description: Option<String>,
    /// Host of public operations, e.g. `api.steampowered.com`.
    pub host: String,
    /// Host of publisher-key operations, e.g. `partner.steam-api.com`.
    pub publisher_host: Option<String>,
    /// Query parameter carrying the credential (`key`, `token`).
    pub auth_param: String,
    /// What the credential is called in documentation and errors, e.g. "Steam Web API key".
    pub auth_name: String,
    /// Environment variable a CLI reads the credential from, e.g. `STEAM_API_KEY`.
    pub auth_env: Option<String>,
    /// A fixed parameter sent with every call, as (name, value): (`format`, `json`) for Steam.
    pub format_param: Option<(String, String)>,
    /// URL path template for operations that give no `path`, e.g.
    /// `/{interface}/{method}/v{version}/`.
    pub path_template: Option<String>,
    /// Interfaces whose name ends with this suffix (`Service`) take their parameters as one
    /// `input_json` value by default.
    pub service_suffix: Option<String>,
    /// The error model of operations whose interface and operation give none.
    pub errors: ErrorModel,
    /// Where the provider's id stands in `providers.yaml`.
    pub pos: Pos,
}

/// One interface (one spec file).
#[derive(Clone, Debug)]
pub struct Interface {
    /// Interface name as in URLs and listings, e.g. `ISteamUser`.
    pub name: String,
    /// snake_case module name, also the Cargo feature's basis.
    pub module: String,
    /// Provider id, e.g. `steam`.
    pub provider: String,
    /// What the interface is for (the module's rustdoc).
    pub description: Option<String>,
    /// The documents the file was transcribed from.
    pub sources: Vec<String>,
    /// Remarks for readers (rustdoc paragraphs of the module).
    pub notes: Vec<String>,
    /// `Some` when written by `steamspec import`.
    pub imported: Option<Imported>,
    /// Sorted by (method, version).
    pub operations: Vec<Operation>,
    /// The spec file, relative as displayed.
    pub file: String,
    /// Where the `interface` value stands in the spec file.
    pub pos: Pos,
}

/// Where an imported interface file came from (its `imported:` block).
#[derive(Clone, Debug)]
pub struct Imported {
    /// The listing file it was imported from.
    pub listing: String,
    /// What remains for a person to do.
    pub todo: Vec<String>,
}

/// One (interface, method, version).
#[derive(Clone, Debug)]
pub struct Operation {
    /// Interface name, e.g. `ISteamUser`.
    pub interface: String,
    /// Provider id, e.g. `steam`.
    pub provider: String,
    /// Method name as in the URL, e.g. `GetPlayerSummaries`.
    pub method: String,
    /// Version number: `2` for `v2` in the URL.
    pub version: u32,
    /// HTTP method.
    pub http: HttpMethod,
    /// Host the call goes to, e.g. `api.steampowered.com`: the operation's, else the provider's for
    /// its visibility.
    pub host: String,
    /// Path on the host, e.g. `/ISteamUser/GetPlayerSummaries/v2/`.
    pub path: String,
    /// Which credential it needs: the operation's, else the interface's, else public.
    pub visibility: Visibility,
    /// Whether the live API serves it: the operation's, else the interface's, else live.
    pub status: Status,
    /// Whether the provider's credential is sent.
    pub auth: Auth,
    /// `Some(listing)` when the operation was imported from a listing and not typed by a person
    /// yet (its own `imported`, else its file's `imported` block): its response is untyped JSON.
    pub imported: Option<String>,
    /// What the operation does, in the docs' words.
    pub description: String,
    /// The listing's description where `description` rewrote it (`listing_description`); the
    /// drift check compares it, else `description`, with the listing's.
    pub listing_description: Option<String>,
    /// Further remarks (rustdoc paragraphs).
    pub notes: Vec<String>,
    /// How the parameters travel: each on its own, or all in one `input_json` value.
    pub input: InputEncoding,
    /// In spec order (common parameters first).
    pub params: Vec<Param>,
    /// Rules over several parameters.
    pub rules: Vec<Rule>,
    /// Name of the generated request struct, e.g. `GetPlayerSummariesRequest`.
    pub request_type: String,
    /// The response body.
    pub response: Response,
    /// How failure is reported: the operation's, else the interface's, else the provider's.
    pub errors: ErrorModel,
    /// Examples, each checked against the types when the spec is loaded.
    pub examples: Vec<Example>,
    /// snake_case method name for the client, e.g. `get_player_summaries`, with `_v<n>` when
    /// several versions are specified.
    pub fn_name: String,
    /// How a list of any length is cut into calls and the answers merged, if the operation
    /// takes a list with a most number of items and the spec says how to merge.
    pub batch: Option<Batch>,
    /// How the answer is read page after page, if it comes in pages.
    pub pages: Option<Pages>,
    /// Where the operation's `method` value stands in the spec file.
    pub pos: Pos,
}

/// How a paged operation's answer is read page after page.
#[derive(Clone, Debug, PartialEq)]
pub struct Pages {
    /// The response's array field of one page's items.
    pub items: PageField,
    /// The type of one item.
    pub item: TypeRef,
    /// What drives the paging.
    pub kind: PageKind,
}

/// Count/offset or cursor paging.
#[derive(Clone, Debug, PartialEq)]
pub enum PageKind {
    /// The offset parameter counts the items read; a short or empty page is the last.
    Offset {
        /// The offset parameter (an integer).
        offset: PageField,
        /// The page-size parameter, if there is one (an integer).
        limit: Option<PageField>,
    },
    /// The cursor parameter takes the answer's `next`; the last page lacks it or says no more.
    Cursor {
        /// The cursor parameter.
        cursor: PageField,
        /// The response field with the next cursor.
        next: PageField,
        /// The response's `bool` field saying more pages follow, if there is one.
        more: Option<PageField>,
    },
}

/// A parameter or response field that paging reads or writes.
#[derive(Clone, Debug, PartialEq)]
pub struct PageField {
    /// Its Rust name.
    pub rust: String,
    /// Whether it is optional (an `Option`).
    pub optional: bool,
    /// Its type.
    pub ty: TypeRef,
}

/// A batch operation's cut and merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// The Rust field of the array parameter cut into calls.
    pub param: String,
    /// The most items one call takes (the parameter's `max_items`).
    pub max_items: u64,
    /// How the answers are merged.
    pub merge: BatchMerge,
}

/// How a batch's answers are merged, by the Rust field of the response.
#[derive(Clone, Debug, PartialEq)]
pub enum BatchMerge {
    /// The array field's items are concatenated.
    Concat(String),
    /// The integer field's values are added.
    Sum(String),
}

impl Operation {
    /// The client method of a batch operation's any-length form, e.g.
    /// `get_player_summaries_all`; `None` for other operations.
    pub fn batch_fn_name(&self) -> Option<String> {
        self.batch.as_ref().map(|_| format!("{}_all", self.fn_name))
    }

    /// The client method reading a paged operation's items, e.g. `get_announcements_paged`;
    /// `None` for other operations.
    pub fn pages_fn_name(&self) -> Option<String> {
        self.pages
            .as_ref()
            .map(|_| format!("{}_paged", self.fn_name))
    }

    /// `ISteamUser/GetPlayerSummaries/v2`.
    pub fn id(&self) -> String {
        format!("{}/{}/v{}", self.interface, self.method, self.version)
    }
}

impl Param {
    /// How the parameter's numbers are written in input_json: 64-bit ones as strings.
    pub fn wire(&self) -> Wire {
        self.ty
            .leaf_scalar()
            .map_or(Wire::Number, Scalar::default_wire)
    }
}

/// A request parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Wire name, e.g. `steamids`.
    pub name: String,
    /// Rust field name: the `rust_name` override, else the wire name in snake_case.
    pub rust_name: String,
    /// The parameter's type.
    pub ty: TypeRef,
    /// Whether it may be left out.
    pub optional: bool,
    /// The value the API assumes when it is left out (documentation only: the client sends
    /// nothing).
    pub default: Option<serde_json::Value>,
    /// The docs' words.
    pub description: Option<String>,
    /// The listing's description where `description` rewrote it (`listing_description`); the
    /// drift check compares it, else `description`, with the listing's.
    pub listing_description: Option<String>,
    /// Constraints on the value.
    pub constraints: Constraints,
    /// Array encoding outside input_json; `None` for non-arrays.
    pub encoding: Option<ArrayEncoding>,
    /// What GetSupportedAPIList says where it disagrees with the docs (a known difference, not
    /// drift).
    pub listing: Option<ListingNote>,
    /// Remarks (rustdoc paragraphs).
    pub notes: Vec<String>,
    /// Where the parameter's `name` value stands in the spec file.
    pub pos: Pos,
}

/// A parameter's `listing:` note: GetSupportedAPIList's view where it disagrees with the docs.
#[derive(Clone, Debug)]
pub struct ListingNote {
    /// The listing's type string (`uint32`, `{message}`, ...).
    pub ty: Option<String>,
    /// The listing's `optional` flag.
    pub optional: Option<bool>,
    /// Which listing, e.g. `public 2026-07-09`.
    pub source: Option<String>,
    /// The disagreement and the decision.
    pub note: String,
}

/// A rule over several parameters (by wire name).
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// At least one of these parameters must be given.
    AtLeastOneOf(Vec<String>),
    /// The first is required when the second is given.
    RequiredIf(String, String),
}

/// The response.
#[derive(Clone, Debug)]
pub struct Response {
    /// The key that wraps the result (`response`, `appnews`, ...); `None` when the body is the
    /// result itself.
    pub envelope: Option<String>,
    /// The result inside the envelope.
    pub ty: TypeRef,
    /// Text about the result, as the spec gives it.
    pub description: Option<String>,
}

/// How failure is reported.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorModel {
    /// By the HTTP status alone: a 2xx body is the result.
    HttpStatus {
        /// Free text about how failure shows.
        description: Option<String>,
    },
    /// A 2xx body whose integer `field` holds `success` on success, else a failure code.
    SuccessCode {
        /// The field holding the code, e.g. `success`.
        field: String,
        /// The value that means success, e.g. `1`.
        success: i64,
        /// The field with the human-readable message, if the body has one.
        message_field: Option<String>,
        /// Known failure codes.
        codes: Vec<ErrorCode>,
        /// Free text about how failure shows.
        description: Option<String>,
    },
    /// A 2xx body that fails when it holds `field`, the reason.
    Message {
        /// The field holding the reason, e.g. `message`.
        field: String,
        /// Free text about how failure shows.
        description: Option<String>,
    },
}

impl ErrorModel {
    /// The known failure codes (only a success-code model has any).
    pub fn codes(&self) -> &[ErrorCode] {
        match self {
            ErrorModel::SuccessCode { codes, .. } => codes,
            ErrorModel::HttpStatus { .. } | ErrorModel::Message { .. } => &[],
        }
    }

    /// The spec's text about how failure shows, if it gives one.
    pub fn description(&self) -> Option<&str> {
        match self {
            ErrorModel::HttpStatus { description }
            | ErrorModel::SuccessCode { description, .. }
            | ErrorModel::Message { description, .. } => description.as_deref(),
        }
    }
}

/// A known failure code of a `success_code` error model.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorCode {
    /// The code, e.g. `42`.
    pub value: i64,
    /// snake_case name, e.g. `no_match` (which maps to the client's typed "no match" error).
    pub name: String,
    /// What the code means.
    pub description: Option<String>,
}

/// A checked example.
#[derive(Clone, Debug)]
pub struct Example {
    /// Short name, unique within the operation, e.g. `docs`.
    pub name: String,
    /// The document it comes from.
    pub source: Option<String>,
    /// Free text, e.g. the docs' URL.
    pub description: Option<String>,
    /// The parameters as one JSON object, by wire name.
    pub request: Option<serde_json::Value>,
    /// The whole response body, envelope included.
    pub response: Option<serde_json::Value>,
    /// HTTP status of the response (200 unless given); only a 2xx response is checked.
    pub status: u16,
    /// Every change made to the source's text to get valid, correctly typed JSON.
    pub corrections: Vec<String>,
    /// Where the example's `name` value stands in the spec file.
    pub pos: Pos,
}
