//! Billing's periodic job: overdue reminders for receivables, and the renewal pipeline
//! (list what ends within two months, follow up weekly from the month before, lapse what
//! ended unanswered). Every step is one transaction guarded by the row it changes, so
//! several billing replicas may run it and each reminder or follow-up goes out once; the
//! steps themselves are use cases in [`crate::app`].
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::intake::MachineInfo;
use aftercare_platform::db::{from_json, parse_id};
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::renewals::{self, EndingWarranty, listing_horizon};
use crate::{app, store};

/// The job, to register on the service host.
pub(crate) fn job(calendar: Arc<BusinessCalendar>) -> Job {
    Job {
        name: "billing sweep",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move {
                let today = calendar.local_date(db.clock().now());
                remind_overdue(&db, today, calendar.is_working_day(today)).await?;
                list_renewals(&db, today).await?;
                move_renewals(&db, today).await
            })
        }),
    }
}

/// A chase of every receipt past 0-30 days still owing money once a week (Monday to
/// Sunday) on a working day, and one reminder when its IOU's day passed.
async fn remind_overdue(db: &Db, today: NaiveDate, working_day: bool) -> Result<()> {
    const PAGE: i64 = 500;
    let (mut after_day, mut after_number) = (String::new(), String::new());
    loop {
        let candidates = {
            let mut conn = db.read_conn().await?;
            store::receipts::overdue_candidates(&mut conn, today, (&after_day, &after_number), PAGE)
                .await?
        };
        let Some(last) = candidates.last() else {
            return Ok(());
        };
        (after_day, after_number) = (last.issued_day.clone(), last.number.clone());
        let full = candidates.len() as i64 == PAGE;
        remind(db, today, working_day, candidates).await?;
        if !full {
            return Ok(());
        }
    }
}

/// Sends the reminders due for one page of candidates, each once (a sweep racing another
/// loses the guarded update and sends nothing).
async fn remind(
    db: &Db,
    today: NaiveDate,
    working_day: bool,
    candidates: Vec<store::receipts::OverdueCandidate>,
) -> Result<()> {
    for c in candidates {
        let mut uow = db.begin().await?;
        if app::receivables::remind(&mut uow, c, today, working_day).await? {
            uow.commit().await?;
        } else {
            uow.rollback().await?;
        }
    }
    Ok(())
}

/// Lists every contract and warranty ending between today and the end of the month
/// after next that is not listed yet; a machine already under contract past its
/// warranty needs no offer.
async fn list_renewals(db: &Db, today: NaiveDate) -> Result<()> {
    let horizon = listing_horizon(today);
    let (contracts, warranties) = {
        let mut conn = db.read_conn().await?;
        (
            store::contracts::contracts_ending(&mut conn, today, horizon).await?,
            store::warranties::warranties_ending(&mut conn, today, horizon).await?,
        )
    };
    let mut listed: Vec<_> = contracts
        .into_iter()
        .map(|c| renewals::of_contract(Uuid::now_v7(), c, today))
        .collect();
    for w in warranties {
        let (Ok(ends_on), Ok(customer_id), Ok(machine)) = (
            NaiveDate::parse_from_str(&w.warranty_end, "%Y-%m-%d"),
            parse_id(&w.customer_id),
            from_json::<MachineInfo>(&w.machine),
        ) else {
            continue;
        };
        let mut conn = db.read_conn().await?;
        if store::contracts::contract_on(&mut conn, &w.machine_key, renewals::day_after(ends_on))
            .await?
            .is_some()
        {
            continue;
        }
        listed.push(renewals::of_warranty(
            Uuid::now_v7(),
            EndingWarranty {
                card_number: w.card_number,
                customer_id,
                company: w.company,
                district: w.district,
                address: w.address,
                machine,
                ends_on,
            },
            today,
        ));
    }
    for r in listed {
        let mut uow = db.begin().await?;
        if app::renewals::list(&mut uow, r).await? {
            uow.commit().await?;
        } else {
            uow.rollback().await?;
        }
    }
    Ok(())
}

/// A weekly follow-up for each open renewal whose day has come; lapse what ended.
async fn move_renewals(db: &Db, today: NaiveDate) -> Result<()> {
    let due = {
        let mut conn = db.read_conn().await?;
        store::renewals::renewals_to_move(&mut conn, today).await?
    };
    for r in due {
        let mut uow = db.begin().await?;
        if app::renewals::follow_up(&mut uow, r, today).await? {
            uow.commit().await?;
        } else {
            uow.rollback().await?;
        }
    }
    Ok(())
}
