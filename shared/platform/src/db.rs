//! Database access for one service: an `AnyPool` on SQLite (embedded default) or
//! PostgreSQL (production), chosen by URL, with the service's migrations for that
//! backend, and the [`UnitOfWork`] that commits a state change and its events together.
//!
//! SQLite: WAL, `synchronous=FULL` (an acknowledged event's effect survives power loss),
//! a busy timeout, foreign keys, and a single writer connection so the relay, consumers
//! and requests never trip over `database is locked`; reads use a separate pool.
use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::{Envelope, Event};
use sqlx::AnyConnection;
use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyPool, Executor, Transaction};
use tokio::sync::Notify;

use crate::metrics::{PoolWatch, RoleMetrics, role, watch_pools};

mod guarded;
mod number_series;
mod schema;

use crate::{Error, Result, now_ms, telemetry};
pub use guarded::{Guard, Guarded};
#[doc(hidden)]
pub use number_series::check_series_take_the_local_year;
pub use number_series::{Series, number_year};
pub use schema::{MigrationFile, MigrationSql, Migrations};

/// Which database engine a URL points at; the few statements that differ switch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

impl Backend {
    /// Recognises the backend from a database URL.
    pub fn from_url(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(Error::Config(format!(
                "database URL must start with sqlite: or postgres:, got {url:?}"
            )))
        }
    }
}

/// The database of one service.
#[derive(Clone)]
pub struct Db {
    write: AnyPool,
    read: AnyPool,
    backend: Backend,
    metrics: Arc<RoleMetrics>,
    relay_wake: Arc<Notify>,
    clock: crate::Clock,
    /// Keeps the pools sampled for `/metrics` while any handle to the database is alive.
    _pools: Arc<PoolWatch>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .field("role", &self.metrics.role)
            .finish()
    }
}

/// Reads go through a memory map of up to 256 MiB (`SQLITE_MMAP`): pages come from the OS
/// cache without a copy, so a database that outgrows SQLite's own 2 MiB page cache does not
/// make every read slower as a busy day goes on.
const SQLITE_MMAP: &str = "pragma mmap_size = 268435456;";
const SQLITE_PRAGMAS: &str = "pragma journal_mode = wal; pragma synchronous = full; pragma busy_timeout = 10000; pragma foreign_keys = on;";

/// The most connections one process holds to its PostgreSQL database. A database server must
/// allow this many per replica of the role at its most replicas (the Kubernetes clusters'
/// `max_connections` are sized from it, and `tests/deploy` checks them).
pub const POSTGRES_POOL_MAX_CONNECTIONS: u32 = 16;

impl Db {
    /// Connects to `url` for `role`. For SQLite the file is created if missing.
    pub async fn connect(url: &str, role_name: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let (write, read) = match backend {
            Backend::Sqlite => {
                if let Some(path) = sqlite_path(url)
                    && let Some(dir) = std::path::Path::new(&path).parent()
                    && !dir.as_os_str().is_empty()
                {
                    std::fs::create_dir_all(dir)?;
                }
                let url = with_create_mode(url);
                let write = AnyPoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .acquire_timeout(Duration::from_secs(30))
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(SQLITE_PRAGMAS).await?;
                            conn.execute(SQLITE_MMAP).await.map(|_| ())
                        })
                    })
                    .connect(&url)
                    .await
                    .map_err(|e| connect_error(&url, e))?;
                let read = AnyPoolOptions::new()
                    .max_connections(4)
                    .acquire_timeout(Duration::from_secs(30))
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute("pragma busy_timeout = 10000; pragma query_only = 1;")
                                .await?;
                            conn.execute(SQLITE_MMAP).await.map(|_| ())
                        })
                    })
                    .connect(&url)
                    .await
                    .map_err(|e| connect_error(&url, e))?;
                (write, read)
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(POSTGRES_POOL_MAX_CONNECTIONS)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect(url)
                    .await
                    .map_err(|e| connect_error(url, e))?;
                (pool.clone(), pool)
            }
        };
        let pools = match backend {
            Backend::Sqlite => vec![("write", write.clone()), ("read", read.clone())],
            Backend::Postgres => vec![("write", write.clone())],
        };
        Ok(Self {
            write,
            read,
            backend,
            metrics: role(role_name),
            relay_wake: Arc::new(Notify::new()),
            clock: crate::Clock::SYSTEM,
            _pools: watch_pools(role_name, pools),
        })
    }

    /// This handle reading the time from `clock` (its units of work's [`UnitOfWork::now`]);
    /// set once after connecting, before the handle is shared.
    pub fn with_clock(mut self, clock: crate::Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The clock this handle reads the time from.
    pub fn clock(&self) -> crate::Clock {
        self.clock
    }

    /// Applies the platform's and the service's pending migrations; a no-op when current.
    pub async fn migrate(&self, migrations: &Migrations) -> Result<()> {
        migrations.combined(self.backend).run(&self.write).await?;
        Ok(())
    }

    /// Which engine this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Pool for queries that only read.
    pub fn read(&self) -> &AnyPool {
        &self.read
    }

    /// A connection for reads.
    pub async fn read_conn(&self) -> Result<sqlx::pool::PoolConnection<Any>> {
        Ok(self.read.acquire().await?)
    }

    /// The writer pool, for code that manages its own statements (tests, the relay).
    pub fn write(&self) -> &AnyPool {
        &self.write
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<UnitOfWork> {
        let tx = self.write.begin().await?;
        Ok(UnitOfWork {
            tx,
            staged: 0,
            db: self.clone(),
        })
    }

    /// Runs one use case in a new unit of work: commits what it did when it succeeds,
    /// keeps nothing when it fails. The request endpoints' whole transaction handling.
    pub async fn in_unit_of_work<T, E, F>(&self, work: F) -> std::result::Result<T, E>
    where
        E: From<Error>,
        F: for<'u> FnOnce(&'u mut UnitOfWork) -> crate::BoxFuture<'u, std::result::Result<T, E>>,
    {
        let mut uow = self.begin().await?;
        let done = work(&mut uow).await?;
        uow.commit().await?;
        Ok(done)
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("select 1").execute(&self.read).await?;
        Ok(())
    }

    /// Wakes the outbox relay (called after a commit that staged events).
    pub(crate) fn relay_wake(&self) -> Arc<Notify> {
        self.relay_wake.clone()
    }

    /// This role's counters.
    pub fn metrics(&self) -> &Arc<RoleMetrics> {
        &self.metrics
    }

    /// Closes both pools.
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}

fn connect_error(url: &str, e: sqlx::Error) -> Error {
    let shown = redact(url);
    Error::Config(format!("cannot open database {shown}: {e}"))
}

/// The URL without a password, for messages.
pub fn redact(url: &str) -> Cow<'_, str> {
    if let (Some(scheme_end), Some(at)) = (url.find("://"), url.find('@')) {
        let creds = &url[scheme_end + 3..at];
        if let Some(colon) = creds.find(':') {
            return Cow::Owned(format!(
                "{}{}:***{}",
                &url[..scheme_end + 3],
                &creds[..colon],
                &url[at..]
            ));
        }
    }
    Cow::Borrowed(url)
}

fn sqlite_path(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| path.to_owned())
}

fn with_create_mode(url: &str) -> String {
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// One write transaction: the state change and the events it causes commit together or
/// not at all. Committing wakes the relay when events were staged.
pub struct UnitOfWork {
    tx: Transaction<'static, Any>,
    staged: usize,
    db: Db,
}

impl UnitOfWork {
    /// The connection to run statements on.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// The time now, from the database handle's clock ([`Db::with_clock`]): what a use
    /// case records as "now" and takes the company's date of.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.db.clock.now()
    }

    /// [`UnitOfWork::now`] as UTC epoch milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.db.clock.now_ms()
    }

    /// The backend, for the few statements that differ.
    pub fn backend(&self) -> Backend {
        self.db.backend
    }

    /// Stages `event` in the outbox, with the current trace context, to be published
    /// after commit.
    pub async fn emit<E: Event>(&mut self, event: &Envelope<E>) -> Result<()> {
        let payload = serde_json::to_string(event)?;
        let headers = telemetry::current_context_json();
        sqlx::query(
            "insert into outbox (event_id, subject, event_type, event_version, payload, headers, created_at)
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(event.id.to_string())
        .bind(E::TYPE)
        .bind(E::TYPE)
        .bind(i32::from(E::VERSION))
        .bind(payload)
        .bind(headers)
        .bind(now_ms())
        .execute(&mut *self.tx)
        .await?;
        self.staged += 1;
        Ok(())
    }

    /// Commits; counts the commit and wakes the relay if events were staged.
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        self.db.metrics.db_commits.add(1);
        if self.staged > 0 {
            self.db.relay_wake.notify_one();
        }
        Ok(())
    }

    /// Abandons every change.
    pub async fn rollback(self) -> Result<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}

/// Stores a `snake_case` enum as its wire text (`needs_visit`).
pub fn to_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Reads an enum back from its wire text; text it does not know is [`Error::Corrupt`].
pub fn from_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|e| Error::corrupt(type_name::<T>(), text, e))
}

/// Reads a stored UUID; anything else is [`Error::Corrupt`].
pub fn parse_id(text: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(text).map_err(|e| Error::corrupt("id", text, e))
}

/// Reads a JSON column; JSON that is not a `T` is [`Error::Corrupt`] (the message gives
/// the position, not the document, which may hold personal data).
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt {
        what: type_name::<T>(),
        detail: format!(
            "JSON that does not fit at line {} column {}",
            e.line(),
            e.column()
        ),
    })
}

/// Reads a stored value kept as text (a day, a time of day) with its `FromStr`; text that
/// does not parse is [`Error::Corrupt`] naming `what`.
pub fn parse_stored<T>(what: &str, text: &str) -> Result<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    text.parse().map_err(|e| Error::corrupt(what, text, e))
}

/// The last path segment of a type's name (`WorkOrderStatus`), for messages.
fn type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A use case that writes a note, then fails when asked to.
    fn note<'u>(
        uow: &'u mut UnitOfWork,
        text: &'static str,
        fail: bool,
    ) -> crate::BoxFuture<'u, Result<u64>> {
        Box::pin(async move {
            sqlx::query("insert into note (text) values ($1)")
                .bind(text)
                .execute(uow.conn())
                .await?;
            if fail {
                return Err(Error::Conflict("refused after writing".into()));
            }
            Ok(1)
        })
    }

    #[tokio::test]
    async fn a_use_case_keeps_what_it_did_only_when_it_succeeds() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::connect(&format!("sqlite://{}/u.db", dir.path().display()), "uow")
            .await
            .expect("connect");
        sqlx::query("create table note (text text not null)")
            .execute(db.write())
            .await
            .expect("table");
        let kept = db.in_unit_of_work(|uow| note(uow, "kept", false)).await;
        assert_eq!(kept.expect("ok"), 1);
        let refused = db.in_unit_of_work(|uow| note(uow, "dropped", true)).await;
        assert!(matches!(refused, Err(Error::Conflict(_))));
        let texts: Vec<String> = sqlx::query_scalar("select text from note")
            .fetch_all(db.read())
            .await
            .expect("read");
        assert_eq!(texts, ["kept"]);
    }

    #[test]
    fn urls_pick_the_backend_and_hide_passwords() {
        assert_eq!(
            Backend::from_url("sqlite://data/x.db").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            Backend::from_url("postgres://u:p@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert!(Backend::from_url("mysql://h/db").is_err());
        assert_eq!(
            redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(
            sqlite_path("sqlite://data/x.db?mode=rwc").as_deref(),
            Some("data/x.db")
        );
        assert_eq!(with_create_mode("sqlite://a.db"), "sqlite://a.db?mode=rwc");
    }

    #[test]
    fn stored_data_that_does_not_parse_is_a_typed_error_answered_as_500() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Status {
            Open,
        }
        assert!(matches!(from_text::<Status>("open"), Ok(Status::Open)));
        let bad = from_text::<Status>("opne").expect_err("unknown text");
        assert!(
            matches!(&bad, Error::Corrupt { what, .. } if what == "Status"),
            "{bad}"
        );
        assert!(bad.to_string().contains("\"opne\""), "{bad}");
        let json = from_json::<Vec<u32>>("[1, \"secret\"]").expect_err("not numbers");
        assert!(matches!(json, Error::Corrupt { .. }));
        assert!(!json.to_string().contains("secret"), "{json}");
        assert!(matches!(parse_id("x"), Err(Error::Corrupt { .. })));
        assert!(matches!(
            parse_stored::<chrono::NaiveDate>("day", "2026-02-30"),
            Err(Error::Corrupt { .. })
        ));
        let answer = aftercare_contracts::ServiceError::from(bad);
        assert_eq!(answer.status, 500);
    }

    #[test]
    fn platform_versions_stay_below_the_services() {
        assert!(
            schema::PLATFORM.files.iter().all(|m| m.version < 100),
            "platform versions are reserved below 100"
        );
    }
}
