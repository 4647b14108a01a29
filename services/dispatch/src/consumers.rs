//! Dispatch's event handlers, thin adapters over [`crate::app`]: a ticket that needs a
//! visit (new, or after triage or reopening) becomes a work order, assigned at once when
//! someone qualifies and flagged when nobody does; a warranty card or a contract starts
//! its maintenance plans and a terminated contract ends them; inventory's answers to
//! parts requests update the work order; a merged customer's plans move to the record
//! that stays; a quotation's answer is kept for the visit's report.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Envelope;
use aftercare_contracts::billing::{ContractSigned, ContractTerminated, QuotationAnswered};
use aftercare_contracts::dispatch::PartsStatus;
use aftercare_contracts::intake::{
    CustomerMerged, TicketOpened, TicketVisitRequested, WarrantyRegistered,
};
use aftercare_contracts::inventory::{
    BackorderFulfilled, ReservationBackordered, ReservationConfirmed,
};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork};

use crate::app::{maintenance, visits, work_orders};
use crate::domain::parts::after_fulfilment;

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
            .on::<WarrantyRegistered>(on_warranty_registered)
            .on::<CustomerMerged>(on_customer_merged)
            .on::<QuotationAnswered>(on_quotation_answered),
    )
}

async fn on_ticket_opened(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketOpened>,
) -> Result<(), EventError> {
    Ok(work_orders::ticket_opened(uow, &cx.calendar, &e.data).await?)
}

async fn on_visit_requested(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketVisitRequested>,
) -> Result<(), EventError> {
    Ok(work_orders::visit_requested(uow, &cx.calendar, &e.data).await?)
}

async fn on_reservation_confirmed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReservationConfirmed>,
) -> Result<(), EventError> {
    let e = e.data;
    Ok(work_orders::parts_answered(uow, e.work_order_id, PartsStatus::Reserved, &e.lines).await?)
}

async fn on_reservation_backordered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReservationBackordered>,
) -> Result<(), EventError> {
    let e = e.data;
    Ok(
        work_orders::parts_answered(uow, e.work_order_id, PartsStatus::Backordered, &e.lines)
            .await?,
    )
}

async fn on_backorder_fulfilled(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<BackorderFulfilled>,
) -> Result<(), EventError> {
    let e = e.data;
    let status = after_fulfilment(e.complete);
    Ok(work_orders::parts_answered(uow, e.work_order_id, status, &[e.line]).await?)
}

async fn on_contract_signed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ContractSigned>,
) -> Result<(), EventError> {
    maintenance::contract_signed(uow, &cx.calendar, &e.data.0).await?;
    Ok(())
}

async fn on_contract_terminated(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ContractTerminated>,
) -> Result<(), EventError> {
    let t = e.data;
    maintenance::contract_terminated(uow, &t.contract.number, t.contract.ends_on).await?;
    Ok(())
}

async fn on_warranty_registered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WarrantyRegistered>,
) -> Result<(), EventError> {
    maintenance::warranty_registered(uow, &e.data).await?;
    Ok(())
}

async fn on_customer_merged(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CustomerMerged>,
) -> Result<(), EventError> {
    maintenance::customer_merged(uow, &e.data).await?;
    Ok(())
}

async fn on_quotation_answered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<QuotationAnswered>,
) -> Result<(), EventError> {
    visits::quotation_answered(uow, &e.data.0).await?;
    Ok(())
}
