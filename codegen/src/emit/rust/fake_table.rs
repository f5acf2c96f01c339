//! `src/api/fake_table.rs`: what the fake Steam of `steam_webapi::testing` needs to know about
//! every operation (feature `testing`): the request's [`EndpointInfo`] (path, method, envelope),
//! its parameters as the wire carries them, and its examples' bodies. Made from the model like
//! the client, so the fake never reads YAML at run time.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::ident;
use crate::model::{
    ArrayEncoding, InputEncoding, Interface, Model, Operation, Param, Scalar, TypeRef,
};

/// The table's module text (tokens; the caller formats them).
pub fn table(model: &Model) -> TokenStream {
    let entries = model.interfaces.values().flat_map(|iface| {
        let m = ident(&iface.module);
        let feature = &iface.name;
        iface
            .operations
            .iter()
            .map(move |op| entry(model, op, &m, feature))
    });
    let accessors = model.interfaces.values().map(stub_accessors);
    quote! {
        //! Every operation of the spec as the fake Steam of `crate::testing` serves it, and the
        //! typed stub accessors (`fake.isteam_user().get_player_summaries()`).
        use ::steam_webapi_runtime::__private::Endpoint as _;
        use crate::testing::table::{FakeExample, FakeOperation, FakeParam, ParamLayout, ParamKind};

        /// Every operation whose interface's feature is on, in spec order.
        pub(crate) static OPERATIONS: &[FakeOperation] = &[#(#entries),*];

        #(#accessors)*
    }
}

/// `fake.isteam_user()` and its `ISteamUserStubs`: one method per operation, the stub of
/// its request type, named as the client's method is.
fn stub_accessors(iface: &Interface) -> TokenStream {
    let feature = &iface.name;
    let module = ident(&iface.module);
    let stubs = format_ident!("{}Stubs", iface.name);
    let accessor_doc = format!("The stubs of `{}`'s operations.", iface.name);
    let methods = iface.operations.iter().map(|op| {
        let f = ident(&op.fn_name);
        let req = ident(&op.request_type);
        let doc = format!(
            "A stub of `{}`: `fake.stub::<{}>()`.",
            op.id(),
            op.request_type
        );
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn #f(&self) -> crate::testing::Stub<crate::#module::#req> {
                self.fake.stub()
            }
        }
    });
    quote! {
        #[cfg(feature = #feature)]
        impl crate::testing::FakeSteam {
            #[doc = #accessor_doc]
            #[inline]
            pub fn #module(&self) -> #stubs<'_> {
                #stubs { fake: self }
            }
        }

        #[doc = #accessor_doc]
        #[cfg(feature = #feature)]
        #[derive(Clone, Copy, Debug)]
        pub struct #stubs<'a> {
            fake: &'a crate::testing::FakeSteam,
        }

        #[cfg(feature = #feature)]
        impl #stubs<'_> {
            #(#methods)*
        }
    }
}

fn entry(model: &Model, op: &Operation, module: &proc_macro2::Ident, feature: &str) -> TokenStream {
    // The provider's own pairs, from providers.yaml: the credential and the format.
    let provider = model.providers.get(&op.provider);
    let credential = provider.map_or("", |p| p.auth_param.as_str());
    let format = provider
        .and_then(|p| p.format_param.as_ref())
        .map(|(name, _)| name.as_str());
    let format = match format {
        Some(name) => quote!(::std::option::Option::Some(#name)),
        None => quote!(::std::option::Option::None),
    };
    let ty = ident(&op.request_type);
    let type_name = &op.request_type;
    let params = op.params.iter().map(param);
    let examples = op.examples.iter().filter_map(|ex| {
        let body = ex.response.as_ref()?;
        let name = &ex.name;
        let status = ex.status;
        let text = Literal::string(&serde_json::to_string(body).unwrap_or_default());
        Some(quote!(FakeExample { name: #name, status: #status, body: #text }))
    });
    let input_json = matches!(op.input, InputEncoding::InputJson);
    quote! {
        #[cfg(feature = #feature)]
        FakeOperation {
            info: crate::#module::#ty::INFO,
            request_type: #type_name,
            input_json: #input_json,
            credential: #credential,
            format: #format,
            params: &[#(#params),*],
            examples: &[#(#examples),*],
        }
    }
}

fn param(p: &Param) -> TokenStream {
    let name = &p.name;
    let required = !p.optional;
    let layout = match p.encoding {
        Some(ArrayEncoding::Comma) => quote!(ParamLayout::Comma),
        Some(ArrayEncoding::Indexed) => quote!(ParamLayout::Indexed),
        Some(ArrayEncoding::Json) | None if p.ty.is_array() => quote!(ParamLayout::Json),
        Some(ArrayEncoding::Json) | None => quote!(ParamLayout::Value),
    };
    let kind = match leaf(&p.ty) {
        Some(Scalar::Bool) => quote!(ParamKind::Bool),
        Some(Scalar::Uint32 | Scalar::Uint64 | Scalar::Timestamp | Scalar::SteamId) => {
            quote!(ParamKind::Unsigned)
        }
        Some(Scalar::Int32 | Scalar::Int64) => quote!(ParamKind::Signed),
        Some(Scalar::Float) => quote!(ParamKind::Float),
        _ => quote!(ParamKind::Text),
    };
    quote!(FakeParam { name: #name, required: #required, layout: #layout, kind: #kind })
}

/// The scalar of a parameter or of its array's items; `None` for named types and maps.
fn leaf(ty: &TypeRef) -> Option<Scalar> {
    match ty {
        TypeRef::Scalar(s) => Some(*s),
        TypeRef::Array(inner) => match inner.as_ref() {
            TypeRef::Scalar(s) => Some(*s),
            _ => None,
        },
        _ => None,
    }
}
