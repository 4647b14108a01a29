//! Quotations (报价) of chargeable work: offered, read and answered once.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    AnswerQuotation, GetQuotation, ListQuotations, OfferQuotation, Quotation, QuotationList,
};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::{app, store};

/// The quotation endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<OfferQuotation, _>(offer)
        .on::<AnswerQuotation, _>(answer)
        .on::<GetQuotation, _>(|State { db, .. }, _ctx, req: GetQuotation| async move {
            let mut conn = db.read_conn().await?;
            store::quotations::get(&mut conn, req.id.trim())
                .await?
                .map(|(q, _)| q)
                .ok_or_else(|| ServiceError::not_found("quotation", &req.id))
        })
        .on::<ListQuotations, _>(|State { db, .. }, _ctx, req: ListQuotations| async move {
            let mut conn = db.read_conn().await?;
            Ok(QuotationList {
                items: store::quotations::of_work_order(&mut conn, req.work_order_id).await?,
            })
        })
}

/// Offers a quotation for the work entered so far.
async fn offer(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: OfferQuotation,
) -> Result<Quotation, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::quotations::offer(uow, &calendar, req, &ctx.actor).await })
    })
    .await
}

/// Records the customer's answer to a quotation.
async fn answer(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: AnswerQuotation,
) -> Result<Quotation, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::quotations::answer(uow, &calendar, req, &ctx.actor).await })
    })
    .await
}
