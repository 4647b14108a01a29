//! Intake's event handlers: dispatch and survey events move tickets along.
use aftercare_contracts::Event;
use aftercare_contracts::dispatch::{WorkOrderAssigned, WorkOrderCompleted};
use aftercare_contracts::intake::TicketStatus;
use aftercare_contracts::survey::CallbackScheduled;
use aftercare_platform::{BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork, now_ms};

use crate::store;

pub(crate) struct Handler;

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
                    store::advance(
                        uow,
                        e.data.ticket_id,
                        TicketStatus::InService,
                        Some(e.data.work_order_id),
                        "dispatch",
                        &reason,
                        now,
                    )
                    .await?;
                }
                WorkOrderCompleted::TYPE => {
                    let e = event.decode::<WorkOrderCompleted>()?;
                    let reason = format!("work order {} completed", e.data.number);
                    store::advance(
                        uow,
                        e.data.ticket_id,
                        TicketStatus::Resolved,
                        Some(e.data.work_order_id),
                        "dispatch",
                        &reason,
                        now,
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
