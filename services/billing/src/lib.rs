//! Billing (收费): prices every completed visit by the fee schedule, decides coverage,
//! and issues exactly one receipt per work order with a gapless per-year number.
//!
//! Consumes `dispatch.workorder.completed` (the visit) and `inventory.stock.consumed`
//! (parts at list price); the receipt is issued once both are known (or at once when no
//! parts were used); coverage comes from the warranty or an annual maintenance contract
//! in force for the machine. Publishes `billing.invoice.issued` and
//! `billing.contract.signed`. Answers `svc.billing.invoice.{get,list}`,
//! `svc.billing.contract.{create,get,list}`, `svc.billing.payment.record` and
//! `svc.billing.report.receivables`.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod store;

use std::sync::Arc;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

aftercare_platform::service_migrations!();

/// Connects and migrates billing's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
) -> Result<ServiceHost> {
    ServiceHost::open(
        Service::Billing,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| (api::endpoints(db), Some(Arc::new(consumers::Handler))),
    )
    .await
}
