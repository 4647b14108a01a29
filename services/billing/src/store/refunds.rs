//! Refunds of approved returns.
use aftercare_contracts::billing::{Refund, RefundStatus};
use aftercare_platform::db::{from_json, to_text};
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

use super::{Versioned, update_versioned};

/// Records a refund due (once per return ticket).
pub(crate) async fn insert_refund(uow: &mut UnitOfWork, r: &Refund) -> Result<()> {
    sqlx::query(
        "insert into refund (refund_id, ticket_id, status, body, version) values ($1, $2, $3, $4, $5)
         on conflict (ticket_id) do nothing",
    )
    .bind(r.id.to_string())
    .bind(r.ticket_id.to_string())
    .bind(to_text(&r.status))
    .bind(serde_json::to_string(r)?)
    .bind(r.version)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A refund by id, or by its return ticket's id.
pub(crate) async fn refund(conn: &mut AnyConnection, id: &str) -> Result<Option<Refund>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from refund where refund_id = $1 or ticket_id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Refunds, due first then newest.
pub(crate) async fn refunds(
    conn: &mut AnyConnection,
    status: Option<RefundStatus>,
) -> Result<Vec<Refund>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from refund where ($1 = '' or status = $1)
         order by case when status = 'due' then 0 else 1 end, refund_id desc limit 500",
    )
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Stores a refund's new state if nobody changed it since `expected_version`.
pub(crate) async fn update_refund(
    uow: &mut UnitOfWork,
    r: &Refund,
    expected_version: i64,
) -> Result<bool> {
    let row = Versioned {
        table: "refund",
        key: "refund_id",
        id: r.id,
        status: to_text(&r.status),
        version: r.version,
    };
    update_versioned(uow, &row, &serde_json::to_string(r)?, expected_version).await
}
