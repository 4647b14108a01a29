//! Survey's rules, free of I/O: when a callback is due. Work orders are collected at
//! 09:00 on the next working day and called that day; working days come from the shared
//! business calendar (weekends, public holidays, swapped working days, the company's time
//! zone).
use aftercare_calendar::BusinessCalendar;
use chrono::{DateTime, NaiveTime, Utc};

/// When callbacks are collected, on which calendar.
#[derive(Debug, Clone)]
pub struct CallbackPolicy {
    /// The company's working calendar.
    pub calendar: BusinessCalendar,
    /// Local time the day's callbacks are collected.
    pub collect_at: NaiveTime,
}

impl Default for CallbackPolicy {
    fn default() -> Self {
        Self {
            calendar: BusinessCalendar::china(),
            collect_at: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        }
    }
}

/// The collection time on the first working day after the (local) day `completed` falls on.
pub fn callback_due(completed: DateTime<Utc>, policy: &CallbackPolicy) -> DateTime<Utc> {
    policy
        .calendar
        .at_next_working_day(completed, policy.collect_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        FixedOffset::east_opt(8 * 3600)
            .expect("offset")
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn a_weekday_visit_is_called_back_the_next_morning() {
        // Monday 2026-11-23 15:00 → Tuesday 09:00 CST
        assert_eq!(
            callback_due(cst(2026, 11, 23, 15, 0), &CallbackPolicy::default()),
            cst(2026, 11, 24, 9, 0)
        );
    }

    #[test]
    fn friday_and_weekend_visits_wait_for_monday() {
        let p = CallbackPolicy::default();
        assert_eq!(
            callback_due(cst(2026, 11, 27, 17, 0), &p),
            cst(2026, 11, 30, 9, 0)
        );
        assert_eq!(
            callback_due(cst(2026, 11, 28, 10, 0), &p),
            cst(2026, 11, 30, 9, 0)
        );
        assert_eq!(
            callback_due(cst(2026, 11, 29, 23, 59), &p),
            cst(2026, 11, 30, 9, 0)
        );
    }

    #[test]
    fn the_local_date_counts_not_the_utc_date() {
        // 2026-11-23 01:00 CST is still Sunday 17:00 UTC; the local day is Monday.
        assert_eq!(
            callback_due(cst(2026, 11, 23, 1, 0), &CallbackPolicy::default()),
            cst(2026, 11, 24, 9, 0)
        );
    }

    #[test]
    fn public_holidays_and_swapped_working_days_count() {
        let p = CallbackPolicy::default();
        // Visits on the last day before National Day are called after the holiday week.
        assert_eq!(
            callback_due(cst(2026, 9, 30, 16, 0), &p),
            cst(2026, 10, 8, 9, 0)
        );
        // A visit on Friday 2026-10-09 is called on the swapped working Saturday.
        assert_eq!(
            callback_due(cst(2026, 10, 9, 16, 0), &p),
            cst(2026, 10, 10, 9, 0)
        );
    }
}
