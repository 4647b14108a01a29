//! The visit report: filed by the technician, it moves the work order by its outcome and
//! tells the other services (completed, waiting for parts with a return visit and the
//! visit billing charges, taken to the workshop, could not fix) and the meter reading.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    CompleteWorkOrder, MeterRead, PartsRequested, VisitOnSite, VisitOutcome, VisitReport,
    VisitUnresolved, WorkOrder, WorkOrderCompleted, WorkOrderCouldNotFix, WorkOrderTakenToWorkshop,
    WorkOrderWaitingForParts,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, company_settings, from_ms};
use tracing::Instrument;
use uuid::Uuid;

use super::work_orders::{NewVisit, create, current, illegal, reread, van_of};
use crate::domain::settings::FaultList;
use crate::domain::{after_visit, consent, faults, may_report, validate_completion};
use crate::store::{technicians, work_orders as store};

/// Files the visit report of an open, assigned work order (`who` names the reporter in
/// the history), moves it by the outcome and announces it; the events continue the
/// ticket's trace. Returns the work order as it now is.
pub(crate) async fn report(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: &CompleteWorkOrder,
    actor: Option<Actor>,
    who: &str,
) -> Result<WorkOrder, ServiceError> {
    let mut errors = validate_completion(req);
    if errors.iter().all(|e| e.field != "fault") {
        let (list, _) = company_settings::current::<FaultList>(uow.conn()).await?;
        errors.extend(faults::check_reported(req.fault.as_deref(), &list));
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let stored = current(uow, &req.work_order_id, req.expected_version).await?;
    let w = &stored.order;
    let Some(technician_id) = w.technician_id.filter(|_| may_report(w.status)) else {
        return Err(illegal(w, "be reported on"));
    };
    let answers = store::quotation_answers(uow.conn(), w.id).await?;
    if let Some(e) = consent::check_quotation(req, &answers) {
        return Err(ServiceError::validation(vec![e]));
    }
    let now = uow.now_ms();
    let visit = VisitReport {
        outcome: req.outcome,
        diagnosis: req.diagnosis.trim().to_owned(),
        fault: req.fault.clone(),
        parts_cleaned: req.parts_cleaned.trim().to_owned(),
        adjustments: req.adjustments.trim().to_owned(),
        result: req.result.trim().to_owned(),
        parts: req.parts.clone(),
        parts_needed: req.parts_needed.clone(),
        return_visit_needed: req.return_visit_needed,
        return_visit_note: req.return_visit_note.trim().to_owned(),
        meter_reading: req.meter_reading,
        consumables_level: req.consumables_level,
        hazards: req.hazards.trim().to_owned(),
        signed_by: req.signature.as_ref().map(|s| s.signer.trim().to_owned()),
        signature_attachment_id: req.signature.as_ref().and_then(|s| s.attachment_id),
        photo_attachment_ids: req.photo_attachment_ids.clone(),
        chargeable: req.chargeable,
        payment_collected: req.payment_collected.clone(),
        started_at: req.started_at,
        finished_at: req.finished_at,
    };
    let to = after_visit(req.outcome);
    if !store::report_visit(uow, w, to, &visit, who, now).await? {
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
    announce_visit(uow, calendar, w, technician_id, &visit, actor, now)
        .instrument(span)
        .await?;
    reread(uow, w.id).await
}

/// Keeps the customer's answer to a quotation (`billing.quotation.answered`): the report of
/// chargeable work is let through once its quotation is accepted
/// ([`consent::check_quotation`]).
pub(crate) async fn quotation_answered(
    uow: &mut UnitOfWork,
    q: &aftercare_contracts::billing::Quotation,
) -> aftercare_platform::Result<()> {
    store::record_quotation_answer(uow, q).await
}

/// Tells the other services what the visit came to: the meter reading when there is
/// one, then by outcome the completion (billing, inventory, survey, intake), the wait for
/// parts (a return visit for the same technician and its parts request), the workshop (the
/// machine received there as a workshop job) or could not fix.
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
                revisit_of: w.revisit_of,
                return_visit_needed: v.return_visit_needed,
                return_visit_note: v.return_visit_note.clone(),
            };
            uow.emit(&Envelope::new(e, actor)).await?;
        }
        VisitOutcome::WaitingForParts => {
            let on_site = VisitOnSite {
                technician_name: technician_name.clone(),
                team,
                customer_name: w.customer_name.clone(),
                district: w.district.clone(),
                machine: w.machine.clone(),
                work_type: w.work_type,
                fault: v.fault.clone(),
                started_at: v.started_at,
                finished_at: v.finished_at,
                cash_collected: v.payment_collected.clone(),
            };
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
            let van = van_of(uow, Some(technician_id)).await?;
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
                    visit: Some(on_site),
                },
                actor,
            ))
            .await?;
        }
        VisitOutcome::TakenToWorkshop => {
            uow.emit(&Envelope::new(
                WorkOrderTakenToWorkshop(unresolved()),
                actor.clone(),
            ))
            .await?;
            super::workshop::from_visit(uow, calendar, w, v, actor).await?;
        }
        VisitOutcome::CouldNotFix => {
            uow.emit(&Envelope::new(WorkOrderCouldNotFix(unresolved()), actor))
                .await?;
        }
    }
    Ok(())
}
