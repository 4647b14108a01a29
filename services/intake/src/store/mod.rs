//! Intake's queries. Runtime SQL with `$n` placeholders that runs on both backends.
pub(crate) mod customers;
pub(crate) mod faq;
pub(crate) mod notes;

use aftercare_contracts::intake::{
    CustomerTier, ListTickets, Priority, SlaState, SlaTarget, Ticket, TicketSla, TicketStatus,
};
use aftercare_contracts::rpc::ListOrder;
use aftercare_platform::db::{Guard, from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

#[derive(FromRow)]
struct TicketRow {
    ticket_id: String,
    number: String,
    status: String,
    channel: String,
    ticket_type: String,
    priority: String,
    symptom: String,
    customer_name: String,
    customer_phone: String,
    customer_address: String,
    district: String,
    customer_id: Option<String>,
    machine: Option<String>,
    machine_id: Option<String>,
    work_order_id: Option<String>,
    callback_due_at: Option<i64>,
    first_response_due: i64,
    resolution_due: i64,
    first_response_at: Option<i64>,
    resolved_at: Option<i64>,
    owner: Option<String>,
    return_reason: Option<String>,
    reporter: Option<String>,
    attachments: Option<String>,
    opened_at: i64,
    updated_at: i64,
    version: i64,
    paused_since: Option<i64>,
    paused_ms: i64,
    reply_by: Option<i64>,
    reply_promised_at: Option<i64>,
    reply_promised_by: Option<String>,
    reply_note: Option<String>,
}

impl TicketRow {
    fn into_ticket(self) -> Result<Ticket> {
        Ok(Ticket {
            id: parse_id(&self.ticket_id)?,
            number: self.number,
            status: from_text(&self.status)?,
            channel: from_text(&self.channel)?,
            ticket_type: from_text(&self.ticket_type)?,
            priority: from_text(&self.priority)?,
            symptom: self.symptom,
            customer: aftercare_contracts::intake::CustomerInfo {
                name: self.customer_name,
                phone: self.customer_phone,
                address: self.customer_address,
                district: self.district,
            },
            customer_id: self.customer_id.as_deref().map(parse_id).transpose()?,
            machine: self.machine.as_deref().map(from_json).transpose()?,
            machine_id: self.machine_id.as_deref().map(parse_id).transpose()?,
            work_order_id: self.work_order_id.as_deref().map(parse_id).transpose()?,
            callback_due_at: self.callback_due_at.map(from_ms),
            sla: TicketSla {
                first_response_due: from_ms(self.first_response_due),
                resolution_due: from_ms(self.resolution_due),
                first_response_at: self.first_response_at.map(from_ms),
                resolved_at: self.resolved_at.map(from_ms),
                paused_since: self.paused_since.map(from_ms),
                // Completed pauses; `app::clock::shown` adds the current one.
                paused_minutes: u64::try_from(self.paused_ms / 60_000).unwrap_or(0),
            },
            owner: self.owner,
            return_reason: self.return_reason.as_deref().map(from_text).transpose()?,
            reporter: self.reporter.as_deref().map(from_json).transpose()?,
            attachments: self
                .attachments
                .as_deref()
                .map(from_json)
                .transpose()?
                .unwrap_or_default(),
            opened_at: from_ms(self.opened_at),
            updated_at: from_ms(self.updated_at),
            promised_reply: match (self.reply_by, self.reply_promised_at) {
                (Some(by), Some(at)) => Some(aftercare_contracts::intake::PromisedReply {
                    reply_by: from_ms(by),
                    promised_at: from_ms(at),
                    promised_by: self.reply_promised_by.unwrap_or_default(),
                    note: self.reply_note.unwrap_or_default(),
                }),
                _ => None,
            },
            version: self.version,
        })
    }
}

/// Stores a new ticket and its first history entry.
pub(crate) async fn insert(
    uow: &mut UnitOfWork,
    t: &Ticket,
    tier: CustomerTier,
    warn_at: (DateTime<Utc>, DateTime<Utc>),
    machine_down: bool,
    request_key: Option<&str>,
    (actor, reason): (&str, &str),
) -> Result<()> {
    let machine = t.machine.as_ref().map(serde_json::to_string).transpose()?;
    sqlx::query(
        "insert into ticket (ticket_id, number, status, channel, ticket_type, priority, symptom, customer_name,
            customer_phone, customer_address, district, machine, machine_down, opened_at, updated_at, version, customer_id,
            tier, first_response_due, resolution_due, first_response_warn_at, resolution_warn_at, first_response_at,
            return_reason, reporter, attachments, machine_id, request_key)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, 1, $15, $16, $17, $18, $19, $20, $21, $22,
            $23, $24, $25, $26)",
    )
    .bind(t.id.to_string())
    .bind(&t.number)
    .bind(to_text(&t.status))
    .bind(to_text(&t.channel))
    .bind(to_text(&t.ticket_type))
    .bind(to_text(&t.priority))
    .bind(&t.symptom)
    .bind(&t.customer.name)
    .bind(&t.customer.phone)
    .bind(&t.customer.address)
    .bind(&t.customer.district)
    .bind(machine)
    .bind(i32::from(machine_down))
    .bind(t.opened_at.timestamp_millis())
    .bind(t.customer_id.map(|c| c.to_string()))
    .bind(to_text(&tier))
    .bind(t.sla.first_response_due.timestamp_millis())
    .bind(t.sla.resolution_due.timestamp_millis())
    .bind(warn_at.0.timestamp_millis())
    .bind(warn_at.1.timestamp_millis())
    .bind(t.sla.first_response_at.map(|a| a.timestamp_millis()))
    .bind(t.return_reason.map(|r| to_text(&r)))
    .bind(t.reporter.as_ref().map(serde_json::to_string).transpose()?)
    .bind((!t.attachments.is_empty()).then(|| serde_json::to_string(&t.attachments)).transpose()?)
    .bind(t.machine_id.map(|m| m.to_string()))
    .bind(request_key)
    .execute(uow.conn())
    .await?;
    history(
        uow.conn(),
        t.id,
        None,
        t.status,
        actor,
        reason,
        t.opened_at.timestamp_millis(),
    )
    .await
}

async fn history(
    conn: &mut AnyConnection,
    id: Uuid,
    from: Option<TicketStatus>,
    to: TicketStatus,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<()> {
    sqlx::query("insert into ticket_history (ticket_id, at, from_status, to_status, actor, reason) values ($1, $2, $3, $4, $5, $6)")
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

/// Holds the caller's request key until the transaction ends (PostgreSQL; SQLite's single
/// writer already serialises): copies of one request arriving at once, as a client's retries
/// queued during a NATS outage and delivered together, open one ticket, the later copies
/// finding the ticket the first opened instead of colliding on the key's unique index.
pub(crate) async fn hold_request_key(uow: &mut UnitOfWork, key: &str) -> Result<()> {
    if uow.backend() == aftercare_platform::db::Backend::Postgres {
        sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(format!("ticket.request_key:{key}"))
            .execute(uow.conn())
            .await?;
    }
    Ok(())
}

/// The ticket opened under the caller's request key, if one was.
pub(crate) async fn by_request_key(conn: &mut AnyConnection, key: &str) -> Result<Option<Ticket>> {
    let row: Option<TicketRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where request_key = $1"
    )))
    .bind(key)
    .fetch_optional(conn)
    .await?;
    row.map(TicketRow::into_ticket).transpose()
}

const SELECT: &str = "select ticket_id, number, status, channel, ticket_type, priority, symptom, customer_name, customer_phone,
    customer_address, district, customer_id, machine, machine_id, work_order_id, callback_due_at, first_response_due,
    resolution_due, first_response_at, resolved_at, owner, return_reason, reporter, attachments, opened_at, updated_at, version,
    paused_since, paused_ms, reply_by, reply_promised_at, reply_promised_by, reply_note from ticket";

/// A ticket by id or human number.
pub(crate) async fn get(conn: &mut AnyConnection, id_or_number: &str) -> Result<Option<Ticket>> {
    let row: Option<TicketRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where ticket_id = $1 or number = $1"
    )))
    .bind(id_or_number)
    .fetch_optional(conn)
    .await?;
    row.map(TicketRow::into_ticket).transpose()
}

/// A page of tickets matching `f`, in `order`, at instant `now` (for the SLA state).
pub(crate) async fn list(
    conn: &mut AnyConnection,
    f: &ListTickets,
    order: ListOrder,
    now: i64,
) -> Result<Vec<Ticket>> {
    let (direction, beyond) = order.sql();
    // Missed: a target not met whose deadline passed (the resolution target stops counting
    // once the ticket is closed or cancelled). At risk: not missed, but a warning is due.
    // A paused clock is read at the instant it stopped.
    const OPEN: &str = "status not in ('cancelled', 'closed')";
    const NOW: &str = "coalesce(paused_since, $10)";
    let missed = format!(
        "((first_response_at is null and first_response_due <= {NOW} and status <> 'cancelled')
          or (first_response_at is not null and first_response_at > first_response_due)
          or (resolved_at is null and resolution_due <= {NOW} and {OPEN})
          or (resolved_at is not null and resolved_at > resolution_due))"
    );
    let warned = format!(
        "((first_response_at is null and first_response_warn_at <= {NOW} and status <> 'cancelled')
          or (resolved_at is null and resolution_warn_at <= {NOW} and {OPEN}))"
    );
    let sla = match f.sla {
        None => "1 = 1".to_owned(),
        Some(SlaState::Breached) => missed,
        Some(SlaState::AtRisk) => format!("not {missed} and {warned}"),
        Some(SlaState::OnTrack) => format!("not {missed} and not {warned}"),
    };
    let rows: Vec<TicketRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} where ($1 = '' or customer_id = $1) and ($2 = '' or status = $2)
           and ($3 = '' or ticket_id {beyond} $3) and ($5 = '' or priority = $5)
           and ($6 = '' or ticket_type = $6) and ($7 = '' or district = $7)
           and ($8 = 0 or opened_at >= $8) and ($9 = 0 or opened_at < $9) and {sla}
           and ($11 = '' or owner = $11) and ($12 = '' or machine_id = $12)
         order by ticket_id {direction} limit $4"
    )))
    .bind(f.customer_id.map(|c| c.to_string()).unwrap_or_default())
    .bind(f.status.map(|s| to_text(&s)).unwrap_or_default())
    .bind(f.cursor.as_deref().unwrap_or(""))
    .bind(i64::from(f.limit))
    .bind(f.priority.map(|p| to_text(&p)).unwrap_or_default())
    .bind(f.ticket_type.map(|t| to_text(&t)).unwrap_or_default())
    .bind(f.district.as_deref().map(str::trim).unwrap_or(""))
    .bind(f.opened_from.map(|t| t.timestamp_millis()).unwrap_or(0))
    .bind(f.opened_to.map(|t| t.timestamp_millis()).unwrap_or(0))
    .bind(now)
    .bind(f.owner.as_deref().map(str::trim).unwrap_or(""))
    .bind(f.machine_id.map(|m| m.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(TicketRow::into_ticket).collect()
}

/// Moves a ticket to `to` if the rules allow, recording why; returns whether it moved.
pub(crate) async fn advance(
    uow: &mut UnitOfWork,
    id: Uuid,
    to: TicketStatus,
    work_order_id: Option<Uuid>,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<bool> {
    let Some(t) = get(uow.conn(), &id.to_string()).await? else {
        return Ok(false);
    };
    if !crate::domain::event_may_move(t.status, to) {
        return Ok(false);
    }
    sqlx::query(
        "update ticket set status = $1, work_order_id = coalesce($2, work_order_id), updated_at = $3, version = version + 1,
            resolved_at = case when $1 = 'resolved' then coalesce(resolved_at, $3) else resolved_at end
         where ticket_id = $4",
    )
    .bind(to_text(&to))
    .bind(work_order_id.map(|w| w.to_string()))
    .bind(at)
    .bind(id.to_string())
    .execute(uow.conn())
    .await?;
    history(uow.conn(), id, Some(t.status), to, actor, reason, at).await?;
    Ok(true)
}

/// Closes a resolved ticket once its callback is recorded (the last step of the flow);
/// false when the ticket is not resolved (reopened, already closed, or unknown).
pub(crate) async fn close_after_callback(
    uow: &mut UnitOfWork,
    id: Uuid,
    reason: &str,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "update ticket set status = 'closed', updated_at = $1, version = version + 1,
            reply_by = null, reply_promised_at = null
         where ticket_id = $2 and status = 'resolved'",
    )
    .bind(at)
    .bind(id.to_string())
    .execute(uow.conn())
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    history(
        uow.conn(),
        id,
        Some(TicketStatus::Resolved),
        TicketStatus::Closed,
        "survey",
        reason,
        at,
    )
    .await?;
    Ok(true)
}

/// Reopens a resolved or closed ticket whose callback found the problem back (a repeat
/// repair); false when the ticket is open anyway or unknown.
pub(crate) async fn reopen_after_callback(
    uow: &mut UnitOfWork,
    id: Uuid,
    reason: &str,
    at: i64,
) -> Result<bool> {
    let Some(t) = get(uow.conn(), &id.to_string()).await? else {
        return Ok(false);
    };
    if !matches!(
        t.status,
        TicketStatus::Resolved | TicketStatus::ResolvedRemotely | TicketStatus::Closed
    ) {
        return Ok(false);
    }
    let done = Guard::new("ticket", "ticket_id", id, t.version)
        .update(
            uow.conn(),
            "status = 'reopened', resolved_at = null, updated_at = $1",
            |q| q.bind(at),
        )
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    history(
        uow.conn(),
        id,
        Some(t.status),
        TicketStatus::Reopened,
        "survey",
        reason,
        at,
    )
    .await?;
    Ok(true)
}

/// The ticket opened for a planned maintenance visit, if any.
pub(crate) async fn maintenance_ticket(
    conn: &mut AnyConnection,
    plan_id: Uuid,
    due_on: &str,
) -> Result<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "select ticket_id from maintenance_ticket where plan_id = $1 and due_on = $2",
    )
    .bind(plan_id.to_string())
    .bind(due_on)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(t,)| t))
}

/// Remembers the ticket of a planned maintenance visit.
pub(crate) async fn record_maintenance_ticket(
    uow: &mut UnitOfWork,
    plan_id: Uuid,
    due_on: &str,
    ticket_id: Uuid,
) -> Result<()> {
    sqlx::query("insert into maintenance_ticket (plan_id, due_on, ticket_id) values ($1, $2, $3)")
        .bind(plan_id.to_string())
        .bind(due_on)
        .bind(ticket_id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// Records when the callback is due.
pub(crate) async fn set_callback_due(
    uow: &mut UnitOfWork,
    id: Uuid,
    due_at: i64,
    at: i64,
) -> Result<()> {
    sqlx::query("update ticket set callback_due_at = $1, updated_at = $2, version = version + 1 where ticket_id = $3")
        .bind(due_at)
        .bind(at)
        .bind(id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// A manual move to `to` if the ticket is still at `version`; records the first response
/// and the resolution when the move is one. False when the ticket moved on.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn transition(
    uow: &mut UnitOfWork,
    t: &Ticket,
    version: i64,
    to: TicketStatus,
    responds: bool,
    resolves: bool,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<bool> {
    let done = Guard::new("ticket", "ticket_id", t.id, version)
        .update(
            uow.conn(),
            "status = $1, updated_at = $2,
            first_response_at = case when $3 = 1 then coalesce(first_response_at, $2) else first_response_at end,
            resolved_at = case when $4 = 1 then $2 when $1 = 'reopened' then null else resolved_at end,
            reply_by = case when $1 in ('closed', 'cancelled') then null else reply_by end,
            reply_promised_at = case when $1 in ('closed', 'cancelled') then null else reply_promised_at end",
            |q| {
                q.bind(to_text(&to))
                    .bind(at)
                    .bind(i32::from(responds))
                    .bind(i32::from(resolves))
            },
        )
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    history(uow.conn(), t.id, Some(t.status), to, actor, reason, at).await?;
    Ok(true)
}

/// The tier a ticket's targets were computed for.
pub(crate) async fn tier(conn: &mut AnyConnection, id: Uuid) -> Result<CustomerTier> {
    let text: String = sqlx::query_scalar("select tier from ticket where ticket_id = $1")
        .bind(id.to_string())
        .fetch_one(conn)
        .await?;
    from_text(&text)
}

/// Sets the priority and its recomputed deadlines if the ticket is still at `version`,
/// recording who and why; false when it moved on.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn set_priority(
    uow: &mut UnitOfWork,
    t: &Ticket,
    version: i64,
    priority: Priority,
    sla: &TicketSla,
    warn_at: (DateTime<Utc>, DateTime<Utc>),
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<bool> {
    let done = Guard::new("ticket", "ticket_id", t.id, version)
        .update(
            uow.conn(),
            "priority = $1, first_response_due = $2, resolution_due = $3, updated_at = $4,
            first_response_at = coalesce(first_response_at, $4),
            first_response_warn_at = $5, resolution_warn_at = $6, sla_alerts = 0",
            |q| {
                q.bind(to_text(&priority))
                    .bind(sla.first_response_due.timestamp_millis())
                    .bind(sla.resolution_due.timestamp_millis())
                    .bind(at)
                    .bind(warn_at.0.timestamp_millis())
                    .bind(warn_at.1.timestamp_millis())
            },
        )
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    let why = format!(
        "priority {} → {}: {reason}",
        to_text(&t.priority),
        to_text(&priority)
    );
    history(uow.conn(), t.id, Some(t.status), t.status, actor, &why, at).await?;
    Ok(true)
}

/// One SLA alert that is due: the ticket, which target, and the alert bit.
#[derive(Debug, FromRow)]
pub(crate) struct DueAlert {
    pub(crate) ticket_id: String,
    pub(crate) number: String,
    pub(crate) priority: String,
    pub(crate) ticket_type: String,
    pub(crate) status: String,
    pub(crate) owner: Option<String>,
    pub(crate) district: String,
    pub(crate) due_at: i64,
}

/// Open tickets whose alert `bit` on `target` is due at `now` and not sent yet (at most
/// `limit`). A warning is due at its 80 % instant, a breach at the deadline; a target
/// already met, or a ticket whose clock is paused, is never alerted.
pub(crate) async fn due_alerts(
    conn: &mut AnyConnection,
    target: SlaTarget,
    breach: bool,
    bit: i32,
    now: i64,
    limit: i64,
) -> Result<Vec<DueAlert>> {
    let (when, due, met, finished) = match target {
        SlaTarget::FirstResponse => (
            if breach {
                "first_response_due"
            } else {
                "first_response_warn_at"
            },
            "first_response_due",
            "first_response_at",
            "'cancelled', 'closed', 'resolved', 'resolved_remotely'",
        ),
        SlaTarget::Resolution => (
            if breach {
                "resolution_due"
            } else {
                "resolution_warn_at"
            },
            "resolution_due",
            "resolved_at",
            "'cancelled', 'closed'",
        ),
    };
    // A paused clock alerts nothing: its deadlines move on when it resumes.
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select ticket_id, number, priority, ticket_type, status, owner, district, {due} as due_at from ticket
         where {when} <= $1 and {met} is null and status not in ({finished}) and (sla_alerts & $2) = 0
           and paused_since is null
         order by {when} limit $3"
    )))
    .bind(now)
    .bind(bit)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Marks an alert sent; false when another sweep sent it first.
pub(crate) async fn mark_alert(uow: &mut UnitOfWork, ticket_id: &str, bit: i32) -> Result<bool> {
    let done = sqlx::query(
        "update ticket set sla_alerts = sla_alerts | $1 where ticket_id = $2 and (sla_alerts & $1) = 0",
    )
    .bind(bit)
    .bind(ticket_id)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes `owner` responsible if the ticket is still at `version`; false when it moved on.
pub(crate) async fn set_owner(
    uow: &mut UnitOfWork,
    t: &Ticket,
    version: i64,
    owner: &str,
    actor: &str,
    at: i64,
) -> Result<bool> {
    let done = Guard::new("ticket", "ticket_id", t.id, version)
        .update(uow.conn(), "owner = $1, updated_at = $2", |q| {
            q.bind(owner).bind(at)
        })
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    let why = format!("owner: {owner}");
    history(uow.conn(), t.id, Some(t.status), t.status, actor, &why, at).await?;
    Ok(true)
}

/// Records in the history that a complaint went to the manager.
pub(crate) async fn note_escalation(
    uow: &mut UnitOfWork,
    id: Uuid,
    status: TicketStatus,
    at: i64,
) -> Result<()> {
    history(
        uow.conn(),
        id,
        Some(status),
        status,
        "system",
        "escalated to the manager: not resolved within two working days",
        at,
    )
    .await
}

#[derive(FromRow)]
struct FactsRow {
    opened_at: i64,
    first_response_at: Option<i64>,
    first_response_due: i64,
    resolved_at: Option<i64>,
    resolution_due: i64,
    status: String,
    ticket_type: String,
    channel: String,
    district: String,
    priority: String,
    tier: String,
    machine: Option<String>,
    owner: Option<String>,
    reopened: i64,
    paused_ms: i64,
    paused_since: Option<i64>,
}

/// Most tickets one report reads.
pub(crate) const REPORT_MAX: i64 = 200_000;

/// The facts of tickets opened in `[from, to)` for a report (at most [`REPORT_MAX`]).
pub(crate) async fn report_facts(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<crate::domain::report::TicketFacts>> {
    let rows: Vec<FactsRow> = sqlx::query_as(
        "select t.opened_at, t.first_response_at, t.first_response_due, t.resolved_at, t.resolution_due,
            t.status, t.ticket_type, t.channel, t.district, t.priority, t.tier, t.machine, t.owner,
            t.paused_ms, t.paused_since,
            (select count(*) from ticket_history h where h.ticket_id = t.ticket_id and h.to_status = 'reopened') as reopened
         from ticket t where t.opened_at >= $1 and t.opened_at < $2 order by t.opened_at limit $3",
    )
    .bind(from)
    .bind(to)
    .bind(REPORT_MAX)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let machine: Option<aftercare_contracts::intake::MachineInfo> =
                r.machine.as_deref().map(from_json).transpose()?;
            Ok(crate::domain::report::TicketFacts {
                opened_at: from_ms(r.opened_at),
                first_response_at: r.first_response_at.map(from_ms),
                first_response_due: from_ms(r.first_response_due),
                resolved_at: r.resolved_at.map(from_ms),
                resolution_due: from_ms(r.resolution_due),
                cancelled: r.status == "cancelled",
                reopened: r.reopened > 0,
                complaint: r.ticket_type == "complaint",
                district: r.district,
                priority: r.priority,
                ticket_type: r.ticket_type,
                channel: r.channel,
                tier: r.tier,
                product_line: machine.map(|m| m.product_line),
                owner: r.owner,
                paused: chrono::Duration::milliseconds(r.paused_ms),
                paused_since: r.paused_since.map(from_ms),
            })
        })
        .collect()
}

/// A page of a ticket's history rows, oldest first, after skipping `offset` rows.
pub(crate) async fn history_page(
    conn: &mut AnyConnection,
    ticket_id: Uuid,
    offset: i64,
    limit: i64,
) -> Result<Vec<crate::domain::history::StoredRow>> {
    let rows: Vec<(i64, Option<String>, String, String, String)> = sqlx::query_as(
        "select at, from_status, to_status, actor, reason from ticket_history where ticket_id = $1
         order by at, case when from_status is null then 0 else 1 end, to_status, actor, reason
         limit $2 offset $3",
    )
    .bind(ticket_id.to_string())
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(at, from, to, actor, reason)| {
            Ok(crate::domain::history::StoredRow {
                at: from_ms(at),
                from: from.as_deref().map(from_text).transpose()?,
                to: from_text(&to)?,
                actor,
                reason,
            })
        })
        .collect()
}

/// The SLA clock of a ticket as stored.
#[derive(FromRow)]
struct ClockRow {
    paused_since: Option<i64>,
    first_response_due: i64,
    resolution_due: i64,
    first_response_warn_at: i64,
    resolution_warn_at: i64,
    first_response_at: Option<i64>,
    resolved_at: Option<i64>,
}

/// A ticket's SLA clock and since when it stands still, if it does.
pub(crate) async fn clock(
    conn: &mut AnyConnection,
    id: Uuid,
) -> Result<Option<(crate::domain::sla::Clock, Option<DateTime<Utc>>)>> {
    let row: Option<ClockRow> = sqlx::query_as(
        "select paused_since, first_response_due, resolution_due, first_response_warn_at,
            resolution_warn_at, first_response_at, resolved_at from ticket where ticket_id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| {
        (
            crate::domain::sla::Clock {
                first_response_due: from_ms(r.first_response_due),
                resolution_due: from_ms(r.resolution_due),
                first_response_warn_at: from_ms(r.first_response_warn_at),
                resolution_warn_at: from_ms(r.resolution_warn_at),
                first_response_at: r.first_response_at.map(from_ms),
                resolved_at: r.resolved_at.map(from_ms),
            },
            r.paused_since.map(from_ms),
        )
    }))
}

/// Stops a ticket's clock at `at` (entering `status`) and records the interval's start.
pub(crate) async fn pause(
    uow: &mut UnitOfWork,
    id: Uuid,
    status: TicketStatus,
    at: i64,
) -> Result<()> {
    let done = sqlx::query(
        "update ticket set paused_since = $1 where ticket_id = $2 and paused_since is null",
    )
    .bind(at)
    .bind(id.to_string())
    .execute(uow.conn())
    .await?;
    if done.rows_affected() == 1 {
        sqlx::query("insert into ticket_pause (ticket_id, started_at, status) values ($1, $2, $3)")
            .bind(id.to_string())
            .bind(at)
            .bind(to_text(&status))
            .execute(uow.conn())
            .await?;
    }
    Ok(())
}

/// Starts a ticket's clock again at `at` with its moved deadlines, adding the working
/// time the pause took, and closes the interval.
pub(crate) async fn resume(
    uow: &mut UnitOfWork,
    id: Uuid,
    c: &crate::domain::sla::Clock,
    took: chrono::Duration,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "update ticket set paused_since = null, paused_ms = paused_ms + $1, first_response_due = $2,
            resolution_due = $3, first_response_warn_at = $4, resolution_warn_at = $5
         where ticket_id = $6",
    )
    .bind(took.num_milliseconds())
    .bind(c.first_response_due.timestamp_millis())
    .bind(c.resolution_due.timestamp_millis())
    .bind(c.first_response_warn_at.timestamp_millis())
    .bind(c.resolution_warn_at.timestamp_millis())
    .bind(id.to_string())
    .execute(uow.conn())
    .await?;
    sqlx::query("update ticket_pause set ended_at = $1 where ticket_id = $2 and ended_at is null")
        .bind(at)
        .bind(id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// The state a ticket was in before it last began to wait for the customer.
pub(crate) async fn status_before_waiting(
    conn: &mut AnyConnection,
    id: Uuid,
) -> Result<Option<TicketStatus>> {
    let row: Option<(Option<String>,)> = sqlx::query_as(
        "select from_status from ticket_history where ticket_id = $1 and to_status = 'waiting_for_customer'
           and from_status <> 'waiting_for_customer'
         order by at desc limit 1",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    row.and_then(|(s,)| s).as_deref().map(from_text).transpose()
}

/// Records a reply promised by `reply_by` if the ticket is still at `version` (replacing
/// one outstanding, its alerts reset); false when it moved on.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn promise_reply(
    uow: &mut UnitOfWork,
    t: &Ticket,
    version: i64,
    reply_by: DateTime<Utc>,
    warn_at: DateTime<Utc>,
    note: &str,
    actor: &str,
    at: i64,
) -> Result<bool> {
    let done = Guard::new("ticket", "ticket_id", t.id, version)
        .update(
            uow.conn(),
            "reply_by = $1, reply_warn_at = $2, reply_promised_at = $3, reply_promised_by = $4,
            reply_note = $5, reply_alerts = 0, updated_at = $3",
            |q| {
                q.bind(reply_by.timestamp_millis())
                    .bind(warn_at.timestamp_millis())
                    .bind(at)
                    .bind(actor)
                    .bind(note)
            },
        )
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    let by = reply_by.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let why = if note.is_empty() {
        format!("reply promised by {by}")
    } else {
        format!("reply promised by {by}: {note}")
    };
    history(uow.conn(), t.id, Some(t.status), t.status, actor, &why, at).await?;
    Ok(true)
}

/// Records that the promised reply was given if the ticket is still at `version`; false
/// when it moved on.
pub(crate) async fn record_reply(
    uow: &mut UnitOfWork,
    t: &Ticket,
    version: i64,
    note: &str,
    actor: &str,
    at: i64,
) -> Result<bool> {
    let done = Guard::new("ticket", "ticket_id", t.id, version)
        .update(
            uow.conn(),
            "reply_by = null, reply_promised_at = null, updated_at = $1",
            |q| q.bind(at),
        )
        .await?;
    if !done.is_updated() {
        return Ok(false);
    }
    let why = if note.is_empty() {
        "replied as promised".to_owned()
    } else {
        format!("replied as promised: {note}")
    };
    history(uow.conn(), t.id, Some(t.status), t.status, actor, &why, at).await?;
    Ok(true)
}

/// A promised reply whose alert is due.
#[derive(Debug, FromRow)]
pub(crate) struct DueReply {
    pub(crate) ticket_id: String,
    pub(crate) number: String,
    pub(crate) district: String,
    pub(crate) owner: Option<String>,
    pub(crate) reply_promised_by: Option<String>,
    pub(crate) reply_by: i64,
}

/// Promised replies whose warning (`overdue` false, at its 80 % instant) or escalation (at
/// the promised time) is due at `now` and not sent yet, at most `limit`.
pub(crate) async fn due_replies(
    conn: &mut AnyConnection,
    overdue: bool,
    bit: i32,
    now: i64,
    limit: i64,
) -> Result<Vec<DueReply>> {
    let when = if overdue { "reply_by" } else { "reply_warn_at" };
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select ticket_id, number, district, owner, reply_promised_by, reply_by from ticket
         where reply_by is not null and {when} <= $1 and (reply_alerts & $2) = 0
         order by {when} limit $3"
    )))
    .bind(now)
    .bind(bit)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// Marks a promised reply's alert sent for the promise due at `reply_by`; false when
/// another sweep sent it first or the promise changed meanwhile.
pub(crate) async fn mark_reply_alert(
    uow: &mut UnitOfWork,
    ticket_id: &str,
    reply_by: i64,
    bit: i32,
) -> Result<bool> {
    let done = sqlx::query(
        "update ticket set reply_alerts = reply_alerts | $1
         where ticket_id = $2 and reply_by = $3 and (reply_alerts & $1) = 0",
    )
    .bind(bit)
    .bind(ticket_id)
    .bind(reply_by)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}
