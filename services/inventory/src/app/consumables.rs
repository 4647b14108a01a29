//! Consumables tracking (耗材跟进): a meter reading predicts when each fitted consumable
//! runs out ([`crate::domain::consumables`]).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::MeterRead;
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{Result, UnitOfWork, from_ms};

use crate::domain::consumables::{contact_now, empty_on, pages_left, pages_per_day, rounded_rate};
use crate::store;

/// Keeps a meter reading (once per work order) and, for each consumable that fits the
/// machine, predicts when it runs out; within `lead_days` of the company's today the
/// customer is to be contacted (`inventory.consumable.replacement_due`, once per fitted
/// consumable), the day it runs out being a local date too.
pub(crate) async fn meter_read(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    r: &MeterRead,
    lead_days: u32,
) -> Result<()> {
    if !store::consumables::record_reading(uow, r).await? {
        return Ok(());
    }
    let (brand, serial, model) = (
        r.machine.brand.trim(),
        r.machine.serial.trim(),
        r.machine.model.trim(),
    );
    let since = (r.read_at - chrono::Duration::days(365)).timestamp_millis();
    let readings = store::consumables::readings(uow.conn(), brand, serial, since).await?;
    let (Some(rate), Some(first), Some(last)) = (
        pages_per_day(&readings),
        readings.first().copied(),
        readings.last().copied(),
    ) else {
        return Ok(());
    };
    let now = uow.now_ms();
    let today = calendar.local_date(from_ms(now));
    for c in store::consumables::consumables_for(uow.conn(), model).await? {
        // Not fitted on a visit we know of: count from the first reading.
        let fitted_at = store::consumables::fit(uow.conn(), brand, serial, &c.sku)
            .await?
            .map(|(p, _)| p)
            .unwrap_or(first.pages);
        let left = pages_left(fitted_at, c.page_yield, last.pages);
        let empty = empty_on(last, left, rate);
        if !contact_now(calendar.local_date(empty), today, lead_days) {
            continue;
        }
        if !store::consumables::announce(uow, brand, serial, &c.sku, fitted_at, now).await? {
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
            pages_per_day: rounded_rate(rate),
            empty_on: calendar.local_date(empty),
            at: from_ms(now),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    Ok(())
}
