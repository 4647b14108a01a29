//! What a consumer hands to a service's handlers and what comes back: the delivered
//! event ([`InboundEvent`]), the handler interface ([`EventHandler`]) and the one
//! classification of failures ([`EventError`]). The consumer loop (`consumer`) and the
//! typed registry (`handlers`) both build on it, so neither depends on the other.
use aftercare_contracts::{Envelope, Event, EventMeta, ServiceError};
use bytes::Bytes;
use uuid::Uuid;

use crate::{BoxFuture, Error, UnitOfWork};

/// An event as delivered, with its envelope header already read.
#[derive(Debug, Clone)]
pub struct InboundEvent {
    /// Subject = wire type.
    pub subject: String,
    /// Envelope id.
    pub event_id: Uuid,
    /// Envelope version.
    pub version: u16,
    /// Raw envelope JSON.
    pub payload: Bytes,
    /// Position in the producer's stream.
    pub stream_seq: u64,
    /// Delivery attempt, from 1.
    pub delivered: i64,
}

impl InboundEvent {
    /// Parses the whole envelope as `T`; a version `T` does not read, or a mismatch, is
    /// poison.
    pub fn decode<T: Event>(&self) -> Result<Envelope<T>, EventError> {
        decode(self)
    }
}

/// Applies delivered events inside the consumer's transaction; [`Handlers`] is the one
/// implementation services use.
///
/// [`Handlers`]: crate::handlers::Handlers
pub trait EventHandler: Send + Sync + 'static {
    /// Applies `event` using `uow`; staged events commit with the effect.
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), EventError>>;

    /// The event types it handles: the consumers' filter subjects.
    fn events(&self) -> Vec<EventMeta>;
}

/// Why a handler did not apply an event; [`is_poison`](EventError::is_poison) decides
/// what the consumer does with it.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    /// The envelope does not match its type's schema: poison.
    #[error("{subject} does not match its schema at {path}: {reason}")]
    Undecodable {
        /// The event's subject.
        subject: String,
        /// JSON path of the first mismatch.
        path: String,
        /// What did not match.
        reason: String,
    },
    /// The envelope's version is not one the type reads: poison.
    #[error("{subject} version {version} is not supported")]
    UnsupportedVersion {
        /// The event's subject.
        subject: String,
        /// The version it came with.
        version: u16,
    },
    /// No handler is registered for the subject: poison.
    #[error("no handler for {0}")]
    UnknownSubject(String),
    /// A use case refused what the event asks for. A refusal of its content (invalid,
    /// unknown, not allowed: 4xx) is poison; a conflict with state that may change (409,
    /// 412, 429) and an internal failure (5xx) are retried.
    #[error("{}", refused_text(.context, .error))]
    Refused {
        /// What the handler was doing, e.g. `maintenance visit of plan …`.
        context: Option<String>,
        /// The use case's answer.
        error: Box<ServiceError>,
    },
    /// The database, NATS or stored data failed: retried.
    #[error(transparent)]
    Store(#[from] Error),
    /// The state changed under the handler (a guarded update lost): retried.
    #[error("{0}")]
    Contended(String),
}

fn refused_text(context: &Option<String>, error: &ServiceError) -> String {
    match context {
        Some(c) => format!("{c}: {} {}", error.code, error.detail),
        None => format!("{} {}", error.code, error.detail),
    }
}

impl EventError {
    /// Whether the event can never be applied as it is, so it is dead-lettered at once.
    pub fn is_poison(&self) -> bool {
        match self {
            EventError::Undecodable { .. }
            | EventError::UnsupportedVersion { .. }
            | EventError::UnknownSubject(_) => true,
            EventError::Refused { error, .. } => {
                (400..500).contains(&error.status) && !matches!(error.status, 408 | 409 | 412 | 429)
            }
            EventError::Store(_) | EventError::Contended(_) => false,
        }
    }

    /// Whether the event failed for want of storage space: it is retried for as long as
    /// the disk stays full, never dead-lettered for it, so nothing waits in the
    /// dead-letter stream once space returns.
    pub fn is_storage_full(&self) -> bool {
        match self {
            EventError::Store(e) => e.is_storage_full(),
            EventError::Refused { error, .. } => error.is_storage_full(),
            _ => false,
        }
    }

    /// A use case's refusal, saying what the handler was doing.
    pub fn refused(context: impl Into<String>, error: ServiceError) -> Self {
        EventError::Refused {
            context: Some(context.into()),
            error: Box::new(error),
        }
    }
}

impl From<ServiceError> for EventError {
    fn from(error: ServiceError) -> Self {
        EventError::Refused {
            context: None,
            error: Box::new(error),
        }
    }
}

impl From<sqlx::Error> for EventError {
    fn from(e: sqlx::Error) -> Self {
        EventError::Store(Error::Database(e))
    }
}

impl From<serde_json::Error> for EventError {
    fn from(e: serde_json::Error) -> Self {
        EventError::Store(Error::Serde(e))
    }
}

/// Reads `event` as `T`: a version `T` does not read, or a payload that does not match
/// its schema, is poison.
pub fn decode<T: Event>(event: &InboundEvent) -> Result<Envelope<T>, EventError> {
    if !EventMeta::of::<T>().reads(event.version) {
        return Err(EventError::UnsupportedVersion {
            subject: event.subject.clone(),
            version: event.version,
        });
    }
    let mut de = serde_json::Deserializer::from_slice(&event.payload);
    serde_path_to_error::deserialize(&mut de).map_err(|e| EventError::Undecodable {
        subject: event.subject.clone(),
        path: e.path().to_string(),
        reason: e.inner().to_string(),
    })
}
