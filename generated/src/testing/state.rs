//! What the server and the test share: the stubs, the requests received, the mismatches.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use steam_webapi_runtime::__private::{EndpointInfo, ProviderId};

use super::received::{Mismatch, Received};
use super::stub::{Reply, StubEntry, wrap};
use super::table::{FakeOperation, operations};

/// Where an operation is served: a prefix per base URL, the method and the path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Route {
    pub(crate) method: &'static str,
    pub(crate) path: String,
}

impl Route {
    pub(crate) fn of(info: &EndpointInfo) -> Self {
        Route {
            method: info.http.as_str(),
            path: format!("{}{}", prefix(info), info.path),
        }
    }
}

/// The path prefix of each base URL the fake's client uses, so operations of different hosts
/// with the same path stay apart.
pub(crate) fn prefix(info: &EndpointInfo) -> String {
    base_path(info.provider, info.publisher)
}

/// The path prefix of a provider's base URL (another provider of a spec's own `providers.yaml`:
/// its id).
pub(crate) fn base_path(provider: ProviderId, publisher: bool) -> String {
    match provider {
        ProviderId::Steam if publisher => PARTNER.to_owned(),
        ProviderId::Steam => STEAM.to_owned(),
        ProviderId::Backpacktf => BACKPACKTF.to_owned(),
        ProviderId::Other(id) => format!("/{id}"),
    }
}

pub(crate) const STEAM: &str = "/steam";
pub(crate) const PARTNER: &str = "/partner";
pub(crate) const BACKPACKTF: &str = "/backpacktf";

/// Everything the server and the test share.
#[derive(Default)]
pub(crate) struct State {
    pub(crate) stubs: Vec<StubEntry>,
    pub(crate) received: Vec<Received>,
    pub(crate) mismatches: Vec<Mismatch>,
    next_id: u64,
}

impl State {
    pub(crate) fn add_stub(&mut self, route: Route) -> u64 {
        self.next_id += 1;
        self.stubs.push(StubEntry {
            id: self.next_id,
            route,
            when: None,
            replies: Vec::new(),
            hits: 0,
        });
        self.next_id
    }

    /// A problem of the test's own making (e.g. an example name the spec lacks).
    pub(crate) fn mismatch(&mut self, problem: String) {
        self.mismatches.push(Mismatch {
            method: String::new(),
            path: String::new(),
            problems: vec![problem],
        });
    }

    /// The newest matching stub's next answer, if any.
    pub(crate) fn stubbed(&mut self, route: &Route, request: &Received) -> Option<Reply> {
        self.stubs
            .iter_mut()
            .rev()
            .filter(|s| &s.route == route && !s.replies.is_empty())
            .find(|s| s.when.as_ref().is_none_or(|f| f(request)))
            .and_then(StubEntry::next_reply)
    }
}

/// Locks the state; a test that panicked while holding it left nothing half-done that matters.
pub(crate) fn lock(state: &Arc<Mutex<State>>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Every operation by route.
pub(crate) fn routes() -> HashMap<Route, &'static FakeOperation> {
    operations()
        .iter()
        .map(|op| (Route::of(&op.info), op))
        .collect()
}

/// The operation's example `name` as an answer, or why there is none.
pub(crate) fn example(info: &EndpointInfo, name: &str) -> Result<Reply, String> {
    let route = Route::of(info);
    let op = operations().iter().find(|op| Route::of(&op.info) == route);
    let Some(op) = op else {
        return Err(format!(
            "{} {} is not served (its interface's feature is off)",
            route.method, info.path
        ));
    };
    match op.examples.iter().find(|ex| ex.name == name) {
        Some(ex) => Ok(Reply::json(ex.status, ex.body.as_bytes().to_vec())),
        None => {
            let names: Vec<&str> = op.examples.iter().map(|ex| ex.name).collect();
            Err(format!(
                "{} has no example named {name:?} (it has: {})",
                op.request_type,
                names.join(", ")
            ))
        }
    }
}

/// The default answer: the first example, else an empty object in the envelope.
pub(crate) fn default_reply(op: &FakeOperation) -> Reply {
    match op.examples.first() {
        Some(ex) => Reply::json(ex.status, ex.body.as_bytes().to_vec()),
        None => {
            let body = wrap(op.info.envelope, serde_json::json!({}));
            Reply::json(200, serde_json::to_vec(&body).unwrap_or_default())
        }
    }
}
