//! An operation's parameters: the interface's common ones first, then its own.

use std::collections::BTreeMap;

use super::Scope;
use crate::load::constraints;
use crate::load::cx::Cx;
use crate::load::names;
use crate::load::resolve::types::{rust_name_of, type_ref};
use crate::model::{
    ArrayEncoding, Constraints, InputEncoding, ListingNote, Param, Pos, Scalar, TypeRef,
};
use crate::syntax::format::{OperationDef, ParamDef};
use crate::syntax::pos::Sp;

pub(super) fn resolve(
    scope: &Scope,
    op: &OperationDef,
    input: InputEncoding,
    cx: &mut Cx,
) -> Vec<Param> {
    let provider = scope.provider;
    let mut params = Vec::new();
    let mut seen: BTreeMap<String, Pos> = BTreeMap::new();
    let mut rust_seen: BTreeMap<String, (String, Pos)> = BTreeMap::new();
    for p in scope.def.common_parameters.iter().chain(&op.parameters) {
        if let Some(first) = seen.get(&p.name.value) {
            let message = format!("duplicate parameter '{}' (first at {first})", p.name.value);
            cx.error(&p.name, message);
            continue;
        }
        seen.insert(p.name.value.clone(), cx.pos(&p.name));
        let sent_always = p.name.value == provider.auth_param
            || (provider.format_param.as_ref()).is_some_and(|(n, _)| *n == p.name.value);
        if sent_always {
            let message = format!(
                "'{}' is sent by the client for every call; do not list it as a parameter",
                p.name.value
            );
            cx.error(&p.name, message);
            continue;
        }
        let Some(par) = param(scope, p, input, cx) else {
            continue;
        };
        if par.optional && par.rust_name == names::CONSTRUCTOR {
            cx.error(
                &p.name,
                format!(
                    "optional parameter '{}' gets the setter `new`, which clashes with the request's constructor; set rust_name",
                    par.name
                ),
            );
        }
        if let Some((other, first)) = rust_seen.get(&par.rust_name) {
            cx.error(
                &p.name,
                format!(
                    "parameter '{}' and parameter '{other}' (at {first}) both become `{}` in Rust; set rust_name on one",
                    par.name, par.rust_name
                ),
            );
        } else {
            rust_seen.insert(par.rust_name.clone(), (par.name.clone(), par.pos.clone()));
        }
        params.push(par)
    }
    params
}

fn param(scope: &Scope, p: &ParamDef, input: InputEncoding, cx: &mut Cx) -> Option<Param> {
    let bad_char = |c: char| c.is_whitespace() || c == '&' || c == '=';
    if p.name.is_empty() || p.name.chars().any(bad_char) {
        cx.error(
            &p.name,
            format!("invalid parameter name '{}'", p.name.value),
        );
        return None;
    }
    let rust_name = cx.recover(|cx| rust_name_of(&p.name, p.rust_name.as_ref(), cx));
    let ty = type_ref(&scope.def.interface, &p.ty, scope.names, cx)?;
    let constraints = cx.recover(|cx| constraints::resolve(p.constraints.as_ref(), &ty, cx));
    let encoding = encoding(p.encoding.as_ref(), &ty, input, cx).ok()?;
    cx.recover(|cx| check_comma_items(p, &ty, encoding, &constraints, cx));
    if input == InputEncoding::Query && !is_flat(&ty, scope) {
        cx.error(
            &p.ty,
            format!(
                "parameter '{}' of type {} cannot be sent as a query parameter; use input: input_json",
                p.name.value,
                ty.display()
            ),
        );
        return None;
    }
    Some(Param {
        name: p.name.value.clone(),
        rust_name,
        ty,
        optional: p.optional.as_ref().is_some_and(|o| o.value),
        default: p.default.as_ref().map(|d| d.value.clone()),
        description: p.description.clone(),
        listing_description: p.listing_description.clone(),
        constraints,
        encoding,
        listing: p.listing.as_ref().map(|l| ListingNote {
            ty: l.ty.clone(),
            optional: l.optional,
            source: l.source.clone(),
            note: l.note.clone(),
        }),
        notes: p.notes.clone(),
        pos: cx.pos(&p.name),
    })
}

/// How an array parameter is written outside input_json (`None` for other types); `Err` when
/// the spec asks for what cannot be (reported).
fn encoding(
    given: Option<&Sp<ArrayEncoding>>,
    ty: &TypeRef,
    input: InputEncoding,
    cx: &mut Cx,
) -> Result<Option<ArrayEncoding>, ()> {
    let json_input = input == InputEncoding::InputJson;
    match (given, ty) {
        (Some(e), TypeRef::Array(_)) => {
            if e.value != ArrayEncoding::Json && json_input {
                cx.error(
                    e,
                    "inside input_json every array is a JSON array; leave 'encoding' out or say 'json'",
                );
                return Err(());
            }
            if e.value == ArrayEncoding::Json && !json_input {
                cx.error(
                    e,
                    "encoding 'json' needs the operation's input to be input_json",
                );
                return Err(());
            }
            Ok(Some(e.value))
        }
        (Some(e), _) => {
            let message = format!("'encoding' applies to arrays, not to {}", ty.display());
            cx.error(e, message);
            Err(())
        }
        (None, TypeRef::Array(_)) if json_input => Ok(Some(ArrayEncoding::Json)),
        (None, TypeRef::Array(_)) => Ok(Some(ArrayEncoding::Comma)),
        (None, _) => Ok(None),
    }
}

/// Strings joined with ',' must not be empty or hold a comma: either would change the list
/// the server reads.
fn check_comma_items(
    p: &ParamDef,
    ty: &TypeRef,
    encoding: Option<ArrayEncoding>,
    constraints: &Constraints,
    cx: &mut Cx,
) {
    if encoding == Some(ArrayEncoding::Comma)
        && matches!(ty, TypeRef::Array(item) if **item == TypeRef::Scalar(Scalar::String))
        && !items_exclude_commas(constraints)
    {
        cx.error(
            &p.name,
            format!(
                "the items of '{}' are joined with ',': an empty item or one with a comma would \
                 change the list the server reads; constrain them, e.g. \
                 items: {{pattern: \"^[^,]+$\"}}",
                p.name.value
            ),
        );
    }
}

/// Whether a value of `ty` is one query value (outside input_json a parameter must be).
fn is_flat(ty: &TypeRef, scope: &Scope) -> bool {
    let is_enum = |n: &String| scope.names.enums.contains(n);
    match ty {
        TypeRef::Scalar(s) => *s != Scalar::Json,
        TypeRef::Array(inner) => {
            matches!(**inner, TypeRef::Scalar(s) if s != Scalar::Json)
                || matches!(&**inner, TypeRef::Named(n) if is_enum(n))
        }
        TypeRef::Named(n) => is_enum(n),
        TypeRef::Map(..) => false,
    }
}

/// Whether the items' pattern refuses an empty string and the commas that would split an item
/// (tried on a few: a pattern is not analysed).
fn items_exclude_commas(constraints: &Constraints) -> bool {
    let Some(pattern) = constraints
        .items
        .as_ref()
        .and_then(|i| i.pattern.as_deref())
    else {
        return false;
    };
    crate::model::value_check::compiled(pattern).is_some_and(|re| {
        ["", ",", "a,b", "0,1", "a,", ",a"]
            .iter()
            .all(|s| !re.is_match(s))
    })
}
