//! What every Aftercare role stands on: the database pool and unit of work, the
//! transactional outbox and its relay, the idempotent inbox consumer with dead letters,
//! NATS micro request/reply, trace propagation, health and metrics.
//!
//! Services describe *what* they do (endpoints, event handlers, migrations); this crate
//! does the *how*, once, so reliability rules live in one place.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

pub mod bus;
pub mod clock;
pub mod company_settings;
pub mod consumer;
pub mod db;
pub mod dead_letter;
pub mod error;
pub mod handlers;
pub mod health;
pub mod host;
pub mod inbound;
pub mod jobs;
pub mod metrics;
pub mod nats_server;
pub mod outbox;
pub mod rpc;
pub mod settings;
pub mod telemetry;

#[doc(hidden)]
pub use aftercare_contracts as __contracts;
pub use bus::Bus;
pub use clock::Clock;
pub use company_settings::CompanySetting;
pub use db::{Backend, Db, UnitOfWork};
pub use error::{Error, Result};
pub use handlers::Handlers;
pub use host::{MessagingSettings, ServiceHost};
pub use inbound::{EventError, EventHandler, InboundEvent};

/// A boxed future, for handler traits that must be object-safe.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

/// Current time as UTC epoch milliseconds, the storage form of every instant.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Converts stored epoch milliseconds back to an instant.
pub fn from_ms(ms: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}
