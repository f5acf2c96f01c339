//! The struct as the wire derives see it: fields, wire names, presence, form.

use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, ExprPath, Fields, Meta, Token};

use crate::attr::string_lit;
use crate::ctxt::Ctxt;
use crate::symbol::{DEFAULT, RENAME, SERDE, SKIP_SERIALIZING_IF, WITH};
use crate::ty::option_inner;

pub struct Struct<'a> {
    pub ident: &'a syn::Ident,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: &'a syn::Ident,
    /// The key on the wire (`rename`, else the field's name without `r#`).
    pub wire: String,
    /// A missing key is `Default::default()` (`default`, or an `Option`).
    pub default: bool,
    /// `skip_serializing_if`: the field is left out when this says so.
    pub skip_if: Option<ExprPath>,
    pub form: Form,
}

/// How a number travels.
#[derive(Clone, Copy, PartialEq)]
pub enum Form {
    /// The type's own serde impls.
    Plain,
    /// `wire::as_number`: written as a number, read from a number or a string.
    Number,
    /// `wire::as_string`: written as a string, read from either.
    String,
}

/// `codec::MAX_FIELDS` of the runtime: one bit per field in a `u64`.
const MAX_FIELDS: usize = 64;

const SUPPORTED: &str = "steam_webapi's serde derives support `rename`, `default`, \
     `skip_serializing_if` and `with` = `wire::as_number` or `wire::as_string`; use serde's \
     derive for anything else";

impl<'a> Struct<'a> {
    /// `read`: the `Deserialize` impl is asked for, which holds at most
    /// `codec::MAX_FIELDS` fields.
    pub fn from_ast(input: &'a DeriveInput, read: bool) -> syn::Result<Self> {
        let cx = Ctxt::default();
        if !input.generics.params.is_empty() {
            cx.error(
                &input.generics,
                "steam_webapi's serde derives do not support generics",
            );
        }
        let named = match &input.data {
            Data::Struct(s) => match &s.fields {
                Fields::Named(named) => Some(named),
                other => {
                    cx.error(
                        other,
                        "steam_webapi's serde derives support structs with named fields only",
                    );
                    None
                }
            },
            _ => {
                cx.error(
                    &input.ident,
                    "steam_webapi's serde derives support structs with named fields only",
                );
                None
            }
        };
        for attr in input.attrs.iter().filter(|a| a.path() == SERDE) {
            cx.error(
                attr,
                "steam_webapi's serde derives take no container attributes",
            );
        }
        let fields: Vec<Field> = named
            .map(|n| n.named.iter().filter_map(|f| field(&cx, f)).collect())
            .unwrap_or_default();
        if read && fields.len() > MAX_FIELDS {
            cx.error(
                &input.ident,
                format!(
                    "steam_webapi's Deserialize derive supports at most {MAX_FIELDS} fields, this struct has {}",
                    fields.len()
                ),
            );
        }
        match cx.finish() {
            Some(e) => Err(e),
            None => Ok(Struct {
                ident: &input.ident,
                fields,
            }),
        }
    }
}

fn field<'a>(cx: &Ctxt, f: &'a syn::Field) -> Option<Field<'a>> {
    let member = f.ident.as_ref()?;
    let mut out = Field {
        member,
        wire: member.to_string().trim_start_matches("r#").to_owned(),
        // serde reads a missing `Option` as `None` without `default`, and so does this derive.
        default: option_inner(&f.ty).is_some(),
        skip_if: None,
        form: Form::Plain,
    };
    for attr in f.attrs.iter().filter(|a| a.path() == SERDE) {
        let items = match attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated) {
            Ok(items) => items,
            Err(e) => {
                cx.syn_error(e);
                continue;
            }
        };
        for meta in items {
            read_item(cx, &meta, &mut out);
        }
    }
    Some(out)
}

fn read_item(cx: &Ctxt, meta: &Meta, out: &mut Field) {
    let key = meta.path();
    if key == DEFAULT && matches!(meta, Meta::Path(_)) {
        out.default = true;
        return;
    }
    let Meta::NameValue(nv) = meta else {
        cx.error(meta, SUPPORTED);
        return;
    };
    let Some(text) = string_lit(&nv.value).map(|s| s.value()) else {
        cx.error(&nv.value, "expected a string literal");
        return;
    };
    if key == RENAME {
        out.wire = text;
    } else if key == SKIP_SERIALIZING_IF {
        match syn::parse_str::<ExprPath>(&text) {
            Ok(path) => out.skip_if = Some(path),
            Err(_) => cx.error(&nv.value, "expected the path of a function"),
        }
    } else if key == WITH {
        out.form = match text.rsplit("::").next() {
            Some("as_number") => Form::Number,
            Some("as_string") => Form::String,
            _ => {
                cx.error(&nv.value, SUPPORTED);
                return;
            }
        };
    } else {
        cx.error(meta, SUPPORTED);
    }
}
