//! Optimistic concurrency in one place: an update of one row that takes effect only while
//! the row is still at the version the caller read (`… where id = ? and version = ?`),
//! bumps the version, and tells a missing row from one that moved on, instead of every
//! store writing the same clause, binds and `rows_affected() == 1` by hand.
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AssertSqlSafe};

use crate::Result;

/// What a guarded update did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guarded {
    /// The row was at the expected version (and met the extra condition) and is changed.
    Updated,
    /// No row has this key.
    NotFound,
    /// The row is there but not as the caller read it: another writer changed its version,
    /// or its state no longer meets the update's extra condition.
    VersionMismatch,
}

impl Guarded {
    /// Whether the change took effect.
    pub fn is_updated(self) -> bool {
        self == Guarded::Updated
    }
}

/// The row a guarded update is for: its table, key column and key, the version the caller
/// read, and optionally a condition on its state that must still hold.
#[derive(Debug, Clone)]
pub struct Guard {
    table: &'static str,
    key_column: &'static str,
    key: String,
    version: i64,
    condition: Option<&'static str>,
    new_version: Option<i64>,
}

impl Guard {
    /// The row of `table` whose `key_column` is `key`, read at `version`.
    pub fn new(
        table: &'static str,
        key_column: &'static str,
        key: impl ToString,
        version: i64,
    ) -> Self {
        Self {
            table,
            key_column,
            key: key.to_string(),
            version,
            condition: None,
            new_version: None,
        }
    }

    /// Stores `version` as the row's new version instead of adding one (for records whose
    /// body carries its own version).
    pub fn to_version(mut self, version: i64) -> Self {
        self.new_version = Some(version);
        self
    }

    /// A further condition on the row's state (`status = 'scheduled'`).
    pub fn when(mut self, condition: &'static str) -> Self {
        self.condition = Some(condition);
        self
    }

    /// Runs `update <table> set <set>, version = version + 1 where <key> = … and version = …`
    /// with the caller's values bound by `bind` to `$1…$n` of `set`; the key and the version
    /// take the next two placeholders (and the new version the one after, with
    /// [`Guard::to_version`]).
    pub async fn update<'q>(
        self,
        conn: &mut AnyConnection,
        set: &'static str,
        bind: impl FnOnce(Query<'q, Any, AnyArguments>) -> Query<'q, Any, AnyArguments>,
    ) -> Result<Guarded> {
        let n = highest_placeholder(set);
        let condition = self
            .condition
            .map(|c| format!(" and ({c})"))
            .unwrap_or_default();
        let next = match self.new_version {
            Some(_) => format!("${}", n + 3),
            None => "version + 1".to_owned(),
        };
        let sql = format!(
            "update {} set {set}, version = {next} where {} = ${} and version = ${}{condition}",
            self.table,
            self.key_column,
            n + 1,
            n + 2
        );
        let mut query = bind(sqlx::query(AssertSqlSafe(sql)))
            .bind(self.key.clone())
            .bind(self.version);
        if let Some(v) = self.new_version {
            query = query.bind(v);
        }
        let done = query.execute(&mut *conn).await?;
        if done.rows_affected() == 1 {
            return Ok(Guarded::Updated);
        }
        let exists: Option<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "select version from {} where {} = $1",
            self.table, self.key_column
        )))
        .bind(self.key)
        .fetch_optional(&mut *conn)
        .await?;
        Ok(match exists {
            None => Guarded::NotFound,
            Some(_) => Guarded::VersionMismatch,
        })
    }
}

/// The largest `$n` in `sql`, 0 when there is none.
fn highest_placeholder(sql: &str) -> usize {
    let bytes = sql.as_bytes();
    let mut highest = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'$' {
            let start = i + 1;
            let mut end = start;
            while end < bytes.len() && bytes[end].is_ascii_digit() {
                end += 1;
            }
            if let Ok(n) = sql[start..end].parse::<usize>() {
                highest = highest.max(n);
            }
            i = end.max(start);
        } else {
            i += 1;
        }
    }
    highest
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection as _;

    #[test]
    fn placeholders_are_counted() {
        assert_eq!(highest_placeholder("status = $1, at = $12, x = $3"), 12);
        assert_eq!(highest_placeholder("status = 'done'"), 0);
    }

    #[tokio::test]
    async fn an_update_applies_once_and_tells_a_missing_row_from_a_moved_one() {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect("sqlite::memory:")
            .await
            .expect("connect");
        sqlx::query(
            "create table thing (thing_id text primary key, status text not null, version integer not null)",
        )
        .execute(&mut conn)
        .await
        .expect("create");
        sqlx::query("insert into thing values ('a', 'open', 1)")
            .execute(&mut conn)
            .await
            .expect("insert");
        let g = Guard::new("thing", "thing_id", "a", 1)
            .update(&mut conn, "status = $1", |q| q.bind("done"))
            .await
            .expect("update");
        assert_eq!(g, Guarded::Updated);
        let again = Guard::new("thing", "thing_id", "a", 1)
            .update(&mut conn, "status = $1", |q| q.bind("open"))
            .await
            .expect("update");
        assert_eq!(again, Guarded::VersionMismatch);
        let refused = Guard::new("thing", "thing_id", "a", 2)
            .when("status = 'open'")
            .update(&mut conn, "status = $1", |q| q.bind("open"))
            .await
            .expect("update");
        assert_eq!(refused, Guarded::VersionMismatch);
        let missing = Guard::new("thing", "thing_id", "b", 1)
            .update(&mut conn, "status = $1", |q| q.bind("done"))
            .await
            .expect("update");
        assert_eq!(missing, Guarded::NotFound);
        let jumped = Guard::new("thing", "thing_id", "a", 2)
            .to_version(5)
            .update(&mut conn, "status = $1", |q| q.bind("done"))
            .await
            .expect("update");
        assert_eq!(jumped, Guarded::Updated);
        let (status, version): (String, i64) =
            sqlx::query_as("select status, version from thing where thing_id = 'a'")
                .fetch_one(&mut conn)
                .await
                .expect("read");
        assert_eq!((status.as_str(), version), ("done", 5));
    }
}
