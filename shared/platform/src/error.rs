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

/// Result with the platform error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for aftercare_contracts::ServiceError {
    /// Infrastructure failures reach callers as a generic 500; the detail stays in logs.
    fn from(e: Error) -> Self {
        match &e {
            Error::Corrupt { .. } => tracing::error!(error = %e, "stored data is corrupt"),
            _ => tracing::error!(error = %e, "request failed on infrastructure"),
        }
        aftercare_contracts::ServiceError::internal()
    }
}
