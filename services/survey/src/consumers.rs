//! Survey's event handlers: every issued receipt schedules one callback.
use aftercare_contracts::billing::InvoiceIssued;
use aftercare_contracts::survey::{Callback, CallbackScheduled, CallbackStatus};
use aftercare_contracts::{Actor, Envelope, Event};
use aftercare_platform::{
    BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork, from_ms, now_ms,
};
use uuid::Uuid;

use crate::domain::{CallbackPolicy, callback_due};
use crate::store;

/// Survey's handler, with the callback policy it schedules by.
pub(crate) struct Handler {
    pub(crate) policy: CallbackPolicy,
}

impl EventHandler for Handler {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            match event.subject.as_str() {
                InvoiceIssued::TYPE => {
                    on_invoice_issued(uow, event.decode::<InvoiceIssued>()?.data, &self.policy)
                        .await
                }
                other => Err(HandlerError::Poison(format!(
                    "survey does not handle {other}"
                ))),
            }
        })
    }
}

async fn on_invoice_issued(
    uow: &mut UnitOfWork,
    inv: InvoiceIssued,
    policy: &CallbackPolicy,
) -> Result<(), HandlerError> {
    let callback = Callback {
        id: Uuid::now_v7(),
        work_order_id: inv.work_order_id,
        ticket_id: inv.ticket_id,
        invoice_id: inv.invoice_id,
        technician_id: inv.technician_id,
        status: CallbackStatus::Scheduled,
        due_at: callback_due(inv.completed_at, policy),
        created_at: from_ms(now_ms()),
    };
    if !store::insert(uow, &callback).await? {
        return Ok(()); // a corrected receipt does not mean a second call
    }
    let e = CallbackScheduled {
        callback_id: callback.id,
        work_order_id: callback.work_order_id,
        ticket_id: callback.ticket_id,
        technician_id: callback.technician_id,
        due_at: callback.due_at,
    };
    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    Ok(())
}
