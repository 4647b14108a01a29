//! Forecast plans, and the consumption history they are drafted from.
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

/// Consumption per part and month (`YYYY-MM`, UTC) since `since`.
pub(crate) async fn monthly_consumption(
    conn: &mut AnyConnection,
    since: i64,
) -> Result<Vec<(String, i64, i64)>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "select sku, at, -quantity from movement where kind = 'consumption' and at >= $1 order by at",
    )
    .bind(since)
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Every SKU with a reorder rule or stock.
pub(crate) async fn stocked_skus(conn: &mut AnyConnection) -> Result<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select sku from stock_rule union select sku from stock order by 1")
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(s,)| s).collect())
}

/// Stores a forecast plan (a new version replaces the body).
pub(crate) async fn save_plan(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::inventory::ForecastPlan,
    expected: Option<i64>,
) -> Result<bool> {
    let body = serde_json::to_string(p)?;
    let n = match expected {
        None => sqlx::query(
            "insert into forecast_plan (plan_id, body, status, created_at, version) values ($1, $2, $3, $4, $5)",
        )
        .bind(p.id.to_string())
        .bind(body)
        .bind(aftercare_platform::db::to_text(&p.status))
        .bind(p.created_at.timestamp_millis())
        .bind(p.version)
        .execute(uow.conn())
        .await?
        .rows_affected(),
        Some(v) => sqlx::query(
            "update forecast_plan set body = $1, status = $2, version = $3 where plan_id = $4 and version = $5",
        )
        .bind(body)
        .bind(aftercare_platform::db::to_text(&p.status))
        .bind(p.version)
        .bind(p.id.to_string())
        .bind(v)
        .execute(uow.conn())
        .await?
        .rows_affected(),
    };
    Ok(n == 1)
}

/// A forecast plan.
pub(crate) async fn plan(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::inventory::ForecastPlan>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from forecast_plan where plan_id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| aftercare_platform::db::from_json(&b))
        .transpose()
}

/// Forecast plans of one state when given, newest first, before the id `before` (empty:
/// from the newest).
pub(crate) async fn plans(
    conn: &mut AnyConnection,
    status: Option<aftercare_contracts::inventory::ForecastStatus>,
    before: &str,
    limit: i64,
) -> Result<Vec<aftercare_contracts::inventory::ForecastPlan>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from forecast_plan where ($1 = '' or status = $1) and ($2 = '' or plan_id < $2)
         order by plan_id desc limit $3",
    )
    .bind(status.map(|s| aftercare_platform::db::to_text(&s)).unwrap_or_default())
    .bind(before)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|(b,)| aftercare_platform::db::from_json(b))
        .collect()
}
