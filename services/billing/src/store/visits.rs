//! What billing knows of a visit before its receipt: the completed work order and the
//! priced parts as they arrive, and the customer and tier of its ticket.
use aftercare_contracts::intake::CustomerTier;
use aftercare_platform::db::{from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

/// What billing knows of a visit so far.
#[derive(FromRow)]
pub(crate) struct VisitRow {
    /// The `dispatch.workorder.completed` data, once received.
    pub(crate) completed: Option<String>,
    /// The `inventory.stock.consumed` lines, once received.
    pub(crate) parts_priced: Option<String>,
    /// The receipt, once issued.
    pub(crate) invoice_id: Option<String>,
}

/// Records one half of a visit and returns the whole row. The upsert takes the row lock,
/// so of two transactions recording the two halves at once the later one sees both.
pub(crate) async fn record_visit(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    ticket_id: Uuid,
    completed: Option<&str>,
    parts_priced: Option<&str>,
    now: i64,
) -> Result<VisitRow> {
    let row: VisitRow = sqlx::query_as(
        "insert into visit (work_order_id, ticket_id, completed, parts_priced, updated_at) values ($1, $2, $3, $4, $5)
         on conflict (work_order_id) do update set
            completed = coalesce(visit.completed, excluded.completed),
            parts_priced = coalesce(visit.parts_priced, excluded.parts_priced),
            updated_at = excluded.updated_at
         returning completed, parts_priced, invoice_id",
    )
    .bind(work_order_id.to_string())
    .bind(ticket_id.to_string())
    .bind(completed)
    .bind(parts_priced)
    .bind(now)
    .fetch_one(uow.conn())
    .await?;
    Ok(row)
}

/// Remembers a ticket's customer and tier (from `intake.ticket.opened`).
pub(crate) async fn record_ticket(
    uow: &mut UnitOfWork,
    ticket_id: Uuid,
    customer_id: Option<Uuid>,
    tier: CustomerTier,
) -> Result<()> {
    sqlx::query(
        "insert into ticket (ticket_id, customer_id, tier) values ($1, $2, $3)
         on conflict (ticket_id) do nothing",
    )
    .bind(ticket_id.to_string())
    .bind(customer_id.map(|c| c.to_string()))
    .bind(to_text(&tier))
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A ticket's customer and tier, when billing has seen it opened.
pub(crate) async fn ticket_terms(
    conn: &mut AnyConnection,
    ticket_id: Uuid,
) -> Result<Option<(Option<Uuid>, CustomerTier)>> {
    let row: Option<(Option<String>, String)> =
        sqlx::query_as("select customer_id, tier from ticket where ticket_id = $1")
            .bind(ticket_id.to_string())
            .fetch_optional(conn)
            .await?;
    row.map(|(c, t)| Ok((c.as_deref().map(parse_id).transpose()?, from_text(&t)?)))
        .transpose()
}
