//! Manufacturer claims and each brand's claim requirements.
use aftercare_contracts::billing::{ClaimRequirements, ClaimStatus, ManufacturerClaim};
use aftercare_platform::db::{from_json, to_text};
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

use super::{Versioned, update_versioned};
use crate::domain::claims::brand_key;

/// The open draft claim of a brand, if any.
pub(crate) async fn open_draft(
    conn: &mut AnyConnection,
    brand: &str,
) -> Result<Option<ManufacturerClaim>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from claim where brand_key = $1 and status = 'draft'")
            .bind(brand_key(brand))
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Stores a new claim.
pub(crate) async fn insert_claim(uow: &mut UnitOfWork, c: &ManufacturerClaim) -> Result<()> {
    sqlx::query(
        "insert into claim (claim_id, number, brand_key, status, body, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(brand_key(&c.brand))
    .bind(to_text(&c.status))
    .bind(serde_json::to_string(c)?)
    .bind(c.created_at.timestamp_millis())
    .bind(c.version)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Stores a claim's new state if nobody changed it since `expected_version`.
pub(crate) async fn update_claim(
    uow: &mut UnitOfWork,
    c: &ManufacturerClaim,
    expected_version: i64,
) -> Result<bool> {
    let row = Versioned {
        table: "claim",
        key: "claim_id",
        id: c.id,
        status: to_text(&c.status),
        version: c.version,
    };
    update_versioned(uow, &row, &serde_json::to_string(c)?, expected_version).await
}

/// A claim by id or number.
pub(crate) async fn claim(conn: &mut AnyConnection, id: &str) -> Result<Option<ManufacturerClaim>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from claim where claim_id = $1 or number = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Claims, newest first, of one state and brand when given.
pub(crate) async fn claims(
    conn: &mut AnyConnection,
    status: Option<ClaimStatus>,
    brand: Option<&str>,
) -> Result<Vec<ManufacturerClaim>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from claim where ($1 = '' or status = $1) and ($2 = '' or brand_key = $2)
         order by created_at desc, claim_id desc limit 500",
    )
    .bind(status.map(|s| to_text(&s)).unwrap_or_default())
    .bind(brand.map(brand_key).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Claims not yet settled (draft, submitted, approved).
pub(crate) async fn unsettled_claims(conn: &mut AnyConnection) -> Result<Vec<ManufacturerClaim>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from claim where status in ('draft', 'submitted', 'approved') order by brand_key, created_at",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// A brand's claim requirements (none required when it has none on file).
pub(crate) async fn claim_requirements(
    conn: &mut AnyConnection,
    brand: &str,
) -> Result<Option<ClaimRequirements>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from claim_requirements where brand_key = $1")
            .bind(brand_key(brand))
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| from_json(&b)).transpose()
}

/// Every brand's claim requirements, by brand.
pub(crate) async fn all_claim_requirements(
    conn: &mut AnyConnection,
) -> Result<Vec<ClaimRequirements>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select body from claim_requirements order by brand_key")
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Replaces a brand's claim requirements.
pub(crate) async fn save_claim_requirements(
    uow: &mut UnitOfWork,
    r: &ClaimRequirements,
) -> Result<()> {
    sqlx::query(
        "insert into claim_requirements (brand_key, body) values ($1, $2)
         on conflict (brand_key) do update set body = excluded.body",
    )
    .bind(brand_key(&r.brand))
    .bind(serde_json::to_string(r)?)
    .execute(uow.conn())
    .await?;
    Ok(())
}
