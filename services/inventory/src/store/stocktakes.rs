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

impl StocktakeRow {
    fn into_stocktake(self) -> Result<aftercare_contracts::inventory::Stocktake> {
        Ok(aftercare_contracts::inventory::Stocktake {
            id: aftercare_platform::db::parse_id(&self.stocktake_id)?,
            location: self.location,
            lines: aftercare_platform::db::from_json(&self.lines)?,
            status: aftercare_platform::db::from_text(&self.status)?,
            note: self.note,
            counted_by: self.counted_by,
            decided_by: self.decided_by,
            created_at: aftercare_platform::from_ms(self.created_at),
            version: self.version,
        })
    }
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
    row.map(StocktakeRow::into_stocktake).transpose()
}

/// Stocktakes of one state when given, newest first, before the id `before` (empty: from
/// the newest).
pub(crate) async fn stocktakes(
    conn: &mut AnyConnection,
    status: Option<aftercare_contracts::inventory::StocktakeStatus>,
    before: &str,
    limit: i64,
) -> Result<Vec<aftercare_contracts::inventory::Stocktake>> {
    let rows: Vec<StocktakeRow> = sqlx::query_as(
        "select stocktake_id, location, lines, status, note, counted_by, decided_by, created_at, version
         from stocktake where ($1 = '' or status = $1) and ($2 = '' or stocktake_id < $2)
         order by stocktake_id desc limit $3",
    )
    .bind(status.map(|s| aftercare_platform::db::to_text(&s)).unwrap_or_default())
    .bind(before)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(StocktakeRow::into_stocktake).collect()
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
