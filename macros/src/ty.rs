//! Syntactic classification of field types, for diagnostics and for
//! applying rules to the value inside an `Option`.
//!
//! Only the type as written is seen: an alias or an unknown path is
//! `Kind::Unknown` and left to the runtime traits to accept or reject.

use syn::{GenericArgument, PathArguments, Type};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Bool,
    Char,
    Str,
    Seq,
    Map,
    Option,
    Unknown,
}

impl Kind {
    pub fn is_scalar(self) -> bool {
        matches!(self, Kind::Int | Kind::Float | Kind::Bool | Kind::Char)
    }

    pub fn is_collection(self) -> bool {
        matches!(self, Kind::Seq | Kind::Map)
    }
}

/// Strips parentheses and invisible groups (from `macro_rules!`).
fn ungroup(mut ty: &Type) -> &Type {
    loop {
        ty = match ty {
            Type::Paren(paren) => &paren.elem,
            Type::Group(group) => &group.elem,
            _ => return ty,
        }
    }
}

/// The last path segment's name and its type arguments.
fn path_parts(ty: &Type) -> Option<(String, Vec<&Type>)> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segment = path.path.segments.last()?;
    let args = match &segment.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Some((segment.ident.to_string(), args))
}

/// `T` for `Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    match path_parts(ty)? {
        (name, args) if name == "Option" && args.len() == 1 => Some(args[0]),
        _ => None,
    }
}

/// The type under every `Option`.
pub fn strip_options(mut ty: &Type) -> &Type {
    while let Some(inner) = option_inner(ty) {
        ty = inner;
    }
    ty
}

pub fn kind(ty: &Type) -> Kind {
    let ty = ungroup(ty);
    match ty {
        Type::Reference(reference) => return kind(&reference.elem),
        Type::Slice(_) | Type::Array(_) => return Kind::Seq,
        _ => {}
    }
    let Some((name, args)) = path_parts(ty) else {
        return Kind::Unknown;
    };
    match name.as_str() {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => Kind::Int,
        n if n.starts_with("NonZero") => Kind::Int,
        "f32" | "f64" => Kind::Float,
        "bool" => Kind::Bool,
        "char" => Kind::Char,
        "String" | "str" => Kind::Str,
        "Option" if args.len() == 1 => Kind::Option,
        "Box" | "Rc" | "Arc" | "Cow" if args.len() == 1 => kind(args[0]),
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "IndexSet" | "LinkedList" => Kind::Seq,
        "HashMap" | "BTreeMap" | "IndexMap" => Kind::Map,
        _ => Kind::Unknown,
    }
}

/// The type `inner(...)` rules see: a sequence's item or a map's value.
pub fn item_type(ty: &Type) -> Option<&Type> {
    let ty = ungroup(ty);
    match ty {
        Type::Reference(reference) => return item_type(&reference.elem),
        Type::Slice(slice) => return Some(&slice.elem),
        Type::Array(array) => return Some(&array.elem),
        _ => {}
    }
    let (name, args) = path_parts(ty)?;
    match name.as_str() {
        "Box" | "Rc" | "Arc" | "Cow" if args.len() == 1 => item_type(args[0]),
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "IndexSet" | "LinkedList" => {
            args.first().copied()
        }
        "HashMap" | "BTreeMap" | "IndexMap" => args.get(1).copied(),
        _ => None,
    }
}

/// A type with nothing inside to validate: a std scalar or string, or an
/// `Option`, sequence or map of them (by the names as written). Its
/// `Validate` impl does nothing, so the derive need not call it.
pub fn is_leaf(ty: &Type) -> bool {
    match kind(ty) {
        Kind::Int | Kind::Float | Kind::Bool | Kind::Char | Kind::Str => true,
        Kind::Option => option_inner(ty).is_some_and(is_leaf),
        Kind::Seq | Kind::Map => item_type(ty).is_some_and(is_leaf),
        Kind::Unknown => false,
    }
}
