//! Rust for operations: request structs with constructors and setters, their `Endpoint`
//! impls (wire details), and the interface accessors with one method per operation.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::batch::{all_method, batch_impl};
use super::json_schema::json_schema_impl;
use super::pages::{paged_impl, paged_method};
use super::types::{FieldSpec, field, field_doc, rust_type, wire_derive};
use super::{Target, doc_attr, ident};
use crate::emit::{docs, schema};
use crate::model::*;

/// The request struct of an operation and its `Endpoint` impl.
pub fn request(op: &Operation, model: &Model, target: Target) -> TokenStream {
    let name = format_ident!("{}", op.request_type);
    let provider = &model.providers[&op.provider];
    let url = format!("{} https://{}{}", http_name(op.http), op.host, op.path);
    let mut doc = format!(
        "Request of `{}` ({}).\n\n{}\n\n`{url}`",
        op.id(),
        op.fn_name,
        docs::sanitize(&op.description)
    );
    if op.input == InputEncoding::InputJson {
        doc.push_str("\n\nThe parameters travel as one `input_json` value.");
    }
    let doc = doc_attr(&doc);
    let fields = op.params.iter().map(|p| {
        field(&FieldSpec {
            wire_name: &p.name,
            rust_name: &p.rust_name,
            ty: &p.ty,
            presence: if p.optional {
                Presence::Optional
            } else {
                Presence::Required
            },
            wire: p.wire(),
            constraints: &p.constraints,
            doc: param_doc(p),
        })
    });
    let wire = wire_derive(false);
    let rules = op.rules.iter().map(|r| match r {
        Rule::AtLeastOneOf(names) => {
            let ids = names.iter().map(|n| param_ident(op, n));
            quote!(#[validate(at_least_one_of(#(#ids),*))])
        }
        Rule::RequiredIf(a, b) => {
            let (a, b) = (param_ident(op, a), param_ident(op, b));
            quote!(#[validate(required_if(field = #a, when = #b))])
        }
    });
    let all_optional = op.params.iter().all(|p| p.optional);
    let default = all_optional.then(|| quote!(Default,));

    // new(required...) and one setter per optional parameter.
    let required: Vec<&Param> = op.params.iter().filter(|p| !p.optional).collect();
    let new_args = required.iter().map(|p| {
        let id = ident(&p.rust_name);
        let ty = rust_type(&p.ty);
        quote!(#id: #ty)
    });
    let inits = op.params.iter().map(|p| {
        let id = ident(&p.rust_name);
        if p.optional {
            quote!(#id: ::std::option::Option::None)
        } else {
            quote!(#id)
        }
    });
    let setters = op.params.iter().filter(|p| p.optional).map(|p| {
        let id = ident(&p.rust_name);
        let ty = rust_type(&p.ty);
        let d = doc_attr(&format!("Sets `{}`.", p.name));
        quote! {
            #d
            #[must_use]
            #[inline]
            pub fn #id(mut self, value: #ty) -> Self {
                self.#id = ::std::option::Option::Some(value);
                self
            }
        }
    });
    let endpoint = endpoint_impl(op, provider, model);
    let batch = batch_impl(op);
    let paged = paged_impl(op);
    let json_schema = json_schema_impl(&op.request_type, &schema::op_paths(op).0, target, |refs| {
        schema::request(op, refs)
    });
    quote! {
        #doc
        #[derive(Clone, Debug, #default PartialEq, #wire)]
        #(#rules)*
        pub struct #name {
            #(#fields,)*
        }

        impl #name {
            /// Creates the request from its required parameters.
            #[allow(clippy::new_without_default)]
            #[inline]
            pub fn new(#(#new_args),*) -> Self {
                Self { #(#inits),* }
            }

            #(#setters)*
        }

        #endpoint

        #batch

        #paged

        #json_schema
    }
}

fn param_ident(op: &Operation, wire: &str) -> proc_macro2::Ident {
    let rust = op
        .params
        .iter()
        .find(|p| p.name == wire)
        .map_or(wire, |p| p.rust_name.as_str());
    ident(rust)
}

/// A parameter's docs: description, notes and default. Its `listing` note (what the listing says
/// where it disagrees with the docs) is for the spec's maintainers and the drift check.
fn param_doc(p: &Param) -> String {
    let mut notes: Vec<String> = p.notes.clone();
    if let Some(d) = &p.default {
        notes.push(format!("Default: `{d}`."));
    }
    // Every public field is documented (the crate builds its docs with `-D missing_docs`),
    // even a parameter the spec (an imported listing) gives no words for.
    let fallback = format!("The `{}` parameter (undescribed).", p.name);
    let description = p
        .description
        .as_deref()
        .or(notes.is_empty().then_some(&*fallback));
    field_doc(description, &notes)
}

fn http_name(h: HttpMethod) -> &'static str {
    match h {
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Patch => "PATCH",
        HttpMethod::Delete => "DELETE",
    }
}

fn endpoint_impl(op: &Operation, provider: &Provider, model: &Model) -> TokenStream {
    let name = format_ident!("{}", op.request_type);
    let response = rust_type(&op.response.ty);
    let p = quote!(::steam_webapi::__private);
    let provider_variant = match provider.id.as_str() {
        "steam" => quote!(Steam),
        _ => quote!(Backpacktf),
    };
    let http = format_ident!("{}", format!("{:?}", op.http));
    let (iface, method, host, path) = (&op.interface, &op.method, &op.host, &op.path);
    let version = Literal::u32_unsuffixed(op.version);
    let publisher = op.visibility == Visibility::Publisher;
    let input = match op.input {
        InputEncoding::Query => quote!(Query),
        InputEncoding::InputJson => quote!(InputJson),
    };
    let envelope = match &op.response.envelope {
        Some(e) => quote!(::std::option::Option::Some(#e)),
        None => quote!(::std::option::Option::None),
    };
    let errors = error_model(&op.errors);
    let success_code = success_code_fn(op, model);
    let auth = match op.auth {
        Auth::Required => quote!(Required),
        Auth::Optional => quote!(Optional),
        Auth::None => quote!(None),
    };
    let query = if op.input == InputEncoding::Query && !op.params.is_empty() {
        let writes = op.params.iter().map(|p| {
            let id = ident(&p.rust_name);
            let wire = &p.name;
            let call = match p.encoding {
                Some(ArrayEncoding::Indexed) => quote!(indexed),
                Some(_) => quote!(comma),
                None => quote!(value),
            };
            if p.optional {
                quote! {
                    if let ::std::option::Option::Some(v) = &self.#id {
                        q.#call(#wire, v);
                    }
                }
            } else {
                quote!(q.#call(#wire, &self.#id);)
            }
        });
        quote! {
            #[inline]
            fn write_query(&self, q: &mut #p::QueryWriter) {
                #(#writes)*
            }
        }
    } else {
        quote! {
            #[inline]
            fn write_query(&self, _q: &mut #p::QueryWriter) {}
        }
    };
    quote! {
        impl #p::Endpoint for #name {
            type Response = #response;
            const INFO: #p::EndpointInfo = #p::EndpointInfo {
                provider: #p::ProviderId::#provider_variant,
                interface: #iface,
                method: #method,
                version: #version,
                http: #p::HttpMethod::#http,
                host: #host,
                path: #path,
                publisher: #publisher,
                auth: #p::Auth::#auth,
                input: #p::InputEncoding::#input,
                envelope: #envelope,
                errors: #errors,
            };
            #query
            #success_code
        }
    }
}

/// `Endpoint::success_code` for a success-code operation whose response type
/// holds the code as a plain integer field: the runtime then decodes a
/// successful body once instead of probing it for the code first.
fn success_code_fn(op: &Operation, model: &Model) -> TokenStream {
    let ErrorModel::SuccessCode { field: wire, .. } = &op.errors else {
        return TokenStream::new();
    };
    let TypeRef::Named(name) = &op.response.ty else {
        return TokenStream::new();
    };
    let Some(TypeKind::Struct(fields)) = model.type_named(name).map(|t| &t.kind) else {
        return TokenStream::new();
    };
    let Some(f) = fields
        .iter()
        .find(|f| f.name == *wire && f.presence == Presence::Required)
    else {
        return TokenStream::new();
    };
    let id = ident(&f.rust_name);
    let code = match f.ty {
        TypeRef::Scalar(Scalar::Int32 | Scalar::Uint32) => {
            quote!(::std::option::Option::Some(i64::from(response.#id)))
        }
        TypeRef::Scalar(Scalar::Int64) => quote!(::std::option::Option::Some(response.#id)),
        TypeRef::Scalar(Scalar::Uint64) => quote!(i64::try_from(response.#id).ok()),
        _ => return TokenStream::new(),
    };
    quote! {
        #[inline]
        fn success_code(response: &Self::Response) -> ::std::option::Option<i64> {
            #code
        }
    }
}

fn error_model(e: &ErrorModel) -> TokenStream {
    let p = quote!(::steam_webapi::__private);
    match e {
        ErrorModel::HttpStatus { .. } => quote!(#p::ErrorModel::HttpStatus),
        ErrorModel::SuccessCode {
            field,
            success,
            message_field,
            codes,
            ..
        } => {
            let success = Literal::i64_unsuffixed(*success);
            let message = match message_field {
                Some(m) => quote!(::std::option::Option::Some(#m)),
                None => quote!(::std::option::Option::None),
            };
            let codes = codes.iter().map(|c| {
                let v = Literal::i64_unsuffixed(c.value);
                let n = &c.name;
                quote!((#v, #n))
            });
            quote! {
                #p::ErrorModel::SuccessCode {
                    field: #field,
                    success: #success,
                    message_field: #message,
                    codes: &[#(#codes),*],
                }
            }
        }
        ErrorModel::Message { field, .. } => quote!(#p::ErrorModel::Message { field: #field }),
    }
}

/// Operation docs for an accessor method: description, notes, the HTTP line, errors.
fn method_doc(op: &Operation, model: &Model) -> String {
    let mut parts: Vec<String> = vec![docs::sanitize(&op.description)];
    parts.extend(op.notes.iter().map(|n| docs::sanitize(n)));
    if op.visibility == Visibility::Publisher {
        parts.push(
            "Requires a Steamworks **publisher** key: call it only from a secure server, never \
             from a game client."
                .into(),
        );
    }
    // The credential by its name on the wire (`key`, `token`).
    let credential = model
        .providers
        .get(&op.provider)
        .map_or("credential", |p| p.auth_param.as_str());
    match op.auth {
        Auth::Required => {}
        Auth::Optional => parts.push(format!(
            "Works without a `{credential}`; when the client has one, it is sent."
        )),
        Auth::None => parts.push(format!(
            "Takes no `{credential}`: the client never sends it here."
        )),
    }
    if let Some(listing) = &op.imported {
        parts.push(format!(
            "**Imported** from GetSupportedAPIList ({}): the parameters are the listing's, and \
             the response is untyped JSON (`serde_json::Value`, the whole body) until someone \
             types it (spec/README.md, \"Promoting an imported method\").",
            docs::sanitize(listing)
        ));
    }
    if op.status == Status::Proposed {
        parts.push(
            "**Proposed**: documented but never shipped by Steam; expect the live API to answer \
             404."
                .into(),
        );
    }
    parts.push(format!(
        "`{} https://{}{}`",
        http_name(op.http),
        op.host,
        op.path
    ));
    for c in op.errors.codes() {
        parts.push(format!(
            "Code {} (`{}`){}",
            c.value,
            c.name,
            c.description
                .as_deref()
                .map(|d| format!(": {}", docs::sanitize(d)))
                .unwrap_or_default()
        ));
    }
    parts.join("\n\n")
}

/// The interface accessor(s): async, and blocking behind its feature.
pub fn accessors(iface: &Interface, model: &Model, target: Target) -> TokenStream {
    let name = ident(&iface.name);
    let doc = doc_attr(&format!(
        "Operations of `{}`{}",
        iface.name,
        iface
            .description
            .as_deref()
            .map(|d| format!(": {}", docs::sanitize(d)))
            .unwrap_or_else(|| ".".into())
    ));
    let methods = |blocking: bool| {
        iface.operations.iter().map(move |op| {
            let f = ident(&op.fn_name);
            let req = format_ident!("{}", op.request_type);
            let resp = rust_type(&op.response.ty);
            let d = doc_attr(&method_doc(op, model));
            let all = all_method(op, &resp, blocking);
            let paged = paged_method(op, blocking);
            // `#[inline]` as every function written here (module docs of `emit::rust`); this
            // one instantiates the request's validation and layout, and on the blocking client
            // the whole send and decode, for its types.
            if blocking {
                quote! {
                    #d
                    #[inline]
                    pub fn #f(&self, request: &#req) -> ::std::result::Result<#resp, ::steam_webapi::Error> {
                        self.client.execute(request)
                    }

                    #all

                    #paged
                }
            } else {
                // A plain fn returning the client's future: no coroutine per operation, and
                // the future borrows only the client (`'a`), not this accessor or the request.
                quote! {
                    #d
                    #[inline]
                    pub fn #f(&self, request: &#req) -> impl ::std::future::Future<Output = ::std::result::Result<#resp, ::steam_webapi::Error>> + Send + use<'a> {
                        self.client.execute(request)
                    }

                    #all

                    #paged
                }
            }
        })
    };
    let async_methods = methods(false);
    let blocking_methods = methods(true);
    let accessor_fn = ident(&iface.module);
    let (client_impl, blocking_client_impl) = if target == Target::Crate {
        let d = accessor_doc(iface);
        (
            quote! {
                impl ::steam_webapi::Client {
                    #d
                    #[inline]
                    pub fn #accessor_fn(&self) -> #name<'_> {
                        #name::new(self)
                    }
                }
            },
            quote! {
                impl ::steam_webapi::blocking::Client {
                    #d
                    #[inline]
                    pub fn #accessor_fn(&self) -> #name<'_> {
                        #name::new(self)
                    }
                }
            },
        )
    } else {
        (quote!(), quote!())
    };
    // The blocking client is a feature of the crate; a build script's crate has no such feature.
    let blocking = (target == Target::Crate).then(|| {
        quote! {
            /// The same operations on the blocking client.
            #[cfg(feature = "blocking")]
            pub mod blocking {
                use super::*;

                #doc
                #[allow(non_camel_case_types)]
                #[derive(Clone, Copy, Debug)]
                pub struct #name<'a> {
                    client: &'a ::steam_webapi::blocking::Client,
                }

                impl<'a> #name<'a> {
                    /// Wraps a blocking client.
                    #[inline]
                    pub fn new(client: &'a ::steam_webapi::blocking::Client) -> Self {
                        Self { client }
                    }

                    #(#blocking_methods)*
                }

                #blocking_client_impl
            }
        }
    });
    quote! {
        #doc
        // Game-specific interfaces are named like `IEconItems_440`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug)]
        pub struct #name<'a> {
            client: &'a ::steam_webapi::Client,
        }

        impl<'a> #name<'a> {
            /// Wraps a client.
            #[inline]
            pub fn new(client: &'a ::steam_webapi::Client) -> Self {
                Self { client }
            }

            #(#async_methods)*
        }

        #client_impl

        #blocking
    }
}

/// The doc of an interface accessor, on the client or in the build-script trait.
fn accessor_doc(iface: &Interface) -> TokenStream {
    doc_attr(&format!("The `{}` operations.", iface.name))
}

/// A build script's crate cannot add inherent methods to `steam_webapi::Client`, so its
/// accessors come as a trait of its own: `use <module>::Interfaces as _;`, then
/// `client.isteam_user()`, as with the crate's client.
pub fn build_script_accessors(model: &Model) -> TokenStream {
    let methods: Vec<(TokenStream, TokenStream)> = model
        .interfaces
        .values()
        .map(|i| {
            let m = ident(&i.module);
            let name = ident(&i.name);
            let doc = accessor_doc(i);
            (
                quote! {
                    #doc
                    fn #m(&self) -> #m::#name<'_>;
                },
                quote! {
                    #[inline]
                    fn #m(&self) -> #m::#name<'_> {
                        #m::#name::new(self)
                    }
                },
            )
        })
        .collect();
    let (decls, impls): (Vec<_>, Vec<_>) = methods.into_iter().unzip();
    quote! {
        /// The interfaces of this spec as methods of `steam_webapi::Client`: bring the trait into
        /// scope (`use ...::Interfaces as _;`), then call `client.isteam_user()` and so on.
        pub trait Interfaces {
            #(#decls)*
        }

        impl Interfaces for ::steam_webapi::Client {
            #(#impls)*
        }
    }
}
