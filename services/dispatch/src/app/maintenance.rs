//! Maintenance plans: made by hand, from warranty cards and from contracts (each source
//! once), ended early with their contract, and turned into due visits a lead time ahead
//! (`dispatch.maintenance.due`, once per plan and day).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::Contract;
use aftercare_contracts::dispatch::{CreateMaintenancePlan, MaintenanceDue, MaintenancePlan};
use aftercare_contracts::intake::{CustomerMerged, WarrantyRegistered};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{Result, UnitOfWork, now_ms};
use chrono::{Duration, NaiveDate};

use crate::domain::maintenance::{
    Site, generate_now, manual_key, new_plan, next_due, plans_for_card, plans_for_contract,
    validate,
};
use crate::store::maintenance as store;

/// Most plans one pass generates visits for; the rest wait for the next pass.
const DUE_BATCH: i64 = 200;

/// A plan made by hand (a contract's terms agreed outside billing, a one-off visit).
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    req: &CreateMaintenancePlan,
) -> std::result::Result<MaintenancePlan, ServiceError> {
    let errors = validate(req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let site = Site {
        customer_id: req.customer_id,
        company: &req.company,
        district: &req.district,
        address: &req.address,
    };
    let p = new_plan(
        site,
        &req.machine,
        (req.kind, req.first_due, req.every_months, req.until),
    );
    store::insert(uow, &p, &manual_key(&p), now_ms()).await?;
    Ok(p)
}

/// A warranty card starts its plans (once per card, however often the event comes).
pub(crate) async fn warranty_registered(
    uow: &mut UnitOfWork,
    w: &WarrantyRegistered,
) -> Result<()> {
    for (key, p) in plans_for_card(w) {
        store::insert(uow, &p, &key, now_ms()).await?;
    }
    Ok(())
}

/// A duplicate customer record was merged into another: its maintenance plans belong to
/// the record that stays (lists by customer find them there); redelivered, nothing moves.
pub(crate) async fn customer_merged(uow: &mut UnitOfWork, m: &CustomerMerged) -> Result<()> {
    store::rekey_customer(uow, m.duplicate_id, m.customer_id).await?;
    Ok(())
}

/// A signed contract plans its maintenance visits: one plan per machine, once per
/// contract and machine however often the event comes; a contract already running starts
/// its visits on the company's today.
pub(crate) async fn contract_signed(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    c: &Contract,
) -> Result<()> {
    let today = calendar.local_date(uow.now());
    for (key, p) in plans_for_contract(c, today) {
        store::insert(uow, &p, &key, now_ms()).await?;
    }
    Ok(())
}

/// A contract ended early on `ends_on`: its plans have no visit after that day.
pub(crate) async fn contract_terminated(
    uow: &mut UnitOfWork,
    contract_number: &str,
    ends_on: NaiveDate,
) -> Result<()> {
    store::end_contract_plans(uow, contract_number, ends_on).await?;
    Ok(())
}

/// Generates every visit due within `lead_days` of today, catching up one by one on a
/// plan that fell behind; returns how many. Idempotent: a plan moves on only from the
/// day it was at, and each plan and day is recorded once.
pub(crate) async fn generate_due(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    lead_days: u32,
) -> Result<usize> {
    let today = calendar.local_date(uow.now());
    let horizon = today + Duration::days(i64::from(lead_days));
    let due = store::due(uow.conn(), horizon, DUE_BATCH).await?;
    let mut n = 0;
    for p in due {
        let mut day = p.next_due;
        while generate_now(day, today, lead_days) {
            let next = next_due(day, p.every_months, p.until);
            if !store::generate(uow, p.id, day, next, now_ms()).await? {
                break;
            }
            let e = MaintenanceDue {
                plan_id: p.id,
                kind: p.kind,
                due_on: day,
                customer_id: p.customer_id,
                company: p.company.clone(),
                district: p.district.clone(),
                address: p.address.clone(),
                machine: p.machine.clone(),
            };
            uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
            n += 1;
            match next {
                Some(d) => day = d,
                None => break,
            }
        }
    }
    Ok(n)
}
