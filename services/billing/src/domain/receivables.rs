//! Receivables: how old an unpaid receipt is, the ageing report's buckets, and when an
//! overdue reminder is due (once per bucket past 0-30 days, and once when an IOU's
//! promised day has passed).
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

/// A reminder due for one receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// Days since the receipt's service-local day of issue.
    pub age_days: i64,
    /// Its bucket today.
    pub bucket: AgeBucket,
    /// Whether this reminder is for the bucket (which is then reminded of).
    pub bucket_due: bool,
    /// Whether this reminder is for the IOU's passed day (and the IOU is then reminded of).
    pub iou_due: bool,
}

/// The reminder due on `today` for a receipt issued on `issued_on` that still owes money:
/// one for its bucket past 0-30 days when that bucket was not reminded of yet, and one
/// when its IOU's promised day passed unreminded; `None` when neither is due.
pub fn reminder_due(
    issued_on: NaiveDate,
    today: NaiveDate,
    reminded_bucket: Option<AgeBucket>,
    iou_reminded: bool,
    promised_on: Option<NaiveDate>,
) -> Option<Reminder> {
    let age_days = (today - issued_on).num_days();
    let bucket = bucket(age_days);
    let bucket_due = bucket != AgeBucket::Days0To30 && reminded_bucket != Some(bucket);
    let iou_due = !iou_reminded && promised_on.is_some_and(|p| p < today);
    (bucket_due || iou_due).then_some(Reminder {
        age_days,
        bucket,
        bucket_due,
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
    fn one_reminder_per_bucket_past_thirty_days() {
        let issued = day(2026, 9, 1);
        assert_eq!(
            reminder_due(issued, day(2026, 10, 1), None, false, None),
            None
        );
        let first = reminder_due(issued, day(2026, 10, 2), None, false, None);
        assert_eq!(
            first,
            Some(Reminder {
                age_days: 31,
                bucket: Days31To60,
                bucket_due: true,
                iou_due: false
            })
        );
        assert_eq!(
            reminder_due(issued, day(2026, 10, 20), Some(Days31To60), false, None),
            None,
            "reminded of this bucket already"
        );
        assert_eq!(
            reminder_due(issued, day(2026, 11, 1), Some(Days31To60), false, None).map(|r| r.bucket),
            Some(Days61To90)
        );
    }

    #[test]
    fn a_passed_iou_day_is_reminded_once_keeping_the_bucket_reminded() {
        let issued = day(2026, 9, 1);
        let promised = Some(day(2026, 10, 10));
        let due = reminder_due(issued, day(2026, 10, 11), Some(Days31To60), false, promised);
        assert_eq!(
            due,
            Some(Reminder {
                age_days: 40,
                bucket: Days31To60,
                bucket_due: false,
                iou_due: true
            })
        );
        assert_eq!(
            reminder_due(issued, day(2026, 10, 10), Some(Days31To60), false, promised),
            None,
            "on the promised day itself nothing is due yet"
        );
        assert_eq!(
            reminder_due(issued, day(2026, 10, 11), Some(Days31To60), true, promised),
            None
        );
    }
}
