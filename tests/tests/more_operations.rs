//! The wire form of the methods typed from the listing and the recordings (issue 23): where the
//! parameters travel (query, POST form with indexed arrays, input_json), which calls carry the
//! key and which never do, and the requests refused before any I/O.

use serde_json::json;
use steam_webapi::iecon_service as econ;
use steam_webapi::ipublished_file_service as published;
use steam_webapi::isteam_apps as apps;
use steam_webapi::isteam_remote_storage as storage;
use steam_webapi::isteam_user as user;
use steam_webapi::isteam_user_stats as stats;
use steam_webapi::{Error, SteamId};
use steamspec_tests::loopback::{Loopback, WireRequest};
use steamspec_tests::spec_example::KEY;
use wiremock::ResponseTemplate;

/// Answers `verb path` once with `body`, sends with the loopback client (which has a key) and
/// returns the result and what went on the wire.
async fn sent<R>(
    verb: &str,
    at: &str,
    body: serde_json::Value,
    send: impl AsyncFnOnce(steam_webapi::Client) -> Result<R, Error>,
) -> (R, WireRequest) {
    let lb = Loopback::start().await;
    lb.answer(verb, at, ResponseTemplate::new(200).set_body_json(body))
        .await;
    let result = send(lb.client()).await.expect("the call succeeds");
    (result, lb.single_request().await)
}

#[tokio::test]
async fn remote_storage_posts_a_form_with_indexed_ids_and_no_key() {
    let body = json!({"response": {"result": 1, "resultcount": 2, "publishedfiledetails": [
        {"publishedfileid": "3122668835", "result": 1, "file_size": 4310102, "banned": 0},
        {"publishedfileid": "1", "result": 9}]}});
    let req = storage::GetPublishedFileDetailsRequest::new(2, vec![3122668835, 1]);
    let (resp, wire) = sent(
        "POST",
        "/ISteamRemoteStorage/GetPublishedFileDetails/v1/",
        body,
        async |c| {
            c.isteam_remote_storage()
                .get_published_file_details(&req)
                .await
        },
    )
    .await;
    assert!(wire.query.is_empty(), "a POST carries nothing in its URL");
    let mut form = wire.form.clone();
    form.sort();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("format", "json"),
            ("itemcount", "2"),
            ("publishedfileids[0]", "3122668835"),
            ("publishedfileids[1]", "1"),
        ],
        "auth: none: the key is never sent"
    );
    assert_eq!(resp.publishedfiledetails[1].result, 9);
    assert_eq!(resp.publishedfiledetails[0].file_size, Some(4310102));
}

#[tokio::test]
async fn global_stats_sends_indexed_names_in_the_query_without_a_key() {
    let body = json!({"response": {"globalstats": {"a": {"total": "7"}}, "result": 1}});
    let req = stats::GetGlobalStatsForGameRequest::new(17740, 2, vec!["a".into(), "b c".into()]);
    let (resp, wire) = sent(
        "GET",
        "/ISteamUserStats/GetGlobalStatsForGame/v1/",
        body,
        async |c| c.isteam_user_stats().get_global_stats_for_game(&req).await,
    )
    .await;
    assert_eq!(wire.param("name[0]"), Some("a"));
    assert_eq!(wire.param("name[1]"), Some("b c"));
    assert_eq!(wire.param("count"), Some("2"));
    assert_eq!(wire.param("key"), None);
    assert_eq!(resp.globalstats.unwrap()["a"].total, 7);
}

#[tokio::test]
async fn keyless_methods_work_on_a_client_without_a_key() {
    let lb = Loopback::start().await;
    let body =
        json!({"response": {"success": true, "up_to_date": true, "version_is_listable": true}});
    lb.answer(
        "GET",
        "/ISteamApps/UpToDateCheck/v1/",
        ResponseTemplate::new(200).set_body_json(body),
    )
    .await;
    let keyless = steam_webapi::Client::builder()
        .base_url(steam_webapi::__private::ProviderId::Steam, &lb.uri())
        .allow_http(true)
        .build()
        .unwrap();
    let req = apps::UpToDateCheckRequest::new(440, 8835751);
    let resp = keyless.isteam_apps().up_to_date_check(&req).await.unwrap();
    assert!(resp.up_to_date && resp.required_version.is_none());
    let wire = lb.single_request().await;
    assert_eq!(wire.param("key"), None);
    assert_eq!(wire.param("version"), Some("8835751"));
}

#[tokio::test]
async fn player_bans_sends_the_key_and_comma_joined_ids() {
    let body = json!({"players": [{"SteamId": "76561197960435530", "CommunityBanned": false,
        "VACBanned": true, "NumberOfVACBans": 2, "DaysSinceLastBan": 40,
        "NumberOfGameBans": 1, "EconomyBan": "probation"}]});
    let req = user::GetPlayerBansRequest::new(vec![
        SteamId(76561197960435530),
        SteamId(76561197960265731),
    ]);
    let (bans, wire) = sent("GET", "/ISteamUser/GetPlayerBans/v1/", body, async |c| {
        c.isteam_user().get_player_bans(&req).await
    })
    .await;
    assert_eq!(wire.param("key"), Some(KEY));
    assert_eq!(
        wire.param("steamids"),
        Some("76561197960435530,76561197960265731")
    );
    assert_eq!(bans[0].economy_ban, user::EconomyBanStatus::Probation);
    assert_eq!(bans[0].number_of_game_bans, Some(1));
}

#[tokio::test]
async fn resolve_vanity_url_no_match_is_a_typed_error() {
    let lb = Loopback::start().await;
    lb.answer(
        "GET",
        "/ISteamUser/ResolveVanityURL/v1/",
        ResponseTemplate::new(200)
            .set_body_json(json!({"response": {"success": 42, "message": "No match"}})),
    )
    .await;
    let req = user::ResolveVanityURLRequest::new("nobody-at-all".into());
    let err = lb
        .client()
        .isteam_user()
        .resolve_vanity_url(&req)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::NoMatch { message } if message == "No match"),
        "{err:?}"
    );
    let wire = lb.single_request().await;
    assert_eq!(wire.param("vanityurl"), Some("nobody-at-all"));
    assert_eq!(wire.param("url_type"), None, "the default is not sent");
}

#[tokio::test]
async fn service_methods_send_input_json() {
    let body =
        json!({"response": {"publishedfiledetails": [{"result": 9, "publishedfileid": "1"}]}});
    let req = published::GetDetailsRequest::new(vec![333310405, 1]).includetags(true);
    let (resp, wire) = sent(
        "GET",
        "/IPublishedFileService/GetDetails/v1/",
        body,
        async |c| c.ipublished_file_service().get_details(&req).await,
    )
    .await;
    assert_eq!(
        wire.input_json(),
        Some(json!({"publishedfileids": ["333310405", "1"], "includetags": true}))
    );
    assert_eq!(resp.publishedfiledetails.unwrap()[0].result, 9);
}

#[tokio::test]
async fn invalid_requests_are_not_sent() {
    let lb = Loopback::start().await;
    lb.expect_no_request().await;
    let c = lb.client();
    let err = c
        .iecon_service()
        .get_trade_offers(&econ::GetTradeOffersRequest::new())
        .await
        .unwrap_err();
    let Error::Invalid(errors) = &err else {
        panic!("{err:?}")
    };
    let got: Vec<_> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(got, [("", "at_least_one_of")]);

    let err = c
        .isteam_remote_storage()
        .get_collection_details(&storage::GetCollectionDetailsRequest::new(0, vec![]))
        .await
        .unwrap_err();
    let Error::Invalid(errors) = &err else {
        panic!("{err:?}")
    };
    let got: Vec<_> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(got, [("publishedfileids", "items")]);
    assert!(lb.requests().await.is_empty());
}

#[tokio::test]
async fn an_imported_method_is_called_like_the_others_and_answers_the_whole_body() {
    // ISteamApps GetSDRConfig: imported (no recorded body), key-less; its response is the
    // untyped body, envelope and all.
    let body = json!({"revision": 1733, "pops": {"ams": {"desc": "Amsterdam"}}, "success": true});
    let req = apps::GetSDRConfigRequest::new(730);
    let (value, wire) = sent(
        "GET",
        "/ISteamApps/GetSDRConfig/v1/",
        body.clone(),
        async |c| c.isteam_apps().get_sdr_config(&req).await,
    )
    .await;
    assert_eq!(value, body);
    assert_eq!(wire.param("appid"), Some("730"));
    assert_eq!(wire.param("key"), None, "the listing shows no key");
}

#[test]
fn imported_publisher_methods_go_to_the_publisher_host_with_the_key() {
    use steam_webapi::__private::{Auth, Endpoint};
    fn info<E: Endpoint>(_: &E) -> steam_webapi::__private::EndpointInfo {
        E::INFO
    }
    let owned = info(&user::GetPublisherAppOwnershipV4Request::new(
        76561197960435530,
    ));
    assert_eq!(
        (owned.host, owned.publisher),
        ("partner.steam-api.com", true)
    );
    assert_eq!(owned.auth, Auth::Required);
    let bans = info(&user::GetPlayerBansRequest::new(vec![SteamId(
        76561197960435530,
    )]));
    assert_eq!((bans.host, bans.publisher), ("api.steampowered.com", false));
}

#[test]
fn imported_methods_say_so_in_rustdoc() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/src/api/isteam_apps.rs"
    ))
    .unwrap();
    let doc = src
        .split("pub fn get_sdr_config(")
        .next()
        .and_then(|before| before.rsplit("pub fn ").next())
        .unwrap();
    assert!(
        doc.contains("**Imported** from GetSupportedAPIList"),
        "{doc}"
    );
    let typed = src.split("pub fn up_to_date_check(").next().unwrap();
    let typed = typed.rsplit("pub fn ").next().unwrap();
    assert!(!typed.contains("**Imported**"), "{typed}");
}
