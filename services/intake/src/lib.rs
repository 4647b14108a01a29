//! Intake (受理): registers customers' requests as tickets, sets their priority and
//! follows them to the end.
//!
//! Customers, their machines and warranty cards live here too. A periodic sweep sends
//! SLA warnings and breaches.
//!
//! Publishes `intake.ticket.{opened,visit_requested,sla_warning,sla_breached}`,
//! `notify.ticket.code_requested` (short-lived NOTIFY stream) and `intake.warranty.registered`. Consumes `dispatch.workorder.assigned`,
//! `dispatch.workorder.completed` and `survey.callback.{scheduled,recorded,problem_persists}`
//! to move tickets along (a callback closes the ticket, a problem that persists reopens it),
//! `dispatch.workorder.waiting_for_parts` (the ticket waits), `notify.callback.link_issued`
//! to send the customer the answer link, `dispatch.maintenance.due` and
//! `inventory.consumable.replacement_due` (planned maintenance tickets and consumables contact
//! tasks) and `billing.contract.signed` (the contract noted on the machines).
//! Answers `svc.intake.ticket.{open,get,list,send_code}`, `svc.intake.customer.{create,get,find}`,
//! `svc.intake.machine.{register,list}` and `svc.intake.warranty.register`.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod api;
mod consumers;
pub mod domain;
mod notify;
mod sla_sweep;
mod store;
pub mod synthetic;

use std::sync::Arc;

use aftercare_contracts::Service;
use aftercare_platform::{Bus, MessagingSettings, Result, ServiceHost};

aftercare_platform::service_migrations!();

/// Connects and migrates intake's database and prepares its consumers and endpoints.
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
        Service::Intake,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
        |db| {
            (
                api::endpoints(db, calendar.clone()),
                Some(consumers::handlers(consumers::Context {
                    calendar,
                    public_url: std::env::var("AFTERCARE_PUBLIC_URL")
                        .unwrap_or_else(|_| "http://127.0.0.1:8080".into()),
                })),
            )
        },
    )
    .await
    .map(|host| host.with_job(sla_sweep::job()))
}
