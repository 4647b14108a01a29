//! Ranking snapshots: one per kind and period, stored whole as published.
use aftercare_contracts::survey::{Ranking, RankingKind};
use aftercare_platform::db::{from_json, to_text};
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::AnyConnection;

/// Stores a snapshot; false when the period was published already.
pub(crate) async fn insert_ranking(uow: &mut UnitOfWork, r: &Ranking) -> Result<bool> {
    let n = sqlx::query(
        "insert into ranking (ranking_id, kind, period_start, period_end, body, published_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (kind, period_start) do nothing",
    )
    .bind(r.id.to_string())
    .bind(to_text(&r.kind))
    .bind(r.period_start.to_string())
    .bind(r.period_end.to_string())
    .bind(serde_json::to_string(r)?)
    .bind(r.published_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A snapshot by id, or by kind and period start.
pub(crate) async fn ranking(
    conn: &mut AnyConnection,
    id: Option<&str>,
    period: Option<(RankingKind, NaiveDate)>,
) -> Result<Option<Ranking>> {
    let row: Option<(String,)> = match (id, period) {
        (Some(id), _) => {
            sqlx::query_as("select body from ranking where ranking_id = $1")
                .bind(id)
                .fetch_optional(conn)
                .await?
        }
        (None, Some((kind, start))) => {
            sqlx::query_as("select body from ranking where kind = $1 and period_start = $2")
                .bind(to_text(&kind))
                .bind(start.to_string())
                .fetch_optional(conn)
                .await?
        }
        (None, None) => None,
    };
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Snapshots, newest period first; cursor `<period_start>_<kind>`.
pub(crate) async fn list_rankings(
    conn: &mut AnyConnection,
    kind: Option<RankingKind>,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Vec<Ranking>> {
    let (after_start, after_kind) = cursor
        .and_then(|c| c.split_once('_'))
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .unwrap_or_else(|| ("9999-12-31".into(), "~".into()));
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from ranking where ($1 = '' or kind = $1)
         and (period_start < $2 or (period_start = $2 and kind < $3))
         order by period_start desc, kind desc limit $4",
    )
    .bind(kind.map(|k| to_text(&k)).unwrap_or_default())
    .bind(after_start)
    .bind(after_kind)
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Where a list of rankings goes on after `r`: `<period_start>_<kind>`, what
/// [`list_rankings`] reads back.
pub(crate) fn ranking_cursor(r: &Ranking) -> String {
    format!("{}_{}", r.period_start, to_text(&r.kind))
}
