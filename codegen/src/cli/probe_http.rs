//! The probe's HTTP: GET only, a few calls at a time, a budget for the whole run, retries with
//! backoff on network errors, 5xx and 429. Errors never hold the URL (the key is in its query).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use steamspec::probe::{Answer, Call};

/// How to call.
pub struct Http<'a> {
    pub base_url: Option<&'a str>,
    pub allow_http: bool,
    pub key: Option<&'a str>,
    pub auth_param: &'a str,
    pub format_param: Option<&'a (String, String)>,
    pub concurrency: usize,
    pub budget: usize,
    pub retries: u32,
}

/// Largest body read (a listing is 160 KB; a response of the spec's operations far less).
const MAX_BODY: u64 = 8 << 20;

/// One answer per call, in order; `None` for a call the budget did not reach.
pub fn call_all(http: &Http, calls: &[Call]) -> Result<Vec<Option<Answer>>, String> {
    if let Some(base) = http.base_url {
        match base.split_once("://") {
            Some(("https", _)) => {}
            Some(("http", _)) if http.allow_http => {}
            Some(("http", _)) => {
                return Err("--base-url is plain http; pass --allow-http to use it".into());
            }
            _ => return Err(format!("--base-url '{base}' is not an http(s) URL")),
        }
    }
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .user_agent(concat!("steamspec-probe/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {}", e.without_url()))?;
    let spent = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let answers: Mutex<Vec<Option<Answer>>> = Mutex::new(vec![None; calls.len()]);
    std::thread::scope(|s| {
        for _ in 0..http.concurrency.min(calls.len()) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(call) = calls.get(i) else { break };
                    let answer = call_one(http, &client, call, &spent);
                    answers.lock().unwrap_or_else(|p| p.into_inner())[i] = answer;
                }
            });
        }
    });
    Ok(answers.into_inner().unwrap_or_else(|p| p.into_inner()))
}

/// Takes one request from the budget; false when it is spent.
fn take(spent: &AtomicUsize, budget: usize) -> bool {
    spent
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
            (n < budget).then_some(n + 1)
        })
        .is_ok()
}

fn call_one(
    http: &Http,
    client: &reqwest::blocking::Client,
    call: &Call,
    spent: &AtomicUsize,
) -> Option<Answer> {
    let base = match http.base_url {
        Some(b) => b.trim_end_matches('/').to_string(),
        None => format!("https://{}", call.op.host),
    };
    let url = format!("{base}{}", call.op.path);
    let mut query = call.query.clone();
    if let (Some(key), false) = (http.key, call.op.auth == steamspec::model::Auth::None) {
        query.push((http.auth_param.to_string(), key.to_string()));
    }
    if let Some((name, value)) = http.format_param {
        query.push((name.clone(), value.clone()));
    }
    let mut last = String::new();
    for attempt in 0..=http.retries {
        if !take(spent, http.budget) {
            return (attempt > 0).then(|| {
                Answer::Unreachable(format!(
                    "{last}; the request budget is spent after {attempt} attempt(s)"
                ))
            });
        }
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(250 << (attempt - 1)));
        }
        match get(client, &url, &query) {
            Ok((status, body)) if status < 500 && status != 429 => {
                return Some(Answer::Http { status, body });
            }
            Ok((status, _)) => last = format!("HTTP {status}"),
            Err(e) => last = e,
        }
    }
    Some(Answer::Unreachable(format!(
        "{last} after {} attempt(s)",
        http.retries + 1
    )))
}

/// One GET; the error text holds no URL.
fn get(
    client: &reqwest::blocking::Client,
    url: &str,
    query: &[(String, String)],
) -> Result<(u16, Vec<u8>), String> {
    use std::io::Read as _;
    let url = reqwest::Url::parse_with_params(url, query)
        .map_err(|e| format!("not a URL with these parameters: {e}"))?;
    let resp = client.get(url).send().map_err(|e| error_text(&e))?;
    let status = resp.status().as_u16();
    let mut body = Vec::new();
    resp.take(MAX_BODY)
        .read_to_end(&mut body)
        .map_err(|e| format!("reading the body: {e}"))?;
    Ok((status, body))
}

fn error_text(e: &reqwest::Error) -> String {
    use std::error::Error as _;
    if e.is_timeout() {
        return "timed out".into();
    }
    let mut text = String::from(if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    });
    let mut source = e.source();
    while let Some(cause) = source {
        let c = cause.to_string();
        if !text.ends_with(&c) {
            text.push_str(": ");
            text.push_str(&c);
        }
        source = cause.source();
    }
    text
}
