//! Billing's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{
    CashReconciliation, ClaimRequirements, ClaimStatus, Coverage, CreditNote, FeeSchedule,
    FeeTerms, Invoice, InvoiceLine, Iou, ManufacturerClaim, Refund, RefundStatus,
};
use aftercare_contracts::dispatch::WorkType;
use aftercare_contracts::intake::CustomerTier;
use aftercare_platform::db::{Guard, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
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

/// The fee schedule version in force on a service-local day: its number and terms.
pub(crate) async fn fee_schedule_on(
    conn: &mut AnyConnection,
    day: NaiveDate,
) -> Result<(u32, FeeTerms)> {
    let (version, terms): (i64, String) = sqlx::query_as(
        "select cast(version as bigint), terms from fee_schedule_version
         where effective_from <= $1 order by effective_from desc limit 1",
    )
    .bind(day.to_string())
    .fetch_one(conn)
    .await?;
    Ok((u32::try_from(version).unwrap_or(0), from_json(&terms)?))
}

#[derive(FromRow)]
struct ScheduleRow {
    version: i64,
    effective_from: String,
    terms: String,
    created_by: String,
    created_at: i64,
}

/// Every fee schedule version, newest first.
pub(crate) async fn fee_schedules(conn: &mut AnyConnection) -> Result<Vec<FeeSchedule>> {
    let rows: Vec<ScheduleRow> = sqlx::query_as(
        "select cast(version as bigint) as version, effective_from, terms, created_by, created_at
         from fee_schedule_version order by version desc",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(FeeSchedule {
                version: u32::try_from(r.version).unwrap_or(0),
                effective_from: parse_day(&r.effective_from)?,
                terms: from_json(&r.terms)?,
                created_by: r.created_by,
                created_at: from_ms(r.created_at),
            })
        })
        .collect()
}

/// Stores a new fee schedule version; the number is the next after the latest.
pub(crate) async fn insert_fee_schedule(uow: &mut UnitOfWork, f: &FeeSchedule) -> Result<()> {
    sqlx::query(
        "insert into fee_schedule_version (version, effective_from, terms, created_by, created_at)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(i64::from(f.version))
    .bind(f.effective_from.to_string())
    .bind(serde_json::to_string(&f.terms)?)
    .bind(&f.created_by)
    .bind(f.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

fn parse_day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| aftercare_platform::Error::corrupt("day", text, e))
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

/// What a receipt is filed under beyond its printed content: for reports and receivables.
pub(crate) struct InvoiceFiling<'a> {
    /// The technician who did the work.
    pub(crate) technician_id: Uuid,
    /// Their name.
    pub(crate) technician_name: &'a str,
    /// The visit's district.
    pub(crate) district: &'a str,
    /// The kind of visit.
    pub(crate) work_type: WorkType,
    /// Service-local day of issue.
    pub(crate) issued_day: NaiveDate,
}

/// Stores a receipt and links it to its visit.
pub(crate) async fn insert_invoice(
    uow: &mut UnitOfWork,
    inv: &Invoice,
    filing: &InvoiceFiling<'_>,
) -> Result<()> {
    let cost = |c: Coverage| -> i64 {
        inv.lines
            .iter()
            .filter(|l| l.coverage == c)
            .map(|l| l.amount.amount_minor)
            .sum()
    };
    let discount: i64 = inv
        .lines
        .iter()
        .filter_map(|l| l.discount.as_ref().map(|d| d.amount_minor))
        .sum();
    sqlx::query(
        "insert into invoice (invoice_id, number, work_order_id, ticket_id, customer_name, lines, currency, total_minor, charged_minor, issued_at,
            customer_id, technician_id, technician_name, district, work_type, issued_day, tax_rate_bp, tax_minor, schedule_version,
            warranty_minor, contract_minor, manufacturer_minor, discount_minor)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)",
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
    .bind(inv.customer_id.map(|c| c.to_string()))
    .bind(filing.technician_id.to_string())
    .bind(filing.technician_name)
    .bind(filing.district)
    .bind(to_text(&filing.work_type))
    .bind(filing.issued_day.to_string())
    .bind(i64::from(inv.tax_rate_bp))
    .bind(inv.tax_included.amount_minor)
    .bind(i64::from(inv.fee_schedule_version))
    .bind(cost(Coverage::Warranty))
    .bind(cost(Coverage::Contract))
    .bind(cost(Coverage::ManufacturerWarranty))
    .bind(discount)
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
    customer_id: Option<String>,
    tax_rate_bp: i64,
    tax_minor: i64,
    schedule_version: i64,
    paid_minor: i64,
    credited_minor: i64,
    iou: Option<String>,
}

impl InvoiceRow {
    fn into_invoice(self) -> Result<Invoice> {
        let money = |amount_minor| Money {
            amount_minor,
            currency: self.currency.clone(),
        };
        Ok(Invoice {
            customer_id: self.customer_id.as_deref().map(parse_id).transpose()?,
            tax_included: money(self.tax_minor),
            tax_rate_bp: u32::try_from(self.tax_rate_bp).unwrap_or(0),
            fee_schedule_version: u32::try_from(self.schedule_version).unwrap_or(0),
            paid: money(self.paid_minor),
            credited: money(self.credited_minor),
            outstanding: money(self.charged_minor - self.paid_minor - self.credited_minor),
            iou: self.iou.as_deref().map(from_json::<Iou>).transpose()?,
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

const SELECT: &str = "select invoice_id, number, work_order_id, ticket_id, customer_name, lines, currency, total_minor, charged_minor, issued_at,
    customer_id, cast(tax_rate_bp as bigint) as tax_rate_bp, tax_minor, cast(schedule_version as bigint) as schedule_version, paid_minor, credited_minor, iou from invoice";

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

/// The contract in force on `day` for a machine, if any.
pub(crate) async fn contract_on(
    conn: &mut AnyConnection,
    machine_key: &str,
    day: chrono::NaiveDate,
) -> Result<Option<crate::domain::ContractInForce>> {
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
        aftercare_platform::db::from_json::<aftercare_contracts::billing::Contract>(&b).map(|c| {
            crate::domain::ContractInForce {
                number: c.number,
                coverage: c.coverage,
            }
        })
    })
    .transpose()
}

/// Adds `amount` to what a receipt has had paid (`credit` false) or credited (`credit`
/// true), only if that much is still owed; the check and the change are one statement,
/// so two clerks cannot both take the last of a balance.
pub(crate) async fn settle(
    uow: &mut UnitOfWork,
    invoice_id: Uuid,
    amount: i64,
    credit: bool,
) -> Result<bool> {
    let column = if credit {
        "credited_minor"
    } else {
        "paid_minor"
    };
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "update invoice set {column} = {column} + $1
         where invoice_id = $2 and charged_minor - paid_minor - credited_minor >= $1"
    )))
    .bind(amount)
    .bind(invoice_id.to_string())
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
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

/// One open receivable as stored.
#[derive(FromRow)]
pub(crate) struct OpenReceivable {
    pub(crate) number: String,
    pub(crate) customer_name: String,
    pub(crate) issued_day: String,
    pub(crate) issued_at: i64,
    pub(crate) currency: String,
    pub(crate) owed: i64,
    pub(crate) iou: Option<String>,
}

/// Receipts issued on or before `last_day` with something still owed, oldest first.
pub(crate) async fn open_receivables(
    conn: &mut AnyConnection,
    last_day: NaiveDate,
) -> Result<Vec<OpenReceivable>> {
    let rows: Vec<OpenReceivable> = sqlx::query_as(
        "select number, customer_name, issued_day, issued_at, currency,
            charged_minor - paid_minor - credited_minor as owed, iou
         from invoice where issued_day <= $1 and charged_minor - paid_minor - credited_minor > 0
         order by issued_day, number",
    )
    .bind(last_day.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Records an IOU on a receipt.
pub(crate) async fn set_iou(uow: &mut UnitOfWork, invoice_id: Uuid, iou: &Iou) -> Result<()> {
    sqlx::query("update invoice set iou = $1, iou_promised_on = $2 where invoice_id = $3")
        .bind(serde_json::to_string(iou)?)
        .bind(iou.promised_on.to_string())
        .bind(invoice_id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// Stores a credit note.
pub(crate) async fn insert_credit_note(
    uow: &mut UnitOfWork,
    c: &CreditNote,
    issued_day: NaiveDate,
) -> Result<()> {
    sqlx::query(
        "insert into credit_note (credit_note_id, number, invoice_id, amount_minor, body, issued_day, issued_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(c.invoice_id.to_string())
    .bind(c.amount.amount_minor)
    .bind(serde_json::to_string(c)?)
    .bind(issued_day.to_string())
    .bind(c.issued_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The credit notes of a receipt, oldest first.
pub(crate) async fn credit_notes(
    conn: &mut AnyConnection,
    invoice_id: Uuid,
) -> Result<Vec<CreditNote>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select body from credit_note where invoice_id = $1 order by number")
            .bind(invoice_id.to_string())
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

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
pub(crate) struct CollectionRow {
    pub(crate) work_order_number: String,
    pub(crate) technician_id: String,
    pub(crate) technician_name: String,
    pub(crate) amount_minor: i64,
    pub(crate) currency: String,
    pub(crate) at: i64,
    pub(crate) receipt_number: Option<String>,
}

/// The collections of a day, of one technician when given, by technician and time.
pub(crate) async fn collections(
    conn: &mut AnyConnection,
    day: NaiveDate,
    technician_id: Option<Uuid>,
) -> Result<Vec<CollectionRow>> {
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
    Ok(rows)
}

/// The cash a technician collected at a work order's visit, if any.
pub(crate) async fn collection_of(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Option<(i64, String)>> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "select amount_minor, currency from cash_collection where work_order_id = $1",
    )
    .bind(work_order_id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row)
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

/// Records a refund due (once per return ticket).
pub(crate) async fn insert_refund(uow: &mut UnitOfWork, r: &Refund) -> Result<()> {
    sqlx::query(
        "insert into refund (refund_id, ticket_id, status, body, version) values ($1, $2, $3, $4, $5)
         on conflict (ticket_id) do nothing",
    )
    .bind(r.id.to_string())
    .bind(r.ticket_id.to_string())
    .bind(to_text(&r.status))
    .bind(serde_json::to_string(r)?)
    .bind(r.version)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A refund by id, or by its return ticket's id.
pub(crate) async fn refund(conn: &mut AnyConnection, id: &str) -> Result<Option<Refund>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from refund where refund_id = $1 or ticket_id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Refunds, due first then newest.
pub(crate) async fn refunds(
    conn: &mut AnyConnection,
    status: Option<RefundStatus>,
) -> Result<Vec<Refund>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from refund where ($1 = '' or status = $1)
         order by case when status = 'due' then 0 else 1 end, refund_id desc limit 500",
    )
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Stores a refund's new state if nobody changed it since `expected_version`.
pub(crate) async fn update_refund(
    uow: &mut UnitOfWork,
    r: &Refund,
    expected_version: i64,
) -> Result<bool> {
    let row = Versioned {
        table: "refund",
        key: "refund_id",
        id: r.id,
        status: to_text(&r.status),
        version: r.version,
    };
    update_versioned(uow, &row, &serde_json::to_string(r)?, expected_version).await
}

/// A record kept as JSON with its status and version beside it for queries and guards.
struct Versioned {
    table: &'static str,
    key: &'static str,
    id: Uuid,
    status: String,
    version: i64,
}

/// Replaces a versioned record's body if its version is still `expected_version`.
async fn update_versioned(
    uow: &mut UnitOfWork,
    row: &Versioned,
    body: &str,
    expected_version: i64,
) -> Result<bool> {
    let done = Guard::new(row.table, row.key, row.id, expected_version)
        .to_version(row.version)
        .update(uow.conn(), "status = $1, body = $2", |q| {
            q.bind(&row.status).bind(body)
        })
        .await?;
    Ok(done.is_updated())
}

/// What the revenue report reads of each receipt issued in a period.
#[derive(FromRow)]
pub(crate) struct RevenueFact {
    pub(crate) issued_day: String,
    pub(crate) work_type: String,
    pub(crate) district: String,
    pub(crate) technician_name: String,
    pub(crate) currency: String,
    pub(crate) total_minor: i64,
    pub(crate) charged_minor: i64,
    pub(crate) credited_minor: i64,
    pub(crate) warranty_minor: i64,
    pub(crate) contract_minor: i64,
    pub(crate) manufacturer_minor: i64,
    pub(crate) discount_minor: i64,
}

/// The receipts issued between two service-local days, inclusive.
pub(crate) async fn revenue_facts(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<RevenueFact>> {
    let rows: Vec<RevenueFact> = sqlx::query_as(
        "select issued_day, work_type, district, technician_name, currency, total_minor, charged_minor,
            credited_minor, warranty_minor, contract_minor, manufacturer_minor, discount_minor
         from invoice where issued_day >= $1 and issued_day <= $2",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// The key a brand is filed under: trimmed, lower case.
pub(crate) fn brand_key(brand: &str) -> String {
    brand.trim().to_lowercase()
}

/// The open draft claim of a brand, if any.
pub(crate) async fn open_draft(
    conn: &mut AnyConnection,
    brand: &str,
) -> Result<Option<ManufacturerClaim>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from claim where brand_key = $1 and status = 'draft'")
            .bind(brand_key(brand))
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Stores a new claim.
pub(crate) async fn insert_claim(uow: &mut UnitOfWork, c: &ManufacturerClaim) -> Result<()> {
    sqlx::query(
        "insert into claim (claim_id, number, brand_key, status, body, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(brand_key(&c.brand))
    .bind(to_text(&c.status))
    .bind(serde_json::to_string(c)?)
    .bind(c.created_at.timestamp_millis())
    .bind(c.version)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Stores a claim's new state if nobody changed it since `expected_version`.
pub(crate) async fn update_claim(
    uow: &mut UnitOfWork,
    c: &ManufacturerClaim,
    expected_version: i64,
) -> Result<bool> {
    let row = Versioned {
        table: "claim",
        key: "claim_id",
        id: c.id,
        status: to_text(&c.status),
        version: c.version,
    };
    update_versioned(uow, &row, &serde_json::to_string(c)?, expected_version).await
}

/// A claim by id or number.
pub(crate) async fn claim(conn: &mut AnyConnection, id: &str) -> Result<Option<ManufacturerClaim>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from claim where claim_id = $1 or number = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Claims, newest first, of one state and brand when given.
pub(crate) async fn claims(
    conn: &mut AnyConnection,
    status: Option<ClaimStatus>,
    brand: Option<&str>,
) -> Result<Vec<ManufacturerClaim>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from claim where ($1 = '' or status = $1) and ($2 = '' or brand_key = $2)
         order by created_at desc, claim_id desc limit 500",
    )
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .bind(brand.map(brand_key).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Claims not yet settled (draft, submitted, approved).
pub(crate) async fn unsettled_claims(conn: &mut AnyConnection) -> Result<Vec<ManufacturerClaim>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from claim where status in ('draft', 'submitted', 'approved') order by brand_key, created_at",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// A brand's claim requirements (none required when it has none on file).
pub(crate) async fn claim_requirements(
    conn: &mut AnyConnection,
    brand: &str,
) -> Result<Option<ClaimRequirements>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from claim_requirements where brand_key = $1")
            .bind(brand_key(brand))
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Every brand's claim requirements, by brand.
pub(crate) async fn all_claim_requirements(
    conn: &mut AnyConnection,
) -> Result<Vec<ClaimRequirements>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select body from claim_requirements order by brand_key")
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Replaces a brand's claim requirements.
pub(crate) async fn save_claim_requirements(
    uow: &mut UnitOfWork,
    r: &ClaimRequirements,
) -> Result<()> {
    sqlx::query(
        "insert into claim_requirements (brand_key, body) values ($1, $2)
         on conflict (brand_key) do update set body = excluded.body",
    )
    .bind(brand_key(&r.brand))
    .bind(serde_json::to_string(r)?)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Keeps a registered warranty (the latest card of a machine wins).
pub(crate) async fn record_warranty(
    uow: &mut UnitOfWork,
    w: &aftercare_contracts::intake::WarrantyRegistered,
    warranty_end: NaiveDate,
) -> Result<()> {
    sqlx::query(
        "insert into warranty (machine_key, card_number, customer_id, company, district, address, machine, warranty_end)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (machine_key) do update set card_number = excluded.card_number, customer_id = excluded.customer_id,
            company = excluded.company, district = excluded.district, address = excluded.address,
            machine = excluded.machine, warranty_end = excluded.warranty_end",
    )
    .bind(crate::domain::machine_key(&w.machine.brand, &w.machine.serial))
    .bind(&w.card_number)
    .bind(w.customer_id.to_string())
    .bind(&w.company)
    .bind(&w.district)
    .bind(&w.address)
    .bind(serde_json::to_string(&w.machine)?)
    .bind(warranty_end.to_string())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A warranty as billing keeps it.
#[derive(FromRow)]
pub(crate) struct WarrantyRow {
    pub(crate) machine_key: String,
    pub(crate) card_number: String,
    pub(crate) customer_id: String,
    pub(crate) company: String,
    pub(crate) district: String,
    pub(crate) address: String,
    pub(crate) machine: String,
    pub(crate) warranty_end: String,
}

/// Warranties ending between two days, inclusive.
pub(crate) async fn warranties_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<WarrantyRow>> {
    let rows: Vec<WarrantyRow> = sqlx::query_as(
        "select machine_key, card_number, customer_id, company, district, address, machine, warranty_end
         from warranty where warranty_end >= $1 and warranty_end <= $2 order by warranty_end limit 1000",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Contracts ending between two days, inclusive.
pub(crate) async fn contracts_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<aftercare_contracts::billing::Contract>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from contract where ends_on >= $1 and ends_on <= $2 order by ends_on limit 1000",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Lists a renewal; false when its source was listed before.
pub(crate) async fn insert_renewal(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::billing::Renewal,
) -> Result<bool> {
    let done = sqlx::query(
        "insert into renewal (renewal_id, kind, source, status, ends_on, next_follow_up, body, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (kind, source) do nothing",
    )
    .bind(r.id.to_string())
    .bind(to_text(&r.kind))
    .bind(&r.source)
    .bind(to_text(&r.status))
    .bind(r.ends_on.to_string())
    .bind(r.next_follow_up.map(|d| d.to_string()))
    .bind(serde_json::to_string(r)?)
    .bind(r.version)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Stores a renewal's new state if nobody changed it since `expected_version`.
pub(crate) async fn update_renewal(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::billing::Renewal,
    expected_version: i64,
) -> Result<bool> {
    let body = serde_json::to_string(r)?;
    let done = Guard::new("renewal", "renewal_id", r.id, expected_version)
        .to_version(r.version)
        .update(
            uow.conn(),
            "status = $1, next_follow_up = $2, body = $3",
            |q| {
                q.bind(to_text(&r.status))
                    .bind(r.next_follow_up.map(|d| d.to_string()))
                    .bind(body)
            },
        )
        .await?;
    Ok(done.is_updated())
}

/// A renewal by id.
pub(crate) async fn renewal(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::billing::Renewal>> {
    let row: Option<(String,)> = sqlx::query_as("select body from renewal where renewal_id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Renewals, soonest ending first, of one state when given.
pub(crate) async fn renewals(
    conn: &mut AnyConnection,
    status: Option<aftercare_contracts::billing::RenewalStatus>,
) -> Result<Vec<aftercare_contracts::billing::Renewal>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from renewal where ($1 = '' or status = $1) order by ends_on, renewal_id limit 500",
    )
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Open renewals with a follow-up due by `today`, or that ended before it.
pub(crate) async fn renewals_to_move(
    conn: &mut AnyConnection,
    today: NaiveDate,
) -> Result<Vec<aftercare_contracts::billing::Renewal>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from renewal where status = 'open' and (next_follow_up <= $1 or ends_on < $1)
         order by ends_on limit 500",
    )
    .bind(today.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Contracts recorded between two instants (ms), oldest first, with the renewal each
/// came from.
pub(crate) async fn contracts_created(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<(aftercare_contracts::billing::Contract, Option<String>)>> {
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "select body, renewal_of from contract where created_at >= $1 and created_at < $2 order by created_at, number",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(b, r)| Ok((from_json(&b)?, r)))
        .collect()
}

/// Notes the renewal a contract came from.
pub(crate) async fn mark_renewal_of(
    uow: &mut UnitOfWork,
    contract_id: Uuid,
    renewal_id: Uuid,
) -> Result<()> {
    sqlx::query("update contract set renewal_of = $1 where contract_id = $2")
        .bind(renewal_id.to_string())
        .bind(contract_id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// A receipt still owing money that may need an overdue reminder.
#[derive(FromRow)]
pub(crate) struct OverdueCandidate {
    pub(crate) invoice_id: String,
    pub(crate) number: String,
    pub(crate) customer_name: String,
    pub(crate) customer_id: Option<String>,
    pub(crate) issued_day: String,
    pub(crate) currency: String,
    pub(crate) owed: i64,
    pub(crate) iou: Option<String>,
    pub(crate) reminded_bucket: Option<String>,
    pub(crate) iou_reminded: i64,
}

/// Receipts a reminder is due for on `today`, in issue order after `after` (issue day,
/// number): owing money in an overdue bucket they were not reminded of yet, or with an
/// IOU whose promised day passed unreminded. Receipts reminded already are not read again,
/// so a long tail of old debts never hides a new one.
pub(crate) async fn overdue_candidates(
    conn: &mut AnyConnection,
    today: NaiveDate,
    after: (&str, &str),
    limit: i64,
) -> Result<Vec<OverdueCandidate>> {
    use aftercare_contracts::billing::AgeBucket;
    let day = |n: i64| (today - chrono::Duration::days(n)).to_string();
    let rows: Vec<OverdueCandidate> = sqlx::query_as(
        "select invoice_id, number, customer_name, customer_id, issued_day, currency,
            charged_minor - paid_minor - credited_minor as owed, iou, reminded_bucket,
            cast(iou_reminded as bigint) as iou_reminded
         from invoice
         where charged_minor - paid_minor - credited_minor > 0
           and ((issued_day <= $1 and coalesce(reminded_bucket, '') not in ($4, $5, $6))
             or (issued_day <= $2 and coalesce(reminded_bucket, '') not in ($5, $6))
             or (issued_day <= $3 and coalesce(reminded_bucket, '') <> $6)
             or (iou_reminded = 0 and iou_promised_on < $7))
           and (issued_day > $8 or (issued_day = $8 and number > $9))
         order by issued_day, number limit $10",
    )
    .bind(day(31))
    .bind(day(61))
    .bind(day(91))
    .bind(to_text(&AgeBucket::Days31To60))
    .bind(to_text(&AgeBucket::Days61To90))
    .bind(to_text(&AgeBucket::Over90))
    .bind(today.to_string())
    .bind(after.0)
    .bind(after.1)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Records that a reminder went out for a bucket (and for the IOU's day), only if no
/// other sweep recorded it first; false otherwise.
pub(crate) async fn mark_reminded(
    uow: &mut UnitOfWork,
    invoice_id: &str,
    was: (Option<&str>, i64),
    now: (Option<&str>, i64),
) -> Result<bool> {
    let done = sqlx::query(
        "update invoice set reminded_bucket = $1, iou_reminded = $2
         where invoice_id = $3 and coalesce(reminded_bucket, '') = $4 and iou_reminded = $5",
    )
    .bind(now.0)
    .bind(now.1)
    .bind(invoice_id)
    .bind(was.0.unwrap_or_default())
    .bind(was.1)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends a contract early, only if it was not ended before; false otherwise.
pub(crate) async fn terminate_contract(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::billing::Contract,
    termination: &serde_json::Value,
) -> Result<bool> {
    let done = sqlx::query(
        "update contract set ends_on = $1, body = $2, terminated = $3
         where contract_id = $4 and terminated is null",
    )
    .bind(c.ends_on.to_string())
    .bind(serde_json::to_string(c)?)
    .bind(termination.to_string())
    .bind(c.id.to_string())
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a contract was already ended early.
pub(crate) async fn contract_terminated(
    conn: &mut AnyConnection,
    contract_id: Uuid,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from contract where contract_id = $1 and terminated is not null",
    )
    .bind(contract_id.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// The last day of a machine's warranty as registered with its warranty card.
pub(crate) async fn warranty_end(
    conn: &mut AnyConnection,
    machine_key: &str,
) -> Result<Option<NaiveDate>> {
    let row: Option<(String,)> =
        sqlx::query_as("select warranty_end from warranty where machine_key = $1")
            .bind(machine_key)
            .fetch_optional(conn)
            .await?;
    row.map(|(d,)| parse_day(&d)).transpose()
}

/// Keeps one list price change in the price book (a redelivered change is kept once).
pub(crate) async fn record_price_change(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::inventory::PartPriceChanged,
) -> Result<()> {
    sqlx::query(
        "insert into part_price_change (sku, at, name, old_amount_minor, amount_minor, currency)
         values ($1, $2, $3, $4, $5, $6) on conflict (sku, at) do nothing",
    )
    .bind(&c.sku)
    .bind(c.at.timestamp_millis())
    .bind(&c.name)
    .bind(c.old_price.amount_minor)
    .bind(c.list_price.amount_minor)
    .bind(&c.list_price.currency)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A part's list price changes, oldest first, with its name at the latest.
pub(crate) async fn part_prices(
    conn: &mut AnyConnection,
    sku: &str,
) -> Result<Option<aftercare_contracts::billing::PartPrices>> {
    let rows: Vec<(i64, String, i64, i64, String)> = sqlx::query_as(
        "select at, name, old_amount_minor, amount_minor, currency from part_price_change
         where sku = $1 order by at",
    )
    .bind(sku)
    .fetch_all(conn)
    .await?;
    let Some((_, name, ..)) = rows.last() else {
        return Ok(None);
    };
    Ok(Some(aftercare_contracts::billing::PartPrices {
        sku: sku.to_owned(),
        name: name.clone(),
        changes: rows
            .iter()
            .map(
                |(at, _, old, new, currency)| aftercare_contracts::billing::PartPriceChange {
                    old_price: Money {
                        amount_minor: *old,
                        currency: currency.clone(),
                    },
                    list_price: Money {
                        amount_minor: *new,
                        currency: currency.clone(),
                    },
                    at: from_ms(*at),
                },
            )
            .collect(),
    }))
}
