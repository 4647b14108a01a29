//! Periods in local days: ranking weeks (Monday–Sunday) and months, quarters, and when
//! each ranking falls due (weekly on Monday for the week before, monthly on the 3rd for
//! the month before).
use aftercare_contracts::rpc::FieldError;
use aftercare_contracts::survey::{Interval, RankingKind};
use chrono::{Datelike, Duration, NaiveDate};

/// First and last day of the period of `kind` that contains `day`.
pub fn period_of(kind: RankingKind, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    match kind {
        RankingKind::Weekly => {
            let start = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
            (start, start + Duration::days(6))
        }
        RankingKind::Monthly => month_of(day),
    }
}

fn month_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = day.with_day(1).unwrap_or(day);
    (start, add_months(start, 1) - Duration::days(1))
}

/// `start` moved by `n` months (the first of a month stays the first).
pub fn add_months(start: NaiveDate, n: i32) -> NaiveDate {
    let total = start.year() * 12 + start.month0() as i32 + n;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(start)
}

/// The latest period of `kind` whose ranking is due on local day `today`: last week from
/// Monday on; last month from the 3rd on (before the 3rd, the month before that).
pub fn latest_due(kind: RankingKind, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    match kind {
        RankingKind::Weekly => period_of(kind, today - Duration::days(7)),
        RankingKind::Monthly => {
            let this = today.with_day(1).unwrap_or(today);
            let back = if today.day() >= 3 { 1 } else { 2 };
            month_of(add_months(this, -back))
        }
    }
}

/// Whether the period containing `day` is closed and due on `today`, so its ranking may be
/// published: it must not be later than [`latest_due`].
pub fn is_due(kind: RankingKind, day: NaiveDate, today: NaiveDate) -> bool {
    period_of(kind, day).0 <= latest_due(kind, today).0
}

/// Local days `[from, to]` as the UTC instants `[start, end)` a query compares with:
/// callbacks count in the period of the local day they were answered on.
pub fn utc_bounds(
    calendar: &aftercare_calendar::BusinessCalendar,
    from: NaiveDate,
    to: NaiveDate,
) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    (
        calendar.start_of_day(from),
        calendar.start_of_day(to + Duration::days(1)),
    )
}

/// Parses `2026-Q4` into its first and last day.
pub fn quarter(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, q) = text.trim().split_once("-Q")?;
    let year: i32 = year.parse().ok()?;
    let q: u32 = q.parse().ok()?;
    if !(1..=4).contains(&q) || !(2000..=2100).contains(&year) {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
    Some((start, add_months(start, 3) - Duration::days(1)))
}

/// The label of the interval containing `day`: `2026-11` or `2026-Q4`.
pub fn label(interval: Interval, day: NaiveDate) -> String {
    match interval {
        Interval::Month => format!("{}-{:02}", day.year(), day.month()),
        Interval::Quarter => format!("{}-Q{}", day.year(), day.month0() / 3 + 1),
    }
}

/// Longest period a report covers, and how far back a ranking is published, in days
/// (two years).
pub const MAX_DAYS: i64 = 731;

fn problem(field: &str, code: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// What is wrong with a report's local days `[from, to]`, if anything: `to` before `from`,
/// or more than two years.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Option<FieldError> {
    if to < from {
        return Some(problem("to", "before_from", "to must not be before from"));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Some(problem(
            "to",
            "out_of_range",
            "a report covers at most two years",
        ));
    }
    None
}

/// Why the ranking of the `kind` period containing `day` may not be published on request
/// on local day `today`, if it may not: older than two years, or not due yet.
pub fn check_publish(kind: RankingKind, day: NaiveDate, today: NaiveDate) -> Option<FieldError> {
    if (today - day).num_days() > MAX_DAYS {
        return Some(problem(
            "day",
            "out_of_range",
            "rankings are published for the last two years only",
        ));
    }
    if !is_due(kind, day, today) {
        return Some(problem(
            "day",
            "not_closed",
            "the period is not over yet (weekly rankings are due on Monday, monthly ones on the 3rd)",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn weeks_run_monday_to_sunday() {
        assert_eq!(
            period_of(RankingKind::Weekly, d(2026, 11, 29)),
            (d(2026, 11, 23), d(2026, 11, 29))
        );
        // A week across a year end.
        assert_eq!(
            period_of(RankingKind::Weekly, d(2027, 1, 1)),
            (d(2026, 12, 28), d(2027, 1, 3))
        );
    }

    #[test]
    fn months_end_on_their_last_day() {
        assert_eq!(
            period_of(RankingKind::Monthly, d(2028, 2, 10)),
            (d(2028, 2, 1), d(2028, 2, 29))
        );
        assert_eq!(
            period_of(RankingKind::Monthly, d(2026, 12, 31)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
    }

    #[test]
    fn rankings_fall_due_on_monday_and_on_the_third() {
        // Monday 30 Nov: last week (23–29 Nov) is due.
        assert_eq!(
            latest_due(RankingKind::Weekly, d(2026, 11, 30)),
            (d(2026, 11, 23), d(2026, 11, 29))
        );
        // Sunday 29 Nov: that week is not over; the week before is the latest.
        assert_eq!(
            latest_due(RankingKind::Weekly, d(2026, 11, 29)),
            (d(2026, 11, 16), d(2026, 11, 22))
        );
        // 2 Dec: November is not due yet; 3 Dec it is.
        assert_eq!(
            latest_due(RankingKind::Monthly, d(2026, 12, 2)),
            (d(2026, 10, 1), d(2026, 10, 31))
        );
        assert_eq!(
            latest_due(RankingKind::Monthly, d(2026, 12, 3)),
            (d(2026, 11, 1), d(2026, 11, 30))
        );
        // January 3rd publishes December of the year before.
        assert_eq!(
            latest_due(RankingKind::Monthly, d(2027, 1, 3)),
            (d(2026, 12, 1), d(2026, 12, 31))
        );
        assert!(is_due(
            RankingKind::Monthly,
            d(2026, 11, 15),
            d(2026, 12, 3)
        ));
        assert!(!is_due(
            RankingKind::Monthly,
            d(2026, 11, 15),
            d(2026, 12, 2)
        ));
        assert!(!is_due(
            RankingKind::Weekly,
            d(2026, 11, 25),
            d(2026, 11, 29)
        ));
    }

    #[test]
    fn a_callback_counts_in_the_local_week_it_was_answered_in() {
        use chrono::TimeZone;
        let cal = aftercare_calendar::BusinessCalendar::china();
        let (start, end) = period_of(RankingKind::Weekly, d(2026, 11, 25));
        let (a, b) = utc_bounds(&cal, start, end);
        // Sunday 29 Nov 23:30 CST and Monday 30 Nov 00:30 CST are both Sunday in UTC,
        // yet fall in different weeks.
        let sunday_night = chrono::Utc
            .with_ymd_and_hms(2026, 11, 29, 15, 30, 0)
            .unwrap();
        let monday_early = chrono::Utc
            .with_ymd_and_hms(2026, 11, 29, 16, 30, 0)
            .unwrap();
        assert!(a <= sunday_night && sunday_night < b);
        assert!(monday_early >= b);
        assert_eq!(
            a,
            chrono::Utc
                .with_ymd_and_hms(2026, 11, 22, 16, 0, 0)
                .unwrap()
        );
        assert_eq!(
            b,
            chrono::Utc
                .with_ymd_and_hms(2026, 11, 29, 16, 0, 0)
                .unwrap()
        );
    }

    #[test]
    fn quarters_parse_and_label() {
        assert_eq!(quarter("2026-Q4"), Some((d(2026, 10, 1), d(2026, 12, 31))));
        assert_eq!(quarter("2027-Q1"), Some((d(2027, 1, 1), d(2027, 3, 31))));
        assert_eq!(quarter("2026-Q5"), None);
        assert_eq!(quarter("2026Q1"), None);
        assert_eq!(label(Interval::Quarter, d(2026, 11, 3)), "2026-Q4");
        assert_eq!(label(Interval::Month, d(2026, 2, 3)), "2026-02");
    }

    #[test]
    fn a_report_runs_forwards_for_at_most_two_years() {
        assert_eq!(check_period(d(2026, 1, 1), d(2026, 1, 1)), None);
        // 730 days apart is the longest report; 731 is one too many.
        assert_eq!(check_period(d(2025, 1, 1), d(2027, 1, 1)), None);
        let code = |f, t| check_period(f, t).map(|e| e.code);
        assert_eq!(
            code(d(2026, 1, 2), d(2026, 1, 1)).as_deref(),
            Some("before_from")
        );
        assert_eq!(
            code(d(2025, 1, 1), d(2027, 1, 2)).as_deref(),
            Some("out_of_range")
        );
    }

    #[test]
    fn a_ranking_is_published_on_request_once_due_and_within_two_years() {
        let code = |kind, day, today| check_publish(kind, day, today).map(|e| e.code);
        // The week of 23–29 Nov is due on Monday 30 Nov.
        assert_eq!(
            code(RankingKind::Weekly, d(2026, 11, 25), d(2026, 11, 30)),
            None
        );
        assert_eq!(
            code(RankingKind::Weekly, d(2026, 11, 25), d(2026, 11, 29)).as_deref(),
            Some("not_closed")
        );
        // November is due on 3 December.
        assert_eq!(
            code(RankingKind::Monthly, d(2026, 11, 10), d(2026, 12, 2)).as_deref(),
            Some("not_closed")
        );
        assert_eq!(
            code(RankingKind::Monthly, d(2026, 11, 10), d(2026, 12, 3)),
            None
        );
        assert_eq!(
            code(RankingKind::Monthly, d(2024, 11, 10), d(2026, 12, 3)).as_deref(),
            Some("out_of_range")
        );
    }
}
