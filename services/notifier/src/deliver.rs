//! Delivery: the channels a message can go out on and the loop that sends what is due,
//! retries a failure with back-off and gives a message up (dead-letters it, keeping its
//! last error) after the configured attempts or at once when the channel refuses it for
//! good.
use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::intake::{Language, NotificationChannel};
use aftercare_platform::{BoxFuture, Db, now_ms};
use tokio_util::sync::CancellationToken;
use tracing::{info, warn};
use uuid::Uuid;

use crate::config::DeliveryPolicy;
use crate::store::{self, MessageStatus};

/// One message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Unique per message (the notification event's id); given to the provider as its
    /// idempotency key or message id where it takes one.
    pub key: String,
    /// The ticket it is about.
    pub ticket_id: Uuid,
    /// Its number.
    pub ticket_number: String,
    /// The customer, when known.
    pub customer_id: Option<Uuid>,
    /// What it is about (`technician_booked`, `one_time_code`, …).
    pub kind: String,
    /// How to send it.
    pub channel: NotificationChannel,
    /// Phone number, e-mail address or WeChat id.
    pub to: String,
    /// Its language.
    pub language: Language,
    /// Subject line, for e-mail.
    pub subject: String,
    /// The text.
    pub body: String,
    /// A secret in the text (a one-time code), masked once the message is done with.
    pub secret: Option<String>,
}

/// Why a channel did not deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// The provider refused the message for good (bad address, rejected content): it is
    /// given up at once. Otherwise it is retried.
    pub permanent: bool,
    /// What the provider said.
    pub message: String,
}

impl SendError {
    /// A failure worth retrying (provider unreachable, busy, timed out).
    pub fn transient(message: impl Into<String>) -> Self {
        Self {
            permanent: false,
            message: message.into(),
        }
    }

    /// A refusal that will not change on retry.
    pub fn permanent(message: impl Into<String>) -> Self {
        Self {
            permanent: true,
            message: message.into(),
        }
    }
}

/// A way of delivering messages (an SMTP server, an SMS provider).
pub trait Channel: Send + Sync + 'static {
    /// Delivers `message`; Ok once the provider accepted it.
    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<(), SendError>>;
}

/// The channels configured, by notification channel; one left `None` keeps its messages
/// as unsent.
#[derive(Clone, Default)]
pub struct Channels {
    /// E-mail.
    pub email: Option<Arc<dyn Channel>>,
    /// Text messages.
    pub sms: Option<Arc<dyn Channel>>,
    /// WeChat.
    pub wechat: Option<Arc<dyn Channel>>,
}

impl std::fmt::Debug for Channels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.configured()).finish()
    }
}

impl Channels {
    /// The channel that delivers `channel`'s messages, if any.
    pub fn get(&self, channel: NotificationChannel) -> Option<&Arc<dyn Channel>> {
        match channel {
            NotificationChannel::Email => self.email.as_ref(),
            NotificationChannel::Sms => self.sms.as_ref(),
            NotificationChannel::Wechat => self.wechat.as_ref(),
        }
    }

    /// The names of the configured channels.
    pub fn configured(&self) -> Vec<&'static str> {
        [
            NotificationChannel::Email,
            NotificationChannel::Sms,
            NotificationChannel::Wechat,
        ]
        .into_iter()
        .filter(|c| self.get(*c).is_some())
        .map(crate::compose::channel_name)
        .collect()
    }
}

/// Sends what is due until `token` is cancelled.
pub(crate) async fn run(
    db: Db,
    channels: Channels,
    policy: DeliveryPolicy,
    token: CancellationToken,
) {
    while !token.is_cancelled() {
        let busy = match deliver_due(&db, &channels, &policy, &token).await {
            Ok(n) => n > 0,
            Err(e) => {
                warn!(error = %e, "reading the messages due failed; retrying");
                false
            }
        };
        if !busy {
            tokio::select! {
                _ = token.cancelled() => return,
                _ = tokio::time::sleep(policy.poll) => {}
            }
        }
    }
}

/// Sends the messages due now, one at a time; how many were tried.
async fn deliver_due(
    db: &Db,
    channels: &Channels,
    policy: &DeliveryPolicy,
    token: &CancellationToken,
) -> aftercare_platform::Result<usize> {
    let due = store::due(db, now_ms(), 32).await?;
    let mut tried = 0;
    for m in due {
        if token.is_cancelled() {
            break;
        }
        // Another replica may have taken it: the claim moves its next attempt past the
        // send timeout, so a crash mid-send leaves it to be tried again then.
        let lease = now_ms() + millis(policy.send_timeout) * 2;
        if !store::claim(db, m.key(), m.next_attempt_at, lease).await? {
            continue;
        }
        tried += 1;
        let Some(channel) = channels.get(m.outgoing.channel) else {
            store::finish(db, &m, MessageStatus::Unsent, m.attempts, None, None).await?;
            continue;
        };
        let attempt = m.attempts + 1;
        let sent = match tokio::time::timeout(policy.send_timeout, channel.send(&m.outgoing)).await
        {
            Ok(r) => r,
            Err(_) => Err(SendError::transient(format!(
                "no answer within {:?}",
                policy.send_timeout
            ))),
        };
        match sent {
            Ok(()) => {
                info!(key = %m.key(), channel = crate::compose::channel_name(m.outgoing.channel), attempt, "message sent");
                store::finish(db, &m, MessageStatus::Sent, attempt, None, Some(now_ms())).await?;
            }
            Err(e) if e.permanent || attempt >= policy.max_attempts => {
                warn!(key = %m.key(), attempt, error = %e.message, "message given up");
                store::finish(
                    db,
                    &m,
                    MessageStatus::DeadLettered,
                    attempt,
                    Some(&e.message),
                    None,
                )
                .await?;
            }
            Err(e) => {
                let next = now_ms() + millis(policy.retry_delay(attempt));
                warn!(key = %m.key(), attempt, error = %e.message, "sending failed; will retry");
                store::retry_later(db, m.key(), attempt, &e.message, next).await?;
            }
        }
    }
    Ok(tried)
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
