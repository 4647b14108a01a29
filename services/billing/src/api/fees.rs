//! What billing charges by: fee schedule versions (listed, and published for a future
//! day) and the parts' price book; and the company profile its receipts are headed with.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    CompanyProfile, CreateFeeSchedule, FeeSchedule, GetCompanyProfile, GetPartPrices,
    ListFeeSchedules, PartPrices, ReplaceCompanyProfile,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor_id};
use crate::{app, store};

/// The fee schedule and price book endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListFeeSchedules, _>(list)
        .on::<CreateFeeSchedule, _>(create)
        .on::<GetPartPrices, _>(part_prices)
        .on::<GetCompanyProfile, _>(company_profile)
        .on::<ReplaceCompanyProfile, _>(replace_company_profile)
}

/// The company profile in force, with who stored it and when.
async fn company_profile(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetCompanyProfile,
) -> Result<CompanyProfile, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(app::profile::profile(&mut conn).await?)
}

/// Replaces the company profile at the version the caller saw.
async fn replace_company_profile(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceCompanyProfile,
) -> Result<CompanyProfile, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::profile::replace(uow, req, &actor_id(&ctx)).await })
    })
    .await
}

/// Every fee schedule version, newest first.
async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ListFeeSchedules,
) -> Result<Page<FeeSchedule>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::fee_schedules::fee_schedules(&mut conn).await?,
        next_cursor: None,
    })
}

/// Publishes a new version for a day from today on.
async fn create(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CreateFeeSchedule,
) -> Result<FeeSchedule, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(
            async move { app::fee_schedules::publish(uow, &calendar, req, actor_id(&ctx)).await },
        )
    })
    .await
}

/// A part's list price changes as billing received them; 404 when inventory never changed
/// its price (receipts then charge the price carried with the consumption).
async fn part_prices(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetPartPrices,
) -> Result<PartPrices, ServiceError> {
    let sku = req.sku.trim();
    let mut conn = db.read_conn().await?;
    store::price_book::part_prices(&mut conn, sku)
        .await?
        .ok_or_else(|| ServiceError::not_found("part price", sku))
}
