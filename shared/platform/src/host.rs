//! The host of one domain service: given its database, request endpoints and event
//! handler, it creates the service's durable consumers, then runs the outbox relay, the
//! consumers and the micro service until told to stop, and stops them in order (stop
//! taking work, finish what is in flight, publish what was committed).
use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::Service;
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};

use crate::consumer::{self, ConsumerSpec};
use crate::health::Health;
use crate::outbox::{Relay, RelaySettings};
use crate::rpc::{self, Endpoint};
use crate::{Bus, Db, EventHandler, Result};

/// Messaging knobs shared by every service (documented in the configuration table).
#[derive(Debug, Clone, Copy)]
pub struct MessagingSettings {
    /// Attempts before a failing event is dead-lettered (`AFTERCARE_MAX_DELIVER`).
    pub max_deliver: i64,
    /// How long JetStream waits for an ack before redelivering (`AFTERCARE_ACK_WAIT_SECS`).
    pub ack_wait: Duration,
    /// Events handled in one transaction at most (`AFTERCARE_CONSUMER_BATCH`).
    pub consumer_batch: usize,
    /// Requests handled at once per service (`AFTERCARE_REQUEST_CONCURRENCY`).
    pub request_concurrency: usize,
    /// Outbox relay batching and polling.
    pub relay: RelaySettings,
    /// How often periodic jobs run, e.g. the SLA sweep (`AFTERCARE_JOB_INTERVAL_SECS`).
    pub job_interval: Duration,
}

impl Default for MessagingSettings {
    fn default() -> Self {
        Self {
            max_deliver: 5,
            ack_wait: Duration::from_secs(30),
            consumer_batch: 64,
            request_concurrency: 64,
            relay: RelaySettings::default(),
            job_interval: Duration::from_secs(30),
        }
    }
}

pub use crate::jobs::Job;

/// A domain service ready to run.
pub struct ServiceHost {
    service: Service,
    bus: Bus,
    db: Db,
    endpoints: Vec<Endpoint>,
    handler: Option<Arc<dyn EventHandler>>,
    settings: MessagingSettings,
    consumers: Vec<ConsumerSpec>,
    jobs: Vec<Job>,
    /// Set once the request endpoints are subscribed on the server.
    serving: Arc<std::sync::atomic::AtomicBool>,
}

impl ServiceHost {
    /// Creates the service's durable consumers (one per stream it reads, filtered on the
    /// event types its handlers handle, which must be those the catalogue says it
    /// consumes) on the streams that exist; a stream whose
    /// producer has not started yet is bound by the consumer loop once it exists (it
    /// reads the stream from its start, so nothing published before is missed).
    pub async fn build(
        service: Service,
        bus: Bus,
        db: Db,
        endpoints: Vec<Endpoint>,
        handler: Option<Arc<dyn EventHandler>>,
        settings: MessagingSettings,
    ) -> Result<Self> {
        // The gateway may only send what the subject catalogue lists (NATS permissions
        // are generated from it): an endpoint missing there would work in development
        // and be refused in production.
        let prefix = service.request_prefix();
        if let Some(e) = endpoints.iter().find(|e| {
            let subject = format!("{prefix}.{}", e.name());
            !aftercare_contracts::subjects::REQUESTS
                .iter()
                .any(|r| r.subject == subject)
        }) {
            return Err(crate::Error::Config(format!(
                "endpoint {prefix}.{} is not in the request catalogue (shared/contracts requests.rs)",
                e.name()
            )));
        }
        let mut consumers = Vec::new();
        if let Some(handler) = &handler {
            for (stream, subjects) in crate::handlers::filter_subjects(service, &handler.events())?
            {
                let spec = ConsumerSpec {
                    stream,
                    durable: service.durable(),
                    filter_subjects: subjects.into_iter().map(str::to_owned).collect(),
                    max_deliver: settings.max_deliver,
                    ack_wait: settings.ack_wait,
                    batch: settings.consumer_batch,
                };
                if consumer::stream_exists(&bus, &spec.stream).await? {
                    consumer::ensure(&bus, &spec).await?;
                } else {
                    // Only the producer creates its stream; the consumer binds when it
                    // appears (the consumer loop retries), so roles start in any order.
                    info!(
                        stream = %spec.stream,
                        consumer = %spec.durable,
                        "stream not created by its producer yet; the consumer binds when it is"
                    );
                }
                consumers.push(spec);
            }
        }
        Ok(Self {
            service,
            bus,
            db,
            endpoints,
            handler,
            settings,
            consumers,
            jobs: Vec::new(),
            serving: Arc::default(),
        })
    }

    /// Adds a job run every `MessagingSettings::job_interval` while the service runs.
    pub fn with_job(mut self, job: Job) -> Self {
        self.jobs.push(job);
        self
    }

    /// Opens and migrates the service's database at `database_url`, then builds the
    /// service from the endpoints and handler `parts` makes for that database. This is
    /// every service's `build`.
    pub async fn open<F>(
        service: Service,
        bus: Bus,
        database_url: &str,
        migrations: &crate::db::Migrations,
        settings: MessagingSettings,
        parts: F,
    ) -> Result<Self>
    where
        F: FnOnce(Db) -> (Vec<Endpoint>, Option<Arc<dyn EventHandler>>),
    {
        Self::open_with_clock(
            service,
            bus,
            database_url,
            migrations,
            settings,
            crate::Clock::SYSTEM,
            parts,
        )
        .await
    }

    /// [`ServiceHost::open`] with the database handle reading the time from `clock`
    /// (the system clock but in tests), for a service whose config carries one.
    pub async fn open_with_clock<F>(
        service: Service,
        bus: Bus,
        database_url: &str,
        migrations: &crate::db::Migrations,
        settings: MessagingSettings,
        clock: crate::Clock,
        parts: F,
    ) -> Result<Self>
    where
        F: FnOnce(Db) -> (Vec<Endpoint>, Option<Arc<dyn EventHandler>>),
    {
        let db = Db::connect(database_url, service.name())
            .await?
            .with_clock(clock);
        db.migrate(migrations).await?;
        let (endpoints, handler) = parts(db.clone());
        Self::build(service, bus, db, endpoints, handler, settings).await
    }

    /// The service's database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Adds this service's readiness checks (requests served, database answers, NATS
    /// connected).
    pub fn register_health(&self, health: &Health) {
        let serving = self.serving.clone();
        health.add(
            format!("{} requests", self.service.name()),
            Arc::new(move || {
                let ok = serving.load(std::sync::atomic::Ordering::SeqCst);
                Box::pin(async move {
                    if ok {
                        Ok(())
                    } else {
                        Err("endpoints not subscribed yet".into())
                    }
                })
            }),
        );
        let db = self.db.clone();
        health.add(
            format!("{} database", self.service.name()),
            Arc::new(move || {
                let db = db.clone();
                Box::pin(async move { db.ping().await.map_err(|e| e.to_string()) })
            }),
        );
        let bus = self.bus.clone();
        health.add(
            format!("{} nats", self.service.name()),
            Arc::new(move || {
                let ok = bus.connected();
                Box::pin(async move {
                    if ok {
                        Ok(())
                    } else {
                        Err("not connected".into())
                    }
                })
            }),
        );
    }

    /// Runs until `token` is cancelled, then drains.
    pub async fn run_until_stopped(self, token: CancellationToken) -> Result<()> {
        let name = self.service.name();
        let relay_token = CancellationToken::new();
        let relay = tokio::spawn(
            Relay::new(self.db.clone(), self.bus.js.clone(), self.settings.relay)
                .run(relay_token.clone()),
        );
        let mut workers = Vec::new();
        if let Some(handler) = &self.handler {
            for spec in self.consumers.clone() {
                workers.push(tokio::spawn(consumer::run(
                    self.bus.clone(),
                    self.db.clone(),
                    spec,
                    handler.clone(),
                    token.clone(),
                )));
            }
        }
        for job in self.jobs.clone() {
            workers.push(tokio::spawn(crate::jobs::run_on_schedule(
                self.db.clone(),
                job,
                self.settings.job_interval,
                token.clone(),
            )));
        }
        let server = tokio::spawn(rpc::serve(
            self.bus.clone(),
            self.service,
            self.endpoints,
            self.settings.request_concurrency,
            self.db.metrics().clone(),
            self.serving.clone(),
            token.clone(),
        ));
        info!(
            service = name,
            consumers = self.consumers.len(),
            "service running"
        );
        token.cancelled().await;
        let served = server.await;
        for w in workers {
            let _ = w.await;
        }
        relay_token.cancel();
        if tokio::time::timeout(Duration::from_secs(15), relay)
            .await
            .is_err()
        {
            warn!(
                service = name,
                "relay did not finish; pending events go out at the next start"
            );
        }
        self.db.close().await;
        info!(service = name, "service stopped");
        match served {
            Ok(r) => r,
            Err(e) => Err(crate::Error::Nats(format!("request loop panicked: {e}"))),
        }
    }
}
