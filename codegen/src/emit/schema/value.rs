//! Schemas of values: scalars by their wire form, named types by `$ref`, structs, enums, and the
//! request/response wrappers of an operation.

use serde_json::{Map, Value, json};

use super::int_pattern::int_pattern;
use super::type_path;
use crate::model::*;

/// How references to named types are written.
pub enum Refs<'a> {
    /// A relative path from the file at `from` (both relative to `schemas/`).
    File {
        /// The referring file's path, e.g. `types/Player.json`.
        from: &'a str,
    },
    /// `#/$defs/Name` inside the bundle.
    Bundle,
    /// `#/components/schemas/Name` inside an OpenAPI document.
    Components,
}

impl Refs<'_> {
    fn to(&self, name: &str) -> String {
        match self {
            Refs::Bundle => format!("#/$defs/{name}"),
            Refs::Components => format!("#/components/schemas/{name}"),
            Refs::File { from } => {
                let depth = from.matches('/').count();
                format!("{}{}", "../".repeat(depth), type_path(name))
            }
        }
    }
}

const U32_MAX: u64 = u32::MAX as u64;

/// A named type's schema (without `$schema`/`$id`).
pub fn named_type(t: &NamedType, refs: &Refs) -> Value {
    let mut s = match &t.kind {
        TypeKind::Struct(fields) => {
            let mut props = Map::new();
            let mut required = Vec::new();
            for f in fields {
                let nullable = f.presence.is_nullable();
                let mut v = field(&f.ty, f.wire, &f.constraints, nullable, refs);
                describe(&mut v, f.description.as_deref());
                props.insert(f.name.clone(), v);
                if !f.presence.is_optional() {
                    required.push(Value::from(f.name.clone()));
                }
            }
            let mut m = Map::new();
            m.insert("type".into(), "object".into());
            m.insert("properties".into(), Value::Object(props));
            if !required.is_empty() {
                m.insert("required".into(), Value::Array(required));
            }
            Value::Object(m)
        }
        TypeKind::Enum(e) => enumeration(&t.name, e),
    };
    let mut text = t.description.clone().unwrap_or_default();
    if let TypeKind::Enum(e) = &t.kind {
        let values: Vec<String> = e
            .values
            .iter()
            .map(|v| match &v.description {
                Some(d) => format!("{} = {} ({d})", v.value, v.rust_name),
                None => format!("{} = {}", v.value, v.rust_name),
            })
            .collect();
        let open = if e.open {
            " Open enum: values not listed here may appear and must be accepted."
        } else {
            ""
        };
        text = format!("{text} Values: {}.{open}", values.join("; "))
            .trim()
            .to_string();
    }
    describe(&mut s, Some(&text));
    s
}

fn enumeration(name: &str, e: &EnumType) -> Value {
    let known: Vec<Value> = e.values.iter().map(|v| v.value.to_json()).collect();
    let ty = match e.repr {
        EnumRepr::String => "string",
        EnumRepr::Integer => "integer",
    };
    if e.open {
        // Known values first (for generators and readers), then anything of the same type.
        json!({ "anyOf": [ { "title": format!("Known{name}"), "type": ty, "enum": known }, { "type": ty } ] })
    } else {
        json!({ "type": ty, "enum": known })
    }
}

fn describe(v: &mut Value, text: Option<&str>) {
    if let (Value::Object(m), Some(t)) = (v, text)
        && !t.trim().is_empty()
    {
        m.insert("description".into(), t.trim().into());
    }
}

/// A field or parameter value: type, wire form, constraints, nullability.
pub fn field(ty: &TypeRef, wire: Wire, c: &Constraints, nullable: bool, refs: &Refs) -> Value {
    let v = of_type(ty, wire, c, refs);
    if nullable {
        json!({ "anyOf": [v, { "type": "null" }] })
    } else {
        v
    }
}

fn of_type(ty: &TypeRef, wire: Wire, c: &Constraints, refs: &Refs) -> Value {
    match ty {
        TypeRef::Scalar(s) => scalar(*s, wire, c),
        TypeRef::Named(n) => json!({ "$ref": refs.to(n) }),
        TypeRef::Array(item) => {
            let ic = c.items.as_deref().cloned().unwrap_or_default();
            let mut m = Map::new();
            m.insert("type".into(), "array".into());
            m.insert("items".into(), of_type(item, wire, &ic, refs));
            if let Some(n) = c.min_items {
                m.insert("minItems".into(), n.into());
            }
            if let Some(n) = c.max_items {
                m.insert("maxItems".into(), n.into());
            }
            Value::Object(m)
        }
        TypeRef::Map(key, item) => {
            let ic = c.items.as_deref().cloned().unwrap_or_default();
            let mut m = Map::new();
            m.insert("type".into(), "object".into());
            m.insert(
                "additionalProperties".into(),
                of_type(item, wire, &ic, refs),
            );
            if *key != MapKey::String {
                m.insert(
                    "propertyNames".into(),
                    int_text(key.scalar(), &Constraints::default()),
                );
            }
            if let Some(n) = c.min_items {
                m.insert("minProperties".into(), n.into());
            }
            if let Some(n) = c.max_items {
                m.insert("maxProperties".into(), n.into());
            }
            Value::Object(m)
        }
    }
}

/// An integer written as a string: the decimals of the type's range narrowed by the spec's
/// `min`/`max`, as the client reads them.
fn int_text(s: Scalar, c: &Constraints) -> Value {
    let (lo, hi) = s.int_range().expect("an integer scalar");
    let lo = c.min.and_then(Num::as_int).map_or(lo, |m| m.max(lo));
    let hi = c.max.and_then(Num::as_int).map_or(hi, |m| m.min(hi));
    json!({ "type": "string", "pattern": int_pattern(lo, hi) })
}

fn scalar(s: Scalar, wire: Wire, c: &Constraints) -> Value {
    match s {
        Scalar::Json => json!({}),
        Scalar::Bool => json!({ "type": "boolean" }),
        Scalar::String => {
            let mut m = Map::new();
            m.insert("type".into(), "string".into());
            if let Some(n) = c.min_length {
                m.insert("minLength".into(), n.into());
            }
            if let Some(n) = c.max_length {
                m.insert("maxLength".into(), n.into());
            }
            if let Some(p) = &c.pattern {
                m.insert("pattern".into(), p.clone().into());
            }
            Value::Object(m)
        }
        Scalar::Float => {
            let number = with_bounds(json!({ "type": "number" }), c, None);
            let text =
                json!({ "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$" });
            by_wire(wire, number, text)
        }
        _ => {
            let range = s.int_range();
            let number = with_bounds(json!({ "type": "integer" }), c, range);
            let text = int_text(s, c);
            // SteamID64 never reaches JSON consumers as a number (precision above 2^53).
            let wire = if s == Scalar::SteamId {
                Wire::String
            } else {
                wire
            };
            by_wire(wire, number, text)
        }
    }
}

fn by_wire(wire: Wire, number: Value, text: Value) -> Value {
    match wire {
        Wire::Number => number,
        Wire::String => text,
        Wire::Either => json!({ "anyOf": [number, text] }),
    }
}

/// `minimum`/`maximum` from the constraints, else the type's own range (uint32 gets its max).
fn with_bounds(mut v: Value, c: &Constraints, range: Option<(i128, i128)>) -> Value {
    let Value::Object(m) = &mut v else {
        return v;
    };
    let lo = c.min.map(Num::to_json).or_else(|| {
        range
            .and_then(|(lo, _)| i64::try_from(lo).ok())
            .map(Value::from)
    });
    let hi = c.max.map(Num::to_json).or_else(|| {
        range.and_then(|(_, hi)| match u64::try_from(hi) {
            // Only 32-bit maxima: a 64-bit maximum is not exact in a JavaScript number.
            Ok(h) if h <= U32_MAX => Some(Value::from(h)),
            Ok(_) => None,
            Err(_) => i64::try_from(hi).ok().map(Value::from),
        })
    });
    if let Some(lo) = lo {
        m.insert("minimum".into(), lo);
    }
    if let Some(hi) = hi {
        m.insert("maximum".into(), hi);
    }
    v
}

/// The parameters object: what goes into input_json, or the query parameters as JSON.
pub fn request(op: &Operation, refs: &Refs) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for p in &op.params {
        let mut v = field(&p.ty, p.wire(), &p.constraints, false, refs);
        describe(&mut v, p.description.as_deref());
        props.insert(p.name.clone(), v);
        if !p.optional {
            required.push(Value::from(p.name.clone()));
        }
    }
    let mut m = Map::new();
    m.insert(
        "description".into(),
        format!(
            "The parameters of {} ({}), without the credential and format. {}",
            op.id(),
            match op.input {
                InputEncoding::InputJson => "sent as one input_json value",
                InputEncoding::Query => "sent as query parameters; arrays as the spec's encoding",
            },
            op.description
        )
        .into(),
    );
    m.insert("type".into(), "object".into());
    m.insert("properties".into(), Value::Object(props.clone()));
    if !required.is_empty() {
        m.insert("required".into(), Value::Array(required.clone()));
    }
    // A misspelt parameter is silently ignored by Steam: reject it here.
    m.insert("additionalProperties".into(), false.into());
    let mut any_of = Vec::new();
    let mut dependent = Map::new();
    for r in &op.rules {
        match r {
            Rule::AtLeastOneOf(names) => {
                any_of.push(Value::Array(
                    names.iter().map(|n| branch(&props, &required, n)).collect(),
                ));
            }
            Rule::RequiredIf(a, b) => {
                let e = dependent.entry(b.clone()).or_insert_with(|| json!([]));
                if let Value::Array(list) = e {
                    list.push(a.clone().into());
                }
            }
        }
    }
    match any_of.len() {
        0 => {}
        1 => {
            m.insert("anyOf".into(), any_of.remove(0));
        }
        _ => {
            let all: Vec<Value> = any_of.into_iter().map(|a| json!({ "anyOf": a })).collect();
            m.insert("allOf".into(), Value::Array(all));
        }
    }
    if !dependent.is_empty() {
        m.insert("dependentRequired".into(), Value::Object(dependent));
    }
    Value::Object(m)
}

/// One branch of an "at least one of" rule: the whole parameters object again, with `name`
/// required too. Type generators read a root `anyOf` as a union of its branches and drop the
/// root's properties (json-schema-to-typescript typed `{guid: unknown} | {appid: unknown}`,
/// without `language`), so each branch carries every property with its type; ajv's strict
/// mode also wants each required name defined in the branch that requires it.
fn branch(props: &Map<String, Value>, required: &[Value], name: &str) -> Value {
    let mut required = required.to_vec();
    if !required.iter().any(|r| r == name) {
        required.push(name.into());
    }
    json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    })
}

/// The whole response body as sent on the wire, envelope included.
pub fn response(op: &Operation, refs: &Refs) -> Value {
    let inner = of_type(&op.response.ty, Wire::Number, &Constraints::default(), refs);
    let mut text = format!(
        "The body of a successful {} response, as sent on the wire{}.",
        op.id(),
        if op.response.envelope.is_some() {
            ", envelope included"
        } else {
            ""
        }
    );
    if let Some(listing) = &op.imported {
        text.push_str(&format!(
            " Imported from GetSupportedAPIList ({listing}): untyped, any JSON value, until the \
             method is typed."
        ));
    }
    match &op.response.envelope {
        Some(env) => json!({
            "description": text,
            "type": "object",
            "properties": { env.as_str(): inner },
            "required": [env],
        }),
        None => {
            let mut v = inner;
            describe(&mut v, Some(&text));
            v
        }
    }
}
