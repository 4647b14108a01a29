//! Parts planning endpoints: a forecast plan drafted, read and approved.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    ApproveForecastPlan, ForecastPlan, GetForecastPlan, ListForecastPlans, StartForecastPlan,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};

use crate::{app, store};

/// The forecast plan endpoints; a plan's months and approved plans' purchase requests'
/// year are the company's local dates.
pub(super) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    Endpoints::new(db)
        .on::<StartForecastPlan, _>({
            let calendar = calendar.clone();
            move |db, ctx, req| start(db, calendar.clone(), ctx, req)
        })
        .on::<GetForecastPlan, _>(get)
        .on::<ListForecastPlans, _>(list)
        .on::<ApproveForecastPlan, _>(move |db, ctx, req| approve(db, calendar.clone(), ctx, req))
        .into_vec()
}

/// Drafts a forecast plan.
async fn start(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    ctx: RequestContext,
    req: StartForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move {
            app::forecasts::start(uow, &calendar, req, app::user_of(&ctx.actor)).await
        })
    })
    .await
}

/// A forecast plan.
async fn get(
    db: Db,
    _ctx: RequestContext,
    req: GetForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::forecasts::plan(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("forecast plan", &req.id))
}

/// Forecast plans, of one state when given, newest first, a page at a time.
async fn list(
    db: Db,
    _ctx: RequestContext,
    req: ListForecastPlans,
) -> Result<Page<ForecastPlan>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::forecasts::plans(
        &mut conn,
        req.status,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |p| p.id.to_string()))
}

/// Approves a draft plan, drafting its purchase requests.
async fn approve(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    _ctx: RequestContext,
    req: ApproveForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::forecasts::approve(uow, &calendar, req).await })
    })
    .await
}
