//! Consumables tracking: the machines' meter readings, the consumables that fit a model,
//! and each fitted consumable's page count and run-out announcement.
use aftercare_platform::db::parse_stored;
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::AnyConnection;

use crate::domain::consumables::fits;

/// Keeps a meter reading; false when the work order's reading is already kept.
pub(crate) async fn record_reading(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::dispatch::MeterRead,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into meter_reading (work_order_id, brand, serial, model, pages, read_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (work_order_id) do nothing",
    )
    .bind(r.work_order_id.to_string())
    .bind(r.machine.brand.trim())
    .bind(r.machine.serial.trim())
    .bind(r.machine.model.trim())
    .bind(r.reading as i64)
    .bind(r.read_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A machine's readings since `since`, oldest first.
pub(crate) async fn readings(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
    since: i64,
) -> Result<Vec<crate::domain::consumables::Reading>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "select read_at, pages from meter_reading where brand = $1 and serial = $2 and read_at >= $3
         order by read_at",
    )
    .bind(brand)
    .bind(serial)
    .bind(since)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, pages)| crate::domain::consumables::Reading {
            at: aftercare_platform::from_ms(at),
            pages: pages.max(0) as u64,
        })
        .collect())
}

/// The last reading of a machine, if any.
pub(crate) async fn last_reading(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
) -> Result<Option<u64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "select pages from meter_reading where brand = $1 and serial = $2 order by read_at desc limit 1",
    )
    .bind(brand)
    .bind(serial)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(p,)| p.max(0) as u64))
}

/// A consumable of the catalogue: SKU, name, page yield.
pub(crate) struct ConsumablePart {
    pub(crate) sku: String,
    pub(crate) name: String,
    pub(crate) page_yield: u32,
}

/// The consumables that fit `model` (case-insensitive).
pub(crate) async fn consumables_for(
    conn: &mut AnyConnection,
    model: &str,
) -> Result<Vec<ConsumablePart>> {
    let rows: Vec<(String, String, Option<i64>, String)> = sqlx::query_as(
        "select sku, name, page_yield, compatible_models from part where category = 'consumable' order by sku",
    )
    .fetch_all(conn)
    .await?;
    let mut out = Vec::new();
    for (sku, name, page_yield, models) in rows {
        let models: Vec<String> = aftercare_platform::db::from_json(&models)?;
        if let Some(y) = page_yield
            && fits(&models, model)
        {
            out.push(ConsumablePart {
                sku,
                name,
                page_yield: y.clamp(0, i64::from(u32::MAX)) as u32,
            });
        }
    }
    Ok(out)
}

/// Whether a SKU is a consumable.
pub(crate) async fn is_consumable(conn: &mut AnyConnection, sku: &str) -> Result<bool> {
    let n: i64 =
        sqlx::query_scalar("select count(*) from part where sku = $1 and category = 'consumable'")
            .bind(sku)
            .fetch_one(conn)
            .await?;
    Ok(n > 0)
}

/// The page count a consumable was fitted at and the fit already announced, if recorded.
pub(crate) async fn fit(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
    sku: &str,
) -> Result<Option<(u64, Option<String>)>> {
    let row: Option<(i64, Option<String>)> = sqlx::query_as(
        "select pages_at_fit, announced_for from consumable_fit where brand = $1 and serial = $2 and sku = $3",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(p, a)| (p.max(0) as u64, a)))
}

/// Records a consumable fitted at `pages`: a new fit is not announced yet and its run-out
/// is predicted again from the readings.
pub(crate) async fn fitted(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    sku: &str,
    pages: u64,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "insert into consumable_fit (brand, serial, sku, pages_at_fit, fitted_at) values ($1, $2, $3, $4, $5)
         on conflict (brand, serial, sku) do update set pages_at_fit = excluded.pages_at_fit,
            fitted_at = excluded.fitted_at, announced_for = null, pages_left = null,
            pages_per_day = null, empty_on = null, contact_on = null, predicted_at = null",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .bind(pages as i64)
    .bind(at)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The predicted run-out of one fitted consumable and the day its customer is contacted.
#[derive(Debug, Clone)]
pub(crate) struct Forecast {
    pub(crate) brand: String,
    pub(crate) serial: String,
    pub(crate) model: String,
    pub(crate) sku: String,
    pub(crate) name: String,
    /// The page count it was fitted at (the first reading when no visit fitted it).
    pub(crate) pages_at_fit: u64,
    /// Pages left at the last reading (negative: past its yield).
    pub(crate) pages_left: i64,
    /// Pages printed a day, as announced.
    pub(crate) pages_per_day: f64,
    /// The company's local day it runs out.
    pub(crate) empty_on: NaiveDate,
    /// The company's local day the customer is to be contacted.
    pub(crate) contact_on: NaiveDate,
}

/// Keeps the latest prediction of a fit (creating the fit at `pages_at_fit` when no visit
/// recorded one); a fit already announced keeps its announcement.
pub(crate) async fn save_forecast(uow: &mut UnitOfWork, f: &Forecast) -> Result<()> {
    let now = uow.now_ms();
    sqlx::query(
        "insert into consumable_fit (brand, serial, sku, pages_at_fit, fitted_at, model, name,
             pages_left, pages_per_day, empty_on, contact_on, predicted_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (brand, serial, sku) do update set model = excluded.model,
             name = excluded.name, pages_left = excluded.pages_left,
             pages_per_day = excluded.pages_per_day, empty_on = excluded.empty_on,
             contact_on = excluded.contact_on, predicted_at = excluded.predicted_at
         where consumable_fit.pages_at_fit = excluded.pages_at_fit",
    )
    .bind(&f.brand)
    .bind(&f.serial)
    .bind(&f.sku)
    .bind(f.pages_at_fit as i64)
    .bind(now)
    .bind(&f.model)
    .bind(&f.name)
    .bind(f.pages_left)
    .bind(f.pages_per_day)
    .bind(f.empty_on.to_string())
    .bind(f.contact_on.to_string())
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

type ForecastRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    f64,
    String,
    String,
);

fn forecast(r: ForecastRow) -> Result<Forecast> {
    Ok(Forecast {
        empty_on: parse_stored("run-out day", &r.8)?,
        contact_on: parse_stored("contact day", &r.9)?,
        brand: r.0,
        serial: r.1,
        model: r.2,
        sku: r.3,
        name: r.4,
        pages_at_fit: r.5.max(0) as u64,
        pages_left: r.6,
        pages_per_day: r.7,
    })
}

/// The fits whose contact day is `today` or earlier and whose run-out is not announced
/// yet, earliest contact day first, at most `limit`.
pub(crate) async fn forecasts_due(
    conn: &mut AnyConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<Forecast>> {
    let rows: Vec<ForecastRow> = sqlx::query_as(
        "select brand, serial, model, sku, name, pages_at_fit, pages_left, pages_per_day,
             empty_on, contact_on
         from consumable_fit
         where contact_on <= $1 and pages_left is not null and pages_per_day is not null
             and empty_on is not null
             and (announced_for is null or announced_for <> cast(pages_at_fit as text))
         order by contact_on, brand, serial, sku limit $2",
    )
    .bind(today.to_string())
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(forecast).collect()
}

/// Marks the run-out of the fit at `pages` announced; false when it already was (by this
/// replica or another one) or the consumable was fitted again meanwhile: the guarded update
/// is what makes each run-out announced once.
pub(crate) async fn announce(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    sku: &str,
    pages: u64,
) -> Result<bool> {
    let key = pages.to_string();
    let n = sqlx::query(
        "update consumable_fit set announced_for = $4
         where brand = $1 and serial = $2 and sku = $3 and pages_at_fit = $5
             and (announced_for is null or announced_for <> $4)",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .bind(key)
    .bind(pages as i64)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
