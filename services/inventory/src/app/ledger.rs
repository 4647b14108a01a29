//! Movements recorded by hand (adjustments, transfers, write-offs, removed parts): planned
//! by the ledger's rules and booked under the same guards in SQL.
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{ManualMovement, Part, RecordMovement};
use aftercare_platform::{UnitOfWork, now_ms};

use crate::domain::ledger::{self, Refusal};
use crate::{domain, store};

/// A refusal of the ledger as the answer it gives.
pub(crate) fn refused(r: Refusal) -> ServiceError {
    match r {
        Refusal::NotPositive => {
            ServiceError::field("quantity", "out_of_range", "quantity must not be zero")
        }
        Refusal::SamePlace => {
            ServiceError::field("to", "same_place", "a transfer goes somewhere else")
        }
        Refusal::NotAvailable { at, available } => ServiceError::conflict(
            "not_available",
            format!(
                "only {available} available at {at} (on hand and not reserved); stock never goes negative"
            ),
        ),
    }
}

/// Records a movement by hand; stock that arrives (anything but a transfer) is held for
/// the oldest backorders it covers.
pub(crate) async fn record_movement(
    uow: &mut UnitOfWork,
    req: RecordMovement,
    by: &str,
) -> Result<Part, ServiceError> {
    let op = domain::movement_operation(&req).map_err(ServiceError::validation)?;
    if store::parts::get(uow.conn(), &req.sku).await?.is_none() {
        return Err(ServiceError::not_found("part", &req.sku));
    }
    super::locations::require(uow.conn(), req.location.trim(), "location").await?;
    if let Some(to) = &req.to {
        super::locations::require(uow.conn(), to.trim(), "to").await?;
    }
    let balances = store::stock::balances(uow.conn(), &req.sku).await?;
    let mut entries = ledger::plan(&op, &balances).map_err(refused)?;
    if req.removed_part {
        for e in &mut entries {
            e.kind = "removed_part";
        }
    }
    let now = now_ms();
    store::stock::book(
        uow,
        &req.sku,
        &entries,
        req.reference.trim(),
        by,
        req.reason.trim(),
        now,
    )
    .await?;
    if req.kind != ManualMovement::Transfer {
        super::reservations::fill_backorders(uow, &req.sku, now).await?;
    }
    store::parts::get(uow.conn(), &req.sku)
        .await?
        .ok_or_else(ServiceError::internal)
}
