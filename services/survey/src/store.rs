//! Survey's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::TicketOpened;
use aftercare_contracts::survey::{
    Answer, AnswerChannel, AttemptOutcome, Callback, CallbackAnswers, CallbackAttempt,
    CallbackKind, CallbackScores, CallbackStatus, Campaign, FollowUp, ListCallbacks, ListFollowUps,
    QualityThreshold, QualityWarning, QualityWindow, Questionnaire, Ranking, RankingKind,
    RepeatKind,
};
use aftercare_platform::db::{Guard, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::quality::repeats;
use crate::domain::questionnaire::built_in;

// ---------------------------------------------------------------------------------------
// Facts survey keeps from other services' events.

/// Remembers who took a ticket and for whom; false when already known.
pub(crate) async fn record_ticket(
    uow: &mut UnitOfWork,
    t: &TicketOpened,
    agent: Option<&str>,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into ticket_info (ticket_id, number, customer_id, customer_name, district, agent, opened_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (ticket_id) do nothing",
    )
    .bind(t.ticket_id.to_string())
    .bind(&t.number)
    .bind(t.customer_id.map(|c| c.to_string()))
    .bind(&t.customer.name)
    .bind(&t.customer.district)
    .bind(agent)
    .bind(t.opened_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Remembers a completed visit and what it repeats; false when already known.
pub(crate) async fn record_visit(uow: &mut UnitOfWork, w: &WorkOrderCompleted) -> Result<bool> {
    let (brand, model) = w
        .machine
        .as_ref()
        .map(|m| (m.brand.trim().to_owned(), m.model.trim().to_owned()))
        .unwrap_or_default();
    let skus: Vec<String> = w.parts.iter().map(|p| p.sku.trim().to_owned()).collect();
    let finished = w.finished_at.timestamp_millis();
    let n = sqlx::query(
        "insert into visit (work_order_id, number, ticket_id, technician_id, technician_name, team,
            customer_name, district, brand, model, fault, parts, finished_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (work_order_id) do nothing",
    )
    .bind(w.work_order_id.to_string())
    .bind(&w.number)
    .bind(w.ticket_id.to_string())
    .bind(w.technician_id.to_string())
    .bind(&w.technician_name)
    .bind(&w.team)
    .bind(&w.customer_name)
    .bind(&w.district)
    .bind(&brand)
    .bind(&model)
    .bind(w.fault.as_deref())
    .bind(serde_json::to_string(&skus)?)
    .bind(finished)
    .execute(uow.conn())
    .await?
    .rows_affected();
    if n == 1 && !model.is_empty() {
        for (kind, key) in repeats(w.fault.as_deref(), &skus) {
            sqlx::query(
                "insert into visit_repeat (work_order_id, brand, model, repeat_kind, repeat_key, finished_at)
                 values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(w.work_order_id.to_string())
            .bind(&brand)
            .bind(&model)
            .bind(to_text(&kind))
            .bind(&key)
            .bind(finished)
            .execute(uow.conn())
            .await?;
        }
    }
    Ok(n == 1)
}

// ---------------------------------------------------------------------------------------
// Callbacks.

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

const CALLBACK_COLUMNS: &str = "c.callback_id, c.kind, c.work_order_id, c.ticket_id, c.technician_id, c.campaign_id,
    c.status, c.due_at, c.failed_attempts, c.questionnaire_version, c.answers, c.channel,
    c.technician_milli, c.agent_milli, c.overall_milli, c.problem_persists, c.answered_at,
    c.created_at, c.version,
    coalesce(v.number, '') as work_order_number, coalesce(v.technician_name, '') as technician_name,
    coalesce(v.team, '') as team, coalesce(v.customer_name, t.customer_name, '') as customer_name,
    coalesce(v.district, t.district, '') as district, coalesce(v.finished_at, c.created_at) as finished_at,
    t.agent, t.customer_id
    from callback c left join visit v on v.work_order_id = c.work_order_id
    left join ticket_info t on t.ticket_id = c.ticket_id";

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
    let mut by_callback: std::collections::HashMap<String, Vec<CallbackAttempt>> =
        std::collections::HashMap::new();
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

// ---------------------------------------------------------------------------------------
// Answer links.

/// Stores a link's token hash.
pub(crate) async fn insert_link(
    uow: &mut UnitOfWork,
    token_hash: &str,
    callback_id: Uuid,
    expires_at: i64,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into answer_link (token_hash, callback_id, expires_at, created_at) values ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(callback_id.to_string())
    .bind(expires_at)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The callback and expiry of an unused, unexpired link.
pub(crate) async fn live_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<(String, i64)>> {
    Ok(sqlx::query_as(
        "select callback_id, expires_at from answer_link
         where token_hash = $1 and used_at is null and expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

/// Uses a link up; false when it was used (or expired) meanwhile.
pub(crate) async fn use_link(uow: &mut UnitOfWork, token_hash: &str, now: i64) -> Result<bool> {
    let n = sqlx::query(
        "update answer_link set used_at = $1 where token_hash = $2 and used_at is null and expires_at > $1",
    )
    .bind(now)
    .bind(token_hash)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

// ---------------------------------------------------------------------------------------
// Questionnaire.

/// Every stored questionnaire version plus the built-in first one, oldest first.
pub(crate) async fn questionnaires(conn: &mut AnyConnection) -> Result<Vec<Questionnaire>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select definition from questionnaire order by version")
            .fetch_all(conn)
            .await?;
    let mut all = vec![built_in()];
    for (text,) in rows {
        let q: Questionnaire = from_json(&text)?;
        all.retain(|x| x.version != q.version);
        all.push(q);
    }
    Ok(all)
}

/// The current questionnaire.
pub(crate) async fn current_questionnaire(conn: &mut AnyConnection) -> Result<Questionnaire> {
    Ok(questionnaires(conn).await?.pop().unwrap_or_else(built_in))
}

/// Stores a new version; false when another was stored first.
pub(crate) async fn insert_questionnaire(uow: &mut UnitOfWork, q: &Questionnaire) -> Result<bool> {
    let n = sqlx::query(
        "insert into questionnaire (version, definition, updated_at, updated_by) values ($1, $2, $3, $4)
         on conflict (version) do nothing",
    )
    .bind(q.version)
    .bind(serde_json::to_string(q)?)
    .bind(q.updated_at.timestamp_millis())
    .bind(&q.updated_by)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

// ---------------------------------------------------------------------------------------
// Follow-ups.

const FOLLOW_UP_COLUMNS: &str =
    "followup_id, callback_id, work_order_id, ticket_id, agent, reasons, status,
    due_at, escalate_at, resolution, resolved_at, created_at, version from follow_up";

#[derive(FromRow)]
struct FollowUpRow {
    followup_id: String,
    callback_id: String,
    work_order_id: String,
    ticket_id: String,
    agent: Option<String>,
    reasons: String,
    status: String,
    due_at: i64,
    escalate_at: i64,
    resolution: Option<String>,
    resolved_at: Option<i64>,
    created_at: i64,
    version: i64,
}

impl FollowUpRow {
    fn into_follow_up(self) -> Result<FollowUp> {
        Ok(FollowUp {
            id: parse_id(&self.followup_id)?,
            callback_id: parse_id(&self.callback_id)?,
            work_order_id: parse_id(&self.work_order_id)?,
            ticket_id: parse_id(&self.ticket_id)?,
            agent: self.agent,
            reasons: from_json(&self.reasons)?,
            status: from_text(&self.status)?,
            due_at: from_ms(self.due_at),
            escalate_at: from_ms(self.escalate_at),
            resolution: self.resolution,
            resolved_at: self.resolved_at.map(from_ms),
            created_at: from_ms(self.created_at),
            version: self.version,
        })
    }
}

/// Stores a follow-up (one per callback).
pub(crate) async fn insert_follow_up(uow: &mut UnitOfWork, f: &FollowUp) -> Result<bool> {
    let n = sqlx::query(
        "insert into follow_up (followup_id, callback_id, work_order_id, ticket_id, agent, reasons, status,
            due_at, escalate_at, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) on conflict (callback_id) do nothing",
    )
    .bind(f.id.to_string())
    .bind(f.callback_id.to_string())
    .bind(f.work_order_id.to_string())
    .bind(f.ticket_id.to_string())
    .bind(f.agent.as_deref())
    .bind(serde_json::to_string(&f.reasons)?)
    .bind(to_text(&f.status))
    .bind(f.due_at.timestamp_millis())
    .bind(f.escalate_at.timestamp_millis())
    .bind(f.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// One follow-up.
pub(crate) async fn follow_up(conn: &mut AnyConnection, id: &str) -> Result<Option<FollowUp>> {
    let sql = format!("select {FOLLOW_UP_COLUMNS} where followup_id = $1");
    let row: Option<FollowUpRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(FollowUpRow::into_follow_up).transpose()
}

/// A page of follow-ups, oldest first.
pub(crate) async fn list_follow_ups(
    conn: &mut AnyConnection,
    f: &ListFollowUps,
) -> Result<Vec<FollowUp>> {
    let sql = format!(
        "select {FOLLOW_UP_COLUMNS} where ($1 = '' or status = $1) and ($2 = '' or agent = $2)
         and ($5 = '' or ticket_id = $5) and followup_id > $3 order by followup_id limit $4"
    );
    let rows: Vec<FollowUpRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(f.status.map(|s| to_text(&s)).unwrap_or_default())
        .bind(f.agent.clone().unwrap_or_default())
        .bind(f.cursor.clone().unwrap_or_default())
        .bind(i64::from(f.limit))
        .bind(f.ticket_id.map(|t| t.to_string()).unwrap_or_default())
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(FollowUpRow::into_follow_up).collect()
}

/// Resolves an open or escalated follow-up at `version`; false when it moved on.
pub(crate) async fn resolve_follow_up(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    resolution: &str,
    actor: &str,
    now: i64,
) -> Result<bool> {
    let done = Guard::new("follow_up", "followup_id", id, version)
        .when("status <> 'resolved'")
        .update(
            uow.conn(),
            "status = 'resolved', resolution = $1, resolved_by = $2, resolved_at = $3",
            |q| q.bind(resolution).bind(actor).bind(now),
        )
        .await?;
    Ok(done.is_updated())
}

/// Open follow-ups whose escalation time has come.
pub(crate) async fn follow_ups_to_escalate(
    conn: &mut AnyConnection,
    now: i64,
    limit: i64,
) -> Result<Vec<FollowUp>> {
    let sql = format!(
        "select {FOLLOW_UP_COLUMNS} where status = 'open' and escalate_at <= $1 order by escalate_at limit $2"
    );
    let rows: Vec<FollowUpRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    rows.into_iter().map(FollowUpRow::into_follow_up).collect()
}

/// Marks a follow-up escalated unless something else did first.
pub(crate) async fn escalate(uow: &mut UnitOfWork, id: Uuid) -> Result<bool> {
    let n = sqlx::query(
        "update follow_up set status = 'escalated', version = version + 1 where followup_id = $1 and status = 'open'",
    )
    .bind(id.to_string())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Whether each of these callbacks raised a follow-up.
pub(crate) async fn callbacks_with_follow_up(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select f.work_order_id from follow_up f join visit v on v.work_order_id = f.work_order_id
         where v.finished_at >= $1 and v.finished_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(w,)| w).collect())
}

// ---------------------------------------------------------------------------------------
// Reports.

/// Answered callbacks in `[from, to)` (answer time), optionally visit callbacks only.
pub(crate) async fn answered(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
    visits_only: bool,
) -> Result<Vec<CallbackRow>> {
    let sql = format!(
        "select {CALLBACK_COLUMNS} where c.status = 'completed' and c.answered_at >= $1 and c.answered_at < $2
         and ($3 = 0 or c.kind = 'visit') order by c.answered_at, c.callback_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .bind(i32::from(visits_only))
        .fetch_all(conn)
        .await?)
}

/// How many visits finished in `[from, to)`.
pub(crate) async fn visits_between(conn: &mut AnyConnection, from: i64, to: i64) -> Result<u32> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from visit where finished_at >= $1 and finished_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_one(conn)
    .await?;
    Ok(n.max(0) as u32)
}

/// Visit callbacks of the visits finished in `[from, to)`.
pub(crate) async fn callbacks_of_visits(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<CallbackRow>> {
    let sql = format!(
        "select {CALLBACK_COLUMNS} where c.kind = 'visit' and v.finished_at >= $1 and v.finished_at < $2
         order by v.finished_at, c.callback_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .fetch_all(conn)
        .await?)
}

impl CallbackRow {
    /// Columns the reports read without building a whole callback.
    pub(crate) fn status(&self) -> &str {
        &self.status
    }
    pub(crate) fn due_at(&self) -> i64 {
        self.due_at
    }
}

// ---------------------------------------------------------------------------------------
// Rankings.

/// Stores a snapshot; false when the period was published already.
pub(crate) async fn insert_ranking(uow: &mut UnitOfWork, r: &Ranking) -> Result<bool> {
    let n = sqlx::query(
        "insert into ranking (ranking_id, kind, period_start, period_end, body, published_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (kind, period_start) do nothing",
    )
    .bind(r.id.to_string())
    .bind(to_text(&r.kind))
    .bind(r.period_start.to_string())
    .bind(r.period_end.to_string())
    .bind(serde_json::to_string(r)?)
    .bind(r.published_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A snapshot by id, or by kind and period start.
pub(crate) async fn ranking(
    conn: &mut AnyConnection,
    id: Option<&str>,
    period: Option<(RankingKind, NaiveDate)>,
) -> Result<Option<Ranking>> {
    let row: Option<(String,)> = match (id, period) {
        (Some(id), _) => {
            sqlx::query_as("select body from ranking where ranking_id = $1")
                .bind(id)
                .fetch_optional(conn)
                .await?
        }
        (None, Some((kind, start))) => {
            sqlx::query_as("select body from ranking where kind = $1 and period_start = $2")
                .bind(to_text(&kind))
                .bind(start.to_string())
                .fetch_optional(conn)
                .await?
        }
        (None, None) => None,
    };
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Snapshots, newest period first; cursor `<period_start>_<kind>`.
pub(crate) async fn list_rankings(
    conn: &mut AnyConnection,
    kind: Option<RankingKind>,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<Ranking>> {
    let (after_start, after_kind) = cursor
        .and_then(|c| c.split_once('_'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .unwrap_or_else(|| ("9999-12-31".into(), "~".into()));
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from ranking where ($1 = '' or kind = $1)
         and (period_start < $2 or (period_start = $2 and kind < $3))
         order by period_start desc, kind desc limit $4",
    )
    .bind(kind.map(|k| to_text(&k)).unwrap_or_default())
    .bind(after_start)
    .bind(after_kind)
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

// ---------------------------------------------------------------------------------------
// Campaigns.

/// Stores a campaign; false when the quarter has one.
pub(crate) async fn insert_campaign(
    uow: &mut UnitOfWork,
    id: Uuid,
    quarter: &str,
    by: &str,
    at: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into campaign (campaign_id, quarter, started_by, started_at) values ($1, $2, $3, $4)
         on conflict (quarter) do nothing",
    )
    .bind(id.to_string())
    .bind(quarter)
    .bind(by)
    .bind(at)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Every campaign with its progress, newest first.
pub(crate) async fn campaigns(conn: &mut AnyConnection) -> Result<Vec<Campaign>> {
    let rows: Vec<(String, String, String, i64, i64, i64)> = sqlx::query_as(
        "select g.campaign_id, g.quarter, g.started_by, g.started_at,
            (select count(*) from callback c where c.campaign_id = g.campaign_id),
            (select count(*) from callback c where c.campaign_id = g.campaign_id and c.status = 'completed')
         from campaign g order by g.quarter desc",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, quarter, by, at, n, done)| {
            Ok(Campaign {
                id: parse_id(&id)?,
                quarter,
                callbacks: n.max(0) as u32,
                answered: done.max(0) as u32,
                started_by: by,
                started_at: from_ms(at),
            })
        })
        .collect()
}

/// The customers' latest visits finished since `since`: (customer key, work order, ticket,
/// technician), one per customer. A customer is their record id, or their name when
/// the ticket was not linked to a record.
pub(crate) async fn latest_visits_per_customer(
    conn: &mut AnyConnection,
    since: i64,
) -> Result<Vec<(String, String, String, String)>> {
    let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "select coalesce(t.customer_id, 'name:' || v.customer_name), v.work_order_id, v.ticket_id,
                v.technician_id, v.finished_at
         from visit v left join ticket_info t on t.ticket_id = v.ticket_id
         where v.finished_at >= $1 order by v.finished_at desc, v.work_order_id desc",
    )
    .bind(since)
    .fetch_all(conn)
    .await?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|r| seen.insert(r.0.clone()))
        .map(|(k, w, t, tech, _)| (k, w, t, tech))
        .collect())
}

// ---------------------------------------------------------------------------------------
// Quality.

/// The current thresholds and their version (0: the built-in ones).
pub(crate) async fn thresholds(
    conn: &mut AnyConnection,
) -> Result<Option<(Vec<QualityThreshold>, i64)>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "select body, version from quality_thresholds order by version desc limit 1",
    )
    .fetch_optional(conn)
    .await?;
    row.map(|(b, v)| Ok((from_json(&b)?, v))).transpose()
}

/// Stores new thresholds as `version`; false when another replaced them first.
pub(crate) async fn insert_thresholds(
    uow: &mut UnitOfWork,
    t: &[QualityThreshold],
    version: i64,
    by: &str,
    at: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into quality_thresholds (version, body, updated_at, updated_by) values ($1, $2, $3, $4)
         on conflict (version) do nothing",
    )
    .bind(version)
    .bind(serde_json::to_string(t)?)
    .bind(at)
    .bind(by)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Whether a warning was raised for this model, fault or part and window.
pub(crate) async fn warning_exists(
    conn: &mut AnyConnection,
    model: &str,
    kind: RepeatKind,
    key: &str,
    window: QualityWindow,
    start: NaiveDate,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from quality_warning where model = $1 and repeat_kind = $2 and repeat_key = $3
           and window_kind = $4 and window_start = $5",
    )
    .bind(model)
    .bind(to_text(&kind))
    .bind(key)
    .bind(to_text(&window))
    .bind(start.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Visits on `model` with this fault or part in `[from, to)`, counted up to `at_most`
/// (enough to compare with a threshold without reading the whole window).
pub(crate) async fn count_repeats(
    conn: &mut AnyConnection,
    model: &str,
    kind: RepeatKind,
    key: &str,
    from: i64,
    to: i64,
    at_most: u32,
) -> Result<u32> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from (select 1 from visit_repeat
           where model = $1 and repeat_kind = $2 and repeat_key = $3 and finished_at >= $4 and finished_at < $5
           limit $6) as r",
    )
    .bind(model)
    .bind(to_text(&kind))
    .bind(key)
    .bind(from)
    .bind(to)
    .bind(i64::from(at_most))
    .fetch_one(conn)
    .await?;
    Ok(n.max(0) as u32)
}

/// Most work orders a warning lists as evidence.
const MAX_EVIDENCE: i64 = 200;

/// Work order numbers of visits on `model` with this fault or part in `[from, to)`, the
/// first [`MAX_EVIDENCE`].
pub(crate) async fn repeated_visits(
    conn: &mut AnyConnection,
    model: &str,
    kind: RepeatKind,
    key: &str,
    from: i64,
    to: i64,
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select v.number from visit_repeat r join visit v on v.work_order_id = r.work_order_id
         where r.model = $1 and r.repeat_kind = $2 and r.repeat_key = $3
           and r.finished_at >= $4 and r.finished_at < $5
         order by r.finished_at, v.number limit $6",
    )
    .bind(model)
    .bind(to_text(&kind))
    .bind(key)
    .bind(from)
    .bind(to)
    .bind(MAX_EVIDENCE)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

/// Stores a warning; false when this window already has one.
pub(crate) async fn insert_warning(uow: &mut UnitOfWork, w: &QualityWarning) -> Result<bool> {
    let n = sqlx::query(
        "insert into quality_warning (warning_id, brand, model, repeat_kind, repeat_key, window_kind,
            window_start, occurrences, threshold, work_orders, raised_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing",
    )
    .bind(w.id.to_string())
    .bind(&w.brand)
    .bind(&w.model)
    .bind(to_text(&w.repeat))
    .bind(&w.key)
    .bind(to_text(&w.window))
    .bind(w.window_start.to_string())
    .bind(i64::from(w.count))
    .bind(i64::from(w.threshold))
    .bind(serde_json::to_string(&w.work_orders)?)
    .bind(w.raised_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

#[derive(FromRow)]
struct WarningRow {
    warning_id: String,
    brand: String,
    model: String,
    repeat_kind: String,
    repeat_key: String,
    window_kind: String,
    window_start: String,
    occurrences: i64,
    threshold: i64,
    work_orders: String,
    raised_at: i64,
}

/// Warnings, newest first.
pub(crate) async fn list_warnings(
    conn: &mut AnyConnection,
    model: Option<&str>,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<QualityWarning>> {
    let rows: Vec<WarningRow> = sqlx::query_as(
        "select warning_id, brand, model, repeat_kind, repeat_key, window_kind, window_start, occurrences,
            threshold, work_orders, raised_at from quality_warning
         where ($1 = '' or model = $1) and ($2 = '' or warning_id < $2)
         order by warning_id desc limit $3",
    )
    .bind(model.unwrap_or_default())
    .bind(cursor.unwrap_or_default())
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(QualityWarning {
                id: parse_id(&r.warning_id)?,
                brand: r.brand,
                model: r.model,
                repeat: from_text(&r.repeat_kind)?,
                key: r.repeat_key,
                window: from_text(&r.window_kind)?,
                window_start: aftercare_platform::db::parse_stored(
                    "window start",
                    &r.window_start,
                )?,
                count: r.occurrences.max(0) as u32,
                threshold: r.threshold.max(0) as u32,
                work_orders: from_json(&r.work_orders)?,
                raised_at: from_ms(r.raised_at),
            })
        })
        .collect()
}
