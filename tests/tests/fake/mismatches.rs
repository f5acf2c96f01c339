//! Requests the spec would not produce: answered 400 like Steam and listed.

use steam_webapi::ProviderId;
use steam_webapi::isteam_hub::ResolveAppIDRequest;
use steam_webapi::isteam_user::GetPlayerSummariesRequest;
use steam_webapi::testing::FakeSteam;

async fn get(fake: &FakeSteam, path_and_query: &str) -> (u16, String) {
    let url = format!("{}{path_and_query}", fake.base_url(ProviderId::Steam));
    let resp = reqwest::get(url).await.unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The problems of the only mismatch.
fn problems(fake: &FakeSteam) -> Vec<String> {
    let all = fake.mismatches();
    assert_eq!(all.len(), 1, "{all:?}");
    all[0].problems.clone()
}

#[tokio::test]
async fn an_unknown_parameter_is_refused() {
    let fake = FakeSteam::start().unwrap();
    let (status, body) = get(
        &fake,
        "/ISteamUser/GetPlayerSummaries/v2/?key=k&steamids=1&colour=red",
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("unknown parameter `colour`"), "{body}");
    assert_eq!(problems(&fake), ["unknown parameter `colour`"]);
    // Still recorded, not decoded, and the key is not kept.
    let got = fake.received::<GetPlayerSummariesRequest>();
    assert_eq!(got[0].json, serde_json::Value::Null);
    assert_eq!(got[0].param("key"), Some("<redacted>"));
}

#[tokio::test]
async fn a_missing_required_parameter_or_credential_is_refused() {
    let fake = FakeSteam::start().unwrap();
    let (status, _) = get(&fake, "/ISteamUser/GetPlayerSummaries/v2/").await;
    assert_eq!(status, 400);
    assert_eq!(
        problems(&fake),
        [
            "missing the credential `key`",
            "missing required parameter `steamids`"
        ]
    );
}

#[tokio::test]
async fn a_value_of_the_wrong_kind_is_refused() {
    let fake = FakeSteam::start().unwrap();
    let path = "/ISteamUser/GetFriendList/v1/?key=k&steamid=robin";
    let (status, _) = get(&fake, path).await;
    assert_eq!(status, 400);
    assert_eq!(
        problems(&fake),
        ["`steamid` = \"robin\" is not an unsigned integer"]
    );
}

#[tokio::test]
async fn a_bool_is_one_or_zero_and_decoded() {
    let fake = FakeSteam::start().unwrap();
    let path = "/ISteamHub/ResolveAppID/v1/?key=k&appid=440&official_only=1";
    assert_eq!(get(&fake, path).await.0, 200, "{:?}", fake.mismatches());
    let got = fake.received::<ResolveAppIDRequest>();
    assert_eq!(
        got[0].json,
        serde_json::json!({ "appid": 440, "official_only": true })
    );
    let path = "/ISteamHub/ResolveAppID/v1/?key=k&appid=440&official_only=true";
    assert_eq!(get(&fake, path).await.0, 400);
    assert_eq!(
        problems(&fake),
        ["`official_only` = \"true\" is not 1 or 0"]
    );
}

#[tokio::test]
async fn a_path_the_spec_does_not_have_is_404() {
    let fake = FakeSteam::start().unwrap();
    let (status, _) = get(&fake, "/ISteamUser/GetPlayerSummaries/v9/").await;
    assert_eq!(status, 404);
    assert_eq!(
        problems(&fake),
        ["no spec'd operation at GET /steam/ISteamUser/GetPlayerSummaries/v9/"]
    );
}
