//! ISteamHub (the success code in the envelope).

use serde_json::{Value, json};
use steam_webapi::isteam_hub::{HubEventType, HubMemberRole};
use steam_webapi::{Error, Maybe, SteamId, isteam_hub as hub};
use steamspec_tests::loopback::Loopback;
use steamspec_tests::spec_example::SpecCall;
use wiremock::ResponseTemplate;

use crate::helpers::{call_example, call_on, spec_str};

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
