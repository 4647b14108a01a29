//! Parts held for work orders: a request holds each line from one location or backorders
//! it, stock that arrives fills the oldest backorders, and a cancelled work order's holds
//! are released.
use aftercare_contracts::dispatch::{PartsRequested, WorkOrderCancelled};
use aftercare_contracts::inventory::{
    BackorderFulfilled, ReservationBackordered, ReservationConfirmed, ReservedLine,
};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{Result, UnitOfWork, from_ms, now_ms};

use crate::domain::pick_reservation;
use crate::store;

/// Holds the parts a work order asks for, line by line: from one location that has them
/// all (the technician's van first); a line no location can cover is backordered. Held
/// lines are announced (`inventory.reservation.confirmed`), then backordered ones
/// (`inventory.reservation.backordered`).
pub(crate) async fn hold(uow: &mut UnitOfWork, r: &PartsRequested) -> Result<()> {
    let now = now_ms();
    let (mut held, mut waiting) = (Vec::new(), Vec::new());
    for line in &r.parts {
        let preferred = line.location.as_deref().or(r.van_location.as_deref());
        let mut placed = None;
        // Two tries: a concurrent reservation may take the units between read and write.
        for _ in 0..2 {
            let available = store::stock::locations(uow.conn(), &line.sku).await?;
            let Some(location) = pick_reservation(line.quantity, preferred, &available) else {
                break;
            };
            if store::reservations::reserve(
                uow,
                &line.sku,
                &location,
                line.quantity,
                (r.work_order_id, &r.number),
                now,
            )
            .await?
            {
                placed = Some(location);
                break;
            }
        }
        match placed {
            Some(location) => held.push(ReservedLine {
                sku: line.sku.clone(),
                quantity: line.quantity,
                location: Some(location),
            }),
            None => {
                store::reservations::backorder(
                    uow,
                    &line.sku,
                    line.quantity,
                    preferred,
                    (r.work_order_id, &r.number),
                    now,
                )
                .await?;
                waiting.push(ReservedLine {
                    sku: line.sku.clone(),
                    quantity: line.quantity,
                    location: None,
                });
            }
        }
    }
    let at = from_ms(now);
    if !held.is_empty() {
        let e = ReservationConfirmed {
            work_order_id: r.work_order_id,
            lines: held,
            at,
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    if !waiting.is_empty() {
        tracing::info!(work_order = %r.number, lines = waiting.len(), "parts backordered");
        let e = ReservationBackordered {
            work_order_id: r.work_order_id,
            lines: waiting,
            at,
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    Ok(())
}

/// A cancelled work order's held parts go back to available and its backorders are
/// called off.
pub(crate) async fn release(uow: &mut UnitOfWork, e: &WorkOrderCancelled) -> Result<()> {
    let released = store::reservations::release_work_order(uow, e.work_order_id, now_ms()).await?;
    if released > 0 {
        tracing::info!(work_order = %e.number, released, "held parts released");
    }
    Ok(())
}

/// After stock arrived: holds it for the oldest backorders of the part that it now
/// covers, announcing each (`inventory.backorder.fulfilled`, saying whether the work
/// order waits for nothing more).
pub(crate) async fn fill_backorders(uow: &mut UnitOfWork, sku: &str, now: i64) -> Result<()> {
    for b in store::reservations::open_backorders(uow.conn(), sku).await? {
        let available = store::stock::locations(uow.conn(), sku).await?;
        let Some(location) = pick_reservation(b.quantity, b.preferred.as_deref(), &available)
        else {
            continue;
        };
        // Claim the backorder first, so two receipts never both fill it.
        if !store::reservations::fulfil(uow, &b.id, now).await? {
            continue;
        }
        if !store::reservations::reserve(
            uow,
            sku,
            &location,
            b.quantity,
            (b.work_order_id, &b.work_order_number),
            now,
        )
        .await?
        {
            store::reservations::reopen(uow, &b.id).await?;
            continue;
        }
        let complete =
            !store::reservations::has_open_backorders(uow.conn(), b.work_order_id).await?;
        let e = BackorderFulfilled {
            work_order_id: b.work_order_id,
            line: ReservedLine {
                sku: sku.to_owned(),
                quantity: b.quantity,
                location: Some(location),
            },
            complete,
            at: from_ms(now),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    Ok(())
}
