//! Count/offset paging from the spec (ISteamHub's `count`/`skip`): the generated `..._paged`
//! methods read every page lazily, moving `skip` past the items read, stopping at a page
//! shorter than `count`, and taking ISteamHub's "no match" past the end as the end. Async
//! (a `Stream`) and blocking (an `Iterator`), on loopback. Cursor paging is tested from a spec
//! of its own in tests/build-example/tests/pages.rs.

use futures_util::StreamExt;
use serde_json::{Value, json};
use steam_webapi::isteam_hub::GetAnnouncementsRequest;
use steam_webapi::{Error, RetryPolicy};
use steamspec_tests::clients::steam_builder;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const TOTAL: usize = 5;

fn announcement(i: usize) -> Value {
    json!({"gid": i.to_string(), "title": "t", "url": "u", "author": "76561197985607672",
           "contents": "c", "datetime": 1309562100, "comments": 0})
}

fn number(req: &Request, name: &str) -> Option<usize> {
    req.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.parse().unwrap())
}

/// Five announcements, `count` at a time from `skip`; past the end ISteamHub's "no match".
fn announcements(req: &Request) -> ResponseTemplate {
    let skip = number(req, "skip").unwrap_or(0);
    let count = number(req, "count").unwrap_or(3);
    if skip >= TOTAL {
        return ResponseTemplate::new(200)
            .set_body_json(json!({"response": {"success": 42, "message": "No match"}}));
    }
    let page: Vec<Value> = (skip..TOTAL).take(count).map(announcement).collect();
    ResponseTemplate::new(200).set_body_json(
        json!({"response": {"success": 1, "message": "success", "announcements": page}}),
    )
}

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(announcements)
        .mount(&server)
        .await;
    server
}

/// `(skip, count)` of every request, in order.
async fn asked(server: &MockServer) -> Vec<(Option<usize>, Option<usize>)> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| (number(r, "skip"), number(r, "count")))
        .collect()
}

fn gids(items: Vec<Result<steam_webapi::isteam_hub::HubAnnouncement, Error>>) -> Vec<u64> {
    items.into_iter().map(|a| a.unwrap().gid).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skip_moves_past_the_items_until_a_short_page() {
    let server = server().await;
    let client = steam_builder::<steam_webapi::Client>("PAGESKEY", &server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let hub = client.isteam_hub();
    let request = GetAnnouncementsRequest::new().appid(440).count(2);
    let items: Vec<_> = hub.get_announcements_paged(&request).collect().await;
    assert_eq!(gids(items), [0, 1, 2, 3, 4]);
    assert_eq!(
        asked(&server).await,
        [(None, Some(2)), (Some(2), Some(2)), (Some(4), Some(2))]
    );

    // No count: the server's page size (3) is asked for from then on (ISteamHub takes skip
    // only with count); the short second page is the last.
    server.reset().await;
    Mock::given(any())
        .respond_with(announcements)
        .mount(&server)
        .await;
    let request = GetAnnouncementsRequest::new().appid(440);
    let items: Vec<_> = hub.get_announcements_paged(&request).collect().await;
    assert_eq!(gids(items), [0, 1, 2, 3, 4]);
    assert_eq!(asked(&server).await, [(None, None), (Some(3), Some(3))]);

    // A full last page: the skip past the end answers "no match", the end, not an error.
    server.reset().await;
    Mock::given(any())
        .respond_with(announcements)
        .mount(&server)
        .await;
    let full = GetAnnouncementsRequest::new().appid(440).count(5);
    let items: Vec<_> = hub.get_announcements_paged(&full).collect().await;
    assert_eq!(gids(items), [0, 1, 2, 3, 4]);
    assert_eq!(asked(&server).await, [(None, Some(5)), (Some(5), Some(5))]);

    // Read lazily: the first item needs one page.
    server.reset().await;
    Mock::given(any())
        .respond_with(announcements)
        .mount(&server)
        .await;
    let first: Vec<_> = hub
        .get_announcements_paged(&request)
        .take(1)
        .collect()
        .await;
    assert_eq!(gids(first), [0]);
    assert_eq!(asked(&server).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_page_with_no_match_is_an_error_and_the_blocking_iterator_pages_too() {
    let server = server().await;
    let uri = server.uri();
    let (all, none) = tokio::task::spawn_blocking(move || {
        let client: steam_webapi::blocking::Client = steam_builder("PAGESKEY", &uri)
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        let hub = client.isteam_hub();
        let all: Vec<_> = hub
            .get_announcements_paged(&GetAnnouncementsRequest::new().appid(440).count(2))
            .collect();
        // Skipping past the end from the start: "no match" is the call's answer.
        let none: Vec<_> = hub
            .get_announcements_paged(&GetAnnouncementsRequest::new().appid(440).skip(9).count(2))
            .collect();
        (all, none)
    })
    .await
    .unwrap();
    assert_eq!(gids(all), [0, 1, 2, 3, 4]);
    assert_eq!(none.len(), 1);
    assert!(matches!(none[0], Err(Error::NoMatch { .. })), "{none:?}");
}
