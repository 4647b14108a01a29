//! Receivables: how old an unpaid receipt is, the ageing report's buckets, and when an
//! overdue reminder is due (once a week, on a working day, while a receipt past 0-30 days owes
//! money, and once when
//! an IOU's promised day has passed).
use aftercare_contracts::billing::{AgeBucket, BucketTotal};
use chrono::{Datelike, NaiveDate};

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

/// The Monday that starts the week (Monday to Sunday) of `day`: an overdue receipt is
/// chased once in each such week, and the weekly chase list is one week's chases.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Whether an overdue receipt is due for its weekly chase on `today` (the business
/// calendar's local date): it still owes money, `today` is a working day of the business
/// calendar, and it was not chased yet in today's week (never chased, or last chased in an
/// earlier week). A week without a working day has no chase.
pub fn chase_due(
    owed_minor: i64,
    last_chased_on: Option<NaiveDate>,
    today: NaiveDate,
    working_day: bool,
) -> bool {
    owed_minor > 0 && working_day && last_chased_on.is_none_or(|d| d < week_of(today))
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

/// What a receipt is chased about on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owing {
    /// The receipt's service-local day of issue.
    pub issued_on: NaiveDate,
    /// Still owed, minor units.
    pub owed_minor: i64,
    /// The day of its last weekly chase.
    pub last_chased_on: Option<NaiveDate>,
    /// Whether its IOU's passed day was reminded of already.
    pub iou_reminded: bool,
    /// The day its IOU promised payment by.
    pub promised_on: Option<NaiveDate>,
}

/// The reminder due on `today` (`working_day` when the business calendar says so) for a
/// receipt: the weekly chase once it is past 0-30 days ([`chase_due`]), and one when its
/// IOU's promised day passed unreminded; `None` when neither is due.
pub fn reminder_due(o: Owing, today: NaiveDate, working_day: bool) -> Option<Reminder> {
    let age_days = (today - o.issued_on).num_days();
    let bucket = bucket(age_days);
    let chase_due = bucket != AgeBucket::Days0To30
        && chase_due(o.owed_minor, o.last_chased_on, today, working_day);
    let iou_due = o.owed_minor > 0 && !o.iou_reminded && o.promised_on.is_some_and(|p| p < today);
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

    /// Every day of a week's Monday to Sunday has that Monday as its week.
    #[test]
    fn a_week_runs_from_monday_to_sunday() {
        assert_eq!(week_of(day(2027, 1, 4)), day(2027, 1, 4), "a Monday");
        assert_eq!(week_of(day(2027, 1, 10)), day(2027, 1, 4), "its Sunday");
        assert_eq!(
            week_of(day(2027, 1, 1)),
            day(2026, 12, 28),
            "across the year"
        );
    }

    #[test]
    fn a_chase_is_due_once_a_week_on_a_working_day_while_owed() {
        let today = day(2027, 1, 6); // a Wednesday
        assert!(chase_due(100, None, today, true), "never chased");
        assert!(
            chase_due(100, Some(day(2027, 1, 3)), today, true),
            "last Sunday"
        );
        assert!(
            chase_due(100, Some(day(2026, 11, 1)), today, true),
            "long ago"
        );
        assert!(
            !chase_due(100, Some(day(2027, 1, 4)), today, true),
            "chased this Monday"
        );
        assert!(!chase_due(100, Some(today), today, true), "today");
        assert!(!chase_due(100, None, today, false), "not a working day");
        assert!(!chase_due(0, None, today, true), "paid");
        assert!(
            !chase_due(-5, Some(day(2026, 11, 1)), today, true),
            "overpaid"
        );
    }

    fn owing(issued_on: NaiveDate, owed_minor: i64, last: Option<NaiveDate>) -> Owing {
        Owing {
            issued_on,
            owed_minor,
            last_chased_on: last,
            iou_reminded: false,
            promised_on: None,
        }
    }

    /// Runs the rule day by day from `from` to `to` as the daily sweep does (working days
    /// Monday to Friday, `holidays` off), paying the receipt in full on `paid_on`; the days
    /// a chase went out.
    fn chases(
        issued: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
        holidays: &[NaiveDate],
        paid_on: Option<NaiveDate>,
    ) -> Vec<NaiveDate> {
        let mut last = None;
        let mut sent = Vec::new();
        for today in from.iter_days().take_while(|d| *d <= to) {
            let owed = if paid_on.is_some_and(|p| p <= today) {
                0
            } else {
                500
            };
            let working = today.weekday().num_days_from_monday() < 5 && !holidays.contains(&today);
            if reminder_due(owing(issued, owed, last), today, working).is_some_and(|r| r.chase_due)
            {
                last = Some(today);
                sent.push(today);
            }
        }
        sent
    }

    #[test]
    fn a_receipt_owed_for_five_weeks_is_chased_five_times_once_a_week_on_working_days() {
        // Issued on Friday 2026-11-27: past 0-30 days from Monday 2026-12-28; the sweep
        // runs every day for five weeks, to Sunday 2027-01-31. 1 January is a holiday.
        let issued = day(2026, 11, 27);
        let sent = chases(
            issued,
            day(2026, 12, 1),
            day(2027, 1, 31),
            &[day(2027, 1, 1)],
            None,
        );
        assert_eq!(
            sent,
            [
                day(2026, 12, 28),
                day(2027, 1, 4),
                day(2027, 1, 11),
                day(2027, 1, 18),
                day(2027, 1, 25)
            ]
        );
        let weeks: std::collections::BTreeSet<_> = sent.iter().map(|d| week_of(*d)).collect();
        assert_eq!(weeks.len(), 5, "one chase in each week");
    }

    #[test]
    fn a_week_s_chase_waits_for_its_first_working_day() {
        // Monday 4 January a holiday: that week's chase goes out on Tuesday, the next
        // week's on its Monday again; a weekend is never a chase day.
        let issued = day(2026, 11, 27);
        let sent = chases(
            issued,
            day(2027, 1, 2),
            day(2027, 1, 17),
            &[day(2027, 1, 4)],
            None,
        );
        assert_eq!(sent, [day(2027, 1, 5), day(2027, 1, 11)]);
    }

    #[test]
    fn a_paid_receipt_is_chased_no_more() {
        let issued = day(2026, 11, 27);
        let sent = chases(
            issued,
            day(2026, 12, 1),
            day(2027, 1, 31),
            &[],
            Some(day(2027, 1, 13)),
        );
        assert_eq!(sent, [day(2026, 12, 28), day(2027, 1, 4), day(2027, 1, 11)]);
    }

    #[test]
    fn an_overdue_receipt_is_chased_weekly_within_one_bucket() {
        let issued = day(2026, 9, 1);
        assert_eq!(
            reminder_due(owing(issued, 500, None), day(2026, 10, 1), true),
            None,
            "30 days old: not overdue yet"
        );
        let first = reminder_due(owing(issued, 500, None), day(2026, 10, 2), true);
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
            reminder_due(owing(issued, 500, chased), day(2026, 10, 4), true),
            None,
            "later in the week of the last chase"
        );
        let again = reminder_due(owing(issued, 500, chased), day(2026, 10, 5), true);
        assert_eq!(
            again.map(|r| (r.bucket, r.chase_due)),
            Some((Days31To60, true)),
            "the next week, in the same bucket"
        );
        assert_eq!(
            reminder_due(owing(issued, 0, chased), day(2026, 10, 5), true),
            None,
            "paid in full"
        );
    }

    #[test]
    fn a_passed_iou_day_is_reminded_once_between_weekly_chases() {
        let issued = day(2026, 9, 1);
        let with_iou = |reminded: bool| Owing {
            iou_reminded: reminded,
            promised_on: Some(day(2026, 10, 10)),
            ..owing(issued, 500, Some(day(2026, 10, 9)))
        };
        let due = reminder_due(with_iou(false), day(2026, 10, 11), false);
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
            reminder_due(with_iou(false), day(2026, 10, 10), true),
            None,
            "on the promised day itself nothing is due yet"
        );
        assert_eq!(reminder_due(with_iou(true), day(2026, 10, 11), false), None);
    }
}
