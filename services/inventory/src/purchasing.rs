//! Purchasing: reorder rules per part and location, the periodic sweep that drafts a
//! purchase request when stock falls to a reorder point (never a second one while one is
//! open), and purchase requests from draft to received (which books the receipt).
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    CreatePurchaseRequest, GetPurchaseRequest, ListPurchaseRequests, ListStockRules,
    MovePurchaseRequest, PurchaseReason, PurchaseRequest, PurchaseStatus, StockRule,
};
use aftercare_contracts::rpc::{Page, check_limit, check_text};
use aftercare_platform::host::Job;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, now_ms};

use crate::domain::replenish::{may_move, to_order, validate_rule};
use crate::store::{self, Movement};

pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    Endpoints::new(db)
        .on::<StockRule, _>(save_rule)
        .on::<ListStockRules, _>(list_rules)
        .on::<CreatePurchaseRequest, _>(move |db, ctx, req| create(db, calendar.clone(), ctx, req))
        .on::<MovePurchaseRequest, _>(transition)
        .on::<ListPurchaseRequests, _>(list)
        .on::<GetPurchaseRequest, _>(get)
        .into_vec()
}

async fn known(
    db_conn: &mut sqlx::AnyConnection,
    sku: &str,
    location: &str,
) -> Result<(), ServiceError> {
    if store::get(db_conn, sku).await?.is_none() {
        return Err(ServiceError::not_found("part", sku));
    }
    if !store::location_exists(db_conn, location).await? {
        return Err(ServiceError::field(
            "location",
            "unknown_location",
            format!("{location:?} is not a registered stock location"),
        ));
    }
    Ok(())
}

async fn save_rule(
    db: Db,
    _ctx: RequestContext,
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
    let mut uow = db.begin().await?;
    known(uow.conn(), &rule.sku, &rule.location).await?;
    store::save_rule(&mut uow, &rule).await?;
    uow.commit().await?;
    Ok(rule)
}

/// The rules of one part (`id` is the SKU).
async fn list_rules(
    db: Db,
    _ctx: RequestContext,
    req: ListStockRules,
) -> Result<Page<StockRule>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::rules(&mut conn, Some(req.id.trim())).await?,
        next_cursor: None,
    })
}

async fn create(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    _ctx: RequestContext,
    req: CreatePurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    let mut e = Vec::new();
    check_text(&mut e, "basis", &req.basis, 1, 500);
    if !(1..=100_000).contains(&req.quantity) {
        e.push(aftercare_contracts::FieldError {
            field: "quantity".into(),
            code: "out_of_range".into(),
            message: "quantity must be between 1 and 100000".into(),
        });
    }
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let mut uow = db.begin().await?;
    known(uow.conn(), req.sku.trim(), req.location.trim()).await?;
    let p = store::insert_purchase(
        &mut uow,
        req.sku.trim(),
        req.location.trim(),
        req.quantity,
        PurchaseReason::Manual,
        req.basis.trim(),
        &calendar,
        now_ms(),
    )
    .await?;
    uow.commit().await?;
    Ok(p)
}

async fn get(
    db: Db,
    _ctx: RequestContext,
    req: GetPurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::purchase(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("purchase request", &req.id))
}

async fn list(
    db: Db,
    _ctx: RequestContext,
    req: ListPurchaseRequests,
) -> Result<Page<PurchaseRequest>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::purchases(
        &mut conn,
        req.status,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |p| p.id.to_string()))
}

/// Approves, orders, receives (booking the receipt and filling backorders) or cancels.
async fn transition(
    db: Db,
    ctx: RequestContext,
    req: MovePurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    if req.reference.chars().count() > 200 {
        return Err(ServiceError::field(
            "reference",
            "too_long",
            "reference must be at most 200 characters",
        ));
    }
    if req.to == PurchaseStatus::Ordered && req.reference.trim().is_empty() {
        return Err(ServiceError::field(
            "reference",
            "required",
            "give the supplier's order reference",
        ));
    }
    let mut uow = db.begin().await?;
    let p = store::purchase(uow.conn(), req.purchase_id.trim())
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
    if !store::move_purchase(&mut uow, p.id, p.version, req.to, reference).await? {
        return Err(ServiceError::stale(
            "the purchase request was changed meanwhile",
        ));
    }
    if req.to == PurchaseStatus::Received {
        let actor = ctx
            .actor
            .as_ref()
            .map(|a| a.user_id.as_str())
            .unwrap_or("anonymous");
        let now = now_ms();
        let m = Movement {
            sku: &p.sku,
            location: &p.location,
            kind: "receipt",
            quantity: i64::from(p.quantity),
            reference: &p.number,
            actor,
            reason: "purchase received",
        };
        store::record(&mut uow, &m, now).await?;
        crate::consumers::fill_backorders(&mut uow, &p.sku, now).await?;
    }
    let moved = store::purchase(uow.conn(), &p.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    uow.commit().await?;
    Ok(moved)
}

/// The periodic job that drafts reorder requests.
pub(crate) fn job(calendar: Arc<BusinessCalendar>) -> Job {
    Job {
        name: "reorder points",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move { sweep(&db, &calendar).await.map(|_| ()) })
        }),
    }
}

/// One pass over every rule; returns how many requests were drafted. A location with an
/// open request is ordered for only beyond it (the open quantity counts as on order).
pub(crate) async fn sweep(
    db: &Db,
    calendar: &BusinessCalendar,
) -> aftercare_platform::Result<usize> {
    let rules = {
        let mut conn = db.read_conn().await?;
        store::rules(&mut conn, None).await?
    };
    let mut n = 0;
    let mut uow = db.begin().await?;
    for r in rules {
        let (available, on_order) = store::position(uow.conn(), &r.sku, &r.location).await?;
        let qty = to_order(available, on_order, &r);
        if qty == 0 {
            continue;
        }
        let basis = format!(
            "available {available} + on order {on_order} at or below the reorder point {}; up to {}",
            r.reorder_point, r.max
        );
        store::insert_purchase(
            &mut uow,
            &r.sku,
            &r.location,
            qty,
            PurchaseReason::Reorder,
            &basis,
            calendar,
            now_ms(),
        )
        .await?;
        n += 1;
    }
    uow.commit().await?;
    Ok(n)
}
