//! Refunds of approved returns: due when intake approves the return, paid once by finance.
use aftercare_contracts::billing::{PayRefund, Refund, RefundPaid, RefundStatus};
use aftercare_contracts::intake::ReturnApproved;
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{Result, UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::domain::refunds;
use crate::store;

/// An approved return becomes a refund due (once per return ticket).
pub(crate) async fn return_approved(uow: &mut UnitOfWork, r: ReturnApproved) -> Result<()> {
    store::refunds::insert_refund(uow, &refunds::due(Uuid::now_v7(), r)).await
}

/// Records that a due refund was paid (`billing.refund.paid`); a refund is paid once.
pub(crate) async fn pay(
    uow: &mut UnitOfWork,
    req: PayRefund,
    actor: Option<Actor>,
) -> Result<Refund, ServiceError> {
    if req.amount.amount_minor <= 0 {
        return Err(ServiceError::field(
            "amount.amount_minor",
            "out_of_range",
            "a refund is more than zero",
        ));
    }
    if req.reference.chars().count() > 100 {
        return Err(ServiceError::field(
            "reference",
            "too_long",
            "reference must be at most 100 characters",
        ));
    }
    let r = store::refunds::refund(uow.conn(), req.refund_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("refund", &req.refund_id))?;
    if r.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "refund is at version {}, not {}",
            r.version, req.expected_version
        )));
    }
    if r.status == RefundStatus::Paid {
        return Err(ServiceError::conflict(
            "already_paid",
            "this refund was already paid",
        ));
    }
    let paid = refunds::paid(
        r,
        refunds::Payout {
            amount: req.amount,
            method: req.method,
            reference: req.reference.trim().to_owned(),
            by: super::user_of(&actor),
            at: from_ms(now_ms()),
        },
    );
    if !store::refunds::update_refund(uow, &paid, req.expected_version).await? {
        return Err(ServiceError::stale("the refund changed meanwhile"));
    }
    uow.emit(&Envelope::new(RefundPaid(paid.clone()), actor))
        .await?;
    Ok(paid)
}
