//! Renewals (续保): what is coming to an end, and the agent's record of the answer; a
//! renewal signs the next contract.

use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    ContractCoverage, CreateContract, GetRenewal, ListRenewals, RecordRenewalOutcome, Renewal,
    RenewalOutcome, RenewalStatus,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;

use crate::{domain, store};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListRenewals, _>(|State { db, .. }, _ctx, req: ListRenewals| async move {
            let mut conn = db.read_conn().await?;
            Ok(Page {
                items: store::renewals(&mut conn, req.status).await?,
                next_cursor: None,
            })
        })
        .on::<GetRenewal, _>(|State { db, .. }, _ctx, req: GetRenewal| async move {
            let mut conn = db.read_conn().await?;
            store::renewal(&mut conn, req.id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("renewal", &req.id))
        })
        .on::<RecordRenewalOutcome, _>(outcome)
}

/// Records the customer's answer: declined, or renewed, which signs the next contract
/// (from the day after the old end) in the same transaction.
async fn outcome(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: RecordRenewalOutcome,
) -> Result<Renewal, ServiceError> {
    if req.note.chars().count() > 500 {
        return Err(ServiceError::field(
            "note",
            "too_long",
            "note must be at most 500 characters",
        ));
    }
    let mut uow = db.begin().await?;
    let r = store::renewal(uow.conn(), req.renewal_id.trim())
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
    let today = calendar.local_date(aftercare_platform::from_ms(aftercare_platform::now_ms()));
    let mut done = Renewal {
        note: Some(req.note.trim().to_owned()).filter(|n| !n.is_empty()),
        next_follow_up: None,
        version: r.version + 1,
        ..r.clone()
    };
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
            let (starts_on, ends_on) = domain::renewals::renewed_period(r.ends_on, req.ends_on);
            let starts_on = starts_on.max(today);
            let price = match (req.price, &r.price) {
                (Some(p), _) => p,
                (None, Some(p)) => p.clone(),
                (None, None) => {
                    return Err(ServiceError::field(
                        "price",
                        "required",
                        "a first contract after a warranty needs its price",
                    ));
                }
            };
            let coverage = req.coverage.or(r.coverage).unwrap_or(ContractCoverage {
                call_out: true,
                labour: true,
                parts: true,
                visit_every_months: 1,
            });
            let contract = super::sign_contract(
                &mut uow,
                &calendar,
                CreateContract {
                    customer_id: r.customer_id,
                    customer_name: r.customer_name.clone(),
                    district: r.district.clone(),
                    address: r.address.clone(),
                    machines: r.machines.clone(),
                    starts_on,
                    ends_on,
                    coverage,
                    price,
                },
                ctx.actor,
            )
            .await?;
            store::mark_renewal_of(&mut uow, contract.id, r.id).await?;
            done.status = RenewalStatus::Renewed;
            done.renewed_by = Some(contract.number);
        }
    }
    if !store::update_renewal(&mut uow, &done, req.expected_version).await? {
        return Err(ServiceError::stale("the renewal changed meanwhile"));
    }
    uow.commit().await?;
    Ok(done)
}
