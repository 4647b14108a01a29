//! The renewal pipeline's calendar (续保跟进): a contract or warranty is listed two months
//! ahead (on the 1st, a September end is listed on 1 July), called from the 1st of the
//! month before it ends (1 August), then followed up weekly until the customer renews or
//! declines; unanswered, it lapses the day after it ends.
use chrono::{Datelike, Months, NaiveDate};

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// The last day whose ends are listed on `today`: the end of the month after next.
pub fn listing_horizon(today: NaiveDate) -> NaiveDate {
    first_of_month(today)
        .checked_add_months(Months::new(3))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today)
}

/// The first follow-up day of something ending on `ends_on`: the 1st of the month before.
pub fn follow_up_from(ends_on: NaiveDate) -> NaiveDate {
    first_of_month(ends_on)
        .checked_sub_months(Months::new(1))
        .unwrap_or(ends_on)
}

/// The next follow-up after one made on `day`.
pub fn next_after(day: NaiveDate) -> NaiveDate {
    day + chrono::Duration::days(7)
}

/// The first follow-up of something listed on `listed_on`: its follow-up day, or at once
/// when that has passed.
pub fn first_follow_up(listed_on: NaiveDate, ends_on: NaiveDate) -> NaiveDate {
    follow_up_from(ends_on).max(listed_on)
}

/// The period of the contract that renews one ending on `old_end`: from the next day to
/// `ends_on`, or for a year.
pub fn renewed_period(old_end: NaiveDate, ends_on: Option<NaiveDate>) -> (NaiveDate, NaiveDate) {
    let start = old_end.succ_opt().unwrap_or(old_end);
    let end =
        ends_on.unwrap_or_else(|| aftercare_calendar::last_day_of_term(start, 12).unwrap_or(start));
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn a_september_end_is_listed_in_july_and_called_from_august() {
        assert_eq!(listing_horizon(day(2026, 7, 1)), day(2026, 9, 30));
        assert_eq!(listing_horizon(day(2026, 7, 31)), day(2026, 9, 30));
        assert_eq!(listing_horizon(day(2026, 11, 23)), day(2027, 1, 31));
        assert_eq!(listing_horizon(day(2026, 12, 1)), day(2027, 2, 28));
        assert_eq!(follow_up_from(day(2026, 9, 15)), day(2026, 8, 1));
        assert_eq!(follow_up_from(day(2027, 1, 31)), day(2026, 12, 1));
        assert_eq!(
            first_follow_up(day(2026, 7, 1), day(2026, 9, 15)),
            day(2026, 8, 1)
        );
        // Listed late (signed in August for September): called at once.
        assert_eq!(
            first_follow_up(day(2026, 8, 20), day(2026, 9, 15)),
            day(2026, 8, 20)
        );
        assert_eq!(next_after(day(2026, 8, 1)), day(2026, 8, 8));
    }

    #[test]
    fn a_renewal_starts_the_day_after_and_runs_a_year() {
        assert_eq!(
            renewed_period(day(2026, 12, 31), None),
            (day(2027, 1, 1), day(2027, 12, 31))
        );
        assert_eq!(
            renewed_period(day(2027, 2, 28), None),
            (day(2027, 3, 1), day(2028, 2, 29))
        );
        assert_eq!(
            renewed_period(day(2026, 12, 31), Some(day(2027, 6, 30))),
            (day(2027, 1, 1), day(2027, 6, 30))
        );
    }
}
