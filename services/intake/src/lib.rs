//! Intake (受理): registers customers' requests as tickets, sets their priority and
//! follows them to the end.
//!
//! Customers, their machines and warranty cards live here too. A periodic sweep sends
//! SLA warnings and breaches; events from dispatch, inventory, billing and survey move
//! tickets along, open planned maintenance and consumables tickets, and reach the customer
//! as notifications.
//!
//! The events intake publishes (`intake.*` and `notify.*`) and consumes, each with its meaning, its
//! consumers and its JSON Schema, are listed in the event catalogue generated from
//! `shared/contracts` (`docs/events/README.md`); the requests it answers (`svc.intake.*`) are
//! the `aftercare_contracts::requests::REQUESTS` entries it owns, and its domain rules are
//! described in `docs/services/intake.md`. Its settings are [`Config`], built once by the
//! binary.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod app;
mod config;
mod consumers;
pub mod domain;
mod store;
pub mod synthetic;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

pub use config::Config;

aftercare_platform::service_migrations!();

/// Connects and migrates intake's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
    config: Config,
) -> Result<ServiceHost> {
    let Config {
        calendar,
        clock,
        public_url,
    } = config;
    ServiceHost::open_with_clock(
        Service::Intake,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        clock,
        |db| {
            (
                api::endpoints(db, calendar.clone()),
                Some(consumers::handlers(consumers::Context {
                    calendar,
                    public_url,
                })),
            )
        },
    )
    .await
    .map(|host| host.with_job(app::sla_sweep::job()))
}
