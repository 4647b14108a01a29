//! Stocktakes: counted lines stored pending a manager's decision, read, decided once.
use aftercare_platform::db::Guard;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

#[derive(FromRow)]
struct StocktakeRow {
    stocktake_id: String,
    location: String,
    lines: String,
    status: String,
    note: String,
    counted_by: String,
    decided_by: Option<String>,
    created_at: i64,
    version: i64,
}

/// Stores a stocktake.
pub(crate) async fn insert_stocktake(
    uow: &mut UnitOfWork,
    s: &aftercare_contracts::inventory::Stocktake,
) -> Result<()> {
    sqlx::query(
        "insert into stocktake (stocktake_id, location, lines, status, note, counted_by, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, 1)",
    )
    .bind(s.id.to_string())
    .bind(&s.location)
    .bind(serde_json::to_string(&s.lines)?)
    .bind(aftercare_platform::db::to_text(&s.status))
    .bind(&s.note)
    .bind(&s.counted_by)
    .bind(s.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// One stocktake.
pub(crate) async fn stocktake(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::inventory::Stocktake>> {
    let row: Option<StocktakeRow> = sqlx::query_as(
        "select stocktake_id, location, lines, status, note, counted_by, decided_by, created_at, version
         from stocktake where stocktake_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(aftercare_contracts::inventory::Stocktake {
            id: aftercare_platform::db::parse_id(&r.stocktake_id)?,
            location: r.location,
            lines: aftercare_platform::db::from_json(&r.lines)?,
            status: aftercare_platform::db::from_text(&r.status)?,
            note: r.note,
            counted_by: r.counted_by,
            decided_by: r.decided_by,
            created_at: aftercare_platform::from_ms(r.created_at),
            version: r.version,
        })
    })
    .transpose()
}

/// Decides a pending stocktake still at `version`; false when it moved on.
pub(crate) async fn decide_stocktake(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    status: aftercare_contracts::inventory::StocktakeStatus,
    by: &str,
    now: i64,
) -> Result<bool> {
    let done = Guard::new("stocktake", "stocktake_id", id, version)
        .when("status = 'pending_approval'")
        .update(
            uow.conn(),
            "status = $1, decided_by = $2, decided_at = $3",
            |q| {
                q.bind(aftercare_platform::db::to_text(&status))
                    .bind(by)
                    .bind(now)
            },
        )
        .await?;
    Ok(done.is_updated())
}
