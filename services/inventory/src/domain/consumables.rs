//! Consumables tracking (耗材跟进): from a machine's meter readings, how many pages it prints
//! a day, when the toner or drum fitted last runs out by its page yield, and the day to
//! contact the customer (a lead time before, on a working day).
use aftercare_calendar::BusinessCalendar;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// One meter reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// When read.
    pub at: DateTime<Utc>,
    /// Pages counted.
    pub pages: u64,
}

/// Pages a day over the readings (first to last, in time order): `None` with fewer than two
/// readings a day or more apart, or when the counter went backwards (a replaced board).
pub fn pages_per_day(readings: &[Reading]) -> Option<f64> {
    let mut sorted = readings.to_vec();
    sorted.sort_by_key(|r| r.at);
    let (first, last) = (sorted.first()?, sorted.last()?);
    let days = (last.at - first.at).num_seconds() as f64 / 86_400.0;
    if days < 1.0 || last.pages < first.pages {
        return None;
    }
    Some((last.pages - first.pages) as f64 / days)
}

/// Pages left of a consumable fitted at `fitted_at_pages` with `yield_pages`, at `now_pages`
/// (negative: already past its yield).
pub fn pages_left(fitted_at_pages: u64, yield_pages: u32, now_pages: u64) -> i64 {
    (fitted_at_pages + u64::from(yield_pages)) as i64 - now_pages as i64
}

/// The day it runs out, printing `rate` pages a day from the last reading.
pub fn empty_on(last: Reading, left: i64, rate: f64) -> DateTime<Utc> {
    if left <= 0 || rate <= 0.0 {
        return last.at;
    }
    last.at + Duration::seconds((left as f64 / rate * 86_400.0).round() as i64)
}

/// The day to contact the customer about a consumable that runs out on `empty`: `lead_days`
/// before it (填写联系时间时,需比预计更换时间提前7天), moved back to the working day before
/// when that day is off, so the call is made before the weekend or holiday rather than
/// after it.
pub fn contact_on(empty: NaiveDate, lead_days: u32, calendar: &BusinessCalendar) -> NaiveDate {
    let mut day = empty - Duration::days(i64::from(lead_days));
    for _ in 0..60 {
        if calendar.is_working_day(day) {
            break;
        }
        day -= Duration::days(1);
    }
    day
}

/// Whether the contact day has come on the company's `today` (a day missed while no job
/// ran is still due).
pub fn contact_due(contact_on: NaiveDate, today: NaiveDate) -> bool {
    contact_on <= today
}

/// Whether a consumable listed for `models` fits a machine of `model`: names compared
/// trimmed and without case.
pub fn fits(models: &[String], model: &str) -> bool {
    models
        .iter()
        .any(|m| m.trim().eq_ignore_ascii_case(model.trim()))
}

/// Pages a day as announced to the customer: one decimal.
pub fn rounded_rate(rate: f64) -> f64 {
    (rate * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn r(day: u32, pages: u64) -> Reading {
        Reading {
            at: Utc
                .with_ymd_and_hms(2026, 11, day, 2, 0, 0)
                .single()
                .expect("time"),
            pages,
        }
    }

    #[test]
    fn usage_is_pages_over_days_between_the_first_and_last_reading() {
        // 3,000 pages in 10 days.
        assert_eq!(pages_per_day(&[r(11, 103_000), r(1, 100_000)]), Some(300.0));
        assert_eq!(pages_per_day(&[r(1, 100_000)]), None);
        assert_eq!(
            pages_per_day(&[r(1, 100_000), r(1, 100_500)]),
            None,
            "less than a day"
        );
        assert_eq!(
            pages_per_day(&[r(1, 100_000), r(5, 10)]),
            None,
            "counter reset"
        );
    }

    #[test]
    fn a_toner_fitted_at_100k_with_16k_yield_runs_out_on_schedule() {
        // Fitted at 100,000; 16,000-page yield; at 103,000 on the 11th, 300 pages a day:
        // 13,000 pages left → 43.33 days → 24 December 10:00 UTC.
        let left = pages_left(100_000, 16_000, 103_000);
        assert_eq!(left, 13_000);
        let empty = empty_on(r(11, 103_000), left, 300.0);
        assert_eq!(
            empty,
            Utc.with_ymd_and_hms(2026, 12, 24, 10, 0, 0)
                .single()
                .expect("time")
        );
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).expect("date");
        let cal = BusinessCalendar::china();
        // Thursday 24 December: contacted Thursday 17 December.
        let contact = contact_on(empty.date_naive(), 7, &cal);
        assert_eq!(contact, day(17));
        assert!(!contact_due(contact, day(16)));
        assert!(contact_due(contact, day(17)));
        assert!(contact_due(contact, day(21)), "a missed day is still due");
        // Past its yield: empty now.
        assert_eq!(empty_on(r(11, 120_000), -4_000, 300.0), r(11, 0).at);
    }

    #[test]
    fn the_contact_day_is_the_lead_time_before_on_a_working_day() {
        let cal = BusinessCalendar::china();
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
        // Runs out Monday 16 November: the Monday before.
        assert_eq!(contact_on(d(11, 16), 7, &cal), d(11, 9));
        // Runs out Sunday 22 November: Sunday 15th is off, so Friday 13th.
        assert_eq!(contact_on(d(11, 22), 7, &cal), d(11, 13));
        // Runs out 8 October: 1 October is National Day, so Wednesday 30 September.
        assert_eq!(contact_on(d(10, 8), 7, &cal), d(9, 30));
        // Runs out 17 October: Saturday 10 October is a swapped working day (调休).
        assert_eq!(contact_on(d(10, 17), 7, &cal), d(10, 10));
        // Another lead time, and none.
        assert_eq!(contact_on(d(11, 16), 10, &cal), d(11, 6));
        assert_eq!(contact_on(d(11, 16), 0, &cal), d(11, 16));
    }

    #[test]
    fn the_rate_is_announced_to_one_decimal() {
        assert_eq!(rounded_rate(299.96), 300.0);
        assert_eq!(rounded_rate(12.34), 12.3);
    }

    #[test]
    fn a_consumable_fits_its_models_whatever_their_case() {
        let models = vec!["AR-2048".to_owned(), " MX-3070 ".to_owned()];
        assert!(fits(&models, "ar-2048"));
        assert!(fits(&models, "MX-3070"));
        assert!(!fits(&models, "AR-2049"));
    }
}
