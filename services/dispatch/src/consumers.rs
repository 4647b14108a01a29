//! Dispatch's event handlers: a ticket that needs a visit (new, or after triage or
//! reopening) becomes a work order, assigned
//! at once when someone qualifies and flagged when nobody does.
use aftercare_contracts::dispatch::{WorkOrderAssigned, WorkOrderStatus, WorkOrderUnassigned};
use aftercare_contracts::intake::{
    CustomerInfo, MachineInfo, Priority, TicketOpened, TicketVisitRequested,
};
use aftercare_contracts::{Actor, Envelope, Event};
use aftercare_platform::db::human_number;
use aftercare_platform::{
    BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork, from_ms, now_ms,
};
use chrono::Datelike;
use uuid::Uuid;

use crate::domain::{Assignment, Need, assign};
use crate::store::{self, NewWorkOrder};

pub(crate) struct Handler;

impl EventHandler for Handler {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            match event.subject.as_str() {
                TicketOpened::TYPE => {
                    let t = event.decode::<TicketOpened>()?.data;
                    if !t.needs_visit {
                        return Ok(());
                    }
                    create_work_order(
                        uow,
                        Visit {
                            ticket_id: t.ticket_id,
                            number: &t.number,
                            priority: t.priority,
                            customer: &t.customer,
                            machine: t.machine.as_ref(),
                        },
                    )
                    .await
                }
                TicketVisitRequested::TYPE => {
                    let t = event.decode::<TicketVisitRequested>()?.data;
                    create_work_order(
                        uow,
                        Visit {
                            ticket_id: t.ticket_id,
                            number: &t.number,
                            priority: t.priority,
                            customer: &t.customer,
                            machine: t.machine.as_ref(),
                        },
                    )
                    .await
                }
                other => Err(HandlerError::Poison(format!(
                    "dispatch does not handle {other}"
                ))),
            }
        })
    }
}

/// What a work order is made from: a new ticket that needs a visit, or a visit requested
/// after triage or on reopening.
struct Visit<'a> {
    ticket_id: Uuid,
    number: &'a str,
    priority: Priority,
    customer: &'a CustomerInfo,
    machine: Option<&'a MachineInfo>,
}

async fn create_work_order(uow: &mut UnitOfWork, t: Visit<'_>) -> Result<(), HandlerError> {
    let now = now_ms();
    let year = from_ms(now).year();
    let number = human_number("W", year, uow.next_number("work_order", year).await?);
    let need = Need {
        district: t.customer.district.clone(),
        skills: t
            .machine
            .iter()
            .map(|m| m.product_line.trim().to_lowercase())
            .collect(),
    };
    let candidates = store::candidates(uow.conn()).await?;
    let id = Uuid::now_v7();
    let decision = assign(&need, &candidates);
    let (status, technician, reasons) = match &decision {
        Assignment::To {
            technician,
            reasons,
            ..
        } => (
            WorkOrderStatus::Assigned,
            Some(*technician),
            reasons.clone(),
        ),
        Assignment::Nobody(reasons) => (WorkOrderStatus::Unassigned, None, reasons.clone()),
    };
    let order = NewWorkOrder {
        id,
        number: &number,
        ticket_id: t.ticket_id,
        ticket_number: t.number,
        status,
        priority: t.priority,
        customer_name: &t.customer.name,
        district: &t.customer.district,
        machine: t.machine,
        technician_id: technician,
        reasons: &reasons,
    };
    store::insert_work_order(uow, &order, now).await?;
    match decision {
        Assignment::To {
            technician,
            name,
            reasons,
            ..
        } => {
            let e = WorkOrderAssigned {
                work_order_id: id,
                number,
                ticket_id: t.ticket_id,
                technician_id: technician,
                technician_name: name,
                priority: t.priority,
                reasons,
                assigned_at: from_ms(now),
            };
            uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
        }
        Assignment::Nobody(reasons) => {
            tracing::warn!(work_order = %number, "no technician qualifies; work order waits for a dispatcher");
            let e = WorkOrderUnassigned {
                work_order_id: id,
                number,
                ticket_id: t.ticket_id,
                reasons,
            };
            uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
        }
    }
    Ok(())
}
