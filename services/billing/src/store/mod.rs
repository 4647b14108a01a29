//! Billing's queries, portable across SQLite and PostgreSQL, one file per aggregate; this
//! file keeps what they share (reading a stored day, the versioned JSON record update).
pub(crate) mod cash;
pub(crate) mod claims;
pub(crate) mod contracts;
pub(crate) mod customers;
pub(crate) mod fee_schedules;
pub(crate) mod payments;
pub(crate) mod price_book;
pub(crate) mod quotations;
pub(crate) mod receipts;
pub(crate) mod refunds;
pub(crate) mod renewals;
pub(crate) mod visits;
pub(crate) mod warranties;

use aftercare_platform::db::Guard;
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use uuid::Uuid;

fn parse_day(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| aftercare_platform::Error::corrupt("day", text, e))
}

/// A record kept as JSON with its status and version beside it for queries and guards.
struct Versioned {
    table: &'static str,
    key: &'static str,
    id: Uuid,
    status: String,
    version: i64,
}

/// Replaces a versioned record's body if its version is still `expected_version`.
async fn update_versioned(
    uow: &mut UnitOfWork,
    row: &Versioned,
    body: &str,
    expected_version: i64,
) -> Result<bool> {
    let done = Guard::new(row.table, row.key, row.id, expected_version)
        .to_version(row.version)
        .update(uow.conn(), "status = $1, body = $2", |q| {
            q.bind(&row.status).bind(body)
        })
        .await?;
    Ok(done.is_updated())
}
