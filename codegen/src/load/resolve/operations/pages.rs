//! `pages:`: the response array of one page's items, and what drives the paging: an offset
//! parameter (and maybe a page-size one), or a cursor parameter fed from a response field (and
//! maybe a `bool` field saying more pages follow).

use crate::load::cx::Cx;
use crate::model::{Field, PageField, PageKind, Pages, Param, Scalar, TypeRef};
use crate::syntax::format::PagesDef;
use crate::syntax::pos::Sp;

/// The operation's paging, if its `pages:` checks out; each problem is reported where it stands.
pub(super) fn resolve(
    def: &PagesDef,
    params: &[Param],
    fields: Option<&[Field]>,
    cx: &mut Cx,
) -> Option<Pages> {
    let Some(fields) = fields else {
        cx.error(
            &def.items,
            "pages need a response that is a struct with fields",
        );
        return None;
    };
    let items = field(&def.items, "items", fields, cx);
    let items = items.and_then(|f| match &f.ty {
        TypeRef::Array(item) => Some((
            page_field(f.rust_name.clone(), f.presence.is_optional(), &f.ty),
            (**item).clone(),
        )),
        other => {
            let message = format!(
                "pages 'items' field `{}` must be an array (it is {})",
                f.name,
                other.display()
            );
            cx.error(&def.items, message);
            None
        }
    });
    let kind = kind(def, params, fields, cx);
    let ((items, item), kind) = (items?, kind?);
    Some(Pages { items, item, kind })
}

fn page_field(rust: String, optional: bool, ty: &TypeRef) -> PageField {
    PageField {
        rust,
        optional,
        ty: ty.clone(),
    }
}

/// Offset or cursor paging, from whichever keys are given.
fn kind(def: &PagesDef, params: &[Param], fields: &[Field], cx: &mut Cx) -> Option<PageKind> {
    match (&def.offset, &def.cursor, &def.next) {
        (Some(offset), None, None) => {
            if let Some(more) = &def.more {
                cx.error(
                    more,
                    "pages 'more' goes with cursor paging ('cursor' and 'next'), not 'offset'",
                );
            }
            let offset = integer_param(offset, "offset", params, cx);
            let limit = def
                .limit
                .as_ref()
                .map(|l| integer_param(l, "limit", params, cx));
            match limit {
                Some(None) => None,
                Some(Some(limit)) => Some(PageKind::Offset {
                    offset: offset?,
                    limit: Some(limit),
                }),
                None => Some(PageKind::Offset {
                    offset: offset?,
                    limit: None,
                }),
            }
        }
        (None, Some(cursor), Some(next)) => {
            if let Some(limit) = &def.limit {
                cx.error(
                    limit,
                    "pages 'limit' goes with 'offset' paging, not 'cursor'",
                );
            }
            cursor_kind(def, cursor, next, params, fields, cx)
        }
        (Some(offset), Some(_), _) | (Some(offset), None, Some(_)) => {
            cx.error(
                offset,
                "pages take 'offset' or 'cursor' and 'next', not both",
            );
            None
        }
        (None, Some(cursor), None) => {
            cx.error(
                cursor,
                "pages 'cursor' needs 'next': the response field with the next page's cursor",
            );
            None
        }
        (None, None, Some(next)) => {
            cx.error(
                next,
                "pages 'next' needs 'cursor': the parameter the next page's cursor goes in",
            );
            None
        }
        (None, None, None) => {
            cx.error(
                &def.items,
                "pages need 'offset' (count/offset paging) or 'cursor' and 'next' (cursor paging)",
            );
            None
        }
    }
}

fn cursor_kind(
    def: &PagesDef,
    cursor: &Sp<String>,
    next: &Sp<String>,
    params: &[Param],
    fields: &[Field],
    cx: &mut Cx,
) -> Option<PageKind> {
    let cursor = param(cursor, "cursor", params, cx);
    let next_field = field(next, "next", fields, cx);
    let more = def.more.as_ref().map(|m| {
        let f = field(m, "more", fields, cx)?;
        if f.ty != TypeRef::Scalar(Scalar::Bool) || f.presence.is_nullable() {
            cx.error(
                m,
                format!(
                    "pages 'more' field `{}` must be a bool, not nullable (it is {})",
                    f.name,
                    f.ty.display()
                ),
            );
            return None;
        }
        Some(page_field(
            f.rust_name.clone(),
            f.presence.is_optional(),
            &f.ty,
        ))
    });
    let (cursor, next_field) = (cursor?, next_field?);
    if next_field.ty != cursor.ty || next_field.presence.is_nullable() {
        let message = format!(
            "pages 'next' field `{}` must have the cursor parameter's type {}, not nullable (it is {})",
            next_field.name,
            cursor.ty.display(),
            next_field.ty.display()
        );
        cx.error(next, message);
        return None;
    }
    let more = match more {
        Some(None) => return None,
        Some(Some(more)) => Some(more),
        None => None,
    };
    Some(PageKind::Cursor {
        cursor: page_field(cursor.rust_name.clone(), cursor.optional, &cursor.ty),
        next: page_field(
            next_field.rust_name.clone(),
            next_field.presence.is_optional(),
            &next_field.ty,
        ),
        more,
    })
}

/// The response field `name` (not nullable), reported when missing.
fn field<'a>(name: &Sp<String>, key: &str, fields: &'a [Field], cx: &mut Cx) -> Option<&'a Field> {
    let Some(f) = fields.iter().find(|f| f.name == name.value) else {
        let known: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        let message = format!(
            "pages '{key}' field `{}` is not a field of the response (it has: {})",
            name.value,
            known.join(", ")
        );
        cx.error(name, message);
        return None;
    };
    if f.presence.is_nullable() && key == "items" {
        cx.error(
            name,
            format!("pages 'items' field `{}` must not be nullable", f.name),
        );
        return None;
    }
    Some(f)
}

/// The parameter `name`, reported when missing.
fn param<'a>(name: &Sp<String>, key: &str, params: &'a [Param], cx: &mut Cx) -> Option<&'a Param> {
    let found = params.iter().find(|p| p.name == name.value);
    if found.is_none() {
        let known: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
        let message = format!(
            "pages '{key}' parameter `{}` is not a parameter of the operation (it has: {})",
            name.value,
            known.join(", ")
        );
        cx.error(name, message);
    }
    found
}

/// An integer parameter (a count, not a timestamp or an id).
fn integer_param(name: &Sp<String>, key: &str, params: &[Param], cx: &mut Cx) -> Option<PageField> {
    let p = param(name, key, params, cx)?;
    let counts = matches!(
        p.ty,
        TypeRef::Scalar(Scalar::Uint32 | Scalar::Int32 | Scalar::Uint64 | Scalar::Int64)
    );
    if !counts {
        let message = format!(
            "pages '{key}' parameter `{}` must be an integer count (uint32, int32, uint64 or int64; it is {})",
            p.name,
            p.ty.display()
        );
        cx.error(name, message);
        return None;
    }
    Some(page_field(p.rust_name.clone(), p.optional, &p.ty))
}
