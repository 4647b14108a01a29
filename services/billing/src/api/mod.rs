//! Billing's request endpoints (`svc.billing.*`): receipts, payments, credit notes,
//! IOUs and contracts here; fee schedules, cash days, refunds and reports beside.
mod cash;
mod claims;
mod fees;
mod refunds;
mod renewals;
mod reports;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Envelope;
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    Contract, ContractSigned, CreateContract, CreateCreditNote, CreditNote, CreditNoteIssued,
    GetContract, GetInvoice, Invoice, Iou, ListContracts, ListCreditNotes, Payment, RecordIou,
    RecordPayment, TerminateContract,
};
use aftercare_contracts::rpc::{ByWorkOrder, Page};
use aftercare_contracts::rpc::{FieldError, check_text};
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{from_ms, now_ms};
use uuid::Uuid;

use crate::store;

/// What every endpoint reaches: the database and the business calendar.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    calendar: Arc<BusinessCalendar>,
}

pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    let endpoints = Endpoints::new(State { db, calendar })
        .on::<RecordPayment, _>(record_payment)
        .on::<CreateCreditNote, _>(create_credit_note)
        .on::<ListCreditNotes, _>(list_credit_notes)
        .on::<RecordIou, _>(record_iou)
        .on::<CreateContract, _>(create_contract)
        .on::<TerminateContract, _>(terminate_contract)
        .on::<GetContract, _>(get_contract)
        .on::<ListContracts, _>(list_contracts)
        .on::<GetInvoice, _>(get)
        .on::<ByWorkOrder, _>(list);
    let endpoints = fees::register(endpoints);
    let endpoints = cash::register(endpoints);
    let endpoints = refunds::register(endpoints);
    let endpoints = claims::register(endpoints);
    let endpoints = renewals::register(endpoints);
    reports::register(endpoints).into_vec()
}

/// The acting user's id, for the records that name who did something.
fn actor_id(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetInvoice,
) -> Result<Invoice, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ByWorkOrder,
) -> Result<Page<Invoice>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::by_work_order(&mut conn, req.work_order_id.trim()).await?,
        next_cursor: None,
    })
}

fn validate_contract(req: &CreateContract) -> Vec<FieldError> {
    let mut e = Vec::new();
    let err = |field: &str, code: &str, message: &str| FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    };
    check_text(&mut e, "customer_name", &req.customer_name, 1, 200);
    check_text(&mut e, "district", &req.district, 1, 64);
    if req.address.chars().count() > 500 {
        e.push(err(
            "address",
            "too_long",
            "address must be at most 500 characters",
        ));
    }
    if req.machines.is_empty() || req.machines.len() > 50 {
        e.push(err(
            "machines",
            "out_of_range",
            "a contract covers 1-50 machines",
        ));
    }
    for (i, m) in req.machines.iter().enumerate() {
        check_text(&mut e, &format!("machines[{i}].serial"), &m.serial, 1, 64);
        check_text(&mut e, &format!("machines[{i}].brand"), &m.brand, 1, 64);
        check_text(&mut e, &format!("machines[{i}].model"), &m.model, 1, 100);
    }
    if req.ends_on < req.starts_on {
        e.push(err(
            "ends_on",
            "before_start",
            "ends_on must not be before starts_on",
        ));
    } else if (req.ends_on - req.starts_on).num_days() > 3 * 366 {
        e.push(err(
            "ends_on",
            "out_of_range",
            "a contract runs three years at most",
        ));
    }
    if req.coverage.visit_every_months > 12 {
        e.push(err(
            "coverage.visit_every_months",
            "out_of_range",
            "visit_every_months is 0 to 12",
        ));
    }
    if req.price.amount_minor < 0 {
        e.push(err(
            "price.amount_minor",
            "negative",
            "a price cannot be negative",
        ));
    }
    e
}

/// Records a signed contract and announces it (`billing.contract.signed`).
async fn create_contract(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CreateContract,
) -> Result<Contract, ServiceError> {
    let mut uow = db.begin().await?;
    let c = sign_contract(&mut uow, &calendar, req, ctx.actor).await?;
    uow.commit().await?;
    Ok(c)
}

/// Checks, numbers, stores and announces a contract (`billing.contract.signed`) in the
/// caller's transaction; renewals sign theirs the same way.
pub(crate) async fn sign_contract(
    uow: &mut aftercare_platform::UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreateContract,
    actor: Option<aftercare_contracts::Actor>,
) -> Result<Contract, ServiceError> {
    let errors = validate_contract(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = from_ms(now_ms());
    let number = uow
        .next_number(&crate::domain::numbering::CONTRACT, calendar, now)
        .await?;
    let c = Contract {
        id: Uuid::now_v7(),
        number,
        customer_id: req.customer_id,
        customer_name: req.customer_name.trim().to_owned(),
        district: req.district.trim().to_owned(),
        address: req.address.trim().to_owned(),
        machines: req.machines,
        starts_on: req.starts_on,
        ends_on: req.ends_on,
        coverage: req.coverage,
        price: req.price,
        created_at: now,
    };
    store::insert_contract(uow, &c).await?;
    uow.emit(&Envelope::new(ContractSigned(c.clone()), actor))
        .await?;
    Ok(c)
}

/// Ends a contract early, once: coverage stops after the new end and dispatch stops
/// planning visits after it (`billing.contract.terminated`).
async fn terminate_contract(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: TerminateContract,
) -> Result<Contract, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "reason", &req.reason, 1, 500);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let c = store::contract(uow.conn(), req.contract_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("contract", &req.contract_id))?;
    if store::contract_terminated(uow.conn(), c.id).await? {
        return Err(ServiceError::conflict(
            "already_terminated",
            format!("{} was already ended early", c.number),
        ));
    }
    let today = calendar.local_date(from_ms(now_ms()));
    let earliest = c
        .starts_on
        .pred_opt()
        .unwrap_or(c.starts_on)
        .max(today.pred_opt().unwrap_or(today));
    if req.ends_on < earliest || req.ends_on >= c.ends_on {
        return Err(ServiceError::field(
            "ends_on",
            "out_of_range",
            format!(
                "the new last day is from {earliest} to the day before the current end ({})",
                c.ends_on
            ),
        ));
    }
    let by = actor_id(&ctx);
    let signed_ends_on = c.ends_on;
    let ended = Contract {
        ends_on: req.ends_on,
        ..c
    };
    let record = serde_json::json!({"signed_ends_on": signed_ends_on, "reason": req.reason.trim(), "by": by, "at": now_ms()});
    if !store::terminate_contract(&mut uow, &ended, &record).await? {
        return Err(ServiceError::conflict(
            "already_terminated",
            format!("{} was already ended early", ended.number),
        ));
    }
    uow.emit(&Envelope::new(
        aftercare_contracts::billing::ContractTerminated {
            contract: ended.clone(),
            signed_ends_on,
            reason: req.reason.trim().to_owned(),
            terminated_by: by,
        },
        ctx.actor,
    ))
    .await?;
    uow.commit().await?;
    Ok(ended)
}

async fn get_contract(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetContract,
) -> Result<Contract, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::contract(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("contract", &req.id))
}

async fn list_contracts(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListContracts,
) -> Result<Page<Contract>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::contracts(&mut conn, req.customer_id).await?,
        next_cursor: None,
    })
}

/// Records a payment of a receipt; more than is outstanding, or another currency, is refused.
async fn record_payment(
    State { db, .. }: State,
    ctx: RequestContext,
    req: RecordPayment,
) -> Result<Payment, ServiceError> {
    if req.reference.chars().count() > 100 {
        return Err(ServiceError::field(
            "reference",
            "too_long",
            "reference must be at most 100 characters",
        ));
    }
    if req.amount.amount_minor <= 0 {
        return Err(ServiceError::field(
            "amount.amount_minor",
            "out_of_range",
            "a payment is more than zero",
        ));
    }
    let mut uow = db.begin().await?;
    let inv = settle_against(&mut uow, &req.invoice_id, &req.amount, false).await?;
    let p = Payment {
        id: Uuid::now_v7(),
        invoice_id: inv.id,
        method: req.method,
        amount: req.amount,
        collected_by: req.collected_by,
        reference: req.reference.trim().to_owned(),
        recorded_by: actor_id(&ctx),
        at: from_ms(now_ms()),
    };
    store::insert_payment(&mut uow, &p).await?;
    uow.commit().await?;
    Ok(p)
}

/// Takes `amount` off what a receipt owes, as a payment or (with `credit`) a credit note:
/// in the receipt's currency and never more than is owed. Returns the receipt as it was.
async fn settle_against(
    uow: &mut aftercare_platform::UnitOfWork,
    invoice_id: &str,
    amount: &aftercare_contracts::Money,
    credit: bool,
) -> Result<Invoice, ServiceError> {
    let inv = store::get(uow.conn(), invoice_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", invoice_id))?;
    if amount.currency != inv.total_charged.currency {
        return Err(ServiceError::field(
            "amount.currency",
            "invalid",
            format!("the receipt is in {}", inv.total_charged.currency),
        ));
    }
    if !store::settle(uow, inv.id, amount.amount_minor, credit).await? {
        return Err(ServiceError::field(
            "amount.amount_minor",
            "more_than_owed",
            format!(
                "{} is outstanding on {}{}",
                inv.outstanding.amount_minor,
                inv.number,
                if credit {
                    "; a paid amount is given back as a refund"
                } else {
                    ""
                }
            ),
        ));
    }
    Ok(inv)
}

/// Issues a credit note: what a receipt owes goes down by the amount, never below zero;
/// the receipt itself is never edited.
async fn create_credit_note(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CreateCreditNote,
) -> Result<CreditNote, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "reason", &req.reason, 1, 500);
    if req.amount.amount_minor <= 0 {
        errors.push(FieldError {
            field: "amount.amount_minor".into(),
            code: "out_of_range".into(),
            message: "a credit note is for more than zero".into(),
        });
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let inv = settle_against(&mut uow, &req.invoice_id, &req.amount, true).await?;
    let now = from_ms(now_ms());
    let today = calendar.local_date(now);
    let number = uow
        .next_number(&crate::domain::numbering::CREDIT_NOTE, &calendar, now)
        .await?;
    let note = CreditNote {
        id: Uuid::now_v7(),
        number,
        invoice_id: inv.id,
        invoice_number: inv.number,
        amount: req.amount,
        reason: req.reason.trim().to_owned(),
        issued_by: actor_id(&ctx),
        issued_at: now,
    };
    store::insert_credit_note(&mut uow, &note, today).await?;
    uow.emit(&Envelope::new(CreditNoteIssued(note.clone()), ctx.actor))
        .await?;
    uow.commit().await?;
    Ok(note)
}

async fn list_credit_notes(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListCreditNotes,
) -> Result<Page<CreditNote>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let inv = store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))?;
    Ok(Page {
        items: store::credit_notes(&mut conn, inv.id).await?,
        next_cursor: None,
    })
}

/// Records the customer's IOU (欠条) for what a receipt still owes.
async fn record_iou(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: RecordIou,
) -> Result<Invoice, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "signed_by", &req.signed_by, 1, 100);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let inv = store::get(uow.conn(), req.invoice_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.invoice_id))?;
    let issued_on = calendar.local_date(inv.issued_at);
    if req.promised_on < issued_on || req.promised_on > issued_on + chrono::Duration::days(366) {
        return Err(ServiceError::field(
            "promised_on",
            "out_of_range",
            format!("an IOU promises payment within a year of the receipt ({issued_on})"),
        ));
    }
    if inv.outstanding.amount_minor <= 0 {
        return Err(ServiceError::conflict(
            "nothing_owed",
            format!("{} owes nothing", inv.number),
        ));
    }
    let iou = Iou {
        signed_by: req.signed_by.trim().to_owned(),
        promised_on: req.promised_on,
        recorded_by: actor_id(&ctx),
        recorded_at: from_ms(now_ms()),
    };
    store::set_iou(&mut uow, inv.id, &iou).await?;
    uow.commit().await?;
    Ok(Invoice {
        iou: Some(iou),
        ..inv
    })
}
