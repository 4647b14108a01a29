//! Service contracts: signed (by a clerk, or by a renewal) and ended early.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{
    Contract, ContractSigned, ContractTerminated, CreateContract, TerminateContract,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, now_ms};
use uuid::Uuid;

use crate::domain::{contracts, numbering};
use crate::store;

/// Checks, numbers, stores and announces a contract (`billing.contract.signed`); renewals
/// sign theirs the same way, in their own transaction.
pub(crate) async fn sign(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreateContract,
    actor: Option<Actor>,
) -> Result<Contract, ServiceError> {
    let errors = contracts::check(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = uow.now();
    let number = uow.next_number(&numbering::CONTRACT, calendar, now).await?;
    let c = contracts::signed(Uuid::now_v7(), number, req, now);
    store::contracts::insert_contract(uow, &c).await?;
    uow.emit(&Envelope::new(ContractSigned(c.clone()), actor))
        .await?;
    Ok(c)
}

/// Ends a contract early, once: coverage stops after the new end and dispatch stops
/// planning visits after it (`billing.contract.terminated`).
pub(crate) async fn terminate(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: TerminateContract,
    actor: Option<Actor>,
) -> Result<Contract, ServiceError> {
    let mut errors = Vec::new();
    aftercare_contracts::billing::limits::REASON.check(&mut errors, "reason", &req.reason);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let c = store::contracts::contract(uow.conn(), req.contract_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("contract", &req.contract_id))?;
    if store::contracts::contract_terminated(uow.conn(), c.id).await? {
        return Err(ServiceError::conflict(
            "already_terminated",
            format!("{} was already ended early", c.number),
        ));
    }
    let today = calendar.local_date(uow.now());
    contracts::check_early_end(&c, req.ends_on, today).map_err(super::refused)?;
    let by = super::user_of(&actor);
    let signed_ends_on = c.ends_on;
    let ended = Contract {
        ends_on: req.ends_on,
        ..c
    };
    let record = serde_json::json!({"signed_ends_on": signed_ends_on, "reason": req.reason.trim(), "by": by, "at": now_ms()});
    if !store::contracts::terminate_contract(uow, &ended, &record).await? {
        return Err(ServiceError::conflict(
            "already_terminated",
            format!("{} was already ended early", ended.number),
        ));
    }
    uow.emit(&Envelope::new(
        ContractTerminated {
            contract: ended.clone(),
            signed_ends_on,
            reason: req.reason.trim().to_owned(),
            terminated_by: by,
        },
        actor,
    ))
    .await?;
    Ok(ended)
}
