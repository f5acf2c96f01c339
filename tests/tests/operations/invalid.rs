//! Invalid requests: `Error::Invalid`, nothing sent.

use steam_webapi::{
    Error, SteamId, igame_notifications_service as gns, isteam_hub as hub, isteam_user as user,
    notifications as bp,
};

use crate::helpers::{assert_invalid, docs_users, refused, text};

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

#[tokio::test]
async fn invalid_hub_skip_without_count_is_not_sent() {
    // The docs: skip is "used in conjunction with count", in all three methods that take it.
    let req = hub::ResolveAppIDRequest::new(94590).skip(10);
    let err = refused(async |c| c.isteam_hub().resolve_app_id(&req).await).await;
    assert_invalid(err, &[("count", "required_if")]);
    let req = hub::GetAnnouncementsRequest::new().appid(94590).skip(10);
    let err = refused(async |c| c.isteam_hub().get_announcements(&req).await).await;
    assert_invalid(err, &[("count", "required_if")]);
    let req = hub::GetEventsRequest::new().appid(94590).skip(10);
    let err = refused(async |c| c.isteam_hub().get_events(&req).await).await;
    assert_invalid(err, &[("count", "required_if")]);
}
