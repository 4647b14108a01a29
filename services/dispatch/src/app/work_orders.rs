//! Work orders: created for a ticket (and assigned at once when someone qualifies),
//! reassigned by a dispatcher, moved by the technician's progress, booked, and given
//! parts; inventory's answers update them.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    AssignWorkOrder, BookAppointment, PartsRequested, PartsStatus, RequestParts,
    TransitionWorkOrder, WorkOrder, WorkOrderAppointmentBooked, WorkOrderCancelled,
    WorkOrderStatus, WorkOrderStatusChanged, WorkType,
};
use aftercare_contracts::intake::{
    GeoPoint, MachineInfo, Priority, TicketOpened, TicketVisitRequested,
};
use aftercare_contracts::inventory::ReservedLine;
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use super::assignments::announce;
use super::day_plans::replan_if_published;
use crate::domain::assignment::{assign, by_hand, need_of, return_visit, skills_for};
use crate::domain::parts::{answer_change, requested, requested_note};
use crate::domain::{
    appointment_note, estimate, may_assign, may_move, may_report, step_time,
    validate_parts_request, validate_window, work_type_for,
};
use crate::store::{technicians, work_orders as store};

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

/// A new ticket that needs a visit becomes a work order; one that needs none is left
/// alone.
pub(crate) async fn ticket_opened(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    t: &TicketOpened,
) -> Result<(), ServiceError> {
    if !t.needs_visit {
        return Ok(());
    }
    let visit = NewVisit {
        ticket_id: t.ticket_id,
        ticket_number: &t.number,
        priority: t.priority,
        customer_name: &t.customer.name,
        district: &t.customer.district,
        address: &t.customer.address,
        location: t.location,
        machine: t.machine.as_ref(),
        work_type: work_type_for(t.ticket_type),
        sla_due: t.resolution_due.map(|d| d.timestamp_millis()),
        revisit_of: None,
        technician: None,
    };
    create(uow, calendar, visit).await?;
    Ok(())
}

/// A ticket that needs a visit after triage or reopening becomes a work order.
pub(crate) async fn visit_requested(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    t: &TicketVisitRequested,
) -> Result<(), ServiceError> {
    let visit = NewVisit {
        ticket_id: t.ticket_id,
        ticket_number: &t.number,
        priority: t.priority,
        customer_name: &t.customer.name,
        district: &t.customer.district,
        address: &t.customer.address,
        location: t.location,
        machine: t.machine.as_ref(),
        work_type: work_type_for(t.ticket_type),
        sla_due: Some(t.resolution_due.timestamp_millis()),
        revisit_of: None,
        technician: None,
    };
    create(uow, calendar, visit).await?;
    Ok(())
}

/// Creates a work order, numbered in the company's year, with the skills its machine
/// calls for and the expected minutes, and assigns it at once when someone qualifies
/// (flagged when nobody does; a return visit goes to the technician named), announcing
/// either and re-planning a published day; returns it.
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    v: NewVisit<'_>,
) -> Result<WorkOrder, ServiceError> {
    let now = uow.now_ms();
    let number = uow
        .next_number(
            &crate::domain::numbering::WORK_ORDER,
            calendar,
            from_ms(now),
        )
        .await?;
    let skills = skills_for(v.machine);
    let (rules, _) = aftercare_platform::company_settings::current::<
        crate::domain::settings::DurationDefaults,
    >(uow.conn())
    .await?;
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
        pinned: false,
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
        Some((tech, name)) => return_visit(*tech, name.clone()),
        None => {
            let need = need_of(&draft, calendar, from_ms(now));
            assign(
                &need,
                &technicians::candidates(uow.conn(), calendar, need.day).await?,
            )
        }
    };
    let technician_id = decision.technician();
    store::insert_work_order(
        uow,
        &store::NewWorkOrder {
            id,
            number: &number,
            ticket_id: v.ticket_id,
            ticket_number: v.ticket_number,
            status: decision.status(),
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
            score: decision.score(),
            pinned: v.technician.is_some(),
            reasons: decision.reasons(),
            actor: "dispatch",
        },
        now,
    )
    .await?;
    announce(uow, &draft, &decision, Some(Actor::system()), now).await?;
    let created = reread(uow, id).await?;
    if let Some(t) = technician_id {
        replan_if_published(uow, calendar, &created, t).await?;
    }
    Ok(created)
}

/// Loads a work order for a change at `version` (any version when `None`).
pub(super) async fn current(
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

/// The refusal of a change the work order's state does not allow.
pub(super) fn illegal(w: &WorkOrder, what: &str) -> ServiceError {
    ServiceError::conflict(
        "illegal_transition",
        format!(
            "work order {} is {:?} and cannot {what}",
            w.number, w.status
        ),
    )
}

/// The work order as it now is, after a change in this unit of work.
pub(super) async fn reread(uow: &mut UnitOfWork, id: Uuid) -> Result<WorkOrder, ServiceError> {
    store::get(uow.conn(), &id.to_string())
        .await?
        .map(|s| s.order)
        .ok_or_else(ServiceError::internal)
}

/// A dispatcher (`who`) assigns or reassigns: to a named technician (hard rules apply,
/// capacity may be exceeded) or, without one, by the automatic rules again; a published
/// day is re-planned for the technician chosen.
pub(crate) async fn reassign(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: &AssignWorkOrder,
    actor: Option<Actor>,
    who: &str,
) -> Result<WorkOrder, ServiceError> {
    let mut e = Vec::new();
    aftercare_contracts::dispatch::limits::REASON.check(&mut e, "reason", &req.reason);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let now = uow.now_ms();
    let w = current(uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !may_assign(w.status) {
        return Err(illegal(&w, "be reassigned"));
    }
    let need = need_of(&w, calendar, from_ms(now));
    let candidates = technicians::candidates(uow.conn(), calendar, need.day).await?;
    let decision = match req.technician_id {
        Some(t) => by_hand(&need, &candidates, t, who, &req.reason)
            .map_err(|e| ServiceError::validation(vec![e]))?,
        None => assign(&need, &candidates),
    };
    let change = store::AssignChange {
        status: decision.status(),
        technician_id: decision.technician(),
        score: decision.score(),
        pinned: req.technician_id.is_some(),
        reasons: decision.reasons(),
        actor: who,
        reason: req.reason.trim(),
    };
    if !store::assign(uow, &w, &change, now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    announce(uow, &w, &decision, actor, now).await?;
    let updated = reread(uow, w.id).await?;
    if let Some(t) = decision.technician() {
        replan_if_published(uow, calendar, &updated, t).await?;
    }
    reread(uow, w.id).await
}

/// The technician's progress (accepted, en route, on site) or a cancellation (with a
/// reason), announced as a status change (and a cancellation).
pub(crate) async fn transition(
    uow: &mut UnitOfWork,
    req: &TransitionWorkOrder,
    actor: Option<Actor>,
    who: &str,
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
    let w = current(uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    let now = step_time(
        uow.now_ms(),
        req.occurred_at,
        w.created_at.timestamp_millis(),
    )
    .map_err(|e| ServiceError::validation(vec![e]))?;
    if !may_move(w.status, req.to) {
        return Err(illegal(&w, &format!("move to {:?}", req.to)));
    }
    if !store::move_to(uow, &w, req.to, who, reason, now).await? {
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
        uow.emit(&Envelope::new(e, actor.clone())).await?;
    }
    let updated = reread(uow, w.id).await?;
    let e = WorkOrderStatusChanged {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id: updated.technician_id,
        from: w.status,
        to: updated.status,
        at: from_ms(now),
    };
    uow.emit(&Envelope::new(e, actor)).await?;
    Ok(updated)
}

/// Books the appointment agreed with the customer; a published day plan is re-planned
/// for the technician concerned.
pub(crate) async fn book(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: &BookAppointment,
    actor: Option<Actor>,
    who: &str,
) -> Result<WorkOrder, ServiceError> {
    let errors = validate_window(&req.window);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let w = current(uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !(may_assign(w.status) || may_report(w.status)) {
        return Err(illegal(&w, "be booked"));
    }
    let note = appointment_note(&req.window);
    if !store::book(uow, &w, &req.window, who, &note, now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    let mut updated = reread(uow, w.id).await?;
    if let Some(t) = updated.technician_id {
        replan_if_published(uow, calendar, &updated, t).await?;
        updated = reread(uow, w.id).await?;
    }
    let e = WorkOrderAppointmentBooked {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id: updated.technician_id,
        window: req.window,
        at: from_ms(now),
    };
    uow.emit(&Envelope::new(e, actor)).await?;
    Ok(updated)
}

/// The van a technician's parts are picked from, if they have one on file.
pub(super) async fn van_of(
    uow: &mut UnitOfWork,
    technician: Option<Uuid>,
) -> Result<Option<String>, ServiceError> {
    Ok(match technician {
        Some(t) => technicians::get(uow.conn(), &t.to_string())
            .await?
            .and_then(|t| t.van_location),
        None => None,
    })
}

/// Asks inventory for parts ahead of the visit (`dispatch.parts.requested`, with the
/// technician's van).
pub(crate) async fn request_parts(
    uow: &mut UnitOfWork,
    req: &RequestParts,
    actor: Option<Actor>,
    who: &str,
) -> Result<WorkOrder, ServiceError> {
    let errors = validate_parts_request(&req.parts);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let w = current(uow, &req.work_order_id, Some(req.expected_version))
        .await?
        .order;
    if !(may_assign(w.status) || may_report(w.status)) {
        return Err(illegal(&w, "take a parts request"));
    }
    let parts = requested(&req.parts);
    if !store::request_parts(uow, &w, &parts, who, &requested_note(&parts), now).await? {
        return Err(ServiceError::stale("the work order was changed meanwhile"));
    }
    let van = van_of(uow, w.technician_id).await?;
    uow.emit(&Envelope::new(
        PartsRequested {
            work_order_id: w.id,
            number: w.number.clone(),
            technician_id: w.technician_id,
            van_location: van,
            parts,
            at: from_ms(now),
        },
        actor,
    ))
    .await?;
    reread(uow, w.id).await
}

/// Inventory's answer to a parts request: held (reserved), not in stock (backordered: the
/// appointment is released and the order stays off routes until the parts come), or in
/// after a backorder (arrived: ready to book). An unknown or closed order is left alone.
pub(crate) async fn parts_answered(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    answer: PartsStatus,
    lines: &[ReservedLine],
) -> Result<(), ServiceError> {
    let Some(stored) = store::get(uow.conn(), &work_order_id.to_string()).await? else {
        return Ok(());
    };
    let w = stored.order;
    if let Some(c) = answer_change(&w, answer, lines) {
        store::set_parts_status(uow, &w, c.status, c.release_appointment, &c.note, now_ms())
            .await?;
    }
    Ok(())
}
