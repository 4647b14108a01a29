//! Dead letters: events a consumer gave up on, kept in the `DEADLETTER` stream with the
//! reason, the consumer, the original subject and stream position, and the payload. They
//! can be listed and replayed: a replay publishes the original envelope again (same
//! event id, so consumers that already applied it skip it in their inbox) and removes the
//! dead letter.
//!
//! A message of the `NOTIFY` stream (`notify.*`) carries a one-time code, an answer link or
//! a message for a customer; `DEADLETTER` never expires and the gateway and ops read it.
//! So its dead letter keeps only the headers, the subject and the reason, never the
//! payload, and cannot be replayed: the producer sends a new one.
use aftercare_contracts::subjects::{DEAD_LETTER_STREAM, NOTIFY_STREAM, dead_letter_subject};
use async_nats::HeaderMap;
use async_nats::jetstream::{self, message::PublishMessage as Publish};
use serde::Serialize;
use uuid::Uuid;

use crate::{Bus, Error, Result, now_ms};

const H_SUBJECT: &str = "Aftercare-Original-Subject";
const H_STREAM: &str = "Aftercare-Original-Stream";
const H_SEQ: &str = "Aftercare-Original-Sequence";
const H_CONSUMER: &str = "Aftercare-Consumer";
const H_REASON: &str = "Aftercare-Reason";
const H_DELIVERIES: &str = "Aftercare-Deliveries";
const H_FAILED_AT: &str = "Aftercare-Failed-At";
const H_EVENT_ID: &str = "Aftercare-Event-Id";
const H_PAYLOAD_DROPPED: &str = "Aftercare-Payload-Dropped";

/// One dead letter as listed to an operator.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DeadLetter {
    /// Position in the dead-letter stream; what `replay` takes.
    pub seq: u64,
    /// Consumer that gave up.
    pub consumer: String,
    /// Original subject.
    pub subject: String,
    /// Original stream and position.
    pub stream: String,
    /// Position in the original stream.
    pub stream_seq: u64,
    /// Deliveries attempted.
    pub deliveries: i64,
    /// Why it failed.
    pub reason: String,
    /// When it was given up (epoch ms).
    pub failed_at: i64,
    /// Envelope id, when the payload had one.
    pub event_id: Option<String>,
    /// The original payload, as text; empty when `payload_dropped`.
    pub payload: String,
    /// True for a `notify.*` message: its payload (a code, an answer link or a message
    /// for a customer) was not kept, and the dead letter cannot be replayed.
    pub payload_dropped: bool,
}

/// Whether a message of `stream` on `subject` is a notification whose payload must not
/// outlive its short-lived stream.
fn payload_is_secret(stream: &str, subject: &str) -> bool {
    stream == NOTIFY_STREAM || subject.starts_with("notify.")
}

fn header_safe(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(1000)
        .collect()
}

/// Stores `message` as a dead letter of `consumer` and waits for JetStream's ack.
pub async fn store(
    bus: &Bus,
    consumer: &str,
    message: &jetstream::Message,
    event_id: Option<Uuid>,
    reason: &str,
) -> Result<()> {
    let (stream, seq, delivered) = match message.info() {
        Ok(i) => (i.stream.to_owned(), i.stream_sequence, i.delivered),
        Err(_) => (String::new(), 0, 0),
    };
    let mut headers = message.headers.clone().unwrap_or_default();
    headers.insert(H_SUBJECT, message.subject.as_str());
    headers.insert(H_STREAM, stream.as_str());
    headers.insert(H_SEQ, seq.to_string().as_str());
    headers.insert(H_CONSUMER, consumer);
    headers.insert(H_REASON, header_safe(reason).as_str());
    headers.insert(H_DELIVERIES, delivered.to_string().as_str());
    headers.insert(H_FAILED_AT, now_ms().to_string().as_str());
    if let Some(id) = event_id {
        headers.insert(H_EVENT_ID, id.to_string().as_str());
    }
    let payload = if payload_is_secret(&stream, message.subject.as_str()) {
        headers.insert(H_PAYLOAD_DROPPED, "true");
        bytes::Bytes::new()
    } else {
        message.payload.clone()
    };
    let msg_id = format!("dlq:{consumer}:{stream}:{seq}");
    let publish = Publish::build()
        .payload(payload)
        .headers(headers)
        .message_id(msg_id);
    bus.js
        .send_publish(
            dead_letter_subject(consumer, message.subject.as_str()),
            publish,
        )
        .await
        .map_err(|e| Error::nats("publishing dead letter", e))?
        .await
        .map_err(|e| Error::nats("dead letter ack", e))?;
    Ok(())
}

fn get(headers: &HeaderMap, key: &str) -> String {
    headers
        .get(key)
        .map(|v| v.as_str().to_owned())
        .unwrap_or_default()
}

/// Lists up to `limit` dead letters, oldest first.
pub async fn list(bus: &Bus, limit: usize) -> Result<Vec<DeadLetter>> {
    let mut stream = bus
        .js
        .get_stream(DEAD_LETTER_STREAM)
        .await
        .map_err(|e| Error::nats("dead-letter stream", e))?;
    let info = stream
        .info()
        .await
        .map_err(|e| Error::nats("dead-letter stream info", e))?;
    let (first, last) = (info.state.first_sequence, info.state.last_sequence);
    let mut out = Vec::new();
    if info.state.messages == 0 {
        return Ok(out);
    }
    for seq in first..=last {
        if out.len() >= limit {
            break;
        }
        let Ok(msg) = stream.get_raw_message(seq).await else {
            continue;
        };
        out.push(letter(seq, msg));
    }
    Ok(out)
}

/// The dead letter stored at `seq` as an operator sees it.
fn letter(seq: u64, msg: async_nats::jetstream::message::StreamMessage) -> DeadLetter {
    let h = msg.headers;
    DeadLetter {
        seq,
        consumer: get(&h, H_CONSUMER),
        subject: get(&h, H_SUBJECT),
        stream: get(&h, H_STREAM),
        stream_seq: get(&h, H_SEQ).parse().unwrap_or(0),
        deliveries: get(&h, H_DELIVERIES).parse().unwrap_or(0),
        reason: get(&h, H_REASON),
        failed_at: get(&h, H_FAILED_AT).parse().unwrap_or(0),
        event_id: Some(get(&h, H_EVENT_ID)).filter(|s| !s.is_empty()),
        payload: String::from_utf8_lossy(&msg.payload).into_owned(),
        payload_dropped: h.get(H_PAYLOAD_DROPPED).is_some(),
    }
}

/// The dead letter at `seq`, or `None` when there is none there (never stored, or
/// already replayed): lets a caller tell an unknown letter from one that cannot be
/// replayed before it tries.
pub async fn find(bus: &Bus, seq: u64) -> Result<Option<DeadLetter>> {
    // A stream's sequence numbers start at 1; JetStream refuses a request for 0.
    if seq == 0 {
        return Ok(None);
    }
    let stream = bus
        .js
        .get_stream(DEAD_LETTER_STREAM)
        .await
        .map_err(|e| Error::nats("dead-letter stream", e))?;
    match stream.get_raw_message(seq).await {
        Ok(msg) => Ok(Some(letter(seq, msg))),
        Err(e)
            if e.kind() == async_nats::jetstream::stream::RawMessageErrorKind::NoMessageFound =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::nats(&format!("dead letter {seq}"), e)),
    }
}

/// Publishes dead letter `seq` again on its original subject and deletes it.
pub async fn replay(bus: &Bus, seq: u64) -> Result<String> {
    let stream = bus
        .js
        .get_stream(DEAD_LETTER_STREAM)
        .await
        .map_err(|e| Error::nats("dead-letter stream", e))?;
    let msg = stream
        .get_raw_message(seq)
        .await
        .map_err(|e| Error::nats(&format!("dead letter {seq}"), e))?;
    let subject = get(&msg.headers, H_SUBJECT);
    if subject.is_empty() {
        return Err(Error::Nats(format!(
            "dead letter {seq} has no original subject"
        )));
    }
    if msg.headers.get(H_PAYLOAD_DROPPED).is_some() {
        return Err(Error::Nats(format!(
            "dead letter {seq} of {subject} kept no payload (notifications carry codes and links): \
             it cannot be replayed; have the producer send a new one"
        )));
    }
    let mut headers = HeaderMap::new();
    for key in ["traceparent", "tracestate"] {
        if let Some(v) = msg.headers.get(key) {
            headers.insert(key, v.as_str());
        }
    }
    // A new message id: the original one may still be inside the dedupe window.
    let publish = Publish::build()
        .payload(msg.payload.clone())
        .headers(headers)
        .message_id(format!("replay:{seq}:{}", get(&msg.headers, H_EVENT_ID)));
    bus.js
        .send_publish(subject.clone(), publish)
        .await
        .map_err(|e| Error::nats("replaying", e))?
        .await
        .map_err(|e| Error::nats("replay ack", e))?;
    stream
        .delete_message(seq)
        .await
        .map_err(|e| Error::nats("deleting replayed dead letter", e))?;
    Ok(subject)
}
