//! Delivery: the channels a message can go out on and the loop that sends what is due,
//! holds a message back while its channel is over its rate limit, retries a failure with
//! back-off (or after the wait the provider asked for with `Retry-After`, when longer, at
//! most the longest wait) and gives a message up (dead-letters it, keeping its last error)
//! after the configured attempts or at once when the channel refuses it for good. Each
//! attempt is recorded with its time, outcome and the provider's answer. It also samples
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

/// A provider's acceptance of a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accepted {
    /// The provider's id for the message, when it gave one.
    pub provider_id: Option<String>,
    /// The provider's answer code (an HTTP status, an SMTP reply code).
    pub status: Option<u16>,
}

/// Why a channel did not deliver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    /// The provider refused the message for good (bad address, rejected content): it is
    /// given up at once. Otherwise it is retried.
    pub permanent: bool,
    /// What the provider said.
    pub message: String,
    /// The provider's answer code (an HTTP status, an SMTP reply code), when it answered.
    pub status: Option<u16>,
    /// How long the provider asked to be left alone (an HTTP `Retry-After`): the next
    /// attempt waits at least this long, at most the policy's longest wait.
    pub retry_after: Option<Duration>,
}

impl SendError {
    /// A failure worth retrying (provider unreachable, busy, timed out).
    pub fn transient(message: impl Into<String>) -> Self {
        Self {
            permanent: false,
            message: message.into(),
            status: None,
            retry_after: None,
        }
    }

    /// A refusal that will not change on retry.
    pub fn permanent(message: impl Into<String>) -> Self {
        Self {
            permanent: true,
            message: message.into(),
            status: None,
            retry_after: None,
        }
    }

    /// The same, with the provider's answer code.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The same, with the wait the provider asked for.
    pub fn with_retry_after(mut self, wait: Option<Duration>) -> Self {
        self.retry_after = wait;
        self
    }
}

/// A way of delivering messages (an SMTP server, an SMS provider).
pub trait Channel: Send + Sync + 'static {
    /// Delivers `message`; Ok once the provider accepted it, with the provider's id for
    /// it when the provider gives one.
    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendError>>;
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
            store::finish(db, &m, MessageStatus::Unsent, None, None, None).await?;
            continue;
        };
        limit.record(now_ms());
        let attempt = m.attempts + 1;
        let started = Instant::now();
        let at = now_ms();
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
            Ok(accepted) => {
                let provider_id = accepted.provider_id.as_deref();
                info!(key = %m.key(), channel = name, attempt, provider_id, "message sent");
                let record = store::Attempt::sent(attempt, at, accepted.status);
                store::finish(
                    db,
                    &m,
                    MessageStatus::Sent,
                    Some(&record),
                    Some(now_ms()),
                    provider_id,
                )
                .await?;
            }
            Err(e) if e.permanent || attempt >= policy.max_attempts => {
                warn!(key = %m.key(), channel = name, attempt, error = %e.message, "message given up");
                metrics::notifier_dead_lettered(name);
                let record = store::Attempt::failed(attempt, at, &e);
                store::finish(
                    db,
                    &m,
                    MessageStatus::DeadLettered,
                    Some(&record),
                    None,
                    None,
                )
                .await?;
            }
            Err(e) => {
                let wait = next_wait(policy, attempt, e.retry_after);
                let next = now_ms() + millis(wait);
                warn!(key = %m.key(), channel = name, attempt, error = %e.message, wait_ms = millis(wait), "sending failed; will retry");
                let record = store::Attempt::failed(attempt, at, &e);
                store::retry_later(db, m.key(), &record, next).await?;
            }
        }
    }
    Ok(tried)
}

/// The wait before the attempt after failed attempt `attempt`: the back-off, or longer
/// when the provider asked for more (`Retry-After`), never longer than the longest wait.
fn next_wait(policy: &DeliveryPolicy, attempt: i64, asked: Option<Duration>) -> Duration {
    let backoff = policy.retry_delay(attempt);
    asked.map_or(backoff, |asked| backoff.max(asked.min(policy.retry_max)))
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_provider_asking_for_a_longer_wait_gets_it_up_to_the_longest_wait() {
        let p = DeliveryPolicy::default();
        let s = Duration::from_secs;
        // Nothing asked: the back-off.
        assert_eq!(next_wait(&p, 1, None), s(30));
        assert_eq!(next_wait(&p, 3, None), s(120));
        // Asked for longer than the back-off: as asked.
        assert_eq!(next_wait(&p, 1, Some(s(90))), s(90));
        // Asked for less: the back-off still holds.
        assert_eq!(next_wait(&p, 3, Some(s(5))), s(120));
        assert_eq!(next_wait(&p, 1, Some(Duration::ZERO)), s(30));
        // Asked for more than the longest wait: the longest wait (one hour).
        assert_eq!(next_wait(&p, 1, Some(s(86_400))), s(3600));
    }
}
