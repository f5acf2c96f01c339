//! Reads `#[schemars(...)]`, `#[validate(...)]` and `#[serde(...)]`.
//!
//! - `schemars`: only `length`, `range`, `regex`, `pattern` and `inner` are
//!   ours; every other item belongs to schemars and is skipped unread.
//! - `validate`: everything is ours, so unknown items are errors. schemars
//!   reads this attribute too and ignores what it does not know, which is
//!   why rules JSON Schema can express are refused here.
//! - `serde`: read leniently for wire names; serde reports its own errors.

use proc_macro2::TokenTree;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitInt, LitStr, Meta, Token, UnOp, token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

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

const SCHEMARS_RULES: &[&str] = &["length", "range", "regex", "pattern", "inner"];
const CONTAINER_RULES: &[&str] = &["at_least_one_of", "required_if"];

impl Field {
    pub fn from_attrs(attrs: &[Attribute], cx: &Ctxt) -> Self {
        let mut field = Field::default();
        for attr in attrs {
            if attr.path().is_ident("schemars") {
                parse_list(attr, cx, |input| {
                    schemars_items(input, &mut field.rules, cx)
                });
            } else if attr.path().is_ident("validate") {
                parse_list(attr, cx, |input| {
                    validate_items(input, Some(&mut field.skip), &mut field.rules, cx)
                });
            } else if attr.path().is_ident("serde") {
                for meta in serde_metas(attr) {
                    if meta.path().is_ident("rename") {
                        field.rename = serde_name(&meta).or(field.rename.take());
                    } else if meta.path().is_ident("flatten") {
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
            if attr.path().is_ident("validate") {
                parse_list(attr, cx, |input| {
                    each_item(input, |name, input| {
                        if name == "skip" && !input.peek(token::Paren) && !input.peek(Token![=]) {
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
            } else if attr.path().is_ident("schemars") {
                // schemars reads its own items on variants; no rules apply here.
            } else if attr.path().is_ident("serde") {
                for meta in serde_metas(attr) {
                    if meta.path().is_ident("rename") {
                        variant.rename = serde_name(&meta).or(variant.rename.take());
                    } else if meta.path().is_ident("rename_all") {
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
            if attr.path().is_ident("validate") {
                parse_list(attr, cx, |input| container_items(input, &mut container, cx));
            } else if attr.path().is_ident("serde") {
                for meta in serde_metas(attr) {
                    let path = meta.path();
                    if path.is_ident("rename_all") {
                        container.rename_all = serde_rule(&meta).or(container.rename_all);
                    } else if path.is_ident("rename_all_fields") {
                        container.rename_all_fields =
                            serde_rule(&meta).or(container.rename_all_fields);
                    } else if path.is_ident("tag") {
                        container.tag = serde_name(&meta);
                    } else if path.is_ident("content") {
                        container.content = serde_name(&meta);
                    } else if path.is_ident("untagged") {
                        container.untagged = true;
                    } else if path.is_ident("transparent") {
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

fn schemars_items(input: ParseStream, rules: &mut Rules, cx: &Ctxt) -> syn::Result<()> {
    while !input.is_empty() {
        // schemars' `!item` form: never one of ours.
        let negated = input.parse::<Option<Token![!]>>()?.is_some();
        let name = input.call(Ident::parse_any)?;
        if negated || !SCHEMARS_RULES.contains(&name.to_string().as_str()) {
            skip_value(input)?;
        } else {
            let content = parens(&name, input)?;
            schemars_rule(name, &content, rules, cx)?;
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

fn schemars_rule(
    name: Ident,
    content: ParseStream,
    rules: &mut Rules,
    cx: &Ctxt,
) -> syn::Result<()> {
    match name.to_string().as_str() {
        "length" => {
            let length = parse_length(name, content, cx)?;
            if !duplicate(cx, &length.keyword, rules.length.is_some()) {
                rules.length = Some(length);
            }
        }
        "range" => {
            let range = parse_range(name, content, cx)?;
            if !duplicate(cx, &range.keyword, rules.range.is_some()) {
                rules.range = Some(range);
            }
        }
        "regex" => {
            let mut lit = None;
            for meta in content.parse_terminated(Meta::parse, Token![,])? {
                match name_value(&meta, cx) {
                    Some((n, value)) if n == "pattern" => match string_lit(value) {
                        Some(s) => lit = Some(s),
                        None => cx.error(value, "the pattern must be a string literal"),
                    },
                    Some((other, _)) => cx.error(
                        meta.path(),
                        format!("unknown argument `{other}` in `regex(...)`; expected `pattern`"),
                    ),
                    None => {}
                }
            }
            match lit {
                Some(lit) => set_pattern(rules, name, lit, cx),
                None => cx.error(&name, "`regex(...)` needs `pattern = \"...\"`"),
            }
        }
        "pattern" => {
            let expr: Expr = content.parse()?;
            match string_lit(&expr) {
                Some(lit) => set_pattern(rules, name, lit, cx),
                None => cx.error(&expr, "the pattern must be a string literal"),
            }
        }
        _ => {
            // inner(...)
            let mut inner = Rules::default();
            schemars_items(content, &mut inner, cx)?;
            merge_inner(rules, name, inner, cx);
        }
    }
    Ok(())
}

fn set_pattern(rules: &mut Rules, keyword: Ident, lit: LitStr, cx: &Ctxt) {
    if !duplicate(cx, &keyword, rules.pattern.is_some()) {
        rules.pattern = Some(Pattern { keyword, lit });
    }
}

/// `inner` may be given in both attributes: schemars' rules and ours.
fn merge_inner(rules: &mut Rules, keyword: Ident, new: Rules, cx: &Ctxt) {
    let Some(existing) = &mut rules.inner else {
        rules.inner = Some(Inner {
            keyword,
            rules: Box::new(new),
        });
        return;
    };
    let old = &mut existing.rules;
    for (slot_taken, kw) in [
        (
            old.length.is_some() && new.length.is_some(),
            new.length.as_ref().map(|r| &r.keyword),
        ),
        (
            old.range.is_some() && new.range.is_some(),
            new.range.as_ref().map(|r| &r.keyword),
        ),
        (
            old.pattern.is_some() && new.pattern.is_some(),
            new.pattern.as_ref().map(|r| &r.keyword),
        ),
        (
            old.one_of.is_some() && new.one_of.is_some(),
            new.one_of.as_ref().map(|r| &r.keyword),
        ),
        (
            old.inner.is_some() && new.inner.is_some(),
            new.inner.as_ref().map(|r| &r.keyword),
        ),
    ] {
        if let (true, Some(kw)) = (slot_taken, kw) {
            duplicate(cx, kw, true);
        }
    }
    let Rules {
        length,
        range,
        pattern,
        one_of,
        custom,
        inner,
    } = new;
    old.length = old.length.take().or(length);
    old.range = old.range.take().or(range);
    old.pattern = old.pattern.take().or(pattern);
    old.one_of = old.one_of.take().or(one_of);
    old.custom.extend(custom);
    old.inner = old.inner.take().or(inner);
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

fn parse_length(keyword: Ident, content: ParseStream, cx: &Ctxt) -> syn::Result<Length> {
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

fn parse_range(keyword: Ident, content: ParseStream, cx: &Ctxt) -> syn::Result<Range> {
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
        let taken = match name.as_str() {
            "min" => bounds.min.is_some(),
            "max" => bounds.max.is_some(),
            "equal" => bounds.min.is_some() || bounds.max.is_some(),
            other => {
                cx.error(
                    meta.path(),
                    format!("unknown argument `{other}` in `{rule}(...)`; expected `min`, `max` or `equal`"),
                );
                continue;
            }
        };
        bound_conflicts(cx, &meta, &name, &mut equal, taken);
        let Some(bound) = read(value) else {
            continue;
        };
        if name != "max" {
            bounds.min = Some(bound.clone());
        }
        if name != "min" {
            bounds.max = Some(bound);
        }
    }
    Ok(bounds)
}

fn bound_conflicts(cx: &Ctxt, meta: &Meta, name: &str, equal: &mut bool, taken: bool) {
    if *equal || (name == "equal" && taken) {
        cx.error(meta, "`equal` cannot be combined with `min` or `max`");
    } else if taken {
        cx.error(meta.path(), format!("duplicate `{name}`"));
    }
    *equal |= name == "equal";
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

/// Items of a field's `#[validate(...)]`, or of `inner(...)` in it (no `skip`).
fn validate_items(
    input: ParseStream,
    mut skip: Option<&mut Option<Ident>>,
    rules: &mut Rules,
    cx: &Ctxt,
) -> syn::Result<()> {
    each_item(input, |name, input| {
        let text = name.to_string();
        match text.as_str() {
            "skip" if skip.is_some() && !input.peek(token::Paren) && !input.peek(Token![=]) => {
                set_once(skip.as_deref_mut().unwrap(), name, cx);
            }
            "one_of" => {
                let content = parens(&name, input)?;
                let values = content.parse_terminated(Expr::parse, Token![,])?;
                let mut ok = true;
                for value in &values {
                    if !is_literal(value) {
                        cx.error(value, "`one_of` values must be literals");
                        ok = false;
                    }
                }
                if values.is_empty() {
                    cx.error(&name, "`one_of(...)` needs at least one value");
                } else if ok && !duplicate(cx, &name, rules.one_of.is_some()) {
                    rules.one_of = Some(OneOf {
                        keyword: name,
                        values: values.into_iter().collect(),
                    });
                }
            }
            "custom" => {
                let content = parens(&name, input)?;
                if let Some(custom) = parse_custom(name, &content, cx)? {
                    rules.custom.push(custom);
                }
            }
            "inner" => {
                let content = parens(&name, input)?;
                let mut inner = Rules::default();
                validate_items(&content, None, &mut inner, cx)?;
                merge_inner(rules, name, inner, cx);
            }
            t if SCHEMARS_RULES.contains(&t) => {
                cx.error(&name, format!("`{t}` is read from `#[schemars({t}(...))]`, so that the JSON Schema shows it too; move it there"));
                skip_value(input)?;
            }
            t if CONTAINER_RULES.contains(&t) => {
                cx.error(
                    &name,
                    format!("`{t}` is a struct-level rule; put it on the struct"),
                );
                skip_value(input)?;
            }
            _ => {
                let expected = if skip.is_some() {
                    "`skip`, `one_of`, `custom` or `inner`"
                } else {
                    "`one_of`, `custom` or `inner`"
                };
                cx.error(
                    &name,
                    format!("unknown validation rule `{text}`; expected {expected}"),
                );
                skip_value(input)?;
            }
        }
        Ok(())
    })
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

fn parse_custom(keyword: Ident, content: ParseStream, cx: &Ctxt) -> syn::Result<Option<Custom>> {
    let mut function = None;
    for meta in content.parse_terminated(Meta::parse, Token![,])? {
        match name_value(&meta, cx)
            .as_ref()
            .map(|(n, v)| (n.as_str(), *v))
        {
            Some(("function", Expr::Path(path))) if path.qself.is_none() => {
                function = Some(path.path.clone())
            }
            Some(("function", value)) => match string_lit(value).map(|s| s.parse::<syn::Path>()) {
                Some(Ok(path)) => function = Some(path),
                _ => cx.error(value, "`function` must be a path to a function"),
            },
            Some((other, _)) => cx.error(
                meta.path(),
                format!("unknown argument `{other}` in `custom(...)`; expected `function`"),
            ),
            None => {}
        }
    }
    if function.is_none() {
        cx.error(
            &keyword,
            "`custom(...)` needs `function = path::to::function`",
        );
    }
    Ok(function.map(|function| Custom { function }))
}

fn container_items(input: ParseStream, container: &mut Container, cx: &Ctxt) -> syn::Result<()> {
    each_item(input, |name, input| {
        let text = name.to_string();
        match text.as_str() {
            "at_least_one_of" => {
                let content = parens(&name, input)?;
                let fields = content.parse_terminated(Ident::parse_any, Token![,])?;
                if fields.len() < 2 {
                    cx.error(&name, "`at_least_one_of(...)` needs at least two fields");
                } else {
                    container.rules.push(ContainerRule::AtLeastOneOf {
                        keyword: name,
                        fields: fields.into_iter().collect(),
                    });
                }
            }
            "required_if" => {
                let content = parens(&name, input)?;
                let (mut field, mut when, mut equals) = (None, None, None);
                for meta in content.parse_terminated(Meta::parse, Token![,])? {
                    match name_value(&meta, cx).as_ref().map(|(n, v)| (n.as_str(), *v)) {
                        Some(("field", value)) => field = field_ident(value, cx),
                        Some(("when", value)) => when = field_ident(value, cx),
                        Some(("equals", value)) if is_literal(value) => equals = Some(value.clone()),
                        Some(("equals", value)) => cx.error(value, "`equals` must be a literal"),
                        Some((other, _)) => cx.error(meta.path(), format!("unknown argument `{other}` in `required_if(...)`; expected `field`, `when` or `equals`")),
                        None => {}
                    }
                }
                match (field, when) {
                    (Some(field), Some(when)) => container.rules.push(ContainerRule::RequiredIf {
                        keyword: name,
                        field,
                        when,
                        equals,
                    }),
                    _ => cx.error(
                        &name,
                        "`required_if(...)` needs `field = <field>` and `when = <field>`",
                    ),
                }
            }
            "custom" => {
                let content = parens(&name, input)?;
                if let Some(custom) = parse_custom(name, &content, cx)? {
                    container.custom.push(custom);
                }
            }
            t if SCHEMARS_RULES.contains(&t) || t == "one_of" || t == "skip" => {
                cx.error(
                    &name,
                    format!("`{t}` applies to a field, not to the whole type"),
                );
                skip_value(input)?;
            }
            _ => {
                cx.error(&name, format!("unknown struct-level rule `{text}`; expected `at_least_one_of`, `required_if` or `custom`"));
                skip_value(input)?;
            }
        }
        Ok(())
    })
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
            .find(|m| m.path().is_ident("serialize"))
            .and_then(serde_name),
        Meta::Path(_) => None,
    }
}

fn serde_rule(meta: &Meta) -> Option<RenameRule> {
    serde_name(meta).and_then(|name| RenameRule::from_str(&name))
}
