//! Survey's event handlers, thin adapters over [`crate::app::visits`]: every completed
//! work order gets one callback task and is checked for repeated faults; every ticket
//! tells survey who took the request.
use std::sync::Arc;

use aftercare_contracts::Envelope;
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::TicketOpened;
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork};

use crate::app::visits;
use crate::domain::CallbackPolicy;

/// What survey's handlers share: the callback policy it schedules by.
pub(crate) struct Context {
    pub(crate) policy: Arc<CallbackPolicy>,
}

/// Survey's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<TicketOpened>(on_ticket_opened)
            .on::<WorkOrderCompleted>(on_work_order_completed),
    )
}

async fn on_ticket_opened(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketOpened>,
) -> Result<(), EventError> {
    visits::ticket_opened(uow, &e.data, e.actor.as_ref()).await?;
    Ok(())
}

async fn on_work_order_completed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    visits::visit_completed(uow, &cx.policy, &e.data).await?;
    Ok(())
}
