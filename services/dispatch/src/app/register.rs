//! The report-back register (技术员复电登记表): a day's row per technician active that day (when
//! they were due to leave and left, how late, the visits reported back and not), the
//! technician's own "left" and the desk's record of a call after a visit (复电).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    RecordDeparture, RecordReportBack, RegisterRow, ReportBackRegister,
};
use aftercare_platform::{UnitOfWork, from_ms};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::register::{
    departed, departure_state, due_at, first_en_route, reported_counts, validate_note, visits,
};
use crate::domain::step_time;
use crate::store::register::{self as store, EntryKind, NewEntry};
use crate::store::technicians;

/// What the register is read against: the company's calendar and departure time.
#[derive(Clone, Copy)]
pub(crate) struct Rules<'a> {
    /// The business calendar: working days and the local day's bounds.
    pub(crate) calendar: &'a BusinessCalendar,
    /// The company's departure time, local.
    pub(crate) departure: NaiveTime,
}

/// The register of the local day `day` at `now` (only `technician`'s row when set).
pub(crate) async fn register(
    conn: &mut AnyConnection,
    rules: Rules<'_>,
    day: NaiveDate,
    technician: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<ReportBackRegister, ServiceError> {
    let calendar = rules.calendar;
    let start = calendar.start_of_day(day);
    let end = day
        .succ_opt()
        .map_or(start + chrono::Duration::days(1), |d| {
            calendar.start_of_day(d)
        });
    let people = technicians::active_on(
        conn,
        calendar,
        day,
        (start.timestamp_millis(), end.timestamp_millis()),
    )
    .await?;
    let steps = store::day_steps(
        conn,
        start.timestamp_millis(),
        end.timestamp_millis(),
        technician,
    )
    .await?;
    let mut recorded = store::recorded(conn, day, technician).await?;
    let mut rows: Vec<RegisterRow> = people
        .into_iter()
        .filter(|c| technician.is_none_or(|t| t == c.id))
        .map(|c| {
            let theirs: Vec<_> = steps
                .iter()
                .filter(|(t, _)| *t == c.id)
                .map(|(_, s)| s.clone())
                .collect();
            let mine = recorded
                .iter_mut()
                .find(|(t, _)| *t == c.id)
                .map(|(_, r)| std::mem::take(r))
                .unwrap_or_default();
            let left = departed(first_en_route(&theirs), mine.departed);
            let due = due_at(calendar, day, rules.departure, c.shift.0, c.on_leave);
            let (departure, late_minutes) = departure_state(due, left.map(|(at, _)| at), now, end);
            let day_visits = visits(&theirs, &mine.calls);
            let (reported_back, not_reported_back) = reported_counts(&day_visits);
            RegisterRow {
                date: day,
                technician_id: c.id,
                technician_name: c.name,
                district: c.district,
                on_leave: c.on_leave,
                due_at: due,
                departed_at: left.map(|(at, _)| at),
                departure_source: left.map(|(_, how)| how),
                departure,
                late_minutes,
                visits: day_visits,
                reported_back,
                not_reported_back,
                calls: mine.calls,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.technician_name
            .cmp(&b.technician_name)
            .then(a.technician_id.cmp(&b.technician_id))
    });
    Ok(ReportBackRegister {
        date: day,
        working_day: calendar.is_working_day(day),
        departure_time: rules.departure,
        rows,
    })
}

/// Records that a technician left (at the phone's time, within the bounds of a step);
/// a departure already known for that day is kept, and the row answered as it is.
pub(crate) async fn record_departure(
    uow: &mut UnitOfWork,
    rules: Rules<'_>,
    req: &RecordDeparture,
    who: &str,
) -> Result<RegisterRow, ServiceError> {
    active(uow.conn(), req.technician_id).await?;
    let now = uow.now_ms();
    let at =
        step_time(now, req.occurred_at, i64::MIN).map_err(|e| ServiceError::validation(vec![e]))?;
    let day = rules.calendar.local_date(from_ms(at));
    let row = row_of(uow.conn(), rules, day, req.technician_id, from_ms(now)).await?;
    if row.departed_at.is_some() {
        return Ok(row);
    }
    store::insert(
        uow,
        &NewEntry {
            technician_id: req.technician_id,
            kind: EntryKind::Departed,
            day,
            at,
            work_order_id: None,
            note: "",
            recorded_by: who,
        },
    )
    .await?;
    row_of(uow.conn(), rules, day, req.technician_id, from_ms(now)).await
}

/// Records a technician's call after a visit (复电), about one of their work orders or
/// the day in general.
pub(crate) async fn record_report_back(
    uow: &mut UnitOfWork,
    rules: Rules<'_>,
    req: &RecordReportBack,
    who: &str,
) -> Result<RegisterRow, ServiceError> {
    let errors = validate_note(&req.note);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    active(uow.conn(), req.technician_id).await?;
    if let Some(w) = req.work_order_id {
        match store::work_order_technician(uow.conn(), w).await? {
            None => return Err(ServiceError::not_found("work order", &w.to_string())),
            Some(t) if t != Some(req.technician_id) => {
                return Err(ServiceError::field(
                    "work_order_id",
                    "not_theirs",
                    "the work order is not with this technician",
                ));
            }
            Some(_) => {}
        }
    }
    let now = uow.now_ms();
    let at =
        step_time(now, req.occurred_at, i64::MIN).map_err(|e| ServiceError::validation(vec![e]))?;
    let day = rules.calendar.local_date(from_ms(at));
    store::insert(
        uow,
        &NewEntry {
            technician_id: req.technician_id,
            kind: EntryKind::ReportedBack,
            day,
            at,
            work_order_id: req.work_order_id,
            note: req.note.trim(),
            recorded_by: who,
        },
    )
    .await?;
    row_of(uow.conn(), rules, day, req.technician_id, from_ms(now)).await
}

/// Refuses a technician who does not exist (404) or no longer works (naming the field).
async fn active(conn: &mut AnyConnection, id: Uuid) -> Result<(), ServiceError> {
    let t = technicians::get(conn, &id.to_string())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &id.to_string()))?;
    if !t.active {
        return Err(ServiceError::field(
            "technician_id",
            "inactive",
            "the technician is not active",
        ));
    }
    Ok(())
}

/// One technician's row of a day.
async fn row_of(
    conn: &mut AnyConnection,
    rules: Rules<'_>,
    day: NaiveDate,
    technician: Uuid,
    now: DateTime<Utc>,
) -> Result<RegisterRow, ServiceError> {
    register(conn, rules, day, Some(technician), now)
        .await?
        .rows
        .pop()
        .ok_or_else(|| ServiceError::not_found("technician", &technician.to_string()))
}
