//! The business calendar as the services count on it, read by administrators and managers:
//! a year's public holidays and swapped working days (调休) with their names, the working
//! hours and time zone, and whether the year's and the next year's schedule look loaded.
use aftercare_calendar::{BusinessCalendar, DayKind, ScheduleGap};
use aftercare_contracts::Role::{Admin, Manager};
use axum::Json;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::operation::{Routes, get, query};
use crate::error::ApiError;

/// The first and last year the calendar is read for.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The `year` parameter's schema: a whole number in [`YEARS`].
fn year_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "integer",
        "minimum": YEARS.start(),
        "maximum": YEARS.end(),
    })
}

/// What a day of the schedule is.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CalendarDayKind {
    /// A public holiday: no work although it may be a weekday.
    Holiday,
    /// A weekend day worked (调休, 补班).
    WorkingDay,
}

/// What a year's schedule lacks.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CalendarGap {
    /// Not one day: the State Council's notice for the year is not loaded, weekends are the
    /// only days off.
    NoDays,
    /// Holidays without the weekend days worked: only the statutory days are loaded.
    NoSwappedWorkingDays,
}

impl From<ScheduleGap> for CalendarGap {
    fn from(g: ScheduleGap) -> Self {
        match g {
            ScheduleGap::NoDays => Self::NoDays,
            ScheduleGap::NoSwappedWorkingDays => Self::NoSwappedWorkingDays,
        }
    }
}

/// One holiday or swapped working day.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CalendarDay {
    /// The date.
    pub(crate) date: NaiveDate,
    /// A holiday or a weekend day worked.
    pub(crate) kind: CalendarDayKind,
    /// Its name in the schedule (`春节`, `元旦调休`); empty when it has none.
    pub(crate) name: String,
}

/// A year of the business calendar.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CalendarYear {
    /// The year.
    pub(crate) year: i32,
    /// The company's time zone (IANA name).
    pub(crate) time_zone: String,
    /// The daily working periods (`08:30-12:00`), Monday to Friday and on days worked.
    pub(crate) working_hours: Vec<String>,
    /// The year's holidays and swapped working days, in date order.
    pub(crate) days: Vec<CalendarDay>,
    /// What the year's schedule lacks; absent when it looks complete.
    pub(crate) gap: Option<CalendarGap>,
    /// What the next year's schedule lacks; absent when it looks complete. Due dates are
    /// counted into the next year from the autumn on, so its notice should be loaded when it
    /// is published (usually November).
    pub(crate) next_year_gap: Option<CalendarGap>,
}

/// The query of the calendar.
#[derive(Debug, Deserialize)]
pub(crate) struct CalendarQuery {
    year: Option<String>,
}

/// The calendar the services count on: built from the same settings they read at start-up
/// (`AFTERCARE_TIME_ZONE`, `AFTERCARE_WORKING_HOURS`, `AFTERCARE_HOLIDAYS_FILE`).
pub(super) fn company_calendar() -> Result<BusinessCalendar, ApiError> {
    BusinessCalendar::from_settings(&|k| std::env::var(k).ok()).map_err(|e| {
        ApiError::ServiceUnavailable(format!("the business calendar cannot be read: {e}"))
    })
}

/// The year asked for, 422 naming `year` when it is not one of [`YEARS`].
fn parse_year(raw: Option<&str>, this_year: i32) -> Result<i32, ApiError> {
    let Some(raw) = raw else {
        return Ok(this_year);
    };
    raw.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| {
            ApiError::field(
                "year",
                "invalid",
                format!(
                    "year must be a year from {} to {}",
                    YEARS.start(),
                    YEARS.end()
                ),
            )
        })
}

/// A year of `calendar` as the API shows it.
fn year_of(calendar: &BusinessCalendar, year: i32) -> CalendarYear {
    CalendarYear {
        year,
        time_zone: calendar.time_zone().name().to_owned(),
        working_hours: calendar
            .working_periods()
            .iter()
            .map(|(from, to)| format!("{}-{}", from.format("%H:%M"), to.format("%H:%M")))
            .collect(),
        days: calendar
            .schedule_of(year)
            .into_iter()
            .map(|d| CalendarDay {
                date: d.date,
                kind: match d.kind {
                    DayKind::Off => CalendarDayKind::Holiday,
                    DayKind::Work => CalendarDayKind::WorkingDay,
                },
                name: d.name.to_owned(),
            })
            .collect(),
        gap: calendar.schedule_gap(year).map(Into::into),
        next_year_gap: calendar.schedule_gap(year + 1).map(Into::into),
    }
}

pub(crate) async fn get_business_calendar(
    Query(q): Query<CalendarQuery>,
) -> Result<Response, ApiError> {
    let calendar = company_calendar()?;
    let this_year = calendar.local_date(Utc::now()).year();
    let year = parse_year(q.year.as_deref(), this_year)?;
    Ok(Json(year_of(&calendar, year)).into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("operations").add(
        get("getBusinessCalendar", "/business-calendar")
            .summary("A year of the business calendar: holidays and swapped working days (调休) with their names, working hours, and whether this and the next year's schedule are loaded")
            .roles(&[Manager, Admin])
            .params(&[query(
                "year",
                year_schema,
                "The year, 2000–2100 (default: the company's current year).",
            )])
            .reply::<CalendarYear>()
            .to(get_business_calendar),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_lists_its_days_in_order_with_names_and_says_what_the_next_one_lacks() {
        let calendar = BusinessCalendar::china()
            .with_schedule("2027-01-01 off 元旦")
            .expect("calendar");
        let y = year_of(&calendar, 2026);
        assert_eq!(y.time_zone, "Asia/Shanghai");
        assert_eq!(y.working_hours, ["08:30-12:00", "13:30-17:30"]);
        assert_eq!(y.gap, None);
        assert_eq!(y.next_year_gap, Some(CalendarGap::NoSwappedWorkingDays));
        let swapped = y
            .days
            .iter()
            .find(|d| d.kind == CalendarDayKind::WorkingDay)
            .expect("a day worked");
        assert_eq!(swapped.name, "元旦调休");
        assert!(y.days.windows(2).all(|w| w[0].date < w[1].date));
        let later = year_of(&calendar, 2030);
        assert!(later.days.is_empty());
        assert_eq!(later.gap, Some(CalendarGap::NoDays));
    }

    #[test]
    fn the_year_is_this_one_unless_given_and_a_bad_one_names_the_parameter() {
        assert_eq!(parse_year(None, 2026).ok(), Some(2026));
        assert_eq!(parse_year(Some(" 2027 "), 2026).ok(), Some(2027));
        for bad in ["twenty", "1999", "2101", "2026.5", ""] {
            let e = parse_year(Some(bad), 2026).expect_err(bad);
            assert!(format!("{e:?}").contains("year"), "{bad}: {e:?}");
        }
    }
}
