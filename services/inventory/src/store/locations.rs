//! Stock locations (warehouses, vans): registered and listed.
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

/// Registers a location; false when the code exists.
pub(crate) async fn insert_location(
    uow: &mut UnitOfWork,
    l: &aftercare_contracts::inventory::Location,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into location (code, kind, name, technician_id, created_at) values ($1, $2, $3, $4, $5)
         on conflict (code) do nothing",
    )
    .bind(&l.code)
    .bind(aftercare_platform::db::to_text(&l.kind))
    .bind(&l.name)
    .bind(l.technician_id.map(|t| t.to_string()))
    .bind(now)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Every location by code.
pub(crate) async fn locations_all(
    conn: &mut AnyConnection,
) -> Result<Vec<aftercare_contracts::inventory::Location>> {
    let rows: Vec<(String, String, String, Option<String>)> =
        sqlx::query_as("select code, kind, name, technician_id from location order by code")
            .fetch_all(conn)
            .await?;
    rows.into_iter()
        .map(|(code, kind, name, tech)| {
            Ok(aftercare_contracts::inventory::Location {
                code,
                kind: aftercare_platform::db::from_text(&kind)?,
                name,
                technician_id: tech
                    .as_deref()
                    .map(aftercare_platform::db::parse_id)
                    .transpose()?,
            })
        })
        .collect()
}

/// Whether a location is registered.
pub(crate) async fn location_exists(conn: &mut AnyConnection, code: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("select count(*) from location where code = $1")
        .bind(code)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}
