//! Renewals (续保): what is coming to an end, and the agent's record of the answer; a
//! renewal signs the next contract.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{GetRenewal, ListRenewals, RecordRenewalOutcome, Renewal};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::{app, store};

/// The renewal endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListRenewals, _>(|State { db, .. }, _ctx, req: ListRenewals| async move {
            let mut conn = db.read_conn().await?;
            Ok(Page {
                items: store::renewals::renewals(&mut conn, req.status).await?,
                next_cursor: None,
            })
        })
        .on::<GetRenewal, _>(|State { db, .. }, _ctx, req: GetRenewal| async move {
            let mut conn = db.read_conn().await?;
            store::renewals::renewal(&mut conn, req.id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("renewal", &req.id))
        })
        .on::<RecordRenewalOutcome, _>(outcome)
}

/// Records the customer's answer: declined, or renewed (signing the next contract).
async fn outcome(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: RecordRenewalOutcome,
) -> Result<Renewal, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::renewals::record_outcome(uow, &calendar, req, ctx.actor).await })
    })
    .await
}
