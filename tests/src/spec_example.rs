//! The spec's own examples, loaded with the `steamspec` library, and the wire
//! form the spec's rules give them.
//!
//! The loopback tests answer with [`SpecCall::response`] and compare what the
//! client sent with [`SpecCall::expected_params`] / [`SpecCall::request`], so no
//! wire data is written twice by hand.

use std::sync::OnceLock;

use serde_json::Value;
use steam_webapi::Format;
use steamspec::model::{
    ArrayEncoding, Auth, HttpMethod, InputEncoding, Model, Operation, Provider,
};

/// The Steam Web API key every loopback client sends.
pub const KEY: &str = "loopback-steam-key-0123456789";
/// The backpack.tf token every loopback client sends.
pub const TOKEN: &str = "loopback-bptf-token-9876543210";

/// `spec/`, loaded once; panics with every diagnostic when it does not load.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let dir = crate::workspace_dir().join("spec");
        match steamspec::load_dir(&dir) {
            Ok(loaded) => loaded.model,
            Err(e) => panic!("spec/ does not load:\n{e}"),
        }
    })
}

/// The ids (`ISteamUser/GetPlayerSummaries/v2`) of every operation in the spec.
pub fn operation_ids() -> Vec<String> {
    model().operations().map(Operation::id).collect()
}

/// One example of one operation, in one response format.
#[derive(Clone, Copy, Debug)]
pub struct SpecCall {
    pub op: &'static Operation,
    pub example: &'static steamspec::model::Example,
    /// The format the client asks for and the server answers in (JSON unless
    /// [`SpecCall::in_format`] says otherwise).
    pub format: Format,
}

impl SpecCall {
    /// The example `example` of the operation `id` (`ISteamUser/GetFriendList/v1`).
    pub fn new(id: &str, example: &str) -> Self {
        let op = model()
            .operations()
            .find(|op| op.id() == id)
            .unwrap_or_else(|| panic!("no operation {id} in spec/"));
        let example = op
            .examples
            .iter()
            .find(|e| e.name == example)
            .unwrap_or_else(|| {
                let names: Vec<&str> = op.examples.iter().map(|e| e.name.as_str()).collect();
                panic!("{id} has no example {example:?} (has {names:?})")
            });
        SpecCall {
            op,
            example,
            format: Format::Json,
        }
    }

    /// The same call asked for, and answered, in `format`.
    pub fn in_format(self, format: Format) -> Self {
        SpecCall { format, ..self }
    }

    /// The formats the operation's provider can answer in: all three with a
    /// format parameter, JSON alone without one (backpack.tf).
    pub fn formats(&self) -> &'static [Format] {
        if self.provider().format_param.is_some() {
            &Format::ALL
        } else {
            &[Format::Json]
        }
    }

    /// The example's body in [`SpecCall::format`] and its content type: the
    /// spec's JSON, or the XML or VDF that Steam writes for it (the overview's
    /// rules, `steamspec::wire_formats`). A body that is no object (an error
    /// page's text) stays as it is: Steam's errors come in one format.
    pub fn body(&self) -> (Vec<u8>, &'static str) {
        let response = self.response();
        let envelope = self.op.response.envelope.as_deref();
        match self.format {
            Format::Xml if response.is_object() => (
                steamspec::wire_formats::to_xml(response, envelope).into_bytes(),
                "text/xml; charset=UTF-8",
            ),
            Format::Vdf if response.is_object() => (
                steamspec::wire_formats::to_vdf(response, envelope).into_bytes(),
                "text/vdf; charset=UTF-8",
            ),
            _ => (
                serde_json::to_vec(response).expect("JSON"),
                "application/json",
            ),
        }
    }

    /// `ISteamUser/GetPlayerSummaries/v2 example robin-walker` (`in xml` when
    /// not JSON), for messages.
    pub fn label(&self) -> String {
        let format = match self.format {
            Format::Json => String::new(),
            other => format!(" in {other}"),
        };
        format!("{} example {}{format}", self.op.id(), self.example.name)
    }

    pub fn provider(&self) -> &'static Provider {
        &model().providers[&self.op.provider]
    }

    /// `GET`, `POST`, ...
    pub fn method(&self) -> &'static str {
        match self.op.http {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }

    /// The host-relative path, e.g. `/ISteamUser/GetPlayerSummaries/v2/`.
    pub fn path(&self) -> &'static str {
        &self.op.path
    }

    /// The example's parameters, by wire name (`{}` when it has none).
    pub fn request(&self) -> Value {
        self.example
            .request
            .clone()
            .unwrap_or_else(|| Value::Object(Default::default()))
    }

    /// The example's whole response body, envelope included.
    pub fn response(&self) -> &'static Value {
        self.example
            .response
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no response", self.label()))
    }

    pub fn status(&self) -> u16 {
        self.example.status
    }

    /// Whether the parameters travel as one `input_json` value.
    pub fn is_input_json(&self) -> bool {
        self.op.input == InputEncoding::InputJson
    }

    /// Whether the parameters travel in an `application/x-www-form-urlencoded`
    /// body (Steam's non-GET methods) rather than in the query string.
    pub fn params_in_body(&self) -> bool {
        self.provider().form_body && self.op.http != HttpMethod::Get
    }

    /// The credential and format pairs the provider adds outside the
    /// parameters: `key` and `format=json` (or `xml`, `vdf`) for Steam, `token`
    /// for backpack.tf.
    /// The loopback client has both credentials, so an `auth: optional`
    /// operation sends its key too; an `auth: none` one never does.
    pub fn provider_params(&self) -> Vec<(String, String)> {
        let provider = self.provider();
        let secret = match provider.id.as_str() {
            "steam" => KEY,
            "backpacktf" => TOKEN,
            other => panic!("no loopback credential for provider {other}"),
        };
        let mut out = Vec::new();
        if self.op.auth != Auth::None {
            out.push((provider.auth_param.clone(), secret.to_owned()));
        }
        if let Some((name, json)) = &provider.format_param {
            let value = match self.format {
                Format::Json => json.clone(),
                other => other.name().to_owned(),
            };
            out.push((name.clone(), value));
        }
        out
    }

    /// Every pair the request must carry (query or form), `input_json`
    /// excluded: for a query operation, each parameter of the example written
    /// by the spec's rules (strings as is, numbers in decimal, booleans as
    /// `1`/`0`, arrays comma-joined or as `name[i]`); then the provider's pairs.
    pub fn expected_params(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !self.is_input_json() {
            let request = self.request();
            let Value::Object(fields) = &request else {
                panic!("{}: the request is not an object", self.label());
            };
            for param in &self.op.params {
                let Some(value) = fields.get(&param.name) else {
                    continue;
                };
                match value {
                    Value::Array(items) => match param.encoding.unwrap_or(ArrayEncoding::Comma) {
                        ArrayEncoding::Comma => {
                            if !items.is_empty() {
                                let joined: Vec<String> = items.iter().map(scalar).collect();
                                out.push((param.name.clone(), joined.join(",")));
                            }
                        }
                        ArrayEncoding::Indexed => {
                            for (i, item) in items.iter().enumerate() {
                                out.push((format!("{}[{i}]", param.name), scalar(item)));
                            }
                        }
                        ArrayEncoding::Json => {
                            panic!("{}: json encoding outside input_json", self.label())
                        }
                    },
                    other => out.push((param.name.clone(), scalar(other))),
                }
            }
            for name in fields.keys() {
                assert!(
                    self.op.params.iter().any(|p| &p.name == name),
                    "{}: {name} is not a parameter",
                    self.label()
                );
            }
        }
        out.extend(self.provider_params());
        out
    }
}

/// One query value of the spec's JSON form.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(true) => "1".to_owned(),
        Value::Bool(false) => "0".to_owned(),
        other => panic!("{other} is not a query scalar"),
    }
}
