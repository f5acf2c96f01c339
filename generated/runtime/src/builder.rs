//! [`ClientBuilder`]: credentials, base URLs and limits, checked once at
//! `build()`.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use crate::backoff::SharedBackoff;
use crate::budget::{Budget, BudgetStore, RateLimit};
use crate::client::Client;
use crate::endpoint::{EndpointInfo, ProviderId};
use crate::error::Error;
use crate::format::Format;
use crate::retry::{RetryPolicy, SharedJitter, fresh_seed};
use crate::tokens::TokenSet;

/// The default limit on a response body: 4 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 4 * 1024 * 1024;
/// The default timeout of a whole call.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The most redirects followed (same scheme, host and port only).
pub(crate) const MAX_REDIRECTS: usize = 5;

/// Builds a [`Client`] (or, with the `blocking` feature, a
/// `blocking::Client`: `C` is the client `build()` returns).
pub struct ClientBuilder<C = Client> {
    settings: Settings,
    client: PhantomData<fn() -> C>,
}

/// What a builder holds, whichever client it builds.
#[derive(Clone)]
struct Settings {
    api_key: Option<String>,
    token: Option<String>,
    /// The credentials of [`ProviderId::Other`] providers, by id.
    others: BTreeMap<&'static str, String>,
    bases: BTreeMap<ProviderId, String>,
    publisher_base: Option<String>,
    allow_http: bool,
    timeout: Duration,
    user_agent: String,
    max_body_bytes: usize,
    retry: RetryPolicy,
    jitter_seed: Option<u64>,
    tokens: Option<Arc<TokenSet>>,
    rate_limits: BTreeMap<ProviderId, RateLimit>,
    budget_store: Option<Arc<dyn BudgetStore>>,
    batch_concurrency: usize,
    format: Format,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            api_key: None,
            token: None,
            others: BTreeMap::new(),
            bases: BTreeMap::new(),
            publisher_base: None,
            allow_http: false,
            timeout: DEFAULT_TIMEOUT,
            user_agent: concat!("steam-webapi/", env!("CARGO_PKG_VERSION")).to_owned(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            retry: RetryPolicy::DEFAULT,
            jitter_seed: None,
            tokens: None,
            rate_limits: BTreeMap::new(),
            budget_store: None,
            batch_concurrency: crate::batch::DEFAULT_CONCURRENCY,
            format: Format::Json,
        }
    }
}

impl<C> Default for ClientBuilder<C> {
    fn default() -> Self {
        ClientBuilder {
            settings: Settings::default(),
            client: PhantomData,
        }
    }
}

impl<C> Clone for ClientBuilder<C> {
    fn clone(&self) -> Self {
        ClientBuilder {
            settings: self.settings.clone(),
            client: PhantomData,
        }
    }
}

impl<C> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.settings, f)
    }
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| Redacted))
            .field("token", &self.token.as_ref().map(|_| Redacted))
            .field("others", &redacted_others(&self.others))
            .field("bases", &redacted_bases(&self.bases, &self.secrets()))
            .field(
                "publisher_base",
                &self
                    .publisher_base
                    .as_ref()
                    .map(|b| redacted(b, &self.secrets())),
            )
            .field("allow_http", &self.allow_http)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("retry", &self.retry)
            .field("jitter_seed", &self.jitter_seed)
            .field("tokens", &self.tokens.as_ref().map(|t| t.len()))
            .field("rate_limits", &self.rate_limits)
            .field("budget_store", &self.budget_store)
            .field("batch_concurrency", &self.batch_concurrency)
            .field("format", &self.format)
            .finish()
    }
}

/// A base URL as `Debug` shows it: without a secret put in it by mistake
/// (`build()` refuses such URLs, but the builder holds them until then).
fn redacted(url: &str, secrets: &[&str]) -> String {
    let mut url = url.to_owned();
    crate::error::redact_str(&mut url, secrets);
    url
}

fn redacted_bases(
    bases: &BTreeMap<ProviderId, String>,
    secrets: &[&str],
) -> BTreeMap<ProviderId, String> {
    bases
        .iter()
        .map(|(p, url)| (*p, redacted(url, secrets)))
        .collect()
}

/// Other providers' credentials as `Debug` shows them: their ids only.
fn redacted_others(others: &BTreeMap<&'static str, String>) -> BTreeMap<&'static str, Redacted> {
    others.keys().map(|id| (*id, Redacted)).collect()
}

/// Stands in for a secret in `Debug` output.
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::error::REDACTED)
    }
}

impl<C> ClientBuilder<C> {
    /// The default settings: no key or token, the providers' own hosts, a 30 s
    /// timeout, a 4 MiB body limit and [`RetryPolicy::DEFAULT`].
    pub fn new() -> Self {
        Self::default()
    }

    /// The Steam Web API key (sent as the `key` parameter). [`Self::build`] refuses an empty
    /// one, or one with whitespace or control characters.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.settings.api_key = Some(key.into());
        self
    }

    /// The backpack.tf access token (sent as the `token` parameter); refused by [`Self::build`]
    /// like a malformed [`Self::api_key`].
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.settings.token = Some(token.into());
        self
    }

    /// The credential of `provider`: the same as [`Self::api_key`] for Steam and
    /// [`Self::token`] for backpack.tf, and the way to set one for another
    /// provider of a spec's `providers.yaml` ([`ProviderId::Other`]), sent as
    /// that provider's `auth.param`.
    pub fn credential(mut self, provider: ProviderId, secret: impl Into<String>) -> Self {
        let secret = secret.into();
        match provider {
            ProviderId::Steam => self.settings.api_key = Some(secret),
            ProviderId::Backpacktf => self.settings.token = Some(secret),
            ProviderId::Other(id) => {
                self.settings.others.insert(id, secret);
            }
        }
        self
    }

    /// Replaces the scheme, host and port (and adds a path prefix, if the URL
    /// has one) of a provider's endpoints: `http://127.0.0.1:8080` in tests, a
    /// proxy in production. For Steam this covers both `api.steampowered.com`
    /// and `partner.steam-api.com` unless [`Self::publisher_base_url`] is set.
    pub fn base_url(mut self, provider: ProviderId, url: &str) -> Self {
        self.settings.bases.insert(provider, url.to_owned());
        self
    }

    /// The base URL of Steam's publisher endpoints (`partner.steam-api.com`).
    pub fn publisher_base_url(mut self, url: &str) -> Self {
        self.settings.publisher_base = Some(url.to_owned());
        self
    }

    /// Allows `http://` base URLs. Off by default: the key travels in the
    /// query string, so plain HTTP hands it to anyone on the path.
    pub fn allow_http(mut self, allow: bool) -> Self {
        self.settings.allow_http = allow;
        self
    }

    /// The limit on a whole call, body included (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.settings.timeout = timeout;
        self
    }

    /// The `User-Agent` header of every request (default
    /// `steam-webapi/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.settings.user_agent = user_agent.into();
        self
    }

    /// The largest response body read (default 4 MiB); a larger one is
    /// [`Error::BodyTooLarge`].
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.settings.max_body_bytes = limit;
        self
    }

    /// When failed `GET` calls are tried again (default
    /// [`RetryPolicy::DEFAULT`]: 2 retries with jittered exponential backoff,
    /// a 60 s deadline); [`RetryPolicy::none`] turns retries off. Other
    /// methods are never retried.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.settings.retry = policy;
        self
    }

    /// The response format every call asks for (default [`Format::Json`]);
    /// `Client::with_format` overrides it for some calls. XML and VDF decode
    /// into the same response types. A provider without a format parameter
    /// (backpack.tf) answers in JSON only: asking it for another format is
    /// [`Error::Config`], before anything is sent.
    pub fn format(mut self, format: Format) -> Self {
        self.settings.format = format;
        self
    }

    /// Seeds the generator of the retry waits' jitter (by default from the
    /// clock), for reproducible waits in tests.
    pub fn jitter_seed(mut self, seed: u64) -> Self {
        self.settings.jitter_seed = Some(seed);
        self
    }

    /// The game's localization tokens: every `LocalizedText` of a request
    /// (CreateSession's and UpdateSession's titles and messages) is checked
    /// against them before sending; an unknown token or a missing or extra
    /// variable is [`Error::Invalid`] and nothing is sent.
    pub fn tokens(mut self, tokens: TokenSet) -> Self {
        self.settings.tokens = Some(Arc::new(tokens));
        self
    }

    /// The request budget of one provider (none by default): a token bucket
    /// and an optional daily cap, shared by every clone of the client and
    /// every call in flight. Steam and backpack.tf have a budget each. See
    /// [`crate::budget`].
    pub fn rate_limit(mut self, provider: ProviderId, limit: RateLimit) -> Self {
        self.settings.rate_limits.insert(provider, limit);
        self
    }

    /// Where the budgets are counted (default: a
    /// [`MemoryStore`](crate::budget::MemoryStore) of this client and its
    /// clones). Give clients the same store to share a budget; a
    /// `RedisStore` (feature `redis`) shares it between processes.
    pub fn budget_store(mut self, store: Arc<dyn BudgetStore>) -> Self {
        self.settings.budget_store = Some(store);
        self
    }

    /// How many calls of one batch (the `..._all` methods) are in flight at
    /// once (default [`DEFAULT_CONCURRENCY`](crate::batch::DEFAULT_CONCURRENCY);
    /// at least 1).
    pub fn batch_concurrency(mut self, calls: usize) -> Self {
        self.settings.batch_concurrency = calls;
        self
    }
}

impl Settings {
    /// Checks the settings and turns them into the shared configuration. A
    /// base URL quoted in an error may hold the key by mistake: redacted.
    fn config(&self) -> Result<Config, Error> {
        self.checked_config().map_err(|e| e.redact(&self.secrets()))
    }

    fn secrets(&self) -> Vec<&str> {
        secrets(&self.api_key, &self.token, &self.others)
    }

    fn checked_config(&self) -> Result<Config, Error> {
        let base = |url: Option<&String>| -> Result<Option<String>, Error> {
            url.map(|url| parse_base(url, self.allow_http)).transpose()
        };
        if self.timeout.is_zero() {
            return Err(Error::config("the timeout must be longer than zero"));
        }
        if self.retry.deadline.is_zero() {
            return Err(Error::config(
                "the retry deadline must be longer than zero (RetryPolicy::none() has none)",
            ));
        }
        if self.batch_concurrency == 0 {
            return Err(Error::config("the batch concurrency must be at least 1"));
        }
        check_credential("Steam key", self.api_key.as_deref())?;
        check_credential("backpack.tf token", self.token.as_deref())?;
        for (id, secret) in &self.others {
            check_credential(&format!("{id} credential"), Some(secret))?;
        }
        let mut other_bases = BTreeMap::new();
        for (provider, url) in &self.bases {
            if let ProviderId::Other(id) = provider {
                other_bases.insert(*id, parse_base(url, self.allow_http)?);
            }
        }
        Ok(Config {
            api_key: self.api_key.clone(),
            token: self.token.clone(),
            others: self.others.clone(),
            other_bases,
            steam_base: base(self.bases.get(&ProviderId::Steam))?,
            publisher_base: base(self.publisher_base.as_ref())?,
            backpacktf_base: base(self.bases.get(&ProviderId::Backpacktf))?,
            https_only: !self.allow_http,
            timeout: self.timeout,
            user_agent: self.user_agent.clone(),
            max_body_bytes: self.max_body_bytes,
            retry: self.retry,
            jitter: SharedJitter::new(self.jitter_seed.unwrap_or_else(fresh_seed)),
            tokens: self.tokens.clone(),
            budget: Budget::new(
                self.rate_limits.iter().map(|(p, l)| (*p, *l)),
                self.budget_store.clone(),
            )?,
            backoff: SharedBackoff::default(),
            batch_concurrency: self.batch_concurrency,
            format: self.format,
        })
    }
}

impl<C: BuildClient> ClientBuilder<C> {
    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<C, Error> {
        C::build_client(self)
    }
}

impl<C> ClientBuilder<C> {
    /// Checks the settings and turns them into the shared configuration.
    pub(crate) fn config(&self) -> Result<Config, Error> {
        self.settings.config()
    }

    /// The same settings, building another client type: how a wrapper of a
    /// runtime client builds the client it wraps.
    pub fn for_client<D>(self) -> ClientBuilder<D> {
        ClientBuilder {
            settings: self.settings,
            client: PhantomData,
        }
    }
}

/// A client that [`ClientBuilder::build`] returns: the runtime's async and
/// blocking clients, and the generated crate's wrappers of them (which carry
/// the interface accessors, so they are types of that crate).
pub trait BuildClient: Sized {
    /// Builds the client from the builder's settings.
    fn build_client(builder: ClientBuilder<Self>) -> Result<Self, Error>;
}

impl BuildClient for Client {
    fn build_client(builder: ClientBuilder<Self>) -> Result<Self, Error> {
        Client::from_config(builder.config()?)
    }
}

/// A base URL without a trailing slash: `https://host[:port][/prefix]`.
fn parse_base(url: &str, allow_http: bool) -> Result<String, Error> {
    let bad = |why: &str| Error::config(format!("base URL {url:?} {why}"));
    let parsed = reqwest::Url::parse(url).map_err(|e| bad(&format!("is not a URL ({e})")))?;
    match parsed.scheme() {
        "https" => {}
        "http" if allow_http => {}
        "http" => {
            return Err(bad(
                "is plain http, which would send the API key in clear text; \
                 call allow_http(true) to allow it (tests on loopback)",
            ));
        }
        _ => return Err(bad("must start with https://")),
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(bad("must not hold credentials"));
    }
    let Some(host) = parsed.host_str() else {
        return Err(bad("has no host"));
    };
    let port = parsed.port().map(|p| format!(":{p}")).unwrap_or_default();
    let prefix = parsed.path().trim_end_matches('/');
    Ok(format!("{}://{host}{port}{prefix}", parsed.scheme()))
}

/// The settings shared by the async and blocking clients.
pub(crate) struct Config {
    pub(crate) api_key: Option<String>,
    pub(crate) token: Option<String>,
    others: BTreeMap<&'static str, String>,
    other_bases: BTreeMap<&'static str, String>,
    steam_base: Option<String>,
    publisher_base: Option<String>,
    backpacktf_base: Option<String>,
    pub(crate) https_only: bool,
    pub(crate) timeout: Duration,
    pub(crate) user_agent: String,
    pub(crate) max_body_bytes: usize,
    pub(crate) retry: RetryPolicy,
    pub(crate) jitter: SharedJitter,
    /// The localization tokens `LocalizedText` values are checked against.
    pub(crate) tokens: Option<Arc<TokenSet>>,
    pub(crate) budget: Budget,
    pub(crate) backoff: SharedBackoff,
    pub(crate) batch_concurrency: usize,
    pub(crate) format: Format,
}

impl Config {
    /// `scheme://host[:port][/prefix]` for an endpoint.
    pub(crate) fn base_for(&self, info: &EndpointInfo) -> String {
        let over = match info.provider {
            ProviderId::Steam if info.publisher => {
                self.publisher_base.as_ref().or(self.steam_base.as_ref())
            }
            ProviderId::Steam => self.steam_base.as_ref(),
            ProviderId::Backpacktf => self.backpacktf_base.as_ref(),
            ProviderId::Other(id) => self.other_bases.get(id),
        };
        match over {
            Some(base) => base.clone(),
            None => format!("https://{}", info.host),
        }
    }

    /// The credential an endpoint's provider needs.
    pub(crate) fn credential(&self, provider: ProviderId) -> Result<&str, Error> {
        let (secret, what, setter) = match provider {
            ProviderId::Steam => (self.api_key.as_ref(), "key", "api_key"),
            ProviderId::Backpacktf => (self.token.as_ref(), "token", "token"),
            ProviderId::Other(id) => (self.others.get(id), "credential", "credential"),
        };
        secret.map(String::as_str).ok_or_else(|| {
            Error::config(format!(
                "no {} {what} set; set one with ClientBuilder::{setter}",
                provider.name()
            ))
        })
    }

    /// The secrets to scrub from error text.
    pub(crate) fn secrets(&self) -> Vec<&str> {
        secrets(&self.api_key, &self.token, &self.others)
    }
}

/// Every credential set, for scrubbing from error text (unset ones as "").
fn secrets<'a>(
    api_key: &'a Option<String>,
    token: &'a Option<String>,
    others: &'a BTreeMap<&'static str, String>,
) -> Vec<&'a str> {
    [
        api_key.as_deref().unwrap_or(""),
        token.as_deref().unwrap_or(""),
    ]
    .into_iter()
    .chain(others.values().map(String::as_str))
    .collect()
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("api_key", &self.api_key.as_ref().map(|_| Redacted))
            .field("token", &self.token.as_ref().map(|_| Redacted))
            .field("others", &redacted_others(&self.others))
            .field(
                "steam_base",
                &self
                    .steam_base
                    .as_ref()
                    .map(|b| redacted(b, &self.secrets())),
            )
            .field(
                "publisher_base",
                &self
                    .publisher_base
                    .as_ref()
                    .map(|b| redacted(b, &self.secrets())),
            )
            .field(
                "backpacktf_base",
                &self
                    .backpacktf_base
                    .as_ref()
                    .map(|b| redacted(b, &self.secrets())),
            )
            .field("https_only", &self.https_only)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("retry", &self.retry)
            .field("tokens", &self.tokens.as_ref().map(|t| t.len()))
            .field("budget", &self.budget)
            .field("format", &self.format)
            .finish()
    }
}

/// A key or token set but empty (an unset environment variable, say) or with whitespace or
/// control characters (a line read with its newline) would be sent as it is and refused by the
/// server with a 403 that names no cause: say so when the client is built, without the value.
fn check_credential(what: &str, value: Option<&str>) -> Result<(), Error> {
    match value {
        Some("") => Err(Error::config(format!(
            "the {what} is empty; leave it unset for operations that take none"
        ))),
        Some(v) if v.chars().any(|c| c.is_whitespace() || c.is_control()) => Err(Error::config(
            format!("the {what} contains whitespace or control characters"),
        )),
        _ => Ok(()),
    }
}

/// Follows a redirect only to the same scheme, host and port: the key is in
/// the query string and must not reach another host. A stopped redirect is
/// returned as the response and reported as an HTTP error.
pub(crate) fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let same_origin = attempt.previous().last().is_some_and(|prev| {
            prev.scheme() == attempt.url().scheme()
                && prev.host_str() == attempt.url().host_str()
                && prev.port_or_known_default() == attempt.url().port_or_known_default()
        });
        if same_origin && attempt.previous().len() <= MAX_REDIRECTS {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}
