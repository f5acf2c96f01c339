//! Stubs: what the fake answers one operation with instead of its first example, typed by the
//! operation's request type.

use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

use steam_webapi_runtime::__private::Endpoint;

use super::received::Received;
use super::state::{Route, State};

/// One answer: status, headers and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// Extra headers, e.g. `Retry-After`.
    pub headers: Vec<(String, String)>,
    /// `Content-Type` of the body.
    pub content_type: String,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// A JSON body with `status`.
    pub(crate) fn json(status: u16, body: Vec<u8>) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            content_type: "application/json; charset=utf-8".into(),
            body,
        }
    }
}

/// A predicate on the received request.
pub(crate) type Matcher = Arc<dyn Fn(&Received) -> bool + Send + Sync>;

/// A stub as the server keeps it.
pub(crate) struct StubEntry {
    pub(crate) id: u64,
    pub(crate) route: Route,
    pub(crate) when: Option<Matcher>,
    /// The answers in order; the last repeats.
    pub(crate) replies: Vec<Reply>,
    /// How many requests it has answered.
    pub(crate) hits: usize,
}

impl StubEntry {
    /// The answer to the next request it matches (`None` while it has no answer yet).
    pub(crate) fn next_reply(&mut self) -> Option<Reply> {
        let last = self.replies.len().checked_sub(1)?;
        let reply = self.replies[self.hits.min(last)].clone();
        self.hits += 1;
        Some(reply)
    }
}

/// The stub of the operation of request type `E`, made by [`FakeSteam::stub`](super::FakeSteam::stub).
///
/// Each `respond*` sets the answer being built; [`Stub::then`] starts the next one of a
/// sequence. The last answer repeats. A stub made later wins over an earlier one.
pub struct Stub<E: Endpoint> {
    state: Arc<Mutex<State>>,
    id: u64,
    /// Whether the next `respond*` begins a new answer ([`Stub::then`]).
    next_is_new: bool,
    _request: PhantomData<fn(&E)>,
}

impl<E: Endpoint> Stub<E> {
    pub(crate) fn new(state: Arc<Mutex<State>>) -> Self {
        let id = super::state::lock(&state).add_stub(Route::of(&E::INFO));
        Stub {
            state,
            id,
            next_is_new: true,
            _request: PhantomData,
        }
    }

    /// Answers with `response`, wrapped in the operation's envelope, status 200.
    pub fn respond(self, response: E::Response) -> Self
    where
        E::Response: serde::Serialize,
    {
        let body = match serde_json::to_value(&response) {
            Ok(value) => wrap(E::INFO.envelope, value),
            Err(e) => return self.respond_error(format!("cannot serialize the response: {e}")),
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_default();
        self.set(Reply::json(200, bytes))
    }

    /// Answers with the spec's example called `name` (its status and whole body). A name the
    /// spec does not have answers 500 and is listed in [`FakeSteam::mismatches`](super::FakeSteam::mismatches).
    pub fn respond_example(self, name: &str) -> Self {
        match super::state::example(&E::INFO, name) {
            Ok(reply) => self.set(reply),
            Err(message) => self.respond_error(message),
        }
    }

    /// Answers `status` with an empty body.
    pub fn respond_status(self, status: u16) -> Self {
        self.set(Reply {
            status,
            headers: Vec::new(),
            content_type: "text/plain".into(),
            body: Vec::new(),
        })
    }

    /// Answers 200 with `body` as `content_type` (e.g. malformed JSON, an HTML error page).
    pub fn respond_body(self, body: impl Into<Vec<u8>>, content_type: &str) -> Self {
        self.set(Reply {
            status: 200,
            headers: Vec::new(),
            content_type: content_type.into(),
            body: body.into(),
        })
    }

    /// Adds `Retry-After: seconds` to the answer being built.
    pub fn retry_after(self, seconds: u64) -> Self {
        self.header("Retry-After", &seconds.to_string())
    }

    /// Adds a header to the answer being built.
    pub fn header(self, name: &str, value: &str) -> Self {
        self.edit(|stub| {
            if let Some(last) = stub.replies.last_mut() {
                last.headers.push((name.into(), value.into()));
            }
        });
        self
    }

    /// Starts the next answer of a sequence: `respond_status(429).then().respond(..)` answers
    /// the first request 429 and every later one `..`.
    pub fn then(mut self) -> Self {
        self.next_is_new = true;
        self
    }

    /// Answers only requests for which `matches` holds; others fall through to older stubs or
    /// the example.
    pub fn when(self, matches: impl Fn(&Received) -> bool + Send + Sync + 'static) -> Self {
        self.edit(|stub| stub.when = Some(Arc::new(matches)));
        self
    }

    /// How many requests this stub has answered.
    pub fn hits(&self) -> usize {
        let state = super::state::lock(&self.state);
        state
            .stubs
            .iter()
            .find(|s| s.id == self.id)
            .map_or(0, |s| s.hits)
    }

    fn set(mut self, reply: Reply) -> Self {
        let new = std::mem::replace(&mut self.next_is_new, false);
        self.edit(|stub| match stub.replies.last_mut() {
            Some(last) if !new => *last = reply,
            _ => stub.replies.push(reply),
        });
        self
    }

    fn respond_error(self, message: String) -> Self {
        super::state::lock(&self.state).mismatch(message.clone());
        self.set(Reply::json(
            500,
            serde_json::to_vec(&serde_json::json!({ "error": message })).unwrap_or_default(),
        ))
    }

    fn edit(&self, f: impl FnOnce(&mut StubEntry)) {
        let mut state = super::state::lock(&self.state);
        if let Some(stub) = state.stubs.iter_mut().find(|s| s.id == self.id) {
            f(stub);
        }
    }
}

/// `value` inside `{"<envelope>": value}`, or as is.
pub(crate) fn wrap(envelope: Option<&str>, value: serde_json::Value) -> serde_json::Value {
    match envelope {
        Some(key) => serde_json::json!({ key: value }),
        None => value,
    }
}
