//! The notifier (通知发送): the one reader of the customer notifications on the NOTIFY
//! stream (`notify.customer.notification`, `notify.ticket.code_requested`). It reads them
//! through its own durable consumer (`notifier`), records each in its own database, one
//! row per event (the envelope id is the message's key, so a redelivered event never
//! records or sends twice), and delivers it through the channel configured for it (e-mail
//! over SMTP, SMS and WeChat through an HTTP provider), within the channel's rate limit,
//! with retries and back-off, until it is sent or given up (dead-lettered, with its last
//! error). With no channel configured for a message's channel the row keeps what would
//! have been sent, so a trial run shows what customers would receive.
//!
//! It answers the gateway's reads of what it keeps (`svc.notifier.*`, [`queries`]): the
//! messages newest first with their delivery status, one message, the channels
//! configured; secrets stay masked in every answer.
//!
//! Its settings are [`Config`], built once by the binary from the environment.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod compose;
mod config;
mod deliver;
mod http_provider;
mod limiter;
mod queries;
mod smtp;
mod store;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use aftercare_contracts::Service;
use aftercare_contracts::intake::{CustomerNotification, TicketCodeRequested};
use aftercare_contracts::permissions::NOTIFIER;
use aftercare_contracts::subjects::NOTIFY_STREAM;
use aftercare_contracts::{Event, EventMeta};
use aftercare_platform::consumer::{self, ConsumerSpec};
use aftercare_platform::health::Health;
use aftercare_platform::{
    BoxFuture, Bus, Db, EventError, EventHandler, InboundEvent, MessagingSettings, Result,
    UnitOfWork,
};
use tokio_util::sync::CancellationToken;
use tracing::info;

pub use config::{Config, DeliveryPolicy};
pub use deliver::{Accepted, Channel, Channels, Outgoing, SendError};
pub use http_provider::{HttpProvider, IDEMPOTENCY_KEY};
pub use limiter::RateLimits;
pub use smtp::Smtp;
pub use store::{Attempt, MessageStatus, StoredMessage, attempts, recent};

aftercare_platform::service_migrations!();

/// The notifier's role, durable consumer and database name.
pub const NAME: &str = NOTIFIER;

/// The notifier, ready to run.
pub struct Notifier {
    bus: Bus,
    db: Db,
    config: Config,
    consumer: ConsumerSpec,
    /// Requests answered at once.
    request_concurrency: usize,
    /// Set once the request endpoints are subscribed on the server.
    serving: Arc<AtomicBool>,
}

/// Opens and migrates the notifier's database and creates its durable consumer on the
/// NOTIFY stream when the stream exists (intake creates it; the consumer binds when it
/// appears otherwise).
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
    config: Config,
) -> Result<Notifier> {
    let db = Db::connect(database_url, NAME).await?;
    db.migrate(&MIGRATIONS).await?;
    let consumer = ConsumerSpec {
        stream: NOTIFY_STREAM.to_owned(),
        durable: NAME.to_owned(),
        filter_subjects: Recorder::EVENTS.iter().map(|s| (*s).to_owned()).collect(),
        max_deliver: settings.max_deliver,
        ack_wait: settings.ack_wait,
        batch: settings.consumer_batch,
    };
    if consumer::stream_exists(&bus, NOTIFY_STREAM).await? {
        consumer::ensure(&bus, &consumer).await?;
    } else {
        info!(
            stream = NOTIFY_STREAM,
            consumer = NAME,
            "stream not created by intake yet; the consumer binds when it is"
        );
    }
    Ok(Notifier {
        bus,
        db,
        config,
        consumer,
        request_concurrency: settings.request_concurrency,
        serving: Arc::default(),
    })
}

impl Notifier {
    /// The notifier's database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Adds the notifier's readiness checks (requests served, database answers, NATS
    /// connected).
    pub fn register_health(&self, health: &Health) {
        let serving = self.serving.clone();
        health.add(
            format!("{NAME} requests"),
            Arc::new(move || {
                let ok = serving.load(Ordering::SeqCst);
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
            format!("{NAME} database"),
            Arc::new(move || {
                let db = db.clone();
                Box::pin(async move { db.ping().await.map_err(|e| e.to_string()) })
            }),
        );
        let bus = self.bus.clone();
        health.add(
            format!("{NAME} nats"),
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

    /// Records, delivers and answers the gateway's reads until `token` is cancelled; the
    /// message being sent is finished and recorded first.
    pub async fn run_until_stopped(self, token: CancellationToken) -> Result<()> {
        let recorder = Arc::new(Recorder {
            channels: self.config.channels.clone(),
        });
        let reader = tokio::spawn(consumer::run(
            self.bus.clone(),
            self.db.clone(),
            self.consumer.clone(),
            recorder,
            token.clone(),
        ));
        let sender = tokio::spawn(deliver::run(
            self.db.clone(),
            self.config.channels.clone(),
            self.config.delivery,
            token.clone(),
        ));
        let server = tokio::spawn(aftercare_platform::rpc::serve(
            self.bus.clone(),
            Service::Notifier,
            queries::endpoints(self.db.clone(), self.config.channels.clone()),
            self.request_concurrency,
            self.db.metrics().clone(),
            self.serving.clone(),
            token.clone(),
        ));
        info!(
            channels = ?self.config.channels.configured(),
            "notifier running"
        );
        token.cancelled().await;
        let served = server.await;
        let _ = reader.await;
        let _ = sender.await;
        self.db.close().await;
        info!("notifier stopped");
        match served {
            Ok(r) => r,
            Err(e) => Err(aftercare_platform::Error::Nats(format!(
                "request loop panicked: {e}"
            ))),
        }
    }
}

/// Records each notification event as one message, in the consumer's inbox transaction.
struct Recorder {
    channels: Channels,
}

impl Recorder {
    const EVENTS: [&'static str; 2] = [CustomerNotification::TYPE, TicketCodeRequested::TYPE];

    async fn record(&self, uow: &mut UnitOfWork, event: &InboundEvent) -> Result<(), EventError> {
        let message = match event.subject.as_str() {
            CustomerNotification::TYPE => {
                let e = event.decode::<CustomerNotification>()?;
                compose::notification(e.id, &e.data)
            }
            TicketCodeRequested::TYPE => {
                let e = event.decode::<TicketCodeRequested>()?;
                compose::code(e.id, &e.data)
            }
            other => return Err(EventError::UnknownSubject(other.to_owned())),
        };
        let status = if self.channels.get(message.channel).is_some() {
            MessageStatus::Pending
        } else {
            MessageStatus::Unsent
        };
        store::insert(uow, event.subject.as_str(), &message, status).await?;
        Ok(())
    }
}

impl EventHandler for Recorder {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), EventError>> {
        Box::pin(self.record(uow, event))
    }

    fn events(&self) -> Vec<EventMeta> {
        vec![
            EventMeta::of::<CustomerNotification>(),
            EventMeta::of::<TicketCodeRequested>(),
        ]
    }
}
