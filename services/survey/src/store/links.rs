//! Answer links: the hash of each token sent to a customer, the callback it answers and
//! until when, used up once.
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;
use uuid::Uuid;

/// Stores a link's token hash.
pub(crate) async fn insert_link(
    uow: &mut UnitOfWork,
    token_hash: &str,
    callback_id: Uuid,
    expires_at: i64,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into answer_link (token_hash, callback_id, expires_at, created_at) values ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(callback_id.to_string())
    .bind(expires_at)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The callback and expiry of an unused, unexpired link.
pub(crate) async fn live_link(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: i64,
) -> Result<Option<(String, i64)>> {
    Ok(sqlx::query_as(
        "select callback_id, expires_at from answer_link
         where token_hash = $1 and used_at is null and expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?)
}

/// Uses a link up; false when it was used (or expired) meanwhile.
pub(crate) async fn use_link(uow: &mut UnitOfWork, token_hash: &str, now: i64) -> Result<bool> {
    let n = sqlx::query(
        "update answer_link set used_at = $1 where token_hash = $2 and used_at is null and expires_at > $1",
    )
    .bind(now)
    .bind(token_hash)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
