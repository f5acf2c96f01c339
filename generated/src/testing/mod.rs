//! A fake Steam for your tests (feature `testing`): a real HTTP server on loopback that
//! answers every operation of the spec (both providers) at its path and HTTP method, by
//! default with the operation's first spec example.
//!
//! ```
//! # #[cfg(feature = "ISteamUser")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use steam_webapi::isteam_user::{GetPlayerSummariesRequest, GetPlayerSummariesResponse};
//! use steam_webapi::testing::FakeSteam;
//!
//! let fake = FakeSteam::start()?;
//! fake.stub::<GetPlayerSummariesRequest>()
//!     .respond_status(429)
//!     .retry_after(0)
//!     .then()
//!     .respond(GetPlayerSummariesResponse::default());
//! # let _ = fake.client()?;
//! # Ok(()) }
//! # #[cfg(not(feature = "ISteamUser"))] fn main() {}
//! ```
//!
//! - [`FakeSteam::stub`](crate::testing::FakeSteam::stub): answer one operation your way (a
//!   typed response, a named example, a status, raw bytes, sequences, only for some requests).
//! - [`FakeSteam::received`](crate::testing::FakeSteam::received): the requests it got, read
//!   back by the spec's rules.
//! - [`FakeSteam::mismatches`](crate::testing::FakeSteam::mismatches): requests the spec would
//!   not produce, answered 400 like Steam.

mod received;
mod server;
mod state;
mod stub;
pub(crate) mod table;
mod wire;

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use steam_webapi_runtime::__private::Endpoint;
use steam_webapi_runtime::{Error, ProviderId};

/// The typed stub accessors, one struct per interface (`fake.isteam_user()` is an
/// `ISteamUserStubs`): generated with the table of operations.
pub use crate::api::fake_table::*;
pub use received::{Mismatch, Received};
pub use stub::{Reply, Stub};

/// The key and token the fake's clients send (never real secrets).
const FAKE_KEY: &str = "fake-steam-key";
const FAKE_TOKEN: &str = "fake-backpacktf-token";

/// A fake Steam Web API and backpack.tf on loopback; stopped when dropped.
pub struct FakeSteam {
    server: server::Server,
    state: Arc<Mutex<state::State>>,
}

impl FakeSteam {
    /// Starts the fake on a free port of 127.0.0.1.
    pub fn start() -> std::io::Result<Self> {
        Self::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
    }

    /// Starts the fake on `addr` (loopback unless you choose otherwise).
    pub fn bind(addr: SocketAddr) -> std::io::Result<Self> {
        let state = Arc::new(Mutex::new(state::State::default()));
        let server = server::Server::start(addr, state.clone())?;
        Ok(FakeSteam { server, state })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.server.addr
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.server.addr)
    }

    /// The base URL a client uses for `provider` (publisher calls: [`Self::publisher_url`]).
    pub fn base_url(&self, provider: ProviderId) -> String {
        format!("{}{}", self.url(), state::base_path(provider, false))
    }

    /// The base URL of publisher-key calls (`partner.steam-api.com`).
    pub fn publisher_url(&self) -> String {
        format!("{}{}", self.url(), state::PARTNER)
    }

    /// A client builder pointed at the fake, with a fake key and token and plain HTTP allowed:
    /// add your own settings (retries, budgets) and build.
    pub fn builder<C>(&self) -> crate::ClientBuilder<C> {
        crate::ClientBuilder::<C>::new()
            .api_key(FAKE_KEY)
            .token(FAKE_TOKEN)
            .base_url(ProviderId::Steam, &self.base_url(ProviderId::Steam))
            .publisher_base_url(&self.publisher_url())
            .base_url(
                ProviderId::Backpacktf,
                &self.base_url(ProviderId::Backpacktf),
            )
            .allow_http(true)
    }

    /// An async client pointed at the fake.
    pub fn client(&self) -> Result<crate::Client, Error> {
        self.builder::<crate::Client>().build()
    }

    /// A blocking client pointed at the fake (feature `blocking`).
    #[cfg(feature = "blocking")]
    pub fn blocking_client(&self) -> Result<crate::blocking::Client, Error> {
        self.builder::<crate::blocking::Client>().build()
    }

    /// A stub of the operation whose request type is `E`; see [`Stub`].
    pub fn stub<E: Endpoint>(&self) -> Stub<E> {
        Stub::new(self.state.clone())
    }

    /// The requests received for `E`'s operation, oldest first (those the spec would not
    /// produce too, with `json` null).
    pub fn received<E: Endpoint>(&self) -> Vec<Received> {
        let route = state::Route::of(&E::INFO);
        state::lock(&self.state)
            .received
            .iter()
            .filter(|r| r.route == route)
            .cloned()
            .collect()
    }

    /// Every request received, oldest first.
    pub fn received_all(&self) -> Vec<Received> {
        state::lock(&self.state).received.clone()
    }

    /// Every request the spec would not produce (answered 400, or 404 at an unknown path), and
    /// every stub the spec cannot back (an unknown example name), oldest first.
    pub fn mismatches(&self) -> Vec<Mismatch> {
        state::lock(&self.state).mismatches.clone()
    }

    /// Serves until the process is stopped (the standalone `steamspec serve`).
    pub fn wait(self) {
        self.server.wait();
    }
}

impl std::fmt::Debug for FakeSteam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeSteam")
            .field("addr", &self.server.addr)
            .finish()
    }
}
