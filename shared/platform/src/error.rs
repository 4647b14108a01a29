//! The platform's error type: infrastructure failures, each naming what failed.
use thiserror::Error;

/// An infrastructure failure (database, NATS, configuration).
#[derive(Debug, Error)]
pub enum Error {
    /// A setting is missing or malformed; the message names it.
    #[error("configuration: {0}")]
    Config(String),
    /// The change would break an invariant the stored state guards (stock below zero).
    #[error("refused: {0}")]
    Conflict(String),
    /// A database statement or connection failed.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Migrations could not be applied.
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// NATS or JetStream refused or failed an operation.
    #[error("NATS: {0}")]
    Nats(String),
    /// A payload could not be (de)serialised.
    #[error("serialisation: {0}")]
    Serde(#[from] serde_json::Error),
    /// A file or process operation failed.
    #[error("I/O: {0}")]
    Io(#[from] std::io::Error),
    /// Stored data does not read back as its type (an enum's text, a JSON column, an id, a
    /// date): the database holds what this version cannot understand. Callers get a 500,
    /// the log says what did not parse and why.
    #[error("corrupt stored {what}: {detail}")]
    Corrupt {
        /// What was being read (`WorkOrderStatus`, `id`, `shift time`).
        what: String,
        /// Why it did not parse (with the text, when it is short).
        detail: String,
    },
}

impl Error {
    /// Whether the database or file system refused the write for want of space (SQLite's
    /// `SQLITE_FULL`, PostgreSQL's `disk_full`, `ENOSPC`): the transaction is rolled back,
    /// and the same write succeeds once space returns.
    pub fn is_storage_full(&self) -> bool {
        match self {
            Error::Database(sqlx::Error::Database(e)) => {
                matches!(e.code().as_deref(), Some(SQLITE_FULL | PG_DISK_FULL))
            }
            Error::Database(sqlx::Error::Io(e)) | Error::Io(e) => {
                e.kind() == std::io::ErrorKind::StorageFull
            }
            _ => false,
        }
    }

    /// Stored `what` did not parse: `text` (shortened in the message) and why.
    pub fn corrupt(what: impl Into<String>, text: &str, why: impl std::fmt::Display) -> Self {
        let shown: String = text.chars().take(64).collect();
        let more = if text.chars().count() > 64 { "…" } else { "" };
        Error::Corrupt {
            what: what.into(),
            detail: format!("{shown:?}{more}: {why}"),
        }
    }

    /// Wraps any NATS client error with what was being attempted.
    pub fn nats(what: &str, e: impl std::fmt::Display) -> Self {
        Error::Nats(format!("{what}: {e}"))
    }
}

/// SQLite's result code for a full database or disk.
const SQLITE_FULL: &str = "13";
/// PostgreSQL's SQLSTATE for a full disk.
const PG_DISK_FULL: &str = "53100";

/// Result with the platform error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for aftercare_contracts::ServiceError {
    /// Infrastructure failures reach callers as a generic 500; the detail stays in logs.
    /// A full disk is the exception callers can act on: 503 `storage_full`, retry later.
    fn from(e: Error) -> Self {
        if e.is_storage_full() {
            tracing::error!(error = %e, "storage full: the write was refused and rolled back");
            return aftercare_contracts::ServiceError::storage_full();
        }
        match &e {
            Error::Corrupt { .. } => tracing::error!(error = %e, "stored data is corrupt"),
            _ => tracing::error!(error = %e, "request failed on infrastructure"),
        }
        aftercare_contracts::ServiceError::internal()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A real SQLite database refusing a write for want of pages, as on a full disk.
    #[tokio::test]
    async fn a_full_database_is_storage_full_and_answers_503() {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/full.db?mode=rwc", dir.path().display());
        let pool = sqlx::AnyPool::connect(&url).await.unwrap();
        // The page limit holds for the connection that sets it.
        let mut conn = pool.acquire().await.unwrap();
        sqlx::query("create table t (v text)")
            .execute(&mut *conn)
            .await
            .unwrap();
        sqlx::query("pragma max_page_count = 3")
            .execute(&mut *conn)
            .await
            .unwrap();
        let full = sqlx::query("insert into t values (zeroblob(100000))")
            .execute(&mut *conn)
            .await
            .unwrap_err();
        let e = Error::Database(full);
        assert!(e.is_storage_full(), "{e}");
        let s = aftercare_contracts::ServiceError::from(e);
        assert_eq!((s.status, s.code.as_str()), (503, "storage_full"));

        let other = sqlx::query("insert into missing values (1)")
            .execute(&mut *conn)
            .await
            .unwrap_err();
        let e = Error::Database(other);
        assert!(!e.is_storage_full());
        assert_eq!(aftercare_contracts::ServiceError::from(e).status, 500);
        let enospc = Error::Io(std::io::Error::from(std::io::ErrorKind::StorageFull));
        assert!(enospc.is_storage_full());
    }
}
