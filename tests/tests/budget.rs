//! The request budget (`ClientBuilder::rate_limit`), in this process: calls
//! over the bucket wait their turn (clones and calls in flight share it), a
//! turn too far off or a used-up daily cap ends the call at once with nothing
//! sent, every request (retries included) counts, and Steam and backpack.tf
//! have a budget each. Async and blocking, on loopback servers that count.
//!
//! Timing bounds are lower bounds (a bucket can only make calls later) with
//! slack for a loaded machine; the upper bounds are generous.

use std::time::{Duration, Instant};

use steam_webapi::budget::Refusal;
use steam_webapi::notifications::SearchNotificationsRequest;
use steam_webapi::{Client, Error, ProviderId, RateLimit, RetryPolicy};
use steamspec_tests::clients::{get_summaries, steam_builder, summaries};
use steamspec_tests::counting::{CountingServer, players_ok};
use wiremock::ResponseTemplate;

const KEY: &str = "BUDGETKEY";

fn limited(uri: &str, limit: RateLimit) -> Client {
    steam_builder(KEY, uri)
        .rate_limit(ProviderId::Steam, limit)
        .build()
        .unwrap()
}

/// The time from the first to the last arrival.
fn span(server: &CountingServer) -> Duration {
    let arrivals = server.arrivals();
    arrivals[arrivals.len() - 1] - arrivals[0]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn calls_in_flight_and_clones_share_one_bucket() {
    let server = CountingServer::players().await;
    // One call every 100 ms, two at once: six calls need at least 400 ms.
    let client = limited(&server.uri(), RateLimit::per_second(10).burst(2));
    let calls: Vec<_> = (0..6)
        .map(|_| {
            let clone = client.clone();
            tokio::spawn(async move { get_summaries(&clone).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    assert_eq!(server.count(), 6);
    let span = span(&server);
    assert!(span >= Duration::from_millis(350), "{span:?}");
    assert!(span < Duration::from_secs(10), "{span:?}");
}

#[tokio::test]
async fn a_turn_past_the_bound_fails_at_once_and_sends_nothing() {
    let server = CountingServer::players().await;
    let limit = RateLimit::every(Duration::from_secs(60)).max_wait(Duration::from_millis(100));
    let client = limited(&server.uri(), limit);
    get_summaries(&client).await.unwrap();
    let started = Instant::now();
    let err = get_summaries(&client.clone()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    match &err {
        Error::OverBudget {
            provider: ProviderId::Steam,
            reason: Refusal::Wait { needed, max_wait },
        } => {
            assert!(*needed > Duration::from_secs(50), "{needed:?}");
            assert_eq!(*max_wait, Duration::from_millis(100));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string().contains("request budget (not sent)"),
        "{err}"
    );
    assert!(!err.is_retryable());
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn the_daily_cap_counts_every_request_retries_included() {
    // The first request fails with a 500 and is retried: two requests.
    let server = CountingServer::start(|n| match n {
        0 => ResponseTemplate::new(500),
        _ => players_ok(),
    })
    .await;
    let client = steam_builder(KEY, &server.uri())
        .retry(RetryPolicy {
            base_delay: Duration::from_millis(1),
            ..RetryPolicy::DEFAULT
        })
        .rate_limit(ProviderId::Steam, RateLimit::per_second(0).daily_cap(3))
        .build()
        .unwrap();
    get_summaries(&client).await.unwrap();
    get_summaries(&client).await.unwrap();
    let err = get_summaries(&client).await.unwrap_err();
    match err {
        Error::OverBudget {
            reason: Refusal::DailyCap { cap: 3, resets_in },
            ..
        } => assert!(resets_in <= Duration::from_secs(86_400)),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.count(), 3);
}

#[tokio::test]
async fn each_provider_has_a_budget_of_its_own() {
    let server = CountingServer::start(|_| {
        ResponseTemplate::new(200).set_body_json(serde_json::json!({"results": [], "cursor": {}}))
    })
    .await;
    let uri = server.uri();
    let client = steam_builder(KEY, &uri)
        .token("BUDGETTOKEN")
        .base_url(ProviderId::Backpacktf, &uri)
        .rate_limit(ProviderId::Steam, RateLimit::per_second(0).daily_cap(1))
        .build()
        .unwrap();
    // Steam's one call goes (its answer does not decode: no matter).
    let _ = get_summaries(&client).await;
    assert!(matches!(
        get_summaries(&client).await,
        Err(Error::OverBudget {
            provider: ProviderId::Steam,
            ..
        })
    ));
    // backpack.tf has no limit: both go.
    for _ in 0..2 {
        let answer = client
            .notifications()
            .search_notifications(&SearchNotificationsRequest::new())
            .await;
        assert!(
            !matches!(answer, Err(Error::OverBudget { .. })),
            "{answer:?}"
        );
    }
    assert_eq!(server.count(), 3);
}

#[test]
fn limits_that_refuse_everything_are_a_config_error() {
    for limit in [
        RateLimit::per_second(1).burst(0),
        RateLimit::per_second(1).daily_cap(0),
    ] {
        let err = Client::builder()
            .rate_limit(ProviderId::Backpacktf, limit)
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::Config { message } if message.contains("backpack.tf rate limit")),
            "{err:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_blocking_client_waits_its_turn_and_is_refused_the_same_way() {
    let server = CountingServer::players().await;
    let uri = server.uri();
    let errors = tokio::task::spawn_blocking(move || {
        let client: steam_webapi::blocking::Client = steam_builder(KEY, &uri)
            .rate_limit(
                ProviderId::Steam,
                RateLimit::per_second(10)
                    .burst(1)
                    .daily_cap(4)
                    .max_wait(Duration::from_secs(5)),
            )
            .build()
            .unwrap();
        let threads: Vec<_> = (0..5)
            .map(|_| {
                let clone = client.clone();
                std::thread::spawn(move || clone.isteam_user().get_player_summaries(&summaries()))
            })
            .collect();
        threads
            .into_iter()
            .filter_map(|t| t.join().unwrap().err())
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    // Four turns a tenth of a second apart; the fifth call finds the cap used up.
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        matches!(
            errors[0],
            Error::OverBudget {
                reason: Refusal::DailyCap { cap: 4, .. },
                ..
            }
        ),
        "{errors:?}"
    );
    assert_eq!(server.count(), 4);
    let span = span(&server);
    assert!(span >= Duration::from_millis(250), "{span:?}");
}
