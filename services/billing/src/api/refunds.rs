//! Refunds of approved returns: due when intake approves the return, paid by finance.
use aftercare_contracts::billing::{
    GetRefund, ListRefunds, PayRefund, Refund, RefundPaid, RefundStatus,
};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{from_ms, now_ms};

use super::actor_id;
use crate::store;

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListRefunds, _>(|State { db, .. }, _ctx, req: ListRefunds| async move {
            let mut conn = db.read_conn().await?;
            Ok(Page {
                items: store::refunds(&mut conn, req.status).await?,
                next_cursor: None,
            })
        })
        .on::<GetRefund, _>(|State { db, .. }, _ctx, req: GetRefund| async move {
            let mut conn = db.read_conn().await?;
            store::refund(&mut conn, req.id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("refund", &req.id))
        })
        .on::<PayRefund, _>(pay)
}

/// Records that a due refund was paid; a refund is paid once.
async fn pay(
    State { db, .. }: State,
    ctx: RequestContext,
    req: PayRefund,
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
    let mut uow = db.begin().await?;
    let r = store::refund(uow.conn(), req.refund_id.trim())
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
    let paid = Refund {
        status: RefundStatus::Paid,
        amount: Some(req.amount),
        method: Some(req.method),
        reference: req.reference.trim().to_owned(),
        paid_by: Some(actor_id(&ctx)),
        paid_at: Some(from_ms(now_ms())),
        version: r.version + 1,
        ..r
    };
    if !store::update_refund(&mut uow, &paid, req.expected_version).await? {
        return Err(ServiceError::stale("the refund changed meanwhile"));
    }
    uow.emit(&Envelope::new(RefundPaid(paid.clone()), ctx.actor))
        .await?;
    uow.commit().await?;
    Ok(paid)
}
