//! Intake's event handlers: dispatch and survey events move tickets along, and every
//! change a customer should hear about becomes a notification (technician booked, work
//! done, receipt issued, callback due).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{ContractSigned, InvoiceIssued};
use aftercare_contracts::dispatch::{
    MaintenanceDue, MaintenanceKind, WorkOrderAssigned, WorkOrderCompleted,
    WorkOrderWaitingForParts,
};
use aftercare_contracts::intake::{
    Channel, CustomerInfo, MachineInfo, NotificationKind, OpenTicket, TicketStatus, TicketType,
};
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::survey::{
    CallbackLinkIssued, CallbackProblemPersists, CallbackRecorded, CallbackScheduled,
    CallbackStatus,
};
use aftercare_contracts::{Actor, Event};
use aftercare_platform::{BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork, now_ms};
use uuid::Uuid;

use crate::domain::notify::Values;
use crate::{notify, store};

/// Intake's handler, with the calendar it writes local times in and the public address
/// answer links point to.
pub(crate) struct Handler {
    pub(crate) calendar: std::sync::Arc<BusinessCalendar>,
    pub(crate) public_url: String,
}

/// Tells the customer of ticket `id` about `kind`, if the ticket exists.
async fn tell(
    uow: &mut UnitOfWork,
    id: Uuid,
    kind: NotificationKind,
    values: Values,
) -> Result<(), HandlerError> {
    if let Some(t) = store::get(uow.conn(), &id.to_string()).await? {
        notify::send(uow, &t, kind, values, Some(Actor::system())).await?;
    }
    Ok(())
}

impl EventHandler for Handler {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let now = now_ms();
            match event.subject.as_str() {
                WorkOrderAssigned::TYPE => {
                    let e = event.decode::<WorkOrderAssigned>()?;
                    let reason = format!(
                        "work order {} assigned to {}",
                        e.data.number, e.data.technician_name
                    );
                    let moved = store::advance(
                        uow,
                        e.data.ticket_id,
                        TicketStatus::InService,
                        Some(e.data.work_order_id),
                        "dispatch",
                        &reason,
                        now,
                    )
                    .await?;
                    if moved {
                        let values = Values {
                            technician: e.data.technician_name.clone(),
                            ..Values::default()
                        };
                        tell(
                            uow,
                            e.data.ticket_id,
                            NotificationKind::TechnicianBooked,
                            values,
                        )
                        .await?;
                    }
                }
                WorkOrderCompleted::TYPE => {
                    let e = event.decode::<WorkOrderCompleted>()?;
                    let reason = format!("work order {} completed", e.data.number);
                    let moved = store::advance(
                        uow,
                        e.data.ticket_id,
                        TicketStatus::Resolved,
                        Some(e.data.work_order_id),
                        "dispatch",
                        &reason,
                        now,
                    )
                    .await?;
                    if let (Some(m), Some(reading)) = (&e.data.machine, e.data.meter_reading) {
                        store::customers::record_meter_reading(
                            uow,
                            &m.brand,
                            &m.serial,
                            e.data.work_order_id,
                            reading,
                            e.data.finished_at.timestamp_millis(),
                        )
                        .await?;
                    }
                    if moved {
                        tell(
                            uow,
                            e.data.ticket_id,
                            NotificationKind::WorkDone,
                            Values::default(),
                        )
                        .await?;
                    }
                }
                InvoiceIssued::TYPE => {
                    let e = event.decode::<InvoiceIssued>()?;
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
                    .await?;
                }
                CallbackScheduled::TYPE => {
                    let e = event.decode::<CallbackScheduled>()?;
                    store::set_callback_due(
                        uow,
                        e.data.ticket_id,
                        e.data.due_at.timestamp_millis(),
                        now,
                    )
                    .await?;
                    let due = e
                        .data
                        .due_at
                        .with_timezone(&self.calendar.time_zone())
                        .format("%Y-%m-%d %H:%M")
                        .to_string();
                    let values = Values {
                        due,
                        ..Values::default()
                    };
                    tell(uow, e.data.ticket_id, NotificationKind::CallbackDue, values).await?;
                }
                ConsumableReplacementDue::TYPE => {
                    let e = event.decode::<ConsumableReplacementDue>()?.data;
                    open_consumables_contact(uow, &self.calendar, e).await?;
                }
                ContractSigned::TYPE => {
                    let c = event.decode::<ContractSigned>()?.data.0;
                    for m in &c.machines {
                        if !store::customers::set_contract(
                            uow, &m.brand, &m.serial, &c.number, c.ends_on,
                        )
                        .await?
                        {
                            tracing::info!(contract = %c.number, serial = %m.serial, "contract machine not on file or a later contract covers it");
                        }
                    }
                }
                MaintenanceDue::TYPE => {
                    let e = event.decode::<MaintenanceDue>()?.data;
                    open_maintenance(uow, &self.calendar, e).await?;
                }
                WorkOrderWaitingForParts::TYPE => {
                    let e = event.decode::<WorkOrderWaitingForParts>()?.data;
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
                    let moved = store::advance(
                        uow,
                        e.ticket_id,
                        TicketStatus::WaitingForParts,
                        Some(e.revisit_work_order_id),
                        "dispatch",
                        &reason,
                        now,
                    )
                    .await?;
                    if moved {
                        tell(
                            uow,
                            e.ticket_id,
                            NotificationKind::WaitingForParts,
                            Values::default(),
                        )
                        .await?;
                    }
                }
                CallbackRecorded::TYPE => {
                    let e = event.decode::<CallbackRecorded>()?.data;
                    if !e.problem_persists {
                        let how = match e.status {
                            CallbackStatus::Completed => "answered",
                            CallbackStatus::Refused => "refused",
                            CallbackStatus::Unreachable => "unreachable",
                            CallbackStatus::Scheduled => "open",
                        };
                        let reason = format!("callback recorded ({how})");
                        store::close_after_callback(uow, e.ticket_id, &reason, now).await?;
                    }
                }
                CallbackProblemPersists::TYPE => {
                    let e = event.decode::<CallbackProblemPersists>()?.data;
                    let mut reason = format!(
                        "callback: problem persists after work order {} (repeat repair)",
                        e.work_order_number
                    );
                    if !e.comment.is_empty() {
                        reason.push_str(": ");
                        reason.extend(e.comment.chars().take(400));
                    }
                    if store::reopen_after_callback(uow, e.ticket_id, &reason, now).await? {
                        tracing::warn!(ticket = %e.ticket_id, "ticket reopened by its callback");
                    }
                }
                CallbackLinkIssued::TYPE => {
                    let e = event.decode::<CallbackLinkIssued>()?.data;
                    let values = Values {
                        link: format!(
                            "{}/answer.html#{}",
                            self.public_url.trim_end_matches('/'),
                            e.token
                        ),
                        due: e
                            .expires_at
                            .with_timezone(&self.calendar.time_zone())
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                        ..Values::default()
                    };
                    tell(uow, e.ticket_id, NotificationKind::AnswerLink, values).await?;
                }
                other => {
                    return Err(HandlerError::Poison(format!(
                        "intake does not handle {other}"
                    )));
                }
            }
            Ok(())
        })
    }
}

/// Opens the maintenance ticket of a planned visit, once per plan and day; dispatch turns
/// it into a work order like any visit.
async fn open_maintenance(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    e: MaintenanceDue,
) -> Result<(), HandlerError> {
    let due = e.due_on.to_string();
    if store::maintenance_ticket(uow.conn(), e.plan_id, &due)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let customer = store::customers::get_customer(uow.conn(), &e.customer_id.to_string()).await?;
    let phone = customer
        .as_ref()
        .and_then(|c| {
            c.contacts
                .iter()
                .flat_map(|x| x.phones.iter())
                .next()
                .cloned()
        })
        .unwrap_or_default();
    let what = match e.kind {
        MaintenanceKind::FirstVisit => "首次保养 / first maintenance visit",
        MaintenanceKind::MonthlyCleaning => "每月清洁保养 / monthly cleaning",
        MaintenanceKind::Contract => "合同保养 / contract maintenance visit",
    };
    let req = OpenTicket {
        channel: Channel::Planned,
        ticket_type: TicketType::Maintenance,
        symptom: format!("{what}, due {due}"),
        customer: CustomerInfo {
            name: e.company.clone(),
            phone,
            address: e.address.clone(),
            district: e.district.clone(),
        },
        machine: Some(e.machine.clone()),
        machine_down: false,
        customer_id: customer.as_ref().map(|c| c.id),
        return_reason: None,
        reporter: None,
        attachments: vec![],
    };
    let errors = crate::domain::validate(&req);
    if !errors.is_empty() {
        let detail: Vec<String> = errors
            .iter()
            .map(|x| format!("{}: {}", x.field, x.message))
            .collect();
        return Err(HandlerError::Poison(format!(
            "maintenance visit of plan {} cannot become a ticket: {}",
            e.plan_id,
            detail.join("; ")
        )));
    }
    let t = crate::api::open_in(uow, calendar, Some(Actor::system()), req)
        .await
        .map_err(|x| HandlerError::Retry(format!("{} {}", x.code, x.detail)))?;
    store::record_maintenance_ticket(uow, e.plan_id, &due, t.id).await?;
    Ok(())
}

/// A toner or drum runs out soon: a contact task (a consumables ticket that needs no
/// visit) for the machine's customer; unknown machines are logged and skipped.
async fn open_consumables_contact(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    e: ConsumableReplacementDue,
) -> Result<(), HandlerError> {
    let Some(machine) =
        store::customers::machine_by_serial(uow.conn(), &e.brand, &e.serial).await?
    else {
        tracing::warn!(brand = %e.brand, serial = %e.serial, "consumable runs out on a machine not on file");
        return Ok(());
    };
    let Some(customer) =
        store::customers::get_customer(uow.conn(), &machine.customer_id.to_string()).await?
    else {
        return Ok(());
    };
    let phone = customer
        .contacts
        .iter()
        .flat_map(|x| x.phones.iter())
        .next()
        .cloned()
        .unwrap_or_default();
    let req = OpenTicket {
        channel: Channel::Planned,
        ticket_type: TicketType::Consumables,
        symptom: format!(
            "耗材跟进 / consumables: {} ({}) runs out around {} — about {} pages left at {} pages a day; contact the customer",
            e.name,
            e.sku,
            e.empty_on,
            e.pages_left.max(0),
            e.pages_per_day
        ),
        customer: CustomerInfo {
            name: customer.company.clone(),
            phone,
            address: customer.address.clone(),
            district: customer.district.clone(),
        },
        machine: Some(MachineInfo {
            product_line: machine.product_line.clone(),
            brand: machine.brand.clone(),
            model: machine.model.clone(),
            serial: machine.serial.clone(),
            purchase_date: machine.purchase_date,
        }),
        machine_down: false,
        customer_id: Some(customer.id),
        return_reason: None,
        reporter: None,
        attachments: vec![],
    };
    let errors = crate::domain::validate(&req);
    if !errors.is_empty() {
        return Err(HandlerError::Poison(format!(
            "consumables contact for {} {} cannot become a ticket: {}",
            e.brand,
            e.serial,
            errors
                .iter()
                .map(|x| format!("{}: {}", x.field, x.message))
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    crate::api::open_in(uow, calendar, Some(Actor::system()), req)
        .await
        .map_err(|x| HandlerError::Retry(format!("{} {}", x.code, x.detail)))?;
    Ok(())
}
