//! Dispatch's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::dispatch::{PartUsed, Technician, WorkOrder, WorkOrderStatus};
use aftercare_contracts::intake::{MachineInfo, Priority};
use aftercare_contracts::rpc::ListOrder;
use aftercare_platform::db::{from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::Candidate;

/// Stores a technician.
pub(crate) async fn insert_technician(
    uow: &mut UnitOfWork,
    t: &Technician,
    now: i64,
) -> Result<()> {
    sqlx::query("insert into technician (technician_id, name, district, skills, daily_capacity, team, created_at) values ($1, $2, $3, $4, $5, $6, $7)")
        .bind(t.id.to_string())
        .bind(&t.name)
        .bind(&t.district)
        .bind(serde_json::to_string(&t.skills)?)
        .bind(t.daily_capacity as i64)
        .bind(&t.team)
        .bind(now)
        .execute(uow.conn())
        .await?;
    Ok(())
}

#[derive(FromRow)]
struct CandidateRow {
    technician_id: String,
    name: String,
    district: String,
    skills: String,
    daily_capacity: i64,
    open_orders: i64,
}

/// Active technicians with their open work orders.
pub(crate) async fn candidates(conn: &mut AnyConnection) -> Result<Vec<Candidate>> {
    let rows: Vec<CandidateRow> = sqlx::query_as(
        "select t.technician_id, t.name, t.district, t.skills, t.daily_capacity,
                (select count(*) from work_order w where w.technician_id = t.technician_id and w.status = 'assigned') as open_orders
         from technician t where t.active = 1 order by t.technician_id",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Candidate {
                id: parse_id(&r.technician_id)?,
                name: r.name,
                district: r.district,
                skills: from_json::<Vec<String>>(&r.skills)?
                    .into_iter()
                    .map(|s| s.to_lowercase())
                    .collect(),
                daily_capacity: r.daily_capacity.max(0) as u32,
                open_orders: r.open_orders.max(0) as u32,
            })
        })
        .collect()
}

/// A new work order as stored.
pub(crate) struct NewWorkOrder<'a> {
    pub(crate) id: Uuid,
    pub(crate) number: &'a str,
    pub(crate) ticket_id: Uuid,
    pub(crate) ticket_number: &'a str,
    pub(crate) status: WorkOrderStatus,
    pub(crate) priority: Priority,
    pub(crate) customer_name: &'a str,
    pub(crate) district: &'a str,
    pub(crate) machine: Option<&'a MachineInfo>,
    pub(crate) technician_id: Option<Uuid>,
    pub(crate) reasons: &'a [String],
}

/// Stores a work order and its first history entry.
pub(crate) async fn insert_work_order(
    uow: &mut UnitOfWork,
    w: &NewWorkOrder<'_>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into work_order (work_order_id, number, ticket_id, ticket_number, status, priority, customer_name, district,
            machine, technician_id, assignment_reasons, parts, created_at, version, trace_context)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '[]', $12, 1, $13)",
    )
    .bind(w.id.to_string())
    .bind(w.number)
    .bind(w.ticket_id.to_string())
    .bind(w.ticket_number)
    .bind(to_text(&w.status))
    .bind(to_text(&w.priority))
    .bind(w.customer_name)
    .bind(w.district)
    .bind(w.machine.map(serde_json::to_string).transpose()?)
    .bind(w.technician_id.map(|t| t.to_string()))
    .bind(serde_json::to_string(w.reasons)?)
    .bind(now)
    .bind(aftercare_platform::telemetry::current_context_json())
    .execute(uow.conn())
    .await?;
    history(
        uow.conn(),
        w.id,
        None,
        w.status,
        "dispatch",
        &w.reasons.join("; "),
        now,
    )
    .await
}

async fn history(
    conn: &mut AnyConnection,
    id: Uuid,
    from: Option<WorkOrderStatus>,
    to: WorkOrderStatus,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<()> {
    sqlx::query("insert into work_order_history (work_order_id, at, from_status, to_status, actor, reason) values ($1, $2, $3, $4, $5, $6)")
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

#[derive(FromRow)]
struct WorkOrderRow {
    work_order_id: String,
    number: String,
    ticket_id: String,
    ticket_number: String,
    status: String,
    priority: String,
    customer_name: String,
    district: String,
    machine: Option<String>,
    technician_id: Option<String>,
    assignment_reasons: String,
    diagnosis: Option<String>,
    parts: String,
    created_at: i64,
    completed_at: Option<i64>,
    version: i64,
    trace_context: String,
}

/// A work order together with what completion needs that the API does not show.
pub(crate) struct StoredWorkOrder {
    pub(crate) order: WorkOrder,
    pub(crate) machine: Option<MachineInfo>,
    /// Trace context of the ticket that caused it; later events continue that trace.
    pub(crate) trace_context: String,
}

impl WorkOrderRow {
    fn into_stored(self) -> Result<StoredWorkOrder> {
        let machine = self.machine.as_deref().map(from_json).transpose()?;
        Ok(StoredWorkOrder {
            machine,
            trace_context: self.trace_context,
            order: WorkOrder {
                id: parse_id(&self.work_order_id)?,
                number: self.number,
                ticket_id: parse_id(&self.ticket_id)?,
                ticket_number: self.ticket_number,
                status: from_text(&self.status)?,
                priority: from_text(&self.priority)?,
                customer_name: self.customer_name,
                district: self.district,
                technician_id: self.technician_id.as_deref().map(parse_id).transpose()?,
                assignment_reasons: from_json(&self.assignment_reasons)?,
                diagnosis: self.diagnosis,
                parts: from_json::<Vec<PartUsed>>(&self.parts)?,
                created_at: from_ms(self.created_at),
                completed_at: self.completed_at.map(from_ms),
                version: self.version,
            },
        })
    }
}

const SELECT: &str = "select work_order_id, number, ticket_id, ticket_number, status, priority, customer_name, district, machine,
    technician_id, assignment_reasons, diagnosis, parts, created_at, completed_at, version, trace_context from work_order";

/// A work order by id or number.
pub(crate) async fn get(
    conn: &mut AnyConnection,
    id_or_number: &str,
) -> Result<Option<StoredWorkOrder>> {
    let row: Option<WorkOrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where work_order_id = $1 or number = $1"
    )))
    .bind(id_or_number)
    .fetch_optional(conn)
    .await?;
    row.map(WorkOrderRow::into_stored).transpose()
}

/// A page of work orders, newest id last, optionally of one ticket; ids after `after`.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    ticket_id: Option<Uuid>,
    technician_id: Option<Uuid>,
    order: ListOrder,
    after: &str,
    limit: i64,
) -> Result<Vec<WorkOrder>> {
    let (direction, beyond) = order.sql();
    let rows: Vec<WorkOrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where ($1 = '' or ticket_id = $1) and ($4 = '' or technician_id = $4)
           and ($2 = '' or work_order_id {beyond} $2) order by work_order_id {direction} limit $3"
    )))
    .bind(ticket_id.map(|t| t.to_string()).unwrap_or_default())
    .bind(after)
    .bind(limit)
    .bind(technician_id.map(|t| t.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| r.into_stored().map(|s| s.order))
        .collect()
}

/// A technician's name and team, as completion events print them.
pub(crate) async fn name_and_team(
    conn: &mut AnyConnection,
    technician_id: Uuid,
) -> Result<(String, String)> {
    let row: Option<(String, String)> =
        sqlx::query_as("select name, team from technician where technician_id = $1")
            .bind(technician_id.to_string())
            .fetch_optional(conn)
            .await?;
    Ok(row.unwrap_or_default())
}

/// What the technician reported.
pub(crate) struct Completion<'a> {
    pub(crate) diagnosis: &'a str,
    pub(crate) fault: Option<&'a str>,
    pub(crate) parts: &'a [PartUsed],
    pub(crate) started_at: i64,
    pub(crate) finished_at: i64,
    pub(crate) meter_reading: Option<u64>,
}

/// Marks a work order completed if it is still at `version`; false when it moved on.
pub(crate) async fn complete(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    c: &Completion<'_>,
    actor: &str,
    now: i64,
) -> Result<bool> {
    let changed = sqlx::query(
        "update work_order set status = 'completed', diagnosis = $1, parts = $2, started_at = $3, finished_at = $4,
            meter_reading = $5, completed_at = $6, fault = $9, version = version + 1
         where work_order_id = $7 and version = $8 and status = 'assigned'",
    )
    .bind(c.diagnosis)
    .bind(serde_json::to_string(c.parts)?)
    .bind(c.started_at)
    .bind(c.finished_at)
    .bind(c.meter_reading.map(|m| m as i64))
    .bind(now)
    .bind(id.to_string())
    .bind(version)
    .bind(c.fault)
    .execute(uow.conn())
    .await?
    .rows_affected();
    if changed == 1 {
        history(
            uow.conn(),
            id,
            Some(WorkOrderStatus::Assigned),
            WorkOrderStatus::Completed,
            actor,
            "visit report",
            now,
        )
        .await?;
    }
    Ok(changed == 1)
}
