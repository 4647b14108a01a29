//! Accounts that must change their password before doing anything else: the first
//! administrator when its password was generated (and printed once). Until the change
//! such an account may only change its password and sign out; every other operation
//! answers 403 `password_change_required`.
//!
//! The flag lives in the database; each replica also keeps the flagged ids in memory so
//! the common case (nobody flagged) costs no query. A flagged id is re-checked in the
//! database on each of its requests, so a change made through another replica counts.
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use aftercare_platform::{Db, Result};

/// The flagged accounts.
#[derive(Clone)]
pub(crate) struct MustChange {
    db: Db,
    flagged: Arc<Mutex<HashSet<String>>>,
}

impl MustChange {
    /// Reads the flagged accounts.
    pub(crate) async fn load(db: &Db) -> Result<Self> {
        let ids: Vec<String> =
            sqlx::query_scalar("select account_id from password_change_required")
                .fetch_all(db.read())
                .await?;
        Ok(Self {
            db: db.clone(),
            flagged: Arc::new(Mutex::new(ids.into_iter().collect())),
        })
    }

    /// Flags `account_id` (at creation, before the gateway serves).
    pub(crate) async fn require(db: &Db, account_id: &str, now: i64) -> Result<()> {
        sqlx::query(
            "insert into password_change_required (account_id, since) values ($1, $2)
             on conflict (account_id) do nothing",
        )
        .bind(account_id)
        .bind(now)
        .execute(db.write())
        .await?;
        Ok(())
    }

    /// Whether `account_id` must still change its password.
    pub(crate) async fn required(&self, account_id: &str) -> Result<bool> {
        if !self
            .flagged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(account_id)
        {
            return Ok(false);
        }
        let n: i64 = sqlx::query_scalar(
            "select count(*) from password_change_required where account_id = $1",
        )
        .bind(account_id)
        .fetch_one(self.db.read())
        .await?;
        if n == 0 {
            self.forget(account_id);
        }
        Ok(n > 0)
    }

    /// Clears the flag after the password was changed.
    pub(crate) async fn done(&self, account_id: &str) -> Result<()> {
        sqlx::query("delete from password_change_required where account_id = $1")
            .bind(account_id)
            .execute(self.db.write())
            .await?;
        self.forget(account_id);
        Ok(())
    }

    fn forget(&self, account_id: &str) {
        self.flagged
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account_id);
    }
}
