//! Client overhead (issue 8.6): one `ISteamUser/GetPlayerSummaries/v2` call
//! through the generated client against a loopback server, and the same
//! request made with plain reqwest + serde_json into a plain struct.
//!
//! The server is a few lines of raw tokio (HTTP/1.1, keep-alive, one fixed
//! answer) on its own thread, so the server costs both sides the same and
//! little. Calls are sequential on one connection: the time per iteration is
//! the latency and its inverse the requests per second of one caller.
//!
//! - `generated`: `client.isteam_user().get_player_summaries(&request)`
//!   (validation, URL layout, key, per-request timeout, retry policy,
//!   body read with a size limit, status handling, envelope, typed decode).
//! - `plain-reqwest`: the URL written per call (ids joined with `%2C`),
//!   `reqwest::Client::get(url).send()`, `bytes()`, `serde_json::from_slice`
//!   into a hand-written struct.
//! - `plain-reqwest-timeout`: the same with the per-request timeout the
//!   generated client sets (30 s by default), which costs a timer per request.
//! - `plain-reqwest-chunked-read`: reading the body chunk by chunk with a size
//!   limit, as the generated client does.
//! - `plain-reqwest-client-config+chunked-read`: the same on a reqwest client
//!   with the generated client's settings (redirect policy, timeout, user agent).
//! - `generated+budget`: the generated client with a request budget on
//!   (`RateLimit` with a daily cap, never waiting: the take itself is timed).
//! - `generated+tracing` (feature `tracing`): the generated client with a
//!   subscriber that enables every span and event and drops them: the cost of
//!   the client's instrumentation, not of any formatting.
//! - `generated-again`: the generated client once more, last, to show how much
//!   the order of the runs moves a figure.
//!
//! Bodies: the spec's `robin-walker` example (1 player, 1 KB) and 100 players
//! with every field (75 KB).
//!
//! Run: `cargo bench -p steam-webapi --bench client -- --warm-up-time 1 --measurement-time 3`
//! (`--features tracing` for the tracing row).

use std::hint::black_box;
use std::net::SocketAddr;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;

#[path = "common/plain_player.rs"]
mod plain_player;
use plain_player::PlainPlayers;
use steam_webapi::isteam_user::GetPlayerSummariesRequest;
use steam_webapi::{Client, ProviderId, RateLimit, SteamId};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const KEY: &str = "loopback-steam-key-0123456789";
const STEAMID: u64 = 76561197960435530;

/// Starts the server on its own thread; returns its address.
fn serve(body: Vec<u8>) -> SocketAddr {
    let mut head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=UTF-8\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    head.extend_from_slice(&body);
    let answer: &'static [u8] = head.leak();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            loop {
                let (mut sock, _) = listener.accept().await.unwrap();
                sock.set_nodelay(true).unwrap();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 8192];
                    let mut filled = 0;
                    loop {
                        let n = match sock.read(&mut buf[filled..]).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => n,
                        };
                        filled += n;
                        // GET requests: the head ends the request.
                        while let Some(end) =
                            buf[..filled].windows(4).position(|w| w == b"\r\n\r\n")
                        {
                            if sock.write_all(answer).await.is_err() {
                                return;
                            }
                            buf.copy_within(end + 4..filled, 0);
                            filled -= end + 4;
                        }
                        if filled == buf.len() {
                            return;
                        }
                    }
                });
            }
        });
    });
    rx.recv().unwrap()
}

#[derive(Deserialize)]
struct PlainEnvelope {
    response: PlainPlayers,
}

fn player(i: u64) -> serde_json::Value {
    let hash = "81b5478529dce13bf24b55ac42c1af7058aaf7a9";
    serde_json::json!({
        "steamid": (STEAMID + i).to_string(),
        "communityvisibilitystate": 3,
        "profilestate": 1,
        "personaname": "Robin",
        "commentpermission": 1,
        "profileurl": "https://steamcommunity.com/id/robinwalker/",
        "avatar": format!("https://avatars.steamstatic.com/{hash}.jpg"),
        "avatarmedium": format!("https://avatars.steamstatic.com/{hash}_medium.jpg"),
        "avatarfull": format!("https://avatars.steamstatic.com/{hash}_full.jpg"),
        "avatarhash": hash,
        "lastlogoff": 1726868468,
        "personastate": 0,
        "realname": "Robin Walker",
        "primaryclanid": "103582791429521412",
        "timecreated": 1063407589,
        "personastateflags": 0,
        "gameid": "440",
        "gameserverip": "0.0.0.0:0",
        "gameextrainfo": "Team Fortress 2",
        "loccountrycode": "US",
        "locstatecode": "WA",
        "loccityid": 3961,
    })
}

/// The spec's `robin-walker` example when `n` is 1.
fn body(n: u64) -> Vec<u8> {
    let players: Vec<_> = (0..n).map(player).collect();
    serde_json::to_vec(&serde_json::json!({"response": {"players": players}})).unwrap()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for n in [1u64, 100] {
        let body = body(n);
        let addr = serve(body.clone());
        let base = format!("http://{addr}");

        let client = Client::builder()
            .api_key(KEY)
            .base_url(ProviderId::Steam, &base)
            .allow_http(true)
            .build()
            .unwrap();
        // Never waits and never runs out: the bucket and the day's count are still taken.
        let budgeted = Client::builder()
            .api_key(KEY)
            .base_url(ProviderId::Steam, &base)
            .allow_http(true)
            .rate_limit(
                ProviderId::Steam,
                RateLimit::per_second(1_000_000_000).daily_cap(u64::MAX),
            )
            .build()
            .unwrap();
        let request =
            GetPlayerSummariesRequest::new((0..n).map(|i| SteamId(STEAMID + i)).collect());
        let ids: Vec<u64> = (0..n).map(|i| STEAMID + i).collect();
        let plain = reqwest::Client::builder().build().unwrap();
        // The ids are written on every call, as the generated client does.
        let plain_url = || {
            let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
            let ids = ids.join("%2C");
            format!("{base}/ISteamUser/GetPlayerSummaries/v2/?steamids={ids}&key={KEY}&format=json")
        };
        // The generated client's reqwest settings: a redirect policy, a client-wide timeout
        // and a user agent (see runtime/src/client.rs).
        let configured = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::custom(|a| a.stop()))
            .timeout(Duration::from_secs(30))
            .user_agent("steam-webapi/0.1.0")
            .build()
            .unwrap();
        let plain_call = |timeout: Option<Duration>| {
            let mut req = plain.get(plain_url());
            if let Some(t) = timeout {
                req = req.timeout(t);
            }
            async move {
                let res = req.send().await.unwrap().error_for_status().unwrap();
                let bytes = res.bytes().await.unwrap();
                serde_json::from_slice::<PlainEnvelope>(&bytes).unwrap()
            }
        };
        // As the generated client reads: chunk by chunk into a Vec, with a size limit.
        let chunked_call = |http: &reqwest::Client| {
            let req = http.get(plain_url()).timeout(Duration::from_secs(30));
            async move {
                let mut res = req.send().await.unwrap().error_for_status().unwrap();
                let mut body = Vec::with_capacity(res.content_length().unwrap_or(0) as usize);
                while let Some(chunk) = res.chunk().await.unwrap() {
                    assert!(body.len() + chunk.len() <= 4 << 20);
                    body.extend_from_slice(&chunk);
                }
                serde_json::from_slice::<PlainEnvelope>(&body).unwrap()
            }
        };

        // Both sides agree before anything is timed.
        let typed = rt
            .block_on(client.isteam_user().get_player_summaries(&request))
            .unwrap();
        let untyped = rt.block_on(plain_call(None));
        assert_eq!(typed.players.len(), n as usize);
        assert_eq!(untyped.response.players.len(), n as usize);

        let generated_call = |client: &Client| {
            rt.block_on(
                client
                    .isteam_user()
                    .get_player_summaries(black_box(&request)),
            )
            .unwrap()
        };

        let mut g = c.benchmark_group(format!("client/player_summaries_{n}"));
        g.throughput(Throughput::Elements(1));
        g.bench_function("generated", |b| b.iter(|| generated_call(&client)));
        g.bench_function("plain-reqwest", |b| {
            b.iter(|| rt.block_on(plain_call(None)))
        });
        g.bench_function("plain-reqwest-timeout", |b| {
            b.iter(|| rt.block_on(plain_call(Some(Duration::from_secs(30)))))
        });
        g.bench_function("plain-reqwest-chunked-read", |b| {
            b.iter(|| rt.block_on(chunked_call(&plain)))
        });
        g.bench_function("plain-reqwest-client-config+chunked-read", |b| {
            b.iter(|| rt.block_on(chunked_call(&configured)))
        });
        g.bench_function("generated+budget", |b| b.iter(|| generated_call(&budgeted)));
        #[cfg(feature = "tracing")]
        g.bench_function("generated+tracing", |b| {
            let _on = tracing::subscriber::set_default(discard::Discard::default());
            b.iter(|| generated_call(&client))
        });
        // The generated client again, last: shows how much the order of the runs moves a figure.
        g.bench_function("generated-again", |b| b.iter(|| generated_call(&client)));
        g.finish();
    }
}

/// A subscriber that enables everything and keeps nothing.
#[cfg(feature = "tracing")]
mod discard {
    use std::sync::atomic::{AtomicU64, Ordering};

    #[derive(Default)]
    pub struct Discard(AtomicU64);

    impl tracing::Subscriber for Discard {
        fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
            tracing::span::Id::from_u64(self.0.fetch_add(1, Ordering::Relaxed) + 1)
        }
        fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
        fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
        fn event(&self, event: &tracing::Event<'_>) {
            std::hint::black_box(event);
        }
        fn enter(&self, _: &tracing::span::Id) {}
        fn exit(&self, _: &tracing::span::Id) {}
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
