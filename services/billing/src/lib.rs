//! Billing (收费): prices every completed visit by the fee schedule version in force,
//! decides each line's coverage (brand warranty, dealer warranty, contract, chargeable),
//! and issues exactly one receipt per work order with a gapless per-year number; then
//! payments, credit notes, IOUs, the technicians' daily cash reconciliation, refunds of
//! approved returns, manufacturer claims, contract renewals and overdue reminders, and
//! the receivables, revenue, claims and contracts-signed reports.
//!
//! Consumes `dispatch.workorder.completed` (the visit, with cash collected on site),
//! `inventory.stock.consumed` (the parts used), `inventory.part.price_changed` (the price
//! book: parts are charged the list price in force when the visit finished),
//! `intake.ticket.opened` (the customer's
//! tier), `intake.warranty.registered` (warranties to renew) and `intake.return.approved`
//! (a refund falls due). Publishes
//! `billing.invoice.issued`, `billing.contract.signed`, `billing.credit_note.issued`,
//! `billing.cash.reconciled`, `billing.refund.paid`, `billing.claim.status_changed`,
//! `billing.receivable.overdue` and `billing.renewal.{listed,follow_up_due}`.
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

/// Connects and migrates billing's database and prepares its consumers and endpoints.
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
        Service::Billing,
        bus,
        database_url,
        &MIGRATIONS,
        settings,
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
