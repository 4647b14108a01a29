//! Billing's event handlers: a receipt is issued when the visit and its priced parts
//! are both known.
use aftercare_contracts::billing::{Invoice, InvoiceIssued};
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::inventory::{ConsumedLine, StockConsumed};
use aftercare_contracts::{Actor, Envelope, Event, Money};
use aftercare_platform::db::{from_json, human_number};
use aftercare_platform::{
    BoxFuture, EventHandler, HandlerError, InboundEvent, UnitOfWork, from_ms, now_ms,
};
use chrono::Datelike;
use uuid::Uuid;

use crate::{domain, store};

pub(crate) struct Handler;

impl EventHandler for Handler {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            let now = now_ms();
            let row = match event.subject.as_str() {
                WorkOrderCompleted::TYPE => {
                    let e = event.decode::<WorkOrderCompleted>()?;
                    let json = serde_json::to_string(&e.data)
                        .map_err(|err| HandlerError::Retry(err.to_string()))?;
                    store::record_visit(
                        uow,
                        e.data.work_order_id,
                        e.data.ticket_id,
                        Some(&json),
                        None,
                        now,
                    )
                    .await?
                }
                StockConsumed::TYPE => {
                    let e = event.decode::<StockConsumed>()?;
                    let json = serde_json::to_string(&e.data.lines)
                        .map_err(|err| HandlerError::Retry(err.to_string()))?;
                    store::record_visit(
                        uow,
                        e.data.work_order_id,
                        e.data.ticket_id,
                        None,
                        Some(&json),
                        now,
                    )
                    .await?
                }
                other => {
                    return Err(HandlerError::Poison(format!(
                        "billing does not handle {other}"
                    )));
                }
            };
            if row.invoice_id.is_some() {
                return Ok(());
            }
            let Some(completed) = row.completed.as_deref() else {
                return Ok(());
            };
            let visit: WorkOrderCompleted = from_json(completed)?;
            let parts: Vec<ConsumedLine> =
                match (visit.parts.is_empty(), row.parts_priced.as_deref()) {
                    (true, _) => Vec::new(),
                    (false, Some(p)) => from_json(p)?,
                    (false, None) => return Ok(()), // wait for inventory's prices
                };
            issue(uow, &visit, &parts, now).await
        })
    }
}

async fn issue(
    uow: &mut UnitOfWork,
    visit: &WorkOrderCompleted,
    parts: &[ConsumedLine],
    now: i64,
) -> Result<(), HandlerError> {
    let fees = store::fee_schedule(uow.conn(), visit.finished_at.timestamp_millis()).await?;
    let contract = match &visit.machine {
        Some(m) => {
            store::coverage_on(
                uow.conn(),
                &domain::machine_key(&m.brand, &m.serial),
                visit.finished_at.date_naive(),
            )
            .await?
        }
        None => None,
    };
    let lines = domain::price(visit, parts, &fees, contract.as_ref());
    let (total, charged) = domain::totals(&lines);
    let issued_at = from_ms(now);
    let year = issued_at.year();
    let number = human_number("R", year, uow.next_number("receipt", year).await?);
    let invoice = Invoice {
        id: Uuid::now_v7(),
        number,
        work_order_id: visit.work_order_id,
        ticket_id: visit.ticket_id,
        customer_name: visit.customer_name.clone(),
        lines,
        total: Money {
            amount_minor: total,
            currency: fees.currency.clone(),
        },
        total_charged: Money {
            amount_minor: charged,
            currency: fees.currency.clone(),
        },
        issued_at,
    };
    store::insert_invoice(uow, &invoice).await?;
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
