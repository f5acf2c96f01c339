//! `#[derive(Validate)]` for steam-webapi.
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
mod ty;
mod valid;

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
