//! Dispatch (派工): turns tickets that need a visit into work orders, assigns them to
//! technicians by hard rules and a score, plans each technician's day route, and takes the
//! technician's visit report. A periodic job generates planned maintenance visits a lead
//! time ahead.
//!
//! The events dispatch publishes (`dispatch.*`) and consumes, each with its meaning, its
//! consumers and its JSON Schema, are listed in the event catalogue generated from
//! `shared/contracts` (`docs/events/README.md`); the requests it answers (`svc.dispatch.*`) are
//! the `aftercare_contracts::requests::REQUESTS` entries it owns, and its domain rules are
//! described in `docs/services/dispatch.md`. Its settings are [`Config`], built once by the
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

/// Connects and migrates dispatch's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
    config: Config,
) -> Result<ServiceHost> {
    let Config {
        calendar,
        clock,
        maintenance_lead_days: lead_days,
        departure_time,
    } = config;
    let job_calendar = calendar.clone();
    ServiceHost::open_with_clock(
        Service::Dispatch,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        clock,
        |db| {
            (
                api::endpoints(db, calendar.clone(), departure_time),
                Some(consumers::handlers(consumers::Context { calendar })),
            )
        },
    )
    .await
    .map(|host| host.with_job(sweep::job(job_calendar, lead_days)))
}
