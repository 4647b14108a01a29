//! Billing's event handlers, thin adapters over [`crate::app`]: a receipt is issued when
//! the visit and its priced parts are both known (a first visit that ended waiting for
//! parts at once, for its call-out and labour); tickets, warranty cards and list price
//! changes are kept for pricing; approved returns become refunds; a merged customer's
//! records move to the record that stays.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Envelope;
use aftercare_contracts::dispatch::{WorkOrderCompleted, WorkOrderWaitingForParts};
use aftercare_contracts::intake::{
    CustomerMerged, ReturnApproved, TicketOpened, WarrantyRegistered,
};
use aftercare_contracts::inventory::{PartPriceChanged, StockConsumed};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork};

use crate::app;

/// What billing's handlers share: the calendar receipts are dated and numbered by.
pub(crate) struct Context {
    pub(crate) calendar: Arc<BusinessCalendar>,
}

/// Billing's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<WorkOrderCompleted>(on_work_order_completed)
            .on::<WorkOrderWaitingForParts>(on_waiting_for_parts)
            .on::<StockConsumed>(on_stock_consumed)
            .on::<PartPriceChanged>(on_price_changed)
            .on::<TicketOpened>(on_ticket_opened)
            .on::<WarrantyRegistered>(on_warranty_registered)
            .on::<ReturnApproved>(on_return_approved)
            .on::<CustomerMerged>(on_customer_merged),
    )
}

/// A guarded update lost to a concurrent change is retried as contended; every other
/// store failure as it is.
fn classify(e: aftercare_platform::Error) -> EventError {
    match e {
        aftercare_platform::Error::Conflict(why) => EventError::Contended(why),
        other => EventError::Store(other),
    }
}

/// The visit is known: cash collected on site is noted, and the receipt follows when the
/// parts are priced too.
async fn on_work_order_completed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    app::receipts::visit_completed(uow, &cx.calendar, &e.data)
        .await
        .map_err(classify)
}

/// A first visit ended waiting for parts: its call-out and labour are charged now.
async fn on_waiting_for_parts(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderWaitingForParts>,
) -> Result<(), EventError> {
    app::receipts::visit_awaiting_parts(uow, &cx.calendar, &e.data)
        .await
        .map_err(classify)
}

/// Inventory priced the parts used; the receipt follows when the visit is known too.
async fn on_stock_consumed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<StockConsumed>,
) -> Result<(), EventError> {
    app::receipts::parts_priced(uow, &cx.calendar, &e.data)
        .await
        .map_err(classify)
}

/// A part's list price changed: kept in the price book.
async fn on_price_changed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<PartPriceChanged>,
) -> Result<(), EventError> {
    Ok(app::facts::part_price_changed(uow, &e.data).await?)
}

/// A ticket was opened: its customer and tier are kept.
async fn on_ticket_opened(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketOpened>,
) -> Result<(), EventError> {
    Ok(app::facts::ticket_opened(uow, &e.data).await?)
}

/// A warranty card was registered: its end day is kept.
async fn on_warranty_registered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WarrantyRegistered>,
) -> Result<(), EventError> {
    Ok(app::facts::warranty_registered(uow, &e.data).await?)
}

/// An approved return becomes a refund due.
async fn on_return_approved(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReturnApproved>,
) -> Result<(), EventError> {
    Ok(app::refunds::return_approved(uow, e.data).await?)
}

/// A customer record was merged into another: what billing keeps of it moves there.
async fn on_customer_merged(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CustomerMerged>,
) -> Result<(), EventError> {
    Ok(app::facts::customer_merged(uow, &e.data).await?)
}
