//! The technicians' cash day: what each collected on site against what they hand in. A
//! count that matches is balanced; any variance waits for a manager's approval.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{
    CashCollection, CashDay, CashReconciliation, ReconciliationStatus,
};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// Cash a technician collected at one visit of the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collected {
    /// The technician.
    pub technician_id: Uuid,
    /// Their name on the visit.
    pub technician_name: String,
    /// The visit's work order number.
    pub work_order_number: String,
    /// The visit's receipt number, once issued.
    pub receipt_number: Option<String>,
    /// What was collected.
    pub amount: Money,
    /// When the visit finished.
    pub at: DateTime<Utc>,
}

/// The cash days of `day`: every technician who collected cash (in the order the
/// collections come, grouped by technician) with their collections and expected sum, and
/// each count made, also for a technician without collections.
pub fn cash_days(
    day: NaiveDate,
    collected: Vec<Collected>,
    counted: Vec<CashReconciliation>,
) -> Vec<CashDay> {
    let mut days: Vec<CashDay> = Vec::new();
    for c in collected {
        if days
            .last()
            .is_none_or(|d| d.technician_id != c.technician_id)
        {
            days.push(CashDay {
                technician_id: c.technician_id,
                technician_name: c.technician_name.clone(),
                day,
                expected: Money {
                    amount_minor: 0,
                    currency: c.amount.currency.clone(),
                },
                collections: Vec::new(),
                reconciliation: None,
            });
        }
        if let Some(d) = days.last_mut() {
            d.expected.amount_minor += c.amount.amount_minor;
            d.collections.push(CashCollection {
                work_order_number: c.work_order_number,
                receipt_number: c.receipt_number,
                amount: c.amount,
                at: c.at,
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
                day,
                expected: rec.expected.clone(),
                collections: Vec::new(),
                reconciliation: Some(rec),
            }),
        }
    }
    days
}

/// A technician's count of the day.
#[derive(Debug, Clone)]
pub struct Count<'a> {
    /// The technician.
    pub technician_id: Uuid,
    /// The day counted.
    pub day: NaiveDate,
    /// The day's currency.
    pub currency: &'a str,
    /// What the visits say was collected.
    pub expected_minor: i64,
    /// What was handed in.
    pub counted_minor: i64,
    /// Who counted.
    pub counted_by: String,
    /// Their note, trimmed.
    pub note: String,
}

/// The reconciliation a count makes: balanced when it matches what the visits say,
/// otherwise awaiting a manager's approval of the variance.
pub fn reconciliation(id: Uuid, count: Count<'_>, at: DateTime<Utc>) -> CashReconciliation {
    let money = |amount_minor| Money {
        amount_minor,
        currency: count.currency.to_owned(),
    };
    let variance = count.counted_minor - count.expected_minor;
    CashReconciliation {
        id,
        technician_id: count.technician_id,
        day: count.day,
        expected: money(count.expected_minor),
        counted: money(count.counted_minor),
        variance: money(variance),
        status: if variance == 0 {
            ReconciliationStatus::Balanced
        } else {
            ReconciliationStatus::AwaitingApproval
        },
        counted_by: count.counted_by,
        note: count.note,
        approved_by: None,
        approval_note: None,
        counted_at: at,
    }
}

/// A variance a manager accepted; the day is then settled.
pub fn approved(rec: CashReconciliation, by: String, note: &str) -> CashReconciliation {
    CashReconciliation {
        status: ReconciliationStatus::Approved,
        approved_by: Some(by),
        approval_note: Some(note.trim().to_owned()),
        ..rec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::UNIX_EPOCH + chrono::Duration::hours(h)
    }

    fn collected(tech: u128, wo: &str, amount: i64) -> Collected {
        Collected {
            technician_id: Uuid::from_u128(tech),
            technician_name: format!("tech {tech}"),
            work_order_number: wo.into(),
            receipt_number: None,
            amount: Money::cny(amount),
            at: at(1),
        }
    }

    fn count(expected: i64, counted: i64) -> CashReconciliation {
        reconciliation(
            Uuid::nil(),
            Count {
                technician_id: Uuid::from_u128(3),
                day: NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
                currency: "CNY",
                expected_minor: expected,
                counted_minor: counted,
                counted_by: "clerk".into(),
                note: String::new(),
            },
            at(2),
        )
    }

    #[test]
    fn a_matching_count_is_balanced_and_a_variance_awaits_approval() {
        assert_eq!(count(500, 500).status, ReconciliationStatus::Balanced);
        let short = count(500, 450);
        assert_eq!(short.status, ReconciliationStatus::AwaitingApproval);
        assert_eq!(short.variance, Money::cny(-50));
        let ok = approved(short, "manager".into(), " coins lost ");
        assert_eq!(ok.status, ReconciliationStatus::Approved);
        assert_eq!(ok.approval_note.as_deref(), Some("coins lost"));
    }

    #[test]
    fn the_day_groups_collections_per_technician_with_their_counts() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let days = cash_days(
            day,
            vec![
                collected(1, "W1", 100),
                collected(1, "W2", 50),
                collected(2, "W3", 70),
            ],
            vec![count(0, 30)],
        );
        assert_eq!(days.len(), 3);
        assert_eq!(days[0].expected, Money::cny(150));
        assert_eq!(days[0].collections.len(), 2);
        assert_eq!(days[1].expected, Money::cny(70));
        assert_eq!(days[2].technician_id, Uuid::from_u128(3));
        assert!(days[2].collections.is_empty());
        assert!(days[2].reconciliation.is_some());
    }
}
