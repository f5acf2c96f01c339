//! IPlayerService (a Service interface: `input_json` in the query).

use serde_json::json;
use steam_webapi::iplayer_service::{OwnedGame, RecentlyPlayedGame};
use steam_webapi::{SteamId, iplayer_service as ps};
use steamspec_tests::spec_example::SpecCall;

use crate::helpers::call_example;

#[tokio::test]
async fn iplayer_service_get_owned_games_with_appinfo_and_filter() {
    let call = SpecCall::new("IPlayerService/GetOwnedGames/v1", "appinfo-own-account");
    let req = ps::GetOwnedGamesRequest::new(SteamId(76561197960435530))
        .include_appinfo(true)
        .include_played_free_games(true)
        .appids_filter(vec![440, 620]);
    let (resp, wire) = call_example(&call, async |c| {
        c.iplayer_service().get_owned_games(&req).await
    })
    .await;
    // input_json in the query of a GET, key and format beside it.
    let mut names: Vec<&str> = wire.query.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["format", "input_json", "key"]);
    assert_eq!(
        wire.input_json().unwrap(),
        json!({
            "steamid": "76561197960435530",
            "include_appinfo": true,
            "include_played_free_games": true,
            "appids_filter": [440, 620],
        }),
        "steamid as a string, bools as JSON booleans, the filter as a JSON array"
    );

    assert_eq!(resp.game_count, Some(2));
    assert_eq!(
        resp.games,
        Some(vec![
            OwnedGame {
                appid: 440,
                name: Some("Team Fortress 2".into()),
                playtime_2weeks: Some(95),
                playtime_forever: 18342,
                img_icon_url: Some("e3f595a92552da3d664ad00277fad2107345f743".into()),
                img_logo_url: None,
                has_community_visible_stats: Some(true),
                playtime_windows_forever: Some(17820),
                playtime_mac_forever: Some(0),
                playtime_linux_forever: Some(522),
                playtime_deck_forever: Some(0),
                rtime_last_played: Some(1719503280),
                playtime_disconnected: Some(0),
                content_descriptorids: Some(vec![2, 5]),
                has_leaderboards: None,
            },
            OwnedGame {
                appid: 620,
                name: Some("Portal 2".into()),
                playtime_2weeks: None,
                playtime_forever: 1264,
                img_icon_url: Some("2e478fc6874d06ae5baf0d147f6f21203291aa02".into()),
                img_logo_url: None,
                has_community_visible_stats: Some(true),
                playtime_windows_forever: Some(1264),
                playtime_mac_forever: Some(0),
                playtime_linux_forever: Some(0),
                playtime_deck_forever: Some(0),
                rtime_last_played: Some(86400),
                playtime_disconnected: Some(0),
                content_descriptorids: None,
                has_leaderboards: None,
            },
        ])
    );
}

#[tokio::test]
async fn iplayer_service_get_owned_games_without_appinfo() {
    let call = SpecCall::new("IPlayerService/GetOwnedGames/v1", "no-appinfo-2015");
    let req = ps::GetOwnedGamesRequest::new(SteamId(76561197960435530));
    let (resp, wire) = call_example(&call, async |c| {
        c.iplayer_service().get_owned_games(&req).await
    })
    .await;
    assert_eq!(
        wire.input_json().unwrap(),
        json!({"steamid": "76561197960435530"}),
        "unset optional parameters are left out of input_json"
    );

    let bare = |appid, playtime_2weeks, playtime_forever| OwnedGame {
        appid,
        playtime_2weeks,
        playtime_forever,
        ..OwnedGame::default()
    };
    assert_eq!(resp.game_count, Some(3));
    assert_eq!(
        resp.games,
        Some(vec![
            bare(220, None, 1873),
            bare(440, Some(342), 40122),
            bare(570, None, 0),
        ])
    );
    let first = &resp.games.as_ref().unwrap()[0];
    assert_eq!(first.name, None);
    assert_eq!(first.img_icon_url, None);
    assert_eq!(first.has_community_visible_stats, None);
}

#[tokio::test]
async fn iplayer_service_get_owned_games_private_profile() {
    let call = SpecCall::new("IPlayerService/GetOwnedGames/v1", "private-profile");
    let req = ps::GetOwnedGamesRequest::new(SteamId(76561198000000001));
    let (resp, _) = call_example(&call, async |c| {
        c.iplayer_service().get_owned_games(&req).await
    })
    .await;
    assert_eq!(resp.game_count, None);
    assert_eq!(resp.games, None);
}

#[tokio::test]
async fn iplayer_service_get_recently_played_games_limited() {
    let call = SpecCall::new("IPlayerService/GetRecentlyPlayedGames/v1", "limited-count");
    let req = ps::GetRecentlyPlayedGamesRequest::new(SteamId(76561197960435530)).count(1);
    let (resp, wire) = call_example(&call, async |c| {
        c.iplayer_service().get_recently_played_games(&req).await
    })
    .await;
    assert_eq!(
        wire.input_json().unwrap(),
        json!({"steamid": "76561197960435530", "count": 1})
    );

    assert_eq!(resp.total_count, 3);
    assert_eq!(
        resp.games,
        Some(vec![RecentlyPlayedGame {
            appid: 730,
            name: "Counter-Strike 2".into(),
            playtime_2weeks: 412,
            playtime_forever: 25630,
            img_icon_url: "8dbc71957312bbd3baea65848b545be9eae2a355".into(),
            img_logo_url: None,
            playtime_windows_forever: Some(25630),
            playtime_mac_forever: Some(0),
            playtime_linux_forever: Some(0),
            playtime_deck_forever: Some(0),
        }])
    );
}

#[tokio::test]
async fn iplayer_service_get_recently_played_games_nothing_played() {
    let call = SpecCall::new("IPlayerService/GetRecentlyPlayedGames/v1", "nothing-played");
    let req = ps::GetRecentlyPlayedGamesRequest::new(SteamId(76561197960435530));
    let (resp, _) = call_example(&call, async |c| {
        c.iplayer_service().get_recently_played_games(&req).await
    })
    .await;
    assert_eq!(resp.total_count, 0);
    assert_eq!(resp.games, None);
}
