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
    pub providers: BTreeMap<String, Provider>,
    /// By interface name.
    pub interfaces: BTreeMap<String, Interface>,
    /// Every named type, by name (names are unique across the spec).
    pub types: BTreeMap<String, NamedType>,
    /// The spec files read, relative paths as displayed, sorted.
    pub files: Vec<String>,
}

impl Model {
    pub fn operations(&self) -> impl Iterator<Item = &Operation> {
        self.interfaces.values().flat_map(|i| i.operations.iter())
    }

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
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub host: String,
    pub publisher_host: Option<String>,
    /// Query parameter carrying the credential (`key`, `token`).
    pub auth_param: String,
    pub auth_name: String,
    pub auth_env: Option<String>,
    pub format_param: Option<(String, String)>,
    pub path_template: Option<String>,
    pub service_suffix: Option<String>,
    pub errors: ErrorModel,
    pub pos: Pos,
}

/// One interface (one spec file).
#[derive(Clone, Debug)]
pub struct Interface {
    pub name: String,
    /// snake_case module name, also the Cargo feature's basis.
    pub module: String,
    pub provider: String,
    pub description: Option<String>,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
    /// `Some` when written by `steamspec import`.
    pub imported: Option<Imported>,
    /// Sorted by (method, version).
    pub operations: Vec<Operation>,
    /// The spec file, relative as displayed.
    pub file: String,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct Imported {
    pub listing: String,
    pub todo: Vec<String>,
}

/// One (interface, method, version).
#[derive(Clone, Debug)]
pub struct Operation {
    pub interface: String,
    pub provider: String,
    pub method: String,
    pub version: u32,
    pub http: HttpMethod,
    pub host: String,
    /// Path on the host, e.g. `/ISteamUser/GetPlayerSummaries/v2/`.
    pub path: String,
    pub visibility: Visibility,
    pub status: Status,
    /// Whether the provider's credential is sent.
    pub auth: Auth,
    pub description: String,
    pub notes: Vec<String>,
    pub input: InputEncoding,
    /// In spec order (common parameters first).
    pub params: Vec<Param>,
    pub rules: Vec<Rule>,
    /// Name of the generated request struct, e.g. `GetPlayerSummariesRequest`.
    pub request_type: String,
    pub response: Response,
    pub errors: ErrorModel,
    pub examples: Vec<Example>,
    /// snake_case method name for the client, e.g. `get_player_summaries`, with `_v<n>` when
    /// several versions are specified.
    pub fn_name: String,
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
    pub name: String,
    pub rust_name: String,
    pub ty: TypeRef,
    pub optional: bool,
    pub default: Option<serde_json::Value>,
    pub description: Option<String>,
    pub constraints: Constraints,
    /// Array encoding outside input_json; `None` for non-arrays.
    pub encoding: Option<ArrayEncoding>,
    pub listing: Option<ListingNote>,
    pub notes: Vec<String>,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub struct ListingNote {
    pub ty: Option<String>,
    pub optional: Option<bool>,
    pub source: Option<String>,
    pub note: String,
}

/// A rule over several parameters (by wire name).
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    AtLeastOneOf(Vec<String>),
    /// The first is required when the second is given.
    RequiredIf(String, String),
}

/// The response.
#[derive(Clone, Debug)]
pub struct Response {
    pub envelope: Option<String>,
    /// The result inside the envelope.
    pub ty: TypeRef,
    pub description: Option<String>,
}

/// How failure is reported.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorModel {
    pub kind: ErrorKind,
    pub field: Option<String>,
    pub success: Option<i64>,
    pub message_field: Option<String>,
    pub codes: Vec<ErrorCode>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ErrorCode {
    pub value: i64,
    pub name: String,
    pub description: Option<String>,
}

/// A checked example.
#[derive(Clone, Debug)]
pub struct Example {
    pub name: String,
    pub source: Option<String>,
    pub description: Option<String>,
    pub request: Option<serde_json::Value>,
    pub response: Option<serde_json::Value>,
    pub status: u16,
    pub corrections: Vec<String>,
    pub pos: Pos,
}

/// A resolved type reference.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    Scalar(Scalar),
    Named(String),
    Array(Box<TypeRef>),
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
    Uint32,
    Int32,
    Uint64,
    Int64,
    Float,
    Bool,
    String,
    /// Unix time in seconds (uint32 on the wire).
    Timestamp,
    /// A SteamID64: uint64, sent as a string.
    SteamId,
    /// Untyped JSON.
    Json,
}

impl Scalar {
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
    String,
    Uint32,
    Uint64,
    SteamId,
}

impl MapKey {
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
    pub min: Option<Num>,
    pub max: Option<Num>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub pattern: Option<String>,
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// A named type.
#[derive(Clone, Debug)]
pub struct NamedType {
    pub name: String,
    /// The interface whose file defines it.
    pub interface: String,
    pub description: Option<String>,
    pub notes: Vec<String>,
    pub kind: TypeKind,
    pub pos: Pos,
}

#[derive(Clone, Debug)]
pub enum TypeKind {
    Struct(Vec<Field>),
    Enum(EnumType),
}

/// A struct field.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: String,
    pub rust_name: String,
    pub ty: TypeRef,
    pub optional: bool,
    pub nullable: bool,
    /// How scalar numbers of this field (or its items) are written.
    pub wire: Wire,
    pub description: Option<String>,
    pub constraints: Constraints,
    pub notes: Vec<String>,
    pub pos: Pos,
}

/// An enumeration.
#[derive(Clone, Debug)]
pub struct EnumType {
    pub repr: EnumRepr,
    pub open: bool,
    /// In spec order.
    pub values: Vec<EnumValue>,
}

#[derive(Clone, Debug)]
pub struct EnumValue {
    pub rust_name: String,
    pub value: EnumLit,
    pub description: Option<String>,
    pub pos: Pos,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EnumLit {
    Str(String),
    Int(i64),
}

impl EnumLit {
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
