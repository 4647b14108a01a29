//! The inbox consumer: a durable JetStream pull consumer whose every message is handled
//! exactly once in effect. For each message, inside one transaction: claim the event id
//! in the inbox (insert, not select-then-insert), apply the effect, stage resulting
//! events; then commit and ack. A redelivered event finds its claim and is only acked.
//!
//! Messages that are ready together are handled in one transaction (one commit for the
//! batch); if any of them fails, the batch is rolled back and each message is retried
//! alone so one bad message cannot hold the others back. A message that cannot be parsed
//! is dead-lettered at once; one whose handler keeps failing is dead-lettered after
//! `max_deliver` attempts, and the consumer carries on.
use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::envelope::EnvelopeHeader;
use async_nats::jetstream::{self, AckKind, consumer::pull};
use futures::StreamExt;
use futures::future::join_all;
use opentelemetry_semantic_conventions::attribute::{
    ERROR_TYPE, MESSAGING_CONSUMER_GROUP_NAME, MESSAGING_DESTINATION_NAME, MESSAGING_MESSAGE_ID,
    MESSAGING_OPERATION_NAME, MESSAGING_OPERATION_TYPE, MESSAGING_SYSTEM, OTEL_STATUS_CODE,
};
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, Span, error, info_span, warn};

use crate::inbound::{EventError, EventHandler, InboundEvent};
use crate::{Bus, Db, Error, Result, UnitOfWork, dead_letter, now_ms, telemetry};

/// Where a consumer reads and how hard it tries.
#[derive(Debug, Clone)]
pub struct ConsumerSpec {
    /// Stream to read.
    pub stream: String,
    /// Durable consumer name (shared by the service's replicas).
    pub durable: String,
    /// Subjects it handles.
    pub filter_subjects: Vec<String>,
    /// Attempts before a failing message is dead-lettered.
    pub max_deliver: i64,
    /// How long the server waits for an ack before redelivering.
    pub ack_wait: Duration,
    /// Largest batch handled in one transaction.
    pub batch: usize,
}

/// Whether `stream` exists (a reader may look, only its producer may create it).
pub async fn stream_exists(bus: &Bus, stream: &str) -> Result<bool> {
    use async_nats::jetstream::context::GetStreamErrorKind;
    match bus.js.get_stream(stream).await {
        Ok(_) => Ok(true),
        Err(e) => match e.kind() {
            GetStreamErrorKind::JetStream(j) if j.code() == 404 => Ok(false),
            _ => Err(Error::nats(&format!("stream {stream}"), e)),
        },
    }
}

/// Creates (or updates) the durable consumer so it exists before any role runs.
pub async fn ensure(
    bus: &Bus,
    spec: &ConsumerSpec,
) -> Result<jetstream::consumer::Consumer<pull::Config>> {
    let stream = bus
        .js
        .get_stream(&spec.stream)
        .await
        .map_err(|e| Error::nats(&format!("stream {}", spec.stream), e))?;
    let config = pull::Config {
        durable_name: Some(spec.durable.clone()),
        description: Some(format!(
            "{} reads {}",
            spec.durable,
            spec.filter_subjects.join(", ")
        )),
        ack_policy: jetstream::consumer::AckPolicy::Explicit,
        ack_wait: spec.ack_wait,
        // Redelivery is bounded by our own dead-lettering, which needs one more delivery
        // than `max_deliver` if publishing the dead letter itself failed.
        max_deliver: -1,
        filter_subjects: spec.filter_subjects.clone(),
        max_ack_pending: 4096,
        ..Default::default()
    };
    match stream.create_consumer(config.clone()).await {
        Ok(c) => Ok(c),
        Err(_) => stream
            .update_consumer(config)
            .await
            .map_err(|e| Error::nats(&format!("consumer {} on {}", spec.durable, spec.stream), e)),
    }
}

/// Runs one consumer until `token` is cancelled, finishing the batch in hand.
pub async fn run(
    bus: Bus,
    db: Db,
    spec: ConsumerSpec,
    handler: Arc<dyn EventHandler>,
    token: CancellationToken,
) {
    // The lag is sampled beside the loop for as long as it runs.
    let _lag = tokio_util::task::AbortOnDropHandle::new(tokio::spawn(sample_lag(
        bus.clone(),
        db.metrics().clone(),
        spec.stream.clone(),
        spec.durable.clone(),
        token.clone(),
    )));
    let worker = Worker {
        bus: bus.clone(),
        db,
        spec,
        handler,
    };
    let mut backoff = Duration::from_millis(200);
    while !token.is_cancelled() {
        let consumer = match ensure(&bus, &worker.spec).await {
            Ok(c) => c,
            Err(e) => {
                warn!(error = %e, consumer = %worker.spec.durable, "cannot bind consumer; retrying");
                if sleep_or_cancel(&token, backoff).await {
                    return;
                }
                backoff = (backoff * 2).min(Duration::from_secs(10));
                continue;
            }
        };
        let messages = match consumer
            .stream()
            .max_messages_per_batch(worker.spec.batch.max(1) * 2)
            .heartbeat(Duration::from_secs(5))
            .expires(Duration::from_secs(30))
            .messages()
            .await
        {
            Ok(m) => m,
            Err(e) => {
                warn!(error = %e, consumer = %worker.spec.durable, "cannot pull messages; retrying");
                if sleep_or_cancel(&token, backoff).await {
                    return;
                }
                backoff = (backoff * 2).min(Duration::from_secs(10));
                continue;
            }
        };
        backoff = Duration::from_millis(200);
        let mut chunks = messages.ready_chunks(worker.spec.batch.max(1));
        loop {
            let next = tokio::select! {
                _ = token.cancelled() => return,
                next = chunks.next() => next,
            };
            let Some(chunk) = next else {
                warn!(consumer = %worker.spec.durable, "message stream ended; re-creating it");
                break;
            };
            let mut batch = Vec::with_capacity(chunk.len());
            let mut broken = false;
            for item in chunk {
                match item {
                    Ok(m) => batch.push(m),
                    Err(e) => {
                        // Missed heartbeats and similar are not fatal: log, re-create.
                        warn!(error = %e, consumer = %worker.spec.durable, "consumer stream error; re-creating it");
                        broken = true;
                    }
                }
            }
            if !batch.is_empty() {
                worker.process(batch).await;
            }
            if broken {
                break;
            }
        }
    }
}

/// Samples the durable consumer's pending and unacknowledged messages from its info, and
/// its dead letters waiting in the dead-letter stream, every
/// [`crate::metrics::SAMPLE_EVERY`] until `token` is cancelled; a consumer or stream that
/// does not exist yet is looked at again at the next sample.
async fn sample_lag(
    bus: Bus,
    metrics: Arc<crate::metrics::RoleMetrics>,
    stream: String,
    durable: String,
    token: CancellationToken,
) {
    loop {
        match bus.js.get_stream(&stream).await {
            Ok(s) => match s.consumer_info(&durable).await {
                Ok(info) => metrics.consumer_lag(
                    &stream,
                    &durable,
                    info.num_pending,
                    info.num_ack_pending as u64,
                ),
                Err(e) => {
                    tracing::debug!(error = %e, %stream, %durable, "consumer lag not sampled")
                }
            },
            Err(e) => tracing::debug!(error = %e, %stream, %durable, "consumer lag not sampled"),
        }
        match dead_letters_waiting(&bus, &durable).await {
            Ok(n) => metrics.dead_letters_waiting(&durable, n),
            Err(e) => tracing::debug!(error = %e, %durable, "dead letters not sampled"),
        }
        if sleep_or_cancel(&token, crate::metrics::SAMPLE_EVERY).await {
            return;
        }
    }
}

/// How many messages of `durable` the dead-letter stream holds (its subjects are
/// `deadletter.<durable>.<original subject>`).
async fn dead_letters_waiting(bus: &Bus, durable: &str) -> Result<u64> {
    let stream = bus
        .js
        .get_stream(aftercare_contracts::subjects::DEAD_LETTER_STREAM)
        .await
        .map_err(|e| Error::nats("dead-letter stream", e))?;
    let filter = aftercare_contracts::subjects::dead_letter_subject(durable, ">");
    let mut subjects = stream
        .info_with_subjects(filter)
        .await
        .map_err(|e| Error::nats("dead-letter subjects", e))?;
    let mut waiting = 0u64;
    while let Some(subject) = subjects.next().await {
        let (_, n) = subject.map_err(|e| Error::nats("dead-letter subjects", e))?;
        waiting += n as u64;
    }
    Ok(waiting)
}

async fn sleep_or_cancel(token: &CancellationToken, d: Duration) -> bool {
    tokio::select! {
        _ = token.cancelled() => true,
        _ = tokio::time::sleep(d) => false,
    }
}

struct Worker {
    bus: Bus,
    db: Db,
    spec: ConsumerSpec,
    handler: Arc<dyn EventHandler>,
}

struct Item {
    message: jetstream::Message,
    event: InboundEvent,
    span: Span,
}

/// How often a message in hand is reported as still in progress: three times per ack
/// wait, so that one lost report does not let the server redeliver it.
pub fn progress_interval(ack_wait: Duration) -> Duration {
    (ack_wait / 3).max(Duration::from_millis(100))
}

impl Worker {
    /// Handles a batch while telling the server, every [`progress_interval`], that its
    /// messages are still being worked on: a handler slower than the ack wait keeps its
    /// messages instead of having them redelivered to another replica meanwhile.
    async fn process(&self, messages: Vec<jetstream::Message>) {
        let in_hand = messages.clone();
        let every = progress_interval(self.spec.ack_wait);
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let work = self.process_batch(messages);
        tokio::pin!(work);
        loop {
            tokio::select! {
                () = &mut work => return,
                _ = ticks.tick() => {
                    // A message already acked ignores the report.
                    for m in &in_hand {
                        if let Err(e) = m.ack_with(AckKind::Progress).await {
                            warn!(error = %e, "progress report failed; the message may be redelivered");
                        }
                    }
                    self.db.metrics().progress_reported(&self.spec.durable, in_hand.len() as u64);
                }
            }
        }
    }

    async fn process_batch(&self, messages: Vec<jetstream::Message>) {
        let mut items = Vec::with_capacity(messages.len());
        for message in messages {
            match self.parse(&message) {
                Ok((event, span)) => items.push(Item {
                    message,
                    event,
                    span,
                }),
                Err(reason) => {
                    let span = self.span(&message);
                    telemetry::record_error(&span, "dead_lettered");
                    self.dead_letter(&message, None, &reason)
                        .instrument(span)
                        .await
                }
            }
        }
        if items.is_empty() {
            return;
        }
        if items.len() > 1 {
            match self.apply(&items).await {
                Ok(()) => {
                    self.ack_all(&items).await;
                    return;
                }
                Err(e) => {
                    warn!(error = %e, size = items.len(), "batch failed; handling its events one by one")
                }
            }
        }
        for item in &items {
            match self.apply(std::slice::from_ref(item)).await {
                Ok(()) => self.ack_all(std::slice::from_ref(item)).await,
                Err(e) => self.failed(item, e).await,
            }
        }
    }

    /// The span of processing `message`, in the trace its headers carry: a messaging
    /// `process` span of this durable consumer.
    fn span(&self, message: &jetstream::Message) -> Span {
        let subject = message.subject.as_str();
        let span = info_span!(
            "consume",
            otel.name = format!("{subject} process"),
            otel.kind = "consumer",
            { MESSAGING_SYSTEM } = telemetry::MESSAGING_SYSTEM_NATS,
            { MESSAGING_DESTINATION_NAME } = subject,
            { MESSAGING_OPERATION_TYPE } = "process",
            { MESSAGING_OPERATION_NAME } = "process",
            { MESSAGING_MESSAGE_ID } = tracing::field::Empty,
            { MESSAGING_CONSUMER_GROUP_NAME } = %self.spec.durable,
            { OTEL_STATUS_CODE } = tracing::field::Empty,
            { ERROR_TYPE } = tracing::field::Empty,
            trace_id = tracing::field::Empty,
        );
        telemetry::set_parent_from_headers(&span, message.headers.as_ref());
        telemetry::record_trace_id(&span);
        span
    }

    fn parse(&self, message: &jetstream::Message) -> Result<(InboundEvent, Span), String> {
        let info = message
            .info()
            .map_err(|e| format!("not a JetStream message: {e}"))?;
        let (stream_seq, delivered) = (info.stream_sequence, info.delivered);
        if delivered > 1 {
            self.db.metrics().redelivered(&self.spec.durable);
        }
        let subject = message.subject.to_string();
        let header: EnvelopeHeader = serde_json::from_slice(&message.payload)
            .map_err(|e| format!("{subject}: payload is not an event envelope: {e}"))?;
        if header.event_type != subject {
            return Err(format!(
                "envelope type {} arrived on subject {subject}",
                header.event_type
            ));
        }
        let span = self.span(message);
        span.record(MESSAGING_MESSAGE_ID, tracing::field::display(header.id));
        let event = InboundEvent {
            subject,
            event_id: header.id,
            version: header.version,
            payload: message.payload.clone(),
            stream_seq,
            delivered,
        };
        Ok((event, span))
    }

    async fn apply(&self, items: &[Item]) -> Result<(), EventError> {
        let mut uow = self.db.begin().await?;
        let claimed = self.claim(&mut uow, items).await?;
        let mut handled = 0u64;
        for (item, claimed) in items.iter().zip(&claimed) {
            if *claimed {
                self.handler
                    .handle(&mut uow, &item.event)
                    .instrument(item.span.clone())
                    .await?;
                handled += 1;
            }
        }
        uow.commit().await?;
        let m = self.db.metrics();
        m.events_handled.add(handled);
        m.events_duplicate.add(items.len() as u64 - handled);
        Ok(())
    }

    /// Claims every event of the batch in the inbox with one insert; an event whose id is
    /// already there (or appears earlier in the same batch) is a redelivery.
    async fn claim(&self, uow: &mut UnitOfWork, items: &[Item]) -> Result<Vec<bool>, EventError> {
        let mut first = std::collections::HashSet::new();
        let unique: Vec<bool> = items
            .iter()
            .map(|i| first.insert(i.event.event_id))
            .collect();
        let rows: Vec<&Item> = items
            .iter()
            .zip(&unique)
            .filter(|(_, u)| **u)
            .map(|(i, _)| i)
            .collect();
        let values = (0..rows.len())
            .map(|n| {
                format!(
                    "(${}, ${}, ${}, ${}, ${})",
                    n * 5 + 1,
                    n * 5 + 2,
                    n * 5 + 3,
                    n * 5 + 4,
                    n * 5 + 5
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "insert into inbox (consumer, event_id, subject, stream_seq, handled_at) values {values}
             on conflict (consumer, event_id) do nothing returning event_id"
        );
        let now = now_ms();
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for item in &rows {
            query = query
                .bind(self.spec.durable.clone())
                .bind(item.event.event_id.to_string())
                .bind(item.event.subject.clone())
                .bind(item.event.stream_seq as i64)
                .bind(now);
        }
        let inserted: std::collections::HashSet<String> =
            query.fetch_all(uow.conn()).await?.into_iter().collect();
        Ok(items
            .iter()
            .zip(unique)
            .map(|(i, u)| u && inserted.contains(&i.event.event_id.to_string()))
            .collect())
    }

    async fn ack_all(&self, items: &[Item]) {
        let results = join_all(items.iter().map(|i| i.message.ack())).await;
        for r in results {
            if let Err(e) = r {
                // The effect is committed; a redelivery will find the inbox claim.
                warn!(error = %e, "ack failed; the redelivery will be recognised as a duplicate");
            }
        }
    }

    async fn failed(&self, item: &Item, error: EventError) {
        if error.is_poison() {
            let reason = error.to_string();
            telemetry::record_error(&item.span, "dead_lettered");
            self.dead_letter(&item.message, Some(&item.event), &reason)
                .instrument(item.span.clone())
                .await
        } else if item.event.delivered >= self.spec.max_deliver && !error.is_storage_full() {
            let reason = format!("failed {} times, last: {error}", item.event.delivered);
            telemetry::record_error(&item.span, "dead_lettered");
            self.dead_letter(&item.message, Some(&item.event), &reason)
                .instrument(item.span.clone())
                .await
        } else {
            telemetry::record_error(&item.span, "retried");
            let delay = retry_delay(item.event.delivered);
            item.span.in_scope(|| {
                warn!(error = %error, attempt = item.event.delivered, ?delay, subject = %item.event.subject, "event handler failed; will retry");
            });
            if let Err(e) = item.message.ack_with(AckKind::Nak(Some(delay))).await {
                warn!(error = %e, "nak failed; the server redelivers after ack_wait");
            }
        }
    }

    async fn dead_letter(
        &self,
        message: &jetstream::Message,
        event: Option<&InboundEvent>,
        reason: &str,
    ) {
        error!(consumer = %self.spec.durable, subject = %message.subject, reason, "moving event to the dead-letter stream");
        match dead_letter::store(
            &self.bus,
            &self.spec.durable,
            message,
            event.map(|e| e.event_id),
            reason,
        )
        .await
        {
            Ok(()) => {
                self.db.metrics().events_dead_lettered.add(1);
                if let Err(e) = message.ack_with(AckKind::Term).await {
                    warn!(error = %e, "term failed; the message will come back and be dead-lettered again");
                }
            }
            Err(e) => {
                error!(error = %e, "could not store the dead letter; the message will be redelivered");
                let _ = message
                    .ack_with(AckKind::Nak(Some(Duration::from_secs(5))))
                    .await;
            }
        }
    }
}

/// Back-off before redelivery attempt `delivered + 1`: 200 ms doubling, at most 30 s.
pub fn retry_delay(delivered: i64) -> Duration {
    let exp = delivered.clamp(1, 20) as u32 - 1;
    Duration::from_millis(200u64.saturating_mul(1u64 << exp.min(10))).min(Duration::from_secs(30))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use uuid::Uuid;

    #[test]
    fn progress_is_reported_three_times_per_ack_wait() {
        assert_eq!(
            progress_interval(Duration::from_secs(30)),
            Duration::from_secs(10)
        );
        assert_eq!(
            progress_interval(Duration::from_millis(150)),
            Duration::from_millis(100)
        );
    }

    #[test]
    fn retry_delay_doubles_and_caps() {
        assert_eq!(retry_delay(1), Duration::from_millis(200));
        assert_eq!(retry_delay(2), Duration::from_millis(400));
        assert_eq!(retry_delay(4), Duration::from_millis(1600));
        assert_eq!(retry_delay(50), Duration::from_secs(30));
    }

    fn inbound(version: u16, payload: serde_json::Value) -> InboundEvent {
        InboundEvent {
            subject: "intake.ticket.opened".into(),
            event_id: Uuid::nil(),
            version,
            payload: Bytes::from(payload.to_string()),
            stream_seq: 1,
            delivered: 1,
        }
    }

    #[test]
    fn an_older_readable_version_decodes_and_an_unknown_one_is_poison() {
        use aftercare_contracts::intake::{CustomerTier, TicketOpened};
        let mut v2 = serde_json::to_value(aftercare_contracts::Envelope::new(
            TicketOpened {
                tier: CustomerTier::KeyAccount,
                ..TicketOpened::example()
            },
            None,
        ))
        .expect("json");
        let got = inbound(2, v2.clone()).decode::<TicketOpened>().expect("v2");
        assert_eq!(got.data.tier, CustomerTier::KeyAccount);
        // Version 1 had no tier: it still reads, as a standard customer.
        v2["version"] = 1.into();
        if let Some(data) = v2["data"].as_object_mut() {
            data.remove("tier");
        }
        let got = inbound(1, v2.clone()).decode::<TicketOpened>().expect("v1");
        assert_eq!(got.data.tier, CustomerTier::Standard);
        assert!(matches!(
            inbound(3, v2).decode::<TicketOpened>(),
            Err(EventError::UnsupportedVersion { version: 3, .. })
        ));
    }
}
