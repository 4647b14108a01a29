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
    resolution_due, first_response_at, resolved_at, owner, return_reason, reporter, attachments, opened_at, updated_at, version from ticket";

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
    const OPEN: &str = "status not in ('cancelled', 'closed')";
    let missed = format!(
        "((first_response_at is null and first_response_due <= $10 and status <> 'cancelled')
          or (first_response_at is not null and first_response_at > first_response_due)
          or (resolved_at is null and resolution_due <= $10 and {OPEN})
          or (resolved_at is not null and resolved_at > resolution_due))"
    );
    let warned = format!(
        "((first_response_at is null and first_response_warn_at <= $10 and status <> 'cancelled')
          or (resolved_at is null and resolution_warn_at <= $10 and {OPEN}))"
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
           and ($11 = '' or owner = $11)
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
        "update ticket set status = 'closed', updated_at = $1, version = version + 1
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
            resolved_at = case when $4 = 1 then $2 when $1 = 'reopened' then null else resolved_at end",
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
/// already met is never alerted.
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
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select ticket_id, number, priority, ticket_type, status, owner, district, {due} as due_at from ticket
         where {when} <= $1 and {met} is null and status not in ({finished}) and (sla_alerts & $2) = 0
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
    district: String,
    priority: String,
    tier: String,
    machine: Option<String>,
    owner: Option<String>,
    reopened: i64,
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
            t.status, t.ticket_type, t.district, t.priority, t.tier, t.machine, t.owner,
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
                tier: r.tier,
                product_line: machine.map(|m| m.product_line),
                owner: r.owner,
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
