//! The runtime's HTTP client against a real server on loopback: the exact
//! wire request, the typed result, every error path, and that no error text
//! ever shows the API key or token.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;
use steam_webapi::__private::{
    Auth, Endpoint, EndpointInfo, ErrorModel, FormatParam, HttpMethod, InputEncoding, ProviderId,
    QueryWriter,
};
use steam_webapi::{Client, Error, SteamId, TransportKind};
use steamspec_tests::clients::{as_decode, as_http, both_providers_builder, steam_builder};
use steamspec_tests::loopback::{refused_base, serve_all, serve_nothing, serve_once};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "SECRETKEY1234567890";
const TOKEN: &str = "SECRETTOKEN0987654321";

// ---- hand-made request types, as the generator will write them ----------

/// What the hand-made Steam endpoints share; each one sets the rest.
const STEAM: EndpointInfo = EndpointInfo {
    provider: ProviderId::Steam,
    interface: "",
    method: "",
    version: 1,
    http: HttpMethod::Get,
    host: "api.steampowered.com",
    path: "",
    publisher: false,
    auth: Auth::Required,
    input: InputEncoding::Query,
    envelope: Some("response"),
    credential_param: "key",
    format_param: Some(FormatParam {
        name: "format",
        json: "json",
    }),
    form_body: true,
    errors: ErrorModel::HttpStatus,
};

/// A Steam query GET with a comma list, a bool and a u64.
#[derive(Serialize, steam_webapi::Validate)]
struct GetOwnedGames {
    #[serde(with = "steam_webapi::wire::as_string")]
    steamid: u64,
    include_appinfo: bool,
    #[schemars(length(max = 3))]
    appids_filter: Vec<u32>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct OwnedGames {
    game_count: u32,
    games: Vec<OwnedGame>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct OwnedGame {
    appid: u32,
    #[serde(default)]
    playtime_forever: u32,
}

impl Endpoint for GetOwnedGames {
    type Response = OwnedGames;
    const INFO: EndpointInfo = EndpointInfo {
        interface: "IPlayerService",
        method: "GetOwnedGames",
        path: "/IPlayerService/GetOwnedGames/v1/",
        ..STEAM
    };

    fn write_query(&self, q: &mut QueryWriter) {
        q.value("steamid", &self.steamid);
        q.value("include_appinfo", &self.include_appinfo);
        q.comma("appids_filter", &self.appids_filter);
    }
}

/// A Service POST whose parameters travel as `input_json`.
#[derive(Serialize, steam_webapi::Validate)]
struct SetFavorites {
    steamid: SteamId,
    notify: bool,
    #[serde(with = "steam_webapi::wire::as_string")]
    items: Vec<u64>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct SetFavoritesResult {
    saved: u32,
}

impl Endpoint for SetFavorites {
    type Response = SetFavoritesResult;
    const INFO: EndpointInfo = EndpointInfo {
        interface: "IFavoritesService",
        method: "SetFavorites",
        http: HttpMethod::Post,
        path: "/IFavoritesService/SetFavorites/v1/",
        input: InputEncoding::InputJson,
        ..STEAM
    };

    fn write_query(&self, _: &mut QueryWriter) {
        unreachable!("input_json endpoints are serialized whole")
    }
}

/// An ISteamHub-style GET with a success code in the inner object.
#[derive(Serialize, steam_webapi::Validate)]
struct ResolveVanity {
    vanityurl: String,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Resolved {
    success: i64,
    steamid: SteamId,
}

impl Endpoint for ResolveVanity {
    type Response = Resolved;
    const INFO: EndpointInfo = EndpointInfo {
        interface: "ISteamHub",
        method: "ResolveVanityURL",
        path: "/ISteamHub/ResolveVanityURL/v1/",
        errors: ErrorModel::SuccessCode {
            field: "success",
            success: 1,
            message_field: Some("message"),
            codes: &[(42, "no_match")],
        },
        ..STEAM
    };

    fn write_query(&self, q: &mut QueryWriter) {
        q.value("vanityurl", self.vanityurl.as_str());
    }
}

/// A backpack.tf DELETE whose errors carry `message`.
#[derive(Serialize, steam_webapi::Validate)]
struct DeleteNotification {
    id: String,
    #[schemars(range(min = 1))]
    count: u32,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Deleted {
    deleted: u32,
}

impl Endpoint for DeleteNotification {
    type Response = Deleted;
    const INFO: EndpointInfo = EndpointInfo {
        provider: ProviderId::Backpacktf,
        interface: "notifications",
        method: "delete",
        http: HttpMethod::Delete,
        host: "backpack.tf",
        path: "/api/notifications",
        envelope: None,
        credential_param: "token",
        format_param: None,
        form_body: false,
        errors: ErrorModel::Message { field: "message" },
        ..STEAM
    };

    fn write_query(&self, q: &mut QueryWriter) {
        q.value("id", self.id.as_str());
        q.value("count", &self.count);
    }
}

/// A POST of a third provider (neither Steam nor backpack.tf), as the
/// generator writes it from a `providers.yaml` entry (see
/// codegen/tests/valid-specs/third-provider): its own credential parameter, format
/// parameter and JSON value, and its parameters in the query.
#[derive(Serialize, steam_webapi::Validate)]
struct SetAcmeStatus {
    service: String,
}

#[derive(Debug, PartialEq, Deserialize)]
struct AcmeStatus {
    up: bool,
}

impl Endpoint for SetAcmeStatus {
    type Response = AcmeStatus;
    const INFO: EndpointInfo = EndpointInfo {
        provider: ProviderId::Other("acme"),
        interface: "IAcmeStatus",
        method: "SetStatus",
        http: HttpMethod::Post,
        host: "status.acme.example",
        path: "/IAcmeStatus/SetStatus/v1/",
        envelope: Some("status"),
        credential_param: "access_token",
        format_param: Some(FormatParam {
            name: "output",
            json: "JSON",
        }),
        form_body: false,
        ..STEAM
    };

    fn write_query(&self, q: &mut QueryWriter) {
        q.value("service", self.service.as_str());
    }
}

// ---- helpers ---------------------------------------------------------------

fn client_for(base: &str) -> Client {
    both_providers_builder(KEY, TOKEN, base)
        .timeout(Duration::from_secs(10))
        // One request per call: these tests count them (retries: tests/retries.rs).
        .retry(steam_webapi::RetryPolicy::none())
        .build()
        .unwrap()
}

fn owned_games() -> GetOwnedGames {
    GetOwnedGames {
        steamid: 76561197960287930,
        include_appinfo: true,
        appids_filter: vec![440, 570],
    }
}

/// Deletes notification `1`, `count` times (`0` is invalid).
fn delete_notification(count: u32) -> DeleteNotification {
    DeleteNotification {
        id: "1".into(),
        count,
    }
}

fn query_map(req: &Request) -> BTreeMap<String, String> {
    req.url.query_pairs().into_owned().collect()
}

fn form_map(req: &Request) -> BTreeMap<String, String> {
    // Url::join parses a query for us; the tests need no form decoder of their own.
    let body = std::str::from_utf8(&req.body).unwrap();
    req.url
        .join(&format!("?{body}"))
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests.pop().unwrap()
}

/// Every error the tests produce goes through here: the key and token must
/// not appear in any Display or Debug form.
fn assert_no_secret(err: &Error) {
    for text in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
        assert!(!text.contains(KEY), "key leaked: {text}");
        assert!(!text.contains(TOKEN), "token leaked: {text}");
        assert!(!text.contains("SECRET"), "secret leaked: {text}");
    }
    assert!(!err.to_string().contains('\n'), "not one line: {err}");
}

/// Mounts a GET /IPlayerService/GetOwnedGames/v1/ answering `response`.
async fn owned_games_error(response: ResponseTemplate) -> Error {
    let server = serve_once("GET", "/IPlayerService/GetOwnedGames/v1/", response).await;
    let err = client_for(&server.uri())
        .execute(&owned_games())
        .await
        .unwrap_err();
    assert_no_secret(&err);
    err
}

/// GetOwnedGames through a client of `base` whose body limit is `limit`: it
/// must end in `Error::BodyTooLarge` with that limit.
async fn assert_body_too_large(base: &str, limit: usize) {
    let client = steam_builder::<Client>(KEY, base)
        .max_body_bytes(limit)
        .build()
        .unwrap();
    let err = client.execute(&owned_games()).await.unwrap_err();
    assert_no_secret(&err);
    assert!(
        matches!(err, Error::BodyTooLarge { limit: got } if got == limit),
        "{err:?}"
    );
}

// ---- success paths ---------------------------------------------------------

#[tokio::test]
async fn steam_get_sends_query_and_decodes_inside_envelope() {
    let server = serve_once(
        "GET",
        "/IPlayerService/GetOwnedGames/v1/",
        ResponseTemplate::new(200).set_body_json(json!({
            "response": {"game_count": 2, "games": [{"appid": 440, "playtime_forever": 7}, {"appid": 570}]},
            "other": [1, 2, {"x": null}],
        })),
    )
    .await;
    let client = client_for(&server.uri());
    let games = client.execute(&owned_games()).await.unwrap();
    assert_eq!(
        games,
        OwnedGames {
            game_count: 2,
            games: vec![
                OwnedGame {
                    appid: 440,
                    playtime_forever: 7
                },
                OwnedGame {
                    appid: 570,
                    playtime_forever: 0
                },
            ],
        }
    );

    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "GET");
    assert_eq!(
        query_map(&req),
        map(&[
            ("steamid", "76561197960287930"),
            ("include_appinfo", "1"),
            ("appids_filter", "440,570"),
            ("key", KEY),
            ("format", "json"),
        ])
    );
    assert!(req.body.is_empty());
    let ua = req.headers.get("user-agent").unwrap().to_str().unwrap();
    assert!(ua.starts_with("steam-webapi/"), "{ua}");
}

#[tokio::test]
async fn service_post_sends_input_json_in_form_body() {
    let server = serve_once(
        "POST",
        "/IFavoritesService/SetFavorites/v1/",
        ResponseTemplate::new(200).set_body_json(json!({"response": {"saved": 2}})),
    )
    .await;
    let req = SetFavorites {
        steamid: SteamId(76561197960287930),
        notify: false,
        items: vec![1, 18446744073709551615],
    };
    let result = client_for(&server.uri()).execute(&req).await.unwrap();
    assert_eq!(result, SetFavoritesResult { saved: 2 });

    let sent = only_request(&server).await;
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(sent.url.query(), None, "nothing in the URL of a POST");
    assert_eq!(
        sent.headers.get("content-type").unwrap(),
        "application/x-www-form-urlencoded"
    );
    let mut form = form_map(&sent);
    let input: serde_json::Value =
        serde_json::from_str(&form.remove("input_json").unwrap()).unwrap();
    assert_eq!(
        input,
        json!({"steamid": "76561197960287930", "notify": false, "items": ["1", "18446744073709551615"]})
    );
    assert_eq!(form, map(&[("key", KEY), ("format", "json")]));
}

#[tokio::test]
async fn success_code_one_decodes_the_full_type() {
    let server = serve_once(
        "GET",
        "/ISteamHub/ResolveVanityURL/v1/",
        ResponseTemplate::new(200).set_body_json(json!({
            "response": {"steamid": "76561197960287930", "success": 1}
        })),
    )
    .await;
    let client = client_for(&server.uri());
    let got = client
        .execute(&ResolveVanity {
            vanityurl: "gabelogannewell".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        got,
        Resolved {
            success: 1,
            steamid: SteamId(76561197960287930)
        }
    );
    let sent = only_request(&server).await;
    assert_eq!(query_map(&sent)["vanityurl"], "gabelogannewell");
}

#[tokio::test]
async fn backpacktf_delete_sends_token_in_query() {
    let server = serve_once(
        "DELETE",
        "/api/notifications",
        ResponseTemplate::new(200).set_body_json(json!({"deleted": 3})),
    )
    .await;
    let req = DeleteNotification {
        id: "a b&c".into(),
        count: 3,
    };
    let got = client_for(&server.uri()).execute(&req).await.unwrap();
    assert_eq!(got, Deleted { deleted: 3 });
    let sent = only_request(&server).await;
    assert_eq!(sent.method.as_str(), "DELETE");
    assert_eq!(
        query_map(&sent),
        map(&[("id", "a b&c"), ("count", "3"), ("token", TOKEN)])
    );
    assert!(sent.body.is_empty());
}

#[tokio::test]
async fn base_url_path_prefix_and_publisher_base() {
    let server = serve_once(
        "GET",
        "/proxy/steam/IPlayerService/GetOwnedGames/v1/",
        ResponseTemplate::new(200)
            .set_body_json(json!({"response": {"game_count": 0, "games": []}})),
    )
    .await;
    let client = steam_builder::<Client>(KEY, &format!("{}/proxy/steam/", server.uri()))
        .publisher_base_url("https://partner.invalid")
        .build()
        .unwrap();
    let games = client.execute(&owned_games()).await.unwrap();
    assert_eq!(games.game_count, 0);
}

// ---- error paths -----------------------------------------------------------

#[tokio::test]
async fn not_found_html_is_http_error_with_text_excerpt() {
    // A server that echoes the URL back: the key must still not show.
    let page = format!(
        "<html><head><title>404 Not Found</title></head><body>\n<h1>Not Found</h1>\n\
         <p>The URL /x?key={KEY}&amp;format=json was not found.</p></body></html>"
    );
    let err = owned_games_error(ResponseTemplate::new(404).set_body_raw(page, "text/html")).await;
    let (status, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(status, 404);
    assert_eq!(
        excerpt,
        "Not Found The URL /x?key=<redacted>&format=json was not found."
    );
    assert_eq!(err.status(), Some(404));
    assert!(
        err.to_string().starts_with("HTTP 404 Not Found: Not Found"),
        "{err}"
    );
}

#[tokio::test]
async fn forbidden_steam_page_is_one_line_of_text() {
    let page = "<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied. \
                Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>";
    let err = owned_games_error(ResponseTemplate::new(403).set_body_raw(page, "text/html")).await;
    assert_eq!(
        err.to_string(),
        "HTTP 403 Forbidden: Forbidden Access is denied. Retrying will not help. \
         Please verify your key= parameter."
    );
    let (_, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert!(excerpt.chars().count() <= 200);
}

#[tokio::test]
async fn json_error_body_is_compacted() {
    let err = owned_games_error(
        ResponseTemplate::new(500).set_body_raw("{ \"error\" :\n  \"boom\" }", "application/json"),
    )
    .await;
    let (status, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(status, 500);
    assert_eq!(excerpt, r#"{"error":"boom"}"#);
    assert!(err.is_retryable());
}

#[tokio::test]
async fn rate_limited_with_and_without_retry_after() {
    let err =
        owned_games_error(ResponseTemplate::new(429).insert_header("retry-after", "30")).await;
    assert!(
        matches!(err, Error::RateLimited { retry_after: Some(d) } if d == Duration::from_secs(30)),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "rate limited (HTTP 429), retry after 30s");

    let err = owned_games_error(ResponseTemplate::new(429).set_body_string("slow down")).await;
    assert!(
        matches!(err, Error::RateLimited { retry_after: None }),
        "{err:?}"
    );

    let err = owned_games_error(
        ResponseTemplate::new(429).insert_header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"),
    )
    .await;
    assert!(
        matches!(
            err,
            Error::RateLimited {
                retry_after: Some(Duration::ZERO)
            }
        ),
        "{err:?}"
    );

    let err = owned_games_error(
        ResponseTemplate::new(429).insert_header("retry-after", "Fri, 01 Jan 2100 00:00:00 GMT"),
    )
    .await;
    let Error::RateLimited {
        retry_after: Some(d),
    } = err
    else {
        panic!("{err:?}")
    };
    assert!(d > Duration::from_secs(365 * 24 * 3600));
}

#[tokio::test]
async fn truncated_json_is_decode_error_with_path() {
    let body = r#"{"response": {"game_count": 4, "games": [{"appid": 1}, {"appid": 2}, {"appid": 3}, {"appid": "#;
    let err =
        owned_games_error(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let (path, message, excerpt) = as_decode(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(path, "response.games[3].appid");
    assert!(message.contains("EOF"), "{message}");
    assert!(
        excerpt.starts_with(r#"{"response": {"game_count": 4"#),
        "{excerpt}"
    );
    assert!(
        err.to_string().contains("`response.games[3].appid`"),
        "{err}"
    );
}

#[tokio::test]
async fn wrong_type_is_decode_error_with_path() {
    let body = json!({"response": {"game_count": 2, "games": [{"appid": 1}, {"appid": "x"}]}});
    let err = owned_games_error(ResponseTemplate::new(200).set_body_json(body)).await;
    let (path, message, _) = as_decode(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(path, "response.games[1].appid");
    assert!(message.contains("invalid type"), "{message}");
}

#[tokio::test]
async fn wrong_envelope_is_decode_error() {
    let body = json!({"result": {"game_count": 0, "games": []}});
    let err = owned_games_error(ResponseTemplate::new(200).set_body_json(body)).await;
    let (path, message, _) = as_decode(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(path, "");
    assert!(message.contains("missing field `response`"), "{message}");
    assert!(
        err.to_string()
            .starts_with("cannot decode the response: missing field"),
        "{err}"
    );
}

#[tokio::test]
async fn success_code_42_is_no_match_and_others_api_error() {
    let server = MockServer::start().await;
    for (vanityurl, response) in [
        // Not a valid `Resolved`: the code must be read before the full decode.
        (
            "nobody",
            json!({"success": 42, "message": "No match", "steamid": {"unexpected": true}}),
        ),
        ("broken", json!({"success": "7"})),
        // A message that is not a string must not hide the failure code.
        ("odd", json!({"success": 2, "message": 5})),
    ] {
        Mock::given(method("GET"))
            .and(path("/ISteamHub/ResolveVanityURL/v1/"))
            .and(wiremock::matchers::query_param("vanityurl", vanityurl))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"response": response})))
            .mount(&server)
            .await;
    }
    let client = client_for(&server.uri());
    let resolve = async |vanityurl: &str| {
        let req = ResolveVanity {
            vanityurl: vanityurl.into(),
        };
        let err = client.execute(&req).await.unwrap_err();
        assert_no_secret(&err);
        err
    };

    let err = resolve("nobody").await;
    assert!(
        matches!(&err, Error::NoMatch { message } if message == "No match"),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "no match: No match");

    let err = resolve("broken").await;
    assert!(
        matches!(&err, Error::Api { code: Some(7), status: 200, message } if message.is_empty()),
        "{err:?}"
    );

    let err = resolve("odd").await;
    assert!(
        matches!(&err, Error::Api { code: Some(2), status: 200, message } if message == "5"),
        "{err:?}"
    );
}

#[tokio::test]
async fn backpacktf_400_with_message_is_api_error() {
    let server = serve_once(
        "DELETE",
        "/api/notifications",
        ResponseTemplate::new(400).set_body_json(json!({"message": "No such notification"})),
    )
    .await;
    let err = client_for(&server.uri())
        .execute(&delete_notification(1))
        .await
        .unwrap_err();
    assert_no_secret(&err);
    assert!(
        matches!(&err, Error::Api { code: None, status: 400, message } if message == "No such notification"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "API error (HTTP 400): No such notification"
    );
}

#[tokio::test]
async fn body_over_the_limit_is_refused() {
    let server = MockServer::start().await;
    let big = format!("{{\"response\": {{\"pad\": \"{}\"}}}}", "x".repeat(4096));
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(big, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    assert_body_too_large(&server.uri(), 1024).await;
}

/// A chunked body has no Content-Length: the limit is checked while reading.
#[tokio::test]
async fn chunked_body_over_the_limit_is_cut_while_reading() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut buf = [0u8; 4096];
        let _ = socket.read(&mut buf).await.unwrap();
        socket
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
            .await
            .unwrap();
        let chunk = "y".repeat(1000);
        // Far more than the limit, in small chunks; the client stops early.
        for _ in 0..200 {
            let frame = format!("{:x}\r\n{chunk}\r\n", chunk.len());
            if socket.write_all(frame.as_bytes()).await.is_err() {
                return;
            }
        }
        let _ = socket.write_all(b"0\r\n\r\n").await;
    });
    assert_body_too_large(&format!("http://{addr}"), 10_000).await;
    server.abort();
}

#[tokio::test]
async fn plain_http_is_refused_unless_allowed() {
    let err = Client::builder()
        .api_key(KEY)
        .base_url(ProviderId::Steam, "http://127.0.0.1:1")
        .build()
        .unwrap_err();
    assert_no_secret(&err);
    let Error::Config { message } = &err else {
        panic!("{err:?}")
    };
    assert!(message.contains("allow_http"), "{message}");

    for bad in [
        "ftp://x",
        "not a url",
        "https://h/?a=1",
        "https://user:pw@h/",
    ] {
        let err = Client::builder()
            .base_url(ProviderId::Backpacktf, bad)
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::Config { .. }), "{bad}: {err:?}");
    }
    let err = Client::builder()
        .publisher_base_url("http://127.0.0.1:1")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
}

/// A credential set but empty, or with whitespace or control characters, is refused when the
/// client is built (it would only earn a 403 naming no cause), and the error does not repeat it.
#[test]
fn malformed_credentials_are_refused_when_built() {
    for (key, token, what) in [
        ("", "tok3n", "Steam key is empty"),
        ("ABC123\n", "tok3n", "Steam key contains whitespace"),
        (" ABC123 ", "tok3n", "Steam key contains whitespace"),
        (
            "ABC\u{0}123",
            "tok3n",
            "Steam key contains whitespace or control",
        ),
        ("ABC123", "", "backpack.tf token is empty"),
        ("ABC123", "to ken", "backpack.tf token contains whitespace"),
    ] {
        let err = Client::builder()
            .api_key(key)
            .token(token)
            .build()
            .unwrap_err();
        let Error::Config { message } = &err else {
            panic!("{key:?}/{token:?}: {err:?}")
        };
        assert!(message.contains(what), "{key:?}/{token:?}: {message}");
        let shown = format!("{err} {err:?}");
        for secret in [key.trim(), token.trim()]
            .into_iter()
            .filter(|s| s.len() > 1)
        {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
    assert!(
        Client::builder()
            .api_key("ABC123")
            .token("t0k")
            .build()
            .is_ok()
    );
}

#[tokio::test]
async fn missing_credential_sends_nothing() {
    let server = serve_nothing().await;
    let no_token = Client::builder()
        .api_key(KEY)
        .base_url(ProviderId::Backpacktf, &server.uri())
        .allow_http(true)
        .build()
        .unwrap();
    let err = no_token.execute(&delete_notification(1)).await.unwrap_err();
    assert_no_secret(&err);
    let Error::Config { message } = &err else {
        panic!("{err:?}")
    };
    assert!(message.contains("ClientBuilder::token"), "{message}");

    let no_key = Client::builder()
        .token(TOKEN)
        .base_url(ProviderId::Steam, &server.uri())
        .allow_http(true)
        .build()
        .unwrap();
    let err = no_key.execute(&owned_games()).await.unwrap_err();
    assert!(
        matches!(&err, Error::Config { message } if message.contains("api_key")),
        "{err:?}"
    );
}

#[tokio::test]
async fn invalid_request_sends_nothing() {
    let server = serve_nothing().await;
    let client = client_for(&server.uri());
    let req = GetOwnedGames {
        appids_filter: vec![1, 2, 3, 4],
        ..owned_games()
    };
    let err = client.execute(&req).await.unwrap_err();
    assert_no_secret(&err);
    let Error::Invalid(errors) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.as_slice()[0].path(), "appids_filter");
    assert!(
        err.to_string()
            .starts_with("invalid request (not sent): appids_filter"),
        "{err}"
    );
    assert!(std::error::Error::source(&err).is_some());

    let err = client.execute(&delete_notification(0)).await.unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
}

#[tokio::test]
async fn redirect_to_another_host_is_not_followed() {
    let other = serve_nothing().await;
    let target = format!(
        "http://localhost:{}/IPlayerService/GetOwnedGames/v1/",
        other.address().port()
    );
    let err =
        owned_games_error(ResponseTemplate::new(302).insert_header("location", target.as_str()))
            .await;
    let (status, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(status, 302);
    assert!(excerpt.contains("not followed"), "{excerpt}");
    assert!(!excerpt.contains("/IPlayerService"), "{excerpt}");
}

/// 304 Not Modified carries no Location: no redirect to speak of.
#[tokio::test]
async fn not_modified_is_no_redirect() {
    let err = owned_games_error(ResponseTemplate::new(304)).await;
    let (status, excerpt) = as_http(&err).unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!((status, excerpt), (304, ""));
    assert_eq!(err.to_string(), "HTTP 304 Not Modified");
}

#[tokio::test]
async fn redirect_on_the_same_host_is_followed() {
    let server = MockServer::start().await;
    Mock::given(path("/IPlayerService/GetOwnedGames/v1/"))
        .respond_with(ResponseTemplate::new(307).insert_header("location", "/moved"))
        .mount(&server)
        .await;
    Mock::given(path("/moved"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"response": {"game_count": 5, "games": []}})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let games = client_for(&server.uri())
        .execute(&owned_games())
        .await
        .unwrap();
    assert_eq!(games.game_count, 5);
    // The followed request must not carry the first URL, whose query holds the key.
    let requests = server.received_requests().await.unwrap_or_default();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert!(
            !request.headers.contains_key("referer"),
            "{} sent a Referer",
            request.url.path()
        );
    }
}

#[tokio::test]
async fn timeout_and_connect_errors() {
    let server = serve_all(ResponseTemplate::new(200).set_delay(Duration::from_secs(5))).await;
    let client = steam_builder::<Client>(KEY, &server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client.execute(&owned_games()).await.unwrap_err();
    assert_no_secret(&err);
    assert!(matches!(err, Error::Timeout), "{err:?}");
    assert!(err.is_retryable());

    // A port nobody listens on: bound, then released.
    let err = client_for(&refused_base())
        .execute(&owned_games())
        .await
        .unwrap_err();
    assert_no_secret(&err);
    let Error::Transport { kind, message } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*kind, TransportKind::Connect, "{message}");
    assert!(
        !message.contains("127.0.0.1"),
        "no URL in the message: {message}"
    );
}

#[tokio::test]
async fn client_and_builder_debug_redact_secrets() {
    let builder = Client::builder().api_key(KEY).token(TOKEN);
    let text = format!("{builder:?}");
    assert!(!text.contains(KEY) && !text.contains(TOKEN), "{text}");
    assert!(text.contains("<redacted>"), "{text}");
    let client = builder.build().unwrap();
    for text in [format!("{client:?}"), format!("{client:#?}")] {
        assert!(!text.contains(KEY) && !text.contains(TOKEN), "{text}");
        assert!(text.contains("<redacted>"), "{text}");
    }
}

#[test]
fn blocking_client_same_behaviour() {
    // reqwest's blocking client runs its own runtime: keep it off any async
    // runtime, and run the mock server on one of its own.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(async {
        let server = serve_once(
            "POST",
            "/IFavoritesService/SetFavorites/v1/",
            ResponseTemplate::new(200).set_body_json(json!({"response": {"saved": 1}})),
        )
        .await;
        Mock::given(method("GET"))
            .respond_with(
                ResponseTemplate::new(403).set_body_raw("<h1>Forbidden</h1>", "text/html"),
            )
            .mount(&server)
            .await;
        server
    });
    let uri = server.uri();
    std::thread::spawn(move || {
        let client = steam_builder::<steam_webapi::blocking::Client>(KEY, &uri)
            .build()
            .unwrap();
        assert!(!format!("{client:?}").contains(KEY));
        let req = SetFavorites {
            steamid: SteamId(1),
            notify: true,
            items: vec![],
        };
        assert_eq!(
            client.execute(&req).unwrap(),
            SetFavoritesResult { saved: 1 }
        );
        let err = client.execute(&owned_games()).unwrap_err();
        assert_no_secret(&err);
        assert_eq!(err.to_string(), "HTTP 403 Forbidden: Forbidden");
        let bad = GetOwnedGames {
            appids_filter: vec![1, 2, 3, 4],
            ..owned_games()
        };
        assert!(matches!(client.execute(&bad), Err(Error::Invalid(_))));
    })
    .join()
    .unwrap();
    let sent = rt.block_on(server.received_requests()).unwrap();
    assert_eq!(sent.len(), 2);
    let form = form_map(&sent[0]);
    assert_eq!(
        form["input_json"],
        r#"{"steamid":"1","notify":true,"items":[]}"#
    );
}

// ---- a third provider --------------------------------------------------------

/// A provider of its own sends its own credential under its own parameter
/// name, its own format parameter, and its POST parameters where its
/// `providers.yaml` says; never Steam's key or backpack.tf's token.
#[tokio::test]
async fn a_third_provider_sends_its_own_credential_and_format_parameter() {
    const ACME: ProviderId = ProviderId::Other("acme");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/IAcmeStatus/SetStatus/v1/"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": {"up": true}})))
        .mount(&server)
        .await;
    let client = Client::builder()
        .api_key(KEY)
        .token(TOKEN)
        .credential(ACME, "ACMESECRET42")
        .base_url(ACME, &server.uri())
        .allow_http(true)
        .build()
        .unwrap();
    let req = SetAcmeStatus {
        service: "web".into(),
    };
    assert_eq!(client.execute(&req).await.unwrap(), AcmeStatus { up: true });

    // The same call in XML: `output=xml`, decoded from XML.
    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            "<?xml version=\"1.0\"?>\n<status><up>false</up></status>",
            "text/xml",
        ))
        .mount(&server)
        .await;
    let xml = client.with_format(steam_webapi::Format::Xml);
    assert_eq!(xml.execute(&req).await.unwrap(), AcmeStatus { up: false });

    let sent = server.received_requests().await.unwrap();
    let query: Vec<(String, String)> = sent[0].url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        [
            ("service".into(), "web".into()),
            ("access_token".into(), "ACMESECRET42".into()),
            ("output".into(), "xml".into()),
        ],
        "the third provider's own names, in the query (no form_body)"
    );
    assert!(sent[0].body.is_empty());
    let debug = format!("{client:?}");
    assert!(
        !debug.contains("ACMESECRET42") && debug.contains("acme"),
        "{debug}"
    );

    // Without its credential: a Config error naming it, nothing sent.
    let keyless = Client::builder()
        .api_key(KEY)
        .base_url(ACME, &server.uri())
        .allow_http(true)
        .build()
        .unwrap();
    let err = keyless.execute(&req).await.unwrap_err();
    assert!(
        matches!(&err, Error::Config { message } if message.contains("acme") && message.contains("credential")),
        "{err:?}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}
