//! The daily cash reconciliation: what each technician collected on site against what
//! they hand in; a variance waits for a manager.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    ApproveVariance, CashDay, CashDayRequest, CashReconciliation, ReconcileCash,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::domain::cash;
use crate::{app, store};

/// The cash endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CashDayRequest, _>(day)
        .on::<ReconcileCash, _>(reconcile)
        .on::<ApproveVariance, _>(approve)
}

/// Every technician who collected cash on the day, or whose day was counted.
async fn day(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: CashDayRequest,
) -> Result<Page<CashDay>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let collected = store::cash::collections(&mut conn, req.day, None).await?;
    let counted = store::cash::reconciliations(&mut conn, req.day).await?;
    Ok(Page {
        items: cash::cash_days(req.day, collected, counted),
        next_cursor: None,
    })
}

/// Records the count of a technician's cash for a day, once.
async fn reconcile(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: ReconcileCash,
) -> Result<CashReconciliation, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::cash::reconcile(uow, &calendar, req, ctx.actor).await })
    })
    .await
}

/// A manager accepts a variance; the day is then settled.
async fn approve(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ApproveVariance,
) -> Result<CashReconciliation, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::cash::approve(uow, req, ctx.actor).await })
    })
    .await
}
