//! What a receipt holds and what may settle it: the receipt a priced visit makes (its
//! number is in [`super::numbering`], its lines' coverage in [`super::coverage`] and their
//! charges in [`super::pricing`]), the cash collected on site booked against it, and the
//! checks on payments, credit notes and IOUs. A receipt is never edited: what it owes goes
//! down by payments and credit notes, never below zero.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{
    ChargePreview, ChargePreviewRequest, FeeTerms, Invoice, InvoiceLine,
};
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::dispatch::limits;
use aftercare_contracts::rpc::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::pricing::{tax_included, totals};

/// Where a receipt's figures come from besides its lines.
#[derive(Debug, Clone, Copy)]
pub struct Issue<'a> {
    /// The receipt's id.
    pub id: Uuid,
    /// Its number, the next of the receipts' series.
    pub number: &'a str,
    /// The visit it is for.
    pub visit: &'a WorkOrderCompleted,
    /// The ticket's customer record, when known.
    pub customer_id: Option<Uuid>,
    /// The fee schedule version in force and its terms.
    pub schedule: (u32, &'a FeeTerms),
    /// When it is issued.
    pub at: DateTime<Utc>,
}

/// The receipt of a visit priced into `lines`: its figures as [`preview`] states them
/// (totals at price and charged, the tax the charged total contains), and all of the
/// charged total outstanding.
pub fn receipt(issue: Issue<'_>, lines: Vec<InvoiceLine>) -> Invoice {
    let figures = preview(issue.visit.work_order_id, true, issue.schedule, lines);
    let money = |amount_minor| Money {
        amount_minor,
        currency: issue.schedule.1.currency.clone(),
    };
    Invoice {
        id: issue.id,
        number: issue.number.to_owned(),
        work_order_id: issue.visit.work_order_id,
        ticket_id: issue.visit.ticket_id,
        customer_name: issue.visit.customer_name.clone(),
        customer_id: issue.customer_id,
        lines: figures.lines,
        total: figures.total,
        total_charged: figures.total_charged.clone(),
        tax_included: figures.tax_included,
        tax_rate_bp: figures.tax_rate_bp,
        fee_schedule_version: figures.fee_schedule_version,
        paid: money(0),
        credited: money(0),
        outstanding: figures.total_charged,
        iou: None,
        issued_at: issue.at,
    }
}

/// What a visit priced into `lines` charges, in the figures its receipt shows: totals at
/// price and charged and the tax the charged total contains (`receipt`: whether the visit
/// makes a receipt at all).
pub fn preview(
    work_order_id: Uuid,
    receipt: bool,
    (version, terms): (u32, &FeeTerms),
    lines: Vec<InvoiceLine>,
) -> ChargePreview {
    let (total, charged) = totals(&lines);
    let money = |amount_minor| Money {
        amount_minor,
        currency: terms.currency.clone(),
    };
    ChargePreview {
        work_order_id,
        receipt,
        lines,
        total: money(total),
        total_charged: money(charged),
        tax_included: money(tax_included(charged, terms.tax_rate_bp)),
        tax_rate_bp: terms.tax_rate_bp,
        fee_schedule_version: version,
    }
}

/// The problems of what a charge preview was asked for, each naming its field as the
/// visit report would: the finish not before the start, the fault's shape, at most 100
/// part lines of a SKU and 1–1000 units each.
pub fn check_preview(r: &ChargePreviewRequest) -> Vec<FieldError> {
    let mut e = Vec::new();
    let err = |field: &str, code: &str, message: &str| FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    };
    if r.finished_at < r.started_at {
        e.push(err(
            "finished_at",
            "before_start",
            "finished_at must not be before started_at",
        ));
    }
    if r.fault
        .as_deref()
        .is_some_and(|f| !(limits::FAULT.matches)(f))
    {
        e.push(err(
            "fault",
            "invalid",
            "fault must be 1-64 characters of a-z, 0-9 and _",
        ));
    }
    if !limits::REPORTED_PARTS.allows(r.parts.len()) {
        e.push(err("parts", "too_many", "at most 100 part lines"));
    }
    for (i, p) in r.parts.iter().enumerate() {
        limits::SKU.check(&mut e, &format!("parts[{i}].sku"), &p.sku);
        limits::QUANTITY.check(&mut e, &format!("parts[{i}].quantity"), p.quantity);
    }
    e
}

/// How much of the cash a technician collected on site pays the visit's receipt: as much
/// as it charges at most, and nothing when the cash is in another currency.
pub fn paid_on_site(collected: &Money, receipt: &Invoice) -> Option<i64> {
    let amount = collected
        .amount_minor
        .min(receipt.total_charged.amount_minor);
    (amount > 0 && collected.currency == receipt.total_charged.currency).then_some(amount)
}

/// Whether `amount` may be taken off a receipt as a payment or (with `credit`) a credit
/// note: in the receipt's currency. That it is not more than is owed is checked with the
/// change itself ([`more_than_owed`] says why it was refused).
pub fn check_settlement(receipt: &Invoice, amount: &Money) -> Result<(), FieldError> {
    if amount.currency != receipt.total_charged.currency {
        return Err(FieldError {
            field: "amount.currency".into(),
            code: "invalid".into(),
            message: format!("the receipt is in {}", receipt.total_charged.currency),
        });
    }
    Ok(())
}

/// Why a payment or credit note larger than what is outstanding was refused.
pub fn more_than_owed(receipt: &Invoice, credit: bool) -> FieldError {
    FieldError {
        field: "amount.amount_minor".into(),
        code: "more_than_owed".into(),
        message: format!(
            "{} is outstanding on {}{}",
            receipt.outstanding.amount_minor,
            receipt.number,
            if credit {
                "; a paid amount is given back as a refund"
            } else {
                ""
            }
        ),
    }
}

/// Whether an IOU may promise payment on `promised_on` for a receipt issued on
/// `issued_on` (service-local): within a year of the receipt.
pub fn check_iou_promise(issued_on: NaiveDate, promised_on: NaiveDate) -> Result<(), FieldError> {
    if promised_on < issued_on || promised_on > issued_on + chrono::Duration::days(366) {
        return Err(FieldError {
            field: "promised_on".into(),
            code: "out_of_range".into(),
            message: format!("an IOU promises payment within a year of the receipt ({issued_on})"),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::billing::{Coverage, LineKind};

    fn line(amount: i64, charged: i64) -> InvoiceLine {
        InvoiceLine {
            kind: LineKind::Labour,
            description: "Labour".into(),
            quantity: 1,
            unit_price: Money::cny(amount),
            amount: Money::cny(amount),
            charged: Money::cny(charged),
            coverage: if charged == 0 {
                Coverage::Warranty
            } else {
                Coverage::Chargeable
            },
            coverage_note: String::new(),
            discount: None,
            sku: None,
            labour: None,
        }
    }

    fn issued(lines: Vec<InvoiceLine>) -> Invoice {
        let visit = aftercare_testkit::fixtures::work_order_completed(DateTime::UNIX_EPOCH);
        let terms = crate::domain::schedule::default_terms();
        receipt(
            Issue {
                id: Uuid::nil(),
                number: "R2026-000001",
                visit: &visit,
                customer_id: None,
                schedule: (3, &terms),
                at: DateTime::UNIX_EPOCH,
            },
            lines,
        )
    }

    #[test]
    fn a_receipt_owes_what_it_charges_with_the_tax_it_contains() {
        let r = issued(vec![line(5000, 5000), line(9000, 0), line(11300, 11300)]);
        assert_eq!(r.total, Money::cny(25300));
        assert_eq!(r.total_charged, Money::cny(16300));
        assert_eq!(r.outstanding, Money::cny(16300));
        assert_eq!(r.tax_included, Money::cny(1875), "13 % VAT contained");
        assert_eq!((r.fee_schedule_version, r.tax_rate_bp), (3, 1300));
        assert_eq!(r.number, "R2026-000001");
    }

    #[test]
    fn cash_on_site_pays_at_most_the_charge_in_its_currency() {
        let r = issued(vec![line(5000, 5000)]);
        assert_eq!(paid_on_site(&Money::cny(3000), &r), Some(3000));
        assert_eq!(paid_on_site(&Money::cny(8000), &r), Some(5000));
        assert_eq!(paid_on_site(&Money::cny(0), &r), None);
        let usd = Money {
            amount_minor: 3000,
            currency: "USD".into(),
        };
        assert_eq!(paid_on_site(&usd, &r), None);
        assert_eq!(
            paid_on_site(&Money::cny(10), &issued(vec![line(90, 0)])),
            None
        );
    }

    #[test]
    fn settlements_are_in_the_receipts_currency_and_an_iou_within_a_year() {
        let r = issued(vec![line(5000, 5000)]);
        assert!(check_settlement(&r, &Money::cny(1)).is_ok());
        let usd = Money {
            amount_minor: 1,
            currency: "USD".into(),
        };
        assert_eq!(
            check_settlement(&r, &usd).expect_err("refused").message,
            "the receipt is in CNY"
        );
        assert_eq!(
            more_than_owed(&r, true).message,
            "5000 is outstanding on R2026-000001; a paid amount is given back as a refund"
        );
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert!(check_iou_promise(d(2026, 1, 1), d(2027, 1, 2)).is_ok());
        assert!(check_iou_promise(d(2026, 1, 1), d(2027, 1, 3)).is_err());
        assert!(check_iou_promise(d(2026, 1, 2), d(2026, 1, 1)).is_err());
    }
}
