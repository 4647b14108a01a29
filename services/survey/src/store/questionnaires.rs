//! The questionnaire's versions: every stored version is kept, so an answer is always
//! scored by the version it was given against.
use aftercare_contracts::survey::Questionnaire;
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;

use crate::domain::questionnaire::built_in;

/// Every stored questionnaire version plus the built-in first one, oldest first.
pub(crate) async fn questionnaires(conn: &mut AnyConnection) -> Result<Vec<Questionnaire>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select definition from questionnaire order by version")
            .fetch_all(conn)
            .await?;
    let mut all = vec![built_in()];
    for (text,) in rows {
        let q: Questionnaire = from_json(&text)?;
        all.retain(|x| x.version != q.version);
        all.push(q);
    }
    Ok(all)
}

/// Up to `limit` stored versions below `before`, newest first (the built-in first version
/// is not stored, so never among them).
pub(crate) async fn stored_before(
    conn: &mut AnyConnection,
    before: i64,
    limit: u32,
) -> Result<Vec<Questionnaire>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select definition from questionnaire where version < $1 order by version desc limit $2",
    )
    .bind(before)
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(text,)| from_json(&text)).collect()
}

/// The current questionnaire.
pub(crate) async fn current_questionnaire(conn: &mut AnyConnection) -> Result<Questionnaire> {
    Ok(questionnaires(conn).await?.pop().unwrap_or_else(built_in))
}

/// Stores a new version; false when another was stored first.
pub(crate) async fn insert_questionnaire(uow: &mut UnitOfWork, q: &Questionnaire) -> Result<bool> {
    let n = sqlx::query(
        "insert into questionnaire (version, definition, updated_at, updated_by) values ($1, $2, $3, $4)
         on conflict (version) do nothing",
    )
    .bind(q.version)
    .bind(serde_json::to_string(q)?)
    .bind(q.updated_at.timestamp_millis())
    .bind(&q.updated_by)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}
