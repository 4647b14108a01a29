//! The daily cash reconciliation: a technician's cash counted against what the visits say
//! they collected, and a manager's approval of a variance.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{
    ApproveVariance, CashReconciled, CashReconciliation, ReconcileCash, ReconciliationStatus,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::domain::cash;
use crate::store;

/// Records the count of a technician's cash for a day, once: balanced when it matches
/// what the visits say (`billing.cash.reconciled`), otherwise awaiting a manager's
/// approval of the variance.
pub(crate) async fn reconcile(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: ReconcileCash,
    actor: Option<Actor>,
) -> Result<CashReconciliation, ServiceError> {
    let now = from_ms(now_ms());
    if req.day > calendar.local_date(now) {
        return Err(ServiceError::field(
            "day",
            "in_the_future",
            "a day is counted once it has begun",
        ));
    }
    if req.counted.amount_minor < 0 {
        return Err(ServiceError::field(
            "counted.amount_minor",
            "negative",
            "counted cash cannot be negative",
        ));
    }
    if req.note.chars().count() > 500 {
        return Err(ServiceError::field(
            "note",
            "too_long",
            "note must be at most 500 characters",
        ));
    }
    let collected = store::cash::collections(uow.conn(), req.day, Some(req.technician_id)).await?;
    let currency = collected.first().map_or_else(
        || req.counted.currency.clone(),
        |c| c.amount.currency.clone(),
    );
    if req.counted.currency != currency {
        return Err(ServiceError::field(
            "counted.currency",
            "invalid",
            format!("the day's cash is in {currency}"),
        ));
    }
    let rec = cash::reconciliation(
        Uuid::now_v7(),
        cash::Count {
            technician_id: req.technician_id,
            day: req.day,
            currency: &currency,
            expected_minor: collected.iter().map(|c| c.amount.amount_minor).sum(),
            counted_minor: req.counted.amount_minor,
            counted_by: super::user_of(&actor),
            note: req.note.trim().to_owned(),
        },
        now,
    );
    if !store::cash::insert_reconciliation(uow, &rec).await? {
        return Err(ServiceError::conflict(
            "already_counted",
            format!(
                "the cash of {} on {} was already counted",
                req.technician_id, req.day
            ),
        ));
    }
    if rec.status == ReconciliationStatus::Balanced {
        uow.emit(&Envelope::new(CashReconciled(rec.clone()), actor))
            .await?;
    }
    Ok(rec)
}

/// A manager accepts a variance; the day is then settled (`billing.cash.reconciled`).
pub(crate) async fn approve(
    uow: &mut UnitOfWork,
    req: ApproveVariance,
    actor: Option<Actor>,
) -> Result<CashReconciliation, ServiceError> {
    let mut errors = Vec::new();
    aftercare_contracts::billing::limits::REASON.check(&mut errors, "note", &req.note);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let missing = || ServiceError::not_found("reconciliation", &req.reconciliation_id);
    let id = Uuid::parse_str(req.reconciliation_id.trim()).map_err(|_| missing())?;
    let rec = store::cash::reconciliation(uow.conn(), id)
        .await?
        .ok_or_else(missing)?;
    let approved = cash::approved(rec, super::user_of(&actor), &req.note);
    if !store::cash::approve_reconciliation(uow, &approved).await? {
        return Err(ServiceError::conflict(
            "not_awaiting_approval",
            "only a count with a variance awaiting approval can be approved",
        ));
    }
    uow.emit(&Envelope::new(CashReconciled(approved.clone()), actor))
        .await?;
    Ok(approved)
}
