//! `ClientBuilder::tokens`: the `LocalizedText` values of CreateSession and
//! UpdateSession are checked against the game's tokens before sending. A bad
//! one is `Error::Invalid` with its wire path, and the server sees nothing.

use std::time::Duration;

use serde_json::json;
use steam_webapi::igame_notifications_service::{
    CreateSessionRequest, LocalizedText, UpdateSessionRequest, UserState, UserStatus,
};
use steam_webapi::{Client, Error, SteamId, TokenSet};
use steamspec_tests::clients::steam_builder;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "SECRETKEY1234567890";

fn tokens() -> TokenSet {
    let mut set = TokenSet::new();
    set.insert(
        "#InvitationText",
        "{{user}} has invited you to play a game of Chess.",
    )
    .unwrap();
    set.insert("YourTurn", "It is your turn.").unwrap();
    set.insert("MoveMade", "{{user}} moved {{piece}} to {{square}}.")
        .unwrap();
    set
}

/// A LocalizedText as the wire has it.
fn text(token: &str, variables: &[(&str, &str)]) -> LocalizedText {
    let variables: Vec<_> = variables
        .iter()
        .map(|(key, value)| json!({ "key": key, "value": value }))
        .collect();
    serde_json::from_value(json!({ "token": token, "variables": variables })).unwrap()
}

fn user(id: u64, title: LocalizedText, message: Option<LocalizedText>) -> UserStatus {
    UserStatus {
        steamid: SteamId(id),
        state: UserState::Ready,
        title,
        message,
    }
}

/// A server that answers every call, and the client with the tokens.
async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_string(r#"{"response":{"sessionid":"7"}}"#),
        )
        .mount(&server)
        .await;
    let client = steam_builder(KEY, &server.uri())
        .timeout(Duration::from_secs(10))
        .tokens(tokens())
        .build()
        .unwrap();
    (server, client)
}

fn invalid(result: Result<impl std::fmt::Debug, Error>) -> Vec<(String, String)> {
    match result {
        Err(Error::Invalid(errors)) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.message().to_owned()))
            .collect(),
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

#[tokio::test]
async fn valid_texts_are_sent() {
    let (server, client) = setup().await;
    let users = vec![
        user(1, text("#YourTurn", &[]), None),
        user(
            2,
            text("#InvitationText", &[("user", "Michael")]),
            Some(text(
                "#MoveMade",
                &[("square", "e4"), ("user", "Ann"), ("piece", "pawn")],
            )),
        ),
    ];
    let req = CreateSessionRequest::new(480, 1, text("#YourTurn", &[]), users);
    let resp = client
        .igame_notifications_service()
        .create_session(&req)
        .await;
    assert_eq!(resp.unwrap().sessionid, 7);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn unknown_token_and_bad_variables_are_invalid_with_wire_paths() {
    let (server, client) = setup().await;
    let users = vec![
        user(1, text("#YourTurn", &[]), None),
        user(
            2,
            text("#InvitationText", &[("usr", "Michael")]),
            Some(text("#InvitationTxt", &[("user", "Michael")])),
        ),
        user(3, text("#YourTurn", &[("user", "x")]), None),
        user(
            4,
            text(
                "#MoveMade",
                &[
                    ("user", "a"),
                    ("user", "b"),
                    ("piece", "p"),
                    ("square", "s"),
                ],
            ),
            None,
        ),
    ];
    let req = CreateSessionRequest::new(480, 1, text("#NoSuchTitle", &[]), users);
    let errors = invalid(
        client
            .igame_notifications_service()
            .create_session(&req)
            .await,
    );
    let expected = [
        ("title.token", "unknown localization token \"#NoSuchTitle\""),
        // Keys in JSON's sorted order: `message` before `title`.
        (
            "users[1].message.token",
            "unknown localization token \"#InvitationTxt\"",
        ),
        (
            "users[1].title.variables[0].key",
            "token #InvitationText has no variable \"usr\" (its variables: \"user\")",
        ),
        (
            "users[1].title.variables",
            "token #InvitationText needs the variable \"user\"",
        ),
        (
            "users[2].title.variables[0].key",
            "token #YourTurn has no variable \"user\" (its variables: none)",
        ),
        (
            "users[3].title.variables[1].key",
            "variable \"user\" of token #MoveMade is given twice",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(errors, expected);
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing sent"
    );
}

#[tokio::test]
async fn update_session_title_and_users_are_checked() {
    let (server, client) = setup().await;
    let req = UpdateSessionRequest::new(7, 480)
        .title(text("#InvitationText", &[]))
        .users(vec![user(
            1,
            text("#YourTurn", &[]),
            Some(text("#Nope", &[])),
        )]);
    let errors = invalid(
        client
            .igame_notifications_service()
            .update_session(&req)
            .await,
    );
    assert_eq!(
        errors,
        [
            (
                "title.variables".to_owned(),
                "token #InvitationText needs the variable \"user\"".to_owned()
            ),
            (
                "users[0].message.token".to_owned(),
                "unknown localization token \"#Nope\"".to_owned()
            ),
        ]
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn without_tokens_nothing_is_checked() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"response":{}}"#))
        .mount(&server)
        .await;
    let client: Client = steam_builder(KEY, &server.uri()).build().unwrap();
    let req = UpdateSessionRequest::new(7, 480).title(text("#Anything", &[("x", "y")]));
    client
        .igame_notifications_service()
        .update_session(&req)
        .await
        .unwrap();
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[test]
fn token_set_refuses_bad_tokens() {
    let mut set = tokens();
    let err = |r: Result<(), steam_webapi::tokens::TokenSetError>| r.unwrap_err().to_string();
    assert_eq!(
        err(set.insert("YourTurn", "again")),
        "token #YourTurn is defined twice"
    );
    assert_eq!(
        err(set.insert("Your Turn", "x")),
        "token name \"Your Turn\" is not a valid reference: write letters, digits and '_' after an optional '#'"
    );
    assert_eq!(
        err(set.insert("Broken", "{{user} moved")),
        "token #Broken: placeholder '{{user}' is not closed with '}}' (character 1)"
    );
    assert_eq!(set.len(), 3);
    assert_eq!(
        set.variables("#MoveMade").unwrap(),
        ["user", "piece", "square"]
    );
    assert!(!set.contains("MoveMade"), "a reference starts with '#'");
    let debug = format!("{:?}", client_debug());
    assert!(debug.contains("tokens: Some(3)"), "{debug}");
}

fn client_debug() -> Client {
    steam_builder::<Client>(KEY, "http://127.0.0.1:1")
        .tokens(tokens())
        .build()
        .unwrap()
}

#[test]
fn blocking_client_checks_too_before_connecting() {
    // Nothing listens on port 1: an unchecked request would fail to connect instead.
    let client = steam_builder::<steam_webapi::blocking::Client>(KEY, "http://127.0.0.1:1")
        .tokens(tokens())
        .build()
        .unwrap();
    let req = UpdateSessionRequest::new(7, 480).title(text("#YourTurn", &[("user", "x")]));
    let errors = invalid(client.igame_notifications_service().update_session(&req));
    assert_eq!(
        errors,
        [(
            "title.variables[0].key".to_owned(),
            "token #YourTurn has no variable \"user\" (its variables: none)".to_owned()
        )]
    );
}
