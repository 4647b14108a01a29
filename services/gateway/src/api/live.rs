//! Live updates over server-sent events. The gateway listens to the live-update event
//! subjects (core NATS, no durable consumer: a browser that reconnects re-reads what
//! it shows) and forwards to each connection what its caller may see: the dispatch
//! board for the desk, own work orders for a technician, own tickets for a customer,
//! callbacks and outbound call tasks for callback agents. Events carry ids and the event
//! type, never personal data; the client reads the object through the API, where the
//! usual rules apply.
//!
//! A stream lives no longer than the access that opened it: its credentials are checked
//! again every [`RECHECK`] and at once when this replica signs someone out, disables an
//! account, changes a password or revokes an API token; when they no longer
//! authenticate (signed out, disabled, expired, revoked) the stream sends `ended` and
//! closes.
use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use aftercare_contracts::Role;
use aftercare_contracts::intake::{GetTicket, Ticket};
use aftercare_contracts::live::{self, LiveEnded, LiveLagged, LiveReady, LiveUpdate};
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::{Stream, StreamExt};
use tokio::sync::broadcast;
use uuid::Uuid;

use super::operation::{Routes, SchemaFn, get, schema};
use crate::error::ApiError;
use crate::identity::Principal;
use crate::live::Update;
use crate::state::AppState;

/// How often an open stream's credentials are checked again (changes made through
/// another replica, token expiry).
const RECHECK: Duration = Duration::from_secs(3);

/// The customer record a ticket belongs to (looked up once, then remembered).
async fn owner(s: &AppState, ticket: Uuid) -> Option<Uuid> {
    if let Some(o) = s.live.known_owner(ticket) {
        return o;
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
    s.live.remember_owner(ticket, t.customer_id);
    t.customer_id
}

/// Whether `p` may see `u`.
async fn visible(s: &AppState, p: &Principal, u: &Update) -> bool {
    if let Some(only) = p.ticket_id {
        return u.ticket_id == Some(only);
    }
    match p.role {
        Role::Agent | Role::Dispatcher | Role::Manager | Role::Admin => true,
        Role::CallbackAgent => {
            u.event_type.starts_with("survey.callback.")
                || u.event_type.starts_with("survey.call_task.")
        }
        Role::Technician => p.technician_id.is_some() && u.technician_id == p.technician_id,
        Role::Customer => match (u.ticket_id, p.customer_id) {
            (Some(t), Some(c)) => owner(s, t).await == Some(c),
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
    let rx = s.live.subscribe();
    let ended = access_ended(s.clone(), headers);
    let hello = Event::default()
        .event(live::READY)
        .json_data(LiveReady { role: p.role })
        .unwrap_or_else(|_| Event::default().comment("unreadable"));
    let updates = futures::stream::unfold((rx, s, p), |(mut rx, s, p)| async move {
        loop {
            match rx.recv().await {
                Ok(u) => {
                    if visible(&s, &p, &u).await {
                        let e = Event::default()
                            .event(u.event_type.clone())
                            .id(u.id.clone())
                            .json_data(u.wire())
                            .unwrap_or_else(|_| Event::default().comment("unreadable"));
                        return Some((Ok(e), (rx, s, p)));
                    }
                }
                Err(broadcast::error::RecvError::Lagged(n)) => {
                    let e = Event::default()
                        .event(live::LAGGED)
                        .json_data(LiveLagged { missed: n })
                        .unwrap_or_else(|_| Event::default().comment("unreadable"));
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
                .event(live::ENDED)
                .json_data(LiveEnded {
                    reason: "access ended; sign in again".into(),
                })
                .unwrap_or_else(|_| Event::default().comment("unreadable")))
        })
    })
    .filter_map(futures::future::ready);
    Sse::new(updates.chain(farewell)).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

/// Resolves when the credentials in `headers` no longer authenticate: checked every
/// [`RECHECK`] and whenever this replica reports an access change.
async fn access_ended(s: AppState, headers: HeaderMap) {
    loop {
        let changed = s.live.next_access_change();
        tokio::select! {
            _ = changed => {}
            _ = tokio::time::sleep(RECHECK) => {}
        }
        match crate::credentials::authenticate(&s, &headers).await {
            Ok(Some(_)) => {}
            Ok(None) | Err(ApiError::Unauthenticated(_)) | Err(ApiError::Forbidden) => return,
            // The database is unreachable: keep the stream, check again later.
            Err(e) => tracing::debug!(?e, "live stream: access check failed; retrying"),
        }
    }
}

/// Every event the stream sends, by name, with the schema of its `data`.
fn events() -> Vec<(&'static str, SchemaFn)> {
    let mut out: Vec<(&'static str, SchemaFn)> = vec![(live::READY, schema::<LiveReady>)];
    out.extend(
        live::update_events()
            .into_iter()
            .map(|name| (name, schema::<LiveUpdate> as SchemaFn)),
    );
    out.push((live::LAGGED, schema::<LiveLagged>));
    out.push((live::ENDED, schema::<LiveEnded>));
    out
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("live")
        .add(
            get("streamUpdates", "/stream")
                .summary("Server-sent events: what changed, filtered to what the caller may see")
                .signed_in()
                .ticket_code()
                .scope("customer: own tickets; technician: own work orders; ticket code: that ticket; callback agent: callbacks; desk roles: everything")
                .event_stream(events)
                .to(stream),
        )
}
