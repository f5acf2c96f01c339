//! Types: references to builtin and named types, structs and their fields, enums, and the
//! constraints on values.

use super::{EnumRepr, Num, Pos, Wire};

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
    /// Whether the field may be absent, `null`, or both.
    pub presence: Presence,
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

/// Whether a field may be absent and whether it may be `null`: four different Rust shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Always there, never `null`.
    Required,
    /// May be absent (a `null` reads as absent).
    Optional,
    /// Always there, may be `null`.
    Nullable,
    /// Absent, `null` and a value are three different things.
    OptionalNullable,
}

impl Presence {
    /// The presence of a field with the spec's `optional` and `nullable` flags.
    pub fn of(optional: bool, nullable: bool) -> Self {
        match (optional, nullable) {
            (false, false) => Presence::Required,
            (true, false) => Presence::Optional,
            (false, true) => Presence::Nullable,
            (true, true) => Presence::OptionalNullable,
        }
    }

    /// Whether the field may be absent.
    pub fn is_optional(self) -> bool {
        matches!(self, Presence::Optional | Presence::OptionalNullable)
    }

    /// Whether the field may be `null`.
    pub fn is_nullable(self) -> bool {
        matches!(self, Presence::Nullable | Presence::OptionalNullable)
    }
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
