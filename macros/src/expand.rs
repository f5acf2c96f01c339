//! Emits the `Validate` impl.
//!
//! The success path is straight-line checks on borrowed fields: paths are
//! `FieldPath` values on the stack, and every failure goes through a cold
//! runtime function that builds the strings.

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Ident, Lit, LitFloat, Type};

use crate::ast::{Enum, Field, Input, Segment, Struct};
use crate::attr::{Bound, ContainerRule, Custom, Rules};
use crate::ctxt::Ctxt;
use crate::ty::{self, Kind};
use crate::valid;

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let ast = Input::from_syn(input, &cx);
    if let Some(ast) = &ast {
        valid::check(ast, &cx);
    }
    match (cx.finish(), ast) {
        (None, Some(Input::Struct(data))) => {
            impl_block(data.ident, data.generics, struct_body(&data))
        }
        (None, Some(Input::Enum(data))) => impl_block(data.ident, data.generics, enum_body(&data)),
        (errors, _) => {
            // An empty impl keeps the errors above from being followed by
            // "`Validate` is not implemented" wherever the type is used.
            let errors = errors.map(|e| e.to_compile_error());
            let fallback = impl_block(&input.ident, &input.generics, TokenStream::new());
            quote!(#errors #fallback)
        }
    }
}

fn impl_block(ident: &Ident, generics: &Generics, body: TokenStream) -> TokenStream {
    let mut generics = generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    let where_clause = generics.make_where_clause();
    for param in params {
        where_clause
            .predicates
            .push(syn::parse_quote!(#param: ::steam_webapi::validate::Validate));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::steam_webapi::validate::Validate for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_at(
                &self,
                __path: &::steam_webapi::validate::FieldPath<'_>,
                __errors: &mut ::steam_webapi::validate::ValidationErrors,
            ) {
                #body
            }
        }
    }
}

/// A field the impl has nothing to do for: skipped, or without rules and of a
/// type with nothing inside to validate (fewer calls, less for rustc to check).
fn inert(field: &Field) -> bool {
    field.attrs.skip.is_some() || (field.attrs.rules.is_empty() && ty::is_leaf(field.ty))
}

fn var(i: usize) -> Ident {
    format_ident!("__f{}", i)
}

fn struct_body(data: &Struct) -> TokenStream {
    // Bind what is checked, plus what struct-level rules read.
    let used = |field: &Field| {
        !inert(field)
            || data.attrs.rules.iter().any(|rule| match rule {
                ContainerRule::AtLeastOneOf { fields, .. } => {
                    fields.iter().any(|f| field.ident == Some(f))
                }
                ContainerRule::RequiredIf { field: f, when, .. } => {
                    field.ident == Some(f) || field.ident == Some(when)
                }
            })
    };
    let binding = bind(&data.fields, data.named, &used, quote!(Self));
    let bind_all = data
        .fields
        .iter()
        .any(used)
        .then(|| quote!(let #binding = self;));
    let parent = quote!(__path);
    let fields = data
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| field_block(f, &var(i), &parent));
    let rules = data
        .attrs
        .rules
        .iter()
        .map(|rule| container_rule(rule, &data.fields));
    let custom = custom_calls(&data.attrs.custom, quote!(self), &parent);
    quote! {
        #bind_all
        #(#fields)*
        #(#rules)*
        #custom
    }
}

fn enum_body(data: &Enum) -> TokenStream {
    if data.variants.is_empty() {
        return quote!(match *self {});
    }
    let arms = data.variants.iter().map(|variant| {
        let ident = variant.ident;
        if variant.attrs.skip.is_some() {
            return quote!(Self::#ident { .. } => {});
        }
        let pattern = bind(
            &variant.fields,
            variant.named,
            &|f: &Field| !inert(f),
            quote!(Self::#ident),
        );
        let (parent_let, parent) = match &variant.segment {
            Some(name) => (quote!(let __vp = &__path.field(#name);), quote!(__vp)),
            None => (TokenStream::new(), quote!(__path)),
        };
        let fields = variant
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| field_block(f, &var(i), &parent));
        let any = variant.fields.iter().any(|f| !inert(f));
        let parent_let = any.then_some(parent_let);
        quote! {
            #pattern => {
                #parent_let
                #(#fields)*
            }
        }
    });
    let custom = custom_calls(&data.attrs.custom, quote!(self), &quote!(__path));
    quote! {
        match self {
            #(#arms)*
        }
        #custom
    }
}

/// `Path { a: __f0, .. }` or `Path(__f0, _)`, binding the fields `used` picks.
fn bind(
    fields: &[Field],
    named: bool,
    used: &dyn Fn(&Field) -> bool,
    path: TokenStream,
) -> TokenStream {
    if named {
        let names = fields
            .iter()
            .enumerate()
            .filter(|(_, f)| used(f))
            .map(|(i, f)| {
                let member = &f.member;
                let v = var(i);
                quote!(#member: #v)
            });
        quote!(#path { #(#names,)* .. })
    } else if fields.is_empty() {
        quote!(#path { .. })
    } else {
        let vars = fields.iter().enumerate().map(|(i, f)| {
            if used(f) {
                var(i).into_token_stream()
            } else {
                quote!(_)
            }
        });
        quote!(#path(#(#vars),*))
    }
}

fn field_block(field: &Field, var: &Ident, parent: &TokenStream) -> TokenStream {
    if inert(field) {
        return TokenStream::new();
    }
    let path = match &field.segment {
        Segment::Field(name) => quote!(&#parent.field(#name)),
        Segment::Index(i) => quote!(&#parent.index(#i)),
        Segment::Same => parent.clone(),
    };
    let rules = emit_rules(
        &quote!(#var),
        Some(field.ty),
        &field.attrs.rules,
        &quote!(__p),
        0,
    );
    quote! {{
        let __p = #path;
        #rules
        ::steam_webapi::validate::Validate::validate_at(#var, __p, __errors);
    }}
}

/// Checks `rules` on `value` (a reference) at `path` (a `&FieldPath`).
fn emit_rules(
    value: &TokenStream,
    ty: Option<&Type>,
    rules: &Rules,
    path: &TokenStream,
    depth: usize,
) -> TokenStream {
    if rules.is_empty() {
        return TokenStream::new();
    }
    // Rules on an Option apply to the value when present.
    if let Some(inner) = ty.and_then(ty::option_inner) {
        let some = format_ident!("__some{}", depth);
        let body = emit_rules(&quote!(#some), Some(inner), rules, path, depth + 1);
        return quote! {
            if let ::core::option::Option::Some(#some) = #value {
                #body
            }
        };
    }
    let private = quote!(::steam_webapi::__private);
    let kind = ty.map_or(Kind::Unknown, ty::kind);
    let mut out = TokenStream::new();

    if let Some(length) = &rules.length {
        let min = option(length.min.as_ref().map(|c| c.value));
        let max = option(length.max.as_ref().map(|c| c.value));
        out.extend(quote_spanned! {length.keyword.span()=>
            #private::check_length(#value, #min, #max, #path, __errors);
        });
    }

    if let Some(range) = &rules.range {
        let min = option(range.min.as_ref().map(|b| bound(b, kind)));
        let max = option(range.max.as_ref().map(|b| bound(b, kind)));
        out.extend(quote_spanned! {range.keyword.span()=>
            #private::check_range(#value, #min, #max, #path, __errors);
        });
    }

    if let Some(pattern) = &rules.pattern {
        let lit = &pattern.lit;
        out.extend(quote_spanned! {pattern.keyword.span()=>
            {
                static __RE: ::std::sync::LazyLock<#private::CompiledPattern> =
                    ::std::sync::LazyLock::new(|| #private::regex(#lit));
                #private::check_pattern(#value, ::std::sync::LazyLock::force(&__RE), #lit, #path, __errors);
            }
        });
    }

    if let Some(one_of) = &rules.one_of {
        let values = &one_of.values;
        out.extend(quote_spanned! {one_of.keyword.span()=>
            if !(#(*#value == #values)||*) {
                #private::fail_one_of(|| ::std::vec![#(#private::to_value(&#values)),*], #path, __errors);
            }
        });
    }

    out.extend(custom_calls(&rules.custom, value.clone(), path));

    if let Some(inner) = &rules.inner {
        let item = format_ident!("__item{}", depth);
        let item_path = format_ident!("__ip{}", depth);
        let item_ty = ty.and_then(ty::item_type);
        let body = emit_rules(
            &quote!(#item),
            item_ty,
            &inner.rules,
            &quote!(#item_path),
            depth + 1,
        );
        out.extend(quote_spanned! {inner.keyword.span()=>
            #private::Items::each_item(#value, #path, |#item, #item_path| { #body });
        });
    }
    out
}

fn custom_calls(custom: &[Custom], value: TokenStream, path: &TokenStream) -> TokenStream {
    custom
        .iter()
        .map(|custom| {
            let function = &custom.function;
            let name = function.to_token_stream().to_string().replace(' ', "");
            quote_spanned! {function.span()=>
                ::steam_webapi::__private::check_custom(#function(#value), #name, #path, __errors);
            }
        })
        .collect()
}

fn option(value: Option<impl ToTokens>) -> TokenStream {
    match value {
        Some(value) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    }
}

/// A range bound; an unsuffixed integer becomes a float on float fields.
fn bound(bound: &Bound, kind: Kind) -> TokenStream {
    match &bound.lit {
        Lit::Int(int) if kind == Kind::Float && int.suffix().is_empty() => {
            let float = LitFloat::new(&format!("{}.0", int.base10_digits()), int.span());
            let minus = bound.negative.then(|| quote!(-));
            quote!(#minus #float)
        }
        _ => bound.expr.to_token_stream(),
    }
}

fn container_rule(rule: &ContainerRule, fields: &[Field]) -> TokenStream {
    let private = quote!(::steam_webapi::__private);
    let lookup = |name: &Ident| {
        let (i, field) = fields
            .iter()
            .enumerate()
            .find(|(_, f)| f.ident == Some(name))
            .expect("checked in valid.rs");
        (var(i), field)
    };
    match rule {
        ContainerRule::AtLeastOneOf {
            keyword,
            fields: names,
        } => {
            let vars = names.iter().map(|n| lookup(n).0);
            let wires = names.iter().map(|n| lookup(n).1.wire_name());
            quote_spanned! {keyword.span()=>
                if !(#(#private::Presence::is_present(#vars))||*) {
                    #private::fail_at_least_one_of(&[#(#wires),*], __path, __errors);
                }
            }
        }
        ContainerRule::RequiredIf {
            keyword,
            field,
            when,
            equals,
        } => {
            let (field_var, field) = lookup(field);
            let (when_var, when) = lookup(when);
            let condition = match equals {
                Some(lit) if ty::option_inner(when.ty).is_some() => quote! {
                    ::core::matches!(#when_var, ::core::option::Option::Some(__x) if *__x == #lit)
                },
                Some(lit) => quote!(*#when_var == #lit),
                None => quote!(#private::Presence::is_present(#when_var)),
            };
            let equals = option(
                equals
                    .as_ref()
                    .map(|lit| quote!(|| #private::to_value(&#lit))),
            );
            let (field_wire, when_wire) = (field.wire_name(), when.wire_name());
            let path = match &field.segment {
                Segment::Field(name) => quote!(&__path.field(#name)),
                _ => quote!(__path),
            };
            quote_spanned! {keyword.span()=>
                if #condition && !#private::Presence::is_present(#field_var) {
                    #private::fail_required_if(#field_wire, #when_wire, #equals, #path, __errors);
                }
            }
        }
    }
}
