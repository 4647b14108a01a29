//! Receipts: issued once per visit when the visit and the prices of the parts it used are
//! both known, then paid (on site or later), credited and promised by IOU.
use std::collections::HashMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::limits;
use aftercare_contracts::billing::{
    ChargePreview, CreateCreditNote, CreditNote, CreditNoteIssued, FeeTerms, Invoice,
    InvoiceIssued, InvoiceLine, Iou, Payment, PaymentMethod, PreviewCharge, RecordIou,
    RecordPayment,
};
use aftercare_contracts::dispatch::{WorkOrderCompleted, WorkOrderWaitingForParts};
use aftercare_contracts::intake::CustomerTier;
use aftercare_contracts::inventory::{ConsumedLine, StockConsumed};
use aftercare_contracts::rpc::FieldError;
use aftercare_contracts::{Actor, Envelope, Money, ServiceError};
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork, from_ms, now_ms};
use chrono::{DateTime, Utc};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::{self, receipts};
use crate::store;

/// Dispatch reported the visit done: the cash collected on site is noted for the
/// technician's cash day, and the receipt is issued when the parts are priced too.
pub(crate) async fn visit_completed(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    w: &WorkOrderCompleted,
) -> Result<()> {
    let now = uow.now_ms();
    if let Some(cash) = w.cash_collected.as_ref().filter(|m| m.amount_minor > 0) {
        store::cash::record_collection(
            uow,
            &store::cash::Collection {
                work_order_id: w.work_order_id,
                work_order_number: &w.number,
                technician_id: w.technician_id,
                technician_name: &w.technician_name,
                day: calendar.local_date(w.finished_at),
                amount: cash,
                at: w.finished_at.timestamp_millis(),
            },
        )
        .await?;
    }
    let json = serde_json::to_string(w)?;
    let row =
        store::visits::record_visit(uow, w.work_order_id, w.ticket_id, Some(&json), None, now)
            .await?;
    issue_when_known(uow, calendar, row, now).await
}

/// Dispatch reported a first visit that ended waiting for parts (待修): its call-out and
/// labour are charged now, on their own receipt, like a completed visit without parts
/// ([`domain::visit::awaiting_parts`]); the return visit's receipt charges the rest.
pub(crate) async fn visit_awaiting_parts(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    e: &WorkOrderWaitingForParts,
) -> Result<()> {
    match domain::visit::awaiting_parts(e) {
        Some(visit) => visit_completed(uow, calendar, &visit).await,
        None => Ok(()),
    }
}

/// Inventory priced the parts the visit used; the receipt is issued when the visit is
/// known too.
pub(crate) async fn parts_priced(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    consumed: &StockConsumed,
) -> Result<()> {
    let now = uow.now_ms();
    let json = serde_json::to_string(&consumed.lines)?;
    let row = store::visits::record_visit(
        uow,
        consumed.work_order_id,
        consumed.ticket_id,
        None,
        Some(&json),
        now,
    )
    .await?;
    issue_when_known(uow, calendar, row, now).await
}

/// Issues the receipt of a visit once both the visit and the prices of the parts it used
/// are known, and not again; the parts are charged at the list price in force when the
/// visit finished (billing's price book).
async fn issue_when_known(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    row: store::visits::VisitRow,
    now: i64,
) -> Result<()> {
    if row.invoice_id.is_some() {
        return Ok(());
    }
    let Some(completed) = row.completed.as_deref() else {
        return Ok(());
    };
    let visit: WorkOrderCompleted = from_json(completed)?;
    let quotations = store::quotations::of_work_order(uow.conn(), visit.work_order_id).await?;
    if domain::quotation::ended_by_refusal(&quotations) {
        return Ok(()); // the refusal charged what the visit charges
    }
    let parts: Vec<ConsumedLine> = match (visit.parts.is_empty(), row.parts_priced.as_deref()) {
        (true, _) => Vec::new(),
        (false, Some(p)) => from_json(p)?,
        (false, None) => return Ok(()), // wait for inventory's prices
    };
    let parts = at_book_prices(uow.conn(), &parts, visit.finished_at).await?;
    issue(uow, calendar, &visit, &parts, now).await
}

/// The consumed lines with each part charged at the list price in force when the visit
/// finished (billing's price book).
async fn at_book_prices(
    conn: &mut AnyConnection,
    parts: &[ConsumedLine],
    finished_at: DateTime<Utc>,
) -> Result<Vec<ConsumedLine>> {
    let mut book = HashMap::new();
    for p in parts {
        if let Some(prices) = store::price_book::part_prices(conn, &p.sku).await? {
            book.insert(p.sku.clone(), prices.changes);
        }
    }
    Ok(domain::price_book::reprice(parts, &book, finished_at))
}

/// A visit priced by what billing knows of it on the day it finished: the fee schedule
/// in force, the machine's contract and registered warranty, the ticket's customer and
/// tier, the first visit's receipt of a return visit and the machine's earlier trainings.
struct Priced {
    version: u32,
    terms: FeeTerms,
    machine_key: Option<String>,
    customer_id: Option<Uuid>,
    lines: Vec<InvoiceLine>,
}

/// Prices a visit into its receipt's lines ([`domain::price`]): what a receipt is issued
/// with and what a preview shows, one computation.
async fn price_visit(
    conn: &mut AnyConnection,
    calendar: &BusinessCalendar,
    visit: &WorkOrderCompleted,
    parts: &[ConsumedLine],
) -> Result<Priced> {
    let on = calendar.local_date(visit.finished_at);
    let (version, terms) = store::fee_schedules::fee_schedule_on(&mut *conn, on).await?;
    let machine_key = visit
        .machine
        .as_ref()
        .map(|m| domain::machine_key(&m.brand, &m.serial));
    let contract = match &machine_key {
        Some(key) => store::contracts::contract_on(&mut *conn, key, on).await?,
        None => None,
    };
    let (customer_id, tier) = store::visits::ticket_terms(&mut *conn, visit.ticket_id)
        .await?
        .unwrap_or((None, CustomerTier::Standard));
    let warranty_end = match &machine_key {
        Some(key) => store::warranties::warranty_end(&mut *conn, key).await?,
        None => None,
    };
    let first_receipt = match visit.revisit_of {
        Some(first) => store::receipts::number_of_work_order(&mut *conn, first).await?,
        None => None,
    };
    let earlier_trainings =
        store::receipts::trainings_before(&mut *conn, machine_key.as_deref(), customer_id).await?;
    let lines = domain::price(
        domain::Visit {
            completed: visit,
            parts,
            on,
            tier,
            contract: contract.as_ref(),
            warranty_end,
            first_receipt: first_receipt.as_deref(),
            earlier_trainings,
        },
        &terms,
    );
    Ok(Priced {
        version,
        terms,
        machine_key,
        customer_id,
        lines,
    })
}

/// Prices the visit, stores its receipt under the next gapless number and announces it
/// (`billing.invoice.issued`); cash the technician collected on site is booked as a
/// payment of it, and the lines a brand's warranty covers go to the brand's draft claim.
async fn issue(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    visit: &WorkOrderCompleted,
    parts: &[ConsumedLine],
    now: i64,
) -> Result<()> {
    let priced = price_visit(uow.conn(), calendar, visit, parts).await?;
    issue_priced(uow, calendar, visit, priced, now)
        .await
        .map(|_| ())
}

/// The receipt of a visit that ended with the customer refusing its quotation: the lines
/// the refusal charges ([`domain::quotation::refusal_lines`]), priced by what billing knows
/// of the visit on the day it ended. Returns the receipt's id.
pub(crate) async fn issue_refusal(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    visit: &WorkOrderCompleted,
    lines: Vec<InvoiceLine>,
) -> Result<Uuid> {
    let now = uow.now_ms();
    let json = serde_json::to_string(visit)?;
    let row = store::visits::record_visit(
        uow,
        visit.work_order_id,
        visit.ticket_id,
        Some(&json),
        None,
        now,
    )
    .await?;
    if let Some(issued) = row.invoice_id.as_deref() {
        return aftercare_platform::db::parse_id(issued); // the visit was already charged
    }
    let priced = price_visit(uow.conn(), calendar, visit, &[]).await?;
    issue_priced(uow, calendar, visit, Priced { lines, ..priced }, now).await
}

/// Stores a priced visit's receipt under the next gapless number and announces it;
/// returns its id.
async fn issue_priced(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    visit: &WorkOrderCompleted,
    priced: Priced,
    now: i64,
) -> Result<Uuid> {
    let Priced {
        version,
        terms,
        machine_key,
        customer_id,
        lines,
    } = priced;
    let issued_at = from_ms(now);
    let number = uow
        .next_number(&domain::numbering::RECEIPT, calendar, issued_at)
        .await?;
    let invoice = receipts::receipt(
        receipts::Issue {
            id: Uuid::now_v7(),
            number: &number,
            visit,
            customer_id,
            schedule: (version, &terms),
            at: issued_at,
        },
        lines,
    );
    store::receipts::insert_invoice(
        uow,
        &invoice,
        &store::receipts::InvoiceFiling {
            technician_id: visit.technician_id,
            technician_name: &visit.technician_name,
            district: &visit.district,
            work_type: visit.work_type,
            machine_key: machine_key.as_deref(),
            issued_day: calendar.local_date(issued_at),
        },
    )
    .await?;
    if let Some(cash) = store::cash::collection_of(uow.conn(), visit.work_order_id).await?
        && let Some(amount) = receipts::paid_on_site(&cash, &invoice)
        && store::receipts::settle(uow, invoice.id, amount, false).await?
    {
        store::payments::insert_payment(
            uow,
            &Payment {
                id: Uuid::now_v7(),
                invoice_id: invoice.id,
                method: PaymentMethod::Cash,
                amount: Money {
                    amount_minor: amount,
                    currency: terms.currency.clone(),
                },
                collected_by: Some(visit.technician_id),
                reference: format!("collected on site at {}", visit.number),
                recorded_by: "system".into(),
                at: visit.finished_at,
            },
        )
        .await?;
    }
    if let Some(m) = &visit.machine {
        super::claims::claim_receipt(uow, calendar, &invoice, m, &terms, issued_at).await?;
    }
    let e = InvoiceIssued {
        invoice_id: invoice.id,
        number: invoice.number.clone(),
        work_order_id: visit.work_order_id,
        ticket_id: visit.ticket_id,
        technician_id: visit.technician_id,
        completed_at: visit.finished_at,
        total: invoice.total.clone(),
        total_charged: invoice.total_charged.clone(),
        issued_at,
    };
    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    Ok(invoice.id)
}

/// The charge a visit will make, priced now by what its receipt will be issued with
/// ([`price_visit`], the parts at the price book's prices when it finishes): nothing is
/// stored. A visit that makes no receipt charges nothing.
pub(crate) async fn preview(
    conn: &mut AnyConnection,
    calendar: &BusinessCalendar,
    req: PreviewCharge,
) -> Result<ChargePreview, ServiceError> {
    let errors = domain::receipts::check_preview(&req.report);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let w = &req.work_order;
    let r = &req.report;
    let reported = reported_visit(&req);
    let Some(visit) = domain::visit::charged_as(r.outcome, reported) else {
        let on = calendar.local_date(r.finished_at);
        let (version, terms) = store::fee_schedules::fee_schedule_on(&mut *conn, on).await?;
        return Ok(domain::receipts::preview(
            w.id,
            false,
            (version, &terms),
            Vec::new(),
        ));
    };
    // The parts the receipt charges: none for a first visit waiting for parts.
    let parts = if visit.parts.is_empty() {
        Vec::new()
    } else {
        at_book_prices(&mut *conn, &req.parts, visit.finished_at).await?
    };
    let priced = price_visit(conn, calendar, &visit, &parts).await?;
    Ok(domain::receipts::preview(
        w.id,
        true,
        (priced.version, &priced.terms),
        priced.lines,
    ))
}

/// The visit a preview's entries describe, as dispatch would report it completed (with the
/// technician's name and team when the request carries them, as a quotation's does).
pub(crate) fn reported_visit(req: &PreviewCharge) -> WorkOrderCompleted {
    let w = &req.work_order;
    let r = &req.report;
    WorkOrderCompleted {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id: w.technician_id.unwrap_or_default(),
        technician_name: req
            .technician
            .as_ref()
            .map(|t| t.0.clone())
            .unwrap_or_default(),
        team: req
            .technician
            .as_ref()
            .map(|t| t.1.clone())
            .unwrap_or_default(),
        customer_name: w.customer_name.clone(),
        district: w.district.clone(),
        machine: w.machine.clone(),
        started_at: r.started_at,
        finished_at: r.finished_at,
        diagnosis: String::new(),
        fault: r.fault.clone(),
        parts: r.parts.clone(),
        meter_reading: None,
        work_type: w.work_type,
        cash_collected: None,
        revisit_of: w.revisit_of,
        return_visit_needed: false,
        return_visit_note: String::new(),
    }
}

/// Records a payment of a receipt; more than is outstanding, or another currency, is
/// refused.
pub(crate) async fn record_payment(
    uow: &mut UnitOfWork,
    req: RecordPayment,
    by: String,
) -> Result<Payment, ServiceError> {
    if req.reference.chars().count() > limits::REFERENCE.max {
        return Err(ServiceError::field(
            "reference",
            "too_long",
            "reference must be at most 100 characters",
        ));
    }
    if !limits::POSITIVE.allows(&req.amount) {
        return Err(ServiceError::field(
            "amount.amount_minor",
            "out_of_range",
            "a payment is more than zero",
        ));
    }
    let inv = settle_against(uow, &req.invoice_id, &req.amount, false).await?;
    let p = Payment {
        id: Uuid::now_v7(),
        invoice_id: inv.id,
        method: req.method,
        amount: req.amount,
        collected_by: req.collected_by,
        reference: req.reference.trim().to_owned(),
        recorded_by: by,
        at: from_ms(now_ms()),
    };
    store::payments::insert_payment(uow, &p).await?;
    Ok(p)
}

/// Takes `amount` off what a receipt owes, as a payment or (with `credit`) a credit note:
/// in the receipt's currency and never more than is owed. Returns the receipt as it was.
async fn settle_against(
    uow: &mut UnitOfWork,
    invoice_id: &str,
    amount: &Money,
    credit: bool,
) -> Result<Invoice, ServiceError> {
    let inv = store::receipts::get(uow.conn(), invoice_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", invoice_id))?;
    receipts::check_settlement(&inv, amount).map_err(super::refused)?;
    if !store::receipts::settle(uow, inv.id, amount.amount_minor, credit).await? {
        return Err(super::refused(receipts::more_than_owed(&inv, credit)));
    }
    Ok(inv)
}

/// Issues a credit note (`billing.credit_note.issued`): what a receipt owes goes down by
/// the amount, never below zero; the receipt itself is never edited.
pub(crate) async fn issue_credit_note(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreateCreditNote,
    actor: Option<Actor>,
) -> Result<CreditNote, ServiceError> {
    let mut errors = Vec::new();
    limits::REASON.check(&mut errors, "reason", &req.reason);
    if !limits::POSITIVE.allows(&req.amount) {
        errors.push(FieldError {
            field: "amount.amount_minor".into(),
            code: "out_of_range".into(),
            message: "a credit note is for more than zero".into(),
        });
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let inv = settle_against(uow, &req.invoice_id, &req.amount, true).await?;
    let now = uow.now();
    let today = calendar.local_date(now);
    let number = uow
        .next_number(&domain::numbering::CREDIT_NOTE, calendar, now)
        .await?;
    let note = CreditNote {
        id: Uuid::now_v7(),
        number,
        invoice_id: inv.id,
        invoice_number: inv.number,
        amount: req.amount,
        reason: req.reason.trim().to_owned(),
        issued_by: super::user_of(&actor),
        issued_at: now,
    };
    store::payments::insert_credit_note(uow, &note, today).await?;
    uow.emit(&Envelope::new(CreditNoteIssued(note.clone()), actor))
        .await?;
    Ok(note)
}

/// Records the customer's IOU (欠条) for what a receipt still owes, promising payment
/// within a year of the receipt.
pub(crate) async fn record_iou(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: RecordIou,
    by: String,
) -> Result<Invoice, ServiceError> {
    let mut errors = Vec::new();
    limits::SIGNED_BY.check(&mut errors, "signed_by", &req.signed_by);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let inv = store::receipts::get(uow.conn(), req.invoice_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.invoice_id))?;
    receipts::check_iou_promise(calendar.local_date(inv.issued_at), req.promised_on)
        .map_err(super::refused)?;
    if inv.outstanding.amount_minor <= 0 {
        return Err(ServiceError::conflict(
            "nothing_owed",
            format!("{} owes nothing", inv.number),
        ));
    }
    let iou = Iou {
        signed_by: req.signed_by.trim().to_owned(),
        promised_on: req.promised_on,
        recorded_by: by,
        recorded_at: from_ms(now_ms()),
    };
    store::receipts::set_iou(uow, inv.id, &iou).await?;
    Ok(Invoice {
        iou: Some(iou),
        ..inv
    })
}
