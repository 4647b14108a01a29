//! An SMS/WeChat provider on loopback: a real HTTP/1.1 server (enough of RFC 9112 for a real
//! client: a request line, headers, a `Content-Length` body, one request per connection)
//! that takes the notifier's `POST`s and keeps them. It checks the key
//! (`Authorization: Bearer <key>`, else 401), honours `Idempotency-Key` as providers that
//! support it do (a key it accepted before is answered with the same message id and not
//! delivered again), and answers `{"message_id": "stub-<n>"}`. It can be told to fail
//! every request with a status (an outage: 503, 429), optionally with `Retry-After`, to
//! refuse one recipient for good
//! (400), and to accept the next message but answer it late (an answer lost to the
//! client's timeout, as when the sender crashes between the provider's acceptance and its
//! record).
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One request as received, with the status it was answered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderRequest {
    /// `POST`, …
    pub method: String,
    /// The request target (`/v1/messages`).
    pub path: String,
    /// The headers, names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
    /// The status it was answered with.
    pub status: u16,
    /// The message id answered, for a message accepted.
    pub message_id: Option<String>,
}

impl ProviderRequest {
    /// The value of header `name` (case-insensitive), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON (`Null` when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_default()
    }

    /// Its `Idempotency-Key`.
    pub fn idempotency_key(&self) -> Option<&str> {
        self.header("idempotency-key")
    }
}

#[derive(Default)]
struct Shared {
    key: String,
    requests: Vec<ProviderRequest>,
    /// Idempotency keys accepted, with the message id answered.
    accepted: Vec<(String, String)>,
    /// Messages delivered (accepted the first time for their key), oldest first.
    delivered: Vec<ProviderRequest>,
    failing: Option<u16>,
    retry_after: Option<String>,
    refused: Vec<String>,
    late: Option<Duration>,
}

/// The provider; stopped when dropped.
pub struct ProviderStub {
    addr: SocketAddr,
    shared: Arc<Mutex<Shared>>,
    task: Option<JoinHandle<()>>,
}

impl ProviderStub {
    /// Starts on a free loopback port, accepting requests authorised by `key`.
    pub async fn start(key: &str) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Mutex::new(Shared {
            key: key.to_owned(),
            ..Shared::default()
        }));
        let task = Some(tokio::spawn(accept(listener, shared.clone())));
        Ok(Self { addr, shared, task })
    }

    /// The URL the sender is configured with (`http://127.0.0.1:<port>/v1/messages`).
    pub fn url(&self) -> String {
        format!("http://{}/v1/messages", self.addr)
    }

    fn with<T>(&self, f: impl FnOnce(&mut Shared) -> T) -> T {
        let mut s = self.shared.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut s)
    }

    /// Answers every request with `status` (an outage: 503, 429, …) until called with
    /// `None`.
    pub fn fail_with(&self, status: Option<u16>) {
        self.with(|s| s.failing = status);
    }

    /// Answers the failing requests with `Retry-After: <value>` (seconds or an HTTP-date)
    /// until called with `None`.
    pub fn retry_after(&self, value: Option<&str>) {
        self.with(|s| s.retry_after = value.map(str::to_owned));
    }

    /// Refuses messages to `to` for good (400).
    pub fn refuse(&self, to: &str) {
        self.with(|s| s.refused.push(to.to_owned()));
    }

    /// Accepts the next message but answers only after `delay`.
    pub fn answer_next_late(&self, delay: Duration) {
        self.with(|s| s.late = Some(delay));
    }

    /// Every request received, oldest first.
    pub fn requests(&self) -> Vec<ProviderRequest> {
        self.with(|s| s.requests.clone())
    }

    /// The messages delivered (each accepted once, whatever its repeats), oldest first.
    pub fn delivered(&self) -> Vec<ProviderRequest> {
        self.with(|s| s.delivered.clone())
    }
}

impl Drop for ProviderStub {
    fn drop(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }
}

async fn accept(listener: TcpListener, shared: Arc<Mutex<Shared>>) {
    let mut sessions = tokio::task::JoinSet::new();
    while let Ok((stream, _)) = listener.accept().await {
        sessions.spawn(session(stream, shared.clone()));
    }
}

/// Reads one request; None when the connection closed before a whole one arrived.
async fn read_request(
    lines: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
) -> std::io::Result<Option<ProviderRequest>> {
    let mut line = String::new();
    if lines.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let path = parts.next().unwrap_or("").to_owned();
    let mut headers = Vec::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(None);
        }
        let l = line.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((name, value)) = l.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length.min(1 << 20)];
    lines.read_exact(&mut body).await?;
    Ok(Some(ProviderRequest {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        status: 0,
        message_id: None,
    }))
}

/// What the provider answers `request`: status, `Retry-After` and body, and how long it
/// waits first; records it.
fn answer(
    shared: &Mutex<Shared>,
    mut request: ProviderRequest,
) -> (u16, Option<String>, String, Duration) {
    let mut s = shared.lock().unwrap_or_else(|e| e.into_inner());
    let authorised = request.header("authorization") == Some(&format!("Bearer {}", s.key));
    let to = request.json()["to"].as_str().unwrap_or("").to_owned();
    let key = request.idempotency_key().map(str::to_owned);
    let (status, body, delay) = if request.method != "POST" {
        (
            405,
            r#"{"error":"method not allowed"}"#.to_owned(),
            Duration::ZERO,
        )
    } else if !authorised {
        (401, r#"{"error":"bad key"}"#.to_owned(), Duration::ZERO)
    } else if let Some(status) = s.failing {
        (
            status,
            r#"{"error":"unavailable"}"#.to_owned(),
            Duration::ZERO,
        )
    } else if s.refused.contains(&to) {
        (
            400,
            r#"{"error":"invalid number"}"#.to_owned(),
            Duration::ZERO,
        )
    } else if let Some((_, id)) = key
        .as_ref()
        .and_then(|k| s.accepted.iter().find(|(a, _)| a == k))
    {
        // Seen before: the same message, not a second one.
        request.message_id = Some(id.clone());
        (200, format!(r#"{{"message_id":"{id}"}}"#), Duration::ZERO)
    } else {
        let id = format!("stub-{}", s.delivered.len() + 1);
        request.message_id = Some(id.clone());
        if let Some(k) = key {
            s.accepted.push((k, id.clone()));
        }
        let mut delivered = request.clone();
        delivered.status = 200;
        s.delivered.push(delivered);
        let delay = s.late.take().unwrap_or(Duration::ZERO);
        (200, format!(r#"{{"message_id":"{id}"}}"#), delay)
    };
    request.status = status;
    s.requests.push(request);
    let retry_after = s
        .failing
        .filter(|f| *f == status)
        .and(s.retry_after.clone());
    (status, retry_after, body, delay)
}

async fn session(stream: TcpStream, shared: Arc<Mutex<Shared>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let Some(request) = read_request(&mut lines).await? else {
        return Ok(());
    };
    let (status, retry_after, body, delay) = answer(&shared, request);
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let retry_after = retry_after
        .map(|v| format!("retry-after: {v}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{retry_after}connection: close\r\n\r\n",
        body.len()
    );
    write.write_all(head.as_bytes()).await?;
    write.write_all(body.as_bytes()).await?;
    write.shutdown().await
}
