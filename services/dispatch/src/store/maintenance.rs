//! Maintenance plans and the visits generated from them.
use aftercare_contracts::dispatch::MaintenancePlan;
use aftercare_contracts::intake::MachineInfo;
use aftercare_platform::db::{from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

/// Stores a plan; false when one with the same source already exists (a redelivered
/// warranty card).
pub(crate) async fn insert(
    uow: &mut UnitOfWork,
    p: &MaintenancePlan,
    source_key: &str,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into maintenance_plan (plan_id, source_key, kind, customer_id, company, district, address, machine,
            every_months, next_due, until_day, active, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (source_key) do nothing",
    )
    .bind(p.id.to_string())
    .bind(source_key)
    .bind(to_text(&p.kind))
    .bind(p.customer_id.to_string())
    .bind(&p.company)
    .bind(&p.district)
    .bind(&p.address)
    .bind(serde_json::to_string(&p.machine)?)
    .bind(i64::from(p.every_months))
    .bind(p.next_due.to_string())
    .bind(p.until.map(|u| u.to_string()))
    .bind(i32::from(p.active))
    .bind(now)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

#[derive(FromRow)]
struct Row {
    plan_id: String,
    kind: String,
    customer_id: String,
    company: String,
    district: String,
    address: String,
    machine: String,
    every_months: i64,
    next_due: String,
    until_day: Option<String>,
    active: i64,
    /// One generated visit per row (none: the plan has none yet).
    due_on: Option<String>,
}

fn day(text: &str) -> Result<NaiveDate> {
    aftercare_platform::db::parse_stored("day", text)
}

/// Plans chosen by `chooser` (a `select plan_id …` with its own order and limit) with
/// their generated visits, read in one statement so a plan and its visits come from the
/// same moment (a sweep moving the plan on is seen whole or not at all).
fn select_with_visits(chooser: &str, order: &str) -> String {
    format!(
        "select p.plan_id, p.kind, p.customer_id, p.company, p.district, p.address, p.machine,
            p.every_months, p.next_due, p.until_day, p.active, v.due_on
         from maintenance_plan p left join maintenance_visit v on v.plan_id = p.plan_id
         where p.plan_id in ({chooser})
         order by {order}, v.due_on"
    )
}

fn into_plans(rows: Vec<Row>) -> Result<Vec<MaintenancePlan>> {
    let mut out: Vec<MaintenancePlan> = Vec::new();
    for r in rows {
        let visit = r.due_on.as_deref().map(day).transpose()?;
        if let Some(last) = out.last_mut().filter(|p| p.id.to_string() == r.plan_id) {
            last.generated.extend(visit);
            continue;
        }
        out.push(MaintenancePlan {
            id: parse_id(&r.plan_id)?,
            kind: from_text(&r.kind)?,
            customer_id: parse_id(&r.customer_id)?,
            company: r.company,
            district: r.district,
            address: r.address,
            machine: from_json::<MachineInfo>(&r.machine)?,
            every_months: r.every_months.clamp(0, 1000) as u32,
            next_due: day(&r.next_due)?,
            until: r.until_day.as_deref().map(day).transpose()?,
            active: r.active != 0,
            generated: visit.into_iter().collect(),
        });
    }
    Ok(out)
}

/// A page of plans by id.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    customer_id: Option<Uuid>,
    after: &str,
    limit: i64,
) -> Result<Vec<MaintenancePlan>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(select_with_visits(
        "select plan_id from maintenance_plan where ($1 = '' or customer_id = $1) and plan_id > $2
         order by plan_id limit $3",
        "p.plan_id",
    )))
    .bind(customer_id.map(|c| c.to_string()).unwrap_or_default())
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    into_plans(rows)
}

/// Active plans with a visit due on or before `horizon`.
pub(crate) async fn due(
    conn: &mut AnyConnection,
    horizon: NaiveDate,
    limit: i64,
) -> Result<Vec<MaintenancePlan>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(select_with_visits(
        "select plan_id from maintenance_plan where active = 1 and next_due <= $1
         order by next_due, plan_id limit $2",
        "p.next_due, p.plan_id",
    )))
    .bind(horizon.to_string())
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    into_plans(rows)
}

/// Records the visit of `due_on` and moves the plan on, if the plan is still at `due_on`
/// (another sweep did not do it first); false otherwise.
pub(crate) async fn generate(
    uow: &mut UnitOfWork,
    plan: Uuid,
    due_on: NaiveDate,
    next: Option<NaiveDate>,
    now: i64,
) -> Result<bool> {
    let moved = sqlx::query(
        "update maintenance_plan set next_due = $1, active = $2 where plan_id = $3 and next_due = $4 and active = 1",
    )
    .bind(next.unwrap_or(due_on).to_string())
    .bind(i32::from(next.is_some()))
    .bind(plan.to_string())
    .bind(due_on.to_string())
    .execute(uow.conn())
    .await?
    .rows_affected();
    if moved != 1 {
        return Ok(false);
    }
    let n = sqlx::query(
        "insert into maintenance_visit (plan_id, due_on, created_at) values ($1, $2, $3) on conflict do nothing",
    )
    .bind(plan.to_string())
    .bind(due_on.to_string())
    .bind(now)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Ends the plans of a contract that ends early on `ends_on`: no visit after it, and a
/// plan whose next visit falls after it stops.
pub(crate) async fn end_contract_plans(
    uow: &mut UnitOfWork,
    contract_number: &str,
    ends_on: NaiveDate,
) -> Result<u64> {
    let n = sqlx::query(
        "update maintenance_plan set until_day = $1,
            active = case when next_due > $1 then 0 else active end
         where source_key like $2",
    )
    .bind(ends_on.to_string())
    .bind(format!("contract:{contract_number}:%"))
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n)
}

/// Moves the plans of a customer record merged into another to the record that stays;
/// returns how many moved (none when redelivered).
pub(crate) async fn rekey_customer(uow: &mut UnitOfWork, from: Uuid, to: Uuid) -> Result<u64> {
    Ok(
        sqlx::query("update maintenance_plan set customer_id = $1 where customer_id = $2")
            .bind(to.to_string())
            .bind(from.to_string())
            .execute(uow.conn())
            .await?
            .rows_affected(),
    )
}
