//! Dispatch's event handlers: a ticket that needs a visit (new, or after triage or
//! reopening) becomes a work order, assigned at once when someone qualifies and flagged
//! when nobody does; a warranty card or a contract starts its maintenance plans; inventory's answers
//! to parts requests update the work order.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Event;
use aftercare_contracts::billing::{ContractSigned, ContractTerminated};
use aftercare_contracts::dispatch::{PartsStatus, WorkType};
use aftercare_contracts::intake::{
    TicketOpened, TicketType, TicketVisitRequested, WarrantyRegistered,
};
use aftercare_contracts::inventory::{
    BackorderFulfilled, ReservationBackordered, ReservationConfirmed,
};
use aftercare_platform::{BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork};

use crate::api::work_orders::{NewVisit, create, on_parts_answer};

async fn answer(
    uow: &mut UnitOfWork,
    work_order_id: uuid::Uuid,
    status: PartsStatus,
    lines: &[aftercare_contracts::inventory::ReservedLine],
) -> Result<(), HandlerError> {
    on_parts_answer(uow, work_order_id, status, lines)
        .await
        .map_err(|e| HandlerError::Retry(format!("{} {}", e.code, e.detail)))
}

/// Dispatch's handler, with the calendar that tells which day a visit is for.
pub(crate) struct Handler {
    pub(crate) calendar: Arc<BusinessCalendar>,
}

/// The kind of work a ticket asks for.
fn work_type(t: TicketType) -> WorkType {
    match t {
        TicketType::Maintenance => WorkType::Maintenance,
        TicketType::Installation => WorkType::Installation,
        TicketType::Return => WorkType::Training,
        _ => WorkType::Repair,
    }
}

impl EventHandler for Handler {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let visit = match event.subject.as_str() {
                TicketOpened::TYPE => {
                    let t = event.decode::<TicketOpened>()?.data;
                    if !t.needs_visit {
                        return Ok(());
                    }
                    (
                        t.ticket_id,
                        t.number,
                        t.priority,
                        t.customer,
                        t.location,
                        t.machine,
                        work_type(t.ticket_type),
                        t.resolution_due,
                    )
                }
                TicketVisitRequested::TYPE => {
                    let t = event.decode::<TicketVisitRequested>()?.data;
                    (
                        t.ticket_id,
                        t.number,
                        t.priority,
                        t.customer,
                        t.location,
                        t.machine,
                        work_type(t.ticket_type),
                        Some(t.resolution_due),
                    )
                }
                ReservationConfirmed::TYPE => {
                    let e = event.decode::<ReservationConfirmed>()?.data;
                    return answer(uow, e.work_order_id, PartsStatus::Reserved, &e.lines).await;
                }
                ReservationBackordered::TYPE => {
                    let e = event.decode::<ReservationBackordered>()?.data;
                    return answer(uow, e.work_order_id, PartsStatus::Backordered, &e.lines).await;
                }
                BackorderFulfilled::TYPE => {
                    let e = event.decode::<BackorderFulfilled>()?.data;
                    let status = if e.complete {
                        PartsStatus::Arrived
                    } else {
                        PartsStatus::Backordered
                    };
                    return answer(uow, e.work_order_id, status, &[e.line]).await;
                }
                ContractSigned::TYPE => {
                    let c = event.decode::<ContractSigned>()?.data.0;
                    crate::api::maintenance::on_contract(uow, &c).await?;
                    return Ok(());
                }
                ContractTerminated::TYPE => {
                    let t = event.decode::<ContractTerminated>()?.data;
                    crate::store::maintenance::end_contract_plans(
                        uow,
                        &t.contract.number,
                        t.contract.ends_on,
                    )
                    .await?;
                    return Ok(());
                }
                WarrantyRegistered::TYPE => {
                    let w = event.decode::<WarrantyRegistered>()?.data;
                    crate::api::maintenance::on_warranty(uow, &w).await?;
                    return Ok(());
                }
                other => {
                    return Err(HandlerError::Poison(format!(
                        "dispatch does not handle {other}"
                    )));
                }
            };
            let (ticket_id, number, priority, customer, location, machine, work, due) = visit;
            create(
                uow,
                &self.calendar,
                NewVisit {
                    ticket_id,
                    ticket_number: &number,
                    priority,
                    customer_name: &customer.name,
                    district: &customer.district,
                    address: &customer.address,
                    location,
                    machine: machine.as_ref(),
                    work_type: work,
                    sla_due: due.map(|d| d.timestamp_millis()),
                    revisit_of: None,
                    technician: None,
                },
            )
            .await
            .map(|_| ())
            .map_err(|e| HandlerError::Retry(format!("{} {}", e.code, e.detail)))
        })
    }
}
