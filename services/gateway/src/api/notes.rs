//! Notes on tickets (intake): the desk writes them, internal or shown to the customer;
//! whoever may see the ticket reads them, a customer (or a ticket-code session) only the
//! ones shown to the customer, without the desk's names.
use aftercare_contracts::Role;
use aftercare_contracts::intake::{AddTicketNote, ListTicketNotes, TicketNote};
use aftercare_contracts::rpc::Page;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::operation::{CURSOR, LIMIT, Routes, get, path_id, post};
use super::query::PageQuery;
use super::roles::{TICKET_HANDLERS, TICKET_READERS};
use super::visibility::{display_names, visible_ticket};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, parse_limit};
use crate::identity::Principal;
use crate::state::AppState;

/// The actor a customer sees for a note of the service desk.
const STAFF: &str = "staff";

/// Whether `p` reads a ticket as its customer does.
fn as_customer(p: &Principal) -> bool {
    p.role == Role::Customer || p.ticket_id.is_some()
}

/// What a customer sees of a note: its text and when, the desk's account unnamed.
fn as_customer_sees(n: &mut TicketNote, own_account: &str) {
    if n.actor != own_account {
        n.actor = STAFF.to_owned();
    }
    n.actor_name = None;
}

pub(crate) async fn add_ticket_note(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let t = visible_ticket(&s, &p, &id).await?;
    let req: AddTicketNote = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("ticket_id", serde_json::Value::String(t.id.to_string()))],
    )
    .await?;
    let n: TicketNote = s.call(&req, Some(&p)).await?;
    Ok(created(&n, format!("/api/v1/tickets/{}/notes", t.id), None))
}

pub(crate) async fn list_ticket_notes(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let t = visible_ticket(&s, &p, &id).await?;
    let customer = as_customer(&p);
    let req = ListTicketNotes {
        ticket_id: t.id.to_string(),
        customer_visible_only: customer,
        limit,
        cursor: q.cursor,
    };
    let mut page: Page<TicketNote> = s.call(&req, Some(&p)).await?;
    if customer {
        for n in &mut page.items {
            as_customer_sees(n, &p.account_id);
        }
    } else {
        let names = display_names(&s, page.items.iter().map(|n| n.actor.clone()).collect()).await?;
        for n in &mut page.items {
            n.actor_name = names.get(&n.actor).cloned();
        }
    }
    Ok(Json(page).into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("tickets")
        .add(
            post("addTicketNote", "/tickets/{id}/notes")
                .summary("Add a note to a ticket, internal or shown to the customer; the ticket itself does not change")
                .roles(TICKET_HANDLERS)
                .params(&[path_id("Ticket id or number.")])
                .body::<AddTicketNote>()
                .path_fills(&["ticket_id"])
                .creates()
                .reply::<TicketNote>()
                .to(add_ticket_note),
        )
        .add(
            get("listTicketNotes", "/tickets/{id}/notes")
                .summary("A ticket's notes, oldest first")
                .roles(TICKET_READERS)
                .ticket_code()
                .scope("as getTicket; a customer and a ticket code see only the notes shown to the customer, the desk's author as `staff`")
                .params(&[path_id("Ticket id or number (T2026-000042)."), LIMIT, CURSOR])
                .reply::<Page<TicketNote>>()
                .to(list_ticket_notes),
        )
}

#[cfg(test)]
mod tests {
    use aftercare_contracts::intake::{NoteVisibility, TicketNote};

    use super::as_customer_sees;

    #[test]
    fn a_customer_sees_the_desks_notes_unnamed_and_their_own_as_theirs() {
        let note = |actor: &str| TicketNote {
            id: uuid::Uuid::nil(),
            ticket_id: uuid::Uuid::nil(),
            at: chrono::Utc::now(),
            actor: actor.into(),
            actor_name: Some("王芳".into()),
            visibility: NoteVisibility::Customer,
            text: "the technician comes on Tuesday".into(),
        };
        let mut desk = note("0190-agent");
        as_customer_sees(&mut desk, "0190-customer");
        assert_eq!((desk.actor.as_str(), desk.actor_name), ("staff", None));
        let mut own = note("0190-customer");
        as_customer_sees(&mut own, "0190-customer");
        assert_eq!(own.actor, "0190-customer");
    }
}
