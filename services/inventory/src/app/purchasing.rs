//! Purchasing: reorder rules per part and location, purchase requests drafted by hand, by
//! the reorder sweep or by an approved forecast plan, and moved from draft to received
//! (which books the receipt).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    CreatePurchaseRequest, MovePurchaseRequest, PurchaseReason, PurchaseRequest, PurchaseStatus,
    StockRule,
};
use aftercare_platform::{Result, UnitOfWork, from_ms, now_ms};
use sqlx::AnyConnection;

use crate::domain::numbering;
use crate::domain::replenish::{
    check_move, check_request, may_move, reorder_basis, to_order, validate_rule,
};
use crate::store;
use crate::store::stock::Movement;

/// A request for a part at a location: the part must be in the catalogue and the
/// location registered.
async fn require_part_at(
    conn: &mut AnyConnection,
    sku: &str,
    location: &str,
) -> Result<(), ServiceError> {
    if store::parts::get(conn, sku).await?.is_none() {
        return Err(ServiceError::not_found("part", sku));
    }
    super::locations::require(conn, location, "location").await
}

/// What a purchase request is drafted for.
pub(crate) struct Draft<'a> {
    /// The part.
    pub(crate) sku: &'a str,
    /// Where it is to arrive.
    pub(crate) location: &'a str,
    /// Units.
    pub(crate) quantity: u32,
    /// Who or what asked for it.
    pub(crate) reason: PurchaseReason,
    /// Why this many.
    pub(crate) basis: &'a str,
}

/// Drafts a purchase request under the next number of its local year
/// ([`numbering::PURCHASE`], taken in this transaction so numbers stay gapless).
pub(crate) async fn draft(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    d: Draft<'_>,
    now: i64,
) -> Result<PurchaseRequest> {
    let number = uow
        .next_number(&numbering::PURCHASE, calendar, from_ms(now))
        .await?;
    store::purchasing::insert_purchase(
        uow, &number, d.sku, d.location, d.quantity, d.reason, d.basis, now,
    )
    .await
}

/// Saves the reorder rule of a part at a location.
pub(crate) async fn save_rule(
    uow: &mut UnitOfWork,
    req: StockRule,
) -> Result<StockRule, ServiceError> {
    let errors = validate_rule(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let rule = StockRule {
        sku: req.sku.trim().to_owned(),
        location: req.location.trim().to_owned(),
        ..req
    };
    require_part_at(uow.conn(), &rule.sku, &rule.location).await?;
    store::purchasing::save_rule(uow, &rule).await?;
    Ok(rule)
}

/// Drafts a purchase request by hand.
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreatePurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    let e = check_request(&req);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    require_part_at(uow.conn(), req.sku.trim(), req.location.trim()).await?;
    let now = uow.now_ms();
    Ok(draft(
        uow,
        calendar,
        Draft {
            sku: req.sku.trim(),
            location: req.location.trim(),
            quantity: req.quantity,
            reason: PurchaseReason::Manual,
            basis: req.basis.trim(),
        },
        now,
    )
    .await?)
}

/// Approves, orders, receives (booking the receipt and filling backorders) or cancels a
/// purchase request at the version the clerk saw.
pub(crate) async fn transition(
    uow: &mut UnitOfWork,
    req: MovePurchaseRequest,
    by: &str,
) -> Result<PurchaseRequest, ServiceError> {
    if let Some(e) = check_move(&req) {
        return Err(ServiceError::validation(vec![e]));
    }
    let p = store::purchasing::purchase(uow.conn(), req.purchase_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("purchase request", &req.purchase_id))?;
    if p.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "purchase request {} is at version {}, not {}",
            p.number, p.version, req.expected_version
        )));
    }
    if !may_move(p.status, req.to) {
        return Err(ServiceError::conflict(
            "illegal_transition",
            format!(
                "purchase request {} is {:?} and cannot move to {:?}",
                p.number, p.status, req.to
            ),
        ));
    }
    let reference = Some(req.reference.trim()).filter(|r| !r.is_empty());
    if !store::purchasing::move_purchase(uow, p.id, p.version, req.to, reference).await? {
        return Err(ServiceError::stale(
            "the purchase request was changed meanwhile",
        ));
    }
    if req.to == PurchaseStatus::Received {
        let now = now_ms();
        let m = Movement {
            sku: &p.sku,
            location: &p.location,
            kind: "receipt",
            quantity: i64::from(p.quantity),
            reference: &p.number,
            actor: by,
            reason: "purchase received",
        };
        store::stock::record(uow, &m, now).await?;
        super::reservations::fill_backorders(uow, &p.sku, now).await?;
    }
    store::purchasing::purchase(uow.conn(), &p.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}

/// One pass over every reorder rule: a location at or below its reorder point gets a
/// request up to its maximum, counting what is already on order (so an open request is
/// never doubled). Returns how many requests were drafted.
pub(crate) async fn draft_reorders(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    rules: Vec<StockRule>,
) -> Result<usize> {
    let mut n = 0;
    for r in rules {
        let (available, on_order) =
            store::purchasing::position(uow.conn(), &r.sku, &r.location).await?;
        let qty = to_order(available, on_order, &r);
        if qty == 0 {
            continue;
        }
        let basis = reorder_basis(available, on_order, &r);
        let now = uow.now_ms();
        draft(
            uow,
            calendar,
            Draft {
                sku: &r.sku,
                location: &r.location,
                quantity: qty,
                reason: PurchaseReason::Reorder,
                basis: &basis,
            },
            now,
        )
        .await?;
        n += 1;
    }
    Ok(n)
}
