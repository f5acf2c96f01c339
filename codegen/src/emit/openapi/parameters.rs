//! Parameters as the provider takes them: query parameters (GET, and every method of a provider
//! that reads its inputs from the URL) or form fields (Steam's other methods); comma lists as
//! `style: form, explode: false`, indexed arrays (`name[0]=..`) as a `deepObject` keyed by the
//! indices, bools as `0`/`1`; a Service's `input_json` as one JSON-encoded value; the provider's
//! `format` parameter beside them.

use serde_json::{Map, Value, json};

use super::paragraphs;
use crate::emit::schema::{self, Refs};
use crate::model::*;

/// What an operation's request puts on the wire: query parameters and, for a form body, the
/// `requestBody`.
pub struct Request {
    /// Parameter objects, in spec order (`format` last).
    pub parameters: Vec<Value>,
    /// The form body, if the parameters travel in one.
    pub body: Option<Value>,
}

/// Where an operation's parameters travel.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placement {
    Query,
    Form,
}

/// As the client sends them: Steam reads the parameters of every method but GET from an
/// `application/x-www-form-urlencoded` body ("GET or POST parameters", the overview says of
/// Services), backpack.tf reads every input from the query string. The model has no provider
/// field for this yet; the providers that name a `path` template (`/{interface}/{method}/..`)
/// are Steam's kind, whose methods take form bodies.
fn placement(provider: &Provider, op: &Operation) -> Placement {
    if op.http != HttpMethod::Get && provider.path_template.is_some() {
        Placement::Form
    } else {
        Placement::Query
    }
}

/// The request of one operation.
pub fn request(provider: &Provider, op: &Operation) -> Request {
    let placement = placement(provider, op);
    let mut fields = match op.input {
        InputEncoding::Query => op.params.iter().map(|p| plain(op, p)).collect(),
        InputEncoding::InputJson => input_json(op),
    };
    fields.extend(format_param(provider));
    match placement {
        Placement::Query => Request {
            parameters: fields.iter().map(Field::parameter).collect(),
            body: None,
        },
        Placement::Form => Request {
            parameters: Vec::new(),
            body: Some(form_body(op, &fields)),
        },
    }
}

/// One parameter, before it is placed in the query or the form body.
struct Field {
    name: String,
    required: bool,
    description: String,
    /// `schema`, or for `input_json` the JSON it holds.
    schema: Value,
    /// `style` and `explode` when not the default (`form`, exploded).
    style: Option<(&'static str, bool)>,
    /// The value is JSON text (`input_json`).
    json: bool,
    /// Examples by name, values as sent.
    examples: Map<String, Value>,
}

impl Field {
    fn parameter(&self) -> Value {
        let mut m = Map::new();
        m.insert("name".into(), self.name.clone().into());
        m.insert("in".into(), "query".into());
        m.insert("required".into(), self.required.into());
        if !self.description.is_empty() {
            m.insert("description".into(), self.description.clone().into());
        }
        let mut value = Map::new();
        value.insert("schema".into(), self.schema.clone());
        if !self.examples.is_empty() {
            value.insert("examples".into(), Value::Object(self.examples.clone()));
        }
        if self.json {
            // A parameter's value in one media type: the JSON text of the schema's value.
            m.insert("content".into(), json!({ "application/json": value }));
        } else {
            m.extend(value);
        }
        if let Some((style, explode)) = self.style {
            m.insert("style".into(), style.into());
            m.insert("explode".into(), explode.into());
        }
        Value::Object(m)
    }
}

/// A parameter of a query-encoded operation.
fn plain(op: &Operation, p: &Param) -> Field {
    let mut schema = schema::field(&p.ty, p.wire(), &p.constraints, false, &Refs::Components);
    bools_as_digits(&mut schema);
    let style = match p.encoding {
        Some(ArrayEncoding::Comma) => Some(("form", false)),
        Some(ArrayEncoding::Indexed) => {
            schema = indexed(schema);
            Some(("deepObject", true))
        }
        Some(ArrayEncoding::Json) | None => None,
    };
    if let (Some(d), Value::Object(m)) = (&p.default, &mut schema) {
        m.insert("default".into(), as_sent(p, d));
    }
    let mut description = paragraphs(p.description.as_deref(), &p.notes);
    if p.encoding == Some(ArrayEncoding::Indexed) {
        description = format!(
            "{description}\n\nSent as `{0}[0]=..&{0}[1]=..`: give the items as an object keyed \
             by their index, `{{\"0\": first, \"1\": second}}`.",
            p.name
        )
        .trim()
        .to_string();
    }
    let examples = examples(op, |request| {
        request.get(&p.name).map(|value| as_sent(p, value))
    });
    Field {
        name: p.name.clone(),
        required: !p.optional,
        description,
        schema,
        style,
        json: false,
        examples,
    }
}

/// A Service's parameters, all in one JSON object.
fn input_json(op: &Operation) -> Vec<Field> {
    let name = format!("{}.request", schema::op_key(op));
    vec![Field {
        name: "input_json".into(),
        required: op.params.iter().any(|p| !p.optional),
        description: format!(
            "Every parameter of {} as one JSON object (the URL-encoded JSON text); the \
             credential and `format` stay outside it.",
            op.id()
        ),
        schema: json!({ "$ref": format!("#/components/schemas/{name}") }),
        style: None,
        json: true,
        examples: examples(op, |request| Some(request.clone())),
    }]
}

/// The provider's fixed `format` parameter (Steam's `format=json`), optional: it is the default.
fn format_param(provider: &Provider) -> Option<Field> {
    let (name, value) = provider.format_param.as_ref()?;
    Some(Field {
        name: name.clone(),
        required: false,
        description: format!(
            "The response format; `{value}`, the only one this document describes, is the default."
        ),
        schema: json!({ "type": "string", "const": value, "default": value }),
        style: None,
        json: false,
        examples: Map::new(),
    })
}

/// The `application/x-www-form-urlencoded` body holding every field.
fn form_body(op: &Operation, fields: &[Field]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    let mut encoding = Map::new();
    for f in fields {
        let mut schema = f.schema.clone();
        if let (false, Value::Object(m)) = (f.description.is_empty(), &mut schema) {
            m.insert("description".into(), f.description.clone().into());
        }
        properties.insert(f.name.clone(), schema);
        if f.required {
            required.push(Value::from(f.name.clone()));
        }
        if f.json {
            encoding.insert(f.name.clone(), json!({ "contentType": "application/json" }));
        } else if let Some((style, explode)) = f.style {
            encoding.insert(
                f.name.clone(),
                json!({ "style": style, "explode": explode }),
            );
        }
    }
    let mut schema = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        schema["required"] = required.clone().into();
    }
    let mut media = Map::new();
    media.insert("schema".into(), schema);
    if !encoding.is_empty() {
        media.insert("encoding".into(), Value::Object(encoding));
    }
    let examples = form_examples(op, fields);
    if !examples.is_empty() {
        media.insert("examples".into(), Value::Object(examples));
    }
    json!({
        "required": !required.is_empty(),
        "content": { "application/x-www-form-urlencoded": media },
    })
}

/// The spec's request examples as whole form bodies.
fn form_examples(op: &Operation, fields: &[Field]) -> Map<String, Value> {
    let mut out = Map::new();
    for ex in &op.examples {
        let mut body = Map::new();
        for f in fields {
            if let Some(Value::Object(e)) = f.examples.get(&ex.name)
                && let Some(value) = e.get("value")
            {
                body.insert(f.name.clone(), value.clone());
            }
        }
        if ex.request.is_some() {
            out.insert(ex.name.clone(), example(ex, Value::Object(body)));
        }
    }
    out
}

/// Examples by name: what `pick` takes from each example's request.
fn examples(op: &Operation, pick: impl Fn(&Value) -> Option<Value>) -> Map<String, Value> {
    op.examples
        .iter()
        .filter_map(|ex| {
            let value = pick(ex.request.as_ref()?)?;
            Some((ex.name.clone(), example(ex, value)))
        })
        .collect()
}

/// An Example Object: the example's source as its summary, its text as the description.
pub fn example(ex: &Example, value: Value) -> Value {
    let mut m = Map::new();
    if let Some(s) = &ex.source {
        m.insert("summary".into(), s.clone().into());
    }
    if let Some(d) = &ex.description {
        m.insert("description".into(), d.clone().into());
    }
    m.insert("value".into(), value);
    Value::Object(m)
}

/// A value as the parameter sends it: bools as `0`/`1`, an indexed array as an object keyed by
/// the indices.
fn as_sent(p: &Param, value: &Value) -> Value {
    let mut value = value.clone();
    if p.ty.leaf_scalar() == Some(Scalar::Bool) {
        bool_values_as_digits(&mut value);
    }
    match (p.encoding, value) {
        (Some(ArrayEncoding::Indexed), Value::Array(items)) => Value::Object(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
        ),
        (_, value) => value,
    }
}

/// Steam ignores `true` for some methods and reads `1`: every boolean schema below `v` becomes
/// the integer `0` or `1`.
fn bools_as_digits(v: &mut Value) {
    match v {
        Value::Object(m) if m.get("type") == Some(&json!("boolean")) => {
            m.insert("type".into(), "integer".into());
            m.insert("enum".into(), json!([0, 1]));
        }
        Value::Object(m) => m.values_mut().for_each(bools_as_digits),
        Value::Array(items) => items.iter_mut().for_each(bools_as_digits),
        _ => {}
    }
}

/// A value of a boolean parameter as sent: `true` and `false` (also inside arrays) as `1`, `0`.
fn bool_values_as_digits(v: &mut Value) {
    match v {
        Value::Bool(b) => *v = Value::from(u8::from(*b)),
        Value::Array(items) => items.iter_mut().for_each(bool_values_as_digits),
        _ => {}
    }
}

/// An array schema as the object of a `deepObject` parameter: keys are the indices.
fn indexed(array: Value) -> Value {
    let Value::Object(a) = array else {
        return array;
    };
    let mut m = Map::new();
    m.insert("type".into(), "object".into());
    m.insert(
        "propertyNames".into(),
        json!({ "type": "string", "pattern": "^(0|[1-9][0-9]*)$" }),
    );
    if let Some(items) = a.get("items") {
        m.insert("additionalProperties".into(), items.clone());
    }
    for (from, to) in [("minItems", "minProperties"), ("maxItems", "maxProperties")] {
        if let Some(n) = a.get(from) {
            m.insert(to.into(), n.clone());
        }
    }
    Value::Object(m)
}
