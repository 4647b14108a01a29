//! Quotations (报价): chargeable work priced for the customer before it is done, by the
//! charge preview's computation ([`super::receipts::preview`]), and the customer's answer;
//! a refusal ends the visit, charging the call-out alone when the fee schedule says so.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{
    AnswerQuotation, OfferQuotation, Quotation, QuotationAnswered, QuotationDecision,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::UnitOfWork;
use uuid::Uuid;

use crate::domain::quotation;
use crate::store;

/// Offers a quotation for the work entered so far: priced as the receipt of the completed
/// visit would be, stored offered with the visit it priced.
pub(crate) async fn offer(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: OfferQuotation,
    actor: &Option<Actor>,
) -> Result<Quotation, ServiceError> {
    let charge = req.charge;
    let outcome = charge.report.outcome;
    let visit = super::receipts::reported_visit(&charge);
    let preview = super::receipts::preview(uow.conn(), calendar, charge).await?;
    let earlier = store::quotations::of_work_order(uow.conn(), visit.work_order_id).await?;
    quotation::check_offer(outcome, &preview, &earlier)?;
    let (_, terms) =
        store::fee_schedules::fee_schedule_on(uow.conn(), calendar.local_date(visit.finished_at))
            .await?;
    let q = quotation::offer(
        quotation::Offer {
            id: Uuid::now_v7(),
            work_order_id: visit.work_order_id,
            ticket_id: visit.ticket_id,
            by: &super::user_of(actor),
            at: uow.now(),
            refused_quote_call_out: terms.refused_quote_call_out,
        },
        preview,
    );
    store::quotations::insert(uow, &q, &visit).await?;
    Ok(q)
}

/// Records the customer's answer at the version read; a refusal that charges the
/// call-out issues its receipt at once. `billing.quotation.answered` tells dispatch, which
/// lets a chargeable visit's report through only once its quotation is accepted.
pub(crate) async fn answer(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: AnswerQuotation,
    actor: &Option<Actor>,
) -> Result<Quotation, ServiceError> {
    let (q, visit) = store::quotations::get(uow.conn(), req.quotation_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("quotation", &req.quotation_id))?;
    if q.version != req.expected_version {
        return Err(stale());
    }
    let mut answered = quotation::answer(&q, &req, &super::user_of(actor), uow.now())?;
    if req.answer == QuotationDecision::Refused {
        let lines = quotation::refusal_lines(
            &answered.lines,
            answered.charged_if_refused.amount_minor > 0,
        );
        if !lines.is_empty() {
            let id = super::receipts::issue_refusal(uow, calendar, &visit, lines).await?;
            answered.receipt_id = Some(id);
        }
    }
    if !store::quotations::update(uow, &answered, req.expected_version).await? {
        return Err(stale());
    }
    uow.emit(&Envelope::new(
        QuotationAnswered(answered.clone()),
        actor.clone(),
    ))
    .await?;
    Ok(answered)
}

fn stale() -> ServiceError {
    ServiceError::stale("the quotation changed since you read it; read it again and retry")
}
