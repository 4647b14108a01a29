//! Fee schedule versions: the one in force on a day, the list, and a new version.
use aftercare_contracts::billing::{FeeSchedule, FeeTerms};
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};

use super::parse_day;

/// The fee schedule version in force on a service-local day: its number and terms.
pub(crate) async fn fee_schedule_on(
    conn: &mut AnyConnection,
    day: NaiveDate,
) -> Result<(u32, FeeTerms)> {
    let (version, terms): (i64, String) = sqlx::query_as(
        "select cast(version as bigint), terms from fee_schedule_version
         where effective_from <= $1 order by effective_from desc limit 1",
    )
    .bind(day.to_string())
    .fetch_one(conn)
    .await?;
    Ok((u32::try_from(version).unwrap_or(0), from_json(&terms)?))
}

#[derive(FromRow)]
struct ScheduleRow {
    version: i64,
    effective_from: String,
    terms: String,
    created_by: String,
    created_at: i64,
}

/// Every fee schedule version, newest first.
pub(crate) async fn fee_schedules(conn: &mut AnyConnection) -> Result<Vec<FeeSchedule>> {
    let rows: Vec<ScheduleRow> = sqlx::query_as(
        "select cast(version as bigint) as version, effective_from, terms, created_by, created_at
         from fee_schedule_version order by version desc",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(FeeSchedule {
                version: u32::try_from(r.version).unwrap_or(0),
                effective_from: parse_day(&r.effective_from)?,
                terms: from_json(&r.terms)?,
                created_by: r.created_by,
                created_at: from_ms(r.created_at),
            })
        })
        .collect()
}

/// Stores a new fee schedule version; the number is the next after the latest.
pub(crate) async fn insert_fee_schedule(uow: &mut UnitOfWork, f: &FeeSchedule) -> Result<()> {
    sqlx::query(
        "insert into fee_schedule_version (version, effective_from, terms, created_by, created_at)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(i64::from(f.version))
    .bind(f.effective_from.to_string())
    .bind(serde_json::to_string(&f.terms)?)
    .bind(&f.created_by)
    .bind(f.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}
