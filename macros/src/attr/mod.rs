//! Reads `#[schemars(...)]`, `#[validate(...)]` and `#[serde(...)]`.
//!
//! - `schemars`: only `length`, `range`, `regex`, `pattern` and `inner` are
//!   ours; every other item belongs to schemars and is skipped unread.
//! - `validate`: everything is ours, so unknown items are errors. schemars
//!   reads this attribute too and ignores what it does not know, which is
//!   why rules JSON Schema can express are refused here.
//! - `serde`: read leniently for wire names; serde reports its own errors.
//!
//! The rules are read in [`rules`], their bounds in [`bounds`]; every keyword
//! is a [`Symbol`](crate::symbol::Symbol).

mod bounds;
mod rules;

use proc_macro2::TokenTree;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Meta, Token, UnOp, token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::symbol::*;
use rules::{container_items, schemars_items, validate_items};

/// Rules on one value: a field, or the items of a field (`inner`).
#[derive(Default)]
pub struct Rules {
    pub length: Option<Length>,
    pub range: Option<Range>,
    pub pattern: Option<Pattern>,
    pub one_of: Option<OneOf>,
    pub custom: Vec<Custom>,
    pub inner: Option<Inner>,
}

impl Rules {
    pub fn is_empty(&self) -> bool {
        self.length.is_none()
            && self.range.is_none()
            && self.pattern.is_none()
            && self.one_of.is_none()
            && self.custom.is_empty()
            && self.inner.is_none()
    }
}

/// `length(...)` or `range(...)`: `min`, `max`, or `equal` (both at once).
pub struct Bounds<T> {
    pub keyword: Ident,
    pub min: Option<T>,
    pub max: Option<T>,
}

/// `length(min = .., max = .., equal = ..)`: integer literals.
pub type Length = Bounds<Count>;

/// `range(min = .., max = .., equal = ..)`: number literals.
pub type Range = Bounds<Bound>;

#[derive(Clone)]
pub struct Count {
    pub value: usize,
    pub lit: LitInt,
}

/// A number literal, possibly negated.
#[derive(Clone)]
pub struct Bound {
    pub expr: Expr,
    pub lit: Lit,
    pub negative: bool,
}

pub struct Pattern {
    pub keyword: Ident,
    pub lit: LitStr,
}

pub struct OneOf {
    pub keyword: Ident,
    pub values: Vec<Expr>,
}

pub struct Custom {
    pub function: syn::Path,
}

pub struct Inner {
    pub keyword: Ident,
    pub rules: Box<Rules>,
}

#[derive(Default)]
pub struct Field {
    pub skip: Option<Ident>,
    pub rules: Rules,
    pub rename: Option<String>,
    pub flatten: bool,
}

#[derive(Default)]
pub struct Variant {
    pub skip: Option<Ident>,
    pub rename: Option<String>,
    pub rename_all: Option<RenameRule>,
}

#[derive(Default)]
pub struct Container {
    pub rules: Vec<ContainerRule>,
    pub custom: Vec<Custom>,
    pub rename_all: Option<RenameRule>,
    pub rename_all_fields: Option<RenameRule>,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    pub transparent: bool,
}

pub enum ContainerRule {
    AtLeastOneOf {
        keyword: Ident,
        fields: Vec<Ident>,
    },
    RequiredIf {
        keyword: Ident,
        field: Ident,
        when: Ident,
        equals: Option<Expr>,
    },
}

impl Field {
    pub fn from_attrs(attrs: &[Attribute], cx: &Ctxt) -> Self {
        let mut field = Field::default();
        for attr in attrs {
            if attr.path() == SCHEMARS {
                parse_list(attr, cx, |input| {
                    schemars_items(input, &mut field.rules, cx)
                });
            } else if attr.path() == VALIDATE {
                parse_list(attr, cx, |input| {
                    validate_items(input, Some(&mut field.skip), &mut field.rules, cx)
                });
            } else if attr.path() == SERDE {
                for meta in serde_metas(attr) {
                    if meta.path() == RENAME {
                        field.rename = serde_name(&meta).or(field.rename.take());
                    } else if meta.path() == FLATTEN {
                        field.flatten = true;
                    }
                }
            }
        }
        field
    }
}

impl Variant {
    pub fn from_attrs(attrs: &[Attribute], cx: &Ctxt) -> Self {
        let mut variant = Variant::default();
        for attr in attrs {
            if attr.path() == VALIDATE {
                parse_list(attr, cx, |input| {
                    each_item(input, |name, input| {
                        if name == SKIP && !input.peek(token::Paren) && !input.peek(Token![=]) {
                            set_once(&mut variant.skip, name, cx);
                        } else {
                            cx.error(
                                &name,
                                format!(
                                    "unknown variant rule `{name}`; a variant takes only `skip`"
                                ),
                            );
                            skip_value(input)?;
                        }
                        Ok(())
                    })
                });
            } else if attr.path() == SCHEMARS {
                // schemars reads its own items on variants; no rules apply here.
            } else if attr.path() == SERDE {
                for meta in serde_metas(attr) {
                    if meta.path() == RENAME {
                        variant.rename = serde_name(&meta).or(variant.rename.take());
                    } else if meta.path() == RENAME_ALL {
                        variant.rename_all = serde_rule(&meta).or(variant.rename_all);
                    }
                }
            }
        }
        variant
    }
}

impl Container {
    pub fn from_attrs(attrs: &[Attribute], cx: &Ctxt) -> Self {
        let mut container = Container::default();
        for attr in attrs {
            if attr.path() == VALIDATE {
                parse_list(attr, cx, |input| container_items(input, &mut container, cx));
            } else if attr.path() == SERDE {
                for meta in serde_metas(attr) {
                    let path = meta.path();
                    if path == RENAME_ALL {
                        container.rename_all = serde_rule(&meta).or(container.rename_all);
                    } else if path == RENAME_ALL_FIELDS {
                        container.rename_all_fields =
                            serde_rule(&meta).or(container.rename_all_fields);
                    } else if path == TAG {
                        container.tag = serde_name(&meta);
                    } else if path == CONTENT {
                        container.content = serde_name(&meta);
                    } else if path == UNTAGGED {
                        container.untagged = true;
                    } else if path == TRANSPARENT {
                        container.transparent = true;
                    }
                }
            }
        }
        container
    }
}

/// Runs `items` on the parenthesized list of an attribute.
fn parse_list(attr: &Attribute, cx: &Ctxt, items: impl FnOnce(ParseStream) -> syn::Result<()>) {
    match &attr.meta {
        Meta::List(list) => {
            if let Err(err) = items.parse2(list.tokens.clone()) {
                cx.syn_error(err);
            }
        }
        other => cx.error(other, "expected a list: `#[name(...)]`"),
    }
}

/// Comma-separated items, each starting with a name that `item` reads on from.
fn each_item(
    input: ParseStream,
    mut item: impl FnMut(Ident, ParseStream) -> syn::Result<()>,
) -> syn::Result<()> {
    while !input.is_empty() {
        let name = input.call(Ident::parse_any)?;
        item(name, input)?;
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// Skips `= value` or `(...)` after an item's name.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        while !input.is_empty() && !input.peek(Token![,]) {
            input.parse::<TokenTree>()?;
        }
    } else if input.peek(token::Paren) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// The `(...)` after a rule's name, or an error at the name.
fn parens<'a>(name: &Ident, input: ParseStream<'a>) -> syn::Result<syn::parse::ParseBuffer<'a>> {
    if input.peek(token::Paren) {
        let content;
        syn::parenthesized!(content in input);
        Ok(content)
    } else {
        Err(syn::Error::new(
            name.span(),
            format!("expected `{name}(...)`"),
        ))
    }
}

fn set_once(slot: &mut Option<Ident>, name: Ident, cx: &Ctxt) {
    if slot.is_some() {
        cx.error(&name, format!("duplicate `{name}`"));
    } else {
        *slot = Some(name);
    }
}

fn duplicate(cx: &Ctxt, name: &Ident, already: bool) -> bool {
    if already {
        cx.error(name, format!("duplicate rule `{name}`"));
    }
    already
}

/// `name = value` items: yields the name and value, or reports the shape.
fn name_value<'m>(meta: &'m Meta, cx: &Ctxt) -> Option<(String, &'m Expr)> {
    match meta {
        Meta::NameValue(nv) => Some((path_name(&nv.path), &nv.value)),
        other => {
            let name = path_name(other.path());
            cx.error(
                other,
                format!("malformed argument: expected `{name} = ...`"),
            );
            None
        }
    }
}

fn path_name(path: &syn::Path) -> String {
    quote::quote!(#path).to_string().replace(' ', "")
}

pub fn string_lit(expr: &Expr) -> Option<LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.clone()),
        _ => None,
    }
}

fn is_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) => true,
        Expr::Unary(unary) => {
            matches!(unary.op, UnOp::Neg(_)) && matches!(&*unary.expr, Expr::Lit(_))
        }
        _ => false,
    }
}

fn field_ident(value: &Expr, cx: &Ctxt) -> Option<Ident> {
    match value {
        Expr::Path(path) if path.qself.is_none() => match path.path.get_ident() {
            Some(ident) => Some(ident.clone()),
            None => {
                cx.error(value, "expected a field name");
                None
            }
        },
        _ => {
            cx.error(value, "expected a field name");
            None
        }
    }
}

/// The items of a `#[serde(...)]`, or none if it does not parse.
fn serde_metas(attr: &Attribute) -> Vec<Meta> {
    attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
        .map(|list| list.into_iter().collect())
        .unwrap_or_default()
}

/// `x = "name"`, or the `serialize` name of `x(serialize = "..", ..)`:
/// requests are serialized, so that is the name on the wire.
fn serde_name(meta: &Meta) -> Option<String> {
    match meta {
        Meta::NameValue(nv) => string_lit(&nv.value).map(|s| s.value()),
        Meta::List(list) => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .ok()?
            .iter()
            .find(|m| m.path() == SERIALIZE)
            .and_then(serde_name),
        Meta::Path(_) => None,
    }
}

fn serde_rule(meta: &Meta) -> Option<RenameRule> {
    serde_name(meta).and_then(|name| RenameRule::from_str(&name))
}
