//! Inventory's request endpoints (`svc.inventory.*`), thin adapters over [`crate::app`]:
//! each decodes its request, calls one use case in a transaction (or reads the store) and
//! answers. Parts, locations, movements, stocktakes and the stock report here; purchasing
//! and forecast plans beside.
mod planning;
mod purchasing;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    CreateLocation, CreatePart, DecideStocktake, GetPart, GetStocktake, ListLocations,
    ListMovements, ListParts, ListStocktakes, Location, Part, ReceiveStock, RecordMovement,
    StartStocktake, StockMovement, StockReport, StockReportRequest, Stocktake, UpdatePart,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};

use crate::domain::stock_report;
use crate::{app, store};

/// Every endpoint inventory answers, bound to its request type.
pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    let mut all = Endpoints::new(db.clone())
        .on::<CreateLocation, _>(create_location)
        .on::<ListLocations, _>(list_locations)
        .on::<RecordMovement, _>(record_movement)
        .on::<ListMovements, _>(list_movements)
        .on::<StartStocktake, _>(start_stocktake)
        .on::<GetStocktake, _>(get_stocktake)
        .on::<ListStocktakes, _>(list_stocktakes)
        .on::<DecideStocktake, _>(decide_stocktake)
        .on::<CreatePart, _>(create)
        .on::<ReceiveStock, _>(receive)
        .on::<GetPart, _>(get)
        .on::<ListParts, _>(list_parts)
        .on::<StockReportRequest, _>({
            let calendar = calendar.clone();
            move |db, ctx, req| stock_report(db, calendar.clone(), ctx, req)
        })
        .on::<UpdatePart, _>(update_part)
        .into_vec();
    all.extend(purchasing::endpoints(db.clone(), calendar.clone()));
    all.extend(planning::endpoints(db, calendar));
    all
}

/// Adds a part to the catalogue.
async fn create(db: Db, _ctx: RequestContext, req: CreatePart) -> Result<Part, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(async move { app::parts::create(uow, req).await }))
        .await
}

/// Books stock received into a location.
async fn receive(db: Db, ctx: RequestContext, req: ReceiveStock) -> Result<Part, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::parts::receive(uow, req, &app::user_of(&ctx.actor)).await })
    })
    .await
}

/// A part with its stock per location.
async fn get(db: Db, _ctx: RequestContext, req: GetPart) -> Result<Part, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::parts::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("part", &req.id))
}

/// Parts by SKU whose SKU, name or fitting models contain the text, a page at a time.
async fn list_parts(
    db: Db,
    _ctx: RequestContext,
    req: ListParts,
) -> Result<Page<Part>, ServiceError> {
    check_limit(req.limit)?;
    let text = req.q.as_deref().unwrap_or("").trim().to_lowercase();
    if text.chars().count() > 100 {
        return Err(ServiceError::field(
            "q",
            "too_long",
            "the search text is at most 100 characters",
        ));
    }
    let mut conn = db.read_conn().await?;
    let items = store::parts::list(
        &mut conn,
        &text,
        req.category,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |p| p.sku.clone()))
}

/// Registers a stock location.
async fn create_location(
    db: Db,
    _ctx: RequestContext,
    req: CreateLocation,
) -> Result<Location, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(async move { app::locations::create(uow, req).await }))
        .await
}

/// Every location by code.
async fn list_locations(
    db: Db,
    _ctx: RequestContext,
    _req: ListLocations,
) -> Result<Page<Location>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::locations::locations_all(&mut conn).await?,
        next_cursor: None,
    })
}

/// Records a movement by hand.
async fn record_movement(
    db: Db,
    ctx: RequestContext,
    req: RecordMovement,
) -> Result<Part, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(
            async move { app::ledger::record_movement(uow, req, &app::user_of(&ctx.actor)).await },
        )
    })
    .await
}

/// A part's ledger, newest first, a page at a time.
async fn list_movements(
    db: Db,
    _ctx: RequestContext,
    req: ListMovements,
) -> Result<Page<StockMovement>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    if store::parts::get(&mut conn, req.sku.trim())
        .await?
        .is_none()
    {
        return Err(ServiceError::not_found("part", &req.sku));
    }
    let items = store::stock::movements(
        &mut conn,
        req.sku.trim(),
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |m| m.id.to_string()))
}

/// Stores a count of a location pending a manager's decision.
async fn start_stocktake(
    db: Db,
    ctx: RequestContext,
    req: StartStocktake,
) -> Result<Stocktake, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::stocktakes::start(uow, req, app::user_of(&ctx.actor)).await })
    })
    .await
}

/// One stocktake.
async fn get_stocktake(
    db: Db,
    _ctx: RequestContext,
    req: GetStocktake,
) -> Result<Stocktake, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::stocktakes::stocktake(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("stocktake", &req.id))
}

/// Stocktakes, of one state when given, newest first, a page at a time.
async fn list_stocktakes(
    db: Db,
    _ctx: RequestContext,
    req: ListStocktakes,
) -> Result<Page<Stocktake>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::stocktakes::stocktakes(
        &mut conn,
        req.status,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |s| s.id.to_string()))
}

/// A manager approves or rejects a stocktake.
async fn decide_stocktake(
    db: Db,
    ctx: RequestContext,
    req: DecideStocktake,
) -> Result<Stocktake, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::stocktakes::decide(uow, req, app::user_of(&ctx.actor)).await })
    })
    .await
}

/// Changes a catalogue entry; a new list price is announced.
async fn update_part(db: Db, ctx: RequestContext, req: UpdatePart) -> Result<Part, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::parts::update(uow, req, ctx.actor).await })
    })
    .await
}

/// Stock valuation at cost, turnover and slow movers over a period of the company's local
/// days, and the parts used per model and fault.
async fn stock_report(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    _ctx: RequestContext,
    req: StockReportRequest,
) -> Result<StockReport, ServiceError> {
    let (from, to) = stock_report::period(req.from, req.to, &calendar)
        .map_err(|e| ServiceError::validation(vec![e]))?;
    let mut conn = db.read_conn().await?;
    let parts: Vec<_> = store::stock::stock_facts(&mut conn, from, to)
        .await?
        .into_iter()
        .map(stock_report::line)
        .collect();
    Ok(StockReport {
        from: req.from,
        to: req.to,
        total_value_minor: parts.iter().filter_map(|p| p.value_minor).sum(),
        parts,
        usage: store::usage::usage(&mut conn, from, to).await?,
    })
}
