//! The company's quality thresholds, a versioned JSON document read and replaced whole.
use aftercare_contracts::survey::QualityThreshold;
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

/// The current thresholds and their version (0: the built-in ones).
pub(crate) async fn thresholds(
    conn: &mut AnyConnection,
) -> Result<Option<(Vec<QualityThreshold>, i64)>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "select body, version from quality_thresholds order by version desc limit 1",
    )
    .fetch_optional(conn)
    .await?;
    row.map(|(b, v)| Ok((from_json(&b)?, v))).transpose()
}

/// Stores new thresholds as `version`; false when another replaced them first.
pub(crate) async fn insert_thresholds(
    uow: &mut UnitOfWork,
    t: &[QualityThreshold],
    version: i64,
    by: &str,
    at: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into quality_thresholds (version, body, updated_at, updated_by) values ($1, $2, $3, $4)
         on conflict (version) do nothing",
    )
    .bind(version)
    .bind(serde_json::to_string(t)?)
    .bind(at)
    .bind(by)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
