//! The two impls. Every generic piece lives once in the runtime
//! (`steam_webapi::__private::codec`), the struct visitor included; what is
//! written here per struct is a key `match`, one call per field and the
//! struct's construction.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use super::ast::{Field, Form, Struct};

/// Whether the field is written (`None` for fields that always are).
fn present(f: &Field) -> Option<TokenStream> {
    let member = f.member;
    f.skip_if.as_ref().map(|p| quote!(!#p(&self.#member)))
}

/// `serialize`: one method call per field on the runtime's `codec::Writer`, which keeps the
/// first error, so there is no `?` per field.
pub fn serialize(s: &Struct) -> TokenStream {
    let ident = s.ident;
    let name = ident.to_string();
    let writes = s.fields.iter().map(|f| {
        let member = f.member;
        let wire = &f.wire;
        let value = match f.form {
            Form::Plain => quote!(&self.#member),
            Form::Number => quote!(&::steam_webapi::__private::codec::AsNumber(&self.#member)),
            Form::String => quote!(&::steam_webapi::__private::codec::AsString(&self.#member)),
        };
        match present(f) {
            Some(p) => quote!(s.field_if(#wire, #value, #p);),
            None => quote!(s.field(#wire, #value);),
        }
    });
    // The field count (a hint for serializers): fixed fields plus the present optional ones.
    let always = s.fields.iter().filter(|f| f.skip_if.is_none()).count();
    let counted: Vec<TokenStream> = s
        .fields
        .iter()
        .filter_map(present)
        .map(|p| quote!(usize::from(#p)))
        .collect();
    let mut len = Vec::new();
    if always > 0 || counted.is_empty() {
        len.push(Literal::usize_unsuffixed(always).into_token_stream());
    }
    len.extend(counted);
    let binding = if s.fields.is_empty() {
        quote!(s)
    } else {
        quote!(mut s)
    };
    quote! {
        impl ::serde::Serialize for #ident {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let #binding = ::steam_webapi::__private::codec::Writer::new(serializer, #name, #(#len)+*);
                #(#writes)*
                s.end()
            }
        }
    }
}

/// `Deserialize` through the runtime's one struct visitor (`codec::deserialize`), and the
/// struct's `codec::Fields`: its name, wire names, required fields, key `match` and the
/// `from_map` body. The body starts from the struct's `Default` and reads each key's value
/// straight into its field with one method call on `codec::Reader`, which keeps the first
/// error, rejects a repeated key and reports a missing required one in `finish`: no `?`, no
/// slot per field, no unwrapping, and no visitor type per struct, which keeps type inference
/// and borrow checking short (each step measured with the compiler's self-profile).
pub fn deserialize(s: &Struct) -> TokenStream {
    let ident = s.ident;
    let name = ident.to_string();
    let wires: Vec<&str> = s.fields.iter().map(|f| f.wire.as_str()).collect();
    let indexes = (0..s.fields.len()).map(Literal::usize_unsuffixed);
    let field_body = if s.fields.is_empty() {
        quote!(usize::MAX)
    } else {
        // A `match` on the names compiles to a few length and byte comparisons; a search
        // through a list of names cost 5-9% on large bodies.
        quote! {
            match name {
                #(#wires => #indexes,)*
                _ => usize::MAX,
            }
        }
    };
    let name_param = if s.fields.is_empty() {
        quote!(_)
    } else {
        quote!(name)
    };
    let required = s
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.default)
        .fold(0u64, |bits, (i, _)| bits | (1 << i));
    let required = Literal::u64_unsuffixed(required);
    // A field left out when empty (`skip_serializing_if`) cannot be null: for the XML and VDF
    // reader its `null` is text. One whose `None` is written as `null` is nullable.
    let optional = s
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.skip_if.is_some())
        .fold(0u64, |bits, (i, _)| bits | (1 << i));
    let optional = Literal::u64_unsuffixed(optional);
    let arms = s.fields.iter().enumerate().map(|(i, f)| {
        let i = Literal::usize_unsuffixed(i);
        let member = f.member;
        let read = match f.form {
            Form::Plain => quote!(read),
            Form::Number | Form::String => quote!(read_lenient),
        };
        quote!(#i => r.#read(&mut v.#member),)
    });
    let (binding, body) = if s.fields.is_empty() {
        (
            quote!(v),
            quote! {
                while r.next_key().is_some() {
                    r.skip();
                }
            },
        )
    } else {
        (
            quote!(mut v),
            quote! {
                while let ::std::option::Option::Some(i) = r.next_key() {
                    match i {
                        #(#arms)*
                        _ => r.skip(),
                    }
                }
            },
        )
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                ::steam_webapi::__private::codec::deserialize(deserializer)
            }
        }

        impl ::steam_webapi::__private::codec::Fields for #ident {
            const NAME: &'static str = #name;
            const FIELDS: &'static [&'static str] = &[#(#wires),*];
            const REQUIRED: u64 = #required;
            const OPTIONAL: u64 = #optional;
            #[inline]
            fn field(#name_param: &str) -> usize {
                #field_body
            }
            fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
                mut r: ::steam_webapi::__private::codec::Reader<'de, A, Self>,
            ) -> ::std::result::Result<Self, A::Error> {
                let #binding = <Self as ::std::default::Default>::default();
                #body
                r.finish(v)
            }
        }
    }
}
