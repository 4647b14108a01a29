//! Cash collected on site per visit and the technicians' daily counts (reconciliations).
use aftercare_contracts::Money;
use aftercare_contracts::billing::CashReconciliation;
use aftercare_platform::db::{from_json, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::cash::Collected;

/// Cash collected on site at one visit.
pub(crate) struct Collection<'a> {
    pub(crate) work_order_id: Uuid,
    pub(crate) work_order_number: &'a str,
    pub(crate) technician_id: Uuid,
    pub(crate) technician_name: &'a str,
    pub(crate) day: NaiveDate,
    pub(crate) amount: &'a Money,
    pub(crate) at: i64,
}

/// Records the cash of a visit (once; a redelivered visit changes nothing).
pub(crate) async fn record_collection(uow: &mut UnitOfWork, c: &Collection<'_>) -> Result<()> {
    sqlx::query(
        "insert into cash_collection (work_order_id, work_order_number, technician_id, technician_name, day, amount_minor, currency, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (work_order_id) do nothing",
    )
    .bind(c.work_order_id.to_string())
    .bind(c.work_order_number)
    .bind(c.technician_id.to_string())
    .bind(c.technician_name)
    .bind(c.day.to_string())
    .bind(c.amount.amount_minor)
    .bind(&c.amount.currency)
    .bind(c.at)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// One collection row with its receipt number, if issued.
#[derive(FromRow)]
struct CollectionRow {
    work_order_number: String,
    technician_id: String,
    technician_name: String,
    amount_minor: i64,
    currency: String,
    at: i64,
    receipt_number: Option<String>,
}

/// The collections of a day, of one technician when given, by technician and time.
pub(crate) async fn collections(
    conn: &mut AnyConnection,
    day: NaiveDate,
    technician_id: Option<Uuid>,
) -> Result<Vec<Collected>> {
    let rows: Vec<CollectionRow> = sqlx::query_as(
        "select c.work_order_number, c.technician_id, c.technician_name, c.amount_minor, c.currency, c.at,
            i.number as receipt_number
         from cash_collection c left join invoice i on i.work_order_id = c.work_order_id
         where c.day = $1 and ($2 = '' or c.technician_id = $2)
         order by c.technician_id, c.at",
    )
    .bind(day.to_string())
    .bind(technician_id.map(|t| t.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Collected {
                technician_id: parse_id(&r.technician_id)?,
                technician_name: r.technician_name,
                work_order_number: r.work_order_number,
                receipt_number: r.receipt_number,
                amount: Money {
                    amount_minor: r.amount_minor,
                    currency: r.currency,
                },
                at: from_ms(r.at),
            })
        })
        .collect()
}

/// The cash a technician collected at a work order's visit, if any.
pub(crate) async fn collection_of(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Option<Money>> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "select amount_minor, currency from cash_collection where work_order_id = $1",
    )
    .bind(work_order_id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(amount_minor, currency)| Money {
        amount_minor,
        currency,
    }))
}

/// The reconciliations of a day.
pub(crate) async fn reconciliations(
    conn: &mut AnyConnection,
    day: NaiveDate,
) -> Result<Vec<CashReconciliation>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select body from cash_reconciliation where day = $1")
            .bind(day.to_string())
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// One reconciliation by id.
pub(crate) async fn reconciliation(
    conn: &mut AnyConnection,
    id: Uuid,
) -> Result<Option<CashReconciliation>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from cash_reconciliation where reconciliation_id = $1")
            .bind(id.to_string())
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Stores a first count; false when the technician's day was already counted.
pub(crate) async fn insert_reconciliation(
    uow: &mut UnitOfWork,
    r: &CashReconciliation,
) -> Result<bool> {
    let done = sqlx::query(
        "insert into cash_reconciliation (reconciliation_id, technician_id, day, status, body)
         values ($1, $2, $3, $4, $5) on conflict (technician_id, day) do nothing",
    )
    .bind(r.id.to_string())
    .bind(r.technician_id.to_string())
    .bind(r.day.to_string())
    .bind(to_text(&r.status))
    .bind(serde_json::to_string(r)?)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Approves a variance, only if it is still awaiting approval.
pub(crate) async fn approve_reconciliation(
    uow: &mut UnitOfWork,
    r: &CashReconciliation,
) -> Result<bool> {
    let done = sqlx::query(
        "update cash_reconciliation set status = $1, body = $2
         where reconciliation_id = $3 and status = 'awaiting_approval'",
    )
    .bind(to_text(&r.status))
    .bind(serde_json::to_string(r)?)
    .bind(r.id.to_string())
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}
