//! An example's request as the query parameters the generated client would send.

use serde_json::Value;

use crate::model::{ArrayEncoding, InputEncoding, Operation};

/// The query pairs for `request` (an example's parameters by wire name), without the credential
/// and `format`: one `input_json` for such operations, else each parameter on its own (arrays
/// comma-joined or indexed, booleans as `1`/`0`, as the runtime writes them). Err names a value
/// that cannot be sent.
pub fn query(op: &Operation, request: &Value) -> Result<Vec<(String, String)>, String> {
    let Some(object) = request.as_object() else {
        return Err("the request is not an object".into());
    };
    if op.input == InputEncoding::InputJson {
        return Ok(vec![("input_json".into(), request.to_string())]);
    }
    let mut pairs = Vec::new();
    for p in &op.params {
        let Some(v) = object.get(&p.name) else {
            continue;
        };
        match v {
            Value::Array(items) => {
                let items = items
                    .iter()
                    .map(|i| {
                        scalar(i).ok_or_else(|| format!("'{}' holds a non-scalar item", p.name))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if p.encoding == Some(ArrayEncoding::Indexed) {
                    for (i, item) in items.into_iter().enumerate() {
                        pairs.push((format!("{}[{i}]", p.name), item));
                    }
                } else {
                    pairs.push((p.name.clone(), items.join(",")));
                }
            }
            other => pairs.push((
                p.name.clone(),
                scalar(other).ok_or_else(|| format!("'{}' is not a scalar", p.name))?,
            )),
        }
    }
    Ok(pairs)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_string()),
        _ => None,
    }
}
