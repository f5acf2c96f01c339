//! Each kind of stub, sequences, and matching on the request.

use steam_webapi::isteam_user::{
    GetFriendListRequest, GetPlayerSummariesRequest, GetPlayerSummariesResponse,
};
use steam_webapi::testing::FakeSteam;
use steam_webapi::{Error, SteamId};
use steamspec_tests::clients::get_summaries;
use steamspec_tests::spec_example::SpecCall;

fn robin() -> SpecCall {
    SpecCall::new("ISteamUser/GetPlayerSummaries/v2", "robin-walker")
}

#[tokio::test]
async fn the_default_answer_is_the_first_example() {
    let fake = FakeSteam::start().unwrap();
    let client = fake.client().unwrap();
    let resp = get_summaries(&client).await.unwrap();
    let first = &robin().op.examples[0];
    let expected: GetPlayerSummariesResponse =
        serde_json::from_value(first.response.as_ref().unwrap()["response"].clone()).unwrap();
    assert_eq!(resp, expected);
}

#[tokio::test]
async fn respond_answers_with_a_typed_response_in_its_envelope() {
    let fake = FakeSteam::start().unwrap();
    let mut player: GetPlayerSummariesResponse =
        serde_json::from_value(robin().response()["response"].clone()).unwrap();
    player.players[0].personaname = "Somebody else".into();
    fake.stub::<GetPlayerSummariesRequest>()
        .respond(player.clone());
    let client = fake.client().unwrap();
    let resp = get_summaries(&client).await.unwrap();
    assert_eq!(resp, player);
}

#[tokio::test]
async fn respond_example_answers_with_the_named_example() {
    let fake = FakeSteam::start().unwrap();
    let call = SpecCall::new("ISteamUser/GetFriendList/v1", "one-friend");
    fake.stub::<GetFriendListRequest>()
        .respond_example("one-friend");
    let client = fake.client().unwrap();
    let req = GetFriendListRequest::new(SteamId(76561197960435530));
    let resp = client.isteam_user().get_friend_list(&req).await.unwrap();
    assert_eq!(resp.friends.len(), 1);
    assert_eq!(
        serde_json::to_value(&resp).unwrap(),
        call.response()["friendslist"]
    );
}

#[tokio::test]
async fn an_unknown_example_name_answers_500_and_is_a_mismatch() {
    let fake = FakeSteam::start().unwrap();
    fake.stub::<GetFriendListRequest>()
        .respond_example("no-such-example");
    let problems = &fake.mismatches()[0].problems;
    assert!(
        problems[0].contains("no example named \"no-such-example\""),
        "{problems:?}"
    );
    assert!(
        problems[0].contains("one-friend"),
        "lists the examples it has: {problems:?}"
    );
    let client = fake.client().unwrap();
    let req = GetFriendListRequest::new(SteamId(76561197960435530));
    let err = client
        .isteam_user()
        .get_friend_list(&req)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Http { status: 500, .. }), "{err:?}");
}

#[tokio::test]
async fn respond_status_with_retry_after_then_a_response_is_retried() {
    let fake = FakeSteam::start().unwrap();
    let stub = fake
        .stub::<GetPlayerSummariesRequest>()
        .respond_status(429)
        .retry_after(0)
        .then()
        .respond(GetPlayerSummariesResponse::default());
    let client = fake.client().unwrap();
    let resp = get_summaries(&client).await.unwrap();
    assert_eq!(resp, GetPlayerSummariesResponse::default());
    assert_eq!(stub.hits(), 2);
    assert_eq!(fake.received::<GetPlayerSummariesRequest>().len(), 2);
}

#[tokio::test]
async fn the_last_answer_of_a_sequence_repeats() {
    let fake = FakeSteam::start().unwrap();
    fake.stub::<GetPlayerSummariesRequest>()
        .respond(GetPlayerSummariesResponse::default())
        .then()
        .respond_status(503);
    let client = fake
        .builder::<steam_webapi::Client>()
        .retry(steam_webapi::RetryPolicy::none())
        .build()
        .unwrap();
    let first = get_summaries(&client).await;
    assert_eq!(first.unwrap(), GetPlayerSummariesResponse::default());
    for _ in 0..2 {
        let err = get_summaries(&client).await.unwrap_err();
        assert!(matches!(err, Error::Http { status: 503, .. }), "{err:?}");
    }
}

#[tokio::test]
async fn respond_body_sends_the_bytes_as_given() {
    let fake = FakeSteam::start().unwrap();
    fake.stub::<GetPlayerSummariesRequest>()
        .respond_body("<html>Forbidden</html>", "text/html");
    let client = fake.client().unwrap();
    let err = get_summaries(&client).await.unwrap_err();
    // 200 with HTML: the client cannot decode it and says where.
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
}

#[tokio::test]
async fn when_answers_only_the_requests_it_matches() {
    let fake = FakeSteam::start().unwrap();
    let special = GetPlayerSummariesResponse::default();
    fake.stub::<GetPlayerSummariesRequest>()
        .when(|req| req.get("steamids") == Some(&serde_json::json!([1234])))
        .respond(special.clone());
    let client = fake.client().unwrap();
    let other = get_summaries(&client).await.unwrap();
    assert_eq!(other.players.len(), 1, "the default example");
    let req = GetPlayerSummariesRequest::new(vec![SteamId(1234)]);
    let matched = client
        .isteam_user()
        .get_player_summaries(&req)
        .await
        .unwrap();
    assert_eq!(matched, special);
}

#[tokio::test]
async fn a_newer_stub_wins() {
    let fake = FakeSteam::start().unwrap();
    fake.stub::<GetPlayerSummariesRequest>().respond_status(500);
    fake.stub::<GetPlayerSummariesRequest>()
        .respond(GetPlayerSummariesResponse::default());
    let client = fake.client().unwrap();
    let resp = get_summaries(&client).await.unwrap();
    assert_eq!(resp, GetPlayerSummariesResponse::default());
}

#[tokio::test]
async fn the_generated_accessors_stub_the_operation_of_their_name() {
    let fake = FakeSteam::start().unwrap();
    let stub = fake
        .isteam_user()
        .get_player_summaries()
        .respond_status(418);
    fake.notifications()
        .search_notifications()
        .respond_status(500);
    let client = fake.client().unwrap();
    let err = get_summaries(&client).await.unwrap_err();
    assert!(matches!(err, Error::Http { status: 418, .. }), "{err:?}");
    assert_eq!(stub.hits(), 1);
    // Another operation of the interface keeps its example.
    let req = GetFriendListRequest::new(SteamId(76561197960435530));
    assert!(client.isteam_user().get_friend_list(&req).await.is_ok());
}
