//! The client's tracing (feature `tracing`): one span per call with the
//! operation's facts, an event per attempt (status, elapsed, whether it will
//! retry and the wait), per shared pause and per budget wait; and none of it,
//! nor anything the dependencies emit at TRACE meanwhile, shows the key, the
//! token or the query string. (secrets.rs scans every error path's events for
//! the key and token too, with this feature on under `--all-features`.)
//!
//! One test drives everything so the global subscriber sees all of it.

use std::time::Duration;

use steam_webapi::notifications::DeleteNotificationsRequest;
use steam_webapi::{Error, ProviderId, RateLimit, RetryPolicy};
use steamspec_tests::clients::{both_providers_builder, get_summaries, summaries};
use steamspec_tests::counting::{CountingServer, players_ok};
use steamspec_tests::loopback::refused_base;
use wiremock::ResponseTemplate;

const KEY: &str = "TRACEKEY-51c0de";
const TOKEN: &str = "TRACETOKEN-a77b";

#[path = "support/capture.rs"]
mod capture;
use capture::{CAPTURED, Capture};

/// Every line that mentions one of `needles`, all of which must be there.
fn lines_with<'a>(captured: &'a [String], needles: &[&str]) -> Vec<&'a String> {
    captured
        .iter()
        .filter(|line| needles.iter().all(|n| line.contains(n)))
        .collect()
}

fn assert_seen(captured: &[String], needles: &[&str]) {
    assert!(
        !lines_with(captured, needles).is_empty(),
        "no line with {needles:?} in:\n{}",
        captured.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spans_and_events_say_what_happened_and_never_the_secrets() {
    tracing::subscriber::set_global_default(Capture::new()).unwrap();

    // A 500 retried, then a 429 that pauses, then success; an echoing 404.
    let server = CountingServer::start(|n| match n {
        0 => ResponseTemplate::new(500),
        1 => ResponseTemplate::new(429).insert_header("retry-after", "1"),
        2 | 3 | 6 => players_ok(),
        4 => ResponseTemplate::new(404).set_body_string(format!("no /?key={KEY}&token={TOKEN}")),
        _ => ResponseTemplate::new(200).set_body_string(format!("{{\"{KEY}\": 1}}")),
    })
    .await;
    let uri = server.uri();
    let client = both_providers_builder::<steam_webapi::Client>(KEY, TOKEN, &uri)
        .allow_http(true)
        .retry(RetryPolicy {
            base_delay: Duration::from_millis(5),
            ..RetryPolicy::DEFAULT
        })
        .rate_limit(
            ProviderId::Steam,
            RateLimit::per_second(20).burst(1).daily_cap(8),
        )
        .build()
        .unwrap();
    get_summaries(&client).await.unwrap(); // 500, 429, 200
    get_summaries(&client).await.unwrap(); // the budget's next turn
    assert!(get_summaries(&client).await.is_err()); // 404 echo
    assert!(get_summaries(&client).await.is_err()); // decode error
    let blocking_uri = uri.clone();
    tokio::task::spawn_blocking(move || {
        let blocking: steam_webapi::blocking::Client =
            both_providers_builder(KEY, TOKEN, &blocking_uri)
                .build()
                .unwrap();
        blocking.isteam_user().get_player_summaries(&summaries())
    })
    .await
    .unwrap()
    .unwrap();
    // backpack.tf's DELETE (the token's path), and a refused connection.
    let _ = client
        .notifications()
        .delete_notifications(&DeleteNotificationsRequest::new(vec!["1".into()]))
        .await;
    let refused = both_providers_builder::<steam_webapi::Client>(KEY, TOKEN, &refused_base())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    assert!(get_summaries(&refused).await.is_err());
    // Over the daily cap: refused before anything is sent.
    for _ in 0..8 {
        if let Err(Error::OverBudget { .. }) = get_summaries(&client).await {
            break;
        }
    }

    // A batch of two calls and a paged call of one page.
    let both = CountingServer::start(|_| {
        ResponseTemplate::new(200).set_body_json(serde_json::json!({"response": {
            "players": [], "success": 1, "message": "m", "announcements": []
        }}))
    })
    .await;
    let other = both_providers_builder::<steam_webapi::Client>(KEY, TOKEN, &both.uri())
        .build()
        .unwrap();
    let ids = (0..150)
        .map(|i| steam_webapi::SteamId(76561197960265728 + i))
        .collect();
    let request = steam_webapi::isteam_user::GetPlayerSummariesRequest::new(ids);
    other
        .isteam_user()
        .get_player_summaries_all(&request)
        .await
        .unwrap();
    let request = steam_webapi::isteam_hub::GetAnnouncementsRequest::new().appid(440);
    let pages: Vec<_> =
        futures_util::StreamExt::collect(other.isteam_hub().get_announcements_paged(&request))
            .await;
    assert!(pages.is_empty(), "{pages:?}");

    let captured = std::mem::take(&mut *CAPTURED.lock().unwrap());
    assert_seen(
        &captured,
        &[
            "span steam_webapi call",
            "provider=\"steam\"",
            "interface=\"ISteamUser\"",
            "method=\"GetPlayerSummaries\"",
            "version=2",
            "http=\"GET\"",
        ],
    );
    assert_seen(
        &captured,
        &[
            "span steam_webapi call",
            "provider=\"backpacktf\"",
            "http=\"DELETE\"",
        ],
    );
    assert_seen(
        &captured,
        &[
            "event steam_webapi",
            "status=500",
            "will_retry=true",
            "wait_ms=",
        ],
    );
    assert_seen(
        &captured,
        &[
            "event steam_webapi",
            "status=429",
            "will_retry=true",
            "wait_ms=1000",
        ],
    );
    assert_seen(
        &captured,
        &[
            "event steam_webapi",
            "status=200",
            "will_retry=false",
            "elapsed_ms=",
        ],
    );
    assert_seen(
        &captured,
        &["event steam_webapi", "status=404", "failure=\"http\""],
    );
    assert_seen(&captured, &["event steam_webapi", "failure=\"transport\""]);
    assert_seen(
        &captured,
        &[
            "event steam_webapi",
            "waiting for the request budget",
            "wait_ms=",
        ],
    );
    assert_seen(
        &captured,
        &[
            "event steam_webapi",
            "batch call done",
            "call=2",
            "calls=2",
            "items=50",
        ],
    );
    assert_seen(
        &captured,
        &[
            "event steam_webapi",
            "page done",
            "page=1",
            "items=0",
            "more=false",
        ],
    );
    let forbidden = [
        KEY,
        TOKEN,
        "key=",
        "token=",
        "steamids=",
        "format=json",
        "?",
    ];
    for line in &captured {
        for needle in forbidden {
            let ours =
                line.starts_with("event steam_webapi") || line.starts_with("span steam_webapi");
            // `?` only in our own lines: a dependency's Debug may use it for other things.
            if needle == "?" && !ours {
                continue;
            }
            assert!(!line.contains(needle), "`{needle}` shows in: {line}");
        }
    }
}
