//! Which operations need the Steam key: those without one are called by a keyless client.

use steam_webapi::{Error, isteam_news as news, isteam_user as user, isteam_web_api_util as util};
use steamspec_tests::loopback::Loopback;
use steamspec_tests::spec_example::{SpecCall, TOKEN};

/// `auth: none` and `auth: optional` operations work with a client that has no Steam key;
/// the others fail before sending anything.
#[tokio::test]
async fn operations_that_take_no_key_work_without_one() {
    let news_call = SpecCall::new("ISteamNews/GetNewsForApp/v2", "tf2-two-items");
    let lb = Loopback::serve(&news_call).await;
    let keyless = |uri: &str| {
        steam_webapi::Client::builder()
            .token(TOKEN)
            .base_url(steam_webapi::__private::ProviderId::Steam, uri)
            .allow_http(true)
            .build()
            .unwrap()
    };
    let req = news::GetNewsForAppRequest::new(440).count(2).maxlength(120);
    keyless(&lb.uri())
        .isteam_news()
        .get_news_for_app(&req)
        .await
        .unwrap();
    assert_eq!(lb.single_request().await.param("key"), None);

    let list_call = SpecCall::new("ISteamWebAPIUtil/GetSupportedAPIList/v1", "two-interfaces");
    let lb = Loopback::serve(&list_call).await;
    keyless(&lb.uri())
        .isteam_web_api_util()
        .get_supported_api_list(&util::GetSupportedAPIListRequest::new())
        .await
        .unwrap();
    assert_eq!(
        lb.single_request().await.query,
        vec![("format".into(), "json".into())],
        "without a key, the public list"
    );

    let lb = Loopback::start().await;
    let err = keyless(&lb.uri())
        .isteam_user()
        .get_player_summaries(&user::GetPlayerSummariesRequest::new(vec![
            steam_webapi::SteamId(76561197960435530),
        ]))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Config { message } if message.contains("api_key")),
        "{err:?}"
    );
    lb.expect_no_request().await;
}
