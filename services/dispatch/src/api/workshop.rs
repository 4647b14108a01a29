//! Workshop jobs (内修 / 送修): receiving a machine, reading and listing jobs, the
//! diagnosis, the steps and the repair report.
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    AdvanceWorkshopJob, DiagnoseWorkshopJob, GetWorkshopJob, ListWorkshopJobs, ReceiveWorkshopJob,
    RepairWorkshopJob, WorkshopJob,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor};
use crate::app::workshop;

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ReceiveWorkshopJob, _>(receive)
        .on::<GetWorkshopJob, _>(get)
        .on::<ListWorkshopJobs, _>(list)
        .on::<DiagnoseWorkshopJob, _>(diagnose)
        .on::<AdvanceWorkshopJob, _>(advance)
        .on::<RepairWorkshopJob, _>(repair)
}

async fn receive(
    state: State,
    ctx: RequestContext,
    req: ReceiveWorkshopJob,
) -> Result<WorkshopJob, ServiceError> {
    let mut uow = state.db.begin().await?;
    let job = workshop::receive(
        &mut uow,
        &state.calendar,
        &req,
        &actor(&ctx),
        ctx.actor.clone(),
    )
    .await?;
    uow.commit().await?;
    Ok(job)
}

async fn get(
    state: State,
    _ctx: RequestContext,
    req: GetWorkshopJob,
) -> Result<WorkshopJob, ServiceError> {
    let mut conn = state.db.read_conn().await?;
    workshop::get(&mut conn, &req.id).await
}

async fn list(
    state: State,
    _ctx: RequestContext,
    req: ListWorkshopJobs,
) -> Result<Page<WorkshopJob>, ServiceError> {
    let mut conn = state.db.read_conn().await?;
    workshop::list(&mut conn, &req).await
}

async fn diagnose(
    state: State,
    ctx: RequestContext,
    req: DiagnoseWorkshopJob,
) -> Result<WorkshopJob, ServiceError> {
    let mut uow = state.db.begin().await?;
    let job = workshop::diagnose(&mut uow, &req, &actor(&ctx), ctx.actor.clone()).await?;
    uow.commit().await?;
    Ok(job)
}

async fn advance(
    state: State,
    ctx: RequestContext,
    req: AdvanceWorkshopJob,
) -> Result<WorkshopJob, ServiceError> {
    let mut uow = state.db.begin().await?;
    let job = workshop::advance(&mut uow, &req, &actor(&ctx), ctx.actor.clone()).await?;
    uow.commit().await?;
    Ok(job)
}

async fn repair(
    state: State,
    ctx: RequestContext,
    req: RepairWorkshopJob,
) -> Result<WorkshopJob, ServiceError> {
    let mut uow = state.db.begin().await?;
    let job = workshop::repair(&mut uow, &req, &actor(&ctx), ctx.actor.clone()).await?;
    uow.commit().await?;
    Ok(job)
}
