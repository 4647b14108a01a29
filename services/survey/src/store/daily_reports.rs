//! Daily reports (one per working day, stored whole as written) and what one is written
//! from: the day's tickets, visits, callback calls, follow-ups and welcome calls.
use aftercare_contracts::survey::{
    CallOutcome, CallResult, CallTaskState, DailyReport, NewContactLine,
};
use aftercare_platform::db::{from_json, from_text, parse_id};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};

use super::callbacks::{CALLBACK_COLUMNS, CallbackRow};
use crate::domain::daily::{FinishedVisit, OpenedTicket};

/// Stores a report; false when the day has one already.
pub(crate) async fn insert_report(uow: &mut UnitOfWork, r: &DailyReport) -> Result<bool> {
    let n = sqlx::query(
        "insert into daily_report (report_day, report_id, body, generated_at)
         values ($1, $2, $3, $4) on conflict (report_day) do nothing",
    )
    .bind(r.date.to_string())
    .bind(r.id.to_string())
    .bind(serde_json::to_string(r)?)
    .bind(r.generated_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The report of local day `day`.
pub(crate) async fn report(
    conn: &mut AnyConnection,
    day: NaiveDate,
) -> Result<Option<DailyReport>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from daily_report where report_day = $1")
            .bind(day.to_string())
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Reports, newest day first; the cursor is the last day read.
pub(crate) async fn list_reports(
    conn: &mut AnyConnection,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<DailyReport>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from daily_report where report_day < $1 order by report_day desc limit $2",
    )
    .bind(cursor.unwrap_or("9999-12-31"))
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Tickets opened in `[from, to)`.
pub(crate) async fn tickets_opened(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<OpenedTicket>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select district from ticket_info where opened_at >= $1 and opened_at < $2")
            .bind(from)
            .bind(to)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(district,)| OpenedTicket { district })
        .collect())
}

/// Visits finished in `[from, to)`.
pub(crate) async fn visits_finished(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<FinishedVisit>> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select technician_id, technician_name, team, district from visit
         where finished_at >= $1 and finished_at < $2 order by finished_at, work_order_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, technician_name, team, district)| {
            Ok(FinishedVisit {
                technician_id: parse_id(&id)?,
                technician_name,
                team,
                district,
            })
        })
        .collect()
}

/// Callbacks answered or tried in `[from, to)`.
pub(crate) async fn callbacks_called(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<CallbackRow>> {
    let sql = format!(
        "select {CALLBACK_COLUMNS} where (c.status = 'completed' and c.answered_at >= $1 and c.answered_at < $2)
         or c.callback_id in (select a.callback_id from callback_attempt a where a.at >= $1 and a.at < $2)
         order by c.callback_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .fetch_all(conn)
        .await?)
}

/// The callback calls made in `[from, to)`: callback id, time and outcome, in order.
pub(crate) async fn callback_attempts(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<(String, i64, String)>> {
    Ok(sqlx::query_as(
        "select callback_id, at, outcome from callback_attempt where at >= $1 and at < $2
         order by at, callback_id, seq",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

/// Callbacks due before `to` and still to be made.
pub(crate) async fn callbacks_open(conn: &mut AnyConnection, to: i64) -> Result<u32> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from callback where status = 'scheduled' and due_at < $1",
    )
    .bind(to)
    .fetch_one(conn)
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A follow-up opened in the period, with its visit's number and customer.
#[derive(FromRow)]
pub(crate) struct FollowUpRow {
    pub(crate) followup_id: String,
    pub(crate) agent: Option<String>,
    pub(crate) reasons: String,
    pub(crate) work_order_number: String,
    pub(crate) customer_name: String,
}

/// Follow-ups opened in `[from, to)`, oldest first.
pub(crate) async fn follow_ups_opened(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<FollowUpRow>> {
    Ok(sqlx::query_as(
        "select f.followup_id, f.agent, f.reasons, coalesce(v.number, '') as work_order_number,
            coalesce(v.customer_name, t.customer_name, '') as customer_name
         from follow_up f left join visit v on v.work_order_id = f.work_order_id
         left join ticket_info t on t.ticket_id = f.ticket_id
         where f.created_at >= $1 and f.created_at < $2 order by f.created_at, f.followup_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?)
}

#[derive(FromRow)]
struct WelcomeRow {
    task_id: String,
    customer_name: String,
    district: String,
    reference: String,
    about: String,
    assignee: String,
    due_at: i64,
    state: String,
    result: Option<String>,
    last_outcome: Option<String>,
}

/// The welcome calls (kind `welcome_call`) created, due, tried or closed in `[from, to)`,
/// by due time, with the last attempt made in the period.
pub(crate) async fn welcome_calls(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<NewContactLine>> {
    let rows: Vec<WelcomeRow> = sqlx::query_as(
        "select t.task_id, t.customer_name, t.district, t.reference, t.about, t.assignee, t.due_at,
            t.state, t.result,
            (select a.outcome from call_task_attempt a where a.task_id = t.task_id
                and a.at >= $1 and a.at < $2 order by a.seq desc limit 1) as last_outcome
         from call_task t
         where t.kind = 'welcome_call' and (
            (t.created_at >= $1 and t.created_at < $2) or (t.due_at >= $1 and t.due_at < $2)
            or (t.closed_at >= $1 and t.closed_at < $2)
            or exists (select 1 from call_task_attempt a where a.task_id = t.task_id
                and a.at >= $1 and a.at < $2))
         order by t.due_at, t.task_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(NewContactLine {
                task_id: parse_id(&r.task_id)?,
                customer_name: r.customer_name,
                district: r.district,
                reference: r.reference,
                about: r.about,
                assignee: r.assignee,
                due_at: from_ms(r.due_at),
                state: from_text::<CallTaskState>(&r.state)?,
                last_attempt: r
                    .last_outcome
                    .as_deref()
                    .map(from_text::<CallOutcome>)
                    .transpose()?,
                result: r
                    .result
                    .as_deref()
                    .map(from_text::<CallResult>)
                    .transpose()?,
            })
        })
        .collect()
}
