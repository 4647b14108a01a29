//! Dispatch's request endpoints (`svc.dispatch.*`), thin adapters over [`crate::app`]:
//! each decodes its request, opens the unit of work, calls one use case and commits.
//! Technicians and duration defaults in [`technicians`], work orders and their visit
//! reports in [`work_orders`], day plans in [`day_plans`], maintenance plans in
//! [`maintenance`], the field service report in [`reports`], the report-back register in
//! [`register`], workshop jobs in [`workshop`].
mod day_plans;
mod maintenance;
mod register;
mod reports;
mod technicians;
mod work_orders;
mod workshop;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use chrono::NaiveTime;

/// What every endpoint reaches: the database, the business calendar and the company's
/// departure time.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    calendar: Arc<BusinessCalendar>,
    departure: NaiveTime,
}

/// Dispatch's endpoints, one per request type it answers.
pub(crate) fn endpoints(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    departure: NaiveTime,
) -> Vec<Endpoint> {
    let endpoints = Endpoints::new(State {
        db,
        calendar,
        departure,
    });
    let endpoints = technicians::register(endpoints);
    let endpoints = maintenance::register(endpoints);
    let endpoints = work_orders::register(endpoints);
    let endpoints = day_plans::register(endpoints);
    let endpoints =
        register::register(endpoints)
            .on::<aftercare_contracts::dispatch::DispatchSettingHistory, _>(setting_history);
    let endpoints = workshop::register(endpoints);
    reports::register(endpoints).into_vec()
}

/// Who made a request, as history rows and settings name them.
fn actor(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

/// The stored versions of one of the company settings this service keeps, newest first.
async fn setting_history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: aftercare_contracts::dispatch::DispatchSettingHistory,
) -> Result<
    aftercare_contracts::rpc::Page<aftercare_contracts::rpc::SettingVersion>,
    aftercare_contracts::ServiceError,
> {
    aftercare_platform::company_settings::history_of!(
        &db,
        &req.0,
        [
            crate::domain::settings::DurationDefaults,
            crate::domain::settings::FaultList
        ]
    )
}
