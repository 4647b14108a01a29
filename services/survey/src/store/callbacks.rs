//! Callbacks and their attempts: creating one per visit (or campaign customer), reading
//! and listing them with the visit and ticket facts joined in, and recording an attempt
//! or the answer under the callback's version.
use std::collections::HashMap;

use aftercare_contracts::survey::{
    Answer, AnswerChannel, AttemptOutcome, Callback, CallbackAnswers, CallbackAttempt,
    CallbackKind, CallbackScores, CallbackStatus, ListCallbacks,
};
use aftercare_platform::db::{Guard, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

/// A callback to create.
pub(crate) struct NewCallback {
    pub(crate) id: Uuid,
    pub(crate) kind: CallbackKind,
    pub(crate) work_order_id: Uuid,
    pub(crate) ticket_id: Uuid,
    pub(crate) technician_id: Uuid,
    pub(crate) campaign_id: Option<Uuid>,
    pub(crate) customer_key: Option<String>,
    pub(crate) due_at: i64,
    pub(crate) created_at: i64,
}

/// Stores a callback; false when the work order (or the campaign's customer) already has one.
pub(crate) async fn insert_callback(uow: &mut UnitOfWork, c: &NewCallback) -> Result<bool> {
    let n = sqlx::query(
        "insert into callback (callback_id, kind, work_order_id, ticket_id, technician_id, campaign_id,
            customer_key, status, due_at, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, 'scheduled', $8, $9, 1) on conflict do nothing",
    )
    .bind(c.id.to_string())
    .bind(to_text(&c.kind))
    .bind(c.work_order_id.to_string())
    .bind(c.ticket_id.to_string())
    .bind(c.technician_id.to_string())
    .bind(c.campaign_id.map(|x| x.to_string()))
    .bind(c.customer_key.as_deref())
    .bind(c.due_at)
    .bind(c.created_at)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// The columns of a callback with its visit and ticket facts, and the joins they come from.
pub(super) const CALLBACK_COLUMNS: &str = "c.callback_id, c.kind, c.work_order_id, c.ticket_id, c.technician_id, c.campaign_id,
    c.status, c.due_at, c.failed_attempts, c.questionnaire_version, c.answers, c.channel,
    c.technician_milli, c.agent_milli, c.overall_milli, c.problem_persists, c.answered_at,
    c.created_at, c.version,
    coalesce(v.number, '') as work_order_number, coalesce(v.technician_name, '') as technician_name,
    coalesce(v.team, '') as team, coalesce(v.customer_name, t.customer_name, '') as customer_name,
    coalesce(v.district, t.district, '') as district, coalesce(v.finished_at, c.created_at) as finished_at,
    t.agent, t.customer_id
    from callback c left join visit v on v.work_order_id = c.work_order_id
    left join ticket_info t on t.ticket_id = c.ticket_id";

/// A callback as stored, with the visit and ticket facts joined in; turned into the
/// contract's [`Callback`] once its attempts are known.
#[derive(FromRow)]
pub(crate) struct CallbackRow {
    callback_id: String,
    kind: String,
    work_order_id: String,
    ticket_id: String,
    technician_id: String,
    campaign_id: Option<String>,
    status: String,
    due_at: i64,
    failed_attempts: i64,
    questionnaire_version: Option<i64>,
    answers: Option<String>,
    channel: Option<String>,
    technician_milli: Option<i64>,
    agent_milli: Option<i64>,
    overall_milli: Option<i64>,
    problem_persists: i64,
    answered_at: Option<i64>,
    created_at: i64,
    version: i64,
    work_order_number: String,
    technician_name: String,
    team: String,
    customer_name: String,
    district: String,
    pub(crate) finished_at: i64,
    agent: Option<String>,
    customer_id: Option<String>,
}

fn milli(v: Option<i64>) -> Option<u32> {
    v.map(|x| x.clamp(0, i64::from(u32::MAX)) as u32)
}

impl CallbackRow {
    /// The contract's callback, with its `attempts` and overdue as of `now` (epoch ms).
    pub(crate) fn into_callback(
        self,
        attempts: Vec<CallbackAttempt>,
        now: i64,
    ) -> Result<Callback> {
        let status: CallbackStatus = from_text(&self.status)?;
        let answers = match (&self.answers, self.answered_at, self.questionnaire_version) {
            (Some(text), Some(at), Some(version)) => Some(CallbackAnswers {
                questionnaire_version: version,
                answers: from_json::<Vec<Answer>>(text)?,
                scores: CallbackScores {
                    technician_milli: milli(self.technician_milli),
                    agent_milli: milli(self.agent_milli),
                    overall_milli: milli(self.overall_milli),
                },
                problem_persists: self.problem_persists != 0,
                channel: self
                    .channel
                    .as_deref()
                    .map(from_text::<AnswerChannel>)
                    .transpose()?
                    .unwrap_or(AnswerChannel::Phone),
                answered_at: from_ms(at),
            }),
            _ => None,
        };
        Ok(Callback {
            id: parse_id(&self.callback_id)?,
            kind: from_text(&self.kind)?,
            work_order_id: parse_id(&self.work_order_id)?,
            work_order_number: self.work_order_number,
            ticket_id: parse_id(&self.ticket_id)?,
            campaign_id: self.campaign_id.as_deref().map(parse_id).transpose()?,
            technician_id: parse_id(&self.technician_id)?,
            technician_name: self.technician_name,
            team: self.team,
            agent: self.agent,
            customer_id: self.customer_id.as_deref().map(parse_id).transpose()?,
            customer_name: self.customer_name,
            district: self.district,
            status,
            due_at: from_ms(self.due_at),
            overdue: status == CallbackStatus::Scheduled && self.due_at <= now,
            failed_attempts: self.failed_attempts.max(0) as u32,
            attempts,
            answers,
            created_at: from_ms(self.created_at),
            version: self.version,
        })
    }
}

#[derive(FromRow)]
struct AttemptRow {
    callback_id: String,
    at: i64,
    outcome: String,
    actor: String,
    note: String,
    next_due_at: Option<i64>,
}

async fn attempts_of(
    conn: &mut AnyConnection,
    ids: &[String],
) -> Result<Vec<(String, CallbackAttempt)>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "select callback_id, at, outcome, actor, note, next_due_at from callback_attempt
         where callback_id in ({}) order by callback_id, seq",
        marks.join(", ")
    );
    let mut q = sqlx::query_as::<_, AttemptRow>(sqlx::AssertSqlSafe(sql));
    for id in ids {
        q = q.bind(id);
    }
    q.fetch_all(conn)
        .await?
        .into_iter()
        .map(|r| {
            Ok((
                r.callback_id,
                CallbackAttempt {
                    at: from_ms(r.at),
                    outcome: from_text(&r.outcome)?,
                    actor: r.actor,
                    note: r.note,
                    next_due_at: r.next_due_at.map(from_ms),
                },
            ))
        })
        .collect()
}

async fn with_attempts(
    conn: &mut AnyConnection,
    rows: Vec<CallbackRow>,
    now: i64,
) -> Result<Vec<Callback>> {
    let ids: Vec<String> = rows.iter().map(|r| r.callback_id.clone()).collect();
    let mut by_callback: HashMap<String, Vec<CallbackAttempt>> = HashMap::new();
    for (id, a) in attempts_of(conn, &ids).await? {
        by_callback.entry(id).or_default().push(a);
    }
    rows.into_iter()
        .map(|r| {
            let mine = by_callback.remove(&r.callback_id).unwrap_or_default();
            r.into_callback(mine, now)
        })
        .collect()
}

/// One callback with its attempts.
pub(crate) async fn callback(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
) -> Result<Option<Callback>> {
    let sql = format!("select {CALLBACK_COLUMNS} where c.callback_id = $1");
    let rows: Vec<CallbackRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(with_attempts(conn, rows, now).await?.pop())
}

/// The visit date of a callback's work order (local day derived by the caller).
pub(crate) async fn callback_row(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<CallbackRow>> {
    let sql = format!("select {CALLBACK_COLUMNS} where c.callback_id = $1");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?)
}

/// A page of callbacks by due time.
pub(crate) async fn list_callbacks(
    conn: &mut AnyConnection,
    f: &ListCallbacks,
    now: i64,
) -> Result<Vec<Callback>> {
    let (dir, cmp) = f.order.unwrap_or_default().sql();
    let mut sql = format!("select {CALLBACK_COLUMNS} where 1 = 1");
    let mut binds: Vec<String> = Vec::new();
    let mut push = |sql: &mut String, cond: &str, value: String| {
        binds.push(value);
        sql.push_str(&cond.replace('?', &format!("${}", binds.len())));
    };
    if let Some(w) = f.work_order_id {
        push(&mut sql, " and c.work_order_id = ?", w.to_string());
    }
    if let Some(s) = f.status {
        push(&mut sql, " and c.status = ?", to_text(&s));
    }
    if let Some(k) = f.kind {
        push(&mut sql, " and c.kind = ?", to_text(&k));
    }
    if let Some(c) = f.campaign_id {
        push(&mut sql, " and c.campaign_id = ?", c.to_string());
    }
    let due_before = f
        .due_before
        .map(|d| d.timestamp_millis())
        .filter(|_| f.due_only);
    if f.due_only {
        sql.push_str(" and c.status = 'scheduled'");
    }
    // Cursor: `<due_at>_<callback_id>`.
    let cursor = f
        .cursor
        .as_deref()
        .and_then(|c| c.split_once('_'))
        .and_then(|(d, id)| d.parse::<i64>().ok().map(|d| (d, id.to_owned())));
    let n = binds.len();
    let mut extra = String::new();
    if f.due_only {
        extra.push_str(&format!(" and c.due_at <= ${}", n + 1));
    }
    let base = n + usize::from(f.due_only);
    if cursor.is_some() {
        extra.push_str(&format!(
            " and (c.due_at {cmp} ${a} or (c.due_at = ${a} and c.callback_id {cmp} ${b}))",
            a = base + 1,
            b = base + 2
        ));
    }
    sql.push_str(&extra);
    sql.push_str(&format!(
        " order by c.due_at {dir}, c.callback_id {dir} limit {}",
        f.limit
    ));
    let mut q = sqlx::query_as::<_, CallbackRow>(sqlx::AssertSqlSafe(sql));
    for b in &binds {
        q = q.bind(b);
    }
    if f.due_only {
        q = q.bind(due_before.unwrap_or(now));
    }
    if let Some((d, id)) = &cursor {
        q = q.bind(*d).bind(id.clone());
    }
    let rows = q.fetch_all(&mut *conn).await?;
    with_attempts(conn, rows, now).await
}

/// Cursor of a callback in a list.
pub(crate) fn callback_cursor(c: &Callback) -> String {
    format!("{}_{}", c.due_at.timestamp_millis(), c.id)
}

/// How an attempt changes a callback.
pub(crate) struct AttemptChange<'a> {
    pub(crate) status: CallbackStatus,
    pub(crate) due_at: i64,
    pub(crate) failed_attempts: u32,
    pub(crate) answered: Option<AnsweredWith<'a>>,
    pub(crate) outcome: AttemptOutcome,
    pub(crate) actor: &'a str,
    pub(crate) note: &'a str,
    pub(crate) next_due_at: Option<i64>,
    pub(crate) at: i64,
}

/// The stored answer.
pub(crate) struct AnsweredWith<'a> {
    pub(crate) questionnaire_version: i64,
    pub(crate) answers: &'a [Answer],
    pub(crate) channel: AnswerChannel,
    pub(crate) scores: CallbackScores,
    pub(crate) problem_persists: bool,
}

/// Applies an attempt if the callback is still open at `version`; false when it moved on.
pub(crate) async fn record_attempt(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    c: &AttemptChange<'_>,
) -> Result<bool> {
    let answers = c
        .answered
        .as_ref()
        .map(|a| serde_json::to_string(a.answers))
        .transpose()?;
    let a = c.answered.as_ref();
    let closed = (c.status != CallbackStatus::Scheduled).then_some(c.at);
    let done = Guard::new("callback", "callback_id", id, version)
        .when("status = 'scheduled'")
        .update(
            uow.conn(),
            "status = $1, due_at = $2, failed_attempts = $3, questionnaire_version = $4,
            answers = $5, channel = $6, technician_milli = $7, agent_milli = $8, overall_milli = $9,
            problem_persists = $10, answered_at = $11, closed_at = $12",
            |q| {
                q.bind(to_text(&c.status))
                    .bind(c.due_at)
                    .bind(i64::from(c.failed_attempts))
                    .bind(a.map(|a| a.questionnaire_version))
                    .bind(answers)
                    .bind(a.map(|a| to_text(&a.channel)))
                    .bind(a.and_then(|a| a.scores.technician_milli).map(i64::from))
                    .bind(a.and_then(|a| a.scores.agent_milli).map(i64::from))
                    .bind(a.and_then(|a| a.scores.overall_milli).map(i64::from))
                    .bind(i32::from(a.is_some_and(|a| a.problem_persists)))
                    .bind(a.map(|_| c.at))
                    .bind(closed)
            },
        )
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    let seq: i64 = sqlx::query_scalar(
        "select coalesce(max(seq), 0) + 1 from callback_attempt where callback_id = $1",
    )
    .bind(id.to_string())
    .fetch_one(uow.conn())
    .await?;
    sqlx::query(
        "insert into callback_attempt (callback_id, seq, at, outcome, actor, note, next_due_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.to_string())
    .bind(seq)
    .bind(c.at)
    .bind(to_text(&c.outcome))
    .bind(c.actor)
    .bind(c.note)
    .bind(c.next_due_at)
    .execute(uow.conn())
    .await?;
    Ok(true)
}
