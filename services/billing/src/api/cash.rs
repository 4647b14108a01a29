//! The daily cash reconciliation: what each technician collected on site against what
//! they hand in; a variance waits for a manager.

use aftercare_contracts::billing::{
    ApproveVariance, CashCollection, CashDay, CashDayRequest, CashReconciled, CashReconciliation,
    ReconcileCash, ReconciliationStatus,
};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{Envelope, Money, ServiceError};
use aftercare_platform::db::parse_id;
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{from_ms, now_ms};
use uuid::Uuid;

use super::actor_id;
use crate::store;

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CashDayRequest, _>(day)
        .on::<ReconcileCash, _>(reconcile)
        .on::<ApproveVariance, _>(approve)
}

/// Every technician who collected cash on the day, or whose day was counted.
async fn day(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: CashDayRequest,
) -> Result<Page<CashDay>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let rows = store::collections(&mut conn, req.day, None).await?;
    let counted = store::reconciliations(&mut conn, req.day).await?;
    let mut days: Vec<CashDay> = Vec::new();
    for r in rows {
        let technician_id = parse_id(&r.technician_id)?;
        if days.last().is_none_or(|d| d.technician_id != technician_id) {
            days.push(CashDay {
                technician_id,
                technician_name: r.technician_name.clone(),
                day: req.day,
                expected: Money {
                    amount_minor: 0,
                    currency: r.currency.clone(),
                },
                collections: Vec::new(),
                reconciliation: None,
            });
        }
        if let Some(d) = days.last_mut() {
            d.expected.amount_minor += r.amount_minor;
            d.collections.push(CashCollection {
                work_order_number: r.work_order_number,
                receipt_number: r.receipt_number,
                amount: Money {
                    amount_minor: r.amount_minor,
                    currency: r.currency,
                },
                at: from_ms(r.at),
            });
        }
    }
    for rec in counted {
        match days
            .iter_mut()
            .find(|d| d.technician_id == rec.technician_id)
        {
            Some(d) => d.reconciliation = Some(rec),
            None => days.push(CashDay {
                technician_id: rec.technician_id,
                technician_name: String::new(),
                day: req.day,
                expected: rec.expected.clone(),
                collections: Vec::new(),
                reconciliation: Some(rec),
            }),
        }
    }
    Ok(Page {
        items: days,
        next_cursor: None,
    })
}

/// Records the count of a technician's cash for a day, once: balanced when it matches
/// what the visits say, otherwise awaiting a manager's approval of the variance.
async fn reconcile(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: ReconcileCash,
) -> Result<CashReconciliation, ServiceError> {
    let now = from_ms(now_ms());
    if req.day > calendar.local_date(now) {
        return Err(ServiceError::field(
            "day",
            "in_the_future",
            "a day is counted once it has begun",
        ));
    }
    if req.counted.amount_minor < 0 {
        return Err(ServiceError::field(
            "counted.amount_minor",
            "negative",
            "counted cash cannot be negative",
        ));
    }
    if req.note.chars().count() > 500 {
        return Err(ServiceError::field(
            "note",
            "too_long",
            "note must be at most 500 characters",
        ));
    }
    let mut uow = db.begin().await?;
    let rows = store::collections(uow.conn(), req.day, Some(req.technician_id)).await?;
    let currency = rows
        .first()
        .map_or_else(|| req.counted.currency.clone(), |r| r.currency.clone());
    if req.counted.currency != currency {
        return Err(ServiceError::field(
            "counted.currency",
            "invalid",
            format!("the day's cash is in {currency}"),
        ));
    }
    let expected: i64 = rows.iter().map(|r| r.amount_minor).sum();
    let variance = req.counted.amount_minor - expected;
    let money = |amount_minor| Money {
        amount_minor,
        currency: currency.clone(),
    };
    let rec = CashReconciliation {
        id: Uuid::now_v7(),
        technician_id: req.technician_id,
        day: req.day,
        expected: money(expected),
        counted: money(req.counted.amount_minor),
        variance: money(variance),
        status: if variance == 0 {
            ReconciliationStatus::Balanced
        } else {
            ReconciliationStatus::AwaitingApproval
        },
        counted_by: actor_id(&ctx),
        note: req.note.trim().to_owned(),
        approved_by: None,
        approval_note: None,
        counted_at: now,
    };
    if !store::insert_reconciliation(&mut uow, &rec).await? {
        return Err(ServiceError::conflict(
            "already_counted",
            format!(
                "the cash of {} on {} was already counted",
                req.technician_id, req.day
            ),
        ));
    }
    if rec.status == ReconciliationStatus::Balanced {
        uow.emit(&Envelope::new(CashReconciled(rec.clone()), ctx.actor))
            .await?;
    }
    uow.commit().await?;
    Ok(rec)
}

/// A manager accepts a variance; the day is then settled.
async fn approve(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ApproveVariance,
) -> Result<CashReconciliation, ServiceError> {
    let mut errors = Vec::new();
    aftercare_contracts::rpc::check_text(&mut errors, "note", &req.note, 1, 500);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let missing = || ServiceError::not_found("reconciliation", &req.reconciliation_id);
    let id = Uuid::parse_str(req.reconciliation_id.trim()).map_err(|_| missing())?;
    let rec = store::reconciliation(uow.conn(), id)
        .await?
        .ok_or_else(missing)?;
    let approved = CashReconciliation {
        status: ReconciliationStatus::Approved,
        approved_by: Some(actor_id(&ctx)),
        approval_note: Some(req.note.trim().to_owned()),
        ..rec
    };
    if !store::approve_reconciliation(&mut uow, &approved).await? {
        return Err(ServiceError::conflict(
            "not_awaiting_approval",
            "only a count with a variance awaiting approval can be approved",
        ));
    }
    uow.emit(&Envelope::new(CashReconciled(approved.clone()), ctx.actor))
        .await?;
    uow.commit().await?;
    Ok(approved)
}
