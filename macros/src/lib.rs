//! `#[derive(Validate)]` for steam-webapi, and the lean serde derives of
//! its generated structs ([`wire`]); `Data` and `Request` combine them, so the
//! generated code names one derive per type and each type is parsed once.
//!
//! The pipeline follows serde_derive and thiserror-impl: [`ast`] reads the
//! input into a small AST (attributes through [`attr`]), [`valid`] checks it,
//! and [`expand`] emits the impl. Every error is collected in a [`ctxt::Ctxt`]
//! and reported together, each spanned at the offending tokens.
//!
//! The attribute syntax is documented on `steam_webapi::validate`.

mod ast;
mod attr;
mod case;
mod ctxt;
mod expand;
mod symbol;
mod ty;
mod valid;
mod wire;

use proc_macro::TokenStream;

/// Implements `steam_webapi::validate::Validate`.
///
/// Reads the JSON-Schema-expressible rules from `#[schemars(...)]` (so they
/// are written once, for both derives) and the rest from `#[validate(...)]`.
/// Wire names come from `#[serde(rename = ...)]`, which it declares too, so
/// that types with hand-written serde impls can still carry them.
#[proc_macro_derive(Validate, attributes(validate, schemars, serde))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

/// `serde::Serialize` for the generated crate's structs (see [`wire`]): use
/// as `#[derive(steam_webapi::__private::Serialize)]`.
#[doc(hidden)]
#[proc_macro_derive(Serialize, attributes(serde))]
pub fn derive_serialize(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    wire::derive(&input, &[wire::Direction::Serialize]).into()
}

/// `serde::Deserialize` for the generated crate's structs (see [`wire`]).
#[doc(hidden)]
#[proc_macro_derive(Deserialize, attributes(serde))]
pub fn derive_deserialize(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    wire::derive(&input, &[wire::Direction::Deserialize]).into()
}

/// `Serialize`, `Deserialize` and `Validate` in one derive, for the generated
/// crate's data types: the item, whose doc comments are most of its tokens, is
/// parsed once instead of three times (a tenth of the crate's check time).
#[doc(hidden)]
#[proc_macro_derive(Data, attributes(serde, schemars, validate))]
pub fn derive_data(input: TokenStream) -> TokenStream {
    use wire::Direction::{Deserialize, Serialize};
    combined(input, &[Serialize, Deserialize])
}

/// `Serialize` and `Validate` in one derive, for the generated request types
/// (which are never deserialized).
#[doc(hidden)]
#[proc_macro_derive(Request, attributes(serde, schemars, validate))]
pub fn derive_request(input: TokenStream) -> TokenStream {
    combined(input, &[wire::Direction::Serialize])
}

fn combined(input: TokenStream, directions: &[wire::Direction]) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    let mut out = wire::derive(&input, directions);
    out.extend(expand::derive(&input));
    out.into()
}
