//! Survey's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::survey::Callback;
use aftercare_platform::db::{from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};

/// Stores a callback; false when the work order already has one.
pub(crate) async fn insert(uow: &mut UnitOfWork, c: &Callback) -> Result<bool> {
    let n = sqlx::query(
        "insert into callback (callback_id, work_order_id, ticket_id, invoice_id, technician_id, status, due_at, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (work_order_id) do nothing",
    )
    .bind(c.id.to_string())
    .bind(c.work_order_id.to_string())
    .bind(c.ticket_id.to_string())
    .bind(c.invoice_id.to_string())
    .bind(c.technician_id.to_string())
    .bind(to_text(&c.status))
    .bind(c.due_at.timestamp_millis())
    .bind(c.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

#[derive(FromRow)]
struct Row {
    callback_id: String,
    work_order_id: String,
    ticket_id: String,
    invoice_id: String,
    technician_id: String,
    status: String,
    due_at: i64,
    created_at: i64,
}

impl Row {
    fn into_callback(self) -> Result<Callback> {
        Ok(Callback {
            id: parse_id(&self.callback_id)?,
            work_order_id: parse_id(&self.work_order_id)?,
            ticket_id: parse_id(&self.ticket_id)?,
            invoice_id: parse_id(&self.invoice_id)?,
            technician_id: parse_id(&self.technician_id)?,
            status: from_text(&self.status)?,
            due_at: from_ms(self.due_at),
            created_at: from_ms(self.created_at),
        })
    }
}

/// Callbacks matching `column = value` (`callback_id` or `work_order_id`).
pub(crate) async fn find(
    conn: &mut AnyConnection,
    by_work_order: bool,
    value: &str,
) -> Result<Vec<Callback>> {
    let sql = if by_work_order {
        "select callback_id, work_order_id, ticket_id, invoice_id, technician_id, status, due_at, created_at from callback where work_order_id = $1"
    } else {
        "select callback_id, work_order_id, ticket_id, invoice_id, technician_id, status, due_at, created_at from callback where callback_id = $1"
    };
    let rows: Vec<Row> = sqlx::query_as(sql).bind(value).fetch_all(conn).await?;
    rows.into_iter().map(Row::into_callback).collect()
}
