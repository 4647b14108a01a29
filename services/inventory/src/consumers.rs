//! Inventory's event handlers: parts used on a completed visit leave stock.
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::inventory::{ConsumedLine, StockConsumed};
use aftercare_contracts::{Actor, Envelope, Event};
use aftercare_platform::{BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork, now_ms};

use crate::domain::plan_take;
use crate::store::{self, Movement};

pub(crate) struct Handler;

impl EventHandler for Handler {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            match event.subject.as_str() {
                WorkOrderCompleted::TYPE => {
                    on_completed(uow, event.decode::<WorkOrderCompleted>()?.data).await
                }
                other => Err(HandlerError::Poison(format!(
                    "inventory does not handle {other}"
                ))),
            }
        })
    }
}

async fn on_completed(uow: &mut UnitOfWork, w: WorkOrderCompleted) -> Result<(), HandlerError> {
    if w.parts.is_empty() {
        return Ok(());
    }
    let now = now_ms();
    let reference = w.number.clone();
    let mut lines = Vec::with_capacity(w.parts.len());
    for used in &w.parts {
        let part = store::get(uow.conn(), &used.sku).await?;
        let (takes, shortfall) = match &part {
            Some(_) => plan_take(
                used.quantity,
                &store::locations(uow.conn(), &used.sku).await?,
            ),
            None => (Vec::new(), used.quantity),
        };
        for (location, qty) in &takes {
            let m = Movement {
                sku: &used.sku,
                location,
                kind: "consumption",
                quantity: -i64::from(*qty),
                reference: &reference,
                actor: "dispatch",
                reason: "used on visit",
            };
            store::record(uow, &m, now).await?;
        }
        if shortfall > 0 {
            tracing::warn!(sku = %used.sku, shortfall, work_order = %reference, "parts used that stock does not hold; flagged for a stocktake");
        }
        lines.push(ConsumedLine {
            sku: used.sku.clone(),
            name: part.as_ref().map(|p| p.name.clone()),
            quantity: used.quantity,
            taken: used.quantity - shortfall,
            shortfall,
            unit_price: part.map(|p| p.list_price),
        });
    }
    let e = StockConsumed {
        work_order_id: w.work_order_id,
        ticket_id: w.ticket_id,
        lines,
    };
    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    Ok(())
}
