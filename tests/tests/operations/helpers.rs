//! What the per-interface tests share: the calls through a loopback server, the
//! refusal checks, and the docs examples' IGameNotificationsService values.

use std::fmt::Debug;

use serde_json::Value;
use steam_webapi::igame_notifications_service::{
    LocalizedText, Session, UserState, UserStatus, Variable,
};
use steam_webapi::{Client, Error, SteamId};
use steamspec_tests::loopback::{Loopback, WireRequest};
use steamspec_tests::spec_example::SpecCall;

/// A string of the example's response, by JSON pointer (for long HTML texts).
pub fn spec_str(call: &SpecCall, pointer: &str) -> String {
    call.response()
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{}: no string at {pointer}", call.label()))
        .to_owned()
}

pub fn text(token: &str, variables: &[(&str, &str)]) -> LocalizedText {
    LocalizedText {
        token: token.to_owned(),
        variables: Some(
            variables
                .iter()
                .map(|(key, value)| Variable {
                    key: (*key).to_owned(),
                    value: (*value).to_owned(),
                })
                .collect(),
        ),
    }
}

/// The two users of the IGameNotificationsService docs examples.
pub fn docs_users() -> Vec<UserStatus> {
    vec![
        UserStatus {
            steamid: SteamId(76561197960265729),
            state: UserState::Waiting,
            title: text("#TitleToken", &[("username", "Bob"), ("level", "1")]),
            message: Some(text("#StatusMessageToken", &[("city", "Bellevue")])),
        },
        UserStatus {
            steamid: SteamId(76561197960265730),
            state: UserState::Waiting,
            title: text("#TitleToken", &[("username", "Greg"), ("level", "2")]),
            message: Some(text("#StatusMessageToken", &[("city", "Seattle")])),
        },
    ]
}

/// The session of the EnumerateSessionsForApp / GetSessionDetailsForApp docs
/// examples; `appid`, `time_created` and `time_updated` are quoted numbers on
/// the wire (`wire: either`).
pub fn docs_session(sessionid: u64) -> Session {
    Session {
        sessionid,
        appid: 100,
        context: None,
        title: text("#TitleToken", &[("keyName", "keyValue")]),
        time_created: 100000,
        time_updated: 200000,
        user_status: docs_users(),
    }
}

/// Serves `call`'s example, sends it with `send` (given the loopback client),
/// and returns the typed response and the one request sent, already checked
/// to be the example's exact wire form ([`WireRequest::assert_call`]).
///
/// In every format the provider answers in: the same call is made asking for
/// XML and VDF (`format=xml`, `format=vdf` on the wire), served the example
/// written in that format, and must decode to the same typed value as the
/// JSON. The JSON's value and request are returned.
pub async fn call_example<R: PartialEq + Debug>(
    call: &SpecCall,
    send: impl AsyncFn(Client) -> Result<R, Error>,
) -> (R, WireRequest) {
    let mut first: Option<(R, WireRequest)> = None;
    for &format in call.formats() {
        let call = call.in_format(format);
        let lb = Loopback::serve(&call).await;
        let (result, wire) = call_on(&lb, &call, &send).await;
        let resp = result.unwrap_or_else(|e| panic!("{}: {e:?}", call.label()));
        match &first {
            None => first = Some((resp, wire)),
            Some((json, _)) => assert_eq!(&resp, json, "{}: not the JSON's value", call.label()),
        }
    }
    first.expect("JSON is always one of the formats")
}

/// Sends `call` with `send` (given `lb`'s client, asking for the call's
/// format) to whatever `lb` answers; returns the result, error or not, and
/// the one request sent, checked to be the example's exact wire form.
pub async fn call_on<R>(
    lb: &Loopback,
    call: &SpecCall,
    send: impl AsyncFnOnce(Client) -> Result<R, Error>,
) -> (Result<R, Error>, WireRequest) {
    let result = send(lb.client().with_format(call.format)).await;
    if let Err(e) = &result
        && lb.requests().await.is_empty()
    {
        panic!("{}: nothing sent: {e:?}", call.label());
    }
    let wire = lb.single_request().await;
    wire.assert_call(call);
    (result, wire)
}

/// Sends with `send` (given the client of a loopback server that fails the
/// test if it gets any request) and returns the error the call must end in.
pub async fn refused<R: Debug>(send: impl AsyncFnOnce(Client) -> Result<R, Error>) -> Error {
    let lb = Loopback::start().await;
    lb.expect_no_request().await;
    let err = send(lb.client())
        .await
        .expect_err("the request must be refused");
    assert!(lb.requests().await.is_empty());
    err
}

/// Asserts the request was refused before any I/O and lists exactly these
/// `(wire path, rule)` violations.
pub fn assert_invalid(err: Error, expected: &[(&str, &str)]) {
    let Error::Invalid(errors) = &err else {
        panic!("expected Error::Invalid, got {err:?}");
    };
    let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(got, expected, "violations: {errors}");
    let shown = err.to_string();
    assert!(shown.starts_with("invalid request (not sent): "), "{shown}");
    for (path, _) in expected.iter().filter(|(p, _)| !p.is_empty()) {
        assert!(shown.contains(path), "{path} missing from {shown}");
    }
}
