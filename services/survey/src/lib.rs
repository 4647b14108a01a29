//! Survey (回访): calls every customer back after every visit.
//!
//! Consumes `dispatch.workorder.completed` (every visit gets a callback task and is
//! checked for repeated faults) and `intake.ticket.opened` (who took the request, for
//! whom). Publishes `survey.callback.{scheduled,recorded,problem_persists}`, `notify.callback.link_issued`,
//! `survey.followup.{created,escalated}`, `survey.ranking.published` and
//! `survey.quality.warning_raised`. Answers `svc.survey.*`: callbacks and answer links,
//! the questionnaire, follow-ups, reports, rankings, campaigns and quality warnings.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod store;
mod sweep;

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
    let policy = Arc::new(
        domain::CallbackPolicy::from_settings(calendar, |k| std::env::var(k).ok())
            .map_err(aftercare_platform::Error::Config)?,
    );
    ServiceHost::open(
        Service::Survey,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
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
