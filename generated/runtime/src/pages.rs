//! Pages: an operation whose answer comes a page at a time (ISteamHub's
//! `count`/`skip`; a cursor such as IStoreService's `last_appid` and
//! `have_more_results`) read as one sequence of items, fetched lazily: a
//! `Stream` on the async client, an `Iterator` on the blocking one.
//!
//! The spec says which parameters and which response fields drive it; the
//! generated [`Paged`] impl turns one page's answer into its items and the
//! request for the next page, if there is one. An error ends the sequence
//! after it is yielded. Each page's call keeps the client's rules (budget,
//! back-off, retries for `GET` only).

use std::collections::VecDeque;

use crate::endpoint::Endpoint;
use crate::error::Error;

/// An operation read a page at a time; implemented by the generated request
/// types of operations with a `pages:` in the spec.
pub trait Paged: Endpoint<Response: Send> + Clone + Send + Sync {
    /// One item of a page.
    type Item: Send;

    /// The items of the page this request fetched, and the request for the
    /// next page (`None` when the answer says there are no more).
    fn next_page(&self, response: Self::Response) -> (Vec<Self::Item>, Option<Self>);
}

/// Where a walk through the pages stands: the items of the current page not
/// yet handed out, and the request for the next page.
pub(crate) struct Walk<E: Paged> {
    items: VecDeque<E::Item>,
    next: Option<E>,
    pages: usize,
}

/// What a walk needs next.
pub(crate) enum Need<E: Paged> {
    /// An item is ready.
    Item(E::Item),
    /// The next page: send this request and give its answer to [`Walk::page`].
    Fetch(E),
    /// No more items.
    Done,
}

impl<E: Paged> Walk<E> {
    pub(crate) fn new(first: E) -> Self {
        Walk {
            items: VecDeque::new(),
            next: Some(first),
            pages: 0,
        }
    }

    pub(crate) fn need(&mut self) -> Need<E> {
        if let Some(item) = self.items.pop_front() {
            return Need::Item(item);
        }
        match self.next.take() {
            Some(request) => Need::Fetch(request),
            None => Need::Done,
        }
    }

    /// Takes the answer to `request`; an error ends the walk. A "no match"
    /// after the first page (ISteamHub's answer to a skip past the end) is
    /// the end of the items, not an error.
    pub(crate) fn page(
        &mut self,
        request: &E,
        answer: Result<E::Response, Error>,
    ) -> Result<(), Error> {
        let answer = match answer {
            Err(Error::NoMatch { .. }) if self.pages > 0 => return Ok(()),
            answer => answer?,
        };
        let (items, next) = request.next_page(answer);
        self.pages += 1;
        crate::trace::page(self.pages, items.len(), next.is_some());
        self.items = items.into();
        self.next = next;
        Ok(())
    }
}

/// The blocking client's pages: an [`Iterator`] of items that fetches the
/// next page when the current one is used up.
#[cfg(feature = "blocking")]
pub struct Pages<'c, E: Paged> {
    client: &'c crate::blocking::Client,
    walk: Walk<E>,
}

#[cfg(feature = "blocking")]
impl<'c, E: Paged> Pages<'c, E> {
    pub(crate) fn new(client: &'c crate::blocking::Client, first: E) -> Self {
        Pages {
            client,
            walk: Walk::new(first),
        }
    }
}

#[cfg(feature = "blocking")]
impl<E: Paged> Iterator for Pages<'_, E> {
    type Item = Result<E::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.walk.need() {
                Need::Item(item) => return Some(Ok(item)),
                Need::Done => return None,
                Need::Fetch(request) => {
                    let answer = self.client.execute(&request);
                    if let Err(e) = self.walk.page(&request, answer) {
                        return Some(Err(e));
                    }
                }
            }
        }
    }
}
