//! Company settings kept as one versioned list each (priority rules, notification texts):
//! read with the built-in list when none was stored, replaced whole with optimistic
//! concurrency (`expected_version` 0 while the built-in list applies).
use aftercare_contracts::{FieldError, ServiceError};
use aftercare_platform::rpc::RequestContext;
use aftercare_platform::{Db, now_ms};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::store;

/// One list setting: where it is kept, its built-in value and its rules.
pub(super) struct Setting<T> {
    /// The table it is kept in.
    pub(super) table: &'static str,
    /// What it is called in messages.
    pub(super) what: &'static str,
    /// The built-in list.
    pub(super) defaults: fn() -> Vec<T>,
    /// Problems with a proposed list.
    pub(super) validate: fn(&[T]) -> Vec<FieldError>,
}

/// The stored list and its version, or the built-in list at version 0.
pub(super) async fn read<T: DeserializeOwned>(
    db: &Db,
    s: &Setting<T>,
) -> Result<(Vec<T>, i64), ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(store::list_setting(&mut conn, s.table)
        .await?
        .unwrap_or_else(|| ((s.defaults)(), 0)))
}

/// Replaces the list if it is still at `expected`; returns the stored list and version.
pub(super) async fn replace<T: Serialize + DeserializeOwned>(
    db: &Db,
    s: &Setting<T>,
    ctx: &RequestContext,
    items: &[T],
    expected: i64,
) -> Result<(Vec<T>, i64), ServiceError> {
    let errors = (s.validate)(items);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let actor = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    let mut uow = db.begin().await?;
    if !store::replace_list_setting(&mut uow, s.table, items, expected, actor, now_ms()).await? {
        return Err(ServiceError::stale(format!(
            "the {} changed since you read them; read them again",
            s.what
        )));
    }
    let stored = store::list_setting(uow.conn(), s.table)
        .await?
        .ok_or_else(ServiceError::internal)?;
    uow.commit().await?;
    Ok(stored)
}
