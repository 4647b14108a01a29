//! The live-update hub: one subscription per live-update subject (core NATS, no
//! durable consumer) fanned out to every open stream, and the signal that some access
//! ended so open streams check their credentials again. The streams themselves, and who
//! may see what, are in `api/live.rs`.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use aftercare_contracts::live::LiveUpdate;
use aftercare_contracts::permissions::LIVE_UPDATE_SUBJECTS;
use aftercare_platform::Bus;
use futures::StreamExt;
use serde::Serialize;
use serde_json::Value;
use tokio::sync::{Notify, broadcast};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

/// Updates buffered per connection before a slow client is told it lagged.
const BUFFER: usize = 1024;
/// Ticket owners remembered before the cache is cleared.
const OWNERS_KEPT: usize = 100_000;

/// One change, as received; browsers are sent its [`LiveUpdate`].
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Update {
    /// Envelope id (the SSE `id`).
    #[serde(skip)]
    pub(crate) id: String,
    /// Event type, e.g. `dispatch.workorder.assigned` (the SSE `event`).
    #[serde(rename = "type")]
    pub(crate) event_type: String,
    /// The ticket concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) ticket_id: Option<Uuid>,
    /// The work order concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) work_order_id: Option<Uuid>,
    /// The callback concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) callback_id: Option<Uuid>,
    /// The outbound call task concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) task_id: Option<Uuid>,
    /// When it happened.
    pub(crate) occurred_at: String,
    /// The technician concerned (used for filtering, not sent).
    #[serde(skip)]
    pub(crate) technician_id: Option<Uuid>,
}

impl Update {
    /// What the stream sends of it.
    pub(crate) fn wire(&self) -> LiveUpdate {
        LiveUpdate {
            event_type: self.event_type.clone(),
            ticket_id: self.ticket_id,
            work_order_id: self.work_order_id,
            callback_id: self.callback_id,
            task_id: self.task_id,
            occurred_at: self.occurred_at.clone(),
        }
    }

    /// Reads an event envelope; `None` for anything that is not one.
    pub(crate) fn from_envelope(payload: &[u8]) -> Option<Update> {
        let v: Value = serde_json::from_slice(payload).ok()?;
        let event_type = v.get("type")?.as_str()?.to_owned();
        let data = v.get("data")?;
        let uuid = |k: &str| {
            data.get(k)
                .and_then(Value::as_str)
                .and_then(|s| Uuid::parse_str(s).ok())
        };
        Some(Update {
            id: v.get("id")?.as_str()?.to_owned(),
            ticket_id: uuid("ticket_id"),
            work_order_id: uuid("work_order_id"),
            callback_id: uuid("callback_id"),
            task_id: uuid("task_id"),
            technician_id: uuid("technician_id"),
            occurred_at: v.get("occurred_at")?.as_str()?.to_owned(),
            event_type,
        })
    }
}

/// The fan-out: one NATS subscription per subject, one broadcast to every connection.
#[derive(Clone)]
pub(crate) struct Live {
    tx: broadcast::Sender<Arc<Update>>,
    ticket_owner: Arc<Mutex<HashMap<Uuid, Option<Uuid>>>>,
    access_changed: Arc<Notify>,
}

impl Live {
    /// Subscribes to the live-update subjects and forwards until `token` is cancelled.
    pub(crate) async fn start(
        bus: &Bus,
        token: CancellationToken,
    ) -> aftercare_platform::Result<Live> {
        let (tx, _) = broadcast::channel(BUFFER);
        for subject in LIVE_UPDATE_SUBJECTS {
            let mut sub =
                bus.client.subscribe(subject).await.map_err(|e| {
                    aftercare_platform::Error::nats("subscribing for live updates", e)
                })?;
            let tx = tx.clone();
            let token = token.clone();
            tokio::spawn(async move {
                loop {
                    tokio::select! {
                        _ = token.cancelled() => break,
                        m = sub.next() => match m {
                            Some(m) => {
                                if let Some(u) = Update::from_envelope(&m.payload) {
                                    // No receivers is fine: nobody is watching.
                                    let _ = tx.send(Arc::new(u));
                                }
                            }
                            None => break,
                        }
                    }
                }
            });
        }
        Ok(Live {
            tx,
            ticket_owner: Arc::new(Mutex::new(HashMap::new())),
            access_changed: Arc::new(Notify::new()),
        })
    }

    /// Tells open streams that some access ended (sign-out, disabling, password change,
    /// token revocation): each checks its credentials again now.
    pub(crate) fn access_changed(&self) {
        self.access_changed.notify_waiters();
    }

    /// A new receiver of every update.
    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Arc<Update>> {
        self.tx.subscribe()
    }

    /// Resolves at the next [`Live::access_changed`] after this call (registered at
    /// once, so a change between this call and the first poll is not missed).
    pub(crate) fn next_access_change(&self) -> tokio::sync::futures::Notified<'_> {
        self.access_changed.notified()
    }

    /// The customer record a ticket belongs to, when it was looked up before: `None`
    /// when not known, `Some(None)` for a ticket without a customer record.
    pub(crate) fn known_owner(&self, ticket: Uuid) -> Option<Option<Uuid>> {
        self.ticket_owner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&ticket)
            .copied()
    }

    /// Remembers a ticket's customer record (forgetting all once too many are kept).
    pub(crate) fn remember_owner(&self, ticket: Uuid, owner: Option<Uuid>) {
        let mut owners = self.ticket_owner.lock().unwrap_or_else(|p| p.into_inner());
        if owners.len() > OWNERS_KEPT {
            owners.clear();
        }
        owners.insert(ticket, owner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_from_an_envelope_and_never_personal_data() {
        let env = serde_json::json!({
            "id": "0190", "type": "dispatch.workorder.assigned", "version": 1,
            "occurred_at": "2026-11-23T01:00:00Z", "source": "dispatch", "subject_id": "w",
            "data": {"work_order_id": "018f0000-0000-7000-8000-000000000001",
                     "ticket_id": "018f0000-0000-7000-8000-000000000002",
                     "technician_id": "018f0000-0000-7000-8000-000000000003",
                     "customer": {"phone": "+86 20 5555 0101"}}
        });
        let u = Update::from_envelope(env.to_string().as_bytes()).expect("update");
        assert_eq!(u.event_type, "dispatch.workorder.assigned");
        assert!(u.technician_id.is_some());
        let sent = serde_json::to_string(&u.wire()).expect("json");
        assert!(!sent.contains("5555"));
        assert!(!sent.contains("technician_id"));
        assert!(Update::from_envelope(b"not json").is_none());
    }

    #[test]
    fn a_call_task_falling_due_names_the_task_and_not_who_or_whom_to_call() {
        let env = serde_json::json!({
            "id": "0191", "type": "survey.call_task.due", "version": 1,
            "occurred_at": "2026-11-23T01:00:00Z", "source": "survey", "subject_id": "t",
            "data": {"task_id": "018f0000-0000-7000-8000-000000000004", "kind": "welcome_call",
                     "assignee": "callback_specialist", "district": "tianhe",
                     "reference": "WC-1", "due_at": "2026-11-23T01:00:00Z"}
        });
        let u = Update::from_envelope(env.to_string().as_bytes()).expect("update");
        assert_eq!(
            u.task_id.map(|t| t.to_string()).as_deref(),
            Some("018f0000-0000-7000-8000-000000000004")
        );
        let sent = serde_json::to_string(&u.wire()).expect("json");
        assert!(sent.contains("\"task_id\""));
        assert!(!sent.contains("WC-1") && !sent.contains("tianhe"));
    }
}
