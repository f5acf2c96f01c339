//! Rust for paged operations (`pages:` in the spec): the request's `Paged` impl (one page's
//! items and the request for the next) and the accessors' `..._paged` methods.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::types::rust_type;
use super::{doc_attr, ident};
use crate::model::{Operation, PageField, PageKind, Pages};

/// The `Paged` impl of a paged operation's request; nothing for other operations.
pub fn paged_impl(op: &Operation) -> TokenStream {
    let Some(pages) = &op.pages else {
        return quote!();
    };
    let name = format_ident!("{}", op.request_type);
    let item = rust_type(&pages.item);
    let items = {
        let f = ident(&pages.items.rust);
        if pages.items.optional {
            quote!(let items = response.#f.unwrap_or_default();)
        } else {
            quote!(let items = response.#f;)
        }
    };
    let next = match &pages.kind {
        PageKind::Offset { offset, limit } => offset_next(offset, limit.as_ref()),
        PageKind::Cursor { cursor, next, more } => cursor_next(cursor, next, more.as_ref()),
    };
    quote! {
        impl ::steam_webapi::__private::Paged for #name {
            type Item = #item;

            #[inline]
            fn next_page(&self, response: Self::Response) -> (::std::vec::Vec<#item>, ::std::option::Option<Self>) {
                #items
                #next
                (items, next)
            }
        }
    }
}

/// Count/offset paging: a full page (as many items as the page size asked for, or any items
/// when none was asked for) is followed by the next, with the offset moved past it.
fn offset_next(offset: &PageField, limit: Option<&PageField>) -> TokenStream {
    let off = ident(&offset.rust);
    let off_ty = rust_type(&offset.ty);
    let full = match limit {
        None => quote!(!items.is_empty()),
        Some(l) => {
            let size = ident(&l.rust);
            let wanted = quote!(usize::try_from(size).unwrap_or(usize::MAX));
            if l.optional {
                quote!(!items.is_empty() && self.#size.is_none_or(|size| items.len() >= #wanted))
            } else {
                quote!(!items.is_empty() && { let size = self.#size; items.len() >= #wanted })
            }
        }
    };
    let set = if offset.optional {
        quote!(next.#off = ::std::option::Option::Some(self.#off.unwrap_or(0).saturating_add(read));)
    } else {
        quote!(next.#off = self.#off.saturating_add(read);)
    };
    quote! {
        let full = #full;
        let read = <#off_ty>::try_from(items.len()).unwrap_or(<#off_ty>::MAX);
        let next = full.then(|| {
            let mut next = ::std::clone::Clone::clone(self);
            #set
            next
        });
    }
}

/// Cursor paging: an answer with items, the next cursor and (if the spec names it) `more`
/// true is followed by the next page from that cursor. A cursor that does not move ends the
/// pages rather than asking for the same page forever.
fn cursor_next(cursor: &PageField, next: &PageField, more: Option<&PageField>) -> TokenStream {
    let c = ident(&cursor.rust);
    let n = ident(&next.rust);
    let more = match more {
        None => quote!(!items.is_empty()),
        Some(m) if m.optional => {
            let m = ident(&m.rust);
            quote!(response.#m.unwrap_or(false) && !items.is_empty())
        }
        Some(m) => {
            let m = ident(&m.rust);
            quote!(response.#m && !items.is_empty())
        }
    };
    let found = if next.optional {
        quote!(response.#n)
    } else {
        quote!(::std::option::Option::Some(response.#n))
    };
    let (set, moved) = if cursor.optional {
        (
            quote!(next.#c = ::std::option::Option::Some(cursor);),
            quote!(self.#c.as_ref() != ::std::option::Option::Some(cursor)),
        )
    } else {
        (quote!(next.#c = cursor;), quote!(self.#c != *cursor))
    };
    quote! {
        let more = #more;
        let next = #found.filter(|cursor| more && #moved).map(|cursor| {
            let mut next = ::std::clone::Clone::clone(self);
            #set
            next
        });
    }
}

/// The `..._paged` method of a paged operation on an accessor (a `Stream`, or an `Iterator`
/// on the blocking client); nothing for other operations.
pub fn paged_method(op: &Operation, blocking: bool) -> TokenStream {
    let (Some(pages), Some(name)) = (&op.pages, op.pages_fn_name()) else {
        return quote!();
    };
    let f = format_ident!("{name}");
    let req = format_ident!("{}", op.request_type);
    let item = rust_type(&pages.item);
    let d = doc_attr(&paged_doc(op, pages, blocking));
    if blocking {
        quote! {
            #d
            #[inline]
            pub fn #f(&self, request: &#req) -> ::steam_webapi::pages::Pages<'a, #req> {
                self.client.execute_pages(request)
            }
        }
    } else {
        quote! {
            #d
            #[inline]
            pub fn #f(&self, request: &#req) -> impl ::steam_webapi::__private::Stream<Item = ::std::result::Result<#item, ::steam_webapi::Error>> + Send + use<'a> {
                self.client.execute_pages(request)
            }
        }
    }
}

fn paged_doc(op: &Operation, pages: &Pages, blocking: bool) -> String {
    let how = match &pages.kind {
        PageKind::Offset { offset, limit } => format!(
            "`{}` moves past the items read{}",
            offset.rust,
            limit
                .as_ref()
                .map(|l| format!("; a page shorter than `{}` is the last", l.rust))
                .unwrap_or_default()
        ),
        PageKind::Cursor { cursor, next, more } => format!(
            "`{}` takes each answer's `{}`{}",
            cursor.rust,
            next.rust,
            more.as_ref()
                .map(|m| format!("; an answer without `{}` true is the last", m.rust))
                .unwrap_or_default()
        ),
    };
    let what = if blocking { "An iterator" } else { "A stream" };
    format!(
        "{what} of the `{}` of every page of [`Self::{}`], fetched one page at a time as it \
         is read: {how}.\n\nAn error is the last item. Each page keeps the client's rules \
         (budget, back-off, retries for `GET` only).",
        pages.items.rust, op.fn_name
    )
}
