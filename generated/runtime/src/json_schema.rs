//! The body of the generated types' `schemars::JsonSchema` impls (feature `schemars`).
//!
//! Each generated type's impl reads its file under `schemas/` (`include_str!`), whose
//! references to other types are relative paths to their files (`../types/Name.json`). Here
//! that text becomes a [`Schema`]: the file's own `$schema`, `$id`, `title` and `$comment` go
//! (the generator sets its own), and each reference becomes the generator's own
//! (`#/$defs/Name`, or whatever its settings say), which also registers the referenced type's
//! definition.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value;

/// What a schema file says about itself, not about the type.
const FILE_META: [&str; 4] = ["$schema", "$id", "title", "$comment"];

/// Returns the generator's reference to `T` (and registers `T`'s definition).
pub type Subschema = fn(&mut SchemaGenerator) -> Schema;

/// `JsonSchema::json_schema` of a generated type: `schema` without its file's meta keys, and
/// with every `{"$ref": r}` whose `r` is in `refs` replaced by that entry's subschema (siblings
/// of the `$ref` are kept).
///
/// # Panics
///
/// If `schema` is not a JSON object. The text is written by the generator and every type's
/// schema is checked by the crate's tests, so this only happens on a generator bug.
pub fn json_schema(
    generator: &mut SchemaGenerator,
    schema: &str,
    refs: &[(&str, Subschema)],
) -> Schema {
    let mut value: Value = match serde_json::from_str(schema) {
        Ok(v @ Value::Object(_)) => v,
        Ok(_) => panic!("steam_webapi: a generated schema is not a JSON object"),
        Err(e) => panic!("steam_webapi: a generated schema is not JSON: {e}"),
    };
    if let Value::Object(map) = &mut value {
        for meta in FILE_META {
            map.remove(meta);
        }
    }
    resolve(&mut value, generator, refs);
    Schema::try_from(value).unwrap_or_else(|_| unreachable!("checked to be an object above"))
}

/// `impl schemars::JsonSchema` for a generated type: its name, an id unique to its module, and
/// its schema file (`$file`, relative to the invoking crate's `schemas/`) with each reference
/// (`$ref_file`) to another type's file swapped for that type's subschema. One line per type
/// in the generated code instead of the impl written out (a quarter of the generated Rust).
#[doc(hidden)]
#[macro_export]
macro_rules! __json_schema_impl {
    ($ty:ident, $file:literal, [$(($ref_file:literal, $ref_ty:ident)),* $(,)?]) => {
        impl ::schemars::JsonSchema for $ty {
            #[inline]
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::stringify!($ty).into()
            }

            #[inline]
            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::concat!(::std::module_path!(), "::", ::std::stringify!($ty)).into()
            }

            #[inline]
            fn json_schema(generator: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                $crate::__private::json_schema(
                    generator,
                    ::std::include_str!(::std::concat!(
                        ::std::env!("CARGO_MANIFEST_DIR"),
                        "/schemas/",
                        $file
                    )),
                    &[$(($ref_file, $crate::__private::subschema::<$ref_ty>)),*],
                )
            }
        }
    };
}

/// The [`Subschema`] of `T`.
pub fn subschema<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

fn resolve(value: &mut Value, generator: &mut SchemaGenerator, refs: &[(&str, Subschema)]) {
    match value {
        Value::Object(map) => {
            let target = match map.get("$ref") {
                Some(Value::String(name)) => refs.iter().find(|(n, _)| n == name),
                _ => None,
            };
            if let Some((_, subschema)) = target {
                // The reference's siblings (a field's description) stay and win over the
                // keys of an inlined subschema.
                map.remove("$ref");
                if let Value::Object(sub) = subschema(generator).to_value() {
                    for (k, v) in sub {
                        map.entry(k).or_insert(v);
                    }
                }
                return;
            }
            for v in map.values_mut() {
                resolve(v, generator, refs);
            }
        }
        Value::Array(items) => {
            for v in items {
                resolve(v, generator, refs);
            }
        }
        _ => {}
    }
}
