//! The resolved model: every name converted, every type reference resolved, everything sorted.
//!
//! This is what the consumers read (the Rust emitter, the schema emitter, the drift checker);
//! none of them sees YAML. Sorted maps make every consumer's output deterministic.

use std::collections::BTreeMap;

pub use crate::pos::Pos;
pub use crate::spec::format::{
    ArrayEncoding, Auth, EnumRepr, ErrorKind, HttpMethod, InputEncoding, Status, Visibility, Wire,
};
pub use crate::spec::num::Num;

pub mod value_check;

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
    /// Whether the parameters of non-GET calls travel as a form body (else in the query).
    pub form_body: bool,
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
    /// What the operation does, in the docs' words.
    pub description: String,
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
    /// Where the operation's `method` value stands in the spec file.
    pub pos: Pos,
}

impl Operation {
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
pub struct ErrorModel {
    /// How failure shows: the HTTP status, a code field, or a message field.
    pub kind: ErrorKind,
    /// `success_code`: the field holding the code; `message`: the field holding the reason.
    pub field: Option<String>,
    /// `success_code`: the value that means success, e.g. `1`.
    pub success: Option<i64>,
    /// `success_code`: the field with the human-readable message.
    pub message_field: Option<String>,
    /// `success_code`: known failure codes.
    pub codes: Vec<ErrorCode>,
    /// Free text about how failure shows.
    pub description: Option<String>,
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

/// A resolved type reference.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    /// A builtin type.
    Scalar(Scalar),
    /// A named type, by name, e.g. `Player`.
    Named(String),
    /// `array<T>`: a JSON array.
    Array(Box<TypeRef>),
    /// `map<K, T>`: a JSON object with keys of `K` and values of `T`.
    Map(MapKey, Box<TypeRef>),
}

impl TypeRef {
    /// Spec syntax, for messages.
    pub fn display(&self) -> String {
        match self {
            TypeRef::Scalar(s) => s.name().to_string(),
            TypeRef::Named(n) => n.clone(),
            TypeRef::Array(t) => format!("array<{}>", t.display()),
            TypeRef::Map(MapKey::String, t) => format!("map<{}>", t.display()),
            TypeRef::Map(k, t) => format!("map<{}, {}>", k.scalar().name(), t.display()),
        }
    }

    /// Whether this is an `array<T>`.
    pub fn is_array(&self) -> bool {
        matches!(self, TypeRef::Array(_))
    }

    /// The innermost scalar, through arrays and maps (`None` for named types).
    pub fn leaf_scalar(&self) -> Option<Scalar> {
        match self {
            TypeRef::Scalar(s) => Some(*s),
            TypeRef::Array(t) | TypeRef::Map(_, t) => t.leaf_scalar(),
            TypeRef::Named(_) => None,
        }
    }
}

/// Builtin scalar types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scalar {
    /// `uint32`: a JSON number (`u32`).
    Uint32,
    /// `int32`: a JSON number (`i32`).
    Int32,
    /// `uint64`: a string of digits by default (`u64`).
    Uint64,
    /// `int64`: a string of digits, optionally with `-`, by default (`i64`).
    Int64,
    /// `float`: a JSON number (`f64`).
    Float,
    /// `bool`: `true` or `false`.
    Bool,
    /// `string`: a JSON string.
    String,
    /// Unix time in seconds (uint32 on the wire).
    Timestamp,
    /// A SteamID64: uint64, sent as a string.
    SteamId,
    /// Untyped JSON.
    Json,
}

impl Scalar {
    /// Every builtin, in declaration order.
    pub const ALL: [Scalar; 10] = [
        Scalar::Uint32,
        Scalar::Int32,
        Scalar::Uint64,
        Scalar::Int64,
        Scalar::Float,
        Scalar::Bool,
        Scalar::String,
        Scalar::Timestamp,
        Scalar::SteamId,
        Scalar::Json,
    ];

    /// The name in type expressions, e.g. `uint32`, `steamid`.
    pub fn name(self) -> &'static str {
        match self {
            Scalar::Uint32 => "uint32",
            Scalar::Int32 => "int32",
            Scalar::Uint64 => "uint64",
            Scalar::Int64 => "int64",
            Scalar::Float => "float",
            Scalar::Bool => "bool",
            Scalar::String => "string",
            Scalar::Timestamp => "timestamp",
            Scalar::SteamId => "steamid",
            Scalar::Json => "json",
        }
    }

    /// The builtin with this name; `None` for any other name.
    pub fn from_name(s: &str) -> Option<Scalar> {
        Scalar::ALL.into_iter().find(|x| x.name() == s)
    }

    /// Integer range of the type, if it is an integer.
    pub fn int_range(self) -> Option<(i128, i128)> {
        match self {
            Scalar::Uint32 | Scalar::Timestamp => Some((0, u32::MAX.into())),
            Scalar::Int32 => Some((i32::MIN.into(), i32::MAX.into())),
            Scalar::Uint64 | Scalar::SteamId => Some((0, u64::MAX.into())),
            Scalar::Int64 => Some((i64::MIN.into(), i64::MAX.into())),
            _ => None,
        }
    }

    /// Whether it is an integer type or `float`.
    pub fn is_numeric(self) -> bool {
        self.int_range().is_some() || self == Scalar::Float
    }

    /// How the value is written in JSON unless a field says otherwise.
    pub fn default_wire(self) -> Wire {
        match self {
            Scalar::Uint64 | Scalar::Int64 | Scalar::SteamId => Wire::String,
            _ => Wire::Number,
        }
    }
}

/// Keys of a map type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MapKey {
    /// Any string key (`map<T>`, `map<string, T>`).
    String,
    /// `uint32` keys, strings of digits.
    Uint32,
    /// `uint64` keys, strings of digits.
    Uint64,
    /// `steamid` keys: SteamID64s as strings of digits.
    SteamId,
}

impl MapKey {
    /// The builtin type of the keys.
    pub fn scalar(self) -> Scalar {
        match self {
            MapKey::String => Scalar::String,
            MapKey::Uint32 => Scalar::Uint32,
            MapKey::Uint64 => Scalar::Uint64,
            MapKey::SteamId => Scalar::SteamId,
        }
    }
}

/// Constraints, resolved: numeric bounds as exact numbers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    /// Smallest allowed number (inclusive).
    pub min: Option<Num>,
    /// Largest allowed number (inclusive).
    pub max: Option<Num>,
    /// Fewest characters of a string (Unicode scalar values).
    pub min_length: Option<u64>,
    /// Most characters of a string (Unicode scalar values).
    pub max_length: Option<u64>,
    /// Fewest items of an array, or entries of a map.
    pub min_items: Option<u64>,
    /// Most items of an array, or entries of a map.
    pub max_items: Option<u64>,
    /// Regular expression a string must match (not anchored unless written `^...$`).
    pub pattern: Option<String>,
    /// Constraints on each item of an array, or each value of a map.
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    /// Whether no constraint is set.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// A named type.
#[derive(Clone, Debug)]
pub struct NamedType {
    /// Type name (PascalCase, unique across the spec), e.g. `Player`.
    pub name: String,
    /// The interface whose file defines it.
    pub interface: String,
    /// What the type is (an inline response type without one gets `The result of <Method>.`).
    pub description: Option<String>,
    /// Remarks (rustdoc paragraphs).
    pub notes: Vec<String>,
    /// A struct or an enum.
    pub kind: TypeKind,
    /// Where the type's name stands in the spec file.
    pub pos: Pos,
}

/// What a named type is.
#[derive(Clone, Debug)]
pub enum TypeKind {
    /// A struct, with its fields in spec order.
    Struct(Vec<Field>),
    /// An enumeration.
    Enum(EnumType),
}

/// A struct field.
#[derive(Clone, Debug)]
pub struct Field {
    /// Wire name, e.g. `steamid`.
    pub name: String,
    /// Rust field name: the `rust_name` override, else the wire name in snake_case.
    pub rust_name: String,
    /// The field's type.
    pub ty: TypeRef,
    /// Whether the field may be absent.
    pub optional: bool,
    /// Whether the field may be `null`.
    pub nullable: bool,
    /// How scalar numbers of this field (or its items) are written.
    pub wire: Wire,
    /// The docs' words.
    pub description: Option<String>,
    /// Constraints on the value.
    pub constraints: Constraints,
    /// Remarks (rustdoc paragraphs).
    pub notes: Vec<String>,
    /// Where the field's wire name stands in the spec file.
    pub pos: Pos,
}

/// An enumeration.
#[derive(Clone, Debug)]
pub struct EnumType {
    /// How values are written on the wire: strings or integers.
    pub repr: EnumRepr,
    /// Whether unknown values are kept (as `Unknown(..)`) instead of failing to decode.
    pub open: bool,
    /// In spec order.
    pub values: Vec<EnumValue>,
}

/// One value of an enumeration.
#[derive(Clone, Debug)]
pub struct EnumValue {
    /// Rust variant name, e.g. `LookingToTrade`.
    pub rust_name: String,
    /// The wire value.
    pub value: EnumLit,
    /// What the value means.
    pub description: Option<String>,
    /// Where the value stands in the spec file.
    pub pos: Pos,
}

/// An enum's wire value: a string or an integer, matching the enum's `repr`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnumLit {
    /// A value of a `repr: string` enum.
    Str(String),
    /// A value of a `repr: integer` enum.
    Int(i64),
}

impl EnumLit {
    /// The value as JSON: a string or a number.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            EnumLit::Str(s) => s.clone().into(),
            EnumLit::Int(i) => (*i).into(),
        }
    }
}

impl std::fmt::Display for EnumLit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnumLit::Str(s) => write!(f, "{s:?}"),
            EnumLit::Int(i) => write!(f, "{i}"),
        }
    }
}
