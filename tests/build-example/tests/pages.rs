//! Cursor paging from the spec (codegen/tests/valid-specs/cursor-and-offset-pages), on a loopback
//! server: the generated `..._paged` streams fetch page after page lazily, feed each answer's
//! cursor into the next call, stop where the answer says (Steam drops `have_more_results` and
//! `last_appid` on the last page), and end with an error when a page fails.

use futures_util::StreamExt;
use serde_json::{Value, json};
use steam_webapi::{Client, Error, ProviderId, RetryPolicy};
use steamspec_build_example::tricky::pages::istore_service::{
    GetAppListRequest, GetReviewsRequest, GetTagsRequest, IStoreService,
};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A parameter of the request: IStoreService is a Service interface, so they travel in
/// `input_json`.
fn param(req: &Request, name: &str) -> Option<String> {
    let (_, json) = req.url.query_pairs().find(|(k, _)| k == "input_json")?;
    let input: Value = serde_json::from_str(&json).ok()?;
    input.get(name).map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

async fn server(
    answer: impl Fn(&Request) -> ResponseTemplate + Send + Sync + 'static,
) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(answer)
        .mount(&server)
        .await;
    server
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "response": body }))
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .api_key("pages-key")
        .base_url(ProviderId::Steam, &server.uri())
        .allow_http(true)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn apps(ids: &[u32]) -> Value {
    ids.iter()
        .map(|id| json!({"appid": id, "name": "a"}))
        .collect()
}

/// GetAppList: after 0 (no cursor) apps 1-3, after 3 apps 4-5, after 5 app 6 and nothing
/// more: neither `have_more_results` nor `last_appid`.
fn app_list(req: &Request) -> ResponseTemplate {
    match param(req, "last_appid").as_deref() {
        None => ok(json!({"apps": apps(&[1, 2, 3]), "have_more_results": true, "last_appid": 3})),
        Some("3") => ok(json!({"apps": apps(&[4, 5]), "have_more_results": true, "last_appid": 5})),
        Some("5") => ok(json!({"apps": apps(&[6])})),
        Some(_) => ResponseTemplate::new(500),
    }
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test]
async fn a_cursor_walks_every_page_and_stops_where_steam_drops_have_more_results() {
    let server = server(app_list).await;
    let client = client(&server);
    let store = IStoreService::new(&client);
    let ids: Vec<u32> = store
        .get_app_list_paged(&GetAppListRequest::new().max_results(3))
        .map(|app| app.unwrap().appid)
        .collect()
        .await;
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    assert_eq!(requests(&server).await, 3);
    let sent: Vec<Option<String>> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| param(r, "last_appid"))
        .collect();
    assert_eq!(sent, [None, Some("3".into()), Some("5".into())]);
    for r in server.received_requests().await.unwrap() {
        assert_eq!(param(&r, "max_results").as_deref(), Some("3"));
    }

    // Lazily: four items need two pages, not three.
    let four: Vec<_> = store
        .get_app_list_paged(&GetAppListRequest::new())
        .take(4)
        .collect()
        .await;
    assert_eq!(four.len(), 4);
    assert_eq!(requests(&server).await, 5);
}

#[tokio::test]
async fn a_failed_page_is_the_last_item() {
    let server = server(|req: &Request| match param(req, "last_appid").as_deref() {
        None => ok(json!({"apps": apps(&[1]), "have_more_results": true, "last_appid": 9})),
        _ => ResponseTemplate::new(500),
    })
    .await;
    let client = client(&server);
    let items: Vec<Result<_, Error>> = IStoreService::new(&client)
        .get_app_list_paged(&GetAppListRequest::new())
        .collect()
        .await;
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().appid, 1);
    assert_eq!(items[1].as_ref().unwrap_err().status(), Some(500));
}

#[tokio::test]
async fn a_cursor_that_does_not_move_ends_the_pages() {
    let server = server(|_: &Request| {
        ok(json!({"apps": apps(&[7]), "have_more_results": true, "last_appid": 7}))
    })
    .await;
    let client = client(&server);
    let items: Vec<_> = IStoreService::new(&client)
        .get_app_list_paged(&GetAppListRequest::new())
        .collect()
        .await;
    // The first page moves the cursor to 7; the second answers 7 again.
    assert_eq!(items.len(), 2);
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test]
async fn a_required_cursor_without_more_stops_when_next_is_missing() {
    let server = server(|req: &Request| match param(req, "cursor").as_deref() {
        Some("*") => ok(json!({"tags": ["a", "b"], "next_cursor": "x"})),
        Some("x") => ok(json!({"tags": ["c"], "next_cursor": "y"})),
        Some("y") => ok(json!({"tags": []})),
        _ => ResponseTemplate::new(500),
    })
    .await;
    let client = client(&server);
    let tags: Vec<String> = IStoreService::new(&client)
        .get_tags_paged(&GetTagsRequest::new("*".into()))
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(tags, ["a", "b", "c"]);
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn an_offset_moves_past_the_items_and_a_short_page_is_the_last() {
    let reviews = ["r0", "r1", "r2", "r3", "r4"];
    let server = server(move |req: &Request| {
        let offset: usize = param(req, "offset").unwrap().parse().unwrap();
        let size: usize = param(req, "per_page").unwrap().parse().unwrap();
        let page: Vec<&str> = reviews.iter().skip(offset).take(size).copied().collect();
        ok(json!({ "reviews": page }))
    })
    .await;
    let client = client(&server);
    let all: Vec<String> = IStoreService::new(&client)
        .get_reviews_paged(&GetReviewsRequest::new(440, 0, 2))
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(all, reviews);
    // Pages of 2, 2 and 1: the short one is the last.
    assert_eq!(requests(&server).await, 3);
}
