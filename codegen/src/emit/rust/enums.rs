//! Rust for enum types: the enum, its wire value both ways, and its serde, validation and
//! query impls. An open enum keeps an unknown value (`Unknown(..)`), so reading one never
//! fails; a closed enum refuses it.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::doc_attr;
use crate::emit::docs;
use crate::model::*;

/// The enum `t` and its impls.
pub fn enumeration(t: &NamedType, e: &EnumType, doc: TokenStream) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let string = e.repr == EnumRepr::String;
    let variants: Vec<_> = e
        .values
        .iter()
        .map(|v| format_ident!("{}", v.rust_name))
        .collect();
    let docs = e.values.iter().map(|v| {
        let text = match &v.description {
            Some(d) => format!("`{}`: {}", v.value, docs::sanitize(d)),
            None => format!("`{}`", v.value),
        };
        doc_attr(&text)
    });
    let unknown_ty = if string {
        quote!(::std::string::String)
    } else {
        quote!(i64)
    };
    let unknown_variant = e.open.then(|| {
        quote! {
            /// A value this version of the spec does not know; kept so the response still decodes.
            Unknown(#unknown_ty),
        }
    });
    let non_exhaustive = e.open.then(|| quote!(#[non_exhaustive]));
    // The runtime's struct decoder starts from the struct's `Default` (codec::Reader), so an
    // enum a struct holds needs one: the first value.
    let defaults = (0..e.values.len()).map(|i| (i == 0).then(|| quote!(#[default])));
    let wire = wire_impl(t, e, &variants);
    let serde = serde_impls(&name, e);
    let query = if string {
        quote!(out.push_str(self.as_str()))
    } else {
        quote!(::steam_webapi::__private::QueryValue::write_query_value(
            &self.value(),
            out
        ))
    };
    quote! {
        #doc
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #non_exhaustive
        pub enum #name {
            #(#docs #defaults #variants,)*
            #unknown_variant
        }

        #wire

        #serde

        // Every value of an enum is valid; unknown ones are kept, not rejected.
        impl ::steam_webapi::validate::Validate for #name {
            #[inline]
            fn validate_at(
                &self,
                _path: &::steam_webapi::validate::FieldPath<'_>,
                _errors: &mut ::steam_webapi::validate::ValidationErrors,
            ) {
            }
        }

        impl ::steam_webapi::__private::QueryValue for #name {
            #[inline]
            fn write_query_value(&self, out: &mut ::std::string::String) {
                #query
            }
        }
    }
}

/// `as_str` / `value` (the wire value) and `from_wire` (its reverse): infallible for an open
/// enum, which keeps what it does not know.
fn wire_impl(t: &NamedType, e: &EnumType, variants: &[proc_macro2::Ident]) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let string = e.repr == EnumRepr::String;
    let lits: Vec<TokenStream> = e
        .values
        .iter()
        .map(|v| match &v.value {
            EnumLit::Str(s) => quote!(#s),
            EnumLit::Int(i) => {
                let l = Literal::i64_unsuffixed(*i);
                quote!(#l)
            }
        })
        .collect();
    let (value_fn, value_doc, lit_ty) = if string {
        (
            quote!(as_str),
            " The value as written on the wire.",
            quote!(&str),
        )
    } else {
        (
            quote!(value),
            " The integer written on the wire.",
            quote!(i64),
        )
    };
    let unknown_arm = match (e.open, string) {
        (false, _) => None,
        (true, true) => Some(quote!(Self::Unknown(s) => s.as_str(),)),
        (true, false) => Some(quote!(Self::Unknown(v) => *v,)),
    };
    let from_wire = if e.open {
        let keep = if string {
            quote!(v.to_owned())
        } else {
            quote!(v)
        };
        quote! {
            /// Reads a wire value; an unknown one is kept as `Unknown`.
            #[inline]
            pub fn from_wire(v: #lit_ty) -> Self {
                match v {
                    #(#lits => Self::#variants,)*
                    _ => Self::Unknown(#keep),
                }
            }
        }
    } else {
        let names = t.name.as_str();
        let shown = if string { "{:?}" } else { "{}" };
        let message = format!("unknown {names} value {shown}");
        quote! {
            /// Reads a wire value; this enum is closed, so an unknown one is an error.
            #[inline]
            pub fn from_wire(v: #lit_ty) -> ::std::result::Result<Self, ::std::string::String> {
                match v {
                    #(#lits => Ok(Self::#variants),)*
                    _ => Err(::std::format!(#message, v)),
                }
            }
        }
    };
    quote! {
        impl #name {
            #[doc = #value_doc]
            #[inline]
            pub fn #value_fn(&self) -> #lit_ty {
                match self {
                    #(Self::#variants => #lits,)*
                    #unknown_arm
                }
            }

            #from_wire
        }
    }
}

/// `Serialize` and `Deserialize` through the wire value.
fn serde_impls(name: &proc_macro2::Ident, e: &EnumType) -> TokenStream {
    let string = e.repr == EnumRepr::String;
    let (ser, read) = if string {
        (
            quote!(serializer.serialize_str(self.as_str())),
            quote!(let v = ::steam_webapi::__private::deserialize_enum_str(deserializer)?;),
        )
    } else {
        (
            quote!(serializer.serialize_i64(self.value())),
            quote!(let v = ::steam_webapi::__private::deserialize_enum_int(deserializer)?;),
        )
    };
    let arg = if string { quote!(&v) } else { quote!(v) };
    let de = if e.open {
        quote!(::std::result::Result::Ok(Self::from_wire(#arg)))
    } else {
        quote!(Self::from_wire(#arg).map_err(::serde::de::Error::custom))
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #ser
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #read
                #de
            }
        }
    }
}
