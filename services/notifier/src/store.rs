//! The notifier's tables: `notification`, every message it was asked to send and how its
//! delivery went, and `notification_attempt`, each attempt at sending one. Queries portable
//! across SQLite and PostgreSQL.
use aftercare_platform::db::parse_id;
use aftercare_platform::{Db, Error, Result, UnitOfWork};
use sqlx::Row;
use sqlx::any::AnyRow;

use aftercare_contracts::intake::NotificationChannel;
use aftercare_contracts::notifier::DeliveryOutcome;

use crate::compose::{self, channel_name, language_name};
use crate::deliver::{Outgoing, SendError};

/// Where a message's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageStatus {
    /// Recorded, not tried yet.
    Pending,
    /// Tried and failed; tried again at its next attempt time.
    Failed,
    /// The provider accepted it.
    Sent,
    /// Given up: refused for good or failed every attempt.
    DeadLettered,
    /// No channel is configured for it: kept as what would have been sent.
    Unsent,
}

impl MessageStatus {
    /// Every status.
    pub const ALL: [MessageStatus; 5] = [
        MessageStatus::Pending,
        MessageStatus::Failed,
        MessageStatus::Sent,
        MessageStatus::DeadLettered,
        MessageStatus::Unsent,
    ];

    /// As stored and listed.
    pub fn name(self) -> &'static str {
        match self {
            MessageStatus::Pending => "pending",
            MessageStatus::Failed => "failed",
            MessageStatus::Sent => "sent",
            MessageStatus::DeadLettered => "dead_lettered",
            MessageStatus::Unsent => "unsent",
        }
    }

    /// The status a stored name stands for.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// One attempt at sending a message, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// Which attempt, from 1.
    pub attempt: i64,
    /// When it was made, epoch ms.
    pub at: i64,
    /// How it ended.
    pub outcome: DeliveryOutcome,
    /// The provider's answer code, when it answered.
    pub provider_status: Option<u16>,
    /// What the provider said, or why it was not reached.
    pub error: Option<String>,
}

impl Attempt {
    /// Attempt `attempt`, made at `at`, accepted with answer code `status`.
    pub(crate) fn sent(attempt: i64, at: i64, status: Option<u16>) -> Self {
        Self {
            attempt,
            at,
            outcome: DeliveryOutcome::Sent,
            provider_status: status,
            error: None,
        }
    }

    /// Attempt `attempt`, made at `at`, that failed with `e`.
    pub(crate) fn failed(attempt: i64, at: i64, e: &SendError) -> Self {
        Self {
            attempt,
            at,
            outcome: if e.permanent {
                DeliveryOutcome::Refused
            } else {
                DeliveryOutcome::Failed
            },
            provider_status: e.status,
            error: Some(e.message.clone()),
        }
    }
}

/// An attempt's outcome as stored.
pub(crate) fn outcome_name(o: DeliveryOutcome) -> &'static str {
    match o {
        DeliveryOutcome::Sent => "sent",
        DeliveryOutcome::Failed => "failed",
        DeliveryOutcome::Refused => "refused",
    }
}

/// The outcome a stored name stands for.
pub(crate) fn parse_outcome(name: &str) -> Option<DeliveryOutcome> {
    [
        DeliveryOutcome::Sent,
        DeliveryOutcome::Failed,
        DeliveryOutcome::Refused,
    ]
    .into_iter()
    .find(|o| outcome_name(*o) == name)
}

/// Records `a` as an attempt of message `key`, in the unit of work that records its result.
async fn record_attempt(uow: &mut UnitOfWork, key: &str, a: &Attempt) -> Result<()> {
    sqlx::query(
        "insert into notification_attempt (message_key, attempt, at, outcome, provider_status,
            error)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (message_key, attempt) do nothing",
    )
    .bind(key.to_owned())
    .bind(a.attempt)
    .bind(a.at)
    .bind(outcome_name(a.outcome))
    .bind(a.provider_status.map(i32::from))
    .bind(a.error.clone())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Every recorded attempt of message `key`, oldest first.
pub async fn attempts(db: &Db, key: &str) -> Result<Vec<Attempt>> {
    let rows = sqlx::query(
        "select attempt, at, outcome, provider_status, error from notification_attempt
         where message_key = $1 order by attempt",
    )
    .bind(key.to_owned())
    .fetch_all(db.read())
    .await?;
    rows.iter()
        .map(|row| {
            let outcome: String = row.try_get("outcome")?;
            let status: Option<i32> = row.try_get("provider_status")?;
            Ok(Attempt {
                attempt: row.try_get("attempt")?,
                at: row.try_get("at")?,
                outcome: parse_outcome(&outcome)
                    .ok_or_else(|| Error::corrupt("outcome", &outcome, "not a known value"))?,
                provider_status: status.and_then(|s| u16::try_from(s).ok()),
                error: row.try_get("error")?,
            })
        })
        .collect()
}

/// A recorded message with its delivery state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    /// The message (its secret, if any, masked once it is done with).
    pub outgoing: Outgoing,
    /// The event type it came from.
    pub event_type: String,
    /// Where its delivery stands.
    pub status: MessageStatus,
    /// Sending attempts made.
    pub attempts: i64,
    /// What the provider said at the last failed attempt.
    pub last_error: Option<String>,
    /// When it is (or was) next tried, epoch ms.
    pub next_attempt_at: i64,
    /// When it was recorded, epoch ms.
    pub created_at: i64,
    /// When the provider accepted it, epoch ms.
    pub sent_at: Option<i64>,
    /// The provider's id for it, when the provider gave one on accepting it.
    pub provider_message_id: Option<String>,
}

impl StoredMessage {
    /// The message's key.
    pub fn key(&self) -> &str {
        &self.outgoing.key
    }
}

const COLUMNS: &str = "message_key, event_type, ticket_id, ticket_number, customer_id, kind, \
    channel, recipient, language, subject, body, secret, status, attempts, last_error, \
    next_attempt_at, created_at, sent_at, provider_message_id";

fn from_row(row: &AnyRow) -> Result<StoredMessage> {
    let stored = |what: &str, v: &str| Error::corrupt(what, v, "not a known value");
    let channel: String = row.try_get("channel")?;
    let language: String = row.try_get("language")?;
    let status: String = row.try_get("status")?;
    let customer: Option<String> = row.try_get("customer_id")?;
    Ok(StoredMessage {
        outgoing: Outgoing {
            key: row.try_get("message_key")?,
            ticket_id: parse_id(&row.try_get::<String, _>("ticket_id")?)?,
            ticket_number: row.try_get("ticket_number")?,
            customer_id: customer.as_deref().map(parse_id).transpose()?,
            kind: row.try_get("kind")?,
            channel: compose::parse_channel(&channel).ok_or_else(|| stored("channel", &channel))?,
            to: row.try_get("recipient")?,
            language: compose::parse_language(&language)
                .ok_or_else(|| stored("language", &language))?,
            subject: row.try_get("subject")?,
            body: row.try_get("body")?,
            secret: row.try_get("secret")?,
        },
        event_type: row.try_get("event_type")?,
        status: MessageStatus::parse(&status).ok_or_else(|| stored("status", &status))?,
        attempts: row.try_get("attempts")?,
        last_error: row.try_get("last_error")?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        created_at: row.try_get("created_at")?,
        sent_at: row.try_get("sent_at")?,
        provider_message_id: row.try_get("provider_message_id")?,
    })
}

/// Records a message once: a second insert with the same key changes nothing.
pub(crate) async fn insert(
    uow: &mut UnitOfWork,
    event_type: &str,
    m: &Outgoing,
    status: MessageStatus,
) -> Result<()> {
    let now = uow.now_ms();
    // A message that will not be sent does not keep its secret.
    let (body, secret) = if status == MessageStatus::Unsent {
        (compose::redact(&m.body, m.secret.as_deref()), None)
    } else {
        (m.body.clone(), m.secret.clone())
    };
    sqlx::query(
        "insert into notification (message_key, event_type, ticket_id, ticket_number, customer_id,
            kind, channel, recipient, language, subject, body, secret, status, attempts,
            last_error, next_attempt_at, created_at, sent_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, null, $14, $14, null)
         on conflict (message_key) do nothing",
    )
    .bind(m.key.clone())
    .bind(event_type.to_owned())
    .bind(m.ticket_id.to_string())
    .bind(m.ticket_number.clone())
    .bind(m.customer_id.map(|c| c.to_string()))
    .bind(m.kind.clone())
    .bind(channel_name(m.channel))
    .bind(m.to.clone())
    .bind(language_name(m.language))
    .bind(m.subject.clone())
    .bind(body)
    .bind(secret)
    .bind(status.name())
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Up to `limit` messages to try now, the longest waiting first.
pub(crate) async fn due(db: &Db, now: i64, limit: i64) -> Result<Vec<StoredMessage>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from notification
         where status in ('pending', 'failed') and next_attempt_at <= $1
         order by next_attempt_at, created_at limit $2"
    )))
    .bind(now)
    .bind(limit)
    .fetch_all(db.read())
    .await?;
    rows.iter().map(from_row).collect()
}

/// Takes a due message for this sender by moving its next attempt to `lease`; false when
/// another sender took it first.
pub(crate) async fn claim(db: &Db, key: &str, seen_next: i64, lease: i64) -> Result<bool> {
    let n = sqlx::query(
        "update notification set next_attempt_at = $1
         where message_key = $2 and next_attempt_at = $3 and status in ('pending', 'failed')",
    )
    .bind(lease)
    .bind(key.to_owned())
    .bind(seen_next)
    .execute(db.write())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Records a message's final state with the attempt that ended it (none for a message
/// kept unsent) and the provider's id for it, if any; its secret is masked and dropped.
pub(crate) async fn finish(
    db: &Db,
    m: &StoredMessage,
    status: MessageStatus,
    attempt: Option<&Attempt>,
    sent_at: Option<i64>,
    provider_message_id: Option<&str>,
) -> Result<()> {
    let body = compose::redact(&m.outgoing.body, m.outgoing.secret.as_deref());
    let mut uow = db.begin().await?;
    sqlx::query(
        "update notification set status = $1, attempts = $2, last_error = coalesce($3, last_error),
            sent_at = $4, body = $5, secret = null, provider_message_id = $6
         where message_key = $7",
    )
    .bind(status.name())
    .bind(attempt.map_or(m.attempts, |a| a.attempt))
    .bind(attempt.and_then(|a| a.error.clone()))
    .bind(sent_at)
    .bind(body)
    .bind(provider_message_id.map(str::to_owned))
    .bind(m.outgoing.key.clone())
    .execute(uow.conn())
    .await?;
    if let Some(a) = attempt {
        record_attempt(&mut uow, m.key(), a).await?;
    }
    uow.commit().await
}

/// The messages waiting to be sent (pending, or failed and to be retried) per channel:
/// how many and when the oldest was recorded (epoch ms).
pub(crate) async fn backlog(db: &Db) -> Result<Vec<(NotificationChannel, i64, i64)>> {
    let rows = sqlx::query(
        "select channel, count(*) as waiting, min(created_at) as oldest from notification
         where status in ('pending', 'failed') group by channel",
    )
    .fetch_all(db.read())
    .await?;
    let mut backlog = Vec::with_capacity(rows.len());
    for row in &rows {
        let channel: String = row.try_get("channel")?;
        let channel = compose::parse_channel(&channel)
            .ok_or_else(|| Error::corrupt("channel", &channel, "not a known value"))?;
        backlog.push((channel, row.try_get("waiting")?, row.try_get("oldest")?));
    }
    Ok(backlog)
}

/// Records a failed attempt and when to try again.
pub(crate) async fn retry_later(db: &Db, key: &str, attempt: &Attempt, next: i64) -> Result<()> {
    let mut uow = db.begin().await?;
    sqlx::query(
        "update notification set status = 'failed', attempts = $1, last_error = $2,
            next_attempt_at = $3
         where message_key = $4",
    )
    .bind(attempt.attempt)
    .bind(attempt.error.clone())
    .bind(next)
    .bind(key.to_owned())
    .execute(uow.conn())
    .await?;
    record_attempt(&mut uow, key, attempt).await?;
    uow.commit().await
}

/// Every recorded message, newest first (for tests and the listing).
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<StoredMessage>> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from notification order by created_at desc, message_key desc limit $1"
    )))
    .bind(limit)
    .fetch_all(db.read())
    .await?;
    rows.iter().map(from_row).collect()
}
