//! What billing keeps of other services' facts to price visits later: a ticket's customer
//! and tier, a machine's registered warranty, and the parts' list price changes; and a
//! customer record merged into another.
use aftercare_contracts::intake::{CustomerMerged, TicketOpened, WarrantyRegistered};
use aftercare_contracts::inventory::PartPriceChanged;
use aftercare_platform::{Result, UnitOfWork};

use crate::store;

/// Remembers the customer and tier of a ticket opened at intake (a key account's
/// discount is decided by the tier when the ticket was opened).
pub(crate) async fn ticket_opened(uow: &mut UnitOfWork, t: &TicketOpened) -> Result<()> {
    store::visits::record_ticket(uow, t.ticket_id, t.customer_id, t.tier).await
}

/// Keeps a registered warranty card with an end day (the dealer's warranty then runs to
/// it); a card without one changes nothing.
pub(crate) async fn warranty_registered(
    uow: &mut UnitOfWork,
    w: &WarrantyRegistered,
) -> Result<()> {
    if let Some(end) = w.warranty_end {
        store::warranties::record_warranty(uow, w, end).await?;
    }
    Ok(())
}

/// Keeps one list price change in the price book, so a late consumption is charged the
/// price of the visit's day.
pub(crate) async fn part_price_changed(uow: &mut UnitOfWork, c: &PartPriceChanged) -> Result<()> {
    store::price_book::record_price_change(uow, c).await
}

/// A duplicate customer record was merged into another: the contracts, receipts, tickets,
/// warranties, renewals and refunds recorded under the duplicate name the record that
/// stays, so lists and reports by customer find them there. Redelivered, it finds nothing
/// left to move.
pub(crate) async fn customer_merged(uow: &mut UnitOfWork, m: &CustomerMerged) -> Result<()> {
    store::customers::rekey_customer(uow, m.duplicate_id, m.customer_id).await?;
    Ok(())
}
