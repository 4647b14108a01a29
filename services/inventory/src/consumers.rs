//! Inventory's event handlers, thin adapters over [`crate::app`]: parts a work order asks
//! for are held for it or backordered; parts used on a completed visit leave stock (its
//! held units first) and what it held but did not use is released, as on a cancelled work
//! order; meter readings drive consumables tracking.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Envelope;
use aftercare_contracts::dispatch::{
    MeterRead, PartsRequested, WorkOrderCancelled, WorkOrderCompleted,
};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork};

use crate::app;

/// What inventory's handlers share: the days before a consumable runs out that the
/// customer is contacted, and the calendar whose local date counts them.
pub(crate) struct Context {
    pub(crate) consumable_lead_days: u32,
    pub(crate) calendar: Arc<BusinessCalendar>,
}

/// Inventory's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<WorkOrderCompleted>(on_completed)
            .on::<PartsRequested>(on_parts_requested)
            .on::<WorkOrderCancelled>(on_cancelled)
            .on::<MeterRead>(on_meter_read),
    )
}

/// A cancelled work order's held parts go back to available.
async fn on_cancelled(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCancelled>,
) -> Result<(), EventError> {
    Ok(app::reservations::release(uow, &e.data).await?)
}

/// A completed visit's parts leave stock and billing is told their prices; a consumable
/// fitted on it starts a new prediction.
async fn on_completed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    Ok(
        app::consumption::visit_completed(uow, &cx.calendar, &e.data, cx.consumable_lead_days)
            .await?,
    )
}

/// The parts a work order asks for are held or backordered.
async fn on_parts_requested(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<PartsRequested>,
) -> Result<(), EventError> {
    Ok(app::reservations::hold(uow, &e.data).await?)
}

/// A meter reading predicts the machine's consumables again (and announces a contact day
/// already come).
async fn on_meter_read(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<MeterRead>,
) -> Result<(), EventError> {
    Ok(app::consumables::meter_read(uow, &cx.calendar, &e.data, cx.consumable_lead_days).await?)
}
