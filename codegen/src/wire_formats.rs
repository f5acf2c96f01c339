//! Writes a JSON response body the way the Steam Web API writes it in its two
//! other formats, by the overview's rules (`steam-web-api-overview.txt`):
//! the root key is the root element (XML) or root key (VDF); every scalar is
//! text (booleans `true`/`false` in XML and `1`/`0` in VDF, as Steam writes
//! them); null is the word `null` (XML) or the empty string (VDF); an array
//! is a container with one child per item, named after the item (the
//! container's name without its plural `s`: `players` -> `player`) in XML and
//! keyed `"0"`, `"1"`, ... in VDF.
//!
//! The tests and benchmarks use it to give every JSON example its XML and VDF
//! forms; the client reads them back into the same values.

use std::fmt::Write as _;

use serde_json::Value;

/// `body` as Steam's XML: the prolog, `<!DOCTYPE root>`, then the root
/// element: the envelope, or `response` around a body without one (as Steam
/// wraps GetServerInfo).
pub fn to_xml(body: &Value, envelope: Option<&str>) -> String {
    let (root, value) = root_of(body, envelope);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<!DOCTYPE {root}>");
    xml_element(&mut out, root, value, 0);
    out
}

/// `body` as Steam's VDF: the root key (as for [`to_xml`]), then its object,
/// tab-indented, with no newline after the last `}`.
pub fn to_vdf(body: &Value, envelope: Option<&str>) -> String {
    let (root, value) = root_of(body, envelope);
    let mut out = String::new();
    vdf_pair(&mut out, root, value, 0);
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// The root key and its value: the envelope and what it holds, or
/// `response` around the whole body.
fn root_of<'v>(body: &'v Value, envelope: Option<&'v str>) -> (&'v str, &'v Value) {
    match envelope.and_then(|e| Some((e, body.get(e)?))) {
        Some(found) => found,
        None => ("response", body),
    }
}

fn xml_element(out: &mut String, name: &str, value: &Value, depth: usize) {
    xml_element_led(out, name, value, depth, None);
}

/// An element; `lead` is the text of the member to write first (see below).
fn xml_element_led(out: &mut String, name: &str, value: &Value, depth: usize, lead: Option<&str>) {
    let indent = "\t".repeat(depth);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let _ = writeln!(out, "{indent}<{name}>");
            let leading = lead.and_then(|id| map.iter().find(|(_, v)| text(v, false) == id));
            let rest = map
                .iter()
                .filter(|(k, _)| Some(*k) != leading.map(|(k, _)| k));
            for (key, v) in leading.into_iter().chain(rest) {
                if is_xml_name(key) {
                    xml_element(out, key, v, depth + 1);
                } else {
                    // A key that is no XML name (the id of a map) is written
                    // as an item whose member holding the id comes first, the
                    // way the docs write ISteamHub's `hubs` (`<hub><guid>`).
                    xml_element_led(out, &item_name(name), v, depth + 1, Some(key));
                }
            }
            let _ = writeln!(out, "{indent}</{name}>");
        }
        Value::Array(items) if !items.is_empty() => {
            let _ = writeln!(out, "{indent}<{name}>");
            let item = item_name(name);
            for v in items {
                xml_element(out, &item, v, depth + 1);
            }
            let _ = writeln!(out, "{indent}</{name}>");
        }
        Value::Object(_) | Value::Array(_) => {
            let _ = writeln!(out, "{indent}<{name}/>");
        }
        scalar => {
            let _ = writeln!(
                out,
                "{indent}<{name}>{}</{name}>",
                escape_xml(&text(scalar, true))
            );
        }
    }
}

fn vdf_pair(out: &mut String, key: &str, value: &Value, depth: usize) {
    let indent = "\t".repeat(depth);
    let open = |out: &mut String| {
        let _ = writeln!(out, "{indent}\"{}\"\n{indent}{{", escape_vdf(key));
    };
    match value {
        Value::Object(map) => {
            open(out);
            for (k, v) in map {
                vdf_pair(out, k, v, depth + 1);
            }
            let _ = writeln!(out, "{indent}}}");
        }
        Value::Array(items) => {
            open(out);
            for (i, v) in items.iter().enumerate() {
                vdf_pair(out, &i.to_string(), v, depth + 1);
            }
            let _ = writeln!(out, "{indent}}}");
        }
        scalar => {
            let _ = writeln!(
                out,
                "{indent}\"{}\"\t\"{}\"",
                escape_vdf(key),
                escape_vdf(&text(scalar, false))
            );
        }
    }
}

/// A scalar as text; null as XML's `null` or VDF's empty string.
fn text(value: &Value, xml: bool) -> String {
    match value {
        Value::Null if xml => "null".to_owned(),
        Value::Null => String::new(),
        Value::Bool(b) if xml => b.to_string(),
        Value::Bool(b) => u8::from(*b).to_string(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(_) | Value::Object(_) => String::new(),
    }
}

/// The element name of an array's items: the container's name without a
/// plural `s` (`players` -> `player`), else `item`.
fn item_name(container: &str) -> String {
    match container.strip_suffix('s') {
        Some(one) if !one.is_empty() => one.to_owned(),
        _ => "item".to_owned(),
    }
}

fn is_xml_name(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_vdf(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
