//! `schemars::JsonSchema` for the generated types (the crate's `schemars` feature).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use super::Target;
use crate::emit::schema::Refs;

/// `impl JsonSchema` for a generated type, in the crate only (a build script's output has no
/// `schemars` feature), as one call of the runtime's `json_schema_impl!`. The schema is the
/// type's file under `schemas/` (`path`, relative to it; `schema` writes that file's content
/// for references relative to `path`), read with `include_str!`: the runtime drops the file's
/// own `$schema`, `$id`, `title` and `$comment`, and swaps each reference to another type's
/// file (listed here with the type it names) for the generator's own reference
/// (`subschema_for`). Much cheaper to compile than schemars' derive, which builds every schema
/// with `json!` code, and the generated Rust stays free of JSON.
pub fn json_schema_impl(
    name: &str,
    path: &str,
    target: Target,
    schema: impl FnOnce(&Refs) -> Value,
) -> TokenStream {
    if target != Target::Crate {
        return quote!();
    }
    let ty = format_ident!("{}", name);
    let mut refs = BTreeSet::new();
    collect_refs(&schema(&Refs::File { from: path }), &mut refs);
    let refs = refs.iter().map(|r| {
        // `../types/Name.json` (`schema::type_path`) refers to `Name`.
        let target = r
            .rsplit('/')
            .next()
            .and_then(|f| f.strip_suffix(".json"))
            .unwrap_or(r);
        let t = format_ident!("{}", target);
        quote!((#r, #t))
    });
    quote! {
        #[cfg(feature = "schemars")]
        ::steam_webapi::__private::json_schema_impl!(#ty, #path, [#(#refs),*]);
    }
}

/// The `$ref` values of a schema.
fn collect_refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.insert(r.clone());
            }
            m.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}
