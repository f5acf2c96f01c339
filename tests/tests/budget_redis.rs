//! A request budget shared through Redis (`budget::RedisStore`, feature
//! `redis`), against a real `redis-server` (Debian's package; `.ci/run`
//! installs it) that each test starts on a free port and stops when done.
//!
//! Two client *processes* (this test binary run again, in `child_client`
//! mode) sharing one budget never exceed it together; a Redis that goes away
//! or stops answering gives a typed error quickly, or falls back to a local
//! budget when so configured, and never hangs.

use std::io::BufRead;
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use steam_webapi::budget::RedisStore;
use steam_webapi::{Client, Error, ProviderId, RateLimit};
use steamspec_tests::clients::{get_summaries, steam_builder, summaries};
use steamspec_tests::counting::CountingServer;

const KEY: &str = "REDISBUDGETKEY";

/// A `redis-server` on 127.0.0.1, killed when dropped.
struct RedisServer {
    child: Child,
    port: u16,
}

impl RedisServer {
    fn start() -> Self {
        let port = free_port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server runs (Debian: apt-get install redis-server; .ci/run does)");
        let server = RedisServer { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "redis-server did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The settings of one child process.
struct Share {
    base: String,
    redis: String,
    /// The store's key prefix: unique per test, so tests do not share.
    prefix: &'static str,
    calls: u32,
    limit: RateLimit,
}

/// The child's side: `calls` GetPlayerSummaries through a blocking client
/// whose budget lives in Redis; prints how many went and how many the budget
/// refused. Does nothing unless started by [`run_children`].
#[test]
fn child_client() {
    let Ok(base) = std::env::var("CHILD_BASE") else {
        return;
    };
    let var = |name: &str| std::env::var(name).unwrap();
    let num = |name: &str| var(name).parse::<u64>().unwrap();
    let store = RedisStore::open(&var("CHILD_REDIS"))
        .unwrap()
        .prefix(var("CHILD_PREFIX"));
    let mut limit = RateLimit::every(Duration::from_millis(num("CHILD_INTERVAL_MS")))
        .burst(num("CHILD_BURST") as u32)
        .max_wait(Duration::from_secs(20));
    limit.daily_cap = Some(num("CHILD_CAP")).filter(|cap| *cap > 0);
    let client: steam_webapi::blocking::Client = steam_builder(KEY, &base)
        .rate_limit(ProviderId::Steam, limit)
        .budget_store(Arc::new(store))
        .build()
        .unwrap();
    let (mut ok, mut refused) = (0, 0);
    for _ in 0..num("CHILD_CALLS") {
        match client.isteam_user().get_player_summaries(&summaries()) {
            Ok(_) => ok += 1,
            Err(Error::OverBudget { .. }) => refused += 1,
            Err(other) => panic!("{other}"),
        }
    }
    println!("RESULT {ok} {refused}");
}

/// Runs two child processes at once; their `(sent, refused)` counts summed.
fn run_children(share: &Share) -> (u32, u32) {
    let exe = std::env::current_exe().unwrap();
    let children: Vec<Child> = (0..2)
        .map(|_| {
            Command::new(&exe)
                .args([
                    "child_client",
                    "--exact",
                    "--nocapture",
                    "--test-threads",
                    "1",
                ])
                .env("CHILD_BASE", &share.base)
                .env("CHILD_REDIS", &share.redis)
                .env("CHILD_PREFIX", share.prefix)
                .env("CHILD_CALLS", share.calls.to_string())
                .env(
                    "CHILD_INTERVAL_MS",
                    share.limit.interval.as_millis().to_string(),
                )
                .env("CHILD_BURST", share.limit.burst.to_string())
                .env("CHILD_CAP", share.limit.daily_cap.unwrap_or(0).to_string())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut total = (0, 0);
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "a child failed: {out:?}");
        let line = out
            .stdout
            .lines()
            .map(Result::unwrap)
            .find_map(|l| l.split_once("RESULT ").map(|(_, counts)| counts.to_owned()))
            .unwrap_or_else(|| panic!("no result: {out:?}"));
        let counts: Vec<u32> = line.split(' ').map(|n| n.parse().unwrap()).collect();
        total.0 += counts[0];
        total.1 += counts[1];
    }
    total
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_never_exceed_one_shared_daily_cap() {
    let redis = RedisServer::start();
    let server = CountingServer::players().await;
    let share = Share {
        base: server.uri(),
        redis: redis.url(),
        prefix: "test:cap",
        calls: 8,
        limit: RateLimit::per_second(0).daily_cap(10),
    };
    let (sent, refused) = tokio::task::spawn_blocking(move || run_children(&share))
        .await
        .unwrap();
    assert_eq!((sent, refused), (10, 6));
    assert_eq!(server.count(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_take_turns_from_one_shared_bucket() {
    let redis = RedisServer::start();
    let server = CountingServer::players().await;
    // One call every 100 ms between them: ten calls span at least 900 ms.
    // (Each with a bucket of its own, they would be done in about 400 ms.)
    let share = Share {
        base: server.uri(),
        redis: redis.url(),
        prefix: "test:bucket",
        calls: 5,
        limit: RateLimit::every(Duration::from_millis(100)),
    };
    let (sent, refused) = tokio::task::spawn_blocking(move || run_children(&share))
        .await
        .unwrap();
    assert_eq!((sent, refused), (10, 0));
    let arrivals = server.arrivals();
    let span = arrivals[9] - arrivals[0];
    assert!(span >= Duration::from_millis(700), "{span:?}");
}

fn redis_client(base: &str, store: RedisStore) -> Client {
    steam_builder(KEY, base)
        .rate_limit(ProviderId::Steam, RateLimit::per_second(100))
        .budget_store(Arc::new(store.timeout(Duration::from_millis(300))))
        .build()
        .unwrap()
}

/// A `BudgetStore` error, reached within a few seconds.
async fn assert_store_error(client: &Client) {
    let started = Instant::now();
    let err = get_summaries(client).await.unwrap_err();
    assert!(matches!(err, Error::BudgetStore { .. }), "{err:?}");
    assert!(err.to_string().contains("(not sent)"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_gone_away_is_a_typed_error_or_a_local_budget_never_a_hang() {
    let mut redis = RedisServer::start();
    let server = CountingServer::players().await;
    let base = server.uri();
    let strict = redis_client(
        &base,
        RedisStore::open(&redis.url()).unwrap().prefix("test:gone"),
    );
    let lenient = redis_client(
        &base,
        RedisStore::open(&redis.url())
            .unwrap()
            .prefix("test:gone")
            .fall_back_to_local(),
    );
    get_summaries(&strict).await.unwrap();
    get_summaries(&lenient).await.unwrap();
    redis.stop();
    assert_store_error(&strict).await;
    get_summaries(&lenient).await.unwrap();
    assert_eq!(server.count(), 3);

    // A "Redis" that accepts connections and never answers: the store's timeout ends it.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("redis://{}/", silent.local_addr().unwrap());
    assert_store_error(&redis_client(&base, RedisStore::open(&url).unwrap())).await;
    // No server at all.
    let url = format!("redis://127.0.0.1:{}/", free_port());
    assert_store_error(&redis_client(&base, RedisStore::open(&url).unwrap())).await;
    assert_eq!(server.count(), 3);
}

#[test]
fn a_bad_url_is_a_config_error_and_debug_hides_the_url() {
    let err = RedisStore::open("not a url").unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
    let store = RedisStore::open("redis://:hunter2@127.0.0.1:1/").unwrap();
    let debug = format!("{store:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
}
