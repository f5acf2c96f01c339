//! backpack.tf Notifications (the token in the query, REST verbs).

use serde_json::json;
use steam_webapi::notifications::{
    NotificationFilter, NotificationFolder, NotificationSender, NotificationType,
};
use steam_webapi::{Error, SteamId, notifications as bp};
use steamspec_tests::loopback::Loopback;
use steamspec_tests::spec_example::{SpecCall, TOKEN};
use wiremock::ResponseTemplate;

use crate::helpers::{call_example, call_on};

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
