//! Batches (`batch:` in the spec): the generated `..._all` methods cut any
//! number of items into calls within the operation's limit, run at most
//! `batch_concurrency` at once, merge the answers in the order of the items,
//! and fail with `Error::Batch` naming the failed call; a DELETE batch is
//! never retried. Async and blocking, on loopback servers that count.

use std::time::{Duration, Instant};

use serde_json::json;
use steam_webapi::isteam_user::GetPlayerSummariesRequest;
use steam_webapi::notifications::DeleteNotificationsRequest;
use steam_webapi::{Client, Error, RetryPolicy, SteamId};
use steamspec_tests::clients::{both_providers_builder, steam_builder};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const FIRST_ID: u64 = 76561197960265728;

fn ids(n: u64) -> Vec<SteamId> {
    (0..n).map(|i| SteamId(FIRST_ID + i)).collect()
}

/// The request's list parameter, split on commas.
fn listed(req: &Request, name: &str) -> Vec<String> {
    req.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.split(',').map(str::to_owned).collect())
        .unwrap_or_default()
}

/// A player for each requested id. Later calls (higher ids) answer sooner, so that answers
/// arrive out of order; a call holding `fail_at` answers 500.
fn players(req: &Request, fail_at: Option<u64>, delay: Duration) -> ResponseTemplate {
    let ids = listed(req, "steamids");
    if fail_at.is_some_and(|f| ids.contains(&(FIRST_ID + f).to_string())) {
        return ResponseTemplate::new(500);
    }
    let first: u64 = ids[0].parse().unwrap();
    let later = Duration::from_millis(((first - FIRST_ID) / 100).min(4) * 20);
    let players: Vec<_> = ids
        .iter()
        .map(|id| {
            json!({"steamid": id, "personaname": "p", "profileurl": "u", "avatar": "a",
                   "avatarmedium": "a", "avatarfull": "a", "personastate": 0,
                   "communityvisibilitystate": 3})
        })
        .collect();
    ResponseTemplate::new(200)
        .set_body_json(json!({"response": {"players": players}}))
        .set_delay(delay.saturating_sub(later))
}

async fn player_server(fail_at: Option<u64>, delay: Duration) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(move |req: &Request| players(req, fail_at, delay))
        .mount(&server)
        .await;
    server
}

fn client(uri: &str, concurrency: usize) -> Client {
    steam_builder("BATCHKEY", uri)
        .retry(RetryPolicy::none())
        .batch_concurrency(concurrency)
        .build()
        .unwrap()
}

async fn sent_lists(server: &MockServer, name: &str) -> Vec<Vec<String>> {
    let mut lists: Vec<Vec<String>> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| listed(r, name))
        .collect();
    lists.sort_by_key(|l| l[0].clone());
    lists
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_number_of_ids_is_cut_into_calls_and_merged_in_order() {
    let server = player_server(None, Duration::from_millis(100)).await;
    let client = client(&server.uri(), 4);
    let request = GetPlayerSummariesRequest::new(ids(250));
    let answer = client
        .isteam_user()
        .get_player_summaries_all(&request)
        .await
        .unwrap();
    let got: Vec<SteamId> = answer.players.iter().map(|p| p.steamid).collect();
    assert_eq!(got, ids(250));
    let sizes: Vec<usize> = sent_lists(&server, "steamids")
        .await
        .iter()
        .map(Vec::len)
        .collect();
    assert_eq!(sizes, [100, 100, 50]);

    // Within the limit: one call, as the plain method makes.
    let one = client
        .isteam_user()
        .get_player_summaries_all(&GetPlayerSummariesRequest::new(ids(100)))
        .await
        .unwrap();
    assert_eq!(one.players.len(), 100);
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
    // No items: the operation's own validation refuses it, nothing sent.
    let err = client
        .isteam_user()
        .get_player_summaries_all(&GetPlayerSummariesRequest::new(vec![]))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_more_calls_than_the_concurrency_are_in_flight() {
    // Five calls of about 150 ms, two at a time: three rounds.
    let server = player_server(None, Duration::from_millis(230)).await;
    let client = client(&server.uri(), 2);
    let started = Instant::now();
    let answer = client
        .isteam_user()
        .get_player_summaries_all(&GetPlayerSummariesRequest::new(ids(500)))
        .await
        .unwrap();
    let took = started.elapsed();
    assert_eq!(answer.players.len(), 500);
    assert!(took >= Duration::from_millis(400), "{took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_call_fails_the_batch_and_says_which() {
    // Id 150 is in the second call (items 100..200).
    let server = player_server(Some(150), Duration::ZERO).await;
    let client = client(&server.uri(), 1);
    let err = client
        .isteam_user()
        .get_player_summaries_all(&GetPlayerSummariesRequest::new(ids(250)))
        .await
        .unwrap_err();
    match &err {
        Error::Batch {
            call: 1,
            calls: 3,
            items,
            error,
        } => {
            assert_eq!(*items, 100..200);
            assert_eq!(error.status(), Some(500), "{error:?}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(err.status(), Some(500));
    assert!(
        err.to_string()
            .starts_with("batch call 2 of 3 (items 100..200) failed: HTTP 500"),
        "{err}"
    );
    assert!(std::error::Error::source(&err).is_some());
    // One at a time: the third call was never made.
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

/// backpack.tf's DeleteNotifications: 450 ids in calls of 200, `modified` added up; a DELETE
/// that fails is not retried (one request), whatever the retry policy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delete_batch_sums_the_counts_and_is_never_retried() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(|req: &Request| {
            let ids = listed(req, "ids");
            if ids.contains(&"bad".to_owned()) {
                return ResponseTemplate::new(503);
            }
            ResponseTemplate::new(200).set_body_json(json!({"modified": ids.len()}))
        })
        .mount(&server)
        .await;
    let uri = server.uri();
    let client: Client = both_providers_builder("K", "T", &uri)
        .retry(RetryPolicy {
            base_delay: Duration::from_millis(1),
            ..RetryPolicy::DEFAULT
        })
        .build()
        .unwrap();
    let many: Vec<String> = (0..450).map(|i| format!("n{i}")).collect();
    let answer = client
        .notifications()
        .delete_notifications_all(&DeleteNotificationsRequest::new(many.clone()))
        .await
        .unwrap();
    assert_eq!(answer.modified, 450);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);

    let mut bad = many;
    bad[300] = "bad".to_owned();
    let err = client
        .notifications()
        .delete_notifications_all(&DeleteNotificationsRequest::new(bad))
        .await
        .unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Batch {
                call: 1,
                calls: 3,
                ..
            }
        ),
        "{err:?}"
    );
    let requests = server.received_requests().await.unwrap();
    let bad_calls = requests
        .iter()
        .filter(|r| listed(r, "ids").contains(&"bad".to_owned()))
        .count();
    assert_eq!(bad_calls, 1);
    assert!(requests.iter().all(|r| r.method.as_str() == "DELETE"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_blocking_client_batches_the_same_way() {
    let server = player_server(Some(420), Duration::from_millis(50)).await;
    let uri = server.uri();
    let (ok, err) = tokio::task::spawn_blocking(move || {
        let client: steam_webapi::blocking::Client = steam_builder("BATCHKEY", &uri)
            .retry(RetryPolicy::none())
            .batch_concurrency(3)
            .build()
            .unwrap();
        let users = client.isteam_user();
        (
            users.get_player_summaries_all(&GetPlayerSummariesRequest::new(ids(350))),
            users
                .get_player_summaries_all(&GetPlayerSummariesRequest::new(ids(500)))
                .unwrap_err(),
        )
    })
    .await
    .unwrap();
    let got: Vec<SteamId> = ok.unwrap().players.iter().map(|p| p.steamid).collect();
    assert_eq!(got, ids(350));
    assert!(
        matches!(&err, Error::Batch { call: 4, calls: 5, items, .. } if *items == (400..500)),
        "{err:?}"
    );
}
