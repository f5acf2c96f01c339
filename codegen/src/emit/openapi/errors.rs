//! The error models as responses: an HTTP status with a text body (Steam), a `success` code in
//! the 2xx body (ISteamHub), or a non-2xx status with a JSON `message` (backpack.tf).
//!
//! Every operation goes over HTTP, so every one gets `4XX` and `5XX`; the model decides their
//! bodies, and a success-code model is also described on the success response.

use serde_json::{Map, Value, json};

use crate::model::{ErrorModel, Operation};

/// `4XX` and `5XX`, with the bodies the operation's model says failures carry.
pub fn responses(op: &Operation) -> Map<String, Value> {
    let errors = &op.errors;
    // The status is the error; the body is a short text or HTML page, sometimes `{}`.
    let mut content = json!({
        "text/plain": { "schema": { "type": "string" } },
        "text/html": { "schema": { "type": "string" } },
    });
    if let ErrorModel::Message { field, .. } = errors {
        // The reason in a JSON body, inside the envelope when the operation has one; a body
        // without it (an HTML error page) is plain text.
        content["application/json"] =
            json!({ "schema": message(field, op.response.envelope.as_deref()) });
        if let Value::Object(m) = &mut content {
            m.remove("text/plain");
        }
    }
    let text = description(errors);
    ["4XX", "5XX"]
        .into_iter()
        .map(|status| {
            let response = json!({ "description": text, "content": content });
            (status.to_string(), response)
        })
        .collect()
}

/// `{"<field>": "why"}`, wrapped in `{"<envelope>": ..}` when there is one.
fn message(field: &str, envelope: Option<&str>) -> Value {
    let body = json!({
        "type": "object",
        "properties": { field: { "type": "string", "description": "Why the call failed." } },
        "required": [field],
    });
    match envelope {
        Some(e) => json!({ "type": "object", "properties": { e: body }, "required": [e] }),
        None => body,
    }
}

/// What a failure response is, from the model's description.
pub fn description(errors: &ErrorModel) -> String {
    let (kind, text) = match errors {
        ErrorModel::HttpStatus { .. } => ("The status is the error.", errors.description()),
        ErrorModel::Message { .. } => (
            "The status is the error; the body says why.",
            errors.description(),
        ),
        // The model's text is about the 2xx body; these are the host's own failures.
        ErrorModel::SuccessCode { .. } => (
            "The status is the error (the host's own failures; the API's show in the success body).",
            None,
        ),
    };
    match text {
        Some(d) if !d.trim().is_empty() => format!("{kind} {}", d.trim()),
        _ => kind.to_string(),
    }
}

/// For a success-code model, how a 2xx body reports failure, as text for the success response.
pub fn in_success_body(errors: &ErrorModel) -> Option<String> {
    let ErrorModel::SuccessCode {
        field,
        success,
        message_field,
        codes,
        description,
    } = errors
    else {
        return None;
    };
    let mut text = format!("Failure shows in the body: `{field}` other than {success}.");
    if let Some(m) = message_field {
        text.push_str(&format!(" `{m}` describes the outcome."));
    }
    for c in codes {
        let what = c
            .description
            .as_deref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default();
        text.push_str(&format!("\n- {} (`{}`){what}", c.value, c.name));
    }
    if let Some(d) = description {
        text.push_str(&format!("\n\n{}", d.trim()));
    }
    Some(text)
}

/// `x-success-code`: the success-code model as data, for generators that read extensions.
pub fn success_code(errors: &ErrorModel) -> Option<Value> {
    let ErrorModel::SuccessCode {
        field,
        success,
        message_field,
        codes,
        ..
    } = errors
    else {
        return None;
    };
    let codes: Vec<Value> = codes
        .iter()
        .map(|c| json!({ "value": c.value, "name": c.name, "description": c.description }))
        .collect();
    Some(json!({
        "field": field,
        "success": success,
        "message_field": message_field,
        "codes": codes,
    }))
}
