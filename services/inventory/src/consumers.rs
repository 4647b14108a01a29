//! Inventory's event handlers: parts a work order asks for are held for it or
//! backordered; parts used on a completed visit leave stock (its held units first) and
//! what it held but did not use is released, as on a cancelled work order.
use std::sync::Arc;

use aftercare_contracts::dispatch::{
    MeterRead, PartsRequested, WorkOrderCancelled, WorkOrderCompleted,
};
use aftercare_contracts::inventory::{
    BackorderFulfilled, ConsumableReplacementDue, ConsumedLine, ReservationBackordered,
    ReservationConfirmed, ReservedLine, StockConsumed,
};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork, now_ms};

use crate::domain::{pick_reservation, plan_take};
use crate::store::{self, Movement};

/// What inventory's handlers share: the days before a consumable runs out that the
/// customer is contacted.
pub(crate) struct Context {
    pub(crate) consumable_lead_days: u32,
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
    let e = e.data;
    let released = store::release_work_order(uow, e.work_order_id, now_ms()).await?;
    if released > 0 {
        tracing::info!(work_order = %e.number, released, "held parts released");
    }
    Ok(())
}

async fn on_completed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    let w = e.data;
    if w.parts.is_empty() {
        return Ok(());
    }
    let reference = w.number.clone();
    // Consumption is dated when the part was used: the visit's end (demand history).
    let used_at = w.finished_at.timestamp_millis();
    let mut lines = Vec::with_capacity(w.parts.len());
    for used in &w.parts {
        let part = store::get(uow.conn(), &used.sku).await?;
        // Units held for this work order go first.
        let mut wanted = used.quantity;
        for (id, location, held) in
            store::reservations_of(uow.conn(), w.work_order_id, &used.sku).await?
        {
            if wanted == 0 || held > wanted {
                continue;
            }
            store::consume_reserved(uow, &id, &used.sku, &location, held, &reference, used_at)
                .await?;
            wanted -= held;
        }
        let (takes, left) = match &part {
            Some(_) => plan_take(wanted, &store::locations(uow.conn(), &used.sku).await?),
            None => (Vec::new(), wanted),
        };
        let shortfall = left;
        if let Some(m) = &w.machine
            && used.quantity > shortfall
        {
            store::record_usage(
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
            store::record(uow, &m, used_at).await?;
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
            consumable: part.as_ref().is_some_and(|p| {
                p.category == aftercare_contracts::inventory::PartCategory::Consumable
            }),
            unit_price: part.map(|p| p.list_price),
        });
    }
    // Units held for the visit and not used go back to available.
    store::release_work_order(uow, w.work_order_id, used_at).await?;
    // Consumables fitted on the visit start their count again.
    if let Some(m) = &w.machine {
        let pages = match w.meter_reading {
            Some(p) => Some(p),
            None => store::last_reading(uow.conn(), m.brand.trim(), m.serial.trim()).await?,
        };
        for used in &w.parts {
            if store::is_consumable(uow.conn(), &used.sku).await? {
                store::fitted(
                    uow,
                    m.brand.trim(),
                    m.serial.trim(),
                    &used.sku,
                    pages.unwrap_or(0),
                    w.finished_at.timestamp_millis(),
                )
                .await?;
            }
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

/// Holds the parts a work order asks for, line by line: from one location that has them
/// all (the technician's van first); a line no location can cover is backordered.
async fn on_parts_requested(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<PartsRequested>,
) -> Result<(), EventError> {
    let r = e.data;
    let now = now_ms();
    let (mut held, mut waiting) = (Vec::new(), Vec::new());
    for line in &r.parts {
        let preferred = line.location.as_deref().or(r.van_location.as_deref());
        let mut placed = None;
        // Two tries: a concurrent reservation may take the units between read and write.
        for _ in 0..2 {
            let available = store::locations(uow.conn(), &line.sku).await?;
            let Some(location) = pick_reservation(line.quantity, preferred, &available) else {
                break;
            };
            if store::reserve(
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
                store::backorder(
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
    let at = aftercare_platform::from_ms(now);
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

/// After a receipt: holds stock for the oldest backorders of the part that it now covers,
/// announcing each (`inventory.backorder.fulfilled`).
pub(crate) async fn fill_backorders(
    uow: &mut UnitOfWork,
    sku: &str,
    now: i64,
) -> aftercare_platform::Result<()> {
    for b in store::open_backorders(uow.conn(), sku).await? {
        let available = store::locations(uow.conn(), sku).await?;
        let Some(location) = pick_reservation(b.quantity, b.preferred.as_deref(), &available)
        else {
            continue;
        };
        // Claim the backorder first, so two receipts never both fill it.
        if !store::fulfil(uow, &b.id, now).await? {
            continue;
        }
        if !store::reserve(
            uow,
            sku,
            &location,
            b.quantity,
            (b.work_order_id, &b.work_order_number),
            now,
        )
        .await?
        {
            store::reopen(uow, &b.id).await?;
            continue;
        }
        let complete = !store::has_open_backorders(uow.conn(), b.work_order_id).await?;
        let e = BackorderFulfilled {
            work_order_id: b.work_order_id,
            line: ReservedLine {
                sku: sku.to_owned(),
                quantity: b.quantity,
                location: Some(location),
            },
            complete,
            at: aftercare_platform::from_ms(now),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    Ok(())
}

/// Keeps a meter reading and, for each consumable that fits the machine, predicts when it
/// runs out; within the lead time the customer is to be contacted
/// (`inventory.consumable.replacement_due`, once per fitted consumable).
async fn on_meter_read(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<MeterRead>,
) -> Result<(), EventError> {
    let (r, lead_days) = (e.data, cx.consumable_lead_days);
    use crate::domain::consumables::{contact_now, empty_on, pages_left, pages_per_day};
    if !store::record_reading(uow, &r).await? {
        return Ok(());
    }
    let (brand, serial, model) = (
        r.machine.brand.trim(),
        r.machine.serial.trim(),
        r.machine.model.trim(),
    );
    let since = (r.read_at - chrono::Duration::days(365)).timestamp_millis();
    let readings = store::readings(uow.conn(), brand, serial, since).await?;
    let (Some(rate), Some(first), Some(last)) = (
        pages_per_day(&readings),
        readings.first().copied(),
        readings.last().copied(),
    ) else {
        return Ok(());
    };
    let now = now_ms();
    let today = aftercare_platform::from_ms(now).date_naive();
    for c in store::consumables_for(uow.conn(), model).await? {
        // Not fitted on a visit we know of: count from the first reading.
        let fitted_at = store::fit(uow.conn(), brand, serial, &c.sku)
            .await?
            .map(|(p, _)| p)
            .unwrap_or(first.pages);
        let left = pages_left(fitted_at, c.page_yield, last.pages);
        let empty = empty_on(last, left, rate);
        if !contact_now(empty.date_naive(), today, lead_days) {
            continue;
        }
        if !store::announce(uow, brand, serial, &c.sku, fitted_at, now).await? {
            continue;
        }
        tracing::info!(brand, serial, sku = %c.sku, "consumable runs out soon");
        let e = ConsumableReplacementDue {
            brand: brand.to_owned(),
            serial: serial.to_owned(),
            model: model.to_owned(),
            sku: c.sku.clone(),
            name: c.name.clone(),
            pages_left: left,
            pages_per_day: (rate * 10.0).round() / 10.0,
            empty_on: empty.date_naive(),
            at: aftercare_platform::from_ms(now),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    Ok(())
}
