//! `providers.yaml`: each provider's hosts, path template, credential and error model.

use std::collections::BTreeSet;

use crate::load::cx::Cx;
use crate::load::names;
use crate::load::plain_int::check_plain_int;
use crate::load::urls::{check_path_template, host_error, is_host};
use crate::model::{ErrorCode, ErrorModel, Provider};
use crate::syntax::format::{ErrorKind, ErrorModelDef, ProviderDef};
use crate::syntax::pos::Sp;

pub(super) fn provider(id: &Sp<String>, def: &ProviderDef, cx: &mut Cx) -> Option<Provider> {
    let cp = cx.checkpoint();
    if !names::is_api_name(id) {
        cx.error(id, format!("invalid provider id '{}'", id.value));
    }
    for h in std::iter::once(&def.host).chain(def.publisher_host.as_ref()) {
        if !is_host(h) {
            cx.error(h, host_error(h));
        }
    }
    if let Some(p) = &def.path
        && let Err(e) = check_path_template(p)
    {
        cx.error(p, e);
    }
    let errors = error_model(&def.errors, cx)?;
    cx.clean_since(cp).then(|| Provider {
        id: id.value.clone(),
        title: def.title.clone(),
        description: def.description.clone(),
        host: def.host.value.clone(),
        publisher_host: def.publisher_host.as_ref().map(|h| h.value.clone()),
        auth_param: def.auth.param.value.clone(),
        auth_name: def.auth.name.clone(),
        auth_env: def.auth.env.clone(),
        format_param: def
            .format_param
            .as_ref()
            .map(|f| (f.name.clone(), f.value.clone())),
        path_template: def.path.as_ref().map(|p| p.value.clone()),
        service_suffix: def.service_suffix.clone(),
        form_body: def.form_body,
        errors,
        pos: cx.pos(id),
    })
}

/// An error model of a provider, interface or operation.
pub(super) fn error_model(def: &ErrorModelDef, cx: &mut Cx) -> Option<ErrorModel> {
    let cp = cx.checkpoint();
    check_error_kind(def, cx);
    if let Some(success) = &def.success {
        check_plain_int("success", success, cx);
    }
    let mut seen = BTreeSet::new();
    for c in &def.codes {
        check_plain_int("value", &c.value, cx);
        if !seen.insert(c.value.value) {
            cx.error(&c.value, format!("duplicate error code {}", c.value.value));
        }
        if Some(c.value.value) == def.success.as_ref().map(|s| s.value) {
            let message = format!("error code {} is the success value", c.value.value);
            cx.error(&c.value, message);
        }
        if !names::is_valid_ident(&c.name) || c.name.chars().any(|ch| ch.is_ascii_uppercase()) {
            let message = format!("error code name '{}' must be snake_case", c.name.value);
            cx.error(&c.name, message);
        }
    }
    if !cx.clean_since(cp) {
        return None;
    }
    // The kind's checks above make sure what it needs is there.
    let field = def.field.as_ref().map(|f| f.value.clone());
    let description = def.description.clone();
    match (def.kind.value, field) {
        (ErrorKind::HttpStatus, _) => Some(ErrorModel::HttpStatus { description }),
        (ErrorKind::SuccessCode, Some(field)) => Some(ErrorModel::SuccessCode {
            field,
            success: def.success.as_ref()?.value,
            message_field: def.message_field.as_ref().map(|f| f.value.clone()),
            codes: def
                .codes
                .iter()
                .map(|c| ErrorCode {
                    value: c.value.value,
                    name: c.name.value.clone(),
                    description: c.description.clone(),
                })
                .collect(),
            description,
        }),
        (ErrorKind::Message, Some(field)) => Some(ErrorModel::Message { field, description }),
        (_, None) => None,
    }
}

/// Each error kind's settings: the ones it needs are there, the ones that do not apply are not
/// (each reported at its own value).
fn check_error_kind(def: &ErrorModelDef, cx: &mut Cx) {
    let pos = cx.pos(&def.kind);
    let field = def.field.as_ref().map(|f| cx.pos(f));
    let success = def.success.as_ref().map(|f| cx.pos(f));
    let message_field = def.message_field.as_ref().map(|f| cx.pos(f));
    let codes = def.codes.first().map(|c| cx.pos(&c.value));
    let (kind, missing, extra) = match def.kind.value {
        ErrorKind::HttpStatus => (
            "http_status",
            vec![],
            vec![
                ("field", field),
                ("success", success),
                ("message_field", message_field),
                ("codes", codes),
            ],
        ),
        ErrorKind::SuccessCode => {
            let missing = [
                ("'field'", field.is_none()),
                ("'success'", success.is_none()),
            ];
            ("success_code", missing.to_vec(), vec![])
        }
        ErrorKind::Message => (
            "message",
            vec![("'field'", field.is_none())],
            vec![
                ("success", success),
                ("message_field", message_field),
                ("codes", codes),
            ],
        ),
    };
    let missing: Vec<&str> = missing
        .into_iter()
        .filter_map(|(n, m)| m.then_some(n))
        .collect();
    if !missing.is_empty() {
        let message = format!("error kind {kind} needs {}", missing.join(" and "));
        cx.error_at(pos, message);
    }
    for (name, at) in extra {
        if let Some(at) = at {
            cx.error_at(at, format!("'{name}' does not apply to error kind {kind}"));
        }
    }
}
