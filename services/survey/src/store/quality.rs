//! Quality warnings and the repeats they count: how often a model had a fault or a part
//! in a window, the visits that show it, and each warning raised once per window.
use aftercare_contracts::survey::{QualityWarning, QualityWindow, RepeatKind};
use aftercare_platform::db::{from_json, from_text, parse_id, to_text};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};

/// Whether a warning was raised for this model, fault or part and window.
pub(crate) async fn warning_exists(
    conn: &mut AnyConnection,
    model: &str,
    kind: RepeatKind,
    key: &str,
    window: QualityWindow,
    start: NaiveDate,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from quality_warning where model = $1 and repeat_kind = $2 and repeat_key = $3
           and window_kind = $4 and window_start = $5",
    )
    .bind(model)
    .bind(to_text(&kind))
    .bind(key)
    .bind(to_text(&window))
    .bind(start.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Visits on `model` with this fault or part in `[from, to)`, counted up to `at_most`
/// (enough to compare with a threshold without reading the whole window).
pub(crate) async fn count_repeats(
    conn: &mut AnyConnection,
    model: &str,
    kind: RepeatKind,
    key: &str,
    from: i64,
    to: i64,
    at_most: u32,
) -> Result<u32> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from (select 1 from visit_repeat
           where model = $1 and repeat_kind = $2 and repeat_key = $3 and finished_at >= $4 and finished_at < $5
           limit $6) as r",
    )
    .bind(model)
    .bind(to_text(&kind))
    .bind(key)
    .bind(from)
    .bind(to)
    .bind(i64::from(at_most))
    .fetch_one(conn)
    .await?;
    Ok(n.max(0) as u32)
}

/// Most work orders a warning lists as evidence.
const MAX_EVIDENCE: i64 = 200;

/// Work order numbers of visits on `model` with this fault or part in `[from, to)`, the
/// first [`MAX_EVIDENCE`].
pub(crate) async fn repeated_visits(
    conn: &mut AnyConnection,
    model: &str,
    kind: RepeatKind,
    key: &str,
    from: i64,
    to: i64,
) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select v.number from visit_repeat r join visit v on v.work_order_id = r.work_order_id
         where r.model = $1 and r.repeat_kind = $2 and r.repeat_key = $3
           and r.finished_at >= $4 and r.finished_at < $5
         order by r.finished_at, v.number limit $6",
    )
    .bind(model)
    .bind(to_text(&kind))
    .bind(key)
    .bind(from)
    .bind(to)
    .bind(MAX_EVIDENCE)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

/// Stores a warning; false when this window already has one.
pub(crate) async fn insert_warning(uow: &mut UnitOfWork, w: &QualityWarning) -> Result<bool> {
    let n = sqlx::query(
        "insert into quality_warning (warning_id, brand, model, repeat_kind, repeat_key, window_kind,
            window_start, occurrences, threshold, work_orders, raised_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing",
    )
    .bind(w.id.to_string())
    .bind(&w.brand)
    .bind(&w.model)
    .bind(to_text(&w.repeat))
    .bind(&w.key)
    .bind(to_text(&w.window))
    .bind(w.window_start.to_string())
    .bind(i64::from(w.count))
    .bind(i64::from(w.threshold))
    .bind(serde_json::to_string(&w.work_orders)?)
    .bind(w.raised_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

#[derive(FromRow)]
struct WarningRow {
    warning_id: String,
    brand: String,
    model: String,
    repeat_kind: String,
    repeat_key: String,
    window_kind: String,
    window_start: String,
    occurrences: i64,
    threshold: i64,
    work_orders: String,
    raised_at: i64,
}

/// Warnings, newest first.
pub(crate) async fn list_warnings(
    conn: &mut AnyConnection,
    model: Option<&str>,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<QualityWarning>> {
    let rows: Vec<WarningRow> = sqlx::query_as(
        "select warning_id, brand, model, repeat_kind, repeat_key, window_kind, window_start, occurrences,
            threshold, work_orders, raised_at from quality_warning
         where ($1 = '' or model = $1) and ($2 = '' or warning_id < $2)
         order by warning_id desc limit $3",
    )
    .bind(model.unwrap_or_default())
    .bind(cursor.unwrap_or_default())
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(QualityWarning {
                id: parse_id(&r.warning_id)?,
                brand: r.brand,
                model: r.model,
                repeat: from_text(&r.repeat_kind)?,
                key: r.repeat_key,
                window: from_text(&r.window_kind)?,
                window_start: aftercare_platform::db::parse_stored(
                    "window start",
                    &r.window_start,
                )?,
                count: r.occurrences.max(0) as u32,
                threshold: r.threshold.max(0) as u32,
                work_orders: from_json(&r.work_orders)?,
                raised_at: from_ms(r.raised_at),
            })
        })
        .collect()
}
