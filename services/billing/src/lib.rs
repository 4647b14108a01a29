//! Billing (收费): prices every completed visit by the fee schedule version in force,
//! decides each line's coverage (brand warranty, dealer warranty, contract, chargeable),
//! and issues exactly one receipt per work order with a gapless per-year number; then
//! payments, credit notes, IOUs, the technicians' daily cash reconciliation, refunds of
//! approved returns, manufacturer claims, contract renewals and overdue reminders, and
//! the receivables, revenue, claims and contracts-signed reports.
//!
//! The events billing publishes (`billing.*`) and consumes, each with its meaning, its
//! consumers and its JSON Schema, are listed in the event catalogue generated from
//! `shared/contracts` (`docs/events/README.md`); the requests it answers (`svc.billing.*`) are
//! the `aftercare_contracts::requests::REQUESTS` entries it owns, and its domain rules are
//! described in `docs/services/billing.md`. Its settings are [`Config`], built once by the
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

/// Connects and migrates billing's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
    config: Config,
) -> Result<ServiceHost> {
    let Config { calendar, clock } = config;
    ServiceHost::open_with_clock(
        Service::Billing,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        clock,
        |db| {
            (
                api::endpoints(db, calendar.clone()),
                Some(consumers::handlers(consumers::Context {
                    calendar: calendar.clone(),
                })),
            )
        },
    )
    .await
    .map(|host| host.with_job(sweep::job(calendar)))
}
