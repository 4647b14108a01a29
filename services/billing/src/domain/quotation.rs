//! Quotations (报价): before chargeable work is done, the customer is told its price —
//! call-out, labour and parts, priced by the receipt's own rules ([`super::pricing`]) —
//! and agrees or declines. A quotation is offered once for work that charges something;
//! the customer answers it once. A refused quotation ends the visit: it charges the
//! call-out alone when the fee schedule says so (`refused_quote_call_out`), otherwise
//! nothing, and the visit makes no other receipt.
use aftercare_contracts::billing::{
    AnswerQuotation, ChargePreview, InvoiceLine, LineKind, Quotation, QuotationAnswer,
    QuotationDecision, QuotationState, limits,
};
use aftercare_contracts::dispatch::VisitOutcome;
use aftercare_contracts::{Money, ServiceError};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::pricing::totals;

/// Whether a quotation may be offered for work priced as `preview`, reported to end with
/// `outcome`, on a work order whose earlier quotations are `earlier`: the work is priced
/// as completed, it charges something (covered work needs no quotation), no other
/// quotation waits for an answer, and none was refused (a refusal ended the visit).
pub fn check_offer(
    outcome: VisitOutcome,
    preview: &ChargePreview,
    earlier: &[Quotation],
) -> Result<(), ServiceError> {
    if outcome != VisitOutcome::Completed {
        return Err(ServiceError::field(
            "outcome",
            "invalid",
            "a quotation prices the work as done: outcome is completed",
        ));
    }
    if preview.total_charged.amount_minor <= 0 {
        return Err(ServiceError::conflict(
            "nothing_to_quote",
            "the work is covered and charges nothing; no quotation is needed",
        ));
    }
    if let Some(q) = earlier.iter().find(|q| q.state == QuotationState::Offered) {
        return Err(ServiceError::conflict(
            "quotation_open",
            format!("quotation {} waits for the customer's answer", q.id),
        ));
    }
    if let Some(q) = earlier.iter().find(|q| q.state == QuotationState::Refused) {
        return Err(ServiceError::conflict(
            "quotation_refused",
            format!(
                "the customer refused quotation {}: the visit has ended",
                q.id
            ),
        ));
    }
    Ok(())
}

/// What a refusal charges of a quotation's lines: its call-out line, as quoted, when the
/// fee schedule says a refused quotation charges it; otherwise nothing.
pub fn refusal_lines(lines: &[InvoiceLine], refused_quote_call_out: bool) -> Vec<InvoiceLine> {
    if !refused_quote_call_out {
        return Vec::new();
    }
    lines
        .iter()
        .filter(|l| l.kind == LineKind::CallOut)
        .cloned()
        .collect()
}

/// Who offered a quotation, when, and with what call-out rule.
#[derive(Debug, Clone, Copy)]
pub struct Offer<'a> {
    /// The quotation's id.
    pub id: Uuid,
    /// The work order.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The account offering it.
    pub by: &'a str,
    /// When.
    pub at: DateTime<Utc>,
    /// The fee schedule's `refused_quote_call_out`.
    pub refused_quote_call_out: bool,
}

/// The quotation `preview` makes, offered and waiting for the customer's answer.
pub fn offer(o: Offer<'_>, preview: ChargePreview) -> Quotation {
    let (_, if_refused) = totals(&refusal_lines(&preview.lines, o.refused_quote_call_out));
    Quotation {
        id: o.id,
        work_order_id: o.work_order_id,
        ticket_id: o.ticket_id,
        state: QuotationState::Offered,
        charged_if_refused: Money {
            amount_minor: if_refused,
            currency: preview.total_charged.currency.clone(),
        },
        lines: preview.lines,
        total: preview.total,
        total_charged: preview.total_charged,
        tax_included: preview.tax_included,
        tax_rate_bp: preview.tax_rate_bp,
        fee_schedule_version: preview.fee_schedule_version,
        offered_by: o.by.to_owned(),
        offered_at: o.at,
        answer: None,
        receipt_id: None,
        version: 1,
    }
}

/// The quotation answered as `req` says, recorded by `by` at `at`: only an offered
/// quotation is answered, once; who answered for the customer is named (1–100
/// characters) and what they said is at most 500 characters. The version is checked
/// when it is stored.
pub fn answer(
    q: &Quotation,
    req: &AnswerQuotation,
    by: &str,
    at: DateTime<Utc>,
) -> Result<Quotation, ServiceError> {
    let mut errors = Vec::new();
    limits::SIGNED_BY.check(&mut errors, "answered_by", req.answered_by.trim());
    limits::NOTE.check(&mut errors, "note", req.note.trim());
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    if q.state != QuotationState::Offered {
        return Err(ServiceError::conflict(
            "already_answered",
            format!("quotation {} was already answered", q.id),
        ));
    }
    Ok(Quotation {
        state: match req.answer {
            QuotationDecision::Accepted => QuotationState::Accepted,
            QuotationDecision::Refused => QuotationState::Refused,
        },
        answer: Some(QuotationAnswer {
            answer: req.answer,
            answered_by: req.answered_by.trim().to_owned(),
            note: req.note.trim().to_owned(),
            recorded_by: by.to_owned(),
            at,
        }),
        version: q.version + 1,
        ..q.clone()
    })
}

/// Whether a visit with these quotations was ended by a refusal: its charge was settled
/// when the customer refused, so its report makes no receipt.
pub fn ended_by_refusal(quotations: &[Quotation]) -> bool {
    quotations
        .iter()
        .any(|q| q.state == QuotationState::Refused)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use aftercare_contracts::billing::Coverage;
    use chrono::TimeZone;

    fn line(kind: LineKind, charged: i64) -> InvoiceLine {
        InvoiceLine {
            kind,
            description: format!("{kind:?}"),
            quantity: 1,
            unit_price: Money::cny(charged),
            amount: Money::cny(charged),
            charged: Money::cny(charged),
            coverage: Coverage::Chargeable,
            coverage_note: "out of warranty".into(),
            discount: None,
            sku: None,
            labour: None,
        }
    }

    fn preview(lines: Vec<InvoiceLine>) -> ChargePreview {
        let (total, charged) = totals(&lines);
        ChargePreview {
            work_order_id: Uuid::nil(),
            receipt: true,
            lines,
            total: Money::cny(total),
            total_charged: Money::cny(charged),
            tax_included: Money::cny(0),
            tax_rate_bp: 1300,
            fee_schedule_version: 2,
        }
    }

    fn repair() -> ChargePreview {
        preview(vec![
            line(LineKind::CallOut, 5000),
            line(LineKind::Labour, 9000),
            line(LineKind::Part, 38000),
        ])
    }

    fn offered(refused_quote_call_out: bool) -> Quotation {
        offer(
            Offer {
                id: Uuid::now_v7(),
                work_order_id: Uuid::nil(),
                ticket_id: Uuid::nil(),
                by: "agent-1",
                at: Utc.with_ymd_and_hms(2026, 11, 24, 2, 0, 0).unwrap(),
                refused_quote_call_out,
            },
            repair(),
        )
    }

    fn answered(decision: QuotationDecision) -> AnswerQuotation {
        AnswerQuotation {
            quotation_id: String::new(),
            answer: decision,
            answered_by: " 王女士 ".into(),
            note: "too dear".into(),
            expected_version: 1,
        }
    }

    #[test]
    fn a_quotation_states_the_price_and_what_a_refusal_charges() {
        let q = offered(true);
        assert_eq!(q.state, QuotationState::Offered);
        assert_eq!(q.total_charged, Money::cny(52000));
        assert_eq!(q.lines.len(), 3);
        assert_eq!(q.charged_if_refused, Money::cny(5000), "the call-out");
        assert_eq!((q.fee_schedule_version, q.version), (2, 1));
        assert_eq!(offered(false).charged_if_refused, Money::cny(0));
    }

    #[test]
    fn a_refused_quote_ends_with_the_call_out_only_if_the_fee_schedule_says_so() {
        let lines = repair().lines;
        let charged = refusal_lines(&lines, true);
        assert_eq!(charged.len(), 1);
        assert_eq!(charged[0].kind, LineKind::CallOut);
        assert_eq!(charged[0].charged, Money::cny(5000));
        assert!(refusal_lines(&lines, false).is_empty());
        // A covered call-out stays covered: the refusal charges what was quoted.
        let mut covered = lines.clone();
        covered[0].charged = Money::cny(0);
        assert_eq!(totals(&refusal_lines(&covered, true)).1, 0);
    }

    #[test]
    fn only_chargeable_completed_work_is_quoted_and_one_quotation_at_a_time() {
        assert!(check_offer(VisitOutcome::Completed, &repair(), &[]).is_ok());
        let e = check_offer(VisitOutcome::WaitingForParts, &repair(), &[]).unwrap_err();
        assert_eq!((e.status, e.errors[0].field.as_str()), (422, "outcome"));
        let mut free = line(LineKind::Labour, 9000);
        free.charged = Money::cny(0);
        let e = check_offer(VisitOutcome::Completed, &preview(vec![free]), &[]).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (409, "nothing_to_quote"));
        let open = offered(true);
        let e = check_offer(
            VisitOutcome::Completed,
            &repair(),
            std::slice::from_ref(&open),
        )
        .unwrap_err();
        assert_eq!(e.code, "quotation_open");
        let accepted = answer(
            &open,
            &answered(QuotationDecision::Accepted),
            "t",
            open.offered_at,
        )
        .unwrap();
        assert!(
            check_offer(VisitOutcome::Completed, &repair(), &[accepted]).is_ok(),
            "more work after an accepted quotation is quoted again"
        );
        let refused = answer(
            &open,
            &answered(QuotationDecision::Refused),
            "t",
            open.offered_at,
        )
        .unwrap();
        let e = check_offer(VisitOutcome::Completed, &repair(), &[refused]).unwrap_err();
        assert_eq!(e.code, "quotation_refused");
    }

    #[test]
    fn a_quotation_is_answered_once_with_who_answered_for_the_customer() {
        let q = offered(true);
        let at = q.offered_at + chrono::Duration::minutes(3);
        let a = answer(&q, &answered(QuotationDecision::Refused), "tech-1", at).unwrap();
        assert_eq!((a.state, a.version), (QuotationState::Refused, 2));
        let recorded = a.answer.clone().unwrap();
        assert_eq!(
            (
                recorded.answered_by.as_str(),
                recorded.note.as_str(),
                recorded.recorded_by.as_str(),
                recorded.at
            ),
            ("王女士", "too dear", "tech-1", at)
        );
        assert!(ended_by_refusal(std::slice::from_ref(&a)));
        assert!(!ended_by_refusal(std::slice::from_ref(&q)));
        let e = answer(&a, &answered(QuotationDecision::Accepted), "tech-1", at).unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (409, "already_answered"));
        let mut nobody = answered(QuotationDecision::Accepted);
        nobody.answered_by = "  ".into();
        nobody.note = "x".repeat(501);
        let e = answer(&q, &nobody, "tech-1", at).unwrap_err();
        let fields: Vec<&str> = e.errors.iter().map(|f| f.field.as_str()).collect();
        assert_eq!((e.status, fields), (422, vec!["answered_by", "note"]));
    }
}
