//! A completed visit's parts leave stock ([`crate::domain::consumption`]) and billing is
//! told what they cost.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::inventory::StockConsumed;
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{Result, UnitOfWork};

use crate::domain::consumption::{consumed_line, take_held};
use crate::domain::plan_take;
use crate::store;
use crate::store::stock::Movement;

/// Takes the parts used on a visit out of stock, dated when the visit ended (its held
/// units first, then the fullest locations; a shortfall is logged for a stocktake),
/// records their use per model and fault, releases what it held but did not use, restarts
/// the count of consumables fitted on it (their run-out predicted again, contacted
/// `lead_days` before), and announces the priced lines (`inventory.stock.consumed`). A
/// visit without parts changes nothing.
pub(crate) async fn visit_completed(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    w: &WorkOrderCompleted,
    lead_days: u32,
) -> Result<()> {
    if w.parts.is_empty() {
        return Ok(());
    }
    let reference = w.number.clone();
    // Consumption is dated when the part was used: the visit's end (demand history).
    let used_at = w.finished_at.timestamp_millis();
    let mut lines = Vec::with_capacity(w.parts.len());
    for used in &w.parts {
        let part = store::parts::get(uow.conn(), &used.sku).await?;
        let holds =
            store::reservations::reservations_of(uow.conn(), w.work_order_id, &used.sku).await?;
        let quantities: Vec<u32> = holds.iter().map(|(_, _, q)| *q).collect();
        let (used_holds, wanted) = take_held(used.quantity, &quantities);
        for i in used_holds {
            let (id, location, held) = &holds[i];
            store::reservations::consume_reserved(
                uow, id, &used.sku, location, *held, &reference, used_at,
            )
            .await?;
        }
        let (takes, shortfall) = match &part {
            Some(_) => plan_take(
                wanted,
                &store::stock::locations(uow.conn(), &used.sku).await?,
            ),
            None => (Vec::new(), wanted),
        };
        if let Some(m) = &w.machine
            && used.quantity > shortfall
        {
            store::usage::record_usage(
                uow,
                w.work_order_id,
                &used.sku,
                used.quantity - shortfall,
                m.model.trim(),
                w.fault.as_deref().unwrap_or(""),
                used_at,
            )
            .await?;
        }
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
            store::stock::record(uow, &m, used_at).await?;
        }
        if shortfall > 0 {
            tracing::warn!(sku = %used.sku, shortfall, work_order = %reference, "parts used that stock does not hold; flagged for a stocktake");
        }
        lines.push(consumed_line(
            &used.sku,
            part.as_ref(),
            used.quantity,
            shortfall,
        ));
    }
    // Units held for the visit and not used go back to available.
    store::reservations::release_work_order(uow, w.work_order_id, used_at).await?;
    // Consumables fitted on the visit start their count again.
    if let Some(m) = &w.machine {
        let pages = match w.meter_reading {
            Some(p) => Some(p),
            None => {
                store::consumables::last_reading(uow.conn(), m.brand.trim(), m.serial.trim())
                    .await?
            }
        };
        let mut refitted = false;
        for used in &w.parts {
            if store::consumables::is_consumable(uow.conn(), &used.sku).await? {
                store::consumables::fitted(
                    uow,
                    m.brand.trim(),
                    m.serial.trim(),
                    &used.sku,
                    pages.unwrap_or(0),
                    w.finished_at.timestamp_millis(),
                )
                .await?;
                refitted = true;
            }
        }
        if refitted {
            super::consumables::predict(
                uow,
                calendar,
                m.brand.trim(),
                m.serial.trim(),
                m.model.trim(),
                lead_days,
            )
            .await?;
        }
    }
    let e = StockConsumed {
        work_order_id: w.work_order_id,
        ticket_id: w.ticket_id,
        lines,
    };
    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    Ok(())
}
