//! Work orders: creation and automatic assignment (for the event handlers), reading and
//! listing, assignment by hand, the technician's progress, appointments and the visit
//! report with its outcomes.

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    AssignWorkOrder, BookAppointment, CompleteWorkOrder, GetWorkOrder, GetWorkOrderHistory,
    ListWorkOrders, MeterRead, PartUsed, PartsRequested, PartsStatus, RequestParts,
    TransitionWorkOrder, VisitOutcome, VisitReport, VisitUnresolved, WorkOrder,
    WorkOrderAppointmentBooked, WorkOrderAssigned, WorkOrderCancelled, WorkOrderCompleted,
    WorkOrderCouldNotFix, WorkOrderHistoryEntry, WorkOrderStatus, WorkOrderStatusChanged,
    WorkOrderTakenToWorkshop, WorkOrderUnassigned, WorkOrderWaitingForParts, WorkType,
};
use aftercare_contracts::intake::{GeoPoint, MachineInfo, Priority};
use aftercare_contracts::inventory::ReservedLine;
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use chrono::NaiveTime;
use tracing::Instrument;
use uuid::Uuid;

use super::{actor, day_plans};
use crate::domain::assignment::{Assignment, Need, assign, refusal, score};
use crate::domain::{
    after_visit, estimate, may_assign, may_move, may_report, validate_completion,
    validate_parts_request, validate_window,
};
use crate::store::{self, technicians};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<GetWorkOrder, _>(get)
        .on::<GetWorkOrderHistory, _>(history)
        .on::<ListWorkOrders, _>(list)
        .on::<CompleteWorkOrder, _>(complete)
        .on::<AssignWorkOrder, _>(assign_by_hand)
        .on::<TransitionWorkOrder, _>(transition)
        .on::<BookAppointment, _>(book)
        .on::<RequestParts, _>(request_parts)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .map(|s| s.order)
        .ok_or_else(|| ServiceError::not_found("work order", &req.id))
}

/// A page of a work order's history, oldest first; the cursor is the number of entries read.
async fn history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetWorkOrderHistory,
) -> Result<Page<WorkOrderHistoryEntry>, ServiceError> {
    check_limit(req.limit)?;
    let offset = match req.cursor.as_deref() {
        None => 0,
        Some(c) => c.parse::<u32>().map_err(|_| {
            ServiceError::field("cursor", "invalid", "cursor is not one this list gave")
        })?,
    };
    let mut conn = db.read_conn().await?;
    let stored = store::get(&mut conn, req.work_order_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("work order", &req.work_order_id))?;
    let rows = store::history_page(
        &mut conn,
        stored.order.id,
        i64::from(offset),
        i64::from(req.limit),
    )
    .await?;
    let items: Vec<WorkOrderHistoryEntry> = rows
        .into_iter()
        .map(crate::domain::history::entry)
        .collect();
    let next = offset.saturating_add(u32::try_from(items.len()).unwrap_or(u32::MAX));
    Ok(Page::of(items, req.limit, |_| next.to_string()))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListWorkOrders,
) -> Result<Page<WorkOrder>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        &store::ListFilter {
            ticket_id: req.ticket_id,
            technician_id: req.technician_id,
            status: req.status,
            flagged: req.flagged,
            order: req.order.unwrap_or_default(),
            after: req.cursor.as_deref().unwrap_or(""),
            limit: i64::from(req.limit),
        },
    )
    .await?;
    Ok(Page::of(items, req.limit, |x| x.id.to_string()))
}

/// What assignment needs to know of a work order: the day of the visit (the appointment's,
/// or today), the appointment in local times, skills, the certificate, place, urgency.
pub(crate) fn need_of(w: &WorkOrder, calendar: &BusinessCalendar, now: i64) -> Need {
    let tz = calendar.time_zone();
    let (day, window) = match w.appointment {
        Some(a) => {
            let (s, e) = (a.start.with_timezone(&tz), a.end.with_timezone(&tz));
            let end = if e.date_naive() == s.date_naive() {
                e.time()
            } else {
                NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)
            };
            (s.date_naive(), Some((s.time(), end)))
        }
        None => (calendar.local_date(from_ms(now)), None),
    };
    Need {
        district: w.district.clone(),
        skills: w.required_skills.clone(),
        certificate_for: w
            .machine
            .as_ref()
            .map(|m| m.product_line.trim().to_lowercase())
            .filter(|p| !p.is_empty()),
        day,
        window,
        location: w.location,
        priority: w.priority,
    }
}

/// Skills a machine calls for: its product line and its brand, in lower case.
pub(crate) fn skills_for(machine: Option<&MachineInfo>) -> Vec<String> {
    let mut skills: Vec<String> = machine
        .iter()
        .flat_map(|m| {
            [
                m.product_line.trim().to_lowercase(),
                m.brand.trim().to_lowercase(),
            ]
        })
        .filter(|s| !s.is_empty())
        .collect();
    skills.dedup();
    skills
}

/// Announces an assignment (or that nobody qualifies).
async fn announce(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    decision: &Assignment,
    actor: Option<Actor>,
    now: i64,
) -> Result<(), ServiceError> {
    match decision {
        Assignment::To {
            technician,
            name,
            reasons,
            ..
        } => {
            let e = WorkOrderAssigned {
                work_order_id: w.id,
                number: w.number.clone(),
                ticket_id: w.ticket_id,
                technician_id: *technician,
                technician_name: name.clone(),
                priority: w.priority,
                reasons: reasons.clone(),
                assigned_at: from_ms(now),
            };
            uow.emit(&Envelope::new(e, actor)).await?;
        }
        Assignment::Nobody(reasons) => {
            tracing::warn!(work_order = %w.number, "no technician qualifies; work order waits for a dispatcher");
            let e = WorkOrderUnassigned {
                work_order_id: w.id,
                number: w.number.clone(),
                ticket_id: w.ticket_id,
                reasons: reasons.clone(),
            };
            uow.emit(&Envelope::new(e, actor)).await?;
        }
    }
    Ok(())
}

/// A visit to turn into a work order.
pub(crate) struct NewVisit<'a> {
    pub(crate) ticket_id: Uuid,
    pub(crate) ticket_number: &'a str,
    pub(crate) priority: Priority,
    pub(crate) customer_name: &'a str,
    pub(crate) district: &'a str,
    pub(crate) address: &'a str,
    pub(crate) location: Option<GeoPoint>,
    pub(crate) machine: Option<&'a MachineInfo>,
    pub(crate) work_type: WorkType,
    pub(crate) sla_due: Option<i64>,
    pub(crate) revisit_of: Option<Uuid>,
    /// Give it to this technician (a return visit) instead of choosing.
    pub(crate) technician: Option<(Uuid, String)>,
}

/// Creates a work order and assigns it at once when someone qualifies (flagged when
/// nobody does), announcing either; returns it.
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    v: NewVisit<'_>,
) -> Result<WorkOrder, ServiceError> {
    let now = now_ms();
    let number = uow
        .next_number(
            &crate::domain::numbering::WORK_ORDER,
            calendar,
            from_ms(now),
        )
        .await?;
    let skills = skills_for(v.machine);
    let rules = store::duration_rules(uow.conn())
        .await?
        .map(|(r, _)| r)
        .unwrap_or_default();
    let minutes = estimate(&rules, v.work_type, v.machine.map(|m| m.model.as_str()));
    let id = Uuid::now_v7();
    let draft = WorkOrder {
        id,
        number: number.clone(),
        ticket_id: v.ticket_id,
        ticket_number: v.ticket_number.to_owned(),
        status: WorkOrderStatus::Unassigned,
        priority: v.priority,
        customer_name: v.customer_name.to_owned(),
        district: v.district.to_owned(),
        technician_id: None,
        assignment_reasons: vec![],
        score: None,
        flagged: false,
        work_type: v.work_type,
        required_skills: skills.clone(),
        estimated_minutes: minutes,
        machine: v.machine.cloned(),
        address: v.address.to_owned(),
        location: v.location,
        appointment: None,
        sla_due: v.sla_due.map(from_ms),
        planned_arrival: None,
        revisit_of: v.revisit_of,
        diagnosis: None,
        parts: vec![],
        parts_requested: vec![],
        parts_status: None,
        visit: None,
        history: vec![],
        created_at: from_ms(now),
        completed_at: None,
        version: 1,
    };
    let decision = match &v.technician {
        Some((tech, name)) => Assignment::To {
            technician: *tech,
            name: name.clone(),
            score: 0,
            reasons: vec!["return visit by the technician who diagnosed it".into()],
        },
        None => {
            let need = need_of(&draft, calendar, now);
            assign(&need, &technicians::candidates(uow.conn(), need.day).await?)
        }
    };
    let (status, technician_id, score, reasons) = match &decision {
        Assignment::To {
            technician,
            score,
            reasons,
            ..
        } => (
            WorkOrderStatus::Assigned,
            Some(*technician),
            Some(*score),
            reasons.clone(),
        ),
        Assignment::Nobody(reasons) => (WorkOrderStatus::Unassigned, None, None, reasons.clone()),
    };
    store::insert_work_order(
        uow,
        &store::NewWorkOrder {
            id,
            number: &number,
            ticket_id: v.ticket_id,
            ticket_number: v.ticket_number,
            status,
            priority: v.priority,
            customer_name: v.customer_name,
            district: v.district,
            address: v.address,
            location: v.location,
            machine: v.machine,
            work_type: v.work_type,
            required_skills: &skills,
            estimated_minutes: draft.estimated_minutes,
            sla_due: v.sla_due,
            revisit_of: v.revisit_of,
            technician_id,
            score,
            reasons: &reasons,
            actor: "dispatch",
        },
        now,
    )
    .await?;
    announce(uow, &draft, &decision, Some(Actor::system()), now).await?;
    let created = store::get(uow.conn(), &id.to_string())
        .await?
        .map(|s| s.order)
        .ok_or_else(ServiceError::internal)?;
    if let Some(t) = technician_id {
        day_plans::replan_if_published(uow, calendar, &created, t).await?;
    }
    Ok(created)
}

/// Loads a work order for a change at `version`.
async fn current(
    uow: &mut UnitOfWork,
    id: &str,
    version: Option<i64>,
) -> Result<store::StoredWorkOrder, ServiceError> {
    let stored = store::get(uow.conn(), id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("work order", id))?;
    if let Some(v) = version
        && v != stored.order.version
    {
        return Err(ServiceError::stale(format!(
            "work order {} is at version {}, not {v}",
            stored.order.number, stored.order.version
        )));
    }
    Ok(stored)
}

fn illegal(w: &WorkOrder, what: &str) -> ServiceError {
    ServiceError::conflict(
        "illegal_transition",
        format!(
            "work order {} is {:?} and cannot {what}",
            w.number, w.status
        ),
    )
}

async fn reread(uow: &mut UnitOfWork, id: Uuid) -> Result<WorkOrder, ServiceError> {
    store::get(uow.conn(), &id.to_string())
        .await?
        .map(|s| s.order)
        .ok_or_else(ServiceError::internal)
}

/// A dispatcher assigns or reassigns: to a named technician (hard rules apply, capacity
/// may be exceeded) or, without one, by the automatic rules again.
async fn assign_by_hand(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: AssignWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let mut e = Vec::new();
    aftercare_contracts::rpc::check_text(&mut e, "reason", &req.reason, 1, 500);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let now = now_ms();
    let who = actor(&ctx);
    let mut uow = db.begin().await?;
    let w = current(&mut uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !may_assign(w.status) {
        return Err(illegal(&w, "be reassigned"));
    }
    let need = need_of(&w, &calendar, now);
    let candidates = technicians::candidates(uow.conn(), need.day).await?;
    let decision = match req.technician_id {
        Some(t) => {
            let Some(c) = candidates.iter().find(|c| c.id == t) else {
                return Err(ServiceError::field(
                    "technician_id",
                    "not_found",
                    "no active technician with this id",
                ));
            };
            if let Some(why) = refusal(&need, c, true) {
                return Err(ServiceError::field("technician_id", "not_qualified", why));
            }
            let (points, mut reasons) = score(&need, c);
            reasons.insert(0, format!("chosen by {who}: {}", req.reason.trim()));
            Assignment::To {
                technician: c.id,
                name: c.name.clone(),
                score: points,
                reasons,
            }
        }
        None => assign(&need, &candidates),
    };
    let (technician_id, points, reasons) = match &decision {
        Assignment::To {
            technician,
            score,
            reasons,
            ..
        } => (Some(*technician), Some(*score), reasons.clone()),
        Assignment::Nobody(reasons) => (None, None, reasons.clone()),
    };
    let change = store::AssignChange {
        technician_id,
        score: points,
        reasons: &reasons,
        actor: &who,
        reason: req.reason.trim(),
    };
    if !store::assign(&mut uow, &w, &change, now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    announce(&mut uow, &w, &decision, ctx.actor.clone(), now).await?;
    let updated = reread(&mut uow, w.id).await?;
    if let Some(t) = technician_id {
        day_plans::replan_if_published(&mut uow, &calendar, &updated, t).await?;
    }
    let updated = reread(&mut uow, w.id).await?;
    uow.commit().await?;
    Ok(updated)
}

/// The technician's progress (accepted, en route, on site) or a cancellation.
async fn transition(
    State { db, .. }: State,
    ctx: RequestContext,
    req: TransitionWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let reason = req.reason.trim();
    if req.to == WorkOrderStatus::Cancelled && reason.is_empty() {
        return Err(ServiceError::field(
            "reason",
            "required",
            "say why the work order is cancelled",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(ServiceError::field(
            "reason",
            "too_long",
            "reason must be at most 500 characters",
        ));
    }
    let now = now_ms();
    let who = actor(&ctx);
    let mut uow = db.begin().await?;
    let w = current(&mut uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !may_move(w.status, req.to) {
        return Err(illegal(&w, &format!("move to {:?}", req.to)));
    }
    if !store::move_to(&mut uow, &w, req.to, &who, reason, now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    if req.to == WorkOrderStatus::Cancelled {
        let e = WorkOrderCancelled {
            work_order_id: w.id,
            number: w.number.clone(),
            ticket_id: w.ticket_id,
            reason: reason.to_owned(),
            at: from_ms(now),
        };
        uow.emit(&Envelope::new(e, ctx.actor.clone())).await?;
    }
    let updated = reread(&mut uow, w.id).await?;
    let e = WorkOrderStatusChanged {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id: updated.technician_id,
        from: w.status,
        to: updated.status,
        at: from_ms(now),
    };
    uow.emit(&Envelope::new(e, ctx.actor.clone())).await?;
    uow.commit().await?;
    Ok(updated)
}

/// Books the appointment agreed with the customer; a published day plan is re-planned
/// for the technician concerned.
async fn book(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: BookAppointment,
) -> Result<WorkOrder, ServiceError> {
    let errors = validate_window(&req.window);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let mut uow = db.begin().await?;
    let w = current(&mut uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !(may_assign(w.status) || may_report(w.status)) {
        return Err(illegal(&w, "be booked"));
    }
    if !store::book(&mut uow, &w, &req.window, &actor(&ctx), now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    let updated = reread(&mut uow, w.id).await?;
    if let Some(t) = updated.technician_id {
        day_plans::replan_if_published(&mut uow, &calendar, &updated, t).await?;
    }
    let updated = reread(&mut uow, w.id).await?;
    let e = WorkOrderAppointmentBooked {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id: updated.technician_id,
        window: req.window,
        at: from_ms(now),
    };
    uow.emit(&Envelope::new(e, ctx.actor.clone())).await?;
    uow.commit().await?;
    Ok(updated)
}

/// Asks inventory for parts ahead of the visit (`dispatch.parts.requested`).
async fn request_parts(
    State { db, .. }: State,
    ctx: RequestContext,
    req: RequestParts,
) -> Result<WorkOrder, ServiceError> {
    let errors = validate_parts_request(&req.parts);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let mut uow = db.begin().await?;
    let w = current(&mut uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !(may_assign(w.status) || may_report(w.status)) {
        return Err(illegal(&w, "take a parts request"));
    }
    let parts: Vec<PartUsed> = req
        .parts
        .iter()
        .map(|p| PartUsed {
            sku: p.sku.trim().to_owned(),
            quantity: p.quantity,
            location: p.location.as_deref().map(|l| l.trim().to_owned()),
        })
        .collect();
    if !store::request_parts(&mut uow, &w, &parts, &actor(&ctx), now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    let van = match w.technician_id {
        Some(t) => technicians::get(uow.conn(), &t.to_string())
            .await?
            .and_then(|t| t.van_location),
        None => None,
    };
    uow.emit(&Envelope::new(
        PartsRequested {
            work_order_id: w.id,
            number: w.number.clone(),
            technician_id: w.technician_id,
            van_location: van,
            parts,
            at: from_ms(now),
        },
        ctx.actor.clone(),
    ))
    .await?;
    let updated = reread(&mut uow, w.id).await?;
    uow.commit().await?;
    Ok(updated)
}

/// The visit report: files it, moves the work order by the outcome and announces it
/// (completed for billing, inventory, survey and intake; waiting for parts with the
/// parts request and the return visit; workshop; could not fix), plus the meter reading.
async fn complete(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CompleteWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let errors = validate_completion(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let stored = current(&mut uow, &req.work_order_id, req.expected_version).await?;
    let w = &stored.order;
    let Some(technician_id) = w.technician_id.filter(|_| may_report(w.status)) else {
        return Err(illegal(w, "be reported on"));
    };
    let now = now_ms();
    let who = actor(&ctx);
    let visit = VisitReport {
        outcome: req.outcome,
        diagnosis: req.diagnosis.trim().to_owned(),
        fault: req.fault.clone(),
        parts_cleaned: req.parts_cleaned.trim().to_owned(),
        adjustments: req.adjustments.trim().to_owned(),
        result: req.result.trim().to_owned(),
        parts: req.parts.clone(),
        parts_needed: req.parts_needed.clone(),
        meter_reading: req.meter_reading,
        consumables_level: req.consumables_level,
        hazards: req.hazards.trim().to_owned(),
        signed_by: req.signature.as_ref().map(|s| s.signer.trim().to_owned()),
        payment_collected: req.payment_collected.clone(),
        started_at: req.started_at,
        finished_at: req.finished_at,
    };
    let to = after_visit(req.outcome);
    if !store::report_visit(&mut uow, w, to, &visit, &who, now).await? {
        return Err(ServiceError::stale(format!(
            "work order {} was changed meanwhile",
            w.number
        )));
    }
    // The visit's events continue the ticket's trace (linked to this request's).
    let span = aftercare_platform::telemetry::span_in_stored_trace(
        &stored.trace_context,
        "dispatch.workorder.completed emit",
    );
    announce_visit(
        &mut uow,
        &calendar,
        w,
        technician_id,
        &visit,
        ctx.actor.clone(),
        now,
    )
    .instrument(span)
    .await?;
    let updated = reread(&mut uow, w.id).await?;
    uow.commit().await?;
    Ok(updated)
}

async fn announce_visit(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    w: &WorkOrder,
    technician_id: Uuid,
    v: &VisitReport,
    actor: Option<Actor>,
    now: i64,
) -> Result<(), ServiceError> {
    let (technician_name, team) = technicians::name_and_team(uow.conn(), technician_id).await?;
    if let (Some(machine), Some(reading)) = (&w.machine, v.meter_reading) {
        let e = MeterRead {
            work_order_id: w.id,
            machine: machine.clone(),
            reading,
            consumables_level: v.consumables_level,
            read_at: v.finished_at,
        };
        uow.emit(&Envelope::new(e, actor.clone())).await?;
    }
    let unresolved = || VisitUnresolved {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id,
        diagnosis: v.diagnosis.clone(),
        result: v.result.clone(),
        at: from_ms(now),
    };
    match v.outcome {
        VisitOutcome::Completed => {
            let e = WorkOrderCompleted {
                work_order_id: w.id,
                number: w.number.clone(),
                ticket_id: w.ticket_id,
                technician_id,
                technician_name,
                team,
                customer_name: w.customer_name.clone(),
                district: w.district.clone(),
                machine: w.machine.clone(),
                started_at: v.started_at,
                finished_at: v.finished_at,
                diagnosis: v.diagnosis.clone(),
                fault: v.fault.clone(),
                parts: v.parts.clone(),
                meter_reading: v.meter_reading,
                work_type: w.work_type,
                cash_collected: v.payment_collected.clone(),
            };
            uow.emit(&Envelope::new(e, actor)).await?;
        }
        VisitOutcome::WaitingForParts => {
            let revisit = create(
                uow,
                calendar,
                NewVisit {
                    ticket_id: w.ticket_id,
                    ticket_number: &w.ticket_number,
                    priority: w.priority,
                    customer_name: &w.customer_name,
                    district: &w.district,
                    address: &w.address,
                    location: w.location,
                    machine: w.machine.as_ref(),
                    work_type: w.work_type,
                    sla_due: w.sla_due.map(|d| d.timestamp_millis()),
                    revisit_of: Some(w.id),
                    technician: Some((technician_id, technician_name)),
                },
            )
            .await?;
            let van = technicians::get(uow.conn(), &technician_id.to_string())
                .await?
                .and_then(|t| t.van_location);
            uow.emit(&Envelope::new(
                PartsRequested {
                    work_order_id: revisit.id,
                    number: revisit.number.clone(),
                    technician_id: Some(technician_id),
                    van_location: van,
                    parts: v.parts_needed.clone(),
                    at: from_ms(now),
                },
                actor.clone(),
            ))
            .await?;
            uow.emit(&Envelope::new(
                WorkOrderWaitingForParts {
                    work_order_id: w.id,
                    number: w.number.clone(),
                    ticket_id: w.ticket_id,
                    technician_id,
                    revisit_work_order_id: revisit.id,
                    revisit_number: revisit.number,
                    parts_needed: v.parts_needed.clone(),
                    diagnosis: v.diagnosis.clone(),
                    at: from_ms(now),
                },
                actor,
            ))
            .await?;
        }
        VisitOutcome::TakenToWorkshop => {
            uow.emit(&Envelope::new(
                WorkOrderTakenToWorkshop(unresolved()),
                actor,
            ))
            .await?;
        }
        VisitOutcome::CouldNotFix => {
            uow.emit(&Envelope::new(WorkOrderCouldNotFix(unresolved()), actor))
                .await?;
        }
    }
    Ok(())
}

fn lines_text(lines: &[ReservedLine]) -> String {
    lines
        .iter()
        .map(|l| match &l.location {
            Some(at) => format!("{} ×{} at {at}", l.sku, l.quantity),
            None => format!("{} ×{}", l.sku, l.quantity),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Inventory's answer to a parts request: held (reserved), not in stock (backordered: the
/// appointment is released and the order stays off routes until the parts come), or in
/// after a backorder (arrived: ready to book).
pub(crate) async fn on_parts_answer(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    answer: PartsStatus,
    lines: &[ReservedLine],
) -> Result<(), ServiceError> {
    let Some(stored) = store::get(uow.conn(), &work_order_id.to_string()).await? else {
        return Ok(());
    };
    let w = stored.order;
    if !(may_assign(w.status) || may_report(w.status)) {
        return Ok(());
    }
    let now = now_ms();
    let text = lines_text(lines);
    match answer {
        PartsStatus::Reserved if w.parts_status != Some(PartsStatus::Backordered) => {
            store::set_parts_status(
                uow,
                &w,
                answer,
                false,
                &format!("parts reserved: {text}"),
                now,
            )
            .await?;
        }
        PartsStatus::Reserved => {}
        PartsStatus::Backordered => {
            let release = w.appointment.is_some();
            let reason = if release {
                format!("parts backordered: {text}; appointment released until they arrive")
            } else {
                format!("parts backordered: {text}")
            };
            store::set_parts_status(uow, &w, answer, release, &reason, now).await?;
        }
        PartsStatus::Arrived => {
            store::set_parts_status(
                uow,
                &w,
                answer,
                false,
                &format!("parts arrived: {text}; book the visit"),
                now,
            )
            .await?;
        }
    }
    Ok(())
}
