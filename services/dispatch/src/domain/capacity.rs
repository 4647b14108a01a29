//! What fills a technician's daily capacity: the work planned for that day, not every open
//! work order on his list.
//!
//! An open work order (assigned, accepted, en route, on site) is the work of one local day
//! in the company's time zone ([`work_day`]): the day of its appointment; without one, the
//! day its route puts it on (its planned arrival, once a day plan placed it); without
//! either, the day it was given to the technician (it was assigned as that day's work). A
//! technician's load on a day ([`load_on`]) counts the open orders of that day only, so
//! eight orders booked across next week leave today free, and an order nobody reported on
//! stays on its own past day instead of blocking every day after it.
use aftercare_calendar::BusinessCalendar;
use chrono::{DateTime, NaiveDate, Utc};

/// An open work order of a technician, as the capacity rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenOrder {
    /// Start of the agreed appointment, when one is booked.
    pub appointment_start: Option<DateTime<Utc>>,
    /// Planned arrival on a published route, when a day plan placed it.
    pub planned_arrival: Option<DateTime<Utc>>,
    /// When it was (last) assigned to the technician.
    pub assigned_at: DateTime<Utc>,
}

/// The company-local day whose work `o` is: its appointment's day, else its planned
/// arrival's day, else the day it was assigned.
pub fn work_day(o: &OpenOrder, calendar: &BusinessCalendar) -> NaiveDate {
    calendar.local_date(
        o.appointment_start
            .or(o.planned_arrival)
            .unwrap_or(o.assigned_at),
    )
}

/// How many of a technician's open `orders` are the work of the local day `day`.
pub fn load_on(orders: &[OpenOrder], day: NaiveDate, calendar: &BusinessCalendar) -> u32 {
    let n = orders
        .iter()
        .filter(|o| work_day(o, calendar) == day)
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, h, 0, 0)
            .single()
            .expect("time")
    }

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("date")
    }

    fn queued(assigned_at: DateTime<Utc>) -> OpenOrder {
        OpenOrder {
            appointment_start: None,
            planned_arrival: None,
            assigned_at,
        }
    }

    fn booked(start: DateTime<Utc>) -> OpenOrder {
        OpenOrder {
            appointment_start: Some(start),
            ..queued(utc(11, 1, 2))
        }
    }

    #[test]
    fn orders_booked_across_next_week_leave_today_free() {
        let cal = BusinessCalendar::china();
        let today = date(11, 24);
        // Eight appointments, 09:00 Shanghai on each of the next eight days.
        let week: Vec<OpenOrder> = (25..=30)
            .map(|d| booked(utc(11, d, 1)))
            .chain((1..=2).map(|d| booked(utc(12, d, 1))))
            .collect();
        assert_eq!(load_on(&week, today, &cal), 0);
        assert_eq!(load_on(&week, date(11, 25), &cal), 1);
    }

    #[test]
    fn an_unreported_order_of_a_past_day_stays_on_that_day() {
        let cal = BusinessCalendar::china();
        let yesterday = booked(utc(11, 23, 2));
        let queued_last_week = queued(utc(11, 17, 3));
        let orders = [yesterday, queued_last_week];
        assert_eq!(load_on(&orders, date(11, 24), &cal), 0);
        assert_eq!(load_on(&orders, date(11, 23), &cal), 1);
        assert_eq!(load_on(&orders, date(11, 17), &cal), 1);
    }

    #[test]
    fn the_day_is_the_company_local_day_of_the_appointment_route_or_assignment() {
        let cal = BusinessCalendar::china();
        // 17:00 UTC on the 23rd is 01:00 on the 24th in Shanghai.
        assert_eq!(work_day(&booked(utc(11, 23, 17)), &cal), date(11, 24));
        assert_eq!(work_day(&queued(utc(11, 23, 17)), &cal), date(11, 24));
        // A queued order a day plan routed is that day's work.
        let routed = OpenOrder {
            planned_arrival: Some(utc(11, 26, 1)),
            ..queued(utc(11, 23, 2))
        };
        assert_eq!(work_day(&routed, &cal), date(11, 26));
        // The appointment wins over a stale planned arrival.
        let moved = OpenOrder {
            appointment_start: Some(utc(11, 27, 1)),
            ..routed
        };
        assert_eq!(work_day(&moved, &cal), date(11, 27));
        let today = [booked(utc(11, 24, 1)), queued(utc(11, 24, 0)), routed];
        assert_eq!(load_on(&today, date(11, 24), &cal), 2);
    }
}
