//! Purchasing endpoints: reorder rules per part and location, and purchase requests from
//! draft to received.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    CreatePurchaseRequest, GetPurchaseRequest, ListPurchaseRequests, ListStockRules,
    MovePurchaseRequest, PurchaseRequest, StockRule,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};

use crate::{app, store};

/// The purchasing endpoints; requests are numbered in the company's local year.
pub(super) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    Endpoints::new(db)
        .on::<StockRule, _>(save_rule)
        .on::<ListStockRules, _>(list_rules)
        .on::<CreatePurchaseRequest, _>(move |db, ctx, req| create(db, calendar.clone(), ctx, req))
        .on::<MovePurchaseRequest, _>(transition)
        .on::<ListPurchaseRequests, _>(list)
        .on::<GetPurchaseRequest, _>(get)
        .into_vec()
}

/// Saves the reorder rule of a part at a location.
async fn save_rule(
    db: Db,
    _ctx: RequestContext,
    req: StockRule,
) -> Result<StockRule, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::purchasing::save_rule(uow, req).await })
    })
    .await
}

/// The rules of one part (`id` is the SKU).
async fn list_rules(
    db: Db,
    _ctx: RequestContext,
    req: ListStockRules,
) -> Result<Page<StockRule>, ServiceError> {
    let mut conn = db.read_conn().await?;
    if store::parts::get(&mut conn, req.id.trim()).await?.is_none() {
        return Err(ServiceError::not_found("part", &req.id));
    }
    Ok(Page {
        items: store::purchasing::rules(&mut conn, Some(req.id.trim())).await?,
        next_cursor: None,
    })
}

/// Drafts a purchase request by hand.
async fn create(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    _ctx: RequestContext,
    req: CreatePurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::purchasing::create(uow, &calendar, req).await })
    })
    .await
}

/// A purchase request by id or number.
async fn get(
    db: Db,
    _ctx: RequestContext,
    req: GetPurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::purchasing::purchase(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("purchase request", &req.id))
}

/// Purchase requests, of one state when given, a page at a time.
async fn list(
    db: Db,
    _ctx: RequestContext,
    req: ListPurchaseRequests,
) -> Result<Page<PurchaseRequest>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::purchasing::purchases(
        &mut conn,
        req.status,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |p| p.id.to_string()))
}

/// Approves, orders, receives or cancels a purchase request.
async fn transition(
    db: Db,
    ctx: RequestContext,
    req: MovePurchaseRequest,
) -> Result<PurchaseRequest, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(
            async move { app::purchasing::transition(uow, req, &app::user_of(&ctx.actor)).await },
        )
    })
    .await
}
