//! The parts catalogue: a part with its stock per location, added and changed under its
//! version.
use aftercare_contracts::Money;
use aftercare_contracts::inventory::Part;
use aftercare_platform::db::Guard;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};

#[derive(FromRow)]
struct PartRow {
    sku: String,
    name: String,
    list_price_minor: i64,
    currency: String,
    on_hand: i64,
    reserved: i64,
    category: String,
    compatible_models: String,
    unit_cost_minor: Option<i64>,
    failure_prone: i64,
    page_yield: Option<i64>,
    version: i64,
}

const PART_COLUMNS: &str = "select p.sku, p.name, p.list_price_minor, p.currency,
        cast(coalesce((select sum(s.on_hand) from stock s where s.sku = p.sku), 0) as bigint) as on_hand,
        cast(coalesce((select sum(s.reserved) from stock s where s.sku = p.sku), 0) as bigint) as reserved,
        p.category, p.compatible_models, p.unit_cost_minor, p.failure_prone, p.page_yield, p.version
     from part p";

/// A part with its stock, per location too.
pub(crate) async fn get(conn: &mut AnyConnection, sku: &str) -> Result<Option<Part>> {
    let row: Option<PartRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PART_COLUMNS} where p.sku = $1"
    )))
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let levels: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "select sku, location, on_hand, reserved from stock where sku = $1 order by location",
    )
    .bind(sku)
    .fetch_all(conn)
    .await?;
    into_part(r, levels).map(Some)
}

/// Parts by SKU after `after` whose SKU, name or fitting models contain `text` (lower
/// case; empty: all), of one category when given, with their stock per location.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    text: &str,
    category: Option<aftercare_contracts::inventory::PartCategory>,
    after: &str,
    limit: i64,
) -> Result<Vec<Part>> {
    let pattern = if text.is_empty() {
        String::new()
    } else {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    };
    let rows: Vec<PartRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PART_COLUMNS} where ($1 = '' or lower(p.sku) like $1 escape '\\' or lower(p.name) like $1 escape '\\'
            or lower(p.compatible_models) like $1 escape '\\')
           and ($2 = '' or p.category = $2) and p.sku > $3
         order by p.sku limit $4"
    )))
    .bind(pattern)
    .bind(category.map(|c| aftercare_platform::db::to_text(&c)).unwrap_or_default())
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Ok(Vec::new());
    };
    // The page's SKUs are a contiguous range in SKU order: their levels in one read.
    let mut levels: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "select sku, location, on_hand, reserved from stock where sku >= $1 and sku <= $2
         order by sku, location",
    )
    .bind(&first.sku)
    .bind(&last.sku)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let mine = levels.iter().filter(|l| l.0 == r.sku).cloned().collect();
            levels.retain(|l| l.0 != r.sku);
            into_part(r, mine)
        })
        .collect()
}

fn into_part(r: PartRow, levels: Vec<(String, String, i64, i64)>) -> Result<Part> {
    Ok(Part {
        sku: r.sku,
        name: r.name,
        category: aftercare_platform::db::from_text(&r.category)?,
        compatible_models: aftercare_platform::db::from_json(&r.compatible_models)?,
        unit_cost: r.unit_cost_minor.map(|c| Money {
            amount_minor: c,
            currency: r.currency.clone(),
        }),
        failure_prone: r.failure_prone.clamp(0, 5) as u8,
        page_yield: r.page_yield.map(|y| y.clamp(0, i64::from(u32::MAX)) as u32),
        version: r.version,
        list_price: Money {
            amount_minor: r.list_price_minor,
            currency: r.currency,
        },
        on_hand: r.on_hand,
        reserved: r.reserved,
        available: r.on_hand - r.reserved,
        locations: levels
            .into_iter()
            .map(
                |(_, location, on_hand, reserved)| aftercare_contracts::inventory::StockLevel {
                    location,
                    on_hand,
                    reserved,
                    available: on_hand - reserved,
                },
            )
            .collect(),
    })
}

/// Adds a part; false when the SKU exists.
pub(crate) async fn insert_part(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::inventory::CreatePart,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into part (sku, name, list_price_minor, currency, created_at, category, compatible_models,
            unit_cost_minor, failure_prone, page_yield, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) on conflict (sku) do nothing",
    )
    .bind(p.sku.trim())
    .bind(p.name.trim())
    .bind(p.list_price.amount_minor)
    .bind(&p.list_price.currency)
    .bind(now)
    .bind(aftercare_platform::db::to_text(&p.category))
    .bind(serde_json::to_string(&p.compatible_models)?)
    .bind(p.unit_cost.as_ref().map(|c| c.amount_minor))
    .bind(i64::from(p.failure_prone))
    .bind(p.page_yield.map(i64::from))
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Replaces a catalogue entry still at `version`; false when it moved on.
pub(crate) async fn update_part(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::inventory::CreatePart,
    version: i64,
) -> Result<bool> {
    let models = serde_json::to_string(&p.compatible_models)?;
    let done = Guard::new("part", "sku", p.sku.trim(), version)
        .update(
            uow.conn(),
            "name = $1, list_price_minor = $2, currency = $3, category = $4, compatible_models = $5,
            unit_cost_minor = $6, failure_prone = $7, page_yield = $8",
            |q| {
                q.bind(p.name.trim())
                    .bind(p.list_price.amount_minor)
                    .bind(&p.list_price.currency)
                    .bind(aftercare_platform::db::to_text(&p.category))
                    .bind(models)
                    .bind(p.unit_cost.as_ref().map(|c| c.amount_minor))
                    .bind(i64::from(p.failure_prone))
                    .bind(p.page_yield.map(i64::from))
            },
        )
        .await?;
    Ok(done.is_updated())
}
