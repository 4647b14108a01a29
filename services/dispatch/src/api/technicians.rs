//! Technicians: profiles and leave; and how long their visits take (duration defaults by
//! kind of work and model).
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    AddLeave, CreateTechnician, DurationDefaults, GetDurationDefaults, GetTechnician,
    ListTechnicians, ReplaceDurationDefaults, Technician, UpdateTechnician,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor};
use crate::app::{settings, technicians};
use crate::store::technicians as store;

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CreateTechnician, _>(create)
        .on::<GetTechnician, _>(get)
        .on::<ListTechnicians, _>(list)
        .on::<UpdateTechnician, _>(update)
        .on::<AddLeave, _>(add_leave)
        .on::<GetDurationDefaults, _>(durations)
        .on::<ReplaceDurationDefaults, _>(replace_durations)
}

async fn create(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: CreateTechnician,
) -> Result<Technician, ServiceError> {
    let mut uow = db.begin().await?;
    let t = technicians::create(&mut uow, &req).await?;
    uow.commit().await?;
    Ok(t)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetTechnician,
) -> Result<Technician, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &req.id))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListTechnicians,
) -> Result<Page<Technician>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        req.district.as_deref().map(str::trim),
        req.team.as_deref().map(str::trim),
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |t| t.id.to_string()))
}

async fn update(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: UpdateTechnician,
) -> Result<Technician, ServiceError> {
    let mut uow = db.begin().await?;
    let t = technicians::update(&mut uow, &req).await?;
    uow.commit().await?;
    Ok(t)
}

async fn add_leave(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: AddLeave,
) -> Result<Technician, ServiceError> {
    let mut uow = db.begin().await?;
    let t = technicians::add_leave(&mut uow, &req).await?;
    uow.commit().await?;
    Ok(t)
}

async fn durations(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetDurationDefaults,
) -> Result<DurationDefaults, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(settings::durations(&mut conn).await?)
}

async fn replace_durations(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceDurationDefaults,
) -> Result<DurationDefaults, ServiceError> {
    let mut uow = db.begin().await?;
    let d = settings::replace_durations(&mut uow, req, &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(d)
}
