//! Call tasks and their attempts: created once per source (`source_key`) and at most one
//! open per subject (`open_key`), listed in queue order, changed under their version, and
//! reminded and escalated by the sweep.
use std::collections::HashMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::survey::{
    CallAttempt, CallOutcome, CallResult, CallTask, CallTaskKind, CallTaskRefs, CallTaskState,
    ListCallTasks,
};
use aftercare_platform::db::{from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::calls::timing;

/// A call task to create.
pub(crate) struct NewCallTask {
    pub(crate) id: Uuid,
    pub(crate) kind: CallTaskKind,
    /// Unique per source: a redelivered or replayed event finds its task made.
    pub(crate) source_key: String,
    /// Unique among open tasks: the same subject is not queued twice while open.
    pub(crate) open_key: String,
    pub(crate) assignee: String,
    pub(crate) assigned_by: String,
    pub(crate) customer_name: String,
    pub(crate) district: String,
    pub(crate) product_line: Option<String>,
    pub(crate) brand: Option<String>,
    pub(crate) reference: String,
    pub(crate) about: String,
    pub(crate) refs: CallTaskRefs,
    pub(crate) due_at: i64,
    pub(crate) escalate_at: i64,
    pub(crate) created_at: i64,
}

fn id_text(id: Option<Uuid>) -> Option<String> {
    id.map(|x| x.to_string())
}

/// Stores a task; false when its source made one already or its subject has one open.
pub(crate) async fn insert(uow: &mut UnitOfWork, t: &NewCallTask) -> Result<bool> {
    let n = sqlx::query(
        "insert into call_task (task_id, kind, state, source_key, open_key, assignee, assigned_by,
            customer_name, district, product_line, brand, reference, about, customer_id,
            machine_id, contract, ticket_id, invoice_id, callback_id, followup_id, due_at,
            escalate_at, created_at, version)
         values ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
            $17, $18, $19, $20, $21, $22, 1)
         on conflict do nothing",
    )
    .bind(t.id.to_string())
    .bind(to_text(&t.kind))
    .bind(&t.source_key)
    .bind(&t.open_key)
    .bind(&t.assignee)
    .bind(&t.assigned_by)
    .bind(&t.customer_name)
    .bind(&t.district)
    .bind(t.product_line.as_deref())
    .bind(t.brand.as_deref())
    .bind(&t.reference)
    .bind(&t.about)
    .bind(id_text(t.refs.customer_id))
    .bind(id_text(t.refs.machine_id))
    .bind(t.refs.contract.as_deref())
    .bind(id_text(t.refs.ticket_id))
    .bind(id_text(t.refs.invoice_id))
    .bind(id_text(t.refs.callback_id))
    .bind(id_text(t.refs.followup_id))
    .bind(t.due_at)
    .bind(t.escalate_at)
    .bind(t.created_at)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

const COLUMNS: &str = "task_id, kind, state, assignee, assigned_by, customer_name, district,
    product_line, brand, reference, about, customer_id, machine_id, contract, ticket_id,
    invoice_id, callback_id, followup_id, due_at, escalate_at, reminded_at, escalated_at,
    result, result_note, closed_at, closed_by, created_at, version";

/// A task as stored.
#[derive(FromRow)]
pub(crate) struct TaskRow {
    task_id: String,
    kind: String,
    state: String,
    assignee: String,
    assigned_by: String,
    customer_name: String,
    district: String,
    product_line: Option<String>,
    brand: Option<String>,
    reference: String,
    about: String,
    customer_id: Option<String>,
    machine_id: Option<String>,
    contract: Option<String>,
    ticket_id: Option<String>,
    invoice_id: Option<String>,
    callback_id: Option<String>,
    followup_id: Option<String>,
    due_at: i64,
    escalate_at: i64,
    reminded_at: Option<i64>,
    escalated_at: Option<i64>,
    result: Option<String>,
    result_note: Option<String>,
    closed_at: Option<i64>,
    closed_by: Option<String>,
    created_at: i64,
    version: i64,
}

fn opt_id(v: Option<&str>) -> Result<Option<Uuid>> {
    v.map(parse_id).transpose()
}

impl TaskRow {
    fn into_task(
        self,
        attempts: Vec<CallAttempt>,
        now: i64,
        cal: &BusinessCalendar,
    ) -> Result<CallTask> {
        let state: CallTaskState = from_text(&self.state)?;
        Ok(CallTask {
            id: parse_id(&self.task_id)?,
            kind: from_text(&self.kind)?,
            state,
            timing: timing(state, from_ms(self.due_at), from_ms(now), cal),
            assignee: self.assignee,
            assigned_by: self.assigned_by,
            customer_name: self.customer_name,
            district: self.district,
            product_line: self.product_line,
            brand: self.brand,
            reference: self.reference,
            about: self.about,
            refs: CallTaskRefs {
                customer_id: opt_id(self.customer_id.as_deref())?,
                machine_id: opt_id(self.machine_id.as_deref())?,
                contract: self.contract,
                ticket_id: opt_id(self.ticket_id.as_deref())?,
                invoice_id: opt_id(self.invoice_id.as_deref())?,
                callback_id: opt_id(self.callback_id.as_deref())?,
                followup_id: opt_id(self.followup_id.as_deref())?,
            },
            due_at: from_ms(self.due_at),
            escalate_at: from_ms(self.escalate_at),
            reminded_at: self.reminded_at.map(from_ms),
            escalated_at: self.escalated_at.map(from_ms),
            attempts,
            result: self
                .result
                .as_deref()
                .map(from_text::<CallResult>)
                .transpose()?,
            result_note: self.result_note,
            closed_at: self.closed_at.map(from_ms),
            closed_by: self.closed_by,
            created_at: from_ms(self.created_at),
            version: self.version,
        })
    }
}

#[derive(FromRow)]
struct AttemptRow {
    task_id: String,
    at: i64,
    outcome: String,
    by_user: String,
    note: String,
    next_try_at: Option<i64>,
}

async fn with_attempts(
    conn: &mut AnyConnection,
    rows: Vec<TaskRow>,
    now: i64,
    cal: &BusinessCalendar,
) -> Result<Vec<CallTask>> {
    let mut by_task: HashMap<String, Vec<CallAttempt>> = HashMap::new();
    if !rows.is_empty() {
        let marks: Vec<String> = (1..=rows.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "select task_id, at, outcome, by_user, note, next_try_at from call_task_attempt
             where task_id in ({}) order by task_id, seq",
            marks.join(", ")
        );
        let mut q = sqlx::query_as::<_, AttemptRow>(sqlx::AssertSqlSafe(sql));
        for r in &rows {
            q = q.bind(r.task_id.clone());
        }
        for a in q.fetch_all(&mut *conn).await? {
            by_task.entry(a.task_id).or_default().push(CallAttempt {
                at: from_ms(a.at),
                outcome: from_text(&a.outcome)?,
                by: a.by_user,
                note: a.note,
                next_try_at: a.next_try_at.map(from_ms),
            });
        }
    }
    rows.into_iter()
        .map(|r| {
            let mine = by_task.remove(&r.task_id).unwrap_or_default();
            r.into_task(mine, now, cal)
        })
        .collect()
}

/// One task with its attempts.
pub(crate) async fn task(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
    cal: &BusinessCalendar,
) -> Result<Option<CallTask>> {
    let sql = format!("select {COLUMNS} from call_task where task_id = $1");
    let rows: Vec<TaskRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(with_attempts(conn, rows, now, cal).await?.pop())
}

/// The queue position of a task: 0 due now (due today, time come), 1 overdue (an earlier
/// day), 2 later, 3 closed; `$1` is now, `$2` the start of today (epoch ms).
const BUCKET: &str = "(case when state = 'closed' then 3 when due_at > $1 then 2
    when due_at >= $2 then 0 else 1 end)";

/// A page of the queue: due now first, then overdue, then later, then closed, each by
/// due time.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    f: &ListCallTasks,
    now: i64,
    cal: &BusinessCalendar,
) -> Result<Vec<CallTask>> {
    let today_start = cal
        .start_of_day(cal.local_date(from_ms(now)))
        .timestamp_millis();
    let mut sql = format!("select {COLUMNS} from call_task where 1 = 1");
    let mut binds: Vec<String> = Vec::new();
    let mut push = |sql: &mut String, cond: &str, value: String| {
        binds.push(value);
        sql.push_str(&cond.replace('?', &format!("${}", binds.len() + 2)));
    };
    if let Some(a) = f.assignee.as_deref() {
        push(&mut sql, " and assignee = ?", a.trim().to_owned());
    }
    if let Some(d) = f.district.as_deref() {
        push(
            &mut sql,
            " and lower(district) = ?",
            d.trim().to_lowercase(),
        );
    }
    if let Some(k) = f.kind {
        push(&mut sql, " and kind = ?", to_text(&k));
    }
    if let Some(s) = f.state {
        push(&mut sql, " and state = ?", to_text(&s));
    }
    // Cursor: `<bucket>_<due_at>_<task_id>`.
    let cursor = f.cursor.as_deref().and_then(|c| {
        let mut parts = c.splitn(3, '_');
        let b = parts.next()?.parse::<i64>().ok()?;
        let d = parts.next()?.parse::<i64>().ok()?;
        Some((b, d, parts.next()?.to_owned()))
    });
    if cursor.is_some() {
        let n = binds.len() + 2;
        sql.push_str(&format!(
            " and ({BUCKET} > ${b} or ({BUCKET} = ${b} and (due_at > ${d} or (due_at = ${d} and task_id > ${i}))))",
            b = n + 1,
            d = n + 2,
            i = n + 3
        ));
    }
    sql.push_str(&format!(
        " order by {BUCKET}, due_at, task_id limit {}",
        f.limit
    ));
    let mut q = sqlx::query_as::<_, TaskRow>(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(today_start);
    for b in &binds {
        q = q.bind(b.clone());
    }
    if let Some((b, d, id)) = cursor {
        q = q.bind(b).bind(d).bind(id);
    }
    let rows = q.fetch_all(&mut *conn).await?;
    with_attempts(conn, rows, now, cal).await
}

/// Cursor of a task in the queue as listed at `now` (epoch ms).
pub(crate) fn cursor(t: &CallTask) -> String {
    use aftercare_contracts::survey::CallTaskTiming::*;
    let bucket = match t.timing {
        DueNow => 0,
        Overdue => 1,
        Later => 2,
        Closed => 3,
    };
    format!("{bucket}_{}_{}", t.due_at.timestamp_millis(), t.id)
}

/// One attempt to add.
pub(crate) struct NewAttempt<'a> {
    pub(crate) outcome: CallOutcome,
    pub(crate) by: &'a str,
    pub(crate) note: &'a str,
    pub(crate) next_try_at: Option<i64>,
    pub(crate) at: i64,
}

/// Adds an attempt to an open task still at `version`, moving its due (and escalation)
/// time when given; false when the task changed meanwhile.
pub(crate) async fn record_attempt(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    a: &NewAttempt<'_>,
    moved: Option<(i64, i64)>,
) -> Result<bool> {
    let n = match moved {
        Some((due, escalate)) => {
            sqlx::query(
                "update call_task set due_at = $1, escalate_at = $2, version = version + 1
                 where task_id = $3 and version = $4 and state = 'open'",
            )
            .bind(due)
            .bind(escalate)
            .bind(id.to_string())
            .bind(version)
            .execute(uow.conn())
            .await?
        }
        None => {
            sqlx::query(
                "update call_task set version = version + 1
                 where task_id = $1 and version = $2 and state = 'open'",
            )
            .bind(id.to_string())
            .bind(version)
            .execute(uow.conn())
            .await?
        }
    }
    .rows_affected();
    if n != 1 {
        return Ok(false);
    }
    sqlx::query(
        "insert into call_task_attempt (task_id, seq, at, outcome, by_user, note, next_try_at)
         values ($1, (select coalesce(max(seq), 0) + 1 from call_task_attempt where task_id = $2),
            $3, $4, $5, $6, $7)",
    )
    .bind(id.to_string())
    .bind(id.to_string())
    .bind(a.at)
    .bind(to_text(&a.outcome))
    .bind(a.by)
    .bind(a.note)
    .bind(a.next_try_at)
    .execute(uow.conn())
    .await?;
    Ok(true)
}

/// Gives an open task at `version` to `assignee`; false when it changed meanwhile.
pub(crate) async fn reassign(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    assignee: &str,
    by: &str,
) -> Result<bool> {
    let n = sqlx::query(
        "update call_task set assignee = $1, assigned_by = $2, version = version + 1
         where task_id = $3 and version = $4 and state = 'open'",
    )
    .bind(assignee)
    .bind(format!("by {by}"))
    .bind(id.to_string())
    .bind(version)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A result to close with.
pub(crate) struct Closing<'a> {
    pub(crate) result: CallResult,
    pub(crate) note: &'a str,
    pub(crate) by: &'a str,
    pub(crate) at: i64,
}

/// Closes an open task at `version` (any version when `None`); false when it is closed
/// or changed meanwhile. Its subject may be queued again.
pub(crate) async fn close(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: Option<i64>,
    c: &Closing<'_>,
) -> Result<bool> {
    let n = sqlx::query(
        "update call_task set state = 'closed', open_key = null, result = $1, result_note = $2,
            closed_by = $3, closed_at = $4, version = version + 1
         where task_id = $5 and state = 'open' and ($6 < 0 or version = $7)",
    )
    .bind(to_text(&c.result))
    .bind(c.note)
    .bind(c.by)
    .bind(c.at)
    .bind(id.to_string())
    .bind(version.unwrap_or(-1))
    .bind(version.unwrap_or(-1))
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The open task of a callback or a follow-up (`column` is `callback_id` or
/// `followup_id`).
pub(crate) async fn open_task_of(
    conn: &mut AnyConnection,
    column: LinkColumn,
    id: Uuid,
) -> Result<Option<(Uuid, CallTaskKind)>> {
    let sql = format!(
        "select task_id, kind from call_task where {} = $1 and state = 'open'",
        column.name()
    );
    let row: Option<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(|(t, k)| Ok((parse_id(&t)?, from_text(&k)?)))
        .transpose()
}

/// Which record a task is linked to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum LinkColumn {
    /// A callback.
    Callback,
    /// A follow-up.
    FollowUp,
}

impl LinkColumn {
    fn name(self) -> &'static str {
        match self {
            LinkColumn::Callback => "callback_id",
            LinkColumn::FollowUp => "followup_id",
        }
    }
}

/// Moves the due time of a callback's open task to the callback's next call.
pub(crate) async fn follow_callback_due(
    uow: &mut UnitOfWork,
    callback_id: Uuid,
    due: i64,
    escalate: i64,
) -> Result<()> {
    sqlx::query(
        "update call_task set due_at = $1, escalate_at = $2, version = version + 1
         where callback_id = $3 and state = 'open' and due_at <> $4",
    )
    .bind(due)
    .bind(escalate)
    .bind(callback_id.to_string())
    .bind(due)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A task the sweep reminds or escalates.
#[derive(FromRow)]
pub(crate) struct SweepRow {
    pub(crate) task_id: String,
    pub(crate) kind: String,
    pub(crate) assignee: String,
    pub(crate) district: String,
    pub(crate) reference: String,
    pub(crate) due_at: i64,
}

/// Open tasks whose due time has come and was not reminded yet, oldest first.
pub(crate) async fn to_remind(
    conn: &mut AnyConnection,
    now: i64,
    limit: i64,
) -> Result<Vec<SweepRow>> {
    Ok(sqlx::query_as(
        "select task_id, kind, assignee, district, reference, due_at from call_task
         where state = 'open' and due_at <= $1
           and (reminded_due_at is null or reminded_due_at <> due_at)
         order by due_at limit $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Marks the reminder of a task's due time `due` sent; false when it was already.
pub(crate) async fn mark_reminded(
    uow: &mut UnitOfWork,
    id: &str,
    due: i64,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "update call_task set reminded_due_at = $1, reminded_at = $2
         where task_id = $3 and state = 'open' and due_at = $4
           and (reminded_due_at is null or reminded_due_at <> $5)",
    )
    .bind(due)
    .bind(now)
    .bind(id)
    .bind(due)
    .bind(due)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Open tasks past their escalation time and never escalated, oldest first.
pub(crate) async fn to_escalate(
    conn: &mut AnyConnection,
    now: i64,
    limit: i64,
) -> Result<Vec<SweepRow>> {
    Ok(sqlx::query_as(
        "select task_id, kind, assignee, district, reference, due_at from call_task
         where state = 'open' and escalated_at is null and escalate_at <= $1
         order by escalate_at limit $2",
    )
    .bind(now)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Marks a task escalated; false when it already was (escalation happens once).
pub(crate) async fn mark_escalated(uow: &mut UnitOfWork, id: &str, now: i64) -> Result<bool> {
    let n = sqlx::query(
        "update call_task set escalated_at = $1
         where task_id = $2 and state = 'open' and escalated_at is null",
    )
    .bind(now)
    .bind(id)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
