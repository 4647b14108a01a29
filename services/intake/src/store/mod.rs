//! Intake's queries. Runtime SQL with `$n` placeholders that runs on both backends.
use aftercare_contracts::intake::{Ticket, TicketStatus};
use aftercare_contracts::rpc::ListOrder;
use aftercare_platform::db::{from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

#[derive(FromRow)]
struct TicketRow {
    ticket_id: String,
    number: String,
    status: String,
    channel: String,
    ticket_type: String,
    priority: String,
    symptom: String,
    customer_name: String,
    customer_phone: String,
    customer_address: String,
    district: String,
    customer_id: Option<String>,
    machine: Option<String>,
    work_order_id: Option<String>,
    callback_due_at: Option<i64>,
    opened_at: i64,
    updated_at: i64,
    version: i64,
}

impl TicketRow {
    fn into_ticket(self) -> Result<Ticket> {
        Ok(Ticket {
            id: parse_id(&self.ticket_id)?,
            number: self.number,
            status: from_text(&self.status)?,
            channel: from_text(&self.channel)?,
            ticket_type: from_text(&self.ticket_type)?,
            priority: from_text(&self.priority)?,
            symptom: self.symptom,
            customer: aftercare_contracts::intake::CustomerInfo {
                name: self.customer_name,
                phone: self.customer_phone,
                address: self.customer_address,
                district: self.district,
            },
            customer_id: self.customer_id.as_deref().map(parse_id).transpose()?,
            machine: self.machine.as_deref().map(from_json).transpose()?,
            work_order_id: self.work_order_id.as_deref().map(parse_id).transpose()?,
            callback_due_at: self.callback_due_at.map(from_ms),
            opened_at: from_ms(self.opened_at),
            updated_at: from_ms(self.updated_at),
            version: self.version,
        })
    }
}

/// Stores a new ticket and its first history entry.
pub(crate) async fn insert(
    uow: &mut UnitOfWork,
    t: &Ticket,
    machine_down: bool,
    actor: &str,
) -> Result<()> {
    let machine = t.machine.as_ref().map(serde_json::to_string).transpose()?;
    sqlx::query(
        "insert into ticket (ticket_id, number, status, channel, ticket_type, priority, symptom, customer_name,
            customer_phone, customer_address, district, machine, machine_down, opened_at, updated_at, version, customer_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, 1, $15)",
    )
    .bind(t.id.to_string())
    .bind(&t.number)
    .bind(to_text(&t.status))
    .bind(to_text(&t.channel))
    .bind(to_text(&t.ticket_type))
    .bind(to_text(&t.priority))
    .bind(&t.symptom)
    .bind(&t.customer.name)
    .bind(&t.customer.phone)
    .bind(&t.customer.address)
    .bind(&t.customer.district)
    .bind(machine)
    .bind(i32::from(machine_down))
    .bind(t.opened_at.timestamp_millis())
    .bind(t.customer_id.map(|c| c.to_string()))
    .execute(uow.conn())
    .await?;
    history(
        uow.conn(),
        t.id,
        None,
        t.status,
        actor,
        "opened",
        t.opened_at.timestamp_millis(),
    )
    .await
}

async fn history(
    conn: &mut AnyConnection,
    id: Uuid,
    from: Option<TicketStatus>,
    to: TicketStatus,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<()> {
    sqlx::query("insert into ticket_history (ticket_id, at, from_status, to_status, actor, reason) values ($1, $2, $3, $4, $5, $6)")
        .bind(id.to_string())
        .bind(at)
        .bind(from.map(|s| to_text(&s)))
        .bind(to_text(&to))
        .bind(actor)
        .bind(reason)
        .execute(conn)
        .await?;
    Ok(())
}

const SELECT: &str = "select ticket_id, number, status, channel, ticket_type, priority, symptom, customer_name, customer_phone,
    customer_address, district, customer_id, machine, work_order_id, callback_due_at, opened_at, updated_at, version from ticket";

/// A ticket by id or human number.
pub(crate) async fn get(conn: &mut AnyConnection, id_or_number: &str) -> Result<Option<Ticket>> {
    let row: Option<TicketRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where ticket_id = $1 or number = $1"
    )))
    .bind(id_or_number)
    .fetch_optional(conn)
    .await?;
    row.map(TicketRow::into_ticket).transpose()
}

/// A page of tickets in `order`, optionally of one customer and in one state.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    customer_id: Option<Uuid>,
    status: Option<TicketStatus>,
    order: ListOrder,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<Ticket>> {
    let (direction, beyond) = order.sql();
    let rows: Vec<TicketRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where ($1 = '' or customer_id = $1) and ($2 = '' or status = $2)
           and ($3 = '' or ticket_id {beyond} $3) order by ticket_id {direction} limit $4"
    )))
    .bind(customer_id.map(|c| c.to_string()).unwrap_or_default())
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .bind(after.unwrap_or(""))
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(TicketRow::into_ticket).collect()
}

/// Moves a ticket to `to` if the rules allow, recording why; returns whether it moved.
pub(crate) async fn advance(
    uow: &mut UnitOfWork,
    id: Uuid,
    to: TicketStatus,
    work_order_id: Option<Uuid>,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<bool> {
    let Some(t) = get(uow.conn(), &id.to_string()).await? else {
        return Ok(false);
    };
    if !crate::domain::event_may_move(t.status, to) {
        return Ok(false);
    }
    sqlx::query(
        "update ticket set status = $1, work_order_id = coalesce($2, work_order_id), updated_at = $3, version = version + 1
         where ticket_id = $4",
    )
    .bind(to_text(&to))
    .bind(work_order_id.map(|w| w.to_string()))
    .bind(at)
    .bind(id.to_string())
    .execute(uow.conn())
    .await?;
    history(uow.conn(), id, Some(t.status), to, actor, reason, at).await?;
    Ok(true)
}

/// Records when the callback is due.
pub(crate) async fn set_callback_due(
    uow: &mut UnitOfWork,
    id: Uuid,
    due_at: i64,
    at: i64,
) -> Result<()> {
    sqlx::query("update ticket set callback_due_at = $1, updated_at = $2, version = version + 1 where ticket_id = $3")
        .bind(due_at)
        .bind(at)
        .bind(id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}
pub(crate) mod customers;
