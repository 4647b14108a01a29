//! The outbox relay: publishes committed events to JetStream in commit order and marks
//! them sent only after the PubAck. It is woken right after each commit and also polls,
//! so rows left behind by a crash between commit and publish go out at the next start.
//! There is no terminal "failed" state: a row is retried until JetStream takes it.
use std::time::Duration;

use async_nats::jetstream::{self, message::PublishMessage as Publish};
use futures::future::join_all;
use opentelemetry_semantic_conventions::attribute::{
    ERROR_TYPE, MESSAGING_DESTINATION_NAME, MESSAGING_MESSAGE_ID, MESSAGING_OPERATION_NAME,
    MESSAGING_OPERATION_TYPE, MESSAGING_SYSTEM, OTEL_STATUS_CODE,
};
use sqlx::Row;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, info_span, warn};

use crate::{Backend, Db, Result, now_ms, telemetry};

/// How the relay batches and how long it waits between polls.
#[derive(Debug, Clone, Copy)]
pub struct RelaySettings {
    /// Rows published per round (all in flight at once, awaited together).
    pub batch: i64,
    /// Poll interval when nothing wakes the relay.
    pub poll: Duration,
    /// Published rows older than this are deleted.
    pub keep_published: Duration,
    /// Inbox entries older than this are deleted: longer than any redelivery or relay
    /// retry could bring the same event back.
    pub keep_inbox: Duration,
}

impl Default for RelaySettings {
    fn default() -> Self {
        Self {
            batch: 256,
            poll: Duration::from_millis(500),
            keep_published: Duration::from_secs(24 * 3600),
            keep_inbox: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// Fault injection for the crash tests, set by `AFTERCARE_FAULT`:
/// `relay_stalled` never publishes (a crash between commit and publish),
/// `relay_exit_after_publish` exits the process after the PubAck and before the rows
/// are marked (the relay's worst moment to die). Compiled only with the
/// `fault-injection` feature, which only the test harness (dev-dependencies) enables:
/// release builds ignore `AFTERCARE_FAULT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "fault-injection"), allow(dead_code))]
enum Fault {
    None,
    Stalled,
    ExitAfterPublish,
}

#[cfg(feature = "fault-injection")]
fn fault() -> Fault {
    match std::env::var("AFTERCARE_FAULT").as_deref() {
        Ok("relay_stalled") => Fault::Stalled,
        Ok("relay_exit_after_publish") => Fault::ExitAfterPublish,
        _ => Fault::None,
    }
}

#[cfg(not(feature = "fault-injection"))]
fn fault() -> Fault {
    Fault::None
}

/// Publishes one service's outbox.
pub struct Relay {
    db: Db,
    js: jetstream::Context,
    settings: RelaySettings,
}

struct Pending {
    seq: i64,
    event_id: String,
    subject: String,
    payload: String,
    headers: String,
}

impl Relay {
    /// A relay for `db`'s outbox.
    pub fn new(db: Db, js: jetstream::Context, settings: RelaySettings) -> Self {
        Self { db, js, settings }
    }

    /// Runs until `token` is cancelled, then publishes what is still pending once more.
    pub async fn run(self, token: CancellationToken) {
        let wake = self.db.relay_wake();
        let fault = fault();
        let mut last_prune = std::time::Instant::now();
        let mut last_sample: Option<std::time::Instant> = None;
        let mut backoff = Duration::from_millis(100);
        loop {
            if fault != Fault::Stalled {
                match self.publish_pending(fault).await {
                    Ok(n) => {
                        backoff = Duration::from_millis(100);
                        if n as i64 == self.settings.batch && !token.is_cancelled() {
                            continue;
                        }
                    }
                    Err(e) => {
                        warn!(error = %e, "outbox relay could not publish; retrying");
                        tokio::select! {
                            _ = token.cancelled() => return,
                            _ = tokio::time::sleep(backoff) => {}
                        }
                        backoff = (backoff * 2).min(Duration::from_secs(10));
                        continue;
                    }
                }
            }
            if last_sample.is_none_or(|t| t.elapsed() >= crate::metrics::SAMPLE_EVERY) {
                last_sample = Some(std::time::Instant::now());
                if let Err(e) = self.sample().await {
                    warn!(error = %e, "outbox backlog not sampled");
                }
            }
            if last_prune.elapsed() > Duration::from_secs(600) {
                last_prune = std::time::Instant::now();
                if let Err(e) = self.prune().await {
                    warn!(error = %e, "outbox prune failed");
                }
            }
            if token.is_cancelled() {
                return;
            }
            tokio::select! {
                _ = token.cancelled() => {
                    if fault != Fault::Stalled
                        && let Err(e) = self.publish_pending(fault).await {
                            warn!(error = %e, "outbox rows left pending at shutdown; they go out at the next start");
                        }
                    return;
                }
                _ = wake.notified() => {}
                _ = tokio::time::sleep(self.settings.poll) => {}
            }
        }
    }

    /// Publishes up to one batch of pending rows; returns how many were marked sent.
    ///
    /// On PostgreSQL, where several replicas of a role share the database, the batch is
    /// claimed: read `for update skip locked` in the transaction that marks it sent, so
    /// another replica's relay passes over these rows and takes the next ones instead of
    /// publishing them again. SQLite has one writer and one relay per file.
    async fn publish_pending(&self, fault: Fault) -> Result<usize> {
        let mut claim = match self.db.backend() {
            Backend::Postgres => Some(self.db.begin().await?),
            Backend::Sqlite => None,
        };
        let rows = match claim.as_mut() {
            Some(uow) => {
                sqlx::query(
                    "select outbox_seq, event_id, subject, payload, headers from outbox
                     where published_at is null order by outbox_seq limit $1
                     for update skip locked",
                )
                .bind(self.settings.batch)
                .fetch_all(uow.conn())
                .await?
            }
            None => {
                sqlx::query(
                    "select outbox_seq, event_id, subject, payload, headers from outbox
                     where published_at is null order by outbox_seq limit $1",
                )
                .bind(self.settings.batch)
                .fetch_all(self.db.write())
                .await?
            }
        };
        if rows.is_empty() {
            return Ok(0);
        }
        let pending: Vec<Pending> = rows
            .iter()
            .map(|r| {
                Ok(Pending {
                    seq: r.try_get("outbox_seq")?,
                    event_id: r.try_get("event_id")?,
                    subject: r.try_get("subject")?,
                    payload: r.try_get("payload")?,
                    headers: r.try_get("headers")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;

        // Send every row before awaiting any PubAck: one connection keeps them in order
        // and the acks come back pipelined.
        let mut acks = Vec::with_capacity(pending.len());
        for p in &pending {
            let stored = telemetry::headers_from_json(&p.headers);
            // A JetStream publish is the conventions' `send` operation.
            let span = info_span!(
                "publish",
                otel.name = format!("{} publish", p.subject),
                otel.kind = "producer",
                { MESSAGING_SYSTEM } = telemetry::MESSAGING_SYSTEM_NATS,
                { MESSAGING_DESTINATION_NAME } = %p.subject,
                { MESSAGING_OPERATION_TYPE } = "send",
                { MESSAGING_OPERATION_NAME } = "publish",
                { MESSAGING_MESSAGE_ID } = %p.event_id,
                { OTEL_STATUS_CODE } = tracing::field::Empty,
                { ERROR_TYPE } = tracing::field::Empty,
            );
            telemetry::set_parent_from_headers(&span, Some(&stored));
            let mut headers = async_nats::HeaderMap::new();
            telemetry::inject(&span, &mut headers);
            let publish = Publish::build()
                .payload(p.payload.clone().into())
                .headers(headers)
                .message_id(&p.event_id);
            let sent = self
                .js
                .send_publish(p.subject.clone(), publish)
                .instrument(span.clone())
                .await;
            acks.push((p.seq, sent, span));
        }
        let results = join_all(acks.into_iter().map(|(seq, sent, span)| async move {
            let outcome = match sent {
                Ok(fut) => fut
                    .await
                    .map(|ack| ack.duplicate)
                    .map_err(|e| e.to_string()),
                Err(e) => Err(e.to_string()),
            };
            if outcome.is_err() {
                telemetry::record_error(&span, "publish_failed");
            }
            drop(span);
            (seq, outcome)
        }))
        .await;

        #[cfg(not(feature = "fault-injection"))]
        let _ = fault;
        #[cfg(feature = "fault-injection")]
        if fault == Fault::ExitAfterPublish {
            eprintln!(
                "AFTERCARE_FAULT=relay_exit_after_publish: exiting after the PubAck, before marking rows"
            );
            std::process::exit(86);
        }

        let now = now_ms();
        let published: Vec<i64> = results
            .iter()
            .filter(|(_, o)| o.is_ok())
            .map(|(seq, _)| *seq)
            .collect();
        let marked = published.len();
        let repeats = results
            .iter()
            .filter(|(_, o)| matches!(o, Ok(true)))
            .count();
        let mut first_error = None;
        let mut uow = match claim {
            Some(uow) => uow,
            None => self.db.begin().await?,
        };
        if !published.is_empty() {
            // One statement for the batch; the list holds only integers we formatted.
            let list = published
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "update outbox set published_at = $1, attempts = attempts + 1 where outbox_seq in ({list})"
            )))
            .bind(now)
            .execute(uow.conn())
            .await?;
        }
        for (seq, outcome) in &results {
            if let Err(e) = outcome {
                sqlx::query("update outbox set attempts = attempts + 1, last_error = $1 where outbox_seq = $2")
                    .bind(e.as_str())
                    .bind(*seq)
                    .execute(uow.conn())
                    .await?;
                first_error.get_or_insert_with(|| e.clone());
            }
        }
        uow.commit().await?;
        self.db.metrics().events_published.add(marked as u64);
        self.db
            .metrics()
            .outbox_duplicate_publishes
            .add(repeats as u64);
        match first_error {
            Some(e) => Err(crate::Error::Nats(format!("publish failed: {e}"))),
            None => Ok(marked),
        }
    }

    /// Records how many rows wait to be published and how old the oldest of them is.
    async fn sample(&self) -> Result<()> {
        let (depth, oldest): (i64, Option<i64>) = sqlx::query_as(
            "select cast(count(*) as bigint), cast(min(created_at) as bigint) from outbox
             where published_at is null",
        )
        .fetch_one(self.db.read())
        .await?;
        let age_ms = oldest.map_or(0, |t| now_ms().saturating_sub(t).max(0));
        self.db.metrics().outbox(
            u64::try_from(depth).unwrap_or(0),
            Duration::from_millis(u64::try_from(age_ms).unwrap_or(0)),
        );
        Ok(())
    }

    async fn prune(&self) -> Result<()> {
        let now = now_ms();
        let mut uow = self.db.begin().await?;
        sqlx::query("delete from outbox where published_at is not null and published_at < $1")
            .bind(now - self.settings.keep_published.as_millis() as i64)
            .execute(uow.conn())
            .await?;
        sqlx::query("delete from inbox where handled_at < $1")
            .bind(now - self.settings.keep_inbox.as_millis() as i64)
            .execute(uow.conn())
            .await?;
        uow.commit().await
    }
}
