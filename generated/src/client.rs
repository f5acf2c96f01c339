//! [`Client`] and `blocking::Client`: the runtime's clients under a type of this crate, so that
//! the generated interface modules can add their accessors (`client.isteam_user()`) as inherent
//! methods. Everything else is the runtime's.

use std::fmt;
use std::future::Future;
use std::time::Instant;

use steam_webapi_runtime::__private::{Batch, Endpoint, Paged, Stream};
use steam_webapi_runtime::{BuildClient, Error, ProviderId};

/// A client of the Steam Web API and backpack.tf. Cheap to clone (the
/// connection pool and settings are shared).
///
/// ```no_run
/// # async fn run() -> Result<(), steam_webapi::Error> {
/// let client = steam_webapi::Client::builder().api_key("…").build()?;
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: steam_webapi_runtime::Client,
}

/// Builds a [`Client`] (or, with the `blocking` feature, a
/// `blocking::Client`: `C` is the client `build()` returns).
pub type ClientBuilder<C = Client> = steam_webapi_runtime::ClientBuilder<C>;

impl Client {
    /// A builder with the default settings (no key, the providers' own hosts).
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The same client (sharing its connections and settings) asking for
    /// another response format: the per-call override of
    /// [`ClientBuilder::format`](steam_webapi_runtime::ClientBuilder::format).
    ///
    /// ```no_run
    /// # async fn run(client: steam_webapi::Client) -> Result<(), steam_webapi::Error> {
    /// use steam_webapi::Format;
    /// let vdf = client.with_format(Format::Vdf);
    /// let request = steam_webapi::isteam_web_api_util::GetServerInfoRequest::new();
    /// let info = vdf.isteam_web_api_util().get_server_info(&request).await?;
    /// # let _ = info; Ok(()) }
    /// ```
    pub fn with_format(&self, format: steam_webapi_runtime::Format) -> Self {
        Client {
            inner: self.inner.with_format(format),
        }
    }

    /// Sends one request and decodes its response. The low-level entry point:
    /// the generated interface accessors (`client.isteam_user()...`) call it.
    ///
    /// A `GET` that fails with a transient error is tried again under the
    /// client's [`RetryPolicy`](crate::RetryPolicy); other methods are sent
    /// once.
    ///
    /// The request is validated and laid out before this returns, so the
    /// future borrows only the client.
    pub fn execute<'c, E: Endpoint>(
        &'c self,
        req: &E,
    ) -> impl Future<Output = Result<E::Response, Error>> + Send + use<'c, E> {
        self.inner.execute(req)
    }

    /// Sends a batch operation's request with any number of items, cut into
    /// calls within the operation's limit and merged in input order; the
    /// entry point of the generated `..._all` methods.
    pub fn execute_all<'c, E: Batch>(
        &'c self,
        req: &E,
    ) -> impl Future<Output = Result<E::Response, Error>> + Send + use<'c, E> {
        self.inner.execute_all(req)
    }

    /// The items of a paged operation, fetched a page at a time as the
    /// stream is read; the entry point of the generated `..._paged` methods.
    pub fn execute_pages<'c, E: Paged>(
        &'c self,
        req: &E,
    ) -> impl Stream<Item = Result<E::Item, Error>> + Send + use<'c, E> {
        self.inner.execute_pages(req)
    }

    /// When calls to `provider` may send again, if a 429 or 503 has paused
    /// them (the shared back-off); `None` when they are not paused.
    pub fn paused_until(&self, provider: ProviderId) -> Option<Instant> {
        self.inner.paused_until(provider)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The runtime's Debug redacts the key and token.
        fmt::Debug::fmt(&self.inner, f)
    }
}

impl BuildClient for Client {
    fn build_client(builder: ClientBuilder<Self>) -> Result<Self, Error> {
        let inner = builder.for_client().build()?;
        Ok(Client { inner })
    }
}

/// The blocking client (feature `blocking`): the same calls without async.
///
/// Like reqwest's blocking client it must not be used from inside an async
/// runtime; use the async [`crate::Client`] there.
#[cfg(feature = "blocking")]
pub mod blocking {
    use std::fmt;
    use std::time::Instant;

    use steam_webapi_runtime::__private::{Batch, Endpoint, Paged};
    use steam_webapi_runtime::pages::Pages;
    use steam_webapi_runtime::{BuildClient, Error, ProviderId};

    /// The builder of the blocking client: the same settings as the async one.
    pub type ClientBuilder = crate::ClientBuilder<Client>;

    /// A blocking client of the Steam Web API and backpack.tf. Cheap to clone.
    #[derive(Clone)]
    pub struct Client {
        inner: steam_webapi_runtime::blocking::Client,
    }

    impl Client {
        /// A builder with the default settings (no key, the providers' own hosts).
        pub fn builder() -> ClientBuilder {
            ClientBuilder::new()
        }

        /// The same client asking for another response format (see
        /// [`crate::Client::with_format`]).
        pub fn with_format(&self, format: steam_webapi_runtime::Format) -> Self {
            Client {
                inner: self.inner.with_format(format),
            }
        }

        /// Sends one request and decodes its response. The low-level entry point:
        /// the generated interface accessors call it. Retries as the async
        /// client does (a `GET` only, under the client's
        /// [`RetryPolicy`](crate::RetryPolicy)), sleeping the thread between
        /// attempts.
        pub fn execute<E: Endpoint>(&self, req: &E) -> Result<E::Response, Error> {
            self.inner.execute(req)
        }

        /// Sends a batch operation's request with any number of items, as
        /// the async client's `execute_all` does.
        pub fn execute_all<E: Batch>(&self, req: &E) -> Result<E::Response, Error> {
            self.inner.execute_all(req)
        }

        /// The items of a paged operation, fetched a page at a time as the
        /// iterator is read.
        pub fn execute_pages<E: Paged>(&self, req: &E) -> Pages<'_, E> {
            self.inner.execute_pages(req)
        }

        /// When calls to `provider` may send again, if a 429 or 503 has
        /// paused them (the shared back-off); `None` when they are not paused.
        pub fn paused_until(&self, provider: ProviderId) -> Option<Instant> {
            self.inner.paused_until(provider)
        }
    }

    impl fmt::Debug for Client {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&self.inner, f)
        }
    }

    impl BuildClient for Client {
        fn build_client(builder: ClientBuilder) -> Result<Self, Error> {
            let inner = builder.for_client().build()?;
            Ok(Client { inner })
        }
    }
}
