//! A loopback server that counts the requests it gets and notes when each
//! arrived, answering the n-th (from 0) as a script says: the budget, back-off
//! and tracing tests count requests and measure the gaps between them.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The answer to the n-th request (from 0).
type Script = Box<dyn Fn(usize) -> ResponseTemplate + Send + Sync>;

struct Recorder {
    arrivals: Arc<Mutex<Vec<Instant>>>,
    script: Script,
}

impl Respond for Recorder {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let mut arrivals = self.arrivals.lock().unwrap();
        arrivals.push(Instant::now());
        (self.script)(arrivals.len() - 1)
    }
}

/// A wiremock server on 127.0.0.1 answering every request from a script.
pub struct CountingServer {
    server: MockServer,
    arrivals: Arc<Mutex<Vec<Instant>>>,
}

impl CountingServer {
    /// Answers the n-th request with `script(n)`.
    pub async fn start(script: impl Fn(usize) -> ResponseTemplate + Send + Sync + 'static) -> Self {
        let server = MockServer::start().await;
        let arrivals = Arc::new(Mutex::new(Vec::new()));
        Mock::given(wiremock::matchers::any())
            .respond_with(Recorder {
                arrivals: Arc::clone(&arrivals),
                script: Box::new(script),
            })
            .mount(&server)
            .await;
        CountingServer { server, arrivals }
    }

    /// Answers every request with an empty GetPlayerSummaries answer.
    pub async fn players() -> Self {
        Self::start(|_| players_ok()).await
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// The requests received so far.
    pub fn count(&self) -> usize {
        self.arrivals.lock().unwrap().len()
    }

    /// When each request arrived, in order.
    pub fn arrivals(&self) -> Vec<Instant> {
        self.arrivals.lock().unwrap().clone()
    }
}

/// 200 with GetPlayerSummaries' envelope and no players.
pub fn players_ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({"response": {"players": []}}))
}
