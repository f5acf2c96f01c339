//! Both clients against the fake, and 100 calls at once; requests read back typed.

use serde_json::json;
use steam_webapi::SteamId;
use steam_webapi::igame_notifications_service::{
    CreateSessionRequest, CreateSessionResponse, LocalizedText, UserState, UserStatus, Variable,
};
use steam_webapi::isteam_user::{GetPlayerSummariesRequest, GetPlayerSummariesResponse};
use steam_webapi::notifications::{NotificationFilter, SearchNotificationsRequest};
use steam_webapi::testing::FakeSteam;
use steamspec_tests::clients::summaries;
use steamspec_tests::spec_example::SpecCall;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_calls_at_once_are_all_answered_and_recorded() {
    let fake = FakeSteam::start().unwrap();
    let client = fake.client().unwrap();
    let calls = (0..100u64).map(|i| {
        let client = client.clone();
        tokio::spawn(async move {
            let req = GetPlayerSummariesRequest::new(vec![SteamId(76561197960265728 + i)]);
            client.isteam_user().get_player_summaries(&req).await
        })
    });
    for call in calls.collect::<Vec<_>>() {
        assert_eq!(call.await.unwrap().unwrap().players.len(), 1);
    }
    let mut ids: Vec<u64> = fake
        .received::<GetPlayerSummariesRequest>()
        .iter()
        .map(|r| r.get("steamids").unwrap()[0].as_u64().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        (0..100).map(|i| 76561197960265728 + i).collect::<Vec<_>>()
    );
}

#[test]
fn the_blocking_client_works_from_a_plain_thread() {
    let fake = FakeSteam::start().unwrap();
    fake.stub::<GetPlayerSummariesRequest>()
        .respond_status(503)
        .retry_after(0)
        .then()
        .respond(GetPlayerSummariesResponse::default());
    let client = fake.blocking_client().unwrap();
    let resp = client
        .isteam_user()
        .get_player_summaries(&summaries())
        .unwrap();
    assert_eq!(resp, GetPlayerSummariesResponse::default());
    assert_eq!(fake.received::<GetPlayerSummariesRequest>().len(), 2);
}

fn text(token: &str, variables: &[(&str, &str)]) -> LocalizedText {
    let variables = variables.iter().map(|(key, value)| Variable {
        key: (*key).to_owned(),
        value: (*value).to_owned(),
    });
    LocalizedText {
        token: token.to_owned(),
        variables: Some(variables.collect()),
    }
}

/// Ported from operations/igame_notifications_service.rs: the same wire assertions, on the
/// kit, with the spec example's whole request as the expected wire.
#[tokio::test]
async fn an_input_json_request_is_read_back_by_the_spec_rules() {
    let fake = FakeSteam::start().unwrap();
    let call = SpecCall::new("IGameNotificationsService/CreateSession/v1", "docs");
    let users = vec![UserStatus {
        steamid: SteamId(76561197960265729),
        state: UserState::Waiting,
        title: text("#TitleToken", &[("username", "Bob"), ("level", "1")]),
        message: Some(text("#StatusMessageToken", &[("city", "Bellevue")])),
    }];
    let title = text("#MyToken", &[("username", "SteamUser")]);
    let req = CreateSessionRequest::new(480, 31415926, title, users);
    let client = fake.client().unwrap();
    let resp = client
        .igame_notifications_service()
        .create_session(&req)
        .await
        .unwrap();
    assert_eq!(resp, CreateSessionResponse { sessionid: 10 });

    let got = fake.received::<CreateSessionRequest>();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].method, "POST");
    assert_eq!(
        got[0].json,
        call.request(),
        "the wire decoded is the spec example's request"
    );
    assert_eq!(
        got[0].get("context"),
        Some(&json!("31415926")),
        "u64 as a JSON string"
    );
    assert_eq!(got[0].get("steamid"), None, "unset optional left out");
    assert_eq!(got[0].param("format"), Some("json"));
    assert_eq!(got[0].param("key"), Some("<redacted>"));
}

/// The wire assertions of operations/notifications.rs' search test, on the kit: the token in
/// the query, no Steam key or format, the filter as its number, the spec's example answered.
#[tokio::test]
async fn a_backpack_tf_call_is_served_and_read_back() {
    let fake = FakeSteam::start().unwrap();
    let client = fake.client().unwrap();
    let req = SearchNotificationsRequest::new().filter(NotificationFilter::Subscriptions);
    let resp = client
        .notifications()
        .search_notifications(&req)
        .await
        .unwrap();
    assert_eq!(resp.notifications.len(), 4, "the spec's first example");
    let got = fake.received::<SearchNotificationsRequest>();
    assert_eq!(got[0].method, "GET");
    assert_eq!(got[0].path, "/api/notifications/search/v1");
    assert_eq!(
        got[0].pairs,
        [
            ("filter".to_string(), "4".to_string()),
            ("token".to_string(), "<redacted>".to_string())
        ]
    );
    // An enum parameter is read back as sent.
    assert_eq!(got[0].json, json!({ "filter": "4" }));
    assert!(fake.mismatches().is_empty());
}
