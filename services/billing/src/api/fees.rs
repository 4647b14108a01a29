//! What billing charges by: fee schedule versions (listed, and published for a future
//! day) and the parts' price book.

use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    CreateFeeSchedule, FeeSchedule, GetPartPrices, ListFeeSchedules, PartPrices,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{from_ms, now_ms};

use super::actor_id;
use crate::{domain, store};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListFeeSchedules, _>(list)
        .on::<CreateFeeSchedule, _>(create)
        .on::<GetPartPrices, _>(part_prices)
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ListFeeSchedules,
) -> Result<Page<FeeSchedule>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::fee_schedules(&mut conn).await?,
        next_cursor: None,
    })
}

/// Publishes a new version; it prices visits finished from its day on. Receipts already
/// issued keep the version they were priced by.
async fn create(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CreateFeeSchedule,
) -> Result<FeeSchedule, ServiceError> {
    let now = from_ms(now_ms());
    let mut uow = db.begin().await?;
    let existing = store::fee_schedules(uow.conn()).await?;
    let latest = existing.first();
    let errors = domain::schedule::check(
        &req,
        calendar.local_date(now),
        latest.map(|l| l.effective_from),
    );
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut terms = req.terms;
    for r in &mut terms.call_out {
        r.district = r.district.as_ref().map(|d| d.trim().to_owned());
    }
    let f = FeeSchedule {
        version: latest.map_or(1, |l| l.version + 1),
        effective_from: req.effective_from,
        terms,
        created_by: actor_id(&ctx),
        created_at: now,
    };
    store::insert_fee_schedule(&mut uow, &f).await?;
    uow.commit().await?;
    Ok(f)
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
    store::part_prices(&mut conn, sku)
        .await?
        .ok_or_else(|| ServiceError::not_found("part price", sku))
}
