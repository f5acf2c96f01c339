//! Automatic retries, counted on loopback servers: GETs retry on 429, 5xx,
//! timeouts and broken connections with jittered backoff and `Retry-After`,
//! within `max_retries` and the deadline; POST, PATCH and DELETE never do.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use steam_webapi::igame_notifications_service::{
    CreateSessionRequest, DeleteSessionRequest, LocalizedText, UserState, UserStatus,
};
use steam_webapi::isteam_user::GetPlayerSummariesResponse;
use steam_webapi::notifications::{
    DeleteNotificationsRequest, MarkFolderReadRequest, NotificationFolder,
    SearchNotificationsRequest,
};
use steam_webapi::{Client, Error, Jitter, RetryPolicy, SteamId, TransportKind};
use steamspec::drift::Date;
use steamspec_tests::clients::{both_providers_builder, get_summaries, steam_builder, summaries};
use steamspec_tests::loopback::{refused_base, serve_all};
use support::{Raw, RawServer, fast_retries, http_response};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "retries-key-0123456789";
const TOKEN: &str = "retries-token-9876543210";
const SUMMARIES: &str = "/ISteamUser/GetPlayerSummaries/v2/";

fn ok_body() -> serde_json::Value {
    json!({"response": {"players": [{
        "steamid": "76561197960435530",
        "communityvisibilitystate": 3,
        "profilestate": 1,
        "personaname": "Robin",
        "profileurl": "https://steamcommunity.com/id/robinwalker/",
        "avatar": "a", "avatarmedium": "b", "avatarfull": "c", "avatarhash": "d",
        "personastate": 0
    }]}})
}

fn client(base: &str, policy: RetryPolicy) -> Client {
    support::client(base, KEY, TOKEN, policy)
}

/// GetPlayerSummaries through a client of `base` with `policy`.
async fn send(base: &str, policy: RetryPolicy) -> Result<GetPlayerSummariesResponse, Error> {
    get_summaries(&client(base, policy)).await
}

/// A server answering GetPlayerSummaries with `first` (`times` times), then 200.
async fn flaky(first: ResponseTemplate, times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(SUMMARIES))
        .respond_with(first)
        .up_to_n_times(times)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(SUMMARIES))
        .respond_with(ResponseTemplate::new(200).set_body_json(ok_body()))
        .mount(&server)
        .await;
    server
}

/// A server answering GetPlayerSummaries after 5 s, every time.
async fn slow() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(SUMMARIES))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    server
}

async fn count(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

/// The methods of the requests `server` received, in order.
async fn methods(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.method.to_string())
        .collect()
}

#[test]
fn default_policy_and_none() {
    let p = RetryPolicy::default();
    assert_eq!(p, RetryPolicy::DEFAULT);
    assert_eq!(p.max_retries, 2);
    assert!(p.base_delay <= p.max_delay && p.max_delay < p.deadline);
    assert_eq!(RetryPolicy::none().max_retries, 0);
    // A zero deadline cannot be met: refused when building.
    let err = Client::builder()
        .retry(RetryPolicy {
            deadline: Duration::ZERO,
            ..RetryPolicy::DEFAULT
        })
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
}

#[test]
fn jitter_is_seeded_and_bounded() {
    let policy = RetryPolicy {
        max_retries: 10,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(2),
        deadline: Duration::from_secs(60),
    };
    let run = |seed| {
        let mut jitter = Jitter::new(seed);
        (0..8)
            .map(|n| policy.backoff(n, &mut jitter))
            .collect::<Vec<_>>()
    };
    assert_eq!(run(1), run(1));
    assert_ne!(run(1), run(2));
    for seed in 0..200 {
        for (n, wait) in run(seed).into_iter().enumerate() {
            assert!(wait <= policy.max_backoff(n as u32), "{seed} {n} {wait:?}");
        }
    }
    // Full jitter: waits spread over the whole range, not bunched at the cap.
    let mut jitter = Jitter::new(99);
    let waits: Vec<Duration> = (0..2000).map(|_| policy.backoff(4, &mut jitter)).collect();
    let below_half = waits
        .iter()
        .filter(|w| **w < Duration::from_millis(800))
        .count();
    assert!((800..1200).contains(&below_half), "{below_half}");
}

#[tokio::test]
async fn two_503_then_200_succeeds_on_the_third_request() {
    let server = flaky(ResponseTemplate::new(503).set_body_string("busy"), 2).await;
    let got = send(&server.uri(), fast_retries(2)).await.unwrap();
    assert_eq!(got.players[0].personaname, "Robin");
    assert_eq!(count(&server).await, 3);
}

#[tokio::test]
async fn each_5xx_and_429_is_retried() {
    for status in [500, 502, 503, 504, 429] {
        let server = flaky(ResponseTemplate::new(status), 1).await;
        send(&server.uri(), fast_retries(1))
            .await
            .unwrap_or_else(|e| panic!("{status}: {e:?}"));
        assert_eq!(count(&server).await, 2, "{status}");
    }
}

#[tokio::test]
async fn retries_exhausted_give_the_last_error() {
    let server = MockServer::start().await;
    for (i, text) in ["first", "second", "third", "fourth"].iter().enumerate() {
        Mock::given(path(SUMMARIES))
            .respond_with(ResponseTemplate::new(500 + i as u16).set_body_string(*text))
            .up_to_n_times(1)
            .with_priority(1 + i as u8)
            .mount(&server)
            .await;
    }
    let err = send(&server.uri(), fast_retries(2)).await.unwrap_err();
    assert!(
        matches!(&err, Error::Http { status: 502, excerpt } if excerpt == "third"),
        "{err:?}"
    );
    assert_eq!(count(&server).await, 3);
}

#[tokio::test]
async fn no_retry_policy_sends_once() {
    let server = flaky(ResponseTemplate::new(503), 5).await;
    let err = send(&server.uri(), RetryPolicy::none()).await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(count(&server).await, 1);
}

#[tokio::test]
async fn final_errors_are_not_retried() {
    for response in [
        ResponseTemplate::new(400),
        ResponseTemplate::new(401),
        ResponseTemplate::new(403),
        ResponseTemplate::new(404),
        ResponseTemplate::new(200).set_body_string("<html>not json</html>"),
        ResponseTemplate::new(200).set_body_string(r#"{"response":{"players":[{"#),
    ] {
        let server = flaky(response, 5).await;
        let err = send(&server.uri(), fast_retries(3)).await.unwrap_err();
        assert!(!err.is_retryable(), "{err:?}");
        assert_eq!(count(&server).await, 1, "{err:?}");
    }
}

#[tokio::test]
async fn retry_after_seconds_is_honoured() {
    for secs in [0u64, 1] {
        let server = flaky(
            ResponseTemplate::new(429).insert_header("retry-after", secs.to_string().as_str()),
            1,
        )
        .await;
        let start = Instant::now();
        send(&server.uri(), fast_retries(1)).await.unwrap();
        let took = start.elapsed();
        // The jittered wait is at most 5 ms: only Retry-After explains a second.
        assert!(took >= Duration::from_secs(secs), "{secs}: {took:?}");
        assert!(
            took < Duration::from_secs(secs) + Duration::from_secs(3),
            "{took:?}"
        );
        assert_eq!(count(&server).await, 2);
    }
}

/// A 503 may say when to come back too (RFC 9110); past the cap the call ends with the 503.
#[tokio::test]
async fn retry_after_on_503_is_honoured() {
    let server = flaky(
        ResponseTemplate::new(503).insert_header("retry-after", "1"),
        1,
    )
    .await;
    let start = Instant::now();
    send(&server.uri(), fast_retries(1)).await.unwrap();
    let took = start.elapsed();
    // The jittered wait is at most 5 ms: only Retry-After explains a second.
    assert!(took >= Duration::from_secs(1), "{took:?}");
    assert!(took < Duration::from_secs(4), "{took:?}");
    assert_eq!(count(&server).await, 2);

    let too_long = RetryPolicy::MAX_RETRY_AFTER + Duration::from_secs(1);
    let server = flaky(
        ResponseTemplate::new(503).insert_header("retry-after", too_long.as_secs().to_string()),
        5,
    )
    .await;
    let start = Instant::now();
    let err = send(&server.uri(), fast_retries(3)).await.unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(err.status(), Some(503), "{err:?}");
    assert_eq!(count(&server).await, 1);
}

#[tokio::test]
async fn retry_after_http_date_is_honoured() {
    // Two seconds from now, in whole seconds: a wait of 1–2 s.
    let at = std::time::SystemTime::now() + Duration::from_secs(2);
    let date = httpdate_fmt(at);
    let server = flaky(
        ResponseTemplate::new(429).insert_header("retry-after", date.as_str()),
        1,
    )
    .await;
    let start = Instant::now();
    send(&server.uri(), fast_retries(1)).await.unwrap();
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(900), "{took:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    assert_eq!(count(&server).await, 2);
}

/// RFC 7231 IMF-fixdate, without a dependency (the calendar date is the drift
/// check's own, `steamspec::drift::Date`).
fn httpdate_fmt(t: std::time::SystemTime) -> String {
    let secs = t.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let (days, rem) = (secs / 86400, secs % 86400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let Date { year, month, day } = Date::from_days(days as i64);
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][(days % 7) as usize];
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{weekday}, {day:02} {} {year} {h:02}:{m:02}:{s:02} GMT",
        months[usize::from(month) - 1]
    )
}

#[tokio::test]
async fn retry_after_past_the_deadline_gives_up_at_once() {
    let server = flaky(
        ResponseTemplate::new(429).insert_header("retry-after", "30"),
        5,
    )
    .await;
    let policy = RetryPolicy {
        deadline: Duration::from_secs(5),
        ..fast_retries(3)
    };
    let start = Instant::now();
    let err = send(&server.uri(), policy).await.unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d) } if d == Duration::from_secs(30)),
        "{err:?}"
    );
    assert_eq!(count(&server).await, 1);
}

/// Without a deadline (`..RetryPolicy::none()`), a server's `Retry-After` is still held to
/// `RetryPolicy::MAX_RETRY_AFTER`: a longer one (or a date far away, or one too large to
/// represent) ends the call at once instead of putting it to sleep for years.
#[tokio::test]
async fn retry_after_past_the_cap_gives_up_without_a_deadline() {
    let policy = RetryPolicy {
        max_retries: 2,
        ..RetryPolicy::none()
    };
    let too_long = RetryPolicy::MAX_RETRY_AFTER + Duration::from_secs(1);
    for header in [
        too_long.as_secs().to_string(),
        "999999999".to_owned(),
        "18446744073709551615".to_owned(),
        "Fri, 31 Dec 9999 23:59:59 GMT".to_owned(),
    ] {
        let server = flaky(
            ResponseTemplate::new(429).insert_header("retry-after", header.as_str()),
            5,
        )
        .await;
        let start = Instant::now();
        let err = tokio::time::timeout(Duration::from_secs(10), send(&server.uri(), policy))
            .await
            .unwrap_or_else(|_| panic!("{header}: the call still waits after 10 s"))
            .unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(2), "{header}");
        assert!(
            matches!(err, Error::RateLimited { .. }),
            "{header}: {err:?}"
        );
        assert_eq!(count(&server).await, 1, "{header}");
    }
}

#[tokio::test]
async fn deadline_cuts_a_slow_attempt_and_stops_retries() {
    let server = slow().await;
    let policy = RetryPolicy {
        deadline: Duration::from_millis(400),
        ..fast_retries(5)
    };
    let start = Instant::now();
    // The client's own timeout (10 s) is longer than the whole deadline.
    let err = send(&server.uri(), policy).await.unwrap_err();
    let took = start.elapsed();
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert!(took >= Duration::from_millis(350), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert_eq!(count(&server).await, 1);
}

#[tokio::test]
async fn deadline_bounds_many_backoffs() {
    let server = flaky(ResponseTemplate::new(503), 1000).await;
    let policy = RetryPolicy {
        max_retries: 1000,
        base_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(40),
        deadline: Duration::from_millis(500),
    };
    let start = Instant::now();
    let err = send(&server.uri(), policy).await.unwrap_err();
    let took = start.elapsed();
    // The deadline may end the last attempt itself (its timeout is the time left), so on a
    // loaded machine the last error is a timeout as often as the 503.
    assert!(
        err.status() == Some(503) || matches!(err, steam_webapi::Error::Timeout),
        "{err:?}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
    // Far fewer than the 1000 allowed retries: the deadline, not the count, stopped it.
    let n = count(&server).await;
    assert!((2..1000).contains(&n), "{n} requests");
}

#[tokio::test]
async fn a_timeout_is_retried() {
    let server = flaky(
        ResponseTemplate::new(200)
            .set_body_json(ok_body())
            .set_delay(Duration::from_secs(5)),
        1,
    )
    .await;
    let client = steam_builder(KEY, &server.uri())
        .timeout(Duration::from_millis(300))
        .retry(fast_retries(1))
        .build()
        .unwrap();
    let got = get_summaries(&client).await.unwrap();
    assert_eq!(got.players.len(), 1);
    assert_eq!(count(&server).await, 2);
}

#[tokio::test]
async fn broken_connections_are_retried() {
    let ok = serde_json::to_vec(&ok_body()).unwrap();
    let ok = http_response(
        "200 OK",
        &[
            ("content-type", "application/json"),
            ("content-length", &ok.len().to_string()),
        ],
        &ok,
    );
    let server = RawServer::start(vec![Raw::reset(), Raw::Send(Vec::new()), Raw::Send(ok)]).await;
    let got = send(&server.uri(), fast_retries(2)).await.unwrap();
    assert_eq!(got.players.len(), 1);
    assert_eq!(server.connections(), 3);

    // Exhausted: the last reset.
    let server = RawServer::start(vec![Raw::reset()]).await;
    let err = send(&server.uri(), fast_retries(2)).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Reset,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.connections(), 3);
}

#[tokio::test]
async fn refused_connections_are_retried() {
    let err = send(&refused_base(), fast_retries(2)).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Connect,
                ..
            }
        ),
        "{err:?}"
    );
}

fn text(token: &str) -> LocalizedText {
    LocalizedText {
        token: token.into(),
        variables: None,
    }
}

#[tokio::test]
async fn non_get_methods_are_sent_exactly_once() {
    let server = serve_all(ResponseTemplate::new(503).insert_header("retry-after", "0")).await;
    let client = client(&server.uri(), fast_retries(5));
    let users = vec![UserStatus {
        steamid: SteamId(76561197960265729),
        state: UserState::Waiting,
        title: text("#Title"),
        message: None,
    }];
    let gns = client.igame_notifications_service();
    let err = gns
        .create_session(&CreateSessionRequest::new(480, 1, text("#T"), users))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503), "{err:?}");
    assert!(
        err.is_retryable(),
        "retryable, but not by the client: a POST"
    );
    let err = gns
        .delete_session(&DeleteSessionRequest::new(10, 480))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    let bptf = client.notifications();
    let err = bptf
        .delete_notifications(&DeleteNotificationsRequest::new(vec!["1".into()]))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    let err = bptf
        .mark_folder_read(&MarkFolderReadRequest::new(NotificationFolder::Inbox))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(methods(&server).await, ["POST", "POST", "DELETE", "PATCH"]);

    // backpack.tf's GET is retried like Steam's.
    server.reset().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let err = bptf
        .search_notifications(&SearchNotificationsRequest::new())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(count(&server).await, 6);
}

#[tokio::test]
async fn a_429_on_post_is_not_retried_either() {
    let server = serve_all(ResponseTemplate::new(429).insert_header("retry-after", "0")).await;
    let err = client(&server.uri(), fast_retries(5))
        .igame_notifications_service()
        .delete_session(&DeleteSessionRequest::new(10, 480))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert_eq!(count(&server).await, 1);
}

#[test]
fn blocking_client_retries_gets_only() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(async {
        let server = flaky(ResponseTemplate::new(503), 2).await;
        Mock::given(method("DELETE"))
            .respond_with(ResponseTemplate::new(503))
            .mount(&server)
            .await;
        server
    });
    let uri = server.uri();
    let (summary, delete) = std::thread::spawn(move || {
        let client = both_providers_builder::<steam_webapi::blocking::Client>(KEY, TOKEN, &uri)
            .retry(fast_retries(2))
            .build()
            .unwrap();
        let summary = client.isteam_user().get_player_summaries(&summaries());
        let delete = client
            .notifications()
            .delete_notifications(&DeleteNotificationsRequest::new(vec!["1".into()]));
        (summary, delete)
    })
    .join()
    .unwrap();
    assert_eq!(summary.unwrap().players.len(), 1);
    assert_eq!(delete.unwrap_err().status(), Some(503));
    assert_eq!(
        rt.block_on(methods(&server)),
        ["GET", "GET", "GET", "DELETE"]
    );
}

#[test]
fn blocking_client_honours_retry_after_and_the_deadline() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let retry_after = rt.block_on(flaky(
        ResponseTemplate::new(429).insert_header("retry-after", "1"),
        1,
    ));
    let slow = rt.block_on(slow());
    let (a, b) = (retry_after.uri(), slow.uri());
    let (first, second) = std::thread::spawn(move || {
        let build = |uri: &str, policy| {
            steam_builder::<steam_webapi::blocking::Client>(KEY, uri)
                .retry(policy)
                .build()
                .unwrap()
        };
        let start = Instant::now();
        let first = build(&a, fast_retries(1))
            .isteam_user()
            .get_player_summaries(&summaries())
            .map(|_| start.elapsed());
        let start = Instant::now();
        let policy = RetryPolicy {
            deadline: Duration::from_millis(400),
            ..fast_retries(3)
        };
        let second = build(&b, policy)
            .isteam_user()
            .get_player_summaries(&summaries())
            .map_err(|e| (e, start.elapsed()));
        (first, second)
    })
    .join()
    .unwrap();
    let took = first.unwrap();
    assert!(
        took >= Duration::from_secs(1) && took < Duration::from_secs(4),
        "{took:?}"
    );
    let (err, took) = second.unwrap_err();
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert_eq!(rt.block_on(count(&retry_after)), 2);
    assert_eq!(rt.block_on(count(&slow)), 1);
}
