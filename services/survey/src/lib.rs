//! Survey (回访): calls every customer back after every visit.
//!
//! Consumes `billing.invoice.issued` (the visit is done and billed). Publishes
//! `survey.callback.scheduled`. Answers `svc.survey.callback.{get,list}`.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod store;

use std::sync::Arc;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

aftercare_platform::service_migrations!();

/// Connects and migrates survey's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
) -> Result<ServiceHost> {
    let calendar = aftercare_calendar::BusinessCalendar::from_env()
        .map_err(|e| aftercare_platform::Error::Config(e.to_string()))?;
    let policy = domain::CallbackPolicy {
        calendar,
        ..domain::CallbackPolicy::default()
    };
    ServiceHost::open(
        Service::Survey,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| {
            (
                api::endpoints(db),
                Some(Arc::new(consumers::Handler { policy })),
            )
        },
    )
    .await
}
