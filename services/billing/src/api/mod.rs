//! Billing's request endpoints (`svc.billing.*`), thin adapters over [`crate::app`]:
//! each decodes its request, calls one use case in a transaction (or reads the store) and
//! answers. Receipts, payments, credit notes, IOUs and contracts here; fee schedules, cash
//! days, refunds, claims, renewals and reports beside.
mod cash;
mod claims;
mod fees;
mod quotations;
mod refunds;
mod renewals;
mod reports;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    ChargePreview, Contract, CreateContract, CreateCreditNote, CreditNote, GetContract, GetInvoice,
    Invoice, ListContracts, ListCreditNotes, ListInvoices, ListPayments, Payment, PreviewCharge,
    RecordIou, RecordPayment, TerminateContract,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};

use crate::{app, store};

/// What every endpoint reaches: the database and the business calendar.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    calendar: Arc<BusinessCalendar>,
}

/// Every endpoint billing answers, bound to its request type.
pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    let endpoints = Endpoints::new(State { db, calendar })
        .on::<RecordPayment, _>(record_payment)
        .on::<CreateCreditNote, _>(create_credit_note)
        .on::<ListCreditNotes, _>(list_credit_notes)
        .on::<RecordIou, _>(record_iou)
        .on::<PreviewCharge, _>(preview)
        .on::<CreateContract, _>(create_contract)
        .on::<TerminateContract, _>(terminate_contract)
        .on::<GetContract, _>(get_contract)
        .on::<ListContracts, _>(list_contracts)
        .on::<GetInvoice, _>(get)
        .on::<ListInvoices, _>(list)
        .on::<ListPayments, _>(list_payments)
        .on::<aftercare_contracts::billing::BillingSettingHistory, _>(setting_history);
    let endpoints = fees::register(endpoints);
    let endpoints = cash::register(endpoints);
    let endpoints = refunds::register(endpoints);
    let endpoints = quotations::register(endpoints);
    let endpoints = claims::register(endpoints);
    let endpoints = renewals::register(endpoints);
    reports::register(endpoints).into_vec()
}

/// The acting user's id, for the records that name who did something.
fn actor_id(ctx: &RequestContext) -> String {
    app::user_of(&ctx.actor)
}

/// A receipt by id or number.
async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetInvoice,
) -> Result<Invoice, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::receipts::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))
}

/// Receipts newest number first: of a work order, or searched by state, customer and day
/// of issue, a page at a time.
async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListInvoices,
) -> Result<Page<Invoice>, ServiceError> {
    let limit = i64::from(req.limit.unwrap_or(50));
    if !(1..=500).contains(&limit) {
        return Err(ServiceError::field(
            "limit",
            "out_of_range",
            "limit must be a whole number from 1 to 500",
        ));
    }
    let mut conn = db.read_conn().await?;
    let mut items = store::receipts::search(&mut conn, &req, limit).await?;
    let more = items.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next_cursor = more
        .then(|| items.last().map(|i| i.number.clone()))
        .flatten();
    Ok(Page { items, next_cursor })
}

/// The payments of a receipt, oldest first.
async fn list_payments(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListPayments,
) -> Result<Page<Payment>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let inv = store::receipts::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))?;
    Ok(Page {
        items: store::payments::payments(&mut conn, inv.id).await?,
        next_cursor: None,
    })
}

/// Records a signed contract and announces it (`billing.contract.signed`).
async fn create_contract(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CreateContract,
) -> Result<Contract, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::contracts::sign(uow, &calendar, req, ctx.actor).await })
    })
    .await
}

/// Ends a contract early, once (`billing.contract.terminated`).
async fn terminate_contract(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: TerminateContract,
) -> Result<Contract, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::contracts::terminate(uow, &calendar, req, ctx.actor).await })
    })
    .await
}

/// A contract by id or number.
async fn get_contract(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetContract,
) -> Result<Contract, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::contracts::contract(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("contract", &req.id))
}

/// Contracts, of one customer when given, newest first.
async fn list_contracts(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListContracts,
) -> Result<Page<Contract>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::contracts::contracts(&mut conn, req.customer_id).await?,
        next_cursor: None,
    })
}

/// Records a payment of a receipt.
async fn record_payment(
    State { db, .. }: State,
    ctx: RequestContext,
    req: RecordPayment,
) -> Result<Payment, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::receipts::record_payment(uow, req, actor_id(&ctx)).await })
    })
    .await
}

/// Issues a credit note against a receipt (`billing.credit_note.issued`).
async fn create_credit_note(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CreateCreditNote,
) -> Result<CreditNote, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(
            async move { app::receipts::issue_credit_note(uow, &calendar, req, ctx.actor).await },
        )
    })
    .await
}

/// The credit notes of a receipt, oldest first.
async fn list_credit_notes(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListCreditNotes,
) -> Result<Page<CreditNote>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let inv = store::receipts::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))?;
    Ok(Page {
        items: store::payments::credit_notes(&mut conn, inv.id).await?,
        next_cursor: None,
    })
}

/// Records the customer's IOU (欠条) for what a receipt still owes.
async fn record_iou(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: RecordIou,
) -> Result<Invoice, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(
            async move { app::receipts::record_iou(uow, &calendar, req, actor_id(&ctx)).await },
        )
    })
    .await
}

/// The charge a visit will make, priced as its receipt will be; nothing is stored.
async fn preview(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: PreviewCharge,
) -> Result<ChargePreview, ServiceError> {
    let mut conn = db.read_conn().await?;
    app::receipts::preview(&mut conn, &calendar, req).await
}

/// The stored versions of one of the company settings this service keeps, newest first.
async fn setting_history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: aftercare_contracts::billing::BillingSettingHistory,
) -> Result<
    aftercare_contracts::rpc::Page<aftercare_contracts::rpc::SettingVersion>,
    aftercare_contracts::ServiceError,
> {
    aftercare_platform::company_settings::history_of!(
        &db,
        &req.0,
        [crate::domain::profile::CompanyProfileSetting]
    )
}
