//! Manufacturer claims (厂家索赔): listed, their brand fields filled in, submitted,
//! decided and paid; each brand's required fields; and the claims outstanding.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    ClaimRequirements, ClaimsOutstanding, ClaimsReportRequest, GetClaim, ListClaimRequirements,
    ListClaims, ManufacturerClaim, SetClaimFields, TransitionClaim,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::{app, domain, store};

/// The claim endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListClaims, _>(|State { db, .. }, _ctx, req: ListClaims| async move {
            let mut conn = db.read_conn().await?;
            Ok(Page {
                items: store::claims::claims(&mut conn, req.status, req.brand.as_deref()).await?,
                next_cursor: None,
            })
        })
        .on::<GetClaim, _>(|State { db, .. }, _ctx, req: GetClaim| async move {
            let mut conn = db.read_conn().await?;
            store::claims::claim(&mut conn, req.id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("claim", &req.id))
        })
        .on::<SetClaimFields, _>(set_fields)
        .on::<TransitionClaim, _>(transition)
        .on::<ListClaimRequirements, _>(
            |State { db, .. }, _ctx, _req: ListClaimRequirements| async move {
                let mut conn = db.read_conn().await?;
                Ok(Page {
                    items: store::claims::all_claim_requirements(&mut conn).await?,
                    next_cursor: None,
                })
            },
        )
        .on::<ClaimRequirements, _>(save_requirements)
        .on::<ClaimsReportRequest, _>(outstanding)
}

/// Fills in (or, with an empty value, removes) a draft claim's brand fields.
async fn set_fields(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: SetClaimFields,
) -> Result<ManufacturerClaim, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(async move { app::claims::set_fields(uow, req).await }))
        .await
}

/// Submits, decides or records payment of a claim.
async fn transition(
    State { db, .. }: State,
    ctx: RequestContext,
    req: TransitionClaim,
) -> Result<ManufacturerClaim, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::claims::transition(uow, req, ctx.actor).await })
    })
    .await
}

/// Replaces a brand's required claim fields.
async fn save_requirements(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ClaimRequirements,
) -> Result<ClaimRequirements, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::claims::save_requirements(uow, req).await })
    })
    .await
}

/// Claims not yet settled, per brand: drafts, submitted, approved awaiting payment.
async fn outstanding(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ClaimsReportRequest,
) -> Result<Page<ClaimsOutstanding>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let claims = store::claims::unsettled_claims(&mut conn).await?;
    Ok(Page {
        items: domain::claims::outstanding(&claims),
        next_cursor: None,
    })
}
