//! Day plans: planning and publishing a day, and reading a published one (whole, or one
//! technician's route).
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{DayPlan, GetDayPlan, PlanDay};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::app::day_plans;
use crate::store::day_plans as store;

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints.on::<PlanDay, _>(publish).on::<GetDayPlan, _>(get)
}

async fn publish(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: PlanDay,
) -> Result<DayPlan, ServiceError> {
    let mut uow = db.begin().await?;
    let p = day_plans::publish(&mut uow, &calendar, req.date, ctx.actor).await?;
    uow.commit().await?;
    Ok(p)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetDayPlan,
) -> Result<DayPlan, ServiceError> {
    let mut conn = db.read_conn().await?;
    let mut p = store::day_plan(&mut conn, req.date)
        .await?
        .ok_or_else(|| ServiceError::not_found("day plan", &req.date.to_string()))?;
    if let Some(t) = req.technician_id {
        p.routes.retain(|r| r.technician_id == t);
        p.unplanned.clear();
    }
    Ok(p)
}
