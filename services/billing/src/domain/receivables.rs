//! Receivables: how old an unpaid receipt is, the ageing report's buckets, and when an
//! overdue reminder is due (weekly while a receipt past 0-30 days owes money, and once when
//! an IOU's promised day has passed).
use aftercare_contracts::billing::{AgeBucket, BucketTotal};
use chrono::NaiveDate;

/// The ageing bucket of a receivable open `days` days: 0–30, 31–60, 61–90, more than 90.
pub fn bucket(days: i64) -> AgeBucket {
    match days {
        ..=30 => AgeBucket::Days0To30,
        31..=60 => AgeBucket::Days31To60,
        61..=90 => AgeBucket::Days61To90,
        _ => AgeBucket::Over90,
    }
}

/// The first age in days of a bucket (0, 31, 61, 91): the overdue sweep reads only the
/// receipts old enough for a bucket not yet reminded of.
pub fn first_day_of(bucket: AgeBucket) -> i64 {
    match bucket {
        AgeBucket::Days0To30 => 0,
        AgeBucket::Days31To60 => 31,
        AgeBucket::Days61To90 => 61,
        AgeBucket::Over90 => 91,
    }
}

/// The ageing report's totals: every bucket, in age order, even when empty.
pub fn empty_totals() -> Vec<BucketTotal> {
    [
        AgeBucket::Days0To30,
        AgeBucket::Days31To60,
        AgeBucket::Days61To90,
        AgeBucket::Over90,
    ]
    .into_iter()
    .map(|bucket| BucketTotal {
        bucket,
        owed_minor: 0,
        receipts: 0,
    })
    .collect()
}

/// Counts one receipt owing `owed_minor` in its bucket's total.
pub fn add_to_totals(totals: &mut [BucketTotal], bucket: AgeBucket, owed_minor: i64) {
    if let Some(t) = totals.iter_mut().find(|t| t.bucket == bucket) {
        t.owed_minor += owed_minor;
        t.receipts += 1;
    }
}

/// How many days apart an overdue receipt is chased while it still owes money.
pub const CHASE_EVERY_DAYS: i64 = 7;

/// Whether an overdue receipt is due for a chase on `today` (the business calendar's local
/// date): it still owes money, and it was never chased or last chased at least
/// [`CHASE_EVERY_DAYS`] days ago.
pub fn chase_due(owed_minor: i64, last_chased_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    owed_minor > 0 && last_chased_on.is_none_or(|d| (today - d).num_days() >= CHASE_EVERY_DAYS)
}

/// A reminder due for one receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// Days since the receipt's service-local day of issue.
    pub age_days: i64,
    /// Its bucket today.
    pub bucket: AgeBucket,
    /// Whether this reminder is the weekly chase of a receipt past 0-30 days.
    pub chase_due: bool,
    /// Whether this reminder is for the IOU's passed day (and the IOU is then reminded of).
    pub iou_due: bool,
}

/// The reminder due on `today` for a receipt issued on `issued_on` that owes `owed_minor`:
/// the weekly chase once it is past 0-30 days ([`chase_due`]), and one when its IOU's
/// promised day passed unreminded; `None` when neither is due.
pub fn reminder_due(
    issued_on: NaiveDate,
    today: NaiveDate,
    owed_minor: i64,
    last_chased_on: Option<NaiveDate>,
    iou_reminded: bool,
    promised_on: Option<NaiveDate>,
) -> Option<Reminder> {
    let age_days = (today - issued_on).num_days();
    let bucket = bucket(age_days);
    let chase_due = bucket != AgeBucket::Days0To30 && chase_due(owed_minor, last_chased_on, today);
    let iou_due = owed_minor > 0 && !iou_reminded && promised_on.is_some_and(|p| p < today);
    (chase_due || iou_due).then_some(Reminder {
        age_days,
        bucket,
        chase_due,
        iou_due,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgeBucket::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn ageing_buckets_at_their_edges() {
        let got: Vec<_> = [0, 30, 31, 60, 61, 90, 91, 400]
            .iter()
            .map(|d| bucket(*d))
            .collect();
        assert_eq!(
            got,
            [
                Days0To30, Days0To30, Days31To60, Days31To60, Days61To90, Days61To90, Over90,
                Over90
            ]
        );
    }

    #[test]
    fn each_bucket_starts_on_its_first_day() {
        for b in [Days0To30, Days31To60, Days61To90, Over90] {
            assert_eq!(bucket(first_day_of(b)), b);
            if b != Days0To30 {
                assert_ne!(bucket(first_day_of(b) - 1), b);
            }
        }
    }

    #[test]
    fn totals_count_each_receipt_in_its_bucket() {
        let mut totals = empty_totals();
        add_to_totals(&mut totals, Days31To60, 500);
        add_to_totals(&mut totals, Days31To60, 250);
        assert_eq!(totals.len(), 4);
        assert_eq!((totals[1].owed_minor, totals[1].receipts), (750, 2));
        assert_eq!(totals[0].receipts, 0);
    }

    #[test]
    fn a_chase_is_due_when_never_chased_or_a_week_after_the_last_while_owed() {
        let today = day(2027, 1, 4);
        assert!(chase_due(100, None, today), "never chased");
        assert!(chase_due(100, Some(day(2026, 12, 28)), today), "7 days ago");
        assert!(chase_due(100, Some(day(2026, 11, 1)), today), "long ago");
        assert!(
            !chase_due(100, Some(day(2026, 12, 29)), today),
            "6 days ago"
        );
        assert!(!chase_due(100, Some(today), today), "today");
        assert!(!chase_due(0, None, today), "paid");
        assert!(!chase_due(-5, Some(day(2026, 11, 1)), today), "overpaid");
    }

    #[test]
    fn an_overdue_receipt_is_chased_weekly_within_one_bucket() {
        let issued = day(2026, 9, 1);
        assert_eq!(
            reminder_due(issued, day(2026, 10, 1), 500, None, false, None),
            None,
            "30 days old: not overdue yet"
        );
        let first = reminder_due(issued, day(2026, 10, 2), 500, None, false, None);
        assert_eq!(
            first,
            Some(Reminder {
                age_days: 31,
                bucket: Days31To60,
                chase_due: true,
                iou_due: false
            })
        );
        let chased = Some(day(2026, 10, 2));
        assert_eq!(
            reminder_due(issued, day(2026, 10, 8), 500, chased, false, None),
            None,
            "six days after the last chase"
        );
        let again = reminder_due(issued, day(2026, 10, 9), 500, chased, false, None);
        assert_eq!(
            again.map(|r| (r.bucket, r.chase_due)),
            Some((Days31To60, true)),
            "a week later, in the same bucket"
        );
        assert_eq!(
            reminder_due(issued, day(2026, 10, 9), 0, chased, false, None),
            None,
            "paid in full"
        );
    }

    #[test]
    fn a_passed_iou_day_is_reminded_once_between_weekly_chases() {
        let issued = day(2026, 9, 1);
        let promised = Some(day(2026, 10, 10));
        let chased = Some(day(2026, 10, 9));
        let due = reminder_due(issued, day(2026, 10, 11), 500, chased, false, promised);
        assert_eq!(
            due,
            Some(Reminder {
                age_days: 40,
                bucket: Days31To60,
                chase_due: false,
                iou_due: true
            })
        );
        assert_eq!(
            reminder_due(issued, day(2026, 10, 10), 500, chased, false, promised),
            None,
            "on the promised day itself nothing is due yet"
        );
        assert_eq!(
            reminder_due(issued, day(2026, 10, 11), 500, chased, true, promised),
            None
        );
    }
}
