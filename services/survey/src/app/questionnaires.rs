//! The questionnaire: replaced whole by a new version, the old ones kept for scoring.
use aftercare_contracts::ServiceError;
use aftercare_contracts::survey::{Questionnaire, ReplaceQuestionnaire};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use crate::domain::questionnaire::{next_version, validate};
use crate::store::questionnaires;

/// Saves a checked questionnaire as the next version if the current one is the version
/// the caller saw; `by` is kept as who saved it.
pub(crate) async fn replace(
    uow: &mut UnitOfWork,
    req: ReplaceQuestionnaire,
    by: String,
) -> Result<Questionnaire, ServiceError> {
    let errors = validate(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let current = questionnaires::current_questionnaire(uow.conn()).await?;
    if current.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "the questionnaire is at version {}, not {}",
            current.version, req.expected_version
        )));
    }
    let q = next_version(current.version, req, by, from_ms(now_ms()));
    if !questionnaires::insert_questionnaire(uow, &q).await? {
        return Err(ServiceError::stale(
            "the questionnaire was replaced meanwhile",
        ));
    }
    Ok(q)
}
