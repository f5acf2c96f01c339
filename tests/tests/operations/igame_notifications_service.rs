//! IGameNotificationsService (publisher, Service interface).

use serde_json::json;
use steam_webapi::igame_notifications_service::{SessionRequest, UserState, Variable};
use steam_webapi::{SteamId, igame_notifications_service as gns};
use steamspec_tests::spec_example::{KEY, SpecCall};

use crate::helpers::{call_example, docs_session, docs_users, text};

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
