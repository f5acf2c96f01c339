//! The JSON Schema emitter (draft 2020-12): one file per named type, a request and a response
//! schema per operation, a bundle with everything under `$defs`, and `index.json`.
//!
//! Rules that keep other languages safe: 64-bit integers (SteamID64 above all) are strings with a
//! digits pattern, never JSON numbers; uint32 carries its maximum; open enums admit any value of
//! their representation (a new value from Steam must not fail validation), closed ones list
//! theirs; no `format` values (ajv's strict mode rejects unknown ones).

mod int_pattern;
mod value;

use serde_json::{Map, Value, json};

use super::GeneratedFile;
use crate::model::*;
pub use value::{Refs, field, named_type, request, response};

/// The base of every `$id`; files refer to each other with relative `$ref`s below it.
pub const BASE_ID: &str = "https://steamspec.invalid/schemas/";
const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Paths of an operation's schemas, relative to `schemas/`.
pub fn op_paths(op: &Operation) -> (String, String) {
    let base = format!("operations/{}/{}.v{}", op.interface, op.method, op.version);
    (
        format!("{base}.request.json"),
        format!("{base}.response.json"),
    )
}

/// The key of an operation's schemas among the bundle's `$defs` (and an OpenAPI document's
/// components): `<Interface>.<Method>.v<N>`, followed by `.request` or `.response`.
pub fn op_key(op: &Operation) -> String {
    format!("{}.{}.v{}", op.interface, op.method, op.version)
}

/// Every schema under one name each: named types by name, operations' request and response
/// schemas as `<op_key>.request` / `.response`; references written as `refs` says.
pub fn defs(model: &Model, refs: &Refs) -> Map<String, Value> {
    let mut defs = Map::new();
    for t in model.types.values() {
        defs.insert(t.name.clone(), value::named_type(t, refs));
    }
    for op in model.operations() {
        let key = op_key(op);
        defs.insert(format!("{key}.request"), value::request(op, refs));
        defs.insert(format!("{key}.response"), value::response(op, refs));
    }
    defs
}

/// Path of a named type's schema, relative to `schemas/`.
pub fn type_path(name: &str) -> String {
    format!("types/{name}.json")
}

/// Every schema file, under `schemas/`, sorted by path.
pub fn emit(model: &Model) -> Vec<GeneratedFile> {
    let mut out = Vec::new();
    for t in model.types.values() {
        let path = type_path(&t.name);
        let body = value::named_type(t, &Refs::File { from: &path });
        out.push(file(
            &path,
            &t.interface_file(model),
            with_meta(&path, &t.name, body.clone()),
        ));
    }
    let mut ops_index = Vec::new();
    for op in model.operations() {
        let (req, resp) = op_paths(op);
        let source = model.interfaces[&op.interface].file.clone();
        let title = format!("{} request", op.id());
        out.push(file(
            &req,
            &source,
            with_meta(&req, &title, value::request(op, &Refs::File { from: &req })),
        ));
        let title = format!("{} response", op.id());
        out.push(file(
            &resp,
            &source,
            with_meta(
                &resp,
                &title,
                value::response(op, &Refs::File { from: &resp }),
            ),
        ));
        ops_index.push(json!({
            "provider": op.provider,
            "interface": op.interface,
            "method": op.method,
            "version": op.version,
            "status": match op.status { Status::Live => "live", Status::Proposed => "proposed" },
            "visibility": match op.visibility { Visibility::Public => "public", Visibility::Publisher => "publisher" },
            "imported": op.imported.is_some(),
            "request": req,
            "response": resp,
        }));
    }
    let bundle = json!({
        "$schema": DRAFT,
        "$id": format!("{BASE_ID}bundle.json"),
        "title": "steamspec: every type and operation",
        "description": "All schemas of the spec in one file, under $defs: named types by name, operations as <Interface>.<Method>.v<N>.request / .response.",
        "$defs": defs(model, &Refs::Bundle),
    });
    out.push(file("bundle.json", "spec/", bundle));
    let types: Vec<Value> = model
        .types
        .keys()
        .map(|n| json!({ "name": n, "schema": type_path(n) }))
        .collect();
    let index = json!({ "operations": ops_index, "types": types });
    out.push(file("index.json", "spec/", index));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

impl NamedType {
    fn interface_file(&self, model: &Model) -> String {
        model
            .interfaces
            .get(&self.interface)
            .map_or_else(|| "spec/".to_string(), |i| i.file.clone())
    }
}

/// `$schema`, `$id` and `title` first, then the body's keys.
fn with_meta(path: &str, title: &str, body: Value) -> Value {
    let mut m = Map::new();
    m.insert("$schema".into(), DRAFT.into());
    m.insert("$id".into(), format!("{BASE_ID}{path}").into());
    m.insert("title".into(), title.into());
    if let Value::Object(b) = body {
        for (k, v) in b {
            m.insert(k, v);
        }
    }
    Value::Object(m)
}

/// JSON files carry no comments, so the @generated marker is a `$comment`.
fn file(path: &str, source: &str, mut v: Value) -> GeneratedFile {
    if let Value::Object(m) = &mut v {
        m.insert(
            "$comment".into(),
            format!("@generated by steamspec from {source}; do not edit").into(),
        );
    }
    let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
    text.push('\n');
    GeneratedFile {
        path: format!("schemas/{path}"),
        source: source.to_string(),
        contents: text,
    }
}
