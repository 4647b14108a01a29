//! Billing's event handlers: a receipt is issued when the visit and its priced parts are
//! both known, its parts at the list price in force when it finished (billing's price
//! book); tickets tell billing the customer's tier; approved returns become refunds.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{Invoice, InvoiceIssued, PaymentMethod, Refund, RefundStatus};
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::{CustomerTier, ReturnApproved, TicketOpened, WarrantyRegistered};
use aftercare_contracts::inventory::{ConsumedLine, PartPriceChanged, StockConsumed};
use aftercare_contracts::{Actor, Envelope, Money};
use aftercare_platform::db::from_json;
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::{domain, store};

/// What billing's handlers share: the calendar receipts are dated and numbered by.
pub(crate) struct Context {
    pub(crate) calendar: Arc<BusinessCalendar>,
}

/// Billing's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<WorkOrderCompleted>(on_work_order_completed)
            .on::<StockConsumed>(on_stock_consumed)
            .on::<PartPriceChanged>(on_price_changed)
            .on::<TicketOpened>(on_ticket_opened)
            .on::<WarrantyRegistered>(on_warranty_registered)
            .on::<ReturnApproved>(on_return_approved),
    )
}

/// The visit is known: cash collected on site is noted, and the receipt follows when the
/// parts are priced too.
async fn on_work_order_completed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    let now = now_ms();
    let w = &e.data;
    if let Some(cash) = w.cash_collected.as_ref().filter(|m| m.amount_minor > 0) {
        store::record_collection(
            uow,
            &store::Collection {
                work_order_id: w.work_order_id,
                work_order_number: &w.number,
                technician_id: w.technician_id,
                technician_name: &w.technician_name,
                day: cx.calendar.local_date(w.finished_at),
                amount: cash,
                at: w.finished_at.timestamp_millis(),
            },
        )
        .await?;
    }
    let json = serde_json::to_string(w)?;
    let row =
        store::record_visit(uow, w.work_order_id, w.ticket_id, Some(&json), None, now).await?;
    issue_when_known(cx, uow, row, now).await
}

/// Inventory priced the parts used; the receipt follows when the visit is known too.
async fn on_stock_consumed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<StockConsumed>,
) -> Result<(), EventError> {
    let now = now_ms();
    let json = serde_json::to_string(&e.data.lines)?;
    let row = store::record_visit(
        uow,
        e.data.work_order_id,
        e.data.ticket_id,
        None,
        Some(&json),
        now,
    )
    .await?;
    issue_when_known(cx, uow, row, now).await
}

async fn on_price_changed(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<PartPriceChanged>,
) -> Result<(), EventError> {
    store::record_price_change(uow, &e.data).await?;
    Ok(())
}

async fn on_ticket_opened(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketOpened>,
) -> Result<(), EventError> {
    store::record_ticket(uow, e.data.ticket_id, e.data.customer_id, e.data.tier).await?;
    Ok(())
}

async fn on_warranty_registered(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WarrantyRegistered>,
) -> Result<(), EventError> {
    let w = e.data;
    if let Some(end) = w.warranty_end {
        store::record_warranty(uow, &w, end).await?;
    }
    Ok(())
}

/// An approved return becomes a refund due.
async fn on_return_approved(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<ReturnApproved>,
) -> Result<(), EventError> {
    let r = e.data;
    let refund = Refund {
        id: Uuid::now_v7(),
        ticket_id: r.ticket_id,
        ticket_number: r.number,
        customer_id: r.customer_id,
        customer_name: r.customer_name,
        machine: r.machine,
        reason: r.reason,
        status: RefundStatus::Due,
        amount: None,
        method: None,
        reference: String::new(),
        paid_by: None,
        approved_at: r.approved_at,
        paid_at: None,
        version: 1,
    };
    store::insert_refund(uow, &refund).await?;
    Ok(())
}

/// Issues the receipt of a visit once both the visit and the prices of the parts it used
/// are known, and not again.
async fn issue_when_known(
    cx: &Context,
    uow: &mut UnitOfWork,
    row: store::VisitRow,
    now: i64,
) -> Result<(), EventError> {
    if row.invoice_id.is_some() {
        return Ok(());
    }
    let Some(completed) = row.completed.as_deref() else {
        return Ok(());
    };
    let visit: WorkOrderCompleted = from_json(completed)?;
    let parts: Vec<ConsumedLine> = match (visit.parts.is_empty(), row.parts_priced.as_deref()) {
        (true, _) => Vec::new(),
        (false, Some(p)) => from_json(p)?,
        (false, None) => return Ok(()), // wait for inventory's prices
    };
    let mut book = std::collections::HashMap::new();
    for p in &parts {
        if let Some(prices) = store::part_prices(uow.conn(), &p.sku).await? {
            book.insert(p.sku.clone(), prices.changes);
        }
    }
    let parts = domain::price_book::reprice(&parts, &book, visit.finished_at);
    issue(uow, &cx.calendar, &visit, &parts, now).await
}

/// Prices the visit, stores its receipt under the next gapless number and announces it;
/// cash the technician collected on site is booked as a payment of it.
async fn issue(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    visit: &WorkOrderCompleted,
    parts: &[ConsumedLine],
    now: i64,
) -> Result<(), EventError> {
    let on = calendar.local_date(visit.finished_at);
    let (version, terms) = store::fee_schedule_on(uow.conn(), on).await?;
    let contract = match &visit.machine {
        Some(m) => {
            store::contract_on(uow.conn(), &domain::machine_key(&m.brand, &m.serial), on).await?
        }
        None => None,
    };
    let (customer_id, tier) = store::ticket_terms(uow.conn(), visit.ticket_id)
        .await?
        .unwrap_or((None, CustomerTier::Standard));
    let warranty_end = match &visit.machine {
        Some(m) => {
            store::warranty_end(uow.conn(), &domain::machine_key(&m.brand, &m.serial)).await?
        }
        None => None,
    };
    let lines = domain::price(
        domain::Visit {
            completed: visit,
            parts,
            on,
            tier,
            contract: contract.as_ref(),
            warranty_end,
        },
        &terms,
    );
    let (total, charged) = domain::totals(&lines);
    let issued_at = from_ms(now);
    let number = uow
        .next_number(&domain::numbering::RECEIPT, calendar, issued_at)
        .await?;
    let money = |amount_minor| Money {
        amount_minor,
        currency: terms.currency.clone(),
    };
    let invoice = Invoice {
        id: Uuid::now_v7(),
        number,
        work_order_id: visit.work_order_id,
        ticket_id: visit.ticket_id,
        customer_name: visit.customer_name.clone(),
        customer_id,
        lines,
        total: money(total),
        total_charged: money(charged),
        tax_included: money(domain::tax_included(charged, terms.tax_rate_bp)),
        tax_rate_bp: terms.tax_rate_bp,
        fee_schedule_version: version,
        paid: money(0),
        credited: money(0),
        outstanding: money(charged),
        iou: None,
        issued_at,
    };
    store::insert_invoice(
        uow,
        &invoice,
        &store::InvoiceFiling {
            technician_id: visit.technician_id,
            technician_name: &visit.technician_name,
            district: &visit.district,
            work_type: visit.work_type,
            issued_day: calendar.local_date(issued_at),
        },
    )
    .await?;
    if let Some((cash, currency)) = store::collection_of(uow.conn(), visit.work_order_id).await? {
        let amount = cash.min(charged);
        if amount > 0
            && currency == terms.currency
            && store::settle(uow, invoice.id, amount, false).await?
        {
            store::insert_payment(
                uow,
                &aftercare_contracts::billing::Payment {
                    id: Uuid::now_v7(),
                    invoice_id: invoice.id,
                    method: PaymentMethod::Cash,
                    amount: money(amount),
                    collected_by: Some(visit.technician_id),
                    reference: format!("collected on site at {}", visit.number),
                    recorded_by: "system".into(),
                    at: visit.finished_at,
                },
            )
            .await?;
        }
    }
    if let Some(m) = &visit.machine {
        claim_from(uow, calendar, &invoice, m, &terms, now).await?;
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
    Ok(())
}

/// Adds the receipt's lines a brand's warranty covers to that brand's open draft claim,
/// opening one when there is none.
async fn claim_from(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    invoice: &Invoice,
    machine: &aftercare_contracts::intake::MachineInfo,
    terms: &aftercare_contracts::billing::FeeTerms,
    now: i64,
) -> Result<(), EventError> {
    let lines = domain::claims::claim_lines(invoice, machine);
    if lines.is_empty() {
        return Ok(());
    }
    // The brand as the fee schedule spells it.
    let brand = terms
        .brand_warranties
        .iter()
        .find(|b| b.brand.trim().eq_ignore_ascii_case(machine.brand.trim()))
        .map_or_else(
            || machine.brand.trim().to_owned(),
            |b| b.brand.trim().to_owned(),
        );
    let at = from_ms(now);
    match store::open_draft(uow.conn(), &brand).await? {
        Some(mut claim) => {
            let expected = claim.version;
            claim.lines.extend(lines);
            claim.removed_parts = domain::claims::removed_parts(&claim.lines);
            claim.total.amount_minor = claim.lines.iter().map(|l| l.amount.amount_minor).sum();
            claim.updated_at = at;
            claim.version += 1;
            if !store::update_claim(uow, &claim, expected).await? {
                return Err(EventError::Contended(
                    "the draft claim changed meanwhile".into(),
                ));
            }
        }
        None => {
            let number = uow
                .next_number(&domain::numbering::CLAIM, calendar, at)
                .await?;
            let claim = aftercare_contracts::billing::ManufacturerClaim {
                id: Uuid::now_v7(),
                number,
                brand,
                status: aftercare_contracts::billing::ClaimStatus::Draft,
                removed_parts: domain::claims::removed_parts(&lines),
                total: Money {
                    amount_minor: lines.iter().map(|l| l.amount.amount_minor).sum(),
                    currency: invoice.total.currency.clone(),
                },
                lines,
                fields: Default::default(),
                note: None,
                paid: None,
                created_at: at,
                updated_at: at,
                version: 1,
            };
            store::insert_claim(uow, &claim).await?;
        }
    }
    Ok(())
}
