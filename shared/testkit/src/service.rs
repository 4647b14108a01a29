//! The service test tier: one domain service in this test process, on a temporary SQLite
//! or PostgreSQL database and a real nats-server, without the `aftercare` binary and
//! without the other roles.
//!
//! [`TestDb`] is a temporary database a test can read back: the rows a use case stored
//! and the events it staged in the outbox. [`ServiceHarness`] runs a service's own
//! `build()` (with the `Config` the test chooses) as a `ServiceHost` on that database and
//! a fresh nats-server, then lets the test send requests, publish events as their
//! producer would, and observe the replies, the events the service publishes, its dead
//! letters and its stored rows. A test that needs a single service belongs here: it
//! starts in well under a second, where the end-to-end suite starts every role.
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aftercare_contracts::{Actor, Envelope, Event, Service, ServiceError};
use aftercare_platform::bus::StreamSettings;
use aftercare_platform::dead_letter::DeadLetter;
use aftercare_platform::health::Health;
use aftercare_platform::rpc::CallError;
use aftercare_platform::{Bus, Db, MessagingSettings, ServiceHost};
use anyhow::Context;
use futures_util::StreamExt;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use sqlx::{Column, Row};
use tokio_util::sync::CancellationToken;

use crate::{NatsServer, Postgres, poll_for, wait_until};

/// How long the harness waits for a service to do what a test expects.
pub const SERVICE_WAIT: Duration = Duration::from_secs(20);

/// Which database engine a service test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    /// A SQLite file in a temporary directory (the embedded deployment).
    Sqlite,
    /// A database in a throwaway PostgreSQL cluster (the production deployment).
    Postgres,
}

/// A temporary database for one service, removed with the value; what a test reads to
/// assert the rows a use case stored and the events it staged.
pub struct TestDb {
    url: String,
    db: Db,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<Postgres>,
}

/// One row of the outbox: an event a unit of work staged to be published after commit.
#[derive(Debug, Clone)]
pub struct StagedEvent {
    /// The event's subject (its type).
    pub subject: String,
    /// The event's shape version.
    pub version: i64,
    /// The whole envelope as stored.
    pub envelope: Value,
    /// Whether the relay has published it yet.
    pub published: bool,
}

impl TestDb {
    /// An empty database for service `name` on `backend` (not migrated: the service's
    /// `build()` migrates it, as in production).
    pub async fn new(backend: TestBackend, name: &str) -> anyhow::Result<Self> {
        let (url, dir, pg) = match backend {
            TestBackend::Sqlite => {
                let dir = tempfile::tempdir()?;
                let url = format!("sqlite://{}/{name}.db", dir.path().display());
                (url, Some(dir), None)
            }
            TestBackend::Postgres => {
                let pg = Postgres::start()?;
                let url = pg.create_database(name).await?;
                (url, None, Some(pg))
            }
        };
        let db = Db::connect(&url, &format!("{name}-test"))
            .await
            .with_context(|| format!("opening the test database {url}"))?;
        Ok(Self {
            url,
            db,
            _dir: dir,
            _pg: pg,
        })
    }

    /// The URL to pass to the service's `build()`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The database, for a test that runs statements of its own.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The rows `sql` selects, each as a JSON object of column name to value (integers,
    /// reals, text, or null).
    pub async fn rows(&self, sql: &str) -> anyhow::Result<Vec<Map<String, Value>>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_all(self.db.read())
            .await
            .with_context(|| format!("querying {sql}"))?;
        Ok(rows
            .iter()
            .map(|row| {
                row.columns()
                    .iter()
                    .map(|c| (c.name().to_owned(), cell(row, c.ordinal())))
                    .collect()
            })
            .collect())
    }

    /// The single integer `sql` selects (a count).
    pub async fn count(&self, sql: &str) -> anyhow::Result<i64> {
        sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(self.db.read())
            .await
            .with_context(|| format!("querying {sql}"))
    }

    /// Runs a statement (to arrange a state a test needs).
    pub async fn execute(&self, sql: &str) -> anyhow::Result<u64> {
        Ok(sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(self.db.write())
            .await
            .with_context(|| format!("executing {sql}"))?
            .rows_affected())
    }

    /// Every event staged in the outbox, oldest first, published or not.
    pub async fn outbox(&self) -> anyhow::Result<Vec<StagedEvent>> {
        let rows = self
            .rows(
                "select subject, event_version, payload, published_at from outbox \
                 order by outbox_seq",
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                let payload = r.get("payload").and_then(Value::as_str).unwrap_or("null");
                Ok(StagedEvent {
                    subject: r
                        .get("subject")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    version: r
                        .get("event_version")
                        .and_then(Value::as_i64)
                        .unwrap_or_default(),
                    envelope: serde_json::from_str(payload)
                        .context("an outbox payload is not JSON")?,
                    published: r.get("published_at").is_some_and(|v| !v.is_null()),
                })
            })
            .collect()
    }

    /// The staged events with `subject`, oldest first.
    pub async fn staged(&self, subject: &str) -> anyhow::Result<Vec<StagedEvent>> {
        Ok(self
            .outbox()
            .await?
            .into_iter()
            .filter(|e| e.subject == subject)
            .collect())
    }
}

fn cell(row: &sqlx::any::AnyRow, i: usize) -> Value {
    if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<i32>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<String>, _>(i) {
        return v.map_or(Value::Null, Value::from);
    }
    if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(i) {
        return v.map_or(Value::Null, |b| Value::from(format!("<{} bytes>", b.len())));
    }
    Value::Null
}

/// Messaging settings for a service under test: a short ack wait so a redelivery comes
/// within the test's patience, a fast relay poll, and periodic jobs every 200 ms.
pub fn test_settings() -> MessagingSettings {
    let mut s = MessagingSettings {
        max_deliver: 3,
        ack_wait: Duration::from_secs(2),
        job_interval: Duration::from_millis(200),
        ..MessagingSettings::default()
    };
    s.relay.poll = Duration::from_millis(50);
    s
}

/// One domain service running in this process on a temporary database and its own
/// nats-server; stopped when dropped.
pub struct ServiceHarness {
    service: Service,
    db: TestDb,
    bus: Bus,
    published: Arc<Mutex<Vec<Value>>>,
    token: CancellationToken,
    task: Option<tokio::task::JoinHandle<aftercare_platform::Result<()>>>,
    watcher: tokio::task::JoinHandle<()>,
    // Dropped last: the service and the watcher are stopped before the server goes.
    _nats: NatsServer,
}

impl ServiceHarness {
    /// Starts `service` as `build` makes it (the service's own `build()` with the config
    /// the test chooses) on a fresh database of `backend`, with [`test_settings`].
    pub async fn start<F, Fut>(
        service: Service,
        backend: TestBackend,
        build: F,
    ) -> anyhow::Result<Self>
    where
        F: FnOnce(Bus, String, MessagingSettings) -> Fut,
        Fut: Future<Output = aftercare_platform::Result<ServiceHost>>,
    {
        Self::start_with(service, backend, test_settings(), build).await
    }

    /// [`ServiceHarness::start`] with the given messaging settings.
    pub async fn start_with<F, Fut>(
        service: Service,
        backend: TestBackend,
        settings: MessagingSettings,
        build: F,
    ) -> anyhow::Result<Self>
    where
        F: FnOnce(Bus, String, MessagingSettings) -> Fut,
        Fut: Future<Output = aftercare_platform::Result<ServiceHost>>,
    {
        let nats = NatsServer::start().await?;
        let db = TestDb::new(backend, service.name()).await?;
        let bus = Bus::connect(&nats.url(), &format!("{}-test", service.name())).await?;
        // Every stream, so the test can publish any producer's events and the service's
        // consumers bind at once.
        let mut streams: Vec<String> = Service::ALL.iter().map(|s| s.stream()).collect();
        streams.push(aftercare_contracts::subjects::NOTIFY_STREAM.to_owned());
        streams.push(aftercare_contracts::subjects::DEAD_LETTER_STREAM.to_owned());
        bus.ensure_streams(StreamSettings::default(), &streams)
            .await?;

        // What the service publishes, seen from the moment it starts.
        let published = Arc::new(Mutex::new(Vec::new()));
        let mut sub = bus
            .client
            .subscribe(format!("{}.>", service.name()))
            .await
            .context("watching the service's events")?;
        let mut notify = bus
            .client
            .subscribe("notify.>")
            .await
            .context("watching notifications")?;
        let seen = published.clone();
        let watcher = tokio::spawn(async move {
            loop {
                let msg = tokio::select! {
                    Some(m) = sub.next() => m,
                    Some(m) = notify.next() => m,
                    else => break,
                };
                if let Ok(v) = serde_json::from_slice::<Value>(&msg.payload)
                    && let Ok(mut all) = seen.lock()
                {
                    all.push(v);
                }
            }
        });
        bus.client.flush().await.context("flushing the watch")?;

        let host = build(
            Bus::connect(&nats.url(), &format!("aftercare-{}", service.name())).await?,
            db.url().to_owned(),
            settings,
        )
        .await
        .with_context(|| format!("building {}", service.name()))?;
        let health = Health::default();
        host.register_health(&health);
        let token = CancellationToken::new();
        let task = tokio::spawn(host.run_until_stopped(token.clone()));
        wait_until(SERVICE_WAIT, "the service to be ready", || async {
            health.failures().await.is_empty()
        })
        .await?;
        Ok(Self {
            service,
            db,
            bus,
            published,
            token,
            task: Some(task),
            watcher,
            _nats: nats,
        })
    }

    /// The service's database.
    pub fn db(&self) -> &TestDb {
        &self.db
    }

    /// The test's own connection to the nats-server.
    pub fn bus(&self) -> &Bus {
        &self.bus
    }

    /// Sends request `name` (under the service's prefix, e.g. `technician.create`) as
    /// `actor`, with the headers the gateway sets, and decodes the reply; a refusal is the
    /// service's error as it travels on the wire (the micro error headers).
    pub async fn request<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        name: &str,
        req: &Req,
        actor: Option<&Actor>,
    ) -> Result<Resp, CallError> {
        let subject = format!("{}.{name}", self.service.request_prefix());
        let mut headers = async_nats::HeaderMap::new();
        if let Some(a) = actor {
            headers.insert("Aftercare-User", a.user_id.as_str());
            headers.insert("Aftercare-Role", a.role.as_str());
        }
        let body = serde_json::to_vec(req).map_err(|e| CallError::Transport(e.to_string()))?;
        let request = async_nats::Request::new()
            .payload(body.into())
            .headers(headers)
            .timeout(Some(SERVICE_WAIT));
        let reply = self
            .bus
            .client
            .send_request(subject.clone(), request)
            .await
            .map_err(|e| match e.kind() {
                async_nats::RequestErrorKind::NoResponders => CallError::Unavailable,
                async_nats::RequestErrorKind::TimedOut => CallError::Timeout,
                _ => CallError::Transport(e.to_string()),
            })?;
        if let Some(h) = reply.headers.as_ref()
            && h.get("Nats-Service-Error-Code").is_some()
        {
            let text = h
                .get("Nats-Service-Error")
                .map(|v| v.as_str().to_owned())
                .unwrap_or_default();
            return Err(match serde_json::from_str::<ServiceError>(&text) {
                Ok(e) => CallError::Service(e),
                Err(_) => CallError::Transport(format!("unreadable error from {subject}: {text}")),
            });
        }
        serde_json::from_slice(&reply.payload)
            .map_err(|e| CallError::Transport(format!("unreadable reply from {subject}: {e}")))
    }

    /// Sends a request that must be answered, and its answer; a refusal fails the test
    /// naming the request.
    pub async fn ok(&self, name: &str, body: Value, actor: Option<&Actor>) -> Value {
        match self.request(name, &body, actor).await {
            Ok(answer) => answer,
            Err(e) => panic!("{name} was refused: {e:?}"),
        }
    }

    /// Sends a request that must be refused, and the service's refusal; an answer fails
    /// the test naming the request.
    pub async fn refused(&self, name: &str, body: Value, actor: Option<&Actor>) -> ServiceError {
        match self.request::<_, Value>(name, &body, actor).await {
            Err(CallError::Service(e)) => e,
            other => panic!("{name} was not refused: {other:?}"),
        }
    }

    /// Publishes `event` as its producer's relay would (JetStream, deduplicated on the
    /// event id) and waits for the stream's acknowledgement.
    pub async fn publish<E: Event>(&self, event: &Envelope<E>) -> anyhow::Result<()> {
        self.publish_raw(E::TYPE, &event.id.to_string(), serde_json::to_vec(event)?)
            .await
    }

    /// Publishes any bytes on `subject` with message id `msg_id` (a copy under another
    /// id is stored again; malformed payloads test the poison path).
    pub async fn publish_raw(
        &self,
        subject: &str,
        msg_id: &str,
        payload: Vec<u8>,
    ) -> anyhow::Result<()> {
        let publish = async_nats::jetstream::message::PublishMessage::build()
            .payload(payload.into())
            .message_id(msg_id);
        self.bus
            .js
            .send_publish(subject.to_owned(), publish)
            .await
            .with_context(|| format!("publishing {subject}"))?
            .await
            .with_context(|| format!("acknowledging {subject}"))?;
        Ok(())
    }

    /// The envelopes the service has published on `subject` so far, oldest first.
    pub fn published(&self, subject: &str) -> Vec<Value> {
        self.published
            .lock()
            .map(|all| {
                all.iter()
                    .filter(|e| e["type"] == subject)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until the service has published an envelope on `subject` for which `pick`
    /// holds, and returns it.
    pub async fn next_published(
        &self,
        subject: &str,
        pick: impl Fn(&Value) -> bool,
    ) -> anyhow::Result<Value> {
        poll_for(SERVICE_WAIT, &format!("{subject} to be published"), || {
            let found = self.published(subject).into_iter().find(|e| pick(e));
            async move { found }
        })
        .await
    }

    /// Waits until the service's durable consumers have nothing pending or unacknowledged:
    /// every event published so far has been handled, dead-lettered or deduplicated.
    pub async fn settled(&self) -> anyhow::Result<()> {
        let durable = self.service.durable();
        let streams: Vec<String> = aftercare_contracts::subjects::streams_consumed_by(self.service)
            .into_iter()
            .map(|(stream, _)| stream)
            .collect();
        wait_until(SERVICE_WAIT, "the service's consumers to settle", || {
            let (js, durable, streams) = (self.bus.js.clone(), durable.clone(), streams.clone());
            async move {
                for name in &streams {
                    let Ok(stream) = js.get_stream(name).await else {
                        return false;
                    };
                    let Ok(info) = stream.consumer_info(durable.as_str()).await else {
                        return false;
                    };
                    if info.num_pending > 0 || info.num_ack_pending > 0 {
                        return false;
                    }
                }
                true
            }
        })
        .await
    }

    /// The dead letters so far.
    pub async fn dead_letters(&self) -> anyhow::Result<Vec<DeadLetter>> {
        Ok(aftercare_platform::dead_letter::list(&self.bus, 1000).await?)
    }

    /// Stops the service, waiting for it to drain, and reports how it ended.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        self.token.cancel();
        if let Some(task) = self.task.take() {
            task.await.context("the service task panicked")??;
        }
        Ok(())
    }
}

impl Drop for ServiceHarness {
    fn drop(&mut self) {
        self.token.cancel();
        self.watcher.abort();
    }
}
