//! Rust for batch operations (`batch:` in the spec): the request's `Batch` impl (how it is cut
//! and how the answers merge) and the accessors' `..._all` methods.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{doc_attr, ident};
use crate::model::{Batch, BatchMerge, Operation};

/// The `Batch` impl of a batch operation's request; nothing for other operations.
pub fn batch_impl(op: &Operation) -> TokenStream {
    let Some(batch) = &op.batch else {
        return quote!();
    };
    let name = format_ident!("{}", op.request_type);
    let list = ident(&batch.param);
    let max = Literal::usize_unsuffixed(usize::try_from(batch.max_items).unwrap_or(usize::MAX));
    // Every other parameter is cloned as it is; the list is cut.
    let others = op
        .params
        .iter()
        .filter(|p| p.rust_name != batch.param)
        .map(|p| {
            let id = ident(&p.rust_name);
            quote!(#id: ::std::clone::Clone::clone(&self.#id))
        });
    let merge = match &batch.merge {
        BatchMerge::Concat(field) => {
            let f = ident(field);
            quote!(into.#f.extend(next.#f);)
        }
        BatchMerge::Sum(field) => {
            let f = ident(field);
            quote!(into.#f = into.#f.saturating_add(next.#f);)
        }
    };
    quote! {
        impl ::steam_webapi::__private::Batch for #name {
            const MAX_ITEMS: usize = #max;

            #[inline]
            fn item_count(&self) -> usize {
                self.#list.len()
            }

            #[inline]
            fn with_items(&self, range: ::std::ops::Range<usize>) -> Self {
                Self {
                    #list: self.#list[range].to_vec(),
                    #(#others,)*
                }
            }

            #[inline]
            fn merge(into: &mut Self::Response, next: Self::Response) {
                #merge
            }
        }
    }
}

/// The `..._all` method of a batch operation on an accessor (async or blocking); nothing for
/// other operations.
pub fn all_method(op: &Operation, resp: &TokenStream, blocking: bool) -> TokenStream {
    let Some(batch) = &op.batch else {
        return quote!();
    };
    let Some(name) = op.batch_fn_name() else {
        return quote!();
    };
    let f = format_ident!("{name}");
    let req = format_ident!("{}", op.request_type);
    let d = doc_attr(&all_doc(op, batch));
    if blocking {
        quote! {
            #d
            #[inline]
            pub fn #f(&self, request: &#req) -> ::std::result::Result<#resp, ::steam_webapi::Error> {
                self.client.execute_all(request)
            }
        }
    } else {
        quote! {
            #d
            #[inline]
            pub fn #f(&self, request: &#req) -> impl ::std::future::Future<Output = ::std::result::Result<#resp, ::steam_webapi::Error>> + Send + use<'a> {
                self.client.execute_all(request)
            }
        }
    }
}

fn all_doc(op: &Operation, batch: &Batch) -> String {
    let merge = match &batch.merge {
        BatchMerge::Concat(f) => format!("their `{f}` concatenated in the order of the items"),
        BatchMerge::Sum(f) => format!("their `{f}` added up"),
    };
    format!(
        "[`Self::{}`] with any number of `{}`: cut into calls of at most {} (up to \
         `ClientBuilder::batch_concurrency` at once), {merge}.\n\n\
         A failed call fails the whole batch with `Error::Batch`, which names the call and its \
         items. Each call keeps the client's rules (budget, back-off, retries for `GET` only).",
        op.fn_name, batch.param, batch.max_items
    )
}
