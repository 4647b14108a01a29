//! The envelope every integration event travels in, and the trait that ties an event
//! type to its wire name, version and producing service.
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use uuid::Uuid;

use crate::subjects::Service;

/// Who caused an event or a request, so every service can record who did what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable user id (or `system` for automatic actions).
    pub user_id: String,
    /// Role the user acted in, e.g. `agent`, `technician`.
    pub role: String,
}

impl Actor {
    /// The actor for work the system does by itself (assignment, scheduling).
    pub fn system() -> Self {
        Self {
            user_id: "system".to_owned(),
            role: "system".to_owned(),
        }
    }
}

/// An integration event: implemented by every type published on JetStream.
pub trait Event: Serialize + DeserializeOwned + JsonSchema + Send + Sync + 'static {
    /// Wire name, identical to the NATS subject, e.g. `intake.ticket.opened`.
    const TYPE: &'static str;
    /// Shape version; a change of shape is a new version.
    const VERSION: u16;
    /// The oldest version this type still reads. A version that only adds optional
    /// fields leaves older payloads readable, so consumers keep accepting them while
    /// producers roll over.
    const OLDEST_READABLE: u16 = Self::VERSION;
    /// The producing service (owner of the stream the event lands in).
    const SOURCE: Service;
    /// The id of the entity the event is about.
    fn subject_id(&self) -> String;
}

/// What the wire knows of an event type: its subject, versions and producer, read from
/// its [`Event`] impl so registries and checks need no string of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMeta {
    /// Subject and wire name.
    pub subject: &'static str,
    /// Newest shape version.
    pub version: u16,
    /// Oldest version still read.
    pub oldest_readable: u16,
    /// Producing service.
    pub source: Service,
}

impl EventMeta {
    /// The wire facts of `T`.
    pub fn of<T: Event>() -> Self {
        Self {
            subject: T::TYPE,
            version: T::VERSION,
            oldest_readable: T::OLDEST_READABLE,
            source: T::SOURCE,
        }
    }

    /// Whether a payload of `version` is readable as this type.
    pub fn reads(&self, version: u16) -> bool {
        (self.oldest_readable..=self.version).contains(&version)
    }
}

/// The generic wrapper around an event's data; `id` doubles as the `Nats-Msg-Id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Envelope<T> {
    /// UUIDv7, unique per event; JetStream dedupes and inboxes key on it.
    pub id: Uuid,
    /// Wire name of the event (= subject).
    #[serde(rename = "type")]
    pub event_type: String,
    /// Shape version of `data`.
    pub version: u16,
    /// When the fact happened (UTC, RFC 3339).
    pub occurred_at: DateTime<Utc>,
    /// Producing service.
    pub source: String,
    /// Id of the entity the event is about.
    pub subject_id: String,
    /// Who caused it, when a person did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
    /// The event itself.
    pub data: T,
}

impl<T: Event> Envelope<T> {
    /// Wraps `data` with a fresh id and the current time.
    pub fn new(data: T, actor: Option<Actor>) -> Self {
        Self {
            id: Uuid::now_v7(),
            event_type: T::TYPE.to_owned(),
            version: T::VERSION,
            occurred_at: Utc::now(),
            source: T::SOURCE.name().to_owned(),
            subject_id: data.subject_id(),
            actor,
            data,
        }
    }
}

/// The envelope fields without the data, for code that routes on the header of an event
/// before it knows (or can parse) the data.
#[derive(Debug, Clone, Deserialize)]
pub struct EnvelopeHeader {
    /// Event id.
    pub id: Uuid,
    /// Wire name.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Shape version.
    pub version: u16,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::TicketOpened;

    #[test]
    fn envelope_round_trips_with_type_and_version() {
        let ev = Envelope::new(TicketOpened::example(), None);
        let json = serde_json::to_string(&ev).expect("serialise");
        assert!(json.contains("\"type\":\"intake.ticket.opened\""));
        let back: Envelope<TicketOpened> = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, ev);
        let head: EnvelopeHeader = serde_json::from_str(&json).expect("header");
        assert_eq!(head.id, ev.id);
        assert_eq!(head.version, TicketOpened::VERSION);
    }
}
