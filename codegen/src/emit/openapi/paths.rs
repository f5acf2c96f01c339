//! Path items: one operation per (path, HTTP method), with its server, tag, names, texts,
//! credential, parameters and responses.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::{paragraphs, parameters, responses, security, servers};
use crate::model::*;

/// `paths`: by path; operations sharing a path (backpack.tf's REST verbs) share its item, which
/// names their server, or each names its own when their hosts differ.
pub fn all(model: &Model) -> Map<String, Value> {
    let mut by_path: BTreeMap<&str, Vec<&Operation>> = BTreeMap::new();
    for op in model.operations() {
        by_path.entry(op.path.as_str()).or_default().push(op);
    }
    let mut out = Map::new();
    for (path, ops) in by_path {
        let shared = ops.iter().all(|o| o.host == ops[0].host);
        let mut item = Map::new();
        if shared {
            item.insert("servers".into(), servers::of(ops[0]).into());
        }
        for op in ops {
            let Some(provider) = model.providers.get(&op.provider) else {
                continue;
            };
            let mut operation = operation(model, provider, op);
            if !shared {
                operation.insert("servers".into(), servers::of(op).into());
            }
            item.insert(method(op.http).into(), Value::Object(operation));
        }
        out.insert(path.to_string(), Value::Object(item));
    }
    out
}

fn method(http: HttpMethod) -> &'static str {
    match http {
        HttpMethod::Get => "get",
        HttpMethod::Post => "post",
        HttpMethod::Put => "put",
        HttpMethod::Patch => "patch",
        HttpMethod::Delete => "delete",
    }
}

fn operation(model: &Model, provider: &Provider, op: &Operation) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("operationId".into(), operation_id(model, op).into());
    m.insert("tags".into(), json!([op.interface]));
    m.insert("summary".into(), summary(op).into());
    m.insert("description".into(), description(op).into());
    if op.status == Status::Proposed {
        // Documented but never shipped: generated clients warn before anyone relies on it.
        m.insert("deprecated".into(), true.into());
        m.insert("x-status".into(), "proposed".into());
    }
    if op.visibility == Visibility::Publisher {
        m.insert("x-publisher-only".into(), true.into());
    }
    if let Some(listing) = &op.imported {
        // Not typed by a person yet: generators and readers learn the response is any JSON.
        m.insert("x-imported".into(), listing.clone().into());
    }
    let request = parameters::request(provider, op);
    if !request.parameters.is_empty() {
        m.insert("parameters".into(), request.parameters.into());
    }
    if let Some(body) = request.body {
        m.insert("requestBody".into(), body);
    }
    m.insert("responses".into(), Value::Object(responses::of(op)));
    m.insert("security".into(), security::of(provider, op));
    m
}

/// `<Interface>_<Method>`, with `_v<N>` when the interface specifies several versions of the
/// method: stable when other interfaces are added, and a plain identifier in every language
/// (openapi-python-client makes `isteam_user_get_player_summaries`).
pub fn operation_id(model: &Model, op: &Operation) -> String {
    let versions = model.interfaces.get(&op.interface).map_or(1, |i| {
        i.operations
            .iter()
            .filter(|o| o.method == op.method)
            .count()
    });
    if versions > 1 {
        format!("{}_{}_v{}", op.interface, op.method, op.version)
    } else {
        format!("{}_{}", op.interface, op.method)
    }
}

/// The description's first sentence.
fn summary(op: &Operation) -> String {
    let text = op.description.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| c == '.' && text[i + 1..].starts_with(char::is_whitespace))
        .map_or(text.len(), |(i, _)| i + 1);
    match text[..end].trim() {
        "" => op.id(),
        first => first.to_string(),
    }
}

/// The docs' words, the spec's remarks, and what the model decided that a reader must know.
fn description(op: &Operation) -> String {
    let mut text = paragraphs(Some(&op.description), &op.notes);
    let mut add = |line: String| {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&line);
    };
    add(format!("`{}` {}", method(op.http).to_uppercase(), op.path));
    for rule in &op.rules {
        add(match rule {
            Rule::AtLeastOneOf(names) => format!("Give at least one of: {}.", names.join(", ")),
            Rule::RequiredIf(a, b) => format!("`{a}` is required when `{b}` is given."),
        });
    }
    if op.status == Status::Proposed {
        add("Proposed: documented, but not served by the live API.".into());
    }
    if let Some(listing) = &op.imported {
        add(format!(
            "Imported from GetSupportedAPIList ({listing}): the parameters are the listing's, the \
             response is untyped JSON until the method is typed."
        ));
    }
    if op.visibility == Visibility::Publisher {
        add(format!(
            "Publisher-only: needs a publisher key and goes to {}; call it only from a secure \
             server.",
            op.host
        ));
    }
    text
}
