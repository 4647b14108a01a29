//! Quotations (报价) of work orders, kept as JSON with their status, version and the visit
//! they priced beside them.
use aftercare_contracts::billing::Quotation;
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_platform::db::{from_json, to_text};
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;
use uuid::Uuid;

use super::{Versioned, update_versioned};

/// Stores a new quotation with the visit it priced.
pub(crate) async fn insert(
    uow: &mut UnitOfWork,
    q: &Quotation,
    visit: &WorkOrderCompleted,
) -> Result<()> {
    sqlx::query(
        "insert into quotation (quotation_id, work_order_id, status, body, visit, version)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(q.id.to_string())
    .bind(q.work_order_id.to_string())
    .bind(to_text(&q.state))
    .bind(serde_json::to_string(q)?)
    .bind(serde_json::to_string(visit)?)
    .bind(q.version)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A quotation and the visit it priced, by id.
pub(crate) async fn get(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<(Quotation, WorkOrderCompleted)>> {
    let row: Option<(String, String)> =
        sqlx::query_as("select body, visit from quotation where quotation_id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b, v)| Ok((from_json(&b)?, from_json(&v)?)))
        .transpose()
}

/// The quotations of a work order, newest first.
pub(crate) async fn of_work_order(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Vec<Quotation>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from quotation where work_order_id = $1 order by quotation_id desc",
    )
    .bind(work_order_id.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Stores a quotation's answer if nobody answered it since `expected_version`.
pub(crate) async fn update(
    uow: &mut UnitOfWork,
    q: &Quotation,
    expected_version: i64,
) -> Result<bool> {
    let row = Versioned {
        table: "quotation",
        key: "quotation_id",
        id: q.id,
        status: to_text(&q.state),
        version: q.version,
    };
    update_versioned(uow, &row, &serde_json::to_string(q)?, expected_version).await
}
