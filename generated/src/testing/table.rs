//! The shape of the generated table (`api/fake_table.rs`): what the fake knows about each
//! operation, all of it from the spec.

use steam_webapi_runtime::__private::EndpointInfo;

/// One operation as the fake serves it.
#[derive(Debug)]
pub(crate) struct FakeOperation {
    /// Where and how the client sends it; the envelope of its answer.
    pub(crate) info: EndpointInfo,
    /// The request type's name, for messages.
    pub(crate) request_type: &'static str,
    /// Whether the parameters travel in one `input_json` value.
    pub(crate) input_json: bool,
    /// The provider's credential parameter, e.g. `key`.
    pub(crate) credential: &'static str,
    /// The provider's format parameter, if it has one, e.g. `format`.
    pub(crate) format: Option<&'static str>,
    /// Its parameters, by wire name.
    pub(crate) params: &'static [FakeParam],
    /// Its examples with a response, in spec order.
    pub(crate) examples: &'static [FakeExample],
}

/// One parameter.
#[derive(Debug)]
pub(crate) struct FakeParam {
    /// Wire name.
    pub(crate) name: &'static str,
    /// Whether a request must carry it.
    pub(crate) required: bool,
    /// How it travels outside `input_json`.
    pub(crate) layout: ParamLayout,
    /// What its (item) values must look like.
    pub(crate) kind: ParamKind,
}

/// How a parameter travels outside `input_json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamLayout {
    /// `name=v`.
    Value,
    /// `name=a,b,c`.
    Comma,
    /// `name[0]=a&name[1]=b`.
    Indexed,
    /// A JSON array (only inside `input_json`).
    Json,
}

/// What a value must look like on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ParamKind {
    /// `1` or `0`.
    Bool,
    /// Decimal digits.
    Unsigned,
    /// Decimal digits, maybe after `-`.
    Signed,
    /// A decimal number.
    // No parameter of this repository's spec is a float; another spec's may be.
    #[allow(dead_code)]
    Float,
    /// Anything.
    Text,
}

/// One example answer.
#[derive(Debug)]
pub(crate) struct FakeExample {
    /// Its name in the spec, e.g. `docs`.
    pub(crate) name: &'static str,
    /// Its HTTP status.
    pub(crate) status: u16,
    /// The whole body, envelope included, as JSON text.
    pub(crate) body: &'static str,
}

/// The generated table: every operation whose interface's feature is on.
pub(crate) fn operations() -> &'static [FakeOperation] {
    crate::api::fake_table::OPERATIONS
}
