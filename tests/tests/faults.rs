//! Fault injection through the real generated client against loopback
//! servers: every broken network or server behaviour ends in the right typed
//! [`Error`], never a panic, and never with the key in it.
//!
//! Already covered in `runtime_client.rs` (not repeated here): connection
//! refused and a slow server (`timeout_and_connect_errors`), 429 with and
//! without `Retry-After` (`rate_limited_with_and_without_retry_after`),
//! truncated JSON and a wrong envelope (`truncated_json_is_decode_error_with_path`,
//! `wrong_envelope_is_decode_error`), bodies over a small limit with and
//! without Content-Length (`body_over_the_limit_is_refused`,
//! `chunked_body_over_the_limit_is_cut_while_reading`) and a redirect to
//! another host (`redirect_to_another_host_is_not_followed`).
//!
//! Every client here has retries off (`RetryPolicy::none()`), so each case is
//! one attempt; retries are in `retries.rs`.

mod support;

use std::time::{Duration, Instant};

use steam_webapi::notifications::SearchNotificationsRequest;
use steam_webapi::{Client, Error, RetryPolicy, TransportKind};
use steamspec_tests::clients::{
    as_decode, as_http, blocking_summaries_error, get_summaries, steam_builder,
};
use steamspec_tests::loopback::serve_once;
use support::{Raw, RawServer, fixture, fixtures_named, http_response};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "faults-key-0123456789abcdef";
const TOKEN: &str = "faults-token-fedcba9876543210";
const SUMMARIES: &str = "/ISteamUser/GetPlayerSummaries/v2/";

fn one_shot(base: &str) -> Client {
    support::client(base, KEY, TOKEN, RetryPolicy::none())
}

fn short_timeout(base: &str, timeout: Duration) -> Client {
    steam_builder(KEY, base)
        .timeout(timeout)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn check(err: &Error) {
    for text in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
        assert!(!text.contains(KEY), "key in {text}");
    }
    assert!(!err.to_string().contains('\n'), "not one line: {err}");
}

/// GetPlayerSummaries through `client`, which must fail: the error, checked.
async fn summaries_error(client: &Client) -> Error {
    let err = get_summaries(client).await.unwrap_err();
    check(&err);
    err
}

/// GetPlayerSummaries against a raw server giving `answers`.
async fn raw_error(answers: Vec<Raw>) -> Error {
    let server = RawServer::start(answers).await;
    let err = summaries_error(&one_shot(&server.uri())).await;
    assert_eq!(server.connections(), 1);
    err
}

/// GetPlayerSummaries against wiremock answering `response` once.
async fn wiremock_error(response: ResponseTemplate) -> Error {
    let server = serve_once("GET", SUMMARIES, response).await;
    summaries_error(&one_shot(&server.uri())).await
}

fn assert_reset(err: &Error) {
    match err {
        Error::Transport {
            kind: TransportKind::Reset,
            ..
        } => {}
        other => panic!("expected a reset transport error, got {other:?}"),
    }
    assert!(err.is_retryable());
}

const BODY_START: &[u8] = br#"{"response":{"players":[{"steamid":"76561197960435530","#;

/// A 200 that promises 1000 bytes of JSON and sends [`BODY_START`] only.
fn cut_short() -> Vec<u8> {
    http_response(
        "200 OK",
        &[
            ("content-type", "application/json"),
            ("content-length", "1000"),
        ],
        BODY_START,
    )
}

// ---- the network ------------------------------------------------------------

#[tokio::test]
async fn reset_mid_body_with_content_length() {
    assert_reset(&raw_error(vec![Raw::SendThenReset(cut_short())]).await);
}

#[tokio::test]
async fn closed_mid_body_with_content_length() {
    assert_reset(&raw_error(vec![Raw::Send(cut_short())]).await);
}

#[tokio::test]
async fn reset_mid_chunked_body() {
    let mut bytes = http_response(
        "200 OK",
        &[
            ("content-type", "application/json"),
            ("transfer-encoding", "chunked"),
        ],
        b"",
    );
    bytes.extend_from_slice(format!("{:x}\r\n", BODY_START.len()).as_bytes());
    bytes.extend_from_slice(BODY_START);
    bytes.extend_from_slice(b"\r\n");
    assert_reset(&raw_error(vec![Raw::SendThenReset(bytes.clone())]).await);
    // A clean close without the last chunk is as broken.
    assert_reset(&raw_error(vec![Raw::Send(bytes)]).await);
}

#[tokio::test]
async fn reset_before_any_response() {
    assert_reset(&raw_error(vec![Raw::reset()]).await);
    // Closed without a byte.
    assert_reset(&raw_error(vec![Raw::Send(Vec::new())]).await);
}

#[tokio::test]
async fn garbage_instead_of_http_is_a_transport_error() {
    let err = raw_error(vec![Raw::Send(b"SSH-2.0-OpenSSH_9.6\r\n".to_vec())]).await;
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
}

#[tokio::test]
async fn server_that_never_answers_times_out() {
    let server = RawServer::start(vec![Raw::silent()]).await;
    let start = Instant::now();
    let err = summaries_error(&short_timeout(&server.uri(), Duration::from_millis(300))).await;
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(5));
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn body_that_stops_halfway_times_out() {
    let server = RawServer::start(vec![Raw::SendThenStall(cut_short())]).await;
    let err = summaries_error(&short_timeout(&server.uri(), Duration::from_millis(300))).await;
    assert!(matches!(err, Error::Timeout), "{err:?}");
}

// ---- Steam's own error pages ------------------------------------------------

/// The status a fixture's name gives: `SteamError.403-invalid-key...` -> 403.
fn status_of(name: &str) -> u16 {
    let digits: &str = name
        .split(['.', '-'])
        .find(|part| part.len() == 3 && part.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no status in {name}"));
    digits.parse().unwrap()
}

#[tokio::test]
async fn steam_5xx_pages_are_retryable_http_errors() {
    let pages: Vec<String> = fixtures_named("", "-500-bad-steamid.html");
    assert_eq!(pages.len(), 2, "{pages:?}");
    for page in &pages {
        for status in [500, 502, 503] {
            let err = wiremock_error(
                ResponseTemplate::new(status)
                    .set_body_raw(fixture(page), "text/html; charset=UTF-8"),
            )
            .await;
            let (got, excerpt) =
                as_http(&err).unwrap_or_else(|| panic!("{page} {status}: {err:?}"));
            assert_eq!(got, status);
            assert_eq!(excerpt, "Internal Server Error", "{page}");
            assert!(err.is_retryable());
            assert_eq!(err.status(), Some(status));
        }
    }
}

#[tokio::test]
async fn steam_4xx_pages_are_http_errors_with_their_sentence() {
    let mut pages = fixtures_named("SteamError.", ".html");
    pages.extend(fixtures_named("", "-403-invalid-key.html"));
    pages.retain(|p| status_of(p) != 429);
    assert!(pages.len() >= 9, "{pages:?}");
    for page in &pages {
        let status = status_of(page);
        let err = wiremock_error(
            ResponseTemplate::new(status).set_body_raw(fixture(page), "text/html; charset=UTF-8"),
        )
        .await;
        let (got, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{page}: {err:?}"));
        assert_eq!(got, status, "{page}");
        assert!(
            !excerpt.is_empty() && !excerpt.contains('<'),
            "{page}: {excerpt}"
        );
        if status == 401 || status == 403 {
            // The bad-key pages: one line of text, the advice kept.
            assert!(excerpt.contains("Access is denied"), "{page}: {excerpt}");
            assert!(excerpt.contains("key="), "{page}: {excerpt}");
        }
        if page.contains("missing-key") || page.contains("missing-param") {
            assert!(excerpt.contains("Required parameter"), "{page}: {excerpt}");
        }
        assert!(!err.is_retryable(), "{page}");
    }
}

#[tokio::test]
async fn steam_429_page_is_rate_limited() {
    let page = "SteamError.429-too-many-requests.lancache-autofill-issue32.html";
    let err = wiremock_error(
        ResponseTemplate::new(429).set_body_raw(fixture(page), "text/html; charset=UTF-8"),
    )
    .await;
    assert!(
        matches!(err, Error::RateLimited { retry_after: None }),
        "{err:?}"
    );
}

#[tokio::test]
async fn steam_404_json_status_code() {
    let name = "SteamError.404-json-status-code.cn-testrun-2026.json";
    let err =
        wiremock_error(ResponseTemplate::new(404).set_body_raw(fixture(name), "application/json"))
            .await;
    let (status, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(status, 404);
    assert_eq!(excerpt, r#"{"status":{"code":9}}"#);
}

#[tokio::test]
async fn bad_gameid_403_with_json_braces() {
    // News and achievement percentages answer a bad id with 403 and `{}`.
    for name in [
        "ISteamNews.GetNewsForApp.v2.olgagr-403-bad-appid.json",
        "ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.olgagr-403-bad-gameid.json",
    ] {
        let err = wiremock_error(
            ResponseTemplate::new(403).set_body_raw(fixture(name), "application/json"),
        )
        .await;
        assert!(
            matches!(&err, Error::Http { status: 403, excerpt } if excerpt == "{}"),
            "{name}: {err:?}"
        );
    }
}

#[tokio::test]
async fn backpacktf_502_html_is_http_error_not_api_message() {
    let server = serve_once(
        "GET",
        "/api/notifications/search/v1",
        ResponseTemplate::new(502).set_body_raw(
            fixture("ISteamUser.GetFriendList.v1.olgagr-500-bad-steamid.html"),
            "text/html",
        ),
    )
    .await;
    let err = one_shot(&server.uri())
        .notifications()
        .search_notifications(&SearchNotificationsRequest::new())
        .await
        .unwrap_err();
    check(&err);
    assert!(
        matches!(&err, Error::Http { status: 502, excerpt } if excerpt == "Internal Server Error"),
        "{err:?}"
    );
}

// ---- 200 with the wrong body ------------------------------------------------

#[tokio::test]
async fn html_instead_of_json_is_decode_error() {
    let page = fixture("SteamError.403-invalid-key.fkrzski.html");
    let err = wiremock_error(ResponseTemplate::new(200).set_body_raw(page, "text/html")).await;
    let (path, message, excerpt) = as_decode(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(path, "");
    assert!(message.contains("expected value"), "{message}");
    assert!(excerpt.contains("Access is denied"), "{excerpt}");
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn empty_200_is_decode_error() {
    let err = wiremock_error(ResponseTemplate::new(200)).await;
    assert!(
        matches!(&err, Error::Decode { message, .. } if message.contains("EOF")),
        "{err:?}"
    );
}

#[tokio::test]
async fn real_body_truncated_anywhere_is_decode_error() {
    let body = fixture("ISteamUser.GetPlayerSummaries.v2.kchateau.json");
    let server = MockServer::start().await;
    let client = one_shot(&server.uri());
    // The whole body decodes; every cut of it (a few dozen, spread over it) does not.
    let cuts: Vec<usize> = (0..body.len()).step_by(body.len() / 40 + 1).collect();
    for &cut in cuts.iter().chain([body.len()].iter()) {
        server.reset().await;
        Mock::given(path(SUMMARIES))
            .respond_with(ResponseTemplate::new(200).set_body_raw(&body[..cut], "application/json"))
            .mount(&server)
            .await;
        let result = get_summaries(&client).await;
        if cut == body.len() {
            assert!(!result.unwrap().players.is_empty());
            continue;
        }
        let err = result.unwrap_err();
        check(&err);
        assert!(matches!(err, Error::Decode { .. }), "cut {cut}: {err:?}");
    }
}

#[tokio::test]
async fn default_limit_is_4_mib_exactly() {
    let limit = 4 * 1024 * 1024;
    let body = |len: usize| {
        let head = br#"{"response":{"players":[]},"pad":""#;
        let mut b = head.to_vec();
        b.resize(len - 2, b'x');
        b.extend_from_slice(br#""}"#);
        b
    };
    let server = MockServer::start().await;
    let client = one_shot(&server.uri());
    Mock::given(path(SUMMARIES))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body(limit), "application/json"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path(SUMMARIES))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body(limit + 1), "application/json"))
        .mount(&server)
        .await;
    let ok = get_summaries(&client).await.unwrap();
    assert!(ok.players.is_empty());
    let err = get_summaries(&client).await.unwrap_err();
    assert!(
        matches!(err, Error::BodyTooLarge { limit: 4194304 }),
        "{err:?}"
    );
}

// ---- the blocking client (its body reader is its own) --------------------------

#[test]
fn blocking_client_faults() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let reset = rt.block_on(RawServer::start(vec![Raw::SendThenReset(cut_short())]));
    let stalled = rt.block_on(RawServer::start(vec![Raw::SendThenStall(cut_short())]));
    let silent = rt.block_on(RawServer::start(vec![Raw::silent()]));
    let page = http_response(
        "503 Service Unavailable",
        &[("content-type", "text/html")],
        &fixture("IPlayerService.GetRecentlyPlayedGames.v1.olgagr-500-bad-steamid.html"),
    );
    let unavailable = rt.block_on(RawServer::start(vec![Raw::Send(page)]));
    let uris = [reset.uri(), stalled.uri(), silent.uri(), unavailable.uri()];
    let builders = uris.map(|uri| {
        steam_builder(KEY, &uri)
            .timeout(Duration::from_millis(400))
            .retry(RetryPolicy::none())
    });
    let errors = std::thread::spawn(move || builders.map(blocking_summaries_error))
        .join()
        .unwrap();
    errors.iter().for_each(check);
    let [reset_err, stalled_err, silent_err, unavailable_err] = &errors;
    assert_reset(reset_err);
    assert!(matches!(stalled_err, Error::Timeout), "{stalled_err:?}");
    assert!(matches!(silent_err, Error::Timeout), "{silent_err:?}");
    assert!(
        matches!(unavailable_err, Error::Http { status: 503, excerpt } if excerpt == "Internal Server Error"),
        "{unavailable_err:?}"
    );
    for server in [&reset, &stalled, &silent, &unavailable] {
        assert_eq!(server.connections(), 1);
    }
}
