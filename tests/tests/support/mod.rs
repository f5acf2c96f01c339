//! Shared by faults.rs, retries.rs and secrets.rs: the real response bodies of
//! `../shared/fixtures/responses` (read at test time, never copied), a raw TCP
//! server for what wiremock cannot do (resets, stalls, silence), and clients
//! pointed at loopback.

#![allow(dead_code)]

pub mod mutate;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use steam_webapi::{Client, ProviderId, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The real bodies of Steam's responses (see that folder's README.md).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/fixtures/responses"
    ))
}

/// One fixture's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names of the fixtures that start with `prefix` and end with `suffix`, sorted.
pub fn fixtures_named(prefix: &str, suffix: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .collect();
    names.sort();
    names
}

/// A client of both providers at `base`, with `policy`.
pub fn client(base: &str, key: &str, token: &str, policy: RetryPolicy) -> Client {
    Client::builder()
        .api_key(key)
        .token(token)
        .base_url(ProviderId::Steam, base)
        .base_url(ProviderId::Backpacktf, base)
        .allow_http(true)
        .timeout(Duration::from_secs(10))
        .retry(policy)
        .jitter_seed(7)
        .build()
        .unwrap()
}

/// Retries with waits of a few milliseconds.
pub fn fast_retries(max_retries: u32) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        deadline: Duration::from_secs(20),
    }
}

/// What the raw server does with one connection, after reading the request.
#[derive(Clone, Debug)]
pub enum Raw {
    /// Writes the bytes, then closes the connection normally (FIN).
    Send(Vec<u8>),
    /// Writes the bytes, then resets the connection (RST: SO_LINGER 0).
    SendThenReset(Vec<u8>),
    /// Writes the bytes, then keeps the connection open, silent.
    SendThenStall(Vec<u8>),
}

impl Raw {
    /// Never answers at all.
    pub fn silent() -> Self {
        Raw::SendThenStall(Vec::new())
    }

    /// Resets the connection before any byte of a response.
    pub fn reset() -> Self {
        Raw::SendThenReset(Vec::new())
    }
}

/// `HTTP/1.1 <status>` with `headers`, `connection: close` and `body`.
pub fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nconnection: close\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// A raw TCP server on loopback: connection `n` gets `answers[n]` (the last
/// one repeats). Keeps count of connections and the requests' heads.
pub struct RawServer {
    pub addr: std::net::SocketAddr,
    connections: Arc<AtomicUsize>,
    heads: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    pub async fn start(answers: Vec<Raw>) -> Self {
        assert!(!answers.is_empty());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let heads = Arc::new(Mutex::new(Vec::new()));
        let (count, seen) = (connections.clone(), heads.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let n = count.fetch_add(1, Ordering::SeqCst);
                let answer = answers[n.min(answers.len() - 1)].clone();
                let seen = seen.clone();
                tokio::spawn(async move { answer_one(socket, answer, seen).await });
            }
        });
        RawServer {
            addr,
            connections,
            heads,
            task,
        }
    }

    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// The request line and headers of each request read so far.
    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer_one(mut socket: TcpStream, answer: Raw, heads: Arc<Mutex<Vec<String>>>) {
    // Read the head (and a body, if any, by Content-Length).
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match socket.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())
                .flatten()
        })
        .unwrap_or(0);
    while buf.len() < head_end + length {
        match socket.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    heads.lock().unwrap().push(head);
    match answer {
        Raw::Send(bytes) => {
            let _ = socket.write_all(&bytes).await;
            let _ = socket.shutdown().await;
        }
        Raw::SendThenReset(bytes) => {
            let _ = socket.write_all(&bytes).await;
            let _ = socket.flush().await;
            // Let the bytes reach the client before the RST overtakes them.
            tokio::time::sleep(Duration::from_millis(50)).await;
            let _ = socket.set_zero_linger();
            drop(socket);
        }
        Raw::SendThenStall(bytes) => {
            let _ = socket.write_all(&bytes).await;
            let _ = socket.flush().await;
            tokio::time::sleep(Duration::from_secs(60)).await;
        }
    }
}

// ---- fuzzing (proptest) --------------------------------------------------------

/// Cases per fuzz target: `default` in the normal run; `FUZZ_CASES=N` for a
/// long run (`FUZZ_CASES=200000 cargo test --release -p steamspec-tests
/// --test fuzz_decode -- --nocapture`).
pub fn fuzz_cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `test` on `cases` values of `strategy` (no shrinking past 500 steps,
/// no persistence files) and prints how many ran and how long it took.
pub fn fuzz<S>(name: &str, cases: u32, strategy: S, test: impl Fn(S::Value))
where
    S: proptest::strategy::Strategy,
    S::Value: std::fmt::Debug,
{
    use proptest::test_runner::{Config, TestRunner};
    let mut runner = TestRunner::new(Config {
        cases,
        max_shrink_iters: 500,
        failure_persistence: None,
        ..Config::default()
    });
    let start = std::time::Instant::now();
    let result = runner.run(&strategy, |value| {
        test(value);
        Ok(())
    });
    eprintln!("fuzz {name}: {cases} cases in {:.1?}", start.elapsed());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}
