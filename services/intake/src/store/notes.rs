//! Notes on tickets.
use aftercare_contracts::intake::{NoteVisibility, TicketNote};
use aftercare_platform::db::{from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::AnyConnection;
use uuid::Uuid;

/// Stores a note.
pub(crate) async fn insert(uow: &mut UnitOfWork, n: &TicketNote) -> Result<()> {
    sqlx::query(
        "insert into ticket_note (note_id, ticket_id, at, actor, visibility, body) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(n.id.to_string())
    .bind(n.ticket_id.to_string())
    .bind(n.at.timestamp_millis())
    .bind(&n.actor)
    .bind(to_text(&n.visibility))
    .bind(&n.text)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A page of a ticket's notes, oldest first, after note `after`; only those the
/// customer sees when `customer_only`.
pub(crate) async fn page(
    conn: &mut AnyConnection,
    ticket_id: Uuid,
    customer_only: bool,
    after: &str,
    limit: i64,
) -> Result<Vec<TicketNote>> {
    let rows: Vec<(String, String, i64, String, String, String)> = sqlx::query_as(
        "select note_id, ticket_id, at, actor, visibility, body from ticket_note
         where ticket_id = $1 and note_id > $2 and ($3 = 0 or visibility = $4)
         order by note_id limit $5",
    )
    .bind(ticket_id.to_string())
    .bind(after)
    .bind(i32::from(customer_only))
    .bind(to_text(&NoteVisibility::Customer))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, ticket, at, actor, visibility, text)| {
            Ok(TicketNote {
                id: parse_id(&id)?,
                ticket_id: parse_id(&ticket)?,
                at: from_ms(at),
                actor,
                actor_name: None,
                visibility: from_text(&visibility)?,
                text,
            })
        })
        .collect()
}
