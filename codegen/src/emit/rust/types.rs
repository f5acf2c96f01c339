//! Rust for the model's types: field types with their serde/validation attributes, structs and
//! enums.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::json_schema::json_schema_impl;
use super::{Target, doc_attr, ident};
use crate::emit::{docs, schema};
use crate::model::*;

/// The Rust type of a type reference (no Option wrapping).
pub fn rust_type(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Scalar(s) => scalar_type(*s),
        TypeRef::Named(n) => {
            let id = format_ident!("{}", n);
            quote!(#id)
        }
        TypeRef::Array(t) => {
            let t = rust_type(t);
            quote!(::std::vec::Vec<#t>)
        }
        TypeRef::Map(k, t) => {
            let k = scalar_type(k.scalar());
            let t = rust_type(t);
            quote!(::std::collections::BTreeMap<#k, #t>)
        }
    }
}

pub fn scalar_type(s: Scalar) -> TokenStream {
    match s {
        Scalar::Uint32 | Scalar::Timestamp => quote!(u32),
        Scalar::Int32 => quote!(i32),
        Scalar::Uint64 => quote!(u64),
        Scalar::Int64 => quote!(i64),
        Scalar::Float => quote!(f64),
        Scalar::Bool => quote!(bool),
        Scalar::String => quote!(::std::string::String),
        Scalar::SteamId => quote!(::steam_webapi::SteamId),
        Scalar::Json => quote!(::serde_json::Value),
    }
}

/// Numbers that go through the lenient wire helpers (SteamId handles itself).
fn wire_number(ty: &TypeRef) -> bool {
    ty.leaf_scalar()
        .is_some_and(|s| s.is_numeric() && s != Scalar::SteamId)
}

/// The Rust type of a value with `presence`: `inner`, `Option<inner>` or `Maybe<inner>`.
fn wrap(presence: Presence, inner: TokenStream) -> TokenStream {
    match presence {
        Presence::Required => inner,
        Presence::Optional | Presence::Nullable => quote!(::std::option::Option<#inner>),
        Presence::OptionalNullable => quote!(::steam_webapi::Maybe<#inner>),
    }
}

/// The runtime's lean serde derives and Validate, as one derive that reads the item once
/// (`steam_webapi::__private::{Data, Request}`: the shapes the spec has at a fraction of
/// serde_derive's compile time). Requests are only serialized.
pub fn wire_derive(deserialize: bool) -> TokenStream {
    if deserialize {
        quote!(::steam_webapi::__private::Data)
    } else {
        quote!(::steam_webapi::__private::Request)
    }
}

/// Everything needed to emit one struct field (a response field or a request parameter).
pub struct FieldSpec<'a> {
    pub wire_name: &'a str,
    pub rust_name: &'a str,
    pub ty: &'a TypeRef,
    pub presence: Presence,
    pub wire: Wire,
    pub constraints: &'a Constraints,
    pub doc: String,
}

/// `pub name: Type` with its attributes.
pub fn field(f: &FieldSpec) -> TokenStream {
    let name = ident(f.rust_name);
    let inner = rust_type(f.ty);
    let ty = wrap(f.presence, inner);
    let mut attrs = Vec::new();
    let doc = doc_attr(&f.doc);
    if f.rust_name != f.wire_name {
        let w = f.wire_name;
        attrs.push(quote!(#[serde(rename = #w)]));
    }
    match f.presence {
        Presence::Optional => attrs.push(
            quote!(#[serde(default, skip_serializing_if = "::std::option::Option::is_none")]),
        ),
        Presence::OptionalNullable => attrs.push(
            quote!(#[serde(default, skip_serializing_if = "::steam_webapi::Maybe::is_absent")]),
        ),
        Presence::Nullable => attrs.push(quote!(#[serde(default)])),
        Presence::Required => {}
    }
    if wire_number(f.ty) {
        let with = match f.wire {
            Wire::String => "::steam_webapi::wire::as_string",
            Wire::Number | Wire::Either => "::steam_webapi::wire::as_number",
        };
        attrs.push(quote!(#[serde(with = #with)]));
    }
    if let Some(c) = constraint_items(f.constraints, f.ty.leaf_scalar()) {
        attrs.push(quote!(#[schemars(#c)]));
    }
    quote! {
        #doc
        #(#attrs)*
        pub #name: #ty
    }
}

/// `length(..), range(..), regex(..), inner(..)` items for `#[schemars(...)]`, read by both
/// schemars and the Validate derive.
fn constraint_items(c: &Constraints, leaf: Option<Scalar>) -> Option<TokenStream> {
    let mut items = Vec::new();
    let (lo, hi) = match (c.min_length, c.max_length, c.min_items, c.max_items) {
        (None, None, lo, hi) => (lo, hi),
        (lo, hi, _, _) => (lo, hi),
    };
    if lo.is_some() || hi.is_some() {
        let mut parts = Vec::new();
        if let Some(lo) = lo {
            let l = Literal::u64_unsuffixed(lo);
            parts.push(quote!(min = #l));
        }
        if let Some(hi) = hi {
            let l = Literal::u64_unsuffixed(hi);
            parts.push(quote!(max = #l));
        }
        items.push(quote!(length(#(#parts),*)));
    }
    if c.min.is_some() || c.max.is_some() {
        let mut parts = Vec::new();
        for (k, v) in [("min", c.min), ("max", c.max)] {
            if let Some(v) = v {
                let key = format_ident!("{}", k);
                let lit = typed_literal(v, leaf);
                parts.push(quote!(#key = #lit));
            }
        }
        items.push(quote!(range(#(#parts),*)));
    }
    if let Some(p) = &c.pattern {
        items.push(quote!(regex(pattern = #p)));
    }
    if let Some(inner) = &c.items
        && let Some(i) = constraint_items(inner, leaf)
    {
        items.push(quote!(inner(#i)));
    }
    (!items.is_empty()).then(|| quote!(#(#items),*))
}

fn typed_literal(n: Num, leaf: Option<Scalar>) -> Literal {
    let int = n.as_int();
    match (leaf, int) {
        (Some(Scalar::Uint32 | Scalar::Timestamp), Some(i)) => Literal::u32_suffixed(i as u32),
        (Some(Scalar::Int32), Some(i)) => Literal::i32_suffixed(i as i32),
        (Some(Scalar::Uint64 | Scalar::SteamId), Some(i)) => Literal::u64_suffixed(i as u64),
        (Some(Scalar::Int64), Some(i)) => Literal::i64_suffixed(i as i64),
        _ => Literal::f64_suffixed(n.as_f64()),
    }
}

/// Doc text of a field: description, then notes.
pub fn field_doc(description: Option<&str>, notes: &[String]) -> String {
    docs::paragraphs(
        description
            .into_iter()
            .chain(notes.iter().map(String::as_str)),
    )
}

/// A named type.
pub fn named_type(t: &NamedType, target: Target) -> TokenStream {
    let doc = doc_attr(&docs::paragraphs(
        t.description
            .as_deref()
            .into_iter()
            .chain(t.notes.iter().map(String::as_str)),
    ));
    let json_schema = json_schema_impl(&t.name, &schema::type_path(&t.name), target, |refs| {
        schema::named_type(t, refs)
    });
    match &t.kind {
        TypeKind::Struct(fields) => {
            let name = format_ident!("{}", t.name);
            let fields = fields.iter().map(|f| {
                field(&FieldSpec {
                    wire_name: &f.name,
                    rust_name: &f.rust_name,
                    ty: &f.ty,
                    presence: f.presence,
                    wire: f.wire,
                    constraints: &f.constraints,
                    doc: field_doc(f.description.as_deref(), &f.notes),
                })
            });
            let wire = wire_derive(true);
            quote! {
                #doc
                #[derive(Clone, Debug, Default, PartialEq, #wire)]
                pub struct #name {
                    #(#fields,)*
                }

                #json_schema
            }
        }
        TypeKind::Enum(e) => {
            let e = super::enums::enumeration(t, e, doc);
            quote!(#e #json_schema)
        }
    }
}
