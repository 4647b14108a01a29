//! Overdue reminders for receivables: a chase of every receipt past 0-30 days once a week
//! (Monday to Sunday, on a working day) while it owes money, and one when its IOU's promised
//! day passed.
use aftercare_contracts::billing::{Iou, ReceivableOverdue};
use aftercare_contracts::{Actor, Envelope, Money};
use aftercare_platform::db::{from_json, parse_id};
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;

use crate::domain::receivables;
use crate::store;

/// Sends the reminder due on `today` (a working day of the business calendar or not) for a
/// receipt still owing money
/// (`billing.receivable.overdue`), recording it first under a guard; false, changing
/// nothing, when none is due or another sweep recorded it first.
pub(crate) async fn remind(
    uow: &mut UnitOfWork,
    c: store::receipts::OverdueCandidate,
    today: NaiveDate,
    working_day: bool,
) -> Result<bool> {
    let Ok(issued) = NaiveDate::parse_from_str(&c.issued_day, "%Y-%m-%d") else {
        return Ok(false);
    };
    let promised = c
        .iou
        .as_deref()
        .and_then(|t| from_json::<Iou>(t).ok())
        .map(|i| i.promised_on);
    let chased_on = c
        .chased_on
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let owing = receivables::Owing {
        issued_on: issued,
        owed_minor: c.owed,
        last_chased_on: chased_on,
        iou_reminded: c.iou_reminded != 0,
        promised_on: promised,
    };
    let Some(due) = receivables::reminder_due(owing, today, working_day) else {
        return Ok(false);
    };
    let today_text = today.to_string();
    let now_chased = if due.chase_due {
        Some(today_text.as_str())
    } else {
        c.chased_on.as_deref()
    };
    if !store::receipts::mark_reminded(
        uow,
        &c.invoice_id,
        (c.chased_on.as_deref(), c.iou_reminded),
        (now_chased, i64::from(due.iou_due) | c.iou_reminded),
    )
    .await?
    {
        return Ok(false);
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
        age_days: due.age_days,
        bucket: due.bucket,
        iou_promised_on: promised.filter(|_| due.iou_due),
    };
    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    Ok(true)
}
