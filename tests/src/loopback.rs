//! A real HTTP server on loopback (wiremock) for the generated client: it
//! answers one operation with the spec example's body and keeps what the
//! client sent, parsed into a [`WireRequest`] the tests compare exactly. And
//! bare servers ([`serve_once`], [`serve_nothing`], [`serve_all`]) for the
//! tests whose clients have settings of their own.

use std::time::Duration;

use serde_json::Value;
use steam_webapi::ClientBuilder;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::clients::both_providers_builder;
use crate::spec_example::{KEY, SpecCall, TOKEN};

/// The timeout of every loopback client: long enough for a loaded 2-core
/// machine, short enough that a hang fails the test.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(20);

/// One wiremock server on 127.0.0.1.
pub struct Loopback {
    server: MockServer,
}

impl Loopback {
    pub async fn start() -> Self {
        Loopback {
            server: MockServer::start().await,
        }
    }

    /// A server that answers `call`'s method and path, exactly once, with the
    /// example's status and body (the spec's own JSON, or its XML or VDF form
    /// when the call is in that format).
    pub async fn serve(call: &SpecCall) -> Self {
        let (body, content_type) = call.body();
        let example = ResponseTemplate::new(call.status()).set_body_raw(body, content_type);
        Self::serve_with(call, example).await
    }

    /// A server that answers `call`'s method and path, exactly once, with
    /// `response` in place of the example's.
    pub async fn serve_with(call: &SpecCall, response: ResponseTemplate) -> Self {
        let lb = Self::start().await;
        lb.answer(call.method(), call.path(), response).await;
        lb
    }

    /// Answers `verb path` exactly once with `response`.
    pub async fn answer(&self, verb: &str, at: &str, response: ResponseTemplate) {
        once(verb, at, response).mount(&self.server).await;
    }

    /// Fails the test (when the server is dropped) if any request arrives.
    pub async fn expect_no_request(&self) {
        no_request().mount(&self.server).await;
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The async client, with both providers pointed at this server.
    pub fn client(&self) -> steam_webapi::Client {
        loopback_builder(&self.uri())
            .build()
            .expect("the loopback client builds")
    }

    /// The blocking client, set up like [`Self::client`]. Build, use and drop
    /// it on a plain thread, never inside an async runtime.
    pub fn blocking_client(uri: &str) -> steam_webapi::blocking::Client {
        loopback_builder(uri)
            .build()
            .expect("the blocking loopback client builds")
    }

    /// Every request received so far.
    pub async fn requests(&self) -> Vec<WireRequest> {
        self.server
            .received_requests()
            .await
            .expect("request recording is on")
            .iter()
            .map(WireRequest::parse)
            .collect()
    }

    /// The one request received; fails if there were none or several.
    pub async fn single_request(&self) -> WireRequest {
        let mut requests = self.requests().await;
        assert_eq!(
            requests.len(),
            1,
            "expected exactly one request, got {requests:#?}"
        );
        requests.pop().unwrap()
    }
}

/// Either client with both credentials and both providers at `uri`.
fn loopback_builder<C>(uri: &str) -> ClientBuilder<C> {
    both_providers_builder(KEY, TOKEN, uri).timeout(CLIENT_TIMEOUT)
}

/// `verb at`, answered with `response`, expected exactly once.
fn once(verb: &str, at: &str, response: ResponseTemplate) -> Mock {
    Mock::given(method(verb))
        .and(path(at))
        .respond_with(response)
        .expect(1)
        .named(format!("{verb} {at}"))
}

/// Any request at all, expected never.
fn no_request() -> Mock {
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .named("no request at all")
}

/// A bare wiremock server (for the tests whose clients have settings of their
/// own) that answers `verb at` with `response`, and fails the test when it is
/// dropped unless that came exactly once.
pub async fn serve_once(verb: &str, at: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    once(verb, at, response).mount(&server).await;
    server
}

/// A bare wiremock server that fails the test, when it is dropped, if any
/// request reached it.
pub async fn serve_nothing() -> MockServer {
    let server = MockServer::start().await;
    no_request().mount(&server).await;
    server
}

/// A bare wiremock server that answers every request, however often, with
/// `response`.
pub async fn serve_all(response: impl Respond + 'static) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

/// `http://127.0.0.1:<port>` of a port nobody listens on (bound, then
/// released): connecting to it is refused.
pub fn refused_base() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port on loopback")
        .port();
    format!("http://127.0.0.1:{port}")
}

/// What the client put on the wire, parsed.
#[derive(Clone, Debug)]
pub struct WireRequest {
    pub method: String,
    /// Host-relative, e.g. `/ISteamUser/GetPlayerSummaries/v2/`.
    pub path: String,
    /// The query string's pairs, decoded, in order.
    pub query: Vec<(String, String)>,
    pub content_type: Option<String>,
    /// The raw body.
    pub body: Vec<u8>,
    /// The body's pairs when it is a form, decoded, in order.
    pub form: Vec<(String, String)>,
}

impl WireRequest {
    pub fn parse(req: &Request) -> Self {
        let content_type = req
            .headers
            .get("content-type")
            .map(|v| v.to_str().expect("ASCII content-type").to_owned());
        let form = if content_type.as_deref() == Some("application/x-www-form-urlencoded") {
            form_urlencoded::parse(&req.body).into_owned().collect()
        } else {
            Vec::new()
        };
        WireRequest {
            method: req.method.as_str().to_owned(),
            path: req.url.path().to_owned(),
            query: req.url.query_pairs().into_owned().collect(),
            content_type,
            body: req.body.clone(),
            form,
        }
    }

    /// The pairs the parameters travel in: the form body of a Steam POST,
    /// the query string otherwise.
    pub fn params(&self) -> &[(String, String)] {
        if self.form.is_empty() {
            &self.query
        } else {
            &self.form
        }
    }

    /// The value of the only pair named `name`; `None` when absent, a panic
    /// when repeated.
    pub fn param(&self, name: &str) -> Option<&str> {
        let mut found = self.params().iter().filter(|(n, _)| n == name);
        let first = found.next().map(|(_, v)| v.as_str());
        assert!(found.next().is_none(), "{name} is sent more than once");
        first
    }

    /// `input_json`, decoded.
    pub fn input_json(&self) -> Option<Value> {
        self.param("input_json").map(|text| {
            serde_json::from_str(text).unwrap_or_else(|e| panic!("input_json is not JSON: {e}"))
        })
    }

    /// Asserts the exact wire form of `call`: method, path, where the
    /// parameters travel, every pair (as a multiset: each one exactly once,
    /// nothing else) and, for a Service operation, that `input_json` decodes
    /// to the example's request JSON.
    pub fn assert_call(&self, call: &SpecCall) {
        let label = call.label();
        assert_eq!(self.method, call.method(), "{label}: method");
        assert_eq!(self.path, call.path(), "{label}: path");

        let carrier = if call.params_in_body() {
            assert_eq!(
                self.content_type.as_deref(),
                Some("application/x-www-form-urlencoded"),
                "{label}: content-type of the form body"
            );
            assert!(
                self.query.is_empty(),
                "{label}: nothing in the URL of a POST, got {:?}",
                self.query
            );
            &self.form
        } else {
            assert!(
                self.body.is_empty(),
                "{label}: no body, got {:?}",
                String::from_utf8_lossy(&self.body)
            );
            &self.query
        };

        let mut sent: Vec<(String, String)> = carrier
            .iter()
            .filter(|(n, _)| n != "input_json")
            .cloned()
            .collect();
        let mut expected = call.expected_params();
        sent.sort();
        expected.sort();
        assert_eq!(sent, expected, "{label}: parameters (input_json aside)");

        let input_json: Vec<&(String, String)> =
            carrier.iter().filter(|(n, _)| n == "input_json").collect();
        if call.is_input_json() {
            assert_eq!(input_json.len(), 1, "{label}: one input_json");
            let decoded: Value = serde_json::from_str(&input_json[0].1)
                .unwrap_or_else(|e| panic!("{label}: input_json is not JSON: {e}"));
            assert_eq!(
                decoded,
                call.request(),
                "{label}: input_json must be the spec example's request"
            );
            for secret in ["key", "token", "format"] {
                assert!(
                    decoded.get(secret).is_none(),
                    "{label}: {secret} inside input_json"
                );
            }
        } else {
            assert!(input_json.is_empty(), "{label}: unexpected input_json");
        }
    }
}
