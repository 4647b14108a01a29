//! Inventory (配件): the parts catalogue and the stock ledger. Stock never goes
//! negative and every change is a movement with actor, time, reason and reference.
//!
//! Consumes `dispatch.parts.requested` (units held for a work order, or backordered) and
//! `dispatch.workorder.completed` (parts used: held units first). Publishes
//! `inventory.reservation.{confirmed,backordered}`, `inventory.backorder.fulfilled` and
//! `inventory.stock.consumed`. Answers `svc.inventory.part.{create,receive,get}`.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod store;

use std::sync::Arc;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

aftercare_platform::service_migrations!();

/// Connects and migrates inventory's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
) -> Result<ServiceHost> {
    ServiceHost::open(
        Service::Inventory,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| (api::endpoints(db), Some(Arc::new(consumers::Handler))),
    )
    .await
}
