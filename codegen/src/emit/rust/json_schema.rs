//! `schemars::JsonSchema` for the generated types (the crate's `schemars` feature).

use std::collections::BTreeSet;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::Target;

/// `impl JsonSchema` for a generated type, in the crate only (a build script's output has no
/// `schemars` feature). The schema is the one the schema emitter writes for the type (the
/// wire form, as in `schemas/`), embedded as JSON text: the runtime parses it and swaps each
/// reference to another type for the generator's own (`subschema_for`). Much cheaper to
/// compile than schemars' derive, which builds every schema with `json!` code.
pub fn json_schema_impl(name: &str, schema: &Value, target: Target) -> TokenStream {
    if target != Target::Crate {
        return quote!();
    }
    let ty = format_ident!("{}", name);
    let mut refs = BTreeSet::new();
    collect_refs(schema, &mut refs);
    let refs = refs.iter().map(|r| {
        let t = format_ident!("{}", r);
        quote!((#r, ::steam_webapi::__private::subschema::<#t>))
    });
    let text = raw_string(&schema.to_string());
    quote! {
        #[cfg(feature = "schemars")]
        impl ::schemars::JsonSchema for #ty {
            #[inline]
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                #name.into()
            }

            #[inline]
            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::concat!(::std::module_path!(), "::", #name).into()
            }

            #[inline]
            fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::steam_webapi::__private::json_schema(generator, #text, &[#(#refs),*])
            }
        }
    }
}

/// `r#"..."#` with as many `#` as the text needs: JSON stays readable in the source.
fn raw_string(text: &str) -> Literal {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| Literal::string(text))
}

/// The type names of `{"$ref": "Name"}` (`Refs::Rust`) in a schema.
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
