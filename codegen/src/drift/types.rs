//! How a spec parameter's type shows in a listing.
//!
//! The listing knows only a few type strings (`uint32`, `uint64`, `int32`, `bool`, `string`,
//! `float`, `{message}`, `{enum}`) and writes some arrays as `name[0]`; this maps the spec's richer
//! types onto that vocabulary.

use crate::model::{ArrayEncoding, EnumRepr, Model, Param, Scalar, TypeKind, TypeRef};

/// Whether the listing writes the parameter as `name[0]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indexed {
    /// Listed as the plain name.
    No,
    /// Listed as `name[0]` (an `indexed` array).
    Yes,
    /// Arrays inside input_json: Steam lists them either way.
    Either,
}

/// The listing forms a spec parameter may take.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Accepted type strings, the most likely first.
    pub types: Vec<&'static str>,
    /// Whether the listed name carries `[0]`.
    pub indexed: Indexed,
}

impl Expected {
    /// Whether a listed type string, and whether its name had `[0]`, fit the spec's parameter.
    pub fn accepts(&self, ty: &str, indexed: bool) -> bool {
        let shape_ok = match self.indexed {
            Indexed::Either => true,
            Indexed::Yes => indexed,
            Indexed::No => !indexed,
        };
        shape_ok && self.types.contains(&ty)
    }

    /// `uint64`, `uint32 as name[0]`, `{enum} or int32`.
    pub fn describe(&self) -> String {
        let types = self.types.join(" or ");
        match self.indexed {
            Indexed::Yes => format!("{types} as name[0]"),
            _ => types,
        }
    }
}

/// The listing's name for a scalar.
pub fn scalar(s: Scalar) -> &'static str {
    match s {
        Scalar::Uint32 | Scalar::Timestamp => "uint32",
        Scalar::Int32 => "int32",
        Scalar::Uint64 | Scalar::SteamId => "uint64",
        Scalar::Int64 => "int64",
        Scalar::Float => "float",
        Scalar::Bool => "bool",
        Scalar::String => "string",
        Scalar::Json => "{message}",
    }
}

/// What the listing should say for `p`.
pub fn expected(model: &Model, p: &Param) -> Expected {
    match &p.ty {
        TypeRef::Array(inner) => match p.encoding {
            // `steamids=1,2,3` is one string.
            Some(ArrayEncoding::Comma) => Expected {
                types: vec!["string"],
                indexed: Indexed::No,
            },
            Some(ArrayEncoding::Indexed) => Expected {
                types: item(model, inner),
                indexed: Indexed::Yes,
            },
            Some(ArrayEncoding::Json) | None => Expected {
                types: item(model, inner),
                indexed: Indexed::Either,
            },
        },
        t => Expected {
            types: item(model, t),
            indexed: Indexed::No,
        },
    }
}

/// Types of a single value (an array's item, or a non-array parameter).
fn item(model: &Model, t: &TypeRef) -> Vec<&'static str> {
    match t {
        TypeRef::Scalar(s) => vec![scalar(*s)],
        TypeRef::Named(n) => match model.type_named(n).map(|t| &t.kind) {
            Some(TypeKind::Enum(e)) => match e.repr {
                EnumRepr::String => vec!["{enum}", "string"],
                EnumRepr::Integer => vec!["{enum}", "int32", "uint32"],
            },
            _ => vec!["{message}"],
        },
        TypeRef::Array(_) | TypeRef::Map(..) => vec!["{message}"],
    }
}
