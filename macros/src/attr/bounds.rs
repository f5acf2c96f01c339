//! The arguments of `length(...)` and `range(...)`: `min`, `max`, or `equal`.

use syn::parse::{Parse, ParseStream};
use syn::{Expr, ExprLit, Ident, Lit, Meta, Token, UnOp};

use super::{Bound, Bounds, Count, Length, Range, name_value};
use crate::ctxt::Ctxt;
use crate::symbol::{EQUAL, MAX, MIN};

pub(super) fn parse_length(keyword: Ident, content: ParseStream, cx: &Ctxt) -> syn::Result<Length> {
    parse_bounds(keyword, content, cx, |value| match value {
        Expr::Lit(ExprLit {
            lit: Lit::Int(lit), ..
        }) => match lit.base10_parse::<usize>() {
            Ok(value) => Some(Count {
                value,
                lit: lit.clone(),
            }),
            Err(err) => {
                cx.syn_error(err);
                None
            }
        },
        _ => {
            cx.error(value, "a length bound must be an integer literal");
            None
        }
    })
}

pub(super) fn parse_range(keyword: Ident, content: ParseStream, cx: &Ctxt) -> syn::Result<Range> {
    parse_bounds(keyword, content, cx, |value| {
        let bound = number(value);
        if bound.is_none() {
            cx.error(
                value,
                "a range bound must be a number literal (with a suffix such as `u64` where the type needs one)",
            );
        }
        bound
    })
}

/// The arguments of `length(...)` or `range(...)` (named by `keyword`): each of `min` and `max`
/// at most once, or `equal` alone. `read` turns a value into a bound, or reports why it cannot.
fn parse_bounds<T: Clone>(
    keyword: Ident,
    content: ParseStream,
    cx: &Ctxt,
    read: impl Fn(&Expr) -> Option<T>,
) -> syn::Result<Bounds<T>> {
    let mut bounds = Bounds {
        keyword,
        min: None,
        max: None,
    };
    let rule = bounds.keyword.to_string();
    let mut equal = false;
    let metas = content.parse_terminated(Meta::parse, Token![,])?;
    if metas.is_empty() {
        cx.error(
            &bounds.keyword,
            format!("`{rule}(...)` needs `min`, `max` or `equal`"),
        );
    }
    for meta in metas {
        let Some((name, value)) = name_value(&meta, cx) else {
            continue;
        };
        let taken = if name == MIN {
            bounds.min.is_some()
        } else if name == MAX {
            bounds.max.is_some()
        } else if name == EQUAL {
            bounds.min.is_some() || bounds.max.is_some()
        } else {
            cx.error(
                meta.path(),
                format!(
                    "unknown argument `{name}` in `{rule}(...)`; expected `min`, `max` or `equal`"
                ),
            );
            continue;
        };
        bound_conflicts(cx, &meta, &name, &mut equal, taken);
        let Some(bound) = read(value) else {
            continue;
        };
        if name != MAX {
            bounds.min = Some(bound.clone());
        }
        if name != MIN {
            bounds.max = Some(bound);
        }
    }
    Ok(bounds)
}

fn bound_conflicts(cx: &Ctxt, meta: &Meta, name: &str, equal: &mut bool, taken: bool) {
    if *equal || (name == EQUAL && taken) {
        cx.error(meta, "`equal` cannot be combined with `min` or `max`");
    } else if taken {
        cx.error(meta.path(), format!("duplicate `{name}`"));
    }
    *equal |= name == EQUAL;
}

fn number(expr: &Expr) -> Option<Bound> {
    let (lit, negative) = match expr {
        Expr::Lit(ExprLit { lit, .. }) => (lit, false),
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => match &*unary.expr {
            Expr::Lit(ExprLit { lit, .. }) => (lit, true),
            _ => return None,
        },
        _ => return None,
    };
    matches!(lit, Lit::Int(_) | Lit::Float(_)).then(|| Bound {
        expr: expr.clone(),
        lit: lit.clone(),
        negative,
    })
}
