//! Satisfaction campaigns (one per quarter) with their progress, and the customers a
//! campaign calls.
use aftercare_contracts::survey::Campaign;
use aftercare_platform::db::parse_id;
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::AnyConnection;
use uuid::Uuid;

/// Stores a campaign; false when the quarter has one.
pub(crate) async fn insert_campaign(
    uow: &mut UnitOfWork,
    id: Uuid,
    quarter: &str,
    by: &str,
    at: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into campaign (campaign_id, quarter, started_by, started_at) values ($1, $2, $3, $4)
         on conflict (quarter) do nothing",
    )
    .bind(id.to_string())
    .bind(quarter)
    .bind(by)
    .bind(at)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Every campaign with its progress, newest first.
pub(crate) async fn campaigns(conn: &mut AnyConnection) -> Result<Vec<Campaign>> {
    let rows: Vec<(String, String, String, i64, i64, i64)> = sqlx::query_as(
        "select g.campaign_id, g.quarter, g.started_by, g.started_at,
            (select count(*) from callback c where c.campaign_id = g.campaign_id),
            (select count(*) from callback c where c.campaign_id = g.campaign_id and c.status = 'completed')
         from campaign g order by g.quarter desc",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, quarter, by, at, n, done)| {
            Ok(Campaign {
                id: parse_id(&id)?,
                quarter,
                callbacks: n.max(0) as u32,
                answered: done.max(0) as u32,
                started_by: by,
                started_at: from_ms(at),
            })
        })
        .collect()
}

/// The customers' latest visits finished since `since`: (customer key, work order, ticket,
/// technician), one per customer. A customer is their record id, or their name when
/// the ticket was not linked to a record.
pub(crate) async fn latest_visits_per_customer(
    conn: &mut AnyConnection,
    since: i64,
) -> Result<Vec<(String, String, String, String)>> {
    let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "select coalesce(t.customer_id, 'name:' || v.customer_name), v.work_order_id, v.ticket_id,
                v.technician_id, v.finished_at
         from visit v left join ticket_info t on t.ticket_id = v.ticket_id
         where v.finished_at >= $1 order by v.finished_at desc, v.work_order_id desc",
    )
    .bind(since)
    .fetch_all(conn)
    .await?;
    let mut seen = std::collections::HashSet::new();
    Ok(rows
        .into_iter()
        .filter(|r| seen.insert(r.0.clone()))
        .map(|(k, w, t, tech, _)| (k, w, t, tech))
        .collect())
}
