//! Decoding `format=xml` and `format=vdf` responses into the generated
//! response types: the body is read into a tree ([`crate::vdf`] for VDF,
//! [`xml`] for XML, the same tree type), then [`de::NodeDe`] reads the tree
//! as the target type asks.
//!
//! The root element (XML) or root key (VDF) is the envelope: it is checked
//! against the operation's envelope when it has one, and its content is the
//! response either way (`GetServerInfo` has no envelope in JSON but is
//! wrapped in `"response"` in VDF).

pub(crate) mod de;
mod error;
mod text;
mod xml;

use serde::de::DeserializeOwned;

use crate::decode::code_result;
use crate::endpoint::{Endpoint, ErrorModel};
use crate::error::Error;
use crate::excerpt::excerpt;
use crate::format::Format;
use crate::vdf::{self, Object, Pair, ParseError, Value};
use de::NodeDe;
use error::{DeError, Path};

/// The tree of an XML or VDF body (a JSON body has none: `None`).
pub(crate) fn parse(body: &[u8], format: Format) -> Option<Result<Object<'_>, ParseError>> {
    match format {
        Format::Json => None,
        Format::Vdf => Some(vdf::parse_bytes(body)),
        Format::Xml => Some(vdf::utf8(body).and_then(xml::parse)),
    }
}

/// Decodes a 2xx XML or VDF body of `E`, checking a success code first if
/// `E` has one.
pub(crate) fn decode_response<E: Endpoint>(
    body: &[u8],
    status: u16,
    format: Format,
) -> Result<E::Response, Error> {
    let tree = tree(body, format)?;
    let root = root(&tree, E::INFO.envelope, body)?;
    if let ErrorModel::SuccessCode {
        field,
        success,
        message_field,
        codes,
    } = E::INFO.errors
        && let Some(code) = member_text(root, field).and_then(code_of)
    {
        let message = message_field
            .and_then(|m| member_text(root, m))
            .map(str::to_owned);
        code_result(code, message, status, success, codes)?;
    }
    decode_root(root, format, body)
}

/// Decodes the content of the root of an XML or VDF body as `T`.
pub(crate) fn decode<T: DeserializeOwned>(
    body: &[u8],
    format: Format,
    envelope: Option<&str>,
) -> Result<T, Error> {
    let tree = tree(body, format)?;
    let root = root(&tree, envelope, body)?;
    decode_root(root, format, body)
}

/// The message of a failed call's body (`<playerstats><error>...`), when the
/// body is XML or VDF and has one.
pub(crate) fn message_of(body: &[u8], format: Format, field: &str) -> Option<String> {
    let tree = parse(body, format)?.ok()?;
    member_text(tree.pairs.first()?, field).map(str::to_owned)
}

fn tree(body: &[u8], format: Format) -> Result<Object<'_>, Error> {
    match parse(body, format) {
        Some(Ok(tree)) => Ok(tree),
        Some(Err(e)) => Err(decode_error(
            body,
            String::new(),
            located(&e.message, e.pos),
        )),
        None => Err(Error::config("JSON has no tree; decoded by serde_json")),
    }
}

/// The root pair, named as the envelope when the operation has one.
fn root<'t, 'a>(
    tree: &'t Object<'a>,
    envelope: Option<&str>,
    body: &[u8],
) -> Result<&'t Pair<'a>, Error> {
    let Some(root) = tree.pairs.first() else {
        return Err(decode_error(
            body,
            String::new(),
            "the body is empty".to_owned(),
        ));
    };
    match envelope {
        Some(name) if root.key != name => Err(decode_error(
            body,
            String::new(),
            located(
                &format!(
                    "expected the root `{name}`, found `{}`",
                    text::shown(&root.key)
                ),
                root.key_pos,
            ),
        )),
        _ => Ok(root),
    }
}

fn decode_root<T: DeserializeOwned>(
    root: &Pair<'_>,
    format: Format,
    body: &[u8],
) -> Result<T, Error> {
    let node = NodeDe {
        value: &root.value,
        path: Path::Root(&root.key),
        format,
        null_ok: true,
    };
    T::deserialize(node).map_err(|e: DeError| {
        let (path, message) = match e.at {
            Some((path, pos)) => (path, located(&e.message, pos)),
            None => (root.key.to_string(), e.message),
        };
        decode_error(body, path, message)
    })
}

/// The text of `root`'s member `field`.
fn member_text<'t>(root: &'t Pair<'_>, field: &str) -> Option<&'t str> {
    match root.value.as_object()?.get(field)? {
        Value::Text(t) => Some(&t.text),
        Value::Object(_) => None,
    }
}

/// A code written as text: digits, or XML's `true`/`false`.
fn code_of(text: &str) -> Option<i64> {
    match text {
        "true" => Some(1),
        "false" => Some(0),
        _ => text.parse().ok(),
    }
}

fn located(message: &str, pos: vdf::Pos) -> String {
    format!("{message} at line {} column {}", pos.line, pos.column)
}

fn decode_error(body: &[u8], path: String, message: String) -> Error {
    Error::Decode {
        path,
        message,
        excerpt: excerpt(body, None),
    }
}
