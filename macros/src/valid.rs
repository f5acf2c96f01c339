//! Checks that need the whole input: rules against field types, bounds
//! against each other, patterns against the regex grammar, and the fields
//! that struct-level rules name.

use quote::ToTokens;
use syn::{Lit, Type};

use crate::ast::{Field, Input};
use crate::attr::{Bound, ContainerRule, Rules};
use crate::ctxt::Ctxt;
use crate::ty::{self, Kind};

pub fn check(input: &Input, cx: &Ctxt) {
    match input {
        Input::Struct(data) => {
            check_fields(&data.fields, cx);
            check_container_rules(&data.attrs.rules, Some(&data.fields), data.named, cx);
        }
        Input::Enum(data) => {
            for variant in &data.variants {
                check_fields(&variant.fields, cx);
                if let Some(skip) = &variant.attrs.skip {
                    for field in &variant.fields {
                        if !field.attrs.rules.is_empty() || field.attrs.skip.is_some() {
                            cx.error(skip, "this variant is skipped, so the rules on its fields would never run");
                            break;
                        }
                    }
                }
            }
            check_container_rules(&data.attrs.rules, None, false, cx);
        }
    }
}

fn check_fields(fields: &[Field], cx: &Ctxt) {
    for field in fields {
        if let Some(skip) = &field.attrs.skip {
            if !field.attrs.rules.is_empty() {
                cx.error(
                    skip,
                    "`skip` cannot be combined with rules on the same field",
                );
            }
            continue;
        }
        check_rules(&field.attrs.rules, Some(field.ty), cx);
    }
}

fn type_name(ty: &Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace(" >", ">")
        .replace("< ", "<")
}

/// `ty` is the type the rules apply to, when known (items of unknown
/// collections are not).
fn check_rules(rules: &Rules, ty: Option<&Type>, cx: &Ctxt) {
    let ty = ty.map(ty::strip_options);
    let kind = ty.map_or(Kind::Unknown, ty::kind);
    let name = ty.map(type_name).unwrap_or_default();

    if let Some(length) = &rules.length {
        if kind.is_scalar() {
            cx.error(
                &length.keyword,
                format!("`length` applies to strings and collections, not to `{name}`"),
            );
        }
        if let (Some(min), Some(max)) = (&length.min, &length.max)
            && min.value > max.value
        {
            cx.error(
                &max.lit,
                format!("min ({}) is greater than max ({})", min.value, max.value),
            );
        }
    }

    if let Some(range) = &rules.range {
        if !matches!(kind, Kind::Int | Kind::Float | Kind::Unknown) {
            cx.error(
                &range.keyword,
                format!("`range` applies to numbers, not to `{name}`"),
            );
        }
        for bound in range.min.iter().chain(&range.max) {
            if kind == Kind::Int && matches!(bound.lit, Lit::Float(_)) {
                cx.error(
                    &bound.expr,
                    format!("`{name}` is an integer type: write an integer bound"),
                );
            }
        }
        if let (Some(min), Some(max)) = (&range.min, &range.max)
            && let (Some(lo), Some(hi)) = (value(min), value(max))
            && lo > hi
        {
            let (lo, hi) = (min.expr.to_token_stream(), max.expr.to_token_stream());
            cx.error(&max.expr, format!("min ({lo}) is greater than max ({hi})"));
        }
    }

    if let Some(pattern) = &rules.pattern {
        if !matches!(kind, Kind::Str | Kind::Unknown) {
            cx.error(
                &pattern.keyword,
                format!("`{}` applies to strings, not to `{name}`", pattern.keyword),
            );
        }
        if let Err(err) = regex_syntax::Parser::new().parse(&pattern.lit.value()) {
            cx.error(&pattern.lit, format!("invalid regex: {err}"));
        }
    }

    if let Some(one_of) = &rules.one_of
        && kind.is_collection()
    {
        cx.error(
            &one_of.keyword,
            format!("`one_of` applies to single values, not to `{name}`"),
        );
    }

    if let Some(inner) = &rules.inner {
        if !matches!(kind, Kind::Seq | Kind::Map | Kind::Unknown) {
            cx.error(
                &inner.keyword,
                format!("`inner` applies to sequences and maps, not to `{name}`"),
            );
        }
        check_rules(&inner.rules, ty.and_then(ty::item_type), cx);
    }
}

/// A bound's value, for comparing min with max; `None` past f64/i128.
fn value(bound: &Bound) -> Option<f64> {
    let v = match &bound.lit {
        Lit::Int(int) => int.base10_parse::<i128>().ok()? as f64,
        Lit::Float(float) => float.base10_parse::<f64>().ok()?,
        _ => return None,
    };
    Some(if bound.negative { -v } else { v })
}

fn check_container_rules(
    rules: &[ContainerRule],
    fields: Option<&[Field]>,
    named: bool,
    cx: &Ctxt,
) {
    for rule in rules {
        let keyword = match rule {
            ContainerRule::AtLeastOneOf { keyword, .. }
            | ContainerRule::RequiredIf { keyword, .. } => keyword,
        };
        let Some(fields) = fields.filter(|_| named) else {
            cx.error(
                keyword,
                format!("`{keyword}` needs a struct with named fields"),
            );
            continue;
        };
        let find = |name: &syn::Ident| {
            let found = fields.iter().find(|f| f.ident == Some(name));
            if found.is_none() {
                cx.error(name, format!("no field named `{name}`"));
            }
            found
        };
        let require_option = |name: &syn::Ident, field: &Field, also_bool: bool| {
            let kind = ty::kind(field.ty);
            let ok =
                kind == Kind::Option || kind == Kind::Unknown || (also_bool && kind == Kind::Bool);
            if !ok {
                let what = if also_bool {
                    "an `Option` or a `bool`"
                } else {
                    "an `Option`"
                };
                cx.error(name, format!("`{name}` must be {what} for `{keyword}`"));
            }
        };
        match rule {
            ContainerRule::AtLeastOneOf { fields: names, .. } => {
                for name in names {
                    if let Some(field) = find(name) {
                        require_option(name, field, false);
                    }
                }
            }
            ContainerRule::RequiredIf {
                field,
                when,
                equals,
                ..
            } => {
                if let Some(f) = find(field) {
                    require_option(field, f, false);
                }
                if let Some(w) = find(when)
                    && equals.is_none()
                {
                    require_option(when, w, true);
                }
            }
        }
    }
}
