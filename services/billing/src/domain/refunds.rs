//! Refunds of approved returns: due when intake approves the return, paid once by finance.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{PaymentMethod, Refund, RefundStatus};
use aftercare_contracts::intake::ReturnApproved;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The refund an approved return makes due: nothing decided about its amount yet.
pub fn due(id: Uuid, r: ReturnApproved) -> Refund {
    Refund {
        id,
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
    }
}

/// How a refund was paid.
#[derive(Debug, Clone)]
pub struct Payout {
    /// The amount paid back.
    pub amount: Money,
    /// How.
    pub method: PaymentMethod,
    /// The bank or cash reference, trimmed.
    pub reference: String,
    /// Who paid it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A due refund paid: its next version.
pub fn paid(r: Refund, payout: Payout) -> Refund {
    Refund {
        status: RefundStatus::Paid,
        amount: Some(payout.amount),
        method: Some(payout.method),
        reference: payout.reference,
        paid_by: Some(payout.by),
        paid_at: Some(payout.at),
        version: r.version + 1,
        ..r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_approved_return_is_due_and_then_paid_once() {
        let approved = ReturnApproved::example();
        let r = due(Uuid::nil(), approved.clone());
        assert_eq!(r.status, RefundStatus::Due);
        assert_eq!((r.ticket_id, r.version), (approved.ticket_id, 1));
        assert_eq!(r.amount, None);
        let p = paid(
            r,
            Payout {
                amount: Money::cny(120000),
                method: PaymentMethod::BankTransfer,
                reference: "TX-1".into(),
                by: "finance-1".into(),
                at: DateTime::UNIX_EPOCH,
            },
        );
        assert_eq!(p.status, RefundStatus::Paid);
        assert_eq!(p.version, 2);
        assert_eq!(p.paid_by.as_deref(), Some("finance-1"));
    }
}
