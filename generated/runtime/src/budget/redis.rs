//! [`RedisStore`] (feature `redis`): one budget shared by every process and
//! machine that points at the same Redis.

use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use super::store::{BudgetStore, StoreError, Take};
use super::{MemoryStore, RateLimit};
use crate::error::Error;

/// One take, atomic on the server: the same arithmetic as the memory store
/// (GCRA bucket, count per UTC day) on the server's clock, so machines with
/// skewed clocks agree. Times are microseconds since the epoch (exact in a
/// Lua number). The day's count expires when the day ends; the bucket's
/// state when it holds no reservation.
/// KEYS: bucket, day count. ARGV: interval µs, burst, max wait µs, cap (-1: none).
/// Returns {0, wait} (counted), {1, needed} (wait too long), {2, resets in}.
const TAKE: &str = r"
local t = redis.call('TIME')
local secs = tonumber(t[1])
local now = secs * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local max_wait = tonumber(ARGV[3])
local cap = tonumber(ARGV[4])
local day_end = (math.floor(secs / 86400) + 1) * 86400
if cap >= 0 and tonumber(redis.call('GET', KEYS[2]) or '0') >= cap then
  return {2, day_end * 1000000 - now}
end
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
tat = tat + interval
local wait = tat - now - interval * tonumber(ARGV[2])
if wait < 0 then wait = 0 end
if wait > max_wait then return {1, wait} end
redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000) + 1000)
if cap >= 0 then
  redis.call('INCR', KEYS[2])
  redis.call('EXPIREAT', KEYS[2], day_end)
end
return {0, wait}
";

/// Keeps budgets in Redis, so that every process using the same key (and
/// the same Redis and [`prefix`](Self::prefix)) draws from one budget. Each
/// take is one round trip, made on the calling thread, bounded by
/// [`timeout`](Self::timeout).
///
/// When Redis cannot be reached, a call fails with
/// [`Error::BudgetStore`] (nothing sent), or, after
/// [`fall_back_to_local`](Self::fall_back_to_local), is counted in this
/// process alone until Redis answers again.
///
/// ```no_run
/// # extern crate steam_webapi_runtime as steam_webapi;
/// use std::sync::Arc;
/// use steam_webapi::budget::RedisStore;
/// use steam_webapi::{Client, ProviderId, RateLimit};
///
/// let store = RedisStore::open("redis://10.0.0.5:6379/")?;
/// let client = Client::builder()
///     .api_key("…")
///     .rate_limit(ProviderId::Steam, RateLimit::steam_default())
///     .budget_store(Arc::new(store))
///     .build()?;
/// # Ok::<(), steam_webapi::Error>(())
/// ```
pub struct RedisStore {
    client: redis::Client,
    connection: Mutex<Option<redis::Connection>>,
    script: redis::Script,
    prefix: String,
    timeout: Duration,
    fallback: Option<MemoryStore>,
}

impl RedisStore {
    /// The default limit on connecting and on each round trip.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

    /// A store at `url` (`redis://[:password@]host[:port][/db]`). Nothing is
    /// connected until the first take.
    pub fn open(url: &str) -> Result<Self, Error> {
        let client = redis::Client::open(url)
            .map_err(|e| Error::config(format!("the Redis URL is not usable ({:?})", e.kind())))?;
        Ok(RedisStore {
            client,
            connection: Mutex::new(None),
            script: redis::Script::new(TAKE),
            prefix: "steam-webapi:budget".to_owned(),
            timeout: Self::DEFAULT_TIMEOUT,
            fallback: None,
        })
    }

    /// The start of the store's key names (default `steam-webapi:budget`):
    /// processes share a budget when they share a prefix.
    pub fn prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// The limit on connecting and on each round trip (default 1 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// When Redis cannot be reached, count calls in this process instead of
    /// failing them: the budget then holds per process, not overall.
    pub fn fall_back_to_local(mut self) -> Self {
        self.fallback = Some(MemoryStore::new());
        self
    }

    fn take_remote(&self, scope: &str, limit: &RateLimit) -> Result<Take, redis::RedisError> {
        let mut slot = self
            .connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let connection = match slot.as_mut() {
            Some(connection) => connection,
            None => slot.insert(self.connect()?),
        };
        let micros = |d: Duration| u64::try_from(d.as_micros()).unwrap_or(u64::MAX);
        let tag = format!("{{{}:{scope}}}", self.prefix);
        let answer = self
            .script
            .key(format!("{tag}:bucket"))
            .key(format!("{tag}:day"))
            .arg(micros(limit.interval))
            .arg(limit.burst)
            .arg(micros(limit.max_wait))
            .arg(
                limit
                    .daily_cap
                    .map_or(-1, |cap| i64::try_from(cap).unwrap_or(i64::MAX)),
            )
            .invoke::<(u8, u64)>(connection);
        let (code, micros) = match answer {
            Ok(answer) => answer,
            Err(e) => {
                // The connection may be broken: the next take makes a new one.
                *slot = None;
                return Err(e);
            }
        };
        let d = Duration::from_micros(micros);
        Ok(match code {
            0 => Take::After(d),
            1 => Take::TooLong { needed: d },
            _ => Take::CapReached { resets_in: d },
        })
    }

    fn connect(&self) -> Result<redis::Connection, redis::RedisError> {
        let connection = self.client.get_connection_with_timeout(self.timeout)?;
        connection.set_read_timeout(Some(self.timeout))?;
        connection.set_write_timeout(Some(self.timeout))?;
        Ok(connection)
    }
}

impl BudgetStore for RedisStore {
    fn take(&self, scope: &str, limit: &RateLimit) -> Result<Take, StoreError> {
        match self.take_remote(scope, limit) {
            Ok(take) => Ok(take),
            Err(e) => match &self.fallback {
                Some(local) => {
                    crate::trace::store_fallback();
                    local.take(scope, limit)
                }
                // The error's own text: its kind and the server's or the
                // socket's words, never the URL (which may hold a password).
                None => Err(StoreError(format!("Redis: {e}"))),
            },
        }
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Not the URL: it may hold a password.
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .field("fallback", &self.fallback.is_some())
            .finish()
    }
}
