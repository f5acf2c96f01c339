//! One shared back-off: after a 429 (with or without `Retry-After`) or a 503
//! with `Retry-After`, every call through the client (and its clones) holds
//! its next request until then. Async and blocking, on loopback servers that
//! count requests and note when each came.
//!
//! The calls are started once the client reports the pause
//! (`Client::paused_until`), not after a sleep; the bounds are lower bounds
//! (a pause can only make requests later) with slack, and generous upper ones.

use std::time::{Duration, Instant};

use steam_webapi::{Client, Error, ProviderId, RetryPolicy};
use steamspec_tests::clients::{get_summaries, steam_builder, summaries};
use steamspec_tests::counting::{CountingServer, players_ok};
use wiremock::ResponseTemplate;

const KEY: &str = "BACKOFFKEY";

fn client(uri: &str) -> Client {
    steam_builder(KEY, uri).build().unwrap()
}

/// Polls until the client reports a pause of Steam's calls; fails after 20 s.
async fn paused(client: &Client) -> Instant {
    let started = Instant::now();
    loop {
        if let Some(until) = client.paused_until(ProviderId::Steam) {
            return until;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "no pause");
        tokio::task::yield_now().await;
    }
}

/// Every arrival after the first is at least `pause` (less slack) after it.
fn assert_held(server: &CountingServer, pause: Duration) {
    let arrivals = server.arrivals();
    let first = arrivals[0];
    for (n, at) in arrivals.iter().enumerate().skip(1) {
        let gap = *at - first;
        assert!(
            gap >= pause - Duration::from_millis(50),
            "request {n} came {gap:?} after the 429"
        );
    }
}

/// 50 calls; the server answers the first request with 429 `Retry-After: 1`:
/// no request reaches it during that second, all 50 succeed after it, and it
/// counts exactly 51 requests.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_calls_wait_out_one_429_together() {
    let server = CountingServer::start(|n| match n {
        0 => ResponseTemplate::new(429).insert_header("retry-after", "1"),
        _ => players_ok(),
    })
    .await;
    let client = client(&server.uri());
    let spawn = |client: &Client| {
        let clone = client.clone();
        tokio::spawn(async move { get_summaries(&clone).await })
    };
    let mut calls = vec![spawn(&client)];
    let until = paused(&client).await;
    assert!(until > Instant::now() + Duration::from_millis(500));
    calls.extend((1..50).map(|_| spawn(&client)));
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(server.count(), 51);
    assert_held(&server, Duration::from_secs(1));
    assert!(client.paused_until(ProviderId::Steam).is_none());
}

/// A 429 without `Retry-After` pauses everyone for the default second too,
/// and a POST that got it (never retried) still pauses the others.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_without_retry_after_pauses_for_the_default() {
    let server = CountingServer::start(|n| match n {
        0 => ResponseTemplate::new(429),
        _ => players_ok(),
    })
    .await;
    let client = steam_builder(KEY, &server.uri())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = get_summaries(&client).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: None }),
        "{err:?}"
    );
    paused(&client).await;
    get_summaries(&client.clone()).await.unwrap();
    assert_eq!(server.count(), 2);
    assert_held(&server, steam_webapi::backoff::DEFAULT_PAUSE);
}

/// A 503 with `Retry-After` pauses; a pause longer than what is left of a
/// call's deadline ends the call at once with the 429 error, nothing sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_503_with_retry_after_pauses_and_a_short_deadline_gives_up() {
    let server = CountingServer::start(|n| match n {
        0 => ResponseTemplate::new(503).insert_header("retry-after", "3"),
        _ => players_ok(),
    })
    .await;
    let client = steam_builder(KEY, &server.uri())
        .retry(RetryPolicy {
            deadline: Duration::from_secs(1),
            ..RetryPolicy::DEFAULT
        })
        .build()
        .unwrap();
    let started = Instant::now();
    // The 503's own call cannot wait 3 s within its deadline: it ends with the 503.
    let err = get_summaries(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(503), "{err:?}");
    paused(&client).await;
    let err = get_summaries(&client).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(after) } if after > Duration::from_secs(1)),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(server.count(), 1);
}

/// The blocking client's calls hold their requests the same way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_calls_wait_out_the_pause_together() {
    let server = CountingServer::start(|n| match n {
        0 => ResponseTemplate::new(429).insert_header("retry-after", "1"),
        _ => players_ok(),
    })
    .await;
    let uri = server.uri();
    tokio::task::spawn_blocking(move || {
        let client: steam_webapi::blocking::Client = steam_builder(KEY, &uri).build().unwrap();
        let call = |client: &steam_webapi::blocking::Client| {
            let clone = client.clone();
            std::thread::spawn(move || clone.isteam_user().get_player_summaries(&summaries()))
        };
        let mut threads = vec![call(&client)];
        let started = Instant::now();
        while client.paused_until(ProviderId::Steam).is_none() {
            assert!(started.elapsed() < Duration::from_secs(20), "no pause");
            std::thread::yield_now();
        }
        threads.extend((1..5).map(|_| call(&client)));
        for thread in threads {
            thread.join().unwrap().unwrap();
        }
    })
    .await
    .unwrap();
    assert_eq!(server.count(), 6);
    assert_held(&server, Duration::from_secs(1));
}
