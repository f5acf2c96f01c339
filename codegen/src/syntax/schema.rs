//! `spec/spec.schema.json`: the JSON Schema of the spec format, made from the format's own
//! types so it cannot drift from what the loader accepts.

use schemars::generate::SchemaSettings;

use super::format::{InterfaceFile, ProvidersFile};

/// The schema text, pretty-printed with a trailing newline (deterministic).
pub fn spec_schema_json() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut generator = generator;
    let iface = generator.subschema_for::<InterfaceFile>();
    let providers = generator.subschema_for::<ProvidersFile>();
    let defs = generator.take_definitions(true);
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://steamspec.invalid/spec.schema.json",
        "title": "steamspec spec file",
        "description": "An interface file (spec/<provider>/<Interface>.yaml) or spec/providers.yaml. See spec/README.md.",
        "anyOf": [iface, providers],
        "$defs": defs,
    });
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
