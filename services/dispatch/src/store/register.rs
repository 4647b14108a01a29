//! What the report-back register reads and keeps: the day's steps of work orders (from
//! their history) and the departures and calls recorded on their own.
use aftercare_contracts::dispatch::{ReportBackCall, WorkOrderStatus};
use aftercare_platform::db::{from_text, parse_id};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::register::{DayStep, StepKind};

/// What a row of the register keeps: a departure or a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    /// The technician's "left".
    Departed,
    /// The desk's note of a call after a visit.
    ReportedBack,
}

impl EntryKind {
    fn text(self) -> &'static str {
        match self {
            Self::Departed => "departed",
            Self::ReportedBack => "reported_back",
        }
    }
}

/// A departure or call to keep.
pub(crate) struct NewEntry<'a> {
    /// The technician.
    pub(crate) technician_id: Uuid,
    /// What it is.
    pub(crate) kind: EntryKind,
    /// The company's local day it falls on.
    pub(crate) day: NaiveDate,
    /// When, epoch milliseconds.
    pub(crate) at: i64,
    /// The visit a call is about.
    pub(crate) work_order_id: Option<Uuid>,
    /// What was said.
    pub(crate) note: &'a str,
    /// Who recorded it.
    pub(crate) recorded_by: &'a str,
}

/// Keeps a departure or a call.
pub(crate) async fn insert(uow: &mut UnitOfWork, e: &NewEntry<'_>) -> Result<()> {
    let now = uow.now_ms();
    sqlx::query(
        "insert into register_entry (entry_id, technician_id, kind, day, at, work_order_id, note, recorded_by, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(e.technician_id.to_string())
    .bind(e.kind.text())
    .bind(e.day.to_string())
    .bind(e.at)
    .bind(e.work_order_id.map(|w| w.to_string()))
    .bind(e.note)
    .bind(e.recorded_by)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A technician's departures and calls recorded on a day.
#[derive(Debug, Default)]
pub(crate) struct Recorded {
    /// The earliest departure recorded.
    pub(crate) departed: Option<chrono::DateTime<chrono::Utc>>,
    /// The calls, in order.
    pub(crate) calls: Vec<ReportBackCall>,
}

/// The departures and calls recorded on `day`, by technician (one technician's only when
/// `technician` is set).
pub(crate) async fn recorded(
    conn: &mut AnyConnection,
    day: NaiveDate,
    technician: Option<Uuid>,
) -> Result<Vec<(Uuid, Recorded)>> {
    let rows: Vec<(String, String, i64, Option<String>, String, String)> = sqlx::query_as(
        "select technician_id, kind, at, work_order_id, note, recorded_by from register_entry
         where day = $1 and ($2 = '' or technician_id = $2)
         order by technician_id, at, entry_id",
    )
    .bind(day.to_string())
    .bind(technician.map(|t| t.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    let mut out: Vec<(Uuid, Recorded)> = Vec::new();
    for (technician, kind, at, work_order, note, recorded_by) in rows {
        let id = parse_id(&technician)?;
        if out.last().is_none_or(|(t, _)| *t != id) {
            out.push((id, Recorded::default()));
        }
        let Some((_, r)) = out.last_mut() else {
            continue;
        };
        if kind == EntryKind::Departed.text() {
            let at = from_ms(at);
            r.departed = Some(r.departed.map_or(at, |d| d.min(at)));
        } else {
            r.calls.push(ReportBackCall {
                at: from_ms(at),
                work_order_id: work_order.as_deref().map(parse_id).transpose()?,
                recorded_by,
                note,
            });
        }
    }
    Ok(out)
}

/// The steps the register counts (set out, arrived, visit reported) taken between
/// `from` and `to` (epoch milliseconds), by the technician the work order is with.
pub(crate) async fn day_steps(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
    technician: Option<Uuid>,
) -> Result<Vec<(Uuid, DayStep)>> {
    let rows: Vec<(String, String, String, String, String, i64)> = sqlx::query_as(
        "select w.technician_id, w.work_order_id, w.number, w.status, h.to_status, h.at
         from work_order_history h join work_order w on w.work_order_id = h.work_order_id
         where h.at >= $1 and h.at < $2 and w.technician_id is not null
           and ($3 = '' or w.technician_id = $3)
           and h.from_status is not null and h.from_status <> h.to_status
           and h.to_status in ('en_route', 'on_site', 'completed', 'waiting_for_parts', 'taken_to_workshop', 'could_not_fix')
         order by h.at",
    )
    .bind(from)
    .bind(to)
    .bind(technician.map(|t| t.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (technician, work_order, number, status, to_status, at) in rows {
        let to: WorkOrderStatus = from_text(&to_status)?;
        let Some(kind) = StepKind::of(to) else {
            continue;
        };
        out.push((
            parse_id(&technician)?,
            DayStep {
                work_order_id: parse_id(&work_order)?,
                number,
                status: from_text(&status)?,
                kind,
                at: from_ms(at),
            },
        ));
    }
    Ok(out)
}

/// The technician a work order is with, if it exists.
pub(crate) async fn work_order_technician(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Option<Option<Uuid>>> {
    let row: Option<(Option<String>,)> =
        sqlx::query_as("select technician_id from work_order where work_order_id = $1")
            .bind(work_order_id.to_string())
            .fetch_optional(conn)
            .await?;
    row.map(|(t,)| t.as_deref().map(parse_id).transpose())
        .transpose()
}
