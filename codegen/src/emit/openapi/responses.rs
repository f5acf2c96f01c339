//! Responses: the success body (envelope included, as the bundle's `<op>.response` schema) with
//! the spec's examples, and the error model's responses.

use serde_json::{Map, Value, json};

use super::errors;
use super::parameters::example;
use crate::emit::schema;
use crate::model::Operation;

/// The `responses` of an operation, by status (`200`, `4XX`, ...).
pub fn of(op: &Operation) -> Map<String, Value> {
    let mut out = errors::responses(op);
    out.insert("200".into(), success(op));
    // An example of a failure stands under its own status, with the body it shows.
    for ex in op
        .examples
        .iter()
        .filter(|ex| !(200..300).contains(&ex.status))
    {
        let Some(body) = &ex.response else { continue };
        let entry = out.entry(ex.status.to_string()).or_insert_with(|| {
            json!({
                "description": errors::description(&op.errors),
                "content": { "application/json": { "schema": {}, "examples": {} } },
            })
        });
        entry["content"]["application/json"]["examples"][&ex.name] = example(ex, body.clone());
    }
    out
}

fn success(op: &Operation) -> Value {
    let mut text = op
        .response
        .description
        .clone()
        .unwrap_or_else(|| format!("The result of {}.", op.id()));
    if let Some(envelope) = &op.response.envelope {
        text.push_str(&format!(" The result is wrapped in `{envelope}`."));
    }
    if let Some(note) = errors::in_success_body(&op.errors) {
        text.push_str("\n\n");
        text.push_str(&note);
    }
    let schema = format!("#/components/schemas/{}.response", schema::op_key(op));
    let mut media = Map::new();
    media.insert("schema".into(), json!({ "$ref": schema }));
    let examples: Map<String, Value> = op
        .examples
        .iter()
        .filter(|ex| (200..300).contains(&ex.status))
        .filter_map(|ex| Some((ex.name.clone(), example(ex, ex.response.clone()?))))
        .collect();
    if !examples.is_empty() {
        media.insert("examples".into(), Value::Object(examples));
    }
    let mut response = Map::new();
    response.insert("description".into(), text.trim().into());
    response.insert("content".into(), json!({ "application/json": media }));
    if let Some(codes) = errors::success_code(&op.errors) {
        response.insert("x-success-code".into(), codes);
    }
    Value::Object(response)
}
