//! Day plans: the published routes of a day, stored whole, one revision replacing the last.
use aftercare_contracts::dispatch::DayPlan;
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::AnyConnection;

/// The published plan of a day.
pub(crate) async fn day_plan(conn: &mut AnyConnection, day: NaiveDate) -> Result<Option<DayPlan>> {
    let row: Option<(String,)> = sqlx::query_as("select body from day_plan where plan_date = $1")
        .bind(day.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Stores a day plan (a new revision replaces the last).
pub(crate) async fn save_day_plan(uow: &mut UnitOfWork, p: &DayPlan) -> Result<()> {
    let body = serde_json::to_string(p)?;
    sqlx::query(
        "insert into day_plan (plan_date, body, revision, published_at) values ($1, $2, $3, $4)
         on conflict (plan_date) do update set body = excluded.body, revision = excluded.revision,
            published_at = excluded.published_at",
    )
    .bind(p.date.to_string())
    .bind(body)
    .bind(p.revision)
    .bind(p.published_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The published plans of the days `[from, to]`.
pub(crate) async fn day_plans_between(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DayPlan>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from day_plan where plan_date >= $1 and plan_date <= $2 order by plan_date",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}
