//! ISteamUser.

use steam_webapi::isteam_user::{CommunityVisibilityState, FriendFilter, FriendRelationship};
use steam_webapi::{SteamId, isteam_user as user};
use steamspec_tests::loopback::Loopback;
use steamspec_tests::spec_example::{KEY, SpecCall};

use crate::helpers::call_example;

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
