//! The OpenAPI 3.1 emitter: `openapi.json`, every operation of the spec with its path, method,
//! parameters as the provider takes them, credential, response envelope, error model and the
//! spec's examples, for client generators in other languages.
//!
//! The schemas are the bundle's `$defs` (same names, same bodies), embedded under
//! `components/schemas` so that a generator needs one file. Everything is read from the
//! resolved model; maps are sorted, so the bytes are the same on every run.

mod errors;
mod parameters;
mod paths;
mod responses;
mod security;
mod servers;

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::GeneratedFile;
use super::schema::{self, Refs};
use crate::generate::GENERATED_MARKER;
use crate::model::Model;

/// Where `steamspec generate` writes the document, relative to the output folder.
pub const PATH: &str = "openapi.json";

/// The OpenAPI version written.
pub const OPENAPI_VERSION: &str = "3.1.0";

/// The document's root. A struct rather than a map, so that the marker comes first (a generated
/// JSON file carries it in its second line) and the rest in the order OpenAPI lists them.
#[derive(Serialize)]
struct Document {
    #[serde(rename = "x-generated")]
    generated: String,
    openapi: &'static str,
    info: Value,
    servers: Vec<Value>,
    tags: Vec<Value>,
    paths: Map<String, Value>,
    components: Value,
}

/// The OpenAPI document of the whole model, as the value written to `openapi.json` (the marker
/// included).
pub fn document(model: &Model) -> Value {
    serde_json::to_value(root(model)).unwrap_or_default()
}

/// `openapi.json`.
pub fn emit(model: &Model) -> GeneratedFile {
    let mut contents = serde_json::to_string_pretty(&root(model)).unwrap_or_default();
    contents.push('\n');
    GeneratedFile {
        path: PATH.to_string(),
        source: "spec/".to_string(),
        contents,
    }
}

fn root(model: &Model) -> Document {
    Document {
        generated: format!("{GENERATED_MARKER} from spec/; do not edit"),
        openapi: OPENAPI_VERSION,
        info: info(model),
        servers: servers::all(model),
        tags: tags(model),
        paths: paths::all(model),
        components: json!({
            "schemas": schema::defs(model, &Refs::Components),
            "securitySchemes": security::schemes(model),
        }),
    }
}

fn info(model: &Model) -> Value {
    let titles: Vec<&str> = model.providers.values().map(|p| p.title.as_str()).collect();
    let mut text = vec![
        "Every operation of the steamspec specs: one path item per operation, parameters as \
         the provider takes them, the credential as a security scheme, each response with its \
         envelope and error model. The schemas are those of schemas/bundle.json."
            .to_string(),
    ];
    for p in model.providers.values() {
        if let Some(d) = &p.description {
            text.push(format!("{}: {}", p.title, d.trim()));
        }
    }
    json!({
        "title": titles.join(" and "),
        "version": env!("CARGO_PKG_VERSION"),
        "description": text.join("\n\n"),
    })
}

/// One tag per interface, described from its spec file.
fn tags(model: &Model) -> Vec<Value> {
    model
        .interfaces
        .values()
        .map(|i| {
            let mut tag = Map::new();
            tag.insert("name".into(), i.name.clone().into());
            let text = paragraphs(i.description.as_deref(), &i.notes);
            if !text.is_empty() {
                tag.insert("description".into(), text.into());
            }
            Value::Object(tag)
        })
        .collect()
}

/// A text and its remarks as Markdown paragraphs.
fn paragraphs(text: Option<&str>, notes: &[String]) -> String {
    text.into_iter()
        .chain(notes.iter().map(String::as_str))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
