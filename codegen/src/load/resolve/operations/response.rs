//! What an operation returns: a named type or inline fields (which become a type of their own),
//! inside an optional envelope.

use super::Scope;
use crate::load::cx::Cx;
use crate::load::resolve::names::{OpNames, check_type_name};
use crate::load::resolve::types::{fields_of, type_ref};
use crate::model::{NamedType, Response, TypeKind, TypeRef};
use crate::syntax::format::OperationDef;

/// The response, and the inline type it defines if it does; the response is `None` when its
/// type cannot be resolved.
pub(super) fn resolve(
    scope: &Scope,
    op: &OperationDef,
    names: &OpNames,
    cx: &mut Cx,
) -> (Option<Response>, Option<NamedType>) {
    let def = scope.def;
    let r = &op.response;
    let (ty, inline) = match (&r.ty, &r.fields, &names.response) {
        (Some(t), None, _) => {
            if let Some(n) = &r.name {
                cx.error(n, "response 'name' only applies to inline 'fields'");
            }
            (type_ref(&def.interface, t, scope.names, cx), None)
        }
        (None, Some(fields), Some(name)) => {
            check_type_name(name, cx);
            let inline =
                fields_of(&def.interface, name, fields, scope.names, cx).map(|fs| NamedType {
                    name: name.value.clone(),
                    interface: def.interface.value.clone(),
                    description: r
                        .description
                        .clone()
                        .or_else(|| Some(format!("The result of {}.", op.method.value))),
                    notes: Vec::new(),
                    kind: TypeKind::Struct(fs),
                    pos: cx.pos(name),
                });
            (
                inline.as_ref().map(|t| TypeRef::Named(t.name.clone())),
                inline,
            )
        }
        _ => {
            let message = "response needs exactly one of 'type' or 'fields'";
            match &r.ty {
                Some(t) => cx.error(t, message),
                None => cx.error(&op.method, message),
            }
            (None, None)
        }
    };
    if let Some(env) = &r.envelope
        && env.is_empty()
    {
        cx.error(
            env,
            "envelope must not be empty (leave it out for no envelope)",
        );
    }
    let response = ty.map(|ty| Response {
        envelope: r.envelope.as_ref().map(|e| e.value.clone()),
        ty,
        description: r.description.clone(),
    });
    (response, inline)
}
