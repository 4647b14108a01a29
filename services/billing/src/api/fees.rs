//! What billing charges by: fee schedule versions (listed, and published for a future
//! day) and the parts' price book.
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    CreateFeeSchedule, FeeSchedule, GetPartPrices, ListFeeSchedules, PartPrices,
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
