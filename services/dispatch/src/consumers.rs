//! Dispatch's event handlers: a ticket that needs a visit (new, or after triage or
//! reopening) becomes a work order, assigned at once when someone qualifies and flagged
//! when nobody does; a warranty card or a contract starts its maintenance plans; inventory's answers
//! to parts requests update the work order.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Envelope;
use aftercare_contracts::billing::{ContractSigned, ContractTerminated};
use aftercare_contracts::dispatch::{PartsStatus, WorkType};
use aftercare_contracts::intake::{
    TicketOpened, TicketType, TicketVisitRequested, WarrantyRegistered,
};
use aftercare_contracts::inventory::{
    BackorderFulfilled, ReservationBackordered, ReservationConfirmed,
};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork};

use crate::api::work_orders::{NewVisit, create, on_parts_answer};

/// What dispatch's handlers share: the calendar that tells which day a visit is for.
pub(crate) struct Context {
    pub(crate) calendar: Arc<BusinessCalendar>,
}

/// Dispatch's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<TicketOpened>(on_ticket_opened)
            .on::<TicketVisitRequested>(on_visit_requested)
            .on::<ReservationConfirmed>(on_reservation_confirmed)
            .on::<ReservationBackordered>(on_reservation_backordered)
            .on::<BackorderFulfilled>(on_backorder_fulfilled)
            .on::<ContractSigned>(on_contract_signed)
            .on::<ContractTerminated>(on_contract_terminated)
            .on::<WarrantyRegistered>(on_warranty_registered),
    )
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

/// A new ticket that needs a visit becomes a work order.
async fn on_ticket_opened(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketOpened>,
) -> Result<(), EventError> {
    let t = e.data;
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
        work_type: work_type(t.ticket_type),
        sla_due: t.resolution_due.map(|d| d.timestamp_millis()),
        revisit_of: None,
        technician: None,
    };
    create(uow, &cx.calendar, visit).await?;
    Ok(())
}

/// A ticket that needs a visit after triage or reopening becomes a work order.
async fn on_visit_requested(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketVisitRequested>,
) -> Result<(), EventError> {
    let t = e.data;
    let visit = NewVisit {
        ticket_id: t.ticket_id,
        ticket_number: &t.number,
        priority: t.priority,
        customer_name: &t.customer.name,
        district: &t.customer.district,
        address: &t.customer.address,
        location: t.location,
        machine: t.machine.as_ref(),
        work_type: work_type(t.ticket_type),
        sla_due: Some(t.resolution_due.timestamp_millis()),
        revisit_of: None,
        technician: None,
    };
    create(uow, &cx.calendar, visit).await?;
    Ok(())
}

async fn on_reservation_confirmed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReservationConfirmed>,
) -> Result<(), EventError> {
    let e = e.data;
    Ok(on_parts_answer(uow, e.work_order_id, PartsStatus::Reserved, &e.lines).await?)
}

async fn on_reservation_backordered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReservationBackordered>,
) -> Result<(), EventError> {
    let e = e.data;
    Ok(on_parts_answer(uow, e.work_order_id, PartsStatus::Backordered, &e.lines).await?)
}

async fn on_backorder_fulfilled(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<BackorderFulfilled>,
) -> Result<(), EventError> {
    let e = e.data;
    let status = if e.complete {
        PartsStatus::Arrived
    } else {
        PartsStatus::Backordered
    };
    Ok(on_parts_answer(uow, e.work_order_id, status, &[e.line]).await?)
}

async fn on_contract_signed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ContractSigned>,
) -> Result<(), EventError> {
    crate::api::maintenance::on_contract(uow, &e.data.0).await?;
    Ok(())
}

async fn on_contract_terminated(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ContractTerminated>,
) -> Result<(), EventError> {
    let t = e.data;
    crate::store::maintenance::end_contract_plans(uow, &t.contract.number, t.contract.ends_on)
        .await?;
    Ok(())
}

async fn on_warranty_registered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WarrantyRegistered>,
) -> Result<(), EventError> {
    crate::api::maintenance::on_warranty(uow, &e.data).await?;
    Ok(())
}
