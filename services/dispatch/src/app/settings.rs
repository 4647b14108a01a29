//! The company's duration defaults: how long each kind of work (on a model) takes, read
//! and replaced whole under a version.
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{DurationDefaults, ReplaceDurationDefaults};
use aftercare_platform::{Result, UnitOfWork, now_ms};
use sqlx::AnyConnection;

use crate::domain::{normalise_durations, validate_durations};
use crate::store::settings;

/// The duration rules in force and their version (none at version 0: the built-in
/// figures apply).
pub(crate) async fn durations(conn: &mut AnyConnection) -> Result<DurationDefaults> {
    Ok(match settings::duration_rules(conn).await? {
        Some((rules, version)) => DurationDefaults { rules, version },
        None => DurationDefaults {
            rules: vec![],
            version: 0,
        },
    })
}

/// Replaces the duration rules with a checked list if they are still at the version the
/// caller saw; `by` is kept as who changed them.
pub(crate) async fn replace_durations(
    uow: &mut UnitOfWork,
    req: ReplaceDurationDefaults,
    by: &str,
) -> std::result::Result<DurationDefaults, ServiceError> {
    let errors = validate_durations(&req.rules);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let current = settings::duration_rules(uow.conn())
        .await?
        .map(|(_, v)| v)
        .unwrap_or(0);
    if current != req.expected_version {
        return Err(ServiceError::stale(format!(
            "the duration defaults are at version {current}, not {}",
            req.expected_version
        )));
    }
    let rules = normalise_durations(req.rules);
    if !settings::save_duration_rules(uow, &rules, current + 1, by, now_ms()).await? {
        return Err(ServiceError::stale(
            "the duration defaults were replaced meanwhile",
        ));
    }
    Ok(DurationDefaults {
        rules,
        version: current + 1,
    })
}
