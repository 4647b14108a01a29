//! Intake's event handlers: dispatch and survey events move tickets along, and every
//! change a customer should hear about becomes a notification (technician booked, work
//! done, receipt issued, callback due).
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{ContractSigned, InvoiceIssued};
use aftercare_contracts::dispatch::{
    MaintenanceDue, WorkOrderAssigned, WorkOrderCompleted, WorkOrderWaitingForParts,
    WorkshopJobChanged, WorkshopStatus,
};
use aftercare_contracts::intake::{NotificationKind, TicketStatus};
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::survey::{
    CallbackLinkIssued, CallbackProblemPersists, CallbackRecorded, CallbackScheduled,
    CallbackStatus,
};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork, now_ms};
use uuid::Uuid;

use crate::app::{clock, notify, tickets};
use crate::domain::notify::Values;
use crate::store;

/// What intake's handlers share: the calendar it writes local times in and the public
/// address answer links point to.
pub(crate) struct Context {
    pub(crate) calendar: Arc<BusinessCalendar>,
    pub(crate) public_url: String,
}

/// Intake's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<WorkOrderAssigned>(on_work_order_assigned)
            .on::<WorkOrderCompleted>(on_work_order_completed)
            .on::<WorkOrderWaitingForParts>(on_waiting_for_parts)
            .on::<WorkshopJobChanged>(on_workshop_job_changed)
            .on::<InvoiceIssued>(on_invoice_issued)
            .on::<CallbackScheduled>(on_callback_scheduled)
            .on::<CallbackRecorded>(on_callback_recorded)
            .on::<CallbackProblemPersists>(on_problem_persists)
            .on::<CallbackLinkIssued>(on_answer_link)
            .on::<ConsumableReplacementDue>(on_consumable_due)
            .on::<ContractSigned>(on_contract_signed)
            .on::<MaintenanceDue>(on_maintenance_due),
    )
}

/// Tells the customer of ticket `id` about `kind`, if the ticket exists.
async fn tell(
    uow: &mut UnitOfWork,
    id: Uuid,
    kind: NotificationKind,
    values: Values,
) -> Result<(), EventError> {
    if let Some(t) = store::get(uow.conn(), &id.to_string()).await? {
        notify::send(uow, &t, kind, values, Some(Actor::system())).await?;
    }
    Ok(())
}

/// A technician is booked: the ticket is in service and the customer hears who comes.
async fn on_work_order_assigned(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderAssigned>,
) -> Result<(), EventError> {
    let e = e.data;
    let reason = format!("work order {} assigned to {}", e.number, e.technician_name);
    let at = now_ms();
    let moved = store::advance(
        uow,
        e.ticket_id,
        TicketStatus::InService,
        Some(e.work_order_id),
        "dispatch",
        &reason,
        at,
    )
    .await?;
    if moved {
        clock::follow(uow, &cx.calendar, e.ticket_id, TicketStatus::InService, at).await?;
    }
    if moved {
        let values = Values {
            technician: e.technician_name.clone(),
            ..Values::default()
        };
        tell(uow, e.ticket_id, NotificationKind::TechnicianBooked, values).await?;
    }
    Ok(())
}

/// The visit is done: the ticket is resolved, the meter reading kept with the machine.
async fn on_work_order_completed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    let e = e.data;
    let reason = format!("work order {} completed", e.number);
    let at = now_ms();
    let moved = store::advance(
        uow,
        e.ticket_id,
        TicketStatus::Resolved,
        Some(e.work_order_id),
        "dispatch",
        &reason,
        at,
    )
    .await?;
    if moved {
        clock::follow(uow, &cx.calendar, e.ticket_id, TicketStatus::Resolved, at).await?;
    }
    if let (Some(m), Some(reading)) = (&e.machine, e.meter_reading) {
        store::customers::record_meter_reading(
            uow,
            &m.brand,
            &m.serial,
            e.work_order_id,
            reading,
            e.finished_at.timestamp_millis(),
        )
        .await?;
    }
    if moved {
        tell(
            uow,
            e.ticket_id,
            NotificationKind::WorkDone,
            Values::default(),
        )
        .await?;
    }
    Ok(())
}

/// A visit found a part missing: the ticket waits for it.
async fn on_waiting_for_parts(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderWaitingForParts>,
) -> Result<(), EventError> {
    let e = e.data;
    let parts: Vec<String> = e
        .parts_needed
        .iter()
        .map(|p| format!("{} ×{}", p.sku, p.quantity))
        .collect();
    let reason = format!(
        "work order {} waits for parts ({}); return visit {}",
        e.number,
        parts.join(", "),
        e.revisit_number
    );
    let at = now_ms();
    let moved = store::advance(
        uow,
        e.ticket_id,
        TicketStatus::WaitingForParts,
        Some(e.revisit_work_order_id),
        "dispatch",
        &reason,
        at,
    )
    .await?;
    if moved {
        clock::follow(
            uow,
            &cx.calendar,
            e.ticket_id,
            TicketStatus::WaitingForParts,
            at,
        )
        .await?;
    }
    if moved {
        tell(
            uow,
            e.ticket_id,
            NotificationKind::WaitingForParts,
            Values::default(),
        )
        .await?;
    }
    Ok(())
}

/// The customer hears that their machine was received at the workshop and, once repaired
/// (or found beyond repair), that it is ready to go back; the repair itself is told as
/// work done (`dispatch.workorder.completed`).
async fn on_workshop_job_changed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkshopJobChanged>,
) -> Result<(), EventError> {
    let e = e.data;
    let kind = match e.to {
        WorkshopStatus::Received => NotificationKind::MachineReceived,
        WorkshopStatus::ReadyForReturn => NotificationKind::ReadyForReturn,
        _ => return Ok(()),
    };
    tell(uow, e.ticket_id, kind, Values::default()).await
}

/// The customer hears the receipt's total.
async fn on_invoice_issued(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<InvoiceIssued>,
) -> Result<(), EventError> {
    let minor = e.data.total_charged.amount_minor;
    let values = Values {
        total: format!("{}.{:02}", minor / 100, (minor % 100).abs()),
        ..Values::default()
    };
    tell(
        uow,
        e.data.ticket_id,
        NotificationKind::ReceiptIssued,
        values,
    )
    .await
}

/// The ticket notes when its callback is due, and the customer hears it.
async fn on_callback_scheduled(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CallbackScheduled>,
) -> Result<(), EventError> {
    let e = e.data;
    store::set_callback_due(uow, e.ticket_id, e.due_at.timestamp_millis(), now_ms()).await?;
    let due = e
        .due_at
        .with_timezone(&cx.calendar.time_zone())
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let values = Values {
        due,
        ..Values::default()
    };
    tell(uow, e.ticket_id, NotificationKind::CallbackDue, values).await
}

/// A callback ended without the problem persisting: the ticket closes.
async fn on_callback_recorded(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CallbackRecorded>,
) -> Result<(), EventError> {
    let e = e.data;
    if !e.problem_persists {
        let how = match e.status {
            CallbackStatus::Completed => "answered",
            CallbackStatus::Refused => "refused",
            CallbackStatus::Unreachable => "unreachable",
            CallbackStatus::Scheduled => "open",
        };
        let reason = format!("callback recorded ({how})");
        store::close_after_callback(uow, e.ticket_id, &reason, now_ms()).await?;
    }
    Ok(())
}

/// The machine still does not work: the ticket reopens (a repeat repair).
async fn on_problem_persists(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CallbackProblemPersists>,
) -> Result<(), EventError> {
    let e = e.data;
    let mut reason = format!(
        "callback: problem persists after work order {} (repeat repair)",
        e.work_order_number
    );
    if !e.comment.is_empty() {
        reason.push_str(": ");
        reason.extend(e.comment.chars().take(400));
    }
    if store::reopen_after_callback(uow, e.ticket_id, &reason, now_ms()).await? {
        tracing::warn!(ticket = %e.ticket_id, "ticket reopened by its callback");
    }
    Ok(())
}

/// The customer gets the callback's answer link.
async fn on_answer_link(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CallbackLinkIssued>,
) -> Result<(), EventError> {
    let e = e.data;
    let values = Values {
        link: format!(
            "{}/answer.html#{}",
            cx.public_url.trim_end_matches('/'),
            e.token
        ),
        due: e
            .expires_at
            .with_timezone(&cx.calendar.time_zone())
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        ..Values::default()
    };
    tell(uow, e.ticket_id, NotificationKind::AnswerLink, values).await
}

async fn on_consumable_due(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ConsumableReplacementDue>,
) -> Result<(), EventError> {
    let context = format!(
        "consumables contact for {} {} cannot become a ticket",
        e.data.brand, e.data.serial
    );
    tickets::open_consumables_contact(uow, &cx.calendar, e.data)
        .await
        .map_err(|x| EventError::refused(context, x))
}

/// A contract is noted on each machine it covers.
async fn on_contract_signed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ContractSigned>,
) -> Result<(), EventError> {
    let c = e.data.0;
    for m in &c.machines {
        if !store::customers::set_contract(uow, &m.brand, &m.serial, &c.number, c.ends_on).await? {
            tracing::info!(contract = %c.number, serial = %m.serial, "contract machine not on file or a later contract covers it");
        }
    }
    Ok(())
}

async fn on_maintenance_due(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<MaintenanceDue>,
) -> Result<(), EventError> {
    let context = format!(
        "maintenance visit of plan {} cannot become a ticket",
        e.data.plan_id
    );
    tickets::open_maintenance(uow, &cx.calendar, e.data)
        .await
        .map_err(|x| EventError::refused(context, x))
}
