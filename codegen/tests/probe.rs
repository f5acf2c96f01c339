//! `steamspec probe` against loopback servers that replay recorded bodies of
//! ../shared/fixtures/responses (and the real 410 page), and hand-mutated ones: method-gone,
//! response-drift with paths, unreachable (exit 2, never drift), the request budget, GET only,
//! and the key only on the wire.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "PROBEKEY-0d4b7e2a91c3";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(root().join("../shared/fixtures").join(rel)).expect("fixture")
}

/// Each public GET operation and a recorded success body of it (GetSupportedAPIList's is a
/// saved listing: the listing is its response).
const RECORDED: [(&str, &str); 9] = [
    (
        "/IPlayerService/GetOwnedGames/v1/",
        "responses/IPlayerService.GetOwnedGames.v1.lpradel-appinfo.json",
    ),
    (
        "/IPlayerService/GetRecentlyPlayedGames/v1/",
        "responses/IPlayerService.GetRecentlyPlayedGames.v1.lpradel.json",
    ),
    (
        "/ISteamNews/GetNewsForApp/v2/",
        "responses/ISteamNews.GetNewsForApp.v2.lpradel.json",
    ),
    (
        "/ISteamUser/GetFriendList/v1/",
        "responses/ISteamUser.GetFriendList.v1.lpradel.json",
    ),
    (
        "/ISteamUser/GetPlayerSummaries/v2/",
        "responses/ISteamUser.GetPlayerSummaries.v2.lpradel.json",
    ),
    (
        "/ISteamUserStats/GetGlobalAchievementPercentagesForApp/v2/",
        "responses/ISteamUserStats.GetGlobalAchievementPercentagesForApp.v2.lpradel.json",
    ),
    (
        "/ISteamUserStats/GetPlayerAchievements/v1/",
        "responses/ISteamUserStats.GetPlayerAchievements.v1.lpradel.json",
    ),
    (
        "/ISteamUserStats/GetUserStatsForGame/v2/",
        "responses/ISteamUserStats.GetUserStatsForGame.v2.lpradel.json",
    ),
    (
        "/ISteamWebAPIUtil/GetSupportedAPIList/v1/",
        "listings/public/2026-07-09.json",
    ),
];

const SUMMARIES: &str = "/ISteamUser/GetPlayerSummaries/v2/";

/// A server answering every recorded operation with its body, except the `overrides`.
async fn replaying(overrides: Vec<(&str, ResponseTemplate)>) -> MockServer {
    let server = MockServer::start().await;
    for (p, t) in overrides.iter() {
        Mock::given(method("GET"))
            .and(path(*p))
            .respond_with(t.clone())
            .mount(&server)
            .await;
    }
    for (p, file) in RECORDED {
        if overrides.iter().any(|(o, _)| *o == p) {
            continue;
        }
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(json(200, fixture(file)))
            .mount(&server)
            .await;
    }
    // Every other operation the probe calls answers its spec example's body.
    for (p, body) in examples() {
        if RECORDED.iter().any(|(r, _)| *r == p) || overrides.iter().any(|(o, _)| *o == p) {
            continue;
        }
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(json(200, body.into_bytes()))
            .mount(&server)
            .await;
    }
    server
}

/// (path, body) of the first successful example response of each operation of the spec.
fn examples() -> Vec<(String, String)> {
    let model = steamspec::load_dir(&root().join("spec")).unwrap().model;
    model
        .operations()
        .filter_map(|op| {
            let e = op
                .examples
                .iter()
                .find(|e| (200..300).contains(&e.status) && e.response.is_some())?;
            Some((op.path.clone(), e.response.as_ref()?.to_string()))
        })
        .collect()
}

/// How many operations the probe calls: the recorded ones and those answering examples.
fn called(publisher: bool) -> usize {
    let model = steamspec::load_dir(&root().join("spec")).unwrap().model;
    let scope = steamspec::probe::Scope {
        provider: "steam",
        publisher,
    };
    steamspec::probe::plan(&model, scope).calls.len()
}

fn json(status: u16, body: Vec<u8>) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body, "application/json; charset=UTF-8")
}

/// Runs `steamspec probe --base-url <server> --allow-http ARGS` with the key in STEAM_API_KEY.
async fn probe(server: &MockServer, args: &[&str]) -> Output {
    let mut all = vec![
        "probe".to_string(),
        "--base-url".into(),
        server.uri(),
        "--allow-http".into(),
    ];
    all.extend(args.iter().map(|s| s.to_string()));
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_steamspec"))
            .current_dir(root())
            .args(&all)
            .env("STEAM_API_KEY", KEY)
            .output()
            .expect("run steamspec")
    })
    .await
    .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn findings(o: &Output) -> Vec<Value> {
    let v: Value = serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {o:?}"));
    v["findings"].as_array().unwrap().clone()
}

/// The requests the server received, as `METHOD path`.
async fn received(server: &MockServer) -> Vec<String> {
    let mut r: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    r.sort();
    r
}

#[tokio::test(flavor = "multi_thread")]
async fn recorded_bodies_answer_clean_with_get_only_and_the_key_on_the_wire_only() {
    let server = replaying(vec![]).await;
    let out = probe(&server, &["--format", "json"]).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(findings(&out).is_empty(), "{}", stdout(&out));
    // Each planned call once, every recorded operation among them, GET only.
    let got = received(&server).await;
    assert_eq!(got.len(), called(false), "{got:?}");
    for (p, _) in RECORDED {
        assert!(got.contains(&format!("GET {p}")), "{p}: {got:?}");
    }
    let model = steamspec::load_dir(&root().join("spec")).unwrap().model;
    let mut unkeyed = 0;
    for r in server.received_requests().await.unwrap() {
        let q: Vec<(String, String)> = r.url.query_pairs().into_owned().collect();
        assert!(q.contains(&("format".into(), "json".into())), "{q:?}");
        // An operation of `auth: none` (GetNewsForApp) gets no key: the secret does not travel.
        let op = model.operations().find(|o| o.path == r.url.path()).unwrap();
        let keyed = op.auth != steamspec::model::Auth::None;
        assert_eq!(q.contains(&("key".into(), KEY.into())), keyed, "{q:?}");
        unkeyed += usize::from(!keyed);
    }
    assert!(unkeyed > 0 && unkeyed < RECORDED.len());
    // The example's request travels: GetPlayerSummaries' steamids.
    let summaries = server.received_requests().await.unwrap();
    let s = summaries
        .iter()
        .find(|r| r.url.path() == SUMMARIES)
        .unwrap();
    assert!(s.url.query_pairs().any(|(k, _)| k == "steamids"));
    assert!(!stdout(&out).contains(KEY) && !stderr(&out).contains(KEY));
    assert!(stderr(&out).contains("not a GET: a probe never calls a write operation"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_real_410_page_is_method_gone() {
    let page = fixture("responses/SteamError.410-gone.cn-testrun-2026.html");
    let gone = ResponseTemplate::new(410).set_body_raw(page, "text/html");
    let server = replaying(vec![(SUMMARIES, gone)]).await;
    let out = probe(&server, &["--format", "json"]).await;
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let f = findings(&out);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["rule"], "method-gone");
    assert_eq!(f[0]["severity"], "breaking");
    assert_eq!(f[0]["method"], "GetPlayerSummaries");
    assert_eq!(
        f[0]["message"],
        "ISteamUser/GetPlayerSummaries/v2 answered HTTP 410: <html>"
    );
    let spec = f[0]["spec"].as_str().unwrap();
    assert!(spec.starts_with("spec/steam/ISteamUser.yaml:"), "{spec}");
    // The same in SARIF, at the operation's line.
    let out = probe(&server, &["--format", "sarif"]).await;
    let log: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let r = &log["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "method-gone");
    assert_eq!(r["level"], "error");
    assert_eq!(
        log["runs"][0]["automationDetails"]["id"],
        "steamspec/probe/"
    );
    let region = &r["locations"][0]["physicalLocation"]["region"]["startLine"];
    assert_eq!(spec.rsplit(':').next().unwrap(), region.to_string());
}

#[tokio::test(flavor = "multi_thread")]
async fn mutated_bodies_are_response_drift_with_paths() {
    let mut body: Value = serde_json::from_slice(&fixture(RECORDED[4].1)).unwrap();
    let player = &mut body["response"]["players"][0];
    player["newfield"] = 1.into();
    player.as_object_mut().unwrap().remove("steamid");
    let server = replaying(vec![(SUMMARIES, json(200, body.to_string().into_bytes()))]).await;
    let out = probe(&server, &["--format", "json", "--fail-on", "warning"]).await;
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let got: Vec<String> = findings(&out)
        .iter()
        .map(|f| format!("{} {}: {}", f["severity"], f["rule"], f["message"]))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter().any(
            |g| g.starts_with("\"breaking\" \"response-drift\": \"response.players[0]")
                && g.contains("steamid")
        ),
        "{got:?}"
    );
    assert!(
        got.iter().any(
            |g| g.starts_with("\"warning\" \"response-drift\": \"response.players[0].newfield")
        ),
        "{got:?}"
    );
    // Not JSON at all.
    let not_json = replaying(vec![(SUMMARIES, json(200, b"<html>oops</html>".to_vec()))]).await;
    let f = findings(&probe(&not_json, &["--format", "json"]).await);
    assert_eq!(f.len(), 1);
    assert!(
        f[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("(root): HTTP 200 with a body that is not JSON")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn unreachable_is_exit_2_after_retries_never_drift() {
    let server = replaying(vec![(SUMMARIES, ResponseTemplate::new(503))]).await;
    let out = probe(&server, &["--format", "json", "--retries", "1"]).await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(findings(&out).is_empty(), "unreachable is not drift");
    assert!(
        stderr(&out).contains(
            "error: ISteamUser/GetPlayerSummaries/v2: unreachable: HTTP 503 after 2 attempt(s)"
        ),
        "{}",
        stderr(&out)
    );
    let hits = received(&server)
        .await
        .iter()
        .filter(|r| r.ends_with(SUMMARIES))
        .count();
    assert_eq!(hits, 2);
    // Nothing listening at all.
    let out = tokio::task::spawn_blocking(|| {
        Command::new(env!("CARGO_BIN_EXE_steamspec"))
            .current_dir(root())
            .args([
                "probe",
                "--base-url",
                "http://127.0.0.1:9",
                "--allow-http",
                "--retries",
                "0",
            ])
            .env("STEAM_API_KEY", KEY)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unreachable: cannot connect"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains(KEY) && !stdout(&out).contains(KEY));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_request_budget_holds() {
    let server = replaying(vec![]).await;
    let out = probe(&server, &["--max-requests", "3", "--concurrency", "1"]).await;
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(received(&server).await.len(), 3);
    assert!(stderr(&out).contains("not probed: the request budget (--max-requests 3) is spent"));
}

#[tokio::test(flavor = "multi_thread")]
async fn publisher_operations_only_when_asked_and_writes_never() {
    let server = replaying(vec![]).await;
    let _ = probe(&server, &["--publisher", "--format", "json"]).await;
    let got = received(&server).await;
    assert!(got.iter().all(|r| r.starts_with("GET ")), "{got:?}");
    assert!(
        got.contains(&"GET /IGameNotificationsService/EnumerateSessionsForApp/v1/".to_string())
    );
    assert!(
        !got.iter()
            .any(|r| r.contains("CreateSession") || r.contains("DeleteSession"))
    );
    assert_eq!(got.len(), called(true), "{got:?}");
    assert_eq!(
        called(true),
        called(false) + 2,
        "the two publisher-only GETs"
    );
}

#[test]
fn live_needs_a_key() {
    let out = Command::new(env!("CARGO_BIN_EXE_steamspec"))
        .current_dir(root())
        .args(["probe"])
        .env_remove("STEAM_API_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("set STEAM_API_KEY"),
        "{}",
        stderr(&out)
    );
}
