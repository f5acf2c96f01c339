//! The key and token never show: every error path of the client (the fault
//! cases of faults.rs, invalid requests, config errors, decode errors,
//! success-code errors, backpack.tf messages), driven with a recognisable key
//! and token against servers that echo them back in every way they can, is
//! scanned in `Display`, `Debug` and `{:#?}`, in the panic message of
//! `unwrap()`/`expect()`, and in every `log` record and `tracing` event the
//! client's dependencies emit meanwhile (captured at TRACE). The runtime
//! itself logs nothing.
//!
//! One test drives everything so the global logger sees all of it.

mod support;

use std::panic::AssertUnwindSafe;
use std::sync::{Mutex, Once};
use std::time::Duration;

use steam_webapi::isteam_hub::ResolveVanityURLRequest;
use steam_webapi::isteam_user::GetPlayerSummariesRequest;
use steam_webapi::notifications::{DeleteNotificationsRequest, SearchNotificationsRequest};
use steam_webapi::{Client, Error, ProviderId, RetryPolicy};
use steamspec_tests::clients::{blocking_summaries_error, get_summaries, steam_builder};
use steamspec_tests::loopback::{refused_base, serve_all};
use support::{Raw, RawServer, fixture, http_response};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const KEY: &str = "SECRETKEY-7f3a9c";
const TOKEN: &str = "SECRETTOKEN-19bd";

// ---- what must never appear --------------------------------------------------

/// Every form of a secret the scan looks for (compared ignoring ASCII case):
/// as is, form-urlencoded, every byte percent-encoded, and each run of 8
/// characters (a secret cut off by an excerpt).
fn forbidden() -> Vec<String> {
    let mut forms = Vec::new();
    for secret in [KEY, TOKEN] {
        forms.push(secret.to_owned());
        forms.push(form_urlencoded::byte_serialize(secret.as_bytes()).collect());
        forms.push(secret.bytes().map(|b| format!("%{b:02X}")).collect());
        let chars: Vec<char> = secret.chars().collect();
        forms.extend(chars.windows(8).map(|w| w.iter().collect::<String>()));
    }
    forms.iter().map(|f| f.to_ascii_lowercase()).collect()
}

fn assert_clean(label: &str, text: &str) {
    let lower = text.to_ascii_lowercase();
    for form in forbidden() {
        assert!(
            !lower.contains(&form),
            "{label}: `{form}` shows in:\n{text}"
        );
    }
}

/// Panic messages of this thread are recorded, not printed, while set.
static PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());
thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Scans an error in every form a user can print it, including the panic
/// message of `unwrap()` and `expect()` on it. Returns the Display form.
fn scan(label: &str, err: &Error) -> String {
    let mut texts = vec![err.to_string(), format!("{err:?}"), format!("{err:#?}")];
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        texts.push(cause.to_string());
        texts.push(format!("{cause:?}"));
        source = cause.source();
    }
    QUIET.with(|q| q.set(true));
    for expect in [false, true] {
        let result: Result<(), &Error> = std::hint::black_box(Err(err));
        let payload = std::panic::catch_unwind(AssertUnwindSafe(|| {
            if expect {
                result.expect("the call failed");
            } else {
                result.unwrap();
            }
        }))
        .unwrap_err();
        texts.push(
            payload
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_default(),
        );
    }
    QUIET.with(|q| q.set(false));
    texts.extend(PANICS.lock().unwrap().drain(..));
    for text in &texts {
        assert_clean(label, text);
    }
    assert!(
        !err.to_string().contains('\n'),
        "{label}: not one line: {err}"
    );
    err.to_string()
}

// ---- capturing logs and tracing ---------------------------------------------

#[path = "support/capture.rs"]
mod capture;
use capture::{CAPTURED, Capture};

struct Logger;

impl log::Log for Logger {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        CAPTURED.lock().unwrap().push(format!(
            "log {} {}: {}",
            record.level(),
            record.target(),
            record.args()
        ));
    }
    fn flush(&self) {}
}

fn capture_everything() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        log::set_boxed_logger(Box::new(Logger)).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
        tracing::subscriber::set_global_default(Capture::new()).unwrap();
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(|q| q.get()) {
                PANICS.lock().unwrap().push(info.to_string());
            } else {
                default(info);
            }
        }));
    });
}

// ---- servers that echo the secrets -------------------------------------------

/// Everything a careless server could echo: the URL as sent, its pairs
/// decoded, the body, and each secret with every byte percent-encoded in
/// lower-case hex.
fn echo(req: &Request) -> String {
    let pairs: Vec<String> = req
        .url
        .query_pairs()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let lower_hex = |s: &str| s.bytes().map(|b| format!("%{b:02x}")).collect::<String>();
    format!(
        "{} {} {} {} {}",
        req.url,
        pairs.join(" "),
        String::from_utf8_lossy(&req.body),
        lower_hex(KEY),
        lower_hex(TOKEN)
    )
}

/// Answers `status` with a body built from the echo.
struct Echo {
    status: u16,
    content_type: &'static str,
    body: EchoBody,
}

/// A response body built from the echo.
type EchoBody = fn(&str) -> String;

impl Respond for Echo {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let echoed = echo(req).replace('"', "'");
        ResponseTemplate::new(self.status).set_body_raw((self.body)(&echoed), self.content_type)
    }
}

fn client(base: &str) -> Client {
    support::client(base, KEY, TOKEN, RetryPolicy::none())
}

async fn summaries_error(server: &str) -> Error {
    get_summaries(&client(server)).await.unwrap_err()
}

/// The error of GetPlayerSummaries against an echoing answer.
async fn echoed(status: u16, content_type: &'static str, body: EchoBody) -> Error {
    let server = serve_all(Echo {
        status,
        content_type,
        body,
    })
    .await;
    summaries_error(&server.uri()).await
}

// ---- the test --------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_error_log_or_panic_shows_the_key_or_token() {
    capture_everything();
    let mut seen = Vec::new();
    let mut check = |label: &str, err: Error| {
        let text = scan(label, &err);
        seen.push(format!("{label}: {text}"));
    };

    // Config errors, with the key put where it does not belong.
    for base in [
        format!("https://api.example/?key={KEY}"),
        format!("https://user:{KEY}@api.example/"),
        format!("ftp://{KEY}.example/"),
        format!("{KEY} is no URL"),
        format!("http://{KEY}.example/"),
        format!(
            "https://api.example/#{}",
            form_urlencoded::byte_serialize(TOKEN.as_bytes()).collect::<String>()
        ),
    ] {
        let builder = Client::builder()
            .api_key(KEY)
            .token(TOKEN)
            .base_url(ProviderId::Steam, &base);
        assert_clean("builder Debug", &format!("{builder:?} {builder:#?}"));
        check("config: base URL", builder.build().unwrap_err());
    }
    let prefixed = Client::builder()
        .api_key(KEY)
        .base_url(ProviderId::Steam, &format!("https://proxy.example/{KEY}/"))
        .build()
        .unwrap();
    assert_clean("client Debug", &format!("{prefixed:?} {prefixed:#?}"));
    check(
        "config: zero timeout",
        Client::builder()
            .api_key(KEY)
            .timeout(Duration::ZERO)
            .build()
            .unwrap_err(),
    );
    check(
        "config: zero deadline",
        Client::builder()
            .api_key(KEY)
            .retry(RetryPolicy {
                deadline: Duration::ZERO,
                ..RetryPolicy::DEFAULT
            })
            .build()
            .unwrap_err(),
    );
    let no_token = Client::builder().api_key(KEY).build().unwrap();
    check(
        "config: no token",
        no_token
            .notifications()
            .search_notifications(&SearchNotificationsRequest::new())
            .await
            .unwrap_err(),
    );

    // Invalid requests (nothing sent).
    let offline = client("http://127.0.0.1:9");
    check(
        "invalid: no steamids",
        offline
            .isteam_user()
            .get_player_summaries(&GetPlayerSummariesRequest::new(vec![]))
            .await
            .unwrap_err(),
    );
    check(
        "invalid: bad language",
        offline
            .isteam_hub()
            .resolve_vanity_url(&ResolveVanityURLRequest::new(KEY.into()).language(KEY.into()))
            .await
            .unwrap_err(),
    );

    // The network.
    check("refused", summaries_error(&refused_base()).await);
    let broken = http_response(
        "200 OK",
        &[
            ("content-type", "application/json"),
            ("content-length", "500"),
        ],
        format!("{{\"response\":{{\"players\":\"{KEY}").as_bytes(),
    );
    for (label, answer) in [
        ("reset before", Raw::reset()),
        ("reset mid-body", Raw::SendThenReset(broken.clone())),
        ("closed mid-body", Raw::Send(broken)),
        (
            "not HTTP",
            Raw::Send(format!("{KEY} {TOKEN}\r\n\r\n").into_bytes()),
        ),
    ] {
        let server = RawServer::start(vec![answer]).await;
        check(label, summaries_error(&server.uri()).await);
    }
    let silent = RawServer::start(vec![Raw::silent()]).await;
    let impatient = steam_builder(KEY, &silent.uri())
        .timeout(Duration::from_millis(200))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    check("timeout", get_summaries(&impatient).await.unwrap_err());
    // Retries exhausted, with a deadline.
    let retrying = RawServer::start(vec![Raw::reset()]).await;
    let retrying = support::client(&retrying.uri(), KEY, TOKEN, support::fast_retries(2));
    check(
        "retries exhausted",
        get_summaries(&retrying).await.unwrap_err(),
    );

    // HTTP errors whose pages echo the request, and decode errors carrying
    // the echo in values, keys and excerpts.
    let echoes: &[(&str, u16, &'static str, EchoBody)] = &[
        ("404 html echo", 404, "text/html", |e| {
            format!("<html><body><h1>Not Found</h1><p>{e}</p></body></html>")
        }),
        ("500 json echo", 500, "application/json", |e| {
            format!("{{\"error\": \"{e}\"}}")
        }),
        ("503 text echo", 503, "text/plain", |e| e.to_owned()),
        ("401 page", 401, "text/html", |e| {
            String::from_utf8(fixture("SteamError.401-unauthorized.fkrzski.html")).unwrap() + e
        }),
        ("429 echo", 429, "text/html", |e| e.to_owned()),
        ("decode: html", 200, "text/html", |e| {
            format!("<html><body>{e}</body></html>")
        }),
        ("decode: wrong type", 200, "application/json", |e| {
            format!("{{\"response\": {{\"players\": \"{e}\"}}}}")
        }),
        ("decode: in an item", 200, "application/json", |e| {
            format!("{{\"response\": {{\"players\": [{{\"steamid\": \"{e}\"}}]}}}}")
        }),
        (
            "decode: unknown enum and key",
            200,
            "application/json",
            |e| format!("{{\"{e}\": 1, \"response\": {{\"{e}\": [1, 2, \"{e}\"]}}}}"),
        ),
        ("decode: truncated", 200, "application/json", |e| {
            format!("{{\"response\": {{\"players\": [{{\"steamid\": \"{e}")
        }),
    ];
    for &(label, status, content_type, body) in echoes {
        check(label, echoed(status, content_type, body).await);
    }
    // The secret right where the 200-character excerpt is cut.
    for pad in 185..=200 {
        let server = MockServer::start().await;
        let body = format!("{} {KEY} {TOKEN}", "x".repeat(pad));
        Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(502).set_body_raw(body.clone(), "text/plain"))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(wiremock::matchers::any())
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, "text/plain"))
            .mount(&server)
            .await;
        check("excerpt cut (http)", summaries_error(&server.uri()).await);
        check("excerpt cut (decode)", summaries_error(&server.uri()).await);
    }
    // A redirect elsewhere, the key in the target's host, user and query.
    let server = serve_all(ResponseTemplate::new(302).insert_header(
        "location",
        format!("http://{KEY}:{TOKEN}@{KEY}.example:1/p?key={KEY}").as_str(),
    ))
    .await;
    check("redirect", summaries_error(&server.uri()).await);

    // Over the body limit.
    let server =
        serve_all(ResponseTemplate::new(200).set_body_raw(KEY.repeat(1000), "text/plain")).await;
    let small = steam_builder(KEY, &server.uri())
        .max_body_bytes(100)
        .build()
        .unwrap();
    check("body too large", get_summaries(&small).await.unwrap_err());

    // Success codes (ISteamHub) with the echo as their message.
    for (code, label) in [(42, "success code: no_match"), (7, "success code: failure")] {
        let server = MockServer::start().await;
        Mock::given(path("/ISteamHub/ResolveVanityURL/v1/"))
            .respond_with(move |req: &Request| {
                ResponseTemplate::new(200).set_body_json(serde_json::json!({
                    "response": {"success": code, "message": echo(req)}
                }))
            })
            .mount(&server)
            .await;
        check(
            label,
            client(&server.uri())
                .isteam_hub()
                .resolve_vanity_url(&ResolveVanityURLRequest::new("gabe".into()))
                .await
                .unwrap_err(),
        );
    }

    // backpack.tf's messages.
    for status in [400, 401, 403, 500] {
        let server = MockServer::start().await;
        Mock::given(method("DELETE"))
            .respond_with(move |req: &Request| {
                ResponseTemplate::new(status)
                    .set_body_json(serde_json::json!({"message": echo(req)}))
            })
            .mount(&server)
            .await;
        check(
            "backpack.tf message",
            client(&server.uri())
                .notifications()
                .delete_notifications(&DeleteNotificationsRequest::new(vec!["1".into()]))
                .await
                .unwrap_err(),
        );
    }

    // The blocking client's own paths.
    let echo_server = serve_all(Echo {
        status: 404,
        content_type: "text/plain",
        body: |e| e.to_owned(),
    })
    .await;
    let broken = http_response(
        "200 OK",
        &[
            ("content-type", "application/json"),
            ("content-length", "500"),
        ],
        KEY.as_bytes(),
    );
    let reset = RawServer::start(vec![Raw::SendThenReset(broken)]).await;
    let uris = [echo_server.uri(), reset.uri()];
    let builders = uris.map(|uri| {
        steam_builder(KEY, &uri)
            .token(TOKEN)
            .retry(RetryPolicy::none())
    });
    let errors = tokio::task::spawn_blocking(move || builders.map(blocking_summaries_error))
        .await
        .unwrap();
    for err in errors {
        check("blocking", err);
    }

    // Every variant was reached.
    let all = seen.join("\n");
    for variant in [
        "client configuration",
        "invalid request",
        "connect error",
        "connection reset error",
        "transport error",
        "timed out",
        "HTTP 404",
        "HTTP 302",
        "rate limited",
        "larger than the limit",
        "cannot decode",
        "no match",
        "API error 7",
        "API error (HTTP 400)",
    ] {
        assert!(all.contains(variant), "no `{variant}` among:\n{all}");
    }
    assert!(all.contains("<redacted>"), "{all}");

    // And nothing the dependencies logged meanwhile.
    let captured = std::mem::take(&mut *CAPTURED.lock().unwrap());
    assert!(
        captured.len() > 10,
        "the capture sees the dependencies' events: {captured:?}"
    );
    for line in &captured {
        assert_clean("log/tracing", line);
    }
}

#[tokio::test]
async fn plain_http_is_refused_without_allow_http() {
    for base in ["http://127.0.0.1:1", "http://api.steampowered.com"] {
        let err = Client::builder()
            .api_key(KEY)
            .base_url(ProviderId::Steam, base)
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::Config { message } if message.contains("allow_http")),
            "{err:?}"
        );
        let err = steam_webapi::blocking::Client::builder()
            .token(TOKEN)
            .base_url(ProviderId::Backpacktf, base)
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::Config { .. }), "{err:?}");
    }
    // https needs nothing; the default bases are https.
    Client::builder()
        .api_key(KEY)
        .base_url(ProviderId::Steam, "https://127.0.0.1:1")
        .build()
        .unwrap();
}
