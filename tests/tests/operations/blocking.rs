//! The blocking client, called from a std thread.

use steam_webapi::isteam_user::{FriendFilter, FriendRelationship};
use steam_webapi::notifications::NotificationFolder;
use steam_webapi::{
    SteamId, igame_notifications_service as gns, iplayer_service as ps, isteam_hub as hub,
    isteam_user as user, notifications as bp,
};
use steamspec_tests::loopback::Loopback;
use steamspec_tests::spec_example::SpecCall;

use crate::helpers::{assert_invalid, docs_users, text};

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
