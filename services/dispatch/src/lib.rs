//! Dispatch (派工): turns tickets that need a visit into work orders, assigns them to
//! technicians by hard rules and a score, plans each technician's day route, and takes the
//! technician's visit report.
//!
//! Consumes `intake.ticket.opened`, `intake.ticket.visit_requested`,
//! `intake.warranty.registered` and `billing.contract.signed` (maintenance plans), and
//! inventory's answers to parts requests. Publishes
//! `dispatch.workorder.{assigned,unassigned,completed,waiting_for_parts,taken_to_workshop,could_not_fix,cancelled}`,
//! `dispatch.parts.requested`, `dispatch.meter.read`, `dispatch.route.published` and
//! `dispatch.maintenance.due` (a periodic job generates planned visits a lead time ahead).
//! Answers `svc.dispatch.technician.{create,get,list,update,add_leave}`,
//! `svc.dispatch.workorder.{get,list,complete,assign,transition,book}` and
//! `svc.dispatch.day_plan.{publish,get}` and `svc.dispatch.maintenance.{create,list}`.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod store;

use std::sync::Arc;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

aftercare_platform::service_migrations!();

/// Connects and migrates dispatch's database and prepares its consumers and endpoints.
pub async fn build(
    bus: Bus,
    database_url: &str,
    settings: MessagingSettings,
) -> Result<ServiceHost> {
    let calendar = Arc::new(
        aftercare_calendar::BusinessCalendar::from_env()
            .map_err(|e| aftercare_platform::Error::Config(e.to_string()))?,
    );
    let lead_days = match std::env::var("AFTERCARE_MAINTENANCE_LEAD_DAYS") {
        Ok(v) => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| *d <= 60)
            .ok_or_else(|| {
                aftercare_platform::Error::Config(format!(
                    "AFTERCARE_MAINTENANCE_LEAD_DAYS must be a whole number from 0 to 60, not {v:?}"
                ))
            })?,
        Err(_) => 7,
    };
    let job_calendar = calendar.clone();
    ServiceHost::open(
        Service::Dispatch,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| {
            (
                api::endpoints(db, calendar.clone()),
                Some(consumers::handlers(consumers::Context { calendar })),
            )
        },
    )
    .await
    .map(|host| host.with_job(api::maintenance::job(job_calendar, lead_days)))
}
