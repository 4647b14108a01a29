//! The company's duration defaults, a versioned JSON document read and replaced whole.
use aftercare_contracts::dispatch::DurationRule;
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

/// The current duration rules and their version (`None`: the built-in figures).
pub(crate) async fn duration_rules(
    conn: &mut AnyConnection,
) -> Result<Option<(Vec<DurationRule>, i64)>> {
    let row: Option<(String, i64)> =
        sqlx::query_as("select body, version from duration_defaults order by version desc limit 1")
            .fetch_optional(conn)
            .await?;
    row.map(|(b, v)| Ok((from_json(&b)?, v))).transpose()
}

/// Stores duration rules as `version`; false when another replaced them first.
pub(crate) async fn save_duration_rules(
    uow: &mut UnitOfWork,
    rules: &[DurationRule],
    version: i64,
    by: &str,
    at: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into duration_defaults (version, body, updated_at, updated_by) values ($1, $2, $3, $4)
         on conflict (version) do nothing",
    )
    .bind(version)
    .bind(serde_json::to_string(rules)?)
    .bind(at)
    .bind(by)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
