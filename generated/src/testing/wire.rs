//! The wire read back by the spec's rules: a request's query/form pairs become the request as
//! one JSON object by wire name (`input_json` parsed, comma lists split, indexed arrays
//! gathered, `1`/`0` as booleans, digits as numbers), and everything the client would never
//! send (an unknown parameter, a value of the wrong kind, a missing required one) is a mismatch.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use steam_webapi_runtime::__private::Auth;

use super::table::{FakeOperation, FakeParam, ParamKind, ParamLayout};

/// Decodes `pairs` as `op`'s request: the request as a JSON object by wire name, or every
/// reason the spec would not have produced it.
pub(crate) fn decode(op: &FakeOperation, pairs: &[(String, String)]) -> Result<Value, Vec<String>> {
    let mut problems = Vec::new();
    let has_credential = pairs.iter().any(|(n, _)| n == op.credential);
    match op.info.auth {
        Auth::Required if !has_credential => {
            problems.push(format!("missing the credential `{}`", op.credential))
        }
        Auth::None if has_credential => problems.push(format!(
            "the credential `{}` sent to an operation that takes none",
            op.credential
        )),
        _ => {}
    }
    let own: Vec<&(String, String)> = pairs
        .iter()
        .filter(|(n, _)| n != op.credential && Some(n.as_str()) != op.format)
        .collect();
    let object = if op.input_json {
        from_input_json(&own, &mut problems)
    } else {
        from_pairs(op, &own, &mut problems)
    };
    // Sent but of the wrong kind is its own problem, not also a missing one.
    let sent = |name: &str| own.iter().any(|(n, _)| split_index(n).0 == name);
    for p in op.params.iter().filter(|p| p.required) {
        if !object.contains_key(p.name) && (op.input_json || !sent(p.name)) {
            problems.push(format!("missing required parameter `{}`", p.name));
        }
    }
    if problems.is_empty() {
        Ok(Value::Object(object))
    } else {
        Err(problems)
    }
}

/// An `input_json` request: one `input_json` pair holding a JSON object, nothing else.
fn from_input_json(pairs: &[&(String, String)], problems: &mut Vec<String>) -> Map<String, Value> {
    let mut object = Map::new();
    for (name, value) in pairs {
        if name != "input_json" {
            problems.push(format!(
                "unknown parameter `{name}` (this operation takes input_json)"
            ));
            continue;
        }
        match serde_json::from_str::<Value>(value) {
            Ok(Value::Object(map)) => object = map,
            Ok(_) => problems.push("input_json is not a JSON object".to_string()),
            Err(e) => problems.push(format!("input_json is not JSON: {e}")),
        }
    }
    object
}

/// A request of one pair per parameter (or per item, for indexed arrays).
fn from_pairs(
    op: &FakeOperation,
    pairs: &[&(String, String)],
    problems: &mut Vec<String>,
) -> Map<String, Value> {
    let mut object = Map::new();
    let mut indexed: BTreeMap<&str, BTreeMap<usize, Value>> = BTreeMap::new();
    for (name, value) in pairs {
        let (base, index) = split_index(name);
        let Some(param) = op.params.iter().find(|p| p.name == base) else {
            problems.push(format!("unknown parameter `{name}`"));
            continue;
        };
        match (param.layout, index) {
            (ParamLayout::Indexed, Some(i)) => {
                if let Some(v) = scalar(param, value, problems) {
                    indexed.entry(param.name).or_default().insert(i, v);
                }
            }
            (ParamLayout::Indexed, None) => problems.push(format!(
                "`{name}` is an indexed array: send `{name}[0]=...`"
            )),
            (_, Some(_)) => problems.push(format!("`{base}` is not an indexed array: `{name}`")),
            (ParamLayout::Comma, None) => {
                let items = value.split(',').filter_map(|v| scalar(param, v, problems));
                object.insert(param.name.to_string(), Value::Array(items.collect()));
            }
            (ParamLayout::Json, None) => match serde_json::from_str::<Value>(value) {
                Ok(v) => {
                    object.insert(param.name.to_string(), v);
                }
                Err(e) => problems.push(format!("`{name}` is not JSON: {e}")),
            },
            (ParamLayout::Value, None) => {
                if let Some(v) = scalar(param, value, problems) {
                    object.insert(param.name.to_string(), v);
                }
            }
        }
    }
    for (name, items) in indexed {
        if items.keys().copied().ne(0..items.len()) {
            problems.push(format!("`{name}[i]` indices are not 0, 1, 2, ..."));
        }
        object.insert(
            name.to_string(),
            Value::Array(items.into_values().collect()),
        );
    }
    object
}

/// `name[3]` -> (`name`, Some(3)); `name` -> (`name`, None).
fn split_index(name: &str) -> (&str, Option<usize>) {
    if let Some(open) = name.find('[')
        && let Some(inner) = name[open + 1..].strip_suffix(']')
        && let Ok(i) = inner.parse()
    {
        return (&name[..open], Some(i));
    }
    (name, None)
}

/// One value of `param`, typed as the spec says; `None` (and a problem) when it is not.
fn scalar(param: &FakeParam, text: &str, problems: &mut Vec<String>) -> Option<Value> {
    let value = match param.kind {
        ParamKind::Bool => match text {
            "1" => Some(Value::Bool(true)),
            "0" => Some(Value::Bool(false)),
            _ => None,
        },
        ParamKind::Unsigned => text.parse::<u64>().ok().map(Value::from),
        ParamKind::Signed => text.parse::<i64>().ok().map(Value::from),
        ParamKind::Float => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number),
        ParamKind::Text => Some(Value::String(text.into())),
    };
    if value.is_none() {
        let want = match param.kind {
            ParamKind::Bool => "1 or 0",
            ParamKind::Unsigned => "an unsigned integer",
            ParamKind::Signed => "an integer",
            ParamKind::Float => "a number",
            ParamKind::Text => "text",
        };
        problems.push(format!("`{}` = {text:?} is not {want}", param.name));
    }
    value
}
