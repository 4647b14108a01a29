//! Consumables tracking: the machines' meter readings, the consumables that fit a model,
//! and each fitted consumable's page count and run-out announcement.
use aftercare_platform::{Result, UnitOfWork};
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

/// Records a consumable fitted at `pages` (a new fit is not announced yet).
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
            fitted_at = excluded.fitted_at, announced_for = null",
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

/// Marks the run-out of the fit at `pages` announced; false when it already was.
pub(crate) async fn announce(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    sku: &str,
    pages: u64,
    at: i64,
) -> Result<bool> {
    let key = pages.to_string();
    let n = sqlx::query(
        "insert into consumable_fit (brand, serial, sku, pages_at_fit, fitted_at, announced_for)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (brand, serial, sku) do update set announced_for = excluded.announced_for
         where consumable_fit.announced_for is null or consumable_fit.announced_for <> excluded.announced_for",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .bind(pages as i64)
    .bind(at)
    .bind(key)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
