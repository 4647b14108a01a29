//! Billing's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{Invoice, InvoiceLine};
use aftercare_platform::db::{from_json, parse_id};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::FeeSchedule;

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

#[derive(FromRow)]
struct FeeRow {
    currency: String,
    call_out_minor: i64,
    labour_per_hour_minor: i64,
    warranty_months: i64,
}

/// The fee schedule in force at `at`.
pub(crate) async fn fee_schedule(conn: &mut AnyConnection, at: i64) -> Result<FeeSchedule> {
    let row: FeeRow = sqlx::query_as(
        "select currency, call_out_minor, labour_per_hour_minor, warranty_months from fee_schedule
         where effective_from <= $1 order by effective_from desc limit 1",
    )
    .bind(at)
    .fetch_one(conn)
    .await?;
    Ok(FeeSchedule {
        currency: row.currency,
        call_out_minor: row.call_out_minor,
        labour_per_hour_minor: row.labour_per_hour_minor,
        warranty_months: u32::try_from(row.warranty_months).unwrap_or(12),
    })
}

/// Stores a receipt and links it to its visit.
pub(crate) async fn insert_invoice(uow: &mut UnitOfWork, inv: &Invoice) -> Result<()> {
    sqlx::query(
        "insert into invoice (invoice_id, number, work_order_id, ticket_id, customer_name, lines, currency, total_minor, charged_minor, issued_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(inv.id.to_string())
    .bind(&inv.number)
    .bind(inv.work_order_id.to_string())
    .bind(inv.ticket_id.to_string())
    .bind(&inv.customer_name)
    .bind(serde_json::to_string(&inv.lines)?)
    .bind(&inv.total.currency)
    .bind(inv.total.amount_minor)
    .bind(inv.total_charged.amount_minor)
    .bind(inv.issued_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    sqlx::query("update visit set invoice_id = $1 where work_order_id = $2")
        .bind(inv.id.to_string())
        .bind(inv.work_order_id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

#[derive(FromRow)]
struct InvoiceRow {
    invoice_id: String,
    number: String,
    work_order_id: String,
    ticket_id: String,
    customer_name: String,
    lines: String,
    currency: String,
    total_minor: i64,
    charged_minor: i64,
    issued_at: i64,
}

impl InvoiceRow {
    fn into_invoice(self) -> Result<Invoice> {
        Ok(Invoice {
            id: parse_id(&self.invoice_id)?,
            number: self.number,
            work_order_id: parse_id(&self.work_order_id)?,
            ticket_id: parse_id(&self.ticket_id)?,
            customer_name: self.customer_name,
            lines: from_json::<Vec<InvoiceLine>>(&self.lines)?,
            total: Money {
                amount_minor: self.total_minor,
                currency: self.currency.clone(),
            },
            total_charged: Money {
                amount_minor: self.charged_minor,
                currency: self.currency,
            },
            issued_at: from_ms(self.issued_at),
        })
    }
}

const SELECT: &str = "select invoice_id, number, work_order_id, ticket_id, customer_name, lines, currency, total_minor, charged_minor, issued_at from invoice";

/// A receipt by id or number.
pub(crate) async fn get(conn: &mut AnyConnection, id_or_number: &str) -> Result<Option<Invoice>> {
    let row: Option<InvoiceRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where invoice_id = $1 or number = $1"
    )))
    .bind(id_or_number)
    .fetch_optional(conn)
    .await?;
    row.map(InvoiceRow::into_invoice).transpose()
}

/// The receipts of a work order.
pub(crate) async fn by_work_order(
    conn: &mut AnyConnection,
    work_order_id: &str,
) -> Result<Vec<Invoice>> {
    let rows: Vec<InvoiceRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where work_order_id = $1 order by number"
    )))
    .bind(work_order_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(InvoiceRow::into_invoice).collect()
}

/// Stores a contract and the machines it covers.
pub(crate) async fn insert_contract(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::billing::Contract,
) -> Result<()> {
    sqlx::query(
        "insert into contract (contract_id, number, customer_id, body, starts_on, ends_on, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(c.customer_id.to_string())
    .bind(serde_json::to_string(c)?)
    .bind(c.starts_on.to_string())
    .bind(c.ends_on.to_string())
    .bind(c.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    for m in &c.machines {
        sqlx::query(
            "insert into contract_machine (contract_id, machine_key) values ($1, $2) on conflict do nothing",
        )
        .bind(c.id.to_string())
        .bind(crate::domain::machine_key(&m.brand, &m.serial))
        .execute(uow.conn())
        .await?;
    }
    Ok(())
}

/// A contract by id or number.
pub(crate) async fn contract(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::billing::Contract>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from contract where contract_id = $1 or number = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| aftercare_platform::db::from_json(&b))
        .transpose()
}

/// Contracts, of one customer when given, newest first.
pub(crate) async fn contracts(
    conn: &mut AnyConnection,
    customer_id: Option<Uuid>,
) -> Result<Vec<aftercare_contracts::billing::Contract>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from contract where ($1 = '' or customer_id = $1) order by contract_id desc limit 500",
    )
    .bind(customer_id.map(|c| c.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(b,)| aftercare_platform::db::from_json(&b))
        .collect()
}

/// What the contract in force on `day` for a machine covers, if any.
pub(crate) async fn coverage_on(
    conn: &mut AnyConnection,
    machine_key: &str,
    day: chrono::NaiveDate,
) -> Result<Option<aftercare_contracts::billing::ContractCoverage>> {
    let row: Option<(String,)> = sqlx::query_as(
        "select c.body from contract c join contract_machine m on m.contract_id = c.contract_id
         where m.machine_key = $1 and c.starts_on <= $2 and c.ends_on >= $2
         order by c.contract_id desc limit 1",
    )
    .bind(machine_key)
    .bind(day.to_string())
    .fetch_optional(conn)
    .await?;
    row.map(|(b,)| {
        aftercare_platform::db::from_json::<aftercare_contracts::billing::Contract>(&b)
            .map(|c| c.coverage)
    })
    .transpose()
}

/// Units of the receipt's currency paid so far.
pub(crate) async fn paid(conn: &mut AnyConnection, invoice_id: Uuid) -> Result<i64> {
    let n: i64 = sqlx::query_scalar(
        "select cast(coalesce(sum(amount_minor), 0) as bigint) from payment where invoice_id = $1",
    )
    .bind(invoice_id.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n)
}

/// Records a payment.
pub(crate) async fn insert_payment(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::billing::Payment,
) -> Result<()> {
    sqlx::query(
        "insert into payment (payment_id, invoice_id, method, amount_minor, collected_by, reference, recorded_by, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(p.id.to_string())
    .bind(p.invoice_id.to_string())
    .bind(aftercare_platform::db::to_text(&p.method))
    .bind(p.amount.amount_minor)
    .bind(p.collected_by.map(|c| c.to_string()))
    .bind(&p.reference)
    .bind(&p.recorded_by)
    .bind(p.at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Receipts issued before `before` with something still owed: (number, customer, issued
/// at, currency, owed).
pub(crate) async fn open_receivables(
    conn: &mut AnyConnection,
    before: i64,
) -> Result<Vec<(String, String, i64, String, i64)>> {
    let rows: Vec<(String, String, i64, String, i64)> = sqlx::query_as(
        "select i.number, i.customer_name, i.issued_at, i.currency,
            i.charged_minor - cast(coalesce((select sum(p.amount_minor) from payment p where p.invoice_id = i.invoice_id), 0) as bigint) as owed
         from invoice i where i.issued_at < $1 order by i.issued_at, i.number",
    )
    .bind(before)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter(|r| r.4 > 0).collect())
}
