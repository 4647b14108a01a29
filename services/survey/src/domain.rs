//! Survey's rules, free of I/O: when a callback is due. Work orders are collected at
//! 09:00 on the next working day and called that day. Working days here are Monday to
//! Friday in the company's time zone (China Standard Time by default, which has no
//! daylight saving); public holidays and swapped working days come with the shared
//! business calendar.
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime, TimeZone, Utc, Weekday};

/// When callbacks are collected and in which time zone.
#[derive(Debug, Clone, Copy)]
pub struct CallbackPolicy {
    /// The company's offset from UTC.
    pub offset: FixedOffset,
    /// Local time the day's callbacks are collected.
    pub collect_at: NaiveTime,
}

impl Default for CallbackPolicy {
    fn default() -> Self {
        Self {
            offset: FixedOffset::east_opt(8 * 3600)
                .unwrap_or(FixedOffset::east_opt(0).expect("zero offset")),
            collect_at: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        }
    }
}

fn is_working_day(day: Weekday) -> bool {
    !matches!(day, Weekday::Sat | Weekday::Sun)
}

/// The collection time on the first working day after the day `completed` falls on
/// (in the company's time zone).
pub fn callback_due(completed: DateTime<Utc>, policy: &CallbackPolicy) -> DateTime<Utc> {
    let mut day = completed.with_timezone(&policy.offset).date_naive() + Duration::days(1);
    while !is_working_day(day.weekday()) {
        day += Duration::days(1);
    }
    let local = day.and_time(policy.collect_at);
    policy
        .offset
        .from_local_datetime(&local)
        .single()
        .map(|d| d.with_timezone(&Utc))
        .unwrap_or(completed)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
