//! The field service report (`svc.dispatch.report.visits`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{DispatchReport, DispatchReportRequest};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::app::reports;

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints.on::<DispatchReportRequest, _>(report)
}

async fn report(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: DispatchReportRequest,
) -> Result<DispatchReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    reports::report(&mut conn, &calendar, &req).await
}
