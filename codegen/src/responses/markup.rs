//! XML and VDF bodies for `steamspec responses`: read by the client's own
//! readers into a tree, then given JSON types by the spec, by the same rules
//! as the client's typed decoding (a list takes every child whatever its
//! name, VDF's in the order of their numbers; numbers and booleans are parsed
//! from the text; null is `None` only where the field may be null), so that
//! the JSON checker reports on them with the same paths and words.
//!
//! Text that does not read as its type stays text, and the checker reports
//! it as a wrong type; members the spec does not describe are kept (as text
//! and objects of text), and `--strict` reports them.

use serde_json::{Map, Number, Value};
use steam_webapi_runtime::Format;
use steam_webapi_runtime::vdf::{self, Pair};

use crate::model::{EnumRepr, MapKey, Model, Operation, Scalar, TypeKind, TypeRef, Wire};

/// The body (a tree's root pair) as the JSON body the spec describes: under
/// the root's own name when the operation has an envelope (a wrong root is
/// then a missing envelope), the root's content otherwise.
pub fn to_json(model: &Model, op: &Operation, root: &Pair<'_>, format: Format) -> Value {
    let typer = Typer { model, format };
    let inner = typer.typed(&op.response.ty, false, None, &root.value);
    match &op.response.envelope {
        Some(_) => Value::Object(Map::from_iter([(root.key.to_string(), inner)])),
        None => inner,
    }
}

struct Typer<'m> {
    model: &'m Model,
    format: Format,
}

impl Typer<'_> {
    fn typed(&self, ty: &TypeRef, nullable: bool, wire: Option<Wire>, node: &vdf::Value) -> Value {
        if let vdf::Value::Text(t) = node
            && nullable
            && self.format.is_null_text(&t.text)
        {
            return Value::Null;
        }
        match ty {
            TypeRef::Scalar(s) => match node {
                vdf::Value::Text(t) => scalar(*s, wire, &t.text),
                object => untyped(object),
            },
            TypeRef::Named(name) => self.named(name, node),
            TypeRef::Array(item) => match children(node) {
                Some(pairs) => Value::Array(
                    self.ordered(pairs)
                        .into_iter()
                        .map(|p| self.typed(item, false, wire, &p.value))
                        .collect(),
                ),
                None => untyped(node),
            },
            TypeRef::Map(key, item) => match children(node) {
                Some(pairs) => Value::Object(
                    pairs
                        .iter()
                        .map(|p| {
                            (
                                self.map_key(*key, p),
                                self.typed(item, false, wire, &p.value),
                            )
                        })
                        .collect(),
                ),
                None => untyped(node),
            },
        }
    }

    fn named(&self, name: &str, node: &vdf::Value) -> Value {
        let Some(t) = self.model.type_named(name) else {
            return untyped(node);
        };
        match (&t.kind, node) {
            (TypeKind::Struct(fields), _) => match children(node) {
                Some(pairs) => Value::Object(
                    pairs
                        .iter()
                        .map(|p| {
                            let value = match fields.iter().find(|f| f.name == p.key) {
                                Some(f) => self.typed(
                                    &f.ty,
                                    f.presence.is_nullable(),
                                    Some(f.wire),
                                    &p.value,
                                ),
                                None => untyped(&p.value),
                            };
                            (p.key.to_string(), value)
                        })
                        .collect(),
                ),
                None => untyped(node),
            },
            (TypeKind::Enum(e), vdf::Value::Text(t)) if e.repr == EnumRepr::Integer => t
                .text
                .parse::<i64>()
                .map_or_else(|_| untyped(node), Value::from),
            _ => untyped(node),
        }
    }

    /// List items: VDF's by the number of their key (a key that is no
    /// number sorts last, and the checker then sees its value).
    fn ordered<'p, 'a>(&self, pairs: &'p [Pair<'a>]) -> Vec<&'p Pair<'a>> {
        let mut items: Vec<&Pair<'_>> = pairs.iter().collect();
        if self.format == Format::Vdf {
            items.sort_by_key(|p| p.key.parse::<u64>().unwrap_or(u64::MAX));
        }
        items
    }

    /// A map's key: the member's name; in XML, where a map keyed by id is
    /// written as a list of items, the item's first member that is a number.
    fn map_key(&self, key: MapKey, pair: &Pair<'_>) -> String {
        let numeric = !matches!(key, MapKey::String);
        if self.format != Format::Xml || !numeric || pair.key.parse::<i64>().is_ok() {
            return pair.key.to_string();
        }
        pair.value
            .as_object()
            .and_then(|o| {
                o.iter()
                    .find_map(|p| p.value.as_text().filter(|t| t.text.parse::<i64>().is_ok()))
            })
            .map_or_else(|| pair.key.to_string(), |t| t.text.to_string())
    }
}

/// The members of an object; none for an empty text (`<x/>`, `""`).
fn children<'p, 'a>(node: &'p vdf::Value<'a>) -> Option<&'p [Pair<'a>]> {
    match node {
        vdf::Value::Object(o) => Some(&o.pairs),
        vdf::Value::Text(t) if t.text.is_empty() => Some(&[]),
        vdf::Value::Text(_) => None,
    }
}

/// A scalar from its text as JSON writes it: numbers as numbers (64-bit ids
/// as strings, as Steam's JSON has them), booleans from `true`/`false`/`1`/`0`;
/// text that is not one stays text.
fn scalar(s: Scalar, wire: Option<Wire>, text: &str) -> Value {
    let as_string = match wire {
        Some(Wire::String) => true,
        Some(Wire::Number | Wire::Either) => false,
        None => matches!(s, Scalar::Uint64 | Scalar::Int64 | Scalar::SteamId),
    };
    let number = || -> Option<Value> {
        match s {
            Scalar::Float => text
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .map(Value::Number),
            Scalar::Uint32 | Scalar::Uint64 | Scalar::SteamId | Scalar::Timestamp => {
                text.parse::<u64>().ok().map(Value::from)
            }
            Scalar::Int32 | Scalar::Int64 => text.parse::<i64>().ok().map(Value::from),
            Scalar::Bool | Scalar::String | Scalar::Json => None,
        }
    };
    match s {
        Scalar::Bool => match text {
            "true" | "1" => Value::Bool(true),
            "false" | "0" => Value::Bool(false),
            other => Value::from(other),
        },
        Scalar::String | Scalar::Json => Value::from(text),
        _ if as_string => Value::from(text),
        _ => number().unwrap_or_else(|| Value::from(text)),
    }
}

/// A value the spec does not type: text as text, objects as objects (a
/// repeated key keeps its last value, as a JSON reader would).
fn untyped(node: &vdf::Value) -> Value {
    match node {
        vdf::Value::Text(t) => Value::from(t.text.as_ref()),
        vdf::Value::Object(o) => Value::Object(
            o.iter()
                .map(|p| (p.key.to_string(), untyped(&p.value)))
                .collect(),
        ),
    }
}
