//! Refunds of approved returns: due when intake approves the return, paid by finance.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{GetRefund, ListRefunds, PayRefund, Refund};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::{app, store};

/// The refund endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListRefunds, _>(|State { db, .. }, _ctx, req: ListRefunds| async move {
            let mut conn = db.read_conn().await?;
            Ok(Page {
                items: store::refunds::refunds(&mut conn, req.status).await?,
                next_cursor: None,
            })
        })
        .on::<GetRefund, _>(|State { db, .. }, _ctx, req: GetRefund| async move {
            let mut conn = db.read_conn().await?;
            store::refunds::refund(&mut conn, req.id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("refund", &req.id))
        })
        .on::<PayRefund, _>(pay)
}

/// Records that a due refund was paid.
async fn pay(
    State { db, .. }: State,
    ctx: RequestContext,
    req: PayRefund,
) -> Result<Refund, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::refunds::pay(uow, req, ctx.actor).await })
    })
    .await
}
