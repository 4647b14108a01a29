//! Delivery: the channels a message can go out on and the loop that sends what is due,
//! holds a message back while its channel is over its rate limit, retries a failure with
//! back-off and gives a message up (dead-letters it, keeping its last error) after the
//! configured attempts or at once when the channel refuses it for good. It also samples
//! the backlog (messages waiting and the oldest one's age, per channel) for the metrics.
use std::sync::Arc;
use std::time::{Duration, Instant};

use aftercare_contracts::intake::{Language, NotificationChannel};
use aftercare_platform::metrics;
use aftercare_platform::{BoxFuture, Db, now_ms};
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};
use uuid::Uuid;

use crate::compose::channel_name;
use crate::config::DeliveryPolicy;
use crate::limiter::Limiters;
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
    /// Delivers `message`; Ok once the provider accepted it, with the provider's id for
    /// it when the provider gives one.
    fn send<'a>(
        &'a self,
        message: &'a Outgoing,
    ) -> BoxFuture<'a, Result<Option<String>, SendError>>;
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
    let mut limiters = Limiters::new(policy.limits);
    let mut sampled: Option<Instant> = None;
    while !token.is_cancelled() {
        if sampled.is_none_or(|at| at.elapsed() >= metrics::SAMPLE_EVERY) {
            sample_backlog(&db).await;
            sampled = Some(Instant::now());
        }
        let busy = match deliver_due(&db, &channels, &policy, &mut limiters, &token).await {
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

/// Records the messages waiting per channel and the oldest one's age (0 when none).
async fn sample_backlog(db: &Db) {
    match store::backlog(db).await {
        Ok(rows) => {
            let now = now_ms();
            for channel in [
                NotificationChannel::Email,
                NotificationChannel::Sms,
                NotificationChannel::Wechat,
            ] {
                let (waiting, oldest) = rows
                    .iter()
                    .find(|(c, _, _)| *c == channel)
                    .map(|(_, n, oldest)| (*n, now.saturating_sub(*oldest)))
                    .unwrap_or((0, 0));
                metrics::notifier_backlog(
                    channel_name(channel),
                    u64::try_from(waiting).unwrap_or(0),
                    Duration::from_millis(u64::try_from(oldest).unwrap_or(0)),
                );
            }
        }
        Err(e) => warn!(error = %e, "sampling the messages waiting failed"),
    }
}

/// Sends the messages due now, one at a time; how many were tried.
async fn deliver_due(
    db: &Db,
    channels: &Channels,
    policy: &DeliveryPolicy,
    limiters: &mut Limiters,
    token: &CancellationToken,
) -> aftercare_platform::Result<usize> {
    let due = store::due(db, now_ms(), 32).await?;
    let mut tried = 0;
    for m in due {
        if token.is_cancelled() {
            break;
        }
        let name = channel_name(m.outgoing.channel);
        let channel = channels.get(m.outgoing.channel);
        // Over its channel's limit, a message waits for the slot, pending, its attempts
        // untouched (the guarded update is the claim's: a replica that took it first wins).
        let limit = limiters.of(m.outgoing.channel);
        if channel.is_some()
            && let Some(free) = limit.wait_until(now_ms())
        {
            if store::claim(db, m.key(), m.next_attempt_at, free).await? {
                metrics::notifier_deferred(name);
                debug!(key = %m.key(), channel = name, "over the channel's rate limit; waits");
            }
            continue;
        }
        // Another replica may have taken it: the claim moves its next attempt past the
        // send timeout, so a crash mid-send leaves it to be tried again then.
        let lease = now_ms() + millis(policy.send_timeout) * 2;
        if !store::claim(db, m.key(), m.next_attempt_at, lease).await? {
            continue;
        }
        tried += 1;
        let Some(channel) = channel else {
            store::finish(db, &m, MessageStatus::Unsent, m.attempts, None, None, None).await?;
            continue;
        };
        limit.record(now_ms());
        let attempt = m.attempts + 1;
        let started = Instant::now();
        let sent = match tokio::time::timeout(policy.send_timeout, channel.send(&m.outgoing)).await
        {
            Ok(r) => r,
            Err(_) => Err(SendError::transient(format!(
                "no answer within {:?}",
                policy.send_timeout
            ))),
        };
        metrics::notifier_send(name, sent.is_ok(), started.elapsed());
        match sent {
            Ok(provider_id) => {
                info!(key = %m.key(), channel = name, attempt, provider_id = provider_id.as_deref(), "message sent");
                store::finish(
                    db,
                    &m,
                    MessageStatus::Sent,
                    attempt,
                    None,
                    Some(now_ms()),
                    provider_id.as_deref(),
                )
                .await?;
            }
            Err(e) if e.permanent || attempt >= policy.max_attempts => {
                warn!(key = %m.key(), channel = name, attempt, error = %e.message, "message given up");
                metrics::notifier_dead_lettered(name);
                store::finish(
                    db,
                    &m,
                    MessageStatus::DeadLettered,
                    attempt,
                    Some(&e.message),
                    None,
                    None,
                )
                .await?;
            }
            Err(e) => {
                let next = now_ms() + millis(policy.retry_delay(attempt));
                warn!(key = %m.key(), channel = name, attempt, error = %e.message, "sending failed; will retry");
                store::retry_later(db, m.key(), attempt, &e.message, next).await?;
            }
        }
    }
    Ok(tried)
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}
