//! Survey (回访): calls every customer back after every visit, scores the answers, ranks
//! technicians and agents, follows up on dissatisfied customers and raises quality
//! warnings on repeated faults.
//!
//! The events survey publishes (`survey.*` and `notify.callback.link_issued`) and consumes, each with its meaning, its
//! consumers and its JSON Schema, are listed in the event catalogue generated from
//! `shared/contracts` (`docs/events/README.md`); the requests it answers (`svc.survey.*`) are
//! the `aftercare_contracts::requests::REQUESTS` entries it owns, and its domain rules are
//! described in `docs/services/survey.md`. Its settings are [`Config`], built once by the
//! binary.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod app;
mod config;
mod consumers;
pub mod domain;
mod store;
mod sweep;

use std::sync::Arc;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

pub use config::Config;

aftercare_platform::service_migrations!();

/// Connects and migrates survey's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
    config: Config,
) -> Result<ServiceHost> {
    let policy = Arc::new(config.callbacks);
    ServiceHost::open_with_clock(
        Service::Survey,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        config.clock,
        |db| {
            (
                api::endpoints(db, policy.clone()),
                Some(consumers::handlers(consumers::Context {
                    policy: policy.clone(),
                })),
            )
        },
    )
    .await
    .map(|host| host.with_job(sweep::job(policy)))
}
