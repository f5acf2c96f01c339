//! The async [`Client`].

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{Stream, StreamExt, stream};

use crate::admit::{Step, next_step};
use crate::batch::{Batch, chunk_error, chunks, merge_all};
use crate::builder::{ClientBuilder, Config, redirect_policy};
use crate::endpoint::{Endpoint, HttpMethod, ProviderId};
use crate::error::Error;
use crate::format::Format;
use crate::pages::{Need, Paged, Walk};
use crate::request::{FORM_CONTENT_TYPE, Prepared, prepare};
use crate::response::{answer, decode_2xx, early_error};
use crate::retry::Attempts;
use crate::timer::sleep;
use crate::transport::transport_error;

/// The runtime's async client: lays out requests, sends them with retries and
/// decodes the answers. `steam_webapi::Client` wraps it and adds the interface
/// accessors (`client.isteam_user()`). Cheap to clone (the connection pool and
/// settings are shared).
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    config: Arc<Config>,
    /// The format asked for: the builder's, or [`Client::with_format`]'s.
    format: Format,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Config's Debug redacts the key and token.
        fmt::Debug::fmt(&self.config, f)
    }
}

impl Client {
    /// A builder with the default settings (no key, the providers' own hosts).
    pub fn builder() -> ClientBuilder<Client> {
        ClientBuilder::new()
    }

    /// The same client (sharing its connections and settings) asking for
    /// `format` instead: the per-call override of
    /// [`ClientBuilder::format`](crate::ClientBuilder::format).
    /// `client.with_format(Format::Xml).isteam_user()...` sends `format=xml`
    /// and decodes the XML into the same response types.
    pub fn with_format(&self, format: Format) -> Self {
        Client {
            format,
            ..self.clone()
        }
    }

    /// The format this client asks for.
    pub fn format(&self) -> Format {
        self.format
    }

    pub(crate) fn from_config(config: Config) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .redirect(redirect_policy())
            // A followed redirect would carry the first URL, key and all, in `Referer`.
            .referer(false)
            .https_only(config.https_only)
            .timeout(config.timeout)
            .user_agent(config.user_agent.as_str())
            .build()
            .map_err(|e| {
                Error::config(format!("cannot start the HTTP client: {}", e.without_url()))
            })?;
        Ok(Client {
            http,
            format: config.format,
            config: Arc::new(config),
        })
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
        let prepared = prepare(&self.config, req, self.format);
        let call = async move {
            let result = match prepared {
                // A 2xx body's errors (decoding, success codes) are never
                // retried, so it is decoded after the retry loop, which then
                // does not depend on `E`.
                Ok(prepared) => self
                    .send_with_retries(&prepared)
                    .await
                    .and_then(|(status, body)| decode_2xx::<E>(&body, status, self.format)),
                Err(e) => Err(e),
            };
            result.map_err(|e| e.redact(&self.config.secrets()))
        };
        crate::trace::instrument(call, &E::INFO)
    }

    /// Sends a batch operation's request with any number of items: cut into
    /// calls of at most [`Batch::MAX_ITEMS`], up to the client's
    /// `batch_concurrency` in flight at once, their answers merged in the
    /// order of the items. A failed call fails the batch with
    /// [`Error::Batch`]. The generated `..._all` methods call it.
    pub fn execute_all<'c, E: Batch>(
        &'c self,
        req: &E,
    ) -> impl Future<Output = Result<E::Response, Error>> + Send + use<'c, E> {
        let ranges = chunks(req.item_count(), E::MAX_ITEMS);
        // Each call is validated and laid out now; its future borrows only the client.
        let calls: Vec<_> = match ranges.as_slice() {
            [_] => vec![self.execute(req)],
            _ => ranges
                .iter()
                .map(|r| self.execute(&req.with_items(r.clone())))
                .collect(),
        };
        let concurrency = self.config.batch_concurrency;
        async move {
            let mut calls = stream::iter(calls).buffered(concurrency);
            let mut answers = Vec::with_capacity(ranges.len());
            while let Some(answer) = calls.next().await {
                let i = answers.len();
                crate::trace::batch_call(i, &ranges);
                match answer {
                    Ok(answer) => answers.push(answer),
                    Err(e) if ranges.len() == 1 => return Err(e),
                    Err(e) => return Err(chunk_error(i, &ranges, e)),
                }
            }
            merge_all::<E>(answers).ok_or_else(|| Error::config("a batch of no calls"))
        }
    }

    /// The items of a paged operation, page after page, fetched lazily as
    /// the stream is read; an error is the stream's last item. The generated
    /// `..._paged` methods call it.
    pub fn execute_pages<'c, E: Paged>(
        &'c self,
        req: &E,
    ) -> impl Stream<Item = Result<E::Item, Error>> + Send + use<'c, E> {
        stream::unfold(Walk::new(req.clone()), move |mut walk| async move {
            loop {
                match walk.need() {
                    Need::Item(item) => return Some((Ok(item), walk)),
                    Need::Done => return None,
                    Need::Fetch(request) => {
                        let answer = self.execute(&request).await;
                        if let Err(e) = walk.page(&request, answer) {
                            return Some((Err(e), walk));
                        }
                    }
                }
            }
        })
    }

    /// When calls to `provider` may send again, if a 429 or 503 has paused
    /// them (the shared back-off); `None` when they are not paused.
    pub fn paused_until(&self, provider: ProviderId) -> Option<Instant> {
        self.config.backoff.paused_until(provider)
    }

    /// The status and body of the first 2xx answer.
    async fn send_with_retries(&self, prepared: &Prepared) -> Result<(u16, Vec<u8>), Error> {
        let config = &*self.config;
        let mut attempts = Attempts::new(
            &config.retry,
            &config.jitter,
            prepared.method == HttpMethod::Get,
        );
        loop {
            self.admit(prepared.info.provider, attempts.remaining())
                .await?;
            let timeout = attempts.attempt_timeout(config.timeout);
            let started = Instant::now();
            let error = match self.send(prepared, timeout, &mut attempts).await {
                Ok(answer) => {
                    crate::trace::attempt(Ok(answer.0), started.elapsed(), None);
                    return Ok(answer);
                }
                Err(error) => error,
            };
            let wait = attempts.wait_after(&error);
            crate::trace::attempt(Err(&error), started.elapsed(), wait);
            match wait {
                Some(wait) => sleep(wait).await,
                None => return Err(error),
            }
        }
    }

    /// Waits out the provider's shared back-off and the call's turn in the
    /// request budget, or ends the call before anything is sent.
    async fn admit(&self, provider: ProviderId, left: Duration) -> Result<(), Error> {
        let started = Instant::now();
        loop {
            match next_step(
                &self.config,
                provider,
                left.saturating_sub(started.elapsed()),
            )? {
                Step::Hold(pause) => sleep(pause).await,
                Step::Send(wait) => {
                    sleep(wait).await;
                    return Ok(());
                }
            }
        }
    }

    async fn send(
        &self,
        prepared: &Prepared,
        timeout: std::time::Duration,
        attempts: &mut Attempts<'_>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let mut builder = self
            .http
            .request(prepared.reqwest_method(), prepared.url.as_str())
            .timeout(timeout);
        if let Some(form) = &prepared.form {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, FORM_CONTENT_TYPE)
                .body(form.clone());
        }
        let mut response = builder.send().await.map_err(transport_error)?;
        let status = response.status().as_u16();
        attempts.note_answer(status, response.headers());
        let provider = prepared.info.provider;
        (self.config.backoff).note_answer(provider, status, response.headers());
        if let Some(error) = early_error(status, response.headers()) {
            return Err(error);
        }
        let body = read_limited(&mut response, self.config.max_body_bytes).await?;
        answer(status, response.headers(), body, prepared)
    }
}

/// Reads the body chunk by chunk, stopping as soon as it passes `limit`.
async fn read_limited(response: &mut reqwest::Response, limit: usize) -> Result<Vec<u8>, Error> {
    let too_large = || Error::BodyTooLarge { limit };
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::with_capacity(response.content_length().map_or(0, |len| len as usize));
    while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
