//! The weekly chase list of receivables: one row per receipt and week billing chased it in,
//! with the call task that chases it; listed with that task's assignee and state.
use aftercare_contracts::Money;
use aftercare_contracts::survey::{ListReceivableChases, ReceivableChase};
use aftercare_platform::db::{from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

/// A chase to record.
pub(crate) struct NewChase<'a> {
    /// The week's Monday.
    pub(crate) week: NaiveDate,
    /// The chase itself.
    pub(crate) chase: &'a ReceivableChase,
}

/// Records a receipt's chase in its week, once (a second reminder of the same receipt in
/// the same week, such as its IOU's passed day, keeps the first); false when it was there.
pub(crate) async fn record(uow: &mut UnitOfWork, n: NewChase<'_>) -> Result<bool> {
    let c = n.chase;
    let done = sqlx::query(
        "insert into receivable_chase (week, invoice_id, number, customer_name, customer_id,
            district, chased_on, age_days, bucket, owed_minor, currency, iou_promised_on, task_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (week, invoice_id) do nothing",
    )
    .bind(n.week.to_string())
    .bind(c.invoice_id.to_string())
    .bind(&c.number)
    .bind(&c.customer_name)
    .bind(c.customer_id.map(|i| i.to_string()))
    .bind(&c.district)
    .bind(c.chased_on.to_string())
    .bind(c.age_days)
    .bind(to_text(&c.bucket))
    .bind(c.outstanding.amount_minor)
    .bind(&c.outstanding.currency)
    .bind(c.iou_promised_on.map(|d| d.to_string()))
    .bind(c.call_task_id.map(|i| i.to_string()))
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(FromRow)]
struct ChaseRow {
    invoice_id: String,
    number: String,
    customer_name: String,
    customer_id: Option<String>,
    district: String,
    chased_on: String,
    age_days: i64,
    bucket: String,
    owed_minor: i64,
    currency: String,
    iou_promised_on: Option<String>,
    task_id: Option<String>,
    assignee: Option<String>,
    state: Option<String>,
}

fn day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| aftercare_platform::Error::corrupt("day", text, e))
}

impl ChaseRow {
    fn into_chase(self) -> Result<ReceivableChase> {
        Ok(ReceivableChase {
            invoice_id: parse_id(&self.invoice_id)?,
            number: self.number,
            customer_name: self.customer_name,
            customer_id: self.customer_id.as_deref().map(parse_id).transpose()?,
            district: self.district,
            chased_on: day(&self.chased_on)?,
            age_days: self.age_days,
            bucket: from_text(&self.bucket)?,
            outstanding: Money {
                amount_minor: self.owed_minor,
                currency: self.currency,
            },
            iou_promised_on: self.iou_promised_on.as_deref().map(day).transpose()?,
            call_task_id: self.task_id.as_deref().map(parse_id).transpose()?,
            agent: self.assignee,
            call_state: self.state.as_deref().map(from_text).transpose()?,
        })
    }
}

/// The chases of the week starting on `week` (its Monday), by district, then the call's
/// assignee, then receipt number; only the agent's (the call's assignee) or the district's
/// (any case) when asked.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    week: NaiveDate,
    f: &ListReceivableChases,
) -> Result<Vec<ReceivableChase>> {
    let mut sql = String::from(
        "select c.invoice_id, c.number, c.customer_name, c.customer_id, c.district, c.chased_on,
            c.age_days, c.bucket, c.owed_minor, c.currency, c.iou_promised_on, c.task_id,
            t.assignee, t.state
         from receivable_chase c left join call_task t on t.task_id = c.task_id
         where c.week = $1",
    );
    let mut binds = vec![week.to_string()];
    if let Some(a) = f.agent.as_deref() {
        binds.push(a.trim().to_owned());
        sql.push_str(&format!(" and t.assignee = ${}", binds.len()));
    }
    if let Some(d) = f.district.as_deref() {
        binds.push(d.trim().to_lowercase());
        sql.push_str(&format!(" and lower(c.district) = ${}", binds.len()));
    }
    sql.push_str(" order by c.district, t.assignee, c.number");
    let mut q = sqlx::query_as::<_, ChaseRow>(sqlx::AssertSqlSafe(sql));
    for b in binds {
        q = q.bind(b);
    }
    q.fetch_all(conn)
        .await?
        .into_iter()
        .map(ChaseRow::into_chase)
        .collect()
}

/// The open call task of a receipt, if any.
pub(crate) async fn open_task_of(uow: &mut UnitOfWork, invoice_id: Uuid) -> Result<Option<Uuid>> {
    let row: Option<(String,)> =
        sqlx::query_as("select task_id from call_task where open_key = $1")
            .bind(format!("receivable:{invoice_id}"))
            .fetch_optional(uow.conn())
            .await?;
    Ok(row.and_then(|r| Uuid::parse_str(&r.0).ok()))
}
