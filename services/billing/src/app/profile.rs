//! The company profile its receipts are headed with: read with who stored it and when,
//! replaced whole at the version the caller saw (a company setting,
//! [`crate::domain::profile`]).
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{CompanyProfile, ReplaceCompanyProfile};
use aftercare_platform::{Result, UnitOfWork, company_settings, from_ms};
use sqlx::AnyConnection;

use crate::domain::profile::CompanyProfileSetting;

/// The profile in force, its version and who stored it when (none at version 0).
pub(crate) async fn profile(conn: &mut AnyConnection) -> Result<CompanyProfile> {
    Ok(
        match company_settings::stored::<CompanyProfileSetting>(conn).await? {
            Some(r) => CompanyProfile {
                profile: r.items.into_iter().next(),
                version: r.version,
                updated_at: Some(from_ms(r.updated_at)),
                updated_by: Some(r.updated_by),
            },
            None => CompanyProfile {
                profile: None,
                version: 0,
                updated_at: None,
                updated_by: None,
            },
        },
    )
}

/// Replaces the profile with a checked one if it is still at the version the caller saw;
/// `by` is kept as who changed it.
pub(crate) async fn replace(
    uow: &mut UnitOfWork,
    req: ReplaceCompanyProfile,
    by: &str,
) -> std::result::Result<CompanyProfile, ServiceError> {
    company_settings::replace_in::<CompanyProfileSetting>(
        uow,
        by,
        vec![req.profile],
        req.expected_version,
    )
    .await?;
    Ok(profile(uow.conn()).await?)
}
