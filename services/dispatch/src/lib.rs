//! Dispatch (派工): turns tickets that need a visit into work orders, assigns them to
//! technicians by hard rules and a score, plans each technician's day route, and takes the
//! technician's visit report.
//!
//! Consumes `intake.ticket.opened` and `intake.ticket.visit_requested`. Publishes
//! `dispatch.workorder.{assigned,unassigned,completed,waiting_for_parts,taken_to_workshop,could_not_fix,cancelled}`,
//! `dispatch.parts.requested`, `dispatch.meter.read` and `dispatch.route.published`.
//! Answers `svc.dispatch.technician.{create,get,list,update,add_leave}`,
//! `svc.dispatch.workorder.{get,list,complete,assign,transition,book}` and
//! `svc.dispatch.day_plan.{publish,get}`.
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
    ServiceHost::open(
        Service::Dispatch,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| {
            (
                api::endpoints(db, calendar.clone()),
                Some(Arc::new(consumers::Handler { calendar })),
            )
        },
    )
    .await
}
