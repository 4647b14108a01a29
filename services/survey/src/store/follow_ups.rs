//! Follow-ups of dissatisfied customers: created once per callback, resolved under their
//! version, escalated once when left open.
use aftercare_contracts::survey::{FollowUp, ListFollowUps};
use aftercare_platform::db::{Guard, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

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
