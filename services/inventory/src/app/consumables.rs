//! Consumables tracking (耗材跟进): each meter reading, and each visit that fits a toner or
//! drum, predicts when every consumable fitted to the machine runs out
//! ([`crate::domain::consumables`]) and keeps that day with the day the customer is to be
//! contacted; the contact is announced on that day by the daily job, or at once when the
//! prediction comes on or after it.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::MeterRead;
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{Result, UnitOfWork};

use crate::domain::consumables::{
    contact_due, contact_on, empty_on, pages_left, pages_per_day, rounded_rate,
};
use crate::store;
use crate::store::consumables::Forecast;

/// Keeps a meter reading (once per work order) and predicts the machine's consumables
/// again from it.
pub(crate) async fn meter_read(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    r: &MeterRead,
    lead_days: u32,
) -> Result<()> {
    if !store::consumables::record_reading(uow, r).await? {
        return Ok(());
    }
    predict(
        uow,
        calendar,
        r.machine.brand.trim(),
        r.machine.serial.trim(),
        r.machine.model.trim(),
        lead_days,
    )
    .await
}

/// For each consumable that fits the machine: the pages left since it was fitted (a visit
/// that used it, else the first reading of the last year) over the pages it prints a day
/// give the local day it runs out, and `lead_days` before it (on a working day) the day to
/// contact the customer; both are kept, and a contact day already come is announced now.
/// A machine with fewer than two readings a day apart predicts nothing.
pub(crate) async fn predict(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    brand: &str,
    serial: &str,
    model: &str,
    lead_days: u32,
) -> Result<()> {
    let since = (uow.now() - chrono::Duration::days(365)).timestamp_millis();
    let readings = store::consumables::readings(uow.conn(), brand, serial, since).await?;
    let (Some(rate), Some(first), Some(last)) = (
        pages_per_day(&readings),
        readings.first().copied(),
        readings.last().copied(),
    ) else {
        return Ok(());
    };
    let today = calendar.local_date(uow.now());
    for c in store::consumables::consumables_for(uow.conn(), model).await? {
        // Not fitted on a visit we know of: count from the first reading.
        let fitted_at = store::consumables::fit(uow.conn(), brand, serial, &c.sku)
            .await?
            .map(|(p, _)| p)
            .unwrap_or(first.pages);
        let left = pages_left(fitted_at, c.page_yield, last.pages);
        let empty = calendar.local_date(empty_on(last, left, rate));
        let f = Forecast {
            brand: brand.to_owned(),
            serial: serial.to_owned(),
            model: model.to_owned(),
            sku: c.sku,
            name: c.name,
            pages_at_fit: fitted_at,
            pages_left: left,
            pages_per_day: rounded_rate(rate),
            empty_on: empty,
            contact_on: contact_on(empty, lead_days, calendar),
        };
        store::consumables::save_forecast(uow, &f).await?;
        if contact_due(f.contact_on, today) {
            announce(uow, &f).await?;
        }
    }
    Ok(())
}

/// Announces the contact for a fit's run-out (`inventory.consumable.replacement_due`, for
/// intake's contact task and survey's call) unless it was announced already: false then,
/// so each run-out is announced once whichever replica or reading gets there first.
pub(crate) async fn announce(uow: &mut UnitOfWork, f: &Forecast) -> Result<bool> {
    if !store::consumables::announce(uow, &f.brand, &f.serial, &f.sku, f.pages_at_fit).await? {
        return Ok(false);
    }
    tracing::info!(brand = %f.brand, serial = %f.serial, sku = %f.sku, empty_on = %f.empty_on,
        "consumable contact due");
    let e = ConsumableReplacementDue {
        brand: f.brand.clone(),
        serial: f.serial.clone(),
        model: f.model.clone(),
        sku: f.sku.clone(),
        name: f.name.clone(),
        pages_left: f.pages_left,
        pages_per_day: f.pages_per_day,
        empty_on: f.empty_on,
        contact_on: Some(f.contact_on),
        at: uow.now(),
    };
    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    Ok(true)
}
