//! Renewals: listed once per ending contract or warranty, moved under their version guard,
//! read and listed.
use aftercare_platform::db::{Guard, from_json, from_text, to_text};
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::AnyConnection;

/// Lists a renewal; false when its source was listed before.
pub(crate) async fn insert_renewal(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::billing::Renewal,
) -> Result<bool> {
    let done = sqlx::query(
        "insert into renewal (renewal_id, kind, source, status, ends_on, next_follow_up, body, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (kind, source) do nothing",
    )
    .bind(r.id.to_string())
    .bind(to_text(&r.kind))
    .bind(&r.source)
    .bind(to_text(&r.status))
    .bind(r.ends_on.to_string())
    .bind(r.next_follow_up.map(|d| d.to_string()))
    .bind(serde_json::to_string(r)?)
    .bind(r.version)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Stores a renewal's new state if nobody changed it since `expected_version`.
pub(crate) async fn update_renewal(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::billing::Renewal,
    expected_version: i64,
) -> Result<bool> {
    let body = serde_json::to_string(r)?;
    let done = Guard::new("renewal", "renewal_id", r.id, expected_version)
        .to_version(r.version)
        .update(
            uow.conn(),
            "status = $1, next_follow_up = $2, body = $3",
            |q| {
                q.bind(to_text(&r.status))
                    .bind(r.next_follow_up.map(|d| d.to_string()))
                    .bind(body)
            },
        )
        .await?;
    Ok(done.is_updated())
}

/// A renewal by id.
pub(crate) async fn renewal(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::billing::Renewal>> {
    let row: Option<(String,)> = sqlx::query_as("select body from renewal where renewal_id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Renewals, soonest ending first, of one state when given.
pub(crate) async fn renewals(
    conn: &mut AnyConnection,
    status: Option<aftercare_contracts::billing::RenewalStatus>,
) -> Result<Vec<aftercare_contracts::billing::Renewal>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from renewal where ($1 = '' or status = $1) order by ends_on, renewal_id limit 500",
    )
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Where each renewal whose cover ends in `[from, until)` stands.
pub(crate) async fn statuses_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<aftercare_contracts::billing::RenewalStatus>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select status from renewal where ends_on >= $1 and ends_on < $2")
            .bind(from.to_string())
            .bind(until.to_string())
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|(s,)| from_text(&s)).collect()
}

/// Open renewals with a follow-up due by `today`, or that ended before it.
pub(crate) async fn renewals_to_move(
    conn: &mut AnyConnection,
    today: NaiveDate,
) -> Result<Vec<aftercare_contracts::billing::Renewal>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from renewal where status = 'open' and (next_follow_up <= $1 or ends_on < $1)
         order by ends_on limit 500",
    )
    .bind(today.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}
