//! Receipts (invoices): stored once per visit with their filing for reports, read by id
//! or number, searched by work order, state, customer and day, settled by payments and
//! credit notes, an IOU recorded; the open receivables, the revenue facts and the
//! overdue-reminder bookkeeping read from them.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{Coverage, Invoice, InvoiceLine, Iou};
use aftercare_contracts::dispatch::WorkType;
use aftercare_platform::db::{from_json, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::pricing::{coverage_cost, discount_total};
use crate::domain::receivables::{first_day_of, week_of};
use crate::domain::revenue::ReceiptFigures;

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
    /// The machine's key (brand and serial), when the visit names one.
    pub(crate) machine_key: Option<&'a str>,
    /// Service-local day of issue.
    pub(crate) issued_day: NaiveDate,
}

/// Stores a receipt and links it to its visit.
pub(crate) async fn insert_invoice(
    uow: &mut UnitOfWork,
    inv: &Invoice,
    filing: &InvoiceFiling<'_>,
) -> Result<()> {
    let cost = |c: Coverage| coverage_cost(&inv.lines, c);
    let discount = discount_total(&inv.lines);
    sqlx::query(
        "insert into invoice (invoice_id, number, work_order_id, ticket_id, customer_name, lines, currency, total_minor, charged_minor, issued_at,
            customer_id, technician_id, technician_name, district, work_type, issued_day, tax_rate_bp, tax_minor, schedule_version,
            warranty_minor, contract_minor, manufacturer_minor, discount_minor, machine_key)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)",
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
    .bind(filing.machine_key)
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

/// How many training visits of a machine were receipted (the first is free), or of the
/// customer's visits that named no machine when the visit names none.
pub(crate) async fn trainings_before(
    conn: &mut AnyConnection,
    machine_key: Option<&str>,
    customer_id: Option<Uuid>,
) -> Result<u32> {
    let count: i64 = match (machine_key, customer_id) {
        (Some(key), _) => {
            sqlx::query_scalar(
                "select count(*) from invoice where machine_key = $1 and work_type = $2",
            )
            .bind(key)
            .bind(to_text(&WorkType::Training))
            .fetch_one(conn)
            .await?
        }
        (None, Some(customer)) => {
            sqlx::query_scalar(
                "select count(*) from invoice where customer_id = $1 and machine_key is null and work_type = $2",
            )
            .bind(customer.to_string())
            .bind(to_text(&WorkType::Training))
            .fetch_one(conn)
            .await?
        }
        (None, None) => 0,
    };
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// The number of a work order's receipt, when it was issued (a return visit's receipt
/// names the first visit's).
pub(crate) async fn number_of_work_order(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Option<String>> {
    Ok(
        sqlx::query_scalar("select number from invoice where work_order_id = $1")
            .bind(work_order_id.to_string())
            .fetch_optional(conn)
            .await?,
    )
}

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

/// Receipts newest number first, filtered as `req` asks, one more than `limit` so the
/// caller knows whether another page follows.
pub(crate) async fn search(
    conn: &mut AnyConnection,
    req: &aftercare_contracts::billing::ListInvoices,
    limit: i64,
) -> Result<Vec<Invoice>> {
    use aftercare_contracts::billing::InvoiceState;
    let mut clauses: Vec<String> = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    // Each `?` of a clause takes the next placeholder, bound to `value`.
    let mut add = |clause: &str, value: String| {
        let mut out = String::new();
        for (i, part) in clause.split('?').enumerate() {
            if i > 0 {
                binds.push(value.clone());
                out.push_str(&format!("${}", binds.len()));
            }
            out.push_str(part);
        }
        clauses.push(out);
    };
    if let Some(w) = &req.work_order_id {
        add("work_order_id = ?", w.trim().to_owned());
    }
    if let Some(c) = req.customer_id {
        add("customer_id = ?", c.to_string());
    }
    if let Some(q) = req.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        let escaped = q
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        add(
            "(lower(number) like ? escape '\\' or lower(customer_name) like ? escape '\\')",
            format!("%{escaped}%"),
        );
    }
    if let Some(from) = req.from {
        add("issued_day >= ?", from.to_string());
    }
    if let Some(to) = req.to {
        add("issued_day <= ?", to.to_string());
    }
    if let Some(cursor) = &req.cursor {
        add("number < ?", cursor.clone());
    }
    match req.state {
        Some(InvoiceState::Open) => {
            add(
                "charged_minor - paid_minor - credited_minor > 0",
                String::new(),
            );
        }
        Some(InvoiceState::Settled) => {
            add(
                "charged_minor - paid_minor - credited_minor <= 0",
                String::new(),
            );
        }
        None => {}
    }
    let filter = if clauses.is_empty() {
        String::new()
    } else {
        format!(" where {}", clauses.join(" and "))
    };
    let sql = format!(
        "{SELECT}{filter} order by number desc limit ${}",
        binds.len() + 1
    );
    let mut query = sqlx::query_as::<_, InvoiceRow>(sqlx::AssertSqlSafe(sql));
    for b in binds {
        query = query.bind(b);
    }
    let rows: Vec<InvoiceRow> = query.bind(limit + 1).fetch_all(conn).await?;
    rows.into_iter().map(InvoiceRow::into_invoice).collect()
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

/// What the revenue report reads of each receipt issued in a period.
#[derive(FromRow)]
struct RevenueRow {
    issued_day: String,
    work_type: String,
    district: String,
    technician_name: String,
    currency: String,
    total_minor: i64,
    charged_minor: i64,
    credited_minor: i64,
    warranty_minor: i64,
    contract_minor: i64,
    manufacturer_minor: i64,
    discount_minor: i64,
}

/// The receipts issued between two service-local days, inclusive.
pub(crate) async fn revenue_facts(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<ReceiptFigures>> {
    let rows: Vec<RevenueRow> = sqlx::query_as(
        "select issued_day, work_type, district, technician_name, currency, total_minor, charged_minor,
            credited_minor, warranty_minor, contract_minor, manufacturer_minor, discount_minor
         from invoice where issued_day >= $1 and issued_day <= $2",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ReceiptFigures {
            issued_day: r.issued_day,
            work_type: r.work_type,
            district: r.district,
            technician_name: r.technician_name,
            currency: r.currency,
            total_minor: r.total_minor,
            charged_minor: r.charged_minor,
            credited_minor: r.credited_minor,
            warranty_minor: r.warranty_minor,
            contract_minor: r.contract_minor,
            manufacturer_minor: r.manufacturer_minor,
            discount_minor: r.discount_minor,
        })
        .collect())
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
    pub(crate) chased_on: Option<String>,
    pub(crate) iou_reminded: i64,
}

/// Receipts a reminder is due for on `today`, in issue order after `after` (issue day,
/// number): owing money past 0-30 days and never chased or last chased before this week
/// (Monday to Sunday), or with an IOU whose promised day passed unreminded. Receipts chased
/// this week are not read, so a long tail of old debts never hides a new one.
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
            charged_minor - paid_minor - credited_minor as owed, iou, chased_on,
            cast(iou_reminded as bigint) as iou_reminded
         from invoice
         where charged_minor - paid_minor - credited_minor > 0
           and ((issued_day <= $1 and (chased_on is null or chased_on < $2))
             or (iou_reminded = 0 and iou_promised_on < $3))
           and (issued_day > $4 or (issued_day = $4 and number > $5))
         order by issued_day, number limit $6",
    )
    .bind(day(first_day_of(AgeBucket::Days31To60)))
    .bind(week_of(today).to_string())
    .bind(today.to_string())
    .bind(after.0)
    .bind(after.1)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Records that a reminder went out (the day of the chase, and whether the IOU's day was
/// reminded of), only if no other sweep recorded one first; false otherwise.
pub(crate) async fn mark_reminded(
    uow: &mut UnitOfWork,
    invoice_id: &str,
    was: (Option<&str>, i64),
    now: (Option<&str>, i64),
) -> Result<bool> {
    let done = sqlx::query(
        "update invoice set chased_on = $1, iou_reminded = $2
         where invoice_id = $3 and coalesce(chased_on, '') = $4 and iou_reminded = $5",
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
