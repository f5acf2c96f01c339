//! `Serialize` and `Deserialize` impls of structs, written out rather than derived.
//!
//! serde's derive costs most of the generated crate's compile time (a sequence visitor, a
//! field enum with three visitors and a wrapper type per `with =` field, twice). These impls
//! do what the derive did for the shapes the spec has (renames, optional, nullable and
//! absent-vs-null fields, lenient numbers, unknown keys skipped) with one call per field into
//! the runtime's `codec` helpers. Requests get `Serialize` only.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, format_ident, quote};

use super::ident;
use super::types::{FieldSpec, Presence, rust_type, wire_number};
use crate::model::Wire;

/// The helpers' module, imported by name in each impl to keep the calls short.
fn codec() -> TokenStream {
    quote!(codec)
}

fn use_codec() -> TokenStream {
    quote!(
        use ::steam_webapi::__private::codec;
    )
}

/// `impl Serialize`: fields in order, absent optional fields left out.
pub fn serialize(name: &str, fields: &[FieldSpec]) -> TokenStream {
    let ty = format_ident!("{}", name);
    let c = codec();
    let mut always = 0usize;
    let mut counted = Vec::new();
    let writes = fields.iter().map(|f| {
        let id = ident(f.rust_name);
        let wire = f.wire_name;
        let value = if wire_number(f.ty) {
            match f.wire {
                Wire::String => quote!(&#c::AsString(&self.#id)),
                Wire::Number | Wire::Either => quote!(&#c::AsNumber(&self.#id)),
            }
        } else {
            quote!(&self.#id)
        };
        match present(f.presence, &id) {
            Some(p) => quote!(#c::write_if(&mut s, #wire, #value, #p)?;),
            None => quote!(#c::write(&mut s, #wire, #value)?;),
        }
    });
    let writes: Vec<_> = writes.collect();
    for f in fields {
        match present(f.presence, &ident(f.rust_name)) {
            Some(p) => counted.push(quote!(usize::from(#p))),
            None => always += 1,
        }
    }
    // The field count (a hint for serializers): fixed fields plus the present optional ones.
    let mut len = Vec::new();
    if always > 0 || counted.is_empty() {
        len.push(Literal::usize_unsuffixed(always).into_token_stream());
    }
    len.extend(counted);
    let (s, import) = if fields.is_empty() {
        (quote!(s), TokenStream::new())
    } else {
        (quote!(mut s), use_codec())
    };
    quote! {
        impl ::serde::Serialize for #ty {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #import
                let #s = ::serde::Serializer::serialize_struct(serializer, #name, #(#len)+*)?;
                #(#writes)*
                ::serde::ser::SerializeStruct::end(s)
            }
        }
    }
}

/// Whether an optional field is written (`None` for fields that always are).
fn present(p: Presence, id: &proc_macro2::Ident) -> Option<TokenStream> {
    match p {
        Presence::Optional => Some(quote!(self.#id.is_some())),
        Presence::OptionalNullable => Some(quote!(!self.#id.is_absent())),
        Presence::Required | Presence::Nullable => None,
    }
}

/// `impl Deserialize`: a map visitor; required fields must be there, the others default
/// (`None`, `Maybe::Absent`), unknown keys are skipped, a repeated key is an error.
pub fn deserialize(name: &str, fields: &[FieldSpec]) -> TokenStream {
    let ty = format_ident!("{}", name);
    let c = codec();
    let expecting = format!("struct {name}");
    let import = use_codec();
    let wires: Vec<&str> = fields.iter().map(|f| f.wire_name).collect();
    let indexes = (0..fields.len()).map(Literal::usize_unsuffixed);
    let field_fn = if fields.is_empty() {
        quote!(
            fn field(_: &str) -> usize {
                usize::MAX
            }
        )
    } else {
        quote! {
            fn field(name: &str) -> usize {
                match name {
                    #(#wires => #indexes,)*
                    _ => usize::MAX,
                }
            }
        }
    };
    let slots: Vec<_> = fields
        .iter()
        .map(|f| format_ident!("f_{}", f.rust_name.trim_start_matches("r#")))
        .collect();
    // Each arm yields a `Result` and one `?` follows the match; slots are typed and required
    // fields are unwrapped with let-else: all three keep type inference and borrow checking
    // of the visitor short (measured: a third of its check time).
    let arms = fields.iter().zip(&slots).enumerate().map(|(i, (f, slot))| {
        let i = Literal::usize_unsuffixed(i);
        let wire = f.wire_name;
        let read = if wire_number(f.ty) {
            quote!(read_lenient)
        } else {
            quote!(read)
        };
        quote!(#i => #c::#read(&mut map, &mut #slot, #wire),)
    });
    let decls = fields.iter().zip(&slots).map(|(f, slot)| {
        let ty = f.presence.wrap(rust_type(f.ty));
        quote!(let mut #slot: ::std::option::Option<#ty> = ::std::option::Option::None;)
    });
    let unwraps = fields
        .iter()
        .zip(&slots)
        .filter(|(f, _)| f.presence == Presence::Required)
        .map(|(f, slot)| {
            let wire = f.wire_name;
            quote! {
                let ::std::option::Option::Some(#slot) = #slot else {
                    return ::std::result::Result::Err(<A::Error as ::serde::de::Error>::missing_field(#wire));
                };
            }
        });
    let inits = fields.iter().zip(&slots).map(|(f, slot)| {
        let id = ident(f.rust_name);
        match f.presence {
            Presence::Required => quote!(#id: #slot),
            _ => quote!(#id: #slot.unwrap_or_default()),
        }
    });
    let body = if fields.is_empty() {
        quote! {
            while map.next_key_seed(#c::FieldIndex(field))?.is_some() {
                #c::skip(&mut map)?;
            }
        }
    } else {
        quote! {
            #(#decls)*
            while let ::std::option::Option::Some(i) = map.next_key_seed(#c::FieldIndex(field))? {
                match i {
                    #(#arms)*
                    _ => #c::skip(&mut map),
                }?;
            }
            #(#unwraps)*
        }
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                const FIELDS: &[&str] = &[#(#wires),*];
                #field_fn
                struct __Visitor;
                impl<'de> ::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#ty, A::Error> {
                        #import
                        #body
                        ::std::result::Result::Ok(#ty { #(#inits),* })
                    }
                }
                ::serde::Deserializer::deserialize_struct(deserializer, #name, FIELDS, __Visitor)
            }
        }
    }
}
