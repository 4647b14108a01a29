//! Inventory (配件): the parts catalogue and the stock ledger. Stock never goes
//! negative and every change is a movement with actor, time, reason and reference.
//!
//! Consumes `dispatch.parts.requested` (units held for a work order, or backordered),
//! `dispatch.workorder.completed` (parts used: held units first; consumables fitted) and
//! `dispatch.meter.read` (consumables tracking). Publishes
//! `inventory.reservation.{confirmed,backordered}`, `inventory.backorder.fulfilled`,
//! `inventory.stock.consumed`, `inventory.part.price_changed` and
//! `inventory.consumable.replacement_due`. Answers `svc.inventory.*`: parts, locations,
//! movements and stocktakes.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod planning;
mod purchasing;
mod store;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

aftercare_platform::service_migrations!();

/// Connects and migrates inventory's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
) -> Result<ServiceHost> {
    let consumable_lead_days = match std::env::var("AFTERCARE_CONSUMABLE_LEAD_DAYS") {
        Ok(v) => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= 60)
            .ok_or_else(|| {
                aftercare_platform::Error::Config(format!(
                    "AFTERCARE_CONSUMABLE_LEAD_DAYS must be a whole number from 0 to 60, not {v:?}"
                ))
            })?,
        Err(_) => 7,
    };
    ServiceHost::open(
        Service::Inventory,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| {
            (
                {
                    let mut all = api::endpoints(db.clone());
                    all.extend(purchasing::endpoints(db.clone()));
                    all.extend(planning::endpoints(db));
                    all
                },
                Some(consumers::handlers(consumers::Context {
                    consumable_lead_days,
                })),
            )
        },
    )
    .await
    .map(|host| host.with_job(purchasing::job()))
}
