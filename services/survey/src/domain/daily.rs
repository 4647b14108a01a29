//! The daily report (日报): which working day's report is due at a given instant, and how
//! the day's tickets, visits, callbacks and welcome calls add up to its statistics. The
//! seeds ask each agent to report the customers' prominent problems, fill in the callback
//! sheet (工单回访表), the work-order statistics (工单统计表) and the new customer contacts
//! (新客户联系情况明细) before 18:00; the report puts the day's together for the manager.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::survey::{DistrictDay, TechnicianDay};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use uuid::Uuid;

/// The seeds' deadline for the day's reports: 18:00 local time.
pub const REPORT_AT: NaiveTime = match NaiveTime::from_hms_opt(18, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// How far back a report left unwritten (every replica down at its time) is still
/// written: the latest working day within this many days.
const LOOK_BACK_DAYS: i64 = 31;

/// The latest working day whose report time (`at`, local) has come by `now`, on the
/// company's calendar: weekends and holidays have none, a swapped working Saturday (调休)
/// has one. `None` when there is no such day in the last month.
pub fn due_day(
    calendar: &BusinessCalendar,
    now: DateTime<Utc>,
    at: NaiveTime,
) -> Option<chrono::NaiveDate> {
    let today = calendar.local_date(now);
    (0..=LOOK_BACK_DAYS)
        .map(|back| today - Duration::days(back))
        .find(|day| {
            calendar.is_working_day(*day)
                && calendar.start_of_day(*day) + (at - NaiveTime::MIN) <= now
        })
}

/// The day whose report to write next, given the last day written: the oldest working day
/// after it whose report time has come (so reports missed while every replica was down
/// are all written, oldest first, within [`LOOK_BACK_DAYS`]); with none written yet, the
/// latest due day only (a new installation does not fill a month of empty reports).
/// `None` when every due report is written.
pub fn next_due_day(
    calendar: &BusinessCalendar,
    now: DateTime<Utc>,
    at: NaiveTime,
    last_written: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    let latest = due_day(calendar, now, at)?;
    let Some(last) = last_written else {
        return Some(latest);
    };
    if last >= latest {
        return None;
    }
    let from = last.max(calendar.local_date(now) - Duration::days(LOOK_BACK_DAYS + 1));
    (1..=LOOK_BACK_DAYS + 1)
        .map(|d| from + Duration::days(d))
        .take_while(|d| *d <= latest)
        .find(|d| calendar.is_working_day(*d))
}

/// One ticket opened on the day, as counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedTicket {
    /// District.
    pub district: String,
}

/// One visit finished on the day, as counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishedVisit {
    /// Technician id.
    pub technician_id: Uuid,
    /// Technician's name.
    pub technician_name: String,
    /// Team.
    pub team: String,
    /// District.
    pub district: String,
}

/// Visits per technician, most first (then by name and id, so the order is stable).
pub fn by_technician(visits: &[FinishedVisit]) -> Vec<TechnicianDay> {
    let mut per: BTreeMap<Uuid, TechnicianDay> = BTreeMap::new();
    for v in visits {
        per.entry(v.technician_id)
            .or_insert_with(|| TechnicianDay {
                technician_id: v.technician_id,
                technician_name: v.technician_name.clone(),
                team: v.team.clone(),
                visits: 0,
            })
            .visits += 1;
    }
    let mut out: Vec<TechnicianDay> = per.into_values().collect();
    out.sort_by(|a, b| {
        b.visits
            .cmp(&a.visits)
            .then_with(|| a.technician_name.cmp(&b.technician_name))
            .then_with(|| a.technician_id.cmp(&b.technician_id))
    });
    out
}

/// Tickets opened and visits finished per district, by district name; a ticket or visit
/// without a district counts under the empty name.
pub fn by_district(tickets: &[OpenedTicket], visits: &[FinishedVisit]) -> Vec<DistrictDay> {
    let mut per: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for t in tickets {
        per.entry(t.district.as_str()).or_default().0 += 1;
    }
    for v in visits {
        per.entry(v.district.as_str()).or_default().1 += 1;
    }
    per.into_iter()
        .map(
            |(district, (tickets_opened, visits_completed))| DistrictDay {
                district: district.to_owned(),
                tickets_opened,
                visits_completed,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono::FixedOffset::east_opt(8 * 3600)
            .expect("offset")
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("time")
            .with_timezone(&Utc)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("day")
    }

    #[test]
    fn a_working_days_report_is_due_from_its_report_time() {
        let cal = BusinessCalendar::china();
        // Tuesday 24 November 2026: before 18:00 the report due is Monday's.
        assert_eq!(
            due_day(&cal, cst(2026, 11, 24, 17, 59), REPORT_AT),
            Some(day(2026, 11, 23))
        );
        assert_eq!(
            due_day(&cal, cst(2026, 11, 24, 18, 0), REPORT_AT),
            Some(day(2026, 11, 24))
        );
        // Monday morning: Friday's (the weekend has none).
        assert_eq!(
            due_day(&cal, cst(2026, 11, 30, 9, 0), REPORT_AT),
            Some(day(2026, 11, 27))
        );
        assert_eq!(
            due_day(&cal, cst(2026, 11, 29, 23, 0), REPORT_AT),
            Some(day(2026, 11, 27))
        );
    }

    #[test]
    fn holidays_have_no_report_and_a_swapped_saturday_has_one() {
        let cal = BusinessCalendar::china();
        // National Day week: 1–7 October are off; the last report before is 30 September's.
        assert_eq!(
            due_day(&cal, cst(2026, 10, 5, 19, 0), REPORT_AT),
            Some(day(2026, 9, 30))
        );
        // Saturday 10 October is a working day (调休).
        assert_eq!(
            due_day(&cal, cst(2026, 10, 10, 18, 30), REPORT_AT),
            Some(day(2026, 10, 10))
        );
        // Another report time is honoured.
        let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("noon");
        assert_eq!(
            due_day(&cal, cst(2026, 10, 9, 12, 0), noon),
            Some(day(2026, 10, 9))
        );
    }

    #[test]
    fn reports_missed_while_down_are_written_oldest_first() {
        let cal = BusinessCalendar::china();
        let now = cst(2026, 11, 27, 19, 0);
        // Nothing written yet: only the latest day.
        assert_eq!(
            next_due_day(&cal, now, REPORT_AT, None),
            Some(day(2026, 11, 27))
        );
        // Monday's written, every replica down since: Tuesday's first, then the next.
        assert_eq!(
            next_due_day(&cal, now, REPORT_AT, Some(day(2026, 11, 23))),
            Some(day(2026, 11, 24))
        );
        assert_eq!(
            next_due_day(&cal, now, REPORT_AT, Some(day(2026, 11, 26))),
            Some(day(2026, 11, 27))
        );
        assert_eq!(
            next_due_day(&cal, now, REPORT_AT, Some(day(2026, 11, 27))),
            None
        );
        // The National Day week is skipped: after 30 September comes 8 October, and after
        // Friday 9 October the swapped working Saturday.
        let saturday = cst(2026, 10, 10, 19, 0);
        assert_eq!(
            next_due_day(&cal, saturday, REPORT_AT, Some(day(2026, 9, 30))),
            Some(day(2026, 10, 8))
        );
        assert_eq!(
            next_due_day(&cal, saturday, REPORT_AT, Some(day(2026, 10, 9))),
            Some(day(2026, 10, 10))
        );
        // Far behind: no further back than the look-back window.
        let caught = next_due_day(&cal, now, REPORT_AT, Some(day(2025, 1, 2))).expect("a day");
        assert!(
            caught >= day(2026, 10, 26) && caught <= day(2026, 11, 27),
            "{caught}"
        );
    }

    fn visit(tech: u128, name: &str, district: &str) -> FinishedVisit {
        FinishedVisit {
            technician_id: Uuid::from_u128(tech),
            technician_name: name.into(),
            team: "tianhe".into(),
            district: district.into(),
        }
    }

    #[test]
    fn visits_add_up_per_technician_and_district() {
        let visits = [
            visit(1, "Li Wei", "Tianhe"),
            visit(2, "Chen Jie", "Haizhu"),
            visit(1, "Li Wei", "Haizhu"),
            visit(3, "Ao Lin", "Tianhe"),
        ];
        let techs = by_technician(&visits);
        assert_eq!(
            techs
                .iter()
                .map(|t| (t.technician_name.as_str(), t.visits))
                .collect::<Vec<_>>(),
            [("Li Wei", 2), ("Ao Lin", 1), ("Chen Jie", 1)]
        );
        let tickets = [
            OpenedTicket {
                district: "Yuexiu".into(),
            },
            OpenedTicket {
                district: "Tianhe".into(),
            },
        ];
        let districts = by_district(&tickets, &visits);
        assert_eq!(
            districts
                .iter()
                .map(|d| (d.district.as_str(), d.tickets_opened, d.visits_completed))
                .collect::<Vec<_>>(),
            [("Haizhu", 0, 2), ("Tianhe", 1, 2), ("Yuexiu", 1, 0)]
        );
    }
}
