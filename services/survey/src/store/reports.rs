//! What the reports read across callbacks, visits and follow-ups for a period.
use sqlx::AnyConnection;

use super::callbacks::{CALLBACK_COLUMNS, CallbackRow};
use aftercare_platform::Result;

/// Answered callbacks in `[from, to)` (answer time), optionally visit callbacks only.
pub(crate) async fn answered(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
    visits_only: bool,
) -> Result<Vec<CallbackRow>> {
    let sql = format!(
        "select {CALLBACK_COLUMNS} where c.status = 'completed' and c.answered_at >= $1 and c.answered_at < $2
         and ($3 = 0 or c.kind = 'visit') order by c.answered_at, c.callback_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .bind(i32::from(visits_only))
        .fetch_all(conn)
        .await?)
}

/// How many visits finished in `[from, to)`.
pub(crate) async fn visits_between(conn: &mut AnyConnection, from: i64, to: i64) -> Result<u32> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from visit where finished_at >= $1 and finished_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_one(conn)
    .await?;
    Ok(n.max(0) as u32)
}

/// Visit callbacks of the visits finished in `[from, to)`.
pub(crate) async fn callbacks_of_visits(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<CallbackRow>> {
    let sql = format!(
        "select {CALLBACK_COLUMNS} where c.kind = 'visit' and v.finished_at >= $1 and v.finished_at < $2
         order by v.finished_at, c.callback_id"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .bind(to)
        .fetch_all(conn)
        .await?)
}

/// Whether each of these callbacks raised a follow-up.
pub(crate) async fn callbacks_with_follow_up(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select f.work_order_id from follow_up f join visit v on v.work_order_id = f.work_order_id
         where v.finished_at >= $1 and v.finished_at < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(w,)| w).collect())
}
