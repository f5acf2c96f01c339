//! `steamspec drift --live`: the listing fetched through the generated client from a loopback
//! server gives exactly what the same listing gives from a file; the key comes only from
//! STEAM_API_KEY and never shows in the output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "LIVEKEY-5c1e9f51baa1";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn listing() -> PathBuf {
    root().join("../shared/fixtures/listings/public/2025-11-13.json")
}

fn steamspec(args: &[&str], key: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_steamspec"));
    cmd.current_dir(root())
        .args(args)
        .env_remove("STEAM_API_KEY");
    if let Some(k) = key {
        cmd.env("STEAM_API_KEY", k);
    }
    cmd.output().expect("run steamspec")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

async fn server_with(status: u16, body: Vec<u8>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/ISteamWebAPIUtil/GetSupportedAPIList/v1/"))
        .and(query_param("key", KEY))
        .and(query_param("format", "json"))
        .respond_with(
            ResponseTemplate::new(status).set_body_raw(body, "application/json; charset=UTF-8"),
        )
        .expect(1)
        .mount(&server)
        .await;
    server
}

#[tokio::test(flavor = "multi_thread")]
async fn live_listing_gives_the_same_report_as_the_file() {
    let bytes = std::fs::read(listing()).expect("fixture");
    let server = server_with(200, bytes).await;
    let uri = server.uri();
    let file = listing();
    let (live, saved) = tokio::task::spawn_blocking(move || {
        let live = steamspec(
            &[
                "drift",
                "--live",
                "--base-url",
                &uri,
                "--allow-http",
                "--format",
                "json",
            ],
            Some(KEY),
        );
        let saved = steamspec(
            &[
                "drift",
                "--listing",
                &file.display().to_string(),
                "--format",
                "json",
            ],
            None,
        );
        (live, saved)
    })
    .await
    .expect("join");
    assert_eq!(live.status.code(), saved.status.code(), "{}", text(&live));
    assert_eq!(
        String::from_utf8_lossy(&live.stdout),
        String::from_utf8_lossy(&saved.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&live.stdout).expect("json report");
    assert!(report["summary"]["info"].as_u64().unwrap_or(0) > 0);
    assert!(
        !text(&live).contains(KEY),
        "the key leaked: {}",
        text(&live)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_key_is_exit_2_without_the_key() {
    let page = b"<html><head><title>Forbidden</title></head><body><h1>Forbidden</h1>Access is denied. Retrying will not help. Please verify your <pre>key=</pre> parameter.</body></html>".to_vec();
    let server = server_with(403, page).await;
    let uri = server.uri();
    let out = tokio::task::spawn_blocking(move || {
        steamspec(
            &["drift", "--live", "--base-url", &uri, "--allow-http"],
            Some(KEY),
        )
    })
    .await
    .expect("join");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let all = text(&out);
    assert!(all.contains("403"), "{all}");
    assert!(all.contains("Access is denied"), "{all}");
    assert!(!all.contains(KEY), "the key leaked: {all}");
}

#[test]
fn live_needs_the_key_in_the_environment() {
    let out = steamspec(&["drift", "--live"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("STEAM_API_KEY"), "{}", text(&out));
}

#[test]
fn plain_http_is_refused_unless_allowed() {
    let out = steamspec(
        &["drift", "--live", "--base-url", "http://127.0.0.1:9"],
        Some(KEY),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!text(&out).contains(KEY));
    assert!(text(&out).to_lowercase().contains("http"), "{}", text(&out));
}

#[test]
fn listing_and_live_are_exclusive_and_one_is_required() {
    assert_eq!(steamspec(&["drift"], None).status.code(), Some(2));
    let both = steamspec(&["drift", "--live", "--listing", "x.json"], Some(KEY));
    assert_eq!(both.status.code(), Some(2));
}
