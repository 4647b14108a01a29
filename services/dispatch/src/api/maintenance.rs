//! Maintenance plans: made by hand (contracts) or from warranty cards, listed, and the
//! sweep that turns due visits into `dispatch.maintenance.due` (once per plan and day).
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    CreateMaintenancePlan, ListMaintenancePlans, MaintenanceDue, MaintenanceKind, MaintenancePlan,
};
use aftercare_contracts::intake::{MachineInfo, WarrantyRegistered};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::host::Job;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{Db, UnitOfWork, from_ms, now_ms};
use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use crate::domain::maintenance::{generate_now, next_due, plans_for_warranty, validate};
use crate::store::maintenance as store;

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CreateMaintenancePlan, _>(create)
        .on::<ListMaintenancePlans, _>(list)
}

#[allow(clippy::too_many_arguments)]
fn plan(
    kind: MaintenanceKind,
    customer_id: Uuid,
    company: &str,
    district: &str,
    address: &str,
    machine: &MachineInfo,
    first: NaiveDate,
    every_months: u32,
    until: Option<NaiveDate>,
) -> MaintenancePlan {
    MaintenancePlan {
        id: Uuid::now_v7(),
        kind,
        customer_id,
        company: company.trim().to_owned(),
        district: district.trim().to_owned(),
        address: address.trim().to_owned(),
        machine: machine.clone(),
        every_months,
        next_due: first,
        until,
        active: true,
        generated: vec![],
    }
}

async fn create(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: CreateMaintenancePlan,
) -> Result<MaintenancePlan, ServiceError> {
    let errors = validate(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let p = plan(
        req.kind,
        req.customer_id,
        &req.company,
        &req.district,
        &req.address,
        &req.machine,
        req.first_due,
        req.every_months,
        req.until,
    );
    let mut uow = db.begin().await?;
    store::insert(&mut uow, &p, &format!("manual:{}", p.id), now_ms()).await?;
    uow.commit().await?;
    Ok(p)
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListMaintenancePlans,
) -> Result<Page<MaintenancePlan>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        req.customer_id,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |p| p.id.to_string()))
}

/// A warranty card starts its plans (once per card, however often the event comes).
pub(crate) async fn on_warranty(
    uow: &mut UnitOfWork,
    w: &WarrantyRegistered,
) -> aftercare_platform::Result<()> {
    for (kind, first, every, until) in plans_for_warranty(w.first_maintenance_by, w.warranty_end) {
        let p = plan(
            kind,
            w.customer_id,
            &w.company,
            &w.district,
            &w.address,
            &w.machine,
            first,
            every,
            until,
        );
        let key = format!("warranty:{}:{}", w.card_number, store::kind_key(kind));
        store::insert(uow, &p, &key, now_ms()).await?;
    }
    Ok(())
}

/// The periodic job that generates due visits `lead_days` ahead.
pub(crate) fn job(calendar: Arc<BusinessCalendar>, lead_days: u32) -> Job {
    Job {
        name: "maintenance plans",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move { sweep(&db, &calendar, lead_days).await.map(|_| ()) })
        }),
    }
}

/// One pass; returns how many visits were generated. Idempotent: a plan moves on only
/// from the day it was at, and each plan and day is recorded once.
pub(crate) async fn sweep(
    db: &Db,
    calendar: &BusinessCalendar,
    lead_days: u32,
) -> aftercare_platform::Result<usize> {
    let today = calendar.local_date(from_ms(now_ms()));
    let horizon = today + Duration::days(i64::from(lead_days));
    let due = {
        let mut conn = db.read_conn().await?;
        store::due(&mut conn, horizon, 200).await?
    };
    let mut n = 0;
    let mut uow = db.begin().await?;
    for p in due {
        // Catch up: every visit up to the horizon, one by one.
        let mut day = p.next_due;
        while generate_now(day, today, lead_days) {
            let next = next_due(day, p.every_months, p.until);
            if !store::generate(&mut uow, p.id, day, next, now_ms()).await? {
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
    uow.commit().await?;
    Ok(n)
}

/// A contract plans its maintenance visits: one plan per machine, every
/// `visit_every_months` from its start (or today, for a contract already running) to its
/// end; once per contract and machine however often the event comes.
pub(crate) async fn on_contract(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::billing::Contract,
) -> aftercare_platform::Result<()> {
    let every = c.coverage.visit_every_months;
    if every == 0 {
        return Ok(());
    }
    let today = from_ms(now_ms()).date_naive();
    let first = c.starts_on.max(today);
    if first > c.ends_on {
        return Ok(());
    }
    for m in &c.machines {
        let p = plan(
            MaintenanceKind::Contract,
            c.customer_id,
            &c.customer_name,
            &c.district,
            &c.address,
            m,
            first,
            every,
            Some(c.ends_on),
        );
        let key = format!(
            "contract:{}:{}:{}",
            c.number,
            m.brand.trim(),
            m.serial.trim()
        );
        store::insert(uow, &p, &key, now_ms()).await?;
    }
    Ok(())
}
