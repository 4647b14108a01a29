//! Renewals (续保): listed before a contract or warranty ends, followed up weekly, lapsed
//! when unanswered, and answered by the agent (a renewal signs the next contract).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{
    RecordRenewalOutcome, Renewal, RenewalFollowUpDue, RenewalListed, RenewalOutcome, RenewalStatus,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{Result, UnitOfWork, from_ms, now_ms};
use chrono::NaiveDate;

use crate::domain::renewals;
use crate::store;

/// Records the customer's answer: declined (with a reason), or renewed, which signs the
/// next contract (from the day after the old end) in the same transaction.
pub(crate) async fn record_outcome(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: RecordRenewalOutcome,
    actor: Option<Actor>,
) -> Result<Renewal, ServiceError> {
    if req.note.chars().count() > 500 {
        return Err(ServiceError::field(
            "note",
            "too_long",
            "note must be at most 500 characters",
        ));
    }
    let r = store::renewals::renewal(uow.conn(), req.renewal_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("renewal", &req.renewal_id))?;
    if r.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "renewal is at version {}, not {}",
            r.version, req.expected_version
        )));
    }
    if r.status != RenewalStatus::Open {
        return Err(ServiceError::conflict(
            "not_open",
            "the renewal already has its outcome",
        ));
    }
    let today = calendar.local_date(from_ms(now_ms()));
    let mut done = renewals::answered(&r, &req.note);
    match req.outcome {
        RenewalOutcome::Declined => {
            if req.note.trim().is_empty() {
                return Err(ServiceError::field(
                    "note",
                    "required",
                    "say why the customer declined",
                ));
            }
            done.status = RenewalStatus::Declined;
        }
        RenewalOutcome::Renewed => {
            let next = renewals::renewed_contract(&r, today, req.ends_on, req.price, req.coverage)
                .map_err(super::refused)?;
            let contract = super::contracts::sign(uow, calendar, next, actor).await?;
            store::contracts::mark_renewal_of(uow, contract.id, r.id).await?;
            done.status = RenewalStatus::Renewed;
            done.renewed_by = Some(contract.number);
        }
    }
    if !store::renewals::update_renewal(uow, &done, req.expected_version).await? {
        return Err(ServiceError::stale("the renewal changed meanwhile"));
    }
    Ok(done)
}

/// Lists a renewal and announces it (`billing.renewal.listed`); false, changing nothing,
/// when its contract or warranty was listed before.
pub(crate) async fn list(uow: &mut UnitOfWork, r: Renewal) -> Result<bool> {
    if !store::renewals::insert_renewal(uow, &r).await? {
        return Ok(false);
    }
    uow.emit(&Envelope::new(RenewalListed(r), Some(Actor::system())))
        .await?;
    Ok(true)
}

/// Moves an open renewal whose follow-up day came or whose end passed
/// ([`renewals::swept`]): a follow-up is announced (`billing.renewal.follow_up_due`), a
/// lapse is not; false, changing nothing, when another sweep moved it first.
pub(crate) async fn follow_up(uow: &mut UnitOfWork, r: Renewal, today: NaiveDate) -> Result<bool> {
    let expected = r.version;
    let moved = renewals::swept(r, today);
    if !store::renewals::update_renewal(uow, &moved, expected).await? {
        return Ok(false);
    }
    if moved.status != RenewalStatus::Lapsed {
        uow.emit(&Envelope::new(
            RenewalFollowUpDue(moved),
            Some(Actor::system()),
        ))
        .await?;
    }
    Ok(true)
}
