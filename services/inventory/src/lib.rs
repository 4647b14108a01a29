//! Inventory (配件): the parts catalogue and the stock ledger. Stock never goes
//! negative and every change is a movement with actor, time, reason and reference. Parts
//! requests are held or backordered, completed visits consume their parts, meter readings
//! and fitted consumables predict each toner's run-out, a daily job announces the customer's
//! contact on its day, and a periodic job drafts purchase requests.
//!
//! The events inventory publishes (`inventory.*`) and consumes, each with its meaning, its
//! consumers and its JSON Schema, are listed in the event catalogue generated from
//! `shared/contracts` (`docs/events/README.md`); the requests it answers (`svc.inventory.*`) are
//! the `aftercare_contracts::requests::REQUESTS` entries it owns, and its domain rules are
//! described in `docs/services/inventory.md`. Its settings are [`Config`], built once by the
//! binary.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod app;
mod config;
mod consumers;
pub mod domain;
mod store;
mod sweep;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

pub use config::Config;

aftercare_platform::service_migrations!();

/// Connects and migrates inventory's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
    config: Config,
) -> Result<ServiceHost> {
    let Config {
        consumable_lead_days,
        calendar,
        clock,
    } = config;
    let job_calendar = calendar.clone();
    ServiceHost::open_with_clock(
        Service::Inventory,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        clock,
        |db| {
            (
                api::endpoints(db, calendar.clone()),
                Some(consumers::handlers(consumers::Context {
                    consumable_lead_days,
                    calendar,
                })),
            )
        },
    )
    .await
    .map(|host| {
        host.with_job(sweep::job(job_calendar.clone()))
            .with_job(sweep::contacts_job(job_calendar))
    })
}
