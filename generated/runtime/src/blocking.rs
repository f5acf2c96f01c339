//! The blocking [`Client`] (feature `blocking`): the same calls without async.
//!
//! Like reqwest's blocking client it must not be used from inside an async
//! runtime; use the async [`crate::Client`] there.

use std::fmt;
use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::admit::{Step, next_step};
use crate::batch::{Batch, chunk_error, chunks, merge_all};
use crate::builder::{Config, redirect_policy};
use crate::endpoint::{Endpoint, HttpMethod, ProviderId};
use crate::error::Error;
use crate::format::Format;
use crate::pages::{Paged, Pages};
use crate::request::{FORM_CONTENT_TYPE, Prepared, prepare};
use crate::response::{answer, decode_2xx, early_error};
use crate::retry::Attempts;
use crate::transport::transport_error;

/// The builder of the blocking client: the same settings as the async one.
pub type ClientBuilder = crate::builder::ClientBuilder<Client>;

/// The runtime's blocking client; `steam_webapi::blocking::Client` wraps it
/// and adds the interface accessors. Cheap to clone.
#[derive(Clone)]
pub struct Client {
    http: reqwest::blocking::Client,
    config: Arc<Config>,
    /// The format asked for: the builder's, or [`Client::with_format`]'s.
    format: Format,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.config, f)
    }
}

impl crate::builder::BuildClient for Client {
    fn build_client(builder: ClientBuilder) -> Result<Self, Error> {
        Client::from_config(builder.config()?)
    }
}

impl Client {
    /// A builder with the default settings (no key, the providers' own hosts).
    pub fn builder() -> ClientBuilder {
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

    fn from_config(config: Config) -> Result<Self, Error> {
        let http = reqwest::blocking::Client::builder()
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
    /// the generated interface accessors call it. Retries as the async
    /// client does (a `GET` only, under the client's
    /// [`RetryPolicy`](crate::RetryPolicy)), sleeping the thread between
    /// attempts.
    pub fn execute<E: Endpoint>(&self, req: &E) -> Result<E::Response, Error> {
        let _span = crate::trace::enter(&E::INFO);
        // Decoded after the retry loop, as in the async client.
        prepare(&self.config, req, self.format)
            .and_then(|prepared| self.send_with_retries(&prepared))
            .and_then(|(status, body)| decode_2xx::<E>(&body, status, self.format))
            .map_err(|e| e.redact(&self.config.secrets()))
    }

    /// The status and body of the first 2xx answer.
    fn send_with_retries(&self, prepared: &Prepared) -> Result<(u16, Vec<u8>), Error> {
        let config = &*self.config;
        let mut attempts = Attempts::new(
            &config.retry,
            &config.jitter,
            prepared.method == HttpMethod::Get,
        );
        loop {
            self.admit(prepared.info.provider, attempts.remaining())?;
            let timeout = attempts.attempt_timeout(config.timeout);
            let started = Instant::now();
            let error = match self.send(prepared, timeout, &mut attempts) {
                Ok(answer) => {
                    crate::trace::attempt(Ok(answer.0), started.elapsed(), None);
                    return Ok(answer);
                }
                Err(error) => error,
            };
            let wait = attempts.wait_after(&error);
            crate::trace::attempt(Err(&error), started.elapsed(), wait);
            match wait {
                Some(wait) => std::thread::sleep(wait),
                None => return Err(error),
            }
        }
    }

    /// Sleeps out the provider's shared back-off and the call's turn in the
    /// request budget, or ends the call before anything is sent.
    fn admit(&self, provider: ProviderId, left: Duration) -> Result<(), Error> {
        let started = Instant::now();
        loop {
            match next_step(
                &self.config,
                provider,
                left.saturating_sub(started.elapsed()),
            )? {
                Step::Hold(pause) => std::thread::sleep(pause),
                Step::Send(wait) => {
                    std::thread::sleep(wait);
                    return Ok(());
                }
            }
        }
    }

    /// Sends a batch operation's request with any number of items, as the
    /// async client's `execute_all` does: up to the client's
    /// `batch_concurrency` calls at once, each on a thread of its own.
    pub fn execute_all<E: Batch>(&self, req: &E) -> Result<E::Response, Error> {
        let ranges = chunks(req.item_count(), E::MAX_ITEMS);
        if ranges.len() == 1 {
            return self.execute(req);
        }
        let answers = crate::batch::run_blocking(self.config.batch_concurrency, &ranges, |range| {
            self.execute(&req.with_items(range))
        });
        let mut merged = Vec::with_capacity(ranges.len());
        for (i, answer) in answers.into_iter().enumerate() {
            crate::trace::batch_call(i, &ranges);
            merged.push(answer.map_err(|e| chunk_error(i, &ranges, e))?);
        }
        merge_all::<E>(merged).ok_or_else(|| Error::config("a batch of no calls"))
    }

    /// The items of a paged operation, page after page, fetched lazily as
    /// the iterator is read; an error is its last item.
    pub fn execute_pages<E: Paged>(&self, req: &E) -> Pages<'_, E> {
        Pages::new(self, req.clone())
    }

    /// When calls to `provider` may send again, if a 429 or 503 has paused
    /// them (the shared back-off); `None` when they are not paused.
    pub fn paused_until(&self, provider: ProviderId) -> Option<Instant> {
        self.config.backoff.paused_until(provider)
    }

    fn send(
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
        let mut response = builder.send().map_err(transport_error)?;
        let status = response.status().as_u16();
        attempts.note_answer(status, response.headers());
        let provider = prepared.info.provider;
        (self.config.backoff).note_answer(provider, status, response.headers());
        if let Some(error) = early_error(status, response.headers()) {
            return Err(error);
        }
        let limit = self.config.max_body_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Err(Error::BodyTooLarge { limit });
        }
        // One byte past the limit tells "exactly the limit" from "more".
        let mut body = Vec::new();
        (&mut response)
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(read_error)?;
        if body.len() > limit {
            return Err(Error::BodyTooLarge { limit });
        }
        answer(status, response.headers(), body, prepared)
    }
}

/// The blocking body reader wraps reqwest's errors in io::Error.
fn read_error(err: std::io::Error) -> Error {
    if err.kind() == std::io::ErrorKind::TimedOut {
        return Error::Timeout;
    }
    match err.into_inner() {
        Some(inner) => match inner.downcast::<reqwest::Error>() {
            Ok(err) => transport_error(*err),
            Err(other) => Error::Transport {
                kind: crate::error::TransportKind::Other,
                message: other.to_string(),
            },
        },
        None => Error::Transport {
            kind: crate::error::TransportKind::Other,
            message: "the response body could not be read".to_owned(),
        },
    }
}
