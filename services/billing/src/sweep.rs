//! Billing's periodic job: overdue reminders for receivables, and the renewal pipeline
//! (list what ends within two months, follow up weekly from the month before, lapse what
//! ended unanswered). Every step is guarded by the row it changes, so several billing
//! replicas may run it and each reminder or follow-up goes out once.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{
    AgeBucket, Iou, ReceivableOverdue, Renewal, RenewalFollowUpDue, RenewalKind, RenewalListed,
    RenewalStatus,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::{Actor, Envelope, Money};
use aftercare_platform::db::{from_json, parse_id, to_text};
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result, from_ms, now_ms};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::renewals::{first_follow_up, listing_horizon, swept};
use crate::{domain, store};

/// The job, to register on the service host.
pub(crate) fn job(calendar: Arc<BusinessCalendar>) -> Job {
    Job {
        name: "billing sweep",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move {
                let today = calendar.local_date(from_ms(now_ms()));
                remind_overdue(&db, today).await?;
                list_renewals(&db, today).await?;
                move_renewals(&db, today).await
            })
        }),
    }
}

/// One reminder per receipt and bucket past 0-30 days, and one when its IOU's day passed.
async fn remind_overdue(db: &Db, today: NaiveDate) -> Result<()> {
    const PAGE: i64 = 500;
    let (mut after_day, mut after_number) = (String::new(), String::new());
    loop {
        let candidates = {
            let mut conn = db.read_conn().await?;
            store::overdue_candidates(&mut conn, today, (&after_day, &after_number), PAGE).await?
        };
        let Some(last) = candidates.last() else {
            return Ok(());
        };
        (after_day, after_number) = (last.issued_day.clone(), last.number.clone());
        let full = candidates.len() as i64 == PAGE;
        remind(db, today, candidates).await?;
        if !full {
            return Ok(());
        }
    }
}

/// Sends the reminders due for one page of candidates, each once (a sweep racing another
/// loses the guarded update and sends nothing).
async fn remind(db: &Db, today: NaiveDate, candidates: Vec<store::OverdueCandidate>) -> Result<()> {
    for c in candidates {
        let Ok(issued) = NaiveDate::parse_from_str(&c.issued_day, "%Y-%m-%d") else {
            continue;
        };
        let age_days = (today - issued).num_days();
        let bucket = domain::bucket(age_days);
        let bucket_text = to_text(&bucket);
        let promised = c
            .iou
            .as_deref()
            .and_then(|t| from_json::<Iou>(t).ok())
            .map(|i| i.promised_on);
        let bucket_due = bucket != AgeBucket::Days0To30
            && c.reminded_bucket.as_deref() != Some(bucket_text.as_str());
        let iou_due = c.iou_reminded == 0 && promised.is_some_and(|p| p < today);
        if !bucket_due && !iou_due {
            continue;
        }
        let now_bucket = if bucket_due {
            Some(bucket_text.as_str())
        } else {
            c.reminded_bucket.as_deref()
        };
        let mut uow = db.begin().await?;
        if !store::mark_reminded(
            &mut uow,
            &c.invoice_id,
            (c.reminded_bucket.as_deref(), c.iou_reminded),
            (now_bucket, i64::from(iou_due) | c.iou_reminded),
        )
        .await?
        {
            uow.rollback().await?;
            continue;
        }
        let e = ReceivableOverdue {
            invoice_id: parse_id(&c.invoice_id)?,
            number: c.number,
            customer_name: c.customer_name,
            customer_id: c.customer_id.as_deref().map(parse_id).transpose()?,
            outstanding: Money {
                amount_minor: c.owed,
                currency: c.currency,
            },
            age_days,
            bucket,
            iou_promised_on: promised.filter(|_| iou_due),
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
        uow.commit().await?;
    }
    Ok(())
}

/// Lists every contract and warranty ending between today and the end of the month
/// after next that is not listed yet.
async fn list_renewals(db: &Db, today: NaiveDate) -> Result<()> {
    let horizon = listing_horizon(today);
    let (contracts, warranties) = {
        let mut conn = db.read_conn().await?;
        (
            store::contracts_ending(&mut conn, today, horizon).await?,
            store::warranties_ending(&mut conn, today, horizon).await?,
        )
    };
    let mut listed: Vec<Renewal> = contracts
        .into_iter()
        .map(|c| Renewal {
            id: Uuid::now_v7(),
            kind: RenewalKind::Contract,
            source: c.number,
            customer_id: c.customer_id,
            customer_name: c.customer_name,
            district: c.district,
            address: c.address,
            machines: c.machines,
            ends_on: c.ends_on,
            coverage: Some(c.coverage),
            price: Some(c.price),
            status: RenewalStatus::Open,
            listed_on: today,
            next_follow_up: Some(first_follow_up(today, c.ends_on)),
            follow_ups: 0,
            note: None,
            renewed_by: None,
            version: 1,
        })
        .collect();
    for w in warranties {
        let (Ok(ends_on), Ok(customer_id), Ok(machine)) = (
            NaiveDate::parse_from_str(&w.warranty_end, "%Y-%m-%d"),
            parse_id(&w.customer_id),
            from_json::<MachineInfo>(&w.machine),
        ) else {
            continue;
        };
        // A machine already under contract past its warranty needs no offer.
        let mut conn = db.read_conn().await?;
        let after = ends_on.succ_opt().unwrap_or(ends_on);
        if store::contract_on(&mut conn, &w.machine_key, after)
            .await?
            .is_some()
        {
            continue;
        }
        listed.push(Renewal {
            id: Uuid::now_v7(),
            kind: RenewalKind::Warranty,
            source: w.card_number,
            customer_id,
            customer_name: w.company,
            district: w.district,
            address: w.address,
            machines: vec![machine],
            ends_on,
            coverage: None,
            price: None,
            status: RenewalStatus::Open,
            listed_on: today,
            next_follow_up: Some(first_follow_up(today, ends_on)),
            follow_ups: 0,
            note: None,
            renewed_by: None,
            version: 1,
        });
    }
    for r in listed {
        let mut uow = db.begin().await?;
        if store::insert_renewal(&mut uow, &r).await? {
            uow.emit(&Envelope::new(RenewalListed(r), Some(Actor::system())))
                .await?;
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
        store::renewals_to_move(&mut conn, today).await?
    };
    for r in due {
        let expected = r.version;
        let moved = swept(r, today);
        let lapsed = moved.status == RenewalStatus::Lapsed;
        let mut uow = db.begin().await?;
        if !store::update_renewal(&mut uow, &moved, expected).await? {
            uow.rollback().await?;
            continue;
        }
        if !lapsed {
            uow.emit(&Envelope::new(
                RenewalFollowUpDue(moved),
                Some(Actor::system()),
            ))
            .await?;
        }
        uow.commit().await?;
    }
    Ok(())
}
