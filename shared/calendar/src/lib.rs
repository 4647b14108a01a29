//! The business calendar: which days are working days (weekends, public holidays and the
//! weekend days swapped into working days, 调休) and which hours of them are working time,
//! in the company's time zone. SLA targets ("respond within 2 working hours", "resolve
//! within 3 working days"), callback collection ("09:00 the next working day") and
//! complaint deadlines are all counted on it, so every service counts the same way.
//! Pure: no I/O, no clock.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

use std::collections::BTreeMap;

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;

/// The holiday schedule shipped with Aftercare (mainland China), editable text.
pub const CHINA_SCHEDULE: &str = include_str!("../data/cn-holidays.txt");

/// How far ahead a search for the next working day looks before giving up (a calendar
/// whose every day is off is refused at construction; this only bounds a pathological
/// schedule).
const SEARCH_DAYS: i64 = 3 * 366;

/// Why a calendar or schedule is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// A line of a holiday schedule does not parse; the message names the line.
    #[error("holiday schedule line {line}: {reason}")]
    Schedule {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// The working hours or weekend leave no working time at all, or overlap.
    #[error("working hours: {0}")]
    Hours(String),
    /// Unknown time zone name.
    #[error("unknown time zone {0:?}")]
    TimeZone(String),
}

/// What a schedule line says about a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind {
    /// A public holiday: no work although it may be a weekday.
    Off,
    /// A swapped working day (调休): work although it is a weekend day.
    Work,
}

/// What a year of a holiday schedule lacks: the sign that the State Council's notice for
/// that year (国务院办公厅关于XXXX年部分节假日安排的通知) has not been loaded yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleGap {
    /// Not one line for the year: weekends are the only days off.
    NoDays,
    /// Holidays but no swapped working days (调休, 补班): only the statutory days, so the
    /// weekend days the notice makes working days are counted as off.
    NoSwappedWorkingDays,
}

/// Whether the schedule for `year` looks complete, from the schedule's days: it has
/// holidays, and swapped working days too unless the schedule has none in any year (a
/// country without 调休). `None` when it looks complete.
pub fn schedule_gap<'a>(
    days: impl IntoIterator<Item = (&'a NaiveDate, &'a DayKind)>,
    year: i32,
) -> Option<ScheduleGap> {
    let (mut off, mut work, mut work_elsewhere) = (false, false, false);
    for (date, kind) in days {
        match (date.year() == year, kind) {
            (true, DayKind::Off) => off = true,
            (true, DayKind::Work) => work = true,
            (false, DayKind::Work) => work_elsewhere = true,
            (false, DayKind::Off) => {}
        }
    }
    if !off && !work {
        Some(ScheduleGap::NoDays)
    } else if !work && work_elsewhere {
        Some(ScheduleGap::NoSwappedWorkingDays)
    } else {
        None
    }
}

/// A company's working calendar.
#[derive(Debug, Clone)]
pub struct BusinessCalendar {
    tz: Tz,
    periods: Vec<(NaiveTime, NaiveTime)>,
    weekend: Vec<Weekday>,
    days: BTreeMap<NaiveDate, DayKind>,
    names: BTreeMap<NaiveDate, String>,
}

/// One day of a holiday schedule as an administrator reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledDay<'a> {
    /// The date.
    pub date: NaiveDate,
    /// A holiday, or a weekend day worked (调休).
    pub kind: DayKind,
    /// The name the schedule gives it (`春节`, `元旦调休`), empty when it gives none.
    pub name: &'a str,
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN)
}

impl BusinessCalendar {
    /// Mainland China defaults: Asia/Shanghai, 08:30–12:00 and 13:30–17:30, Saturday
    /// and Sunday off, the shipped holiday schedule.
    pub fn china() -> Self {
        let base = Self {
            tz: chrono_tz::Asia::Shanghai,
            periods: vec![(hm(8, 30), hm(12, 0)), (hm(13, 30), hm(17, 30))],
            weekend: vec![Weekday::Sat, Weekday::Sun],
            days: BTreeMap::new(),
            names: BTreeMap::new(),
        };
        match base.clone().with_schedule(CHINA_SCHEDULE) {
            Ok(c) => c,
            // The shipped file is checked by a test; a broken edit falls back to weekends only.
            Err(_) => base,
        }
    }

    /// The company's calendar from its settings, looked up by their environment variable
    /// names (the binary passes the process environment once at start-up; tests pass
    /// their own values): `AFTERCARE_TIME_ZONE` (IANA name, default Asia/Shanghai),
    /// `AFTERCARE_WORKING_HOURS` (`08:30-12:00,13:30-17:30` by default) and
    /// `AFTERCARE_HOLIDAYS_FILE` (a schedule in the format of [`CHINA_SCHEDULE`], which is
    /// the default). Saturday and Sunday are the weekend. The error names the setting.
    pub fn from_settings(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, CalendarError> {
        let tz = get("AFTERCARE_TIME_ZONE").unwrap_or_else(|| "Asia/Shanghai".into());
        let hours = match get("AFTERCARE_WORKING_HOURS") {
            Some(text) => parse_hours(&text)?,
            None => vec![(hm(8, 30), hm(12, 0)), (hm(13, 30), hm(17, 30))],
        };
        let schedule = match get("AFTERCARE_HOLIDAYS_FILE") {
            Some(path) => std::fs::read_to_string(&path).map_err(|e| {
                CalendarError::Hours(format!("AFTERCARE_HOLIDAYS_FILE {path}: {e}"))
            })?,
            None => CHINA_SCHEDULE.to_owned(),
        };
        Self::new(&tz, hours, vec![Weekday::Sat, Weekday::Sun])?.with_schedule(&schedule)
    }

    /// A calendar in time zone `tz` (IANA name) with the given daily working periods
    /// (sorted, not overlapping) and weekend days, and no holidays yet.
    pub fn new(
        tz: &str,
        periods: Vec<(NaiveTime, NaiveTime)>,
        weekend: Vec<Weekday>,
    ) -> Result<Self, CalendarError> {
        let tz: Tz = tz
            .parse()
            .map_err(|_| CalendarError::TimeZone(tz.to_owned()))?;
        if periods.is_empty() {
            return Err(CalendarError::Hours(
                "at least one working period is needed".into(),
            ));
        }
        for (i, (from, to)) in periods.iter().enumerate() {
            if from >= to {
                return Err(CalendarError::Hours(format!(
                    "period {} ends before it starts",
                    i + 1
                )));
            }
            if i > 0 && periods[i - 1].1 > *from {
                return Err(CalendarError::Hours(format!(
                    "period {} overlaps or precedes the one before",
                    i + 1
                )));
            }
        }
        if weekend.len() >= 7 {
            return Err(CalendarError::Hours(
                "every day of the week is a weekend day".into(),
            ));
        }
        Ok(Self {
            tz,
            periods,
            weekend,
            days: BTreeMap::new(),
            names: BTreeMap::new(),
        })
    }

    /// Adds a holiday schedule: lines `YYYY-MM-DD off|work name`, `#` comments.
    pub fn with_schedule(mut self, text: &str) -> Result<Self, CalendarError> {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |reason: String| CalendarError::Schedule {
                line: n + 1,
                reason,
            };
            let mut parts = line.split_whitespace();
            let date = parts.next().unwrap_or("");
            let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|_| err(format!("{date:?} is not a date (YYYY-MM-DD)")))?;
            let kind = match parts.next() {
                Some("off") => DayKind::Off,
                Some("work") => DayKind::Work,
                other => {
                    return Err(err(format!(
                        "expected `off` or `work` after the date, found {:?}",
                        other.unwrap_or("")
                    )));
                }
            };
            if let Some(previous) = self.days.insert(date, kind)
                && previous != kind
            {
                return Err(err(format!("{date} is both a holiday and a working day")));
            }
            let name = parts.collect::<Vec<_>>().join(" ");
            if !name.is_empty() {
                self.names.insert(date, name);
            }
        }
        Ok(self)
    }

    /// Whether this calendar's schedule for `year` looks complete ([`schedule_gap`]).
    pub fn schedule_gap(&self, year: i32) -> Option<ScheduleGap> {
        schedule_gap(&self.days, year)
    }

    /// The years start-up checks, with what each lacks: the company's current local year
    /// at `now` and the coming one, when their schedule does not look complete.
    pub fn incomplete_years(&self, now: DateTime<Utc>) -> Vec<(i32, ScheduleGap)> {
        let year = self.local_date(now).year();
        [year, year + 1]
            .into_iter()
            .filter_map(|y| self.schedule_gap(y).map(|gap| (y, gap)))
            .collect()
    }

    /// The schedule's holidays and swapped working days of `year`, in date order, for an
    /// administrator to check against the State Council's notice.
    pub fn schedule_of(&self, year: i32) -> Vec<ScheduledDay<'_>> {
        self.days
            .iter()
            .filter(|(date, _)| date.year() == year)
            .map(|(date, kind)| ScheduledDay {
                date: *date,
                kind: *kind,
                name: self.names.get(date).map_or("", String::as_str),
            })
            .collect()
    }

    /// The daily working periods, in order.
    pub fn working_periods(&self) -> &[(NaiveTime, NaiveTime)] {
        &self.periods
    }

    /// The company's time zone.
    pub fn time_zone(&self) -> Tz {
        self.tz
    }

    /// Whether `day` is a working day: a weekday that is not a holiday, or a swapped
    /// working day.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        match self.days.get(&day) {
            Some(DayKind::Off) => false,
            Some(DayKind::Work) => true,
            None => !self.weekend.contains(&day.weekday()),
        }
    }

    /// The first working day after `day`.
    pub fn next_working_day(&self, day: NaiveDate) -> NaiveDate {
        let mut d = day;
        for _ in 0..SEARCH_DAYS {
            d += Duration::days(1);
            if self.is_working_day(d) {
                return d;
            }
        }
        d
    }

    /// `n` working days after `day` (`n = 0`: `day` itself).
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> NaiveDate {
        (0..n).fold(day, |d, _| self.next_working_day(d))
    }

    /// The company's local date of an instant, in the calendar's time zone: the one rule
    /// for "today", a number's year and the day a record belongs to (07:00 on 1 January in
    /// Shanghai is already the new year while UTC is still on 31 December).
    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        let resolved = self.tz.from_local_datetime(&local);
        resolved
            .earliest()
            .or_else(|| resolved.latest())
            // In a daylight-saving gap the wall time does not exist: take the hour after.
            .or_else(|| {
                self.tz
                    .from_local_datetime(&(local + Duration::hours(1)))
                    .earliest()
            })
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| Utc.from_utc_datetime(&local))
    }

    /// The instant a local day begins: period bounds for reports counted in local days.
    pub fn start_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        self.to_utc(day.and_time(NaiveTime::MIN))
    }

    /// `time` (local) on the first working day after the local day of `t`: when
    /// yesterday's visits are collected for callbacks.
    pub fn at_next_working_day(&self, t: DateTime<Utc>, time: NaiveTime) -> DateTime<Utc> {
        let day = self.next_working_day(self.local_date(t));
        self.to_utc(day.and_time(time))
    }

    /// The instant when `amount` of working time has passed after `start`: an SLA
    /// deadline. Time outside working hours does not count; a request that comes in at
    /// night starts counting when work starts.
    pub fn add_working_time(&self, start: DateTime<Utc>, amount: Duration) -> DateTime<Utc> {
        if amount <= Duration::zero() {
            return start;
        }
        let local = start.with_timezone(&self.tz).naive_local();
        let mut remaining = amount;
        let mut day = local.date();
        for _ in 0..SEARCH_DAYS * 4 {
            if self.is_working_day(day) {
                for (from, to) in &self.periods {
                    let begin = day.and_time(*from).max(local);
                    let end = day.and_time(*to);
                    if begin >= end {
                        continue;
                    }
                    let available = end - begin;
                    if remaining <= available {
                        return self.to_utc(begin + remaining);
                    }
                    remaining -= available;
                }
            }
            day += Duration::days(1);
        }
        self.to_utc(day.and_time(NaiveTime::MIN))
    }

    /// Working time between two instants (zero when `to` is not after `from`): how much
    /// of an SLA target is used up.
    pub fn working_time_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        if to <= from {
            return Duration::zero();
        }
        let a = from.with_timezone(&self.tz).naive_local();
        let b = to.with_timezone(&self.tz).naive_local();
        let mut total = Duration::zero();
        let mut day = a.date();
        while day <= b.date() {
            if self.is_working_day(day) {
                for (p_from, p_to) in &self.periods {
                    let begin = day.and_time(*p_from).max(a);
                    let end = day.and_time(*p_to).min(b);
                    if end > begin {
                        total += end - begin;
                    }
                }
            }
            day += Duration::days(1);
        }
        total
    }

    /// Working time in one full working day.
    pub fn working_day_length(&self) -> Duration {
        self.periods
            .iter()
            .fold(Duration::zero(), |acc, (a, b)| acc + (*b - *a))
    }
}

/// Parses working periods `08:30-12:00,13:30-17:30`.
pub fn parse_hours(text: &str) -> Result<Vec<(NaiveTime, NaiveTime)>, CalendarError> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let bad = || CalendarError::Hours(format!("{p:?} is not HH:MM-HH:MM"));
            let (a, b) = p.split_once('-').ok_or_else(bad)?;
            let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").map_err(|_| bad());
            Ok((t(a)?, t(b)?))
        })
        .collect()
}

/// The last day of a term of `months` from `start` — a warranty, a contract: it ends the
/// day before the anniversary (bought 2026-03-01, a 12-month warranty covers up to
/// 2027-02-28); when the anniversary does not exist (31 January plus a month) the term runs
/// to the end of that month. One rule, so intake's machine record and billing's coverage
/// agree.
pub fn last_day_of_term(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    let anniversary = start.checked_add_months(chrono::Months::new(months))?;
    if anniversary.day() < start.day() {
        Some(anniversary)
    } else {
        anniversary.pred_opt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("time")
            .with_timezone(&Utc)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn the_local_date_of_seven_on_1_january_in_shanghai_is_the_new_year() {
        let cal = BusinessCalendar::china();
        let at = cst(2027, 1, 1, 7, 0);
        assert_eq!(
            at.date_naive(),
            date(2026, 12, 31),
            "still 31 December in UTC"
        );
        assert_eq!(cal.local_date(at), date(2027, 1, 1));
        assert_eq!(
            cal.local_date(cst(2026, 12, 31, 23, 59)),
            date(2026, 12, 31)
        );
    }

    #[test]
    fn the_shipped_schedule_parses() {
        let c = BusinessCalendar::new(
            "Asia/Shanghai",
            vec![(hm(9, 0), hm(18, 0))],
            vec![Weekday::Sat, Weekday::Sun],
        )
        .expect("calendar")
        .with_schedule(CHINA_SCHEDULE)
        .expect("shipped schedule");
        assert!(!c.is_working_day(date(2026, 10, 1)));
        assert!(c.is_working_day(date(2026, 10, 10)), "a swapped Saturday");
    }

    #[test]
    fn a_years_schedule_lists_its_days_with_their_names_in_order() {
        let c = BusinessCalendar::china();
        let days = c.schedule_of(2026);
        assert_eq!(
            days.first(),
            Some(&ScheduledDay {
                date: date(2026, 1, 1),
                kind: DayKind::Off,
                name: "元旦",
            })
        );
        let swapped = days
            .iter()
            .find(|x| x.date == date(2026, 1, 4))
            .expect("the swapped Sunday");
        assert_eq!((swapped.kind, swapped.name), (DayKind::Work, "元旦调休"));
        assert!(days.windows(2).all(|w| w[0].date < w[1].date));
        assert!(days.iter().all(|x| x.date.year() == 2026));
        assert!(c.schedule_of(1999).is_empty());
        // A line without a name lists the day with an empty one.
        let bare = BusinessCalendar::new("Asia/Shanghai", vec![(hm(9, 0), hm(17, 0))], vec![])
            .and_then(|c| c.with_schedule("2031-05-01 off"))
            .expect("calendar");
        assert_eq!(bare.schedule_of(2031)[0].name, "");
    }

    #[test]
    fn a_year_with_only_statutory_holidays_lacks_its_swapped_working_days() {
        let days = |text: &str| {
            BusinessCalendar::new("Asia/Shanghai", vec![(hm(9, 0), hm(17, 0))], vec![])
                .expect("calendar")
                .with_schedule(text)
                .expect("schedule")
                .days
        };
        let full = "2026-10-01 off\n2026-10-10 work\n";
        let statutory = "2027-10-01 off\n2027-10-02 off\n";
        let both = days(&format!("{full}{statutory}"));
        assert_eq!(schedule_gap(&both, 2026), None);
        assert_eq!(
            schedule_gap(&both, 2027),
            Some(ScheduleGap::NoSwappedWorkingDays)
        );
        assert_eq!(schedule_gap(&both, 2028), Some(ScheduleGap::NoDays));
        // A schedule without 调休 in any year is complete with its holidays alone.
        let no_swaps = days(statutory);
        assert_eq!(schedule_gap(&no_swaps, 2027), None);
        assert_eq!(schedule_gap(&no_swaps, 2028), Some(ScheduleGap::NoDays));
        // A year of swapped working days alone still counts as loaded.
        assert_eq!(schedule_gap(&days("2026-10-10 work"), 2026), None);
        assert_eq!(
            schedule_gap(&BTreeMap::new(), 2026),
            Some(ScheduleGap::NoDays)
        );
    }

    #[test]
    fn start_up_checks_the_local_year_and_the_next() {
        let c = BusinessCalendar::china();
        // The shipped 2027 schedule holds the statutory days only.
        assert_eq!(
            c.incomplete_years(cst(2026, 12, 31, 23, 0)),
            vec![(2027, ScheduleGap::NoSwappedWorkingDays)]
        );
        // 07:00 on 1 January in Shanghai is already 2027 there: 2027 and 2028 are checked.
        assert_eq!(
            c.incomplete_years(cst(2027, 1, 1, 7, 0)),
            vec![
                (2027, ScheduleGap::NoSwappedWorkingDays),
                (2028, ScheduleGap::NoDays)
            ]
        );
        let loaded = c
            .with_schedule("2027-02-20 work\n2028-01-01 off\n2028-01-29 work\n")
            .expect("notice");
        assert_eq!(loaded.incomplete_years(cst(2027, 1, 1, 7, 0)), vec![]);
    }

    #[test]
    fn weekends_holidays_and_swapped_days() {
        let c = BusinessCalendar::china();
        assert!(c.is_working_day(date(2026, 11, 23)), "a Monday");
        assert!(!c.is_working_day(date(2026, 11, 28)), "a Saturday");
        assert!(
            !c.is_working_day(date(2026, 2, 18)),
            "Spring Festival Wednesday"
        );
        assert!(
            c.is_working_day(date(2026, 2, 14)),
            "Saturday swapped to work"
        );
        // Friday 2026-02-13 → Saturday 2026-02-14 (swapped) → then Tuesday 2026-02-24.
        assert_eq!(c.next_working_day(date(2026, 2, 13)), date(2026, 2, 14));
        assert_eq!(c.next_working_day(date(2026, 2, 14)), date(2026, 2, 24));
        assert_eq!(c.add_working_days(date(2026, 9, 30), 1), date(2026, 10, 8));
        assert_eq!(c.add_working_days(date(2026, 11, 27), 2), date(2026, 12, 1));
        assert_eq!(
            c.add_working_days(date(2026, 11, 27), 0),
            date(2026, 11, 27)
        );
    }

    #[test]
    fn working_time_skips_nights_lunch_and_weekends() {
        let c = BusinessCalendar::china();
        // Monday 10:00 + 2 h → 12:00 (within the morning).
        assert_eq!(
            c.add_working_time(cst(2026, 11, 23, 10, 0), Duration::hours(2)),
            cst(2026, 11, 23, 12, 0)
        );
        // Monday 11:30 + 1 h → 30 min before lunch, 30 after: 14:00.
        assert_eq!(
            c.add_working_time(cst(2026, 11, 23, 11, 30), Duration::hours(1)),
            cst(2026, 11, 23, 14, 0)
        );
        // Overnight: Monday 17:00 + 1 h → Tuesday 09:00.
        assert_eq!(
            c.add_working_time(cst(2026, 11, 23, 17, 0), Duration::hours(1)),
            cst(2026, 11, 24, 9, 0)
        );
        // At night: Monday 22:00 + 30 min → Tuesday 09:00.
        assert_eq!(
            c.add_working_time(cst(2026, 11, 23, 22, 0), Duration::minutes(30)),
            cst(2026, 11, 24, 9, 0)
        );
        // Weekend: Friday 17:00 + 1 h → Monday 09:00.
        assert_eq!(
            c.add_working_time(cst(2026, 11, 27, 17, 0), Duration::hours(1)),
            cst(2026, 11, 30, 9, 0)
        );
        // A request on a Saturday starts counting on Monday morning.
        assert_eq!(
            c.add_working_time(cst(2026, 11, 28, 10, 0), Duration::minutes(30)),
            cst(2026, 11, 30, 9, 0)
        );
    }

    #[test]
    fn targets_spanning_days_holidays_and_a_swapped_saturday() {
        let c = BusinessCalendar::china();
        let day = c.working_day_length();
        assert_eq!(day, Duration::minutes(450));
        // Three working days from Monday 08:30 → Wednesday 17:30.
        assert_eq!(
            c.add_working_time(cst(2026, 11, 23, 8, 30), day * 3),
            cst(2026, 11, 25, 17, 30)
        );
        // Across National Day: Wednesday 2026-09-30 16:30 + 2 h → Thursday 2026-10-08 09:30.
        assert_eq!(
            c.add_working_time(cst(2026, 9, 30, 16, 30), Duration::hours(2)),
            cst(2026, 10, 8, 9, 30)
        );
        // The swapped Saturday 2026-10-10 counts: Friday 10-09 17:00 + 1 h → Saturday 09:00.
        assert_eq!(
            c.add_working_time(cst(2026, 10, 9, 17, 0), Duration::hours(1)),
            cst(2026, 10, 10, 9, 0)
        );
        assert_eq!(
            c.add_working_time(cst(2026, 10, 9, 17, 0), Duration::zero()),
            cst(2026, 10, 9, 17, 0)
        );
    }

    #[test]
    fn elapsed_working_time_is_the_inverse_of_adding_it() {
        let c = BusinessCalendar::china();
        let start = cst(2026, 9, 29, 15, 10);
        for minutes in [1, 45, 200, 451, 1_000, 3_000] {
            let end = c.add_working_time(start, Duration::minutes(minutes));
            assert_eq!(
                c.working_time_between(start, end),
                Duration::minutes(minutes),
                "{minutes}"
            );
        }
        assert_eq!(
            c.working_time_between(cst(2026, 11, 28, 9, 0), cst(2026, 11, 29, 18, 0)),
            Duration::zero()
        );
        assert_eq!(
            c.working_time_between(cst(2026, 11, 24, 9, 0), cst(2026, 11, 23, 9, 0)),
            Duration::zero()
        );
        // 80 % of a 2-hour target used at Monday 10:06 when it started at 08:30.
        let used = c.working_time_between(cst(2026, 11, 23, 8, 30), cst(2026, 11, 23, 10, 6));
        assert_eq!(used * 100 / 120, Duration::minutes(80));
    }

    #[test]
    fn callbacks_are_collected_the_next_working_morning() {
        let c = BusinessCalendar::china();
        let nine = hm(9, 0);
        assert_eq!(
            c.at_next_working_day(cst(2026, 11, 23, 15, 0), nine),
            cst(2026, 11, 24, 9, 0)
        );
        assert_eq!(
            c.at_next_working_day(cst(2026, 11, 27, 17, 0), nine),
            cst(2026, 11, 30, 9, 0)
        );
        // The local date counts: 01:00 CST Monday is still Sunday in UTC.
        assert_eq!(
            c.at_next_working_day(cst(2026, 11, 23, 1, 0), nine),
            cst(2026, 11, 24, 9, 0)
        );
        // Before a holiday week.
        assert_eq!(
            c.at_next_working_day(cst(2026, 9, 30, 16, 0), nine),
            cst(2026, 10, 8, 9, 0)
        );
    }

    #[test]
    fn bad_schedules_and_hours_are_refused_with_the_reason() {
        let c = BusinessCalendar::china();
        let e = c
            .clone()
            .with_schedule("# x\n2026-13-01 off bad")
            .expect_err("month 13");
        assert_eq!(
            e,
            CalendarError::Schedule {
                line: 2,
                reason: "\"2026-13-01\" is not a date (YYYY-MM-DD)".into()
            }
        );
        let e = c
            .clone()
            .with_schedule("2026-12-01 holiday")
            .expect_err("kind");
        assert!(e.to_string().contains("line 1"));
        assert!(
            c.clone()
                .with_schedule("2026-12-01 off\n2026-12-01 work")
                .is_err()
        );
        assert!(BusinessCalendar::new("Mars/Base", vec![(hm(9, 0), hm(17, 0))], vec![]).is_err());
        assert!(BusinessCalendar::new("UTC", vec![], vec![]).is_err());
        assert!(BusinessCalendar::new("UTC", vec![(hm(17, 0), hm(9, 0))], vec![]).is_err());
        assert!(
            BusinessCalendar::new(
                "UTC",
                vec![(hm(9, 0), hm(13, 0)), (hm(12, 0), hm(17, 0))],
                vec![]
            )
            .is_err()
        );
        let all = vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        assert!(BusinessCalendar::new("UTC", vec![(hm(9, 0), hm(17, 0))], all).is_err());
    }

    #[test]
    fn working_hours_parse_and_name_the_bad_period() {
        assert_eq!(
            parse_hours("09:00-12:00, 13:00-18:00").expect("hours"),
            vec![(hm(9, 0), hm(12, 0)), (hm(13, 0), hm(18, 0))]
        );
        assert!(
            parse_hours("9-12")
                .expect_err("bad")
                .to_string()
                .contains("\"9-12\"")
        );
    }

    #[test]
    fn other_time_zones_count_in_their_own_local_time() {
        let c = BusinessCalendar::new(
            "Europe/Berlin",
            vec![(hm(9, 0), hm(17, 0))],
            vec![Weekday::Sat, Weekday::Sun],
        )
        .expect("calendar");
        // Friday 2026-03-27 16:00 CET + 2 h → Monday 2026-03-30 10:00 CEST (DST began Sunday).
        let start = chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2026, 3, 27, 16, 0, 0)
            .single()
            .expect("t");
        let end = c.add_working_time(start.with_timezone(&Utc), Duration::hours(2));
        assert_eq!(
            end,
            chrono_tz::Europe::Berlin
                .with_ymd_and_hms(2026, 3, 30, 10, 0, 0)
                .single()
                .expect("t")
        );
    }

    #[test]
    fn a_term_ends_the_day_before_its_anniversary() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(last_day_of_term(d(2026, 3, 1), 12), Some(d(2027, 2, 28)));
        assert_eq!(last_day_of_term(d(2026, 11, 23), 12), Some(d(2027, 11, 22)));
        assert_eq!(last_day_of_term(d(2026, 3, 1), 1), Some(d(2026, 3, 31)));
        // No 29 February or 31 February next time: the term runs to the end of February.
        assert_eq!(last_day_of_term(d(2024, 2, 29), 12), Some(d(2025, 2, 28)));
        assert_eq!(last_day_of_term(d(2026, 1, 31), 1), Some(d(2026, 2, 28)));
        assert_eq!(last_day_of_term(d(2026, 1, 30), 1), Some(d(2026, 2, 28)));
        assert_eq!(last_day_of_term(d(2026, 3, 31), 1), Some(d(2026, 4, 30)));
        assert_eq!(last_day_of_term(d(2026, 3, 30), 1), Some(d(2026, 4, 29)));
        assert_eq!(last_day_of_term(NaiveDate::MAX, 1), None);
    }

    #[test]
    fn settings_build_the_calendar_and_a_bad_one_is_named() {
        let none = |_: &str| None;
        let default = BusinessCalendar::from_settings(&none).expect("defaults");
        assert!(!default.is_working_day(date(2026, 10, 1)));
        let utc = BusinessCalendar::from_settings(&|k: &str| {
            (k == "AFTERCARE_TIME_ZONE").then(|| "UTC".to_owned())
        })
        .expect("utc");
        assert_eq!(utc.local_date(cst(2026, 11, 24, 7, 0)), date(2026, 11, 23));
        let e = BusinessCalendar::from_settings(&|k: &str| {
            (k == "AFTERCARE_WORKING_HOURS").then(|| "9-5".to_owned())
        })
        .expect_err("bad hours");
        assert!(e.to_string().contains("\"9-5\""), "{e}");
        let e = BusinessCalendar::from_settings(&|k: &str| {
            (k == "AFTERCARE_HOLIDAYS_FILE").then(|| "/nonexistent/holidays.txt".to_owned())
        })
        .expect_err("missing file");
        assert!(e.to_string().contains("AFTERCARE_HOLIDAYS_FILE"), "{e}");
    }
}
