//! The rules of `#[schemars(...)]` and `#[validate(...)]`, on fields and on
//! the whole type. A rule's name is read once into a [`RuleName`], so every
//! place that dispatches on it names each rule it handles.

use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::{Expr, Ident, LitStr, Meta, Token, token};

use super::bounds::{parse_length, parse_range};
use super::{
    Container, ContainerRule, Custom, Inner, OneOf, Pattern, Rules, duplicate, each_item,
    field_ident, is_literal, name_value, parens, set_once, skip_value, string_lit,
};
use crate::ctxt::Ctxt;
use crate::symbol::*;

/// The rules JSON Schema can express, read from `#[schemars(...)]` (and
/// `inner`, which nests rules of either attribute).
#[derive(Clone, Copy)]
pub(super) enum SchemarsRule {
    Length,
    Range,
    Regex,
    Pattern,
    Inner,
}

/// What a rule's name says it is.
#[derive(Clone, Copy)]
pub(super) enum RuleName {
    Schemars(SchemarsRule),
    OneOf,
    Custom,
    Skip,
    AtLeastOneOf,
    RequiredIf,
}

impl RuleName {
    const ALL: [(Symbol, RuleName); 10] = [
        (LENGTH, RuleName::Schemars(SchemarsRule::Length)),
        (RANGE, RuleName::Schemars(SchemarsRule::Range)),
        (REGEX, RuleName::Schemars(SchemarsRule::Regex)),
        (PATTERN, RuleName::Schemars(SchemarsRule::Pattern)),
        (INNER, RuleName::Schemars(SchemarsRule::Inner)),
        (ONE_OF, RuleName::OneOf),
        (CUSTOM, RuleName::Custom),
        (SKIP, RuleName::Skip),
        (AT_LEAST_ONE_OF, RuleName::AtLeastOneOf),
        (REQUIRED_IF, RuleName::RequiredIf),
    ];

    /// The rule `name` names, or `None` for a word that is no rule.
    fn of(name: &Ident) -> Option<RuleName> {
        Self::ALL
            .into_iter()
            .find(|(word, _)| name == word)
            .map(|(_, rule)| rule)
    }
}

pub(super) fn schemars_items(input: ParseStream, rules: &mut Rules, cx: &Ctxt) -> syn::Result<()> {
    while !input.is_empty() {
        // schemars' `!item` form: never one of ours.
        let negated = input.parse::<Option<Token![!]>>()?.is_some();
        let name = input.call(Ident::parse_any)?;
        match RuleName::of(&name) {
            Some(RuleName::Schemars(rule)) if !negated => {
                let content = parens(&name, input)?;
                schemars_rule(rule, name, &content, rules, cx)?;
            }
            // schemars' own items (and `!item`): not ours, not read.
            _ => skip_value(input)?,
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

fn schemars_rule(
    rule: SchemarsRule,
    name: Ident,
    content: ParseStream,
    rules: &mut Rules,
    cx: &Ctxt,
) -> syn::Result<()> {
    match rule {
        SchemarsRule::Length => {
            let length = parse_length(name, content, cx)?;
            if !duplicate(cx, &length.keyword, rules.length.is_some()) {
                rules.length = Some(length);
            }
        }
        SchemarsRule::Range => {
            let range = parse_range(name, content, cx)?;
            if !duplicate(cx, &range.keyword, rules.range.is_some()) {
                rules.range = Some(range);
            }
        }
        SchemarsRule::Regex => match regex_pattern(content, cx)? {
            Some(lit) => set_pattern(rules, name, lit, cx),
            None => cx.error(&name, "`regex(...)` needs `pattern = \"...\"`"),
        },
        SchemarsRule::Pattern => {
            let expr: Expr = content.parse()?;
            match string_lit(&expr) {
                Some(lit) => set_pattern(rules, name, lit, cx),
                None => cx.error(&expr, "the pattern must be a string literal"),
            }
        }
        SchemarsRule::Inner => {
            let mut inner = Rules::default();
            schemars_items(content, &mut inner, cx)?;
            merge_inner(rules, name, inner, cx);
        }
    }
    Ok(())
}

/// The `pattern = "..."` of `regex(...)`.
fn regex_pattern(content: ParseStream, cx: &Ctxt) -> syn::Result<Option<LitStr>> {
    let mut lit = None;
    for meta in content.parse_terminated(Meta::parse, Token![,])? {
        match name_value(&meta, cx) {
            Some((n, value)) if n == PATTERN => match string_lit(value) {
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
    Ok(lit)
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

/// Items of a field's `#[validate(...)]`, or of `inner(...)` in it (no `skip`).
pub(super) fn validate_items(
    input: ParseStream,
    mut skip: Option<&mut Option<Ident>>,
    rules: &mut Rules,
    cx: &Ctxt,
) -> syn::Result<()> {
    each_item(input, |name, input| {
        let bare = !input.peek(token::Paren) && !input.peek(Token![=]);
        match (RuleName::of(&name), skip.as_deref_mut()) {
            (Some(RuleName::Skip), Some(skip)) if bare => set_once(skip, name, cx),
            (Some(RuleName::OneOf), _) => {
                let content = parens(&name, input)?;
                parse_one_of(name, &content, rules, cx)?;
            }
            (Some(RuleName::Custom), _) => {
                let content = parens(&name, input)?;
                if let Some(custom) = parse_custom(name, &content, cx)? {
                    rules.custom.push(custom);
                }
            }
            (Some(RuleName::Schemars(SchemarsRule::Inner)), _) => {
                let content = parens(&name, input)?;
                let mut inner = Rules::default();
                validate_items(&content, None, &mut inner, cx)?;
                merge_inner(rules, name, inner, cx);
            }
            (Some(RuleName::Schemars(_)), _) => {
                cx.error(&name, format!("`{name}` is read from `#[schemars({name}(...))]`, so that the JSON Schema shows it too; move it there"));
                skip_value(input)?;
            }
            (Some(RuleName::AtLeastOneOf | RuleName::RequiredIf), _) => {
                cx.error(
                    &name,
                    format!("`{name}` is a struct-level rule; put it on the struct"),
                );
                skip_value(input)?;
            }
            // `skip` inside `inner(...)`, or with a value, is no rule either.
            (Some(RuleName::Skip) | None, slot) => {
                let expected = if slot.is_some() {
                    "`skip`, `one_of`, `custom` or `inner`"
                } else {
                    "`one_of`, `custom` or `inner`"
                };
                cx.error(
                    &name,
                    format!("unknown validation rule `{name}`; expected {expected}"),
                );
                skip_value(input)?;
            }
        }
        Ok(())
    })
}

/// `one_of(literal, ...)`.
fn parse_one_of(
    name: Ident,
    content: ParseStream,
    rules: &mut Rules,
    cx: &Ctxt,
) -> syn::Result<()> {
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
    Ok(())
}

fn parse_custom(keyword: Ident, content: ParseStream, cx: &Ctxt) -> syn::Result<Option<Custom>> {
    let mut function = None;
    for meta in content.parse_terminated(Meta::parse, Token![,])? {
        match name_value(&meta, cx) {
            Some((n, Expr::Path(path))) if n == FUNCTION && path.qself.is_none() => {
                function = Some(path.path.clone())
            }
            Some((n, value)) if n == FUNCTION => {
                match string_lit(value).map(|s| s.parse::<syn::Path>()) {
                    Some(Ok(path)) => function = Some(path),
                    _ => cx.error(value, "`function` must be a path to a function"),
                }
            }
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

/// Items of the container's `#[validate(...)]`.
pub(super) fn container_items(
    input: ParseStream,
    container: &mut Container,
    cx: &Ctxt,
) -> syn::Result<()> {
    each_item(input, |name, input| {
        match RuleName::of(&name) {
            Some(RuleName::AtLeastOneOf) => {
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
            Some(RuleName::RequiredIf) => {
                let content = parens(&name, input)?;
                if let Some(rule) = parse_required_if(name, &content, cx)? {
                    container.rules.push(rule);
                }
            }
            Some(RuleName::Custom) => {
                let content = parens(&name, input)?;
                if let Some(custom) = parse_custom(name, &content, cx)? {
                    container.custom.push(custom);
                }
            }
            Some(RuleName::Schemars(_) | RuleName::OneOf | RuleName::Skip) => {
                cx.error(
                    &name,
                    format!("`{name}` applies to a field, not to the whole type"),
                );
                skip_value(input)?;
            }
            None => {
                cx.error(&name, format!("unknown struct-level rule `{name}`; expected `at_least_one_of`, `required_if` or `custom`"));
                skip_value(input)?;
            }
        }
        Ok(())
    })
}

/// `required_if(field = a, when = b)`, with an optional `equals = literal`.
fn parse_required_if(
    keyword: Ident,
    content: ParseStream,
    cx: &Ctxt,
) -> syn::Result<Option<ContainerRule>> {
    let (mut field, mut when, mut equals) = (None, None, None);
    for meta in content.parse_terminated(Meta::parse, Token![,])? {
        match name_value(&meta, cx) {
            Some((n, value)) if n == FIELD => field = field_ident(value, cx),
            Some((n, value)) if n == WHEN => when = field_ident(value, cx),
            Some((n, value)) if n == EQUALS && is_literal(value) => equals = Some(value.clone()),
            Some((n, value)) if n == EQUALS => cx.error(value, "`equals` must be a literal"),
            Some((other, _)) => cx.error(meta.path(), format!("unknown argument `{other}` in `required_if(...)`; expected `field`, `when` or `equals`")),
            None => {}
        }
    }
    match (field, when) {
        (Some(field), Some(when)) => Ok(Some(ContainerRule::RequiredIf {
            keyword,
            field,
            when,
            equals,
        })),
        _ => {
            cx.error(
                &keyword,
                "`required_if(...)` needs `field = <field>` and `when = <field>`",
            );
            Ok(None)
        }
    }
}
