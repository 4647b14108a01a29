//! Survey's event handlers, thin adapters over [`crate::app`]: every completed work order
//! gets one callback task and is checked for repeated faults; every ticket tells survey
//! who took the request; a warranty card, a renewal week, a consumable running out, an
//! overdue receipt and a reply promised to a customer each queue an outbound call ([`crate::app::call_tasks`]), once per
//! event; a merged customer's records move to the record that stays.
use std::sync::Arc;

use aftercare_contracts::Envelope;
use aftercare_contracts::billing::{ReceivableOverdue, RenewalFollowUpDue};
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::{
    CustomerMerged, TicketOpened, TicketReplyDue, WarrantyRegistered,
};
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork};

use crate::app::{call_tasks, visits};
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
            .on::<WorkOrderCompleted>(on_work_order_completed)
            .on::<WarrantyRegistered>(on_warranty_registered)
            .on::<RenewalFollowUpDue>(on_renewal_follow_up_due)
            .on::<ConsumableReplacementDue>(on_consumable_replacement_due)
            .on::<ReceivableOverdue>(on_receivable_overdue)
            .on::<TicketReplyDue>(on_reply_due)
            .on::<CustomerMerged>(on_customer_merged),
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

async fn on_warranty_registered(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WarrantyRegistered>,
) -> Result<(), EventError> {
    call_tasks::warranty_registered(uow, &cx.policy.calendar, e.id, &e.data).await?;
    Ok(())
}

async fn on_renewal_follow_up_due(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<RenewalFollowUpDue>,
) -> Result<(), EventError> {
    call_tasks::renewal_due(uow, &cx.policy.calendar, e.id, &e.data.0).await?;
    Ok(())
}

async fn on_consumable_replacement_due(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ConsumableReplacementDue>,
) -> Result<(), EventError> {
    call_tasks::consumable_due(uow, &cx.policy.calendar, e.id, &e.data).await?;
    Ok(())
}

async fn on_receivable_overdue(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReceivableOverdue>,
) -> Result<(), EventError> {
    call_tasks::receivable_overdue(uow, &cx.policy.calendar, e.id, e.occurred_at, &e.data).await?;
    Ok(())
}

async fn on_reply_due(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketReplyDue>,
) -> Result<(), EventError> {
    call_tasks::reply_due(uow, &cx.policy.calendar, e.id, &e.data.0).await?;
    Ok(())
}

async fn on_customer_merged(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<CustomerMerged>,
) -> Result<(), EventError> {
    visits::customer_merged(uow, &e.data).await?;
    Ok(())
}
