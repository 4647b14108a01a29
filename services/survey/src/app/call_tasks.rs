//! Outbound call tasks: queued from the other services' events (a warranty card, a
//! renewal week, a consumable running out, an overdue receipt) and from survey's own
//! callbacks and follow-ups, assigned by the company's rules, worked with attempts,
//! reassigned and closed; the sweep reminds each due time once and escalates an overdue
//! task to the manager once.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{ReceivableOverdue, Renewal};
use aftercare_contracts::intake::{ReplyAlert, WarrantyRegistered};
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::survey::{
    CallAssignmentRules, CallResult, CallTask, CallTaskDue, CallTaskEscalated, CallTaskKind,
    CallTaskRefs, Callback, CallbackStatus, CloseCallTask, FollowUp, RankingKind, ReassignCallTask,
    ReceivableChase, RecordCallAttempt, ReplaceCallAssignmentRules,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::db::{from_text, to_text};
use aftercare_platform::{UnitOfWork, company_settings, from_ms};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::calls::{
    CallAssignment, TaskFacts, assign, check_attempt, consumables_contact_at,
    consumables_contact_due, due_after_attempt, escalate_at, next_working_instant,
};
use crate::domain::periods::period_of;
use crate::store::call_tasks::{self, Closing, LinkColumn, NewAttempt, NewCallTask};
use crate::store::chases;
use crate::store::follow_ups;

/// Days before a consumable runs out that the customer is called (耗材跟进: 7), for an
/// announcement of version 1, which did not name the contact day.
const CONSUMABLES_LEAD_DAYS: u32 = 7;

/// Most tasks one sweep pass reminds or escalates; the rest wait for the next pass.
const SWEEP_BATCH: i64 = 500;

/// What a new task is about, before it is assigned and timed.
struct Spec {
    kind: CallTaskKind,
    source_key: String,
    open_key: String,
    customer_name: String,
    district: String,
    product_line: Option<String>,
    brand: Option<String>,
    reference: String,
    about: String,
    refs: CallTaskRefs,
    due: chrono::DateTime<chrono::Utc>,
    /// An assignee known from the source (a follow-up's responsible agent).
    assignee: Option<String>,
}

/// Queues a task unless its source made one or its subject has one open; assigns it by
/// the company's rules unless the source names the assignee. Returns whether it was made.
async fn queue(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    s: Spec,
) -> aftercare_platform::Result<bool> {
    let (assignee, assigned_by) = match s.assignee.clone() {
        Some(a) => (a, "source".to_owned()),
        None => {
            let (rules, _) = company_settings::current::<CallAssignment>(uow.conn()).await?;
            assign(
                &rules,
                TaskFacts {
                    kind: s.kind,
                    product_line: s.product_line.as_deref(),
                    brand: s.brand.as_deref(),
                    district: &s.district,
                },
            )
        }
    };
    let t = NewCallTask {
        id: Uuid::now_v7(),
        kind: s.kind,
        source_key: s.source_key,
        open_key: s.open_key,
        assignee,
        assigned_by,
        customer_name: s.customer_name,
        district: s.district,
        product_line: s.product_line,
        brand: s.brand,
        reference: s.reference,
        about: s.about,
        refs: s.refs,
        due_at: s.due.timestamp_millis(),
        escalate_at: escalate_at(s.kind, s.due, cal).timestamp_millis(),
        created_at: uow.now_ms(),
    };
    let made = call_tasks::insert(uow, &t).await?;
    if made {
        tracing::info!(task = %t.id, kind = ?t.kind, assignee = %t.assignee, "call task queued");
    }
    Ok(made)
}

/// The welcome call of a warranty card, due when intake said (two working days).
pub(crate) async fn warranty_registered(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    event_id: Uuid,
    w: &WarrantyRegistered,
) -> aftercare_platform::Result<()> {
    let m = &w.machine;
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::WelcomeCall,
            source_key: format!("event:{event_id}"),
            open_key: format!("welcome:{}", w.machine_id),
            customer_name: w.company.clone(),
            district: w.district.clone(),
            product_line: Some(m.product_line.clone()),
            brand: Some(m.brand.clone()),
            reference: w.card_number.clone(),
            about: format!("{} {} {}", m.brand, m.model, m.serial),
            refs: CallTaskRefs {
                customer_id: Some(w.customer_id),
                machine_id: Some(w.machine_id),
                contract: Some(w.card_number.clone()),
                ..CallTaskRefs::default()
            },
            due: w.welcome_call_due,
            assignee: None,
        },
    )
    .await
    .map(drop)
}

/// This week's renewal call, due at once (the next working instant); one open per renewal.
pub(crate) async fn renewal_due(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    event_id: Uuid,
    r: &Renewal,
) -> aftercare_platform::Result<()> {
    let first = r.machines.first();
    let due = next_working_instant(uow.now(), cal);
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::Renewal,
            source_key: format!("event:{event_id}"),
            open_key: format!("renewal:{}", r.id),
            customer_name: r.customer_name.clone(),
            district: r.district.clone(),
            product_line: first.map(|m| m.product_line.clone()),
            brand: first.map(|m| m.brand.clone()),
            reference: r.source.clone(),
            about: format!("{} ends {}", to_text(&r.kind), r.ends_on),
            refs: CallTaskRefs {
                customer_id: Some(r.customer_id),
                contract: Some(r.source.clone()),
                ..CallTaskRefs::default()
            },
            due,
            assignee: None,
        },
    )
    .await
    .map(drop)
}

/// The consumables contact, due at the opening of the contact day inventory named (7 days
/// before the consumable runs out on a working day, unless the company set another lead
/// time); one open per machine and consumable.
pub(crate) async fn consumable_due(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    event_id: Uuid,
    c: &ConsumableReplacementDue,
) -> aftercare_platform::Result<()> {
    let due = match c.contact_on {
        Some(day) => consumables_contact_at(day, uow.now(), cal),
        None => consumables_contact_due(c.empty_on, CONSUMABLES_LEAD_DAYS, uow.now(), cal),
    };
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::ConsumablesContact,
            source_key: format!("event:{event_id}"),
            open_key: format!("consumable:{}:{}:{}", c.brand, c.serial, c.sku),
            customer_name: String::new(),
            district: String::new(),
            product_line: None,
            brand: Some(c.brand.clone()),
            reference: c.serial.clone(),
            about: format!(
                "{} {} {}: {} ({}) runs out {}",
                c.brand, c.model, c.serial, c.name, c.sku, c.empty_on
            ),
            refs: CallTaskRefs::default(),
            due,
            assignee: None,
        },
    )
    .await
    .map(drop)
}

/// The district survey last saw a customer's ticket in.
async fn district_of(
    conn: &mut AnyConnection,
    customer_id: Option<Uuid>,
) -> aftercare_platform::Result<String> {
    let Some(id) = customer_id else {
        return Ok(String::new());
    };
    let row: Option<(String,)> = sqlx::query_as(
        "select district from ticket_info where customer_id = $1 order by opened_at desc limit 1",
    )
    .bind(id.to_string())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| r.0).unwrap_or_default())
}

/// The call about an overdue receipt, due at once; one open per receipt (a chase while
/// last week's call is still open is that call). The chase goes on the weekly chase list of
/// the week (Monday to Sunday) of the service-local day billing chased it (`chased_at`).
pub(crate) async fn receivable_overdue(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    event_id: Uuid,
    chased_at: DateTime<Utc>,
    r: &ReceivableOverdue,
) -> aftercare_platform::Result<()> {
    let district = district_of(uow.conn(), r.customer_id).await?;
    let chased_on = cal.local_date(chased_at);
    let (week, _) = period_of(RankingKind::Weekly, chased_on);
    let mut chase = ReceivableChase {
        invoice_id: r.invoice_id,
        number: r.number.clone(),
        customer_name: r.customer_name.clone(),
        customer_id: r.customer_id,
        district: district.clone(),
        chased_on,
        age_days: r.age_days,
        bucket: r.bucket,
        outstanding: r.outstanding.clone(),
        iou_promised_on: r.iou_promised_on,
        call_task_id: None,
        agent: None,
        call_state: None,
    };
    let due = next_working_instant(uow.now(), cal);
    let owed = &r.outstanding;
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::OverduePayment,
            source_key: format!("event:{event_id}"),
            open_key: format!("receivable:{}", r.invoice_id),
            customer_name: r.customer_name.clone(),
            district,
            product_line: None,
            brand: None,
            reference: r.number.clone(),
            about: format!(
                "owes {} {}.{:02} for {} days",
                owed.currency,
                owed.amount_minor / 100,
                (owed.amount_minor % 100).abs(),
                r.age_days
            ),
            refs: CallTaskRefs {
                customer_id: r.customer_id,
                invoice_id: Some(r.invoice_id),
                ..CallTaskRefs::default()
            },
            due,
            assignee: None,
        },
    )
    .await?;
    chase.call_task_id = chases::open_task_of(uow, r.invoice_id).await?;
    chases::record(
        uow,
        chases::NewChase {
            week,
            chase: &chase,
        },
    )
    .await
    .map(drop)
}

/// A reply an agent promised the customer (我会在X点前给您回复): a follow-up call for the
/// ticket's owner, or whoever promised it, due at the promised time; one open per ticket
/// and promise.
pub(crate) async fn reply_due(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    event_id: Uuid,
    r: &ReplyAlert,
) -> aftercare_platform::Result<()> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("select customer_name, customer_id from ticket_info where ticket_id = $1")
            .bind(r.ticket_id.to_string())
            .fetch_optional(uow.conn())
            .await?;
    let (customer_name, customer_id) = row.unwrap_or_default();
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::FollowUp,
            source_key: format!("event:{event_id}"),
            open_key: format!("reply:{}:{}", r.ticket_id, r.reply_by.timestamp_millis()),
            customer_name,
            district: r.district.clone(),
            product_line: None,
            brand: None,
            reference: r.number.clone(),
            about: format!("reply promised by {}", r.reply_by.to_rfc3339()),
            refs: CallTaskRefs {
                customer_id: customer_id.as_deref().and_then(|c| Uuid::parse_str(c).ok()),
                ticket_id: Some(r.ticket_id),
                ..CallTaskRefs::default()
            },
            due: r.reply_by,
            assignee: Some(r.owner.clone().unwrap_or_else(|| r.promised_by.clone())),
        },
    )
    .await
    .map(drop)
}

/// The task of a new callback, due when the callback is.
pub(crate) async fn callback_scheduled(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    c: &Callback,
) -> aftercare_platform::Result<()> {
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::Callback,
            source_key: format!("callback:{}", c.id),
            open_key: format!("callback:{}", c.id),
            customer_name: c.customer_name.clone(),
            district: c.district.clone(),
            product_line: None,
            brand: None,
            reference: c.work_order_number.clone(),
            about: format!("{:?} callback, technician {}", c.kind, c.technician_name)
                .to_lowercase(),
            refs: CallTaskRefs {
                customer_id: c.customer_id,
                ticket_id: Some(c.ticket_id),
                callback_id: Some(c.id),
                ..CallTaskRefs::default()
            },
            due: c.due_at,
            assignee: None,
        },
    )
    .await
    .map(drop)
}

/// Follows a callback's attempt on its task: a callback still open moves the task's due
/// time to its next call; a closed one closes the task with the matching result.
pub(crate) async fn callback_moved(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    callback_id: Uuid,
    status: CallbackStatus,
    next_due: Option<chrono::DateTime<chrono::Utc>>,
    by: &str,
) -> aftercare_platform::Result<()> {
    let result = match status {
        CallbackStatus::Scheduled => {
            if let Some(due) = next_due {
                let esc = escalate_at(CallTaskKind::Callback, due, cal);
                call_tasks::follow_callback_due(
                    uow,
                    callback_id,
                    due.timestamp_millis(),
                    esc.timestamp_millis(),
                )
                .await?;
            }
            return Ok(());
        }
        CallbackStatus::Completed => CallResult::Done,
        CallbackStatus::Refused => CallResult::Declined,
        CallbackStatus::Unreachable => CallResult::Unreachable,
    };
    close_linked(uow, LinkColumn::Callback, callback_id, result, "", by).await
}

async fn close_linked(
    uow: &mut UnitOfWork,
    column: LinkColumn,
    id: Uuid,
    result: CallResult,
    note: &str,
    by: &str,
) -> aftercare_platform::Result<()> {
    if let Some((task, _)) = call_tasks::open_task_of(uow.conn(), column, id).await? {
        let at = uow.now_ms();
        let closing = Closing {
            result,
            note,
            by,
            at,
        };
        call_tasks::close(uow, task, None, &closing).await?;
    }
    Ok(())
}

/// The answer owed to a dissatisfied customer: a complaint-answer task for the follow-up's
/// responsible agent (or by the rules when the ticket had none), due when the follow-up is.
pub(crate) async fn follow_up_created(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    f: &FollowUp,
    c: &Callback,
) -> aftercare_platform::Result<()> {
    queue(
        uow,
        cal,
        Spec {
            kind: CallTaskKind::ComplaintAnswer,
            source_key: format!("followup:{}", f.id),
            open_key: format!("followup:{}", f.id),
            customer_name: c.customer_name.clone(),
            district: c.district.clone(),
            product_line: None,
            brand: None,
            reference: c.work_order_number.clone(),
            about: f.reasons.join("; "),
            refs: CallTaskRefs {
                customer_id: c.customer_id,
                ticket_id: Some(f.ticket_id),
                callback_id: Some(c.id),
                followup_id: Some(f.id),
                ..CallTaskRefs::default()
            },
            due: f.due_at,
            assignee: f.agent.clone(),
        },
    )
    .await
    .map(drop)
}

/// A resolved follow-up closes its task.
pub(crate) async fn follow_up_resolved(
    uow: &mut UnitOfWork,
    followup_id: Uuid,
    resolution: &str,
    by: &str,
) -> aftercare_platform::Result<()> {
    close_linked(
        uow,
        LinkColumn::FollowUp,
        followup_id,
        CallResult::Done,
        resolution,
        by,
    )
    .await
}

/// The task `id` for a change: it must exist, be at `expected` and still be open.
async fn open_task(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    id: &str,
    expected: i64,
) -> Result<CallTask, ServiceError> {
    let now = uow.now_ms();
    let t = call_tasks::task(uow.conn(), id.trim(), now, cal)
        .await?
        .ok_or_else(|| ServiceError::not_found("call task", id))?;
    if t.version != expected {
        return Err(ServiceError::stale(format!(
            "call task {} is at version {}, not {expected}",
            t.id, t.version
        )));
    }
    if t.result.is_some() {
        return Err(ServiceError::conflict(
            "call_task_closed",
            format!("call task {} is already closed", t.id),
        ));
    }
    Ok(t)
}

async fn reread(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    id: Uuid,
) -> Result<CallTask, ServiceError> {
    let now = uow.now_ms();
    call_tasks::task(uow.conn(), &id.to_string(), now, cal)
        .await?
        .ok_or_else(|| ServiceError::not_found("call task", &id.to_string()))
}

/// Records one call attempt by `by`: a busy customer's task moves to the agreed time
/// (and its escalation with it), an unreachable one's to the next try (its escalation
/// stays); reached or refused leave it to be closed with a result.
pub(crate) async fn attempt(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    req: &RecordCallAttempt,
    by: &str,
) -> Result<CallTask, ServiceError> {
    let now = uow.now();
    let errors = check_attempt(req.outcome, req.next_try_at, &req.note, now);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = open_task(uow, cal, &req.task_id, req.expected_version).await?;
    let next = due_after_attempt(req.outcome, req.next_try_at, now, cal);
    let moved = next.map(|due| {
        let esc = if req.outcome == aftercare_contracts::survey::CallOutcome::Busy {
            escalate_at(t.kind, due, cal)
        } else {
            t.escalate_at
        };
        (due.timestamp_millis(), esc.timestamp_millis())
    });
    let a = NewAttempt {
        outcome: req.outcome,
        by,
        note: req.note.trim(),
        next_try_at: next.map(|d| d.timestamp_millis()),
        at: now.timestamp_millis(),
    };
    if !call_tasks::record_attempt(uow, t.id, t.version, &a, moved).await? {
        return Err(ServiceError::stale("the call task was changed meanwhile"));
    }
    reread(uow, cal, t.id).await
}

/// Gives an open task to another assignee (a user id or a queue name).
pub(crate) async fn reassign(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    req: &ReassignCallTask,
    by: &str,
) -> Result<CallTask, ServiceError> {
    let mut e = Vec::new();
    aftercare_contracts::survey::calls::limits::ASSIGNEE.check(&mut e, "assignee", &req.assignee);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let t = open_task(uow, cal, &req.task_id, req.expected_version).await?;
    if !call_tasks::reassign(uow, t.id, t.version, req.assignee.trim(), by).await? {
        return Err(ServiceError::stale("the call task was changed meanwhile"));
    }
    reread(uow, cal, t.id).await
}

/// Closes an open task with its result. A callback closes with its answer (409 here);
/// a complaint answer needs the note, which resolves its follow-up too.
pub(crate) async fn close(
    uow: &mut UnitOfWork,
    cal: &BusinessCalendar,
    req: &CloseCallTask,
    by: &str,
) -> Result<CallTask, ServiceError> {
    let mut e = Vec::new();
    aftercare_contracts::survey::calls::limits::NOTE.check(&mut e, "note", &req.note);
    let t = open_task(uow, cal, &req.task_id, req.expected_version).await?;
    if t.kind == CallTaskKind::ComplaintAnswer && req.note.trim().is_empty() {
        e.push(aftercare_contracts::FieldError {
            field: "note".into(),
            code: "required".into(),
            message: "say how the customer was answered".into(),
        });
    }
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    if t.kind == CallTaskKind::Callback {
        return Err(ServiceError::conflict(
            "close_through_callback",
            "a callback task closes when its callback is recorded (POST /callbacks/{id}/attempts)",
        ));
    }
    let at = uow.now_ms();
    if let Some(f) = t.refs.followup_id
        && let Some(fu) = follow_ups::follow_up(uow.conn(), &f.to_string()).await?
    {
        follow_ups::resolve_follow_up(uow, fu.id, fu.version, req.note.trim(), by, at).await?;
    }
    let closing = Closing {
        result: req.result,
        note: req.note.trim(),
        by,
        at,
    };
    if !call_tasks::close(uow, t.id, Some(t.version), &closing).await? {
        return Err(ServiceError::stale("the call task was changed meanwhile"));
    }
    reread(uow, cal, t.id).await
}

/// The assignment rules in force.
pub(crate) async fn rules(
    conn: &mut AnyConnection,
) -> aftercare_platform::Result<CallAssignmentRules> {
    let (rules, version) = company_settings::current::<CallAssignment>(conn).await?;
    Ok(CallAssignmentRules { rules, version })
}

/// Replaces the assignment rules at the version the caller read.
pub(crate) async fn replace_rules(
    uow: &mut UnitOfWork,
    req: ReplaceCallAssignmentRules,
    by: &str,
) -> Result<CallAssignmentRules, ServiceError> {
    let (rules, version) =
        company_settings::replace_in::<CallAssignment>(uow, by, req.rules, req.expected_version)
            .await?;
    Ok(CallAssignmentRules { rules, version })
}

/// Announces every open task whose due time came and was not announced yet
/// (`survey.call_task.due`, once per due time); returns how many.
pub(crate) async fn remind_due(uow: &mut UnitOfWork) -> aftercare_platform::Result<usize> {
    let now = uow.now_ms();
    let rows = call_tasks::to_remind(uow.conn(), now, SWEEP_BATCH).await?;
    let mut n = 0;
    for r in rows {
        if !call_tasks::mark_reminded(uow, &r.task_id, r.due_at, now).await? {
            continue;
        }
        let e = CallTaskDue {
            task_id: aftercare_platform::db::parse_id(&r.task_id)?,
            kind: from_text(&r.kind)?,
            assignee: r.assignee,
            district: r.district,
            reference: r.reference,
            due_at: from_ms(r.due_at),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
        n += 1;
    }
    Ok(n)
}

/// Escalates every open task past its kind's escalation time to the manager
/// (`survey.call_task.escalated`, once per task); returns how many.
pub(crate) async fn escalate_due(uow: &mut UnitOfWork) -> aftercare_platform::Result<usize> {
    let now = uow.now_ms();
    let rows = call_tasks::to_escalate(uow.conn(), now, SWEEP_BATCH).await?;
    let mut n = 0;
    for r in rows {
        if !call_tasks::mark_escalated(uow, &r.task_id, now).await? {
            continue;
        }
        tracing::warn!(task = %r.task_id, "call task escalated to the manager");
        let e = CallTaskEscalated {
            task_id: aftercare_platform::db::parse_id(&r.task_id)?,
            kind: from_text(&r.kind)?,
            assignee: r.assignee,
            district: r.district,
            reference: r.reference,
            due_at: from_ms(r.due_at),
            escalated_at: from_ms(now),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
        n += 1;
    }
    Ok(n)
}
