//! The report-back register: a day's register, the technician's "left" and the desk's
//! record of a call after a visit.
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    GetReportBackRegister, RecordDeparture, RecordReportBack, RegisterRow, ReportBackRegister,
};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor};
use crate::app::register::{self, Rules};

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<GetReportBackRegister, _>(get)
        .on::<RecordDeparture, _>(depart)
        .on::<RecordReportBack, _>(report_back)
}

async fn get(
    state: State,
    _ctx: RequestContext,
    req: GetReportBackRegister,
) -> Result<ReportBackRegister, ServiceError> {
    let mut conn = state.db.read_conn().await?;
    let now = state.db.clock().now();
    register::register(&mut conn, rules(&state), req.date, req.technician_id, now).await
}

async fn depart(
    state: State,
    ctx: RequestContext,
    req: RecordDeparture,
) -> Result<RegisterRow, ServiceError> {
    let mut uow = state.db.begin().await?;
    let row = register::record_departure(&mut uow, rules(&state), &req, &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(row)
}

async fn report_back(
    state: State,
    ctx: RequestContext,
    req: RecordReportBack,
) -> Result<RegisterRow, ServiceError> {
    let mut uow = state.db.begin().await?;
    let row = register::record_report_back(&mut uow, rules(&state), &req, &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(row)
}

fn rules(state: &State) -> Rules<'_> {
    Rules {
        calendar: &state.calendar,
        departure: state.departure,
    }
}
