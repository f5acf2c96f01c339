//! The HTTP side: a hyper server on loopback, on a thread of its own with its own runtime, so
//! async and blocking tests use it alike.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::sync::oneshot;

use super::received::{Mismatch, Received};
use super::state::{Route, State, default_reply, lock, routes};
use super::stub::Reply;
use super::table::FakeOperation;
use super::wire::decode;

/// The largest request body read (Steam's own limit is far lower).
const MAX_BODY: usize = 8 << 20;

/// A running server: stopped when dropped.
pub(crate) struct Server {
    pub(crate) addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds `addr` and serves on a new thread.
    pub(crate) fn start(addr: SocketAddr, state: Arc<Mutex<State>>) -> std::io::Result<Self> {
        let listener = std::net::TcpListener::bind(addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_io()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("fake-steam".into())
            .spawn(move || runtime.block_on(serve(listener, state, stopped)))?;
        Ok(Server {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Serves until the process ends (the standalone server).
    pub(crate) fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn serve(
    listener: std::net::TcpListener,
    state: Arc<Mutex<State>>,
    mut stopped: oneshot::Receiver<()>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let routes = Arc::new(routes());
    loop {
        let stream = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => continue,
            },
        };
        let (state, routes) = (state.clone(), routes.clone());
        let service = hyper::service::service_fn(move |req| {
            let (state, routes) = (state.clone(), routes.clone());
            async move { Ok::<_, Infallible>(answer(req, &state, &routes).await) }
        });
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// One request: found, decoded, checked, recorded and answered.
async fn answer(
    req: Request<Incoming>,
    state: &Arc<Mutex<State>>,
    routes: &HashMap<Route, &'static FakeOperation>,
) -> Response<Full<Bytes>> {
    let method = req.method().as_str().to_string();
    let path = req.uri().path().to_string();
    let mut pairs: Vec<(String, String)> =
        form_urlencoded::parse(req.uri().query().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    let body = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(body) => body.to_bytes(),
        Err(_) => return reply(Reply::json(413, br#"{"error":"body too large"}"#.to_vec())),
    };
    pairs.extend(form_urlencoded::parse(&body).into_owned());
    let found = routes
        .iter()
        .find(|(r, _)| r.method == method && r.path == path);
    let Some((route, op)) = found.map(|(r, op)| (r.clone(), *op)) else {
        let problem = format!("no spec'd operation at {method} {path}");
        return refuse(
            state,
            Mismatch {
                method,
                path,
                problems: vec![problem],
            },
            404,
        );
    };
    redact(op, &mut pairs);
    match decode(op, &pairs) {
        Ok(json) => {
            let received = Received {
                request_type: op.request_type,
                method,
                path: op.info.path.into(),
                pairs,
                json,
                route: route.clone(),
            };
            let mut state = lock(state);
            let answer = state
                .stubbed(&route, &received)
                .unwrap_or_else(|| default_reply(op));
            state.received.push(received);
            reply(answer)
        }
        Err(problems) => {
            let mismatch = Mismatch {
                method: method.clone(),
                path: path.clone(),
                problems,
            };
            lock(state).received.push(Received {
                request_type: op.request_type,
                method,
                path: op.info.path.into(),
                pairs,
                json: serde_json::Value::Null,
                route,
            });
            refuse(state, mismatch, 400)
        }
    }
}

/// The credential's value never lands in a recorded request.
fn redact(op: &FakeOperation, pairs: &mut [(String, String)]) {
    for (n, v) in pairs.iter_mut() {
        if n == op.credential {
            *v = "<redacted>".into();
        }
    }
}

/// Records `mismatch` and answers `status` with its problems.
fn refuse(state: &Arc<Mutex<State>>, mismatch: Mismatch, status: u16) -> Response<Full<Bytes>> {
    let body = serde_json::json!({ "error": mismatch.problems.join("; ") });
    lock(state).mismatches.push(mismatch);
    reply(Reply::json(
        status,
        serde_json::to_vec(&body).unwrap_or_default(),
    ))
}

fn reply(r: Reply) -> Response<Full<Bytes>> {
    let mut builder = Response::builder()
        .status(r.status)
        .header("content-type", r.content_type);
    for (name, value) in r.headers {
        builder = builder.header(name, value);
    }
    builder
        .body(Full::new(Bytes::from(r.body)))
        .unwrap_or_else(|_| {
            let mut fallback = Response::new(Full::new(Bytes::from_static(b"bad stub reply")));
            *fallback.status_mut() = hyper::StatusCode::INTERNAL_SERVER_ERROR;
            fallback
        })
}
