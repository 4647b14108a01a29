//! Work orders: created with their first history row, read by id or number with their
//! moves, listed, and changed under their version (assignment, progress, appointment,
//! parts, the visit report); the orders a day's routes are planned from.
use aftercare_contracts::dispatch::{
    PartUsed, PartsStatus, TimeWindow, VisitReport, WorkOrder, WorkOrderMove, WorkOrderStatus,
    WorkType,
};
use aftercare_contracts::intake::{GeoPoint, MachineInfo, Priority};
use aftercare_contracts::rpc::ListOrder;
use aftercare_platform::db::{Guard, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use super::history::{history, history_row};

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
    pub(crate) address: &'a str,
    pub(crate) location: Option<GeoPoint>,
    pub(crate) machine: Option<&'a MachineInfo>,
    pub(crate) work_type: WorkType,
    pub(crate) required_skills: &'a [String],
    pub(crate) estimated_minutes: u32,
    pub(crate) sla_due: Option<i64>,
    pub(crate) revisit_of: Option<Uuid>,
    pub(crate) technician_id: Option<Uuid>,
    pub(crate) score: Option<u32>,
    /// Kept with its technician by day plans (a return visit).
    pub(crate) pinned: bool,
    pub(crate) reasons: &'a [String],
    pub(crate) actor: &'a str,
}

/// Stores a work order and its first history entry.
pub(crate) async fn insert_work_order(
    uow: &mut UnitOfWork,
    w: &NewWorkOrder<'_>,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into work_order (work_order_id, number, ticket_id, ticket_number, status, priority, customer_name, district,
            machine, technician_id, assignment_reasons, parts, created_at, version, trace_context, work_type,
            required_skills, estimated_minutes, address, lat, lon, sla_due, revisit_of, flagged, score, pinned)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '[]', $12, 1, $13, $14, $15, $16, $17, $18, $19, $20,
            $21, $22, $23, $24)",
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
    .bind(to_text(&w.work_type))
    .bind(serde_json::to_string(w.required_skills)?)
    .bind(i64::from(w.estimated_minutes))
    .bind(w.address)
    .bind(w.location.map(|p| p.lat))
    .bind(w.location.map(|p| p.lon))
    .bind(w.sla_due)
    .bind(w.revisit_of.map(|r| r.to_string()))
    .bind(i32::from(w.status == WorkOrderStatus::Unassigned))
    .bind(w.score.map(i64::from))
    .bind(i32::from(w.pinned))
    .execute(uow.conn())
    .await?;
    history_row(
        uow.conn(),
        w.id,
        (None, w.status),
        w.technician_id,
        w.actor,
        &w.reasons.join("; "),
        now,
    )
    .await
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
    work_type: String,
    required_skills: String,
    estimated_minutes: i64,
    address: String,
    lat: Option<f64>,
    lon: Option<f64>,
    appointment_start: Option<i64>,
    appointment_end: Option<i64>,
    sla_due: Option<i64>,
    planned_arrival: Option<i64>,
    revisit_of: Option<String>,
    flagged: i64,
    score: Option<i64>,
    pinned: i64,
    visit: Option<String>,
    parts_requested: String,
    parts_status: Option<String>,
}

/// A work order together with what completion needs that the API does not show.
pub(crate) struct StoredWorkOrder {
    pub(crate) order: WorkOrder,
    /// Trace context of the ticket that caused it; later events continue that trace.
    pub(crate) trace_context: String,
}

impl WorkOrderRow {
    fn into_stored(self) -> Result<StoredWorkOrder> {
        Ok(StoredWorkOrder {
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
                score: self.score.map(|s| s.clamp(0, i64::from(u32::MAX)) as u32),
                pinned: self.pinned != 0,
                flagged: self.flagged != 0,
                work_type: from_text(&self.work_type)?,
                required_skills: from_json(&self.required_skills)?,
                estimated_minutes: self.estimated_minutes.clamp(0, 100_000) as u32,
                machine: self.machine.as_deref().map(from_json).transpose()?,
                address: self.address,
                location: self
                    .lat
                    .zip(self.lon)
                    .map(|(lat, lon)| GeoPoint { lat, lon }),
                appointment: self
                    .appointment_start
                    .zip(self.appointment_end)
                    .map(|(s, e)| TimeWindow {
                        start: from_ms(s),
                        end: from_ms(e),
                    }),
                sla_due: self.sla_due.map(from_ms),
                planned_arrival: self.planned_arrival.map(from_ms),
                revisit_of: self.revisit_of.as_deref().map(parse_id).transpose()?,
                diagnosis: self.diagnosis,
                parts: from_json::<Vec<PartUsed>>(&self.parts)?,
                parts_requested: from_json::<Vec<PartUsed>>(&self.parts_requested)?,
                parts_status: self.parts_status.as_deref().map(from_text).transpose()?,
                visit: self
                    .visit
                    .as_deref()
                    .map(from_json::<VisitReport>)
                    .transpose()?,
                history: vec![],
                created_at: from_ms(self.created_at),
                completed_at: self.completed_at.map(from_ms),
                version: self.version,
            },
        })
    }
}

const SELECT: &str = "select work_order_id, number, ticket_id, ticket_number, status, priority, customer_name, district, machine,
    technician_id, assignment_reasons, diagnosis, parts, created_at, completed_at, version, trace_context, work_type,
    required_skills, estimated_minutes, address, lat, lon, appointment_start, appointment_end, sla_due,
    planned_arrival, revisit_of, flagged, score, pinned, visit, parts_requested, parts_status from work_order";

/// A work order by id or number, with its history.
pub(crate) async fn get(
    conn: &mut AnyConnection,
    id_or_number: &str,
) -> Result<Option<StoredWorkOrder>> {
    let row: Option<WorkOrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where work_order_id = $1 or number = $1"
    )))
    .bind(id_or_number)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(mut stored) = row.map(WorkOrderRow::into_stored).transpose()? else {
        return Ok(None);
    };
    let moves: Vec<(i64, Option<String>, String, String, String)> = sqlx::query_as(
        "select at, from_status, to_status, actor, reason from work_order_history
         where work_order_id = $1 order by at, to_status",
    )
    .bind(stored.order.id.to_string())
    .fetch_all(conn)
    .await?;
    stored.order.history = moves
        .into_iter()
        .map(|(at, from, to, actor, reason)| {
            Ok(WorkOrderMove {
                at: from_ms(at),
                from: from.as_deref().map(from_text).transpose()?,
                to: from_text(&to)?,
                actor,
                reason,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Some(stored))
}

/// Filters of a work order list.
pub(crate) struct ListFilter<'a> {
    pub(crate) ticket_id: Option<Uuid>,
    pub(crate) technician_id: Option<Uuid>,
    pub(crate) status: Option<WorkOrderStatus>,
    pub(crate) flagged: bool,
    pub(crate) order: ListOrder,
    pub(crate) after: &'a str,
    pub(crate) limit: i64,
}

/// A page of work orders by id.
pub(crate) async fn list(conn: &mut AnyConnection, f: &ListFilter<'_>) -> Result<Vec<WorkOrder>> {
    let (direction, beyond) = f.order.sql();
    let rows: Vec<WorkOrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where ($1 = '' or ticket_id = $1) and ($4 = '' or technician_id = $4)
           and ($5 = '' or status = $5) and ($6 = 0 or flagged = 1)
           and ($2 = '' or work_order_id {beyond} $2) order by work_order_id {direction} limit $3"
    )))
    .bind(f.ticket_id.map(|t| t.to_string()).unwrap_or_default())
    .bind(f.after)
    .bind(f.limit)
    .bind(f.technician_id.map(|t| t.to_string()).unwrap_or_default())
    .bind(f.status.map(|s| to_text(&s)).unwrap_or_default())
    .bind(i32::from(f.flagged))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| r.into_stored().map(|s| s.order))
        .collect()
}

/// An assignment (or a failed one) applied to a work order still at `version`.
pub(crate) struct AssignChange<'a> {
    /// Assigned, or unassigned (flagged) when nobody qualified.
    pub(crate) status: WorkOrderStatus,
    pub(crate) technician_id: Option<Uuid>,
    pub(crate) score: Option<u32>,
    /// Kept with the technician by day plans (chosen by hand).
    pub(crate) pinned: bool,
    pub(crate) reasons: &'a [String],
    pub(crate) actor: &'a str,
    pub(crate) reason: &'a str,
}

/// Assigns (or flags) a work order if it is still at `version`; false when it moved on.
pub(crate) async fn assign(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    c: &AssignChange<'_>,
    now: i64,
) -> Result<bool> {
    let to = c.status;
    let reasons = serde_json::to_string(c.reasons)?;
    let done = work_order_guard(w)
        .update(
            uow.conn(),
            "status = $1, technician_id = $2, score = $3, assignment_reasons = $4, flagged = $5,
            planned_arrival = null, pinned = $6",
            |q| {
                q.bind(to_text(&to))
                    .bind(c.technician_id.map(|t| t.to_string()))
                    .bind(c.score.map(i64::from))
                    .bind(reasons)
                    .bind(i32::from(to == WorkOrderStatus::Unassigned))
                    .bind(i32::from(c.pinned))
            },
        )
        .await?
        .is_updated();
    if done {
        history_row(
            uow.conn(),
            w.id,
            (Some(w.status), to),
            c.technician_id,
            c.actor,
            c.reason,
            now,
        )
        .await?;
    }
    Ok(done)
}

/// The guard of an update to `w` as it was read.
fn work_order_guard(w: &WorkOrder) -> Guard {
    Guard::new("work_order", "work_order_id", w.id, w.version)
}

/// Moves a work order still at `version`; false when it moved on.
pub(crate) async fn move_to(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    to: WorkOrderStatus,
    actor: &str,
    reason: &str,
    now: i64,
) -> Result<bool> {
    let done = work_order_guard(w)
        .update(uow.conn(), "status = $1", |q| q.bind(to_text(&to)))
        .await?
        .is_updated();
    if done {
        history(uow.conn(), w.id, Some(w.status), to, actor, reason, now).await?;
    }
    Ok(done)
}

/// Books the appointment of a work order still at `version`, noting `note` in its
/// history; false when it moved on.
pub(crate) async fn book(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    window: &TimeWindow,
    actor: &str,
    note: &str,
    now: i64,
) -> Result<bool> {
    let done = work_order_guard(w)
        .update(
            uow.conn(),
            "appointment_start = $1, appointment_end = $2, planned_arrival = null",
            |q| {
                q.bind(window.start.timestamp_millis())
                    .bind(window.end.timestamp_millis())
            },
        )
        .await?
        .is_updated();
    if done {
        history(uow.conn(), w.id, Some(w.status), w.status, actor, note, now).await?;
    }
    Ok(done)
}

/// Adds parts asked of inventory to a work order still at `version`, noting `note` in
/// its history; false when it moved on.
pub(crate) async fn request_parts(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    parts: &[PartUsed],
    actor: &str,
    note: &str,
    now: i64,
) -> Result<bool> {
    let mut all = w.parts_requested.clone();
    all.extend(parts.iter().cloned());
    let all = serde_json::to_string(&all)?;
    let done = work_order_guard(w)
        .update(uow.conn(), "parts_requested = $1", |q| q.bind(all))
        .await?
        .is_updated();
    if done {
        history(uow.conn(), w.id, Some(w.status), w.status, actor, note, now).await?;
    }
    Ok(done)
}

/// Files the visit report of a work order still at `version`; false when it moved on.
pub(crate) async fn report_visit(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    to: WorkOrderStatus,
    v: &VisitReport,
    actor: &str,
    now: i64,
) -> Result<bool> {
    let (parts, visit) = (serde_json::to_string(&v.parts)?, serde_json::to_string(v)?);
    let done = work_order_guard(w)
        .update(
            uow.conn(),
            "status = $1, diagnosis = $2, parts = $3, started_at = $4, finished_at = $5,
            meter_reading = $6, completed_at = $7, fault = $8, visit = $9",
            |q| {
                q.bind(to_text(&to))
                    .bind(&v.diagnosis)
                    .bind(parts)
                    .bind(v.started_at.timestamp_millis())
                    .bind(v.finished_at.timestamp_millis())
                    .bind(v.meter_reading.map(|m| m as i64))
                    .bind(now)
                    .bind(v.fault.as_deref())
                    .bind(visit)
            },
        )
        .await?
        .is_updated();
    if done {
        history(
            uow.conn(),
            w.id,
            Some(w.status),
            to,
            actor,
            "visit report",
            now,
        )
        .await?;
    }
    Ok(done)
}

/// The open work orders of a day a day plan divides: assigned or not, with an appointment
/// that day or none (the queue), parts not backordered, by id.
pub(crate) async fn day_orders_to_divide(
    conn: &mut AnyConnection,
    day_start: i64,
    day_end: i64,
) -> Result<Vec<WorkOrder>> {
    let rows: Vec<WorkOrderRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where status in ('unassigned', 'assigned', 'accepted', 'en_route', 'on_site')
           and (parts_status is null or parts_status <> 'backordered')
           and ((appointment_start >= $1 and appointment_start < $2) or appointment_start is null)
         order by work_order_id"
    )))
    .bind(day_start)
    .bind(day_end)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| r.into_stored().map(|s| s.order))
        .collect()
}

/// Sets the planned arrival (no version change: planning is not an edit of the order).
pub(crate) async fn set_planned_arrival(
    uow: &mut UnitOfWork,
    id: Uuid,
    at: Option<i64>,
) -> Result<()> {
    sqlx::query("update work_order set planned_arrival = $1 where work_order_id = $2")
        .bind(at)
        .bind(id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// Records inventory's answer on a work order, releasing the appointment when asked; keeps
/// a history row. Only a released appointment counts as a change of version (the agreed
/// visit moved); the parts status is a note, like the planned arrival.
pub(crate) async fn set_parts_status(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    status: PartsStatus,
    release_appointment: bool,
    reason: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "update work_order set parts_status = $1,
            version = case when $2 = 1 then version + 1 else version end,
            appointment_start = case when $2 = 1 then null else appointment_start end,
            appointment_end = case when $2 = 1 then null else appointment_end end,
            planned_arrival = case when $2 = 1 then null else planned_arrival end
         where work_order_id = $3",
    )
    .bind(to_text(&status))
    .bind(i32::from(release_appointment))
    .bind(w.id.to_string())
    .execute(uow.conn())
    .await?;
    history(
        uow.conn(),
        w.id,
        Some(w.status),
        w.status,
        "inventory",
        reason,
        now,
    )
    .await
}

/// Keeps a customer's answer to a quotation (`billing.quotation.answered`); a redelivered
/// answer changes nothing.
pub(crate) async fn record_quotation_answer(
    uow: &mut UnitOfWork,
    q: &aftercare_contracts::billing::Quotation,
) -> Result<()> {
    let at = q.answer.as_ref().map_or(q.offered_at, |a| a.at);
    sqlx::query(
        "insert into quotation_answer (quotation_id, work_order_id, state, answered_at)
         values ($1, $2, $3, $4) on conflict (quotation_id) do nothing",
    )
    .bind(q.id.to_string())
    .bind(q.work_order_id.to_string())
    .bind(to_text(&q.state))
    .bind(at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The answers given to a work order's quotations, as dispatch heard them.
pub(crate) async fn quotation_answers(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Vec<aftercare_contracts::billing::QuotationState>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select state from quotation_answer where work_order_id = $1 order by answered_at",
    )
    .bind(work_order_id.to_string())
    .fetch_all(conn)
    .await?;
    rows.iter().map(|(s,)| from_text(s)).collect()
}
