//! A work order's history: one row per move or note (who, when, why, and the technician
//! an assignment chose), read back a page at a time.
use aftercare_contracts::dispatch::WorkOrderStatus;
use aftercare_platform::db::{from_text, parse_id, to_text};
use aftercare_platform::{Result, from_ms};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::history::StoredRow;

/// Keeps one move of a work order.
pub(crate) async fn history(
    conn: &mut AnyConnection,
    id: Uuid,
    from: Option<WorkOrderStatus>,
    to: WorkOrderStatus,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<()> {
    history_row(conn, id, (from, to), None, actor, reason, at).await
}

/// Keeps one move of a work order, with the technician an assignment chose.
pub(super) async fn history_row(
    conn: &mut AnyConnection,
    id: Uuid,
    (from, to): (Option<WorkOrderStatus>, WorkOrderStatus),
    technician_id: Option<Uuid>,
    actor: &str,
    reason: &str,
    at: i64,
) -> Result<()> {
    sqlx::query("insert into work_order_history (work_order_id, at, from_status, to_status, actor, reason, technician_id) values ($1, $2, $3, $4, $5, $6, $7)")
        .bind(id.to_string())
        .bind(at)
        .bind(from.map(|s| to_text(&s)))
        .bind(to_text(&to))
        .bind(actor)
        .bind(reason)
        .bind(technician_id.map(|t| t.to_string()))
        .execute(conn)
        .await?;
    Ok(())
}

/// A stored history row: at, from, to, actor, reason, technician.
type HistoryRow = (i64, Option<String>, String, String, String, Option<String>);

/// A page of a work order's history rows, oldest first, after skipping `offset` rows.
pub(crate) async fn history_page(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
    offset: i64,
    limit: i64,
) -> Result<Vec<StoredRow>> {
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "select at, from_status, to_status, actor, reason, technician_id from work_order_history
         where work_order_id = $1
         order by at, case when from_status is null then 0 else 1 end, to_status, actor, reason
         limit $2 offset $3",
    )
    .bind(work_order_id.to_string())
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(at, from, to, actor, reason, technician)| {
            Ok(StoredRow {
                at: from_ms(at),
                from: from.as_deref().map(from_text).transpose()?,
                to: from_text(&to)?,
                technician_id: technician.as_deref().map(parse_id).transpose()?,
                actor,
                reason,
            })
        })
        .collect()
}
