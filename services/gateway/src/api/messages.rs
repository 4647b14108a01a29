//! The messages sent to customers (已发送消息), kept by the notifier with their delivery
//! status: the desk's "sent messages" view, a ticket's messages and the channels the
//! notifier sends on (none: trial mode, every message kept unsent). The desk reads them;
//! the address is masked as phones are elsewhere, and a one-time code or an answer link's
//! token never reaches the gateway unmasked.
use aftercare_contracts::intake::NotificationChannel;
use aftercare_contracts::notifier::{
    GetNotificationChannels, GetSentMessage, ListSentMessages, MessageStatus, NotificationChannels,
    SentMessage,
};
use aftercare_contracts::rpc::Page;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use uuid::Uuid;

use super::machine_visits::uuid_cursor_schema;
use super::operation::{LIMIT, Param, REVEAL, REVEAL_REASON, Routes, get, path_id, query, schema};
use super::query::{parse_enum, parse_instant};
use super::roles::MESSAGE_READERS;
use super::visibility::visible_ticket;
use crate::error::ApiError;
use crate::http::{parse_limit, parse_uuid_param};
use crate::identity::Principal;
use crate::privacy;
use crate::state::AppState;

/// Query parameters of the message lists (each route reads the ones it documents).
#[derive(Debug, Deserialize)]
pub(crate) struct MessageQuery {
    status: Option<String>,
    channel: Option<String>,
    ticket_id: Option<String>,
    customer_id: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// `cursor`: the `next_cursor` handed out, a message id.
const CURSOR: Param = query(
    "cursor",
    uuid_cursor_schema,
    "`next_cursor` of the previous page.",
);

fn parse_cursor(raw: Option<&str>) -> Result<Option<String>, ApiError> {
    raw.map(|c| {
        Uuid::parse_str(c.trim())
            .map(|u| u.to_string())
            .map_err(|_| {
                ApiError::field(
                    "cursor",
                    "invalid",
                    "cursor must be the next_cursor of the previous page",
                )
            })
    })
    .transpose()
}

fn uuid_param(name: &str, raw: Option<&str>) -> Result<Option<Uuid>, ApiError> {
    raw.map(|v| parse_uuid_param(name, v)).transpose()
}

/// The message as the desk sees it: the address masked.
fn masked(mut m: SentMessage) -> SentMessage {
    m.to = privacy::mask_recipient(m.channel, &m.to);
    m
}

async fn page_of(
    s: &AppState,
    p: &Principal,
    req: &ListSentMessages,
) -> Result<Page<SentMessage>, ApiError> {
    let page: Page<SentMessage> = s.call(req, Some(p)).await?;
    Ok(Page {
        items: page.items.into_iter().map(masked).collect(),
        next_cursor: page.next_cursor,
    })
}

pub(crate) async fn list_messages(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<MessageQuery>,
) -> Result<Response, ApiError> {
    let req = ListSentMessages {
        status: parse_enum("status", q.status.as_deref())?,
        channel: parse_enum("channel", q.channel.as_deref())?,
        ticket_id: uuid_param("ticket_id", q.ticket_id.as_deref())?,
        customer_id: uuid_param("customer_id", q.customer_id.as_deref())?,
        from: parse_instant("from", q.from.as_deref())?,
        to: parse_instant("to", q.to.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: parse_cursor(q.cursor.as_deref())?,
    };
    Ok(Json(page_of(&s, &p, &req).await?).into_response())
}

pub(crate) async fn get_message(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<privacy::RevealQuery>,
) -> Result<Response, ApiError> {
    let reason = q.reason(&p)?;
    let m: SentMessage = s.call(&GetSentMessage { id }, Some(&p)).await?;
    let m = match reason {
        Some(r) => {
            privacy::audit_reveal(&s, &p, &format!("message:{}", m.id), &r).await?;
            m
        }
        None => masked(m),
    };
    Ok(Json(m).into_response())
}

pub(crate) async fn list_ticket_messages(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<MessageQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let cursor = parse_cursor(q.cursor.as_deref())?;
    let t = visible_ticket(&s, &p, &id).await?;
    let req = ListSentMessages {
        ticket_id: Some(t.id),
        limit,
        cursor,
        ..ListSentMessages::default()
    };
    Ok(Json(page_of(&s, &p, &req).await?).into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("messages")
        .add(
            get("listMessages", "/messages")
                .summary("The messages sent to customers (已发送消息), newest first, with their delivery status: pending, failed (retried at `next_attempt_at`), sent, dead_lettered (given up) or unsent (no channel configured: what would have been sent). One-time codes and answer-link tokens are masked in the text")
                .roles(MESSAGE_READERS)
                .scope("the address (phone, e-mail, WeChat id) masked")
                .params(&[
                    query("status", schema::<MessageStatus>, "Only messages in this delivery status."),
                    query("channel", schema::<NotificationChannel>, "Only messages on this channel."),
                    query("ticket_id", schema::<Uuid>, "Only messages about this ticket."),
                    query("customer_id", schema::<Uuid>, "Only messages to this customer."),
                    query("from", schema::<chrono::DateTime<chrono::Utc>>, "Recorded at or after this instant (RFC 3339)."),
                    query("to", schema::<chrono::DateTime<chrono::Utc>>, "Recorded before this instant (RFC 3339)."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<SentMessage>>()
                .to(list_messages),
        )
        .add(
            get("getMessage", "/messages/{id}")
                .summary("One message as the customer receives it, with its delivery status, each sending attempt (when, how it ended, the provider's answer code and what it said), last error and next attempt")
                .roles(MESSAGE_READERS)
                .scope("the address masked unless revealed with a reason (audit-logged)")
                .params(&[path_id("Message id."), REVEAL, REVEAL_REASON])
                .reply::<SentMessage>()
                .to(get_message),
        )
        .add(
            get("listTicketMessages", "/tickets/{id}/messages")
                .summary("The messages sent to the customer about a ticket, newest first, with their delivery status")
                .tag("tickets")
                .roles(MESSAGE_READERS)
                .scope("the address masked")
                .params(&[path_id("Ticket id or number (T2026-000042)."), LIMIT, CURSOR])
                .reply::<Page<SentMessage>>()
                .to(list_ticket_messages),
        )
        .add(
            get("getNotificationChannels", "/notification-channels")
                .summary("The channels messages go out on; with none configured (trial mode) every message is kept unsent")
                .roles(MESSAGE_READERS)
                .reply::<NotificationChannels>()
                .to(get_notification_channels),
        )
}

pub(crate) async fn get_notification_channels(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError> {
    let c: NotificationChannels = s.call(&GetNotificationChannels {}, Some(&p)).await?;
    Ok(Json(c).into_response())
}
