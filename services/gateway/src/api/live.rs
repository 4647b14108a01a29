//! Live updates over server-sent events. The gateway listens to the live-update event
//! subjects (core NATS, no durable consumer: a browser that reconnects re-reads what
//! it shows) and forwards to each connection what its caller may see: the dispatch
//! board for the desk, own work orders for a technician, own tickets for a customer,
//! callbacks for callback agents. Events carry ids and the event type, never personal
//! data; the client reads the object through the API, where the usual rules apply.
//!
//! A stream lives no longer than the access that opened it: its credentials are checked
//! again every [`RECHECK`] and at once when this replica signs someone out, disables an
//! account, changes a password or revokes an API token; when they no longer
//! authenticate (signed out, disabled, expired, revoked) the stream sends `ended` and
//! closes.
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aftercare_contracts::Role;
use aftercare_contracts::intake::{GetTicket, Ticket};
use aftercare_contracts::permissions::LIVE_UPDATE_SUBJECTS;
use aftercare_platform::Bus;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::{Stream, StreamExt};
use serde::Serialize;
use serde_json::Value;
use tokio::sync::{Notify, broadcast};
use tokio_util::sync::CancellationToken;
use uuid::Uuid;

use super::AppState;
use crate::error::ApiError;
use crate::identity::Principal;

/// Updates buffered per connection before a slow client is told it lagged.
const BUFFER: usize = 1024;
/// Ticket owners remembered before the cache is cleared.
const OWNERS_KEPT: usize = 100_000;
/// How often an open stream's credentials are checked again (changes made through
/// another replica, token expiry).
const RECHECK: Duration = Duration::from_secs(3);

/// One change, as sent to browsers.
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
    /// When it happened.
    pub(crate) occurred_at: String,
    /// The technician concerned (used for filtering, not sent).
    #[serde(skip)]
    pub(crate) technician_id: Option<Uuid>,
}

impl Update {
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

    /// The customer record a ticket belongs to (looked up once, then remembered).
    async fn owner(&self, s: &AppState, ticket: Uuid) -> Option<Uuid> {
        if let Some(o) = self
            .ticket_owner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&ticket)
        {
            return *o;
        }
        let t: Ticket = s
            .call(
                &GetTicket {
                    id: ticket.to_string(),
                },
                None,
            )
            .await
            .ok()?;
        let mut owners = self.ticket_owner.lock().unwrap_or_else(|p| p.into_inner());
        if owners.len() > OWNERS_KEPT {
            owners.clear();
        }
        owners.insert(ticket, t.customer_id);
        t.customer_id
    }
}

/// Whether `p` may see `u`.
async fn visible(s: &AppState, p: &Principal, u: &Update) -> bool {
    if let Some(only) = p.ticket_id {
        return u.ticket_id == Some(only);
    }
    match p.role {
        Role::Agent | Role::Dispatcher | Role::Manager | Role::Admin => true,
        Role::CallbackAgent => u.event_type.starts_with("survey.callback."),
        Role::Technician => p.technician_id.is_some() && u.technician_id == p.technician_id,
        Role::Customer => match (u.ticket_id, p.customer_id) {
            (Some(t), Some(c)) => s.live.owner(s, t).await == Some(c),
            _ => false,
        },
        Role::Warehouse | Role::Finance => false,
    }
}

/// `GET /api/v1/stream`.
pub(crate) async fn stream(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let rx = s.live.tx.subscribe();
    let ended = access_ended(s.clone(), headers);
    let hello = Event::default()
        .event("ready")
        .data(format!("{{\"role\":\"{}\"}}", p.role.name()));
    let updates = futures::stream::unfold((rx, s, p), |(mut rx, s, p)| async move {
        loop {
            match rx.recv().await {
                Ok(u) => {
                    if visible(&s, &p, &u).await {
                        let e = Event::default()
                            .event(u.event_type.clone())
                            .id(u.id.clone())
                            .json_data(&*u)
                            .unwrap_or_else(|_| Event::default().comment("unreadable"));
                        return Some((Ok(e), (rx, s, p)));
                    }
                }
                Err(broadcast::error::RecvError::Lagged(n)) => {
                    let e = Event::default()
                        .event("lagged")
                        .data(format!("{{\"missed\":{n}}}"));
                    return Some((Ok(e), (rx, s, p)));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    // When access ends the stream says so (`ended`) and closes; at shutdown it just closes.
    let over = Arc::new(AtomicBool::new(false));
    let flag = over.clone();
    let updates = futures::stream::once(async move { Ok(hello) })
        .chain(updates)
        .take_until(async move {
            ended.await;
            flag.store(true, Ordering::SeqCst);
        });
    let farewell = futures::stream::once(async move {
        over.load(Ordering::SeqCst).then(|| {
            Ok(Event::default()
                .event("ended")
                .data("{\"reason\":\"access ended; sign in again\"}"))
        })
    })
    .filter_map(futures::future::ready);
    Sse::new(updates.chain(farewell)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// Resolves when the credentials in `headers` no longer authenticate: checked every
/// [`RECHECK`] and whenever this replica reports an access change.
async fn access_ended(s: AppState, headers: HeaderMap) {
    loop {
        let changed = s.live.access_changed.notified();
        tokio::select! {
            _ = changed => {}
            _ = tokio::time::sleep(RECHECK) => {}
        }
        match crate::access::authenticate(&s, &headers).await {
            Ok(Some(_)) => {}
            Ok(None) | Err(ApiError::Unauthenticated(_)) | Err(ApiError::Forbidden) => return,
            // The database is unreachable: keep the stream, check again later.
            Err(e) => tracing::debug!(?e, "live stream: access check failed; retrying"),
        }
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
        let sent = serde_json::to_string(&u).expect("json");
        assert!(!sent.contains("5555"));
        assert!(!sent.contains("technician_id"));
        assert!(Update::from_envelope(b"not json").is_none());
    }
}
