//! Maintenance plans: made by hand and listed.
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{CreateMaintenancePlan, ListMaintenancePlans, MaintenancePlan};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::app::maintenance;
use crate::store::maintenance as store;

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CreateMaintenancePlan, _>(create)
        .on::<ListMaintenancePlans, _>(list)
}

async fn create(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: CreateMaintenancePlan,
) -> Result<MaintenancePlan, ServiceError> {
    let mut uow = db.begin().await?;
    let p = maintenance::create(&mut uow, &req).await?;
    uow.commit().await?;
    Ok(p)
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListMaintenancePlans,
) -> Result<Page<MaintenancePlan>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        req.customer_id,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |p| p.id.to_string()))
}
