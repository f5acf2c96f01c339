//! Where an operation is sent and how: method name and version, credential, host, path and
//! how its parameters travel.

use super::Scope;
use crate::load::cx::Cx;
use crate::load::names;
use crate::load::plain_int::check_plain_int;
use crate::load::urls::{check_path_template, host_error, is_host};
use crate::model::{Auth, InputEncoding, Status, Visibility};
use crate::syntax::format::{InterfaceFile, OperationDef};

/// The resolved endpoint settings of one operation.
pub(super) struct Endpoint {
    pub host: String,
    pub path: String,
    pub visibility: Visibility,
    pub status: Status,
    pub auth: Auth,
    pub input: InputEncoding,
}

pub(super) fn resolve(scope: &Scope, op: &OperationDef, cx: &mut Cx) -> Endpoint {
    let def = scope.def;
    if !names::is_api_name(&op.method) {
        let message = format!("invalid method name '{}'", op.method.value);
        cx.error(&op.method, message);
    }
    check_plain_int("version", &op.version, cx);
    if op.version.value == 0 {
        cx.error(&op.version, "version must be 1 or more");
    }
    let visibility = op
        .visibility
        .as_ref()
        .or(def.visibility.as_ref())
        .map_or(Visibility::Public, |v| v.value);
    let status = op
        .status
        .as_ref()
        .or(def.status.as_ref())
        .map_or(Status::Live, |s| s.value);
    let auth = op.auth.as_ref().map_or(Auth::Required, |a| a.value);
    if let Some(a) = &op.auth
        && visibility == Visibility::Publisher
        && a.value != Auth::Required
    {
        cx.error(
            a,
            "a publisher-only operation needs the publisher key: `auth` must be `required`",
        );
    }
    let is_service = scope
        .provider
        .service_suffix
        .as_ref()
        .is_some_and(|s| def.interface.ends_with(s.as_str()));
    let input = op.input.as_ref().map_or(
        if is_service {
            InputEncoding::InputJson
        } else {
            InputEncoding::Query
        },
        |i| i.value,
    );
    Endpoint {
        host: host(scope, op, visibility, cx),
        path: path(scope, op, cx),
        visibility,
        status,
        auth,
        input,
    }
}

/// The operation's host, else the provider's for its visibility.
fn host(scope: &Scope, op: &OperationDef, visibility: Visibility, cx: &mut Cx) -> String {
    let provider = scope.provider;
    match (&op.host, visibility) {
        (Some(h), _) => {
            if !is_host(h) {
                cx.error(h, host_error(h));
            }
            h.value.clone()
        }
        (None, Visibility::Publisher) => match &provider.publisher_host {
            Some(h) => h.clone(),
            None => {
                let message = format!(
                    "provider '{}' has no publisher_host for a publisher operation",
                    provider.id
                );
                cx.error(&op.method, message);
                String::new()
            }
        },
        (None, Visibility::Public) => provider.host.clone(),
    }
}

/// The operation's path, else the provider's template, filled in.
fn path(scope: &Scope, op: &OperationDef, cx: &mut Cx) -> String {
    match (&op.path, &scope.provider.path_template) {
        (Some(p), _) => {
            if let Err(e) = check_path_template(p) {
                cx.error(p, e);
            }
            fill_path(p, scope.def, op)
        }
        (None, Some(t)) => fill_path(t, scope.def, op),
        (None, None) => {
            let message = format!(
                "operation needs a 'path': provider '{}' has no path template",
                scope.provider.id
            );
            cx.error(&op.method, message);
            String::new()
        }
    }
}

fn fill_path(t: &str, def: &InterfaceFile, op: &OperationDef) -> String {
    t.replace("{interface}", &def.interface)
        .replace("{method}", &op.method)
        .replace("{version}", &op.version.value.to_string())
}
