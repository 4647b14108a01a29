//! The notifier's requests: the messages it was asked to send to customers, as kept in
//! its outbox with their delivery status, read by the gateway for the desk's "sent
//! messages" view and a ticket's messages. The notifier answers them under
//! `svc.notifier`; it owns no stream.
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::intake::{Language, NotificationChannel, NotificationKind};

/// Where a message's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// Recorded, not tried yet.
    Pending,
    /// Tried and failed; tried again at `next_attempt_at`.
    Failed,
    /// The provider accepted it.
    Sent,
    /// Given up: refused for good or failed every attempt.
    DeadLettered,
    /// No channel is configured for it (trial mode): kept as what would have been sent.
    Unsent,
}

crate::intake::notification_kinds! {
    /// What a message is about: a notification kind, or a one-time code.
    pub enum MessageKind {
        /// A one-time code for following a ticket without an account.
        OneTimeCode = "one_time_code",
    } from NotificationKind
}

/// One message to a customer and how its delivery went. Secrets in the text (a one-time
/// code, an answer link's token) are always masked (`•`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SentMessage {
    /// The message's id (the id of the notification event it came from).
    pub id: Uuid,
    /// The ticket it is about.
    pub ticket_id: Uuid,
    /// Its number (`T2026-000042`).
    pub ticket_number: String,
    /// The customer record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// What it is about.
    pub kind: MessageKind,
    /// How it is sent.
    pub channel: NotificationChannel,
    /// Where to: phone number, e-mail address or WeChat id (masked by the gateway).
    pub to: String,
    /// Its language.
    pub language: Language,
    /// Subject line (e-mail).
    pub subject: String,
    /// The text as the customer receives it, secrets masked.
    pub body: String,
    /// Where its delivery stands.
    pub status: MessageStatus,
    /// Sending attempts made.
    pub attempts: u32,
    /// What the provider said at the last failed attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
    /// Each sending attempt, oldest first: only in the answer for one message
    /// (`svc.notifier.message.get`); lists leave it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attempt_history: Vec<MessageAttempt>,
    /// When it is tried next (pending or failed only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When the notifier recorded it.
    pub created_at: DateTime<Utc>,
    /// When the provider accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<DateTime<Utc>>,
}

/// How one sending attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryOutcome {
    /// The provider accepted the message.
    Sent,
    /// Not delivered, worth retrying: the provider was busy (408, 429, 5xx), not reached
    /// or did not answer in time.
    Failed,
    /// The provider refused the message for good (a bad number, a rejected text).
    Refused,
}

/// One attempt at sending a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MessageAttempt {
    /// Which attempt, from 1.
    pub attempt: u32,
    /// When it was made.
    pub at: DateTime<Utc>,
    /// How it ended.
    pub outcome: DeliveryOutcome,
    /// The provider's answer code (an HTTP status, an SMTP reply code), when it answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_status: Option<u16>,
    /// What the provider said, or why it was not reached (failed and refused attempts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Request: the messages kept, newest first (`svc.notifier.message.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListSentMessages {
    /// Only in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    /// Only on this channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<NotificationChannel>,
    /// Only about this ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// Only to this customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Only recorded at or after this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    /// Only recorded before this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DateTime<Utc>>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page (the last message's id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

crate::rpc::id_request!(
    /// Request: one message (`svc.notifier.message.get`).
    GetSentMessage
);

/// Request: the channels messages go out on (`svc.notifier.channels.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetNotificationChannels {}

/// Reply to [`GetNotificationChannels`]: the channels configured. A message on a channel
/// not listed is kept unsent (trial mode: with none, every message is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NotificationChannels {
    /// The channels with a provider configured.
    pub configured: Vec<NotificationChannel>,
}
