//! Dispatch (派工): turns tickets that need a visit into work orders, assigns them to
//! technicians, and takes the technician's report when the visit is done.
//!
//! Consumes `intake.ticket.opened` and `intake.ticket.visit_requested`. Publishes `dispatch.workorder.assigned`,
//! `dispatch.workorder.unassigned` and `dispatch.workorder.completed`. Answers
//! `svc.dispatch.technician.create` and `svc.dispatch.workorder.{get,list,complete}`.
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
    ServiceHost::open(
        Service::Dispatch,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| (api::endpoints(db), Some(Arc::new(consumers::Handler))),
    )
    .await
}
