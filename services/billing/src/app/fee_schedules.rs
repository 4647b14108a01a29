//! Publishing a fee schedule version.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{CreateFeeSchedule, FeeSchedule};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use crate::domain::schedule;
use crate::store;

/// Publishes a new version numbered after the latest; it prices visits finished from its
/// day on, and receipts already issued keep the version they were priced by.
pub(crate) async fn publish(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreateFeeSchedule,
    by: String,
) -> Result<FeeSchedule, ServiceError> {
    let now = from_ms(now_ms());
    let existing = store::fee_schedules::fee_schedules(uow.conn()).await?;
    let latest = existing.first();
    let errors = schedule::check(
        &req,
        calendar.local_date(now),
        latest.map(|l| l.effective_from),
    );
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let f = FeeSchedule {
        version: schedule::next_version(latest.map(|l| l.version)),
        effective_from: req.effective_from,
        terms: schedule::kept_terms(req.terms),
        created_by: by,
        created_at: now,
    };
    store::fee_schedules::insert_fee_schedule(uow, &f).await?;
    Ok(f)
}
