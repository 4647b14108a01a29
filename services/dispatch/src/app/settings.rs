//! The company's duration defaults: how long each kind of work (on a model) takes, read
//! and replaced whole under a version (a company setting, `crate::domain::settings`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{DurationDefaults, ReplaceDurationDefaults};
use aftercare_platform::{Result, UnitOfWork, company_settings};
use sqlx::AnyConnection;

use crate::domain::settings;

/// The duration rules in force and their version (none at version 0: the built-in
/// figures apply).
pub(crate) async fn durations(conn: &mut AnyConnection) -> Result<DurationDefaults> {
    let (rules, version) = company_settings::current::<settings::DurationDefaults>(conn).await?;
    Ok(DurationDefaults { rules, version })
}

/// Replaces the duration rules with a checked list if they are still at the version the
/// caller saw; `by` is kept as who changed them.
pub(crate) async fn replace_durations(
    uow: &mut UnitOfWork,
    req: ReplaceDurationDefaults,
    by: &str,
) -> std::result::Result<DurationDefaults, ServiceError> {
    let (rules, version) = company_settings::replace_in::<settings::DurationDefaults>(
        uow,
        by,
        req.rules,
        req.expected_version,
    )
    .await?;
    Ok(DurationDefaults { rules, version })
}
