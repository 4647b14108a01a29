//! The company's duration defaults (how long each kind of work, on a model, takes) and its
//! fault list (the codes a visit report may name), each read and replaced whole under a
//! version (company settings, `crate::domain::settings`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    DurationDefaults, FaultCodes, ReplaceDurationDefaults, ReplaceFaultCodes,
};
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

/// The fault list in force and its version (the built-in list at version 0).
pub(crate) async fn fault_codes(conn: &mut AnyConnection) -> Result<FaultCodes> {
    let (codes, version) = company_settings::current::<settings::FaultList>(conn).await?;
    Ok(FaultCodes { codes, version })
}

/// Replaces the fault list with a checked one if it is still at the version the caller
/// saw; `by` is kept as who changed it.
pub(crate) async fn replace_fault_codes(
    uow: &mut UnitOfWork,
    req: ReplaceFaultCodes,
    by: &str,
) -> std::result::Result<FaultCodes, ServiceError> {
    let (codes, version) = company_settings::replace_in::<settings::FaultList>(
        uow,
        by,
        req.codes,
        req.expected_version,
    )
    .await?;
    Ok(FaultCodes { codes, version })
}
