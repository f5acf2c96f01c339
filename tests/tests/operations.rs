//! Every operation of the spec, called through the generated client against a
//! real HTTP server on loopback (wiremock, real reqwest).
//!
//! For each call the wire data comes from the spec itself (`steamspec::load_dir`):
//! the server answers with the example's response body, and the request the
//! client sent must be exactly the example's request in the spec's wire form
//! (`WireRequest::assert_call`: method, path, every query/form pair, `key`/`token`
//! and `format`, and `input_json` equal to the example's request JSON for the
//! Service interfaces). The Rust request is built by hand from the same example,
//! and the typed result is checked field by field.

use std::fmt::Debug;

use serde_json::{Value, json};
use steam_webapi::igame_notifications_service::{
    self as gns, LocalizedText, Session, SessionRequest, UserState, UserStatus, Variable,
};
use steam_webapi::iplayer_service::{self as ps, OwnedGame, RecentlyPlayedGame};
use steam_webapi::isteam_hub::{self as hub, HubEventType, HubMemberRole};
use steam_webapi::isteam_news::{self as news, NewsItem};
use steam_webapi::isteam_user::{
    self as user, CommunityVisibilityState, FriendFilter, FriendRelationship,
};
use steam_webapi::isteam_user_stats::{self as stats, PlayerAchievement};
use steam_webapi::isteam_web_api_util::{
    self as util, SupportedApiInterface, SupportedApiMethod, SupportedApiParameter,
};
use steam_webapi::notifications::{
    self as bp, NotificationFilter, NotificationFolder, NotificationSender, NotificationType,
};
use steam_webapi::{Client, Error, Maybe, SteamId};
use steamspec_tests::loopback::{Loopback, WireRequest};
use steamspec_tests::spec_example::{self, KEY, SpecCall, TOKEN};
use wiremock::ResponseTemplate;

// ---- helpers ------------------------------------------------------------------

/// A string of the example's response, by JSON pointer (for long HTML texts).
fn spec_str(call: &SpecCall, pointer: &str) -> String {
    call.response()
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{}: no string at {pointer}", call.label()))
        .to_owned()
}

fn text(token: &str, variables: &[(&str, &str)]) -> LocalizedText {
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
fn docs_users() -> Vec<UserStatus> {
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
fn docs_session(sessionid: u64) -> Session {
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
async fn call_example<R: PartialEq + Debug>(
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
async fn call_on<R>(
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
async fn refused<R: Debug>(send: impl AsyncFnOnce(Client) -> Result<R, Error>) -> Error {
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
fn assert_invalid(err: Error, expected: &[(&str, &str)]) {
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

// ---- coverage -----------------------------------------------------------------

/// Every (operation, example) pair this file calls through the client.
const COVERED: &[(&str, &str)] = &[
    ("IGameNotificationsService/CreateSession/v1", "docs"),
    ("IGameNotificationsService/DeleteSession/v1", "docs"),
    (
        "IGameNotificationsService/DeleteSessionBatch/v1",
        "constructed",
    ),
    (
        "IGameNotificationsService/EnumerateSessionsForApp/v1",
        "docs",
    ),
    (
        "IGameNotificationsService/GetSessionDetailsForApp/v1",
        "docs",
    ),
    ("IGameNotificationsService/RequestNotifications/v1", "docs"),
    ("IGameNotificationsService/UpdateSession/v1", "docs"),
    ("IPlayerService/GetOwnedGames/v1", "appinfo-own-account"),
    ("IPlayerService/GetOwnedGames/v1", "no-appinfo-2015"),
    ("IPlayerService/GetOwnedGames/v1", "private-profile"),
    ("IPlayerService/GetRecentlyPlayedGames/v1", "limited-count"),
    ("IPlayerService/GetRecentlyPlayedGames/v1", "nothing-played"),
    ("ISteamHub/GetAnnouncements/v1", "game-hub-puzzle-agent-2"),
    ("ISteamHub/GetEvents/v1", "community-hub-seg-test-group"),
    ("ISteamHub/GetMembers/v1", "community-hub-seg-test-group"),
    (
        "ISteamHub/GetPermissions/v1",
        "community-hub-seg-test-group",
    ),
    ("ISteamHub/GetStatus/v1", "community-hub-seg-test-group"),
    ("ISteamHub/GetSummaries/v1", "community-hub-ablegamers"),
    ("ISteamHub/GetSummaries/v1", "game-hub-puzzle-agent-2"),
    ("ISteamHub/ResolveAppID/v1", "appid-search"),
    ("ISteamHub/ResolveAppID/v1", "official-game-hub-only"),
    ("ISteamHub/ResolveVanityURL/v1", "community-hub-ablegamers"),
    ("ISteamHub/ResolveVanityURL/v1", "game-hub-puzzle-agent-2"),
    ("ISteamNews/GetNewsForApp/v2", "tf2-two-items"),
    ("ISteamUser/GetFriendList/v1", "one-friend"),
    ("ISteamUser/GetPlayerSummaries/v2", "robin-walker"),
    (
        "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
        "tf2-2015-number",
    ),
    (
        "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
        "tf2-modern",
    ),
    ("ISteamUserStats/GetPlayerAchievements/v1", "localized"),
    ("ISteamUserStats/GetUserStatsForGame/v2", "tf2"),
    ("ISteamWebAPIUtil/GetServerInfo/v1", "valvepython-2016"),
    ("ISteamWebAPIUtil/GetSupportedAPIList/v1", "two-interfaces"),
    ("Notifications/DeleteNotifications/v1", "two-ids"),
    ("Notifications/EmptyFolder/v1", "archived"),
    ("Notifications/MarkFolderRead/v1", "inbox"),
    ("Notifications/SearchNotifications/v1", "docs-filter-4"),
];

#[test]
fn every_operation_and_example_of_the_spec_is_covered() {
    let ops = spec_example::operation_ids();
    assert_eq!(ops.len(), 29, "{ops:#?}");
    let mut all: Vec<(String, String)> = spec_example::model()
        .operations()
        .flat_map(|op| op.examples.iter().map(move |e| (op.id(), e.name.clone())))
        .collect();
    all.sort();
    let mut covered: Vec<(String, String)> = COVERED
        .iter()
        .map(|(op, ex)| ((*op).to_owned(), (*ex).to_owned()))
        .collect();
    covered.sort();
    assert_eq!(covered, all, "COVERED must list every example of spec/");
}

// ---- ISteamUser ---------------------------------------------------------------

#[tokio::test]
async fn isteam_user_get_player_summaries() {
    let call = SpecCall::new("ISteamUser/GetPlayerSummaries/v2", "robin-walker");
    let req = user::GetPlayerSummariesRequest::new(vec![SteamId(76561197960435530)]);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user().get_player_summaries(&req).await
    })
    .await;
    assert_eq!(wire.path, "/ISteamUser/GetPlayerSummaries/v2/");
    assert_eq!(wire.param("steamids"), Some("76561197960435530"));
    assert_eq!(wire.param("key"), Some(KEY));
    assert_eq!(wire.param("format"), Some("json"));

    assert_eq!(resp.players.len(), 1);
    let p = &resp.players[0];
    assert_eq!(p.steamid, SteamId(76561197960435530));
    assert_eq!(p.communityvisibilitystate, CommunityVisibilityState::Public);
    assert_eq!(p.profilestate, Some(1));
    assert_eq!(p.personaname, "Robin");
    assert_eq!(p.profileurl, "https://steamcommunity.com/id/robinwalker/");
    assert_eq!(
        p.avatar,
        "https://avatars.steamstatic.com/81b5478529dce13bf24b55ac42c1af7058aaf7a9.jpg"
    );
    assert_eq!(
        p.avatarmedium,
        "https://avatars.steamstatic.com/81b5478529dce13bf24b55ac42c1af7058aaf7a9_medium.jpg"
    );
    assert_eq!(
        p.avatarfull,
        "https://avatars.steamstatic.com/81b5478529dce13bf24b55ac42c1af7058aaf7a9_full.jpg"
    );
    assert_eq!(
        p.avatarhash.as_deref(),
        Some("81b5478529dce13bf24b55ac42c1af7058aaf7a9")
    );
    assert_eq!(p.personastate, user::PersonaState::Offline);
    assert_eq!(p.realname.as_deref(), Some("Robin Walker"));
    assert_eq!(p.primaryclanid, Some(SteamId(103582791429521412)));
    assert_eq!(p.timecreated, Some(1063407589));
    assert_eq!(p.loccountrycode.as_deref(), Some("US"));
    assert_eq!(p.locstatecode.as_deref(), Some("WA"));
    assert_eq!(p.loccityid, Some(3961));
    // Not in the example: absent, not defaulted.
    assert_eq!(p.lastlogoff, None);
    assert_eq!(p.commentpermission, None);
    assert_eq!(p.gameid, None);
    assert_eq!(p.gameserverip, None);
    assert_eq!(p.gameextrainfo, None);
    assert_eq!(p.cityid, None);
}

#[tokio::test]
async fn isteam_user_get_friend_list() {
    let call = SpecCall::new("ISteamUser/GetFriendList/v1", "one-friend");
    let req = user::GetFriendListRequest::new(SteamId(76561197960435530))
        .relationship(FriendFilter::Friend);
    let (resp, wire) =
        call_example(&call, async |c| c.isteam_user().get_friend_list(&req).await).await;
    assert_eq!(wire.param("steamid"), Some("76561197960435530"));
    assert_eq!(wire.param("relationship"), Some("friend"));

    assert_eq!(
        resp.friends,
        vec![user::Friend {
            steamid: SteamId(76561197960265731),
            relationship: FriendRelationship::Friend,
            friend_since: 0,
        }]
    );
}

/// An operation's future borrows only the client: the accessor and the request can be gone
/// before it is awaited, and it can be sent to another task (this test does not compile if
/// either stops being true).
#[tokio::test]
async fn an_operation_future_borrows_only_the_client() {
    fn sendable<F: std::future::Future + Send>(future: F) -> F {
        future
    }
    let call = SpecCall::new("ISteamUser/GetFriendList/v1", "one-friend");
    let lb = Loopback::serve(&call).await;
    let client = lb.client();
    let future = {
        let req = user::GetFriendListRequest::new(SteamId(76561197960435530))
            .relationship(FriendFilter::Friend);
        let accessor = client.isteam_user();
        sendable(accessor.get_friend_list(&req))
    };
    let resp = future.await.unwrap();
    assert_eq!(resp.friends.len(), 1);
    lb.single_request().await.assert_call(&call);
}

// ---- ISteamNews ---------------------------------------------------------------

#[tokio::test]
async fn isteam_news_get_news_for_app() {
    let call = SpecCall::new("ISteamNews/GetNewsForApp/v2", "tf2-two-items");
    let req = news::GetNewsForAppRequest::new(440).count(2).maxlength(120);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_news().get_news_for_app(&req).await
    })
    .await;
    assert_eq!(wire.param("appid"), Some("440"));
    assert_eq!(wire.param("count"), Some("2"));
    assert_eq!(wire.param("maxlength"), Some("120"));
    assert_eq!(wire.param("feeds"), None, "an unset list is not sent");

    assert_eq!(resp.appid, 440);
    assert_eq!(resp.count, Some(2215));
    assert_eq!(
        resp.newsitems,
        vec![
            NewsItem {
                gid: 5117321480539042190,
                title: "Team Fortress 2 Update Released".into(),
                url: "https://steamstore-a.akamaihd.net/news/externalpost/steam_community_announcements/5117321480539042190".into(),
                is_external_url: true,
                author: "Valve".into(),
                contents: spec_str(&call, "/appnews/newsitems/0/contents"),
                feedlabel: "Community Announcements".into(),
                date: 1717027200,
                feedname: "steam_community_announcements".into(),
                feed_type: Some(1),
                appid: Some(440),
                tags: Some(vec!["patchnotes".into()]),
            },
            NewsItem {
                gid: 5117321480538912277,
                title: "The Summer Event Is Here".into(),
                url: "https://steamstore-a.akamaihd.net/news/externalpost/tf2_blog/5117321480538912277".into(),
                is_external_url: true,
                author: String::new(),
                contents: spec_str(&call, "/appnews/newsitems/1/contents"),
                feedlabel: "TF2 Blog".into(),
                date: 1716940800,
                feedname: "tf2_blog".into(),
                feed_type: Some(0),
                appid: Some(440),
                tags: None,
            },
        ]
    );
    assert!(resp.newsitems[0].contents.ends_with("when you restart..."));
    assert_eq!(
        wire.param("key"),
        None,
        "GetNewsForApp takes no key: it is never sent"
    );
}

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

// ---- ISteamWebAPIUtil ---------------------------------------------------------

#[tokio::test]
async fn isteam_web_api_util_get_server_info() {
    let call = SpecCall::new("ISteamWebAPIUtil/GetServerInfo/v1", "valvepython-2016");
    let req = util::GetServerInfoRequest::new();
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_web_api_util().get_server_info(&req).await
    })
    .await;
    assert_eq!(
        wire.query,
        vec![("format".into(), "json".into())],
        "auth: none sends no key"
    );
    assert_eq!(resp.servertime, 1463143608);
    assert_eq!(resp.servertimestring, "Fri May 13 05:46:48 2016");
}

#[tokio::test]
async fn isteam_web_api_util_get_supported_api_list() {
    let call = SpecCall::new("ISteamWebAPIUtil/GetSupportedAPIList/v1", "two-interfaces");
    let req = util::GetSupportedAPIListRequest::new();
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_web_api_util().get_supported_api_list(&req).await
    })
    .await;
    assert_eq!(
        wire.query,
        vec![("key".into(), KEY.into()), ("format".into(), "json".into())],
        "no parameters but the key and format"
    );

    let param = |name: &str, ty: &str, optional: bool, description: &str| SupportedApiParameter {
        name: name.into(),
        param_type: ty.into(),
        optional,
        description: Some(description.into()),
    };
    assert_eq!(
        resp.interfaces,
        vec![
            SupportedApiInterface {
                name: "ISteamNews".into(),
                methods: vec![SupportedApiMethod {
                    name: "GetNewsForApp".into(),
                    version: 2,
                    httpmethod: "GET".into(),
                    description: None,
                    parameters: vec![
                        param("appid", "uint32", false, "AppID to retrieve news for"),
                        param(
                            "count",
                            "uint32",
                            true,
                            "# of posts to retrieve (default 20)"
                        ),
                    ],
                }],
            },
            SupportedApiInterface {
                name: "IPlayerService".into(),
                methods: vec![SupportedApiMethod {
                    name: "GetRecentlyPlayedGames".into(),
                    version: 1,
                    httpmethod: "GET".into(),
                    description: Some(
                        "Gets information about a player's recently played games".into()
                    ),
                    parameters: vec![
                        param("key", "string", false, "Access key"),
                        param("steamid", "uint64", false, "The player we're asking about"),
                        param(
                            "count",
                            "uint32",
                            false,
                            "The number of games to return (0/unset: all)"
                        ),
                    ],
                }],
            },
        ]
    );
}

// ---- ISteamUserStats ----------------------------------------------------------

/// GetGlobalAchievementPercentagesForApp of TF2 against the spec example
/// `example`, which must decode to `expected` (name, percent); returns the
/// request.
async fn assert_tf2_percentages(example: &str, expected: &[(&str, f64)]) -> WireRequest {
    let call = SpecCall::new(
        "ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2",
        example,
    );
    let req = stats::GetGlobalAchievementPercentagesForAppRequest::new(440);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user_stats()
            .get_global_achievement_percentages_for_app(&req)
            .await
    })
    .await;
    let got: Vec<(&str, f64)> = resp
        .achievements
        .iter()
        .map(|a| (a.name.as_str(), a.percent))
        .collect();
    assert_eq!(got, expected, "{}", call.label());
    wire
}

#[tokio::test]
async fn isteam_user_stats_global_achievement_percentages_percent_as_string() {
    // `wire: either`: "54.3" on the wire.
    let wire = assert_tf2_percentages(
        "tf2-modern",
        &[
            ("TF_SCOUT_LONG_DISTANCE_RUNNER", 54.3),
            ("TF_HEAVY_DAMAGE_TAKEN", 49.8),
            ("TF_PLAY_GAME_EVERYCLASS", 41.2),
        ],
    )
    .await;
    assert_eq!(wire.param("gameid"), Some("440"), "u64 as a decimal string");
}

#[tokio::test]
async fn isteam_user_stats_global_achievement_percentages_percent_as_number() {
    assert_tf2_percentages(
        "tf2-2015-number",
        &[
            ("TF_SCOUT_LONG_DISTANCE_RUNNER", 61.37445068359375),
            ("TF_HEAVY_DAMAGE_TAKEN", 55.09521484375),
        ],
    )
    .await;
}

#[tokio::test]
async fn isteam_user_stats_get_player_achievements() {
    let call = SpecCall::new("ISteamUserStats/GetPlayerAchievements/v1", "localized");
    let req = stats::GetPlayerAchievementsRequest::new(SteamId(76561197960435530), 440)
        .l("english".into());
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user_stats().get_player_achievements(&req).await
    })
    .await;
    assert_eq!(wire.param("l"), Some("english"));
    assert_eq!(wire.param("appid"), Some("440"));

    assert_eq!(resp.steam_id, Some(SteamId(76561197960435530)));
    assert_eq!(resp.game_name.as_deref(), Some("Team Fortress 2"));
    assert!(resp.success);
    assert_eq!(resp.error, None);
    assert_eq!(
        resp.achievements,
        Some(vec![
            PlayerAchievement {
                apiname: "TF_PLAY_GAME_EVERYCLASS".into(),
                achieved: 1,
                unlocktime: Some(1301502117),
                name: Some("Head of the Class".into()),
                description: Some("Play a complete round with every class.".into()),
            },
            PlayerAchievement {
                apiname: "TF_GET_TURRETKILLS".into(),
                achieved: 0,
                unlocktime: Some(0),
                name: Some("Sentry Gunner".into()),
                description: Some("Accumulate 10 sentry gun kills with a single sentry.".into()),
            },
        ])
    );
}

#[tokio::test]
async fn isteam_user_stats_get_user_stats_for_game() {
    let call = SpecCall::new("ISteamUserStats/GetUserStatsForGame/v2", "tf2");
    let req = stats::GetUserStatsForGameRequest::new(SteamId(76561197960435530), 440);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_user_stats().get_user_stats_for_game(&req).await
    })
    .await;
    assert_eq!(wire.param("l"), None);

    assert_eq!(resp.steam_id, SteamId(76561197960435530));
    assert_eq!(resp.game_name, "Team Fortress 2");
    let stat_values: Vec<(&str, f64)> = resp
        .stats
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| (s.name.as_str(), s.value))
        .collect();
    assert_eq!(
        stat_values,
        vec![
            ("Scout.accum.iNumberOfKills", 1523.0),
            ("Scout.max.iPointsScored", 41.0),
            ("Soldier.accum.iPlayTime", 93874.0),
        ]
    );
    let unlocked: Vec<(&str, u32)> = resp
        .achievements
        .as_ref()
        .unwrap()
        .iter()
        .map(|a| (a.name.as_str(), a.achieved))
        .collect();
    assert_eq!(
        unlocked,
        vec![
            ("TF_PLAY_GAME_EVERYCLASS", 1),
            ("TF_SCOUT_LONG_DISTANCE_RUNNER", 1)
        ]
    );
}

// ---- IPlayerService (Service interface: input_json in the query) --------------

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

// ---- IGameNotificationsService (publisher, Service interface) -----------------

#[tokio::test]
async fn igame_notifications_create_session() {
    let call = SpecCall::new("IGameNotificationsService/CreateSession/v1", "docs");
    let title = text("#MyToken", &[("username", "SteamUser")]);
    let users = vec![docs_users().remove(0)];
    let req = gns::CreateSessionRequest::new(480, 31415926, title, users);
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service().create_session(&req).await
    })
    .await;
    assert_eq!(wire.method, "POST");
    assert!(wire.query.is_empty(), "a POST carries nothing in its URL");
    assert_eq!(wire.param("key"), Some(KEY));
    assert_eq!(wire.param("format"), Some("json"));
    let input = wire.input_json().unwrap();
    assert_eq!(input["context"], json!("31415926"), "u64 as a JSON string");
    assert_eq!(input["appid"], json!(480));
    assert_eq!(input["users"][0]["steamid"], json!("76561197960265729"));
    assert_eq!(input.get("steamid"), None, "unset optional left out");

    assert_eq!(resp, gns::CreateSessionResponse { sessionid: 10 });
}

#[tokio::test]
async fn igame_notifications_update_session() {
    let call = SpecCall::new("IGameNotificationsService/UpdateSession/v1", "docs");
    let req = gns::UpdateSessionRequest::new(1234, 480)
        .title(text("#MyToken", &[("username", "SteamUser")]))
        .users(docs_users());
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service().update_session(&req).await
    })
    .await;
    assert_eq!(wire.input_json().unwrap()["sessionid"], json!("1234"));
    assert_eq!(resp, gns::UpdateSessionResponse {});
}

#[tokio::test]
async fn igame_notifications_enumerate_sessions_for_app() {
    let call = SpecCall::new(
        "IGameNotificationsService/EnumerateSessionsForApp/v1",
        "docs",
    );
    let req = gns::EnumerateSessionsForAppRequest::new(SteamId(76561197960265729))
        .include_all_user_messages(false)
        .include_auth_user_message(true);
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service()
            .enumerate_sessions_for_app(&req)
            .await
    })
    .await;
    assert_eq!(wire.method, "GET");
    assert!(wire.body.is_empty());
    assert_eq!(
        wire.input_json().unwrap(),
        json!({
            "steamid": "76561197960265729",
            "include_all_user_messages": false,
            "include_auth_user_message": true,
        })
    );

    let sessions = resp.sessions.expect("sessions");
    assert_eq!(sessions, vec![docs_session(123)]);
    // `wire: either`: the docs' quoted "100" and "100000" decode as numbers.
    assert_eq!(sessions[0].appid, 100);
    assert_eq!(sessions[0].time_created, 100000);
    assert_eq!(sessions[0].time_updated, 200000);
    assert_eq!(sessions[0].user_status[1].state, UserState::Waiting);
    assert_eq!(
        sessions[0].user_status[1]
            .message
            .as_ref()
            .unwrap()
            .variables,
        Some(vec![Variable {
            key: "city".into(),
            value: "Seattle".into()
        }])
    );
}

#[tokio::test]
async fn igame_notifications_get_session_details_for_app() {
    let call = SpecCall::new(
        "IGameNotificationsService/GetSessionDetailsForApp/v1",
        "docs",
    );
    let sessions = vec![
        SessionRequest {
            sessionid: 12,
            include_all_user_messages: Some(false),
        },
        SessionRequest {
            sessionid: 13,
            include_all_user_messages: Some(false),
        },
    ];
    let req = gns::GetSessionDetailsForAppRequest::new(sessions, 100, "english".into());
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service()
            .get_session_details_for_app(&req)
            .await
    })
    .await;
    assert_eq!(
        wire.input_json().unwrap()["sessions"],
        json!([
            {"sessionid": "12", "include_all_user_messages": false},
            {"sessionid": "13", "include_all_user_messages": false},
        ])
    );

    assert_eq!(resp.sessions, Some(vec![docs_session(12)]));
}

#[tokio::test]
async fn igame_notifications_request_notifications() {
    let call = SpecCall::new("IGameNotificationsService/RequestNotifications/v1", "docs");
    let req = gns::RequestNotificationsRequest::new(SteamId(76561197960265729), 480);
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service()
            .request_notifications(&req)
            .await
    })
    .await;
    assert_eq!(
        wire.input_json().unwrap(),
        json!({"steamid": "76561197960265729", "appid": 480})
    );
    assert_eq!(resp, gns::RequestNotificationsResponse {});
}

#[tokio::test]
async fn igame_notifications_delete_session() {
    let call = SpecCall::new("IGameNotificationsService/DeleteSession/v1", "docs");
    let req = gns::DeleteSessionRequest::new(10, 480);
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service().delete_session(&req).await
    })
    .await;
    assert_eq!(
        wire.input_json().unwrap(),
        json!({"sessionid": "10", "appid": 480})
    );
    assert_eq!(resp, gns::DeleteSessionResponse {});
}

#[tokio::test]
async fn igame_notifications_delete_session_batch() {
    let call = SpecCall::new(
        "IGameNotificationsService/DeleteSessionBatch/v1",
        "constructed",
    );
    let req = gns::DeleteSessionBatchRequest::new(vec![10, 12], 480);
    let (resp, wire) = call_example(&call, async |c| {
        c.igame_notifications_service()
            .delete_session_batch(&req)
            .await
    })
    .await;
    assert_eq!(
        wire.input_json().unwrap(),
        json!({"sessionid": ["10", "12"], "appid": 480}),
        "a u64 list as a JSON array of strings"
    );
    assert_eq!(resp, gns::DeleteSessionBatchResponse {});
}

// ---- ISteamHub (success code in the envelope) ---------------------------------

#[tokio::test]
async fn isteam_hub_resolve_vanity_url_game_hub() {
    let call = SpecCall::new("ISteamHub/ResolveVanityURL/v1", "game-hub-puzzle-agent-2");
    let req =
        hub::ResolveVanityURLRequest::new("http://steamcommunity.com/games/PuzzleAgent2/".into());
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_hub().resolve_vanity_url(&req).await
    })
    .await;
    assert_eq!(
        wire.param("vanityurl"),
        Some("http://steamcommunity.com/games/PuzzleAgent2/")
    );
    assert_eq!(wire.param("language"), None);

    assert_eq!(resp.success, 1);
    assert_eq!(resp.message, "success");
    assert_eq!(
        resp.vanityurl,
        "http://steamcommunity.com/games/PuzzleAgent"
    );
    assert_eq!(
        resp.result,
        hub::HubVanityResult {
            appid: 94590,
            guid: 103582791432166170,
            abbreviation: "puzzleagent2".into(),
            name: "Puzzle Agent 2".into(),
            url: "http://steamcommunity.com/games/PuzzleAgent".into(),
            official: true,
            public: true,
            inviteonly: false,
        }
    );
}

#[tokio::test]
async fn isteam_hub_resolve_vanity_url_community_hub() {
    let call = SpecCall::new("ISteamHub/ResolveVanityURL/v1", "community-hub-ablegamers");
    let req = hub::ResolveVanityURLRequest::new("ablegamers".into());
    let (resp, _) = call_example(&call, async |c| {
        c.isteam_hub().resolve_vanity_url(&req).await
    })
    .await;
    assert_eq!(
        resp.vanityurl,
        "http://steamcommunity.com/groups/ablegamers"
    );
    assert_eq!(resp.result.appid, 0);
    assert_eq!(resp.result.guid, 103582791433132887);
    assert_eq!(resp.result.abbreviation, "ablegamers");
    assert_eq!(resp.result.name, "AbleGamers");
    assert!(!resp.result.official);
    assert!(resp.result.public);
    assert!(!resp.result.inviteonly);
}

fn hub_search(
    guid: u64,
    abbreviation: &str,
    name: &str,
    url: &str,
    official: bool,
) -> hub::HubSearchResult {
    hub::HubSearchResult {
        guid,
        abbreviation: abbreviation.into(),
        name: name.into(),
        url: url.into(),
        official,
        public: true,
    }
}

#[tokio::test]
async fn isteam_hub_resolve_app_id() {
    let call = SpecCall::new("ISteamHub/ResolveAppID/v1", "appid-search");
    let req = hub::ResolveAppIDRequest::new(94590);
    let (resp, wire) =
        call_example(&call, async |c| c.isteam_hub().resolve_app_id(&req).await).await;
    assert_eq!(wire.param("appid"), Some("94590"));
    assert_eq!(wire.param("official_only"), None);

    assert_eq!(resp.success, 1);
    assert_eq!(resp.message, "success");
    assert_eq!(resp.appid, Some(94590));
    assert_eq!(resp.language.as_deref(), Some("en"));
    assert_eq!(
        resp.hubs,
        vec![
            hub_search(
                103582791432166170,
                "puzzleagent2",
                "Puzzle Agent 2",
                "http://steamcommunity.com/app/94590",
                true
            ),
            hub_search(
                103582791431201661,
                "thepuzzleagents",
                "The Puzzle Agents",
                "http://steamcommunity.com/groups/thepuzzleagents",
                false
            ),
        ]
    );
}

#[tokio::test]
async fn isteam_hub_resolve_app_id_official_only() {
    let call = SpecCall::new("ISteamHub/ResolveAppID/v1", "official-game-hub-only");
    let req = hub::ResolveAppIDRequest::new(94590).official_only(true);
    let (resp, wire) =
        call_example(&call, async |c| c.isteam_hub().resolve_app_id(&req).await).await;
    assert_eq!(wire.param("official_only"), Some("1"), "bool as 1/0");

    assert_eq!(
        resp.hubs,
        vec![hub_search(
            103582791432166170,
            "puzzleagent2",
            "Puzzle Agent 2",
            "http://steamcommunity.com/app/94590",
            true
        )]
    );
}

#[tokio::test]
async fn isteam_hub_get_summaries_community_hub_with_nulls() {
    let call = SpecCall::new("ISteamHub/GetSummaries/v1", "community-hub-ablegamers");
    let req = hub::GetSummariesRequest::new().guid(vec![103582791433132887]);
    let (resp, wire) =
        call_example(&call, async |c| c.isteam_hub().get_summaries(&req).await).await;
    assert_eq!(wire.param("guid"), Some("103582791433132887"));
    assert_eq!(wire.param("appid"), None);

    assert_eq!(resp.success, 1);
    assert_eq!(resp.message, "success");
    assert_eq!(resp.language.as_deref(), Some("en"));
    assert_eq!(
        resp.hubs.keys().copied().collect::<Vec<_>>(),
        [103582791433132887],
        "the map is keyed by guid"
    );
    let h = &resp.hubs[&103582791433132887];
    assert_eq!(h.guid, 103582791433132887);
    assert_eq!(h.abbreviation, "ablegamers");
    assert_eq!(h.name, "AbleGamers");
    assert_eq!(h.url, "http://steamcommunity.com/groups/ablegamers");
    assert_eq!(h.appid, 0);
    assert!(h.public);
    assert!(!h.inviteonly);
    assert_eq!(h.datecreated, 1335596400);
    assert_eq!(h.dateupdated, 1368135598);
    assert_eq!(h.headline, None, "headline: null");
    assert_eq!(
        h.summary,
        spec_str(&call, "/response/hubs/103582791433132887/summary")
    );
    assert_eq!(h.member_count, 177);
    assert_eq!(h.language, None, "language: null");
    assert_eq!(h.loc_country_code.as_deref(), Some("US"));
    assert_eq!(h.loc_state_code, None, "locStateCode: null");
    assert_eq!(h.playerofweek, SteamId(0));
    assert_eq!(
        h.avatar.avatar_icon,
        "http://media.steampowered.com/steamcommunity/public/images/avatars/03/039516212655e228acbf3614740b7898d7930762.jpg"
    );
    assert!(h.avatar.avatar_medium.ends_with("_medium.jpg"));
    assert!(h.avatar.avatar_full.ends_with("_full.jpg"));
    // Optional and nullable: `null` is Maybe::Null, not Absent.
    assert_eq!(h.avatar.gamelogo, Maybe::Null);
    assert_eq!(h.avatar.gamebanner, Maybe::Null);
    assert_eq!(h.associated_games, vec![]);
    assert_eq!(
        h.websites,
        vec![
            hub::HubWebsite {
                url: "http://www.ablegamers.com/".into(),
                title: "AbleGamers.com".into()
            },
            hub::HubWebsite {
                url: "http://twitter.com/ablegamers".into(),
                title: "AbleGamers on Twitter".into()
            },
            hub::HubWebsite {
                url: "http://facebook.com/ablegamers".into(),
                title: "AbleGamers on Facebook".into()
            },
        ]
    );
}

#[tokio::test]
async fn isteam_hub_get_summaries_game_hub_by_appid() {
    let call = SpecCall::new("ISteamHub/GetSummaries/v1", "game-hub-puzzle-agent-2");
    let req = hub::GetSummariesRequest::new().appid(vec![94590]);
    let (resp, wire) =
        call_example(&call, async |c| c.isteam_hub().get_summaries(&req).await).await;
    assert_eq!(wire.param("appid"), Some("94590"));
    assert_eq!(wire.param("guid"), None);

    let h = &resp.hubs[&103582791432166170];
    assert_eq!(h.appid, 94590);
    assert_eq!(h.headline.as_deref(), Some("Puzzle Agent 2 is out now!"));
    assert_eq!(h.language.as_deref(), Some("en"));
    assert_eq!(h.loc_country_code, None);
    assert_eq!(h.member_count, 1520);
    assert_eq!(
        h.avatar.gamelogo,
        Maybe::Value("http://cdn.steampowered.com/v/gfx/apps/94590/capsule_184x69.jpg".into())
    );
    assert_eq!(
        h.avatar.gamebanner,
        Maybe::Value("http://cdn.steampowered.com/v/gfx/apps/94590/header.jpg".into())
    );
    assert_eq!(
        h.associated_games,
        vec![hub::HubAssociatedGame {
            appid: 94590,
            name: "Puzzle Agent 2".into()
        }]
    );
    assert_eq!(h.websites, vec![]);
}

/// The spec example with `gamelogo` left out and `gamebanner` null: Absent and
/// Null stay apart.
#[tokio::test]
async fn isteam_hub_get_summaries_absent_differs_from_null() {
    let call = SpecCall::new("ISteamHub/GetSummaries/v1", "game-hub-puzzle-agent-2");
    let mut body = call.response().clone();
    let avatar = body
        .pointer_mut("/response/hubs/103582791432166170/avatar")
        .and_then(Value::as_object_mut)
        .unwrap();
    avatar.remove("gamelogo");
    avatar.insert("gamebanner".into(), Value::Null);
    let lb = Loopback::serve_with(&call, ResponseTemplate::new(200).set_body_json(&body)).await;
    let req = hub::GetSummariesRequest::new().appid(vec![94590]);
    let (result, _) = call_on(&lb, &call, async |c| {
        c.isteam_hub().get_summaries(&req).await
    })
    .await;
    let resp = result.unwrap();
    let avatar = &resp.hubs[&103582791432166170].avatar;
    assert_eq!(avatar.gamelogo, Maybe::Absent);
    assert_eq!(avatar.gamebanner, Maybe::Null);
}

#[tokio::test]
async fn isteam_hub_get_announcements() {
    let call = SpecCall::new("ISteamHub/GetAnnouncements/v1", "game-hub-puzzle-agent-2");
    let req = hub::GetAnnouncementsRequest::new().appid(94590);
    let (resp, wire) = call_example(&call, async |c| {
        c.isteam_hub().get_announcements(&req).await
    })
    .await;
    assert_eq!(wire.param("appid"), Some("94590"));

    assert_eq!(resp.success, 1);
    assert_eq!(resp.message, "success");
    assert_eq!(resp.guid, Some(0));
    assert_eq!(resp.appid, Some(94590));
    assert_eq!(
        resp.announcements,
        vec![
            hub::HubAnnouncement {
                gid: 1406463823132647708,
                title: "Puzzle Agent 2 Released!".into(),
                url: "http://steamcommunity.com/games/PuzzleAgent2/announcements/detail/1406463823132647708".into(),
                author: SteamId(76561197985607672),
                contents: spec_str(&call, "/response/announcements/0/contents"),
                datetime: 1309562100,
                comments: 0,
            },
            hub::HubAnnouncement {
                gid: 1406463176487492407,
                title: "Graham Annable Answers Your Questions: Parts 4 & 5".into(),
                url: "http://steamcommunity.com/games/PuzzleAgent2/announcements/detail/1406463176487492407".into(),
                author: SteamId(76561197985607672),
                contents: spec_str(&call, "/response/announcements/1/contents"),
                datetime: 1309313280,
                comments: 0,
            },
        ]
    );
    assert!(
        resp.announcements[0]
            .contents
            .starts_with("You can now return")
    );
}

#[tokio::test]
async fn isteam_hub_get_events() {
    let call = SpecCall::new("ISteamHub/GetEvents/v1", "community-hub-seg-test-group");
    let req = hub::GetEventsRequest::new().guid(4178173);
    let (resp, wire) = call_example(&call, async |c| c.isteam_hub().get_events(&req).await).await;
    assert_eq!(wire.param("guid"), Some("4178173"));

    assert_eq!(resp.success, 1);
    assert_eq!(resp.guid, Some(4178173));
    assert_eq!(resp.appid, Some(0));
    assert_eq!(
        resp.events,
        vec![hub::HubEvent {
            gid: 1622697970587791993,
            title: "Puzzle Agent 2 Test Event".into(),
            url: "http://steamcommunity.com/groups/SegTestGroup/events/1801716056505964159".into(),
            eventtime: 1368230400,
            eventtype: HubEventType::OtherEvent,
            eventappid: Some(94590),
            eventip: Some("1.1.1.1:10".into()),
            eventpassword: Some("password".into()),
            eventurl: Some("steam://connect/1.1.1.1:10".into()),
            author: SteamId(76561197983121111),
            contents: spec_str(&call, "/response/events/0/contents"),
            createdtime: 1309562100,
            comments: 0,
        }]
    );
}

#[tokio::test]
async fn isteam_hub_get_status() {
    let call = SpecCall::new("ISteamHub/GetStatus/v1", "community-hub-seg-test-group");
    let req = hub::GetStatusRequest::new().guid(4178173);
    let (resp, wire) = call_example(&call, async |c| c.isteam_hub().get_status(&req).await).await;
    assert_eq!(wire.param("guid"), Some("4178173"));

    assert_eq!(resp.success, 1);
    assert_eq!(resp.message, "success");
    assert_eq!(resp.guid, Some(4178173));
    assert_eq!(resp.appid, Some(0));
    assert_eq!(
        resp.status,
        hub::HubStatus {
            member_count: 0,
            members_in_chat: 0,
            members_in_game: 0,
            members_online: 0,
            playerofweek: SteamId(1),
        }
    );
}

#[tokio::test]
async fn isteam_hub_get_members() {
    let call = SpecCall::new("ISteamHub/GetMembers/v1", "community-hub-seg-test-group");
    let req = hub::GetMembersRequest::new().guid(4178173);
    let (resp, _) = call_example(&call, async |c| c.isteam_hub().get_members(&req).await).await;
    assert_eq!(resp.guid, Some(4178173));
    assert_eq!(
        resp.members,
        vec![
            hub::HubMember {
                steamid: SteamId(1622697970587791993),
                role: HubMemberRole::Owner,
            },
            hub::HubMember {
                steamid: SteamId(1622697970587791993),
                role: HubMemberRole::Public,
            },
        ]
    );
}

#[tokio::test]
async fn isteam_hub_get_permissions() {
    let call = SpecCall::new(
        "ISteamHub/GetPermissions/v1",
        "community-hub-seg-test-group",
    );
    let req = hub::GetPermissionsRequest::new().guid(4178173);
    let (resp, _) = call_example(&call, async |c| c.isteam_hub().get_permissions(&req).await).await;
    assert_eq!(resp.success, 1);
    assert_eq!(resp.guid, Some(4178173));
    let p = HubMemberRole::Public;
    assert_eq!(
        resp.permissions,
        hub::HubPermissions {
            inviteonly: 0,
            can_edit_props: p.clone(),
            can_make_officer: p.clone(),
            can_schedule: p.clone(),
            can_announce: p.clone(),
            can_po_tw: p.clone(),
            can_invite: p.clone(),
            can_kick_members: p.clone(),
            can_chat_access: p.clone(),
            can_chat_kick: p.clone(),
            can_chat_ban: p.clone(),
            can_chat_invite: p.clone(),
            can_post_comments: p.clone(),
            can_delete_comments: p,
        }
    );
}

#[tokio::test]
async fn isteam_hub_success_42_is_no_match() {
    let call = SpecCall::new("ISteamHub/ResolveVanityURL/v1", "community-hub-ablegamers");
    let req = hub::ResolveVanityURLRequest::new("ablegamers".into());
    // The server's message, or without one the code's name from the spec.
    for (body, expected) in [
        (
            json!({"response": {"success": 42, "message": "No match found"}}),
            "No match found",
        ),
        (json!({"response": {"success": 42}}), "no_match"),
    ] {
        let lb = Loopback::serve_with(&call, ResponseTemplate::new(200).set_body_json(&body)).await;
        let (result, _) = call_on(&lb, &call, async |c| {
            c.isteam_hub().resolve_vanity_url(&req).await
        })
        .await;
        match result.unwrap_err() {
            Error::NoMatch { message } => assert_eq!(message, expected, "{body}"),
            other => panic!("{body}: expected Error::NoMatch, got {other:?}"),
        }
    }
}

// ---- backpack.tf Notifications (token in the query, REST verbs) ---------------

#[tokio::test]
async fn notifications_search() {
    let call = SpecCall::new("Notifications/SearchNotifications/v1", "docs-filter-4");
    let req = bp::SearchNotificationsRequest::new().filter(NotificationFilter::Subscriptions);
    let (resp, wire) = call_example(&call, async |c| {
        c.notifications().search_notifications(&req).await
    })
    .await;
    assert_eq!(wire.path, "/api/notifications/search/v1");
    assert_eq!(
        wire.query,
        vec![
            ("filter".into(), "4".into()),
            ("token".into(), TOKEN.into())
        ]
    );
    assert_eq!(wire.param("key"), None, "no Steam key to backpack.tf");
    assert_eq!(wire.param("format"), None);

    assert_eq!(resp.folder_count, 16);
    assert_eq!(resp.page_size, 60);
    assert_eq!(resp.skip, 0);
    assert_eq!(resp.notifications.len(), 4);
    let cares = Some(NotificationSender {
        steamid: SteamId(76561198070299574),
        name: "cares".into(),
    });
    let n = &resp.notifications[0];
    assert_eq!(n.id, "58dfdee838a32f009d454ed8");
    assert_eq!(n.sent, 1491066600);
    assert_eq!(n.r#type, NotificationType::WatchedListing);
    assert_eq!(n.from, cares);
    assert_eq!(
        n.url.as_deref(),
        Some(
            "/classifieds?item=Unlocked+Winter+2016+Cosmetic+Case&quality=6&tradable=1&craftable=-1&australium=-1"
        )
    );
    assert_eq!(n.detail, None);
    assert_eq!(
        n.data.as_ref(),
        call.response().pointer("/notifications/0/data")
    );
    assert_eq!(
        n.data
            .as_ref()
            .unwrap()
            .pointer("/listing/item/original_id"),
        Some(&json!(5586772279u64))
    );
    assert_eq!(n.unread, None);
    let ids: Vec<&str> = resp.notifications.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "58dfdee838a32f009d454ed8",
            "58dfdd4238a32f00927ef259",
            "58dfdd3e38a32f00927ef257",
            "58dfdbb238a32f009939ac14"
        ]
    );
    for n in &resp.notifications[1..] {
        assert_eq!(n.r#type, NotificationType::WatchedListing);
        assert_eq!(n.from, cares);
        assert_eq!(n.url, None);
        assert_eq!(n.data, Some(json!({"listing": {"deleted": 1}})));
    }
}

#[tokio::test]
async fn notifications_empty_folder() {
    let call = SpecCall::new("Notifications/EmptyFolder/v1", "archived");
    let req = bp::EmptyFolderRequest::new(NotificationFolder::Archived);
    let (resp, wire) =
        call_example(&call, async |c| c.notifications().empty_folder(&req).await).await;
    assert_eq!(wire.method, "DELETE");
    assert_eq!(wire.param("folder"), Some("1"));
    assert_eq!(resp, bp::EmptyFolderResponse { modified: 16 });
}

#[tokio::test]
async fn notifications_mark_folder_read() {
    let call = SpecCall::new("Notifications/MarkFolderRead/v1", "inbox");
    let req = bp::MarkFolderReadRequest::new(NotificationFolder::Inbox);
    let (resp, wire) = call_example(&call, async |c| {
        c.notifications().mark_folder_read(&req).await
    })
    .await;
    assert_eq!(wire.method, "PATCH");
    assert!(
        wire.body.is_empty(),
        "backpack.tf inputs are query parameters"
    );
    assert_eq!(wire.param("folder"), Some("0"));
    assert_eq!(resp, bp::MarkFolderReadResponse { modified: 4 });
}

#[tokio::test]
async fn notifications_delete_notifications() {
    let call = SpecCall::new("Notifications/DeleteNotifications/v1", "two-ids");
    let req = bp::DeleteNotificationsRequest::new(vec![
        "58dfdd4238a32f00927ef259".into(),
        "58dfdd3e38a32f00927ef257".into(),
    ]);
    let (resp, wire) = call_example(&call, async |c| {
        c.notifications().delete_notifications(&req).await
    })
    .await;
    assert_eq!(wire.method, "DELETE");
    assert_eq!(
        wire.param("ids"),
        Some("58dfdd4238a32f00927ef259,58dfdd3e38a32f00927ef257"),
        "a comma list"
    );
    assert_eq!(resp, bp::DeleteNotificationsResponse { modified: 2 });
}

#[tokio::test]
async fn notifications_non_2xx_message_is_api_error() {
    let call = SpecCall::new("Notifications/SearchNotifications/v1", "docs-filter-4");
    let lb = Loopback::serve_with(
        &call,
        ResponseTemplate::new(401).set_body_json(json!({"message": "Invalid or expired token"})),
    )
    .await;
    let req = bp::SearchNotificationsRequest::new().filter(NotificationFilter::Subscriptions);
    let (result, _) = call_on(&lb, &call, async |c| {
        c.notifications().search_notifications(&req).await
    })
    .await;
    let err = result.unwrap_err();
    match &err {
        Error::Api {
            code,
            message,
            status,
        } => {
            assert_eq!(*code, None);
            assert_eq!(message, "Invalid or expired token");
            assert_eq!(*status, 401);
        }
        other => panic!("expected Error::Api, got {other:?}"),
    }
    assert_eq!(err.status(), Some(401));
    assert!(!err.to_string().contains(TOKEN));
}

// ---- invalid requests: Error::Invalid, nothing sent ---------------------------

#[tokio::test]
async fn invalid_101_steamids_is_not_sent() {
    let ids: Vec<SteamId> = (0..101).map(|i| SteamId(76561197960265728 + i)).collect();
    let req = user::GetPlayerSummariesRequest::new(ids);
    let err = refused(async |c| c.isteam_user().get_player_summaries(&req).await).await;
    assert_invalid(err, &[("steamids", "items")]);
}

#[tokio::test]
async fn invalid_localized_text_tokens_are_all_listed() {
    let mut users = docs_users();
    users[0].title.token = "TitleToken".into();
    users[1].message = Some(text("StatusMessageToken", &[]));
    let req = gns::CreateSessionRequest::new(480, 31415926, text("MyToken", &[]), users);
    let err = refused(async |c| c.igame_notifications_service().create_session(&req).await).await;
    assert_invalid(
        err,
        &[
            ("title.token", "pattern"),
            ("users[0].title.token", "pattern"),
            ("users[1].message.token", "pattern"),
        ],
    );

    // The same inside UpdateSession's optional title and users.
    let mut users = docs_users();
    users[1].title = text("#", &[]);
    let req = gns::UpdateSessionRequest::new(1234, 480)
        .title(text("", &[]))
        .users(users);
    let err = refused(async |c| c.igame_notifications_service().update_session(&req).await).await;
    assert_invalid(
        err,
        &[
            ("title.token", "pattern"),
            ("users[1].title.token", "pattern"),
        ],
    );
}

#[tokio::test]
async fn invalid_201_notification_ids_is_not_sent() {
    let ids: Vec<String> = (0..201).map(|i| format!("{i:024x}")).collect();
    let req = bp::DeleteNotificationsRequest::new(ids);
    let err = refused(async |c| c.notifications().delete_notifications(&req).await).await;
    assert_invalid(err, &[("ids", "items")]);

    // The ids are joined with ',': an empty one, or one with a comma, would change the list.
    let req = bp::DeleteNotificationsRequest::new(vec!["".into(), "a,b".into(), "ok".into()]);
    let err = refused(async |c| c.notifications().delete_notifications(&req).await).await;
    assert_invalid(err, &[("ids[0]", "pattern"), ("ids[1]", "pattern")]);
}

#[tokio::test]
async fn invalid_hub_rule_and_language_are_both_listed() {
    // Neither guid nor appid, and a language that is not ISO 639-1.
    let req = hub::GetEventsRequest::new().language("english".into());
    let err = refused(async |c| c.isteam_hub().get_events(&req).await).await;
    let Error::Invalid(errors) = &err else {
        panic!("expected Error::Invalid, got {err:?}");
    };
    let mut got: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    got.sort_unstable();
    assert_eq!(got, [("", "at_least_one_of"), ("language", "pattern")]);

    // An empty list would write no pair at all: refused, not sent as "neither".
    let req = hub::GetSummariesRequest::new().guid(vec![]);
    let err = refused(async |c| c.isteam_hub().get_summaries(&req).await).await;
    assert_invalid(err, &[("guid", "items")]);

    let req = gns::DeleteSessionBatchRequest::new(vec![], 480);
    let err = refused(async |c| {
        c.igame_notifications_service()
            .delete_session_batch(&req)
            .await
    })
    .await;
    assert_invalid(err, &[("sessionid", "items")]);
}

// ---- the blocking client, from a std thread -----------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_client_calls_from_a_std_thread() {
    let calls = [
        SpecCall::new("ISteamUser/GetFriendList/v1", "one-friend"),
        SpecCall::new("IPlayerService/GetOwnedGames/v1", "appinfo-own-account"),
        SpecCall::new("IGameNotificationsService/CreateSession/v1", "docs"),
        SpecCall::new("ISteamHub/ResolveAppID/v1", "official-game-hub-only"),
        SpecCall::new("Notifications/EmptyFolder/v1", "archived"),
    ];
    let mut servers = Vec::new();
    for call in &calls {
        servers.push(Loopback::serve(call).await);
    }
    let invalid = Loopback::start().await;
    invalid.expect_no_request().await;
    let uris: Vec<String> = servers.iter().map(Loopback::uri).collect();
    let invalid_uri = invalid.uri();

    // The blocking client is built, used and dropped on a plain thread.
    let thread = std::thread::spawn(move || {
        let client = |i: usize| Loopback::blocking_client(&uris[i]);
        let friends = client(0)
            .isteam_user()
            .get_friend_list(
                &user::GetFriendListRequest::new(SteamId(76561197960435530))
                    .relationship(FriendFilter::Friend),
            )
            .unwrap();
        let owned = client(1)
            .iplayer_service()
            .get_owned_games(
                &ps::GetOwnedGamesRequest::new(SteamId(76561197960435530))
                    .include_appinfo(true)
                    .include_played_free_games(true)
                    .appids_filter(vec![440, 620]),
            )
            .unwrap();
        let created = client(2)
            .igame_notifications_service()
            .create_session(&gns::CreateSessionRequest::new(
                480,
                31415926,
                text("#MyToken", &[("username", "SteamUser")]),
                vec![docs_users().remove(0)],
            ))
            .unwrap();
        let hubs = client(3)
            .isteam_hub()
            .resolve_app_id(&hub::ResolveAppIDRequest::new(94590).official_only(true))
            .unwrap();
        let emptied = client(4)
            .notifications()
            .empty_folder(&bp::EmptyFolderRequest::new(NotificationFolder::Archived))
            .unwrap();
        let too_many: Vec<SteamId> = (0..101).map(SteamId).collect();
        let invalid = Loopback::blocking_client(&invalid_uri)
            .isteam_user()
            .get_player_summaries(&user::GetPlayerSummariesRequest::new(too_many))
            .unwrap_err();
        (friends, owned, created, hubs, emptied, invalid)
    });
    let (friends, owned, created, hubs, emptied, invalid_err) =
        tokio::task::spawn_blocking(move || thread.join().expect("the blocking thread panicked"))
            .await
            .unwrap();

    for (lb, call) in servers.iter().zip(&calls) {
        lb.single_request().await.assert_call(call);
    }

    assert_eq!(friends.friends.len(), 1);
    assert_eq!(friends.friends[0].steamid, SteamId(76561197960265731));
    assert_eq!(friends.friends[0].relationship, FriendRelationship::Friend);
    assert_eq!(friends.friends[0].friend_since, 0);
    assert_eq!(owned.game_count, Some(2));
    let games = owned.games.unwrap();
    assert_eq!(games[0].appid, 440);
    assert_eq!(games[0].content_descriptorids, Some(vec![2, 5]));
    assert_eq!(games[1].playtime_2weeks, None);
    assert_eq!(created.sessionid, 10);
    assert_eq!(hubs.hubs.len(), 1);
    assert_eq!(hubs.hubs[0].guid, 103582791432166170);
    assert!(hubs.hubs[0].official);
    assert_eq!(emptied.modified, 16);
    assert_invalid(invalid_err, &[("steamids", "items")]);
    assert!(invalid.requests().await.is_empty());
}

// ---- README -------------------------------------------------------------------

/// The README's Rust blocks are the doc of this crate's lib
/// (`#![doc = include_str!("../../README.md")]`), so `cargo test --doc -p
/// steamspec-tests` compiles them against the real generated API. This test
/// keeps that wiring in place: the include is there, every fenced block is
/// tagged, and only the build-script snippet (which needs `OUT_DIR`) is
/// `rust,ignore`.
#[test]
fn readme_examples_compile() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let lib = std::fs::read_to_string(format!("{root}/tests/src/lib.rs")).unwrap();
    assert!(
        lib.starts_with("#![doc = include_str!(\"../../README.md\")]"),
        "tests/src/lib.rs must include the README as its doc"
    );
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in readme.lines() {
        match (line.trim_start().strip_prefix("```"), &mut open) {
            (Some(_), Some(_)) => blocks.push(open.take().unwrap()),
            (Some(tag), None) => open = Some((tag.trim().to_owned(), String::new())),
            (None, Some((_, body))) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "unclosed code block in README.md");
    for (tag, body) in &blocks {
        assert!(
            !tag.is_empty(),
            "untagged block (rustdoc compiles it as Rust):\n{body}"
        );
        if tag.starts_with("rust") && tag.contains("ignore") {
            assert!(
                body.contains("build.rs") && body.contains("OUT_DIR"),
                "only the build-script snippet may be ignored:\n{body}"
            );
        }
    }
    let compiled: Vec<&String> = blocks
        .iter()
        .filter(|(tag, _)| tag == "rust")
        .map(|(_, body)| body)
        .collect();
    // The two "Calling Steam" examples must stay compiled (neither ignored nor missing).
    for needle in [
        ".isteam_user().get_player_summaries(&request)",
        "CreateSessionRequest::new(480, 31415926,",
    ] {
        assert!(
            compiled.iter().any(|b| b.contains(needle)),
            "no compiled README example contains {needle:?}"
        );
    }
}
